"""Reading a text place by place: "And the next one?", "What about the one before it?", "And the sixth?".

A reader who has just been shown a provision moves to its neighbour or to another rank of the same
kind; the move is made on the label of the provision the last answer cited (the place the earlier
question named, when it named one), and the new place is asked about in that provision's document.
A place a text does not have ("Objective 3" of a text with two objectives) is said to be missing,
with the places of its kind the text does have. "Tell me more." asks the earlier question again, for what its
answer did not cite.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant import references
from assistant.references import KINDS, ORDINALS, Reference
from assistant.types import Answer, Citation

# "after"/"before" alone ("And the one after?") only where nothing else is asked: see _ALONG
_FORWARD = re.compile(r"\b(?:next|following|after(?:\s+(?:that|it|this))?|follows)\b", re.I)
_BACKWARD = re.compile(r"\b(?:previous|preceding|prior|before(?:\s+(?:that|it|this))?|precedes)\b", re.I)
_RANK = re.compile(r"\b(?:(" + "|".join(ORDINALS) + r")|(\d{1,2})(?:st|nd|rd|th)|(?:number|no\.?)\s*(\d{1,3})|(last|final))\b"
                   r"|#\s*(\d{1,3})\b", re.I)
LAST = -1  # the rank of "the last one": counted from the end of the list the answer gave
# the words a move comes with; any other word asks something new ("What is the next step for SMEs?")
_ALONG = frozenset(
    "and so ok okay then now what whats about how is are was were does do did it that this say says said comes come "
    "one the of on me us show give read tell please s just only more detail details "  # "Just the first one."
    "explain describe elaborate expand clarify summarise summarize quote by mean means meant".split())  # "Explain the second one."
_KIND_WORDS = frozenset(word for word in references.words_for(set(KINDS.values())) if " " not in word)
MAX_WORDS = 8
NAMING_WORDS = 6  # an item this short, no sentence, names a part of its text ("Security update management")
# "What does the second one say about SMEs?": the place moved to, asked about a topic; not "the second takeaway
# about encryption", which may be the second of those on encryption
_ABOUT = re.compile(r"\b(?:say|says|said)\s+(?:about|regarding|concerning|on)\s+(?P<topic>[^?!.]*\w)[?!.\s]*$", re.I)
# the earlier question asked for the items under a place ("the G7 actions under Objective 2", "What does Article
# 21(2) list?"), so a rank counts them
_LIST_ASKED = re.compile(rf"\b(?:{references.KIND_PLURALS}|list|lists|listed|points|measures)\b", re.I)


@dataclass(frozen=True)
class Move:
    """A move from the place just shown: by an offset (next +1, previous -1) or to a rank ("the sixth")."""

    offset: int = 0
    rank: int | None = None
    kind: str | None = None  # the kind of place named ("the next article"), else the one being read
    topic: str = ""  # what is asked of the place moved to ("What does the second one say about SMEs?": "SMEs")


@dataclass(frozen=True)
class Target:
    """The place a move leads to, in the document of the provision it starts from."""

    doc_id: str
    label: str  # "Objective 2, action 6"
    named: str = ""  # an item that only names a part of its text ("Security update management"), which is asked about

    def question(self, topic: str = "", text: str = "the text") -> str:
        """Return the question the move asks: what the place says, or what its text says of the part the item names."""
        if self.named and not topic:
            return f"What does {text} say about {self.named}?"
        return f"What does {self.label} say{f' about {topic}' if topic else ''}?"


def move(question: str) -> Move | None:
    """Return the move a short follow-up asks for ("And the next one?", "the one before it", "And the sixth?"), or None."""
    forward, backward, rank = _FORWARD.search(question), _BACKWARD.search(question), _RANK.search(question)
    if sum(bool(x) for x in (forward, backward, rank)) != 1:
        return None
    cue = forward or backward or rank
    assert cue is not None
    about = _ABOUT.search(question, cue.end())  # after the cue: "Tell me about the second one" asks nothing of it
    topic, question = (about["topic"], question[: about.start()]) if about else ("", question)
    rest = re.findall(r"[a-z]+", (question[: cue.start()] + " " + question[cue.end():]).lower())
    if len(rest) > MAX_WORDS or not set(rest) <= _ALONG | _KIND_WORDS:
        return None
    kind = next((references.kind_of(word) for word in rest if word in _KIND_WORDS), None)
    if rank:
        ordinal, suffixed, numbered, last, hashed = rank.groups()
        value = ORDINALS[ordinal.lower()] if ordinal else LAST if last else int(suffixed or numbered or hashed)
        return Move(rank=value, kind=kind, topic=topic)
    return Move(offset=1 if forward else -1, kind=kind, topic=topic)


def target(moving: Move, answer: Answer, asked: str, heads: Callable[[str, str], bool] = lambda doc_id, words: True,
           ) -> Target | None:
    """Return the place a move leads to, naming the part of the text an item of a list of parts names.

    heads: whether a text has a section titled by these words; an item naming none ("incident handling", a point of
    Article 21(2)) is the place itself.
    """
    to = _target(moving, answer, asked)
    item = next((c for c in answer.citations if to is not None and c.label == to.label), None)
    if to is None or item is None or len(item.text.split()) > NAMING_WORDS or re.search(r"[.;:,]\s*$", item.text.strip()):
        return to
    return replace(to, named=item.text.strip()) if heads(to.doc_id, item.text.strip()) else to


def _target(moving: Move, answer: Answer, asked: str) -> Target | None:
    """Return the place a move leads to from what the answer to the earlier question cited, or None.

    The cited provision is the one at the place the earlier question named (else the first cited), and
    the move is made at the level the follow-up names, else the one the earlier question named, else the
    provision's own: after "Article 2" the next is Article 3, after "Article 21(2)(g)" point (h).
    """
    named = references.parse(asked)
    cited = max(answer.citations, key=lambda c: len(named & references.parse(c.label)), default=None)
    if cited is None or answer.abstained:
        return None
    if moving.rank == LAST:  # "Explain the last one.": the last item the answer listed
        items = [c for c in _listed(answer) if not _prose(c.label)] or _listed(answer)  # "RECOVER (RC)": no number
        return Target(items[-1].doc_id, items[-1].label) if items else None
    if moving.rank is not None and not named:  # "the fourth one" of a list the answer gave: counted from its first item
        cited = next((c for c in answer.citations if _first_item(c.label)), cited)
    elif moving.rank is not None and not moving.kind and _LIST_ASKED.search(asked):
        # "What are the G7 actions under Objective 2?" "And the fourth one?": the fourth action, not Objective 4
        kinds = {kind for kind, _ in named}  # the place named ("Objective 2") is no item of its own list
        items = [c for c in _listed(answer) if not _prose(c.label) and references.spans(c.label)[-1][0] not in kinds]
        if moving.rank <= len(items):
            return Target(items[moving.rank - 1].doc_id, items[moving.rank - 1].label)
    found = _along(moving, cited.label, named)
    if found is None and moving.rank is not None and not moving.kind and moving.rank <= len(listed := _listed(answer)):
        # "What are the NIST functions?" "Tell me about the second one.": the second listed, whose label has no number
        return Target(listed[moving.rank - 1].doc_id, listed[moving.rank - 1].label)
    return Target(cited.doc_id, found) if found is not None else None


def _prose(label: str) -> bool:
    """Return True when a label is of a paragraph of prose ("Objective 2, paragraph 3"), no list's item."""
    spans = references.spans(label)
    return not spans or spans[-1][0] == "paragraph"


def _first_item(label: str) -> bool:
    """Return True when a label is of a list's first item ("A. Introducing the technical controls, item 1", "Takeaway 1")."""
    spans = references.spans(label)  # a paragraph of prose is no list's item
    return bool(spans) and spans[-1][0] != "paragraph" and references.position(spans[-1][1]) == 1


def _listed(answer: Answer) -> list[Citation]:
    """Return the distinct provisions an answer cites, in its order: a list's items as it gave them."""
    return list({c.provision_id: c for c in answer.citations}.values())


def _along(moving: Move, label: str, named: frozenset[Reference]) -> str | None:
    """Return the label a move leads to from a cited label, at the level named, else None."""
    spans = references.spans(label)
    levels = {moving.kind} if moving.kind else {kind for kind, _ in named}
    at = next((s for s in reversed(spans) if s[0] in levels), None)
    if at is None and not moving.kind and spans:
        at = spans[-1]
    if at is None:
        return None
    kind, value, start, end = at
    moved = _moved(value, moving)
    if moved is None:
        return None
    closing = ")" if label[end:end + 1] == ")" else ""
    return label[:start] + moved + closing


def _moved(value: str, moving: Move) -> str | None:
    start = references.position(value)
    if start is None:
        return None
    number = moving.rank if moving.rank is not None else start + moving.offset
    if number < 1 or (not value.isdigit() and number > 26):
        return None
    return references.valued(number, value)


def absent(reference: Reference, values: list[str], scope: str, within: list[Reference] | None = None) -> str:
    """Say that the texts asked about (scope; "" for the whole corpus) lack a place, and which of its kind they have.

    within: the rest of the place named ("Objective 1" of "Objective 1, action 4"), where those are counted.
    """
    kind, value = reference
    under = ", ".join(_place(k, v, first=n == 0) for n, (k, v) in enumerate(within or []))
    name = _place(kind, value, first=True) + (f" under {under}" if under else "")
    noun = "points" if kind == "item" and not value.isdigit() else references.plural(kind.capitalize())
    shown = [f"({v})" if noun == "points" else v for v in values]
    numbers = [int(v) for v in values if v.isdigit()]
    if len(values) == 1:
        has = f"only {_place(kind, values[0], first=True)}"
    elif len(values) == 2:
        has = f"{noun} {shown[0]} and {shown[1]}"
    elif noun == "points" or (len(numbers) == len(values) and numbers == list(range(numbers[0], numbers[-1] + 1))):
        has = f"{noun} {shown[0]} to {shown[-1]}"
    else:
        has = f"{noun} " + ", ".join(shown[:12]) + (", …" if len(shown) > 12 else "")
    said = (f"{scope[:1].upper()}{scope[1:]} has no {name}: it has {has}." if scope
            else f"No indexed text has {name}: they have {has}.")
    return f"{said} The nearest passages are listed as related."


def _place(kind: str, value: str, first: bool) -> str:
    """Name a place as labels do: "Article 21", "paragraph 2", "point (k)"."""
    if kind == "item" and not value.isdigit():
        return f"point ({value})"
    return f"{kind.capitalize() if first else kind} {value}"


# "Tell me more.", "What else?", "Anything else on that?": the earlier question again, beyond what its answer cited
_MORE = re.compile(
    r"^\s*(?:(?:ok|okay|and|so|great|thanks|thank you)\s*[,!.]?\s*)?(?:(?:can|could)\s+you\s+)?(?:please\s+)?"
    r"(?:tell\s+me\s+more|say\s+more|more|go\s+on|continue|keep\s+going|what\s+else|anything\s+else|any\s*more|"
    r"is\s+there\s+(?:any(?:thing)?\s+)?(?:more|else)|are\s+there\s+(?:any\s+)?(?:more|others)|any\s+others|anything\s+more|"
    r"more\s+details?|(?:give|show)\s+me\s+more|(?:(?:are|is)\s+there\s+)?any\s+(?:other|more)\s+(?:provisions?|passages?|points?|"
    r"items?|measures?|recommendations?|commitments?|articles?|ones|language|wording|formulations?|quotes?|precedents?)|"
    r"what\s+else\s+(?:does|do|did)\s+(?:it|they|the\s+text|that)\s+say)"
    r"(?:\s+(?:on|about)\s+(?:that|this|it|them|those|the\s+topic))?(?:\s+(?:i|we)\s+(?:can|could|might)\s+(?:use|cite|quote|borrow|re-?use))?"
    r"(?:\s*,?\s*please)?\s*[?.!]*\s*$", re.I)


def more_of(history: list[str], question: str) -> int | None:
    """Return the index of the earlier turn a "Tell me more" asks again (skipping earlier such turns), or None."""
    if not _MORE.match(question):
        return None
    return next((i for i in range(len(history) - 1, -1, -1) if not _MORE.match(history[i])), None)


def more(answer: Answer, question: str, asked: str) -> Answer:
    """Return the answer to "Tell me more", saying so when nothing beyond the earlier citations supports one."""
    if answer.abstained:
        answer.text = (f"Nothing more: beyond the passages already cited, no provision adequately answers “{asked}”. "
                       "The nearest other passages are listed as related.")
    answer.question = question
    return answer
