"""The pieces of a document's outline: headings, list levels and provision drafts; ids and list introductions."""

from __future__ import annotations

import re
from dataclasses import dataclass

LIST_NOUNS = {
    "takeaways", "opportunities", "recommendations", "principles", "actions", "commitments", "norms",
    "priorities", "measures", "objectives", "goals", "findings", "conclusions", "requirements", "steps",
    "rules", "guidelines", "lessons", "proposals", "pledges", "controls", "practices",
}


@dataclass
class Heading:
    text: str
    rank: float
    keyword: str | None = None
    number: str = ""
    kw_rank: float = 0.0
    code: str | None = None
    substantial: bool = False
    list_seen: bool = False
    prose: int = 0
    bullets: int = 0  # top-level bullet items so far: a second bulleted list in the section numbers on
    fresh: bool = True  # nothing has followed it yet, so a title line may still merge into it
    title: bool = False  # the document's own title: kept in heading paths, left out of labels and ids

    @property
    def anchor(self) -> bool:
        """Return True when the heading names a citable unit (a keyword or a section code)."""
        return bool(self.keyword or self.code)

    @property
    def label(self) -> str:
        """Return the short citation label: 'Article 27', 'D.1 Firewalls', 'Takeaways'."""
        if self.keyword:
            return f"{self.keyword.capitalize()} {self.number.upper() if self.number.isalpha() and len(self.number) > 1 else self.number}"
        # a parenthesised note of several words ("(option for all in scope devices)") is no part of the name
        head = re.sub(r"\s*\((?:[^()\s]+\s+){2,}[^()]*\)$", "", self.text.split(":")[0]).strip() or self.text
        return head if len(head) <= 60 else head[:57].rsplit(" ", 1)[0] + "…"

    @property
    def slug(self) -> str:
        """Return the id segment: 'objective-1', 'd-1', 'takeaways'."""
        if self.keyword:
            return slugify(f"{self.keyword} {self.number}")
        if self.code:
            return slugify(self.code)
        return slugify(" ".join(self.label.split()[:4]))

    @property
    def noun(self) -> str | None:
        """Return the item noun a plural heading gives its list ('Takeaways' → 'Takeaway')."""
        words = self.text.split()
        first = words[0] if words else ""
        if self.anchor or first.lower() not in LIST_NOUNS:
            return None
        return first[:-3] + "y" if first.lower().endswith("ies") else first[:-1]


@dataclass
class Level:
    style: str
    value: str
    bullet: str = ""
    count: int = 1
    draft: Draft | None = None
    intro: str = ""


@dataclass
class Draft:
    segments: list[str]
    label: str
    start: int
    end: int
    page: int | None
    page_end: int | None
    headings: list[str]
    intro: str
    is_item: bool
    section: Heading | None = None
    code: str | None = None
    preamble: bool = False  # a preambular paragraph recites; it commits and recommends nothing


def slugify(text: str) -> str:
    """Return a lower-case, hyphenated id segment."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "section"


_CLAUSE_BREAK = re.compile(r";\s+(?=[A-Z])")  # one preambular clause ends, the next begins with a capital
# the line that opens a preamble: "The General Assembly,", "The Conference of the Parties,"
ENACTING = re.compile(r"^The [A-Z][\w'’-]*(?:\s+(?:of|the|on|and|for|[A-Z][\w'’-]*)){0,5},$")


def is_formula(text: str) -> bool:
    """Return True for a preamble's opening or closing formula ('The Parties,', 'Have agreed as follows:')."""
    return bool(ENACTING.match(text.strip())) or (text.rstrip().endswith(":") and len(text.split()) < 8)


def is_preamble(section: Heading) -> bool:
    """Return True for a section headed 'Preamble', whose paragraphs are cited as preambular paragraphs."""
    return not section.keyword and section.text.strip().rstrip(":").lower() == "preamble"


def preamble_clauses(text: str) -> list[tuple[int, int]]:
    """Return the spans of a run-on preamble's clauses ('…; Recognising …; Convinced …'), or [] if it is none.

    A treaty extract may set its whole preamble on one line; each clause is what negotiators cite as a
    preambular paragraph. A closing formula ('Have agreed as follows:') stays with the last clause.
    """
    cuts = list(_CLAUSE_BREAK.finditer(text))
    if len(cuts) < 2:
        return []
    starts = [0] + [m.end() for m in cuts]
    ends = [m.start() + 1 for m in cuts] + [len(text.rstrip())]
    spans = list(zip(starts, ends))
    if is_formula(text[spans[-1][0]:spans[-1][1]]):
        spans[-2:] = [(spans[-2][0], spans[-1][1])]
    return spans


INTRO_CHARS = 200  # a list item stores this much of the sentence that introduces its list


def introduces(text: str, stored: str) -> bool:
    """Return True when a provision's text is the introduction a list item stored (its last sentence, or all of it)."""
    text = text.strip()
    return bool(stored) and text.endswith(":") and stored in (last_sentence(text)[:INTRO_CHARS], text[:INTRO_CHARS])


def last_sentence(text: str) -> str:
    """Return the last sentence of a paragraph (the one that introduces a list)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text.strip())
    return parts[-1] if parts else text
