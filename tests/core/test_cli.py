"""The command line, as a user types it: clear output, clear errors, meaningful exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from resilience_app import __version__
from resilience_app.cli import main
from resilience_app.core.paths import AppPaths
from tests.conftest import seed_content_cache


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "--data-dir", str(tmp_path), "version") == (0, f"resilience-app {__version__}\n", "")


def test_list_json_shows_id_city_and_progress(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from resilience_app.core.assessment.records import AssessmentDetails
    from resilience_app.core.paths import AppPaths
    from resilience_app.core.services import ResilienceService

    service = ResilienceService.open(AppPaths.under(tmp_path))
    service.assessments.create_assessment(AssessmentDetails(city_name_en="Aqaba", city_name_ar="العقبة"))
    service.close()
    code, out, _err = run(capsys, "--data-dir", str(tmp_path), "list", "--json")
    assert code == 0
    [row] = json.loads(out)
    assert row["city"] == {"en": "Aqaba", "ar": "العقبة"}
    assert row["progress"] == 0.0 and isinstance(row["id"], int)


def test_content_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _err = run(capsys, "--data-dir", str(tmp_path), "content", "--json")
    assert code == 0
    content = json.loads(out)
    [framework] = content["frameworks"]
    assert {"id", "version", "name", "dimensions"} <= framework.keys()
    goals = [goal for dimension in framework["dimensions"] for goal in dimension["goals"]]
    assert len(goals) == 12
    assert goals[0]["name"]["en"] == "Meets basic needs" and goals[0]["name"]["ar"]
    question = goals[0]["indicators"][0]["questions"][0]
    assert set(question["prompt"]) == {"en", "ar"}
    hazard = content["hazards"][0]
    assert hazard["kind"] in ("shock", "stress") and set(hazard["name"]) == {"en", "ar"}


def test_validate_content_prints_located_problems_and_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nkind: glossary\nterms:\n  - id: Bad Id\n    term: {en: x}\n    note: {en: y, ar: ص}\n", encoding="utf-8")
    code, out, _err = run(capsys, "--data-dir", str(tmp_path / "d"), "validate-content", str(bad))
    assert code == 1
    lines = out.splitlines()
    assert f"{bad}:4: invalid-id [Bad Id] “Bad Id” is not a valid id. (Use lower-case letters" in lines[0]
    assert any(line.startswith(f"{bad}:5: missing-translation") for line in lines)
    assert lines[-1] == "2 errors, 0 warnings"


def test_validate_shipped_content_is_clean(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _err = run(capsys, "--data-dir", str(tmp_path), "validate-content")
    assert code == 0, out
    assert out.splitlines()[-1].startswith("0 errors")


def test_bad_database_url_is_a_clear_message_in_arabic(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "--lang", "ar", "--database", "nosuch://x", "list")
    assert code == 2 and out == ""
    assert "Traceback" not in err
    assert any("\u0600" <= char <= "\u06ff" for char in err)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_data_dir_is_explained(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    code, _out, err = run(capsys, "--data-dir", str(locked / "sub"), "list")
    assert code == 2 and "cannot be written" in err


def test_data_dir_that_is_a_file_is_explained(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _out, err = run(capsys, "--data-dir", str(blocker), "list")
    assert code == 2
    assert "cannot be written" in err and "Traceback" not in err


def test_corrupt_database_gives_message_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "resilience.sqlite3").write_bytes(b"garbage" * 1000)
    code, _out, err = run(capsys, "--data-dir", str(tmp_path), "list")
    assert code == 2
    assert "damaged" in err and "backup" in err


def test_module_entry_point_and_smoke_test(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    version = subprocess.run([sys.executable, "-m", "resilience_app", "version"], capture_output=True, text=True, env=env, timeout=60)
    assert version.stdout.strip() == f"resilience-app {__version__}"
    seed_content_cache(AppPaths.under(tmp_path))
    smoke = subprocess.run(
        [sys.executable, "-m", "resilience_app", "--data-dir", str(tmp_path), "--lang", "ar", "--smoke-test"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert smoke.returncode == 0, smoke.stderr
    assert "Traceback" not in smoke.stderr


def test_demo_creates_a_complete_marked_sample_and_prints_its_id_last(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _err = run(capsys, "--data-dir", str(tmp_path), "--lang", "ar", "demo")
    assert code == 0
    sample_id = int(out.strip().splitlines()[-1])
    _code, listed, _err = run(capsys, "--data-dir", str(tmp_path), "list", "--json")
    rows = {row["id"]: row for row in json.loads(listed)}  # the sample and its baseline round
    assert len(rows) == 2 and sample_id == max(rows)
    for row in rows.values():
        assert row["progress"] == 1.0 and row["is_sample"] is True
        assert "(sample)" in row["city"]["en"] and "تجريبي" in row["city"]["ar"]


def test_export_pdf_writes_the_brief_and_refuses_bad_input_plainly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _code, out, _err = run(capsys, "--data-dir", str(tmp_path), "demo")
    sample_id = out.strip().splitlines()[-1]
    target = tmp_path / "brief-ar.pdf"
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "export-pdf", sample_id, "--lang", "ar", "--out", str(target), "--sections", "purpose,shocks_stresses")
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF") and str(target) in out
    with pytest.raises(SystemExit) as exit_info:  # --lang also sets the messages' language, so it is checked first
        run(capsys, "--data-dir", str(tmp_path), "export-pdf", sample_id, "--lang", "fr", "--out", str(target))
    assert exit_info.value.code == 2 and "use en or ar" in capsys.readouterr().err
    code, _out, err = run(capsys, "--data-dir", str(tmp_path), "export-pdf", "999", "--lang", "en", "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and "999" in err and not (tmp_path / "x.pdf").exists()


def test_export_pdf_makes_the_pra_when_asked_and_the_brief_by_default(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tests.brief.pdf_reader import page_text

    _code, out, _err = run(capsys, "--data-dir", str(tmp_path), "demo")
    sample_id = out.strip().splitlines()[-1]
    covers = {}
    for document in ("pra", None):
        target = tmp_path / f"{document}.pdf"
        chosen = ["--document", document] if document else []
        code, out, err = run(capsys, "--data-dir", str(tmp_path), "export-pdf", sample_id, "--lang", "en", "--out", str(target), *chosen,
                             "--sections", "city_profile" if document is None else "city_context")
        assert code == 0, err
        covers[document] = " ".join(page_text(target, 1, 1).split())
    assert "Preliminary Resilience Assessment" in covers["pra"] and "Preliminary Resilience Assessment" not in covers[None]
    assert "Strategy-workshop brief" in covers[None]
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "--data-dir", str(tmp_path), "export-pdf", sample_id, "--document", "report", "--lang", "en", "--out", str(tmp_path / "x.pdf"))
    assert exit_info.value.code == 2 and "pra" in capsys.readouterr().err
    for command in ("export-pdf", "export-docx"):  # an empty choice of sections is refused, for the document it names
        code, _out, err = run(capsys, "--data-dir", str(tmp_path), command, sample_id, "--document", "pra", "--lang", "en",
                              "--out", str(tmp_path / "none.out"), "--sections", "")
        assert code == 2 and "at least one section for the document" in err and not (tmp_path / "none.out").exists()
    code, _out, err = run(capsys, "--data-dir", str(tmp_path), "export-docx", sample_id, "--lang", "en", "--out", str(tmp_path / "x.docx"),
                          "--sections", "purpose,\u202ebad")
    assert code == 2 and "[U+202E]bad" in err and "\u202e" not in err  # a name that would garble the terminal is written out


ISOLATES = {"\u2066", "\u2067", "\u2068", "\u2069"}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_paths_in_messages_are_printed_plainly_to_copy_into_a_shell(capsys: pytest.CaptureFixture[str], tmp_path: Path, language: str) -> None:
    """The isolates that keep a path in its direction on screen would be copied into a shell as part of it."""
    database = tmp_path / "resilience.sqlite3"
    database.write_bytes(b"garbage" * 1000)
    code, _out, err = run(capsys, "--data-dir", str(tmp_path), "--lang", language, "list")
    assert code == 2
    assert not ISOLATES & set(err), repr(err)
    assert f" {database} " in err  # the whole path, between plain spaces, as a shell takes it
    assert (language == "ar") == any("\u0600" <= char <= "\u06ff" for char in err)  # still the Arabic message


def test_the_terminal_printer_removes_only_isolate_marks() -> None:
    from resilience_app.cli import plain_for_terminal
    from resilience_app.core.i18n import isolate

    assert plain_for_terminal("الملف " + isolate("/tmp/a b.pdf") + " محفوظ") == "الملف /tmp/a b.pdf محفوظ"
    assert plain_for_terminal("\u200fمرحبا \u2066x\u2069") == "\u200fمرحبا x"


@pytest.mark.parametrize("typed", [str(10**30), str(2**63), "-1", "0", "٩٩٩"])
def test_an_assessment_id_no_assessment_has_does_not_exist(capsys: pytest.CaptureFixture[str], tmp_path: Path, typed: str) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "export-pdf", typed, "--lang", "en", "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and out == ""
    assert "does not exist" in err and "Traceback" not in err and "unexpected" not in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("typed", ["abc", "1e5", "2.5", "１２", "1٢"])
def test_an_assessment_id_that_is_not_a_number_is_refused_plainly(capsys: pytest.CaptureFixture[str], tmp_path: Path, typed: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "--data-dir", str(tmp_path), "--lang", "ar", "export-pdf", typed, "--lang", "ar", "--out", str(tmp_path / "x.pdf"))
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert typed in err and "ASSESSMENT_ID" in err and "Traceback" not in err
    assert any("\u0600" <= char <= "\u06ff" for char in err.splitlines()[-1])


def test_arabic_messages_write_their_counts_in_arabic_digits(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _err = run(capsys, "--data-dir", str(tmp_path), "--lang", "ar", "validate-content")
    assert code == 0
    summary = out.strip().splitlines()[-1]
    assert "٠" in summary and not any(character.isascii() and character.isdigit() for character in summary), summary
    code, out, _err = run(capsys, "--data-dir", str(tmp_path), "--lang", "ar", "content")
    assert not any(character.isascii() and character.isdigit() for character in out.splitlines()[-1])
