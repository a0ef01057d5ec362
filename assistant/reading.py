"""Reading a text in order: a list and its introduction, the items at a place, a text's opening and dateline.

Retrieval ranks provisions by how well they match; some questions are answered by where provisions
stand instead: "How many actions are in Objective 2?", "What does the Paris Call say?", "When was it
adopted?" (the dateline), a list item quoted after the sentence it completes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from assistant import provenance, references, shapes
from assistant.hits import Scored, hit_from, matches
from assistant.types import Document, Filters, Hit
from assistant.wording import AUXILIARIES

if TYPE_CHECKING:
    from assistant.places import PlaceIndex
    from assistant.sparse import Record

_OPERATIVE = re.compile(r"operative paragraph\b", re.I)  # a resolution's label for what it decides and requests
_ITEM = re.compile(r"/item-\w+")  # a numbered or lettered item directly under its section
_TOP_ITEM = re.compile(r"^[^/]+/item-\w+$")  # an item of the text's own list, not of an article or a heading
OPENING_WORDS = 12  # "United Nations", a dateline or a distribution line does not open what a text says
# a line with no closing mark and no verb of a sentence is a title line ("Eightieth session Agenda item 94 …")
_FINITE = re.compile(r"\b(?:" + "|".join(sorted(AUXILIARIES | {"be", "been", "had"})) + r")\b", re.I)
LEAD_IN_WORDS = 8  # "What you should do first:" heads the paragraphs after it; a longer sentence may end a list of its own
COUNTED_MAX = 400  # provisions read at a named place to count its items ("How many actions in Objective 2?")


class Reader:
    """Read the stored parts of each document in the order the text gives them."""

    def __init__(self, records: Sequence[Record], by_doc: dict[str, list[int]], places: PlaceIndex) -> None:
        self.records = records
        self.by_doc = by_doc
        self.places = places
        self._in_order: dict[str, list[int]] = {}

    def in_order(self, doc_id: str) -> list[int]:
        """Return a document's parts in the text's order (the store keeps its own), sorted on first use only."""
        ordered = self._in_order.get(doc_id)
        if ordered is None:  # two threads may both sort it: the same list, no lock needed
            records = self.records
            ordered = sorted(self.by_doc.get(doc_id, []), key=lambda i: (_start(records[i]), int(records[i].metadata.get("part", 1))))
            self._in_order[doc_id] = ordered
        return ordered

    def texts(self, doc_ids: Sequence[str]) -> list[str]:
        """Return the text of every stored part of the documents (of all, when none are given), then their headings."""
        parts = [self.records[i] for d in (doc_ids or self.by_doc) for i in self.by_doc.get(d, [])]
        headings = dict.fromkeys(h for r in parts for h in r.metadata.get("heading_path") or ())
        return [r.text for r in parts] + list(headings)

    def keeper(self, filters: Filters) -> Callable[[int], bool]:
        """Return whether a stored part passes the filters, by index."""
        if filters.is_empty():
            return lambda i: True
        return lambda i: matches(self.records[i].metadata, filters)

    def opening(self, doc_id: str, k: int, filters: Filters, lists: bool = False, purpose: bool = False) -> list[Scored]:
        """Return a text's first substantive provisions, in reading order: what it says as a whole.

        lists: a short line introducing a list ("… under five technical controls:") counts, to bring its items.
        purpose: those in which the text says what it is for, where it says so, come instead.
        """
        keep = self.keeper(filters)
        records = [self.records[i] for i in self.in_order(doc_id) if keep(i)]
        if purpose and (stated := [r for r in records if int(r.metadata.get("part", 1)) == 1
                                   and shapes.states_own_purpose(r.text)]):
            return [_given(r, placed=1.0) for r in stated[:k]]
        substantive = [r for r in records if int(r.metadata.get("part", 1)) == 1 and not _title_line(r.text)
                       and (len(r.text.split()) >= OPENING_WORDS or (lists and r.text.rstrip().endswith(":")))]
        # a resolution says what it does in its operative paragraphs; its preamble recalls what came before
        acting = [r for r in substantive if _OPERATIVE.match(str(r.metadata.get("label", "")))]
        return [_given(r, placed=1.0) for r in (acting or substantive)[:k]]

    def list_items(self, hit: Hit, limit: int = 12) -> list[Hit]:
        """Return the items of the list a provision introduces ('… under five technical controls:'), in order."""
        text = hit.text.rstrip()
        if not text.endswith(":"):
            return []
        from assistant.ingest.outline import introduces

        parent = hit.provision_id.rsplit("/", 1)[0]
        records = [self.records[i] for i in self.in_order(hit.doc_id)]
        items = [
            hit_from(r, hit.score) for r in records
            if introduces(text, r.metadata.get("intro", "")) and int(r.metadata.get("part", 1)) == 1
            and r.metadata.get("provision_id", "").startswith(parent)
        ]
        if not items and len(text.split()) <= LEAD_IN_WORDS:
            items = _paragraphs_after(hit, records, parent, limit)
        return items[:limit] if len(items) <= limit else []

    def section_items(self, hit: Hit, limit: int = 12) -> list[Hit]:
        """Return the numbered items under a provision's own heading ('Opportunities for future action'), in order."""
        parent = hit.provision_id.rsplit("/", 1)[0]
        items = [hit_from(self.records[i], hit.score) for i in self.in_order(hit.doc_id)
                 if _ITEM.fullmatch(self.records[i].metadata.get("provision_id", "").removeprefix(parent))
                 and int(self.records[i].metadata.get("part", 1)) == 1
                 and list(self.records[i].metadata.get("heading_path") or []) == list(hit.heading_path)]
        return items if 2 <= len(items) <= limit and any(h.provision_id == hit.provision_id for h in items) else []

    def at_place(self, hit: Hit, wanted: frozenset[references.Reference], limit: int) -> list[Hit]:
        """Return the provisions (every part) at the place a question names in hit's document, in reading order."""
        keep = lambda i: self.records[i].metadata.get("doc_id") == hit.doc_id  # noqa: E731
        return [hit_from(self.records[i], hit.score) for i in self.places.placed(wanted, keep, limit, exact=True)]

    def referred(self, hit: Hit) -> list[Hit]:
        """Return the provisions of its own article a provision names instead of restating them ("… point (d)")."""
        at = next((i for i in self.by_doc.get(hit.doc_id, []) if self.records[i].metadata.get("provision_id") == hit.provision_id
                   and int(self.records[i].metadata.get("part", 1)) == hit.part), None)
        return [] if at is None else [hit_from(self.records[i], hit.score) for i in self.places.referred(at, references.pointed)]

    def list_intro(self, hit: Hit) -> Hit | None:
        """Return the provision that introduces the list an item belongs to ('… by:'), if it is stored."""
        if not hit.intro:
            return None
        from assistant.ingest.outline import introduces

        before = [self.records[i] for i in self.in_order(hit.doc_id) if _start(self.records[i]) < hit.char_start]
        for record in reversed(before):
            if introduces(record.text, hit.intro):
                return hit_from(record, hit.score)
        return None

    def counted(self, noun: str, wanted: frozenset[references.Reference], doc_ids: list[str], filters: Filters) -> list[Hit]:
        """Return the numbered items a "how many X" question counts ("Objective 2, action 1" …), in order.

        The items are those at the place the question names, else those of the one document it names;
        an item is a number the labels give the noun ("action 3", "Takeaway 6", "Article 16, paragraph 1").
        """
        keep = self.keeper(filters)
        if wanted:
            named = {i for d in doc_ids for i in self.by_doc.get(d, [])}
            indices = [i for i in self.places.placed(wanted, keep, COUNTED_MAX) if not doc_ids or i in named]
        elif len(doc_ids) == 1:
            indices = [i for i in self.in_order(doc_ids[0]) if keep(i)]
        else:
            return []
        records = sorted((self.records[i] for i in indices), key=_start)
        numbered = re.compile(rf"\b{re.escape(noun)}\s+(\d+)\b", re.I)
        first: dict[str, Record] = {}  # each number once, at its first provision ("Article 16, paragraph 1")
        for record in records:
            label = str(record.metadata.get("label", ""))
            found = numbered.search(label)
            if found:  # "Objective 2, action 3" is not "Objective 1, action 3"
                first.setdefault(label[:found.end()], record)
        chosen = list(first.values()) or (references.children(records) if wanted else [])
        return [hit_from(r, 1.0) for r in chosen]

    def numbered(self, doc_id: str) -> list[Hit]:
        """Return a document's top-level numbered items in order ("the Paris Call's principles": its items 1 to 9)."""
        return [hit_from(self.records[i], 1.0) for i in self.in_order(doc_id)
                if _TOP_ITEM.search(self.records[i].metadata.get("provision_id", ""))
                and int(self.records[i].metadata.get("part", 1)) == 1]

    def provisions(self, doc_id: str) -> list[Hit]:
        """Return each provision of a document once, by its first part, in order ("Which G7 provisions mention SMEs?")."""
        firsts = [i for i in self.in_order(doc_id) if int(self.records[i].metadata.get("part", 1)) == 1]
        return [hit_from(self.records[i], 1.0) for i in firsts]

    def dateline(self, doc_id: str, document: Document | None) -> list[Scored]:
        """Return the document's own dateline (a short provision stating its date) as top evidence, if it has one."""
        if document is None or not document.date:
            return []
        year = re.search(r"\b(19|20)\d\d\b", document.date)
        for index in self.by_doc.get(doc_id, []):
            record = self.records[index]
            if len(record.text) <= 120 and year and year.group(0) in record.text:
                return [_given(record)]
        return []

    def attestation(self, doc_id: str, document: Document | None, wants: provenance.Wants) -> list[Scored]:
        """Return the provisions in which a document states its own date or issuer, best first."""
        if document is None:
            return []
        records = self.records
        indices = self.by_doc.get(doc_id, [])
        found = provenance.attesting([(i, records[i].text) for i in indices], document)
        start = {i: int(records[i].metadata.get("char_start", 0)) for i in indices}
        return [_given(records[i]) for i in provenance.best(found, wants, start)]


def _title_line(text: str) -> bool:
    """Return True for a line of a title block: no closing punctuation and no verb a sentence would have."""
    return text.rstrip()[-1:].isalnum() and not _FINITE.search(text)


def _given(record: Record, placed: float = 0.0) -> Scored:
    """Return a provision read by its place in the text (not ranked by retrieval) as top evidence."""
    return Scored(hit_from(record, 1.0), 1.0, 1.0, 2.0, placed)


def _start(record: Record) -> int:
    return int(record.metadata.get("char_start", 0))


def _paragraphs_after(hit: Hit, records: list[Record], parent: str, limit: int) -> list[Hit]:
    """Return the paragraphs a short lead-in ("What you should do first:") heads, up to the section's end (records in order)."""
    after = [r for r in records if r.metadata.get("provision_id", "").rsplit("/", 1)[0] == parent
             and int(r.metadata.get("part", 1)) == 1 and _start(r) > hit.char_start]
    items: list[Hit] = []
    for record in after[:limit]:
        if record.text.rstrip().endswith(":"):
            break  # the next lead-in heads its own paragraphs
        items.append(hit_from(record, hit.score))
    return items
