"""A text's standing: whether it binds, and who may join it, told from its own final clauses or said to be unstated."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.standing import Standing, asks
from assistant.types import Filters
from tests.conftest import ingested


@pytest.mark.parametrize(("question", "expected"), [
    ("Is the Paris Call legally binding?", Standing("force", "the Paris Call")),
    ("Is resolution 80/16 binding on states?", Standing("force", "resolution 80/16", practice=True)),
    ("Is compliance with the NIST CSF mandatory?", Standing("force", "the NIST CSF", practice=True)),
    ("Is the G7 declaration a treaty?", Standing("force", "the G7 declaration")),
    ("Does the Paris Call create legal obligations?", Standing("force", "the Paris Call")),
    ("What is the legal status of the Budapest Convention?", Standing("force", "the Budapest Convention")),
    ("Does the Budapest Convention bind states?", Standing("force", "the Budapest Convention")),
    ("Which texts are legally binding?", Standing("force", "")),
    ("Which of the texts are treaties?", Standing("force", "")),
    ("Are any of the documents binding?", Standing("force", "")),
    ("Which of them is binding?", Standing("force", "")),  # among the texts the answer before cited
    ("Who can join the Budapest Convention?", Standing("joining", "the Budapest Convention")),
    ("Which states may accede to the Budapest Convention?", Standing("joining", "the Budapest Convention")),
    ("How does a state become a party to the Budapest Convention?", Standing("joining", "the Budapest Convention")),
    ("Can non-European states join the Budapest Convention?", Standing("joining", "the Budapest Convention")),
    ("Can other countries sign up to the G7 declaration?", Standing("joining", "the G7 declaration")),
    ("Is the Budapest Convention open to non-member states?", Standing("joining", "the Budapest Convention")),
    ("Which countries have ratified the Budapest Convention?", Standing("roster", "the Budapest Convention")),
    ("Who has signed the Paris Call?", Standing("roster", "the Paris Call")),
    ("Who has endorsed the Paris Call so far?", Standing("roster", "the Paris Call")),
    ("Who supports the Paris Call?", Standing("roster", "the Paris Call")),
    ("Who are the signatories of the Budapest Convention?", Standing("roster", "the Budapest Convention")),
    ("Which countries endorsed the G7 actions?", Standing("roster", "the G7 actions")),
    ("How many parties does the Budapest Convention have?", Standing("roster", "the Budapest Convention")),
    ("Has France ratified the Budapest Convention?", Standing("roster", "the Budapest Convention", who="France")),
    ("Is the United States a party to the Budapest Convention?",
     Standing("roster", "the Budapest Convention", who="the United States")),
    ("Who signed the G7 declaration?", Standing("signed", "the G7 declaration")),  # a treaty's signatories, else its maker
    ("Who signed up to the Paris Call?", Standing("signed", "the Paris Call")),  # not a text named "up to the Paris Call"
    ("What does the Budapest Convention say about treaties?", None),  # a topic, asked of the text
    ("Which texts mention treaties?", None),
    ("Is multi-factor authentication mandatory in Cyber Essentials?", None),
    ("What obligations does NIS 2 impose on entities?", None),  # what it asks of them, not whether it binds
])
def test_a_question_about_a_texts_standing_is_told_from_one_about_what_it_says(question: str, expected: Standing | None) -> None:
    assert asks(question) == expected


GAMMA = ("---\ntitle: \"Gamma Treaty on Network Safety\"\nissuer: \"Gamma Council\"\ndate: \"2019-05-01\"\n---\n\n"
         "# Gamma Treaty on Network Safety\n\n## Article 1\n\nEach Party shall patch the systems it runs within fourteen days "
         "of a fix being published.\n\n## Article 2\n\n1. This Treaty shall be open for signature by the members of the "
         "Gamma Council.\n\n2. This Treaty is subject to ratification, acceptance or approval by each signatory.\n\n"
         "3. This Treaty shall enter into force once three States have expressed their consent to be bound by it.\n")
DELTA = ("---\ntitle: \"Delta Declaration on Safe Systems\"\nissuer: \"Delta Forum; open to endorsement by cities and "
         "universities\"\ndate: \"2021-03-01\"\nkind: \"political declaration\"\n---\n\n# Delta Declaration on Safe Systems\n\n"
         "Cities must keep backups of the systems they run and test restoring them every week.\n\n"
         "Universities must train their staff to spot phishing messages every single year.\n\n"
         "Operators must report serious incidents to the national team within a day.\n")
EPSILON = ("---\ntitle: \"Epsilon Briefing on Cyber Risk\"\nissuer: \"Epsilon Institute\"\ndate: \"2020-01-01\"\n---\n\n"
           "# Epsilon Briefing on Cyber Risk\n\nBoards should discuss cyber risk at every meeting and name an owner for it.\n")


@pytest.fixture
def texts(tmp_path: Path) -> Assistant:
    return ingested(tmp_path, {"gamma.md": GAMMA, "delta.md": DELTA, "epsilon.md": EPSILON})


def test_a_treaty_is_answered_from_the_clauses_that_state_its_force(texts: Assistant) -> None:
    answer = texts.ask("Is the Gamma Treaty legally binding?")
    assert not answer.abstained
    assert answer.text.startswith("Gamma Treaty on Network Safety speaks of its own force (ratification, entry into force or consent "
                                  "to be bound) in 2 provisions:")
    assert [c.label for c in answer.citations] == ["Article 2, paragraph 2", "Article 2, paragraph 3"]


def test_a_text_silent_on_its_force_is_said_to_be_so_with_what_the_catalogue_records(texts: Assistant) -> None:
    answer = texts.ask("Is the Delta Declaration binding?")
    assert answer.abstained and not answer.citations
    assert answer.text.startswith("The text of Delta Declaration on Safe Systems held in the corpus (Delta Forum, 1 March "
                                  "2021) says nothing of its own legal force: none of its 3 provisions speaks of ratification")
    assert "The catalogue describes it as a political declaration, and records it as “open to endorsement by cities and " \
           "universities”." in answer.text
    # its wording is shown for the reader to weigh: three provisions say "must"
    assert "It words 3 of its provisions as duties (“must”), as Paragraph 1: “Cities must keep backups" in answer.text
    assert answer.related and answer.related[0].doc_id == "delta"


def test_which_texts_bind_names_those_that_state_their_force_and_those_that_do_not(texts: Assistant) -> None:
    answer = texts.ask("Which texts are legally binding?")
    assert answer.text.startswith("Of the 3 texts, only Gamma Treaty on Network Safety speaks of its own force")
    assert {c.doc_id for c in answer.citations} == {"gamma"}
    assert answer.text.endswith("The other 2 say nothing of their own legal force (no ratification, entry into force or "
                                "consent to be bound): Delta Declaration on Safe Systems; Epsilon Briefing on Cyber Risk.")
    none = texts.ask("Which texts are legally binding?", filters=Filters(doc_ids=["delta", "epsilon"]))
    assert none.abstained and none.text.startswith("None of the 2 texts speaks of its own legal force")


def test_who_may_join_comes_from_the_final_clauses_else_the_catalogue_else_it_is_unstated(texts: Assistant) -> None:
    treaty = texts.ask("Who can join the Gamma Treaty?")
    assert treaty.text.startswith("Gamma Treaty on Network Safety says who may join it, and how:")
    assert [c.label for c in treaty.citations] == ["Article 2, paragraph 1", "Article 2, paragraph 2"]
    declaration = texts.ask("Can universities endorse the Delta Declaration?")
    assert not declaration.abstained and [c.doc_id for c in declaration.citations] == ["delta"]
    assert "the catalogue records it (Delta Forum, 1 March 2021) as “open to endorsement by cities and universities” [1]." \
           in declaration.text
    briefing = texts.ask("Can other institutes sign up to the Epsilon Briefing?")
    assert briefing.abstained
    assert briefing.text == ("Epsilon Briefing on Cyber Risk (Epsilon Institute, 1 January 2020) does not say who may join, "
                             "sign or endorse it, and the catalogue records nothing on it.")


def test_who_has_joined_a_text_is_said_to_be_outside_the_corpus_with_what_it_says_of_joining(texts: Assistant) -> None:
    treaty = texts.ask("Which states have ratified the Gamma Treaty?")
    assert treaty.abstained and not treaty.citations
    assert treaty.text == ("The corpus holds the text of Gamma Treaty on Network Safety (Gamma Council, 1 May 2019), not a "
                           "record of who has signed, ratified or acceded to it: who has, and how many, is not in the corpus. "
                           "The text says who may join it in Article 2, paragraph 1 (listed as related).")
    assert [h.label for h in treaty.related] == ["Article 2, paragraph 1"]
    declaration = texts.ask("Has Ruritania endorsed the Delta Declaration?")
    assert declaration.abstained
    assert "not a record of who has endorsed or signed it: whether Ruritania has is not in the corpus. The catalogue " \
           "records it as “open to endorsement by cities and universities”." in declaration.text
    signed = texts.ask("Who signed the Gamma Treaty?")  # a treaty: its signatories
    assert signed.abstained and signed.text.startswith("The corpus holds the text of Gamma Treaty on Network Safety")
    endorsed = texts.ask("Who signed the Delta Declaration?")  # open to endorsement: those who endorsed it
    assert endorsed.abstained and "not a record of who has endorsed or signed it" in endorsed.text
    made = texts.ask("Who signed the Epsilon Briefing?")  # open to no one: who made it
    assert "not a record" not in made.text and "Epsilon Institute" in made.text
    # one text said to endorse another is what one says of the other, not a record of endorsements
    assert "not a record" not in texts.ask("Did the Delta Declaration endorse the Gamma Treaty?").text
    assert "not a record" not in texts.ask("Who supports keeping backups?").text  # a practice, not a text


def test_it_means_the_text_only_when_no_practice_is_being_discussed(texts: Assistant) -> None:
    text = texts.ask("Is it binding?", history=["Tell me about the Delta Declaration."])
    assert text.text.startswith("The text of Delta Declaration on Safe Systems held in the corpus")
    practice = texts.ask("Is it mandatory for cities?", history=["What does the Delta Declaration say about backups?"])
    assert "legal force" not in practice.text  # "it" is keeping backups, which the text says cities must do
    assert [c.provision_id for c in practice.citations or practice.related][:1] == ["delta/para-1"]  # backups, ranked


@pytest.mark.slow
def test_the_real_corpus_tells_the_budapest_convention_from_the_paris_call(full: Assistant) -> None:
    treaty = full.ask("Is the Budapest Convention legally binding?")
    assert [c.provision_id for c in treaty.citations] == [f"budapest-convention-2001/article-36/item-{n}" for n in (2, 3, 4)]
    call = full.ask("Is the Paris Call legally binding?")
    assert call.abstained and "“open to endorsement by States, companies and civil-society organisations”" in call.text
    joining = full.ask("Who can join the Budapest Convention?")
    assert [c.provision_id for c in joining.citations] == [
        "budapest-convention-2001/article-36/item-1", "budapest-convention-2001/article-36/item-2",
        "budapest-convention-2001/article-37/item-1"]
    ratified = full.ask("Which countries have ratified the Budapest Convention?")
    assert ratified.abstained and [h.provision_id for h in ratified.related] == [
        "budapest-convention-2001/article-36/item-1", "budapest-convention-2001/article-37/item-1"]
    signed = full.ask("Who signed the Budapest Convention?")  # not Article 48's "IN WITNESS WHEREOF the undersigned"
    assert signed.abstained and "not a record of who has signed, ratified or acceded to it" in signed.text
    supporters = full.ask("Who supports the Paris Call?")
    assert supporters.abstained and "“open to endorsement by States, companies and civil-society organisations”" in supporters.text
    binding = full.ask("Which texts are treaties?")
    assert {c.doc_id for c in binding.citations} == {"budapest-convention-2001"}
    assert "The other 7 say nothing of their own legal force" in binding.text
    # "Which of them is binding?" after "Which texts mention mutual assistance?": the two texts that answer cited
    them = full.ask("Which of them is binding?", ["Which texts mention mutual assistance?"])
    assert them.text.startswith("Of the 2 texts, only the Budapest Convention speaks of its own force"), them.text
    assert them.text.endswith("The other one says nothing of its own legal force (no ratification, entry into force or "
                              "consent to be bound): ICC Board Briefing."), them.text
