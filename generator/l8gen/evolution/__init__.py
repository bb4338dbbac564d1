"""API evolution: classify every proto change, version all SDKs once, write the changelog.

Place: beside the generation pipeline, on the same descriptors and IR. ``l8gen diff`` compares proto/ with a
release record (``proto/releases/v<version>.binpb``, a buf image) or a git ref:

    proto/ --buf build--> image ─┬─ buf breaking (FILE: SDK source contract) ─────────┐
    release/git --------> image ─┤  buf breaking (WIRE_JSON: deployed clients/servers) ├─> classify -> bump
                                 └─ ir.builder on both images -> irdiff (additions, docs)┘
                                                                                        └─> changelog

``l8gen release`` applies the bump to ``[tool.l8gen].version`` (so to every generated package), regenerates,
writes a Keep-a-Changelog section and records the new release image. Modules: ``buf`` (the CLI), ``images``
(release records, image files, git refs), ``irdiff`` (IR comparison), ``classify`` (report + semver, pure),
``diff`` (orchestration), ``changelog``, ``release``, ``commands`` (argparse wiring of the two subcommands).
"""

from __future__ import annotations

from l8gen.errors import L8genError


class EvolutionError(L8genError):
    """A problem with the evolution inputs: missing buf CLI, unknown ref, bad release record or version."""
