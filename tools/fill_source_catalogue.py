"""Fill the English catalogue from the source strings.

English is the language the messages are written in, so its catalogue translates
each message to itself (plural forms included). `make translations` runs this after
`pybabel update`, so a new message never shows up as "untranslated" in English.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def fill(po_path: Path) -> int:
    with po_path.open("rb") as stream:
        catalog = read_po(stream)
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            if not all(message.string):
                message.string = (message.id[0], message.id[1])
                filled += 1
        elif not message.string:
            message.string = message.id
            filled += 1
        if message.fuzzy:
            message.flags.discard("fuzzy")
            message.string = message.id if not isinstance(message.id, tuple) else (message.id[0], message.id[1])
    with po_path.open("wb") as stream:
        write_po(stream, catalog, width=100)
    return filled


if __name__ == "__main__":
    path = Path(sys.argv[1])
    print(f"{path}: {fill(path)} messages filled")
