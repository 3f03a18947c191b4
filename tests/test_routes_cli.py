"""``fieldapp route import`` as a user types it: one summary line per file, errors as one line."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from route_files import damaged_photo, gpx11, photo, walk, write

from fieldapp.cli import run
from fieldapp.domain import Activity, Attachment
from fieldapp.store import Store

T0 = datetime(2026, 5, 1, 10, 0)


@pytest.fixture
def notebook(tmp_path):
    path = tmp_path / "feltbog.sqlite"
    with Store.open(path) as store:
        walk_id = store.add(Activity(kind="walkabout", title="Byvandring", starts_at=T0)).id
        talk_id = store.add(Activity(kind="one_to_one", title="Samtale", starts_at=T0)).id
    return path, walk_id, talk_id


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("fieldapp: "), err
    return err


def test_route_import_attaches_the_track_adds_photos_and_places_them(notebook, tmp_path, capsys, monkeypatch):
    path, walk_id, _talk = notebook
    gpx = write(tmp_path / "tur.gpx", gpx11([walk(T0, count=11)]))
    folder = tmp_path / "fotos"
    folder.mkdir()
    # The camera is 90 s behind; one photo on the walk, one damaged.
    photo(folder / "IMG_1.jpg", T0 + timedelta(minutes=4) - timedelta(seconds=90))
    damaged_photo(folder / "IMG_2.jpg")
    monkeypatch.setenv("FELTBOG_LANG", "en")
    args = ["route", "import", "--db", str(path), "--activity", walk_id, str(gpx), "--photos", str(folder)]
    assert run([*args, "--offset", "90"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip().splitlines() == ["tur.gpx: 914 m, 10 min, 1 of 1 placed; 1 photo added"]
    assert captured.err.strip() == "fieldapp: The photo 'IMG_2.jpg' is damaged and was not added."
    with Store.open(path) as store:
        activity = store.get(Activity, walk_id)
        assert activity.gpx_attachment_id and activity.camera_offset_s == 90
        names = sorted(a.filename for a in store.attachments(activity_id=walk_id))
        assert names == ["IMG_1.jpg", "tur.gpx"]


@pytest.mark.parametrize(
    ("case", "danish"),
    [
        ("not_walkabout", "Kun byvandringer kan have et GPS-spor."),
        ("bad_gpx", "er ikke en GPX-fil, der kan læses"),
        ("no_folder", "Mappen »findes_ikke« findes ikke."),
        ("no_notebook", "findes ikke"),
        ("no_activity", "Der findes ingen aktivitet"),
        ("bad_offset", "Kameraets tidsforskel må højst være"),
    ],
)
def test_route_import_errors_are_one_line_and_write_nothing(
    notebook, tmp_path, capsys, monkeypatch, case, danish
):
    path, walk_id, talk_id = notebook
    gpx = write(tmp_path / "tur.gpx", gpx11([walk(T0, count=5)]))
    bad = tmp_path / "ødelagt.gpx"
    bad.write_bytes(b"<html>ikke gpx</html>")
    args = {
        "not_walkabout": ["--db", str(path), "--activity", talk_id, str(gpx)],
        "bad_gpx": ["--db", str(path), "--activity", walk_id, str(bad)],
        "no_folder": [
            "--db",
            str(path),
            "--activity",
            walk_id,
            str(gpx),
            "--photos",
            str(tmp_path / "findes_ikke"),
        ],
        "no_notebook": ["--db", str(tmp_path / "ingen.sqlite"), "--activity", walk_id, str(gpx)],
        "no_activity": ["--db", str(path), "--activity", "0000-ingen", str(gpx)],
        "bad_offset": ["--db", str(path), "--activity", walk_id, str(gpx), "--offset", "99999999"],
    }[case]
    monkeypatch.setenv("FELTBOG_LANG", "da")
    with Store.open(path) as store:
        before = store.counts()
    assert run(["route", "import", *args]) == 1
    assert danish in _one_error_line(capsys)
    with Store.open(path) as store:
        assert store.counts() == before
        assert store.get(Activity, walk_id).gpx_attachment_id is None
        assert not any(a.filename == "tur.gpx" for a in store.list(Attachment))
