"""The ``fieldapp`` parser, the list of command groups, and the one place errors become a line."""

from __future__ import annotations

import argparse
import importlib
import logging
import sqlite3
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from fieldapp import APP_NAME, __version__
from fieldapp.cli.errors import CliError, Exit, user_message
from fieldapp.cli.language import language, say
from fieldapp.domain import i18n

logger = logging.getLogger(__name__)

# One module per command group; each has ``register(subparsers)``, and every parser it
# adds sets ``handler=<callable(args) -> int>`` as its default (see the package docstring).
GROUPS: list[str] = [
    "fieldapp.cli.notebook",
    "fieldapp.cli.reports",
    "fieldapp.cli.maintenance",
    "fieldapp.cli.privacy",
    "fieldapp.cli.sync",
    "fieldapp.cli.route",
    "fieldapp.cli.spreadsheets",
]


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        hint = say("se", "see")
        self.exit(Exit.USAGE, f"fieldapp: {self.prog}: {message} ({hint} {self.prog} --help)\n")


def build_parser() -> Parser:
    parser = Parser(prog="fieldapp", description=f"{APP_NAME} {__version__}")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module_name in GROUPS:
        importlib.import_module(module_name).register(subparsers)
    parser.command_choices = subparsers.choices  # type: ignore[attr-defined]
    return parser


def command_names() -> set[str]:
    return set(build_parser().command_choices)  # type: ignore[attr-defined]


def command_paths(parser: argparse.ArgumentParser | None = None, prefix: str = "") -> list[str]:
    """Every command as typed, sub-commands included: ``check``, ``sync export`` …"""
    parser = parser or build_parser()
    paths = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = command_paths(sub, f"{prefix}{name} ")
                paths.extend(inner or [f"{prefix}{name}"])
    return paths


def run(argv: Sequence[str]) -> int:
    """Run one command; every outcome is an exit code, every error one line on stderr."""
    argv = list(argv)
    lang = language()
    previous = i18n.current_language()
    i18n.set_language(lang)  # core texts that follow the current language follow the CLI's
    try:
        return _run(argv, lang)
    finally:
        i18n.set_language(previous)


def _run(argv: list[str], lang: str) -> int:
    parser = build_parser()
    if argv and not argv[0].startswith("-") and argv[0] not in parser.command_choices:  # type: ignore[attr-defined]
        return _fail(
            CliError(
                f"Ukendt kommando »{argv[0]}«. Se fieldapp --help.",
                f"Unknown command '{argv[0]}'. See fieldapp --help.",
                Exit.USAGE,
            ),
            lang,
        )
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version, a usage error (already printed)
        return int(done.code or 0) if not isinstance(done.code, str) else Exit.USAGE
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return Exit.USAGE
    try:
        return int(handler(args))
    except KeyboardInterrupt:
        print("fieldapp: " + say("Afbrudt.", "Interrupted."), file=sys.stderr)
        return Exit.INTERRUPTED
    except Exception as error:  # noqa: BLE001 - the one place where errors become a line
        return _fail(error, lang, getattr(args, "db", None))


def _fail(error: BaseException, lang: str, db: object = None) -> int:
    from fieldapp.store.errors import CorruptDatabaseError, DatabaseLockedError, translate_sqlite_error

    if isinstance(error, sqlite3.DatabaseError):
        error = translate_sqlite_error(error) or CorruptDatabaseError(path=db or "", detail=str(error))
        if isinstance(error, CorruptDatabaseError) and not error.params.get("path"):
            error = CorruptDatabaseError(path=db or "", detail=error.params.get("detail", ""))
    text = user_message(error, lang)
    code = Exit.IN_USE if isinstance(error, DatabaseLockedError) else getattr(error, "exit", Exit.FAILED)
    if text is None and isinstance(error, OSError):
        reason = error.strerror or str(error)
        text = (
            say(
                f"Filen »{error.filename}« kunne ikke bruges: {reason}",
                f"The file '{error.filename}' could not be used: {reason}",
            )
            if error.filename
            else say(f"En fil kunne ikke bruges: {reason}", f"A file could not be used: {reason}")
        )
    if text is None:
        logger.exception("internal error")
        text = say(
            f"Intern fejl ({type(error).__name__}: {error}). Det er en fejl i Feltbog; skriv venligst til os.",
            f"Internal error ({type(error).__name__}: {error}). This is a bug in Feltbog; please report it.",
        )
        code = Exit.INTERNAL
    print(f"fieldapp: {text}", file=sys.stderr)
    return int(code)
