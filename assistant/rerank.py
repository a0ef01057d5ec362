"""Optional reranking with a local sentence-transformers CrossEncoder (none is bundled)."""

from __future__ import annotations

from pathlib import Path

from assistant.config import EmbeddingSettings
from assistant.errors import ModelUnavailable


class CrossEncoderReranker:
    """Score (query, passage) pairs with a CrossEncoder loaded from a local directory."""

    def __init__(self, path: str, embedding: EmbeddingSettings) -> None:
        if not Path(path).is_dir():
            raise ModelUnavailable(
                f"reranker model not found at {path!r}: no reranker is bundled; point "
                "ASSISTANT_RETRIEVAL__RERANKER_MODEL at a local CrossEncoder directory, or leave it empty"
            )
        from assistant.embeddings import quiet_offline

        quiet_offline(embedding.offline)
        from sentence_transformers import CrossEncoder

        try:
            self.model = CrossEncoder(path, device=embedding.device)
        except Exception as exc:
            raise ModelUnavailable(f"cannot load reranker model {path!r}: {str(exc).splitlines()[0][:200]}") from None

    def score(self, query: str, passages: list[str]) -> list[float]:
        """Return one relevance score per passage."""
        if not passages:
            return []
        return [float(s) for s in self.model.predict([(query, p) for p in passages], show_progress_bar=False)]
