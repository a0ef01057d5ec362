"""Retrieval: dense (Chroma) and sparse (BM25) candidates fused by reciprocal rank, with metadata filters."""

from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding

from assistant.sparse import Record, SparseIndex
from assistant.store import ChromaStore
from assistant.types import Filters, Hit

RRF_K = 60


def hit_from(record: Record, score: float) -> Hit:
    """Turn a stored part into a Hit."""
    m = record.metadata
    page = m.get("page")
    return Hit(
        provision_id=m.get("provision_id", record.id), doc_id=m.get("doc_id", ""), doc_title=m.get("doc_title", ""),
        label=m.get("label", ""), page=int(page) if page not in (None, "") else None, text=record.text,
        score=round(float(score), 4), issuer=m.get("issuer", ""), date=m.get("date", ""),
        heading_path=list(m.get("heading_path") or []), kind=m.get("kind", "context"), actor=m.get("actor", ""),
        addressees=list(m.get("addressees") or []), intro=m.get("intro", ""), part=int(m.get("part", 1)),
        part_count=int(m.get("part_count", 1)), char_start=int(m.get("char_start", 0)),
        char_end=int(m.get("char_end", 0)),
    )


def matches(meta: dict[str, Any], filters: Filters) -> bool:
    """Return True when a part's metadata passes the filters."""
    if filters.doc_ids and meta.get("doc_id") not in filters.doc_ids:
        return False
    if filters.issuer and filters.issuer.lower() not in str(meta.get("issuer", "")).lower():
        return False
    if filters.year and meta.get("year") != filters.year:
        return False
    if filters.kinds and meta.get("kind") not in filters.kinds:
        return False
    wanted = filters.addressee.lower()
    return not wanted or any(a.lower() == wanted for a in meta.get("addressees") or [])


def chroma_where(filters: Filters) -> dict[str, Any] | None:
    """Translate the filters Chroma can apply itself into a where clause."""
    clauses: list[dict[str, Any]] = []
    if filters.doc_ids:
        clauses.append({"doc_id": {"$in": filters.doc_ids}})
    if filters.year:
        clauses.append({"year": filters.year})
    if filters.kinds:
        clauses.append({"kind": {"$in": list(filters.kinds)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class Retriever:
    """Find the provision parts that best match a query."""

    def __init__(self, store: ChromaStore, embedder: BaseEmbedding, sparse: SparseIndex) -> None:
        self.store = store
        self.embedder = embedder
        self.sparse = sparse
        self._position = {r.id: i for i, r in enumerate(sparse.records)}

    def search(self, query: str, k: int = 10, filters: Filters | None = None) -> list[Hit]:
        """Return up to k hits, best first, scored by cosine similarity to the query."""
        filters = filters or Filters()
        depth = max(3 * k, 30)
        embedding = self.embedder.get_query_embedding(query)
        dense = self._dense(embedding, depth, filters)
        sparse = self._sparse(query, depth, filters)
        fused: dict[int, float] = {}
        for ranking in (list(dense), [i for i, _ in sparse]):
            for rank, index in enumerate(ranking):
                fused[index] = fused.get(index, 0.0) + 1.0 / (RRF_K + rank + 1)
        best = sorted(fused, key=fused.__getitem__, reverse=True)[:k]
        cosine = self._cosines(embedding, dense, best)
        return [hit_from(self.sparse.records[i], cosine[i]) for i in best]

    def _dense(self, embedding: list[float], depth: int, filters: Filters) -> dict[int, float]:
        chunks = self.store.query(embedding, depth, chroma_where(filters))
        found: dict[int, float] = {}
        for chunk in chunks:
            index = self._position.get(chunk.id)
            if index is not None and matches(self.sparse.records[index].metadata, filters):
                found[index] = chunk.score
        return found

    def _sparse(self, query: str, depth: int, filters: Filters) -> list[tuple[int, float]]:
        allowed = None
        if not filters.is_empty():
            allowed = {i for i, r in enumerate(self.sparse.records) if matches(r.metadata, filters)}
        return self.sparse.search(query, depth, allowed)

    def _cosines(self, embedding: list[float], dense: dict[int, float], best: list[int]) -> dict[int, float]:
        missing = [self.sparse.records[i].id for i in best if i not in dense]
        scores = dict(dense)
        if missing:
            for chunk_id, score in self.store.similarities(embedding, missing).items():
                scores[self._position[chunk_id]] = score
        return scores
