"""A walkabout's route drawn with Qt (no map tiles, no network), with what was seen on the way.

``RouteCanvas`` draws the track scaled to fit, start and end (one marker on a loop), and
numbered markers laid out so every number can be read; ``RoutePlacesModel`` lists the
placed items in walking order and ``UnplacedModel`` the others with the reason;
``RoutePanel`` puts them side by side with the GPX import, the camera clock in plain
words, and two ways to set things right by clicking the map: place an item by hand, or
guess the camera's clock from one photo whose place the user knows.
"""

from __future__ import annotations

import logging
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDateTime,
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
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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
from fieldapp.routes.geometry import (
    format_distance,
    format_duration,
    haversine_m,
    nice_scale_bar,
    thin_segments,
)
from fieldapp.routes.layout import Marker, layout_markers
from fieldapp.routes.placement import (
    GPS,
    OBSERVATION,
    PHOTO,
    TIME,
    Placeable,
    describe_offset,
    guess_camera_offset,
    local_text,
    offset_from_gps_screen,
)
from fieldapp.store import Store, StoreError
from fieldapp.ui.dialogs import Dialogs
from fieldapp.ui.icons import icon

logger = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2
OBSERVATION_COLOUR = QColor("#c2410c")
PHOTO_COLOUR = QColor("#1d4ed8")
MIXED_COLOUR = QColor("#6d28d9")
TRACK_COLOUR = QColor("#0f766e")
MARKER_RADIUS = 11
_NO_INDEX = QModelIndex()


class RouteCanvas(QWidget):
    """The track as a line scaled to fit, start and end marked, numbered markers on top.

    In pick mode (``start_picking``) a click anywhere emits ``picked`` with the place clicked.
    """

    marker_clicked = Signal(int)  # the marker's (first) number
    picked = Signal(float, float)  # lat, lon

    def __init__(self, parent=None, lang: str = "da"):
        super().__init__(parent)
        self.lang = lang
        self.plan: RoutePlan | None = None
        self.selected: int | None = None
        self.picking = False
        self.projection: Projection | None = None
        self.markers: list[Marker] = []
        self.end_labels: list[str] = []
        self._markers: list[tuple[QPointF, int, str]] = []  # (centre, number, tooltip) per number
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

    def start_picking(self) -> None:
        self.picking = True
        self.setCursor(Qt.CursorShape.CrossCursor)

    def stop_picking(self) -> None:
        self.picking = False
        self.setCursor(Qt.CursorShape.ArrowCursor)

    def marker_at(self, point: QPointF) -> int | None:
        best = None
        for marker in self.markers:
            distance = (QPointF(marker.x, marker.y) - point).manhattanLength()
            if distance <= marker.radius * 1.6 and (best is None or distance < best[0]):
                best = (distance, marker.numbers[0])
        return best[1] if best else None

    def marker_centre(self, number: int) -> QPointF | None:
        return next((centre for centre, n, _t in self._markers if n == number), None)

    def point_of(self, lat: float, lon: float) -> QPointF | None:
        return QPointF(*self.projection(lat, lon)) if self.projection else None

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._markers, self.markers, self.projection = [], [], None
        if self.plan is None:
            painter.setPen(self.palette().color(self.palette().ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No GPS track yet"))
            return
        track = self.plan.track
        project = Projection.fit(track.bounds, self.width(), self.height(), margin=MARKER_RADIUS * 2 + 6)
        self.projection = project
        painter.setPen(
            QPen(TRACK_COLOUR, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        )
        # Separate round-capped lines, not one path: Qt fills a self-crossing path (GPS jitter)
        # in time that grows with its crossings; lines cost the same whatever the shape.
        for points in thin_segments([project.all(segment) for segment in track.segments], 1.5, 2000):
            painter.drawLines([QLineF(*a, *b) for a, b in pairwise(points)])
        self._draw_ends(painter, project)
        self._draw_scale(painter, project)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        by_number = {p.number: p for p in self.plan.placed}
        self.markers = layout_markers(
            [(*project(p.lat, p.lon), p.number) for p in self.plan.placed],
            MARKER_RADIUS,
            self.width(),
            self.height(),
            lambda text: metrics.horizontalAdvance(text),
        )
        for marker in self.markers:
            centre = QPointF(marker.x, marker.y)
            if marker.has_leader:
                painter.setPen(QPen(self.palette().color(self.palette().ColorRole.Text), 1))
                painter.drawLine(QPointF(marker.anchor_x, marker.anchor_y), centre)
                painter.setBrush(self.palette().color(self.palette().ColorRole.Text))
                painter.drawEllipse(QPointF(marker.anchor_x, marker.anchor_y), 2, 2)
            kinds = {by_number[n].item.kind for n in marker.numbers}
            colour = (
                OBSERVATION_COLOUR
                if kinds == {OBSERVATION}
                else PHOTO_COLOUR
                if kinds == {PHOTO}
                else MIXED_COLOUR
            )
            chosen = self.selected in marker.numbers
            radius = marker.radius + (3 if chosen else 0)
            painter.setPen(QPen(QColor("white"), 2))
            painter.setBrush(QBrush(colour.darker(130) if chosen else colour))
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(QColor("white"))
            box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, marker.label)
            for number in marker.numbers:
                self._markers.append((centre, number, by_number[number].item.label))
        painter.end()

    def _draw_ends(self, painter: QPainter, project: Projection) -> None:
        assert self.plan is not None  # drawn only with a plan
        first = self.plan.track.segments[0][0]
        last = self.plan.track.segments[-1][-1]
        start = QPointF(*project(first.lat, first.lon))
        end = QPointF(*project(last.lat, last.lon))
        if self.plan.track.is_loop:
            # One marker: two labels on one spot would cover each other.
            painter.setPen(QPen(QColor("#111827"), 2.5))
            painter.setBrush(QColor("#15803d"))
            painter.drawEllipse(start, 9, 9)
            labels = [(start, self.tr("Start and end"))]
        else:
            painter.setPen(QPen(QColor("white"), 2))
            painter.setBrush(QColor("#15803d"))
            painter.drawEllipse(start, 8, 8)
            painter.setBrush(QColor("#111827"))
            painter.drawRect(QRectF(end.x() - 7, end.y() - 7, 14, 14))
            labels = [(start, self.tr("Start")), (end, self.tr("End"))]
        self.end_labels = [text for _p, text in labels]
        painter.setPen(self.palette().color(self.palette().ColorRole.Text))
        metrics = painter.fontMetrics()
        for point, text in labels:
            # Below the point, and towards the middle so the word stays inside the picture.
            width = metrics.horizontalAdvance(text)
            x = point.x() + 10 if point.x() < self.width() / 2 else point.x() - 10 - width
            y = point.y() + metrics.ascent() + 8
            if y > self.height() - 28:  # above the point, clear of the scale bar
                y = point.y() - 12
            painter.drawText(QPointF(x, y), text)

    def _draw_scale(self, painter: QPainter, project: Projection) -> None:
        metres, units = nice_scale_bar(project.metres_per_unit(), self.width() / 4)
        if not units:
            return
        y, x = self.height() - 12, 12
        painter.setPen(QPen(self.palette().color(self.palette().ColorRole.Text), 2))
        painter.drawLine(QPointF(x, y), QPointF(x + units, y))
        painter.drawLine(QPointF(x, y - 4), QPointF(x, y))
        painter.drawLine(QPointF(x + units, y - 4), QPointF(x + units, y))
        painter.drawText(QPointF(x + units + 6, y + 4), format_distance(metres, self.lang))

    def mouseMoveEvent(self, event) -> None:
        if self.picking:
            return
        number = self.marker_at(event.position())
        if number is None:
            QToolTip.hideText()
            self.setCursor(Qt.CursorShape.ArrowCursor)
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tooltip_for(number))
        QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_for(number), self)

    def tooltip_for(self, number: int) -> str:
        marker = next((m for m in self.markers if number in m.numbers), None)
        if marker is None:
            return ""
        labels = {n: text for _c, n, text in self._markers}
        return "\n".join(f"{n}. {labels.get(n, '')}" for n in marker.numbers)

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.picking and self.projection is not None:
            self.stop_picking()
            self.picked.emit(*self.projection.inverse(event.position().x(), event.position().y()))
            return
        number = self.marker_at(event.position())
        if number is not None:
            self.select(number)
            self.marker_clicked.emit(number)


class _RowsListModel(QAbstractListModel):
    """A list of rows held in memory, replaced as a whole (``set_rows``)."""

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def row_at(self, index: Index) -> Any:
        """The row behind ``index``, or None for an index outside the list."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]


class RoutePlacesModel(_RowsListModel):
    """The placed observations and photos in walking order, each saying which position is shown."""

    def __init__(self, parent=None, lang: str = "da"):
        super().__init__(lang, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        placement = self.row_at(index)
        if placement is None:
            return None
        item = placement.item
        if role == Qt.ItemDataRole.DisplayRole:
            kind = self.tr("Observation") if item.kind == OBSERVATION else self.tr("Photo")
            along = format_distance(placement.along_m, self.lang)
            return f"{placement.number}. {kind}: {item.label}  ({along}, {self.how(placement)})"
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("walkabout" if item.kind == OBSERVATION else "photo")
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.label
        if role == ID_ROLE:
            return placement.number
        if role == ITEM_ROLE:
            return item
        return None

    def how(self, placement) -> str:
        """Which position is shown: the item's own GPS, where the track was then, or one placed earlier."""
        item = placement.item
        if placement.method == GPS:
            return self.tr("the photo's own GPS position") if item.kind == PHOTO else self.tr("by GPS")
        by_time = placement.method == TIME
        text = self.tr("placed by time") if by_time else self.tr("placed by hand or saved earlier")
        if item.has_recorded_position:
            away = haversine_m(placement.lat, placement.lon, item.recorded_lat, item.recorded_lon)
            text += self.tr("; its own GPS position is %1 away").replace(
                "%1", format_distance(away, self.lang)
            )
        return text


class UnplacedModel(_RowsListModel):
    """What could not be placed, each with the reason."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        unplaced = self.row_at(index)
        if unplaced is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return f"{unplaced.item.label}: {unplaced.message(self.lang)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("walkabout" if unplaced.item.kind == OBSERVATION else "photo")
        if role == ITEM_ROLE:
            return unplaced.item
        return None


class GpsScreenDialog(QDialog):
    """The time a photo of the GPS (or phone) screen shows, typed by the user."""

    def __init__(self, camera_time: datetime, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Camera clock from a photo of the GPS screen"))
        layout = QVBoxLayout(self)
        explain = QLabel(
            self.tr(
                "Type the time the GPS or phone shows in the photo. The camera's own clock said %1 "
                "when it took the photo."
            ).replace("%1", camera_time.strftime("%H:%M:%S"))
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        form = QFormLayout()
        when = QDateTime(
            camera_time.year,
            camera_time.month,
            camera_time.day,
            camera_time.hour,
            camera_time.minute,
            camera_time.second,
        )
        self.shown = QDateTimeEdit(when)
        self.shown.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.shown.setAccessibleName(self.tr("Time shown on the GPS screen"))
        form.addRow(self.tr("Time on the screen:"), self.shown)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    def shown_time(self) -> datetime:
        shown = self.shown.dateTime()
        day, clock = shown.date(), shown.time()
        return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), clock.second())


class RoutePanel(QWidget):
    """The walkabout's route: import a GPX track, see where things were seen, fix the camera clock."""

    changed = Signal()

    def __init__(self, store: Store, activity_id: str, lang: str, dialogs: Dialogs, parent=None):
        super().__init__(parent)
        self.store, self.activity_id, self.lang, self.dialogs = store, activity_id, lang, dialogs
        self.plan: RoutePlan | None = None
        self._pick: tuple[str, Placeable] | None = None  # ("place" | "guess", item) while picking
        self.screen_dialog: GpsScreenDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.import_button = QPushButton(icon("walkabout"), self.tr("Import GPX track…"))
        self.import_button.clicked.connect(self.choose_file)
        row.addWidget(self.import_button)
        self.save_button = QPushButton(self.tr("Save positions on the items"))
        self.save_button.setToolTip(
            self.tr(
                "Give the items placed by time this position, so colleagues see it too "
                "(a photo's own GPS position is never changed)"
            )
        )
        self.save_button.clicked.connect(self.save_positions)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        row = QHBoxLayout()
        offset_label = QLabel(self.tr("Camera clock is behind by"))
        row.addWidget(offset_label)
        self.offset = QSpinBox()
        self.offset.setRange(-CAMERA_OFFSET_MAX_S, CAMERA_OFFSET_MAX_S)
        self.offset.setSuffix(self.tr(" s"))
        self.offset.setAccessibleName(self.tr("Camera clock offset in seconds"))
        self.offset.setToolTip(
            self.tr("Seconds to add to the photos' times; negative if the camera was ahead")
        )
        offset_label.setBuddy(self.offset)
        self.offset.setValue(store.get(Activity, activity_id).camera_offset_s or 0)
        self.offset.editingFinished.connect(self.save_offset)
        self.offset.valueChanged.connect(lambda _v: self._explain_offset())
        row.addWidget(self.offset)
        self.offset_words = QLabel()
        row.addWidget(self.offset_words, 1)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.guess_button = QPushButton(self.tr("Guess the clock from a photo…"))
        self.guess_button.setToolTip(
            self.tr("Choose a photo in the lists, then click the map where it was taken")
        )
        self.guess_button.clicked.connect(lambda: self.start_pick("guess"))
        row.addWidget(self.guess_button)
        self.screen_button = QPushButton(self.tr("From a photo of the GPS screen…"))
        self.screen_button.setToolTip(
            self.tr("Choose the photo of the GPS or phone screen, then type the time it shows")
        )
        self.screen_button.clicked.connect(self.ask_screen_time)
        row.addWidget(self.screen_button)
        self.place_button = QPushButton(self.tr("Place on the map…"))
        self.place_button.setToolTip(
            self.tr("Choose an item in the lists, then click the route where it belongs")
        )
        self.place_button.clicked.connect(lambda: self.start_pick("place"))
        row.addWidget(self.place_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.canvas = RouteCanvas(lang=lang)
        self.canvas.marker_clicked.connect(self._select_row)
        self.canvas.picked.connect(self._picked)
        splitter.addWidget(self.canvas)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.model = RoutePlacesModel(self, lang)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Observations and photos in walking order"))
        self.list.setWordWrap(True)
        self.list.selectionModel().currentChanged.connect(self._current_placed)
        side_layout.addWidget(self.list, 3)
        self.unplaced = QLabel(self.tr("Not placed on the route:"))
        side_layout.addWidget(self.unplaced)
        self.unplaced_model = UnplacedModel(lang, self)
        self.unplaced_list = QListView()
        self.unplaced_list.setModel(self.unplaced_model)
        self.unplaced_list.setWordWrap(True)
        self.unplaced_list.setAccessibleName(self.tr("Observations and photos not placed on the route"))
        self.unplaced_list.selectionModel().currentChanged.connect(self._current_unplaced)
        side_layout.addWidget(self.unplaced_list, 2)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])
        layout.addWidget(splitter, 1)
        self.current: Placeable | None = None
        self.refresh()

    # ------------------------------------------------------------------ showing
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
        self.unplaced_model.set_rows(list(self.plan.unplaced) if self.plan else [])
        has_unplaced = bool(self.plan and self.plan.unplaced)
        self.unplaced.setVisible(has_unplaced)
        self.unplaced_list.setVisible(has_unplaced)
        self.save_button.setEnabled(
            bool(
                self.plan
                and any(p.method == TIME and not p.item.has_recorded_position for p in self.plan.placed)
            )
        )
        self.current = None
        self._explain_offset()
        self._enable_picks()

    def unplaced_text(self) -> str:
        return "\n".join(self.unplaced_model.index(r).data() for r in range(self.unplaced_model.rowCount()))

    def _explain_offset(self) -> None:
        self.offset_words.setText(describe_offset(self.offset.value(), self.lang))

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
        text = " · ".join(parts)
        notes = []
        if track.dropped:
            notes.append(service.dropped_note(track, self.lang) + ".")
        notes += [
            RouteError("damaged_stored_photo", name=name).message(self.lang) for name in self.plan.damaged
        ]
        return "\n".join([text, *notes])

    # ------------------------------------------------------------------ choosing an item
    def _current_placed(self, current: QModelIndex, _previous=None) -> None:
        self.canvas.select(current.data(ID_ROLE) if current.isValid() else None)
        if current.isValid():
            self.current = current.data(ITEM_ROLE)
            self.unplaced_list.clearSelection()
        self._enable_picks()

    def _current_unplaced(self, current: QModelIndex, _previous=None) -> None:
        if current.isValid():
            self.current = current.data(ITEM_ROLE)
            self.canvas.select(None)
        self._enable_picks()

    def _enable_picks(self) -> None:
        item, track = self.current, self.plan.track if self.plan else None
        is_photo_with_time = bool(item and item.kind == PHOTO and item.time is not None)
        self.guess_button.setEnabled(bool(track and track.has_times and is_photo_with_time))
        self.screen_button.setEnabled(is_photo_with_time)
        self.place_button.setEnabled(bool(track and item and not item.has_recorded_position))
        if self._pick is None:
            # Say what the three buttons need, so they are not a puzzle while they are greyed out.
            self.hint.setText(
                self.tr(
                    "Choose a photo or observation in the lists to place it by hand or to set the camera clock from it."
                )
                if track is not None and item is None
                else ""
            )

    # ------------------------------------------------------------------ clicking the map
    def start_pick(self, purpose: str) -> None:
        if self.current is None or self.plan is None:
            return
        self._pick = (purpose, self.current)
        if purpose == "guess":
            self.hint.setText(
                self.tr("Click the map where the photo »%1« was taken.").replace("%1", self.current.label)
            )
        else:
            self.hint.setText(
                self.tr("Click the route where »%1« belongs.").replace("%1", self.current.label)
            )
        self.canvas.start_picking()

    def _picked(self, lat: float, lon: float) -> None:
        if self._pick is None or self.plan is None:
            return
        purpose, item = self._pick
        self._pick = None
        self.hint.clear()
        if purpose == "place":
            try:
                service.place_by_hand(self.store, self.plan, item, lat, lon)
            except (RouteError, ValidationError, StoreError) as error:
                self.dialogs.error(self, self.tr("The item was not placed"), error.message(self.lang))
                return
            self.refresh()
            self.changed.emit()
            return
        if item.time is None:
            return
        guess = guess_camera_offset(self.plan.track, item.time, lat, lon)
        if guess is not None:
            self.offer_offset(guess[0], item, local_text(guess[1]))

    def ask_screen_time(self) -> None:
        item = self.current
        if item is None or item.time is None:
            return
        camera_time = item.time
        dialog = GpsScreenDialog(camera_time, self)
        self.screen_dialog = dialog
        dialog.accepted.connect(
            lambda: self.offer_offset(offset_from_gps_screen(camera_time, dialog.shown_time()), item, None)
        )
        dialog.open()

    def offer_offset(self, seconds: int, item: Placeable, gps_time: str | None) -> bool:
        """Ask before using a guessed offset; the question says it in plain words."""
        seconds = max(-CAMERA_OFFSET_MAX_S, min(CAMERA_OFFSET_MAX_S, seconds))
        text = describe_offset(seconds, self.lang)
        if gps_time and item.time is not None:
            text += " " + self.tr("(The GPS was there at %1; the camera said %2.)").replace(
                "%1", gps_time
            ).replace("%2", item.time.strftime("%Y-%m-%d %H:%M:%S"))
        if not self.dialogs.ask(self, self.tr("Camera clock"), text, self.tr("Use this offset")):
            return False
        self.offset.setValue(seconds)
        self.save_offset()
        return True

    # ------------------------------------------------------------------ actions
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
