"""Several places in one question are asked about one by one; a minor place after another is read within it."""

from __future__ import annotations

import pytest

from assistant.several import apart, within


@pytest.mark.parametrize(("question", "expected"), [
    ("What are takeaways 2 and 4 about?", ["What are Takeaway 2 about?", "What are Takeaway 4 about?"]),
    ("Show me actions 3 to 5 of Objective 2", [f"Show me Action {n} of Objective 2" for n in (3, 4, 5)]),
    ("Compare takeaway 3 and opportunity 4", ["What does Takeaway 3 say?", "What does Opportunity 4 say?"]),
    ("What do points (a) to (c) say?", ["What do point (a) say?", "What do point (b) say?", "What do point (c) say?"]),
    ("What do Article 21, paragraphs 4 and 5 say?", ["What do Article 21, Paragraph 4 say?", "What do Article 21, Paragraph 5 say?"]),
    ("Show me Objective 1, action 2", []),  # one place within another
    ("What are the first and second takeaways?", ["What are the takeaway 1?", "What are the takeaway 2?"]),
    ("Compare G7 Objective 1 action 1 and Objective 2 action 4",
     ["What does G7 Objective 1 action 1 say?", "What does Objective 2 action 4 say?"]),
    ("Compare the G7 and the ICC on SMEs", []),  # texts compared, not places
    ("Does Article 25 apply to Articles 2 and 3?", []),  # the question is about Article 25
    ("What do Articles 2 through 11 cover?", []),  # a range a text names, not ten questions
])
def test_several_places_named_together_are_asked_about_one_by_one(question: str, expected: list[str]) -> None:
    assert apart(question) == expected


def test_a_minor_place_after_another_is_read_within_it() -> None:
    assert within("G7 Objective 2 action 1", "action 6") == "G7 Objective 2 action 6"
    assert within("point (a) of Article 21(2)", "point (b)") == "point (b) of Article 21(2)"
    assert within("Objective 1", "Objective 2") == "Objective 2"  # a place of its own
    assert within("Article 2", "action 6") == "action 6"  # nothing of its kind to stand in
