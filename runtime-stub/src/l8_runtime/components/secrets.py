"""Secret stores (`secret_store` API): inline (in-memory), a JSON file, or environment variables.

Place in the runtime: the component behind Runtime.GetSecret / GetBulkSecret. Every store maps a secret
name to a map of values; single-valued stores (all three here) return ``{name: value}`` like Dapr.

- ``in-memory``: every metadata entry is a secret (``db-password: s3cr3t``).
- ``local.file``: metadata ``secretsFile`` (JSON object; nested objects are flattened with
  ``nestedSeparator``, default ":"), re-read on every call so edits show up.
- ``local.env``: environment variables, optionally only those starting with metadata ``prefix`` (the
  prefix is stripped from the secret name).
A missing secret is NOT_FOUND. Values are never logged.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import not_found, require
from .base import Component, ComponentConfigError


class SecretStore(Component):
    api = "secret_store"
    type_name = "in-memory"
    api_reconfigurable = False

    def all(self) -> dict[str, str]:
        return dict(self.metadata)

    def get(self, key: str) -> dict[str, str]:
        require(key, "key")
        secrets = self.all()
        if key not in secrets:
            raise not_found(
                f'secret "{key}" not found in secret store "{self.name}"', reason="SECRET_NOT_FOUND", key=key
            )
        value = secrets[key]
        if self.ctx.mutated("secret-wrong-value"):
            others = sorted(k for k in secrets if k != key)
            value = secrets[others[0]] if others else value[::-1]
        return {key: value}

    def bulk(self) -> dict[str, dict[str, str]]:
        return {k: {k: v} for k, v in sorted(self.all().items())}


class FileSecretStore(SecretStore):
    type_name = "local.file"

    def configure(self, metadata: dict[str, str]) -> None:
        if not metadata.get("secretsFile"):
            raise ComponentConfigError("metadata 'secretsFile' is required for local.file secret stores")
        self.path = Path(metadata["secretsFile"])
        self.separator = metadata.get("nestedSeparator", ":")
        super().configure(metadata)
        self.all()  # fail at start-up if the file is unreadable

    def all(self) -> dict[str, str]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ComponentConfigError(f"cannot read secrets file {self.path}: {exc}") from None
        out: dict[str, str] = {}
        _flatten(raw, "", self.separator, out)
        return out


def _flatten(node: object, prefix: str, sep: str, out: dict[str, str]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            _flatten(v, f"{prefix}{sep}{k}" if prefix else str(k), sep, out)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            _flatten(v, f"{prefix}{sep}{i}" if prefix else str(i), sep, out)
    else:
        out[prefix] = "" if node is None else str(node)


class EnvSecretStore(SecretStore):
    type_name = "local.env"

    def all(self) -> dict[str, str]:
        prefix = self.metadata.get("prefix", "")
        return {k.removeprefix(prefix): v for k, v in os.environ.items() if k.startswith(prefix)}
