"""l8gen.caches: answers remembered under a key of what they depend on; a changed key computes again."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from l8gen import caches, languages


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("L8GEN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_same_key_reads_the_remembered_value(cache_dir: Path) -> None:
    calls: list[int] = []

    def compute() -> list[str]:
        calls.append(1)
        return ["a", "b"]

    assert caches.remembered("thing", "k1", compute) == ["a", "b"]
    assert caches.remembered("thing", "k1", compute) == ["a", "b"]
    assert len(calls) == 1
    assert caches.remembered("thing", "k2", lambda: ["c"]) == ["c"]  # another key: computed
    assert caches.remembered("thing", "k1", lambda: ["stale?"]) == ["a", "b"]  # both keys kept


def test_an_unreadable_entry_is_computed_again(cache_dir: Path) -> None:
    caches.remembered("thing", "k", lambda: 1)
    (entry,) = (cache_dir / "remembered").glob("thing-*.json")
    entry.write_text("{not json", encoding="utf-8")
    assert caches.remembered("thing", "k", lambda: 2) == 2


def test_off_disables_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("L8GEN_CACHE_DIR", "off")
    assert caches.cache_root() is None
    values = iter([1, 2])
    assert caches.remembered("thing", "k", lambda: next(values)) == 1
    assert caches.remembered("thing", "k", lambda: next(values)) == 2


def test_only_the_most_recent_keys_of_a_name_are_kept(cache_dir: Path) -> None:
    for i in range(caches.KEPT + 3):
        caches.remembered("thing", f"k{i}", lambda i=i: i)  # type: ignore[misc]
    assert len(list((cache_dir / "remembered").glob("thing-*.json"))) == caches.KEPT


def test_pruning_a_name_leaves_the_names_that_start_with_it(cache_dir: Path) -> None:
    caches.remembered("thing-x", "k", lambda: 1)
    for i in range(caches.KEPT + 3):
        caches.remembered("thing", f"k{i}", lambda: 1)
    assert caches.remembered("thing-x", "k", lambda: pytest.fail("pruned with the other name")) == 1


def test_tree_key_changes_when_a_file_changes_and_not_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(caches, "RACY_NS", 0)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text("x = 1\n")
    (tmp_path / "pkg" / "__pycache__").mkdir()
    before = caches.tree_key(tmp_path / "pkg", (".py",))
    (tmp_path / "pkg" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"...")
    (tmp_path / "pkg" / "notes.bin").write_bytes(b"...")  # a suffix not asked for
    assert caches.tree_key(tmp_path / "pkg", (".py",)) == before
    (tmp_path / "pkg" / "a.py").write_text("x = 2\n")  # same size, new change time
    assert caches.tree_key(tmp_path / "pkg", (".py",)) != before


def test_a_file_changed_just_now_gives_no_key_so_nothing_is_remembered(
    cache_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")  # its change time is now: within RACY_NS
    assert caches.tree_key(tmp_path, (".py",)) is None
    values = iter([1, 2])
    assert caches.remembered("thing", None, lambda: next(values)) == 1
    assert caches.remembered("thing", None, lambda: next(values)) == 2
    assert not (cache_dir / "remembered").exists()


def test_the_generator_fingerprint_is_remembered_under_its_files_stamps(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from l8gen import pipeline

    monkeypatch.setattr(caches, "RACY_NS", 0)  # a generator file edited a moment ago still gets a key
    pipeline.generator_fingerprint.cache_clear()
    first = pipeline.generator_fingerprint()
    pipeline.generator_fingerprint.cache_clear()
    monkeypatch.setattr(pipeline, "_tree_digest", lambda *a: pytest.fail("hashed again"))
    assert pipeline.generator_fingerprint() == first
    pipeline.generator_fingerprint.cache_clear()


def test_a_template_tree_digest_is_remembered_and_follows_an_edit(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from l8gen import pipeline

    tree = tmp_path / "templates"
    (tree / "python" / "sub").mkdir(parents=True)
    (tree / "python" / "README.md.j2").write_text("a\n")
    (tree / "python" / "sub" / "x.py.j2").write_text("b\n")
    monkeypatch.setattr(caches, "RACY_NS", 0)  # files written just now still get a key
    first = pipeline.template_tree_digest(tree)
    assert first == pipeline._tree_digest(tree)
    real = pipeline._tree_digest
    monkeypatch.setattr(pipeline, "_tree_digest", lambda *a: pytest.fail("read again"))
    assert pipeline.template_tree_digest(tree) == first
    (tree / "python" / "sub" / "x.py.j2").write_text("changed\n")  # a new stamp: read and hashed again
    monkeypatch.setattr(pipeline, "_tree_digest", real)
    assert pipeline.template_tree_digest(tree) == real(tree) != first
    assert pipeline.template_tree_digest(tmp_path / "missing") == real(tmp_path / "missing")


def test_a_remembered_protoc_that_is_gone_is_looked_up_again(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from l8gen import descriptors

    monkeypatch.setattr(caches, "RACY_NS", 0)  # the same key in both lookups, whatever changed lately
    real = descriptors._protoc_files()
    gone = {entry: path + ".gone" for entry, path in real.items()}
    caches.remembered(f"files-{descriptors.PROTOC_DISTRIBUTION}", caches.environment_key(), lambda: gone)
    descriptors._bundled.cache_clear()
    descriptors._remembered_protoc_files.cache_clear()
    try:
        protoc = descriptors.protoc_executable()
    finally:
        descriptors._bundled.cache_clear()
        descriptors._remembered_protoc_files.cache_clear()
    assert protoc.is_file() and os.access(protoc, os.X_OK)
    assert not str(protoc).endswith(".gone")


def test_a_settled_toml_file_is_parsed_once_per_process(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tomllib

    from l8gen import languages

    path = tmp_path / "x.toml"
    path.write_text('name = "x"\n')
    parsed: list[str] = []
    real = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(text) or real(text))
    assert languages.read_toml(path) == {"name": "x"} == languages.read_toml(path)
    assert len(parsed) == 2  # written just now: its stamp is not trusted yet
    monkeypatch.setattr(caches, "RACY_NS", 0)
    assert languages.read_toml(path) == {"name": "x"} == languages.read_toml(path)
    assert len(parsed) == 3


@pytest.fixture
def toml_parses(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts ``tomllib`` parses from now on; every file's stamp trusted (written a moment ago)."""
    import tomllib

    parsed: list[str] = []
    real = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(text) or real(text))
    monkeypatch.setattr(caches, "RACY_NS", 0)
    return parsed


def test_a_settled_toml_table_is_remembered_across_processes(tmp_path: Path, toml_parses: list[str]) -> None:
    path = tmp_path / "x.toml"
    path.write_text('name = "x"\nsizes = [1, 2.5, -0.0]\n[tool.l8gen]\nflag = true\n')
    expected = {"name": "x", "sizes": [1, 2.5, -0.0], "tool": {"l8gen": {"flag": True}}}
    assert languages.read_toml(path) == expected
    languages._parse_toml_once.cache_clear()  # what a new process starts with
    assert languages.read_toml(path) == expected and len(toml_parses) == 1
    path.write_text('name = "y"\n')  # a new stamp: parsed again
    assert languages.read_toml(path) == {"name": "y"} and len(toml_parses) == 2


def test_a_toml_table_json_cannot_hold_is_parsed_every_time(
    tmp_path: Path, cache_dir: Path, toml_parses: list[str]
) -> None:
    (tmp_path / "dated.toml").write_text("released = 2026-12-06\n")
    for _ in range(2):
        languages._parse_toml_once.cache_clear()
        assert languages.read_toml(tmp_path / "dated.toml") == {"released": datetime.date(2026, 12, 6)}
    assert len(toml_parses) == 2
    assert not list((cache_dir / "remembered").glob("toml-*"))


def test_a_value_json_cannot_hold_is_returned_and_not_remembered(cache_dir: Path) -> None:
    calls: list[int] = []

    def compute() -> object:
        calls.append(1)
        return {"when": object}

    assert caches.remembered("odd", "k", compute) == {"when": object}
    assert caches.remembered("odd", "k", compute) == {"when": object}
    assert len(calls) == 2 and not (cache_dir / "remembered").exists()


def test_atomic_write_replaces_a_leftover_temporary_file_and_writes_everything(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    (tmp_path / f".out.bin.{os.getpid()}.l8gen-tmp").write_bytes(b"left by a killed run")
    data = bytes(range(256)) * 20_000  # 5 MB
    caches.atomic_write(target, data)
    assert target.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


def test_a_failed_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()  # a directory where the file should go: the rename fails
    with pytest.raises(OSError):
        caches.atomic_write(tmp_path / "taken", b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_files_below_walks_in_path_order_without_pycache_or_linked_directories(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.py", "a.txt", "a/__pycache__/m.pyc", "c/d/e.j2"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "linked").symlink_to(tmp_path / "c", target_is_directory=True)
    (tmp_path / "file-link").symlink_to(tmp_path / "b.txt")
    assert [rel for rel, _ in caches.files_below(str(tmp_path), "p/")] == [
        "p/a/z.py", "p/a.txt", "p/b.txt", "p/c/d/e.j2", "p/file-link"]
