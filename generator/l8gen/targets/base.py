"""The target interface (CONTRACTS §7): IR -> language view -> {path: text} for one SDK.

Pipeline place: ``pipeline.generate`` calls ``Target.generate(api, fds, opts)`` for each requested target;
targets are pure (no writes outside temporary dirs) and return sorted, deterministic LF text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from google.protobuf import descriptor_pb2

from l8gen.ir.model import Api
from l8gen.languages import default_option
from l8gen.profile import ApiProfile
from l8gen.records import record


@record
class GenOptions:
    """Options from ``[tool.l8gen]`` (root pyproject.toml) plus command-line choices."""

    version: str = "0.1.0"
    # [tool.l8gen.<language>]: language -> option -> value, as the language's language.toml [options]
    # declares them (l8gen.languages.options); a language or key missing here has its declared default.
    languages: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    overrides: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # language -> full name -> name
    user_templates: Path | None = None  # --templates DIR (command line): layered over api_templates
    api_templates: Path | None = None  # [tool.l8gen] templates (resolved): the API's own SDK templates
    # Additions to CONTRACTS §7 (used by the IR builder):
    app_services: tuple[str, ...] = ()  # services the application implements (role "app")
    internal_packages: tuple[str, ...] = ()  # packages compiled to message code but given no SDK layer
    # Flattened call signatures (ir.signatures): method full name -> comma-separated field lists.
    signatures: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    config_file: str = "pyproject.toml"  # where [tool.l8gen] was read (error messages)
    api: ApiProfile = field(default_factory=ApiProfile)  # [tool.l8gen.api]: what is specific to the API
    values: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # [tool.l8gen.values] (ir.values)

    def overrides_for(self, language: str) -> Mapping[str, str]:
        return self.overrides.get(language, {})

    def option(self, language: str, key: str) -> str:
        """``[tool.l8gen.<language>] <key>`` (validated by the language), else the declared default."""
        values = self.languages.get(language, {})
        return values[key] if key in values else default_option(language, key)

    @property
    def template_dirs(self) -> tuple[Path, ...]:
        """User template trees in lookup order (each holds ``<language>/...``): ``--templates`` first, then
        ``[tool.l8gen] templates``; the built-in tree comes after both (``render.Renderer``)."""
        return tuple(d for d in (self.user_templates, self.api_templates) if d is not None)

    @property
    def sdk_name(self) -> str:
        """The SDK's short name: the Python package (the generic prefix of the endpoint variables)."""
        return self.option("python", "package")


@runtime_checkable
class Target(Protocol):
    name: str
    out_dir: str

    def generate(
        self, api: Api, fds: descriptor_pb2.FileDescriptorSet, opts: GenOptions
    ) -> dict[str, str]: ...

    # Optional: ``plugin_problems(api) -> Iterable[(file, line, message)]``, the names the language's official
    # plugins cannot compile (``l8gen.naming.plugin_limits``; checked before any target runs).
    # A language whose language.toml names a ``start`` (``(fds, files_to_generate, opts) -> object``: work
    # that needs only the descriptors) gets its result as ``generate(..., started=<result>)``
    # (``l8gen.pipeline.Generation``; a registered target object may define ``start`` itself).


def sorted_files(files: Mapping[str, str]) -> dict[str, str]:
    """Return ``files`` sorted by path, with every text normalised to LF line endings."""
    return {path: files[path].replace("\r\n", "\n") for path in sorted(files)}
