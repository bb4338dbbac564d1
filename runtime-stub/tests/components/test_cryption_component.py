"""AES-GCM cryption: round trip, key ids, tamper detection, persistence of generated keys."""

from __future__ import annotations

import base64

import pytest
from l8_runtime.components.base import ComponentConfigError
from l8_runtime.components.cryption import AesGcmCryption
from l8_runtime.context import RuntimeContext
from l8_runtime.errors import ApiError


def test_round_trip_with_default_key(make):
    c = make(AesGcmCryption)
    enc = c.encrypt(b"secret")
    assert enc.key_id == "default" and b"secret" not in enc.data
    dec = c.decrypt(enc.data)
    assert (dec.data, dec.key_id) == (b"secret", "default")


def test_encryption_is_randomised(make):
    c = make(AesGcmCryption)
    assert c.encrypt(b"x").data != c.encrypt(b"x").data


def test_named_key_is_used_and_reported(make):
    c = make(AesGcmCryption, keyIds="default,key-2")
    enc = c.encrypt(b"x", "key-2")
    assert enc.key_id == "key-2" and c.decrypt(enc.data).key_id == "key-2"


def test_unknown_key_is_not_found(make):
    with pytest.raises(ApiError) as exc:
        make(AesGcmCryption).encrypt(b"x", "nope")
    assert exc.value.code == "NOT_FOUND"


@pytest.mark.parametrize(
    "mangle", [lambda d: d[:-1] + bytes([d[-1] ^ 1]), lambda d: d[:10], lambda d: b"junk"]
)
def test_tampered_or_foreign_ciphertext_is_invalid(make, mangle):
    c = make(AesGcmCryption)
    with pytest.raises(ApiError) as exc:
        c.decrypt(mangle(c.encrypt(b"plain").data))
    assert exc.value.code == "INVALID_ARGUMENT"


def test_header_is_authenticated(make):
    c = make(AesGcmCryption, keyIds="key-1,key-2")
    data = bytearray(c.encrypt(b"plain", "key-1").data)
    data[len(b"L8C1") + 1 + len("key-")] = ord("2")  # relabel as key-2
    with pytest.raises(ApiError):
        c.decrypt(bytes(data))


def test_fixed_keys_from_metadata(make):
    key = base64.b64encode(bytes(range(32))).decode()
    a = make(AesGcmCryption, name="a", keys=f"k={key}")
    b = make(AesGcmCryption, name="b", keys=f"k={key}")
    assert b.decrypt(a.encrypt(b"shared").data).data == b"shared"


def test_bad_key_material_is_a_config_error(make):
    with pytest.raises(ComponentConfigError):
        make(AesGcmCryption, keys="k=notbase64!")


def test_generated_keys_survive_a_restart(tmp_path):
    enc = AesGcmCryption("c", {}, RuntimeContext(data_dir=tmp_path)).encrypt(b"keep")
    again = AesGcmCryption("c", {}, RuntimeContext(data_dir=tmp_path))
    assert again.decrypt(enc.data).data == b"keep"
