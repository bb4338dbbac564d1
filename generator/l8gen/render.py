"""Stage 4 of the pipeline: language view -> text through Jinja2 (CONTRACTS §7).

``Renderer(language, opts.template_dirs)`` builds one strict environment (StrictUndefined, trim_blocks,
lstrip_blocks, keep_trailing_newline, no autoescape) over ``ChoiceLoader([builtin:<name>, user dirs...,
builtin dir])``:

* ``languages/<language>/templates/`` (or ``templates_dir``) is the built-in tree; it
  mirrors the output tree. ``render_tree`` renders every
  file whose path has no segment starting with a single ``_`` (those are partials/bases; dunder names such as
  ``__init__.py.j2`` are outputs), drops a ``.j2`` suffix and expands ``%name`` placeholders in path
  segments (one output per item of ``expansions[name]``); ``%_`` spells a literal leading underscore
  (``%_client.py.j2`` -> ``_client.py``). A ``.j2`` template that renders to only whitespace is not
  written (an output that exists only when the API has a feature); files without ``.j2`` are written as
  rendered, even empty (``py.typed``). This is the one template walker of every language.
* A user directory holds one tree per language: ``DIR/<language>/...``. There are two, looked up in this
  order before the built-in tree: ``--templates DIR`` (command line / plugin parameter), then the API's
  own templates, ``[tool.l8gen] templates`` (``GenOptions.template_dirs``). A user file shadows the
  built-in file (and a later user tree's file) of the same name; a file that exists only in a user tree is
  a new output. To override one ``{% block %}`` instead of copying a
  whole file, the user file starts with ``{% extends "builtin:<same name>" %}`` and redefines only that block.
* ``shared:<name>`` names a language-neutral template of ``l8gen/shared/`` (e.g. the connection contract's
  test vectors, which every language's tree includes into its own test-data file).
* Template errors (missing, syntax, undefined variable) become ``TemplateError`` naming template and line.
* ``recording()`` captures every render's context for ``l8gen generate --dump-context``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import io
import itertools
import json
import marshal
import os
import pickle
import re
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
import jinja2.bccache
from jinja2.bccache import bc_magic

from l8gen.caches import cache_root, files_below
from l8gen.descriptors import display_path
from l8gen.errors import TemplateError
from l8gen.render_bundle import Bundle, BundleLoader, bundle_key

BUILTIN_ROOT = Path(__file__).parent / "languages"
SHARED_ROOT = Path(__file__).parent / "shared"  # language-neutral: ``{% include "shared:<name>" %}``
_PLACEHOLDER = re.compile(r"%([A-Za-z][A-Za-z0-9_]*)")


def is_partial(rel: str) -> bool:
    """A template path is a partial/base (not an output) when a segment starts with one ``_``; dunder
    segments (``__init__.py.j2``) are outputs, and ``%_`` spells a literal leading underscore."""
    return any(seg.startswith("_") and not seg.startswith("__") for seg in rel.split("/"))


def _comment(text: str, prefix: str) -> str:
    """Prefix every line of ``text`` with ``prefix`` (blank lines get the prefix without trailing space)."""
    return "\n".join((prefix + line) if line else prefix.rstrip() for line in str(text).split("\n"))


class Recorder:
    """Collects {language: {template name: context}} while active (see ``recording``)."""

    def __init__(self) -> None:
        self.contexts: dict[str, dict[str, Mapping[str, Any]]] = {}

    def add(self, language: str, name: str, ctx: Mapping[str, Any]) -> None:
        self.contexts.setdefault(language, {})[name] = dict(ctx)

    def as_json(self) -> Any:
        return to_jsonable(self.contexts)


_RECORDER: ContextVar[Recorder | None] = ContextVar("l8gen_render_recorder", default=None)


@contextlib.contextmanager
def recording() -> Iterator[Recorder]:
    """Record the context of every template rendered inside the ``with`` block."""
    recorder = Recorder()
    token = _RECORDER.set(recorder)
    try:
        yield recorder
    finally:
        _RECORDER.reset(token)


def to_jsonable(value: Any, depth: int = 0) -> Any:
    """Dataclasses, mappings, sequences and scalars as plain JSON data (for ``--dump-context``)."""
    if depth > 40:
        return repr(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, enum.Enum):
        return to_jsonable(value.value, depth + 1)
    if isinstance(value, PurePosixPath | Path):
        return value.as_posix()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_jsonable(getattr(value, f.name), depth + 1)
            for f in dataclasses.fields(value)
            if not f.name.startswith("_")
        }
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [to_jsonable(v, depth + 1) for v in value]
        return sorted(items, key=json.dumps) if isinstance(value, (set, frozenset)) else items
    if hasattr(value, "__dict__"):
        return {k: to_jsonable(v, depth + 1) for k, v in vars(value).items() if not k.startswith("_")}
    return repr(value)


def _template_location(exc: BaseException) -> str:
    """``file:line`` of the innermost template frame of a rendering error ('' if none). Jinja rewrites
    tracebacks so that template frames carry the template's file name and line."""
    where = ""
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and not filename.startswith("<") and Path(filename).is_file():
            where = f"{display_path(Path(filename))}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja2's file-system bytecode cache (its entries, its file format, its writing), reading an entry whole
    and unmarshalling it from bytes. Jinja2's own reading hands the open file to ``marshal.load``, which then
    reads through one method call per object: 4.5-8.8 ms for the 57 templates of a Python-target run, against
    1.4-1.6 ms for ``marshal.loads`` of the same entries."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            data = Path(self.directory, self.pattern % (bucket.key,)).read_bytes()
        except OSError:
            return  # no entry (or none readable): compiled, then written by dump_bytecode
        header = io.BytesIO(data)
        try:
            if header.read(len(bc_magic)) != bc_magic or pickle.load(header) != bucket.checksum:
                bucket.reset()  # another Jinja2 or Python, or an edited template: compiled again
                return
            bucket.code = marshal.loads(memoryview(data)[header.tell():])
        except (EOFError, ValueError, TypeError, pickle.UnpicklingError):  # a damaged entry: compiled again
            bucket.reset()


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept across runs (Jinja2 keys each entry by template name and a checksum of its
    source, so an edited template is compiled again): ``$L8GEN_CACHE_DIR/jinja``, default
    ``~/.cache/l8gen/jinja``; ``L8GEN_CACHE_DIR=off`` disables it. Output does not depend on it."""
    root = cache_root()
    if root is None:
        return None
    directory = root / "jinja"  # entries carry Jinja2's bytecode magic: another version recompiles
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # read-only home: compile in memory as before
    return _BytecodeCache(str(directory))


class Renderer:
    """Jinja2 environment for one target language (see the module docstring)."""

    def __init__(
        self, language: str, user_templates: Path | Sequence[Path] | None = None,
        templates_dir: Path | None = None,
    ) -> None:
        self.language = language
        default = BUILTIN_ROOT / language / "templates"
        self.builtin_dir = templates_dir if templates_dir is not None else default
        roots = [user_templates] if isinstance(user_templates, Path) else list(user_templates or ())
        # user trees in lookup order (``GenOptions.template_dirs``: --templates, then [tool.l8gen] templates)
        self.user_dirs = [root / language for root in roots if (root / language).is_dir()]
        builtin = jinja2.FileSystemLoader(str(self.builtin_dir))
        shared = jinja2.FileSystemLoader(str(SHARED_ROOT))
        prefixed = jinja2.PrefixLoader({"builtin": builtin, "shared": shared}, delimiter=":")
        loaders: list[jinja2.BaseLoader] = [prefixed]
        loaders.extend(jinja2.FileSystemLoader(str(d)) for d in self.user_dirs)
        loaders.append(builtin)
        search: jinja2.BaseLoader = jinja2.ChoiceLoader(loaders)
        bytecode = _bytecode_cache()
        self._bundle: Bundle | None = None
        if bytecode is not None:  # caching on: the search path's templates come precompiled (render_bundle)
            searched = [str(self.builtin_dir), str(SHARED_ROOT), *(str(d) for d in self.user_dirs)]
            self._bundle = Bundle(language, lambda: bundle_key(searched, self.env))
            search = BundleLoader(search, self._bundle)
        self.env = jinja2.Environment(
            loader=search,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,
            bytecode_cache=bytecode,
        )
        self.env.filters["comment"] = _comment
        self.env.filters["json"] = lambda v: json.dumps(v, ensure_ascii=False)

    def render(self, name: str, /, **ctx: Any) -> str:
        """Render template ``name`` (relative to the language tree) with ``ctx``; LF newlines."""
        try:
            return self._render(name, ctx, name)
        finally:
            self._save()

    def _save(self) -> None:
        if self._bundle is not None:
            self._bundle.save()

    def _render(self, name: str, ctx: Mapping[str, Any], record_as: str) -> str:
        recorder = _RECORDER.get()
        if recorder is not None:
            recorder.add(self.language, record_as, ctx)
        try:
            text = self.env.get_template(name).render(**ctx)
        except jinja2.TemplateSyntaxError as exc:
            where = display_path(Path(exc.filename)) if exc.filename else exc.name
            raise TemplateError(f"{where}:{exc.lineno}: {exc.message}") from exc
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(f"{self.language}: template not found: {exc.name}") from exc
        except jinja2.UndefinedError as exc:
            where = _template_location(exc) or name
            raise TemplateError(f"{where}: {exc.message}") from exc
        return text.replace("\r\n", "\n")

    def template_names(self, under: str = "") -> list[str]:
        """Output templates (no ``_`` segment) of the built-in and user trees, sorted, below ``under``."""
        names: set[str] = set()
        prefix = f"{under.strip('/')}/" if under.strip("/") else ""
        for root in (self.builtin_dir, *self.user_dirs):
            base = str(root / under) if under else str(root)
            if os.path.isdir(base):
                names.update(rel for rel, entry in files_below(base, prefix)
                             if entry.is_file() and not is_partial(rel) and not rel.endswith(".pyc"))
        return sorted(names)

    def from_user(self, name: str) -> bool:
        """Whether template ``name`` comes from a user tree (the API's own templates or ``--templates``)."""
        return any((root / name).is_file() for root in self.user_dirs)

    def outputs(
        self, expansions: Mapping[str, Sequence[tuple[str, Any]]] | None = None, under: str = ""
    ) -> dict[str, str]:
        """{output path: template name} of the tree (phase one of ``render_tree``: names, nothing rendered),
        so a template can list its siblings (a CMake source list) through a context variable. An output whose
        template renders to only whitespace is listed here and then not written."""
        return {path: name for path, name, _ in self._plan(expansions or {}, under)}

    def _plan(
        self, expansions: Mapping[str, Sequence[tuple[str, Any]]], under: str
    ) -> list[tuple[str, str, dict[str, Any]]]:
        """(output path, template name, bound placeholder values) of every output, sorted by path."""
        out: dict[str, tuple[str, dict[str, Any]]] = {}
        for name in self.template_names(under):
            placeholders = sorted(set(_PLACEHOLDER.findall(name)))
            missing = [p for p in placeholders if p not in expansions]
            if missing:
                raise TemplateError(f"{self.language}/{name}: no expansion for placeholder %{missing[0]}")
            for combo in itertools.product(*(expansions[p] for p in placeholders)):
                bound = dict(zip(placeholders, combo, strict=True))
                path = _PLACEHOLDER.sub(lambda m, b=bound: b[m.group(1)][0], name)  # type: ignore[misc]
                path = path.replace("%_", "_")
                path = path[:-3] if path.endswith(".j2") else path
                if path in out:
                    raise TemplateError(f"{self.language}/{name}: two templates produce {path}")
                out[path] = (name, {p: value for p, (_, value) in bound.items()})
        return [(path, name, extra) for path, (name, extra) in sorted(out.items())]

    def render_tree(
        self,
        ctx: Mapping[str, Any],
        expansions: Mapping[str, Sequence[tuple[str, Any]]] | None = None,
        under: str = "",
    ) -> dict[str, str]:
        """Render the template tree to {output path: text}.

        ``expansions`` maps a placeholder name to (path text, value) pairs: a template path containing
        ``%service`` is rendered once per pair, with ``%service`` replaced by the path text and the value
        bound as ``service`` in the context (an empty list: no output). Unknown placeholders raise
        ``TemplateError``. A ``.j2`` template that renders to only whitespace is not written: that is how an
        output exists only when the API has a feature (``{% if events %}...{% endif %}`` around the file).
        """
        out: dict[str, str] = {}
        try:
            for path, name, extra in self._plan(expansions or {}, under):
                text = self._render(name, {**ctx, **extra}, path)
                if name.endswith(".j2") and not text.strip():
                    continue  # an output of a feature the API lacks (e.g. no callback service)
                out[path] = text
        finally:
            self._save()  # the templates first loaded from their sources, once for the tree
        return out
