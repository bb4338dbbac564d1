"""Conversions between protobuf messages and component data types, shared by several servicers (an event's
AppCallback message is made by api/appcallback.py, which the server imports at start: this module imports
the state and configuration components, which the start does not)."""

from __future__ import annotations

from ..components.configstore import ConfigItem
from ..components.state import FIRST_WRITE, LAST_WRITE
from ..pb import rt


def config_item_to_pb(item: ConfigItem) -> rt.ConfigurationItem:
    return rt.ConfigurationItem(
        key=item.key,
        content=item.content,
        group=item.group,
        label=item.label,
        tags=dict(item.tags),
        metadata=dict(item.metadata),
    )


def config_item_from_pb(item: rt.ConfigurationItem) -> ConfigItem:
    return ConfigItem(item.key, item.content, item.group, item.label, dict(item.tags), dict(item.metadata))


def concurrency(item: rt.StateItem | rt.DeleteStateRequest) -> str:
    if not item.HasField("options"):
        return ""
    value = item.options.concurrency
    if value == rt.StateOptions.CONCURRENCY_FIRST_WRITE:
        return FIRST_WRITE
    if value == rt.StateOptions.CONCURRENCY_LAST_WRITE:
        return LAST_WRITE
    return ""


def etag(item: rt.StateItem | rt.DeleteStateRequest) -> str | None:
    return item.etag.value if item.HasField("etag") else None
