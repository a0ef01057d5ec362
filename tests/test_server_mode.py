"""Server mode: a real `chroma run` holds every vector and document; replicas with their own local dirs agree."""

from __future__ import annotations

import json
import shutil
import time
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from tests.conftest import CORPUS, chroma_server, run_cli, running_server

pytestmark = pytest.mark.slow
QUESTION = "What did the G7 commit to on CSIRT cooperation?"


def test_ingest_in_one_process_answer_in_others_then_see_new_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    with chroma_server(tmp_path / "chroma-data") as url:
        writer = {"ASSISTANT_CHROMA_URL": url, "ASSISTANT_CORPUS_DIR": str(corpus), "ASSISTANT_INDEX_DIR": str(tmp_path / "a")}
        assert run_cli("ingest", env=writer).returncode == 0
        assert not (tmp_path / "a" / "chroma").exists()  # vectors live on the server, not in the local dir
        replica = {"ASSISTANT_CHROMA_URL": url, "ASSISTANT_INDEX_DIR": str(tmp_path / "b"), "ASSISTANT_CORPUS_DIR": str(corpus)}
        with running_server(replica) as web:
            served = httpx.post(f"{web}/api/ask", json={"question": QUESTION}, timeout=60).json()
            other = run_cli("ask", QUESTION, "--json", env={**replica, "ASSISTANT_INDEX_DIR": str(tmp_path / "c")})
            assert json.loads(other.stdout)["text"] == served["text"]  # replicas answer identically
            assert any(c["provision_id"] == "g7-2017-cyber-business/objective-2/item-1" for c in served["citations"])

            (corpus / "zebra-pledge.md").write_text(
                "---\ntitle: Zebra Pledge\nissuer: Zebra Alliance\ndate: 2026-01-01\n---\n\n"
                "# Zebra Pledge\n\nThe zebra alliance commits to encrypting every striped backup tape by 2027.\n")
            assert run_cli("ingest", env=writer).returncode == 0
            deadline = time.time() + 30
            while True:  # the running replica notices the new collection version without a restart
                answer = httpx.post(f"{web}/api/ask", json={"question": "What does the zebra alliance commit to?"},
                                    timeout=60).json()
                if any(c["doc_id"] == "zebra-pledge" for c in answer["citations"]) or time.time() > deadline:
                    break
                time.sleep(1)
            assert any(c["doc_id"] == "zebra-pledge" for c in answer["citations"])
            assert "striped backup tape" in answer["text"]


def test_a_server_that_goes_down_gives_503s_and_clear_errors(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    with ExitStack() as stack:
        chroma = ExitStack()
        url = chroma.enter_context(chroma_server(tmp_path / "chroma-data"))
        env = {"ASSISTANT_CHROMA_URL": url, "ASSISTANT_CORPUS_DIR": str(corpus),
               "ASSISTANT_INDEX_DIR": str(tmp_path / "a"), "ASSISTANT_EMBEDDING__MODEL": "hash"}
        assert run_cli("ingest", env=env).returncode == 0
        web = stack.enter_context(running_server(env))
        assert httpx.get(f"{web}/healthz").status_code == 200
        chroma.close()  # the Chroma server stops while the web app keeps running
        started = time.time()
        health = httpx.get(f"{web}/healthz", timeout=60)
        reply = httpx.post(f"{web}/api/ask", json={"question": "What about the stores?"}, timeout=60)
        assert health.status_code == 503 and reply.status_code == 503
        assert "unreachable" in reply.json()["detail"] and time.time() - started < 30
    started = time.time()
    cli = run_cli("docs", env=env)
    assert cli.returncode == 3 and "Chroma server at" in cli.stderr and "unreachable" in cli.stderr
    assert "Traceback" not in cli.stderr and time.time() - started < 30
