"""Where quoted words come from: the provisions that hold them, word for word, whatever text a question names."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.sourcing import ASKS_SOURCE, passages, span, verdict, words

from tests.conftest import ingested


@pytest.mark.parametrize(("question", "found"), [
    ('Where is this from: "Lack of knowledge makes businesses vulnerable"?', ["Lack of knowledge makes businesses vulnerable"]),
    ("Who wrote “online crime doesn’t pay”?", ["online crime doesn’t pay"]),
    ("Who said 'online crime doesn't pay'?", ["online crime doesn't pay"]),  # an apostrophe inside single quotes
    # no quotation marks: a long run of words pasted, when the question asks for its source
    ("Source of this sentence please: Governments need engagement from the private sector to view cybersecurity.",
     ["Governments need engagement from the private sector to view cybersecurity."]),
    ("an open, secure, stable, accessible and peaceful cyberspace — who wrote this?",
     ["an open, secure, stable, accessible and peaceful cyberspace"]),
])
def test_a_question_quoting_or_pasting_words_gives_them_as_a_passage(question: str, found: list[str]) -> None:
    assert [p.text for p in passages(question)] == found


@pytest.mark.parametrize("question", [
    'Where does the phrase "all-hazards approach" appear?',  # a term, not a passage: the usual search finds it
    "What does the G7 say about awareness campaigns amongst SMEs about cyber security risks?",  # no source asked
])
def test_a_term_or_a_question_in_the_texts_words_is_no_passage(question: str) -> None:
    assert passages(question) == []


def test_words_ignore_case_apostrophes_and_accents() -> None:
    assert words("Online crime DOESN’T pay — “sécurité”") == ["online", "crime", "doesnt", "pay", "securite"]


@pytest.mark.parametrize(("question", "asks"), [
    ("Where's that from?", True), ("Who wrote this?", True), ("Which document contains the sentence …?", True),
    ("Is it a quote from the G7 text?", True), ("Did the ICC say so?", True), ("What's the source?", True),
    ("What does the G7 say about SMEs?", False), ("Who should apply it?", False),
])
def test_asking_for_a_source_is_recognised(question: str, asks: bool) -> None:
    assert bool(ASKS_SOURCE.search(question)) is asks


def test_quoted_words_are_found_whole_words_only_whatever_their_spacing() -> None:
    from assistant.sourcing import _holds

    seen = words("These agreements tend to be very out-of-date, within the event of a cyber security breach.")
    assert _holds(seen, tuple(words("tend to be very out of date")))
    assert _holds(seen, tuple(words("a cybersecurity breach")))  # spaced otherwise
    assert not _holds(seen, tuple(words("in the event of a")))  # "in" is not the end of "within"


def test_the_quote_is_the_sentence_holding_the_words_with_the_one_before_it_that_fits() -> None:
    text = ("Mutual Legal Assistance Treaties need significant improvement. These agreements tend to be very "
            "out-of-date and companies are asked to do the legally impossible. " + "More advocacy is needed here. " * 20)
    quote = span(text, passages('Who said "tend to be very out of date"?'), 200)
    assert quote.startswith("Mutual Legal Assistance Treaties") and "out-of-date" in quote
    assert len(quote) <= 200


def test_the_verdict_says_whether_the_named_text_holds_the_words() -> None:
    g7, icc = {"g7": "the G7 text"}, {"icc": "the ICC note"}
    assert verdict("Is 'x' from the G7 text?", g7, g7, 1).startswith("Yes: those words are in the G7 text.")
    assert verdict("Is 'x' from the G7 text?", g7, icc, 1).startswith(
        "No: those words are not in the G7 text; they are in the ICC note.")
    assert verdict("Who wrote 'x'?", {}, icc, 1) == ""
    assert "in 27 provisions of the ICC note; the first 4 are cited" in verdict("Where does 'x' appear?", {}, icc, 27)


TEXTS = {
    "accord.md": "---\ntitle: \"Trusted Channels Accord\"\n---\n\n# Trusted Channels Accord\n\n## Article 1\n\nThe parties shall cooperate through reliable and trusted channels for exchanging "
                 "actionable information.\n\n## Article 2\n\nEach party shall adopt such measures as may be necessary to "
                 "protect critical infrastructure.\n\n## Article 3\n\nEach party shall adopt such measures as may be "
                 "necessary to train its staff.\n",
    "charter.md": "---\ntitle: \"Small Firms Charter\"\n---\n\n# Small Firms Charter\n\nLack of knowledge makes businesses vulnerable to cyber threats and attacks.\n\n"
                  "Governments should raise awareness among small firms.\n",
}


@pytest.fixture
def texts(tmp_path: Path) -> Assistant:
    return ingested(tmp_path, TEXTS)


def test_quoted_words_are_answered_by_the_provision_that_holds_them(texts: Assistant) -> None:
    answer = texts.ask('Where is this from: "lack of knowledge makes businesses vulnerable to cyber threats"?')
    assert [c.provision_id for c in answer.citations] == ["charter/para-1"]
    assert answer.citations[0].quote.startswith("Lack of knowledge")
    typo = texts.ask('"cooperate through reliable and trusted chanels for exchanging actionable information" - where from?')
    assert [c.doc_id for c in typo.citations] == ["accord"] and not typo.abstained  # one misspelt word of ten


def test_words_pinned_on_the_wrong_text_are_placed_where_they_are(texts: Assistant) -> None:
    answer = texts.ask('Is "Lack of knowledge makes businesses vulnerable" from the Trusted Channels Accord?')
    assert answer.text.startswith("No: those words are not in Trusted Channels Accord; they are in Small Firms Charter.")
    assert [c.provision_id for c in answer.citations] == ["charter/para-1"]


def test_words_many_provisions_share_are_counted_and_the_first_cited(texts: Assistant) -> None:
    answer = texts.ask('Where does "Each party shall adopt such measures as may be necessary" appear?')
    assert "These words are in 2 provisions" not in answer.text  # two: all cited, nothing to count
    assert [c.doc_id for c in answer.citations] == ["accord", "accord"]


def test_words_no_text_holds_are_said_to_be_nowhere(texts: Assistant) -> None:
    answer = texts.ask('Did the Charter say "governments must ban all ransom payments by firms"?')
    assert answer.text.startswith("No indexed text contains the words “governments must ban all ransom payments by firms”.")


@pytest.mark.slow
@pytest.mark.parametrize(("question", "expected"), [
    ('I came across the line "online crime doesn\'t pay" — which document is that from?',
     ["icc-board-briefing-cyber/takeaways/item-3"]),
    ('Which text says that MLATs "tend to be very out-of-date"?', ["icc-board-briefing-cyber/opportunities-for-future-action/item-4"]),
    ('"the role of national CSIRTS is important as the main focal piont" - where\'s that from?',
     ["g7-2017-cyber-business/objective-2/para-2"]),
    ('Which article is this: "the access to the whole or any part of a computer system without right"',
     ["budapest-convention-2001/article-2/para-1"]),
])
def test_a_quoted_sentence_is_answered_by_the_provision_holding_it(full: Assistant, question: str, expected: list[str]) -> None:
    answer = full.ask(question)
    assert [c.provision_id for c in answer.citations] == expected, answer.text


@pytest.mark.slow
def test_quoted_words_against_the_real_corpus_are_placed_counted_or_said_to_be_missing(full: Assistant) -> None:
    wrong = full.ask('Is "Take steps to prevent non-State actors, including the private sector, from hacking-back" '
                     "from the Budapest Convention?")
    assert wrong.text.startswith("No: those words are not in the Budapest Convention; they are in Paris Call")
    assert [c.provision_id for c in wrong.citations] == ["paris-call-2018/item-8"]
    many = full.ask('Where does "Each Party shall adopt such legislative and other measures" appear?')
    assert many.text.startswith("These words are in 27 provisions of the Budapest Convention; the first 4 are cited.")
    assert len(many.citations) == 4
    invented = full.ask('Where does the ICC say "every company must appoint a chief information security officer"?')
    assert invented.abstained and invented.text.startswith("No indexed text contains the words")
    misquoted = full.ask('Did the G7 say "SMEs must invest in cybersecurity to protect their trade secrets"?')
    assert misquoted.text.startswith("Not in those words") and not misquoted.abstained
    assert "g7-2017-cyber-business/objective-1/para-2" in [c.provision_id for c in misquoted.citations]


@pytest.mark.slow
def test_an_origin_follow_up_is_asked_of_the_text_the_answer_before_it_cites(full: Assistant) -> None:
    found = 'Where is "There are different levels of cooperation, all equally important" from?'
    adopted = full.ask("When was it adopted?", history=[found])
    assert [c.provision_id for c in adopted.citations] == ["g7-2017-cyber-business/annex-3/para-1"], adopted.text
    dated = full.ask("When was it adopted?", history=["Which text talks about hacking back?"])
    assert [c.provision_id for c in dated.citations] == ["paris-call-2018/para-15"], dated.text
    amendments = full.ask("Who adopts them?", history=["Who can propose amendments to the cybercrime convention?"])
    assert "budapest-convention-2001/article-44/item-3" in [c.provision_id for c in amendments.citations]
