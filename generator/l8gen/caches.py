"""l8gen's cache directory, and answers remembered across runs under a key of what they depend on.

Pipeline place: an edge helper for five costs every run would otherwise pay again (~45 ms of a ~0.35 s
``l8gen generate --target python``): the generator fingerprint and the digest of each user template tree
(``pipeline``: hashing their files, ~260 and ~40), where l8gen's protoc is installed (``descriptors``), the
``l8gen.languages`` entry points (``languages``) and the tables of the TOML files a run reads
(``languages.read_toml``, keyed by the file's stamp); the second and third read ``importlib.metadata``,
whose import alone is ~16 ms. Output never depends on a cache:
a remembered answer is used only when its key matches exactly, and a missing or unreadable entry is
computed again. The directory is ``$L8GEN_CACHE_DIR``, default ``~/.cache/l8gen``; ``L8GEN_CACHE_DIR=off``
disables every cache (this one, the Jinja2 bytecode cache of ``render`` and its template bundles,
``render_bundle``, and the compiled ``__init__`` code of ``records``). They share the file helpers here:
``entry_path`` names a keyed file, ``store`` writes one whole (``atomic_write``, which ``writer`` uses too)
and keeps the ``KEPT`` newest of its name, ``read_marshalled`` reads a ``marshal`` file behind its header.

Keys are made of file-system stamps (path, size, modification and change times, inode): ``tree_key`` of
the files of a directory, ``environment_key`` of the interpreter and every ``sys.path`` entry (installing or
removing a distribution adds or removes a directory there, which changes that entry's stamp). As git does
with "racily clean" files, a stamp younger than ``RACY_NS`` is not trusted: a file rewritten within one
clock tick can keep its stamp, so such a key is None and the answer is computed, not remembered. Entries are
JSON files ``remembered/<name>-<digest of the key>.json`` holding the key and the value.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any


def cache_root() -> Path | None:
    """The cache directory, or None when caching is off."""
    root = os.environ.get("L8GEN_CACHE_DIR") or str(Path.home() / ".cache" / "l8gen")
    return None if root == "off" else Path(root)


RACY_NS = 2_000_000_000  # a stamp this recent may not show a change made within the same clock tick


class _Racy(Exception):
    pass


def _stamp(path: str, now: int) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    if now - st.st_ctime_ns < RACY_NS:  # as git's "racily clean" entries: not trusted, not remembered
        raise _Racy(path)
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def settled_stamp(path: Path) -> tuple[int, int, int, int] | None:
    """The stamp of ``path``, or None when it is missing or changed in the last ``RACY_NS``."""
    try:
        return _stamp(str(path), time.time_ns())
    except _Racy:
        return None


def environment_key() -> str | None:
    """The interpreter and the stamp of every ``sys.path`` entry (what ``importlib.metadata`` searches);
    None when one of them changed in the last ``RACY_NS``."""
    now = time.time_ns()
    parts: list[object] = [sys.executable, sys.version]
    try:
        parts += [(entry, _stamp(entry or ".", now)) for entry in sys.path]
    except _Racy:
        return None
    return repr(parts)


def files_below(root: str, prefix: str = "") -> Iterator[tuple[str, os.DirEntry[str]]]:
    """(``prefix`` + POSIX path below ``root``, entry) of everything below ``root`` that is not a directory,
    in path order, outside ``__pycache__``; links to directories are not followed (as ``os.walk`` and
    ``Path.rglob``). The one walk of the generator's trees: stamps, digests, template names."""
    with os.scandir(root) as found:
        entries = sorted(found, key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir():
            if entry.name != "__pycache__" and not entry.is_symlink():
                yield from files_below(entry.path, f"{prefix}{entry.name}/")
        else:
            yield prefix + entry.name, entry


def tree_key(root: Path, suffixes: Iterable[str] | None) -> str | None:
    """The stamp of every file below ``root`` whose suffix is in ``suffixes`` (``""``: no suffix; None: every
    file), outside ``__pycache__``, in path order; None when one of them changed in the last ``RACY_NS``."""
    wanted, now = None if suffixes is None else set(suffixes), time.time_ns()
    try:
        return repr([(rel, _stamp(entry.path, now)) for rel, entry in files_below(str(root))
                     if wanted is None or os.path.splitext(entry.name)[1] in wanted])
    except _Racy:
        return None


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` (created with mode 0666, so the umask applies as to
    any new file), then rename it over ``path``: a reader never sees a half-written file. Plain ``os`` calls
    on the descriptor (no file object: ~14 vs ~23 us a file)."""
    directory, name = os.path.split(path)
    tmp = os.path.join(directory, f".{name}.{os.getpid()}.l8gen-tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
    try:
        fd = os.open(tmp, flags, 0o666)
    except FileExistsError:  # left by a killed run of a process with the same pid
        os.unlink(tmp)
        fd = os.open(tmp, flags, 0o666)
    try:
        try:
            view = memoryview(data)
            while view:  # os.write may write less than asked
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


KEPT = 8  # entries kept per name: e.g. the console script and ``python -m`` differ in ``sys.path[0]``


def entry_path(directory: str, name: str, key: str, suffix: str) -> Path | None:
    """``<cache>/<directory>/<name>-<24 hex digits of key's digest><suffix>``; None when caching is off."""
    root = cache_root()
    if root is None:
        return None
    return root / directory / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:24]}{suffix}"


def read_marshalled(path: Path | None, head: bytes) -> Any:
    """The ``marshal``-ed value after ``head`` in ``path``; None when there is no such file, or it starts
    otherwise (another key, version or interpreter) or is damaged: the caller computes and stores again."""
    if path is None:
        return None
    try:
        data = path.read_bytes()
        return marshal.loads(memoryview(data)[len(head):]) if data.startswith(head) else None
    except (OSError, EOFError, ValueError, TypeError):
        return None


def store(path: Path, data: bytes, family: str | None = None) -> None:
    """Write a cache file whole (``atomic_write``), creating its directory; ``family``: then keep only the
    ``KEPT`` newest files of that ``entry_path`` name in the directory. A cache that cannot be written (a
    read-only home) is not an error: the answer is computed every time, as without the cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
        if family is not None:
            _prune(path.parent, family, path.suffix)
    except OSError:
        pass


def remembered(name: str, key: str | None, compute: Callable[[], Any]) -> Any:
    """``compute()``'s value, kept as JSON in the cache under ``name`` and ``key``: a later call with the same
    key reads it instead. The ``KEPT`` most recent keys of a name are kept. ``key`` None: just computed."""
    path = entry_path("remembered", name, key, ".json") if key is not None else None
    if path is None:
        return compute()
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(entry, dict) and entry.get("key") == key and "value" in entry:
            return entry["value"]
    except (OSError, ValueError):
        pass
    value = compute()
    try:
        text = json.dumps({"key": key, "value": value})
    except (TypeError, ValueError):  # a value JSON cannot hold (e.g. a date): computed every time
        return value
    store(path, text.encode("utf-8"), family=name)  # processes side by side never read half an entry
    return value


def _prune(directory: Path, name: str, suffix: str) -> None:
    def age(path: Path) -> int:
        try:
            return path.stat().st_mtime_ns
        except OSError:  # removed meanwhile by another process
            return 0

    # the digest's 24 characters: the family "go" does not count the files of a family "go-x"
    entries = sorted(directory.glob(f"{name}-{'?' * 24}{suffix}"), key=age, reverse=True)
    for old in entries[KEPT:]:
        old.unlink(missing_ok=True)
