"""Answer quality of Policy Assistant against a naive llama-index pipeline, same runner, same run.

The naive pipeline is llama-index's defaults: SentenceSplitter(1024, 200) over the raw documents, the
same embedding model, top-k dense retrieval, and the top chunk as the answer (it never abstains).
Both answer every case of the question sets (shipped + related corpus) and are scored by the same
metrics; expected provision ids are matched in naive chunks by the provision's text.

Run: .venv/bin/python benchmarks/quality_vs_naive.py [--related ../shared/corpus-related]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.config import EmbeddingSettings  # noqa: E402
from assistant.embeddings import load_embedder  # noqa: E402
from assistant.evals import cases as case_files  # noqa: E402
from assistant.evals.metrics import METRICS, SourceMatcher, summarize  # noqa: E402
from assistant.evals.runner import run  # noqa: E402
from assistant.evals.session import provision_texts  # noqa: E402
from benchmarks.common import SETS, full_index  # noqa: E402
from assistant.types import Answer, Citation, Hit  # noqa: E402


class NaivePipeline:
    """llama-index defaults: split, embed, retrieve top-k, answer with the top chunk."""

    def __init__(self, files: list[Path], embedder, k: int = 5) -> None:  # type: ignore[no-untyped-def]
        from llama_index.core import Document, VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter

        documents = [Document(text=f.read_text(encoding="utf-8"), metadata={"file": f.name}) for f in files]
        index = VectorStoreIndex.from_documents(
            documents, transformations=[SentenceSplitter(chunk_size=1024, chunk_overlap=200)], embed_model=embedder
        )
        self.retriever = index.as_retriever(similarity_top_k=k)

    def answer(self, question: str, history: list[str]) -> Answer:
        """Return the top chunk as the answer, citing it."""
        nodes = self.retriever.retrieve(question)
        hits = [Hit(provision_id=f"naive/{n.node.metadata['file']}/{n.node.node_id[:8]}", doc_id=n.node.metadata["file"],
                    doc_title=n.node.metadata["file"], label="chunk", text=n.node.get_content(), score=n.score or 0.0)
                for n in nodes]
        top = hits[0]
        citation = Citation(n=1, provision_id=top.provision_id, doc_id=top.doc_id, doc_title=top.doc_title,
                            label="chunk", text=top.text, quote=top.text, score=top.score)
        result = Answer(question=question, text=top.text, citations=[citation])
        result._retrieved = hits
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--related", type=Path, default=ROOT.parent / "shared" / "corpus-related")
    args = parser.parse_args()
    files = sorted((ROOT / "corpus").glob("*.txt")) + sorted(p for p in args.related.glob("*.md") if p.name != "SOURCES.md")
    cases = case_files.load(SETS)
    embedder = load_embedder(EmbeddingSettings())
    ours, workdir = full_index(embedder, args.related, "bench-quality-")
    try:
        matcher = SourceMatcher(provision_texts(ours))
        started = time.perf_counter()
        naive = NaivePipeline(files, embedder)
        naive_build = time.perf_counter() - started
        results = {
            "policy-assistant": summarize(run(lambda q, h: ours.ask(q, history=h), cases, matcher)),
            "naive llama-index": summarize(run(naive.answer, cases, matcher)),
        }
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"{len(cases)} cases (shipped + related corpus); naive index built in {naive_build:.1f} s\n")
    print(f"{'metric':<20}{'policy-assistant':>18}{'naive llama-index':>20}")
    for metric in METRICS:
        row = [results[name].get(metric) for name in results]
        print(f"{metric:<20}" + "".join(f"{'–' if v is None else format(v, '.3f' if v < 10 else '.1f'):>{w}}"
                                         for v, w in zip(row, (18, 20))))


if __name__ == "__main__":
    main()
