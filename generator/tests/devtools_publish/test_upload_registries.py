"""l8dev.publish.upload against local stand-ins of PyPI's upload API and the npm registry: the real twine and
npm clients upload the artifacts with the token from the environment (nothing leaves the machine)."""

from __future__ import annotations

import base64
import io
import json
import tarfile
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from l8dev.publish.release import Release, artifact_entry, write_record

from .test_upload import _run, _smoke_passed

TOKEN = "pypi-or-npm-s3cret-77"


class _Registry(BaseHTTPRequestHandler):
    """Accepts any upload (POST: PyPI's legacy upload API; PUT: npm publish) and records it."""

    received: list[tuple[str, str, str, bytes]] = []

    def _accept(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.received.append((self.command, self.path, self.headers.get("Authorization", ""), body))
        payload = b"{}"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_POST = do_PUT = _accept  # noqa: N815

    def do_GET(self) -> None:  # noqa: N802
        """No package is known (a first publish): npm looks the package up before it PUTs."""
        payload = b'{"error": "Not found"}'
        self.send_response(404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def registry() -> Iterator[str]:
    _Registry.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Registry)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


METADATA = "Metadata-Version: 2.1\nName: l8sdk\nVersion: 0.3.1\nSummary: s\n"


def _python_artifacts(release: Release) -> list[Path]:
    out = release.dist / "python"
    out.mkdir(parents=True)
    wheel = out / "l8sdk-0.3.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("l8sdk/__init__.py", "")
        zf.writestr("l8sdk-0.3.1.dist-info/METADATA", METADATA)
        zf.writestr(
            "l8sdk-0.3.1.dist-info/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        )
        zf.writestr("l8sdk-0.3.1.dist-info/RECORD", "")
    sdist = out / "l8sdk-0.3.1.tar.gz"
    with tarfile.open(sdist, "w:gz") as tar:
        for name, data in (("PKG-INFO", METADATA.encode()), ("pyproject.toml", b"")):
            info = tarfile.TarInfo(f"l8sdk-0.3.1/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return [wheel, sdist]


def test_python_upload_runs_twine_with_the_token(release: Release, registry: str) -> None:
    wheel, sdist = _python_artifacts(release)
    entry = {
        "files": [artifact_entry(release.dist, wheel, "wheel"), artifact_entry(release.dist, sdist, "sdist")]
    }
    write_record(release, "python", entry)
    _smoke_passed(release, "python", entry)
    env = {"PYPI_TOKEN": TOKEN, "TWINE_REPOSITORY_URL": registry}
    code, out, err = _run(release, "--yes", "--only", "python", env=env)
    assert code == 0, out + err
    assert [method for method, _, _, _ in _Registry.received] == ["POST", "POST"]
    expected_auth = "Basic " + base64.b64encode(f"__token__:{TOKEN}".encode()).decode()
    assert {auth for _, _, auth, _ in _Registry.received} == {expected_auth}
    bodies = b"".join(body for _, _, _, body in _Registry.received)
    assert wheel.read_bytes() in bodies and sdist.read_bytes() in bodies
    assert TOKEN not in out + err


def test_node_upload_runs_npm_publish_with_the_token(release: Release, registry: str) -> None:
    tgz = release.dist / "node" / "l8sdk-sdk-0.3.1.tgz"
    tgz.parent.mkdir(parents=True)
    manifest = json.dumps({"name": "@l8sdk/sdk", "version": "0.3.1", "license": "Apache-2.0"}).encode()
    with tarfile.open(tgz, "w:gz") as tar:
        info = tarfile.TarInfo("package/package.json")
        info.size = len(manifest)
        tar.addfile(info, io.BytesIO(manifest))
    entry = {"files": [artifact_entry(release.dist, tgz, "tarball")]}
    write_record(release, "node", entry)
    _smoke_passed(release, "node", entry)
    code, out, err = _run(
        release,
        "--yes",
        "--only",
        "node",
        env={"NPM_TOKEN": TOKEN, "L8_NPM_REGISTRY": registry, "HOME": str(release.root)},
    )
    assert code == 0, out + err
    puts = [(path, auth, body) for method, path, auth, body in _Registry.received if method == "PUT"]
    assert len(puts) == 1 and puts[0][0] == "/@l8sdk%2fsdk" and puts[0][1] == f"Bearer {TOKEN}"
    document = json.loads(puts[0][2])
    assert document["name"] == "@l8sdk/sdk" and "0.3.1" in document["versions"]
    assert document["access"] == "public"
    assert TOKEN not in out + err
