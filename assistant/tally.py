"""How much the texts say of a topic, counted: "How many times does the G7 text mention SMEs?".

Retrieval finds the provisions closest to a topic; a question that asks how often a text mentions it
("How often does the ICC note mention governments?", "Count the mentions of cooperation in the G7
text.", "In how many provisions does NIS 2 mention supply chains?"), how many texts do ("How many of the
texts mention SMEs?") or which does most ("Which text mentions SMEs the most?") asks instead that every
provision be read and those that say it be counted. The count is of provisions (a word said twice in
one provision is one mention there), and the provisions are cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# "say" and "use" are no mention verbs: "How often does Cyber Essentials say to run phishing tests?" asks how often to
# run them; "use the word …" is
_SAY = (r"mention(?:s|ed)?|refer(?:s|red)?\s+to|talk(?:s|ed)?\s+about|speak(?:s)?\s+of|spoke\s+of|use(?:s|d)?(?=\s+the\s+(?:word|term|phrase))"
        r"|cite(?:s|d)?|name(?:s|d)?|bring(?:s)?\s+up|come(?:s)?\s+up|discuss(?:es|ed)?|address(?:es|ed)?")
_HOW_OFTEN = r"how\s+(?:many\s+times|often|frequently)"
_PLACES = r"(?:provisions?|passages?|places?|parts?|sections?)"
_END = r"\s*[?.!]*\s*$"
# "How many times does the G7 text mention SMEs?", "In how many provisions does NIS 2 mention supply chains?"
_TEXT_SAYS = re.compile(
    rf"^\s*(?:and\s+)?(?:{_HOW_OFTEN}|in\s+how\s+many\s+{_PLACES})\s+(?:does|do|did|has|have)\s+(?P<who>.+?)\s+(?:{_SAY})\s+"
    rf"(?:the\s+(?:word|term|phrase)\s+)?(?P<topic>[^?]+?){_END}", re.I)
# "How often are consumers mentioned in the G7 declaration?", "How many times does the UN Charter come up?"
_TOPIC_SAID = re.compile(
    rf"^\s*(?:and\s+)?{_HOW_OFTEN}\s+(?:is|are|was|were|does|do|did)\s+(?:the\s+(?:word|term|phrase)\s+)?(?P<topic>.+?)\s+"
    rf"(?:mentioned|referred\s+to|talked\s+about|cited|named|brought\s+up|come\s+up|appear)"
    rf"(?:\s+(?:in|by|across|throughout)\s+(?P<who>[^?]+?))?{_END}", re.I)
# "Count the mentions of cooperation in the G7 text.", "How many provisions of the Budapest Convention mention …?"
_COUNT_OF = re.compile(
    rf"^\s*(?:count|tally|total|add\s+up)\s+(?:up\s+)?(?:the\s+)?(?:mentions|references|occurrences|uses)\s+of\s+(?P<topic>.+?)"
    rf"(?:\s+(?:in|by|across|throughout)\s+(?P<who>[^?.]+?))?{_END}"
    rf"|^\s*how\s+many\s+{_PLACES}\s+(?:of|in)\s+(?P<who2>.+?)\s+(?:{_SAY})\s+(?P<topic2>[^?]+?){_END}", re.I)
_TEXTS = r"(?:texts|documents|sources|instruments)"
# "How many of the texts mention SMEs?", "How many documents talk about capacity building?"
_TEXTS_SAY = re.compile(rf"^\s*(?:and\s+)?(?:in\s+)?how\s+many\s+(?:of\s+(?:the|these|your|those)\s+|indexed\s+)?{_TEXTS}"
                        rf"\s+(?:(?:{_SAY})|do\s+you\s+have\s+that\s+(?:{_SAY}))\s+(?P<topic>[^?]+?){_END}", re.I)
# "In how many of the texts do SMEs appear?", "In how many documents is capacity building mentioned?"
_TEXTS_HOLD = re.compile(rf"^\s*(?:and\s+)?in\s+how\s+many\s+(?:of\s+(?:the|these|your|those)\s+)?{_TEXTS}\s+(?:do|does|is|are)\s+"
                         rf"(?P<topic>[^?]+?)\s+(?:appear|come\s+up|feature|mentioned|referred\s+to|named|cited){_END}", re.I)
# "Which text mentions SMEs the most?", "Which document talks most about cooperation?", "… says the most about SMEs?"
_MOST = re.compile(rf"^\s*(?:and\s+)?(?:which|what)\s+(?:text|document|source|instrument)\s+"
                   rf"(?:(?:{_SAY})\s+(?:(?:the\s+)?most\s+(?:often\s+)?(?:about\s+)?(?P<topic1>[^?]+?)|(?P<topic2>[^?]+?)\s+(?:the\s+)?most"
                   rf"(?:\s+often)?)|(?:mentions|talks|speaks|writes|says|has)\s+(?:the\s+)?most\s+(?:about|of|on)\s+(?P<topic3>[^?]+?)){_END}", re.I)
Mode = Literal["text", "texts", "most"]


@dataclass(frozen=True)
class Tally:
    """A question asking how often a topic is mentioned: in a text, in how many texts, or most in which."""

    mode: Mode
    topic: str  # as asked ("SMEs", "the UN Charter")


def tally(question: str) -> Tally | None:
    """Return what a counting question asks, or None when it asks something else."""
    if m := _TEXT_SAYS.match(question) or _TOPIC_SAID.match(question):
        return Tally("text", m.group("topic"))
    if m := _COUNT_OF.match(question):
        return Tally("text", m.group("topic") or m.group("topic2"))
    if m := _TEXTS_SAY.match(question) or _TEXTS_HOLD.match(question):
        return Tally("texts", m.group("topic"))
    if m := _MOST.match(question):
        return Tally("most", m.group("topic1") or m.group("topic2") or m.group("topic3"))
    return None


def passages(count: int) -> str:
    """Return "1 passage" or "8 passages"."""
    return f"{count} passage{'' if count == 1 else 's'}"


def lead(asked: Tally, title: str, count: int, cited: int) -> str:
    """Return the sentence that says how often one text mentions the topic, before the passages are cited."""
    title = title[:1].upper() + title[1:]  # "The NIS 2 Directive mentions …"
    if not count:
        return f"{title} never mentions {asked.topic}."
    more = f"; the first {cited} are cited" if cited < count else ""
    return f"{title} mentions {asked.topic} in {passages(count)}{more}:"


def across(asked: Tally, counts: dict[str, int], total: int) -> str:
    """Return the sentence that says which texts mention the topic, and how often, most first."""
    if not counts:
        return f"None of the {total} texts searched mentions {asked.topic}."
    counts = {title[:1].upper() + title[1:]: n for title, n in counts.items()}
    each = "; ".join(f"{title} ({passages(n)})" for title, n in counts.items())
    if asked.mode == "most":
        first, n = next(iter(counts.items()))
        tied = [t for t, m in counts.items() if m == n]
        if len(tied) > 1:
            return f"{' and '.join(tied)} mention {asked.topic} equally often ({passages(n)} each). In all: {each}."
        return f"{first} mentions {asked.topic} most, in {passages(n)}. In all: {each}."
    verb = "mentions" if len(counts) == 1 else "mention"
    return f"{len(counts)} of the {total} texts searched {verb} {asked.topic}: {each}."
