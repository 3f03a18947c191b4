"""``fieldapp backup | restore``: copies of a notebook, and putting one back."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldapp.cli.errors import CliError, Exit
from fieldapp.cli.language import say
from fieldapp.cli.opening import notebook_writes, open_notebook, output_path, require_notebook
from fieldapp.store import backups


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser("backup", help=say("lav en sikkerhedskopi", "copy the notebook"))
    backup.add_argument("--db", required=True, type=Path, help=say("notesbogen", "the notebook file"))
    backup.add_argument(
        "-o",
        "--output",
        type=Path,
        help=say(
            "hvor kopien skrives (standard: mappen backups)",
            "where to write the copy (default: the backups folder)",
        ),
    )
    backup.set_defaults(handler=cmd_backup)

    restore = subparsers.add_parser("restore", help=say("gendan en sikkerhedskopi", "restore a backup"))
    restore.add_argument("--db", required=True, type=Path, help=say("notesbogen", "the notebook file"))
    restore.add_argument(
        "backup",
        type=Path,
        nargs="?",
        help=say(
            "kopien, der skal gendannes (standard: den nyeste gode)",
            "the copy to restore (default: the newest good one)",
        ),
    )
    restore.add_argument(
        "--accept-lost-erasures",
        action="store_true",
        help=say(
            "gendan, selv om de slettede personer ikke kan kendes (beskadiget notesbog og sletteliste)",
            "restore even if the erased people cannot be known (damaged notebook and erasure ledger)",
        ),
    )
    restore.add_argument(
        "--list",
        action="store_true",
        help=say(
            "vis sikkerhedskopierne (nyeste først: tid, slags, indhold) uden at gendanne",
            "list the backups (newest first: time, kind, contents) without restoring",
        ),
    )
    restore.set_defaults(handler=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    target = output_path(args.output, args.db) if args.output else None
    with open_notebook(args.db) as store:
        written = store.backup(target) if target else backups.backup_now(store, backups.MANUAL)
    print(say(f"Sikkerhedskopi gemt: {written}", f"Backup written: {written}"))
    return Exit.OK


KIND_WORDS = {
    backups.DAILY: ("daglig", "daily"),
    backups.MANUAL: ("taget manuelt", "made by hand"),
    backups.BEFORE_IMPORT: ("før en indlæsning", "before an import"),
    backups.BEFORE_MIGRATION: ("før en opdatering", "before an update"),
    backups.BEFORE_RESTORE: ("før en gendannelse", "before a restore"),
}


def list_copies(db: Path) -> int:
    """One line per backup of ``db``, newest first (every kind, also those taken before a sync)."""
    copies = backups.list_backups(db)
    if not copies:
        print(say(f"Der er ingen sikkerhedskopier af »{db}«.", f"There are no backups of '{db}'."))
        return Exit.OK
    for copy in copies:
        kind = say(*KIND_WORDS.get(copy.kind, (copy.kind, copy.kind)))
        people, activities = copy.counts.get("people", 0), copy.counts.get("activities", 0)
        if copy.usable:
            contents = say(
                f"{people} personer, {activities} aktiviteter", f"{people} people, {activities} activities"
            )
        else:
            contents = say(f"kan ikke bruges: {copy.problem}", f"unusable: {copy.problem}")
        print(f"{copy.taken_at:%Y-%m-%d %H:%M:%S}  {kind:<20}  {contents:<32}  {copy.path}")
    return Exit.OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the notebook by a backup: only a Feltbog notebook (damaged or not, or none at all)
    is replaced, and only while no other program has it open."""
    db = Path(args.db).expanduser()
    if args.list:
        return list_copies(db)
    if db.exists() or db.is_symlink():
        require_notebook(db, damaged_ok=True)
    elif not db.parent.is_dir():
        raise CliError(f"Mappen »{db.parent}« findes ikke.", f"The folder '{db.parent}' does not exist.")
    if args.backup is not None:
        source = Path(args.backup).expanduser()
        if source.exists() and db.exists() and source.resolve() == db.resolve():
            raise CliError(
                f"»{source}« er notesbogen selv, ikke en sikkerhedskopi.",
                f"'{source}' is the notebook itself, not a backup.",
            )
    with notebook_writes(db, exclusive=True):
        result = backups.restore(db, args.backup, accept_lost_erasures=args.accept_lost_erasures)
    kept = result.safety_copy or "-"
    print(
        say(
            f"Gendannet fra {result.restored_from}. Notesbogen, som den var før, er gemt i {kept}.",
            f"Restored from {result.restored_from}. The notebook as it was before is kept in {kept}.",
        )
    )
    return Exit.OK
