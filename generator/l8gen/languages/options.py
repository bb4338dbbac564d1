"""Per-language options: the ``[options]`` a language declares in its ``language.toml`` and the values a
configuration gives them in ``[tool.l8gen.<language>]``.

Pipeline place: the configuration edge (``l8gen.config`` builds ``GenOptions.languages`` and
``GenOptions.overrides`` with ``language_table``); targets read a value with ``GenOptions.option``
(defaults: ``l8gen.languages.default_option``). Standard library only (like ``l8gen.languages``).

A language declares each option as a table::

    [options.package]
    default = "l8sdk"
    pattern = '^[A-Za-z_][A-Za-z0-9_]*$'   # optional: the whole value must match
    help = "the Python import package"      # shown when a value does not match

A configuration sets them, and the language's identifier overrides, in its own table::

    [tool.l8gen.python]
    package = "acmesdk"
    [tool.l8gen.python.overrides]
    "acme.v1.Service.GetURL" = "get_url"

An unknown key, a value that is not a string or does not match the pattern is a ``ConfigError`` naming the
file and the key (the CLI exits 2).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from l8gen.errors import ConfigError
from l8gen.records import record

OVERRIDES = "overrides"  # the reserved key of every language table: proto full name -> identifier


@record
class OptionSpec:
    """One declared option of a language (``[options.<key>]`` of its language.toml)."""

    default: str
    pattern: str | None = None
    help: str = ""

    def check(self, value: object, where: str) -> str:
        if not isinstance(value, str):
            raise ConfigError(f"{where} must be a string")
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            what = f" ({self.help})" if self.help else ""
            raise ConfigError(f"{where} = {value!r} is not valid{what}: must match {self.pattern}")
        return value


def parse_option_specs(data: object, path: Path) -> dict[str, OptionSpec]:
    """The ``[options]`` table of ``path`` (a language.toml) -> {key: OptionSpec}."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [options] must be a table of option tables")
    specs: dict[str, OptionSpec] = {}
    for key, spec in sorted(data.items()):
        if key == OVERRIDES:
            raise ConfigError(f"{path}: [options.{OVERRIDES}] is reserved (identifier overrides)")
        if not isinstance(spec, dict) or not isinstance(spec.get("default"), str) or not set(spec) <= {
            "default", "pattern", "help"
        }:
            raise ConfigError(f"{path}: [options.{key}] needs a string `default` (optional: pattern, help)")
        pattern, help_text = spec.get("pattern"), spec.get("help", "")
        if pattern is not None and not isinstance(pattern, str) or not isinstance(help_text, str):
            raise ConfigError(f"{path}: [options.{key}] pattern and help must be strings")
        option = OptionSpec(spec["default"], pattern, help_text)
        option.check(option.default, f"{path}: [options.{key}] default")
        specs[key] = option
    return specs


def language_table(
    language: str, declared: Mapping[str, OptionSpec], table: object, where: str
) -> tuple[dict[str, str], dict[str, str]]:
    """Validate ``[tool.l8gen.<language>]`` of ``where``; returns (option values with the defaults filled in,
    identifier overrides)."""
    name = f"[tool.l8gen.{language}]"
    if table is None:
        table = {}
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: {name} must be a table")
    unknown = sorted(set(table) - set(declared) - {OVERRIDES})
    if unknown:
        known = ", ".join([*sorted(declared), OVERRIDES])
        raise ConfigError(f"{where}: {name} has no option {unknown[0]!r} (known: {known})")
    values = {
        key: spec.check(table.get(key, spec.default), f"{where}: {name} {key}")
        for key, spec in sorted(declared.items())
    }
    overrides = table.get(OVERRIDES, {})
    if not isinstance(overrides, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in overrides.items()
    ):
        raise ConfigError(
            f"{where}: [tool.l8gen.{language}.{OVERRIDES}] must map proto full names to strings"
        )
    return values, dict(sorted(overrides.items()))

