"""``fieldapp COMMAND …``: the headless commands, one module per command group.

Layout (docs/cli.md has the whole design):

- ``main``        the parser, the list of groups (``GROUPS``), ``run(argv) -> exit code``;
                  the one place where an error becomes one line on stderr
- ``errors``      ``CliError`` (the one error type: Danish + English + exit code) and ``Exit``
                  (the one exit-code table)
- ``language``    ``say(da, en)``: the one way to speak the chosen language
                  (``FELTBOG_LANG``, then the locale; Danish by default)
- ``opening``     ``open_notebook(path, writes=…)``: the one door to an existing notebook
                  (never creates one; honours the desktop app's lock when writing),
                  ``output_path(target, notebook)`` for every ``-o``
- ``notebook``    demo, search, check
- ``reports``     export-pdf
- ``maintenance`` backup, restore
- ``privacy``     erase, access, review
- ``sync``        sync export / import / folder
- ``route``       route import

How to add a command (``fieldapp route import`` for example):

1. Write ``fieldapp/cli/route.py`` with ``register(subparsers)``: add your parser(s) with
   ``subparsers.add_parser(name, help=say(da, en))`` and ``set_defaults(handler=fn)``;
   ``fn(args) -> int`` returns an ``Exit`` code. Add the module to ``GROUPS`` in ``main``.
2. Open the notebook with ``with open_notebook(args.db, writes=True) as store:`` (``writes``
   for anything that changes the notebook); pass every output path through
   ``output_path(args.output, args.db)`` and write it with
   ``fieldapp.store.outputs.write_atomically``.
3. Raise ``CliError(da, en)`` (or let the core's own errors with ``message(lang)`` rise);
   print results with ``say(da, en)``. Never print a traceback, never ``sys.exit``.
4. Add a row to the README's command table (``tests/test_cli_contract.py`` checks both
   ways) and a line to ``COMMANDS`` in that test file, which then runs your command against
   a missing file, a folder, a non-notebook, an empty and a damaged notebook, in both
   languages.

Nothing below this package (``store``, ``sync``, ``reports``, ``routes``) imports it.
"""

from fieldapp.cli.errors import CliError, Exit
from fieldapp.cli.main import build_parser, command_names, command_paths, run

__all__ = ["CliError", "Exit", "build_parser", "command_names", "command_paths", "run"]
