"""Component catalog: every component class of the runtime, by API key and type name (``TYPES``).

Place in the runtime: a leaf below config.py's Layotto type mapping (``layotto_types.native_types``) and the
registry (``registry.build``), which both ask which types exist; it imports the component modules only,
never the configuration, so neither of them imports the other through it.
"""

from __future__ import annotations

from .base import Component
from .bindings import EchoBinding, RecorderBinding
from .configstore import ConfigStore
from .cryption import AesGcmCryption
from .file import FileStore
from .hello import HelloWorld
from .lock import LockStore
from .messaging import EmailRecorder, PhoneRecorder, SmsRecorder
from .oss import ObjectStore
from .pubsub import PubSub
from .rpcs import EchoRpc, ForwardRpc
from .secrets import EnvSecretStore, FileSecretStore, SecretStore
from .sequencer import Sequencer, SqliteSequencer
from .state import StateStore
from .state_sqlite import SqliteStateStore

TYPES: dict[str, dict[str, type[Component]]] = {}
for _cls in (
    HelloWorld,
    ConfigStore,
    EchoRpc,
    ForwardRpc,
    PubSub,
    StateStore,
    SqliteStateStore,
    FileStore,
    ObjectStore,
    LockStore,
    Sequencer,
    SqliteSequencer,
    EchoBinding,
    RecorderBinding,
    SecretStore,
    FileSecretStore,
    EnvSecretStore,
    AesGcmCryption,
    EmailRecorder,
    PhoneRecorder,
    SmsRecorder,
):
    TYPES.setdefault(_cls.api, {})[_cls.type_name] = _cls
