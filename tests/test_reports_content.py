"""What a reader of each report sees, in Danish and in English."""

from __future__ import annotations

import pytest
from reports_pdf import full_text, page_texts
from reports_sample import ONE_TO_ONE_SECRET, TODAY, build

from fieldapp.domain import ActivityKind, Phase
from fieldapp.reports import (
    ReportOptions,
    render_activity_report,
    render_area_report,
    render_person_report,
)
from fieldapp.reports.texts import format_date, format_datetime


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from fieldapp.store import Store

    store = Store.memory(tmp_path_factory.mktemp("attachments"))
    yield build(store)
    store.close()


def da(**kw):
    return ReportOptions(lang="da", today=TODAY, author="Mette Kjærgaard", **kw)


def en(**kw):
    return ReportOptions(lang="en", today=TODAY, author="Mette Kjærgaard", **kw)


def test_danish_dates_are_written_out():
    from datetime import datetime

    assert format_date(TODAY, "da") == "23. november 2026"
    assert format_date(TODAY, "en") == "23 November 2026"
    start, end = datetime(2026, 10, 8, 19, 0), datetime(2026, 10, 8, 21, 30)
    assert format_datetime(start, end, "da") == "8. oktober 2026 kl. 19.00–21.30"


def test_walkabout_report_in_danish(sample):
    pdf, pages, warnings = render_activity_report(sample.store, sample.walkabout.id, da())
    texts = page_texts(pdf)
    text = " ".join(texts)
    assert pages == len(texts) == 2
    for i, page in enumerate(texts, start=1):
        assert f"Side {i} af {pages}" in page
    assert "Byvandring i Uldum bymidte" in text
    assert "Uldum, Hedensted Kommune" in text
    assert "12. september 2026 kl. 10.00–12.30" in text
    assert "Facilitator Mette Kjærgaard" in text
    # observations grouped under the field's own words, in this order
    order = [text.index(word) for word in ("Det ubærlige", "Ressource og håb", "Idé", "Citat", "Fakta")]
    assert order == sorted(order)
    assert "Trafikken på Østergade kører alt for hurtigt" in text
    assert "»Vi har alt, hvad der skal til – vi mangler bare et sted at mødes.«" in text
    assert "– Søren Ægidius Østergaard" in text
    # a photo that is there, and a placeholder (and a warning) for one that is not
    assert "Den gamle mølle ved Gudenåen" in text
    assert "Billedet »torvet.jpg« mangler" in text
    assert warnings == ["Billedet »torvet.jpg« mangler i notesbogens mappe og kunne ikke vises."]
    assert "Kontakt vejafdelingen om fartdæmpning på Østergade" in text
    assert "15. december 2026" in text


def test_walkabout_report_in_english(sample):
    pdf, _, warnings = render_activity_report(sample.store, sample.walkabout.id, en())
    text = full_text(pdf)
    assert "Activity report · Walkabout" in text
    assert "12 September 2026, 10:00–12:30" in text
    assert "Page 1 of 2" in text
    assert "Source of hope" in text and "Concern" in text
    assert "“Vi har alt, hvad der skal til – vi mangler bare et sted at mødes.”" in text
    assert "– a resident" in text
    assert "Side 1" not in text and "Byvandring" not in text.replace("Byvandring i Uldum", "")
    assert warnings == [
        "The photo 'torvet.jpg' is missing from the notebook's folder and could not be shown."
    ]


def test_listening_meeting_shows_survey_with_respondents_and_hides_small_counts(sample):
    pdf, _, _ = render_activity_report(sample.store, sample.meeting.id, da())
    text = full_text(pdf)
    assert "Jeg havde indflydelse på beslutningerne" in text
    assert "23 svar" in text and "22 svar" in text
    assert "Helt uenig" in text and "Helt enig" in text  # the legend
    # the third statement had 4 answers: no figures, a note instead
    assert "»Mødet gav mig mod til at gøre en forskel« fik svar fra færre end 5 deltagere" in text
    assert "4 svar" not in text


def test_internal_report_shows_small_counts_with_a_warning(sample):
    text = full_text(render_activity_report(sample.store, sample.meeting.id, da(internal=True))[0])
    assert "4 svar" in text
    assert "færre end 5 svar – vis ikke disse tal uden for organisationen" in text


def test_one_to_one_talk_keeps_its_notes_out_of_public_reports(sample):
    public = full_text(render_activity_report(sample.store, sample.talk.id, da())[0])
    assert ONE_TO_ONE_SECRET not in public
    assert "Hemmelig bekymring" not in public
    assert "1:1-samtale, 20. oktober 2026" in public
    assert "Noter fra 1:1-samtaler er fortrolige" in public
    internal = full_text(render_activity_report(sample.store, sample.talk.id, da(internal=True))[0])
    assert ONE_TO_ONE_SECRET in internal
    assert "Potentiel leder" in internal


def test_area_report_for_the_council(sample):
    pdf, pages, _ = render_area_report(sample.store, sample.area.id, None, None, da())
    texts = page_texts(pdf)
    cover = texts[0]
    assert "Områderapport" in cover and "Uldum" in cover and "Hedensted Kommune" in cover
    assert "12. september 2026 – 20. oktober 2026" in cover
    assert "Udarbejdet af Mette Kjærgaard" in cover
    assert f"Fase: {Phase.AWAKEN.label('da')}" in cover and Phase.AWAKEN.explain("da") in cover
    assert "Borgernes indflydelse: Samskabe" in cover
    text = " ".join(texts)
    assert "Nøgletal" in text
    assert "Temaer efter antal omtaler" in text and "Børn og unge" in text
    assert "Udvalgte citater" in text
    assert "Alle lyttemøder samlet" in text and "23 svar" in text
    assert "under 5 svar" in text
    assert "Åbne handlinger" in text and "Udførte handlinger" in text
    assert "Lederstigen i området" in text and "Potentiel leder" in text
    assert "Aktiviteter i perioden" in text and "September 2026" in text
    # 1:1 talks: only counted
    assert "1 1:1-samtaler i perioden (indholdet er fortroligt)" in text
    assert "Hemmelig bekymring" not in text and ONE_TO_ONE_SECRET not in text
    assert ActivityKind.ONE_TO_ONE.label("da") in text


def test_area_report_period_filters_activities(sample):
    from datetime import date

    text = full_text(
        render_area_report(sample.store, sample.area.id, date(2026, 10, 1), date(2026, 10, 31), en())[0]
    )
    assert "1 October 2026 – 31 October 2026" in text
    assert "Listening meeting" in text
    assert "Byvandring i Uldum bymidte" not in text


def test_person_report_lists_everything_about_the_person(sample):
    karen = sample.people["Karen Bækgaard"]
    text = full_text(render_person_report(sample.store, karen.id, da())[0])
    assert "Indsigt i personoplysninger" in text
    assert "Karen Bækgaard" in text and "+45 20 30 40 50" in text and "karen@example.dk" in text
    assert "Gennemgås efter 20. oktober 2028" in text
    assert "Søren Ægidius Østergaard kender Karen Bækgaard" in text
    assert "Byvandring i Uldum bymidte" in text  # taking part
    assert ONE_TO_ONE_SECRET in text  # her own 1:1 talk
    assert "Trafikken på Østergade" in text  # what she raised
    assert "Indkald til arbejdsgruppe" in text  # what she owns
    assert "Ændringshistorik" in text


def test_progress_is_reported_in_the_report_language(sample):
    steps = []
    render_activity_report(sample.store, sample.walkabout.id, en(), lambda *a: steps.append(a))
    assert [s[0] for s in steps] == [0, 1, 2] and all(s[1] == 4 for s in steps)
    assert steps[0][2] == "Collecting data …"


def test_quotes_get_one_pair_of_quotation_marks():
    from fieldapp.reports.texts import quoted

    assert quoted("»Hvis brugsen lukker, lukker byen«", "da") == "»Hvis brugsen lukker, lukker byen«"
    assert quoted('"Vi vil gerne selv"', "en") == "“Vi vil gerne selv”"
    assert quoted("Det er første gang", "da") == "»Det er første gang«"
