"""The practices list: every commitment and recommendation of the index, with what its filters look at."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.types import Practice

if TYPE_CHECKING:
    from assistant.sparse import Record

PRACTICE_KINDS = ("commitment", "recommendation")


@dataclass(frozen=True)
class Entry:
    """One practice with what the filters look at: its first part's metadata and its lower-cased words."""

    practice: Practice
    meta: dict
    haystack: str
    start: int


def _practice(parts: list) -> Practice:
    meta = parts[0].metadata
    page = meta.get("page")
    return Practice(
        provision_id=meta["provision_id"], doc_id=meta.get("doc_id", ""), doc_title=meta.get("doc_title", ""),
        issuer=meta.get("issuer", ""), date=meta.get("date", ""), label=meta.get("label", ""),
        kind=meta.get("kind", ""), actor=meta.get("actor", ""), addressees=list(meta.get("addressees") or []),
        text=" ".join(p.text for p in parts), page=int(page) if page not in (None, "") else None,
        heading_path=list(meta.get("heading_path") or []),
    )


def catalogue(records: list[Record]) -> list[Entry]:
    """Return the practices among records, one entry per provision, in document order."""
    grouped: dict[str, list[Record]] = {}
    for record in records:
        if record.metadata.get("kind") in PRACTICE_KINDS:
            grouped.setdefault(record.metadata["provision_id"], []).append(record)
    entries = []
    for parts in grouped.values():
        parts.sort(key=lambda r: int(r.metadata.get("part", 1)))
        practice = _practice(parts)
        haystack = f"{practice.label} {practice.text} {' '.join(practice.heading_path)}".lower()
        entries.append(Entry(practice, parts[0].metadata, haystack, int(parts[0].metadata.get("char_start", 0))))
    entries.sort(key=lambda e: (e.practice.doc_id, e.start))
    return entries
