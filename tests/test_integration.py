"""Integration with the real parts: the bundled MiniLM model, a real Chroma store, the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from tests.conftest import run_cli

pytestmark = pytest.mark.slow


def test_real_model_and_chroma_store_find_the_cited_commitment(real_settings: Settings, real_embedder) -> None:
    assistant = Assistant.open(real_settings, embedder=real_embedder)
    report = assistant.ingest()
    assert report.ok and report.provisions == 35
    manifest = assistant.store().manifest()
    assert (manifest.embed_model, manifest.dimension) == ("all-MiniLM-L6-v2", 384)
    top = [h.provision_id for h in assistant.search("What did the G7 commit to on CSIRT cooperation?", k=3)]
    assert "g7-2017-cyber-business/objective-2/item-1" in top
    reopened = Assistant.open(real_settings, embedder=real_embedder)
    assert [h.provision_id for h in reopened.search("mutual legal assistance treaties", k=2)][0].startswith(
        "icc-board-briefing-cyber/"
    )


def test_cli_ingests_searches_and_lists_with_the_bundled_model(tmp_path: Path, corpus_dir: Path) -> None:
    env = {"ASSISTANT_INDEX_DIR": str(tmp_path / "index"), "ASSISTANT_CORPUS_DIR": str(corpus_dir)}
    first = run_cli("ingest", "--json", env=env)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["provisions"] == 35
    second = run_cli("ingest", "--json", env=env)
    assert json.loads(second.stdout)["unchanged"] == ["g7-2017-cyber-business", "icc-board-briefing-cyber"]
    found = run_cli("search", "awareness campaigns for small businesses", "--json", "--k", "3", env=env)
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert hits[0]["provision_id"] == "g7-2017-cyber-business/objective-2/item-4"
    listing = run_cli("docs", env=env)
    assert "g7-2017-cyber-business" in listing.stdout and "22" in listing.stdout


def test_an_unusable_embedding_device_is_one_clear_error_and_ingests_nothing(tmp_path: Path, corpus_dir: Path) -> None:
    env = {"ASSISTANT_CORPUS_DIR": str(corpus_dir), "ASSISTANT_INDEX_DIR": str(tmp_path / "index")}
    for device, reason in (("cuda:99", "'cuda:99'"), ("tpu", "unknown embedding device")):
        result = run_cli("ingest", "--device", device, env=env)
        assert result.returncode == 3, result.stderr
        assert reason in result.stderr and "Traceback" not in result.stderr
    assert run_cli("search", "awareness", env=env).returncode != 0  # nothing was ingested
    assert run_cli("ingest", "--device", "cpu", env=env).returncode == 0
