"""A small, realistic notebook for the report tests: Uldum in Hedensted Kommune, autumn 2026.

Built only through the Store API. Names of people who may not be named are kept in
``SECRET_NAMES`` so the tests can look for them in the finished files.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from PIL import Image, ImageDraw

from fieldapp.domain import (
    DEFAULT_SURVEY_STATEMENTS,
    Action,
    ActionStatus,
    Activity,
    ActivityKind,
    ActivityStatus,
    Area,
    Attachment,
    ConsentHow,
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

NAMED = {"Mette Kjærgaard", "Søren Ægidius Østergaard", "Αλέξανδρος Παπαδόπουλος"}
SECRET_NAMES = {"Karen Bækgaard", "Ирина Соколова", "Jonas Ørum", "Peter Lund"}
ONE_TO_ONE_SECRET = "Karen har drevet købmandsbutikken i tredive år"
TODAY = date(2026, 11, 23)


@dataclass
class Sample:
    store: Store
    area: Area
    walkabout: Activity
    meeting: Activity
    talk: Activity
    people: dict[str, Person] = field(default_factory=dict)


def _person(store: Store, name: str, *, named: bool, area: Area, **extra) -> Person:
    consent = {"consent_store_at": date(2026, 9, 1), "consent_how": ConsentHow.VERBAL} if named else {}
    return store.add(Person(name=name, may_be_named=named, area_id=area.id, **consent, **extra))


def _theme(store: Store, name: str) -> Theme:
    existing = store.find(Theme, Theme.key(name))
    return existing or store.add(Theme(id=Theme.key(name), name=name))


def _observe(
    store: Store, activity: Activity, kind: ObservationKind, text: str, themes=(), **extra
) -> Observation:
    obs = store.add(Observation(activity_id=activity.id, kind=kind, text=text, **extra))
    for name in themes:
        theme = _theme(store, name)
        store.add(
            ObservationTheme(
                id=ObservationTheme.key(obs.id, theme.id), observation_id=obs.id, theme_id=theme.id
            )
        )
    return obs


def photo_bytes(colour=(70, 120, 90)) -> bytes:
    image = Image.new("RGB", (1600, 1000), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 500, 1400, 900), fill=(180, 150, 110))
    draw.polygon([(150, 500), (800, 150), (1450, 500)], fill=(140, 60, 50))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def add_photo(
    store: Store, activity: Activity, filename: str, caption: str, data: bytes | None
) -> Attachment:
    """Store a photo; with ``data=None`` the record exists but its file is missing."""
    sha = hashlib.sha256(data or filename.encode()).hexdigest()
    if data is not None:
        target = Path(store.attachments_dir) / sha[:2] / sha
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return store.add(
        Attachment(
            sha256=sha,
            filename=filename,
            mime="image/jpeg",
            size=len(data or b""),
            caption=caption,
            taken_at=datetime(2026, 9, 12, 10, 40),
            activity_id=activity.id,
        )
    )


def build(store: Store, *, missing_photo: bool = True) -> Sample:
    uldum = store.add(
        Area(
            name="Uldum",
            municipality="Hedensted Kommune",
            phase=Phase.AWAKEN,
            influence=Influence.CO_CREATE,
            description="Landsby med ca. 1.000 indbyggere ved Gudenåen.",
        )
    )
    store.add(Area(name="Hedensted Centrum", municipality="Hedensted Kommune"))
    council = store.add(
        Organisation(name="Uldum Lokalråd", kind=OrganisationKind.LOCAL_COUNCIL, area_id=uldum.id)
    )
    mette = _person(store, "Mette Kjærgaard", named=True, area=uldum, is_staff=True)
    jonas = _person(store, "Jonas Ørum", named=False, area=uldum, is_staff=True)
    soren = _person(
        store,
        "Søren Ægidius Østergaard",
        named=True,
        area=uldum,
        organisation_id=council.id,
        leadership_stage=LeadershipStage.EMERGING,
    )
    karen = _person(
        store,
        "Karen Bækgaard",
        named=False,
        area=uldum,
        phone="+45 20 30 40 50",
        email="karen@example.dk",
        interests="Købmandsbutikken og de ældre i byen",
        leadership_stage=LeadershipStage.POTENTIAL,
        review_after=date(2028, 10, 20),
    )
    greek = _person(store, "Αλέξανδρος Παπαδόπουλος", named=True, area=uldum)
    irina = _person(store, "Ирина Соколова", named=False, area=uldum)
    peter = store.add(
        Person(
            name="Peter Lund",
            may_be_named=True,
            consent_store_at=date(2026, 9, 1),
            consent_how=ConsentHow.WRITTEN,
            consent_withdrawn_at=date(2026, 10, 1),
            area_id=uldum.id,
        )
    )
    store.add(
        Relation(
            id=Relation.key(soren.id, karen.id, "knows"),
            from_person_id=soren.id,
            to_person_id=karen.id,
            kind=RelationKind.KNOWS,
            note="Naboer på Østergade",
        )
    )

    walk = store.add(
        Activity(
            kind=ActivityKind.WALKABOUT,
            title="Byvandring i Uldum bymidte",
            area_id=uldum.id,
            starts_at=datetime(2026, 9, 12, 10, 0),
            ends_at=datetime(2026, 9, 12, 12, 30),
            place="Torvet, Uldum",
            summary="Vi gik fra torvet ad Østergade til den gamle mølle og tilbage forbi forsamlingshuset. "
            "Tolv borgere gik med; snakken gik især om trafik, butikken og de unge.",
            facilitator_id=mette.id,
            status=ActivityStatus.FINAL,
            route="Torvet – Østergade – Møllevej – Forsamlingshuset – Torvet",
        )
    )
    for person, role in (
        (soren, ParticipantRole.RESIDENT),
        (karen, ParticipantRole.RESIDENT),
        (irina, ParticipantRole.RESIDENT),
        (greek, ParticipantRole.ASSOCIATION),
        (peter, ParticipantRole.RESIDENT),
        (jonas, ParticipantRole.STAFF),
        (mette, ParticipantRole.STAFF),
    ):
        store.add(
            Participant(
                id=Participant.key(walk.id, person.id), activity_id=walk.id, person_id=person.id, role=role
            )
        )
    _observe(
        store,
        walk,
        ObservationKind.CONCERN,
        "Trafikken på Østergade kører alt for hurtigt; børnene tør ikke cykle til skole.",
        ["Trafik", "Børn og unge"],
        raised_by_id=karen.id,
        place_text="Østergade",
        votes=7,
    )
    _observe(
        store,
        walk,
        ObservationKind.CONCERN,
        "Der er ingen dagligvarebutik, når købmanden lukker.",
        ["Dagligvarer"],
        votes=5,
    )
    _observe(
        store,
        walk,
        ObservationKind.HOPE,
        "Forsamlingshuset har et stærkt frivilligt køkkenhold.",
        ["Fællesskab"],
        raised_by_id=soren.id,
        place_text="Forsamlingshuset",
        votes=4,
    )
    _observe(
        store,
        walk,
        ObservationKind.IDEA,
        "Lav en legeplads og shelters ved den gamle mølle.",
        ["Børn og unge", "Natur"],
        raised_by_id=greek.id,
    )
    _observe(
        store,
        walk,
        ObservationKind.QUOTE,
        "Vi har alt, hvad der skal til – vi mangler bare et sted at mødes.",
        ["Fællesskab"],
        raised_by_id=soren.id,
        votes=6,
    )
    _observe(
        store,
        walk,
        ObservationKind.QUOTE,
        "Jeg har boet her i fyrre år, og det er første gang, nogen spørger.",
        raised_by_id=karen.id,
        votes=3,
    )
    _observe(store, walk, ObservationKind.FACT, "Bussen til Hedensted kører kun hver anden time.", ["Trafik"])
    add_photo(store, walk, "moellen.jpg", "Den gamle mølle ved Gudenåen", photo_bytes())
    if missing_photo:
        add_photo(store, walk, "torvet.jpg", "Torvet en lørdag formiddag", None)
    store.add(
        Action(
            text="Kontakt vejafdelingen om fartdæmpning på Østergade",
            area_id=uldum.id,
            activity_id=walk.id,
            owner_id=mette.id,
            due_date=date(2026, 12, 15),
        )
    )
    store.add(
        Action(
            text="Indkald til arbejdsgruppe om en ny dagligvarebutik",
            area_id=uldum.id,
            activity_id=walk.id,
            owner_id=karen.id,
            due_date=date(2026, 10, 15),
            status=ActionStatus.DONE,
            completed_at=date(2026, 10, 10),
        )
    )

    meeting = store.add(
        Activity(
            kind=ActivityKind.LISTENING_MEETING,
            title="Lyttemøde i Uldum Forsamlingshus",
            area_id=uldum.id,
            starts_at=datetime(2026, 10, 8, 19, 0),
            ends_at=datetime(2026, 10, 8, 21, 0),
            place="Uldum Forsamlingshus",
            summary="Borgerne fortalte om det, der er ubærligt, og om det, der giver håb.",
            facilitator_id=mette.id,
            status=ActivityStatus.FINAL,
            attendee_count=23,
            invited_groups="Lokalrådet, idrætsforeningen, skolebestyrelsen, menighedsrådet",
            questions="Hvad holder dig vågen om natten? Hvad gør dig stolt af Uldum?",
        )
    )
    store.add(
        Participant(id=Participant.key(meeting.id, karen.id), activity_id=meeting.id, person_id=karen.id)
    )
    _observe(
        store,
        meeting,
        ObservationKind.CONCERN,
        "De unge har ingen steder at være om aftenen.",
        ["Børn og unge"],
        votes=9,
    )
    _observe(
        store,
        meeting,
        ObservationKind.HOPE,
        "Mange vil gerne give en hånd med, hvis nogen tager teten.",
        ["Fællesskab"],
        votes=8,
    )
    _observe(
        store,
        meeting,
        ObservationKind.CONCERN,
        "Trafikken gennem byen er farlig for de ældre.",
        ["Trafik"],
        votes=2,
    )
    tallies = ((2, 3, 5, 8, 5), (1, 2, 6, 9, 4), (1, 1, 1, 0, 1))
    for position, (statement, counts) in enumerate(zip(DEFAULT_SURVEY_STATEMENTS, tallies, strict=True)):
        item = store.add(SurveyItem(activity_id=meeting.id, position=position, statement=statement["da"]))
        for answer, count in zip(SurveyAnswer, counts, strict=True):
            store.add(
                SurveyTally(id=SurveyTally.key(item.id, answer), item_id=item.id, answer=answer, count=count)
            )

    talk = store.add(
        Activity(
            kind=ActivityKind.ONE_TO_ONE,
            title="1:1 med Karen Bækgaard",
            area_id=uldum.id,
            starts_at=datetime(2026, 10, 20, 14, 0),
            ends_at=datetime(2026, 10, 20, 15, 0),
            place="Karens køkken",
            summary="Samtale om butikken.",
            facilitator_id=mette.id,
            person_id=karen.id,
            story=ONE_TO_ONE_SECRET + " og kender alle i byen.",
            self_interest="At der stadig er liv i Uldum",
            concerns="At hun står alene med det hele.",
            resources="Netværk, regnskab, tålmodighed",
            leadership_assessment=LeadershipStage.POTENTIAL,
            next_step="Invitere hende med i arbejdsgruppen",
            follow_up_date=date(2026, 11, 30),
            status=ActivityStatus.FINAL,
        )
    )
    _observe(store, talk, ObservationKind.CONCERN, "Hemmelig bekymring fra 1:1-samtalen.", ["Dagligvarer"])
    store.add(Participant(id=Participant.key(talk.id, karen.id), activity_id=talk.id, person_id=karen.id))

    people = {p.name: p for p in (mette, jonas, soren, karen, greek, irina, peter)}
    return Sample(store, uldum, walk, meeting, talk, people)
