"""``fieldapp export-pdf``: write an activity, area or person report as a PDF."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from fieldapp.cli import CommandError
from fieldapp.domain.i18n import LANGUAGES, current_language
from fieldapp.reports.export import (
    UnknownAreaError,
    export_activity_report,
    export_area_report,
    export_person_report,
)
from fieldapp.reports.options import ReportError, ReportOptions
from fieldapp.reports.texts import t
from fieldapp.store import Store
from fieldapp.store.errors import CannotOpenError
from fieldapp.store.reporting import area_names, find_area


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export-pdf",
        help="skriv en rapport som PDF / write a report as PDF",
        description="Skriv en aktivitets-, område- eller personrapport som PDF/A. "
        "Write an activity, area or person report as PDF/A.",
    )
    parser.add_argument("--db", required=True, type=Path, help="notesbogen / the notebook (.sqlite)")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--activity", metavar="ID", help="én aktivitet / one activity")
    what.add_argument("--area", metavar="NAME", help="et område (navn eller id) / an area (name or id)")
    what.add_argument("--person", metavar="ID", help="én persons data (indsigt) / one person's data (access)")
    parser.add_argument(
        "--from", dest="start", metavar="DATE", help="periodens start, ÅÅÅÅ-MM-DD (kun --area)"
    )
    parser.add_argument("--to", dest="end", metavar="DATE", help="periodens slut, ÅÅÅÅ-MM-DD (kun --area)")
    parser.add_argument("-o", "--output", required=True, type=Path, help="PDF-filen / the PDF file")
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help="rapportens sprog / language (da)")
    parser.add_argument(
        "--internal",
        action="store_true",
        help="medtag navne og noter; hver side mærkes Intern / include names, mark Internal",
    )
    parser.add_argument("--author", help="forfatter på forsiden / author on the cover")
    parser.set_defaults(handler=export_pdf)


def _date(value: str | None, lang: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(t("err_bad_date", lang, value=value)) from None


def export_pdf(args: argparse.Namespace) -> int:
    lang = args.lang or current_language()
    if (args.start or args.end) and not args.area:
        raise CommandError(
            {
                "da": "--from og --to gælder kun sammen med --area.",
                "en": "--from and --to only apply with --area.",
            }[lang]
        )
    start, end = _date(args.start, lang), _date(args.end, lang)
    if not args.db.is_file():
        raise CannotOpenError(path=args.db, detail={"da": "filen findes ikke", "en": "no such file"}[lang])
    options = ReportOptions(lang=lang, internal=args.internal, author=args.author)
    try:
        with Store.open(args.db) as store:
            if args.activity:
                result = export_activity_report(store, args.activity, args.output, options)
            elif args.person:
                result = export_person_report(store, args.person, args.output, options)
            else:
                area = find_area(store, args.area)
                if area is None:
                    raise UnknownAreaError(args.area, area_names(store))
                result = export_area_report(store, area.id, args.output, start, end, options)
    except ReportError as error:
        raise CommandError(error.message(lang)) from error
    for warning in result.warnings:
        print(f"fieldapp: {warning}", file=sys.stderr)
    print(result.path)
    return 0
