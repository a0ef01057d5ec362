"""Answers that set texts side by side: two texts as wholes, one topic across texts, "Which texts …?".

A comparison that names two texts and no topic ("What do the G7 and the ICC have in common?", "How do they
differ?") is answered from the texts as wholes (`common`): the wording both use, each quoted where it is
said most, or each text's opening. One that names a topic gets a section per text, and a text that never
uses the topic's words is said to be silent on it. "Which texts talk about supply chains?" gets a section
for each text that speaks of it, among them any whose own words say it though retrieval ranked only
another text's many passages.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import zip_longest
from typing import TYPE_CHECKING

from assistant import common
from assistant.render import full_title, short_title

if TYPE_CHECKING:
    from assistant.answer import Composer
    from assistant.conversation import Resolved
    from assistant.hits import Scored
    from assistant.query import Analyzed
    from assistant.reading import Reader
    from assistant.retrieve import Retriever
    from assistant.sparse import Record
    from assistant.types import Answer, Filters, Hit

SPREAD = 4  # "Which texts …?": the most texts an answer names
OPENING = 2  # "How do the G7 and the ICC differ?": the first provisions of each, side by side
SECTION = 4  # candidates retrieved per compared text
WHOLE_DEPTH = 3  # "Which texts mention X Y?": a text counts when one of its best passages says every word of it


def as_wholes(retriever: Retriever, resolved: Resolved, named: list[str], topic: str, titles: list[str]) -> bool:
    """Return True when a comparison names two texts and no topic: "What do the G7 and the ICC have in common?"."""
    return (resolved.comparison and len(named) == 2 and not resolved.carried
            and not retriever.analyzer.topic_terms(common.untopical(topic, titles)))


def wholes(retriever: Retriever, composer: Composer, question: str, resolved: Resolved, named: list[str],
           base: Filters, naming: Callable[[str, str], str]) -> Answer:
    """Answer "What do the G7 and the ICC have in common?", "How do they differ?" or "How does the ICC relate to the
    G7?", asked of two texts as wholes; naming gives the words by which a text names a document of the corpus."""
    reader, keep = retriever.reader, retriever.reader.keeper(base)
    parts = [[(i, _headed(reader.records[i])) for i in reader.in_order(d) if keep(i)] for d in named[:2]]
    found = common.themes(parts[0], parts[1], retriever.analyzer.idf)
    side = common.side(question)
    if side == "contrast":
        return _contrast(reader, composer, resolved, named, base, [t.words for t in found])
    if side == "relation" and (named_in := _naming(retriever, composer, resolved, named[:2], naming)) is not None:
        named_in.text += f"\n\n{closing}" if (closing := common.also_shared([t.words for t in found])) else ""
        return named_in
    neither = "Neither text names the other. " if side == "relation" else ""
    if not found:
        nearest = [h for d in named[:2] for h in _opening(reader, d, base)[:1]]
        return composer.refused(resolved, nearest, f"{neither}The two texts share no telling wording: no phrase of two "
                                "or three words, nor an acronym, that both use and few other texts do. Ask about a topic "
                                "to see what each says of it.")
    answer = _shared(retriever, composer, resolved, found)
    answer.text = neither + answer.text
    return answer


def _naming(retriever: Retriever, composer: Composer, resolved: Resolved, pair: list[str],
            naming: Callable[[str, str], str]) -> Answer | None:
    """Cite where either of two texts names the other ("The Paris Call names the Budapest Convention:"), or None."""
    said = [(h, words) for one, other in (pair, pair[::-1]) for h in retriever.reader.provisions(one)
            if (words := naming(h.text, other))]
    if not said:
        return None
    title = {d: short_title(composer.documents[d].title) if d in composer.documents else d for d in pair}
    directions = list(dict.fromkeys((title[h.doc_id], title[next(d for d in pair if d != h.doc_id)]) for h, _ in said))
    listed = retriever.analyze(" ".join(dict.fromkeys(words for _, words in said)))  # quoted where they name it
    holders = [h for h, _ in said]
    answer = composer.count(resolved, holders, "provision", listed, common.naming_lead(directions))
    answer._retrieved = holders
    return answer


def _contrast(reader: Reader, composer: Composer, resolved: Resolved, named: list[str], base: Filters,
              shared: list[str]) -> Answer:
    """Set two texts' full titles and openings side by side, closing with the wording they share."""
    opening = [h for d in named[:2] for h in _opening(reader, d, base)]
    titles = [full_title(composer.documents[d].title) for d in named[:2] if d in composer.documents]
    answer = composer.count(resolved, opening, "provision", lead=" ".join([*filter(None, titles), "Each text as it opens:"]))
    closing = common.also_shared(shared)
    answer.text += f"\n\n{closing}" if closing else ""
    answer._retrieved = opening
    return answer


def _shared(retriever: Retriever, composer: Composer, resolved: Resolved, found: list[common.Theme]) -> Answer:
    """Name the wording two texts share, each with the part of either text that uses it, quoted and cited."""
    from assistant.evidence import Evidence, cite
    from assistant.hits import Scored, hit_from
    from assistant.types import Answer

    evidence: list[Evidence] = []
    shared = []
    for theme in found:
        analyzed = retriever.analyze(theme.words, theme.words)
        pair = [hit_from(retriever.reader.records[i], 1.0) for i in (theme.first, theme.second)]
        quoted = [Evidence(Scored(h, 1.0, 1.0, 1.0), composer.quote(h.text, analyzed)) for h in pair]
        evidence += quoted
        shared.append((theme.words, [(f"{short_title(e.hit.doc_title)}, {e.hit.label}", e.quote) for e in quoted]))
    text = common.shared_text([f"{short_title(h.doc_title)} ({composer.who_when(h)})" for h in (e.hit for e in evidence[:2])],
                              shared)
    answer = Answer(question=resolved.question, text=text, citations=[cite(n, e) for n, e in enumerate(evidence, 1)],
                    resolved_query=resolved.query)
    answer._retrieved = [e.hit for e in evidence]
    return answer


def sections(
    retriever: Retriever, analyzed: Analyzed, pool: list[Scored], named: list[str], spread: bool, topic: str,
    base: Filters, silence: float, unseen: Callable[[list[Scored]], list[Scored]], depth: int,
) -> tuple[dict[str, list[Scored]], frozenset[str]]:
    """Return each compared text's candidates (none for a text silent on the topic), and the texts that say it.

    named: the texts a comparison names; else the texts of the pool, two or (spread: "Which texts …?") up to
    four, with any other whose own words say the topic.
    """
    from assistant.sparse import tokenize

    compared = named if len(named) >= 2 else list(dict.fromkeys(s.hit.doc_id for s in pool))[:SPREAD if spread else 2]
    terms = tuple(t for t in dict.fromkeys(tokenize(topic)) if t in analyzed.keyterms) if spread else ()
    said = frozenset(saying(retriever, terms, base)) if terms else frozenset()
    compared = list(dict.fromkeys([*compared, *sorted(said)]))[:SPREAD] if spread else compared
    # "Does the UN resolution agree with the Paris Call on international law?": a text that never uses
    # the topic's words is silent on it, whatever its nearest passage
    silent = {d for d in compared if not spread and retriever.out_of_scope(analyzed, topic, [d]) >= silence}
    found = {d: [] if d in silent else unseen(retriever.retrieve(analyzed, depth, base.model_copy(update={"doc_ids": [d]})))
             for d in compared}
    return (_whole_topic(retriever, analyzed, found, frozenset(terms), said) if len(terms) > 1 else found), said


def _whole_topic(retriever: Retriever, analyzed: Analyzed, found: dict[str, list[Scored]], terms: frozenset[str],
                 said: frozenset[str]) -> dict[str, list[Scored]]:
    """Return the texts of "Which texts mention X Y?", less any that says only part of it when another says it all.

    "critical" vulnerabilities in Cyber Essentials are not critical infrastructure; "sharing" vulnerabilities
    is their disclosure (a form of the word counts).
    """
    whole = {d for d, candidates in found.items()
             if any(retriever.mentions(s.hit, terms, analyzed) for s in candidates[:WHOLE_DEPTH])}
    if not whole:
        return found
    return {d: candidates if d in whole or d in said else [] for d, candidates in found.items()}


def interleaved(sections: dict[str, list[Scored]]) -> list[Scored]:
    """Return the sections' candidates taken in turn, each text's best first."""
    return [s for group in zip_longest(*sections.values()) for s in group if s is not None]


def saying(retriever: Retriever, terms: tuple[str, ...], base: Filters) -> list[str]:
    """Return the texts whose own words say a topic anywhere: "Which texts mention X?" names them all.

    One text may fill every retrieved place ("multi-factor authentication" in Cyber Essentials) while another
    says it once (NIS 2, Article 21(2)(j)).
    """
    from assistant.hits import hit_from

    reader, keep = retriever.reader, retriever.reader.keeper(base)
    return [d for d in reader.by_doc if (not base.doc_ids or d in base.doc_ids) and terms and retriever.may_say(d, terms)
            and any(keep(i) and retriever.says(hit_from(reader.records[i], 1.0), terms) for i in reader.in_order(d))]


def _opening(reader: Reader, doc_id: str, base: Filters) -> list[Hit]:
    """Return a text's first substantive provisions, or its first provisions when none is long enough to count."""
    from assistant.hits import hit_from

    keep = reader.keeper(base)
    return [s.hit for s in reader.opening(doc_id, OPENING, base)] or [
        hit_from(reader.records[i], 1.0) for i in reader.in_order(doc_id) if keep(i)][:OPENING]


def _headed(record: Record) -> str:
    """Return a part's text after its headings: a part headed "Multi-factor authentication" speaks of it most."""
    return "\n".join([*record.metadata.get("heading_path", []), record.text])
