"""SubscribeConfiguration answers each watch with the current values first (Layotto's in-memory store)."""

from __future__ import annotations

import queue
import threading
from typing import Any

from l8_runtime.pb import rt


def save(r: Any, **items: str) -> None:
    r.runtime.SaveConfiguration(
        rt.SaveConfigurationRequest(
            store_name="config_demo",
            items=[rt.ConfigurationItem(key=k, content=v, group="g") for k, v in items.items()],
        )
    )


def test_first_message_carries_the_current_values_then_changes_follow(runtime) -> None:
    save(runtime, a="one", other="x")
    requests: queue.Queue[Any] = queue.Queue()
    requests.put(rt.SubscribeConfigurationRequest(store_name="config_demo", group="g", keys=["a", "missing"]))
    call = runtime.runtime.SubscribeConfiguration(iter(requests.get, None))
    try:
        first = next(call)
        assert first.store_name == "config_demo"
        assert [(i.key, i.content, i.group) for i in first.items] == [("a", "one", "g")]
        threading.Timer(0.1, lambda: save(runtime, a="two")).start()
        change = next(call)
        assert [(i.key, i.content) for i in change.items] == [("a", "two")]
    finally:
        call.cancel()


def test_a_watch_of_keys_without_values_is_answered_with_empty_items(runtime) -> None:
    requests: queue.Queue[Any] = queue.Queue()
    requests.put(rt.SubscribeConfigurationRequest(store_name="config_demo", keys=["nothing-here"]))
    call = runtime.runtime.SubscribeConfiguration(iter(requests.get, None))
    try:
        first = next(call)
        assert (first.store_name, list(first.items)) == ("config_demo", [])
        # a second watch on the same stream is answered too, with its own current values
        save(runtime, second="2")
        requests.put(rt.SubscribeConfigurationRequest(store_name="config_demo", group="g", keys=["second"]))
        answer = next(call)
        assert [(i.key, i.content) for i in answer.items] == [("second", "2")]
    finally:
        call.cancel()
