"""One translation system: complete catalogues, right direction, isolated insertions."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from resilience_app.core import i18n, resources

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def catalogue(language: str):  # type: ignore[no-untyped-def]
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as stream:
        return read_po(stream)


def template_ids() -> set[str]:
    with (TRANSLATIONS / "messages.pot").open("rb") as stream:
        return {message.id if isinstance(message.id, str) else message.id[0] for message in read_po(stream) if message.id}


@pytest.mark.parametrize("language", i18n.SUPPORTED_LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(language: str) -> None:
    untranslated, fuzzy = [], []
    for message in catalogue(language):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", i18n.SUPPORTED_LANGUAGES)
def test_catalogue_covers_every_extracted_message(language: str) -> None:
    ids = {message.id if isinstance(message.id, str) else message.id[0] for message in catalogue(language) if message.id}
    assert template_ids() - ids == set()


ARABIC_SINGULAR_AND_DUAL = (1, 2)  # plural forms "one" and "two": Arabic names the number in the word itself


def test_arabic_keeps_every_placeholder() -> None:
    wrong = []
    for message in catalogue("ar"):
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set(PLACEHOLDER.findall(source))
        for form, string in enumerate(strings):
            found = set(PLACEHOLDER.findall(string))
            # "إجراءان" says "two actions" without the digit: only {count} may go, and only there.
            may_drop_count = isinstance(message.id, tuple) and form in ARABIC_SINGULAR_AND_DUAL
            if found != expected and not (may_drop_count and found == expected - {"{count}"}):
                wrong.append((source, string))
    assert wrong == []


def test_template_is_up_to_date_with_the_code() -> None:
    """Every string marked in the code is in messages.pot (run `make translations` if not)."""
    from babel.messages.extract import extract_from_dir

    package = Path(resources.__file__).resolve().parents[1]
    marked = {
        message if isinstance(message, str) else message[0]
        for _filename, _lineno, message, _comments, _context in extract_from_dir(
            str(package), method_map=[("**.py", "python")], keywords={"_": None, "N_": None, "ngettext": (1, 2)}
        )
    }
    assert marked - template_ids() == set()


def test_no_message_is_hidden_inside_an_f_string() -> None:
    """The extractor cannot see _() inside an f-string, even nested in another call: such text would stay English in Arabic."""
    source_root = Path(__file__).resolve().parents[2] / "resilience_app"
    found = []
    for path in source_root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                calls = [inner for inner in ast.walk(node) if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name)]
                if any(call.func.id in ("_", "N_", "ngettext") for call in calls):  # type: ignore[attr-defined]
                    found.append(f"{path.relative_to(source_root)}:{node.lineno}")
    assert found == []


def test_switching_language_changes_messages() -> None:
    assert i18n._("Assessments") == "Assessments"
    i18n.set_language("ar")
    assert i18n._("Assessments") != "Assessments"
    assert i18n.is_rtl() and not i18n.is_rtl("en")


def test_arabic_plurals_use_six_forms() -> None:
    i18n.set_language("ar")
    forms = {i18n.ngettext("{count} error", "{count} errors", n) for n in (0, 1, 2, 3, 11, 100)}
    assert len(forms) >= 4


def test_isolate_wraps_in_first_strong_isolates() -> None:
    assert i18n.isolate("Amman") == "\u2068Amman\u2069"


@pytest.mark.parametrize(("value", "expected"), [("ar", "ar"), ("AR", "ar"), ("ar_JO.UTF-8", "ar"), ("en-GB", "en")])
def test_language_codes_are_normalised(value: str, expected: str) -> None:
    assert i18n.parse_language(value) == expected


def test_unsupported_language_is_refused() -> None:
    with pytest.raises(ValueError):
        i18n.parse_language("fr")
