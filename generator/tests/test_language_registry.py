"""l8gen.languages: a language added from a folder outside the generator package, without editing any other
file, generates (with its own validated options), gets nox sessions, is in the compat, bootstrap and publish
loops' language lists, and its dev hooks run in those loops (bootstrap step, publish build).

This follows docs/ARCHITECTURE.md "How to add a language" with the toy language in fixtures/toy_language.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from l8gen.errors import ConfigError
from l8gen.languages import discover, load_spec
from l8gen.languages.interface import Language
from l8gen.targets import REGISTRY, Target

from tests.conftest import cli

REPO = Path(__file__).resolve().parents[2]
TOY = Path(__file__).resolve().parent / "fixtures" / "toy_language"


@pytest.fixture
def toy_repo(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The scratch repo with the toy language registered through ``[tool.l8gen] languages``."""
    (workspace / "pyproject.toml").write_text(
        f'[tool.l8gen]\nversion = "1.2.3"\nlanguages = ["{TOY}"]\n'
        '[tool.l8gen.json-summary]\ntitle = "Demo API"\n'
    )
    monkeypatch.chdir(workspace)
    yield workspace
    REGISTRY.use_config(None)


def test_toy_language_generates_from_the_api(toy_repo: Path) -> None:
    code, out, err = cli("generate", "--target", "json-summary")
    assert (code, err) == (0, ""), err
    assert out == "sdks/json-summary: 2 written, 0 removed, 0 unchanged\n"  # summary.json + manifest
    summary = json.loads((toy_repo / "sdks/json-summary/summary.json").read_text())
    assert summary == {"title": "Demo API", "version": "1.2.3",
                       "services": [{"name": "demo.v1.Greeter", "rpcs": ["SayHello"]}]}
    code, _, err = cli("generate", "--target", "json-summary", "--check")
    assert code == 0 and "sdks/json-summary: up to date" in err


def test_toy_language_options_are_validated_by_the_language(toy_repo: Path) -> None:
    config = toy_repo / "pyproject.toml"
    config.write_text(config.read_text().replace('title = "Demo API"', 'titel = "Demo API"'))
    code, out, err = cli("generate", "--target", "json-summary")
    assert (code, out) == (2, "")
    assert "pyproject.toml: [tool.l8gen.json-summary] has no option 'titel' (known: title, overrides)" in err
    config.write_text(config.read_text().replace('titel = "Demo API"', 'title = "{bad}"'))
    code, _, err = cli("generate", "--target", "json-summary")
    assert code == 2 and "[tool.l8gen.json-summary] title = '{bad}' is not valid (a short title" in err


def test_toy_language_satisfies_the_language_interface(toy_repo: Path) -> None:
    toy = discover(toy_repo / "pyproject.toml")["json-summary"]
    assert isinstance(toy, Language)
    assert isinstance(toy.target(), Target) and toy.target().name == toy.name
    assert toy.package({"json-summary": {"title": "Demo API"}}) == "Demo API"
    assert toy.package({}) == "API summary"  # the declared default
    assert sorted(toy.dev) == ["bootstrap", "build"] and not toy.publish  # no install/upload hooks
    assert toy.driver is None and toy.consumer is None


def test_toy_language_is_listed_after_the_builtins(toy_repo: Path) -> None:
    names = list(discover(toy_repo / "pyproject.toml"))
    assert names == ["python", "node", "go", "cpp", "json-summary"]
    assert "json-summary" not in discover(None)  # only where configured


def _env_with_toy() -> dict[str, str]:
    return {**os.environ, "L8GEN_LANGUAGES": str(TOY), "PYTHONPATH": str(REPO / "compat-tests")}


def test_nox_lists_the_toy_languages_sessions() -> None:
    proc = subprocess.run([sys.executable, "-m", "nox", "-f", str(REPO / "noxfile.py"), "-l"],
                          capture_output=True, text=True, env=_env_with_toy(), cwd=REPO, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "- sdk-json-summary ->" in proc.stdout
    assert "compat-json-summary" not in proc.stdout  # the toy has no [driver]
    assert "- sdk-go ->" in proc.stdout and "- compat-go ->" in proc.stdout


def test_compat_bootstrap_and_publish_loops_list_the_toy_language() -> None:
    script = (
        "import json\n"
        "from l8compat.drivers import language_names, load_registry\n"
        "from l8dev.publish.release import LANGUAGES, PUBLISHABLE\n"
        "from l8dev.toolchain.bootstrap import steps\n"
        "print(json.dumps([language_names(), sorted(load_registry()), list(LANGUAGES), list(PUBLISHABLE),"
        " list(steps())]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=_env_with_toy(), cwd=REPO, check=False)
    assert proc.returncode == 0, proc.stderr
    compat, drivers, publish, publishable, bootstrap_steps = json.loads(proc.stdout)
    assert compat[-1] == "json-summary" and publish[-1] == "json-summary"
    assert "json-summary" not in drivers and "json-summary" not in publishable
    assert sorted(drivers) == ["cpp", "go", "node", "python"]
    assert bootstrap_steps == ["apt", "go", "json-summary", "npm", "engine"]  # the languages' hooks in order


def test_the_publish_build_loop_runs_the_toy_languages_build_hook(toy_repo: Path) -> None:
    assert cli("generate", "--target", "json-summary")[0] == 0
    proc = subprocess.run(
        [sys.executable, "-m", "l8dev.publish.build", f"--root={toy_repo}", "--only=json-summary"],
        capture_output=True, text=True, env=_env_with_toy(), cwd=REPO, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "build json-summary ok" in proc.stdout
    record = json.loads((toy_repo / "dist" / "release.json").read_text())
    (item,) = record["artifacts"]["json-summary"]["files"]
    assert item["path"] == "json-summary/summary-1.2.3.json" and item["kind"] == "summary"
    built = json.loads((toy_repo / "dist" / item["path"]).read_text())
    assert built["title"] == "Demo API"  # exactly what `l8gen generate` wrote


def test_a_folder_without_language_toml_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not a language folder"):
        load_spec(tmp_path)


def test_a_language_may_not_reuse_a_builtin_name(tmp_path: Path) -> None:
    (tmp_path / "language.toml").write_text('name = "go"\nout_dir = "sdks/go2"\n')
    config = tmp_path / "pyproject.toml"
    config.write_text(f'[tool.l8gen]\nlanguages = ["{tmp_path}"]\n')
    with pytest.raises(ConfigError, match="already defined"):
        discover(config)


def test_every_builtin_language_is_a_language_and_its_hooks_resolve() -> None:
    from l8dev.languages import hook  # dev tooling: resolves the [dev] strings (l8gen never imports them)

    for spec in discover().values():
        assert isinstance(spec, Language), spec.name
        assert spec.publish and spec.driver is not None, spec.name
        resolved = {name: hook(spec, name) for name in spec.dev}
        assert all(callable(f) for f in resolved.values()), resolved
        assert resolved["check"].__name__ == f"check_{spec.name}"  # type: ignore[union-attr]


def test_an_unknown_dev_hook_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "language.toml").write_text(
        'name = "x"\nout_dir = "sdks/x"\n[dev]\npublish = "hooks.py:publish"\n'
    )
    hooks = r"\(hooks: check, slow, prebuild, bootstrap"
    with pytest.raises(ConfigError, match=r"\[dev\] publish is not a hook " + hooks):
        load_spec(tmp_path)


def test_example_programs_and_reference_columns_come_from_language_toml() -> None:
    specs = discover()
    examples = {name: spec.example for name, spec in specs.items() if spec.example is not None}
    assert sorted(examples) == ["cpp", "go", "node", "python"]  # every SDK has its examples/orders program
    assert all((REPO / example["marker"]).is_file() for example in examples.values())
    labels = [spec.reference["label"] for spec in specs.values() if spec.reference is not None]
    assert labels == ["Python", "Node (TypeScript)", "Go", "C++"]  # the reference's column order


def test_a_bad_example_table_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "language.toml").write_text('name = "x"\nout_dir = "sdks/x"\n[example]\ncommand = "run"\n')
    with pytest.raises(ConfigError, match=r"\[example\] needs marker and command"):
        load_spec(tmp_path)


def test_the_generality_check_steps_come_from_language_toml() -> None:
    checks = {name: spec.check for name, spec in discover().items() if spec.check is not None}
    assert sorted(checks) == ["cpp", "go", "node", "python"]
    assert ["go", "vet", "./..."] in checks["go"]["steps"]
    assert checks["node"]["link"] == {"node_modules": "sdks/node/node_modules"}
    assert checks["python"]["steps"][0] == ["{python}", "-c", "import {package}"]


@pytest.mark.parametrize(
    "table",
    ['steps = "make"', "steps = []", 'steps = [["make"]]\nenv = { A = 1 }', 'steps = [["make"]]\nrun = "x"'],
)
def test_a_bad_check_table_is_a_clear_error(tmp_path: Path, table: str) -> None:
    (tmp_path / "language.toml").write_text(f'name = "x"\nout_dir = "sdks/x"\n[check]\n{table}\n')
    with pytest.raises(ConfigError, match=r"\[check\] needs steps"):
        load_spec(tmp_path)


def test_start_must_be_a_module_function_string_and_the_registry_resolves_it(tmp_path: Path) -> None:
    (tmp_path / "language.toml").write_text('name = "x"\nout_dir = "sdks/x"\nstart = "no-colon"\n')
    with pytest.raises(ConfigError, match=r"start must be a \"module:function\" string"):
        load_spec(tmp_path)
    from l8gen.languages.node.es import start
    from l8gen.languages.python.pb import start as python_start
    from l8gen.targets import REGISTRY

    assert REGISTRY.starter("node") is start
    assert REGISTRY.starter("python") is python_start
    assert REGISTRY.starter("go") is None
