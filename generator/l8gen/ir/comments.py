"""Source-info index for the IR builder: ``Doc`` and declaration line per element, indexed once.

Pipeline place: ``ir.builder`` creates one ``CommentIndex`` per FileDescriptorSet and looks elements up by
(file name, descriptor path) in O(1) instead of scanning locations per element. Leading detached comments
are dropped; text is dedented, without comment markers, trailing blanks stripped.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from google.protobuf import descriptor_pb2

from l8gen.ir.model import Doc

# Field numbers used in SourceCodeInfo paths (descriptor.proto).
FILE_PACKAGE = 2
FILE_MESSAGE = 4
FILE_ENUM = 5
FILE_SERVICE = 6
FILE_SYNTAX = 12
MESSAGE_FIELD = 2
MESSAGE_NESTED = 3
MESSAGE_ENUM = 4
MESSAGE_ONEOF = 8
ENUM_VALUE = 2
SERVICE_METHOD = 2

Path = tuple[int, ...]
_NO_DOC = Doc()  # the Doc of an undocumented element (records are not modified)


def clean(text: str) -> str:
    """Turn a raw protoc comment (``// x`` -> `` x``, block comments with `` * ``) into plain text: lines
    without trailing blanks, the common leading blanks removed (``textwrap.dedent``'s rule, spaces and tabs;
    done here without its regular expressions: ~2,000 comments per API), blank lines at both ends dropped."""
    if not text:
        return ""
    body = text[:-1] if text[-1] == "\n" else text
    if "\n" not in body and "\r" not in body and not body.lstrip().startswith("*"):
        return body.rstrip().lstrip(" \t")  # one line (most comments): the same result, sooner
    lines = text.replace("\r\n", "\n").split("\n")
    if "*" in text and all(not line.strip() or line.lstrip().startswith("*") for line in lines):
        lines = [line.lstrip()[1:] if line.lstrip().startswith("*") else line for line in lines]
    lines = [line.rstrip() for line in lines]
    margin = os.path.commonprefix([line[: len(line) - len(line.lstrip(" \t"))] for line in lines if line])
    if margin:
        cut = len(margin)
        lines = [line[cut:] for line in lines]
    return "\n".join(lines).strip("\n").rstrip()


class CommentIndex:
    """Maps (file name, descriptor path) to the element's ``Doc``."""

    def __init__(self, files: Iterable[descriptor_pb2.FileDescriptorProto]) -> None:
        self._docs: dict[tuple[str, Path], Doc] = {}
        self._lines: dict[tuple[str, Path], int] = {}
        docs, lines = self._docs, self._lines
        for proto in files:
            name = proto.name
            for loc in proto.source_code_info.location:
                steps = loc.path
                if len(steps) % 2 and len(steps) > 1:  # a part of an element (its name, type...), not one
                    continue
                key = (name, tuple(steps))
                if key not in lines:
                    span = loc.span
                    if span:
                        lines[key] = span[0] + 1
                leading, trailing = loc.leading_comments, loc.trailing_comments
                if (leading or trailing) and key not in docs:  # first location wins (one per element)
                    docs[key] = Doc(leading=clean(leading), trailing=clean(trailing))

    def doc(self, file: str, path: Path) -> Doc:
        return self._docs.get((file, path), _NO_DOC)

    def doc_and_line(self, file: str, path: Path) -> tuple[Doc, int]:
        """``doc`` and ``line`` of one element, looked up with one key."""
        key = (file, path)
        return self._docs.get(key, _NO_DOC), self._lines.get(key, 0)

    def line(self, file: str, path: Path) -> int:
        """1-based line where the element at ``path`` starts (0 when the file has no source info)."""
        return self._lines.get((file, path), 0)

    def file_doc(self, file: str) -> Doc:
        """The comment on the ``syntax`` statement, else on the ``package`` statement."""
        syntax = self.doc(file, (FILE_SYNTAX,))
        return syntax if syntax.text else self.doc(file, (FILE_PACKAGE,))
