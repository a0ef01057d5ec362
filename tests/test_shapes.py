"""Answer shapes: a "which resolution" question wants "resolution 75/240", a "who chaired" one "chaired by"."""

from __future__ import annotations

from assistant import shapes
from assistant.query import Analyzer


def test_a_which_question_wants_the_thing_with_its_number() -> None:
    agenda = shapes.numbered("Under which agenda item was the resolution adopted?")
    assert agenda is not None and agenda.search("Eightieth session Agenda item 94 Developments")
    assert not agenda.search("Also decides to include in the provisional agenda the item")
    resolution = shapes.numbered("Which resolution set up the working group?")
    assert resolution is not None and resolution.search("established pursuant to resolution 75/240")
    session = shapes.numbered("Which session considered it?")
    assert session is not None and not session.search("its first session in 2021")
    assert shapes.numbered("Which article covers fraud?") is None  # an article is a label, not text
    assert shapes.numbered("How are incidents handled?") is None


def test_a_who_did_question_wants_the_text_saying_by_whom() -> None:
    chaired = shapes.agent("who chaired the icc briefing")
    assert chaired is not None and chaired.search("This edition was chaired by Paul Drechsler")
    assert not chaired.search("ICC convened 30 Chairs, board members")
    assert shapes.agent("Who should fix the vulnerabilities?") is None


def test_the_analysis_carries_the_shapes_of_its_answer() -> None:
    analyzed = Analyzer.of_texts(["This edition was chaired by a CEO"], {}).analyze("Who chaired the call?")
    assert analyzed.shaped("This edition was chaired by a CEO")
    assert not analyzed.shaped("The call had thirty chairs")


def test_a_how_many_question_counts_a_singular_noun() -> None:
    assert shapes.counted("How many actions are in Objective 2?") == "action"
    assert shapes.counted("how many opportunities did the ICC identify?") == "opportunity"
    assert shapes.counted("How many takeaways are there?") == "takeaway"
    assert shapes.counted("What are the actions?") is None
