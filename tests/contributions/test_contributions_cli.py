"""The contributions on the command line: add contributors, export their workbooks, import them back (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resilience_app.cli import main
from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.contributions.workbook_layout import LETTERS
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from tests.contributions.workbooks import filled


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    service = ResilienceService.open(AppPaths.under(folder))
    service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid", city_name_ar="إربد", cro_name="Omar Khalil"))
    service.close()
    return folder


def test_a_workbook_goes_out_and_comes_back_from_the_command_line(capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "water.xlsx"
    code, out, err = run(
        capsys, data_dir, "export-workbook", "1", "--contributor", "Rania Haddad", "--department", "Water Authority", "--lang", "en",
        "--scope", "ind-1.1,q-5.2.a", "--out", str(out_file), "--deadline", "٢٠٢٦-١٢-٢٠",
    )
    assert (code, err) == (0, ""), err
    assert "Rania Haddad (Water Authority)" in out and out_file.is_file()
    code, out, _err = run(capsys, data_dir, "contributors", "1", "--json")
    [listed] = json.loads(out)
    assert listed["name"] == "Rania Haddad" and listed["language"] == "en" and len(listed["assigned"]) == 4
    assert listed["sent_at"] and listed["returned_at"] is None

    returned = tmp_path / "returned.xlsx"
    returned.write_bytes(filled(out_file.read_bytes(), {2: {"level": "4"}, 3: {"level": "9"}}))
    code, out, _err = run(capsys, data_dir, "import-workbook", "1", str(returned), "--json")
    rows = json.loads(out)
    by_outcome = {row["outcome"]: row for row in rows}
    assert by_outcome["new"]["question"] == "q-1.1.a" and by_outcome["new"]["offered_on_record"]
    assert f"Questions!{LETTERS['level']}3" in by_outcome["unreadable"]["problem"]
    code, out, _err = run(capsys, data_dir, "contributors", "1", "--json")
    assert json.loads(out)[0]["returned_at"] is None, "without --confirm nothing is stored"

    code, out, _err = run(capsys, data_dir, "import-workbook", "1", str(returned), "--confirm", "--no-take")
    assert code == 0 and "Stored 1 answer" in out
    service = ResilienceService.open(AppPaths.under(data_dir))
    try:
        assert service.assessments.answers(1) == {}, "--no-take keeps the answer the contributor's only"
        assert [record.answer.level for record in service.contributions.contributions(1)["q-1.1.a"]] == [4]
    finally:
        service.close()
    code, out, _err = run(capsys, data_dir, "contributors", "1")
    assert "1 of 4 answered" in out


def test_export_workbook_reuses_a_contributor_of_that_name(capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    code, out, _err = run(capsys, data_dir, "add-contributor", "1", "--name", "Health Directorate", "--lang", "ar")
    assert code == 0 and out.splitlines()[-1] == "1"
    code, _out, err = run(capsys, data_dir, "export-workbook", "1", "--contributor", "health directorate", "--scope", "goal-2", "--out", str(tmp_path / "h.xlsx"))
    assert code == 0, err
    code, out, _err = run(capsys, data_dir, "contributors", "1", "--json")
    [listed] = json.loads(out)
    assert listed["id"] == 1 and listed["language"] == "ar"


def test_bad_input_is_a_plain_message_and_changes_nothing(capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    not_a_workbook = tmp_path / "sheet.xlsx"
    not_a_workbook.write_text("question,level\nq-1.1.a,3\n")
    code, _out, err = run(capsys, data_dir, "--lang", "ar", "import-workbook", "1", str(not_a_workbook), "--confirm")
    assert code == 2 and "‎.xlsx" in err and "Traceback" not in err
    code, _out, err = run(capsys, data_dir, "import-workbook", "1", str(tmp_path / "missing.xlsx"))
    assert code == 2 and "could not be read" in err
    code, _out, err = run(capsys, data_dir, "export-workbook", "1", "--contributor", "X", "--scope", "goal-99", "--out", str(tmp_path / "x.xlsx"))
    assert code == 2 and "goal-99" in err and not (tmp_path / "x.xlsx").exists()
    with pytest.raises(SystemExit):
        main(["--data-dir", str(data_dir), "export-workbook", "1", "--contributor", "X", "--scope", "goal-1", "--out", "x.xlsx", "--deadline", "soon"])
    code, out, _err = run(capsys, data_dir, "contributors", "1", "--json")
    assert json.loads(out) == [], "a bad scope adds no contributor"
