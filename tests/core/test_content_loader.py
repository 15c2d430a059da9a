"""The content loader: real content is clean; every kind of mistake is found, located and coded."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from resilience_app.core import resources
from resilience_app.core.content import load_content

FRAMEWORK = """\
schema: 1
kind: framework
id: crf
version: "1.0"
name: {en: Framework, ar: الإطار}
description: {en: About it, ar: عنه}
levels:
  1: {en: One, ar: واحد}
  2: {en: Two, ar: اثنان}
  3: {en: Three, ar: ثلاثة}
  4: {en: Four, ar: أربعة}
  5: {en: Five, ar: خمسة}
qualities:
  - id: robust
    name: {en: Robust, ar: المتانة}
    description: {en: Fails safely, ar: يتعطل بأمان}
dimensions:
  - id: health-wellbeing
    name: {en: Health, ar: الصحة}
    goals:
      - id: goal-1
        number: 1
        name: {en: Meets basic needs, ar: تلبية الاحتياجات الأساسية}
        outcome: {en: Minimal vulnerability, ar: الحد من الهشاشة}
"""

INDICATORS = """\
schema: 1
kind: indicators
framework: crf
goal: goal-1
indicators:
  - id: ind-1.1
    number: "1.1"
    name: {en: Housing, ar: السكن}
    questions:
      - id: q-1.1.a
        prompt: {en: Is housing safe?, ar: هل السكن آمن؟}
        guidance: {en: Look at inspections., ar: راجع التفتيش.}
        who_knows: {en: Housing department, ar: دائرة الإسكان}
        scenarios:
          1: {en: Unsafe, ar: غير آمن}
          2: {en: Mostly unsafe, ar: غير آمن في معظمه}
          3: {en: Partly safe, ar: آمن جزئياً}
          4: {en: Mostly safe, ar: آمن في معظمه}
          5: {en: Safe, ar: آمن}
        qualities: [robust]
        numeric:
          unit: {en: "%", ar: "٪"}
          better: higher
          thresholds: [20, 40, 60, 80]
"""

HANG_TIMEOUT_SECONDS = 120


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def codes(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [problem.code for problem in result.problems]


def test_shipped_content_is_clean_and_complete() -> None:
    result = load_content([resources.forms_dir()])
    assert [problem.format() for problem in result.errors] == []
    framework = result.content.framework("crf")
    assert framework is not None
    assert len(framework.dimensions) == 4
    goals = list(framework.goals())
    assert [goal.number for goal in goals] == list(range(1, 13))
    assert all(goal.name.in_language("ar") and goal.outcome.in_language("ar") for goal in goals)
    assert {hazard.kind for hazard in result.content.hazards} == {"shock", "stress"}


def test_valid_small_content_builds(tmp_path: Path) -> None:
    write(tmp_path, "framework.yaml", FRAMEWORK)
    write(tmp_path, "goal-1.yaml", INDICATORS)
    result = load_content([tmp_path])
    assert result.problems == ()
    question = next(result.content.frameworks[0].questions())
    assert question.prompt.in_language("ar") == "هل السكن آمن؟"
    assert question.numeric is not None and question.numeric.level_for(65) == 4


@pytest.mark.parametrize(("flag", "expected"), [("", False), ("mandate_often_national: true", True), ("mandate_often_national: false", False)])
def test_a_question_may_say_its_service_is_often_run_by_a_ministry(tmp_path: Path, flag: str, expected: bool) -> None:
    write(tmp_path, "framework.yaml", FRAMEWORK)
    write(tmp_path, "goal-1.yaml", INDICATORS.replace("qualities: [robust]", f"qualities: [robust]\n        {flag}"))
    result = load_content([tmp_path])
    assert result.problems == ()
    assert next(result.content.frameworks[0].questions()).mandate_often_national is expected


def test_a_question_missing_a_level_description_is_located(tmp_path: Path) -> None:
    write(tmp_path, "framework.yaml", FRAMEWORK)
    write(tmp_path, "goal-1.yaml", INDICATORS.replace("          4: {en: Mostly safe, ar: آمن في معظمه}\n", ""))
    [problem] = load_content([tmp_path]).errors
    assert (problem.code, problem.item_id) == ("missing-field", "q-1.1.a") and "scenarios.4" in problem.message


def test_a_question_named_in_a_text_reads_as_the_number_the_user_sees(tmp_path: Path) -> None:
    write(tmp_path, "framework.yaml", FRAMEWORK)
    second = INDICATORS.split("    questions:\n")[1].replace("q-1.1.a", "q-1.1.c").replace("Look at inspections.", '"Figures are asked in {q-1.1.a}."')
    second = second.replace("راجع التفتيش.", '"الأرقام في السؤال {q-1.1.a}."')
    write(tmp_path, "goal-1.yaml", INDICATORS + second)
    result = load_content([tmp_path])
    assert result.problems == ()
    question = result.content.frameworks[0].question("q-1.1.c")
    assert question is not None and question.guidance.in_language("en") == "Figures are asked in 1.1.1."
    assert question.guidance.in_language("ar") == "الأرقام في السؤال ١.١.١."  # a question's number keeps its full stops


def test_a_question_named_in_a_text_that_does_not_exist_is_located(tmp_path: Path) -> None:
    write(tmp_path, "framework.yaml", FRAMEWORK)
    write(tmp_path, "goal-1.yaml", INDICATORS.replace("Look at inspections.", '"See {q-1.1.z}."'))
    [problem] = load_content([tmp_path]).errors
    assert (problem.code, problem.item_id, problem.line) == ("unknown-reference", "q-1.1.a", 10) and "q-1.1.z" in problem.message


def test_a_ministry_flag_that_is_not_yes_or_no_is_located(tmp_path: Path) -> None:
    write(tmp_path, "framework.yaml", FRAMEWORK)
    write(tmp_path, "goal-1.yaml", INDICATORS.replace("qualities: [robust]", "qualities: [robust]\n        mandate_often_national: sometimes"))
    result = load_content([tmp_path])
    [problem] = result.errors
    assert (problem.code, problem.line, problem.item_id) == ("wrong-type", 21, "q-1.1.a")
    assert "true or false" in problem.message


def test_the_shipped_ministry_services_are_flagged() -> None:
    framework = load_content([resources.forms_dir()]).content.framework("crf")
    assert framework is not None
    flagged = {question.id for question in framework.questions() if question.mandate_often_national}
    assert {"q-1.3.d", "q-3.3.a", "q-5.1.d"} <= flagged  # water quality, ambulances, recorded crime
    # Services and figures a ministry or a national utility holds, not a way to excuse goals: never most of a goal.
    for goal in framework.goals():
        questions = [question.id for indicator in goal.indicators for question in indicator.questions]
        assert sum(question in flagged for question in questions) <= len(questions) // 2, goal.id


def test_missing_arabic_is_an_error_located_at_its_line(tmp_path: Path) -> None:
    write(tmp_path, "framework.yaml", FRAMEWORK)
    write(tmp_path, "goal-1.yaml", INDICATORS.replace("prompt: {en: Is housing safe?, ar: هل السكن آمن؟}", "prompt: {en: Is housing safe?}"))
    result = load_content([tmp_path])
    [problem] = result.errors
    assert problem.code == "missing-translation"
    assert problem.line == 11
    assert problem.item_id == "q-1.1.a"
    assert "Arabic" in problem.message
    assert problem.format().startswith(f"{tmp_path / 'goal-1.yaml'}:11: missing-translation")


def test_every_problem_is_collected_not_just_the_first(tmp_path: Path) -> None:
    write(tmp_path, "framework.yaml", FRAMEWORK.replace("number: 1", "numbr: 1"))
    broken = INDICATORS.replace("qualities: [robust]", "qualities: [robst]").replace("thresholds: [20, 40, 60, 80]", "thresholds: [80, 60, 40, 20]")
    write(tmp_path, "goal-1.yaml", broken)
    result = load_content([tmp_path])
    found = codes(result)
    assert "unknown-field" in found and "missing-field" in found
    assert "unknown-reference" in found and "bad-thresholds" in found
    unknown_field = next(p for p in result.problems if p.code == "unknown-field")
    assert unknown_field.hint == "did you mean “number”?"
    reference = next(p for p in result.problems if p.code == "unknown-reference" and p.item_id == "q-1.1.a")
    assert reference.hint == "did you mean “robust”?"


def test_duplicate_ids_across_files_point_at_the_first_use(tmp_path: Path) -> None:
    write(tmp_path, "framework.yaml", FRAMEWORK)
    write(tmp_path, "goal-1.yaml", INDICATORS)
    write(tmp_path, "more.yaml", INDICATORS.replace("id: ind-1.1", "id: ind-1.2"))
    result = load_content([tmp_path])
    duplicate = next(p for p in result.problems if p.code == "duplicate-id")
    assert duplicate.item_id == "q-1.1.a"
    assert "goal-1.yaml:10" in duplicate.message


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("schema: 1\nkind: framework\nname: [unclosed\n", "yaml-syntax", 4),
        ("schema: 2\nkind: framework\n", "unsupported-schema", 1),
        ("schema: 1\nkind: framwork\n", "unknown-kind", 2),
        ("- just\n- a list\n", "not-a-mapping", 1),
        ("kind: framework\n", "missing-field", 1),
    ],
)
def test_broken_files_get_one_clear_located_problem(tmp_path: Path, text: str, code: str, line: int) -> None:
    write(tmp_path, "bad.yaml", text)
    result = load_content([tmp_path])
    assert [(p.code, p.line) for p in result.problems] == [(code, line)]


def test_a_file_that_is_not_text_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "binary.yaml").write_bytes(b"\xff\xfe\x00garbage")
    result = load_content([tmp_path])
    assert codes(result) == ["file-unreadable"]


def test_unknown_kind_suggests_the_closest(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", "schema: 1\nkind: hazard\n")
    [problem] = load_content([tmp_path]).problems
    assert problem.hint == "did you mean “hazards”?"


def test_hazard_with_unknown_goal_and_kind(tmp_path: Path) -> None:
    write(tmp_path, "framework.yaml", FRAMEWORK)
    write(
        tmp_path,
        "hazards.yaml",
        """\
        schema: 1
        kind: hazards
        categories:
          - id: natural
            name: {en: Natural, ar: طبيعية}
        hazards:
          - id: earthquake
            kind: shok
            category: natural
            name: {en: Earthquake, ar: زلزال}
            description: {en: The ground shakes., ar: تهتز الأرض.}
            goals: [goal-1, goal-13]
        """,
    )
    result = load_content([tmp_path])
    assert sorted(codes(result)) == ["invalid-value", "unknown-reference"]
    invalid = next(p for p in result.problems if p.code == "invalid-value")
    assert invalid.line == 8 and invalid.hint == "did you mean “shock”?"


def test_problems_read_in_arabic(tmp_path: Path) -> None:
    from resilience_app.core import i18n

    write(tmp_path, "bad.yaml", "schema: 1\nkind: framework\nid: crf\n")
    result = load_content([tmp_path])
    i18n.set_language("ar")
    message = result.problems[0].message
    assert any("\u0600" <= char <= "\u06ff" for char in message)


def test_the_catalogue_serves_arab_cities_and_the_strong_cities_network() -> None:
    content = load_content([resources.forms_dir()]).content
    hazards = {hazard.id: hazard for hazard in content.hazards}
    assert len(hazards) >= 40
    assert {hazard.category for hazard in hazards.values()} == {
        "natural", "climate", "health", "infrastructure-technology", "economic", "social", "security-governance"
    }
    named_in_regional_strategies = {"water-scarcity", "power-cuts", "refugee-influx", "armed-conflict", "heatwave"}
    strong_cities_network = {"social-polarisation", "hate-speech-and-hate-crime", "violent-extremism"}
    assert named_in_regional_strategies | strong_cities_network <= hazards.keys()
    goal_ids = {goal.id for goal in content.default_framework.goals()}  # type: ignore[union-attr]
    for hazard in hazards.values():
        assert hazard.name.in_language("en") and hazard.name.in_language("ar") and hazard.description.in_language("ar")
        assert hazard.goals and set(hazard.goals) <= goal_ids, hazard.id


# --- Content files are read only when ordinary and bounded (issue 16, item 11) ---------------------


def _only_problem(result, path: Path):  # type: ignore[no-untyped-def]
    [problem] = [problem for problem in result.problems if problem.file == path]
    return problem


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_validate_content_on_a_named_pipe_reports_it_and_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "framework.yaml"
    os.mkfifo(fifo)
    finished = subprocess.run(
        [sys.executable, "-m", "resilience_app", "--lang", "en", "validate-content", str(fifo)],
        capture_output=True, text=True, timeout=30, check=False,
    )
    assert finished.returncode == 1, finished.stderr
    assert f"{fifo}: not-a-file" in finished.stdout
    assert "named pipe" in finished.stdout
    # And a pipe inside a content folder is reported too, not waited on nor silently skipped.
    result = load_content([tmp_path])
    assert _only_problem(result, fifo).code == "not-a-file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.timeout(HANG_TIMEOUT_SECONDS)  # what it guards against never ends; its speed is make bench's
def test_dev_zero_is_refused_as_a_device_at_once() -> None:
    result = load_content([Path("/dev/zero")])
    problem = _only_problem(result, Path("/dev/zero"))
    assert (problem.code, problem.severity.value) == ("not-a-file", "error")
    assert "a device" in problem.message


def test_a_folder_named_as_a_content_file_is_reported_not_skipped(tmp_path: Path) -> None:
    write(tmp_path, "framework.yaml", FRAMEWORK)
    (tmp_path / "goal-1.yaml").mkdir()
    result = load_content([tmp_path])
    problem = _only_problem(result, tmp_path / "goal-1.yaml")
    assert problem.code == "not-a-file"
    assert "a folder" in problem.message
    assert problem.format().startswith(f"{tmp_path / 'goal-1.yaml'}: not-a-file")


def test_an_oversized_content_file_is_refused_reading_no_more_than_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from resilience_app.core.content.loading import files

    monkeypatch.setattr(files, "MAX_CONTENT_FILE_BYTES", len(FRAMEWORK.encode()))
    (tmp_path / "fits").mkdir()
    fits = write(tmp_path / "fits", "framework.yaml", FRAMEWORK)
    assert [problem.code for problem in load_content([fits]).errors] == []  # exactly the cap is read
    big = write(tmp_path, "framework.yaml", FRAMEWORK + "# one byte more\n")
    problem = _only_problem(load_content([big]), big)
    assert problem.code == "too-large"
    assert "larger than 5 MB" in problem.message
    assert problem.hint


def test_snapshot_fingerprint_does_not_read_a_pipe(tmp_path: Path) -> None:
    from resilience_app.core.content.snapshot import snapshot_key

    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes need POSIX")
    os.mkfifo(tmp_path / "framework.yaml")
    assert snapshot_key([tmp_path]) is None  # refused at once: the content is parsed, and its problem shown


COUNTED_DAYS = """\
          unit: {en: days, ar: يوم}
          counted:
            ar: {one: يوم واحد, two: يومان, few: أيام, many: يومًا}"""


def test_a_unit_may_give_its_arabic_counted_forms(tmp_path: Path) -> None:
    write(tmp_path, "framework.yaml", FRAMEWORK)
    write(tmp_path, "goal-1.yaml", INDICATORS.replace('          unit: {en: "%", ar: "٪"}', COUNTED_DAYS))
    result = load_content([tmp_path])
    assert result.problems == ()
    scale = next(result.content.frameworks[0].questions()).numeric
    assert scale is not None and scale.counted["ar"]["many"] == "يومًا" and scale.unit_for(75, "ar") == "يومًا"


@pytest.mark.parametrize(("forms", "code", "said"), [
    ("ar: {one: يوم واحد, fwe: أيام}", "unknown-field", "few"),  # not a CLDR category: the closest one is suggested
    ("en: {few: days}", "unknown-field", "en"),  # Arabic only
    ("ar: {few: ''}", "wrong-type", "empty text"),  # a form must be text, and not empty
])
def test_a_bad_counted_form_is_located(tmp_path: Path, forms: str, code: str, said: str) -> None:
    write(tmp_path, "framework.yaml", FRAMEWORK)
    bad = COUNTED_DAYS.replace("ar: {one: يوم واحد, two: يومان, few: أيام, many: يومًا}", forms)
    write(tmp_path, "goal-1.yaml", INDICATORS.replace('          unit: {en: "%", ar: "٪"}', bad))
    [problem] = load_content([tmp_path]).errors
    assert (problem.code, problem.line, problem.item_id) == (code, 24, "q-1.1.a")  # the line of `ar:` or `en:` under `counted:`
    assert said in problem.format()
