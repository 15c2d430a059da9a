"""Numbers and dates read and print the way each language writes them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from resilience_app.core import formatting
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_date, format_number, format_percent, parse_number, parse_whole_number


def test_arabic_shows_arabic_indic_digits_and_english_latin() -> None:
    assert format_number(850000, language="ar") == "٨٥٠٬٠٠٠"
    assert format_number(850000, language="en") == "850,000"
    assert format_percent(0.425, language="ar") == "٤٢٪"
    assert format_percent(1.0, language="en") == "100%"
    assert format_date(dt.date(2026, 11, 24), language="ar") == "٢٤ نوفمبر ٢٠٢٦"
    assert format_date(dt.date(2026, 11, 24), language="en") == "24 November 2026"


def test_arabic_digits_can_be_switched_off() -> None:
    formatting.use_arabic_indic_digits = False
    assert format_number(1250, language="ar") == "1,250"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("850000", Decimal(850000)),
        ("٨٥٠٠٠٠", Decimal(850000)),
        ("۸۵۰۰۰۰", Decimal(850000)),
        ("١٬٢٥٠٫٥", Decimal("1250.5")),
        ("1,250.5", Decimal("1250.5")),
        ("  ‏٤٢‏ ", Decimal(42)),
        ("-3.5", Decimal("-3.5")),
    ],
)
def test_numbers_are_accepted_in_every_digit_script(typed: str, expected: Decimal) -> None:
    assert parse_number(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter a number."),
        ("many", "“many” is not a number."),
        ("12٣", "This number mixes Arabic-Indic and Latin digits. Type it in one kind of digits."),
        ("1.2.3", "“1.2.3” is not a number."),
        ("nan", "“nan” is not a number."),
    ],
)
def test_bad_numbers_are_refused_with_a_clear_message(typed: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_number(typed, field="population")
    assert caught.value.field_errors == {"population": message}


def test_whole_numbers_refuse_decimals_and_negatives() -> None:
    assert parse_whole_number("٣٠٠", minimum=0) == 300
    with pytest.raises(InvalidInputError, match="whole number"):
        parse_whole_number("2.5")
    with pytest.raises(InvalidInputError, match="at least 0"):
        parse_whole_number("-4", minimum=0)


def test_messages_follow_the_language(language: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_number("abc")
    arabic = any("\u0600" <= char <= "\u06ff" for char in caught.value.message)
    assert arabic is (language == "ar")


def test_numbers_inside_arabic_sentences_take_arabic_indic_digits() -> None:
    from resilience_app.core.formatting import localise_text_digits

    assert localise_text_digits("لكل 10 آلاف نسمة، أي 1.5 سرير.", language="ar") == "لكل ١٠ آلاف نسمة، أي ١٫٥ سرير."
    assert localise_text_digits("per 10,000 people.", language="en") == "per 10,000 people."


@pytest.mark.parametrize("typed", ["3,5", "٣٬٥", "1,25", "12 5"])
def test_a_decimal_comma_is_refused_not_read_as_thousands(typed: str) -> None:
    with pytest.raises(InvalidInputError) as refused:
        parse_number(typed, field="numeric_value")
    assert "decimals" in refused.value.field_errors["numeric_value"]
