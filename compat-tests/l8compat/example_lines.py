"""Count the lines of user code of every SDK's ``examples/orders`` program (issue 16: at most 40 each).

Place: the harness end of the pipeline, next to ``l8compat.examples`` (``nox -s orders``), which runs this
check before starting the runtime; ``compat-tests/tests/test_compat_example_lines.py`` runs it in
``nox -s tests`` too. It looks at every ``sdks/<language>/examples/orders/`` directory present (not a list of
known languages), so a new SDK's example is counted as soon as it is generated.

User code is every line except blank lines, comments (``//``, ``#``, ``/* ... */``, a Python module
docstring) and the declarations every program of the language needs before its first statement: Go's
``package`` clause and imports, Python imports, JavaScript/TypeScript imports, C/C++ ``#include`` lines.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Sequence
from pathlib import Path

LIMIT = 40
SOURCE_SUFFIXES = (".py", ".go", ".mjs", ".js", ".ts", ".cc", ".cpp", ".h", ".hpp")
_C_STYLE = {".go", ".mjs", ".js", ".ts", ".cc", ".cpp", ".h", ".hpp"}
_JS_IMPORT = re.compile(r"^import\b")
_JS_IMPORT_END = re.compile(r"""(\bfrom\s+)?["'][^"']+["'];?\s*$""")


def _python_lines(text: str) -> int:
    tree = ast.parse(text)
    skipped: set[int] = set()
    body = tree.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        skipped.update(range(body[0].lineno, (body[0].end_lineno or body[0].lineno) + 1))
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            skipped.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return sum(1 for number, line in enumerate(text.splitlines(), 1)
               if number not in skipped and line.strip() and not line.strip().startswith("#"))


def _c_style_lines(text: str, suffix: str) -> int:
    count, in_block, in_import = 0, False, False
    for raw in text.splitlines():
        line = raw.strip()
        if in_block:
            in_block = "*/" not in line
            continue
        if line.startswith("/*"):
            in_block = "*/" not in line
            continue
        if not line or line.startswith("//"):
            continue
        if suffix == ".go":
            if in_import:
                in_import = line != ")"
                continue
            if line.startswith("package "):
                continue
            if line.startswith("import"):
                in_import = line.endswith("(")
                continue
        elif suffix in {".mjs", ".js", ".ts"}:
            if in_import:
                in_import = not _JS_IMPORT_END.search(line)
                continue
            if _JS_IMPORT.match(line):
                in_import = not _JS_IMPORT_END.search(line)
                continue
        elif line.startswith("#include"):
            continue
        count += 1
    return count


def user_lines(path: Path) -> int:
    """Lines of user code in one source file (see the module docstring)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return _python_lines(text)
    if path.suffix in _C_STYLE:
        return _c_style_lines(text, path.suffix)
    raise ValueError(f"{path}: no line-counting rule for {path.suffix!r} files")


def orders_programs(root: Path) -> dict[str, list[Path]]:
    """language -> the source files of its ``examples/orders`` program, for every SDK that has one."""
    found: dict[str, list[Path]] = {}
    for directory in sorted(root.glob("sdks/*/examples/orders")):
        files = sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix in SOURCE_SUFFIXES)
        if files:
            found[directory.parents[1].name] = files
    return found


def check(root: Path, limit: int = LIMIT) -> tuple[dict[str, int], list[str]]:
    """(lines per language, one message per program over ``limit``)."""
    counts = {lang: sum(user_lines(p) for p in files) for lang, files in orders_programs(root).items()}
    over = [f"{lang}/examples/orders has {n} lines of user code (limit {limit})"
            for lang, n in counts.items() if n > limit]
    return counts, over


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    parser.add_argument("--limit", type=int, default=LIMIT)
    args = parser.parse_args(argv)
    counts, over = check(args.root, args.limit)
    print("orders lines of user code: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    for message in over:
        print(message, file=sys.stderr)
    return 1 if over or not counts else 0


if __name__ == "__main__":
    sys.exit(main())
