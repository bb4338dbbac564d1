"""l8compat.example_lines: what counts as a line of user code per language, and every generated
examples/orders program within the limit of issue 16 (40 lines)."""

from __future__ import annotations

from pathlib import Path

import pytest
from l8compat.example_lines import LIMIT, check, orders_programs, user_lines

ROOT = Path(__file__).resolve().parents[2]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GO = """// Code generated. DO NOT EDIT.

// A comment.
package main

import (
\t"context"
\tl8 "example.com/l8"
)

import "log"

/* a block
   comment */
func main() {
\tctx := context.Background() // trailing comments keep the line
\tlog.Print(ctx, l8.X)
}
"""
PY = '''# header
"""Docstring
over two lines."""

import io
from l8sdk import (
    Client,
)

with Client() as c:  # one
    # a comment
    print(io.BytesIO(b""))
'''
JS = """// header
import assert from "node:assert/strict";
import {
  Client,
} from "@l8sdk/sdk";

const client = new Client();
/* block */
assert.ok(client);
"""
CC = """// header
#include <iostream>
#include "l8/client.h"

int main() {
  std::cout << "ok\\n";  // counted
  return 0;
}
"""


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("main.go", GO, 4), ("main.py", PY, 2), ("main.mjs", JS, 2), ("main.cc", CC, 4),
])
def test_comments_blank_lines_and_imports_are_not_user_code(tmp_path: Path, name: str, text: str,
                                                             expected: int) -> None:
    assert user_lines(_write(tmp_path / name, text)) == expected


def test_unknown_suffix_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no line-counting rule"):
        user_lines(_write(tmp_path / "main.rb", "puts 1\n"))


def test_a_program_over_the_limit_is_reported(tmp_path: Path) -> None:
    body = "".join(f"\tx{i} := {i}\n" for i in range(LIMIT))
    _write(tmp_path / "sdks/go/examples/orders/main.go", f"package main\n\nfunc main() {{\n{body}}}\n")
    _write(tmp_path / "sdks/python/examples/orders/main.py", "print(1)\n")
    counts, over = check(tmp_path)
    assert counts == {"go": LIMIT + 2, "python": 1}
    assert over == [f"go/examples/orders has {LIMIT + 2} lines of user code (limit {LIMIT})"]


def test_every_generated_orders_program_is_within_the_limit() -> None:
    programs = orders_programs(ROOT)
    assert {"python", "go", "node"} <= set(programs)  # every SDK with an orders example is counted
    counts, over = check(ROOT)
    assert over == [], counts
