"""A text's table of contents: the parts a place holds or a heading groups ("Which articles are in Title 2?").

Retrieval ranks provisions by their words, but "Which offences does the Budapest Convention set out?",
"What's in Chapter III?" or "What are the functions of the NIST CSF?" ask for the headings under a place:
the articles under the titles on offences, the sections of a chapter, the six functions. Those are read
from the provisions' heading paths, in the text's order, and each part is cited by its first provision.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from assistant.mentions import in_sequence
from assistant.references import KINDS, roman
from assistant.sparse import tokenize
from assistant.wording import NUMBER_PATTERN

_KINDS = (r"articles?|titles?|sections?|subsections?|chapters?|parts?|objectives?|functions?|(?:sub)?categor(?:y|ies)"
          r"|headings?|annex(?:es)?")
_KIND = rf"(?P<kind>{_KINDS})"
_END = r"\s*[?.!]*\s*$"
# "the six functions", "its 22 categories": the number the asker remembers, not a topic
_COUNTED = rf"(?:(?:\d+|{NUMBER_PATTERN})\s+)?"
_PARTIES = r"(?:the\s+)?(?:parties|states|countries|signatories|governments|members)"
_ACTS = r"(?:what|which)(?:\s+(?:acts|conduct|behaviou?rs?|activities))?"  # asked with a verb that says "criminalise"
_OFFENCES = r"(?:what|which)\s+(?:criminal\s+)?(?:offences|crimes)"  # asked with "establish" or "create" too
_CRIMINALISING = r"(?:criminali[sz]e|outlaw|make\s+(?:into\s+)?(?:a\s+)?(?:criminal(?:\s+offences?)?|crimes?))"
_ESTABLISHING = rf"(?:{_CRIMINALISING}|establish|create|adopt)"
_ASKS = (
    # "Which articles are in Title 2 of Section 1 …?", "Which articles make up …'s title on ancillary liability?"
    re.compile(rf"^\s*(?:which|what)\s+{_KIND}\s+(?:are|is)\s+(?:there\s+)?(?:in|under|within)\s+(?P<where>.+?){_END}", re.I),
    re.compile(rf"^\s*(?:which|what)\s+{_KIND}\s+(?:make\s+up|form|constitute)\s+(?P<where>.+?){_END}", re.I),
    # "Which NIST categories belong to Protect?", "What categories fall under the Govern function?"
    re.compile(rf"^\s*(?:which|what)\s+(?:(?P<named>.+?)\s+)?{_KIND}\s+(?:belongs?\s+to|falls?\s+(?:under|within)|"
               rf"comes?\s+under|sits?\s+(?:under|within)|(?:are|is)\s+part\s+of)\s+(?P<under>.+?){_END}", re.I),
    # "Which categories does the Protect function of the CSF have?"
    re.compile(rf"^\s*(?:which|what)\s+{_KIND}\s+(?:does|do)\s+(?P<where>.+?)\s+(?:have|contain|hold|include|comprise){_END}", re.I),
    # "List the articles of the Budapest Convention on procedural law.", "What are the functions of the NIST CSF?"
    # "Give me the articles of …" arrives without its request, a noun phrase: "The articles of …"
    re.compile(rf"^\s*(?:(?:please\s+)?(?:list|name|give\s+me)\s+(?:all\s+)?(?:the\s+)?|(?:all\s+)?the\s+{_COUNTED}){_KIND}"
               rf"\s+(?:of|in)\s+(?P<where>.+?){_END}", re.I),
    re.compile(rf"^\s*what\s+are\s+the\s+(?:main\s+|different\s+)?{_COUNTED}{_KIND}\s+(?:of|in)\s+(?P<where>.+?){_END}", re.I),
    # "How many chapters does the Budapest Convention have?", "How many categories are in the Govern function?"
    re.compile(rf"^\s*how\s+many\s+{_KIND}\s+(?:does|do)\s+(?P<where>.+?)\s+(?:have|contain|hold|include|comprise|set|list){_END}",
               re.I),
    re.compile(rf"^\s*how\s+many\s+{_KIND}\s+(?:are|is)\s+(?:there\s+)?(?:in|under|within)\s+(?P<where>.+?){_END}", re.I),
    # "How many NIST functions are there?", "How many NIST categories are there under Protect?": the text's name first
    re.compile(rf"^\s*how\s+many\s+(?P<named>(?!(?:{_KINDS})\b).+?)(?:['’]s?)?\s+{_KIND}\s+(?:are|is)\s+there"
               rf"(?:\s+(?:in|under|within)\s+(?P<under>.+?))?{_END}", re.I),
    # "List the NIST CSF functions.", "What are the Cyber Essentials sections?", "What are the NIST CSF's functions?",
    # "What are the NIST CSF categories under Protect?", "What are NIST's six functions?": the text's name first;
    # "List the six NIST functions.": the number remembered before it
    # "Give me the Budapest Convention's articles on procedural law.": "The Budapest Convention's articles …"
    re.compile(rf"^\s*(?:(?:please\s+)?(?:list|name|give\s+me|show(?:\s+me)?|what\s+are)\s+(?:all\s+)?(?:the\s+)?|(?:all\s+)?the\s+){_COUNTED}"
               rf"(?P<named>.+?)(?:['’]s?)?"
               rf"\s+(?:main\s+|different\s+)?{_COUNTED}{_KIND}(?:\s+(?:under|in|of|within|on)\s+(?P<under>.+?))?{_END}", re.I),
    # "Which NIST functions are there?", "What Cyber Essentials sections are there under D?"
    re.compile(rf"^\s*(?:which|what)\s+(?P<named>.+?)\s+{_COUNTED}{_KIND}\s+(?:are|is)\s+there"
               rf"(?:\s+(?:under|in|of|within)\s+(?P<under>.+?))?{_END}", re.I),
    # "What's in Chapter III …?", "What does section D.4 of Cyber Essentials contain?"
    re.compile(rf"^\s*what(?:['’]s|\s+is)\s+in\s+(?P<where>.+?){_END}", re.I),
    re.compile(rf"^\s*what\s+does\s+(?P<where>.+?)\s+(?:contain|hold|comprise|include){_END}", re.I),
    # "What does the Budapest Convention require Parties to criminalise?", "Which offences must Parties establish
    # under …?", "What conduct must be criminalised under …?", "What kinds of cybercrime does … cover?": its offences
    re.compile(rf"^\s*{_ACTS}\s+(?:does|do)\s+(?P<where>.+?)\s+(?:require|oblige|obligate|ask)\s+{_PARTIES}\s+to\s+"
               rf"(?P<topic>{_CRIMINALISING}){_END}", re.I),
    re.compile(rf"^\s*{_OFFENCES}\s+(?:does|do)\s+(?P<where>.+?)\s+(?:require|oblige|obligate|ask)\s+{_PARTIES}\s+to\s+"
               rf"(?P<topic>{_ESTABLISHING})(?:\s+as\s+(?:criminal\s+offences|crimes))?{_END}", re.I),
    re.compile(rf"^\s*{_ACTS}\s+(?:must|should|shall|do|does)\s+{_PARTIES}\s+(?P<topic>{_CRIMINALISING})"
               rf"\s+(?:under|in)\s+(?P<where>.+?){_END}", re.I),
    re.compile(rf"^\s*{_OFFENCES}\s+(?:must|should|shall|do|does)\s+{_PARTIES}\s+(?P<topic>{_ESTABLISHING})"
               rf"\s+(?:under|in)\s+(?P<where>.+?){_END}", re.I),
    re.compile(rf"^\s*{_ACTS}\s+(?:must|should|shall|is|are|has|have)\s+(?:to\s+)?be\s+"
               rf"(?P<topic>criminali[sz]ed|outlawed|made\s+(?:into\s+)?(?:a\s+)?(?:crimes?|criminal(?:\s+offences?)?))"
               rf"\s+(?:under|in|by)\s+(?P<where>.+?){_END}", re.I),
    re.compile(rf"^\s*(?:what|which)\s+(?:kinds?|types?|sorts?|forms?)\s+of\s+(?P<topic>(?:cyber)?crimes?|(?:criminal\s+)?offences)"
               rf"\s+(?:does|do)\s+(?P<where>.+?)\s+(?:set\s+out|define|establish|cover|deal\s+with|address|list|include){_END}",
               re.I),
    # "Which offences does the Budapest Convention set out?", "Which computer-related offences are in …?"
    re.compile(rf"^\s*(?:which|what)\s+(?P<topic>[\w-]+(?:\s+[\w-]+)?)\s+(?:does|do)\s+(?P<where>.+?)\s+"
               rf"(?:set\s+out|define|establish|lay\s+down|provide\s+for|create|cover|deal\s+with){_END}", re.I),
    re.compile(rf"^\s*(?:which|what)\s+(?P<topic>[\w-]+(?:\s+[\w-]+)?)\s+are\s+(?:there\s+)?(?:in|under)\s+(?P<where>.+?){_END}", re.I),
)
# the verb or noun asked that the headings call offences ("criminalise", "made crimes", "cybercrime", "criminal offences")
_CRIMINALISE = re.compile(r"^(?:criminali[sz]e|outlaw|makes?\s|made\s|establish$|create$|adopt$|(?:cyber)?crimes?$|criminal\s)", re.I)
_PLACE = re.compile(r"\b(chapter|section|title|article|part|annex|objective)\s+([ivxlc]+\b|\d+|[a-z](?:\.\d+)*)(?![\w.])",
                    re.I)
_LETTERED = re.compile(r"^[A-Z](?:\.(?:\d+|[ivx]+))?\.?\s+[A-Z][a-z]")  # "C.iv Cloud services", "D.4 User …", "C. Scope"
_LABEL = re.compile(r"^\s*(?:the\s+)?([A-Z](?:\.\d+)*)(?=\s+(?:in|of)\s|\s*$)")  # "D", "D.4 in Cyber Essentials"
_FOLLOW = re.compile(rf"^\s*(?:and\s+|what\s+about\s+)(?:in\s+|under\s+)?(?P<where>.+?){_END}", re.I)
_KIND_WORDS = frozenset(tokenize("article articles title titles section sections subsection subsections chapter chapters "
                                 "part parts objective objectives function functions category categories subcategory "
                                 "subcategories heading headings annex annexes text document"))
_SHORT = 100  # characters of a heading shown as a part's name
_CAPITALS = re.compile(r"\b[A-Z][A-Z0-9]+s?\b")
_SHOUTED = re.compile(r"\b[A-Z]{2,}\b")
_NUMERAL = re.compile(r"[IVXLC]+")
_SEPARATOR = re.compile(r"[–—-]|\S*:")  # "CHAPTER II – USE": a phrase of its own; "CO-OPERATION" is one word
_CODE = re.compile(r"\d|\w\.\w|^\(.*\)$")  # "24/7", "GU.AC-01", "(GV)": as written
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|all)$", re.I)
_CRIMES = re.compile(r"\bcrimes\b", re.I)  # "Which crimes does it cover?": the headings name them offences
# "Which NIST function covers recovery?": a level of a framework's headings asked for, which no place number names
_LEVEL_ASKED = re.compile(r"^\s*(?:in\s+)?(?:which|what)\s+(?:(?!(?:does|do|did|is|are|was|were)\b)[\w.'’-]+\s+){0,3}?"
                          r"(function|category|subcategory)\b", re.I)
# "Which one covers backups?" after "What are the functions of the NIST CSF?": the level the earlier question listed,
# carried after the follow-up's own words
_ONE_OF_LEVEL = re.compile(r"^\s*(?:and\s+)?which\s+ones?\b.*\b(function|categor|subcategor)(?:s|y|ies)?\b", re.I)
_LEVEL_CODE = re.compile(r"\(([A-Z]{1,4}(?:\.[A-Z]{1,4})*)\)\s*$")  # "RESPOND (RS)", "Incident Management (RS.MA)"


@dataclass(frozen=True)
class Contents:
    """A question asking which parts a place holds: the kind of part, and the heading words it names, if any."""

    kind: str  # singular, as asked ("article"), or "" for whatever the next heading level holds
    where: str  # the words naming the place or heading, as asked ("the Budapest Convention on procedural law")
    topic: str = ""  # a noun asked of the headings ("offences", "computer-related offences")
    before: str = ""  # the place the question before named, for "And in Title 3?" after "… Title 2 of Section 1"


def contents(question: str, earlier: str | None = None) -> Contents | None:
    """Return what a question asks of a text's contents, or None; earlier: the question before "And in Title 3?"."""
    for pattern in _ASKS:
        if m := pattern.match(question):
            found = m.groupdict()
            kind = (found.get("kind") or "").lower()
            kind = ("subcategory" if kind.startswith("subcategor") else "category" if kind.startswith("categor")
                    else "annex" if kind.startswith("annex") else kind.rstrip("s"))
            topic = "offences" if _CRIMINALISE.match(found.get("topic") or "") else _CRIMES.sub("offences", found.get("topic") or "")
            named = "" if _DETERMINER.match(found.get("named") or "") else found.get("named")  # "What are the categories under …"
            where = found.get("where") or " in ".join(x for x in (found.get("under"), named) if x)
            return Contents(kind, where, topic)
    if earlier is not None and (m := _FOLLOW.match(question)) and (before := contents(earlier)) is not None:
        return Contents(before.kind, m.group("where"), before.topic, before.where)
    return None


def levels(title: str) -> tuple[str, ...]:
    """Return the kinds of part a title names its levels by, top first ("(Functions, Categories, Subcategories)")."""
    named = re.search(r"\(([A-Z][a-z]+s(?:,\s*[A-Z][a-z]+s)+)\)", title)
    plural = [w.strip().lower() for w in named.group(1).split(",")] if named else []
    return tuple(w[:-3] + "y" if w.endswith("ies") else w[:-1] for w in plural)


def level_asked(question: str) -> str:
    """Return the level of a framework's headings a question asks which one of ("Which function covers …?"), else ""."""
    if m := _LEVEL_ASKED.match(question) or _ONE_OF_LEVEL.match(question):
        word = m.group(1).lower()
        return word + "y" if word.endswith("categor") else word
    return ""


def level_heading(path: Sequence[str], levels: tuple[str, ...], kind: str) -> str | None:
    """Return the heading of a level a provision sits under, by its code's depth ("RESPOND (RS)" for RS.MA-01)."""
    if kind not in levels:
        return None
    for heading in path:
        name = short(heading)
        if (code := _LEVEL_CODE.search(name)) and code.group(1).count(".") == levels.index(kind):
            return name
    return None


def level_below(heading: str, levels: tuple[str, ...]) -> str:
    """Return the level below a coded heading ("subcategory" under "… (GV.SC)"), else "" ("What is in GV.SC?")."""
    code = _LEVEL_CODE.search(short(heading))
    depth = code.group(1).count(".") + 1 if code else len(levels)
    return levels[depth] if depth < len(levels) else ""


def names_heading(paths: Sequence[Sequence[str]], terms: tuple[str, ...]) -> bool:
    """Return True when a heading's name, its code aside, is the terms alone ("PROTECT (PR)", not "Malware protection")."""
    return any(tuple(tokenize(_LEVEL_CODE.sub("", short(h)).replace("-", " "))) == terms for path in paths for h in path)


def lettered(path: Sequence[str]) -> str | None:
    """Return the deepest lettered section a provision sits in ("C.iv Cloud services", "D.4 User access control")."""
    return next((short(h) for h in reversed(path) if _LETTERED.match(h)), None)


def topic_terms(asked: Contents, where: str) -> tuple[str, ...]:
    """Return the terms naming the heading asked about: the topic and the place words left once the text's name is off."""
    words = " ".join(x for x in (asked.topic, where) if x).replace("-", " ")
    # not the "s" of "'s"; each term once ("pr.ds pr ds" carried from "What is PR.DS?")
    return tuple(dict.fromkeys(t for t in tokenize(words) if t not in _KIND_WORDS and (len(t) > 1 or t.isdigit())))


def places(where: str, earlier: str = "") -> list[tuple[str, str]]:
    """Return the places named ("Title 2 of Section 1": title 2, section 1), with those of earlier words not renamed."""
    named = [(kind, _value(m.group(2), kind)) for m in _PLACE.finditer(where) if (kind := m.group(1).lower())]
    if not named and (label := _LABEL.match(where)):  # "the sections under D.4": a lettered section's label alone
        named = [("section", _value(label.group(1), "section"))]
    kinds = {kind for kind, _ in named}
    return named + [(k, v) for k, v in places(earlier) if k not in kinds] if named and earlier else named


def placed(paths: Sequence[Sequence[str]], wanted: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    """Return the heading prefixes of every place that has all the places named, in the text's order."""
    found: dict[tuple[str, ...], None] = {}
    for path in paths:
        depths = [next((d for d, heading in enumerate(path) if _names(heading, kind, value)), None) for kind, value in wanted]
        if wanted and all(d is not None for d in depths):
            found.setdefault(tuple(path[: max(d for d in depths if d is not None) + 1]), None)
    return list(found)


def elsewhere(first: tuple[str, ...], other: tuple[str, ...]) -> str:
    """Return the heading that sets another place of the same name apart ("CHAPTER III – …" for its Section 2)."""
    return next((short(b) for a, b in zip(first, other) if a != b), short(other[-1]))


def _names(heading: str, kind: str, value: str) -> bool:
    """Return True when a heading is the place ("CHAPTER III – …" is chapter 3, "D.4 User access control" section d.4)."""
    words = heading.split()
    if len(words) >= 2 and words[0].lower() == kind and _value(words[1].strip(".–-:"), kind) == value:
        return True
    return kind in ("section", "part") and bool(words) and words[0].lower().rstrip(".") == value  # "D.4 User access …"


def _value(value: str, kind: str = "") -> str:
    """Return a place's number as the texts compare it: a chapter's roman numeral as digits ("III" is "3")."""
    value = value.lower().rstrip(".")
    if kind in ("section", "part") or not re.fullmatch(r"[ivxlc]+", value):  # "section C" is Cyber Essentials' C, not 100
        return value
    return str(roman(value))


def headed(paths: Sequence[Sequence[str]], terms: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Return the shallowest heading prefixes whose last heading says the terms side by side, in the text's order."""
    return _headed(paths, terms, short) or _headed(paths, terms, lambda heading: heading)


def _headed(paths: Sequence[Sequence[str]], terms: tuple[str, ...], name: Callable[[str], str]) -> list[tuple[str, ...]]:
    """Return the shallowest heading prefixes whose last heading's name says the terms.

    name: the part of a heading read; its name first, so that DETECT is not found in "RESPOND (RS): Actions regarding a
    detected cybersecurity incident …".
    """
    found: dict[tuple[str, ...], None] = {}
    for path in paths:
        for depth, heading in enumerate(path):
            if in_sequence(terms, tokenize(name(heading).replace("-", " "))):
                found.setdefault(tuple(path[: depth + 1]), None)
                break
    shallowest = min((len(p) for p in found), default=0)
    return [p for p in found if len(p) == shallowest]


def unit_of(path: Sequence[str], prefix: tuple[str, ...], kind: str) -> str | None:
    """Return the heading of the part a provision belongs to below prefix: the first of the kind asked, else the next."""
    if tuple(path[: len(prefix)]) != prefix or len(path) <= len(prefix):
        return None
    below = path[len(prefix):]
    return next((h for h in below if kind and h.lower().startswith(kind)), None) or below[0]


def short(heading: str) -> str:
    """Return a heading as a part's name: before its colon ("GOVERN (GV)"), and not too long."""
    head = heading.split(":")[0].strip() if re.match(r"^[^:]{2,80}:\s", heading) else heading.strip()
    return head if len(head) <= _SHORT else head[: _SHORT - 1].rstrip() + "…"


def acronyms(texts: Iterable[str]) -> frozenset[str]:
    """Return the words a text writes only in capitals ("ICT", "SMEs", "CSIRTs"), not "IN" of "IN WITNESS" beside "in"."""
    joined = "\n".join(texts)
    lowered = set(re.findall(r"\b[a-z]+\b", joined))
    return frozenset(word for word in _CAPITALS.findall(joined) if word.lower() not in lowered)


def readable(heading: str, kept: frozenset[str] = frozenset()) -> str:
    """Return a heading set in capitals in sentence case ("CHAPTER II – USE OF TERMS": "Chapter II – Use of terms").

    kept: the words to keep in capitals (the text's acronyms); codes ("GU.AC-01", "(GV)") and a place's numeral
    ("CHAPTER II") stay, and the word after a separating dash starts a phrase of its own.
    """
    plain = [w for w in heading.split() if w.strip(",;:") not in kept and not _CODE.search(w)]
    if any(c.islower() for w in plain for c in w) or len(_SHOUTED.findall(" ".join(plain))) < 2:
        return heading
    out: list[str] = []
    words = heading.split(" ")
    for n, word in enumerate(words):
        bare, previous = word.strip(",;:"), words[n - 1] if n else ""
        if bare in kept or _CODE.search(word) or (_NUMERAL.fullmatch(bare) and previous.lower() in KINDS):
            out.append(word)
        elif not out or _SEPARATOR.fullmatch(previous):
            out.append(word.lower().capitalize())
        else:
            out.append(word.lower())
    return " ".join(out)


def noun(units: Sequence[str], kind: str) -> str:
    """Return what the parts are called: as asked, else the word their headings share ("articles"), else parts; one: singular."""
    firsts = {u.split()[0].lower().rstrip(".") for u in units if u.split()}
    shared = firsts.pop() if len(firsts) == 1 else ""
    word = kind or (shared if shared.isalpha() else "part")
    if len(units) == 1:
        return word
    return f"{word}es" if word.endswith(("x", "s")) else f"{word[:-1]}ies" if word.endswith("y") else f"{word}s"
