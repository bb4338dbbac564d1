"""The component registry (components/registry.py) and catalog: built at once, or on first use (embedded)."""

from __future__ import annotations

import importlib

import pytest
from l8_runtime.components import catalog
from l8_runtime.components.registry import Components
from l8_runtime.config import ConfigError, load_config, parse_config
from l8_runtime.errors import ApiError


def test_every_catalog_entry_names_a_class_of_that_api_and_type():
    for api, types in catalog.TYPES.items():
        for type_name, ref in types.items():
            module, _, name = ref.partition(":")
            cls = getattr(importlib.import_module(f"l8_runtime.components.{module}"), name)
            assert (cls.api, cls.type_name) == (api, type_name), ref
            assert catalog.load(api, type_name) is cls


def test_every_embedded_default_builds(ctx):
    """The embedded defaults are built on first use when the runtime starts: here all at once, so a default
    that cannot be built fails a test instead of its first call."""
    comps = Components(load_config(None), ctx)
    built = list(comps)
    assert len(built) == len(comps.configured()) == 16
    assert {(c.api, c.name, c.type_name) for c in built} == set(comps.configured())
    comps.close()


def test_lazy_builds_a_component_on_its_first_lookup_and_only_once(ctx):
    comps = Components(load_config(None), ctx, lazy=True)
    assert list(comps) == []  # nothing built
    assert comps.names("state") == ["state_demo"]  # but every configured name is known
    assert ("oss", "oss_demo", "local") in comps.configured()
    store = comps.get("state", "state_demo", "store_name")
    assert comps.get("state", "state_demo", "store_name") is store
    assert [c.name for c in comps] == ["state_demo"]
    comps.reset()  # resets what is built; builds nothing else
    assert [c.name for c in comps] == ["state_demo"]
    comps.close()


def test_lazy_lookup_rules_are_layottos(ctx):
    comps = Components(parse_config({"state": {"a": {"type": "in-memory"}}}), ctx, lazy=True)
    with pytest.raises(ApiError) as unknown:
        comps.get("state", "b", "store_name")
    assert unknown.value.code == "INVALID_ARGUMENT" and '"a"' in str(unknown.value)
    with pytest.raises(ApiError) as none:
        comps.get("lock", "l", "store_name")
    assert none.value.code == "FAILED_PRECONDITION"
    assert list(comps) == []  # a failed lookup builds nothing


def test_an_unknown_type_is_an_error_at_once_even_when_lazy(ctx):
    config = parse_config({"state": {"s": {"type": "in-memory"}}})
    config.apis["state"]["s"] = config.apis["state"]["s"]._replace(type="hazelcast")
    with pytest.raises(ConfigError, match="unknown component type 'hazelcast'"):
        Components(config, ctx, lazy=True)


def test_bad_metadata_of_a_lazy_component_is_failed_precondition_on_first_use(ctx):
    comps = Components(parse_config({"secret_store": {"s": {"type": "local.file"}}}), ctx, lazy=True)
    with pytest.raises(ApiError) as exc:
        comps.get("secret_store", "s", "store_name")
    assert exc.value.code == "FAILED_PRECONDITION" and "secretsFile" in str(exc.value)
