"""Bad input: one clear line per failed file, other files still go in, the index keeps its state."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from assistant import Assistant, Settings
from assistant.config import EmbeddingSettings, IngestSettings
from tests.conftest import make_pdf, run_cli


def _scanned_pdf(path: Path) -> Path:
    from fpdf import FPDF

    image = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(image, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=100)
    pdf.output(str(path))
    return path


def _encrypted_pdf(path: Path, tmp: Path) -> Path:
    from pypdf import PdfWriter

    plain = make_pdf(tmp / "plain-source.pdf", ["Governments should share threat information."])
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt("secret")
    writer.write(str(path))
    plain.unlink()
    return path


BAD = {
    "encrypted.pdf": "encrypted PDF",
    "truncated.pdf": "damaged or truncated PDF",
    "empty.txt": "empty file",
    "junk.txt": "binary content",
    "scanned.pdf": "needs OCR",
    "huge.txt": "over the 0.01 MB limit",
}


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    bad = tmp_path / "bad"
    bad.mkdir()
    _encrypted_pdf(bad / "encrypted.pdf", tmp_path)
    whole = make_pdf(tmp_path / "whole.pdf", ["Companies should adopt cyber risk management practices."] * 3)
    data = whole.read_bytes()
    (bad / "truncated.pdf").write_bytes(data[: len(data) // 2])
    (bad / "empty.txt").write_bytes(b"")
    (bad / "junk.txt").write_bytes(os.urandom(4096) + b"\x00" * 64)
    _scanned_pdf(bad / "scanned.pdf")
    (bad / "huge.txt").write_text("States should cooperate on cybercrime. " * 400)
    (bad / "good.md").write_text("# Good\n\nGovernments should cooperate on incident response across borders.\n")
    return bad


def test_each_bad_file_gets_one_line_and_the_good_file_goes_in(settings: Settings, bad_dir: Path) -> None:
    settings = settings.model_copy(update={"ingest": IngestSettings(max_file_mb=0.01)})
    report = Assistant.open(settings).ingest([bad_dir])
    reasons = {Path(p.path).name: p.reason for p in report.problems}
    assert set(reasons) == set(BAD)
    for name, expected in BAD.items():
        assert expected in reasons[name], reasons[name]
        assert "\n" not in reasons[name]
    assert report.added == ["good"]


def test_a_file_that_turns_bad_leaves_its_indexed_version_in_place(assistant: Assistant, corpus_dir: Path) -> None:
    assistant.ingest()
    before = {d.doc_id: d.fingerprint for d in assistant.documents()}
    hits_before = [h.provision_id for h in assistant.search("CSIRT cooperation", k=3)]
    (corpus_dir / "g7-2017-actions-cybersecurity-for-businesses.txt").write_bytes(b"\x00\x01\x02" * 500)
    report = assistant.ingest()
    assert [Path(p.path).name for p in report.problems] == ["g7-2017-actions-cybersecurity-for-businesses.txt"]
    assert report.removed == []
    assert {d.doc_id: d.fingerprint for d in assistant.documents()} == before
    assert [h.provision_id for h in assistant.search("CSIRT cooperation", k=3)] == hits_before


def test_cli_reports_failures_in_one_line_each_and_exits_non_zero(tmp_path: Path, bad_dir: Path) -> None:
    env = {
        "ASSISTANT_INDEX_DIR": str(tmp_path / "index"), "ASSISTANT_CORPUS_DIR": str(bad_dir),
        "ASSISTANT_EMBEDDING__MODEL": "hash", "ASSISTANT_INGEST__MAX_FILE_MB": "0.01",
    }
    result = run_cli("ingest", env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed) == len(BAD)
    assert any("scanned.pdf" in line and "needs OCR" in line for line in failed)
    assert "added: good" in result.stdout


def test_missing_path_is_reported(assistant: Assistant, tmp_path: Path) -> None:
    report = assistant.ingest([tmp_path / "nope.pdf"])
    assert report.problems[0].reason == "no such file or directory"
    assert not report.ok


def test_invalid_catalogue_blocks_only_its_directory(assistant: Assistant, corpus_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.md").write_text("# Note\n\nStates should protect critical infrastructure from attacks.\n")
    (corpus_dir / "catalog.toml").write_text("[[document]\nfile = ")
    report = assistant.ingest([corpus_dir, other])
    assert len(report.problems) == 2 and all("catalog" in p.reason for p in report.problems)
    assert report.added == ["note"]


def test_unchanged_embedding_model_mismatch_is_a_clear_error(settings: Settings, corpus_dir: Path) -> None:
    from assistant.errors import IndexMismatch

    Assistant.open(settings).ingest()
    other = settings.model_copy(update={"embedding": EmbeddingSettings(model="all-MiniLM-L6-v2")})
    with pytest.raises(IndexMismatch, match="ingest --rebuild"):
        Assistant.open(other).ingest()
