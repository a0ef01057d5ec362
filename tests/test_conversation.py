"""Conversation: named sources become filters, follow-ups keep the earlier topic without a language model."""

from __future__ import annotations

import pytest

from assistant.conversation import (
    SourceIndex, asks_of_text, compared_topic, is_follow_up, names, of_text, resolve,
)
from assistant.naming import aliases, initials
from assistant.types import Document

DOCS = [
    Document(doc_id="g7", title="G7 Actions for Enhancing Cybersecurity for Businesses", issuer="G7 ICT and Industry Ministers"),
    Document(doc_id="icc", title="ICC Board Briefing: 5 Takeaways", issuer="International Chamber of Commerce (ICC)"),
    Document(doc_id="bud", title="Convention on Cybercrime (Budapest Convention), ETS No. 185", issuer="Council of Europe"),
    Document(doc_id="paris", title="Paris Call for Trust and Security in Cyberspace", issuer="Government of France"),
]


@pytest.fixture
def sources() -> SourceIndex:
    return SourceIndex(DOCS)


def test_aliases_come_from_titles_and_issuers() -> None:
    assert {"Budapest Convention", "Convention on Cybercrime", "Council of Europe"} <= aliases(DOCS[2])
    assert "ICC" in aliases(DOCS[1]) and "G7" in aliases(DOCS[0]) and "Paris Call" in aliases(DOCS[3])
    assert "ETS" not in aliases(DOCS[2])


def test_the_last_words_of_a_capitalised_issuer_name_it_too() -> None:
    un = Document(doc_id="un", title="A/RES/80/16 — Open-ended working group", issuer="United Nations General Assembly")
    assert {"General Assembly", "United Nations", "UNGA"} <= aliases(un)


def test_a_two_word_title_is_named_by_its_capitals_only_as_typed() -> None:
    ce = Document(doc_id="ce", title="Cyber Essentials: Requirements for IT infrastructure v3.1", issuer="UK NCSC")
    sources = SourceIndex([*DOCS, ce])
    assert initials(ce) == "CE" and sources.find("What does CE require for firewalls?") == ["ce"]
    assert sources.find("Is ce marking required?") == []  # two letters in lower case are too many other things
    assert initials(DOCS[3]) == "" and initials(DOCS[2]) == ""  # "Paris Call for Trust …", "Convention on Cybercrime"


def test_an_acronym_that_starts_another_name_does_not_name_its_document() -> None:
    un = Document(doc_id="un", title="A/RES/80/16 — Open-ended working group", issuer="United Nations General Assembly (UN)")
    sources = SourceIndex([*DOCS, un])
    assert sources.find("Is there agreed language that the UN Charter applies to cyberspace?") == []
    assert sources.find("What did the UN General Assembly decide?") == ["un"]
    assert sources.find("What does the UN resolution say about capacity building?") == ["un"]
    assert sources.find("What Does The UN Say About Capacity?") == ["un"]  # title case is a style
    assert sources.find("Does the G7 mention the UN?") == ["g7", "un"]
    assert sources.find("What is G7 Objective 1, action 4?") == ["g7"]  # a place in it, not another name


def test_sources_are_found_in_any_case(sources: SourceIndex) -> None:
    assert sources.find("compare icc and g7 on information sharing") == ["icc", "g7"]
    assert sources.find("What does the convention on cybercrime say?") == ["bud"]


def test_a_follow_up_keeps_the_topic_and_source(sources: SourceIndex) -> None:
    resolved = resolve("And what role do businesses play in that?", ["What did the G7 commit to on CSIRT cooperation?"], sources)
    assert resolved.follow_up and resolved.sources == ["g7"]
    assert "csirt" in resolved.carried and "cooperation" in resolved.carried
    assert "g7" not in resolved.carried


def test_a_follow_up_on_a_text_with_no_earlier_topic_reads_as_naming_the_text(sources: SourceIndex) -> None:
    resolved = resolve("Can a state withdraw from it?", ["Tell me about the Budapest Convention"], sources)
    assert resolved.sources == ["bud"] and resolved.carried == []
    assert resolved.query == "Can a state withdraw from it? Budapest Convention"  # as typed earlier, for the dense query
    noun = resolve("Can it be amended?", ["What is the Paris Call text?"], sources)
    assert noun.query == "Can it be amended? Paris Call"  # "text" names the document, not a topic
    topic = resolve("And what about SMEs specifically?", ["What does the G7 say about awareness?"], sources)
    assert topic.sources == ["g7"] and "G7" not in topic.query  # "it" may be the earlier topic: the name is left out


@pytest.mark.slow
def test_does_another_text_agree_answers_each_text_on_the_earlier_topic(full) -> None:
    agree = full.ask("Does the G7 agree?", history=["What does the ICC say about MLATs?"])
    assert "G7 Actions for Enhancing Cybersecurity for Businesses: the text does not address this." in agree.text
    assert [c.label for c in agree.citations] == ["Takeaway 3", "Opportunity 4"], agree.text
    treaty = full.ask("Does the UN resolution disagree?", history=["What does the ICC say about a treaty?"])
    assert "A/RES/80/16: the text does not address this." in treaty.text  # not its "resolution 79/237"
    assert "Opportunity 5" in [c.label for c in treaty.citations], treaty.text


@pytest.mark.slow
def test_a_point_asked_after_its_article_is_quoted_from_that_article(full) -> None:
    point = full.ask("Point (d)?", history=["What does Article 21 of NIS 2 require?"])
    assert [c.label for c in point.citations][-1] == "Article 21, paragraph 2(d)", point.text
    paragraph = full.ask("What does paragraph 3 say?", history=["What does Article 21 require?"])
    assert {c.label for c in paragraph.citations} == {"Article 21, paragraph 3"}  # NIS 2's and the Convention's


@pytest.mark.slow
def test_withdrawing_from_it_after_tell_me_about_the_convention_finds_its_denunciation_article(full) -> None:
    answer = full.ask("Can a state withdraw from it?", history=["Tell me about the Budapest Convention"])
    assert not answer.abstained
    assert answer.citations[0].provision_id == "budapest-convention-2001/article-47/item-1"


def test_which_ones_keeps_the_source_of_the_list_asked_for(sources: SourceIndex) -> None:
    resolved = resolve("Which ones concern SMEs?", ["What are the G7's commitments?"], sources)
    assert resolved.follow_up and resolved.sources == ["g7"] and "commitments" in resolved.carried


def test_a_follow_up_naming_another_source_switches_to_it(sources: SourceIndex) -> None:
    resolved = resolve("What about the ICC?", ["What does the G7 say about information sharing?"], sources)
    assert resolved.sources == ["icc"] and "sharing" in resolved.carried


def test_asking_another_source_for_something_similar_asks_it_about_the_same_topic(sources: SourceIndex) -> None:
    resolved = resolve("Does the G7 say anything similar?", ["What does the Paris Call say about hacking back?"], sources)
    assert resolved.follow_up and not resolved.comparison  # the G7 alone is asked, about hacking back
    assert resolved.sources == ["g7"] and "hacking" in resolved.carried
    # a text of several words: its name is no topic of the question's own
    paris = resolve("Does the Budapest Convention say anything similar?", ["What does the G7 say about hacking back?"], sources)
    assert paris.follow_up and paris.sources == ["bud"] and "hacking" in paris.carried


def test_another_source_asked_whether_it_addresses_this_too_is_asked_about_the_same_topic(sources: SourceIndex) -> None:
    resolved = resolve("Does the Budapest Convention address this too?", ["What does the ICC say about MLATs?"], sources)
    assert resolved.follow_up and resolved.sources == ["bud"] and "mlats" in resolved.carried


def test_a_comparing_follow_up_naming_one_source_compares_it_with_the_earlier_one(sources: SourceIndex) -> None:
    resolved = resolve("How does the ICC differ?", ["What does the G7 say about information sharing?"], sources)
    assert resolved.comparison and resolved.sources == ["icc", "g7"] and "sharing" in resolved.carried


def test_a_self_contained_question_ignores_history(sources: SourceIndex) -> None:
    resolved = resolve("What does the Paris Call say about hacking back?", ["What did the G7 say about SMEs?"], sources)
    assert not resolved.follow_up and resolved.sources == ["paris"] and resolved.carried == []


def test_a_second_name_without_comparison_is_the_topic(sources: SourceIndex) -> None:
    resolved = resolve("What does the Paris Call say about the Budapest Convention?", [], sources)
    assert resolved.sources == ["paris"] and not resolved.comparison
    assert resolve("Compare the Paris Call and the Budapest Convention", [], sources).comparison
    # "more detailed than", "stricter than" hold two texts against each other on a topic
    detailed = resolve("Is the G7 more detailed than the ICC on SMEs?", [], sources)
    assert detailed.comparison and set(detailed.sources) == {"g7", "icc"}
    assert resolve("Is the Paris Call stricter than the G7 on hacking back?", [], sources).comparison


def test_the_first_word_of_a_name_before_a_texts_noun_names_it(sources: SourceIndex) -> None:
    assert resolve("Which Budapest articles deal with extradition?", [], sources).sources == ["bud"]
    assert resolve("What does the Budapest treaty say about extradition?", [], sources).sources == ["bud"]
    assert resolve("What does the Paris text say about hacking back?", [], sources).sources == ["paris"]
    assert resolve("What was signed in Budapest in 2001?", [], sources).sources == []  # the city, where it took place


def test_does_another_text_agree_holds_it_against_the_text_the_earlier_turn_named(sources: SourceIndex) -> None:
    agree = resolve("Does the Paris Call agree?", ["What does the ICC say about zero-day exploits?"], sources)
    assert agree.follow_up and agree.comparison and agree.sources == ["paris", "icc"]
    assert agree.carried == ["zero-day", "exploits"] or "exploits" in agree.carried
    disagree = resolve("Does the G7 declaration disagree?", ["What does the ICC say about a treaty?"], sources)
    assert disagree.comparison and disagree.sources == ["g7", "icc"] and "treaty" in disagree.carried


def test_a_noun_a_title_uses_of_another_text_is_no_word_of_its_own_name() -> None:
    un = Document(doc_id="un", title="A/RES/80/16 — Open-ended working group established pursuant to resolution 75/240",
                  issuer="United Nations General Assembly (UN)")
    ce = Document(doc_id="ce", title="Cyber Essentials: Requirements for IT infrastructure v3.1", issuer="UK NCSC")
    sources = SourceIndex([*DOCS, un, ce])
    # "resolution" names the UN text here, not its "resolution 75/240"; "requirements" is Cyber Essentials' own word
    assert "resolution" not in sources.strip("Does the UN resolution mention treaties?", ["un"], nouns=True, titled=False)
    assert "requirements" in sources.strip("What are the Cyber Essentials requirements for firewalls?", ["ce"], nouns=True,
                                           titled=False)


def test_a_city_that_begins_one_texts_name_names_it_alone(sources: SourceIndex) -> None:
    assert resolve("What does Budapest say about jurisdiction?", [], sources).sources == ["bud"]
    assert resolve("what's art 5 budapest", [], sources).sources == ["bud"]
    assert resolve("Is hacking back banned under Paris?", [], sources).sources == ["paris"]
    assert resolve("Which treaty was done at Budapest?", [], sources).sources == []


def test_a_word_some_title_writes_in_lower_case_names_no_text_alone() -> None:
    nist = Document(doc_id="nist", title="The NIST Cybersecurity Framework (CSF) 2.0", issuer="NIST")
    nis = Document(doc_id="nis", title="Directive on a high common level of cybersecurity", issuer="European Union")
    sources = SourceIndex([*DOCS, nist, nis])
    assert sources.find("Why does cybersecurity matter to SMEs?") == []
    assert sources.find("What does the Cybersecurity Framework say?") == ["nist"]


def test_both_with_one_text_named_joins_two_topics_not_two_texts(sources: SourceIndex) -> None:
    one = resolve("Which Paris Call provisions mention both states and companies?", [], sources)
    assert one.sources == ["paris"] and not one.comparison
    assert resolve("Do both the Paris Call and the G7 mention SMEs?", [], sources).comparison


@pytest.mark.parametrize("question,expected", [
    ("And what role do businesses play in that?", True), ("What about consumers?", True), ("why?", True),
    ("What did the ICC say about Mutual Legal Assistance Treaties?", False),
    ("Which ones concern SMEs?", True),  # "ones" are the things the last answer listed
    ("Which one is about treaties?", True),  # one of those the last answer listed
    ("Which of these concern suppliers?", True),
    ("Who else should be involved?", True),  # "else": besides those the last answer named
    ("Which is the most urgent?", True),  # the most urgent of those the last answer listed
    ("Which is the most common form of cybercrime in Europe?", True),
    ("How long must the password part be?", True),  # a part of the thing asked about before
    ("What does the first part of the ICC note say?", False),  # a part of a text, named
])
def test_follow_up_detection(question: str, expected: bool) -> None:
    assert is_follow_up(question) is expected


def test_a_question_whose_subject_is_the_last_answer_is_a_follow_up(sources: SourceIndex) -> None:
    earlier = ["Which acts involving child sexual abuse material must be made criminal offences under the Budapest Convention?"]
    resolved = resolve("Does that cover material showing someone who only looks like a minor?", earlier, sources)
    assert resolved.follow_up and resolved.sources == ["bud"] and "sexual" in resolved.carried


def test_a_short_yes_no_question_naming_no_source_asks_about_the_earlier_topic(sources: SourceIndex) -> None:
    earlier = ["What kinds of second factor does the Budapest Convention accept?"]
    resolved = resolve("Is a text message code good enough?", earlier, sources)
    assert resolved.follow_up and resolved.sources == ["bud"] and "factor" in resolved.carried
    named = resolve("Is the Paris Call binding?", earlier, sources)  # it names its own source: a new topic
    assert not named.follow_up and named.sources == ["paris"]
    long = resolve("Is international law applicable to state behaviour in cyberspace?", earlier, sources)
    assert not long.follow_up


def test_the_source_a_question_is_attributed_to_wins_over_one_it_mentions(sources: SourceIndex) -> None:
    resolved = resolve("What should governments do about the Budapest Convention, according to the ICC?", [], sources)
    assert resolved.sources == ["icc"]
    assert resolve("Given the Paris Call, is hacking back an offence under the Budapest Convention?", [], sources).sources == ["bud"]
    assert resolve("What does the Paris Call say about the Budapest Convention?", [], sources).sources == ["paris"]
    assert resolve("What does the Paris Call say about cooperation under the Budapest Convention?", [], sources).sources == ["paris"]


def test_only_the_issuers_name_frames_a_question() -> None:
    paris = Document(doc_id="paris", title="Paris Call for Trust and Security in Cyberspace",
                     issuer="Government of France (launched in Paris); open to endorsement by States and companies")
    issuers = SourceIndex([paris]).issuer_terms(["paris"])
    assert {"govern", "franc"} <= issuers
    assert not {"endors", "state", "compani", "launch"} & issuers  # notes about the text, not who speaks


def test_a_word_of_an_issuers_name_frames_a_question_only_where_it_names_the_issuer() -> None:
    ncsc = Document(doc_id="ce", title="Cyber Essentials", issuer="UK National Cyber Security Centre (NCSC)")
    index = SourceIndex([*DOCS, ncsc])
    assert index.framing(["icc"], "Does the ICC support a new international treaty?") == frozenset()  # a topic here
    assert {"internat", "chamber", "commerc"} <= index.framing(["icc"], "What does the International Chamber of Commerce say?")
    assert index.framing(["ce"], "What does Cyber Essentials say about security updates?") == frozenset()
    assert {"nation", "cyber", "secur", "centr"} <= index.framing(["ce"], "What does the National Cyber Security Centre say?")
    assert index.framing(["g7"], "What did the G7 ministers commit to on awareness?") == {"minist"}  # the issuer, after the name


def test_the_longest_name_of_a_source_is_stripped_whatever_the_hash_seed() -> None:
    import subprocess
    import sys

    script = (
        "from assistant.conversation import SourceIndex\n"
        "from assistant.types import Document\n"
        "d = Document(doc_id='icc', title='ICC Board Briefing: 30 Global Business Leaders – 5 Takeaways',"
        " issuer='International Chamber of Commerce (ICC)')\n"
        "print(SourceIndex([d]).strip('What was the ICC board briefing organised to discuss?'))\n"
    )
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": str(seed)}).stdout for seed in range(1, 6)}
    assert len(outputs) == 1 and "briefing" not in outputs.pop()  # one result, the whole name gone


def test_two_sources_side_by_side_are_compared(sources: SourceIndex) -> None:
    resolved = resolve("How do the Paris Call and the Budapest Convention treat cooperation?", [], sources)
    assert resolved.comparison and resolved.sources == ["paris", "bud"]
    single = resolve("What does the Paris Call say about cooperation under the Budapest Convention?", [], sources)
    assert not single.comparison and single.sources == ["paris"]
    nouned = resolve("What do the Paris Call declaration and the Budapest Convention agree on?", [], sources)
    assert nouned.comparison and nouned.sources == ["paris", "bud"]  # a text's noun between the name and "and"
    related = resolve("How does the Paris Call relate to the Budapest Convention?", [], sources)
    assert related.comparison and related.sources == ["paris", "bud"]  # how two texts stand, not one on a topic
    assert compared_topic("How does it relate to that on cooperation?").split() == ["How", "does", "it", "that", "on", "cooperation?"]


def test_what_two_texts_have_in_common_on_a_topic_is_about_the_topic() -> None:
    assert compared_topic("What do they have in common on SMEs?").split() == ["What", "do", "they", "have", "on", "SMEs?"]


def test_a_comparisons_own_words_are_not_its_topic() -> None:
    assert compared_topic("How do they differ on supply chains?").split() == ["How", "do", "they", "on", "supply", "chains?"]


def test_a_version_after_a_name_is_part_of_it() -> None:
    nist = Document(doc_id="nist", title="The NIST Cybersecurity Framework (CSF) 2.0, NIST CSWP 29", issuer="NIST")
    assert "CSF 2.0" in aliases(nist)
    assert "2.0" not in SourceIndex([nist]).strip("Under CSF 2.0, what is monitored?", ["nist"])  # no topic "2.0"


def test_a_text_named_by_its_year_is_the_one_text_of_that_year() -> None:
    g7 = Document(doc_id="g7", title="G7 Actions for Enhancing Cybersecurity for Businesses", year=2017)
    paris = Document(doc_id="paris", title="Paris Call for Trust and Security in Cyberspace", year=2018)
    other = Document(doc_id="other", title="Another Declaration of Ministers", year=2018)
    sources = SourceIndex([g7, paris, other])
    assert sources.find("What does the 2017 text say about consumers?") == ["g7"]
    assert sources.strip("What does the 2017 text say about consumers?").split() == ["What", "does", "the", "say", "about", "consumers?"]
    assert sources.find("What did the 2018 declaration say?") == []  # two texts of 2018: the year names neither
    assert sources.find("What happened in 2017?") == []  # a year alone is a date, not a text


def test_a_document_noun_after_its_name_is_no_topic_of_a_question_about_the_text(sources: SourceIndex) -> None:
    question = "When was the G7 ministers' declaration adopted?"
    assert sources.strip(question, ["g7"], nouns=True).split() == ["When", "was", "the", "adopted?"]
    assert "declaration" in sources.strip(question, ["g7"])  # other questions keep it


def test_a_noun_naming_the_text_is_no_topic_unless_the_texts_own_title_uses_it(sources: SourceIndex) -> None:
    # "paper" is no word of the ICC's: a topic of it would find the question off the text's vocabulary
    assert sources.strip("What does the ICC paper recommend for SMEs?", ["icc"], nouns=True, titled=False).split() == \
        ["What", "does", "the", "recommend", "for", "SMEs?"]
    # "Briefing" is its title's word, as "requirements" is Cyber Essentials': the question may be about them
    assert "briefing" in sources.strip("Who attended the ICC briefing?", ["icc"], nouns=True, titled=False)
    assert "briefing" not in sources.strip("Who attended the ICC briefing?", ["icc"], nouns=True)


def test_a_follow_up_naming_another_place_leaves_the_earlier_place_behind(sources: SourceIndex) -> None:
    resolved = resolve("And Article 29?", ["What does Article 24 of the Budapest Convention say?"], sources)
    assert resolved.sources == ["bud"] and "24" not in resolved.query.split()
    kept = resolve("And paragraph 2?", ["What does Article 24 of the Budapest Convention say?"], sources)
    assert "24" in kept.query.split()  # a minor place is a place within the earlier one


def test_a_place_within_the_earlier_article_carries_the_article_not_its_topic(sources: SourceIndex) -> None:
    point = resolve("What does point (d) say?", ["What does Article 21 require?"], sources)
    assert point.follow_up and point.query.endswith("article 21") and "require" not in point.query
    paragraph = resolve("Point (d)?", ["What does Article 21 of the Budapest Convention require?"], sources)
    assert paragraph.sources == ["bud"] and paragraph.query == "Point (d)? article 21"


def test_differently_compares_only_two_named_texts(sources: SourceIndex) -> None:
    assert resolve("How does the ICC treat SMEs differently from the G7?", [], sources).comparison
    assert not resolve("Does the ICC want cyber seen differently than disarmament?", [], sources).comparison


@pytest.mark.parametrize(("question", "found"), [
    ("What does nis-2 require?", ["nis2"]),
    ("What does NIS2 require?", ["nis2"]),
    ("What does the G-7 say about SMEs?", ["g7"]),
    ("What did the G 7 ministers say?", ["g7"]),
    ("What does the Pairs Call say about hacking back?", ["paris"]),  # one slip in one word
    ("What does the Budapset Convention say about jurisdiction?", ["bud"]),
    ("What does the Christchurch Call say?", []),  # another call altogether
    ("What do the Paris Call and the Pairs Call say?", ["paris"]),  # an exact name: no guessing at slips
])
def test_a_name_typed_with_a_hyphen_without_a_space_or_with_one_slip_still_names_its_text(question: str, found: list[str]) -> None:
    nis2 = Document(doc_id="nis2", title="Directive (EU) 2022/2555 (NIS 2 Directive) — Article 21", issuer="European Parliament")
    index = SourceIndex([*DOCS, nis2])
    assert index.find(question) == found
    if found == ["paris"] and "Pairs" in question and "Paris" not in question:
        assert "Pairs" not in index.strip(question, found)  # the misspelt name is no topic either


def test_names_are_runs_of_capitalised_words_after_the_first() -> None:
    assert names("Did the United States endorse the Paris Call?") == ["United States", "Paris Call"]
    assert names("Which companies signed the Cybersecurity Tech Accord?") == ["Cybersecurity Tech Accord"]
    assert names("Does the NIST CSF cover Microsoft 365?") == []  # acronyms and single words are no names here
    assert names("United Nations") == []  # a question's first capital says nothing
    assert names("What Does The Paris Call Say About Cyber Hygiene?") == []  # title case is a style


@pytest.mark.parametrize(("question", "of_a_text"), [
    ("When was it adopted?", True), ("Who wrote it and when?", True), ("Who is the author of that text?", True),
    ("Who issued this document?", True),
    ("Who adopts them?", False),  # amendments, not a text
    ("When does it apply?", False), ("Who should do it?", False),  # what something in the text does
])
def test_a_follow_up_asking_how_a_text_came_about_is_told_apart(question: str, of_a_text: bool) -> None:
    assert asks_of_text(question) is of_a_text


def test_an_origin_follow_up_is_asked_of_the_text_by_name() -> None:
    assert of_text("When was it adopted?", "the Paris Call") == "When was the Paris Call adopted?"
    assert of_text("Who is the author of that text?", "ICC Board Briefing") == "Who is the author of ICC Board Briefing?"
    assert of_text("Who is the author?", "the Paris Call") == "Who is the author, the Paris Call?"


@pytest.mark.parametrize("question", [
    "Does the ICC agree with the G7 on information sharing?",
    "Is the ICC on the same page as the G7 regarding information sharing?",
    "Does the ICC share the G7's view on information sharing?",
    "Is the ICC briefing in line with the G7 on information sharing?",
])
def test_one_text_held_against_another_compares_the_two(sources: SourceIndex, question: str) -> None:
    resolved = resolve(question, [], sources)
    assert resolved.comparison and resolved.sources == ["icc", "g7"]
    topic = compared_topic(sources.strip(question, resolved.sources, nouns=True)).lower()
    assert "information sharing" in topic and not any(w in topic for w in ("same page", "line with", "view", " share "))


def test_a_text_doing_something_with_another_is_not_a_comparison(sources: SourceIndex) -> None:
    resolved = resolve("Does the G7 share information with the ICC?", [], sources)
    assert not resolved.comparison and resolved.sources == ["g7"]
