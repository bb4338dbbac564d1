"""``l8gen diff`` orchestration: resolve ``--against``, build both images, run buf twice, diff the IR.

Place: commands -> **diff.compute** -> buf (FILE, WIRE_JSON) + images + ir.builder + irdiff -> classify.
Both sides are buf images built by the same pinned buf (the current one from proto/, the old one recorded at
release time or built from a git ref), so the IR diff never sees compiler differences. Files of
``[tool.l8gen].internal_packages`` (the harness control service) are not classified: they are not part of the
versioned API. A file whose descriptor changed with nothing else to show (options, reserved ranges) is a
patch change.
"""

from __future__ import annotations

import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from google.protobuf import descriptor_pb2

from l8gen.config import load_options
from l8gen.descriptors import display_path
from l8gen.evolution import buf as bufcli
from l8gen.evolution.classify import DiffReport, mark_wire
from l8gen.evolution.images import Image, api_files, read_image, resolve_against
from l8gen.evolution.irdiff import Change, diff_apis
from l8gen.ir.builder import build_api


def _bare(proto: descriptor_pb2.FileDescriptorProto) -> bytes:
    copy = descriptor_pb2.FileDescriptorProto()
    copy.CopyFrom(proto)
    copy.ClearField("source_code_info")
    copy.DiscardUnknownFields()
    return copy.SerializeToString(deterministic=True)


def option_changes(old: Image, new: Image, explained: set[str]) -> tuple[Change, ...]:
    """Files present on both sides whose descriptors (without comments) differ although no finding names
    them: option or reserved-range edits the SDKs may still reflect."""
    old_files = {f.name: f for f in old.fds.file if f.name in old.files}
    out = []
    for proto in new.fds.file:
        before = old_files.get(proto.name)
        if proto.name in new.files and before is not None and proto.name not in explained:
            if _bare(before) != _bare(proto):
                detail = f"descriptor of {proto.name} changed (options, reserved names or numbers)"
                out.append(Change("options", "file", proto.name, proto.name, 1, detail))
    return tuple(out)


def compute(
    proto_root: Path,
    against_ref: str | None,
    releases_dir: Path,
    config: Path,
    buf_path: str | None = None,
) -> DiffReport:
    """Compare ``proto_root`` with ``against_ref`` (default: the latest release record)."""
    opts = load_options(config)
    buf = bufcli.find_buf(buf_path)
    with tempfile.TemporaryDirectory(prefix="l8gen-diff-") as tmp_name:
        tmp = Path(tmp_name)
        against = resolve_against(against_ref, releases_dir, proto_root, config, tmp, buf)
        current = tmp / "current.binpb"
        with ThreadPoolExecutor(max_workers=3) as pool:  # three independent buf runs, ~0.5 s each
            built = pool.submit(bufcli.build_image, buf, proto_root, current)
            file_run = pool.submit(bufcli.breaking, buf, proto_root, against.image)
            wire_run = pool.submit(bufcli.breaking, buf, proto_root, against.image, bufcli.WIRE_JSON_CONFIG)
            built.result()
            file_violations, wire = tuple(file_run.result()), tuple(wire_run.result())
        old, new = read_image(against.image), read_image(current)
        source = display_path(against.image) if against.kind != "git" else f"git {against.label}:{proto_root}"
    internal = {f.name for image in (old, new) for f in image.fds.file if f.package in opts.internal_packages}
    file_violations = tuple(v for v in file_violations if v.file not in internal)
    wire = tuple(v for v in wire if v.file not in internal)
    old_api = build_api(old.fds, api_files(old, opts.internal_packages), opts.app_services, ())
    new_api = build_api(new.fds, api_files(new, opts.internal_packages), opts.app_services, ())
    ir = diff_apis(old_api, new_api)
    explained = {c.file for c in (*ir.added, *ir.changed)} | {v.file for v in (*file_violations, *wire)}
    explained |= internal
    return DiffReport(
        against=against.label,
        against_kind=against.kind,
        against_source=source,
        proto_root=display_path(proto_root),
        version=against.version or opts.version,
        breaking=mark_wire(file_violations, wire),
        wire_breaking=wire,
        added=ir.added,
        changed=ir.changed + option_changes(old, new, explained),
    )
