"""Search that knows Danish: inflections, theme names, survey statements, paging and the
index columns that come from the field specs."""

from __future__ import annotations

import pytest
from data import search_queries_da as queries_da
from snowballstemmer.danish_stemmer import DanishStemmer

from fieldapp.domain import BY_TABLE, Activity, SurveyItem
from fieldapp.store import Store
from fieldapp.store import migrations as schema
from fieldapp.store.queries import danish_match


@pytest.fixture
def corpus(store):
    return store, queries_da.load(store)


def found(store: Store, query: str) -> set[tuple[str, str]]:
    page = store.search_page(query, limit=1000)
    assert len(page.hits) == page.total
    return {(hit.table, hit.row_id) for hit in page.hits}


def test_base_forms_find_their_inflections(corpus):
    store, where = corpus
    cases = {
        "børn": ["o01", "a08"],  # børnene
        "legeplads": ["o01", "o02", "a02"],  # legepladsen, legepladser, legepladsernes
        "ældre": ["o03"],  # ældres
        "ildsjæle": ["a06"],  # a plural finds the singular
    }
    for query, keys in cases.items():
        hits = found(store, query)
        for key in keys:
            assert where[key] in hits, (query, key)


def test_a_theme_name_finds_the_observations_tagged_with_it_once(corpus):
    store, where = corpus
    hits = found(store, "mobilitet")  # no observation says the word: all come through the theme
    assert hits == {where[k] for k in ("o03", "o06", "o23", "o26")}
    page = store.search_page("trafik", limit=100)
    rows = [(h.table, h.row_id) for h in page.hits]
    assert len(rows) == len(set(rows)) == page.total  # o31 says "trafikken" and is tagged Trafik: once
    themed = next(h for h in page.hits if h.row_id == where["o15"][1])
    assert themed.snippet.startswith("[Trafik] · Bilisterne")
    assert themed.title == "Noter fra feltet" and themed.activity_id


def test_survey_statements_are_found_and_open_their_meeting(corpus):
    store, where = corpus
    [hit] = [h for h in store.search("borgernes forslag") if h.table == "survey_items"]
    assert hit.row_id == where["s02"][1]
    assert store.get(Activity, hit.activity_id).kind == "listening_meeting"
    store.update(SurveyItem, hit.row_id, statement="Kommunen svarer hurtigt")
    assert not [h for h in store.search("forslag") if h.table == "survey_items"]


def test_quoted_phrases_and_query_syntax_stay_exact(corpus):
    store, where = corpus
    assert found(store, '"ældre"') == {where["o04"]} | {where[k] for k in ("o20", "o35")}  # + theme Ældre
    assert where["o01"] not in found(store, '"børn"')
    assert where["o02"] in found(store, "legepl*")


def test_recall_on_fifty_real_queries_is_at_least_95_percent(corpus):
    store, where = corpus
    assert len(queries_da.QUERIES) == 50
    results = {query: found(store, query) for query in queries_da.QUERIES}
    assert queries_da.recall(results, where) >= 0.95


def test_stemming_the_query_beats_exact_words_prefixes_and_stemming_the_index(corpus):
    store, where = corpus

    def with_match(make) -> float:
        return queries_da.recall({q: found(store, make(q)) for q in queries_da.QUERIES}, where)

    exact = with_match(lambda q: f'"{q}"')
    prefix = with_match(lambda q: f'"{q}"*')
    danish = with_match(lambda q: danish_match(q))
    # Snowball on both sides (what a stemming tokenizer would index), computed directly.
    stem = DanishStemmer().stemWord
    texts = {key: (text, themes) for key, (_kind, text, themes) in queries_da.CORPUS.items()}

    def index_stemmed(query: str) -> set[tuple[str, str]]:
        wanted = stem(query.lower())
        hits = set()
        for key, (text, themes) in texts.items():
            words = [w.lower() for w in sqlite3_words(text + " " + " ".join(themes))]
            if wanted in {stem(w) for w in words}:
                hits.add(where[key])
        return hits

    indexed = queries_da.recall({q: index_stemmed(q) for q in queries_da.QUERIES}, where)
    assert danish >= 0.95 and danish > prefix > exact and danish > indexed


def sqlite3_words(text: str) -> list[str]:
    import re

    return re.findall(r"\w+", text)


def test_pages_cover_every_match_once_with_the_true_total(store, monkeypatch):
    from fieldapp.store import queries

    walk = store.add(Activity(kind="walkabout", title="Byvandring", starts_at="2026-05-01 10:00"))
    for n in range(130):
        store.add_observation(
            walk.id, f"Bænk nummer {n} ved legepladsen", themes=["Legeplads"] if n % 2 else ()
        )
    monkeypatch.setattr(queries, "RANK_WINDOW", 40)  # ranked, older and themed segments all in play
    first = store.search_page("legeplads", limit=50)
    assert first.total == 130 and len(first.hits) == 50
    seen = [h.row_id for h in first.hits]
    offset = 50
    while offset < first.total:
        page = store.search_page("legeplads", offset=offset, limit=50)
        assert page.total == 130
        seen += [h.row_id for h in page.hits]
        offset += 50
    assert len(seen) == len(set(seen)) == 130


def test_the_index_columns_are_the_fields_marked_searchable():
    """Changing ``searchable`` on a field needs a new migration of the FTS tables (and back)."""
    from_specs = {
        table: tuple(spec.name for spec in cls.specs() if spec.searchable)
        for table, cls in BY_TABLE.items()
        if any(spec.searchable for spec in cls.specs())
    }
    assert from_specs == schema.FTS_COLUMNS
    with Store.memory("/tmp") as store:  # and the newest schema indexes exactly those
        for table, columns in schema.FTS_COLUMNS.items():
            indexed = [r[1] for r in store.conn.execute(f"PRAGMA table_info({table}_fts)")]
            assert tuple(indexed) == columns, table


@pytest.mark.parametrize("before", schema.MIGRATION_NAMES[1:])
def test_a_notebook_from_every_earlier_schema_gets_the_new_index(tmp_path, before):
    from sqlite_utils import Database

    path = tmp_path / "old.sqlite"
    db = Database(path)
    schema.migrations.apply(db, stop_before=before)
    applied = [m.name for m in schema.migrations.applied(db)]
    meeting, observation, theme, tag, item = (f"0190d6a4-0000-7000-8000-00000000000{n}" for n in range(5))
    for sql, params in (
        ("INSERT INTO activities (id, kind, title) VALUES (?, 'listening_meeting', 'Lyttemøde')", [meeting]),
        (
            "INSERT INTO observations (id, activity_id, kind, text) VALUES (?, ?, 'concern', 'Bussen')",
            [observation, meeting],
        ),
        ("INSERT INTO themes (id, name) VALUES (?, 'Mobilitet')", [theme]),
        (
            "INSERT INTO observation_themes (id, observation_id, theme_id) VALUES (?, ?, ?)",
            [tag, observation, theme],
        ),
        (
            "INSERT INTO survey_items (id, activity_id, statement) VALUES (?, ?, 'Kommunen lytter')",
            [item, meeting],
        ),
    ):
        db.execute(sql, params)
    db.conn.commit()
    db.close()
    with Store.open(path) as store:
        assert store.schema_version() == len(schema.MIGRATION_NAMES) > len(applied)
        assert store.integrity_problems() == []  # FTS integrity-check of every index
        assert {(h.table, h.row_id) for h in store.search("mobilitet")} == {("observations", observation)}
        assert [h.table for h in store.search("kommunen lytter")] == ["survey_items"]
