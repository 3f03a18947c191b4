"""Issue 13.2: every public report of a demo notebook, read back as text, names no one who
may not be named — in any form the redaction promises to catch."""

from __future__ import annotations

import re
from datetime import date

import pytest
from reports_pdf import page_texts

from fieldapp.demo import build_demo
from fieldapp.domain import Activity, Area, Observation, Person
from fieldapp.reports import ReportOptions, render_activity_report, render_area_report
from fieldapp.reports.privacy import may_be_named, name_variants
from fieldapp.store import Store

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = Store.memory(tmp_path_factory.mktemp("attachments"))
    build_demo(store, size=45, seed=13, today=TODAY)
    yield store
    store.close()


def hidden_names(store: Store) -> list[str]:
    """Names of people who may not be named, less those a person who may be named also has
    (that person's name rightly appears)."""
    people = store.list(Person)
    shown = {" ".join((p.name or "").split()).casefold() for p in people if may_be_named(p)}
    return sorted(
        {p.name for p in people if not may_be_named(p) and p.name and p.name.casefold() not in shown}
    )


def pattern(names: list[str]) -> re.Pattern[str]:
    alternatives = set()
    for name in names:
        for variant in name_variants(name):
            alternatives.add(r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", variant)))
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(alternatives)) + r")(?!\w)", re.IGNORECASE)


def test_the_demo_notes_do_name_people(demo):
    """The scan below would prove nothing if no note named anyone."""
    names = pattern(hidden_names(demo))
    texts = [o.text or "" for o in demo.list(Observation)] + [a.title or "" for a in demo.list(Activity)]
    assert sum(1 for t in texts if names.search(t)) >= 20


@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_hidden_name_in_any_public_report_of_the_demo(demo, lang):
    names = pattern(hidden_names(demo))
    options = ReportOptions(lang=lang, today=TODAY)
    reports = [
        (f"activity {a.title}", render_activity_report(demo, a.id, options)[0]) for a in demo.list(Activity)
    ]
    reports += [
        (f"area {a.name}", render_area_report(demo, a.id, None, None, options)[0]) for a in demo.list(Area)
    ]
    assert len(reports) > 45
    for what, pdf in reports:
        for number, text in enumerate(page_texts(pdf), 1):
            found = names.search(text)
            assert found is None, f"{found.group()!r} on page {number} of the {what} report ({lang})"
