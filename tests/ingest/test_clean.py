"""Cleaning: extraction artefacts go, paragraphs come back whole, offsets stay exact."""

from __future__ import annotations

from pathlib import Path

from assistant.ingest.clean import clean, normalize_line, strip_markdown_inline
from assistant.ingest.load import LoadedFile, Page


def loaded(text: str, fmt: str = "text") -> LoadedFile:
    return LoadedFile(Path("x.txt"), fmt, [Page(text)], "0")  # type: ignore[arg-type]


def test_wrapped_lines_are_unwrapped_and_stray_spaces_collapsed() -> None:
    doc = clean(loaded("1.   Each Party   shall adopt \nsuch measures.  \n"))
    assert doc.text == "1. Each Party shall adopt such measures."


def test_words_hyphenated_across_lines_are_rejoined() -> None:
    doc = clean(loaded("Improve cyber secu-\nrity for all.\n\nSecurity matters."))
    assert doc.paras[0].text == "Improve cyber security for all."


def test_real_compound_hyphen_is_kept_when_the_document_uses_it() -> None:
    doc = clean(loaded("risk-management is key.\n\nWe need risk-\nmanagement practices."))
    assert doc.paras[1].text == "We need risk-management practices."


def test_paragraph_cut_by_a_page_break_is_rejoined() -> None:
    doc = clean(loaded("5. Efforts should not be\n\n\n a priority – it takes too long.\n"))
    assert doc.paras[0].text == "5. Efforts should not be a priority – it takes too long."


def test_list_items_on_consecutive_lines_stay_separate() -> None:
    doc = clean(loaded("To this end we intend to:\n\n1. Foster cooperation;\n2. Consider common ways;"))
    assert [p.text for p in doc.paras] == ["To this end we intend to:", "1. Foster cooperation;", "2. Consider common ways;"]


def test_capitalised_heading_lines_join_but_do_not_swallow_text() -> None:
    doc = clean(loaded("30 LEADERS – 5 TAKEAWAYS\nCYBERSECURITY AND ECONOMY\nOn 8 February ICC met."))
    assert [p.text for p in doc.paras] == ["30 LEADERS – 5 TAKEAWAYS CYBERSECURITY AND ECONOMY", "On 8 February ICC met."]


def test_offsets_and_control_characters() -> None:
    doc = clean(loaded("First\u00a0para\u200b here.\x07\n\nSecond para."))
    for para in doc.paras:
        assert doc.text[para.start:para.end] == para.text
    assert doc.paras[0].text == "First para here."


def test_running_headers_and_page_numbers_are_removed_from_pdf_pages() -> None:
    bodies = ["States share threat data.", "Companies adopt risk management.", "Consumers protect identities."]
    pages = [Page(f"Cyber Report 2024\n{body}\n{n}", n) for n, body in enumerate(bodies, 1)]
    doc = clean(LoadedFile(Path("r.pdf"), "pdf", pages, "0"))
    assert "Cyber Report" not in doc.text
    assert [p.page for p in doc.paras] == [1, 2, 3]
    assert doc.paras[0].text == "States share threat data."


def test_markdown_emphasis_and_links_are_reduced_to_their_words() -> None:
    assert strip_markdown_inline("**Please note:** see [the guide](http://x) and *this*") == (
        "Please note: see the guide and this"
    )
    assert normalize_line("  ![logo](http://evil.example/x.png) text  ", markdown=True) == "logo text"


def test_a_markdown_line_of_bold_words_becomes_a_heading_and_bold_in_a_sentence_stays_text() -> None:
    assert normalize_line("**Application allow listing** (option for all devices)", True) == \
        "###### Application allow listing (option for all devices)"
    assert normalize_line("**BYOD** In scope", True) == "BYOD In scope"
    assert normalize_line("**Information:** Most laptops come with a firewall.", True) == \
        "Information: Most laptops come with a firewall."
