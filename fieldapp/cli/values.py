"""Argument types shared by the commands: each refusal is one sentence in the chosen language."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from fieldapp.cli.errors import CliError
from fieldapp.cli.language import say


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type for a whole number from ``low`` to ``high`` (no 20-digit limits)."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(
                say(f"»{text}« er ikke et helt tal", f"'{text}' is not a whole number")
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                say(f"skal være mellem {low} og {high}", f"must be between {low} and {high}")
            )
        return value

    return parse


def iso_date(text: str | None, option: str) -> date | None:
    """A date typed as YYYY-MM-DD for ``option`` (``None`` stays ``None``)."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(
            f"{option}: »{text}« er ikke en gyldig dato (brug ÅÅÅÅ-MM-DD).",
            f"{option}: '{text}' is not a valid date (use YYYY-MM-DD).",
        ) from None
