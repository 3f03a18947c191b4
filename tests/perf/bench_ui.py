"""Desktop app: start-up on a big notebook against a bare PySide6 window, editor opening, memory.

    python tests/perf/run.py --only ui --size 100000

Start-up is wall time from launching the process to the main window shown with the
event loop idle (the app prints a time stamp from a zero-timer after ``show()`` when
given ``--quit-when-idle``); the floor is the same for a QMainWindow with nothing in
it, measured in the same run. Three starts are timed:
- "first start of the day": settings kept from earlier starts, but no copy of the day and no
  integrity check of the day (the notebook's backups moved aside, the check not remembered),
  so the check and the day's copy are due (they run behind the window);
- "later start": the day's copy and check done;
- "first start ever": a fresh settings folder (no window layout remembered either).
Peak memory is the app process's maximum RSS.

Notebooks are built once per size in ``$FELTBOG_BENCH_DIR`` (default: the temp folder).
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPEAT = 5  # interleaved; on a shared machine the minimum is the least disturbed run

FLOOR_SCRIPT = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
def idle():
    print(f"IDLE {time.time():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, idle)
app.exec()
"""


def notebook(size: int) -> Path:
    """A notebook with ``size`` activities, built once and kept in the temp folder."""
    folder = Path(os.environ.get("FELTBOG_BENCH_DIR") or tempfile.gettempdir())
    path = folder / f"feltbog-bench-{size}.sqlite"
    if path.exists():
        return path
    from fieldapp.store import Store

    partial = path.with_name(path.name + ".building")
    for leftover in (partial, Path(str(partial) + "-wal"), Path(str(partial) + "-shm")):
        leftover.unlink(missing_ok=True)
    store = Store.open(partial)
    try:
        try:
            from fieldapp.demo import build_demo
        except ImportError:
            fill(store, size)
        else:
            build_demo(store, size=size, seed=7)
    finally:
        store.close()
    os.replace(partial, path)
    return path


def fill(store, size: int) -> None:
    from fieldapp.domain import Activity, ActivityKind, Area, Observation, ObservationKind, Person

    rng = random.Random(7)
    areas = [Area(name=f"Område {n}", municipality="Vejle") for n in range(40)]
    people = [Person(name=f"Person {n}", area_id=rng.choice(areas).id, is_staff=n < 20) for n in range(4000)]
    start = datetime(2020, 1, 1, 9, 0)
    kinds = list(ActivityKind)
    observation_kinds = list(ObservationKind)

    def entities():
        yield from areas
        yield from people
        for n in range(size):
            activity = Activity(
                kind=kinds[n % 3],
                title=f"Aktivitet {n}",
                area_id=rng.choice(areas).id,
                starts_at=start + timedelta(minutes=37 * n),
                facilitator_id=people[n % 20].id,
            )
            yield activity
            for m in range(2):
                yield Observation(
                    activity_id=activity.id,
                    kind=observation_kinds[(n + m) % 5],
                    text=f"Observation {m} om bænke og stier ved aktivitet {n}",
                    observed_at=activity.starts_at,
                )

    store.bulk_add(entities())


def _startup(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds from launch to the idle stamp, and the process's peak RSS in MB."""
    started = time.time()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    idle_at = None
    for line in process.stdout:
        if line.startswith("IDLE "):
            idle_at = float(line.split()[1])
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if idle_at is None:
        raise RuntimeError(f"{command} gave no idle stamp: {process.stderr.read()[-2000:]}")
    return idle_at - started, usage.ru_maxrss // 1024


def _remember_check(settings: Path, day: str | None) -> None:
    """Set (or forget) the day of the last integrity check of every notebook in the settings."""
    lines = [line for line in settings.read_text().splitlines() if "\\checked=" not in line]
    if day is not None:
        keys = [line.split("\\")[0] for line in lines if line.endswith("\\open=false")]
        at = lines.index("[notebooks]") + 1 if "[notebooks]" in lines else len(lines)
        lines[at:at] = [f"{key}\\checked={day}" for key in keys]
    settings.write_text("\n".join(lines) + "\n")


def run(args) -> list[dict]:
    size = args.size or 100_000
    return [*_startups(size), *_in_process(notebook(size), size)]


def _startups(size: int) -> list[dict]:
    path = notebook(size)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT)
    # Installed copies run from cached bytecode; measure that, not compiling every module.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    app_command = [sys.executable, "-m", "fieldapp", "--db", str(path), "--lang", "da", "--quit-when-idle"]
    floor_command = [sys.executable, "-c", FLOOR_SCRIPT]
    backups = path.parent / "backups"
    aside = path.parent / "backups-aside"
    floor, first, later, memory = [], [], [], []
    ever = []
    with tempfile.TemporaryDirectory() as home:
        env["FELTBOG_HOME"] = home
        _startup(floor_command, env)  # warm-up: bytecode and disk caches, settings written
        _startup(app_command, env)
        settings = Path(home) / "config" / "feltbog.ini"
        for _ in range(REPEAT):
            floor.append(_startup(floor_command, env)[0])
            shutil.rmtree(aside, ignore_errors=True)
            if backups.exists():
                backups.rename(aside)
            try:
                _remember_check(settings, None)
                seconds, rss = _startup(app_command, env)
                first.append(seconds)
                memory.append(rss)
                # The day's copy (its name is what counts) and check are done.
                backups.mkdir(exist_ok=True)
                (backups / f"{path.stem}-daily-{datetime.now():%Y%m%d-%H%M%S}.feltbak").write_bytes(b"")
                _remember_check(settings, date.today().isoformat())
                seconds, rss = _startup(app_command, env)
                later.append(seconds)
                memory.append(rss)
            finally:
                shutil.rmtree(backups, ignore_errors=True)
                if aside.exists():
                    aside.rename(backups)
            with tempfile.TemporaryDirectory() as fresh_home:
                seconds, rss = _startup(app_command, {**env, "FELTBOG_HOME": fresh_home})
                ever.append(seconds)
                memory.append(rss)
    floor_s = statistics.median(floor)
    results = [
        {
            "name": "startup_floor_pyside6_window",
            "activities": size,
            "seconds": round(floor_s, 3),
            "min_seconds": round(min(floor), 3),
        }
    ]
    for name, times in (
        ("startup_first_of_day_idle", first),
        ("startup_main_window_idle", later),
        ("startup_first_ever_idle", ever),
    ):
        app_s = statistics.median(times)
        results.append(
            {
                "name": name,
                "activities": size,
                "seconds": round(app_s, 3),
                "ratio_to_floor": round(app_s / floor_s, 2),
                "min_seconds": round(min(times), 3),
                "ratio_of_minima": round(min(times) / min(floor), 2),
                "target_ratio": 1.5,
            }
        )
    results.append({"name": "startup_peak_rss", "activities": size, "mb": max(memory), "target_mb": 250})
    return results


def _in_process(path: Path, size: int) -> list[dict]:
    """Opening the activity list and activity editors, and scrolling, inside one app."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import resource

    from PySide6.QtCore import QModelIndex, QSettings
    from PySide6.QtWidgets import QApplication

    from fieldapp.store import Store
    from fieldapp.ui.dialogs import Dialogs
    from fieldapp.ui.main_window import MainWindow
    from fieldapp.ui.translations import Translators

    app = QApplication.instance() or QApplication([])
    Translators(app).apply("da")
    store = Store.open(path)
    with tempfile.TemporaryDirectory() as home:
        settings = QSettings(str(Path(home) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, settings, Dialogs(), "da")
        window.show()
        app.processEvents()
        started = time.perf_counter()
        view = window.go("activities")
        app.processEvents()
        list_ms = (time.perf_counter() - started) * 1000
        ids = [view.model.row_id(r) for r in range(60)]
        timings = []
        for activity_id in ids:
            started = time.perf_counter()
            view.show_record(activity_id)
            app.processEvents()
            timings.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        pages = 0
        while view.model.canFetchMore(QModelIndex()) and pages < 50:
            view.model.fetchMore(QModelIndex())
            pages += 1
        app.processEvents()
        fetch_ms = (time.perf_counter() - started) * 1000 / max(pages, 1)
        window.close()
    store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return [
        {"name": "open_activity_list", "activities": size, "ms": round(list_ms, 1)},
        {
            "name": "open_activity_editor",
            "activities": size,
            "median_ms": round(statistics.median(timings), 1),
            "max_ms": round(max(timings), 1),
            "target_ms": 50,
        },
        {
            "name": "fetch_next_page_of_200",
            "activities": size,
            "ms_per_page": round(fetch_ms, 1),
            "pages": pages,
        },
        {"name": "in_process_peak_rss", "activities": size, "mb": peak},
    ]
