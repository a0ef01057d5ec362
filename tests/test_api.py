"""The REST API against a real server on a loopback port: answers, validation, limits, files, auth, binding."""

from __future__ import annotations

import httpx
import pytest

from assistant import Settings
from tests.conftest import run_cli, running_server

pytestmark = pytest.mark.slow


def test_ask_returns_the_answer_json(web_server: str) -> None:
    reply = httpx.post(f"{web_server}/api/ask", json={"question": "What did the G7 commit to on CSIRT cooperation?"}, timeout=60)
    assert reply.status_code == 200
    data = reply.json()
    assert not data["abstained"] and data["citations"]
    assert {"n", "provision_id", "doc_id", "doc_title", "label", "page", "text", "quote", "score"} <= set(data["citations"][0])
    follow = httpx.post(f"{web_server}/api/ask", timeout=60, json={
        "question": "And what role do businesses play in that?",
        "history": ["What did the G7 commit to on CSIRT cooperation?"],
        "filters": {"doc_ids": ["g7-2017-cyber-business"]}})
    assert all(c["doc_id"] == "g7-2017-cyber-business" for c in follow.json()["citations"])


@pytest.mark.parametrize("body,needle", [
    ({"question": ""}, "question"),
    ({"question": "x" * 2001}, "at most 2000"),
    ({"question": "q", "history": ["h"] * 21}, "history"),
    ({"question": "q", "k": 10_000}, "k"),
    ({"question": "q", "filters": {"kinds": ["rumour"]}}, "kinds"),
    ({"history": []}, "question"),
])
def test_invalid_requests_are_clear_422s(web_server: str, body: dict, needle: str) -> None:
    reply = httpx.post(f"{web_server}/api/ask", json=body, timeout=30)
    assert reply.status_code == 422 and needle in reply.json()["detail"]


def test_malformed_json_is_a_422_not_a_500(web_server: str) -> None:
    reply = httpx.post(f"{web_server}/api/ask", content=b'{"question": ', headers={"content-type": "application/json"})
    assert reply.status_code == 422 and "not valid JSON" in reply.json()["detail"]


def test_search_practices_documents_health_and_docs(web_server: str) -> None:
    hits = httpx.get(f"{web_server}/api/search", params={"q": "isac", "k": 3}, timeout=30).json()
    assert hits[0]["provision_id"] == "g7-2017-cyber-business/objective-2/item-6"
    assert httpx.get(f"{web_server}/api/search", params={"q": "isac", "k": 500}).status_code == 422
    practices = httpx.get(f"{web_server}/api/practices", params={"addressee": "SMEs", "q": "awareness"}).json()
    assert practices and all("SMEs" in p["addressees"] for p in practices)
    documents = httpx.get(f"{web_server}/api/documents").json()
    assert {d["doc_id"] for d in documents} >= {"g7-2017-cyber-business", "icc-board-briefing-cyber"}
    assert httpx.get(f"{web_server}/healthz").json()["status"] == "ok"
    assert "/api/ask" in httpx.get(f"{web_server}/openapi.json").json()["paths"]
    assert httpx.get(f"{web_server}/docs").status_code == 200


@pytest.mark.parametrize("path", ["../README.md", "..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/etc/passwd", "/etc/passwd",
                                  "nope.txt", ".hidden"])
def test_the_file_route_cannot_leave_the_corpus_directory(web_server: str, path: str) -> None:
    reply = httpx.get(f"{web_server}/files/{path}")
    assert reply.status_code == 404 and "root:" not in reply.text


def test_source_files_are_served_as_inert_text(web_server: str) -> None:
    reply = httpx.get(f"{web_server}/files/hostile-test.txt")
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/plain")
    assert "sandbox" in reply.headers["content-security-policy"] and reply.headers["x-content-type-options"] == "nosniff"


def test_auth_protects_pages_and_api_but_not_health(web_index: Settings) -> None:
    env = {"ASSISTANT_INDEX_DIR": str(web_index.index_dir), "ASSISTANT_CORPUS_DIR": str(web_index.corpus_dir)}
    with running_server(env, "--auth", "reviewer:s3cret") as url:
        assert httpx.get(f"{url}/api/documents").status_code == 401
        assert httpx.get(f"{url}/").status_code == 401
        assert httpx.get(f"{url}/api/documents", auth=("reviewer", "wrong")).status_code == 401
        assert httpx.get(f"{url}/api/documents", auth=("reviewer", "s3cret")).status_code == 200
        assert httpx.get(f"{url}/", auth=("reviewer", "s3cret")).status_code == 200
        assert httpx.get(f"{url}/healthz").status_code == 200


def test_an_open_bind_without_auth_is_refused(web_index: Settings) -> None:
    env = {"ASSISTANT_INDEX_DIR": str(web_index.index_dir)}
    refused = run_cli("serve", "--host", "0.0.0.0", "--port", "9", env=env)
    assert refused.returncode == 2
    assert "refusing to listen on 0.0.0.0 without authentication" in refused.stderr
    assert "--no-auth" in refused.stderr and "Traceback" not in refused.stderr


def test_oversized_bodies_and_turns_are_refused(web_server: str) -> None:
    huge = httpx.post(f"{web_server}/api/ask", content=b'{"question": "' + b"x" * 2_000_000 + b'"}',
                      headers={"content-type": "application/json"}, timeout=30)
    assert huge.status_code == 413 and "request body" in huge.json()["detail"]
    long_turn = httpx.post(f"{web_server}/api/ask", json={"question": "q", "history": ["x" * 5000]}, timeout=30)
    assert long_turn.status_code == 422 and "history" in long_turn.json()["detail"]


def test_a_stopped_server_leaves_no_export_directory_behind(web_index: Settings, tmp_path) -> None:
    env = {"ASSISTANT_INDEX_DIR": str(web_index.index_dir), "ASSISTANT_CORPUS_DIR": str(web_index.corpus_dir),
           "TMPDIR": str(tmp_path)}
    with running_server(env):
        assert len(list(tmp_path.glob("pa-exports-*"))) == 1  # the running app's own
    assert not list(tmp_path.glob("pa-exports-*"))  # stopped with SIGTERM, as a service manager does
