"""No hand-written module of the repository is over 400 lines (modules are split by concept).

Checks every source file of the repository's own code and tests — Python, Jinja2 templates, TypeScript /
JavaScript, Go and C++ — walking the tree. Exempt, and only these: what the generator writes (``sdks/``,
``docs/reference/``: generated and checked in), build and tool outputs (``node_modules``, ``.nox``,
``.cache``, ``dist``, ``compat-tests/.build``, ``compat-tests/results``), and data that is not code
(``.proto`` API definitions, YAML cases, JSON; not in ``SOURCE_SUFFIXES``).
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LIMIT = 400
SOURCE_SUFFIXES = {".py", ".j2", ".ts", ".mts", ".js", ".mjs", ".go", ".cc", ".cpp", ".h", ".hpp"}
GENERATED = {"sdks", "docs/reference"}  # l8gen's outputs, checked in (regenerate, never edit)
OUTPUTS = {"node_modules", ".nox", ".cache", "dist", "build", "__pycache__", ".build", "results", ".git",
           ".venv", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


def source_files(root: Path) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(root):
        rel = Path(folder).relative_to(root)
        dirs[:] = sorted(d for d in dirs if d not in OUTPUTS and (rel / d).as_posix() not in GENERATED)
        found += [Path(folder) / f for f in sorted(files) if Path(f).suffix in SOURCE_SUFFIXES]
    return found


def oversized(root: Path) -> list[str]:
    out = []
    for path in source_files(root):
        with path.open("rb") as f:
            count = sum(1 for _ in f)
        if count > LIMIT:
            out.append(f"{path.relative_to(root).as_posix()}: {count} lines")
    return out


def test_no_module_is_over_the_limit() -> None:
    files = source_files(REPO)
    assert len(files) > 300  # the walk sees the repository's code (the generator alone has hundreds)
    assert oversized(REPO) == []


def test_the_check_finds_a_long_module_and_skips_generated_trees(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "long.py").write_text("x = 1\n" * (LIMIT + 1))
    (tmp_path / "pkg" / "short.go").write_text("package p\n" * LIMIT)
    (tmp_path / "sdks" / "go").mkdir(parents=True)
    (tmp_path / "sdks" / "go" / "big.go").write_text("package p\n" * 1000)
    (tmp_path / "pkg" / "data.proto").write_text("// x\n" * 1000)
    assert oversized(tmp_path) == [f"pkg/long.py: {LIMIT + 1} lines"]
