"""Warm ask and search latency over the question sets, with the related corpus present.

Every question of evals/shipped.yaml and evals/related.yaml is asked --repeat times after a warm-up;
p50/p95 are printed for ask and search, with the raw encoder time of one query (the floor any
dense retrieval pays) measured in the same run as the baseline.

Run: .venv/bin/python benchmarks/ask_latency.py [--related ../shared/corpus-related] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.config import EmbeddingSettings  # noqa: E402
from assistant.embeddings import load_embedder  # noqa: E402
from assistant.evals import cases as case_files  # noqa: E402
from benchmarks.common import SETS, full_index  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def timed(call, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--related", type=Path, default=ROOT.parent / "shared" / "corpus-related")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cases = case_files.load(SETS)
    embedder = load_embedder(EmbeddingSettings())
    assistant, workdir = full_index(embedder, args.related, "bench-ask-")
    try:
        parts = assistant.store().count()
        cache = assistant.retriever()._embeddings  # cleared before each call: every timing pays its encode
        encode, ask, search = [], [], []
        for case in cases:
            encode += timed(lambda: embedder._model.encode([case.question]), args.repeat)
            ask += timed(lambda: (cache.clear(), assistant.ask(case.question, history=case.history)), args.repeat)
            search += timed(lambda: (cache.clear(), assistant.search(case.question, k=10)), args.repeat)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"{len(cases)} questions x {args.repeat} runs, {parts} stored parts, {os.cpu_count()} CPU cores\n")
    print(f"{'':<22}{'p50 ms':>10}{'p95 ms':>10}{'mean ms':>10}")
    for name, values in (("raw query encode", encode), ("search (k=10)", search), ("ask", ask)):
        print(f"{name:<22}{percentile(values, 50):>10.1f}{percentile(values, 95):>10.1f}{statistics.mean(values):>10.1f}")
    print(f"\nask p95 / raw encode p95 = {percentile(ask, 95) / percentile(encode, 95):.1f}x")


if __name__ == "__main__":
    main()
