"""Shared set-up of the benchmarks: an index of the shipped and related corpus in a temporary directory."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RELATED = ROOT.parent / "shared" / "corpus-related"
SETS = [ROOT / "evals" / "shipped.yaml", ROOT / "evals" / "related.yaml"]


def full_index(embedder, related: Path = RELATED, prefix: str = "bench-"):  # type: ignore[no-untyped-def]
    """Ingest the shipped corpus and the related documents into a fresh temporary index.

    The answer cache is off, so every timed ask computes its answer. Returns (assistant, workdir); the
    caller removes workdir.
    """
    from assistant import Assistant, Settings
    from assistant.config import ServerSettings

    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    shutil.copytree(ROOT / "corpus", workdir / "corpus")
    assistant = Assistant.open(Settings(
        corpus_dir=workdir / "corpus", index_dir=workdir / "index", server=ServerSettings(answer_cache=0)), embedder=embedder)
    assert assistant.ingest().ok and assistant.ingest([related]).ok
    assistant.warm_up()
    return assistant, workdir
