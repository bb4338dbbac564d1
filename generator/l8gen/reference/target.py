"""The ``reference`` target: IR -> docs/reference/html/ (static site) and docs/reference/md/ (GitHub).

Pipeline place: registered in ``l8gen.targets.REGISTRY``; ``generate(api, fds, opts)`` returns {path: text}
relative to ``docs/reference`` and the CLI writes it through ``writer`` (manifest, ``--check``). The site:
``html/index.html`` (services, search box), one page per service and per RPC, ``html/errors.html``,
``html/search-index.json`` (the index) + ``html/search-index.js`` (the same data for file:// pages),
``html/search.js`` and ``html/style.css`` (static, from ``templates/html/static``); ``md/`` has the same
pages in Markdown. Deterministic: sorted, no timestamps.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from google.protobuf import descriptor_pb2

from l8gen.ir.model import Api
from l8gen.targets.base import GenOptions, sorted_files

if TYPE_CHECKING:
    import jinja2

TEMPLATES = Path(__file__).parent / "templates"


def _env(autoescape: bool) -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), undefined=jinja2.StrictUndefined, trim_blocks=True,
        lstrip_blocks=True, keep_trailing_newline=True, autoescape=autoescape,
    )
    env.filters["mdcell"] = lambda text: str(text).replace("|", "\\|").replace("\n", " ")
    return env


class ReferenceTarget:
    """The reference as a ``Target`` (CONTRACTS §7)."""

    name: str = "reference"
    out_dir: str = "docs/reference"

    def generate(self, api: Api, fds: descriptor_pb2.FileDescriptorSet, opts: GenOptions) -> dict[str, str]:
        del fds
        from l8gen.errors import TemplateError
        from l8gen.reference.hooks import rendered_calls
        from l8gen.reference.model import build_site, search_index

        try:
            site = build_site(api, opts, rendered_calls(api, opts))
        except ValueError as exc:
            raise TemplateError(f"reference: {exc}") from exc
        html, md = _env(True), _env(False)
        index = search_index(site)
        data = json.dumps(index, indent=1, sort_keys=True, ensure_ascii=False)
        out = {
            "html/index.html": html.get_template("html/index.html.j2").render(site=site),
            "html/errors.html": html.get_template("html/errors.html.j2").render(site=site),
            "html/search-index.json": data + "\n",
            "html/search-index.js": f"window.L8_SEARCH_INDEX = {data};\n",
            "md/README.md": md.get_template("md/index.md.j2").render(site=site),
            "md/errors.md": md.get_template("md/errors.md.j2").render(site=site),
        }
        for static in sorted((TEMPLATES / "html" / "static").iterdir()):
            out[f"html/{static.name}"] = static.read_text(encoding="utf-8")
        for service in site.services:
            out[f"html/{service.file}.html"] = html.get_template("html/service.html.j2").render(
                site=site, service=service)
            out[f"md/{service.file}.md"] = md.get_template("md/service.md.j2").render(
                site=site, service=service)
            for rpc in service.rpcs:
                out[f"html/{rpc.file}.html"] = html.get_template("html/rpc.html.j2").render(
                    site=site, service=service, rpc=rpc)
        return sorted_files(out)


TARGET = ReferenceTarget()
