"""Locale formatting and parsing of numbers and dates, through Babel, in one place.

Arabic text shows Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩) by default; every numeric input
accepts Arabic-Indic, Eastern Arabic-Indic (Persian/Urdu) and Latin digits, but not
a mixture of them in one number (a likely typing mistake), nor digits of other scripts
or look-alikes (fullwidth １, mathematical 𝟓, Devanagari ३) that read as a different
number than the one shown. A number a user typed is kept, and shown back, in plain
decimal notation ("0.0000001", never "1E-7", which the app would refuse to read).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time
from babel.dates import get_month_names
from babel.lists import format_list as babel_format_list
from babel.numbers import format_decimal as babel_format_decimal
from babel.numbers import format_percent as babel_format_percent

from resilience_app.core.errors import InvalidInputError
from resilience_app.core.i18n import _, current_language, isolate, translate_in

ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
EASTERN_ARABIC_INDIC_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
LATIN_DIGITS = "0123456789"
ARABIC_DECIMAL_SEPARATOR = "٫"
ARABIC_THOUSANDS_SEPARATOR = "٬"
ARABIC_PERCENT_SIGN = "٪"

_DIGITS_ONLY = str.maketrans(LATIN_DIGITS, ARABIC_INDIC_DIGITS)  # digits alone: a number's separators stay as written
_TO_ARABIC_INDIC = str.maketrans(
    LATIN_DIGITS + ".,%", ARABIC_INDIC_DIGITS + ARABIC_DECIMAL_SEPARATOR + ARABIC_THOUSANDS_SEPARATOR + ARABIC_PERCENT_SIGN
)
_TO_LATIN = str.maketrans(
    ARABIC_INDIC_DIGITS + EASTERN_ARABIC_INDIC_DIGITS + ARABIC_DECIMAL_SEPARATOR + ARABIC_PERCENT_SIGN + "−",
    LATIN_DIGITS + LATIN_DIGITS + "." + "%" + "-",
)
# Direction marks and isolates that copy-paste from right-to-left text brings along.
_INVISIBLE_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e"))

use_arabic_indic_digits = True
"""Whether Arabic output uses Arabic-Indic digits; a setting can turn it off (Maghreb usage)."""


ARABIC_MONTH_NAMES = {
    "levant": "ar_JO",  # كانون الأول، تشرين الثاني, as read in Jordan, Lebanon, Palestine, Syria and Iraq
    "egypt_gulf": "ar_EG",  # ديسمبر، نوفمبر
    "maghreb": "ar_MA",  # دجنبر، نونبر
    "both": "ar_JO",  # كانون الأول/ديسمبر: the Levant's name with the one used elsewhere
}
arabic_months = "levant"
"""Which month names Arabic dates use (a key of ARABIC_MONTH_NAMES); a setting chooses it."""


def date_locale(language: str) -> str:
    """The locale dates are written in: British English, or Arabic of the region whose month names were chosen."""
    if language == "en":
        return "en_GB"
    return ARABIC_MONTH_NAMES.get(arabic_months, "ar_JO") if language == "ar" else language


def _with_both_month_names(text: str, value: dt.date) -> str:
    """'٧ كانون الأول ٢٠٢٦' as '٧ كانون الأول/ديسمبر ٢٠٢٦' when the setting asks for both names."""
    if arabic_months != "both":
        return text
    levant, elsewhere = (get_month_names("wide", locale=locale)[value.month] for locale in ("ar_JO", "ar_EG"))
    return text.replace(levant, f"{levant}/{elsewhere}", 1)


def _locale(language: str | None) -> str:
    return language or current_language()


def _localise_digits(text: str, language: str) -> str:
    if language == "ar" and use_arabic_indic_digits:
        return text.translate(_TO_ARABIC_INDIC)
    return text


def localise_digits(text: str, *, language: str | None = None) -> str:
    """A version number or code ("1.0", "1.1.2") written with the language's digits.

    The full stop stays a full stop ("١.١.٢"): the Arabic decimal separator would make a
    question number look like a level ("٣٫١") on the same screen.
    """
    lang = _locale(language)
    if lang == "ar" and use_arabic_indic_digits:
        return text.translate(_DIGITS_ONLY)
    return text


# A number with two full stops or more is a reference ("6.2.1", "11.1.1"), not a decimal: its full stops stay.
_LATIN_NUMBER = re.compile(r"(?P<reference>\d+(?:\.\d+){2,})|\d+(?:[.,]\d+)*")


def localise_text_digits(text: str, *, language: str | None = None) -> str:
    """Numbers inside a sentence written with the language's digits ("10 آلاف" → "١٠ آلاف").

    Only the numbers change: a full stop that ends a sentence after a number stays a full stop, and so do the full
    stops of a question's or a target's number ("6.2.1" → "٦.٢.١", as `localise_digits` writes a question's number).
    """
    lang = _locale(language)
    if lang != "ar" or not use_arabic_indic_digits:
        return text
    return _LATIN_NUMBER.sub(lambda found: found.group().translate(_DIGITS_ONLY if found.group("reference") else _TO_ARABIC_INDIC), text)


def latin_digits(text: str) -> str:
    """Any digit script written with Latin digits (to compare or parse what a user typed)."""
    return text.translate(_TO_LATIN)


def format_number(value: float | int | Decimal, *, language: str | None = None, decimals: int | None = None) -> str:
    """A number as the language writes it: '12,500' in English, '١٢٬٥٠٠' in Arabic."""
    lang = _locale(language)
    pattern = None if decimals is None else "#,##0." + "0" * decimals if decimals else "#,##0"
    text = babel_format_decimal(value, format=pattern, locale=lang)
    return _localise_digits(text, lang)


def with_unit(number: str, unit: str) -> str:
    """A figure with its unit ("3.2 days"); a share's sign stays against its number ("62.5% of households"), as a
    percentage is written everywhere else."""
    return f"{number}{unit}" if unit.startswith(("%", "٪")) else f"{number} {unit}".strip()


PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")  # CLDR's plural categories, Arabic using all six


def plural_category(value: float | int | Decimal, *, language: str | None = None) -> str:
    """The CLDR plural category a counted noun takes after a figure in the language: in Arabic «٣ أيام» is "few",
    «١١ يومًا» "many", «١٠٠ يوم» "other". A figure with a fraction reads as a plural in Arabic («٩٫٣ أيام»): "few"."""
    lang = _locale(language)
    number = Decimal(str(value))
    if number != number.to_integral_value():
        return "few" if lang == "ar" else str(Locale.parse(lang).plural_form(number))
    return str(Locale.parse(lang).plural_form(abs(int(number))))


def format_list(items: list[str], *, language: str | None = None) -> str:
    """'a, b and c' joined the way the language joins a list ("أ وب وج" in Arabic)."""
    return babel_format_list(list(items), locale=_locale(language)) if items else ""


def isolated_list(names: list[str], *, language: str | None = None) -> str:
    """Names as the language lists them, each isolated: a Latin name in an Arabic list (or an Arabic
    one in English) keeps its own direction and the list keeps the language's order («Table 1 وTable 2»
    reads from the right, not as one left-to-right run)."""
    return format_list([isolate(name) for name in names], language=language)


def format_percent(fraction: float, *, language: str | None = None) -> str:
    """A fraction 0..1 as a whole percentage: '42%' in English, '٤٢٪' in Arabic."""
    lang = _locale(language)
    text = babel_format_percent(fraction, format="#,##0%", locale=lang)
    return _localise_digits(text.replace("\u200e", "").replace("\u061c", ""), lang)


def format_date(value: dt.date, *, language: str | None = None, length: str = "long") -> str:
    """A date in the language's own words: '24 November 2026', '٢٤ نوفمبر ٢٠٢٦'; "medium" shortens the month
    where the language has short month names ('24 Nov 2026'). Arabic has none: its medium and short forms are
    all digits («٢٠٢٦/١١/٢٤»), which a reader may take in either order, so Arabic always names the month."""
    lang = _locale(language)
    if lang == "ar" and length in ("medium", "short"):
        length = "long"
    text = babel_format_date(value, format=length, locale=date_locale(lang))
    return _localise_digits(_with_both_month_names(text, value) if lang == "ar" else text, lang)


def local_moment(value: dt.datetime) -> dt.datetime:
    """A stored time (naive values are UTC, as the database keeps them) as the user's local time, without a zone."""
    return (value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value).astimezone().replace(tzinfo=None)


def format_moment(value: dt.datetime, *, language: str | None = None) -> str:
    """A stored UTC time as the user's local date and time: '24 Nov 2026, 14:05'."""
    lang = _locale(language)
    local = local_moment(value)
    locale = date_locale(lang)
    time_text = _localise_digits(babel_format_time(local.time(), format="short", locale=locale), lang)
    return format_date(local.date(), language=lang, length="medium") + translate_in(lang, ", ") + time_text


# A sign, digits with thousands separators (commas or spaces), a decimal part: no exponent, no letters.
# ASCII digits only: `\d` would let every script's digits through to Decimal ("3३" read as 33).
_PLAIN_NUMBER = re.compile(r"[+-]? *(?:\d[\d, ]*(?:\.\d*)?|\.\d+)", re.ASCII)
_GROUP_SEPARATORS = re.compile(r"[, ]+")
MAX_DIGITS = 28  # Decimal's precision; also keeps str(int(number)) far below Python's 4,300-digit limit


def _digit_scripts(text: str) -> set[str]:
    scripts = set()
    for char in text:
        if char in LATIN_DIGITS:
            scripts.add("latin")
        elif char in ARABIC_INDIC_DIGITS:
            scripts.add("arabic-indic")
        elif char in EASTERN_ARABIC_INDIC_DIGITS:
            scripts.add("eastern-arabic-indic")
    return scripts


_ACCEPTED_DIGITS = frozenset(LATIN_DIGITS + ARABIC_INDIC_DIGITS + EASTERN_ARABIC_INDIC_DIGITS)


def _has_other_digits(text: str) -> bool:
    """Digits of another script or a look-alike: fullwidth １, mathematical 𝟓, Devanagari ३, superscript ²."""
    return any(
        char not in _ACCEPTED_DIGITS and (unicodedata.category(char) == "Nd" or unicodedata.digit(char, None) is not None)
        for char in text
    )


def parse_number(text: str, *, field: str = "value") -> Decimal:
    """Read a number typed in any digit script; raise `InvalidInputError` with a clear message.

    Accepts '1,250.5', '١٬٢٥٠٫٥', '۱۲۵۰', surrounding spaces and direction marks.
    Refuses an empty text, letters (so no '1e9999'), digits of two scripts in one number,
    digits the app does not read (fullwidth, mathematical, other scripts), and more digits
    than can be computed with exactly.
    """
    if not isinstance(text, str):
        raise InvalidInputError({field: _("Enter a number.")})
    cleaned = text.translate(_INVISIBLE_MARKS).strip()
    if not cleaned:
        raise InvalidInputError({field: _("Enter a number.")})
    if _has_other_digits(cleaned):
        raise InvalidInputError(
            {field: _("“{text}” has digits the app does not read, such as fullwidth or mathematical digits. "
                      "Type the number with Latin or Arabic-Indic digits.").format(text=cleaned)}
        )
    if len(_digit_scripts(cleaned)) > 1:
        raise InvalidInputError(
            {field: _("This number mixes two kinds of digits, such as Arabic-Indic and Latin. Type it in one kind of digits.")}
        )
    latin = cleaned.translate(_TO_LATIN).replace(ARABIC_THOUSANDS_SEPARATOR, ",")
    if latin.count(".") > 1 or latin.startswith(",") or ",," in latin or not _PLAIN_NUMBER.fullmatch(latin):
        raise InvalidInputError({field: _("“{text}” is not a number.").format(text=text.strip())})
    groups = _GROUP_SEPARATORS.split(latin.split(".")[0].strip(" +-"))
    if any(len(group) != 3 for group in groups[1:]):  # "3,5" is a decimal comma, not three thousand five
        raise InvalidInputError(
            {field: _("“{text}” is not a number. Use a point for decimals (3.5) and commas only between thousands (1,250).").format(text=text.strip())}
        )
    try:
        number = Decimal(latin.replace(",", "").replace(" ", ""))
    except InvalidOperation:
        raise InvalidInputError({field: _("“{text}” is not a number.").format(text=text.strip())}) from None
    if not number.is_finite():
        raise InvalidInputError({field: _("“{text}” is not a number.").format(text=text.strip())})
    if len(number.as_tuple().digits) > MAX_DIGITS:
        raise InvalidInputError(
            {field: _("“{text}” has too many digits; type at most {count}.").format(text=text.strip(), count=format_number(MAX_DIGITS))}
        )
    return number


def parse_whole_number(text: str, *, field: str = "value", minimum: int | None = None) -> int:
    """Read a whole number (a population, a count) typed in any digit script."""
    number = parse_number(text, field=field)
    if number != number.to_integral_value():
        raise InvalidInputError({field: _("Enter a whole number, without decimals.")})
    if minimum is not None and number < minimum:
        raise InvalidInputError(
            {field: _("Enter a number of at least {minimum}.").format(minimum=format_number(minimum))}
        )
    return int(number)


def plain_number_text(number: Decimal) -> str:
    """`number` as it is kept: plain decimal notation with Latin digits and no trailing zeros.

    "0.0000001", "-12.5", "1250", never "1E-7" or "1.25E+3" (which `parse_number` refuses,
    so a value shown back like that could never be saved again).
    """
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def format_typed_number(stored: str, *, language: str | None = None) -> str:
    """A kept number shown back in the edit box it was typed into: plain decimal notation in the
    language's digits ("٠٫٠٠٠٠٠٠١" in Arabic), no thousands separators, so it reads back as typed."""
    try:
        number = Decimal(stored)
    except (InvalidOperation, TypeError, ValueError):
        return stored
    if not number.is_finite():
        return stored
    return _localise_digits(plain_number_text(number), _locale(language))
