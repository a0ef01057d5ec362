"""Crash safety: an ingest killed with SIGKILL at any point leaves an index that answers, and the next
ingest completes it with no provision lost or duplicated across Chroma, the sparse index and the manifest."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.config import EmbeddingSettings
from assistant.errors import IndexMissing
from tests.conftest import CORPUS, RELATED, REPO

pytestmark = pytest.mark.slow


def start_ingest(corpus: Path, index: Path, model: str, pause: str = "") -> subprocess.Popen:
    env = {**os.environ, "ASSISTANT_CORPUS_DIR": str(corpus), "ASSISTANT_INDEX_DIR": str(index),
           "ASSISTANT_EMBEDDING__MODEL": model, "ASSISTANT_INGEST__DEBUG_PAUSE": pause}
    return subprocess.Popen([sys.executable, "-m", "assistant", "ingest", "--json"], env=env, cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def kill_when(process: subprocess.Popen, marker: Path | None, delay: float = 0.0, limit: float = 240) -> None:
    """SIGKILL the ingest once it reaches the marker (or after delay), as `kill -9` would."""
    deadline = time.time() + limit
    started = time.time()
    while process.poll() is None and time.time() < deadline:
        if (marker is not None and marker.exists()) or (marker is None and time.time() - started >= delay):
            break
        time.sleep(0.05)
    assert process.poll() is None, "the ingest finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def settings_for(corpus: Path, index: Path, model: str) -> Settings:
    return Settings(corpus_dir=corpus, index_dir=index, embedding=EmbeddingSettings(model=model))


def assert_answers(settings: Settings) -> None:
    """The index opens and answers, and every committed document is whole (never half visible)."""
    assistant = Assistant.open(settings)
    try:
        documents = assistant.documents()
    except IndexMissing:
        return  # killed before the index existed: nothing was lost
    if not documents:
        return
    hits = assistant.search("cooperation between governments and businesses", k=5)
    assert hits
    parts = {}
    for record in assistant.retriever().sparse.records:
        parts[record.metadata["doc_id"]] = parts.get(record.metadata["doc_id"], 0) + 1
    assert parts == {d.doc_id: d.part_count for d in documents}


def assert_complete(settings: Settings, files: int) -> None:
    """Every file's document is in, every part exactly once, in Chroma, the sparse index and the manifest."""
    assistant = Assistant.open(settings)
    store = assistant.store()
    documents = store.documents()
    assert len(documents) == files
    live = {d.doc_id: d.fingerprint for d in documents}
    chunks = list(store.chunks(live))
    assert store.count() == len(chunks) == sum(d.part_count for d in documents)
    keys = [(c.metadata["provision_id"], c.metadata["part"]) for c in chunks]
    assert len(keys) == len(set(keys))
    assert {r.id for r in assistant.retriever().sparse.records} == {c.id for c in chunks}
    manifest = store.manifest()
    assert manifest is not None and manifest.embed_model == settings.embedding.model


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    for path in sorted(RELATED.glob("*.md")):
        if path.name != "SOURCES.md":
            shutil.copy(path, target)
    return target


@pytest.mark.parametrize("pause", ["embedded:1", "embedded:2", "committed:1", "committed:3", "sparse:1"])
def test_kill_at_each_write_point_then_complete(corpus: Path, tmp_path: Path, pause: str) -> None:
    index = tmp_path / "index"
    process = start_ingest(corpus, index, "hash", pause)
    kill_when(process, index / f"paused-at-{pause.split(':')[0]}")
    settings = settings_for(corpus, index, "hash")
    assert_answers(settings)
    report = Assistant.open(settings).ingest()
    assert report.ok and not report.removed
    assert_complete(settings, files=8)


def test_kill_while_replacing_a_changed_document_keeps_the_old_version_visible(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    settings = settings_for(corpus, index, "hash")
    Assistant.open(settings).ingest()
    before = {d.doc_id: d.fingerprint for d in Assistant.open(settings).documents()}
    icc = corpus / "icc-board-briefing-cybersecurity-takeaways.txt"
    icc.write_text(icc.read_text().replace("sustainable", "durable"))
    process = start_ingest(corpus, index, "hash", "embedded:1")
    kill_when(process, index / "paused-at-embedded")
    assert {d.doc_id: d.fingerprint for d in Assistant.open(settings).documents()} == before
    assert_answers(settings)
    hit = Assistant.open(settings).search("No solution will be sustainable unless SMEs", k=1)[0]
    assert "sustainable" in hit.text  # the old generation, whole, until the new one is committed
    Assistant.open(settings).ingest()
    assert_complete(settings, files=8)
    assert "durable" in Assistant.open(settings).search("No solution will be durable unless SMEs", k=1)[0].text


@pytest.mark.parametrize("delay", [2.0, 6.0, 11.0])
def test_kill_at_arbitrary_moments_with_the_real_model(corpus: Path, tmp_path: Path, delay: float) -> None:
    index = tmp_path / "index"
    process = start_ingest(corpus, index, "all-MiniLM-L6-v2")
    kill_when(process, None, delay=delay)
    settings = settings_for(corpus, index, "all-MiniLM-L6-v2")
    if (index / "chroma").exists():
        assert_answers(settings)
    assert Assistant.open(settings).ingest().ok
    assert_complete(settings, files=8)
