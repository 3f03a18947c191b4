"""Refresh the .ts sources from the UI code (run by hand after changing user-visible strings).

    python tools/update_translations.py

Runs ``pyside6-lupdate`` over ``fieldapp/ui`` for every ``resources/translations/*.ts`` without
source locations (so two branches that add strings do not conflict on line numbers) and drops
strings the code no longer has; the English file keeps only plural forms. Then fill new messages
with ``tools/fill_translations.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    tool = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    if tool is None:
        print("pyside6-lupdate not found (pip install PySide6-Essentials)", file=sys.stderr)
        return 1
    sources = sorted(str(p) for p in (ROOT / "fieldapp" / "ui").rglob("*.py"))
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        cmd = [tool, *sources, "-locations", "none", "-no-obsolete", "-ts", str(ts)]
        if ts.stem.endswith("_en"):
            cmd.insert(-2, "-pluralonly")  # English is the source language: only %n forms
        subprocess.run(cmd, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
