"""Run benchmarks: ``python tests/perf/run.py [--only NAME] [--size N]``.

Each module ``bench_<name>.py`` here exposes ``run(args) -> list[dict]``; every
result is printed as one JSON object per line. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
# Register benchmark modules here (bench_<name>.py).
BENCHMARKS = ["sync"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", action="append", choices=BENCHMARKS, help="run only this benchmark")
    parser.add_argument("--size", type=int, default=None, help="problem size (each benchmark has its default)")
    args = parser.parse_args(argv)
    sys.path[:0] = [str(ROOT), str(HERE)]
    failed = False
    for name in args.only or BENCHMARKS:
        module = importlib.import_module(f"bench_{name}")
        for result in module.run(args):
            print(json.dumps({"bench": name, **result}, ensure_ascii=False), flush=True)
            failed |= result.get("ok") is False
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
