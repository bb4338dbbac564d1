"""l8compat.targets: profile loading/validation, component-name mapping, capabilities -> unsupported."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from l8compat.cases import load_cases, load_file
from l8compat.protos import Api
from l8compat.targets import (
    TARGETS_DIR,
    TargetError,
    capabilities,
    check_against_cases,
    load_profile,
    load_target,
    unsupported_reason,
)


def _profile(tmp_path: Path, text: str, name: str = "t.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def test_bare_host_port_is_an_external_target_without_profile() -> None:
    t = load_target("10.0.0.5:34904")
    assert t is not None and t.external and t.address == "10.0.0.5:34904"
    assert t.components == {} and t.callback_port == 0 and t.source == ""
    assert load_target("") is None  # the reference runtime


def test_layotto_shape_address_and_components_only(tmp_path: Path) -> None:
    """The shape helper `fidelity` writes for a Layotto config: address + components, nothing else."""
    path = _profile(tmp_path, "address: 127.0.0.1:34904\ncomponents: {state_demo: redis_state}\n")
    t = load_target(str(path))
    assert t is not None and t.name == "t" and t.external
    assert t.map_names({"storeName": "state_demo", "key": "state_demo-1"}) == {
        "storeName": "redis_state",
        "key": "state_demo-1",  # only whole values are component names
    }


def test_mapping_reaches_nested_values_and_error_messages(tmp_path: Path) -> None:
    t = load_profile(_profile(tmp_path, "address: h:1\ncomponents: {lock_demo: lk, state_demo: st}\n"))
    mapped = t.map_names(
        {
            "requests": [{"storeName": "lock_demo"}],
            "error": {"code": "INVALID_ARGUMENT", "message_contains": "store state_demo not found"},
            "other": "state_demo",
        }
    )
    assert mapped["requests"] == [{"storeName": "lk"}]
    assert mapped["error"]["message_contains"] == "store st not found"
    assert mapped["other"] == "st"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("address: nowhere\n", "address"),
        ("address: h:1\ncallback: {host: x}\n", "port"),
        ("address: h:1\nlacks: [a, a]\n", "lacks"),
        ("address: h:1\nruntime_args: [--x]\n", "only applies to address: container"),
        ("address: container\nruntime_config: missing.yaml\n", "no such file"),
        ("address: h:1\nknown_deviations: [{case: a}]\n", "reason"),
        ("address: h:1\nkonwn_deviations: []\n", "konwn_deviations"),
    ],
)
def test_bad_profiles_are_clear_errors(tmp_path: Path, text: str, needle: str) -> None:
    with pytest.raises(TargetError, match=needle):
        load_profile(_profile(tmp_path, text))


def test_unknown_target_name_lists_the_profiles() -> None:
    with pytest.raises(TargetError, match="reference-variant"):
        load_target("no-such-profile")


def test_capabilities_come_from_services_rpcs_requires_and_tags(
    api: Api, case_file: Callable[[str, str], Path]
) -> None:
    path = case_file(
        """
        service: Runtime
        cases:
          - name: c
            rpc: GetState
            kind: happy
            requires: [control]
            capabilities: [strong_consistency]
            steps:
              - call: SaveState
                request: {storeName: state_demo, states: []}
              - call: GetState
                request: {storeName: state_demo, key: k}
        """
    )
    (case,) = load_file(path, api, path.parents[1])
    caps = capabilities(case)
    assert {"Runtime", "Runtime.GetState", "Runtime.SaveState", "control", "strong_consistency"} <= caps
    assert "Runtime.PublishEvent" not in caps


def test_a_lacked_capability_makes_the_case_unsupported(api: Api, tmp_path: Path) -> None:
    cases = {c.id: c for c in load_cases(api)}
    t = load_profile(
        _profile(tmp_path, "address: h:1\nlacks: [ObjectStorageService, publish_returns_before_ack]\n")
    )
    s3 = next(c for cid, c in cases.items() if cid.startswith("ObjectStorageService."))
    assert "ObjectStorageService" in unsupported_reason(t, s3)
    assert "publish_returns_before_ack" in unsupported_reason(
        t, cases["Runtime.SubscribeTopicEvents/stream_ack_success"]
    )
    assert unsupported_reason(t, cases["Runtime.SubscribeTopicEvents/stream_retry_redelivers"]) == ""


def test_profile_entries_must_name_something(api: Api, tmp_path: Path) -> None:
    t = load_profile(
        _profile(
            tmp_path,
            """
            address: h:1
            lacks: [ObjectStorageServce]
            known_deviations: [{case: Runtime.GetState/nope, reason: r}]
            """,
        )
    )
    problems = check_against_cases(t, load_cases(api))
    assert any("ObjectStorageServce" in p for p in problems)
    assert any("Runtime.GetState/nope matches no case" in p for p in problems)


def test_shipped_profiles_are_valid_and_name_real_cases(api: Api) -> None:
    cases = load_cases(api)
    profiles = sorted(TARGETS_DIR.glob("*.yaml"))  # runtime configs live in targets/configs/
    assert any(p.stem == "reference-variant" for p in profiles)
    for path in profiles:
        t = load_profile(path)
        assert check_against_cases(t, cases) == [], path
    variant = load_profile(TARGETS_DIR / "reference-variant.yaml")
    assert variant.address == "container" and variant.runtime_config is not None
    assert variant.components["state_demo"] != "state_demo"
