"""l8gen.reference.check: the generated site in headless Chromium (Debian's chromium, from bootstrap)."""

from __future__ import annotations

import shutil
from pathlib import Path

from l8gen.reference.check import main, run_check
from l8gen.reference.target import TARGET
from l8gen.targets.base import GenOptions

from tests.conftest import api_of, compile_proto
from tests.reference.test_reference import SHAPES


def write_site(root: Path) -> Path:
    for path, text in TARGET.generate(api_of(SHAPES), compile_proto(SHAPES), GenOptions()).items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root / "html"


def test_site_loads_without_errors_and_search_finds_an_rpc(tmp_path: Path) -> None:
    report = run_check(write_site(tmp_path / "site"), tmp_path / "out", query="ListWidgets")
    assert report.problems == []
    assert (report.rpc_pages, report.snippets) == (4, 16)
    assert report.search_hits == ["ListWidgets"]
    assert report.followed == "ListWidgets"
    assert Path(report.screenshot).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert report.ok


def test_a_script_error_and_a_missing_snippet_fail_the_check(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    page = site / "acme.shop.v1.Shop.BuyWidget.html"
    text = page.read_text(encoding="utf-8")
    text = text.replace('<section class="call" id="call-go">', '<section class="call" id="call-gone">')
    page.write_text(text.replace("</body>", "<script>undefinedFunction();</script></body>"), encoding="utf-8")
    report = run_check(site, tmp_path / "out", query="BuyWidget")
    assert any("undefinedFunction" in p for p in report.problems)
    assert any("call sections" in p for p in report.problems)
    assert not report.ok


def test_search_for_an_unknown_name_fails_and_cli_exits_1(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    assert main(["--site", str(site), "--out", str(tmp_path / "out"), "--query", "NoSuchRpc"]) == 1
    assert main(["--site", str(tmp_path / "missing"), "--out", str(tmp_path / "out")]) == 2
    assert shutil.which("chromium") is not None


def test_search_box_finds_an_rpc_by_any_languages_method_name(tmp_path: Path) -> None:
    from l8gen.reference.browser import Browser
    from l8gen.reference.check import serve

    site = write_site(tmp_path / "site")
    with serve(site) as base, Browser() as browser:
        browser.navigate(base + "index.html")
        found = {query: browser.evaluate(f"window.l8Search({query!r}).map(e => e.rpc)")
                 for query in ("buy_widget", "buyWidget", "chat_widgets", "no_such_method")}
        assert browser.problems == []
    assert found == {"buy_widget": ["BuyWidget"], "buyWidget": ["BuyWidget"], "chat_widgets": ["ChatWidgets"],
                     "no_such_method": []}
