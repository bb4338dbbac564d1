"""l8gen.pipeline: determinism (twice, shuffled input order) and the input digest used by the cache."""

from __future__ import annotations

import random
import threading
from dataclasses import replace

import pytest
from google.protobuf import descriptor_pb2
from l8gen import pipeline
from l8gen.config import load_options
from l8gen.descriptors import compile_protos
from l8gen.profile import ApiProfile

from tests.conftest import PROTO_ROOT, REPO, ListingTarget, fragments_api


def _shuffled(fds: descriptor_pb2.FileDescriptorSet, seed: int) -> descriptor_pb2.FileDescriptorSet:
    protos = list(fds.file)
    random.Random(seed).shuffle(protos)
    return descriptor_pb2.FileDescriptorSet(file=protos)


@pytest.mark.parametrize("source", ["api", "fragments"])
def test_python_generation_is_byte_identical_twice_and_when_shuffled(source: str) -> None:
    if source == "api":
        compiled = compile_protos(PROTO_ROOT)
        fds, files = compiled.fds, list(compiled.files)
    else:
        fds, files, _ = fragments_api()
    opts = load_options(REPO / "pyproject.toml")
    if source == "fragments":  # the repo's API profile names RPCs of proto/, not of the fragments
        opts = replace(opts, api=ApiProfile())
    first = pipeline.generate(fds, files, opts, ["python"])
    assert first == pipeline.generate(fds, files, opts, ["python"])
    names = list(files)
    random.Random(7).shuffle(names)
    assert first == pipeline.generate(_shuffled(fds, 3), names, opts, ["python"])
    assert all("\r" not in text for text in first["python"].values())
    assert list(first["python"]) == sorted(first["python"])


def test_listing_target_deterministic_under_shuffle(listing_target: ListingTarget) -> None:
    fds, files, _ = fragments_api()
    opts = load_options(None)
    first = pipeline.generate(fds, files, opts, ["listing"])
    for seed in range(3):
        assert pipeline.generate(_shuffled(fds, seed), list(reversed(files)), opts, ["listing"]) == first


def test_input_digest_is_order_independent_and_sensitive_to_options() -> None:
    fds, files, _ = fragments_api()
    opts = load_options(REPO / "pyproject.toml")
    digest = pipeline.input_digest(fds, files, opts, "python")
    assert pipeline.input_digest(_shuffled(fds, 1), list(reversed(files)), opts, "python") == digest
    assert pipeline.input_digest(fds, files, opts, "go") != digest
    assert pipeline.input_digest(fds, files, replace(opts, version="9.9.9"), "python") != digest
    assert pipeline.input_digest(fds, files[:-1], opts, "python") != digest
    # each language's own table ([tool.l8gen.<language>]) and the value layer's roles are inputs too
    languages = {**opts.languages, "go": {"module": "example.com/other"}}
    assert pipeline.input_digest(fds, files, replace(opts, languages=languages), "python") != digest
    values = {**opts.values, "state": {**opts.values.get("state", {}), "extra": "x"}}
    assert pipeline.input_digest(fds, files, replace(opts, values=values), "python") != digest


def test_digest_ignores_source_info_of_imports_as_protoc_plugins_receive_them() -> None:
    compiled = compile_protos(PROTO_ROOT)
    stripped = descriptor_pb2.FileDescriptorSet()
    stripped.CopyFrom(compiled.fds)
    for proto in stripped.file:
        if proto.name not in compiled.files:
            proto.ClearField("source_code_info")
    opts = load_options(None)
    assert pipeline.input_digest(stripped, compiled.files, opts, "python") == pipeline.input_digest(
        compiled.fds, compiled.files, opts, "python"
    )


class EarlyTarget:
    """A target with ``start``: it records when its start work began and what generate received."""

    name = "early"
    out_dir = "sdks/early"

    def __init__(self) -> None:
        self.began = threading.Event()
        self.received: object = None

    def start(self, fds: descriptor_pb2.FileDescriptorSet, files: list[str], opts: object) -> list[str]:
        self.began.set()
        return sorted(files)

    def generate(
        self, api: object, fds: object, opts: object, started: list[str] | None = None
    ) -> dict[str, str]:
        self.received = started
        return {"files.txt": "\n".join(started or [])}


def test_a_targets_start_begins_before_the_ir_is_built_and_generate_gets_its_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from l8gen.targets import REGISTRY

    compiled = compile_protos(PROTO_ROOT)
    opts = load_options(REPO / "pyproject.toml")
    target = EarlyTarget()
    real_api_from = pipeline.api_from

    def api_from_after_start(*args: object) -> object:
        assert target.began.wait(10), "start had not begun while the IR was being built"
        return real_api_from(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "api_from", api_from_after_start)
    REGISTRY.register(target)
    try:
        out = pipeline.generate(compiled.fds, compiled.files, opts, ["early"])
    finally:
        REGISTRY.unregister("early")
    assert target.received == sorted(compiled.files)
    assert out == {"early": {"files.txt": "\n".join(sorted(compiled.files))}}


def test_the_node_start_runs_protoc_gen_es_on_the_files_generate_would_use() -> None:
    from l8gen.languages.node import es

    compiled = compile_protos(PROTO_ROOT)
    opts = load_options(REPO / "pyproject.toml")
    assert opts.internal_packages  # this repo's API has one, so the filter is exercised
    api = pipeline.api_from(compiled.fds, compiled.files, opts).public()
    started = es.start(compiled.fds, compiled.files, opts)
    assert started.files == sorted(f.name for f in api.files)
    assert started.es == es.generate_es(compiled.fds, started.files)


def test_the_python_start_runs_protoc_on_the_files_generate_would_use() -> None:
    from l8gen.languages.python import pb

    compiled = compile_protos(PROTO_ROOT)
    opts = load_options(REPO / "pyproject.toml")
    api = pipeline.api_from(compiled.fds, compiled.files, opts)
    started = pb.start(compiled.fds, compiled.files, opts)
    assert started.files == sorted(f.name for f in api.files)
    assert started.raw == pb.protoc_python(compiled.fds, started.files)
    assert any(path.endswith("_pb2.pyi") for path in started.raw)
