"""Paragraph styles, colours and small flowable helpers shared by all reports."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from fieldapp.reports.fonts import BOLD, FAMILY, ITALIC, REGULAR, register_fonts

INK = colors.HexColor("#1f2a30")
MUTED = colors.HexColor("#5b6a72")
ACCENT = colors.HexColor("#2f6f73")  # a calm teal for headings and rules
RULE = colors.HexColor("#c9d3d6")
SHADE = colors.HexColor("#eef3f4")
CONCERN = colors.HexColor("#c2553d")
HOPE = colors.HexColor("#3f8f5a")
INTERNAL = colors.HexColor("#b3261e")
# Strongly disagree … strongly agree: a diverging scale that also reads in grey print.
ANSWER_COLOURS = (
    colors.HexColor("#b2443a"),
    colors.HexColor("#e39a7f"),
    colors.HexColor("#cfcfcf"),
    colors.HexColor("#8cbf9a"),
    colors.HexColor("#2f7d4f"),
)

PAGE_MARGIN = 18 * mm
CELL_SIZE = 8.5
CELL_LEADING = 11


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=REGULAR, fontSize=9.5, leading=13.2, textColor=INK, alignment=TA_LEFT, spaceAfter=4
    )
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=body, fontSize=CELL_SIZE, leading=CELL_LEADING, spaceAfter=0),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=body, fontName=BOLD, fontSize=CELL_SIZE, leading=CELL_LEADING, spaceAfter=0
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=BOLD,
            fontSize=16,
            leading=20,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=8,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "quote": ParagraphStyle(
            "quote",
            parent=body,
            fontName=ITALIC,
            fontSize=10,
            leading=14,
            leftIndent=10,
            borderPadding=(2, 0, 2, 6),
            spaceBefore=3,
            spaceAfter=1,
        ),
        "attribution": ParagraphStyle(
            "attribution", parent=body, fontSize=8.5, leading=11, leftIndent=10, textColor=MUTED, spaceAfter=6
        ),
        "cover_kind": ParagraphStyle(
            "cover_kind", parent=body, fontName=BOLD, fontSize=11, leading=14, textColor=ACCENT, spaceAfter=6
        ),
        "cover_title": ParagraphStyle(
            "cover_title", parent=body, fontName=BOLD, fontSize=26, leading=31, textColor=INK, spaceAfter=10
        ),
        "cover_sub": ParagraphStyle(
            "cover_sub", parent=body, fontSize=13, leading=17, textColor=MUTED, spaceAfter=16
        ),
        "figure": ParagraphStyle(
            "figure", parent=body, fontName=BOLD, fontSize=20, leading=24, textColor=ACCENT, spaceAfter=1
        ),
        "note": ParagraphStyle(
            "note",
            parent=body,
            fontSize=8.5,
            leading=11.5,
            textColor=MUTED,
            backColor=SHADE,
            borderPadding=5,
            spaceBefore=6,
            spaceAfter=8,
        ),
        "internal": ParagraphStyle(
            "internal", parent=body, fontName=BOLD, fontSize=9, leading=12, textColor=INTERNAL, spaceAfter=6
        ),
    }


def table_style(*commands: tuple) -> TableStyle:
    """A TableStyle whose plain-text cells also use the bundled font (reportlab's default is
    Helvetica, which is not embedded and would break PDF/A)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def text(value: object) -> str:
    """User text made safe for a Paragraph; line breaks kept."""
    return escape(str(value or "")).replace("\r\n", "\n").replace("\n", "<br/>")


def para(value: object, style: str = "body", *, markup: bool = False) -> Paragraph:
    return Paragraph(str(value) if markup else text(value), styles()[style])


def heading(value: str, level: int = 2) -> Paragraph:
    return Paragraph(text(value), styles()[f"h{level}"])


def gap(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


def facts_table(rows: list[tuple[str, str]], width: float, label_width: float = 42 * mm) -> Table:
    """Two columns: a bold label and its value."""
    data = [[para(label, "cell_bold"), para(value, "cell")] for label, value in rows if value]
    table = Table(data, colWidths=[label_width, width - label_width], hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        )
    )
    return table


CELL_PADDING = 3


def _cell(value: object, width: float, font: str, style: str) -> object:
    """Plain one-line text stays a string (cheap to lay out); anything longer wraps as a Paragraph."""
    if hasattr(value, "wrap"):
        return value
    value = str(value or "")
    if "\n" not in value and _width(value, font) <= width - 2 * CELL_PADDING:
        return value
    return para(value, style)


@lru_cache(maxsize=4096)
def _width(value: str, font: str) -> float:
    """Dates, kinds and places repeat down a long table; measure each once."""
    return stringWidth(value, font, CELL_SIZE)


class _DataCellStyle(CellStyle):
    """The data tables' cell defaults, set once here instead of by a style command per cell
    (reportlab applies each command to every cell, which dominates long tables)."""

    fontname = REGULAR
    fontsize = CELL_SIZE
    leading = CELL_LEADING
    color = INK
    valign = "TOP"
    leftPadding = rightPadding = CELL_PADDING
    topPadding = bottomPadding = 2.5


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: list[float],
    *,
    repeat_header: bool = True,
) -> Table:
    """A ruled table with a shaded header; long cells wrap, short ones are drawn as plain strings."""
    register_fonts()
    data = [[_cell(h, w, BOLD, "cell_bold") for h, w in zip(header, widths, strict=True)]]
    data += [[_cell(c, w, REGULAR, "cell") for c, w in zip(row, widths, strict=True)] for row in rows]
    cell_styles = [[_DataCellStyle("") for _ in widths] for _ in data]
    table = Table(
        data, colWidths=widths, repeatRows=1 if repeat_header else 0, hAlign="LEFT", cellStyles=cell_styles
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ]
        )
    )
    return table


__all__ = [
    "FAMILY",
    "INK",
    "MUTED",
    "ACCENT",
    "RULE",
    "SHADE",
    "CONCERN",
    "HOPE",
    "INTERNAL",
    "ANSWER_COLOURS",
    "PAGE_MARGIN",
    "styles",
    "text",
    "para",
    "heading",
    "gap",
    "facts_table",
    "data_table",
    "table_style",
]
