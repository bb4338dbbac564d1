"""``[tool.l8gen] templates``: the API's own SDK template directory (config -> GenOptions.template_dirs ->
render.Renderer -> pipeline.input_digest), end to end through ``l8gen generate``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from google.protobuf import descriptor_pb2
from l8gen.ir.model import Api
from l8gen.render import Renderer
from l8gen.targets.base import GenOptions

from tests.conftest import cli


class DemoTarget:
    """A real target over a built-in tree of its own (``Renderer(..., templates_dir=...)``) whose files are
    rendered by the one walker, ``render_tree``, with the user trees of the options layered on top."""

    name = "demo"
    out_dir = "sdks/demo"

    def __init__(self, builtin: Path) -> None:
        self.builtin = builtin

    def generate(self, api: Api, fds: descriptor_pb2.FileDescriptorSet, opts: GenOptions) -> dict[str, str]:
        renderer = Renderer("demo", opts.template_dirs, templates_dir=self.builtin)
        services = [(s.name.lower(), s) for s in api.services]
        return renderer.render_tree({"services": api.services}, {"service": services})


@pytest.fixture
def demo(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    from l8gen.targets import REGISTRY

    builtin = workspace / "builtin"
    (builtin / "%service").mkdir(parents=True)
    (builtin / "README.md.j2").write_text(
        "# Demo\n{% block usage %}generic usage\n{% endblock %}{% block more %}{% endblock %}end\n")
    (builtin / "%service/calls.txt.j2").write_text("{% for m in service.methods %}{{ m.name }}\n{% endfor %}")
    api_dir = workspace / "proto" / "sdk-templates" / "demo"
    api_dir.mkdir(parents=True)
    (api_dir / "README.md.j2").write_text(
        '{% extends "builtin:README.md.j2" %}\n'
        "{% block usage %}{% for s in services %}call {{ s.name }}\n{% endfor %}{% endblock %}\n")
    (api_dir / "tests").mkdir()
    (api_dir / "tests/runtime_test.txt.j2").write_text(
        "{% for s in services %}test {{ s.name }}\n{% endfor %}")
    (api_dir / "_consumer").mkdir()
    (api_dir / "_consumer/main.txt").write_text("not an output\n")
    (api_dir / "empty.txt.j2").write_text("{% if services | length > 5 %}many{% endif %}\n")
    config = workspace / "pyproject.toml"
    config.write_text(
        config.read_text().replace("[tool.l8gen]\n", '[tool.l8gen]\ntemplates = "proto/sdk-templates"\n'))
    monkeypatch.chdir(workspace)
    REGISTRY.register(DemoTarget(builtin))
    yield workspace
    REGISTRY.unregister("demo")


def _outputs(root: Path) -> dict[str, str]:
    out = root / "sdks" / "demo"
    return {p.relative_to(out).as_posix(): p.read_text() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def test_api_templates_add_outputs_and_override_blocks(demo: Path) -> None:
    code, _, err = cli("generate", "--target", "demo")
    assert (code, err) == (0, "")
    files = _outputs(demo)
    # a file that exists only in the API's tree is an output; an underscore segment and a template that
    # renders to only whitespace are not
    assert sorted(files) == ["README.md", "greeter/calls.txt", "tests/runtime_test.txt"]
    assert files["tests/runtime_test.txt"] == "test Greeter\n"
    # the block override replaced only its block: the built-in text around it stays
    assert files["README.md"] == "# Demo\ncall Greeter\nend\n"
    assert files["greeter/calls.txt"] == "SayHello\n"


def test_command_line_templates_layer_over_the_api_templates(demo: Path) -> None:
    user = demo / "mine" / "demo"
    (user / "tests").mkdir(parents=True)
    (user / "tests/runtime_test.txt.j2").write_text("mine\n")
    code, _, err = cli("generate", "--target", "demo", "--templates", str(demo / "mine"))
    assert (code, err) == (0, "")
    files = _outputs(demo)
    assert files["tests/runtime_test.txt"] == "mine\n" and files["README.md"] == "# Demo\ncall Greeter\nend\n"


def test_editing_an_api_template_regenerates(demo: Path) -> None:
    assert cli("generate", "--target", "demo")[0] == 0
    code, out, _ = cli("generate", "--target", "demo")
    assert code == 0 and "up to date" in out  # cached: same inputs
    (demo / "proto/sdk-templates/demo/tests/runtime_test.txt.j2").write_text("edited\n")
    code, out, _ = cli("generate", "--target", "demo")
    assert code == 0 and "2 written" in out  # the edited output and the manifest (new input digest)
    assert _outputs(demo)["tests/runtime_test.txt"] == "edited\n"


@pytest.mark.parametrize(
    ("value", "message"),
    [('"nope"', "[tool.l8gen] templates: nope: directory not found"),
     ("3", "[tool.l8gen] templates must be a directory path")],
)
def test_a_bad_templates_key_exits_2_naming_file_and_key(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, value: str, message: str
) -> None:
    text = (workspace / "pyproject.toml").read_text()
    text = text.replace("[tool.l8gen]\n", f"[tool.l8gen]\ntemplates = {value}\n")
    (workspace / "pyproject.toml").write_text(text)
    monkeypatch.chdir(workspace)
    code, _, err = cli("generate", "--target", "python")
    assert code == 2 and "pyproject.toml" in err and message in err


def test_nothing_that_compiles_proto_reads_the_api_templates() -> None:
    from l8gen.descriptors import compile_protos

    from tests.conftest import REPO

    templates = REPO / "proto" / "sdk-templates"
    assert any(templates.rglob("*.j2"))
    compiled = compile_protos(REPO / "proto")
    assert compiled.files and not [f for f in compiled.files if f.startswith("sdk-templates/")]
