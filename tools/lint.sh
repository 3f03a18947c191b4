#!/usr/bin/env bash
# The lint step of .ci/run, for a checkout that already has a venv: ruff (rules and format) over
# the whole tree and mypy over fieldapp/, with the versions pinned in pyproject's `lint` extra.
#
#   tools/lint.sh            check; non-zero exit on any finding
#   tools/lint.sh --fix      let ruff fix what it can and reformat first, then check
#
# Uses .venv/bin/ (or $VENV/bin/) when it has the tools, else whatever is on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${VENV:-.venv}/bin"
[ -x "$bin/ruff" ] && [ -x "$bin/mypy" ] || bin="$(dirname "$(command -v ruff)")"

if [ "${1:-}" = "--fix" ]; then
    "$bin/ruff" check --fix .
    "$bin/ruff" format .
fi

status=0
"$bin/ruff" check . || status=1
"$bin/ruff" format --check . || status=1
"$bin/mypy" || status=1   # files and options come from [tool.mypy] in pyproject.toml
exit $status
