"""Incremental ingest: unchanged files skipped, changed ones replaced, deleted ones removed, ids stable."""

from __future__ import annotations

from pathlib import Path

from assistant import Assistant
from tests.conftest import ICC


def ids(assistant: Assistant, query: str = "cyber", k: int = 50) -> set[str]:
    return {h.provision_id for h in assistant.search(query, k=k)}


def test_second_ingest_of_an_unchanged_corpus_skips_everything(assistant: Assistant) -> None:
    first = assistant.ingest()
    assert sorted(first.added) == ["g7-2017-cyber-business", "icc-board-briefing-cyber"]
    assert first.provisions == 35
    second = assistant.ingest()
    assert second.added == second.updated == second.removed == []
    assert sorted(second.unchanged) == sorted(first.added)
    counts = {d.doc_id: d.provision_count for d in assistant.documents()}
    assert counts == {"g7-2017-cyber-business": 22, "icc-board-briefing-cyber": 13}


def test_changed_document_is_replaced_without_duplicates(assistant: Assistant, corpus_dir: Path) -> None:
    assistant.ingest()
    parts_before = assistant.store().count()
    path = corpus_dir / ICC.name
    path.write_text(path.read_text().replace("sustainable", "durable"))
    report = assistant.ingest()
    assert report.updated == ["icc-board-briefing-cyber"] and report.unchanged == ["g7-2017-cyber-business"]
    assert assistant.store().count() == parts_before
    hit = assistant.search("No solution will be durable unless SMEs are included", k=1)[0]
    assert hit.provision_id == "icc-board-briefing-cyber/takeaways/item-5"
    assert "durable" in hit.text and "sustainable" not in hit.text


def test_deleted_document_is_removed(assistant: Assistant, corpus_dir: Path) -> None:
    assistant.ingest()
    (corpus_dir / ICC.name).unlink()
    report = assistant.ingest()
    assert report.removed == ["icc-board-briefing-cyber"]
    assert [d.doc_id for d in assistant.documents()] == ["g7-2017-cyber-business"]
    assert all(i.startswith("g7-") for i in ids(assistant))


def test_explicit_paths_add_without_removing_the_corpus(assistant: Assistant, related: Path) -> None:
    assistant.ingest()
    report = assistant.ingest([related / "paris-call-2018.md"])
    assert report.added == ["paris-call-2018"]
    assert len(assistant.documents()) == 3
    assert assistant.ingest().removed == []  # the related file still exists, so a corpus ingest keeps it


def test_rebuild_starts_from_scratch_with_the_same_ids(assistant: Assistant) -> None:
    assistant.ingest()
    before = ids(assistant)
    report = assistant.ingest(rebuild=True)
    assert sorted(report.added) == ["g7-2017-cyber-business", "icc-board-briefing-cyber"]
    assert ids(assistant) == before


def test_interrupted_generation_is_invisible_and_cleaned(assistant: Assistant) -> None:
    assistant.ingest()
    store = assistant.store()
    live = {d.doc_id: d.fingerprint for d in store.documents()}
    orphan = next(store.chunks(live))
    store._parts.add(ids=["deadbeef:" + orphan.id], embeddings=[[0.1] * 256], documents=["orphan text"],
                     metadatas=[{**orphan.metadata, "gen": "deadbeef"}])
    assert all(h.text != "orphan text" for h in assistant.search("orphan text", k=50))
    expected = sum(d.part_count for d in store.documents())
    assert store.count() == expected + 1
    assistant.ingest()
    assert store.count() == expected
