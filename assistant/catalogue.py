"""Questions about the corpus itself ("Which documents do you have?", "Which text is the oldest?", "Which text
dates from 2018?") and the date of a text that does not state it ("When was NIS 2 adopted?").

They are answered from the catalogue of documents, not by ranking provisions: no provision says "the
corpus holds eight texts". Each document named is cited by the line in which it dates itself ("Paris,
12th of November, 2018") or, when it has none, by its opening provision, so a reader can open it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from assistant import quoting
from assistant.answer import Composer
from assistant.evidence import Evidence, cite
from assistant.conversation import DOCUMENT_WORDS, Resolved
from assistant.hits import Scored
from assistant.provenance import Wants, date_parts, done
from assistant.render import MONTHS, capitalized, readable_date, short_title
from assistant.types import Answer, Citation, Document, Filters, Hit, issuer_name

if TYPE_CHECKING:
    from assistant.reading import Reader

Citing = Callable[[Document], Scored | None]
Mentions = Callable[[str], list[tuple[int, int, str]]]  # where a text names documents: (start, end, doc_id)
Asked = Literal["list", "newest", "oldest", "year", "after", "before", "member", "issuer", "compare", "apart"]

_NOUN = r"(?:documents?|texts?|sources?|files?|papers?|publications?)"
_PLACE = r"(?:corpus|index|collection|library|database|knowledge base)"
# "List the texts by date.": the list is given oldest first whatever order is asked
_BY_DATE = (r"(?:\s+(?:by\s+(?:date|year|age)|in\s+(?:(?:date|chronological)\s+)?order(?:\s+of\s+(?:date|age|publication))?"
            r"|chronologically|(?:from\s+)?oldest\s+(?:first|to\s+newest)))?")
# "What documents are in the corpus?", "Which texts can I ask you about?", "List the documents."
_LIST = re.compile(
    rf"^(?:(?:what|which)\s+{_NOUN}\s+(?:are\s+(?:there\s+)?(?:in\s+(?:the|your|this)\s+{_PLACE}|indexed|available|"
    rf"covered|included|loaded)|are\s+there|do\s+you\s+(?:have|hold|know|cover|use|contain)|does\s+the\s+{_PLACE}\s+"
    rf"(?:hold|contain|include)|can\s+i\s+(?:ask|query|search)(?:\s+you)?(?:\s+about)?|have\s+you\s+(?:got|indexed))"
    rf"|(?:(?:can|could|would)\s+you\s+(?:please\s+)?)?(?:list|show(?:\s+me)?|name|sort|order|arrange)\s+(?:all\s+)?"
    rf"(?:the\s+|your\s+)?{_NOUN}(?:\s+(?:in\s+(?:the|your|this)\s+{_PLACE}|you\s+(?:have|hold|cover|know)))?{_BY_DATE}"
    rf"|what(?:'s|\s+is)\s+in\s+(?:the|your|this)\s+{_PLACE}"
    rf"|how\s+many\s+{_NOUN}\s+(?:are\s+there|are\s+(?:in\s+(?:the|your)\s+{_PLACE}|indexed)|do\s+you\s+(?:have|hold|know)|"
    rf"does\s+the\s+{_PLACE}\s+(?:hold|contain|have))(?:\s+in\s+(?:the|your)\s+{_PLACE})?"
    rf"|what\s+{_NOUN}\s+(?:does|do)\s+(?:this\s+(?:tool|assistant|app)|the\s+(?:tool|assistant|app)|you|it)\s+"
    rf"(?:use|draw\s+on|rely\s+on|cover|know(?:\s+about)?))\s*[?.!]*$", re.I)
# "Which documents were published after 2020?", "Which texts are from before 2010?"
_RANGE = re.compile(
    rf"^(?:what|which)\s+(?:of\s+the\s+)?{_NOUN}\s+(?:are|were|is|was|date|dates)\s+(?:(?:published|issued|adopted|"
    rf"written|dated|from)\s+)?(?P<rel>after|since|before|prior\s+to)\s+(?P<year>(?:19|20)\d\d)\s*[?.!]*$", re.I)
# "Do you have the GDPR?", "Is the Budapest Convention in your corpus?"; not "Is there anything about MLATs in it?"
_MEMBER = re.compile(
    rf"^(?:(?:do|does)\s+(?:you|the\s+{_PLACE}|your\s+{_PLACE})\s+(?:have|hold|include|contain|cover)\s+(?P<name>.+?)"
    rf"(?:\s+in\s+(?:the|your)\s+{_PLACE})?"
    rf"|is\s+(?!there\b|(?:any|some)thing\b)(?P<named>.+?)\s+(?:in|part\s+of|included\s+in)\s+(?:the|your|this)\s+{_PLACE})"
    rf"\s*[?.!]*$", re.I)
_GENERIC_NAME = DOCUMENT_WORDS | {"the", "a", "an", "standard"}  # words of a name that name no text of their own
# a name of a document ("the GDPR", "the EU AI Act"), not a topic ("anything on ransomware")
_DOCUMENT_NAME = re.compile(r"\b(?-i:[A-Z][A-Za-z\d]*[A-Z\d][A-Za-z\d]*|[A-Z][a-z]+)\b|\b(?:act|regulation|directive|convention|"
                            r"framework|resolution|declaration|treaty|standard|guidelines|call|strategy|law)\b", re.I)
_NEWEST = r"(?:most\s+recent|newest|latest|youngest)"
_OLDEST = r"(?:oldest|earliest)"
# "Which document is the most recent?", "What's the oldest text you have?"
_EXTREME = re.compile(
    rf"^(?:what|which)(?:'s|\s+is|\s+was)?\s+(?:(?:{_NOUN}|one|of\s+(?:them|these|those|the\s+{_NOUN}))\s+(?:is|was)\s+)?"
    rf"(?:the\s+)?(?P<which>{_NEWEST}|{_OLDEST})"
    rf"(?:\s+(?:one|{_NOUN}))?(?:\s+(?:here|of\s+(?:them|all|these|the\s+{_NOUN})|you\s+have|in\s+the\s+{_PLACE}))?"
    rf"\s*[?.!]*$", re.I)
# "Which text dates from 2018?", "Which of the texts is from 2025?", "What was published in 2017?"
_YEAR = re.compile(
    rf"^(?:what|which)\s+(?:(?:of\s+the\s+)?{_NOUN}\s+|one\s+)?(?:of\s+the\s+{_NOUN}\s+)?(?:is|are|was|were|dates?|dated|comes?|came)?"
    rf"\s*(?:dated\s+|dates\s+|published\s+|issued\s+|adopted\s+|written\s+)?(?:from|in)\s+(?P<year>(?:19|20)\d\d)\s*[?.!]*$",
    re.I)

_VERB = r"(?:issue|issued|publish|published|adopt|adopted|write|wrote|written|produce|produced|release|released)"
# "Which documents did the Council of Europe issue?", "Which texts come from the United Nations?", "List the
# documents issued by the NCSC."
_ISSUER = re.compile(
    rf"^(?:(?:what|which)\s+(?:of\s+the\s+)?{_NOUN}\s+(?:(?:did|does|do|has|have)\s+(?P<doer>.+?)\s+{_VERB}"
    rf"|(?:are|were|is|was|come|comes|came)\s+(?:{_VERB}\s+)?(?:by|from)\s+(?P<by>.+?))"
    rf"|(?:(?:can|could)\s+you\s+)?(?:list|show(?:\s+me)?|name)\s+(?:all\s+)?(?:the\s+)?{_NOUN}\s+(?:{_VERB}\s+)?(?:by|from)\s+(?P<listed>.+?))"
    rf"(?:\s+in\s+(?:the|your)\s+{_PLACE})?\s*[?.!]*$", re.I)
_LATER_WORD = r"(?:newer|more\s+recent|later|younger)"
_EARLIER_WORD = r"(?:older|earlier|first)"
# "Which is older, the Paris Call or the Budapest Convention?", "Which came first, NIS 2 or resolution 80/16?"
_WHICH_FIRST = re.compile(
    rf"^(?:which|what)(?:\s+(?:one|{_NOUN}))?(?:\s+of\s+(?:the\s+)?(?:two|them|these))?\s+(?:is|was|came|comes)"
    rf"\s+(?:the\s+)?(?P<which>{_LATER_WORD}|{_EARLIER_WORD}|(?:most\s+recent|newest|oldest|earliest))\b"
    rf"(?:\s+(?:one|{_NOUN}))?[,:;]?\s+(?P<names>.+?\s(?:or|and)\s.+?)\s*[?.!]*$", re.I)
# "Is the NIST CSF older than Cyber Essentials?", "Was the Paris Call adopted before the G7 text?"
_THAN = re.compile(
    rf"^(?:is|was|are|were|did|does)\s+(?P<first>.+?)\s+(?:{_VERB}\s+|come\s+|came\s+)?"
    rf"(?P<which>{_LATER_WORD}\s+than|{_EARLIER_WORD}\s+than|before|after|predate|postdate)\s+(?P<second>.+?)\s*[?.!]*$", re.I)
# "How many years separate the Budapest Convention and the Paris Call?", "How long passed between X and Y?"
_APART = re.compile(
    r"^how\s+(?:many\s+years|much\s+time|long)\s+(?:separates?|(?:passed|elapsed|lies|lie|is|are|was|were)\s+"
    r"(?:there\s+)?between|(?:apart\s+)?(?:are|were)|between)\s+(?P<names>.+?)(?:\s+apart)?\s*[?.!]*$", re.I)


@dataclass(frozen=True)
class Query:
    """What a question asks of the catalogue: the list, the newest or oldest text, those of or around a year, or one by name."""

    asked: Asked
    year: str = ""
    name: str = ""
    later: bool = False  # of "compare": the question asks which is later ("Which is more recent, X or Y?")
    yes_no: bool = False  # of "compare": the question asks whether the first text named is ("Is X older than Y?")


def asks(question: str) -> Query | None:
    """Return what a question asks of the catalogue, or None when it asks about what the texts say."""
    text = question.strip()
    if _LIST.match(text):
        return Query("list")
    if m := _EXTREME.match(text):
        return Query("oldest" if re.fullmatch(_OLDEST, m.group("which"), re.I) else "newest")
    if m := _YEAR.match(text):
        return Query("year", m.group("year"))
    if m := _RANGE.match(text):
        return Query("before" if m.group("rel").lower().startswith(("before", "prior")) else "after", m.group("year"))
    if (m := _MEMBER.match(text)) and _DOCUMENT_NAME.search(name := m.group("name") or m.group("named")):
        return Query("member", name=name)
    if (m := _ISSUER.match(text)) and re.search(r"\b[A-Z]", name := m.group("doer") or m.group("by") or m.group("listed")):
        return Query("issuer", name=name)  # a proper name: "from governments" asks what the texts say of them
    return _compared(text)


def _compared(text: str) -> Query | None:
    """Return the comparison of two texts' dates a question asks for, or None."""
    if m := _APART.match(text):
        return Query("apart", name=m.group("names"))
    if m := _WHICH_FIRST.match(text):
        later = bool(re.match(rf"{_LATER_WORD}|most|newest", m.group("which"), re.I))
        return Query("compare", name=m.group("names"), later=later)
    if m := _THAN.match(text):
        later = bool(re.match(rf"{_LATER_WORD}|after|postdate", m.group("which"), re.I))
        return Query("compare", name=f"{m.group('first')} | {m.group('second')}", later=later, yes_no=True)
    return None


def named(name: str, mentions: Mentions) -> list[str]:
    """Return the doc_ids a document name refers to: "the EU AI Act" is not NIS 2 for naming the EU."""
    ids, left = unmentioned(name, mentions)
    rest = [w for w in re.findall(r"[\w.'/-]+", left) if w.lower() not in _GENERIC_NAME]
    return [] if any(w[:1].isupper() or w[:1].isdigit() for w in rest) else ids


def unmentioned(name: str, mentions: Mentions) -> tuple[list[str], str]:
    """Return the doc_ids a name mentions, in its order, and what is left of it once they are taken out."""
    spans = mentions(name)
    left = name
    for start, end, _ in sorted(spans, reverse=True):
        left = left[:start] + " " + left[end:]
    return list(dict.fromkeys(d for _, _, d in spans)), left


def date_key(document: Document) -> tuple[int, int, int] | None:
    """Return (year, month, day) of a document's date for ordering, or None when its year is unknown."""
    year, month, day = date_parts(document.date)
    if not year:
        return None
    return int(year), MONTHS.index(month) + 1 if month else 0, int(day) if day else 0


def opening(reader: Reader, doc_id: str) -> Scored | None:
    """Return a text's first substantive provision, which stands for the text where no line dates it."""
    return next(iter(reader.opening(doc_id, 1, Filters())), None)


_AMONG = re.compile(r"\bof\s+(?:them|these|those)\b", re.I)


def among(question: str) -> bool:
    """Return True when a catalogue question asks among the texts the answer before named ("Which of them is the oldest?")."""
    return bool(_AMONG.search(question)) and asks(question) is not None


def answered(
    question: str, resolved: Resolved, reader: Reader, composer: Composer, filters: Filters, mentions: Mentions,
) -> Answer | None:
    """Answer a question about the corpus itself from the catalogue, or return None for any other question."""
    query = asks(question)
    if query is None:
        return None
    documents = held(composer, filters)
    if query.asked in ("compare", "apart"):
        return compared(query, resolved, documents, citing_by(reader), composer, mentions)
    return answer(query, resolved, documents, citing_by(reader), composer, mentions, whole=not filters.doc_ids)


def held(composer: Composer, filters: Filters) -> list[Document]:
    """Return the documents of the corpus that the filters keep."""
    return [d for d in composer.documents.values() if not filters.doc_ids or d.doc_id in filters.doc_ids]


def citing_by(reader: Reader) -> Citing:
    """Return how a catalogue answer cites a text: by the line that dates it, else by its opening provision."""
    def citing(document: Document) -> Scored | None:
        dated = reader.attestation(document.doc_id, document, "when")
        return dated[0] if dated else opening(reader, document.doc_id)

    return citing


def answer(
    query: Query, resolved: Resolved, documents: list[Document], citing: Citing, composer: Composer,
    mentions: Mentions = lambda name: [], whole: bool = True,
) -> Answer:
    """Answer a catalogue question, each document named cited by its dateline or opening provision.

    mentions returns where a text names documents: (start, end, doc_id); whole: documents are the whole corpus,
    not those a filter or the answer before chose.
    """
    chosen, intro, none = _chosen(query, documents, lambda name: named(name, mentions), whole)
    if not chosen:
        return Answer(question=resolved.question, text=none, abstained=True, resolved_query=resolved.query)
    cited = Cited(citing, composer)
    lines = [intro, *(f"- {described(document)}{cited.marker(document)}" for document in chosen)]
    undated = [d for d in documents if not date_key(d)]
    if undated and query.asked in ("newest", "oldest", "after", "before"):
        lines.append(f"({', '.join(short_title(d.title) for d in undated)}: year not stated.)")
    return cited.answer(resolved, "\n".join(lines))


class Cited:
    """The citations of a catalogue answer: each document named is cited once, by its dateline or opening."""

    def __init__(self, citing: Citing, composer: Composer) -> None:
        self.citing, self.composer = citing, composer
        self.citations: list[Citation] = []
        self.hits: list[Hit] = []

    def marker(self, document: Document) -> str:
        """Return ' [n]' citing a document (nothing when it has no provision to cite)."""
        scored = self.citing(document)
        if scored is None:
            return ""
        evidence = Evidence(scored, quoting.opening(scored.hit.text, self.composer.settings.quote_chars))
        self.citations.append(cite(len(self.citations) + 1, evidence))
        self.hits.append(scored.hit)
        return f" [{len(self.citations)}]"

    def answer(self, resolved: Resolved, text: str) -> Answer:
        """Return the answer with these citations."""
        answer = Answer(question=resolved.question, text=text, citations=self.citations, resolved_query=resolved.query)
        answer._retrieved = self.hits
        return answer


def compared(
    query: Query, resolved: Resolved, documents: list[Document], citing: Citing, composer: Composer, mentions: Mentions,
) -> Answer | None:
    """Answer which of two texts is older or how far apart they are, or None unless the question names two held texts."""
    held = {d.doc_id: d for d in documents}
    pair = [held[i] for i in dict.fromkeys(d for _, _, d in sorted(mentions(query.name))) if i in held]
    if len(pair) != 2:
        return None
    cited = Cited(citing, composer)

    def both(a: Document, b: Document) -> list[str]:  # cited in the order the answer names them
        return [f"{_sentence_name(d)} ({who_when(d)}){cited.marker(d)}" for d in (a, b)]

    if not all(date_key(d) for d in pair):
        undated = next(d for d in pair if not date_key(d))
        which = "how far apart they are" if query.asked == "apart" else "which is " + ("more recent" if query.later else "older")
        return cited.answer(resolved, capitalized(f"{_sentence_name(undated)} does not state its year, so the corpus cannot "
                                               f"tell {which}: " + "; ".join(both(*pair)) + "."))
    older, newer = sorted(pair, key=date_key)
    if query.asked == "apart" or date_key(older) == date_key(newer):
        first, second = both(*pair)
        apart = f"are {_span(older, newer)} apart" if date_key(older) != date_key(newer) else "bear the same date"
        return cited.answer(resolved, capitalized(f"{first} and {second} {apart}."))
    lead, other = (newer, older) if query.later else (older, newer)
    first, second = both(lead, other)
    text = f"{first} is {'more recent' if query.later else 'older'} than {second}, by {_span(older, newer)}."
    if query.yes_no:
        text = ("Yes: " if lead is pair[0] else "No: ") + text
    return cited.answer(resolved, capitalized(text))


def _span(older: Document, newer: Document) -> str:
    """Return how long after one text the other came: '16 years and 11 months', 'about 4 years'."""
    (y1, m1, d1), (y2, m2, d2) = date_key(older) or (0, 0, 0), date_key(newer) or (0, 0, 0)
    if not (m1 and m2):
        return f"about {_plural(y2 - y1, 'year')}"
    years, months = divmod((y2 - y1) * 12 + m2 - m1 - (d1 > d2 > 0), 12)
    if months >= 10:
        return f"almost {_plural(years + 1, 'year')} ({_plural(years, 'year')} and {_plural(months, 'month')})"
    return " and ".join(_plural(n, unit) for n, unit in ((years, "year"), (months, "month")) if n) or "less than a month"


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}{'s' if n != 1 else ''}"


def _sentence_name(document: Document) -> str:
    return in_sentence(short_title(document.title))


def _chosen(
    query: Query, documents: list[Document], find: Callable[[str], list[str]], whole: bool = True,
) -> tuple[list[Document], str, str]:
    """Return the documents a catalogue question asks for, the line introducing them, and what to say if none."""
    keys = {d.doc_id: key for d in documents if (key := date_key(d))}
    dated = sorted((d for d in documents if d.doc_id in keys), key=lambda d: keys[d.doc_id])
    undated = [d for d in documents if d.doc_id not in keys]
    if query.asked == "list":
        return [*dated, *undated], f"The corpus holds {_count(len(documents))}, oldest first:", "The corpus is empty."
    if query.asked in ("newest", "oldest"):
        which = "most recent" if query.asked == "newest" else "oldest"
        return ((dated[-1:] if query.asked == "newest" else dated[:1]),
                f"Of the {_count(len(documents))} {'in the corpus' if whole else 'asked about'}, the {which} is:",
                "No document in the corpus states its year." if whole else "None of the documents asked about states its year.")
    if query.asked == "issuer":
        name = re.sub(r"^the\s+", "", query.name.strip(), flags=re.I)
        makers = "; ".join(dict.fromkeys(issuer_name(d.issuer) for d in [*dated, *undated]))
        chosen = [d for d in [*dated, *undated] if issued_by(name, d.issuer)]
        return (chosen, f"From {query.name}, the corpus holds {_count(len(chosen))}:",
                f"The corpus holds no document from {name}. Its documents come from: {makers}.")
    if query.asked == "member":
        ids = find(query.name)
        held = "; ".join(short_title(d.title) for d in [*dated, *undated])
        return ([d for d in documents if d.doc_id in ids], f"Yes: the corpus holds {_count(len(ids))} by that name:",
                f"The corpus does not hold {query.name}. It holds {_count(len(documents))}: {held}.")
    year = int(query.year)
    wanted = {"year": year.__eq__, "after": year.__lt__, "before": year.__gt__}[query.asked]
    chosen = [d for d in dated if wanted(keys[d.doc_id][0])]
    when = {"year": "from", "after": "after", "before": "before"}[query.asked]
    span = f"; the dated texts run from {keys[dated[0].doc_id][0]} to {keys[dated[-1].doc_id][0]}" if dated else ""
    return (chosen, f"{when.capitalize()} {query.year}, the corpus holds {_count(len(chosen))}:",
            f"No document in the corpus dates {when} {query.year}{span}.")


def issued_by(name: str, issuer: str) -> bool:
    """Return True when an issuer line names the maker a question names ("the Council of Europe", "the UN", "NCSC")."""
    if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", issuer, re.I):
        return True
    return name.isupper() and name.isalpha() and name in _acronyms(issuer)


def _acronyms(issuer: str) -> set[str]:
    """Return the acronyms an issuer goes by: those it gives ("(NCSC)") and the initials of its names ("UN", "EU")."""
    found = set(re.findall(r"\(([A-Z][A-Z\d]{1,9})\)", issuer))
    for run in re.findall(r"[A-Z][a-z]+(?:\s+(?:of\s+the\s+|of\s+|and\s+)?[A-Z][a-z]+)*", issuer_name(issuer)):
        initials = "".join(w[0] for w in run.split() if w[:1].isupper())
        found |= {initials[i:j] for i in range(len(initials)) for j in range(i + 2, len(initials) + 1)}
    return found


def undated(resolved: Resolved, document: Document, wants: Wants, reader: Reader, composer: Composer) -> Answer:
    """Answer "When was NIS 2 adopted?" from the catalogue when the text held does not state its own date (or place)."""
    name = in_sentence(short_title(document.title))
    first = opening(reader, document.doc_id)
    evidence = Evidence(first, quoting.opening(first.hit.text, composer.settings.quote_chars)) if first else None
    if wants == "where":  # the catalogue records no place either: nothing answers
        text = (f"The text of {name} held in the corpus does not say where it was {done(resolved.question)}, and the "
                f"catalogue records only its maker and date: {who_when(document)}.")
        return Answer(question=resolved.question, text=text, abstained=True, resolved_query=resolved.query,
                      related=[cite(1, evidence)] if evidence else [])
    missing = {"when": "its date", "who": "who made it"}.get(wants, "its date or maker")
    text = f"The text of {name} held in the corpus does not state {missing}; the catalogue gives {who_when(document)}"
    if evidence is None:
        return Answer(question=resolved.question, text=text + ".", resolved_query=resolved.query)
    answer = Answer(question=resolved.question, text=f"{text} [1].", citations=[cite(1, evidence)],
                    resolved_query=resolved.query)
    answer._retrieved = [first.hit]
    return answer


def described(document: Document) -> str:
    """Return 'Short title (issuer, date)' for a document, as a list entry."""
    name = short_title(document.title)
    return f"{name[:1].upper()}{name[1:]} ({who_when(document)})"


def who_when(document: Document) -> str:
    return ", ".join(x for x in (issuer_name(document.issuer), readable_date(document.date)) if x) or "no issuer or date"


def in_sentence(name: str) -> str:
    """Return 'the NIST Cybersecurity Framework' for 'The NIST Cybersecurity Framework' inside a sentence."""
    return "the " + name[4:] if name.startswith("The ") else name


def _count(n: int) -> str:
    return f"{n} document{'s' if n != 1 else ''}"
