"""Orchestration of one generation run: compile -> cache check -> pipeline -> check or write.

Pipeline place: the library function behind ``l8gen generate`` (``cli``), ``l8gen release``
(``evolution.release``) and embedding applications; the protoc plugin uses ``pipeline`` + ``writer``
directly (protoc owns reading and writing). Imports nothing of ``cli`` or ``evolution.commands``, so there is
no cycle.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from l8gen import timings
from l8gen.records import record

if TYPE_CHECKING:  # imported where used: a no-op run stays cheap
    from l8gen.descriptors import CompiledProtos, PendingProtos
    from l8gen.pipeline import Generation
    from l8gen.targets.base import GenOptions


@record
class GenerateRequest:
    """The choices of one run (the CLI's ``generate`` options)."""

    proto_root: Path = Path("proto")
    out: Path = Path(".")
    targets: tuple[str, ...] = ()  # empty: every registered language
    check: bool = False
    templates: Path | None = None
    dump_context: Path | None = None
    config: Path | None = None
    no_cache: bool = False
    descriptor_set: Path | None = None
    sdk_version: str | None = None


def generate_sdks(args: GenerateRequest, stdout: TextIO, stderr: TextIO) -> int:
    """Generate (or ``check``) every requested target; returns the exit code (0, or 1 for drift)."""
    from l8gen.descriptors import start_compile

    if args.descriptor_set is not None:
        return _run(args, None, stdout, stderr)
    # protoc compiles the .proto files (another process) while this one loads the generator and the options;
    # its result, or its error, is taken where the descriptors are first needed (after the option checks)
    with start_compile(args.proto_root) as compiling:
        timings.mark("protoc started")
        return _run(args, compiling, stdout, stderr)


def _run(args: GenerateRequest, compiling: PendingProtos | None, stdout: TextIO, stderr: TextIO) -> int:
    """``generate_sdks`` once protoc runs (``compiling``; None: the descriptors come from a file)."""
    from l8gen import pipeline, writer
    from l8gen.config import load_options
    from l8gen.errors import ConfigError
    from l8gen.targets import REGISTRY

    timings.mark("generator imported")
    config = args.config if args.config is not None else Path("pyproject.toml")
    if args.config is not None and not config.is_file():
        raise ConfigError(f"{config}: configuration file not found")
    if args.templates is not None and not args.templates.is_dir():
        raise ConfigError(f"{args.templates}: template directory not found")
    opts = load_options(config, args.templates)
    REGISTRY.use_config(config)
    timings.mark("options read")
    if args.sdk_version is not None:
        from dataclasses import replace

        from l8gen.evolution.images import version_key

        version_key(args.sdk_version)
        opts = replace(opts, version=args.sdk_version)
    names = sorted(set(args.targets)) if args.targets else list(REGISTRY)
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        REGISTRY[unknown[0]]  # raises ConfigError naming the known targets
    if args.descriptor_set is not None:
        from l8gen.descriptors import CompiledProtos
        from l8gen.evolution.images import read_image

        image = read_image(args.descriptor_set)
        compiled = CompiledProtos(fds=image.fds, files=image.files)
    else:
        assert compiling is not None
        compiled = compiling.result()
    timings.mark("descriptors read")
    if compiled.warnings:
        stderr.write(compiled.warnings + "\n")
    with pipeline.Generation(compiled.fds, compiled.files, opts) as generation:
        if not (args.check or args.dump_context):  # a target without a manifest will surely be generated:
            fresh = [n for n in names if writer.read_manifest(args.out / REGISTRY.out_dir(n)) is None]
            generation.start(fresh)  # its start work (protoc-gen-es) runs while the digests are computed
        return _generate(args, generation, names, compiled, opts, stdout, stderr)


def _generate(
    args: GenerateRequest,
    generation: Generation,
    names: list[str],
    compiled: CompiledProtos,
    opts: GenOptions,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """Cache check, then generate what is out of date and check or write it."""
    from l8gen import pipeline, writer
    from l8gen.targets import REGISTRY

    digests = {n: pipeline.input_digest(compiled.fds, compiled.files, opts, n) for n in names}
    timings.mark("input digests")
    out_dirs = {n: args.out / REGISTRY.out_dir(n) for n in names}
    # --check too: a target whose manifest records this input digest and whose files all hash as recorded
    # is what generating would write, so it is up to date without rendering it again.
    use_cache = not (args.no_cache or args.dump_context)
    todo = [n for n in names if not (use_cache and writer.is_up_to_date(out_dirs[n], digests[n]))]
    for name in names:
        if name not in todo:  # --check: stdout carries only diffs, the states go to stderr
            (stderr if args.check else stdout).write(f"{REGISTRY.out_dir(name)}: up to date\n")
    timings.mark("cache checked")
    if not todo:
        return 0
    if args.dump_context is not None:
        from l8gen.render import recording

        with recording() as contexts:
            outputs = generation.run(todo)
        args.dump_context.write_text(json.dumps(contexts.as_json(), indent=2, sort_keys=True) + "\n")
    else:
        outputs = generation.run(todo)
    timings.mark("every target generated")
    plans = {}
    for name in todo:
        digest = digests[name]
        if args.check:  # the recorded digest is cache metadata, not content: compare files only
            previous = writer.read_manifest(out_dirs[name])
            digest = previous.input_digest if previous is not None else digest
        plans[name] = writer.plan(out_dirs[name], writer.with_manifest(outputs[name], digest))
    timings.mark("writes planned")
    if args.check:
        dirty = [n for n in todo if not plans[n].clean]
        for name in dirty:
            stdout.write(plans[name].diff(REGISTRY.out_dir(name)))
        for name in todo:
            state = "out of date" if name in dirty else "up to date"
            stderr.write(f"{REGISTRY.out_dir(name)}: {state}\n")
        return 1 if dirty else 0
    for name in todo:
        result = plans[name]
        writer.apply(result)
        timings.mark(f"{name}: written")
        stdout.write(
            f"{REGISTRY.out_dir(name)}: {len(result.writes)} written, {len(result.deletes)} removed, "
            f"{result.unchanged} unchanged\n"
        )
    return 0
