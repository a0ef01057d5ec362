"""Evidence: a provision an answer relies on, the span of it quoted, its citation, and the order answers read in."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.hits import Scored
from assistant.listing import PARALLEL_MIN
from assistant.types import Citation, Hit


@dataclass
class Evidence:
    """A provision chosen to support the answer, with the span of it the answer quotes."""

    scored: Scored
    quote: str

    @property
    def hit(self) -> Hit:
        """Return the cited hit."""
        return self.scored.hit


def reading_order(evidence: list[Evidence]) -> list[Evidence]:
    """Group evidence by document (best document first); the items of one list or section keep the document's order."""
    from assistant.ingest.outline import introduces

    documents = list(dict.fromkeys(e.hit.doc_id for e in evidence))
    ordered: list[Evidence] = []
    for doc_id in documents:
        group = [e for e in evidence if e.hit.doc_id == doc_id]
        intros = {e.hit.intro for e in group if e.hit.intro}
        lists = {e.hit.intro or next((i for i in intros if introduces(e.hit.text, i)), "") for e in group}
        one_section = len(group) >= PARALLEL_MIN and len({tuple(e.hit.heading_path) for e in group}) == 1
        if (len(lists) == 1 and "" not in lists) or one_section:
            group.sort(key=lambda e: (e.hit.char_start, e.hit.part))
        ordered += group
    return ordered


def cite(n: int, evidence: Evidence) -> Citation:
    """Return the citation numbered n of a piece of evidence."""
    hit = evidence.hit
    return Citation(
        n=n, provision_id=hit.provision_id, doc_id=hit.doc_id, doc_title=hit.doc_title, label=hit.label,
        page=hit.page, text=hit.text, quote=evidence.quote, score=round(evidence.scored.score, 4),
        issuer=hit.issuer, date=hit.date, heading_path=hit.heading_path, part=hit.part,
        part_count=hit.part_count, char_start=hit.char_start, char_end=hit.char_end,
    )
