"""runtime-stub/README.md stays true: every `l8-runtime` flag and every embedded component is documented.

Place: docs tests (``nox -s docs``). Reads the flags from the runtime's own parser and the component names
from its default configuration, so a new flag or component without a README line fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

from l8_runtime.cli import build_parser
from l8_runtime.config import default_config

README = (Path(__file__).resolve().parents[2] / "runtime-stub" / "README.md").read_text(encoding="utf-8")


def test_every_flag_is_in_the_flag_table() -> None:
    table = "\n".join(line for line in README.splitlines() if line.startswith("| `-"))
    actions = build_parser()._actions
    flags = [opt for action in actions for opt in action.option_strings if opt.startswith("--")]
    assert len(flags) > 10
    missing = [flag for flag in flags if flag != "--help" and f"`{flag}" not in table]
    assert missing == []


def test_every_embedded_component_name_is_listed() -> None:
    names = set()
    for section, components in default_config(data_dir=True).items():
        if section != "app":
            names.update(components)
    rows = "\n".join(line for line in README.splitlines() if line.startswith("| ") and "`" in line)
    documented = set(re.findall(r"`([a-z_]+)`", rows))
    assert sorted(names - documented) == []


def test_every_shell_block_is_marked() -> None:
    infos = re.findall(r"^```(.*)$", README, re.M)
    openings = infos[0::2]
    assert openings and all(info in ("sh no-run", "text") for info in openings), openings
