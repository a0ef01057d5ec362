"""Plain renderings shared by the CLI, the web app and exports: Markdown answers, CSV and Markdown tables."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence

from assistant.naming import looks_like_name
from assistant.types import Answer, Citation, Practice

MONTHS = "January February March April May June July August September October November December".split()
PRACTICE_COLUMNS = ("doc_title", "label", "kind", "actor", "addressees", "text", "page", "provision_id")


def short_title(title: str) -> str:
    """Return the name a title goes by: 'the Budapest Convention' for its bracketed name, else its head."""
    named = [p for p in re.findall(r"\(([^()]+)\)", title) if len(p.split()) >= 2 and looks_like_name(p)]
    if named:
        return "the " + named[0] if not named[0].startswith(("the ", "The ")) else named[0]
    head = re.split(r"\s[—–]\s|:|\s\(", title)[0].strip()
    return head if len(head) <= 70 else head[:67].rsplit(" ", 1)[0] + "…"


def full_title(title: str) -> str:
    """Return "The full title of X is “…”." (or "X is titled “…”.") where X, its short name, leaves words out, else ""."""
    name = short_title(title)
    if name.lower().removeprefix("the ") == title.lower().removeprefix("the "):
        return ""
    if (rest := re.sub(rf"^{re.escape(name)}\s*[—–:-]\s*", "", title)) != title:  # "A/RES/80/16 — Open-ended …"
        return f"{capitalized(name)} is titled “{rest}”."
    return f"The full title of {name} is “{title}”."


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def without_article(text: str) -> str:
    """Return text without the article it opens with ("the UN": "UN")."""
    return _ARTICLE.sub("", text)


def capitalized(text: str) -> str:
    """Return text with its first letter a capital ("the Budapest Convention …" opening an answer)."""
    return text[:1].upper() + text[1:]


def in_prose(parts: Sequence[str]) -> str:
    """Return parts joined as a sentence lists them: "a, b and c"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def item(marker: str, text: str) -> str:
    """Return a Markdown list item whose later lines stay inside it: a quote's blank line must not end the list."""
    return marker + " " + re.sub(r"\n(?=[^\n])", "\n" + " " * (len(marker) + 1), text)


def where(citation: Citation) -> str:
    """Return 'Document title, label, p. N' for a citation."""
    page = f", p. {citation.page}" if citation.page else ""
    return f"{citation.doc_title}, {citation.label}{page}"


def answer_markdown(answer: Answer) -> str:
    """Return the answer with its numbered sources as Markdown (for copying)."""
    lines = [answer.text.strip(), ""]
    if answer.citations:
        lines.append("**Sources**")
        lines += [item(f"{c.n}.", f"{where(c)} ({c.provision_id}): “{c.quote}”") for c in answer.citations]
    elif answer.related:
        lines.append("**Related passages**")
        lines += [item("-", f"{where(c)} ({c.provision_id}): “{c.quote}”") for c in answer.related]
    return "\n".join(lines).strip() + "\n"


def _row(practice: Practice) -> dict[str, str]:
    data = practice.model_dump()
    data["addressees"] = ", ".join(practice.addressees)
    data["page"] = "" if practice.page is None else str(practice.page)
    return {column: str(data[column]) for column in PRACTICE_COLUMNS}


def practices_csv(practices: Sequence[Practice]) -> str:
    """Return practices as CSV with a header row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=PRACTICE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_row(p) for p in practices)
    return out.getvalue()


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def practices_markdown(practices: Sequence[Practice]) -> str:
    """Return practices as a Markdown table."""
    header = ("Document", "Label", "Kind", "Addressees", "Text")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for p in practices:
        cells = (p.doc_title, p.label, p.kind, ", ".join(p.addressees), p.text)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def practices_json(practices: Sequence[Practice]) -> str:
    """Return practices as a JSON array."""
    return json.dumps([p.model_dump() for p in practices], indent=2, ensure_ascii=False) + "\n"


def readable_date(date: str) -> str:
    """Return '23 November 2001' for '2001-11-23 (opened…)', 'January 2023' for '2023-01', else the text."""
    date = re.split(r"\s*\(", date)[0].strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date):
        return f"{int(m.group(3))} {MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", date):
        return f"{MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    return date
