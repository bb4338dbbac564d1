"""Acceptance of issue #14: no service or RPC name of this repo's API (collected from proto/'s descriptors),
no "Layotto" and not its default port appear in generator/l8gen/ - the Layotto-specific behaviour is data in
the root pyproject.toml ([tool.l8gen.api]).

Files that still name them are listed in ``REMAINING`` - a shrinking allow-list: a listed file that no longer
names anything fails the test too, so the list is kept exact.
"""

from __future__ import annotations

import tomllib

from tests.api_profile.names import NameMatcher, api_names
from tests.conftest import PROTO_ROOT, REPO

PACKAGE = REPO / "generator" / "l8gen"
SUFFIXES = {".py", ".j2", ".toml", ".md", ".json", ".txt", ".ts", ".go", ".cc", ".h", ".js", ".css", ".yaml"}
# Relative to generator/l8gen/. Still naming Layotto's RPCs/services (templates written for its API).
REMAINING: frozenset[str] = frozenset({
    "languages/cpp/consumer/main.cc",
    # The flattened forms' runtime round-trip tests (issue #16) and the gates that render them only for an
    # API with those RPCs' signatures.
    "languages/cpp/target.py",
    "languages/cpp/templates/tests/flat_test.cc.j2",
    "languages/go/target.py",
    "languages/go/templates/flat_test.go.j2",
    "languages/node/templates/test/flat.test.ts.j2",
    "languages/python/templates/tests/test_flattened.py.j2",
    # The value layer's runtime tests, the examples/orders programs (this API's scenario: state, config
    # watch, lock, file round trip) and the Go README's "request objects vs values" table (issue #16).
    "languages/go/templates/README.md.j2",
    "languages/go/templates/examples/orders/main.go.j2",
    "languages/go/templates/values_test.go.j2",
    "languages/node/templates/examples/orders/main.mjs.j2",
    "languages/node/templates/test/close.test.ts.j2",
    "languages/node/templates/test/values.test.ts.j2",
    "languages/python/templates/examples/orders/main.py.j2",
    "languages/python/templates/tests/test_values.py.j2",
    "languages/cpp/templates/examples/orders/main.cc.j2",
    "languages/cpp/templates/tests/values_test.cc.j2",
    # The demo tours and the Go Example functions with // Output: (issue #17): this API's scenario.
    "languages/cpp/templates/examples/tour/main.cc.j2",
    "languages/go/templates/cmd/l8-tour/main.go.j2",
    "languages/go/templates/example_runtime_test.go.j2",
    "languages/node/templates/examples/tour.mjs.j2",
    "languages/python/templates/examples/tour.py.j2",
    "languages/cpp/templates/tests/client_test.cc.j2",
    "languages/cpp/templates/tests/helpers_test.cc.j2",
    "languages/cpp/templates/tests/streams_test.cc.j2",
    "languages/cpp/templates/tests/test_runtime.h.j2",
    "languages/go/consumer/main.go",
    "languages/node/consumer/smoke.ts",
    "languages/node/templates/README.md.j2",
    "languages/node/templates/test/calls.test.ts.j2",
    "languages/node/templates/test/pubsub.test.ts.j2",
    "languages/python/consumer/smoke_client.py",
    "languages/python/templates/README.md.j2",
    "languages/python/templates/tests/test_runtime.py.j2",
    "reference/templates/html/_base.html.j2",
})


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


def test_no_api_name_in_the_generator_outside_the_allow_list() -> None:
    hits = _hits()
    unexpected = {path: sorted(set(found)) for path, found in hits.items() if path not in REMAINING}
    assert unexpected == {}, "name the feature through [tool.l8gen.api] / the IR instead"


def test_the_allow_list_only_shrinks() -> None:
    hits = _hits()
    stale = sorted(path for path in REMAINING if (PACKAGE / path).is_file() and path not in hits)
    assert stale == [], "these files name nothing any more: remove them from REMAINING"
