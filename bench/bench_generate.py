"""Benchmark of the generator: cold generation of the Python SDK and the no-op regenerate (digest cache).

Place in the pipeline: measures `l8gen generate` end to end (a fresh interpreter per run, as a user runs it)
and the pure core (`pipeline.generate`, in-process). Prints medians over N runs; never asserts timings
(the targets — cold well under a second, no-op < 0.3 s — are checked by reading the output).

    python bench/bench_generate.py [-n 7] [--target python]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _cli(out: Path, target: str, *extra: str) -> None:
    cmd = [
        sys.executable,
        "-m",
        "l8gen.cli",
        "generate",
        "--proto-root",
        str(ROOT / "proto"),
        "--out",
        str(out),
        "--config",
        str(ROOT / "pyproject.toml"),
        "--target",
        target,
        *extra,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"l8gen failed ({proc.returncode}):\n{proc.stderr}")


def _median(runs: int, setup: Callable[[], Path], action: Callable[[Path], object]) -> float:
    times = []
    for _ in range(runs):
        state = setup()
        start = time.perf_counter()
        action(state)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", "--runs", type=int, default=7)
    parser.add_argument("--target", default="python")
    args = parser.parse_args(argv)

    from l8gen import pipeline
    from l8gen.config import load_options
    from l8gen.descriptors import compile_protos

    with tempfile.TemporaryDirectory(prefix="l8gen-bench-") as tmp:
        base = Path(tmp)
        counter = iter(range(10**6))

        def fresh() -> Path:
            return base / f"cold{next(counter)}"

        warm = base / "warm"
        _cli(warm, args.target)  # populate once for the no-op runs

        cold = _median(args.runs, fresh, lambda out: _cli(out, args.target))
        noop = _median(args.runs, lambda: warm, lambda out: _cli(out, args.target))
        check = _median(args.runs, lambda: warm, lambda out: _cli(out, args.target, "--check"))

        opts = load_options(ROOT / "pyproject.toml")
        compile_s = _median(args.runs, lambda: base, lambda _: compile_protos(ROOT / "proto"))
        compiled = compile_protos(ROOT / "proto")
        core = _median(
            args.runs,
            lambda: base,
            lambda _: pipeline.generate(compiled.fds, compiled.files, opts, [args.target]),
        )

    print(
        f"l8gen generate benchmark: target={args.target}, proto={ROOT / 'proto'}, runs={args.runs} (medians)"
    )
    print(f"  cold generate (CLI, fresh process, empty sdks dir) {cold * 1000:8.1f} ms")
    print(f"  no-op regenerate (CLI, digest cache hit)           {noop * 1000:8.1f} ms")
    print(f"  --check (CLI, full regenerate in memory + diff)    {check * 1000:8.1f} ms")
    print(f"  proto/ -> FileDescriptorSet (in-process protoc)     {compile_s * 1000:8.1f} ms")
    print(f"  pipeline.generate (IR + naming + templates + protoc){core * 1000:8.1f} ms")
    print(f"  ratio cold / no-op                                  {cold / noop:8.1f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
