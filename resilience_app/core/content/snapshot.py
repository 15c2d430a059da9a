"""A snapshot of validated content, so a start-up reads one file instead of parsing every YAML file.

After a content set loads without errors its `Content` is pickled into the cache folder,
keyed by the app version and a SHA-256 over every content file's relative path and bytes
(and the code that builds content), so any edit to a YAML file, or a new version of the
app, makes the snapshot stale. A snapshot that is missing, stale, unreadable, truncated or
holds anything but content is ignored: the files are parsed and the snapshot rewritten.
A snapshot that cannot be written (read-only or full disk) only costs the next start its
parse. A content set with errors is never stored, so its errors are reported every time,
with their locations; `validate-content` always parses.

The file is owner-only (in the owner-only data folder), written whole to a temporary file
and moved into place, and read back only through an unpickler that builds nothing but the
content's own classes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeGuard

from resilience_app import __version__
from resilience_app.core.content import model
from resilience_app.core.content.loader import ContentLoadResult, load_content
from resilience_app.core.content.loading.files import content_files, read_content_bytes
from resilience_app.core.content.model import Content

_log = logging.getLogger("resilience_app.content")

SNAPSHOT_FORMAT = 1
CONTENT_SNAPSHOT_FILE_NAME = "content.snapshot"
_MAGIC = b"resilience-app content snapshot\n"
_KEY_LENGTH = 64  # hex digits of a SHA-256
# The code that decides what a content set becomes is this package's (the model, the YAML reader, the
# loader and its readers): a change to any of its modules makes old snapshots stale even when the version
# number has not moved (a development checkout).
_BUILDERS_FOLDER = Path(__file__).parent
# The classes a snapshot may hold: the content's dataclasses (and the frozen mappings inside them).
_MODEL_CLASSES: dict[str, type] = {
    cls.__name__: cls for cls in vars(model).values() if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__
}
_FIELD_NAMES: dict[type, tuple[str, ...]] = {cls: tuple(field.name for field in dataclasses.fields(cls)) for cls in _MODEL_CLASSES.values()}


def _frozen_mapping(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


_PLAIN_TYPES: dict[str, type] = {plain.__name__: plain for plain in (bool, int, float, str)}


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        # `Text` keeps its translations in a MappingProxyType, which pickle cannot store by itself.
        if isinstance(obj, MappingProxyType):
            return _frozen_mapping, (dict(obj),)
        # A subclass of a number or text (the YAML reader makes none since it moved to libyaml, but a
        # reader could) is stored as the plain value it stands for: reading a snapshot needs no other module.
        for plain in _PLAIN_TYPES.values():
            if isinstance(obj, plain) and type(obj) is not plain:
                return plain, (plain(obj),)
        return NotImplemented


class _Unpickler(pickle.Unpickler):
    """Builds only content: any other class or function in the stream is refused."""

    def find_class(self, module_name: str, name: str) -> Any:
        if module_name == model.__name__ and name in _MODEL_CLASSES:
            return _MODEL_CLASSES[name]
        if module_name == __name__ and name == _frozen_mapping.__name__:
            return _frozen_mapping
        if module_name == "builtins" and name in _PLAIN_TYPES:
            return _PLAIN_TYPES[name]
        raise pickle.UnpicklingError(f"a content snapshot cannot hold {module_name}.{name}")


def snapshot_key(paths: Sequence[Path]) -> str | None:
    """The SHA-256 (hex) that names this content set as the files are now; None when one cannot be read."""
    digest = hashlib.sha256()
    digest.update(b"%s%d\0%s\0%d.%d\0" % (_MAGIC, SNAPSHOT_FORMAT, __version__.encode(), *sys.version_info[:2]))
    sources = builder_sources()
    for source in sources:
        digest.update(b"%s\0" % source.relative_to(_BUILDERS_FOLDER).as_posix().encode())
        try:
            digest.update(source.read_bytes())
        except OSError:
            digest.update(b"?")
        digest.update(b"\0")
    if not sources:  # no source beside a frozen build: the version alone decides
        digest.update(b"?")
    try:
        for index, root in enumerate(paths):
            digest.update(b"root %d\0" % index)
            for file in content_files([root]):
                relative = file.relative_to(root).as_posix() if file != root else file.name
                data = read_content_bytes(file)  # never blocks on a pipe nor reads /dev/zero for ever
                digest.update(b"%s\0%d\0" % (relative.encode("utf-8", "surrogateescape"), len(data)))
                digest.update(data)
    except (OSError, ValueError) as error:
        _log.info("Content files not fingerprinted (%s); parsing them", error)
        return None
    return digest.hexdigest()


def builder_sources() -> list[Path]:
    """The source files of the code that builds content, in a stable order."""
    return sorted(_BUILDERS_FOLDER.rglob("*.py"))


def read_snapshot(file: Path, key: str) -> Content | None:
    """The content stored under `key`, or None (logged) when there is none usable."""
    try:
        with file.open("rb") as stream:
            header = stream.read(len(_MAGIC) + _KEY_LENGTH + 1)
            if header != _MAGIC + key.encode("ascii") + b"\n":
                _log.info("Content snapshot %s is stale or not a snapshot; parsing the content", file)
                return None
            content = _Unpickler(stream).load()
    except FileNotFoundError:
        _log.info("No content snapshot yet at %s; parsing the content", file)
        return None
    except Exception as error:  # noqa: BLE001 - unreadable, truncated, corrupt: all mean "parse instead"
        _log.info("Content snapshot %s cannot be read (%s: %s); parsing the content", file, type(error).__name__, error)
        return None
    if not _is_whole_content(content):
        _log.info("Content snapshot %s does not hold whole content; parsing the content", file)
        return None
    return content


def _is_whole_content(value: object) -> TypeGuard[Content]:
    """Whether `value` is a `Content` whose every dataclass has all its fields (a snapshot built sound)."""
    if not isinstance(value, Content):
        return False
    pending: list[Any] = [value]
    try:
        while pending:
            item = pending.pop()
            names = _FIELD_NAMES.get(type(item))
            if names is not None:
                state = item.__dict__
                pending.extend([state[name] for name in names])
            elif type(item) is tuple:
                pending.extend(item)
            elif type(item) in (dict, MappingProxyType):
                pending.extend(item.values())
    except KeyError:  # a field the snapshot lacks
        return False
    return True


def write_snapshot(file: Path, key: str, content: Content) -> bool:
    """Store `content` under `key`, owner-only and atomically; False (logged) when it cannot be written."""
    try:
        header = _MAGIC + key.encode("ascii") + b"\n"
        buffer = io.BytesIO()
        buffer.write(header)
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(content)
        if _Unpickler(io.BytesIO(buffer.getbuffer()[len(header):])).load() != content:  # it must read back
            raise pickle.PicklingError("the content does not read back the same")
    except Exception as error:  # noqa: BLE001 - a snapshot is an optimisation: never a reason to fail
        _log.warning("Content could not be snapshotted (%s: %s)", type(error).__name__, error)
        return False
    try:
        folder = file.parent
        folder.mkdir(exist_ok=True, mode=0o700)  # not its parents: the data folder is made owner-only elsewhere
        if os.name == "posix":
            folder.chmod(0o700)
        handle, temporary = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=folder)  # owner-only (0600)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(buffer.getbuffer())
            # No fsync: a snapshot torn by a power cut fails its checks and is parsed and rewritten.
            os.replace(temporary, file)
        except BaseException:
            with suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError as error:
        _log.info("Content snapshot %s not written (%s); the next start parses the content again", file, error)
        return False
    return True


def load_content_via_snapshot(paths: Sequence[Path], snapshot_file: Path) -> ContentLoadResult:
    """The content of `paths`: from the snapshot when it matches the files, else parsed (and snapshotted if valid).

    A result from the snapshot has no problems: only a set without errors is ever stored, and its
    warnings are not repeated (`validate-content` parses and shows them). A result with errors is
    the parser's own, with every problem located.
    """
    paths = list(paths)
    key = snapshot_key(paths)
    if key is not None:
        content = read_snapshot(snapshot_file, key)
        if content is not None:
            return ContentLoadResult(content, ())
    result = load_content(paths)
    # Stored only under the key of the files as parsed: one edited meanwhile is fingerprinted anew.
    if result.ok and key is not None and snapshot_key(paths) == key:
        write_snapshot(snapshot_file, key, result.content)
    return result
