"""Hybrid logical clock: wall-clock milliseconds plus a counter, packed in one int.

An HLC value orders every field version. It never goes backwards, even when the
laptop's clock does, and it jumps forward past any value seen in an imported file,
so an edit made after an import always wins over what the file brought.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

COUNTER_BITS = 16
COUNTER_MAX = (1 << COUNTER_BITS) - 1
# A clock more than this far ahead of ours is treated as broken, not trusted.
MAX_DRIFT_MS = 24 * 3600 * 1000


class ClockDriftError(ValueError):
    """A remote clock value is implausibly far in the future."""


def pack(wall_ms: int, counter: int) -> int:
    return (wall_ms << COUNTER_BITS) | counter


def unpack(hlc: int) -> tuple[int, int]:
    return hlc >> COUNTER_BITS, hlc & COUNTER_MAX


def hlc_to_iso(hlc: int) -> str:
    """The wall-clock part of an HLC as UTC ISO-8601 (for created_at/updated_at)."""
    wall_ms = hlc >> COUNTER_BITS
    return f"{_second_iso(wall_ms // 1000)}{wall_ms % 1000:03d}Z"


@functools.lru_cache(maxsize=4096)
def _second_iso(second: int) -> str:
    # Rows written or imported together share their second: a sync import formats
    # a few hundred thousand stamps, mostly the same few seconds.
    return datetime.fromtimestamp(second, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.")


@dataclass
class HybridLogicalClock:
    """Issues strictly increasing HLC values. Persisting ``last`` is the store's job."""

    last: int = 0
    wall: Callable[[], int] = lambda: time.time_ns() // 1_000_000

    def now(self) -> int:
        wall_ms = self.wall()
        last_ms, counter = unpack(self.last)
        if wall_ms > last_ms:
            self.last = pack(wall_ms, 0)
        elif counter < COUNTER_MAX:
            self.last = pack(last_ms, counter + 1)
        else:  # 65,536 events in one millisecond: borrow the next millisecond
            self.last = pack(last_ms + 1, 0)
        return self.last

    def observe(self, remote: int) -> int:
        """Advance past a value seen in an imported file; refuse far-future values."""
        remote_ms, _ = unpack(remote)
        if remote_ms > self.wall() + MAX_DRIFT_MS:
            raise ClockDriftError(remote_ms)
        if remote > self.last:
            self.last = remote
        return self.last
