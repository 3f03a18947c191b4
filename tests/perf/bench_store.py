"""Foundation figures: demo build time, search latency, overview queries, database size.

    python tests/perf/run.py --only store [--size 100000]

The notebook is built once per size in a temporary folder (or reused from
``FELTBOG_BENCH_DIR`` when set, so that repeated runs skip the build).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from fieldapp.demo import build_demo
from fieldapp.store import Store

BUILD_TARGET_S = 60.0  # at 100,000 activities
SEARCH_P95_TARGET_MS = 20.0
DASHBOARD_TARGET_MS = 50.0
TODAY = date(2026, 11, 23)

# Fifty things a co-creation worker might look for, in Danish.
QUERIES = [
    "legeplads",
    "legepl*",
    "ældre",
    "unge",
    "bus",
    "trafik",
    "skole",
    "brugsen",
    "købmand",
    "cykelsti",
    "forsamlingshus*",
    "fællesspisning",
    "frivillig*",
    "idrætsforening",
    "ildsjæl*",
    '"en bænk"',
    "værested",
    "tilflyttere",
    "åen",
    "bålhytte",
    "spejder*",
    "lektiecafé",
    "pensionist*",
    "delebil",
    "samkørsel",
    "stationen",
    "hovedgaden",
    "butik*",
    "bymidte*",
    "natur",
    "kultur",
    "bolig*",
    "Uldum",
    "Barrit",
    "Vemmelev",
    "Glamsbjerg",
    "Musicon",
    "Haarby",
    "lokalråd*",
    "borgerforening",
    '"vi vil gerne selv"',
    "kommunen",
    "trafikken",
    "børnefamilier",
    "alene",
    "velkomst*",
    "renovering",
    "træningsforløbet",
    "fondsansøgning",
    "referat",
]
assert len(QUERIES) == 50


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _notebook(size: int, folder: Path) -> tuple[Path, float | None]:
    path = folder / f"bench-{size}.sqlite"
    if path.exists():
        return path, None
    started = time.perf_counter()
    with Store.open(path) as store:
        build_demo(store, size=size, seed=1, today=TODAY)
    return path, time.perf_counter() - started


def _time_ms(call, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def run(args) -> list[dict]:
    size = args.size or 100_000
    keep = os.environ.get("FELTBOG_BENCH_DIR")
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="feltbog-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path, build_s = _notebook(size, folder)
    results: list[dict] = []
    if build_s is not None:
        target = BUILD_TARGET_S * size / 100_000
        results.append(
            {
                "name": "demo_build",
                "activities": size,
                "seconds": round(build_s, 1),
                "target_s": round(target, 1),
                "ok": build_s <= target,
            }
        )
    with Store.open(path) as store:
        counts = store.counts()
        for query in QUERIES[:5]:  # warm the page cache as a user's second search would be
            store.search(query, limit=20)
        latencies = [_time_ms(lambda q=query: store.search(q, limit=20), repeat=3) for query in QUERIES]
        p50, p95 = _percentile(latencies, 0.5), _percentile(latencies, 0.95)
        results.append(
            {
                "name": "search",
                "queries": len(QUERIES),
                "p50_ms": round(p50, 2),
                "p95_ms": round(p95, 2),
                "target_p95_ms": SEARCH_P95_TARGET_MS,
                "ok": p95 <= SEARCH_P95_TARGET_MS,
            }
        )
        dashboard = {
            "overdue_actions": lambda: store.overdue_actions(TODAY),
            "upcoming_actions": lambda: store.upcoming_actions(TODAY, days=14),
            "people_not_contacted": lambda: store.people_not_contacted(TODAY, days=60),
            "leadership_pipeline": store.leadership_pipeline,
            "activities_per_area_month": store.activities_per_area_month,
            "recent_activities": lambda: store.recent_activities(10),
            "activity_page": lambda: store.activity_rows(limit=200),
            "count_activities": store.count_activities,
        }
        for name, call in dashboard.items():
            call()
            ms = _time_ms(call)
            results.append(
                {
                    "name": f"dashboard.{name}",
                    "ms": round(ms, 2),
                    "target_ms": DASHBOARD_TARGET_MS,
                    "ok": ms <= DASHBOARD_TARGET_MS,
                }
            )
    size_mb = sum(p.stat().st_size for p in folder.glob(f"{path.name}*")) / 1e6
    results.append(
        {
            "name": "database_size",
            "activities": counts["activities"],
            "observations": counts["observations"],
            "field_versions": counts["field_versions"],
            "megabytes": round(size_mb, 1),
        }
    )
    return results
