"""Maintenance and privacy commands: backup, restore, erase, access, review.

Each prints a short result in the user's language; errors are raised as store or
command errors and printed as one line by ``fieldapp.cli``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from fieldapp.domain import Person
from fieldapp.domain.i18n import current_language, pick
from fieldapp.store import Store, backups, privacy

_TEXT = {
    "backup_done": {"da": "Sikkerhedskopi gemt: {path}", "en": "Backup written: {path}"},
    "restored": {
        "da": "Gendannet fra {source}. Notesbogen, som den var før, er gemt i {safety}.",
        "en": "Restored from {source}. The notebook as it was before is kept in {safety}.",
    },
    "erase_confirm": {
        "da": "Slet {name} ({id}) og alle personoplysninger om vedkommende for altid? Skriv ja: ",
        "en": "Erase {name} ({id}) and all their personal data for good? Type yes: ",
    },
    "erase_cancelled": {"da": "Intet slettet.", "en": "Nothing erased."},
    "erased": {
        "da": "Slettet: {rows}. Links fjernet: {links}.",
        "en": "Erased: {rows}. Links removed: {links}.",
    },
    "mentions": {
        "da": "Navnet nævnes stadig i fritekst her (gennemgå dem selv):",
        "en": "The name is still mentioned in free text here (review these yourself):",
    },
    "access_done": {"da": "Indsigt gemt: {path}", "en": "Access export written: {path}"},
    "review_none": {"da": "Ingen personer skal gennemgås.", "en": "Nobody is due for review."},
    "review_head": {
        "da": "Personer, hvis gennemgangsdato er passeret:",
        "en": "People past their review date:",
    },
    "review_line": {
        "da": "{id}  {name}  (gennemgås efter {date}, {days} dage over; sidst set {seen})",
        "en": "{id}  {name}  (review after {date}, {days} days overdue; last seen {seen})",
    },
    "never": {"da": "aldrig", "en": "never"},
}
_YES = {"ja", "j", "yes", "y"}


def _t(key: str, **params: object) -> str:
    return pick(_TEXT[key], current_language()).format(**params)


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser("backup", help="copy the notebook / lav en sikkerhedskopi")
    backup.add_argument("--db", required=True, type=Path, help="the notebook file")
    backup.add_argument(
        "-o", "--output", type=Path, help="where to write the copy (default: the backups folder)"
    )
    backup.set_defaults(handler=cmd_backup)

    restore = subparsers.add_parser("restore", help="restore a backup / gendan en sikkerhedskopi")
    restore.add_argument("--db", required=True, type=Path, help="the notebook file")
    restore.add_argument(
        "backup", type=Path, nargs="?", help="the copy to restore (default: the newest good one)"
    )
    restore.set_defaults(handler=cmd_restore)

    erase = subparsers.add_parser("erase", help="erase a person (GDPR) / slet en person")
    erase.add_argument("--db", required=True, type=Path)
    erase.add_argument("--person", required=True, help="the person's id")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    erase.set_defaults(handler=cmd_erase)

    access = subparsers.add_parser("access", help="export a person's data (GDPR) / indsigt")
    access.add_argument("--db", required=True, type=Path)
    access.add_argument("--person", required=True, help="the person's id")
    access.add_argument("-o", "--output", required=True, type=Path, help="the JSON file to write")
    access.set_defaults(handler=cmd_access)

    review = subparsers.add_parser("review", help="people past their review date / gennemgang")
    review.add_argument("--db", required=True, type=Path)
    review.set_defaults(handler=cmd_review)


def _open(path: Path) -> Store:
    return Store.open(path, check=True)


def cmd_backup(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        target = store.backup(args.output) if args.output else backups.backup_now(store, backups.MANUAL)
    print(_t("backup_done", path=target))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    result = backups.restore(args.db, args.backup)
    print(_t("restored", source=result.restored_from, safety=result.safety_copy or "-"))
    return 0


def cmd_erase(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        person = store.get(Person, args.person)
        if not args.yes:
            answer = input(_t("erase_confirm", name=person.name, id=person.id))
            if answer.strip().casefold() not in _YES:
                print(_t("erase_cancelled"))
                return 1
        report = privacy.erase_person(store, person.id)
    rows = ", ".join(f"{tbl} {n}" for tbl, n in sorted(report.rows_erased.items()))
    links = ", ".join(f"{key} {n}" for key, n in sorted(report.links_removed.items())) or "0"
    print(_t("erased", rows=rows, links=links))
    if report.mentions:
        print(_t("mentions"))
        for mention in report.mentions:
            print(f"  {mention.tbl} {mention.row_id}  {mention.title}")
    return 0


def cmd_access(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        target = privacy.write_access_export(store, args.person, args.output)
    print(_t("access_done", path=target))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        due = privacy.due_for_review(store, date.today())
    if not due:
        print(_t("review_none"))
        return 0
    print(_t("review_head"))
    for item in due:
        print(
            _t(
                "review_line",
                id=item.person.id,
                name=item.person.name,
                date=item.person.review_after,
                days=item.days_overdue,
                seen=item.last_seen or _t("never"),
            )
        )
    sys.stdout.flush()
    return 0
