"""A figure's unit agrees with it in Arabic: «٨ أيام», «٧٥ يومًا», «٩٫٣ أيام», never «٨ يوم»."""

from __future__ import annotations

from decimal import Decimal

import pytest

from resilience_app.core import resources
from resilience_app.core.content import load_content
from resilience_app.core.content.model import NumericScale, Text
from resilience_app.core.formatting import format_number

DAYS = NumericScale(
    Text({"en": "days", "ar": "يوم"}), "higher", (1.0, 3.0, 7.0, 14.0),
    counted={"ar": {"one": "يوم واحد", "two": "يومان", "few": "أيام", "many": "يومًا"}},
)
BEDS = NumericScale(
    Text({"en": "beds per 10,000 people", "ar": "سرير لكل 10 آلاف نسمة"}), "higher", (8.0, 13.0, 20.0, 28.0),
    counted={"ar": {"few": "أسرّة لكل 10 آلاف نسمة", "many": "سريرًا لكل 10 آلاف نسمة"}},
)
SHARE = NumericScale(Text({"en": "% of households", "ar": "٪ من الأسر"}), "higher", (50.0, 70.0, 85.0, 95.0),
                     counted={"ar": {"few": "أسر"}})


def figure(scale: NumericScale, value: str, language: str = "ar") -> str:
    return scale.figure(Decimal(value), format_number(Decimal(value), language=language), language)


@pytest.mark.parametrize(("value", "expected"), [
    ("1", "يوم واحد"),  # one and two are said with the noun alone, no digit before it
    ("2", "يومان"),
    ("3", "٣ أيام"),
    ("8", "٨ أيام"),
    ("10", "١٠ أيام"),
    ("11", "١١ يومًا"),
    ("75", "٧٥ يومًا"),
    ("100", "١٠٠ يوم"),  # "other": the unit as written
    ("101", "١٠١ يوم"),
    ("9.3", "٩٫٣ أيام"),  # a fraction reads as a plural
    ("0", "٠ يوم"),  # no zero form given: the unit
])
def test_an_arabic_figure_takes_the_form_its_number_asks_for(value: str, expected: str) -> None:
    assert figure(DAYS, value) == expected


def test_a_compound_unit_changes_its_head_noun_and_shows_its_digits_in_arabic() -> None:
    assert figure(BEDS, "12") == "١٢ سريرًا لكل ١٠ آلاف نسمة"
    assert figure(BEDS, "4") == "٤ أسرّة لكل ١٠ آلاف نسمة"
    assert figure(BEDS, "2") == "٢ سرير لكل ١٠ آلاف نسمة"  # no `two` form given: the digit and the unit
    assert BEDS.unit_for(Decimal("12"), "ar") == "سريرًا لكل ١٠ آلاف نسمة"


def test_a_share_and_english_never_change() -> None:
    assert figure(SHARE, "8") == "٨٪ من الأسر"
    assert figure(DAYS, "8", "en") == "8 days"
    assert figure(DAYS, "2", "en") == "2 days"


def test_every_shipped_counted_unit_gives_arabic_forms_only_for_a_counted_noun() -> None:
    framework = load_content([resources.forms_dir()]).content.framework("crf")
    assert framework is not None
    scales = {question.id: question.numeric for question in framework.questions() if question.numeric is not None}
    counted = {question_id for question_id, scale in scales.items() if scale.counted}
    assert {"q-6.4.a", "q-12.4.d", "q-10.5.b", "q-10.5.d", "q-10.3.c", "q-3.2.a"} <= counted
    assert all(not scale.unit.in_language("ar").startswith("٪") for question_id, scale in scales.items() if question_id in counted)
    # Every unit that is not a share is counted, so no figure reads «٨ يوم».
    assert {question_id for question_id, scale in scales.items() if not scale.unit.in_language("ar").startswith("٪")} == counted
    assert figure(scales["q-12.4.d"], "75") == "٧٥ يومًا (الوسيط)"  # type: ignore[arg-type]
    assert figure(scales["q-10.3.c"], "7") == "٧ اتفاقيات نافذة"  # type: ignore[arg-type]
    assert figure(scales["q-10.5.b"], "2") == "تمرينان خلال الأشهر الأربعة والعشرين الماضية"  # type: ignore[arg-type]
