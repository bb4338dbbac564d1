"""Hypothesis strategies over protobuf descriptors: request bodies for any RPC, without per-RPC code.

Place in the pipeline: the input side of ``nox -s fuzz`` (run_fuzz.py). ``request_bodies(descriptor)``
draws the serialized bytes of one request: a valid-shaped message (every field kind from the descriptor:
scalars with boundary values, enums with undefined numbers, repeated, maps, nested messages to a bounded
depth, strings from a vocabulary of configured component names so calls get past the store lookup),
a message with boundary-size strings/bytes, or raw garbage bytes. ``stream_bodies`` draws the messages of
a client stream, sometimes with garbage in the middle. No package on PyPI maintains protobuf strategies
for protobuf 7, hence this module.
"""

from __future__ import annotations

from typing import Any

from google.protobuf import message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from hypothesis import strategies as st

F = FieldDescriptor
INT_RANGES = {
    F.TYPE_INT32: (-(2**31), 2**31 - 1),
    F.TYPE_SINT32: (-(2**31), 2**31 - 1),
    F.TYPE_SFIXED32: (-(2**31), 2**31 - 1),
    F.TYPE_INT64: (-(2**63), 2**63 - 1),
    F.TYPE_SINT64: (-(2**63), 2**63 - 1),
    F.TYPE_SFIXED64: (-(2**63), 2**63 - 1),
    F.TYPE_UINT32: (0, 2**32 - 1),
    F.TYPE_FIXED32: (0, 2**32 - 1),
    F.TYPE_UINT64: (0, 2**64 - 1),
    F.TYPE_FIXED64: (0, 2**64 - 1),
}
BOUNDARY_SIZES = (0, 1, 255, 256, 1024, 4096, 4097, 65536, 65537)  # larger bodies: the RSS tests
MAX_DEPTH = 2


def _ints(lo: int, hi: int) -> st.SearchStrategy[int]:
    edges = [v for v in (lo, hi, 0, 1, -1, 2**31 - 1, 2**53, 10**14) if lo <= v <= hi]
    return st.one_of(st.sampled_from(edges), st.integers(lo, hi))


def _strings(vocab: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(vocab),
        st.sampled_from(vocab),
        st.sampled_from(vocab),
        st.text(max_size=40),
        st.sampled_from(BOUNDARY_SIZES).map(lambda n: "k" * n),
        st.sampled_from(["..", "/", "a/../../etc", "\x00", "a" * 256 + "/b", "9" * 400]),
    )


def _scalar(field: FieldDescriptor, vocab: tuple[str, ...]) -> st.SearchStrategy[Any]:
    t = field.type
    if t in INT_RANGES:
        return _ints(*INT_RANGES[t])
    if t == F.TYPE_BOOL:
        return st.booleans()
    if t in (F.TYPE_DOUBLE, F.TYPE_FLOAT):
        return st.floats(allow_nan=True, width=32 if t == F.TYPE_FLOAT else 64)
    if t == F.TYPE_STRING:
        return _strings(vocab)
    if t == F.TYPE_BYTES:
        return st.one_of(st.binary(max_size=64), st.sampled_from(BOUNDARY_SIZES).map(lambda n: b"\xff" * n))
    if t == F.TYPE_ENUM:
        numbers = [v.number for v in field.enum_type.values]
        return st.one_of(st.sampled_from(numbers), st.sampled_from([99, -1, 2**31 - 1]))
    raise AssertionError(f"unhandled field type {t}")


def messages(desc: Descriptor, vocab: tuple[str, ...], depth: int = 0) -> st.SearchStrategy[Any]:
    """A strategy for instances of the message class of ``desc``."""
    cls = message_factory.GetMessageClass(desc)
    fields = [f for f in desc.fields if depth < MAX_DEPTH or f.type != F.TYPE_MESSAGE]

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        msg = cls()
        chosen = draw(st.lists(st.sampled_from(fields), max_size=len(fields), unique=True)) if fields else []
        # names of stores/components/buckets are set most of the time, so calls get past the lookup
        chosen += [
            f for f in fields if f.name.endswith("name") and f not in chosen and draw(st.integers(0, 3))
        ]
        for f in chosen:
            _fill(draw, msg, f, vocab, depth)
        return msg

    return build()


def _fill(draw: st.DrawFn, msg: Any, f: FieldDescriptor, vocab: tuple[str, ...], depth: int) -> None:
    target = getattr(msg, f.name)
    if f.message_type is not None and f.message_type.GetOptions().map_entry:
        key_f, val_f = f.message_type.fields_by_name["key"], f.message_type.fields_by_name["value"]
        keys = draw(st.lists(_scalar(key_f, vocab), max_size=3, unique=True))
        for k in keys:
            if val_f.type == F.TYPE_MESSAGE:
                target[k].CopyFrom(draw(messages(val_f.message_type, vocab, depth + 1)))
            else:
                target[k] = draw(_scalar(val_f, vocab))
        return
    if f.type == F.TYPE_MESSAGE:
        sub = messages(f.message_type, vocab, depth + 1)
        if _repeated(f):
            target.extend(draw(st.lists(sub, max_size=3)))
        else:
            getattr(msg, f.name).CopyFrom(draw(sub))
        return
    if _repeated(f):
        target.extend(draw(st.lists(_scalar(f, vocab), max_size=4)))
    else:
        setattr(msg, f.name, draw(_scalar(f, vocab)))


def _repeated(f: FieldDescriptor) -> bool:
    return bool(f.is_repeated) if hasattr(f, "is_repeated") else f.label == F.LABEL_REPEATED


def garbage() -> st.SearchStrategy[bytes]:
    """Bytes that are (almost always) not a valid encoding: bad tags, truncated varints, wrong wire types."""
    return st.one_of(
        st.binary(min_size=1, max_size=64),
        st.sampled_from(
            [b"\xff", b"\x0a\xff\xff\xff\xff\x0f", b"\x08", b"\x0a\x05ab", b"\x07\x00", b"\x80" * 11]
        ),
    )


def request_bodies(desc: Descriptor, vocab: tuple[str, ...]) -> st.SearchStrategy[bytes]:
    valid = messages(desc, vocab).map(lambda m: m.SerializeToString())
    return st.one_of(valid, valid, valid, garbage())


def stream_bodies(desc: Descriptor, vocab: tuple[str, ...]) -> st.SearchStrategy[list[bytes]]:
    """1-4 messages of a client stream; sometimes garbage mid-way."""
    valid = messages(desc, vocab).map(lambda m: m.SerializeToString())
    body = st.lists(valid, min_size=1, max_size=4)

    @st.composite
    def with_garbage(draw: st.DrawFn) -> list[bytes]:
        items = draw(body)
        items.insert(draw(st.integers(0, len(items))), draw(garbage()))
        return items

    return st.one_of(body, body, with_garbage())
