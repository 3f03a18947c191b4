"""``fieldapp sync export|import|folder``: sync files from the command line.

The passphrase is read from ``--passphrase-file`` or ``FELTBOG_PASSPHRASE``, never
from the command line (where other users could see it in the process list).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from fieldapp.cli.errors import CliError, Exit
from fieldapp.cli.language import language, say
from fieldapp.cli.opening import open_notebook, output_path, refuse_reading_the_notebook
from fieldapp.domain.i18n import pick
from fieldapp.sync.errors import ForgedError, MassDeleteError, SyncError, UnencryptedError
from fieldapp.sync.service import SyncSummary, export_file, import_file, sync_folder

PASSPHRASE_ENV = "FELTBOG_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction) -> None:
    sync = subparsers.add_parser(
        "sync", help=say("udveksl synkroniseringsfiler med kolleger", "exchange sync files with colleagues")
    )
    commands = sync.add_subparsers(dest="sync_command", metavar="SYNC_COMMAND")
    sync.set_defaults(handler=lambda args: _usage(sync))

    export = commands.add_parser(
        "export", allow_abbrev=False, help=say("skriv en synkroniseringsfil", "write a sync file")
    )
    _common(export)
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    export.add_argument(
        "--full",
        action="store_true",
        help=say(
            "alt, ikke kun det nye siden sidste eksport dertil",
            "everything, not only news since the last export there",
        ),
    )
    export.add_argument(
        "--no-encryption",
        action="store_true",
        help=say(
            "skriv en UKRYPTERET fil (et udtrykkeligt valg)", "write an UNENCRYPTED file (explicit choice)"
        ),
    )
    export.set_defaults(handler=_export)

    imp = commands.add_parser(
        "import",
        allow_abbrev=False,
        help=say("indlæs en kollegas synkroniseringsfil", "merge a sync file into the notebook"),
    )
    _common(imp)
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--force",
        action="store_true",
        help=say(
            "indlæs også en fil, der sletter over halvdelen",
            "accept a file that deletes more than half of the rows",
        ),
    )
    imp.add_argument(
        "--allow-unencrypted",
        action="store_true",
        help=say(
            "indlæs også en UKRYPTERET fil (et udtrykkeligt valg; aldrig ved mappesynkronisering)",
            "accept an UNENCRYPTED file (explicit choice; never done by folder sync)",
        ),
    )
    imp.set_defaults(handler=_import)

    folder = commands.add_parser(
        "folder",
        allow_abbrev=False,
        help=say("synkroniser gennem en delt mappe", "sync through a shared folder"),
    )
    _common(folder)
    folder.add_argument("folder", type=Path, metavar="DIR")
    folder.add_argument(
        "--force",
        action="store_true",
        help=say(
            "indlæs også filer, der sletter over halvdelen",
            "accept files that delete more than half of the rows",
        ),
    )
    folder.set_defaults(handler=_folder)

    identity = commands.add_parser(
        "new-identity",
        allow_abbrev=False,
        help=say(
            "giv notesbogen en ny identitet (når en kopi af den bruges på en anden computer)",
            "give this notebook a new site id (when a copy of it is used on another computer)",
        ),
    )
    identity.add_argument(
        "--db", required=True, type=Path, metavar="PATH", help=say("notesbogen", "the notebook file")
    )
    identity.set_defaults(handler=_new_identity)


# allow_abbrev=False: "--passphrase SECRET" must be an error, not a file name taken
# for "--passphrase-file".
def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", required=True, type=Path, metavar="PATH", help=say("notesbogen", "the notebook file")
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help=say(f"eller sæt {PASSPHRASE_ENV}", f"or set {PASSPHRASE_ENV}"),
    )


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return Exit.USAGE


def passphrase(args: argparse.Namespace, *, required: bool) -> str | None:
    """From the file named by ``--passphrase-file``, else the environment, else None."""
    if args.passphrase_file is not None:
        try:
            text = args.passphrase_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CliError(
                f"Adgangssætningen kunne ikke læses fra {args.passphrase_file}: {error}",
                f"The passphrase could not be read from {args.passphrase_file}: {error}",
            ) from None
        value = text.rstrip("\r\n")
    else:
        value = os.environ.get(PASSPHRASE_ENV) or ""
    if not value and required:
        raise CliError(
            f"Angiv holdets adgangssætning med --passphrase-file eller {PASSPHRASE_ENV} "
            "(eller --no-encryption for en ukrypteret fil).",
            f"Give the team passphrase with --passphrase-file or {PASSPHRASE_ENV} "
            "(or --no-encryption for an unencrypted file).",
        )
    return value or None


def _export(args: argparse.Namespace) -> int:
    target = output_path(args.output, args.db)
    secret = None if args.no_encryption else passphrase(args, required=True)
    with open_notebook(args.db, writes=True) as store:
        summary = export_file(store, target, secret, full=args.full, encrypt=not args.no_encryption)
    _print(summary)
    return Exit.OK


# How to confirm a file that deletes more than half of the notebook, on the command line.
FORCE_HINT = {"da": "Brug --force for at indlæse den alligevel.", "en": "Use --force to import it anyway."}
UNENCRYPTED_HINT = {
    "da": "Brug --allow-unencrypted, hvis du stoler på den.",
    "en": "Use --allow-unencrypted if you trust it.",
}
FORGED_HINT = {
    "da": "Bruges en kopi af notesbogen på en anden computer, så kør »fieldapp sync new-identity« på den ene.",
    "en": "If a copy of the notebook is used on another computer, run 'fieldapp sync new-identity' on one.",
}
HINTS = ((MassDeleteError, FORCE_HINT), (UnencryptedError, UNENCRYPTED_HINT), (ForgedError, FORGED_HINT))


def _explain(error: SyncError, lang: str | None = None) -> str:
    lang = lang or language()
    message = error.message(lang)
    for kind, hint in HINTS:
        if isinstance(error, kind):
            return f"{message} {pick(hint, lang)}"
    return message


def _import(args: argparse.Namespace) -> int:
    refuse_reading_the_notebook(args.file, args.db)
    secret = passphrase(args, required=False)
    with open_notebook(args.db, writes=True) as store:
        try:
            summary = import_file(
                store, args.file, secret, force=args.force, allow_unencrypted=args.allow_unencrypted
            )
        except (MassDeleteError, UnencryptedError, ForgedError) as error:
            raise CliError(_explain(error, "da"), _explain(error, "en")) from None
    _print(summary)
    return Exit.OK


def _folder(args: argparse.Namespace) -> int:
    secret = passphrase(args, required=True)
    with open_notebook(args.db, writes=True) as store:
        summary = sync_folder(store, args.folder, secret, force=args.force)
    _print(summary)
    if summary.site_renewed:
        print(
            say(
                "En kopi af denne notesbog synkroniserer i mappen; notesbogen har fået sin egen identitet"
                f" ({summary.site_renewed}).",
                "A copy of this notebook syncs in the folder; this notebook now has an identity of its own"
                f" ({summary.site_renewed}).",
            )
        )
    for path, error in summary.failures:
        print(f"fieldapp: {path.name}: {_explain(error)}", file=sys.stderr)
    return Exit.FAILED if summary.failures else Exit.OK


def _new_identity(args: argparse.Namespace) -> int:
    with open_notebook(args.db, writes=True) as store:
        old = store.site
        new = store.renew_site()
    print(
        say(
            f"Notesbogen skriver nu som {new} (før {old}); dens ændringer indtil nu beholder den gamle identitet.",
            f"The notebook now writes as {new} (was {old}); its changes so far keep the old identity.",
        )
    )
    return Exit.OK


def _print(summary: SyncSummary) -> None:
    removed = len(summary.files_removed)
    print(
        say(
            f"{summary.changes_in} ændringer ind, {summary.changes_out} ud, {summary.conflicts} konflikter"
            f" ({len(summary.files_imported)} filer indlæst, {len(summary.files_skipped)} sprunget over,"
            f" {len(summary.files_written)} skrevet"
            + (f", {removed} gamle fjernet" if removed else "")
            + ").",
            f"{summary.changes_in} changes in, {summary.changes_out} out, {summary.conflicts} conflicts"
            f" ({len(summary.files_imported)} files imported, {len(summary.files_skipped)} skipped,"
            f" {len(summary.files_written)} written"
            + (f", {removed} old ones removed" if removed else "")
            + ").",
        )
    )
