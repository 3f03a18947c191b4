"""The editors: one per activity kind (walkabout, 1:1 talk, listening meeting), person, area, action."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import (
    Action,
    ActionStatus,
    Activity,
    ActivityKind,
    Area,
    Influence,
    Organisation,
    OrganisationKind,
    Person,
    Phase,
    Relation,
    RelationKind,
    ValidationError,
)
from fieldapp.store import Store, StoreError, lookups, privacy
from fieldapp.store.queries import ActivityFilter
from fieldapp.ui.agency_view import AgencyPanel
from fieldapp.ui.dialogs import Dialogs
from fieldapp.ui.fields import PickerInput, TextInput
from fieldapp.ui.formatting import format_date, format_datetime
from fieldapp.ui.forms import EntityForm
from fieldapp.ui.icons import icon
from fieldapp.ui.list_models import (
    ID_ROLE,
    ActionTableModel,
    ActivityRowsModel,
    Column,
    PeopleTableModel,
    RowsTableModel,
)
from fieldapp.ui.observations import ObservationCapture
from fieldapp.ui.panels import ParticipantsPanel, PhotoPanel, SurveyPanel, people_names
from fieldapp.ui.person_choice import PersonChooser
from fieldapp.ui.relmap_view import RelationalMapPanel
from fieldapp.ui.views import ColumnFitter

if TYPE_CHECKING:
    from fieldapp.ui.report_export import ReportExporter


def scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


def form_page(form: QFormLayout, *extra: QWidget) -> QScrollArea:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(12, 12, 12, 12)
    layout.addLayout(form)
    for widget in extra:
        layout.addWidget(widget)
    layout.addStretch(1)
    return scrolling(page)


def padded(widget: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(12, 12, 12, 12)
    layout.addWidget(widget)
    return page


def deletable(table: QAbstractItemView, delete) -> None:
    """The Delete key on ``table`` calls ``delete``; so does Edit ▸ Delete while the table has the focus."""
    shortcut = QShortcut(QKeySequence.StandardKey.Delete, table, context=Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(delete)
    table.delete_selected = delete  # type: ignore[attr-defined]  # found by Edit ▸ Delete


def record_table(model, accessible: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(accessible)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class Editor(EntityForm):
    """An editor with a heading line and a tab per part."""

    def __init__(
        self, store: Store, cls, entity_id: str, lang: str, dialogs: Dialogs, parent=None, deleter=None
    ):
        super().__init__(store, cls, entity_id, lang, parent)
        self.dialogs = dialogs
        self.deleter = deleter
        self.undo_stack = deleter.stack if deleter is not None else None
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(12, 12, 12, 8)
        self.outer.setSpacing(8)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading_row = QHBoxLayout()
        self.heading_row.addWidget(self.heading, 1)
        self.outer.addLayout(self.heading_row)
        self.outer.addWidget(self.banner)
        self._exporter: ReportExporter | None = None
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # Every tab in sight: long names are shortened (full name as tooltip) rather than scrolled away.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)

    def add_delete_button(self) -> None:
        """Delete… at the end of the heading row (asks first; Edit ▸ Undo brings it back)."""
        if self.deleter is None:
            return
        self.delete_button = self.heading_button(self.tr("Delete…"), self.delete_record, "delete")
        self.delete_button.setToolTip(self.tr("Delete this record and what belongs to it (Ctrl+Del)"))

    def delete_record(self) -> bool:
        if self.deleter is None:
            return False
        self.flush()
        if not self.deleter.delete(self, self.cls, self.entity_id):
            return False
        self.pending.clear()
        return True

    def heading_button(self, text: str, slot, icon_name: str | None = None) -> QPushButton:
        button = QPushButton(icon(icon_name), text) if icon_name else QPushButton(text)
        button.clicked.connect(slot)
        self.heading_row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return button

    @property
    def exporter(self):
        """Made on first use: most editors are opened and closed without an export."""
        if self._exporter is None:
            from fieldapp.ui.report_export import ReportExporter

            # Owned by the window, not the editor: switching records must not end a running export.
            self._exporter = ReportExporter(self.store, self.dialogs, self.lang, self.window())
        return self._exporter

    def export_pdf(self) -> bool:
        """Export this record's PDF report (False where there is none, or nothing was started)."""
        return False

    def first_input(self) -> QWidget | None:
        for widget in self.inputs.values():
            return widget.focus_widget()
        return None

    def focus_first(self) -> None:
        widget = self.first_input()
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def area_row(self, form: QFormLayout) -> None:
        self.add_row(form, "area_id", choices_from=lambda: lookups.area_choices(self.store))

    def person_picker(self, name: str) -> PickerInput:
        """A person box; a name nobody has offers likely people, then creating one (with consent)."""
        chooser = PersonChooser(self.store, self.dialogs, self.lang, self)
        return PickerInput(
            self.cls.spec(name),
            people_names(self.store),
            lambda pid: lookups.record_title(self.store, "people", pid) or "",
            lambda text: chooser.resolve(self, text, getattr(self.entity, "area_id", None)),
        )


class ActivityEditor(Editor):
    """Walkabout, 1:1 talk or listening meeting, by the activity's kind."""

    entity: Activity

    def __init__(
        self, store: Store, activity_id: str, lang: str, dialogs: Dialogs, parent=None, deleter=None
    ):
        super().__init__(store, Activity, activity_id, lang, dialogs, parent, deleter)
        kind = self.entity.kind
        self.heading.setText(kind.label(lang) if kind else "")
        self.export_button = self.heading_button(self.tr("Export PDF…"), self.export_pdf, "pdf")
        self.add_delete_button()
        top = self.new_form()
        self.add_row(top, "title")
        self.area_row(top)
        self.add_row(top, "starts_at")
        self.outer.addLayout(top)
        self.outer.addWidget(self.tabs, 1)
        self.capture: ObservationCapture | None = None
        self.participants: ParticipantsPanel | None = None
        self.photos: PhotoPanel | None = None
        self.survey: SurveyPanel | None = None
        if kind == ActivityKind.WALKABOUT:
            self._walkabout()
        elif kind == ActivityKind.ONE_TO_ONE:
            self._one_to_one()
        else:
            self._listening_meeting()
        if self.participants is not None:
            self.participants.open_person.connect(lambda pid: self.open_record.emit("people", pid))
        # Walking: type the title, press Enter, and go straight on to the observations.
        title = self.inputs["title"]
        assert isinstance(title, TextInput)
        title.edit.returnPressed.connect(self.focus_main_part)

    def export_pdf(self) -> bool:
        self.flush()  # the report shows what is on screen
        return self.exporter.export_activity(self.entity_id, self.entity.title or self.heading.text())

    def focus_main_part(self) -> None:
        self.tabs.setCurrentIndex(0)
        if self.capture is not None:
            self.capture.text.setFocus(Qt.FocusReason.OtherFocusReason)
        elif "person_id" in self.inputs:
            self.inputs["person_id"].focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    def _details(self, *names: str) -> QScrollArea:
        form = self.new_form()
        for name in names:
            if name == "facilitator_id":
                self.add_row(form, name, choices_from=lambda: lookups.staff_choices(self.store))
            else:
                self.add_row(form, name)
        return form_page(form)

    def _walkabout(self) -> None:
        self.capture = ObservationCapture(
            self.store, self.entity_id, self.lang, self.dialogs, deleter=self.deleter
        )
        self.tabs.addTab(padded(self.capture), icon("walkabout"), self.tr("Observations"))
        self.tabs.addTab(
            self._details("place", "route", "ends_at", "facilitator_id", "status", "summary"),
            self.tr("Route and details"),
        )
        self.participants = ParticipantsPanel(
            self.store, self.entity_id, self.lang, self.dialogs, deleter=self.deleter
        )
        self.tabs.addTab(padded(self.participants), icon("people"), self.tr("Participants"))
        self.photos = PhotoPanel(self.store, self.entity_id, self.lang, self.dialogs, deleter=self.deleter)
        self.tabs.addTab(padded(self.photos), icon("photo"), self.tr("Photos"))
        from fieldapp.ui.route_view import RoutePanel  # loaded with the first walkabout opened

        self.route = RoutePanel(self.store, self.entity_id, self.lang, self.dialogs)
        self.tabs.addTab(padded(self.route), icon("walkabout"), self.tr("Route map"))
        self.tabs.currentChanged.connect(self._refresh_route)

    def _refresh_route(self, index: int) -> None:
        # Observations and photos are added on other tabs; show them when the map comes into view.
        page = self.tabs.widget(index)
        if page is not None and page.isAncestorOf(self.route):
            self.route.refresh()

    def _one_to_one(self) -> None:
        talk = self.new_form()
        self.add_row(talk, "person_id", widget=self.person_picker("person_id"))
        for name in ("story", "self_interest", "concerns", "resources"):
            self.add_row(talk, name)
        self.referrals = ReferralsPanel(self.store, self)
        self.tabs.addTab(form_page(talk, self.referrals), icon("one_to_one"), self.tr("The talk"))
        self.tabs.addTab(
            self._details("leadership_assessment", "next_step", "follow_up_date"), self.tr("Next step")
        )
        self.tabs.addTab(
            self._details("place", "ends_at", "facilitator_id", "status", "summary"), self.tr("Details")
        )

    def _listening_meeting(self) -> None:
        self.capture = ObservationCapture(
            self.store, self.entity_id, self.lang, self.dialogs, with_votes=True, deleter=self.deleter
        )
        self.tabs.addTab(padded(self.capture), icon("listening_meeting"), self.tr("What we heard"))
        self.survey = SurveyPanel(self.store, self.entity_id, self.lang, deleter=self.deleter)
        self.tabs.addTab(padded(self.survey), icon("actions"), self.tr("Survey"))
        self.tabs.addTab(
            self._details(
                "attendee_count",
                "invited_groups",
                "questions",
                "place",
                "ends_at",
                "facilitator_id",
                "status",
                "summary",
            ),
            self.tr("Meeting"),
        )
        self.participants = ParticipantsPanel(
            self.store, self.entity_id, self.lang, self.dialogs, deleter=self.deleter
        )
        self.tabs.addTab(padded(self.participants), icon("people"), self.tr("Named participants"))

    def store_changed(self) -> None:
        """Observations, participants and photos may have changed elsewhere (an undo, an import)."""
        super().store_changed()
        if self.capture is not None and self.capture.table.state() != QAbstractItemView.State.EditingState:
            self.capture.model.refresh()
        if self.participants is not None:
            self.participants.model.refresh()
        if self.photos is not None:
            self.photos.model.refresh()

    def after_save(self, names: set[str]) -> None:
        talk_fields = {
            "person_id",
            "leadership_assessment",
            "follow_up_date",
            "next_step",
            "facilitator_id",
            "area_id",
        }
        if self.entity.kind == ActivityKind.ONE_TO_ONE and names & talk_fields:
            try:
                self.store.apply_one_to_one(self.entity_id)
            except (ValidationError, StoreError) as error:
                self.banner.setText(error.message(self.lang))
                self.banner.setVisible(True)


class ReferralsPanel(QWidget):
    """Whom the person in a 1:1 talk suggested we talk to (linked people)."""

    def __init__(self, store: Store, editor: ActivityEditor):
        super().__init__()
        self.store, self.editor = store, editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        label = QLabel(self.tr("People they suggested we talk to"))
        layout.addWidget(label)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Type a name and press Enter"))
        self.name.setAccessibleName(self.tr("Add a suggested person"))
        label.setBuddy(self.name)
        self.names = people_names(store)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        self.name.returnPressed.connect(self.add)
        layout.addWidget(self.name)
        self.list = QLabel()
        self.list.setWordWrap(True)
        self.list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.list)
        self.refresh()

    def refresh(self) -> None:
        names = [
            person.name or "" for _relation, person in lookups.referrals(self.store, self.editor.entity_id)
        ]
        self.list.setText(", ".join(names) if names else self.tr("Nobody yet."))

    def add(self) -> None:
        text = " ".join(self.name.text().split())
        talk = self.editor.entity
        if not text:
            return
        if not talk.person_id:
            self.editor.dialogs.info(
                self,
                self.tr("Pick the person first"),
                self.tr("Choose whom the talk was with before adding the people they suggested."),
            )
            return
        self.names.ensure_loaded()
        person_id = self.names.find(text)
        if person_id is None:  # never created silently: likely people first, then an explicit choice
            chooser = PersonChooser(self.store, self.editor.dialogs, self.editor.lang, self)
            person_id = chooser.resolve(self, text, talk.area_id)
            self.names.reload()
            if person_id is None:
                return
        try:
            lookups.add_relation(
                self.store, person_id, talk.person_id, RelationKind.SUGGESTED, activity_id=talk.id
            )
        except (ValidationError, StoreError) as error:
            self.editor.dialogs.error(self, self.tr("Not saved"), error.message(self.editor.lang))
            return
        self.name.clear()
        self.refresh()


class PersonEditor(Editor):
    entity: Person

    def __init__(self, store: Store, person_id: str, lang: str, dialogs: Dialogs, parent=None, deleter=None):
        super().__init__(store, Person, person_id, lang, dialogs, parent, deleter)
        self.heading.setText(self.entity.name or "")
        self.export_button = self.heading_button(self.tr("Export PDF…"), self.export_pdf, "pdf")
        self.access_button = self.heading_button(self.tr("Right of access…"), self.export_access)
        self.access_button.setToolTip(
            self.tr("Everything stored about this person, as a PDF and a JSON file (GDPR article 15)")
        )
        self.erase_button = self.heading_button(self.tr("Erase (GDPR)…"), self.erase_person, "delete")
        self.erase_button.setToolTip(
            self.tr("Erase the person for good, also from the change history and colleagues' notebooks")
        )
        self.add_delete_button()
        self.outer.addWidget(self.tabs, 1)
        details = self.new_form()
        self.add_row(details, "name")
        for name in ("phone", "email"):
            self.add_row(details, name)
        self.area_row(details)
        self.add_row(details, "organisation_id", choices_from=lambda: lookups.organisation_choices(store))
        for name in ("roles", "leadership_stage", "interests", "resources", "notes", "is_staff"):
            self.add_row(details, name)
        self.tabs.addTab(form_page(details), icon("people"), self.tr("Details"))
        consent = self.new_form()
        for name in (
            "consent_store_at",
            "consent_how",
            "consent_purpose",
            "may_be_named",
            "may_contact",
            "consent_withdrawn_at",
            "review_after",
        ):
            self.add_row(consent, name)
        self.withdraw_button = QPushButton(self.tr("Withdraw consent…"))
        self.withdraw_button.setToolTip(self.tr("Record today that the person withdrew their consent"))
        self.withdraw_button.clicked.connect(self.withdraw_consent)
        self.withdraw_button.setEnabled(self.entity.consent_withdrawn_at is None)
        withdraw_row = QWidget()
        row = QHBoxLayout(withdraw_row)
        row.setContentsMargins(0, 8, 0, 0)
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        self.tabs.addTab(form_page(consent, withdraw_row), self.tr("Consent"))
        self.tabs.addTab(self._relations_page(), self.tr("Relations"))
        self.tabs.addTab(self._history_page(), self.tr("History"))

    def export_pdf(self) -> bool:
        self.flush()
        return self.exporter.export_person(self.entity_id)

    def export_access(self) -> bool:
        self.flush()
        return self.exporter.export_access(self.entity_id)

    def erase_person(self) -> bool:
        """GDPR erasure from here, as from the personal data review: the same question, the same service."""
        from fieldapp.ui.privacy_views import erasure_question

        self.flush()
        name = self.entity.name or ""
        if not self.dialogs.confirm(
            self, self.tr("Erase person"), erasure_question(self.store, self.entity), self.tr("Erase")
        ):
            return False
        try:
            privacy.erase_person(self.store, self.entity_id)
        except StoreError as error:
            self.dialogs.error(self, self.tr("Not erased"), error.message(self.lang))
            return False
        self.pending.clear()
        self.dialogs.info(self, self.tr("Erased"), self.tr("%1 is erased.").replace("%1", name))
        return True

    def withdraw_consent(self) -> bool:
        """Record the withdrawal today: no more naming in reports, no more contact."""
        name = self.entity.name or ""
        question = self.tr(
            "Record that %1 has withdrawn their consent today?\n\nThey will no longer be named "
            "in reports or contacted. Their record stays; to remove it, use Erase (GDPR)."
        ).replace("%1", name)
        if not self.dialogs.confirm(self, self.tr("Withdraw consent"), question):
            return False
        if not self.flush():
            return False
        try:
            self.entity = privacy.withdraw_consent(self.store, self.entity_id)
        except (ValidationError, StoreError) as error:
            self.dialogs.error(self, self.tr("Not saved"), error.message(self.lang))
            return False
        for field in ("consent_withdrawn_at", "may_be_named", "may_contact"):
            self.inputs[field].set_value(getattr(self.entity, field))
        self.withdraw_button.setEnabled(False)
        self.saved.emit(self.cls.TABLE, self.entity_id)
        return True

    def _relations_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        self.relation_box = QLineEdit()
        self.relation_box.setPlaceholderText(self.tr("Add someone they know: type a name and press Enter"))
        self.relation_box.setAccessibleName(self.tr("Add a relation"))
        self.relation_names = people_names(self.store)
        completer = QCompleter(self.relation_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.relation_box.setCompleter(completer)
        self.relation_box.returnPressed.connect(self._add_relation)
        layout.addWidget(self.relation_box)
        self.relations_model = RelationsModel(self)
        table = record_table(self.relations_model, self.tr("Relations"))
        table.doubleClicked.connect(lambda index: self.open_record.emit("people", index.data(ID_ROLE)))
        layout.addWidget(table, 1)
        self.relations_table = table
        deletable(table, self.delete_relation)
        self._load_relations()
        return page

    def delete_relation(self) -> bool:
        """Delete key (or Edit ▸ Delete) on a relation: asks, then removes the link, not the person."""
        index = self.relations_table.currentIndex()
        if not index.isValid() or self.deleter is None:
            return False
        relation = self.relations_model.rows[index.row()].relation
        if not self.deleter.delete(self, Relation, relation.id):
            return False
        self._load_relations()
        return True

    def _load_relations(self) -> None:
        self.relations_model.set_rows(lookups.relations_of(self.store, self.entity_id))

    def _add_relation(self) -> None:
        text = " ".join(self.relation_box.text().split())
        if not text:
            return
        self.relation_names.ensure_loaded()
        other = self.relation_names.find(text)
        if other is None:  # never created silently: likely people first, then an explicit choice
            other = PersonChooser(self.store, self.dialogs, self.lang, self).resolve(
                self, text, self.entity.area_id
            )
            self.relation_names.reload()
            if other is None:
                return
        try:
            lookups.add_relation(self.store, self.entity_id, other, RelationKind.KNOWS)
        except (ValidationError, StoreError) as error:
            self.dialogs.error(self, self.tr("Not saved"), error.message(self.lang))
            return
        self.relation_box.clear()
        self._load_relations()

    def _history_page(self) -> QWidget:
        history = self.store.person_history(self.entity_id)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(QLabel(self.tr("Activities")))
        self.history_activities = HistoryActivitiesModel(self)
        self.history_activities.set_rows(history.activities)
        table = record_table(self.history_activities, self.tr("Activities"))
        table.doubleClicked.connect(lambda index: self.open_record.emit("activities", index.data(ID_ROLE)))
        layout.addWidget(table, 2)
        layout.addWidget(QLabel(self.tr("Observations they raised")))
        self.history_observations = HistoryObservationsModel(self)
        self.history_observations.set_rows(history.observations)
        table = record_table(self.history_observations, self.tr("Observations they raised"))
        table.doubleClicked.connect(lambda index: self.open_record.emit("activities", index.data(ID_ROLE)))
        layout.addWidget(table, 1)
        layout.addWidget(QLabel(self.tr("Actions they own")))
        self.history_actions = HistoryActionsModel(self)
        self.history_actions.set_rows(history.actions)
        table = record_table(self.history_actions, self.tr("Actions they own"))
        table.doubleClicked.connect(lambda index: self.open_record.emit("actions", index.data(ID_ROLE)))
        layout.addWidget(table, 1)
        return page

    def after_save(self, names: set[str]) -> None:
        if "name" in names:
            self.heading.setText(self.entity.name or "")


class RelationsModel(RowsTableModel):
    COL_NAME, COL_KIND = range(2)

    def make_columns(self) -> list[Column]:
        return [
            Column(self.tr("Name"), lambda link: link.other.name or ""),
            Column(self.tr("Relation"), self._kind),
        ]

    def _kind(self, link) -> str:
        kind = link.relation.kind
        if kind == RelationKind.SUGGESTED:
            return self.tr("suggested by them") if not link.outgoing else kind.label()
        return kind.label()

    def row_id_of(self, link) -> str:
        return link.other.id


class HistoryActivitiesModel(RowsTableModel):
    def make_columns(self) -> list[Column]:
        return [
            Column(
                self.tr("Date"),
                lambda a: format_datetime(a.starts_at),
                lambda a: a.starts_at.isoformat() if a.starts_at else "",
            ),
            Column(self.tr("Kind"), lambda a: a.kind.label()),
            Column(self.tr("Title"), lambda a: a.title or ""),
        ]


class HistoryObservationsModel(RowsTableModel):
    def make_columns(self) -> list[Column]:
        return [
            Column(
                self.tr("Time"),
                lambda o: format_datetime(o.observed_at),
                lambda o: o.observed_at.isoformat() if o.observed_at else "",
            ),
            Column(self.tr("Kind"), lambda o: o.kind.label() if o.kind else ""),
            Column(self.tr("Observation"), lambda o: o.text or ""),
        ]

    def row_id_of(self, observation) -> str:
        return observation.activity_id


class HistoryActionsModel(RowsTableModel):
    def make_columns(self) -> list[Column]:
        return [
            Column(
                self.tr("Due"),
                lambda a: format_date(a.due_date),
                lambda a: a.due_date.isoformat() if a.due_date else "9999",
            ),
            Column(self.tr("Action"), lambda a: a.text or ""),
            Column(self.tr("Status"), lambda a: a.status.label() if a.status else ""),
        ]


class OrganisationEditor(Editor):
    """An association, local council, business …: its details and the people who belong to it."""

    entity: Organisation

    def __init__(
        self, store: Store, organisation_id: str, lang: str, dialogs: Dialogs, parent=None, deleter=None
    ):
        super().__init__(store, Organisation, organisation_id, lang, dialogs, parent, deleter)
        self.heading.setText(self.entity.name or "")
        self.add_delete_button()
        form = self.new_form()
        self.add_row(form, "name")
        self.add_row(form, "kind", choices=[(k.label(lang), k.value) for k in OrganisationKind])
        self.area_row(form)
        self.add_row(form, "notes")
        self.outer.addLayout(form)
        self.outer.addWidget(self.tabs, 1)
        self.people_model = PeopleTableModel(self)
        table = record_table(self.people_model, self.tr("People"))
        table.setColumnHidden(PeopleTableModel.COL_ORGANISATION, True)
        table.doubleClicked.connect(lambda index: self.open_record.emit("people", index.data(ID_ROLE)))
        self.tabs.addTab(table, icon("people"), "")
        self._load_people()

    def _load_people(self) -> None:
        rows = self.store.person_rows(organisation_id=self.entity_id)
        self.people_model.set_rows(rows)
        self.tabs.setTabText(0, self.tr("People (%1)").replace("%1", str(len(rows))))

    def store_changed(self) -> None:
        super().store_changed()
        self._load_people()

    def after_save(self, names: set[str]) -> None:
        if "name" in names:
            self.heading.setText(self.entity.name or "")


class AreaEditor(Editor):
    entity: Area

    def __init__(self, store: Store, area_id: str, lang: str, dialogs: Dialogs, parent=None, deleter=None):
        super().__init__(store, Area, area_id, lang, dialogs, parent, deleter)
        self.heading.setText(self.entity.name or "")
        self.export_button = self.heading_button(self.tr("Export PDF…"), self.export_pdf, "pdf")
        self.add_delete_button()
        form = self.new_form()
        for name in ("name", "municipality"):
            self.add_row(form, name)
        self.add_row(form, "phase", choices=[(p.label(lang), p.value) for p in Phase])
        self.phase_explained = self._explanation()
        form.addRow("", self.phase_explained)
        self.add_row(form, "influence", choices=[(i.label(lang), i.value) for i in Influence])
        self.influence_explained = self._explanation()
        form.addRow("", self.influence_explained)
        self.add_row(form, "description")
        self.outer.addLayout(form)
        self._explain()
        self.inputs["phase"].edited.connect(self._explain)
        self.inputs["influence"].edited.connect(self._explain)
        self.outer.addWidget(self.tabs, 1)
        self.people_model = PeopleTableModel(self)
        table = record_table(self.people_model, self.tr("People"))
        table.doubleClicked.connect(lambda index: self.open_record.emit("people", index.data(ID_ROLE)))
        # Everyone here lives in this area: that column says nothing; the rest fits the width.
        people = PeopleTableModel
        table.setColumnHidden(people.COL_AREA, True)
        self.fitters = [
            ColumnFitter(
                table,
                people.COL_NAME,
                [people.COL_REVIEW, people.COL_ORGANISATION, people.COL_CONSENT, people.COL_STAGE],
                keep_hidden={people.COL_AREA},
            )
        ]
        self.tabs.addTab(table, icon("people"), "")
        self.activities_model = ActivityRowsModel(self)
        table = record_table(self.activities_model, self.tr("Activities"))
        table.doubleClicked.connect(lambda index: self.open_record.emit("activities", index.data(ID_ROLE)))
        rows = ActivityRowsModel
        table.setColumnHidden(rows.COL_AREA, True)
        self.fitters.append(ColumnFitter(table, rows.COL_TITLE, [rows.COL_KIND], keep_hidden={rows.COL_AREA}))
        self.tabs.addTab(table, icon("activities"), "")
        self.actions_model = ActionTableModel(self)
        table = record_table(self.actions_model, self.tr("Open actions"))
        table.doubleClicked.connect(lambda index: self.open_record.emit("actions", index.data(ID_ROLE)))
        acts = ActionTableModel
        self.fitters.append(
            ColumnFitter(
                table,
                acts.COL_TEXT,
                [acts.COL_STATUS, acts.COL_OWNER],
                keep_hidden={acts.COL_AREA, acts.COL_STATUS},
            )
        )
        self.tabs.addTab(table, icon("actions"), "")
        self.agency = AgencyPanel(store, lang, area_id, self)
        self.tabs.addTab(self.agency, icon("overview"), self.tr("Agency over time"))
        self.relmap = RelationalMapPanel(store, lang, area_id, self)
        self.relmap.open_record.connect(self.open_record)
        self.tabs.addTab(self.relmap, icon("people"), self.tr("Relational map"))
        self._load_related()

    def _load_related(self) -> None:
        """The area's people, activities and open actions, with their counts in the tab titles."""
        store, area_id = self.store, self.entity_id
        self.people_model.set_rows(store.person_rows(area_id=area_id))
        self.activities_model.set_rows(store.activity_rows(ActivityFilter(area_id=area_id), limit=500))
        self.actions_model.set_rows(store.action_rows(status=ActionStatus.OPEN, area_id=area_id))
        count = store.count_activities(ActivityFilter(area_id=area_id))
        self.tabs.setTabText(0, self.tr("People (%1)").replace("%1", str(self.people_model.rowCount())))
        self.tabs.setTabText(1, self.tr("Activities (%1)").replace("%1", str(count)))
        self.tabs.setTabText(
            2, self.tr("Open actions (%1)").replace("%1", str(self.actions_model.rowCount()))
        )

    def store_changed(self) -> None:
        super().store_changed()
        self._load_related()
        self.agency.refresh()
        self.relmap.refresh()

    def export_pdf(self) -> bool:
        self.flush()
        return self.exporter.export_area(self.entity_id, self.entity.name or "")

    def _explanation(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setEnabled(False)
        return label

    def _explain(self) -> None:
        phase = self.inputs["phase"].value()
        influence = self.inputs["influence"].value()
        self.phase_explained.setText(Phase(phase).explain(self.lang) if phase else "")
        self.influence_explained.setText(Influence(influence).explain(self.lang) if influence else "")

    def after_save(self, names: set[str]) -> None:
        if "name" in names:
            self.heading.setText(self.entity.name or "")


class ActionEditor(Editor):
    entity: Action

    def __init__(self, store: Store, action_id: str, lang: str, dialogs: Dialogs, parent=None, deleter=None):
        super().__init__(store, Action, action_id, lang, dialogs, parent, deleter)
        self.heading.setText(Action.display_name(lang).capitalize())
        self.add_delete_button()
        form = self.new_form()
        self.add_row(form, "text")
        self.add_row(form, "owner_id", widget=self.person_picker("owner_id"))
        self.add_row(form, "due_date")
        self.add_row(form, "status")
        self.add_row(form, "completed_at")
        self.area_row(form)
        self.outer.addLayout(form)
        source = self.entity.activity_id
        if source:
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("Came from:")))
            link = QPushButton(
                icon(str(store.get(Activity, source).kind)),
                lookups.record_title(store, "activities", source) or "",
            )
            link.setAccessibleName(self.tr("Open the activity this action came from"))
            link.clicked.connect(lambda: self.open_record.emit("activities", source))
            row.addWidget(link)
            row.addStretch(1)
            self.outer.addLayout(row)
        self.outer.addStretch(1)
