"""Spelling: typos corrected to corpus words, and the regional spellings the stemmer keeps apart.

A word the corpus never uses is corrected to the most frequent corpus word within two edits (symmetric
delete lookup, as in SymSpell); a word of a general English vocabulary is no typo.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from assistant import wording


def damerau(a: str, b: str) -> int:
    """Return the optimal-string-alignment edit distance between a and b."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


class Speller:
    """Correct words the corpus never uses to the most frequent corpus word within two edits.

    Words of a general vocabulary (the embedding model's tokenizer holds ~20,000 whole English words, the
    lexicon of assistant.wording many more) are real words, not typos: "want" must not become the
    corpus's "wait", nor "shred" its "share".
    """

    def __init__(self, counts: Counter[str], known: frozenset[str] = frozenset(), framing: frozenset[str] = frozenset()) -> None:
        self.counts = counts
        self.known = known
        # "whats the g7 sayng": a typo of a word that frames questions is that word, not a topic
        self.framing = frozenset(w for w in framing if len(w) >= 4 and w.isalpha())
        self._framing_count = max(counts.values(), default=0) + 1  # at one distance, the framing word wins
        self._buckets: dict[int, dict[str, list[str]]] = {}  # by word length, built when a typo needs one

    def needs(self, word: str) -> bool:
        """Return True when word could be a typo: long enough, alphabetic, and neither a corpus nor a general word."""
        if word in self.counts or word in self.known or len(word) < 4 or not word.isalpha():
            return False
        return not wording.parts_of_speech(word)  # an English word ("shred") is no typo of a corpus word ("share")

    def correct(self, word: str) -> str | None:
        """Return the correction of word, or None when it is known, too short, or has no close match."""
        if not self.needs(word):
            return None
        # a word and a candidate share a variant (itself or one deletion) only when their lengths differ by <= 1
        buckets = [self._bucket(n) for n in (len(word) - 1, len(word), len(word) + 1)]
        candidates = {c for variant in _deletes(word) | {word} for b in buckets for c in b.get(variant, [])}
        limit = 1 if len(word) < 6 else 2
        scored = [(damerau(word, c), -(self._framing_count if c in self.framing else self.counts[c]), c) for c in candidates]
        best = min((s for s in scored if s[0] <= limit), default=None)
        return best[2] if best else None

    def _bucket(self, length: int) -> dict[str, list[str]]:
        """Return the variants index of the corpus words of one length (built once; a race only repeats work)."""
        bucket = self._buckets.get(length)
        if bucket is None:
            bucket = {}
            for word in dict.fromkeys([*self.counts, *sorted(self.framing)]) if length >= 4 else ():
                if len(word) == length and word.isalpha():
                    for variant in _deletes(word) | {word}:
                        bucket.setdefault(variant, []).append(word)
            self._buckets[length] = bucket
        return bucket


# British and American spellings of one word ("organisation"/"organization", "behaviour"/"behavior"): the
# stemmer keeps them apart, and the corpus mixes them (the NCSC writes British, NIST American)
_REGIONAL = [
    (re.compile(r"(?<=\w{3})is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})iz(e|es|ed|ing|ation|ations|er|ers)$"), r"is\1"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|al|able)?$"), r"or\1"),
    (re.compile(r"(?<=\w{3})or(s|ed|ing|al|able)?$"), r"our\1"),
    (re.compile(r"(?<=\w{2})ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w{2})yz(e|es|ed|ing)$"), r"ys\1"),
    (re.compile(r"(?<=\w{3})ence(s)?$"), r"ense\1"),
    (re.compile(r"(?<=\w{3})ense(s)?$"), r"ence\1"),
    (re.compile(r"(?<=\w{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=\w{3})ter(s)?$"), r"tre\1"),
    (re.compile(r"(?<=\w{3})ogue(s)?$"), r"og\1"),
    (re.compile(r"(?<=\w{3})og(s)?$"), r"ogue\1"),
    (re.compile(r"(?<=\w{3})mme(s)?$"), r"m\1"),
    (re.compile(r"(?<=\w{3}[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"(?<=\w{3}[aeiou])l(ed|ing|er|ers)$"), r"ll\1"),
]


@lru_cache(maxsize=8192)  # asked twice per word and query: by the speller's guard and for expansions
def regional_variants(word: str) -> frozenset[str]:
    """Return the other regional spellings a word might have (candidates only: most are no words at all)."""
    return frozenset(rule.sub(repl, word) for rule, repl in _REGIONAL if rule.search(word)) - {word}
