"""What a text is: its full title, its kind and where it comes from, answered from the catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.conversation import Resolved
from assistant.particulars import Particular, asks, meant
from tests.conftest import ingested


@pytest.mark.parametrize(("question", "expected"), [
    ("What is the full title of resolution 80/16?", Particular("title", "resolution 80/16")),
    ("What's the official name of the Budapest Convention?", Particular("title", "the Budapest Convention")),
    ("What is the G7 text called?", Particular("title", "the G7 text")),
    ("What kind of document is the Budapest Convention?", Particular("kind", "the Budapest Convention")),
    ("What type of text is the ICC briefing?", Particular("kind", "the ICC briefing")),
    ("Give me the link to the Paris Call.", Particular("source", "the Paris Call")),
    ("The link to the Paris Call.", Particular("source", "the Paris Call")),  # "Give me" taken off before
    ("What is the URL of the UN resolution?", Particular("source", "the UN resolution")),
    ("Where can I find the original Cyber Essentials document online?", Particular("source", "the original Cyber Essentials document")),
    ("Where can I read it?", Particular("source", "it")),
    ("Where does the G7 text come from?", Particular("origin", "the G7 text")),
    ("What does the Paris Call say about elections?", None),
    ("Where does the G7 say SMEs need support?", None),
])
def test_a_question_about_what_a_text_is_is_told_from_one_about_what_it_says(question: str, expected: Particular | None) -> None:
    assert asks(question) == expected


NAMES = {"Cyber Essentials": "ce", "the Paris Call": "paris", "Paris Call": "paris", "the UN resolution": "un"}


def _mentions(text: str) -> list[tuple[int, int, str]]:
    return [(text.index(name), text.index(name) + len(name), doc) for name, doc in NAMES.items() if name in text][:1]


@pytest.mark.parametrize(("name", "sources", "expected"), [
    ("the original Cyber Essentials document", [], "ce"),
    ("the full text of the Paris Call", [], "paris"),
    ("it", ["paris"], "paris"),  # the text the conversation is about
    ("it", [], None),
    ("guidance on passwords in Cyber Essentials", [], None),  # a topic in a text, not the text
    ("the threat according to the UN resolution", [], None),
    ("the GDPR", [], None),  # no text of the corpus
])
def test_only_a_name_of_one_held_text_and_nothing_more_means_that_text(name: str, sources: list[str], expected: str | None) -> None:
    resolved = Resolved(question="q", query="q", sources=sources)
    assert meant(name, resolved, _mentions) == expected


ALPHA = ("---\ntitle: \"Alpha Accord on Network Safety (Alpha Accord), No. 7\"\nissuer: \"Alpha Council (AC)\"\n"
         "date: \"2019-05-01\"\nsource: \"example.org archive; original: https://example.org/alpha.pdf\"\n---\n\n"
         "# Alpha Accord on Network Safety\n\nEach member shall patch the systems it runs within fourteen days of a fix being "
         "published by the vendor.\n")
BETA = ("---\ntitle: \"Beta Charter for Secure Systems\"\nissuer: \"Beta Forum\"\ndate: \"2015-03-01\"\n"
        "kind: \"charter\"\n---\n\n# Beta Charter for Secure Systems\n\nEvery operator must keep backups of the systems "
        "it runs and test restoring them every week.\n")


@pytest.fixture
def pair(tmp_path: Path) -> Assistant:
    return ingested(tmp_path, {"alpha.md": ALPHA, "beta.md": BETA})


def test_title_kind_and_source_come_from_the_catalogue_and_cite_the_text(pair: Assistant) -> None:
    title = pair.ask("What is the full title of the Alpha Accord?")
    assert title.text == ("The full title of the Alpha Accord is “Alpha Accord on Network Safety (Alpha Accord), No. 7” "
                          "(Alpha Council, 1 May 2019) [1].")
    assert [c.doc_id for c in title.citations] == ["alpha"] and not title.abstained
    kind = pair.ask("What kind of document is the Beta Charter?")
    assert kind.text == "The catalogue describes Beta Charter for Secure Systems (Beta Forum, 1 March 2015) as a charter [1]."
    link = pair.ask("Give me the link to the Alpha Accord.")
    assert link.text.startswith("The original of the Alpha Accord is at https://example.org/alpha.pdf; the text held in "
                                "the corpus comes from example.org archive; the corpus holds it as the file alpha.md")
    read = pair.ask("Where can I read it?", history=["What does the Alpha Accord say about patching?"])
    assert read.text.startswith("The original of the Alpha Accord is at https://example.org/alpha.pdf")


def test_a_text_whose_catalogue_gives_no_address_says_so_and_names_its_file(pair: Assistant) -> None:
    answer = pair.ask("Where can I download the Beta Charter?")
    assert answer.abstained and not answer.citations
    assert answer.text.startswith("The catalogue records no source address for Beta Charter for Secure Systems "
                                  "(Beta Forum, 1 March 2015); the corpus holds it as the file beta.md.")
    assert "Add a source_url" in answer.text


@pytest.mark.slow
def test_the_real_catalogue_gives_the_un_resolutions_original_and_the_g7_texts_kind(full: Assistant) -> None:
    url = full.ask("What is the URL of the UN resolution?")
    assert url.text.startswith("The original of A/RES/80/16 is at https://digitallibrary.un.org/record/4095875/files/"
                               "A_RES_80_16-EN.pdf; the text held in the corpus comes from github.com/wannli/railcar")
    assert url.text.count("https://") == 1  # the original is given once, not again inside the source line
    kind = full.ask("What kind of document is the G7 text?")
    assert "as a ministerial declaration (Annex 3) [1]." in kind.text
    assert [c.doc_id for c in kind.citations] == ["g7-2017-cyber-business"]
    assert full.ask("What is the title of Article 5 of the Budapest Convention?").text.startswith(
        "Article 5 of the Budapest Convention is headed “System interference”.")
    topic = full.ask("Where can I find guidance on passwords in Cyber Essentials?")  # a topic in the text: read for it
    assert topic.citations and all("/d-4/password-based-authentication/" in c.provision_id for c in topic.citations)
