"""Cryption components (`cryption` API): real authenticated encryption (AES-256-GCM) with key ids.

Place in the runtime: the component behind CryptionService.Encrypt / Decrypt (type ``local.aesgcm``).
Keys: metadata ``keys`` = "id=<base64 of 32 bytes>,..." for fixed keys; otherwise one random key per id in
``keyIds`` (default "default"), stored in ``<data-dir or scratch>/cryption/<name>.json`` so that a
runtime restarted with the same --data-dir can still decrypt. ``defaultKeyId`` (default: first id) is used
when a request names no key.

Ciphertext layout (all of it authenticated; the header is the AEAD associated data):
``b"L8C1" | len(key_id):u8 | key_id | len(version):u8 | version | nonce(12) | AES-GCM ciphertext+tag``.
Errors: unknown key id -> NOT_FOUND; malformed or tampered ciphertext -> INVALID_ARGUMENT.
"""

from __future__ import annotations

import base64
import json
import os
from typing import NamedTuple

from .. import ids
from ..errors import invalid, not_found
from .base import Component, ComponentConfigError

MAGIC = b"L8C1"
VERSION = "1"


class CryptResult(NamedTuple):
    data: bytes
    key_id: str
    key_version_id: str
    request_id: str


class AesGcmCryption(Component):
    api = "cryption"
    type_name = "local.aesgcm"
    protected_keys = frozenset({"keys"})

    def configure(self, metadata: dict[str, str]) -> None:
        keys: dict[str, bytes] = {}
        if metadata.get("keys"):
            for part in metadata["keys"].split(","):
                kid, sep, b64 = part.strip().partition("=")
                try:
                    material = base64.b64decode(b64, validate=True)
                except ValueError:
                    material = b""
                if not sep or not kid or len(material) != 32:
                    raise ComponentConfigError("metadata 'keys' must be 'id=<base64 of 32 bytes>,...'")
                keys[kid] = material
        else:
            ids = [k.strip() for k in metadata.get("keyIds", "default").split(",") if k.strip()]
            keys = self._generated_keys(ids)
        if not keys:
            raise ComponentConfigError("no keys configured")
        self.keys = keys
        self.default_key = metadata.get("defaultKeyId") or next(iter(keys))
        if self.default_key not in keys:
            raise ComponentConfigError(f"defaultKeyId {self.default_key!r} is not a configured key")
        super().configure(metadata)

    def _generated_keys(self, ids: list[str]) -> dict[str, bytes]:
        path = self.ctx.storage_dir("cryption") / f"{self.name}.json"
        stored: dict[str, str] = {}
        if path.exists():
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
                if not isinstance(stored, dict) or not all(
                    isinstance(v, str) and len(base64.b64decode(v, validate=True)) == 32
                    for v in stored.values()
                ):
                    raise ValueError("expected a JSON object of key id -> base64 of 32 bytes")
            except (OSError, ValueError) as exc:
                raise ComponentConfigError(
                    f"{path}: corrupt key file ({exc}); restore or remove it"
                ) from None
        changed = False
        for kid in ids:
            if kid not in stored:
                stored[kid] = base64.b64encode(os.urandom(32)).decode("ascii")
                changed = True
        if changed:
            path.write_text(json.dumps(stored, sort_keys=True), encoding="utf-8")
            path.chmod(0o600)
        return {kid: base64.b64decode(stored[kid]) for kid in ids}

    def encrypt(self, plain: bytes, key_id: str = "") -> CryptResult:
        kid = key_id or self.default_key
        key = self._key(kid, "key_id")
        header = MAGIC + _lp(kid) + _lp(VERSION)
        nonce = os.urandom(12)
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # on first use: keeps start-up lean

        sealed = AESGCM(key).encrypt(nonce, bytes(plain), header)
        return CryptResult(header + nonce + sealed, kid, VERSION, ids.uuid4())

    def decrypt(self, cipher: bytes) -> CryptResult:
        data = bytes(cipher)
        if not data.startswith(MAGIC):
            raise invalid(
                "cipher_text was not produced by this cryption component (bad header)",
                field="cipher_text",
                reason="MALFORMED_CIPHERTEXT",
            )
        try:
            kid, pos = _read_lp(data, len(MAGIC))
            version, pos = _read_lp(data, pos)
        except (IndexError, UnicodeDecodeError):
            raise invalid(
                "cipher_text is truncated", field="cipher_text", reason="MALFORMED_CIPHERTEXT"
            ) from None
        if len(data) < pos + 12 + 16:
            raise invalid("cipher_text is truncated", field="cipher_text", reason="MALFORMED_CIPHERTEXT")
        key = self._key(kid, "cipher_text")
        nonce, sealed = data[pos : pos + 12], data[pos + 12 :]
        from cryptography.exceptions import InvalidTag  # on first use: keeps start-up lean
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            plain = AESGCM(key).decrypt(nonce, sealed, data[:pos])
        except InvalidTag:
            if not self.ctx.mutated("cryption-no-auth"):
                raise invalid(
                    "cipher_text failed authentication (tampered, or encrypted under another key)",
                    field="cipher_text",
                    reason="DECRYPTION_FAILED",
                ) from None
            plain = sealed[:-16]
        return CryptResult(plain, kid, version, ids.uuid4())

    def _key(self, kid: str, field: str) -> bytes:
        if kid not in self.keys:
            raise not_found(
                f'key "{kid}" is not configured in cryption component "{self.name}"; '
                f"configured: {sorted(self.keys)}",
                reason="KEY_NOT_FOUND",
                key_id=kid,
            )
        return self.keys[kid]


def _lp(text: str) -> bytes:
    raw = text.encode("utf-8")
    if len(raw) > 255:
        raise invalid("key id is too long (max 255 bytes)", field="key_id")
    return bytes([len(raw)]) + raw


def _read_lp(data: bytes, pos: int) -> tuple[str, int]:
    n = data[pos]
    if pos + 1 + n > len(data):
        raise IndexError(pos)
    return data[pos + 1 : pos + 1 + n].decode("utf-8"), pos + 1 + n
