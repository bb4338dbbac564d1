"""Target profiles: which runtime the harness judges and how (compat-tests/targets/<name>.yaml).

Place in the pipeline: `--target NAME|PATH|HOST:PORT` (conftest) -> load_target -> Target -> the runner
(start/attach the runtime, callback port), the executor (component-name mapping on requests and
expectations, capabilities -> "unsupported") and the gates (strict known deviations, coverage only for the
reference runtime). Profiles are validated by schema/target.schema.json; a bad profile is a clear error.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .cases import Case

TARGETS_DIR = Path(__file__).resolve().parents[1] / "targets"
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schema" / "target.schema.json"
HOST_PORT = re.compile(r"^[^\s:/]+:[0-9]{1,5}$")
# Expectation keys whose strings are matched as substrings: component names inside them are mapped too.
MESSAGE_KEYS = ("message_contains", "message_regex")


class TargetError(ValueError):
    """A bad --target value or profile file."""


@dataclass(frozen=True)
class Target:
    name: str  # profile name, or the host:port given
    address: str  # host:port, or "container"
    source: str = ""  # profile path ("" for a bare host:port)
    runtime_args: tuple[str, ...] = ()
    runtime_config: Path | None = None
    components: dict[str, str] = field(default_factory=dict)
    callback_port: int = 0
    callback_host: str = ""
    lacks: frozenset[str] = frozenset()
    known_deviations: dict[str, str] = field(default_factory=dict)
    case_timeout_s: float = 0.0

    @property
    def external(self) -> bool:
        return self.address != "container"

    def map_names(self, value: Any, _key: str = "") -> Any:
        """Contract component names -> the target's, in a rendered request/expectation (exact strings;
        substrings inside message_contains/message_regex)."""
        if not self.components:
            return value
        if isinstance(value, dict):
            return {k: self.map_names(v, str(k)) for k, v in value.items()}
        if isinstance(value, list):
            return [self.map_names(v, _key) for v in value]
        if isinstance(value, str):
            if value in self.components:
                return self.components[value]
            if _key in MESSAGE_KEYS:
                for old, new in self.components.items():
                    value = re.sub(rf"\b{re.escape(old)}\b", new, value)
        return value


def capabilities(case: Case) -> frozenset[str]:
    """What a case needs of the runtime: each service it calls (short name), each Service.Rpc, its
    `requires` tags and its explicit `capabilities` tags."""
    out = set(case.requires) | set(case.capabilities)
    for key in {*case.uses, case.rpc.key}:
        service, _, rpc = key.partition("/")
        short = service.rsplit(".", 1)[-1]
        out |= {short, f"{short}.{rpc}"}
    return frozenset(out)


def unsupported_reason(target: Target | None, case: Case) -> str:
    if target is None:
        return ""
    missing = sorted(capabilities(case) & target.lacks)
    return f"target {target.name} lacks {', '.join(missing)}" if missing else ""


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def resolve_path(spec: str, directory: Path = TARGETS_DIR) -> Path | None:
    """A profile name (targets/<name>.yaml) or a path; None when spec is a bare host:port."""
    path = Path(spec)
    if path.suffix in (".yaml", ".yml", ".json") or path.exists():
        if not path.exists():
            raise TargetError(f"--target {spec}: no such profile file")
        return path
    if (directory / f"{spec}.yaml").exists():
        return directory / f"{spec}.yaml"
    if HOST_PORT.match(spec):
        return None
    known = ", ".join(sorted(p.stem for p in directory.glob("*.yaml"))) or "none"
    raise TargetError(f"--target {spec!r}: neither host:port nor a profile (compat-tests/targets/: {known})")


def load_target(spec: str, directory: Path = TARGETS_DIR) -> Target | None:
    """``--target`` value -> Target; "" -> None (the reference runtime, started by the harness)."""
    if not spec:
        return None
    path = resolve_path(spec, directory)
    if path is None:
        return Target(name=spec, address=spec)
    return load_profile(path)


def load_profile(path: Path) -> Target:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TargetError(f"{path}: cannot read profile: {exc}") from None
    errors = sorted(_validator().iter_errors(raw), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        lines = [
            f"{path}: {'.'.join(map(str, e.absolute_path)) or '<document>'}: {e.message}" for e in errors
        ]
        raise TargetError("bad target profile:\n" + "\n".join(lines))
    external = raw["address"] != "container"
    for key in ("runtime_args", "runtime_config"):
        if external and key in raw:
            raise TargetError(f"{path}: {key} only applies to address: container (the harness starts it)")
    config = None
    if "runtime_config" in raw:
        config = (path.parent / raw["runtime_config"]).resolve()
        if not config.is_file():
            raise TargetError(f"{path}: runtime_config {raw['runtime_config']}: no such file ({config})")
    deviations: dict[str, str] = {}
    for entry in raw.get("known_deviations", []):
        if entry["case"] in deviations:
            raise TargetError(f"{path}: known_deviations: {entry['case']} listed twice")
        deviations[entry["case"]] = entry["reason"]
    cb = raw.get("callback", {})
    return Target(
        name=path.stem,
        address=raw["address"],
        source=str(path),
        runtime_args=tuple(raw.get("runtime_args", [])),
        runtime_config=config,
        components=dict(raw.get("components", {})),
        callback_port=int(cb.get("port", 0)),
        callback_host=str(cb.get("host", "")),
        lacks=frozenset(raw.get("lacks", [])),
        known_deviations=deviations,
        case_timeout_s=float(raw.get("case_timeout_s", 0)),
    )


def check_against_cases(target: Target, cases: list[Case]) -> list[str]:
    """Profile entries that name nothing: unknown capabilities and deviations of no case."""
    known_caps: set[str] = set()
    for c in cases:
        known_caps |= capabilities(c)
    ids = {c.id for c in cases}
    problems = [
        f"{target.source}: lacks {cap!r}: no case needs it" for cap in sorted(target.lacks - known_caps)
    ]
    problems += [
        f"{target.source}: known_deviations: {cid} matches no case"
        for cid in sorted(set(target.known_deviations) - ids)
    ]
    return problems
