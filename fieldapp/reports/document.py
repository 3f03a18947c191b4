"""The page frame every report shares: header, footer, "Side X af Y", the internal mark.

Pages are laid out once; the running header and footer are drawn when the
document is saved, when the number of pages is known (so no second layout pass).
Output is reproducible: reportlab's invariant mode fixes its dates and ids.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from fieldapp import APP_NAME, __version__
from fieldapp.reports.fonts import BOLD, REGULAR, register_fonts
from fieldapp.reports.styles import INTERNAL, MUTED, PAGE_MARGIN, RULE
from fieldapp.reports.texts import t


@dataclass(frozen=True)
class DocumentInfo:
    """What goes in the running header/footer and in the PDF's metadata."""

    title: str
    subject: str
    author: str
    lang: str
    header: str
    footer: str
    internal: bool
    created: datetime  # also the date shown in the header
    date_text: str
    keywords: str = ""


PAGE_WIDTH, PAGE_HEIGHT = A4
FRAME_WIDTH = PAGE_WIDTH - 2 * PAGE_MARGIN
TOP_MARGIN = 22 * mm
BOTTOM_MARGIN = 20 * mm


def _numbered_canvas(info: DocumentInfo) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Keeps each page's state until ``save`` and then draws the running texts."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _draw_running_texts(self, info, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_running_texts(canvas: Canvas, info: DocumentInfo, page: int, pages: int) -> None:
    canvas.saveState()
    top = PAGE_HEIGHT - 12 * mm
    bottom = 11 * mm
    left, right = PAGE_MARGIN, PAGE_WIDTH - PAGE_MARGIN
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 7.5)
    if page > 1:  # the cover carries its own title
        canvas.drawString(left, top, _fit(canvas, info.header, REGULAR, 7.5, FRAME_WIDTH * 0.62))
        canvas.drawRightString(right, top, info.date_text)
        canvas.line(left, top - 2.5 * mm, right, top - 2.5 * mm)
    canvas.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
    canvas.drawString(left, bottom, _fit(canvas, info.footer, REGULAR, 7.5, FRAME_WIDTH * 0.7))
    canvas.drawRightString(right, bottom, t("page_of", info.lang, page=page, pages=pages))
    if info.internal:
        canvas.setFillColor(INTERNAL)
        canvas.setFont(BOLD, 8)
        mark = t("internal_mark", info.lang)
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 7 * mm, mark)
        canvas.drawCentredString(PAGE_WIDTH / 2, 5 * mm, mark)
    canvas.restoreState()


def _fit(canvas: Canvas, value: str, font: str, size: float, width: float) -> str:
    """Shorten a running text with an ellipsis so it never runs into the right-hand text."""
    if canvas.stringWidth(value, font, size) <= width:
        return value
    while value and canvas.stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "…"


def render(
    story: list[Flowable], info: DocumentInfo, on_page: Callable[[int], None] | None = None
) -> tuple[bytes, int]:
    """Lay out ``story`` on A4 pages; returns the PDF bytes and the page count."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=info.keywords,
        creator=f"{APP_NAME} {__version__}",
        lang=info.lang,
        invariant=1,
        initialFontName=REGULAR,
        initialFontSize=9.5,
        initialLeading=13.2,
        displayDocTitle=1,
    )
    frame = Frame(
        PAGE_MARGIN,
        BOTTOM_MARGIN,
        FRAME_WIDTH,
        PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    pages = {"count": 0}

    def count_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        pages["count"] += 1
        if on_page is not None:
            on_page(pages["count"])

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=count_page)])
    doc.build(story, canvasmaker=_numbered_canvas(info))
    return buffer.getvalue(), pages["count"]
