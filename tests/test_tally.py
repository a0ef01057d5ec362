"""How often the texts mention a topic: every provision read, those that say it counted and cited."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.tally import Tally, across, lead, tally

from tests.conftest import ingested


@pytest.mark.parametrize(("question", "expected"), [
    ("How many times does the G7 text mention SMEs?", Tally("text", "SMEs")),
    ("How often does the ICC note mention governments?", Tally("text", "governments")),
    ("How often are consumers mentioned in the G7 declaration?", Tally("text", "consumers")),
    ("How many times does the UN Charter come up?", Tally("text", "the UN Charter")),
    ("Count the mentions of cooperation in the G7 text.", Tally("text", "cooperation")),
    ("Tally the mentions of backups in Cyber Essentials.", Tally("text", "backups")),
    ("In how many provisions does NIS 2 mention supply chains?", Tally("text", "supply chains")),
    ("How many provisions of the Budapest Convention mention child pornography?", Tally("text", "child pornography")),
    ("How often does the Budapest Convention use the word computer?", Tally("text", "computer")),
    ("How many of the texts mention SMEs?", Tally("texts", "SMEs")),
    ("In how many documents is capacity building mentioned?", Tally("texts", "capacity building")),
    ("Which text mentions SMEs the most?", Tally("most", "SMEs")),
    ("Which document talks most about cooperation?", Tally("most", "cooperation")),
    ("Which text says the most about SMEs?", Tally("most", "SMEs")),
    ("In how many of the texts do SMEs appear?", Tally("texts", "SMEs")),
])
def test_a_question_counting_mentions_is_read_for_its_topic_and_scope(question: str, expected: Tally) -> None:
    assert tally(question) == expected


@pytest.mark.parametrize("question", [
    "How often does Cyber Essentials say to run phishing simulations?",  # how often to do something
    "How often should backups be tested?",
    "How many texts do you have?",
    "How many G7 actions mention SMEs?",  # numbered items: a sifting
    "What does the G7 say about SMEs?",
])
def test_a_question_counting_no_mentions_is_left_to_other_answers(question: str) -> None:
    assert tally(question) is None


def test_the_lead_says_how_often_in_passages_and_which_text_most() -> None:
    smes = Tally("text", "SMEs")
    assert lead(smes, "the NIS 2 Directive", 1, 1) == "The NIS 2 Directive mentions SMEs in 1 passage:"
    assert lead(smes, "X", 14, 12) == "X mentions SMEs in 14 passages; the first 12 are cited:"
    assert lead(smes, "X", 0, 0) == "X never mentions SMEs."
    counts = {"G7": 8, "ICC": 2}
    assert across(Tally("texts", "SMEs"), counts, 8) == "2 of the 8 texts searched mention SMEs: G7 (8 passages); ICC (2 passages)."
    assert across(Tally("most", "SMEs"), counts, 8).startswith("G7 mentions SMEs most, in 8 passages.")
    assert "equally often" in across(Tally("most", "SMEs"), {"A": 2, "B": 2}, 8)
    assert across(Tally("texts", "ransomware"), {}, 8) == "None of the 8 texts searched mentions ransomware."


PLAN = ("---\ntitle: \"Regional Cyber Plan\"\n---\n\n# Regional Cyber Plan\n\nHospitals hold sensitive records.\n\n"
        "## Actions\n\nWe intend to:\n\n1. train small firms in safe email use;\n2. fund research on encryption;\n"
        "3. help small firms and hospitals back up their records; hospitals first;\n4. foster collaboration with hospitals.\n")
NOTE = ("---\ntitle: \"Harbour Security Note\"\n---\n\n# Harbour Security Note\n\nPorts should encrypt their records.\n\n"
        "Ports obey domestic law and international rules.\n\nMutual Legal Assistance Treaties (MLATs) are slow.\n\n"
        "Mutual legal assistance treaties need reform.\n")


@pytest.fixture
def plans(tmp_path: Path) -> Assistant:
    return ingested(tmp_path, {"plan.md": PLAN, "note.md": NOTE})


def test_every_provision_saying_the_topic_is_counted_once_and_cited(plans: Assistant) -> None:
    hospitals = plans.ask("How many times does the Regional Cyber Plan mention hospitals?")
    assert hospitals.text.startswith("Regional Cyber Plan mentions hospitals in 3 passages:")  # item 3 says it twice: once
    assert [c.provision_id for c in hospitals.citations] == ["plan/para-1", "plan/actions/item-3", "plan/actions/item-4"]
    texts = plans.ask("How many of the texts mention records?")
    assert texts.text.startswith("2 of the 2 texts searched mention records: Regional Cyber Plan (2 passages); "
                                 "Harbour Security Note (1 passage).")
    most = plans.ask("Which text mentions records the most?")
    assert most.text.startswith("Regional Cyber Plan mentions records most, in 2 passages.")
    assert [c.provision_id for c in most.citations] == ["plan/para-1", "plan/actions/item-3"]
    never = plans.ask("How many times does the Harbour Security Note mention hospitals?")
    assert never.abstained and never.text == "Harbour Security Note never mentions hospitals."
    split = plans.ask("How many times does the Harbour Security Note mention international law?")
    assert split.abstained and split.text == "Harbour Security Note never mentions international law."  # not side by side
    mlats = plans.ask("How many times does the Harbour Security Note mention MLATs?")
    assert mlats.text.startswith("Harbour Security Note mentions MLATs in 2 passages:")  # the long form is a mention
    follow = plans.ask("And the Harbour Security Note?", history=["How many times does the Regional Cyber Plan mention records?"])
    assert follow.text.startswith("Harbour Security Note mentions records in 1 passage:")


@pytest.mark.slow
def test_the_real_texts_mentions_are_counted(full: Assistant) -> None:
    smes = full.ask("How many times does the G7 text mention SMEs?")
    assert smes.text.startswith("G7 Actions for Enhancing Cybersecurity for Businesses mentions SMEs in 8 passages:")
    assert len(smes.citations) == 8
    cooperation = full.ask("Count the mentions of cooperation in the G7 text.")  # "co-operation" is one; "collaboration" is not
    assert cooperation.text.startswith("G7 Actions for Enhancing Cybersecurity for Businesses mentions cooperation in 7 passages:")
    texts = full.ask("How many of the texts mention SMEs?")
    assert texts.text.startswith("2 of the 8 texts searched mention SMEs:")
    ransomware = full.ask("How many times does the ICC mention ransomware?")
    assert ransomware.abstained and ransomware.text == "ICC Board Briefing never mentions ransomware."
