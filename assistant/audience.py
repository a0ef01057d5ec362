"""Whom a text speaks to, as a reader deciding whether it is for them asks it ("Who is the G7 text for?", "Who
does the ICC briefing address?", "Which groups does the Paris Call speak to?").

Ranked by its words, such a question quotes whatever provision says "addressed to" (a notification "addressed
to the Secretary General") or the text's opening. Each provision carries the groups it names (companies, SMEs,
governments, consumers …, read at ingest); the answer counts them over the whole text and quotes the first
provision naming each of the groups it names most, so the reader sees what the count rests on.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from assistant.catalogue import Mentions, held, in_sentence
from assistant.conversation import Resolved
from assistant.ingest.classify import ADDRESSEES
from assistant.particulars import meant, pronoun
from assistant.render import capitalized, in_prose, short_title
from assistant.types import Answer, Filters, Hit

if TYPE_CHECKING:
    from assistant.answer import Composer
    from assistant.reading import Reader

_TEXT = r"(?P<name>.+?)"
_END = r"\s*[?.!]*$"
_PATTERNS = tuple(re.compile(pattern + _END, re.I) for pattern in (
    # "Who is the G7 text for?", "Who is the Cyber Essentials scheme aimed at?", "To whom is the Paris Call addressed?"
    rf"^who\s+(?:is|are)\s+{_TEXT}\s+(?:(?:mainly|primarily|really)\s+)?(?:for|addressed\s+to|aimed\s+at|directed\s+at|"
    rf"(?:intended|written|meant|designed)\s+for)",
    rf"^to\s+whom\s+(?:is|are)\s+{_TEXT}\s+(?:addressed|directed)",
    # "Who does the ICC briefing address?", "Which groups does the Paris Call speak to?"
    rf"^(?:who|which\s+(?:groups|actors|audiences?|stakeholders|people))\s+(?:does|do)\s+{_TEXT}\s+(?:address|speak\s+to|target|"
    rf"talk\s+to)",
    # "Who is the audience of the G7 text?", "What is the target audience for NIS 2?"
    rf"^(?:who|what)\s+is\s+the\s+(?:intended\s+|target\s+)?audience\s+(?:of|for)\s+{_TEXT}",
    # "Who are the addressees of the G7 text?", "Who is the G7 text's target audience?"
    rf"^(?:who|what)\s+(?:is|are)\s+the\s+(?:intended\s+|main\s+)?(?:addressees?|recipients?|target\s+groups?)"
    rf"\s+(?:of|for)\s+{_TEXT}",
))
GROUPS_SHOWN = 3
SENTENCE_WORDS = 6  # a provision shorter than this is a title line or a heading's own words
_SAID = {"international community": "the international community"}  # the groups as a sentence names them
# "users" of a system and "the primary consumer of asset management" are no consumers an audience question means
_STRICTER = {"consumers": re.compile(r"\b(?:consumers|citizens?|individuals|end[\s-]users)\b", re.I)}


def asks(question: str) -> str | None:
    """Return the name of the text a question asks the audience of, or None for any other question."""
    for pattern in _PATTERNS:
        if m := pattern.match(question.strip()):
            return m.group("name").strip()
    return None


def answered(
    question: str, resolved: Resolved, reader: Reader, composer: Composer, filters: Filters, mentions: Mentions,
) -> Answer | None:
    """Answer whom a named text speaks to from the groups its provisions name, or return None."""
    name = asks(question)
    if name is None or (pronoun(name) and resolved.carried):
        return None  # "Who is it for?" after a question on MFA in Cyber Essentials asks who MFA is for
    doc_id = meant(name, resolved, mentions)
    document = next((d for d in held(composer, filters) if d.doc_id == doc_id), None)
    if document is None:
        return None
    provisions = reader.provisions(document.doc_id)
    said = [h for h in provisions if len(h.text.split()) >= SENTENCE_WORDS]  # not "United Nations" heading the text
    counts = Counter(group for hit in said for group in _groups(hit))
    title = in_sentence(short_title(document.title))
    if not counts:
        groups = in_prose([_SAID.get(group, group) for group in ADDRESSEES])
        return composer.refused(resolved, provisions[:1], capitalized(
            f"{title} names none of the groups its provisions are read for ({groups})."))
    top = counts.most_common(GROUPS_SHOWN)
    named = in_prose([f"{_SAID.get(group, group)} in {n}" for group, n in top])
    lead = f"{title} names {named} of its {len(provisions)} provisions; for example:"
    firsts = list({hit.provision_id: hit for hit in (_first(said, group) for group, _ in top)}.values())
    answer = composer.count(resolved, firsts, "provision", lead=capitalized(lead))
    answer._retrieved = firsts
    return answer


def _groups(hit: Hit) -> list[str]:
    """Return the groups a provision names, read more strictly where a word has other senses ("user accounts")."""
    return [g for g in hit.addressees if g not in _STRICTER or _STRICTER[g].search(hit.text)]


def _first(provisions: list[Hit], group: str) -> Hit:
    """Return the first provision that asks or commits something of a group, else the first that names it."""
    naming = [hit for hit in provisions if group in _groups(hit)]
    return next((hit for hit in naming if hit.kind in ("commitment", "recommendation")), naming[0])
