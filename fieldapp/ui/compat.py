"""Work around a PySide6 6.12 reference-count bug that crashes the app on Python 3.11.

On CPython 3.11, PySide6 6.12 drops a reference to ``None``/``True``/``False`` on many
calls (an invalid ``QVariant`` returned to Python, a Python slot returning ``None`` …).
From Python 3.12 on these objects are immortal and the bug is harmless; on 3.11 their
count reaches zero after a few thousand calls and the interpreter aborts
("deallocating None"). We give the singletons a huge reference count once, which is
what 3.12's immortality amounts to. Measured with ``sys.getrefcount`` in
tests/ui/test_ui_compat.py.
"""

from __future__ import annotations

import ctypes
import sys

_PIN = 1 << 40
_pinned = False


def pin_singletons() -> None:
    global _pinned
    if _pinned or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False, Ellipsis, NotImplemented, (), ""):
        # ob_refcnt is the first field of every CPython object header.
        ctypes.c_ssize_t.from_address(id(obj)).value += _PIN
    _pinned = True
