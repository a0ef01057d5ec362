"""Split long provisions at sentence boundaries into parts that keep the parent's id."""

from __future__ import annotations

import bisect
import re

from assistant.ingest.clean import CleanDoc
from assistant.types import Provision

_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|No|Nos|Art|Arts|para|paras|cf|Mr|Ms|Dr|St|vs|al|p|pp)\.$", re.I)
_BOUNDARY = re.compile(r"(?<=[.!?;:])[\"”’)]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\n+")
_SOFT_BOUNDARY = re.compile(r"(?<=[,;–—])\s+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of text, skipping abbreviations like 'e.g.'."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        if _ABBREVIATIONS.search(text[start:match.start()]):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def fit_spans(text: str, spans: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """Cut sentences longer than limit at commas or semicolons, then at spaces."""
    fitted: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > limit:
            window = text[start:start + limit]
            cuts = [m.end() for m in _SOFT_BOUNDARY.finditer(window) if m.end() > limit // 3]
            cut = cuts[-1] if cuts else (window.rfind(" ") + 1 or limit)
            fitted.append((start, start + cut))
            start += cut
        fitted.append((start, end))
    return fitted


def _pack(spans: list[tuple[int, int]], target: int) -> list[tuple[int, int]]:
    """Group consecutive sentences into parts of about target characters."""
    parts: list[tuple[int, int]] = []
    for start, end in spans:
        if parts and end - parts[-1][0] <= target:
            parts[-1] = (parts[-1][0], end)
        else:
            parts.append((start, end))
    if len(parts) > 1 and parts[-1][1] - parts[-1][0] < target // 4:
        last = parts.pop()
        parts[-1] = (parts[-1][0], last[1])
    return parts


def split(provision: Provision, doc: CleanDoc, max_chars: int, part_chars: int) -> list[Provision]:
    """Return the provision itself, or its parts when it is longer than max_chars."""
    if len(provision.text) <= max_chars:
        return [provision]
    text = provision.text
    parts = _pack(fit_spans(text, sentence_spans(text), part_chars), part_chars)
    starts = [p.start for p in doc.paras]
    out = []
    for number, (start, end) in enumerate(parts, 1):
        piece = text[start:end].rstrip()
        lead = len(piece) - len(piece.lstrip())
        absolute = provision.char_start + start + lead
        para = doc.paras[max(0, bisect.bisect_right(starts, absolute) - 1)]
        last = doc.paras[max(0, bisect.bisect_right(starts, absolute + len(piece.strip()) - 1) - 1)]
        out.append(provision.model_copy(update={
            "text": piece.strip(), "char_start": absolute, "char_end": absolute + len(piece.strip()),
            "page": para.page, "page_end": last.page_end, "part": number, "part_count": len(parts),
        }))
    return out
