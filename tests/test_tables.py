"""Terminal tables: what a reader sees of documents, hits and practices at a given width."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from assistant import Assistant
from assistant.tables import documents_table, hits_table, practices_table


def _render(table: Table, width: int) -> list[str]:
    out = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    out.print(table)
    return out.export_text().splitlines()


def _cells(lines: list[str], column: int) -> list[str]:
    return [line.split("│")[column + 1].strip() for line in lines if line.count("│") > column + 1]


def _header(lines: list[str]) -> list[str]:
    return [cell.strip() for cell in lines[2].strip("┃").split("┃")]


def test_a_narrow_terminal_lists_each_document_as_its_id_over_its_title(assistant: Assistant) -> None:
    assert assistant.ingest().ok
    lines = _render(documents_table(assistant.documents(), 80), 80)
    cells = _cells(lines, 0)
    g7 = cells.index("g7-2017-cyber-business")
    assert cells[g7 + 1].startswith("G7 Actions for Enhancing Cybersecurity")
    assert any("│ 26 September 2017 │" in line for line in lines)
    assert not any("(year not stated" in line for line in lines)  # the date's aside only when wide
    wide = "\n".join(_render(documents_table(assistant.documents(), 160), 160))
    assert "(year not stated" in wide and "issuer" in wide and "ingested" in wide


def test_search_hits_name_the_document_briefly_and_show_similarity_at_any_width(assistant: Assistant) -> None:
    assert assistant.ingest().ok
    hits = assistant.search("mutual legal assistance treaties", k=2)
    assert hits[0].doc_id == "icc-board-briefing-cyber"
    narrow = _render(hits_table("mutual legal assistance treaties", hits, 80), 80)
    assert _header(narrow) == ["#", "source", "text"]
    sources = " ".join(_cells(narrow, 1))
    assert "ICC Board Briefing" in sources and "30 Global Business Leaders" not in sources
    assert f"similarity {hits[0].score:.2f}" in sources
    wide = _render(hits_table("mutual legal assistance treaties", hits, 160), 160)
    assert _header(wide) == ["#", "similarity", "source", "text"] and _cells(wide, 1)[0] == f"{hits[0].score:.2f}"


def test_narrow_practices_keep_kind_and_addressees_under_the_source(assistant: Assistant) -> None:
    assert assistant.ingest().ok
    items = assistant.practices(addressee="SMEs")
    narrow = _render(practices_table(items, "SMEs", 80), 80)
    assert "addressed to SMEs" in narrow[0] and _header(narrow) == ["source", "text"]
    sources = " ".join(_cells(narrow, 0))
    assert sources.count(" · ") == len(items) and "recommendation · SMEs" in sources
    wide = _render(practices_table(items, "SMEs", 160), 160)
    assert _header(wide) == ["source", "kind", "addressees", "text"]
