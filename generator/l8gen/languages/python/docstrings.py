"""Python docstrings of the generated layer: proto comments escaped and wrapped to the code's line length.

Pipeline place: helper of ``languages.python.views`` (method/service docstrings) and ``layer`` (module texts):
comments are wrapped to ``LINE`` minus the indent, prose paragraphs are reflowed rather than leaving one word
on its own line, and "Args:" entries hang by four spaces.
"""

from __future__ import annotations

import re
import textwrap

LINE = 110  # ruff line-length of the generated code


def _escape_doc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


_ARG = re.compile(r"^ {4}\*{0,2}\w+: ")  # an "Args:" entry: its continuation lines hang by 4 more


_PROSE = re.compile(r"^[A-Za-z(`\"'][^|]*$")  # a prose line (no indent, list marker, table or code fence)


def _reflow(text: str, width: int) -> str:
    """Join the lines of a prose paragraph that overflows ``width`` so that wrapping it never strands a
    single word on its own line (proto comments are wrapped for their own, wider, column)."""
    paragraphs = []
    for para in text.split("\n\n"):
        lines = para.split("\n")
        overflow = any(len(line) > width for line in lines)
        widow = len(lines) > 1 and " " not in lines[-1].strip()  # a single word on the last line
        if len(lines) > 1 and (overflow or widow) and all(_PROSE.match(x) for x in lines):
            para = " ".join(line.strip() for line in lines)
        paragraphs.append(para)
    return "\n\n".join(paragraphs)


_BLANKS = dict.fromkeys(map(ord, "\t\n\x0b\x0c\r "), ord(" "))  # textwrap's whitespace, made spaces
_CHUNKS = re.compile(r"( +)")


def fill(text: str, width: int, indent: str) -> list[str]:
    """``textwrap.wrap(text, width, subsequent_indent=indent, break_on_hyphens=False)`` (its other options
    left as they are): the same chunks (words and runs of spaces, tabs expanded) and the same greedy rule --
    whitespace dropped at both ends of a line but the first, a word longer than a line cut -- walked by index,
    without a ``TextWrapper`` per call (the 191 calls of this repository's API: ~1.0 vs ~7.7 ms in a warm
    process, most of them through ``_single_spaced``)."""
    if width <= 0:
        raise ValueError(f"invalid width {width!r} (must be > 0)")
    text = text.expandtabs().translate(_BLANKS)
    if not text:
        return []
    simple = _single_spaced(text, width, width - len(indent))
    if simple is not None:
        return [simple[0], *(indent + line for line in simple[1:])]
    chunks = [c for c in _CHUNKS.split(text) if c]
    lines: list[str] = []
    i, n = 0, len(chunks)
    while i < n:
        prefix = indent if lines else ""
        room = width - len(prefix)
        if lines and not chunks[i].strip():
            i += 1
        start, used = i, 0
        while i < n and used + len(chunks[i]) <= room:
            used += len(chunks[i])
            i += 1
        line = chunks[start:i]
        if i < n and len(chunks[i]) > room:  # a word too long for any line: cut to what is left of this one
            cut = room - used if room >= 1 else 1
            line.append(chunks[i][:cut])
            chunks[i] = chunks[i][cut:]
        if line and not line[-1].strip():
            line.pop()
        if line:
            lines.append(prefix + "".join(line))
    return lines


_OTHER_SPACE = re.compile(r"[^\S ]")  # whitespace other than a space (str.strip removes it, split keeps it)


def _single_spaced(text: str, first: int, rest: int) -> list[str] | None:
    """``fill``'s lines (before the indent) for the common text: words separated by single spaces (after
    leading spaces, which the first line keeps), none longer than a line -- each line ends at the last space
    that fits, found by ``str.rfind``; None for any other text (``fill`` then walks its chunks)."""
    lead = len(text) - len(text.lstrip(" "))
    if rest < 1 or text[-1] == " " or "  " in text[lead:] or _OTHER_SPACE.search(text):
        return None
    lines, start, room = [], 0, first
    while len(text) - start > room:
        cut = text.rfind(" ", start, start + room + 1)
        if cut < lead:  # a word longer than the line (or the first line's room): cut by the chunk rule
            return None
        lines.append(text[start:cut])
        start, room = cut + 1, rest
    lines.append(text[start:])
    return lines


def _wrap(text: str, width: int) -> list[str]:
    out: list[str] = []
    for line in _reflow(text, width).split("\n"):
        line = line.rstrip()
        if len(line) <= width:
            out.append(line)
        else:
            indent = len(line) - len(line.lstrip())
            hanging = 4 if _ARG.match(line) else 0
            out.extend(_no_widow(fill(line, width, " " * (indent + hanging)), width))
    return out


def _no_widow(lines: list[str], width: int) -> list[str]:
    """Wrapped lines whose last line is not a single word: the word before it moves down when it fits."""
    if len(lines) < 2 or " " in lines[-1].strip():
        return lines
    head, _, moved = lines[-2].rpartition(" ")
    indent = lines[-1][:len(lines[-1]) - len(lines[-1].lstrip())]
    last = f"{indent}{moved} {lines[-1].strip()}"
    if not head.strip() or " " not in head.strip() or len(last) > width:
        return lines
    return [*lines[:-2], head, last]


def docstring(body: str, indent: int, fallback: str) -> str:
    """A complete triple-quoted docstring for code indented by ``indent`` spaces (lines fit ``LINE``)."""
    text = _escape_doc(body.strip() or fallback)
    pad = " " * indent
    lines = _wrap(text, LINE - indent - 3)
    if len(lines) == 1 and len(lines[0]) + indent + 6 <= LINE:
        return f'{pad}"""{lines[0]}"""'
    rendered = [f'{pad}"""{lines[0]}'] + [f"{pad}{line}" if line else "" for line in lines[1:]]
    return "\n".join(rendered + [f'{pad}"""'])


def first_paragraph(text: str) -> str:
    """The first paragraph of a comment, on one line."""
    return " ".join(text.strip().split("\n\n", 1)[0].split())


def summary_lines(text: str, width: int) -> list[str]:
    """A one-paragraph summary escaped and wrapped to ``width`` (no single word on the last line)."""
    return _no_widow(textwrap.wrap(_escape_doc(text), width), width)
