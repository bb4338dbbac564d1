"""The examples check can fail: a broken block, a strict block the runtime rejects, a block with no runner and
a stale skip entry are each reported (docs/tests/examples).

Place: docs tests (``nox -s docs``); runs the Python runner on made-up blocks against a local l8-runtime.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "examples"))

import blocks  # noqa: E402
import run as examples_run  # noqa: E402
import run_python  # noqa: E402


def block(code: str, info: str = "python", name: str = "x") -> blocks.Block:
    return blocks.Block("made-up.md", 1, info, code, name)


def test_python_runner_tells_passing_from_failing_blocks(tmp_path: Path) -> None:
    cases = [
        block('print(client.say_hello(service_name="helloworld", name="t").hello)', name="ok"),
        block("print(undefined_name)", name="python-error"),
        block('client.get_state(store_name="no_such_store", key="k")', name="strict-rejected"),
        block(
            'client.get_state(store_name="no_such_store", key="k")', "python call", name="lenient-rejected"
        ),
        block('client.get_state(store_name="no_such_store", key="k")', "python reference", name="reference"),
    ]
    with examples_run.runtime() as endpoint:
        results = run_python.run(cases, endpoint, tmp_path)
    assert {name: ok for name, (ok, _) in results.items()} == {
        "ok": True,
        "python-error": False,
        "strict-rejected": False,
        "lenient-rejected": True,
        "reference": True,
    }
    assert "NameError" in results["python-error"][1]
    assert "INVALID_ARGUMENT" in results["strict-rejected"][1]


def test_blocks_without_a_runner_are_untested_and_stale_skips_are_found() -> None:
    shell = block("make deploy", "sh")
    assert blocks.runner(shell, [])[0] == "untested"
    skip = blocks.Skip("made-up.md", "make deploy", "deploys")
    assert blocks.runner(shell, [skip]) == ("skip", "deploys")
    assert blocks.unused_skips([shell], [skip]) == []
    assert blocks.unused_skips([block("make test", "sh")], [skip]) == [skip]


def test_every_documentation_block_has_a_runner() -> None:
    skip_list = blocks.skips()
    found = blocks.all_blocks()
    assert [b.name for b in found if blocks.runner(b, skip_list)[0] == "untested"] == []
    assert blocks.unused_skips(found, skip_list) == []
    rpcs = len(json.loads((blocks.REPO / "docs/reference/html/search-index.json").read_text()))
    assert len([b for b in found if b.reference]) == 4 * rpcs  # one per RPC and language


def test_python_tour_prints_one_line_per_step(capsys: object) -> None:
    import tour

    with examples_run.runtime() as endpoint:
        assert tour.tour("python", endpoint)
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    steps = [line.split()[0] for line in out.splitlines() if line.strip()[:1].isdigit()]
    assert steps == ["1", "2", "3", "4", "5"], out
    assert "stale etag -> ABORTED" in out and "L8Error INVALID_ARGUMENT" in out
