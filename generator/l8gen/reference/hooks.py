"""Per-language call snippets of the API reference: the hook surface a language provides.

Pipeline place: ``reference.model`` calls ``call_snippets(api, opts)``; for every language in ``HOOKS`` the
hook computes a ``CallIdents`` per RPC (names come from the language's naming module / view, never from a
template), then the language's partial ``templates/<lang>/_reference/call.j2`` renders it with ``call`` bound.

A language joins the reference with two things, both in its folder (the ``Language`` interface):

1. ``[reference]`` in its language.toml: ``label`` (column title), ``fence`` (code fence language) and
   ``calls``, a ``"module:function"`` ``(api, opts) -> {method full name: CallIdents}`` (the built-ins' are
   in ``reference.languages``);
2. the partial ``_reference/call.j2`` in its template tree (context: ``call`` = ``CallIdents``).

The columns follow the registry's order (``l8gen.languages.discover``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from l8gen.ir.model import Api
from l8gen.languages import discover, resolve
from l8gen.reference.idents import Arg, CallIdents
from l8gen.targets.base import GenOptions

__all__ = ["Arg", "CallIdents", "LanguageHook"]


LanguageHook = Callable[[Api, GenOptions], Mapping[str, CallIdents]]
_SPECS = {name: spec for name, spec in discover().items() if spec.reference is not None}
LANGUAGES = tuple(_SPECS)  # column order in the reference
LABELS = {name: spec.reference["label"] for name, spec in _SPECS.items() if spec.reference}
FENCES = {name: spec.reference["fence"] for name, spec in _SPECS.items() if spec.reference}


def hooks() -> dict[str, LanguageHook]:
    """The languages' calls hooks (imported lazily: the views pull in the language modules)."""
    return {name: resolve(spec, spec.reference["calls"]) for name, spec in _SPECS.items() if spec.reference}


def rendered_calls(api: Api, opts: GenOptions) -> dict[str, dict[str, tuple[str, str]]]:
    """{method full name: {language: (snippet text, SDK method name)}} for every RPC and hooked language."""
    from l8gen.render import Renderer

    out: dict[str, dict[str, tuple[str, str]]] = {}
    for language, hook in hooks().items():
        renderer = Renderer(language, opts.template_dirs)
        for full_name, call in sorted(hook(api, opts).items()):
            text = renderer.render("_reference/call.j2", call=call).strip("\n")
            out.setdefault(full_name, {})[language] = (text, call.method)
    return out


def call_snippets(api: Api, opts: GenOptions) -> dict[str, dict[str, str]]:
    """{method full name: {language: snippet text}} (``rendered_calls`` without the method names)."""
    return {name: {lang: text for lang, (text, _) in calls.items()}
            for name, calls in rendered_calls(api, opts).items()}
