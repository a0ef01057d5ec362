"""Where the texts name one another: the others that refer to a text, or whether one text does."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.crossref import Asked, _short_name, asked
from tests.conftest import ingested

NAMES = {"the Budapest Convention": "budapest", "the Paris Call": "paris", "NIS 2": "nis2", "the UN resolution": "un"}


def _named(phrase: str) -> list[str]:
    return [NAMES[phrase]] if phrase in NAMES else []


@pytest.mark.parametrize(("question", "expected"), [
    ("Which texts mention the Budapest Convention?", Asked("budapest")),
    ("Which other documents refer to NIS 2?", Asked("nis2")),
    ("Does any other text refer to the Budapest Convention?", Asked("budapest")),
    ("Where is NIS 2 mentioned?", Asked("nis2")),
    ("Is the Budapest Convention referred to in the Paris Call?", Asked("budapest", "paris")),
    ("Does the UN resolution mention the Budapest Convention?", Asked("budapest", "un")),
    ("Which texts mention the UN Charter?", None),  # no text of the corpus: the texts are read for it
    ("Does the Paris Call mention cyber hygiene?", None),  # a topic
    ("Does the Paris Call mention the Paris Call?", None),
    ("What does the Paris Call say about the Budapest Convention?", None),  # what it says, not whether it names it
    ("Does the Paris Call support the Budapest Convention?", Asked("budapest", "paris", stance=True)),
    ("Does the UN resolution endorse the Paris Call?", Asked("paris", "un", stance=True)),
    ("Does the Paris Call support the Budapest Convention on data retention?", None),  # a topic: what each says
])
def test_a_question_asking_where_a_text_is_named_is_told_from_one_about_a_topic(question: str, expected: Asked | None) -> None:
    assert asked(question, _named) == expected


ALPHA = ("---\ntitle: \"Alpha Accord on Network Safety\"\nissuer: \"Alpha Council\"\ndate: \"2019-05-01\"\n---\n\n"
         "# Alpha Accord on Network Safety\n\nWe support the Beta Charter for Secure Systems as a model for others.\n\n"
         "Each firm may keep a beta charter of its own systems.\n")  # lower case: no reference to the Charter
BETA = ("---\ntitle: \"Beta Charter for Secure Systems\"\nissuer: \"Beta Forum\"\ndate: \"2015-03-01\"\n---\n\n"
        "# Beta Charter for Secure Systems\n\nSystems must be patched within fourteen days.\n")


@pytest.fixture
def pair(tmp_path: Path) -> Assistant:
    return ingested(tmp_path, {"alpha.md": ALPHA, "beta.md": BETA})


def test_the_other_texts_naming_a_text_are_cited_where_they_name_it_and_none_is_a_no(pair: Assistant) -> None:
    which = pair.ask("Which texts mention the Beta Charter?")
    assert which.text.startswith("1 of the 1 other texts in the corpus names Beta Charter for Secure Systems:")
    assert [c.provision_id for c in which.citations] == ["alpha/para-1"] and "Beta Charter" in which.citations[0].quote
    yes = pair.ask("Is the Beta Charter referred to in the Alpha Accord?")
    assert yes.text.startswith("Yes: Alpha Accord on Network Safety names Beta Charter for Secure Systems:")
    no = pair.ask("Does the Beta Charter mention the Alpha Accord?")
    assert no.abstained and no.text == "No: Beta Charter for Secure Systems does not name Alpha Accord on Network Safety."
    assert pair.ask("Which texts refer to the Alpha Accord?").text == "No other text in the corpus names Alpha Accord on Network Safety."



def test_whether_one_text_supports_another_is_told_where_it_names_it_and_never_with_a_yes_or_no(pair: Assistant) -> None:
    supports = pair.ask("Does the Alpha Accord support the Beta Charter?")
    assert supports.text.startswith("Alpha Accord on Network Safety names Beta Charter for Secure Systems:")
    assert [c.provision_id for c in supports.citations] == ["alpha/para-1"]
    silent = pair.ask("Does the Beta Charter endorse the Alpha Accord?")
    assert silent.abstained and silent.text == ("Beta Charter for Secure Systems does not name Alpha Accord on Network "
                                                "Safety, so it takes no stance on it in so many words.")


@pytest.mark.slow
def test_the_real_corpus_finds_the_paris_calls_reference_to_the_budapest_convention(full: Assistant) -> None:
    which = full.ask("Which texts mention the Budapest Convention?")
    assert [c.provision_id for c in which.citations] == ["paris-call-2018/para-8"]
    supports = full.ask("Does the Paris Call support the Budapest Convention?")  # where it names it, no "Yes:"
    assert supports.text.startswith("Paris Call for Trust and Security in Cyberspace names the Budapest Convention:")
    silent = full.ask("Does the ICC support the Budapest Convention?")
    assert silent.abstained and "takes no stance on it" in silent.text
    assert "Budapest Convention on Cybercrime is a key tool" in which.citations[0].quote
    assert full.ask("Does the UN resolution mention the Budapest Convention?").text == (
        "No: A/RES/80/16 does not name the Budapest Convention.")
    assert not full.ask("Which texts mention the UN Charter?").abstained  # the Paris Call's paragraph 3, as before
    # "the UN" names resolution 80/16 too, which no text cites; the texts are read for the body, in its long form too
    icc = full.ask("Does the ICC mention the UN?")
    assert icc.text.startswith("Yes: ICC Board Briefing mentions the UN:") and "UN General Assembly" in icc.citations[0].quote
    which = full.ask("Which texts mention the UN?")
    assert which.text.startswith("3 of the 8 texts in the corpus mention the UN:")  # not the resolution's "United Nations" header line
    assert "paris-call-2018/para-3" in {c.provision_id for c in which.citations}  # "United Nations Charter"
    paris = full.ask("Does the Paris Call mention the United Nations?")  # the body, in so many words: not "No"
    assert paris.text.startswith("Yes: Paris Call for Trust and Security in Cyberspace mentions the United Nations:"), paris.text


def test_a_short_name_is_read_as_words_with_an_acronyms_long_forms_and_a_texts_full_name_is_not() -> None:
    un = _short_name("the UN", lambda words: {"united nations"} if words == "UN" else set())
    assert un is not None and un.search("the UN has adopted") and un.search("the United Nations Charter")
    assert not un.search("an unusual case") and not un.search("UN-related")  # a word, not part of one
    assert _short_name("the Budapest Convention", lambda words: set(), own=True) is None  # the text's own name
    body = _short_name("the United Nations", lambda words: set())  # a body's name of two words, no title's
    assert body is not None and body.search("the United Nations Charter") and not body.search("United Nationsfoo")
