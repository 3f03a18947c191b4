"""Where Feltbog keeps things: one module, with an environment override.

``FELTBOG_HOME`` puts everything (notebook, backups, logs, settings) in one folder,
for tests and for portable use from a USB stick; otherwise the platform's own
folders are used (via platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from fieldapp import APP_NAME

HOME_ENV = "FELTBOG_HOME"
NOTEBOOK_FILENAME = "feltbog.sqlite"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    home = _home()
    return home if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    home = _home()
    return home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_notebook() -> Path:
    return data_dir() / NOTEBOOK_FILENAME


def ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
