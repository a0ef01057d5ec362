"""The eval command: exit codes agree with the verdict, reports are written, regressions are named."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import ICC, run_cli

SET = """
- id: csirt
  question: Foster constructive cooperation amongst national CSIRTs
  expected_sources: [g7-2017-cyber-business/objective-2/item-1]
  expected_facts: [["CSIRTs"]]
  tags: [g7]
- id: treaty
  question: international treaty should not be a priority
  expected_sources: [icc-board-briefing-cyber/opportunities-for-future-action/item-5]
  tags: [icc]
- id: football
  question: football world cup winner
  answerable: false
  tags: [unanswerable]
"""


@pytest.fixture
def env(tmp_path: Path, corpus_dir: Path) -> dict[str, str]:
    values = {"ASSISTANT_INDEX_DIR": str(tmp_path / "index"), "ASSISTANT_CORPUS_DIR": str(corpus_dir),
              "ASSISTANT_EMBEDDING__MODEL": "hash"}
    assert run_cli("ingest", env=values).returncode == 0
    return values


@pytest.fixture
def qset(tmp_path: Path) -> Path:
    path = tmp_path / "set.yaml"
    path.write_text(SET)
    return path


def test_a_passing_run_exits_0_and_writes_every_report(env: dict[str, str], qset: Path, tmp_path: Path) -> None:
    result = run_cli("eval", str(qset), "--json", str(tmp_path / "r.json"), "--junit", str(tmp_path / "r.xml"),
                     "--markdown", str(tmp_path / "r.md"), env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASS" in result.stdout
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["verdict"] == "pass" and report["metrics"]["hit@1"] == 1.0 and len(report["cases"]) == 3
    suite = ET.parse(tmp_path / "r.xml").getroot()
    assert suite.get("tests") == "3" and [c.get("name") for c in suite] == ["csirt", "treaty", "football"]
    assert (tmp_path / "r.md").read_text().startswith("# Evaluation: PASS")


def test_a_failed_threshold_exits_1_with_a_fail_verdict(env: dict[str, str], qset: Path, tmp_path: Path) -> None:
    result = run_cli("eval", str(qset), "--fail-under", "hit@1=1.01", "--junit", str(tmp_path / "r.xml"), env=env)
    assert result.returncode == 1
    assert "FAIL" in result.stdout and "hit@1" in result.stdout


def test_bad_input_exits_2_with_file_and_line(env: dict[str, str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "question": "q", "expected_sources": ["a/b"]}\n{oops\n')
    result = run_cli("eval", str(bad), env=env)
    assert result.returncode == 2 and f"{bad}:2: malformed JSON" in result.stderr
    assert "Traceback" not in result.stderr
    assert run_cli("eval", str(bad), "--fail-under", "nonsense=1", env=env).returncode == 2


def test_validate_checks_provision_ids_without_running(env: dict[str, str], qset: Path, tmp_path: Path) -> None:
    assert run_cli("eval", "--validate", str(qset), env=env).returncode == 0
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("- id: w\n  question: q\n  expected_sources: [g7-2017-cyber-business/objective-9/item-1]\n")
    result = run_cli("eval", "--validate", str(wrong), env=env)
    assert result.returncode == 2 and f"{wrong}:1:" in result.stderr and "objective-9" in result.stderr


MISQUOTED = ("- id: ok\n  question: q\n  expected_sources: ['Conduct awareness campaigns amongst SMEs']\n"
             "- id: bad\n  question: q\n  expected_sources: ['RS.MI-02']\n")
# YAML reads an unquoted quote with a comma in it as two quotes
SPLIT = ("- id: bad\n  question: q\n  expected_sources: [rely upon largely outdated, 20th century agreements]\n"
         "- id: ok\n  question: q\n  expected_sources: ['rely upon largely outdated, 20th century agreements']\n")


@pytest.mark.parametrize(("cases", "line", "says"), [(MISQUOTED, 4, "RS.MI-02"), (SPLIT, 1, "split at its comma")])
def test_validate_names_a_quote_no_provision_holds_as_written(
    env: dict[str, str], tmp_path: Path, cases: str, line: int, says: str,
) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(cases)
    result = run_cli("eval", "--validate", str(path), env=env)
    assert result.returncode == 2 and f"{path}:{line}: case 'bad'" in result.stderr
    assert says in result.stderr and "case 'ok'" not in result.stderr


def test_no_index_is_a_runtime_failure(qset: Path, tmp_path: Path) -> None:
    result = run_cli("eval", str(qset), env={"ASSISTANT_INDEX_DIR": str(tmp_path / "empty"), "ASSISTANT_EMBEDDING__MODEL": "hash"})
    assert result.returncode == 3 and "policy-assistant ingest" in result.stderr


def test_removing_a_document_regresses_named_cases(env: dict[str, str], qset: Path, tmp_path: Path, corpus_dir: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert run_cli("eval", str(qset), "--save-baseline", str(baseline), env=env).returncode == 0
    (corpus_dir / ICC.name).unlink()
    assert run_cli("ingest", env=env).returncode == 0
    result = run_cli("eval", str(qset), "--baseline", str(baseline), env=env)
    assert result.returncode == 1
    assert "case treaty passed in the baseline and fails now" in result.stdout
    assert "changed since baseline: corpus" in result.stdout and "FAIL" in result.stdout
