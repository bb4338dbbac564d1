"""l8dev.publish.upload: the refusals, and real uploads where a local stand-in exists (a bare git repository
for the Go tag; a local HTTP server speaking GitHub's release API for the C++ asset)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from l8dev.publish.gomod import write_proxy_tree
from l8dev.publish.release import Release, artifact_entry, write_record
from l8dev.publish.upload import _git_env, run

from .test_gomod import tiny_module

NO_CI = {"PATH": "/usr/local/bin:/usr/bin:/bin"}


def _smoke_passed(release: Release, language: str, entry: dict[str, Any], passed: bool = True) -> None:
    path = release.dist / "smoke.json"
    data = json.loads(path.read_text()) if path.exists() else {"version": release.version, "results": {}}
    data["results"][language] = {
        "passed": passed,
        "artifacts": {f["path"]: f["sha256"] for f in entry["files"]},
    }
    path.write_text(json.dumps(data))


def _record_cpp(release: Release, passed: bool = True) -> Path:
    tgz = release.dist / "cpp" / "l8sdk-cpp-0.3.1.tar.gz"
    tgz.parent.mkdir(parents=True)
    with tarfile.open(tgz, "w:gz") as tar:
        tar.addfile(tarfile.TarInfo("l8sdk-cpp-0.3.1"))
    entry = {"files": [artifact_entry(release.dist, tgz, "source")]}
    write_record(release, "cpp", entry)
    _smoke_passed(release, "cpp", entry, passed)
    return tgz


def _run(release: Release, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(
        ["--root", str(release.root), *args], io.StringIO(), out, err, environ={**NO_CI, **(env or {})}
    )
    return code, out.getvalue(), err.getvalue()


def test_refuses_without_yes_and_prints_the_plan(release: Release) -> None:
    _record_cpp(release)
    code, out, err = _run(release, "--only", "cpp", env={"GITHUB_TOKEN": "t"})
    assert code == 2 and "refusing without --yes" in err
    assert "cpp/l8sdk-cpp-0.3.1.tar.gz" in out and "credentials: ok" in out


@pytest.mark.parametrize("variable", ["CI", "GITHUB_ACTIONS"])
def test_refuses_in_ci_even_with_yes(release: Release, variable: str) -> None:
    _record_cpp(release)
    code, _, err = _run(release, "--yes", "--only", "cpp", env={variable: "true", "GITHUB_TOKEN": "t"})
    assert code == 2 and f"refusing to run in CI ({variable} is set)" in err


def test_refuses_artifacts_whose_smoke_test_did_not_pass(release: Release) -> None:
    _record_cpp(release, passed=False)
    code, _, err = _run(release, "--yes", "--only", "cpp", env={"GITHUB_TOKEN": "t"})
    assert code == 2 and "smoke test did not pass" in err


def test_refuses_artifacts_changed_after_the_smoke_test(release: Release) -> None:
    tgz = _record_cpp(release)
    entry = {"files": [{**artifact_entry(release.dist, tgz, "source"), "sha256": "0" * 64}]}
    _smoke_passed(release, "cpp", entry)  # smoke saw other bytes
    code, _, err = _run(release, "--yes", "--only", "cpp", env={"GITHUB_TOKEN": "t"})
    assert code == 2 and "smoke test did not pass" in err


def test_missing_credentials_upload_nothing(release: Release) -> None:
    _record_cpp(release)
    code, out, err = _run(release, "--yes", "--only", "cpp")
    assert code == 2 and "missing GITHUB_TOKEN" in out and "nothing was uploaded" in err


def test_token_reaches_git_only_through_the_environment() -> None:
    env = _git_env("https://github.com/acme/m.git", {"GITHUB_TOKEN": "s3cret"})
    assert env["GIT_CONFIG_KEY_0"] == "http.extraHeader"
    assert (
        env["GIT_CONFIG_VALUE_0"].startswith("Authorization: Basic ")
        and "s3cret" not in env["GIT_CONFIG_VALUE_0"]
    )
    assert "GIT_CONFIG_COUNT" not in _git_env("git@github.com:acme/m.git", {"GITHUB_TOKEN": "s3cret"})


def test_go_upload_pushes_exactly_the_module_zip_as_the_tag(release: Release, tmp_path: Path) -> None:
    result = write_proxy_tree(
        tiny_module(tmp_path / "m", release.package("go")),
        release.package("go"),
        release.tag,
        release.dist / "go" / "proxy",
        io.StringIO(),
    )
    files = [
        artifact_entry(release.dist, release.dist / "go" / "proxy" / result[k], k) for k in ("zip", "mod")
    ]
    entry = {"files": files, "h1": result["h1"], "mod_h1": result["mod_h1"], "goproxy": "go/proxy"}
    write_record(release, "go", entry)
    _smoke_passed(release, "go", entry)
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(bare)], check=True)
    code, out, err = _run(release, "--yes", "--only", "go", env={"L8_GO_REMOTE": str(bare)})
    assert code == 0, out + err
    tags = subprocess.run(["git", "--git-dir", str(bare), "tag"], capture_output=True, text=True, check=True)
    assert tags.stdout.split() == ["v0.3.1"]
    checkout = tmp_path / "checkout"
    subprocess.run(
        ["git", "clone", "--quiet", "--branch", "v0.3.1", str(bare), str(checkout)],
        check=True,
        capture_output=True,
    )
    shutil.rmtree(checkout / ".git")
    # What the Go proxy will make from the pushed tag hashes exactly like the zip that was smoke-tested.
    again = write_proxy_tree(checkout, release.package("go"), release.tag, tmp_path / "proxy2", io.StringIO())
    assert again["h1"] == result["h1"]
    code, _, err = _run(release, "--yes", "--only", "go", env={"L8_GO_REMOTE": str(bare)})
    assert code == 1 and "already has tag v0.3.1" in err


class _FakeGitHub(BaseHTTPRequestHandler):
    """GitHub's release endpoints as far as the upload uses them; records what it was sent."""

    received: list[tuple[str, str, str, bytes]] = []
    releases: dict[str, dict[str, Any]] = {}

    def _reply(self, status: int, body: dict[str, Any] | None) -> None:
        payload = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _record(self) -> bytes:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.received.append((self.command, self.path, self.headers.get("Authorization", ""), body))
        return body

    def do_GET(self) -> None:  # noqa: N802
        self._record()
        tag = self.path.rsplit("/", 1)[-1]
        self._reply(200, self.releases[tag]) if tag in self.releases else self._reply(
            404, {"message": "Not Found"}
        )

    def do_POST(self) -> None:  # noqa: N802
        body = self._record()
        host = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path.endswith("/releases"):
            tag = json.loads(body)["tag_name"]
            self.releases[tag] = {
                "id": 7,
                "tag_name": tag,
                "assets": [],
                "upload_url": f"{host}/uploads/7/assets{{?name,label}}",
            }
            self._reply(201, self.releases[tag])
        else:
            name = self.path.split("name=", 1)[1]
            self._reply(201, {"name": name, "browser_download_url": f"{host}/download/{name}"})

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake_github() -> Iterator[str]:
    _FakeGitHub.received, _FakeGitHub.releases = [], {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeGitHub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_cpp_upload_creates_the_release_and_attaches_the_package(release: Release, fake_github: str) -> None:
    tgz = _record_cpp(release)
    env = {"GITHUB_TOKEN": "ghp-s3cret-42", "GITHUB_API_URL": fake_github, "L8_RELEASE_REPO": "acme/sdk"}
    code, out, err = _run(release, "--yes", "--only", "cpp", env=env)
    assert code == 0, out + err
    calls = [(method, path) for method, path, _, _ in _FakeGitHub.received]
    assert calls == [
        ("GET", "/repos/acme/sdk/releases/tags/v0.3.1"),
        ("POST", "/repos/acme/sdk/releases"),
        ("POST", "/uploads/7/assets?name=l8sdk-cpp-0.3.1.tar.gz"),
    ]
    assert {auth for _, _, auth, _ in _FakeGitHub.received} == {"Bearer ghp-s3cret-42"}
    assert _FakeGitHub.received[-1][3] == tgz.read_bytes()
    assert "ghp-s3cret-42" not in out + err
