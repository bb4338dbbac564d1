"""The clash fragments (tests/fragments/clashes) and the languages each must fail in."""

from __future__ import annotations

import re

import pytest
from l8gen.descriptors import compile_protos
from l8gen.ir.builder import build_api
from l8gen.ir.model import Api

from tests.conftest import FRAGMENTS

CLASH_DIR = FRAGMENTS / "clashes"


def clash_cases() -> list[tuple[str, frozenset[str]]]:
    """(file name, languages that must report a collision) from each fragment's first line."""
    cases = []
    for path in sorted(CLASH_DIR.glob("*.proto")):
        match = re.match(r"// expect-collision: ([a-z ]+?)\s*(\(|$)", path.read_text().splitlines()[0])
        assert match, f"{path.name}: first line must be '// expect-collision: <languages>'"
        cases.append((path.name, frozenset(match.group(1).split())))
    return cases


def clash_api(name: str) -> Api:
    return build_api(compile_protos(CLASH_DIR, [name]).fds, [name])


def clash_params(language: str) -> list[object]:
    return [pytest.param(name, language in langs, id=name) for name, langs in clash_cases()]
