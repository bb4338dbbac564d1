"""``python -m l8dev.publish.smoke``: every built artifact installed clean and calling a real runtime.

Place: build -> dist/ -> **smoke** -> upload. Starts one runtime container (``l8sdk/runtime:dev`` through
``l8dev.toolchain.runtime_container``: testcontainers, Ryuk disabled, labels ``l8sdk=1``; stale labelled
containers of dead sessions removed first), then per language installs the recorded artifact in a fresh
environment (``installs``) and runs its consumer program, which makes real calls through the SDK:
SayHello, SaveState + GetState, PutFile (client stream, the chunked upload helper) + GetFile (server stream).

Each language gets its own random inputs (greeting name, state key and value, a 200 000-byte random file)
and must print back exactly what they imply: the greeting ``greetings, <name>`` (the embedded runtime's
helloworld component), the value written, the file's size and sha256 over more than one chunk, its SDK
version = the release version, plus the provenance facts of ``installs`` (e.g. imported from the new venv;
go.sum holds the recorded h1 hashes). Results and timings go to dist/smoke.json; the last line is
``publish smoke: N passed, N failed``. Exit 0 when every selected language passed, 1 otherwise, 2 on usage.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import secrets
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from l8dev.publish.build import parse_languages
from l8dev.publish.commands import Steps, parse_args
from l8dev.publish.release import PUBLISHABLE, PublishError, Release, load_release, publish_hook, recorded

UPLOAD_SIZE = 200_000  # > 3 chunks of 64 KiB: the streams really stream
GREETING = "greetings"  # the embedded runtime's helloworld greeting (CONTRACTS §6, components/hello.py)
# The consumer must see the runtime only through L8_GRPC_ENDPOINT: no token, no Layotto host/port variables.
CLEARED_ENV = ("L8_API_TOKEN", "runtime_GRPC_HOST", "runtime_GRPC_PORT", "VIRTUAL_ENV", "NODE_OPTIONS")


@dataclass(frozen=True)
class Probe:
    """One language's inputs to its consumer program and what they must come back as."""

    name: str
    key: str
    value: str
    file: str
    upload: Path
    sha256: str
    size: int

    def env(self, endpoint: str) -> dict[str, str]:
        cleared = dict.fromkeys(CLEARED_ENV, "")
        return {
            **cleared,
            "L8_GRPC_ENDPOINT": endpoint,
            "L8_SMOKE_NAME": self.name,
            "L8_SMOKE_KEY": self.key,
            "L8_SMOKE_VALUE": self.value,
            "L8_SMOKE_FILE": self.file,
            "L8_SMOKE_UPLOAD": str(self.upload),
        }


def make_probe(language: str, work: Path, size: int = UPLOAD_SIZE) -> Probe:
    token = secrets.token_hex(6)
    data = os.urandom(size)
    upload = work / "upload.bin"
    upload.write_bytes(data)
    return Probe(
        name=f"publish-smoke-{language}-{token}",
        key=f"publish-smoke/{language}/{token}",
        value=f"value-{language}-{secrets.token_hex(8)}",
        file=f"publish-smoke/{language}-{token}.bin",
        upload=upload,
        sha256=hashlib.sha256(data).hexdigest(),
        size=size,
    )


def check(result: Mapping[str, Any], facts: Mapping[str, bool], probe: Probe, release: Release) -> list[str]:
    """What the consumer printed compared with what its inputs imply; returns the problems (none = pass)."""
    expected: dict[str, Any] = {
        "sdk_version": release.version,
        "hello": f"{GREETING}, {probe.name}",
        "state_value": probe.value,
        "file_size": probe.size,
        "file_sha256": probe.sha256,
    }
    problems = [
        f"{key}: expected {value!r}, got {result.get(key)!r}"
        for key, value in expected.items()
        if result.get(key) != value
    ]
    chunks = result.get("file_chunks")
    if not isinstance(chunks, int) or chunks < 2:
        problems.append(f"file_chunks: expected a multi-message GetFile stream, got {chunks!r}")
    problems.extend(f"not true: {fact}" for fact, ok in facts.items() if not ok)
    return problems


@contextmanager
def runtime_endpoint(log: TextIO) -> Iterator[str]:
    """Start the runtime container (built/refreshed as the container tests do) and yield its gRPC target."""
    from l8dev.toolchain.runtime_container import (  # dev dependencies: testcontainers, grpcio
        ensure_runtime_image,
        remove_stale_containers,
        start_runtime,
    )

    start = time.monotonic()
    try:
        removed = remove_stale_containers()
        if removed:
            log.write(f"removed stale l8sdk containers: {', '.join(removed)}\n")
        image = ensure_runtime_image()
        runtime = start_runtime(image)
    except Exception as exc:  # engine down, image build failed, not ready: one clear line, no traceback
        raise PublishError(f"the runtime container did not start ({type(exc).__name__}): {exc}") from exc
    log.write(f"runtime container {image} ready in {time.monotonic() - start:.1f}s: {runtime.readiness}\n")
    try:
        yield runtime.grpc_target
    finally:
        runtime.container.stop()


def smoke_one(release: Release, language: str, endpoint: str, log: TextIO) -> dict[str, Any]:
    """Install and run one language's artifact; returns its report (``passed``, problems, output, timings)."""
    steps = Steps(language, log)
    report: dict[str, Any] = {"passed": False}
    with tempfile.TemporaryDirectory(prefix=f"l8-smoke-{language}-") as tmp:
        work = Path(tmp)
        try:
            entry = recorded(release, language)
            report["artifacts"] = {item["path"]: item["sha256"] for item in entry.get("files", [])}
            probe = make_probe(language, work)
            install = publish_hook(language, "install")
            result, facts = install(release, entry, work, probe.env(endpoint), steps)
            problems = check(result, facts, probe, release)
            report.update(output=result, facts=facts, problems=problems, passed=not problems)
        except PublishError as exc:
            report["problems"] = [str(exc)]
    report["seconds"] = steps.times
    report["total_seconds"] = steps.total
    verdict = "PASSED" if report["passed"] else "FAILED"
    log.write(f"[{language}] smoke {verdict} in {steps.total:.1f}s\n")
    if report["passed"]:
        log.write(f"[{language}] received: {json.dumps(report['output'])}\n")
    for problem in report["problems"]:
        log.write(f"[{language}]   {problem}\n")
    return report


def smoke(release: Release, languages: Sequence[str], log: TextIO) -> dict[str, dict[str, Any]]:
    reports: dict[str, dict[str, Any]] = {}
    with runtime_endpoint(log) as endpoint:
        for language in languages:
            reports[language] = smoke_one(release, language, endpoint, log)
    release.dist.mkdir(parents=True, exist_ok=True)
    (release.dist / "smoke.json").write_text(
        json.dumps({"version": release.version, "results": reports}, indent=2) + "\n", encoding="utf-8"
    )
    return reports


def write_junit(reports: Mapping[str, Mapping[str, Any]], path: Path) -> None:
    """One JUnit test case per language (for `nox -s ci`'s summary)."""
    suite = ET.Element(
        "testsuite",
        name="publish-smoke",
        tests=str(len(reports)),
        failures=str(sum(1 for r in reports.values() if not r["passed"])),
        errors="0",
        skipped="0",
    )
    for language, report in reports.items():
        case = ET.SubElement(
            suite, "testcase", classname="publish.smoke", name=language, time=str(report["total_seconds"])
        )
        if not report["passed"]:
            ET.SubElement(case, "failure", message="; ".join(report["problems"])[:2000])
    wrapper = ET.Element("testsuites")
    wrapper.append(suite)
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(wrapper).write(path, encoding="utf-8", xml_declaration=True)


def run(argv: Sequence[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    parser = argparse.ArgumentParser(prog="python -m l8dev.publish.smoke", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (default: cwd)")
    parser.add_argument("--only", type=parse_languages, default=list(PUBLISHABLE), help="e.g. python,go")
    parser.add_argument("--junit", type=Path, default=None, help="also write the results as JUnit XML")
    args = parse_args(parser, argv, stdout, stderr)
    if isinstance(args, int):
        return args
    try:
        release = load_release(args.root)
        reports = smoke(release, args.only, stdout)
    except PublishError as exc:
        stderr.write(f"publish smoke: error: {exc}\n")
        return 1
    if args.junit:
        write_junit(reports, args.junit)
    for language, report in reports.items():
        verdict = "passed" if report["passed"] else "FAILED"
        stdout.write(f"smoke {language:<7} {verdict:<7} {report['total_seconds']:7.1f}s\n")
    passed = sum(1 for r in reports.values() if r["passed"])
    stdout.write(f"publish smoke: {passed} passed, {len(reports) - passed} failed\n")
    return 0 if passed == len(reports) else 1


def main() -> None:
    sys.exit(run(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))


if __name__ == "__main__":
    main()
