"""Issue 13.2: public reports name no one who did not consent — in free text too, in actions
from 1:1 talks, and in small counts of people."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from reports_pdf import everything, full_text, page_texts
from reports_sample import TODAY, add_photo, build, photo_bytes

from fieldapp.domain import (
    Action,
    Activity,
    ActivityKind,
    ActivityStatus,
    LeadershipStage,
    Observation,
    ObservationKind,
    Participant,
    ParticipantRole,
    Person,
    SurveyItem,
)
from fieldapp.reports import ReportOptions, render_activity_report, render_area_report
from fieldapp.reports.privacy import NameScrubber, Redactor, name_variants
from fieldapp.store import Store

# People who may not be named, with the hard cases of Danish names.
HIDDEN = {
    "Åse Ørskov Bæk": "a name with æ/ø/å and two surnames",
    "Anne-Sofie Holm-Jensen": "a hyphenated first name and surname",
    "Bjørn Ærø": "a short name",
}
NAMED = "Anne-Sofie Holm-Jensen Madsen"  # may be named, and contains a hidden name


def person(name: str, named: bool = False, staff: bool = False) -> Person:
    return Person(name=name, may_be_named=named, is_staff=staff)


@pytest.fixture
def scrub():
    people = [person(n) for n in HIDDEN] + [person(NAMED, named=True), person("Jonas Ørum", staff=True)]
    return NameScrubber(people, Redactor("da"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Åse Ørskov Bæk fortalte om broen.", "En borger fortalte om broen."),
        ("Vi talte med åse ørskov bæk.", "Vi talte med en borger."),
        ("ÅSE BÆK var med.", "En borger var med."),  # first name + last surname, upper case
        ("Åse Ørskov sagde nej.", "En borger sagde nej."),  # first name + first surname
        ("Åse Ørskov Bæks have er fin.", "En borgers have er fin."),  # genitive -s
        ("Det er Bjørn Ærøs idé.", "Det er en borgers idé."),
        ("Anne-Sofie Holm-Jensen ringede.", "En borger ringede."),
        ("Anne-Sofie Holm Jensen ringede.", "En borger ringede."),  # hyphen typed as a space
        ("Ring til Anne-Sofie Jensen i morgen.", "Ring til en borger i morgen."),
        ("Anne-Sofie  Holm-Jensens  hund.", "En borgers  hund."),
        ("Spørg Jonas Ørum.", "Spørg en medarbejder."),
        # The named, longer name is not cut up; a first name alone, other people and words stay.
        (f"{NAMED} leder foreningen.", f"{NAMED} leder foreningen."),
        ("Åse kommer også.", "Åse kommer også."),
        ("Åse Ørskovgaard og Bjørn Ærøskøbing", "Åse Ørskovgaard og Bjørn Ærøskøbing"),
    ],
)
def test_names_in_free_text(scrub, text, expected):
    assert scrub(text) == expected


def test_decomposed_letters_are_found_too(scrub):
    decomposed = "A\u030ase Ørskov Bæk kom"  # "Å" typed as A + combining ring
    assert scrub(decomposed) == "En borger kom"


def test_english_labels_and_genitive():
    scrub = NameScrubber([person("Åse Bæk")], Redactor("en"))
    assert scrub("Åse Bæk's garden and Åse Bæk.") == "A resident's garden and a resident."


def test_variants_of_a_name():
    assert set(name_variants("Mette Sørensen Bak")) == {"Mette Sørensen Bak", "Mette Sørensen", "Mette Bak"}
    assert "Anna Jensen" in name_variants("Anna Holm-Jensen")


def test_internal_reports_and_consenting_people_are_left_alone():
    scrub = NameScrubber([person("Åse Bæk", named=True)], Redactor("da"))
    assert scrub("Åse Bæk kom") == "Åse Bæk kom"
    internal = NameScrubber([person("Åse Bæk")], Redactor("da", internal=True))
    assert internal("Åse Bæk kom") == "Åse Bæk kom"


# ---------------------------------------------------------------------- in the finished PDFs
@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    store = Store.memory(tmp_path_factory.mktemp("attachments"))
    s = build(store)
    area = s.area.id
    hidden = {name: store.add(Person(name=name, may_be_named=False, area_id=area)) for name in HIDDEN}
    store.add(Person(name=NAMED, may_be_named=True, area_id=area))
    walk = s.walkabout
    store.update(
        Activity,
        walk.id,
        title="Byvandring med Åse Ørskov Bæk",
        summary="Karen Bækgaard og ÅSE BÆK viste os rundt; Anne-Sofie Holm-Jensens hund fulgte med.",
        route="Fra Bjørn Ærøs gård til torvet",
    )
    for text, kind in (
        ("Karen Bækgaards nabo er bekymret for trafikken.", ObservationKind.CONCERN),
        ("»Vi må selv gøre noget,« sagde åse ørskov bæk.", ObservationKind.QUOTE),
        ("Anne-Sofie Holm Jensen vil starte en løbeklub.", ObservationKind.IDEA),
    ):
        store.add(Observation(activity_id=walk.id, kind=kind, text=text, place_text="Hos Bjørn Ærø"))
    add_photo(store, walk, "broen.jpg", "Åse Ørskov Bæk ved broen", photo_bytes((20, 30, 200)))
    store.add(
        Action(
            text="Ring til Jonas Ørum og Bjørn Ærø om bænkene",
            area_id=area,
            activity_id=walk.id,
            due_date=date(2026, 12, 1),
        )
    )
    store.update(Activity, s.meeting.id, questions="Hvad sagde Anne-Sofie Holm-Jensen sidst?")
    store.add(SurveyItem(activity_id=s.meeting.id, position=9, statement="Bjørn Ærø lytter til mig"))
    # An action that comes from the 1:1 talk: its text is about the person talked with.
    store.add(
        Action(
            text="Hjælp Karen med fondsansøgningen til butikken",
            area_id=area,
            activity_id=s.talk.id,
            due_date=date(2026, 12, 2),
        )
    )
    talk_obs = store.list(Observation, "activity_id = ?", [s.talk.id])[0]
    store.add(Action(text="Find en revisor til købmanden", area_id=area, observation_id=talk_obs.id))
    s.people.update(hidden)
    yield s
    store.close()


def _public(sample, lang):
    options = ReportOptions(lang=lang, today=TODAY)
    for activity in (sample.walkabout, sample.meeting, sample.talk):
        yield activity.title, render_activity_report(sample.store, activity.id, options)[0]
    yield "area", render_area_report(sample.store, sample.area.id, None, None, options)[0]


def _variants_pattern(names) -> re.Pattern[str]:
    alternatives = []
    for name in names:
        for variant in name_variants(name):
            alternatives.append(r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", variant)))
    return re.compile("|".join(alternatives), re.IGNORECASE)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_hidden_name_in_any_free_text_of_public_reports(sample, lang):
    hidden = [*HIDDEN, "Karen Bækgaard", "Jonas Ørum", "Ирина Соколова", "Peter Lund"]
    pattern = _variants_pattern(hidden)
    for kind, pdf in _public(sample, lang):
        text = everything(pdf).replace(NAMED, "")
        found = pattern.search(text)
        assert found is None, f"{found.group()!r} in the {kind} report ({lang})"
    walk = full_text(render_activity_report(sample.store, sample.walkabout.id, ReportOptions(today=TODAY))[0])
    assert "En borgers nabo er bekymret for trafikken." in walk
    assert "Ring til en medarbejder og en borger om bænkene" in walk
    assert "Fra en borgers gård til torvet" in walk


def test_internal_reports_keep_the_free_text(sample):
    options = ReportOptions(today=TODAY, internal=True)
    walk = full_text(render_activity_report(sample.store, sample.walkabout.id, options)[0])
    assert "Karen Bækgaards nabo" in walk and "Bjørn Ærø om bænkene" in walk


def test_actions_from_a_one_to_one_talk_have_no_text_in_public_reports(sample):
    public = full_text(
        render_area_report(sample.store, sample.area.id, None, None, ReportOptions(today=TODAY))[0]
    )
    assert "fondsansøgningen" not in public and "revisor" not in public
    assert public.count("Opfølgning på en 1:1-samtale (teksten er fortrolig)") == 2
    internal = full_text(
        render_area_report(
            sample.store, sample.area.id, None, None, ReportOptions(today=TODAY, internal=True)
        )[0]
    )
    assert "fondsansøgningen" in internal and "revisor" in internal


def test_small_counts_of_people_show_as_under_five(store: Store):
    """1 to 4 people in a category is "under 5" in public reports, the figure in internal ones."""
    from reports_sample import _person

    s = build(store)
    for n in range(3):
        _person(store, f"Beboer {n}", named=False, area=s.area, leadership_stage=LeadershipStage.LEADER)
    small = store.add(
        Activity(
            kind=ActivityKind.LISTENING_MEETING,
            title="Lille lyttemøde",
            area_id=s.area.id,
            starts_at=datetime(2026, 11, 1, 19, 0),
            status=ActivityStatus.FINAL,
            attendee_count=3,
        )
    )
    for p in store.list(Person, "name LIKE 'Beboer %'"):
        store.add(Participant(id=Participant.key(small.id, p.id), activity_id=small.id, person_id=p.id))
    meeting = full_text(render_activity_report(store, small.id, ReportOptions(today=TODAY))[0])
    assert "Antal deltagere under 5" in meeting
    assert "Deltagere uden navn: under 5 (borger: under 5)" in meeting
    area = page_texts(render_area_report(store, s.area.id, None, None, ReportOptions(today=TODAY))[0])
    ladder = next(page for page in area if "Lederstigen i området" in page)
    assert "Leder (ildsjæl) under 5" in ladder and "Potentiel leder under 5" in ladder
    assert re.search(r"\b[1-4] Personer mødt", " ".join(area)) is None
    internal = full_text(
        render_activity_report(store, small.id, ReportOptions(today=TODAY, internal=True))[0]
    )
    assert "Antal deltagere 3" in internal and "Beboer 2" in internal  # internal: everyone by name
    english = full_text(render_activity_report(store, small.id, ReportOptions(lang="en", today=TODAY))[0])
    assert "Attendees under 5" in english
    assert "numbers of people from 1 to 4 are shown as 'under 5'" in english.replace("’", "'")


def test_staff_role_label_stands_in_for_staff(store: Store):
    s = build(store)
    jonas = s.people["Jonas Ørum"]
    store.update(Activity, s.walkabout.id, summary="Jonas Ørum tog billeder.")
    assert not jonas.may_be_named
    text = full_text(render_activity_report(store, s.walkabout.id, ReportOptions(today=TODAY))[0])
    assert "En medarbejder tog billeder." in text
    _ = ParticipantRole  # roles decide the label: staff -> "en medarbejder"
