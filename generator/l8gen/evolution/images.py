"""Release records and image inputs of ``l8gen diff``, ``l8gen release``, ``generate --descriptor-set``.

Place: the input edge of API evolution. A release is recorded *in the tree* as
``proto/releases/v<X.Y.Z>.binpb``
(a buf image = a FileDescriptorSet with imports and source info, each file marked import or not), so a fresh
clone without tags still has its baseline. ``--against`` resolves to an image: a release record (``v0.1.0``,
``0.1.0``), an image file path, or a git ref (proto/ exported with ``git archive`` and built with buf).
"""

from __future__ import annotations

import io
import re
import subprocess
import tarfile
import tomllib
from pathlib import Path

from google.protobuf import descriptor_pb2, unknown_fields
from google.protobuf.message import DecodeError

from l8gen.evolution import EvolutionError
from l8gen.evolution import buf as bufcli
from l8gen.records import record

_RECORD = re.compile(r"^v(\d+)\.(\d+)\.(\d+)\.binpb$")
_BUF_IMAGE_EXTENSION = 8042  # buf.alpha.image.v1 ImageFileExtension on FileDescriptorProto
_WKT_PREFIX = "google/protobuf/"


@record
class Image:
    """A descriptor set and the names of its own (non-import) files, sorted."""

    fds: descriptor_pb2.FileDescriptorSet
    files: tuple[str, ...]


@record
class Release:
    version: str
    path: Path


@record
class Against:
    """What ``diff`` compares with: ``label`` for humans, ``kind`` release|file|git, the image file, and the
    version of that API when known (release records and git refs carry one)."""

    label: str
    kind: str
    image: Path
    version: str | None


def _is_import(proto: descriptor_pb2.FileDescriptorProto) -> bool | None:
    """buf's per-file import flag (ImageFileExtension.is_import = field 1), None when not a buf image."""
    found = unknown_fields.UnknownFieldSet(proto)
    for field in (found[i] for i in range(len(found))):
        if field.field_number == _BUF_IMAGE_EXTENSION and isinstance(field.data, bytes):
            data = field.data
            return len(data) >= 2 and data[0] == 0x08 and data[1] == 0x01
    return None


def read_image(path: Path) -> Image:
    """Read a buf image or a plain FileDescriptorSet file (see ``parse_image``)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise EvolutionError(f"{path}: cannot read descriptor set: {exc.strerror}") from exc
    return parse_image(data, str(path))


def parse_image(data: bytes, where: str) -> Image:
    """Parse a buf image or a plain FileDescriptorSet (``protoc --include_imports -o``); in a plain set the
    well-known types (google/protobuf/...) are the imports."""
    try:
        fds = descriptor_pb2.FileDescriptorSet.FromString(data)
    except DecodeError as exc:
        raise EvolutionError(f"{where}: not a FileDescriptorSet / buf image ({exc})") from exc
    if not fds.file:
        raise EvolutionError(f"{where}: the descriptor set holds no files")
    files = []
    for proto in fds.file:
        flag = _is_import(proto)
        if not (flag if flag is not None else proto.name.startswith(_WKT_PREFIX)):
            files.append(proto.name)
    if not files:
        raise EvolutionError(f"{where}: every file of the descriptor set is marked as an import")
    return Image(fds=fds, files=tuple(sorted(files)))


def api_files(image: Image, internal_packages: tuple[str, ...] | list[str] = ()) -> tuple[str, ...]:
    """The image's own files minus those of ``internal_packages`` (the harness control service is not part
    of the versioned API: its changes do not bump the SDKs)."""
    internal = set(internal_packages)
    return tuple(f.name for f in image.fds.file if f.name in image.files and f.package not in internal)


def version_key(version: str) -> tuple[int, int, int]:
    """(major, minor, patch) of ``X.Y.Z``; EvolutionError for anything else."""
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", version)
    if not match:
        raise EvolutionError(f"version {version!r} is not X.Y.Z (semantic version without suffix)")
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


def releases(directory: Path) -> list[Release]:
    """Every release record in ``directory``, oldest first."""
    if not Path(directory).is_dir():
        return []
    found = []
    for path in Path(directory).iterdir():
        match = _RECORD.match(path.name)
        if match and path.is_file():
            found.append(Release(".".join(match.groups()), path))
    return sorted(found, key=lambda r: version_key(r.version))


def latest(directory: Path) -> Release | None:
    records = releases(directory)
    return records[-1] if records else None


def record_path(directory: Path, version: str) -> Path:
    version_key(version)
    return Path(directory) / f"v{version}.binpb"


def _git(top: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(top), *args], capture_output=True, check=False)
    except OSError as exc:
        raise EvolutionError(f"git could not run: {exc}") from exc


def _git_toplevel(path: Path) -> Path | None:
    proc = _git(path, "rev-parse", "--show-toplevel")
    return Path(proc.stdout.decode().strip()) if proc.returncode == 0 else None


def _version_at(top: Path, ref: str, config: Path) -> str | None:
    try:
        rel = config.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        return None
    proc = _git(top, "show", f"{ref}:{rel}")
    if proc.returncode != 0:
        return None
    try:
        table = tomllib.loads(proc.stdout.decode()).get("tool", {}).get("l8gen", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    version = table.get("version")
    return version if isinstance(version, str) else None


def _from_git(ref: str, proto_root: Path, config: Path, tmp: Path, buf: Path) -> Against | None:
    top = _git_toplevel(proto_root.resolve())
    if top is None:
        return None
    if _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        return None
    prefix = proto_root.resolve().relative_to(top.resolve()).as_posix()
    proc = _git(top, "archive", "--format=tar", ref, "--", prefix)
    if proc.returncode != 0:
        raise EvolutionError(
            f"--against {ref}: git archive of {prefix}/ failed: {proc.stderr.decode().strip()}"
        )
    export = tmp / "against-src"
    with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as archive:
        archive.extractall(export, filter="data")
    image = tmp / "against.binpb"
    bufcli.build_image(buf, export / prefix, image)
    return Against(label=ref, kind="git", image=image, version=_version_at(top, ref, config))


def resolve_against(
    ref: str | None, releases_dir: Path, proto_root: Path, config: Path, tmp: Path, buf: Path
) -> Against:
    """Turn ``--against`` into an image (see the module docstring); default: the latest release record."""
    if ref is None:
        last = latest(releases_dir)
        if last is None:
            raise EvolutionError(
                f"no release recorded in {releases_dir}/ (v<X.Y.Z>.binpb): record the first one with "
                "`l8gen release`, or pass --against <git ref | image file>"
            )
        return Against(label=f"v{last.version}", kind="release", image=last.path, version=last.version)
    name = ref if ref.startswith("v") else f"v{ref}"
    record = Path(releases_dir) / f"{name}.binpb"
    if _RECORD.match(record.name) and record.is_file():
        return Against(label=name, kind="release", image=record, version=name[1:])
    as_file = Path(ref)
    if as_file.is_file():
        match = _RECORD.match(as_file.name)
        version = ".".join(match.groups()) if match else None
        return Against(label=ref, kind="file", image=as_file, version=version)
    found = _from_git(ref, proto_root, config, tmp, buf)
    if found is None:
        raise EvolutionError(
            f"--against {ref}: neither a release record in {releases_dir}/, an image file, nor a git ref"
        )
    return found
