"""Run the benchmarks: ``python tests/perf/run.py [--only NAME] [--size N]``.

Each benchmark module (``bench_<topic>.py`` beside this file) has ``run(args) -> list[dict]``;
every result is printed as one JSON object per line. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["bench_ui"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=BENCHMARKS, help="run just this benchmark module")
    parser.add_argument("--size", type=int, default=100_000, help="number of activities in the test notebook")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parent.parent))
    for name in BENCHMARKS:
        if args.only and name != args.only:
            continue
        module = importlib.import_module(name)
        for result in module.run(args):
            print(json.dumps({"benchmark": name, **result}, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
