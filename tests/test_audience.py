"""Whom a text speaks to: the groups its provisions name, counted over the whole text, each shown by a provision."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.audience import asks
from tests.conftest import ingested


@pytest.mark.parametrize(("question", "expected"), [
    ("Who is the G7 text for?", "the G7 text"),
    ("Who are the G7 actions addressed to?", "the G7 actions"),
    ("Who is the Cyber Essentials scheme aimed at?", "the Cyber Essentials scheme"),
    ("To whom is the Paris Call addressed?", "the Paris Call"),
    ("Who does the ICC briefing address?", "the ICC briefing"),
    ("Which groups does the Paris Call speak to?", "the Paris Call"),
    ("What is the target audience of NIS 2?", "NIS 2"),
    ("Who are the addressees of the G7 text?", "the G7 text"),
    ("Who does it apply to?", None),  # what a provision covers, read from the text
    ("Who is responsible for incident response?", None),
    ("What is addressed to the Secretary General?", None),
])
def test_a_question_about_whom_a_text_speaks_to_names_the_text(question: str, expected: str | None) -> None:
    assert asks(question) == expected


THETA = ("---\ntitle: \"Theta Guide for Small Firms\"\nissuer: \"Theta Agency\"\ndate: \"2022-02-01\"\n---\n\n"
         "# Theta Guide for Small Firms\n\nThe internet has changed how work is done in every town.\n\n"
         "Small businesses should keep backups of their files and test them each month.\n\n"
         "SMEs should train staff to spot phishing messages before they click.\n\n"
         "Users of the shared printer must log in with their own accounts each day.\n\n"
         "Governments should fund free advice lines for small firms in every region.\n")
IOTA = ("---\ntitle: \"Iota Note on Weather\"\nissuer: \"Iota Office\"\ndate: \"2020-01-01\"\n---\n\n"
        "# Iota Note on Weather\n\nRain fell on most days of the spring and the rivers ran high.\n")


@pytest.fixture
def texts(tmp_path: Path) -> Assistant:
    return ingested(tmp_path, {"theta.md": THETA, "iota.md": IOTA})


def test_the_groups_a_text_names_most_are_counted_and_each_shown_by_a_provision(texts: Assistant) -> None:
    answer = texts.ask("Who is the Theta Guide for?")
    assert not answer.abstained
    assert answer.text.startswith("Theta Guide for Small Firms names SMEs in 3, companies in 2 and governments in 1 of its "
                                  "5 provisions; for example:")  # "Users of the shared printer" are no consumers
    assert [c.label for c in answer.citations] == ["Paragraph 2", "Paragraph 5"]  # what each is asked to do
    follow = texts.ask("Who is it for?", history=["Tell me about the Theta Guide"])
    assert follow.text == answer.text
    practice = texts.ask("Who is it for?", history=["What does the Theta Guide say about phishing?"])
    assert "names SMEs in 3" not in practice.text  # "it" is spotting phishing, asked of the text


def test_a_text_naming_no_group_is_said_to_name_none(texts: Assistant) -> None:
    answer = texts.ask("Who is the Iota Note addressed to?")
    assert answer.abstained and answer.text.startswith("Iota Note on Weather names none of the groups its provisions are")


@pytest.mark.slow
def test_the_g7_text_speaks_to_companies_smes_and_governments(full: Assistant) -> None:
    answer = full.ask("Who is the G7 text for?")
    assert answer.text.startswith("G7 Actions for Enhancing Cybersecurity for Businesses names companies in 15, SMEs in 8 "
                                  "and governments in 6 of its 22 provisions; for example:")
    addressed = full.ask("Who is the Budapest Convention addressed to?")
    assert "Secretary General" not in addressed.text  # not the notifications "addressed to the Secretary General"
