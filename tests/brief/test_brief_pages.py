"""The sample's two documents' pages (the workshop brief and the PRA), read back with poppler in English and Arabic, as a mayor would page through them:
headings with their content, no hole but where a section ends, table cells a few lines tall, rows whole on
one page, and no table ending on a page of its own single row."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pytest

from resilience_app.core.brief.model import BriefDocument, Bullets, Heading, Paragraph, Table
from resilience_app.core.brief.pdf.style import load_style
from tests.brief.conftest import DOCUMENTS, LANGUAGES
from tests.brief.page_layout import Page, TextBlock, TextLine, words_of
from tests.brief.pdf_reader import needs_poppler

pytestmark = needs_poppler
MOST_LINES_IN_A_CELL = 7  # the layout aims at six; an eight-column table of short headings leaves a long reason seven
ROWS_UNDER_A_HEADING = 3  # lines of text, at least, under the last heading of a page
WORDS_OF_A_LONG_CELL = 5  # shorter cells (a value with its unit) are not looked for: poppler may read them into the cell beside
ROW_TOPS = 8  # points by which the first lines of a row's cells may differ (Arabic and Latin lines have other heights)
TORN_WORDS = 1  # words of a cell poppler may miss (a vowel mark drawn apart from its letter may tear a word off its line)
NEIGHBOUR_WORDS = 10  # words of the cell beside poppler may read into a line of a cell (when the gap is narrow)
NEARLY = 0.95  # of a heading's height
MOST_BLANK_INSIDE_A_SECTION = 0.3  # of a page's text area, where no new section starts on the next page
MOST_BLANK_BEFORE_A_HEADING = 0.4  # a heading kept with its first rows, moved to the next page


@dataclass(frozen=True)
class TextArea:
    """Where the body of a page goes: below the running header, above the page number."""

    top: float
    bottom: float

    @classmethod
    def of_the_brief(cls, page_height: float) -> TextArea:
        margins = load_style().margins
        return cls(margins["top"] - 2, page_height - margins["bottom"] + 2)

    def blocks(self, page: Page) -> list[TextBlock]:
        return [block for block in page.blocks if block.top >= self.top and block.bottom <= self.bottom]

    def blank_share(self, page: Page) -> float:
        lowest = max((block.bottom for block in self.blocks(page)), default=self.top)
        return (self.bottom - lowest) / (self.bottom - self.top)


def _headings(document: BriefDocument) -> tuple[list[Counter[str]], list[Counter[str]]]:
    """The words of every section title, and of every heading within a section."""
    titles = [words_of(section.title) for section in document.sections]
    headings = [words_of(block.text) for section in document.sections for block in section.blocks if isinstance(block, Heading)]
    return titles, headings


def _lead_ins(document: BriefDocument) -> list[Counter[str]]:
    """The words of every paragraph that leads into a list ("Opening and purpose", then its questions)."""
    return [
        words_of(block.text)
        for section in document.sections
        for block, following in zip(section.blocks, section.blocks[1:], strict=False)
        if isinstance(block, Paragraph) and isinstance(following, Bullets)
    ]


def _is_one_of(block: TextBlock, texts: list[Counter[str]], page: Page) -> bool:
    """Whether `block` is one of the headings `texts`: their words, set at a heading's size at least (a table
    cell may hold a goal's name as a heading of the annex does, a paragraph the name of a section). Sizes are
    measured against the running header, whose size the style file gives."""
    style = load_style()
    header = page.blocks[0].lines[0]
    heading_line = (header.bottom - header.top) * style.sizes["heading"] / style.sizes["header"]
    return block.words in texts and block.lines[0].bottom - block.lines[0].top > NEARLY * heading_line


@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_ends_with_a_heading_or_a_lead_in(sample_models: dict[tuple[str, str], BriefDocument], sample_layouts: dict[tuple[str, str], list[Page]], document: str, language: str) -> None:
    titles, headings = _headings(sample_models[document, language])
    stranded = []
    body = sample_layouts[document, language][1:]  # the cover is a page of its own

    def _opens_with_a_heading(page: Page | None) -> bool:
        """Whether what the last heading of the page before introduces ended there (or the brief did)."""
        if page is None:
            return True
        blocks = TextArea.of_the_brief(page.height).blocks(page)
        return not blocks or _is_one_of(blocks[0], titles + headings, page)

    lead_ins = _lead_ins(sample_models[document, language])
    for page, following in zip(body, [*body[1:], None], strict=True):
        area = TextArea.of_the_brief(page.height)
        blocks = area.blocks(page)
        own = [block for block in blocks if _is_one_of(block, titles + headings, page)]
        if own and len(page.rows(own[-1].bottom + 1, area.bottom)) < ROWS_UNDER_A_HEADING and not _opens_with_a_heading(following):
            stranded.append((page.number, " ".join(line.text for line in own[-1].lines)))
        if blocks and following is not None and blocks[-1].words in lead_ins:
            stranded.append((page.number, " ".join(line.text for line in blocks[-1].lines)))
    assert stranded == []


@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_is_left_short_only_where_a_section_ends(sample_models: dict[tuple[str, str], BriefDocument], sample_layouts: dict[tuple[str, str], list[Page]], document: str, language: str) -> None:
    titles, headings_within = _headings(sample_models[document, language])
    body = sample_layouts[document, language][1:]  # the cover is a page of its own
    holes = []
    for page, following in zip(body, body[1:], strict=False):
        area = TextArea.of_the_brief(page.height)
        next_blocks = area.blocks(following)
        section_starts = bool(next_blocks) and _is_one_of(next_blocks[0], titles, following)
        heading_starts = bool(next_blocks) and _is_one_of(next_blocks[0], headings_within, following)
        # A heading that moved on with its first rows may leave a little more room behind it than a table that broke.
        limit = MOST_BLANK_BEFORE_A_HEADING if heading_starts else MOST_BLANK_INSIDE_A_SECTION
        if area.blank_share(page) > limit and not section_starts:
            holes.append((page.number, round(area.blank_share(page), 2)))
    assert holes == []


@dataclass(frozen=True, order=True)
class Place:
    """Where a text starts: its page and the top of its first line."""

    page: int
    top: float


@dataclass(frozen=True)
class CellPlace:
    start: Place
    lines: int


def _find_cell(text: str, laid: list[Page], after: Place) -> CellPlace | None:
    """The first place after `after` where a line and the lines that continue it in its column hold
    the words of `text` and little else (poppler sometimes reads the cell beside into a line)."""
    wanted = words_of(text)

    def close(found: Counter[str], count: int) -> bool:
        return (found - wanted).total() <= NEIGHBOUR_WORDS * count

    def whole(found: Counter[str]) -> bool:
        return (wanted - found).total() <= TORN_WORDS

    for page in laid[after.page - 1 :]:
        lines = page.lines
        for start, line in enumerate(lines):
            if Place(page.number, line.top) <= after or not close(line.words, 1):
                continue
            found, band, count = line.words, [line], 1
            while wanted - found and close(found, count):
                band = _next_band(lines[start + 1 :], line, band)
                if not band:
                    break
                words = sum((other.words for other in band), Counter())
                if whole(found) and words - (wanted - found):
                    break  # the cell ended with a word poppler missed; this is the next row
                found, count = found + words, count + 1
            if whole(found) and close(found, count):
                return CellPlace(Place(page.number, line.top), count)
    return None


def _next_band(lines: list[TextLine], first: TextLine, band: list[TextLine]) -> list[TextLine]:
    """The lines just below `band`, in the column of `first` (a line poppler read across two cells is one of them)."""
    below = [other for other in lines if first.overlaps(other) and any(above.continued_by(other) for above in band)]
    return [other for other in below if other.top == min(following.top for following in below)]


def _tables(document: BriefDocument) -> list[Table]:
    return [block for section in document.sections for block in section.blocks if isinstance(block, Table)]


def _longest(row: tuple[str, ...]) -> str:
    return max(row, key=lambda cell: words_of(cell).total())


@dataclass(frozen=True)
class PlacedRow:
    table: Table
    cells: tuple[str, ...]
    place: Place


def _placed_rows(document: BriefDocument, laid: list[Page]) -> list[PlacedRow]:
    """Every table row with text, in the order of the brief, where its longest cell is found whole.
    A row split across pages leaves that cell in two parts on two pages: it is found whole nowhere."""
    placed, place = [], Place(1, 0)
    for table in _tables(document):
        for row in table.rows:
            cell = _longest(row)
            if not words_of(cell):
                continue
            found = _find_cell(cell, laid, place)
            assert found is not None, f"the row of {cell!r} is not whole on one page"
            place = found.start
            placed.append(PlacedRow(table, row, place))
    return placed


@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_table_cell_runs_past_seven_lines(sample_models: dict[tuple[str, str], BriefDocument], sample_layouts: dict[tuple[str, str], list[Page]], document: str, language: str) -> None:
    """Columns are sized to what they hold: a reason or a question gets the room, a rank stays narrow."""
    laid = sample_layouts[document, language]
    tall = []
    for row in _placed_rows(sample_models[document, language], laid):
        row_top = Place(row.place.page, row.place.top - ROW_TOPS)
        for cell in row.cells:
            if words_of(cell).total() < WORDS_OF_A_LONG_CELL:
                continue
            found = _find_cell(cell, laid, row_top)
            assert found is not None, f"no block holds the cell {cell!r} whole"
            if found.lines > MOST_LINES_IN_A_CELL:
                tall.append((found.start.page, found.lines, cell[:60]))
    assert tall == []


@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_rows_stay_whole_and_no_table_ends_on_a_page_of_one_row(
    sample_models: dict[tuple[str, str], BriefDocument], sample_layouts: dict[tuple[str, str], list[Page]], document: str, language: str
) -> None:
    placed = _placed_rows(sample_models[document, language], sample_layouts[document, language])
    lonely = []
    for table in _tables(sample_models[document, language]):
        rows_on = Counter(row.place.page for row in placed if row.table is table)
        last_page = max(rows_on, default=0)
        if len(rows_on) > 1 and rows_on[last_page] < 2:
            lonely.append((last_page, table.header))
    assert lonely == []
