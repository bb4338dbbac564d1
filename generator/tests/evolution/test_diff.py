"""``l8gen diff`` end to end: real edits on a copy of proto/, the real buf CLI, JSON report and exit code."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import cli
from tests.evolution.conftest import ApiCopy, make_copy

EMAIL = "spec/proto/extension/v1/email/email.proto"
RUNTIME = "spec/proto/runtime/v1/runtime.proto"


def _rules(report: dict[str, object], key: str = "breaking") -> set[str]:
    items = report[key]
    assert isinstance(items, list)
    return {item["rule"] for item in items}


def _elements(report: dict[str, object], key: str) -> list[tuple[str, str, str]]:
    items = report[key]
    assert isinstance(items, list)
    return [(item["change"], item["kind"], item["element"]) for item in items]


def test_rename_field_is_breaking_major_applied_as_minor_before_1_0(api_copy: ApiCopy) -> None:
    api_copy.edit(EMAIL, "  string setting_id = 2;", "  string profile_id = 2;")
    code, report, err = api_copy.diff()
    assert code == 1
    assert "breaking changes against v0.1.0" in err
    assert "FIELD_SAME_NAME" in _rules(report)
    assert all(item["file"] == EMAIL for item in report["breaking"])  # type: ignore[attr-defined]
    assert "FIELD_SAME_NAME" in _rules(report, "wire_breaking")  # the JSON name changes too
    assert (report["semver"], report["bump"], report["next_version"]) == ("major", "minor", "0.2.0")
    assert report["added"] == []  # a renamed field is the same field (number 2), not an addition


def test_rename_after_1_0_bumps_major(tmp_path: Path, buf: Path, monkeypatch: object) -> None:
    copy = make_copy(tmp_path / "repo", buf, version="1.4.2")
    copy.edit(EMAIL, "  string setting_id = 2;", "  string profile_id = 2;")
    code, report, _ = copy.diff(
        "--proto-root",
        str(copy.proto),
        "--config",
        str(copy.root / "pyproject.toml"),
        "--releases",
        str(copy.proto / "releases"),
    )
    assert code == 1
    assert (report["semver"], report["bump"], report["version"], report["next_version"]) == (
        "major",
        "major",
        "1.4.2",
        "2.0.0",
    )


def test_delete_rpc_is_breaking(api_copy: ApiCopy) -> None:
    api_copy.edit(EMAIL, "  rpc SendEmail(SendEmailRequest) returns (SendEmailResponse) {}\n", "")
    code, report, _ = api_copy.diff()
    assert code == 1
    assert "RPC_NO_DELETE" in _rules(report)
    assert report["semver"] == "major"


def test_change_field_type_is_breaking_on_the_wire_too(api_copy: ApiCopy) -> None:
    api_copy.edit(EMAIL, "  string text = 1;", "  int64 text = 1;")
    code, report, _ = api_copy.diff()
    assert code == 1
    assert "FIELD_SAME_TYPE" in _rules(report)
    assert report["wire_breaking"], "a string -> int64 change must also be a WIRE_JSON violation"
    assert all(item["wire"] for item in report["breaking"])  # type: ignore[attr-defined]
    assert report["semver"] == "major"


def test_allow_breaking_exits_zero(api_copy: ApiCopy) -> None:
    api_copy.edit(EMAIL, "  string text = 1;", "  int64 text = 1;")
    code, report, _ = api_copy.diff("--allow-breaking")
    assert code == 0
    assert report["semver"] == "major"


def test_add_field_is_minor(api_copy: ApiCopy) -> None:
    api_copy.edit(
        EMAIL,
        "  string text = 1;\n}",
        "  string text = 1;\n\n  // HTML body. Optional.\n  string html = 2;\n}",
    )
    code, report, _ = api_copy.diff()
    assert code == 0
    assert _elements(report, "added") == [("added", "field", "spec.proto.extension.v1.email.Content.html")]
    assert (report["breaking"], report["changed"]) == ([], [])
    assert (report["semver"], report["bump"], report["next_version"]) == ("minor", "minor", "0.2.0")


def test_add_rpc_is_minor(api_copy: ApiCopy) -> None:
    api_copy.edit(
        EMAIL,
        "  rpc SendEmail(SendEmailRequest) returns (SendEmailResponse) {}\n",
        "  rpc SendEmail(SendEmailRequest) returns (SendEmailResponse) {}\n\n"
        "  // Sends the same e-mail again.\n"
        "  rpc ResendEmail(SendEmailRequest) returns (SendEmailResponse) {}\n",
    )
    code, report, _ = api_copy.diff()
    assert code == 0
    assert _elements(report, "added") == [
        ("added", "rpc", "spec.proto.extension.v1.email.EmailService.ResendEmail")
    ]
    assert report["breaking"] == []
    assert report["semver"] == "minor"


def test_comment_only_is_patch(api_copy: ApiCopy) -> None:
    api_copy.edit(
        EMAIL, "  // Plain-text body, sent as is (UTF-8).", "  // Plain-text body, sent unchanged (UTF-8)."
    )
    code, report, _ = api_copy.diff()
    assert code == 0
    assert _elements(report, "changed") == [("doc", "field", "spec.proto.extension.v1.email.Content.text")]
    assert (report["breaking"], report["added"]) == ([], [])
    assert (report["semver"], report["bump"], report["next_version"]) == ("patch", "patch", "0.1.1")


def test_idempotency_change_is_breaking_for_buf(api_copy: ApiCopy) -> None:
    # The SDKs retry only idempotent RPCs: buf's FILE category guards the level (RPC_SAME_IDEMPOTENCY_LEVEL).
    api_copy.edit(
        RUNTIME,
        "  rpc SayHello(SayHelloRequest) returns (SayHelloResponse) {\n"
        "    option idempotency_level = NO_SIDE_EFFECTS;\n  }",
        "  rpc SayHello(SayHelloRequest) returns (SayHelloResponse) {}",
    )
    code, report, _ = api_copy.diff()
    assert code == 1
    assert _rules(report) == {"RPC_SAME_IDEMPOTENCY_LEVEL"}
    assert report["changed"] == []


def test_identical_is_none(api_copy: ApiCopy) -> None:
    code, report, err = api_copy.diff()
    assert (code, err) == (0, "")
    assert [report[k] for k in ("breaking", "wire_breaking", "added", "changed")] == [[], [], [], []]
    assert (report["semver"], report["bump"], report["next_version"]) == ("none", "none", "0.1.0")
    assert report["against"] == {"kind": "release", "ref": "v0.1.0", "source": "proto/releases/v0.1.0.binpb"}


def test_default_is_the_latest_release_record(api_copy: ApiCopy) -> None:
    api_copy.edit(
        EMAIL,
        "  string text = 1;\n}",
        "  string text = 1;\n\n  // HTML body. Optional.\n  string html = 2;\n}",
    )
    api_copy.record("0.2.0")  # the addition is released as 0.2.0: nothing new since then
    code, report, _ = api_copy.diff()
    assert (code, report["against"]["ref"], report["semver"]) == (0, "v0.2.0", "none")  # type: ignore[index]
    code, report, _ = api_copy.diff("--against", "v0.1.0")
    assert (report["semver"], report["version"]) == ("minor", "0.1.0")


def test_text_report_names_file_line_and_verdict(api_copy: ApiCopy) -> None:
    api_copy.edit(EMAIL, "  string setting_id = 2;", "  string profile_id = 2;")
    code, out, _ = cli("diff", "--buf", str(api_copy.buf))
    assert code == 1
    assert f"proto/{EMAIL}:" in out and "FIELD_SAME_NAME [wire]" in out
    assert "Result: major change (breaking) -> bump minor" in out and "0.1.0 -> 0.2.0" in out


def test_against_a_git_ref(api_copy: ApiCopy) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
            cwd=api_copy.root,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "base")
    api_copy.edit(EMAIL, "  rpc SendEmail(SendEmailRequest) returns (SendEmailResponse) {}\n", "")
    code, report, _ = api_copy.diff("--against", "HEAD")
    assert code == 1
    assert report["against"]["kind"] == "git"  # type: ignore[index]
    assert (report["version"], _rules(report)) == ("0.1.0", {"RPC_NO_DELETE"})


def test_unknown_ref_is_a_clear_error(api_copy: ApiCopy) -> None:
    code, out, err = cli("diff", "--buf", str(api_copy.buf), "--against", "no-such-ref")
    assert (code, out) == (2, "")
    assert err.startswith("l8gen: error: --against no-such-ref: neither a release record")


def test_no_release_record_is_a_clear_error(tmp_path: Path, buf: Path, monkeypatch: object) -> None:
    copy = make_copy(tmp_path / "repo", buf, record=False)
    code, _, err = cli(
        "diff",
        "--buf",
        str(buf),
        "--proto-root",
        str(copy.proto),
        "--releases",
        str(copy.proto / "releases"),
        "--config",
        str(copy.root / "pyproject.toml"),
    )
    assert code == 2
    assert "no release recorded" in err and "l8gen release" in err


def test_proto_error_is_reported_with_file_and_line(api_copy: ApiCopy) -> None:
    api_copy.edit(EMAIL, "  string text = 1;", "  strin text = 1;")
    code, _, err = cli("diff", "--buf", str(api_copy.buf))
    assert code == 2
    assert f"{EMAIL}:" in err and "Traceback" not in err


def test_missing_buf_is_a_clear_error(api_copy: ApiCopy) -> None:
    code, _, err = cli("diff", "--buf", str(api_copy.root / "node_modules/.bin/buf"))
    assert code == 2
    assert "buf CLI not found" in err and "npm ci" in err


def test_internal_packages_are_not_classified(api_copy: ApiCopy) -> None:
    # l8.control.v1 (the harness control service) is in [tool.l8gen].internal_packages: not versioned API.
    api_copy.edit(
        "l8/control/v1/control.proto",
        "  rpc ClearFaults(ClearFaultsRequest) returns (ClearFaultsResponse) {}\n",
        "",
    )
    code, report, _ = api_copy.diff()
    assert code == 0
    assert [report[k] for k in ("breaking", "wire_breaking", "added", "changed")] == [[], [], [], []]
    assert report["semver"] == "none"
