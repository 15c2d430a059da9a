"""An export proposes a file name in one script: wholly Arabic for an Arabic export, wholly Latin for an English one."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from resilience_app.core.assessment.records import AssessmentDetails, AssessmentRecord
from resilience_app.core.export_names import export_file_name

SCRIPTS = {"ar": "ARABIC", "en": "LATIN"}


def _record(city_en: str, city_ar: str) -> AssessmentRecord:
    moment = dt.datetime(2026, 12, 7)
    return AssessmentRecord(7, AssessmentDetails(city_name_en=city_en, city_name_ar=city_ar), "crf", "1.0", False, moment, moment)


def _scripts(name: str) -> set[str]:
    return {unicodedata.name(char).split()[0] for char in name.removesuffix(".pdf").removesuffix(".xlsx") if char.isalpha() or char.isdigit()}


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("kind, suffix", [("brief", ".pdf"), ("pra", ".pdf"), ("assessment", ".xlsx")])
@pytest.mark.parametrize(
    "city_en, city_ar", [("Wadi Al-Zuhour (sample)", "وادي الزهور (تقييم تجريبي)"), ("", "الزرقاء"), ("Irbid", ""), ("Amman 2", "عمّان ٢")]
)
def test_the_proposed_file_name_is_in_the_export_language_script_only(language: str, kind: str, suffix: str, city_en: str, city_ar: str) -> None:
    name = export_file_name(_record(city_en, city_ar), language, kind=kind, suffix=suffix)
    assert name.endswith(suffix)
    assert _scripts(name) <= {SCRIPTS[language], "DIGIT"} | ({"ARABIC-INDIC"} if language == "ar" else set()), name
    assert not set(name) & set('\\/:*?"<>|'), name


def test_each_language_names_its_export_differently() -> None:
    record = _record("Irbid", "إربد")
    assert export_file_name(record, "ar", kind="brief", suffix=".pdf") != export_file_name(record, "en", kind="brief", suffix=".pdf")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_two_documents_are_proposed_under_different_names(language: str) -> None:
    record = _record("Irbid", "إربد")
    assert export_file_name(record, language, kind="brief", suffix=".pdf") != export_file_name(record, language, kind="pra", suffix=".pdf")
