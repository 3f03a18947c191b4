"""``fieldapp export-pdf``: exit codes, messages, and no half-written files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from reports_pdf import full_text
from reports_sample import build

from fieldapp import cli
from fieldapp.reports import ReportOptions, export_activity_report
from fieldapp.store import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def notebook(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notebook")
    path = folder / "feltbog.sqlite"
    with Store.open(path) as store:
        sample = build(store)
        ids = {"walk": sample.walkabout.id, "karen": sample.people["Karen Bækgaard"].id}
    return path, ids


@pytest.fixture(autouse=True)
def danish(monkeypatch):
    monkeypatch.setenv("FELTBOG_LANG", "da")


def run(*args: str) -> int:
    return cli.run(["export-pdf", *map(str, args)])


def test_activity_report_exit_zero_and_warns_about_missing_photo(notebook, tmp_path, capsys):
    db, ids = notebook
    out = tmp_path / "byvandring.pdf"
    assert run("--db", db, "--activity", ids["walk"], "-o", out) == 0
    captured = capsys.readouterr()
    assert str(out) in captured.out
    assert "Billedet »torvet.jpg« mangler" in captured.err
    assert "Byvandring i Uldum bymidte" in full_text(out)
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_area_by_name_with_period_in_english(notebook, tmp_path):
    db, _ = notebook
    out = tmp_path / "uldum.pdf"
    assert (
        run(
            "--db",
            db,
            "--area",
            "uldum",
            "--from",
            "2026-10-01",
            "--to",
            "2026-10-31",
            "-o",
            out,
            "--lang",
            "en",
            "--internal",
        )
        == 0
    )
    text = full_text(out)
    assert "Area report" in text and "INTERNAL – do not pass on" in text and "1 October 2026" in text


def test_person_report(notebook, tmp_path):
    db, ids = notebook
    out = tmp_path / "indsigt.pdf"
    assert run("--db", db, "--person", ids["karen"], "-o", out) == 0
    assert "Indsigt i personoplysninger" in full_text(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--activity", "0190aaaa-0000-7000-8000-000000000000"], "Der findes ingen aktivitet med id"),
        (["--person", "nobody"], "Der findes ingen person med id nobody"),
        (["--area", "Atlantis"], "Der findes intet område, der hedder »Atlantis«. Kendte områder: "),
        (["--area", "Hedensted Centrum"], "Der er endnu ingen aktiviteter i Hedensted Centrum."),
        (
            ["--area", "Uldum", "--from", "2030-01-01"],
            "Der er ingen aktiviteter i Uldum i perioden fra 1. januar 2030",
        ),
        (
            ["--area", "Uldum", "--from", "2026-12-01", "--to", "2026-01-01"],
            "Perioden begynder (1. december 2026)",
        ),
        (["--area", "Uldum", "--from", "1. maj"], "»1. maj« er ikke en gyldig dato"),
        (["--activity", "x", "--from", "2026-01-01"], "--from og --to gælder kun sammen med --area"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_one(notebook, tmp_path, capsys, args, message):
    db, _ = notebook
    out = tmp_path / "rapport.pdf"
    assert run("--db", db, *args, "-o", out) == 1
    err = capsys.readouterr().err
    assert err.startswith("fieldapp: ") and message in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_missing_notebook_is_not_created(tmp_path, capsys):
    db = tmp_path / "findes-ikke.sqlite"
    assert run("--db", db, "--area", "Uldum", "-o", tmp_path / "x.pdf") == 1
    assert "findes ikke" in capsys.readouterr().err
    assert not db.exists()


def test_unwritable_output_path(notebook, tmp_path, capsys):
    db, ids = notebook
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert run("--db", db, "--activity", ids["walk"], "-o", blocker / "rapport.pdf") == 1
    err = capsys.readouterr().err
    assert "PDF-filen" in err and "kunne ikke skrives" in err
    assert not blocker.is_dir() and blocker.read_text() == "not a folder"
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert run("--db", db, "--activity", ids["walk"], "-o", folder) == 1
    assert "er en mappe" in capsys.readouterr().err


def test_usage_errors_exit_two(notebook, capsys):
    db, _ = notebook
    # none of --activity/--area/--person; two of them
    assert cli.run(["export-pdf", "--db", str(db), "-o", "x.pdf"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert cli.run(["export-pdf", "--db", str(db), "--activity", "a", "--person", "b", "-o", "x.pdf"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_failed_export_keeps_the_old_file_and_leaves_no_partial(notebook, tmp_path):
    db, ids = notebook
    out = tmp_path / "rapport.pdf"
    out.write_bytes(b"the previous report")

    def cancel(step, steps, message):
        if step == 2:
            raise KeyboardInterrupt

    with Store.open(db) as store, pytest.raises(KeyboardInterrupt):
        export_activity_report(store, ids["walk"], out, ReportOptions(), progress=cancel)
    assert out.read_bytes() == b"the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.pdf"]


def test_entry_point_runs_the_command(notebook, tmp_path):
    db, ids = notebook
    out = tmp_path / "fra-kommandolinjen.pdf"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "fieldapp",
            "export-pdf",
            "--db",
            str(db),
            "--activity",
            ids["walk"],
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF-1.7")
