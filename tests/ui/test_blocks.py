"""The practices table stays usable on a large index: it shows the first rows, says so, and exports all."""

from __future__ import annotations

import csv
from pathlib import Path

from assistant.types import Practice
from assistant.ui.blocks import MAX_ROWS, _count, _export, _rows
from assistant.ui.exports import Exports


def practices(n: int) -> list[Practice]:
    return [Practice(provision_id=f"d/item-{i}", doc_id="d", doc_title="Doc", label=f"Item {i}", kind="commitment",
                     text=f"commitment number {i}") for i in range(n)]


def test_a_large_list_shows_the_first_rows_says_how_many_and_exports_every_one() -> None:
    items = practices(MAX_ROWS + 250)
    assert len(_rows(items)) == MAX_ROWS and _rows(items)[0][1] == "Item 0"
    assert f"{MAX_ROWS + 250:,}" in _count(items) and f"first {MAX_ROWS}" in _count(items)
    exports = Exports()
    try:
        with Path(_export(exports, items, "csv")).open(encoding="utf-8") as handle:
            assert sum(1 for _ in csv.reader(handle)) == MAX_ROWS + 250 + 1  # header and every practice
    finally:
        exports.close()


def test_a_short_list_is_shown_whole_without_a_note() -> None:
    items = practices(3)
    assert len(_rows(items)) == 3 and "first" not in _count(items)
