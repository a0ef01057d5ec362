"""How an answer's evidence reads: the line naming the texts that speak of a topic."""

from __future__ import annotations

from assistant.prose import Prose
from assistant.types import Document

G7 = Document(doc_id="g7", title="G7 Actions for Enhancing Cybersecurity for Businesses", issuer="G7 ICT and Industry Ministers",
              date="26 September 2017")
ICC = Document(doc_id="icc", title="ICC Board Briefing: 5 Takeaways", issuer="International Chamber of Commerce (ICC)",
               date="08 February (year not stated)")


def test_which_texts_answers_name_the_texts_first_and_hedge_when_the_answer_names_no_more_than_its_limit() -> None:
    nist = Document(doc_id="nist", title="The NIST Cybersecurity Framework (CSF) 2.0", issuer="NIST", date="2024-02-26")
    prose = Prose({d.doc_id: d for d in (G7, ICC, nist)})
    assert prose.spread_lead(["g7"], capped=False) == (
        "One of the texts speaks of this: G7 Actions for Enhancing Cybersecurity for Businesses.")
    # a title's "The" reads mid-sentence as "the"
    assert prose.spread_lead(["icc", "nist"], capped=False) == (
        "Two of the texts speak of this: ICC Board Briefing and the NIST Cybersecurity Framework.")
    # more texts than the answer names may speak of it, less closely
    assert prose.spread_lead(["nist"], capped=True) == "The text that speaks of this most closely is the NIST Cybersecurity Framework."
    assert prose.spread_lead(["g7", "icc"], capped=True).startswith("The texts that speak of this most closely are G7")
