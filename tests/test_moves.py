"""Reading a text place by place: moves from the provision just shown, and places a text does not have."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.moves import LAST, Move, absent, more_of, move, target
from assistant.types import Answer, Citation
from tests.conftest import ingested


@pytest.mark.parametrize(("question", "expected"), [
    ("And the next one?", Move(offset=1)),
    ("What comes after that?", Move(offset=1)),
    ("next", Move(offset=1)),
    ("What about the one before it?", Move(offset=-1)),
    ("What was the previous one?", Move(offset=-1)),
    ("And the one after?", Move(offset=1)),
    ("And the previous takeaway?", Move(offset=-1, kind="takeaway")),
    ("And the next point?", Move(offset=1, kind="item")),
    ("And the sixth?", Move(rank=6)),
    ("What about number 4?", Move(rank=4)),
    ("Show me the 3rd one", Move(rank=3)),
    ("More about the third one.", Move(rank=3)),  # "Tell me more about the third one." once "Tell me" is off
    ("Explain the second one.", Move(rank=2)),
    ("What is meant by the fourth one?", Move(rank=4)),
    ("Explain the last one.", Move(rank=LAST)),
    ("And the final one?", Move(rank=LAST)),
    ("What are the next steps for SMEs?", None),  # a question of its own
    ("What does the G7 say after 2017?", None),
    ("Which one came first, the next or the previous?", None),  # two directions: no one move
    ("What is the second takeaway about encryption?", None),
    ("What does the second one say about SMEs?", Move(rank=2, topic="SMEs")),  # that place, asked about a topic
    ("And what does the next article say on intent?", Move(offset=1, kind="article", topic="intent")),
])
def test_a_move_is_a_short_follow_up_with_one_direction_or_rank(question: str, expected: Move | None) -> None:
    assert move(question) == expected


def _answer(*labels: str, abstained: bool = False) -> Answer:
    citations = [Citation(n=n, provision_id=f"t/{n}", doc_id="t", doc_title="T", label=label, text="x", quote="x", score=1.0)
                 for n, label in enumerate(labels, 1)]
    return Answer(question="q", text="a", citations=citations, abstained=abstained)


def test_a_move_is_made_at_the_level_the_earlier_question_named_on_the_provision_it_cited() -> None:
    nis = _answer("Article 21, paragraph 2", "Article 21, paragraph 2(g)")  # the list's introduction is cited first
    assert target(Move(offset=1), nis, "What does Article 21(2)(g) require?").label == "Article 21, paragraph 2(h)"
    assert target(Move(offset=1), _answer("Article 2"), "What does Article 2 say?").label == "Article 3"
    g7 = _answer("Objective 2, action 5")
    assert target(Move(offset=1), g7, "What does action 5 of Objective 2 say?").label == "Objective 2, action 6"
    assert target(Move(offset=1, kind="objective"), g7, "action 5 of Objective 2").label == "Objective 3"
    assert target(Move(rank=6), _answer("Takeaway 5"), "Which takeaway is about SMEs?").label == "Takeaway 6"
    assert target(Move(offset=-1), _answer("Takeaway 1"), "the first takeaway") is None  # nothing before the first
    assert target(Move(offset=1), _answer("Takeaway 1", abstained=True), "q") is None


def test_a_rank_of_a_list_answer_is_counted_from_its_first_item_or_else_in_the_order_it_was_cited() -> None:
    controls = _answer("C. Scope, paragraph 1", "A. Controls, paragraph 1", "A. Controls, item 1", "A. Controls, item 2")
    assert target(Move(rank=4), controls, "What are the five controls?").label == "A. Controls, item 4"
    functions = _answer("GOVERN (GV)", "IDENTIFY (ID)", "PROTECT (PR)")  # labels with no number to move along
    assert target(Move(rank=2), functions, "What are the NIST functions?").label == "IDENTIFY (ID)"
    assert target(Move(rank=4), functions, "What are the NIST functions?") is None  # no fourth was listed
    # the earlier question named a place and asked for its items: the rank counts the items, not the places
    g7 = _answer("Objective 2 – Enhancing cooperation", "Objective 2, paragraph 7", "Objective 2, action 1",
                 "Objective 2, action 2", "Objective 2, action 3", "Objective 2, action 4")
    assert target(Move(rank=4), g7, "What are the G7 actions under Objective 2?").label == "Objective 2, action 4"
    assert target(Move(rank=2), _answer("Objective 1, paragraph 1", "Objective 1, action 1"),
                  "What does Objective 1 say?").label == "Objective 2"  # one place asked: the next of its kind
    nis = _answer("Article 21, paragraph 2", "Article 21, paragraph 2(a)", "Article 21, paragraph 2(b)")
    assert target(Move(rank=LAST), nis, "What does Article 21(2) of NIS 2 list?").label == "Article 21, paragraph 2(b)"
    assert target(Move(rank=LAST), functions, "What are the NIST functions?").label == "PROTECT (PR)"  # no numbers
    assert target(Move(rank=2), nis, "What does Article 21(2) of NIS 2 list?").label == "Article 21, paragraph 2(b)"


def test_an_item_that_only_names_a_part_of_its_text_is_asked_about_by_that_name() -> None:
    citations = [Citation(n=n, provision_id=f"ce/{n}", doc_id="ce", doc_title="CE", label=f"A. Controls, item {n}", text=text,
                          quote=text, score=1.0)
                 for n, text in enumerate(["Firewalls", "Secure configuration", "Use separate accounts for admin work."], 1)]
    controls = Answer(question="q", text="a", citations=citations)
    second = target(Move(rank=2), controls, "What are the controls?")
    assert second.named == "Secure configuration"
    assert second.question(text="Cyber Essentials") == "What does Cyber Essentials say about Secure configuration?"
    assert second.question("SMEs") == "What does A. Controls, item 2 say about SMEs?"  # a topic asked: the place itself
    unheaded = target(Move(rank=2), controls, "What are the controls?", heads=lambda doc_id, words: False)
    assert unheaded.named == "" and unheaded.question(text="Cyber Essentials") == "What does A. Controls, item 2 say?"
    third = target(Move(rank=3), controls, "What are the controls?")  # a sentence: the place itself
    assert third.named == "" and third.question(text="Cyber Essentials") == "What does A. Controls, item 3 say?"


def test_a_missing_place_is_named_with_the_places_of_its_kind_the_text_has() -> None:
    assert absent(("objective", "3"), ["1", "2"], "the G7 text") == (
        "The G7 text has no Objective 3: it has Objectives 1 and 2. The nearest passages are listed as related.")
    assert absent(("opportunity", "6"), ["1", "2", "3", "4", "5"], "ICC note").startswith(
        "ICC note has no Opportunity 6: it has Opportunities 1 to 5.")
    assert absent(("article", "22"), ["21"], "NIS 2").startswith("NIS 2 has no Article 22: it has only Article 21.")
    assert absent(("article", "99"), ["1", "2", "5"], "").startswith("No indexed text has Article 99: they have Articles 1, 2, 5.")
    assert absent(("action", "4"), ["1", "2", "3"], "G7", [("objective", "1")]).startswith(
        "G7 has no Action 4 under Objective 1: it has Actions 1 to 3.")
    assert absent(("item", "k"), list("abcdefghij"), "NIS 2", [("article", "21"), ("paragraph", "2")]).startswith(
        "NIS 2 has no point (k) under Article 21, paragraph 2: it has points (a) to (j).")


def test_a_reader_moves_through_a_text_and_is_told_where_it_ends(tmp_path: Path) -> None:
    assistant = ingested(tmp_path, {"note.md": "# Model Note\n\n## Takeaways\n\n" + "\n\n".join(
        f"{n}. Takeaway {word} concerns {topic}." for n, (word, topic) in enumerate(
            [("one", "trust online"), ("two", "information exchange"), ("three", "mutual legal assistance")], 1))})
    first = "What is the second takeaway?"
    after = assistant.ask("And the next one?", history=[first])
    assert after.question == "And the next one?" and [c.label for c in after.citations] == ["Takeaway 3"]
    before = assistant.ask("What about the one before it?", history=[first])
    assert [c.label for c in before.citations] == ["Takeaway 1"]
    beyond = assistant.ask("And the next one?", history=[first, "And the next one?"])
    assert beyond.abstained and beyond.text.startswith("Model Note has no Takeaway 4: it has Takeaways 1 to 3.")
    missing = assistant.ask("What does the ninth takeaway of the Model Note say?")
    assert missing.abstained and "has no Takeaway 9" in missing.text


@pytest.mark.slow
def test_the_nth_one_of_a_list_answer_and_the_one_on_a_topic_are_read_in_the_real_corpus(full: Assistant) -> None:
    second = full.ask("Tell me more about the second one.", history=["What are the NIST functions?"])
    assert second.citations[0].label == "IDENTIFY (ID)"
    # the fourth control only names its section: the section is what is told about
    fourth = full.ask("Tell me about the fourth one.", history=["What are the five Cyber Essentials controls?"])
    assert fourth.citations[0].label.startswith("D.4 User access control")
    assert all(c.label.startswith("D.4 User access control") for c in fourth.citations)
    actions = full.ask("And the fourth one?", history=["What are the G7 actions under Objective 2?"])
    assert [c.label for c in actions.citations] == ["Objective 2, action 4"]
    explained = full.ask("Explain the second one.", history=["What are the ICC's opportunities for future action?"])
    assert [c.label for c in explained.citations] == ["Opportunity 2"]
    treaty = full.ask("Which one is about treaties?", history=["What are the ICC's opportunities for future action?"])
    assert [c.label for c in treaty.citations] == ["Opportunity 5"]  # of the opportunities, not Takeaway 3's MLATs
    # asked another text for something similar, the earlier topic is what it must speak of: the UN resolution is silent
    assert full.ask("Is there anything similar in the UN resolution?",
                    history=["What does the Paris Call say about elections?"]).abstained


@pytest.mark.parametrize(("history", "question", "index"), [
    (["What are the ICC takeaways?"], "Tell me more.", 0),
    (["What does the G7 say about SMEs?"], "What else?", 0),
    (["What does NIS 2 require on supply chains?"], "Anything else on that?", 0),
    (["What does the G7 say about SMEs?", "What else?"], "Anything else?", 0),  # past the earlier "What else?"
    (["Who chaired the briefing?", "What does the G7 say about SMEs?"], "Ok, more please", 1),
    (["What does the Paris Call say about elections?"], "Any other provisions?", 0),
    (["Which G7 actions concern SMEs?"], "Anything more?", 0),
    (["What does Cyber Essentials require for firewalls?"], "Go on.", 0),
    (["Give me the G7's language on CSIRTs."], "Any other language on that?", 0),  # wording beyond what was cited
    (["Which G7 formulation could I reuse on security by design?"], "Anything more I could use?", 0),
    (["What are the ICC takeaways?"], "What else does the G7 say about SMEs?", None),  # a question of its own
    (["What are the ICC takeaways?"], "Any other texts on this?", None),
    ([], "Tell me more.", None),  # nothing to say more about
])
def test_tell_me_more_asks_the_last_real_question_again(history: list[str], question: str, index: int | None) -> None:
    assert more_of(history, question) == index
