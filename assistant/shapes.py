"""The shape a question's answer takes in a text, where the question says it.

"Which resolution set up the OEWG?" is answered by a text naming "resolution 75/240", "Under which
agenda item …?" by "Agenda item 94"; "Who chaired the briefing?" by a text saying "chaired by …";
"By when must the Commission act?" by a text stating a date ("By 17 October 2024, …"), "How long must
data be preserved?" by one stating a duration ("ninety days"). Such a text may share few of the
question's words, so retrieval gives it a bonus; "How many …?" is not answered by a text with no number.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from assistant import references
from assistant.defining import defined
from assistant.glossary import EVERYDAY
from assistant.render import MONTHS
from assistant.wording import NUMBER_PATTERN, NUMBER_WORDS, number_word

# "Which Main Committee …?" asks for a committee: a run of capitalised words ends in the noun asked for
_NUMBERED_ASK = re.compile(r"\b(?:which|what)\s+(?:(?-i:[A-Z][a-z]+)\s+(?=(?-i:[A-Z])))*([a-z]+)", re.I)
_NAME_ASK = re.compile(r"^\s*(?:and\s+)?(?:(?:under|in|by|to|from|for|with|at)\s+)?which\b", re.I)
_ARTICLES = "(?:The|A|An|This|That|These|Those|Its|Their|Our|Each|Every|Any|Such)"
_LINKS = "(?:in|on|of|at|by|from|to|for|and|or|the|a|an|since|until|before|after)"
# a structural place ("Which article …?") is a provision's label, not words of its text
_STRUCTURAL = frozenset("article paragraph section chapter title objective item annex part".split())
_QUALIFIED = r"(?:operative\s+|preambular\s+)?"  # a resolution's two kinds of paragraph: "How many operative paragraphs …?"
_COUNT_ASK = re.compile(r"^\s*how\s+many\s+(" + _QUALIFIED + r"[a-z]+)\b", re.I)
# "How many firewall requirements …?", "How many G7 actions are there?": the kind counted after a few words naming
# where, unless the first word is a kind itself ("How many actions do the objectives list?")
_COUNT_KIND = re.compile(rf"^\s*how\s+many\s+(?!(?:operative|preambular|{references.KIND_PLURALS})\b)(?:[\w.'’-]+\s+){{1,3}}?"
                         rf"({references.KIND_PLURALS})\b", re.I)
# "Objective 2 of the G7 actions has five actions?", "Are there six ICC takeaways?": a count to check
_SOME = r"(?:only\s+|just\s+|exactly\s+|precisely\s+)?(?:\d{1,2}|" + "|".join(number_word(n) for n in range(1, 21)) + r")\s+"
_COUNT_CLAIM = re.compile(r"^\s*(?:(?:are|were)\s+there\s+" + _SOME + r"(?:[\w'’-]+\s+){0,3}?([a-z]+s)\b"
                          r"|(?:(?:does|do|did)\s+)?(?:[\w'’./()-]+\s+){1,10}?(?:has|have|had|contains?|lists?|sets\s+out)\s+"
                          + _SOME + r"([a-z]+s)\s*[?.!]*$)", re.I)
# "List the ICC's opportunities for future action.", "Enumerate all the G7 actions", "(Give me) the ICC takeaways":
# every numbered one
_OWNER = r"(?:[\w.-]+(?:['’]s?)?\s+){0,2}?"
_LISTED_PLURALS = "|".join(references.plural(kind) for kind in sorted(references.LISTED))
_LIST_ASK = re.compile(r"^\s*(?:(?:please\s+)?(?:list|enumerate|name|give\s+me|show\s+me)\s+(?:all\s+)?(?:of\s+)?the\s+"
                       + _OWNER + r"(" + _QUALIFIED + r"[a-z]+s)\b|(?:all\s+)?the\s+" + _OWNER + r"([a-z]+s)\s*[?.!]*$"
                       # "What are the ten G7 actions?": every numbered one, the count as the asker remembers it
                       r"|(?:what|which)\s+(?:are|were)\s+(?:all\s+)?the\s+(?:" + _SOME + r")?" + _OWNER
                       + r"([a-z]+s)\s*[?.!]*$"
                       # "What are the G7 actions under Objective 2?": every numbered one there; not "the obligations of …"
                       r"|(?:what|which)\s+(?:are|were)\s+(?:all\s+)?the\s+(?:(?!of\b)[\w.-]+(?:['’]s?)?\s+){0,2}?"
                       r"([a-z]+s)\s+(?:in|under|within)\s+[^?.!]{1,60}?\s*[?.!]*$"
                       # "What are the operative paragraphs of resolution 80/16?": a resolution's kind, whichever text follows
                       r"|(?:what|which)\s+(?:are|were)\s+(?:all\s+)?the\s+((?:operative|preambular)\s+paragraphs)\b"
                       # "G7 Objective 1 actions", "objective 2 actions of the g7": a place's items, the place first
                       r"|(?:(?:please\s+)?(?:list|enumerate|name|give\s+me|show\s+me)\s+(?:all\s+)?(?:of\s+)?)?(?:the\s+)?"
                       r"(?:[\w.-]+\s+){0,2}?(?:objective|section|article|chapter|title|part)\s+[\w.]+\s+(" + _LISTED_PLURALS
                       + r")(?:\s+(?:of|in)\s+(?:the\s+)?[\w.'’-]+(?:\s+[\w.'’-]+){0,3})?\s*[?.!]*$"
                       # "Summarise each G7 action", "Go through all the ICC takeaways": every one, each quoted
                       r"|(?:summari[sz]e|explain|go\s+through|walk\s+(?:me|us)\s+through)\s+(?:each|every|all)\s+(?:of\s+)?"
                       r"(?:the\s+)?(?:[\w.'’-]+\s+){0,2}?(" + _LISTED_PLURALS + "|" + "|".join(sorted(references.LISTED))
                       + r")\b)", re.I)
# "Name one principle of the Paris Call", "Give me three examples of G7 actions", "What are two G7 actions?": that
# many of a list's items; with "the" ("What are the six takeaways?") the number is a count, the whole list asked
_SOME_ASK = re.compile(
    r"^\s*(?:(?:please\s+)?(?:list|name|give(?:\s+(?:me|us))?|show(?:\s+(?:me|us))?|quote|cite|tell\s+(?:me|us)"
    r"|(?:what|which)\s+(?:are|is|were|was))\s+)?(?P<n>\d{1,2}|" + NUMBER_PATTERN
    + r")\s+(?:more\s+)?"
    r"(?:(?:examples?|instances?)\s+of\s+)?(?:(?:of\s+)?(?:the|an?)\s+)?(?:(?!\d)[\w.'’-]+\s+){0,3}?(?P<noun>[a-z]+)"
    r"(?=\s+(?:of|in|under|from|for|by|on|to|with|that|which|the|does|do|did|aimed|set|listed)\b|\s*[?.!,:]|\s*$)", re.I)
_UNITS = frozenset("day days hour hours week weeks month months year years minute minutes character characters "
                   "percent per times time".split())


class Some(NamedTuple):
    """How many of which items a question asks for, and where it says the number."""

    count: int
    noun: str  # singular: "action"; "" when not said
    number: tuple[int, int]  # the number's span in the question


def some_asked(question: str) -> Some | None:
    """Return how many of which items a question asks for ("Name two G7 actions": 2 actions), or None."""
    m = _SOME_ASK.match(question)
    if m is None or m.group("noun").lower() in _UNITS:  # "What is 14 days …?" asks about a duration
        return None
    word, noun = m.group("n").lower(), references.singular(m.group("noun").lower())
    noun = "" if noun in ("example", "instance") else noun  # "two examples of NIS 2 measures": which items, unsaid
    return Some(int(word) if word.isdigit() else NUMBER_WORDS[word], noun, m.span("n"))


_AGENT_ASK = re.compile(r"^\s*(?:and\s+)?who\s+([a-z]+ed)\b", re.I)
# "Who can propose amendments?": "Amendments … may be proposed by any Party"
_MODAL_AGENT_ASK = re.compile(r"^\s*(?:and\s+)?who\s+(?:can|may|must|shall|should|could)\s+([a-z]{3,})\b", re.I)
# "Who should the Commission cooperate with?": the text saying "cooperate with …"
_PARTNER_ASK = re.compile(r"^\s*(?:and\s+)?(?:who|whom)\s+(?:\w+\s+){1,7}?([a-z]{4,})\s+with\s*\??\s*(?:when\b|$)", re.I)
# "When did …?", "By when must …?"; not "When writing the acts, what …?"
_DATE_ASK = re.compile(r"^\s*(?:and\s+)?(?:(?:by\s+)?when\s+(?:did|does|do|will|was|were|is|are|must|should|shall|can|could|"
                       r"would|has|have|had|may)|(?:what|which)\s+(?:(?:key|main)\s+)?(?:dates?|deadlines?)|by\s+what\s+(?:date|time))\b", re.I)
# "What deadlines does NIS 2 set?", "the key dates in …", "What's the deadline for applying critical updates?", "Is
# there a time limit for …?": only a text stating a date or a period answers; the words are the answer's shape, no
# topic (framing.py takes them out)
DATES_ASKED = re.compile(r"(?:(?<=\bwhat\s)|(?<=\bwhich\s))(?:(?:key|main)\s+)?(?:dates|deadlines?)\b"
                         r"|\b(?:key|main)\s+(?:dates|deadlines)\b|\b(?<=(?:the|any)\s)(?:deadlines?|time[\s-]limits?)\b"
                         r"|(?<=\ba\s)(?:deadline|time[\s-]limit)\b", re.I)
_MONTH = "(?:" + "|".join(MONTHS) + ")"
# "By 17 October 2024", "On 08 February", "in December 2020", "in 2019"; not a bare number
_DATE = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+(?:\d{{1,2}},?\s+)?\d{{4}}"
                   rf"|(?:in|by|since|until|before|after|from)\s+(?:19|20)\d\d)\b", re.I)
# "When is the next meeting?" asks about a future event: a text dating a past one does not answer it
_NEXT = re.compile(r"\b(?:next|upcoming|forthcoming)\b", re.I)
_FUTURE = re.compile(r"\b(?:next|upcoming|forthcoming|future|later|subsequent|will|shall)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "on the thirtieth day after …", "three months after the date …": a moment set relative to an event,
# "after the entry into force of this Convention", "at its eighty-first session"
_MOMENT = re.compile(r"\bon\s+the\s+\w+\s+day\b|\b(?:days?|weeks?|months?|years?)\s+(?:after|following|from)\b"
                     r"|\b(?:after|before|upon|until)\s+(?:the\s+)?(?:date\s+of\s+)?(?:entry\s+into\s+force|adoption|signature|"
                     r"ratification|receipt|deposit)\b|\b(?:at|of)\s+its\s+[\w-]+\s+session\b",
                     re.I)
_WHEN = re.compile(f"{_DATE.pattern}|{_MOMENT.pattern}", re.I)
# "How long must data be preserved?", "How long must providers keep it?", "For how long …", "How quickly must …?"; not
# "How long must a PIN be?" (a length)
_DURATION_ASK = re.compile(r"^\s*(?:and\s+)?(?:for\s+how\s+long|how\s+(?:quickly|soon)|within\s+(?:how\s+many|what)\b"
                           r"|how\s+long\b(?=.*\b(?:be\s+\w+ed|kept|last|lasts|take|takes|valid|remain|remains|stay|stays|"
                           r"(?:preserve|retain|store|keep|hold|maintain|wait)s?)\b))", re.I)
# "How long must a PIN be?" (not how long it lasts): a text that states a length ("at least 8 characters")
_LENGTH_ASK = re.compile(r"^\s*(?:and\s+)?how\s+long\b", re.I)
_LENGTH = re.compile(r"\blength\b|\b\d+\s+(?:characters|digits|letters)\b", re.I)
# "What must a request for preservation include?": the list a text introduces with "shall specify:"
_CONTENTS_ASK = re.compile(r"^\s*(?:and\s+)?what\b(?:\s+\w+){0,8}?\s+(?:must|should|shall|has\s+to|have\s+to|needs?\s+to|"
                           r"does|do)\b(?:\s+\w+){0,8}?\s+(?:be\s+)?(?:include|included|contain|contained|specify|specified)\b", re.I)
_CONTENTS = re.compile(r"\b(?:specify|include|contain|comprise|set\s+out)\s*:\s*$", re.I)
# "When must a request be answered quickly?", "In what circumstances …?", "On what grounds can it refuse?":
# the conditions a text lists ("refuse assistance if:")
_CONDITION_ASK = re.compile(r"^\s*(?:and\s+)?(?:when\s+(?!did\b|was\b|were\b|had\b)|in\s+what\s+(?:cases|circumstances)|"
                            r"under\s+what\s+(?:conditions|circumstances)|(?:on|for)\s+what\s+(?:grounds|reasons?|basis)\b)", re.I)
# the conditions a text lists ("where:"), or the moment it names ("as soon as circumstances so permit")
_CONDITIONS = re.compile(r"\b(?:if|where|when|unless)\s*:\s*$|\bas\s+soon\s+as\b", re.I)
# "Where can I find more advice on BYOD?": the text that points to further guidance
_FURTHER_ASK = re.compile(r"^\s*(?:and\s+)?where\s+(?:can|could|do|should|might)\s+(?:i|we|you|one)\s+"
                          r"(?:find|get|read|look|learn)\b", re.I)
_FURTHER = re.compile(r"\bfor\s+(?:further|more)\s+(?:information|advice|guidance|details)\b|\bplease\s+see\b", re.I)
# "What does the G7 want SMEs to do?", "… ask businesses to do?": where the text urges them to act
_URGED_ASK = re.compile(r"^\s*(?:and\s+)?(?:in\s+a\s+nutshell,?\s+|so,?\s+|briefly,?\s+)?what\s+(?:does|do|did|would|will)\s+.+?\s+"
                        r"(?:want|wants|ask|asks|expect|expects|encourage|encourages|urge|urges|call\s+on|invite|invites|"
                        r"request|requests|advise|advises|recommend|recommends)\s+(?P<who>.+?)\s+to\s+do\b"
                        # "What does the G7 recommend for SMEs?", "What should SMEs do according to the G7?"
                        r"|^\s*(?:and\s+)?what\s+(?:does|do|did)\s+.+?\s+(?:recommend|advise|suggest)\s+(?:for|to)\s+(?P<for>.+?)\s*[?.!]*$"
                        r"|^\s*(?:and\s+)?what\s+(?:should|must|ought)\s+(?P<should>.+?)\s+(?:to\s+)?do\s+(?:according\s+to|under|in)\b",
                        re.I)
# the urged come as the verb's object, a few words on at most ("encourage and support consumers"); "Encourage the
# international community through collaboration between business …" urges the international community
_URGING = r"\b(?:encourag|urg|invit|ask|request|call(?:s|ed|ing)?\s+(?:on|upon))\w*\s+(?:[\w'’-]+,?\s+){0,3}?"
# "Which devices does malware protection apply to?": the line a control opens with ("Applies to: Servers, …")
_APPLIES_ASK = re.compile(r"^\s*(?:and\s+)?(?:which|what)\b.*\bappl(?:y|ies)\s+to\s*\??\s*$", re.I)
_APPLIES = re.compile(r"^\s*applies\s+to\s*:", re.I)
# "Can a Party opt out of …?" is answered by the reservation a text allows ("may reserve the right not to apply")
_EXEMPT_ASK = re.compile(r"\b(?:opt(?:s|ed|ing)?[\s-]+out|exempt(?:ed|ion|ions)?|choose\s+not\s+to|decline\s+to)\b"
                         r"|^\s*(?:and\s+)?(?:can|may|could)\s+(?:an?\s+|the\s+|each\s+)?\w+\s+(?:limit|restrict|narrow)\b", re.I)
_EXEMPT = re.compile(r"\breserve\s+the\s+right\b|\breservations?\b|\bexempt", re.I)
# "What is the point of secure configuration?", "What is user access control meant to achieve?": what a text
# states as its aim, under a heading of that name ("D.4 User access control > Aim")
_PURPOSE_ASK = re.compile(r"^\s*(?:and\s+)?(?:what(?:['’]s|\s+(?:is|are|was|were))\s+"
                          r"(?:the\s+(?:point|purpose|aims?|goals?|objectives?)\s+(?:of|behind)\b"
                          r"|(?:its|their)\s+(?:main\s+)?(?:point|purpose|aims?|goals?|objectives?)\s*[?.!]*\s*$"
                          r"|.{1,80}?\b(?:meant|intended|supposed|designed)\s+to\s+"
                          r"(?:achieve|accomplish)\b)"
                          # "Why does Cyber Essentials require firewalls?", "Why?": what the requirement is for, its Aim;
                          # not "Why do we need MFA?", which the passages on MFA answer
                          r"|why\s+(?:does|do|did|would|should)\s+.{1,80}?\b(?:require|recommend|mandate|insist\s+on)s?\b"
                          r"|why\s*(?:[?.!]+|$))", re.I)
# "What is the UN resolution about?", "Summarise the Budapest Convention": what a whole text is about
_GIST_ASK = re.compile(r"^\s*summari[sz]e\b|^\s*what(?:['’]s|\s+is|\s+are)\b.{1,80}\babout\s*[?.!]*\s*$"
                       r"|\b(?:main|key)\s+(?:points|ideas|themes|messages)\b|\b(?:gist|overview|synopsis)\b", re.I)
# "What is the Paris Call?" once the name is off: what the text is, which its full title and opening say
_BARE_NAME = re.compile(r"^\s*(?:and\s+)?(?:what(?:['’]s|\s+is|\s+are|\s+was)|(?:tell\s+me\s+)?about|explain)\s+(?:the\s+)?[\s?.!]*$",
                        re.I)  # "Tell me about the Paris Call." arrives as "About the Paris Call."
PURPOSE_WORDS = "point purpose aim aims goal goals objective objectives achieve accomplish"
# a text stating what it is for, of itself ("the present Convention is necessary to deter …", "This Directive aims
# to …", "The purpose of this Framework is …"): what "What is the purpose of the Budapest Convention?" asks
_SELF = (r"(?:this|the\s+present)\s+(?:Convention|Treaty|Agreement|Protocol|Charter|Call|Declaration|Directive|Regulation|"
         r"Resolution|Framework|Strategy|Guide|document|text)")
_OWN_PURPOSE = re.compile(rf"\b{_SELF}\s+(?:is\s+(?:\w+\s+)?(?:necessary|intended|designed|meant)\s+to|aims?\s+(?:to|at)|"
                          rf"seeks?\s+to|is\s+aimed\s+at)\b|\bthe\s+(?:aim|purpose|objective|goal)s?\s+of\s+{_SELF}\s+(?:is|are)\b", re.I)
PURPOSE_HEADINGS = frozenset("aim aims purpose purposes objective objectives goal goals".split())
# "What CVSS score …?", "Up to what age …?" ask for a value as "how many" does
_QUANTITY_ASK = re.compile(r"\bhow (?:many|much|(?P<long>long)|(?P<often>quickly|soon|often|frequently|regularly))\b|\bwhat (?:\w+ )?"
                           r"(?P<measure>number|percentage|share|amount|score|age|length|size|threshold|minimum|maximum)\b", re.I)
# "How long has it been used?": "the period of service"
_PERIOD = re.compile(r"\b(?:period|duration)s?\b", re.I)
# "How often must it be updated?": "in line with vendor recommendations" sets the pace without a number, as
# "change passwords promptly if you … suspect" does
_CADENCE = re.compile(r"\b(?:in line with|in accordance with|as soon as|whenever|as needed|as required|promptly|"
                      r"immediately|without (?:undue )?delay|regularly|periodically|continuously|annually|yearly)\b", re.I)
_NUMBER_WORDS = ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
                 "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion")
# "ninety days", "within 14 days", "72 hours"
_DURATION = re.compile(rf"\b(?:\d+|one|{_NUMBER_WORDS})[\s-]+(?:calendar\s+|working\s+|business\s+)?"
                       rf"(?:second|minute|hour|day|week|month|year)s?\b", re.I)
# a digit inside a name ("G7", "5G", "v3") counts nothing; "how often" is answered by "consult periodically"
_NUMBER = re.compile(rf"(?<![A-Za-z\d])\d+(?![A-Za-z\d])|\b(?:one(?! another)|{_NUMBER_WORDS}"
                     r"|periodically|regularly|annually|yearly|monthly|weekly|daily)\b", re.I)
# "Article 4, paragraph 2" names a place: its numbers count nothing
_PLACE_NUMBERS = re.compile(
    r"\b(?:articles?|paragraphs?|points?|sections?|chapters?|annex(?:es)?|resolutions?|decisions?)\s+\d+[\w()/.]*"
    r"(?:\s*(?:,?\s*(?:and|or|to)|,)\s*\d+[\w()/.]*)*", re.I)


@cache
def _stems(word: str) -> tuple[str, ...]:
    """Return the index terms of a word (the sparse index, and bm25s with it, loads only when a question is asked)."""
    from assistant.sparse import tokenize

    return tuple(tokenize(word))


def numbered(question: str) -> re.Pattern[str] | None:
    """Return the pattern of a numbered answer to a "which X" question ("agenda item 94"), if it asks for one."""
    asked = _NUMBERED_ASK.search(question)
    stems = _stems(asked.group(1)) if asked else ()
    if not stems or stems[0] in _stems(" ".join(_STRUCTURAL)):
        return None
    stem = re.escape(stems[0])
    # "agenda item 94", "resolution 75/240", "document A/80/257"; not "session in 2021"
    number = rf"\b{stem}\w*\s+(?:(?!{_LINKS}\b)[a-z]+\s+)?(?:[a-z]{{1,3}}/)?\d"
    if not _NAME_ASK.match(question) or asked.group(1).lower().endswith("s"):
        return re.compile(number, re.I)
    # or a proper name ending in the noun asked for: "Which committee …?" is answered by "the First Committee";
    # not "Which states …?", a class that "Contracting States" does not answer
    name = rf"(?-i:\b(?!{_ARTICLES}\b)[A-Z][\w-]+\s+{stem[:1].upper()}){stem[1:]}\w*"
    return re.compile(rf"{number}|{name}", re.I)


def agent(question: str) -> re.Pattern[str] | None:
    """Return the pattern of the answer to "who <did> …?" ("Who chaired it?" → "chaired by"; "Who can propose …?" →
    "proposed by"), if it asks one."""
    asked = _AGENT_ASK.match(question)
    if asked:
        verb = asked.group(1).lower()
    elif modal := _MODAL_AGENT_ASK.match(question):
        base = modal.group(1).lower()
        verb = base + ("d" if base.endswith("e") else "ed")
    else:
        return None
    # "Who led it?" is answered by "chaired by": the texts' own word for the act
    verbs = [verb, *(f for f, forms in EVERYDAY.items() if verb in forms and f.isalpha())]
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, verbs))})\s+by\b", re.I)


def partner(question: str) -> re.Pattern[str] | None:
    """Return the pattern of the answer to "who does X <verb> with?" ("cooperate with the Cooperation Group")."""
    asked = _PARTNER_ASK.match(question)
    stem = _stems(asked.group(1))[:1] if asked else ()
    return re.compile(rf"\b{re.escape(stem[0])}\w*\s+with\b", re.I) if stem else None


def dated(question: str) -> re.Pattern[str] | None:
    """Return the pattern of a date or a moment set relative to an event, if the question asks when or by when."""
    return _WHEN if _DATE_ASK.match(question) else None


def lasting(question: str) -> re.Pattern[str] | None:
    """Return the pattern of a duration ("ninety days"), if the question asks for how long, how quickly or by when."""
    return _DURATION if _DURATION_ASK.match(question) or DATES_ASKED.search(question) else None


def measured(question: str) -> re.Pattern[str] | None:
    """Return the pattern of a length ("at least 8 characters"), if the question asks how long a thing must be."""
    return _LENGTH if _LENGTH_ASK.match(question) and not _DURATION_ASK.match(question) else None


def listed(question: str) -> re.Pattern[str] | None:
    """Return the pattern of a list's introduction (or of a moment), if the question asks what something must contain or when."""
    if _CONTENTS_ASK.match(question):
        return _CONTENTS
    return _CONDITIONS if _CONDITION_ASK.match(question) else None


def further(question: str) -> re.Pattern[str] | None:
    """Return the pattern of a pointer to further guidance, if the question asks where to find more."""
    return _FURTHER if _FURTHER_ASK.match(question) else None


def urged(question: str) -> re.Pattern[str] | None:
    """Return the pattern of a text urging whom the question names to act ("encourage companies, notably SMEs, … to
    improve"), if it asks what a text wants them to do; whom, as the texts' addressees are read (businesses: companies)."""
    from assistant.ingest.classify import ADDRESSEES

    if not (asked := _URGED_ASK.match(question)):
        return None
    who = asked["who"] or asked["for"] or asked["should"]
    if not (groups := [p.pattern for p in ADDRESSEES.values() if p.search(who)]):
        return None
    return re.compile(rf"{_URGING}(?:{'|'.join(groups)})[^.;:]{{0,80}}?\bto\s+(?!the\b|an?\b)[a-z]", re.I)


def applying(question: str) -> re.Pattern[str] | None:
    """Return the pattern of a statement of what a control applies to, if the question asks which things it covers."""
    return _APPLIES if _APPLIES_ASK.match(question) else None


def states_date(text: str) -> bool:
    """Return True when text states a calendar date or a year ("26 September 2017", "Paris, … 2018")."""
    return bool(_DATE.search(text) or _YEAR.search(text))


def purposive(question: str) -> bool:
    """Return True when the question asks what something is for ("What is the point of …?")."""
    return bool(_PURPOSE_ASK.match(question))


def gist(question: str) -> bool:
    """Return True when a question asks what a text is about as a whole ("Summarise the UN resolution.")."""
    return bool(_GIST_ASK.search(question))


def bare_name(bare: str) -> bool:
    """Return True when a question, its text's name taken off, asks only what the text is ("What is the  ?")."""
    return bool(_BARE_NAME.match(bare))


def states_own_purpose(text: str) -> bool:
    """Return True when a provision says what its own text is for ("the present Convention is necessary to …")."""
    return bool(_OWN_PURPOSE.search(text))


def states_aim(headings: list[str]) -> bool:
    """Return True when a provision sits under a heading naming an aim ("Aim", "Purpose", "Objectives")."""
    return bool(headings) and headings[-1].strip().lower() in PURPOSE_HEADINGS


def exempting(question: str) -> re.Pattern[str] | None:
    """Return the pattern of a reservation or exemption, if the question asks whether one may opt out."""
    return _EXEMPT if _EXEMPT_ASK.search(question) else None


def answers(question: str) -> list[re.Pattern[str]]:
    """Return the patterns of text that answers the question's shape (none for most questions)."""
    found = (numbered(question), agent(question), partner(question), dated(question), lasting(question),
             measured(question), listed(question), defined(question), further(question), applying(question),
             exempting(question), urged(question))
    return [p for p in found if p is not None]


def unquantified(question: str, text: str) -> bool:
    """Return True when the question asks how many, how long or how often and the text states no quantity.

    A rule that sets the pace ("in line with vendor recommendations") answers how often, a period ("the
    period of service") how long, and a text that speaks of the measure asked for ("businesses of all
    sizes") "of what size".
    """
    asked = _QUANTITY_ASK.search(question)
    if not asked or _NUMBER.search(_PLACE_NUMBERS.sub(" ", text)):
        return False
    if (asked["often"] and _CADENCE.search(text)) or (asked["long"] and _PERIOD.search(text)):
        return False
    measure = asked["measure"]
    return not (measure and re.search(rf"\b{re.escape(measure.lower())}s?\b", text, re.I))


def unscheduled(question: str, text: str) -> bool:
    """Return True when the question asks when the next one happens, or for a deadline, and the text states none.

    "When will the next edition take place?" is not answered by "On 08 February ICC convened … the third edition",
    nor "What deadline did the G7 set for reporting breaches?" by a text on breaches that sets no date.
    """
    if DATES_ASKED.search(question):  # "within 14 days" sets a deadline as a date does
        return not (_WHEN.search(text) or _DURATION.search(text))
    return bool(_DATE_ASK.match(question) and _NEXT.search(question) and not (_FUTURE.search(text) or _MOMENT.search(text)))


def counted(question: str, listing: bool = False) -> str | None:
    """Return the singular noun a "how many X" question counts ("How many actions …?" → "action"), if any.

    listing: the noun a request to list them all names instead ("List the ICC's opportunities …").
    """
    if not listing and (kind := _COUNT_KIND.match(question)):
        return references.singular(kind.group(1).lower())
    asked = _LIST_ASK.match(question) if listing else _COUNT_ASK.match(question) or _COUNT_CLAIM.match(question)
    if not asked:
        return None
    return references.singular(next(g for g in asked.groups() if g).lower())


# "Which texts talk about supply chains?", "Do any of the documents mention SMEs?": the answer names each text that does
_WHICH_HEAD = r"(?:which|what)\s+(?:of\s+(?:the|these|your)\s+)?(?:texts|documents|sources|instruments)"
_WHICH_TEXTS = re.compile(
    r"^\s*(?:" + _WHICH_HEAD + r"\b"
    r"|(?:do|does|did)\s+any\s+(?:of\s+(?:the|these|your)\s+)?(?:texts|documents|sources)\b"
    r"|in\s+which\s+(?:texts|documents)\b"
    # "What do the texts say about information sharing?": what each says, not the one best passage
    r"|(?:what|how)\s+do\s+(?:the|these|your|all(?:\s+(?:of\s+)?the)?)\s+(?:texts|documents|sources)\s+"
    r"(?:say|state|provide|recommend|require|contain|cover|address|treat|handle)\b"
    # "Do the texts agree on information sharing?", "How do the texts differ on MFA?": what each says, side by side
    r"|(?:(?:how|where)\s+)?(?:do|does)\s+(?:the|these|your|all(?:\s+(?:of\s+)?the)?)\s+(?:texts|documents|sources)\s+"
    r"(?:(?:dis)?agree|differ|align|converge|diverge|compare)\s+(?:on|about|over|in)\b"
    # "Is there anything in your documents about supply chains?", "Is there anything about ransomware in the corpus?"
    r"|(?:is|are)\s+there\s+(?:anything|something|any\b).*?\b(?:in|across)\s+(?:the|these|your|any\s+of\s+the)\s+"
    r"(?:texts|documents|sources|corpus)\b)", re.I)


def which_texts(question: str) -> bool:
    """Return True when a question asks which of the texts speak of a topic, not what one of them says."""
    return bool(_WHICH_TEXTS.search(question))


_WHICH_VERB = re.compile(r"^\s*" + _WHICH_HEAD + r"\s+(?:also\s+)?([a-z]+)\b", re.I)


def which_verb(question: str) -> str:
    """Return the verb of "Which documents discuss encryption?" ("discuss"): how a text is asked to speak, no topic."""
    match = _WHICH_VERB.match(question)
    return match.group(1) if match else ""
