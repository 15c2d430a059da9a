"""Arabic wording rules that hold for every text the app ships (issue 19, wording)."""

from __future__ import annotations

import ast
import re

from tests.core.arabic_texts import ROOT, all_arabic, arabic_catalogue

# Tanween al-fath is written on the letter before the alif («جزئيًا»), never on the alif («جزئياً»): one spelling.
FATHATAN_ON_ALIF = re.compile("ا\u064b")


def test_tanween_is_written_on_the_letter_before_the_alif() -> None:
    assert FATHATAN_ON_ALIF.search("قائم جزئياً") and not FATHATAN_ON_ALIF.search("قائم جزئيًا")
    found = [(where, text[max(0, match.start() - 12) : match.end() + 12]) for where, text in all_arabic() if (match := FATHATAN_ON_ALIF.search(text))]
    assert found == []


# Buttons, menu commands and ticks are verbal nouns («حفظ»، «تصدير»، «إغلاق»), as in Arabic office software, never
# imperatives. These are the imperatives of the verbs the app's commands use, without their vowel marks.
IMPERATIVES = frozenset(
    "اختر أضف احذف احفظ افتح أغلق صدر استورد أزل اعرض أعد ألغ اطلب عدل حدد ادمج اعتمد انقل شغل أوقف أنشئ اقبل ارفض "
    "أبق ابدأ غير اقترح استعد اخرج أظهر أخف انسخ ابحث طبق أدخل اكتب ثبت حدث قسم ضع استخدم أسند عد".split()
)
_MARKS = re.compile("[\u064b-\u065f\u0670&]")
_COMMAND_CALLS = {"QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QAction", "QMenu", "addAction", "addButton", "addMenu"}


def _receiver_is_a_command(call: ast.Call) -> bool:
    """`x.setText(...)`/`x.setTitle(...)` where x names a button, an action or a menu (self.quit_action, buttons.button(...))."""
    if not isinstance(call.func, ast.Attribute) or call.func.attr not in {"setText", "setTitle"}:
        return False
    receiver = call.func.value
    name = receiver.attr if isinstance(receiver, ast.Attribute) else receiver.id if isinstance(receiver, ast.Name) else ""
    if isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute):
        name = receiver.func.attr
    return any(word in name.lower() for word in ("button", "action", "menu", "check", "tick"))


def command_texts() -> dict[str, str]:
    """The English text of every button, menu, menu command and tick box in the GUI's source, with where it is."""
    found: dict[str, str] = {}
    for file in sorted((ROOT / "resilience_app" / "gui").glob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id if isinstance(node.func, ast.Name) else ""
            if name in _COMMAND_CALLS or _receiver_is_a_command(node):
                for argument in node.args[:2]:
                    if isinstance(argument, ast.Call) and isinstance(argument.func, ast.Name) and argument.func.id in {"_", "N_"}:
                        if argument.args and isinstance(argument.args[0], ast.Constant) and isinstance(argument.args[0].value, str):
                            found.setdefault(argument.args[0].value, f"{file.name}:{node.lineno}")
    return found


def first_word(arabic: str) -> str:
    words = _MARKS.sub("", arabic).split()
    return re.sub(r"\W", "", words[0]) if words else ""


def test_buttons_and_menu_commands_are_verbal_nouns() -> None:
    assert first_word("اختَر…") in IMPERATIVES and first_word("اختيار…") not in IMPERATIVES and first_word("&حفظ") not in IMPERATIVES
    commands = command_texts()
    assert {"&Quit", "Export", "Ask for it back by", "Add evidence…", "&Assessment", "Open the folder"} <= set(commands)
    catalogue = arabic_catalogue()
    found = [(where, english, catalogue[english][0]) for english, where in commands.items() if first_word(catalogue[english][0]) in IMPERATIVES]
    assert found == []


# Progress is worded one way on every screen, in the brief and on the command line: «أُجيب عن ٥ من ٨» as a sentence,
# «٥ من ٨» under a heading that names it, never «٥/٨» (a date or a fraction to an Arabic reader) or «من أصل».
_PROGRESS = re.compile(r"\{answered\}\W*(?:of|/)\W*\{(total|assigned)\}")


def test_progress_is_worded_one_way() -> None:
    progress = {english: arabic for english, arabic in arabic_catalogue().items() if _PROGRESS.search(english)}
    assert {"{answered} of {total} answered ({share})", "{answered}/{total}", "{answered} of {assigned} answered"} <= set(progress)
    wrong = []
    for english, (arabic,) in progress.items():
        of = _PROGRESS.search(english).group(1)  # type: ignore[union-attr]
        sentence = re.search(r"\}\W*answered", english) is not None
        if not re.search(f"\\{{answered\\}}[ \u00a0]من[ \u00a0]\\{{{of}\\}}", arabic) or (sentence and not arabic.startswith("أُجيب عن ")):
            wrong.append((english, arabic))
    assert wrong == []
