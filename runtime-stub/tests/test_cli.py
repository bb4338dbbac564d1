"""The l8-runtime command: READY line, embedded defaults, flags, errors, graceful SIGTERM, mutations."""

from __future__ import annotations

import io
import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import grpc
import pytest
from l8_runtime.cli import run
from l8_runtime.mutations import MUTATIONS
from l8_runtime.pb import rt, rt_grpc
from l8_runtime.ready import READY_RE as READY  # noqa: E402  (the one definition)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), io.StringIO(), out, err)
    return code, out.getvalue(), err.getvalue()


def test_list_mutations_names_each_documented_bug():
    code, out, _ = cli("--list-mutations")
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == sorted(MUTATIONS)
    assert {"etag-ignored", "lock-not-exclusive", "sequencer-repeats", "state-get-stale"} <= set(MUTATIONS)
    reached = {line.split("\t")[0]: line.split("\t")[2].split(",") for line in out.splitlines()}
    assert reached["etag-ignored"][0] == "Runtime/SaveState"
    assert reached["cryption-no-auth"] == ["CryptionService/*"]
    assert all(globs and all("/" in g for g in globs) for globs in reached.values())  # each names RPCs


def test_print_config_shows_the_embedded_defaults():
    code, out, _ = cli("--print-config")
    cfg = json.loads(out)
    assert (
        code == 0 and cfg["state"]["state_demo"]["type"] == "in-memory" and "state_sqlite" not in cfg["state"]
    )
    assert cfg["secret_store"]["secret_demo"]["metadata"] == {"api-key": "k-123", "db-password": "s3cr3t"}


def test_print_config_with_data_dir_adds_the_sqlite_store(tmp_path):
    cfg = json.loads(cli("--print-config", "--data-dir", str(tmp_path))[1])
    assert cfg["state"]["state_sqlite"]["type"] == "sqlite"


@pytest.mark.parametrize(
    "argv,needle",
    [
        (["--mutate", "nope"], "unknown mutation"),
        (["--tls-cert", "x.pem"], "--tls-cert and --tls-key"),
        (["--config", "/does/not/exist.json"], "cannot read"),
        (["--set", "bogus.x.type=y"], "unknown API"),
        (["--set", "state.s.type=hazelcast"], "no local equivalent"),
        (["--app-callback", "nohostport"], "HOST:PORT"),
    ],
)
def test_config_mistakes_exit_2_with_one_clear_line(argv, needle):
    code, _, err = cli(*argv)
    assert code == 2 and needle in err and "Traceback" not in err


def test_bad_json_config_reports_file_and_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "state": {\n    "s": {"type": "in-memory",}\n  }\n}\n')
    code, _, err = cli("--config", str(bad))
    assert code == 2 and f"{bad}:3:" in err


def start(*argv: str) -> tuple[subprocess.Popen, str, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "l8_runtime", "--grpc-port", "0", "--http-port", "0", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    match = READY.match(line)
    if not match:
        proc.kill()
        raise AssertionError(
            f"no READY line, got {line!r}; stderr: {proc.stderr.read() if proc.stderr else ''}"
        )
    return proc, match.group(1), match.group(2)


def test_process_serves_and_stops_gracefully_on_sigterm():
    proc, grpc_addr, _ = start()
    try:
        with grpc.insecure_channel(grpc_addr) as ch:
            reply = rt_grpc.RuntimeStub(ch).SayHello(
                rt.SayHelloRequest(service_name="helloworld", name="cli")
            )
        assert reply.hello == "greetings, cli"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
        logs = proc.stderr.read() if proc.stderr else ""
        entries = [json.loads(line) for line in logs.splitlines() if line.startswith("{")]
        assert [e["msg"] for e in entries if e["msg"].startswith("runtime ")] == [
            "runtime serving",
            "runtime stopped",
        ]
    finally:
        if proc.poll() is None:
            proc.kill()


def test_process_restart_with_data_dir_keeps_state(tmp_path: Path):
    for round_ in range(2):
        proc, grpc_addr, _ = start("--data-dir", str(tmp_path))
        try:
            with grpc.insecure_channel(grpc_addr) as ch:
                stub = rt_grpc.RuntimeStub(ch)
                if round_ == 0:
                    stub.SaveState(
                        rt.SaveStateRequest(
                            store_name="state_sqlite", states=[rt.StateItem(key="persist", value=b"yes")]
                        )
                    )
                else:
                    got = stub.GetState(rt.GetStateRequest(store_name="state_sqlite", key="persist"))
                    assert got.data == b"yes"
        finally:
            proc.send_signal(signal.SIGINT)
            assert proc.wait(15) == 0


def test_port_in_use_fails_with_a_message():
    proc, grpc_addr, _ = start()
    try:
        port = grpc_addr.rsplit(":", 1)[1]
        t0 = time.monotonic()
        code, _, err = cli("--grpc-port", port, "--http-port", "0")
        assert code == 1 and "cannot" in err and time.monotonic() - t0 < 10
    finally:
        proc.kill()
        proc.wait()


def test_reported_version_is_the_distribution_version() -> None:
    import tomllib
    from pathlib import Path

    from l8_runtime.control import runtime_version

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    assert runtime_version() == tomllib.loads(pyproject.read_text())["project"]["version"]


WATCH_COLLECTOR = """
import gc, sys, threading, time
def watch():
    while gc.isenabled():  # launch.main turns it off first
        time.sleep(0.0005)
    while not gc.isenabled():
        time.sleep(0.0005)
    print("collector back on", flush=True)
threading.Thread(target=watch, daemon=True).start()
sys.argv[1:] = ["--grpc-port", "0", "--http-port", "0"]
from l8_runtime import launch
launch.main()
"""


def test_the_launcher_keeps_the_collector_off_until_the_ready_line():
    proc = subprocess.Popen([sys.executable, "-c", WATCH_COLLECTOR], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline().strip()
        assert READY.match(first), first
        readable, _, _ = select.select([proc.stdout], [], [], 10)
        assert readable, "the collector was still off 10 s after READY"
        assert proc.stdout.readline().strip() == "collector back on"
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0


# Modules the start to READY must not import (bench/notes.py, start-up row): reflection and the control
# service are imported by their first call / --enable-control, uuid and hashlib by the first id / digest,
# the API's servicers by their service's first call, and the embedded default components by their first use.
# (`import grpc` itself imports the grpc_reflection package's __init__, not its servicer.)
NOT_AT_START = ("grpc_reflection.v1alpha.reflection", "google.protobuf.descriptor_pb2",
                "l8sdk._pb.l8.control.v1.control_pb2", "l8_runtime.control", "uuid", "hashlib",
                "l8_runtime.api.runtime", "l8_runtime.api.oss", "l8_runtime.api.extensions",
                "l8_runtime.components.state", "l8_runtime.components.oss.store",
                "l8_runtime.components.file")
CONTROL = ("l8sdk._pb.l8.control.v1.control_pb2", "l8_runtime.control")
BUILT = ("l8_runtime.components.state", "l8_runtime.components.oss.store", "l8_runtime.components.file")
LIST_AFTER_READY = """
import sys, threading
from l8_runtime import launch
real_write = sys.stdout.write
def write(text):
    real_write(text)
    if "READY" in text:
        real_write("imported: " + ",".join(m for m in {names!r} if m in sys.modules) + "\\n")
        sys.stdout.flush()
sys.stdout.write = write
sys.argv = ["l8-runtime", "--grpc-port", "0", "--http-port", "0", *{extra!r}]
launch.main()
"""


@pytest.mark.parametrize(
    ("extra", "expected"),
    [((), ()), (("--enable-control",), CONTROL), (("--set", "state.state_demo.metadata.ttl=1"), BUILT)],
    ids=["default", "enable-control", "user-config"],
)
def test_the_start_to_ready_imports_only_what_it_uses(extra, expected):
    """With a configuration the user changed, every component is built (so checked) before READY."""
    code = LIST_AFTER_READY.format(names=NOT_AT_START, extra=extra)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    try:
        assert proc.stdout is not None
        assert READY.match(proc.stdout.readline().strip())
        imported = proc.stdout.readline().removeprefix("imported: ").strip()
        assert sorted(filter(None, imported.split(","))) == sorted(expected)
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
