"""Question-set validation: every problem as file:line, before anything runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evals.cases import SetError, load
from tests.conftest import REPO


def test_shipped_sets_are_valid_and_large_enough() -> None:
    cases = load([REPO / "evals" / "shipped.yaml", REPO / "evals" / "related.yaml"])
    assert len(cases) >= 60
    assert sum(not c.answerable for c in cases) >= 10
    assert sum("follow-up" in c.tags for c in cases) >= 6
    assert sum("keyword" in c.tags for c in cases) >= 6
    assert sum("comparison" in c.tags for c in cases) >= 4
    assert all(c.history for c in cases if "follow-up" in c.tags)


def test_yaml_problems_name_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: a\n  question: ok\n  expected_sources: [x/y]\n\n- id: b\n  answerable: maybe\n")
    with pytest.raises(SetError) as exc:
        load([bad])
    problems = exc.value.problems
    assert any(p.startswith(f"{bad}:5:") and "question" in p for p in problems)
    assert any(p.startswith(f"{bad}:5:") and "answerable" in p for p in problems)


def test_malformed_yaml_and_jsonl_lines(tmp_path: Path) -> None:
    yaml_file = tmp_path / "x.yaml"
    yaml_file.write_text("- id: a\n  question: [unclosed\n")
    jsonl = tmp_path / "x.jsonl"
    jsonl.write_text('{"id": "a", "question": "q", "answerable": false}\n{"id": "b", "question": \n')
    with pytest.raises(SetError) as exc:
        load([yaml_file, jsonl])
    assert any(p.startswith(f"{yaml_file}:") and "malformed YAML" in p for p in exc.value.problems)
    assert f"{jsonl}:2: malformed JSON" in exc.value.problems[-1]


def test_duplicate_ids_and_answerable_cases_without_sources(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "a", "question": "q"}\n{"id": "a", "question": "r", "answerable": false}\n')
    with pytest.raises(SetError) as exc:
        load([path])
    assert any("duplicate id 'a'" in p and p.startswith(f"{path}:2:") for p in exc.value.problems)
    assert any("needs expected_sources" in p and p.startswith(f"{path}:1:") for p in exc.value.problems)
