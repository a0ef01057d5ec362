"""Derive a provision's kind, actor and addressees from what its text (and list intro) says."""

from __future__ import annotations

import re

from assistant.types import Kind, issuer_name

ADDRESSEES: dict[str, re.Pattern[str]] = {
    "SMEs": re.compile(
        r"\bSMEs?\b|small and medium|small (?:and medium-sized )?(?:business|firm|enterprise|compan)", re.I
    ),
    "companies": re.compile(
        r"\b(?:compan(?:y|ies)|business(?:es)?|enterprises?|firms?|private sector|industry|corporat\w+|"
        r"operators?|service providers?|suppliers?)\b",
        re.I,
    ),
    "governments": re.compile(
        r"\b(?:[Gg]overnments?|States?|Member States|Part(?:y|ies)|[Mm]inist(?:ers?|ries)|"
        r"public sector|law enforcement|authorit(?:y|ies))\b"
    ),
    "organisations": re.compile(r"\b(?:organi[sz]ations?|entit(?:y|ies))\b", re.I),
    "consumers": re.compile(r"\b(?:consumers?|citizens?|individuals|users?)\b", re.I),
    "CSIRTs": re.compile(r"\bCSIRTs?\b|\bCERTs?\b|incident response teams?", re.I),
    "critical infrastructure": re.compile(r"critical (?:information )?infrastructure", re.I),
    "civil society": re.compile(r"civil society|academia|security researchers|tech community", re.I),
    "international community": re.compile(
        r"international community|\bUN\b|United Nations|multilateral|all stakeholders", re.I
    ),
}

_COMMIT = re.compile(
    r"\b(?:[Ww]e|G7|[Mm]inisters)\b[^.;]{0,80}?\b(?:intend|will|commit|agree|undertake|pledge|resolve|"
    r"affirm|reaffirm|decide|support)\w*"
    r"|\bshall\b|^(?:Decides|Requests|Also requests|Also decides|Endorses|Calls upon|Resolves)\b"
)
_RECOMMEND = re.compile(
    r"\b(?:should|must|need(?:s|ed)? (?:to|for)|needs?\b|ought to|is needed|are needed|recommend\w*|"
    r"encourag\w*|urg\w+|it is important|we advise|an obligation|responsibilit(?:y|ies) to|"
    r"make sure|ensure|is key|are key|prioriti[sz]e)\b",
    re.I,
)
_IMPERATIVE = re.compile(
    r"^(?:[Ee]ncourage|[Pp]romote|[Ff]oster|[Cc]onsider|[Cc]onduct|[Ss]upport|[Ee]nsure|[Pp]revent|"
    r"[Dd]evelop|[Ss]trengthen|[Tt]ake|[Ee]stablish|[Ii]mplement|[Uu]se|[Rr]emove|[Dd]isable|[Cc]hange|"
    r"[Bb]lock|[Kk]eep|[Aa]pply|[Pp]rotect|[Mm]aintain|[Aa]dopt|[Ii]dentify|[Aa]ssess|[Rr]eview|"
    r"[Ee]nhance|[Ii]ncrease|[Rr]educe|[Bb]uild|[Cc]reate|[Aa]uthenticate|[Hh]ave|[Bb]e|[Aa]ctively|"
    r"[Pp]rovide|[Ee]ducate|[Ee]ncouraging|[Pp]roviding|[Ee]ducating|[Mm]ake|[Ll]imit|[Tt]rain)\b"
)
_DEFINITION = re.compile(r"^[“\"'‘][^”\"'’]{1,80}[”\"'’]\s+(?:means|includes|shall mean)\b|\bmeans:?$")
_ACTOR_WE = re.compile(r"\b[Ww]e,? the ([A-Z][\w&'’ -]+?)(?:,|\s+(?:intend|will|commit|agree|affirm|decide))")
_ACTOR_SHALL = re.compile(
    r"\b((?:[Ee]ach|[Tt]he|[Aa]|[Aa]ny|[Aa]nother) (?:requested |requesting )?Part(?:y|ies)|Member States|"
    r"[Tt]he Commission|[Tt]he Secretary General)\b[^.;]{0,40}?\b(?:shall|may)\b"
)


def addressees(text: str) -> list[str]:
    """Return the groups the text names as doing or receiving something, in a fixed order."""
    return [name for name, pattern in ADDRESSEES.items() if pattern.search(text)]


def kind(text: str, intro: str = "", is_item: bool = False) -> Kind:
    """Classify a provision as commitment, recommendation, finding or context."""
    words = len(text.split())
    if _DEFINITION.search(text) or (text.rstrip().endswith(":") and words <= 12):
        return "context"
    if not is_item and words < 6:
        return "context"
    if _COMMIT.search(text) or (is_item and _COMMIT.search(intro)):
        return "commitment"
    if _RECOMMEND.search(text) or (is_item and (_RECOMMEND.search(intro) or _IMPERATIVE.match(text))):
        return "recommendation"
    return "finding"


def actor(text: str, intro: str, issuer: str) -> str:
    """Return who makes the provision: the 'we, the …' of its list intro, the party bound, or the issuer's name."""
    for source in (text, intro):
        if m := _ACTOR_WE.search(source):
            return m.group(1).strip()
    # a lettered item's 'shall' is in its intro ('Each Party shall … when committed: (a) …')
    if m := _ACTOR_SHALL.search(text) or _ACTOR_SHALL.search(intro):
        found = m.group(1)
        return "Parties" if "Part" in found else re.sub(r"^[Tt]he ", "", found).strip()
    return issuer_name(issuer)
