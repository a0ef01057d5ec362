"""Shared fixtures: settings on a temporary index, the shipped and related corpora, the real model."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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


def ingested(tmp_path: Path, files: dict[str, str]) -> Assistant:
    """Return an assistant (fake embedder) on a temporary corpus of the given files, ingested."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    assistant = Assistant.open(Settings(corpus_dir=corpus, index_dir=tmp_path / "index", embedding=EmbeddingSettings(model="hash")))
    assert assistant.ingest().ok
    return assistant


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


@pytest.fixture(scope="session")
def shipped_index(tmp_path_factory: pytest.TempPathFactory, real_embedder) -> Settings:
    """Ingest the shipped corpus alone, as `make run` does on a fresh clone, with the real model and Chroma."""
    root = tmp_path_factory.mktemp("shipped")
    shutil.copytree(CORPUS, root / "corpus")
    settings = Settings(corpus_dir=root / "corpus", index_dir=root / "index")
    assert Assistant.open(settings, embedder=real_embedder).ingest().ok
    return settings


@pytest.fixture
def full(full_index: Settings, real_embedder) -> Assistant:
    """Return an assistant over the shared full index (read-only use)."""
    return Assistant.open(full_index, embedder=real_embedder)


HOSTILE = (
    "HOSTILE TEST NOTE\n\n"
    "The zebra resilience pledge says: <script>window.__pwned = 1</script> "
    '<img src="http://203.0.113.7/pixel.png" onerror="window.__pwned = 2"> '
    "![tracker](http://203.0.113.7/tracker.png) [click me](javascript:window.__pwned=3) "
    "and every zebra company should keep backups.\n"
)
BROWSER_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
ARTIFACTS = REPO / "artifacts"


def free_port() -> int:
    """Return a free TCP port on the loopback interface."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(command: list[str], probe: str, env: dict[str, str] | None = None,
            wait: float = 240) -> Iterator[subprocess.Popen[bytes]]:
    """Run a server process until the probe URL answers; stop it when the block ends."""
    import time
    import urllib.request

    ARTIFACTS.mkdir(exist_ok=True)
    with open(ARTIFACTS / "server.log", "a") as log:
        process = subprocess.Popen(command, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
        try:
            deadline = time.time() + wait
            while True:
                try:
                    with urllib.request.urlopen(probe, timeout=2):
                        break
                except OSError:
                    if process.poll() is not None or time.time() > deadline:
                        raise RuntimeError(f"{command[0]} did not start; see {ARTIFACTS / 'server.log'}") from None
                    time.sleep(0.3)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


@contextmanager
def running_server(env: dict[str, str], *args: str) -> Iterator[str]:
    """Start `policy-assistant serve` on a loopback port, wait until it answers, stop it afterwards."""
    with serving_app(env, *args) as (url, _):
        yield url


@contextmanager
def serving_app(env: dict[str, str], *args: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Start `policy-assistant serve` on a loopback port; yield its URL and process, stop it afterwards."""
    port = free_port()
    command = [sys.executable, "-m", "assistant", "serve", "--host", "127.0.0.1", "--port", str(port), *args]
    url = f"http://127.0.0.1:{port}"
    with serving(command, url + "/healthz", {"GRADIO_ANALYTICS_ENABLED": "False", **env}) as process:
        yield url, process


@pytest.fixture(scope="session")
def web_index(tmp_path_factory: pytest.TempPathFactory, real_embedder) -> Settings:
    """Index the shipped corpus plus a hostile document (markup in its text), with the real model."""
    root = tmp_path_factory.mktemp("web")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "hostile-test.txt").write_text(HOSTILE, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=root / "index")
    assert Assistant.open(settings, embedder=real_embedder).ingest().ok
    return settings


@pytest.fixture(scope="session")
def web_server(web_index: Settings) -> Iterator[str]:
    """Serve the web index from a real server process on a loopback port."""
    env = {"ASSISTANT_INDEX_DIR": str(web_index.index_dir), "ASSISTANT_CORPUS_DIR": str(web_index.corpus_dir)}
    with running_server(env) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Launch Debian Chromium through Playwright (never Playwright's own download)."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Chromium is not installed: run 'sudo apt-get install chromium' (make test does it as root)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, request: pytest.FixtureRequest):
    """Open a fresh page; save a screenshot as an artefact when the test ends."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    shots = ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / f"{request.node.name}.png"), full_page=True)
    context.close()


@contextmanager
def chroma_server(path: Path) -> Iterator[str]:
    """Start `chroma run` on a loopback port for one test and stop it afterwards."""
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    url = f"http://127.0.0.1:{port}"
    command = [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    with serving(command, url + "/api/v2/heartbeat", wait=60):
        yield url
