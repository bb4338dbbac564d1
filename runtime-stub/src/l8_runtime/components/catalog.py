"""Component catalog: every component type of the runtime, by API key and type name (``TYPES``), and ``load``.

Place in the runtime: a leaf below config.py's Layotto type mapping (``layotto_types.native_types``) and the
registry (``registry.build``), which both ask which types exist. ``TYPES`` names each type's class as
``module:Class`` of this package, so asking which types exist imports no component module; ``load`` imports
one when a component of that type is built (the runtime's start to READY imports only what it builds:
bench/notes.py, start-up row). A test checks that every entry names a class whose ``api`` and ``type_name``
are the entry's keys.
"""

from __future__ import annotations

import importlib

from .base import Component

TYPES: dict[str, dict[str, str]] = {
    "hellos": {"helloworld": "hello:HelloWorld"},
    "config_store": {"in-memory": "configstore:ConfigStore"},
    "rpcs": {"echo": "rpcs:EchoRpc", "forward": "rpcs:ForwardRpc"},
    "pub_subs": {"in-memory": "pubsub:PubSub"},
    "state": {"in-memory": "state:StateStore", "sqlite": "state_sqlite:SqliteStateStore"},
    "file": {"local": "file:FileStore"},
    "oss": {"local": "oss.store:ObjectStore"},
    "lock": {"in-memory": "lock:LockStore"},
    "sequencer": {"in-memory": "sequencer:Sequencer", "sqlite": "sequencer:SqliteSequencer"},
    "bindings": {"echo": "bindings:EchoBinding", "recorder": "bindings:RecorderBinding"},
    "secret_store": {
        "in-memory": "secrets:SecretStore",
        "local.file": "secrets:FileSecretStore",
        "local.env": "secrets:EnvSecretStore",
    },
    "cryption": {"local.aesgcm": "cryption:AesGcmCryption"},
    "email": {"recorder": "messaging:EmailRecorder"},
    "phone": {"recorder": "messaging:PhoneRecorder"},
    "sms": {"recorder": "messaging:SmsRecorder"},
}


def load(api: str, type_name: str) -> type[Component]:
    """The class of a known type (``TYPES[api][type_name]``), its module imported now if it was not yet."""
    module, _, name = TYPES[api][type_name].partition(":")
    cls: type[Component] = getattr(importlib.import_module(f"{__package__}.{module}"), name)
    return cls
