"""The pure core of the generator: descriptors + options -> {target: {path: text}}.

Pipeline place: between the edges (``cli`` reads proto/ and writes sdks/ through ``writer``; ``plugin`` talks
CodeGeneratorRequest/Response) and the stages (``ir.builder`` -> ``targets``). No I/O here besides what the
targets' protoc plugins do in temporary directories.
"""

from __future__ import annotations

import contextvars
import functools
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from google.protobuf import descriptor_pb2

from l8gen import __version__, timings
from l8gen.caches import files_below, remembered, tree_key
from l8gen.descriptors import without_source_info
from l8gen.errors import L8genError, NamingError
from l8gen.ir.model import Api
from l8gen.naming import plugin_limits
from l8gen.naming.common import collecting_collisions
from l8gen.targets import REGISTRY
from l8gen.targets.base import GenOptions
from l8gen.tasks import Task

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


class Generation:
    """One generation run over compiled descriptors, as a context manager (leaving it waits for its threads).

    ``start(names)`` begins the targets' ``start`` work (``language.toml`` ``start``: e.g. protoc-gen-es on
    Node, which needs only the descriptors) right away; ``run(names)`` builds the IR, checks the plugins'
    limits, begins what was not begun yet and runs every target side by side (much of their time is waiting
    on protoc plugins: other processes, GIL released). Results and errors are taken in name order. The CLI
    starts the targets that will surely be generated (no manifest yet) before it computes the cache digests,
    so the Node plugin runs while the rest of the run happens."""

    def __init__(
        self, fds: descriptor_pb2.FileDescriptorSet, files_to_generate: Sequence[str], opts: GenOptions
    ) -> None:
        self.fds, self.files, self.opts = fds, list(files_to_generate), opts
        self._tasks: list[Task[Any]] = []
        self._started: dict[str, Task[Any] | None] = {}

    def __enter__(self) -> Generation:
        return self

    def __exit__(self, *exc: object) -> None:
        for task in self._tasks:  # start work the run did not wait for (it failed before) ends first
            task.wait()

    def _begin(self, fn: Any, *args: Any) -> Task[Any]:
        task = Task(contextvars.copy_context().run, fn, *args)
        self._tasks.append(task)
        return task

    def start(self, names: Sequence[str]) -> None:
        for name in sorted(names):
            if name not in self._started:
                start = REGISTRY.starter(name)
                self._started[name] = None if start is None else self._begin(start, self.fds, self.files,
                                                                             self.opts)

    def run(self, targets: Sequence[str]) -> dict[str, dict[str, str]]:
        names = sorted(targets)
        self.start(names)
        api = api_from(self.fds, self.files, self.opts)
        timings.mark("IR built")
        plugin_limits.check(api, plugin_rules(names))  # names a plugin cannot compile, before any target runs
        timings.mark("targets loaded, plugin limits checked")
        tasks = {  # each in its own copy of the context (the collision collector is a context variable)
            name: self._begin(_run_target, name, api, self.fds, self.opts, self._started[name])
            for name in names
        }
        clashes = [str(t.exception()) for t in tasks.values() if isinstance(t.exception(), NamingError)]
        if len(clashes) > 1:  # every language's naming problems in one error
            raise NamingError("\n".join(clashes))
        return {name: tasks[name].result() for name in names}


def generate(
    fds: descriptor_pb2.FileDescriptorSet,
    files_to_generate: Sequence[str],
    opts: GenOptions,
    targets: Sequence[str],
) -> dict[str, dict[str, str]]:
    """Run every named target on the API of ``files_to_generate``; returns {target name: {path: text}}."""
    with Generation(fds, files_to_generate, opts) as generation:
        return generation.run(targets)


def _run_target(
    name: str, api: Api, fds: descriptor_pb2.FileDescriptorSet, opts: GenOptions, started: Task[Any] | None
) -> dict[str, str]:
    """One target with collisions collected: all of its naming collisions become one ``NamingError`` (an
    error that follows from a collision, e.g. a duplicate file, is not reported on top of them). ``started``:
    the task of the target's ``start``, whose result is handed to its ``generate`` as ``started=``."""
    with collecting_collisions() as found:
        try:
            target: Any = REGISTRY[name]  # a target with ``start`` takes ``started=`` (targets.base.Target)
            extra = {} if started is None else {"started": started.result()}
            timings.mark(f"{name}: start work awaited")
            files: dict[str, str] = target.generate(api, fds, opts, **extra)
            timings.mark(f"{name}: generated")
        except L8genError:
            if not found:
                raise
        if found:
            raise NamingError("\n".join(found))
    return files


def _tree_digest(root: Path, suffixes: tuple[str, ...] | None = None) -> bytes:
    digest = hashlib.sha256()
    if root.is_dir():
        for rel, entry in files_below(str(root)):
            if entry.is_file() and (suffixes is None or os.path.splitext(entry.name)[1] in suffixes):
                digest.update(rel.encode() + b"\0")
                with open(entry.path, "rb") as file:
                    digest.update(hashlib.sha256(file.read()).digest())
    return digest.digest()


_FINGERPRINTED = (".py", ".j2", ".toml", ".md", ".json", ".txt", ".js", ".css", "")


@functools.cache  # the package does not change during a run: once per run, not per target
def generator_fingerprint() -> bytes:
    """Digest of the generator's own code and built-in templates (the precise 'tool version'); remembered
    across runs while no file of the package changes (``caches.tree_key``: stat, not read, ~260 files)."""
    return bytes.fromhex(remembered("fingerprint", tree_key(_PACKAGE_DIR, _FINGERPRINTED),
                                    lambda: _tree_digest(_PACKAGE_DIR, _FINGERPRINTED).hex()))


def template_tree_digest(directory: Path) -> bytes:
    """Digest of a user template tree (every file), remembered across runs under the stamps of its files
    (``caches.tree_key``, as the generator fingerprint: a run stats the files instead of reading them)."""
    key = tree_key(directory, None) if directory.is_dir() else None
    return bytes.fromhex(remembered("templates", None if key is None else f"{directory.resolve()}\n{key}",
                                    lambda: _tree_digest(directory).hex()))


def normalized_descriptors(fds: descriptor_pb2.FileDescriptorSet, files_to_generate: Sequence[str]) -> bytes:
    """The descriptor input in a canonical form: files sorted by name, source info kept only for the files
    to generate (protoc omits it for imports in plugin mode), deterministic serialisation."""
    by_name = sorted(fds.file, key=lambda f: f.name)
    out = without_source_info(by_name, keep=set(files_to_generate))
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
        digest.update(b"templates\0" + template_tree_digest(directory))
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
