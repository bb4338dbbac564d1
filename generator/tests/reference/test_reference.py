"""l8gen.reference: the polyglot API reference (model, per-language call partials, site files, coverage)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from l8gen.config import load_options
from l8gen.descriptors import compile_protos
from l8gen.pipeline import api_from
from l8gen.reference.hooks import LANGUAGES, call_snippets
from l8gen.reference.target import TARGET
from l8gen.targets import REGISTRY
from l8gen.targets.base import GenOptions

from tests.conftest import PROTO_ROOT, REPO, api_of, compile_proto

SHAPES = """syntax = "proto3";
package acme.shop.v1;
// Widget carries a name.
message Widget {
  string widget_name = 1; int64 count = 2; bool fresh = 3; bytes blob = 4; repeated string tags = 5;
}
// Shop sells widgets.
service Shop {
  // Buys one widget <b>now</b>.
  rpc BuyWidget(Widget) returns (Widget);
  // Lists widgets.
  rpc ListWidgets(Widget) returns (stream Widget);
  // Uploads widgets.
  rpc UploadWidgets(stream Widget) returns (Widget);
  // Chats.
  rpc ChatWidgets(stream Widget) returns (stream Widget);
}
"""


def repo_site() -> tuple[dict[str, str], int]:
    opts = load_options(REPO / "pyproject.toml")
    compiled = compile_protos(PROTO_ROOT)
    api = api_from(compiled.fds, compiled.files, opts)
    rpcs = sum(len(s.methods) for s in api.services if s.package not in opts.internal_packages)
    return TARGET.generate(api, compiled.fds, opts), rpcs


def test_reference_is_a_registered_target_writing_docs_reference() -> None:
    assert "reference" in REGISTRY
    assert REGISTRY.out_dir("reference") == "docs/reference"


def test_every_rpc_of_the_api_has_a_page_and_a_call_in_all_four_languages() -> None:
    files, rpcs = repo_site()
    index = json.loads(files["html/search-index.json"])
    assert len(index) == rpcs
    snippets = 0
    for entry in index:
        page = files[f"html/{entry['page']}"]
        sections = re.findall(
            r'<section class="call" id="call-(\w+)"><h3>[^<]*</h3><pre><code[^>]*>(.*?)</code>', page, re.S)
        assert [lang for lang, _ in sections] == list(LANGUAGES), entry["page"]
        snippets += sum(1 for _, code in sections if code.strip())
    md_blocks = sum(len(re.findall(r"^```\w+ reference$", text, re.M))
                    for path, text in files.items() if path.startswith("md/"))
    print(f"reference coverage: {rpcs} RPCs x {len(LANGUAGES)} languages = {snippets} HTML snippets, "
          f"{md_blocks} Markdown blocks")
    assert snippets == md_blocks == rpcs * len(LANGUAGES)


def test_checked_in_reference_matches_the_generator() -> None:
    files, _ = repo_site()
    root = REPO / "docs/reference"
    on_disk = {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
               for p in root.rglob("*") if p.is_file() and p.name != ".l8gen-manifest.json"}
    assert on_disk == files


def test_output_is_deterministic() -> None:
    api = api_of(SHAPES)
    fds = compile_proto(SHAPES)
    assert TARGET.generate(api, fds, GenOptions()) == TARGET.generate(api, fds, GenOptions())


def test_calls_use_each_languages_own_names_for_every_shape() -> None:
    calls = call_snippets(api_of(SHAPES), GenOptions())
    buy = calls["acme.shop.v1.Shop.BuyWidget"]
    value = '"widget-name-1"'  # no example in the comment: made from the field name
    python = f'client.shop.buy_widget(widget_name={value}, count=0, fresh=False, blob=b"hello")'
    assert python in buy["python"]
    assert f"client.shop.buyWidget({{ widgetName: {value}, count: 0n, fresh: false," in buy["node"]
    assert f"client.BuyWidget(ctx, &shopv1.Widget{{WidgetName: {value}, Count: 0, Fresh: false," in buy["go"]
    assert f"request.set_widget_name({value});" in buy["cpp"]
    assert all("..." not in code for call in calls.values() for code in call.values())
    assert "client->shop().BuyWidget(request)" in buy["cpp"]
    assert "for reply in client.shop.list_widgets(" in calls["acme.shop.v1.Shop.ListWidgets"]["python"]
    assert "for await (const reply of client.shop.listWidgets(" in calls["acme.shop.v1.Shop.ListWidgets"][
        "node"]
    assert "slices.Values([]*shopv1.Widget{" in calls["acme.shop.v1.Shop.UploadWidgets"]["go"]
    assert "stream.Write(request);" in calls["acme.shop.v1.Shop.ChatWidgets"]["cpp"]
    assert "tags" not in buy["python"]  # repeated fields are not filled in


EXAMPLES = """syntax = "proto3";
package acme.store.v1;
// Reads a key.
message GetRequest {
  // Name of the `kv` store, e.g. "kv_demo".
  string store_name = 1;
  // Key to read.
  string key = 2;
}
// Writes a key.
message PutRequest {
  // Name of the `kv` store.
  string store_name = 1;
}
// Locks a key.
message LockRequest {
  // Name of the `lock` store (reference runtime: `lock_demo`).
  string store_name = 1;
}
// Unlocks a key.
message UnlockRequest {
  // Name of the `lock` store.
  string store_name = 1;
}
"""


def test_example_values_come_from_the_proto_comments() -> None:
    from l8gen.reference.examples import ExampleValues

    api = api_of(EXAMPLES)
    examples = ExampleValues(api)

    def value(message: str, field: str) -> str:
        msg = api.message(f"acme.store.v1.{message}")
        return examples.string(msg, next(f for f in msg.fields if f.name == field))

    assert value("GetRequest", "store_name") == "kv_demo"  # e.g. "..."
    assert value("LockRequest", "store_name") == "lock_demo"  # (reference runtime: `...`)
    assert value("PutRequest", "store_name") == "kv_demo"  # same field name and kind (`kv`) in the file
    assert value("UnlockRequest", "store_name") == "lock_demo"
    assert value("GetRequest", "key") == "key-1"  # no example anywhere: from the field name


def test_app_services_show_the_handler_to_implement() -> None:
    api = api_of(SHAPES, app_services=("acme.shop.v1.Shop",))
    buy = call_snippets(api, GenOptions(app_services=("acme.shop.v1.Shop",)))["acme.shop.v1.Shop.BuyWidget"]
    assert "def BuyWidget(self, request, context)" in buy["python"]
    assert "func (app) BuyWidget(ctx context.Context, req *shopv1.Widget)" in buy["go"]
    assert "class App final : public ::acme::shop::v1::Shop::Service" in buy["cpp"]


def test_proto_comments_are_html_escaped_and_pages_have_anchors() -> None:
    api = api_of(SHAPES)
    files = TARGET.generate(api, compile_proto(SHAPES), GenOptions())
    page = files["html/acme.shop.v1.Shop.BuyWidget.html"]
    assert '<h1 id="BuyWidget">BuyWidget</h1>' in page
    assert "Buys one widget &lt;b&gt;now&lt;/b&gt;." in page
    assert 'id="request-fields"' in page and "<code>widget_name</code>" in page
    assert '<tr id="BuyWidget">' in files["html/acme.shop.v1.Shop.html"]
    assert "## BuyWidget" in files["md/acme.shop.v1.Shop.md"]


def test_internal_packages_are_left_out() -> None:
    api = api_of(SHAPES, internal_packages=("acme.shop.v1",))
    files = TARGET.generate(api, compile_proto(SHAPES), GenOptions(internal_packages=("acme.shop.v1",)))
    assert json.loads(files["html/search-index.json"]) == []
    assert not any("Shop" in path for path in files)


def test_a_broken_call_partial_is_a_clear_template_error(tmp_path: Path) -> None:
    import pytest
    from l8gen.errors import TemplateError

    (tmp_path / "go" / "_reference").mkdir(parents=True)
    (tmp_path / "go" / "_reference" / "call.j2").write_text("{{ call.no_such_name }}\n")
    with pytest.raises(TemplateError, match="no_such_name"):
        call_snippets(api_of(SHAPES), GenOptions(user_templates=tmp_path))
