"""The content loader fed a thousand mutated copies of a shipped file.

A content author who breaks a file must get a list of problems, never a traceback; every problem
must point at the broken file (and at its line whenever the parser knows the line); a file that is
still well-formed must stay valid and build everything it declares.

The base is the shipped `forms/workshop/stakeholders.yaml` cut to its first sectors (itself a
harmless mutation) so that each example loads in a few milliseconds.
"""

from __future__ import annotations

import copy
import io
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from resilience_app.core import resources
from resilience_app.core.content import ContentLoadResult, load_content
from resilience_app.core.i18n import using_language
from tests.property.support import FUZZ, has_arabic_letters

SHIPPED = resources.forms_dir() / "workshop" / "stakeholders.yaml"
KEEP_SECTORS = 1
# What the loader documents for ids: lower-case letters, digits, "-" and ".", starting with a letter.
VALID_ID = re.compile(r"[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*")
BALANCE_IDS = ("women", "youth")
KNOWN_KEYS = {"schema", "kind", "version", "sectors", "balance", "id", "name", "minimum_share", "gap", "en", "ar"}
OPTIONAL_KEYS = {"balance"}
TEXT_KEYS = {"en", "ar"}


def _yaml() -> YAML:
    parser = YAML(typ="rt", pure=True)
    parser.allow_duplicate_keys = False
    parser.width = 4096
    return parser


MERGE = "zz-merged-in"  # a key written as YAML's merge key `<<` (ruamel would quote a real "<<" key)


def _dump(document: Any) -> str:
    out = io.StringIO()
    _yaml().dump(document, out)
    return out.getvalue().replace(f"{MERGE}:", "<<:")


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value != value:
        return "<nan>"  # equal to itself, so a document holding .nan compares equal to its copy
    if isinstance(value, dict):
        plain = {_plain(key): _plain(item) for key, item in value.items() if key != MERGE}
        for key, item in value.get(MERGE, {}).items():  # what `<<: {...}` adds: the fields not already there
            plain.setdefault(_plain(key), _plain(item))
        return plain
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


BASE_DOCUMENT: CommentedMap = _yaml().load(SHIPPED.read_text(encoding="utf-8"))
del BASE_DOCUMENT["sectors"][KEEP_SECTORS:]
BASE_TEXT = _dump(BASE_DOCUMENT)
BASE_BYTES = BASE_TEXT.encode("utf-8")
BASE_DATA = _plain(BASE_DOCUMENT)


# --- checks every result must pass -------------------------------------------------------------


YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what YAML (and an editor) takes for the end of a line


def _line_count(data: bytes) -> int:
    return len(YAML_LINE_BREAK.split(data.decode("utf-8", errors="replace")))


def assert_located_in(result: ContentLoadResult, path: Path, data: bytes) -> None:
    """Every problem names the file, a line inside it (when it has one) and a readable message."""
    for problem in result.problems:
        assert problem.file == path, problem.format()
        assert problem.line is None or 1 <= problem.line <= _line_count(data), problem.format()
        assert problem.message.strip(), problem.code
        assert problem.format().startswith(f"{path}:{problem.line}: " if problem.line is not None else f"{path}: ")


def assert_translated(result: ContentLoadResult) -> None:
    """The same problems shown in Arabic read in Arabic."""
    with using_language("ar"):
        for problem in result.errors:
            assert has_arabic_letters(problem.message), problem.format()


# --- mutations of the parsed document ----------------------------------------------------------


def _places(document: Any) -> list[tuple[tuple[Any, ...], Any]]:
    """Every (path of the container, key or index) in the document."""
    found: list[tuple[tuple[Any, ...], Any]] = []

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        if isinstance(node, CommentedMap):
            for key in node:
                found.append((path, key))
                walk(node[key], (*path, key))
        elif isinstance(node, CommentedSeq):
            for index, item in enumerate(node):
                found.append((path, index))
                walk(item, (*path, index))

    walk(document, ())
    return found


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


scalars = st.one_of(st.integers(), st.floats(), st.booleans(), st.text(max_size=8))
blank_texts = st.text(alphabet=" \t\n\u3000", max_size=4)
non_blank_texts = st.one_of(
    st.text(min_size=1, max_size=40),
    st.tuples(st.text(min_size=1, max_size=8), st.integers(100, 300)).map(lambda pair: pair[0] * pair[1]),  # huge
    st.sampled_from(["\u200fالمياه\u200f", "\u202eevil\u202c", "=cmd|' /C calc'!A0", "٣٫٥", "a\x00b", "\ufeffbom", "🙂" * 50]),
).filter(lambda text: bool(text.strip()))
not_ids = st.one_of(
    st.text(min_size=0, max_size=20).filter(lambda text: not VALID_ID.fullmatch(text)),
    st.sampled_from(["City-Government", "city government", "1st", "-x", "x-", "x..y", "مياه", "ｗomen", "women "]),
)
unknown_keys = st.one_of(st.text(min_size=1, max_size=12), st.integers(-5, 50)).filter(lambda key: key not in KNOWN_KEYS and key not in ("<<", MERGE))


_lists = st.lists(scalars, max_size=3)
_mappings = st.dictionaries(st.text(min_size=1, max_size=5).filter(lambda text: text != "<<"), scalars, max_size=2)
WRONG_FOR = {  # values of another kind than the field's, which it cannot take
    "mapping": st.one_of(scalars.filter(lambda value: value is not None), _lists),
    "list": st.one_of(scalars, _mappings),
    "number": st.one_of(st.text(max_size=8), st.booleans(), _lists, _mappings),  # schema, minimum_share
    "version": st.one_of(st.booleans(), _lists, _mappings, blank_texts),  # any text or number is a version
    "text": st.one_of(st.integers(), st.floats(), st.booleans(), _lists, _mappings, blank_texts),
}


def _wrong_for(original: Any, key: Any) -> st.SearchStrategy[Any]:
    if isinstance(original, dict):
        return WRONG_FOR["mapping"]
    if isinstance(original, list):
        return WRONG_FOR["list"]
    if isinstance(original, bool) or not isinstance(original, (int, float, str)):
        raise AssertionError(f"unexpected value {original!r} in the base file")
    if isinstance(original, (int, float)):
        return WRONG_FOR["number"]
    return WRONG_FOR["version" if key == "version" else "text"]


BREAKING = ("delete", "null", "wrong-type", "bad-id", "duplicate", "unknown-key", "merged-unknown-key", "schema", "kind", "out-of-range", "root")
HARMLESS = ("text", "share", "version", "drop", "reorder")


@st.composite
def harmless_change(draw: st.DrawFn, document: CommentedMap) -> str:
    """A change after which the file is still valid."""
    places = _places(document)
    kind = draw(st.sampled_from(HARMLESS))
    if kind == "text":
        path, key = draw(st.sampled_from([place for place in places if place[1] in TEXT_KEYS]))
        _at(document, path)[key] = draw(non_blank_texts)
    elif kind == "share":
        path, key = draw(st.sampled_from([place for place in places if place[1] == "minimum_share"] or [((), "version")]))
        _at(document, path)[key] = draw(st.one_of(st.integers(0, 100), st.floats(0, 100)))
    elif kind == "version":
        document["version"] = draw(st.one_of(non_blank_texts, st.integers(), st.floats(allow_nan=False, allow_infinity=False)))
    elif kind == "drop":
        entries = document[draw(st.sampled_from(["sectors", "balance"]))]
        if entries:
            del entries[draw(st.integers(0, len(entries) - 1))]
    else:
        sectors = document["sectors"]
        order = draw(st.permutations(range(len(sectors))))
        reordered = [sectors[index] for index in order]
        sectors.clear()
        sectors.extend(reordered)
    return kind


@st.composite
def breaking_change(draw: st.DrawFn, document: CommentedMap) -> tuple[str, Any]:
    """A change after which the file has at least one error; returns what it did and the new root."""
    places = _places(document)
    keyed = [place for place in places if isinstance(place[1], str)]
    kind = draw(st.sampled_from(BREAKING))
    if kind == "delete":
        path, key = draw(st.sampled_from([place for place in keyed if place[1] not in OPTIONAL_KEYS]))
        del _at(document, path)[key]
    elif kind == "null":
        path, key = draw(st.sampled_from(keyed))
        _at(document, path)[key] = None
    elif kind == "wrong-type":
        path, key = draw(st.sampled_from(places))
        container = _at(document, path)
        container[key] = draw(_wrong_for(container[key], key))
    elif kind == "bad-id":
        path, key = draw(st.sampled_from([place for place in keyed if place[1] == "id"] or [((), "schema")]))
        _at(document, path)[key] = draw(not_ids) if key == "id" else 2
    elif kind == "duplicate":
        lists = [name for name in ("sectors", "balance") if document.get(name)]
        if lists:
            entries = document[draw(st.sampled_from(lists))]
            entries.insert(draw(st.integers(0, len(entries))), copy.deepcopy(entries[draw(st.integers(0, len(entries) - 1))]))
        else:
            del document["kind"]
    elif kind in ("unknown-key", "merged-unknown-key"):
        mappings = [()] + [(*path, key) for path, key in places if isinstance(_at(document, path)[key], CommentedMap)]
        mapping, unknown = _at(document, draw(st.sampled_from(mappings))), {draw(unknown_keys): draw(scalars)}
        if kind == "merged-unknown-key":  # written `<<: {colour: red}`: YAML merges the field in, with no line of its own
            mapping[MERGE] = unknown
        else:
            mapping.update(unknown)
    elif kind == "schema":
        document["schema"] = draw(st.one_of(st.just(True), scalars, st.integers(2, 10**30)).filter(lambda value: value is True or value != 1))
    elif kind == "kind":
        document["kind"] = draw(st.one_of(st.text(max_size=12), st.sampled_from(["framework", "glossary", "hazards", "indicators"])).filter(lambda text: text != "stakeholders"))
    elif kind == "out-of-range":
        path, key = draw(st.sampled_from([place for place in keyed if place[1] == "minimum_share"] or [((), "schema")]))
        _at(document, path)[key] = draw(
            st.one_of(
                st.integers(max_value=-1),
                st.integers(min_value=101),
                st.floats().filter(lambda value: not 0 <= value <= 100),
                st.sampled_from([10**400, -(10**400), float("inf"), float("nan")]),
            )
            if key == "minimum_share"
            else st.just(0)
        )
    else:  # the whole file is something other than a mapping
        return kind, draw(st.one_of(scalars, st.lists(scalars, max_size=3)))
    return kind, document


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[list[str], bool, Any]:
    """(what was done, whether the file is now broken, the document)."""
    document = copy.deepcopy(BASE_DOCUMENT)
    done = [draw(harmless_change(document)) for _ in range(draw(st.integers(0, 2)))]
    if draw(st.booleans()):
        kind, document = draw(breaking_change(document))
        return [*done, kind], True, document
    return done, False, document


def _written_faithfully(data: bytes, document: Any) -> bool:
    parsed, failure = _independent_parse(data.decode("utf-8"))
    return not failure and _plain(parsed) == _plain(document)


@FUZZ
@given(mutation=mutated_documents())
def test_a_mutated_file_gives_located_problems_and_an_intact_one_stays_valid(tmp_path: Path, mutation: tuple[list[str], bool, Any]) -> None:
    done, broken, document = mutation
    path = tmp_path / "stakeholders.yaml"
    data = _dump(document).encode("utf-8")
    path.write_bytes(data)

    result = load_content([path])  # never raises

    assert_located_in(result, path, data)
    if bool(result.errors) != broken and not _written_faithfully(data, document):
        reject()  # the YAML writer misquoted a value (ruamel writes `{en: ? x}`): not the loader's doing
    problems = [problem.format() for problem in result.problems]
    if broken:
        assert result.errors, (done, problems)
        assert all(problem.line is not None for problem in result.problems), problems
        assert_translated(result)
    else:
        assert result.ok, (done, problems)
        assert len(result.content.sectors) == len(document["sectors"])  # nothing silently dropped
        assert len(result.content.balance_checks) == len(document.get("balance") or [])


# --- corruption of the bytes -------------------------------------------------------------------

GARBAGE = [
    b"[", b"]", b"{", b"}", b": ", b"- ", b"\t", b"&a ", b"*a", b"*undefined", b"? ", b"'", b'"', b"|", b">", b"#", b"\\", b"@", b"`",
    b"%YAML 9.9\n---\n", b"---\n", b"...\n", b"<<: 5\n", b"<<: *x\n", b"!!int x", b"!!float nope", b"!!timestamp 2020-13-45",
    b"!!binary ###", b"!!omap [a: 1, a: 2]", b"!!set {a}", b"!!python/object:os.system x", b"!custom 1",
    b"\x00", b"\x07", b"\x1b[31m", b"\xef\xbb\xbf", b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80",
    b"\r", b"\r\n", "\u2028".encode(), "\u200f\u202e".encode(), "قطاع".encode(), "٣٫٥".encode(),
    b"\ndeep: " + b"[" * 650, b"\ndeep: " + b"{a: " * 650, b"- " * 300, b"key: value\n", b"\n  - id: city-government\n", b"\nschema: 2\n", b"\nsectors: 5\n",
]


@st.composite
def corrupted_bytes(draw: st.DrawFn) -> tuple[list[str], bytes]:
    data = bytearray(BASE_BYTES)
    done = []
    for _ in range(draw(st.integers(1, 3))):
        operation = draw(st.sampled_from(["replace", "insert", "delete", "truncate", "garbage", "duplicate-line", "indent"]))
        at = draw(st.integers(0, len(data)))
        if operation == "replace" and data:
            at = min(at, len(data) - 1)
            data[at] = draw(st.integers(0, 255))
        elif operation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 200))]
        elif operation == "truncate":
            del data[at:]
        elif operation == "garbage":
            data[at:at] = draw(st.sampled_from(GARBAGE))
        elif operation == "duplicate-line":
            lines = bytes(data).splitlines(keepends=True)
            if lines:
                index = draw(st.integers(0, len(lines) - 1))
                lines.insert(index, lines[index])
                data = bytearray(b"".join(lines))
        else:
            lines = bytes(data).splitlines(keepends=True)
            if lines:
                index = draw(st.integers(0, len(lines) - 1))
                lines[index] = draw(st.sampled_from([b" ", b"  ", b"\t", b"   "])) + lines[index]
                data = bytearray(b"".join(lines))
        done.append(operation)
    return done, bytes(data)


def _independent_parse(text: str) -> tuple[Any, str]:
    """(the data, "") when the text parses, else (None, "located" or "unlocated").

    YAML allows a tab wherever it allows a space between words, and the loader's parser (libyaml) takes
    one there; ruamel.yaml refuses it (`stake<tab>holders`), so a text it refuses for a tab is read again
    with spaces for its tabs. A tab that indents is refused by both.
    """
    try:
        return _yaml().load(text), ""
    except MarkedYAMLError as error:
        if "'\\t'" in str(error.problem) and "\t" in text:
            return _independent_parse(text.replace("\t", " "))
        return None, "located" if (error.problem_mark or error.context_mark) else "unlocated"
    except ReaderError:
        return None, "located"  # a character the parser refuses has a position
    except Exception:  # noqa: BLE001 - nesting too deep, a tagged value that does not convert: no position
        return None, "unlocated"


@FUZZ
@given(corruption=corrupted_bytes())
def test_corrupted_bytes_give_a_located_problem_never_a_traceback(tmp_path: Path, corruption: tuple[list[str], bytes]) -> None:
    done, data = corruption
    path = tmp_path / "stakeholders.yaml"
    path.write_bytes(data)

    result = load_content([path])  # never raises

    assert_located_in(result, path, data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_line = _line_count(data[: error.start])  # the line where the first byte that is not UTF-8 is
        unreadable = [problem for problem in result.errors if problem.code == "file-unreadable"]
        assert [problem.line for problem in unreadable] == [bad_line], (done, [problem.format() for problem in result.problems])
        assert_translated(result)
        return
    if result.ok:
        return
    problems = [problem.format() for problem in result.problems]
    syntax = [problem for problem in result.errors if problem.code == "yaml-syntax"]
    if syntax:  # the parser gave up: each error is at its line, unless the parser itself cannot tell where
        if any(problem.line is None for problem in syntax):
            assert _independent_parse(text)[1] == "unlocated", (done, problems)
    else:  # well-formed YAML: every problem is at its line, and it is not the base's data (which is valid)
        parsed, failure = _independent_parse(text)
        assert not failure and _plain(parsed) != BASE_DATA, ("the same data is valid", done, problems)
        assert all(problem.line is not None for problem in result.problems), problems
    assert_translated(result)


# --- a broken file beside intact ones ----------------------------------------------------------


@pytest.fixture(scope="module")
def intact_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Copies of two other shipped files, made once for the module."""
    folder = tmp_path_factory.mktemp("forms")
    shutil.copy(resources.forms_dir() / "glossary.yaml", folder / "glossary.yaml")
    shutil.copy(resources.forms_dir() / "crf" / "framework.yaml", folder / "framework.yaml")
    return folder


@settings(FUZZ, max_examples=40)  # each example also reads two whole shipped files
@given(mutation=mutated_documents())
def test_problems_of_a_broken_file_never_spill_onto_the_intact_files_beside_it(intact_folder: Path, mutation: tuple[list[str], bool, Any]) -> None:
    done, broken, document = mutation
    path = intact_folder / "stakeholders.yaml"
    path.write_bytes(_dump(document).encode("utf-8"))

    result = load_content([intact_folder])

    if bool(result.errors) != broken and not _written_faithfully(path.read_bytes(), document):
        reject()  # the YAML writer misquoted a value: not the loader's doing
    assert {problem.file for problem in result.problems} <= {path}, [problem.format() for problem in result.problems]
    assert bool(result.errors) == broken, (done, [problem.format() for problem in result.problems])
    assert len(result.content.glossary) > 0 and len(result.content.frameworks) == 1  # the intact files are still built


def test_the_base_of_the_mutations_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "stakeholders.yaml"
    path.write_bytes(BASE_BYTES)
    result = load_content([path])
    assert result.ok and result.problems == ()
    assert len(result.content.sectors) == KEEP_SECTORS and len(result.content.balance_checks) == len(BALANCE_IDS)
