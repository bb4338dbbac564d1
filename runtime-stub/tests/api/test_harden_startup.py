"""Issue 18 items 10-11: start-up problems are reported naming the file (corrupt or 0-byte SQLite, corrupt
cryption key file, mismatched TLS pair), a lost WAL loses nothing, and the actuator's logger endpoint needs
the token; the Bearer scheme is case-insensitive."""

from __future__ import annotations

import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from l8_runtime.pb import rt
from rt_harness import RunningRuntime


def start_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "l8_runtime", "--grpc-port", "0", "--http-port", "0", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("content", [b"", b"this is not a database" * 200])
def test_item10_corrupt_or_empty_sqlite_is_a_clear_error(tmp_path: Path, content: bytes):
    db = tmp_path / "data" / "state" / "state_sqlite.sqlite3"
    db.parent.mkdir(parents=True)
    db.write_bytes(content)
    res = start_cli("--data-dir", str(tmp_path / "data"))
    assert res.returncode != 0
    assert str(db) in res.stderr and "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) <= 3


def test_item10_deleted_wal_loses_no_acknowledged_write(tmp_path: Path):
    data = tmp_path / "data"
    r = RunningRuntime(data_dir=data)
    try:
        items = [rt.StateItem(key=f"k{i}", value=b"v") for i in range(1000)]
        r.runtime.SaveState(rt.SaveStateRequest(store_name="state_sqlite", states=items))
        for wal in (data / "state").glob("*-wal"):  # with the runtime still running (a crash follows)
            wal.unlink()
    finally:
        r.stop()
    again = RunningRuntime(data_dir=data)
    try:
        bulk = again.runtime.GetBulkState(
            rt.GetBulkStateRequest(store_name="state_sqlite", keys=[f"k{i}" for i in range(1000)])
        )
        assert sum(1 for i in bulk.items if i.data == b"v") == 1000
    finally:
        again.stop()


def test_item10_corrupt_cryption_key_file_names_the_file(tmp_path: Path):
    keys = tmp_path / "data" / "cryption" / "cryption_demo.json"
    keys.parent.mkdir(parents=True)
    keys.write_text("{not json", encoding="utf-8")
    res = start_cli("--data-dir", str(tmp_path / "data"))
    assert res.returncode != 0 and str(keys) in res.stderr and "Traceback" not in res.stderr


def test_item10_mismatched_tls_pair_is_reported_as_such(tmp_path: Path):
    def mint(name: str) -> tuple[Path, Path]:
        cert, key = tmp_path / f"{name}.crt", tmp_path / f"{name}.key"
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-keyout",
                str(key),
                "-out",
                str(cert),
            ],
            check=True,
            capture_output=True,
        )
        return cert, key

    cert_a, _ = mint("a")
    _, key_b = mint("b")
    res = start_cli("--tls-cert", str(cert_a), "--tls-key", str(key_b))
    assert res.returncode != 0
    assert "do not match" in res.stderr or "not a matching" in res.stderr
    assert "in use" not in res.stderr and str(cert_a) in res.stderr


def post_logger(http: str, auth: str | None) -> int:
    req = urllib.request.Request(
        f"http://{http}/actuator/logger", data=b'{"component": "api", "level": "debug"}', method="POST"
    )
    if auth is not None:
        req.add_header("Authorization", auth)
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as err:
        return int(err.code)


def test_item11_actuator_logger_needs_the_token(start_runtime):
    r = start_runtime(api_token="tok")
    assert post_logger(r.http, None) == 401
    assert post_logger(r.http, "Bearer wrong") == 401
    assert post_logger(r.http, "bearer tok") == 200
    with urllib.request.urlopen(f"http://{r.http}/actuator/health/liveness", timeout=5) as resp:
        assert resp.status == 200  # probes stay open


@pytest.mark.parametrize("scheme", ["bearer", "BEARER", "Bearer"])
def test_item11_bearer_scheme_is_case_insensitive(start_runtime, scheme):
    r = start_runtime(api_token="tok")
    got = r.runtime.SayHello(
        rt.SayHelloRequest(service_name="helloworld"), metadata=(("authorization", f"{scheme} tok"),)
    )
    assert got.hello
