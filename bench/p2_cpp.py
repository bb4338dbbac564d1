"""P2 for the C++ SDK: an SDK call vs the raw generated stub, client instructions per call (callgrind).

Place in the pipeline: one bench module of the suite (bench/run.py), the C++ twin of bench/p2_native.py.
It reuses the run's one C++ build tree, compat-tests/.build/cpp (the configure of `nox -s sdk-cpp`; only the
``l8sdk`` target is built, a no-op after sdk-cpp and mostly ccache hits otherwise), installs it into
.cache/bench/cpp-prefix and builds bench/p2cpp against it with find_package(l8sdk CONFIG), like an
application. bench/p2cpp/main.cc alternates N ``GetState`` calls through ``l8::Client`` and N through
``Runtime::Stub`` on a plain channel, calling ``p2cpp_marker`` between segments
(``--dump-before=p2cpp_marker``). A second row measures the flattened overload ``GetState(store_name, key)``
([tool.l8gen.signatures], issue #16's goal <= 1.02x) the same way, and notes its ratio to the request-object
call (the flattening's own cost). The rows are reported, not asserted (see bench/notes.py). ``--quick``
(CI) measures only when the build tree already holds the library (CI's sdk-cpp step runs after
bench-quick), so the quick step never compiles the SDK.
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
# The Release measurement (not in --quick: it compiles the SDK library once more; ccache makes reruns cheap)
RELEASE_BUILD = ROOT / ".cache" / "bench" / "cpp-release"
RELEASE_PREFIX = ROOT / ".cache" / "bench" / "cpp-release-prefix"
RELEASE_BENCH = ROOT / ".cache" / "bench" / "p2cpp-release"
CCACHE = {"CCACHE_BASEDIR": str(ROOT), "CCACHE_NOHASHDIR": "1"}
CONFIGURE = [  # the same cache entries as noxfile.py CPP_CONFIGURE, so the tree is shared, never reconfigured
    "cmake", "-S", str(SDK_CPP), "-B", str(CPP_BUILD), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Debug",
    "-DL8SDK_BUILD_TESTS=ON",
]


def _run(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **CCACHE}, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])} failed: {(proc.stdout + proc.stderr)[-1500:]}")


def build(release: bool = False) -> str:
    """Build (or reuse) the SDK library, install it, build the bench client; returns its path. Debug: the
    run's shared tree; ``release``: an own Release tree (the library as an application installs it)."""
    if shutil.which("cmake") is None or shutil.which("ninja") is None:
        raise RuntimeError("cmake/ninja are not installed (nox -s bootstrap)")
    tree, prefix, bench, kind = CPP_BUILD, PREFIX, BENCH_BUILD, "Debug"
    if release:
        tree, prefix, bench, kind = RELEASE_BUILD, RELEASE_PREFIX, RELEASE_BENCH, "Release"
        if not (tree / "build.ninja").is_file():
            _run(["cmake", "-S", str(SDK_CPP), "-B", str(tree), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                  "-DL8SDK_BUILD_TESTS=OFF", "-DL8SDK_BUILD_COMPAT_DRIVER=OFF"])
    elif not (tree / "build.ninja").is_file():
        _run(CONFIGURE)
    _run(["cmake", "--build", str(tree), "--target", "l8sdk"])
    _run(["cmake", "--install", str(tree), "--prefix", str(prefix)])
    _run(["cmake", "-S", str(BENCH_SRC), "-B", str(bench), "-G", "Ninja", f"-DCMAKE_BUILD_TYPE={kind}",
          f"-DCMAKE_PREFIX_PATH={prefix}"])
    _run(["cmake", "--build", str(bench)])
    return str(bench / "p2cpp")


def measure(binary: str, target: str, rounds: int, calls: int, mode: str = "plain") -> Paired:
    segments = callgrind_segments([binary, target, str(rounds), str(calls), mode], "p2cpp_marker")[1:]
    if len(segments) < 2 * rounds:
        raise RuntimeError(f"callgrind gave {len(segments)} segments, expected {2 * rounds}")
    per_call = [s / calls for s in segments[: 2 * rounds]]
    return Paired(per_call[0::2], per_call[1::2])


def rows(quick: bool) -> list[Row]:
    if quick and not (CPP_BUILD / "libl8sdk.a").is_file():
        why = ("not run in --quick: no C++ build yet (the sdk-cpp step builds it; `nox -s bench` builds the "
               "library itself)")
        return [Row(METRIC, why, _goal(GOAL, 0.0, False)[0], "not measured"),
                Row(METRIC_FLAT, why, _goal(GOAL_FLAT, 0.0, False)[0], "not measured")]
    binary = build()
    rounds, calls = (5, 200) if quick else (9, 300)
    with local_runtime() as (target, _):
        pair = measure(binary, target, rounds, calls)
        flat = measure(binary, target, rounds, calls, "flat")
    out = [_row(pair, rounds, calls), _flat_row(flat, pair, rounds, calls)]
    if not quick:  # the same calls with the SDK library built Release, as an application installs it
        release = build(release=True)
        with local_runtime() as (target, _):
            pair_release = measure(release, target, rounds, calls)
            flat_release = measure(release, target, rounds, calls, "flat")
        out += [_row(pair_release, rounds, calls, release=True),
                _flat_row(flat_release, pair_release, rounds, calls, release=True)]
    return out


RELEASE = ", Release SDK library"
RELEASE_NOTE = ("the SDK library built Release (-O2/-O3, as an application installs it; not in --quick: one "
                "more compile); the Debug rows count the SDK's own code unoptimised")


def _goal(goal: float, ratio: float, release: bool) -> tuple[str, str]:
    """(goal, verdict): the Release rows carry the goal -- Release is the SDK's default build type (its
    CMakeLists sets it when none is given), so it is what an application runs; the Debug rows (CI's build
    type, the SDK's own code unoptimised) are reported as info, an upper bound."""
    if release:
        return f"<= {goal}x instructions", verdict(ratio, goal)
    return f"none: the Release rows carry the goal (<= {goal}x)", "info"


def _flat_row(flat: Paired, pair: Paired, rounds: int, calls: int, release: bool = False) -> Row:
    ratio = flat.median_ratio()
    own = statistics.median(flat.a) / statistics.median(pair.a)
    return Row(
        METRIC_FLAT + (RELEASE if release else ""),
        f"{ratio:.3f}x median (min {flat.min_ratio():.3f}x); SDK flattened "
        f"{statistics.median(flat.a):,.0f} vs raw {statistics.median(flat.b):,.0f} Ir/call; "
        f"{rounds} rounds x {calls} calls",
        *_goal(GOAL_FLAT, ratio, release), asserted=False,
        note=(f"flattened / request-object SDK call: {own:.3f}x (the overload fills the request and calls "
              "the request-object method); the rest is the SDK call's own gap, the row above"
              + ("; " + RELEASE_NOTE if release else "")),
        data=flat.as_dict())


def _row(pair: Paired, rounds: int, calls: int, release: bool = False) -> Row:
    ratio = pair.median_ratio()
    return Row(
        METRIC + (RELEASE if release else ""),
        f"{ratio:.3f}x median (min {pair.min_ratio():.3f}x); SDK {statistics.median(pair.a):,.0f} vs raw "
        f"{statistics.median(pair.b):,.0f} Ir/call; {rounds} rounds x {calls} calls",
        # Reported, not asserted, while the goal is missed for a cause outside the SDK's frames
        # (bench/notes.py): asserting it would fail every --quick run that finds a C++ build.
        *_goal(GOAL, ratio, release), asserted=False,
        note=RELEASE_NOTE if release else (
            "the SDK library is the run's Debug build (CI's build type); gRPC is the system's optimised "
            "library: the SDK's own share is counted unoptimised, an upper bound (see the Release rows)"),
        data=pair.as_dict())
