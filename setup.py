"""The one build step pyproject.toml cannot declare: compile the translations into the wheel.

Everything else about the package is in pyproject.toml. ``resources/`` stays at the top of
the repository and is shipped inside the package as ``fieldapp/_resources`` (package-dir
mapping there); this ``build_py`` adds the ``.qm`` files, compiled from
``resources/translations/*.ts`` by Qt's ``lrelease`` (from PySide6, a build requirement),
into the build folder: never into the source tree, and never at start-up into an install.
A build that cannot compile them stops instead of making a wheel without translations.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SOURCES = ROOT / "resources" / "translations"


def lrelease() -> list[str]:
    """Qt's translation compiler: beside this Python, inside PySide6, or on PATH."""
    scripts = Path(sys.executable).parent
    candidates = [scripts / "pyside6-lrelease", scripts / "pyside6-lrelease.exe"]
    spec = importlib.util.find_spec("PySide6")  # found, not imported: no Qt libraries loaded
    if spec is not None and spec.origin:
        package = Path(spec.origin).parent
        candidates += [package / "lrelease", package / "lrelease.exe"]
    for candidate in candidates:
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return [found]
    raise SystemExit(
        "setup.py: pyside6-lrelease not found; it comes with PySide6-Essentials (pip install it)"
    )


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "fieldapp" / "_resources" / "translations"
        target.mkdir(parents=True, exist_ok=True)
        tool = lrelease()
        for ts in sorted(SOURCES.glob("*.ts")):
            qm = target / ts.with_suffix(".qm").name
            done = subprocess.run(
                [*tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False
            )
            if done.returncode != 0 or not qm.is_file():
                raise SystemExit(f"setup.py: lrelease failed for {ts.name}: {done.stderr.strip()}")
            print(f"compiled {ts.name} -> {qm}")


setup(cmdclass={"build_py": BuildWithTranslations})
