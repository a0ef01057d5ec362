"""Which items of a list speak of a topic: "Which G7 actions mention SMEs?", counted, negated or checked for all.

Retrieval ranks the provisions closest to a topic, list items and the paragraphs around them alike;
"Which of the ICC's opportunities mention the private sector?" asks instead that each numbered item
of the list be read and those that speak of it be named, and "How many G7 actions mention SMEs?",
"Which G7 actions do not mention SMEs?" and "Does every ICC takeaway mention governments?" are
answered from the same reading. A follow-up "And which of them mention governments?" narrows the
list the question before it sifted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.glossary import EVERYDAY
from assistant.references import LISTED, plural, singular

# verbs that only say an item speaks of the topic; other verbs ("request", "call for") are part of it. Of those, the
# ones asking what an item is about: a heading over it may say so ("Which articles deal with co-operation?")
_ABOUT = r"concerns?|deals?\s+with|(?:are|is)\s+about|covers?|relates?\s+to"
_MENTIONING = (r"mentions?|talks?\s+about|refers?\s+to|speaks?\s+of|" + _ABOUT +
               r"|address(?:es)?|discuss(?:es)?|names?|involves?|touch(?:es)?\s+on|focus(?:es)?\s+on"
               r"|say\s+anything\s+about|says?\s+something\s+about|apply\s+to|applies\s+to|target")
_ACTING = (r"requests?|calls?\s+for|asks?\s+for|asks?|requires?|encourages?|promotes?|supports?|recommends?|urges?"
           r"|obliges?|invites?|condemns?|prevents?|commits?\s+to|protects?")
_VERB = rf"(?P<negation>(?:do|does)\s+not\s+|don['’]t\s+|doesn['’]t\s+)?(?P<verb>{_MENTIONING}|{_ACTING})"
# who owns the list ("G7", "the ICC's"); never an auxiliary: "What does the Paris Call say …" names no items
_OWNER = r"(?:(?!(?:does|do|did|is|are|was|were|can|could|should|must|will|would|has|have)\b)[\w.()/-]+(?:['’]s?)?\s+){0,4}?"
_PLACE = r"(?P<place>\s+(?:of|in|under|for|from)\s+[^?]+?)?"
_TAIL = rf"\s+{_VERB}\s+(?P<topic>[^?]+?)\s*[?.!]*$"
_WHICH = re.compile(rf"^\s*(?:and\s+)?(?P<mode>which|what|how\s+many)\s+(?:of\s+)?(?:the\s+)?(?P<owner>{_OWNER})"
                    rf"(?P<kind>(?-i:[a-z]+s)){_PLACE}{_TAIL}", re.I)
# "List the G7 actions that mention consumers.", "Are there any ICC opportunities that mention botnets?"
_THAT = re.compile(rf"^\s*(?:and\s+)?(?P<mode>list|name|show\s+me|give\s+me|are\s+there\s+any|is\s+there\s+any)\s+"
                   rf"(?:all\s+)?(?:of\s+)?(?:the\s+)?(?P<owner>{_OWNER})(?P<kind>(?-i:[a-z]+s)){_PLACE}\s+(?:that|which)"
                   rf"{_TAIL}", re.I)
_EVERY = re.compile(rf"^\s*(?:and\s+)?(?:does|do)\s+(?P<mode>every|each|all)\s+(?:of\s+)?(?:the\s+)?(?P<owner>{_OWNER})"
                    rf"(?P<kind>(?-i:[a-z]+)){_PLACE}{_TAIL}", re.I)
# "What are the ICC opportunities about MLATs?", "What do the Paris Call's principles say about elections?": the items
# of a list, named by its own word, that speak of the topic
_ON = re.compile(rf"^\s*(?:and\s+)?(?P<mode>what)\s+(?:are|do)\s+(?:the\s+)?(?P<owner>{_OWNER})(?P<kind>(?-i:[a-z]+s)){_PLACE}"
                 rf"\s+(?P<negation>)(?P<verb>(?:say\s+)?about)\s+(?P<topic>[^?]+?)\s*[?.!]*$", re.I)
_OF_THEM = re.compile(rf"^\s*(?:and\s+)?(?P<mode>which|how\s+many)\s+of\s+(?:them|those|these)(?P<owner>)(?P<kind>)(?P<place>)"
                      rf"{_TAIL}", re.I)
Mode = Literal["which", "count", "every"]
_OWN_LISTS = LISTED - {"requirement"}  # "requirements" is also any text's word for what it asks
PASSAGES = frozenset({"provision", "passage", "part", "place"})  # any passage of a text, not the items of its list
_TEXTS = frozenset({"text", "document", "source", "instrument"})  # "Which texts talk about …?" asks of the corpus


@dataclass(frozen=True)
class Sift:
    """A question asking which items of a list speak of a topic."""

    mode: Mode
    noun: str  # the items, singular ("action"); "" for "which of them"
    verb: str  # as asked, plural ("mention", "request")
    topic: str  # as asked ("SMEs", "something of the Secretary-General")
    negated: bool = False
    owner: str = ""  # the words before the items ("the ICC's", "operative")
    place: str = ""  # the words naming where the items are ("Protect" of "the subcategories under Protect")

    @property
    def scoping(self) -> bool:
        """Return True when the verb asks whom the items apply to, which a text may say of them all at once."""
        return bool(re.fullmatch(r"apply\s+to|applies\s+to|target", self.verb, re.I))

    @property
    def about(self) -> bool:
        """Return True when the verb asks what an item is about ("deal with"), which the heading over it may say."""
        return bool(re.fullmatch(_ABOUT, self.verb, re.I))

    @property
    def topical_verb(self) -> bool:
        """Return True when the verb is part of what the items must say ("request"), not only that they say it."""
        return not re.fullmatch(_MENTIONING, self.verb, re.I)


def sift(question: str) -> Sift | None:
    """Return what a question sifts a list for, or None when it asks no such thing."""
    found = _WHICH.match(question) or _THAT.match(question) or _EVERY.match(question) or _OF_THEM.match(question)
    if found is None and (found := _ON.match(question)) is not None and singular(found["kind"].lower()) not in _OWN_LISTS:
        return None  # "What are the rules about BYOD?", "the requirements about passwords": no list's own word
    if found is None:
        return None
    noun = singular(found["kind"].lower())
    noun = "" if noun == "one" else noun  # "Which ones concern companies?" asks of the list before, as "which of them"
    if noun in _TEXTS:
        return None
    word = found["mode"].lower()
    mode: Mode = "every" if word in ("every", "each", "all") else "count" if word.startswith("how") else "which"
    verb = found["verb"].lower()
    verb = "are about" if verb == "about" else "mention" if verb.startswith("say") else found["verb"]  # as _ON asks
    return Sift(mode, noun, " ".join(verb.split()), found["topic"].strip(),
                bool(found["negation"]), found["owner"].strip(), re.sub(r"^\s*\w+\s+", "", found["place"] or ""))


def kind_listed(question: str) -> str:
    """Return the kind of item an earlier question asked for by name ("What are the ICC's opportunities …?": opportunity).

    An everyday word for a kind names it too: "What lessons did the ICC draw?" asked for its takeaways.
    """
    found = re.search(r"\b(" + "|".join(plural(kind) for kind in sorted(LISTED)) + r")\b", question, re.I)
    if found:
        return singular(found[1].lower())
    return next((singular(formal) for formal, forms in EVERYDAY.items() if singular(formal) in LISTED
                 and any(re.search(rf"\b{re.escape(form)}\b", question, re.I) for form in forms)), "")


def narrowed(asked: Sift, labels: list[str]) -> list[bool]:
    """Return which items the words before the kind single out by their labels ("operative paragraphs"), else all."""
    words = [w for w in re.findall(r"[a-z]+", asked.owner.lower()) if len(w) > 3]
    marked = [any(re.search(rf"\b{w}\b", label, re.I) for w in words) for label in labels]
    return marked if any(marked) and not all(marked) else [True] * len(labels)


def lead(asked: Sift, matched: int, total: int, plural: str, where: str) -> str:
    """Return the sentence that says how many of a list's items speak of the topic, before they are cited."""
    verb = f"{'do not ' if asked.negated else ''}{asked.verb}"
    phrase = f"{verb} {asked.topic}"
    if asked.mode == "every":
        if not matched:
            return f"Yes: all {total} {plural} in {where} {phrase}."
        return f"No: of the {total} {plural} in {where}, {matched} {_agreed(f'do not {asked.verb}', matched)} {asked.topic}:"
    if not matched:
        return f"None of the {total} {plural} in {where} {_agreed(phrase, 1)}."
    return f"Of the {total} {plural} in {where}, {matched} {_agreed(phrase, matched)}:"


def _agreed(phrase: str, count: int) -> str:
    """Return a verb phrase agreeing with a count: "mention SMEs" for one is "mentions SMEs", "involves" for three "involve"."""
    first, _, rest = phrase.partition(" ")
    if count != 1:
        return f"{_plural_verb(first)} {rest}".strip()
    verb = {"are": "is", "do": "does", "have": "has"}.get(first.lower())
    if verb is None and re.search(r"[^aeiou]y$", first):  # "apply to" → "applies to"
        verb = first[:-1] + "ies"
    if verb is None:
        verb = first if first.endswith("s") and not first.endswith(("ss", "us")) else (
            first + "es" if re.search(r"(?:ss|sh|ch|x|z|us)$", first) else first + "s")
    return f"{verb} {rest}".strip()


_PLURAL_FORMS = {"is": "are", "does": "do", "has": "have", "doesn't": "don't", "doesn’t": "don’t"}


def _plural_verb(verb: str) -> str:
    """Return a verb as asked of one item in its plural form ("involves" → "involve", "applies" → "apply")."""
    lowered = verb.lower()
    if lowered in _PLURAL_FORMS:
        return _PLURAL_FORMS[lowered]
    if lowered.endswith("ies"):
        return verb[:-3] + "y"
    if re.search(r"(?:ss|sh|ch|x|z|us)es$", lowered):
        return verb[:-2]
    return verb[:-1] if lowered.endswith("s") and not lowered.endswith(("ss", "us")) else verb
