"""A text's standing, as a negotiator asks it: whether it binds ("Is the Paris Call legally binding?", "Which
texts are treaties?"), who may join it ("Who can join the Budapest Convention?") and who has ("Which countries
have ratified it?", "Who supports the Paris Call?"), which the corpus cannot say: it holds texts, not a record of
signatures, ratifications or endorsements.

A treaty states its own force in its final clauses, in words the genre keeps ("subject to ratification",
"consent to be bound", "This Convention shall enter into force") and says who may join it ("open for
signature by", "may invite … to accede"). Ranked by "binding" or "join", such a question would quote whatever
provision uses the word (an arbitral tribunal "whose decisions shall be binding"). A declaration, call,
framework or briefing has no such clause: its force is not in the corpus, and the answer says so, with what
the catalogue records of the text (its kind, or the issuer line's "open to endorsement by …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from assistant import quoting
from assistant.catalogue import Cited, Mentions, citing_by, held, in_sentence, who_when
from assistant.conversation import DOCUMENT_WORDS, Resolved
from assistant.particulars import meant, pronoun, with_article
from assistant.render import capitalized, in_prose, short_title
from assistant.types import Answer, Document, Filters, Hit

if TYPE_CHECKING:
    from assistant.answer import Composer
    from assistant.reading import Reader

Asked = Literal["force", "joining", "roster", "signed"]

_TEXT = r"(?P<name>.+?)"
_NOUN = r"(?:texts?|documents?|instruments?|sources?)"
_BINDING = (r"(?:(?:legally\s+)?binding|non-?binding|legally\s+enforceable|enforceable|(?P<duty>mandatory|compulsory|obligatory)|"
            r"(?:a\s+)?(?:legally\s+binding\s+)?(?:treaty|treaties)|(?:hard|soft)\s+law)")
_ON = r"(?P<on>\s+(?:on|upon|for)\s+(?:\S+\s*){1,4}?)?"  # "binding on states", "mandatory for companies"
_JOIN = (r"(?:join|sign(?:\s+up\s+to)?|endorse|ratify|accede\s+to|adhere\s+to|become\s+(?:a\s+)?(?:party|parties|"
         r"signatory|signatories|member|members)\s+(?:to|of))")
_END = r"(?:\s+(?:so\s+far|to\s+date|yet|already|now|today|currently|at\s+present))?\s*[?.!]*$"  # "… so far?"
# who has joined a text, which a record of signatures would say and the text cannot
_WHICH = (r"(?:which|what|how\s+many)\s+(?:states|countries|nations|governments|parties|organi[sz]ations|companies|actors|"
          r"signatories|members|supporters|entities)")
_JOINED = (r"(?:signed(?:\s+up\s+to)?|ratified|joined|endorsed|acceded\s+to|adhered\s+to|supported|backed|approved|"
           r"become\s+(?:a\s+)?(?:party|parties|signator(?:y|ies))\s+to)")
_ROLL = r"part(?:y|ies)|states\s+parties|signator(?:y|ies)|supporters?|endorsers?|backers?"
_PATTERNS: tuple[tuple[Asked, re.Pattern[str]], ...] = tuple((asked, re.compile(pattern + _END, re.I)) for asked, pattern in (
    # "Is the Paris Call legally binding?", "Is compliance with the NIST CSF mandatory?", "Is resolution 80/16 binding on states?"
    ("force", rf"^(?:is|are)\s+(?:compliance\s+with\s+|adherence\s+to\s+|implementing\s+|following\s+)?{_TEXT}\s+{_BINDING}{_ON}"),
    # "Does the Paris Call create legal obligations?", "Does NIS 2 have binding force?"
    ("force", rf"^(?:does|do)\s+{_TEXT}\s+(?:create|impose|establish|contain|carry|have)\s+(?:any\s+)?(?:legal|legally\s+binding|"
              rf"binding)\s+(?:obligations?|force|effect|commitments?|duties){_ON}"),
    # "What is the legal status of the Budapest Convention?"
    ("force", rf"^what(?:'s|\s+is)\s+the\s+legal\s+(?:status|force|standing|nature|effect)\s+of\s+{_TEXT}"),
    # "Does the Budapest Convention bind states?"
    ("force", rf"^(?:does|do)\s+{_TEXT}\s+(?:legally\s+)?bind\s+(?:\S+\s*){{1,3}}?"),
    # "Who can join the Budapest Convention?", "Which states may sign it?"
    ("joining", rf"^(?:who|which\s+(?:states|countries|governments|parties|organi[sz]ations|actors))\s+(?:can|could|may|is\s+"
                rf"(?:able|allowed|entitled)\s+to)\s+{_JOIN}\s+{_TEXT}"),
    # "How does a state become a party to the Budapest Convention?", "How can a company endorse the Paris Call?"
    ("joining", rf"^how\s+(?:does|do|can|could|may)\s+(?:a\s+|an\s+)?(?:\S+\s+){{0,2}}?{_JOIN}\s+{_TEXT}"),
    # "Can non-European states join the Budapest Convention?", "Can other countries sign up to the G7 declaration?"
    ("joining", rf"^(?:can|could|may)\s+(?:\S+\s+){{1,4}}?{_JOIN}\s+{_TEXT}"),
    # "Is the Budapest Convention open to non-member states?"
    ("joining", rf"^(?:is|are)\s+{_TEXT}\s+open\s+(?:to|for)\s+(?:\S+\s*){{1,4}}?"),
    # "Which countries have ratified the Budapest Convention?", "Who has signed the Paris Call?"
    ("roster", rf"^(?:who|{_WHICH})\s+(?:has|have)\s+(?:already\s+|actually\s+|now\s+)?{_JOINED}\s+{_TEXT}"),
    # "Which countries endorsed the G7 actions?", "Which states are parties to the Convention?"
    ("roster", rf"^{_WHICH}\s+(?:{_JOINED}|supports?|backs?|endorses?|are\s+(?:part(?:y|ies)|signator(?:y|ies))\s+to)\s+{_TEXT}"),
    # "Who supports the Paris Call?", "Who are the signatories of the Budapest Convention?"; not "Who signed the G7
    # declaration?", which its issuer answers
    ("roster", rf"^who\s+(?:supports|backs|endorses|endorsed|ratified|joined|acceded\s+to|is\s+(?:a\s+)?party\s+to|"
               rf"are\s+(?:the\s+)?(?:{_ROLL})\s+(?:to|of))\s+{_TEXT}"),
    # "How many parties does the Budapest Convention have?", "How many signatories has the Paris Call?"
    ("roster", rf"^how\s+many\s+(?:{_ROLL}|states|countries|members|signatures|ratifications|endorsements)\s+(?:does|do|did|has|"
               rf"have)\s+{_TEXT}(?:\s+(?:have|got|gathered|attracted|received))?"),
    # "Has France ratified the Budapest Convention?", "Did the UK sign the Paris Call?"
    ("roster", rf"^(?:has|have|did)\s+(?P<who>.+?)\s+(?:{_JOINED}|sign(?:\s+up\s+to)?|ratify|join|endorse|accede\s+to|"
               rf"support)\s+{_TEXT}"),
    # "Who signed the Budapest Convention?": its signatories, for a text open to joining; the G7 declaration's maker
    ("signed", rf"^who\s+(?:has\s+|have\s+)?signed(?:\s+up\s+(?:to|for))?\s+{_TEXT}"),  # "Who signed up to it?"
    # "Is the United States a party to the Budapest Convention?", "Is Japan among the signatories of …?"
    ("roster", rf"^(?:is|are)\s+(?P<who>.+?)\s+(?:a\s+|an\s+|among\s+the\s+)?(?:{_ROLL}|member\s+states?)\s+(?:to|of)\s+{_TEXT}"),
))
# "Which texts are legally binding?", "Which of the texts are treaties?", "Are any of the documents binding?"
# "Which of them is binding?" after "Which texts mention supply chains?": asked among the texts that answer cited
_THEM = r"(?:which|what)\s+of\s+(?:them|these|those)"
_ACROSS = re.compile(
    rf"^(?:(?:which|what)\s+(?:of\s+the\s+)?{_NOUN}(?:\s+in\s+the\s+corpus)?\s+(?:are|is)|(?:are|is)\s+(?:any|all|none)\s+of\s+"
    rf"(?:the|these|your)\s+{_NOUN}|{_THEM}\s+(?:are|is))\s+{_BINDING}{_END}", re.I)
_AMONG = re.compile(rf"^\s*{_THEM}\b", re.I)
# how a treaty states its own force, and who may join it
_FORCE = re.compile(r"\bconsent\s+to\s+be\s+bound\b|\bsubject\s+to\s+ratification\b|\b(?:this|the\s+present)\s+(?:Convention|"
                    r"Treaty|Agreement|Protocol|Charter)\s+shall\s+(?:enter\s+into\s+force|be\s+binding)", re.I)
_JOINING = re.compile(r"\bopen\s+for\s+signature\b|\binvite\b[^.;]{0,200}?\bto\s+accede\b|\bmay\s+accede\b", re.I)
_JOINING_HOW = re.compile(rf"{_JOINING.pattern}|\bsubject\s+to\s+ratification\b", re.I)  # and how a signatory is bound
_FORCE_WORDS = "ratification, entry into force or consent to be bound"  # what _FORCE reads for, in words
_OPEN_TO = re.compile(r"\bopen\s+to\s+[^;.()]+", re.I)  # "open to endorsement by States, companies and …" in an issuer line
_DUTY = re.compile(r"\b(?:shall|must)\b")
FORCE_MAX = 4
DUTY_WORDS = 8
DUTIES_MIN = 3  # one "must be focused on" in a briefing is a turn of phrase; several make a text's wording


@dataclass(frozen=True)
class Standing:
    """What a question asks of a text's standing, and the text's name as given (empty: every text)."""

    asked: Asked
    name: str
    practice: bool = False  # worded as a practice may be asked of ("mandatory", "… for cloud services")
    who: str = ""  # whom a question asks of ("Has France ratified …?")


def asks(question: str) -> Standing | None:
    """Return what a question asks of a text's standing, or None for any other question."""
    text = question.strip()
    if _ACROSS.match(text):
        return Standing("force", "")
    for asked, pattern in _PATTERNS:
        if m := pattern.match(text):
            practice = any(m.groupdict().get(g) for g in ("duty", "on"))
            return Standing(asked, m.group("name").strip(), practice, (m.groupdict().get("who") or "").strip())
    return None


def among(question: str) -> bool:
    """Return True when a question asks which of the texts the answer before named bind ("Which of them is binding?")."""
    return bool(_AMONG.match(question)) and asks(question) is not None


def answered(
    question: str, resolved: Resolved, reader: Reader, composer: Composer, filters: Filters, mentions: Mentions,
) -> Answer | None:
    """Answer whether a text binds, or who may join it, from its own final clauses, or return None."""
    standing = asks(question)
    if standing is None:
        return None
    kept = held(composer, filters)
    if not standing.name:
        return _across(resolved, reader, composer, kept) if kept else None
    if pronoun(standing.name) and standing.practice and resolved.carried:
        return None  # "What does Cyber Essentials say about MFA?" "Is it compulsory for cloud services?": MFA is
    doc_id = meant(standing.name, resolved, mentions)
    document = next((d for d in kept if d.doc_id == doc_id), None)
    if document is None or _text_named(standing.who):
        return None  # "Did the Paris Call endorse the Budapest Convention?" asks what one text says of the other
    if standing.asked in ("roster", "signed"):
        return _roster(resolved, reader, composer, document, standing)
    if standing.asked == "joining":
        return _joining(resolved, reader, composer, document)
    return _force(resolved, reader, composer, document)


def _text_named(who: str) -> bool:
    """Return True when whom a question asks of is a text ("the Paris Call"), not a state or body ("the UK", "the ICC")."""
    return any(w in DOCUMENT_WORDS for w in re.findall(r"[a-z]+", who.lower()))


def clauses(provisions: list[Hit], pattern: re.Pattern[str]) -> list[Hit]:
    """Return the provisions whose words match a final-clause pattern, in the text's order."""
    return [h for h in provisions if pattern.search(h.text)][:FORCE_MAX]


def _force(resolved: Resolved, reader: Reader, composer: Composer, document: Document) -> Answer:
    """Quote where a text states its own force, or say that it does not, with what the catalogue records."""
    provisions = reader.provisions(document.doc_id)
    found = clauses(provisions, _FORCE)
    name = in_sentence(short_title(document.title))
    if found:
        lead = capitalized(f"{name} speaks of its own force ({_FORCE_WORDS}) in {_provisions(len(found))}:")
        return _quoted(composer, resolved, found, lead)
    text = (f"The text of {name} held in the corpus ({who_when(document)}) says nothing of its own legal force: none of "
            f"its {len(provisions)} provisions speaks of {_FORCE_WORDS}, "
            f"so the corpus cannot say whether it binds anyone. {_recorded(document, name)}.")
    opening = citing_by(reader)(document)
    related = [opening.hit] if opening else []
    duties = [h for h in provisions if _DUTY.search(h.text)]
    # "Member States shall ensure …": what its wording asks of whom, for the reader to weigh; the example is a
    # provision that is a duty from its first words, not a definition that ends in one
    example = next((h for h in duties if _DUTY.search(" ".join(h.text.split()[:DUTY_WORDS]))), None)
    if example is not None and len(duties) >= DUTIES_MIN:
        said = {m.group(0) for h in duties for m in _DUTY.finditer(h.text)}
        used = "”, “".join(w for w in ("shall", "must") if w in said)
        quote = quoting.opening(example.text, composer.settings.quote_chars)
        text += f" It words {len(duties)} of its provisions as duties (“{used}”), as {example.label}: “{quote}”"
        related = [example, *(h for h in related if h.provision_id != example.provision_id)]
    return composer.refused(resolved, related, capitalized(text))


def _joining(resolved: Resolved, reader: Reader, composer: Composer, document: Document) -> Answer:
    """Quote where a text says who may sign or accede to it, else what its catalogue entry says, else abstain."""
    name = in_sentence(short_title(document.title))
    provisions = reader.provisions(document.doc_id)
    if clauses(provisions, _JOINING):
        found = clauses(provisions, _JOINING_HOW)
        return _quoted(composer, resolved, found, capitalized(f"{name} says who may join it, and how:"))
    cited = Cited(citing_by(reader), composer)
    if (open_to := _open_to(document)) is not None:
        text = (f"The text of {name} does not say who may join it; the catalogue records it ({who_when(document)}) as "
                f"“{open_to}”{cited.marker(document)}.")
        return cited.answer(resolved, capitalized(text))
    first = cited.citing(document)
    return composer.refused(resolved, [first.hit] if first else [], capitalized(
        f"{name} ({who_when(document)}) does not say who may join, sign or endorse it, and the catalogue records nothing "
        "on it."))


def _roster(resolved: Resolved, reader: Reader, composer: Composer, document: Document, standing: Standing) -> Answer | None:
    """Say that who has joined a text is not in the corpus, pointing to what the text or catalogue says of joining."""
    found = clauses(reader.provisions(document.doc_id), _JOINING)
    open_to = _open_to(document)
    if standing.asked == "signed" and not (found or open_to):
        return None  # "Who signed the G7 declaration?": its issuer, named by the text or the catalogue
    name = in_sentence(short_title(document.title))
    joined = "signed, ratified or acceded to" if found else "endorsed or signed"
    who = standing.who
    unknown = f"whether {who} has is not in the corpus" if who else "who has, and how many, is not in the corpus"
    text = f"The corpus holds the text of {name} ({who_when(document)}), not a record of who has {joined} it: {unknown}."
    if found:
        text += f" The text says who may join it in {in_prose([h.label for h in found])} (listed as related)."
    elif open_to is not None:
        text += f" The catalogue records it as “{open_to}”."
    opening = citing_by(reader)(document)
    return composer.refused(resolved, found or ([opening.hit] if opening else []), capitalized(text))


def _across(resolved: Resolved, reader: Reader, composer: Composer, held: list[Document]) -> Answer:
    """Say which texts of the corpus state their own force, quoting where, and name those that do not."""
    found = {d.doc_id: hits for d in held if (hits := clauses(reader.provisions(d.doc_id), _FORCE))}
    silent = [d for d in held if d.doc_id not in found]
    names = {d.doc_id: in_sentence(short_title(d.title)) for d in held}
    others = "; ".join(names[d.doc_id] for d in silent)
    if not found:
        openings = [first.hit for d in silent if (first := citing_by(reader)(d)) is not None]
        return composer.refused(resolved, openings, f"None of the {len(held)} texts speaks of its own legal force (no "
                                f"{_FORCE_WORDS}), so the corpus cannot say that any binds: {others}.")
    stating = " and ".join(names[d] for d in found)
    count = f"only {stating} speaks of its own" if len(found) == 1 else f"{len(found)} ({stating}) speak of their own"
    lead = f"Of the {len(held)} texts, {count} force ({_FORCE_WORDS}):"
    answer = _quoted(composer, resolved, [h for hits in found.values() for h in hits], lead)
    if silent:
        says = "The other one says nothing of its" if len(silent) == 1 else f"The other {len(silent)} say nothing of their"
        answer.text += f"\n\n{says} own legal force (no {_FORCE_WORDS}): {others}."
    return answer


def _quoted(composer: Composer, resolved: Resolved, hits: list[Hit], lead: str) -> Answer:
    answer = composer.count(resolved, hits, "provision", lead=lead)
    answer._retrieved = hits
    return answer


def _recorded(document: Document, name: str) -> str:
    """Return what the catalogue records of a text's nature: its kind (else its full title) and who it is open to."""
    open_to = _open_to(document)
    if document.kind:
        said = f"The catalogue describes it as {with_article(document.kind)}"
        return f"{said}, and records it as “{open_to}”" if open_to else said
    titled = f"Its full title is “{document.title}”" if re.sub(r"^the\s+", "", name) != document.title else ""
    recorded = f"the catalogue records it as “{open_to}”" if open_to else ""
    return capitalized("; ".join(filter(None, (titled, recorded))))


def _open_to(document: Document) -> str | None:
    """Return who an issuer line says a text is open to ("open to endorsement by States, …"), if it says."""
    found = _OPEN_TO.search(document.issuer)
    return found.group(0).strip() if found else None


def _provisions(n: int) -> str:
    return "one provision" if n == 1 else f"{n} provisions"
