"""Fifty Danish searches as co-creation staff type them, with the records they expect to find.

Users type the base form (or whatever form comes to mind) and expect every inflection:
definite and plural forms, genitives, and compounds that start with the word. The
corpus below is written like real field notes from walkabouts, 1:1 talks and listening
meetings; ``QUERIES`` maps each search to the keys of the records a person would call
a hit. Used by tests/test_search_danish.py (recall, every strategy) and
tests/perf/bench_search.py (recall and latency inside a big notebook).

``kind`` says where the text lives: an observation's text, an activity's title or
summary, a person's interests, a survey statement, or a theme that tags an observation.
"""

from __future__ import annotations

# key: (kind, text, themes) — themes only for observations
CORPUS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "o01": ("observation", "Børnene leger på vejen, fordi legepladsen er lukket", ("Legeplads",)),
    "o02": ("observation", "Der mangler legepladser i den nye udstykning", ()),
    "o03": ("observation", "Ældres behov for transport til lægen bliver overset", ("Mobilitet",)),
    "o04": ("observation", "De ældre mødes i forsamlingshuset hver tirsdag", ("Ældre",)),
    "o05": ("observation", "Forældrene vil gerne bygge en bålhytte ved åen", ("Natur",)),
    "o06": ("observation", "Bussen kører kun om morgenen; busserne er altid fulde", ("Mobilitet",)),
    "o07": ("observation", "Cykelstien til skolen mangler belysning om vinteren", ("Trafik",)),
    "o08": ("observation", "Mange tilflyttere kender ingen af naboerne", ("Fællesskab",)),
    "o09": ("observation", "Naboer hjælper hinanden med at handle ind", ("Fællesskab",)),
    "o10": ("observation", "Købmandens lukning har ramt landsbyen hårdt", ("Erhverv",)),
    "o11": ("observation", "Frivillige trænere holder idrætsforeningen i live", ("Idræt",)),
    "o12": ("observation", "Foreningerne mangler unge frivillige", ("Unge",)),
    "o13": ("observation", "Hallens tag er utæt, og hallen bruges mindre", ("Idræt",)),
    "o14": ("observation", "Skolebørnene krydser hovedvejen uden fodgængerovergang", ("Trafik", "Skole")),
    "o15": ("observation", "Bilisterne kører for stærkt gennem byen", ("Trafik",)),
    "o16": ("observation", "De unges værested er lukket om aftenen", ("Unge",)),
    "o17": ("observation", "Biblioteket vil låne lokaler ud til lektiecafé", ("Skole",)),
    "o18": ("observation", "Kirkens menighedsråd tilbyder sognegården til møder", ()),
    "o19": ("observation", "Stierne langs søen er mudrede efter regn", ("Natur",)),
    "o20": ("observation", "Ensomhed blandt enlige pensionister", ("Ældre", "Fællesskab")),
    "o21": ("observation", "Fællesspisningen samler hele byen en gang om måneden", ("Fællesskab",)),
    "o22": ("observation", "Butikkerne i hovedgaden står tomme", ("Bymidte",)),
    "o23": ("observation", "Der er ingen bænke ved busstoppestedet", ("Mobilitet",)),
    "o24": ("observation", "Lokalrådets formand vil gerne invitere kommunen", ()),
    "o25": ("observation", "Borgerne ønsker en ny multibane ved skolen", ("Idræt", "Unge")),
    "o26": ("observation", "Stationens venterum er aflåst i weekenden", ("Mobilitet",)),
    "o27": ("observation", "Familierne med små børn savner en dagplejer i byen", ("Bolig",)),
    "o28": ("observation", "Sommerfesten trak flere hundrede gæster", ("Kultur",)),
    "o29": ("observation", "Grønne områder bliver slået for sjældent", ("Natur",)),
    "o30": ("observation", "Boligerne ved åen er svære at sælge", ("Bolig",)),
    "o31": ("observation", "Trafikken ved skolen er farlig om morgenen", ("Trafik",)),
    "o32": ("observation", "Mødet i lokalrådet handlede om vindmøller", ()),
    "o33": ("observation", "Ungdomsklubben har fået nye lokaler", ("Unge",)),
    "o34": ("observation", "Hun drømmer om en café i den gamle brugs", ("Erhverv",)),
    "o35": ("observation", "Pensionisterne spiller petanque på torvet", ("Ældre",)),
    "o36": ("observation", "Stor opbakning til loppemarkedet", ("Kultur",)),
    "a01": ("activity", "Byvandring i Uldum med lokalrådet", ()),
    "a02": ("activity", "Lyttemøde om legepladsernes fremtid", ()),
    "a03": ("activity", "1:1-samtale med formanden for ældreklubben", ()),
    "a04": ("activity", "Byvandringen i Barrit gik langs fjorden", ()),
    "a05": ("activity", "Lyttemøder i Vemmelev om skolens lukning", ()),
    "a06": ("activity", "Samtale med en ildsjæl fra idrætsforeningen", ()),
    "a07": ("activity", "Møde med forældrerådet om skolevejen", ()),
    "a08": ("activity", "Byvandringer med børnene fra 5. klasse", ()),
    "p01": ("person", "Optaget af trafiksikkerhed og cykelstier", ()),
    "p02": ("person", "Brænder for fællesskabet i landsbyen", ()),
    "p03": ("person", "Vil gerne hjælpe de ældste beboere", ()),
    "p04": ("person", "Kender alle foreninger og deres formænd", ()),
    "p05": ("person", "Interesseret i naturen og naturplejen ved søerne", ()),
    "s01": ("survey", "Jeg kan selv gøre noget for at forbedre mit lokalområde", ()),
    "s02": ("survey", "Kommunen lytter til borgernes forslag", ()),
    "s03": ("survey", "Jeg føler mig tryg, når jeg færdes i byen om aftenen", ()),
}

# query -> keys of the records the user expects among the hits
QUERIES: dict[str, set[str]] = {
    "børn": {"o01", "o27", "a08"},
    "legeplads": {"o01", "o02", "a02"},
    "ældre": {"o03", "o04", "a03", "o20", "o35"},  # o20, o35: tagged Ældre
    "bus": {"o06", "o23"},
    "cykelsti": {"o07", "p01"},
    "nabo": {"o08", "o09"},
    "købmand": {"o10"},
    "frivillig": {"o11", "o12"},
    "forening": {"o12", "p04"},
    "hal": {"o13"},
    "trafik": {"o07", "o14", "o15", "o31", "p01"},
    "ung": {"o12", "o16", "o25", "o33"},
    "unge": {"o12", "o16", "o25", "o33"},
    "bibliotek": {"o17"},
    "kirke": {"o18"},
    "sti": {"o19"},
    "pensionist": {"o20", "o35"},
    "fællesspisning": {"o21"},
    "butik": {"o22"},
    "bænk": {"o23"},
    "lokalråd": {"o24", "o32", "a01"},
    "borger": {"o25", "s02"},
    "station": {"o26"},
    "familie": {"o27"},
    "boliger": {"o27", "o30"},
    "bolig": {"o27", "o30"},
    "møde": {"o18", "o32", "a07"},
    "lyttemøde": {"a02", "a05"},
    "byvandring": {"a01", "a04", "a08"},
    "formand": {"o24", "a03", "p04"},  # p04 has "formænd": no stemmer finds it
    "fællesskab": {"o08", "o09", "o20", "o21", "p02"},
    "natur": {"o05", "o19", "o29", "p05"},
    "sø": {"o19", "p05"},
    "skole": {"o07", "o14", "o17", "o25", "o31", "a05", "a07"},
    "forældre": {"o05", "a07"},
    "mobilitet": {"o03", "o06", "o23", "o26"},
    "idræt": {"o11", "o13", "o25", "a06"},
    "erhverv": {"o10", "o34"},
    "kultur": {"o28", "o36"},
    "lokaler": {"o17", "o33"},
    "brugsen": {"o34"},
    "kommune": {"o24", "s02"},
    "område": {"o29"},  # not s01: "lokalområde" only ends with it
    "aften": {"o16", "s03"},
    "morgen": {"o06", "o31"},
    "forslag": {"s02"},
    "landsby": {"o10", "p02"},
    "ildsjæle": {"a06"},
    "vinter": {"o07"},
    "fjord": {"a04"},
}


def load(store) -> dict[str, tuple[str, str]]:
    """Write the corpus into ``store``; returns key -> (table, row id) of each record."""
    from fieldapp.domain import Activity, Person, SurveyItem

    where: dict[str, tuple[str, str]] = {}
    walk = store.add(Activity(kind="walkabout", title="Noter fra feltet", starts_at="2026-05-01 10:00"))
    meeting = store.add(Activity(kind="listening_meeting", title="Spørgeskema", starts_at="2026-05-02 19:00"))
    for position, (key, (kind, text, themes)) in enumerate(CORPUS.items()):
        if kind == "observation":
            row = store.add_observation(walk.id, text, "concern", themes=themes)
            where[key] = ("observations", row.id)
        elif kind == "activity":
            row = store.add(Activity(kind="walkabout", title=text, starts_at="2026-05-03 10:00"))
            where[key] = ("activities", row.id)
        elif kind == "person":
            row = store.add(Person(name=f"Person {key}", interests=text))
            where[key] = ("people", row.id)
        else:
            row = store.add(SurveyItem(activity_id=meeting.id, position=position, statement=text))
            where[key] = ("survey_items", row.id)
    return where


def recall(found: dict[str, set[tuple[str, str]]], where: dict[str, tuple[str, str]]) -> float:
    """Share of the expected (query, record) pairs that the hits of each query contain."""
    expected = [(query, where[key]) for query, keys in QUERIES.items() for key in keys]
    return sum(record in found[query] for query, record in expected) / len(expected)
