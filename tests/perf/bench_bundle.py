"""Start-up of the PyInstaller bundle against running from source.

    python build_installer.py && python tests/perf/run.py --only bundle

Wall time from launching the process until the main window is shown and the event
loop idle (``--quit-when-idle``), on a demo notebook, offscreen; median of 5 after a
warm-up. Also the bundle's unpacked size and its ``--self-test`` time. Skipped with
a note when ``dist/Feltbog`` has not been built.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "Feltbog"
REPEAT = 5


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def _median(command: list[str], env: dict[str, str]) -> float:
    _timed(command, env)  # warm-up: disk cache, bytecode
    return statistics.median(_timed(command, env) for _ in range(REPEAT))


def run(args) -> list[dict]:
    executable = BUNDLE / "Feltbog"
    if not executable.exists():
        return [{"name": "bundle", "skipped": f"{executable} not built; run build_installer.py first"}]
    size = args.size or 200
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as home:
        env["FELTBOG_HOME"] = home
        notebook = Path(home) / "demo.sqlite"
        subprocess.run(
            [sys.executable, "-m", "fieldapp", "demo", str(notebook), "--size", str(size)],
            env=env,
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        app_args = ["--db", str(notebook), "--lang", "da", "--quit-when-idle"]
        source = _median([sys.executable, "-m", "fieldapp", *app_args], {**env, "PYTHONPATH": str(ROOT)})
        bundle = _median([str(executable), *app_args], env)
        self_test = _median([str(executable), "--self-test"], env)
    unpacked = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    return [
        {"name": "startup_source", "activities": size, "seconds": round(source, 3)},
        {
            "name": "startup_bundle",
            "activities": size,
            "seconds": round(bundle, 3),
            "ratio_to_source": round(bundle / source, 2),
        },
        {"name": "bundle_self_test", "seconds": round(self_test, 3)},
        {
            "name": "bundle_unpacked_size",
            "mb": round(unpacked / 1e6, 1),
            "target_mb": 150,
            "ok": unpacked / 1e6 < 150,
        },
    ]
