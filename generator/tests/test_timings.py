"""l8gen.timings and ``l8gen generate --timings``: phase marks in time order, printed to stderr, read back."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from l8gen import timings

from tests.conftest import ListingTarget, cli


@pytest.fixture
def recording() -> Iterator[None]:
    timings.enable()
    try:
        yield
    finally:
        timings.disable()


@pytest.fixture
def repo(workspace: Path, listing_target: ListingTarget, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(workspace)
    return workspace


def test_report_lists_the_marks_in_time_order_and_parse_reads_them_back(recording: None) -> None:
    timings.mark("first")
    time.sleep(0.02)
    timings.mark("second")
    started, marks = timings.parse(timings.report())
    assert started == pytest.approx(timings.STARTED, abs=1e-6)
    assert [phase for _, phase in marks] == ["first", "second"]
    assert marks[1][0] - marks[0][0] >= 19.9  # ms: the 20 ms sleep between them (printed to 0.1 ms)


def test_parse_refuses_text_without_a_report() -> None:
    with pytest.raises(ValueError, match="no l8gen timings report"):
        timings.parse("sdks/listing: 3 written, 0 removed, 0 unchanged\n")


def test_generate_with_timings_prints_every_phase_in_pipeline_order(repo: Path) -> None:
    code, out, err = cli("generate", "--target", "listing", "--timings")
    assert (code, out) == (0, "sdks/listing: 3 written, 0 removed, 0 unchanged\n")
    phases = [phase for _, phase in timings.parse(err)[1]]
    assert phases == ["arguments parsed", "protoc started", "generator imported", "options read",
                      "descriptors read", "input digests", "cache checked", "IR built",
                      "targets loaded, plugin limits checked", "listing: start work awaited",
                      "listing: generated", "every target generated", "writes planned", "listing: written",
                      "done"]


def test_generate_without_timings_prints_no_report(repo: Path) -> None:
    code, _, err = cli("generate", "--target", "listing")
    assert (code, err) == (0, "")
