"""PDF export from the editors and the File menu: options, a worker thread, progress, cancel, open it."""

from __future__ import annotations

import json
from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from fieldapp.domain import Activity, Person
from fieldapp.ui.report_export import AREA, ReportChoice, ReportOptionsDialog

EXPORT_TIMEOUT_MS = 20000


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_an_activity_report_is_exported_from_its_editor_and_offered_for_opening(
    launch, notebook, dialogs, qtbot, tmp_path
):
    path, ids = notebook
    dialogs.save_as = str(tmp_path / "byvandring")  # no suffix typed: .pdf is added
    app = launch("--db", str(path), "--lang", "da")
    editor = app.window.open_record("activities", ids["first"])
    with qtbot.waitSignal(editor.exporter.finished, timeout=EXPORT_TIMEOUT_MS) as done:
        qtbot.mouseClick(editor.export_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "byvandring.pdf"
    assert done.args == [target]
    text = pdf_text(target)
    assert "Aktivitetsrapport" in text and "Bænken ved legepladsen er væk" in text
    assert dialogs.asked[-1][0] == "PDF klar" and str(target) in dialogs.asked[-1][1]
    assert [url.toLocalFile() for url in dialogs.opened_urls] == [str(target)]
    assert dialogs.errors == []


def test_the_file_menu_exports_the_open_areas_internal_report_in_english_for_a_period(
    launch, notebook, dialogs, qtbot, tmp_path
):
    path, ids = notebook
    dialogs.save_as = str(tmp_path / "give.pdf")
    dialogs.report_choice = ReportChoice("en", internal=True, start=date(2026, 1, 1), end=date(2026, 12, 31))
    dialogs.ask_answer = False  # "Close" rather than "Open the PDF"
    app = launch("--db", str(path), "--lang", "da")
    editor = app.window.open_record("areas", ids["give"])
    with qtbot.waitSignal(editor.exporter.finished, timeout=EXPORT_TIMEOUT_MS):
        app.window.export_action.trigger()
    text = pdf_text(tmp_path / "give.pdf")
    assert "Area report" in text and "Give" in text and "Internal" in text
    assert dialogs.opened_urls == []


def test_switching_records_during_an_export_does_not_stop_it(launch, notebook, dialogs, qtbot, tmp_path):
    path, ids = notebook
    dialogs.save_as = str(tmp_path / "imens.pdf")
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("activities", ids["first"])
    exporter = editor.exporter
    other = next(a.id for a in app.store.list(Activity) if a.id != ids["first"])
    with qtbot.waitSignal(exporter.finished, timeout=EXPORT_TIMEOUT_MS) as done:
        editor.export_button.click()
        app.window.open_record("activities", other)  # the exporting editor is replaced and deleted
        qtbot.waitUntil(lambda: app.window.current_editor().entity_id == other)
    assert done.args == [tmp_path / "imens.pdf"]
    assert "Activity report" in pdf_text(tmp_path / "imens.pdf")


def test_an_empty_period_is_one_sentence_and_leaves_no_file(launch, notebook, dialogs, qtbot, tmp_path):
    path, ids = notebook
    dialogs.save_as = str(tmp_path / "tom.pdf")
    dialogs.report_choice = ReportChoice("da", start=date(2020, 1, 1), end=date(2020, 2, 1))
    app = launch("--db", str(path), "--lang", "da")
    editor = app.window.open_record("areas", ids["vestby"])
    with qtbot.waitSignal(editor.exporter.finished, timeout=EXPORT_TIMEOUT_MS) as done:
        editor.export_button.click()
    assert done.args == [None]
    [(title, message)] = dialogs.errors
    assert title == "PDF'en blev ikke lavet"
    assert message == "Der er ingen aktiviteter i Vestbyen i perioden 1. januar 2020 – 1. februar 2020."
    assert list(tmp_path.glob("tom*")) == []


def test_cancel_in_the_progress_dialog_stops_the_export_and_writes_nothing(
    launch, notebook, dialogs, qtbot, tmp_path
):
    path, ids = notebook
    dialogs.save_as = str(tmp_path / "afbrudt.pdf")
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("activities", ids["first"])
    exporter = editor.exporter
    # Press Cancel the moment the job exists, before its thread has done any work.
    exporter.job_started.connect(lambda _job: exporter.progress.findChild(QPushButton).click())
    with qtbot.waitSignal(exporter.finished, timeout=EXPORT_TIMEOUT_MS) as done:
        editor.export_button.click()
    assert done.args == [None]
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(("afbrudt", ".afbrudt"))]
    assert dialogs.errors == [] and dialogs.asked == []


def test_right_of_access_writes_the_person_report_and_json(launch, notebook, dialogs, qtbot, tmp_path):
    path, ids = notebook
    dialogs.save_as = str(tmp_path / "indsigt.pdf")
    app = launch("--db", str(path), "--lang", "da")
    editor = app.window.open_record("people", ids["hanne"])
    with qtbot.waitSignal(editor.exporter.finished, timeout=EXPORT_TIMEOUT_MS):
        qtbot.mouseClick(editor.access_button, Qt.MouseButton.LeftButton)
    assert "Hanne Østergaard" in pdf_text(tmp_path / "indsigt.pdf")
    data = json.loads((tmp_path / "indsigt.json").read_text(encoding="utf-8"))
    assert "Hanne Østergaard" in json.dumps(data, ensure_ascii=False)


def test_the_options_dialog_warns_about_names_and_gives_the_period(qtbot):
    dialog = ReportOptionsDialog(AREA, "da", today=date(2026, 6, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.warning.isHidden()
    qtbot.mouseClick(dialog.internal, Qt.MouseButton.LeftButton)
    assert dialog.warning.isVisible() and "navne" in dialog.warning.text()
    assert dialog.choice() == ReportChoice("da", True, None, None)
    dialog.start_on.setChecked(True)
    dialog.end_on.setChecked(True)
    dialog.language.setCurrentIndex(1)
    assert dialog.choice() == ReportChoice("en", True, date(2026, 1, 1), date(2026, 6, 1))


def test_withdrawing_consent_is_recorded_and_shown(launch, notebook, dialogs, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "da")
    app.store.update(Person, ids["hanne"], may_be_named=True, may_contact=True)
    editor = app.window.open_record("people", ids["hanne"])
    assert editor.inputs["may_be_named"].value() is True
    qtbot.mouseClick(editor.withdraw_button, Qt.MouseButton.LeftButton)
    assert "Hanne Østergaard" in dialogs.confirms[-1][1]
    person = app.store.get(Person, ids["hanne"])
    assert person.consent_withdrawn_at == date.today()
    assert person.may_be_named is False and person.may_contact is False
    assert editor.inputs["consent_withdrawn_at"].value() == date.today()
    assert editor.inputs["may_be_named"].value() is False
    assert not editor.withdraw_button.isEnabled()


def _luminance(colour) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def _contrast(image) -> float:
    """Contrast ratio between the label's background (its most common colour) and its darkest
    or lightest text pixel, whichever differs more (WCAG formula)."""
    from collections import Counter

    from PySide6.QtGui import QColor

    pixels = Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    lb = _luminance(background)
    best = 1.0
    for rgb in pixels:
        lt = _luminance(QColor.fromRgb(rgb))
        best = max(best, (max(lb, lt) + 0.05) / (min(lb, lt) + 0.05))
    return best


def test_the_internal_warning_is_legible_in_light_and_dark_mode(qtbot, tmp_path):
    """Issue 13.2: the warning's text has at least WCAG AA contrast (4.5:1) on both palettes."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QColor, QPalette

    dark = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1f1f1f"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
    ):
        dark.setColor(role, QColor(colour))
    for name, palette in (("light", QPalette(QColor("#f0f0f0"))), ("dark", dark)):
        dialog = ReportOptionsDialog(AREA, "da", today=date(2026, 6, 1))
        qtbot.addWidget(dialog)
        dialog.setPalette(palette)
        dialog.setAutoFillBackground(True)
        dialog.show()
        dialog.internal.setChecked(True)
        qtbot.waitUntil(dialog.warning.isVisible)
        dialog.grab().save(str(tmp_path / f"export-dialog-{name}.png"))
        # As it appears on the dialog (a widget grabbed alone is drawn on a default background).
        area = QRect(dialog.warning.mapTo(dialog, QPoint(0, 0)), dialog.warning.size())
        assert _contrast(dialog.grab(area).toImage()) >= 4.5, name
