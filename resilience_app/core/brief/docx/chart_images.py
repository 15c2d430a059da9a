"""Each chart of the brief as a PNG picture, drawn by the PDF's own code so the two versions show the same figure.

The chart's ReportLab flowable (`pdf.charts`) is drawn alone on a one-page PDF the size of the figure, at
the width it has in the PDF, and that page is rasterised with PDFium. The picture is placed in the Word
document at the same width, so it prints at the PDF's size and resolution.
"""

from __future__ import annotations

import io

import pypdfium2
from reportlab.pdfgen.canvas import Canvas

from resilience_app.core.brief.model import BarChart, MatrixChart, RadarChart
from resilience_app.core.brief.pdf.bars import BarFigure
from resilience_app.core.brief.pdf.charts import MatrixFigure, RadarFigure
from resilience_app.core.brief.pdf.style import BriefStyle
from resilience_app.core.i18n import using_language

DOTS_PER_INCH = 200
POINTS_PER_INCH = 72

Chart = RadarChart | BarChart | MatrixChart


def chart_png(chart: Chart, style: BriefStyle, *, language: str, rtl: bool, width: float) -> bytes:
    """The chart drawn `width` points wide (its height is the PDF's), as PNG bytes."""
    figure = RadarFigure(chart, style, rtl) if isinstance(chart, RadarChart) else BarFigure(chart, style, rtl, None) if isinstance(chart, BarChart) \
        else MatrixFigure(chart, style, rtl)
    _width, height = figure.wrap(width, 10_000)
    page = io.BytesIO()
    canvas = Canvas(page, pagesize=(width, height), invariant=1, initialFontName=style.engine.regular.latin.name)
    with using_language(language):  # the numbers drawn in the figure follow the document, not the window
        figure.drawOn(canvas, 0, 0)
    canvas.showPage()
    canvas.save()
    document = pypdfium2.PdfDocument(page.getvalue())
    try:
        bitmap = document[0].render(scale=DOTS_PER_INCH / POINTS_PER_INCH, fill_color=(255, 255, 255, 255))
        picture = io.BytesIO()
        bitmap.to_pil().save(picture, format="PNG", dpi=(DOTS_PER_INCH, DOTS_PER_INCH))
    finally:
        document.close()
    return picture.getvalue()
