"""Definitions: the text that defines the term a question asks the meaning of, and saying when no text does.

"What is a vulnerability?" is answered by the text that calls something a vulnerability ("… known as
vulnerabilities"), which retrieval favours. "How does the G7 define SMEs?" asks for a definition the G7
text never gives: the answer says so before the passages nearest to one, rather than passing off a
paragraph that only uses the word as its definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.render import capitalized, short_title
from assistant.types import Answer, Document
from assistant.wording import JOINED

if TYPE_CHECKING:
    from assistant.reading import Reader

# "What is a vulnerability?", "What counts as organisational data?", "What does 'traffic data' mean?": the term
_TERM = r"[\"“‘']?([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}?)[\"”’']?"
_TERM_END = r"\s*(?:[,?.]|$|\s+(?:according|in|under|by|anywhere)\b)"
# asked in so many words: a text that never defines the term has no answer to give, and the answer says so
_EXPLICIT = (
    re.compile(rf"^\s*(?:and\s+)?(?:what\s+is|give\s+me)\s+the\s+definition\s+of\s+(?:an?\s+|the\s+)?{_TERM}{_TERM_END}", re.I),
    # "How does the G7 define SMEs?"; "Does any text define SME?", a yes or no the answer gives
    re.compile(rf"^\s*(?:and\s+)?(?:how\s+)?(?:does|do|did)\s+(?:[\w'’./-]+\s+){{1,6}}?define\s+(?:an?\s+|the\s+)?"
               rf"{_TERM}{_TERM_END}", re.I),
    re.compile(rf"^\s*(?:and\s+)?how\s+(?:is|are)\s+(?:an?\s+|the\s+)?{_TERM}\s+defined\b", re.I),
    # "Is there a definition of SME anywhere?"
    re.compile(rf"^\s*(?:and\s+)?(?:is|are)\s+there\s+(?:an?|any)\s+definitions?\s+(?:of|for)\s+(?:an?\s+|the\s+)?"
               rf"{_TERM}{_TERM_END}", re.I),
    re.compile(rf"^\s*(?:and\s+)?what\s+does\s+the\s+(?:term|word|phrase)\s+{_TERM}\s+mean\b", re.I),
)
_ASKS = (
    *_EXPLICIT,
    re.compile(rf"^\s*(?:and\s+)?(?:(?:what|who)\s+(?:is|are)\s+(?:meant\s+by\s+)?|what\s+counts\s+as\s+|define\s+)(?:an?\s+|the\s+)?"
               rf"{_TERM}{_TERM_END}", re.I),
    re.compile(rf"^\s*(?:and\s+)?what\s+does\s+{_TERM}\s+mean\b", re.I),
)
_QUOTE = "[\"“”‘’']?"


def defined(question: str, uses: bool = True) -> re.Pattern[str] | None:
    """Return the pattern of a definition of the term a "what is X?" question asks about ("… known as vulnerabilities").

    uses: a text's use of a term of two or more words counts too, for finding the passages to answer from.
    """
    asked = next((m for p in _ASKS if (m := p.match(question))), None)
    if not asked:
        return None
    stems = _stems(asked.group(1))
    term = r"\s+".join(stems)
    # a term of two or more words that a text uses undefined is its answer too: "essential and important entities"
    used = "|(?<![\\w-])" + (JOINED + r"\s+").join(stems) if uses and len(stems) > 1 else ""
    return re.compile(rf"\b(?:known\s+as|referred\s+to\s+as|called|termed|defined\s+as)\s+(?:an?\s+|the\s+)?{_QUOTE}{term}"
                      rf"|(?<![\w-]){_QUOTE}{term}{_QUOTE}\s+(?:means|refers\s+to|shall\s+mean|is\s+defined\s+as|includes)\b{used}",
                      re.I)


def asked_term(question: str) -> str:
    """Return the term a question asks the definition of in so many words ("How does the G7 define SMEs?"), else ""."""
    asked = next((m for p in _EXPLICIT if (m := p.match(question))), None)
    return " ".join(asked.group(1).split()) if asked else ""


def undefined(question: str, texts: Iterable[str]) -> str:
    """Return the term a question asks the definition of in so many words when no text defines it, else "".

    Any sentence that opens with the term and says what it is ("Malware, such as …, is software …"), and any
    heading that names it ("Article 7 – Computer-related forgery"), counts as a definition: a text is only said
    not to define a term when none of its sentences or headings could.
    """
    asked = asked_term(question)
    if not asked:
        return ""
    pattern = defined(question, uses=False)  # "cyber security" used is not "cyber security" defined
    term = r"\s+".join(_stems(asked))
    loose = re.compile(rf"(?:^|[.;:!?]\s+|\n)\s*(?:an?\s+|the\s+)?{_QUOTE}{term}{_QUOTE}(?:\s*\([^)]*\))?(?:\s*,[^.]{{0,150}}?,)?"
                       rf"\s+(?:is|are|means|refers\s+to|shall\s+mean|includes?|covers?|comprises?)\b|^\s*{term}\s*[:–—]"
                       rf"|[:–—-]\s*{term}\s*$", re.I)  # "Article 7 – Computer-related forgery": the article says what it is
    if any((pattern and pattern.search(text)) or loose.search(text) for text in texts):
        return ""
    return asked


def noted(answer: Answer, question: str, reader: Reader, documents: dict[str, Document], doc_ids: list[str]) -> Answer:
    """Say before an answer to "How does X define Y?" that X (or, none named, any text) does not define Y, where none does."""
    if answer.abstained or len(doc_ids) > 1 or not asked_term(question):
        return answer  # most questions: no text is read through
    if not (term := undefined(question, reader.texts(doc_ids))):
        return answer
    one = doc_ids[0] if doc_ids else ""
    title = short_title(documents[one].title) if one in documents else one
    who = f"{capitalized(title)} does not define" if title else "None of the texts defines"
    answer.text = f"{who} “{term}”. The passages nearest to a definition:\n\n{answer.text}"
    return answer


def _stems(term: str) -> list[str]:
    """Return each word of a term with its endings open: "vulnerability" is defined as "vulnerabilities"."""
    return [rf"{re.escape(w[:max(4, len(w) - 3)])}[\w-]*" for w in term.lower().split()]
