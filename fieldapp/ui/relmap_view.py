"""The relational map of an area, drawn with Qt: people as dots in their organisation's disc.

Colour is the leadership stage, size the number of activities in the period; lines are
relations (solid), suggestions from 1:1 talks (dashed) and taking part together (thin, the
more often the darker). Clicking a person opens them; the stage boxes and the period limit
the map. The data and the layout come from ``fieldapp.store.relmap``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from fieldapp.domain import LeadershipStage
from fieldapp.store import Store
from fieldapp.store.relmap import RelationalMap, node_radius, relational_map
from fieldapp.ui.formatting import qt_date_format
from fieldapp.ui.lazy import LoadedWhenShown

STAGE_COLOURS = {  # the ladder from pale to strong, as in the report figure
    LeadershipStage.CONTACT.value: "#9fb7c9",
    LeadershipStage.POTENTIAL.value: "#e0a040",
    LeadershipStage.EMERGING.value: "#d0652a",
    LeadershipStage.LEADER.value: "#8e2c48",
}
SCALE = 40.0  # pixels per layout unit at zoom 1
ID_KEY = 0  # QGraphicsItem.data key holding a person's id


class MapView(QGraphicsView):
    person_clicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        self.scale(factor, factor)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        item = self.itemAt(event.position().toPoint())
        person_id = item.data(ID_KEY) if item is not None else None
        if person_id and event.button() == Qt.MouseButton.LeftButton:
            self.person_clicked.emit(person_id)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        rect = self.sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)


def draw_map(
    scene: QGraphicsScene, relmap: RelationalMap, palette_text: QColor, lang: str, no_group: str
) -> None:
    """Fill ``scene`` with the map: discs, lines (one path item per kind), people, labels.

    Names keep their size whatever the zoom (they ignore the view's transformation)."""
    scene.clear()
    pad = SCALE  # room for the names beside the discs' edge and the groups' labels above them
    scene.setSceneRect(-pad, -pad, relmap.width * SCALE + 3 * pad, relmap.height * SCALE + 2 * pad)
    muted = QColor(palette_text)
    muted.setAlpha(150)
    for group in relmap.groups:
        r = group.radius * SCALE
        disc = QGraphicsEllipseItem(group.x * SCALE - r, group.y * SCALE - r, 2 * r, 2 * r)
        fill = QColor(palette_text)
        fill.setAlpha(14)
        disc.setBrush(fill)
        disc.setPen(QPen(muted, 0.8, Qt.PenStyle.DotLine))
        disc.setZValue(-2)
        scene.addItem(disc)
        label = QGraphicsSimpleTextItem(group.name or no_group)
        label.setBrush(muted)
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        label.setPos(group.x * SCALE - label.boundingRect().width() / 2, group.y * SCALE - r)
        label.moveBy(0, -label.boundingRect().height())
        scene.addItem(label)
    people = relmap.by_id()
    paths = {kind: QPainterPath() for kind in ("knows", "introduced_by", "suggested", "together")}
    strong_together = QPainterPath()
    for edge in relmap.edges:
        a, b = people[edge.a], people[edge.b]
        path = strong_together if edge.kind == "together" and edge.weight > 1 else paths[edge.kind]
        path.moveTo(a.x * SCALE, a.y * SCALE)
        path.lineTo(b.x * SCALE, b.y * SCALE)
    line = QColor(palette_text)
    styles = [
        (paths["together"], 35, 0.6, Qt.PenStyle.SolidLine),
        (strong_together, 80, 1.0, Qt.PenStyle.SolidLine),
        (paths["knows"], 170, 1.6, Qt.PenStyle.SolidLine),
        (paths["introduced_by"], 170, 1.6, Qt.PenStyle.SolidLine),
        (paths["suggested"], 200, 1.6, Qt.PenStyle.DashLine),
    ]
    for path, alpha, width, style in styles:
        if path.isEmpty():
            continue
        colour = QColor(line)
        colour.setAlpha(alpha)
        item = QGraphicsPathItem(path)
        item.setPen(QPen(colour, width, style))
        item.setZValue(-1)
        scene.addItem(item)
    biggest = max((p.activities for p in relmap.people), default=0)
    for person in relmap.people:
        r = node_radius(person, biggest) * SCALE
        dot = QGraphicsEllipseItem(person.x * SCALE - r, person.y * SCALE - r, 2 * r, 2 * r)
        dot.setBrush(QBrush(QColor(STAGE_COLOURS.get(person.stage or "", "#9fb7c9"))))
        dot.setPen(QPen(QColor("#ffffff"), 1))
        dot.setData(ID_KEY, person.id)
        dot.setCursor(Qt.CursorShape.PointingHandCursor)
        stage = LeadershipStage(person.stage).label(lang) if person.stage else ""
        dot.setToolTip(f"{person.name}\n{stage} · {person.activities}")
        dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        scene.addItem(dot)
        if len(relmap.people) <= 300 or person.stage_rank >= 2:
            label = QGraphicsSimpleTextItem(person.name)
            label.setBrush(palette_text)
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            label.setPos(person.x * SCALE + r, person.y * SCALE)
            label.setData(ID_KEY, person.id)
            scene.addItem(label)


class RelationalMapPanel(LoadedWhenShown):
    """Filters above the map; the map is read when the panel is first shown, and again on change."""

    open_record = Signal(str, str)

    def __init__(self, store: Store, lang: str, area_id: str, parent=None):
        super().__init__(store, parent)
        self.lang = lang
        self.area_id = area_id
        self.relmap: RelationalMap | None = None
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        self.stage_boxes: dict[str, QCheckBox] = {}
        for stage in LeadershipStage:
            box = QCheckBox(stage.label(lang))
            box.setChecked(True)
            box.setStyleSheet(f"QCheckBox::indicator:checked {{ background: {STAGE_COLOURS[stage.value]}; }}")
            box.toggled.connect(self.refresh)
            filters.addWidget(box)
            self.stage_boxes[stage.value] = box
        filters.addStretch(1)
        filters.addWidget(QLabel(self.tr("From")))
        self.start = self._date_edit()
        filters.addWidget(self.start)
        filters.addWidget(QLabel(self.tr("to")))
        self.end = self._date_edit()
        filters.addWidget(self.end)
        layout.addLayout(filters)
        self.view = MapView(self)
        self.view.person_clicked.connect(lambda pid: self.open_record.emit("people", pid))
        layout.addWidget(self.view, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        layout.addWidget(self.note)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(qt_date_format(self.lang))
        edit.setSpecialValueText(self.tr("any time"))
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setDate(edit.minimumDate())  # the special value: no limit
        edit.dateChanged.connect(self.refresh)
        return edit

    def _period(self) -> tuple[date | None, date | None]:
        def value(edit: QDateEdit) -> date | None:
            day = edit.date()
            return None if day == edit.minimumDate() else date(day.year(), day.month(), day.day())

        return value(self.start), value(self.end)

    def stages(self) -> set[str]:
        return {stage for stage, box in self.stage_boxes.items() if box.isChecked()}

    def load(self) -> None:
        start, end = self._period()
        frame = self.view.viewport().size()
        aspect = frame.width() / max(frame.height(), 1)
        self.relmap = relational_map(self.store, self.area_id, start, end, self.stages(), aspect=aspect)
        text = self.palette().windowText().color()
        draw_map(self.view.scene(), self.relmap, text, self.lang, self.tr("No organisation"))
        self.view.fit()
        together = sum(1 for e in self.relmap.edges if e.kind == "together")
        self.note.setText(
            self.tr(
                "%1 people. Colour: leadership stage; size: activities in the period; solid lines: "
                "relations; dashed: suggested in a 1:1 talk; thin: took part together (%2 pairs). "
                "Click a person to open them; scroll to zoom."
            )
            .replace("%1", str(len(self.relmap.people)))
            .replace("%2", str(together))
        )
