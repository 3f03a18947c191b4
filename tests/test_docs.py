"""The repository's own documents: they stay inside the repository and agree with CI."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\]\(([^)#\s]+)")


def links(doc: Path) -> list[str]:
    return LINK.findall(doc.read_text(encoding="utf-8"))


def test_readme_and_contributing_link_only_to_files_in_the_repository():
    for name in ("README.md", "CONTRIBUTING.md"):
        doc = ROOT / name
        text = doc.read_text(encoding="utf-8")
        assert "../shared" not in text and "http://" not in text and "https://" not in text, name
        for target in links(doc):
            path = (doc.parent / target).resolve()
            assert path.is_relative_to(ROOT) and path.exists(), f"{name}: {target}"


def test_the_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"\*\*Run the tests\*\*.*?```sh\n(.+?)\n```", readme, re.S)
    assert command is not None
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command.group(1) in ci


def test_ci_lints_before_it_tests_with_the_pinned_tools():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    order = (
        ".venv/bin/ruff check",
        ".venv/bin/ruff format --check",
        ".venv/bin/mypy",
        ".venv/bin/python -m pytest",
    )
    steps = [ci.index(step) for step in order]
    assert steps == sorted(steps)
    lint = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = lint["optional-dependencies"]["lint"]
    assert {pin.split("==")[0] for pin in pins} == {"ruff", "mypy"} and all("==" in pin for pin in pins)


def test_the_licence_is_the_one_pyproject_names():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == {"text": "EUPL-1.2"}
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert "15. Applicable Law" in text and text.rstrip().endswith("EUPL version.")


def test_every_design_note_is_listed_in_the_architecture_topics():
    """A note in docs/ that the architecture page does not link is a note nobody finds."""
    docs = ROOT / "docs"
    text = (docs / "ARCHITECTURE.md").read_text(encoding="utf-8")
    unlisted = [
        p.name for p in sorted(docs.glob("*.md")) if p.name != "ARCHITECTURE.md" and f"({p.name})" not in text
    ]
    assert unlisted == []
    for name in re.findall(r"\]\(([\w.-]+\.md)\)", text):
        assert (docs / name).is_file(), name
