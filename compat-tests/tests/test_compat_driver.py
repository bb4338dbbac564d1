"""l8compat.driver: the runner side of the line protocol against small scripted driver processes."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
from l8compat.driver import DriverFailure, DriverProcess

ECHO = """
import json, sys
for line in sys.stdin:
    req = json.loads(line)
    if req["op"] == "hello":
        out = {"id": req["id"], "ok": True, "language": "test", "sdk_version": "0", "rpcs": []}
    elif req["op"] == "quit":
        print(json.dumps({"id": req["id"], "ok": True}), flush=True); break
    elif req["op"] == "fail":
        out = {"id": req["id"], "ok": False, "error": {"code": "NOT_FOUND", "message": "nope"}}
    elif req["op"] == "garbage":
        print("not json", flush=True); continue
    elif req["op"] == "die":
        sys.exit(3)
    elif req["op"] == "hang":
        continue
    elif req["op"] == "recv":  # breaks the protocol: a recv reply must say whether the stream is done
        out = {"id": req["id"], "ok": True, "messages": []}
    elif req["op"] == "cancel":  # breaks the protocol: not a gRPC status name
        out = {"id": req["id"], "ok": False, "error": {"code": "OOPS", "message": "x"}}
    else:
        out = {"id": req["id"], "ok": True, "echo": req}
    print(json.dumps(out), flush=True)
"""


@pytest.fixture
def driver(tmp_path: Path) -> DriverProcess:
    script = tmp_path / "drv.py"
    script.write_text(textwrap.dedent(ECHO))
    d = DriverProcess("test", [sys.executable, str(script)], tmp_path, log_path=tmp_path / "drv.log")
    d.start(timeout_s=20)
    yield d
    d.kill()


def test_hello_and_echo(driver: DriverProcess) -> None:
    assert driver.hello["language"] == "test"
    reply = driver.request("call", service="s.v1.S", rpc="X", request={"a": 1})
    assert reply.ok and reply.body["echo"]["request"] == {"a": 1}


def test_failure_reply_carries_the_code(driver: DriverProcess) -> None:
    reply = driver.request("fail")
    assert not reply.ok and reply.code == "NOT_FOUND"


def test_non_json_line_is_a_protocol_failure(driver: DriverProcess) -> None:
    with pytest.raises(DriverFailure, match="non-JSON line"):
        driver.request("garbage")


def test_exit_is_reported(driver: DriverProcess) -> None:
    with pytest.raises(DriverFailure, match="exited"):
        driver.request("die")
    assert not driver.alive


def test_hang_times_out(driver: DriverProcess) -> None:
    with pytest.raises(DriverFailure, match="no reply"):
        driver.request("hang", timeout_s=0.5)
    assert driver.request("ping").ok  # late/absent replies do not poison the next request


def test_a_reply_missing_a_field_of_its_op_is_a_protocol_failure(driver: DriverProcess) -> None:
    with pytest.raises(DriverFailure, match=r"reply to recv #\d+ breaks the protocol .*'done' is a required"):
        driver.request("recv", stream="s", count=1)


def test_an_error_code_that_is_not_a_grpc_status_is_a_protocol_failure(driver: DriverProcess) -> None:
    with pytest.raises(DriverFailure, match=r"error/code: 'OOPS' is not one of"):
        driver.request("cancel", stream="s")


def test_a_request_outside_the_protocol_is_refused_before_it_is_sent(driver: DriverProcess) -> None:
    with pytest.raises(ValueError, match=r"call request breaks the driver protocol: .*'service' is a req"):
        driver.request("call", rpc="X")
    with pytest.raises(ValueError, match=r"Additional properties are not allowed \('bogus' was unexpected\)"):
        driver.request("wait_ready", timeout_ms=5, bogus=1)
    assert driver.request("ping").ok  # nothing was written for the refused requests
