"""Hybrid retrieval: dense (Chroma) and sparse (BM25) candidates, fused, rescored, optionally reranked.

Candidates from both retrievers are fused by reciprocal rank and ordered by cosine similarity plus the
weighted share of the question's key terms (idf-weighted) that each provision covers plus the weighted
fusion score; a local CrossEncoder, when configured, reorders the best of them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding

from assistant import contents, conversation, jargon, references, shapes, wording
from assistant.config import RetrievalSettings
from assistant.hits import Scored, hit_from, matches
from assistant.mentions import own_terms, says
from assistant.places import PlaceIndex
from assistant.query import DUTIES, VAGUE_TERMS, Analyzed, Analyzer
from assistant.reading import Reader
from assistant.sparse import (
    SparseIndex, contains_phrase, context_text, coverage_text, known_in, stem_sequence, tokenize, variant_in,
)
from assistant.store import ChromaStore
from assistant.titles import TitleIndex
from assistant.types import Filters, Hit


INTENT_BONUS = 0.05  # a question about commitments prefers commitments, one about advice recommendations
SHAPE_BONUS = 0.3  # "Which resolution set up the OEWG?": the text naming "resolution 75/240" answers it
NEW_TOPIC_SHARE = 0.5  # of a follow-up's own topic weight, a part must speak of at least this much to answer it
PLACE_BONUS = 0.3  # "Article 3" in a question means Article 3, whatever else shares its words
PLACED_CANDIDATES = 40  # provisions at a named place added to the candidates ("Chapter III" holds many)
TITLED_SECTIONS = 3  # sections of a shared title read when retrieval found none of them
NAME_CANDIDATES = 20  # provisions searched for a name's words: one that holds the name ranks among them
NAME_CACHE = 4096  # names remembered per index version as held or not
QUOTED_CLAIM = 4  # words from which a quoted phrase is a claim or a passage, not a name


class Reranker(Protocol):
    """Scores (query, passage) pairs; higher is more relevant."""

    def score(self, query: str, passages: list[str]) -> list[float]: ...


def chroma_where(filters: Filters) -> dict[str, Any] | None:
    """Translate the filters Chroma can apply itself into a where clause."""
    clauses: list[dict[str, Any]] = []
    if filters.doc_ids:
        clauses.append({"doc_id": {"$in": filters.doc_ids}})
    if filters.year:
        clauses.append({"year": filters.year})
    if filters.kinds:
        clauses.append({"kind": {"$in": list(filters.kinds)}})
    if filters.addressee:
        clauses.append({"addressees": {"$contains": filters.addressee}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class Retriever:
    """Find the provision parts that best match a query, with the features that justify them."""

    def __init__(
        self, store: ChromaStore, embedder: BaseEmbedding, sparse: SparseIndex, settings: RetrievalSettings,
        reranker: Reranker | None = None,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.sparse = sparse
        self.settings = settings
        self.reranker = reranker
        self.analyzer = Analyzer(sparse.stats, sparse.acronyms, _vocabulary(embedder))
        self._position = {r.id: i for i, r in enumerate(sparse.records)}
        self._by_doc: dict[str, list[int]] = {}
        for i, record in enumerate(sparse.records):
            self._by_doc.setdefault(record.metadata.get("doc_id", ""), []).append(i)
        self._masks: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self._terms: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        self._vocabularies: dict[str, frozenset[str]] = {}
        self._said: dict[str, frozenset[str]] = {}  # every form a document's own words say a term in (may_say)
        self._names: dict[str, bool] = {}
        self._embeddings: dict[str, list[float]] = {}
        self.places = PlaceIndex(sparse.records)
        self.titles = TitleIndex(sparse.records)
        self.reader = Reader(sparse.records, self._by_doc, self.places)

    def build(self) -> None:
        """Build the place and title indexes now rather than on the first question that needs them."""
        self.places.build()
        self.titles.build()

    def search(self, query: str, k: int = 10, filters: Filters | None = None) -> list[Hit]:
        """Return up to k hits, best first."""
        return [s.hit for s in self.retrieve(self.analyze(query), k, filters)]

    def analyze(
        self, query: str, focus: str | None = None, carried: str = "", framing: frozenset[str] = frozenset(),
    ) -> Analyzed:
        """Correct, expand and weigh a query against this corpus (see Analyzer.analyze)."""
        analyzed = self.analyzer.analyze(query, focus, carried, framing)
        if not self.settings.spell_correction and analyzed.corrections:
            analyzed = Analyzed(query, query, {}, [], self.analyzer.keyterms(focus or query))
        return analyzed

    def mark_unknown_names(self, analyzed: Analyzed, focus: str) -> None:
        """Count as unknown the words of a name, standard's code or quoted phrase the corpus never uses."""
        coded = [m.group(0) for m in jargon.STANDARDS.finditer(focus)]
        # "'digital sovereignty'" and "'ransomware-as-a-service'" are names; a longer quote is a claim, its words
        # the topic ("'states must never hack back'")
        phrases = [p for p in wording.quoted(focus) if len(stem_sequence(p)) >= 2 and len(p.split()) < QUOTED_CLAIM]
        for name in [*conversation.names(focus), *coded, *phrases]:
            if name.lower() not in self.analyzer.glossary and not self._holds_name(name):  # "Global South"
                analyzed.unknown += [t for t in tokenize(name) if t in analyzed.keyterms and t not in analyzed.unknown]

    def _holds_name(self, name: str) -> bool:
        """Return (and cache, per index version) whether any provision or its context contains the name."""
        with self._lock:
            held = self._names.get(name)
        if held is None:
            phrase = stem_sequence(name)
            hits = self.sparse.search(name, NAME_CANDIDATES)
            held = any(contains_phrase(stem_sequence(coverage_text(self.sparse.records[i])), phrase) for i, _ in hits)
            with self._lock:
                if len(self._names) >= NAME_CACHE:  # questions are open-ended: keep the cache bounded
                    self._names.clear()
                self._names[name] = held
        return held

    def retrieve(self, analyzed: Analyzed, k: int, filters: Filters | None = None) -> list[Scored]:
        """Return up to k scored candidates, best first."""
        filters = filters or Filters()
        depth = max(self.settings.candidates, k)
        embedding = self._embed(analyzed.text)
        dense = self._dense(embedding, depth, filters)
        sparse = self._sparse(analyzed.text, depth, filters)
        fused: dict[int, float] = {}
        for ranking in (list(dense), [i for i, _ in sparse]):  # reciprocal rank fusion of the two lists
            for rank, index in enumerate(ranking):
                fused[index] = fused.get(index, 0.0) + 1.0 / (self.settings.rrf_k + rank + 1)
        keep = self.reader.keeper(filters)
        analyzed, at = self._numbered(analyzed, keep)
        for index in at:
            fused.setdefault(index, 0.0)
        alone = frozenset(at) if not references.specific(analyzed.references) else frozenset()
        titled = self._titled(analyzed, keep)
        # many documents may share a title: read the sections retrieval already found, else the first few
        titled = [g for g in titled if not fused.keys().isdisjoint(g)] or titled[:TITLED_SECTIONS]
        for index in (i for group in titled for i in group[:PLACED_CANDIDATES]):
            fused.setdefault(index, 0.0)
        if not fused:
            return []
        cosine = self._cosines(embedding, dense, list(fused))
        by_index = {i: self._score(i, cosine.get(i, 0.0), analyzed, fused[i], i in alone) for i in fused}
        if titled:
            _place_titled(by_index, titled)
        scored = list(by_index.values())
        if titled and self.titles.written_as_headed(analyzed.original, [s.hit for s in scored if s.placed]):
            scored = [s for s in scored if s.placed]  # "What is meant by IDENTIFY?": NIST's function, not the verb
        if titled or references.only_place(analyzed.references, analyzed.keyterms):
            # "What is Article 35 about?", "corporate liability": read the section in order; asked when ("What
            # deadlines does Article 21 set?"), its provisions stating a date first
            dated = shapes.dated(analyzed.original) is not None
            scored.sort(key=lambda s: (-s.placed, not (dated and s.placed and analyzed.shaped(s.hit.text, s.hit.heading_path)),
                                       (s.hit.doc_id, s.hit.char_start, s.hit.part) if s.placed else ("", 0, 0), -s.score))
        else:
            scored.sort(key=lambda s: s.score, reverse=True)
        if self.reranker is not None:
            scored = self._rerank(analyzed.original, scored)
        return scored[:k]

    def missing_place(
        self, analyzed: Analyzed, filters: Filters,
    ) -> tuple[references.Reference, list[str], list[references.Reference]] | None:
        """Return a place the question names that the documents asked about lack, with those of its kind they have."""
        if not references.specific(analyzed.references):
            return None
        keep = self.reader.keeper(filters)
        return self.places.missing(self.places.concrete(analyzed.references, keep), keep)

    def _numbered(self, analyzed: Analyzed, keep: Callable[[int], bool]) -> tuple[Analyzed, list[int]]:
        """Return the analysis with its places as the documents asked about number them, and the provisions there.

        See PlaceIndex.concrete. A word the documents do not number by ("the third principle" of a text
        whose principles are its items) named a place, not a topic: the provision there need not use it.
        """
        if not analyzed.references:
            return analyzed, []
        wanted = self.places.concrete(analyzed.references, keep)
        at = self.places.placed(wanted, keep, PLACED_CANDIDATES, self._headed(analyzed))
        read_as_items = {kind for kind, _ in analyzed.references} - {kind for kind, _ in wanted}
        if not read_as_items or not at:
            return replace(analyzed, references=wanted), at  # "the third principle" of no text named stays a topic
        words = references.placing_terms(frozenset(read_as_items))
        keyterms = {t: w for t, w in analyzed.keyterms.items() if t not in words}
        return replace(analyzed, references=wanted, keyterms=keyterms, scoped=analyzed.scoped or not keyterms), at

    def _headed(self, analyzed: Analyzed) -> Callable[[int], bool]:
        """Return a test of whether a provision's headings hold one of the question's key terms (not the place's kind)."""
        terms = frozenset(analyzed.keyterms) - _placing(analyzed)
        return lambda i: not terms.isdisjoint(tokenize(" ".join(self.sparse.records[i].metadata.get("heading_path") or ())))

    def _titled(self, analyzed: Analyzed, keep: Callable[[int], bool]) -> list[list[int]]:
        """Return the sections whose own title is all the question asks about, if it names no place itself."""
        if analyzed.references or not analyzed.keyterms:
            return []
        expansions = frozenset(t for alts in analyzed.alternatives.values() for alt in alts for t in alt)
        # "Which article deals with corporate liability?", "Which article is headed 'Extradition'?": the title asked
        kind = references.place_asked(analyzed.original)
        asking = references.placing_terms(frozenset({kind})) if kind else frozenset()
        if not kind and (level := contents.level_asked(analyzed.original)):  # "Which NIST function covers recovery?"
            kind, asking = level, frozenset(tokenize(level))
            for term in analyzed.keyterms.keys() - asking:  # RECOVER speaks of recovery, in its heading's word
                alike = analyzed.alternatives.setdefault(term, [])  # once, though retrieved under several filters
                alike.extend(root for r in self.titles.rooted(term) if (root := frozenset({r})) not in alike)
        return self.titles.titled(frozenset(analyzed.keyterms) - asking, expansions, keep, derived=bool(kind))

    def out_of_scope(self, analyzed: Analyzed, focus: str, doc_ids: list[str]) -> float:
        """Return the idf-weighted share of a question's own topic terms that the documents it names never use."""
        own = self.analyzer.topic_terms(analyzed.corrected(focus))  # 'took' counted as the 'take' it is read as
        if len(own) < 2:
            return 0.0
        vocabulary = frozenset().union(*(self._vocabulary(d) for d in doc_ids))
        placing = _placing(analyzed)  # "the third principle" names a place, whatever word the text numbers its list by
        absent = [
            t for t in own if t in analyzed.keyterms and t not in VAGUE_TERMS and t not in placing
            and t not in DUTIES  # "What obligations do Member States have under NIS 2?": its "shall" obliges them
            and not (known_in(t, vocabulary) and analyzed.phrasal.get(t, frozenset()) <= vocabulary)
            and not any(alt <= vocabulary for alt in analyzed.alternatives.get(t, ()))
        ]
        return sum(own[t] for t in absent) / sum(own.values())

    def _embed(self, text: str) -> list[float]:
        """Embed a query, reusing the last few (one question may be retrieved under several filters)."""
        with self._lock:
            cached = self._embeddings.get(text)
        if cached is None:
            cached = self.embedder.get_query_embedding(text)
            with self._lock:
                if len(self._embeddings) >= 64:
                    self._embeddings.clear()
                self._embeddings[text] = cached
        return cached

    def _score(self, index: int, cosine: float, analyzed: Analyzed, fused: float, alone: bool) -> Scored:
        # a minor place ("point (d)") counts only where it is the one provision there in the documents asked about
        placed = 1.0 if alone else self.places.place_match(index, analyzed.references) if analyzed.references else 0.0
        coverage = self.coverage(index, analyzed, placed >= 1.0)
        final = cosine + self.settings.lexical_weight * coverage + self.settings.rrf_weight * fused
        if analyzed.intent and self.sparse.records[index].metadata.get("kind") == analyzed.intent:
            final += INTENT_BONUS
        final += PLACE_BONUS * placed
        record = self.sparse.records[index]
        if analyzed.shaped(record.text, record.metadata.get("heading_path")):
            final += SHAPE_BONUS
        return Scored(hit_from(self.sparse.records[index], cosine), cosine, coverage, final, placed,
                      self.speaks_of_new_topic(index, analyzed))

    def coverage(self, index: int, analyzed: Analyzed, placed: bool = False) -> float:
        """Return the idf-weighted share of the key terms a part covers: fully in its own text, half in its context.

        Context is the document title, issuer, headings, label and list intro: it places a provision,
        but the provision that says the thing itself should outrank its siblings under the same heading.
        placed: the part is at the place the question names, so it covers the words naming that place
        ("Chapter II": its articles never say "chapter").
        """
        total = sum(analyzed.keyterms.values())
        if not total:
            return 1.0 if analyzed.scoped else 0.0
        given = _placing(analyzed) if placed else frozenset()
        gained = sum(w * (1.0 if t in given else self._credit(index, t, analyzed)) for t, w in analyzed.keyterms.items())
        return gained / total

    def speaks_of_new_topic(self, index: int, analyzed: Analyzed) -> bool:
        """Return True unless a "What about X?" follow-up names a topic X and the part speaks of too little of it.

        After "Is a research assistant's own laptop in scope?", "What about a customer's own device?" is
        about customers: the earlier topic steers, but a part on research assistants does not answer.
        """
        if not all(self._credit(index, t, analyzed) for t in analyzed.bound):
            return False  # "obligations on service providers": not Article 41's "provided that"
        weights = {t: analyzed.keyterms[t] for t in analyzed.new_terms}
        covered = sum(w for t, w in weights.items() if self._credit(index, t, analyzed))
        return not weights or covered >= NEW_TOPIC_SHARE * sum(weights.values())

    def _credit(self, index: int, term: str, analyzed: Analyzed) -> float:
        """Return how far a part covers a key term: fully in its own text, half in its context."""
        own, context = self._term_sets(index)
        if term in _LISTED_TERMS and self._unworded_item(index, term):
            return 0.5  # "the principles of the Paris Call": the items of a text that numbers its list by no such word
        return max(_term_credit(term, own, analyzed), 0.5 * _term_credit(term, context, analyzed))

    def mentions(self, hit: Hit, terms: frozenset[str], analyzed: Analyzed, headed: bool = False, kind: str = "") -> bool:
        """Return True when a provision's own words say every term, or a form of it (see own_terms)."""
        own = own_terms(hit, headed, kind)  # once: a list sifted or every provision of a text is read term by term
        return all(_term_credit(term, own, analyzed) for term in terms)

    def says(self, hit: Hit, terms: tuple[str, ...]) -> bool:
        """Return True when a provision's own words say a topic itself, not another word for it (mentions.says)."""
        return says(hit, terms, self.analyzer.spelled_out)

    def may_say(self, doc_id: str, terms: tuple[str, ...]) -> bool:
        """Return False when no provision of a document can say the terms (says): some term is in none of its words."""
        with self._lock:
            said = self._said.get(doc_id)
        if said is None:
            said = frozenset().union(*(own_terms(hit_from(self.sparse.records[i], 1.0)) for i in self._by_doc.get(doc_id, [])))
            said |= {t.rstrip("s") for t in said}  # "supply chains" says "supply chain": a plural 's' aside
            with self._lock:
                self._said[doc_id] = said
        if len(terms) == 1 and any(form <= said for form in self.analyzer.spelled_out(terms[0])):
            return True
        return all(t in said or t.rstrip("s") in said for term in terms for t in [term, *term.split("-")])

    def _unworded_item(self, index: int, term: str) -> bool:
        """Return True when a part is an item of a numbered list in a document that never uses the term."""
        record = self.sparse.records[index]
        return "/item-" in record.metadata.get("provision_id", "") and term not in self._vocabulary(record.metadata.get("doc_id", ""))

    def _vocabulary(self, doc_id: str) -> frozenset[str]:
        """Return (and cache) every term of a document's parts and their context: built once, not per question."""
        with self._lock:
            known = self._vocabularies.get(doc_id)
        if known is None:
            known = frozenset().union(*(t for i in self._by_doc.get(doc_id, []) for t in self._term_sets(i)))
            with self._lock:
                self._vocabularies[doc_id] = known
        return known

    def _term_sets(self, index: int) -> tuple[frozenset[str], frozenset[str]]:
        """Return (and cache) a part's own terms (label and text) and its context terms (with the places it names)."""
        if index not in self._terms:
            record = self.sparse.records[index]
            own = f"{record.metadata.get('label', '')} {record.text}"
            # "may reserve the right not to apply paragraph 2 of this article": what paragraph 2 says is context
            named = " ".join(self.sparse.records[i].text for i in self.places.referred(index))
            self._terms[index] = (frozenset(tokenize(own)), frozenset(tokenize(f"{context_text(record)} {named}")))
        return self._terms[index]

    def _dense(self, embedding: list[float], depth: int, filters: Filters) -> dict[int, float]:
        found: dict[int, float] = {}
        for chunk in self.store.query(embedding, depth, chroma_where(filters)):
            index = self._position.get(chunk.id)
            if index is not None and matches(self.sparse.records[index].metadata, filters):
                found[index] = chunk.score
        return found

    def _sparse(self, text: str, depth: int, filters: Filters) -> list[tuple[int, float]]:
        return self.sparse.search(text, depth, None if filters.is_empty() else self._mask(filters))

    def _mask(self, filters: Filters) -> np.ndarray:
        """Return (and cache) which records pass the filters, without a Python loop per query."""
        key = filters.model_dump_json()
        with self._lock:
            mask = self._masks.get(key)
        if mask is None:
            records = self.sparse.records
            candidates = [i for d in filters.doc_ids for i in self._by_doc.get(d, [])] if filters.doc_ids else range(len(records))
            mask = np.zeros(len(records), dtype=bool)
            mask[[i for i in candidates if matches(records[i].metadata, filters)]] = True
            with self._lock:
                if len(self._masks) > 64:
                    self._masks.clear()
                self._masks[key] = mask
        return mask

    def _cosines(self, embedding: list[float], dense: dict[int, float], candidates: list[int]) -> dict[int, float]:
        missing = [self.sparse.records[i].id for i in candidates if i not in dense]
        scores = dict(dense)
        if missing:
            for chunk_id, score in self.store.similarities(embedding, missing).items():
                scores[self._position[chunk_id]] = score
        return scores

    def _rerank(self, query: str, scored: list[Scored]) -> list[Scored]:
        head = scored[: self.settings.reranker_candidates]
        assert self.reranker is not None
        values = self.reranker.score(query, [s.hit.text for s in head])
        order = sorted(range(len(head)), key=lambda i: values[i], reverse=True)
        return [head[i] for i in order] + scored[len(head):]


def _place_titled(by_index: dict[int, Scored], titled: list[list[int]]) -> None:
    """Mark the provisions of the best-scoring titled section as placed (several documents may share a title)."""
    best = max(titled, key=lambda group: max(by_index[i].score for i in group if i in by_index))
    for i in best:
        if i in by_index:
            by_index[i] = replace(by_index[i], placed=1.0, score=by_index[i].score + PLACE_BONUS)


def _vocabulary(embedder: BaseEmbedding) -> frozenset[str]:
    """Return the whole words of the embedding model's tokenizer (a general English vocabulary)."""
    tokenizer = getattr(getattr(embedder, "_model", None), "tokenizer", None)
    vocab = getattr(tokenizer, "vocab", None) or {}
    return frozenset(w for w in vocab if w.isalpha() and w.islower() and len(w) > 2)


_LISTED_TERMS = frozenset(tokenize(" ".join(references.words_for(references.LISTED))))  # "principles": a list's items


def _placing(analyzed: Analyzed) -> frozenset[str]:
    """Return the terms of the words that name the kinds of place a question names ("principle", "requirements")."""
    return references.placing_terms(frozenset(kind for kind, _ in analyzed.references))


def _term_credit(term: str, terms: frozenset[str], analyzed: Analyzed) -> float:
    """Return how far a set of terms holds a key term: the word, or (less) an expansion or another form of it."""
    if term in terms and analyzed.phrasal.get(term, frozenset()) <= terms:
        return 1.0
    # an expansion or a form the stemmer kept apart ('exposed' ~ 'exposure') is good evidence, the word better
    if any(alt <= terms for alt in analyzed.alternatives.get(term, ())) or variant_in(term, terms):
        return 0.8
    return 0.0
