"""Where a passage comes from: the provisions that hold, word for word, a sentence a question quotes or pastes.

Retrieval ranks provisions by topic; "Where is this from: 'Lack of knowledge makes businesses vulnerable
…'" or "Is '…' from the Budapest Convention?" is settled by the text that holds the words. A quoted
passage may carry a typo ("focal piont") or join words the text splits ("out of date", "cyber security");
a pasted one, without quotation marks, counts when a question asks for its source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from assistant import wording
from assistant.ingest.chunk import fit_spans, sentence_spans
from assistant.quoting import opening, trim
from assistant.sparse import fold

if TYPE_CHECKING:
    from assistant.sparse import SparseIndex

MIN_QUOTED = 4  # words in quotation marks that make a passage, not a term ("'digital sovereignty'" is a term)
MIN_PASTED = 7  # unquoted words that must run on, word for word, in one provision
MIN_UNHELD = 5  # quoted words a text is said not to hold ("Not in those words")
MAX_HOLDERS = 4  # "Each Party shall adopt such legislative …" opens dozens of articles: the first few are cited
CANDIDATES = 40  # provisions, best by BM25 on the passage, read for it word for word
WIDE_CANDIDATES = 400  # read when more than MAX_HOLDERS hold it, to count them
TYPO_RATIO = 0.75  # "piont" for "point", "vigilent" for "vigilant": a misspelt word, not another word
WORDS_PER_TYPO = 6  # a quoted passage may misspell one word in this many
_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHE = re.compile(r"['’`]")
_ELLIPSIS = re.compile(r"\.\.\.|…|\[\.\.\.\]")
_SEGMENT = re.compile(r"[:?!;\n]|\s[—–-]+\s|—")
# the question asks who or which text said it, or whether a text says it
ASKS_SOURCE = re.compile(
    r"\bwhere\b[^?!]*\bfrom\b|\bwho\s+(?:wrote|writes|said|says|authored|penned|is\s+the\s+author)\b"
    r"|\bsource\b|\bauthor\b|\boriginat|\b(?:quote|quotation|line|sentence|passage|wording|words)\s+(?:from|in|of)\b"
    r"|\b(?:which|what)\s+(?:\w+\s+){0,2}(?:text|document|framework|article|paragraph|section|provision|instrument"
    r"|declaration|resolution|convention|directive|standard|passage)s?\b[^?!]*\b(?:says?|said|contains?|has|holds?"
    r"|includes?|uses?|mentions?|is\s+(?:this|that|it))\b"
    r"|\bwhere\s+(?:does|do|did|is|was|are)\b[^?!]*\b(?:say|says|said|written|appear|appears|come|comes|mention)\b"
    r"|^\s*(?:did|does|do|is|was|are)\b[^?!]*\b(?:say|said|write|wrote|state|from|quote|line)\b"
    r"|\b(?:wrote|writes|said|says|stated|states|claimed|claims)\s*,?\s*[\"“‘']",  # "I read that the ICC wrote '…'"
    re.I,
)
_YES_NO = re.compile(r"^\s*(?:is|was|are|did|does|do|can|could)\b", re.I)


@dataclass(frozen=True)
class Passage:
    """Words a question gives as the texts' own: quoted, or pasted as the sentence asked about."""

    text: str
    parts: tuple[tuple[str, ...], ...]  # its runs of words, split where an ellipsis leaves words out
    quoted: bool


@dataclass
class Finding:
    """The passages of a question and the stored parts (by index) that hold all of them."""

    passages: list[Passage]
    holders: list[int] = field(default_factory=list)
    asks_source: bool = False

    @property
    def unheld(self) -> str:
        """Return the quoted words no text holds, when the question asks whether or where a text says them."""
        if self.holders or not self.asks_source:
            return ""
        return next((p.text for p in self.passages if p.quoted and sum(map(len, p.parts)) >= MIN_UNHELD), "")


def words(text: str) -> list[str]:
    """Return the lower-case words of text, apostrophes dropped ("doesn’t" → "doesnt"), accents off."""
    return _WORD.findall(_APOSTROPHE.sub("", fold(text.lower())))


def passages(question: str) -> list[Passage]:
    """Return the passages a question quotes, else (when it asks for a source) the long runs of words it pastes."""
    quoted = wording.quoted(question)
    if quoted:  # "Where does the phrase 'all-hazards approach' appear?" quotes a term, no passage
        return [_passage(p, quoted=True) for p in quoted if len(words(p)) >= MIN_QUOTED]
    if not ASKS_SOURCE.search(question):
        return []
    return [_passage(s.strip(), quoted=False) for s in _SEGMENT.split(question) if len(words(s)) >= MIN_PASTED]


def find(question: str, sparse: SparseIndex, keep: Callable[[int], bool]) -> Finding | None:
    """Return the question's passages and the parts that hold them all, or None when it quotes none."""
    found = passages(question)
    if not found:
        return None
    finding = Finding(found, asks_source=bool(ASKS_SOURCE.search(question)))
    held = _held(found, sparse, keep, CANDIDATES)
    if len(held) > MAX_HOLDERS:  # "Each Party shall adopt such legislative …": count them all
        held = _held(found, sparse, keep, WIDE_CANDIDATES)
    finding.holders = sorted(held)
    return finding


def span(text: str, quoted: list[Passage], limit: int) -> str:
    """Return the sentences of text that hold the passage, with the ones before it that fit: what the answer quotes."""
    if len(text) <= limit:
        return trim(text)
    spans = fit_spans(text, sentence_spans(text), limit + limit // 2)
    wanted = {gram for passage in quoted for part in passage.parts for gram in _trigrams(list(part))}
    hits = [n for n, (a, b) in enumerate(spans) if _trigrams(words(text[a:b])) & wanted]
    if not hits:
        return opening(text, limit)
    low, high = hits[0], hits[-1]
    # "These agreements tend to be very out-of-date" needs the sentence before it to say which agreements
    while low > 0 and spans[high][1] - spans[low - 1][0] <= limit:
        low -= 1
    while high + 1 < len(spans) and spans[high + 1][1] - spans[low][0] <= limit:
        high += 1
    return trim(text[spans[low][0]:spans[high][1]])


def verdict(question: str, named: dict[str, str], held: dict[str, str], count: int) -> str:
    """Return the lines that say whether the texts a question names (id: title) hold the words, and how often."""
    lines = []
    if named and not held.keys() & named.keys():
        lines.append(f"No: those words are not in {' or '.join(named.values())}; they are in {' and '.join(held.values())}.")
    elif named and _YES_NO.match(question):
        lines.append(f"Yes: those words are in {' and '.join(named.values())}.")
    if count > MAX_HOLDERS:
        where = f" of {next(iter(held.values()))}" if len(held) == 1 else ""
        lines.append(f"These words are in {count} provisions{where}; the first {MAX_HOLDERS} are cited.")
    return "".join(f"{line}\n\n" for line in lines)


def _held(found: list[Passage], sparse: SparseIndex, keep: Callable[[int], bool], depth: int) -> set[int]:
    """Return the parts, among each passage's depth best by BM25, that hold every passage."""
    held: set[int] | None = None
    for passage in found:
        candidates = [i for i, _ in sparse.search(passage.text, depth) if keep(i)]
        indices = set(_holding(passage, [(i, words(sparse.records[i].text)) for i in candidates]))
        held = indices if held is None else held & indices
    return held or set()


def _passage(text: str, quoted: bool) -> Passage:
    parts = tuple(tuple(words(p)) for p in _ELLIPSIS.split(text))
    return Passage(text, tuple(p for p in parts if p), quoted)


def _holding(passage: Passage, texts: list[tuple[int, list[str]]]) -> list[int]:
    """Return the parts holding the passage: every run of a quoted one; most of a pasted one, the longest only."""
    if passage.quoted:
        return [i for i, seen in texts if all(_holds(seen, part) for part in passage.parts)]
    pasted = passage.parts[0]
    runs = {i: _longest_run(pasted, seen) for i, seen in texts}
    best = max(runs.values(), default=0)
    if best < MIN_PASTED:
        return []
    return [i for i, run in runs.items() if run == best]


def _holds(seen: list[str], part: tuple[str, ...]) -> bool:
    """Return True when the words run on in seen, spaced as written or not, with at most a few misspelt."""
    if _joined_in(part, seen):  # "out of date" for "out-of-date", "cyber security" for "cybersecurity"
        return True
    n, slack = len(part), len(part) // WORDS_PER_TYPO
    if not slack:
        return False
    for start in range(len(seen) - n + 1):
        misses = [(a, b) for a, b in zip(seen[start:start + n], part) if a != b]
        if len(misses) <= slack and all(SequenceMatcher(None, a, b).ratio() >= TYPO_RATIO for a, b in misses):
            return True
    return False


def _joined_in(part: tuple[str, ...], seen: list[str]) -> bool:
    """Return True when the words, spaces taken out, run in seen from one word's start to another's end."""
    needle, joined = "".join(part), "".join(seen)
    starts, ends, at = set(), set(), 0
    for word in seen:
        starts.add(at)
        at += len(word)
        ends.add(at)
    found = joined.find(needle)
    while found >= 0:
        if found in starts and found + len(needle) in ends:  # not "in the event" inside "within the event"
            return True
        found = joined.find(needle, found + 1)
    return False


def _longest_run(pasted: tuple[str, ...], seen: list[str]) -> int:
    match = SequenceMatcher(None, list(pasted), seen, autojunk=False).find_longest_match()
    return match.size


def _trigrams(seen: list[str]) -> set[tuple[str, ...]]:
    return {tuple(seen[i:i + 3]) for i in range(max(1, len(seen) - 2))}
