"""Lists: lazy paging, filters, the quick filter, and every item model checked by qtmodeltester."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from conftest import fill_notebook
from PySide6.QtCore import QModelIndex, Qt

from fieldapp.domain import Activity, ActivityKind
from fieldapp.store import Store, lookups
from fieldapp.ui.editors import (
    HistoryActionsModel,
    HistoryActivitiesModel,
    HistoryObservationsModel,
    RelationsModel,
)
from fieldapp.ui.list_models import (
    ActionTableModel,
    ActivityRowsModel,
    ActivityTableModel,
    AreaTableModel,
    ContactTableModel,
    PeopleTableModel,
    PipelineModel,
)
from fieldapp.ui.observations import ObservationTableModel
from fieldapp.ui.panels import ParticipantsModel, PhotosModel, SurveyModel
from fieldapp.ui.search_view import SearchResultsModel


@pytest.fixture
def big_notebook(home):
    """The small notebook plus 600 bulk-loaded walkabouts."""
    path = home / "big.sqlite"
    ids = fill_notebook(path)
    store = Store.open(path)
    start = datetime(2025, 1, 1, 9, 0)
    store.bulk_add(
        Activity(
            kind=ActivityKind.WALKABOUT,
            title=f"Runde {n}",
            starts_at=start + timedelta(hours=n),
            area_id=ids["give"],
        )
        for n in range(600)
    )
    store.close()
    return path, ids


def test_activities_are_fetched_a_page_at_a_time_as_the_list_scrolls(launch, big_notebook, qtbot):
    path, _ids = big_notebook
    app = launch("--db", str(path), "--lang", "en")
    view = app.window.go("activities")
    model = view.model
    assert model.total == 606
    assert model.rowCount() < model.total and model.canFetchMore(QModelIndex())
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() >= 400)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 606
    assert len({model.row_id(r) for r in range(606)}) == 606, "no row twice, none lost between pages"
    assert view.count_label.text() == "606 of 606 shown"


def test_activity_filters_by_kind_area_text_and_dates(launch, big_notebook, qtbot):
    path, ids = big_notebook
    app = launch("--db", str(path), "--lang", "en")
    view = app.window.go("activities")
    view.kind.setCurrentIndex(view.kind.findData(ActivityKind.ONE_TO_ONE.value))
    assert view.model.total == 2
    assert {view.model.index(r, view.model.COL_KIND).data() for r in range(view.model.rowCount())} == {
        "1:1 talk"
    }
    view.kind.setCurrentIndex(0)
    qtbot.keyClicks(view.quick, "Runde 59")
    qtbot.waitUntil(lambda: view.model.total == 1 + 10, timeout=2000)  # Runde 59 and Runde 590–599
    view.quick.clear()
    view.area.setCurrentIndex(view.area.findData(ids["vestby"]))
    qtbot.waitUntil(lambda: view.model.total == 3, timeout=2000)
    view.area.setCurrentIndex(0)
    qtbot.keyClicks(view.date_from.edit, "3.5.26")  # typed as Danes type it
    qtbot.waitUntil(lambda: view.model.total == 2, timeout=2000)  # the two newest of the small notebook
    assert view.use_from.isChecked()
    qtbot.keyClicks(view.date_to.edit, "03052026")
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=2000)
    view.use_from.setChecked(False)
    view.use_to.setChecked(False)
    assert view.date_from.edit.text() == ""
    view.theme.setCurrentIndex(view.theme.findData("legeplads"))
    assert view.model.total == 1 and view.model.row_id(0) == ids["first"]


def test_sorting_the_activities_by_title_is_done_by_the_notebook(launch, big_notebook):
    path, _ids = big_notebook
    app = launch("--db", str(path), "--lang", "en")
    view = app.window.go("activities")
    view.table.sortByColumn(ActivityTableModel.COL_TITLE, Qt.SortOrder.AscendingOrder)
    titles = [view.model.index(r, ActivityTableModel.COL_TITLE).data() for r in range(5)]
    assert titles == ["Møde nummer 0", "Møde nummer 1", "Møde nummer 2", "Møde nummer 3", "Møde nummer 4"]


def test_people_quick_filter_and_stage_filter(launch, notebook, qtbot):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", "da")
    view = app.window.go("people")
    assert view.proxy.rowCount() == 3
    qtbot.keyClicks(view.quick, "østergaard")
    assert view.proxy.rowCount() == 1
    assert view.proxy.index(0, 0).data() == "Hanne Østergaard"
    view.quick.clear()
    view.stage_filter.setCurrentIndex(view.stage_filter.findData("emerging"))
    assert [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())] == ["Jens Ærø"]
    assert view.count_label.text() == "1 af 1 vist"


def test_next_and_previous_record_walk_through_the_list(launch, notebook, qtbot):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    window = app.window
    view = window.go("activities")
    qtbot.keyClick(window, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    first = window.current_editor().entity_id
    qtbot.keyClick(window, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    second = window.current_editor()
    assert first != second.entity_id
    assert view.detail.flash_label.isVisible(), "the new record's title flashes"
    assert view.detail.flash_label.text() == second.entity.title
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.current_editor().entity_id == first
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    assert window.current_editor().entity_id == second.entity_id
    qtbot.waitUntil(lambda: not view.detail.flash_label.isVisible(), timeout=3000)


def test_overview_rows_open_their_records(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    overview = app.window.go("overview")
    assert overview.boxes["overdue"].title() == "Overdue actions (1)"
    table = overview.tables["overdue"]
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert app.window.current_key() == "actions"
    assert app.window.current_editor().inputs["text"].value() == "Ring til lokalrådet"
    pipeline = overview.pipeline
    assert pipeline.headerData(4, Qt.Orientation.Horizontal) == "Leader"


def test_every_model_passes_qtmodeltester(qtmodeltester, home, qtbot):
    path = home / "models.sqlite"
    ids = fill_notebook(path)
    store = Store.open(path)
    try:
        activity = ids["first"]
        store.add_participant(activity, ids["hanne"])
        store.ensure_survey(activity, "en")
        lookups.add_relation(store, ids["hanne"], ids["staff"], "knows")
        today = date.today()
        tables = [
            (ActionTableModel(), store.action_rows()),
            (ActivityRowsModel(), store.recent_activities()),
            (PeopleTableModel(), store.person_rows()),
            (AreaTableModel(), store.area_rows()),
            (ContactTableModel(), store.people_not_contacted(today)),
            (RelationsModel(), lookups.relations_of(store, ids["hanne"])),
            (HistoryActivitiesModel(), store.person_history(ids["staff"]).activities),
            (HistoryObservationsModel(), []),
            (HistoryActionsModel(), store.person_history(ids["staff"]).actions),
        ]
        for model, rows in tables:
            model.set_rows(rows)
            qtmodeltester.check(model, force_py=True)
        pipeline = PipelineModel()
        pipeline.set_rows(store.leadership_pipeline())
        qtmodeltester.check(pipeline, force_py=True)
        lazy = ActivityTableModel(store)
        lazy.refresh()
        qtmodeltester.check(lazy, force_py=True)
        search = SearchResultsModel()
        search.set_hits(store.search("legeplads* OR vestbyen", highlight=("\x02", "\x03")))
        qtmodeltester.check(search, force_py=True)
        for model in (
            ObservationTableModel(store, activity, with_votes=True),
            ParticipantsModel(store, activity),
            SurveyModel(store, activity, "en"),
            PhotosModel(store, activity),
        ):
            qtmodeltester.check(model, force_py=True)
    finally:
        store.close()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_list_fits_at_1280_by_800_without_sideways_scrolling_and_the_title_stays(
    launch, notebook, qtbot, lang
):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", lang)
    window = app.window
    window.resize(1280, 800)
    titles = {"activities": 1, "people": 0, "areas": 0, "actions": 1}
    for page, title in titles.items():
        view = window.go(page)
        view.step(1)  # a record open beside the list, as in use
        qtbot.waitUntil(lambda v=view: v.table.viewport().width() > 0)
        qtbot.wait(20)
        header = view.table.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        assert title in shown, page
        assert header.sectionSize(title) >= 150, (page, header.sectionSize(title))
        assert sum(header.sectionSize(c) for c in shown) <= view.table.viewport().width() + 1, page
