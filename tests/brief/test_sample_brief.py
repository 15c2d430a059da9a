"""The sample's brief read back from the PDF, in English and Arabic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resilience_app.core import resources
from resilience_app.core.brief.sections import BRIEF, DOCUMENTS, PRA, SECTION_TITLES
from resilience_app.core.content import load_content
from resilience_app.core.i18n import translate_in
from tests.brief.conftest import EXPORT_DAY
from tests.brief.pdf_reader import fonts, needs_poppler, page_count, page_text, plain, text_lines

pytestmark = needs_poppler
BASE_14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


def _goal_names(language: str) -> list[str]:
    framework = load_content([resources.forms_dir()]).content.frameworks[0]
    return [goal.name.in_language(language) for goal in framework.goals()]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_sample_brief_has_every_section_and_goal_in_its_text(sample_briefs: dict[str, Path], language: str) -> None:
    path = sample_briefs[language]
    assert page_count(path) >= 6
    text = plain(page_text(path))
    for section_id in DOCUMENTS[BRIEF].defaults:
        assert plain(translate_in(language, SECTION_TITLES[section_id])) in text
    for name in _goal_names(language):
        assert plain(name) in text


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_font_is_an_embedded_subset_and_none_is_base_14(sample_briefs: dict[str, Path], language: str) -> None:
    listed = fonts(sample_briefs[language])
    assert listed
    for font in listed:
        assert font["embedded"] == "yes" and font["subset"] == "yes" and font["unicode"] == "yes", font
        assert not font["name"].split("+")[-1].startswith(BASE_14), font
    names = " ".join(font["name"] for font in listed)
    assert ("NotoNaskhArabic" in names) == (language == "ar")


def test_arabic_lines_extract_in_logical_order(sample_briefs: dict[str, Path]) -> None:
    lines = text_lines(sample_briefs["ar"], 1)
    # A reader's copy of the cover gives the words as they are written, first word first.
    assert "موجز ورشة العمل الاستراتيجية" in lines
    assert "وادي الزهور تقييم تجريبي" in lines
    assert "ملف المرونة" in plain(page_text(sample_briefs["ar"]))


COVER = {
    "en": [
        "Sample assessment: invented data for practice, not a real city's.",
        "Strategy-workshop brief",
        "Wadi Al-Zuhur (sample)",
        "City resilience assessment: profile, priorities and agenda for the strategy workshop",
        "Prepared on",
        "24 November 2026",
    ],
    "ar": [
        "تقييم تجريبي: بيانات افتراضية لأغراض التدريب، لا تخص مدينة حقيقية.",
        "موجز ورشة العمل الاستراتيجية",
        "وادي الزهور (تقييم تجريبي)",
        "تقييم مرونة المدينة: ملف المرونة والأولويات وجدول أعمال ورشة العمل الاستراتيجية",
        "تاريخ الإعداد",
        "مسؤول المرونة الرئيسي",
        # Dates and counts are left out: pdftotext's simple bidi pass moves digits within Arabic
        # lines (it shows them in the right place, it reads them back out of place).
    ],
}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_cover_reads_as_reviewed(sample_briefs: dict[str, Path], language: str) -> None:
    lines = text_lines(sample_briefs[language], 1)
    assert lines[:4] == [plain(line) for line in COVER[language][:4]]
    assert all(plain(line) in lines for line in COVER[language][4:])


def test_the_same_assessment_exports_to_the_same_bytes(sample_service, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    service, ids = sample_service
    first = service.export_brief(ids["ar"], language="ar", path=tmp_path / "one.pdf", sections=["purpose", "city_profile"]).path
    second = service.export_brief(ids["ar"], language="ar", path=tmp_path / "two.pdf", sections=["purpose", "city_profile"]).path
    assert first.read_bytes() == second.read_bytes()


@needs_poppler
def test_the_pdf_metadata_hold_no_local_path_and_no_user_name(sample_briefs: dict[str, Path]) -> None:
    """A brief travels to ministries and donors: nothing in it may say where it was made, or by which account."""
    import getpass
    import subprocess

    user = getpass.getuser()
    for path in sample_briefs.values():
        info = dict(
            line.split(":", 1) for line in subprocess.run(["pdfinfo", "-isodates", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
        )
        assert info["Author"].strip() == ""
        # Dated the day it was prepared on (the export day), not a placeholder: the file's properties say when it was made.
        assert {info["CreationDate"].strip(), info["ModDate"].strip()} == {f"{EXPORT_DAY.isoformat()}T00:00:00Z"}, info["CreationDate"]
        raw = path.read_bytes()
        for private in (str(path.parent).encode(), str(Path.home()).encode(), f"/{user}/".encode()):
            assert private not in raw


# An Arabic letter and Latin digits side by side, whatever direction marks pdftotext puts between them.
_LATIN_NUMBER_IN_ARABIC = re.compile(r"[\u0621-\u064a][\u064b-\u0652]*[ \-/\u200e\u200f\u202a-\u202e]*[0-9]+|[0-9]+[ \-/\u200e\u200f\u202a-\u202e]*[\u0621-\u064a]")


@needs_poppler
def test_the_arabic_brief_writes_every_number_of_its_sentences_in_one_digit_script(sample_briefs: dict[str, Path]) -> None:
    """Numbers in Arabic sentences, those of the content included («لكل ١٠ آلاف نسمة»), use Arabic-Indic digits."""
    text = page_text(sample_briefs["ar"])
    mixed = sorted({found.group() for found in _LATIN_NUMBER_IN_ARABIC.finditer(text)})
    assert mixed == []


# Latin words an Arabic brief writes on purpose: the name of the file format departments answer in.
LATIN_IN_THE_ARABIC_BRIEF = {"Excel"}


@pytest.mark.parametrize(("made_in", "language"), [("en", "ar"), ("ar", "en")])
def test_the_sample_reads_wholly_in_the_briefs_language_whichever_it_was_made_in(
    sample_service, tmp_path: Path, made_in: str, language: str  # type: ignore[no-untyped-def]
) -> None:
    """Every text of the sample (the officer, justifications, evidence, the register's scenarios, the workshop's
    tables and exercises, the discovery areas the app proposed, the history lines of the workbooks) follows the
    brief, not the window the sample was made from."""
    service, ids = sample_service
    path = service.export_brief(ids[made_in], language=language, document=PRA, sections=DOCUMENTS[PRA].sections, path=tmp_path / "pra.pdf",
                                today=EXPORT_DAY).path
    text = page_text(path)
    if language == "ar":
        foreign = set(re.findall(r"[A-Za-z]{2,}", text)) - LATIN_IN_THE_ARABIC_BRIEF
    else:
        foreign = set(re.findall(r"[\u0600-\u06ff]+", text))
    assert not foreign, f"the {language} brief of the sample made in {made_in} prints {sorted(foreign)[:12]}"
