"""Questions about a document itself ("Who issued the Paris Call, and when?") and the provisions that attest it.

A text often says who made it and when in a line of its own: a dateline ("Paris, 12th of November,
2018"), a final clause ("DONE at Budapest, this 23rd day of November 2001"), a voice ("we the G7 ICT
and Industry Ministers intend to"), a record ("Resolution adopted by the General Assembly on 1 December
2025"). Such a question's words ("issued", "wrote") are no topic: ranked by them, the answer would
quote whatever provision happens to use them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from assistant.render import MONTHS
from assistant.types import Document, issuer_name

Wants = Literal["who", "when", "both", "where"]

# verbs and nouns that ask for a document's origin; in such a question they say what is asked, not about what
WORDS = frozenset(
    "issue issued issues issuing adopt adopted adopts adoption publish published publishes publication publisher "
    "write wrote written writes author authored authors sign signed signs signing signature launch launched "
    "launches release released produce produced draft drafted dated date year opened held hold convened meet met "
    "meeting carry carries bear bears".split()
) | {"set out", "sets out", "drew up", "drawn up"}  # "Which ministers set out the G7 actions?"
# "Which body adopted it?": the kind of maker asked for, which the texts name ("the General Assembly"), not call a body
_MAKERS = "body bodies organ organs organisation organisations organization organizations institution institutions " \
          "agency agencies authority authorities entity entities forum"
_WHO = re.compile(r"^\s*(?:who|by whom|(?:which|what)\s+(?:" + "|".join(_MAKERS.split()) + r"|governments?|countries|country|ministers?))\b",
                  re.I)
_WHEN = re.compile(r"^\s*(?:when|on what date|in what year|what year|what date|what(?:'s|\s+is|\s+was) the date)\b|\band when\b",
                   re.I)
# "Where was the Budapest Convention signed?": answered where a text names the place it was made, never by its topics
_WHERE = re.compile(r"^\s*(?:where|in\s+which\s+(?:city|country|place|town))\s+(?:was|were|did|is|are)\b|^\s*at\s+what\s+place\b", re.I)
_PLACES = "city country place town venue"  # "In which city was it adopted?": the kind of place asked for
# "DONE at Budapest", "signed at Paris", or a dateline "Paris, 12th of November, 2018"
_PLACE = re.compile(r"\b(?i:done|signed|adopted|made|issued)\s+(?:at|in)\s+[A-Z][a-z]+|^\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+"
                    r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b")
# "Which text was adopted in Budapest?", "What was agreed in Paris?": the text made at the place named
_MADE_AT = re.compile(r"^\s*(?:which|what)(?:\s+(?:text|document|treaty|convention|declaration|instrument|agreement|one))?"
                      r"\s+(?:was|were|is)\s+(?:(?:first\s+)?(?:adopted|signed|issued|agreed|concluded|launched|published|"
                      r"made|done|opened\s+for\s+signature))\s+(?:in|at)\s+(?P<place>(?-i:[A-Z][a-z]+))\s*[?.!]*\s*$", re.I)
# "Is the G7 text from 2017 or 2018?", "What year is the Paris Call from?"
_FROM_YEAR = re.compile(r"^\s*(?:is|was|are|were)\s+(?:\S+\s+){1,6}?from\s+(?:19|20)\d\d\b(?:\s+or\s+(?:19|20)\d\d)?\s*\??\s*$"
                        r"|^\s*(?:what|which)\s+year\s+(?:is|was|are|were)\s+(?:\S+\s+){1,6}?from\s*\??\s*$", re.I)
# "Were the G7 actions agreed in 2019?", "Am I right that the Paris Call was signed in 2020?": a year to check
_DATING = ("agreed", "approved", "made", "concluded", "endorsed")  # how its date is asked of, not what a text is about
_HOW_OLD = re.compile(r"^\s*how\s+(old|recent)\s+(?:is|was)\b", re.I)  # "How old is the G7 text?": its date; not "are they" (MLATs)
_IN_YEAR = re.compile(r"\b(?:" + "|".join((*_DATING, *sorted(WORDS - {"set out", "sets out", "drew up", "drawn up"})))
                      + r")\s+(?:for\s+signature\s+|back\s+)?in\s+(?:19|20)\d\d\s*[?.!]*\s*$", re.I)
# "When will they meet next?" asks about a later event, which a document's own date does not answer
_LATER = re.compile(r"\b(?:will|next|again|upcoming|future)\b", re.I)
_ASKS = re.compile(r"\b(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")\b", re.I)
_OWN_VOICE = re.compile(r"\b(?:we|our|us|done at|convened|adopted|issued|published|signed|launched)\b", re.I)
NEAR = 40  # characters either side of a "we" within which a text names itself as its issuer
HEAD = 300  # a provision attests only near its start: a long one that mentions a date further on is about something else


@dataclass(frozen=True)
class Attesting:
    """A provision that states its document's date (0-3: year, month, day) or speaks as its issuer."""

    index: int
    date: int
    issuer: bool
    place: bool = False  # it names where the text was made ("DONE at Budapest")


def asks(question: str) -> Wants | None:
    """Return what a question asks about its document's origin ('who', 'when' or 'both'), or None."""
    if _FROM_YEAR.search(question) or _IN_YEAR.search(question) or _HOW_OLD.search(question):
        return "when"
    if _WHERE.search(question) and _ASKS.search(question):
        return "where"
    who, when = bool(_WHO.search(question)), bool(_WHEN.search(question))
    if not (who or when) or not _ASKS.search(question) or (when and later(question)):
        return None
    return "both" if who and when else "who" if who else "when"


def made_at(question: str) -> str:
    """Return the place a question asks which text was made at ("Which text was adopted in Budapest?"), else ""."""
    m = _MADE_AT.match(question)
    return m.group("place") if m else ""


def names_place(text: str, place: str) -> bool:
    """Return True when a provision names the place its text was made at ("DONE at Budapest", "Paris, 12th …")."""
    return any(re.search(rf"\b{re.escape(place)}\b", m.group(0)) for m in _PLACE.finditer(text))


def about_origin(question: str) -> bool:
    """Return True when a question uses a word asking how its document came about ("adopted", "signed")."""
    return bool(_ASKS.search(question))


def done(question: str) -> str:
    """Return the participle a question asks how its text came about by ("held", "signed"), else "made"."""
    m = _ASKS.search(question)
    verb = m.group(0).lower() if m else ""
    return verb if verb.endswith("ed") or verb in {"held", "written", "drawn up", "met"} else "made"


def later(question: str) -> bool:
    """Return True when a question asks about an event after its document ("When will they meet next?")."""
    return bool(_LATER.search(question))


@cache
def terms() -> frozenset[str]:
    """Return the index terms of the words that ask for a document's origin."""
    from assistant.sparse import tokenize

    return frozenset(tokenize(" ".join((*WORDS, *_DATING, _MAKERS, _PLACES, "old recent"))))


def attesting(texts: Sequence[tuple[int, str]], document: Document) -> list[Attesting]:
    """Return the provisions among (index, text) that state the document's date or speak as its issuer."""
    year, month, day = date_parts(document.date)
    names = _issuer_names(document.issuer)
    found = []
    for index, text in texts:
        head = text[:HEAD]
        day_month = bool(month and month in head and _names_day(head, day))
        if year and year in head:
            dated = 1 + bool(month and month in head) + day_month
        else:
            dated = 2 if day_month else 0  # "On 08 February ICC convened …": a text may not state its year
        voiced = any(_names_near(head, m, names) for m in _OWN_VOICE.finditer(head))
        placed = bool(_PLACE.search(head))
        if dated or voiced or placed:
            found.append(Attesting(index, dated, voiced, placed))
    return found


def best(found: list[Attesting], wants: Wants, start: dict[int, int]) -> list[int]:
    """Return the one or two attesting provisions that answer best: the date, the issuer, or one of each."""
    def key(a: Attesting) -> tuple[int, ...]:
        order = (-a.issuer, -a.date) if wants == "who" else (-a.date, -a.issuer)
        return (-(a.issuer and a.date >= 2), *order, start[a.index])

    if wants == "where":
        found = [a for a in found if a.place]
        return [min(found, key=lambda a: start[a.index]).index] if found else []
    # a voice does not date a text, nor a date name its maker
    found = [a for a in found if (a.date if wants == "when" else a.issuer if wants == "who" else a.date or a.issuer)]
    if not found:
        return []
    first = min(found, key=key)
    if wants != "both" or (first.issuer and first.date >= 2):
        return [first.index]
    other = [a for a in found if (a.issuer if first.date else a.date) and a.index != first.index]
    return [first.index] + ([min(other, key=key).index] if other else [])


def _names_near(text: str, voice: re.Match[str], names: list[str]) -> bool:
    """Return True when an issuer's name goes with a word of its own voice ("we the G7 … Ministers", "ICC convened").

    Named further off from a "we", the issuer is spoken of, not speaking ("we … as defined by the NCSC guidance").
    """
    pronoun = voice.group(0).lower() in {"we", "our", "us"}  # a final clause ("DONE at …") speaks for its maker wherever named
    near = text[max(0, voice.start() - NEAR): voice.end() + NEAR] if pronoun else text
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", near) for n in names)


def _names_day(text: str, day: str) -> bool:
    """Return True when text names the day of the month ('23rd', '08', '1')."""
    return bool(day) and re.search(rf"(?<!\d)0?{day}(?:st|nd|rd|th)?(?!\d)", text) is not None


def date_parts(date: str) -> tuple[str, str, str]:
    """Return the year, month name and day of a catalogue date ('2001-11-23 (…)', '08 February (…)')."""
    iso = re.match(r"\s*((?:19|20)\d\d)(?:-(\d\d))?(?:-(\d\d))?", date)
    if iso:
        month = MONTHS[int(iso.group(2)) - 1] if iso.group(2) and 1 <= int(iso.group(2)) <= 12 else ""
        return iso.group(1), month, str(int(iso.group(3))) if iso.group(3) else ""
    year = re.search(r"\b(?:19|20)\d\d\b", date)
    month = next((m for m in MONTHS if m in date), "")
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", date)
    return (year.group(0) if year else "", month, str(int(day.group(1))) if day else "")


def _issuer_names(issuer: str) -> list[str]:
    """Return the names an issuer goes by in its own text: its name and the acronyms it gives."""
    name = issuer_name(issuer)
    acronyms = re.findall(r"\(([A-Z][A-Z\d]{1,9})\)", issuer)
    words = name.split()
    # "the General Assembly" of the "United Nations General Assembly": a text names its maker for short
    tails = [" ".join(words[i:]) for i in range(1, len(words) - 1) if words[i][:1].isupper()]
    return [n for n in (name, *acronyms, *tails) if n]
