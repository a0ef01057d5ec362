"""Questions about a document itself: who issued it and when, answered from the text's own dateline and voice."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.provenance import asks, attesting, best, done, made_at, names_place, terms
from assistant.types import Document

BUDAPEST = Document(doc_id="bud", title="Convention on Cybercrime", issuer="Council of Europe",
                    date="2001-11-23 (opened for signature, Budapest)")
ICC = Document(doc_id="icc", title="ICC Board Briefing", issuer="International Chamber of Commerce (ICC)",
               date="08 February (year not stated in the text)")


@pytest.mark.parametrize(("question", "wants"), [
    ("Who issued the Paris Call and when?", "both"),
    ("When was the Budapest Convention adopted?", "when"),
    ("Who wrote the ICC board briefing?", "who"),
    ("In what year was the resolution adopted?", "when"),
    ("When must significant incidents be notified?", None),  # a when-question about a duty, not the text
    ("What did the Convention adopt on data preservation?", None),
    ("When was the ICC board briefing held?", "when"),  # a meeting's date is its record's
    ("When will the G7 ministers meet next?", None),  # a later meeting: the text's own date is no answer
    ("Which ministers set out the G7 actions?", "who"),
    ("Which body adopted resolution 80/16?", "who"),  # the kind of maker asked for: the texts name it
    ("Which organisation issued the Paris Call?", "who"),
    ("What body adopted resolution 80/16?", "who"),
    ("Where was the Budapest Convention signed?", "where"),
    ("In which city was the Paris Call adopted?", "where"),
    ("Where are incidents reported?", None),  # a where-question about a duty, not the text
])
def test_questions_about_a_documents_origin_are_told_apart(question: str, wants: str | None) -> None:
    assert asks(question) == wants


def test_the_full_date_and_the_issuers_own_voice_attest_a_document() -> None:
    texts = [(0, "Recalling the Action Plan adopted by the Heads of State on 10 October 1997 in 2001 terms."),
             (1, "Each Party shall adopt measures by 2001."),
             (2, "IN WITNESS WHEREOF the undersigned have signed this Convention. DONE at Budapest, this 23rd day "
                 "of November 2001, in English and in French, deposited in the archives of the Council of Europe."),
             (3, "Each Party shall co-operate " + "to the widest extent possible " * 20 + "as agreed in 2001.")]
    found = {a.index: a for a in attesting(texts, BUDAPEST)}
    assert found[2].date == 3 and found[2].issuer and 3 not in found  # a year far into a long provision says nothing
    assert best(list(found.values()), "when", {i: i for i, _ in texts}) == [2]


def test_a_text_without_its_year_attests_by_day_and_month_and_both_asks_for_date_and_voice() -> None:
    texts = [(0, "On 08 February ICC convened 30 Chairs for our ICC Board Briefing Series."),
             (1, "Business leaders met again in March.")]
    assert [a.index for a in attesting(texts, ICC)] == [0]
    g7 = Document(doc_id="g7", title="G7 Actions", issuer="G7 ICT and Industry Ministers", date="26 September 2017")
    texts = [(0, "To this end, we the G7 ICT and Industry Ministers intend to:"), (1, "26 September 2017")]
    assert best(attesting(texts, g7), "both", {0: 0, 1: 1}) == [1, 0]
    assert best(attesting(texts, g7), "who", {0: 0, 1: 1}) == [0]


def test_asking_who_issued_a_shipped_text_and_when_cites_its_own_words(assistant: Assistant) -> None:
    assistant.ingest()
    answer = assistant.ask("Who issued the G7 actions, and when?")
    assert [c.quote for c in answer.citations] == ["26 September 2017", "To this end, we the G7 ICT and Industry Ministers intend to"]
    assert "G7 ICT and Industry Ministers" in answer.text
    icc = assistant.ask("Who wrote the ICC board briefing?")
    assert not icc.abstained and icc.citations[0].quote.startswith("On 08 February ICC convened")
    # the words of the text's title ("actions for businesses") name the text, not a topic of the question
    ministers = assistant.ask("Which ministers set out the G7 actions for businesses?")
    assert [c.provision_id for c in ministers.citations] == ["g7-2017-cyber-business/objective-1/para-3"]
    topic = assistant.ask("Who did the G7 say should adopt risk management practices?")  # a topic, not the origin
    assert "g7-2017-cyber-business/objective-1/item-1" in [c.provision_id for c in topic.citations]


def test_a_follow_up_or_a_document_filter_names_the_text_asked_about(assistant: Assistant) -> None:
    from assistant.types import Filters

    assistant.ingest()
    follow_up = assistant.ask("And when were they adopted?", history=["What did the G7 commit to on CSIRTs?"])
    assert [c.quote for c in follow_up.citations] == ["26 September 2017"]
    filtered = assistant.ask("Who wrote it?", filters=Filters(doc_ids=["icc-board-briefing-cyber"]))
    assert filtered.citations[0].quote.startswith("On 08 February ICC convened")
    later = assistant.ask("When will the G7 ICT ministers meet next?")
    assert "26 September 2017" not in [c.quote for c in later.citations]


def test_a_year_offered_to_choose_from_asks_for_the_date() -> None:
    assert asks("Is the G7 text from 2017 or 2018?") == "when"
    assert asks("What year is the Paris Call from?") == "when"
    assert asks("What date does Cyber Essentials v3.1 carry?") == "when"
    assert asks("What's the date on the ICC briefing?") == "when"
    assert asks("Is the Paris Call binding on companies from 2019 on?") is None
    assert asks("How old is the G7 text?") == "when"  # its age: its date
    assert asks("How recent is the NIST CSF?") == "when"
    assert asks("How old must a minor be?") is None  # an age the text sets, not its own
    assert asks("How old are they?") is None  # after the ICC on MLATs: the treaties' age, which it speaks of


def test_a_year_to_check_asks_for_the_date() -> None:
    assert asks("Were the G7 actions agreed in 2019?") == "when"
    assert asks("The Paris Call was signed in 2020?") == "when"  # a claim, its framing taken off
    assert asks("The Budapest Convention was opened for signature in 2005?") == "when"
    assert asks("Were incidents reported in 2019?") is None  # a year of something else


def test_a_wrong_year_is_answered_with_the_texts_own_date(assistant: Assistant) -> None:
    assistant.ingest()
    answer = assistant.ask("Am I right that the G7 actions were agreed in 2019?")
    assert not answer.abstained and [c.quote for c in answer.citations] == ["26 September 2017"]


def test_a_voice_does_not_date_a_text_nor_a_date_name_its_maker() -> None:
    found = attesting([(0, "The Council of Europe member States, we agree as follows."), (1, "DONE at Budapest, 2001")], BUDAPEST)
    assert best(found, "when", {0: 0, 1: 10}) == [1]
    voiced = attesting([(0, "we, the Council of Europe, have considered it")], BUDAPEST)
    assert best(voiced, "when", {0: 0}) == []


def test_the_kind_of_maker_asked_for_is_no_topic_of_the_question() -> None:
    assert {"bodi", "organis", "institut"} <= terms()


def test_the_place_a_text_was_made_is_read_from_its_final_clause_or_dateline() -> None:
    texts = [(0, "Each Party shall adopt measures at national level."),
             (1, "IN WITNESS WHEREOF the undersigned have signed this Convention. DONE at Budapest, this 23rd day of November 2001.")]
    assert best(attesting(texts, BUDAPEST), "where", {0: 0, 1: 1}) == [1]
    paris = Document(doc_id="paris", title="Paris Call", issuer="Government of France", date="2018-11-12")
    assert best(attesting([(0, "We welcome the Call."), (1, "Paris, 12th of November, 2018")], paris), "where", {0: 0, 1: 1}) == [1]
    assert best(attesting([(0, "Resolution adopted by the General Assembly on 1 December 2025")], paris), "where", {0: 0}) == []
    assert done("In which city was the ICC briefing held?") == "held" and done("Where was it adopted?") == "adopted"
    # "Which text was adopted in Budapest?": the place asked, which the final clause or the dateline must name
    assert made_at("Which text was adopted in Budapest?") == "Budapest" and made_at("What was agreed in Paris?") == "Paris"
    assert made_at("Which text was adopted in 2001?") == "" and made_at("What was adopted in the resolution?") == ""
    assert names_place(texts[1][1], "Budapest") and not names_place(texts[1][1], "Paris")
    assert not names_place("Parties in Budapest shall adopt measures.", "Budapest")  # no place of making


def test_an_issuer_named_far_from_the_texts_own_voice_is_spoken_of_not_speaking() -> None:
    ncsc = Document(doc_id="ce", title="Cyber Essentials", issuer="UK National Cyber Security Centre (NCSC)", date="2023-01")
    far = "As organisations move to zero trust, we have considered it, and are confident that the controls allow a zero " \
          "trust architecture as defined by the NCSC guidance."
    assert attesting([(0, far)], ncsc) == []
    assert [a.issuer for a in attesting([(0, "On 08 February ICC convened 30 Chairs.")], ICC)] == [True]


@pytest.mark.slow
def test_where_a_text_was_made_is_its_own_words_or_an_abstention(full: Assistant) -> None:
    signed = full.ask("Where was the Budapest Convention signed?")
    assert [c.provision_id for c in signed.citations] == ["budapest-convention-2001/article-48/para-2"]
    assert "DONE at Budapest" in signed.citations[0].quote
    assert [c.provision_id for c in full.ask("In which city was the Paris Call adopted?").citations] == ["paris-call-2018/para-15"]
    g7 = full.ask("Where was the G7 declaration adopted?")
    assert g7.abstained and "does not say where it was adopted" in g7.text and "26 September 2017" in g7.text
    budapest = full.ask("Which text was adopted in Budapest?")  # not the articles on what Parties "shall adopt"
    assert [c.provision_id for c in budapest.citations] == ["budapest-convention-2001/article-48/para-2"]
    assert [c.provision_id for c in full.ask("Which document was issued in Paris?").citations] == ["paris-call-2018/para-15"]
    assert full.ask("Which text was adopted in Geneva?").abstained
    published = full.ask("Who published Cyber Essentials?")  # not "… as defined by the NCSC guidance" on zero trust
    assert "does not state who made it; the catalogue gives UK National Cyber Security Centre" in published.text
