"""l8gen.ir.comments: comment text from source info, indexed by (file, path)."""

from __future__ import annotations

from l8gen.ir.comments import clean

from tests.conftest import api_of

PROTO = """// File comment on syntax.
syntax = "proto3";
package c;

// Detached comment: dropped.

// Leading comment
// on two lines.
message M {
  string a = 1; // trailing comment
  /* Block
   * comment */
  string b = 2;
  // Indented
  //   code sample
  string c = 3;
}
"""


def test_leading_trailing_and_block_comments() -> None:
    api = api_of(PROTO)
    message = api.message("c.M")
    assert message.doc.leading == "Leading comment\non two lines."
    a, b, c = message.fields
    assert (a.doc.leading, a.doc.trailing) == ("", "trailing comment")
    assert b.doc.leading == "Block\ncomment"
    assert c.doc.leading == "Indented\n  code sample"
    assert api.files[0].doc.leading == "File comment on syntax."
    assert "Detached" not in message.doc.text


def test_clean_strips_markers_and_dedents() -> None:
    assert clean(" one\n two\n") == "one\ntwo"
    assert clean(" a\n   b\n\n") == "a\n  b"
