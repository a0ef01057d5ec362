"""What the assistant will not do: give its own opinion, advise on signing a text, write poems or jokes, set the texts aside.

"What do you think of the G7 declaration?" or "Should my country sign the Budapest Convention?" have words
the texts share ("G7", "sign"), so retrieval finds passages and an extractive answer would quote them as if
they were the assistant's view. Such a request is declined with what the assistant can do instead; the
nearest passages are still listed, since what a text says is what the asker can weigh for themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["opinion", "decision", "writing", "instruction"]

_PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("instruction", re.compile(
        r"\b(?:ignore|forget|disregard|set\s+aside)\s+(?:all\s+|the\s+|your\s+|any\s+|these\s+)?(?:previous\s+|earlier\s+|above\s+)?"
        r"(?:documents?|texts?|corpus|instructions?|rules?|prompts?|sources?|guidelines?)\b"
        r"|\b(?:system\s+prompt|pretend\s+(?:you\s+are|to\s+be)|you\s+are\s+now\s+a|role-?play\s+as)\b", re.I)),
    ("writing", re.compile(
        r"\b(?:write|compose|make\s+up|create|generate|give\s+me|tell\s+(?:me|us))\s+(?:me\s+|us\s+)?(?:a|an|some)\s+"
        r"(?:(?:short|little|funny|quick|silly)\s+)?(?:poem|haiku|limerick|song|lyrics|story|joke|rap|sonnet|riddle|jingle)s?\b",
        re.I)),
    ("opinion", re.compile(
        r"\bwhat\s+(?:do|would)\s+you\s+(?:personally\s+)?(?:think|make|reckon|feel)\b"
        r"|\b(?:what['’]?s|what\s+is|give\s+me|tell\s+me)\s+your\s+(?:own\s+|personal\s+|honest\s+)?"
        r"(?:opinion|view|take|thoughts?|assessment|verdict|judg(?:e)?ment)\b"
        r"|\bin\s+your\s+(?:own\s+|personal\s+)?(?:opinion|view)\b"
        r"|\bdo\s+you\s+(?:personally\s+)?(?:agree|disagree|like|prefer|approve)\b(?!\s+that\b)"
        r"|\bare\s+you\s+(?:for|against|in\s+favou?r\s+of)\b"
        r"|^\s*which\s+(?:one\s+|text\s+|document\s+)?is\s+(?:the\s+)?(?:better|worse|stronger|weaker)\b", re.I)),
    ("decision", re.compile(
        r"\bshould\s+(?:i|we|(?:my|our)\s+(?:country|government|state|ministry|delegation|organi[sz]ation)|(?:the\s+)?[\w-]+)\s+"
        r"(?:sign|ratify|join|accede\s+to|endorse|withdraw\s+from|pull\s+out\s+of|vote\s+(?:for|against))\s+(?:the|this|that|it)\b",
        re.I)),
)

_REPLIES: dict[Kind, str] = {
    "opinion": "I don't give opinions of my own: I report what the indexed texts say, with citations, so that you "
               "can judge for yourself. Ask what a text says on the point (for example, \"What does the ICC say about "
               "a new treaty?\").",
    "decision": "Whether to sign, join or endorse a text is a decision I can't advise on: I report what the indexed "
                "texts say, with citations. Ask what a text provides (for example, who may sign it or what it requires "
                "of its parties).",
    "writing": "I don't write poems, stories or jokes: I answer questions from the indexed texts, quoting them. Ask "
               "what the texts say about the topic instead.",
    "instruction": "I answer only from the indexed texts, with citations, and can't set them aside or work otherwise. "
                   "Ask a question about what the texts say.",
}


@dataclass(frozen=True)
class Declined:
    """A request outside what the assistant does, and the reply that says so."""

    kind: Kind
    reply: str
    related: bool = True  # list the nearest passages: not when the request is to set the texts aside


def outside(question: str) -> Declined | None:
    """Return why a question asks for something other than what the texts say, or None when it asks that."""
    for kind, pattern in _PATTERNS:
        if pattern.search(question):
            return Declined(kind, _REPLIES[kind], related=kind != "instruction")
    return None
