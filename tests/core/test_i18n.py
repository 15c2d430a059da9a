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


ARABIC_NUMBER_IN_WORDS = (0, 1, 2)  # plural forms "zero", "one" and "two": Arabic says the number in words ("none", "one", the dual)


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
            # "إجراءان" says "two actions" and "لم تُنقل أي إجابة" "no answer" without a digit: only {count} may go, and only there.
            may_drop_count = isinstance(message.id, tuple) and form in ARABIC_NUMBER_IN_WORDS
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


_TANWEEN_FATH = "\u064b"  # ً: the accusative of a counted noun after 11–99 («١١ بندًا»), never after 100–102 («١٠٠ بند»)
_WORD_AFTER_COUNT = re.compile(r"\{count\}\s*([^\s.,،)]+)")


def _counted_word(text: str) -> str:
    found = _WORD_AFTER_COUNT.search(text)
    return found.group(1) if found else ""


def test_arabic_plural_forms_fall_where_the_catalogue_rule_puts_them() -> None:
    """For n = 0…1000 each Arabic plural message gives the form its rule names, and that form reads right for n.

    The singular and dual say the number in the word («خطأ واحد», «خطآن»), so no numeral stands before them;
    after 11–99 the counted noun takes the accusative (tanween), after 100–102 it does not.
    """
    messages = [message for message in catalogue("ar") if isinstance(message.id, tuple)]
    rule = catalogue("ar").plural_expr
    assert rule.startswith("(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3")
    wrong = []
    for message in messages:
        forms = message.string
        for n in range(1001):
            if not forms[_arabic_form(n)]:
                wrong.append((message.id[0], n, "no text"))
        for form in (1, 2):
            if _counted_word(forms[form]) and _counted_word(forms[form]) != "من":  # "{count} من أصل {known}": another number
                wrong.append((message.id[0], form, forms[form]))
        hundred, eleven = _counted_word(forms[4]), _counted_word(forms[5])
        if _TANWEEN_FATH in hundred and _TANWEEN_FATH not in eleven:
            wrong.append((message.id[0], "forms 4 and 5 swapped", forms[4]))
    assert wrong == []


def _arabic_form(n: int) -> int:
    """The Arabic plural rule of the catalogues' header, as gettext evaluates it."""
    if n in (0, 1, 2):
        return n
    if 3 <= n % 100 <= 10:
        return 3
    if n % 100 <= 2:
        return 4
    return 5


def test_the_catalogue_uses_the_rule_the_test_evaluates() -> None:
    """gettext, reading the compiled catalogue, picks the form `_arabic_form` names."""
    samples = {0: 0, 1: 1, 2: 2, 3: 3, 10: 3, 11: 5, 99: 5, 100: 4, 102: 4, 103: 3, 111: 5, 1000: 4}
    with i18n.using_language("ar"):
        for n, form in samples.items():
            assert _arabic_form(n) == form
            assert i18n.ngettext("{count} error", "{count} errors", n) == catalogue("ar").get(("{count} error", "{count} errors")).string[form], n
