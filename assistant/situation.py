"""The asker's situation: what people say of themselves before a question ("I run a small bakery.").

"I run a small bakery with five staff. What should I do about cybersecurity?" asks what a small
business should do; read as it stands, "bakery", "five" and "staff" are topics no text covers and the
question is refused. A leading statement in the first person ("I run …", "We're a 20-person firm.",
"As a government official, …") is taken off the question; when it says who the asker is in words the
texts address (SMEs, governments, service providers, competent authorities, CSIRTs, senior
management), "I", "we", "us" and "firms like ours" in the question (and in later turns) stand for them;
when the texts say nothing to them ("What does Cyber Essentials expect SMEs to do first?"), the question
is asked again as typed ("… expect me to do first?"). A question that points back at the situation
("Are those in scope?", "Can I access it?") keeps it, less the clause that only says who the asker is;
"them" after "Our staff …" are the staff; a text the asker is bound by ("We're a bank subject to NIS 2.")
is carried into a question that names none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant import manners, wording
from assistant.conversation import DOCUMENT_WORDS
from assistant.sparse import STOPWORDS, words

_FIRST_PERSON = r"(?:i|i['’]?m|i['’](?:ve|d)|we|we['’](?:re|ve|d)|my|our|me|us)"  # "im a small bakery": typed in haste
# "We're a small firm. ", not what the asker thinks or has read ("I think the G7 said …. What was it?")
_STATEMENT = re.compile(
    r"\s*" + _FIRST_PERSON + r"\b(?!\s+(?:think|thought|believe|read|heard|hear|saw|seem|remember|recall|know|knew"
    r"|understand|understood|guess|suppose|assume|noticed|found|feel|felt|was\s+told|wonder|doubt|understanding)\b)[^?]*?"
    r"(?:[.!]\s+(?=\S)|,\s+(?=(?:so\s+)?(?:what|how|which|who|when|where|why|do|does|is|are|am|can|could|should|must|would"
    r"|will)\b))",  # "I'm a small bakery, what do I need to do?"
    re.I,
)
_AS_A = re.compile(r"\s*(?:speaking\s+)?as\s+(?:an?|the)\s+(?P<who>[^,?.]{2,60}?)\s*,\s*(?=\w)", re.I)  # "As an SME, …"
_SMALL_COUNT = 250  # the EU's line between a medium-sized enterprise and a large one
_NUMBER_WORDS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_HEADCOUNT = re.compile(
    r"\b(?P<n>\d{1,6}|" + "|".join(_NUMBER_WORDS) + r"|a\s+few|a\s+handful\s+of)[-\s]+(?:person|people|staff|strong|"
    r"employees?|members?\s+of\s+staff|workers?)\b", re.I)
# who the asker is, in the words the texts use for them; None: a kind the texts address no differently
_ROLES: tuple[tuple[re.Pattern[str], str | None], ...] = tuple((re.compile(p, re.I), role) for p, role in (
    (r"\b(?:prosecutors?|police|law\s+enforcement|investigators?|detectives?|judges?|magistrates?)\b",
     "competent authorities"),
    (r"\b(?:(?:hosting|cloud|internet|telecoms?|e-?mail|communications?|service)\s+(?:service\s+)?providers?|ISPs?"
     r"|telcos?|telecoms?\s+(?:company|operator))\b", "service providers"),
    (r"\b(?:CSIRTs?|CERTs?)\b", "CSIRTs"),
    (r"\b(?:governments?|ministr(?:y|ies)|ministers?|civil\s+servants?|policy\s*-?makers?|regulators?|diplomats?"
     r"|negotiators?|delegat(?:e|es|ion)|public\s+administration)\b", "governments"),
    (r"\b(?:charit(?:y|ies)|non-?profits?|NGOs?|schools?|universit(?:y|ies)|hospitals?|councils?|clubs?"
     r"|journalists?|students?|researchers?|academics?)\b", None),
    (r"\b(?:SMEs?|small|smaller|mid-?sized?|medium-?sized|micro-?(?:business|enterprise)s?|start-?ups?|sole\s+traders?"
     r"|freelancers?|self-employed|family\s+(?:business|firm)|baker(?:y|ies)|caf[eé]s?|restaurants?|shops?|pubs?"
     r"|salons?|corner\s+stores?)\b", "SMEs"),
    (r"\b(?:on\s+the\s+board|board\s+(?:members?|directors?)|non-executive|CEOs?|C-suite|chief\s+executive)\b",
     "senior management"),
))
_CLAUSE_END = re.compile(r"[,;]|\s+(?:and|but|so|because|while|whose|which|where|who)\s+", re.I)
_SUBJECT_BE = re.compile(r"\b(?:i\s+am|i['’]?m|we\s+are|we['’]re)\b", re.I)
_BE_SUBJECT = re.compile(r"\b(?:am\s+i|are\s+we)\b", re.I)
_LIKE_US = re.compile(r"\b(?:(?:businesses|companies|firms|organi[sz]ations|entities|ones|people)\s+)?like\s+(?:mine|ours|us|me)\b",
                      re.I)
_PERSON = re.compile(r"\b(?:[Ii]|[Ww]e|[Mm]e|[Uu]s)\b(?!['’])")  # not "the US"
_NUMBERED = re.compile(r"\b(?:annex|chapter|part|title|section|article|volume|phase)\s*$", re.I)  # "Annex I"
# "Our staff keep clicking phishing links. What about training them?": "them" are the staff
_GROUP = re.compile(r"\b(?:my|our)\s+(?P<group>staff|employees|people|team|colleagues|users|contractors|suppliers|customers"
                    r"|clients|volunteers|partners|vendors|developers|administrators|admins|managers|directors|workers)\b", re.I)
_THEM = re.compile(r"\b(?P<verb>train(?:ing)?|educat(?:e|ing)|tell(?:ing)?|inform(?:ing)?|ask(?:ing)?|brief(?:ing)?"
                   r"|remind(?:ing)?|vet(?:ting)?|screen(?:ing)?|hir(?:e|ing)|onboard(?:ing)?|offboard(?:ing)?"
                   r"|(?:requir|expect|demand)(?:e|ing)?\s+(?:of|from))\s+them\b", re.I)
_IDENTITY = re.compile(r"\s*(?:i['’]?m|i\s+am|we['’]re|we\s+are|i\s+(?:run|own|manage|work|lead|chair|head|sit)"
                       r"|we\s+(?:run|have|employ))\b", re.I)
# a text the asker is bound by ("subject to NIS 2"), not one they only mention ("a journalist covering the UN")
_BOUND = re.compile(r"\b(?:subject\s+to|covered\s+by|under|in\s+(?:the\s+)?scope\s+of|regulated\s+by|bound\s+by|party\s+to"
                    r"|signator(?:y|ies)\s+(?:to|of)|certified\s+(?:to|under|for)|applying\s+for|compl(?:y|ying|iant)\s+with"
                    r"|implementing|working\s+(?:on|towards))\s+(?:the\s+)?$", re.I)
_POINTS_BACK = re.compile(r"\b(?:that|this|those|these|them|it|they|their|there|such)\b", re.I)


Named = Callable[[str], list[str]]


def unnamed(text: str) -> list[str]:
    """Name no source in text (where no corpus is at hand)."""
    return []


@dataclass(frozen=True)
class Told:
    """A turn with the asker's situation read into it (question), the same as typed (plain), and who they are."""

    question: str
    plain: str
    role: str | None = None
    situated: bool = False


def readings(question: str, history: list[str], named: Named = unnamed) -> list[tuple[str, list[str]]]:
    """Return the ways to read a turn and its history: "I" as the asker's role first, then as typed.

    named returns the names of sources a text mentions, as typed ("NIS 2").
    """
    role: str | None = None
    told = []
    for turn in [*history, question]:
        told.append(tell(turn, role, named))
        role = told[-1].role if told[-1].situated else role
    found = [(told[-1].question, [t.question for t in told[:-1]]), (told[-1].plain, [t.plain for t in told[:-1]])]
    if (doer := _DOER.match(told[-1].plain)) and role_of(doer.group("who")):
        # "What should a small company do first under Cyber Essentials?", which never names small companies:
        # what it tells its reader to do
        found.append((f"{doer.group('head')}I{told[-1].plain[doer.end():]}", found[1][1]))
    return [reading for i, reading in enumerate(found) if reading not in found[:i]]


# "What should an SME do …?": the group asked about is the one doing
_DOER = re.compile(r"^(?P<head>\s*(?:what|how)\s+(?:should|must|can|could|would|ought)\s+)(?P<who>(?:a|an|the|my|our|any)\s+"
                   r"(?:[\w-]+\s+){0,3}?[\w-]+?|[\w-]+)(?=\s+(?:do|take|implement|follow|start|begin|put|have)\b)", re.I)


# words that ask for a text's words without naming what they are about ("Anything relevant in the G7 text?")
_NO_TOPIC = (STOPWORDS | wording.QUESTION_WORDS | wording.FUNCTION_WORDS | wording.MODALS | wording.GENERIC
             | DOCUMENT_WORDS | frozenset("relevant useful helpful recommend recommends suggest suggests propose proposes "
                                          "offer offers contain contains any".split()))


def with_task(question: str, asked: str, named: Named = unnamed) -> str:
    """Return asked about the asker's task when it names no topic of its own ("… a brief on CSIRTs. Anything in the G7?")."""
    topic, rest = manners.task_topic(question), asked
    if not topic and (opening := _split(asked)[1]):  # "I need a sentence on X for a communiqué. What can I lift?"
        topic, rest = manners.topic_of(opening), asked[len(opening):]
    if not topic:
        return asked
    rest = wording.undrafted(rest)
    for name in named(rest):
        rest = rest.replace(name, " ")
    if any(w not in _NO_TOPIC and not w.isdigit() for w in words(rest)):  # "from the 2017 text": a year names the text
        return asked
    return f"{asked.rstrip(' ?.!')} on {topic}?"


def tell(question: str, role: str | None, named: Named = unnamed) -> Told:
    """Return a turn without its opening situation, its "I" and "we" standing for the asker's role."""
    situation, opening = _split(question)
    if not situation:
        return Told(_as(question, role) if role else question, question, role)
    role = role_of(situation)
    asked = manners.plain(question[len(opening):])
    if group := _GROUP.search(opening):
        asked = _THEM.sub(lambda m: f"{m.group('verb')} {group.group('group')}", asked)
    kept = ""
    if _POINTS_BACK.search(asked):  # "Our staff use their own phones. Are those in scope?"
        kept = _without_identity(opening) + " "
    elif bound := [name for name in named(opening) if _BOUND.search(opening[:opening.find(name)])]:
        if not named(asked):  # "We're a bank subject to NIS 2. Do we have to …?": under NIS 2
            asked = f"{asked.rstrip(' ?.')}, according to {bound[0]}?"
    cast = _as(asked, role) if role else asked
    return Told(f"{kept}{cast}".strip(), f"{kept}{asked}".strip(), role, situated=True)


def role_of(situation: str) -> str | None:
    """Return who the asker says they are, in the texts' words, or None."""
    situation = _CLAUSE_END.split(situation, maxsplit=1)[0]  # "We're a multinational and police abroad …"
    if m := _HEADCOUNT.search(situation):
        count = m.group("n").lower()
        number = int(count) if count.isdigit() else _NUMBER_WORDS.get(count, 3)
        if number < _SMALL_COUNT:
            return "SMEs"
    return next((role for pattern, role in _ROLES if pattern.search(situation)), None)


def _split(question: str) -> tuple[str, str]:
    """Return who or what the opening first-person statements tell, and those statements as typed."""
    situation, end = "", 0
    while m := _STATEMENT.match(question, end) or _AS_A.match(question, end):
        if len(words(question[m.end():])) < 2:
            break
        situation, end = f"{situation} {m.groupdict().get('who') or m.group(0)}", m.end()
    return situation.strip(), question[:end]


def _without_identity(opening: str) -> str:
    """Return an opening without the clause that says who the asker is ("We have 8 staff and …")."""
    opening = opening.strip()
    first, *rest = _CLAUSE_END.split(opening, maxsplit=1)
    if rest and (_IDENTITY.match(first) or role_of(first)):
        return opening[len(first):].lstrip(" ,;").removeprefix("and ").removeprefix("but ").strip()
    return opening


def _as(question: str, role: str) -> str:
    """Return question with the asker's "I", "we" and "firms like ours" read as role."""
    text = _LIKE_US.sub(role, question)
    text = _SUBJECT_BE.sub(f"{role} are", text)
    text = _BE_SUBJECT.sub(f"are {role}", text)
    text = _PERSON.sub(lambda m: m.group(0) if _NUMBERED.search(text[:m.start()]) else role, text)
    return text[:1].upper() + text[1:]
