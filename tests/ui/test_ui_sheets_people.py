"""File ▸ Export spreadsheet and File ▸ Import people, driven as a user would."""

from __future__ import annotations

import os

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from test_people_import import member_list

from fieldapp.domain import Area, Person
from fieldapp.ui.people_import_view import PeopleImportDialog
from fieldapp.ui.sheet_export import CSV, SheetChoice, SheetExporter, SheetOptionsDialog


def test_export_spreadsheet_writes_a_public_workbook_and_offers_to_open_it(
    launch, notebook, dialogs, tmp_path, qtbot
):
    path, _ = notebook
    app = launch("--db", str(path), "--lang", "da")
    dialogs.save_as = str(tmp_path / "udtræk")
    assert app.window.export_spreadsheet(SheetChoice(lang="da"))
    exporter = app.window.findChild(SheetExporter)
    with qtbot.waitSignal(exporter.finished, timeout=20000) as done:
        pass
    target = tmp_path / "udtræk.xlsx"
    assert done.args == [target]
    workbook = load_workbook(target)
    assert workbook.sheetnames[0] == "Aktiviteter"
    assert dialogs.asked and "rækker skrevet til" in dialogs.asked[-1][1]
    assert not list(tmp_path.glob("*.partial")) and not list(tmp_path.glob(".*partial"))


def test_export_csv_files_into_a_folder(launch, notebook, dialogs, tmp_path, qtbot):
    path, _ = notebook
    app = launch("--db", str(path), "--lang", "en")
    dialogs.folder = str(tmp_path / "csv")
    app.window.export_spreadsheet(SheetChoice(lang="en", format=CSV))
    with qtbot.waitSignal(app.window.findChild(SheetExporter).finished, timeout=20000):
        pass
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "actions.csv",
        "activities.csv",
        "observations.csv",
        "participants.csv",
        "people.csv",
        "survey.csv",
    ]


def test_the_options_dialog_warns_legibly_before_an_internal_export(launch, notebook, qtbot):
    path, _ = notebook
    app = launch("--db", str(path), "--lang", "da")
    dialog = SheetOptionsDialog(app.store, "da", app.window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.warning.isHidden()
    dialog.internal.click()
    assert dialog.warning.isVisible() and "Intern" in dialog.warning.text()
    assert dialog.area.itemText(0) == "Alle områder" and dialog.area.count() == 3
    assert dialog.choice().internal and dialog.choice().area_id is None


def test_import_people_shows_the_plan_leaves_duplicates_out_and_imports(
    launch, notebook, dialogs, tmp_path, qtbot
):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "da")
    app.store.add(Person(name="Jens Ålund"))
    dialogs.files = [str(member_list(tmp_path / "medlemmer.xlsx"))]
    dialog = app.window.import_people()
    assert isinstance(dialog, PeopleImportDialog)
    assert [b.currentData() for b in dialog.column_boxes] == [
        "first_name",
        "last_name",
        "phone",
        "email",
        "roles",
    ]
    assert dialog.preview_model.rowCount() == 4
    assert dialog.duplicate_list.count() == 1
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Importér 3 personer"
    dialog.duplicate_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert ok.text() == "Importér 4 personer"
    dialog.duplicate_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    vestby = next(i for i in range(dialog.area.count()) if dialog.area.itemText(i) == "Vestbyen")
    dialog.area.setCurrentIndex(vestby)
    dialog.grab().save(str(tmp_path / "import_da.png"))
    before = app.store.count(Person)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.store.count(Person) == before + 3)
    soren = app.store.list(Person, "name = ?", ["Søren Ærøskøbing-Hansen"])[0]
    assert soren.area_id == app.store.list(Area, "name = 'Vestbyen'")[0].id
    assert dialogs.infos[-1][1] == "3 personer importeret. 1 sandsynlig dublet udeladt."


def test_a_file_that_is_not_a_list_is_one_sentence(launch, notebook, dialogs, tmp_path):
    path, _ = notebook
    app = launch("--db", str(path), "--lang", "da")
    bad = tmp_path / "liste.xlsx"
    bad.write_bytes(b"no")
    dialogs.files = [str(bad)]
    assert app.window.import_people() is None
    assert dialogs.errors == [("Importér personer", "liste.xlsx er ikke et gyldigt regneark.")]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_screens_of_the_export_and_import_dialogs(launch, notebook, dialogs, tmp_path, qtbot, lang):
    """The two dialogs on screen; with FELTBOG_SHOTS=DIR they are written to PNG for a person to see."""
    path, _ = notebook
    shots = os.environ.get("FELTBOG_SHOTS")
    app = launch("--db", str(path), "--lang", lang)
    dialog = SheetOptionsDialog(app.store, lang, app.window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.internal.click()
    qtbot.waitExposed(dialog)
    assert dialog.warning.isVisible()
    assert dialog.warning.sizeHint().width() <= dialog.width()
    if shots:
        dialog.grab().save(os.path.join(shots, f"sheet_options_{lang}.png"))
    dialogs.files = [str(member_list(tmp_path / "medlemmer.xlsx"))]
    people = app.window.import_people()
    qtbot.waitExposed(people)
    assert people.preview.isVisible() and people.ok_button.isEnabled()
    if shots:
        people.grab().save(os.path.join(shots, f"import_people_{lang}.png"))
    people.reject()
