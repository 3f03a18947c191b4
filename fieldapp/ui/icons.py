"""Bundled SVG icons, drawn in the palette's text colour so they suit light and dark mode."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
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
    engine = _SvgIconEngine(source, colour, disabled_colour)
    _ENGINES.append(engine)  # Qt holds it by pointer; Python must not collect it
    return QIcon(engine)


_ENGINES: list[QIconEngine] = []


class _SvgIconEngine(QIconEngine):
    """Draws the icon at the size and in the mode asked for, when first asked.

    Rendering every size in both colours up front cost tens of milliseconds at
    start-up for the icons of the navigation, toolbar and menus.
    """

    def __init__(self, source: str, colour: str, disabled_colour: str):
        super().__init__()
        self.source = source
        self.colour = colour
        self.disabled_colour = disabled_colour
        self.renderers: dict[str, QSvgRenderer] = {}
        self.pixmaps: dict[tuple[int, int, bool], QPixmap] = {}

    def _renderer(self, hex_colour: str) -> QSvgRenderer:
        if hex_colour not in self.renderers:
            data = self.source.replace("currentColor", hex_colour).encode("utf-8")
            self.renderers[hex_colour] = QSvgRenderer(QByteArray(data))
        return self.renderers[hex_colour]

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        disabled = mode == QIcon.Mode.Disabled
        key = (size.width(), size.height(), disabled)
        if key not in self.pixmaps:
            pixmap = QPixmap(size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            side = min(size.width(), size.height())
            target = QRectF((size.width() - side) / 2, (size.height() - side) / 2, side, side)
            self._renderer(self.disabled_colour if disabled else self.colour).render(painter, target)
            painter.end()
            self.pixmaps[key] = pixmap
        return self.pixmaps[key]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.drawPixmap(rect, self.pixmap(rect.size(), mode, state))

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off):
        return [QSize(n, n) for n in SIZES]

    def clone(self) -> QIconEngine:
        engine = _SvgIconEngine(self.source, self.colour, self.disabled_colour)
        _ENGINES.append(engine)
        return engine
