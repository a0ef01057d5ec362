"""Outline pieces: id segments, and which provision introduces a list that an item stored."""

from __future__ import annotations

from assistant.ingest.outline import INTRO_CHARS, Heading, introduces, last_sentence, slugify


def test_ids_are_lower_case_hyphenated_and_never_empty() -> None:
    assert slugify("Objective 2 – Supply chains") == "objective-2-supply-chains"
    assert slugify("§§ ") == "section"


def test_a_list_introduction_is_the_last_sentence_or_the_whole_paragraph() -> None:
    text = "Only approved applications are allowed to execute on devices. You must:"
    assert last_sentence(text) == "You must:"
    assert introduces(text, "You must:") and introduces(text, text[:INTRO_CHARS])
    assert not introduces("Only approved applications are allowed.", "Only approved applications are allowed.")


def test_a_plural_heading_names_its_items_and_a_keyword_heading_labels_itself() -> None:
    assert Heading("Takeaways", rank=2).noun == "Takeaway" and Heading("Opportunities for action", rank=2).noun == "Opportunity"
    assert Heading("Article 27", rank=1, keyword="article", number="27").label == "Article 27"
