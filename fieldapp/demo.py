"""A realistic Danish demo notebook, the same for the same seed.

Small sizes give a notebook to show and try the app on; ``size=100_000`` builds a
benchmark notebook (100,000 activities, about five observations each).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from fieldapp.domain import (
    DEFAULT_SURVEY_STATEMENTS,
    Action,
    ActionStatus,
    Activity,
    ActivityKind,
    ActivityStatus,
    Area,
    ConsentHow,
    Entity,
    Influence,
    LeadershipStage,
    Observation,
    ObservationKind,
    ObservationTheme,
    Organisation,
    OrganisationKind,
    Participant,
    ParticipantRole,
    Person,
    Phase,
    Relation,
    RelationKind,
    SurveyAnswer,
    SurveyItem,
    SurveyTally,
    Theme,
)
from fieldapp.store import Store

AREAS = [
    (
        "Uldum",
        "Hedensted",
        Phase.DEVELOP_LEADERS,
        Influence.CO_CREATE,
        "Stationsby med 1.300 indbyggere, stærkt foreningsliv og en højskole.",
    ),
    (
        "Barrit",
        "Hedensted",
        Phase.AWAKEN,
        Influence.CONSULT,
        "Landsby på halvøen ved Vejle Fjord; skolen er lukket, forsamlingshuset lever.",
    ),
    (
        "Vemmelev",
        "Slagelse",
        Phase.AWAKEN,
        Influence.CO_CREATE,
        "Landsby mellem Slagelse og Korsør med ny borgerforening.",
    ),
    (
        "Dalmose",
        "Slagelse",
        Phase.WITHDRAW,
        Influence.CITIZEN_LED,
        "Lokalrådet driver selv landsbypedel-ordningen.",
    ),
    (
        "Glamsbjerg",
        "Assens",
        Phase.DEVELOP_LEADERS,
        Influence.CO_CREATE,
        "Handelsby i Vestfyn, hvor borgerne har lavet en visionsplan for bymidten.",
    ),
    ("Haarby", "Assens", Phase.AWAKEN, Influence.INFORM, "Sydvestfynsk by med tomme butikker i hovedgaden."),
    (
        "Musicon",
        "Roskilde",
        Phase.DEVELOP_LEADERS,
        Influence.CITIZEN_LED,
        "Nyt byområde; INSP! og beboerne skaber fællesskaber sammen.",
    ),
    ("Himmelev", "Roskilde", Phase.AWAKEN, Influence.CONSULT, "Villakvarter nord for Roskilde."),
]

FIRST = [
    "Anne",
    "Mette",
    "Lone",
    "Birgit",
    "Karen",
    "Signe",
    "Ida",
    "Freja",
    "Camilla",
    "Hanne",
    "Søren",
    "Jens",
    "Niels",
    "Lars",
    "Mads",
    "Rasmus",
    "Ole",
    "Bjørn",
    "Jørgen",
    "Anders",
    "Fatima",
    "Ahmed",
    "Zofia",
    "Mehmet",
    "Åse",
    "Ebbe",
    "Torben",
    "Karin",
    "Lise",
    "Poul",
]
LAST = [
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Møller",
    "Østergaard",
    "Wójcik",
    "Yılmaz",
    "Ali",
    "Bækgaard",
]
# Names in other scripts: the reports must render them.
SPECIAL_NAMES = ["Ольга Иванова", "Αλέξανδρος Παπαδόπουλος", "Zofia Wójcik", "Mehmet Yılmaz"]

ORGANISATIONS = [
    ("Borgerforening", OrganisationKind.ASSOCIATION),
    ("Lokalråd", OrganisationKind.LOCAL_COUNCIL),
    ("Idrætsforening", OrganisationKind.ASSOCIATION),
    ("Forsamlingshus", OrganisationKind.ASSOCIATION),
    ("Skole", OrganisationKind.SCHOOL),
    ("Kirke", OrganisationKind.CHURCH),
    ("Brugs", OrganisationKind.BUSINESS),
    ("Friskole", OrganisationKind.SCHOOL),
    ("Ældreklub", OrganisationKind.ASSOCIATION),
]

THEMES = [
    "Trafik",
    "Unge",
    "Ældre",
    "Fællesskab",
    "Natur",
    "Erhverv",
    "Bolig",
    "Kultur",
    "Idræt",
    "Skole",
    "Mobilitet",
    "Forsamlingshus",
    "Legeplads",
    "Bymidte",
]

OBSERVATIONS = {
    ObservationKind.CONCERN: [
        ("Der er ingen steder, hvor de unge kan mødes om aftenen", ["Unge", "Fællesskab"]),
        ("Bussen kører kun to gange om dagen, så de ældre kommer ikke til lægen", ["Mobilitet", "Ældre"]),
        ("Bilerne kører alt for stærkt forbi skolen om morgenen", ["Trafik", "Skole"]),
        ("Købmanden lukker måske til sommer, og så er der ingen butik tilbage", ["Erhverv", "Bymidte"]),
        ("Legepladsen ved hallen er faldefærdig og lukket", ["Legeplads"]),
        ("Mange ældre sidder alene og ser ingen fra uge til uge", ["Ældre", "Fællesskab"]),
        ("De tomme butikker i hovedgaden gør byen trist", ["Bymidte", "Erhverv"]),
        ("Tilflyttere ved ikke, hvem de skal spørge om noget", ["Fællesskab", "Bolig"]),
        ("Der mangler cykelsti til nabobyen", ["Trafik", "Mobilitet"]),
    ],
    ObservationKind.HOPE: [
        ("Idrætsforeningen har over 300 medlemmer og mange frivillige trænere", ["Idræt", "Fællesskab"]),
        ("Forsamlingshuset bliver brugt hver uge af syklub, banko og fællesspisning", ["Forsamlingshus"]),
        ("Skolen vil gerne åbne skolegården for byen efter kl. 16", ["Skole", "Fællesskab"]),
        ("Smukke stier langs åen, som mange går tur på", ["Natur"]),
        ("En gruppe forældre har allerede tegnet en ny legeplads", ["Legeplads", "Unge"]),
        ("Brugsuddeleren vil gerne lægge lokaler til et ungdomsværested", ["Unge", "Erhverv"]),
        ("Der er flyttet mange børnefamilier til de seneste år", ["Bolig"]),
    ],
    ObservationKind.IDEA: [
        ("Fællesspisning i forsamlingshuset hver anden torsdag", ["Fællesskab", "Forsamlingshus"]),
        ("Delebil eller samkørselsordning til stationen", ["Mobilitet"]),
        ("Velkomstpakke og besøgsven til nye tilflyttere", ["Bolig", "Fællesskab"]),
        ("Pop-up-butik i den tomme slagterbutik", ["Bymidte", "Erhverv"]),
        ("Bålhytte ved åen, som spejderne kan passe", ["Natur", "Unge"]),
        ("Lektiecafé på biblioteket drevet af pensionister", ["Skole", "Ældre"]),
    ],
    ObservationKind.QUOTE: [
        ("»Vi vil ikke vente på kommunen – vi vil gerne selv, hvis nogen hjælper os i gang«", ["Fællesskab"]),
        ("»Det er første gang, nogen fra kommunen har spurgt, hvad vi selv kan«", []),
        ("»Hvis brugsen lukker, lukker byen«", ["Erhverv"]),
        ("»Mine børn cykler ikke til skole, fordi jeg er bange for trafikken«", ["Trafik", "Skole"]),
        ("»Jeg kender alle i foreningen, men ingen af de nye i byen«", ["Fællesskab", "Bolig"]),
    ],
    ObservationKind.FACT: [
        ("Byen har 1.300 indbyggere og 14 foreninger", []),
        ("Skolebussen kører kl. 7.10 og kl. 14.30", ["Mobilitet", "Skole"]),
        ("Forsamlingshuset har plads til 120 personer", ["Forsamlingshus"]),
    ],
}
KIND_WEIGHTS = [
    (ObservationKind.CONCERN, 4),
    (ObservationKind.HOPE, 3),
    (ObservationKind.IDEA, 2),
    (ObservationKind.QUOTE, 2),
    (ObservationKind.FACT, 1),
]

PLACES = [
    "Hovedgaden",
    "Stationspladsen",
    "Skolen",
    "Hallen",
    "Forsamlingshuset",
    "Brugsen",
    "Kirken",
    "Åstien",
    "Legepladsen",
    "Biblioteket",
    "Torvet",
    "Boldbanen",
]
STORIES = [
    "Flyttede hertil for 12 år siden for at få plads til heste. Har tre børn i skolen.",
    "Født og opvokset i byen; har været træner i idrætsforeningen i 20 år.",
    "Pensioneret skolelærer, bor alene efter sin mands død, savner at være noget for nogen.",
    "Driver en lille tømrervirksomhed og kender alle håndværkere på egnen.",
    "Kom til Danmark for seks år siden og arbejder på plejehjemmet.",
]
SELF_INTEREST = [
    "At børnene kan cykle sikkert til skole.",
    "At der er liv i byen, også om vinteren.",
    "At de ældre ikke bliver glemt.",
    "At tilflyttere føler sig velkomne.",
    "At brugsen overlever.",
]
NEXT_STEPS = [
    "Invitere til kaffe med to andre forældre om skolevejen.",
    "Spørge om hun vil holde oplæg på lyttemødet.",
    "Koble ham med formanden for borgerforeningen.",
    "Tilbyde plads på træningsforløbet for nye ildsjæle.",
]
ACTIONS = [
    "Indkalde til møde om trafiksikkerhed ved skolen",
    "Undersøge muligheder for samkørsel til stationen",
    "Sende referat af lyttemødet til lokalrådet",
    "Hjælpe borgerforeningen med fondsansøgning",
    "Aftale rundvisning i forsamlingshuset med de unge",
    "Følge op med brugsuddeleren om værested",
    "Lave invitation til næste byvandring",
    "Samle forslag til legepladsen og sende til teknisk forvaltning",
]
INVITED = "Lokalrådet, borgerforeningen, idrætsforeningen, skolebestyrelsen, brugsen og alle borgere"
QUESTIONS = "Hvad er det ubærlige her i byen? Hvad giver jer håb? Hvad vil I selv gøre noget ved?"


class _Ids:
    """Deterministic UUIDv7 ids from the seed, increasing in the order they are made.

    Increasing keys let SQLite append to its indexes instead of inserting at random
    places, which makes a 100,000-activity notebook several times faster to build.
    """

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.last_ms = 0

    def __call__(self, when: datetime) -> str:
        self.last_ms = max(self.last_ms + 1, int(when.timestamp() * 1000) if not self.last_ms else 0)
        ms = self.last_ms & 0xFFFF_FFFF_FFFF
        rand = self.rng.getrandbits(74)
        value = (ms << 80) | (0x7 << 76) | ((rand >> 62) << 64) | (0b10 << 62) | (rand & ((1 << 62) - 1))
        return str(uuid.UUID(int=value))


def generate(size: int = 200, seed: int = 1, today: date | None = None) -> Iterator[Entity]:
    """Yield the entities of a demo notebook in an order that respects references."""
    yield from _Demo(size, seed, today or date.today()).entities()


class _Demo:
    """One demo notebook: areas, organisations, people, then the field work in them.

    The parts are drawn from one random stream in a fixed order, so a seed always gives the
    same notebook.
    """

    def __init__(self, size: int, seed: int, today: date):
        self.size = size
        self.rng = random.Random(seed)
        # Notes that name a resident, as real notes do (a stream of its own, so the rest of the
        # notebook stays what it was for a seed).
        self.naming = random.Random(f"naming-{seed}")
        self.new_id = _Ids(self.rng)
        self.today = today
        self.start = datetime.combine(today - timedelta(days=max(365, size // 30)), datetime.min.time())
        self.span_minutes = int(
            (datetime.combine(today, datetime.min.time()) - self.start).total_seconds() // 60
        )
        self.areas: list[Area] = []
        self.organisations: dict[str, list[Organisation]] = {}
        self.staff: list[Person] = []
        self.residents: dict[str, list[Person]] = {}
        self.themes = {name: Theme(id=Theme.key(name), name=name) for name in THEMES}

    def entities(self) -> Iterator[Entity]:
        yield from self._areas()
        yield from self._organisations()
        yield from self._staff()
        yield from self._residents()
        yield from self._relations()
        yield from self.themes.values()
        kinds = [ActivityKind.WALKABOUT, ActivityKind.ONE_TO_ONE, ActivityKind.LISTENING_MEETING]
        rng = self.rng
        for index in range(self.size):
            area = (
                self.areas[index % len(self.areas)] if index < len(self.areas) * 3 else rng.choice(self.areas)
            )
            kind = kinds[index % 3] if index < 9 else rng.choices(kinds, weights=[3, 5, 2])[0]
            yield from self._activity(index, area, kind)

    def _areas(self) -> Iterator[Entity]:
        for name, municipality, phase, influence, description in AREAS:
            area = Area(
                id=self.new_id(self.start),
                name=name,
                municipality=f"{municipality} Kommune",
                description=description,
                phase=phase,
                influence=influence,
            )
            self.areas.append(area)
            yield area

    def _organisations(self) -> Iterator[Entity]:
        for area in self.areas:
            for label, org_kind in self.rng.sample(ORGANISATIONS, 5):
                org = Organisation(
                    id=self.new_id(self.start), name=f"{area.name} {label}", kind=org_kind, area_id=area.id
                )
                self.organisations.setdefault(area.id, []).append(org)
                yield org

    def _staff(self) -> Iterator[Entity]:
        for name in ("Marie Holm Kristensen", "Kasper Lund", "Nadia Rahimi"):
            person = Person(
                id=self.new_id(self.start),
                name=name,
                is_staff=True,
                roles="Samskabende medarbejder",
                email=name.split()[0].lower() + "@kommune.example",
                may_be_named=True,
                may_contact=True,
                leadership_stage=LeadershipStage.CONTACT,
            )
            self.staff.append(person)
            yield person

    def _residents(self) -> Iterator[Entity]:
        rng, today = self.rng, self.today
        people_per_area = max(12, min(800, self.size // 20))
        special = list(SPECIAL_NAMES)
        for area in self.areas:
            for _ in range(people_per_area):
                name = special.pop() if special else f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                consent = rng.random() < 0.75
                consent_day = today - timedelta(days=rng.randint(10, 700))
                organisation = rng.choice(self.organisations[area.id]).id if rng.random() < 0.5 else None
                phone = " ".join(str(rng.randint(low, 99)) for low in (20, 10, 10, 10))
                person = Person(
                    id=self.new_id(self.start),
                    name=name,
                    area_id=area.id,
                    organisation_id=organisation,
                    phone=phone,
                    roles=rng.choice(
                        ["Borger", "Forælder", "Formand", "Frivillig", "Erhvervsdrivende", "Pensionist"]
                    ),
                    interests=rng.choice(SELF_INTEREST),
                    resources=rng.choice(
                        [
                            "Kan bygge og reparere",
                            "God til at samle folk",
                            "Kender kommunens systemer",
                            "Har netværk blandt de unge",
                            "Skriver gode ansøgninger",
                        ]
                    ),
                    leadership_stage=rng.choices(list(LeadershipStage), weights=[10, 4, 2, 1])[0],
                    consent_store_at=consent_day if consent else None,
                    consent_how=rng.choice(list(ConsentHow)) if consent else None,
                    consent_purpose="Noter om lokalt engagement i Feltbog" if consent else None,
                    may_be_named=consent and rng.random() < 0.6,
                    may_contact=consent and rng.random() < 0.8,
                    review_after=consent_day + timedelta(days=730)
                    if consent
                    else today - timedelta(days=rng.randint(0, 30)),
                )
                self.residents.setdefault(area.id, []).append(person)
                yield person

    def _relations(self) -> Iterator[Entity]:
        relations: set[str] = set()
        for area in self.areas:
            group = self.residents[area.id]
            for _ in range(len(group) // 3):
                a, b = self.rng.sample(group, 2)
                key = Relation.key(a.id, b.id, RelationKind.KNOWS)
                if key not in relations:
                    relations.add(key)
                    yield Relation(id=key, from_person_id=a.id, to_person_id=b.id, kind=RelationKind.KNOWS)

    def _activity(self, index: int, area: Area, kind: ActivityKind) -> Iterator[Entity]:
        """One activity of ``kind`` with its participants, observations and maybe an action."""
        rng, today = self.rng, self.today
        when = self.start + timedelta(minutes=rng.randint(0, self.span_minutes))
        when = when.replace(hour=rng.choice([9, 10, 13, 16, 17, 19]), minute=rng.choice([0, 30]), second=0)
        facilitator = rng.choice(self.staff)
        group = self.residents[area.id]
        activity_id = self.new_id(when)
        status = ActivityStatus.FINAL if when.date() < today - timedelta(days=7) else ActivityStatus.DRAFT
        common: dict[str, Any] = {
            "id": activity_id,
            "kind": kind,
            "area_id": area.id,
            "starts_at": when,
            "facilitator_id": facilitator.id,
            "status": status,
        }
        place = rng.choice(PLACES)
        if kind is ActivityKind.WALKABOUT:
            route = " → ".join(rng.sample(PLACES, 4))
            yield Activity(
                **common,
                title=f"Byvandring i {area.name}",
                ends_at=when + timedelta(hours=2),
                place=place,
                route=route,
                summary=f"Vi gik {route} med lokalrådet, foreninger og borgere.",
            )
            n_obs = rng.randint(4, 8)
        elif kind is ActivityKind.ONE_TO_ONE:
            yield self._one_to_one(common, rng.choice(group))
            n_obs = rng.randint(1, 3)
        else:
            attendees = rng.randint(3, 60)
            yield Activity(
                **common,
                title=f"Lyttemøde i {area.name}",
                ends_at=when + timedelta(hours=2),
                place="Forsamlingshuset",
                attendee_count=attendees,
                invited_groups=INVITED,
                questions=QUESTIONS,
                summary=f"{attendees} borgere delte, hvad der er ubærligt, og hvad der giver håb.",
            )
            n_obs = rng.randint(5, 9)
            yield from self._survey(activity_id, when, area, attendees)
        if kind is not ActivityKind.ONE_TO_ONE:
            for participant in rng.sample(group, min(len(group), rng.randint(2, 6))):
                yield Participant(
                    id=Participant.key(activity_id, participant.id),
                    activity_id=activity_id,
                    person_id=participant.id,
                    role=rng.choices(list(ParticipantRole), weights=[6, 0, 1, 1, 2])[0],
                )
        yield from self._observations(activity_id, when, kind, group, n_obs)
        if rng.random() < 0.25 or index < 12:
            due = when.date() + timedelta(days=rng.randint(5, 60))
            done = due < today - timedelta(days=30) and rng.random() < 0.7
            action_text = rng.choice(ACTIONS)
            if self.naming.random() < 0.3:
                action_text += f" – aftal det med {self.naming.choice(group).name}"
            yield Action(
                id=self.new_id(when),
                text=action_text,
                area_id=area.id,
                activity_id=activity_id,
                owner_id=rng.choice(self.staff + group[:5]).id,
                due_date=due,
                status=ActionStatus.DONE if done else ActionStatus.OPEN,
                completed_at=due if done else None,
            )

    def _one_to_one(self, common: dict[str, Any], person: Person) -> Activity:
        rng = self.rng
        when = common["starts_at"]
        return Activity(
            **common,
            title=f"1:1-samtale med {person.name}",
            ends_at=when + timedelta(minutes=45),
            place=rng.choice(["Hjemme hos borgeren", "Café", "Forsamlingshuset", "På en gåtur"]),
            person_id=person.id,
            story=rng.choice(STORIES),
            self_interest=rng.choice(SELF_INTEREST),
            concerns=rng.choice(OBSERVATIONS[ObservationKind.CONCERN])[0],
            resources=person.resources,
            leadership_assessment=person.leadership_stage,
            next_step=rng.choice(NEXT_STEPS),
            follow_up_date=when.date() + timedelta(days=rng.randint(7, 40)),
        )

    def _survey(self, activity_id: str, when: datetime, area: Area, attendees: int) -> Iterator[Entity]:
        rng = self.rng
        for position, texts in enumerate(DEFAULT_SURVEY_STATEMENTS):
            item = SurveyItem(
                id=self.new_id(when), activity_id=activity_id, position=position, statement=texts["da"]
            )
            yield item
            respondents = rng.randint(2, attendees)
            weights = [1, 2, 3, 5, 4] if area.phase is not Phase.AWAKEN else [2, 3, 4, 3, 2]
            answers = rng.choices(list(SurveyAnswer), weights=weights, k=respondents)
            for answer in SurveyAnswer:
                count = answers.count(answer)
                if count:
                    yield SurveyTally(
                        id=SurveyTally.key(item.id, answer.value), item_id=item.id, answer=answer, count=count
                    )

    def _observations(
        self, activity_id: str, when: datetime, kind: ActivityKind, group: list[Person], count: int
    ) -> Iterator[Entity]:
        rng = self.rng
        for n in range(count):
            obs_kind = rng.choices([k for k, _ in KIND_WEIGHTS], weights=[w for _, w in KIND_WEIGHTS])[0]
            text, theme_names = rng.choice(OBSERVATIONS[obs_kind])
            raised_by = rng.choice(group) if rng.random() < 0.4 else None
            obs_id = self.new_id(when)
            if self.naming.random() < 0.2:
                text = _naming(self.naming, self.naming.choice(group).name or "", text)
            yield Observation(
                id=obs_id,
                activity_id=activity_id,
                kind=obs_kind,
                text=text,
                observed_at=when + timedelta(minutes=10 * n + 5),
                place_text=rng.choice(PLACES),
                raised_by_id=raised_by.id if raised_by else None,
                votes=rng.randint(0, 25) if kind is ActivityKind.LISTENING_MEETING else 0,
            )
            for theme_name in theme_names:
                theme = self.themes[theme_name]
                yield ObservationTheme(
                    id=ObservationTheme.key(obs_id, theme.id), observation_id=obs_id, theme_id=theme.id
                )


def _naming(rng: random.Random, name: str, text: str) -> str:
    """``text`` as a worker might note who said it: full name, genitive, or in capitals."""
    form = rng.randrange(3)
    if form == 0:
        return f"{name} fortalte: {text}"
    if form == 1:
        return f"{text} ({name}s nabo)"
    return f"{name.upper()}: {text}"


def build_demo(store: Store, size: int = 200, seed: int = 1, today: date | None = None) -> int:
    """Fill ``store`` with a demo notebook; returns the number of rows written."""
    # The generator's entities are typed and valid (tests/test_demo.py validates
    # every one); skipping re-validation makes a 100k notebook much faster to build.
    return store.bulk_add(generate(size=size, seed=seed, today=today), validate=False)
