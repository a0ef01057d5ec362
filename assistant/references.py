"""Structural references: "Article 3", "Article 21(2)(d)", "Objective 2, action 4", "Chapter III".

A question that names a provision by its place in a document means that provision, whatever its
words; labels and headings name each provision's place the same way, so both sides parse into sets of
(kind, value) pairs that can be compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from assistant.sparse import tokenize

if TYPE_CHECKING:
    from assistant.sparse import Record

Reference = tuple[str, str]

KINDS = {
    "article": "article", "art": "article", "section": "section", "chapter": "chapter", "title": "title",
    "paragraph": "paragraph", "para": "paragraph", "objective": "objective", "action": "action", "item": "item",
    "point": "item", "takeaway": "takeaway", "opportunity": "opportunity", "annex": "annex",
    "principle": "principle", "principal": "principle", "part": "part", "recommendation": "recommendation", "norm": "norm",
    "commitment": "commitment", "requirement": "requirement",
    "operative paragraph": "operative paragraph", "preambular paragraph": "preambular paragraph",
}
# kinds that place a provision on their own; "paragraph 2" or "item a" alone could be anywhere
MAJOR = frozenset({"article", "section", "chapter", "title", "objective", "takeaway", "opportunity", "annex",
                   "principle", "part", "recommendation", "norm", "commitment", "operative paragraph",
                   "preambular paragraph"})
ROMAN_KINDS = frozenset({"chapter", "title", "section", "part", "annex"})
PATTERN = re.compile(
    # a letter value stands apart from its kind ("point d", "point (d)"): "points does" names no point s
    r"\b(" + "|".join(sorted(KINDS, key=len, reverse=True)) + r")s?(?:\.\s*|\s+|(?=[(\d]))(?:no\.?\s*)?"
    r"\(?(\d{1,3}|[ivxlc]{1,6}|[a-z])\)?(?![\w-])((?:\s*\(\s*(?:\d{1,3}|[a-z]{1,4})\s*\))*)",
    re.I,
)
# negotiators' shorthand for a resolution's paragraphs: "OP3", "PP 2"
_SHORTHAND = re.compile(r"\b(OP|PP)\s?(\d{1,3})\b", re.I)
# a place of its own article that a reservation names instead of saying what it limits: "may reserve the right
# not to apply, in whole or in part, paragraph 2 of this article", "… the rules laid down in paragraphs 1.b
# through 1.d of this article", "… paragraphs 1, sub-paragraphs d. and e" (not "paragraph 1 of Article 20");
# a text that names a place otherwise ("the provisions of paragraphs 2 through 9 of this article shall
# apply") says more of its own, and the place would stand for too much
# "the measures referred to in paragraph 2, point (d), of this Article": one point of the same article, not restated
_POINTED = re.compile(r"\breferred\s+to\s+in\s+paragraph\s+(\d{1,2}),?\s+point\s+\(([a-z])\)(?:,?\s+of\s+this\s+article)?", re.I)
_INTERNAL = re.compile(
    r"\b(?:reserve\s+the\s+right|not\s+(?:to\s+)?apply|derogate\s+from)\b[^.;]{0,120}?"
    r"\bparagraphs?\s+(\d{1,2}(?:\.[a-z])?(?:(?:\s*,\s*|\s+(?:and|or|through|to)\s+)\d{1,2}(?:\.[a-z])?)*)"
    r"(?:,?\s+points?\s+\(([a-z])\),?)?(?:\s+(?:of\s+this\s+article|above)\b|(?![\w.]*\s+of\b))",
    re.I,
)
_SUB = re.compile(r"\(\s*(\d{1,3}|[a-z]{1,4})\s*\)", re.I)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
ORDINALS = {word: n for n, word in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1)}
# a kind in the plural names it as well ("the last of the ICC's opportunities")
_PLURALS = {(word[:-1] + "ies" if re.search(r"[^aeiou]y$", word) else word + "s"): word for word in KINDS}  # as plural()
KIND_WORDS = "|".join(sorted([*KINDS, *_PLURALS], key=len, reverse=True))
KIND_PLURALS = "|".join(sorted(_PLURALS, key=len, reverse=True))
# up to two words that say which list between a rank and its kind ("the fourth ICC takeaway", "the third
# firewall requirement"); a preposition ends the place ("the first sentence of Article 3" names no article 1), and a
# count makes it a span ("the first two actions")
_BETWEEN = (r"(?:(?!(?:of|in|on|under|from|to|for|by|with|and|or|the|a|an|two|three|four|five|six|seven|eight|nine|ten|"
            r"few|several|many|\d+)\b)[a-z][\w-]*\s+){0,2}?")
# "the fifth opportunity", "the second takeaway": a place named by its rank
_ORDINAL = re.compile(r"\b(" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\s+" + _BETWEEN + "(" + KIND_WORDS + r")\b", re.I)
RANK_TERM = re.compile(r"^\d{1,2}(?:st|nd|rd|th)$")  # "2nd": a rank, no topic
# values that stand for the highest one its kind has at the rest of the place, and the one before it
LAST, PENULTIMATE = "last", "penultimate"
# "the last takeaway", "the final action listed under Objective 2", "the last of the ICC's opportunities"
_LAST = re.compile(r"\b(last|final|penultimate|(?:second|next)[\s-]to[\s-]last)\s+(?:of\s+(?:the\s+)?(?:[\w.-]*['’]s?\s+)?|"
                   + _BETWEEN + ")(" + KIND_WORDS + r")\b", re.I)
# kinds a text may call its numbered list's items by ("the third principle of the Paris Call": its item 3)
LISTED = frozenset({"principle", "recommendation", "norm", "takeaway", "opportunity", "action", "commitment",
                    "requirement"})


@cache
def alias_terms() -> frozenset[str]:
    """Return the index terms of the words a question may name a place with that labels do not use ("point", "fifth")."""
    return frozenset(tokenize(" ".join([*(word for word, kind in KINDS.items() if word != kind), *ORDINALS, LAST, "final", PENULTIMATE])))


def spelled_out(text: str) -> str:
    """Return text with the shorthand for a resolution's paragraphs written out ('OP3': 'operative paragraph 3')."""
    def full(match: re.Match[str]) -> str:
        part = "operative" if match.group(1).lower() == "op" else "preambular"
        return f"{part} paragraph {match.group(2)}"

    return _SHORTHAND.sub(full, text)


def parse(text: str) -> frozenset[Reference]:
    """Return the references a text makes: 'Article 21(2)(d)' gives article 21, paragraph 2, item d."""
    found: set[Reference] = {(kind, value) for kind, value, _, _ in spans(text)}
    for match in _ORDINAL.finditer(text):
        rank = match.group(1).lower()
        found.add((kind_of(match.group(2)), str(ORDINALS.get(rank) or int(rank[:-2]))))
    found |= {(kind_of(m.group(2)), LAST if m.group(1).lower() in ("last", "final") else PENULTIMATE)
              for m in _LAST.finditer(text)}
    return frozenset(found)


def internal(text: str) -> list[frozenset[Reference]]:
    """Return the places of its own article a reservation names ("not to apply paragraph 2 of this article")."""
    found = []
    for match in _INTERNAL.finditer(text):
        point = {("item", match.group(2).lower())} if match.group(2) else set()
        numbers = dict.fromkeys(re.findall(r"\d{1,2}(?!\d)", match.group(1)))  # "1.b through 1.d": paragraph 1
        found += [frozenset({("paragraph", n), *point}) for n in numbers]
    return found


def pointed(text: str) -> list[frozenset[Reference]]:
    """Return the points of its own article a provision elaborates ("measures referred to in paragraph 2, point (d)")."""
    return [frozenset({("paragraph", m.group(1)), ("item", m.group(2).lower())}) for m in _POINTED.finditer(text)]


def of_place(label: str, headings: Iterable[str]) -> frozenset[Reference]:
    """Return the references that name a provision: those in its label and in its headings."""
    return parse(" ; ".join([label, *headings]))


def common_place(labels: list[str]) -> str:
    """Return the place items share: "Objective 2" of "Objective 2, action 1"…, "Article 21, paragraph 2" of "… 2(a)"…."""
    for parent in (lambda label: re.sub(r"\s*\([^()]*\)$", "", label) if label.endswith(")") else "",
                   lambda label: label.rsplit(",", 1)[0] if "," in label else ""):
        places = {parent(label) for label in labels}
        if len(places) == 1 and "" not in places:
            return places.pop()
    return ""


# "What is Article 18 called?", "the title of Objective 2": asking for a place's name, no topic within it
NAMING = ("called", "title", "titled", "heading", "headed", "name", "named", "entitled")
NAMING_TERMS = frozenset(tokenize(" ".join(NAMING)))
_TITLED = re.compile(r"^\s*(?P<place>.+?)\s+[–—-]\s+(?P<title>\S.*)$")  # "Article 16 – Expedited preservation …"


def title(asked: frozenset[Reference], headings: Sequence[str]) -> tuple[str, str] | None:
    """Return the name and title of the one major place a question names, from a provision's headings, if titled.

    "Article 16 – Expedited preservation of stored computer data" gives ("Article 16", "Expedited …");
    NIS 2 puts the title of "Article 21" in the heading after it.
    """
    major = {ref for ref in asked if ref[0] in MAJOR}
    if len(major) != 1 or len(asked) != 1:
        return None
    for i, heading in enumerate(headings):
        titled = _TITLED.match(heading)
        place = titled.group("place") if titled else heading
        if parse(place) != major:
            continue
        kind, _, rest = place.partition(" ")
        name = f"{kind.capitalize()} {rest}".strip() if place.isupper() else place  # "CHAPTER III": "Chapter III"
        if titled:
            return name, titled.group("title").strip()
        after = headings[i + 1] if i + 1 < len(headings) else ""
        return (name, after.strip()) if after and not parse(after) else None
    return None


def kind_title(kind: str, headings: Sequence[str]) -> tuple[str, str] | None:
    """Return the name and title of the place of a kind a provision is in ("Article 12", "Corporate liability")."""
    for heading in headings:
        titled = _TITLED.match(heading)
        found = parse(titled.group("place") if titled else heading)
        if len(found) == 1 and next(iter(found))[0] == kind:
            return title(found, headings)
    return None


def children(records: list[Record]) -> list[Record]:
    """Return the items one level below the place the records are at ("Article 21(2)": its points (a) to (j))."""
    ids = list(dict.fromkeys(str(r.metadata.get("provision_id", "")) for r in records))
    place = min(ids, key=len, default="")
    if not place or not all(i == place or i.startswith(place + "/") for i in ids):
        return []  # the records are not one provision and its parts
    first: dict[str, Record] = {}
    for record in records:
        pid = str(record.metadata.get("provision_id", ""))
        if pid.rsplit("/", 1)[0] == place:
            first.setdefault(pid, record)
    return list(first.values()) if len(first) >= 2 else []


def spans(label: str) -> list[tuple[str, str, int, int]]:
    """Return the places a text names by number, in order, with where each value stands ('Article 21, paragraph 2(g)')."""
    found = []
    for match in PATTERN.finditer(label):
        kind = KINDS[match.group(1).lower()]
        value = _value(kind, match.group(2))
        if value is not None:
            found.append((kind, value, match.start(2), match.end(2)))
            found += [("paragraph" if sub.group(1).isdigit() else "item", sub.group(1).lower(),
                       match.start(3) + sub.start(1), match.start(3) + sub.end(1)) for sub in _SUB.finditer(match.group(3) or "")]
    return found


def ordered(value: str) -> tuple[bool, int | str]:
    """Return a sort key that puts places in their text's order (numbers as numbers, after letters)."""
    return value.isdigit(), int(value) if value.isdigit() else value


def specific(references: frozenset[Reference]) -> bool:
    """Return True when the references place a provision on their own (at least one major kind)."""
    return any(kind in MAJOR for kind, _ in references)


def only_place(references: frozenset[Reference], keyterms: Iterable[str], heading: str = "") -> bool:
    """Return True when a question names a place and asks nothing more specific ("What is Article 35 about?").

    heading: the place's headings, whose words name it too ("the second opportunity for future action").
    """
    named = set(tokenize(" ".join(f"{kind} {value}" for kind, value in references))) | NAMING_TERMS
    return specific(references) and set(keyterms) <= named | set(tokenize(heading))


def without_places(heading: str) -> str:
    """Return a heading with the places it names taken out ('Article 12 – Corporate liability': ' – Corporate liability')."""
    return PATTERN.sub(lambda m: " " if _value(KINDS[m.group(1).lower()], m.group(2)) else m.group(0), heading)


def words_for(kinds: Iterable[str]) -> list[str]:
    """Return the words, singular and plural, that name places of these kinds."""
    return [word for word, kind in [*KINDS.items(), *((p, KINDS[w]) for p, w in _PLURALS.items())] if kind in kinds]


def kind_of(word: str) -> str:
    """Return the kind of place a word names, singular or plural ("opportunities": opportunity)."""
    word = word.lower()
    return KINDS[_PLURALS.get(word, word)]


def singular(word: str) -> str:
    """Return a kind's name in the singular ("opportunities": "opportunity", "actions": "action")."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def plural(word: str) -> str:
    """Return a kind's name in the plural ("Opportunity": "Opportunities")."""
    return word[:-1] + "ies" if re.search(r"[^aeiou]y$", word) else word + "s"


def _value(kind: str, written: str) -> str | None:
    raw = written.lower()
    if raw.isdigit():
        return str(int(raw))
    # "Article III" in capitals, as treaties number them; "article i…" in lower case is likelier a word
    if (kind in ROMAN_KINDS or (kind == "article" and written.isupper() and len(raw) > 1)) and set(raw) <= set(_ROMAN):
        return str(roman(raw))
    if len(raw) == 1 and kind in ("item", "paragraph", "annex", "part", "section"):
        return raw
    return None


def position(value: str) -> int | None:
    """Return where a place's value stands in its list: '3' is 3, 'c' and '(c)' are 3."""
    bare = value.strip("()")
    return int(bare) if bare.isdigit() else ord(bare) - 96 if len(bare) == 1 and bare.isalpha() else None


def valued(number: int, like: str) -> str:
    """Return a list position written as another value is: 3 like '1' is '3', like 'a' 'c', like '(a)' '(c)'."""
    bare = str(number) if like.strip("()").isdigit() else chr(96 + number)
    return f"({bare})" if like.startswith("(") else bare


# "Which article deals with …?", "In which articles is … defined?", "Which G7 objective is about …?" (the text's name
# before the kind); not "Which article does the ICC cite?", whose article is the object
_WHICH_PLACE = re.compile(rf"^\s*(?:in\s+)?which\s+(?:[\w.'’-]+\s+){{0,3}}?(?P<kind>{KIND_WORDS})\b"
                          r"(?!\s+(?:does|do|did|of\s+the\s+(?:following|above))\b)", re.I)


def place_asked(question: str) -> str:
    """Return the kind of place a question asks to be told ("Which article deals with …?": article), else ""."""
    found = _WHICH_PLACE.match(question)
    return kind_of(found["kind"]) if found else ""


@lru_cache(maxsize=256)
def placing_terms(kinds: frozenset[str]) -> frozenset[str]:
    """Return the terms of the words that name these kinds of place, and ask for a place's name ("called"), if any kind."""
    naming = NAMING if kinds else ()  # "What is Article 29 called?": its name, no topic within it
    return frozenset(tokenize(" ".join([*words_for(kinds), *naming])))


def numeral_of(term: str, references: frozenset[Reference]) -> bool:
    """Return True when a term is the Roman numeral of a place named ("iii" of "Article III"): no topic."""
    return set(term) <= set(_ROMAN) and str(roman(term)) in {value for _, value in references}


def roman(numeral: str) -> int:
    """Return the number a Roman numeral writes ("iii" is 3, "iv" 4)."""
    values = [_ROMAN[ch] for ch in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
