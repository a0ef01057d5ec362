"""An evaluation session: validate question sets against the index, run them, gate on the results."""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from assistant.evals.baseline import Comparison, Run
from assistant.evals.cases import Case, fingerprint
from assistant.evals.metrics import (
    LOWER_IS_BETTER, METRICS, CaseResult, SourceMatcher, by_tag, is_provision_id, normalize, summarize,
)
from assistant.evals.runner import run
from assistant.service import Assistant


def provision_texts(assistant: Assistant) -> dict[str, str]:
    """Return each indexed provision's full text (parts joined), keyed by provision id."""
    texts: dict[str, list[tuple[int, str]]] = {}
    for record in assistant.retriever().sparse.records:
        meta = record.metadata
        texts.setdefault(meta["provision_id"], []).append((int(meta.get("part", 1)), record.text))
    return {pid: " ".join(t for _, t in sorted(parts)) for pid, parts in texts.items()}


def unknown_sources(cases: list[Case], texts: dict[str, str]) -> list[str]:
    """Return 'file:line: …' for every expected provision id the index lacks and quote no provision holds."""
    known = set(texts)
    corpus = "\n".join(normalize(t) for t in texts.values())
    problems = []
    for case in cases:
        for source in case.expected_sources:
            if is_provision_id(source):
                if source not in known and not any(k.startswith(source + "/") for k in known):
                    problems.append(f"{case.where}: case {case.id!r}: expected source {source!r} is not in the index")
            elif normalize(source) not in corpus:
                problems.append(
                    f"{case.where}: case {case.id!r}: expected source {source!r} is quoted in no indexed provision "
                    "(quote the provision's text verbatim, or name its provision id)"
                )
        problems += [f"{case.where}: case {case.id!r}: {w}" for w in _split_quotes(case.expected_sources, corpus)]
    return problems


def _split_quotes(sources: list[str], corpus: str) -> list[str]:
    """Return a warning for each pair of quotes that the texts hold as one, joined by a comma.

    YAML reads [a, b] as two items: an unquoted quote with a comma in it becomes two, and a piece as
    short as "integrity" then matches passages the case never meant.
    """
    pairs = zip(sources, sources[1:])
    return [f"expected sources {a!r} and {b!r} are one quote split at its comma (put it in quotes)"
            for a, b in pairs if not is_provision_id(a) and not is_provision_id(b) and normalize(f"{a}, {b}") in corpus]


def select(cases: list[Case], tags: list[str]) -> list[Case]:
    """Return the cases carrying any of the tags (all cases when no tags are given)."""
    return [c for c in cases if not tags or set(tags) & set(c.tags)]


def execute(
    assistant: Assistant, cases: list[Case], paths: list[Path], k: int | None,
    on_case: Callable[[CaseResult], None] | None = None,
) -> Run:
    """Run the cases and return the scored run with its fingerprint."""
    texts = provision_texts(assistant)
    results = run(lambda q, h: assistant.ask(q, history=h, k=k), cases, SourceMatcher(texts), on_case)
    return Run(fingerprint=_fingerprint(assistant, paths, k), metrics=summarize(results), by_tag=by_tag(results),
               cases=results)


def gate(run_: Run, comparison: Comparison | None, fail_under: dict[str, float]) -> list[str]:
    """Return why the quality gate fails (empty when it passes)."""
    reasons = []
    for metric, bound in fail_under.items():
        value = run_.metrics.get(metric)
        lower = metric in LOWER_IS_BETTER
        if value is None or (value > bound if lower else value < bound):
            reasons.append(f"{metric} = {value} is {'above' if lower else 'below'} the required {bound}")
    if comparison is not None:
        reasons += [f"case {i} passed in the baseline and fails now" for i in comparison.regressions]
        reasons += [
            f"{m.metric} moved from {m.baseline} to {m.current} (beyond the tolerance)"
            for m in comparison.metrics if m.regression
        ]
    return reasons


def parse_bounds(items: list[str]) -> dict[str, float]:
    """Parse METRIC=VALUE pairs; raise ValueError naming the bad item."""
    bounds = {}
    for item in items:
        metric, _, value = item.partition("=")
        if metric not in METRICS or not value:
            raise ValueError(f"--fail-under {item!r}: use METRIC=VALUE with METRIC one of {', '.join(METRICS)}")
        try:
            bounds[metric] = float(value)
        except ValueError:
            raise ValueError(f"--fail-under {item!r}: {value!r} is not a number") from None
    return bounds


def _fingerprint(assistant: Assistant, paths: list[Path], k: int | None) -> dict[str, str]:
    from assistant.embeddings import model_name

    settings = assistant.settings
    documents = sorted((d.doc_id, d.fingerprint) for d in assistant.documents())
    retrieval = {"retrieval": settings.retrieval.model_dump(), "answer": settings.answer.model_dump(), "k": k}
    return {
        "question_sets": fingerprint(paths),
        "corpus": hashlib.sha256(json.dumps(documents).encode()).hexdigest()[:16],
        "documents": str(len(documents)),
        "embedding_model": model_name(settings.embedding),
        "retrieval_settings": hashlib.sha256(json.dumps(retrieval, sort_keys=True).encode()).hexdigest()[:16],
        "git_revision": _git_revision(),
    }


def _git_revision() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip() or "unknown"
