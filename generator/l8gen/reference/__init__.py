"""The polyglot API reference: IR -> docs/reference/{html,md}/ (one more generator output).

Pipeline place: ``reference.target.TARGET`` is registered in ``l8gen.targets.REGISTRY`` as ``reference``
(out_dir ``docs/reference``) so ``l8gen generate`` writes it through ``writer`` with a manifest and
``--check`` covers it. ``reference.model`` turns the IR into pages; ``reference.hooks`` asks each language
for the identifiers of a call (computed by that language's naming/view code) and renders the language's
partial ``templates/<lang>/_reference/call.j2``; ``reference.target`` renders the site from
``reference/templates``. Nothing here knows the name of an RPC.
"""
