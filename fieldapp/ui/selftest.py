"""The desktop part of ``--self-test``: Qt starts (offscreen), translations, icons, the main window.

A bundle that lacks a Qt plugin, the SVG module or the ``.qm`` files fails here,
while the core steps (``fieldapp.selftest``) would still pass.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from fieldapp import APP_NAME
from fieldapp.selftest import Workspace, _notebook
from fieldapp.ui.dialogs import Dialogs
from fieldapp.ui.icons import icon
from fieldapp.ui.translations import Translators, translations_dir


def step_ui(ws: Workspace) -> str:
    store = _notebook(ws)
    app = QApplication.instance() or QApplication([APP_NAME])
    translators = Translators(app)
    translators.apply("da")
    loaded = sorted(t.filePath().rsplit("/", 1)[-1] for t in translators.installed)
    if "feltbog_da.qm" not in loaded:
        raise AssertionError(
            f"feltbog_da.qm did not load from {translations_dir()} (loaded: {loaded or 'none'})"
        )
    app_icon = icon("feltbog")
    if app_icon.isNull() or app_icon.pixmap(32, 32).isNull():
        raise AssertionError("the app icon (SVG) could not be rendered")
    from fieldapp.ui.main_window import MainWindow

    settings = QSettings(str(ws.folder / "selvtest.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, settings, Dialogs(), "da")
    try:
        window.show()
        app.processEvents()
        if not window.isVisible():
            raise AssertionError("the main window did not show")
        title = window.windowTitle()
    finally:
        window.flush()
        window.close()
        window.deleteLater()
        app.processEvents()
    return f"{QGuiApplication.platformName()}, {', '.join(loaded)}, window {title!r}"
