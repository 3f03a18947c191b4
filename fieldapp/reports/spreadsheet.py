"""Spreadsheets out: one sheet per kind of record, as .xlsx or as one CSV file per sheet.

The sheets follow the same privacy rules as the public PDF reports unless ``internal``:
names of people who may not be named become "en borger"/"en medarbejder" in name columns and
in free text; 1:1 talks show only their kind, date and area, and their observations and
actions are left out; the people sheet lists only people who may be named (name, area,
organisation, roles); participants are counted per activity and role, with 1-4 shown as
"under 5"; survey statements with fewer than 5 answers are left out. Internal sheets hold
everything, and their first row says they are internal.

Dates and numbers are written as real spreadsheet dates and numbers, never as text. The xlsx
is written with openpyxl in write-only mode (rows stream to disk; memory stays flat for a
notebook with 100,000 activities) and read back by the same library in the tests and by
``fieldapp import-people``. CSV files are UTF-8 with a BOM and ``;`` between fields, which is
what Danish Excel opens without a wizard.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fieldapp.domain import (
    ActionStatus,
    ActivityKind,
    ActivityStatus,
    ConsentHow,
    LeadershipStage,
    ObservationKind,
    ParticipantRole,
    Person,
    SurveyAnswer,
)
from fieldapp.domain.enums import Vocabulary
from fieldapp.reports.privacy import NameScrubber, Redactor, may_be_named
from fieldapp.reports.texts import t
from fieldapp.store import tabular
from fieldapp.store.store import Store
from fieldapp.store.tabular import Scope

DATE_FORMAT = {"da": "DD-MM-YYYY", "en": "YYYY-MM-DD"}
DATETIME_FORMAT = {"da": "DD-MM-YYYY HH:MM", "en": "YYYY-MM-DD HH:MM"}
MAX_WIDTH = 60  # characters; longer texts wrap in the cell instead of widening the sheet
AGREEING = (SurveyAnswer.AGREE.value, SurveyAnswer.STRONGLY_AGREE.value)


def _l(da: str, en: str) -> dict[str, str]:
    return {"da": da, "en": en}


@dataclass(frozen=True)
class Column:
    header: dict[str, str]
    kind: str = "text"  # text | date | datetime | int | float | bool
    width: int = 14  # a starting width in characters; grows to fit the values (up to MAX_WIDTH)


@dataclass
class Sheet:
    name: dict[str, str]
    columns: list[Column]
    rows: Iterable[list[Any]]


# ----------------------------------------------------------------------------- values
def _date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed.replace(tzinfo=None) if parsed.tzinfo else parsed


def _label(vocabulary: type[Vocabulary], value: str | None, lang: str) -> str | None:
    if value is None:
        return None
    try:
        return vocabulary(value).label(lang)
    except ValueError:
        return value


def _yes_no(value: Any, lang: str) -> str | None:
    if value is None:
        return None
    return t("yes", lang) if value else t("no", lang)


class _Context:
    """What every sheet needs: the language, the privacy rules and the people by id."""

    def __init__(self, store: Store, lang: str, internal: bool):
        self.store = store
        self.lang = lang
        self.internal = internal
        self.redactor = Redactor(lang, internal=internal)
        self.people: dict[str, Person] = {p.id: p for p in store.list(Person, order_by="id")}
        self._scrub = NameScrubber(self.people.values(), self.redactor)

    def text(self, value: str | None) -> str | None:
        """Free text with the names of people who may not be named replaced (public sheets)."""
        if value is None or self.internal:
            return value
        return self._scrub(value)

    def name(self, person_id: str | None, role: ParticipantRole | None = None) -> str | None:
        if person_id is None:
            return None
        person = self.people.get(person_id)
        return self.redactor.name(person, role) if person is not None else None

    def confidential(self, activity_kind: str | None) -> bool:
        """A 1:1 talk's content, hidden from public sheets."""
        return not self.internal and activity_kind == ActivityKind.ONE_TO_ONE.value


# ----------------------------------------------------------------------------- sheets
def _activities(ctx: _Context, scope: Scope) -> Sheet:
    lang = ctx.lang
    columns = [
        Column(_l("Start", "Starts"), "datetime", 16),
        Column(_l("Slut", "Ends"), "datetime", 16),
        Column(_l("Type", "Kind"), width=16),
        Column(_l("Titel", "Title"), width=30),
        Column(_l("Område", "Area")),
        Column(_l("Sted", "Place")),
        Column(_l("Status", "Status"), width=10),
        Column(_l("Facilitator", "Facilitator")),
        Column(_l("Deltagere", "Participants"), "int", 10),
        Column(_l("Antal fremmødte", "Attendees"), "int", 10),
        Column(_l("Observationer", "Observations"), "int", 10),
        Column(_l("Opsummering", "Summary"), width=40),
    ]

    def rows() -> Iterator[list[Any]]:
        for row in tabular.activities(ctx.store, scope):
            kind = _label(ActivityKind, row["kind"], lang)
            if ctx.confidential(row["kind"]):
                title, place, summary = kind, None, None
            else:
                title, place, summary = (ctx.text(row[k]) for k in ("title", "place", "summary"))
            yield [
                _datetime(row["starts_at"]),
                _datetime(row["ends_at"]),
                kind,
                title,
                row["area"],
                place,
                _label(ActivityStatus, row["status"], lang),
                ctx.name(row["facilitator_id"], ParticipantRole.STAFF),
                _people_count(ctx, row["participants"]),
                row["attendee_count"],
                row["observations"],
                summary,
            ]

    return Sheet(_l("Aktiviteter", "Activities"), columns, rows())


def _people_count(ctx: _Context, count: int | None) -> int | str | None:
    """A count of people as a number, or "under 5" in a public sheet when it is 1 to 4."""
    if count is None or not ctx.redactor.hides_count(count):
        return count
    return ctx.redactor.people(count)


def _observations(ctx: _Context, scope: Scope) -> Sheet:
    lang = ctx.lang
    columns = [
        Column(_l("Aktivitet", "Activity"), width=28),
        Column(_l("Dato", "Date"), "datetime", 16),
        Column(_l("Område", "Area")),
        Column(_l("Type", "Kind"), width=16),
        Column(_l("Tekst", "Text"), width=50),
        Column(_l("Temaer", "Themes"), width=24),
        Column(_l("Tidspunkt", "Time"), "datetime", 16),
        Column(_l("Sted", "Place")),
        Column(_l("Breddegrad", "Latitude"), "float", 10),
        Column(_l("Længdegrad", "Longitude"), "float", 10),
        Column(_l("Stemmer", "Votes"), "int", 8),
        Column(_l("Rejst af", "Raised by")),
    ]

    def rows() -> Iterator[list[Any]]:
        for row in tabular.observations(ctx.store, scope):
            if ctx.confidential(row["activity_kind"]):
                continue
            yield [
                ctx.text(row["activity"]),
                _datetime(row["activity_at"]),
                row["area"],
                _label(ObservationKind, row["kind"], lang),
                ctx.text(row["text"]),
                row["themes"],
                _datetime(row["observed_at"]),
                ctx.text(row["place_text"]),
                row["lat"],
                row["lon"],
                row["votes"],
                ctx.name(row["raised_by_id"]),
            ]

    return Sheet(_l("Observationer", "Observations"), columns, rows())


def _people(ctx: _Context, scope: Scope) -> Sheet:
    lang = ctx.lang
    public = [
        Column(_l("Navn", "Name"), width=24),
        Column(_l("Område", "Area")),
        Column(_l("Organisation", "Organisation"), width=20),
        Column(_l("Roller", "Roles"), width=20),
    ]
    internal = [
        Column(_l("Telefon", "Phone")),
        Column(_l("E-mail", "E-mail"), width=24),
        Column(_l("Optaget af", "Cares about"), width=30),
        Column(_l("Ressourcer og talenter", "Resources and talents"), width=30),
        Column(_l("Lederstige", "Leadership stage"), width=16),
        Column(_l("Samtykke givet", "Consent given on"), "date", 12),
        Column(_l("Samtykkets form", "How consent was given"), width=12),
        Column(_l("Samtykke trukket tilbage", "Consent withdrawn on"), "date", 12),
        Column(_l("Må nævnes ved navn", "May be named"), width=8),
        Column(_l("Må kontaktes", "May be contacted"), width=8),
        Column(_l("Gennemgås efter", "Review after"), "date", 12),
        Column(_l("Medarbejder", "Staff"), width=8),
    ]

    def rows() -> Iterator[list[Any]]:
        for row in tabular.people(ctx.store, scope):
            base = [row["name"], row["area"], row["organisation"], row["roles"]]
            if not ctx.internal:
                person = ctx.people.get(row["id"])
                if person is not None and may_be_named(person):
                    yield base
                continue
            yield [
                *base,
                row["phone"],
                row["email"],
                row["interests"],
                row["resources"],
                _label(LeadershipStage, row["leadership_stage"], lang),
                _date(row["consent_store_at"]),
                _label(ConsentHow, row["consent_how"], lang),
                _date(row["consent_withdrawn_at"]),
                _yes_no(row["may_be_named"], lang),
                _yes_no(row["may_contact"], lang),
                _date(row["review_after"]),
                _yes_no(row["is_staff"], lang),
            ]

    return Sheet(_l("Personer", "People"), public + (internal if ctx.internal else []), rows())


def _actions(ctx: _Context, scope: Scope) -> Sheet:
    lang = ctx.lang
    columns = [
        Column(_l("Handling", "Action"), width=44),
        Column(_l("Område", "Area")),
        Column(_l("Fra aktivitet", "From activity"), width=28),
        Column(_l("Ansvarlig", "Owner")),
        Column(_l("Frist", "Due"), "date", 12),
        Column(_l("Status", "Status"), width=10),
        Column(_l("Udført", "Completed on"), "date", 12),
    ]

    def rows() -> Iterator[list[Any]]:
        for row in tabular.actions(ctx.store, scope):
            if ctx.confidential(row["activity_kind"]):
                continue
            yield [
                ctx.text(row["text"]),
                row["area"],
                ctx.text(row["activity"]),
                ctx.name(row["owner_id"]),
                _date(row["due_date"]),
                _label(ActionStatus, row["status"], lang),
                _date(row["completed_at"]),
            ]

    return Sheet(_l("Handlinger", "Actions"), columns, rows())


def _survey(ctx: _Context, scope: Scope) -> Sheet:
    answers = list(SurveyAnswer)
    columns = [
        Column(_l("Lyttemøde", "Listening meeting"), width=28),
        Column(_l("Dato", "Date"), "datetime", 16),
        Column(_l("Område", "Area")),
        Column(_l("Udsagn", "Statement"), width=44),
        *(Column({"da": a.label("da"), "en": a.label("en")}, "int", 10) for a in answers),
        Column(_l("Svar i alt", "Answers"), "int", 8),
        Column(_l("Andel enig", "Share agreeing"), "float", 10),
    ]

    def rows() -> Iterator[list[Any]]:
        for row in tabular.survey_answers(ctx.store, scope):
            counts: dict[str, int] = json.loads(row["counts"] or "{}")
            total = sum(counts.values())
            if total == 0 or not ctx.redactor.survey_visible(total):
                continue
            agreeing = sum(counts.get(a, 0) for a in AGREEING)
            yield [
                ctx.text(row["activity"]),
                _datetime(row["activity_at"]),
                row["area"],
                row["statement"],
                *(counts.get(a.value, 0) for a in answers),
                total,
                round(agreeing / total, 4),
            ]

    return Sheet(_l("Spørgeskema", "Survey"), columns, rows())


def _participants(ctx: _Context, scope: Scope) -> Sheet:
    lang = ctx.lang
    head = [
        Column(_l("Aktivitet", "Activity"), width=28),
        Column(_l("Dato", "Date"), "datetime", 16),
        Column(_l("Område", "Area")),
        Column(_l("Rolle", "Role"), width=14),
    ]
    if ctx.internal:
        columns = [*head, Column(_l("Navn", "Name"), width=24)]
    else:
        columns = [*head, Column(_l("Antal", "Count"), "int", 8)]

    def rows() -> Iterator[list[Any]]:
        group: list[Any] | None = None
        count = 0
        for row in tabular.participants(ctx.store, scope):
            role = _label(ParticipantRole, row["role"], lang)
            lead = [ctx.text(row["activity"]), _datetime(row["activity_at"]), row["area"], role]
            if ctx.internal:
                yield [*lead, ctx.name(row["person_id"])]
                continue
            if ctx.confidential(row["activity_kind"]):
                continue
            if group is not None and (group[:4] != lead):
                yield [*group, _people_count(ctx, count)]
                count = 0
            group = lead
            count += 1
        if group is not None:
            yield [*group, _people_count(ctx, count)]

    return Sheet(_l("Deltagere", "Participants"), columns, rows())


SHEETS: tuple[Callable[[_Context, Scope], Sheet], ...] = (
    _activities,
    _observations,
    _people,
    _actions,
    _survey,
    _participants,
)


def sheets(store: Store, scope: Scope, *, lang: str, internal: bool = False) -> list[Sheet]:
    """Every sheet of the export, rows still to be read (each is a generator over a cursor)."""
    ctx = _Context(store, lang, internal)
    return [build(ctx, scope) for build in SHEETS]


# ----------------------------------------------------------------------------- writers
@dataclass
class Written:
    sheets: dict[str, int]  # sheet name -> data rows written

    @property
    def rows(self) -> int:
        return sum(self.sheets.values())


def write_xlsx(sheet_list: list[Sheet], target: Path, *, lang: str, internal: bool) -> Written:
    """Write the sheets to ``target`` (an .xlsx path the caller has made safe to write)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    warning = Font(bold=True, color="B00020")
    wrap = Alignment(wrap_text=True, vertical="top")
    counts: dict[str, int] = {}
    for sheet in sheet_list:
        name = sheet.name[lang]
        ws = workbook.create_sheet(title=name)
        header_row = 1
        widths = [max(c.width, len(c.header[lang]) + 2) for c in sheet.columns]
        # Column widths must be set before the first row in write-only mode, so they come from
        # the declared widths, grown by the header; the longest texts wrap instead.
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = min(width, MAX_WIDTH)
        if internal:
            header_row = 2
        ws.freeze_panes = f"A{header_row + 1}"  # before the first row, as write-only mode needs
        if internal:
            mark = WriteOnlyCell(ws, value=t("internal_mark", lang))
            mark.font = warning
            ws.append([mark])
        header = []
        for column in sheet.columns:
            cell = WriteOnlyCell(ws, value=column.header[lang])
            cell.font = bold
            header.append(cell)
        ws.append(header)
        formats = [_number_format(c.kind, lang) for c in sheet.columns]
        wrapping = [c.kind == "text" and c.width >= 28 for c in sheet.columns]
        written = 0
        for values in sheet.rows:
            row = []
            for value, number_format, wraps in zip(values, formats, wrapping, strict=True):
                if number_format is None and not wraps:
                    row.append(value)
                    continue
                cell = WriteOnlyCell(ws, value=value)
                if number_format is not None and not isinstance(value, str):
                    cell.number_format = number_format
                if wraps:
                    cell.alignment = wrap
                row.append(cell)
            ws.append(row)
            written += 1
        last = get_column_letter(len(sheet.columns))
        ws.auto_filter.ref = f"A{header_row}:{last}{header_row + max(written, 1)}"
        counts[name] = written
    workbook.save(target)
    return Written(counts)


def _number_format(kind: str, lang: str) -> str | None:
    if kind == "date":
        return DATE_FORMAT[lang]
    if kind == "datetime":
        return DATETIME_FORMAT[lang]
    if kind == "float":
        return "0.0####"
    return None


def csv_name(sheet: Sheet, lang: str) -> str:
    return f"{sheet.name[lang].lower()}.csv"


def write_csv(sheet: Sheet, target: Path, *, lang: str, internal: bool) -> int:
    """One sheet as CSV: UTF-8 with BOM, ``;`` between fields, dates as the language writes them."""
    written = 0
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        if internal:
            writer.writerow([t("internal_mark", lang)])
        writer.writerow([c.header[lang] for c in sheet.columns])
        for values in sheet.rows:
            writer.writerow([_csv_value(v, lang) for v in values])
            written += 1
    return written


def _csv_value(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y %H:%M" if lang == "da" else "%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y" if lang == "da" else "%Y-%m-%d")
    if isinstance(value, float) and lang == "da":
        return repr(value).replace(".", ",")  # Danish Excel reads 0,5 as a number, 0.5 as text
    return str(value)
