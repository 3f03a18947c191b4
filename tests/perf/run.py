"""Run Feltbog's benchmarks: ``python tests/perf/run.py [--only NAME] [--size N]``.

Each ``bench_<name>.py`` beside this file defines ``run(args) -> list[dict]``; every
figure is printed as one JSON object per line. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--only", choices=BENCHES, action="append", help="run only this benchmark (repeatable)"
    )
    parser.add_argument(
        "--size", type=int, default=None, help="data size (each benchmark has its own default)"
    )
    parser.add_argument("--seed", type=int, default=None, help="random seed (benchmarks that use one)")
    args = parser.parse_args(argv)
    sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent.parent)]
    failed = False
    for name in args.only or BENCHES:
        module = importlib.import_module(f"bench_{name}")
        for figure in module.run(args):
            print(json.dumps({"bench": name, **figure}, ensure_ascii=False), flush=True)
            failed |= figure.get("ok") is False
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
