"""A Layotto-format config (runtime-stub/examples/layotto-config.json) starts the runtime, which then serves
every API under that file's component names; driven with the Python SDK (l8sdk) over real gRPC."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from l8_runtime.config import ConfigError, load_config, parse_config
from l8_runtime.layotto_types import LAYOTTO_TYPES
from l8sdk import Client, L8Error
from l8sdk.pb import runtime_pb2

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "runtime-stub" / "examples" / "layotto-config.json"
PROFILE = ROOT / "compat-tests" / "targets" / "layotto-config.yaml"


def grpc_config() -> dict[str, Any]:
    cfg = json.loads(EXAMPLE.read_text())
    for listener in cfg["servers"][0]["listeners"]:
        for chain in listener.get("filter_chains", []):
            for flt in chain["filters"]:
                if flt["type"] == "grpc":
                    return dict(flt["config"]["grpc_config"])
    raise AssertionError("no grpc filter in the example")


def test_the_profile_names_the_example_components() -> None:
    profile = yaml.safe_load(PROFILE.read_text())
    raw = grpc_config()
    api_of = {
        "state_demo": "state",
        "lock_demo": "lock",
        "sequencer_demo": "sequencer",
        "pub_subs_demo": "pub_subs",
        "config_demo": "config_store",
        "file_demo": "file",
        "secret_demo": "secret_store",
    }
    assert set(profile["components"]) == set(api_of)
    for contract, name in profile["components"].items():
        assert name != contract and list(raw[api_of[contract]]) == [name]
        layotto_type = raw[api_of[contract]][name]["type"]
        assert layotto_type in LAYOTTO_TYPES.get(api_of[contract], {}) or layotto_type in (
            "in-memory",
            "local",
            "local.file",
        )


def test_every_mapped_component_warns_once_and_is_a_local_type() -> None:
    cfg = load_config(EXAMPLE)
    raw = grpc_config()
    mapped = [
        (api, name)
        for api, comps in raw.items()
        if isinstance(comps, dict) and api != "app"
        for name, spec in comps.items()
        if spec["type"] in LAYOTTO_TYPES.get(api, {})
    ]
    assert len(mapped) >= 5
    for api, name in mapped:
        hits = [w for w in cfg.warnings if f": {api}.{name}: " in w]
        assert len(hits) == 1 and str(EXAMPLE) in hits[0]
        assert cfg.apis[api][name].type == LAYOTTO_TYPES[api][raw[api][name]["type"]].runtime_type
    assert cfg.apis["state"]["redis_state"].metadata == {}  # redisHost etc. are not passed on


def test_array_style_metadata_becomes_a_map() -> None:
    cfg = parse_config(
        {
            "pub_subs": {
                "p": {
                    "type": "in-memory",
                    "metadata": [
                        {"name": "maxDeliveryAttempts", "value": 3},
                        {"name": "consumerID", "value": "a"},
                    ],
                }
            }
        }
    )
    assert cfg.apis["pub_subs"]["p"].metadata == {"maxDeliveryAttempts": "3", "consumerID": "a"}
    with pytest.raises(ConfigError) as exc:
        parse_config({"state": {"s": {"type": "in-memory", "metadata": [{"value": "x"}]}}}, "c.json")
    assert str(exc.value).startswith("c.json: state.s.metadata[0]")


def test_a_type_without_local_equivalent_fails_naming_file_and_component(tmp_path: Path) -> None:
    raw = json.loads(EXAMPLE.read_text())
    text = json.dumps(raw).replace('"type": "redis_standalone"', '"type": "hazelcast"')
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    proc = subprocess.run(
        [sys.executable, "-m", "l8_runtime", "--config", str(bad), "--print-config"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"{bad}: lock.redis_lock: component type 'hazelcast' has no local equivalent" in proc.stderr


@pytest.fixture(scope="module")
def started() -> Iterator[tuple[Client, str]]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "l8_runtime",
            "--config",
            str(EXAMPLE),
            "--grpc-port",
            "0",
            "--http-port",
            "0",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    line = proc.stdout.readline()
    assert line.startswith("L8 RUNTIME READY"), proc.stderr.read()
    grpc_addr = line.split("grpc=")[1].split()[0]
    client = Client(grpc_addr)
    client.wait_for_ready(timeout=20)
    try:
        yield client, grpc_addr
    finally:
        client.close()
        proc.terminate()
        _, err = proc.communicate(timeout=20)
        # the warnings were logged once per mapped component
        assert err.count("state.redis_state: Layotto type 'redis'") == 1


def test_state_lock_sequencer_under_the_layotto_names(started: tuple[Client, str]) -> None:
    client, _ = started
    client.save_state(store_name="redis_state", states=[runtime_pb2.StateItem(key="k", value=b"v")])
    assert client.get_state(store_name="redis_state", key="k").data == b"v"
    with pytest.raises(L8Error) as exc:
        client.get_state(store_name="state_demo", key="k")
    assert exc.value.code == "INVALID_ARGUMENT" and "redis_state" in exc.value.message
    assert client.try_lock(store_name="redis_lock", resource_id="r", lock_owner="o", expire=5).success
    first = client.get_next_id(store_name="etcd_sequencer", key="ids").next_id
    assert client.get_next_id(store_name="etcd_sequencer", key="ids").next_id > first


def test_config_file_secret_pubsub_under_the_layotto_names(started: tuple[Client, str]) -> None:
    client, _ = started
    client.save_configuration(
        store_name="mem_config", items=[runtime_pb2.ConfigurationItem(key="a", content="1")]
    )
    assert [i.content for i in client.get_configuration(store_name="mem_config", keys=["a"]).items] == ["1"]
    client.put_file(iter([runtime_pb2.PutFileRequest(store_name="local_file", name="d/f.txt", data=b"file")]))
    assert b"".join(r.data for r in client.get_file(store_name="local_file", name="d/f.txt")) == b"file"
    assert dict(client.get_secret(store_name="local_secret", key="db-password").data) == {
        "db-password": "s3cr3t"
    }
    got: queue.Queue[bytes] = queue.Queue()
    with client.subscribe_with_handler("mem_pubsub", "t", lambda ev: got.put(ev.data)) as sub:
        assert sub.wait_subscribed(10)
        client.publish_event(pubsub_name="mem_pubsub", topic="t", data=b"evt")
        assert got.get(timeout=10) == b"evt"


def test_sdk_watch_is_subscribed_by_the_initial_values(started: tuple[Client, str]) -> None:
    client, _ = started
    client.save_configuration(
        store_name="mem_config", items=[runtime_pb2.ConfigurationItem(key="w", content="now")]
    )
    seen: queue.Queue[list[tuple[str, str]]] = queue.Queue()
    watch = client.watch_configuration(
        lambda msg: seen.put([(i.key, i.content) for i in msg.items]), store_name="mem_config", keys=["w"]
    )
    try:
        assert watch.wait_subscribed(10)  # no change was made: the first message is the current value
        assert seen.get(timeout=5) == [("w", "now")]
    finally:
        watch.close(5)
