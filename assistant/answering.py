"""Answering one question: the routes tried in turn, from the catalogue to passages ranked and composed.

A question about the texts themselves ("Which documents do you have?", "Is the Paris Call binding?",
"Which texts mention the Budapest Convention?") is answered from the catalogue and the texts' own
clauses; one that quotes words is answered by the text that holds them; one in another language or
outside the texts' remit is declined; a comparison or "Which texts …?" is answered text by text; any
other is read (contents, counts, lists sifted) or ranked and composed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant import defining, provenance, references, shapes
from assistant.hits import hit_from
from assistant.query import DUTIES
from assistant.types import Answer, Filters

if TYPE_CHECKING:
    from assistant.answer import Composer
    from assistant.config import Settings
    from assistant.conversation import Resolved, SourceIndex
    from assistant.exclusion import SetAside
    from assistant.hits import Scored
    from assistant.query import Analyzed
    from assistant.retrieve import Retriever
    from assistant.sourcing import Finding

_DATE_QUESTION = re.compile(r"^\s*(?:when|on what date|in what year|what(?:'s| is the)? date)\b", re.I)
WHOLE_TEXT_OPENING = 4  # "What does the Paris Call say?": its first few substantive provisions
ASIDE_EXTRA = 5  # "Other than firewalls, …": more candidates, since those about firewalls are left out


@dataclass(frozen=True)
class Turn:
    """One question as it is answered: the parts that answer it and what the conversation made of it."""

    settings: Settings
    retriever: Retriever
    sources: SourceIndex
    composer: Composer
    question: str
    history: list[str]
    base: Filters
    k: int
    shown: frozenset[str]  # what the answer a "Tell me more" follows cited already
    aside: SetAside | None  # "Other than firewalls, …"
    resolved: Resolved

    def unseen(self, scored: list[Scored]) -> list[Scored]:
        """Return the candidates not already cited in the answer a "Tell me more" follows, nor about what is set aside."""
        kept = [s for s in scored if s.hit.provision_id not in self.shown] if self.shown else scored
        return [s for s in kept if not self.aside.about(s.hit)] if self.aside else kept


@dataclass(frozen=True)
class Reading:
    """What one question asks once analyzed: its weighed terms and the words that name its texts and its topic."""

    analyzed: Analyzed
    bare: str  # the question without its texts' names ("the UN resolution")
    framing: frozenset[str]
    origin: provenance.Wants | None  # "When was NIS 2 adopted?": the text's own making
    finding: Finding | None  # "Where is this from: '…'"


def answer(
    settings: Settings, retriever: Retriever, sources: SourceIndex, composer: Composer, question: str,
    history: list[str] | None, filters: Filters | None, k: int | None, shown: frozenset[str] = frozenset(),
) -> Answer:
    """Answer one question (no compound, no move, no "again": the caller has resolved those) or abstain."""
    from assistant import exclusion, manners
    from assistant.conversation import resolve

    if manners.nothing_asked(question):  # "Hello", "thanks!"
        return composer.unasked(question)
    if (aside := exclusion.set_aside(manners.plain(question))) is not None:  # "Other than firewalls, which …?"
        question = aside.question
    k = (k or settings.retrieval.k) + len(shown) + (ASIDE_EXTRA if aside else 0)  # as many kept as before
    base = filters or Filters()
    resolved = resolve(question, list(history or []), sources)
    turn = Turn(settings, retriever, sources, composer, question, list(history or []), base, k, shown, aside, resolved)
    return _described(turn) or _ranked(turn)


def _described(turn: Turn) -> Answer | None:
    """Answer a question about the texts themselves from the catalogue, their clauses and their names, else None."""
    from assistant import audience, catalogue, crossref, particulars, standing

    reader, composer, base, sources = turn.retriever.reader, turn.composer, turn.base, turn.sources
    if (listed := catalogue.answered(turn.question, turn.resolved, reader, composer, base, sources.mentions)):
        return listed  # "Which documents do you have?", "Which text is the oldest?"
    # "What is the full title of resolution 80/16?", "Is the Paris Call legally binding?", "Who is the G7 text for?":
    # from the catalogue, the final clauses, the groups its provisions name
    if (about := next((a for m in (particulars, standing, audience)
                       if (a := m.answered(turn.question, turn.resolved, reader, composer, base, sources.mentions))), None)):
        return about
    # "Which texts mention the Budapest Convention?": the others, where they name it
    return crossref.answered(turn.question, turn.resolved, turn.retriever, composer, base, sources)


def _read(turn: Turn) -> Reading:
    """Analyze the question: its topic without the texts' names, carried from earlier turns where it follows on."""
    from assistant import routes, sourcing
    from assistant.conversation import compared_topic
    from assistant.sparse import tokenize

    resolved, sources, retriever = turn.resolved, turn.sources, turn.retriever
    # in a comparison the noun that names one text ("the UN resolution") is no topic of the other
    focus = sources.strip(resolved.question, resolved.sources, nouns=True, titled=resolved.comparison)
    if resolved.comparison or resolved.follow_up:  # "Does the ICC say anything similar?" asks about the earlier topic
        focus = compared_topic(focus)
    carried = " ".join(resolved.carried)
    query = f"{focus} {carried}" if resolved.comparison else resolved.query
    framing = sources.framing(resolved.sources, resolved.question)
    bare = sources.strip(resolved.question, resolved.sources, nouns=True)  # "the UN resolution": the text
    if references.specific(references.parse(bare)) and not (resolved.comparison or resolved.follow_up):
        focus = bare  # "Objective 2 of the G7 declaration": a place in the text, not a declaration
    issuers = sources.issuer_terms(resolved.sources)
    origin = routes.origin(retriever, turn.question, bare, issuers | sources.title_terms(resolved.sources))
    framing |= provenance.terms() | issuers if origin else frozenset()
    framing |= frozenset(tokenize(shapes.which_verb(turn.question)))  # "Which documents discuss encryption?"
    analyzed = retriever.analyze(query, focus, carried, framing)
    analyzed.aside = turn.aside
    retriever.mark_unknown_names(analyzed, focus)
    analyzed.scoped = bool(resolved.sources)
    if resolved.sources:  # "Did the ICC recommend paying ransoms?": the ICC never speaks of ransoms
        # "Is that in the UN resolution too?": the earlier topic is what the text must speak of
        # "Is there anything similar in the UN resolution?": "similar" is no topic of its own either
        scope = focus if retriever.analyzer.topic_terms(compared_topic(bare)) or not carried else f"{focus} {carried}"
        analyzed.out_of_scope = retriever.out_of_scope(analyzed, scope, resolved.sources)
    finding = None if resolved.comparison else sourcing.find(turn.question, retriever.sparse, retriever.reader.keeper(turn.base))
    return Reading(analyzed, bare, framing, origin, finding)


def _ranked(turn: Turn) -> Answer:
    """Answer from the passages: the text holding quoted words, a refusal, a comparison, or a reading or ranking."""
    from assistant import language, manners, remit, sides
    from assistant.conversation import compared_topic

    reading = _read(turn)
    analyzed, retriever, composer, resolved, base = reading.analyzed, turn.retriever, turn.composer, turn.resolved, turn.base
    if reading.finding is not None and reading.finding.holders:  # "Where is this from: '…'": the text that holds the words
        holding = [hit_from(retriever.sparse.records[i], 1.0) for i in reading.finding.holders]
        found = composer.sourced(resolved, holding, reading.finding)
        found._retrieved = holding
        return found
    # "Que dit l'Appel de Paris …?", "What do you think of the G7 text?": not "the corpus does not address this"
    refusal = language.detect(turn.question, retriever.analyzer.word_counts) or remit.outside(manners.plain(turn.question))
    if refusal is not None:  # the nearest passages of the texts it names, if it names any
        near = (retriever.retrieve(analyzed, turn.k, base.model_copy(update={"doc_ids": resolved.sources})) if resolved.sources
                else turn.unseen(retriever.retrieve(analyzed, turn.k, base)))
        declined = composer.declined(resolved, refusal.reply, near if refusal.related else [])
        declined._retrieved = [s.hit for s in near]
        return declined
    if not resolved.sources and (made := _made_at(turn, reading)) is not None:  # "Which text was adopted in Budapest?"
        return made
    pool = turn.unseen(retriever.retrieve(analyzed, turn.k, base))
    named = [] if base.doc_ids else resolved.sources
    spread = not named and shapes.which_texts(turn.question)  # "Which texts talk about supply chains?"
    if not (turn.shown or turn.aside) and sides.as_wholes(retriever, resolved, named, compared_topic(reading.bare),
                                                         [turn.sources.titles[d].title for d in named]):
        # "What do A and B share?"
        return sides.wholes(retriever, composer, turn.question, resolved, named, base, turn.sources.naming)
    if resolved.comparison or spread:
        sections, saying = sides.sections(
            retriever, analyzed, pool, named, spread, compared_topic(reading.bare), base,
            turn.settings.answer.max_out_of_scope, turn.unseen, sides.SECTION + len(turn.shown))
        scored = sides.interleaved(sections)
        related = _named_first(scored, pool, named)  # "Compare the G7 and the ICC on X": theirs, if neither says it
        several = sections if len(sections) > 1 else None
        composed = composer.compose(resolved, analyzed, scored, related, several, spread, saying)
        return _finished(composed, scored, reading)
    return _single(turn, reading, pool, named)


def _single(turn: Turn, reading: Reading, pool: list[Scored], named: list[str]) -> Answer:
    """Answer from one text (or all): read it for contents, counts and lists, else rank its passages and compose."""
    from assistant import catalogue, routes

    analyzed, retriever, composer, resolved, base = reading.analyzed, turn.retriever, turn.composer, turn.resolved, turn.base
    doc_ids = named or base.doc_ids
    read = routes.read(retriever, composer, turn.question, list(turn.history), resolved, analyzed, doc_ids, base,
                       lambda text: turn.sources.strip(text, resolved.sources, nouns=True),
                       listing=not (turn.shown or turn.aside), counting=turn.aside is None)
    if read is not None:
        return read
    one, origin = (doc_ids[0] if len(doc_ids) == 1 else None), reading.origin
    attested = retriever.reader.attestation(one, composer.documents.get(one), origin) if one and origin else []
    if one and origin and not attested and one in composer.documents:  # "When was NIS 2 adopted?": undated text
        return catalogue.undated(resolved, composer.documents[one], origin, retriever.reader, composer)
    analyzed.origin = bool(attested)
    whole = not attested and named and routes.about_whole_text(retriever, resolved, analyzed, reading.bare, reading.framing)
    if whole and (heading := routes.gist_heading(retriever, analyzed, named[0])):
        analyzed.keyterms, analyzed.alternatives = {heading: retriever.analyzer.idf(heading)}, {}  # its Takeaways, all
    elif whole:
        # "What does the G7 commit to?": its commitments, in order
        kinds = {"kinds": [analyzed.intent]} if analyzed.intent else {}
        analyzed.gist = not kinds and (shapes.gist(resolved.question) or shapes.bare_name(reading.bare))
        for term in DUTIES:  # "What are the obligations under NIS 2?": all it says, in "shall" and "must"
            analyzed.keyterms.pop(term, None)
        attested = retriever.reader.opening(named[0], WHOLE_TEXT_OPENING, base.model_copy(update=kinds), lists=True,
                                            purpose=analyzed.purpose)  # "What is the purpose of …?"
    where = base.model_copy(update={"doc_ids": doc_ids})
    if not attested and (gap := retriever.missing_place(analyzed, where)) is not None:  # "Objective 3"
        return composer.unplaced(resolved, gap, doc_ids, [s for s in pool if s.hit.doc_id in doc_ids] or pool)
    scored = attested or (retriever.retrieve(analyzed, turn.k, base.model_copy(update={"doc_ids": named})) if named else pool)
    # "When was the Paris Call?" is answered by its dateline; "When does it enter into force?" is not,
    # when the text never speaks of entering into force
    in_scope = analyzed.out_of_scope < turn.settings.answer.max_out_of_scope
    if named and not attested and in_scope and _DATE_QUESTION.match(turn.question) and not provenance.later(turn.question):
        scored = retriever.reader.dateline(named[0], composer.documents.get(named[0])) + scored
    scored = turn.unseen(scored)
    # "How does the G7 define SMEs?": the G7 text never does, and the answer says so first
    related = _named_first(scored, pool, named)  # "What does the G7 say about training staff?": the G7's passages
    composed = defining.noted(composer.compose(resolved, analyzed, scored, related), turn.question, retriever.reader,
                              composer.documents, doc_ids)
    return _finished(composed, scored, reading)


def _named_first(scored: list[Scored], pool: list[Scored], named: list[str]) -> list[Scored]:
    """Return the passages a refusal lists as related: those of the texts named first, then the corpus's nearest."""
    return [*scored, *pool] if named else pool


def _made_at(turn: Turn, reading: Reading) -> Answer | None:
    """Answer "Which text was adopted in Budapest?" with the texts whose own words say they were made there, else None."""
    if not (place := provenance.made_at(turn.question)):
        return None  # most questions: no text's final clauses are read for them
    reader, documents = turn.retriever.reader, turn.composer.documents
    held = [d for d in documents if d in reader.by_doc and (not turn.base.doc_ids or d in turn.base.doc_ids)]
    made = [s for d in held for s in reader.attestation(d, documents[d], "where")[:1]
            if provenance.names_place(s.hit.text, place)]
    if not made:
        return None
    return _finished(turn.composer.compose(turn.resolved, reading.analyzed, made, made), made, reading)


def _finished(composed: Answer, scored: list[Scored], reading: Reading) -> Answer:
    """Keep what was retrieved with a composed answer, and say first when no text holds words it quotes."""
    composed._retrieved = [s.hit for s in scored]
    finding = reading.finding
    return _unheld(composed, finding.unheld) if finding is not None and finding.unheld else composed


def _unheld(composed: Answer, words: str) -> Answer:
    """Say before an answer to "Who said '…'?" that no text holds those exact words."""
    if composed.abstained:
        composed.text = f"No indexed text contains the words “{words}”. {composed.text}"
    else:
        composed.text = f"Not in those words: no indexed text contains “{words}”. What the texts say nearest to it:\n\n{composed.text}"
    return composed
