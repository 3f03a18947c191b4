"""Privacy by default: no name without consent anywhere in a public report's file."""

from __future__ import annotations

import pytest
from reports_pdf import everything, page_texts
from reports_sample import NAMED, SECRET_NAMES, TODAY, build

from fieldapp.reports import ReportOptions, render_activity_report, render_area_report, render_person_report
from fieldapp.store import Store

SURNAMES = {name.split()[-1] for name in SECRET_NAMES}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    store = Store.memory(tmp_path_factory.mktemp("attachments"))
    yield build(store)
    store.close()


def _public_reports(sample, lang):
    options = ReportOptions(lang=lang, today=TODAY)
    yield "walkabout", render_activity_report(sample.store, sample.walkabout.id, options)[0]
    yield "meeting", render_activity_report(sample.store, sample.meeting.id, options)[0]
    yield "talk", render_activity_report(sample.store, sample.talk.id, options)[0]
    yield "area", render_area_report(sample.store, sample.area.id, None, None, options)[0]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_unconsented_name_anywhere_in_public_reports(sample, lang):
    for kind, pdf in _public_reports(sample, lang):
        found = everything(pdf)
        for name in SECRET_NAMES | SURNAMES:
            assert name not in found, f"{name} appears in the {kind} report ({lang})"


def test_consented_names_do_appear(sample):
    text = " ".join(
        page_texts(render_activity_report(sample.store, sample.walkabout.id, ReportOptions(today=TODAY))[0])
    )
    for name in NAMED:
        assert name in text
    assert "Deltagere uden navn: under 5 (borger: under 5, medarbejder: under 5)" in text


def test_withdrawn_consent_counts_as_no_consent(sample):
    peter = sample.people["Peter Lund"]
    assert peter.may_be_named  # the flag is still set; the withdrawal date wins
    pdf = render_activity_report(sample.store, sample.walkabout.id, ReportOptions(today=TODAY))[0]
    assert "Peter Lund" not in everything(pdf)


def test_one_to_one_title_and_place_are_hidden_in_metadata(sample):
    pdf = render_activity_report(sample.store, sample.talk.id, ReportOptions(today=TODAY))[0]
    found = everything(pdf)
    assert "1:1 med" not in found and "Karens køkken" not in found


def test_internal_report_names_everyone_and_marks_every_page(sample):
    options = ReportOptions(lang="da", today=TODAY, internal=True)
    for pdf in (
        render_activity_report(sample.store, sample.walkabout.id, options)[0],
        render_area_report(sample.store, sample.area.id, None, None, options)[0],
    ):
        texts = page_texts(pdf)
        for page in texts:
            assert "INTERN – må ikke videregives" in page
    walk = " ".join(page_texts(render_activity_report(sample.store, sample.walkabout.id, options)[0]))
    for name in ("Karen Bækgaard", "Ирина Соколова", "Jonas Ørum", "Αλέξανδρος Παπαδόπουλος"):
        assert name in walk
    english = page_texts(
        render_activity_report(
            sample.store, sample.walkabout.id, ReportOptions(lang="en", today=TODAY, internal=True)
        )[0]
    )
    assert all("INTERNAL – do not pass on" in page for page in english)


def test_public_pages_carry_no_internal_mark(sample):
    for _, pdf in _public_reports(sample, "da"):
        assert all("INTERN" not in page for page in page_texts(pdf))


def test_person_report_keeps_other_people_unnamed_and_its_metadata_generic(sample):
    soren_knows = sample.people["Søren Ægidius Østergaard"]
    irina = sample.people["Ирина Соколова"]
    # Søren may be named, so he appears in Karen's report; Karen's own name is the point of it.
    karen = render_person_report(
        sample.store, sample.people["Karen Bækgaard"].id, ReportOptions(today=TODAY)
    )[0]
    assert soren_knows.name in " ".join(page_texts(karen))
    from reports_pdf import xmp

    assert "Karen" not in xmp(karen)
    # Someone who knows Irina sees "en borger", not her name, in their own report.
    from fieldapp.domain import Relation, RelationKind

    sample.store.add(
        Relation(
            id=Relation.key(soren_knows.id, irina.id, "knows"),
            from_person_id=soren_knows.id,
            to_person_id=irina.id,
            kind=RelationKind.KNOWS,
        )
    )
    soren = render_person_report(sample.store, soren_knows.id, ReportOptions(today=TODAY))[0]
    text = " ".join(page_texts(soren))
    assert "Søren Ægidius Østergaard kender en borger" in text
    assert "Соколова" not in everything(soren)
