"""Signed OSS URLs are real HTTP URLs: fetched and uploaded over the actuator port (urllib, no mocks)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
from l8_runtime.pb import oss


def sign(r, key: str, method: str, seconds: int = 60, bucket: str = "b") -> str:
    req = oss.SignURLInput(
        store_name="oss_demo", bucket=bucket, key=key, method=method, expired_in_sec=seconds
    )
    url: str = r.oss.SignURL(req).signed_url
    return url


def http(url: str, method: str = "GET", data: bytes | None = None) -> tuple[int, bytes, dict[str, str]]:
    req = urllib.request.Request(url, data=data, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.read(), dict(resp.headers)
    except urllib.error.HTTPError as err:
        return err.code, err.read(), dict(err.headers)


def test_signed_urls_point_at_the_bound_actuator_port(runtime) -> None:
    url = sign(runtime, "k", "GET")
    parts = urlsplit(url)
    assert parts.netloc == runtime.http  # the port actually bound (http_port=0), not 34999
    assert parts.path == "/oss/oss_demo/b/k"


def test_put_then_get_over_http_round_trips_an_object(runtime) -> None:
    body = bytes(range(256)) * 300  # 76.8 kB: more than one read chunk
    status, _, headers = http(sign(runtime, "dir/obj.bin", "PUT"), "PUT", body)
    assert status == 200 and headers["ETag"]
    status, got, headers = http(sign(runtime, "dir/obj.bin", "GET"))
    assert (status, got) == (200, body)
    # the object is a normal object of the store: the gRPC API sees what HTTP wrote
    msgs = list(
        runtime.oss.GetObject(oss.GetObjectInput(store_name="oss_demo", bucket="b", key="dir/obj.bin"))
    )
    assert b"".join(m.body for m in msgs) == body and msgs[0].etag == headers["ETag"]


def test_object_put_over_grpc_is_fetched_over_http(runtime) -> None:
    runtime.oss.PutObject(
        iter([oss.PutObjectInput(store_name="oss_demo", bucket="b", key="g", body=b"grpc")])
    )
    status, got, headers = http(sign(runtime, "g", "GET"))
    assert (status, got) == (200, b"grpc")


@pytest.mark.parametrize(
    "mangle, code",
    [
        (lambda u: u.replace("X-L8-Signature=", "X-L8-Signature=0"), 403),  # tampered signature
        (lambda u: u.replace("/oss/oss_demo/b/k", "/oss/oss_demo/b/other"), 403),  # another key
        (lambda u: u.replace("/oss/oss_demo/", "/oss/nope/"), 404),  # unknown store
    ],
)
def test_bad_signed_urls_are_refused(runtime, mangle, code) -> None:
    runtime.oss.PutObject(iter([oss.PutObjectInput(store_name="oss_demo", bucket="b", key="k", body=b"x")]))
    status, body, _ = http(mangle(sign(runtime, "k", "GET")))
    assert status == code and json.loads(body)["message"]


def test_method_and_expiry_are_checked(runtime) -> None:
    put_url = sign(runtime, "m", "PUT")
    status, body, _ = http(put_url)  # a PUT URL used for GET
    assert status == 403 and "PUT" in json.loads(body)["message"]
    runtime.server.host.ctx.wall = lambda: 4_102_444_800.0  # the year 2100: the URL has expired
    status, body, _ = http(put_url, "PUT", b"late")
    assert status == 403 and "expired" in json.loads(body)["message"]


def test_get_of_a_missing_object_is_404(runtime) -> None:
    status, body, _ = http(sign(runtime, "never", "GET"))
    assert status == 404 and json.loads(body)["error"] == "NOT_FOUND"
