"""Section titles: a question that is a section's title and nothing more ("corporate liability", "BYOD").

A title is a heading's own words, without the place or code it carries ("Article 12 – Corporate
liability" is "corporate liability"); a document's opening heading is its title, not a section's.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from assistant.references import without_places
from assistant.sparse import collector_paused, tokenize

if TYPE_CHECKING:
    from assistant.sparse import Record
    from assistant.types import Hit

_CODED_STATEMENT = re.compile(r"\s*\([A-Z]{2}(?:\.[A-Z]{2})?\):.*$", re.S)  # "(ID): The organization's …"
_CODE = re.compile(r"\(?\b\w+(?:\.\w+)+\b\)?")  # "C.iv", "(GV.OC)": codes, not words of a title
DERIVED_ROOT = 5  # letters two stems share at least to be read as one root ("recov", "recoveri")
MAX_TITLE_TERMS = 6  # longer headings are statements ("Aim: ensure that user accounts …"), not titles


class TitleIndex:
    """Find the sections whose own title is all a question asks about."""

    def __init__(self, records: Sequence[Record]) -> None:
        self.records = records
        self._lock = threading.Lock()
        self._titles: tuple[dict[str, list[int]], list[tuple[frozenset[str], list[int]]]] | None = None

    def build(self) -> None:
        """Build the index now rather than on the first question that needs it."""
        self._title_index()

    def of_document(self, doc_id: str) -> Callable[[int], bool]:
        """Return a test of whether a provision is one of a document's."""
        return lambda index: self.records[index].metadata.get("doc_id") == doc_id

    def heads(self, doc_id: str, words: str) -> bool:
        """Return True when a section of a document is titled by these words and no more ("Security update management")."""
        return bool(self.titled(frozenset(tokenize(words)), frozenset(), self.of_document(doc_id)))

    def rooted(self, term: str) -> set[str]:
        """Return the other title terms of a term's root ("recov", RECOVER's, for "recoveri")."""
        return _rooted(term, self._title_index()[0]) - {term}

    def titled(self, terms: frozenset[str], expansions: frozenset[str], keep: Callable[[int], bool],
               derived: bool = False) -> list[list[int]]:
        """Return, per section whose own title is all a question asks about ('corporate liability'), its provisions.

        A title matches when the question's terms are all in it and it holds nothing the question (or an
        acronym's expansion) lacks; each section's provisions come in reading order. derived: a term may also
        match a title word of its own root ("recovery", "RECOVER"), where the question asks which part it is.
        """
        terms, expansions = _title_words(terms), _title_words(expansions)
        if not terms:
            return []
        by_term, sections = self._title_index()
        # "Which NIST function covers recovery?": RECOVER, though "recovery" is another stem
        rooted = [_rooted(t, by_term) if derived else {t} for t in terms]
        found = set.intersection(*(set().union(*(by_term.get(u, ()) for u in alike)) for alike in rooted))
        groups = [[i for i in sections[key][1] if keep(i)] for key in sorted(found)
                  if sections[key][0] <= set().union(*rooted) | expansions]
        return [sorted(g, key=self._reading_key) for g in groups if g]

    @staticmethod
    def written_as_headed(question: str, hits: Sequence[Hit]) -> bool:
        """Return True when the question writes a section's title in the capitals its heading does ("IDENTIFY")."""
        headings = {str(h.heading_path[-1]) for h in hits if h.heading_path}
        capitals = {w for heading in headings for w in re.findall(r"\b[A-Z]{4,}\b", _CODED_STATEMENT.sub("", heading))}
        return any(re.search(rf"\b{w}\b", question) for w in capitals)

    def _reading_key(self, index: int) -> tuple[int, int]:
        metadata = self.records[index].metadata
        return metadata.get("char_start", 0), metadata.get("part", 0)

    def _title_index(self) -> tuple[dict[str, list[int]], list[tuple[frozenset[str], list[int]]]]:
        """Index each section's own short title by its terms, once per index, on first use."""
        with self._lock:
            if self._titles is None:
                with collector_paused():
                    self._titles = _index_titles(self.records)
            return self._titles


def _index_titles(records: Sequence[Record]) -> tuple[dict[str, list[int]], list[tuple[frozenset[str], list[int]]]]:
    """Return the sections' title terms with their provisions, and each term's sections."""
    keys: dict[tuple[str, ...], int] = {}
    sections: list[tuple[frozenset[str], list[int]]] = []
    opening = _opening_headings(records)
    for index, record in enumerate(records):
        path = tuple(record.metadata.get("heading_path") or ())
        key = (str(record.metadata.get("doc_id", "")), *path)
        if key not in keys:  # a title is parsed once per section, not once per provision
            keys[key] = len(sections)
            # a document's opening heading is its title, not a section's; the ICC's "Takeaways" stands beside it
            titled = len(path) > 1 or (len(path) == 1 and opening.get(key[0]) != path[0])
            sections.append((title_terms(path[-1]) if titled else frozenset(), []))
        sections[keys[key]][1].append(index)
    by_term: dict[str, list[int]] = {}
    for number, (terms, _) in enumerate(sections):
        for term in terms:
            by_term.setdefault(term, []).append(number)
    return by_term, sections


def _opening_headings(records: Sequence[Record]) -> dict[str, str]:
    """Return each document's first top-level heading (its title, as the text writes it)."""
    first: dict[str, tuple[int, str]] = {}
    for record in records:
        path, doc = record.metadata.get("heading_path") or [], str(record.metadata.get("doc_id", ""))
        start = int(record.metadata.get("char_start") or 0)
        if path and (doc not in first or start < first[doc][0]):
            first[doc] = (start, path[0])
    return {doc: heading for doc, (_, heading) in first.items()}


def title_terms(heading: str) -> frozenset[str]:
    """Return the terms of a short section title ('Article 12 – Corporate liability'), without its place or code.

    A coded heading that states its outcome after a colon ("IDENTIFY (ID): The organization's …") is titled by
    the words before the code.
    """
    heading = _CODED_STATEMENT.sub("", heading)
    terms = _title_words(tokenize(_CODE.sub(" ", without_places(heading))))
    return terms if len(terms) <= MAX_TITLE_TERMS else frozenset()


def _rooted(term: str, by_term: dict[str, list[int]]) -> set[str]:
    """Return term with the title terms of its root ("recov" for "recoveri", "respond" for "respons")."""
    return {term} | {t for t in by_term if len(t) >= DERIVED_ROOT
                     and len(os.path.commonprefix([t, term])) >= max(DERIVED_ROOT, min(len(t), len(term)) - 1)}


def _title_words(terms: Iterable[str]) -> frozenset[str]:
    return frozenset(t for t in terms if t.isalpha() and len(t) > 2)
