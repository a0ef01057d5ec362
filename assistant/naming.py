"""Naming: the names a question may call a document by, from its title and issuer alone.

"Budapest Convention" of "Convention on Cybercrime (Budapest Convention)", "UNGA" of "United Nations General
Assembly", "CE" of "Cyber Essentials: …" (typed in capitals only), "resolution 80/16" of "A/RES/80/16 — …".
"""

from __future__ import annotations

import re

from assistant.types import Document

_NOT_ALIASES = {"ict", "it", "etc", "cswp", "ets", "no", "iot", "the", "and", "for", "of", "on", "in", "a"}


# "What was signed in Budapest?", "done at Paris": the city, where a thing took place
_NOT_AT_PLACE = "".join(rf"(?<!\b{verb}\s{prep}\s)" for prep in ("in", "at") for verb in (
    "signed", "held", "done", "adopted", "opened", "met", "made", "concluded", "issued", "agreed", "launched", "presented",
    "announced", "written", "drafted", "published", "negotiated", "convened", "produced", "released", "unveiled"))
_FORMS = frozenset({"convention", "call", "directive", "treaty", "declaration", "framework", "resolution"})


def _head(title: str) -> str:
    """Return a title's words before its subtitle or bracket, without "The" ("Cyber Essentials" of "Cyber Essentials: …")."""
    return re.split(r"\s[—–:-]\s|:|\(", title)[0].strip().removeprefix("The ").strip()


def initials(document: Document) -> str:
    """Return the capitals of a two-word title ("CE" of "Cyber Essentials: …"), matched only as typed, or ""."""
    head = _head(document.title).split()
    if len(head) == 2 and all(re.fullmatch(r"[A-Z][a-z]{2,}", w) for w in head):
        return head[0][0] + head[1][0]
    return ""


def aliases(document: Document) -> set[str]:
    """Return the names a question may use for a document: acronyms, parenthesised names, short titles."""
    names: set[str] = set()
    for source in (document.title, document.issuer):
        for inner in re.findall(r"\(([^()]{2,60})\)", source):
            if looks_like_name(inner):
                names.add(inner.strip())
        names.update(re.findall(r"(?<![/\w])(?:[A-Z]+\d+[A-Z\d]*|[A-Z]\d+|[A-Z]{2,}(?:\s\d)?)(?![/\w])", source))
        head = _head(source)
        for candidate in (head, re.split(r" for | on ", head)[0]):
            if 1 < len(candidate.split()) <= 5 and looks_like_name(candidate):
                names.add(candidate)
        if source is document.title and len(head.split()) >= 4:  # a full title names its document, whoever types it
            names.add(head)
            if re.fullmatch(r"[A-Z][A-Z\d]+", head.split()[0]) and len(head.split()) >= 5:
                names.add(head.split(" ", 1)[1])  # "Actions for Enhancing …" of "G7 Actions for Enhancing …"
        capitals = [w for w in head.split() if w[:1].isupper()]
        if len(capitals) >= 3 and capitals == head.split()[: len(capitals)]:
            names.add(" ".join(capitals[:2]))
            names.add(" ".join(capitals[-2:]))  # "General Assembly" of "United Nations General Assembly"
            names.add("".join(w[0] for w in capitals))
    for number in re.findall(r"\b\d+/\d+\b", document.title):
        names.update({number, f"resolution {number}"})
    for name in list(names):  # "CSF 2.0" from "(CSF) 2.0": a version is part of the name a reader types
        for version in re.findall(re.escape(name) + r"\)?\s+(v?\d+(?:\.\d+)+)(?![\w.])", document.title):
            names.add(f"{name} {version}")
    return {n for n in names if n.lower() not in _NOT_ALIASES and len(n) >= 2}


def first_word_names(documents: list[Document], nouns: str) -> list[tuple[re.Pattern[str], str]]:
    """Return patterns naming a text by the first word of its name before one of nouns ("the Budapest articles").

    Only a word that begins one text's name of a text's form ("Budapest Convention", "Paris Call") and no other's;
    the name's own noun stays part of the whole name ("Budapest Convention" is no "Budapest" and a convention). Such
    a word that no title writes in lower case names the text alone too ("under Budapest"); "cybersecurity" does not.
    """
    firsts: dict[str, set[str]] = {}
    rests: dict[str, set[str]] = {}
    for document in documents:
        for name in aliases(document):
            first, _, rest = name.partition(" ")
            if rest.lower() in _FORMS and len(first) >= 4 and first.isalpha() and first[:1].isupper():
                firsts.setdefault(first, set()).add(document.doc_id)
                rests.setdefault(first, set()).add(rest.lower())
    common = {w for d in documents for w in re.findall(r"\b[a-z]+\b", f"{d.title} {d.issuer}")}
    found = []
    for first, doc_ids in firsts.items():
        if len(doc_ids) != 1:
            continue
        doc_id, own = next(iter(doc_ids)), "|".join(sorted(rests[first]))
        found.append((re.compile(rf"(?<![\w-]){first}(?=\s+(?!(?:{own})\b)(?:{nouns})\b)", re.I), doc_id))
        if first.lower() not in common:
            found.append((_alone(first, rests[first]), doc_id))
    return found


def _alone(first: str, rests: set[str]) -> re.Pattern[str]:
    """Return the pattern of a city that begins one text's name, alone ("what's art 5 budapest").

    Not before the name's own noun, nor a misspelling of it ("the Budapest Convetion"), nor where a thing took
    place there ("What was signed in Budapest?").
    """
    own = "|".join(sorted(rests) + sorted({rf"{rest[:4]}\w*" for rest in rests}))
    return re.compile(rf"(?<![\w-]){_NOT_AT_PLACE}{first}(?![\w-])(?!\s+(?:{own})\b)", re.I)


def looks_like_name(text: str) -> bool:
    """Return True for a short capitalised name such as 'Budapest Convention' (not a list or a clause)."""
    words_ = text.split()
    if "," in text or not words_ or len(words_) > 5 or not text[:1].isupper():
        return False
    capitalised = sum(1 for w in words_ if w[:1].isupper() or w[:1].isdigit())
    return capitalised / len(words_) >= 0.6


def name_pattern(name: str, flags: int = re.I) -> re.Pattern[str]:
    """Return the pattern of a document's name as people type it ("NIS-2", "G-7", "G 7", any case by default)."""
    escaped = re.escape(name).replace(r"\ ", r"[\s-]*")
    spelled = re.sub(r"(?<=[A-Za-z])(?=\d)", lambda _: r"[\s-]?", escaped)
    return re.compile(r"(?<![\w-])" + spelled + r"(?![\w-])", flags)


def shared_runs(sequence: list[str], name: list[str]) -> list[list[str]]:
    """Return the runs of two or more words of sequence that stand together in name ("National Cyber Security Centre")."""
    runs, i = [], 0
    while i < len(sequence):
        n = max((n for j in range(len(name)) for n in range(2, len(name) - j + 1)
                 if sequence[i:i + n] == name[j:j + n]), default=0)
        if n:
            runs.append(sequence[i:i + n])
        i += max(n, 1)
    return runs
