"""Which provision leads an answer: a relationship's pair put together, an article titled by the topic."""

from __future__ import annotations

from assistant.hits import Scored
from assistant.leading import closest_pair, dominant, order_lead, titled
from assistant.query import Analyzed
from assistant.types import Hit


def scored(pid: str, text: str, support: float, heading_path: list[str] | None = None, start: int = 0) -> Scored:
    hit = Hit(provision_id=pid, doc_id=pid.split("/")[0], doc_title="T", label=pid, text=text, score=support,
              heading_path=heading_path or [], char_start=start)
    return Scored(hit, support, 1.0, support)


def test_the_provision_that_puts_two_things_together_leads_a_relationship_asked_between_them() -> None:
    apart = scored("icc/t1", "How international law applies online matters to trade. " + "More words here. " * 6
                   + "Cybersecurity is a shared issue.", 0.9)
    together = scored("icc/t6", "Fostering Trade with Cybersecurity and the digital economy.", 0.8)
    pair = (frozenset({"cybersecur"}), frozenset({"trade"}))
    assert closest_pair([apart, together], pair) is together
    assert closest_pair([apart], pair) is None  # the two are too far apart to be put together


def test_an_article_titled_by_the_questions_weightiest_word_leads() -> None:
    asked = Analyzed("q", "q", keyterms={"reserv": 3.7, "parti": 1.2, "make": 0.9})
    topic = dominant(asked.keyterms)
    assert topic == "reserv" and dominant({"reserv": 2.0, "parti": 1.5}) == ""  # no term outweighs the rest twice over
    assert titled(scored("b/42", "t", 0.5, ["Convention", "Article 42", "Reservations"]).hit, topic)
    assert titled(scored("b/42", "t", 0.5, ["Convention", "Article 42 – Reservations"]).hit, topic)
    assert not titled(scored("b/43", "t", 0.5, ["Convention", "Article 43", "Status and withdrawal of reservations"]).hit, topic)
    assert not titled(scored("g/c", "t", 0.5, ["Guide", "C.iv Cloud services", "Reservations"]).hit, topic)  # a table row


def test_the_earlier_of_near_ties_in_one_text_leads_and_a_titled_article_leads_over_them() -> None:
    later = scored("b/43", "A Party that has made a reservation shall withdraw it.", 0.81, ["Convention", "Article 43"], 900)
    earlier = scored("b/41", "Parties may make reservations to a federal clause.", 0.80, ["Convention", "Article 41"], 500)
    good = [later, earlier]
    order_lead(good, Analyzed("q", "q", keyterms={"withdraw": 1.0, "parti": 1.0}), lambda s: s.score)
    assert good[0] is earlier  # texts state the rule before its variants
    titled_article = scored("b/42", "Any State may avail itself of the reservations.", 0.7, ["Convention", "Article 42", "Reservations"], 700)
    good = [later, earlier, titled_article]
    order_lead(good, Analyzed("q", "q", keyterms={"reserv": 3.7, "parti": 1.2}), lambda s: s.score)
    assert good[0] is titled_article
