"""``fieldapp`` / ``python -m fieldapp``: the desktop app, or a CLI command when given one."""

from __future__ import annotations

import sys
from collections.abc import Sequence

CLI_FLAGS = {"-h", "--help", "--version"}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # Only a word (a subcommand) or a CLI flag can mean the CLI; the app's own options
    # (--db, --lang) start with "-". Not importing the CLI keeps the app's start-up quick.
    if args and (args[0] in CLI_FLAGS or not args[0].startswith("-")):
        from fieldapp import cli

        if args[0] in CLI_FLAGS or args[0] in cli.command_names():
            return cli.run(args)
    from fieldapp.ui.app import run_app  # Qt is only imported when the GUI starts

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
