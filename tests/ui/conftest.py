"""Fixtures for driving the desktop app as a user would (offscreen, see tests/conftest.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from fieldapp.domain import Action, Activity, ActivityKind, Area, Person
from fieldapp.store import Store
from fieldapp.ui.dialogs import Dialogs


class AnsweringDialogs(Dialogs):
    """Answers the app's questions the way a test prepared, and remembers what it was told."""

    def __init__(self, first_run: str | None = "empty", files: list[str] | None = None, confirm: bool = True):
        super().__init__()
        self.first_run_answer = first_run
        self.files = files or []
        self.confirm_answer = confirm
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.confirms: list[tuple[str, str]] = []
        self.asked: list[tuple[str, str]] = []
        self.ask_answer = True
        self.save_as: str | None = None  # the file name "typed" into the save dialog
        self.report_choice = None  # a ReportChoice, or None to take the options dialog's defaults
        self.opened_urls: list = []
        self.folder: str | None = None  # the folder "picked" in the folder dialog
        self.choices: list[tuple[str, list[str]]] = []
        self.choose_answer = lambda options: len(options) - 1  # the last option: create the new person

    def choose_folder(self, parent, title):
        return self.folder

    def save_file(self, parent, title, suggested, name_filter):
        return self.save_as

    def report_options(self, parent, kind, lang):
        from fieldapp.ui.report_export import ReportChoice

        return self.report_choice or ReportChoice(lang=lang)

    def ask(self, parent, title, text, accept_text, *, safe_default=False):
        self.asked.append((title, text))
        return self.ask_answer

    def choose(self, parent, title, text, options):
        """Answers with ``choose_answer``: an index, or a function of the options (``None``: Cancel)."""
        self.choices.append((text, list(options)))
        answer = self.choose_answer
        return answer(options) if callable(answer) else answer

    def open_url(self, url):
        self.opened_urls.append(url)
        return True

    def open_files(self, parent, title, name_filter):
        return list(self.files)

    def error(self, parent, title, text):
        self.errors.append((title, text))

    def info(self, parent, title, text):
        self.infos.append((title, text))

    def confirm(self, parent, title, text, accept_text=None):
        self.confirms.append((title, text))
        return self.confirm_answer

    def first_run(self, parent):
        return self.first_run_answer


class MemoryKeyring(KeyringBackend):
    """The operating system's key store, in memory: tests never touch the real one."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("not kept")


@pytest.fixture(autouse=True)
def key_store() -> MemoryKeyring:
    """Every UI test gets an empty in-memory key store (``keyring.set_keyring`` is keyring's own seam)."""
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """Settings, logs and the default notebook all go to a fresh folder."""
    monkeypatch.setenv("FELTBOG_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def dialogs() -> AnsweringDialogs:
    return AnsweringDialogs()


@pytest.fixture
def launch(qtbot, home, dialogs):
    """``launch(*argv)`` starts the app and returns its controller; all are shut down afterwards."""
    from fieldapp.ui.app import Feltbog, start

    started: list[Feltbog] = []

    def _launch(*argv: str, answering: AnsweringDialogs | None = None):
        result = start(list(argv), dialogs=answering or dialogs)
        if isinstance(result, Feltbog):
            started.append(result)
            qtbot.addWidget(result.window)
            qtbot.waitExposed(result.window)
            result.window.activateWindow()  # shortcuts only reach the active window
            qtbot.waitUntil(result.window.isActiveWindow)
        return result

    yield _launch
    for controller in started:
        if controller.window is not None:
            controller.window.close()
        controller.shutdown()


def fill_notebook(path: Path, activities: int = 6) -> dict[str, str]:
    """A small notebook with areas, people, activities and actions; returns some ids."""
    store = Store.open(path)
    try:
        vestby = store.add(Area(name="Vestbyen", municipality="Vejle"))
        give = store.add(Area(name="Give", municipality="Vejle", phase="develop_leaders"))
        staff = store.add(Person(name="Mette Kristensen", is_staff=True))
        hanne = store.add(Person(name="Hanne Østergaard", area_id=vestby.id))
        store.add(Person(name="Jens Ærø", area_id=give.id, leadership_stage="emerging"))
        now = datetime(2026, 5, 4, 10, 0)
        first = None
        kinds = list(ActivityKind)
        for number in range(activities):
            activity = store.add(
                Activity(
                    kind=kinds[number % 3],
                    title=f"Møde nummer {number}",
                    area_id=(vestby if number % 2 else give).id,
                    starts_at=now - timedelta(days=number),
                    facilitator_id=staff.id,
                )
            )
            first = first or activity
        store.add_observation(first.id, "Bænken ved legepladsen er væk", "concern", themes=["legeplads"])
        store.add(
            Action(
                text="Ring til lokalrådet",
                owner_id=staff.id,
                area_id=vestby.id,
                due_date=date.today() - timedelta(days=3),
            )
        )
        return {"vestby": vestby.id, "give": give.id, "hanne": hanne.id, "staff": staff.id, "first": first.id}
    finally:
        store.close()


@pytest.fixture
def notebook(home) -> tuple[Path, dict[str, str]]:
    path = home / "filled.sqlite"
    return path, fill_notebook(path)
