"""The asker's situation: who they say they are is read into "I" and "we"; the rest is no topic."""

from __future__ import annotations

import pytest

from assistant import Assistant, manners
from assistant.situation import readings, role_of, tell, with_task

@pytest.mark.parametrize(("typed", "asked"), [
    ("I run a small bakery with five staff. What should I do about cybersecurity?",
     "What should SMEs do about cybersecurity?"),
    ("We're a 20-person accounting firm. Which practices apply to us?", "Which practices apply to SMEs?"),
    ("As a government official, what are we expected to do under the G7 text?",
     "What are governments expected to do under the G7 text?"),
    ("I'm a prosecutor. What can I make a service provider hand over?",
     "What can competent authorities make a service provider hand over?"),
    ("We are the national CSIRT of a G7 country. What cooperation did the ministers want from us?",
     "What cooperation did the ministers want from CSIRTs?"),
    ("I own an SME in Canada. What did the G7 promise to do for businesses like mine?",
     "What did the G7 promise to do for SMEs?"),
    ("I'm a sole trader. Am I covered by the G7's actions?", "Are SMEs covered by the G7's actions?"),
    ("I run a café. What is in annex I of A/80/257 for us?", "What is in annex I of A/80/257 for SMEs?"),  # a number
    ("I run a café. Did the US sign the Paris Call?", "Did the US sign the Paris Call?"),  # a country
    ("Our staff keep clicking phishing links. What does the guidance say about training them?",
     "What does the guidance say about training staff?"),  # "them": the people the situation names
    ("Our suppliers were breached last month. What should we require of them?", "What should we require of suppliers?"),
    # a situation ended by a comma before the question, or "I'm" typed without its apostrophe
    ("I'm a small bakery, what do I need to do for Cyber Essentials?", "What do SMEs need to do for Cyber Essentials?"),
    ("im a small bakery. what do i need to do?", "What do SMEs need to do?"),
    ("We have 8 staff, do we need to patch within 14 days?", "Do SMEs need to patch within 14 days?"),
])
def test_who_the_asker_is_stands_for_i_and_we(typed: str, asked: str) -> None:
    assert tell(typed, None).question == asked


@pytest.mark.parametrize(("typed", "asked"), [
    ("I'm a journalist covering the UN. When does the Global Mechanism start?", "When does the Global Mechanism start?"),
    ("I'm the only IT person at a small charity. What are the five controls we need?",  # a charity is no business
     "What are the five controls we need?"),
    ("We're a multinational and police abroad keep asking us for data. What did the ICC say?", "What did the ICC say?"),
])
def test_a_situation_that_names_no_addressee_is_taken_off(typed: str, asked: str) -> None:
    assert tell(typed, None).question == asked


@pytest.mark.parametrize("question", [
    "What should we do about backups?",  # no situation told: "we" is left as it is
    "I think the G7 said something about SMEs. What was it?",  # an opinion, not who the asker is
    "Our staff? What does NIST say about training them?",
    "We need MFA. ",  # nothing asked after the statement
])
def test_a_question_with_no_situation_before_it_is_left_alone(question: str) -> None:
    told = tell(question, None)
    assert told.question == question or told.question == question.split(". ", 1)[1]
    assert told.role is None


def test_a_question_that_points_back_at_the_situation_keeps_it() -> None:
    typed = "Our staff work from home on their own laptops. Are those in scope?"
    assert tell(typed, None).question == typed
    told = tell("We're a small firm. Is that enough to be left out of NIS 2?", None)
    assert told.question == "We're a small firm. Is that enough to be left out of NIS 2?" and told.role == "SMEs"


def test_the_role_told_in_an_earlier_turn_holds_for_later_ones_and_the_turns_as_typed_come_second() -> None:
    cast, typed = readings("Will governments help firms like ours?",
                           ["We're a 20-person accounting firm. Which practices apply to us?"])
    assert cast == ("Will governments help SMEs?", ["Which practices apply to SMEs?"])
    assert typed == ("Will governments help firms like ours?", ["Which practices apply to us?"])
    assert readings("What should we do about backups?", []) == [("What should we do about backups?", [])]


@pytest.mark.parametrize(("situation", "role"), [
    ("I run a café", "SMEs"), ("we are a 12-person firm", "SMEs"),
    ("we are a 5000-person bank", None), ("I sit on the board of a bank", "senior management"),
    ("I work for an ISP", "service providers"), ("I'm a diplomat from a small island state", "governments"),
])
def test_the_role_is_read_from_who_the_asker_says_they_are(situation: str, role: str | None) -> None:
    assert role_of(situation) == role


def test_a_small_business_owner_is_answered_with_what_the_texts_say_to_smes(assistant: Assistant) -> None:
    assistant.ingest()
    answer = assistant.ask("I run a small bakery with five staff. What should I do about cybersecurity?")
    assert not answer.abstained
    assert any("SMEs" in c.text for c in answer.citations)
    assert answer.question.startswith("I run a small bakery")  # shown as typed


def test_a_text_the_asker_is_bound_by_is_carried_into_a_question_that_names_none() -> None:
    def named(text: str) -> list[str]:
        return [name for name in ("NIS 2", "the UN", "the G7") if name in text]

    bank = tell("We're a bank in Germany subject to NIS 2. Do we have to address supply chain security?", None, named=named)
    assert bank.question == "Do we have to address supply chain security, according to NIS 2?"
    journalist = tell("I'm a journalist covering the UN. When does the Global Mechanism start?", None, named=named)
    assert journalist.question == "When does the Global Mechanism start?"  # a mention, not a text they are bound by
    own = tell("We're covered by NIS 2. What does the G7 say about SMEs?", None, named=named)
    assert own.question == "What does the G7 say about SMEs?"  # the question names its own source


def test_a_kept_situation_loses_the_clause_that_only_says_who_the_asker_is() -> None:
    told = tell("We have 8 staff and all use Gmail. Who is responsible for configuring it securely?", None)
    assert told.question == "all use Gmail. Who is responsible for configuring it securely?"
    assert told.role == "SMEs"


def test_a_group_asked_what_to_do_is_read_as_the_reader_when_the_text_never_names_it() -> None:
    found = readings("What should a small company do first under Cyber Essentials?", [])
    assert found[-1] == ("What should I do first under Cyber Essentials?", [])
    assert found[0][0] == "What should a small company do first under Cyber Essentials?"  # as typed comes first
    assert len(readings("What should a journalist do first?", [])) == 1  # no group the texts address


@pytest.mark.parametrize(("typed", "asked"), [
    ("I'm drafting a paragraph on SME cyber awareness. What language can I borrow from the G7?",
     "What language can I borrow from the G7 on SME cyber awareness?"),
    ("I'm preparing a brief on CSIRTs for the minister. Anything relevant in the G7 text?",
     "Anything relevant in the G7 text on CSIRTs?"),
    ("I'm briefing our minister on hack back tomorrow. What does the Paris Call say?",
     "What does the Paris Call say on hack back?"),
    ("I need a sentence on consumer protection online for a communiqué. What can I lift from the 2017 text?",
     "I need a sentence on consumer protection online for a communiqué. What can I lift from the 2017 text on "
     "consumer protection online?"),  # the statement itself goes when the situation is read
    ("I'm drafting a paragraph on AI. Does the G7 mention quantum computing?", "Does the G7 mention quantum computing?"),
    ("I'm working on a speech. What can I quote from the ICC?", "What can I quote from the ICC?"),  # no topic told
    ("What can I quote from the ICC?", "What can I quote from the ICC?"),
])
def test_the_topic_of_the_askers_task_is_asked_about_when_the_question_names_none(typed: str, asked: str) -> None:
    def named(text: str) -> list[str]:
        return [name for name in ("G7", "ICC", "Paris Call") if name in text]

    assert with_task(typed, manners.plain(typed), named) == asked


@pytest.mark.slow
def test_situations_and_groups_are_answered_from_the_real_texts(full: Assistant) -> None:
    bakery = full.ask("I run a small bakery with five staff. What does the G7 recommend for businesses like mine?")
    assert any("SMEs" in c.text for c in bakery.citations)
    drafting = full.ask("I'm preparing a brief on CSIRTs. Anything relevant in the G7 text?")
    assert "g7-2017-cyber-business/objective-2/item-1" in [c.provision_id for c in drafting.citations]
    first = full.ask("What should a small company do first under Cyber Essentials?")
    assert "ncsc-cyber-essentials-v3-1/a/para-4" in [c.provision_id for c in first.citations]  # establish the scope
    # NIST speaks of "the organization": a small business asking is no topic the framework must name
    respond = full.ask("How should a small business respond to an incident according to NIST?")
    assert not respond.abstained and respond.citations[0].provision_id.startswith("nist-csf-2-0-core/rs")
    passwords = full.ask("What should a small business do about passwords?")
    assert {c.doc_id for c in passwords.citations} == {"ncsc-cyber-essentials-v3-1"}  # not the G7 on SMEs
    screens = full.ask("Do we need to lock screens?")  # Cyber Essentials' "device locking controls"
    assert "ncsc-cyber-essentials-v3-1/d-2/computers-and-network-devices/item-6" in [c.provision_id for c in screens.citations]
    comma = full.ask("im a small bakery, what do i need to do for cyber essentials?")  # a comma ends the situation
    assert not comma.abstained and comma.citations[0].provision_id == "ncsc-cyber-essentials-v3-1/a/para-1"
    antivirus = full.ask("Is antivirus enough under Cyber Essentials?")  # its anti-malware software, not its opening
    assert antivirus.citations[0].provision_id.startswith("ncsc-cyber-essentials-v3-1/d-5/anti-malware-software")
