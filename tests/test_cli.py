import subprocess
import sys

import pytest

from fieldapp import __version__
from fieldapp.__main__ import main


@pytest.fixture(autouse=True)
def danish(monkeypatch):
    monkeypatch.setenv("FELTBOG_LANG", "da")


@pytest.fixture
def demo_path(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    assert main(["demo", str(path), "--size", "40", "--seed", "2"]) == 0
    assert "40 aktiviteter" in capsys.readouterr().out
    return path


def test_version(capsys):
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


def test_demo_then_check_then_search(demo_path, capsys):
    assert main(["check", "--db", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "Integritetstjek: i orden" in out and "activities: 40" in out and "Skemaversion" in out
    assert main(["search", "--db", str(demo_path), "legepl*", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert 1 <= len(lines) <= 2
    kind, when, title, snippet = lines[0].split("\t")
    from fieldapp.domain import ActivityKind, ObservationKind

    labels = {k.label("da") for k in [*ActivityKind, *ObservationKind]} | {"Person", "Handling"}
    assert kind in labels and when[:2] == "20"
    assert "[" in snippet


def test_demo_never_overwrites_a_notebook(demo_path, capsys):
    before = demo_path.read_bytes()
    assert main(["demo", str(demo_path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "findes allerede" in err[0]
    assert demo_path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "--db", "{tmp}/nope.sqlite"], "findes ikke"),
        (["restore", "--db", "{tmp}/junk.sqlite"], "ikke en Feltbog-notesbog"),
        (["search", "--db", "{tmp}/nope.sqlite", "x"], "findes ikke"),
        (["check", "--db", "{tmp}/junk.sqlite"], "ikke en Feltbog-notesbog"),
        (["demo", "{tmp}/missing-folder/x.sqlite"], "kunne ikke åbnes"),
    ],
)
def test_errors_are_one_line_and_non_zero(tmp_path, demo_path, capsys, args, expected):
    (tmp_path / "junk.sqlite").write_text("not a database")
    capsys.readouterr()
    args = [a.format(tmp=tmp_path, demo=demo_path) for a in args]
    assert main(args) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fieldapp: ") and expected in lines[0]
    assert "Traceback" not in captured.err
    assert not (tmp_path / "nope.sqlite").exists()


def test_check_reports_damage(demo_path, capsys):
    import sqlite3

    conn = sqlite3.connect(demo_path)
    conn.execute(
        "INSERT INTO activities_fts(activities_fts, rowid, title) VALUES ('delete', 1, 'ikke det der står')"
    )
    conn.commit()
    conn.close()
    assert main(["check", "--db", str(demo_path)]) == 1
    assert capsys.readouterr().err


def test_english_messages(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FELTBOG_LANG", "en")
    assert main(["check", "--db", str(tmp_path / "nope.sqlite")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_python_dash_m_runs_the_cli(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "fieldapp", "check", "--db", str(tmp_path / "none.sqlite")],
        capture_output=True,
        text=True,
        env={"FELTBOG_LANG": "en", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"fieldapp: The notebook '{tmp_path / 'none.sqlite'}' does not exist."
