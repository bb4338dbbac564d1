"""l8gen.config: [tool.l8gen] -> GenOptions."""

from __future__ import annotations

from pathlib import Path

import pytest
from l8gen.config import load_options
from l8gen.errors import ConfigError
from l8gen.languages import discover

from tests.conftest import REPO, cli


def test_root_pyproject_is_read() -> None:
    opts = load_options(REPO / "pyproject.toml")
    assert opts.option("python", "package") == "l8sdk" and opts.option("cpp", "namespace") == "l8"
    assert opts.app_services == ("spec.proto.runtime.v1.AppCallback",)
    assert opts.internal_packages == ("l8.control.v1",)


def test_overrides_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.l8gen]\n[tool.l8gen.go.overrides]\n"a.B.c" = "C2"\n')
    opts = load_options(path, tmp_path)
    assert opts.overrides_for("go") == {"a.B.c": "C2"} and opts.overrides_for("python") == {}
    assert opts.version == "0.1.0" and opts.user_templates == tmp_path
    assert load_options(tmp_path / "missing.toml").option("python", "package") == "l8sdk"
    assert opts.languages["go"] == {"module": "github.com/l8sdk/l8sdk-go"}  # the declared default


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[tool.l8gen]\nversion = 1\n", "version must be a string"),
        ("[tool.l8gen]\napp_services = 'x'\n", "app_services must be a list of strings"),
        ("[tool.l8gen.go]\noverrides = { x = 1 }\n", r"\[tool.l8gen.go.overrides\] must map proto full"),
        ("[tool.l8gen\n", "pyproject.toml"),
        ("[tool.l8gen.python]\npkg = 'x'\n", r"python\] has no option 'pkg' \(known: package, overrides\)"),
        ("[tool.l8gen.python]\npackage = 'a-b'\n", r"\[tool.l8gen.python\] package = 'a-b' is not valid"),
        ("[tool.l8gen.cpp]\nnamespace = 3\n", r"\[tool.l8gen.cpp\] namespace must be a string"),
        ("[tool.l8gen.go]\nmodule = '/x'\n", r"\[tool.l8gen.go\] module = '/x' is not valid"),
        ("[tool.l8gen]\nnode = 'x'\n", r"\[tool.l8gen.node\] must be a table"),
        ("[tool.l8gen]\npython_package = 'x'\n", r"python_package moved to \[tool.l8gen.python\] package"),
        ("[tool.l8gen.overrides.go]\n'a.B' = 'C'\n", r"overrides moved to \[tool.l8gen.<language>.overr"),
        ("[tool.l8gen.typescript]\npackage = 'x'\n", r"typescript moved to \[tool.l8gen.node\]"),
    ],
)
def test_bad_config(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_options(path)


def test_a_bad_language_option_exits_2_naming_file_and_key(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (workspace / "pyproject.toml").write_text('[tool.l8gen.node]\npackage = "Not An NPM Name"\n')
    monkeypatch.chdir(workspace)
    code, out, err = cli("generate", "--target", "node", "--check")
    assert (code, out) == (2, "")
    assert "pyproject.toml: [tool.l8gen.node] package = 'Not An NPM Name' is not valid" in err


def test_each_language_declares_the_options_its_target_reads() -> None:
    declared = {name: sorted(spec.options) for name, spec in discover().items()}
    assert declared == {"python": ["package"], "node": ["package"], "go": ["module"], "cpp": ["namespace"]}
