"""One translation system for core, command line, GUI and PDF: gettext catalogues managed by Babel.

`_()` looks the message up in the *current* language at call time, so the GUI
can switch language at run time by calling `set_language` and re-reading texts.
"""

from __future__ import annotations

import gettext
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from babel import Locale

from resilience_app.core import resources

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "ar")
DEFAULT_LANGUAGE = "en"
DOMAIN = "messages"

# Unicode first-strong isolate and pop directional isolate: text wrapped in them
# keeps its own direction inside a sentence of the other direction.
FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"

_log = logging.getLogger("resilience_app.i18n")
_current_language = DEFAULT_LANGUAGE


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    localedir = resources.translations_dir()
    try:
        return gettext.translation(DOMAIN, localedir=str(localedir), languages=[language])
    except OSError:
        if language != DEFAULT_LANGUAGE:
            _log.warning("No compiled catalogue for %r in %s", language, localedir)
        return gettext.NullTranslations()


def set_language(language: str) -> None:
    """Make `language` the one every later `_()` call answers in."""
    global _current_language
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _current_language = language


def current_language() -> str:
    return _current_language


@contextmanager
def using_language(language: str) -> Iterator[None]:
    """Answer every `_()` in `language` for the duration (a brief in Arabic from an English window)."""
    previous = _current_language
    set_language(language)
    try:
        yield
    finally:
        set_language(previous)


def _(message: str) -> str:
    """Translate `message` into the current language."""
    return _catalogue(_current_language).gettext(message)


def translate_in(language: str, message: str) -> str:
    """Translate `message` into a given language, whatever the current one (names kept per language)."""
    return _catalogue(language).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message whose form depends on `count` (Arabic has six plural forms)."""
    return _catalogue(_current_language).ngettext(singular, plural, count)


def ngettext_in(language: str, singular: str, plural: str, count: int) -> str:
    """`ngettext` in a given language, whatever the current one."""
    return _catalogue(language).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it now (translate it when shown)."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair for extraction, to be shown later with `ngettext(singular, plural, count)`."""
    return singular, plural


def is_rtl(language: str | None = None) -> bool:
    """True when the language is written right to left, as Babel's locale data says."""
    return bool(Locale.parse(language or _current_language).text_direction == "rtl")


def language_name(language: str) -> str:
    """The language's name in that language ("English", "العربية"), for a language menu."""
    return str(Locale.parse(language).get_display_name(language))


def isolate(text: str) -> str:
    """Wrap a name or number inserted into translated text so it keeps its own direction."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


NO_BREAK_SPACE = "\u00a0"
_PARENTHESISED_FIGURE = re.compile(r"[ \t]+\(([^()<>\n]{0,16}\d[^()<>\n]{0,8})\)")  # \d: any script's digits


def keep_parenthesised_together(text: str) -> str:
    """A short parenthesised figure («(١٠٠٪)», «(المستوى ٢)», "(7)") bound to the word before it with
    no-break spaces, so a wrapped line never leaves it alone at the start of the next line."""
    return _PARENTHESISED_FIGURE.sub(lambda found: f"{NO_BREAK_SPACE}({found.group(1).replace(' ', NO_BREAK_SPACE)})", text)


def paragraph(text: str, language: str | None = None) -> str:
    """`text` as a wrapped line of the screen shows it: started with a direction mark so a line that
    begins with a name in the other script (an English country in an Arabic line) still reads in the
    language's direction, and short parenthesised figures kept with their word."""
    return ("\u200f" if is_rtl(language) else "\u200e") + keep_parenthesised_together(text)


def language_from_environment() -> str:
    """The supported language the operating system asks for, English when it asks for none."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        for candidate in value.split(":"):
            code = candidate.split("_")[0].split(".")[0].lower()
            if code in SUPPORTED_LANGUAGES:
                return code
    return DEFAULT_LANGUAGE


def parse_language(value: str) -> str:
    """Accept 'ar', 'AR', 'ar_JO' and the like; raise ValueError for anything unsupported."""
    code = value.strip().replace("-", "_").split("_")[0].lower()
    if code not in SUPPORTED_LANGUAGES:
        raise ValueError(value)
    return code
