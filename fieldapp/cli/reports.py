"""``fieldapp export-pdf``: write an activity, area or person report as a PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fieldapp.cli.errors import CliError, Exit
from fieldapp.cli.language import language, say
from fieldapp.cli.opening import open_notebook, output_path
from fieldapp.cli.values import iso_date
from fieldapp.domain.i18n import LANGUAGES
from fieldapp.reports.export import (
    UnknownAreaError,
    export_activity_report,
    export_area_report,
    export_person_report,
)
from fieldapp.reports.options import ReportOptions
from fieldapp.store.reporting import area_names, find_area


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export-pdf",
        help=say("skriv en rapport som PDF", "write a report as PDF"),
        description=say(
            "Skriv en aktivitets-, område- eller personrapport som PDF/A.",
            "Write an activity, area or person report as PDF/A.",
        ),
    )
    parser.add_argument("--db", required=True, type=Path, help=say("notesbogen", "the notebook"))
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--activity", metavar="ID", help=say("én aktivitet", "one activity"))
    what.add_argument("--area", metavar="NAME", help=say("et område (navn eller id)", "an area (name or id)"))
    what.add_argument(
        "--person", metavar="ID", help=say("én persons data (indsigt)", "one person's data (access)")
    )
    parser.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        help=say("periodens start, ÅÅÅÅ-MM-DD (kun --area)", "start of the period, YYYY-MM-DD (--area only)"),
    )
    parser.add_argument(
        "--to",
        dest="end",
        metavar="DATE",
        help=say("periodens slut, ÅÅÅÅ-MM-DD (kun --area)", "end of the period, YYYY-MM-DD (--area only)"),
    )
    parser.add_argument("-o", "--output", required=True, type=Path, help=say("PDF-filen", "the PDF file"))
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=None, help=say("rapportens sprog", "the report's language")
    )
    parser.add_argument(
        "--internal",
        action="store_true",
        help=say(
            "medtag navne og noter; hver side mærkes Intern",
            "include names and notes; mark every page Internal",
        ),
    )
    parser.add_argument("--author", help=say("forfatter på forsiden", "author on the cover"))
    parser.set_defaults(handler=export_pdf)


def export_pdf(args: argparse.Namespace) -> int:
    if (args.start or args.end) and not args.area:
        raise CliError(
            "--from og --to gælder kun sammen med --area.", "--from and --to only apply with --area."
        )
    start, end = iso_date(args.start, "--from"), iso_date(args.end, "--to")
    target = output_path(args.output, args.db)
    options = ReportOptions(lang=args.lang or language(), internal=args.internal, author=args.author)
    with open_notebook(args.db) as store:
        if args.activity:
            result = export_activity_report(store, args.activity, target, options)
        elif args.person:
            result = export_person_report(store, args.person, target, options)
        else:
            area = find_area(store, args.area)
            if area is None:
                raise UnknownAreaError(args.area, area_names(store))
            result = export_area_report(store, area.id, target, start, end, options)
    for warning in result.warnings:
        print(f"fieldapp: {warning}", file=sys.stderr)
    print(result.path)
    return Exit.OK
