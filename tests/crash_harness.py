"""Crash-safety harness: kill a writing process at random moments, then check the notebook.

The *writer* (``python tests/crash_harness.py writer DB SEED``) opens a notebook
(creating it from an older schema first, so that the migration is in the line of
fire) and then edits it for ever: adds, updates, deletes, erasures and backups.
After each call returns it prints one JSON line naming what was confirmed and
flushes it; a confirmation is exactly what a user would have been told.

The parent (``run_kills``) starts the writer, SIGKILLs it after a random delay,
and checks that the file passes ``integrity_check`` (and the FTS integrity check),
that every confirmed write is in the change log, that every materialised row is
what ``recompute`` derives from the log, and that every backup file is whole.
It then restarts the writer on the same file (so recovery after a crash is
exercised too), and every few rounds starts again on a fresh file.

Sync import/export ops: add functions to ``EXTRA_OPS`` (name -> fn(store, rng,
confirm)) once ``fieldapp.sync`` exists; the writer picks them like the others.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fieldapp.domain import Activity, ActivityKind, Observation, Person  # noqa: E402
from fieldapp.store import (  # noqa: E402
    Store,
    backups,
    privacy,
)
from fieldapp.store.store import ERASED  # noqa: E402

Confirm = Callable[..., None]
# name -> fn(store, rng, confirm); the sync helper registers import/export here.
EXTRA_OPS: dict[str, Callable[[Store, random.Random, Confirm], None]] = {}


# ====================================================================== writer
def _legacy_notebook(path: Path) -> None:
    """A notebook as an earlier release left it, so that opening it migrates."""
    from sqlite_utils import Database

    from fieldapp.store import migrations as schema

    db = Database(path)
    schema.migrations.apply(db, stop_before="0003_privacy")
    db.close()


def writer(db_path: Path, seed: int) -> None:
    rng = random.Random(seed)

    def confirm(kind: str, **data: Any) -> None:
        print(json.dumps({"kind": kind, **data}, ensure_ascii=False), flush=True)

    if not db_path.exists():
        _legacy_notebook(db_path)
    store = Store.open(db_path)
    confirm("open")
    people = [p.id for p in store.list(Person, "coalesce(is_staff, 0) = 0 AND name NOT LIKE 'Doomed%'")]
    doomed = [p.id for p in store.list(Person, "name LIKE 'Doomed%'")]
    activities = [a.id for a in store.list(Activity)]
    observations = [o.id for o in store.list(Observation)]
    n = 0
    while True:
        n += 1
        token = f"{seed}-{n}"
        op = rng.choices(
            [
                "add_person",
                "update_person",
                "add_activity",
                "add_observation",
                "delete_observation",
                "doomed",
                "erase",
                "backup",
                "import_erasure",
                "second_open",
                *EXTRA_OPS,
            ],
            weights=[4, 6, 2, 6, 1, 1, 1, 1, 2, 1, *(1 for _ in EXTRA_OPS)],
        )[0]
        if op == "add_person" or (op == "update_person" and not people):
            person = store.add(Person(name=f"Person {token}", notes=f"noter {token} " * rng.randint(1, 40)))
            people.append(person.id)
            confirm("v", tbl="people", row=person.id, field="name", value=person.name)
        elif op == "update_person":
            pid = rng.choice(people)
            text = f"ændret {token} " * rng.randint(1, 60)
            store.update(Person, pid, notes=text)
            confirm("v", tbl="people", row=pid, field="notes", value=text)
        elif op == "add_activity" or (op in ("add_observation", "delete_observation") and not activities):
            activity = store.add(
                Activity(
                    kind=ActivityKind.WALKABOUT,
                    title=f"Byvandring {token}",
                    starts_at=datetime(2026, 1, 1, 10) + timedelta(minutes=n),
                )
            )
            activities.append(activity.id)
            confirm("v", tbl="activities", row=activity.id, field="title", value=activity.title)
        elif op == "add_observation" or (op == "delete_observation" and not observations):
            obs = store.add(Observation(activity_id=rng.choice(activities), text=f"Observation {token}"))
            observations.append(obs.id)
            confirm("v", tbl="observations", row=obs.id, field="text", value=obs.text)
        elif op == "delete_observation":
            oid = observations.pop(rng.randrange(len(observations)))
            store.delete(Observation, oid)
            confirm("d", tbl="observations", row=oid)
        elif op == "doomed" or (op == "erase" and not doomed):
            person = store.add(Person(name=f"Doomed {token}", phone="12 34 56 78"))
            doomed.append(person.id)
            confirm("v", tbl="people", row=person.id, field="name", value=person.name)
        elif op == "erase":
            pid = doomed.pop(rng.randrange(len(doomed)))
            privacy.erase_person(store, pid)
            confirm("e", tbl="people", row=pid)
        elif op == "import_erasure":
            _import_erasure(store, db_path, token, confirm)
        elif op == "backup":
            when = datetime(2026, 1, 1, 9) + timedelta(hours=rng.randint(0, 24 * 60))
            path = backups.backup_now(store, "daily", now=when)
            confirm("b", path=str(path))
        elif op == "second_open":
            # The desktop app opens the notebook again for each background job (issue 12):
            # that must never drop the first connection's locks.
            Store.open(db_path).close()
        else:
            EXTRA_OPS[op](store, rng, confirm)


def _import_erasure(store: Store, db_path: Path, token: str, confirm: Confirm) -> None:
    """A person with a 1:1 talk about them, then a colleague's sync file that erases them."""
    from sync_support import PASSPHRASE, craft

    from fieldapp.sync import import_file

    person = store.add(Person(name=f"Doomed {token}", phone="12 34 56 78"))
    talk = store.add(
        Activity(
            kind=ActivityKind.ONE_TO_ONE,
            title=f"1:1 om {person.id}",
            person_id=person.id,
            starts_at=datetime(2026, 1, 1, 10),
            story=f"Historien om {person.id}",
        )
    )
    # (the talk's story is not confirmed: the erasure below rightly purges it)
    assert talk.story
    path = db_path.parent / f"erasure-{token}.feltsync"
    line = ["people", person.id, ERASED, True, store.clock.now(), "fedcba9876543210", None]
    craft(path, [line], manifest={"export_id": str(uuid.uuid4())})
    import_file(store, path, PASSPHRASE)
    confirm("e", tbl="people", row=person.id)


# ====================================================================== parent
def _confirmed(log: Path) -> list[dict[str, Any]]:
    entries = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        with contextlib.suppress(json.JSONDecodeError):  # the line the kill cut short was never confirmed
            entries.append(json.loads(line))
    return entries


def check(db_path: Path, confirmed: list[dict[str, Any]]) -> dict[str, Any]:
    """Open the notebook after a crash and compare it with what was confirmed."""
    problems: list[str] = []
    lost = 0
    store = Store.open(db_path, check=True)
    try:
        problems += store.integrity_problems()
        conn = store.conn
        erased = {r[0] for r in conn.execute("SELECT row_id FROM field_versions WHERE field = ?", (ERASED,))}
        for entry in confirmed:
            kind = entry["kind"]
            if kind == "v" and entry["row"] not in erased:
                found = conn.execute(
                    "SELECT 1 FROM field_versions WHERE tbl = ? AND row_id = ? AND field = ? AND value = ?",
                    (
                        entry["tbl"],
                        entry["row"],
                        entry["field"],
                        json.dumps(entry["value"], ensure_ascii=False, separators=(",", ":")),
                    ),
                ).fetchone()
                if found is None:
                    lost += 1
                    problems.append(f"lost write {entry}")
            elif (
                kind in ("d", "e")
                and conn.execute(f"SELECT 1 FROM {entry['tbl']} WHERE id = ?", (entry["row"],)).fetchone()
            ):
                lost += 1
                problems.append(f"lost {kind} {entry}")
        # An erasure is all or nothing: once its marker is in, nothing points at the person or
        # tells about them any more, and an interrupted scrub was finished on opening.
        for pid in conn.execute(
            "SELECT row_id FROM field_versions WHERE tbl = 'people' AND field = ?", (ERASED,)
        ):
            left = conn.execute(
                "SELECT tbl, field FROM field_versions WHERE instr(value, ?) > 0", (pid[0],)
            ).fetchall()
            if left:
                problems.append(f"erased person {pid[0]} still in {left}")
        if conn.execute("SELECT 1 FROM meta WHERE key = ?", (privacy.SCRUB_PENDING,)).fetchone():
            problems.append("an interrupted scrub was not finished on opening")
        # The materialised rows must be exactly what the change log says.
        for tbl in ("people", "activities", "observations", "participants"):
            before = conn.execute(f"SELECT * FROM {tbl} ORDER BY id").fetchall()
            ids = [
                r[0] for r in conn.execute("SELECT DISTINCT row_id FROM field_versions WHERE tbl = ?", (tbl,))
            ]
            store.recompute(tbl, ids)
            if conn.execute(f"SELECT * FROM {tbl} ORDER BY id").fetchall() != before:
                problems.append(f"{tbl}: materialised rows differ from the change log")
        for info in backups.list_backups(db_path, check=True):
            if not info.usable:
                problems.append(f"broken backup {info.path.name}: {info.problem}")
    finally:
        store.close()
    return {"lost": lost, "problems": problems}


def _wait_for_open(log: Path, proc: subprocess.Popen, timeout: float = 10.0) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline and proc.poll() is None:
        if '"open"' in log.read_text(encoding="utf-8", errors="replace"):
            return
        time.sleep(0.005)


def run_kills(
    kills: int, workdir: Path, *, seed: int = 1, max_delay: float = 0.5, fresh_every: int = 7
) -> dict[str, Any]:
    """Kill the writer ``kills`` times; return totals (kills, survived, confirmed, lost, problems)."""
    rng = random.Random(seed)
    workdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    totals: dict[str, Any] = {
        "kills": 0,
        "survived": 0,
        "confirmed": 0,
        "lost": 0,
        "during_startup": 0,
        "problems": [],
    }
    started = time.perf_counter()
    db_path = workdir / "round0" / "feltbog.sqlite"
    for i in range(kills):
        if i % fresh_every == 0:
            db_path = workdir / f"round{i}" / "feltbog.sqlite"
            db_path.parent.mkdir(parents=True, exist_ok=True)
        log = db_path.parent / f"writer{i}.jsonl"
        with open(log, "w", encoding="utf-8") as out:
            proc = subprocess.Popen(
                [sys.executable, __file__, "writer", str(db_path), str(seed * 100_000 + i)],
                stdout=out,
                stderr=subprocess.PIPE,
                env=env,
                cwd=ROOT,
            )
            # A third of the kills land around start-up (Python takes ~0.3 s to get
            # there: opening, recovering, migrating); the rest while it edits.
            if rng.random() < 1 / 3:
                time.sleep(rng.uniform(0.15, 0.6))
            else:
                _wait_for_open(log, proc)
                time.sleep(rng.uniform(0.0, max_delay))
            if proc.poll() is not None:
                raise RuntimeError(f"writer died by itself: {proc.stderr.read().decode()[-2000:]}")
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            proc.stderr.close()
        totals["kills"] += 1
        confirmed = _confirmed(log)
        totals["confirmed"] += sum(1 for c in confirmed if c["kind"] != "open")
        if not any(c["kind"] == "open" for c in confirmed):
            totals["during_startup"] += 1
        result = check(db_path, confirmed)
        totals["lost"] += result["lost"]
        totals["problems"] += [f"kill {i}: {p}" for p in result["problems"]]
        if not result["problems"]:
            totals["survived"] += 1
    totals["seconds"] = round(time.perf_counter() - started, 1)
    return totals


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "writer":
        writer(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        print("usage: crash_harness.py writer DB SEED", file=sys.stderr)
        sys.exit(2)
