"""The reference site's browser check: load every page in headless Chromium, search, count, screenshot.

Place: CI step ``nox -s docs`` (after ``l8gen generate --check`` keeps docs/reference/ current). Serves
``docs/reference/html`` over HTTP on loopback (``http.server`` in a thread), opens every page through
``reference.browser`` and fails on any console error, uncaught exception or failed load; types an RPC name
into the search box and follows the first result; counts the call snippets (every RPC page must show one per
language) and saves a screenshot of the search. Prints one summary line; writes ``report.json`` beside the
screenshot. Usage: ``python -m l8gen.reference.check [--site DIR] [--out DIR] [--query NAME]``.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from l8gen.reference.browser import Browser, BrowserError
from l8gen.reference.hooks import LANGUAGES


@dataclass
class Report:
    pages: int = 0
    rpc_pages: int = 0
    snippets: int = 0  # non-empty call snippets found on RPC pages
    languages: int = len(LANGUAGES)
    query: str = ""
    search_hits: list[str] = field(default_factory=list)
    followed: str = ""
    problems: list[str] = field(default_factory=list)
    screenshot: str = ""

    @property
    def ok(self) -> bool:
        return (not self.problems and self.rpc_pages > 0 and self.snippets == self.rpc_pages * self.languages
                and bool(self.search_hits) and bool(self.followed))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        del format, args


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 (any free port); yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _rpc_pages(site: Path) -> list[str]:
    index = json.loads((site / "search-index.json").read_text(encoding="utf-8"))
    return sorted(str(entry["page"]) for entry in index)


def _first_rpc(site: Path) -> str:
    """The RPC name of the search index's first entry (the default query)."""
    index = json.loads((site / "search-index.json").read_text(encoding="utf-8"))
    return str(index[0]["rpc"]) if index else ""


def run_check(site: Path, out: Path, query: str = "") -> Report:
    """Check the site in ``site`` (the html/ directory); screenshot and report go to ``out``. ``query``
    (default: the first RPC of the search index) is typed into the search box."""
    query = query or _first_rpc(site)
    report = Report(query=query)
    rpc_pages = set(_rpc_pages(site))
    pages = sorted(p.name for p in site.glob("*.html"))
    with serve(site) as base, Browser() as browser:
        for page in pages:
            browser.navigate(base + page)
            report.pages += 1
            if page in rpc_pages:
                report.rpc_pages += 1
                codes = browser.evaluate(
                    "Array.from(document.querySelectorAll('section.call pre code')).map(c => c.textContent)")
                langs = browser.evaluate(
                    "Array.from(document.querySelectorAll('section.call')).map(s => s.id.slice(5))")
                if langs != list(LANGUAGES):
                    browser.problems.append(f"{page}: call sections {langs}, expected {list(LANGUAGES)}")
                report.snippets += sum(1 for c in codes or [] if str(c).strip())
        browser.navigate(base + "index.html")
        browser.evaluate(
            "(() => { const i = document.getElementById('search'); i.focus();"
            f" i.value = {json.dumps(query)}; i.dispatchEvent(new Event('input')); }})()")
        report.search_hits = browser.evaluate(
            "Array.from(document.querySelectorAll('#results li a')).map(a => a.textContent)") or []
        report.screenshot = str(browser.screenshot(out / "reference-search.png"))
        if query in report.search_hits:
            browser.send("Runtime.evaluate", wait_event="Page.loadEventFired", expression=(
                f"Array.from(document.querySelectorAll('#results li a')).find(a => a.textContent === "
                f"{json.dumps(query)}).click()"))
            heading = browser.evaluate("document.querySelector('h1') && document.querySelector('h1').id")
            report.followed = str(heading or "")
            if heading != query:
                browser.problems.append(f"search result for {query!r} opened a page headed {heading!r}")
        else:
            browser.problems.append(f"search for {query!r} found {report.search_hits}")
        report.problems = list(browser.problems)
    if report.snippets != report.rpc_pages * report.languages:
        report.problems.append(f"{report.snippets} call snippets on {report.rpc_pages} RPC pages, expected "
                               f"{report.rpc_pages * report.languages}")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m l8gen.reference.check", description=__doc__)
    parser.add_argument("--site", type=Path, default=Path("docs/reference/html"))
    parser.add_argument("--out", type=Path, default=Path(".cache/ci"))
    parser.add_argument("--query", default="", help="RPC name to search for (default: the first RPC)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"reference check: {args.site}/index.html not found (run `l8gen generate`)", file=sys.stderr)
        return 2
    try:
        report = run_check(args.site, args.out, args.query)
    except BrowserError as exc:
        print(f"reference check: {exc}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "reference-report.json").write_text(json.dumps(asdict(report), indent=2) + "\n")
    for problem in report.problems:
        print(f"reference check: {problem}", file=sys.stderr)
    print(f"reference check: {report.pages} pages loaded, {report.rpc_pages} RPCs x {report.languages} "
          f"languages = {report.snippets} call snippets, search {report.query!r} -> "
          f"{len(report.search_hits)} hits, {len(report.problems)} problems, screenshot {report.screenshot}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
