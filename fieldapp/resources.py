"""Find the files of ``resources/`` (fonts, icons, translations) wherever Feltbog runs.

- a PyInstaller bundle: unpacked under ``sys._MEIPASS/resources`` (build_installer.py);
- an installed wheel: inside the package as ``fieldapp/_resources`` (pyproject.toml maps the
  repository's top-level ``resources/`` there; setup.py adds the compiled ``.qm`` files);
- a source checkout (also ``pip install -e .``): the repository's ``resources/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # PyInstaller unpacks data files under sys._MEIPASS
        return Path(bundle) / "resources"
    installed = _PACKAGE / "_resources"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "resources"


def is_source_checkout() -> bool:
    """True when running from the repository, where the ``.qm`` files may be (re)built in place."""
    return not getattr(sys, "_MEIPASS", None) and resources_dir() == _PACKAGE.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
