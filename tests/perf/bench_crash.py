"""Long crash-safety run: SIGKILL the writer ``--size`` times (default 200).

Reports kills survived and confirmed writes lost (target: 0 lost).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from crash_harness import run_kills

DEFAULT_KILLS = 200


def run(args) -> list[dict]:
    kills = getattr(args, "size", None) or DEFAULT_KILLS
    seed = getattr(args, "seed", 1) or 1
    with tempfile.TemporaryDirectory(prefix="feltbog-crash-") as folder:
        totals = run_kills(kills, Path(folder), seed=seed)
    problems = totals.pop("problems")
    return [{**totals, "problems": problems[:20], "problem_count": len(problems)}]
