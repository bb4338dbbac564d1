"""l8compat.merge: the combined grid takes each language's newest run and never a mutant/skew run."""

from __future__ import annotations

from pathlib import Path

from l8compat.merge import merge, newest_runs
from l8compat.reports import write_json
from l8compat.results import CaseResult, LanguageInfo, Run, RunMeta


def _write(
    root: Path, name: str, started: str, langs: list[str], outcome: str = "pass", mutant: str = ""
) -> None:
    meta = RunMeta(
        runtime_mode="container",
        started=started,
        mutant=mutant,
        duration_s=1.0,
        languages={lang: LanguageInfo(lang, sdk_version="0.1.0") for lang in langs},
        gates={
            "coverage": {"ok": outcome == "pass", "detail": [] if outcome == "pass" else ["x"], "skipped": ""}
        },
    )
    run = Run(meta)
    for lang in langs:
        run.results.append(
            CaseResult(
                lang,
                "spec.proto.runtime.v1.Runtime",
                "GetState",
                "a",
                "Runtime.GetState/a",
                "happy",
                outcome,
                1.0,
            )
        )
    write_json(run, root / name)


def test_newest_run_per_language_wins(tmp_path: Path) -> None:
    _write(tmp_path, "all", "2026-01-01T00:00:00Z", ["python", "go"], outcome="fail")
    _write(tmp_path, "python", "2026-01-02T00:00:00Z", ["python"])
    runs = newest_runs(tmp_path)
    assert runs["python"]["source"] == "python"
    assert runs["go"]["source"] == "all"
    merged = merge(tmp_path)
    assert merged is not None
    assert {(r.language, r.outcome) for r in merged.results} == {("python", "pass"), ("go", "fail")}
    assert merged.meta.duration_s == 2.0  # one run each: "all" (for go) and "python"
    assert merged.meta.gates["coverage"]["ok"] is False  # the go run's gate failed
    assert any("python: from results/python" in n for n in merged.meta.notes)


def test_mutant_and_skew_runs_are_ignored(tmp_path: Path) -> None:
    _write(tmp_path, "python", "2026-01-01T00:00:00Z", ["python"])
    _write(tmp_path, "later", "2026-01-05T00:00:00Z", ["python"], outcome="fail", mutant="etag-ignored")
    _write(tmp_path, "skew", "2026-01-06T00:00:00Z", ["python"], outcome="fail")
    merged = merge(tmp_path)
    assert merged is not None and [r.outcome for r in merged.results] == ["pass"]


def test_one_run_for_several_languages_counts_once(tmp_path: Path) -> None:
    _write(tmp_path, "all", "2026-01-01T00:00:00Z", ["python", "go", "node"])
    merged = merge(tmp_path)
    assert merged is not None and merged.meta.duration_s == 1.0
    assert sorted(merged.meta.languages) == ["go", "node", "python"]


def test_nothing_to_merge(tmp_path: Path) -> None:
    assert merge(tmp_path) is None
