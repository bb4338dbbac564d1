"""l8compat.cases: schema validation with file:line and path, semantic checks against proto/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from l8compat.cases import CASES_DIR, CaseError, calls_any, load_cases, load_file, ordered
from l8compat.protos import Api

GOOD = """\
service: spec.proto.runtime.v1.Runtime
rpc: GetState
cases:
  - name: roundtrip
    kind: happy
    setup:
      - call: SaveState
        request: {storeName: state_demo, states: [{key: "k-{{ uuid }}", value: "{{ b64('v') }}"}]}
    steps:
      - call: GetState
        request: {storeName: state_demo, key: "k-{{ uuid }}"}
        expect: {response: {data: "{{ b64('v') }}"}}
        capture: {etag: response.etag}
"""


def test_good_file_loads(api: Api, case_file: Callable[..., Path]) -> None:
    path = case_file(GOOD)
    [case] = load_file(path, api, path.parents[1])
    assert case.id == "Runtime.GetState/roundtrip"
    assert case.rpc.key == "spec.proto.runtime.v1.Runtime/GetState"
    assert case.uses == {"spec.proto.runtime.v1.Runtime/SaveState", "spec.proto.runtime.v1.Runtime/GetState"}
    assert [s.action for s in case.all_steps()] == ["call", "call"]
    assert case.line == 4


def test_schema_error_names_file_line_and_path(api: Api, case_file: Callable[..., Path]) -> None:
    path = case_file(GOOD.replace("kind: happy", "kind: happpy"))
    with pytest.raises(CaseError) as err:
        load_file(path, api, path.parents[1])
    msg = str(err.value)
    assert "cases/runtime/state.yaml:5 cases[0].kind" in msg
    assert "happpy" in msg


def test_unknown_request_field_is_reported_with_path(api: Api, case_file: Callable[..., Path]) -> None:
    path = case_file(GOOD.replace('key: "k-{{ uuid }}"}\n        expect', "kee: x}\n        expect"))
    with pytest.raises(CaseError, match=r"state.yaml:\d+ cases\[0\].steps\[0\].request.*no field 'kee'"):
        load_file(path, api, path.parents[1])


def test_unknown_rpc(api: Api, case_file: Callable[..., Path]) -> None:
    path = case_file(GOOD.replace("- call: GetState", "- call: GetStat"))
    with pytest.raises(CaseError, match="unknown rpc spec.proto.runtime.v1.Runtime/GetStat"):
        load_file(path, api, path.parents[1])


def test_step_with_two_actions_or_foreign_keys(api: Api, case_file: Callable[..., Path]) -> None:
    path = case_file(GOOD.replace("        capture: {etag: response.etag}", "        count: 3"))
    with pytest.raises(CaseError, match=r"'call' step does not take \['count'\]"):
        load_file(path, api, path.parents[1])


def test_send_on_unopened_stream(api: Api, case_file: Callable[..., Path]) -> None:
    text = """\
    service: Runtime
    rpc: SubscribeConfiguration
    cases:
      - name: s
        kind: stream
        steps:
          - send: w
            message: {storeName: config_demo}
    """
    path = case_file(text, "runtime/cfg.yaml")
    with pytest.raises(CaseError, match="stream 'w' was not opened"):
        load_file(path, api, path.parents[1])


def test_case_must_call_its_rpc(api: Api, case_file: Callable[..., Path]) -> None:
    path = case_file(GOOD.replace("rpc: GetState", "rpc: DeleteState"))
    with pytest.raises(CaseError, match="never calls it"):
        load_file(path, api, path.parents[1])


def test_appcallback_cases_require_callback(api: Api, case_file: Callable[..., Path]) -> None:
    text = """\
    service: spec.proto.runtime.v1.AppCallback
    rpc: OnTopicEvent
    cases:
      - name: e
        kind: callback
        steps:
          - call: PublishEvent
            service: Runtime
            request: {pubsubName: pub_subs_demo, topic: t}
    """
    path = case_file(text, "appcallback/e.yaml")
    with pytest.raises(CaseError, match="must require 'callback'"):
        load_file(path, api, path.parents[1])


def test_duplicate_ids_and_all_errors_reported(api: Api, case_file: Callable[..., Path]) -> None:
    a = case_file(GOOD, "runtime/a.yaml")
    case_file(GOOD, "runtime/b.yaml")
    case_file("service: Runtime\ncases: []\n", "runtime/c.yaml")
    with pytest.raises(CaseError) as err:
        load_cases(api, a.parents[1])
    assert "duplicate case id Runtime.GetState/roundtrip" in str(err.value)
    assert "runtime/c.yaml" in str(err.value)


def test_middle_cases_run_half_way(api: Api, case_file: Callable[..., Path]) -> None:
    text = GOOD + "".join(
        f"  - name: n{i}\n    kind: happy\n    steps:\n      - call: GetState\n" for i in range(4)
    )
    text += "  - name: restart\n    kind: fault\n    schedule: middle\n    steps:\n      - call: GetState\n"
    path = case_file(text)
    cases = ordered(load_file(path, api, path.parents[1]))
    assert [c.name for c in cases].index("restart") == 2


def test_the_real_case_set_loads(api: Api) -> None:
    cases = load_cases(api, CASES_DIR)
    assert {c.rpc.key for c in cases} == {r.key for r in api.api_rpcs()}


def test_calls_any_matches_the_rpcs_a_case_calls_by_short_service_name(
    api: Api, case_file: Callable[..., Path]
) -> None:
    path = case_file(GOOD)
    [case] = load_file(path, api, path.parents[1])  # calls SaveState (setup) and GetState
    assert calls_any(case, ["Runtime/SaveState"]) and calls_any(case, ["Runtime/Get*"])
    assert not calls_any(case, ["Runtime/TryLock", "CryptionService/*"])
    assert not calls_any(case, ["spec.proto.runtime.v1.Runtime/GetState"])  # short service names only
    assert calls_any(case, [])  # no filter: every case
