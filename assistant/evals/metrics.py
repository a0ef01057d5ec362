"""Score answers against question sets, without any language model.

Per case: the rank of the first expected source among the retrieved passages, whether the answer
cites an expected source, citation precision and recall, fact recall, must-not-include violations,
abstention, verbatim quotes, latency. Overall and per tag: hit@1/3/5, MRR, nDCG@5, and the rates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from pydantic import BaseModel, Field

from assistant.evals.cases import Case
from assistant.types import Answer

_ID = re.compile(r"[a-z0-9][\w.\-]*(?:/[\w.\-#]+)+")


def normalize(text: str) -> str:
    """Return text lower-cased with quotes unified and whitespace collapsed, for containment checks."""
    text = text.lower().replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


def is_provision_id(source: str) -> bool:
    """Return True when an expected source names a provision id, False when it quotes text."""
    return bool(_ID.fullmatch(source))


class SourceMatcher:
    """Decide whether a retrieved or cited passage is one of a case's expected sources."""

    def __init__(self, provision_texts: dict[str, str] | None = None) -> None:
        self.texts = {pid: normalize(t) for pid, t in (provision_texts or {}).items()}

    def matches(self, expected: str, provision_id: str, text: str) -> bool:
        """Return True for the expected provision (or a part of it), or a passage containing the expected quote."""
        if is_provision_id(expected):
            if provision_id == expected or provision_id.startswith(expected + "/"):
                return True
            known = self.texts.get(expected)
            return bool(known) and known[:120] in normalize(text)
        return normalize(expected) in normalize(text)

    def any(self, expected: Iterable[str], provision_id: str, text: str) -> bool:
        """Return True when the passage matches any expected source."""
        return any(self.matches(e, provision_id, text) for e in expected)


class CaseResult(BaseModel):
    """How one case went, and why it passed or failed."""

    id: str
    question: str
    tags: list[str] = Field(default_factory=list)
    answerable: bool = True
    abstained: bool = False
    answer: str = ""
    retrieved: list[str] = Field(default_factory=list)
    cited: list[str] = Field(default_factory=list)
    first_rank: int | None = None
    ndcg5: float | None = None
    cites_expected: bool = False
    citation_precision: float | None = None
    citation_recall: float | None = None
    fact_recall: float | None = None
    missing_facts: list[str] = Field(default_factory=list)
    violations: list[str] = Field(default_factory=list)
    quotes_verbatim: bool = True
    cited_chars: list[int] = Field(default_factory=list)
    latency_ms: float = 0.0
    passed: bool = False
    reasons: list[str] = Field(default_factory=list)


def score_case(case: Case, answer: Answer, latency_ms: float, matcher: SourceMatcher) -> CaseResult:
    """Score one answer against its case."""
    hits = answer.retrieved
    result = CaseResult(
        id=case.id, question=case.question, tags=case.tags, answerable=case.answerable,
        abstained=answer.abstained, answer=answer.text, retrieved=[h.provision_id for h in hits],
        cited=[c.provision_id for c in answer.citations], latency_ms=round(latency_ms, 1),
        quotes_verbatim=all(c.quote and c.quote in c.text for c in answer.citations),
        cited_chars=[len(c.text) for c in answer.citations],
    )
    result.violations = [p for p in case.must_not_include if normalize(p) in normalize(answer.text)]
    if case.answerable:
        _score_answerable(case, answer, matcher, result)
    _verdict(case, result)
    return result


def _score_answerable(case: Case, answer: Answer, matcher: SourceMatcher, result: CaseResult) -> None:
    relevant = [matcher.any(case.expected_sources, h.provision_id, h.text) for h in answer.retrieved]
    result.first_rank = relevant.index(True) + 1 if True in relevant else None
    result.ndcg5 = ndcg(answer.retrieved[:5], case.expected_sources, matcher)
    hits = [matcher.any(case.expected_sources, c.provision_id, c.text) for c in answer.citations]
    result.cites_expected = any(hits)
    if answer.citations:
        result.citation_precision = sum(hits) / len(hits)
        found = [e for e in case.expected_sources if any(matcher.matches(e, c.provision_id, c.text) for c in answer.citations)]
        result.citation_recall = len(found) / len(case.expected_sources)
    if case.expected_facts:
        text = normalize(answer.text)
        result.missing_facts = [" | ".join(g) for g in case.expected_facts if not any(normalize(a) in text for a in g)]
        result.fact_recall = 1 - len(result.missing_facts) / len(case.expected_facts)


def ndcg(hits: list, expected: list[str], matcher: SourceMatcher, k: int = 5) -> float:
    """Return nDCG@k with binary relevance; each expected source counts once; ideal over min(k, |expected|)."""
    unmatched = list(expected)
    dcg = 0.0
    for rank, hit in enumerate(hits[:k], 1):
        found = next((e for e in unmatched if matcher.matches(e, hit.provision_id, hit.text)), None)
        if found is not None:
            unmatched.remove(found)
            dcg += 1 / math.log2(rank + 1)
    ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(k, len(expected)) + 1))
    return dcg / ideal if ideal else 0.0


def _verdict(case: Case, result: CaseResult) -> None:
    reasons = []
    if not case.answerable:
        if not result.abstained:
            reasons.append("answered a question the corpus does not address")
    elif result.abstained:
        reasons.append("wrongly abstained")
    else:
        if not result.cites_expected:
            reasons.append("no expected source cited")
        reasons += [f"fact missing: {m}" for m in result.missing_facts]
    reasons += [f"must not include: {v}" for v in result.violations]
    if not result.quotes_verbatim:
        reasons.append("a quote is not verbatim in its cited provision")
    result.reasons = reasons
    result.passed = not reasons


METRICS = (
    "hit@1", "hit@3", "hit@5", "mrr", "ndcg@5", "cites_expected", "citation_precision", "citation_recall",
    "fact_recall", "abstention", "false_abstention", "quotes_verbatim", "mean_cited_chars", "pass_rate",
    "latency_p50_ms", "latency_p95_ms",
)
RELATIVE = {"mean_cited_chars"}  # measured in characters: the tolerance is a share of the baseline value
LOWER_IS_BETTER = {"false_abstention", "mean_cited_chars", "latency_p50_ms", "latency_p95_ms"}


def case_value(result: CaseResult, metric: str) -> float | None:
    """Return one case's contribution to a metric (None when the metric does not apply to it)."""
    rank = result.first_rank
    answered = result.answerable and not result.abstained
    if metric.startswith("hit@"):
        return None if not result.answerable else float(rank is not None and rank <= int(metric[4:]))
    values: dict[str, float | bool | None] = {
        "mrr": (1 / rank if rank else 0.0) if result.answerable else None,
        "ndcg@5": (result.ndcg5 or 0.0) if result.answerable else None,
        "cites_expected": result.cites_expected if result.answerable else None,
        "citation_precision": result.citation_precision if answered else None,
        "citation_recall": result.citation_recall if answered else None,
        "fact_recall": result.fact_recall if result.answerable else None,
        "abstention": None if result.answerable else result.abstained,
        "false_abstention": result.abstained if result.answerable else None,
        "quotes_verbatim": result.quotes_verbatim,
        "pass_rate": result.passed,
        "mean_cited_chars": sum(result.cited_chars) / len(result.cited_chars) if result.cited_chars else None,
        "latency_p50_ms": result.latency_ms,
        "latency_p95_ms": result.latency_ms,
    }
    value = values[metric]
    return None if value is None else float(value)


def summarize(results: list[CaseResult]) -> dict[str, float | None]:
    """Return every metric over a list of case results (None where no case applies)."""
    out: dict[str, float | None] = {}
    for metric in METRICS:
        if metric.startswith("latency"):
            out[metric] = _percentile(sorted(r.latency_ms for r in results), 50 if "p50" in metric else 95)
        elif metric == "mean_cited_chars":
            chars = [c for r in results for c in r.cited_chars]
            out[metric] = round(sum(chars) / len(chars), 1) if chars else None
        else:
            out[metric] = _mean(v for r in results if (v := case_value(r, metric)) is not None)
    return out


def by_tag(results: list[CaseResult]) -> dict[str, dict[str, float | None]]:
    """Return the metrics of each tag's cases."""
    tags = sorted({t for r in results for t in r.tags})
    return {tag: summarize([r for r in results if tag in r.tags]) for tag in tags}


def _mean(values: Iterable[float | bool]) -> float | None:
    items = [float(v) for v in values]
    return round(sum(items) / len(items), 4) if items else None


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    index = min(len(values) - 1, max(0, math.ceil(q / 100 * len(values)) - 1))
    return round(values[index], 1)
