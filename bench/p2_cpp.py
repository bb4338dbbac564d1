"""P2 for the C++ SDK: an SDK call vs the raw generated stub, client instructions per call (callgrind).

Place in the pipeline: one bench module of the suite (bench/run.py), the C++ twin of bench/p2_native.py.
It reuses the run's one C++ build tree, compat-tests/.build/cpp (the configure of `nox -s sdk-cpp`; only the
``l8sdk`` target is built, a no-op after sdk-cpp and mostly ccache hits otherwise), installs it into
.cache/bench/cpp-prefix and builds bench/p2cpp against it with find_package(l8sdk CONFIG), like an
application. bench/p2cpp/main.cc alternates N ``GetState`` calls through ``l8::Client`` and N through
``Runtime::Stub`` on a plain channel, calling ``p2cpp_marker`` between segments
(``--dump-before=p2cpp_marker``). A second row measures the flattened overload ``GetState(store_name, key)``
([tool.l8gen.signatures], issue #16's goal <= 1.02x) the same way, and notes its ratio to the request-object
call (the flattening's own cost). The shared tree is Release, the SDK's default build type (what an
application installs). ``--quick`` (CI) measures only when the build tree already holds the library (CI's
sdk-cpp step runs after bench-quick), so the quick step never compiles the SDK.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess

from bench.common import ROOT, Paired, Row, callgrind_segments, local_runtime, verdict

GOAL = 1.05
GOAL_FLAT = 1.02
METRIC = "P2 C++ GetState: SDK vs raw stub, client Ir/call"
METRIC_FLAT = "P2 C++ GetState(store_name, key) flattened: SDK vs raw stub, client Ir/call"
SDK_CPP = ROOT / "sdks" / "cpp"
CPP_BUILD = ROOT / "compat-tests" / ".build" / "cpp"  # the tree noxfile.py's sdk-cpp configures
PREFIX = ROOT / ".cache" / "bench" / "cpp-prefix"
BENCH_BUILD = ROOT / ".cache" / "bench" / "p2cpp-build"
BENCH_SRC = ROOT / "bench" / "p2cpp"
CCACHE = {"CCACHE_BASEDIR": str(ROOT), "CCACHE_NOHASHDIR": "1"}
CONFIGURE = [  # the same cache entries as sdks.py CPP_CONFIGURE, so the tree is shared, never reconfigured
    "cmake", "-S", str(SDK_CPP), "-B", str(CPP_BUILD), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
    "-DL8SDK_BUILD_TESTS=ON",
]
NOTE = ("the SDK library is the run's shared build, Release: the SDK's default build type (its CMakeLists "
        "sets it when none is given), so what an application runs; gRPC is the system's optimised library")


def _run(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **CCACHE}, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])} failed: {(proc.stdout + proc.stderr)[-1500:]}")


def build() -> str:
    """Build (or reuse) the SDK library of the shared tree, install it, build the bench client against it;
    returns the client's path."""
    if shutil.which("cmake") is None or shutil.which("ninja") is None:
        raise RuntimeError("cmake/ninja are not installed (nox -s bootstrap)")
    if not (CPP_BUILD / "build.ninja").is_file():
        _run(CONFIGURE)
    _run(["cmake", "--build", str(CPP_BUILD), "--target", "l8sdk"])
    _run(["cmake", "--install", str(CPP_BUILD), "--prefix", str(PREFIX)])
    _run(["cmake", "-S", str(BENCH_SRC), "-B", str(BENCH_BUILD), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
          f"-DCMAKE_PREFIX_PATH={PREFIX}"])
    _run(["cmake", "--build", str(BENCH_BUILD)])
    return str(BENCH_BUILD / "p2cpp")


def measure(binary: str, target: str, rounds: int, calls: int, mode: str = "plain") -> Paired:
    segments = callgrind_segments([binary, target, str(rounds), str(calls), mode], "p2cpp_marker")[1:]
    if len(segments) < 2 * rounds:
        raise RuntimeError(f"callgrind gave {len(segments)} segments, expected {2 * rounds}")
    per_call = [s / calls for s in segments[: 2 * rounds]]
    return Paired(per_call[0::2], per_call[1::2])


def _flat_row(flat: Paired, pair: Paired, rounds: int, calls: int) -> Row:
    ratio = flat.median_ratio()
    own = statistics.median(flat.a) / statistics.median(pair.a)
    return Row(
        METRIC_FLAT,
        f"{ratio:.3f}x median (min {flat.min_ratio():.3f}x); SDK flattened "
        f"{statistics.median(flat.a):,.0f} vs raw {statistics.median(flat.b):,.0f} Ir/call; "
        f"{rounds} rounds x {calls} calls",
        f"<= {GOAL_FLAT}x instructions", verdict(ratio, GOAL_FLAT), asserted=True,
        note=(f"flattened / request-object SDK call: {own:.3f}x (the overload fills the request and calls "
              f"the request-object method); the rest is the SDK call's own gap, the row above; {NOTE}"),
        data=flat.as_dict())


def _row(pair: Paired, rounds: int, calls: int) -> Row:
    ratio = pair.median_ratio()
    return Row(
        METRIC,
        f"{ratio:.3f}x median (min {pair.min_ratio():.3f}x); SDK {statistics.median(pair.a):,.0f} vs raw "
        f"{statistics.median(pair.b):,.0f} Ir/call; {rounds} rounds x {calls} calls",
        f"<= {GOAL}x instructions", verdict(ratio, GOAL), asserted=True, note=NOTE, data=pair.as_dict())


def rows(quick: bool) -> list[Row]:
    prebuilding = "cpp" in os.environ.get("L8_PREBUILDING", "").split(",")  # l8dev.sessions.prebuild
    if quick and (prebuilding or not (CPP_BUILD / "libl8sdk.a").is_file()):
        why = ("not run in --quick: no C++ build yet (the sdk-cpp step builds it; `nox -s bench` builds the "
               "library itself)" if not prebuilding else
               "not run in --quick: this CI run's prebuild step is building the C++ tree in the background")
        return [Row(METRIC, why, f"<= {GOAL}x instructions", "not measured"),
                Row(METRIC_FLAT, why, f"<= {GOAL_FLAT}x instructions", "not measured")]
    binary = build()
    rounds, calls = (5, 200) if quick else (9, 300)
    with local_runtime() as (target, _):
        pair = measure(binary, target, rounds, calls)
        flat = measure(binary, target, rounds, calls, "flat")
    return [_row(pair, rounds, calls), _flat_row(flat, pair, rounds, calls)]
