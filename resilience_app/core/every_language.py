"""Text the app writes itself, kept in every language and read in the language of the moment.

What a user types is kept as typed. What the app words for them (a discovery area it proposes,
the first session of a new workshop, every text of the sample assessment) is kept in each
supported language at once, so an Arabic brief of an assessment made from an English window
reads wholly in Arabic, and a window switched to English shows it in English.

Such a value is one text field holding a marker followed by a JSON object of language → text.
The database reads it back (`storage.language_text.LanguageText`) as a `WordedText`: a string
equal to its text in the current language (`i18n.current_language`, which an export sets to its
own language while it reads), which is written back whole when it is stored unchanged (a
register copied to a new round, a contribution taken on record). Anything built from it (a
sentence that quotes it, a user's edit) is plain text. A value that is not exactly such a value
(a user's text, a damaged one) is read as it was stored.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import SUPPORTED_LANGUAGES, current_language, translate_in

# A private-use character: no keyboard types it, and it shows nothing if a value is ever read raw.
MARKER = "\ue000"


class WordedText(str):
    """Text the app wrote in every language, as read in one; `stored` is the whole value."""

    stored: str

    def __new__(cls, text: str, stored: str) -> WordedText:
        worded = super().__new__(cls, text)
        worded.stored = stored
        return worded

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # copied and pickled whole
        return (str(self), self.stored)

    def strip(self, chars: str | None = None) -> str:
        """Stripped as any text; when that changes nothing (a form's checks strip every field) it stays whole."""
        stripped = str.strip(self, chars)
        return self if stripped == self else stripped


def in_every_language(make: Callable[[str], str]) -> str:
    """The text `make(language)` in every supported language, as read in the current one (what a form's checks
    measure); stored, it keeps them all."""
    texts = {language: make(language) for language in SUPPORTED_LANGUAGES}
    if len(set(texts.values())) == 1:  # the same in every language (a name): kept as plain text
        return next(iter(texts.values()))
    return in_language(MARKER + json.dumps(texts, ensure_ascii=False, separators=(",", ":")))


def translations(value: str) -> dict[str, str] | None:
    """The texts of a value made by `in_every_language` (or read from one), or None for any other text."""
    stored = value.stored if isinstance(value, WordedText) else value
    if not stored.startswith(MARKER):
        return None
    try:
        texts = json.loads(stored[len(MARKER):])
    except (ValueError, RecursionError):  # RecursionError: brackets nested deeper than the parser goes
        return None
    # Exactly what `in_every_language` writes: a text for each supported language, nothing else.
    if not isinstance(texts, dict) or set(texts) != set(SUPPORTED_LANGUAGES) or not all(isinstance(text, str) for text in texts.values()):
        return None
    return texts


def in_language(value: str, language: str | None = None) -> str:
    """`value` read in `language` (the current one by default): a `WordedText` when the app wrote it in every
    language, else `value` itself."""
    texts = translations(value)
    if texts is None:
        return value
    wanted = language or current_language()
    text = texts.get(wanted) or next((other for other in texts.values() if other), "")  # a language left empty shows the other
    return WordedText(text, value.stored if isinstance(value, WordedText) else value)


def as_stored(value: str) -> str:
    """What to write for `value`: the whole value when it is text the app wrote, unchanged; else `value`."""
    return value.stored if isinstance(value, WordedText) else value


def message_in_every_language(message: str, **fields: Callable[[str], str]) -> str:
    """The catalogue's `message` in every language, each field (a text in a given language) worded in that language."""
    return in_every_language(lambda language: translate_in(language, message).format(**{name: field(language) for name, field in fields.items()}))


def numbered_in_every_language(message: str, number: int) -> str:
    """`message` ("Session {number}") in every language, the number in each language's digits."""
    return message_in_every_language(message, number=lambda language: format_number(number, language=language))
