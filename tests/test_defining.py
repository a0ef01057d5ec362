"""Definitions: the text that defines a term asked about, and the note when no text defines it."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.defining import asked_term, defined, undefined


def test_a_what_is_question_wants_the_text_that_defines_the_term() -> None:
    vulnerability = defined("What is a vulnerability, according to Cyber Essentials?")
    assert vulnerability is not None
    assert vulnerability.search("Any device that runs software can contain security flaws, known as vulnerabilities.")
    assert not vulnerability.search("Vulnerabilities are regularly discovered in all sorts of software.")
    data = defined("What counts as organisational data?")
    assert data is not None and data.search("Organisational data includes any electronic data belonging to your organisation")
    traffic = defined('What does "traffic data" mean?')
    assert traffic is not None and traffic.search("“traffic data” means any computer data relating to a communication")
    assert defined("What is the G7 doing about CSIRTs and SMEs together with businesses?") is None
    applicant = defined("Who is the applicant in Cyber Essentials?")
    assert applicant is not None and applicant.search("Applicant refers to your organisation which is seeking certification")
    entity = defined("What does essential entity mean?")  # a term of two words that a text uses undefined
    assert entity is not None and entity.search("Member States shall ensure that essential and important entities take")
    assert not entity.search("“service provider” means any public or private entity")


def test_a_definition_asked_in_so_many_words_gives_its_term() -> None:
    assert asked_term("How does the G7 define SMEs?") == "SMEs"
    assert asked_term("How are SMEs defined in the G7 text?") == "SMEs"
    assert asked_term("What is the definition of a computer system?") == "computer system"
    assert asked_term("What does the term hacking-back mean?") == "hacking-back"
    assert asked_term("Is there a definition of SME anywhere?") == "SME"  # a yes or no: the answer says if none is
    assert asked_term("Does any text define critical infrastructure?") == "critical infrastructure"
    assert asked_term("Does the Budapest Convention define computer data?") == "computer data"
    assert asked_term("What is a vulnerability?") == ""  # may ask what the texts say of it, not for a definition
    assert asked_term("How does the G7 support SMEs?") == ""


def test_a_term_is_undefined_only_when_no_sentence_or_heading_could_define_it() -> None:
    question = "How does the G7 define SMEs?"
    using = ["It is important to support innovative SMEs and high-tech start-ups.", "Objective 1 - Risk management"]
    assert undefined(question, using) == "SMEs"
    # a sentence opening with the term and saying what it is, a definition's words, a heading naming it
    assert undefined(question, [*using, "SMEs, which employ fewer than 250 people, are the backbone of the economy."]) == ""
    assert undefined(question, [*using, "Enterprises with fewer than 250 staff are known as SMEs."]) == ""
    assert undefined("How does the Convention define computer-related forgery?", ["Article 7 – Computer-related forgery"]) == ""
    assert undefined("What does SMEs mean?", using) == ""  # not asked for a definition in so many words
    # a term of two words used, never said to be anything, is no definition of it
    cyber = ["It is important to invest in cyber security.", "OBJECTIVE 1 - CYBER SECURITY RISK MANAGEMENT PRACTICES"]
    assert undefined("How does the G7 define cyber security?", cyber) == "cyber security"


@pytest.mark.slow
def test_an_answer_says_when_the_text_asked_does_not_define_the_term(full: Assistant) -> None:
    smes = full.ask("How does the G7 define SMEs?")
    assert smes.text.startswith("G7 Actions for Enhancing Cybersecurity for Businesses does not define “SMEs”. "
                                "The passages nearest to a definition:\n\nAccording to G7")
    assert smes.citations and all(c.doc_id == "g7-2017-cyber-business" for c in smes.citations)
    icc = full.ask("How does the ICC define cybersecurity?")  # "define" asks how; the topic is cybersecurity
    assert not icc.abstained and icc.text.startswith("ICC Board Briefing does not define “cybersecurity”.")
    traffic = full.ask("How does the Budapest Convention define traffic data?")
    assert traffic.citations[0].label == "Article 1(d)" and "does not define" not in traffic.text
    cyber = full.ask("How does the G7 define cyber security?")  # a term of two words it uses, never defines
    assert cyber.text.startswith("G7 Actions for Enhancing Cybersecurity for Businesses does not define “cyber security”.")
    forgery = full.ask("How does the Convention on Cybercrime define computer-related forgery?")  # its article's title
    assert forgery.citations[0].label.startswith("Article 7") and "does not define" not in forgery.text
    nowhere = full.ask("What does the term hacking-back mean?")
    assert nowhere.text.startswith("None of the texts defines “hacking-back”.") and nowhere.citations[0].label == "Item 8"
    anywhere = full.ask("Is there a definition of SME anywhere?")  # a yes or no, answered by saying none gives one
    assert anywhere.text.startswith("None of the texts defines “SME”.") and anywhere.citations
