"""evolution.irdiff: additions and documentation changes between two IRs built from inline protos."""

from __future__ import annotations

from l8gen.evolution.irdiff import diff_apis

from tests.conftest import api_of

BASE = """syntax = "proto3";
package demo.v1;
import "google/protobuf/empty.proto";

// Greeter says hello.
service Greeter {
  // Greets one person.
  rpc SayHello(HelloRequest) returns (HelloReply) {}
  // Forgets everything.
  rpc Reset(google.protobuf.Empty) returns (google.protobuf.Empty) {}
}

// A request.
message HelloRequest {
  // Who.
  string name = 1;
  // Labels.
  map<string, string> labels = 2;
  // Choice.
  oneof target {
    // By id.
    int64 id = 3;
  }
  // Nested.
  message Inner {
    // Flag.
    bool flag = 1;
  }
}

// A reply.
message HelloReply {
  // Text.
  string message = 1;
  // Mood.
  Mood mood = 2;
}

// Mood of the greeter.
enum Mood {
  // Neutral.
  NEUTRAL = 0;
  // Happy.
  HAPPY = 1;
}
"""


def _diff(new_text: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    result = diff_apis(api_of(BASE), api_of(new_text))
    return (
        [(c.change, c.kind, c.element) for c in result.added],
        [(c.change, c.kind, c.element) for c in result.changed],
    )


def _edit(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def test_identical_has_no_change() -> None:
    assert _diff(BASE) == ([], [])


def test_added_field_service_rpc_message_enum_and_value() -> None:
    text = _edit("  // Labels.", "  // Age.\n  int32 age = 4;\n  // Labels.")
    text = text.replace(
        "  HAPPY = 1;\n}",
        "  HAPPY = 1;\n  // Sad.\n  SAD = 2;\n}\n\n// Colour.\nenum Colour {\n  // Red.\n  RED = 0;\n}",
    )
    text = text.replace(
        "  // Forgets", "  // Waves.\n  rpc Wave(HelloRequest) returns (stream HelloReply) {}\n  // Forgets"
    )
    text += "\n// Other.\nservice Other {\n  // Ping.\n  rpc Ping(HelloRequest) returns (HelloReply) {}\n}\n"
    text += "\n// Extra.\nmessage Extra {\n  // Inner message.\n  message Deep {}\n}\n"
    added, changed = _diff(text)
    assert changed == []
    assert sorted(added) == sorted(
        [
            ("added", "field", "demo.v1.HelloRequest.age"),
            ("added", "enum_value", "demo.v1.Mood.SAD"),
            ("added", "enum", "demo.v1.Colour"),
            ("added", "rpc", "demo.v1.Greeter.Wave"),
            ("added", "service", "demo.v1.Other"),
            ("added", "rpc", "demo.v1.Other.Ping"),
            ("added", "message", "demo.v1.Extra"),
            ("added", "message", "demo.v1.Extra.Deep"),
        ]
    )


def test_renamed_field_is_not_an_addition() -> None:
    assert _diff(_edit("  string name = 1;", "  string full_name = 1;")) == ([], [])


def test_renamed_enum_value_is_not_an_addition() -> None:
    assert _diff(_edit("  HAPPY = 1;", "  JOYFUL = 1;")) == ([], [])


def test_removals_are_left_to_buf() -> None:
    text = _edit(
        "  // Forgets everything.\n  rpc Reset(google.protobuf.Empty) returns (google.protobuf.Empty) {}\n",
        "",
    )
    assert _diff(text) == ([], [])


def test_new_map_field_reports_the_field_not_its_entry_message() -> None:
    added, _ = _diff(_edit("  // Labels.", "  // Scores.\n  map<string, int32> scores = 5;\n  // Labels."))
    assert added == [("added", "field", "demo.v1.HelloRequest.scores")]


def test_well_known_types_newly_referenced_are_not_api_additions() -> None:
    text = _edit(
        "  // Mood.\n  Mood mood = 2;",
        "  // Mood.\n  Mood mood = 2;\n  // When.\n  google.protobuf.Empty none = 3;",
    )
    assert _diff(text) == ([("added", "field", "demo.v1.HelloReply.none")], [])


def test_doc_changes_of_every_element_kind() -> None:
    text = BASE
    for old, new in [
        ("// Greeter says hello.", "// Greeter greets."),
        ("  // Greets one person.", "  // Greets a person."),
        ("// A request.", "// The request."),
        ("  // Who.", "  // Whom."),
        ("  // Choice.", "  // Target choice."),
        ("// Mood of the greeter.", "// The greeter's mood."),
        ("  // Happy.", "  // Glad."),
        ("    // Flag.", "    // A flag."),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    added, changed = _diff(text)
    assert added == []
    assert sorted(changed) == sorted(
        [
            ("doc", "service", "demo.v1.Greeter"),
            ("doc", "rpc", "demo.v1.Greeter.SayHello"),
            ("doc", "message", "demo.v1.HelloRequest"),
            ("doc", "field", "demo.v1.HelloRequest.name"),
            ("doc", "oneof", "demo.v1.HelloRequest.target"),
            ("doc", "enum", "demo.v1.Mood"),
            ("doc", "enum_value", "demo.v1.Mood.HAPPY"),
            ("doc", "field", "demo.v1.HelloRequest.Inner.flag"),
        ]
    )


def test_doc_added_and_removed_are_named() -> None:
    text = _edit("  // Who.\n", "").replace(
        "  string message = 1;", "  // Greeting text.\n  // More.\n  string message = 1;"
    )
    result = diff_apis(api_of(BASE), api_of(text))
    details = sorted(c.detail for c in result.changed)
    assert details == [
        "documentation changed: field demo.v1.HelloReply.message",
        "documentation removed: field demo.v1.HelloRequest.name",
    ]


def test_changes_are_ordered_by_file_and_line() -> None:
    text = _edit("  HAPPY = 1;", "  HAPPY = 1;\n  // Sad.\n  SAD = 2;").replace(
        "  // Labels.", "  // Age.\n  int32 age = 4;\n  // Labels."
    )
    result = diff_apis(api_of(BASE), api_of(text))
    lines = [c.line for c in result.added]
    assert lines == sorted(lines) and len(lines) == 2
    assert all(c.file == "test.proto" for c in result.added)
