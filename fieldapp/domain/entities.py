"""The things Feltbog keeps: areas, people, activities, observations, actions …

Every entity is a dataclass whose fields carry a ``FieldSpec``; ``Entity.specs()``
lists them. ``id``, ``created_at`` and ``updated_at`` are common to all and are
managed by the store (the two timestamps are derived from the change log).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any, ClassVar, Self

from fieldapp.domain.enums import (
    ActionStatus,
    ActivityKind,
    ActivityStatus,
    ConsentHow,
    Influence,
    LeadershipStage,
    ObservationKind,
    OrganisationKind,
    ParticipantRole,
    Phase,
    RelationKind,
    SurveyAnswer,
)
from fieldapp.domain.fields import TEXT_MAX, FieldError, FieldKind, FieldSpec, ValidationError, coerce
from fieldapp.domain.i18n import pick
from fieldapp.domain.ids import derived_id, uuid7

CAMERA_OFFSET_MAX_S = 7 * 24 * 3600  # a camera set to the wrong day or time zone, not more


def fld(kind: str, da: str, en: str, default: Any = None, **options: Any) -> Any:
    """Declare a stored field; the spec's name is filled in by ``Entity.specs``."""
    if options.get("multiline"):
        options.setdefault("max_len", TEXT_MAX)
    spec = FieldSpec(name="", kind=FieldKind(kind), label_da=da, label_en=en, **options)
    return field(default=default, metadata={"spec": spec})


@dataclass
class Entity:
    TABLE: ClassVar[str]
    NAME: ClassVar[dict[str, str]]  # what one of these is called, for messages
    TITLE_FIELD: ClassVar[str] = "name"
    # The ref to a person a row is *about* (its ``personal`` fields describe them), if any.
    SUBJECT_FIELD: ClassVar[str | None] = None

    id: str = field(default_factory=uuid7)
    created_at: str | None = None
    updated_at: str | None = None

    @classmethod
    @cache
    def specs(cls) -> tuple[FieldSpec, ...]:
        result = []
        for f in dataclasses.fields(cls):
            spec = f.metadata.get("spec")
            if spec is not None:
                result.append(dataclasses.replace(spec, name=f.name))
        return tuple(result)

    @classmethod
    def spec(cls, name: str) -> FieldSpec:
        for spec in cls.specs():
            if spec.name == name:
                return spec
        raise KeyError(f"{cls.__name__} has no field {name!r}")

    @classmethod
    def display_name(cls, lang: str | None = None) -> str:
        return pick(cls.NAME, lang)

    def values(self) -> dict[str, Any]:
        return {spec.name: getattr(self, spec.name) for spec in self.specs()}

    def validated(self) -> Self:
        """A copy with every field checked and coerced; raises ``ValidationError``."""
        errors: list[FieldError] = []
        clean: dict[str, Any] = {}
        for spec in self.specs():
            try:
                clean[spec.name] = coerce(spec, getattr(self, spec.name))
            except FieldError as error:
                errors.append(error)
        if not errors:
            try:
                self.check(clean)
            except FieldError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return dataclasses.replace(self, **clean)

    def check(self, values: dict[str, Any]) -> None:
        """Rules across fields; subclasses override."""


@dataclass
class Area(Entity):
    TABLE = "areas"
    NAME = {"da": "område", "en": "area"}

    name: str | None = fld("text", "Navn", "Name", required=True, searchable=True)
    municipality: str | None = fld("text", "Kommune", "Municipality", searchable=True)
    description: str | None = fld("text", "Beskrivelse", "Description", searchable=True, multiline=True)
    phase: Phase | None = fld("enum", "Fase", "Phase", Phase.AWAKEN, enum=Phase, required=True)
    influence: Influence | None = fld(
        "enum",
        "Borgernes indflydelse",
        "Citizens' influence",
        Influence.CONSULT,
        enum=Influence,
        required=True,
    )


@dataclass
class Organisation(Entity):
    TABLE = "organisations"
    NAME = {"da": "organisation", "en": "organisation"}

    name: str | None = fld("text", "Navn", "Name", required=True, searchable=True)
    kind: OrganisationKind | None = fld(
        "enum", "Type", "Kind", OrganisationKind.ASSOCIATION, enum=OrganisationKind, required=True
    )
    area_id: str | None = fld("ref", "Område", "Area", ref="areas")
    notes: str | None = fld("text", "Noter", "Notes", searchable=True, multiline=True)


@dataclass
class Person(Entity):
    TABLE = "people"
    NAME = {"da": "person", "en": "person"}

    name: str | None = fld("text", "Navn", "Name", required=True, searchable=True, personal=True)
    phone: str | None = fld("text", "Telefon", "Phone", personal=True, max_len=40)
    email: str | None = fld("text", "E-mail", "E-mail", personal=True, max_len=200)
    area_id: str | None = fld("ref", "Område", "Area", ref="areas")
    organisation_id: str | None = fld("ref", "Organisation", "Organisation", ref="organisations")
    roles: str | None = fld("text", "Roller", "Roles", searchable=True, personal=True)
    interests: str | None = fld(
        "text", "Optaget af", "Cares about", searchable=True, personal=True, multiline=True
    )
    resources: str | None = fld(
        "text",
        "Ressourcer og talenter",
        "Resources and talents",
        searchable=True,
        personal=True,
        multiline=True,
    )
    notes: str | None = fld("text", "Noter", "Notes", searchable=True, personal=True, multiline=True)
    leadership_stage: LeadershipStage | None = fld(
        "enum", "Lederstige", "Leadership stage", LeadershipStage.CONTACT, enum=LeadershipStage, required=True
    )
    consent_store_at: date | None = fld("date", "Samtykke givet", "Consent given on")
    consent_how: ConsentHow | None = fld("enum", "Samtykkets form", "How consent was given", enum=ConsentHow)
    consent_purpose: str | None = fld("text", "Samtykke til", "Consent for", personal=True)
    consent_withdrawn_at: date | None = fld("date", "Samtykke trukket tilbage", "Consent withdrawn on")
    may_be_named: bool | None = fld("bool", "Må nævnes ved navn", "May be named", False)
    may_contact: bool | None = fld("bool", "Må kontaktes", "May be contacted", False)
    review_after: date | None = fld("date", "Gennemgås efter", "Review after")
    is_staff: bool | None = fld("bool", "Medarbejder", "Staff", False)

    def check(self, values: dict[str, Any]) -> None:
        if values["consent_how"] is not None and values["consent_store_at"] is None:
            raise FieldError(self.spec("consent_store_at"), "required")


@dataclass
class Relation(Entity):
    TABLE = "relations"
    NAME = {"da": "relation", "en": "relation"}
    TITLE_FIELD = "kind"

    from_person_id: str | None = fld("ref", "Person", "Person", ref="people", required=True)
    to_person_id: str | None = fld("ref", "Kender", "Knows", ref="people", required=True)
    kind: RelationKind | None = fld(
        "enum", "Relation", "Relation", RelationKind.KNOWS, enum=RelationKind, required=True
    )
    activity_id: str | None = fld("ref", "Aktivitet", "Activity", ref="activities")
    note: str | None = fld("text", "Note", "Note", personal=True)

    @staticmethod
    def key(from_person_id: str, to_person_id: str, kind: str) -> str:
        """Two laptops recording the same relation converge on one row."""
        return derived_id("relation", from_person_id, to_person_id, str(kind))


@dataclass
class Activity(Entity):
    TABLE = "activities"
    NAME = {"da": "aktivitet", "en": "activity"}
    TITLE_FIELD = "title"
    # A 1:1 talk is about this person: erasing them empties the talk's personal fields.
    SUBJECT_FIELD = "person_id"

    kind: ActivityKind | None = fld("enum", "Type", "Kind", enum=ActivityKind, required=True)
    title: str | None = fld("text", "Titel", "Title", required=True, searchable=True, personal=True)
    area_id: str | None = fld("ref", "Område", "Area", ref="areas")
    starts_at: datetime | None = fld("datetime", "Start", "Starts", required=True)
    ends_at: datetime | None = fld("datetime", "Slut", "Ends")
    place: str | None = fld("text", "Sted", "Place", searchable=True, personal=True)
    summary: str | None = fld(
        "text", "Opsummering", "Summary", searchable=True, multiline=True, personal=True
    )
    facilitator_id: str | None = fld("ref", "Facilitator", "Facilitator", ref="people")
    status: ActivityStatus | None = fld(
        "enum", "Status", "Status", ActivityStatus.DRAFT, enum=ActivityStatus, required=True
    )
    # walkabout
    route: str | None = fld("text", "Rute", "Route", searchable=True, multiline=True)
    gpx_attachment_id: str | None = fld("ref", "GPX-spor", "GPX track", ref="attachments")
    # Seconds to add to the camera's clock to get the true time (the camera was slow: positive).
    camera_offset_s: int | None = fld(
        "int",
        "Kameraets ur går forkert med (sekunder)",
        "Camera clock offset (seconds)",
        minimum=-CAMERA_OFFSET_MAX_S,
        maximum=CAMERA_OFFSET_MAX_S,
    )
    # one_to_one
    person_id: str | None = fld("ref", "Person", "Person", ref="people")
    story: str | None = fld(
        "text", "Personens historie", "Their story", searchable=True, multiline=True, personal=True
    )
    self_interest: str | None = fld(
        "text",
        "Hvad er de optaget af",
        "What they care about",
        searchable=True,
        multiline=True,
        personal=True,
    )
    concerns: str | None = fld(
        "text", "Bekymringer", "Concerns", searchable=True, multiline=True, personal=True
    )
    resources: str | None = fld(
        "text",
        "Ressourcer og talenter",
        "Resources and talents",
        searchable=True,
        multiline=True,
        personal=True,
    )
    leadership_assessment: LeadershipStage | None = fld(
        "enum", "Vurdering på lederstigen", "Leadership assessment", enum=LeadershipStage, personal=True
    )
    next_step: str | None = fld(
        "text", "Næste skridt", "Next step", searchable=True, multiline=True, personal=True
    )
    follow_up_date: date | None = fld("date", "Opfølgning", "Follow-up date", personal=True)
    # listening_meeting
    attendee_count: int | None = fld("int", "Antal deltagere", "Attendees", minimum=0, maximum=1_000_000)
    invited_groups: str | None = fld(
        "text", "Inviterede grupper", "Invited groups", searchable=True, multiline=True
    )
    questions: str | None = fld("text", "Spørgsmål", "Questions asked", searchable=True, multiline=True)

    def check(self, values: dict[str, Any]) -> None:
        if values["ends_at"] and values["starts_at"] and values["ends_at"] < values["starts_at"]:
            raise FieldError(self.spec("ends_at"), "ends_before_start")


@dataclass
class Participant(Entity):
    TABLE = "participants"
    NAME = {"da": "deltager", "en": "participant"}
    TITLE_FIELD = "role"

    activity_id: str | None = fld("ref", "Aktivitet", "Activity", ref="activities", required=True)
    person_id: str | None = fld("ref", "Person", "Person", ref="people", required=True)
    role: ParticipantRole | None = fld(
        "enum", "Rolle", "Role", ParticipantRole.RESIDENT, enum=ParticipantRole, required=True
    )

    @staticmethod
    def key(activity_id: str, person_id: str) -> str:
        return derived_id("participant", activity_id, person_id)


@dataclass
class Observation(Entity):
    TABLE = "observations"
    NAME = {"da": "observation", "en": "observation"}
    TITLE_FIELD = "text"

    activity_id: str | None = fld("ref", "Aktivitet", "Activity", ref="activities", required=True)
    kind: ObservationKind | None = fld(
        "enum", "Type", "Kind", ObservationKind.CONCERN, enum=ObservationKind, required=True
    )
    text: str | None = fld("text", "Tekst", "Text", required=True, searchable=True, multiline=True)
    observed_at: datetime | None = fld("datetime", "Tidspunkt", "Time")
    place_text: str | None = fld("text", "Sted", "Place", searchable=True)
    lat: float | None = fld("float", "Breddegrad", "Latitude", minimum=-90, maximum=90)
    lon: float | None = fld("float", "Længdegrad", "Longitude", minimum=-180, maximum=180)
    raised_by_id: str | None = fld("ref", "Rejst af", "Raised by", ref="people")
    votes: int | None = fld("int", "Stemmer", "Votes", 0, minimum=0, maximum=1_000_000)


@dataclass
class Theme(Entity):
    TABLE = "themes"
    NAME = {"da": "tema", "en": "theme"}

    name: str | None = fld("text", "Tema", "Theme", required=True, searchable=True, max_len=80)

    @staticmethod
    def key(name: str) -> str:
        return derived_id("theme", normalise_theme(name))


def normalise_theme(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass
class ObservationTheme(Entity):
    TABLE = "observation_themes"
    NAME = {"da": "tema på observation", "en": "observation theme"}
    TITLE_FIELD = "theme_id"

    observation_id: str | None = fld("ref", "Observation", "Observation", ref="observations", required=True)
    theme_id: str | None = fld("ref", "Tema", "Theme", ref="themes", required=True)

    @staticmethod
    def key(observation_id: str, theme_id: str) -> str:
        return derived_id("observation_theme", observation_id, theme_id)


@dataclass
class Action(Entity):
    TABLE = "actions"
    NAME = {"da": "handling", "en": "action"}
    TITLE_FIELD = "text"

    text: str | None = fld("text", "Handling", "Action", required=True, searchable=True, max_len=2000)
    area_id: str | None = fld("ref", "Område", "Area", ref="areas")
    activity_id: str | None = fld("ref", "Aktivitet", "Activity", ref="activities")
    observation_id: str | None = fld("ref", "Observation", "Observation", ref="observations")
    owner_id: str | None = fld("ref", "Ansvarlig", "Owner", ref="people")
    due_date: date | None = fld("date", "Frist", "Due")
    status: ActionStatus | None = fld(
        "enum", "Status", "Status", ActionStatus.OPEN, enum=ActionStatus, required=True
    )
    completed_at: date | None = fld("date", "Udført", "Completed on")


@dataclass
class SurveyItem(Entity):
    TABLE = "survey_items"
    NAME = {"da": "udsagn", "en": "survey statement"}
    TITLE_FIELD = "statement"

    activity_id: str | None = fld("ref", "Lyttemøde", "Listening meeting", ref="activities", required=True)
    position: int | None = fld("int", "Nummer", "Position", 0, minimum=0, maximum=1000)
    statement: str | None = fld("text", "Udsagn", "Statement", required=True, searchable=True, max_len=500)


@dataclass
class SurveyTally(Entity):
    TABLE = "survey_tallies"
    NAME = {"da": "optælling", "en": "survey tally"}
    TITLE_FIELD = "answer"

    item_id: str | None = fld("ref", "Udsagn", "Statement", ref="survey_items", required=True)
    answer: SurveyAnswer | None = fld("enum", "Svar", "Answer", enum=SurveyAnswer, required=True)
    count: int | None = fld("int", "Antal", "Count", 0, minimum=0, maximum=1_000_000)

    @staticmethod
    def key(item_id: str, answer: str) -> str:
        return derived_id("survey_tally", item_id, str(answer))


@dataclass
class Attachment(Entity):
    TABLE = "attachments"
    NAME = {"da": "vedhæftet fil", "en": "attachment"}
    TITLE_FIELD = "filename"

    sha256: str | None = fld("text", "SHA-256", "SHA-256", required=True, max_len=64)
    filename: str | None = fld("text", "Filnavn", "File name", required=True, searchable=True)
    mime: str | None = fld("text", "Filtype", "File type", max_len=100)
    size: int | None = fld("int", "Størrelse", "Size", minimum=0)
    caption: str | None = fld("text", "Billedtekst", "Caption", searchable=True, max_len=1000)
    taken_at: datetime | None = fld("datetime", "Taget", "Taken")
    lat: float | None = fld("float", "Breddegrad", "Latitude", minimum=-90, maximum=90)
    lon: float | None = fld("float", "Længdegrad", "Longitude", minimum=-180, maximum=180)
    activity_id: str | None = fld("ref", "Aktivitet", "Activity", ref="activities")
    observation_id: str | None = fld("ref", "Observation", "Observation", ref="observations")


ENTITIES: tuple[type[Entity], ...] = (
    Area,
    Organisation,
    Person,
    Relation,
    Activity,
    Participant,
    Observation,
    Theme,
    ObservationTheme,
    Action,
    SurveyItem,
    SurveyTally,
    Attachment,
)
BY_TABLE: dict[str, type[Entity]] = {cls.TABLE: cls for cls in ENTITIES}
