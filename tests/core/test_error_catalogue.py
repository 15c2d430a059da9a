"""Every error a user can be shown comes from one catalogue: a stable code, its message and hint, in both languages."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from resilience_app.core.error_catalogue import ERRORS, PROBLEMS, VARIANTS, ErrorText, ProblemCode, user_error
from resilience_app.core.errors import ErrorCode
from resilience_app.core.i18n import _, using_language

PACKAGE = Path(__file__).resolve().parents[2] / "resilience_app"
ALL_TEXTS = [*((code, "", text) for code, text in ERRORS.items()), *((code, variant, text) for (code, variant), text in VARIANTS.items())]


def _placeholders(text: ErrorText) -> set[str]:
    templates = (text.message, text.hint, text.plural)
    return {name for template in templates for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_has_its_message() -> None:
    assert set(ERRORS) == set(ErrorCode)
    assert all(code in ErrorCode for code, _variant in VARIANTS)
    assert set(PROBLEMS) == set(ProblemCode) and all(text.message for text in PROBLEMS.values())


@pytest.mark.parametrize("code", list(ProblemCode))
def test_each_content_problem_reads_in_arabic(code: ProblemCode) -> None:
    text = PROBLEMS[code]
    values = {name: f"<{name}>" for name in _placeholders(text)}
    with using_language("ar"):
        message = _(text.message).format(**values)
        hint = _(text.hint) if text.hint else ""
    assert any("\u0600" <= character <= "\u06ff" for character in message + hint), message


@pytest.mark.parametrize(("code", "variant", "text"), ALL_TEXTS, ids=[f"{code}{'/' + variant if variant else ''}" for code, variant, _ in ALL_TEXTS])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_each_message_reads_in_the_language_with_its_values_filled_in(code: ErrorCode, variant: str, text: ErrorText, language: str) -> None:
    values: dict[str, object] = {name: f"<{name}>" for name in _placeholders(text)}
    if text.plural:
        values["count"] = 3
    with using_language(language):
        error = user_error(code, variant=variant, **values)
    assert error.code is code
    assert error.message and "{" not in error.message and "{" not in error.hint
    if code not in (ErrorCode.INVALID_INPUT, ErrorCode.WORKBOOK_REFUSED):  # their message is the refused field's, or the reader's refusal
        arabic = any("\u0600" <= character <= "\u06ff" for character in error.message)
        assert arabic == (language == "ar"), error.message


def test_no_module_writes_an_error_message_of_its_own() -> None:
    """A UserFacingError is made from the catalogue (`user_error`), so each code keeps one wording."""
    allowed = {"errors.py", "error_catalogue.py"}
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.name in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "UserFacingError":
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []
