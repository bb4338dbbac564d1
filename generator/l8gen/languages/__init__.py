"""The language registry: one folder per SDK language, described by its ``language.toml``.

Pipeline place: stage 3-4 (IR -> language view -> text) is each folder's ``target.py`` (``TARGET``, see
``l8gen.targets``); everything around generation (options, nox sessions, compat driver, publishing,
bootstrap) reads the same folder's ``language.toml``. ``LanguageSpec`` is the one object per language (it
implements ``l8gen.languages.interface.Language``). This module uses the standard library only, so the
noxfile and the compat harness can list languages without importing the generator's dependencies.

A language folder holds ``language.toml``, ``target.py`` (defines ``TARGET``), ``templates/`` (mirrors the
output tree) and optionally ``consumer/`` (how the publish smoke test builds a consumer program:
tsconfig.json, CMakeLists.txt; the program itself calls the API's RPCs, so it is the API's own:
``<[tool.l8gen] templates>/<language>/_consumer/``). ``language.toml``:

- ``name``, ``out_dir`` (required); ``package_option`` (which option names the published package);
- ``[options.<key>]``: the keys of ``[tool.l8gen.<name>]`` (``l8gen.languages.options``);
- ``[driver]``: the compat driver's marker, cwd, env, build and start commands (CONTRACTS §4);
- ``[example]``: the SDK's example program run against the runtime (``nox -s orders``): marker, command,
  env (``{python}``, ``{repo}`` placeholders);
- ``[nox] sdk``: the commands of ``nox -s sdk-<name>`` when there is no ``check`` hook;
- ``[check]``: how an SDK of this language generated for any API is built, linted and tested in its own
  directory (``nox -s generality``): ``steps`` (commands), optional ``env`` and ``link`` (SDK-relative path
  -> repository-relative path symlinked there first); placeholders ``{python}``, ``{repo}``, ``{sdk}``,
  ``{work}`` (the directory the SDKs were generated into),
  ``{build}`` (a build directory beside the SDK) and ``{package}`` (the SDK's package option);
- ``[reference]``: the language's column of the API reference (``l8gen.reference``): ``label``, code
  ``fence`` and ``calls`` (``"module:function"``, ``(api, opts) -> {method full name: CallIdents}``; the
  folder's ``templates/_reference/call.j2`` renders each);
- ``start`` (optional, ``"module:function"``, ``(fds, files_to_generate, opts) -> object``): work of the
  target that needs only the descriptors (a protoc plugin run); ``l8gen`` begins it as soon as the
  descriptors exist, before the IR is built and before ``target.py`` is imported, and passes the result to
  ``TARGET.generate(..., started=<result>)`` (``l8gen.pipeline.Generation``);
- ``[dev]``: the dev hooks (``DEV_HOOKS``), each ``"module:function"`` — an importable module or a ``.py``
  file of the folder. Only the repository's dev tooling (``l8dev.languages``) imports them, so ``l8gen``
  never depends on what they import.

Folders are found, in order:

1. built in: ``l8gen/languages/<name>/``;
2. entry points of the group ``l8gen.languages`` (the value names a module or package; its folder is the
   language folder);
3. ``[tool.l8gen] languages = ["path", ...]`` in the configuration (paths relative to that file);
4. ``$L8GEN_LANGUAGES`` (folders separated by ``os.pathsep``).

A later source may not reuse a name of an earlier one (``ConfigError``).
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import os
import sys
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

from l8gen.caches import environment_key, remembered, settled_stamp
from l8gen.errors import ConfigError
from l8gen.languages.options import OptionSpec, parse_option_specs
from l8gen.records import record

BUILTIN_DIR = Path(__file__).resolve().parent
ENTRY_POINT_GROUP = "l8gen.languages"
ENV_VAR = "L8GEN_LANGUAGES"
BUILTIN_ORDER = ("python", "node", "go", "cpp")  # the order of reports, sessions and publishing
# The dev hooks a language may declare in [dev] (signatures: l8dev.languages): `nox -s sdk-<name>`
# (check), its slow test run by the ci step slow-tests (slow), toolchain bootstrap, publish build /
# clean-install smoke test / upload credentials / upload.
DEV_HOOKS = ("check", "slow", "prebuild", "bootstrap", "build", "install", "credentials", "upload")
PUBLISH_HOOKS = ("build", "install", "credentials", "upload")


@record
class LanguageSpec:
    """What ``language.toml`` says about one language (see the module docstring)."""

    name: str
    folder: Path
    out_dir: str
    builtin: bool = False
    driver: Mapping[str, Any] | None = None  # compat driver: marker, cwd, env, build, start (CONTRACTS §4)
    sdk_commands: tuple[tuple[str, ...], ...] = ()  # `nox -s sdk-<name>` for a language without its own
    options: Mapping[str, OptionSpec] = field(default_factory=dict)  # [options]: [tool.l8gen.<name>] keys
    dev: Mapping[str, str] = field(default_factory=dict)  # [dev]: hook -> "module:function" (l8dev only)
    package_option: str | None = None  # the option that names the published package
    reference: Mapping[str, str] | None = None  # [reference]: label, fence, calls (the API reference column)
    example: Mapping[str, Any] | None = None  # [example]: marker, command, env (`nox -s orders`)
    check: Mapping[str, Any] | None = None  # [check]: steps, env, link (`nox -s generality`)
    start: str | None = None  # "module:function" begun before the IR is built (l8gen.pipeline.Generation)
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def publish(self) -> bool:
        """Has every publish hook (build, clean-install smoke test, credentials, upload)."""
        return all(h in self.dev for h in PUBLISH_HOOKS)

    @property
    def consumer(self) -> Path | None:
        """How the publish smoke test builds a consumer (``consumer/``), if the folder has that."""
        path = self.folder / "consumer"
        return path if path.is_dir() else None

    def target(self) -> Any:
        """The folder's ``TARGET`` (naming + view + render: ``generate(api, fds, opts) -> {path: text}``)."""
        return load_target(self)

    def package(self, options: Mapping[str, Mapping[str, str]]) -> str:
        """The published package's name from ``GenOptions.languages`` (else the option's default)."""
        if self.package_option is None:
            return self.name
        values = options.get(self.name, {})
        return values.get(self.package_option) or self.options[self.package_option].default

    @property
    def target_file(self) -> Path:
        return self.folder / "target.py"

    @property
    def templates(self) -> Path:
        return self.folder / "templates"


def read_toml(path: Path) -> dict[str, Any]:
    """``path`` parsed (a ``ConfigError`` naming it when it is not TOML). A file unchanged for a while is
    parsed once per process (a run reads the configuration and each ``language.toml`` twice: options, then
    the target registry) and its table is remembered across runs under its stamp (``caches.remembered``:
    importing ``tomllib`` and parsing the five files of a run take ~5 ms; a table JSON cannot hold, with a
    TOML date, is parsed every time). Callers only read the result."""
    stamp = settled_stamp(path)
    return _parse_toml(path) if stamp is None else _parse_toml_once(path, stamp)


def _parse_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when the table is not remembered

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc


@functools.lru_cache(maxsize=64)
def _parse_toml_once(path: Path, stamp: tuple[int, int, int, int]) -> dict[str, Any]:
    key = repr((os.path.abspath(path), stamp))
    table: dict[str, Any] = remembered("toml", key, lambda: _parse_toml(path))
    return table


def load_spec(folder: Path, builtin: bool = False) -> LanguageSpec:
    """Read ``folder/language.toml``; every mistake is a ``ConfigError`` naming the file."""
    path = folder / "language.toml"
    if not path.is_file():
        raise ConfigError(f"{folder}: not a language folder (no language.toml)")
    data = read_toml(path)
    name, out_dir = data.get("name"), data.get("out_dir")
    if not isinstance(name, str) or not name or not isinstance(out_dir, str) or not out_dir:
        raise ConfigError(f"{path}: `name` and `out_dir` must be non-empty strings")
    driver = data.get("driver")
    if driver is not None and not (isinstance(driver, dict) and {"marker", "cwd", "start"} <= set(driver)):
        raise ConfigError(f"{path}: [driver] needs marker, cwd and start")
    commands = data.get("nox", {}).get("sdk", [])
    if not isinstance(commands, list) or not all(
        isinstance(c, list) and c and all(isinstance(a, str) for a in c) for c in commands
    ):
        raise ConfigError(f"{path}: [nox] sdk must be a list of commands (lists of strings)")
    dev = data.get("dev", {})
    if not isinstance(dev, dict) or not all(isinstance(v, str) and ":" in v for v in dev.values()):
        raise ConfigError(f"{path}: [dev] must map hook names to \"module:function\" strings")
    unknown = sorted(set(dev) - set(DEV_HOOKS))
    if unknown:
        raise ConfigError(f"{path}: [dev] {unknown[0]} is not a hook (hooks: {', '.join(DEV_HOOKS)})")
    options = parse_option_specs(data.get("options"), path)
    package_option = data.get("package_option")
    if package_option is not None and package_option not in options:
        raise ConfigError(f"{path}: package_option {package_option!r} is not one of its [options]")
    reference = data.get("reference")
    if reference is not None and not (
        isinstance(reference, dict) and set(reference) == {"label", "fence", "calls"}
        and all(isinstance(v, str) and v for v in reference.values()) and ":" in reference["calls"]
    ):
        raise ConfigError(f"{path}: [reference] needs label, fence and calls (\"module:function\") strings")
    example = data.get("example")
    if example is not None and not (
        isinstance(example, dict) and {"marker", "command"} <= set(example) <= {"marker", "command", "env"}
        and isinstance(example["command"], list) and all(isinstance(a, str) for a in example["command"])
        and isinstance(example.get("env", {}), dict)
    ):
        raise ConfigError(f"{path}: [example] needs marker and command (a list of strings); optional env")
    check = _check_table(data.get("check"), path)
    start = data.get("start")
    if start is not None and not (isinstance(start, str) and ":" in start):
        raise ConfigError(f"{path}: start must be a \"module:function\" string")
    known = {"name", "out_dir", "driver", "nox", "options", "dev", "package_option", "reference", "example",
             "check", "start"}
    return LanguageSpec(
        name=name, folder=folder.resolve(), out_dir=out_dir, builtin=builtin, driver=driver,
        sdk_commands=tuple(tuple(c) for c in commands), options=options, dev=dict(dev),
        package_option=package_option, reference=reference, example=example, check=check, start=start,
        extra={k: v for k, v in data.items() if k not in known},
    )


def _check_table(table: Any, path: Path) -> Mapping[str, Any] | None:
    """``[check]`` validated: ``steps`` (non-empty commands), ``env`` and ``link`` (string tables)."""
    if table is None:
        return None
    steps = table.get("steps") if isinstance(table, dict) else None
    if not (
        isinstance(steps, list) and steps
        and all(isinstance(c, list) and c and all(isinstance(a, str) for a in c) for c in steps)
        and set(table) <= {"steps", "env", "link"}
        and all(_string_table(table.get(k, {})) for k in ("env", "link"))
    ):
        raise ConfigError(f"{path}: [check] needs steps (a list of commands); optional env and link tables")
    return {"steps": [list(c) for c in steps], "env": dict(table.get("env", {})),
            "link": dict(table.get("link", {}))}


def _string_table(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _entry_points() -> list[list[str]]:
    import importlib.metadata

    found = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    return [[ep.name, ep.value] for ep in sorted(found, key=lambda e: e.name)]


@functools.cache
def _entry_point_folders() -> tuple[Path, ...]:
    """Folders of the installed ``l8gen.languages`` entry points (read once per process; the list of
    entry points is remembered per environment: ``caches.remembered``)."""
    folders = []
    for name, value in remembered("entry-points-l8gen.languages", environment_key(), _entry_points):
        module = importlib.import_module(value.split(":")[0])
        if module.__file__ is None:
            raise ConfigError(f"entry point {name} = {value}: not a module with a file")
        folders.append(Path(module.__file__).resolve().parent)
    return tuple(folders)


def configured_folders(config: Path | None) -> list[Path]:
    """Folders from ``[tool.l8gen] languages`` of ``config`` and from ``$L8GEN_LANGUAGES``."""
    folders: list[Path] = []
    if config is not None and config.is_file():
        table = read_toml(config).get("tool", {}).get("l8gen", {})
        paths = table.get("languages", [])
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            raise ConfigError(f"{config}: [tool.l8gen] languages must be a list of folder paths")
        folders += [(config.resolve().parent / p).resolve() for p in paths]
    folders += [Path(p).resolve() for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p]
    return folders


def discover(config: Path | None = None) -> dict[str, LanguageSpec]:
    """Every language, built-ins first (``BUILTIN_ORDER``), then the added ones in source order."""
    found: dict[str, LanguageSpec] = {}
    builtin = sorted(
        (p for p in BUILTIN_DIR.iterdir() if (p / "language.toml").is_file()),
        key=lambda p: (BUILTIN_ORDER.index(p.name) if p.name in BUILTIN_ORDER else 99, p.name),
    )
    sources = [(p, True) for p in builtin]
    sources += [(p, False) for p in [*_entry_point_folders(), *configured_folders(config)]]
    for folder, is_builtin in sources:
        spec = load_spec(folder, is_builtin)
        if spec.name in found:
            if found[spec.name].folder == spec.folder:
                continue
            other = found[spec.name].folder
            raise ConfigError(f"{folder}: language {spec.name!r} is already defined by {other}")
        found[spec.name] = spec
    return found


def resolve(spec: LanguageSpec, ref: str) -> Any:
    """The object ``"module:attribute"`` names: an importable module, or a ``.py`` file of the folder."""
    module_name, _, attribute = ref.partition(":")
    if module_name.endswith(".py"):
        path = spec.folder / module_name
        unique = f"l8gen_language_{spec.name.replace('-', '_')}_{path.stem}"
        if unique not in sys.modules:
            loader_spec = importlib.util.spec_from_file_location(unique, path)
            if loader_spec is None or loader_spec.loader is None or not path.is_file():
                raise ConfigError(f"{spec.folder / 'language.toml'}: {path} cannot be imported ({ref!r})")
            module = importlib.util.module_from_spec(loader_spec)
            sys.modules[unique] = module
            loader_spec.loader.exec_module(module)
        module = sys.modules[unique]
    else:
        module = importlib.import_module(module_name)
    found = getattr(module, attribute, None)
    if found is None:
        raise ConfigError(f"{spec.folder / 'language.toml'}: {ref!r} names nothing")
    return found


def load_target(spec: LanguageSpec) -> Any:
    """Import the folder's ``target.py`` and return its ``TARGET``."""
    if spec.builtin:
        module = importlib.import_module(f"l8gen.languages.{spec.folder.name}.target")
    else:
        module_name = f"l8gen_language_{spec.name.replace('-', '_')}"
        loader_spec = importlib.util.spec_from_file_location(module_name, spec.target_file)
        if loader_spec is None or loader_spec.loader is None:
            raise ConfigError(f"{spec.target_file}: cannot be imported")
        module = importlib.util.module_from_spec(loader_spec)
        sys.modules[module_name] = module  # dataclasses and pickling look modules up there
        loader_spec.loader.exec_module(module)
    target = getattr(module, "TARGET", None)
    if target is None:
        raise ConfigError(f"{spec.target_file}: defines no TARGET")
    return target


@functools.cache
def builtin_defaults() -> dict[str, dict[str, str]]:
    """Option defaults of the built-in and entry-point languages (``GenOptions`` made without a config)."""
    return {name: {k: o.default for k, o in spec.options.items()} for name, spec in discover().items()}


def default_option(language: str, key: str) -> str:
    """The declared default of ``[tool.l8gen.<language>] <key>``."""
    try:
        return builtin_defaults()[language][key]
    except KeyError:
        raise ConfigError(f"language {language!r} declares no option {key!r}") from None
