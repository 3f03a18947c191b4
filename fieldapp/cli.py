"""Headless commands: ``fieldapp SUBCOMMAND …``. Every error is one line on stderr."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from fieldapp import APP_NAME, __version__
from fieldapp.domain import ValidationError
from fieldapp.domain.i18n import current_language
from fieldapp.store import StoreError

logger = logging.getLogger(__name__)

# Subsystems add their subcommands here: each module has ``register(subparsers)``,
# and every parser it adds sets ``handler=<callable(args) -> int>`` as its default.
REGISTRARS: list[str] = [
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
    lang = current_language()
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
