"""``l8gen release`` end to end on a scratch copy: first record, bumps, every package's version, changelog,
Go major path opt-in, tags only for committed releases."""

from __future__ import annotations

import json
import re
import subprocess
import tomllib
from pathlib import Path

import pytest

from tests.conftest import cli
from tests.evolution.conftest import ApiCopy, make_copy

EMAIL = "spec/proto/extension/v1/email/email.proto"
ADD_RPC = (
    "  rpc SendEmail(SendEmailRequest) returns (SendEmailResponse) {}\n",
    "  rpc SendEmail(SendEmailRequest) returns (SendEmailResponse) {}\n\n"
    "  // Sends the same e-mail again.\n  rpc ResendEmail(SendEmailRequest) returns (SendEmailResponse) {}\n",
)


def _release(copy: ApiCopy, *args: str) -> tuple[int, str, str]:
    return cli("release", "--buf", str(copy.buf), "--date", "2026-02-03", *args)


def _table(root: Path) -> dict[str, object]:
    return dict(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["l8gen"])


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def fresh(tmp_path: Path, buf: Path, monkeypatch: pytest.MonkeyPatch) -> ApiCopy:
    """A copy of proto/ at 0.1.0 with no release record yet (cwd = its root)."""
    copy = make_copy(tmp_path / "repo", buf, record=False)
    monkeypatch.chdir(copy.root)
    return copy


def test_first_release_records_the_current_version(fresh: ApiCopy) -> None:
    code, out, err = _release(fresh)
    assert (code, err) == (0, "")
    record = fresh.proto / "releases" / "v0.1.0.binpb"
    expected = fresh.root / "expected.binpb"
    subprocess.run([str(fresh.buf), "build", str(fresh.proto), "-o", str(expected)], check=True)
    assert record.read_bytes() == expected.read_bytes()
    changelog = (fresh.root / "CHANGELOG.md").read_text()
    assert "## [0.1.0] - 2026-02-03\n\nFirst release." in changelog
    assert "- Initial release of the API and the SDKs:" in changelog
    assert "  - service `spec.proto.extension.v1.email.EmailService` (2 RPCs)" in changelog
    assert _table(fresh.root)["version"] == "0.1.0"
    assert "tag: v0.1.0 (not created" in out


def test_release_after_an_addition_versions_every_package_once(api_copy: ApiCopy) -> None:
    api_copy.edit(EMAIL, *ADD_RPC)
    code, out, err = _release(api_copy)
    assert code == 0, err
    root = api_copy.root
    assert _table(root)["version"] == "0.2.0"
    assert tomllib.loads((root / "sdks/python/pyproject.toml").read_text())["project"]["version"] == "0.2.0"
    assert json.loads((root / "sdks/node/package.json").read_text())["version"] == "0.2.0"
    assert re.search(r"project\(\S+ VERSION 0\.2\.0 ", (root / "sdks/cpp/CMakeLists.txt").read_text())
    assert 'const Version = "0.2.0"' in (root / "sdks/go/client.go").read_text()
    assert "def resend_email(" in (root / "sdks/python/src/l8sdk/services/email_service.py").read_text()
    changelog = (root / "CHANGELOG.md").read_text()
    assert "## [0.2.0] - 2026-02-03\n\nAPI compared with v0.1.0: minor change, bump minor." in changelog
    assert "### Added\n\n- RPC `spec.proto.extension.v1.email.EmailService.ResendEmail`\n" in changelog
    assert (api_copy.proto / "releases" / "v0.2.0.binpb").is_file()
    assert "released 0.2.0 (bump minor from 0.1.0)" in out and "tag: v0.2.0" in out
    code, report, _ = api_copy.diff()
    assert (code, report["against"]["ref"], report["semver"]) == (0, "v0.2.0", "none")  # type: ignore[index]
    code, _, err = _release(api_copy, "--no-generate")
    assert code == 2 and "no API change since v0.2.0: nothing to release" in err


def test_a_bump_smaller_than_the_change_is_refused_and_nothing_is_written(api_copy: ApiCopy) -> None:
    api_copy.edit(EMAIL, *ADD_RPC)
    before = _snapshot(api_copy.root)
    code, _, err = _release(api_copy, "--bump", "patch")
    assert code == 2
    assert "--bump patch is too small: the changes need at least minor" in err
    assert _snapshot(api_copy.root) == before


def test_breaking_release_before_1_0_bumps_minor_and_marks_it(api_copy: ApiCopy) -> None:
    api_copy.edit(EMAIL, "  rpc SendEmail(SendEmailRequest) returns (SendEmailResponse) {}\n", "")
    code, _, err = _release(api_copy, "--no-generate")
    assert code == 0, err
    assert _table(api_copy.root)["version"] == "0.2.0"
    changelog = (api_copy.root / "CHANGELOG.md").read_text()
    assert "major change, bump minor" in changelog
    assert re.search(
        r"### Removed\n\n- \*\*Breaking[^*]*:\*\* Previously present RPC \"SendEmail\"", changelog
    )


def test_go_module_path_changes_for_v2_only_with_the_opt_in(
    tmp_path: Path, buf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for flag, module in (
        ("", "github.com/l8sdk/l8sdk-go"),
        ("--go-major-path", "github.com/l8sdk/l8sdk-go/v2"),
    ):
        copy = make_copy(tmp_path / (flag or "plain"), buf, version="1.4.2")
        monkeypatch.chdir(copy.root)
        copy.edit(EMAIL, "  string setting_id = 2;", "  string profile_id = 2;")
        code, _, err = _release(copy, "--no-generate", *([flag] if flag else []))
        assert code == 0, err
        assert (_table(copy.root)["version"], _table(copy.root)["go"]["module"]) == ("2.0.0", module)
        assert ("pass --go-major-path" in err) == (not flag)


def test_version_edited_by_hand_is_refused(api_copy: ApiCopy) -> None:
    config = api_copy.root / "pyproject.toml"
    config.write_text(config.read_text().replace('version = "0.1.0"', 'version = "0.3.0"'))
    code, _, err = _release(api_copy)
    assert code == 2
    assert "[tool.l8gen].version is 0.3.0 but the latest release record is v0.1.0" in err


def test_tag_is_created_only_for_a_committed_release(fresh: ApiCopy) -> None:
    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
            cwd=fresh.root,
            check=True,
            capture_output=True,
            text=True,
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "api")
    assert _release(fresh)[0] == 0  # records v0.1.0: CHANGELOG.md and the record are new, uncommitted files
    code, _, err = _release(fresh, "--tag")
    assert code == 2 and "the release files are not committed yet" in err
    git("add", "-A")
    git("commit", "-q", "-m", "release 0.1.0")
    git("config", "user.name", "t")  # `git tag -a` needs an identity
    git("config", "user.email", "t@example.com")
    code, out, err = _release(fresh, "--tag")
    assert (code, out) == (0, "tag: created v0.1.0\n"), err
    assert git("tag", "--list").stdout.split() == ["v0.1.0"]
    code, _, err = _release(fresh, "--tag")
    assert code == 2 and "tag v0.1.0 already exists" in err
