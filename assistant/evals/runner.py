"""Run question sets through an answering system and score every case."""

from __future__ import annotations

import time
from collections.abc import Callable

from assistant.evals.cases import Case
from assistant.evals.metrics import CaseResult, SourceMatcher, score_case
from assistant.types import Answer

AnswerFn = Callable[[str, list[str]], Answer]


def run(
    answer: AnswerFn, cases: list[Case], matcher: SourceMatcher, on_case: Callable[[CaseResult], None] | None = None,
) -> list[CaseResult]:
    """Answer every case in order, timing each, and return the scored results."""
    results = []
    for case in cases:
        started = time.perf_counter()
        reply = answer(case.question, list(case.history))
        elapsed = (time.perf_counter() - started) * 1000
        result = score_case(case, reply, elapsed, matcher)
        results.append(result)
        if on_case is not None:
            on_case(result)
    return results
