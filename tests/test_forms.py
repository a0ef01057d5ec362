"""The form an answer is asked in: taken off the question, which then asks what it asks."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.forms import again, unshaped
from assistant.manners import plain


@pytest.mark.parametrize(("typed", "asked"), [
    ("In plain English, what does Article 6 of the Budapest Convention require?",
     "What does Article 6 of the Budapest Convention require?"),
    ("Yes or no: does the Paris Call mention election interference?", "Does the Paris Call mention election interference?"),
    ("Briefly, what is the Paris Call's first principle?", "What is the Paris Call's first principle?"),
    ("In layman's terms, what is illegal interception?", "What is illegal interception?"),
    ("Without the legalese, what does Article 2 say?", "What does Article 2 say?"),
    ("Keep it short: what does the firewall control require?", "What does the firewall control require?"),
    ("One word answer: which body adopted resolution 80/16?", "Which body adopted resolution 80/16?"),
    ("What, in essence, does the ICC ask governments to do?", "What does the ICC ask governments to do?"),
    ("What does NIS 2 say about backups, in short?", "What does NIS 2 say about backups?"),
    ("Explain in simple terms what Objective 1 asks for.", "Explain what Objective 1 asks for."),
    ("List the G7 actions under Objective 2 as bullet points.", "List the G7 actions under Objective 2."),
    ("Quote word for word the ICC's fourth takeaway.", "Quote the ICC's fourth takeaway."),
    # a form of the text asked for: a summary of it
    ("Sum up Article 21 of NIS 2 in two sentences.", "Summarise Article 21 of NIS 2."),
    ("Can you paraphrase NIS 2 Article 21(2)(a)?", "Summarise NIS 2 Article 21(2)(a)?"),
    ("TL;DR of the Paris Call?", "Summarise the Paris Call?"),
    ("Recap the six ICC takeaways for me.", "Summarise the six ICC takeaways."),
    ("the gist of the G7's action on cyber insurance.", "Summarise the G7's action on cyber insurance."),
    ("three bullet points on the ICC's opportunities", "Summarise the ICC's opportunities"),
    ("What's the headline message of the ICC briefing?", "What's the main points of the ICC briefing?"),
    ("Can you spell out what action 1 means?", "Explain what action 1 means?"),
    # the same forms put otherwise
    ("Explain like I'm five: what does Cyber Essentials say about passwords?",
     "What does Cyber Essentials say about passwords?"),
    ("No jargon — what does NIS 2 mean by an all-hazards approach?", "What does NIS 2 mean by an all-hazards approach?"),
    ("Short version: what does the Paris Call say about hack back?", "What does the Paris Call say about hack back?"),
    ("Just yes or no — does the G7 mention cyber insurance?", "Does the G7 mention cyber insurance?"),
    ("List, in bullet form, the five ICC opportunities.", "List the five ICC opportunities."),
    ("Can you boil down the Paris Call to its essentials?", "Summarise the Paris Call?"),
    ("a one-line summary of NIS 2 Article 21(2)(c).", "Summarise NIS 2 Article 21(2)(c)."),
    ("Could you put Article 29 into plain language?", "Summarise Article 29?"),
    ("Can you condense Article 35 into a few lines?", "Summarise Article 35?"),
    ("Outline the G7's Objective 2 actions in a numbered list.", "Summarise the G7's Objective 2 actions."),
    ("What's the bottom line of the ICC briefing?", "What's the main points of the ICC briefing?"),
    # a number of points, the key points, and "in brief" at the very end
    ("Summarise the ICC board briefing in three points.", "Summarise the ICC board briefing."),
    ("Give me the key points of the G7 text in brief.", "Give me the main points of the G7 text."),
    ("Key points of NIS 2?", "The main points of NIS 2?"),
    ("Three points on the Paris Call.", "Summarise the Paris Call."),
])
def test_the_form_asked_for_is_taken_off(typed: str, asked: str) -> None:
    assert unshaped(typed) == asked


@pytest.mark.parametrize("question", [
    "What is in short supply?",  # "in short" inside a question is its own words
    "Which answer is short enough?",
    "Does the Convention cover messages sent by email?",  # "message" without "of" is a topic
    "What must a password be, in the Cyber Essentials scheme?",
    "Summary?",  # nothing but a form: left as it is
])
def test_a_question_without_a_form_is_left_as_it_is(question: str) -> None:
    assert unshaped(question) == question


@pytest.mark.parametrize(("turn", "asks_again"), [
    ("Summarise that?", True), ("Shorter.", True), ("In plain English?", True), ("Just the article number?", True),
    ("Quote it?", True), ("That.", True), ("Yes or no?", True), ("Explain that.", True), ("TL;DR?", True),
    ("Too long, shorter.", True), ("Bullet points?", True), ("As a list.", True), ("Say it more simply", True),
    ("What is it?", False), ("Is that right?", False), ("What does it say?", False), ("Quote Article 2.", False),
    ("What about the G7?", False), ("And the next one?", False), ("Shorter answers?", False),
])
def test_a_turn_asking_only_for_another_form_asks_the_last_question_again(turn: str, asks_again: bool) -> None:
    assert again(turn) is asks_again


def test_manners_and_form_come_off_together() -> None:
    assert plain("Hi! Short answer please: how long must updates wait? Thanks") == "How long must updates wait?"
    assert plain("Could you give me the gist of the Paris Call, please?") == "Summarise the Paris Call?"
    assert plain("No jargon please — what is an all-hazards approach?") == "What is an all-hazards approach?"


@pytest.mark.slow
@pytest.mark.parametrize(("question", "expected"), [
    ("In layman's terms, what is illegal interception under the Budapest Convention?", "budapest-convention-2001/article-3/para-1"),
    ("Without the legalese, what does Article 2 of the Budapest Convention say?", "budapest-convention-2001/article-2/para-1"),
    ("Can you paraphrase NIS 2 Article 21(2)(a)?", "nis2-directive-article-21/article-21/item-2/item-a"),
    ("One word answer: which body adopted resolution 80/16?", "un-ga-res-80-16-oewg-2025/para-4"),
    ("Quote word for word the ICC's fourth takeaway.", "icc-board-briefing-cyber/takeaways/item-4"),
])
def test_a_question_asked_in_a_form_is_answered_from_the_texts(full: Assistant, question: str, expected: str) -> None:
    answer = full.ask(question)
    assert not answer.abstained, answer.text
    assert expected in [c.provision_id for c in answer.citations]
    assert answer.question == question


@pytest.mark.slow
def test_the_key_points_of_a_text_that_heads_its_main_points_are_that_section(full: Assistant) -> None:
    icc = full.ask("What are the key points of the ICC note?")  # its Takeaways, all six, not its opening
    assert [c.label for c in icc.citations] == [f"Takeaway {n}" for n in range(1, 7)], icc.text
    g7 = full.ask("Give me the key points of the G7 text in brief.")  # no such heading: the text as it opens
    assert not g7.abstained and g7.citations[0].provision_id == "g7-2017-cyber-business/objective-1/para-1", g7.text


@pytest.mark.slow
def test_a_list_asked_for_by_its_heading_gives_every_item_quoted_from_its_start(full: Assistant) -> None:
    for question in ("Give me three bullet points on the ICC's opportunities for future action.",
                     "What are the six ICC takeaways?"):
        answer = full.ask(question)
        kind = "opportunities-for-future-action" if "opportunities" in question else "takeaways"
        count = 5 if kind.startswith("opp") else 6
        assert [c.provision_id for c in answer.citations] == [
            f"icc-board-briefing-cyber/{kind}/item-{n}" for n in range(1, count + 1)], answer.text
    outlined = full.ask("Outline the G7's Objective 2 actions in a numbered list.")  # a summary of a list is the list
    assert [c.provision_id for c in outlined.citations] == [f"g7-2017-cyber-business/objective-2/item-{n}" for n in range(1, 8)]
    g7 = [f"g7-2017-cyber-business/objective-{o}/item-{n}" for o, count in ((1, 3), (2, 7)) for n in range(1, count + 1)]
    for question in ("What are the ten G7 actions?", "What are the twelve G7 actions?"):  # the count is the text's
        ten = full.ask(question)
        assert ten.text.startswith("G7 Actions for Enhancing Cybersecurity for Businesses lists 10 actions.")
        assert [c.provision_id for c in ten.citations] == g7
    first = full.ask("What are the ICC's opportunities for future action?").citations[0]
    assert first.quote.startswith("Governments need to prioritize agreement")  # not where "opportunities" recurs


@pytest.mark.slow
def test_a_follow_up_asking_for_another_form_answers_the_question_before_it(full: Assistant) -> None:
    earlier = "What is illegal interception under the Budapest Convention?"
    for turn in ("Can you say that more simply?", "Too long, shorter please.", "In plain English?", "Yes or no?"):
        answer = full.ask(turn, history=[earlier])
        assert not answer.abstained and answer.question == turn
        assert [c.provision_id for c in answer.citations] == ["budapest-convention-2001/article-3/para-1"], turn
    after_move = full.ask("Shorter please.", history=["What does Article 2 of the Budapest Convention say?", "And the next one?"])
    assert [c.provision_id for c in after_move.citations] == ["budapest-convention-2001/article-3/para-1"]
    moved = full.ask("Just the second one, briefly.", history=["What are the ICC takeaways?"])
    assert [c.provision_id for c in moved.citations] == ["icc-board-briefing-cyber/takeaways/item-2"]
    alone = full.ask("In plain English?")  # no answer before it to put otherwise: how to ask, not a refused topic
    assert alone.abstained and alone.text.startswith("There is no earlier answer to put another way.")
