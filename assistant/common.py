"""What two texts share, as wholes: "What do the G7 and the ICC have in common?", "How do they differ?".

A comparison of two named texts that names no topic asks about the texts themselves. Their common
ground is the wording both use: runs of two or three content words ("private sector", "multi-factor
authentication") and acronyms ("SMEs") found in provisions of each, weighed by how rare the words are
in the corpus and by how often each text uses them. Single common words ("improve", "among") say too
little to count. A contrast ("How do the G7 and the ICC differ?", "Compare the Budapest Convention
with NIS 2.") is each text's own opening side by side, with the wording they share named after it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from assistant.render import capitalized, in_prose, item
from assistant.sparse import STOPWORDS, stem_sequence, tokenize
from assistant.wording import FUNCTION_WORDS, GENERIC, MODALS, QUESTION_WORDS

THEMES_MAX = 3  # shared wordings an answer cites, each with a provision of either text
RUN_MAX = 3  # words in a shared run: "multi-factor authentication" is three
# the mean idf a run's words need, as a share of the highest idf a word of either text has: "cyber security" is
# every text's, "international law" a few's
MIN_SHARE = 0.25
Side = Literal["common", "contrast", "relation"]

# "have in common", "common ground", "overlap", "share", "alike", "agree on", "similarities", "themes"
_COMMON = re.compile(
    r"\b(?:in\s+common|common\s+ground|commonalit(?:y|ies)|overlap\w*|shared?|shares|alike|agree(?:s|ment)?(?:\s+on)?|"
    r"similar(?:ities|ity)?|same|themes?|topics?|points?\s+of\s+(?:agreement|convergence)|converge\w*)\b", re.I)
# "How do they differ?", "Compare …", "What distinguishes …?", "… versus …"
_CONTRAST = re.compile(
    r"\b(?:differ\w*|compar\w*|contrast\w*|distinguish\w*|distinct|versus|vs\.?|set\s+apart|side\s+by\s+side|"
    r"stack\s+up)\b", re.I)
# "How does the ICC relate to the G7?", "the relationship between …", "Is there a link between …?", "Is the Paris Call
# in line with the Budapest Convention?": where one names the other, and the wording they share
RELATION = re.compile(r"\b(?:relat(?:e|es|ed|ion|ions|ionship|ionships)|link(?:s|ed)?|connect(?:s|ed|ion|ions)?"
                      r"|(?:in\s+(?:line|keeping)|consistent|compatible|at\s+odds)(?=\s+with\b))\b", re.I)
# words of a comparison that name no topic: "What are the main similarities between …?", "in what ways"
_FRAME = re.compile(r"\b(?:main|key|major|chief|principal|biggest|ways?|respects?|really|each\s+other|one\s+another|"
                    r"between|both|two|texts?|documents?|have|has)\b", re.I)
_PLACE = re.compile(r"\b(?:article|objective|annex|section|part|title|chapter|appendix)\s+[0-9a-z]{1,3}\b", re.I)
_WORD = re.compile(r"[^\W_]+")
_CLAUSE = re.compile(r"[,;:.()!?\[\]“”\"\n–—]+")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")
# verbs that open a phrase of doing ("reduce risks", "create new", "take appropriate"), not a topic's name
_DOING = frozenset(tokenize(
    "take make made create cause reduce improve promote better understand ensure provide use include relate establish "
    "enable encourage support consider explore strengthen enhance develop foster facilitate adopt implement exploit "
    "address prevent protect manage identify maintain assess help need raise build seek"))
# words that end a phrase without naming anything ("extent possible", "made available", "procedures referred")
_VAGUE = frozenset(tokenize(
    "possible available appropriate additional new referred posed element elements application practical publicly "
    "relevant necessary specific certain various particular general effective"))
_PLAIN = frozenset(tokenize(" ".join(STOPWORDS | FUNCTION_WORDS | GENERIC | MODALS | QUESTION_WORDS))) | frozenset(
    stem_sequence(" ".join(STOPWORDS | FUNCTION_WORDS | QUESTION_WORDS)))


@dataclass(frozen=True)
class Theme:
    """Wording two texts share, with the part of each that uses it most (the earliest of those that tie)."""

    stems: tuple[str, ...]
    words: str  # as the cited parts write it, plainest first: "private sector", "multi-factor authentication"
    first: int  # record index in the first text
    second: int  # record index in the second text
    score: float  # rarity of its words in the corpus, times how often each text uses it


def side(question: str) -> Side:
    """Return whether a topicless comparison asks what two texts share, how they stand apart, or how they relate."""
    if RELATION.search(question):
        return "relation"
    return "common" if _COMMON.search(question) and not _CONTRAST.search(question) else "contrast"


def untopical(text: str, titles: Iterable[str] = ()) -> str:
    """Return a comparison without the words that ask for common ground or contrast: what is left is its topic.

    A place a compared text's title names is the text itself: "NIS 2 Article 21" where the title ends "— Article 21".
    """
    named = " ".join(titles)
    text = _PLACE.sub(lambda m: " " if re.search(rf"\b{re.escape(m.group())}\b", named, re.I) else m.group(), text)
    return _FRAME.sub(" ", _CONTRAST.sub(" ", _COMMON.sub(" ", RELATION.sub(" ", text))))


def themes(first: Sequence[tuple[int, str]], second: Sequence[tuple[int, str]], idf: Callable[[str], float],
           limit: int = THEMES_MAX) -> list[Theme]:
    """Return the wording two texts (their parts as (index, text)) share most tellingly, the strongest first.

    A part's text may begin with its headings: a part headed "Multi-factor authentication (MFA)" is where its
    text speaks of it most, and is the one cited.
    """
    held_first, held_second = _held(first), _held(second)
    floor = MIN_SHARE * max((idf(s) for stems in (*held_first, *held_second) for s in stems), default=0.0)
    weighed = []
    for stems, where in held_first.items():
        if (there := held_second.get(stems)) is None:
            continue
        weight = sum(idf(s) for s in stems) / len(stems)
        if weight < floor:
            continue
        weight *= 1 + 0.5 * (len(stems) - 1)  # a run of words says more than one acronym
        weighed.append((weight * math.log1p(len(where)) * math.log1p(len(there)), stems, where, there))
    weighed.sort(key=lambda w: (-w[0], w[1]))
    texts, others = dict(first), dict(second)
    chosen: list[Theme] = []
    used: set[str] = set()
    cited: set[int] = set()
    for score, stems, where, there in weighed[:limit * 8]:
        if used & set(stems):  # "multi factor" after "multi factor authent": the same wording again
            continue
        index, other = _most(where, cited), _most(there, cited)
        chosen.append(Theme(stems, _surface([texts[index], others[other]], stems), index, other, score))
        used |= set(stems)
        cited |= {index, other}
        if len(chosen) == limit:
            break
    return chosen


def _most(places: Counter[int], cited: set[int]) -> int:
    """Return the part that uses a wording most often, the earliest of those that tie; one cited already only if alone."""
    order = list(places)  # in reading order
    return max(order, key=lambda i: (i not in cited, places[i], -order.index(i)))


def _held(parts: Iterable[tuple[int, str]]) -> dict[tuple[str, ...], Counter[int]]:
    """Map each telling run of words (and each acronym) of a text to how often each part uses it, in reading order."""
    held: dict[tuple[str, ...], Counter[int]] = {}
    for index, text in parts:
        for stems, times in _runs(text).items():
            held.setdefault(stems, Counter())[index] += times
    return held


def _runs(text: str) -> Counter[tuple[str, ...]]:
    """Count the runs of two to three content words in text (not across punctuation), and its acronyms, as stem tuples."""
    runs: Counter[tuple[str, ...]] = Counter()
    for clause in _CLAUSE.split(text):
        sequence = stem_sequence(clause)
        for n in range(2, RUN_MAX + 1):
            for i in range(len(sequence) - n + 1):
                run = tuple(sequence[i:i + n])
                if all(_telling(s) for s in run) and run[0] not in _DOING and run[-1] not in _VAGUE:
                    runs[run] += 1
    runs.update(tuple(stem_sequence(a)) for a in _ACRONYM.findall(text))
    return runs


def _telling(stem: str) -> bool:
    return stem not in _PLAIN and not stem.isdigit() and len(stem) > 1


def _surface(texts: Sequence[str], stems: tuple[str, ...]) -> str:
    """Return the words of the parts cited that the stems stand for, as written ("multi-factor authentication").

    A provision's own words come before its headings', whose capitals ("Supply Chain Risk Management") are a
    heading's style; of its own, the plainest ("the private sector" over "Government & Private Sector").
    """
    own, headed = [], []
    for text in texts:
        *headings, body = text.split("\n")
        own += _written(body, stems)
        headed += [" ".join(w if _ACRONYM.fullmatch(w) else w.lower() for w in h.split(" "))
                   for heading in headings for h in _written(heading, stems)]
    return min(own, key=_capitals) if own else headed[0] if headed else " ".join(stems)


def _written(text: str, stems: tuple[str, ...]) -> list[str]:
    """Return each place text says the stems, as it writes them; a sentence's capital off ("Supply chain risks …")."""
    found = list(_WORD.finditer(text))
    words = [" ".join(stem_sequence(m.group())) for m in found]
    n, out = len(stems), []
    for i in range(len(words) - n + 1):
        if tuple(words[i:i + n]) == stems:
            written = text[found[i].start():found[i + n - 1].end()]
            opens = not text[:found[i].start()].rstrip() or text[:found[i].start()].rstrip()[-1] in ".:;!?–—-"
            if opens and n > 1 and not _ACRONYM.fullmatch(found[i].group()) and _capitals(written) == 1:
                written = written[:1].lower() + written[1:]
            out.append(written)
    return out


def _capitals(words: str) -> int:
    """Return how many words begin with a capital without being an acronym ("Private Sector": 2, "SMEs": 0)."""
    return sum(w[:1].isupper() and not _ACRONYM.fullmatch(w) for w in words.split())


def listed(words: Sequence[str]) -> str:
    """Return quoted wordings joined as prose: “a”, “b” and “c”."""
    return in_prose([f"“{w}”" for w in words])


def shared_text(names: Sequence[str], shared: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> str:
    """Return the answer text naming what two texts share, then each wording with the quote of each text that uses it.

    names: each text as the answer names it, with who issued it and when; shared: each wording with its
    (place, quote) in either text, numbered for citation in that order.
    """
    blocks, number = [capitalized(f"{names[0]} and {names[1]} both speak of {listed([w for w, _ in shared])}:")], 1
    for words, quotes in shared:
        lines = [f"On “{words}”:"]
        for place, quote in quotes:
            lines.append(item("-", f"{place}: “{quote}” [{number}]"))
            number += 1
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def naming_lead(names: Sequence[tuple[str, str]]) -> str:
    """Return the sentence saying which of two texts names the other: "The Paris Call names the Budapest Convention:"."""
    if len(names) == 2:
        return capitalized(f"{names[0][0]} and {names[0][1]} name each other:")
    return capitalized(f"{names[0][0]} names {names[0][1]}:")


def also_shared(words: Sequence[str]) -> str:
    """Return the sentence closing a contrast with what the two texts share, or "" when they share nothing telling."""
    if not words:
        return ""
    return f"Both speak of {listed(words)}; ask what they have in common to see where."
