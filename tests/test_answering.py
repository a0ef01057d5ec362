"""Answering one question: what a "Tell me more" or a set-aside part leaves out, and words no text holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from assistant.answering import Turn, _unheld
from assistant.config import Settings
from assistant.exclusion import SetAside
from assistant.hits import Scored
from assistant.sparse import tokenize
from assistant.service import Assistant
from assistant.types import Answer, Filters, Hit
from tests.conftest import ingested


def _scored(pid: str, label: str, text: str) -> Scored:
    return Scored(Hit(provision_id=pid, doc_id="ce", doc_title="CE", label=label, text=text, score=0.5), 0.5, 1.0, 0.8)


def _turn(shown: frozenset[str] = frozenset(), aside: SetAside | None = None) -> Turn:
    nothing = cast(Any, None)  # the parts a turn answers with play no part in what it leaves out
    return Turn(Settings(), nothing, nothing, nothing, "q", [], Filters(), 5, shown, aside, nothing)


def test_a_turn_leaves_out_what_the_answer_before_cited_and_what_the_question_sets_aside() -> None:
    firewalls = _scored("ce/d-1", "D.1 Firewalls", "Every device must be protected by a firewall.")
    malware = _scored("ce/d-5", "D.5 Malware protection", "Anti-malware software must be kept up to date.")
    assert _turn().unseen([firewalls, malware]) == [firewalls, malware]
    assert _turn(shown=frozenset({"ce/d-1"})).unseen([firewalls, malware]) == [malware]  # "Tell me more"
    aside = SetAside("Which controls are there?", tuple(tokenize("firewalls")))
    assert _turn(aside=aside).unseen([firewalls, malware]) == [malware]  # "Other than firewalls, …"


def test_words_no_text_holds_are_said_before_the_answer_or_the_refusal() -> None:
    answered = _unheld(Answer(question="q", text="According to …"), "every company must appoint a CISO")
    assert answered.text.startswith("Not in those words: no indexed text contains “every company must appoint a CISO”.")
    refused = _unheld(Answer(question="q", text="The corpus does not address this.", abstained=True), "a CISO")
    assert refused.text == "No indexed text contains the words “a CISO”. The corpus does not address this."


PLAN = ("---\ntitle: \"Regional Cyber Plan\"\n---\n\n# Regional Cyber Plan\n\n## Actions\n\nWe intend to:\n\n"
        "1. run awareness campaigns for small firms;\n2. fund research on encryption.\n")
GUIDE = ("---\ntitle: \"Staff Security Guide\"\n---\n\n# Staff Security Guide\n\n## Training\n\n"
         "Every organisation must train its staff in phishing awareness each year.\n")


def test_a_refusal_on_a_text_named_lists_that_texts_nearest_passages_first(tmp_path: Path) -> None:
    both: Assistant = ingested(tmp_path, {"plan.md": PLAN, "guide.md": GUIDE})
    refused = both.ask("What does the Regional Cyber Plan say about training staff?")  # the guide's words, not the plan's
    assert refused.abstained and refused.text.startswith("The corpus does not address this: no provision in Regional")
    assert refused.related and refused.related[0].doc_id == "plan", [c.doc_id for c in refused.related]
