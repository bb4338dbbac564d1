"""Validation like Layotto: clear INVALID_ARGUMENT / NOT_FOUND / FAILED_PRECONDITION with google.rpc details,
never INTERNAL or a traceback for a user mistake."""

from __future__ import annotations

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from l8_runtime.config import load_config
from l8_runtime.pb import cry, lc, oss, rt
from rt_harness import code_of, error_of


def details(err: grpc.RpcError) -> tuple[error_details_pb2.ErrorInfo, list[str]]:
    status = rpc_status.from_call(err)
    assert status is not None
    info = error_details_pb2.ErrorInfo()
    fields: list[str] = []
    for d in status.details:
        if d.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            d.Unpack(info)
        elif d.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            d.Unpack(bad)
            fields += [v.field for v in bad.field_violations]
    return info, fields


def test_unknown_store_names_the_configured_ones(runtime):
    err = error_of(runtime.runtime.GetState, rt.GetStateRequest(store_name="redis", key="k"))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert '"state_demo"' in err.details() and '"redis"' in err.details()
    info, fields = details(err)
    assert info.reason == "COMPONENT_NOT_FOUND" and info.domain == "l8-runtime"
    assert info.metadata["configured"] == "state_demo" and fields == ["store_name"]


def test_empty_store_name_is_invalid(runtime):
    err = error_of(runtime.runtime.TryLock, rt.TryLockRequest(resource_id="r", lock_owner="o", expire=1))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT and "lock_demo" in err.details()


@pytest.mark.parametrize(
    "request_,field",
    [
        (rt.TryLockRequest(store_name="lock_demo", lock_owner="o", expire=1), "resource_id"),
        (rt.TryLockRequest(store_name="lock_demo", resource_id="r", expire=1), "lock_owner"),
        (rt.TryLockRequest(store_name="lock_demo", resource_id="r", lock_owner="o", expire=0), "expire"),
        (rt.TryLockRequest(store_name="lock_demo", resource_id="r", lock_owner="o", expire=-5), "expire"),
    ],
)
def test_lock_validation(runtime, request_, field):
    err = error_of(runtime.runtime.TryLock, request_)
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert details(err)[1] == [field]


def test_empty_keys_are_invalid(runtime):
    r = runtime.runtime
    assert (
        code_of(r.GetState, rt.GetStateRequest(store_name="state_demo")) == grpc.StatusCode.INVALID_ARGUMENT
    )
    err = error_of(
        r.SaveState,
        rt.SaveStateRequest(store_name="state_demo", states=[rt.StateItem(key="ok"), rt.StateItem(key="")]),
    )
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT and details(err)[1] == ["states[1].key"]
    assert (
        code_of(r.GetNextId, rt.GetNextIdRequest(store_name="sequencer_demo"))
        == grpc.StatusCode.INVALID_ARGUMENT
    )
    assert (
        code_of(r.GetSecret, rt.GetSecretRequest(store_name="secret_demo"))
        == grpc.StatusCode.INVALID_ARGUMENT
    )


def test_bad_transaction_operation_is_invalid(runtime):
    err = error_of(
        runtime.runtime.ExecuteStateTransaction,
        rt.ExecuteStateTransactionRequest(
            storeName="state_demo",
            operations=[rt.TransactionalStateOperation(operationType="merge", request=rt.StateItem(key="k"))],
        ),
    )
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert details(err)[1] == ["operations[0].operationType"]


def test_etag_mismatch_is_aborted(runtime):
    r = runtime.runtime
    r.SaveState(rt.SaveStateRequest(store_name="state_demo", states=[rt.StateItem(key="k", value=b"1")]))
    err = error_of(
        r.SaveState,
        rt.SaveStateRequest(
            store_name="state_demo", states=[rt.StateItem(key="k", value=b"2", etag=rt.Etag(value="stale"))]
        ),
    )
    assert err.code() == grpc.StatusCode.ABORTED and details(err)[0].reason == "ETAG_MISMATCH"


def test_missing_file_and_object_are_not_found(runtime):
    assert (
        code_of(runtime.runtime.GetFile, rt.GetFileRequest(store_name="file_demo", name="ghost"))
        == grpc.StatusCode.NOT_FOUND
    )
    assert (
        code_of(
            runtime.runtime.GetFileMeta,
            rt.GetFileMetaRequest(request=rt.FileRequest(store_name="file_demo", name="ghost")),
        )
        == grpc.StatusCode.NOT_FOUND
    )
    assert (
        code_of(runtime.oss.GetObject, oss.GetObjectInput(store_name="oss_demo", bucket="b", key="ghost"))
        == grpc.StatusCode.NOT_FOUND
    )
    assert (
        code_of(runtime.oss.HeadObject, oss.HeadObjectInput(store_name="oss_demo", bucket="b", key="ghost"))
        == grpc.StatusCode.NOT_FOUND
    )


@pytest.mark.parametrize("name", ["../etc/passwd", "/etc/passwd", "a/../../b"])
def test_file_names_escaping_the_root_are_invalid(runtime, name):
    assert (
        code_of(
            runtime.runtime.PutFile, iter([rt.PutFileRequest(store_name="file_demo", name=name, data=b"x")])
        )
        == grpc.StatusCode.INVALID_ARGUMENT
    )
    assert (
        code_of(runtime.runtime.GetFile, rt.GetFileRequest(store_name="file_demo", name=name))
        == grpc.StatusCode.INVALID_ARGUMENT
    )


def test_streams_validate_their_first_message(runtime):
    assert code_of(runtime.runtime.PutFile, iter([])) == grpc.StatusCode.INVALID_ARGUMENT
    assert (
        code_of(runtime.runtime.SubscribeTopicEvents, iter([rt.SubscribeTopicEventsRequest()]))
        == grpc.StatusCode.INVALID_ARGUMENT
    )
    assert (
        code_of(
            runtime.runtime.SubscribeConfiguration,
            iter([rt.SubscribeConfigurationRequest(store_name="config_demo")]),
        )
        == grpc.StatusCode.INVALID_ARGUMENT
    )
    assert (
        code_of(runtime.oss.PutObject, iter([oss.PutObjectInput(store_name="oss_demo", bucket="b")]))
        == grpc.StatusCode.INVALID_ARGUMENT
    )


def test_no_component_of_a_kind_is_failed_precondition(start_runtime):
    r = start_runtime(load_config(None, ["lock.lock_demo="]))
    assert (
        code_of(
            r.runtime.TryLock,
            rt.TryLockRequest(store_name="lock_demo", resource_id="r", lock_owner="o", expire=1),
        )
        == grpc.StatusCode.FAILED_PRECONDITION
    )


def test_unknown_cryption_key_and_tampered_ciphertext(runtime):
    c = runtime.cryption
    assert (
        code_of(c.Encrypt, cry.EncryptRequest(component_name="cryption_demo", key_id="nope"))
        == grpc.StatusCode.NOT_FOUND
    )
    enc = c.Encrypt(cry.EncryptRequest(component_name="cryption_demo", plain_text=b"secret"))
    assert enc.key_id == "default" and enc.key_version_id and enc.request_id
    bad = enc.cipher_text[:-1] + bytes([enc.cipher_text[-1] ^ 0xFF])
    assert (
        code_of(c.Decrypt, cry.DecryptRequest(component_name="cryption_demo", cipher_text=bad))
        == grpc.StatusCode.INVALID_ARGUMENT
    )
    assert (
        c.Decrypt(cry.DecryptRequest(component_name="cryption_demo", cipher_text=enc.cipher_text)).plain_text
        == b"secret"
    )


def test_lifecycle_rejects_unknown_kind_and_bad_metadata(runtime):
    lifecycle = runtime.lifecycle
    assert (
        code_of(
            lifecycle.ApplyConfiguration,
            lc.DynamicConfiguration(component_config=lc.ComponentConfig(kind="quantum", name="x")),
        )
        == grpc.StatusCode.INVALID_ARGUMENT
    )
    assert (
        code_of(
            lifecycle.ApplyConfiguration,
            lc.DynamicConfiguration(
                component_config=lc.ComponentConfig(
                    kind="sequencer", name="sequencer_demo", metadata={"biggerThan.k": "lots"}
                )
            ),
        )
        == grpc.StatusCode.INVALID_ARGUMENT
    )
    # the old configuration stays in force
    assert runtime.runtime.GetNextId(rt.GetNextIdRequest(store_name="sequencer_demo", key="k")).next_id == 1


def test_lifecycle_really_reconfigures(runtime):
    runtime.lifecycle.ApplyConfiguration(
        lc.DynamicConfiguration(
            component_config=lc.ComponentConfig(
                kind="hellos", name="helloworld", metadata={"hello": "bonjour"}
            )
        )
    )
    assert (
        runtime.runtime.SayHello(rt.SayHelloRequest(service_name="helloworld", name="ana")).hello
        == "bonjour, ana"
    )
