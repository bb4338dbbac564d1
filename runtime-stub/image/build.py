"""Runtime image without a registry: the local base image and ``l8sdk/runtime:dev``.

Place: the last stage's infrastructure (proto -> ... -> sdks -> harness): the harness runs the reference
runtime in this image with testcontainers. No image can be pulled here, so:

- ``base``: when ``l8sdk/base:bookworm-py311`` is absent, debootstrap Debian bookworm ``--variant=minbase``
  with python3 + python3-venv from the apt mirror this machine is configured with
  (/etc/apt/sources.list.d/*.sources or *.list), then ``docker import`` it. Present -> nothing to do.
- ``runtime``: build a wheelhouse on the host (``pip wheel`` of ./sdks/python and ./runtime-stub plus all
  their dependencies; Python 3.11 like the image, so cp311 manylinux wheels fit) and ``docker build`` it with
  runtime-stub/Dockerfile (``--build-arg BASE_IMAGE=...``), which installs from the wheelhouse only (no
  network inside). The image carries a label with the digest of its inputs (Dockerfile, base image id, the
  sources of both packages); an image with the same digest is up to date -> nothing to do.

One build at a time: a second build.py waits for the first one's lock (``.cache/image-build.lock``), then
finds the images up to date; so ``nox -s ci`` builds them in the background while its first steps run.

CLI: ``python runtime-stub/image/build.py [base|runtime|all] [--force] [--base-image IMAGE]``
(a normal user with a registry: ``--base-image python:3.11-slim``).
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

BASE_TAG = "l8sdk/base:bookworm-py311"
RUNTIME_TAG = os.environ.get("L8_RUNTIME_TAG", "l8sdk/runtime:dev")  # per-worktree tag
INPUTS_LABEL = "org.l8sdk.inputs"
SUITE = "bookworm"
BASE_PACKAGES = ("python3", "python3-venv")
KEYRING = Path("/usr/share/keyrings/debian-archive-keyring.gpg")
FALLBACK_MIRROR = "http://deb.debian.org/debian"
REPO = Path(__file__).resolve().parents[2]
DOCKERFILE = REPO / "runtime-stub" / "Dockerfile"
PACKAGE_DIRS = (REPO / "sdks" / "python", REPO / "runtime-stub")
LOCK_FILE = REPO / ".cache" / "image-build.lock"
SKIP_PARTS = {"tests", "image", "__pycache__", "build", "dist", ".pytest_cache", ".mypy_cache", ".ruff_cache"}


class ImageError(RuntimeError):
    """The image could not be built; the message says why and what to do."""


def docker(*args: str, check: bool = True, capture: bool = True) -> str:
    """Run the docker client; returns stdout when captured."""
    cli = shutil.which("docker")
    if cli is None:
        raise ImageError("no `docker` client: run `nox -s bootstrap` (installs docker.io, starts dockerd)")
    env = {**os.environ, "DOCKER_BUILDKIT": "0"}  # the classic builder: no buildx plugin is installed here
    proc = subprocess.run([cli, *args], capture_output=capture, text=True, env=env, check=False)
    if check and proc.returncode != 0:
        detail = (proc.stderr or "").strip() if capture else "see the output above"
        raise ImageError(f"`docker {' '.join(args[:2])} ...` failed ({proc.returncode}): {detail}")
    return proc.stdout if capture else ""


def image_id(tag: str) -> str | None:
    """Local image id for `tag`, None when absent."""
    cli = shutil.which("docker") or "docker"
    proc = subprocess.run(
        [cli, "image", "inspect", "--format", "{{.Id}}", tag], capture_output=True, text=True
    )
    return proc.stdout.strip() if proc.returncode == 0 else None


def _deb822_stanzas(text: str) -> Iterator[dict[str, str]]:
    for block in text.split("\n\n"):
        fields: dict[str, str] = {}
        for line in block.splitlines():
            if line.startswith("#") or ":" not in line or line[:1].isspace():
                continue
            key, value = line.split(":", 1)
            fields[key.strip().lower()] = value.strip()
        if fields:
            yield fields


def debian_mirror(apt_dir: Path = Path("/etc/apt")) -> str:
    """URI of the first configured apt source serving `bookworm` (deb822 or one-line), else the fallback."""
    for path in sorted((apt_dir / "sources.list.d").glob("*.sources")):
        for stanza in _deb822_stanzas(path.read_text(errors="replace")):
            if (
                stanza.get("enabled", "yes") != "no"
                and "deb" in stanza.get("types", "").split()
                and SUITE in (stanza.get("suites", "").split())
            ):
                return stanza["uris"].split()[0]
    one_line = [apt_dir / "sources.list", *sorted((apt_dir / "sources.list.d").glob("*.list"))]
    for path in (p for p in one_line if p.exists()):
        for line in path.read_text(errors="replace").splitlines():
            words = [w for w in line.split() if not w.startswith("[")]
            if len(words) >= 3 and words[0] == "deb" and words[2] == SUITE:
                return words[1]
    return FALLBACK_MIRROR


def _unmount_below(root: Path) -> None:
    """Lazily unmount anything debootstrap left mounted inside `root` (deepest first), before deleting it."""
    mounts = [
        line.split()[1] for line in Path("/proc/mounts").read_text().splitlines() if len(line.split()) > 1
    ]
    for point in sorted((m for m in mounts if m.startswith(str(root) + "/")), key=len, reverse=True):
        subprocess.run(["umount", "-l", point], check=False)


def ensure_base(out: IO[str], *, force: bool = False) -> bool:
    """Create BASE_TAG by debootstrap + docker import unless it exists. True when it was built."""
    existing = image_id(BASE_TAG)
    if existing and not force:
        out.write(f"base: {BASE_TAG} exists ({existing[:19]}): nothing to do\n")
        return False
    if os.geteuid() != 0:
        raise ImageError("debootstrap needs root")
    if shutil.which("debootstrap") is None:
        raise ImageError("no debootstrap: run `nox -s bootstrap` (installs it)")
    mirror = debian_mirror()
    out.write(
        f"base: building {BASE_TAG}: debootstrap {SUITE} minbase + {','.join(BASE_PACKAGES)} from {mirror}\n"
    )
    out.flush()
    work = REPO / ".cache"
    work.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="base-rootfs-", dir=work))
    try:
        rootfs = tmp / "rootfs"
        cmd = ["debootstrap", "--variant=minbase", f"--include={','.join(BASE_PACKAGES)}"]
        if KEYRING.exists():
            cmd.append(f"--keyring={KEYRING}")
        with open(tmp / "debootstrap.log", "w") as log:
            proc = subprocess.run([*cmd, SUITE, str(rootfs), mirror], stdout=log, stderr=subprocess.STDOUT)
        if proc.returncode != 0:
            tail = (tmp / "debootstrap.log").read_text(errors="replace").splitlines()[-20:]
            raise ImageError("debootstrap failed:\n" + "\n".join(tail))
        for junk in ("var/cache/apt/archives", "var/lib/apt/lists"):
            for entry in (rootfs / junk).glob("*"):
                if entry.is_file():
                    entry.unlink()
        tar = subprocess.Popen(
            ["tar", "--numeric-owner", "-C", str(rootfs), "-c", "."], stdout=subprocess.PIPE
        )
        cli = shutil.which("docker") or "docker"
        imp = subprocess.run(
            [cli, "import", "--change", "ENV LANG=C.UTF-8", "--change", 'CMD ["/usr/bin/python3"]',
             "-m", f"debootstrap {SUITE} minbase + {' '.join(BASE_PACKAGES)}", "-", BASE_TAG],
            stdin=tar.stdout, capture_output=True, text=True,
        )  # fmt: skip
        assert tar.stdout is not None
        tar.stdout.close()
        if tar.wait() != 0 or imp.returncode != 0:
            raise ImageError(f"tar | docker import failed: {imp.stderr.strip()}")
    finally:
        _unmount_below(tmp)
        shutil.rmtree(tmp, ignore_errors=True)
    version = docker(
        "run", "--rm", BASE_TAG, "python3", "-c", "import sys, venv; print(sys.version.split()[0])"
    )
    if not version.startswith("3.11."):
        raise ImageError(f"{BASE_TAG} has Python {version.strip()}, expected 3.11")
    out.write(f"base: built {BASE_TAG} ({image_id(BASE_TAG)}), Python {version.strip()}\n")
    return True


def _source_files(package_dirs: Sequence[Path]) -> Iterator[tuple[str, Path]]:
    for root in package_dirs:
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root)
            if (
                path.is_file()
                and not (SKIP_PARTS & set(rel.parts))
                and not any(p.endswith(".egg-info") for p in rel.parts)
                and path.suffix not in (".pyc", ".pyo")
            ):
                yield f"{root.name}/{rel.as_posix()}", path


def inputs_digest(base_id: str, package_dirs: Sequence[Path] = PACKAGE_DIRS) -> str:
    """Digest of everything the runtime image is made of (changes -> rebuild)."""
    digest = hashlib.sha256()
    digest.update(f"python{sys.version_info[0]}.{sys.version_info[1]}\0base {base_id}\0".encode())
    digest.update(DOCKERFILE.read_bytes())
    for name, path in _source_files(package_dirs):
        digest.update(b"\0" + name.encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _wheel_prefix(package_dir: Path) -> str:
    name = tomllib.loads((package_dir / "pyproject.toml").read_text())["project"]["name"]
    return re.sub(r"[-_.]+", "_", name).lower() + "-"


def split_wheelhouse(wheels: Path, package_dirs: Sequence[Path]) -> None:
    """Move wheels/all/*.whl into wheels/project (the packages built from package_dirs) and wheels/deps
    (everything else), so the image caches the dependency layer across project changes."""
    prefixes = tuple(_wheel_prefix(p) for p in package_dirs)
    for sub in ("deps", "project"):
        (wheels / sub).mkdir(parents=True, exist_ok=True)
    for wheel in sorted((wheels / "all").glob("*.whl")):
        target = "project" if wheel.name.lower().startswith(prefixes) else "deps"
        wheel.rename(wheels / target / wheel.name)
    (wheels / "all").rmdir()
    built = [w.name.lower() for w in (wheels / "project").iterdir()]
    missing = [
        p.name
        for p, pre in zip(package_dirs, prefixes, strict=True)
        if not any(b.startswith(pre) for b in built)
    ]
    if missing:
        raise ImageError(f"pip wheel made no wheel for {', '.join(missing)}")


def ensure_runtime(
    out: IO[str],
    *,
    base_image: str = BASE_TAG,
    force: bool = False,
    package_dirs: Sequence[Path] = PACKAGE_DIRS,
) -> bool:
    """Build RUNTIME_TAG from a host-built wheelhouse unless an image with the same inputs exists."""
    for package in package_dirs:
        if not (package / "pyproject.toml").exists():
            raise ImageError(f"{package}/pyproject.toml is missing: nothing to put in the image")
    if sys.version_info[:2] != (3, 11):
        raise ImageError(f"build the wheelhouse with Python 3.11 (the image's), not {sys.version.split()[0]}")
    base_id = image_id(base_image)
    if base_id is None and base_image == BASE_TAG:
        raise ImageError(f"{BASE_TAG} is missing: run `{Path(__file__).name} base` first")
    digest = inputs_digest(base_id or base_image, package_dirs)
    current = docker("image", "inspect", "--format", f'{{{{index .Config.Labels "{INPUTS_LABEL}"}}}}',
                     RUNTIME_TAG, check=False).strip()  # fmt: skip
    if current == digest and not force:
        out.write(f"runtime: {RUNTIME_TAG} is up to date (inputs {digest[:12]}): nothing to do\n")
        return False
    previous = image_id(RUNTIME_TAG)
    work = REPO / ".cache"
    work.mkdir(parents=True, exist_ok=True)
    context = Path(tempfile.mkdtemp(prefix="runtime-image-", dir=work))  # own dir: concurrent builds
    try:
        out.write(f"runtime: building the wheelhouse in {context.relative_to(REPO)}/wheelhouse\n")
        out.flush()
        wheels = context / "wheelhouse"
        pip = [sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(wheels / "all")]
        if subprocess.run([*pip, *(str(p) for p in package_dirs)]).returncode != 0:
            raise ImageError("pip wheel failed (see above)")
        split_wheelhouse(wheels, package_dirs)
        shutil.copyfile(DOCKERFILE, context / "Dockerfile")
        out.write(f"runtime: docker build {RUNTIME_TAG} FROM {base_image}\n")
        out.flush()
        docker("build", "--force-rm", "--tag", RUNTIME_TAG, "--build-arg", f"BASE_IMAGE={base_image}",
               "--build-arg", f"L8_INPUTS={digest}", "--label", f"{INPUTS_LABEL}={digest}", str(context),
               capture=False)  # fmt: skip
    finally:
        shutil.rmtree(context, ignore_errors=True)
        # drop the deps-stage images of earlier builds; this build's stays as the layer cache of the next
        docker("image", "prune", "--force", "--filter", "label=org.l8sdk.stage=deps",
               "--filter", f"label!=org.l8sdk.build={digest}", check=False)  # fmt: skip
    built = image_id(RUNTIME_TAG)
    if previous and previous != built:  # the replaced image, now untagged; kept if a container still uses it
        docker("image", "rm", previous, check=False)
    out.write(f"runtime: built {RUNTIME_TAG} ({built}, inputs {digest[:12]})\n")
    return True


def run(argv: Sequence[str], stdin: IO[str], stdout: IO[str], stderr: IO[str]) -> int:
    """CLI: base | runtime | all (default)."""
    del stdin
    parser = argparse.ArgumentParser(
        prog="runtime-stub/image/build.py", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument("target", nargs="?", default="all", choices=("base", "runtime", "all"))
    parser.add_argument("--force", action="store_true", help="rebuild even when up to date")
    parser.add_argument(
        "--base-image", default=BASE_TAG, help=f"FROM image for the runtime (default {BASE_TAG})"
    )
    parser.add_argument(
        "--package-dir",
        type=Path,
        action="append",
        help="package to wheel in (default: sdks/python, runtime-stub)",
    )
    args = parser.parse_args(list(argv))
    try:
        with build_lock(stdout):
            build(args, stdout)
    except ImageError as exc:
        stdout.flush()
        stderr.write(f"image: error: {exc}\n")
        return 1
    return 0


@contextmanager
def build_lock(out: IO[str]) -> Iterator[None]:
    """Hold LOCK_FILE while building: a second build.py (e.g. a test that needs the image while `nox -s ci`
    still builds it in the background) waits for the first, then finds the images up to date."""
    LOCK_FILE.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK_FILE, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            out.write(f"image: another build.py holds {LOCK_FILE}: waiting for it\n")
            out.flush()
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def build(args: argparse.Namespace, stdout: IO[str]) -> None:
    """The base image and/or the runtime image, as ``args`` (the CLI's) ask."""
    if args.target in ("base", "all") and args.base_image == BASE_TAG:
        ensure_base(stdout, force=args.force)
    if args.target in ("runtime", "all"):
        dirs = tuple(p.resolve() for p in args.package_dir) if args.package_dir else PACKAGE_DIRS
        ensure_runtime(stdout, base_image=args.base_image, force=args.force, package_dirs=dirs)


def main() -> None:
    sys.exit(run(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))


if __name__ == "__main__":
    main()
