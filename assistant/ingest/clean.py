"""Clean extracted text: normalise characters, drop running headers, unwrap lines, rejoin split paragraphs.

The result is the *cleaned document text* that provision offsets point into, cut into paragraphs
(one logical line each: a heading, a list item or a prose paragraph) with their pages.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from assistant.ingest.load import LoadedFile
from assistant.ingest.patterns import (
    is_allcaps_heading,
    is_keyword_heading,
    is_list_start,
    is_md_heading,
)

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x1c-\x1f\x85]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|of)\s*\d{1,4})?$", re.I)
_TERMINAL = re.compile(r"[.!?:;)\]\"”’]$")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# a line that is only bold words, perhaps with a parenthesised note, titles what follows it:
# "**Application allow listing** (option for all in scope devices)"
_MD_BOLD_TITLE = re.compile(r"^(\*\*|__)([^*_\n]+?)\1(\s*\([^()\n]*\))?\s*$")
_MD_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")


@dataclass(frozen=True)
class Para:
    """One logical line of the cleaned text: a heading, a list item or a prose paragraph."""

    text: str
    start: int
    page: int | None
    page_end: int | None
    block: int

    @property
    def end(self) -> int:
        """Return the offset just past this paragraph in the cleaned text."""
        return self.start + len(self.text)


@dataclass
class CleanDoc:
    """The cleaned document text and its paragraphs."""

    text: str
    paras: list[Para]


@dataclass
class _Line:
    text: str
    page: int | None
    page_start: bool = False


def normalize_line(line: str, markdown: bool = False) -> str:
    """Normalise one line: Unicode NFC, no control or zero-width characters, single spaces."""
    line = unicodedata.normalize("NFC", line).translate(_ZERO_WIDTH)
    line = _CONTROL.sub("", line)
    if markdown:
        line = _MD_BOLD_TITLE.sub(r"###### \2\3", line.strip())
        line = strip_markdown_inline(line)
    return _SPACES.sub(" ", line).strip()


def strip_markdown_inline(line: str) -> str:
    """Drop Markdown emphasis and link targets, keeping the visible words."""
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_STRONG.sub(r"\2", line)
    return _MD_EM.sub(r"\1", line)


def clean(loaded: LoadedFile) -> CleanDoc:
    """Clean a loaded file into the cleaned document text and its paragraphs."""
    markdown = loaded.fmt in ("markdown", "html")
    pages = [[_Line(normalize_line(raw, markdown), p.number) for raw in p.text.splitlines()] for p in loaded.pages]
    if loaded.fmt == "pdf":
        pages = remove_running_lines(pages)
    for page in pages:
        first = next((ln for ln in page if ln.text), None)
        if first is not None:
            first.page_start = True
    lines = [line for page in pages for line in page + [_Line("", None)] * (loaded.fmt != "pdf")]
    vocab = _vocabulary(lines)
    blocks = _blocks(lines, pdf=loaded.fmt == "pdf")
    paras_per_block = [_unwrap(block, vocab, keep_hyphen=markdown) for block in blocks]
    return _assemble(_merge_broken(paras_per_block))


def remove_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page numbers and headers/footers that repeat at the top or bottom of most pages."""
    def edges(page: list[_Line]) -> list[_Line]:
        body = [ln for ln in page if ln.text]
        depth = 2 if len(body) > 4 else 1
        return body[:depth] + body[-depth:]

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", text.lower())

    counts = Counter(k for page in pages for k in {key(ln.text) for ln in edges(page)})
    threshold = max(2, int(0.6 * len(pages) + 0.5))
    repeated = {k for k, n in counts.items() if n >= threshold} if len(pages) >= 2 else set()
    cleaned = []
    for page in pages:
        edge_ids = {id(ln) for ln in edges(page)}
        cleaned.append([
            ln for ln in page
            if id(ln) not in edge_ids or not (key(ln.text) in repeated or _PAGE_NUMBER.match(ln.text))
        ])
    return cleaned


def _vocabulary(lines: list[_Line]) -> set[str]:
    return {w.lower() for ln in lines for w in re.findall(r"[A-Za-z][A-Za-z-]*[A-Za-z]", ln.text)}


def _blocks(lines: list[_Line], pdf: bool) -> list[list[_Line]]:
    """Cut lines into blocks at blank lines (and, in PDFs, where a short line ends a sentence)."""
    width = _typical_width(lines)
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if not line.text:
            if current:
                blocks.append(current)
            current = []
            continue
        if pdf and current and (_ends_paragraph(current[-1].text, width) or (line.page_start and _TERMINAL.search(current[-1].text))):
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _typical_width(lines: list[_Line]) -> int:
    lengths = sorted(len(ln.text) for ln in lines if ln.text)
    return max(60, lengths[int(0.9 * (len(lengths) - 1))]) if lengths else 80


def _ends_paragraph(text: str, width: int) -> bool:
    return bool(_TERMINAL.search(text)) and len(text) < 0.8 * width


def _starts_new_para(line: str, prev: str, markdown: bool) -> bool:
    if is_list_start(line) or is_md_heading(line) or is_md_heading(prev):
        return True
    if line.startswith("|") or (markdown and line.startswith(">")):
        return True
    if is_keyword_heading(line) or is_keyword_heading(prev):
        return True
    return is_allcaps_heading(line) != is_allcaps_heading(prev)


def _unwrap(block: list[_Line], vocab: set[str], keep_hyphen: bool) -> list[tuple[str, int | None, int | None]]:
    """Join wrapped lines into paragraphs; each paragraph is (text, first page, last page)."""
    paras: list[tuple[str, int | None, int | None]] = []
    for line in block:
        if paras and not _starts_new_para(line.text, paras[-1][0], keep_hyphen):
            text, page, _ = paras[-1]
            paras[-1] = (_join(text, line.text, vocab, keep_hyphen), page, line.page)
        else:
            paras.append((line.text, line.page, line.page))
    return paras


def _join(left: str, right: str, vocab: set[str], keep_hyphen: bool) -> str:
    """Join two wrapped lines, undoing end-of-line hyphenation where the word was split."""
    match = re.search(r"([A-Za-z]+)-$", left)
    if match and not left.endswith(" -") and right[:1].islower():
        head = match.group(1)
        tail = re.match(r"[A-Za-z]+", right)
        word = (head + tail.group(0)).lower() if tail else ""
        hyphenated = f"{head}-{tail.group(0)}".lower() if tail else ""
        if word in vocab or (not keep_hyphen and hyphenated not in vocab):
            return left[:-1] + right
        return left + right
    return f"{left} {right}"


def _merge_broken(blocks: list[list[tuple[str, int | None, int | None]]]) -> list[list[tuple[str, int | None, int | None]]]:
    """Rejoin a paragraph that a page break cut in two (no final punctuation, next starts lower-case)."""
    merged: list[list[tuple[str, int | None, int | None]]] = []
    for block in blocks:
        if merged and _continues(merged[-1][-1][0], block[0][0]):
            text, page, _ = merged[-1][-1]
            merged[-1][-1] = (f"{text} {block[0][0]}", page, block[0][2])
            merged[-1].extend(block[1:])
        else:
            merged.append(list(block))
    return merged


def _continues(left: str, right: str) -> bool:
    if _TERMINAL.search(left) or is_md_heading(left) or is_allcaps_heading(left):
        return False
    if is_keyword_heading(left) or is_list_start(right):
        return False
    return right[:1].islower()


def _assemble(blocks: list[list[tuple[str, int | None, int | None]]]) -> CleanDoc:
    parts: list[str] = []
    paras: list[Para] = []
    offset = 0
    for b, block in enumerate(blocks):
        if b:
            parts.append("\n\n")
            offset += 2
        for i, (text, page, page_end) in enumerate(block):
            if i:
                parts.append("\n")
                offset += 1
            paras.append(Para(text, offset, page, page_end, b))
            parts.append(text)
            offset += len(text)
    return CleanDoc("".join(parts), paras)
