"""The corpus itself: which texts it holds, the newest and oldest, those of a year, and dates the texts omit."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from assistant import Assistant
from assistant.answer import Composer
from assistant.catalogue import Query, answer, asks, compared, date_key, issued_by, undated
from assistant.config import AnswerSettings
from assistant.conversation import Resolved
from assistant.hits import Scored
from assistant.types import Document, Hit

DOCS = [
    Document(doc_id="paris", title="Paris Call for Trust and Security in Cyberspace", issuer="Government of France",
             date="2018-11-12"),
    Document(doc_id="icc", title="ICC Board Briefing: 5 Takeaways", issuer="International Chamber of Commerce (ICC)",
             date="08 February (year not stated in the text)"),
    Document(doc_id="budapest", title="Convention on Cybercrime (Budapest Convention), ETS No. 185",
             issuer="Council of Europe", date="2001-11-23 (opened for signature, Budapest)"),
]


def _opening(document: Document) -> Scored:
    hit = Hit(provision_id=f"{document.doc_id}/para-1", doc_id=document.doc_id, doc_title=document.title,
              label="Paragraph 1", text=f"The opening of {document.doc_id}.", score=1.0)
    return Scored(hit, 1.0, 1.0, 2.0)


def _answer(question: str) -> object:
    query = asks(question)
    assert query is not None, question
    composer = Composer(AnswerSettings(), 0.3, {d.doc_id: d for d in DOCS})
    return answer(query, Resolved(question, question, []), DOCS, _opening, composer)


@pytest.mark.parametrize(("question", "asked"), [
    ("What documents are in the corpus?", Query("list")),
    ("Which texts can I ask you about?", Query("list")),
    ("Which documents do you have?", Query("list")),
    ("List the documents.", Query("list")),
    ("List the texts by date.", Query("list")),  # the list is in date order
    ("Sort the documents chronologically.", Query("list")),
    ("Which document is the most recent?", Query("newest")),
    ("What's the oldest text you have?", Query("oldest")),
    ("Which text dates from 2018?", Query("year", "2018")),
    ("Which of the texts is from 2025?", Query("year", "2025")),
    ("Can you list the texts in your knowledge base?", Query("list")),
    ("How many texts are indexed?", Query("list")),
    ("What sources does this tool use?", Query("list")),
    ("Which documents were published after 2020?", Query("after", "2020")),
    ("Which texts are from before 2010?", Query("before", "2010")),
    ("Do you have the GDPR?", Query("member", name="the GDPR")),
    ("Is the Budapest Convention in your corpus?", Query("member", name="the Budapest Convention")),
    ("Do you have anything on ransomware?", None),  # a topic, not a document's name
    ("Which texts talk about supply chains?", None),  # a topic: answered from the texts
    ("What is the most recent development in cybercrime?", None),
    ("What does the Paris Call say about 2019?", None),
    ("Which texts come from 2023?", Query("year", "2023")),
    ("Which of them is the oldest?", Query("oldest")),  # among the texts the answer before named
    ("Which of these is the most recent?", Query("newest")),
    ("Which documents did the Council of Europe issue?", Query("issuer", name="the Council of Europe")),
    ("Which texts come from the United Nations?", Query("issuer", name="the United Nations")),
    ("List all documents issued by the NCSC.", Query("issuer", name="the NCSC")),
    ("Which texts come from governments?", None),  # no maker's name: what the texts say of governments
    ("Which is older, the Paris Call or the Budapest Convention?",
     Query("compare", name="the Paris Call or the Budapest Convention")),
    ("Which came first, NIS 2 or the UN resolution?", Query("compare", name="NIS 2 or the UN resolution")),
    ("Which is more recent: the G7 text or the ICC briefing?", Query("compare", name="the G7 text or the ICC briefing", later=True)),
    ("Is the NIST CSF older than Cyber Essentials?", Query("compare", name="the NIST CSF | Cyber Essentials", yes_no=True)),
    ("Was the Paris Call adopted after the G7 text?", Query("compare", name="the Paris Call | the G7 text", later=True, yes_no=True)),
    ("How many years separate the Budapest Convention and the Paris Call?",
     Query("apart", name="the Budapest Convention and the Paris Call")),
    ("Is NIS 2 stricter than Cyber Essentials?", None),
    ("Which is better, the Paris Call or the G7 text?", None),
])
def test_a_question_about_the_corpus_itself_is_told_from_one_about_its_contents(question: str, asked: Query | None) -> None:
    assert asks(question) == asked


def test_the_list_names_every_text_oldest_first_each_cited_and_undated_last() -> None:
    listed = _answer("What documents are in the corpus?")
    lines = listed.text.splitlines()
    assert lines[0] == "The corpus holds 3 documents, oldest first:"
    assert lines[1].startswith("- The Budapest Convention (Council of Europe, 23 November 2001) [1]")
    assert lines[2].startswith("- Paris Call for Trust and Security in Cyberspace (Government of France, 12 November 2018) [2]")
    assert "ICC Board Briefing" in lines[3]  # its year is not stated: it comes last
    assert [c.provision_id for c in listed.citations] == ["budapest/para-1", "paris/para-1", "icc/para-1"]
    assert not listed.abstained


def test_the_newest_and_oldest_text_and_those_of_a_year() -> None:
    assert "Paris Call" in _answer("Which document is the most recent?").text
    oldest = _answer("What's the oldest text you have?")
    assert "Budapest Convention" in oldest.text and "ICC Board Briefing: year not stated" in oldest.text
    assert [c.doc_id for c in _answer("Which text dates from 2018?").citations] == ["paris"]
    among = answer(Query("oldest"), Resolved("q", "q", []), DOCS[:2], _opening,
                   Composer(AnswerSettings(), 0.3, {d.doc_id: d for d in DOCS}), whole=False)
    assert among.text.startswith("Of the 2 documents asked about, the oldest is:")
    none = _answer("Which text is from 1999?")
    assert none.abstained and none.text == "No document in the corpus dates from 1999; the dated texts run from 2001 to 2018."


def test_a_text_asked_for_by_name_is_held_or_not_and_the_corpus_is_named_when_not() -> None:
    def mentions(text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), doc) for name, doc in (("Budapest Convention", "budapest"), ("EU", "nis2"))
                for m in re.finditer(name, text)]

    composer = Composer(AnswerSettings(), 0.3, {})
    held = answer(Query("member", name="the Budapest Convention"), Resolved("q", "q", []), DOCS, _opening, composer, mentions)
    assert held.text.startswith("Yes: the corpus holds 1 document by that name:") and held.citations
    act = answer(Query("member", name="the EU AI Act"), Resolved("q", "q", []), DOCS, _opening, composer, mentions)
    assert act.abstained and not act.citations  # naming the EU does not make it NIS 2
    assert act.text.startswith("The corpus does not hold the EU AI Act. It holds 3 documents: the Budapest Convention;")


def test_texts_after_or_before_a_year_leave_that_year_out() -> None:
    assert [c.doc_id for c in _answer("Which documents were published after 2001?").citations] == ["paris"]
    assert [c.doc_id for c in _answer("Which texts are from before 2018?").citations] == ["budapest"]
    assert _answer("Which texts are from before 2001?").abstained


def test_dates_order_by_year_month_and_day_and_a_missing_year_orders_nothing() -> None:
    assert date_key(DOCS[2]) == (2001, 11, 23) < date_key(DOCS[0]) == (2018, 11, 12)
    assert date_key(DOCS[1]) is None


def test_a_text_that_does_not_state_its_date_is_dated_from_the_catalogue_and_says_so() -> None:
    composer = Composer(AnswerSettings(), 0.3, {})
    nis2 = Document(doc_id="nis2", title="Directive (EU) 2022/2555 (NIS 2 Directive) — Article 21",
                    issuer="European Parliament and Council of the European Union", date="2022-12-14")
    reader = SimpleNamespace(opening=lambda doc_id, k, filters: [_opening(nis2)])
    told = undated(Resolved("When was NIS 2 adopted?", "", []), nis2, "when", reader, composer)
    assert told.text == ("The text of the NIS 2 Directive held in the corpus does not state its date; the catalogue gives "
                         "European Parliament and Council of the European Union, 14 December 2022 [1].")
    assert told.citations[0].provision_id == "nis2/para-1" and not told.abstained


def _named(text: str) -> list[tuple[int, int, str]]:
    names = (("Paris Call", "paris"), ("ICC", "icc"), ("Budapest Convention", "budapest"))
    return [(m.start(), m.end(), doc) for name, doc in names for m in re.finditer(name, text)]


def _compared(question: str) -> object:
    query = asks(question)
    assert query is not None, question
    composer = Composer(AnswerSettings(), 0.3, {d.doc_id: d for d in DOCS})
    return compared(query, Resolved(question, question, []), DOCS, _opening, composer, _named)


def test_which_of_two_texts_is_older_is_told_by_how_much_each_cited_in_the_order_named() -> None:
    older = _compared("Which is older, the Paris Call or the Budapest Convention?")
    assert older.text == ("The Budapest Convention (Council of Europe, 23 November 2001) [1] is older than Paris Call for Trust "
                          "and Security in Cyberspace (Government of France, 12 November 2018) [2], by almost 17 years "
                          "(16 years and 11 months).")  # 23 Nov 2001 to 12 Nov 2018: eleven days short of 17 years
    assert [c.doc_id for c in older.citations] == ["budapest", "paris"] and not older.abstained
    assert _compared("Which is more recent, the Budapest Convention or the Paris Call?").text.startswith("Paris Call")
    assert _compared("Is the Budapest Convention older than the Paris Call?").text.startswith("Yes: the Budapest Convention")
    assert _compared("Was the Paris Call adopted before the Budapest Convention?").text.startswith("No: the Budapest Convention")


def test_how_far_apart_two_texts_are_and_a_text_without_a_year_compares_with_none() -> None:
    assert _compared("How many years separate the Budapest Convention and the Paris Call?").text.endswith(
        "are almost 17 years (16 years and 11 months) apart.")
    undated_one = _compared("Which is more recent, the ICC briefing or the Paris Call?")
    assert undated_one.text.startswith("ICC Board Briefing does not state its year, so the corpus cannot tell which is more recent")
    assert len(undated_one.citations) == 2
    assert _compared("Which is older, the Paris Call or the GDPR?") is None  # one text held: answered from the texts


def test_the_texts_of_one_maker_by_name_or_acronym_and_the_makers_named_when_none() -> None:
    assert issued_by("United Nations", "United Nations General Assembly (on the report of the First Committee)")
    assert issued_by("UN", "United Nations General Assembly") and issued_by("EU", "European Parliament and Council of the European Union")
    assert issued_by("NCSC", "UK National Cyber Security Centre (NCSC)") and not issued_by("ENISA", "Council of Europe")
    coe = _answer("Which documents did the Council of Europe issue?")
    assert coe.text.splitlines()[0] == "From the Council of Europe, the corpus holds 1 document:"
    assert [c.doc_id for c in coe.citations] == ["budapest"]
    none = _answer("Which documents did ENISA publish?")
    assert none.abstained and none.text == ("The corpus holds no document from ENISA. Its documents come from: Council of "
                                            "Europe; Government of France; International Chamber of Commerce.")


@pytest.mark.slow
def test_the_real_corpus_compares_dates_and_names_each_makers_texts(full: Assistant) -> None:
    older = full.ask("Is the NIST CSF older than Cyber Essentials?")
    assert older.text.startswith("No: Cyber Essentials (UK National Cyber Security Centre, January 2023) [1] is older than")
    assert [c.doc_id for c in older.citations] == ["ncsc-cyber-essentials-v3-1", "nist-csf-2-0-core"]
    apart = full.ask("How many years separate the Budapest Convention and the Paris Call?")
    assert "almost 17 years" in apart.text and "paris-call-2018/para-15" in [c.provision_id for c in apart.citations]
    un = full.ask("Which texts come from the UN?")
    assert [c.provision_id for c in un.citations] == ["un-ga-res-80-16-oewg-2025/para-4"]  # "Resolution adopted by …"


@pytest.mark.slow
def test_the_real_corpus_answers_what_it_holds_and_when_each_text_is_from(full: Assistant) -> None:
    listed = full.ask("What documents are in the corpus?")
    assert listed.text.startswith("The corpus holds 8 documents, oldest first:")
    assert full.ask("List the texts by date.").text.startswith("The corpus holds 8 documents, oldest first:")
    assert "paris-call-2018/para-15" in [c.provision_id for c in listed.citations]  # "Paris, 12th of November, 2018"
    declaration = full.ask("When was the G7 declaration adopted?")
    assert [c.provision_id for c in declaration.citations] == ["g7-2017-cyber-business/annex-3/para-1"]
    nis2 = full.ask("When was NIS 2 adopted?")
    assert "does not state its date" in nis2.text and "14 December 2022" in nis2.text
    assert "80/16" in full.ask("Which document is the most recent?").text
    # "Which of them …?" asks among the texts the answer before named, not the whole corpus
    among = full.ask("Which of them is the oldest?", history=["Which texts mention SMEs?"])
    assert among.text.startswith("Of the 2 documents asked about, the oldest is:") and "G7" in among.text
