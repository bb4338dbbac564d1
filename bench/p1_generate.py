"""P1: what `l8gen generate` costs over the bare protoc + plugin calls it wraps; no-op and --check.

Place in the pipeline: one bench module of the suite (bench/run.py). Every figure is a whole process, as a
user runs it (fresh interpreter each time). Rows:
- cold generate of the 4 SDKs into an empty directory vs the bare calls (the protoc l8gen runs, with the Go
  and protoc-gen-es plugins; for Python grpcio-tools' protoc, the one distribution of the gRPC Python plugin
  that l8gen reproduces in-process), and the Python target alone vs its bare call
  (``python -m grpc_tools.protoc --python_out --pyi_out --grpc_python_out``);
- the floor of that row: a process that only imports the two libraries every such run imports (the
  template engine and protobuf's descriptor messages), in turn with the same bare call;
- no-op regenerate (nothing changed: digest cache) — absolute;
- ``--check`` on an up-to-date tree vs the no-op regenerate;
- (full mode) the instructions of the Python-target row's two sides, every process (callgrind): the work
  each side does, repeatable where the wall-clock row moves by tens of per cent between runs.
A and B run in turn (A B A B ...); ratios are pair by pair.

Where the files go: every row writes its outputs, and both sides their temporary files (``TMPDIR``), into
one work directory on a RAM file system (``/dev/shm``) when the machine has one, else the default temporary
directory. The rows delete thousands of files between their runs, and on ext4 (this machine's disk) a file
created within ~30 s of many deletions near it is slow to allocate (the kernel's inode allocator skips
recently freed inodes one by one: ``recently_deleted`` in a profile). Measured with the Python target: its
100 writes took 6-12 ms after 35 quiet seconds and 43-46 ms right after 2,000 deletions in the same
directory. That cost falls on the side that creates more files and comes from the bench's own deletions,
not from either tool, so the rows keep it out.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from l8gen import timings
from l8gen.languages import discover

from bench.common import PYTHON, ROOT, Paired, Row, callgrind_processes, dev_env, paired, timed, verdict

COLD_GOAL, PY_GOAL, NOOP_GOAL, CHECK_GOAL = 1.2, 2.0, 0.3, 1.1
TARGET_WORK_BEGINS = "targets loaded, plugin limits checked"  # the timings mark after which the target works
# what a cold Python-target run cannot do without: Jinja2 (the templates) and protobuf's descriptor messages
# (the descriptor set protoc writes); bench/tests/test_p1_floor.py checks that such a run imports both
FLOOR_IMPORTS = ("jinja2", "google.protobuf.descriptor_pb2")


def scratch_root() -> str | None:
    """The RAM file system the rows work in (``/dev/shm``), or None: the default temporary directory."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def _where() -> str:
    root = scratch_root()
    return (f"outputs and temporary files of both sides on {root} (RAM; see bench/p1_generate.py)"
            if root is not None else "outputs and temporary files in the default temporary directory")


def _env(work: Path) -> dict[str, str]:
    """The environment of every command of the rows: the dev tools, temporary files inside ``work``."""
    return {**dev_env(), "TMPDIR": str(work / "tmp")}


def _l8gen(out: Path, *extra: str) -> list[str]:
    return [PYTHON, "-m", "l8gen.cli", "generate", "--proto-root", str(ROOT / "proto"), "--out", str(out),
            "--config", str(ROOT / "pyproject.toml"), *extra]


# the SDK languages of the registry (not the docs/reference target the bare calls have no counterpart for)
SDK_TARGETS = tuple(discover(ROOT / "pyproject.toml"))
ES_OPTIONS = "target=ts,import_extension=js"  # what the node target passes to protoc-gen-es
ES_EXTRA_FILES = ("google/rpc/error_details.proto", "grpc/health/v1/health.proto")  # its extra protos


def _tool(name: str) -> str:
    found = shutil.which(name, path=dev_env()["PATH"])
    if found is None:
        raise RuntimeError(f"{name} not found on the dev PATH: run `nox -s bootstrap`")
    return found


def _bare_commands(work: Path) -> dict[str, list[str]]:
    """The bare protoc calls per language, each parsing the .proto sources itself (what one would run
    instead of l8gen): l8gen's protoc with the same plugins and options l8gen passes; for Python the
    grpcio-tools protoc (its gRPC plugin is the stub code l8gen renders itself)."""
    from l8gen.descriptors import compile_protos, protoc_executable, wkt_include_dir

    files = sorted(compile_protos(ROOT / "proto").files)
    extra_root = next(p for p in (ROOT / "generator").rglob("grpc/health/v1/health.proto")).parents[3]
    includes = [f"-I{ROOT / 'proto'}", f"-I{extra_root}", f"-I{wkt_include_dir()}"]
    protoc = [str(protoc_executable()), *includes]
    outs = {lang: work / f"out-{lang}" for lang in ("python", "go", "node")}
    return {
        "python": [PYTHON, "-m", "grpc_tools.protoc", *includes, f"--python_out={outs['python']}",
                   f"--pyi_out={outs['python']}",
                   f"--grpc_python_out={outs['python']}", *files],
        "go": [*protoc, f"--plugin=protoc-gen-go={_tool('protoc-gen-go')}",
               f"--plugin=protoc-gen-go-grpc={_tool('protoc-gen-go-grpc')}",
               f"--go_out={outs['go']}", "--go_opt=paths=source_relative",
               f"--go-grpc_out={outs['go']}", "--go-grpc_opt=paths=source_relative", *files],
        "node": [*protoc, f"--plugin=protoc-gen-es={_tool('protoc-gen-es')}", f"--es_out={outs['node']}",
                 f"--es_opt={ES_OPTIONS}", *files, *ES_EXTRA_FILES],
    }


def _run_all(cmds: list[list[str]], work: Path) -> float:
    for lang in ("python", "go", "node"):
        shutil.rmtree(work / f"out-{lang}", ignore_errors=True)
        (work / f"out-{lang}").mkdir()
    return sum(timed(cmd, env=_env(work)) for cmd in cmds)


def _cold(work: Path, *extra: str) -> float:
    out = work / "sdks-cold"
    shutil.rmtree(out, ignore_errors=True)
    return timed(_l8gen(out, *extra), env=_env(work))


def _ratio_row(metric: str, pair: Paired, goal: float, note: str = "") -> Row:
    return Row(metric, pair.summary(), f"<= {goal}x", verdict(pair.median_ratio(), goal), note=note,
               data=pair.as_dict())


def rows(quick: bool) -> list[Row]:
    rounds = 3 if quick else 7
    out: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="l8-bench-p1-", dir=scratch_root()) as tmp:
        work = Path(tmp)
        (work / "tmp").mkdir()
        bare = _bare_commands(work)
        sdks = [arg for name in SDK_TARGETS for arg in ("--target", name)]
        cold = paired(lambda: _cold(work, *sdks), lambda: _run_all(list(bare.values()), work), rounds)
        out.append(_ratio_row("P1 cold `l8gen generate` (4 SDKs) vs bare protoc + plugins", cold, COLD_GOAL,
                              note="A = l8gen generate of the four SDK targets into an empty dir; B = the 3 "
                                   "bare protoc calls in sequence (C++ message code is made by its CMake "
                                   f"build, not by l8gen); {_where()}"))
        every = paired(lambda: _cold(work), lambda: _run_all(list(bare.values()), work), rounds)
        out.append(Row("P1 cold `l8gen generate` (every default target: 4 SDKs + API reference) vs bare",
                       every.summary(), "none: the 4-SDK row carries the goal", "info", data=every.as_dict(),
                       note="the default run also renders docs/reference (89 files), which B has no "
                            "counterpart for"))
        py = paired(lambda: _cold(work, "--target", "python"), lambda: _run_all([bare["python"]], work),
                    rounds)
        out.append(_ratio_row("P1 Python target alone vs bare grpc_tools.protoc", py, PY_GOAL, note=_where()))
        out.append(_python_phases(work, bare["python"], rounds))
        out.append(_import_floor(work, bare["python"], rounds))
        out.append(_python_instructions(work, bare["python"], quick))
        tree = work / "sdks-noop"
        timed(_l8gen(tree), env=_env(work))
        noop_cmd, check_cmd = _l8gen(tree), _l8gen(tree, "--check")
        check = paired(lambda: timed(check_cmd, env=_env(work)), lambda: timed(noop_cmd, env=_env(work)),
                       rounds)
        noop = statistics.median(check.b)
        out.append(Row("P1 no-op regeneration", f"median {noop:.3f} s (min {min(check.b):.3f} s)",
                       f"< {NOOP_GOAL} s", verdict(noop, NOOP_GOAL), data={"seconds": check.b}))
        out.append(_ratio_row("P1 `--check` (nothing changed) vs no-op regeneration", check, CHECK_GOAL))
    return out


def _python_phases(work: Path, bare: list[str], rounds: int) -> Row:
    """A ``--timings`` run of the Python target beside the bare call, in turn (``paired``): the median moment
    (ms from the process start, timed here) at which each phase of l8gen's run ended."""
    at: dict[str, list[float]] = {}

    def marked_run() -> float:
        shutil.rmtree(work / "sdks-phases", ignore_errors=True)
        begun = time.time()
        proc = subprocess.run(_l8gen(work / "sdks-phases", "--target", "python", "--timings"), env=_env(work),
                              capture_output=True, text=True, check=True)
        ended = time.time()
        started, marks = timings.parse(proc.stderr)
        for phase, ms in [("l8gen.cli imported", 0.0), *((phase, ms) for ms, phase in marks)]:
            at.setdefault(phase, []).append((started - begun) * 1000 + ms)
        return (ended - begun) * 1000

    pair = paired(marked_run, lambda: _run_all([bare], work) * 1000, rounds, warmup=0)
    b = statistics.median(pair.b)
    medians = {phase: statistics.median(values) for phase, values in at.items()}
    medians["process ended"] = statistics.median(pair.a)
    own = medians[TARGET_WORK_BEGINS]
    shown = ", ".join(f"{phase} {ms:.0f}" for phase, ms in sorted(medians.items(), key=lambda item: item[1]))
    return Row("P1 Python target alone: where l8gen's time goes (ms from the process start, medians)",
               f"B {b:.0f} ms; A: {shown}; before the target's own work ({TARGET_WORK_BEGINS}): "
               f"{own / b:.2f}x B, the rest {(medians['process ended'] - own) / b:.2f}x B",
               "none: the wall-clock row above carries the goal", "info",
               note=f"{rounds} runs of `l8gen generate --target python --timings` (the phase marks l8gen "
                    "prints, l8gen/timings.py) in turn with B; each mark is the moment a phase ended",
               data={"bare_ms": pair.b, "process_ms": pair.a, "marks_ms": at})


def _floor_command() -> list[str]:
    return [PYTHON, "-c", "; ".join(f"import {module}" for module in FLOOR_IMPORTS)]


def _import_floor(work: Path, bare: list[str], rounds: int) -> Row:
    """A process that imports only ``FLOOR_IMPORTS`` (and exits), in turn with the bare call: the part of
    the Python-target row that any generator written in Python with Jinja2 templates pays before its work."""
    pair = paired(lambda: timed(_floor_command(), env=_env(work)), lambda: _run_all([bare], work), rounds)
    return Row("P1 Python target alone: the import floor (a process importing only "
               f"{' and '.join(FLOOR_IMPORTS)}) vs bare grpc_tools.protoc", pair.summary(),
               "none: the wall-clock row above carries the goal", "info",
               note="the interpreter, the standard-library modules these two libraries import and the "
                    "libraries themselves: what a cold run pays besides l8gen's own code; "
                    f"the goal of {PY_GOAL}x leaves the rest of the run {PY_GOAL}x B minus this row",
               data=pair.as_dict())


def _python_instructions(work: Path, bare: list[str], quick: bool) -> Row:
    metric = "P1 Python target alone: instructions, every process (l8gen vs bare grpc_tools.protoc)"
    goal = "none: the wall-clock row above carries the goal"
    if quick:
        return Row(metric, "not run in --quick (~90 s under callgrind)", goal, "not measured")
    env = {**_env(work), "PYTHONHASHSEED": "0"}
    shutil.rmtree(work / "sdks-cg", ignore_errors=True)
    a = callgrind_processes(_l8gen(work / "sdks-cg", "--target", "python"), env=env)
    shutil.rmtree(work / "out-python", ignore_errors=True)
    (work / "out-python").mkdir()
    b = callgrind_processes(bare, env=env)
    [floor] = callgrind_processes(_floor_command(), env=env)
    return Row(metric, f"{sum(a) / sum(b):.2f}x: l8gen {sum(a):,} Ir in {len(a)} processes (its own "
               f"{a[0]:,}, protoc {sum(a[1:]):,}) vs bare {sum(b):,} Ir; the import floor {floor:,} Ir "
               f"({floor / sum(b):.2f}x bare)", goal, "info",
               note="the work of each side; l8gen's protoc runs beside its own Python work on the other "
                    "core, so its wall-clock ratio is lower than this one. The import floor: the process of "
                    "the import-floor row",
               data={"l8gen": a, "bare": b, "floor": floor})
