"""pipeline.generate: every naming collision of every target is reported in one run, each with file:line."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import cli

TWO_CLASHES = """syntax = "proto3";
package l8test.twoclashes;
message M { string v = 1; }
service Modules {
  rpc GetA(M) returns (M) {}
  rpc get_a(M) returns (M) {}
  rpc PutB(M) returns (M) {}
  rpc put_b(M) returns (M) {}
}
"""


def test_all_collisions_of_all_languages_in_one_run(tmp_path: Path) -> None:
    (tmp_path / "proto").mkdir()
    (tmp_path / "proto" / "two.proto").write_text(TWO_CLASHES)
    (tmp_path / "pyproject.toml").write_text("[tool.l8gen]\n")  # an API of its own: generic defaults
    code, _, err = cli("generate", "--proto-root", str(tmp_path / "proto"), "--out", str(tmp_path / "out"),
                       "--config", str(tmp_path / "pyproject.toml"), "--target", "python", "--target", "go",
                       "--no-cache")
    assert code == 2
    clashes = [line for line in err.splitlines() if "naming collision" in line]
    assert any("python naming collision" in line for line in clashes)
    assert any("go naming collision" in line for line in clashes)
    assert {"two.proto:6", "two.proto:8"} <= {w for line in clashes for w in ("two.proto:6", "two.proto:8")
                                              if w in line}
    assert not (tmp_path / "out" / "sdks").exists()
