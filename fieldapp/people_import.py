"""People in: an association's member list (.xlsx or .csv) becomes people in the notebook.

The steps, shared by ``fieldapp import-people`` and File ▸ Import people…:

1. ``read_table``: every row of the first sheet (xlsx, read with openpyxl) or of the CSV
   (``;``, ``,`` or tab, UTF-8 with or without BOM, else Windows-1252), as text.
2. ``find_header``: the header is the first of the first 15 rows in which two or more cells
   are known column names ("Navn", "Fornavn", "Tlf.", "E-mail" …); lists often have a title
   and a date above it. Without one, the first non-empty row is taken as the header.
3. ``guess_mapping``: which column goes to which field; a mapping the user corrected is
   remembered per file layout (the header's words) in ``import-layouts.json`` in the config
   folder, and offered again next time.
4. ``plan``: the people the rows describe, with a problem per row that can't be imported (no
   name). A mapped cell that holds a CPR number stops the whole import, naming the row and
   column: unmap that column (CPR numbers are never stored).
5. ``likely_duplicates``: people already in the notebook with the same name (as the person picker
   compares names: case, accents and spaces aside), phone number
   (the last 8 digits) or e-mail; the user decides per row.
6. ``import_people``: one transaction. Consent is unknown (no consent date, not named in
   reports, not to be contacted) and each person is due for review ``REVIEW_DAYS`` days
   from today, so the worker asks for consent or deletes them; the notes say where the
   person came from. Organisations named in the list are created in the area if missing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from fieldapp.domain import Organisation, OrganisationKind, Person
from fieldapp.domain.cpr import contains_cpr
from fieldapp.domain.fields import ValidationError
from fieldapp.paths import config_dir
from fieldapp.store.people_lookup import PersonKeys
from fieldapp.store.people_lookup import likely_duplicates as _lookup
from fieldapp.store.store import Store

REVIEW_DAYS = 30
HEADER_SEARCH_ROWS = 15
MAX_ROWS = 20_000
TARGETS = ("name", "first_name", "last_name", "phone", "email", "roles", "organisation", "interests", "notes")
TARGET_LABELS = {
    "name": {"da": "Navn", "en": "Name"},
    "first_name": {"da": "Fornavn", "en": "First name"},
    "last_name": {"da": "Efternavn", "en": "Last name"},
    "phone": {"da": "Telefon", "en": "Phone"},
    "email": {"da": "E-mail", "en": "E-mail"},
    "roles": {"da": "Roller", "en": "Roles"},
    "organisation": {"da": "Organisation", "en": "Organisation"},
    "interests": {"da": "Optaget af", "en": "Cares about"},
    "notes": {"da": "Noter", "en": "Notes"},
}
HEADER_WORDS = {
    "name": ("navn", "name", "fulde navn", "full name", "medlem", "medlemsnavn", "member"),
    "first_name": ("fornavn", "fornavne", "first name", "firstname", "given name"),
    "last_name": ("efternavn", "last name", "lastname", "surname", "family name"),
    "phone": (
        "telefon",
        "tlf",
        "tlf.",
        "tlf nr",
        "tlf. nr.",
        "telefonnummer",
        "mobil",
        "mobilnr",
        "mobile",
        "phone",
    ),
    "email": ("e-mail", "email", "mail", "e-mailadresse", "emailadresse", "e-mail address"),
    "roles": ("rolle", "roller", "role", "roles", "funktion", "post", "bestyrelsespost"),
    "organisation": ("forening", "organisation", "organization", "klub", "club"),
    "interests": ("interesser", "interests", "optaget af"),
    "notes": ("noter", "note", "notes", "bemærkning", "bemærkninger", "kommentar", "comment"),
}
_WORD_TO_TARGET = {word: target for target, words in HEADER_WORDS.items() for word in words}


class PeopleImportError(Exception):
    """A file that can't be imported; ``message(lang)`` is one sentence for the user."""

    def __init__(self, da: str, en: str):
        super().__init__(en)
        self.texts = {"da": da, "en": en}

    def message(self, lang: str) -> str:
        return self.texts.get(lang, self.texts["en"])


# ------------------------------------------------------------------------------ reading
def read_table(path: Path) -> list[list[str]]:
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path)
        if suffix in (".csv", ".txt"):
            return _read_csv(path.read_bytes())
    except OSError as error:
        raise PeopleImportError(
            f"Filen {path.name} kan ikke læses ({error.strerror or error}).",
            f"The file {path.name} cannot be read ({error.strerror or error}).",
        ) from error
    raise PeopleImportError(
        f"{path.name} er hverken et regneark (.xlsx) eller en CSV-fil.",
        f"{path.name} is neither a spreadsheet (.xlsx) nor a CSV file.",
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number typed into a number cell
    if isinstance(value, datetime | date):
        return value.strftime("%d-%m-%Y")
    return " ".join(str(value).split())


def _read_xlsx(path: Path) -> list[list[str]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, ValueError) as error:
        raise PeopleImportError(
            f"{path.name} er ikke et gyldigt regneark.", f"{path.name} is not a valid spreadsheet."
        ) from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True):
            rows.append([_cell(v) for v in values])
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                break
        return rows
    finally:
        workbook.close()


def _read_csv(raw: bytes) -> list[list[str]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    sample = text[:4096]
    delimiter = max(";,\t", key=sample.count)
    return [[_cell(v) for v in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)][
        : MAX_ROWS + HEADER_SEARCH_ROWS
    ]


# ------------------------------------------------------------------------------ the header
def _word(cell: str) -> str:
    return " ".join(cell.casefold().replace(":", " ").split())


def find_header(rows: list[list[str]]) -> int:
    first_filled = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if any(row) and first_filled is None:
            first_filled = index
        if sum(1 for cell in row if _word(cell) in _WORD_TO_TARGET) >= 2:
            return index
    if first_filled is None:
        raise PeopleImportError("Filen er tom.", "The file is empty.")
    return first_filled


def guess_mapping(headers: list[str]) -> dict[int, str]:
    """Column index -> target field, for the headers we recognise (each target once)."""
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        target = _WORD_TO_TARGET.get(_word(header))
        if target and target not in mapping.values():
            mapping[index] = target
    return mapping


def layout_key(headers: list[str]) -> str:
    return hashlib.sha256("\x1f".join(_word(h) for h in headers).encode()).hexdigest()[:16]


def _layouts_file() -> Path:
    return config_dir() / "import-layouts.json"


def remembered_mapping(headers: list[str]) -> dict[int, str] | None:
    try:
        saved = json.loads(_layouts_file().read_text(encoding="utf-8"))
        mapping = saved.get(layout_key(headers))
    except (OSError, ValueError, AttributeError):
        return None
    if not isinstance(mapping, dict):
        return None
    return {
        int(k): v for k, v in mapping.items() if v in TARGETS and str(k).isdigit() and int(k) < len(headers)
    }


def remember_mapping(headers: list[str], mapping: dict[int, str]) -> None:
    path = _layouts_file()
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(saved, dict):
            saved = {}
    except (OSError, ValueError):
        saved = {}
    saved[layout_key(headers)] = {str(k): v for k, v in sorted(mapping.items())}
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(saved, indent=1), encoding="utf-8")
    temporary.replace(path)


# ------------------------------------------------------------------------------ the plan
@dataclass
class Candidate:
    row: int  # 1-based row number in the file, as the spreadsheet shows it
    person: Person
    organisation: str | None = None


@dataclass
class Plan:
    header_row: int  # 1-based
    headers: list[str]
    mapping: dict[int, str]
    candidates: list[Candidate] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, reason code)


def plan(
    rows: list[list[str]],
    mapping: dict[int, str] | None = None,
    *,
    area_id: str | None = None,
    source: str = "",
    today: date | None = None,
) -> Plan:
    today = today or date.today()
    header_index = find_header(rows)
    headers = rows[header_index]
    mapping = mapping if mapping is not None else (remembered_mapping(headers) or guess_mapping(headers))
    if not ({"name", "first_name", "last_name"} & set(mapping.values())):
        raise PeopleImportError(
            "Der er ingen kolonne med navn: vælg, hvilken kolonne der er navnet.",
            "There is no column with a name: choose which column holds the name.",
        )
    result = Plan(header_index + 1, headers, mapping)
    note = f"Importeret fra {source} {today.strftime('%d-%m-%Y')}" if source else None
    for offset, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        values = {target: (row[i] if i < len(row) else "") for i, target in mapping.items()}
        for index in mapping:
            if index < len(row) and contains_cpr(row[index]):
                header = headers[index] if index < len(headers) else str(index + 1)
                raise PeopleImportError(
                    f"Række {offset}, kolonnen »{header}«, ser ud til at indeholde et CPR-nummer. "
                    "CPR-numre må ikke gemmes i Feltbog: vælg »ingen« for den kolonne.",
                    f"Row {offset}, column '{header}', seems to hold a CPR number. CPR numbers must not "
                    "be stored in Feltbog: map that column to nothing.",
                )
        if not any(values.values()):
            continue  # an empty row
        name = values.get("name") or " ".join(
            v for v in (values.get("first_name"), values.get("last_name")) if v
        )
        if not name.strip():
            result.skipped.append((offset, "no_name"))
            continue
        notes = "\n".join(v for v in (values.get("notes"), note) if v) or None
        person = Person(
            name=name.strip(),
            phone=values.get("phone") or None,
            email=values.get("email") or None,
            roles=values.get("roles") or None,
            interests=values.get("interests") or None,
            notes=notes,
            area_id=area_id,
            review_after=today + timedelta(days=REVIEW_DAYS),
        )
        try:
            person = person.validated()
        except ValidationError as error:
            result.skipped.append((offset, f"invalid:{error.errors[0].field}"))
            continue
        result.candidates.append(Candidate(offset, person, values.get("organisation") or None))
        if len(result.candidates) >= MAX_ROWS:
            break
    return result


def likely_duplicates(store: Store, candidates: Iterable[Candidate]) -> dict[int, list[Person]]:
    """Row -> people already in the notebook with the same name, phone or e-mail."""
    keyed = {c.row: PersonKeys.of(c.person.name, c.person.phone, c.person.email) for c in candidates}
    return _lookup(store, keyed)


@dataclass
class Imported:
    people: int
    organisations: int
    skipped_duplicates: int


def import_people(store: Store, chosen: list[Candidate], *, duplicates_skipped: int = 0) -> Imported:
    """Add the chosen people (and missing organisations of their area) in one transaction."""
    area_ids = {c.person.area_id for c in chosen}
    existing = {
        (o.area_id, " ".join((o.name or "").split()).casefold()): o.id
        for o in store.list(Organisation, order_by="id")
        if o.area_id in area_ids or o.area_id is None
    }
    new_orgs: list[Organisation] = []
    people: list[Person] = []
    for candidate in chosen:
        person = candidate.person
        if candidate.organisation:
            key = (person.area_id, " ".join(candidate.organisation.split()).casefold())
            org_id = existing.get(key) or existing.get((None, key[1]))
            if org_id is None:
                org = Organisation(
                    name=candidate.organisation, kind=OrganisationKind.ASSOCIATION, area_id=person.area_id
                )
                new_orgs.append(org)
                org_id = existing[key] = org.id
            person = Person(**{**person.values(), "id": person.id, "organisation_id": org_id})
        people.append(person)
    store.bulk_add([*new_orgs, *people])
    return Imported(len(people), len(new_orgs), duplicates_skipped)
