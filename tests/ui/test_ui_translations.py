"""Every user-visible string of the app has a Danish translation, and the .qm build works."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from fieldapp.resources import resource_path
from fieldapp.ui.translations import build_translations

ROOT = Path(__file__).resolve().parents[2]


def lupdate() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    return str(beside) if beside.exists() else shutil.which("pyside6-lupdate")


@pytest.mark.skipif(lupdate() is None, reason="pyside6-lupdate is not installed")
def test_no_string_in_the_ui_lacks_a_danish_translation(tmp_path):
    ts = tmp_path / "feltbog_da.ts"
    shutil.copy(resource_path("translations", "feltbog_da.ts"), ts)
    sources = sorted(str(p) for p in (ROOT / "fieldapp" / "ui").glob("*.py"))
    subprocess.run([lupdate(), *sources, "-ts", str(ts)], check=True, capture_output=True)
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation.get("type") == "unfinished":
            missing.append(message.find("source").text)
    assert missing == []


def test_the_qm_files_are_built_from_the_ts_sources(tmp_path):
    for ts in resource_path("translations").glob("*.ts"):
        shutil.copy(ts, tmp_path / ts.name)
    built = build_translations(tmp_path)
    assert sorted(p.name for p in built) == ["feltbog_da.qm", "feltbog_en.qm"]
    assert all(p.stat().st_size > 0 for p in built)
    assert build_translations(tmp_path) == [], "an up-to-date .qm is not rebuilt"
