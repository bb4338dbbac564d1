"""l8compat.matching: subset semantics, int64 strings, operators, capture paths."""

from __future__ import annotations

import pytest
from l8compat.matching import Mismatch, extract, match


def test_object_subset_ignores_extra_keys() -> None:
    match({"a": 1}, {"a": 1, "b": 2})


def test_missing_key_names_the_path() -> None:
    with pytest.raises(Mismatch, match=r"items\[0\]\.etag: missing"):
        match({"items": [{"etag": "1"}]}, {"items": [{"key": "k"}]})


def test_list_length_must_match() -> None:
    with pytest.raises(Mismatch, match="expected 1 elements, got 2"):
        match([1], [1, 2])


def test_int64_string_equals_int_but_bool_is_not_a_number() -> None:
    match({"size": 5}, {"size": "5"})
    with pytest.raises(Mismatch):
        match({"ok": 1}, {"ok": True})
    with pytest.raises(Mismatch):
        match({"ok": False}, {"ok": 0})


def test_comparison_operators_on_int64_strings() -> None:
    match({"$gt": "9"}, "10")
    with pytest.raises(Mismatch, match="expected gt 10"):
        match({"$gt": 10}, "10")


def test_contains_needs_distinct_elements() -> None:
    match({"$contains": [{"k": 1}, {"k": 2}]}, [{"k": 2}, {"k": 3}, {"k": 1}])
    with pytest.raises(Mismatch):
        match({"$contains": [{"k": 1}, {"k": 1}]}, [{"k": 1}, {"k": 2}])


def test_unordered_requires_same_length() -> None:
    match({"$unordered": ["b", "a"]}, ["a", "b"])
    with pytest.raises(Mismatch):
        match({"$unordered": ["a"]}, ["a", "b"])


def test_exact_rejects_extra_keys() -> None:
    match({"$exact": {"a": "1"}}, {"a": "1"})
    with pytest.raises(Mismatch):
        match({"$exact": {"a": "1"}}, {"a": "1", "b": "2"})


def test_absent_regex_len_ne_nonempty() -> None:
    match({"x": {"$absent": True}}, {"y": 1})
    with pytest.raises(Mismatch):
        match({"x": {"$absent": True}}, {"x": 1})
    match({"$regex": "^ab"}, "abc")
    match({"$len": 2}, [1, 2])
    match({"$ne": "a"}, "b")
    with pytest.raises(Mismatch):
        match({"$ne": "a"}, "a")
    with pytest.raises(Mismatch):
        match({"$nonempty": True}, "")


def test_extract_paths() -> None:
    value = {"response": {"items": [{"etag": "3"}]}}
    assert extract(value, "response.items[0].etag") == "3"
    with pytest.raises(KeyError, match="no element 1"):
        extract(value, "response.items[1].etag")
