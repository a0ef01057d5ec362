"""Compound questions: two questions asked in one, answered one after the other (their manners taken off).

"What are the ICC takeaways and who chaired the briefing?" asks two things no single provision
answers; retrieved as one question, the answer covers whichever part matches best and drops the other.
Split at an "and" that opens a second question ("and who chaired …", "and can a Party …") or between
two question marks, each part is answered on its own (the second with the first as its conversation,
so "it" and "them" resolve) and the answers are joined, their citations numbered in one sequence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from assistant import manners, references, several, situation, wording
from assistant.render import without_article
from assistant.types import Answer, Citation, Hit

_WH = frozenset("what which who whom whose when where why how".split())
_AUX = wording.AUXILIARIES
_AND = re.compile(r",?\s+and\s+(?=(?:" + "|".join(sorted(_WH | _AUX)) + r")\b)", re.I)
_ASKED_AGAIN = re.compile(r"(?<=\?)\s+(?=[^?]*\w[^?]*\?\s*$)")  # "What does NIS 2 say? And who adopted it?"
_OPENERS = frozenset({"and", "also", "but", "then"})  # "…? And about training?"
_MIN_WORDS = 3
_SCOPE = r"(?P<scope>\s+(?:in|under|according\s+to)\s+(?:the\s+)?\S.*?)?\s*[?.]*\s*$"
# "What's the difference between A and B (in X)?", "How do A and B differ?", "A vs B?"
_BE = r"(?:does|do|did|is|are|was|were)"
_CONTRASTS = (
    re.compile(r"^\s*(?:what(?:'s|\s+is|\s+are)\s+the\s+(?:main\s+|key\s+)?differences?|is\s+there\s+(?:a|any)\s+(?:real\s+)?difference"
               r"|how\s+(?:do|can|should)\s+(?:i|we|you)\s+(?:tell\s+apart|distinguish))\s+between\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)"
               + _SCOPE, re.I),
    re.compile(r"^\s*how\s+" + _BE + r"\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)\s+(?:differ|different)(?:\s+from\s+each\s+other)?" + _SCOPE, re.I),
    # "How does A differ from B?", "In what way is A different from B?", "What distinguishes A from B?"
    re.compile(r"^\s*(?:(?:how|in\s+what\s+ways?)\s+)?" + _BE + r"\s+(?P<a>.+?)\s+(?:differ|different|distinct)\s+from\s+(?P<b>.+?)"
               + _SCOPE, re.I),
    re.compile(r"^\s*what\s+(?:distinguishes|separates|sets\s+apart)\s+(?P<a>.+?)\s+from\s+(?P<b>.+?)" + _SCOPE, re.I),
    re.compile(r"^\s*(?P<a>[^,?]+?)\s+(?:vs\.?|versus)\s+(?P<b>[^,?]+?)" + _SCOPE, re.I),
)
_PRONOUNS = frozenset({"it", "this", "that", "this one", "that one", "this article", "that article"})
_MARKER = re.compile(r"\[(\d+)\]")
_LEAD = re.compile(r"According to [^\n]+?\([^()\n]*\)(?=[,:])")  # "According to Paris Call … (Government of France, 12 November 2018)"
T = TypeVar("T")


def answered(
    question: str, history: list[str], ask: Callable[[str, list[str]], Answer], related: int,
    named: situation.Named = situation.unnamed,
) -> Answer:
    """Answer a question as typed: manners and the asker's situation taken off, each question in turn, joined."""
    answers: list[Answer] = []
    asked = situation.with_task(question, manners.plain(question), named)  # "I'm drafting … on X. What can I use?"
    for plain, earlier in situation.readings(asked, [manners.plain(h) for h in history], named):
        answers.append(_asked(plain, earlier, ask, related, named))
        if not answers[-1].abstained:
            break
    answer = answers[0] if answers[-1].abstained else answers[-1]  # every reading refused: the first says why
    answer.question = question  # "Hi! …? Thanks!" as the user typed it
    return answer


def _asked(
    question: str, history: list[str], ask: Callable[[str, list[str]], Answer], related: int, named: situation.Named,
) -> Answer:
    """Answer each question a turn asks in turn ("What does … say? Also, what about …?"), joined."""
    if contrast := [manners.plain(p) for p in contrasted(question, named, history[-1] if history else "")]:  # each alone
        return joined(question, [ask(part, history) for part in contrast], related)
    asked = [manners.plain(p) for p in parts(question) or several.apart(question)]
    if not asked:
        return ask(question, history)
    return joined(question, [ask(part, history + asked[:i]) for i, part in enumerate(asked)], related)


def parts(question: str) -> list[str]:
    """Return the questions a compound question asks, or [] when it asks one."""
    match = _ASKED_AGAIN.search(question)
    if match and _words(question[:match.start()]) >= 2 and _asks(question[match.end():]):
        return [question[:match.start()].strip(), question[match.end():].strip()]
    for match in _AND.finditer(question):
        first, second = question[:match.start()].strip(), question[match.end():].strip()
        if _words(first) >= _MIN_WORDS and _words(second) >= _MIN_WORDS and _opens_clause(second):
            return [first.rstrip("?,;") + "?", second[:1].upper() + second[1:]]
    return []


def contrasted(question: str, named: situation.Named = situation.unnamed, earlier: str = "") -> list[str]:
    """Return one question per thing a contrast names ("the difference between preservation and production orders").

    Contrasted texts ("G7 vs ICC on SMEs") are a comparison of sources, answered as one question. earlier: the
    question before, whose place "it" is ("How does it differ from Article 17?" after one on Article 16).
    """
    match = next((m for m in (p.match(question) for p in _CONTRASTS) if m), None)
    if match is None:
        return []
    a, b = (without_article(match.group(x)).strip() for x in ("a", "b"))
    before = references.PATTERN.search(earlier)
    if a.lower() in _PRONOUNS and before and references.specific(references.parse(b)):
        text = re.match(r"\s+(?:of|in|under)\s+[^?!.,]+", earlier[before.end():])  # " of the Budapest Convention"
        a = before.group(0) + (text.group(0) if text and " of " not in b else "")
    if a.lower() in _PRONOUNS or b.lower() in _PRONOUNS:
        return []  # "it" of no place named before: the question whole, "it" read in the conversation
    scope = match.group("scope") or ""
    if references.specific(references.parse(a)) and references.parse(b):
        return _places(a, several.within(a, b), scope, named)
    in_a, in_b = named(a), named(b)
    texts = set(in_a + in_b)
    if in_a and in_b or len(texts) > 1:  # "How does the ICC's view differ from the G7's?": two texts
        return []
    if texts:  # "Cyber Essentials' firewall rules vs its configuration rules": two things in one text
        text = texts.pop()
        a, b = (_unnamed(x, text) for x in (a, b))
        scope = scope or f" in {text}"
        if not a or not b:
            return []
    if len(a.split()) == 1 and len(b.split()) >= 2 and b.endswith("s") and not a.endswith("s"):
        a = f"{a} {b.split()[-1]}"  # "preservation and production orders": preservation orders
    return [f"What is meant by {x}{scope}?" for x in (a, b)]  # "What are …" would ask for a list of them


def _places(a: str, b: str, scope: str, named: situation.Named) -> list[str]:
    """Return what each of two places says ("How does Objective 1 differ from Objective 2?"), in the text either names."""
    in_a, in_b = named(a), named(b)
    texts = set(in_a + in_b)
    if scope or len(texts) != 1:
        return [f"What does {x}{scope} say?" for x in (a, b)]
    # "Article 29 and Article 30 of the Budapest Convention": both in the text one of them names
    text = texts.pop()
    return [f"What does {x}{'' if own else ' in ' + text} say?" for x, own in ((a, in_a), (b, in_b))]


def _unnamed(thing: str, name: str) -> str:
    """Return a thing without the name of its text ("Cyber Essentials' firewall rules": "firewall rules")."""
    text = r"(?:the\s+)?" + re.escape(name) + r"(?:['’]s?)?"
    bare = re.sub(r"^\s*" + text + r"\s+|\s+(?:of|in|under)\s+" + text + r"\s*$", "", thing, flags=re.I)
    return without_article(re.sub(r"^\s*(?:its|their)\s+", "", bare, flags=re.I)).strip()


def _asks(text: str) -> bool:
    """Return True when text after a question mark is a question of its own ("And who adopted it?"), not "Yes or no?"."""
    tokens = re.findall(r"[a-z]+", text.lower())
    return len(tokens) >= 2 and (tokens[0] in _WH | _AUX | _OPENERS)


def _words(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9]+", text))


def _opens_clause(text: str) -> bool:
    """Return True when text is a question of its own ("who chaired …", "can a Party …"), not "how to …"."""
    tokens = re.findall(r"[a-z]+", text.lower())
    head, rest = tokens[0], tokens[1:]
    if head in _AUX:
        return True
    if not rest or rest[0] == "to":
        return False  # "… and how to manage them": the object of the first question
    pos = wording.parts_of_speech(rest[0])
    return any(t in _AUX for t in rest) or ("VERB" in pos and "NOUN" not in pos)


def joined(question: str, answers: Sequence[Answer], related: int) -> Answer:
    """Return one answer to a compound question from the answers to its parts."""
    if all(a.abstained for a in answers):
        nearest = _unique([c for a in answers for c in a.related], lambda c: c.provision_id)[:related]
        whole = answers[0].model_copy(update={"question": question, "related": _numbered(nearest)})
        whole._retrieved = _unique([h for a in answers for h in a.retrieved], lambda h: h.provision_id)
        return whole
    texts: list[str] = []
    citations: list[Citation] = []
    numbers: dict[tuple[str, str], int] = {}
    for answer in answers:
        if answer.abstained:
            texts.append(f"“{answer.question}”: the corpus does not address this.")
            continue
        if answer.citations and all((c.provision_id, c.quote) in numbers for c in answer.citations):
            continue  # "who said a treaty takes too long and should not be a priority": one passage answers both
        shown = set(numbers.values())
        renumbered: dict[int, int] = {}
        for citation in answer.citations:
            key = (citation.provision_id, citation.quote)
            if key not in numbers:
                numbers[key] = len(citations) + 1
                citations.append(citation.model_copy(update={"n": numbers[key]}))
            renumbered[citation.n] = numbers[key]
        text = _MARKER.sub(lambda m: f"[{renumbered.get(int(m.group(1)), int(m.group(1)))}]", answer.text)
        texts.append(_same_source(_unrepeated(text, shown), texts))
    whole = Answer(question=question, text="\n\n".join(texts), citations=citations,
                   resolved_query=" | ".join(a.resolved_query for a in answers))
    whole._retrieved = _interleaved([a.retrieved for a in answers])
    return whole


def _same_source(text: str, earlier: list[str]) -> str:
    """Return a part's answer without the source a part just before named in full ("According to the same text, …")."""
    lead = _LEAD.match(text)
    if lead and earlier and earlier[-1].startswith(lead.group(0)):
        return "According to the same text" + text[lead.end():]
    return text


def _unrepeated(text: str, shown: set[int]) -> str:
    """Return a part's answer without the listed quotes a part before it gave, when some of its own remain.

    "What is the difference between essential and important entities?": the paragraph that answers of both is
    quoted once.
    """
    lines = text.split("\n")
    listed = {n: {int(m) for m in _MARKER.findall(line)} for n, line in enumerate(lines) if line.startswith("- ")}
    repeated = {n for n, marks in listed.items() if marks and marks <= shown}
    if not repeated or len(repeated) == len(listed):
        return text
    return "\n".join(line for n, line in enumerate(lines) if n not in repeated)


def _numbered(citations: list[Citation]) -> list[Citation]:
    return [c.model_copy(update={"n": n}) for n, c in enumerate(citations, 1)]


def _interleaved(lists: list[list[Hit]]) -> list[Hit]:
    """Return the parts' ranked hits taken in turn, each provision once (the first of each part ranks first)."""
    longest = max((len(x) for x in lists), default=0)
    return _unique([x[i] for i in range(longest) for x in lists if i < len(x)], lambda h: h.provision_id)


def _unique(items: list[T], key: Callable[[T], str]) -> list[T]:
    first: dict[str, T] = {}
    for item in items:
        first.setdefault(key(item), item)
    return list(first.values())
