"""Bundled SVG icons, drawn in the palette's text colour so they suit light and dark mode."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from fieldapp.resources import resource_path

SIZES = (16, 20, 24, 32, 48, 64)


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` in the current text colour (and a dimmed disabled state)."""
    palette = QGuiApplication.palette()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    return _icon(name, normal, disabled)


@cache
def _icon(name: str, colour: str, disabled_colour: str) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        return QIcon()
    result = QIcon()
    for mode, hex_colour in ((QIcon.Mode.Normal, colour), (QIcon.Mode.Disabled, disabled_colour)):
        renderer = QSvgRenderer(QByteArray(source.replace("currentColor", hex_colour).encode("utf-8")))
        for size in SIZES:
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, size, size))
            painter.end()
            result.addPixmap(pixmap, mode)
    return result
