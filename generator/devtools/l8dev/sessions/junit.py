"""Test reports of tools that don't write the JUnit XML ``nox -s ci`` counts (node's test runner, go test).

Pipeline place: used by ``l8dev.sessions.sdks`` after a language's own test run.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any


def wrap_node_junit(raw: Path, out: Path, name: str) -> None:
    """node's junit reporter writes bare <testcase>s; wrap them in one counted <testsuite>."""
    root = ET.parse(raw).getroot()
    cases = list(root.iter("testcase"))
    failures = sum(1 for c in cases if c.find("failure") is not None or c.find("error") is not None)
    skipped = sum(1 for c in cases if c.find("skipped") is not None)
    suite = ET.Element("testsuite", name=name, tests=str(len(cases)), failures=str(failures),
                       errors="0", skipped=str(skipped))
    suite.extend(cases)
    wrapper = ET.Element("testsuites")
    wrapper.append(suite)
    ET.ElementTree(wrapper).write(out, encoding="utf-8", xml_declaration=True)


def go_events_to_junit(events: str, junit: Path, suite: str) -> tuple[int, list[str]]:
    """Write `go test -json` events as JUnit XML; returns (tests run, failed test names with output)."""
    cases: dict[tuple[str, str], dict[str, Any]] = {}
    for line in events.splitlines():
        if not line.startswith("{"):
            continue
        ev = json.loads(line)
        if not ev.get("Test"):
            continue
        case = cases.setdefault((ev["Package"], ev["Test"]), {"output": [], "action": "", "elapsed": 0.0})
        if ev.get("Action") == "output":
            case["output"].append(ev.get("Output", ""))
        elif ev.get("Action") in ("pass", "fail", "skip"):
            case["action"], case["elapsed"] = ev["Action"], ev.get("Elapsed", 0.0)
    root = ET.Element("testsuite", name=suite, tests=str(len(cases)))
    failed: list[str] = []
    for (package, test), case in sorted(cases.items()):
        node = ET.SubElement(root, "testcase", classname=package, name=test, time=str(case["elapsed"]))
        if case["action"] == "fail":
            failed.append(f"{package} {test}\n{''.join(case['output'])}")
            ET.SubElement(node, "failure", message="failed").text = "".join(case["output"])
        elif case["action"] == "skip":
            ET.SubElement(node, "skipped")
    root.set("failures", str(len(failed)))
    root.set("skipped", str(sum(1 for c in cases.values() if c["action"] == "skip")))
    ET.ElementTree(root).write(junit, encoding="unicode")
    return len(cases), failed
