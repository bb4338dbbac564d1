"""Acceptance of issue #14: no service or RPC name of this repo's API (collected from proto/'s descriptors),
no "Layotto" and not its default port appear in generator/l8gen/ - the Layotto-specific behaviour is data in
the root pyproject.toml ([tool.l8gen.api]) and the API's own SDK templates ([tool.l8gen] templates =
proto/sdk-templates: its runtime tests, tours, examples, README sections, publish consumer programs).
"""

from __future__ import annotations

import tomllib

from tests.api_profile.names import NameMatcher, api_names
from tests.conftest import PROTO_ROOT, REPO

PACKAGE = REPO / "generator" / "l8gen"
SUFFIXES = {".py", ".j2", ".toml", ".md", ".json", ".txt", ".ts", ".go", ".cc", ".h", ".js", ".css", ".yaml"}


def _hits() -> dict[str, list[str]]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    port = str(config["tool"]["l8gen"]["api"]["default_port"])
    matcher = NameMatcher(api_names(PROTO_ROOT), ["Layotto", port])
    out: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix not in SUFFIXES:
            continue
        found = matcher.find(path.read_text(encoding="utf-8", errors="replace"))
        if found:
            out[path.relative_to(PACKAGE).as_posix()] = found
    return out


def test_the_names_are_collected_from_the_descriptors() -> None:
    names = api_names(PROTO_ROOT)
    assert len(names) > 60  # services and RPCs of proto/, not a hand-written list
    assert NameMatcher(names).find("x.v1.Runtime/SayHello") == ["Runtime", "SayHello"]


def test_no_api_name_in_the_generator() -> None:
    hits = {path: sorted(set(found)) for path, found in _hits().items()}
    assert hits == {}, "name the feature through [tool.l8gen.api] / the IR, or move it to proto/sdk-templates"


def test_the_matcher_finds_the_names_in_the_api_templates() -> None:
    """The grep can fail: the API's own templates (moved out of the generator) do name its RPCs."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    templates = REPO / config["tool"]["l8gen"]["templates"]
    matcher = NameMatcher(api_names(PROTO_ROOT), ["Layotto"])
    assert matcher.find((templates / "python" / "tests" / "test_runtime.py.j2").read_text(encoding="utf-8"))
