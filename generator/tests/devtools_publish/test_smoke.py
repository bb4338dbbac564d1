"""l8dev.publish.smoke: what counts as a passed clean-room smoke test (end to end: `nox -s publish`)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from l8dev.publish.installs import parse_output
from l8dev.publish.release import PublishError, Release
from l8dev.publish.smoke import check, make_probe, write_junit


def _good(probe: Any, release: Release) -> dict[str, Any]:
    return {
        "sdk_version": release.version,
        "hello": f"greetings, {probe.name}",
        "state_value": probe.value,
        "file_size": probe.size,
        "file_sha256": probe.sha256,
        "file_chunks": 4,
    }


def test_probe_is_random_per_language_and_file_is_real(tmp_path: Path) -> None:
    a, b = make_probe("go", tmp_path), make_probe("go", tmp_path)
    assert a.value != b.value and a.key != b.key and "go" in a.name
    assert b.upload.stat().st_size == b.size
    env = a.env("127.0.0.1:1")
    assert env["L8_GRPC_ENDPOINT"] == "127.0.0.1:1" and env["L8_API_TOKEN"] == ""  # "" = unset


def test_echoed_inputs_pass(tmp_path: Path, release: Release) -> None:
    probe = make_probe("python", tmp_path)
    assert check(_good(probe, release), {"installed": True}, probe, release) == []


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("state_value", "other"),
        ("hello", "greetings, someone"),
        ("file_sha256", "0" * 64),
        ("file_size", 1),
        ("sdk_version", "0.0.1"),
    ],
)
def test_each_wrong_answer_fails(tmp_path: Path, release: Release, key: str, value: object) -> None:
    probe = make_probe("node", tmp_path)
    problems = check({**_good(probe, release), key: value}, {}, probe, release)
    assert len(problems) == 1 and problems[0].startswith(f"{key}: expected")


def test_single_chunk_download_and_false_fact_fail(tmp_path: Path, release: Release) -> None:
    probe = make_probe("cpp", tmp_path)
    problems = check(
        {**_good(probe, release), "file_chunks": 1}, {"LICENSE installed": False}, probe, release
    )
    assert problems == [
        "file_chunks: expected a multi-message GetFile stream, got 1",
        "not true: LICENSE installed",
    ]


def test_parse_output_takes_the_last_json_line() -> None:
    assert parse_output('log line\n{"a": 1}\nnoise {\n{"b": 2}\n', "go") == {"b": 2}
    with pytest.raises(PublishError, match="printed no JSON"):
        parse_output("no json here\n", "go")


def test_junit_counts_failures(tmp_path: Path) -> None:
    reports = {
        "python": {"passed": True, "total_seconds": 1.0, "problems": []},
        "go": {"passed": False, "total_seconds": 2.0, "problems": ["hello: expected"]},
    }
    write_junit(reports, tmp_path / "j.xml")
    suite = ET.parse(tmp_path / "j.xml").getroot().find("testsuite")
    assert suite is not None and (suite.get("tests"), suite.get("failures")) == ("2", "1")
    assert [c.get("name") for c in suite.iter("testcase") if c.find("failure") is not None] == ["go"]
