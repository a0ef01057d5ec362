"""How an answer's evidence reads: one sentence for one passage, else per document a header and bullets.

The header names who said it and when ("According to the NIS 2 Directive (…, 14 December 2022):"), or,
where every passage continues one list's introduction, the actor and verb ("The G7 ICT and Industry
Ministers (…) intend to:"); each bullet is a label and a verbatim quote with its [n] marker.
"""

from __future__ import annotations

import re

from assistant.evidence import Evidence
from assistant.listing import intro_verb
from assistant.render import in_prose, item, readable_date, short_title
from assistant.types import Document, Hit, issuer_name
from assistant.wording import number_word


class Prose:
    """Write evidence in reading order as answer text whose [n] markers follow that order."""

    def __init__(self, documents: dict[str, Document]) -> None:
        self.documents = documents

    def render(self, evidence: list[Evidence]) -> str:
        """Render evidence already in reading order; markers [n] follow that order."""
        if len(evidence) == 1:
            return self.sentence(evidence[0], 1)
        blocks, number = [], 1
        for doc_id in dict.fromkeys(e.hit.doc_id for e in evidence):
            group = [e for e in evidence if e.hit.doc_id == doc_id]
            blocks.append(self.block(group, number))
            number += len(group)
        return "\n\n".join(blocks)

    def block(self, group: list[Evidence], first: int) -> str:
        """Render one document's evidence as a header line and bullets numbered from first."""
        lines = [self.header([e.hit for e in group])]
        previous = ""
        for n, e in enumerate(group, start=first):
            if e.hit.provision_id == previous:
                lines[-1] += f" “{e.quote}” [{n}]"  # the next part of one provision: one bullet, one label
            else:
                lines.append(f"{e.hit.label}: “{e.quote}” [{n}]")
            previous = e.hit.provision_id
        return "\n".join([lines[0], *(item("-", line) for line in lines[1:])])

    def sentence(self, e: Evidence, n: int) -> str:
        """Render one passage as one sentence naming its maker, text, date and place."""
        hit = e.hit
        verb = intro_verb(hit.intro)
        if verb and hit.actor:
            return f"The {hit.actor} ({_date(hit)}) {verb} “{e.quote}” [{n}] ({short_title(hit.doc_title)}, {hit.label})."
        return f"According to {short_title(hit.doc_title)} ({self.who_when(hit)}), {hit.label}: “{e.quote}” [{n}]."

    def header(self, hits: list[Hit]) -> str:
        """Return the line before one document's bullets: its actor and verb where all share them, else the text."""
        hit = hits[0]
        verb = intro_verb(hit.intro)
        if verb and hit.actor and all(intro_verb(h.intro) == verb for h in hits):
            return f"The {hit.actor} ({short_title(hit.doc_title)}, {_date(hit)}) {verb}:"
        return f"According to {short_title(hit.doc_title)} ({self.who_when(hit)}):"

    def spread_lead(self, doc_ids: list[str], capped: bool) -> str:
        """Return the sentence naming the texts that speak of a topic ("Which texts mention X?"), before their quotes.

        capped: the answer names no more texts than this, so others may speak of it less closely.
        """
        titles = [short_title(self.documents[d].title) if d in self.documents else d for d in doc_ids]
        names = in_prose([re.sub(r"^The\b", "the", t) for t in titles])  # "… and the NIST Cybersecurity Framework"
        if capped and len(doc_ids) == 1:
            return f"The text that speaks of this most closely is {names}."
        if capped:
            return f"The texts that speak of this most closely are {names}."
        count = number_word(len(doc_ids)).capitalize()
        return f"{count} of the texts {'speaks' if len(doc_ids) == 1 else 'speak'} of this: {names}."

    def who_when(self, hit: Hit) -> str:
        """Return who issued a hit's text and when ("ICC, 08 February"), as an answer names them."""
        issuer = hit.issuer or (self.documents[hit.doc_id].issuer if hit.doc_id in self.documents else "")
        acronym = re.search(r"\(([A-Z]{2,6})\)", issuer)
        who = acronym.group(1) if acronym else issuer_name(issuer)
        return ", ".join(x for x in (who, readable_date(hit.date)) if x) or "undated"


def _date(hit: Hit) -> str:
    return readable_date(hit.date) or "undated"
