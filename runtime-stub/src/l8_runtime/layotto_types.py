"""Layotto component types -> the runtime's local equivalents (``--config <layotto config.json>``).

Place in the runtime: config.py calls :func:`map_component` for every configured component, so a
developer's own Layotto configuration (redis, etcd, zookeeper, mongo, kafka, apollo, cloud file stores...)
starts the local stand-in unchanged. A mapped component gets the runtime type of ``LAYOTTO_TYPES`` and one
warning naming it; its Layotto metadata (hosts, passwords...) is dropped, since the local component would
only misread it. A type that is neither the runtime's own nor in the table fails start-up with the file,
the component and the supported types named. The table is also rendered into docs/DIFFERENCES.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from .components.catalog import TYPES

MEMORY = "in-memory"


class TypeMapping(NamedTuple):
    runtime_type: str
    note: str  # what the developer loses with the local stand-in
    keep_metadata: bool = False


_NOT_SHARED = "data lives in this process only: not shared, not persisted"

# api -> Layotto component type -> local equivalent
LAYOTTO_TYPES: dict[str, dict[str, TypeMapping]] = {
    "state": {
        t: TypeMapping(MEMORY, _NOT_SHARED)
        for t in ("redis", "redis-cluster", "mongo", "mongodb", "zookeeper", "etcd", "consul", "mysql",
                  "postgresql", "cassandra", "memcached")
    },
    "lock": {
        t: TypeMapping(MEMORY, "locks are exclusive within this runtime only")
        for t in ("redis", "redis_standalone", "redis_cluster", "etcd", "zookeeper", "mongo", "consul")
    },
    "sequencer": {
        **{
            t: TypeMapping(MEMORY, "ids increase per key within this runtime only")
            for t in ("redis", "etcd", "zookeeper", "mongo", "mysql")
        },
        "snowflake": TypeMapping(MEMORY, "ids are small per-key counters, not snowflake-shaped"),
    },
    "pub_subs": {
        t: TypeMapping(MEMORY, "an in-process broker: no other process sees the messages")
        for t in ("redis", "kafka", "rocketmq", "pulsar", "nats", "rabbitmq", "mqtt")
    },
    "config_store": {
        t: TypeMapping(MEMORY, "starts empty; items are not read from the remote configuration service")
        for t in ("apollo", "etcd", "nacos", "consul", "zookeeper")
    },
    "file": {
        t: TypeMapping("local", "files under the runtime's file root (names confined to it), not the cloud")
        for t in ("aliyun.oss", "minio", "aws.s3", "qiniu.oss", "tencentcloud.oss", "huaweicloud.obs")
    },
    "oss": {
        t: TypeMapping("local", "objects stored by the runtime, not the cloud; signed URLs point at /oss")
        for t in ("aws.oss", "aliyun.oss", "minio", "tencentcloud.oss", "huaweicloud.oss", "qiniu.oss")
    },
    "bindings": {"http": TypeMapping("echo", "the binding echoes the request; no HTTP request is made")},
    "rpcs": {"mosn": TypeMapping("echo", "the method echoes the request; nothing is forwarded")},
    "cryption": {
        t: TypeMapping("local.aesgcm", "a local AES-GCM key, not the cloud KMS")
        for t in ("aliyun.kms", "aws.kms")
    },
    "email": {
        t: TypeMapping("recorder", "mails are recorded (control ReadOutbox), not sent")
        for t in ("aliyun.email", "aws.email")
    },
    "phone": {
        t: TypeMapping("recorder", "calls are recorded (control ReadOutbox), not made")
        for t in ("aliyun.voice", "aws.voice")
    },
    "sms": {
        t: TypeMapping("recorder", "messages are recorded (control ReadOutbox), not sent")
        for t in ("aliyun.sms", "tencentcloud.sms", "aws.sms")
    },
}


class UnmappableComponent(ValueError):
    """A component type with no local equivalent (config.py adds the file name)."""


def native_types(api: str) -> list[str]:
    return sorted(TYPES.get(api, {}))


def map_component(
    api: str, name: str, type_: str, metadata: Mapping[str, str]
) -> tuple[str, dict[str, str], str | None]:
    """(runtime type, metadata, warning or None) for one configured component."""
    native = native_types(api)
    if type_ in native:
        return type_, dict(metadata), None
    mapped = LAYOTTO_TYPES.get(api, {}).get(type_)
    if mapped is None:
        layotto = sorted(LAYOTTO_TYPES.get(api, {}))
        raise UnmappableComponent(
            f"{api}.{name}: component type {type_!r} has no local equivalent; "
            f"runtime types: {', '.join(native) or '-'}; Layotto types mapped: {', '.join(layotto) or '-'}"
        )
    meta = dict(metadata) if mapped.keep_metadata else {}
    ignored = f"; metadata ignored: {', '.join(sorted(metadata))}" if metadata and not meta else ""
    warning = (
        f"{api}.{name}: Layotto type {type_!r} is served by the runtime's {mapped.runtime_type!r} component "
        f"({mapped.note}){ignored}"
    )
    return mapped.runtime_type, meta, warning
