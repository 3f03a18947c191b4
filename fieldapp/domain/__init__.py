"""Pure-Python domain: entities, vocabularies, validation, ids and the clock. No I/O."""

from fieldapp.domain.clock import HybridLogicalClock
from fieldapp.domain.entities import (
    BY_TABLE,
    ENTITIES,
    Action,
    Activity,
    Area,
    Attachment,
    Entity,
    Observation,
    ObservationTheme,
    Organisation,
    Participant,
    Person,
    Relation,
    SurveyItem,
    SurveyTally,
    Theme,
)
from fieldapp.domain.enums import (
    DEFAULT_SURVEY_STATEMENTS,
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
from fieldapp.domain.fields import FieldError, FieldSpec, ValidationError, contains_cpr

__all__ = [
    "BY_TABLE", "ENTITIES", "DEFAULT_SURVEY_STATEMENTS", "Action", "ActionStatus", "Activity",
    "ActivityKind", "ActivityStatus", "Area", "Attachment", "ConsentHow", "Entity", "FieldError",
    "FieldSpec", "HybridLogicalClock", "Influence", "LeadershipStage", "Observation",
    "ObservationKind", "ObservationTheme", "Organisation", "OrganisationKind", "Participant",
    "ParticipantRole", "Person", "Phase", "Relation", "RelationKind", "SurveyAnswer", "SurveyItem",
    "SurveyTally", "Theme", "ValidationError", "contains_cpr",
]
