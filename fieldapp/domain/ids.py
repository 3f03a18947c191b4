"""Row ids: time-ordered UUIDv7 for new rows, name-based UUIDv5 for rows that two
laptops must agree on without talking to each other (a theme, a participant)."""

from __future__ import annotations

import os
import re
import time
import uuid

# Fixed namespace so that every Feltbog install derives the same ids.
FELTBOG_NAMESPACE = uuid.UUID("6f1c2a52-8d5e-4a57-9a0b-3c0e0b7d9a11")


def uuid7(unix_ms: int | None = None) -> str:
    """A UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then randomness.

    Python only gains ``uuid.uuid7`` in 3.14; the layout is short enough to
    build here rather than pull in a dependency for it.
    """
    ms = int(time.time() * 1000) if unix_ms is None else unix_ms
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & 0xFFFF_FFFF_FFFF) << 80
    value |= 0x7 << 76  # version
    value |= ((rand >> 68) & 0xFFF) << 64  # rand_a
    value |= 0b10 << 62  # variant
    value |= rand & 0x3FFF_FFFF_FFFF_FFFF
    return str(uuid.UUID(int=value))


def derived_id(*parts: str) -> str:
    """A stable id for a row identified by its content, e.g. (activity, person)."""
    return str(uuid.uuid5(FELTBOG_NAMESPACE, "\x1f".join(parts)))


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def is_uuid(text: object) -> bool:
    """True for a canonical lower-case hyphenated UUID string (as ``str(uuid.UUID(...))`` writes it)."""
    return type(text) is str and _CANONICAL_UUID.fullmatch(text) is not None
