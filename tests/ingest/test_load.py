"""Loaders: PDFs keep page numbers, HTML keeps structure, text in any encoding, front matter read."""

from __future__ import annotations

from pathlib import Path

from assistant import Settings
from assistant.ingest.load import html_to_text, load_file
from assistant.ingest.pipeline import parse_file
from tests.conftest import make_pdf


def test_pdf_provisions_carry_their_page_numbers(tmp_path: Path) -> None:
    pdf = make_pdf(
        tmp_path / "actions.pdf",
        [
            "OBJECTIVE 1 - AWARENESS\n\nTo this end we intend to:\n1. encourage companies to adopt risk management;\n"
            "2. promote cooperation between governments and companies;",
            "3. support consumers to protect their online identity.\n\nOBJECTIVE 2 - COOPERATION\n\n"
            "1. Foster cooperation amongst national CSIRTs;",
        ],
        header="G7 Annex Running Header",
        footer_numbers=True,
    )
    _, _, parts = parse_file(pdf, Settings())
    pages = {p.provision_id.split("/", 1)[1]: p.page for p in parts}
    assert pages["objective-1/item-2"] == 1
    assert pages["objective-1/item-3"] == 2
    assert pages["objective-2/item-1"] == 2
    assert not any("Running Header" in p.text for p in parts)


def test_html_headings_lists_and_no_scripts() -> None:
    title, text = html_to_text(
        "<html><head><title>Norms</title><script>alert(1)</script></head><body><h2>Article 1</h2>"
        "<p>Each State should:</p><ol><li>protect <b>critical</b> infrastructure;</li><li>share data.</li></ol></body></html>"
    )
    assert title == "Norms"
    assert "alert" not in text
    assert "## Article 1" in text
    assert "1. protect critical infrastructure;" in text and "2. share data." in text


def test_a_malformed_declaration_is_read_as_text_not_a_crash() -> None:
    # html.parser raises AssertionError on "<![0"; the page is still read, its scripts still dropped
    title, text = html_to_text("<title>Page</title><p>Each State should act.</p><![0 <script>alert(1)</script>")
    assert title == "Page" and "Each State should act." in text and "alert" not in text


def test_non_utf8_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Les États s’engagent à coopérer. Café, naïve, déjà.".encode("cp1252"))
    loaded = load_file(path, Settings().ingest)
    assert "États" in loaded.pages[0].text and "coopérer" in loaded.pages[0].text


def test_utf16_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_text("Governments should share information about vulnerabilities.", encoding="utf-16")
    assert "share information" in load_file(path, Settings().ingest).pages[0].text


def test_front_matter_is_metadata_not_text(related: Path) -> None:
    meta, loaded, parts = parse_file(related / "paris-call-2018.md", Settings())
    assert meta.title == "Paris Call for Trust and Security in Cyberspace"
    assert meta.date == "2018-11-12" and meta.year == 2018
    assert not any("license:" in p.text for p in parts)
    assert loaded.front_matter["issuer"].startswith("Government of France")
