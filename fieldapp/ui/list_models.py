"""Table models for the lists: activities (paged from SQL), people, areas, actions, overview.

Every model has ``COL_*`` constants, ``ID_ROLE`` (the record's id) and ``SORT_ROLE``
(a value that sorts correctly, for ``QSortFilterProxyModel``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from fieldapp.domain import ActionStatus, Influence, LeadershipStage, OrganisationKind, Phase
from fieldapp.store import Store
from fieldapp.store.queries import (
    ActionRow,
    ActivityFilter,
    ActivityRow,
    AreaRow,
    ContactRow,
    PersonRow,
    PipelineRow,
)
from fieldapp.ui.formatting import format_count, format_date, format_datetime
from fieldapp.ui.icons import icon

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class ActivityTableModel(QAbstractTableModel):
    """Activities matching a filter, fetched a page at a time as the view scrolls."""

    COL_KIND, COL_TITLE, COL_AREA, COL_DATE, COL_STATUS, COL_OBSERVATIONS = range(6)
    PAGE = 200
    _SORT_KEYS = {
        COL_KIND: "kind",
        COL_TITLE: "title",
        COL_AREA: "area",
        COL_DATE: "starts_at",
        COL_STATUS: "status",
    }

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.filter = ActivityFilter()
        self.sort_key = "starts_at"
        self.descending = True
        self.rows: list[ActivityRow] = []
        self.total = 0
        self._headers = [
            self.tr("Kind"),
            self.tr("Title"),
            self.tr("Area"),
            self.tr("Date"),
            self.tr("Status"),
            self.tr("Obs."),
        ]

    # ------------------------------------------------------------- loading
    def set_filter(self, flt: ActivityFilter) -> None:
        self.filter = flt
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.total = self.store.count_activities(self.filter)
        self.rows = self.store.activity_rows(
            self.filter, sort=self.sort_key, descending=self.descending, limit=self.PAGE, offset=0
        )
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        page = self.store.activity_rows(
            self.filter,
            sort=self.sort_key,
            descending=self.descending,
            limit=self.PAGE,
            offset=len(self.rows),
        )
        if not page:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._SORT_KEYS.get(column)
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    # ------------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_KIND:
                return row.kind.label()
            if column == self.COL_TITLE:
                return row.title
            if column == self.COL_AREA:
                return row.area_name or ""
            if column == self.COL_DATE:
                return format_datetime(row.starts_at)
            if column == self.COL_STATUS:
                return row.status.label()
            if column == self.COL_OBSERVATIONS:
                return str(row.observation_count)
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_KIND:
            return icon(row.kind.value)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_OBSERVATIONS:
            return self.tr("%n observation(s)", "", row.observation_count)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_OBSERVATIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_id(self, row: int) -> str | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def row_of(self, activity_id: str) -> int:
        for number, row in enumerate(self.rows):
            if row.id == activity_id:
                return number
        return -1


class Column:
    """One column of a ``RowsTableModel``: header, display text and sort key of a row."""

    def __init__(
        self,
        header: str,
        display: Callable[[Any], str],
        sort: Callable[[Any], Any] | None = None,
        align_right: bool = False,
    ):
        self.header = header
        self.display = display
        self.sort = sort or (lambda row: display(row).casefold())
        self.align_right = align_right


class RowsTableModel(QAbstractTableModel):
    """A table over a list of read-model rows held in memory (a few thousand at most)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[Any] = []
        self.columns: list[Column] = self.make_columns()

    def make_columns(self) -> list[Column]:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_ROLE:
            return column.sort(row)
        if role == ID_ROLE:
            return self.row_id_of(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.extra_data(row, index.column(), role)

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        return None

    def row_id_of(self, row: Any) -> str | None:
        return getattr(row, "id", None)


def _date_key(value: date | None) -> str:
    return value.isoformat() if value else "9999"


class ActivityRowsModel(RowsTableModel):
    """A short, fixed list of activities (recent ones on the overview, an area's activities)."""

    COL_DATE, COL_KIND, COL_TITLE, COL_AREA = range(4)

    def make_columns(self) -> list[Column]:
        return [
            Column(
                self.tr("Date"),
                lambda r: format_datetime(r.starts_at),
                lambda r: r.starts_at.isoformat() if r.starts_at else "",
            ),
            Column(self.tr("Kind"), lambda r: r.kind.label()),
            Column(self.tr("Title"), lambda r: r.title),
            Column(self.tr("Area"), lambda r: r.area_name or ""),
        ]

    def extra_data(self, row: ActivityRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_KIND:
            return icon(row.kind.value)
        return None


class PeopleTableModel(RowsTableModel):
    COL_NAME, COL_AREA, COL_ORGANISATION, COL_STAGE, COL_CONSENT, COL_REVIEW = range(6)

    def make_columns(self) -> list[Column]:
        stages = {stage: number for number, stage in enumerate(LeadershipStage)}
        return [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Area"), lambda r: r.area_name or ""),
            Column(self.tr("Organisation"), lambda r: r.organisation_name or ""),
            Column(
                self.tr("Leadership stage"),
                lambda r: r.leadership_stage.label(),
                lambda r: stages[r.leadership_stage],
            ),
            Column(self.tr("Consent"), self._consent),
            Column(
                self.tr("Review after"),
                lambda r: format_date(r.review_after),
                lambda r: _date_key(r.review_after),
            ),
        ]

    def _consent(self, row: PersonRow) -> str:
        parts = []
        if row.may_be_named:
            parts.append(self.tr("may be named"))
        if row.may_contact:
            parts.append(self.tr("may be contacted"))
        return ", ".join(parts) if parts else "—"

    def extra_data(self, row: PersonRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.is_staff and column == self.COL_NAME:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class OrganisationTableModel(RowsTableModel):
    COL_NAME, COL_KIND, COL_AREA, COL_PEOPLE = range(4)

    def make_columns(self) -> list[Column]:
        kinds = list(OrganisationKind)
        return [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Kind"), lambda r: r.kind.label(), lambda r: kinds.index(r.kind)),
            Column(self.tr("Area"), lambda r: r.area_name or ""),
            Column(self.tr("People"), lambda r: format_count(r.people_count), lambda r: r.people_count, True),
        ]


class AreaTableModel(RowsTableModel):
    COL_NAME, COL_MUNICIPALITY, COL_PHASE, COL_INFLUENCE, COL_PEOPLE, COL_ACTIVITIES, COL_OPEN_ACTIONS = (
        range(7)
    )

    def make_columns(self) -> list[Column]:
        return [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Municipality"), lambda r: r.municipality or ""),
            Column(self.tr("Phase"), lambda r: r.phase.label(), lambda r: list(Phase).index(r.phase)),
            Column(
                self.tr("Influence"),
                lambda r: r.influence.label(),
                lambda r: list(Influence).index(r.influence),
            ),
            Column(self.tr("People"), lambda r: format_count(r.people_count), lambda r: r.people_count, True),
            Column(
                self.tr("Activities"),
                lambda r: format_count(r.activity_count),
                lambda r: r.activity_count,
                True,
            ),
            Column(
                self.tr("Open actions"),
                lambda r: format_count(r.open_actions),
                lambda r: r.open_actions,
                True,
            ),
        ]

    def extra_data(self, row: AreaRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_PHASE:
            return row.phase.explain()
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_INFLUENCE:
            return row.influence.explain()
        return None


class ActionTableModel(RowsTableModel):
    COL_DUE, COL_TEXT, COL_OWNER, COL_AREA, COL_STATUS = range(5)

    def __init__(self, parent: QObject | None = None, today: date | None = None):
        self.today = today or date.today()
        super().__init__(parent)

    def make_columns(self) -> list[Column]:
        return [
            Column(self.tr("Due"), lambda r: format_date(r.due_date), lambda r: _date_key(r.due_date)),
            Column(self.tr("Action"), lambda r: r.text),
            Column(self.tr("Owner"), lambda r: r.owner_name or ""),
            Column(self.tr("Area"), lambda r: r.area_name or ""),
            Column(self.tr("Status"), lambda r: r.status.label()),
        ]

    def is_overdue(self, row: ActionRow) -> bool:
        return row.status == ActionStatus.OPEN and row.due_date is not None and row.due_date < self.today

    def extra_data(self, row: ActionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and self.is_overdue(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and self.is_overdue(row):
            return self.tr("Overdue")
        return None


class ContactTableModel(RowsTableModel):
    """People nobody has talked to for a while."""

    COL_NAME, COL_AREA, COL_LAST = range(3)

    def make_columns(self) -> list[Column]:
        return [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Area"), lambda r: r.area_name or ""),
            Column(
                self.tr("Last contact"),
                lambda r: format_date(r.last_contact) if r.last_contact else self.tr("never"),
                lambda r: _date_key(r.last_contact) if r.last_contact else "0000",
            ),
        ]

    def row_id_of(self, row: ContactRow) -> str | None:
        return row.id


class PipelineModel(QAbstractTableModel):
    """The leadership ladder per area: one row per area, one column per stage."""

    COL_AREA = 0

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.stages = list(LeadershipStage)
        self.areas: list[tuple[str | None, str]] = []
        self.counts: dict[tuple[str | None, LeadershipStage], int] = {}
        self._area_header = self.tr("Area")
        self._no_area = self.tr("(no area)")

    def set_rows(self, rows: Sequence[PipelineRow]) -> None:
        self.beginResetModel()
        self.areas, self.counts = [], {}
        for row in rows:
            key = (row.area_id, row.area_name or self._no_area)
            if key not in self.areas:
                self.areas.append(key)
            self.counts[(row.area_id, row.stage)] = row.count
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.areas)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 1 + len(self.stages)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.COL_AREA:
            return self._area_header
        if 1 <= section <= len(self.stages):
            return self.stages[section - 1].label()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.areas):
            return None
        area_id, area_name = self.areas[index.row()]
        if role == ID_ROLE:
            return area_id
        if index.column() == self.COL_AREA:
            return area_name if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) else None
        count = self.counts.get((area_id, self.stages[index.column() - 1]), 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else "·"
        if role == SORT_ROLE:
            return count
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
