"""Find every code block of the documentation and decide who runs it.

Place: first stage of the examples check (``run.py``, ``nox -s examples``, the ``docs`` CI step). Sources:
the root README, the four SDK READMEs (generated from ``generator/l8gen/languages/<lang>/templates/
README.md.j2``) and the API reference's Markdown pages (``docs/reference/md``, ``<fence> reference`` blocks,
one per RPC and language). Each block gets a *runner*: ``python``, ``ts`` (Node), ``go``, ``cpp`` (executed
against the reference runtime by ``run_<lang>.py``), ``from-checkout`` (run by
``docs/tests/test_from_checkout.py``) or ``skip`` (listed in ``skip.toml`` with a reason). A block that has
none of these is *untested* and fails the check.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SKIP_FILE = Path(__file__).with_name("skip.toml")
READMES = (
    "README.md",
    "sdks/python/README.md",
    "sdks/node/README.md",
    "sdks/go/README.md",
    "sdks/cpp/README.md",
)
REFERENCE = "docs/reference/md"
FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.M | re.S)
EXECUTED = {"python": "python", "ts": "ts", "go": "go", "cpp": "cpp"}


@dataclass(frozen=True)
class Block:
    """One fenced code block."""

    path: str  # repository-relative file
    line: int  # 1-based line of the opening fence
    info: str  # the fence's info string ("python", "sh from-checkout go", "ts reference")
    code: str
    name: str  # "<file>:<line>" or, for a reference block, "<Service>.<Rpc>"

    @property
    def fence(self) -> str:
        return self.info.split()[0] if self.info.split() else ""

    @property
    def reference(self) -> bool:
        return "reference" in self.info.split()[1:]

    @property
    def lenient(self) -> bool:
        """A reference block or a one-call example (``python call``): it shows a call with example values, and
        the runtime may answer it with an error (the call must reach the runtime)."""
        return bool({"reference", "call"} & set(self.info.split()[1:]))


@dataclass(frozen=True)
class Skip:
    path: str
    first_line: str
    reason: str


def _blocks_of(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    rel = path.relative_to(REPO).as_posix()
    found = []
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        name = f"{rel}:{line}"
        if "reference" in match.group(1).split()[1:]:
            heading = [h for h in re.findall(r"^## (\S+)", text[: match.start()], re.M)]
            name = f"{path.stem.rsplit('.', 1)[-1]}.{heading[-1] if heading else line}"
        found.append(Block(rel, line, match.group(1).strip(), match.group(2), name))
    return found


def all_blocks() -> list[Block]:
    """Every block of every documentation source, in a fixed order."""
    paths = [REPO / p for p in READMES] + sorted((REPO / REFERENCE).glob("*.md"))
    return [b for p in paths if p.is_file() for b in _blocks_of(p)]


def skips() -> list[Skip]:
    """The reviewed skip list: ``[[skip]] path, first_line, reason`` (first_line = the block's first line)."""
    data = tomllib.loads(SKIP_FILE.read_text(encoding="utf-8"))
    out = []
    for entry in data.get("skip", []):
        if not str(entry.get("reason", "")).strip():
            raise ValueError(f"{SKIP_FILE.name}: entry {entry} has no reason")
        out.append(Skip(entry["path"], entry["first_line"], entry["reason"]))
    return out


def first_line(block: Block) -> str:
    return block.code.split("\n", 1)[0].strip()


def runner(block: Block, skip_list: list[Skip]) -> tuple[str, str]:
    """(runner, reason): which runner owns ``block``; ("untested", why) when none."""
    for skip in skip_list:
        if skip.path == block.path and skip.first_line == first_line(block):
            return "skip", skip.reason
    if block.info.startswith("sh from-checkout "):
        return "from-checkout", "docs/tests/test_from_checkout.py"
    if block.fence in EXECUTED:
        return EXECUTED[block.fence], ""
    return "untested", f"no runner for a `{block.info or 'plain'}` block and not in skip.toml"


def unused_skips(blocks: list[Block], skip_list: list[Skip]) -> list[Skip]:
    """Skip entries that match no block (stale: the README changed)."""
    return [
        s for s in skip_list if not any(b.path == s.path and first_line(b) == s.first_line for b in blocks)
    ]
