"""``fieldapp sync …`` as a user types it: exit codes, one-line refusals, the passphrase rules."""

from __future__ import annotations

import re

import pytest
from sync_support import full_dump, open_notebook, tables

from fieldapp.cli import run
from fieldapp.domain import Area


@pytest.fixture(autouse=True)
def danish(monkeypatch):
    monkeypatch.setenv("FELTBOG_LANG", "da")


@pytest.fixture
def two_notebooks(tmp_path):
    anne = open_notebook(tmp_path / "anne")
    for n in range(3):
        anne.add(Area(name=f"Landsby {n}"))
    bo = open_notebook(tmp_path / "bo")
    paths = anne.path, bo.path
    anne.close()
    bo.close()
    secret = tmp_path / "passphrase.txt"
    secret.write_text("holdets hemmelige frase\n", encoding="utf-8")
    return paths, secret


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("fieldapp: ")
    return err


def test_export_and_import_with_a_passphrase_file(two_notebooks, tmp_path, capsys, monkeypatch):
    (a, b), secret = two_notebooks
    out = tmp_path / "anne.feltsync"
    assert run(["sync", "export", "--db", str(a), "-o", str(out), "--passphrase-file", str(secret)]) == 0
    assert "ud" in capsys.readouterr().out
    assert run(["sync", "import", "--db", str(b), str(out), "--passphrase-file", str(secret)]) == 0
    assert "ind" in capsys.readouterr().out
    with open_notebook(a.parent) as anne, open_notebook(b.parent) as bo:
        assert tables(anne) == tables(bo)


def test_the_passphrase_can_come_from_the_environment_never_argv(
    two_notebooks, tmp_path, capsys, monkeypatch
):
    (a, b), _ = two_notebooks
    out = tmp_path / "x.feltsync"
    assert run(["sync", "export", "--db", str(a), "-o", str(out), "--passphrase", "hemmelig"]) == 2
    capsys.readouterr()
    monkeypatch.delenv("FELTBOG_PASSPHRASE", raising=False)
    assert run(["sync", "export", "--db", str(a), "-o", str(out)]) == 1
    assert "FELTBOG_PASSPHRASE" in one_error_line(capsys)
    assert not out.exists()
    monkeypatch.setenv("FELTBOG_PASSPHRASE", "fra miljøet")
    assert run(["sync", "export", "--db", str(a), "-o", str(out)]) == 0
    assert run(["sync", "import", "--db", str(b), str(out)]) == 0


def test_refusals_exit_non_zero_with_one_line_and_change_nothing(
    two_notebooks, tmp_path, capsys, monkeypatch
):
    (a, b), _ = two_notebooks
    out = tmp_path / "x.feltsync"
    monkeypatch.setenv("FELTBOG_PASSPHRASE", "rigtig")
    assert run(["sync", "export", "--db", str(a), "-o", str(out)]) == 0
    capsys.readouterr()
    with open_notebook(b.parent) as bo:
        before = full_dump(bo)
    monkeypatch.setenv("FELTBOG_PASSPHRASE", "forkert")
    assert run(["sync", "import", "--db", str(b), str(out)]) == 1
    assert "Forkert adgangssætning" in one_error_line(capsys)
    junk = tmp_path / "junk.feltsync"
    junk.write_bytes(b"hello")
    assert run(["sync", "import", "--db", str(b), str(junk)]) == 1
    assert "ikke en Feltbog-synkroniseringsfil" in one_error_line(capsys)
    assert run(["sync", "import", "--db", str(b), str(tmp_path / "missing.feltsync")]) == 1
    one_error_line(capsys)
    with open_notebook(b.parent) as bo:
        assert full_dump(bo) == before


def test_mass_delete_needs_force(two_notebooks, tmp_path, capsys, monkeypatch):
    (a, b), _ = two_notebooks
    monkeypatch.setenv("FELTBOG_PASSPHRASE", "frase")
    first, second = tmp_path / "1.feltsync", tmp_path / "2.feltsync"
    run(["sync", "export", "--db", str(a), "-o", str(first)])
    run(["sync", "import", "--db", str(b), str(first)])
    with open_notebook(a.parent) as anne:
        for area in anne.list(Area):
            anne.delete(Area, area.id)
    run(["sync", "export", "--db", str(a), "-o", str(second)])
    capsys.readouterr()
    assert run(["sync", "import", "--db", str(b), str(second)]) == 1
    assert "--force" in one_error_line(capsys)
    assert run(["sync", "import", "--db", str(b), str(second), "--force"]) == 0


def test_folder_sync_needs_the_passphrase(two_notebooks, tmp_path, capsys, monkeypatch):
    (a, b), secret = two_notebooks
    shared = tmp_path / "Nextcloud"
    shared.mkdir()
    monkeypatch.delenv("FELTBOG_PASSPHRASE", raising=False)
    assert run(["sync", "folder", "--db", str(a), str(shared)]) == 1
    assert "FELTBOG_PASSPHRASE" in one_error_line(capsys)
    # Folder sync never writes (or reads) an unencrypted file: the option is gone.
    assert run(["sync", "folder", "--db", str(a), str(shared), "--no-encryption"]) == 2
    assert "--no-encryption" in one_error_line(capsys)
    key = ["--passphrase-file", str(secret)]
    assert run(["sync", "folder", "--db", str(a), str(shared), *key]) == 0
    assert run(["sync", "folder", "--db", str(b), str(shared), *key]) == 0
    with open_notebook(b.parent) as bo:
        assert bo.count(Area) == 3
    capsys.readouterr()
    assert run(["sync", "folder", "--db", str(b), str(tmp_path / "nowhere"), *key]) == 1
    assert "ikke en mappe" in one_error_line(capsys)


def test_an_unencrypted_file_only_with_an_explicit_option(two_notebooks, tmp_path, capsys, monkeypatch):
    (a, b), secret = two_notebooks
    plain = tmp_path / "plain.feltsync"
    monkeypatch.delenv("FELTBOG_PASSPHRASE", raising=False)
    assert run(["sync", "export", "--db", str(a), "-o", str(plain), "--no-encryption"]) == 0
    capsys.readouterr()
    with open_notebook(b.parent) as bo:
        before = full_dump(bo)
    monkeypatch.setenv("FELTBOG_LANG", "en")
    for extra in ([], ["--passphrase-file", str(secret)]):
        assert run(["sync", "import", "--db", str(b), str(plain), *extra]) == 1
        line = one_error_line(capsys)
        assert "not encrypted" in line and "--allow-unencrypted" in line
    with open_notebook(b.parent) as bo:
        assert full_dump(bo) == before
    assert run(["sync", "import", "--db", str(b), str(plain), "--allow-unencrypted"]) == 0
    with open_notebook(b.parent) as bo:
        assert bo.count(Area) == 3


def test_folder_sync_says_when_it_tidied_its_own_files(two_notebooks, tmp_path, capsys, monkeypatch):
    from fieldapp.sync.service import OWN_FILES_KEPT

    (a, _b), _ = two_notebooks
    shared = tmp_path / "Syncthing"
    shared.mkdir()
    monkeypatch.setenv("FELTBOG_PASSPHRASE", "holdets frase")
    capsys.readouterr()
    for number in range(OWN_FILES_KEPT + 1):  # small daily files: tidied well before the limit
        with open_notebook(a.parent) as anne:
            anne.add(Area(name=f"Område {number}"))
        assert run(["sync", "folder", "--db", str(a), str(shared)]) == 0
        out = capsys.readouterr().out
        if "gamle fjernet" in out:
            break
    removed = int(re.search(r"1 skrevet, (\d+) gamle fjernet\)", out)[1])
    assert 3 <= removed <= OWN_FILES_KEPT
    assert len(list(shared.glob("*.feltsync"))) == 1


def test_a_damaged_file_in_the_folder_fails_one_run_not_every_run(
    two_notebooks, tmp_path, capsys, monkeypatch
):
    (a, b), _ = two_notebooks
    shared = tmp_path / "OneDrive"
    shared.mkdir()
    monkeypatch.setenv("FELTBOG_PASSPHRASE", "holdets frase")
    assert run(["sync", "folder", "--db", str(a), str(shared)]) == 0
    (written,) = shared.glob("*.feltsync")
    (shared / written.name.replace("_", "-x_", 1)).write_bytes(
        written.read_bytes()[:-30]
    )  # left by an engine
    assert run(["sync", "folder", "--db", str(b), str(shared)]) == 1
    assert run(["sync", "folder", "--db", str(b), str(shared)]) == 0
    with open_notebook(b.parent) as bo:
        assert bo.count(Area) == 3
