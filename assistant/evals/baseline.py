"""Baselines: save a run with a fingerprint of what produced it, and compare a new run against it.

A case that passed before and fails now, or a metric that moves the wrong way by more than the
tolerance, is a regression. With 30 or more paired cases each metric change gets the p-value of a
paired randomization (sign-flip) test, as ranx's `compare` does; the seed is fixed so runs repeat.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.evals.metrics import LOWER_IS_BETTER, METRICS, RELATIVE, CaseResult, case_value

GATED = tuple(m for m in METRICS if not m.startswith("latency"))  # timings vary by machine: reported, not gated
MIN_PAIRED = 30
PERMUTATIONS = 10_000


class Run(BaseModel):
    """A finished evaluation: its fingerprint, metrics and per-case results."""

    fingerprint: dict[str, str] = Field(default_factory=dict)
    metrics: dict[str, float | None] = Field(default_factory=dict)
    by_tag: dict[str, dict[str, float | None]] = Field(default_factory=dict)
    cases: list[CaseResult] = Field(default_factory=list)

    def save(self, path: Path) -> None:
        """Write the run as a baseline file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.model_dump_json(indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Run:
        """Read a baseline file."""
        return cls.model_validate(json.loads(path.read_text(encoding="utf-8")))


class MetricChange(BaseModel):
    """How one metric moved against the baseline."""

    metric: str
    baseline: float | None
    current: float | None
    delta: float | None
    p_value: float | None = None
    regression: bool = False


class Comparison(BaseModel):
    """What changed between the baseline and this run."""

    regressions: list[str] = Field(default_factory=list)
    improvements: list[str] = Field(default_factory=list)
    new_cases: list[str] = Field(default_factory=list)
    missing_cases: list[str] = Field(default_factory=list)
    metrics: list[MetricChange] = Field(default_factory=list)
    fingerprint_changes: dict[str, tuple[str, str]] = Field(default_factory=dict)

    @property
    def regressed(self) -> bool:
        """Return True when a case or a gated metric regressed."""
        return bool(self.regressions) or any(m.regression for m in self.metrics)


def compare(current: Run, baseline: Run, tolerance: float) -> Comparison:
    """Compare a run with a baseline."""
    before = {c.id: c for c in baseline.cases}
    now = {c.id: c for c in current.cases}
    result = Comparison(
        regressions=sorted(i for i in now.keys() & before.keys() if before[i].passed and not now[i].passed),
        improvements=sorted(i for i in now.keys() & before.keys() if not before[i].passed and now[i].passed),
        new_cases=sorted(now.keys() - before.keys()),
        missing_cases=sorted(before.keys() - now.keys()),
        fingerprint_changes={
            k: (baseline.fingerprint.get(k, ""), current.fingerprint.get(k, ""))
            for k in sorted(baseline.fingerprint.keys() | current.fingerprint.keys())
            if baseline.fingerprint.get(k) != current.fingerprint.get(k)
        },
    )
    paired = sorted(now.keys() & before.keys())
    for metric in METRICS:
        result.metrics.append(_change(metric, current, baseline, paired, before, now, tolerance))
    return result


def _change(
    metric: str, current: Run, baseline: Run, paired: list[str], before: dict[str, CaseResult],
    now: dict[str, CaseResult], tolerance: float,
) -> MetricChange:
    old, new = baseline.metrics.get(metric), current.metrics.get(metric)
    delta = None if old is None or new is None else round(new - old, 4)
    allowed = tolerance * abs(old) if metric in RELATIVE and old is not None else tolerance  # chars, not a rate
    worse = delta is not None and (delta > allowed if metric in LOWER_IS_BETTER else delta < -allowed)
    change = MetricChange(metric=metric, baseline=old, current=new, delta=delta,
                          regression=worse and metric in GATED)
    pairs = [(case_value(before[i], metric), case_value(now[i], metric)) for i in paired]
    pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
    if len(pairs) >= MIN_PAIRED:
        change.p_value = randomization_p_value([b - a for a, b in pairs])
    return change


def randomization_p_value(differences: list[float], permutations: int = PERMUTATIONS, seed: int = 0) -> float:
    """Return the two-sided p-value of a paired sign-flip randomization test of mean(differences) == 0."""
    if not differences or all(d == 0 for d in differences):
        return 1.0
    observed = abs(sum(differences))
    rng = random.Random(seed)
    extreme = 0
    for _ in range(permutations):
        flipped = sum(d if rng.random() < 0.5 else -d for d in differences)
        if abs(flipped) >= observed - 1e-12:
            extreme += 1
    return round((extreme + 1) / (permutations + 1), 4)
