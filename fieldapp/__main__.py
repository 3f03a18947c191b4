"""``fieldapp`` / ``python -m fieldapp``: the desktop app, or a CLI command when given one."""

from __future__ import annotations

import sys
from collections.abc import Sequence

CLI_FLAGS = {"-h", "--help", "--version"}
SELF_TEST_FLAG = "--self-test"


def self_test() -> int:
    """Check this installation end to end (see ``fieldapp.selftest``), without a screen or user data."""
    import os
    import tempfile

    # Offscreen unless a tester asks for a real platform plugin (e.g. xcb under Xvfb).
    os.environ["QT_QPA_PLATFORM"] = os.environ.get("FELTBOG_SELFTEST_PLATFORM", "offscreen")
    from fieldapp import selftest

    def ui_step(ws: selftest.Workspace) -> str:
        from fieldapp.ui.selftest import step_ui  # Qt only now: the core steps run without it

        return step_ui(ws)

    # A windowed Windows build has no console: the report then goes to a file in the temp folder.
    if sys.stdout is None:
        report = os.path.join(tempfile.gettempdir(), "feltbog-selftest.txt")
        sys.stdout = open(report, "w", encoding="utf-8")  # noqa: SIM115  open until the process ends
    # Settings and logs of the run go to a throw-away folder, never the user's.
    with tempfile.TemporaryDirectory(prefix="feltbog-selftest-home-") as home:
        os.environ["FELTBOG_HOME"] = home
        code = selftest.run(extra_steps=[("ui", ui_step)])
    sys.stdout.flush()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == [SELF_TEST_FLAG]:
        return self_test()
    # A word (a command, known or not) or a CLI flag means the CLI: an unknown command
    # says so instead of starting the app. The app's own options (--db, --lang) start
    # with "-". Not importing the CLI keeps the app's start-up quick.
    if args and (args[0] in CLI_FLAGS or not args[0].startswith("-")):
        from fieldapp import cli

        return cli.run(args)
    from fieldapp.ui.app import run_app  # Qt is only imported when the GUI starts

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
