"""Run every SDK's ``examples/orders`` program against the runtime container (``nox -s examples``).

Place: the harness end of the pipeline, next to the compat runner. Starts the runtime image (built when
missing, ``L8_RUNTIME_TAG`` honoured) with testcontainers, then runs each language's example with
``L8_GRPC_ENDPOINT`` pointing at it; a program passes when it exits 0 (the examples assert their own
results). Writes one JUnit testcase per language to ``--junit`` and exits 1 when any example failed or
none was found.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from l8dev.toolchain.runtime_container import (
    ensure_runtime_image,
    remove_stale_containers,
    start_runtime,
)
from l8gen.languages import discover

ROOT = Path(__file__).resolve().parents[2]


def _examples() -> dict[str, tuple[str, list[str], dict[str, str]]]:
    """language -> (marker file, command, extra environment) from the ``[example]`` table of every registered
    language's language.toml; paths relative to the repository root, ``{python}`` and ``{repo}`` expanded."""
    values = {"python": sys.executable, "repo": str(ROOT)}
    out = {}
    for name, spec in discover(ROOT / "pyproject.toml").items():
        if spec.example is not None:
            env = {k: str(v).format(**values) for k, v in (spec.example.get("env") or {}).items()}
            out[name] = (spec.example["marker"], [a.format(**values) for a in spec.example["command"]], env)
    return out


EXAMPLES = _examples()


def run(languages: Sequence[str], junit: Path) -> int:
    present = [lang for lang in languages if (ROOT / EXAMPLES[lang][0]).is_file()]
    if not present:
        print("examples: no examples/orders program found", file=sys.stderr)
        return 1
    remove_stale_containers()
    image = ensure_runtime_image()
    runtime = start_runtime(image, args=())
    suite = ET.Element("testsuite", name="examples")
    failures = 0
    try:
        for lang in present:
            _, command, extra = EXAMPLES[lang]
            env = {**os.environ, **extra, "L8_GRPC_ENDPOINT": runtime.grpc_target}
            start = time.monotonic()
            proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
            took = time.monotonic() - start
            case = ET.SubElement(suite, "testcase", classname="examples", name=f"{lang}/orders",
                                 time=f"{took:.2f}")
            status = "ok" if proc.returncode == 0 else f"FAILED (exit {proc.returncode})"
            print(f"examples: {lang}/orders {status} in {took:.1f} s\n{proc.stdout}{proc.stderr}".rstrip())
            if proc.returncode != 0:
                failures += 1
                ET.SubElement(case, "failure", message=f"exit {proc.returncode}").text = proc.stderr[-4000:]
    finally:
        runtime.container.stop()
    suite.set("tests", str(len(present)))
    suite.set("failures", str(failures))
    junit.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(suite).write(junit, encoding="unicode")
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default=",".join(EXAMPLES), help="comma-separated")
    parser.add_argument("--junit", type=Path, required=True)
    args = parser.parse_args(argv)
    languages = [lang for lang in args.languages.split(",") if lang]
    unknown = sorted(set(languages) - set(EXAMPLES))
    if unknown:
        parser.error(f"unknown languages {unknown} (known: {sorted(EXAMPLES)})")
    return run(languages, args.junit)


if __name__ == "__main__":
    sys.exit(main())
