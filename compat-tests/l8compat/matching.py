"""Matching driver replies against case expectations.

Place in the pipeline: executor -> matching -> pass/fail reason. Replies are canonical proto3 JSON (every
no-presence field printed, see protos.canonical), so an expectation names the fields it cares about:
objects match as subsets, lists match element-wise with the same length, scalars by value (an int64 printed
as a string equals the same integer). Operators (an object with one `$` key) cover what plain values cannot:

  $any: true           key present, any value            $absent: true   key not present
  $ne / $gt / $ge / $lt / $le: v    numeric when both sides are numbers (int64 strings included)
  $regex: "pattern"    re.search on the string           $len: n         length of a list/string/object
  $contains: [..]      each item matches a distinct element, in any order, extra elements allowed
  $unordered: [..]     same length, each item matches a distinct element
  $exact: v            equality with no subset rule (objects must have exactly these keys, recursively)
  $nonempty: true      truthy value                       $one_of: [..]  equals one of the values
"""

from __future__ import annotations

import re
from typing import Any

_OPS = {
    "$any",
    "$absent",
    "$ne",
    "$gt",
    "$ge",
    "$lt",
    "$le",
    "$regex",
    "$len",
    "$contains",
    "$unordered",
    "$exact",
    "$nonempty",
    "$one_of",
}


class Mismatch(AssertionError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path or '<root>'}: {message}")
        self.path = path


def is_operator(v: Any) -> bool:
    return isinstance(v, dict) and len(v) == 1 and next(iter(v)) in _OPS


def _num(v: Any) -> float | int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return v
    if isinstance(v, str):
        try:
            return int(v)
        except ValueError:
            try:
                return float(v)
            except ValueError:
                return None
    return None


def _short(v: Any, limit: int = 160) -> str:
    text = repr(v)
    return text if len(text) <= limit else text[:limit] + f"...({len(text)} chars)"


def scalar_equal(expected: Any, actual: Any) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual or (
            isinstance(expected, bool) and isinstance(actual, bool) and expected == actual
        )
    if expected == actual:
        return True
    e, a = _num(expected), _num(actual)
    if e is not None and a is not None and (isinstance(expected, str) != isinstance(actual, str)):
        return e == a
    return False


def _matches(expected: Any, actual: Any) -> bool:
    try:
        match(expected, actual)
    except Mismatch:
        return False
    return True


def _unmatched(items: list[Any], actual: list[Any]) -> int | None:
    """Assign each expected item to a distinct actual element (bipartite matching).

    Returns the index of an expected item that cannot be placed, or None when all can.
    """
    options = [[j for j, a in enumerate(actual) if _matches(e, a)] for e in items]
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or place(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(items)):
        if not place(i, set()):
            return i
    return None


def _operator(op: str, arg: Any, actual: Any, path: str) -> None:
    if op == "$any":
        return
    if op == "$nonempty":
        if not actual:
            raise Mismatch(path, f"expected a non-empty value, got {_short(actual)}")
        return
    if op == "$exact":
        if not _exact(arg, actual):
            raise Mismatch(path, f"expected exactly {_short(arg)}, got {_short(actual)}")
        return
    if op == "$one_of":
        if not any(scalar_equal(x, actual) or _matches(x, actual) for x in arg):
            raise Mismatch(path, f"expected one of {_short(arg)}, got {_short(actual)}")
        return
    if op == "$ne":
        if scalar_equal(arg, actual) or (not isinstance(arg, dict | list) and arg == actual):
            raise Mismatch(path, f"expected a value other than {_short(arg)}")
        return
    if op in ("$gt", "$ge", "$lt", "$le"):
        a, e = _num(actual), _num(arg)
        if a is None or e is None:
            raise Mismatch(path, f"{op} needs numbers, got {_short(actual)} vs {_short(arg)}")
        ok = {"$gt": a > e, "$ge": a >= e, "$lt": a < e, "$le": a <= e}[op]
        if not ok:
            raise Mismatch(path, f"expected {op[1:]} {arg}, got {_short(actual)}")
        return
    if op == "$regex":
        if not isinstance(actual, str) or re.search(str(arg), actual) is None:
            raise Mismatch(path, f"expected a string matching /{arg}/, got {_short(actual)}")
        return
    if op == "$len":
        if not hasattr(actual, "__len__") or len(actual) != int(arg):
            n = len(actual) if hasattr(actual, "__len__") else "n/a"
            raise Mismatch(path, f"expected length {arg}, got {n}: {_short(actual)}")
        return
    if op in ("$contains", "$unordered"):
        if not isinstance(actual, list) or not isinstance(arg, list):
            raise Mismatch(path, f"{op} needs a list, got {_short(actual)}")
        if op == "$unordered" and len(arg) != len(actual):
            raise Mismatch(
                path, f"expected {len(arg)} elements in any order, got {len(actual)}: {_short(actual)}"
            )
        bad = _unmatched(arg, actual)
        if bad is not None:
            raise Mismatch(path, f"no (distinct) element matches {_short(arg[bad])} in {_short(actual, 400)}")
        return
    raise Mismatch(path, f"unknown operator {op}")  # pragma: no cover - guarded by _OPS


def _exact(expected: Any, actual: Any) -> bool:
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(_exact(expected[k], actual[k]) for k in expected)
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(
            _exact(e, a) for e, a in zip(expected, actual, strict=True)
        )
    return scalar_equal(expected, actual)


def match(expected: Any, actual: Any, path: str = "") -> None:
    """Raise Mismatch (with a JSON-path-like location) when `actual` does not satisfy `expected`."""
    if is_operator(expected):
        op, arg = next(iter(expected.items()))
        if op == "$absent":
            raise Mismatch(path, f"expected the field to be absent, got {_short(actual)}")
        _operator(op, arg, actual, path)
        return
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            raise Mismatch(path, f"expected an object, got {_short(actual)}")
        for k, v in expected.items():
            sub = f"{path}.{k}" if path else str(k)
            if is_operator(v) and next(iter(v)) == "$absent":
                if k in actual:
                    raise Mismatch(sub, f"expected the field to be absent, got {_short(actual[k])}")
                continue
            if k not in actual:
                raise Mismatch(sub, f"missing (have: {', '.join(sorted(map(str, actual))) or 'nothing'})")
            match(v, actual[k], sub)
        return
    if isinstance(expected, list):
        if not isinstance(actual, list):
            raise Mismatch(path, f"expected a list, got {_short(actual)}")
        if len(expected) != len(actual):
            raise Mismatch(
                path, f"expected {len(expected)} elements, got {len(actual)}: {_short(actual, 400)}"
            )
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            match(e, a, f"{path}[{i}]")
        return
    if not scalar_equal(expected, actual):
        raise Mismatch(path, f"expected {_short(expected)}, got {_short(actual)}")


def extract(value: Any, path: str) -> Any:
    """Read `a.b[0].c` out of a reply (for `capture`). Raises KeyError with the failing part."""
    cur = value
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if part.startswith("["):
            idx = int(part[1:-1])
            if not isinstance(cur, list) or idx >= len(cur):
                raise KeyError(f"{path}: no element {idx} in {_short(cur)}")
            cur = cur[idx]
        else:
            if not isinstance(cur, dict) or part not in cur:
                raise KeyError(f"{path}: no key {part!r} in {_short(cur)}")
            cur = cur[part]
    return cur
