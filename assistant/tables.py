"""Terminal tables for documents, search hits and practices, laid out for the terminal's width.

Hits and practices name a document by its short name ('The NIST Cybersecurity Framework'); `docs`
lists the full titles. Below WIDE columns a table keeps two or three columns and stacks the rest in
one cell: five columns squeezed into 80 wrapped every title and text into a tall strip a few words wide.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.markup import escape
from rich.table import Table

from assistant.render import short_title
from assistant.types import Document, Hit, Practice

WIDE = 110


def snippet(text: str, limit: int = 300) -> str:
    """Return text on one line, cut at a word before limit characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _name(title: str) -> str:
    name = short_title(title)
    return name[:1].upper() + name[1:]


def documents_table(documents: Sequence[Document], width: int) -> Table:
    """Lay the document list out: every field when wide, id over title and a short date when narrow."""
    table = Table(title=f"{len(documents)} documents", show_lines=width < WIDE)
    if width < WIDE:
        table.add_column("document", ratio=1)
        table.add_column("date", no_wrap=True)
        table.add_column("provisions", justify="right", no_wrap=True)
        for d in documents:
            table.add_row(f"[bold]{escape(d.doc_id)}[/bold]\n{escape(d.title)}", escape(d.date.split(" (")[0]),
                          str(d.provision_count))
        return table
    table.add_column("doc_id", no_wrap=True)
    for name, ratio in (("title", 3), ("issuer", 2), ("date", 1)):
        table.add_column(name, ratio=ratio)
    table.add_column("provisions", justify="right", no_wrap=True)
    table.add_column("ingested", no_wrap=True)
    for d in documents:
        fields = (d.doc_id, d.title, d.issuer, d.date, str(d.provision_count), d.ingested_at[:16].replace("T", " "))
        table.add_row(*map(escape, fields))
    return table


def hits_table(query: str, hits: Sequence[Hit], width: int) -> Table:
    """Lay search hits out in rank order, each with its similarity to the query (which is not the rank)."""
    table = Table(title=f"Results for {query!r}", show_lines=width < WIDE, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    if width >= WIDE:
        table.add_column("similarity", justify="right", no_wrap=True)
    table.add_column("source", ratio=1 if width < WIDE else 2)
    table.add_column("text", ratio=2 if width < WIDE else 5)
    for n, hit in enumerate(hits, 1):
        page = f", p. {hit.page}" if hit.page else ""
        source = f"{escape(_name(hit.doc_title))}\n{escape(hit.label + page)}"
        if width < WIDE:
            table.add_row(str(n), f"{source}\n[dim]similarity {hit.score:.2f}[/dim]", escape(snippet(hit.text)))
        else:
            table.add_row(str(n), f"{hit.score:.2f}", source, escape(snippet(hit.text)))
    return table


def practices_table(items: Sequence[Practice], addressee: str, width: int) -> Table:
    """Lay practices out: source, kind, addressees and text, the middle two under the source when narrow."""
    title = f"{len(items)} commitments and recommendations" + (f" addressed to {addressee}" if addressee else "")
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("source", ratio=1 if width < WIDE else 2)
    if width >= WIDE:
        table.add_column("kind", no_wrap=True)
        table.add_column("addressees", ratio=1)
    table.add_column("text", ratio=2 if width < WIDE else 5)
    for p in items:
        text, source = escape(snippet(p.text, 400)), f"{escape(_name(p.doc_title))}\n{escape(p.label)}"
        if width < WIDE:
            table.add_row(f"{source}\n[dim]{p.kind} · {escape(', '.join(p.addressees) or 'no addressee')}[/dim]", text)
        else:
            table.add_row(source, p.kind, escape(", ".join(p.addressees)), text)
    return table
