"""l8compat.templating: native values, per-case uuid, captured vars, strict undefined."""

from __future__ import annotations

import base64

import pytest
from l8compat.templating import Scope, TemplateFailure, b64rand, render


def test_whole_expression_keeps_native_type() -> None:
    scope = Scope("Runtime.GetState/x", "run1")
    scope.vars["n"] = 41
    assert render("{{ vars.n + 1 }}", scope) == 42
    assert render(["{{ [1, 2] }}"], scope) == [[1, 2]]


def test_mixed_string_is_rendered_as_text() -> None:
    scope = Scope("Runtime.GetState/x", "run1")
    scope.vars["e"] = "7"
    assert render("etag-{{ vars.e }}!", scope) == "etag-7!"


def test_uuid_is_stable_within_a_case_and_differs_between_cases() -> None:
    a, b = Scope("c/1", "r"), Scope("c/1", "r")
    assert render("k-{{ uuid }}", a) == render("k-{{ uuid }}", a)
    assert render("k-{{ uuid }}", a) != render("k-{{ uuid }}", b)
    assert len(render("{{ uid }}", a)) == 12


def test_case_id_is_a_slug() -> None:
    assert render("{{ case_id }}", Scope("Runtime.GetState/Round_Trip", "r")) == "runtime-getstate-round-trip"


def test_b64_helpers_round_trip() -> None:
    scope = Scope("c/1", "r")
    assert render("{{ b64('héllo') }}", scope) == base64.b64encode("héllo".encode()).decode()
    assert render("{{ unb64(b64('x y')) }}", scope) == "x y"
    data = render("{{ b64rand(1000, 's') }}", scope)
    assert len(base64.b64decode(data)) == 1000
    assert data == b64rand(1000, "s") != b64rand(1000, "t")
    assert render("{{ b64slice(b64('abcdef'), 2, 4) }}", scope) == base64.b64encode(b"cd").decode()


def test_undefined_name_is_an_error_naming_the_template() -> None:
    with pytest.raises(TemplateFailure, match="vars.missing"):
        render("x{{ vars.missing }}", Scope("c/1", "r"))
    with pytest.raises(TemplateFailure):
        render("{{ nope }}", Scope("c/1", "r"))


def test_keys_are_rendered_too() -> None:
    scope = Scope("c/1", "r")
    assert render({"k-{{ case_id }}": 1}, scope) == {"k-c-1": 1}
