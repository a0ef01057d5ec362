"""A part a question sets aside ("Apart from SMEs, …", "Other than firewalls, …") is left out of the question and its answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.exclusion import SetAside, set_aside
from assistant.types import Hit

from tests.conftest import ingested


@pytest.mark.parametrize(("question", "rest", "terms"), [
    ("Apart from SMEs, who does the G7 want involved?", "Who does the G7 want involved?", ("smes",)),
    ("Leaving CSIRTs aside, how is information shared?", "How is information shared?", ("csirt",)),
    ("Other than firewalls, which controls does Cyber Essentials cover?", "Which controls does Cyber Essentials cover?",
     ("firewal",)),
    ("Besides fixing MLATs, what does the ICC want?", "What does the ICC want?", ("mlat",)),  # the MLATs, not the fixing
    ("Setting aside illegal access, which offences are there?", "Which offences are there?", ("illeg", "access")),
    ("Which controls does Cyber Essentials cover, other than firewalls?", "Which controls does Cyber Essentials cover?",
     ("firewal",)),
    ("What does Cyber Essentials require besides patching?", "What does Cyber Essentials require?", ("patch",)),
])
def test_the_part_set_aside_is_taken_from_the_question(question: str, rest: str, terms: tuple[str, ...]) -> None:
    assert set_aside(question) == SetAside(rest, terms)


@pytest.mark.parametrize("question", [
    "Is the Commission required to adopt implementing acts for entities other than the digital providers?",  # a restriction
    "What does the ICC say about MLATs?",
])
def test_a_question_that_sets_nothing_aside_is_left_as_it_is(question: str) -> None:
    assert set_aside(question) is None


def _hit(label: str, text: str, heading: list[str]) -> Hit:
    return Hit(provision_id="x/1", doc_id="x", doc_title="X", label=label, text=text, score=1.0, heading_path=heading)


def test_a_provision_is_about_what_is_set_aside_when_its_heading_names_it_or_it_says_nothing_else() -> None:
    firewalls = SetAside("Which controls?", ("firewal",))
    assert firewalls.about(_hit("A, item 1", "Firewalls", ["Cyber Essentials", "A. Controls"]))
    assert firewalls.about(_hit("D.1 Firewalls, requirement 2", "prevent access to the interface", ["CE", "D.1", "Requirements"]))
    assert not firewalls.about(_hit("A, item 2", "Secure configuration", ["Cyber Essentials", "A. Controls"]))
    assert not firewalls.about(_hit("Item 3", "Configure routers and firewalls securely.", ["CE", "Routers"]))  # in passing
    access = SetAside("Which offences?", ("illeg", "access"))
    assert access.about(_hit("Article 2", "the access … without right", ["Convention", "Title 1", "Article 2 – Illegal access"]))
    assert not access.about(_hit("Article 3", "the interception", ["Convention", "Title 1", "Article 3 – Illegal interception"]))
    titled = SetAside("Which requirements?", ("requir",))
    assert not titled.about(_hit("Item 1", "Firewalls", ["Cyber Essentials: Requirements for IT", "A. Controls"]))  # not the title


GUIDE = ("---\ntitle: \"Small Office Guide\"\n---\n\n# Small Office Guide\n\n## Controls\n\n"
         "We have organised the requirements under four technical controls:\n\n1. Firewalls\n2. Secure configuration\n"
         "3. Malware protection\n4. Backups\n\n## Firewalls\n\nEvery office must run a boundary firewall.\n\n"
         "## Partners\n\nWe cooperate with small firms, notably shops, involving universities and insurers.\n")


def test_the_answer_leaves_out_what_is_set_aside_but_keeps_what_only_mentions_it(tmp_path: Path) -> None:
    guide: Assistant = ingested(tmp_path, {"guide.md": GUIDE})
    controls = guide.ask("Other than firewalls, which technical controls does the Small Office Guide cover?")
    cited = [c.provision_id for c in controls.citations]
    assert "guide/controls/item-2" in cited and "guide/controls/item-4" in cited
    assert "guide/controls/item-1" not in cited and "guide/firewalls/para-1" not in cited
    assert controls.question.startswith("Other than firewalls")
    partners = guide.ask("Apart from shops, who does the Small Office Guide cooperate with?")
    assert [c.provision_id for c in partners.citations][:1] == ["guide/partners/para-1"]  # names shops among others
