"""The wheel carries fonts, icons and compiled translations, and runs from a fresh venv.

The slow test builds the wheel exactly as ``pip wheel .`` does (isolated build: setuptools
and PySide6's lrelease from PyPI), installs it into a new venv and runs ``fieldapp --self-test``
there. The wheel's dependencies (PySide6, reportlab …) are taken from the running
interpreter's site-packages through a ``.pth`` file, as ``--system-site-packages`` would, so
the test needs no network beyond the build requirements. Run it with
``FELTBOG_BUILD_TESTS=1 python -m pytest -m slow tests/test_wheel.py`` (CI does, via .ci/run).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from fieldapp import resources

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "fieldapp").rglob("__init__.py")
    }
    assert listed == on_disk | {"fieldapp._resources"}, "add the new package to [tool.setuptools] packages"


def test_resources_are_found_in_the_checkout_and_in_a_bundle(tmp_path, monkeypatch):
    assert resources.resources_dir() == ROOT / "resources"
    assert resources.is_source_checkout()
    assert resources.resource_path("fonts", "DejaVuSans.ttf").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"
    assert not resources.is_source_checkout()


def _sources(target: Path) -> None:
    """A copy of the repository's tracked (and new, not ignored) files: the build writes nothing here."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("FELTBOG_BUILD_TESTS") != "1",
    reason="builds and installs a wheel (~40 s); FELTBOG_BUILD_TESTS=1",
)
def test_the_wheel_installs_into_a_fresh_venv_and_passes_its_self_test(tmp_path):
    src, dist, venv, work = (tmp_path / name for name in ("src", "dist", "venv", "work"))
    for folder in (src, dist, work):
        folder.mkdir()
    _sources(src)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(src)],
        check=True,
        timeout=600,
    )
    (wheel,) = dist.glob("feltbog-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "fieldapp/_resources/fonts/DejaVuSans.ttf",
        "fieldapp/_resources/icons/feltbog.svg",
        "fieldapp/_resources/translations/feltbog_da.qm",
        "fieldapp/cli/main.py",
    ):
        assert needed in names, needed
    assert not [n for n in names if n.endswith(".ts")], "the wheel carries compiled translations only"
    assert not (src / "resources" / "translations" / "feltbog_da.qm").exists(), "built into the source tree"

    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True)
    # Only now the dependencies (after the install, so pip never sees the dev checkout's feltbog).
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "zz-feltbog-test-deps.pth").write_text("\n".join(sorted(deps)) + "\n")

    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "FELTBOG_HOME"}}
    env.update(FELTBOG_LANG="en", QT_QPA_PLATFORM="offscreen")
    where = subprocess.run(
        [
            python,
            "-c",
            "import fieldapp, fieldapp.resources as r; print(fieldapp.__file__); print(r.resources_dir())",
        ],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert Path(where[0]).is_relative_to(venv) and Path(where[1]) == site / "fieldapp" / "_resources"

    done = subprocess.run(
        [bindir / "fieldapp", "--self-test"],
        check=False,
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "feltbog_da.qm" not in done.stderr
    # The command line from the wheel, too: one English line for a missing notebook.
    check = subprocess.run(
        [bindir / "fieldapp", "check", "--db", str(work / "none.sqlite")],
        check=False,
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1 and check.stderr.strip().endswith("does not exist.")
    # Nothing was written into the install at start-up.
    assert sorted(p.name for p in (site / "fieldapp" / "_resources" / "translations").iterdir()) == [
        "feltbog_da.qm",
        "feltbog_en.qm",
    ]
