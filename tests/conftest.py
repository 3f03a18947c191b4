import os

# Set before anything imports Qt: the tests never need a real screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from fieldapp.store import Store


@pytest.fixture
def store(tmp_path):
    """A fresh notebook file in a temporary folder."""
    notebook = Store.open(tmp_path / "feltbog.sqlite")
    yield notebook
    notebook.close()
