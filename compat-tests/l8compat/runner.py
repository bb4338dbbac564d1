"""The run: one runtime, one driver session per language, every case, then gates and reports.

Place in the pipeline: pytest (compat-tests/run/) -> Harness -> engine (runtime) + drivers + executor ->
results -> gates -> reports. pytest gives the progress display (one line per case with -v) and the
pass/fail/skip/xfail verdicts; the Harness owns everything that lives for the whole session.
"""

from __future__ import annotations

import datetime as _dt
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .cases import Case
from .control import ControlClient
from .driver import DriverFailure, DriverProcess
from .drivers import DriverBuildError, DriverSpec, build, load_registry, skew_spec
from .engine import (
    ContainerRuntime,
    EngineError,
    ExternalRuntime,
    ProcessRuntime,
    Runtime,
    build_image,
    clean_stale,
    engine_reachable,
    free_port,
    wait_health,
)
from .executor import LanguageSession
from .gates import (
    apply_known_deviation,
    apply_known_failing,
    coverage_gate,
    executed_gate,
    known_failing_gate,
    load_known_failing,
    outcome_gate,
)
from .protos import Api
from .reports import RESULTS_DIR, write_all
from .results import CaseResult, LanguageInfo, Run, RunMeta
from .targets import Target, TargetError, check_against_cases, load_target

CONFIG_IN_CONTAINER = "/etc/l8/target"  # the config's folder, mounted read-only (files beside it too)


@dataclass
class Options:
    target: str = ""  # profile name/path (compat-tests/targets/) or external host:port; "" = reference
    runtime_mode: str = "auto"  # auto | container | process
    languages: list[str] = field(default_factory=list)
    mutant: str = ""
    results_dir: Path = RESULTS_DIR
    partial: str = ""  # non-empty when cases were filtered (coverage gate skipped)
    build_drivers: bool = True
    sdk_root: Path | None = None  # older SDK trees for `<lang>@<X.Y.Z>` ids: <sdk_root>/<X.Y.Z>/sdks/<lang>
    callback_host: str = "127.0.0.1"  # external mode: how the external runtime reaches this host
    callback_port: int = (
        0  # external mode: fixed callback port (0: the profile's, else AppCallback unsupported)
    )


class Harness:
    def __init__(self, api: Api, cases: list[Case], opts: Options, out: IO[str] = sys.stderr) -> None:
        self.api, self.cases, self.opts, self.out = api, cases, opts, out
        self.registry = load_registry()
        self.run_id = uuid.uuid4().hex[:8]
        self.runtime: Runtime | None = None
        self.control: ControlClient | None = None
        self.sessions: dict[str, LanguageSession | None] = {}
        self.known = {lang: load_known_failing(lang) for lang in opts.languages}
        self.target: Target | None = load_target(opts.target)  # TargetError on a bad profile
        self.profile_problems = tuple(check_against_cases(self.target, cases)) if self.target else ()
        if self.profile_problems:  # a stale or mistyped profile entry: say so before anything runs
            raise TargetError("bad target profile:\n" + "\n".join(self.profile_problems))
        self.meta = RunMeta(
            runtime_mode="",
            started=_dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            mutant=opts.mutant,
            total_rpcs=len(api.api_rpcs()),
            target=self.target.name if self.target else "",
            target_profile=self.target.source if self.target else "",
            reference=self.target is None,
        )
        self.run = Run(self.meta)
        self._t0 = time.monotonic()
        self._runtime_error = ""

    def say(self, text: str) -> None:
        self.out.write(f"compat: {text}\n")
        self.out.flush()

    # -- runtime ---------------------------------------------------------------------------------------
    def runtime_args(self, callback_host: str, callback_port: int, config: str = "") -> list[str]:
        args = ["--enable-control", "--app-callback", f"{callback_host}:{callback_port}"]
        if self.opts.mutant:
            args += ["--mutate", self.opts.mutant]
        if self.target is not None:  # a container profile: its config file and extra arguments
            args += ["--config", config] if config else []
            args += list(self.target.runtime_args)
        return args

    @property
    def callback_ok(self) -> bool:
        """Can the runtime reach the SDK's callback helper? Always for a runtime the harness starts
        (SetAppCallback / --app-callback); an external one only at a fixed port (profile or option)."""
        rt = self.runtime
        return rt is None or rt.mode != "external" or bool(self.opts.callback_port or self._callback_port())

    def _callback_port(self) -> int:
        return self.target.callback_port if self.target is not None else 0

    def ensure_runtime(self) -> Runtime:
        if self.runtime is not None:
            return self.runtime
        if self._runtime_error:
            raise EngineError(self._runtime_error)
        try:
            self.runtime = self._start_runtime()
        except EngineError as exc:
            self._runtime_error = str(exc)
            raise
        rt = self.runtime
        self.meta.runtime_mode, self.meta.runtime_endpoint = rt.mode, rt.endpoint
        self.meta.runtime_args = list(rt.args)
        control = ControlClient(self.api, rt.endpoint)
        ok, why = control.available()
        if ok:
            self.control = control
            info = control.call("GetRuntimeInfo")
            self.meta.notes.append(
                f"runtime {info.get('version', '?')}, mutation {info.get('mutation') or 'none'}"
            )
            if info.get("mutation", "") != self.opts.mutant:
                raise EngineError(
                    f"runtime reports mutation {info.get('mutation')!r}, expected {self.opts.mutant!r}"
                )
        else:
            control.close()
            self.meta.notes.append(f"control service unavailable: {why}; cases needing it are skipped")
        self.say(f"runtime ready ({rt.mode}) at {rt.endpoint}; control: {why}")
        return rt

    def _start_runtime(self) -> Runtime:
        cb_port = free_port()
        target = self.target
        config = target.runtime_config if target is not None else None
        if target is not None and target.external:
            fixed = self.opts.callback_port or target.callback_port
            host = target.callback_host or self.opts.callback_host
            rt: Runtime = ExternalRuntime(target.address, host, fixed)
            rt.start()
            if not fixed:
                rt.notes.append(
                    "no fixed callback port (profile callback.port): AppCallback cases unsupported"
                )
            self.meta.notes.extend(rt.notes)
            return rt
        mode = self.opts.runtime_mode
        reachable, engine = engine_reachable()
        self.meta.engine = engine
        if mode == "container" or (mode == "auto" and reachable):
            if not reachable:
                raise EngineError(f"--runtime-mode container but no container engine answers: {engine}")
            clean_stale(self.out)
            self.say("building/checking the runtime image (runtime-stub/image/build.py)")
            image = build_image(self.out)
            cfg_in = f"{CONFIG_IN_CONTAINER}/{config.name}" if config is not None else ""
            volumes = {str(config.parent): CONFIG_IN_CONTAINER} if config is not None else {}
            rt = ContainerRuntime(
                self.runtime_args("host.docker.internal", cb_port, cfg_in), cb_port, image, volumes
            )
        else:
            banner = "NO CONTAINER ENGINE REACHABLE" if mode == "auto" else "--runtime-mode process"
            msg = (
                f"!!! {banner} ({engine}): running the runtime as a LOCAL PROCESS (fallback). "
                "This is NOT the container matrix. !!!"
            )
            self.say(msg)
            self.meta.notes.append(msg)
            rt = ProcessRuntime(
                self.runtime_args("127.0.0.1", cb_port, str(config) if config is not None else ""),
                cb_port,
                self.opts.results_dir / "logs" / "runtime.log",
            )
        rt.start()
        return rt

    # -- languages -------------------------------------------------------------------------------------
    def session(self, language: str) -> LanguageSession:
        if language in self.sessions:
            s = self.sessions[language]
            if s is None:
                info = self.meta.languages[language]
                raise DriverFailure(f"{language} driver unavailable ({info.status}): {info.detail[:500]}")
            return s
        info = LanguageInfo(language)
        self.meta.languages[language] = info
        spec = self.registry.get(language)
        try:
            if "@" in language:  # version skew: an older SDK generated from a release record
                spec = skew_spec(language, self.opts.sdk_root)
            if spec is None or not spec.present:
                raise DriverBuildError(
                    f"no {language} driver in the tree "
                    f"({spec.marker if spec else 'no [driver] in its language.toml'})"
                )
            runtime = self.ensure_runtime()
            if self.opts.build_drivers:
                build(spec, self.out)
            session = LanguageSession(
                language,
                self.api,
                runtime,
                lambda: self._driver(spec),
                self.control,
                self.run_id,
                callback_ok=self.callback_ok,
                target=self.target,
            )
            hello = session.start()
            _check_skew_version(language, hello, session)
        except (DriverBuildError, DriverFailure, EngineError) as exc:
            info.status = "start-failed" if not isinstance(exc, DriverBuildError) else "build-failed"
            info.detail = str(exc)
            self.sessions[language] = None
            raise DriverFailure(f"{language}: {exc}") from None
        info.sdk_version = str(hello.get("sdk_version", ""))
        info.rpcs = sorted(hello.get("rpcs", []))
        info.driver = " ".join(spec.start)
        self.say(f"{language} driver up: sdk {info.sdk_version}, {len(info.rpcs)} RPCs")
        self.sessions[language] = session
        return session

    def _driver(self, spec: DriverSpec) -> DriverProcess:
        d = DriverProcess(
            spec.language,
            list(spec.start),
            spec.cwd,
            env=dict(spec.env),
            log_path=self.opts.results_dir / "logs" / f"driver-{spec.language}.log",
        )
        d.start()
        return d

    # -- cases -----------------------------------------------------------------------------------------
    def run_case(self, language: str, case: Case) -> CaseResult:
        try:
            session = self.session(language)
            result = session.run_case(case)
        except (DriverFailure, EngineError) as exc:
            result = CaseResult(
                language,
                case.rpc.service,
                case.rpc.name,
                case.name,
                case.id,
                case.kind,
                "error",
                0.0,
                reason=str(exc)[:2000],
                file=f"{case.file}:{case.line}",
            )
        if self.target is not None:
            apply_known_deviation(result, self.target.known_deviations, self.target.name)
        if result.outcome not in ("skip", "unsupported", "known_deviation"):
            apply_known_failing(result, self.known.get(language, {}))
        if result.wedged:
            self._report_wedge(language, case)
        self.run.results.append(result)
        return result

    def _report_wedge(self, language: str, case: Case) -> None:
        """A call of this case got no reply in time: say so, and whether the runtime still answers."""
        health = "runtime still SERVING"
        if self.runtime is not None:
            try:
                wait_health(self.runtime.endpoint, timeout_s=3)
            except EngineError as exc:
                health = f"runtime NOT healthy afterwards: {exc}"
        self.meta.wedged.append(f"{language} {case.id}")
        self.say(f"!!! {language} {case.id} wedged (a call got no reply within the case budget); {health}")

    # -- end -------------------------------------------------------------------------------------------
    def gates(self) -> dict[str, object]:
        langs = list(self.opts.languages)
        known = {lang: self.known.get(lang, {}) for lang in langs}
        gs = [
            coverage_gate(
                self.api,
                self.cases,
                self.run.results,
                langs,
                self.opts.partial,
                self._skew_rpcs(),
                reference=self.meta.reference,
            ),
            known_failing_gate(self.cases, self.run.results, known, profile_problems=self.profile_problems),
            executed_gate(self.run.results, langs),
            outcome_gate(self.run.results),
        ]
        self.meta.gates = {g.name: g.to_json() for g in gs}
        return {g.name: g for g in gs}

    def _skew_rpcs(self) -> dict[str, set[str]]:
        """Older SDKs (``<lang>@<X.Y.Z>``) need coverage only of the RPCs their driver knows: RPCs added
        since that release have no method in that SDK (their cases are skipped, by design)."""
        return {
            lang: set(info.rpcs) for lang, info in self.meta.languages.items() if "@" in lang and info.rpcs
        }

    def finish(self) -> list[Path]:
        self.meta.duration_s = time.monotonic() - self._t0
        if self.runtime is not None:
            self.meta.notes.extend(n for n in self.runtime.notes if n not in self.meta.notes)
        if not self.meta.gates:
            self.gates()
        for s in self.sessions.values():
            if s is not None:
                try:
                    s.stop()
                except Exception as exc:  # noqa: BLE001 - teardown must not mask results
                    self.say(f"{s.language} driver stop failed: {exc}")
        if self.runtime is not None:
            logs = self.runtime.logs()  # never raises: a vanished container is reported in the text
            if logs:
                (self.opts.results_dir / "logs").mkdir(parents=True, exist_ok=True)
                (self.opts.results_dir / "logs" / "runtime-final.log").write_text(logs)
            try:
                self.runtime.stop()
            except Exception as exc:  # noqa: BLE001 - teardown must not mask results
                self.say(f"runtime stop failed: {exc}")
        if self.control is not None:
            self.control.close()
        return write_all(self.run, list(self.api.api_rpcs()), self.opts.results_dir)


def _check_skew_version(language: str, hello: dict[str, object], session: LanguageSession) -> None:
    """An older SDK's driver must report that SDK's version: proof that the old tree, not the current
    one, is what runs (e.g. PYTHONPATH not reaching the driver)."""
    _, _, version = language.partition("@")
    if version and str(hello.get("sdk_version", "")) != version:
        try:
            session.stop()
        except DriverFailure:
            pass
        raise DriverFailure(
            f"{language}: the driver reports SDK version {hello.get('sdk_version')!r}, not {version}: "
            "it is not running the older SDK tree"
        )
