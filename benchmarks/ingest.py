"""Ingest speed: provisions per second for the shipped plus related corpus, against raw encoder time.

Run: .venv/bin/python benchmarks/ingest.py [--related ../shared/corpus-related] [--repeat 3]
Prints the full ingest time (parse, embed, store, sparse index), the raw sentence-transformers
encode time of exactly the texts the pipeline embeds, measured in the same process, and their ratio;
then the time of a second, unchanged ingest.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from llama_index.core.schema import MetadataMode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant import Assistant, Settings  # noqa: E402
from assistant.config import EmbeddingSettings  # noqa: E402
from assistant.embeddings import load_embedder  # noqa: E402
from assistant.ingest.pipeline import _node, _document, parse_file  # noqa: E402


def corpus_files(related: Path) -> list[Path]:
    files = sorted((ROOT / "corpus").glob("*.txt"))
    return files + sorted(p for p in related.glob("*.md") if p.name != "SOURCES.md")


def embedded_texts(files: list[Path], settings: Settings) -> tuple[list[str], int]:
    """Return the exact texts the pipeline embeds, and the number of provisions."""
    texts, provisions = [], 0
    for path in files:
        meta, loaded, parts = parse_file(path, settings)
        document = _document(meta, str(path), loaded.sha256, "bench", parts)
        texts += [_node(p, document).get_content(metadata_mode=MetadataMode.EMBED) for p in parts]
        provisions += document.provision_count
    return texts, provisions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--related", type=Path, default=ROOT.parent / "shared" / "corpus-related")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best is kept")
    args = parser.parse_args()
    settings = Settings(embedding=EmbeddingSettings())
    files = corpus_files(args.related)
    embedder = load_embedder(settings.embedding)
    model = embedder._model
    texts, provisions = embedded_texts(files, settings)
    model.encode(texts[:64], batch_size=settings.embedding.batch_size)  # warm-up

    raw = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        model.encode(texts, batch_size=settings.embedding.batch_size, normalize_embeddings=True)
        raw.append(time.perf_counter() - started)

    full, again = [], []
    for _ in range(args.repeat):
        workdir = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
        try:
            run_settings = settings.model_copy(update={"index_dir": workdir / "index", "corpus_dir": workdir})
            assistant = Assistant.open(run_settings, embedder=embedder)
            started = time.perf_counter()
            report = assistant.ingest(files)
            full.append(time.perf_counter() - started)
            started = time.perf_counter()
            assistant.ingest(files)
            again.append(time.perf_counter() - started)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    best_raw, best_full, best_again = min(raw), min(full), min(again)
    print(f"documents            {len(files)}")
    print(f"provisions           {provisions} ({len(texts)} stored parts)")
    print(f"ingest (full)        {best_full:.2f} s   {provisions / best_full:.0f} provisions/s")
    print(f"raw encode, same run {best_raw:.2f} s   {len(texts) / best_raw:.0f} texts/s")
    print(f"ratio ingest/encode  {best_full / best_raw:.2f}x")
    print(f"unchanged re-ingest  {best_again:.2f} s   ({best_again / best_full:.2f} of the full ingest)")
    assert report.ok, report.problems


if __name__ == "__main__":
    main()
