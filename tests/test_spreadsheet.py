"""Spreadsheets out: the workbook a council officer opens, read back with openpyxl."""

from __future__ import annotations

import csv
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from fieldapp.demo import build_demo
from fieldapp.domain import Action, Activity, ActivityKind, Observation, ObservationKind, Person
from fieldapp.reports.privacy import may_be_named
from fieldapp.reports.spreadsheet import csv_name, sheets, write_csv, write_xlsx
from fieldapp.store import Store
from fieldapp.store.tabular import Scope

DA_SHEETS = ["Aktiviteter", "Observationer", "Personer", "Handlinger", "Spørgeskema", "Deltagere"]
EN_SHEETS = ["Activities", "Observations", "People", "Actions", "Survey", "Participants"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("sheets") / "demo.sqlite"
    store = Store.open(path)
    build_demo(store, size=120, seed=7, today=date(2026, 11, 1))
    person = store.list(Person, "may_be_named = 1", limit=1)[0]
    talk = store.add(
        Activity(
            kind=ActivityKind.ONE_TO_ONE,
            title=f"1:1-samtale med {person.name}",
            starts_at=datetime(2026, 3, 4, 10, 0),
            person_id=person.id,
            area_id=person.area_id,
            story="Voksede op på gården ved åen (HEMMELIG-HISTORIE)",
            concerns="Sønnens skilsmisse (HEMMELIG-BEKYMRING)",
            summary="Vil gerne starte en løbeklub (HEMMELIG-OPSUMMERING)",
        )
    )
    obs = store.add(Observation(activity_id=talk.id, kind=ObservationKind.IDEA, text="HEMMELIG-IDÉ"))
    store.add(Action(text="Ring tilbage om HEMMELIG-HANDLING", activity_id=talk.id))
    store.add(Action(text="Følg op på HEMMELIG-OBSERVATIONSHANDLING", observation_id=obs.id))
    yield store
    store.close()


def export(store, tmp_path, *, lang="da", internal=False, scope=None):
    target = tmp_path / "out.xlsx"
    written = write_xlsx(
        sheets(store, scope or Scope(), lang=lang, internal=internal), target, lang=lang, internal=internal
    )
    return load_workbook(target), written


def cells(workbook):
    for ws in workbook.worksheets:
        for row in ws.iter_rows(values_only=True):
            yield from (v for v in row if v is not None)


def header(ws, row=1):
    return [c.value for c in ws[row]]


def test_one_sheet_per_kind_with_danish_or_english_headers(demo, tmp_path):
    workbook, written = export(demo, tmp_path)
    assert workbook.sheetnames == DA_SHEETS
    assert header(workbook["Aktiviteter"])[:4] == ["Start", "Slut", "Type", "Titel"]
    assert written.sheets["Aktiviteter"] == demo.count(Activity)
    english, _ = export(demo, tmp_path, lang="en")
    assert english.sheetnames == EN_SHEETS
    assert header(english["Observations"])[:5] == ["Activity", "Date", "Area", "Kind", "Text"]


def test_dates_and_numbers_are_real_values_with_a_frozen_filtered_header(demo, tmp_path):
    workbook, _ = export(demo, tmp_path)
    ws = workbook["Aktiviteter"]
    first = [c for c in ws[2]]
    assert isinstance(first[0].value, datetime) and first[0].is_date
    assert first[0].number_format == "DD-MM-YYYY HH:MM"
    assert all(isinstance(r[10], int) for r in ws.iter_rows(min_row=2, values_only=True))
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:L")
    kinds = {r[2] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert kinds <= {"Byvandring", "1:1-samtale", "Lyttemøde"}, "words, not stored codes"
    survey = workbook["Spørgeskema"]
    shares = [r[-1] for r in survey.iter_rows(min_row=2, values_only=True)]
    assert shares and all(isinstance(s, float) and 0 <= s <= 1 for s in shares)
    assert workbook["Personer"].column_dimensions["A"].width >= 24


def test_public_workbook_names_no_one_who_may_not_be_named(demo, tmp_path):
    workbook, _ = export(demo, tmp_path)
    everyone = demo.list(Person)
    shown = {p.name for p in everyone if may_be_named(p)}  # a namesake may be named
    hidden = [p.name for p in everyone if not may_be_named(p) and p.name and p.name not in shown]
    assert hidden, "the demo has people who may not be named"
    text = "\n".join(str(v) for v in cells(workbook)).casefold()
    leaked = [name for name in hidden if name.casefold() in text]
    assert leaked == []
    people = [r[0] for r in workbook["Personer"].iter_rows(min_row=2, values_only=True)]
    assert sorted(people) == sorted(p.name for p in everyone if may_be_named(p))
    assert len(header(workbook["Personer"])) == 4, "no phone, e-mail or consent columns in public"


def test_public_workbook_has_no_content_of_one_to_one_talks(demo, tmp_path):
    workbook, _ = export(demo, tmp_path)
    text = "\n".join(str(v) for v in cells(workbook))
    assert "HEMMELIG" not in text
    internal, _ = export(demo, tmp_path, internal=True)
    assert "HEMMELIG-HANDLING" in "\n".join(str(v) for v in cells(internal))
    titles = [
        r[3] for r in workbook["Aktiviteter"].iter_rows(min_row=2, values_only=True) if r[2] == "1:1-samtale"
    ]
    assert titles and set(titles) == {"1:1-samtale"}


def test_public_counts_of_one_to_four_people_read_under_five(demo, tmp_path):
    workbook, _ = export(demo, tmp_path)
    counts = [r[-1] for r in workbook["Deltagere"].iter_rows(min_row=2, values_only=True)]
    assert "under 5" in counts
    assert all(c == "under 5" or (isinstance(c, int) and c >= 5) for c in counts)
    answers = [r[-2] for r in workbook["Spørgeskema"].iter_rows(min_row=2, values_only=True)]
    assert all(a >= 5 for a in answers), "statements with fewer than 5 answers stay hidden"


def test_internal_workbook_is_marked_and_holds_everything(demo, tmp_path):
    workbook, written = export(demo, tmp_path, internal=True)
    for ws in workbook.worksheets:
        assert "INTERN" in ws["A1"].value
        assert ws.freeze_panes == "A3"
    names = {r[0] for r in workbook["Personer"].iter_rows(min_row=3, values_only=True)}
    assert names == {p.name for p in demo.list(Person)}
    consent = [r[9] for r in workbook["Personer"].iter_rows(min_row=3, values_only=True) if r[9]]
    assert consent and all(isinstance(c, datetime) for c in consent)
    assert written.sheets["Deltagere"] == demo.conn.execute("SELECT count(*) FROM participants").fetchone()[0]


def test_area_and_period_limit_the_rows(demo, tmp_path):
    area = demo.conn.execute(
        "SELECT area_id FROM activities GROUP BY area_id ORDER BY count(*) DESC"
    ).fetchone()[0]
    area_name = demo.conn.execute("SELECT name FROM areas WHERE id = ?", [area]).fetchone()[0]
    scope = Scope(area_id=area, start=date(2026, 1, 1), end=date(2026, 6, 30))
    workbook, written = export(demo, tmp_path, scope=scope)
    rows = list(workbook["Aktiviteter"].iter_rows(min_row=2, values_only=True))
    assert rows and written.sheets["Aktiviteter"] == len(rows)
    assert {r[4] for r in rows} == {area_name}
    assert all(datetime(2026, 1, 1) <= r[0] < datetime(2026, 7, 1) for r in rows)


def test_csv_is_semicolon_separated_utf8_with_bom_as_danish_excel_expects(demo, tmp_path):
    sheet_list = sheets(demo, Scope(), lang="da")
    target = tmp_path / csv_name(sheet_list[0], "da")
    written = write_csv(sheet_list[0], target, lang="da", internal=False)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:3] == ["Start", "Slut", "Type"]
    assert len(rows) == written + 1
    day, clock = rows[1][0].split(" ")
    assert datetime.strptime(day, "%d-%m-%Y") and ":" in clock
    assert "æ" in raw.decode("utf-8-sig") or "ø" in raw.decode("utf-8-sig")
