"""People in: a real-looking association member list becomes people in the notebook."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from fieldapp.domain import Area, Organisation, Person
from fieldapp.people_import import (
    PeopleImportError,
    find_header,
    guess_mapping,
    import_people,
    likely_duplicates,
    plan,
    read_table,
    remember_mapping,
    remembered_mapping,
)

TODAY = date(2026, 11, 26)
MEMBERS = [
    ["Medlemsliste – Vemmelev Borgerforening", None, None, None, None],
    ["Udskrevet 12.11.2026", None, None, None, None],
    ["Fornavn", "Efternavn", "Tlf.", "E-mail", "Bestyrelsespost"],
    ["Søren", "Ærøskøbing-Hansen", "+45 20 30 40 50", "soren@example.dk", "Formand"],
    ["Åse", "Østergård Møller", "2030 4051", None, None],
    [None, None, None, None, None],
    ["Jens", "Ålund", 22334455, "JENS@EXAMPLE.DK", "Kasserer"],
    ["", "", "", "", ""],
    ["Bjørn", "Kjærsgaard", "0045 61 62 63 64", "bjorn@example.dk", None],
    [None, None, "12 34 56 78", None, "Menigt medlem"],  # no name: skipped, with its row number
]


def member_list(path, rows=MEMBERS):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def notebook(store):
    area = store.add(Area(name="Vemmelev"))
    store.add(Person(name="Jens Ålund", area_id=area.id))  # already known, by name
    store.add(Person(name="B. Kjærsgaard", phone="61626364"))  # already known, by phone
    return store, area


def test_the_header_on_row_three_is_found_and_columns_are_mapped(tmp_path):
    rows = read_table(member_list(tmp_path / "medlemmer.xlsx"))
    assert find_header(rows) == 2
    assert guess_mapping(rows[2]) == {0: "first_name", 1: "last_name", 2: "phone", 3: "email", 4: "roles"}


def test_rows_become_people_with_unknown_consent_and_a_review_date(tmp_path, notebook):
    _, area = notebook
    rows = read_table(member_list(tmp_path / "medlemmer.xlsx"))
    result = plan(rows, area_id=area.id, source="medlemmer.xlsx", today=TODAY)
    assert result.header_row == 3
    names = [c.person.name for c in result.candidates]
    assert names == ["Søren Ærøskøbing-Hansen", "Åse Østergård Møller", "Jens Ålund", "Bjørn Kjærsgaard"]
    assert result.skipped == [(10, "no_name")]
    jens = result.candidates[2].person
    assert jens.phone == "22334455", "a phone number typed into a number cell stays digits"
    for candidate in result.candidates:
        person = candidate.person
        assert person.consent_store_at is None and not person.may_be_named and not person.may_contact
        assert person.review_after == date(2026, 12, 26)
        assert "Importeret fra medlemmer.xlsx 26-11-2026" in person.notes


def test_likely_duplicates_by_name_phone_or_email_are_offered(tmp_path, notebook):
    store, area = notebook
    result = plan(read_table(member_list(tmp_path / "m.xlsx")), area_id=area.id, today=TODAY)
    found = likely_duplicates(store, result.candidates)
    assert {row: [p.name for p in people] for row, people in found.items()} == {
        7: ["Jens Ålund"],
        9: ["B. Kjærsgaard"],
    }


def test_import_is_one_transaction_and_creates_missing_organisations(tmp_path, notebook):
    store, area = notebook
    rows = [
        ["Navn", "Forening", "Mobil"],
        ["Karen Blixen", "Rungsted Læseklub", "40 50 60 70"],
        ["Ib Spang", "Rungsted Læseklub", ""],
    ]
    result = plan(rows, area_id=area.id, today=TODAY)
    before = store.count(Person)
    done = import_people(store, result.candidates)
    assert (done.people, done.organisations) == (2, 1)
    assert store.count(Person) == before + 2
    club = store.list(Organisation, "name = ?", ["Rungsted Læseklub"])
    assert len(club) == 1 and club[0].area_id == area.id
    assert {p.organisation_id for p in store.list(Person, "name IN ('Karen Blixen', 'Ib Spang')")} == {
        club[0].id
    }


def test_a_cpr_number_in_a_mapped_column_stops_the_import_and_says_where(tmp_path, notebook):
    _, area = notebook
    rows = [["Navn", "CPR", "Telefon"], ["Ole Olsen", "010190-1234", "20304050"]]
    mapping = {0: "name", 1: "notes", 2: "phone"}
    with pytest.raises(PeopleImportError) as refused:
        plan(rows, mapping, area_id=area.id, today=TODAY)
    assert "Række 2, kolonnen »CPR«" in refused.value.message("da")
    assert "map that column to nothing" in refused.value.message("en")
    result = plan(rows, {0: "name", 2: "phone"}, area_id=area.id, today=TODAY)  # the column left out
    assert [c.person.name for c in result.candidates] == ["Ole Olsen"]


def test_danish_csv_from_excel_in_windows_1252_with_semicolons(tmp_path, notebook):
    _, area = notebook
    text = "Navn;Telefon;E-mail\r\nÆbelø Sørensen;20 30 40 50;ae@example.dk\r\n;;\r\nMette Frøkjær;+4522446688;\r\n"
    path = tmp_path / "liste.csv"
    path.write_bytes(text.encode("cp1252"))
    result = plan(read_table(path), area_id=area.id, today=TODAY)
    assert [c.person.name for c in result.candidates] == ["Æbelø Sørensen", "Mette Frøkjær"]


def test_a_corrected_mapping_is_remembered_for_the_same_layout(home):
    headers = ["Medlem", "Kontakt", "Note"]
    assert remembered_mapping(headers) is None
    remember_mapping(headers, {0: "name", 1: "phone"})
    assert remembered_mapping(headers) == {0: "name", 1: "phone"}
    assert remembered_mapping(["Medlem", "Kontakt"]) is None, "another layout"


def test_files_that_are_not_lists_give_one_sentence(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(PeopleImportError) as refused:
        read_table(bad)
    assert refused.value.message("da") == "x.xlsx er ikke et gyldigt regneark."
    with pytest.raises(PeopleImportError):
        read_table(tmp_path / "x.pdf")
    with pytest.raises(PeopleImportError) as empty:
        plan([[], ["", ""]])
    assert empty.value.message("en") == "The file is empty."


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("FELTBOG_HOME", str(tmp_path))
    return tmp_path
