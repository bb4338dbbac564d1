"""The Go module as the module proxy serves it: a file-based GOPROXY tree under dist/go/proxy/.

Place: ``build`` -> **gomod** -> dist/go/. A Go module is published by pushing a tag (``v<version>``) to the
module's repository; the proxy then serves ``<escaped module>/@v/{list, vX.info, vX.mod, vX.zip}``. This step
makes exactly those files from the staged sdks/go tree with the pinned helper ``gomodzip/`` (golang.org/x/mod
zip + dirhash, run with ``go run``), so ``GOPROXY=file://<dist>/go/proxy`` lets a consumer fetch, hash-check
(go.sum ``h1:`` lines) and build the module as it will after the tag is pushed. The ``h1`` hashes are recorded
in dist/release.json for the smoke test to compare with what ``go`` writes into the consumer's go.sum.
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import Any, TextIO

from l8dev.publish.archive import source_date_epoch
from l8dev.publish.commands import run_tool
from l8dev.publish.release import PublishError

TOOL_DIR = Path(__file__).resolve().parent / "gomodzip"
# The tool's dependencies come from its go.sum; nothing else may change it while it runs.
TOOL_ENV = {"GOFLAGS": "-mod=readonly", "GOWORK": "off"}


def escape_path(module: str) -> str:
    """Go's module path escaping (proxy URLs, cache paths): an upper-case letter becomes ``!`` + lower."""
    return "".join(f"!{c.lower()}" if c.isupper() else c for c in module)


def write_proxy_tree(
    module_dir: Path, module: str, tag: str, proxy_root: Path, log: TextIO
) -> dict[str, Any]:
    """Write ``module``@``tag`` from ``module_dir`` into ``proxy_root``; return gomodzip's JSON result
    (paths relative to ``proxy_root``, ``h1``/``mod_h1`` go.sum hashes, the zip's file list)."""
    stamp = _dt.datetime.fromtimestamp(source_date_epoch(), _dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    out = run_tool(
        [
            "go",
            "run",
            ".",
            "-dir",
            str(module_dir),
            "-module",
            module,
            "-version",
            tag,
            "-time",
            stamp,
            "-out",
            str(proxy_root),
        ],
        log,
        cwd=TOOL_DIR,
        env=TOOL_ENV,
    )
    try:
        result: dict[str, Any] = json.loads(out)
    except ValueError as exc:
        raise PublishError(f"gomodzip printed no JSON result: {out[:400]!r}") from exc
    expected = f"{escape_path(module)}/@v/{tag}.zip"
    if result.get("zip") != expected:
        raise PublishError(f"gomodzip wrote {result.get('zip')!r}, expected {expected!r}")
    return result


def go_sum_lines(module: str, tag: str, h1: str, mod_h1: str) -> list[str]:
    """The two go.sum lines a consumer of ``module``@``tag`` must end up with."""
    return [f"{module} {tag} {h1}", f"{module} {tag}/go.mod {mod_h1}"]
