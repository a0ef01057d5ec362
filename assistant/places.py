"""The places of the indexed provisions: which provisions stand at a place a question names ("Article 4").

Every provision's label and headings are parsed into its places once, on the first question that names
one; a place named is then found, made concrete in the numbering the documents use ("the third
principle" of the Paris Call is its item 3, "the last takeaway" Takeaway 6), or said to be missing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from assistant.references import LAST, LISTED, MAJOR, PENULTIMATE, Reference, internal, ordered, parse, specific
from assistant.sparse import collector_paused

if TYPE_CHECKING:
    from assistant.sparse import Record


class PlaceIndex:
    """Find the provisions at a place a question names ("Article 4", "Objective 2, action 4")."""

    def __init__(self, records: Sequence[Record]) -> None:
        self.records = records
        self._lock = threading.Lock()
        self._places: tuple[dict[Reference, list[int]], list[frozenset[Reference]]] | None = None

    def build(self) -> None:
        """Build the index now rather than on the first question that needs it."""
        self._indexes()

    def placed(self, wanted: frozenset[Reference], keep: Callable[[int], bool], limit: int,
               headed: Callable[[int], bool] = lambda i: False, exact: bool = False) -> list[int]:
        """Return the provisions at the place a question names (all its references, else its major ones).

        A minor place ("paragraph 2", "requirement 3") could be anywhere: it names one only where one
        provision in the documents asked about is there, or one under a heading the question names
        (headed: "the third firewall requirement"). exact: at all its references or none.
        """
        places = self._place_index()
        if not specific(wanted):
            found = [i for i in set.intersection(*(set(places.get(r, ())) for r in wanted)) if keep(i)] if wanted else []
            for group in (found, [i for i in found if headed(i)]):
                if len({self.records[i].metadata.get("provision_id") for i in group}) == 1:
                    return sorted(group)
            return []
        for group in (wanted,) if exact else (wanted, frozenset(r for r in wanted if r[0] in MAJOR)):
            found = set.intersection(*(set(places.get(r, ())) for r in group)) if group else set()
            if found:
                return [i for i in sorted(found, key=self._reading_key) if keep(i)][:limit]  # a long chapter from its start
        return []

    def concrete(self, wanted: frozenset[Reference], keep: Callable[[int], bool]) -> frozenset[Reference]:
        """Return the references as the documents asked about number them.

        A list's word that they do not use is their item ("the third principle of the Paris Call": item
        3), and 'last' is the highest value its kind has at the rest of the place.
        """
        places, own = self._place_index(), self._by_record()
        kept = {kind for (kind, _), at in places.items() if kind in LISTED and any(map(keep, at))}
        wanted = frozenset(("item", value) if kind in LISTED and kind not in kept else (kind, value)
                           for kind, value in wanted)
        rest = frozenset(r for r in wanted if r[1] not in (LAST, PENULTIMATE))
        found = set(rest)
        for kind, value in wanted - rest:
            values = sorted((v for (k, v), at in places.items() if k == kind and any(rest <= own[i] and keep(i) for i in at)),
                            key=ordered)
            back = 1 if value == LAST else 2
            if len(values) >= back:
                found.add((kind, values[-back]))
        return frozenset(found)

    def missing(self, wanted: frozenset[Reference], keep: Callable[[int], bool]) -> tuple[Reference, list[str], list[Reference]] | None:
        """Return a place named that the documents asked about lack, the values its kind has there, and where that is.

        "Objective 1, action 4" of a text whose Objective 1 has three actions gives (action, 4), [1, 2, 3]
        and [(objective, 1)]; a kind the documents do not number by there gives nothing.
        """
        places, own = self._place_index(), self._by_record()
        for reference in sorted(wanted, key=lambda r: (r[0] in MAJOR, r)):  # the inner place first
            # a major place stands on its own: "Objective 3, action 1" lacks Objective 3, wherever its action 1 is
            rest = wanted - {reference} if reference[0] not in MAJOR else frozenset(r for r in wanted - {reference} if r[0] in MAJOR)
            values = {v for (k, v), at in places.items() if k == reference[0] and any(rest <= own[i] and keep(i) for i in at)}
            if values and reference[1] not in values:
                return reference, sorted(values, key=ordered), sorted(rest, key=lambda r: (r[0] not in MAJOR, r[0]))
        return None

    def place_match(self, index: int, wanted: frozenset[Reference]) -> float:
        """Return the share of the named place a provision is at (0 unless its major references all match)."""
        own = self._by_record()[index]
        major = {r for r in wanted if r[0] in MAJOR}
        if not major or not major <= own:
            return 0.0
        return len(wanted & own) / len(wanted)

    def referred(self, index: int, named: Callable[[str], list[frozenset[Reference]]] = internal) -> list[int]:
        """Return the provisions of its own article that a provision names instead of restating them.

        named: the places a text names (default: those a reservation names, internal).
        """
        record = self.records[index]
        wanted = named(record.text)
        article = {r for r in self._by_record()[index] if r[0] == "article"} if wanted else set()
        if not article:
            return []
        places, doc = self._place_index(), record.metadata.get("doc_id")
        found: set[int] = set()
        for place in wanted:
            found |= set.intersection(*(set(places.get(r, ())) for r in article | place))
        return sorted(i for i in found if i != index and self.records[i].metadata.get("doc_id") == doc)

    def _reading_key(self, index: int) -> tuple[int, int]:
        metadata = self.records[index].metadata
        return metadata.get("char_start", 0), metadata.get("part", 0)

    def _place_index(self) -> dict[Reference, list[int]]:
        return self._indexes()[0]

    def _by_record(self) -> list[frozenset[Reference]]:
        return self._indexes()[1]

    def _indexes(self) -> tuple[dict[Reference, list[int]], list[frozenset[Reference]]]:
        """Parse every provision's place once, on the first question that names one."""
        with self._lock:
            if self._places is None:
                with collector_paused():
                    self._places = _index_places(self.records)
            return self._places


def _index_places(records: Sequence[Record]) -> tuple[dict[Reference, list[int]], list[frozenset[Reference]]]:
    """Return the provisions at each place, and each provision's places (what of_place gives)."""
    parsed: dict[str, frozenset[Reference]] = {}  # a section's headings are shared by all its provisions

    def cached(text: str) -> frozenset[Reference]:
        if text not in parsed:
            parsed[text] = parse(text)
        return parsed[text]

    # label and headings one at a time: a reference never spans the " ; " of_place joins them with
    of = [cached(str(r.metadata.get("label", ""))).union(*map(cached, r.metadata.get("heading_path") or []))
          for r in records]
    places: dict[Reference, list[int]] = {}
    for index, own in enumerate(of):
        for reference in own:
            places.setdefault(reference, []).append(index)
    return places, of
