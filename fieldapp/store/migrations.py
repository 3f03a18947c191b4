"""Numbered schema migrations, applied with ``sqlite_utils.Migrations``.

A migration that has shipped is never edited: add a new one instead. Each runs in
its own transaction together with the record of it having been applied. The SQL is
written out literally so that a later change to the domain cannot silently alter
what an old migration does.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "feltbog"
MIGRATION_NAMES: list[str] = []
# sqlite-utils (with its plugin machinery) takes longer to import than the rest of the
# store together; opening a notebook that needs no migration does without it. Its
# ``Migrations`` object is built on first use of ``migrations``.
_REGISTERED: list[tuple[str, Any]] = []
_built: Any = None


def migration(name: str):
    """Register a numbered migration (and remember its name, for newer-schema checks)."""

    def register(fn):
        MIGRATION_NAMES.append(name)
        _REGISTERED.append((name, fn))
        if _built is not None:
            _built(name=name)(fn)
        return fn

    return register


def __getattr__(name: str) -> Any:
    if name != "migrations":
        raise AttributeError(name)
    global _built
    if _built is None:
        from sqlite_utils.migrations import Migrations

        _built = Migrations(MIGRATION_SET)
        for registered, fn in _REGISTERED:
            _built(name=registered)(fn)
    return _built


def applied_names(conn: sqlite3.Connection) -> list[str]:
    """The migrations applied to ``conn``'s database, in order (without sqlite-utils)."""
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone():
        return []
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", (MIGRATION_SET,)
    )
    return [r[0] for r in rows]


# Each table's full-text columns as of 0001. (Literal on purpose: see module doc.)
_FTS_0001 = {
    "areas": ("name", "municipality", "description"),
    "organisations": ("name", "notes"),
    "people": ("name", "roles", "interests", "resources", "notes"),
    "activities": (
        "title",
        "place",
        "summary",
        "route",
        "story",
        "self_interest",
        "concerns",
        "resources",
        "next_step",
        "invited_groups",
        "questions",
    ),
    "observations": ("text", "place_text"),
    "actions": ("text",),
    "attachments": ("filename", "caption"),
}


def _fts_sql(table: str, columns: tuple[str, ...]) -> str:
    """An external-content FTS5 index on ``table`` kept in step by triggers."""
    fts = f"{table}_fts"
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return f"""
CREATE VIRTUAL TABLE {fts} USING fts5(
    {cols}, content='{table}', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
    INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new});
END;
CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
    INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});
END;
CREATE TRIGGER {table}_au AFTER UPDATE OF {cols} ON {table} BEGIN
    INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});
    INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new});
END;
"""


_TABLES_0001 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE field_versions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: export high-water marks rely on it
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    hlc INTEGER NOT NULL,
    site TEXT NOT NULL,
    prev TEXT
);
CREATE UNIQUE INDEX field_versions_key ON field_versions (tbl, row_id, field, hlc, site);

CREATE TABLE areas (
    id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT,
    name TEXT, municipality TEXT, description TEXT, phase TEXT, influence TEXT
);
CREATE TABLE organisations (
    id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT,
    name TEXT, kind TEXT, area_id TEXT, notes TEXT
);
CREATE TABLE people (
    id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT,
    name TEXT, phone TEXT, email TEXT, area_id TEXT, organisation_id TEXT,
    roles TEXT, interests TEXT, resources TEXT, notes TEXT, leadership_stage TEXT,
    consent_store_at TEXT, consent_how TEXT, consent_purpose TEXT, consent_withdrawn_at TEXT,
    may_be_named INTEGER, may_contact INTEGER, review_after TEXT, is_staff INTEGER
);
CREATE TABLE relations (
    id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT,
    from_person_id TEXT, to_person_id TEXT, kind TEXT, activity_id TEXT, note TEXT
);
CREATE TABLE activities (
    id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT,
    kind TEXT, title TEXT, area_id TEXT, starts_at TEXT, ends_at TEXT, place TEXT,
    summary TEXT, facilitator_id TEXT, status TEXT, route TEXT, gpx_attachment_id TEXT,
    person_id TEXT, story TEXT, self_interest TEXT, concerns TEXT, resources TEXT,
    leadership_assessment TEXT, next_step TEXT, follow_up_date TEXT,
    attendee_count INTEGER, invited_groups TEXT, questions TEXT
);
CREATE TABLE participants (
    id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT,
    activity_id TEXT, person_id TEXT, role TEXT
);
CREATE TABLE observations (
    id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT,
    activity_id TEXT, kind TEXT, text TEXT, observed_at TEXT, place_text TEXT,
    lat REAL, lon REAL, raised_by_id TEXT, votes INTEGER
);
CREATE TABLE themes (
    id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT,
    name TEXT
);
CREATE TABLE observation_themes (
    id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT,
    observation_id TEXT, theme_id TEXT
);
CREATE TABLE actions (
    id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT,
    text TEXT, area_id TEXT, activity_id TEXT, observation_id TEXT, owner_id TEXT,
    due_date TEXT, status TEXT, completed_at TEXT
);
CREATE TABLE survey_items (
    id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT,
    activity_id TEXT, position INTEGER, statement TEXT
);
CREATE TABLE survey_tallies (
    id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT,
    item_id TEXT, answer TEXT, count INTEGER
);
CREATE TABLE attachments (
    id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT,
    sha256 TEXT, filename TEXT, mime TEXT, size INTEGER, caption TEXT, taken_at TEXT,
    lat REAL, lon REAL, activity_id TEXT, observation_id TEXT
);

CREATE INDEX organisations_area ON organisations (area_id);
CREATE INDEX people_area ON people (area_id, leadership_stage);
CREATE INDEX people_review ON people (review_after);
CREATE INDEX relations_from ON relations (from_person_id);
CREATE INDEX relations_to ON relations (to_person_id);
CREATE INDEX activities_starts ON activities (starts_at);
CREATE INDEX activities_area ON activities (area_id, starts_at);
CREATE INDEX activities_kind ON activities (kind, starts_at);
CREATE INDEX activities_person ON activities (person_id);
CREATE INDEX participants_activity ON participants (activity_id);
CREATE INDEX participants_person ON participants (person_id);
CREATE INDEX observations_activity ON observations (activity_id);
CREATE INDEX observations_raised_by ON observations (raised_by_id);
CREATE INDEX observation_themes_observation ON observation_themes (observation_id);
CREATE INDEX observation_themes_theme ON observation_themes (theme_id);
CREATE INDEX actions_due ON actions (status, due_date);
CREATE INDEX actions_owner ON actions (owner_id);
CREATE INDEX actions_area ON actions (area_id);
CREATE INDEX actions_activity ON actions (activity_id);
CREATE INDEX survey_items_activity ON survey_items (activity_id);
CREATE INDEX survey_tallies_item ON survey_tallies (item_id);
CREATE INDEX attachments_activity ON attachments (activity_id);
CREATE INDEX attachments_observation ON attachments (observation_id);
CREATE INDEX attachments_sha ON attachments (sha256);
"""


@migration("0001_initial")
def m0001_initial(db: Database) -> None:
    # executescript would commit the migration's transaction; run statement by statement.
    script = _TABLES_0001 + "".join(_fts_sql(t, c) for t, c in _FTS_0001.items())
    for statement in _split_sql(script):
        db.execute(statement)


@migration("0002_sync")
def m0002_sync(db: Database) -> None:
    """Bookkeeping for sync files: what went where, what came in, what needs review."""
    for statement in _split_sql(_TABLES_0002):
        db.execute(statement)


_TABLES_0002 = """
CREATE TABLE sync_destinations (
    destination TEXT PRIMARY KEY,
    last_seq INTEGER NOT NULL,
    last_hlc INTEGER NOT NULL,
    exported_at TEXT NOT NULL
);
CREATE TABLE sync_imports (
    file_sha256 TEXT PRIMARY KEY,
    export_id TEXT NOT NULL,
    site TEXT NOT NULL,
    file_name TEXT,
    changes INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    -- A shared folder the file came from, and the seq range its new versions got:
    -- those need not be written back into the same folder.
    destination TEXT,
    first_seq INTEGER,
    last_seq INTEGER
);
CREATE INDEX sync_imports_export ON sync_imports (export_id);
CREATE INDEX field_versions_erased ON field_versions (tbl, row_id) WHERE field = '_erased';
CREATE TABLE sync_conflicts (
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    detected_hlc INTEGER NOT NULL,
    PRIMARY KEY (tbl, row_id, field)
);
"""


@migration("0003_privacy")
def m0003_privacy(db: Database) -> None:
    # The activity log reads this laptop's own versions newest first; erasure and
    # its sync filter look up versions by their (hlc, site) key.
    db.execute("CREATE INDEX IF NOT EXISTS field_versions_site_hlc ON field_versions (site, hlc)")


@migration("0004_routes")
def m0004_routes(db: Database) -> None:
    # Walkabout routes: how far the camera's clock was off, for placing photos by time.
    db.execute("ALTER TABLE activities ADD COLUMN camera_offset_s INTEGER")


_LAST_CONTACT_OF = """
    SELECT max(s) FROM (
        SELECT a.starts_at AS s FROM participants pt JOIN activities a ON a.id = pt.activity_id
         WHERE pt.person_id = {p}
        UNION ALL
        SELECT starts_at FROM activities WHERE person_id = {p})"""


def _touch_contact(person: str) -> str:
    return (
        f"INSERT INTO person_last_contact (person_id, last) SELECT {person}, ({_LAST_CONTACT_OF.format(p=person)})"
        f" WHERE {person} IS NOT NULL ON CONFLICT(person_id) DO UPDATE SET last = excluded.last;"
    )


def _touch_participants_of(activity: str) -> str:
    return (
        f"INSERT INTO person_last_contact (person_id, last) SELECT pt.person_id,"
        f" ({_LAST_CONTACT_OF.format(p='pt.person_id')}) FROM participants pt WHERE pt.activity_id = {activity}"
        " ON CONFLICT(person_id) DO UPDATE SET last = excluded.last;"
    )


@migration("0005_overview")
def m0005_overview(db: Database) -> None:
    """Indexes for the overview: when each person was last met (a derived, local-only
    table kept in step by triggers) and activities counted per area, kind and month.

    "People not contacted for 60 days" otherwise has to join every participation of every
    person with its activity, which takes about a second at 100,000 activities.
    """
    script = f"""
CREATE INDEX activities_area_kind ON activities (area_id, kind, starts_at);
CREATE TABLE person_last_contact (person_id TEXT PRIMARY KEY, last TEXT);
CREATE INDEX person_last_contact_last ON person_last_contact (last);
INSERT INTO person_last_contact (person_id, last)
    SELECT person_id, max(s) FROM (
        SELECT pt.person_id AS person_id, a.starts_at AS s
          FROM participants pt JOIN activities a ON a.id = pt.activity_id
        UNION ALL
        SELECT person_id, starts_at FROM activities WHERE person_id IS NOT NULL)
    GROUP BY person_id;
CREATE TRIGGER participants_contact_ai AFTER INSERT ON participants BEGIN
    {_touch_contact("new.person_id")}
END;
CREATE TRIGGER participants_contact_ad AFTER DELETE ON participants BEGIN
    {_touch_contact("old.person_id")}
END;
CREATE TRIGGER participants_contact_au AFTER UPDATE OF person_id, activity_id ON participants BEGIN
    {_touch_contact("old.person_id")}
    {_touch_contact("new.person_id")}
END;
CREATE TRIGGER activities_contact_ai AFTER INSERT ON activities BEGIN
    {_touch_contact("new.person_id")}
    {_touch_participants_of("new.id")}
END;
CREATE TRIGGER activities_contact_au AFTER UPDATE OF starts_at, person_id ON activities BEGIN
    {_touch_contact("old.person_id")}
    {_touch_contact("new.person_id")}
    {_touch_participants_of("new.id")}
END;
CREATE TRIGGER activities_contact_ad AFTER DELETE ON activities BEGIN
    {_touch_contact("old.person_id")}
    {_touch_participants_of("old.id")}
END;
CREATE TRIGGER people_contact_ad AFTER DELETE ON people BEGIN
    DELETE FROM person_last_contact WHERE person_id = old.id;
END;
"""
    for statement in _split_sql(script):
        db.execute(statement)


@migration("0006_sync_team")
def m0006_sync_team(db: Database) -> None:
    """Folder sync at team scale: "did this version come from that folder?" is one index probe,
    and a damaged file in a shared folder is remembered (and skipped until it changes)."""
    db.execute("CREATE INDEX IF NOT EXISTS sync_imports_folder ON sync_imports (destination, first_seq)")
    db.execute(
        "CREATE TABLE IF NOT EXISTS sync_bad_files (folder TEXT NOT NULL, file_name TEXT NOT NULL,"
        " size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, error TEXT NOT NULL, seen_at TEXT NOT NULL,"
        " PRIMARY KEY (folder, file_name))"
    )


# Full-text columns added in 0007: theme names and survey statements were marked
# searchable in the field specs but had no index. (Literal on purpose: see module doc.)
_FTS_0007 = {
    "themes": ("name",),
    "survey_items": ("statement",),
}


@migration("0007_search_themes_statements")
def m0007_search_themes_statements(db: Database) -> None:
    """Index theme names and survey statements (a theme name then finds its observations)."""
    script = "".join(_fts_sql(t, c) for t, c in _FTS_0007.items())
    for statement in _split_sql(script):
        db.execute(statement)
    for table in _FTS_0007:
        db.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")
    # The observations of a theme from the index alone (search counts them by theme).
    db.execute(
        "CREATE INDEX observation_themes_theme_observation ON observation_themes (theme_id, observation_id)"
    )


def _split_sql(script: str) -> list[str]:
    """Split a script into statements; trigger bodies keep their inner semicolons."""
    statements, current = [], []
    for line in script.splitlines():
        if not line.strip():
            continue
        current.append(line)
        joined = "\n".join(current)
        if line.rstrip().endswith(";") and ("CREATE TRIGGER" not in joined or line.strip() == "END;"):
            statements.append(joined)
            current = []
    return statements


SCHEMA_VERSION = len(MIGRATION_NAMES)
# The full-text columns per table in the newest schema (tests/test_search.py checks that
# they are exactly the fields the domain marks ``searchable``).
FTS_COLUMNS: dict[str, tuple[str, ...]] = {**_FTS_0001, **_FTS_0007}


def _fts_for_new_rows(table: str) -> str:
    cols = ", ".join(FTS_COLUMNS[table])
    return f"INSERT INTO {table}_fts (rowid, {cols}) SELECT rowid, {cols} FROM {table} WHERE rowid > :high"


def _contact_of(persons: str) -> str:
    return (
        "INSERT INTO person_last_contact (person_id, last)"
        f" SELECT pid, ({_LAST_CONTACT_OF.format(p='pid')}) FROM ({persons}) WHERE pid IS NOT NULL"
        " ON CONFLICT(person_id) DO UPDATE SET last = excluded.last"
    )


# For the newest schema: per table, its AFTER INSERT triggers and one statement that does
# for every row with ``rowid > :high`` what the trigger does row by row. A bulk insert
# (Store._insert_rows) sets those triggers aside and runs these instead: fed one row per
# statement, FTS5 and the last-contact upserts cost many times more.
BULK_AFTER_INSERT: dict[str, dict[str, str]] = {
    table: {f"{table}_ai": _fts_for_new_rows(table)} for table in FTS_COLUMNS
}
BULK_AFTER_INSERT["activities"]["activities_contact_ai"] = _contact_of(
    "SELECT person_id AS pid FROM activities WHERE rowid > :high"
    " UNION SELECT pt.person_id FROM participants pt JOIN activities a ON a.id = pt.activity_id"
    " WHERE a.rowid > :high"
)
BULK_AFTER_INSERT["participants"] = {
    "participants_contact_ai": _contact_of(
        "SELECT DISTINCT person_id AS pid FROM participants WHERE rowid > :high"
    )
}
