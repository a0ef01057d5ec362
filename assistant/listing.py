"""Lists in an answer: which provisions make up a list, when a question asks for one whole, and which are examples.

A list's items answer together: those under a heading the question names ("What are the ICC's
opportunities for future action?"), those of one section that all answer equally, and those a cited
provision introduces ("… under five technical controls:").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from assistant import forms, framing, references, shapes
from assistant.conversation import document_terms
from assistant.hits import Scored
from assistant.query import VAGUE_TERMS, Analyzed
from assistant.sparse import tokenize
from assistant.types import Hit
from assistant.wording import NUMBER_WORDS

PARALLEL_MIN = 3  # items of one section that fill an answer's limit between them make it a list
NESTED_MAX = 8  # a list with the lists its items introduce: a short article read whole, not a long answer grown
TIE_WORDS = 20  # items this short ("Inventories of hardware … are maintained") tie on what they say, not how
LIST_MAX = 12  # the most citations a list answer grows to
SIDE_LIST_MAX = 5  # a compared text's cited introduction brings its list when the list is this short
LISTED_SHARE = 0.75  # a list two of whose items are cited comes whole when this share of its items answers
# "What does Article 24 contain?", "Show me Objective 2": words asking for a place's text, not a topic within it
READING_TERMS = frozenset(tokenize("contain contains cover covers provide provides text wording full read show quote"))
PLACE_MAX = 18  # the most parts a place asked for whole is read out in ("What does Article 27 say?"): a longer one is ranked
_COUNTS = frozenset(tokenize(" ".join(NUMBER_WORDS))) | frozenset(map(str, range(100)))
_LISTING = re.compile(rf"^(?:{references.KIND_PLURALS})\b", re.I)  # a heading naming a list of places
# "we, the G7 ICT and Industry Ministers, intend to:": an introduction that only says who speaks, as the header does
_INTRO_VERB = re.compile(r"\b(?:we|we,? the [^,:]+?)\s+(intend to|will|commit to|agree to|decide to|undertake to)\s*:?$", re.I)


def heading_asked(hit: Hit, analyzed: Analyzed) -> bool:
    """Return True when the question asks about nothing but the heading of a list a provision stands in.

    The heading names its items in the plural ("Takeaways", "Opportunities for future action"); an article's
    heading ("Offences related to child pornography") names what its paragraphs are about, not a list.
    """
    # "the six takeaways": a count names no heading; "the takeaways of the ICC briefing": the noun names the text;
    # "the key findings": "key" says which, not what
    asked = {t for t in analyzed.keyterms if t not in _COUNTS and t not in document_terms() and t not in VAGUE_TERMS}
    if not (hit.heading_path and asked and not analyzed.references and _LISTING.search(hit.heading_path[-1])):
        return False
    heading = set(tokenize(hit.heading_path[-1]))  # "the conclusions of the ICC briefing": its Takeaways, in another word
    return all(t in heading or any(alt <= heading for alt in analyzed.alternatives.get(t, ())) for t in asked)


def asks_whole(question: str, lead: Scored, analyzed: Analyzed) -> bool:
    """Return True when a question names the lead's place and asks for nothing but its text ("What does Article 24 say?").

    A summary ("Sum up Article 21 in two sentences"), its name ("What is Article 18 called?"), some of its parts
    ("the Objective 2 actions", "two measures in Article 21") or its dates are answered shorter.
    """
    asked = analyzed.keyterms.keys() - READING_TERMS
    if lead.placed < 1.0 or not references.only_place(analyzed.references, asked, " ".join(lead.hit.heading_path)):
        return False
    named = frozenset(kind for kind, _ in analyzed.references)  # "paragraph 5": not "operative paragraph"'s "paragraph"
    others = references.placing_terms(frozenset(references.KINDS.values()) - named) - references.placing_terms(named)
    return not (asked & (references.NAMING_TERMS | others) or framing.examples_wanted(question) or shapes.dated(question)
                or forms.summarised(question))


def parallel(chosen: list[Scored], rest: list[Scored]) -> list[Scored]:
    """Return the remaining items of a section whose items fill the answer's limit between them.

    Items that all answer equally ("what is monitored?": networks, people, suppliers … each "monitored to
    find adverse events") are a list without an introduction: an answer gives them all, not the first few.
    """
    counts = Counter(_list_place(s.hit) for s in chosen if not introduces(s.hit))
    section, number = counts.most_common(1)[0] if counts else ((), 0)
    if number < PARALLEL_MIN:
        return []
    return [s for s in rest if _list_place(s.hit) == section and not introduces(s.hit)][:LIST_MAX - len(chosen)]


def tied(chosen: list[Scored], rest: list[Scored]) -> list[Scored]:
    """Return the items of the answer's section that say the question's words exactly as fully as its citations.

    "What does NIST say about asset inventory?": four "Inventories of … are maintained" answer alike; a limit
    of two cuts between equals at random, so the equals all come.
    """
    def short(s: Scored) -> bool:
        return len(s.hit.text.split()) <= TIE_WORDS

    if (len({_list_place(s.hit) for s in chosen}) != 1 or len({round(s.coverage, 6) for s in chosen}) != 1
            or not all(map(short, chosen))):
        return []
    coverage, section = chosen[0].coverage, _list_place(chosen[0].hit)
    same = [s for s in rest if _list_place(s.hit) == section and abs(s.coverage - coverage) < 1e-6 and short(s)
            and not introduces(s.hit)]
    return same[:LIST_MAX - len(chosen)]


def _list_place(hit: Hit) -> tuple[str, ...]:
    """Return where a provision stands as a list's item: one list is one section under one introduction."""
    return (hit.doc_id, hit.intro, *hit.heading_path)


def introduces(hit: Hit) -> bool:
    """Return True when a provision ends by introducing a list ('… it must be configured to:')."""
    return hit.text.rstrip().endswith(":")


def examples(chosen: list[Scored], wanted: int, list_items: Callable[[Hit], list[Hit]]) -> list[Scored]:
    """Return `wanted` examples ("Give me three examples of …"): the best items of the list cited, each whole.

    An example is an item of the list the answer cites (its introduction stays before it), or else one
    answering provision; the items an example introduces ("one of the following:") come with it.
    """
    ids = {c.hit.provision_id for c in chosen}
    # an item's own sub-list ("one of the following:") is part of that example, not the list of examples
    lists = ([h.provision_id for h in list_items(c.hit)] for c in chosen if introduces(c.hit) and not c.hit.intro)
    members = next((set(items) for items in lists if ids & set(items)), None)
    parts = {h.provision_id for c in chosen for h in list_items(c.hit)} - (members or set())
    found = [c for c in chosen if (c.hit.provision_id in members if members else c.hit.provision_id not in parts)][:wanted]
    kept = {h.provision_id for c in found for h in list_items(c.hit)} | {c.hit.provision_id for c in found}
    if members:  # the list's introduction
        kept |= {c.hit.provision_id for c in chosen if members <= {h.provision_id for h in list_items(c.hit)}}
    return [c for c in chosen if c.hit.provision_id in kept]


Items = Callable[[Hit], list[Hit]]


def intro_verb(intro: str) -> str | None:
    """Return the verb of an introduction that only says who speaks ("we intend to:" gives "intend to"), else None."""
    m = _INTRO_VERB.search(intro.strip())
    return m.group(1).lower() if m else None


def completed(
    chosen: list[Scored], list_items: Items, list_intro: Callable[[Hit], Hit | None], good: list[Scored] | None = None,
) -> list[Scored]:
    """When a cited provision introduces a list ('… five technical controls:'), cite the whole list, in order.

    good: every adequate candidate; a list two of whose items are cited and most of whose items answer as well as
    they do is cited whole too ("What controls does Cyber Essentials list?": "Firewalls" alone never says "control").
    """
    chosen = _introduced(chosen, list_items, list_intro, _undistinguished(chosen, good or []))
    for s in chosen:
        items = list_items(s.hit)
        if items:
            cited = {c.hit.provision_id: c for c in chosen}
            ids = {h.provision_id for h in items}
            kept = [c for c in chosen if c.hit.provision_id not in ids]
            after = next(i for i, c in enumerate(kept) if c is s) + 1  # the items follow their introduction
            return _nested([*kept[:after], *[cited.get(h.provision_id) or replace(s, hit=h) for h in items],
                            *kept[after:]], ids, list_items)
    return chosen


def with_short_lists(chosen: list[Scored], list_items: Items) -> list[Scored]:
    """Follow a cited introduction with its list when the list is short ("Ensure that user accounts:" and its two items)."""
    cited = {s.hit.provision_id for s in chosen}
    out: list[Scored] = []
    for s in chosen:
        out.append(s)
        items = list_items(s.hit) if introduces(s.hit) else []
        if len(items) <= SIDE_LIST_MAX:
            out += [replace(s, hit=h) for h in items if h.provision_id not in cited]
            cited |= {h.provision_id for h in items}
    return out


def _undistinguished(chosen: list[Scored], good: list[Scored]) -> set[str]:
    """Return the adequate candidates that cover the question as well as the cited ones do.

    "What controls does Cyber Essentials list?" says nothing that tells "User access control" from "Secure
    configuration"; "What must firewalls do about inbound connections?" does, and its two items answer alone.
    """
    least = min((s.coverage for s in chosen), default=1.0)
    return {s.hit.provision_id for s in good if s.coverage >= least}


def _introduced(
    chosen: list[Scored], list_items: Items, list_intro: Callable[[Hit], Hit | None], adequate: set[str] | frozenset[str] = frozenset(),
) -> list[Scored]:
    """Put before a list whose every item is cited its introduction ("… under five technical controls:").

    Ranked one by one, "Malware protection" may outrank "Firewalls"; together they are the list its
    introduction announces, which then says what they are. One that only repeats the header ("we intend to:") is
    left out.
    """
    brings = any(list_items(c.hit) for c in chosen)  # a cited introduction brings its own list
    cited = {c.hit.provision_id for c in chosen}
    for s in chosen:
        intro = list_intro(s.hit)
        if intro is None or intro.provision_id in cited or intro_verb(intro.text):
            continue
        ids = {h.provision_id for h in list_items(intro)}
        if len(ids) >= 2 and ((ids <= cited and not brings) or (
                len(ids & cited) >= 2 and len(ids & (cited | adequate)) >= LISTED_SHARE * len(ids))):
            at = chosen.index(s)  # where the list's best item stood; completed() puts the items after it, in order
            return [*chosen[:at], replace(s, hit=intro, lead_in=True), *chosen[at:]]
    return chosen


def _nested(chosen: list[Scored], ids: set[str], list_items: Items) -> list[Scored]:
    """Return a completed list with the lists its items introduce ('… making available of:') after them."""
    sub = {pid: list_items(c.hit) for c in chosen if (pid := c.hit.provision_id) in ids}
    inner = {h.provision_id for hits in sub.values() for h in hits}
    if not inner:
        return chosen
    cited = {c.hit.provision_id: c for c in chosen}
    out: list[Scored] = []
    for c in (c for c in chosen if c.hit.provision_id not in inner):
        out += [c, *[cited.get(h.provision_id) or replace(c, hit=h) for h in sub.get(c.hit.provision_id, [])]]
    return out if len(out) <= NESTED_MAX else chosen
