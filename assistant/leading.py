"""Which provision leads an answer: of the adequate ones, ranked by support, the one a reader should meet first.

Ranking by support alone lets a dateline ("Paris, 12th of November, 2018") or a later variant of a rule
lead. A substantive provision leads a dateline; a section's stated aim leads when the question asks the
aim; among near-ties of one text the earlier leads, as texts state a rule before its variants; the
provision that puts two things together leads "the relationship between" them; an article whose own title
is the question's weightiest word ("Reservations") leads the others.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant import references, shapes
from assistant.hits import Scored
from assistant.listing import introduces
from assistant.query import Analyzed
from assistant.sparse import stem_sequence, tokenize
from assistant.types import Hit

TIE = 0.02  # supports closer than this do not tell provisions apart
PAIR_WINDOW = 8  # words apart within which a provision puts together the two things a relationship is asked between
_SUBSTANTIVE = 0.85  # a dateline leads only when nothing substantive has this share of its support


def order_lead(good: list[Scored], analyzed: Analyzed, support: Callable[[Scored], float]) -> None:
    """Move the provision that should lead the answer to the front of good (in place)."""
    top = support(good[0])
    _to_front(good, next((s for s in good if not dateline(s.hit) and support(s) >= _SUBSTANTIVE * top), None))
    # "What is the aim of malware protection?": the section's stated aim leads, not the section's first line
    aim = next((s for s in good if analyzed.purpose and shapes.states_aim(s.hit.heading_path)), None)
    _to_front(good, aim if aim is not None and aim.hit.doc_id == good[0].hit.doc_id else None)
    if good[0].placed:
        return  # a named place leads
    # among near-equal provisions of one document the earlier leads: texts state the rule before its variants;
    # "chaired by" leads over a tie that lacks it
    shaped = analyzed.shaped(good[0].hit.text, good[0].hit.heading_path)
    ties = [s for s in good if s.hit.doc_id == good[0].hit.doc_id and not dateline(s.hit)
            and support(s) >= support(good[0]) - TIE
            and (not shaped or analyzed.shaped(s.hit.text, s.hit.heading_path))]
    _to_front(good, min(ties, key=lambda s: (s.hit.char_start, s.hit.part), default=None))
    # "the relationship between cybersecurity and trade": the provision that puts the two together leads
    _to_front(good, closest_pair(good, analyzed.paired) if analyzed.paired else None)
    # "What reservations can a Party make?": the article headed "Reservations" leads, not one on withdrawing them
    topic = dominant(analyzed.keyterms)
    _to_front(good, next((s for s in good if titled(s.hit, topic)), None) if topic else None)


def dominant(keyterms: dict[str, float]) -> str:
    """Return the key term that outweighs every other twice over ("reserv" of "What reservations can a Party make?"), or ""."""
    if len(keyterms) < 2:
        return ""
    first, second = sorted(keyterms.values(), reverse=True)[:2]
    return max(keyterms, key=lambda t: keyterms[t]) if first > 2 * second else ""


def titled(hit: Hit, term: str) -> bool:
    """Return True when an article's own title is the term and no more ("Reservations").

    Its title, under its number ("Article 42" › "Reservations") or after it ("Article 42 – Reservations"); a
    table row's heading ("Cloud services" › "Firewalls") is no title.
    """
    path = hit.heading_path
    numbered = re.match(r"^(?:article|section|chapter|title|part)\s+\w+\s*(?:[–—:-]\s*)?", path[-1], flags=re.I) if path else None
    if not (numbered or (len(path) > 1 and references.specific(references.parse(path[-2])))):
        return False
    return set(tokenize(path[-1][numbered.end():] if numbered else path[-1])) == {term}


def closest_pair(good: list[Scored], pair: tuple[frozenset[str], frozenset[str]]) -> Scored | None:
    """Return the provision that says the two things nearest each other, within PAIR_WINDOW words, if one does."""
    best, nearest = None, PAIR_WINDOW + 1
    for s in good:
        words = stem_sequence(s.hit.text)
        first = [i for i, w in enumerate(words) if w in pair[0]]
        second = [i for i, w in enumerate(words) if w in pair[1]]
        gap = min((abs(i - j) for i in first for j in second), default=nearest)
        if gap < nearest:
            best, nearest = s, gap
    return best


def dateline(hit: Hit) -> bool:
    """Return True for a short line that only dates its text; a short table row ("SaaS Your organisation") is no dateline."""
    return hit.kind == "context" and len(hit.text.split()) <= 8 and not introduces(hit) and shapes.states_date(hit.text)


def _to_front(items: list[Scored], item: Scored | None) -> None:
    """Move item to the front of items, if given."""
    if item is not None:
        items.remove(item)
        items.insert(0, item)
