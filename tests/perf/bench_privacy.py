"""Costs of the reliability and privacy tools on a large notebook.

``--size N`` people (default 20,000), with N/4 activities and 2.5·N observations.
Measures: open with quick_check, a backup, listing backups, restore, erasing one
person who appears in many rows, and one page of the activity log.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from fieldapp.domain import Activity, ActivityKind, Observation, Participant, Person
from fieldapp.store import Store, backups, privacy
from fieldapp.store.activity_log import activity_log

DEFAULT_PEOPLE = 20_000


def _timed(results: list[dict], name: str, fn):
    start = time.perf_counter()
    value = fn()
    results.append({"step": name, "ms": round((time.perf_counter() - start) * 1000, 1)})
    return value


def run(args) -> list[dict]:
    n = getattr(args, "size", None) or DEFAULT_PEOPLE
    rng = random.Random(getattr(args, "seed", 1))
    results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="feltbog-privacy-") as folder:
        path = Path(folder) / "feltbog.sqlite"
        with Store.open(path) as store:
            people = [
                Person(name=f"Person {i}", phone=f"{20000000 + i}", notes="noter " * 20) for i in range(n)
            ]
            activities = [
                Activity(
                    kind=ActivityKind.ONE_TO_ONE if i % 3 == 0 else ActivityKind.WALKABOUT,
                    title=f"Aktivitet {i}",
                    starts_at=datetime(2025, 1, 1) + timedelta(hours=i),
                    person_id=people[i % n].id,
                    story="historie " * 30,
                )
                for i in range(n // 4)
            ]
            target = people[0]
            observations = [
                Observation(
                    activity_id=rng.choice(activities).id,
                    text=f"Observation {i} " + "tekst " * 15,
                    raised_by_id=target.id if i % 500 == 0 else rng.choice(people).id,
                )
                for i in range(n * 5 // 2)
            ]
            participants = [
                Participant(id=Participant.key(a.id, target.id), activity_id=a.id, person_id=target.id)
                for a in activities[:50]
            ]
            _timed(
                results,
                "bulk_load",
                lambda: store.bulk_add([*people, *activities, *observations, *participants]),
            )
            versions = store.counts()["field_versions"]
        size_mb = round(path.stat().st_size / 1e6, 1)
        store = _timed(results, "open_with_quick_check", lambda: Store.open(path, check=True))
        copy = _timed(results, "backup", lambda: backups.backup_now(store, "manual"))
        _timed(results, "activity_log_page_100", lambda: activity_log(store, limit=100))
        report = _timed(results, "erase_person", lambda: privacy.erase_person(store, target.id))
        store.close()
        _timed(results, "list_backups", lambda: backups.list_backups(path))
        _timed(results, "restore", lambda: backups.restore(path, copy))
    for r in results:
        r.update(people=n, field_versions=versions, file_mb=size_mb)
    results.append(
        {
            "step": "erase_scope",
            "rows_erased": report.rows_erased,
            "links_removed": report.links_removed,
            "versions_purged": report.versions_purged,
        }
    )
    return results
