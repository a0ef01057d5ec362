"""Several places named in one question ("Articles 16 and 17", "the first and second takeaways"), and one
place read within another ("action 6" after "Objective 2 action 1").

Each place is then asked about on its own: retrieved together, the answer covers whichever place matches
best and drops the other.
"""

from __future__ import annotations

import re

from assistant.references import (
    KIND_WORDS, KINDS, ORDINALS, PATTERN, Reference, kind_of, parse, position, specific, valued,
)

_VALUE = r"(?:\d{1,3}|\([a-z]\))"
# "Articles 16 and 17", "takeaways 2 and 4", "takeaway 3 and opportunity 4", "actions 3 to 5", "points (a) to (c)"
_SEVERAL = re.compile(r"\b(" + KIND_WORDS + r")\s+(" + _VALUE + r")((?:\s*(?:,|and|&|or)\s*(?:(?:" + KIND_WORDS + r")\s+)?"
                      + _VALUE + r")+|\s*(?:to|through|-|–)\s*(?:(?:" + KIND_WORDS + r")\s+)?" + _VALUE + r")(?![\w(])", re.I)
_ONE = re.compile(r"(,|and|&|or)?\s*(?:(" + KIND_WORDS + r")\s+)?(" + _VALUE + ")", re.I)
# "the first and second takeaways", "the third, fourth and fifth actions"
_RANKS = "|".join(ORDINALS)
_SEVERAL_RANKS = re.compile(r"\b((?:" + _RANKS + r")(?:\s*(?:,|and|&)\s*(?:" + _RANKS + r"))+)\s+(" + KIND_WORDS + r")\b", re.I)
# "Compare G7 Objective 1 action 1 and Objective 2 action 4": two places, each within another
_COMPARED_PLACES = re.compile(r"^\s*(?:please\s+)?(?:compare|contrast)\s+(?P<a>.+?)\s+(?:and|with|to|&|vs\.?)\s+(?P<b>.+?)\s*[?.]*\s*$", re.I)
_NESTED = re.compile(r"\s+(?:" + KIND_WORDS + r")\s+" + _VALUE, re.I)  # another place right after several
MAX_APART = 6  # "Articles 2 through 11" is a range a provision names, not ten questions
_COMPARE = re.compile(r"^\s*(?:please\s+)?(?:compare|contrast)\s*(?:the\s+)?$", re.I)


def apart(question: str) -> list[str]:
    """Return one question per place when a question names several ("What do Articles 16 and 17 cover?"), else [].

    Each question names one of the places where the several stood ("What do Article 16 cover?"): its
    grammar is no matter to retrieval. A question that names another place of the same kind besides
    them ("Does Article 25 apply to Articles 2 and 3?") asks about that one, and is left whole.
    """
    if (ranks := _SEVERAL_RANKS.search(question)) is not None:
        kind = kind_of(ranks.group(2))
        numbers = [ORDINALS[r.lower()] for r in re.findall(_RANKS, ranks.group(1), re.I)]
        before, after = question[:ranks.start()], question[ranks.end():]
        return [f"{before}{kind} {n}{after}" for n in numbers]
    at = 0
    while match := _SEVERAL.search(question, at):  # overlapping: "Article 21, paragraphs 2 and 3" holds two
        at, named = match.start() + 1, _several(match)
        outside = parse(question[:match.start()] + " " + question[match.end():])
        nested = _NESTED.match(question, match.end())  # "Objective 1 action 1 and Objective 2 action 4"
        if not named or nested or len(named) > MAX_APART or any(kind == named[0][0] for kind, _ in outside):
            continue
        before, after = question[:match.start()], question[match.end():]
        if _COMPARE.match(before):  # "Compare takeaway 3 and opportunity 4": what each says, not a comparison of texts
            before, after = "What does ", f"{after.rstrip(' ?.')} say?"
        return [f"{before}{'point' if kind == 'item' else kind.capitalize()} {value}{after}" for kind, value in named]
    compared = _COMPARED_PLACES.match(question)
    if compared and all(specific(parse(compared.group(side))) for side in ("a", "b")):
        return [f"What does {compared.group(side)} say?" for side in ("a", "b")]
    return []


def within(outer: str, inner: str) -> str:
    """Return a minor place named after another as a place within it ("action 6" after "Objective 2 action 1")."""
    named = PATTERN.search(inner)
    if named is None or specific(parse(inner)):
        return inner
    kind = KINDS[named.group(1).lower()]
    same = next((m for m in PATTERN.finditer(outer) if KINDS[m.group(1).lower()] == kind), None)
    return outer[:same.start()] + inner.strip() + outer[same.end():] if same else inner


def _several(match: re.Match[str]) -> list[Reference]:
    """Return the places a match of _SEVERAL names, or [] when it is one place within another ("Objective 1, action 2")."""
    first = kind_of(match.group(1))
    if re.match(r"\s*(?:to|through|-|–)", match.group(3)):
        end = _ONE.search(match.group(3))
        low, high = position(match.group(2)), position(end.group(3)) if end else None
        if low is None or high is None or not 1 < high - low + 1 <= MAX_APART:
            return []
        return [(first, valued(n, match.group(2))) for n in range(low, high + 1)]
    named = [(first, match.group(2))]
    for one in _ONE.finditer(match.group(3)):
        kind = kind_of(one.group(2)) if one.group(2) else named[-1][0]
        if kind != first and one.group(1) == ",":
            return []
        named.append((kind, one.group(3)))
    return named

