"""The main window: navigation, pages, toolbar and menus, shortcuts, status bar, remembered layout."""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from fieldapp import APP_NAME, __version__
from fieldapp.domain import (
    Action,
    ActionStatus,
    Activity,
    ActivityKind,
    Area,
    Organisation,
    OrganisationKind,
    Person,
    ValidationError,
)
from fieldapp.store import Store, StoreError, lookups
from fieldapp.store.conflicts import count_open
from fieldapp.store.queries import ActivityFilter
from fieldapp.ui.dialogs import Dialogs
from fieldapp.ui.formatting import format_date, format_datetime
from fieldapp.ui.icons import icon
from fieldapp.ui.store_events import StoreChanges
from fieldapp.ui.undo import Deleter, UndoStack, entity_title
from fieldapp.ui.views import (
    ActionsView,
    ActivitiesView,
    AreasView,
    ListDetailView,
    OrganisationsView,
    OverviewView,
    PeopleView,
)

if TYPE_CHECKING:
    from fieldapp.sync.envelope import KdfParams
    from fieldapp.ui.sync_view import ConflictInbox

logger = logging.getLogger(__name__)

# The notebook's own words for a new record's title (the notebook may be in another language than the menus).
PLACEHOLDERS = {
    "person": {"da": "Ny person", "en": "New person"},
    "area": {"da": "Nyt område", "en": "New area"},
    "organisation": {"da": "Ny organisation", "en": "New organisation"},
    "action": {"da": "Ny handling", "en": "New action"},
}
PAGES = ("overview", "activities", "people", "areas", "organisations", "actions", "search")


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


class MainWindow(QMainWindow):
    languageChangeRequested = Signal(str)
    restoreRequested = Signal(Path)  # a backup copy to go back to (the app closes the store first)
    notebookRequested = Signal(Path)  # File ▸ New/Open notebook (the app opens it in a new window)

    def __init__(
        self, store: Store, settings: QSettings, dialogs: Dialogs, lang: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.dialogs = dialogs
        self.lang = lang
        in_memory = self.tr("notebook in memory")
        self.setWindowTitle(f"{store.path.stem if store.path else in_memory} — {APP_NAME}")
        self.setMinimumSize(QSize(720, 480))
        self.pages: dict[str, QWidget] = {}
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        titles = self.page_titles()
        for number, key in enumerate(PAGES):
            item = QListWidgetItem(icon(key if key != "overview" else "overview"), titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{titles[key]} (Ctrl+{number + 1})")
            self.nav.addItem(item)
            placeholder = QWidget()
            self.stack.addWidget(placeholder)
        width = max(self.nav.sizeHintForColumn(0), 120) + 28
        self.nav.setFixedWidth(width)
        self.nav.currentRowChanged.connect(self._nav_changed)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self._build_status_bar()
        self.changes = StoreChanges(store, self)
        self.changes.changed.connect(self.show_truth)
        self.restore_layout()
        start = self.settings.value("window/page", "overview")
        self.go(start if start in PAGES else "overview")

    # ------------------------------------------------------------- pages
    def page_titles(self) -> dict[str, str]:
        return {
            "overview": self.tr("Overview"),
            "activities": self.tr("Activities"),
            "people": self.tr("People"),
            "areas": self.tr("Areas"),
            "organisations": self.tr("Organisations"),
            "actions": self.tr("Actions"),
            "search": self.tr("Search"),
        }

    def page(self, key: str) -> QWidget:
        """The page, built the first time it is shown (start-up stays quick on big notebooks)."""
        if key not in self.pages:
            widget = self._make_page(key)
            index = PAGES.index(key)
            old = self.stack.widget(index)
            if old is not None:  # the placeholder
                self.stack.removeWidget(old)
                old.deleteLater()
            self.stack.insertWidget(index, widget)
            self.pages[key] = widget
            if isinstance(widget, ListDetailView):
                state = self.settings.value(f"splitter/{key}")
                if isinstance(state, QByteArray):
                    widget.splitter.restoreState(state)
                else:
                    widget.splitter.setSizes([460, 780])
                widget.record_saved.connect(self._record_saved)
            if hasattr(widget, "open_record"):
                widget.open_record.connect(self.open_record)
            if isinstance(widget, ListDetailView):
                widget.deleter = self.deleter
        return self.pages[key]

    def _make_page(self, key: str) -> QWidget:
        store, lang, dialogs, deleter = self.store, self.lang, self.dialogs, self.deleter
        if key == "overview":
            overview = OverviewView(store, lang)
            overview.start_requested.connect(
                lambda what: self.new_area() if what == "area" else self.new_activity(ActivityKind.WALKABOUT)
            )
            return overview
        # Editors and search are imported when first needed: a quicker start.
        from fieldapp.ui.editors import (
            ActionEditor,
            ActivityEditor,
            AreaEditor,
            OrganisationEditor,
            PersonEditor,
        )
        from fieldapp.ui.search_view import SearchView

        if key == "activities":
            return ActivitiesView(
                store, lang, lambda rid: ActivityEditor(store, rid, lang, dialogs, deleter=deleter)
            )
        if key == "people":
            return PeopleView(
                store, lang, lambda rid: PersonEditor(store, rid, lang, dialogs, deleter=deleter)
            )
        if key == "areas":
            return AreasView(store, lang, lambda rid: AreaEditor(store, rid, lang, dialogs, deleter=deleter))
        if key == "organisations":
            return OrganisationsView(
                store, lang, lambda rid: OrganisationEditor(store, rid, lang, dialogs, deleter=deleter)
            )
        if key == "actions":
            return ActionsView(
                store, lang, lambda rid: ActionEditor(store, rid, lang, dialogs, deleter=deleter)
            )
        view = SearchView(store, lang)
        view.open_hit.connect(self.open_hit)
        return view

    def current_key(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def go(self, key: str) -> QWidget:
        self.nav.setCurrentRow(PAGES.index(key))
        return self.page(key)

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row]
        for other, widget in self.pages.items():
            if other != key and isinstance(widget, ListDetailView):
                widget.flush()
                if widget.detail.editor is not None and widget.detail.editor.untouched():
                    widget.detail.show_editor(None)  # an untouched new record is not left behind
        widget = self.page(key)
        self.stack.setCurrentIndex(row)
        self.update_counts()
        if key == "search":
            from fieldapp.ui.search_view import SearchView

            assert isinstance(widget, SearchView)
            widget.focus_box()

    # ------------------------------------------------------------- actions and menus
    def _action(
        self,
        text: str,
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None,
        slot,
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(
                f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.undo_stack = UndoStack(self.store, self)
        self.deleter = Deleter(self.store, self.dialogs, self.lang, self.undo_stack, self)
        self.undo_action = self._action(self.tr("Undo"), "Ctrl+Z", self.undo)
        self.undo_action.setEnabled(False)
        self.undo_stack.changed.connect(self._undo_changed)
        self.undo_stack.undone.connect(self.after_undo)
        self.delete_action = self._action(self.tr("Delete…"), "Ctrl+Del", self.delete_current, "delete")
        self.new_walkabout = self._action(
            self.tr("New walkabout"), "Ctrl+N", lambda: self.new_activity(ActivityKind.WALKABOUT), "walkabout"
        )
        self.new_talk = self._action(
            self.tr("New 1:1 talk"),
            "Ctrl+Shift+T",
            lambda: self.new_activity(ActivityKind.ONE_TO_ONE),
            "one_to_one",
        )
        self.new_meeting = self._action(
            self.tr("New listening meeting"),
            "Ctrl+Shift+L",
            lambda: self.new_activity(ActivityKind.LISTENING_MEETING),
            "listening_meeting",
        )
        self.new_person_action = self._action(
            self.tr("New person"), "Ctrl+Shift+P", self.new_person, "person_add"
        )
        self.new_area_action = self._action(self.tr("New area"), "Ctrl+Shift+R", self.new_area, "areas")
        self.new_organisation_action = self._action(
            self.tr("New organisation"), None, self.new_organisation, "organisations"
        )
        self.new_action_action = self._action(
            self.tr("New action"), "Ctrl+Shift+A", self.new_action, "actions"
        )
        self.search_action = self._action(
            self.tr("Search"), QKeySequence.StandardKey.Find, lambda: self.go("search"), "search"
        )
        self.search_action.setShortcut(QKeySequence("Ctrl+F"))
        # Not Alt+Down/Up: those open a drop-down everywhere on the desktop, and in a combo box
        # they must not silently move the user on to another record.
        self.next_action = self._action(self.tr("Next record"), "Ctrl+.", lambda: self.step(1), "next")
        self.previous_action = self._action(
            self.tr("Previous record"), "Ctrl+,", lambda: self.step(-1), "previous"
        )
        self.next_action.setShortcuts([QKeySequence("Ctrl+."), QKeySequence("Alt+PgDown")])
        self.previous_action.setShortcuts([QKeySequence("Ctrl+,"), QKeySequence("Alt+PgUp")])
        self.export_action = self._action(self.tr("Export PDF…"), "Ctrl+E", self.export_pdf, "pdf")
        self.restore_action = self._action(self.tr("Restore from backup…"), None, self.show_restore)
        self.new_notebook_action = self._action(self.tr("New notebook…"), None, self.new_notebook)
        self.open_notebook_action = self._action(
            self.tr("Open notebook…"), QKeySequence.StandardKey.Open, self.open_notebook, "open"
        )
        self.sheet_action = self._action(self.tr("Export spreadsheet…"), None, self.export_spreadsheet)
        self.import_people_action = self._action(
            self.tr("Import people…"), None, self.import_people, "person_add"
        )
        self.backup_action = self._action(self.tr("Back up now"), None, self.back_up_now)
        self.review_action = self._action(self.tr("Personal data review"), None, self.show_review)
        self.log_action = self._action(self.tr("Change log"), None, self.show_change_log)
        self.sync_action = self._action(self.tr("Synchronise…"), "Ctrl+Shift+S", self.show_sync, "sync")
        self.conflicts_action = self._action(self.tr("Conflicts"), None, self.show_conflicts)
        self.restore_dialog: QWidget | None = None
        self.review_dialog: QWidget | None = None
        self.log_dialog: QWidget | None = None
        self.sync_dialog: QWidget | None = None
        self.conflict_inbox: ConflictInbox | None = None
        self.sync_kdf: KdfParams | None = None  # the default key derivation; tests set a cheap one
        self.quit_action = self._action(self.tr("Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.go_actions = []
        titles = self.page_titles()
        for number, key in enumerate(PAGES):
            self.go_actions.append(
                self._action(titles[key], f"Ctrl+{number + 1}", lambda _=False, k=key: self.go(k), key)
            )

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_notebook_action)
        file_menu.addAction(self.open_notebook_action)
        file_menu.addSeparator()
        for action in (self.new_walkabout, self.new_talk, self.new_meeting):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (
            self.new_person_action,
            self.new_area_action,
            self.new_organisation_action,
            self.new_action_action,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.sync_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.sheet_action)
        file_menu.addAction(self.import_people_action)
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.delete_action)
        go_menu = menu.addMenu(self.tr("&Go"))
        for action in self.go_actions:
            go_menu.addAction(action)
        go_menu.addSeparator()
        go_menu.addAction(self.next_action)
        go_menu.addAction(self.previous_action)
        notebook_menu = menu.addMenu(self.tr("&Notebook"))
        notebook_menu.addAction(self.review_action)
        notebook_menu.addAction(self.log_action)
        notebook_menu.addAction(self.conflicts_action)
        settings_menu = menu.addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(icon("language"), self.tr("Language"))
        group = QActionGroup(self)
        self.language_actions = {}
        for code, name in (("da", "Dansk"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _=False, c=code: self.languageChangeRequested.emit(c))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("Keyboard shortcuts"), "F1", self.show_shortcuts))
        help_menu.addAction(self._action(self.tr("About Feltbog"), None, self.show_about))

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setMovable(False)
        for action in (self.new_walkabout, self.new_talk, self.new_meeting):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.previous_action, self.next_action, self.search_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.sync_action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        """The notebook's name (its place as a tooltip), the last sync and the counts, with separators."""
        name = self.store.path.stem if self.store.path else self.tr("notebook in memory")
        self.file_label = QLabel(self.tr("Notebook: %1").replace("%1", name))
        self.file_label.setToolTip(str(self.store.path) if self.store.path else "")
        self.counts_label = QLabel()
        self.sync_label = QLabel()
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addPermanentWidget(separator())
        self.statusBar().addPermanentWidget(self.counts_label)
        self.update_counts()

    def update_sync_status(self) -> None:
        from fieldapp.store.changelog import last_sync_local

        moment = last_sync_local(self.store)
        text = (
            self.tr("Last sync: %1").replace("%1", format_datetime(moment, self.lang))
            if moment
            else self.tr("Never synchronised")
        )
        waiting = count_open(self.store)
        if waiting:
            text += " · " + self.tr("%Ln conflicts", "", waiting)
        self.sync_label.setText(text)
        self.conflicts_action.setText(self.tr("Conflicts") + (f" ({waiting})" if waiting else ""))

    def update_counts(self) -> None:
        if hasattr(self, "sync_label"):
            self.update_sync_status()
        activities = self.store.count_activities(ActivityFilter())
        people = self.store.count(Person)
        open_actions = self.store.count(Action, "status = ?", [ActionStatus.OPEN.value])
        self.counts_label.setText(
            " · ".join(
                (
                    self.tr("%Ln activities", "", activities),
                    self.tr("%Ln people", "", people),
                    self.tr("%Ln open actions", "", open_actions),
                )
            )
        )

    def show_truth(self) -> None:
        """The one answer to the store's change signal: every list, count, tab and drop-down re-reads."""
        for widget in self.pages.values():
            if isinstance(widget, ListDetailView):
                widget.store_changed()
            elif isinstance(widget, OverviewView) and widget.isVisible():
                widget.refresh()
        self.update_counts()

    def _record_saved(self, _table: str, _record_id: str) -> None:
        self.statusBar().showMessage(self.tr("Saved"), 2000)
        self.update_counts()

    # ------------------------------------------------------------- records
    def new_activity(self, kind: ActivityKind):
        now = datetime.now().replace(second=0, microsecond=0)
        words = lookups.notebook_language(self.store)  # the notebook's language, not the menus'
        title = f"{kind.label(words)} {format_date(now, words)}"
        try:
            activity = self.store.add(Activity(kind=kind, title=title, starts_at=now))
        except (ValidationError, StoreError) as error:
            self.dialogs.error(self, self.tr("Not saved"), error.message(self.lang))
            return None
        editor = self.open_record("activities", activity.id)
        if editor is not None:
            editor.placeholder = title  # left untouched, it is not kept (see EntityForm.untouched)
        self.update_counts()
        return editor

    def _new_simple(self, table: str, entity) -> QWidget | None:
        try:
            record = self.store.add(entity)
        except (ValidationError, StoreError) as error:
            self.dialogs.error(self, self.tr("Not saved"), error.message(self.lang))
            return None
        view = self.page(table)
        if isinstance(view, ListDetailView):
            view.refresh()
        editor = self.open_record(table, record.id)
        if editor is not None:
            editor.placeholder = entity_title(record)
        self.update_counts()
        return editor

    def placeholder(self, what: str) -> str:
        """A new record's first title, in the notebook's language (not the menus')."""
        words = lookups.notebook_language(self.store)
        return PLACEHOLDERS[what][words]

    def new_person(self):
        return self._new_simple("people", Person(name=self.placeholder("person")))

    def new_area(self):
        return self._new_simple("areas", Area(name=self.placeholder("area")))

    def new_organisation(self):
        return self._new_simple(
            "organisations",
            Organisation(name=self.placeholder("organisation"), kind=OrganisationKind.ASSOCIATION),
        )

    def new_action(self):
        return self._new_simple("actions", Action(text=self.placeholder("action")))

    def open_record(self, table: str, record_id: str):
        """Show any record in its page and editor, with the focus in the editor."""
        if table not in ("activities", "people", "areas", "organisations", "actions"):
            return None
        view = self.go(table)
        assert isinstance(view, ListDetailView)
        if table == "activities":
            view.refresh()
        editor = view.open_id(record_id)
        view.focus_editor()
        return editor

    def open_hit(self, hit) -> None:
        table = hit.table
        if table in ("activities", "people", "areas", "organisations", "actions"):
            self.open_record(table, hit.row_id)
        elif hit.activity_id:
            self.open_record("activities", hit.activity_id)

    def step(self, delta: int) -> None:
        widget = self.pages.get(self.current_key())
        if isinstance(widget, ListDetailView):
            widget.step(delta)

    def current_editor(self):
        widget = self.pages.get(self.current_key())
        return widget.detail.editor if isinstance(widget, ListDetailView) else None

    # ------------------------------------------------------------- notebooks
    def notebook_filter(self) -> str:
        return self.tr("Feltbog notebooks (*.sqlite);;All files (*)")

    def new_notebook(self) -> bool:
        folder = self.store.path.parent if self.store.path else Path.home()
        chosen = self.dialogs.save_file(
            self, self.tr("New notebook"), str(folder / self.tr("notebook.sqlite")), self.notebook_filter()
        )
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix == "":
            path = path.with_suffix(".sqlite")
        if path.exists():
            self.dialogs.error(
                self,
                self.tr("New notebook"),
                self.tr("%1 exists already; use Open notebook to open it.").replace("%1", path.name),
            )
            return False
        self.flush()
        self.notebookRequested.emit(path)
        return True

    def open_notebook(self) -> bool:
        chosen = self.dialogs.open_files(self, self.tr("Open notebook"), self.notebook_filter())
        if not chosen:
            return False
        self.flush()
        self.notebookRequested.emit(Path(chosen[0]))
        return True

    # ------------------------------------------------------------- delete and undo
    def delete_current(self) -> bool:
        """Edit ▸ Delete: the selected part where the focus is (an observation, a photo, a participant),
        else the record open in the current list."""
        widget = QApplication.focusWidget()
        while widget is not None and widget is not self:
            if hasattr(widget, "delete_selected") and widget is not self.pages.get(self.current_key()):
                return bool(widget.delete_selected())
            widget = widget.parentWidget()
        page = self.pages.get(self.current_key())
        if isinstance(page, ListDetailView):
            return page.delete_selected()
        return False

    def undo(self) -> None:
        self.flush()  # what was typed is saved first, so the undo does not fight a pending save
        self.undo_stack.undo()

    def _undo_changed(self) -> None:
        self.undo_action.setEnabled(self.undo_stack.can_undo())
        self.undo_action.setText(self.undo_stack.undo_text() or self.tr("Undo"))

    def after_undo(self, table: str, record_id: str) -> None:
        """Show what came back; an editor already showing the record re-reads it."""
        if table not in ("activities", "people", "areas", "actions"):
            return
        view = self.page(table)
        if isinstance(view, ListDetailView):
            editor = view.detail.editor
            if editor is not None and editor.entity_id == record_id:
                editor.pending.clear()
                view.detail.show_editor(None)
            view.refresh()
        self.open_record(table, record_id)

    # ------------------------------------------------------------- reports, backups, personal data
    def export_pdf(self) -> bool:
        """File > Export PDF: the report of the activity, person or area open in the editor."""
        from fieldapp.ui.editors import ActivityEditor, AreaEditor, PersonEditor

        editor = self.current_editor()
        if isinstance(editor, (ActivityEditor, AreaEditor, PersonEditor)):
            return editor.export_pdf()
        self.dialogs.info(
            self,
            self.tr("Export PDF"),
            self.tr("Open an activity, a person or an area first; its report is then exported."),
        )
        return False

    def export_spreadsheet(self, choice=None) -> bool:
        """File > Export spreadsheet: the notebook (or one area and period) as .xlsx or CSV."""
        from fieldapp.ui.sheet_export import SheetExporter

        self.flush()
        exporter = self.findChild(SheetExporter) or SheetExporter(self.store, self.dialogs, self.lang, self)
        return exporter.export(choice)

    def import_people(self):
        """File > Import people: a member list becomes people, after the user has seen the plan."""
        from fieldapp.people_import import PeopleImportError
        from fieldapp.ui.people_import_view import PeopleImportDialog

        title = self.tr("Import people")
        files = self.dialogs.open_files(self, title, self.tr("Member lists (*.xlsx *.csv)"))
        if not files:
            return None
        self.flush()
        try:
            dialog = PeopleImportDialog(self.store, Path(files[0]), self.lang, self)
        except PeopleImportError as error:
            self.dialogs.error(self, title, error.message(self.lang))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._people_imported(dialog))
        dialog.open()
        return dialog

    def _people_imported(self, dialog) -> None:
        done = dialog.run_import()  # one transaction: the store's change signal refreshes every view
        text = self.tr("%n person(s) imported.", "", done.people)
        if done.skipped_duplicates:
            text += " " + self.tr("%n likely duplicate(s) left out.", "", done.skipped_duplicates)
        self.dialogs.info(self, self.tr("Import people"), text)

    def show_restore(self):
        from fieldapp.ui.backup_views import RestoreDialog

        if self.store.path is None:
            return None
        self.flush()
        dialog = RestoreDialog(self.store.path, self.dialogs, self.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_chosen.connect(self.restoreRequested)
        self.restore_dialog = dialog
        dialog.open()
        return dialog

    def back_up_now(self):
        """File > Back up now: the backups dialog, taking a copy at once (in the background)."""
        dialog = self.show_restore()
        if dialog is not None:
            dialog.back_up_now()
        return dialog

    def show_review(self):
        from fieldapp.ui.privacy_views import ReviewDialog

        self.flush()
        dialog = ReviewDialog(self.store, self.dialogs, self.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_record.connect(self.open_record)
        dialog.changed.connect(self.after_people_changed)
        self.review_dialog = dialog
        dialog.show()
        return dialog

    def show_change_log(self):
        from fieldapp.ui.privacy_views import ChangeLogDialog

        self.flush()
        dialog = ChangeLogDialog(self.store, self.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_record.connect(self.open_record)
        self.log_dialog = dialog
        dialog.show()
        return dialog

    def show_sync(self):
        from fieldapp.ui.sync_view import SyncDialog

        self.flush()
        extra = {} if self.sync_kdf is None else {"kdf": self.sync_kdf}  # the crypto loads when needed
        dialog = SyncDialog(self.store, self.settings, self.dialogs, self.lang, self, **extra)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.synced.connect(lambda _summary: self.after_sync())
        dialog.open_inbox.connect(self.show_conflicts)
        self.sync_dialog = dialog
        dialog.show()
        return dialog

    def after_sync(self) -> None:
        """Records may have changed under every open editor: reload them and the lists."""
        for widget in self.pages.values():
            if isinstance(widget, ListDetailView):
                editor = widget.detail.editor
                record_id = editor.entity_id if editor is not None else None
                if editor is not None:
                    editor.pending.clear()
                    widget.detail.show_editor(None)
                widget.refresh()
                if editor is not None and record_id is not None and self.store.find(editor.cls, record_id):
                    widget.open_id(record_id)
            elif hasattr(widget, "refresh"):
                widget.refresh()
        self.update_counts()
        if self.conflict_inbox is not None:
            self.conflict_inbox.refresh()

    def show_conflicts(self):
        from fieldapp.ui.sync_view import ConflictInbox

        self.flush()
        if self.conflict_inbox is not None:
            self.conflict_inbox.refresh()
            self.conflict_inbox.raise_()
            return self.conflict_inbox
        dialog = ConflictInbox(self.store, self.dialogs, self.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.after_sync)
        dialog.destroyed.connect(lambda *_: setattr(self, "conflict_inbox", None))
        self.conflict_inbox = dialog
        dialog.show()
        return dialog

    def after_people_changed(self) -> None:
        """After a review or erasure: close editors of records that are gone, refresh the lists."""
        for widget in self.pages.values():
            if not isinstance(widget, ListDetailView):
                continue
            editor = widget.detail.editor
            if editor is not None and self.store.find(editor.cls, editor.entity_id) is None:
                editor.pending.clear()  # the record is gone: nothing left to save into
                widget.detail.show_editor(None)
            widget.refresh()
        self.update_counts()

    # ------------------------------------------------------------- help
    def show_shortcuts(self) -> None:
        lines = [
            (self.new_walkabout.text(), "Ctrl+N"),
            (self.new_talk.text(), "Ctrl+Shift+T"),
            (self.new_meeting.text(), "Ctrl+Shift+L"),
            (self.new_person_action.text(), "Ctrl+Shift+P"),
            (self.new_action_action.text(), "Ctrl+Shift+A"),
            (self.search_action.text(), "Ctrl+F"),
            (self.export_action.text(), "Ctrl+E"),
            (self.next_action.text(), "Ctrl+. / Alt+PgDown"),
            (self.previous_action.text(), "Ctrl+, / Alt+PgUp"),
            (self.undo_action.text(), "Ctrl+Z"),
            (self.delete_action.text(), "Ctrl+Del"),
            (self.tr("Sections"), "Ctrl+1 … Ctrl+6"),
            (self.tr("Next kind of observation"), "Ctrl+K"),
        ]
        self.dialogs.info(
            self, self.tr("Keyboard shortcuts"), "\n".join(f"{key}\t{text}" for text, key in lines)
        )

    def show_about(self) -> None:
        self.dialogs.info(
            self,
            self.tr("About Feltbog"),
            self.tr("Feltbog %1 — an offline notebook for co-creation work.").replace("%1", __version__),
        )

    # ------------------------------------------------------------- layout and closing
    def flush(self) -> None:
        for widget in self.pages.values():
            if isinstance(widget, ListDetailView):
                widget.flush()

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/page", self.current_key())
        for key, widget in self.pages.items():
            if isinstance(widget, ListDetailView):
                self.settings.setValue(f"splitter/{key}", widget.splitter.saveState())
        self.settings.sync()

    def restore_layout(self) -> None:
        """The last size and place, or 1280×800 — never larger than the screen it opens on.

        At 150 % or 200 % scaling a laptop screen offers as little as 900×500 logical pixels;
        a remembered geometry from a bigger monitor is shrunk and moved onto this one.
        """
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        # Leave room for the window frame and title bar, which the geometry does not include.
        frame_w, frame_h = 16, 40
        self.setMinimumSize(QSize(min(720, room.width() - frame_w), min(480, room.height() - frame_h)))
        width = min(self.width(), room.width() - frame_w)
        height = min(self.height(), room.height() - frame_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(self.x(), room.left()), room.right() - width - frame_w + 1)
        y = min(max(self.y(), room.top()), room.bottom() - height - frame_h + 1)
        self.move(max(x, room.left()), max(y, room.top()))

    def event(self, event: QEvent) -> bool:
        # The user switched to another program: what they typed is saved now, not after a pause.
        if event.type() == QEvent.Type.WindowDeactivate:
            self.flush()
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        syncing = sys.modules.get("fieldapp.ui.sync_view")
        if syncing is not None:
            for dialog in self.findChildren(syncing.SyncDialog):
                dialog.shutdown()
        exporting = sys.modules.get("fieldapp.ui.report_export")  # not loaded: nothing was exported
        if exporting is not None:
            for exporter in self.findChildren(exporting.ReportExporter):
                exporter.shutdown()  # a QThread must not outlive its owner
        sheets = sys.modules.get("fieldapp.ui.sheet_export")
        if sheets is not None:
            for exporter in self.findChildren(sheets.SheetExporter):
                exporter.shutdown()
        self.flush()
        for widget in self.pages.values():
            if isinstance(widget, ListDetailView):
                widget.detail.discard_untouched()
        self.changes.detach()
        if not self.property("replaced"):
            self.save_layout()
        super().closeEvent(event)
