"""Numbers and dates read and print the way each language writes them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from resilience_app.core import formatting
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_date, format_moment, format_number, format_percent, parse_number, parse_whole_number


def test_arabic_shows_arabic_indic_digits_and_english_latin() -> None:
    assert format_number(850000, language="ar") == "٨٥٠٬٠٠٠"
    assert format_number(850000, language="en") == "850,000"
    assert format_percent(0.425, language="ar") == "٤٢٪"
    assert format_percent(1.0, language="en") == "100%"
    assert format_date(dt.date(2026, 11, 24), language="ar") == "٢٤ تشرين الثاني ٢٠٢٦"
    assert format_date(dt.date(2026, 11, 24), language="en") == "24 November 2026"


@pytest.mark.parametrize(
    ("months", "expected"),
    [
        ("levant", "٧ كانون الأول ٢٠٢٦"),
        ("egypt_gulf", "٧ ديسمبر ٢٠٢٦"),
        ("maghreb", "٧ دجنبر ٢٠٢٦"),
        ("both", "٧ كانون الأول/ديسمبر ٢٠٢٦"),
    ],
)
def test_arabic_month_names_follow_the_setting(months: str, expected: str) -> None:
    formatting.arabic_months = months
    assert format_date(dt.date(2026, 12, 7), language="ar") == expected
    assert format_date(dt.date(2026, 12, 7), language="en") == "7 December 2026"


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
        ("12٣", "This number mixes two kinds of digits, such as Arabic-Indic and Latin. Type it in one kind of digits."),
        ("٣۴", "This number mixes two kinds of digits, such as Arabic-Indic and Latin. Type it in one kind of digits."),
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
    # A question's or a target's number is no decimal: its full stops stay, as on the question itself.
    assert localise_text_digits("انظر السؤال 6.2.1 والمقصد 11.1.1، لا 2.5.", language="ar") == "انظر السؤال ٦.٢.١ والمقصد ١١.١.١، لا ٢٫٥."


@pytest.mark.parametrize("typed", ["3,5", "٣٬٥", "1,25", "12 5"])
def test_a_decimal_comma_is_refused_not_read_as_thousands(typed: str) -> None:
    with pytest.raises(InvalidInputError) as refused:
        parse_number(typed, field="numeric_value")
    assert "decimals" in refused.value.field_errors["numeric_value"]


@pytest.mark.parametrize("typed", ["１２", "3३", "𝟓", "٣३", "²", "12３", "１٫５"])
def test_digits_of_other_scripts_and_look_alikes_are_refused_in_the_users_language(typed: str, language: str) -> None:
    """Fullwidth, mathematical and Devanagari digits look like (or are) digits the app does not show: refused, never read."""
    with pytest.raises(InvalidInputError) as refused:
        parse_number(typed, field="numeric_value")
    message = refused.value.field_errors["numeric_value"]
    assert typed in message
    wording = message.replace(typed, "")  # the digits typed may be Arabic-Indic ones whatever the language
    assert any("\u0600" <= char <= "\u06ff" for char in wording) is (language == "ar")


@pytest.mark.parametrize(
    ("number", "kept"),
    [(Decimal("0.0000001"), "0.0000001"), (Decimal("1E-7"), "0.0000001"), (Decimal("-1.2E-7"), "-0.00000012"),
     (Decimal("1.25E+3"), "1250"), (Decimal("12.50"), "12.5"), (Decimal("-0"), "0"), (Decimal("1E-28"), "0." + "0" * 27 + "1")],
)
def test_a_number_is_kept_in_plain_decimals_that_read_back_as_typed(number: Decimal, kept: str) -> None:
    from resilience_app.core.formatting import plain_number_text

    assert plain_number_text(number) == kept
    assert parse_number(kept) == number


def test_a_kept_number_is_shown_back_in_plain_decimals_and_the_interfaces_digits() -> None:
    from resilience_app.core.formatting import format_typed_number

    assert format_typed_number("0.0000001", language="en") == "0.0000001"
    assert format_typed_number("0.0000001", language="ar") == "٠٫٠٠٠٠٠٠١"
    assert format_typed_number("1E-7", language="en") == "0.0000001"  # as an older version kept it
    assert format_typed_number("-1250.5", language="ar") == "-١٢٥٠٫٥"  # no thousands separator: it reads back as typed
    for shown in ("0.0000001", "٠٫٠٠٠٠٠٠١", "-١٢٥٠٫٥"):
        assert "E" not in shown and parse_number(shown) is not None


@pytest.mark.parametrize("length", ["medium", "short"])
def test_an_arabic_date_always_names_its_month_never_all_digits(length: str) -> None:
    """«٢٠٢٦/١٢/٠٧» can be read in either order; the list's "last changed", the history and the backups name the month."""
    day = dt.date(2026, 12, 7)
    assert format_date(day, language="ar", length=length) == format_date(day, language="ar")
    moment = format_moment(dt.datetime(2026, 12, 7, 9, 30), language="ar")
    assert "/" not in moment and "كانون الأول" in moment
    assert "Dec" in format_moment(dt.datetime(2026, 12, 7, 9, 30), language="en")
