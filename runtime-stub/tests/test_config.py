"""Configuration loading: embedded defaults, JSON/YAML files, whole Layotto files, --set overrides, errors."""

from __future__ import annotations

import json

import pytest
from l8_runtime.components.registry import Components
from l8_runtime.config import ConfigError, load_config, parse_config
from l8_runtime.errors import ApiError


def test_embedded_defaults_have_the_contract_names():
    cfg = load_config(None)
    assert cfg.apis["hellos"]["helloworld"].metadata == {"hello": "greetings"}
    assert set(cfg.apis["bindings"]) == {"echo", "recorder"}
    assert set(cfg.apis["state"]) == {"state_demo"}
    assert set(load_config(None, data_dir=True).apis["state"]) == {"state_demo", "state_sqlite"}
    assert cfg.app.callback_address is None


def test_yaml_file(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(
        "app:\n  app_id: shop\n  grpc_callback_port: 9999\nstate:\n  s1:\n    type: in-memory\n"
        "    metadata:\n      retries: 3\n      strict: true\n"
    )
    cfg = load_config(path)
    assert cfg.app.app_id == "shop" and cfg.app.callback_address == "127.0.0.1:9999"
    assert cfg.apis["state"]["s1"].metadata == {"retries": "3", "strict": "true"}
    assert "lock" not in cfg.apis  # a file replaces the embedded defaults


def test_whole_layotto_file_is_dug_for_grpc_config(tmp_path):
    layotto = {
        "servers": [
            {
                "listeners": [
                    {
                        "filter_chains": [
                            {
                                "filters": [
                                    {
                                        "type": "grpc",
                                        "config": {
                                            "server_name": "runtime",
                                            "grpc_config": {
                                                "hellos": {
                                                    "quick_start_demo": {
                                                        "type": "helloworld",
                                                        "hello": "greetings",
                                                    }
                                                },
                                                "state": {
                                                    "state_demo": {"type": "in-memory", "metadata": {}}
                                                },
                                            },
                                        },
                                    }
                                ]
                            }
                        ]
                    }
                ]
            }
        ]
    }
    path = tmp_path / "config.json"
    path.write_text(json.dumps(layotto))
    cfg = load_config(path)
    assert cfg.apis["hellos"]["quick_start_demo"].metadata == {"hello": "greetings"}


def test_set_overrides():
    cfg = load_config(
        None,
        [
            "state.extra.type=sqlite",
            "state.extra.metadata.path=/tmp/x.db",
            "lock.lock_demo=",
            "app.app_id=other",
        ],
    )
    assert (
        cfg.apis["state"]["extra"].type == "sqlite"
        and cfg.apis["state"]["extra"].metadata["path"] == "/tmp/x.db"
    )
    assert "lock_demo" not in cfg.apis["lock"] and cfg.app.app_id == "other"


@pytest.mark.parametrize(
    "raw,needle",
    [
        ({"stat": {}}, "unknown key 'stat'"),
        ({"state": []}, "expected an object"),
        ({"state": {"s": {"metadata": {}}}}, "`type` is required"),
        ({"state": {"s": {"type": "x", "metadata": "no"}}}, "metadata: expected an object"),
        ({"app": {"grpc_callback_port": "abc"}}, "grpc_callback_port"),
    ],
)
def test_parse_errors_name_the_place(raw, needle):
    with pytest.raises(ConfigError) as exc:
        parse_config(raw, "f.json")
    assert needle in str(exc.value) and str(exc.value).startswith("f.json")


def test_yaml_syntax_error_has_line(tmp_path):
    path = tmp_path / "c.yml"
    path.write_text("state:\n  s1: [unclosed\n")
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    assert f"{path}:" in str(exc.value)


def test_unknown_component_type_is_reported_with_the_file_and_component(ctx):
    with pytest.raises(ConfigError) as exc:
        parse_config({"state": {"s": {"type": "hazelcast"}}}, "f.json")
    msg = str(exc.value)
    assert msg.startswith("f.json: state.s:") and "'hazelcast'" in msg
    assert "in-memory" in msg and "redis" in msg  # the runtime's types and the mapped Layotto types


def test_bad_component_metadata_is_a_config_error(ctx):
    with pytest.raises(ConfigError) as exc:
        Components(parse_config({"secret_store": {"s": {"type": "local.file"}}}), ctx)
    assert "secretsFile" in str(exc.value)


def test_apply_configuration_aliases_and_rollback(ctx):
    comps = Components(load_config(None), ctx)
    comps.apply("hello", "helloworld", {"hello": "hi"})
    assert comps.by_api["hellos"]["helloworld"].say("x") == "hi, x"
    with pytest.raises(ApiError) as exc:
        comps.apply("pubsub", "pub_subs_demo", {"maxDeliveryAttempts": "zero"})
    assert exc.value.code == "INVALID_ARGUMENT"
    assert comps.by_api["pub_subs"]["pub_subs_demo"].max_attempts == 5
    comps.close()
