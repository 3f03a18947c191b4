"""Spreadsheets and the relational map: ``python tests/perf/run.py --only beyond [--size N]``.

- ``xlsx_export``: the public and the internal workbook of a demo notebook of ``--size``
  activities (default 10,000; the target is set for 100,000: at most 20 s and 500 MB). Each
  export runs in a child process so its peak memory (max RSS) is its own.
- ``relmap``: an area with 2,000 people in 40 organisations, 600 activities and 1,500
  relations; the map is read and laid out, drawn into a Qt scene and painted offscreen, and
  drawn as the report's figure (target: at most 1 s to a drawn map).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

XLSX_TARGET_S = 20.0
XLSX_TARGET_MB = 500
RELMAP_TARGET_S = 1.0
TODAY = date(2026, 11, 1)
CACHE = Path(__file__).resolve().parents[2] / "perf-out"

CHILD = """
import resource, sys, time
from pathlib import Path
from fieldapp.reports.spreadsheet import sheets, write_xlsx
from fieldapp.store import Store
from fieldapp.store.tabular import Scope
store = Store.open(Path(sys.argv[1]))
internal = sys.argv[3] == "1"
started = time.perf_counter()
built = sheets(store, Scope(), lang="da", internal=internal)
written = write_xlsx(built, Path(sys.argv[2]), lang="da", internal=internal)
elapsed = time.perf_counter() - started
print(elapsed, written.rows, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def _demo(size: int) -> Path:
    """A demo notebook of ``size`` activities, built once and kept in perf-out/ (a ``.done``
    marker says it is whole; the notebook is built in place so its erasure ledger stays beside it)."""
    from fieldapp.demo import build_demo
    from fieldapp.store import Store

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"demo-{size}.sqlite"
    done = path.with_suffix(".done")
    if not done.exists():
        for old in CACHE.glob(f"demo-{size}.sqlite*"):
            old.unlink()
        store = Store.open(path)
        build_demo(store, size=size, seed=1, today=TODAY)
        store.close()
        done.touch()
    return path


def xlsx_figures(size: int) -> list[dict]:
    notebook = _demo(size)
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        for internal in (False, True):
            target = Path(folder) / "out.xlsx"
            env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(notebook), str(target), "1" if internal else "0"],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            elapsed, rows, peak_mb = done.stdout.split()
            figures.append(
                {
                    "name": "xlsx_export",
                    "activities": size,
                    "internal": internal,
                    "rows": int(rows),
                    "seconds": round(float(elapsed), 2),
                    "peak_mb": int(peak_mb),
                    "file_mb": round(target.stat().st_size / 1e6, 1),
                    "target": f"<= {XLSX_TARGET_S} s and <= {XLSX_TARGET_MB} MB at 100,000 activities",
                    "ok": float(elapsed) <= XLSX_TARGET_S and int(peak_mb) <= XLSX_TARGET_MB,
                }
            )
    return figures


def _big_area(store, people: int = 2000, seed: int = 3) -> str:
    from fieldapp.domain import (
        Activity,
        ActivityKind,
        Area,
        LeadershipStage,
        Organisation,
        Participant,
        ParticipantRole,
        Person,
        Relation,
        RelationKind,
    )

    rng = random.Random(seed)
    area = store.add(Area(name="Storby"))
    orgs = [Organisation(name=f"Forening {i}", area_id=area.id) for i in range(40)]
    store.bulk_add(orgs)
    stages = list(LeadershipStage)
    crowd = [
        Person(
            name=f"Borger {i}",
            area_id=area.id,
            organisation_id=rng.choice(orgs).id if rng.random() < 0.7 else None,
            leadership_stage=rng.choices(stages, weights=[70, 15, 10, 5])[0],
        )
        for i in range(people)
    ]
    store.bulk_add(crowd)
    activities, taking_part = [], []
    start = datetime(2025, 1, 1, 10)
    for i in range(600):
        activity = Activity(
            kind=rng.choice([ActivityKind.WALKABOUT, ActivityKind.LISTENING_MEETING]),
            title=f"Aktivitet {i}",
            area_id=area.id,
            starts_at=start + timedelta(days=i),
        )
        activities.append(activity)
        for person in rng.sample(crowd, rng.randint(5, 25)):
            taking_part.append(
                Participant(
                    id=Participant.key(activity.id, person.id),
                    activity_id=activity.id,
                    person_id=person.id,
                    role=ParticipantRole.RESIDENT,
                )
            )
    store.bulk_add(activities)
    store.bulk_add(taking_part)
    relations = {}
    while len(relations) < 1500:
        a, b = rng.sample(crowd, 2)
        kind = rng.choice([RelationKind.KNOWS, RelationKind.SUGGESTED])
        key = Relation.key(a.id, b.id, kind.value)
        relations[key] = Relation(id=key, from_person_id=a.id, to_person_id=b.id, kind=kind)
    store.bulk_add(relations.values())
    return area.id


def relmap_figures() -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication, QGraphicsScene
    from reportlab.graphics import renderPDF

    from fieldapp.reports.options import Context, ReportOptions
    from fieldapp.reports.relmap_figure import relmap_drawing
    from fieldapp.store import Store
    from fieldapp.store.relmap import relational_map
    from fieldapp.ui.relmap_view import draw_map

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "map.sqlite")
        area_id = _big_area(store)
        started = time.perf_counter()
        relmap = relational_map(store, area_id)
        read = time.perf_counter()
        scene = QGraphicsScene()
        draw_map(scene, relmap, QColor("black"), "da", "Uden organisation")
        image = QImage(1280, 800, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        scene.render(painter)
        painter.end()
        drawn = time.perf_counter()
        drawing = relmap_drawing(relmap, Context(ReportOptions(lang="da"), 480))
        renderPDF.drawToString(drawing)
        figure_done = time.perf_counter()
        store.close()
    del app
    return [
        {
            "name": "relmap",
            "people": len(relmap.people),
            "edges": len(relmap.edges),
            "read_and_layout_s": round(read - started, 3),
            "qt_scene_and_paint_s": round(drawn - read, 3),
            "to_drawn_map_s": round(drawn - started, 3),
            "pdf_figure_s": round(figure_done - drawn, 3),
            "target": f"<= {RELMAP_TARGET_S} s to a drawn map of 2,000 people",
            "ok": drawn - started <= RELMAP_TARGET_S,
        }
    ]


def run(args) -> list[dict]:
    return relmap_figures() + xlsx_figures(args.size or 10_000)
