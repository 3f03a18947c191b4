"""Qt translations: build ``.qm`` from the ``.ts`` sources and install translators.

English is the source language. ``build_translations`` runs ``pyside6-lrelease`` on
every ``resources/translations/*.ts`` whose ``.qm`` is missing or older; it is used
at start-up in a source checkout only (an installed wheel carries its ``.qm`` files,
built by setup.py; nothing is written into an install) and by the installer build.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fieldapp.domain import i18n as vocabulary
from fieldapp.resources import is_source_checkout, resource_path

logger = logging.getLogger(__name__)

LANGUAGES = ("da", "en")


def translations_dir() -> Path:
    return resource_path("translations")


def _lrelease() -> list[str] | None:
    for candidate in (
        Path(sys.executable).with_name("pyside6-lrelease"),
        Path(sys.executable).with_name("pyside6-lrelease.exe"),
    ):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def stale_sources(folder: Path | None = None) -> list[Path]:
    folder = folder or translations_dir()
    stale = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            stale.append(ts)
    return stale


def build_translations(folder: Path | None = None, *, force: bool = False) -> list[Path]:
    """Compile ``.ts`` to ``.qm`` where needed; returns the ``.qm`` files written."""
    folder = folder or translations_dir()
    sources = sorted(folder.glob("*.ts")) if force else stale_sources(folder)
    if not sources:
        return []
    tool = _lrelease()
    if tool is None:
        logger.warning("pyside6-lrelease not found; translations not rebuilt")
        return []
    written = []
    for ts in sources:
        qm = ts.with_suffix(".qm")
        result = subprocess.run([*tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True)
        if result.returncode != 0 or not qm.exists():
            logger.warning("lrelease failed for %s: %s", ts, result.stderr.strip())
            continue
        written.append(qm)
    return written


def system_language() -> str:
    return "da" if QLocale.system().name().lower().startswith("da") else "en"


class Translators:
    """Installs Qt's own ``qtbase_da`` and then ours; switching language swaps both."""

    # Shared: there is one QApplication per process, whoever installed its translators.
    installed: list[QTranslator] = []

    def __init__(self, app: QCoreApplication):
        self.app = app
        self.language = "en"

    def apply(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}")
        for translator in self.installed:
            self.app.removeTranslator(translator)
        self.installed.clear()
        vocabulary.set_language(lang)
        QLocale.setDefault(
            QLocale(
                QLocale.Language.Danish if lang == "da" else QLocale.Language.English,
                QLocale.Country.Denmark if lang == "da" else QLocale.Country.UnitedKingdom,
            )
        )
        self.language = lang
        if is_source_checkout():
            build_translations()
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Qt's own strings first (English needs none); feltbog_en only holds English plural forms.
        wanted = [(f"feltbog_{lang}", str(translations_dir()))]
        if lang != "en":
            wanted.insert(0, (f"qtbase_{lang}", qt_folder))
        for name, folder in wanted:
            translator = QTranslator(self.app)
            if translator.load(name, folder):
                self.app.installTranslator(translator)
                self.installed.append(translator)
            else:
                logger.warning("translation %s not found in %s", name, folder)
