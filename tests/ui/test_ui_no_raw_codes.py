"""No stored code (an enum value, an id) is shown where a person reads: lists, the change log."""

from __future__ import annotations

import re
from datetime import date

import pytest

from fieldapp.demo import build_demo
from fieldapp.domain import enums
from fieldapp.store import Store

CODES = {
    member.value
    for vocabulary in vars(enums).values()
    if isinstance(vocabulary, type)
    and issubclass(vocabulary, enums.Vocabulary)
    and vocabulary is not enums.Vocabulary
    for member in vocabulary
}
ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def cells(model):
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            value = model.index(row, column).data()
            if isinstance(value, str):
                yield value


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("codes") / "demo.sqlite"
    with Store.open(path) as store:
        build_demo(store, size=40, seed=3, today=date(2026, 11, 1))
    return path


@pytest.mark.parametrize("lang", ["da", "en"])
def test_lists_and_the_change_log_show_words_not_codes(launch, demo_path, tmp_path, lang, qtbot):
    import shutil

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_path, path)
    app = launch("--db", str(path), "--lang", lang)
    window = app.window
    shown: list[str] = []
    for key in ("activities", "people", "areas", "organisations", "actions"):
        shown += cells(window.go(key).table.model())
    log = window.show_change_log()
    shown += cells(log.model)
    assert len(shown) > 500
    raw = sorted({value for value in shown if value in CODES or ID.match(value)})
    assert raw == []
