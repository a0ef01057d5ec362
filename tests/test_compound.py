"""Compound questions: split where a second question begins; answers joined with one run of citation numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.compound import answered, contrasted, joined, parts
from assistant.types import Answer, Citation
from tests.conftest import ingested


@pytest.mark.parametrize(("question", "expected"), [
    ("What are the ICC takeaways and who chaired the briefing?", ["What are the ICC takeaways?", "Who chaired the briefing?"]),
    ("What does Article 2 say, and can a Party add conditions to it?", ["What does Article 2 say?", "Can a Party add conditions to it?"]),
    ("Does Cyber Essentials require MFA and how long must passwords be?",
     ["Does Cyber Essentials require MFA?", "How long must passwords be?"]),
    ("What does NIS 2 say about encryption? And about training?", ["What does NIS 2 say about encryption?", "And about training?"]),
])
def test_two_questions_in_one_are_split_where_the_second_begins(question: str, expected: list[str]) -> None:
    assert parts(question) == expected


@pytest.mark.parametrize("question", [
    "What do the G7 and the ICC say about SMEs?",  # two sources, one question
    "Does the G7 mention awareness and how to manage risks?",  # "how to …" is the object of the question
    "Which measures do SMEs and large companies need?",
    "What did the G7 commit to and why?",  # too short to stand alone
    "Is MFA required? Yes or no?",  # the second half asks nothing of its own
])
def test_one_question_is_not_split(question: str) -> None:
    assert parts(question) == []


def _citation(n: int, provision_id: str, quote: str) -> Citation:
    return Citation(n=n, provision_id=provision_id, doc_id="d", doc_title="D", label=provision_id, text=quote, quote=quote, score=1.0)


def test_joined_answers_number_their_citations_in_one_run_and_cite_a_shared_provision_once() -> None:
    first = Answer(question="Q1?", text="One [1] and two [2].", citations=[_citation(1, "a", "x"), _citation(2, "b", "y")])
    second = Answer(question="Q2?", text="Two again [1], three [2].", citations=[_citation(1, "b", "y"), _citation(2, "c", "z")])
    whole = joined("Q1 and Q2?", [first, second], related=5)
    assert whole.text == "One [1] and two [2].\n\nTwo again [2], three [3]."
    assert [(c.n, c.provision_id) for c in whole.citations] == [(1, "a"), (2, "b"), (3, "c")]
    refused = Answer(question="Q2?", text="The corpus does not address this.", abstained=True)
    partly = joined("Q1 and Q2?", [first, refused], related=5)
    assert not partly.abstained and partly.text.endswith("“Q2?”: the corpus does not address this.")
    again = Answer(question="Q2?", text="Two once more [1].", citations=[_citation(1, "b", "y")])
    assert joined("Q1 and Q2?", [first, again], related=5).text == "One [1] and two [2]."  # nothing new: not repeated


def test_a_part_from_the_text_the_part_before_named_does_not_name_it_again_in_full() -> None:
    lead = "According to Paris Call (Government of France, 12 November 2018)"
    first = Answer(question="Q1?", text=f"{lead}, Item 1: “Prevent harm” [1].", citations=[_citation(1, "a", "x")])
    second = Answer(question="Q2?", text=f"{lead}, Item 2: “Protect the core” [1].", citations=[_citation(1, "b", "y")])
    other = Answer(question="Q3?", text="According to ICC Board Briefing (ICC, 08 February), Takeaway 1: “Trust” [1].",
                   citations=[_citation(1, "c", "z")])
    assert joined("Q?", [first, second, other], related=5).text.split("\n\n") == [
        f"{lead}, Item 1: “Prevent harm” [1].", "According to the same text, Item 2: “Protect the core” [2].",
        "According to ICC Board Briefing (ICC, 08 February), Takeaway 1: “Trust” [3]."]


def test_a_listed_quote_a_part_before_gave_is_not_repeated_when_the_part_adds_others() -> None:
    first = Answer(question="Q1?", text="According to X:\n- P5: “five” [1]", citations=[_citation(1, "p5", "five")])
    second = Answer(question="Q2?", text="According to X:\n- P5: “five” [1]\n- P1: “one” [2]",
                    citations=[_citation(1, "p5", "five"), _citation(2, "p1", "one")])
    assert joined("Q?", [first, second], related=5).text.split("\n\n")[1] == "According to X:\n- P1: “one” [2]"
    alone = Answer(question="Q3?", text="According to X:\n- P5: “five” [1]\n- P6: “six” [2]",
                   citations=[_citation(1, "p5", "five"), _citation(2, "p6", "six")])
    assert "- P5" not in joined("Q?", [first, alone], related=5).text.split("\n\n")[1]


def test_it_set_against_a_place_is_the_place_the_question_before_named() -> None:
    assert contrasted("How does it differ from Article 17?", earlier="Tell me about Article 16 of the Budapest Convention.") == [
        "What does Article 16 of the Budapest Convention say?", "What does Article 17 say?"]
    assert contrasted("How is it different from Article 30?", earlier="What does Article 29 say?") == [
        "What does Article 29 say?", "What does Article 30 say?"]
    assert contrasted("How does it differ from Article 17?") == []  # nothing before: "it" names nothing


def test_each_part_of_a_compound_question_is_answered_from_its_own_provision(tmp_path: Path) -> None:
    assistant = ingested(tmp_path, {"rules.md": (
        "# Rules\n\n## Backups\n\nEvery firm must keep an offline backup of its records.\n\n"
        "## Chair\n\nThe committee was chaired by Alice Smith.\n\n"
        "## Patching\n\nEvery firm must patch its servers within 14 days.\n")})
    answer = assistant.ask("Hi! What must every firm keep a backup of, and who chaired the committee? Thanks!")
    assert not answer.abstained and answer.question.startswith("Hi!")
    cited = [c.text for c in answer.citations]
    assert any("offline backup" in t for t in cited) and any("Alice Smith" in t for t in cited)
    assert "[1]" in answer.text and "[2]" in answer.text


def test_a_role_the_texts_say_nothing_to_is_asked_again_as_typed() -> None:
    asked: list[str] = []

    def ask(question: str, history: list[str]) -> Answer:
        asked.append(question)
        return Answer(question=question, text="…", abstained="SMEs" in question)

    answer = answered("I run a bakery. What does Cyber Essentials expect me to do first?", [], ask, related=3)
    assert asked == ["What does Cyber Essentials expect SMEs to do first?", "What does Cyber Essentials expect me to do first?"]
    assert not answer.abstained and answer.question.startswith("I run a bakery.")
    asked.clear()
    refused = answered("I run a bakery. What does the G7 say to SMEs?", [], ask, related=3)
    assert refused.abstained and asked == ["What does the G7 say to SMEs?"]  # one reading: nothing to fall back on


@pytest.mark.parametrize(("question", "expected"), [
    ("What's the difference between preservation and production orders in the Budapest Convention?",
     ["What is meant by preservation orders in the Budapest Convention?",
      "What is meant by production orders in the Budapest Convention?"]),
    ("What is the difference between a preservation order and a production order?",
     ["What is meant by preservation order?", "What is meant by production order?"]),
    ("How do firewalls and malware protection differ?", ["What is meant by firewalls?", "What is meant by malware protection?"]),
    ("MFA vs passwords?", ["What is meant by MFA?", "What is meant by passwords?"]),
    ("G7 vs ICC on SMEs?", []),  # two texts compared: one comparison question
    ("What are the differences between the G7 and the ICC?", []),
    ("How does the ICC's view of SMEs differ from the G7's?", []),
    # other ways to ask how two things differ
    ("How is a preservation order different from a production order?",
     ["What is meant by preservation order?", "What is meant by production order?"]),
    ("Is there a difference between firewalls and malware protection?",
     ["What is meant by firewalls?", "What is meant by malware protection?"]),
    ("What distinguishes MFA from passwords?", ["What is meant by MFA?", "What is meant by passwords?"]),
    # two things in one text: each asked of that text
    ("How do the G7's CSIRT actions differ from its ISAC actions?",
     ["What is meant by CSIRT actions in G7?", "What is meant by ISAC actions in G7?"]),
    # places: what each says, a minor place read within the place before it, both in the text one names
    ("How does Objective 1 differ from Objective 2?", ["What does Objective 1 say?", "What does Objective 2 say?"]),
    ("How is G7 Objective 2 action 1 different from action 6?",
     ["What does G7 Objective 2 action 1 say?", "What does G7 Objective 2 action 6 say?"]),
    ("ICC takeaway 1 vs takeaway 4?", ["What does ICC takeaway 1 say?", "What does takeaway 4 in ICC say?"]),
    ("What distinguishes takeaway 3 from opportunity 4 in the ICC note?",
     ["What does takeaway 3 in the ICC note say?", "What does opportunity 4 in the ICC note say?"]),
])
def test_a_contrast_asks_about_each_thing_it_names(question: str, expected: list[str]) -> None:
    def named(text: str) -> list[str]:
        return [name for name in ("G7", "ICC") if name in text]

    assert contrasted(question, named) == expected


def test_several_places_in_one_question_are_each_answered_in_one_answer(tmp_path) -> None:
    from tests.conftest import ingested

    assistant = ingested(tmp_path, {"note.md": "# Model Note\n\n## Takeaways\n\n" + "\n\n".join(
        f"{n}. Takeaway {n} concerns topic number {n}." for n in range(1, 6))})
    answer = assistant.ask("What are takeaways 2 and 4 about?")
    assert [c.label for c in answer.citations] == ["Takeaway 2", "Takeaway 4"]
    assert answer.question == "What are takeaways 2 and 4 about?"
