"""Print the largest modules and functions of fieldapp/ (lines), for the code-health figures.

Usage: python tools/code_size.py [N]   (default: the 5 largest of each)
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "fieldapp"


def sizes() -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    modules: list[tuple[int, str]] = []
    functions: list[tuple[int, str]] = []
    for path in sorted(ROOT.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT.parent).as_posix()
        modules.append((len(text.splitlines()), name))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                functions.append((node.end_lineno - first + 1, f"{name}:{node.lineno} {node.name}"))
    return sorted(modules, reverse=True), sorted(functions, reverse=True)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    modules, functions = sizes()
    print("largest modules (lines):")
    for lines, name in modules[:count]:
        print(f"  {lines:5d}  {name}")
    print("largest functions (lines):")
    for lines, name in functions[:count]:
        print(f"  {lines:5d}  {name}")


if __name__ == "__main__":
    main()
