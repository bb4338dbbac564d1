"""pytest entry of the compatibility matrix (nox -s compat-python / compat / compat-mutants).

Place in the pipeline: pytest -> l8compat.runner.Harness. Options:
  --target T             the runtime to judge: a profile name (compat-tests/targets/T.yaml), a profile path,
                         or HOST:PORT of an external runtime (default: the reference runtime container)
  --languages a,b        languages to run (default: every language whose driver exists)
  --runtime-mode M       auto (container if an engine answers, else local process) | container | process
  --mutant NAME          start the runtime with --mutate NAME (mutation self-test)
  --case GLOB            only cases whose id matches (coverage gate skipped)
  --uses GLOB[,GLOB]     only cases that call an RPC matching one glob on `Service/Method` (short service
                         name, e.g. `Runtime/SaveState`, `CryptionService/*`; coverage gate skipped)
  --results-dir DIR      where matrix.json/md/html go (default compat-tests/results)
  --no-driver-build      start drivers without running their build commands
  --callback-host H      external mode: the address the external runtime uses to reach this host
  --callback-port N      external mode: fixed port of the SDK's callback helper (else AppCallback unsupported)
  --sdk-root DIR         older SDK trees for version skew: language `python@0.1.0` runs DIR/0.1.0/sdks/python
"""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from l8compat.cases import CaseError, calls_any, load_cases, ordered  # noqa: E402
from l8compat.drivers import available, load_registry  # noqa: E402
from l8compat.gates import KnownFailingError  # noqa: E402
from l8compat.protos import ProtoError, load_api  # noqa: E402
from l8compat.reports import RESULTS_DIR  # noqa: E402
from l8compat.runner import Harness, Options  # noqa: E402
from l8compat.targets import TargetError  # noqa: E402

_KEY = pytest.StashKey[Harness]()


def pytest_addoption(parser: pytest.Parser) -> None:
    g = parser.getgroup("l8compat", "l8sdk compatibility matrix")
    g.addoption(
        "--target", default="", help="target profile name/path (compat-tests/targets/) or external host:port"
    )
    g.addoption("--languages", default="", help="comma-separated languages (default: all with a driver)")
    g.addoption("--runtime-mode", default="auto", choices=("auto", "container", "process"))
    g.addoption("--mutant", default="", help="runtime --mutate NAME (mutation self-test)")
    g.addoption("--case", default="", help="glob on case ids, e.g. 'Runtime.GetState/*'")
    g.addoption("--uses", default="", help="globs on the RPCs a case calls: 'Runtime/GetState'")
    g.addoption("--results-dir", default=str(RESULTS_DIR))
    g.addoption("--no-driver-build", action="store_true")
    g.addoption("--callback-host", default="127.0.0.1")
    g.addoption("--callback-port", type=int, default=0)
    g.addoption(
        "--sdk-root", default="", help="older SDK trees (<DIR>/<X.Y.Z>/sdks/<lang>) for <lang>@<X.Y.Z>"
    )


class _Out:
    """Progress/notes through pytest's terminal writer (visible without -s)."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config

    def write(self, text: str) -> None:
        tr = self.config.pluginmanager.get_plugin("terminalreporter")
        capman = self.config.pluginmanager.get_plugin("capturemanager")
        if tr is None or capman is None:
            sys.stderr.write(text)
            return
        with capman.global_and_fixture_disabled():  # shown live, even while a test item runs
            for line in text.splitlines():
                tr.write_line(line)

    def flush(self) -> None:
        pass


def pytest_configure(config: pytest.Config) -> None:
    try:
        api = load_api()
        cases = load_cases(api)
    except (CaseError, ProtoError) as exc:
        raise pytest.UsageError(str(exc)) from None
    pattern = config.getoption("--case")
    uses = [g for g in config.getoption("--uses").split(",") if g]
    selected = [c for c in cases if (not pattern or fnmatch.fnmatch(c.id, pattern)) and calls_any(c, uses)]
    filters = [f"--case {pattern}"] if pattern else []
    filters += [f"--uses {','.join(uses)}"] if uses else []
    partial = " ".join(filters)
    langs = [x for x in config.getoption("--languages").split(",") if x]
    if not langs:
        langs = available(load_registry())
    opts = Options(
        target=config.getoption("--target"),
        runtime_mode=config.getoption("--runtime-mode"),
        languages=langs,
        mutant=config.getoption("--mutant"),
        results_dir=Path(config.getoption("--results-dir")),
        partial=partial,
        build_drivers=not config.getoption("--no-driver-build"),
        callback_host=config.getoption("--callback-host"),
        callback_port=config.getoption("--callback-port"),
        sdk_root=Path(config.getoption("--sdk-root")) if config.getoption("--sdk-root") else None,
    )
    try:
        harness = Harness(api, cases, opts, out=_Out(config))
    except (KnownFailingError, TargetError) as exc:
        raise pytest.UsageError(str(exc)) from None
    harness.selected = ordered(selected)  # type: ignore[attr-defined]
    config.stash[_KEY] = harness


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    harness = metafunc.config.stash[_KEY]
    if "case" in metafunc.fixturenames:
        params = [
            pytest.param(lang, c, id=f"{lang}:{c.id}")
            for lang in harness.opts.languages
            for c in harness.selected
        ]  # type: ignore[attr-defined]
        metafunc.parametrize(("language", "case"), params)
    if "gate" in metafunc.fixturenames:
        metafunc.parametrize("gate", ["coverage", "known_failing", "executed"])


@pytest.fixture(scope="session")
def harness(request: pytest.FixtureRequest) -> Harness:
    return request.config.stash[_KEY]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    harness = session.config.stash.get(_KEY, None)
    if harness is None or session.config.option.collectonly:
        return
    paths = harness.finish()
    for p in paths:
        harness.say(f"wrote {p}")
    counts = harness.run.counts()
    harness.say(
        "summary: "
        + ", ".join(f"{k}={v}" for k, v in counts.items())
        + f" | runtime={harness.meta.runtime_mode or 'not started'} | {harness.meta.duration_s:.1f}s"
    )
