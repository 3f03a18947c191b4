"""A walkabout's route drawn with Qt (no map tiles, no network), with what was seen on the way.

``RouteCanvas`` draws the track scaled to fit, start and end, and numbered markers;
``RoutePlacesModel`` lists the same items in walking order; ``RoutePanel`` puts them
side by side with the GPX import button and the camera clock setting.
"""

from __future__ import annotations

import logging
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLineF,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import Activity, ValidationError
from fieldapp.domain.entities import CAMERA_OFFSET_MAX_S
from fieldapp.routes import Projection, RouteError, RoutePlan, service
from fieldapp.routes.geometry import format_distance, format_duration, nice_scale_bar, thin_segments
from fieldapp.routes.placement import OBSERVATION
from fieldapp.store import Store, StoreError
from fieldapp.ui.dialogs import Dialogs
from fieldapp.ui.icons import icon

logger = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
OBSERVATION_COLOUR = QColor("#c2410c")
PHOTO_COLOUR = QColor("#1d4ed8")
TRACK_COLOUR = QColor("#0f766e")
MARKER_RADIUS = 11


class RouteCanvas(QWidget):
    """The track as a line scaled to fit, start and end marked, numbered markers on top."""

    marker_clicked = Signal(int)  # the marker's number

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plan: RoutePlan | None = None
        self.selected: int | None = None
        self._markers: list[tuple[QPointF, int, str]] = []  # (centre, number, tooltip)
        self.setMouseTracking(True)
        self.setMinimumSize(260, 220)
        self.setAccessibleName(self.tr("Route map"))

    def set_plan(self, plan: RoutePlan | None) -> None:
        self.plan = plan
        self.selected = None
        self.update()

    def select(self, number: int | None) -> None:
        self.selected = number
        self.update()

    def marker_at(self, point: QPointF) -> int | None:
        best = None
        for centre, number, _text in self._markers:
            distance = (centre - point).manhattanLength()
            if distance <= MARKER_RADIUS * 1.6 and (best is None or distance < best[0]):
                best = (distance, number)
        return best[1] if best else None

    def marker_centre(self, number: int) -> QPointF | None:
        return next((centre for centre, n, _t in self._markers if n == number), None)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._markers = []
        if self.plan is None:
            painter.setPen(self.palette().color(self.palette().ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No GPS track yet"))
            return
        track = self.plan.track
        project = Projection.fit(track.bounds, self.width(), self.height(), margin=MARKER_RADIUS * 2 + 6)
        painter.setPen(
            QPen(TRACK_COLOUR, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        )
        # Separate round-capped lines, not one path: Qt fills a self-crossing path (GPS jitter)
        # in time that grows with its crossings; lines cost the same whatever the shape.
        for points in thin_segments([project.all(segment) for segment in track.segments], 1.5, 4000):
            painter.drawLines([QLineF(*a, *b) for a, b in pairwise(points)])
        self._draw_ends(painter, project)
        self._draw_scale(painter, project)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        for placement in self.plan.placed:
            centre = QPointF(*project(placement.lat, placement.lon))
            colour = OBSERVATION_COLOUR if placement.item.kind == OBSERVATION else PHOTO_COLOUR
            radius = MARKER_RADIUS + (3 if placement.number == self.selected else 0)
            painter.setPen(QPen(QColor("white"), 2))
            painter.setBrush(QBrush(colour.darker(130) if placement.number == self.selected else colour))
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(QColor("white"))
            box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(placement.number))
            self._markers.append((centre, placement.number, placement.item.label))
        painter.end()

    def _draw_ends(self, painter: QPainter, project: Projection) -> None:
        assert self.plan is not None  # drawn only with a plan
        first = self.plan.track.segments[0][0]
        last = self.plan.track.segments[-1][-1]
        start = QPointF(*project(first.lat, first.lon))
        end = QPointF(*project(last.lat, last.lon))
        painter.setPen(QPen(QColor("white"), 2))
        painter.setBrush(QColor("#15803d"))
        painter.drawEllipse(start, 8, 8)
        painter.setBrush(QColor("#111827"))
        painter.drawRect(QRectF(end.x() - 7, end.y() - 7, 14, 14))
        painter.setPen(self.palette().color(self.palette().ColorRole.Text))
        metrics = painter.fontMetrics()
        for point, text in ((start, self.tr("Start")), (end, self.tr("End"))):
            # Below the point, and towards the middle so the word stays inside the picture.
            width = metrics.horizontalAdvance(text)
            x = point.x() + 10 if point.x() < self.width() / 2 else point.x() - 10 - width
            painter.drawText(QPointF(x, point.y() + metrics.ascent() + 8), text)

    def _draw_scale(self, painter: QPainter, project: Projection) -> None:
        metres, units = nice_scale_bar(project.metres_per_unit(), self.width() / 4)
        if not units:
            return
        y, x = self.height() - 12, 12
        painter.setPen(QPen(self.palette().color(self.palette().ColorRole.Text), 2))
        painter.drawLine(QPointF(x, y), QPointF(x + units, y))
        painter.drawLine(QPointF(x, y - 4), QPointF(x, y))
        painter.drawLine(QPointF(x + units, y - 4), QPointF(x + units, y))
        painter.drawText(QPointF(x + units + 6, y + 4), format_distance(metres))

    def mouseMoveEvent(self, event) -> None:
        number = self.marker_at(event.position())
        if number is None:
            QToolTip.hideText()
            self.setCursor(Qt.CursorShape.ArrowCursor)
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tooltip_for(number))
        QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_for(number), self)

    def tooltip_for(self, number: int) -> str:
        return next((f"{number}. {text}" for _c, n, text in self._markers if n == number), "")

    def mousePressEvent(self, event) -> None:
        number = self.marker_at(event.position())
        if number is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(number)
            self.marker_clicked.emit(number)


class RoutePlacesModel(QAbstractListModel):
    """The placed observations and photos in walking order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        placement = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kind = self.tr("Observation") if placement.item.kind == OBSERVATION else self.tr("Photo")
            how = self.tr("by GPS") if placement.method == "gps" else self.tr("by time")
            return f"{placement.number}. {kind}: {placement.item.label}  ({format_distance(placement.along_m)}, {how})"
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("walkabout" if placement.item.kind == OBSERVATION else "photo")
        if role == Qt.ItemDataRole.ToolTipRole:
            return placement.item.label
        if role == ID_ROLE:
            return placement.number
        return None


class RoutePanel(QWidget):
    """The walkabout's route: import a GPX track, see where things were seen, fix the camera clock."""

    changed = Signal()

    def __init__(self, store: Store, activity_id: str, lang: str, dialogs: Dialogs, parent=None):
        super().__init__(parent)
        self.store, self.activity_id, self.lang, self.dialogs = store, activity_id, lang, dialogs
        self.plan: RoutePlan | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.import_button = QPushButton(icon("walkabout"), self.tr("Import GPX track…"))
        self.import_button.clicked.connect(self.choose_file)
        row.addWidget(self.import_button)
        offset_label = QLabel(self.tr("Camera clock is behind by"))
        row.addWidget(offset_label)
        self.offset = QSpinBox()
        self.offset.setRange(-CAMERA_OFFSET_MAX_S, CAMERA_OFFSET_MAX_S)
        self.offset.setSuffix(self.tr(" s"))
        self.offset.setAccessibleName(self.tr("Camera clock offset in seconds"))
        self.offset.setToolTip(
            self.tr("Seconds to add to the photos' times; negative if the camera was ahead")
        )
        self.offset.setValue(store.get(Activity, activity_id).camera_offset_s or 0)
        self.offset.editingFinished.connect(self.save_offset)
        row.addWidget(self.offset)
        row.addStretch(1)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save positions on the items"))
        self.save_button.setToolTip(
            self.tr("Give the items placed by time this position, so colleagues see it too")
        )
        self.save_button.clicked.connect(self.save_positions)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.canvas = RouteCanvas()
        self.canvas.marker_clicked.connect(self._select_row)
        splitter.addWidget(self.canvas)
        self.model = RoutePlacesModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Observations and photos in walking order"))
        self.list.setWordWrap(True)
        self.list.selectionModel().currentChanged.connect(
            lambda current, _previous: self.canvas.select(
                current.data(ID_ROLE) if current.isValid() else None
            )
        )
        splitter.addWidget(self.list)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])
        layout.addWidget(splitter, 1)
        self.unplaced = QLabel()
        self.unplaced.setWordWrap(True)
        self.unplaced.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.unplaced)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.plan = service.route_plan(self.store, self.activity_id, self.offset.value())
        except (RouteError, StoreError) as error:
            self.plan = None
            self.summary.setText(error.message(self.lang))
        else:
            self.summary.setText(self._summary_text())
        self.canvas.set_plan(self.plan)
        self.model.set_rows(list(self.plan.placed) if self.plan else [])
        self.save_button.setEnabled(bool(self.plan and any(p.method == "time" for p in self.plan.placed)))
        if self.plan and self.plan.unplaced:
            lines = [f"• {u.item.label}: {u.message(self.lang)}" for u in self.plan.unplaced]
            self.unplaced.setText(self.tr("Not placed on the route:") + "\n" + "\n".join(lines))
            self.unplaced.setVisible(True)
        else:
            self.unplaced.clear()
            self.unplaced.setVisible(False)

    def _summary_text(self) -> str:
        if self.plan is None:
            return self.tr("No GPS track yet. Import the GPX file your phone or GPS recorded on the walk.")
        track = self.plan.track
        parts = [self.tr("Distance: %1").replace("%1", format_distance(track.length_m, self.lang))]
        if track.duration is not None:
            parts.append(
                self.tr("Duration: %1").replace(
                    "%1", format_duration(track.duration.total_seconds(), self.lang)
                )
            )
        parts.append(
            self.tr("%1 of %2 placed")
            .replace("%1", str(len(self.plan.placed)))
            .replace("%2", str(len(self.plan.placed) + len(self.plan.unplaced)))
        )
        return " · ".join(parts)

    def choose_file(self) -> None:
        paths = self.dialogs.open_files(
            self, self.tr("Import GPX track"), self.tr("GPX tracks (*.gpx);;All files (*)")
        )
        if paths:
            self.import_file(Path(paths[0]))

    def import_file(self, path: Path) -> bool:
        try:
            service.import_gpx(self.store, self.activity_id, path)
        except (RouteError, StoreError, ValidationError) as error:
            self.dialogs.error(self, self.tr("The GPX track was not imported"), error.message(self.lang))
            return False
        self.refresh()
        self.changed.emit()
        return True

    def save_offset(self) -> None:
        try:
            self.store.update(Activity, self.activity_id, camera_offset_s=self.offset.value() or None)
        except (ValidationError, StoreError) as error:
            self.dialogs.error(
                self, self.tr("The camera clock offset was not saved"), error.message(self.lang)
            )
        self.refresh()

    def save_positions(self) -> int:
        if self.plan is None:
            return 0
        try:
            written = service.save_positions(self.store, self.plan)
        except (ValidationError, StoreError) as error:
            self.dialogs.error(self, self.tr("The positions were not saved"), error.message(self.lang))
            return 0
        self.refresh()
        self.changed.emit()
        return written

    def _select_row(self, number: int) -> None:
        for row, placement in enumerate(self.model.rows):
            if placement.number == number:
                self.list.setCurrentIndex(self.model.index(row))
                return
