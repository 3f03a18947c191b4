"""Routes of any shape: a GPX file imported, its photos and observations placed, the route drawn
in the PDF figure and in the Qt route view (issue 16.1: ≤ 2 s and ≤ 300 MB for up to 100,000 points).

Each shape runs in its own process, so ``peak_mb`` is that process's peak resident memory
(Python, Qt and reportlab included). ``--size`` sets the number of track points (default 100,000).
"""

from __future__ import annotations

import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

TARGET_S = 2.0
TARGET_MB = 300
ITEMS = 200  # photos and observations on the walk, half placed by GPS, half by time
T0 = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # the night Denmark goes to summer time
SHAPES = (
    tuple(os.environ.get("ROUTE_SHAPES", "").split(","))
    if os.environ.get("ROUTE_SHAPES")
    else ("walk", "loop", "standing_still", "scatter", "hop_460km_4_points", "hop_4000km")
)


def _points(shape: str, n: int, rng: random.Random) -> list[tuple[float, float, datetime | None]]:
    lat0, lon0 = 55.78, 9.89
    if shape == "hop_460km_4_points":
        return [
            (lat0, lon0, T0),
            (lat0 + 0.0006, lon0 + 0.001, T0 + timedelta(seconds=60)),
            (lat0 - 3.0, lon0 + 5.0, T0 + timedelta(hours=5)),
            (lat0 - 3.0006, lon0 + 5.001, T0 + timedelta(hours=5, seconds=60)),
        ]
    out = []
    for i in range(n):
        when = T0 + timedelta(seconds=i)
        if shape == "walk":  # a day's logging, wandering
            lat, lon = lat0 + i * 0.000009 + 0.001 * math.sin(i / 500), lon0 + i * 0.000011
        elif shape == "loop":
            a = 2 * math.pi * i / (n - 1)
            lat, lon = lat0 + 0.05 * math.sin(a), lon0 + 0.08 * (1 - math.cos(a))
        elif shape == "standing_still":  # a logger left on a desk: GPS jitter within 30 m
            lat, lon = lat0 + rng.gauss(0, 0.0001), lon0 + rng.gauss(0, 0.00015)
            when = None if i % 2 else when
        elif shape == "scatter":  # a broken logger: points anywhere in 20 km, no times
            lat, lon, when = lat0 + rng.uniform(0, 0.18), lon0 + rng.uniform(0, 0.3), None
        else:  # hop_4000km: half the day in Denmark, a 4000 km hop, half in Spain
            far = i >= n // 2
            lat = (lat0 if not far else 40.4) + (i % 5000) * 0.000009
            lon = (lon0 if not far else -3.7) + (i % 5000) * 0.000011
            when = T0 + timedelta(seconds=i + (8 * 3600 if far else 0))
        out.append((round(lat, 7), round(lon, 7), when))
    return out


def _gpx(points) -> bytes:
    lines = []
    for lat, lon, when in points:
        stamp = f"<time>{when.strftime('%Y-%m-%dT%H:%M:%S')}.250Z</time>" if when else ""
        lines.append(f'<trkpt lat="{lat}" lon="{lon}"><ele>12.5</ele>{stamp}</trkpt>')
    body = "\n".join(lines)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" '
        f'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Bench</name><trkseg>\n{body}\n'
        "</trkseg></trk></gpx>\n"
    ).encode()


def child(shape: str, n: int) -> dict:
    from PySide6.QtWidgets import QApplication
    from reportlab.graphics import renderPDF

    from fieldapp.domain import Activity
    from fieldapp.reports.fonts import register_fonts
    from fieldapp.reports.route_figure import route_drawing
    from fieldapp.routes import Placeable, place_on_track, service
    from fieldapp.routes.placement import OBSERVATION, PHOTO
    from fieldapp.store import Store
    from fieldapp.ui.route_view import RouteCanvas

    register_fonts()
    rng = random.Random(16)
    points = _points(shape, n, rng)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "track.gpx"
        path.write_bytes(_gpx(points))
        size_mb = path.stat().st_size / 2**20
        del points
        store = Store.open(Path(folder) / "n.sqlite")
        walkabout = store.add(Activity(kind="walkabout", title="Bench", starts_at=datetime(2026, 3, 29, 1)))
        base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        c0, t0 = time.process_time(), time.perf_counter()
        track = service.import_gpx(store, walkabout.id, path)
        t1, c1 = time.perf_counter(), time.process_time()
        pts = track.points
        items = []
        for k in range(ITEMS // 2):
            p = pts[(k * 7919) % len(pts)]
            items.append(Placeable(PHOTO, f"g{k}", f"Foto {k}", p.lat + 0.00002, p.lon))
            q = pts[(k * 104729) % len(pts)]
            when = q.time.astimezone().replace(tzinfo=None) if q.time else None
            items.append(Placeable(OBSERVATION, f"t{k}", f"Observation {k}", time=when))
        plan = place_on_track(track, items)
        t2, c2 = time.perf_counter(), time.process_time()
        pdf = renderPDF.drawToString(route_drawing(plan, 480, 270, "da"))
        t3, c3 = time.perf_counter(), time.process_time()
        canvas = RouteCanvas()
        canvas.resize(900, 600)
        canvas.set_plan(plan)
        canvas.grab()  # paints the view once, as on screen
        t4, c4 = time.perf_counter(), time.process_time()
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = t4 - t0
    del app
    return {
        "shape": shape,
        "points": len(track.points),
        "left_out": track.dropped,
        "file_mb": round(size_mb, 1),
        "placed": len(plan.placed),
        "import_s": round(t1 - t0, 3),
        "place_s": round(t2 - t1, 3),
        "pdf_figure_s": round(t3 - t2, 3),
        "pdf_bytes": len(pdf),
        "qt_view_s": round(t4 - t3, 3),
        "total_s": round(total, 3),
        "cpu_s": round(c4 - c0, 3),
        "cpu_steps_s": [
            round(c1 - c0, 2),
            round(c2 - c1, 2),
            round(c3 - c2, 2),
            round(c4 - c3, 2),
        ],  # the machine may be shared: CPU time is the steadier figure
        "load": round(os.getloadavg()[0], 1),
        "base_mb": round(base_mb),
        "peak_mb": round(peak),
        "ok": total <= TARGET_S and peak <= TARGET_MB,
    }


def run(args) -> list[dict]:
    n = args.size or 100_000
    figures = []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[2]
    for shape in SHAPES:
        done = subprocess.run(
            [sys.executable, __file__, shape, str(n)],
            check=False,
            capture_output=True,
            text=True,
            env=env,
            cwd=root,
        )
        if done.returncode != 0:
            figures.append({"shape": shape, "ok": False, "error": done.stderr.strip().splitlines()[-1:]})
            continue
        figures.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return figures


if __name__ == "__main__":
    sys.path[:0] = [str(Path(__file__).resolve().parents[2])]
    print(json.dumps(child(sys.argv[1], int(sys.argv[2]))))
