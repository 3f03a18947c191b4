"""Run the benchmarks: ``python tests/perf/run.py [--only NAME] [--size N]``.

Each benchmark is a module ``tests/perf/bench_<name>.py`` with ``run(args) -> list[dict]``;
every dict is printed as one JSON object per line. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
for folder in (ROOT, HERE.parent, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

# Benchmark module names (tests/perf/bench_<name>.py); add yours here.
BENCHMARKS = ["crash", "privacy"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Feltbog benchmarks")
    parser.add_argument("--only", action="append", help="run only this benchmark (repeatable)")
    parser.add_argument("--size", type=int, default=None, help="problem size; each benchmark has a default")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    names = args.only or BENCHMARKS
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    for name in names:
        module = importlib.import_module(f"bench_{name}")
        for result in module.run(args):
            print(json.dumps({"bench": name, **result}, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
