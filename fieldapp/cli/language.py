"""The command line's one way to speak: Danish unless FELTBOG_LANG or the locale asks for English."""

from __future__ import annotations

import os

from fieldapp.domain.i18n import language_from_environment


def language() -> str:
    """The chosen language, read from the environment each time (tests change it)."""
    return language_from_environment(dict(os.environ))


def say(da: str, en: str) -> str:
    """The sentence in the chosen language."""
    return da if language() == "da" else en
