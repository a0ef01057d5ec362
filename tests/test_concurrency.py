"""Concurrency: one ingest at a time, readers see a document's old or new state (never a mix), shared threads."""

from __future__ import annotations

import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.config import EmbeddingSettings, ServerSettings
from assistant.types import Filters
from tests.conftest import CORPUS, run_cli
from tests.test_crash import start_ingest

pytestmark = pytest.mark.slow
MIX = "# Mix Pledge\n\n1. The mix pledge {word} commits every member to rotate keys.\n2. The mix pledge {word} asks members to test backups.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    (target / "mix.md").write_text(MIX.format(word="ALPHA"))
    return target


def test_a_second_ingest_exits_at_once_with_a_clear_message(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    first = start_ingest(corpus, index, "hash", "embedded:1")
    try:
        deadline = time.time() + 60
        while not (index / "paused-at-embedded").exists() and time.time() < deadline:
            time.sleep(0.05)
        env = {"ASSISTANT_CORPUS_DIR": str(corpus), "ASSISTANT_INDEX_DIR": str(index), "ASSISTANT_EMBEDDING__MODEL": "hash"}
        started = time.time()
        second = run_cli("ingest", env=env)
        assert second.returncode == 3 and "another ingest is running" in second.stderr
        waited = run_cli("ingest", "--wait", "1", env=env)
        assert waited.returncode == 3 and time.time() - started >= 1
    finally:
        first.kill()
        first.wait()


def versions(assistant: Assistant) -> set[str]:
    hits = assistant.search("mix pledge members", k=10, filters=Filters(doc_ids=["mix"]))
    return {("ALPHA" if "ALPHA" in h.text else "BETA") for h in hits}


def test_readers_see_the_old_or_the_new_document_never_a_mix(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    settings = Settings(corpus_dir=corpus, index_dir=index, embedding=EmbeddingSettings(model="hash"))
    reader = Assistant.open(settings)
    reader.ingest()
    assert versions(reader) == {"ALPHA"}
    (corpus / "mix.md").write_text(MIX.format(word="BETA"))
    for point, expected in (("embedded", {"ALPHA"}), ("committed", {"BETA"})):
        writer = start_ingest(corpus, index, "hash", f"{point}:1")
        deadline = time.time() + 60
        while not (index / f"paused-at-{point}").exists() and time.time() < deadline:
            time.sleep(0.05)
        seen = []
        for _ in range(20):  # over the version-check interval, while the writer is stopped mid-ingest
            seen.append(versions(reader))
            time.sleep(0.1)
        writer.kill()
        writer.wait()
        (index / f"paused-at-{point}").unlink()
        assert all(len(s) == 1 for s in seen), seen  # never ALPHA and BETA parts of one document at once
        assert seen[-1] == expected
    reader.ingest()
    assert versions(reader) == {"BETA"}


def test_one_assistant_is_safe_to_share_across_threads(full_index: Settings, real_embedder) -> None:
    settings = full_index.model_copy(update={"server": ServerSettings(answer_cache=0)})
    shared = Assistant.open(settings, embedder=real_embedder)
    questions = ["What did the G7 commit to on CSIRT cooperation?", "What does NIS 2 say about supply chain security?",
                 "How quickly must high-risk security updates be installed under Cyber Essentials?",
                 "What did the ICC say about MLATs?", "What is the 24/7 network?", "What does GV.OC-01 say?",
                 "What does the Paris Call say about hacking back?", "What does the G7 say about quantum computing?"] * 4
    expected = {q: shared.ask(q).text for q in set(questions)}
    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(lambda q: (q, shared.ask(q).text), questions))
    assert all(text == expected[q] for q, text in answers)
