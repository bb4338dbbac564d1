"""Shared pieces of the benchmark suite: paired A/B rounds, ratios, callgrind segments, a local runtime.

Place in the pipeline: used by every bench module (p1_generate, p2_client, p3_qps, p5_files, startup); the
suite runner (bench/run.py) collects their ``Row``s into bench/results.json and bench/RESULTS.md.
Timings are measured as A B A B ... rounds so that machine drift hits both sides alike; the ratio is taken
pair by pair and reported as min and median.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
from l8_runtime.ready import READY_RE  # noqa: E402  (the one definition)


@dataclass
class Row:
    """One line of the results table: a metric, what was measured, the goal and the verdict."""

    metric: str
    measured: str
    goal: str
    verdict: str  # "met", "MISSED", "info" (reported, no goal), "not measured"
    asserted: bool = False  # an instruction-count goal: `--quick` fails when it is missed
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    bench: str = ""  # the bench/run.py key that measured it ("p1", "p2", ...); "" for static rows
    run_at: str = ""  # UTC time of the run that measured it (kept when a later `--only` run merges)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Paired:
    """Per-pair figures of A and B and their ratios A/B."""

    a: list[float]
    b: list[float]

    @property
    def ratios(self) -> list[float]:
        return [x / y for x, y in zip(self.a, self.b, strict=True) if y > 0]

    def summary(self, unit: str = "s", scale: float = 1.0) -> str:
        r = self.ratios
        return (f"A median {statistics.median(self.a) * scale:.3g} {unit}, B median "
                f"{statistics.median(self.b) * scale:.3g} {unit}; A/B min {min(r):.2f}x median "
                f"{statistics.median(r):.2f}x")

    def median_ratio(self) -> float:
        return statistics.median(self.ratios)

    def min_ratio(self) -> float:
        return min(self.ratios)

    def as_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "ratios": self.ratios,
                "ratio_min": self.min_ratio(), "ratio_median": self.median_ratio()}


def paired(a: Callable[[], float], b: Callable[[], float], rounds: int, warmup: int = 1) -> Paired:
    """Run ``a`` and ``b`` in turn (A B A B ...); each returns its own figure (seconds, bytes, ...)."""
    for _ in range(warmup):
        a()
        b()
    out_a: list[float] = []
    out_b: list[float] = []
    for _ in range(rounds):
        out_a.append(a())
        out_b.append(b())
    return Paired(out_a, out_b)


def timed(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> float:
    """Wall seconds of one command run to completion (fails loudly on a non-zero exit)."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return elapsed


def verdict(value: float, goal: float, *, lower_is_better: bool = True) -> str:
    ok = value <= goal if lower_is_better else value >= goal
    return "met" if ok else "MISSED"


def dev_env() -> dict[str, str]:
    """The environment with the dev venv, the pinned Go plugins and node_modules/.bin first on PATH."""
    venv_bin = Path(PYTHON).parent
    path = os.pathsep.join([str(venv_bin), str(ROOT / ".cache" / "bin"), str(ROOT / "node_modules" / ".bin")])
    env = {**os.environ, "PATH": f"{path}{os.pathsep}{os.environ.get('PATH', '')}"}
    # as a user runs them: with .pyc files (an editable install otherwise recompiles its modules every run)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@contextmanager
def local_runtime(*extra: str, timeout: float = 60.0) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """Start `l8-runtime` (embedded mode, free ports); yields (gRPC target, process) once READY."""
    exe = shutil.which("l8-runtime", path=dev_env()["PATH"]) or "l8-runtime"
    proc = subprocess.Popen([exe, "--grpc-port", "0", "--http-port", "0", "--log-level", "warning", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=dev_env())
    try:
        target = wait_ready(proc, timeout)
        yield target, proc
    finally:
        stop(proc)


def wait_ready(proc: subprocess.Popen[str], timeout: float) -> str:
    """Read the process's stdout until its READY line; returns the gRPC target (127.0.0.1:PORT)."""
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"process exited ({proc.poll()}) before printing its READY line")
        match = READY_RE.search(line)
        if match:
            port = match.group(1).rsplit(":", 1)[1]
            return f"127.0.0.1:{port}"
    raise RuntimeError("no READY line within the timeout")


def stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def rss_kib(pid: int) -> int:
    """Resident set size of a live process (VmRSS, KiB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def hwm_kib(pid: int) -> int:
    """Peak resident set size of a live process (VmHWM, KiB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmHWM for pid {pid}")


def _callgrind(*options: str) -> list[str]:
    """The valgrind command line both callgrind helpers start with."""
    if shutil.which("valgrind") is None:
        raise RuntimeError("valgrind is not installed (apt-get install valgrind)")
    return ["valgrind", "--tool=callgrind", "--dump-instr=no", "--compress-strings=no", *options]


def event_totals(part: Path) -> dict[str, int]:
    """Every event's total in one callgrind output file: Ir, and with ``--cache-sim=yes`` /
    ``--branch-sim=yes`` the simulated cache misses and mispredicted branches ({} when it has no totals)."""
    text = part.read_text(errors="replace")
    events = re.search(r"^events:[ \t]+(.+)$", text, re.MULTILINE)
    totals = re.search(r"^(?:totals|summary):[ \t]+(.+)$", text, re.MULTILINE)
    if events is None or totals is None:
        return {}
    names, counts = events.group(1).split(), [int(value) for value in totals.group(1).split()]
    counts += [0] * (len(names) - len(counts))  # a cost line may leave out its trailing zeros
    return dict(zip(names, counts, strict=True))


def _ir_totals(parts: list[Path]) -> list[int]:
    """The total Ir of each callgrind output file."""
    return [event_totals(part).get("Ir", 0) for part in parts]


def callgrind_processes(cmd: list[str], env: dict[str, str] | None = None, timeout: float = 900) -> list[int]:
    """Instruction counts (Ir) of every process of one run of ``cmd`` under callgrind (children traced:
    e.g. the protoc runs of a generator), in the order they started."""
    with tempfile.TemporaryDirectory(prefix="l8-callgrind-") as tmp:
        full = [*_callgrind("--trace-children=yes", f"--callgrind-out-file={tmp}/cg.%p"), *cmd]
        proc = subprocess.run(full, capture_output=True, text=True, env=env, timeout=timeout, check=False)
        if proc.returncode != 0:
            raise RuntimeError(f"callgrind run failed ({proc.returncode}): {proc.stderr[-1500:]}")
        return _ir_totals(sorted(Path(tmp).glob("cg.*"), key=lambda p: int(p.name.split(".")[1])))


def callgrind_segments(cmd: list[str], marker: str, env: dict[str, str] | None = None,
                       timeout: float = 900) -> list[int]:
    """Instruction counts (Ir) of the segments of one run of ``cmd`` under callgrind.

    The program calls the native function ``marker`` (e.g. libc ``getppid`` via ``os.getppid()``) between
    segments; callgrind dumps its counters before each such call, so segment i is what ran between the
    i-th and (i+1)-th marker, background threads included."""
    with tempfile.TemporaryDirectory(prefix="l8-callgrind-") as tmp:
        out = Path(tmp) / "cg.out"
        full = [*_callgrind(f"--callgrind-out-file={out}", f"--dump-before={marker}"), *cmd]
        # One retry: under callgrind the client runs ~50x slower, and on a loaded machine a run can fail for
        # reasons that are not the code under measurement (both failures are reported if it fails twice).
        errors: list[str] = []
        for _attempt in range(2):
            for stale in Path(tmp).glob("cg.out*"):
                stale.unlink()
            proc = subprocess.run(full, capture_output=True, text=True, env=env, timeout=timeout, check=False)
            if proc.returncode == 0:
                break
            own = [line for line in proc.stderr.splitlines() if not line.startswith("==")]  # the program's
            errors.append(f"callgrind run failed ({proc.returncode}): " + "\n".join(own)[-1500:])
            print(f"    note: {errors[-1].splitlines()[0]}; retrying once", flush=True)
        else:
            raise RuntimeError("\n".join(errors))
        return _ir_totals(sorted(Path(tmp).glob("cg.out.*"), key=lambda p: int(p.name.rsplit(".", 1)[1])))


def callgrind_server_rounds(cmd: list[str], rounds: int, work: Callable[[str], object],
                            env: dict[str, str] | None = None, timeout: float = 600,
                            options: Sequence[str] = ()) -> list[dict[str, int]]:
    """The event totals (``event_totals``: Ir, and the simulated misses that callgrind ``options`` such as
    ``--cache-sim=yes`` add) of a server under callgrind, one per round of ``work(target)``.

    ``cmd`` starts a server that prints a READY line and calls ``os.getppid()`` for each line on its stdin
    (bench/marked_server.py); callgrind dumps every thread's counters before each such call. ``work`` runs
    once as a warm-up, then between two marks per round; each dump is awaited before the next round, so a
    round's count is the server's work for that round's calls (and what was still running from the one
    before: every round has the same shape)."""
    with tempfile.TemporaryDirectory(prefix="l8-callgrind-") as tmp:
        out = Path(tmp) / "cg.out"
        full = [*_callgrind(f"--callgrind-out-file={out}", "--dump-before=getppid", *options), *cmd]
        proc = subprocess.Popen(full, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, env=env)
        assert proc.stdin is not None
        try:
            target = wait_ready(proc, timeout)
            work(target)
            for mark in range(1, rounds + 2):
                proc.stdin.write("mark\n")
                proc.stdin.flush()
                dump, deadline = Path(f"{out}.{mark}"), time.monotonic() + timeout
                while not (dump.is_file() and "\ntotals:" in dump.read_text(errors="replace")):
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise RuntimeError(f"callgrind wrote no whole dump {dump.name} ({proc.poll()=})")
                    time.sleep(0.05)  # written whole once its totals line (the file's last) is there
                if mark <= rounds:
                    work(target)
            proc.stdin.close()
            proc.wait(timeout=timeout)
        finally:
            stop(proc)
        return [event_totals(Path(f"{out}.{mark}")) for mark in range(2, rounds + 2)]  # .1: start, warm-up
