"""Editor: what one store change costs the window (every list, count and open editor re-reads).

    python tests/perf/run.py --only editor --size 2000

Each autosave commits, and the store's change signal makes the visible list, the counts
and the open editor re-read (``MainWindow.show_truth``). Measured in process, offscreen,
on a demo notebook of ``--size`` activities, with the people list and then the activity
list in front. Target: under 150 ms, so a pause in typing is not felt.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

TARGET_MS = 150


def run(args) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    size = args.size or 2000
    home = Path(tempfile.mkdtemp(prefix="feltbog-bench-editor-"))
    os.environ["FELTBOG_HOME"] = str(home)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from fieldapp.demo import build_demo
    from fieldapp.store import Store
    from fieldapp.ui.app import start
    from fieldapp.ui.dialogs import Dialogs

    path = home / "bench.sqlite"
    with Store.open(path) as store:
        build_demo(store, size=size)
        counts = store.counts()
    controller = start(["--db", str(path), "--lang", "da"], dialogs=Dialogs())
    window = controller.window
    figures = []
    try:
        window.resize(1280, 800)
        for page in ("activities", "people"):
            window.go(page)
        for page in ("people", "activities"):
            window.go(page).step(1)
            for _ in range(5):
                app.processEvents()
            times = []
            for _ in range(15):
                started = time.perf_counter()
                window.show_truth()
                times.append((time.perf_counter() - started) * 1000)
            median = statistics.median(times)
            figures.append(
                {
                    "figure": f"store change with the {page} list in front",
                    "activities": counts.get("activities"),
                    "people": counts.get("people"),
                    "median_ms": round(median, 1),
                    "max_ms": round(max(times), 1),
                    "target_ms": TARGET_MS,
                    "ok": median < TARGET_MS,
                }
            )
    finally:
        window.close()
        controller.shutdown()
    return figures
