import pytest

from fieldapp.domain import ActivityKind, ObservationKind
from fieldapp.store import BadQueryError


@pytest.fixture
def notebook(store):
    from fieldapp.domain import Activity, Area, Person

    area = store.add(Area(name="Uldum", municipality="Hedensted Kommune"))
    walk = store.add(
        Activity(
            kind="walkabout",
            title="Byvandring i Uldum",
            area_id=area.id,
            starts_at="2026-05-01 10:00",
            summary="Vi gik fra stationen til åen.",
        )
    )
    store.add_observation(walk.id, "Ældre borgere mangler en bænk ved legepladsen", "concern")
    store.add_observation(walk.id, "Idrætsforeningen har mange frivillige trænere", "hope")
    store.add(Person(name="Søren Østergaard", interests="Legepladser og unge"))
    return store


def test_danish_words_match_regardless_of_case(notebook):
    for query in ("ældre", "ÆLDRE", "Ældre"):
        hits = notebook.search(query)
        assert [h.table for h in hits] == ["observations"]
        assert hits[0].snippet.startswith("[Ældre]")
        assert hits[0].kind is ObservationKind.CONCERN
        assert hits[0].title == "Byvandring i Uldum"  # an observation is shown under its activity


def test_prefix_search(notebook):
    tables = sorted(h.table for h in notebook.search("legepl*"))
    assert tables == ["observations", "people"]


def test_phrase_search(notebook):
    assert len(notebook.search('"en bænk"')) == 1
    assert notebook.search('"bænk en"') == []


def test_results_carry_kind_date_and_the_activity_to_open(notebook):
    hits = notebook.search("uldum")
    by_table = {h.table: h for h in hits}
    assert by_table["activities"].kind is ActivityKind.WALKABOUT
    assert by_table["activities"].date.startswith("2026-05-01")
    assert by_table["activities"].activity_id == by_table["activities"].row_id
    assert "areas" in by_table


def test_search_follows_edits_and_deletes(notebook):
    from fieldapp.domain import Observation

    obs = notebook.search("ældre")[0]
    notebook.update(Observation, obs.row_id, text="Unge mangler et værested")
    assert notebook.search("ældre") == []
    assert len(notebook.search("værested")) == 1
    notebook.delete(Observation, obs.row_id)
    assert notebook.search("værested") == []
    assert notebook.integrity_problems() == []


def test_text_that_is_not_query_syntax_is_still_searched(notebook):
    assert notebook.search("bænk (") != []
    assert notebook.search('"legepladsen') != []
    assert notebook.search("   ") == []


def test_ranking_puts_the_better_match_first(notebook):
    from fieldapp.domain import Activity

    notebook.add(
        Activity(
            kind="listening_meeting",
            title="Lyttemøde om bænke",
            starts_at="2026-06-01 19:00",
            summary="bænk bænk bænk",
        )
    )
    hits = notebook.search("bænk")
    assert hits[0].table == "activities"


def test_a_query_with_nothing_to_search_for_is_a_clear_error(notebook):
    with pytest.raises(BadQueryError) as caught:
        notebook.search("*")
    assert "forstås" in caught.value.message("da")


def test_only_the_newest_matches_of_a_kind_are_ranked(notebook, monkeypatch):
    """Ranking is bounded: of very many matches, the newest RANK_WINDOW compete on relevance."""
    from fieldapp.store import queries

    walk = notebook.search("uldum")[0].activity_id
    best = notebook.add_observation(walk, "bænk bænk bænk ved kirken")
    for text in ("En bænk ved søen", "Endnu en bænk ved skolen"):
        notebook.add_observation(walk, text)
    assert notebook.search("bænk")[0].row_id == best.id
    monkeypatch.setattr(queries, "RANK_WINDOW", 2)
    hits = notebook.search("bænk")
    # Outside the ranked window it still counts and is still found, after the ranked ones.
    observations = [hit.row_id for hit in hits if hit.table == "observations"]
    assert observations.index(best.id) == 2  # the first after the two ranked ones (newest first)
    assert notebook.search_page("bænk").total == len(hits)
