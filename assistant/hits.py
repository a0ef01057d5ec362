"""Stored parts as hits: the Hit a part becomes, the filters it passes, a scored candidate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.types import Filters, Hit

if TYPE_CHECKING:
    from assistant.sparse import Record


@dataclass
class Scored:
    """A candidate with the evidence features the answer composer and abstention use."""

    hit: Hit
    cosine: float
    coverage: float
    score: float
    placed: float = 0.0  # share of the place the question names ("Article 21(2)") that this provision is at
    on_topic: bool = True  # it speaks of a follow-up's own new topic ("What about customers?"), if the follow-up has one
    lead_in: bool = False  # brought in to introduce a list cited whole, not ranked: quoted as what leads into it


def hit_from(record: Record, score: float) -> Hit:
    """Turn a stored part into a Hit."""
    m = record.metadata
    page = m.get("page")
    return Hit(
        provision_id=m.get("provision_id", record.id), doc_id=m.get("doc_id", ""), doc_title=m.get("doc_title", ""),
        label=m.get("label", ""), page=int(page) if page not in (None, "") else None, text=record.text,
        score=round(float(score), 4), issuer=m.get("issuer", ""), date=m.get("date", ""),
        heading_path=list(m.get("heading_path") or []), kind=m.get("kind", "context"), actor=m.get("actor", ""),
        addressees=list(m.get("addressees") or []), intro=m.get("intro", ""), part=int(m.get("part", 1)),
        part_count=int(m.get("part_count", 1)), char_start=int(m.get("char_start", 0)),
        char_end=int(m.get("char_end", 0)),
    )


def matches(meta: dict[str, Any], filters: Filters) -> bool:
    """Return True when a part's metadata passes the filters."""
    if filters.doc_ids and meta.get("doc_id") not in filters.doc_ids:
        return False
    if filters.issuer and filters.issuer.lower() not in str(meta.get("issuer", "")).lower():
        return False
    if filters.year and meta.get("year") != filters.year:
        return False
    if filters.kinds and meta.get("kind") not in filters.kinds:
        return False
    wanted = filters.addressee.lower()
    return not wanted or any(a.lower() == wanted for a in meta.get("addressees") or [])
