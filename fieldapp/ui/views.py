"""The main window's pages: overview, and list-and-detail views for each kind of record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import (
    BY_TABLE,
    ActionStatus,
    ActivityKind,
    ActivityStatus,
    Area,
    FieldSpec,
    LeadershipStage,
)
from fieldapp.domain.fields import FieldKind
from fieldapp.store import Store, lookups
from fieldapp.store.queries import ActivityFilter
from fieldapp.ui.agency_view import AgencyPanel
from fieldapp.ui.fields import DateInput
from fieldapp.ui.formatting import format_count
from fieldapp.ui.forms import EntityForm
from fieldapp.ui.icons import icon
from fieldapp.ui.list_models import (
    ID_ROLE,
    SORT_ROLE,
    ActionTableModel,
    ActivityRowsModel,
    ActivityTableModel,
    AreaTableModel,
    ContactTableModel,
    OrganisationTableModel,
    PeopleTableModel,
    PipelineModel,
    RowsTableModel,
)
from fieldapp.ui.undo import Deleter, entity_title


def make_table(accessible: str) -> QTableView:
    table = QTableView()
    table.setAccessibleName(accessible)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(100)  # sizing columns looks at 100 rows, not all of them
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionsMovable(True)
    return table


class DetailHost(QStackedWidget):
    """Holds the editor of the selected record; flushes the old editor before showing a new one."""

    def __init__(self, placeholder: str, parent=None):
        super().__init__(parent)
        self.empty = QLabel(placeholder)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.empty.setWordWrap(True)
        self.addWidget(self.empty)
        self.editor: EntityForm | None = None
        # A moment's banner with the new record's title when the user steps to the next one,
        # so nobody types on believing they are still in the record before.
        self.flash_label = QLabel(self)
        self.flash_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.flash_label.setWordWrap(True)
        self.flash_label.setAutoFillBackground(True)
        self.flash_label.setForegroundRole(QPalette.ColorRole.HighlightedText)
        self.flash_label.setBackgroundRole(QPalette.ColorRole.Highlight)
        font = self.flash_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.flash_label.setFont(font)
        self.flash_label.hide()
        self.flash_timer = QTimer(self, singleShot=True, interval=1400)
        self.flash_timer.timeout.connect(self.flash_label.hide)

    def flash(self, text: str) -> None:
        self.flash_label.setText(text)
        # Over the heading (what changed), clear of the heading's buttons on the right.
        width = min(self.width() * 3 // 5, max(240, self.flash_label.sizeHint().width() + 32))
        self.flash_label.setFixedWidth(max(width, 120))
        self.flash_label.adjustSize()
        self.flash_label.move(6, 6)
        self.flash_label.raise_()
        self.flash_label.show()
        self.flash_timer.start()

    def flush(self) -> None:
        if self.editor is not None:
            self.editor.flush()

    def discard_untouched(self) -> None:
        """A new record the user never filled in (only its first title) is not left behind."""
        editor = self.editor
        if editor is not None and editor.untouched():
            editor.pending.clear()
            editor.store.delete(editor.cls, editor.entity_id)

    def show_editor(self, editor: EntityForm | None) -> None:
        old = self.editor
        if old is not None:
            old.flush()
            self.discard_untouched()
            self.removeWidget(old)
            old.deleteLater()
        self.editor = editor
        if editor is None:
            self.setCurrentWidget(self.empty)
            return
        self.addWidget(editor)
        self.setCurrentWidget(editor)


class ListDetailView(QWidget):
    """A filter bar and a table on the left, the selected record's editor on the right."""

    open_record = Signal(str, str)
    record_saved = Signal(str, str)

    TABLE = ""

    def __init__(self, store: Store, lang: str, editor_factory: Callable[[str], EntityForm], parent=None):
        super().__init__(parent)
        self.store = store
        self.lang = lang
        self.editor_factory = editor_factory
        self.filters = QHBoxLayout()
        self.filters.setSpacing(6)
        self.quick = QLineEdit()
        self.quick.setPlaceholderText(self.tr("Filter…"))
        self.quick.setAccessibleName(self.tr("Quick filter"))
        self.quick.setClearButtonEnabled(True)
        self.quick.setMinimumWidth(140)
        self.filters.addWidget(self.quick, 2)
        self.table = make_table(self.tr("List"))
        self.count_label = QLabel()
        self.count_label.setEnabled(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 12, 6, 8)
        left_layout.addLayout(self.filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.detail = DetailHost(self.tr("Choose one in the list, or make a new one from the toolbar."))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.table.activated.connect(lambda _index: self.focus_editor())
        self.deleter: Deleter | None = None  # set by the window: asks, deletes, remembers the undo
        delete = QShortcut(
            QKeySequence.StandardKey.Delete, self.table, context=Qt.ShortcutContext.WidgetShortcut
        )
        delete.activated.connect(self.delete_selected)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

    def _context_menu(self, position) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        menu = QMenu(self.table)
        menu.addAction(icon("open"), self.tr("Open"), self.focus_editor)
        menu.addSeparator()
        menu.addAction(icon("delete"), self.tr("Delete…"), self.delete_selected)
        self.context_menu = menu  # tests reach it; it lives until the next one
        menu.popup(self.table.viewport().mapToGlobal(position))

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        if index.isValid() and index.data(ID_ROLE):
            return index.data(ID_ROLE)
        return self.detail.editor.entity_id if self.detail.editor is not None else None

    def delete_selected(self) -> bool:
        """Delete the selected record (after the question); the next one in the list is shown."""
        record_id = self.selected_id()
        if record_id is None or self.deleter is None:
            return False
        row = self.table.currentIndex().row()
        self.flush()
        if not self.deleter.delete(self, BY_TABLE[self.TABLE], record_id):
            return False
        editor = self.detail.editor
        if editor is not None and editor.entity_id == record_id:
            editor.pending.clear()
            self.detail.show_editor(None)
        self.refresh()
        model = self.table.model()
        if model.rowCount():
            index = model.index(min(max(row, 0), model.rowCount() - 1), 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.table.setFocus()
        return True

    # subclasses: set self.model / self.view_model, then call self._connect_selection()
    def _connect_selection(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = current.data(ID_ROLE) if current.isValid() else None
        if record_id and (self.detail.editor is None or self.detail.editor.entity_id != record_id):
            self.show_record(record_id)

    def show_record(self, record_id: str) -> EntityForm:
        editor = self.editor_factory(record_id)
        editor.open_record.connect(self.open_record)
        editor.saved.connect(self._saved)
        self.detail.show_editor(editor)
        return editor

    def _saved(self, table: str, record_id: str) -> None:
        self.record_saved.emit(table, record_id)

    def focus_editor(self) -> None:
        editor = self.detail.editor
        if editor is not None and hasattr(editor, "focus_first"):
            editor.focus_first()

    def select_id(self, record_id: str, fetch: bool = False) -> bool:
        """Make the record the list's current row; with ``fetch``, load further pages until it is found."""
        view_model = self.table.model()
        row = 0
        while True:
            while row < view_model.rowCount():
                index = view_model.index(row, 0)
                if index.data(ID_ROLE) == record_id:
                    self.table.selectionModel().setCurrentIndex(
                        index,
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
                    self.table.scrollTo(index)
                    return True
                row += 1
            if not (fetch and view_model.canFetchMore(QModelIndex())):
                return False
            view_model.fetchMore(QModelIndex())

    def open_id(self, record_id: str) -> EntityForm:
        """Select the record in the list (fetching the page it is on), and show its editor in any case.

        Selected, next and previous record go on from it.
        """
        self.select_id(record_id, fetch=True)
        if self.detail.editor is None or self.detail.editor.entity_id != record_id:
            self.show_record(record_id)
        assert self.detail.editor is not None  # show_record made one
        return self.detail.editor

    def step(self, delta: int) -> None:
        """Next (+1) or previous (-1) record in the list; its title flashes over the editor."""
        view_model = self.table.model()
        current = self.table.currentIndex()
        row = (current.row() + delta) if current.isValid() else 0
        if row >= view_model.rowCount() and view_model.canFetchMore(QModelIndex()):
            view_model.fetchMore(QModelIndex())
        if 0 <= row < view_model.rowCount():
            index = view_model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
            editor = self.detail.editor
            if editor is not None:
                title = entity_title(editor.entity)
                self.detail.flash(title or editor.cls.display_name(self.lang).capitalize())

    def flush(self) -> None:
        self.detail.flush()

    def refresh(self) -> None:
        raise NotImplementedError

    def store_changed(self) -> None:
        """Anything in the notebook changed: close the editor if its record is gone, redraw the list.

        A hidden list is only marked and redrawn when it is shown again (cheap on big notebooks).
        """
        editor = self.detail.editor
        if editor is not None:
            if self.store.find(editor.cls, editor.entity_id) is None:
                editor.pending.clear()  # the record is gone: nothing left to save into
                self.detail.show_editor(None)
            else:
                editor.store_changed()
        if self.isVisible():
            self.stale = False
            self.refresh()
        else:
            self.stale = True

    def showEvent(self, event) -> None:
        if getattr(self, "stale", False):
            self.stale = False
            self.refresh()
        super().showEvent(event)


class ColumnFitter(QObject):
    """Lists fit their width without scrolling sideways: the title column takes the room left over,
    and when that gets too narrow the least useful columns are hidden first (never the title)."""

    def __init__(
        self,
        table: QTableView,
        title: int,
        optional: list[int],
        min_title: int = 180,
        keep_hidden: set[int] | None = None,
    ):
        super().__init__(table)
        self.table, self.title, self.optional, self.min_title = table, title, optional, min_title
        self.keep_hidden = keep_hidden or set()  # columns that say nothing here (the area in an area's list)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(table.model().columnCount()):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == title
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self.fit)
        return False

    SAMPLE_ROWS = 60  # enough to judge a column's width; a big notebook must not pay per row

    def wanted(self, column: int) -> int:
        header = self.table.horizontalHeader()
        model = self.table.model()
        metrics = self.table.fontMetrics()
        widest = 0
        for row in range(min(model.rowCount(), self.SAMPLE_ROWS)):
            text = model.index(row, column).data()
            widest = max(widest, metrics.horizontalAdvance(str(text)) if text is not None else 0)
        return max(widest + 16, header.sectionSizeHint(column))

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        room = self.table.viewport().width()
        need_title = max(self.min_title, room * 2 // 5)
        columns = [c for c in range(self.table.model().columnCount()) if c != self.title]
        columns = [c for c in columns if c not in self.keep_hidden]
        shown = set(columns)
        for column in self.optional:  # least useful first
            if room - sum(self.wanted(c) for c in shown) >= need_title:
                break
            shown.discard(column)
        for column in columns:
            header.setSectionHidden(column, column not in shown)
        for column in self.keep_hidden:
            header.setSectionHidden(column, True)


def combo(accessible: str, choices: list[tuple[str, Any]], all_label: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(accessible)
    box.setToolTip(accessible)
    box.addItem(all_label, None)
    for label, value in choices:
        box.addItem(label, value)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return box


class ActivitiesView(ListDetailView):
    """All activities, paged from the notebook; filters by kind, area, status, theme and dates."""

    TABLE = "activities"

    def __init__(self, store: Store, lang: str, editor_factory, parent=None):
        super().__init__(store, lang, editor_factory, parent)
        self.kind = combo(
            self.tr("Kind"), [(k.label(lang), k.value) for k in ActivityKind], self.tr("All kinds")
        )
        self.area = combo(self.tr("Area"), lookups.area_choices(store), self.tr("All areas"))
        self.status = combo(
            self.tr("Status"), [(s.label(lang), s.value) for s in ActivityStatus], self.tr("Any status")
        )
        self.theme = combo(
            self.tr("Theme"), [(name, name) for name in store.theme_names()], self.tr("Any theme")
        )
        for box in (self.kind, self.area, self.status, self.theme):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(7)
        for box in (self.kind, self.area, self.status):
            self.filters.addWidget(box, 1)
        self._timer = QTimer(self, singleShot=True, interval=200)
        # Two rows, so the list can stay narrow enough to leave the editor its room.
        dates = QHBoxLayout()
        self.use_from, self.date_from = self._date_filter(self.tr("From"))
        self.use_to, self.date_to = self._date_filter(self.tr("To"))
        for widget in (self.date_from, self.date_to):
            dates.addWidget(widget)
        dates.addWidget(self.theme, 1)
        left_layout = self.splitter.widget(0).layout()  # type: ignore[union-attr]  # built in __init__
        assert isinstance(left_layout, QBoxLayout)
        left_layout.insertLayout(1, dates)
        self.model = ActivityTableModel(store, self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Activities"))
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            ActivityTableModel.COL_DATE, Qt.SortOrder.DescendingOrder
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ActivityTableModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        cols = ActivityTableModel
        self.fitter = ColumnFitter(
            self.table, cols.COL_TITLE, [cols.COL_STATUS, cols.COL_OBSERVATIONS, cols.COL_AREA, cols.COL_KIND]
        )
        self._connect_selection()
        self._timer.timeout.connect(self.refresh)
        self.quick.textChanged.connect(lambda _t: self._timer.start())
        for box in (self.kind, self.area, self.status, self.theme):
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.refresh()

    def _date_filter(self, text: str) -> tuple[QCheckBox, DateInput]:
        """A tick box and a date typed as people type it ("3.12.26"); unticked = no limit."""
        spec = FieldSpec(name="", kind=FieldKind.DATE, label_da=text, label_en=text)
        edit = DateInput(spec, with_time=False)
        edit.set_accessible(text)
        check = edit.check
        assert check is not None  # an optional field has its tick box
        check.setText(text)
        edit.edited.connect(self._timer.start)
        return check, edit

    def current_filter(self) -> ActivityFilter:
        theme = self.theme.currentData()
        theme_row = self.store.theme_by_name(theme) if theme else None

        def as_date(edit: DateInput) -> date | None:
            value = edit.value()
            return value if isinstance(value, date) else None

        return ActivityFilter(
            kind=self.kind.currentData(),
            area_id=self.area.currentData(),
            status=self.status.currentData(),
            date_from=as_date(self.date_from) if self.use_from.isChecked() else None,
            date_to=as_date(self.date_to) if self.use_to.isChecked() else None,
            theme_id=theme_row.id if theme_row else ("-" if theme else None),
            text=self.quick.text().strip() or None,
        )

    def refresh(self) -> None:
        self._timer.stop()
        current = self.detail.editor.entity_id if self.detail.editor else None
        self.model.set_filter(self.current_filter())
        if current:
            self.select_id(current)

    def _update_count(self, *_args) -> None:
        self.count_label.setText(
            self.tr("%1 of %2 shown")
            .replace("%1", format_count(self.model.rowCount(), self.lang))
            .replace("%2", format_count(self.model.total, self.lang))
        )


class RecordListView(ListDetailView):
    """People, areas or actions: rows in memory, sorted and quick-filtered by a proxy model."""

    def __init__(
        self,
        store: Store,
        lang: str,
        editor_factory,
        model: RowsTableModel,
        loader: Callable[[], list],
        table: str,
        accessible: str,
        parent=None,
    ):
        super().__init__(store, lang, editor_factory, parent)
        self.TABLE = table
        self.loader = loader
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(accessible)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.fitter: ColumnFitter | None = None  # subclasses say which column is the title
        self.quick.textChanged.connect(self._quick_changed)
        self._connect_selection()
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)

    def _quick_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update_count()

    def add_filter(self, box: QComboBox) -> None:
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(10)
        self.filters.addWidget(box, 1)
        box.currentIndexChanged.connect(lambda _i: self.refresh())

    def refresh(self) -> None:
        current = self.detail.editor.entity_id if self.detail.editor else None
        self.model.set_rows(self.loader())
        if self.fitter is not None:
            self.fitter.fit()
        if current:
            self.select_id(current)
        self._update_count()

    def _update_count(self, *_args) -> None:
        self.count_label.setText(
            self.tr("%1 of %2 shown")
            .replace("%1", format_count(self.proxy.rowCount(), self.lang))
            .replace("%2", format_count(self.model.rowCount(), self.lang))
        )


OVERVIEW_ROWS = 100


class OverviewView(QWidget):
    """What needs attention today; every row opens its record (double-click or Enter).

    An empty notebook shows what to do first instead of five empty tables.
    """

    open_record = Signal(str, str)
    start_requested = Signal(str)  # "area" or "walkabout": a first step from the empty notebook

    def __init__(self, store: Store, lang: str, today: date | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.lang = lang
        self.today = today or date.today()
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 12, 12, 12)
        grid.setSpacing(12)
        self.overdue = ActionTableModel(self, self.today)
        self.upcoming = ActionTableModel(self, self.today)
        self.not_contacted = ContactTableModel(self)
        self.pipeline = PipelineModel(self)
        self.recent = ActivityRowsModel(self)
        self.tables: dict[str, QTableView] = {}
        self.boxes: dict[str, QGroupBox] = {}
        panels = [
            ("overdue", self.overdue, "actions", 0, 0),
            ("upcoming", self.upcoming, "actions", 0, 1),
            ("recent", self.recent, "activities", 1, 0),
            ("not_contacted", self.not_contacted, "people", 1, 1),
            ("pipeline", self.pipeline, "areas", 2, 0),
        ]
        self.agency = AgencyPanel(store, lang, None, self)
        self.agency_box = QGroupBox(self.tr("Agency over time, all areas"))
        QVBoxLayout(self.agency_box).addWidget(self.agency)
        grid.addWidget(self.agency_box, 2, 1)
        for key, model, table_name, row, column in panels:
            box = QGroupBox()
            inner = QVBoxLayout(box)
            table = make_table(key)
            table.setModel(model)
            table.setSortingEnabled(False)
            table.activated.connect(lambda index, t=table_name: self._open(t, index))
            table.doubleClicked.connect(lambda index, t=table_name: self._open(t, index))
            inner.addWidget(table)
            self.tables[key] = table
            self.boxes[key] = box
            grid.addWidget(box, row, column)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 1)
        self.first_steps = self._first_steps()
        grid.addWidget(self.first_steps, 0, 0, 3, 2)
        self.refresh()
        self._fresh = True

    def _first_steps(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.addStretch(1)
        heading = QLabel(self.tr("This notebook is empty"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(heading)
        text = QLabel(
            self.tr(
                "Start with the area you work in — a village or a neighbourhood. "
                "Then go out on your first walkabout and note what you see and hear."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setFixedWidth(min(560, text.fontMetrics().averageCharWidth() * 70))
        text.setMinimumHeight(text.heightForWidth(text.width()))
        column.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.first_area_button = QPushButton(icon("areas"), self.tr("1. Create an area"))
        self.first_area_button.clicked.connect(lambda: self.start_requested.emit("area"))
        self.first_walk_button = QPushButton(icon("walkabout"), self.tr("2. Start a walkabout"))
        self.first_walk_button.clicked.connect(lambda: self.start_requested.emit("walkabout"))
        buttons.addWidget(self.first_area_button)
        buttons.addWidget(self.first_walk_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        hint = QLabel(self.tr("A colleague's notebook can be read in with File ▸ Synchronise…"))
        hint.setEnabled(False)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(hint)
        column.addStretch(2)
        return box

    def showEvent(self, event) -> None:
        if not self._fresh:  # coming back to the overview: things may have changed meanwhile
            self.refresh()
        self._fresh = False
        super().showEvent(event)

    def _titles(self) -> dict[str, str]:
        return {
            "overdue": self.tr("Overdue actions (%1)"),
            "upcoming": self.tr("Due in the next 14 days (%1)"),
            "recent": self.tr("Recent activities"),
            "not_contacted": self.tr("Not contacted for 60 days (%1)"),
            "pipeline": self.tr("Leadership pipeline per area"),
        }

    def _open(self, table: str, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        if record_id:
            self.open_record.emit(table, record_id)

    def refresh(self) -> None:
        overdue = self.store.overdue_actions(self.today)
        upcoming = self.store.upcoming_actions(self.today, days=14)
        not_contacted = self.store.people_not_contacted(self.today, days=60)
        # The titles give the full counts; the tables show the first rows (a calm overview, quick to draw).
        self.overdue.set_rows(overdue[:OVERVIEW_ROWS])
        self.upcoming.set_rows(upcoming[:OVERVIEW_ROWS])
        self.not_contacted.set_rows(not_contacted[:OVERVIEW_ROWS])
        self.pipeline.set_rows(self.store.leadership_pipeline())
        self.recent.set_rows(self.store.recent_activities(limit=10))
        empty = not self.store.count_activities(ActivityFilter()) and not self.store.count(Area)
        self.first_steps.setVisible(empty)
        for box in self.boxes.values():
            box.setVisible(not empty)
        self.agency_box.setVisible(not empty)
        self.agency.refresh()
        counts = {"overdue": len(overdue), "upcoming": len(upcoming), "not_contacted": len(not_contacted)}
        for key, title in self._titles().items():
            self.boxes[key].setTitle(title.replace("%1", format_count(counts.get(key, 0), self.lang)))
            self.tables[key].setAccessibleName(self.boxes[key].title())
        for table in self.tables.values():
            table.resizeColumnsToContents()
            table.horizontalHeader().setStretchLastSection(True)
        for key in ("overdue", "upcoming"):
            # Every action here is open: the status column would only take room from the text.
            self.tables[key].setColumnHidden(ActionTableModel.COL_STATUS, True)
            header = self.tables[key].horizontalHeader()
            header.setSectionResizeMode(ActionTableModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.tables["recent"].horizontalHeader().setSectionResizeMode(
            ActivityRowsModel.COL_TITLE, QHeaderView.ResizeMode.Stretch
        )
        pipeline = self.tables["pipeline"].horizontalHeader()
        pipeline.setStretchLastSection(False)
        pipeline.setSectionResizeMode(PipelineModel.COL_AREA, QHeaderView.ResizeMode.Stretch)


class PeopleView(RecordListView):
    def __init__(self, store: Store, lang: str, editor_factory, parent=None):
        self.area_filter = combo("", lookups.area_choices(store), "")
        self.stage_filter = combo("", [(s.label(lang), s.value) for s in LeadershipStage], "")
        super().__init__(store, lang, editor_factory, PeopleTableModel(), self._load, "people", "", parent)
        self.model.setParent(self)
        self.table.setAccessibleName(self.tr("People"))
        self.area_filter.setItemText(0, self.tr("All areas"))
        self.area_filter.setAccessibleName(self.tr("Area"))
        self.stage_filter.setItemText(0, self.tr("Any stage"))
        self.stage_filter.setAccessibleName(self.tr("Leadership stage"))
        self.add_filter(self.area_filter)
        self.add_filter(self.stage_filter)
        cols = PeopleTableModel
        self.fitter = ColumnFitter(
            self.table,
            cols.COL_NAME,
            [cols.COL_REVIEW, cols.COL_CONSENT, cols.COL_ORGANISATION, cols.COL_STAGE, cols.COL_AREA],
        )
        self.refresh()

    def _load(self) -> list:
        return self.store.person_rows(
            area_id=self.area_filter.currentData(), stage=self.stage_filter.currentData()
        )


class AreasView(RecordListView):
    def __init__(self, store: Store, lang: str, editor_factory, parent=None):
        super().__init__(store, lang, editor_factory, AreaTableModel(), store.area_rows, "areas", "", parent)
        self.model.setParent(self)
        self.table.setAccessibleName(self.tr("Areas"))
        columns = self.model.columnCount()
        self.fitter = ColumnFitter(self.table, 0, [*range(columns - 1, 2, -1), 1, 2])
        self.refresh()


class OrganisationsView(RecordListView):
    """Associations, local councils, businesses, schools …: the groups on an area's relational map."""

    def __init__(self, store: Store, lang: str, editor_factory, parent=None):
        model = OrganisationTableModel()
        super().__init__(
            store, lang, editor_factory, model, store.organisation_rows, "organisations", "", parent
        )
        self.model.setParent(self)
        self.table.setAccessibleName(self.tr("Organisations"))
        cols = OrganisationTableModel
        self.fitter = ColumnFitter(self.table, cols.COL_NAME, [cols.COL_PEOPLE, cols.COL_AREA, cols.COL_KIND])
        self.refresh()


class ActionsView(RecordListView):
    def __init__(self, store: Store, lang: str, editor_factory, parent=None):
        self.status_filter = combo("", [(s.label(lang), s.value) for s in ActionStatus], "")
        self.status_filter.setCurrentIndex(1)  # open actions first
        super().__init__(store, lang, editor_factory, ActionTableModel(), self._load, "actions", "", parent)
        self.model.setParent(self)
        self.table.setAccessibleName(self.tr("Actions"))
        self.status_filter.setItemText(0, self.tr("Any status"))
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.add_filter(self.status_filter)
        self.table.sortByColumn(ActionTableModel.COL_DUE, Qt.SortOrder.AscendingOrder)
        cols = ActionTableModel
        self.fitter = ColumnFitter(
            self.table, cols.COL_TEXT, [cols.COL_STATUS, cols.COL_AREA, cols.COL_OWNER]
        )
        self.refresh()

    def _load(self) -> list:
        return self.store.action_rows(status=self.status_filter.currentData())
