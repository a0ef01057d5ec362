"""HTML and Markdown for the web app. Document text is data, never markup: everything from a document is escaped."""

from __future__ import annotations

import html
import re
from urllib.parse import quote as url_quote

from assistant.render import readable_date
from assistant.types import Answer, Citation, Document, Practice

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:])")


def md_escape(text: str) -> str:
    """Return text that Markdown renders literally: no links, images, emphasis or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def answer_markdown(answer: Answer) -> str:
    """Return the chat message for an answer: escaped text, bullets kept, citation markers in bold."""
    lines = []
    for line in answer.text.splitlines():
        bullet = line.startswith("- ")
        body = md_escape(line[2:] if bullet else line)
        body = re.sub(r"\\\[(\d+)\\\]", r"**[\1]**", body)
        lines.append(("- " if bullet else "") + body)
    text = "\n".join(lines)
    return f"*{text}*" if answer.abstained else text


def source_link(document: Document | None, page: int | None) -> str:
    """Return an <a> to the source file served from the corpus directory, or '' when it is elsewhere."""
    if document is None or not document.path or document.path.startswith("/"):
        return ""
    anchor = f"#page={page}" if page and document.path.lower().endswith(".pdf") else ""
    href = "/files/" + url_quote(document.path) + anchor
    return f'<a class="pa-open" href="{html.escape(href)}" target="_blank" rel="noopener noreferrer">open source</a>'


def highlighted(text: str, quote: str) -> str:
    """Return the provision text escaped, with the quoted span marked."""
    start = text.find(quote) if quote else -1
    if start < 0:
        return html.escape(text)
    end = start + len(quote)
    return f"{html.escape(text[:start])}<mark>{html.escape(text[start:end])}</mark>{html.escape(text[end:])}"


def _card(c: Citation, document: Document | None, marker: str) -> str:
    issuer = document.issuer if document else c.issuer
    date = readable_date(document.date if document else c.date)
    page = f" · p. {c.page}" if c.page else ""
    part = f" · part {c.part} of {c.part_count}" if c.part_count > 1 else ""
    heading = " › ".join(c.heading_path[-2:])
    return (
        f'<div class="pa-card"><div class="pa-head"><span class="pa-n">{html.escape(marker)}</span> '
        f'<strong>{html.escape(c.label)}</strong>{html.escape(page + part)} {source_link(document, c.page)}</div>'
        f'<div class="pa-doc">{html.escape(c.doc_title)}</div>'
        f'<div class="pa-meta">{html.escape(" · ".join(x for x in (issuer, date) if x))}</div>'
        + (f'<div class="pa-heading">{html.escape(heading)}</div>' if heading else "")
        + f'<div class="pa-text">{highlighted(c.text, c.quote if marker.startswith("[") else "")}</div>'
        f'<div class="pa-id">{html.escape(c.provision_id)}</div></div>'
    )


def sources_html(answer: Answer | None, documents: dict[str, Document]) -> str:
    """Return the sources panel for an answer (or the related passages of an abstention)."""
    if answer is None:
        return '<div class="pa-empty">Sources of the latest answer appear here, with the quoted words highlighted.</div>'
    if answer.abstained:
        cards = "".join(_card(c, documents.get(c.doc_id), "related") for c in answer.related)
        return ('<div class="pa-abstain"><strong>Not answered from the corpus.</strong> '
                f'Nearest passages, for rephrasing:</div>{cards}')
    return "".join(_card(c, documents.get(c.doc_id), f"[{c.n}]") for c in answer.citations)


def practice_html(practice: Practice | None, documents: dict[str, Document]) -> str:
    """Return the full passage behind a practices row."""
    if practice is None:
        return '<div class="pa-empty">Select a row to see its source passage.</div>'
    document = documents.get(practice.doc_id)
    citation = Citation(n=0, provision_id=practice.provision_id, doc_id=practice.doc_id, doc_title=practice.doc_title,
                        label=practice.label, page=practice.page, text=practice.text, quote="", score=0.0,
                        issuer=practice.issuer, date=practice.date, heading_path=practice.heading_path)
    return _card(citation, document, practice.kind)


CSS = """
.pa-card{border:1px solid var(--border-color-primary);border-radius:8px;padding:10px 12px;margin:0 0 10px;
 background:var(--background-fill-secondary);overflow-wrap:anywhere}
.pa-head{font-size:0.95em}.pa-n{display:inline-block;min-width:2.2em;font-weight:700;color:var(--color-accent)}
.pa-doc{font-weight:600;margin-top:4px}.pa-meta,.pa-heading,.pa-id{font-size:0.82em;opacity:0.75}
.pa-text{margin-top:6px;line-height:1.45;white-space:pre-wrap}
.pa-text mark{background:#fde68a;color:inherit;padding:0 2px;border-radius:2px}
.pa-open{float:right;font-size:0.85em}.pa-empty{opacity:0.7;padding:8px}
.pa-abstain{padding:8px 10px;margin-bottom:10px;border-left:4px solid #f59e0b;background:#fffbeb;color:#78350f}
#pa-title h1{margin-bottom:0}#pa-title p{margin-top:2px;opacity:0.8}
#pa-practices *,#pa-documents *{font-family:ui-sans-serif,system-ui,sans-serif}
"""
