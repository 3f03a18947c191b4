"""``fieldapp route import``: attach a GPX track to a walkabout, add its photos, place them.

For many walks from a script: one summary line on stdout per file, each damaged photo one
warning line on stderr (exit 0), and any error one line with the notebook unchanged. The
work itself is ``fieldapp.routes.service.import_route`` (docs/routes.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fieldapp.cli.errors import Exit
from fieldapp.cli.language import language, say
from fieldapp.cli.opening import open_notebook
from fieldapp.routes import service


def register(subparsers: argparse._SubParsersAction) -> None:
    route = subparsers.add_parser(
        "route",
        help=say("byvandringers ruter (GPX)", "walkabout routes (GPX)"),
        description=say("Byvandringers GPS-spor og billeder.", "Walkabouts' GPS tracks and photos."),
    )
    commands = route.add_subparsers(dest="route_command", metavar="ROUTE_COMMAND", parser_class=type(route))
    importing = commands.add_parser(
        "import",
        help=say(
            "knyt et GPS-spor til en byvandring, læg billeder ind og placér dem",
            "attach a GPS track to a walkabout, add photos and place them",
        ),
        description=say(
            "Knyt et GPX-spor til en byvandring, læg en mappes billeder ind og placér dem på ruten.",
            "Attach a GPX track to a walkabout, add a folder's photos and place them on the route.",
        ),
    )
    importing.add_argument("--db", required=True, type=Path, help=say("notesbogen", "the notebook"))
    importing.add_argument(
        "--activity", required=True, metavar="ID", help=say("byvandringens id", "the walkabout's id")
    )
    importing.add_argument(
        "gpx",
        type=Path,
        metavar="FILE.gpx",
        help=say("sporet fra telefonen eller GPS'en", "the phone's or GPS's track"),
    )
    importing.add_argument(
        "--photos",
        type=Path,
        metavar="DIR",
        help=say("en mappe med turens billeder", "a folder of the walk's photos"),
    )
    importing.add_argument(
        "--offset",
        type=int,
        metavar="SECONDS",
        help=say(
            "sekunder at lægge til kameraets ur (negativt, hvis det gik foran)",
            "seconds to add to the camera's clock (negative if it was ahead)",
        ),
    )
    importing.set_defaults(handler=route_import)
    route.set_defaults(handler=lambda _args: _usage(route))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return Exit.USAGE


def route_import(args: argparse.Namespace) -> int:
    lang = language()
    with open_notebook(args.db, writes=True) as store:
        result = service.import_route(store, args.activity, args.gpx, args.photos, args.offset)
    for warning in result.warnings(lang):
        print(f"fieldapp: {warning}", file=sys.stderr)
    print(result.line(lang))
    return Exit.OK
