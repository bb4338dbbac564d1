"""The buf CLI edge of ``l8gen diff``: build images and run ``buf breaking`` (FILE and WIRE_JSON).

Place: evolution.diff -> **buf** -> subprocess. buf is pinned in the root package.json and installed by
``npm ci`` (``nox -s bootstrap``) into node_modules/.bin; it is found through ``--buf``, ``$L8GEN_BUF``,
node_modules/.bin above the current directory or above this package, then PATH. Every call runs with the
proto root as working directory and ``.`` as input, so reported paths are relative to the proto root and the
module's own buf.yaml applies (unless a category config is passed).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from l8gen.errors import ProtoError
from l8gen.evolution import EvolutionError
from l8gen.records import record

BREAKING_FOUND = 100  # buf's exit code when violations were found
WIRE_JSON_CONFIG = json.dumps({"version": "v2", "breaking": {"use": ["WIRE_JSON"]}})
_INSTALL_HINT = "install it with `npm ci` in the repository root (pinned in package.json; `nox -s bootstrap`)"


@record
class Violation:
    """One ``buf breaking`` finding; ``file`` is relative to the proto root. ``wire`` is set by classify
    when the WIRE_JSON run reported the same location (deployed clients and servers are affected too)."""

    rule: str
    file: str
    line: int
    column: int
    message: str
    wire: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "wire": self.wire,
        }


def _candidates(explicit: str | None) -> list[Path]:
    found: list[Path] = []
    if explicit:
        return [Path(explicit)]
    if os.environ.get("L8GEN_BUF"):
        return [Path(os.environ["L8GEN_BUF"])]
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        for directory in (start, *start.parents):
            found.append(directory / "node_modules" / ".bin" / "buf")
    on_path = shutil.which("buf")
    if on_path:
        found.append(Path(on_path))
    return found


def find_buf(explicit: str | None = None) -> Path:
    """The buf executable to use; EvolutionError naming where it looked and how to install it."""
    candidates = _candidates(explicit)
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    if explicit or os.environ.get("L8GEN_BUF"):
        raise EvolutionError(f"buf CLI not found at {candidates[0]}; {_INSTALL_HINT}")
    raise EvolutionError(
        "buf CLI not found: no node_modules/.bin/buf above the current directory or the l8gen package, and "
        f"no `buf` on PATH; {_INSTALL_HINT}"
    )


def _run(buf: Path, args: Sequence[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [str(buf), *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=300
        )
    except OSError as exc:
        raise EvolutionError(f"buf CLI at {buf} could not run: {exc}; {_INSTALL_HINT}") from exc


def build_image(buf: Path, proto_root: Path, out: Path) -> None:
    """``buf build <proto_root> -o <out>``: a binary image with imports and source info. Proto errors are
    buf's ``file:line:col: message`` lines (paths as given) raised as ProtoError."""
    if not (Path(proto_root) / "buf.yaml").is_file():
        raise EvolutionError(f"{proto_root}: no buf.yaml (the proto root must be a buf module)")
    proc = _run(buf, ["build", str(proto_root), "-o", str(out)])
    if proc.returncode != 0 or not out.is_file():
        raise ProtoError(proc.stderr.strip() or f"buf build {proto_root} failed (exit {proc.returncode})")


def breaking(buf: Path, proto_root: Path, against: Path, config: str | None = None) -> list[Violation]:
    """``buf breaking`` of ``proto_root`` against the image ``against``; ``config`` (JSON) replaces the
    module's buf.yaml (used for the WIRE_JSON category). Returns the violations sorted by location."""
    args = ["breaking", ".", "--against", str(Path(against).resolve()), "--error-format", "json"]
    if config is not None:
        args += ["--config", config]
    proc = _run(buf, args, cwd=Path(proto_root))
    if proc.returncode not in (0, BREAKING_FOUND):
        raise ProtoError(
            f"buf breaking failed in {proto_root} (exit {proc.returncode}): "
            + (proc.stderr.strip() or proc.stdout.strip())
        )
    found = []
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            found.append(
                Violation(
                    rule=str(item["type"]),
                    file=str(item.get("path", "")),
                    line=int(item.get("start_line", 0)),
                    column=int(item.get("start_column", 0)),
                    message=str(item["message"]),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise EvolutionError(f"unexpected output from buf breaking: {line!r}") from exc
    if proc.returncode == BREAKING_FOUND and not found:
        raise EvolutionError(f"buf breaking reported violations but printed none: {proc.stderr.strip()}")
    return sorted(found, key=lambda v: (v.file, v.line, v.column, v.rule, v.message))
