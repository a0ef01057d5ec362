"""Baseline comparison: case regressions, metric tolerance, fingerprints, randomization p-values."""

from __future__ import annotations

from assistant.evals.baseline import Run, compare, randomization_p_value
from assistant.evals.metrics import CaseResult, summarize


def run(passes: list[bool], fingerprint: dict[str, str] | None = None) -> Run:
    cases = [CaseResult(id=f"c{i}", question="q", first_rank=1 if p else None, cites_expected=p, passed=p)
             for i, p in enumerate(passes)]
    return Run(fingerprint=fingerprint or {"corpus": "a"}, metrics=summarize(cases), cases=cases)


def test_a_case_that_stops_passing_is_a_regression() -> None:
    result = compare(run([True, False, True]), run([True, True, False]), tolerance=0.5)
    assert result.regressions == ["c1"] and result.improvements == ["c2"]
    assert result.regressed


def test_metric_drops_beyond_the_tolerance_regress_and_within_do_not() -> None:
    base = run([True] * 10)
    worse = run([True] * 9 + [False])
    assert any(m.metric == "hit@1" and m.regression for m in compare(worse, base, tolerance=0.05).metrics)
    assert not any(m.regression for m in compare(worse, base, tolerance=0.2).metrics)


def test_cited_length_tolerance_is_a_share_of_the_baseline_length() -> None:
    def cited(chars: int) -> Run:
        cases = [CaseResult(id="c0", question="q", first_rank=1, cites_expected=True, passed=True, cited_chars=[chars])]
        return Run(fingerprint={}, metrics=summarize(cases), cases=cases)

    def regressed(chars: int) -> bool:
        changes = compare(cited(chars), cited(300), tolerance=0.02).metrics
        return next(m for m in changes if m.metric == "mean_cited_chars").regression

    assert not regressed(305)  # +1.7 %: noise in characters, not a drop in quality
    assert regressed(310)  # +3.3 %


def test_fingerprint_differences_are_reported() -> None:
    result = compare(run([True], {"corpus": "b", "git_revision": "x"}), run([True], {"corpus": "a"}), 0.02)
    assert result.fingerprint_changes == {"corpus": ("a", "b"), "git_revision": ("", "x")}


def test_p_values_need_thirty_pairs_and_separate_noise_from_change() -> None:
    few = compare(run([False] * 10), run([True] * 10), 0.02)
    assert all(m.p_value is None for m in few.metrics)
    many = compare(run([False] * 20 + [True] * 20), run([True] * 40), 0.02)
    hit1 = next(m for m in many.metrics if m.metric == "hit@1")
    assert hit1.p_value is not None and hit1.p_value < 0.001
    assert randomization_p_value([1, -1] * 20) == 1.0 or randomization_p_value([1, -1] * 20) > 0.5
    assert randomization_p_value([0.0] * 40) == 1.0


def test_p_values_are_deterministic() -> None:
    diffs = [1, 0, -1, 1, 1, 0] * 6
    assert randomization_p_value(diffs) == randomization_p_value(diffs)


def test_runs_round_trip_through_files(tmp_path) -> None:
    original = run([True, False])
    original.save(tmp_path / "b.json")
    assert Run.load(tmp_path / "b.json") == original
