"""l8gen.ir.signatures: flattened signatures from google.api.method_signature and [tool.l8gen.signatures]."""

from __future__ import annotations

from pathlib import Path

import pytest
from l8gen.config import options_from_table
from l8gen.descriptors import compile_protos
from l8gen.errors import ConfigError
from l8gen.ir.builder import build_api
from l8gen.ir.model import Api

from tests.conftest import compile_proto

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "signatures"

PROTO = """syntax = "proto3";
package s;
service Svc {
  rpc Get(Req) returns (Req);
  rpc Chat(stream Req) returns (stream Req);
}
message Inner { string x = 1; }
message Req {
  string a = 1;
  Inner inner = 2;
  oneof pick {
    string b = 3;
    string c = 4;
  }
}
"""


def _configured(sigs: dict[str, list[str]]) -> Api:
    opts = options_from_table({"signatures": sigs}, "pyproject.toml")
    return build_api(compile_proto(PROTO), ["test.proto"], signatures=opts.signatures,
                     signatures_where="pyproject.toml [tool.l8gen.signatures]")


def test_annotation_is_read_from_the_method_options() -> None:
    compiled = compile_protos(FIXTURE, ["kv.proto"])
    api = build_api(compiled.fds, ["kv.proto"])
    methods = {m.name: m for m in api.service("l8test.kv.Store").methods}
    assert methods["Get"].signatures == (("table", "key"),)
    assert methods["Put"].signatures == (("table", "key", "value"), ("table", "key", "value", "mode"))
    assert methods["Stat"].signatures == ()


def test_configuration_replaces_the_annotation() -> None:
    compiled = compile_protos(FIXTURE, ["kv.proto"])
    api = build_api(compiled.fds, ["kv.proto"], signatures={"l8test.kv.Store.Get": ("key",)})
    assert api.service("l8test.kv.Store").methods[0].signatures == (("key",),)


def test_configured_signatures_keep_their_order() -> None:
    api = _configured({"s.Svc.Get": ["inner, a", "a"]})
    assert api.service("s.Svc").methods[0].signatures == (("inner", "a"), ("a",))


@pytest.mark.parametrize(
    ("sigs", "message"),
    [
        ({"s.Svc.Get": ["a,zz"]}, "Req has no field 'zz' (fields: a, inner, b, c)"),
        ({"s.Svc.Get": ["inner.x"]}, "nested path 'inner.x' is not supported"),
        ({"s.Svc.Get": ["a,a"]}, "names a field twice"),
        ({"s.Svc.Get": ["b,c"]}, "sets two fields of one oneof"),
        ({"s.Svc.Get": ["a,b", "a,c"]}, "have the same number of fields"),
        ({"s.Svc.Chat": ["a"]}, "is bidi: flattened signatures need an RPC that sends one request"),
        ({"s.Svc.Gett": ["a"]}, "'s.Svc.Gett': no such RPC in the API"),
    ],
)
def test_bad_signatures_name_the_key_and_the_rule(sigs: dict[str, list[str]], message: str) -> None:
    with pytest.raises(ConfigError) as err:
        _configured(sigs)
    assert "pyproject.toml [tool.l8gen.signatures]" in str(err.value)
    assert message in str(err.value)


def test_a_bad_annotation_names_the_proto_file_and_line() -> None:
    text = (FIXTURE / "kv.proto").read_text().replace('"table,key";', '"table,nope";')
    client = (FIXTURE / "google/api/client.proto").read_text()
    fds = compile_proto(text, "kv.proto", {"google/api/client.proto": client})
    with pytest.raises(ConfigError) as err:
        build_api(fds, ["kv.proto"])
    line = text.splitlines().index("  rpc Get(GetRequest) returns (GetResponse) {") + 1
    assert str(err.value).startswith(f"kv.proto:{line}: signature 'table,nope' of l8test.kv.Store.Get")


@pytest.mark.parametrize("table", [{"signatures": []}, {"signatures": {"s.Svc.Get": "a,b"}},
                                   {"signatures": {"s.Svc.Get": [1]}}])
def test_the_configuration_table_has_one_shape(table: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match=r"pyproject.toml: \[tool.l8gen.signatures\]"):
        options_from_table(table, "pyproject.toml")
