"""Section titles: a question that is a section's title and nothing more reads that section from its start."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.sparse import Record
from assistant.titles import TitleIndex, title_terms
from tests.conftest import ingested


@pytest.mark.parametrize(("heading", "terms"), [
    ("Article 12 – Corporate liability", {"corpor", "liabil"}),
    ("C.i Bring your own device (BYOD)", {"bring", "own", "devic", "byod"}),
    ("PRINCIPLES RELATING TO EXTRADITION", {"principl", "relat", "extradit"}),
    # a coded heading that states its outcome after a colon is titled by the words before the code
    ("GOVERN (GV): The organization's cybersecurity risk management strategy is established and monitored", {"govern"}),
    ("Asset Management (ID.AM): Assets that enable the organization to achieve business purposes are managed",
     {"asset", "manag"}),
    ("C.ii Home working: what is in scope for devices used at home by staff of the organisation", set()),
])
def test_a_section_title_is_its_words_without_place_or_code(heading: str, terms: set[str]) -> None:
    assert title_terms(heading) == terms


def test_a_question_that_is_a_section_title_reads_that_section_from_the_start(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    liability = ["Each Party shall ensure that legal persons can be held liable for offences committed for their benefit.",
                 "A legal person can also be held liable where a lack of supervision made the offence possible.",
                 "The corporate liability of a legal person may be criminal, civil or administrative."]
    body = "\n\n".join(f"{n}. {text}" for n, text in enumerate(liability, 1))
    (corpus / "treaty.md").write_text(
        "# Model Treaty\n\n## Article 11 – Sanctions\n\nEach Party shall punish offences, including corporate ones.\n\n"
        f"## Article 12 – Corporate liability\n\n{body}\n\n## Article 13 – Jurisdiction\n\nEach Party shall establish "
        "jurisdiction over corporate liability offences committed in its territory.\n", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", embedding={"model": "hash"})
    assistant = Assistant.open(settings)
    assert assistant.ingest().ok
    # paragraph 3 and Article 13 repeat the title's words; the article's first paragraph states the rule
    answer = assistant.ask("corporate liability")
    assert answer.citations[0].label == "Article 12, paragraph 1"
    assert assistant.search("corporate liability", k=1)[0].label == "Article 12, paragraph 1"
    # "Which article deals with …?": the title asked for, its article named and headed, read from its start
    which = assistant.ask("Which article deals with corporate liability?")
    assert which.text.startswith("Article 12 of Model Treaty is headed “Corporate liability”."), which.text
    assert which.citations[0].label == "Article 12, paragraph 1"


def test_a_section_read_from_its_start_brings_the_list_its_first_provision_introduces(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "treaty.md").write_text(
        "# Model Treaty\n\n## Article 4 – Corporate liability\n\n1. Each Party shall ensure that legal persons can be "
        "held liable for offences committed by a person who has a leading position, based on:\n\n"
        "a) a power of representation of the legal person;\n\nb) an authority to take decisions for the legal person.\n\n"
        "2. Such corporate liability may be criminal, civil or administrative.\n", encoding="utf-8")
    assistant = Assistant.open(Settings(corpus_dir=corpus, index_dir=tmp_path / "index", embedding={"model": "hash"}))
    assert assistant.ingest().ok
    labels = [c.label for c in assistant.ask("corporate liability").citations]
    assert labels[:3] == ["Article 4, paragraph 1", "Article 4, paragraph 1(a)", "Article 4, paragraph 1(b)"]


def test_a_top_level_section_beside_the_title_is_a_titled_section_and_the_title_is_not() -> None:
    def record(n: int, heading: str, start: int) -> Record:
        return Record(f"b/{n}", f"Point {n}.", {"doc_id": "b", "heading_path": [heading], "char_start": start})

    records = [record(1, "Takeaways", 50), record(0, "Briefing on takeaways", 0), record(2, "Takeaways", 60)]
    titles = TitleIndex(records)
    # "What are the takeaways?" reads the Takeaways section, in order; the title above it is no section
    assert titles.titled(frozenset({"takeaway"}), frozenset(), lambda i: True) == [[0, 2]]
    assert titles.titled(frozenset({"brief", "takeaway"}), frozenset(), lambda i: True) == []


def test_a_title_written_in_its_headings_capitals_names_that_section(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "frame.md").write_text(
        "# Frame\n\n## IDENTIFY (ID): Risks are understood\n\nThe organization's current risks are understood.\n\n"
        "## PROTECT (PR): Safeguards are used\n\nSafeguards to manage the organization's risks are used.\n", encoding="utf-8")
    (corpus / "treaty.md").write_text(  # the verb, which the question does not mean
        "# Treaty\n\n## Article 30\n\nThe requested Party shall identify the service provider and identify the path.\n",
        encoding="utf-8")
    assistant = Assistant.open(Settings(corpus_dir=corpus, index_dir=tmp_path / "index", embedding={"model": "hash"}))
    assert assistant.ingest().ok
    assert [c.text for c in assistant.ask("What is meant by IDENTIFY?").citations] == ["The organization's current risks are understood."]
    contrast = assistant.ask("What is the difference between IDENTIFY and PROTECT?")  # each on its own, not the other's words
    assert [c.provision_id for c in contrast.citations] == ["frame/id/para-1", "frame/pr/para-1"], contrast.text
    headed = [h for h in assistant.search("identify risks", k=5) if h.doc_id == "frame"]
    assert TitleIndex.written_as_headed("What does IDENTIFY cover?", headed)
    assert not TitleIndex.written_as_headed("How do we identify risks?", headed)  # the verb, in its own case


def test_every_article_its_text_heads_alike_is_named_when_asked_which_article(tmp_path: Path) -> None:
    assistant = ingested(tmp_path, {"treaty.md": (
        "# Model Treaty\n\n## Article 16 – Expedited preservation of stored data\n\n"
        "1. Each Party shall enable its authorities to order the expeditious preservation of stored data.\n\n"
        "## Article 20 – Sanctions\n\nEach Party shall punish offences.\n\n"
        "## Article 29 – Expedited preservation of stored data\n\n"
        "1. A Party may request another Party to order the expeditious preservation of stored data.\n")})
    answer = assistant.ask("Which article deals with expedited preservation of stored data?")
    assert answer.text.startswith(
        "Article 16 and Article 29 of Model Treaty are headed “Expedited preservation of stored data”."), answer.text
    assert {c.label.split(",")[0] for c in answer.citations} == {"Article 16", "Article 29"}
