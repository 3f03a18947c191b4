"""Who may be named in a report, and what stands in for everyone else.

Public (council) reports are the default. There a person's name appears only when
they have agreed to be named and have not withdrawn consent; anyone else becomes
a neutral label. An internal report names everyone and says so on every page.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain import ParticipantRole, Person
from fieldapp.reports.texts import t

MIN_SURVEY_RESPONDENTS = 5


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

    def survey_visible(self, respondents: int) -> bool:
        return self.internal or respondents >= self.min_respondents

    @property
    def shows_confidential(self) -> bool:
        """1:1 talk notes: only in internal reports."""
        return self.internal


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
