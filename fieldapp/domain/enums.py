"""The fixed vocabularies of the field: activity kinds, phases, ladder stages …

Each enum's value is what is stored and synced (English, stable); ``label()`` gives
the word staff use, in Danish or English, and ``explain()`` a one-line explanation
where the UI and the council reports need one.
"""

from __future__ import annotations

from enum import StrEnum

from fieldapp.domain.i18n import pick


class Vocabulary(StrEnum):
    """A StrEnum whose members carry Danish and English labels."""

    @classmethod
    def _labels(cls) -> dict[str, dict[str, str]]:
        return _LABELS[cls.__name__]

    def label(self, lang: str | None = None) -> str:
        return pick(self._labels()[self.value], lang)

    def explain(self, lang: str | None = None) -> str:
        texts = _EXPLANATIONS.get(self.__class__.__name__, {}).get(self.value)
        return pick(texts, lang) if texts else ""


class ActivityKind(Vocabulary):
    WALKABOUT = "walkabout"
    ONE_TO_ONE = "one_to_one"
    LISTENING_MEETING = "listening_meeting"


class ActivityStatus(Vocabulary):
    DRAFT = "draft"
    FINAL = "final"


class Phase(Vocabulary):
    AWAKEN = "awaken"
    DEVELOP_LEADERS = "develop_leaders"
    WITHDRAW = "withdraw"


class Influence(Vocabulary):
    INFORM = "inform"
    CONSULT = "consult"
    CO_CREATE = "co_create"
    CITIZEN_LED = "citizen_led"


class LeadershipStage(Vocabulary):
    CONTACT = "contact"
    POTENTIAL = "potential"
    EMERGING = "emerging"
    LEADER = "leader"


class ObservationKind(Vocabulary):
    CONCERN = "concern"
    HOPE = "hope"
    IDEA = "idea"
    QUOTE = "quote"
    FACT = "fact"


class ConsentHow(Vocabulary):
    VERBAL = "verbal"
    WRITTEN = "written"


class OrganisationKind(Vocabulary):
    ASSOCIATION = "association"
    LOCAL_COUNCIL = "local_council"
    BUSINESS = "business"
    SCHOOL = "school"
    CHURCH = "church"
    INSTITUTION = "institution"
    OTHER = "other"


class ParticipantRole(Vocabulary):
    RESIDENT = "resident"
    STAFF = "staff"
    COUNCIL = "council"
    BUSINESS = "business"
    ASSOCIATION = "association"


class RelationKind(Vocabulary):
    KNOWS = "knows"
    INTRODUCED_BY = "introduced_by"
    SUGGESTED = "suggested"


class ActionStatus(Vocabulary):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class SurveyAnswer(Vocabulary):
    STRONGLY_DISAGREE = "strongly_disagree"
    DISAGREE = "disagree"
    NEUTRAL = "neutral"
    AGREE = "agree"
    STRONGLY_AGREE = "strongly_agree"


def _l(da: str, en: str) -> dict[str, str]:
    return {"da": da, "en": en}


_LABELS: dict[str, dict[str, dict[str, str]]] = {
    "ActivityKind": {
        "walkabout": _l("Byvandring", "Walkabout"),
        "one_to_one": _l("1:1-samtale", "1:1 talk"),
        "listening_meeting": _l("Lyttemøde", "Listening meeting"),
    },
    "ActivityStatus": {"draft": _l("Kladde", "Draft"), "final": _l("Færdig", "Final")},
    "Phase": {
        "awaken": _l("Vække engagement", "Awaken"),
        "develop_leaders": _l("Udvikle ledere", "Develop leaders"),
        "withdraw": _l("Trække sig", "Withdraw"),
    },
    "Influence": {
        "inform": _l("Informere", "Inform"),
        "consult": _l("Høre", "Consult"),
        "co_create": _l("Samskabe", "Co-create"),
        "citizen_led": _l("Borgerdrevet", "Citizen-led"),
    },
    "LeadershipStage": {
        "contact": _l("Kontakt", "Contact"),
        "potential": _l("Potentiel leder", "Potential leader"),
        "emerging": _l("Spirende leder", "Emerging leader"),
        "leader": _l("Leder (ildsjæl)", "Leader"),
    },
    "ObservationKind": {
        "concern": _l("Det ubærlige", "Concern"),
        "hope": _l("Ressource og håb", "Source of hope"),
        "idea": _l("Idé", "Idea"),
        "quote": _l("Citat", "Quote"),
        "fact": _l("Fakta", "Fact"),
    },
    "ConsentHow": {"verbal": _l("Mundtligt", "Verbal"), "written": _l("Skriftligt", "Written")},
    "OrganisationKind": {
        "association": _l("Forening", "Association"),
        "local_council": _l("Lokalråd", "Local council"),
        "business": _l("Virksomhed", "Business"),
        "school": _l("Skole", "School"),
        "church": _l("Kirke", "Church"),
        "institution": _l("Institution", "Institution"),
        "other": _l("Andet", "Other"),
    },
    "ParticipantRole": {
        "resident": _l("Borger", "Resident"),
        "staff": _l("Medarbejder", "Staff"),
        "council": _l("Lokalråd/byråd", "Council"),
        "business": _l("Erhverv", "Business"),
        "association": _l("Forening", "Association"),
    },
    "RelationKind": {
        "knows": _l("Kender", "Knows"),
        "introduced_by": _l("Introduceret af", "Introduced by"),
        "suggested": _l("Foreslået af", "Suggested by"),
    },
    "ActionStatus": {
        "open": _l("Åben", "Open"),
        "done": _l("Udført", "Done"),
        "cancelled": _l("Droppet", "Cancelled"),
    },
    "SurveyAnswer": {
        "strongly_disagree": _l("Helt uenig", "Strongly disagree"),
        "disagree": _l("Uenig", "Disagree"),
        "neutral": _l("Hverken enig eller uenig", "Neither agree nor disagree"),
        "agree": _l("Enig", "Agree"),
        "strongly_agree": _l("Helt enig", "Strongly agree"),
    },
}

_EXPLANATIONS: dict[str, dict[str, dict[str, str]]] = {
    "Phase": {
        "awaken": _l(
            "Vi lytter og finder det, der er ubærligt, og kilderne til håb.",
            "We listen and find what is unbearable and the sources of hope.",
        ),
        "develop_leaders": _l(
            "Vi finder, rekrutterer og træner lokale ildsjæle, så de ikke står alene.",
            "We identify, recruit and train local leaders so they do not stand alone.",
        ),
        "withdraw": _l(
            "Kommunen træder et skridt tilbage; de lokale ledere bærer arbejdet.",
            "The municipality steps back; local leaders carry the work.",
        ),
    },
    "Influence": {
        "inform": _l(
            "Borgerne får besked om, hvad der er besluttet.",
            "Citizens are told what has been decided.",
        ),
        "consult": _l(
            "Borgerne bliver hørt; kommunen træffer beslutningen.",
            "Citizens are consulted; the municipality decides.",
        ),
        "co_create": _l(
            "Borgere og kommune beslutter og løser opgaven sammen.",
            "Citizens and the municipality decide and do the work together.",
        ),
        "citizen_led": _l(
            "Borgerne beslutter og leder; kommunen støtter.",
            "Citizens decide and lead; the municipality supports.",
        ),
    },
    "ObservationKind": {
        "concern": _l("Det, der er ubærligt og skal laves om.", "What is unbearable and must change."),
        "hope": _l("Ressourcer og kilder til håb.", "Resources and sources of hope."),
        "idea": _l("Et forslag til, hvad der kan gøres.", "A suggestion for what could be done."),
        "quote": _l("Det, nogen sagde, med deres egne ord.", "What someone said, in their own words."),
        "fact": _l("Noget, vi har set eller fået at vide.", "Something seen or learned."),
    },
}

# A survey statement with fewer answers than this is not shown outside the notebook: its
# figures could point at a person (reports, spreadsheets, agency over time).
MIN_SURVEY_ANSWERS = 5

DEFAULT_SURVEY_STATEMENTS: tuple[dict[str, str], ...] = (
    _l("Jeg havde indflydelse på beslutningerne", "I had influence on the decisions"),
    _l("Jeg er bedre i stand til at gøre en indsats lokalt", "I am better able to make an effort locally"),
    _l("Mødet gav mig mod til at gøre en forskel", "The meeting gave me courage to make a difference"),
)
