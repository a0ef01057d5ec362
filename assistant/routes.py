"""Answers found by reading rather than ranking: a count of numbered items or of mentions, a whole text, an origin."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from assistant import contents, provenance, references, shapes, sifting, tally, wording
from assistant.conversation import document_terms
from assistant.listing import LIST_MAX
from assistant.query import DUTIES
from assistant.reading import COUNTED_MAX
from assistant.render import short_title
from assistant.wording import GENERIC, NUMBER_WORDS

if TYPE_CHECKING:
    from collections.abc import Callable

    from assistant.answer import Composer
    from assistant.conversation import Resolved
    from assistant.query import Analyzed
    from assistant.reading import Reader
    from assistant.retrieve import Retriever
    from assistant.types import Answer, Filters, Hit


# what a count may call a text's numbered items though the text calls them nothing ("the Paris Call's nine principles")
_ITEM_WORDS = references.LISTED | {"goal", "aim", "pledge", "priority", "objective"}


def _spelled(noun: str | None, analyzed: Analyzed) -> str | None:
    """Return the noun a count or list names as the speller reads it ("wht r the icc takeways": takeaway)."""
    wrong = {references.singular(w.lower()): references.singular(r.lower()) for w, r in analyzed.corrections.items()}
    return wrong.get(noun, noun) if noun else noun


def count(
    retriever: Retriever, composer: Composer, question: str, resolved: Resolved, analyzed: Analyzed, doc_ids: list[str],
    base: Filters,
) -> Answer | None:
    """Answer "How many actions are in Objective 2?" (or "List the ICC's opportunities") with the numbered items there."""
    from assistant.sparse import tokenize

    counting = _spelled(shapes.counted(resolved.question), analyzed)
    noun = counting or _spelled(shapes.counted(question, listing=True), analyzed)  # "Give me …" as typed
    # "Name two G7 actions": the first two of them, where "thing" or "way" names no list
    some = None if noun else shapes.some_asked(resolved.question) or shapes.some_asked(question)
    noun = noun or (some.noun if some and some.noun and some.noun not in GENERIC else None)
    items = retriever.reader.counted(noun, analyzed.references, doc_ids, base) if noun else []
    listed = noun in _ITEM_WORDS and not analyzed.references  # "How many principles does the Paris Call have?"
    if not items and (some or listed) and noun and len(doc_ids) == 1:
        items = retriever.reader.numbered(doc_ids[0])  # "one principle of the Paris Call": the items it numbers
    # "List the G7 actions for SMEs" asks for some of them: a list of all is asked only in its headings' words
    placing = set(tokenize(" ".join([noun or "", *(h for item in items for h in item.heading_path)])))
    placing |= {t for t in analyzed.keyterms if t.isdigit() or t in _number_terms()}  # "the ten G7 actions"
    placing |= document_terms()  # "the takeaways of the ICC briefing": the noun names the text, not some of them
    if not items or (not counting and set(analyzed.keyterms) - placing):
        return None
    lead = ""
    if some is not None or counting:  # "two firewall requirements", "How many requirements for firewalls": those
        # under the headings the other words name, of the words any heading there says ("set" is none)
        headed = {h.provision_id: set(tokenize(" ".join(h.heading_path))) for h in items}
        named = (set(analyzed.keyterms) - set(tokenize(noun)) - _number_terms() - document_terms()) & set().union(*headed.values())
        items = [h for h in items if named <= headed[h.provision_id]] or items
    if some is not None:
        if some.count < len(items):  # "Name ten ICC takeaways": all six, counted as usual
            lead = f"{some.count} of the {len(items)} {references.plural(noun).lower()} in {composer.place_of(items)}:"
            items = items[:some.count]
    answer = composer.count(resolved, items, noun, None if counting else analyzed, lead)
    answer._retrieved = items
    return answer


def read(
    retriever: Retriever, composer: Composer, question: str, history: list[str], resolved: Resolved, analyzed: Analyzed,
    doc_ids: list[str], base: Filters, strip: Callable[[str], str], *, listing: bool = True, counting: bool = True,
) -> Answer | None:
    """Answer by reading the text rather than ranking it: its contents, mentions counted, a list sifted, its items counted.

    listing: not after "Tell me more" (nothing more to read) nor when a part is set aside; counting: not then either.
    """
    args = (retriever, composer, question, history, resolved, analyzed, doc_ids, base)
    found = (contents_of(*args, strip) or tallied(*args) or sifted(*args, strip)) if listing else None
    return found or (count(retriever, composer, question, resolved, analyzed, doc_ids, base) if counting else None)


def contents_of(
    retriever: Retriever, composer: Composer, question: str, history: list[str], resolved: Resolved, analyzed: Analyzed,
    doc_ids: list[str], base: Filters, strip: Callable[[str], str],
) -> Answer | None:
    """Answer "Which articles are in Title 2?" or "What are the functions of the NIST CSF?" with the parts under the place."""
    from assistant.hits import hit_from

    asked = _contents_asked(question, history, resolved)
    if asked is None:
        return None
    reader = retriever.reader
    keep = reader.keeper(base)
    wanted = contents.places(asked.where, asked.before)
    terms = contents.topic_terms(asked, strip(asked.where))
    # "Which categories are under Govern?", "Which articles are in Chapter III?": the one text with such a heading
    doc_ids = doc_ids or _headed_text(reader, keep, terms, asked.kind, composer, wanted)
    if len(doc_ids) != 1:
        return None
    order, paths = _ordered_paths(reader, doc_ids[0], keep)
    kept = contents.acronyms(reader.records[i].text for i in order)  # "CHAPTER II – …" read as "Chapter II – …"
    prefixes, also = _prefixes([paths[i] for i in order], wanted, terms, kept)
    title = composer.documents[doc_ids[0]].title if doc_ids[0] in composer.documents else ""
    if not asked.kind and len(prefixes) == 1 and prefixes[0]:  # "What is in GV.SC?": its subcategories
        asked = replace(asked, kind=contents.level_below(prefixes[0][-1], contents.levels(title)))
    depth = _level_depth(paths, contents.levels(title), asked.kind)  # the NIST CSF's categories: its second level
    parts = [part for prefix in prefixes for part in (
        _levelled(order, paths, reader, prefix, depth) if depth is not None else _parts(order, paths, prefix, asked.kind))]
    if not asked.kind and len(prefixes) == 1 and len(parts) == 2:  # "What's in Chapter III?": its two sections' titles
        inner = [part for name, _ in parts for part in _parts(order, paths, (*prefixes[0], name), "")]
        parts = inner if len(inner) > len(parts) else parts
    if not parts or (len(parts) < 2 and not (asked.kind or asked.topic)):
        return None
    if asked.kind and asked.kind not in _ANY_HEADING and depth is None and not any(n.lower().startswith(asked.kind) for n, _ in parts):
        return None  # "What are the objectives of the Budapest Convention?": what it is for; the Paris Call has no articles
    named = [contents.readable(contents.short(name), kept) for name, _ in parts[:LIST_MAX]]
    hits = [hit_from(reader.records[i], 1.0).model_copy(update={"label": name}) for name, (_, i) in zip(named, parts)]
    plural = contents.noun([name for name, _ in parts], asked.kind)
    title = short_title(title) if title else doc_ids[0]
    place = contents.readable(contents.short(prefixes[0][-1]), kept) if len(prefixes) == 1 and prefixes[0] else ""
    lead = _contents_lead(len(prefixes), place, len(parts), plural, title, asked.topic or strip(asked.where), also)
    answer = composer.count(resolved, hits, plural, None, lead)
    answer._retrieved = hits
    return answer


def _ordered_paths(reader: Reader, doc_id: str, keep: Callable[[int], bool]) -> tuple[list[int], dict[int, tuple[str, ...]]]:
    """Return a text's provisions kept by the filters, in reading order, and each one's heading path."""
    order = [i for i in reader.in_order(doc_id) if keep(i)]
    return order, {i: tuple(reader.records[i].metadata.get("heading_path") or ()) for i in order}


def _contents_asked(question: str, history: list[str], resolved: Resolved) -> contents.Contents | None:
    """Return what a question asks of a text's contents; "its" parts are those of the place the turn before asked about."""
    asked = contents.contents(question, history[-1] if resolved.follow_up and history else None)
    if asked is not None and resolved.follow_up and resolved.carried and asked.where.strip().lower() in _UNNAMED:
        return replace(asked, where=" ".join(resolved.carried))  # "What is PR.DS?" then "List its subcategories."
    return asked


def _prefixes(
    paths: list[tuple[str, ...]], wanted: list[tuple[str, str]], terms: tuple[str, ...], kept: frozenset[str],
) -> tuple[list[tuple[str, ...]], str]:
    """Return the heading prefixes of the places asked about, and where else a place named is ("; another is in …")."""
    if not wanted:  # "… on procedural law": the headings that say it; none: the whole text
        return (contents.headed(paths, terms) if terms else [()]), ""
    found = contents.placed(paths, wanted)  # "Title 2 of Section 1": the first such place in the text
    return found[:1], "".join(f"; another is in {contents.readable(contents.elsewhere(found[0], other), kept)}"
                              for other in found[1:3])


_UNNAMED = frozenset({"", "it", "this", "that", "them", "they", "these", "those"})  # a place the turn before named
_ANY_HEADING = frozenset({"section", "subsection", "part"})  # kinds any heading is; an article is headed "Article …"


def _contents_lead(places: int, place: str, count: int, plural: str, title: str, topic: str, also: str) -> str:
    """Return the sentence before the parts: what holds them and how many ("Title 2 … holds 2 articles:").

    places: how many headings hold them; place: the one heading's name, or "" for the whole text.
    """
    if places > 1:
        lead = f"{count} {plural} of {title} come under its headings on {topic}:"
    elif place:  # "Title 2 of Section 1", "… on procedural law": the heading there
        lead = f"{place} ({title}{also}) holds {count} {plural}:"
    else:
        lead = f"{title[:1].upper()}{title[1:]} has {count} {plural}:"
    return f"{lead[:-1]}; the first {LIST_MAX} are cited:" if count > LIST_MAX else lead


def _headed_text(
    reader: Reader, keep: Callable[[int], bool], terms: tuple[str, ...], kind: str, composer: Composer,
    wanted: list[tuple[str, str]],
) -> list[str]:
    """Return the one text with a heading saying the terms ("Govern") or naming the places, or [] when none or several.

    Of several, the one whose title names its levels by the kind asked ("the categories of the Protect function").
    A place named ("Chapter III") is looked for as a place, not as words: "C.iii Wireless devices" is no chapter.
    """
    if not terms and not wanted:
        return []

    def has(paths: list[tuple[str, ...]]) -> bool:
        return bool(contents.placed(paths, wanted) if wanted else contents.headed(paths, terms))

    headings = {d: list(_ordered_paths(reader, d, keep)[1].values()) for d in composer.documents}
    found = [d for d in composer.documents if has(headings[d])]
    if len(found) > 1:  # "What does PROTECT include?": the text with a heading of that name, not "Malware protection"
        found = ([d for d in found if kind in contents.levels(composer.documents[d].title)] if kind else
                 [d for d in found if contents.names_heading(headings[d], terms)])
    return found if len(found) == 1 else []


def _level_depth(paths: dict[int, tuple[str, ...]], levels: tuple[str, ...], kind: str) -> int | None:
    """Return how deep in the heading paths the parts of a level its title names lie, or None if it names none."""
    if kind not in levels:
        return None
    # the headings every provision sits under ("… Appendix A. CSF Core") wrap the levels
    return len(os.path.commonprefix(list(paths.values()))) + levels.index(kind)


def _levelled(
    order: list[int], paths: dict[int, tuple[str, ...]], reader: Reader, prefix: tuple[str, ...], depth: int,
) -> list[tuple[str, int]]:
    """Return the parts at a depth below a prefix; past the deepest heading, the provisions themselves (subcategories)."""
    if depth < len(prefix):  # "the functions under GV.SC": none lies below
        return []
    under = [i for i in order if paths[i][: len(prefix)] == prefix and int(reader.records[i].metadata.get("part", 1)) == 1]
    first: dict[str, int] = {}
    for i in under:
        if len(paths[i]) > depth:
            first.setdefault(paths[i][depth], i)
    if first:
        return list(first.items())
    labels = {i: str(reader.records[i].metadata.get("label") or "") for i in under}
    own = {i for i in under if paths[i] and paths[i][-1].startswith(labels[i].rstrip("…"))}  # a heading's own summary
    return [(labels[i], i) for i in under if len(paths[i]) == depth and i not in own]


def _parts(order: list[int], paths: dict[int, tuple[str, ...]], prefix: tuple[str, ...], kind: str) -> list[tuple[str, int]]:
    """Return each part under a heading prefix with its first provision; one part alone is looked inside."""
    parts: list[tuple[str, int]] = []
    while True:
        first: dict[str, int] = {}
        for i in order:
            if (unit := contents.unit_of(paths[i], prefix, kind)) is not None:
                first.setdefault(unit, i)
        if kind and any(u.lower().startswith(kind) for u in first):  # "the G7's objectives": not its dateline
            first = {u: i for u, i in first.items() if u.lower().startswith(kind)}
        if len(first) != 1 or (kind and next(iter(first)).lower().startswith(kind)):
            return list(first.items()) or parts
        parts, prefix = list(first.items()), (*prefix, next(iter(first)))  # a wrapper heading: what is inside it


def sifted(
    retriever: Retriever, composer: Composer, question: str, history: list[str], resolved: Resolved, analyzed: Analyzed,
    doc_ids: list[str], base: Filters, strip: Callable[[str], str],
) -> Answer | None:
    """Answer "Which G7 actions mention SMEs?" (or how many, which do not, whether all do) by reading every item."""
    from assistant.sparse import tokenize

    asked = sifting.sift(question)
    earlier = sifting.sift(history[-1]) if asked is not None and not asked.noun and history else None
    if asked is None:
        return None
    noun = asked.noun or (earlier.noun if earlier else "")
    if not noun and history:  # "Which of these involves the private sector?" after "What are the ICC's opportunities …?"
        noun = sifting.kind_listed(history[-1])
    if not doc_ids and not analyzed.references:  # "Which subcategories … mention suppliers?": the one text with such a level
        doc_ids = [d for d, document in composer.documents.items() if noun and noun in contents.levels(document.title)]
    if not noun or not (analyzed.references or len(doc_ids) == 1):
        return None
    items, where = _sifted_items(retriever.reader, composer, analyzed, doc_ids, base, noun, strip(asked.place))
    kept = [h for h, keep in zip(items, sifting.narrowed(asked, [h.label for h in items])) if keep]
    plural = references.plural(noun).lower()
    if len(kept) < len(items):  # "the operative paragraphs": only those
        plural = f"{asked.owner.lower()} {plural}"
    items = kept
    if earlier is not None:  # "And which of them mention governments?": those that speak of both
        asked = replace(asked, topic=f"{asked.topic} as well as {earlier.topic}")
    elif asked.topic.strip().lower() in _UNNAMED and resolved.follow_up and resolved.carried:
        # "Which G7 actions mention them?" after a question on SMEs
        asked = replace(asked, topic=wording.as_written(resolved.carried, history))
    words = [asked.topic, asked.verb if asked.topical_verb else ""]
    terms = frozenset(tokenize(" ".join(words))) & analyzed.keyterms.keys()
    if len(items) < 2 or not terms:
        return None
    saying = [h for h in items if retriever.mentions(h, terms, analyzed, headed=asked.about, kind=noun)]
    chosen = [h for h in items if h not in saying] if asked.negated or asked.mode == "every" else saying
    if not saying and asked.scoping:  # "Which requirements apply to home workers?": a text's scope may say, not its items
        return None
    text = sifting.lead(asked, len(chosen), len(items), plural, where or composer.place_of(items))
    if not chosen and asked.mode != "every":
        return composer.refused(resolved, items[:3], text)
    answer = composer.count(resolved, chosen or items, noun, analyzed, text)
    answer._retrieved = chosen or items
    return answer


def _sifted_items(
    reader: Reader, composer: Composer, analyzed: Analyzed, doc_ids: list[str], base: Filters, noun: str, place: str,
) -> tuple[list[Hit], str]:
    """Return the items a sifting question reads, and where they are when a heading over them is named, else ""."""
    items = reader.counted(noun, analyzed.references, doc_ids, base)
    if items or len(doc_ids) != 1:
        return items, ""
    if noun in sifting.PASSAGES:  # "Which G7 provisions …?": every one of them
        return reader.provisions(doc_ids[0]), ""
    # "the NIST subcategories": a level its title names; else "the Paris Call's principles": the items it numbers
    return _level_items(reader, composer, doc_ids[0], noun, base, place) or (reader.numbered(doc_ids[0]), "")


def _level_items(
    reader: Reader, composer: Composer, doc_id: str, noun: str, base: Filters, place: str,
) -> tuple[list[Hit], str] | None:
    """Return the provisions of a text at the lowest level its title names ("Subcategories"), in order, and where.

    A higher level ("Categories") is a heading over many provisions: its first one alone says too little to sift.
    place: words naming a heading over them ("Protect"), where they are looked for and which names where they are.
    """
    from assistant.hits import hit_from

    document = composer.documents.get(doc_id)
    if document is None:
        return None
    order, paths = _ordered_paths(reader, doc_id, reader.keeper(base))
    depth = _level_depth(paths, contents.levels(document.title), noun)
    if depth is None or any(len(path) > depth for path in paths.values()):
        return None
    terms = contents.topic_terms(contents.Contents(noun, place), place) if place else ()
    prefixes = contents.headed(list(paths.values()), terms) if terms else [()]  # "under Protect": there only
    hits = [hit_from(reader.records[i], 1.0) for prefix in prefixes for _, i in _levelled(order, paths, reader, prefix, depth)]
    named = contents.short(prefixes[0][-1]) if len(prefixes) == 1 and prefixes[0] else ""
    return (hits, f"{named} of {short_title(document.title)}" if named else "") if hits else None


def tallied(
    retriever: Retriever, composer: Composer, question: str, history: list[str], resolved: Resolved, analyzed: Analyzed,
    doc_ids: list[str], base: Filters,
) -> Answer | None:
    """Answer "How many times does the G7 text mention SMEs?" (or how many texts do, or which most) by reading every provision."""
    from assistant.sparse import tokenize

    asked = tally.tally(question)
    if asked is None and resolved.follow_up and history and resolved.sources:  # "And the ICC?"
        asked = tally.tally(history[-1])
    terms = tuple(t for t in dict.fromkeys(tokenize(asked.topic)) if t in analyzed.keyterms) if asked else ()
    if asked is None or not terms:
        return None
    scope = doc_ids or [d for d in composer.documents if d in retriever.reader.by_doc]
    found = {d: _mentioning(retriever, d, base, terms, analyzed) for d in scope}
    if references.specific(analyzed.references):  # "How often does Objective 2 mention SMEs?": there only
        there = set(retriever.reader.places.placed(analyzed.references, retriever.reader.keeper(base), COUNTED_MAX))
        there = {retriever.reader.records[i].metadata.get("provision_id") for i in there}
        found = {d: [h for h in hits if h.provision_id in there] for d, hits in found.items()}
    title = {d: short_title(composer.documents[d].title) if d in composer.documents else d for d in scope}
    if asked.mode == "text" and len(scope) == 1:
        hits = found[scope[0]]
        where = composer.place_of(hits) if hits and references.specific(analyzed.references) else title[scope[0]]
        text = tally.lead(asked, where, len(hits), min(len(hits), LIST_MAX))
    else:
        ranked = sorted((d for d in scope if found[d]), key=lambda d: -len(found[d]))
        text = tally.across(asked, {title[d]: len(found[d]) for d in ranked}, len(scope))
        if asked.mode == "most":  # the text that says it most, or the texts that tie
            ranked = [d for d in ranked if len(found[d]) == len(found[ranked[0]])]
        each = max(1, LIST_MAX // max(1, len(ranked)))
        hits = [h for d in ranked for h in found[d][:each]]
    if not hits:
        nearest = retriever.retrieve(analyzed, 3, base.model_copy(update={"doc_ids": scope}))
        return composer.refused(resolved, [s.hit for s in nearest], text)
    answer = composer.count(resolved, hits, "passage", analyzed, text)
    answer._retrieved = hits
    return answer


def _mentioning(retriever: Retriever, doc_id: str, base: Filters, terms: tuple[str, ...], analyzed: Analyzed) -> list[Hit]:
    """Return the provisions of a text whose own words say the topic's terms, in the text's order, each once."""
    from assistant.hits import hit_from

    keep, seen, out = retriever.reader.keeper(base), set(), []
    for index in retriever.reader.in_order(doc_id):
        provision = retriever.reader.records[index].metadata.get("provision_id")
        if keep(index) and provision not in seen and retriever.says(hit := hit_from(retriever.reader.records[index], 1.0), terms):
            seen.add(provision)
            out.append(hit)
    return out


def about_whole_text(retriever: Retriever, resolved: Resolved, analyzed: Analyzed, focus: str, framing: frozenset[str]) -> bool:
    """Return True for a question about one named text and nothing in it ("What are the main points of the Paris Call?")."""
    return (len(resolved.sources) == 1 and not resolved.carried and not analyzed.references
            and not retriever.analyzer.topic_terms(focus).keys() - framing - DUTIES
            and not shapes.dated(resolved.question)  # "What deadlines does NIS 2 set?": its dates, not its opening
            and not shapes.urged(resolved.question)  # "What should SMEs do according to the G7?": where it urges them
            and not provenance.about_origin(resolved.question))  # "Where was it adopted?" is not about its contents


def gist_heading(retriever: Retriever, analyzed: Analyzed, doc_id: str) -> str:
    """Return the title term of the section a text heads as its main points, if the question's words stand for it.

    "What are the key points of the ICC note?": the glossary reads "key points" as takeaways, the ICC's own heading
    for them; the section answers, not the text's opening.
    """
    shared = [frozenset().union(*alts) for term in analyzed.keyterms if (alts := analyzed.alternatives.get(term))]
    if not shared or len(shared) < len(analyzed.keyterms):
        return ""
    return next((term for term in sorted(frozenset.intersection(*shared))
                 if retriever.titles.titled(frozenset({term}), frozenset(), retriever.titles.of_document(doc_id))), "")


def origin(retriever: Retriever, question: str, focus: str, framing: frozenset[str]) -> provenance.Wants | None:
    """Return what a question asks about its document's origin when it asks nothing else ("Who issued X, and when?")."""
    wants = provenance.asks(question)
    left = retriever.analyzer.topic_terms(focus).keys() - framing - provenance.terms()
    if wants and not {t for t in left if not re.fullmatch(r"(?:19|20)\d\d", t)}:  # "from 2017 or 2018?"
        return wants
    return None


@cache
def _number_terms() -> frozenset[str]:
    """Return the terms number words become ("twelve" is "twelv")."""
    from assistant.sparse import tokenize

    return frozenset(t for word in NUMBER_WORDS for t in tokenize(word))
