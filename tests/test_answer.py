"""The extractive composer: verbatim quotes, concise answers, bullets, sections, honest abstention."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant import Assistant
from assistant.answer import Composer
from assistant.config import AnswerSettings
from assistant.conversation import Resolved
from assistant.query import Analyzed
from assistant.hits import Scored
from assistant.types import Document, Hit

G7 = Document(doc_id="g7", title="G7 Actions for Enhancing Cybersecurity for Businesses", issuer="G7 ICT and Industry Ministers",
              date="26 September 2017")
ICC = Document(doc_id="icc", title="ICC Board Briefing: 5 Takeaways", issuer="International Chamber of Commerce (ICC)",
               date="08 February (year not stated)")


def scored(pid: str, text: str, cosine: float = 0.7, coverage: float = 1.0, doc: Document = G7, **extra: object) -> Scored:
    hit = Hit(provision_id=pid, doc_id=doc.doc_id, doc_title=doc.title, label=str(extra.pop("label", pid)), text=text,
              score=cosine, issuer=doc.issuer, date=doc.date, **extra)
    return Scored(hit, cosine, coverage, cosine + 0.35 * coverage)


def analyzed(question: str, unknown: list[str] | None = None) -> Analyzed:
    return Analyzed(question, question, keyterms={"csirt": 5.0, "cooper": 3.0}, unknown=unknown or [])


@pytest.fixture
def composer() -> Composer:
    return Composer(AnswerSettings(), 0.35, {"g7": G7, "icc": ICC})


ACTION = ("Foster constructive cooperation amongst the G7 countries' national CSIRTs and between CSIRTs and "
          "businesses of all sizes, in order to exchange information about cyber threats and vulnerabilities;")


def test_one_fact_answer_names_actor_date_and_quotes_verbatim(composer: Composer) -> None:
    hit = scored("g7/objective-2/item-1", ACTION, label="Objective 2, action 1", intro="To this end we intend to:",
                 actor="G7 ICT and Industry Ministers", kind="commitment")
    answer = composer.compose(Resolved("q", "q"), analyzed("What did the G7 commit to on CSIRT cooperation?"), [hit], [])
    assert not answer.abstained and len(answer.citations) == 1
    citation = answer.citations[0]
    assert citation.quote in citation.text and citation.quote in answer.text
    assert answer.text.startswith("The G7 ICT and Industry Ministers (26 September 2017) intend to")
    assert "[1]" in answer.text and "Objective 2, action 1" in answer.text


def test_long_provisions_are_quoted_in_part(composer: Composer) -> None:
    filler = "This sentence is about something else entirely and goes on for a while. " * 8
    text = filler + "National CSIRTs are the main focal point for cooperation. " + filler
    answer = composer.compose(Resolved("q", "q"), analyzed("csirt cooperation"), [scored("g7/p", text)], [])
    quote = answer.citations[0].quote
    assert "main focal point" in quote and quote in text and len(quote) <= AnswerSettings().quote_chars


def test_a_place_asked_for_is_quoted_from_its_start_not_where_its_kind_word_recurs(composer: Composer) -> None:
    text = ("Governments need to prioritize agreement on how the norms apply in the real world. "
            + "The level of implementation has an impact on trust online, and it matters a great deal here. " * 4
            + "Opportunities for the private sector to better influence global understanding should be stepped up.")
    asked = Analyzed("What does opportunity 1 say?", "What does opportunity 1 say?", keyterms={"opportun": 4.5, "1": 0.5},
                     references=frozenset({("opportunity", "1")}))
    assert len(text) > AnswerSettings().quote_chars
    assert composer.quote(text, asked).startswith("Governments need to prioritize")


def test_a_long_sentence_is_quoted_whole_with_its_main_clause(composer: Composer) -> None:
    sentence = ("This article shall not be interpreted as imposing criminal liability where the making available of "
                + "tools, devices and access codes, " * 8 + "is for the authorised testing of CSIRT cooperation.")
    assert AnswerSettings().quote_chars < len(sentence) <= 1.5 * AnswerSettings().quote_chars
    text = sentence + " A second sentence on another matter follows here."
    answer = composer.compose(Resolved("q", "q"), analyzed("csirt cooperation"), [scored("g7/p", text)], [])
    assert answer.citations[0].quote == sentence


def test_a_when_question_quotes_the_sentence_that_states_the_moment(composer: Composer) -> None:
    from assistant import shapes

    extend = ("Any State may, at any later date, by a declaration addressed to the Secretary General of the Council of "
              "Europe, extend the application of this Convention to any other territory specified in the declaration, "
              "whether a territory for whose international relations it is responsible or on whose behalf it may act.")
    moment = ("In respect of such territory the Convention shall enter into force on the first day of the month following "
              "the expiration of a period of three months after the date of receipt of the declaration.")
    question = "When does the Convention apply to a territory a State adds later by declaration?"
    ask = Analyzed(question, question, keyterms={"territori": 3.4, "state": 2.8, "later": 1.7, "declar": 4.3, "appli": 2.7},
                   answer_shapes=shapes.answers(question))
    assert len(extend) + len(moment) > AnswerSettings().quote_chars  # only one of the two fits
    assert composer.quote(f"{extend} {moment}", ask) == moment  # though the first shares more of the question's words


def test_a_short_sentence_after_a_long_one_is_quoted_with_it(composer: Composer) -> None:
    sentence = ("Any State may declare that it avails itself of the reservations on CSIRT cooperation provided for in "
                + "Article 4, paragraph 2, " * 14 + "and Article 41, paragraph 1.")
    rule = "No other reservation on CSIRT cooperation may be made."  # the rule itself, in a short sentence
    text = f"{sentence} {rule}"
    assert AnswerSettings().quote_chars < len(text) <= 1.5 * AnswerSettings().quote_chars
    answer = composer.compose(Resolved("q", "q"), analyzed("csirt cooperation"), [scored("g7/p", text)], [])
    assert answer.citations[0].quote == text
    aside = composer.compose(Resolved("q", "q"), analyzed("csirt cooperation"), [scored("g7/p", f"{sentence} Done.")], [])
    assert aside.citations[0].quote == sentence  # a short sentence on nothing asked stays out


def test_list_questions_get_bullets_in_document_order(composer: Composer) -> None:
    hits = [scored(f"g7/item-{n}", f"Action number {n} on CSIRT cooperation.", 0.7 - n * 0.01, char_start=100 * (5 - n),
                   label=f"action {n}", intro="To this end we intend to:") for n in (1, 2, 3)]
    question = "What are the actions on CSIRT cooperation?"
    answer = composer.compose(Resolved(question, question), analyzed(question), hits, [])
    assert answer.text.count("\n- ") == 3
    assert [c.label for c in answer.citations] == ["action 3", "action 2", "action 1"]  # reading order of the text
    for citation in answer.citations:
        assert f"“{citation.quote}” [{citation.n}]" in answer.text


def test_what_a_text_requires_is_the_whole_list_its_requirement_introduces() -> None:
    intro = "For all firewalls, your organisation must:"
    texts = ["change default administrative passwords", "block unauthenticated inbound connections by default"]
    items = [Hit(provision_id=f"ce/item-{n}", doc_id="g7", doc_title=G7.title, label=f"item {n}", text=text, score=0.5,
                 intro=intro, char_start=100 + n) for n, text in enumerate(texts, 1)]
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, list_items=lambda hit: items if hit.text == intro else [])
    pool = [scored("ce/para-2", "Most laptops come with a software firewall pre-installed.", 0.72, char_start=10),
            scored("ce/para-3", intro, 0.70, char_start=50)]
    question = "What does the scheme require for firewalls?"
    answer = composer.compose(Resolved(question, question), analyzed(question), pool, [])
    assert [c.provision_id for c in answer.citations][-3:] == ["ce/para-3", "ce/item-1", "ce/item-2"]
    said = "What does the scheme say about firewalls?"  # no requirement asked: the best-supported provisions
    assert "ce/item-2" not in [c.provision_id for c in composer.compose(Resolved(said, said), analyzed(said), pool, []).citations]


def test_a_question_asking_for_kinds_of_something_gets_the_whole_list() -> None:
    intro = "There are four types of additional factor to consider:"
    texts = ["a managed/enterprise device", "an app on a trusted device", "a physically separate token"]
    items = [Hit(provision_id=f"ce/item-{n}", doc_id="g7", doc_title=G7.title, label=f"item {n}", text=text, score=0.5,
                 intro=intro, char_start=100 + n) for n, text in enumerate(texts, 1)]
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, list_items=lambda hit: items if hit.text == intro else [])
    opening = scored("ce/para-1", "You should always use multi-factor authentication for administrative accounts.", 0.72,
                     char_start=10)
    pool = [opening, scored("ce/para-3", intro, 0.71, char_start=50), scored("ce/item-3", texts[2], 0.70, char_start=103)]
    question = "What kinds of second factor can be used?"
    answer = composer.compose(Resolved(question, question), analyzed(question), pool, [])
    assert [c.provision_id for c in answer.citations] == ["ce/para-1", "ce/para-3", "ce/item-1", "ce/item-2", "ce/item-3"]
    singular = "What kind of factor is best?"  # one kind: the best-supported provisions, no list
    assert len(composer.compose(Resolved(singular, singular), analyzed(singular), pool, []).citations) < 5


def test_a_purpose_question_is_answered_first_by_the_sections_stated_aim(composer: Composer) -> None:
    applies = scored("ce/d-5/para-1", "Applies to: Servers, desktop computers, laptops", 0.75, char_start=10,
                     heading_path=["Cyber Essentials", "D.5 Malware protection"])
    aim = scored("ce/d-5/aim/para-1", "To restrict execution of known malware and untrusted software.", 0.70, char_start=60,
                 heading_path=["Cyber Essentials", "D.5 Malware protection", "Aim"])
    question = "What is the aim of malware protection?"
    purpose = Analyzed(question, question, keyterms={"malwar": 3.0, "protect": 1.0}, purpose=True)
    answer = composer.compose(Resolved(question, question), purpose, [applies, aim], [])
    assert answer.citations[0].provision_id == "ce/d-5/aim/para-1"
    plain = Analyzed(question, question, keyterms={"malwar": 3.0, "protect": 1.0})
    assert composer.compose(Resolved(question, question), plain, [applies, aim], []).citations[0].provision_id == "ce/d-5/para-1"


def test_a_short_table_row_is_an_answer_not_a_dateline(composer: Composer) -> None:
    row = scored("ce/c-iv/uac/para-3", "SaaS Your organisation", 0.60, kind="context", char_start=900)
    applies = scored("ce/d-4/para-1", "Applies to: servers, desktop computers, laptops, IaaS, PaaS, SaaS", 0.55,
                     kind="context", char_start=100)
    question = "For SaaS, who is responsible for user access control?"
    answer = composer.compose(Resolved(question, question), analyzed(question), [row, applies], [])
    assert answer.citations[0].provision_id == "ce/c-iv/uac/para-3"
    dateline = scored("paris/para-20", "Paris, 12th of November, 2018", 0.60, doc=ICC, kind="context")
    body = scored("paris/para-2", "We reaffirm our support to an open, secure, stable cyberspace.", 0.55, doc=ICC)
    dated = composer.compose(Resolved(question, question), analyzed(question), [dateline, body], [])
    assert dated.citations[0].provision_id == "paris/para-2"  # a dateline still yields to substance


INTRO = ("Each Party shall establish as criminal offences, when committed intentionally and without right, "
         "the causing of a loss of property to another person by:")


def test_a_list_item_that_is_a_fragment_is_quoted_after_the_sentence_it_completes() -> None:
    lead = Hit(provision_id="t/article-8/para-1", doc_id="g7", doc_title=G7.title, label="Article 8", text=INTRO, score=0.5)
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, list_intro=lambda hit: lead if hit.intro else None)
    item = scored("t/article-8/item-a", "any input, alteration, deletion or suppression of computer data;",
                  label="Article 8(a)", intro=INTRO, char_start=200)
    question = "How is computer fraud described?"
    answer = composer.compose(Resolved(question, question), analyzed(question), [item], [])
    assert [c.provision_id for c in answer.citations] == ["t/article-8/para-1", "t/article-8/item-a"]
    assert answer.citations[0].quote in INTRO and "loss of property" in answer.text
    assert answer.text.index("loss of property") < answer.text.index("any input")


def test_a_fragment_cited_second_also_comes_after_the_sentence_it_completes() -> None:
    intro = "In addition, a request for preservation may only be refused if:"
    lead = Hit(provision_id="b/article-29/item-5", doc_id="g7", doc_title=G7.title, label="Article 29(5)", text=intro, score=0.5,
               char_start=250)
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, list_intro=lambda hit: lead if hit.intro else None)
    first = scored("b/article-29/item-4", "A Party that requires dual criminality may reserve the right to refuse the request.",
                   label="Article 29(4)", char_start=100)
    ground = scored("b/article-29/item-5/item-b", "the requested Party considers that execution of the request is likely "
                    "to prejudice its sovereignty.", cosine=0.68, label="Article 29(5)(b)", intro=intro, char_start=300)
    question = "On what grounds can a request be refused?"
    answer = composer.compose(Resolved(question, question), analyzed(question), [first, ground], [])
    assert [c.provision_id for c in answer.citations] == [
        "b/article-29/item-4", "b/article-29/item-5", "b/article-29/item-5/item-b"]
    assert answer.text.index("may only be refused if") < answer.text.index("prejudice its sovereignty")


def test_an_actors_own_framing_is_not_repeated_before_its_items() -> None:
    framing = Hit(provision_id="g7/objective-2/para-5", doc_id="g7", doc_title=G7.title, label="Objective 2",
                  text="To this end we intend to:", score=0.5)
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, list_intro=lambda hit: framing)
    item = scored("g7/objective-2/item-1", "foster cooperation amongst CSIRTs;", intro="To this end we intend to:",
                  actor="G7 ICT and Industry Ministers")
    answer = composer.compose(Resolved("q", "q"), analyzed("csirt cooperation"), [item], [])
    assert [c.provision_id for c in answer.citations] == ["g7/objective-2/item-1"]


def test_weak_evidence_abstains_with_related_passages(composer: Composer) -> None:
    weak = scored("g7/p", "Cooperation represents the key factor.", cosine=0.4, coverage=0.1)
    answer = composer.compose(Resolved("q", "q"), analyzed("quantum computing"), [weak], [weak])
    assert answer.abstained and answer.citations == []
    assert "does not address" in answer.text
    assert [r.provision_id for r in answer.related] == ["g7/p"]


def test_a_long_provisions_parts_are_one_related_passage(composer: Composer) -> None:
    parts = [scored("g7/p", f"Cooperation represents the key factor, part {n}.", cosine=0.4 - n / 100, coverage=0.1,
                    part=n, part_count=3) for n in (1, 2, 3)]
    other = scored("g7/q", "Trust is built over time.", cosine=0.3, coverage=0.1)
    answer = composer.compose(Resolved("q", "q"), analyzed("quantum computing"), parts, [parts[0], parts[2], other, parts[1]])
    assert [(r.provision_id, r.part) for r in answer.related] == [("g7/p", 1), ("g7/q", 1)]


def test_unknown_terms_make_it_abstain_even_with_good_passages(composer: Composer) -> None:
    # the passage covers every known term ('cooper', 3 of 8), as well as a passage can when 'csirt' is unknown
    good = scored("g7/p", ACTION, cosine=0.6, coverage=0.375)
    answer = composer.compose(Resolved("q", "q"), analyzed("quantum csirts", unknown=["csirt"]), [good], [good])
    assert answer.abstained


def test_a_close_match_outweighs_a_paraphrased_word(composer: Composer) -> None:
    """'Is helping someone commit a cybercrime an offence?' when the text says 'aiding': the words differ, the meaning not."""
    question = Analyzed("q", "q", keyterms={"csirt": 2.0, "cooper": 3.0}, unknown=["csirt"])  # unknown share 0.4
    close = scored("g7/p", ACTION, cosine=0.8, coverage=0.6)
    assert not composer.compose(Resolved("q", "q"), question, [close], [close]).abstained
    loose = scored("g7/p", ACTION, cosine=0.55, coverage=0.6)
    assert composer.compose(Resolved("q", "q"), question, [loose], [loose]).abstained


def abstains(composer: Composer, question: str, evidence: Scored) -> bool:
    """Return True when the composer refuses to answer question from this one provision."""
    return composer.compose(Resolved(question, question), analyzed(question), [evidence], []).abstained


def test_quantity_questions_need_a_number(composer: Composer) -> None:
    no_number = scored("g7/p", "Passwords should be long and unique.")
    question = "How many characters must a password have?"
    assert abstains(composer, question, no_number)


def test_a_digit_inside_a_name_or_an_ordinal_is_no_number(composer: Composer) -> None:
    question = "How many CSIRTs does each country run?"
    g7_only = scored("g7/p", "Effective cooperation among G7 countries and national CSIRTs replaces 20th century ways.")
    assert abstains(composer, question, g7_only)
    counted = scored("g7/q", "Each G7 country runs 2 national CSIRTs.")
    assert not abstains(composer, question, counted)
    often = "How often must CSIRTs cooperate?"
    periodic = scored("g7/r", "National CSIRTs shall consult periodically on cooperation.")
    assert not abstains(composer, often, periodic)


def test_what_score_or_age_asks_for_a_value(composer: Composer) -> None:
    question = "What CVSS score makes an update high risk?"
    vague = scored("ce/p", "See the precise definition of high risk updates in the Common Vulnerability Scoring System.")
    assert abstains(composer, question, vague)
    valued = scored("ce/q", "High risk updates are those with a CVSS3 score of 7 or above.")
    assert not abstains(composer, question, valued)


def test_a_number_naming_a_place_is_no_count(composer: Composer) -> None:
    """'How many countries have ratified it?' is not answered by a clause citing 'Article 4, paragraph 2'."""
    question = "How many countries have ratified the Convention?"
    places = scored("bud/p", "Any State may declare that it avails itself of the reservations in Article 4, paragraph 2, "
                             "Articles 29 and 30, and Article 27, paragraph 9.e.")
    assert abstains(composer, question, places)
    long = "How long must the data be preserved?"
    spelled = scored("bud/q", "The Party shall preserve the data under Article 16 for up to a maximum of ninety days.")
    assert not abstains(composer, long, spelled)


def test_comparison_has_a_section_per_source(composer: Composer) -> None:
    sections = {
        "g7": [scored("g7/item-6", "Promote information sharing through ISACs.", label="Objective 2, action 6")],
        "icc": [scored("icc/opp-3", "There should be greater information sharing by governments.", doc=ICC, label="Opportunity 3")],
    }
    answer = composer.compose(Resolved("q", "q", comparison=True), analyzed("compare"), [], [], sections)
    assert [c.doc_id for c in answer.citations] == ["g7", "icc"]
    assert "According to G7 Actions" in answer.text and "According to ICC Board Briefing (ICC, 08 February)" in answer.text


def test_of_near_equal_provisions_the_earlier_in_the_document_leads(composer: Composer) -> None:
    later = scored("g7/p-9", "CSIRT cooperation in the special cases listed here.", 0.71, char_start=900, label="paragraph 9")
    earlier = scored("g7/p-1", "CSIRT cooperation as the general rule.", 0.70, char_start=100, label="paragraph 1")
    weaker = scored("g7/p-0", "CSIRT cooperation mentioned in passing.", 0.60, char_start=50, label="paragraph 0")
    answer = composer.compose(Resolved("q", "q"), analyzed("csirt cooperation"), [later, earlier, weaker], [])
    assert [c.label for c in answer.citations] == ["paragraph 1", "paragraph 9"]


def test_a_dateline_alone_still_answers_a_when_question(composer: Composer) -> None:
    dateline = scored("g7/dateline", "26 September 2017", 0.8, kind="context", label="dateline")
    answer = composer.compose(Resolved("q", "q"), analyzed("When were the CSIRT cooperation actions adopted?"), [dateline], [])
    assert not answer.abstained and answer.citations[0].quote == "26 September 2017"


def test_a_lead_that_only_introduces_a_list_brings_its_items() -> None:
    intro = "If you use anti-malware software to protect your device it must be configured to:"
    texts = ["prevent malware from running", "be updated in line with vendor advice"]
    items = [Hit(provision_id=f"ce/item-{n}", doc_id="g7", doc_title=G7.title, label=f"item {n}", text=text, score=0.5,
                 intro=intro) for n, text in enumerate(texts, 1)]
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, list_items=lambda hit: items if hit.text == intro else [])
    lead = scored("ce/para-3", intro, 0.76, label="paragraph 3")
    question = "What does it say on configuring anti-malware software?"  # no list word; the lead alone says nothing
    answer = composer.compose(Resolved(question, question), analyzed(question), [lead], [])
    assert [c.provision_id for c in answer.citations] == ["ce/para-3", "ce/item-1", "ce/item-2"]
    assert "prevent malware from running" in answer.text


def test_a_cited_list_follows_its_introduction_in_the_texts_order() -> None:
    intro = "Only approved applications, restricted by code signing, are allowed to execute on devices. You must:"
    texts = ["actively approve such applications before deploying them to devices",
             "maintain a current list of approved applications"]
    items = [Hit(provision_id=f"ce/item-{n}", doc_id="g7", doc_title=G7.title, label=f"item {n}", text=text, score=0.5,
                 intro=intro, char_start=100 * n, heading_path=["Allow listing"]) for n, text in enumerate(texts, 1)]
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, list_items=lambda hit: items if hit.text == intro else [])
    lead = scored("ce/para-1", intro, 0.76, label="paragraph 1", heading_path=["Allow listing"])
    second = scored("ce/item-2", texts[1], 0.75, label="item 2", intro=intro, char_start=200, heading_path=["Allow listing"])
    example = scored("ce/intro/para-4", "Example: only vetted applications may execute on devices.", 0.74,
                     label="Introduction, paragraph 4", char_start=5, heading_path=["Introduction"])  # kept in rank order
    question = "Which applications are allowed to run?"
    answer = composer.compose(Resolved(question, question), analyzed(question), [lead, second, example], [])
    assert [c.provision_id for c in answer.citations] == ["ce/para-1", "ce/item-1", "ce/item-2", "ce/intro/para-4"]


def test_a_list_cited_whole_is_led_by_its_introduction_and_read_in_the_texts_order() -> None:
    intro_text = "We recognize the need for trust. To that end we will work together, notably in order to:"
    texts = ["Firewalls", "Secure configuration", "Malware protection"]
    items = [Hit(provision_id=f"ce/item-{n}", doc_id="g7", doc_title=G7.title, label=f"item {n}", text=text, score=0.5,
                 intro="To that end we will work together, notably in order to:", char_start=100 * n, heading_path=["A"])
             for n, text in enumerate(texts, 1)]
    intro = Hit(provision_id="ce/para-1", doc_id="g7", doc_title=G7.title, label="paragraph 1", text=intro_text, score=0.5,
                heading_path=["A"])
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, list_items=lambda hit: items if hit.text == intro_text else [],
                        list_intro=lambda hit: intro if hit.intro else None)
    other = scored("ce/scope/para-1", "Asset management can help meet all the controls of the scheme.", 0.80,
                   label="Scope, paragraph 1", char_start=900, heading_path=["Scope"])
    ranked = [other, *(scored(h.provision_id, h.text, 0.76 - n / 100, label=h.label, intro=h.intro, char_start=h.char_start,
                              heading_path=["A"]) for n, h in enumerate(reversed(items)))]  # "Malware protection" ranks first
    question = "What are the controls?"
    answer = composer.compose(Resolved(question, question), analyzed(question), ranked, [])
    assert [c.provision_id for c in answer.citations] == [
        "ce/scope/para-1", "ce/para-1", "ce/item-1", "ce/item-2", "ce/item-3"]
    assert answer.citations[1].quote == intro_text.rstrip(":")  # quoted as a lead-in, whole where it fits, not by topic
    partial = composer.compose(Resolved(question, question), analyzed(question), [other, *ranked[1:3]], [])
    assert "ce/para-1" not in [c.provision_id for c in partial.citations]  # two of three items: no list to introduce


def test_a_short_record_line_that_covers_the_question_joins_the_answer(composer: Composer) -> None:
    owned = scored("ce/student/para-1", "Owned by your organisation In scope", 0.72, coverage=1.0, char_start=10,
                   label="Student, paragraph 1")
    byod = scored("ce/student/para-3", "BYOD Out of scope", 0.73, coverage=1.0, char_start=90, kind="context",
                  label="Student, paragraph 3")
    dateline = scored("ce/dateline", "London, January 2023", 0.72, coverage=0.0, kind="context", label="dateline")
    question = "Are students' own devices in scope?"
    answer = composer.compose(Resolved(question, question), analyzed(question), [byod, owned, dateline], [])
    assert [c.provision_id for c in answer.citations] == ["ce/student/para-1", "ce/student/para-3"]
    assert "Out of scope" in answer.text


def test_a_list_introduction_is_a_lead_in_not_a_second_answer() -> None:
    intro = "Wireless devices (including wireless access points) are:"
    lead_in = Hit(provision_id="ce/c-iii/para-1", doc_id="g7", doc_title=G7.title, label="paragraph 1", text=intro,
                  score=0.5, kind="context")
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, list_intro=lambda hit: lead_in if hit.intro else None)
    out = scored("ce/c-iii/item-2", "out of scope if an attacker cannot reach them via the internet", 0.76, coverage=0.5,
                 intro=intro, char_start=300, label="item 2")
    inside = scored("ce/c-iii/item-1", "in scope if they can communicate via the internet", 0.70, coverage=0.5,
                    intro=intro, char_start=200, label="item 1")
    framing = scored("ce/c-iii/para-1", intro, 0.65, coverage=0.6, kind="context", char_start=100, label="paragraph 1")
    question = "Are wifi access points in scope?"
    answer = composer.compose(Resolved(question, question), analyzed(question), [out, framing, inside], [])
    assert {c.provision_id for c in answer.citations} == {"ce/c-iii/para-1", "ce/c-iii/item-1", "ce/c-iii/item-2"}


def test_items_of_one_list_that_all_answer_equally_are_all_cited_in_order(composer: Composer) -> None:
    things = ["Networks", "The physical environment", "Personnel activity", "Supplier services", "Computing hardware",
              "Runtime environments"]
    hits = [scored(f"g7/cm-{n}", f"{thing} are monitored to find CSIRT cooperation events", 0.70 - 0.005 * ((n * 7) % 6),
                   char_start=100 * n, heading_path=["Detect", "Continuous Monitoring"], label=f"CM-{n}")
            for n, thing in enumerate(things)]
    question = "What should be monitored for CSIRT cooperation?"
    answer = composer.compose(Resolved(question, question), analyzed(question), hits, [])
    assert [c.label for c in answer.citations] == [f"CM-{n}" for n in range(6)]  # all six, more than the usual five


def test_short_items_that_say_the_question_as_fully_as_the_two_cited_are_cited_with_them(composer: Composer) -> None:
    things = ["hardware", "software", "supplier services", "data"]
    hits = [scored(f"g7/am-{n}", f"CSIRT cooperation inventories of {thing} are kept", 0.70 - 0.003 * n, char_start=100 * n,
                   heading_path=["Identify", "Asset Management"], label=f"AM-{n}") for n, thing in enumerate(things)]
    hits.append(scored("g7/am-9", "CSIRT cooperation assets are prioritised", 0.69, coverage=0.5, char_start=900,
                       heading_path=["Identify", "Asset Management"], label="AM-9"))  # says less of the question
    question = "What about CSIRT cooperation inventories?"
    answer = composer.compose(Resolved(question, question), analyzed(question), hits, [])
    assert [c.label for c in answer.citations] == ["AM-0", "AM-1", "AM-2", "AM-3"]  # not the first two of four equals
    long = [scored(h.hit.provision_id, h.hit.text + " by every firm" * 5, 0.70 - 0.003 * n, char_start=100 * n,
                   heading_path=["Identify", "Asset Management"], label=h.hit.label) for n, h in enumerate(hits[:4])]
    assert len(composer.compose(Resolved(question, question), analyzed(question), long, []).citations) == 2  # long: ranked


def test_items_of_another_list_in_the_section_are_not_added(composer: Composer) -> None:
    hits = [scored(f"g7/a-{n}", f"Point {n} on CSIRT cooperation.", 0.70, char_start=10 * n, heading_path=["Article 21"],
                   intro="shall include at least the following:", label=f"21(2)({n})") for n in range(5)]
    hits.append(scored("g7/p1", "Paragraph one on CSIRT cooperation.", 0.69, char_start=0, heading_path=["Article 21"],
                       label="21(1)"))
    question = "What are the measures on CSIRT cooperation?"
    labels = [c.label for c in composer.compose(Resolved(question, question), analyzed(question), hits, []).citations]
    assert "21(1)" not in labels and len(labels) == 5


def test_a_list_asked_for_by_its_heading_is_given_whole_each_item_from_its_start() -> None:
    heading = ["Opportunities for future action"]
    texts = ["Governments need to agree on how the norms of state behaviour apply in the real world, in every region. "
             "The level of implementation matters. Opportunities for the private sector should be stepped up at once.",
             "Governments need engagement from the private sector.",
             "Efforts to negotiate a treaty should not be a priority for future action."]
    items = [Hit(provision_id=f"icc/opp/item-{n}", doc_id="icc", doc_title=ICC.title, label=f"Opportunity {n}", text=text,
                 score=0.5, heading_path=heading, char_start=100 * n) for n, text in enumerate(texts, 1)]
    composer = Composer(AnswerSettings(quote_chars=80), 0.35, {"icc": ICC}, section_items=lambda hit: items)
    lead = scored("icc/opp/item-3", texts[2], 0.8, doc=ICC, heading_path=heading, char_start=300)
    question = "What are the ICC's opportunities for future action?"
    asked = Analyzed(question, question, keyterms={"opportun": 4.5, "futur": 3.7, "action": 2.6})
    answer = composer.compose(Resolved(question, question), asked, [lead], [])
    assert [c.provision_id for c in answer.citations] == ["icc/opp/item-1", "icc/opp/item-2", "icc/opp/item-3"]
    assert answer.citations[0].quote.startswith("Governments need to agree")  # not where "Opportunities" recurs
    topic = Analyzed("What do they say about norms?", "norms", keyterms={"norm": 4.0, "opportun": 1.0})
    assert len(composer.compose(Resolved("norms", "norms"), topic, [lead], []).citations) == 1  # a topic within: no list


def test_a_cited_lists_items_bring_the_lists_they_introduce() -> None:
    intro, sub = "Each Party shall establish as offences the following conduct:", "the production or sale of:"
    inner = [Hit(provision_id=f"bud/a6/1/a/{n}", doc_id="g7", doc_title=G7.title, label=f"1(a)({n})", text=text, score=0.5,
                 intro=sub) for n, text in (("i", "a device designed for committing offences"), ("ii", "a computer password"))]
    outer = [Hit(provision_id="bud/a6/1/a", doc_id="g7", doc_title=G7.title, label="1(a)", text=sub, score=0.5, intro=intro),
             Hit(provision_id="bud/a6/1/b", doc_id="g7", doc_title=G7.title, label="1(b)", text="the possession of an item",
                 score=0.5, intro=intro)]
    lists = {intro: outer, sub: inner}
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, list_items=lambda hit: lists.get(hit.text, []))
    question = "What does Article 6 require?"
    answer = composer.compose(Resolved(question, question), analyzed(question), [scored("bud/a6/1", intro, 0.8)], [])
    assert [c.provision_id for c in answer.citations] == ["bud/a6/1", "bud/a6/1/a", "bud/a6/1/a/i", "bud/a6/1/a/ii", "bud/a6/1/b"]


def test_examples_asked_for_are_that_many_items_of_the_list_each_with_its_own_sub_list() -> None:
    intro = "The measures shall include at least the following:"
    texts = ["risk analysis", "incident handling", "business continuity", "supply chain security"]
    items = [Hit(provision_id=f"nis/2/{n}", doc_id="g7", doc_title=G7.title, label=f"2({n})", text=text, score=0.5,
                 intro=intro, char_start=100 * n) for n, text in enumerate(texts, 1)]
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, list_items=lambda hit: items if hit.text == intro else [])
    pool = [scored("nis/2", intro, 0.8), scored("nis/4", "Entities that do not comply with the measures shall correct them.", 0.79,
                                              char_start=900)]
    question = "Give me two examples of the measures."
    answer = composer.compose(Resolved(question, question), analyzed(question), pool, [])
    assert [c.provision_id for c in answer.citations] == ["nis/2", "nis/2/1", "nis/2/2"]  # the introduction, then two
    question = "What are the measures?"
    assert len(composer.compose(Resolved(question, question), analyzed(question), pool, []).citations) == 6  # no count: all

    options = "prevent access to the interface unless it is protected by one of the following:"
    inner = [Hit(provision_id=f"ce/2/{n}", doc_id="g7", doc_title=G7.title, label=f"2.{n}", text=text, score=0.5, intro=options)
             for n, text in ((1, "multi-factor authentication"), (2, "an IP allow list"))]
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, list_items=lambda hit: inner if hit.text == options else [])
    pool = [scored("ce/2", options, 0.8, intro="Your organisation must:"), *[replace(scored(h.provision_id, h.text, 0.7), hit=h)
                                                                           for h in inner],
            scored("ce/3", "block unauthenticated inbound connections by default", 0.78, intro="Your organisation must:")]
    question = "What is an example of a firewall requirement?"
    answer = composer.compose(Resolved(question, question), analyzed(question), pool, [])
    assert [c.provision_id for c in answer.citations][-3:] == ["ce/2", "ce/2/1", "ce/2/2"]  # one example, with both its options
    assert "ce/3" not in [c.provision_id for c in answer.citations]


@pytest.mark.slow
def test_which_text_to_read_on_a_topic_is_the_one_that_speaks_of_it(full) -> None:
    incident = full.ask("Which text should I read to learn about incident response?")  # "read" is no word of the texts
    assert not incident.abstained and {c.doc_id for c in incident.citations} == {"nist-csf-2-0-core"}
    elections = full.ask("Which document talks about elections?")  # the Paris Call's "electoral processes"
    assert [c.provision_id for c in elections.citations] == ["paris-call-2018/item-3"]
    what = full.ask("What is the Budapest Convention?")  # its full title first, then its opening
    assert what.text.startswith("The full title of the Budapest Convention is “Convention on Cybercrime")
    most = full.ask("Which text says the most about SMEs?")
    assert most.text.startswith("G7 Actions for Enhancing Cybersecurity for Businesses mentions SMEs most")


@pytest.mark.slow
def test_how_many_requirements_for_a_control_counts_those_under_its_heading(full) -> None:
    for question in ("How many requirements are there for firewalls in Cyber Essentials?",
                     "How many firewall requirements does Cyber Essentials have?"):
        answer = full.ask(question)
        assert answer.text.startswith("D.1 Firewalls of Cyber Essentials lists 5 requirements."), question
        assert all(c.label.startswith("D.1 Firewalls") for c in answer.citations)
    updates = full.ask("How many requirements does Cyber Essentials set for security update management?")
    assert updates.text.startswith("D.3 Security update management of Cyber Essentials lists 4 requirements.")  # not "set"
    access = full.ask("How many user access control requirements are there in Cyber Essentials?")
    assert access.text.startswith("D.4 User access control of Cyber Essentials lists 6 requirements.")
    assert full.ask("How many requirements does Cyber Essentials set?").text.startswith("Cyber Essentials lists 15 requirements")
    assert full.ask("What does the acronym CVSS mean?").citations[0].provision_id == (
        "ncsc-cyber-essentials-v3-1/d-3/requirements/para-4")  # "Common Vulnerability Scoring System (CVSS)"


@pytest.mark.slow
def test_the_five_cyber_essentials_controls_come_after_the_sentence_that_announces_them(full) -> None:
    for question in ("What are the five Cyber Essentials controls?", "What controls does Cyber Essentials list?"):
        answer = full.ask(question)
        ids = [c.provision_id for c in answer.citations]
        start = ids.index("ncsc-cyber-essentials-v3-1/a/para-1")
        assert ids[start:start + 6] == ["ncsc-cyber-essentials-v3-1/a/para-1",
                                        *(f"ncsc-cyber-essentials-v3-1/a/item-{n}" for n in range(1, 6))], question
    sides = full.ask("Is the G7 more detailed than the ICC on SMEs?")  # both texts, side by side
    assert {c.doc_id for c in sides.citations} == {"g7-2017-cyber-business", "icc-board-briefing-cyber"}
    assert "“We have organised the requirements under five technical controls” [" in answer.text


def _article(n: int) -> list[Hit]:
    return [Hit(provision_id=f"b/article-24/item-{i}", doc_id="g7", doc_title=G7.title, label=f"Article 24, paragraph {i}",
                text=f"Paragraph {i} of the article on extradition says its own thing.", score=0.5, char_start=100 * i)
            for i in range(1, n + 1)]


def test_a_place_asked_for_whole_is_read_in_order_not_as_its_two_best_paragraphs() -> None:
    paragraphs = _article(6)
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, at_place=lambda hit, wanted, limit: paragraphs[:limit])
    place = frozenset({("article", "24")})
    ranked = [replace(scored(h.provision_id, h.text, cosine=0.8 - i / 100, label=h.label, char_start=h.char_start), placed=1.0)
              for i, h in enumerate(reversed(paragraphs))]  # the last paragraph ranks best
    question = "What does Article 24 say?"
    asked = Analyzed(question, question, keyterms={"articl": 1.0, "24": 3.0}, references=place)
    answer = composer.compose(Resolved(question, question), asked, ranked, [])
    assert [c.provision_id for c in answer.citations] == [h.provision_id for h in paragraphs]
    for other in ("Summarise Article 24.", "What is Article 24 called?"):  # a summary, or its name, is not all of it
        asked = Analyzed(other, other, keyterms={"articl": 1.0, "24": 3.0, **({"call": 2.0} if "called" in other else {})},
                         references=place)
        assert len(composer.compose(Resolved(other, other), asked, ranked, []).citations) <= 2, other


def test_a_point_the_lead_names_instead_of_restating_it_comes_before_it() -> None:
    point = scored("n/article-21/item-2/item-d", "supply chain security, including relations with direct suppliers",
                   cosine=0.5, coverage=0.95, label="Article 21, paragraph 2(d)", char_start=100)
    lead = scored("n/article-21/item-3", "When considering which measures referred to in paragraph 2, point (d), are "
                  "appropriate, entities take into account the vulnerabilities of each supplier.", cosine=0.7,
                  label="Article 21, paragraph 3", char_start=300)
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, referred=lambda hit: [point.hit] if hit is lead.hit else [])
    question = "What does Article 21 require for supply chain security?"
    answer = composer.compose(Resolved(question, question), analyzed(question), [lead, point], [])
    assert [c.provision_id for c in answer.citations] == ["n/article-21/item-2/item-d", "n/article-21/item-3"]
    narrow = replace(point, coverage=0.5)  # "Which assessments … must entities take into account?": the lead's own detail
    answer = composer.compose(Resolved(question, question), analyzed(question), [lead, narrow], [])
    assert [c.provision_id for c in answer.citations] == ["n/article-21/item-3"]


@pytest.mark.slow
def test_an_article_asked_for_whole_is_read_out_in_order(full: Assistant) -> None:
    answer = full.ask("What does Article 24 of the Budapest Convention say?")
    ids = [c.provision_id for c in answer.citations]
    assert answer.text.startswith("Article 24 of the Budapest Convention is headed “Extradition”.")
    assert ids[0] == "budapest-convention-2001/article-24/item-1/item-a" and ids[-1] == "budapest-convention-2001/article-24/item-7/item-b"
    assert len(ids) == 9 and "budapest-convention-2001/article-24/item-6" in ids
    then = full.ask("And Article 29?", ["What does Article 24 of the Budapest Convention say?"])
    assert {c.provision_id.split("/")[1] for c in then.citations} == {"article-29"} and len(then.citations) == 15
    brief = full.ask("Sum up Article 24 of the Budapest Convention in two sentences.")
    assert len(brief.citations) <= 3  # a summary asked for: its chief paragraphs


@pytest.mark.slow
def test_a_text_called_a_paper_and_a_point_a_paragraph_elaborates(full: Assistant) -> None:
    smes = full.ask("What does the ICC paper recommend for SMEs?")
    assert not smes.abstained and smes.citations[0].provision_id == "icc-board-briefing-cyber/takeaways/item-5"
    supply = full.ask("What does Article 21 require for supply chain security?")
    assert [c.provision_id for c in supply.citations][-2:] == ["nis2-directive-article-21/article-21/item-2/item-d",
                                                               "nis2-directive-article-21/article-21/item-3"]


def test_the_parts_of_one_provision_share_one_bullet_and_its_label() -> None:
    parts = [Hit(provision_id=pid, doc_id="g7", doc_title=G7.title, label=label, text=text, score=0.5, part=part,
                 char_start=start)
             for pid, label, text, part, start in [
                 ("n/article-21/item-4", "Article 21, paragraph 4", "Entities take corrective measures.", 1, 50),
                 ("n/article-21/item-5", "Article 21, paragraph 5", "By 17 October 2024, the Commission shall act.", 1, 100),
                 ("n/article-21/item-5", "Article 21, paragraph 5", "The Commission may adopt other acts.", 2, 200)]]
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, at_place=lambda hit, wanted, limit: parts)
    question = "What does Article 21 say?"
    asked = Analyzed(question, question, keyterms={"articl": 1.0, "21": 3.0}, references=frozenset({("article", "21")}))
    lead = replace(scored(parts[0].provision_id, parts[0].text, label=parts[0].label), placed=1.0)
    answer = composer.compose(Resolved(question, question), asked, [lead], [])
    assert [c.provision_id for c in answer.citations] == ["n/article-21/item-4", "n/article-21/item-5", "n/article-21/item-5"]
    assert answer.text.count("Article 21, paragraph 5") == 1
    assert "- Article 21, paragraph 5: “By 17 October 2024, the Commission shall act.” [2] “The Commission may" in answer.text


def test_a_quote_with_a_paragraph_break_stays_inside_its_bullet() -> None:
    from markdown_it import MarkdownIt

    parts = [Hit(provision_id=f"n/article-21/item-{n}", doc_id="g7", doc_title=G7.title, label=f"Article 21, paragraph {n}",
                 text=text, score=0.5, part=part, char_start=start)
             for n, text, part, start in [(4, "Entities take corrective measures.", 1, 0),
                                          (5, "The Commission shall exchange advice.\n\nThose acts shall be adopted.", 1, 50),
                                          (5, "The Commission may adopt other acts.", 2, 120)]]
    composer = Composer(AnswerSettings(), 0.35, {"g7": G7}, at_place=lambda hit, wanted, limit: parts)
    question = "What does Article 21 say?"
    asked = Analyzed(question, question, keyterms={"articl": 1.0, "21": 3.0}, references=frozenset({("article", "21")}))
    lead = replace(scored(parts[0].provision_id, parts[0].text, label=parts[0].label), placed=1.0)
    answer = composer.compose(Resolved(question, question), asked, [lead], [])
    assert "\n\n  Those acts shall be adopted.” [2]" in answer.text  # the later paragraph indented under its bullet
    page = MarkdownIt().render(answer.text)
    assert page.count("<li>") == 2 and page.count("<ul>") == 1  # paragraph 4, then paragraph 5 whole in one bullet
    assert page.rindex("<li>") < page.index("Those acts") < page.index("other acts") < page.rindex("</li>")


@pytest.mark.slow
def test_a_resolution_is_read_by_what_it_does_and_its_paragraphs_by_kind(full: Assistant) -> None:
    said = full.ask("What does the UN resolution say?")
    assert [c.provision_id for c in said.citations] == ["un-ga-res-80-16-oewg-2025/item-1", "un-ga-res-80-16-oewg-2025/item-2"]
    assert "Recalling" not in said.text  # its operative paragraphs, not its preamble
    counted = full.ask("How many operative paragraphs does the UN resolution have?")
    assert counted.text.startswith("A/RES/80/16 lists 4 operative paragraphs.") and len(counted.citations) == 4
    listed = full.ask("What are the operative paragraphs of the UN resolution?")
    assert [c.label for c in listed.citations] == [f"Operative paragraph {n}" for n in range(1, 5)]
    takeaways = full.ask("What are the takeaways of the ICC briefing?")  # "briefing" names the text, no takeaway
    assert [c.label for c in takeaways.citations] == [f"Takeaway {n}" for n in range(1, 7)]


@pytest.mark.slow
def test_a_long_provision_read_whole_is_one_bullet_on_the_real_index(full: Assistant) -> None:
    answer = full.ask("What does Article 21 of NIS 2 say?")
    fifth = [c for c in answer.citations if c.provision_id == "nis2-directive-article-21/article-21/item-5"]
    assert len(fifth) == 3 and answer.text.count("- Article 21, paragraph 5:") == 1
    assert all(f"[{c.n}]" in answer.text for c in fifth)
    paragraph = full.ask("What does Article 21 paragraph 5 of NIS 2 say?")  # "paragraph" names the place, no more
    assert [c.part for c in paragraph.citations] == [1, 2, 3]


def test_a_compared_texts_bare_introduction_brings_its_short_list() -> None:
    from assistant.listing import SIDE_LIST_MAX, with_short_lists

    intro = scored("ce/aim/para-1", "Ensure that user accounts:", 0.7, label="Aim, paragraph 1")
    other = scored("ce/intro/para-2", "Accounts with special access privileges have enhanced access.", 0.72)
    items = {"ce/aim/para-1": [Hit(provision_id=f"ce/aim/item-{n}", doc_id="g7", doc_title=G7.title, label=f"Aim, item {n}",
                                   text=text, score=0.5) for n, text in enumerate(["are assigned to authorised people",
                                                                                   "give only the access needed"], 1)]}
    chosen = with_short_lists([other, intro], lambda hit: items.get(hit.provision_id, []))
    assert [s.hit.provision_id for s in chosen] == ["ce/intro/para-2", "ce/aim/para-1", "ce/aim/item-1", "ce/aim/item-2"]
    long = {"ce/aim/para-1": items["ce/aim/para-1"] * SIDE_LIST_MAX}  # a long list is for a question about it alone
    assert len(with_short_lists([intro], lambda hit: long.get(hit.provision_id, []))) == 1


@pytest.mark.slow
def test_a_comparison_side_quotes_the_list_its_introduction_announces(full: Assistant) -> None:
    answer = full.ask("Compare NIS 2 and Cyber Essentials on access control.")
    cited = [c.provision_id for c in answer.citations]
    assert "nis2-directive-article-21/article-21/item-2/item-i" in cited
    assert "ncsc-cyber-essentials-v3-1/d-4/aim/item-1" in cited and "authorised individuals" in answer.text


@pytest.mark.slow
def test_a_list_heading_asked_in_other_words_is_read_whole(full: Assistant) -> None:
    for question in ("What were the conclusions of the ICC briefing?", "What did the ICC board briefing conclude?",
                     "What are the key takeaways of the ICC briefing?",  # its Takeaways, in other words: all of them
                     "What lessons did the ICC draw?", "What conclusions did the ICC reach?"):  # the verb: only that it gave them
        assert [c.label for c in full.ask(question).citations] == [f"Takeaway {n}" for n in range(1, 7)], question


@pytest.mark.slow
def test_the_reservations_a_party_can_make_are_article_42s(full: Assistant) -> None:
    answer = full.ask("What reservations can a Party make?")
    assert answer.citations[0].provision_id == "budapest-convention-2001/article-42/para-1"


def test_a_list_two_of_whose_items_answer_no_better_than_the_rest_is_cited_whole() -> None:
    from assistant.listing import completed

    intro = Hit(provision_id="ce/a", doc_id="g7", doc_title=G7.title, label="A", score=1.0,
                text="We have organised the requirements under five technical controls:")
    names = ["Firewalls", "Secure configuration", "Security update management", "User access control"]
    items = [Hit(provision_id=f"ce/a/{n}", doc_id="g7", doc_title=G7.title, label=f"A, item {n}", text=name, score=1.0,
                 intro=intro.text) for n, name in enumerate(names, 1)]
    lists = {intro.provision_id: items}

    def list_items(hit: Hit) -> list[Hit]:
        return lists.get(hit.provision_id, [])

    def list_intro(hit: Hit) -> Hit | None:
        return intro if hit in items else None

    equal = [Scored(h, 0.7, 1.0, 1.0) for h in items]
    chosen = completed(equal[2:], list_items, list_intro, equal[1:])  # "Firewalls" never says "control": not retrieved
    assert [s.hit.provision_id for s in chosen] == ["ce/a", *(h.provision_id for h in items)]
    # "… about inbound connections?": the two items that say it answer better than the rest, and alone
    sharper = [Scored(h, 0.7, 1.0 if n >= 2 else 0.5, 1.0) for n, h in enumerate(items)]
    chosen = completed(sharper[2:], list_items, list_intro, sharper)
    assert [s.hit.provision_id for s in chosen] == ["ce/a/3", "ce/a/4"]
