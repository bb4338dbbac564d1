"""l8gen.cli: generate, --check, caching, stale removal, bad input (exit codes, messages, sdks untouched)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import ListingTarget, cli


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def repo(workspace: Path, listing_target: ListingTarget, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(workspace)
    return workspace


def test_generate_writes_the_sdk_and_reports(repo: Path) -> None:
    code, out, err = cli("generate", "--target", "listing")
    assert (code, err) == (0, "")
    assert out == "sdks/listing: 3 written, 0 removed, 0 unchanged\n"
    assert (repo / "sdks/listing/services/greeter.txt").read_text() == "say_hello unary Greets one person.\n"
    assert (repo / "sdks/listing/.l8gen-manifest.json").is_file()


def test_check_is_clean_right_after_generate(repo: Path) -> None:
    cli("generate", "--target", "listing")
    code, out, err = cli("generate", "--target", "listing", "--check")
    assert (code, out) == (0, "")
    assert "sdks/listing: up to date" in err


def test_check_short_circuits_on_matching_digest_and_hashes(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from l8gen import pipeline

    cli("generate", "--target", "listing")
    rendered: list[object] = []
    real = pipeline.Generation.run
    monkeypatch.setattr(pipeline.Generation, "run", lambda *a, **k: rendered.append(a) or real(*a, **k))
    assert cli("generate", "--target", "listing", "--check")[0] == 0
    assert rendered == []  # manifest digest and file hashes matched: nothing was rendered
    generated = repo / "sdks/listing/services/greeter.txt"
    generated.write_text("edited by hand\n")
    code, out, _ = cli("generate", "--target", "listing", "--check")
    assert len(rendered) == 1 and code == 1 and "edited by hand" in out  # a changed file: full check


def test_check_reports_drift_with_a_diff_and_touches_nothing(repo: Path) -> None:
    cli("generate", "--target", "listing")
    proto = repo / "proto/demo/v1/demo.proto"
    proto.write_text(
        proto.read_text().replace(
            "rpc SayHello", "rpc Wave(HelloRequest) returns (HelloReply) {}\n  rpc SayHello"
        )
    )
    before = _tree(repo / "sdks")
    code, out, err = cli("generate", "--target", "listing", "--check")
    assert code == 1
    assert "--- a/sdks/listing/services/greeter.txt\n+++ b/sdks/listing/services/greeter.txt\n" in out
    assert "+wave unary Greets one person.\n" in out
    assert "sdks/listing: out of date" in err
    assert _tree(repo / "sdks") == before


def test_hand_edited_file_is_drift(repo: Path) -> None:
    cli("generate", "--target", "listing")
    (repo / "sdks/listing/index.txt").write_text("edited\n")
    code, out, _ = cli("generate", "--target", "listing", "--check")
    assert code == 1 and "-edited\n+demo.v1.Greeter\n" in out


def test_unchanged_input_is_a_cached_no_op(repo: Path) -> None:
    cli("generate", "--target", "listing")
    os.utime(repo / "sdks/listing/index.txt", (1, 1))
    code, out, _ = cli("generate", "--target", "listing")
    assert (code, out) == (0, "sdks/listing: up to date\n")
    assert (repo / "sdks/listing/index.txt").stat().st_mtime == 1


def test_cache_is_invalidated_by_proto_and_option_changes(repo: Path) -> None:
    cli("generate", "--target", "listing")
    (repo / "pyproject.toml").write_text('[tool.l8gen]\nversion = "9.9.9"\n')
    code, out, _ = cli("generate", "--target", "listing")
    assert code == 0 and "up to date" not in out  # regenerated (content identical: 0 written but manifest)


def test_removed_service_file_is_deleted_as_stale(repo: Path) -> None:
    extra = repo / "proto/demo/v1/extra.proto"
    extra.write_text(
        'syntax = "proto3";\npackage demo.v1;\nimport "demo/v1/demo.proto";\n'
        "service Extra { rpc Ping(HelloRequest) returns (HelloReply); }\n"
    )
    cli("generate", "--target", "listing")
    assert (repo / "sdks/listing/services/extra.txt").is_file()
    extra.unlink()
    code, out, _ = cli("generate", "--target", "listing")
    assert code == 0 and "1 removed" in out
    assert not (repo / "sdks/listing/services/extra.txt").exists()


def test_syntax_error_exits_2_with_file_line_and_leaves_sdks_untouched(repo: Path) -> None:
    cli("generate", "--target", "listing")
    before = _tree(repo / "sdks")
    (repo / "proto/demo/v1/broken.proto").write_text(
        'syntax = "proto3";\npackage demo.v1;\nmessage B { int32 x = 1 }\n'
    )
    code, out, err = cli("generate", "--target", "listing")
    assert code == 2 and out == ""
    assert err.startswith("l8gen: error: proto/demo/v1/broken.proto:3:25: ")
    assert "Traceback" not in err
    assert _tree(repo / "sdks") == before


def test_unknown_import_exits_2_with_file_line(repo: Path) -> None:
    (repo / "proto/demo/v1/imp.proto").write_text(
        'syntax = "proto3";\npackage demo.v1;\n\nimport "no/such.proto";\n'
    )
    code, _, err = cli("generate", "--target", "listing")
    assert code == 2
    assert 'proto/demo/v1/imp.proto:4:1: Import "no/such.proto" was not found' in err
    assert not (repo / "sdks").exists()


def test_name_collision_exits_2_naming_both_elements(repo: Path) -> None:
    cli("generate", "--target", "listing")
    before = _tree(repo / "sdks")
    proto = repo / "proto/demo/v1/demo.proto"
    proto.write_text(
        proto.read_text().replace(
            "rpc SayHello",
            "rpc GetURL(HelloRequest) returns (HelloReply);\n"
            "  rpc GetUrl(HelloRequest) returns (HelloReply);\n  rpc SayHello",
        )
    )
    code, _, err = cli("generate", "--target", "listing")
    assert code == 2
    assert "rpc demo.v1.Greeter.GetURL (demo/v1/demo.proto:7)" in err
    assert "rpc demo.v1.Greeter.GetUrl (demo/v1/demo.proto:8)" in err
    assert "'get_url'" in err
    assert _tree(repo / "sdks") == before


def test_override_in_pyproject_fixes_the_collision(repo: Path) -> None:
    proto = repo / "proto/demo/v1/demo.proto"
    proto.write_text(
        proto.read_text().replace(
            "rpc SayHello",
            "rpc GetURL(HelloRequest) returns (HelloReply);\n"
            "  rpc GetUrl(HelloRequest) returns (HelloReply);\n  rpc SayHello",
        )
    )
    (repo / "pyproject.toml").write_text(
        '[tool.l8gen]\n[tool.l8gen.python.overrides]\n"demo.v1.Greeter.GetUrl" = "get_url_lower"\n'
    )
    code, _, err = cli("generate", "--target", "listing")
    assert (code, err) == (0, "")
    assert "get_url_lower unary" in (repo / "sdks/listing/services/greeter.txt").read_text()


def test_unknown_target_and_bad_usage(repo: Path) -> None:
    code, _, err = cli("generate", "--target", "cobol")
    assert code == 2 and "unknown target 'cobol'" in err
    code, _, err = cli("generate", "--bogus")
    assert code == 2 and "unrecognized arguments: --bogus" in err
    code, _, err = cli()
    assert code == 2


def test_bad_config_is_a_clear_error(repo: Path) -> None:
    (repo / "pyproject.toml").write_text("[tool.l8gen]\nversion = 3\n")
    code, _, err = cli("generate", "--target", "listing")
    assert code == 2 and "version must be a string" in err
    code, _, err = cli("generate", "--target", "listing", "--config", "missing.toml")
    assert code == 2 and "missing.toml: configuration file not found" in err


def test_a_config_error_comes_before_the_proto_errors_of_the_compile_begun_meanwhile(repo: Path) -> None:
    code, _, err = cli("generate", "--proto-root", "no-such-dir", "--config", "missing.toml")
    assert code == 2 and "missing.toml: configuration file not found" in err
    assert "proto root" not in err
    code, _, err = cli("generate", "--proto-root", "no-such-dir")
    assert code == 2 and "no-such-dir: proto root is not a directory" in err


def test_dump_context_and_user_templates(repo: Path, tmp_path: Path) -> None:
    import json

    from l8gen.ir.model import Api
    from l8gen.render import Renderer
    from l8gen.targets import REGISTRY
    from l8gen.targets.base import GenOptions

    class Rendering(ListingTarget):
        name = "rendering"
        out_dir = "sdks/rendering"

        def generate(self, api: Api, fds: object, opts: object) -> dict[str, str]:
            assert isinstance(opts, GenOptions)
            renderer = Renderer("python", opts.template_dirs)
            return {"services.txt": renderer.render("services.txt.j2", package="p", services=api.services)}

    user = tmp_path / "user"
    (user / "python").mkdir(parents=True)
    (user / "python/services.txt.j2").write_text(
        "{% for s in services %}{{ package }} {{ s.full_name }}\n{% endfor %}"
    )
    REGISTRY.register(Rendering())
    try:
        dump = tmp_path / "ctx.json"
        code, _, err = cli(
            "generate", "--target", "rendering", "--templates", str(user), "--dump-context", str(dump)
        )
    finally:
        REGISTRY.unregister("rendering")
    assert (code, err) == (0, "")
    assert (repo / "sdks/rendering/services.txt").read_text() == "p demo.v1.Greeter\n"
    ctx = json.loads(dump.read_text())["python"]["services.txt.j2"]
    assert ctx["package"] == "p"
    assert ctx["services"][0]["full_name"] == "demo.v1.Greeter"
    assert ctx["services"][0]["methods"][0]["doc"]["leading"] == "Greets one person."


def test_missing_template_dir_is_an_error(repo: Path) -> None:
    code, _, err = cli("generate", "--target", "listing", "--templates", "nope")
    assert code == 2 and "nope: template directory not found" in err
