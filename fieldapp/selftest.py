"""``fieldapp --self-test``: prove that an installed copy can do the real work.

Each step uses a throw-away notebook in a temporary folder and the same public
functions the app and the CLI use: write, search, export a PDF and a sync file round
trip to a second notebook. No Qt here; the desktop part adds its own step
(``fieldapp.ui.selftest``). A step that cannot run (a module missing from a
bundle, say) is a failure, named with its reason.
"""

from __future__ import annotations

import tempfile
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from fieldapp import APP_NAME, __version__
from fieldapp.domain import Activity, ActivityKind, Area, Observation, ObservationKind
from fieldapp.store import Store

# A word nobody types by accident, so a search hit can only be the self-test's note.
MARKER = "selvtestbænkeplads"
PASSPHRASE = "feltbog selvtest"


@dataclass
class Outcome:
    name: str
    status: str  # "ok" or "failed"
    detail: str = ""
    seconds: float = 0.0


@dataclass
class Workspace:
    """The temporary folder and what the steps hand on to each other."""

    folder: Path
    store: Store | None = None
    activity_id: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


Step = tuple[str, Callable[[Workspace], str]]


def _notebook(ws: Workspace) -> Store:
    if ws.store is None or ws.activity_id is None:
        raise RuntimeError("needs the notebook from the write step, which failed")
    return ws.store


def step_write(ws: Workspace) -> str:
    ws.store = Store.open(ws.folder / "selvtest.sqlite")
    area = ws.store.add(Area(name="Selvtestby", municipality="Testkommune"))
    activity = ws.store.add(
        Activity(
            kind=ActivityKind.WALKABOUT,
            title="Byvandring i Selvtestby",
            area_id=area.id,
            starts_at=datetime(2026, 5, 4, 10, 0, tzinfo=UTC),
            place="Torvet",
            summary=f"Beboerne ønsker en {MARKER} ved åen; æ, ø og å skal kunne skrives.",
        )
    )
    ws.store.add(
        Observation(
            activity_id=activity.id,
            kind=ObservationKind.HOPE,
            text=f"Ildsjæle vil bygge {MARKER} sammen med lokalrådet.",
        )
    )
    ws.activity_id = activity.id
    return "1 area, 1 walkabout, 1 observation"


def step_search(ws: Workspace) -> str:
    hits = _notebook(ws).search(MARKER)
    tables = sorted({hit.table for hit in hits})
    if tables != ["activities", "observations"]:
        raise AssertionError(f"expected a hit in activities and observations, got {tables or 'none'}")
    return f"{len(hits)} hits"


def step_pdf(ws: Workspace) -> str:
    from fieldapp.reports import ReportOptions, export_activity_report

    store = _notebook(ws)
    target = ws.folder / "selvtest.pdf"
    export_activity_report(store, str(ws.activity_id), target, ReportOptions(lang="da"))
    data = target.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise AssertionError(f"{target.name} is not a complete PDF ({len(data)} bytes)")
    return f"{len(data) // 1024} KB"


def step_sync(ws: Workspace) -> str:
    from fieldapp import sync

    store = _notebook(ws)
    sync_file = ws.folder / "out" / "selvtest.feltsync"
    sync_file.parent.mkdir()
    sync.export_file(store, sync_file, PASSPHRASE)
    other = Store.open(ws.folder / "kollega.sqlite")
    try:
        sync.import_file(other, sync_file, PASSPHRASE)
        hits = other.search(MARKER)
        if not hits:
            raise AssertionError("the imported notebook does not find the note")
    finally:
        other.close()
    return f"{sync_file.stat().st_size // 1024} KB file, {len(hits)} hits after import"


def step_keystore(ws: Workspace) -> str:
    """keyring finds this platform's key store backend (reads nothing, writes nothing)."""
    from fieldapp import keystore

    return keystore.describe()


CORE_STEPS: list[Step] = [
    ("write", step_write),
    ("search", step_search),
    ("pdf", step_pdf),
    ("sync", step_sync),
    ("keystore", step_keystore),
]


def run_steps(steps: Iterable[Step], ws: Workspace) -> list[Outcome]:
    outcomes = []
    for name, func in steps:
        started = time.perf_counter()
        try:
            detail, status = func(ws), "ok"
        except Exception as error:  # noqa: BLE001  a self-test reports every failure, whatever it is
            detail, status = f"{type(error).__name__}: {error}\n{traceback.format_exc()}", "failed"
        outcomes.append(Outcome(name, status, detail, time.perf_counter() - started))
    return outcomes


def report(outcomes: list[Outcome], print_line: Callable[[str], None] = print) -> int:
    """Print one line per step; 0 when nothing failed, 1 otherwise."""
    print_line(f"{APP_NAME} {__version__} self-test")
    for outcome in outcomes:
        first, _, rest = outcome.detail.partition("\n")
        print_line(f"{outcome.name}: {outcome.status} ({first}) {outcome.seconds * 1000:.0f} ms")
        if rest:
            print_line(rest.rstrip())
    failed = [o.name for o in outcomes if o.status == "failed"]
    print_line(f"self-test failed: {', '.join(failed)}" if failed else "self-test passed")
    return 1 if failed else 0


def run(extra_steps: Iterable[Step] = ()) -> int:
    with tempfile.TemporaryDirectory(prefix="feltbog-selftest-") as folder:
        ws = Workspace(Path(folder))
        try:
            outcomes = run_steps([*CORE_STEPS, *extra_steps], ws)
        finally:
            if ws.store is not None:
                ws.store.close()
    return report(outcomes)
