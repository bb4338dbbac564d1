"""The Go target's pinned protoc plugins (protoc-gen-go, protoc-gen-go-grpc) and how to find them.

Pipeline place: stage 4 of the Go target (``stubs.py`` runs these plugins). The repository's bootstrap
(``l8dev.toolchain.bootstrap``) installs exactly these versions into ``.cache/bin``; the generator only
reads the pins and checks the binary it finds, so it needs no dev tooling.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

GO_PLUGINS: Mapping[str, tuple[str, str]] = {
    "protoc-gen-go": ("google.golang.org/protobuf/cmd/protoc-gen-go", "v1.36.12"),
    "protoc-gen-go-grpc": ("google.golang.org/grpc/cmd/protoc-gen-go-grpc", "v1.6.2"),
}
# Where the repository's bootstrap installs them (a checkout: generator/l8gen/languages/go -> repo root).
GOBIN = Path(__file__).resolve().parents[4] / ".cache" / "bin"


def installed_go_module_version(binary: Path, module_path: str) -> str | None:
    """Version of the main module built into `binary` per `go version -m`, None when absent/unreadable."""
    go = shutil.which("go")
    if not binary.exists() or go is None:
        return None
    proc = subprocess.run([go, "version", "-m", str(binary)], capture_output=True, text=True, check=False)
    for line in proc.stdout.splitlines():
        parts = line.strip().split("\t")
        if len(parts) >= 3 and parts[0] == "mod" and module_path.startswith(parts[1]):
            return parts[2]
    return None
