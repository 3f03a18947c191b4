"""Who may be named in a report, and what stands in for everyone else.

Public (council) reports are the default. There a person's name appears only when
they have agreed to be named and have not withdrawn consent; anyone else becomes
a neutral label — in the structured fields (``Redactor.name``) *and* in free text
(``NameScrubber``: observation texts, quotes, captions, action texts, summaries,
questions, route notes, titles … every text of the report's data except the people
themselves). Counts of people from 1 to 4 are shown as "under 5" (``Redactor.people``).
An internal report names everyone and says so on every page.

Free-text matching, exactly: for every person in the notebook who may not be named,
the full name and the first name with each later name (so "Mette Sørensen Bak" is
also found as "Mette Bak" and "Mette Sørensen", "Anna Holm-Jensen" also as "Anna
Holm Jensen" and "Anna Jensen"); case-insensitive, after Unicode NFC, with any run of
spaces between the names, and with the Danish genitive ("Anna Holms", "Lars'").
A first name on its own is not matched (too many other words and people share it).
Where a name that may be shown contains the hidden one ("Anna Holm Madsen" may be
named, "Anna Holm" may not), the longer, named one is left alone.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from fieldapp.domain import ParticipantRole, Person
from fieldapp.domain.enums import MIN_SURVEY_ANSWERS
from fieldapp.reports.texts import format_count, t

MIN_SURVEY_RESPONDENTS = MIN_SURVEY_ANSWERS
MIN_PEOPLE = 5  # counts of people below this are shown as "under 5" in public reports


def may_be_named(person: Person) -> bool:
    return bool(person.may_be_named) and person.consent_withdrawn_at is None


@dataclass(frozen=True)
class Redactor:
    lang: str
    internal: bool = False
    min_respondents: int = MIN_SURVEY_RESPONDENTS

    def shows_name(self, person: Person | None) -> bool:
        return person is not None and (self.internal or may_be_named(person))

    def name(self, person: Person | None, role: ParticipantRole | None = None) -> str:
        """The person's name if it may be shown, else "en borger" / "en medarbejder"."""
        if person is None:
            return t("label_resident", self.lang)
        if self.shows_name(person):
            return person.name or ""
        return self.neutral(person, role)

    def neutral(self, person: Person | None, role: ParticipantRole | None = None) -> str:
        if role is ParticipantRole.STAFF or (role is None and person is not None and person.is_staff):
            return t("label_staff", self.lang)
        return t("label_resident", self.lang)

    def hides_count(self, count: int) -> bool:
        """Whether a count of people is too small to print (1 to 4, in a public report)."""
        return not self.internal and 0 < count < MIN_PEOPLE

    def people(self, count: int) -> str:
        """A count of people: "under 5" in a public report when it is 1 to 4."""
        if self.hides_count(count):
            return t("under_minimum", self.lang, minimum=MIN_PEOPLE)
        return format_count(count, self.lang)

    def survey_visible(self, respondents: int) -> bool:
        return self.internal or respondents >= self.min_respondents

    @property
    def shows_confidential(self) -> bool:
        """1:1 talk notes: only in internal reports."""
        return self.internal


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# ------------------------------------------------------------------ names in free text
_APOSTROPHES = "'\u2019"


def name_variants(name: str) -> list[str]:
    """The ways a name is written in running text (see the module doc), longest first."""
    tokens = unicodedata.normalize("NFC", name).split()
    if not tokens:
        return []
    variants = {" ".join(tokens)}
    first, rest = tokens[0], tokens[1:]
    for surname in rest:
        variants.add(f"{first} {surname}")
        for part in surname.split("-"):
            if part and part != surname:
                variants.add(f"{first} {part}")
    return sorted(variants, key=lambda v: (-len(v), v))


def _pattern(key: str) -> str:
    """A variant's key (casefolded, hyphens as spaces) as a regex: a hyphen, a space or several
    between any two of its words."""
    return r"[-\s_]+".join(re.escape(word) for word in key.split(" "))


class NameScrubber:
    """Replaces the names of people who may not be named in free text by a neutral label."""

    def __init__(self, people: Iterable[Person], redactor: Redactor):
        self.redactor = redactor
        labels: dict[str, str | None] = {}  # variant (casefolded) -> label, or None: may be shown
        for person in people:
            hidden = not redactor.shows_name(person)
            label = redactor.neutral(person) if hidden else None
            for variant in name_variants(person.name or ""):
                key = _key(variant)
                if hidden:
                    labels[key] = labels.get(key) or label
                else:
                    labels.setdefault(key, None)
        self._labels = labels
        self._regex: re.Pattern[str] | None = None
        if any(label is not None for label in labels.values()):
            ordered = sorted(labels, key=lambda v: (-len(v), v))
            alternatives = "|".join(_pattern(v) for v in ordered)
            self._regex = re.compile(
                rf"(?<![\w-])(?P<name>{alternatives})(?P<gen>[{_APOSTROPHES}]s|s|[{_APOSTROPHES}])?(?![\w-])",
                re.IGNORECASE,
            )

    def __call__(self, text: str) -> str:
        if self._regex is None or not text:
            return text
        text = unicodedata.normalize("NFC", text)
        return self._regex.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        label = self._labels.get(_key(match.group("name")))
        if label is None:
            return match.group(0)  # a name that may be shown
        if match.group("gen"):
            label += "s" if self.redactor.lang == "da" else "'s"
        before = match.string[: match.start()].rstrip(' \t"»«“”„(')
        if not before or before[-1] in ".!?:\n":
            label = capitalise(label)
        return label


def _key(variant: str) -> str:
    return " ".join(variant.replace("-", " ").replace("_", " ").split()).casefold()


def scrub(value: Any, scrubber: NameScrubber) -> Any:
    """A copy of a report's data with every text run through ``scrubber``.

    Walks dataclasses, lists, tuples and dicts; people are left alone (their names go
    through ``Redactor.name``), as are enums, paths and non-text values.
    """
    if isinstance(value, str):
        return value if isinstance(value, Enum) else scrubber(value)
    if isinstance(value, Person | Path | Enum) or value is None:
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: scrub(getattr(value, f.name), scrubber) for f in dataclasses.fields(value) if f.init
        }
        return dataclasses.replace(value, **changes)
    if isinstance(value, list):
        return [scrub(item, scrubber) for item in value]
    if isinstance(value, tuple):
        return tuple(scrub(item, scrubber) for item in value)
    if isinstance(value, dict):
        return {key: scrub(item, scrubber) for key, item in value.items()}
    return value
