"""Actuator HTTP: Layotto's paths, JSON shapes and status codes (500 on DOWN/INIT, 404 elsewhere)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from l8_runtime.actuator import DOWN, INIT, Actuator, HealthState


def fetch(address: str, path: str, data: bytes | None = None) -> tuple[int, bytes, str]:
    req = urllib.request.Request(f"http://{address}{path}", data=data, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.status, resp.read(), resp.headers.get("Content-Type", "")
    except urllib.error.HTTPError as err:
        return err.code, err.read(), err.headers.get("Content-Type", "")


@pytest.mark.parametrize("path", ["/actuator/health/liveness", "/actuator/health/readiness"])
def test_health_up_shape(runtime, path):
    status, body, ctype = fetch(runtime.http, path)
    assert status == 200 and ctype == "application/json"
    assert json.loads(body) == {
        "components": {"runtime_startup": {"status": "UP", "details": {"reason": ""}}},
        "status": "UP",
    }


def test_info_shape(runtime):
    status, body, _ = fetch(runtime.http, "/actuator/info")
    info = json.loads(body)
    assert status == 200 and info["app"]["name"] == "l8-runtime" and info["app"]["version"]


def test_unknown_paths_are_404_with_empty_body(runtime):
    for path in ("/", "/actuator/nope", "/health"):
        assert fetch(runtime.http, path)[:2] == (404, b"")


def test_unknown_health_type_is_500(runtime):
    assert fetch(runtime.http, "/actuator/health/startup")[0] == 500


def test_logger_endpoint(runtime):
    assert fetch(runtime.http, "/actuator/logger", b'{"component": "calls", "level": "debug"}')[:2] == (
        200,
        b"{}",
    )
    assert fetch(runtime.http, "/actuator/logger", b'{"level": "loud"}')[0] == 400


@pytest.mark.parametrize("state,reason", [(DOWN, "shutdown"), (INIT, "starting")])
def test_down_and_init_are_500(state, reason):
    health = HealthState()
    health.set(state, reason)
    status, body = Actuator(health, "1").handle("GET", "/actuator/health/readiness", b"")
    assert status == 500 and json.loads(body)["components"]["runtime_startup"] == {
        "status": state,
        "details": {"reason": reason},
    }
