"""Evaluation reports: a terminal table, JSON, JUnit XML (one testcase per case) and a Markdown summary."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from assistant.evals.baseline import Comparison, Run
from assistant.evals.metrics import METRICS


def _fmt(value: float | None) -> str:
    return "–" if value is None else (f"{value:.1f}" if abs(value) >= 10 else f"{value:.3f}")


def metric_rows(run: Run, comparison: Comparison | None) -> list[tuple[str, str, str, str, str, str]]:
    """Return (metric, value, baseline, delta, p-value, status) rows."""
    changes = {m.metric: m for m in comparison.metrics} if comparison else {}
    rows = []
    for metric in METRICS:
        change = changes.get(metric)
        status = "REGRESSED" if change and change.regression else ""
        rows.append((
            metric, _fmt(run.metrics.get(metric)), _fmt(change.baseline) if change else "",
            "" if not change or change.delta is None else f"{change.delta:+.3f}",
            "" if not change or change.p_value is None else f"{change.p_value:.3f}", status,
        ))
    return rows


def to_json(run: Run, comparison: Comparison | None, failures: list[str]) -> str:
    """Return the full report as JSON."""
    data = {"verdict": "fail" if failures else "pass", "failures": failures, **json.loads(run.model_dump_json())}
    if comparison is not None:
        data["comparison"] = json.loads(comparison.model_dump_json())
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def to_junit(run: Run) -> str:
    """Return JUnit XML with one testcase per case; a failure message says why it failed."""
    failed = sum(not c.passed for c in run.cases)
    suite = ET.Element("testsuite", name="policy-assistant-eval", tests=str(len(run.cases)), failures=str(failed),
                       time=f"{sum(c.latency_ms for c in run.cases) / 1000:.3f}")
    for case in run.cases:
        element = ET.SubElement(suite, "testcase", classname=",".join(case.tags) or "eval", name=case.id,
                                time=f"{case.latency_ms / 1000:.3f}")
        if not case.passed:
            failure = ET.SubElement(element, "failure", message="; ".join(case.reasons))
            failure.text = f"question: {case.question}\nanswer: {case.answer}\ncited: {', '.join(case.cited)}"
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def to_markdown(run: Run, comparison: Comparison | None, failures: list[str]) -> str:
    """Return a Markdown summary: verdict, metrics table, regressions, failed cases."""
    lines = [f"# Evaluation: {'FAIL' if failures else 'PASS'}", ""]
    lines += [f"- {f}" for f in failures] + ([""] if failures else [])
    lines += ["| metric | value | baseline | delta | p-value | status |", "|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in metric_rows(run, comparison)]
    if comparison is not None:
        lines += ["", f"Regressions: {', '.join(comparison.regressions) or 'none'}",
                  f"Improvements: {', '.join(comparison.improvements) or 'none'}"]
        if comparison.fingerprint_changes:
            lines += ["", "What changed since the baseline:"]
            lines += [f"- {k}: {a or '–'} → {b or '–'}" for k, (a, b) in comparison.fingerprint_changes.items()]
    failed = [c for c in run.cases if not c.passed]
    if failed:
        lines += ["", "## Failed cases", ""] + [f"- `{c.id}`: {'; '.join(c.reasons)}" for c in failed]
    return "\n".join(lines) + "\n"
