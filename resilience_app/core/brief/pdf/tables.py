"""The brief's tables: columns sized to their content, mirrored in Arabic, rows kept whole across pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle

from resilience_app.core.brief.pdf.columns import CellText, column_widths
from resilience_app.core.brief.pdf.flowables import TextBlock, TextLook
from resilience_app.core.brief.pdf.style import BriefStyle

PADDING = 4
FEWEST_ROWS = 2  # rows of a table that may stand alone at the foot of a page or on the next one


class PagedTable(Table):  # type: ignore[misc]  # ReportLab ships no type information, so Table is Any
    """A table that breaks between rows only, repeats its header on each page, and never leaves
    a single row alone at the foot of a page or on the next one. A row taller than a whole page
    (a very long text a user typed) is the one exception: it is split where the page ends."""

    page_height = 0.0  # the height of a page's text area; set by `table`, passed on to the parts

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._calc(available_width, available_height)
        header = int(self.repeatRows)
        heights = list(self._rowHeights)
        body = len(heights) - header
        # ReportLab's own count of the rows (header included) that fit in the height.
        fitting = max(self._getFirstPossibleSplitRowPosition(available_height) - header, 0)
        if fitting >= body:
            return [self]
        at_top = available_height >= self.page_height - 1
        if fitting == 0:
            if at_top or sum(heights[: header + 1]) > self.page_height:
                return self._parts(self._splitRows(available_height, doInRowSplit=1))
            return []  # the row goes to the next page whole
        if body - fitting < FEWEST_ROWS <= fitting:
            fitting = max(fitting - 1, 1)  # the last rows go over together
        if fitting < FEWEST_ROWS <= body and not at_top:
            return []  # not a header and one row alone at the foot of the page
        return self._parts(self._splitRows(sum(heights[: header + fitting]) + 0.01, doInRowSplit=0))

    def opening_height(self, available_width: float) -> float:
        """The least of the table that may stand at the foot of a page: the header and two rows, or all of a short table."""
        self._calc(available_width, self.page_height)
        header = int(self.repeatRows)
        heights = list(self._rowHeights)
        shortest_split = 2 * FEWEST_ROWS
        return float(sum(heights if len(heights) - header < shortest_split else heights[: header + FEWEST_ROWS]))

    def _parts(self, parts: list[Flowable]) -> list[Flowable]:
        for part in parts:
            part.page_height = self.page_height
        return parts


def table_column_widths(
    rows: Sequence[Sequence[str]], style: BriefStyle, *, rtl: bool, available_width: float, bold: Sequence[bool], size: float | None = None,
    unbroken: tuple[int, ...] = (),
) -> list[float]:
    """The columns' widths in reading order, sized to their content as the PDF sets them (the Word version uses them too);
    the `unbroken` columns keep each cell on one line."""
    texts = [[CellText(text, bold[index]) for text in row] for index, row in enumerate(rows)]
    return column_widths(texts, style.engine, size=size or style.sizes["table"], rtl=rtl, available=available_width, padding=PADDING,
                         unbroken=unbroken)


def table(
    rows: list[list[str]],
    style: BriefStyle,
    *,
    rtl: bool,
    available_width: float,
    page_height: float,
    header: bool = True,
    bold_rows: tuple[int, ...] = (),
    size: float | None = None,
    unbroken: tuple[int, ...] = (),
) -> PagedTable:
    """A table of text cells; in Arabic the columns run from the right."""
    size = size or style.sizes["table"]
    bold = [(header and index == 0) or index in bold_rows for index in range(len(rows))]
    widths = table_column_widths(rows, style, rtl=rtl, available_width=available_width, bold=bold, size=size, unbroken=unbroken)
    cells = []
    for index, row in enumerate(rows):
        colour = style.colour("table_header_text") if header and index == 0 else style.colour("text")
        look = TextLook(size=size, colour=colour, rtl=rtl, bold=bold[index])
        cells.append([TextBlock(text, look, style) for text in row])
    if rtl:
        cells = [row[::-1] for row in cells]
        widths = widths[::-1]
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), style.engine.regular.latin.name),  # never a base-14 font, even unused
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, style.colour("rule")),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), style.colour("table_header")))
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, style.colour("table_stripe")]))
    result = PagedTable(cells, colWidths=widths, repeatRows=1 if header else 0, hAlign="RIGHT" if rtl else "LEFT", splitInRow=1)
    result.page_height = page_height
    result.setStyle(TableStyle(commands))
    return result
