"""Whether a provision's own words say a topic: the words themselves, side by side, or an acronym's long form."""

from __future__ import annotations

from assistant.mentions import own_terms, says
from assistant.sparse import tokenize
from assistant.types import Hit


def _hit(text: str) -> Hit:
    return Hit(provision_id="d/p", doc_id="d", doc_title="D", label="Paragraph 1", text=text, score=1.0)


def _spelled(term: str) -> list[frozenset[str]]:
    return [frozenset(tokenize("mutual legal assistance treaty"))] if term == "mlat" else []


def test_a_topic_is_said_in_its_own_words_side_by_side() -> None:
    assert says(_hit("Ports obey international law."), tuple(tokenize("international law")), _spelled)
    assert not says(_hit("Ports obey domestic law and international rules."), tuple(tokenize("international law")), _spelled)
    assert says(_hit("capacity-building efforts"), tuple(tokenize("capacity building")), _spelled)
    assert says(_hit("supply chain security"), tuple(tokenize("supply chains")), _spelled)
    # a hyphenated topic as a question keeps it: "multi-factor" beside "authentication", not "multi-factor multi factor"
    asked = ("multi-factor", "authent")
    assert says(_hit("the use of multi-factor authentication or continuous authentication"), asked, _spelled)
    assert not says(_hit("multi-factor checks and authentication logs"), asked, _spelled)


def test_an_acronym_is_said_by_its_long_form_and_its_plural() -> None:
    assert says(_hit("Mutual Legal Assistance Treaties need reform."), ("mlat",), _spelled)
    assert says(_hit("awareness campaigns amongst SMEs"), ("sme",), _spelled)
    assert set(tokenize("cooperation")) <= own_terms(_hit("co-operation"))  # a hyphen is no different word
