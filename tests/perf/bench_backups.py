"""Backups of a big notebook: time and size of each kind of copy, and the total the default
rotation keeps.

    python tests/perf/run.py --only backups --size 100000

Takes one real copy of each codec (the daily xz copy, the gzip copy taken before an
import or by hand) of the demo notebook of ``--size`` activities (see bench_ui.notebook),
then works out what the default rotation keeps: 7 daily + 4 weekly copies and the newest
3 before-import copies (the steady state of a team that syncs every day), and what the
size budget (``BUDGET_FACTOR`` x the notebook) leaves of them. Also: how long a copy holds
the app's connection waiting (it should not: edits are timed while the copy runs).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path


def run(args) -> list[dict]:
    from bench_ui import notebook

    from fieldapp.domain import Person
    from fieldapp.store import Store, backups

    size = args.size or 100_000
    source = notebook(size)
    results = []
    with tempfile.TemporaryDirectory(dir=source.parent) as scratch:
        path = Path(scratch) / "feltbog.sqlite"
        shutil.copyfile(source, path)
        notebook_bytes = path.stat().st_size
        made = {}
        with Store.open(path) as store:
            for kind in ("daily", "before-import"):
                edits: list[float] = []
                stop = threading.Event()

                def type_meanwhile(stop=stop, edits=edits) -> None:
                    # What autosave does while the copy runs: one small edit every 300 ms, on
                    # a connection of its own (the app's, in the real app).
                    with Store.open(path) as typing:
                        while not stop.wait(0.3):
                            started = time.perf_counter()
                            typing.add(Person(name="Skrevet under kopieringen"))
                            edits.append((time.perf_counter() - started) * 1000)

                typist = threading.Thread(target=type_meanwhile)
                typist.start()
                started = time.perf_counter()
                try:
                    made[kind] = backups.backup_now(store, kind)
                finally:
                    stop.set()
                    typist.join()
                seconds = time.perf_counter() - started
                results.append(
                    {
                        "name": f"backup_{kind}",
                        "activities": size,
                        "codec": backups.CODEC_OF_KIND.get(kind, "none"),
                        "seconds": round(seconds, 1),
                        "mb": round(made[kind].stat().st_size / 1e6, 1),
                        "ratio_to_notebook": round(made[kind].stat().st_size / notebook_bytes, 3),
                        "edits_during_copy": len(edits),
                        "slowest_edit_ms": round(max(edits), 1) if edits else None,
                    }
                )
        started = time.perf_counter()
        backups.unpack(made["daily"], Path(scratch) / "unpacked.sqlite")
        results.append(
            {
                "name": "unpack_daily_copy",
                "activities": size,
                "seconds": round(time.perf_counter() - started, 1),
            }
        )
        daily, imports = made["daily"].stat().st_size, made["before-import"].stat().st_size
        # The default rotation's steady state, as plan_rotation sees it.
        today = date(2026, 6, 30)
        copies = [
            backups._Found(Path(f"d{n}"), "daily", datetime(2026, 6, 30, 9) - timedelta(days=n), daily)
            for n in range(60)
        ] + [
            backups._Found(
                Path(f"i{n}"), "before-import", datetime(2026, 6, 30, 8) - timedelta(hours=n), imports
            )
            for n in range(10)
        ]
        budget = int(backups.BUDGET_FACTOR * notebook_bytes)
        kept = [c for c in copies if c.path in backups.plan_rotation(copies, today, budget)]
        unbounded = [c for c in copies if c.path in backups.plan_rotation(copies, today)]
        results.append(
            {
                "name": "backups_total_default_rotation",
                "activities": size,
                "notebook_mb": round(notebook_bytes / 1e6, 1),
                "copies_kept": len(kept),
                "total_mb": round(sum(c.size for c in kept) / 1e6, 1),
                "ratio_to_notebook": round(sum(c.size for c in kept) / notebook_bytes, 2),
                "without_budget_copies": len(unbounded),
                "without_budget_ratio": round(sum(c.size for c in unbounded) / notebook_bytes, 2),
                "target_ratio": 2.0,
                # Before: plain copies, 7 daily + 4 weekly kept, plus the sync's own 5.
                "before_ratio": 16.0,
            }
        )
    return results
