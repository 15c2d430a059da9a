"""The brief's tables as real Word tables: a header row repeated on each page, rows that never split.

Columns keep the model's relative widths across the text width; in an Arabic document the table is
right-to-left (w:bidiVisual), so its first column is at the right, as in the PDF. The look follows
the PDF: a coloured header row, striped rows, thin rules between rows and no vertical lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt
from docx.table import Table

from resilience_app.core.brief.docx.ooxml import BORDERS, CELL, TABLE, set_property
from resilience_app.core.brief.docx.styles import hex_colour
from resilience_app.core.brief.docx.text_runs import TextSetter
from resilience_app.core.brief.pdf.style import BriefStyle

TWIPS_PER_POINT = 20
RULE_WIDTH = 3  # eighths of a point: the PDF's 0.4 pt line between rows


KEPT_ROWS = 2  # the header and the first row never stand alone at the foot of a page

def add_table(
    document: Document,
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    style: BriefStyle,
    *,
    text: TextSetter,
    width: float,
    text_style: str,  # the id of the cells' paragraph style
    header: bool = True,
    bold_rows: Sequence[int] = (),
    with_note: bool = False,
) -> Table:
    """A table of text cells across `width` points; `rows[0]` is the header when `header`, `bold_rows` count from the first row.
    The header and the first row keep with the row after them; `with_note` keeps the last row with the note after the table."""
    column_widths = [width * share / sum(widths) for share in widths]
    table: Table = document.add_table(rows=0, cols=len(widths))
    _table_properties(table, style, rtl=text.rtl, width=width)
    for column, column_width in zip(table.columns, column_widths, strict=True):
        column.width = Pt(column_width)
    header_fill, header_text = hex_colour(style.colour("table_header")), hex_colour(style.colour("table_header_text"))
    stripe = hex_colour(style.colour("table_stripe"))
    for index, texts in enumerate(rows):
        is_header = header and index == 0
        row = table.add_row()  # type: ignore[no-untyped-call]  # python-docx leaves add_row unannotated
        row_properties = row._tr.get_or_add_trPr()
        set_property(row_properties, "cantSplit", ())  # a row moves to the next page whole (unless it is longer than a page)
        if is_header:
            set_property(row_properties, "tblHeader", ())  # repeated at the top of every page the table runs onto
        fill = header_fill if is_header else stripe if header and index % 2 == 0 else ""
        keep = (index < KEPT_ROWS and index + 1 < len(rows)) or (with_note and index + 1 == len(rows))
        for cell, cell_text, column_width in zip(row.cells, texts, column_widths, strict=True):
            cell.width = Pt(column_width)
            if fill:
                set_property(cell._tc.get_or_add_tcPr(), "shd", CELL, val="clear", color="auto", fill=fill)
            paragraph = cell.paragraphs[0]
            paragraph._p.style = text_style
            text.set_direction(paragraph)
            if keep:
                paragraph.paragraph_format.keep_with_next = True
            text.add(paragraph, cell_text, bold=is_header or index in bold_rows, colour=header_text if is_header else "")
    return table


def _table_properties(table: Table, style: BriefStyle, *, rtl: bool, width: float) -> None:
    properties: BaseOxmlElement = table._tbl.tblPr
    if rtl:
        set_property(properties, "bidiVisual", TABLE)
    set_property(properties, "tblW", TABLE, w=str(round(width * TWIPS_PER_POINT)), type="dxa")
    rule = hex_colour(style.colour("rule"))
    borders = set_property(properties, "tblBorders", TABLE)
    for side in ("top", "bottom", "insideH"):
        set_property(borders, side, BORDERS, val="single", sz=str(RULE_WIDTH), space="0", color=rule)
    set_property(properties, "tblLayout", TABLE, type="fixed")
    margins = set_property(properties, "tblCellMar", TABLE)
    for side, points in (("top", 2.5), ("left", 4), ("bottom", 3), ("right", 4)):
        set_property(margins, side, BORDERS, w=str(round(points * TWIPS_PER_POINT)), type="dxa")

