"""l8gen.languages.python.docstrings: ``fill`` wraps as ``textwrap.wrap`` with the docstrings' options."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from l8gen.languages.python.docstrings import docstring, fill

# words short and long, runs of spaces and tabs, textwrap's other whitespace, and characters ``str.strip``
# removes but textwrap does not split on (a no-break space, an ideographic space, a unit separator)
_PIECES = st.sampled_from([" ", "  ", "\t", "\x0b", "\r", "a", "bc", "word", "-", "x" * 13, "\u00a0",
                           "\u3000", "\x1f", "é"])


# prose as most comments are: words of letters between single spaces (``fill``'s ``str.rfind`` path)
_WORDS = st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=14), max_size=25).map(" ".join)
_PROSE = st.tuples(st.sampled_from(["", " ", "    "]), _WORDS).map("".join)  # "Args:" lines are indented


@settings(max_examples=1500, deadline=None)
@given(st.one_of(_PROSE, st.lists(_PIECES, max_size=30).map("".join)), st.integers(1, 24),
       st.sampled_from(["", " ", "    ", "\t"]))
def test_fill_is_textwrap_wrap_with_the_docstring_options(text: str, width: int, indent: str) -> None:
    expected = textwrap.wrap(text, width=width, subsequent_indent=indent, break_long_words=True,
                             break_on_hyphens=False)
    assert fill(text, width, indent) == expected


def test_fill_rejects_a_width_below_one_as_textwrap_does() -> None:
    with pytest.raises(ValueError, match="invalid width 0"):
        fill("a b", 0, "")


def test_a_long_argument_line_hangs_by_four_more_spaces() -> None:
    lines = docstring("Args:\n    name: " + "word " * 30, 8, "").split("\n")
    assert lines[0] == '        """Args:'
    assert lines[1] == "            name:" + " word" * 18  # wrapped at 110 columns
    assert lines[2] == "                " + " ".join(["word"] * 12)
    assert lines[3] == '        """'
