"""Loading ``[tool.l8gen]`` from pyproject.toml into ``GenOptions`` (the CLI/plugin edge of the pipeline)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from l8gen.errors import ConfigError
from l8gen.profile import profile_from_table
from l8gen.targets.base import GenOptions

_STRINGS = ("version", "python_package", "node_package", "go_module", "cpp_namespace")


def _string_list(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: [tool.l8gen] {key} must be a list of strings")
    return tuple(sorted(value))


def _signatures(table: Mapping[str, Any], where: str) -> dict[str, tuple[str, ...]]:
    """``[tool.l8gen.signatures]``: method full name -> list of comma-separated field lists (checked
    against the API by ir.signatures)."""
    value = table.get("signatures", {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: [tool.l8gen.signatures] must be a table of method full names")
    out: dict[str, tuple[str, ...]] = {}
    for name, sigs in sorted(value.items()):
        if not isinstance(sigs, list) or not all(isinstance(s, str) for s in sigs):
            raise ConfigError(f"{where}: [tool.l8gen.signatures] {name!r} must be a list of strings such as "
                              '["store_name,key"]')
        out[name] = tuple(sigs)
    return out


def options_from_table(
    table: Mapping[str, Any], where: str, user_templates: Path | None = None
) -> GenOptions:
    """Build GenOptions from a ``[tool.l8gen]`` table (``where`` names the file in error messages)."""
    kwargs: dict[str, Any] = {}
    for key in _STRINGS:
        if key in table:
            if not isinstance(table[key], str):
                raise ConfigError(f"{where}: [tool.l8gen] {key} must be a string")
            kwargs[key] = table[key]
    overrides = table.get("overrides", {})
    if not isinstance(overrides, dict) or not all(
        isinstance(lang, str) and isinstance(m, dict) and all(isinstance(v, str) for v in m.values())
        for lang, m in overrides.items()
    ):
        raise ConfigError(f"{where}: [tool.l8gen.overrides.<language>] must map proto full names to strings")
    kwargs["overrides"] = {lang: dict(sorted(m.items())) for lang, m in sorted(overrides.items())}
    kwargs["app_services"] = _string_list(table, "app_services", where)
    kwargs["internal_packages"] = _string_list(table, "internal_packages", where)
    kwargs["signatures"] = _signatures(table, where)
    kwargs["config_file"] = where
    kwargs["api"] = profile_from_table(table.get("api", {}), where)
    values = table.get("values", {})
    if not isinstance(values, dict) or not all(isinstance(t, dict) for t in values.values()):
        raise ConfigError(f"{where}: [tool.l8gen.values.<role>] must be tables (see docs/CONTRACTS.md §7)")
    kwargs["values"] = {role: dict(t) for role, t in sorted(values.items())}
    return GenOptions(user_templates=user_templates, **kwargs)


def load_options(pyproject: Path | None, user_templates: Path | None = None) -> GenOptions:
    """Read ``[tool.l8gen]`` from ``pyproject`` (missing file or table -> defaults)."""
    if pyproject is None or not pyproject.is_file():
        return GenOptions(user_templates=user_templates)
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{pyproject}: {exc}") from exc
    table = data.get("tool", {}).get("l8gen", {})
    return options_from_table(table, str(pyproject), user_templates)
