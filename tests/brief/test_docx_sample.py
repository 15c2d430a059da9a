"""The sample's two documents (the workshop brief and the PRA) as Word documents in both languages: read back with
python-docx and printed by LibreOffice."""

from __future__ import annotations

import getpass
import io
import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from PIL import Image

from resilience_app.core.brief.docx.text_runs import NO_ISOLATES
from resilience_app.core.brief.model import BarChart, BriefDocument, MatrixChart, Paragraph, RadarChart
from resilience_app.core.services import ResilienceService
from tests.brief.conftest import DOCUMENTS, EXPORT_DAY
from tests.brief.docx_reader import every_paragraph, has_property, needs_soffice, open_docx, package_text, to_pdf
from tests.brief.pdf_reader import fonts, needs_poppler, page_count, page_text, plain

LANGUAGES = ("en", "ar")
CHARTS = (RadarChart, BarChart, MatrixChart)


EXPORTS = [(document, language) for document in DOCUMENTS for language in LANGUAGES]
Key = tuple[str, str]  # (document, language)


@pytest.fixture(scope="module")
def printed(sample_word_exports: dict[Key, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[Key, Path]:
    """Every Word document printed to PDF by LibreOffice (one start of LibreOffice for them all)."""
    pdfs = to_pdf(list(sample_word_exports.values()), tmp_path_factory.mktemp("printed"))
    return {key: pdfs[path] for key, path in sample_word_exports.items()}


@pytest.mark.parametrize("key", EXPORTS, ids="-".join)
def test_section_titles_are_word_headings_so_a_table_of_contents_finds_them(sample_word_exports: dict[Key, Path], sample_models: dict[Key, BriefDocument],
                                                                           key: Key) -> None:
    document = open_docx(sample_word_exports[key])
    model = sample_models[key]
    titles = [paragraph.text for paragraph in document.paragraphs if paragraph.style is not None and paragraph.style.name == "Heading 1"]
    assert titles == [section.title for section in model.sections]
    headings = [paragraph.text for paragraph in document.paragraphs if paragraph.style is not None and paragraph.style.name == "Heading 2"]
    assert headings and all(heading in headings for heading in (block.text.translate(NO_ISOLATES) for section in model.sections
                                                                for block in section.blocks if type(block).__name__ == "Heading"))
    cover_title = next(paragraph for paragraph in document.paragraphs if paragraph.style is not None and paragraph.style.name == "Title")
    assert cover_title.text == model.cover.title


@pytest.mark.parametrize("key", EXPORTS, ids="-".join)
def test_tables_repeat_their_header_row_and_no_row_splits_across_pages(sample_word_exports: dict[Key, Path], sample_models: dict[Key, BriefDocument],
                                                                       key: Key) -> None:
    document = open_docx(sample_word_exports[key])
    model_tables = [block for section in sample_models[key].sections for block in section.blocks if type(block).__name__ == "Table"]
    with_header = [table for table in document.tables if has_property(table.rows[0]._tr, "w:trPr/w:tblHeader")]
    assert [[cell.text for cell in table.rows[0].cells] for table in with_header] == [list(table.header) for table in model_tables]
    for table in document.tables:
        assert all(has_property(row._tr, "w:trPr/w:cantSplit") for row in table.rows)
        assert not any(has_property(row._tr, "w:trPr/w:tblHeader") for row in table.rows[1:])
    facts = [table for table in document.tables if not has_property(table.rows[0]._tr, "w:trPr/w:tblHeader")]
    assert facts and all(len(table.columns) == 2 for table in facts)  # the cover's and the city's key figures
    assert [cell.text for cell in facts[0].columns[0].cells] == [label for label, _value in sample_models[key].cover.facts.pairs]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_arabic_is_right_to_left_in_paragraphs_runs_and_tables_and_english_is_not(sample_word_exports: dict[Key, Path], document: str) -> None:
    arabic, english = open_docx(sample_word_exports[document, "ar"]), open_docx(sample_word_exports[document, "en"])
    paragraphs = list(every_paragraph(arabic))
    assert len(paragraphs) > 300
    assert all(has_property(paragraph._p, "w:pPr/w:bidi") for paragraph in paragraphs)
    runs = [run for paragraph in paragraphs for run in paragraph.runs if run.text.strip()]
    arabic_runs = [run for run in runs if any("\u0600" <= char <= "\u06ff" for char in run.text)]
    latin_runs = [run for run in runs if any(char.isascii() and char.isalpha() for char in run.text)]
    assert len(arabic_runs) > 300 and all(has_property(run._r, "w:rPr/w:rtl") for run in arabic_runs)
    # Latin words, where the sample has any (a reference typed in English), are left to right
    assert not any(has_property(run._r, "w:rPr/w:rtl") for run in latin_runs)
    assert all(has_property(table._tbl, "w:tblPr/w:bidiVisual") for table in arabic.tables)
    assert has_property(arabic.sections[0]._sectPr, "w:bidi")

    assert not any(has_property(paragraph._p, "w:pPr/w:bidi") for paragraph in every_paragraph(english))
    assert not any(has_property(run._r, "w:rPr/w:rtl") for paragraph in every_paragraph(english) for run in paragraph.runs)
    assert not any(has_property(table._tbl, "w:tblPr/w:bidiVisual") for table in english.tables)
    assert not has_property(english.sections[0]._sectPr, "w:bidi")


@pytest.mark.parametrize("key", EXPORTS, ids="-".join)
def test_the_pdf_fonts_are_named_for_latin_and_arabic_with_the_arabic_size_and_language(sample_word_exports: dict[Key, Path], key: Key) -> None:
    document = open_docx(sample_word_exports[key])
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults is not None
    for run_properties in [defaults] + [style.element.find(qn("w:rPr")) for style in document.styles if style.name in ("Normal", "Heading 1", "Table Grid")
                                        and style.element.find(qn("w:rPr")) is not None]:
        names = run_properties.find(qn("w:rFonts"))
        assert (names.get(qn("w:ascii")), names.get(qn("w:hAnsi")), names.get(qn("w:cs"))) == ("Noto Sans", "Noto Sans", "Noto Naskh Arabic")
        assert names.get(qn("w:asciiTheme")) is None and names.get(qn("w:cstheme")) is None  # no theme font wins over them
        latin, arabic = (int(run_properties.find(qn(f"w:{tag}")).get(qn("w:val"))) for tag in ("sz", "szCs"))
        assert arabic > latin  # Naskh is set larger, as in the PDF
    assert defaults.find(qn("w:lang")).get(qn("w:bidi")).startswith("ar-")


@pytest.mark.parametrize("key", EXPORTS, ids="-".join)
def test_each_chart_is_a_picture_with_its_caption(sample_word_exports: dict[Key, Path], sample_models: dict[Key, BriefDocument], key: Key) -> None:
    document = open_docx(sample_word_exports[key])
    charts = [block for section in sample_models[key].sections for block in section.blocks if isinstance(block, CHARTS)]
    pictures = document.inline_shapes
    assert len(pictures) == len(charts) >= 3
    descriptions = [shape._inline.docPr.get("descr") for shape in pictures]
    assert descriptions == [chart.caption for chart in charts]
    captions = [paragraph.text for paragraph in document.paragraphs if paragraph.style is not None and paragraph.style.name == "Caption"]
    assert captions == [chart.caption for chart in charts]
    text_width = document.sections[0].page_width - document.sections[0].left_margin - document.sections[0].right_margin
    for shape in pictures:
        assert abs(shape.width - text_width) < 12_700  # as wide as the text, as in the PDF
        image = Image.open(io.BytesIO(document.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob))
        assert image.width >= shape.width / 12_700 * 200 / 72 - 2  # about 200 dots per inch
        assert len(set(image.convert("L").tobytes())) > 10  # something is drawn


@pytest.mark.parametrize("key", EXPORTS, ids="-".join)
def test_metadata_say_what_the_document_is_and_nothing_of_who_or_where(sample_word_exports: dict[Key, Path], sample_models: dict[Key, BriefDocument],
                                                                      key: Key) -> None:
    path = sample_word_exports[key]
    properties = open_docx(path).core_properties
    model = sample_models[key]
    assert (properties.title, properties.subject, properties.language) == (model.title, model.subject, key[1])
    assert properties.author == properties.last_modified_by == properties.comments == ""
    assert properties.created is not None and properties.created.date() == EXPORT_DAY and properties.modified == properties.created
    text = package_text(path)
    assert "python-docx" not in text and "Macintosh" not in text
    assert str(path.parent) not in text and f">{getpass.getuser()}<" not in text
    with zipfile.ZipFile(path) as package:
        assert not [name for name in package.namelist() if "thumbnail" in name or name.startswith("customXml") or "WithEffects" in name]


def test_the_same_assessment_on_the_same_day_gives_the_same_file(sample_service: tuple[ResilienceService, dict[str, int]], sample_word_exports: dict[Key, Path],
                                                                 tmp_path: Path) -> None:
    service, ids = sample_service
    again = service.export_brief_docx(ids["ar"], language="ar", document="pra", path=tmp_path / "again.docx", today=EXPORT_DAY).path
    assert again.read_bytes() == sample_word_exports["pra", "ar"].read_bytes()


@needs_soffice
@needs_poppler
@pytest.mark.slow
@pytest.mark.parametrize("key", EXPORTS, ids="-".join)
def test_libreoffice_prints_every_section_in_reading_order_with_the_named_fonts(printed: dict[Key, Path], sample_models: dict[Key, BriefDocument],
                                                                                key: Key) -> None:
    pdf = printed[key]
    pages = page_count(pdf)
    assert 8 <= pages <= 60
    text = plain(page_text(pdf))
    model = sample_models[key]
    def unmarked(words: str) -> str:  # pdftotext may cut a word where LibreOffice drew its vowel mark apart
        return "".join(char for char in "".join(words.split()) if unicodedata.category(char) != "Mn")

    words, printed_text = set(text.split()), unmarked(text)
    assert all(all(word in words for word in plain(section.title).split()) or unmarked(plain(section.title)) in printed_text
               for section in model.sections)
    # pdftotext cuts a line where LibreOffice placed a vowel mark on its own (مرشّحة), so titles with marks are found word by word only.
    whole = [plain(section.title) for section in model.sections if not any(unicodedata.category(char) == "Mn" for char in section.title)]
    assert len(whole) >= len(model.sections) - 3
    position = 0
    for title in whole:  # each after the one before: the brief's order
        position = text.index(title, position) + len(title)
    first_paragraph = next(block for block in model.sections[0].blocks if isinstance(block, Paragraph))
    opening = "".join(plain(first_paragraph.text).split()[:6])
    assert opening in "".join(text.split())  # Arabic comes out in logical order (pdftotext may cut a word after a vowel mark)
    footer = "".join(plain(model.page_label.format(number=2, total=pages)).split())  # Word's page fields, filled in by LibreOffice
    assert footer in "".join(plain(page_text(pdf, 2, 2)).split())  # (pdftotext spaces digits inside Arabic as it likes)
    used = {font["name"].split("+")[-1] for font in fonts(pdf)} - {"OpenSymbol"}  # LibreOffice's bullet font
    arabic = {"NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold"} if key[1] == "ar" else set()
    assert used == {"NotoSans-Regular", "NotoSans-Bold"} | arabic  # no fallback font: a bracket in Arabic text names Noto Sans, as in the PDF


@needs_soffice
@needs_poppler
@pytest.mark.slow
def test_the_fonts_travel_inside_the_file_so_a_machine_without_them_prints_the_same_faces(
    sample_word_exports: dict[Key, Path], tmp_path: Path
) -> None:
    path = sample_word_exports["pra", "ar"]
    with zipfile.ZipFile(path) as package:
        parts = [name for name in package.namelist() if name.startswith("word/fonts/")]
        types = package.read("[Content_Types].xml").decode()
        settings = package.read("word/settings.xml").decode()
    assert len(parts) == 4 and "obfuscatedFont" in types and "embedTrueTypeFonts" in settings
    pdf = to_pdf([path], tmp_path, with_fonts=False)[path]
    used = {font["name"].split("+")[-1] for font in fonts(pdf)} - {"OpenSymbol"}
    assert used == {"NotoSans-Regular", "NotoSans-Bold", "NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold"}  # not DejaVu: the embedded faces


@pytest.mark.parametrize("key", EXPORTS, ids="-".join)
def test_no_isolate_character_travels_into_the_word_file(sample_word_exports: dict[Key, Path], key: Key) -> None:
    """Runs carry their direction in Word; an isolate left in the text is drawn over its neighbours and copied along."""
    text = package_text(sample_word_exports[key])
    assert not set(text) & {"\u2066", "\u2067", "\u2068", "\u2069", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"}
