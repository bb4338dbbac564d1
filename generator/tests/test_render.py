"""l8gen.render.Renderer: strict Jinja, tree rendering (placeholders, partials), user block overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
from l8gen.errors import TemplateError
from l8gen.render import Renderer, is_partial, recording


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


@pytest.fixture
def builtin(tmp_path: Path) -> Path:
    return _tree(
        tmp_path / "builtin",
        {
            "demo/README.md.j2": (
                "{% block title %}\n# {{ name }}\n{% endblock %}\n\n{% block body %}\nBody.\n{% endblock %}\n"
            ),
            "demo/src/%service/client.py.j2": (
                "{% include '_partials/header.j2' %}class {{ service }}Client: ...\n"
            ),
            "demo/src/%service/__init__.py.j2": "from .client import {{ service }}Client\n",
            "demo/src/%_private.py.j2": "PRIVATE = True\n",
            "demo/_partials/header.j2": "# Generated. DO NOT EDIT.\n",
            "demo/_base.j2": "unused base\n",
            "demo/static.txt": "{{ name }}\n",
        },
    )


def test_render_is_strict_and_keeps_trailing_newline(builtin: Path) -> None:
    renderer = Renderer("demo", None, builtin / "demo")
    assert renderer.render("static.txt", name="x") == "x\n"
    with pytest.raises(TemplateError, match=r"static.txt:1: 'name' is undefined"):
        renderer.render("static.txt")


def test_tree_mirrors_output_with_placeholders_partials_and_dunders(builtin: Path) -> None:
    renderer = Renderer("demo", None, builtin / "demo")
    services = [("Alpha", "Alpha"), ("Beta", "Beta")]
    out = renderer.render_tree({"name": "Demo"}, {"service": services})
    assert sorted(out) == [
        "README.md",
        "src/Alpha/__init__.py",
        "src/Alpha/client.py",
        "src/Beta/__init__.py",
        "src/Beta/client.py",
        "src/_private.py",
        "static.txt",
    ]
    assert out["src/Beta/client.py"] == "# Generated. DO NOT EDIT.\nclass BetaClient: ...\n"


def test_missing_expansion_is_an_error(builtin: Path) -> None:
    with pytest.raises(TemplateError, match="no expansion for placeholder %service"):
        Renderer("demo", None, builtin / "demo").render_tree({"name": "x"})


def test_is_partial() -> None:
    assert is_partial("_partials/x.j2") and is_partial("a/_base.j2")
    assert not is_partial("src/__init__.py.j2") and not is_partial("src/%_private.py.j2")


def test_user_template_overrides_one_block(builtin: Path, tmp_path: Path) -> None:
    user = _tree(
        tmp_path / "user",
        {
            "demo/README.md.j2": (
                '{% extends "builtin:README.md.j2" %}\n{% block body %}\nCustom body.\n{% endblock %}\n'
            ),
        },
    )
    out = Renderer("demo", user, builtin / "demo").render_tree({"name": "Demo"}, {"service": []})
    assert out["README.md"] == "# Demo\n\nCustom body.\n"  # title block still the built-in one
    assert Renderer("demo", None, builtin / "demo").render("README.md.j2", name="Demo") == "# Demo\n\nBody.\n"


def test_user_partial_shadows_builtin_partial(builtin: Path, tmp_path: Path) -> None:
    user = _tree(tmp_path / "user", {"demo/_partials/header.j2": "# Custom header\n"})
    out = Renderer("demo", user, builtin / "demo").render_tree({"name": "x"}, {"service": [("A", "A")]})
    assert out["src/A/client.py"].startswith("# Custom header\n")


def test_template_syntax_error_names_file_and_line(builtin: Path, tmp_path: Path) -> None:
    user = _tree(tmp_path / "user", {"demo/static.txt": "line one\n{% if %}\n"})
    with pytest.raises(TemplateError, match=r"static.txt:2: "):
        Renderer("demo", user, builtin / "demo").render("static.txt", name="x")


def test_recording_captures_contexts(builtin: Path) -> None:
    renderer = Renderer("demo", None, builtin / "demo")
    with recording() as recorder:
        renderer.render_tree({"name": "Demo"}, {"service": [("A", {"svc": 1})]})
    data = recorder.as_json()
    assert data["demo"]["static.txt"] == {"name": "Demo"}
    assert data["demo"]["src/A/client.py"]["service"] == {"svc": 1}
    renderer.render("static.txt", name="after")  # no recorder active: nothing recorded, no error


def test_compiled_templates_are_cached_across_renderers_and_follow_edits(
    builtin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("L8GEN_CACHE_DIR", str(cache))
    assert Renderer("demo", None, builtin / "demo").render("static.txt", name="x") == "x\n"
    entries = sorted((cache / "jinja").iterdir())
    assert len(entries) == 1  # one compiled template stored
    first = entries[0].read_bytes()
    assert Renderer("demo", None, builtin / "demo").render("static.txt", name="y") == "y\n"
    assert entries[0].read_bytes() == first  # a new process/renderer loads it instead of compiling again
    (builtin / "demo/static.txt").write_text("edited {{ name }}\n")
    assert Renderer("demo", None, builtin / "demo").render("static.txt", name="z") == "edited z\n"
    assert entries[0].read_bytes() != first  # the source checksum changed: compiled again and replaced


def test_a_stored_template_is_loaded_not_compiled_and_a_damaged_entry_is_compiled_again(
    builtin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jinja2
    from jinja2.bccache import bc_magic

    monkeypatch.setenv("L8GEN_CACHE_DIR", str(tmp_path / "cache"))
    assert Renderer("demo", None, builtin / "demo").render("static.txt", name="x") == "x\n"
    [entry] = (tmp_path / "cache" / "jinja").iterdir()
    stored = entry.read_bytes()
    real_compile = jinja2.Environment.compile
    with monkeypatch.context() as patch:
        patch.setattr(jinja2.Environment, "compile", lambda *a, **k: pytest.fail("compiled again"))
        assert Renderer("demo", None, builtin / "demo").render("static.txt", name="y") == "y\n"
    compiled: list[str] = []
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, *a, **k: compiled.append("x") or real_compile(self, *a, **k))
    for damaged in (stored[:-5], bc_magic + b"not a pickle", b""):
        entry.write_bytes(damaged)
        assert Renderer("demo", None, builtin / "demo").render("static.txt", name="z") == "z\n"
        assert entry.read_bytes() == stored  # compiled again and stored again
    assert len(compiled) == 3


def test_bytecode_cache_can_be_turned_off(
    builtin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("L8GEN_CACHE_DIR", "off")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert Renderer("demo", None, builtin / "demo").render("static.txt", name="x") == "x\n"
    assert not (tmp_path / "home").exists()
