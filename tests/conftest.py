"""Shared fixtures: settings on a temporary index, the shipped and related corpora, the real model."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.config import EmbeddingSettings

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
RELATED = REPO.parent / "shared" / "corpus-related"
G7 = CORPUS / "g7-2017-actions-cybersecurity-for-businesses.txt"
ICC = CORPUS / "icc-board-briefing-cybersecurity-takeaways.txt"

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


@pytest.fixture
def related() -> Path:
    """Return the directory of the six related documents (../shared/corpus-related)."""
    if not RELATED.is_dir():
        pytest.fail(f"{RELATED} is missing: the tests need ../shared beside the checkout")
    return RELATED


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """Return a temporary copy of the shipped corpus (texts and catalogue)."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    for path in target.iterdir():
        path.chmod(0o644)
    return target


@pytest.fixture
def settings(tmp_path: Path, corpus_dir: Path) -> Settings:
    """Return settings on a temporary index with the fast fake embedder."""
    return Settings(corpus_dir=corpus_dir, index_dir=tmp_path / "index", embedding=EmbeddingSettings(model="hash"))


@pytest.fixture
def assistant(settings: Settings) -> Assistant:
    """Return an assistant on a temporary index with the fake embedder."""
    return Assistant.open(settings)


@pytest.fixture(scope="session")
def real_embedder():
    """Load the real bundled MiniLM model once per test session."""
    from assistant.embeddings import load_embedder

    return load_embedder(EmbeddingSettings())


@pytest.fixture
def real_settings(tmp_path: Path, corpus_dir: Path) -> Settings:
    """Return settings on a temporary index with the real model."""
    return Settings(corpus_dir=corpus_dir, index_dir=tmp_path / "index")


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m assistant` in a subprocess and capture its output."""
    full_env = {**os.environ, "COLUMNS": "160", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args], capture_output=True, text=True, env=full_env,
        cwd=cwd or REPO, timeout=600,
    )


def make_pdf(path: Path, pages: list[str], header: str = "", footer_numbers: bool = False) -> Path:
    """Write a PDF with one text page per entry (optionally a running header and page numbers)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for number, text in enumerate(pages, 1):
        pdf.add_page()
        if header:
            pdf.cell(0, 8, header, new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, text)
        if footer_numbers:
            pdf.set_auto_page_break(False)
            pdf.set_y(-20)
            pdf.cell(0, 8, str(number), align="C")
    pdf.output(str(path))
    return path


@pytest.fixture(scope="session")
def full_index(tmp_path_factory: pytest.TempPathFactory, real_embedder) -> Settings:
    """Ingest the shipped corpus and the six related documents once, with the real model and Chroma."""
    if not RELATED.is_dir():
        pytest.fail(f"{RELATED} is missing: the tests need ../shared beside the checkout")
    root = tmp_path_factory.mktemp("full")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = Settings(corpus_dir=corpus, index_dir=root / "index")
    assistant = Assistant.open(settings, embedder=real_embedder)
    assert assistant.ingest().ok
    assert assistant.ingest([RELATED]).ok
    return settings


@pytest.fixture
def full(full_index: Settings, real_embedder) -> Assistant:
    """Return an assistant over the shared full index (read-only use)."""
    return Assistant.open(full_index, embedder=real_embedder)
