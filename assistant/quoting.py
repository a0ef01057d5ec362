"""Quotes: the verbatim span of a provision that an answer relies on, cut at sentence boundaries."""

from __future__ import annotations

from assistant import references
from assistant.ingest.chunk import fit_spans, sentence_spans
from assistant.query import Analyzed
from assistant.sparse import tokenize


def trim(text: str) -> str:
    """Return text without surrounding blanks and the trailing punctuation that joins it to what follows."""
    return text.strip().rstrip(";,: ").strip()


def opening(text: str, limit: int) -> str:
    """Return a provision's first sentence (all of it when short): how an item of a counted list reads."""
    text = trim(text)
    if len(text) <= limit:
        return text
    start, end = fit_spans(text, sentence_spans(text), limit)[0]
    return trim(text[start:end])


def lead(text: str, limit: int) -> str:
    """Return the quote of a list's introduction: all of it, its last sentence, or the tail of that which fits."""
    from assistant.ingest.outline import last_sentence

    if len(text.strip()) <= limit:
        return trim(text)
    sentence = trim(last_sentence(text))
    if len(sentence) <= limit:
        return sentence
    tail = sentence[-limit:]
    return tail[tail.find(" ") + 1:] if " " in tail else tail


def best_span(text: str, analyzed: Analyzed, limit: int, topical: bool = True) -> str:
    """Return the sentences of text that best cover the question, within about limit characters; else its start."""
    if len(text) <= limit:
        return trim(text)
    # a sentence up to half again the limit is quoted whole: a cut one may lose its main clause
    # ("This article shall not be interpreted as imposing criminal liability where …")
    stretch = limit + limit // 2
    spans = fit_spans(text, sentence_spans(text), stretch)
    weights = topic_weights(analyzed) if topical else {}
    values = [sum(w for t, w in weights.items() if t in set(tokenize(text[a:b]))) for a, b in spans]
    # "When does it apply to a territory added later?": the sentence stating the moment is the answer
    shaped = [bool(values[i]) and analyzed.shaped(text[a:b]) for i, (a, b) in enumerate(spans)]
    best = max(range(len(spans)), key=lambda i: (shaped[i], values[i], -i))
    low, high = _grown(spans, values, best, limit, stretch)
    start, end = spans[low][0], spans[high][1]
    if end - start > stretch:
        cut = text.rfind(" ", start, start + stretch)
        end = cut if cut > start else start + stretch
    return trim(text[start:end])


def topic_weights(analyzed: Analyzed) -> dict[str, float]:
    """Return the question's term weights less the place it names: in "What does opportunity 1 say?" no topic is asked."""
    weights = analyzed.keyterms or {t: 1.0 for t in tokenize(analyzed.text)}
    if not analyzed.references:
        return weights
    placing = references.placing_terms(frozenset(kind for kind, _ in analyzed.references))
    placing |= {value for _, value in analyzed.references}
    return {t: w for t, w in weights.items() if t not in placing}


def _grown(spans: list[tuple[int, int]], values: list[float], best: int, limit: int, stretch: int) -> tuple[int, int]:
    """Return the first and last span of the window grown from best by the more relevant neighbour while it fits."""
    low = high = best

    def fits(i: int) -> bool:
        # a short sentence on the question may stretch the quote: "No other reservation may be made." is the rule
        room = stretch if values[i] and spans[i][1] - spans[i][0] <= limit // 4 else limit
        return max(spans[high][1], spans[i][1]) - min(spans[low][0], spans[i][0]) <= room

    while True:
        options = [i for i in (low - 1, high + 1) if 0 <= i < len(spans) and fits(i)]
        if not options:
            return low, high
        pick = max(options, key=lambda i: (values[i], -abs(i - best)))
        low, high = min(low, pick), max(high, pick)
