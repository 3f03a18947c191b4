"""The command line's one error type and its one table of exit codes."""

from __future__ import annotations

from enum import IntEnum

from fieldapp.domain.i18n import pick


class Exit(IntEnum):
    """What ``fieldapp COMMAND`` exits with (docs/cli.md; the README's command section)."""

    OK = 0
    FAILED = 1  # an expected failure: bad input, a missing/damaged/foreign notebook, a refused file
    USAGE = 2  # an unknown command or bad arguments (argparse's own code)
    IN_USE = 3  # the notebook is open in the desktop app or another process (the app's EXIT_LOCKED)
    CANCELLED = 4  # the user said no, or could not be asked (the app's EXIT_CANCELLED)
    INTERNAL = 70  # a bug (EX_SOFTWARE): one line here, the traceback in the log
    INTERRUPTED = 130  # Ctrl-C


class CliError(Exception):
    """An expected failure of a command: one sentence in Danish and English, and its exit code."""

    def __init__(self, da: str, en: str, exit: Exit = Exit.FAILED):
        self.texts = {"da": da, "en": en}
        self.exit = exit
        super().__init__(en)

    def message(self, lang: str | None = None) -> str:
        return pick(self.texts, lang)


def user_message(error: BaseException, lang: str) -> str | None:
    """The one-line text of an error the core raises for users (``message(lang)``), else None."""
    from fieldapp.domain import ValidationError
    from fieldapp.store import StoreError

    expected: tuple[type[BaseException], ...] = (CliError, StoreError, ValidationError)
    try:
        from fieldapp.reports.options import ReportError
        from fieldapp.routes.errors import RouteError

        expected += (ReportError, RouteError)
    except ImportError:  # pragma: no cover - a stripped-down build
        pass
    if isinstance(error, expected):
        return " ".join(error.message(lang).split())  # type: ignore[attr-defined]
    return None
