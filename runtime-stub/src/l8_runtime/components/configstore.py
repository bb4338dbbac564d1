"""Configuration stores (`config_store` API): items by app / group / label / key, with watchers.

Place in the runtime: the component behind Runtime.Get/Save/Delete/SubscribeConfiguration. An item is
identified by (app_id, group, label, key); an empty group is the default group and an empty label means
"no label" (both match exactly). An empty key list matches every key of the group and label. Saving an
item with empty content deletes it (upstream rule).
Watchers registered with ``subscribe`` are called (outside the store lock) with the list of changed
items after every save/delete that touches their selection; a deleted item is reported with empty content.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from ..errors import invalid
from .base import NO_METADATA, Component


class ConfigItem(NamedTuple):
    key: str
    content: str = ""
    group: str = ""
    label: str = ""
    tags: Mapping[str, str] = NO_METADATA
    metadata: Mapping[str, str] = NO_METADATA


class Selection(NamedTuple):
    app_id: str
    group: str = ""
    label: str = ""
    keys: tuple[str, ...] = ()

    def matches(self, app_id: str, item: ConfigItem) -> bool:
        return (
            app_id == self.app_id
            and item.group == self.group
            and item.label == self.label
            and (not self.keys or item.key in self.keys)
        )


Watcher = Callable[[list[ConfigItem]], None]


class ConfigStore(Component):
    api = "config_store"
    type_name = "in-memory"

    def __init__(self, name: str, metadata: Mapping[str, str], ctx) -> None:  # type: ignore[no-untyped-def]
        self._mutex = threading.Lock()
        self._items: dict[tuple[str, str, str, str], ConfigItem] = {}
        self._watchers: dict[int, tuple[Selection, Watcher]] = {}
        self._next_watch = 0
        super().__init__(name, metadata, ctx)

    def get(self, sel: Selection) -> list[ConfigItem]:
        with self._mutex:
            found = [item for (app, *_rest), item in self._items.items() if sel.matches(app, item)]
        return sorted(found, key=lambda i: (i.group, i.label, i.key))

    def save(self, app_id: str, items: Sequence[ConfigItem]) -> None:
        for i, item in enumerate(items):
            if not item.key:
                raise invalid(f"items[{i}].key must not be empty", field=f"items[{i}].key")
        changes: list[tuple[str, ConfigItem]] = []
        with self._mutex:
            for item in items:
                ident = (app_id, item.group, item.label, item.key)
                if item.content == "":
                    if self._items.pop(ident, None) is not None:
                        changes.append((app_id, item._replace(content="")))
                else:
                    self._items[ident] = item
                    changes.append((app_id, item))
        self._notify(changes)

    def delete(self, sel: Selection) -> None:
        changes: list[tuple[str, ConfigItem]] = []
        with self._mutex:
            for ident, item in list(self._items.items()):
                if sel.matches(ident[0], item):
                    del self._items[ident]
                    changes.append((ident[0], item._replace(content="")))
        self._notify(changes)

    def subscribe(self, sel: Selection, watcher: Watcher) -> Callable[[], None]:
        with self._mutex:
            self._next_watch += 1
            wid = self._next_watch
            self._watchers[wid] = (sel, watcher)

        def cancel() -> None:
            with self._mutex:
                self._watchers.pop(wid, None)

        return cancel

    def _notify(self, changes: list[tuple[str, ConfigItem]]) -> None:
        if not changes or self.ctx.mutated("config-no-notify"):
            return
        with self._mutex:
            watchers = list(self._watchers.values())
        for sel, watcher in watchers:
            hits = [item for app, item in changes if sel.matches(app, item)]
            if hits:
                watcher(hits)

    def reset(self) -> None:
        with self._mutex:
            self._items.clear()
