"""What every ``fieldapp`` command promises, checked for every command.

``COMMANDS`` holds one line per command; a command missing from it (or from the README's
command table) fails ``test_every_command_is_covered`` / ``test_readme_lists_every_command``.
Each command is then run, in Danish and in English, against a missing file, a folder, a
file that is not a notebook, an empty file and a damaged notebook: one line on stderr in
the chosen language, a non-zero exit, and nothing created or changed.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from fieldapp.cli import Exit, command_paths, run
from fieldapp.demo import build_demo
from fieldapp.store import Store

ROOT = Path(__file__).resolve().parent.parent
NOBODY = "0190d6a4-0000-7000-8000-000000000000"

# command as typed -> its arguments ({db}: the notebook, {tmp}: a scratch folder)
COMMANDS: dict[str, list[str]] = {
    "search": ["search", "--db", "{db}", "legeplads"],
    "check": ["check", "--db", "{db}"],
    "export-pdf": ["export-pdf", "--db", "{db}", "--area", "Uldum", "-o", "{tmp}/rapport.pdf"],
    "backup": ["backup", "--db", "{db}", "-o", "{tmp}/kopi.sqlite"],
    "restore": ["restore", "--db", "{db}"],
    "erase": ["erase", "--db", "{db}", "--person", NOBODY, "--yes"],
    "access": ["access", "--db", "{db}", "--person", NOBODY, "-o", "{tmp}/indsigt.json"],
    "review": ["review", "--db", "{db}"],
    "sync export": ["sync", "export", "--db", "{db}", "-o", "{tmp}/ud.feltsync", "--no-encryption"],
    "sync import": ["sync", "import", "--db", "{db}", "{tmp}/ind.feltsync"],
    "sync folder": ["sync", "folder", "--db", "{db}", "{tmp}"],  # encrypted only: FELTBOG_PASSPHRASE
    "sync new-identity": ["sync", "new-identity", "--db", "{db}"],
    "route import": ["route", "import", "--db", "{db}", "--activity", NOBODY, "{tmp}/tur.gpx"],
    "export-xlsx": ["export-xlsx", "--db", "{db}", "-o", "{tmp}/ark.xlsx"],
    "export-csv": ["export-csv", "--db", "{db}", "-o", "{tmp}/csv"],
    "import-people": ["import-people", "--db", "{db}", "{tmp}/liste.csv"],
}
# Commands that do not take an existing notebook (tested on their own below).
CREATES = {"demo"}

EXPECTED = {
    "missing": {"da": "findes ikke", "en": "does not exist"},
    "folder": {"da": "er en mappe", "en": "is a folder"},
    "not_a_notebook": {"da": "er ikke en Feltbog-notesbog", "en": "is not a Feltbog notebook"},
    "foreign_sqlite": {"da": "er ikke en Feltbog-notesbog", "en": "is not a Feltbog notebook"},
    "empty": {"da": "tom fil (0 byte)", "en": "empty file (0 bytes)"},
    "damaged": {"da": "er beskadiget", "en": "is damaged"},
    "truncated": {"da": "er beskadiget", "en": "is damaged"},
}
# restore puts a backup in place of a missing or damaged notebook: there it is refused only
# because these folders hold no backup.
NO_BACKUP = {"da": "ingen brugbar sikkerhedskopi", "en": "no usable backup"}
OVERRIDES = {("restore", case): NO_BACKUP for case in ("missing", "damaged", "truncated")}


@pytest.fixture(scope="module")
def good_notebook(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("good") / "feltbog.sqlite"
    with Store.open(path) as store:
        build_demo(store, size=40, seed=1)
    return path


def damage(source: Path, target: Path) -> Path:
    """A copy of ``source`` with four pages in the middle overwritten (schema page intact)."""
    data = bytearray(source.read_bytes())
    page = 4096
    middle = len(data) // page // 2
    data[middle * page : (middle + 4) * page] = b"\xa5" * (4 * page)
    target.write_bytes(bytes(data))
    return target


def make_case(case: str, folder: Path, good: Path) -> Path:
    path = folder / "feltbog.sqlite"
    if case == "missing":
        return path
    if case == "folder":
        path.mkdir()
    elif case == "not_a_notebook":
        path.write_text("Kære dagbog,\n" * 50, encoding="utf-8")
    elif case == "foreign_sqlite":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()
        conn.close()
    elif case == "empty":
        path.touch()
    elif case == "damaged":
        damage(good, path)
    elif case == "truncated":  # a copy cut off half-way (a full USB stick, say)
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return path


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("case", list(EXPECTED))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_refuses_what_is_not_a_sound_notebook(
    command, case, lang, tmp_path, good_notebook, monkeypatch, capsys
):
    monkeypatch.setenv("FELTBOG_LANG", lang)
    monkeypatch.setenv("FELTBOG_PASSPHRASE", "holdets frase")
    work = tmp_path / "work"
    work.mkdir()
    db = make_case(case, work, good_notebook)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    before = snapshot(work), snapshot(scratch)
    args = [a.format(db=db, tmp=scratch) for a in COMMANDS[command]]
    code = run(args)
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert code == Exit.FAILED, captured
    assert len(lines) == 1 and lines[0].startswith("fieldapp: "), captured.err
    assert OVERRIDES.get((command, case), EXPECTED[case])[lang] in lines[0]
    assert "Traceback" not in captured.out + captured.err
    # Nothing created, nothing changed (a refused restore leaves its lock file behind neither).
    assert (snapshot(work), snapshot(scratch)) == before


def test_every_command_is_covered():
    assert set(command_paths()) == set(COMMANDS) | CREATES


def readme_commands() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = set()
    for cell in re.findall(r"^\| `fieldapp ([^`]*)`", text, flags=re.MULTILINE):
        words = []
        for word in cell.split():
            if not re.fullmatch(r"[a-z][a-z-]*", word):
                break
            words.append(word)
        if words:
            found.add(" ".join(words))
    # A row may name two commands: "`fieldapp backup …` / `fieldapp restore …`".
    for cell in re.findall(r"^\|[^|]*/ `fieldapp ([a-z][a-z-]*)", text, flags=re.MULTILINE):
        found.add(cell)
    return found


def help_commands(capsys, prefix: tuple[str, ...] = ()) -> set[str]:
    """The commands ``fieldapp [GROUP] --help`` lists (sub-commands followed down)."""
    assert run([*prefix, "--help"]) == Exit.OK
    text = capsys.readouterr().out
    block = text.split("positional arguments:", 1)[1].split("options:", 1)[0]
    names = re.findall(r"^    ([a-z][a-z-]*)", block, flags=re.MULTILINE)
    found = set()
    for name in names:
        inner = help_commands(capsys, (*prefix, name)) if _has_subcommands(prefix, name) else set()
        found |= inner or {" ".join((*prefix, name))}
    return found


def _has_subcommands(prefix: tuple[str, ...], name: str) -> bool:
    return any(path.startswith(" ".join((*prefix, name)) + " ") for path in command_paths())


def test_readme_lists_every_command_in_help_and_no_other(capsys):
    listed = help_commands(capsys)
    assert listed == set(command_paths())  # --help hides nothing
    assert readme_commands() == listed


@pytest.mark.parametrize("lang", ["da", "en"])
def test_demo_refuses_to_overwrite_anything(lang, tmp_path, good_notebook, monkeypatch, capsys):
    monkeypatch.setenv("FELTBOG_LANG", lang)
    folder = tmp_path / "mappe"
    folder.mkdir()
    damaged = damage(good_notebook, tmp_path / "beskadiget.sqlite")
    text = tmp_path / "noter.txt"
    text.write_text("ikke en notesbog")
    before = snapshot(tmp_path)
    expected = {"da": ("er en mappe", "findes allerede"), "en": ("is a folder", "exists already")}[lang]
    for target, words in ((folder, expected[0]), (damaged, expected[1]), (text, expected[1])):
        assert run(["demo", str(target)]) == Exit.FAILED
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and words in err[0]
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("lang", "words"), [("da", "Ukendt kommando »frobnicate«"), ("en", "Unknown command 'frobnicate'")]
)
def test_an_unknown_command_says_so(lang, words, monkeypatch, capsys):
    from fieldapp.__main__ import main

    monkeypatch.setenv("FELTBOG_LANG", lang)
    monkeypatch.setattr("fieldapp.ui.app.run_app", lambda args: pytest.fail("the GUI started"), raising=False)
    assert main(["frobnicate"]) == Exit.USAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and words in err[0]


@pytest.mark.parametrize(
    ("args", "da", "en"),
    [
        (["search", "--db", "{db}", "x", "--limit", "99999999999999999999"], "mellem 1 og", "between 1 and"),
        (["search", "--db", "{db}", "x", "--limit", "0"], "mellem 1 og", "between 1 and"),
        (["search", "--db", "{db}", "x", "--limit", "mange"], "ikke et helt tal", "not a whole number"),
        (["demo", "{tmp}/ny.sqlite", "--size", "10000000000"], "mellem 0 og", "between 0 and"),
    ],
)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_numbers_out_of_range_are_one_usage_line(
    args, da, en, lang, tmp_path, good_notebook, monkeypatch, capsys
):
    monkeypatch.setenv("FELTBOG_LANG", lang)
    assert run([a.format(db=good_notebook, tmp=tmp_path) for a in args]) == Exit.USAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and {"da": da, "en": en}[lang] in err[0]
    assert not (tmp_path / "ny.sqlite").exists()


def test_a_period_to_the_end_of_time_is_a_report(tmp_path, good_notebook, capsys):
    with Store.open(good_notebook) as store:
        area = store.conn.execute("SELECT name FROM areas ORDER BY name LIMIT 1").fetchone()[0]
    out = tmp_path / "alt.pdf"
    args = ["export-pdf", "--db", str(good_notebook), "--area", area, "--to", "9999-12-31", "-o", str(out)]
    assert run(args) == Exit.OK, capsys.readouterr().err
    assert out.read_bytes().startswith(b"%PDF")
    args[args.index("--to") + 1] = "10000-01-01"
    assert run(args) == Exit.FAILED
    assert "10000-01-01" in capsys.readouterr().err


@pytest.mark.parametrize(("lang", "words"), [("da", "brug --yes"), ("en", "use --yes")])
def test_erase_without_yes_and_no_stdin_is_one_line_and_erases_nothing(
    lang, words, tmp_path, good_notebook, monkeypatch, capsys
):
    import io

    monkeypatch.setenv("FELTBOG_LANG", lang)
    db = tmp_path / "feltbog.sqlite"
    shutil.copy(good_notebook, db)
    with Store.open(db) as store:
        person = store.conn.execute("SELECT id FROM people LIMIT 1").fetchone()[0]
    before = snapshot(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert run(["erase", "--db", str(db), "--person", person]) == Exit.CANCELLED
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and words in err[0].lower()
    with Store.open(db) as store:
        assert store.conn.execute("SELECT count(*) FROM people WHERE id = ?", (person,)).fetchone()[0] == 1
    del before  # the open above may checkpoint; the row count is what matters


def test_nothing_below_the_cli_imports_it():
    offenders = []
    for path in (ROOT / "fieldapp").rglob("*.py"):
        rel = path.relative_to(ROOT / "fieldapp")
        if rel.parts[0] in {"cli", "__main__.py", "ui"}:
            continue
        if re.search(
            r"^\s*(from fieldapp\.cli\b|from fieldapp import cli\b|import fieldapp\.cli\b)",
            path.read_text(),
            re.MULTILINE,
        ):
            offenders.append(str(rel))
    assert offenders == []


@pytest.mark.parametrize("argv", [[], ["--db", "x.sqlite"], ["--lang", "en"]])
def test_no_command_starts_the_app(argv, monkeypatch):
    import fieldapp.ui.app
    from fieldapp.__main__ import main

    started = []
    monkeypatch.setattr(fieldapp.ui.app, "run_app", lambda args: started.append(args) or 0)
    assert main(argv) == 0
    assert started == [argv]


# command -> (arguments, what it says in Danish, in English); {db} is a sound demo notebook.
MESSAGES: dict[str, tuple[list[str], str, str]] = {
    "demo": (["demo", "{tmp}/ny.sqlite", "--size", "3"], "Demo-notesbog skrevet", "Demo notebook written"),
    "search": (["search", "--db", "{db}", "zzqqxx"], "Ingen resultater", "No results"),
    "check": (["check", "--db", "{db}"], "Integritetstjek: i orden", "Integrity check: ok"),
    "export-pdf": (
        ["export-pdf", "--db", "{db}", "--area", "Atlantis", "-o", "{tmp}/r.pdf"],
        "Der findes intet område",
        "There is no area",
    ),
    "backup": (["backup", "--db", "{db}"], "Sikkerhedskopi gemt", "Backup written"),
    "restore": (["restore", "--db", "{db}"], "Gendannet fra", "Restored from"),
    "erase": (
        ["erase", "--db", "{db}", "--person", NOBODY, "--yes"],
        "Der findes ingen person",
        "There is no person",
    ),
    "access": (
        ["access", "--db", "{db}", "--person", "{person}", "-o", "{tmp}/a.json"],
        "Indsigt gemt",
        "Access export",
    ),
    "review": (["review", "--db", "{db}"], "gennemg", "review"),
    "export-xlsx": (
        ["export-xlsx", "--db", "{db}", "-o", "{tmp}/ark.xlsx"],
        "rækker skrevet til",
        "rows written to",
    ),
    "export-csv": (["export-csv", "--db", "{db}", "-o", "{tmp}/csv"], "CSV-filer i", "CSV files in"),
    "import-people": (
        ["import-people", "--db", "{db}", "{tmp}/liste.csv", "--dry-run"],
        "ville blive importeret",
        "would be imported",
    ),
    "sync export": (
        ["sync", "export", "--db", "{db}", "-o", "{tmp}/s.feltsync"],
        "ændringer ind",
        "changes in",
    ),
    "sync import": (
        ["sync", "import", "--db", "{db}", "{tmp}/s.feltsync"],
        "allerede indlæst",
        "already been imported",
    ),
    "sync folder": (
        ["sync", "folder", "--db", "{db}", "{tmp}"],
        "ændringer ind",
        "changes in",
    ),
    "route import": (
        ["route", "import", "--db", "{db}", "--activity", NOBODY, "{tmp}/tur.gpx"],
        "Der findes ingen aktivitet",
        "There is no activity",
    ),
    "sync new-identity": (["sync", "new-identity", "--db", "{db}"], "skriver nu som", "now writes as"),
}


def test_every_command_has_a_message_test():
    assert set(MESSAGES) == set(command_paths())


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_command_speaks_the_chosen_language(lang, tmp_path, good_notebook, monkeypatch, capsys):
    monkeypatch.setenv("FELTBOG_LANG", lang)
    monkeypatch.setenv("FELTBOG_PASSPHRASE", "holdets frase")  # folder sync reads only encrypted files
    db = tmp_path / "feltbog.sqlite"
    shutil.copy(good_notebook, db)
    with Store.open(db) as store:
        person = store.conn.execute("SELECT id FROM people LIMIT 1").fetchone()[0]
    (tmp_path / "liste.csv").write_text("Navn;Telefon\nKaren Ærø;20304050\n", encoding="utf-8")
    # In this order: restore needs the backup, sync import the exported file (made by itself).
    for command in [c for c in MESSAGES if c != "sync import"] + ["sync import"]:
        args, da, en = MESSAGES[command]
        run([a.format(db=db, tmp=tmp_path, person=person) for a in args])
        captured = capsys.readouterr()
        said = captured.out + captured.err
        assert {"da": da, "en": en}[lang] in said, (command, said)
        assert {"da": en, "en": da}[lang] not in said, (command, said)
        assert "Traceback" not in said


def test_a_bug_is_one_line_too(good_notebook, monkeypatch, capsys):
    def broken(args):
        raise RuntimeError("ups")

    monkeypatch.setattr("fieldapp.cli.notebook.cmd_check", broken)
    monkeypatch.setenv("FELTBOG_LANG", "en")
    assert run(["check", "--db", str(good_notebook)]) == Exit.INTERNAL
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Internal error (RuntimeError: ups)" in err[0]
