"""The Chroma adapter: the vector index is searched with the configured breadth, old indexes included."""

from __future__ import annotations

import pytest

from assistant import Settings
from assistant.config import RetrievalSettings
from assistant.store import ChromaStore


def _breadth(settings: Settings) -> int:
    return ChromaStore(settings, create=True)._parts.configuration_json["hnsw"]["ef_search"]


def test_a_new_index_searches_with_the_configured_breadth_and_an_ingest_updates_an_old_one(settings: Settings) -> None:
    assert _breadth(settings) == settings.retrieval.dense_breadth == 1000  # exact up to 1,000 parts
    narrower = settings.model_copy(update={"retrieval": RetrievalSettings(dense_breadth=200)})
    assert _breadth(narrower) == 200
    assert ChromaStore(settings)._parts.configuration_json["hnsw"]["ef_search"] == 200  # readers leave it alone
    assert _breadth(settings) == 1000


def test_a_rebuild_leaves_no_copy_of_the_old_vectors_on_disk(settings: Settings) -> None:
    from assistant import Assistant

    assistant = Assistant.open(settings)
    assistant.ingest()
    chroma = settings.index_dir / "chroma"
    (chroma / "notes").mkdir()  # not a vector folder: never touched
    before = {p.name for p in chroma.iterdir() if p.is_dir()}
    for _ in range(2):
        assistant.ingest(rebuild=True)
    after = {p.name for p in chroma.iterdir() if p.is_dir()}
    assert len(after) == len(before) and not (after - {"notes"}) & before  # the old folders went, new ones came
    assert assistant.search("awareness campaigns amongst SMEs", k=1)[0].label == "Objective 2, action 4"


def test_an_embedded_index_busy_for_a_moment_is_retried_and_other_errors_are_not(settings: Settings) -> None:
    store = ChromaStore(settings, create=True)
    calls: list[int] = []

    def busy_once() -> str:
        calls.append(1)
        if len(calls) == 1:  # another client of the same SQLite file is mid-write
            raise RuntimeError("Database error: error returned from database: (code: 5) database is locked")
        return "done"

    assert store._guard(busy_once) == "done" and len(calls) == 2

    def broken() -> None:
        raise ValueError("no such collection")

    with pytest.raises(ValueError):
        store._guard(broken)
