"""The report font: DejaVu Sans, bundled in ``resources/fonts`` and embedded as subsets.

DejaVu Sans covers Latin (with Danish æ ø å and the rest of Europe's accents),
Greek, Cyrillic, Armenian and Georgian, plus many symbols. It has no CJK
ideographs and no Devanagari; reportlab draws Arabic and Hebrew letters one by one,
left to right and unshaped, so names in those scripts do not read correctly.
"""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from fieldapp.resources import resource_path

FAMILY = "DejaVuSans"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


def register_fonts() -> None:
    """Register the four faces once per process (reportlab keeps a global registry)."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    for name, filename in _FILES.items():
        # TTFont embeds a subset of only the glyphs used (reportlab's default for TrueType).
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
