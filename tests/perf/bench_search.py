"""Search: recall on 50 real Danish queries and latency in a big notebook, per matching strategy.

    python tests/perf/run.py --only search --size 100000

The demo notebook of ``--size`` activities (built once, see bench_ui.notebook) is copied,
migrated, and the labelled corpus of tests/data/search_queries_da.py is added to it. Per
strategy, each of the 50 queries is run as the search page runs it (first page of 100 and
the true total); recall counts the expected records found among all the hits (every page).

Strategies: ``exact`` (the words as typed), ``prefix`` (each word as typed, as a prefix),
``danish`` (each word's Snowball stem as a prefix: what ``Store.search`` does).
"""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

STRATEGIES = {
    "exact": lambda q: f'"{q}"',
    "prefix": lambda q: f'"{q}"*',
    "danish": None,  # the query as the user types it: Store.search's own expansion
}
PAGE = 100


def searchable_copy(size: int) -> Path:
    """The demo notebook of ``size`` with the labelled corpus, on the newest schema (built once)."""
    from bench_ui import notebook
    from data import search_queries_da

    from fieldapp.store import Store

    source = notebook(size)
    path = source.with_name(f"feltbog-bench-{size}-search.sqlite")
    if path.exists():
        return path
    building = path.with_name(path.name + ".building")
    shutil.copyfile(source, building)
    with Store.open(building, backup_dir=building.parent / "search-migration-backups") as store:
        search_queries_da.load(store)
    shutil.rmtree(building.parent / "search-migration-backups", ignore_errors=True)
    building.replace(path)
    return path


def run(args) -> list[dict]:
    from data import search_queries_da as labelled

    from fieldapp.store import Store

    size = args.size or 100_000
    path = searchable_copy(size)
    results = []
    with Store.open(path) as store:
        where = _where(store)
        for name, make in STRATEGIES.items():
            timings, found, totals = [], {}, []
            for query in labelled.QUERIES:
                text = make(query) if make else query
                started = time.perf_counter()
                page = store.search_page(text, limit=PAGE)
                timings.append((time.perf_counter() - started) * 1000)
                totals.append(page.total)
                found[query] = _all_hits(store, text, page, set(where.values()))
            timings.sort()
            results.append(
                {
                    "name": f"search_{name}",
                    "activities": size,
                    "queries": len(labelled.QUERIES),
                    "recall": round(labelled.recall(found, where), 3),
                    "p50_ms": round(statistics.median(timings), 1),
                    "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 1),
                    "max_ms": round(timings[-1], 1),
                    "median_total_hits": int(statistics.median(totals)),
                    "target_p95_ms": 20,
                    "target_recall": 0.95,
                }
            )
    return results


def _where(store) -> dict[str, tuple[str, str]]:
    """Key -> (table, id) of the labelled records (found again by their unique text)."""
    from data import search_queries_da as labelled

    columns = {
        "observation": ("observations", "text"),
        "activity": ("activities", "title"),
        "person": ("people", "interests"),
        "survey": ("survey_items", "statement"),
    }
    where = {}
    for key, (kind, text, _themes) in labelled.CORPUS.items():
        table, column = columns[kind]
        row = store.conn.execute(
            f"SELECT id FROM {table} WHERE {column} = ? ORDER BY rowid DESC", (text,)
        ).fetchone()
        where[key] = (table, row[0])
    return where


def _all_hits(store, text: str, first, wanted: set) -> set[tuple[str, str]]:
    """The labelled records among all the query's matches (not only the first page).

    Paging through every hit of a common word at 100k would take minutes; instead each
    labelled record is checked with the same two tests ``search_page`` counts by: its
    own index row matches, or (an observation) it is tagged with a theme that matches.
    """
    from fieldapp.store.queries import _is_plain, danish_match

    match = danish_match(text) if _is_plain(text) else text
    found = {(h.table, h.row_id) for h in first.hits} & wanted
    themes = [
        r[0]
        for r in store.conn.execute(
            "SELECT th.id FROM themes_fts JOIN themes th ON th.rowid = themes_fts.rowid WHERE themes_fts MATCH ?",
            (match,),
        )
    ]
    for table, row_id in wanted - found:
        rowid = store.conn.execute(f"SELECT rowid FROM {table} WHERE id = ?", (row_id,)).fetchone()[0]
        own = store.conn.execute(
            f"SELECT 1 FROM {table}_fts WHERE {table}_fts MATCH ? AND rowid = ?", (match, rowid)
        ).fetchone()
        tagged = table == "observations" and any(
            store.conn.execute(
                "SELECT 1 FROM observation_themes WHERE observation_id = ? AND theme_id = ?", (row_id, theme)
            ).fetchone()
            for theme in themes
        )
        if own or tagged:
            found.add((table, row_id))
    return found
