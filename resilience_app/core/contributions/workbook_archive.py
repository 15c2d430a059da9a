"""The checks a returned file passes before a spreadsheet library reads it: is it a plain .xlsx archive,
small enough once unpacked, without macros, and made only of what spreadsheet programs write?

An .xlsx is a zip archive of XML files. It is refused, before anything parses it, when it is not a zip
archive (a CSV renamed .xlsx, a truncated download), when it is password-protected (Office encrypts into
another container), when it holds a macro project or macro sheets (.xlsm), when its files would unpack
to more than MAX_FILE_BYTES or unpack far beyond their packed size (a zip bomb), when a file's checksum
is wrong (damaged), when an XML file declares a document type: no spreadsheet program writes one,
and entity declarations are how XML files are made to explode or reach outside; and when a file holds more
than MAX_TAGS XML elements: a million empty cells pack into a few hundred kilobytes, small enough and
compressed little enough to pass the size checks, and unpack into gigabytes in the spreadsheet library.
"""

from __future__ import annotations

import io
import logging
import zipfile

from resilience_app.core.contributions.workbook_layout import MAX_FILE_BYTES, MAX_MEMBERS, MAX_RATIO, MAX_TAGS, RATIO_CHECKED_FROM
from resilience_app.core.contributions.workbook_records import WorkbookRefused
from resilience_app.core.contributions.workbook_refusals import refused
from resilience_app.core.formatting import format_number

_log = logging.getLogger("resilience_app.contributions")

_OFFICE_ENCRYPTED = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file an encrypted .xlsx (or an old .xls) is
_CONTENT_TYPES = "[Content_Types].xml"
_MACRO_PARTS = ("vbaproject", "macrosheets/", "activex/")  # VBA, Excel 4 macro sheets, ActiveX controls
_MACRO_CONTENT = (b"macroEnabled", b"vbaProject", b"ms-excel.intlmacrosheet", b"ms-excel.macrosheet")
_DECLARATIONS = tuple(marker.encode(encoding) for marker in ("<!DOCTYPE", "<!ENTITY") for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
_ENCRYPTED_MEMBER = 0x1  # the zip flag of a member encrypted with a password


def check_archive(data: bytes) -> None:
    """Raise `WorkbookRefused` unless `data` is an .xlsx archive that is safe to hand to openpyxl."""
    if data.startswith(_OFFICE_ENCRYPTED):
        raise refused("encrypted")
    if len(data) > MAX_FILE_BYTES:
        raise _too_large()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - whatever zipfile makes of foreign bytes, they are not an .xlsx
        _log.info("Workbook refused: not a zip archive (%s)", error)
        raise refused("not-xlsx") from None
    with archive:
        members = _members(archive)
        names = [member.filename for member in members]
        if _CONTENT_TYPES not in names:  # an .ods, a .docx's cousin, any other zip
            raise refused("not-xlsx")
        if any(part in name.lower() for name in names for part in _MACRO_PARTS):
            raise refused("macros")
        if len(set(names)) != len(names):
            raise refused("damaged")
        _check_sizes(members)
        for member in members:
            content = _unpacked(archive, member)
            if member.filename == _CONTENT_TYPES and any(marker in content for marker in _MACRO_CONTENT):
                raise refused("macros")
            if any(marker in content for marker in _DECLARATIONS):
                raise refused("unsafe")
            if content.count(b"<") > MAX_TAGS:  # counts every element however it is written (a prefix, UTF-16)
                _log.info("Workbook refused: %s holds more than %d XML elements", member.filename, MAX_TAGS)
                raise refused("unsafe")


def _members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise refused("damaged")
    for member in members:
        if member.flag_bits & _ENCRYPTED_MEMBER:
            raise refused("encrypted")
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):  # what Excel and Calc write
            raise refused("damaged")
    return members


def _check_sizes(members: list[zipfile.ZipInfo]) -> None:
    """The sizes the archive declares: zipfile never unpacks a member past its declared size."""
    if sum(member.file_size for member in members) > MAX_FILE_BYTES:
        raise _too_large()
    for member in members:
        if member.file_size >= RATIO_CHECKED_FROM and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise _too_large()


def _unpacked(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """The member's bytes, its checksum checked (a damaged or truncated file fails here)."""
    try:
        return archive.read(member)
    except Exception as error:  # noqa: BLE001 - bad checksum, truncated data, a broken header: zipfile raises many kinds
        _log.info("Workbook refused: %s cannot be unpacked (%s)", member.filename, error)
        raise refused("damaged") from None


def _too_large() -> WorkbookRefused:
    return refused("too-large", size=format_number(MAX_FILE_BYTES // 1024 // 1024))
