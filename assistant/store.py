"""The vector store: ChromaDB (embedded or a server), the only module that imports chromadb.

Two collections: `<name>` holds one record per provision part (vector, verbatim text, metadata) and
carries the index manifest (embedding model, dimension, schema version, change counter) in its
metadata; `<name>-documents` holds one commit record per document. A document's parts are written
under a new generation first and only then committed, so readers never see half a document.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse

import chromadb
import httpx
import numpy as np
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import ChromaError
from llama_index.vector_stores.chroma import ChromaVectorStore

from assistant.config import Settings
from assistant.errors import IndexMismatch, IndexMissing, StoreUnavailable
from assistant.types import Document

SCHEMA_VERSION = 1
# llama-index's copies of the node (kept by the vector store for its own reads) that readers here never need
_INTERNAL_KEYS = frozenset({"_node_content", "_node_type", "document_id", "ref_doc_id"})
SERVER_TIMEOUT = 30.0  # seconds for one request to a Chroma server: a hung server is an error, not a hang
T = TypeVar("T")


@dataclass(frozen=True)
class Manifest:
    """What an index was built with."""

    embed_model: str
    dimension: int
    schema: int
    version: int


@dataclass(frozen=True)
class StoredChunk:
    """One stored provision part: its id, verbatim text, metadata and (for queries) cosine score."""

    id: str
    text: str
    metadata: dict[str, Any]
    score: float = 0.0


class ChromaStore:
    """Provision parts and document records in Chroma."""

    def __init__(self, settings: Settings, create: bool = False, timeout: float = SERVER_TIMEOUT) -> None:
        self.settings = settings
        self.url = settings.chroma_url
        self.timeout = timeout
        self._client = self._guard(lambda: _connect(settings, self.timeout))
        self._name = settings.collection
        self._docs_name = f"{settings.collection}-documents"
        self._parts: Any = None
        self._docs: Any = None
        if create:
            self._create()
        else:
            self._open()

    # connection ---------------------------------------------------------------------------

    def _guard(self, call: Callable[[], T], attempts: int = 3) -> T:
        """Run a store call, retrying briefly when a server is unreachable or the embedded database busy, then fail clearly."""
        for attempt in range(attempts):
            try:
                return call()
            except (IndexMismatch, IndexMissing):
                raise
            except Exception as exc:
                if not (_is_connection_error(exc) if self.url else _is_locked(exc)):
                    raise
                if attempt == attempts - 1:
                    if not self.url:
                        raise
                    raise StoreUnavailable(
                        f"Chroma server at {self.url} is unreachable ({type(exc).__name__}): start it "
                        "(chroma run --path DIR --port N) or fix ASSISTANT_CHROMA_URL"
                    ) from None
                time.sleep(0.2 * 2**attempt)
        raise AssertionError("unreachable")

    def _read(self, call: Callable[[], T]) -> T:
        """Run a vector read; on an embedded index another process wrote to, reopen once and retry."""
        try:
            return self._guard(call)
        except ChromaError:
            if self.url:
                raise
            # our in-memory vectors are behind the metadata another process committed
            self.reopen()
            return self._guard(call)

    def _create(self) -> None:
        breadth = self.settings.retrieval.dense_breadth

        def create() -> None:
            self._parts = self._client.get_or_create_collection(
                self._name, embedding_function=None, configuration={"hnsw": {"space": "cosine", "ef_search": breadth}}
            )
            # Chroma inserts vectors in parallel and in no fixed order, so each process (and each ingest)
            # holds a different graph; a search breadth of at least the collection size is exact all the same
            if (self._parts.configuration_json or {}).get("hnsw", {}).get("ef_search") != breadth:
                self._parts.modify(configuration={"hnsw": {"ef_search": breadth}})
            self._docs = self._client.get_or_create_collection(self._docs_name, embedding_function=None)

        self._guard(create)
        if not self.url:
            _prune_orphans(Path(self.settings.index_dir) / "chroma")

    def _open(self) -> None:
        def open_() -> None:
            names = {c.name for c in self._client.list_collections()}
            if self._name not in names or self._docs_name not in names:
                raise IndexMissing(f"no index at {self.location}: run `policy-assistant ingest` first")
            self._parts = self._client.get_collection(self._name)
            self._docs = self._client.get_collection(self._docs_name)

        self._guard(open_)

    def reopen(self) -> None:
        """Reconnect so that vectors written by another process are searched too.

        An embedded Chroma client keeps its vector index in memory and does not see what another
        process added to the same directory; a fresh client loads it again. A server needs nothing.
        """
        if self.url:
            return
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
        self._client = self._guard(lambda: _connect(self.settings, self.timeout))
        self._open()

    @property
    def location(self) -> str:
        """Return where the index lives, for messages."""
        return self.url or str(self.settings.index_dir / "chroma")

    # manifest -----------------------------------------------------------------------------

    def manifest(self) -> Manifest | None:
        """Return the manifest, or None for an index that was never written to."""
        meta = self._guard(lambda: self._client.get_collection(self._name).metadata) or {}
        if "embed_model" not in meta:
            return None
        return Manifest(str(meta["embed_model"]), int(meta["dimension"]), int(meta["schema"]), int(meta.get("version", 0)))

    def check(self, embed_model: str, dimension: int | None = None) -> None:
        """Raise IndexMismatch when the index was built with another model, dimension or schema."""
        found = self.manifest()
        if found is None:
            return
        dimension = found.dimension if dimension is None else dimension
        if (found.embed_model, found.dimension, found.schema) != (embed_model, dimension, SCHEMA_VERSION):
            raise IndexMismatch(
                f"the index at {self.location} was built with model {found.embed_model!r} "
                f"(dimension {found.dimension}, schema {found.schema}) but {embed_model!r} (dimension "
                f"{dimension}, schema {SCHEMA_VERSION}) is configured: run `policy-assistant ingest --rebuild`"
            )

    def write_manifest(self, embed_model: str, dimension: int) -> None:
        """Record the model and dimension this index is built with."""
        self._set_meta(embed_model=embed_model, dimension=dimension, schema=SCHEMA_VERSION)

    def version(self) -> int:
        """Return the change counter, bumped on every document commit or removal."""
        found = self.manifest()
        return found.version if found else 0

    def _set_meta(self, **values: Any) -> None:
        def update() -> None:
            current = dict(self._client.get_collection(self._name).metadata or {})
            current.update(values)
            self._parts.modify(metadata=current)

        self._guard(update)

    def touch(self) -> None:
        """Bump the change counter so that every replica refreshes its sparse index."""
        self._set_meta(version=self.version() + 1)

    # documents ----------------------------------------------------------------------------

    def documents(self) -> list[Document]:
        """Return the committed documents."""
        got = self._guard(lambda: self._docs.get(include=["metadatas"]))
        return sorted((Document(**meta) for meta in got["metadatas"]), key=lambda d: d.doc_id)

    def commit(self, document: Document, after_commit: Callable[[], None] | None = None) -> None:
        """Make a document's newly written generation the current one, then drop older parts."""
        meta = {k: v for k, v in document.model_dump().items() if v is not None}
        self._guard(lambda: self._docs.upsert(ids=[document.doc_id], embeddings=[[1.0]], metadatas=[meta]))
        self.touch()
        if after_commit is not None:
            after_commit()
        self.delete_stale(document.doc_id, keep=document.fingerprint)

    def remove(self, doc_id: str) -> None:
        """Remove a document and all its parts."""
        self._guard(lambda: self._docs.delete(ids=[doc_id]))
        self.touch()
        self._guard(lambda: self._parts.delete(where={"doc_id": doc_id}))

    def delete_stale(self, doc_id: str, keep: str) -> None:
        """Delete a document's parts of every generation but keep."""
        where = {"$and": [{"doc_id": doc_id}, {"gen": {"$ne": keep}}]}
        self._guard(lambda: self._parts.delete(where=where))

    def delete_orphans(self, live: dict[str, str]) -> int:
        """Delete parts whose document or generation is not committed (left by an interrupted ingest)."""
        stale = [c.id for c in self.chunks(live=None) if live.get(c.metadata.get("doc_id", "")) != c.metadata.get("gen")]
        for start in range(0, len(stale), 5000):
            batch = stale[start:start + 5000]
            self._guard(lambda: self._parts.delete(ids=batch))
        if stale:
            self.touch()
        return len(stale)

    # parts --------------------------------------------------------------------------------

    def vector_store(self) -> ChromaVectorStore:
        """Return the llama-index vector store that writes parts into this index."""
        store = ChromaVectorStore(chroma_collection=self._parts)
        store.flat_metadata = False  # Chroma accepts lists of strings (heading_path, addressees)
        return store

    def count(self) -> int:
        """Return how many parts are stored (all generations)."""
        return int(self._guard(self._parts.count))

    def query(self, embedding: list[float], k: int, where: dict[str, Any] | None = None) -> list[StoredChunk]:
        """Return the ids of the k parts nearest to embedding, best first, with cosine similarity scores.

        Text and metadata are not fetched: the retriever holds them in memory, and at 100k parts reading
        them back from the store costs more than the vector search itself.
        """
        def run() -> Any:
            return self._parts.query(query_embeddings=[embedding], n_results=k, where=where or None, include=["distances"])

        got = self._read(run)
        return [StoredChunk(i, "", {}, 1.0 - float(d)) for i, d in zip(got["ids"][0], got["distances"][0])]

    def similarities(self, embedding: list[float], ids: list[str]) -> dict[str, float]:
        """Return the cosine similarity of embedding to each stored part in ids."""
        got = self._read(lambda: self._parts.get(ids=ids, include=["embeddings"]))
        query = np.asarray(embedding, dtype=np.float32)
        query /= np.linalg.norm(query) or 1.0
        out = {}
        for chunk_id, vector in zip(got["ids"], got["embeddings"]):
            v = np.asarray(vector, dtype=np.float32)
            out[chunk_id] = float(v @ query / (np.linalg.norm(v) or 1.0))
        return out

    def chunks(self, live: dict[str, str] | None = None, batch: int = 5000) -> Iterator[StoredChunk]:
        """Yield stored parts; with live ({doc_id: fingerprint}) only those of committed generations."""
        offset = 0
        while True:
            got = self._guard(lambda: self._parts.get(include=["documents", "metadatas"], limit=batch, offset=offset))
            for i, t, m in zip(got["ids"], got["documents"], got["metadatas"]):
                m = {k: v for k, v in (m or {}).items() if k not in _INTERNAL_KEYS}
                if live is None or live.get(m.get("doc_id", "")) == m.get("gen"):
                    yield StoredChunk(i, t or "", m)
            if len(got["ids"]) < batch:
                return
            offset += batch

    def reset(self) -> None:
        """Delete everything in this index and start empty."""
        def drop() -> None:
            for name in (self._name, self._docs_name):
                try:
                    self._client.delete_collection(name)
                except Exception as exc:  # missing collections are fine to "delete"
                    if "does not exist" not in str(exc):
                        raise

        self._guard(drop)
        self._create()


def _prune_orphans(path: Path) -> None:
    """Remove the vector folders of deleted collections, which Chroma leaves on disk.

    Chroma's delete_collection drops a collection's rows but not its HNSW folder (chroma-core/chroma#5520),
    so every `ingest --rebuild` leaked a copy of the vectors (173 MB at 100k provisions). Only folders
    named as segments that the store no longer lists go; anything unexpected is left alone.
    """
    import shutil
    import sqlite3
    import uuid
    from contextlib import closing

    try:
        with closing(sqlite3.connect(f"file:{path / 'chroma.sqlite3'}?mode=ro", uri=True)) as db:
            live = {str(row[0]) for row in db.execute("SELECT id FROM segments")}
    except sqlite3.Error:
        return  # no store yet, or a schema this code does not know
    for folder in path.iterdir():
        try:
            orphan = folder.is_dir() and str(uuid.UUID(folder.name)) == folder.name and folder.name not in live
        except ValueError:
            continue
        if orphan:
            shutil.rmtree(folder, ignore_errors=True)


def _connect(settings: Settings, timeout: float) -> Any:
    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if not settings.chroma_url:
        path = Path(settings.index_dir) / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    url = urlparse(settings.chroma_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise StoreUnavailable(f"ASSISTANT_CHROMA_URL={settings.chroma_url!r} is not an http(s)://host:port URL")
    port = url.port or (443 if url.scheme == "https" else 8000)
    # the client's first request (tenant check) has no timeout of its own: bound it from outside
    pool = ThreadPoolExecutor(max_workers=1)
    future = pool.submit(chromadb.HttpClient, host=url.hostname, port=port, ssl=url.scheme == "https",
                         settings=chroma_settings)
    pool.shutdown(wait=False)
    try:
        client = future.result(timeout=timeout)
    except FutureTimeout:
        raise TimeoutError(f"connect timed out after {timeout:g} s") from None
    session = getattr(getattr(client, "_server", None), "_session", None)
    if session is not None:
        session.timeout = httpx.Timeout(timeout, connect=min(timeout, 5.0))
    return client


def _is_locked(exc: Exception) -> bool:
    """Return True for SQLite's "database is locked": another client of the embedded index is mid-write, briefly."""
    return "database is locked" in str(exc).lower()


def _is_connection_error(exc: Exception) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return any(s in text for s in ("connect", "timeout", "timed out", "refused", "unreachable", "503", "502", "remoteprotocol"))
