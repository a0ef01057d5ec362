"""What a text is rather than what it says: its full title, its kind, and where it comes from or can be read
("What is the full title of resolution 80/16?", "What kind of document is the G7 text?", "Give me the link to
the Paris Call").

These are in the catalogue of the corpus (the catalogue file or a text's front matter), not in any provision,
so they are answered from it; the text is cited by its dateline or opening, so a reader can open it. A
particular the catalogue does not record (the G7 text's web address) is said to be missing, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal

from assistant.catalogue import Cited, Mentions, citing_by, in_sentence, unmentioned, who_when
from assistant.conversation import DOCUMENT_WORDS, Resolved
from assistant.render import capitalized, readable_date, short_title
from assistant.types import Answer, Document, Filters, issuer_name

if TYPE_CHECKING:
    from assistant.answer import Composer
    from assistant.reading import Reader

Asked = Literal["title", "kind", "source", "origin"]

_TEXT = r"(?P<name>.+?)"
_END = r"(?:\s+(?:online|in\s+full|on\s+the\s+(?:web|internet)))?\s*[?.!]*$"
_PATTERNS: tuple[tuple[Asked, re.Pattern[str]], ...] = tuple((asked, re.compile(pattern + _END, re.I)) for asked, pattern in (
    # "What is the full title of resolution 80/16?", "What's the official name of the Budapest Convention?"
    ("title", rf"^what(?:'s|\s+is|\s+was)\s+(?:the\s+)?(?:(?:full|official|complete|exact|formal|proper)\s+)?"
              rf"(?:title|name)\s+of\s+{_TEXT}"),
    # "What is the G7 text called?", "What is the ICC note titled in full?"
    ("title", rf"^what\s+(?:is|was)\s+{_TEXT}\s+(?:(?:officially|formally)\s+)?(?:called|titled|named|entitled)"),
    # "What kind of document is the Budapest Convention?", "What type of text is the ICC briefing?"
    ("kind", rf"^what\s+(?:kind|type|sort)\s+of\s+(?:a\s+)?(?:document|text|instrument|paper|publication|source)\s+"
             rf"(?:is|was)\s+{_TEXT}"),
    # "Give me the link to the Paris Call", "What is the URL of the UN resolution?", "What is the source of …?"
    ("source", rf"^(?:(?:can|could)\s+you\s+)?(?:please\s+)?(?:give|send|show|share)\s+me\s+(?:the\s+|a\s+)?"
               rf"(?:link|url|web\s*address|address|source)\s+(?:to|for|of)\s+{_TEXT}"),
    ("source", rf"^what(?:'s|\s+is|\s+are)\s+(?:the\s+)?(?:link|url|web\s*address|address|source|sources|provenance)\s+"
               rf"(?:to|for|of)\s+{_TEXT}"),
    ("source", rf"^(?:the\s+|a\s+)?(?:link|url|web\s*address|source)\s+(?:to|for|of)\s+{_TEXT}"),  # "Give me" taken off
    # "Where can I find the original Cyber Essentials document?", "Where can I read it?"
    ("source", rf"^where\s+(?:can|could|do|should|would)\s+(?:i|we|one)\s+(?:find|get|read|download|see|access|obtain)"
               rf"\s+{_TEXT}"),
    # "Where does the G7 text come from?", "Where is the Paris Call from?"
    ("origin", rf"^where\s+(?:does|did)\s+{_TEXT}\s+come\s+from"),
    ("origin", rf"^where\s+(?:is|was)\s+{_TEXT}\s+from"),
))
# words a text's name may carry beside the name itself: "the original Cyber Essentials document", "the full text of"
_LOOSE = DOCUMENT_WORDS | frozenset(
    "the a an its their this that original full official complete whole entire authentic english copy version pdf "
    "of text scheme".split())  # "the Cyber Essentials scheme"
_PRONOUN = re.compile(r"^(?:it|this|that|(?:this|that|the)\s+(?:one|text|document))$", re.I)
_URL = re.compile(r"https?://\S+[\w/]")


@dataclass(frozen=True)
class Particular:
    """What a question asks of a text's catalogue entry, and the text's name as the question gives it."""

    asked: Asked
    name: str


def asks(question: str) -> Particular | None:
    """Return the particular of a text a question asks for, or None for any other question."""
    text = question.strip()
    for asked, pattern in _PATTERNS:
        if m := pattern.match(text):
            return Particular(asked, m.group("name").strip())
    return None


def pronoun(name: str) -> bool:
    """Return True when a question names its text only as "it" or "this document"."""
    return bool(_PRONOUN.match(name))


def meant(name: str, resolved: Resolved, mentions: Mentions) -> str | None:
    """Return the doc_id a question's name means: one held text and nothing else ("the original X document")."""
    if pronoun(name):
        return resolved.sources[0] if len(resolved.sources) == 1 else None
    ids, left = unmentioned(name, mentions)
    loose = all(w.lower() in _LOOSE for w in re.findall(r"[\w'’]+", left))
    return ids[0] if len(ids) == 1 and loose else None  # "guidance on passwords in Cyber Essentials" is a topic


def answered(
    question: str, resolved: Resolved, reader: Reader, composer: Composer, filters: Filters, mentions: Mentions,
) -> Answer | None:
    """Answer a question about a text's title, kind or source from the catalogue, or return None."""
    particular = asks(question)
    if particular is None or (doc_id := meant(particular.name, resolved, mentions)) is None:
        return None
    document = composer.documents.get(doc_id)
    if document is None or (filters.doc_ids and doc_id not in filters.doc_ids):
        return None

    if particular.asked == "source" and not document.source_url:
        return Answer(question=resolved.question, text=_unrecorded(document), abstained=True,
                      resolved_query=resolved.query)
    cited = Cited(citing_by(reader), composer)
    text = {"title": _title, "kind": _kind, "source": _source, "origin": _origin}[particular.asked](document)
    return cited.answer(resolved, f"{text}{cited.marker(document)}.")


def _title(document: Document) -> str:
    name = in_sentence(short_title(document.title))
    if re.sub(r"^the\s+", "", name, flags=re.I) == document.title:
        return f"“{document.title}” is its full title, as the catalogue gives it ({who_when(document)})"
    return f"The full title of {name} is “{document.title}” ({who_when(document)})"


def _kind(document: Document) -> str:
    name = in_sentence(short_title(document.title))
    if document.kind:
        return f"The catalogue describes {name} ({who_when(document)}) as {with_article(document.kind)}"
    return (f"The catalogue records no kind of document for {name}; its title says what it is: "
            f"“{document.title}” ({who_when(document)})")


def _source(document: Document) -> str:
    name = in_sentence(short_title(document.title))
    urls = _URL.findall(document.source_url)
    held = document.source_url
    if urls:  # "…; original PDF https://…": the original is given first, not twice
        held = re.sub(rf"[;,]?\s*(?:original(?:\s+PDF)?:?\s*)?{re.escape(urls[-1])}", "", held, flags=re.I).strip()
    lead = f"The original of {name} is at {urls[-1]}; " if urls else ""
    held_text = "the text held in the corpus" if lead else f"{name} as held in the corpus"
    return capitalized(f"{lead}{held_text} comes from {held}{_file(document)}")


def _origin(document: Document) -> str:
    name = in_sentence(short_title(document.title))
    who = issuer_name(document.issuer)
    by = f" was issued by {'' if who.lower().startswith('the ') else 'the '}{who}" if who else " has no issuer recorded"
    when = f" ({readable_date(document.date)})" if document.date else ""
    kind = f"; it is described as {with_article(document.kind)}" if document.kind else ""
    source = (f"; the text held comes from {document.source_url}" if document.source_url
              else ", and the catalogue records no address it was taken from")
    return capitalized(f"{name}{by}{when}{kind}{source}")


def _unrecorded(document: Document) -> str:
    """Say that a text's catalogue entry gives no address, naming the file the corpus holds it in."""
    name = in_sentence(short_title(document.title))
    return (f"The catalogue records no source address for {name} ({who_when(document)}){_file(document)}. "
            f"Add a source_url to its catalog.toml entry (or source to its front matter) to have it given here.")


def _file(document: Document) -> str:
    return f"; the corpus holds it as the file {PurePath(document.path).name}" if document.path else ""


def with_article(kind: str) -> str:
    """Return 'a ministerial declaration', 'board briefing notes': a kind with the article it takes."""
    head = kind.split("(")[0].strip()
    if head.endswith("s") and not head.endswith("ss"):
        return kind
    return f"{'an' if kind[:1].lower() in 'aeiou' else 'a'} {kind}"
