"""How a question frames what it asks: the words that say how it asks, weighed as no topic of their own.

"Do entities need to manage assets?" asks about managing assets, "Is an SMS code good enough?" whether
one suffices, "What does Article 6 require?" what the article says, "the six ICC takeaways" about the
takeaways: the framing words ("need", "good", "require", "six") still weigh, but as little as "role"
does, so that the topic leads retrieval.
"""

from __future__ import annotations

import re

from assistant import contents, defining, references, shapes, wording
from assistant.sparse import tokenize

# "plan to meet again": meeting; "What does the Paris Call ask about X?" asks what it says about X
# "What does the G7 ask businesses to do?" asks what businesses should do; "ask a Party to preserve data" is a request
_ASKED_TO_DO = (r"\b(ask(?:s|ed)?|urg(?:e|es|ed)|call(?:s|ed)?\s+(?:up)?on|wants?|wanted|expect(?:s|ed)?|would\s+like)"
                r"\s+(?:[\w'-]+\s+){1,4}?to\s+do\b")
# "What does the G7 ask of companies?", "What does the ICC expect of governments?", "What does it want from SMEs?": what
# the text says those should do; not "what our stakeholders expect from us", a topic
_ASKED_OF = r"^\s*what\s+(?:does|do|did)\s+(?:[\w'’.-]+\s+){0,6}?(ask|expect|want|demand)\s+(?:of|from)\b"
# "Do I need antivirus on my phone?", "Is it OK to use the same password everywhere?": whether it is called for or
# allowed, which the texts say in "must" and "should"
_NEED_TO = re.compile(r"\b(needs?|plans?|planned|planning)\s+to\b|\b(ask(?:s|ed)?)\s+about\b|" + _ASKED_TO_DO + "|" + _ASKED_OF
                      + r"|^\s*(?:and\s+)?(?:do|does|did|will|would)\s+(?:i|we|you|they|it|an?\s+\w+|the\s+\w+|\w+s)\s+(need)\s+(?!to\b)"
                      + r"|^\s*(?:and\s+)?is\s+it\s+(ok|okay|fine|alright|acceptable|safe)\s+(?:for\s+\w+\s+)?to\b", re.I)
# "What are governments expected to do?" asks what they should do; "Do student devices fall in scope?" whether
# they are in scope; "What does NIS 2 let us require?" what it allows
_FRAME_VERB = re.compile(r"\b(?:expected|supposed)(?=\s+to\b)|\b(?:fall|falls|falling|fell)(?=\s+(?:with)?in(?:to)?\b)"
                         r"|\blets?(?=\s+(?:us|me|them|you|him|her|it|a|an|the|each|any)\s+\w)"
                         r"|\b(?:see|sees|saw|seen)(?=\s+as\b)"  # "What does the ICC see as opportunities?": its view
                         r"|\b(?:belong|belongs|belonged)(?=\s+to\b)"  # "Which function does ID.AM belong to?": where it sits
                         # "the minimum we must do", "the minimum requirements": all it asks, not a minimum it sets
                         r"|\b(?:bare|absolute)\s+minimum\b|\bminimum(?=\s+(?:requirements?|standards?|controls?|needed|necessary"
                         r"|required|(?:we|i|you|they|one|an?\s+\w+|\w+s)\s+(?:need|needs|must|have|has|should)\b))"
                         r"|\b(?:offer|offers|offered)(?=\s*[?.!]*\s*$)", re.I)  # "What … does the ICC offer?": what it says
# "What lessons did the ICC draw?", "What conclusions did it reach?", "What recommendations does the ICC make?": the
# verb says only that the text gives the things asked for, which are the topic
_PRODUCED = re.compile(r"^\s*(?:what|which)\s+(?:[\w'’-]+\s+){1,3}?(?:does|do|did|has|have|had)\s+(?:[\w'’.-]+\s+){1,6}?"
                       r"((?:draw|draws|drew|drawn|reach|reached|make|made|give|gave|given|learn|learned|learnt|propose|"
                       r"proposed|present|presented|outline|outlined|put\s+forward|come\s+to|came\s+to|arrive\s+at|"
                       r"arrived\s+at))\s*[?.!]*\s*$", re.I)
# "What does Article 6 require?", "What does Objective 1 ask for?" ask what it says: the verb is how it speaks
# of those, the verbs of rules; "What does Objective 1 ask for?" asks for its actions, which "ask" still finds
_RULE_VERBS = r"(?:require|demand|stipulate|prescribe|mandate)[sd]?|sets?(?:\s+out)?|lays?\s+down|establish(?:es)?"
_DEMANDS = re.compile(r"^\s*(?:explain\s+)?what\s+(?:exactly\s+|else\s+)?(?:(?:does|do|did)\s+)?(?:\S+\s+){1,8}?"
                      rf"({_RULE_VERBS}|expect[sd]?|asks?\s+for|calls?\s+for)\s*[?.!]*\s*$", re.I)
_REQUIRES = re.compile(_RULE_VERBS, re.I)
_EXAMPLES = re.compile(rf"\b(?:(an?|some|a\s+few|several|\d{{1,2}}|{wording.NUMBER_PATTERN})\s+(?:more\s+)?)?(?:examples?|instances?)\s+of\b",
                       re.I)
_NAME_SOME = re.compile(rf"^\s*(?:please\s+)?name\s+(?:me\s+)?(?=(?:an?|some|a\s+few|several|any|\d{{1,2}}|{wording.NUMBER_PATTERN})\s)", re.I)
# "What does Objective 2 action 1 mean for a small firm?": the place asked about, read for the asker's kind of reader
_MEANS_FOR = re.compile(r"\b(?:mean|means|meant|imply|implies|entail|entails)\s+for\s+((?:[\w'’-]+\s*){1,4}?)\s*[?.!]*\s*$", re.I)
# "Is an SMS code good enough?": whether it suffices; "Is antivirus enough?": antivirus is the topic, not a degree
_ENOUGH = re.compile(r"\b(good|strong|long|short|secure|safe|big|large|small|fast|quick|quickly|often|frequent|frequently|"
                     r"robust|adequate|sufficient|complex|high|low|recent|early|well|far|close|clear|specific|detailed)\s+enough\b",
                     re.I)
# "Is cybercrime purely a matter for governments?" asks whose concern it is: the topic is cybercrime and governments
_MATTER_OF = re.compile(r"\b(?:a|an|the)\s+(?:[a-z]+\s+)?(matter|question)\s+(?:for|of)\b", re.I)
# "the six ICC takeaways", "all 5 opportunities": how many places there are, little of what they are about,
# and nothing where the texts never write the number ("under five technical controls:" may)
_COUNTED = re.compile(r"(?:\b(?:the|all|its|their|these|those)|['’]s)\s+(" + wording.NUMBER_PATTERN
                      + r"|\d{1,2})\s+(?:[\w'’-]+\s+){0,2}?(?:" + references.KIND_PLURALS
                      + r"|controls|functions|categories|measures|items|steps|pillars|priorities|elements)\b", re.I)
# "Can a state withdraw from the Convention?": leaving the text itself, which a treaty calls denouncing it; its
# "withdraw" is of a reservation or a declaration (Budapest Articles 38, 43)
_LEAVING_TEXT = re.compile(r"\bwithdr(?:aw|aws|awing|awn|ew)\s+from\s+(?=(?:(?:the|this)\s+)?(?:(?:[\w-]+\s+){0,3}?(?:convention|"
                           r"treaty|agreement|protocol)\b|(?:later|now|again)?\s*[?.!]*\s*$)|it\b)", re.I)
# "the relationship between cybersecurity and trade", "the G7's position on value chains": how a text holds the
# topic, which its words need not say
_RELATION = r"(?:relationships?|relations?|links?|connections?|interplay)\s+between"
# "the G7 and ICC approaches to cooperation", "NIST's approach to supply chain risk": how each holds the topic
_STANCE = re.compile(rf"\b({_RELATION})\b|(?:['’]s|\b(?:its|their|the|and)|(?-i:\b[A-Z][\w.-]*))\s+"
                     r"(positions?|stances?|views?|standpoint|opinions?|attitude|approach(?:es)?)\s+"
                     r"(?:on|about|towards?|regarding|concerning|to)\b", re.I)
# "Who should be responsible for cybersecurity in my company?": where the asker works, no topic of the question's
# the asker's kind of firm, which the texts call otherwise ("the organization", "entities", "SMEs")
_FIRM = r"business(?:es)?|compan(?:y|ies)|firms?|shops?|start-?ups?"
_OWN_PLACE = re.compile(r"\b(?:in|at|for|within|across|inside|throughout)\s+(?:my|our)\s+(?:own\s+|small\s+)?"
                        rf"({_FIRM}|organi[sz]ations?|office|workplace|team|enterprise)\b", re.I)
# "Which text should I read to learn about incident response?": which text speaks of it
_READ_TO_LEARN = re.compile(r"^\s*(?:which|what)\s+(?:texts?|documents?|sources?|ones?)\s+(?:should|do|can|must|could|would)\s+"
                            r"(?:i|we|you|one)\s+(read|consult|use|look\s+at|check)(?:\s+(?:first\s+)?to\s+(learn|find\s+out|"
                            r"know|understand)(?:\s+more)?)?\b", re.I)
# "What does the acronym CVSS mean?": what the letters stand for, which a text spells out without the word
_ACRONYM = re.compile(r"\b(?:the|this|that)\s+(acronyms?|abbreviations?|initialisms?)\b", re.I)
# "Are there any obligations on consumers?", "What obligations do service providers have?": a provision that
# obliges someone else does not answer
_BEARER = re.compile(r"\b(?:(?:obligations?|duties|duty)\s+(?:on|upon|of|for)|responsibilit(?:y|ies)\s+(?:on|upon|of))\s+"
                     r"(?:the\s+)?(?!\w+ing\b)(?P<who>[\w'’ -]+?)"
                     r"(?=\s+(?:in|under|according|by|from|within|across|if|when)\b|\s*[?.!,]|$)"
                     r"|\b(?:obligations|duties|responsibilities)\s+do\s+(?P<they>[\w'’ -]+?)\s+have\b"
                     r"|\b(?:obligations|duties|requirements)\s+(?:does|do|did)\s+[\w'’ -]+?\s+(?:impose|place|put)\s+(?:up)?on\s+"
                     r"(?:the\s+)?(?P<imposed>[\w'’ -]+?)(?=\s*[?.!,]|$)", re.I)
# "What duties does the Convention impose?", "What obligations does NIS 2 place on Member States?": "impose" and
# "place" say only that it obliges
_IMPOSING = re.compile(r"\b(?:obligations?|duties|duty|requirements?)\b[^?]*?\b(imposes?|imposed|places?|placed|puts?)"
                       r"(?=\s+(?:up)?on\b|\s*[?.!]*\s*$)", re.I)
# "the relationship between cybersecurity and trade": the two things, which a provision that answers puts together
_BETWEEN = re.compile(rf"\b{_RELATION}\s+(?P<a>[\w' -]+?)\s+and\s+"
                      r"(?P<b>[\w' -]+?)(?=\s+(?:according|in|under|for|as|within)\b|\s*[?.!,]|$)", re.I)
_DEFINING = re.compile(r"\b(?:define|defines|defined|definition)\b", re.I)
# "How should a small business respond to an incident according to NIST?", "Under NIS 2, must a company look at …?":
# who acts is the asker's kind, which the text may call otherwise ("the organization"); what they should do is the topic
_ACTOR = re.compile(r"^\s*(?:and\s+)?(?:(?:under|according\s+to|in)\s+[^,?]{1,40},\s+)?"
                    r"(?:(?:how|what)\s+(?:should|must|can|could|would|do|does)|should|must|need)\s+(?:an?\s+|the\s+|my\s+|our\s+)?"
                    rf"((?:small(?:er)?\s+|medium-sized\s+|local\s+)?(?:{_FIRM})"
                    r"|SMEs?|small\s+and\s+medium(?:-sized)?\s+(?:enterprises|businesses|companies))"
                    r"\s+(?!(?:say|says)\b)[a-z]+", re.I)
# "Is the ICC in favour of a treaty?", "Does it support a new treaty?": a stance asked, which the text takes in its own
# words ("should not be a priority"); what it is taken on is the topic
_FOR_AGAINST = re.compile(r"^\s*(?:and\s+)?(?:is|are|was|were|does|do|did)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,3}?"
                          r"(?:in\s+(favou?r)\s+of|(against)|(opposed)\s+to|(oppose|support|favou?r|endorse|back))\b", re.I)
# "Is hacking a crime under the Budapest Convention?", "… counts as a crime": whether it is made an offence, which
# the Convention says as "establish as criminal offences"; the act is the topic
_OFFENCE = re.compile(r"(?:^\s*(?:and\s+)?(?:is|are|was|were)\s+(?:[\w'’-]+\s+){1,5}?|\b(?:counts?\s+as|considered)\s+)"
                      r"(?:an?\s+)?(?:(crimes?|illegal|unlawful|criminali[sz]ed|outlawed)|(criminal)\s+offen[cs]es?)\b"
                      r"(?=\s*(?:under|in|according|to|[?.!,]|$))", re.I)
# "Does the Budapest Convention criminalise hacking?", "What do Articles 2 and 3 criminalise?": what it makes an
# offence, which the Convention says as "establish as criminal offences"; the act, or the place, is the topic.
# Not the gerund: "opt out of criminalising attempts" asks about the criminalising
_CRIMINALISE_AT = re.compile(r"\b(criminali[sz](?:e|es|ed)|outlaws?|outlawed)\b", re.I)
_CRIMINALISES = re.compile(_CRIMINALISE_AT.pattern + r"(?=\s+(?!(?:under|in|by|according|as|to)\b)(?:the\s+|an?\s+|any\s+)?[a-z])",
                           re.I)
# "How should SMEs approach cybersecurity?", "How do States tackle attribution?": the verb says only that one acts on
# the topic, which is what the texts speak of
_HANDLE = re.compile(r"^\s*(?:and\s+)?how\s+(?:should|must|can|could|would|do|does|might|ought\s+to)\s+(?:[\w'’.-]+\s+){1,5}?"
                     r"(approach|tackle|handle|go\s+about|think\s+about)(?=\s+(?:the\s+|their\s+|its\s+)?[a-z])", re.I)
_HOW_MEASURE = re.compile(r"\bhow\s+(long|big|large|old|far|strong)\b", re.I)  # the measure asked, not a topic


def asked(text: str) -> str:
    """Return a question without the words that only frame it ("expected to", "What language can I borrow …")."""
    # "What does Article 21 require?" asks what it says: "require" is no topic, and the texts' "requirements"
    # and "may require" would lead the article's own opening
    if (m := _DEMANDS.search(text)) and _REQUIRES.fullmatch(m.group(1)):
        text = text[:m.start(1)] + text[m.end(1):]
    if m := _IMPOSING.search(text):  # "What duties does it impose?": Article 10's "not to impose" is no answer
        text = text[:m.start(1)] + text[m.end(1):]
    # "Name two G7 actions": the actions; "Give me three examples of the measures": the measures. The number,
    # "examples" and "name" are no topic
    text = shapes.DATES_ASKED.sub(" ", _NAME_SOME.sub("", text))  # "What deadlines …?": a date asked, no topic
    if some := shapes.some_asked(text):
        text = text[:some.number[0]] + text[some.number[1]:]
    for pattern in (_PRODUCED, _HANDLE):
        if m := pattern.match(text):
            text = text[:m.start(1)] + text[m.end(1):]
    if defining.asked_term(text):  # "How does the ICC define cybersecurity?": what it says cybersecurity is
        text = _DEFINING.sub(" ", text)
    return wording.undrafted(_FRAME_VERB.sub(" ", _EXAMPLES.sub(" ", text)))


def leaving(text: str) -> str:
    """Return a question with "withdraw from" the text itself in a treaty's word for it ("denounce")."""
    return _LEAVING_TEXT.sub("denounce ", text)


def bearer(text: str) -> str:
    """Return whom a question asks the obligations of ("obligations on consumers": consumers), or ""."""
    found = _BEARER.search(text)
    return (found["who"] or found["they"] or found["imposed"] or "") if found else ""


def paired(text: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """Return the terms of the two things a question asks the relationship between ("cybersecur", "trade"), or None."""
    found = _BETWEEN.search(text)
    return (frozenset(tokenize(found["a"])), frozenset(tokenize(found["b"]))) if found else None


def examples_wanted(text: str) -> int | None:
    """Return how many items a question asks for ("three examples of …", "Name two G7 actions", "an example"), else None."""
    if some := shapes.some_asked(text):
        return some.count
    m = _EXAMPLES.search(text)
    if m is None or m.group(1) is None:
        return None
    word = m.group(1).lower()
    return 1 if word in ("a", "an", "one") else int(word) if word.isdigit() else wording.NUMBER_WORDS.get(word)


def counted(text: str) -> set[str]:
    """Return the terms of the counts a question puts before places ("the six takeaways": "six")."""
    return set(tokenize(" ".join(m.group(1) for m in _COUNTED.finditer(text))))


def framing_terms(text: str) -> set[str]:
    """Return the terms that frame a question rather than name its topic ("need to", "good enough", "mandatory").

    The counts before places ("the six takeaways") frame it too: counted() gives them apart, as the caller also
    needs them alone.
    """
    found: set[str] = set()
    # "Do entities need to manage assets?" asks about managing assets; "Is hacking a crime?" about hacking; "Does the
    # ICC support …?" about what it supports
    for m in [*_NEED_TO.finditer(text), *_OFFENCE.finditer(text), *_FOR_AGAINST.finditer(text)]:
        found |= set(tokenize(next(g for g in m.groups() if g)))
    # "Is an SMS code good enough?": whether it suffices
    for m in [*_ENOUGH.finditer(text), *_MATTER_OF.finditer(text), *_DEMANDS.finditer(text), *_ACTOR.finditer(text),
              *_IMPOSING.finditer(text), *_OWN_PLACE.finditer(text), *_ACRONYM.finditer(text)]:
        found |= set(tokenize(m.group(1)))
    for m in _READ_TO_LEARN.finditer(text):
        found |= set(tokenize(" ".join(g for g in m.groups() if g)))
    for m in _STANCE.finditer(text):  # "the ICC's view on MLATs" asks what it says of MLATs
        found |= set(tokenize(m.group(1) or m.group(2)))
    if (m := _MEANS_FOR.search(text)) and references.specific(references.parse(text)):
        found |= set(tokenize(m.group(1)))
    # the place is parsed only when the verb is there: this runs for every question
    if (m := _CRIMINALISES.search(text)) or (
            (m := _CRIMINALISE_AT.search(text)) and references.specific(references.parse(text))):
        found |= set(tokenize(m.group(1)))
    if not shapes.lasting(text):  # "How long must a PIN be?" asks a length; how long data is kept stays a topic
        found |= set(tokenize(" ".join(m.group(1) for m in _HOW_MEASURE.finditer(text))))
    for m in [*wording.BINDING.finditer(text), *wording.SUBSTITUTE.finditer(text)]:  # "Is MFA mandatory?"
        found |= set(tokenize(m.group(0)))
    for m in wording.NEGATION.finditer(text):  # "no longer supported": the topic is support, not length
        found |= set(tokenize(m.group(0))) - set(tokenize(m.group(1)))
    if level := contents.level_asked(text):  # "Which function covers recovery?": the level is the answer's shape
        found |= set(tokenize(level))
    if defining.asked_term(text):  # "What does the term hacking-back mean?": what a text says hacking-back is
        found |= set(tokenize("term word phrase mean"))
    return found
