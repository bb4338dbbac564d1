"""Loading ``[tool.l8gen]`` from pyproject.toml into ``GenOptions`` (the CLI/plugin edge of the pipeline)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from l8gen.errors import ConfigError
from l8gen.languages import LanguageSpec, discover, read_toml
from l8gen.languages.options import OVERRIDES, language_table
from l8gen.profile import profile_from_table
from l8gen.targets.base import GenOptions

_STRINGS = ("version",)
# Keys of earlier versions, now in the language's own table: a clear error names the new place.
_MOVED = {"python_package": "[tool.l8gen.python] package", "node_package": "[tool.l8gen.node] package",
          "go_module": "[tool.l8gen.go] module", "cpp_namespace": "[tool.l8gen.cpp] namespace",
          OVERRIDES: f"[tool.l8gen.<language>.{OVERRIDES}]", "typescript": "[tool.l8gen.node]"}


def _string_list(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: [tool.l8gen] {key} must be a list of strings")
    return tuple(sorted(value))


def _template_dir(table: Mapping[str, Any], where: str) -> Path | None:
    """``[tool.l8gen] templates``: the API's SDK template directory, relative to the config file."""
    if "templates" not in table:
        return None
    value = table["templates"]
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: [tool.l8gen] templates must be a directory path (a string)")
    path = Path(where).parent / value
    if not path.is_dir():
        raise ConfigError(f"{where}: [tool.l8gen] templates: {path}: directory not found")
    return path


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


def _language_tables(
    table: Mapping[str, Any], where: str, specs: Mapping[str, LanguageSpec]
) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """``[tool.l8gen.<language>]`` of every registered language, each validated against what the language
    declares (``[options]`` of its language.toml); returns (options, overrides) by language."""
    moved = sorted(set(_MOVED) & set(table))
    if moved:
        raise ConfigError(f"{where}: [tool.l8gen] {moved[0]} moved to {_MOVED[moved[0]]}")
    options: dict[str, dict[str, str]] = {}
    overrides: dict[str, dict[str, str]] = {}
    for name, spec in specs.items():
        values, renames = language_table(name, spec.options, table.get(name), where)
        options[name] = values
        if renames:
            overrides[name] = renames
    return options, overrides


def options_from_table(
    table: Mapping[str, Any], where: str, user_templates: Path | None = None,
    specs: Mapping[str, LanguageSpec] | None = None,
) -> GenOptions:
    """Build GenOptions from a ``[tool.l8gen]`` table (``where`` names the file in error messages);
    ``specs`` are the registered languages (default: the built-in ones and the entry points')."""
    kwargs: dict[str, Any] = {}
    for key in _STRINGS:
        if key in table:
            if not isinstance(table[key], str):
                raise ConfigError(f"{where}: [tool.l8gen] {key} must be a string")
            kwargs[key] = table[key]
    kwargs["languages"], kwargs["overrides"] = _language_tables(
        table, where, discover() if specs is None else specs
    )
    kwargs["app_services"] = _string_list(table, "app_services", where)
    kwargs["internal_packages"] = _string_list(table, "internal_packages", where)
    kwargs["signatures"] = _signatures(table, where)
    kwargs["config_file"] = where
    kwargs["api_templates"] = _template_dir(table, where)
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
    table = read_toml(pyproject).get("tool", {}).get("l8gen", {})
    return options_from_table(table, str(pyproject), user_templates, discover(pyproject))
