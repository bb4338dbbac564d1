"""The pure core of the generator: descriptors + options -> {target: {path: text}}.

Pipeline place: between the edges (``cli`` reads proto/ and writes sdks/ through ``writer``; ``plugin`` talks
CodeGeneratorRequest/Response) and the stages (``ir.builder`` -> ``targets``). No I/O here besides what the
targets' protoc plugins do in temporary directories.
"""

from __future__ import annotations

import contextvars
import functools
import hashlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path

from google.protobuf import descriptor_pb2

from l8gen import __version__
from l8gen.errors import L8genError, NamingError
from l8gen.ir.model import Api
from l8gen.naming import plugin_limits
from l8gen.naming.common import collecting_collisions
from l8gen.targets import REGISTRY
from l8gen.targets.base import GenOptions

_PACKAGE_DIR = Path(__file__).parent


def api_from(
    fds: descriptor_pb2.FileDescriptorSet, files_to_generate: Sequence[str], opts: GenOptions
) -> Api:
    from l8gen.ir.builder import build_api  # imported here: the cached no-op path never builds the IR

    return build_api(fds, files_to_generate, opts.app_services, opts.internal_packages, opts.signatures,
                     f"{opts.config_file} [tool.l8gen.signatures]", opts.api, opts.sdk_name)


def plugin_rules(names: Sequence[str]) -> dict[str, plugin_limits.Rule]:
    """The ``plugin_problems`` of each named target that defines one (the language's plugin limits)."""
    rules = {}
    for name in names:
        rule = getattr(REGISTRY[name], "plugin_problems", None)
        if rule is not None:
            rules[name] = rule
    return rules


def generate(
    fds: descriptor_pb2.FileDescriptorSet,
    files_to_generate: Sequence[str],
    opts: GenOptions,
    targets: Sequence[str],
) -> dict[str, dict[str, str]]:
    """Run every named target on the API of ``files_to_generate``; returns {target name: {path: text}}."""
    api = api_from(fds, files_to_generate, opts)
    names = sorted(targets)
    plugin_limits.check(api, plugin_rules(names))  # names a plugin cannot compile, before any target runs
    if len(names) < 2:
        return {name: _run_target(name, api, fds, opts) for name in names}
    # The targets are independent and much of their time is waiting on protoc plugins (Node, Go: other
    # processes, GIL released), so they run side by side; results and errors are taken in name order.
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        futures = {
            name: pool.submit(contextvars.copy_context().run, _run_target, name, api, fds, opts)
            for name in names
        }
        wait(futures.values())
    clashes = [str(f.exception()) for f in futures.values() if isinstance(f.exception(), NamingError)]
    if len(clashes) > 1:  # every language's naming problems in one error
        raise NamingError("\n".join(clashes))
    return {name: futures[name].result() for name in names}


def _run_target(
    name: str, api: Api, fds: descriptor_pb2.FileDescriptorSet, opts: GenOptions
) -> dict[str, str]:
    """One target with collisions collected: all of its naming collisions become one ``NamingError`` (an
    error that follows from a collision, e.g. a duplicate file, is not reported on top of them)."""
    with collecting_collisions() as found:
        try:
            files = REGISTRY[name].generate(api, fds, opts)
        except L8genError:
            if not found:
                raise
        if found:
            raise NamingError("\n".join(found))
    return files


def _tree_digest(root: Path, suffixes: tuple[str, ...] | None = None) -> bytes:
    digest = hashlib.sha256()
    if root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            if suffixes is not None and path.suffix not in suffixes:
                continue
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


@functools.cache  # the package does not change during a run: hash its ~270 files once, not per target
def generator_fingerprint() -> bytes:
    """Digest of the generator's own code and built-in templates (the precise 'tool version')."""
    return _tree_digest(_PACKAGE_DIR, (".py", ".j2", ".toml", ".md", ".json", ".txt", ".js", ".css", ""))


def normalized_descriptors(fds: descriptor_pb2.FileDescriptorSet, files_to_generate: Sequence[str]) -> bytes:
    """The descriptor input in a canonical form: files sorted by name, source info kept only for the files
    to generate (protoc omits it for imports in plugin mode), deterministic serialisation."""
    wanted = set(files_to_generate)
    out = descriptor_pb2.FileDescriptorSet()
    for proto in sorted(fds.file, key=lambda f: f.name):
        copy = out.file.add()
        copy.CopyFrom(proto)
        if proto.name not in wanted:
            copy.ClearField("source_code_info")
    return out.SerializeToString(deterministic=True)


def input_digest(
    fds: descriptor_pb2.FileDescriptorSet, files_to_generate: Sequence[str], opts: GenOptions, target: str
) -> str:
    """Cache key of one target's output: descriptors + options + templates + generator code + version."""
    digest = hashlib.sha256()
    digest.update(f"l8gen {__version__}\0target {target}\0".encode())
    digest.update(("files " + " ".join(sorted(files_to_generate)) + "\0").encode())
    digest.update(normalized_descriptors(fds, files_to_generate))
    digest.update(repr(_options_key(opts)).encode())
    digest.update(generator_fingerprint())
    for directory in opts.template_dirs:  # --templates and [tool.l8gen] templates: editing one regenerates
        digest.update(b"templates\0" + _tree_digest(directory))
    return digest.hexdigest()


def _options_key(opts: GenOptions) -> tuple[object, ...]:
    overrides = tuple((lang, tuple(sorted(m.items()))) for lang, m in sorted(opts.overrides.items()))
    return (
        opts.version,
        tuple((lang, tuple(sorted(values.items()))) for lang, values in sorted(opts.languages.items())),
        overrides,
        opts.app_services,
        opts.internal_packages,
        tuple(sorted(opts.signatures.items())),
        opts.api,
        tuple((role, repr(sorted(table.items()))) for role, table in sorted(opts.values.items())),
    )
