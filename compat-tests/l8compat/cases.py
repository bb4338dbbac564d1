"""Case loading: compat-tests/cases/**/*.yaml -> validated, typed Case objects.

Place in the pipeline: YAML files -> (JSON Schema, then semantic checks against proto/) -> Case list for the
executor. A bad case file is a clear error naming the file, the YAML line and the path inside the document
(`cases[2].steps[0].request.storeNme: ...`); loading stops before anything runs.
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .protos import Api, Rpc

CASES_DIR = Path(__file__).resolve().parents[1] / "cases"
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schema" / "case.schema.json"

# The action key of each step kind, and which other keys it accepts.
ACTIONS: dict[str, frozenset[str]] = {
    "call": frozenset({"service", "request", "requests", "timeout_ms", "metadata", "expect", "capture"}),
    "open": frozenset({"service", "rpc", "request", "timeout_ms", "metadata", "expect"}),
    "send": frozenset({"message", "expect"}),
    "recv": frozenset({"count", "timeout_ms", "expect", "capture"}),
    "close_send": frozenset({"expect", "capture"}),
    "cancel": frozenset({"expect"}),
    "serve_callback": frozenset({"expect"}),
    "callback_events": frozenset({"expect", "capture"}),
    "stop_callback": frozenset({"expect"}),
    "subscribe": frozenset({"pubsub_name", "topic", "status", "dead_letter_topic", "expect"}),
    "subscription_events": frozenset({"count", "timeout_ms", "expect", "capture"}),
    "upload_file": frozenset({"expect"}),
    "control": frozenset({"request", "expect", "capture"}),
    "connect": frozenset({"expect"}),
    "wait_ready": frozenset({"expect"}),
    "sleep": frozenset(),
    "restart_runtime": frozenset(),
    "assert": frozenset({"expect"}),
}


class CaseError(ValueError):
    """A bad case file: message names file, line and document path."""


@dataclass(frozen=True)
class Step:
    action: str
    arg: Any
    body: Mapping[str, Any]
    where: str  # "cases/runtime/state.yaml:42 cases[1].steps[0]"
    phase: str  # setup | steps | cleanup
    index: int


@dataclass(frozen=True)
class Case:
    id: str  # "Runtime.GetState/roundtrip"
    name: str
    rpc: Rpc
    kind: str
    description: str
    requires: tuple[str, ...]
    schedule: str
    timeout_ms: int | None
    setup: tuple[Step, ...]
    steps: tuple[Step, ...]
    cleanup: tuple[Step, ...]
    file: str
    line: int
    uses: frozenset[str] = field(default_factory=frozenset)  # every RPC key the case calls
    capabilities: tuple[str, ...] = ()  # explicit tags beyond the services/RPCs it calls (targets.py)

    def all_steps(self) -> Iterable[Step]:
        yield from self.setup
        yield from self.steps
        yield from self.cleanup


def _lines(node: yaml.Node, path: tuple[Any, ...], out: dict[tuple[Any, ...], int]) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            out[path + (k.value,)] = k.start_mark.line + 1
            _lines(v, path + (k.value,), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            _lines(v, path + (i,), out)


def _fmt_path(path: Iterable[Any]) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "<document>"


class _Ctx:
    def __init__(self, file: Path, rel: str, lines: dict[tuple[Any, ...], int]) -> None:
        self.file, self.rel, self.lines = file, rel, lines

    def line(self, path: tuple[Any, ...]) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def where(self, path: tuple[Any, ...]) -> str:
        return f"{self.rel}:{self.line(path)} {_fmt_path(path)}"

    def error(self, path: tuple[Any, ...], message: str) -> CaseError:
        return CaseError(f"{self.where(path)}: {message}")


_VALIDATOR: jsonschema.Draft202012Validator | None = None


def validator() -> jsonschema.Draft202012Validator:
    global _VALIDATOR
    if _VALIDATOR is None:
        schema = json.loads(SCHEMA_PATH.read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        _VALIDATOR = jsonschema.Draft202012Validator(schema)
    return _VALIDATOR


def _schema_errors(doc: Any, ctx: _Ctx) -> list[str]:
    errors = sorted(validator().iter_errors(doc), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    out = []
    for e in errors:
        leaf = e
        # Report the most specific cause of anyOf/oneOf failures.
        while leaf.context:
            leaf = min(leaf.context, key=lambda c: -len(c.absolute_path))
        path = tuple(leaf.absolute_path)
        out.append(f"{ctx.where(path)}: {leaf.message}")
    return out


def _check_keys(api: Api, type_name: str, value: Any, ctx: _Ctx, path: tuple[Any, ...]) -> None:
    problems = api.check_keys(type_name, value)
    if problems:
        raise ctx.error(path, "; ".join(problems))


def _step(
    api: Api,
    raw: dict[str, Any],
    svc: str,
    ctx: _Ctx,
    path: tuple[Any, ...],
    phase: str,
    index: int,
    streams: dict[str, Rpc],
    uses: set[str],
) -> Step:
    actions = [k for k in raw if k in ACTIONS]
    if len(actions) != 1:
        raise ctx.error(
            path, f"a step needs exactly one action of {sorted(ACTIONS)}, got {actions or 'none'}"
        )
    action = actions[0]
    extra = set(raw) - ACTIONS[action] - {action, "note"}
    if extra:
        raise ctx.error(
            path,
            f"'{action}' step does not take {sorted(extra)} "
            f"(allowed: {sorted(ACTIONS[action]) or 'nothing'})",
        )
    arg = raw[action]
    if action in ("call", "open"):
        name = arg if action == "call" else raw["rpc"]
        try:
            rpc = api.resolve(raw.get("service", svc), name)
        except KeyError as exc:
            raise ctx.error(path + (action,), str(exc.args[0])) from None
        if rpc.role != "client":
            raise ctx.error(path + (action,), f"{rpc.key} is not called by SDKs (role {rpc.role})")
        uses.add(rpc.key)
        streaming_in = rpc.shape in ("client_stream", "bidi")
        if action == "call":
            want, other = ("requests", "request") if streaming_in else ("request", "requests")
            if other in raw:
                raise ctx.error(path + (other,), f"{rpc.key} is {rpc.shape}: use '{want}'")
            if "request" in raw:
                _check_keys(api, rpc.input_type, raw["request"], ctx, path + ("request",))
            for i, r in enumerate(raw.get("requests", [])):
                _check_keys(api, rpc.input_type, r, ctx, path + ("requests", i))
        else:
            if rpc.shape == "unary":
                raise ctx.error(path + ("rpc",), f"{rpc.key} is unary: use 'call'")
            if "request" in raw:
                if rpc.shape != "server_stream":
                    raise ctx.error(path + ("request",), f"{rpc.key} is {rpc.shape}: send messages instead")
                _check_keys(api, rpc.input_type, raw["request"], ctx, path + ("request",))
            streams[arg] = rpc
    elif action in ("send", "recv", "close_send", "cancel"):
        if arg not in streams:
            raise ctx.error(path + (action,), f"stream {arg!r} was not opened by an earlier step")
        if action == "send":
            _check_keys(api, streams[arg].input_type, raw["message"], ctx, path + ("message",))
    elif action == "subscribe":
        streams[arg] = api.resolve("spec.proto.runtime.v1.Runtime", "SubscribeTopicEvents")
        uses.add(streams[arg].key)
    elif action == "subscription_events":
        if arg not in streams:
            raise ctx.error(path + (action,), f"subscription {arg!r} was not started by a 'subscribe' step")
    elif action == "control":
        try:
            rpc = api.resolve("l8.control.v1.Control", arg)
        except KeyError as exc:
            raise ctx.error(path + (action,), str(exc.args[0])) from None
        _check_keys(api, rpc.input_type, raw.get("request", {}), ctx, path + ("request",))
    elif action == "upload_file":
        uses.add("spec.proto.runtime.v1.Runtime/PutFile")
    elif action == "assert" and "value" not in raw.get("expect", {}):
        raise ctx.error(path, "an 'assert' step needs expect.value")
    return Step(action, arg, raw, ctx.where(path), phase, index)


PUBLISH_CALLS = ("PublishEvent", "PublishDelayMessage")
MANUAL_ACK_CAPABILITY = "publish_returns_before_ack"


def _check_publish_order(ctx: _Ctx, cpath: tuple[Any, ...], steps: tuple[Step, ...], caps: list[str]) -> None:
    """Case hygiene for runtimes whose publish may wait for the subscriber's ack: a case subscribes before
    it publishes; a publish into a raw SubscribeTopicEvents stream the harness acks by hand (after the
    publish returns) needs the capability publish_returns_before_ack and a deadline on the publish."""
    subscribed_at: int | None = None
    raw_stream = False
    for i, step in enumerate(steps):
        if step.action in ("subscribe", "serve_callback") or (
            step.action == "open" and step.body.get("rpc") == "SubscribeTopicEvents"
        ):
            subscribed_at = i if subscribed_at is None else subscribed_at
            raw_stream = raw_stream or step.action == "open"
        if step.action == "call" and step.arg in PUBLISH_CALLS and raw_stream:
            where = step.where.split(" ", 1)[-1]
            if MANUAL_ACK_CAPABILITY not in caps:
                raise ctx.error(
                    cpath,
                    f"{where}: publishes into a raw stream it acks by hand: add "
                    f"capabilities: [{MANUAL_ACK_CAPABILITY}]",
                )
            if "timeout_ms" not in step.body:
                raise ctx.error(
                    cpath,
                    f"{where}: a publish into a raw stream needs timeout_ms (no stall "
                    "on a runtime whose publish waits for the ack)",
                )
    later = [s for s in steps if s.action in ("subscribe", "serve_callback")]
    first_pub = next((i for i, s in enumerate(steps) if s.action == "call" and s.arg in PUBLISH_CALLS), None)
    if first_pub is not None and later and subscribed_at is not None and subscribed_at > first_pub:
        raise ctx.error(cpath, f"{steps[first_pub].where.split(' ', 1)[-1]}: publishes before it subscribes")


def load_file(path: Path, api: Api, root: Path = CASES_DIR) -> list[Case]:
    rel = str(path.relative_to(root.parent)) if path.is_relative_to(root.parent) else str(path)
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CaseError(f"{rel}: invalid YAML: {exc}") from None
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _lines(node, (), lines)
    ctx = _Ctx(path, rel, lines)
    errors = _schema_errors(doc, ctx)
    if errors:
        raise CaseError("\n".join(errors))
    try:
        svc_name = api.resolve(doc["service"], doc.get("rpc") or "").service if doc.get("rpc") else None
    except KeyError as exc:
        raise ctx.error(("rpc",), str(exc.args[0])) from None
    svc = svc_name or doc["service"]
    out: list[Case] = []
    for ci, raw in enumerate(doc["cases"]):
        cpath: tuple[Any, ...] = ("cases", ci)
        rpc_name = raw.get("rpc") or doc.get("rpc")
        if not rpc_name:
            raise ctx.error(cpath, "case has no rpc (set 'rpc' on the case or the file)")
        try:
            rpc = api.resolve(svc, rpc_name)
        except KeyError as exc:
            raise ctx.error(cpath + ("rpc",), str(exc.args[0])) from None
        streams: dict[str, Rpc] = {}
        uses: set[str] = set()
        phases = {}
        for phase in ("setup", "steps", "cleanup"):
            phases[phase] = tuple(
                _step(api, s, svc, ctx, cpath + (phase, i), phase, i, streams, uses)
                for i, s in enumerate(raw.get(phase, []))
            )
        _check_publish_order(ctx, cpath, phases["setup"] + phases["steps"], raw.get("capabilities", []))
        if rpc.role == "app" and "callback" not in raw.get("requires", []):
            raise ctx.error(cpath, f"{rpc.key} is an AppCallback RPC: its cases must require 'callback'")
        if rpc.role == "client" and rpc.key not in uses:
            raise ctx.error(cpath, f"case is counted for {rpc.key} but never calls it")
        out.append(
            Case(
                id=f"{rpc.service_short}.{rpc.name}/{raw['name']}",
                name=raw["name"],
                rpc=rpc,
                kind=raw["kind"],
                description=raw.get("description", ""),
                requires=tuple(raw.get("requires", [])),
                schedule=raw.get("schedule", "normal"),
                timeout_ms=raw.get("timeout_ms"),
                setup=phases["setup"],
                steps=phases["steps"],
                cleanup=phases["cleanup"],
                file=rel,
                line=ctx.line(cpath),
                uses=frozenset(uses),
                capabilities=tuple(raw.get("capabilities", [])),
            )
        )
    return out


def load_cases(api: Api, root: Path = CASES_DIR) -> list[Case]:
    """Load every case file under root; raise CaseError listing every bad file."""
    files = sorted(root.rglob("*.yaml")) + sorted(root.rglob("*.yml"))
    cases: list[Case] = []
    errors: list[str] = []
    for f in files:
        try:
            cases.extend(load_file(f, api, root))
        except CaseError as exc:
            errors.append(str(exc))
    seen: dict[str, Case] = {}
    for c in cases:
        if c.id in seen:
            errors.append(
                f"{c.file}:{c.line}: duplicate case id {c.id} (first at {seen[c.id].file}:{seen[c.id].line})"
            )
        seen.setdefault(c.id, c)
    if errors:
        raise CaseError("bad case files:\n" + "\n".join(errors))
    return sorted(cases, key=lambda c: (c.rpc.key, c.name))


def ordered(cases: list[Case]) -> list[Case]:
    """Run order: sorted, with 'middle' cases (the restart scenario) placed half-way."""
    normal = [c for c in cases if c.schedule != "middle"]
    middle = [c for c in cases if c.schedule == "middle"]
    half = len(normal) // 2
    return normal[:half] + middle + normal[half:]


def calls_any(case: Case, globs: Sequence[str]) -> bool:
    """Does the case call an RPC matching one of ``globs`` (``Service/Method`` with the short service name:
    ``Runtime/SaveState``, ``CryptionService/*``)? No globs: every case does."""
    if not globs:
        return True
    short = [f"{key.rsplit('/', 1)[0].rsplit('.', 1)[-1]}/{key.rsplit('/', 1)[1]}" for key in case.uses]
    return any(fnmatch.fnmatchcase(rpc, glob) for rpc in short for glob in globs)
