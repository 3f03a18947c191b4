"""The field work's own operations, built on the generic writes of ``Store``.

Observations with themes, participants, the listening-meeting survey and what a
1:1 talk changes elsewhere (the person's ladder stage, a follow-up action).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from fieldapp.domain import (
    DEFAULT_SURVEY_STATEMENTS,
    Action,
    ActionStatus,
    Activity,
    Observation,
    ObservationKind,
    ObservationTheme,
    Participant,
    ParticipantRole,
    Person,
    SurveyAnswer,
    SurveyItem,
    SurveyTally,
    Theme,
)
from fieldapp.domain.entities import normalise_theme
from fieldapp.domain.i18n import pick
from fieldapp.domain.ids import derived_id

if TYPE_CHECKING:
    from fieldapp.store.store import Store


@dataclass(frozen=True)
class PersonHistory:
    activities: list[Activity]
    observations: list[Observation]
    actions: list[Action]


class NotebookMixin:
    """Mixed into ``Store``; every method writes through the store's logged writes."""

    conn: sqlite3.Connection

    # -------------------------------------------------------------- observations
    def observations(self: Store, activity_id: str) -> list[Observation]:
        return self.list(
            Observation,
            "activity_id = ?",
            [activity_id],
            order_by="observed_at IS NULL, observed_at, created_at, id",
        )

    def add_observation(
        self: Store,
        activity_id: str,
        text: str,
        kind: ObservationKind | str = ObservationKind.CONCERN,
        *,
        observed_at: datetime | None = None,
        themes: Iterable[str] = (),
        raised_by_id: str | None = None,
        place_text: str | None = None,
        lat: float | None = None,
        lon: float | None = None,
    ) -> Observation:
        """Store one observation, stamped with the current time unless given."""
        with self.transaction():
            observation = self.add(
                Observation(
                    activity_id=activity_id,
                    kind=kind,  # type: ignore[arg-type]  # validated() turns a code into the enum
                    text=text,
                    observed_at=observed_at or datetime.now().replace(microsecond=0),
                    raised_by_id=raised_by_id,
                    place_text=place_text,
                    lat=lat,
                    lon=lon,
                )
            )
            names = [n for n in themes if n.strip()]
            if names:
                self.set_themes(observation.id, names)
        return observation

    # -------------------------------------------------------------- themes
    def ensure_theme(self: Store, name: str) -> Theme:
        clean = " ".join(name.split())
        theme_id = Theme.key(clean)
        existing = self.find(Theme, theme_id)
        return existing or self.add(Theme(id=theme_id, name=clean))

    def set_themes(self: Store, observation_id: str, names: Iterable[str]) -> None:
        """Make the observation's themes exactly ``names`` (case-insensitively)."""
        wanted: dict[str, str] = {}
        for name in names:
            if name.strip():
                wanted.setdefault(Theme.key(name), name)
        with self.transaction():
            current = {
                link.theme_id: link
                for link in self.list(ObservationTheme, "observation_id = ?", [observation_id])
            }
            for theme_id, link in current.items():
                if theme_id not in wanted:
                    self.delete(ObservationTheme, link.id)
            for theme_id, name in wanted.items():
                if theme_id not in current:
                    self.ensure_theme(name)
                    self.add(
                        ObservationTheme(
                            id=ObservationTheme.key(observation_id, theme_id),
                            observation_id=observation_id,
                            theme_id=theme_id,
                        )
                    )

    def themes_of(self: Store, observation_id: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT t.name FROM observation_themes ot JOIN themes t ON t.id = ot.theme_id"
            " WHERE ot.observation_id = ? ORDER BY t.name COLLATE NOCASE",
            (observation_id,),
        )
        return [r[0] for r in rows]

    def theme_names(self: Store) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM themes ORDER BY name COLLATE NOCASE")]

    def theme_by_name(self: Store, name: str) -> Theme | None:
        return self.find(Theme, Theme.key(name)) if normalise_theme(name) else None

    # -------------------------------------------------------------- participants
    def participants(self: Store, activity_id: str) -> list[tuple[Participant, Person]]:
        result = []
        for participant in self.list(
            Participant, "activity_id = ?", [activity_id], order_by="created_at, id"
        ):
            person = self.find(Person, participant.person_id)
            if person is not None:
                result.append((participant, person))
        return sorted(result, key=lambda pair: (pair[1].name or "").casefold())

    def add_participant(
        self: Store, activity_id: str, person_id: str, role: ParticipantRole | str = ParticipantRole.RESIDENT
    ) -> Participant:
        key = Participant.key(activity_id, person_id)
        if self.find(Participant, key) is not None:
            return self.update(Participant, key, role=role)
        return self.add(
            Participant(id=key, activity_id=activity_id, person_id=person_id, role=role)  # type: ignore[arg-type]
        )

    def remove_participant(self: Store, activity_id: str, person_id: str) -> None:
        key = Participant.key(activity_id, person_id)
        if self.find(Participant, key) is not None:
            self.delete(Participant, key)

    # -------------------------------------------------------------- survey
    def ensure_survey(self: Store, activity_id: str, lang: str = "da") -> list[SurveyItem]:
        """The meeting's survey statements; the three agency statements if it has none."""
        items = self.survey_items(activity_id)
        if items:
            return items
        with self.transaction():
            for position, texts in enumerate(DEFAULT_SURVEY_STATEMENTS):
                self.add(
                    SurveyItem(
                        id=derived_id("survey_item", activity_id, str(position)),
                        activity_id=activity_id,
                        position=position,
                        statement=pick(texts, lang),
                    )
                )
        return self.survey_items(activity_id)

    def survey_items(self: Store, activity_id: str) -> list[SurveyItem]:
        return self.list(SurveyItem, "activity_id = ?", [activity_id], order_by="position, created_at, id")

    def survey(self: Store, activity_id: str) -> list[tuple[SurveyItem, dict[SurveyAnswer, int]]]:
        result = []
        for item in self.survey_items(activity_id):
            counts = {answer: 0 for answer in SurveyAnswer}
            for tally in self.list(SurveyTally, "item_id = ?", [item.id], order_by="answer"):
                if tally.answer is not None:  # always set: a tally's answer is required
                    counts[tally.answer] = tally.count or 0
            result.append((item, counts))
        return result

    def set_tally(self: Store, item_id: str, answer: SurveyAnswer | str, count: int) -> SurveyTally:
        key = SurveyTally.key(item_id, str(SurveyAnswer(answer)))
        if self.find(SurveyTally, key) is not None:
            return self.update(SurveyTally, key, count=count)
        return self.add(SurveyTally(id=key, item_id=item_id, answer=SurveyAnswer(answer), count=count))

    # -------------------------------------------------------------- 1:1 talks
    def apply_one_to_one(self: Store, activity_id: str) -> Action | None:
        """Carry a 1:1 talk's outcome over: the person's ladder stage and a follow-up action."""
        talk = self.get(Activity, activity_id)
        with self.transaction():
            if talk.person_id and talk.leadership_assessment:
                person = self.find(Person, talk.person_id)
                if person is not None and person.leadership_stage != talk.leadership_assessment:
                    self.update(Person, person.id, leadership_stage=talk.leadership_assessment)
            if not talk.follow_up_date:
                return None
            key = derived_id("follow_up", activity_id)
            person = self.find(Person, talk.person_id) if talk.person_id else None
            text = talk.next_step or _follow_up_text(person.name if person else talk.title)
            values: dict[str, Any] = dict(
                text=text[:2000],
                due_date=talk.follow_up_date,
                owner_id=talk.facilitator_id,
                area_id=talk.area_id,
            )
            if self.find(Action, key) is not None:
                return self.update(Action, key, **values)
            return self.add(Action(id=key, activity_id=activity_id, status=ActionStatus.OPEN, **values))

    # -------------------------------------------------------------- people
    def person_history(self: Store, person_id: str) -> PersonHistory:
        activities = self.list(
            Activity,
            "person_id = ? OR facilitator_id = ? OR id IN (SELECT activity_id FROM participants WHERE person_id = ?)",
            [person_id, person_id, person_id],
            order_by="starts_at DESC, id",
        )
        observations = self.list(
            Observation, "raised_by_id = ?", [person_id], order_by="observed_at DESC, id"
        )
        actions = self.list(Action, "owner_id = ?", [person_id], order_by="due_date IS NULL, due_date, id")
        return PersonHistory(activities, observations, actions)


def _follow_up_text(name: str | None) -> str:
    return pick({"da": f"Følg op på 1:1-samtale med {name}", "en": f"Follow up the 1:1 talk with {name}"})
