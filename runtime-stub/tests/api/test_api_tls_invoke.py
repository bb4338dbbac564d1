"""TLS on the gRPC port, and InvokeService forwarding from one runtime to another."""

from __future__ import annotations

import datetime
import ipaddress
from pathlib import Path

import grpc
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from google.protobuf import any_pb2, wrappers_pb2
from l8_runtime.config import load_config
from l8_runtime.pb import rt, rt_grpc
from rt_harness import code_of


def self_signed(tmp: Path) -> tuple[Path, Path, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    pem = cert.public_bytes(serialization.Encoding.PEM)
    (tmp / "cert.pem").write_bytes(pem)
    (tmp / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return tmp / "cert.pem", tmp / "key.pem", pem


def test_tls_serves_secure_clients_only(start_runtime, tmp_path):
    cert, key, pem = self_signed(tmp_path)
    r = start_runtime(tls_cert=cert, tls_key=key)
    with grpc.secure_channel(r.target, grpc.ssl_channel_credentials(root_certificates=pem)) as ch:
        reply = rt_grpc.RuntimeStub(ch).SayHello(rt.SayHelloRequest(service_name="helloworld", name="tls"))
    assert reply.hello == "greetings, tls"
    with grpc.insecure_channel(r.target) as plain:
        assert (
            code_of(
                rt_grpc.RuntimeStub(plain).SayHello, rt.SayHelloRequest(service_name="helloworld"), timeout=2
            )
            == grpc.StatusCode.UNAVAILABLE
        )


def invoke(r, app_id: str, text: str) -> rt.InvokeResponse:
    data = any_pb2.Any()
    data.Pack(wrappers_pb2.StringValue(value=text))
    return r.runtime.InvokeService(
        rt.InvokeServiceRequest(
            id=app_id, message=rt.CommonInvokeRequest(method="say", data=data, content_type="text/plain")
        )
    )


def test_invoke_forwards_to_another_runtime(start_runtime):
    target = start_runtime(enable_control=True)
    front = start_runtime(
        load_config(None, ["rpcs.remote.type=forward", f"rpcs.remote.metadata.target={target.target}"])
    )
    reply = invoke(front, "remote", "via-forward")
    value = wrappers_pb2.StringValue()
    assert reply.data.Unpack(value) and value.value == "via-forward"
    from l8_runtime.control import ctl

    [entry] = target.control.ReadOutbox(ctl.ReadOutboxRequest(kind="invoke")).entries
    assert '"method": "say"' in entry.json


def test_invoke_passes_remote_errors_through(start_runtime):
    target = start_runtime(load_config(None, ["rpcs.echo="]))
    front = start_runtime(
        load_config(None, ["rpcs.remote.type=forward", f"rpcs.remote.metadata.target={target.target}"])
    )
    assert code_of(invoke, front, "remote", "x") == grpc.StatusCode.FAILED_PRECONDITION


def test_invoke_picks_the_component_named_like_the_id_else_the_default(start_runtime):
    r = start_runtime(load_config(None, ["rpcs.other.type=echo", "rpcs.echo.metadata.default=true"]))
    assert invoke(r, "any-app", "x").content_type == "text/plain"
    r2 = start_runtime(load_config(None, ["rpcs.other.type=echo"]))
    assert code_of(invoke, r2, "any-app", "x") == grpc.StatusCode.INVALID_ARGUMENT
