"""docs/DIFFERENCES.md is the rendering of the runtime's differences table (regenerated and compared)."""

from __future__ import annotations

from pathlib import Path

from l8_runtime import differences
from l8_runtime.layotto_types import LAYOTTO_TYPES

PAGE = Path(__file__).resolve().parents[2] / "docs" / "DIFFERENCES.md"


def test_the_page_is_the_rendered_table() -> None:
    assert PAGE.read_text(encoding="utf-8") == differences.render(), (
        "docs/DIFFERENCES.md is stale: python -m l8_runtime.differences --write docs/DIFFERENCES.md"
    )


def test_every_row_and_every_mapped_type_is_on_the_page() -> None:
    page = differences.render()
    for row in (*differences.AS_LAYOTTO, *differences.STRICTER):
        assert f"| {row.area} | {row.layotto} |" in page
    for api, types in LAYOTTO_TYPES.items():
        for type_ in types:
            assert f"`{type_}`" in page and f"| {api} |" in page


def test_write_option_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "d.md"
    assert differences.main(["--write", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == differences.render()
