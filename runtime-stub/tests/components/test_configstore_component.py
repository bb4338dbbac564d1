"""Configuration store semantics: scoping by app/group/label, delete by empty content, watchers."""

from __future__ import annotations

import pytest
from l8_runtime.components.configstore import ConfigItem, ConfigStore, Selection
from l8_runtime.errors import ApiError


@pytest.fixture
def store(make):
    return make(ConfigStore)


def test_get_returns_saved_items_of_the_group_and_label(store):
    store.save(
        "app", [ConfigItem("a", "1", "g", "l"), ConfigItem("b", "2", "g", "l"), ConfigItem("c", "3", "h")]
    )
    got = store.get(Selection("app", "g", "l"))
    assert [(i.key, i.content) for i in got] == [("a", "1"), ("b", "2")]


def test_get_filters_keys_and_skips_missing_ones(store):
    store.save("app", [ConfigItem("a", "1"), ConfigItem("b", "2")])
    got = store.get(Selection("app", keys=("b", "zzz")))
    assert [i.key for i in got] == ["b"]


def test_empty_group_is_its_own_default_group(store):
    store.save("app", [ConfigItem("a", "1", group="g")])
    assert store.get(Selection("app")) == []


def test_apps_are_isolated(store):
    store.save("app1", [ConfigItem("a", "1")])
    assert store.get(Selection("app2")) == []


def test_save_with_empty_content_deletes(store):
    store.save("app", [ConfigItem("a", "1")])
    store.save("app", [ConfigItem("a", "")])
    assert store.get(Selection("app")) == []


def test_tags_and_metadata_are_kept(store):
    store.save("app", [ConfigItem("a", "1", tags={"t": "x"}, metadata={"m": "y"})])
    item = store.get(Selection("app"))[0]
    assert (dict(item.tags), dict(item.metadata)) == ({"t": "x"}, {"m": "y"})


def test_empty_key_is_invalid_and_names_the_item(store):
    with pytest.raises(ApiError) as exc:
        store.save("app", [ConfigItem("ok", "1"), ConfigItem("", "2")])
    assert exc.value.code == "INVALID_ARGUMENT" and "items[1].key" in exc.value.message
    assert store.get(Selection("app")) == []


def test_delete_removes_selected_keys(store):
    store.save("app", [ConfigItem("a", "1"), ConfigItem("b", "2")])
    store.delete(Selection("app", keys=("a",)))
    assert [i.key for i in store.get(Selection("app"))] == ["b"]


def test_watchers_see_saves_and_deletes_of_their_keys_only(store):
    seen: list[list[tuple[str, str]]] = []
    cancel = store.subscribe(
        Selection("app", keys=("a",)), lambda items: seen.append([(i.key, i.content) for i in items])
    )
    store.save("app", [ConfigItem("a", "1"), ConfigItem("b", "2")])
    store.delete(Selection("app", keys=("a", "b")))
    cancel()
    store.save("app", [ConfigItem("a", "again")])
    assert seen == [[("a", "1")], [("a", "")]]


def test_mutant_config_no_notify_is_silent(make, mutant):
    store = make(ConfigStore, ctx_=mutant("config-no-notify"))
    seen = []
    store.subscribe(Selection("app", keys=("a",)), seen.append)
    store.save("app", [ConfigItem("a", "1")])
    assert seen == []
