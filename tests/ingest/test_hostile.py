"""Hostile files: property-based tests of the cleaners, parser and loaders; pathological PDFs are bounded."""

from __future__ import annotations

import socket
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from assistant import Assistant, Settings
from assistant.config import EmbeddingSettings, IngestSettings
from assistant.errors import FileRejected
from assistant.ingest.chunk import split
from assistant.ingest.clean import clean, normalize_line
from assistant.ingest.load import LoadedFile, Page, decode_text, html_to_text, load_file, split_front_matter
from assistant.ingest.structure import parse

LINES = st.lists(
    st.one_of(
        st.text(max_size=120),
        st.sampled_from(["", " ", "1. item one;", "a) lettered", "(iv) roman", "- bullet", "o sub", "# Head",
                         "OBJECTIVE 2 - CAPS", "Article 7", "Takeaways", "To this end we intend to:", "end-", "tion.",
                         "\f", "---", "title: x", "**bold** [l](u) ![i](http://x)", "<script>x</script>"]),
    ),
    max_size=40,
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text())
def test_normalized_lines_have_no_control_characters_or_double_spaces(text: str) -> None:
    line = normalize_line(text, markdown=True)
    assert line == line.strip() and "  " not in line
    assert not any(ord(c) < 32 for c in line)


@FAST
@given(LINES, st.sampled_from(["text", "markdown", "pdf", "html"]))
def test_clean_and_parse_keep_offsets_exact_for_any_text(lines: list[str], fmt: str) -> None:
    pages = [Page("\n".join(lines[:20]), 1), Page("\n".join(lines[20:]), 2)] if fmt == "pdf" else [Page("\n".join(lines))]
    doc = clean(LoadedFile(Path("x"), fmt, pages, "0"))  # type: ignore[arg-type]
    for para in doc.paras:
        assert para.text and doc.text[para.start:para.end] == para.text
    provisions = parse(doc, "doc", "Issuer", markdown=fmt in ("markdown", "html"))
    assert len({p.provision_id for p in provisions}) == len(provisions)
    for provision in provisions:
        assert doc.text[provision.char_start:provision.char_end] == provision.text
        for part in split(provision, doc, 300, 200):
            assert part.text in provision.text and part.provision_id == provision.provision_id


@FAST
@given(st.binary(max_size=4000))
def test_any_bytes_decode_or_are_refused_clearly(data: bytes) -> None:
    try:
        text = decode_text(Path("junk.txt"), data)
    except FileRejected as exc:
        assert exc.path == "junk.txt" and "\n" not in exc.reason
    else:
        assert isinstance(text, str) and text.strip()


@FAST
@given(st.text(max_size=3000))
def test_front_matter_and_html_never_raise(text: str) -> None:
    meta, body = split_front_matter(text)
    assert isinstance(meta, dict) and isinstance(body, str)
    title, plain = html_to_text(text)
    assert isinstance(title, str) and "<script" not in plain.lower() or "<script" in text.lower()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".md", ".html", ".pdf"]))
def test_loaders_return_text_or_refuse_any_file(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    quick = IngestSettings(pdf_isolation=False)
    try:
        loaded = load_file(path, quick)
    except FileRejected as exc:
        assert str(path) in str(exc)
    else:
        assert loaded.pages


# pathological PDFs ------------------------------------------------------------------------


def _pdf(objects: list[bytes]) -> bytes:
    """Assemble a PDF with a correct cross-reference table from numbered object bodies."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _page_pdf(content: bytes, filters: bytes = b"") -> bytes:
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d %s >>\nstream\n" % (len(content), filters) + content + b"\nendstream",
    ])


LIMITS = IngestSettings(pdf_timeout_s=20, pdf_memory_mb=400)


def test_a_decompression_bomb_is_refused_within_bounds(tmp_path: Path) -> None:
    bomb = zlib.compressobj(9)
    chunk = b"\x00" * (1 << 24)
    compressed = b"".join(bomb.compress(chunk) for _ in range(96)) + bomb.flush()  # 1.5 GiB of zeros inflated
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_page_pdf(compressed, b"/Filter /FlateDecode"))
    started = time.time()
    with pytest.raises(FileRejected, match=r"more than 400 MB|took more than|damaged"):
        load_file(path, LIMITS)
    assert time.time() - started < 30


def test_deeply_nested_objects_are_refused_within_bounds(tmp_path: Path) -> None:
    nested = b"[" * 200_000 + b"]" * 200_000
    path = tmp_path / "nested.pdf"
    path.write_bytes(_pdf([b"<< /Type /Catalog /Pages 2 0 R /Deep " + nested + b" >>",
                           b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    started = time.time()
    with pytest.raises(FileRejected, match=r"damaged|took more than|more than 400 MB|no text layer"):
        load_file(path, LIMITS)
    assert time.time() - started < 30


def test_thousands_of_pages_are_refused_by_the_page_limit(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(2100):
        writer.add_blank_page(width=200, height=200)
    path = tmp_path / "long.pdf"
    writer.write(str(path))
    with pytest.raises(FileRejected, match="2100 pages, over the 2000 page limit"):
        load_file(path, IngestSettings())


def test_nothing_in_a_document_is_executed_or_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "page.html").write_text(
        "<html><head><script>fetch('http://203.0.113.9/x')</script></head><body><h1>Norms</h1>"
        "<p>States should protect infrastructure.<img src='http://203.0.113.9/p.png'></p>"
        "<iframe src='http://203.0.113.9/f'></iframe></body></html>")
    content = b"BT /F1 12 Tf 72 700 Td (Parties shall cooperate on incident response.) Tj ET"
    pdf = _page_pdf(content).replace(b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> "
                                     b"/URI << /Base (http://203.0.113.9/) >>")
    (corpus / "action.pdf").write_bytes(pdf)
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network use is not allowed during ingest")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", embedding=EmbeddingSettings(model="hash"),
                        ingest=IngestSettings(pdf_isolation=False))
    report = Assistant.open(settings).ingest()
    assert report.ok, report.problems
    assert attempts == []
    texts = " ".join(h.text for h in Assistant.open(settings).search("states parties", k=10))
    assert "fetch(" not in texts and "Parties shall cooperate" in texts
