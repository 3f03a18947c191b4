"""``fieldapp export-xlsx`` / ``export-csv`` (spreadsheets out) and ``import-people`` (people in)."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldapp.cli.errors import CliError, Exit
from fieldapp.cli.language import language, say
from fieldapp.cli.opening import open_notebook, output_path
from fieldapp.cli.values import iso_date
from fieldapp.domain.i18n import LANGUAGES
from fieldapp.people_import import PeopleImportError, import_people, likely_duplicates, plan, read_table
from fieldapp.reports.export import UnknownAreaError
from fieldapp.reports.spreadsheet import csv_name, sheets, write_csv, write_xlsx
from fieldapp.store.outputs import replacing
from fieldapp.store.reporting import area_names, find_area
from fieldapp.store.tabular import Scope


def register(subparsers: argparse._SubParsersAction) -> None:
    for name, is_csv in (("export-xlsx", False), ("export-csv", True)):
        parser = subparsers.add_parser(
            name,
            help=say(
                "skriv CSV-filer (én pr. slags)" if is_csv else "skriv et regneark (.xlsx)",
                "write CSV files (one per kind)" if is_csv else "write a spreadsheet (.xlsx)",
            ),
            description=say(
                "Ét ark pr. slags: aktiviteter, observationer, personer, handlinger, spørgeskemaer, "
                "deltagere. Samme regler for personoplysninger som rapporten til udvalget, "
                "medmindre --internal.",
                "One sheet per kind: activities, observations, people, actions, surveys, participants. "
                "The same privacy rules as the council report unless --internal.",
            ),
        )
        parser.add_argument("--db", required=True, type=Path, help=say("notesbogen", "the notebook"))
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            type=Path,
            help=say("mappen til CSV-filerne", "the folder for the CSV files")
            if is_csv
            else say("regnearket (.xlsx)", "the spreadsheet (.xlsx)"),
        )
        parser.add_argument("--area", metavar="NAME", help=say("kun ét område", "only one area"))
        parser.add_argument("--from", dest="start", metavar="DATE", help=say("fra dato", "from date"))
        parser.add_argument("--to", dest="end", metavar="DATE", help=say("til dato", "to date"))
        parser.add_argument("--lang", choices=LANGUAGES, default=None, help=say("sprog", "language"))
        parser.add_argument(
            "--internal",
            action="store_true",
            help=say("alle navne og 1:1-samtaler; mærkes Intern", "every name and 1:1 talk; marked Internal"),
        )
        parser.set_defaults(handler=export_csv if is_csv else export_xlsx, csv=is_csv)

    people = subparsers.add_parser(
        "import-people",
        help=say("importér personer fra en medlemsliste", "import people from a member list"),
        description=say(
            "Læs en medlemsliste (.xlsx eller .csv): overskriften findes, kolonnerne genkendes, "
            "sandsynlige dubletter springes over, og samtykke sættes til ukendt med en dato for gennemgang.",
            "Read a member list (.xlsx or .csv): the header is found, the columns recognised, likely "
            "duplicates skipped, and consent set to unknown with a review date.",
        ),
    )
    people.add_argument("--db", required=True, type=Path, help=say("notesbogen", "the notebook"))
    people.add_argument("file", type=Path, help=say("medlemslisten", "the member list"))
    people.add_argument("--area", metavar="NAME", help=say("personernes område", "the people's area"))
    people.add_argument(
        "--include-duplicates",
        action="store_true",
        help=say("importér også sandsynlige dubletter", "also import likely duplicates"),
    )
    people.add_argument(
        "--dry-run",
        action="store_true",
        help=say("vis kun, hvad der ville ske", "only show what would happen"),
    )
    people.set_defaults(handler=cmd_import_people)


def _scope(store, args: argparse.Namespace) -> Scope:
    start, end = iso_date(args.start, "--from"), iso_date(args.end, "--to")
    area_id = None
    if args.area:
        area = find_area(store, args.area)
        if area is None:
            raise UnknownAreaError(args.area, area_names(store))
        area_id = area.id
    return Scope(area_id, start, end)


def export_xlsx(args: argparse.Namespace) -> int:
    target = output_path(args.output, args.db)
    if target.suffix.lower() != ".xlsx":
        raise CliError("Regnearket skal hedde noget med .xlsx.", "The spreadsheet's name must end in .xlsx.")
    lang = args.lang or language()
    with open_notebook(args.db) as store:
        built = sheets(store, _scope(store, args), lang=lang, internal=args.internal)
        with replacing(target) as temporary:
            written = write_xlsx(built, temporary, lang=lang, internal=args.internal)
    print(say(f"{written.rows} rækker skrevet til {target}", f"{written.rows} rows written to {target}"))
    return Exit.OK


def export_csv(args: argparse.Namespace) -> int:
    folder = Path(args.output).expanduser()
    if folder.exists() and not folder.is_dir():
        raise CliError(f"»{folder}« er ikke en mappe.", f"'{folder}' is not a folder.")
    lang = args.lang or language()
    with open_notebook(args.db) as store:
        built = sheets(store, _scope(store, args), lang=lang, internal=args.internal)
        folder.mkdir(parents=True, exist_ok=True)
        rows = 0
        for sheet in built:
            target = output_path(folder / csv_name(sheet, lang), args.db)
            with replacing(target) as temporary:
                rows += write_csv(sheet, temporary, lang=lang, internal=args.internal)
    count = len(built)
    print(
        say(f"{rows} rækker i {count} CSV-filer i {folder}", f"{rows} rows in {count} CSV files in {folder}")
    )
    return Exit.OK


def cmd_import_people(args: argparse.Namespace) -> int:
    with open_notebook(args.db, writes=not args.dry_run) as store:
        try:
            rows = read_table(Path(args.file).expanduser())
        except PeopleImportError as error:
            raise CliError(error.message("da"), error.message("en")) from error
        area_id = None
        if args.area:
            area = find_area(store, args.area)
            if area is None:
                raise UnknownAreaError(args.area, area_names(store))
            area_id = area.id
        try:
            result = plan(rows, area_id=area_id, source=Path(args.file).name)
        except PeopleImportError as error:
            raise CliError(error.message("da"), error.message("en")) from error
        duplicates = likely_duplicates(store, result.candidates)
        for candidate in result.candidates:
            if candidate.row in duplicates:
                known = ", ".join(p.name or "" for p in duplicates[candidate.row])
                print(
                    say(
                        f"række {candidate.row}: {candidate.person.name} ligner {known}",
                        f"row {candidate.row}: {candidate.person.name} looks like {known}",
                    )
                )
        for row, _reason in result.skipped:
            print(say(f"række {row}: intet navn, udeladt", f"row {row}: no name, left out"))
        chosen = [c for c in result.candidates if args.include_duplicates or c.row not in duplicates]
        left_out = len(result.candidates) - len(chosen)
        if args.dry_run:
            print(
                say(
                    f"{len(chosen)} personer ville blive importeret ({left_out} sandsynlige dubletter udeladt).",
                    f"{len(chosen)} people would be imported ({left_out} likely duplicates left out).",
                )
            )
            return Exit.OK
        done = import_people(store, chosen, duplicates_skipped=left_out)
    print(
        say(
            f"{done.people} personer importeret, {done.organisations} nye organisationer, "
            f"{left_out} sandsynlige dubletter udeladt. Samtykke er ukendt: gennemgå dem inden 30 dage.",
            f"{done.people} people imported, {done.organisations} new organisations, "
            f"{left_out} likely duplicates left out. Consent is unknown: review them within 30 days.",
        )
    )
    return Exit.OK
