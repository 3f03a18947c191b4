"""Headless commands: ``fieldapp SUBCOMMAND …``. Every error is one line on stderr."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from fieldapp import APP_NAME, __version__
from fieldapp.domain import ValidationError
from fieldapp.domain.i18n import language_from_environment, pick
from fieldapp.store import Store, StoreError
from fieldapp.store.queries import SearchHit

logger = logging.getLogger(__name__)

# Subsystems add their subcommands here: each module has ``register(subparsers)``,
# and every parser it adds sets ``handler=<callable(args) -> int>`` as its default.
REGISTRARS: list[str] = [
    "fieldapp.cli",
    "fieldapp.reports.cli",
    "fieldapp.maintenance_cli",
    "fieldapp.sync.cli",
]


class CommandError(Exception):
    """An expected failure of a command; its text is printed as the one error line."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldapp", description=f"{APP_NAME} {__version__}")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in REGISTRARS:
        module = __import__(module_name, fromlist=["register"])
        module.register(subparsers)
    parser.command_choices = subparsers.choices  # type: ignore[attr-defined]
    return parser


def command_names() -> set[str]:
    return set(build_parser().command_choices)  # type: ignore[attr-defined]


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    lang = language_from_environment(dict(os.environ))
    try:
        return handler(args)
    except (StoreError, ValidationError) as error:
        print(f"fieldapp: {error.message(lang)}", file=sys.stderr)
    except CommandError as error:
        print(f"fieldapp: {error}", file=sys.stderr)
    except KeyboardInterrupt:
        print("fieldapp: afbrudt / interrupted", file=sys.stderr)
        return 130
    except OSError as error:
        print(f"fieldapp: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
    return 1


# ---------------------------------------------------------------------- built-in commands
def _text(da: str, en: str) -> str:
    return pick({"da": da, "en": en}, language_from_environment(dict(os.environ)))


def _open_existing(path: str) -> Store:
    """Open a notebook that must exist already (never create one by accident)."""
    if not Path(path).is_file():
        raise CommandError(
            _text(f"Notesbogen »{path}« findes ikke.", f"The notebook '{path}' does not exist.")
        )
    return Store.open(path)


def cmd_demo(args: argparse.Namespace) -> int:
    from fieldapp.demo import build_demo

    path = Path(args.path)
    if path.exists() and path.stat().st_size > 0:
        raise CommandError(
            _text(
                f"»{path}« findes allerede; vælg et nyt filnavn.",
                f"'{path}' exists already; choose a new file name.",
            )
        )
    if args.size < 0:
        raise CommandError(_text("--size kan ikke være negativ.", "--size cannot be negative."))
    started = time.perf_counter()
    with Store.open(path) as store:
        rows = build_demo(store, size=args.size, seed=args.seed)
        counts = store.counts()
    seconds = time.perf_counter() - started
    print(
        _text(
            f"Demo-notesbog skrevet til {path}: {counts['activities']} aktiviteter, "
            f"{counts['observations']} observationer, {counts['people']} personer ({rows} rækker, {seconds:.1f} s).",
            f"Demo notebook written to {path}: {counts['activities']} activities, "
            f"{counts['observations']} observations, {counts['people']} people ({rows} rows, {seconds:.1f} s).",
        )
    )
    return 0


def _hit_kind(hit: SearchHit) -> str:
    lang = language_from_environment(dict(os.environ))
    kind = hit.kind
    if hasattr(kind, "label"):
        return kind.label(lang)
    from fieldapp.domain import BY_TABLE

    cls = BY_TABLE.get(hit.table)
    return cls.display_name(lang).capitalize() if cls else str(kind)


def cmd_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CommandError(_text("--limit skal være mindst 1.", "--limit must be at least 1."))
    with _open_existing(args.db) as store:
        hits = store.search(args.query, limit=args.limit)
    for hit in hits:
        when = (hit.date or "")[:10]
        print(f"{_hit_kind(hit)}\t{when}\t{hit.title}\t{hit.snippet}")
    if not hits:
        print(_text("Ingen resultater.", "No results."), file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from fieldapp.store.migrations import SCHEMA_VERSION

    with _open_existing(args.db) as store:
        problems = store.integrity_problems()
        version = store.schema_version()
        counts = store.counts()
    print(_text("Skemaversion", "Schema version") + f": {version} / {SCHEMA_VERSION}")
    for table, count in counts.items():
        print(f"{table}: {count}")
    if problems:
        for problem in problems:
            print(_text("Fejl: ", "Problem: ") + problem, file=sys.stderr)
        return 1
    print(_text("Integritetstjek: i orden", "Integrity check: ok"))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="write a Danish demo notebook")
    demo.add_argument("path", metavar="PATH")
    demo.add_argument("--size", type=int, default=200, help="number of activities (default 200)")
    demo.add_argument("--seed", type=int, default=1)
    demo.set_defaults(handler=cmd_demo)

    search = subparsers.add_parser("search", help="full-text search in a notebook")
    search.add_argument("--db", required=True, metavar="PATH")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=int, default=20)
    search.set_defaults(handler=cmd_search)

    check = subparsers.add_parser("check", help="check a notebook's integrity and show its contents")
    check.add_argument("--db", required=True, metavar="PATH")
    check.set_defaults(handler=cmd_check)
