"""Metrics against hand-computed values."""

from __future__ import annotations

import math

import pytest

from assistant.evals.cases import Case
from assistant.evals.metrics import CaseResult, SourceMatcher, ndcg, score_case, summarize
from assistant.types import Answer, Citation, Hit


def hit(pid: str, text: str = "text") -> Hit:
    return Hit(provision_id=pid, doc_id="d", doc_title="D", label=pid, text=text, score=0.5)


def citation(n: int, pid: str, text: str = "some provision text", quote: str = "provision") -> Citation:
    return Citation(n=n, provision_id=pid, doc_id="d", doc_title="D", label=pid, text=text, quote=quote, score=0.5)


def answer(hits: list[Hit], citations: list[Citation], text: str = "", abstained: bool = False) -> Answer:
    result = Answer(question="q", text=text, citations=citations, abstained=abstained)
    result._retrieved = hits
    return result


def test_ndcg_uses_binary_relevance_and_ideal_over_min_k_and_expected() -> None:
    matcher = SourceMatcher()
    hits = [hit("d/x"), hit("d/a"), hit("d/y"), hit("d/b"), hit("d/z")]
    dcg = 1 / math.log2(3) + 1 / math.log2(5)
    ideal = 1 + 1 / math.log2(3)
    assert ndcg(hits, ["d/a", "d/b"], matcher) == pytest.approx(dcg / ideal, abs=1e-4)
    # one expected source: the ideal DCG is a single hit at rank 1, not k hits (llama-index #17070)
    assert ndcg([hit("d/a")] + [hit(f"d/n{i}") for i in range(4)], ["d/a"], matcher) == pytest.approx(1.0, abs=1e-4)
    # the same source matched twice counts once
    assert ndcg([hit("d/a"), hit("d/a")], ["d/a", "d/b"], matcher) == pytest.approx(1 / ideal, abs=1e-4)


def test_case_scores_rank_citations_facts_and_verbatim_quotes() -> None:
    case = Case(id="c", question="q", expected_sources=["d/a", "d/b"], expected_facts=[["alpha"], ["beta", "gamma"]])
    reply = answer(
        [hit("d/x"), hit("d/a/item-1"), hit("d/b")],
        [citation(1, "d/a/item-1"), citation(2, "d/x", quote="not in the text")],
        text="Alpha and delta.",
    )
    result = score_case(case, reply, 12.0, SourceMatcher())
    assert result.first_rank == 2  # a part (sub-item) of an expected provision counts
    assert result.citation_precision == 0.5 and result.citation_recall == 0.5
    assert result.fact_recall == 0.5 and result.missing_facts == ["beta | gamma"]
    assert not result.quotes_verbatim and not result.passed
    assert "fact missing: beta | gamma" in result.reasons


def test_quotes_as_expected_sources_match_passage_text() -> None:
    case = Case(id="c", question="q", expected_sources=["the main focal point"])
    reply = answer([hit("d/p", "CSIRTs are the Main  Focal Point here")], [citation(1, "d/p", "CSIRTs are the Main  Focal Point here", "CSIRTs")])
    assert score_case(case, reply, 1.0, SourceMatcher()).first_rank == 1


def test_summary_rates_on_hand_made_results() -> None:
    results = [
        CaseResult(id="a", question="q", first_rank=1, cites_expected=True, fact_recall=1.0, passed=True, latency_ms=10),
        CaseResult(id="b", question="q", first_rank=3, cites_expected=False, fact_recall=0.5, latency_ms=30),
        CaseResult(id="c", question="q", abstained=True, latency_ms=20),
        CaseResult(id="d", question="q", answerable=False, abstained=True, passed=True, latency_ms=40),
        CaseResult(id="e", question="q", answerable=False, abstained=False, latency_ms=50),
    ]
    m = summarize(results)
    assert m["hit@1"] == pytest.approx(1 / 3, abs=1e-4) and m["hit@3"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["mrr"] == pytest.approx((1 + 1 / 3 + 0) / 3, abs=1e-4)
    assert m["false_abstention"] == pytest.approx(1 / 3, abs=1e-4) and m["abstention"] == pytest.approx(0.5, abs=1e-4)
    assert m["fact_recall"] == pytest.approx(0.75, abs=1e-4) and m["pass_rate"] == pytest.approx(0.4, abs=1e-4)
    assert m["latency_p50_ms"] == 30 and m["latency_p95_ms"] == 50
