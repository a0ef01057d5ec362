"""Chat manners: greetings, thanks, hedges and request framings are taken off; the question stays whole."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.manners import nothing_asked, plain, respelled, without_asides


@pytest.mark.parametrize(("typed", "asked"), [
    ("Hi! Could you please tell me what the G7 says about SMEs? Thanks!", "What the G7 says about SMEs?"),
    ("Hello, quick question: what did the ICC say about MLATs?", "What did the ICC say about MLATs?"),
    ("Thanks! And what are companies asked to do because of that?", "And what are companies asked to do because of that?"),
    ("hey, what's the G7 plan for CSIRT cooperation?? thx", "what's the G7 plan for CSIRT cooperation?"),
    ("Good morning. I'm briefing our minister tomorrow. What did the G7 commit to?", "What did the G7 commit to?"),
    ("Dear assistant, kindly list the ICC's opportunities for future action.", "List the ICC's opportunities for future action."),
    ("Give me the exact words of the ICC's third takeaway, please.", "The ICC's third takeaway."),
    ("Would you be able to find the NIST CSF outcome on incidents?", "The NIST CSF outcome on incidents?"),
    ("I was wondering whether the Paris Call mentions elections?", "Whether the Paris Call mentions elections?"),
    ("Sorry if this is a silly question, but how long can preserved data be kept?", "How long can preserved data be kept?"),
    ("Quick one - what's the Budapest Convention's definition of a computer system? cheers",
     "What's the Budapest Convention's definition of a computer system?"),
    ("Could you kindly tell me what Cyber Essentials says about backups? Many thanks in advance.",
     "What Cyber Essentials says about backups?"),
    ("Also, what about consumers?", "What about consumers?"),  # a follow-up again
    ("Bonjour, what does the Paris Call say about hacking back? Merci!", "What does the Paris Call say about hacking back?"),
    ("ok and what about the ICC?", "and what about the ICC?"),
    ("Hi, I'm new here. What can you tell me about the Budapest Convention?",
     "What can you tell me about the Budapest Convention?"),
    ("Question: what is the Paris Call?", "What is the Paris Call?"),  # a label, as in "Context: …. Question: …"
    ("Context: I'm an SME owner.", "I'm an SME owner."),
    # a claim to check: its topic is what is asked
    ("I heard the ICC says a treaty should be a priority. Is that right?", "The ICC says a treaty should be a priority?"),
    ("Is it true that the G7 wants compulsory insurance?", "The G7 wants compulsory insurance?"),
    ("Correct me if I'm wrong: the G7 sees CSIRTs as focal points?", "The G7 sees CSIRTs as focal points?"),
    ("True or false: the Paris Call bans hacking back.", "The Paris Call bans hacking back."),
    ("Someone told me 50 CEOs attended. True?", "50 CEOs attended?"),
    ("The ICC says cybercrime is a matter for governments, doesn't it?", "The ICC says cybercrime is a matter for governments?"),
    ("Am I right in thinking that NIST covers supply chains?", "NIST covers supply chains?"),
    ("Just to confirm, NIS 2 covers supply chain security?", "NIS 2 covers supply chain security?"),
    ("Would it be fair to say that the ICC links security to trade?", "The ICC links security to trade?"),
    ("Do I understand correctly that the G7 supports start-ups?", "The G7 supports start-ups?"),
    ("Can I tell my minister that the ICC wants SMEs included?", "The ICC wants SMEs included?"),
    ("Isn't it the case that the G7 mentions ISACs?", "The G7 mentions ISACs?"),
    ("My boss insists the ICC briefing was chaired by Paul Drechsler. Is he right?",
     "The ICC briefing was chaired by Paul Drechsler?"),
    ("So the ICC wants MLATs scrapped?", "The ICC wants MLATs scrapped?"),
])
def test_manners_are_taken_off_the_question(typed: str, asked: str) -> None:
    assert plain(typed) == asked


@pytest.mark.parametrize("question", [
    "Can you be fined under NIS 2?",  # "can you" asks what is allowed, not for a service
    "Do you need MFA for cloud services?",
    "What does the ICC say about trust?",
    "Thanks",  # nothing but manners: left as it is
    "Hello?",
    "Is it true?",  # a claim with nothing claimed
    "What is right?",  # "right" asked about, not a tag after a claim
    "Which password length is correct?",
    "So what does the G7 say?",  # "so" before a question word opens a follow-up, not a claim
    "Can I say that?",
])
def test_a_question_without_manners_is_left_as_it_is(question: str) -> None:
    assert plain(question) == question


@pytest.mark.parametrize(("message", "empty"), [
    ("Hello", True), ("thanks!", True), ("Hi! Thanks!", True), ("OK thanks", True), ("Good morning", True),
    ("What is OK?", False), ("Thanks. And the G7?", False), ("Hello, what does the ICC say?", False),
])
def test_a_message_of_manners_alone_asks_nothing(message: str, empty: bool) -> None:
    assert nothing_asked(message) is empty


def test_a_greeting_alone_is_told_how_to_ask_not_that_the_texts_are_silent(assistant: Assistant) -> None:
    assistant.ingest()
    reply = assistant.ask("Hello!")
    assert reply.abstained and "no question here" in reply.text and "does not address" not in reply.text
    answered = assistant.ask("Hello! What did the G7 commit to on CSIRT cooperation? Thanks")
    assert not answered.abstained and answered.question.startswith("Hello!")


def test_the_askers_asides_are_no_part_of_the_question() -> None:
    aside = "I'm briefing a delegation: in one sentence, what did the G7 want?"
    assert without_asides(aside).strip(" ,") == "what did the G7 want?"
    assert without_asides("Briefly, what does NIS 2 require?").strip(" ,") == "what does NIS 2 require?"
    assert without_asides("In plain English, must backups be tested?").strip(" ,") == "must backups be tested?"
    assert without_asides("I am sure that backups matter") == "I am sure that backups matter"  # no colon: no aside


def test_question_words_typed_as_in_a_chat_are_written_out() -> None:
    assert respelled("wat does the G7 say about SMEs") == "what does the G7 say about SMEs"
    assert respelled("Wht does the ICC say abt treaties?") == "What does the ICC say about treaties?"
    assert respelled("What does the watchdog say?") == "What does the watchdog say?"  # whole words only
    assert respelled("whats the UN res about") == "what's the UN resolution about"  # a delegate's "UN res"
    assert respelled("wht r u able to answer") == "what are you able to answer"
    assert respelled("Is the R&D budget covered by U.S. rules?") == "Is the R&D budget covered by U.S. rules?"


@pytest.mark.parametrize(("typed", "asked"), [
    ("Name the NIST CSF function that deals with governance.", "Which NIST CSF function deals with governance?"),
    ("Could you name the article of the Budapest Convention that criminalises illegal access?",
     "Which article of the Budapest Convention criminalises illegal access?"),
    ("Identify the G7 actions which involve academia.", "Which G7 actions involve academia?"),
    ("Name the five NIST functions.", "List the five NIST functions."),  # no "that": every one of them
    ("Name all the ICC takeaways.", "List all the ICC takeaways."),
    ("Does the Paris Call name the Council of Europe?", "Does the Paris Call name the Council of Europe?"),  # a topic
])
def test_a_request_to_name_things_asks_which_they_are_or_to_list_them(typed: str, asked: str) -> None:
    assert plain(typed) == asked
