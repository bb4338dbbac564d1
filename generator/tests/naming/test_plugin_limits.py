"""l8gen.naming.plugin_limits: names the official plugins cannot compile are refused at once, at file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
from l8gen.errors import NamingError
from l8gen.naming import plugin_limits
from l8gen.pipeline import plugin_rules

from tests.conftest import api_of, cli

APIS = Path(__file__).resolve().parents[1] / "apis"

CLASS_MESSAGE = """syntax = "proto3";
package t.v1;
service Svc {
  rpc Get(class) returns (Ok);
}
message class { string a = 1; }
message Ok { string b = 1; }
"""


def test_python_keyword_message_is_refused_at_its_line() -> None:
    lines = plugin_limits.problems(api_of(CLASS_MESSAGE), plugin_rules(["python"]))
    assert lines and lines[0].startswith("test.proto:6: python: message t.v1.class")


def test_cpp_keyword_message_of_an_rpc_is_refused() -> None:
    lines = plugin_limits.problems(api_of(CLASS_MESSAGE), plugin_rules(["cpp"]))
    assert [line.split(": ")[0] for line in lines] == ["test.proto:6"]
    assert "::t::v1::class" in lines[0]


def test_node_and_go_accept_keyword_messages() -> None:
    assert plugin_limits.problems(api_of(CLASS_MESSAGE), plugin_rules(["node", "go"])) == []


def test_nested_keyword_message_is_accepted() -> None:
    api = api_of('syntax = "proto3";\npackage t.v1;\nmessage Outer { message class { string a = 1; } }\n')
    assert plugin_limits.problems(api, plugin_rules(["python", "cpp"])) == []


def test_service_named_service_is_refused_for_cpp_only() -> None:
    api = api_of('syntax = "proto3";\npackage t.v1;\nservice Service {\n  rpc Get(M) returns (M);\n}\n'
                 "message M { string a = 1; }\n")
    assert plugin_limits.problems(api, plugin_rules(["python"])) == []
    (line,) = plugin_limits.problems(api, plugin_rules(["cpp"]))
    assert line.startswith("test.proto:3: cpp: service t.v1.Service")


def test_cpp_keyword_package_is_refused() -> None:
    api = api_of('syntax = "proto3";\npackage t.delete;\nmessage M { string a = 1; }\n')
    (line,) = plugin_limits.problems(api, plugin_rules(["cpp"]))
    assert "'delete' is a C++ keyword" in line


def test_every_problem_in_one_error() -> None:
    with pytest.raises(NamingError) as err:
        plugin_limits.check(api_of(CLASS_MESSAGE), plugin_rules(["cpp", "python"]))
    assert str(err.value).count("test.proto:6:") == 2


def test_refused_corpus_entry_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    api = APIS / "refused"
    code, _, err = cli("generate", "--proto-root", str(api / "proto"), "--out", str(tmp_path),
                       "--config", str(api / "pyproject.toml"), "--no-cache")
    assert code == 2
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    located = [line for line in err.splitlines() if line.startswith("torture/v1/torture.proto:")]
    assert len(located) == 4  # Service (cpp), class (python, cpp), default (cpp)
