"""``fieldapp demo | search | check``: make a demo notebook, search one, check one."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from fieldapp.cli.errors import CliError, Exit
from fieldapp.cli.language import language, say
from fieldapp.cli.opening import open_notebook
from fieldapp.cli.values import bounded_int
from fieldapp.store import Store
from fieldapp.store.errors import CorruptDatabaseError
from fieldapp.store.queries import SearchHit

MAX_DEMO_SIZE = 100_000
MAX_HITS = 10_000


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser(
        "demo", help=say("skriv en dansk demo-notesbog", "write a Danish demo notebook")
    )
    demo.add_argument("path", metavar="PATH")
    demo.add_argument(
        "--size",
        type=bounded_int(0, MAX_DEMO_SIZE),
        default=200,
        help=say("antal aktiviteter (standard 200)", "number of activities (default 200)"),
    )
    demo.add_argument("--seed", type=bounded_int(0, 2**63 - 1), default=1)
    demo.set_defaults(handler=cmd_demo)

    search = subparsers.add_parser(
        "search", help=say("fritekstsøgning i en notesbog", "full-text search in a notebook")
    )
    search.add_argument("--db", required=True, metavar="PATH")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=bounded_int(1, MAX_HITS), default=20)
    search.set_defaults(handler=cmd_search)

    check = subparsers.add_parser(
        "check",
        help=say(
            "tjek en notesbogs integritet og vis indholdet",
            "check a notebook's integrity and show its contents",
        ),
    )
    check.add_argument("--db", required=True, metavar="PATH")
    check.set_defaults(handler=cmd_check)


def cmd_demo(args: argparse.Namespace) -> int:
    from fieldapp.demo import build_demo

    path = Path(args.path).expanduser()
    if path.is_dir():
        raise CliError(f"»{path}« er en mappe; angiv et filnavn.", f"'{path}' is a folder; give a file name.")
    if path.exists() and path.stat().st_size > 0:
        raise CliError(
            f"»{path}« findes allerede; vælg et nyt filnavn.",
            f"'{path}' exists already; choose a new file name.",
        )
    started = time.perf_counter()
    with Store.open(path) as store:
        rows = build_demo(store, size=args.size, seed=args.seed)
        counts = store.counts()
    seconds = time.perf_counter() - started
    print(
        say(
            f"Demo-notesbog skrevet til {path}: {counts['activities']} aktiviteter, "
            f"{counts['observations']} observationer, {counts['people']} personer ({rows} rækker, {seconds:.1f} s).",
            f"Demo notebook written to {path}: {counts['activities']} activities, "
            f"{counts['observations']} observations, {counts['people']} people ({rows} rows, {seconds:.1f} s).",
        )
    )
    return Exit.OK


def _hit_kind(hit: SearchHit) -> str:
    lang = language()
    kind = hit.kind
    if hasattr(kind, "label"):
        return kind.label(lang)
    from fieldapp.domain import BY_TABLE

    cls = BY_TABLE.get(hit.table)
    return cls.display_name(lang).capitalize() if cls else str(kind)


def cmd_search(args: argparse.Namespace) -> int:
    with open_notebook(args.db) as store:
        hits = store.search(args.query, limit=args.limit)
    for hit in hits:
        when = (hit.date or "")[:10]
        print(f"{_hit_kind(hit)}\t{when}\t{hit.title}\t{hit.snippet}")
    if not hits:
        print(say("Ingen resultater.", "No results."), file=sys.stderr)
    return Exit.OK


def cmd_check(args: argparse.Namespace) -> int:
    """Schema version, row counts and SQLite's own findings on stdout; one line on stderr if damaged."""
    from fieldapp.store.migrations import SCHEMA_VERSION

    with open_notebook(args.db, check=False) as store:
        problems = store.integrity_problems()
        version = store.schema_version()
        print(say("Skemaversion", "Schema version") + f": {version} / {SCHEMA_VERSION}")
        try:
            counts = store.counts()
        except Exception as error:  # noqa: BLE001 - a damaged table cannot be counted; say so below
            problems = problems or [str(error)]
            counts = {}
    for table, count in counts.items():
        print(f"{table}: {count}")
    if problems:
        for problem in problems:
            print(say("Fejl: ", "Problem: ") + problem)
        raise CorruptDatabaseError(path=Path(args.db), detail="; ".join(problems[:2]))
    print(say("Integritetstjek: i orden", "Integrity check: ok"))
    return Exit.OK
