"""Toolchain bootstrap: install only what is missing, so a fresh machine can generate, build and test it all.

Place: before the pipeline (proto -> descriptors -> IR -> templates -> sdks -> harness). It provides the tools
the other stages call but that no Python wheel carries:

- ``apt``: Debian packages — docker.io (engine for the harness), the C++ gRPC toolchain (Debian's protoc and
  grpc_cpp_plugin make the C++ stubs), cmake/ninja/GoogleTest (build and test the C++ SDK), debootstrap (the
  local base image, since no image registry is reachable).
- one step per registered language with a ``bootstrap`` hook (``[dev]`` of its language.toml), named after
  it: ``go`` installs the official Go protoc plugins at pinned versions into the project-local GOBIN
  ``.cache/bin`` (:func:`step_go`, :data:`GO_PLUGINS`, :data:`GOBIN`); nox sessions put it on PATH.
- ``npm``: ``npm ci`` at the repository root (``@bufbuild/buf`` and other pinned Node tools), skipped while
  the lock file's digest matches the one recorded at the last install.
- ``engine``: start ``dockerd`` when no engine answers (:mod:`l8dev.toolchain.engine`).

Each step checks first and acts only when needed; a second run prints "nothing to do".
CLI: ``python -m l8dev.toolchain.bootstrap [--only STEP ...] [--skip STEP ...]``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from l8gen.languages.go.plugins import GO_PLUGINS, installed_go_module_version

from l8dev.languages import hook, with_hook
from l8dev.toolchain import engine

REPO_ROOT = Path(__file__).resolve().parents[4]
GOBIN = REPO_ROOT / ".cache" / "bin"

DEBIAN_PACKAGES: tuple[str, ...] = (
    "docker.io",
    "debootstrap",
    "libgrpc++-dev",
    "protobuf-compiler-grpc",
    "libprotobuf-dev",
    "protobuf-compiler",
    "cmake",
    "ninja-build",
    "libgtest-dev",
    "g++",
    "openssl",  # the SDK TLS tests mint certificates at test time
    "ccache",  # used by the C++ build when present: warm rebuilds in seconds
    "valgrind",  # bench/: callgrind instruction counts of the SDK call paths (nox -s bench, bench-quick)
    "chromium",  # headless browser check of the generated API reference (`nox -s docs`)
)
# binary name -> (module package path, pinned module version). Versions: newest the Go proxy served on
# 2026-11-25; protoc-gen-go must match google.golang.org/protobuf in the Go SDK's go.mod.
NPM_STAMP = "node_modules/.l8-bootstrap-lock.sha256"


class BootstrapError(RuntimeError):
    """A step could not install what it needs; the message names the command that failed."""


@dataclass(frozen=True)
class Context:
    """What a step needs: where the repo is and where to write."""

    repo: Path
    out: IO[str]

    def sh(
        self, cmd: Sequence[str], *, cwd: Path | None = None, env: Mapping[str, str] | None = None
    ) -> None:
        """Run a command with output passed through; BootstrapError when it fails."""
        self.out.write(f"+ {' '.join(cmd)}\n")
        self.out.flush()
        merged = {**os.environ, **(env or {})}
        proc = subprocess.run(list(cmd), cwd=cwd or self.repo, env=merged, check=False)
        if proc.returncode != 0:
            raise BootstrapError(f"`{' '.join(cmd)}` exited with {proc.returncode}")


def missing_debian_packages(packages: Sequence[str] = DEBIAN_PACKAGES) -> list[str]:
    """Packages not in dpkg state "install ok installed"."""
    if shutil.which("dpkg-query") is None:
        raise BootstrapError("dpkg-query not found: the bootstrap needs a Debian-based machine")
    missing = []
    for package in packages:
        proc = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False
        )
        if proc.returncode != 0 or proc.stdout.strip() != "install ok installed":
            missing.append(package)
    return missing


def step_apt(ctx: Context) -> bool:
    """Install the missing Debian packages (one `apt-get update` first)."""
    missing = missing_debian_packages()
    if not missing:
        ctx.out.write(f"apt: all {len(DEBIAN_PACKAGES)} Debian packages present: nothing to do\n")
        return False
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = {"DEBIAN_FRONTEND": "noninteractive", "NEEDRESTART_SUSPEND": "1"}
    ctx.out.write(f"apt: installing {' '.join(missing)}\n")
    ctx.sh([*prefix, "apt-get", "update", "-q"], env=env)
    ctx.sh([*prefix, "apt-get", "install", "-y", "-q", *missing], env=env)
    still = missing_debian_packages()
    if still:
        raise BootstrapError(f"still missing after apt-get install: {' '.join(still)}")
    return True


def go_executable() -> str:
    """The go command (PATH, else the standard /usr/local/go location)."""
    found = shutil.which("go") or ("/usr/local/go/bin/go" if Path("/usr/local/go/bin/go").exists() else None)
    if found is None:
        raise BootstrapError("no `go` command: install Go 1.26 (the machine image ships it)")
    return found


def step_go(ctx: Context) -> bool:
    """`go install` each pinned protoc plugin whose GOBIN binary is absent or built from another version."""
    gobin = ctx.repo / ".cache" / "bin"
    acted = False
    for binary, (package, version) in sorted(GO_PLUGINS.items()):
        have = installed_go_module_version(gobin / binary, package)
        if have == version:
            ctx.out.write(f"go: {binary} {version} present in {gobin}: nothing to do\n")
            continue
        ctx.out.write(f"go: installing {binary} {version} (found {have or 'none'})\n")
        gobin.mkdir(parents=True, exist_ok=True)
        ctx.sh([go_executable(), "install", f"{package}@{version}"], env={"GOBIN": str(gobin)})
        if installed_go_module_version(gobin / binary, package) != version:
            raise BootstrapError(f"{binary} in {gobin} is not {version} after go install")
        acted = True
    return acted


def _lock_digest(repo: Path) -> str:
    return hashlib.sha256((repo / "package-lock.json").read_bytes()).hexdigest()


def step_npm(ctx: Context) -> bool:
    """`npm ci` at the repository root unless node_modules was installed from this exact lock file."""
    if not (ctx.repo / "package.json").exists():
        ctx.out.write("npm: no package.json at the repository root: nothing to do\n")
        return False
    if not (ctx.repo / "package-lock.json").exists():
        raise BootstrapError(
            "package.json without package-lock.json: run `npm install` once and commit the lock"
        )
    stamp = ctx.repo / NPM_STAMP
    digest = _lock_digest(ctx.repo)
    if stamp.exists() and stamp.read_text().strip() == digest:
        ctx.out.write("npm: node_modules matches package-lock.json: nothing to do\n")
        return False
    npm = shutil.which("npm")
    if npm is None:
        raise BootstrapError("no `npm` command: install Node.js 20 with npm (the machine image ships it)")
    ctx.sh([npm, "ci", "--no-audit", "--no-fund"])
    stamp.write_text(digest + "\n")
    return True


def step_engine(ctx: Context) -> bool:
    """Start dockerd when no container engine answers."""
    try:
        return engine.ensure_engine(ctx.out, ctx.repo / ".cache" / "dockerd.log")
    except engine.EngineError as exc:
        raise BootstrapError(str(exc)) from exc


def steps() -> Mapping[str, Callable[[Context], bool]]:
    """The steps in order: apt, each registered language's ``bootstrap`` hook (step named after the
    language), npm, engine. Resolved when run, not on import (a hook may live in this very module)."""
    languages = {spec.name: hook(spec, "bootstrap") for spec in with_hook("bootstrap")}
    return {"apt": step_apt, **{k: v for k, v in languages.items() if v}, "npm": step_npm,
            "engine": step_engine}


def run(argv: Sequence[str], stdin: IO[str], stdout: IO[str], stderr: IO[str]) -> int:
    """Run the selected steps in order; exit 1 with the failing step's message on error."""
    del stdin
    parser = argparse.ArgumentParser(
        prog="python -m l8dev.toolchain.bootstrap", description=(__doc__ or "").splitlines()[0]
    )
    known = steps()
    parser.add_argument(
        "--only", action="append", choices=sorted(known), help="run only this step (repeatable)"
    )
    parser.add_argument("--skip", action="append", choices=sorted(known), default=[], help="skip this step")
    parser.add_argument(
        "--repo", type=Path, default=REPO_ROOT, help="repository root (default: this checkout)"
    )
    args = parser.parse_args(list(argv))
    selected = [name for name in known if (not args.only or name in args.only) and name not in args.skip]
    ctx = Context(repo=args.repo.resolve(), out=stdout)
    acted = []
    for name in selected:
        try:
            if known[name](ctx):
                acted.append(name)
        except BootstrapError as exc:
            stdout.flush()
            stderr.write(f"bootstrap: step {name} failed: {exc}\n")
            return 1
        stdout.flush()
    if acted:
        stdout.write(f"bootstrap: done (changed: {', '.join(acted)})\n")
    else:
        stdout.write("bootstrap: everything already in place: nothing to do\n")
    return 0


def main() -> None:
    sys.exit(run(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))


if __name__ == "__main__":
    main()
