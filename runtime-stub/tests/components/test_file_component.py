"""File store semantics: confinement to the root, atomic chunked writes, paging, NOT_FOUND."""

from __future__ import annotations

import pytest
from l8_runtime.components.file import FileStore
from l8_runtime.errors import ApiError


@pytest.fixture
def store(make, tmp_path):
    return make(FileStore, root=str(tmp_path / "root"), chunkSize="4")


def put(store, name: str, data: bytes, **meta: str) -> None:
    w = store.open_writer(name, meta)
    for i in range(0, len(data), 3):
        w.write(data[i : i + 3])
    w.commit()


def test_put_then_get_in_chunks(store):
    put(store, "dir/a.txt", b"hello world")
    chunks = list(store.read_chunks("dir/a.txt"))
    assert b"".join(chunks) == b"hello world"
    assert max(len(c) for c in chunks) == 4


def test_stat_reports_size_time_and_metadata(store):
    put(store, "a", b"12345", owner="me")
    info = store.stat("a")
    assert info.size == 5 and info.metadata == {"owner": "me"}
    assert info.last_modified.endswith("Z") and "T" in info.last_modified


@pytest.mark.parametrize(
    "name", ["../escape", "/abs/path", "a/../../b", "a//b", "./a", "a\\b", "", "a/./b", "nul\x00"]
)
def test_names_outside_the_root_are_invalid(store, name):
    with pytest.raises(ApiError) as exc:
        store.open_writer(name)
    assert exc.value.code == "INVALID_ARGUMENT"


def test_symlink_escape_is_invalid(store, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (store.data_dir / "link").symlink_to(outside)
    with pytest.raises(ApiError) as exc:
        store.open_writer("link/x")
    assert exc.value.code == "INVALID_ARGUMENT"


def test_aborted_upload_leaves_nothing(store):
    w = store.open_writer("half")
    w.write(b"abc")
    w.abort()
    with pytest.raises(ApiError) as exc:
        store.stat("half")
    assert exc.value.code == "NOT_FOUND"
    assert list(store.tmp_dir.iterdir()) == []


def test_missing_file_is_not_found(store):
    for op in (store.stat, store.delete, lambda n: list(store.read_chunks(n))):
        with pytest.raises(ApiError) as exc:
            op("ghost")
        assert exc.value.code == "NOT_FOUND"


def test_delete_removes_file_and_empty_dirs(store):
    put(store, "x/y/z", b"1")
    store.delete("x/y/z")
    assert not (store.data_dir / "x").exists()


def test_list_pages_with_marker(store):
    for n in ["d/a", "d/b", "d/sub/c", "d/e", "other"]:
        put(store, n, b"1")
    page1, marker, truncated = store.list("d", page_size=2)
    assert [f.name for f in page1] == ["d/a", "d/b"] and truncated and marker == "d/b"
    page2, marker2, truncated2 = store.list("d", page_size=2, marker=marker)
    assert [f.name for f in page2] == ["d/e", "d/sub/c"] and not truncated2 and marker2 == ""


def test_list_root_and_missing_directory(store):
    put(store, "a", b"1")
    assert [f.name for f in store.list("")[0]] == ["a"]
    assert store.list("nothing-here")[0] == []


def test_list_a_file_as_directory_is_invalid(store):
    put(store, "a", b"1")
    with pytest.raises(ApiError) as exc:
        store.list("a")
    assert exc.value.code == "INVALID_ARGUMENT"


def test_negative_page_size_is_invalid(store):
    with pytest.raises(ApiError):
        store.list("", page_size=-1)


def test_file_below_an_existing_file_is_invalid(store):
    put(store, "a", b"1")
    with pytest.raises(ApiError) as exc:
        store.open_writer("a/b")
    assert exc.value.code == "INVALID_ARGUMENT"


def test_mutant_file_list_ignores_marker(make, mutant, tmp_path):
    store = make(FileStore, ctx_=mutant("file-list-ignores-marker"), root=str(tmp_path / "m"))
    put(store, "a", b"1")
    put(store, "b", b"1")
    assert [f.name for f in store.list("", marker="a")[0]] == ["a", "b"]
