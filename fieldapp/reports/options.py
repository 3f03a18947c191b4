"""What a caller chooses for a report, what it gets back, and the errors it may meet."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.domain import Person
from fieldapp.domain.i18n import LANGUAGES
from fieldapp.reports.privacy import MIN_SURVEY_RESPONDENTS, NameScrubber, Redactor, scrub
from fieldapp.reports.texts import t


@dataclass(frozen=True)
class ReportOptions:
    lang: str = "da"
    internal: bool = False  # names everyone and marks every page "Intern"
    author: str | None = None  # shown on the cover and in the metadata
    today: date | None = None  # the report's date; fixed in tests for identical output
    min_respondents: int = MIN_SURVEY_RESPONDENTS

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"unsupported language {self.lang!r}")

    @property
    def report_date(self) -> date:
        return self.today or date.today()


@dataclass
class ReportResult:
    path: Path
    pages: int
    warnings: list[str] = field(default_factory=list)  # already in the report's language


@dataclass
class Context:
    """Shared by the builders of one report while it is being laid out."""

    options: ReportOptions
    width: float
    warnings: list[str] = field(default_factory=list)
    # Free text read outside the report's data (a route's legend) goes through this too.
    names: Callable[[str], str] = str

    @property
    def lang(self) -> str:
        return self.options.lang

    @property
    def redactor(self) -> Redactor:
        return Redactor(self.lang, self.options.internal, self.options.min_respondents)

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def redacted(self, data: Any, people: Iterable[Person]) -> Any:
        """``data`` with the names of people who may not be named taken out of its free text
        (public reports); an internal report gets it as it is."""
        if self.options.internal:
            return data
        self.names = NameScrubber(people, self.redactor)
        return scrub(data, self.names)


class ReportError(Exception):
    """An expected problem making a report; ``message(lang)`` is one sentence for the user."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang or "da", **self.params)
