"""Sync throughput: export and import of N field versions against a bare insert floor.

Targets (issue 5): export and import of 1,000,000 field versions in at most 10 s
each, and import at most 3x a bare ``executemany`` of the same rows into an empty
notebook. Also a colleague's 20 edits into the big notebook that import made (the
everyday case; it must not grow with the notebook).
Run: ``python tests/perf/run.py --only sync [--size N]``.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from fieldapp.domain import Activity, ActivityKind, Area, Observation, ObservationKind
from fieldapp.store import Store, changelog
from fieldapp.sync import export_file, import_file

DEFAULT_SIZE = 1_000_000
TARGET_S = 10.0
TARGET_FLOOR_FACTOR = 3.0
PASSPHRASE = "benchmark passphrase"
# A handful of edits from a colleague: the import should feel instant whatever the notebook's
# size (key derivation, one backup copy of the notebook and the commit make up most of it).
SMALL_EDITS = 20
SMALL_TARGET_S = 3.0


def _fill(store: Store, versions: int) -> None:
    """Areas, activities and observations until about ``versions`` field versions exist."""
    area = store.add(Area(name="Vestbyen", municipality="Aarhus"))

    def entities():
        made = 0
        while made < versions:
            activity = Activity(
                kind=ActivityKind.WALKABOUT,
                title=f"Byvandring {made}",
                area_id=area.id,
                starts_at="2026-05-01T10:00",
                place="Torvet",
                summary="Kort referat " * 8,
            )
            yield activity
            made += 6
            for n in range(8):
                yield Observation(
                    activity_id=activity.id,
                    kind=ObservationKind.HOPE if n % 2 else ObservationKind.CONCERN,
                    text=f"Observation {n} om legepladsen og stierne ved skolen",
                    place_text="Skolevej",
                    lat=56.15 + n / 1000,
                    lon=10.2,
                    votes=n,
                )
                made += 7

    store.bulk_add(entities())


def run(args) -> list[dict]:
    size = args.size or DEFAULT_SIZE
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "a").mkdir()
        (tmp / "b").mkdir()
        source = Store.open(tmp / "a" / "feltbog.sqlite")
        _fill(source, size)
        versions = changelog.max_seq(source)
        rows = source.conn.execute(
            "SELECT tbl, row_id, field, value, hlc, site, prev FROM field_versions ORDER BY seq"
        ).fetchall()

        start = time.perf_counter()
        summary = export_file(source, tmp / "out.feltsync", PASSPHRASE)
        export_s = time.perf_counter() - start
        size_mb = (tmp / "out.feltsync").stat().st_size / 1e6
        source.close()
        results.append(
            {
                "case": "export",
                "versions": summary.changes_out,
                "seconds": round(export_s, 2),
                "file_mb": round(size_mb, 1),
                "target_s": TARGET_S,
                "ok": export_s <= TARGET_S,
            }
        )

        floor_store = Store.open(tmp / "floor.sqlite")
        floor_store.close()
        conn = sqlite3.connect(tmp / "floor.sqlite", isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO field_versions (tbl, row_id, field, value, hlc, site, prev) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.execute("COMMIT")
        floor_s = time.perf_counter() - start
        conn.close()
        results.append({"case": "floor_executemany", "versions": len(rows), "seconds": round(floor_s, 2)})

        target = Store.open(tmp / "b" / "feltbog.sqlite")
        stages: dict[str, float] = {}
        last = [time.perf_counter(), None]

        def progress(stage: str, done: int, total: int) -> None:
            now = time.perf_counter()
            if last[1] is not None:
                stages[last[1]] = stages.get(last[1], 0.0) + now - last[0]
            last[0], last[1] = now, stage

        start = time.perf_counter()
        summary = import_file(target, tmp / "out.feltsync", PASSPHRASE, progress=progress)
        import_s = time.perf_counter() - start
        progress("end", 0, 0)

        # The everyday case: a colleague's few new changes into a big notebook.
        source = Store.open(tmp / "a" / "feltbog.sqlite")
        area = source.conn.execute("SELECT id FROM areas LIMIT 1").fetchone()[0]
        for number in range(SMALL_EDITS):
            source.update(Area, area, description=f"Lokalrådet mødes torsdag ({number})")
        small = export_file(source, tmp / "small.feltsync", PASSPHRASE)
        source.close()
        start = time.perf_counter()
        small_in = import_file(target, tmp / "small.feltsync", PASSPHRASE)
        small_s = time.perf_counter() - start
        target.close()
        factor = import_s / floor_s if floor_s else float("inf")
        results.append(
            {
                "case": "import",
                "versions": summary.changes_in,
                "rows": summary.rows_changed,
                "seconds": round(import_s, 2),
                "floor_factor": round(factor, 2),
                "stages": {k: round(v, 2) for k, v in stages.items()},
                "target_s": TARGET_S,
                "target_floor_factor": TARGET_FLOOR_FACTOR,
                "ok": import_s <= TARGET_S
                and factor <= TARGET_FLOOR_FACTOR
                and summary.changes_in == versions,
            }
        )
        results.append(
            {
                "case": "small_import_into_big_notebook",
                "versions": small_in.changes_in,
                "notebook_versions": versions + small.changes_out,
                "seconds": round(small_s, 2),
                "target_s": SMALL_TARGET_S,
                "ok": small_s <= SMALL_TARGET_S and small_in.changes_in == SMALL_EDITS,
            }
        )
    return results
