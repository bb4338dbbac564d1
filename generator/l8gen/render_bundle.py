"""Precompiled template trees for ``render``: the compiled templates of one search path, in one cache file.

Pipeline place: ``render.Renderer`` loads its templates through ``BundleLoader``. Jinja2's own loading (a
``FileSystemLoader`` and the bytecode cache) opens, reads and checksums each template's source and then
opens and unmarshals its bytecode entry: two files per template in every run. A bundle holds the code of
every template the renderers of one search path have loaded, under a key made of the stamps of every file of
the trees searched (``caches.tree_key``: stat, not read), Jinja2's version, the interpreter and the
environment's syntax settings. A run whose trees are as they were reads one file and no template source
(the Python target's 46 output templates: 6.0 -> 1.7 ms in a warm process); each template's code is
unmarshalled when it is first loaded, so a renderer that renders one template of the tree pays for that one.

A template the bundle lacks (the first run, or any file of a tree edited, added or removed: the key changes)
is loaded as Jinja2's ``BaseLoader.load`` does (source, bytecode-cache entry, compile only on a miss there)
and the bundle is written again with it (``save``): merged with what the file holds by then, written whole
and renamed. Output never depends on a bundle: its code is what Jinja2 compiles from the same sources. The
files are ``<cache>/templates/<language>-<digest of the key>.bundle`` (``caches.entry_path``; ``off``: no
bundles), ``caches.KEPT`` kept per language.
"""

from __future__ import annotations

import marshal
import os
import sys
import threading
from collections.abc import Callable, MutableMapping, Sequence
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2.bccache import bc_magic

from l8gen.caches import entry_path, read_marshalled, store, tree_key

MAGIC = b"l8gen template bundle 1\n"
_SAVING = threading.Lock()  # two renderers of one search path (two targets' threads) save one file in turn


def _settings(env: jinja2.Environment) -> str:
    """What of ``env`` the compiled code depends on: its syntax and whitespace options, extensions, mode."""
    return repr((env.block_start_string, env.block_end_string, env.variable_start_string,
                 env.variable_end_string, env.comment_start_string, env.comment_end_string,
                 env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
                 env.newline_sequence, env.keep_trailing_newline, sorted(env.extensions), env.optimized,
                 env.autoescape, env.is_async))


def bundle_key(roots: Sequence[str], env: jinja2.Environment) -> str | None:
    """The state of the trees ``roots`` (as the loaders name them, and absolute) and of what compiles them;
    None when a file of them changed in the last ``caches.RACY_NS`` (or a root is not a directory)."""
    parts: list[object] = [MAGIC, bc_magic, jinja2.__version__, sys.version, _settings(env)]
    for root in roots:
        stamps = tree_key(Path(root), None) if os.path.isdir(root) else None
        if stamps is None:
            return None
        parts.append((root, os.path.abspath(root), stamps))
    return repr(parts)


class Bundle:
    """The compiled templates of one search path: read from its file on first use, written by ``save``."""

    def __init__(self, language: str, key: Callable[[], str | None]) -> None:
        self._language, self._key_of = language, key
        self._key: str | None = None
        self._codes: dict[str, bytes] | None = None  # name -> marshalled code; None: not read yet
        self._added = False

    def _path(self) -> Path | None:
        return None if self._key is None else entry_path("templates", self._language, self._key, ".bundle")

    def _head(self) -> bytes:
        return MAGIC + (self._key or "").encode() + b"\0"

    def _read(self) -> dict[str, bytes]:
        codes = read_marshalled(self._path(), self._head())  # another key's file under the digest: None
        ok = isinstance(codes, dict) and all(isinstance(c, bytes) for c in codes.values())
        return codes if ok else {}  # none, or damaged: loaded from the sources and written again

    def code(self, name: str) -> CodeType | None:
        """The compiled template ``name``, if this bundle holds it."""
        if self._codes is None:
            self._key = self._key_of()
            self._codes = self._read()
        blob = self._codes.get(name)
        if blob is None:
            return None
        try:  # unmarshalled on use: a renderer that renders one template reads only that one's code
            code = marshal.loads(blob)
        except (EOFError, ValueError, TypeError):
            return None  # damaged: loaded from the source and written again
        return code if isinstance(code, CodeType) else None

    def add(self, name: str, code: CodeType) -> None:
        """``name`` was loaded from its source: ``save`` writes it into the bundle."""
        if self._codes is None:
            self.code(name)
        assert self._codes is not None
        self._codes[name] = marshal.dumps(code)
        self._added = True

    def save(self) -> None:
        """Write the bundle if templates were added (merged with the file's templates, written whole)."""
        if not self._added or self._codes is None:
            return
        self._added = False
        path = self._path()
        if path is None:
            return
        with _SAVING:
            codes = {**self._read(), **self._codes}
            store(path, self._head() + marshal.dumps(dict(sorted(codes.items()))), family=self._language)


class BundleLoader(jinja2.BaseLoader):
    """``inner`` (the renderer's search path) with the templates of ``bundle`` loaded from it first."""

    def __init__(self, inner: jinja2.BaseLoader, bundle: Bundle) -> None:
        self.inner, self.bundle = inner, bundle

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Any]:
        return self.inner.get_source(environment, template)

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()

    def load(
        self, environment: jinja2.Environment, name: str, globals: MutableMapping[str, Any] | None = None
    ) -> jinja2.Template:
        code = self.bundle.code(name)
        uptodate = None  # a bundled template is as current as the key read at the run's first load
        if code is None:  # Jinja2's BaseLoader.load: the source, then its bytecode-cache entry or a compile
            source, filename, uptodate = self.inner.get_source(environment, name)
            cache = environment.bytecode_cache
            bucket = cache.get_bucket(environment, name, filename, source) if cache is not None else None
            code = bucket.code if bucket is not None else None
            if code is None:
                code = environment.compile(source, name, filename)
                if cache is not None and bucket is not None:
                    bucket.code = code
                    cache.set_bucket(bucket)
            self.bundle.add(name, code)
        # ``globals``: what Environment._load_template made (make_globals), as BaseLoader.load takes it
        return environment.template_class.from_code(environment, code, globals if globals is not None else {},
                                                    uptodate)
