"""Exporting the workbook: a finished file or none, plain refusals, an empty assessment, extra sheets, the CLI."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from resilience_app.cli import main
from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.brief.data import BriefData, collect
from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import using_language
from resilience_app.core.services import ResilienceService
from resilience_app.core.spreadsheet.builder import SHEET_BUILDERS, build_workbook, check_sheets
from resilience_app.core.spreadsheet.export import export_workbook
from resilience_app.core.spreadsheet.model import Column, Sheet
from tests.brief.pdf_reader import needs_poppler, page_text, plain
from tests.spreadsheet.workbook_reader import needs_soffice, tables


def _new(service: ResilienceService, name: str = "Testville") -> int:
    return service.assessments.create_assessment(AssessmentDetails(city_name_en=name, city_name_ar="مدينة الاختبار")).id


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_assessment_with_nothing_in_it_still_has_every_sheet_with_its_header(service: ResilienceService, exports: Path, language: str) -> None:
    result = service.export_xlsx(_new(service), language=language, path=exports / "empty.xlsx")
    book = load_workbook(result.path)
    assert [sheet.title for sheet in book.worksheets] == list(result.sheets)
    assert len(result.sheets) == len(SHEET_BUILDERS)
    for sheet in book.worksheets:  # Power BI keeps a query working when a table is empty, not when it is gone
        assert sheet.max_column > 1 and all(cell.value for cell in sheet[1]), sheet.title
    answers = tables(result.path)[result.sheets[1]]
    assert len(answers) == service.framework().question_count  # every question, none answered


def test_an_unwritable_path_or_the_apps_own_file_is_refused_and_leaves_nothing(service: ResilienceService, exports: Path) -> None:
    assessment_id = _new(service)
    blocker = exports / "a-file"
    blocker.write_text("not a folder")
    for target in (exports / "missing" / "book.xlsx", blocker / "book.xlsx", exports):
        with pytest.raises(UserFacingError) as caught:
            service.export_xlsx(assessment_id, language="en", path=target)
        assert caught.value.code is ErrorCode.WORKBOOK_EXPORT_FAILED
        assert caught.value.message.startswith("The workbook could not be saved as")
    database = service.database.file
    assert database is not None
    before = database.read_bytes()
    with pytest.raises(UserFacingError, match="one of the app's own files"):
        service.export_xlsx(assessment_id, language="en", path=database)
    assert database.read_bytes() == before
    assert sorted(path.name for path in exports.iterdir()) == ["a-file"]


def test_a_full_disk_keeps_the_previous_workbook_whole(service: ResilienceService, exports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assessment_id = _new(service)
    target = exports / "book.xlsx"
    service.export_xlsx(assessment_id, language="en", path=target)
    before = target.read_bytes()

    def disk_full(workbook: object, path: Path) -> None:
        path.write_bytes(b"PK half a zip")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("resilience_app.core.spreadsheet.export.write_xlsx", disk_full)
    with pytest.raises(UserFacingError) as caught:
        service.export_xlsx(assessment_id, language="en", path=target)
    assert "No space left on device" in caught.value.message
    assert target.read_bytes() == before
    assert [path.name for path in exports.iterdir()] == ["book.xlsx"]  # no temporary file left beside it


def test_an_unknown_language_or_assessment_is_refused(service: ResilienceService, exports: Path) -> None:
    with pytest.raises(UserFacingError, match="The workbook can be exported in English"):
        service.export_xlsx(_new(service), language="fr", path=exports / "x.xlsx")
    with pytest.raises(UserFacingError) as caught:
        service.export_xlsx(999, language="en", path=exports / "x.xlsx")
    assert caught.value.code is ErrorCode.ASSESSMENT_NOT_FOUND
    assert not list(exports.iterdir())


def _extra(data: BriefData) -> Sheet:
    """A sheet another feature could add."""
    return Sheet(key="extra", title="Extra", columns=(Column("Assessment id"), Column("City")),
                 rows=((data.assessment.id, data.assessment.city_name("en")),))


def test_extra_sheets_come_after_the_workbooks_own(service: ResilienceService, exports: Path) -> None:
    assessment_id = _new(service)
    result = export_workbook(service.context, assessment_id, language="en", path=exports / "extra.xlsx", is_own_file=service.is_own_file,
                             extra_sheets=[_extra])
    assert result.sheets[-1] == "Extra" and len(result.sheets) == len(SHEET_BUILDERS) + 1
    assert tables(result.path)["Extra"] == [{"Assessment id": assessment_id, "City": "Testville"}]


def test_a_builder_mistake_fails_before_any_file_is_written(service: ResilienceService) -> None:
    data = collect(service.context, _new(service))
    with using_language("en"):
        answers = SHEET_BUILDERS[1](data)
    renamed = Sheet(key="other", title=answers.title.upper(), columns=answers.columns, rows=())
    with pytest.raises(ValueError, match="two sheets"):
        check_sheets([answers, renamed])  # Excel ignores case in sheet names
    with pytest.raises(ValueError, match="cannot name a sheet"):
        check_sheets([Sheet(key="x", title="a/b", columns=(Column("A"),), rows=())])
    with pytest.raises(ValueError, match="one value per column"):
        build_workbook(data, "en", [lambda _data: Sheet(key="x", title="X", columns=(Column("A"),), rows=((1, 2),))])


def test_the_command_line_writes_the_workbook_in_the_language_asked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    sample_id = capsys.readouterr().out.strip().splitlines()[-1]
    target = tmp_path / "sample-ar.xlsx"
    assert main(["--data-dir", str(data_dir), "export-xlsx", sample_id, "--lang", "ar", "--out", str(target)]) == 0
    out = capsys.readouterr().out
    assert str(target) in out and f"({format_number(len(SHEET_BUILDERS), language='ar')} " in out  # --lang ar: the message is Arabic
    book = load_workbook(target)
    assert book.worksheets[0].sheet_view.rightToLeft and book.properties.language == "ar"
    with pytest.raises(SystemExit) as exit_info:  # --lang also sets the messages' language, so it is checked first
        main(["--data-dir", str(data_dir), "export-xlsx", sample_id, "--lang", "fr", "--out", str(target)])
    assert exit_info.value.code == 2 and "use en or ar" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "export-xlsx", "999", "--lang", "en", "--out", str(tmp_path / "x.xlsx")]) == 2
    assert "999" in capsys.readouterr().err and not (tmp_path / "x.xlsx").exists()
    assert main(["--data-dir", str(data_dir), "export-xlsx", sample_id, "--lang", "en", "--out", str(tmp_path / "all.xlsx"), "--include-sensitive"]) == 0
    sensitive = {row["Question id"]: row for row in tables(tmp_path / "all.xlsx")["Answers"]}
    assert sensitive["q-5.2.a"]["Justification"]  # included on request


@needs_soffice
@needs_poppler
@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "ar"])
def test_libreoffice_opens_the_workbook(sample_workbooks: dict[tuple[str, bool], Path], tmp_path: Path, language: str) -> None:
    """LibreOffice reads every sheet (it renders them to a PDF); the texts come out as written."""
    source = sample_workbooks[(language, False)]
    profile = tmp_path / "libreoffice-profile"  # its own profile: a user's running LibreOffice does not take the job
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=240,
    )
    pdf = tmp_path / source.with_suffix(".pdf").name
    text = plain(page_text(pdf))
    expected = ["q-1.1.a", "goal-12", "Wadi Al-Zuhur"] if language == "en" else ["q-1.1.a", "goal-12", "وادي الزهور"]
    for word in expected:
        assert plain(word) in text, word


def test_openpyxl_loads_only_when_a_workbook_is_made() -> None:
    """The window and the command line start without it, as they start without ReportLab."""
    code = "import sys, resilience_app.cli, resilience_app.core.services, resilience_app.gui.main_window; print(sorted({'openpyxl', 'reportlab'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
