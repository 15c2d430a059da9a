"""`follow-up` and `compare` as a user types them: the new id last, the comparison as JSON or a table in the
command line's language, and plain messages for ids that are not there."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from resilience_app.cli import main
from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _first_goal_questions(service: ResilienceService) -> list[str]:
    goal = next(service.framework().goals())
    return [question.id for indicator in goal.indicators for question in indicator.questions]


@pytest.fixture
def baseline_id(tmp_path: Path) -> int:
    """Madaba with every question of the first goal at level 2."""
    service = ResilienceService.open(AppPaths.under(tmp_path))
    try:
        record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Madaba", city_name_ar="مادبا"))
        for question_id in _first_goal_questions(service):
            service.assessments.save_answer(record.id, question_id, AnswerDraft("level", 2, confidence="high"))
        return record.id
    finally:
        service.close()


def _raise_first_goal_to_three(tmp_path: Path, assessment_id: int) -> None:
    service = ResilienceService.open(AppPaths.under(tmp_path))
    try:
        for question_id in _first_goal_questions(service):
            service.assessments.save_answer(assessment_id, question_id, AnswerDraft("level", 3, confidence="low"))
    finally:
        service.close()


def test_follow_up_prints_the_new_id_last_and_how_many_answers_are_to_review(capsys: pytest.CaptureFixture[str], tmp_path: Path, baseline_id: int) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "follow-up", str(baseline_id), "--carry-answers", "--carry-register")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Started a follow-up of “Madaba”."
    assert lines[1].endswith("answers carried over, to review.")
    new_id = int(lines[-1])
    code, out, _err = run(capsys, "--data-dir", str(tmp_path), "list", "--json")
    assert sorted(row["id"] for row in json.loads(out)) == [baseline_id, new_id]
    assert {row["id"]: row["round"]["kind"] for row in json.loads(out)} == {baseline_id: "baseline", new_id: "follow_up"}
    assert {row["id"]: row["to_review"] for row in json.loads(out)} == {baseline_id: 0, new_id: len(_questions_of_goal_one(tmp_path))}
    code, out, _err = run(capsys, "--data-dir", str(tmp_path), "list")
    assert {line.split("\t")[0]: line.split("\t")[2].split(",")[0] for line in out.splitlines()} == {str(baseline_id): "Baseline", str(new_id): "Follow-up"}


def test_compare_json_gives_both_rounds_per_goal_and_dimension_and_null_where_not_comparable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, baseline_id: int
) -> None:
    new_id = int(run(capsys, "--data-dir", str(tmp_path), "follow-up", str(baseline_id), "--carry-answers")[1].splitlines()[-1])
    code, out, _err = run(capsys, "--data-dir", str(tmp_path), "compare", str(baseline_id), str(new_id), "--json")
    assert code == 0
    untouched = json.loads(out)
    assert (untouched["baseline"]["round"], untouched["follow_up"]["round"]) == ("baseline", "follow_up")
    assert untouched["follow_up"]["to_review"] == len(_questions_of_goal_one(tmp_path))
    first_goal = untouched["goals"][0]
    assert first_goal["baseline"] == {"level": 2.0, "coverage": 1.0, "low_confidence_share": 0.0}
    assert first_goal["follow_up"]["level"] is None  # carried over, not yet reviewed
    assert (first_goal["change"], first_goal["verdict"], first_goal["not_comparable_because"]) == (None, "not_comparable", "still_to_review")
    assert first_goal["name"]["en"] == "Meets basic needs" and first_goal["name"]["ar"]
    assert len(untouched["goals"]) == 12 and len(untouched["dimensions"]) == 4

    _raise_first_goal_to_three(tmp_path, new_id)
    reviewed = json.loads(run(capsys, "--data-dir", str(tmp_path), "compare", str(baseline_id), str(new_id), "--json")[1])
    first_goal = reviewed["goals"][0]
    assert first_goal["follow_up"] == {"level": 3.0, "coverage": 1.0, "low_confidence_share": 1.0}
    assert (first_goal["change"], first_goal["verdict"], first_goal["not_comparable_because"]) == (1.0, "improved", None)
    assert first_goal["low_confidence"] and first_goal["compared_on"]["up"] == first_goal["compared_on"]["questions_levelled_in_both"] > 0
    first_dimension = reviewed["dimensions"][0]
    assert (first_dimension["change"], first_dimension["not_comparable_because"]) == (None, "too_few_in_common")  # one goal of three
    assert reviewed["goals"][1]["change"] is None  # neither round has a level
    assert len(reviewed["questions"]["moved_up"]) == len(_questions_of_goal_one(tmp_path)) and reviewed["questions"]["moved_down"] == []
    assert reviewed["questions"]["only_in_baseline"] == reviewed["questions"]["only_in_follow_up"] == []


def _questions_of_goal_one(tmp_path: Path) -> list[str]:
    service = ResilienceService.open(AppPaths.under(tmp_path))
    try:
        return _first_goal_questions(service)
    finally:
        service.close()


def test_compare_reads_as_a_table_in_english(capsys: pytest.CaptureFixture[str], tmp_path: Path, baseline_id: int) -> None:
    new_id = int(run(capsys, "--data-dir", str(tmp_path), "follow-up", str(baseline_id))[1].splitlines()[-1])
    _raise_first_goal_to_three(tmp_path, new_id)
    code, out, _err = run(capsys, "--data-dir", str(tmp_path), "compare", str(baseline_id), str(new_id))
    assert code == 0
    assert "Meets basic needs\t2.0 (100% covered, 0% low confidence)\t3.0 (100% covered, 100% low confidence)\t+1.0 (improved, low confidence)" in out.splitlines()
    assert "Supports livelihoods and employment\t— (0% covered)\t— (0% covered)\tnot comparable: no level in either round" in out.splitlines()


def test_compare_in_arabic_writes_its_figures_in_arabic_digits(capsys: pytest.CaptureFixture[str], tmp_path: Path, baseline_id: int) -> None:
    new_id = int(run(capsys, "--data-dir", str(tmp_path), "follow-up", str(baseline_id))[1].splitlines()[-1])
    _raise_first_goal_to_three(tmp_path, new_id)
    code, out, _err = run(capsys, "--data-dir", str(tmp_path), "--lang", "ar", "compare", str(baseline_id), str(new_id))
    assert code == 0
    assert "مادبا" in out and "٣٫٠" in out and "٢٫٠" in out
    assert not any(character.isascii() and character.isdigit() for character in out), out


@pytest.mark.parametrize("language", ["en", "ar"])
def test_bad_ids_get_the_plain_messages_other_commands_give(capsys: pytest.CaptureFixture[str], tmp_path: Path, baseline_id: int, language: str) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "--lang", language, "compare", str(baseline_id), "999")
    assert (code, out) == (2, "")
    assert "Traceback" not in err and ("999" in err or "٩٩٩" in err)
    assert (language == "ar") == any("\u0600" <= character <= "\u06ff" for character in err)
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "--lang", language, "follow-up", "404")
    assert (code, out) == (2, "") and "Traceback" not in err
    with pytest.raises(SystemExit) as refused:
        run(capsys, "--data-dir", str(tmp_path), "compare", "abc", str(baseline_id))
    assert refused.value.code == 2 and "abc" in capsys.readouterr().err
    code, out, _err = run(capsys, "--data-dir", str(tmp_path), "list", "--json")
    assert [row["id"] for row in json.loads(out)] == [baseline_id]  # nothing was made


def test_follow_up_takes_its_kind_and_date_and_refuses_a_date_it_cannot_read_or_before_the_round_it_follows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, baseline_id: int
) -> None:
    code, out, _err = run(capsys, "--data-dir", str(tmp_path), "follow-up", str(baseline_id), "--kind", "mid_term", "--date", "٢٠٩٠-٠٣-٠١")
    assert code == 0
    new_id = int(out.splitlines()[-1])
    service = ResilienceService.open(AppPaths.under(tmp_path))
    try:
        made = service.rounds.round_of(new_id)
        assert (made.kind, made.date) == ("mid_term", dt.date(2090, 3, 1))
    finally:
        service.close()
    with pytest.raises(SystemExit) as unreadable:
        run(capsys, "--data-dir", str(tmp_path), "follow-up", str(baseline_id), "--date", "1 March")
    assert unreadable.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err
    code, _out, err = run(capsys, "--data-dir", str(tmp_path), "follow-up", str(new_id), "--date", "2089-01-01")
    assert code == 2 and "2090" in err  # before the round it follows: refused, nothing made
