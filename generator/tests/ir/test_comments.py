"""l8gen.ir.comments: comment text from source info, indexed by (file, path)."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st
from l8gen.ir.comments import clean
from l8gen.ir.model import Doc

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


def _clean_by_textwrap(text: str) -> str:
    """The rule ``clean`` implements, written with ``textwrap.dedent`` (its first version)."""
    lines = text.replace("\r\n", "\n").split("\n")
    if all(not line.strip() or line.lstrip().startswith("*") for line in lines):
        lines = [line.lstrip()[1:] if line.lstrip().startswith("*") else line for line in lines]
    body = textwrap.dedent("\n".join(line.rstrip() for line in lines))
    return body.strip("\n").rstrip()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=" \t*\r\n\x0b\u00a0ab/", max_size=12), max_size=6).map("\n".join))
def test_clean_dedents_as_textwrap_does(text: str) -> None:
    assert clean(text) == _clean_by_textwrap(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \t*\r\x0b\x0c\u00a0ab/", max_size=16), st.sampled_from(["", "\n"]))
def test_a_one_line_comment_is_cleaned_as_textwrap_does(line: str, end: str) -> None:
    assert clean(line + end) == _clean_by_textwrap(line + end)  # one-line comments take a shorter path


def test_clean_keeps_the_common_prefix_of_mixed_tabs_and_spaces() -> None:
    assert clean(" \tx\n  y\n \t z") == "\tx\n y\n\t z"  # common prefix: one space
    assert clean("\t\ta\n\tb") == "\ta\nb"


def test_a_doc_text_joins_leading_and_trailing_by_a_blank_line() -> None:
    assert Doc("lead", "trail").text == "lead\n\ntrail"
    assert Doc("lead").text == "lead" and Doc(trailing="trail").text == "trail"
    assert Doc().text == "" and Doc("line one\nline two", "t").summary == "line one"
