"""Word properties python-docx has no API for, set where the schema wants them.

Right-to-left paragraphs, runs, tables and sections, complex-script fonts and sizes, the
document's languages, header rows and rows that do not split: Word refuses a file whose
properties are out of the schema's order, so each kind of property list names its order here.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

# ECMA-376 part 1: the order of the children of w:rPr, w:pPr, w:tblPr, w:tcPr and w:sectPr.
RUN = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss", "imprint",
    "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u",
    "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)
PARAGRAPH = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers", "pBdr", "shd",
    "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
    "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)
TABLE = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing",
    "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
)
CELL = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")
ROW: tuple[str, ...] = ()  # w:trPr's children may come in any order
SECTION = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType",
    "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
    "sectPrChange",
)
BORDERS = ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV", "between", "bar")  # of w:pBdr and w:tblBorders


def set_property(parent: BaseOxmlElement, tag: str, order: tuple[str, ...], **attributes: str) -> BaseOxmlElement:
    """Put `<w:tag w:name="value"…/>` in `parent` (replacing one there), before the properties the schema puts after it."""
    for old in parent.findall(qn(f"w:{tag}")):
        parent.remove(old)
    element: BaseOxmlElement = OxmlElement(f"w:{tag}", attrs={qn(f"w:{name}"): value for name, value in attributes.items()})
    successors = {qn(f"w:{name}") for name in order[order.index(tag) + 1 :]} if tag in order else set()
    following = next((child for child in parent if child.tag in successors), None)
    if following is None:
        parent.append(element)
    else:
        following.addprevious(element)
    return element


def set_fonts(run_properties: BaseOxmlElement, *, latin: str, arabic: str) -> None:
    """Name the fonts for Latin (ascii, hAnsi) and complex-script (cs) text, dropping any theme font that would win over them."""
    set_property(run_properties, "rFonts", RUN, ascii=latin, hAnsi=latin, eastAsia=latin, cs=arabic)


def set_sizes(run_properties: BaseOxmlElement, *, latin: float, arabic: float) -> None:
    """The size of Latin text (w:sz) and of complex-script text (w:szCs), in points (kept in half points)."""
    set_property(run_properties, "sz", RUN, val=str(round(latin * 2)))
    set_property(run_properties, "szCs", RUN, val=str(round(arabic * 2)))


def set_bold(run_properties: BaseOxmlElement, bold: bool) -> None:
    """Bold for Latin (w:b) and complex-script (w:bCs) text alike: Arabic ignores w:b alone."""
    for tag in ("b", "bCs"):
        set_property(run_properties, tag, RUN, val="1" if bold else "0")


def set_colour(run_properties: BaseOxmlElement, hex_colour: str) -> None:
    set_property(run_properties, "color", RUN, val=hex_colour)


def set_paragraph_border(paragraph_properties: BaseOxmlElement, *, side: str, hex_colour: str, eighths_of_a_point: int) -> None:
    borders = set_property(paragraph_properties, "pBdr", PARAGRAPH)
    set_property(borders, side, BORDERS, val="single", sz=str(eighths_of_a_point), space="1", color=hex_colour)
