"""l8gen.render_bundle: while its trees are unchanged, a renderer loads its templates from one file."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import jinja2
import pytest
from l8gen import caches, render_bundle
from l8gen.errors import TemplateError
from l8gen.render import Renderer

TREE = {
    "page.txt.j2": "{% include '_part.j2' %}{{ name }}\n",
    "_part.j2": "part: ",
    "other.txt.j2": "other {{ name }}\n",
}


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("L8GEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(caches, "RACY_NS", 0)  # templates written a moment ago still get a key
    root = tmp_path / "demo"
    root.mkdir()
    for name, text in TREE.items():
        (root / name).write_text(text)
    return root


def _bundles(tmp_path: Path) -> list[Path]:
    directory = tmp_path / "cache" / "templates"
    return sorted(directory.glob("*.bundle")) if directory.is_dir() else []


def _names_of(data: bytes) -> set[str]:
    return set(marshal.loads(data[data.index(b"\0") + 1:]))


def _names(bundle: Path) -> set[str]:
    return _names_of(bundle.read_bytes())


def _sources_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jinja2.FileSystemLoader, "get_source", lambda *a: pytest.fail("source read"))


def test_a_later_renderer_of_the_same_trees_reads_no_template_source(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Renderer("demo", None, tree).render("page.txt.j2", name="x") == "part: x\n"
    [bundle] = _bundles(tmp_path)
    assert bundle.name.startswith("demo-")
    with monkeypatch.context() as patch:
        _sources_not_read(patch)
        patch.setattr(jinja2.Environment, "compile", lambda *a, **k: pytest.fail("compiled"))
        assert Renderer("demo", None, tree).render("page.txt.j2", name="y") == "part: y\n"


def test_an_edited_template_is_rendered_as_edited_and_bundled_again(tree: Path, tmp_path: Path) -> None:
    assert Renderer("demo", None, tree).render("page.txt.j2", name="x") == "part: x\n"
    (tree / "_part.j2").write_text("edited part: ")
    assert Renderer("demo", None, tree).render("page.txt.j2", name="x") == "edited part: x\n"
    assert len(_bundles(tmp_path)) == 2  # a bundle per state of the tree (caches.KEPT kept)
    assert Renderer("demo", None, tree).render("page.txt.j2", name="x") == "edited part: x\n"


def test_a_new_file_in_a_tree_changes_the_key(tree: Path, tmp_path: Path) -> None:
    Renderer("demo", None, tree).render("page.txt.j2", name="x")
    (tree / "new.txt").write_text("new\n")
    Renderer("demo", None, tree).render("page.txt.j2", name="x")
    assert len(_bundles(tmp_path)) == 2


def test_bundles_merge_what_renderers_of_one_search_path_loaded(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = Renderer("demo", None, tree), Renderer("demo", None, tree)
    first.env.get_template("page.txt.j2")  # loaded (the bundle file read: none yet), not saved yet
    second.render("other.txt.j2", name="x")  # reads the file before ``first`` writes: saves only its own
    first.render("page.txt.j2", name="x")  # saves: merged with what ``second`` wrote
    assert _names(_bundles(tmp_path)[0]) == {"page.txt.j2", "_part.j2", "other.txt.j2"}
    with monkeypatch.context() as patch:
        _sources_not_read(patch)
        out = Renderer("demo", None, tree).render_tree({"name": "z"})
    assert out == {"page.txt": "part: z\n", "other.txt": "other z\n"}


def test_a_damaged_bundle_is_loaded_from_the_sources_and_written_again(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Renderer("demo", None, tree).render_tree({"name": "x"})
    [bundle] = _bundles(tmp_path)
    whole = bundle.read_bytes()
    head = whole[:whole.index(b"\0") + 1]
    garbled = head + marshal.dumps({**marshal.loads(whole[len(head):]), "page.txt.j2": b"not code"})
    for damaged in (whole[:-7], render_bundle.MAGIC + b"another key\0", b"", whole[:40], garbled):
        bundle.write_bytes(damaged)
        assert Renderer("demo", None, tree).render_tree({"name": "y"}) == {
            "page.txt": "part: y\n", "other.txt": "other y\n"}
        assert _names(bundle) == _names_of(whole) == {"page.txt.j2", "_part.j2", "other.txt.j2"}
        with monkeypatch.context() as patch:
            _sources_not_read(patch)
            assert Renderer("demo", None, tree).render_tree({"name": "z"})["page.txt"] == "part: z\n"


def test_a_moved_tree_is_not_served_the_code_compiled_at_its_old_place(tree: Path, tmp_path: Path) -> None:
    """Compiled code names its template file, which error messages show: a moved tree (same files, same
    stamps) gets its own bundle, so an error names the file where it is now."""
    Renderer("demo", None, tree).render("page.txt.j2", name="x")
    moved = tmp_path / "moved"
    tree.rename(moved)
    where = re.escape(str(moved / "page.txt.j2"))
    with pytest.raises(TemplateError, match=rf"^{where}:1: 'name' is undefined"):
        Renderer("demo", None, moved).render("page.txt.j2")
    assert len(_bundles(tmp_path)) == 2


def test_a_tree_edited_a_moment_ago_gets_no_bundle(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(caches, "RACY_NS", 10**18)  # every stamp is "just changed": no key to trust
    assert Renderer("demo", None, tree).render("page.txt.j2", name="x") == "part: x\n"
    assert _bundles(tmp_path) == []


def test_no_bundle_when_caching_is_off(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("L8GEN_CACHE_DIR", "off")
    assert Renderer("demo", None, tree).render("page.txt.j2", name="x") == "part: x\n"
    assert not (tmp_path / "cache").exists()
