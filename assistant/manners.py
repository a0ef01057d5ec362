"""Chat manners: the greetings, thanks, hedges and request framings people type around a question.

"Hi! Could you please tell me what the G7 says about SMEs? Thanks!" asks what the G7 says about
SMEs; left in, "hi" and "thanks" count as topics no text covers and the question is refused, and a
follow-up that opens "Thanks! And what about …?" no longer opens with "And". The question keeps its own
words: only what frames it is taken off, and a question that is nothing but manners is left as it is.
"""

from __future__ import annotations

import re

from assistant import forms

_END = r"(?:\s*[!.,:;–—-]+\s*|\s+|$)"  # the punctuation (or space) after a greeting or a thank-you
_GREETING = re.compile(
    r"^\s*(?:(?:hi|hello|hey|hiya|howdy|greetings|good\s+(?:morning|afternoon|evening|day)"
    r"|bonjour|salut|hola|buenos\s+d[ií]as|hallo|guten\s+(?:morgen|tag)|ciao|ol[aá])"  # a delegate's own greeting
    r"(?:\s+(?:there|all|everyone|team|assistant|bot))?"
    r"|dear\s+(?:assistant|colleagues?|team|sir|madam|all))" + _END,
    re.I,
)
_ACKNOWLEDGEMENT = re.compile(
    r"^\s*(?:(?:many\s+)?thanks(?:\s+(?:a\s+lot|so\s+much|very\s+much))?|thank\s+you(?:\s+(?:so|very)\s+much)?|thx|ty"
    r"|cheers|great|perfect|ok(?:ay)?|got\s+it|understood|interesting|that['’]?s\s+(?:very\s+)?(?:helpful|useful|great|clear))"
    r"(?:\s*[!.,:;–—-]+\s*|\s+(?=(?:and|so|but|what|how|now|then|also|one)\b))",  # "ok and what about …"
    re.I,
)
_LEAD_IN = re.compile(
    r"^\s*(?:(?:a|one|another)?\s*(?:quick|short|last|final|follow-up|small)\s+(?:question|one)|one\s+more\s+(?:thing|question)"
    r"|another\s+question|one\s+more)\s*[!.,:;–—-]+\s*"
    r"|^\s*(?:and\s+)?also\b[,:]?\s+(?=(?:what|how|which|who|when|where|why|does|do|is|are|can|must|should)\b)"
    r"|^\s*(?:sorry|apologies|forgive\s+me)\s+(?:if|to|for)\b[^,.!?]{0,60}[,.!]?\s*(?:but\s+)?"
    r"|^\s*this\s+(?:may|might|could)\s+be\s+a\s+(?:silly|stupid|dumb|basic|naive)\s+question\s*[,.!]?\s*(?:but\s+)?"
    r"|^\s*(?:context|background|situation|question|q)\s*:\s*",  # "Context: I'm an SME owner. Question: what …?"
    re.I,
)
_THANKS_AFTER = re.compile(
    r"(?P<sep>[\s,.!?;:–—-]+)(?:(?:many\s+)?thanks|thank\s+you|thx|ty|tia|cheers|much\s+appreciated|appreciate\s+it"
    r"|merci|gracias|danke|grazie|obrigad[oa])"
    r"(?:\s+(?:a\s+lot|so\s+much|very\s+much|in\s+advance))*[\W_]*$",
    re.I,
)
_POLITE = re.compile(r"[,\s]*\b(?:please|pls|plz|kindly)\b[,]?", re.I)
# "Could you tell me …", "Would you be able to find …", "I was wondering whether …": the request, not its topic
_REQUEST = re.compile(
    r"^\s*(?:(?:could|can|would|will)\s+you(?:\s+be\s+able\s+to)?\s+(?=(?:tell|show|give|remind|read|find|list|explain|"
    r"summari[sz]e|describe|check|confirm|clarify|outline|quote|name|identify)\b)|i\s+(?:was\s+)?wonder(?:ing)?\s+(?=whether|if)"
    r"|do\s+you\s+know\s+(?=whether|if|what|which|who|when|where|how)|i(?:['’]?d|\s+would)\s+like\s+to\s+know\s+"
    r"|i\s+(?:want|need)\s+to\s+know\s+)",
    re.I,
)
_IMPERATIVE = re.compile(
    r"^\s*(?:(?:tell|show|give|remind|read(?:\s+out)?)\s+(?:me|us)\s+|read(?:\s+out)?\s+(?=the\b|[a-z]+\s+\(?\d)|find\s+(?:(?:me|us)\s+|(?=the\b))|(?:check|confirm)\s+(?=whether|if))",
    re.I,
)
# "Is it true that …", "I heard …", "Correct me if I'm wrong: …": a claim to check, whose topic is what is asked
_CLAIM = re.compile(
    r"^\s*(?:(?:is|was)\s+it\s+(?:really\s+)?(?:true|correct|right|accurate|the\s+case|so)(?:\s+to\s+say)?(?:\s+that)?"
    r"|(?:am|are)\s+(?:i|we)\s+(?:right|correct|wrong)(?:\s+(?:in\s+)?(?:thinking|saying|assuming|believing))?(?:\s+that)?"
    r"|correct\s+me\s+if\s+(?:i['’]m|i\s+am)\s+wrong|true\s+or\s+false|fact[-\s]check|is\s+this\s+(?:true|right|correct)"
    r"|(?:i|we)(?:['’]ve|\s+have)?\s+(?:heard|read|been\s+told|was\s+told|were\s+told)(?:\s+(?:somewhere|it\s+said))?(?:\s+that)?"
    r"|(?:someone|somebody|a\s+colleague|my\s+\w+)\s+(?:told\s+(?:me|us)|said|says|claims?|insists?|thinks?|believes?)(?:\s+that)?"
    r"|(?:people|they)\s+say(?:\s+that)?|(?:my|our)\s+understanding\s+is(?:\s+that)?|(?:i|we)\s+understand\s+that"
    r"|(?:do|did|have)\s+(?:i|we)\s+(?:understand|get|got|read)\s+(?:it\s+|this\s+|that\s+)?(?:correctly|right)(?:\s+that)?"
    r"|(?:would|is)\s+it\s+(?:be\s+)?(?:fair|accurate|right|correct|safe)\s+to\s+(?:say|assume|conclude)(?:\s+that)?"
    r"|can\s+(?:i|we)\s+(?:(?:safely\s+)?(?:say|assume|conclude)|tell\s+(?:\w+\s+){1,3}?)that"
    r"|isn['’]?t\s+it\s+(?:true|the\s+case|so)(?:\s+that)?|just\s+to\s+(?:confirm|check|double[-\s]?check|be\s+(?:sure|clear))"
    r"|(?:so|ok(?:ay)?\s+so)(?=\s+(?:the|a|an|under|in|according|it|they|that|this|we|our|nis|g7|icc|un)\b))"
    r"\s*[,:;–—-]?\s+(?=\S)",
    re.I,
)
# "…. Is that right?", "…, doesn't it?", "… True?": asking whether the claim before it holds
_CLAIM_AFTER = re.compile(
    r"(?P<sep>\s*[,.!?;:–—-]+\s*)(?:(?:is|are)\s+(?:that|this|it|he|she|they)\s+(?:really\s+)?(?:right|correct|true|so|accurate|the\s+case)"
    r"|am\s+i\s+(?:right|correct|wrong)|(?:right|true|correct|really|true\s+or\s+false|or\s+not)"
    r"|(?:does|do|did|is|are|was|were|has|have|can|will|should)n['’]?t\s+(?:it|they|he|she|we))\s*[?!.]*\s*$",
    re.I,
)
# "Name the NIST function that covers governance.": which one; "Name the five NIST functions.": list them
_NAME_WHICH = re.compile(r"^\s*(?:name|identify)\s+(?:the\s+|all\s+(?:the\s+)?)?(?P<what>[^,;:?!.]{1,60}?)\s+(?:that|which)\s+(?=\w)",
                         re.I)
_NAME = re.compile(r"^\s*name\s+(?=(?:the|all|some|each|every|\d+|two|three|four|five|six|seven)\b)", re.I)
_WORDING = re.compile(r"^\s*(?:the\s+)?(?:(?:exact|full|precise|actual|whole)\s+)?(?:words|wording|text)\s+(?:of|in)\s+", re.I)
_ASKER = r"^\s*(?:i['’]m|i\s+am|we['’]re|we\s+are)"
# "I'm briefing our minister tomorrow." before the question: what the asker is doing, not what they ask
_TASK = re.compile(
    _ASKER + r"\s+(?:preparing|briefing|getting\s+ready|working\s+on|writing|drafting|"
    r"reviewing|studying|researching|putting\s+together|looking\s+into|new\s+(?:here|to\s+th(?:is|ese|e\s+\w+)))"
    r"\b(?P<task>[^.!?]{0,120})[.!]\s+(?=\S)",
    re.I,
)
# what the task is about ("a brief on CSIRTs for the minister"), up to who or when it is for
_TASK_TOPIC = re.compile(
    r".*\b(?:on|about|regarding|concerning|covering)\s+(?P<topic>\w[^.!?]*?)"
    r"(?:\s+(?:for|to|with|at|by)\s+(?:the|our|my|a|an|next|this|tomorrow)\b.*|\s+(?:tomorrow|today|tonight|this\s+week|next\s+week))?\s*$",
    re.I | re.S,
)

# how the asker frames a request ("in one sentence", "briefly") or who is asking ("I'm briefing a
# delegation:"), anywhere in a question: read past when its topic words are weighed
_ASIDES = re.compile(
    _ASKER + r"\b[^:;?]{0,80}[:;–—]\s*"
    rf"|\b(?:{forms.ANYWHERE})\b|\bwith\s+(?:one|a|two|three|a few)\s+(?:sentence|sentences|words|lines)\b"
    r"|\bin\s+(?:short|brief)\b|\bbriefly\b",  # the forms an answer is asked in (forms.py), and these wherever they stand
    re.I,
)


# the chat spellings of words that frame questions ("wat does the G7 say", "wht about SMEs"): most are too short
# for the speller (it corrects words of four letters or more, as shorter ones are too often someone's acronym)
_CHAT_SPELLINGS = {"wat": "what", "wht": "what", "wut": "what", "wot": "what", "whta": "what", "abt": "about",
                   "teh": "the", "wen": "when", "wich": "which", "whats": "what's", "wats": "what's", "r": "are",
                   "u": "you", "ur": "your"}
# a word of its own: not the "R" of "R&D" or the "U" of "U.S."
_CHAT = re.compile(r"(?<![\w&'’./-])(?:" + "|".join(_CHAT_SPELLINGS) + r")(?![\w&'’./-])", re.I)


# "the UN res": a resolution, as delegates shorten it
_RES = re.compile(r"\b(UN|UNGA|GA)\s+res\b\.?", re.I)


def respelled(question: str) -> str:
    """Return question with the chat spellings of its question words written out ("wat does …": "what does …")."""
    def word(m: re.Match[str]) -> str:
        out = _CHAT_SPELLINGS[m.group(0).lower()]
        return out.capitalize() if m.group(0)[:1].isupper() else out

    return _RES.sub(r"\1 resolution", _CHAT.sub(word, question))


def without_asides(text: str) -> str:
    """Return a question without the asker's asides: "I'm briefing a delegation: in one sentence, what …"."""
    return _ASIDES.sub(" ", text)


def nothing_asked(question: str) -> bool:
    """Return True when a message is only manners ("Hello", "thanks!"): there is no question to answer."""
    stripped = _THANKS_AFTER.sub("", " " + question).strip().rstrip("?!. ") + "."
    for pattern in (_GREETING, _ACKNOWLEDGEMENT):
        stripped = pattern.sub("", stripped, count=1) or "."
    return not re.search(r"[A-Za-z]{2}", stripped)


def task_topic(question: str) -> str | None:
    """Return what the asker says they are working on ("I'm drafting a paragraph on SME awareness."), or None."""
    text = question
    for pattern in (_GREETING, _ACKNOWLEDGEMENT, _LEAD_IN):
        text = pattern.sub("", text, count=1)
    task = _TASK.match(text)
    return topic_of(task.group("task")) if task else None


def topic_of(statement: str) -> str | None:
    """Return what a statement of the asker's is about ("I need a sentence on consumer protection."), or None."""
    topic = _TASK_TOPIC.match(statement.strip().rstrip(".!"))
    return topic.group("topic").strip(" ,;:") if topic else None


def _named(text: str) -> str:
    """Return "Name the X that …" as the question it asks: "Which X …?"; "Name the X." as "List the X."."""
    if which := _NAME_WHICH.match(text):
        rest = re.sub(r"[.!]+\s*$", "?", text[which.end():])
        return f"Which {which.group('what')} {rest}"
    return _NAME.sub("List ", text, count=1)


def plain(question: str) -> str:
    """Return question without its greetings, thanks, hedges and request framings."""
    text = question
    for _ in range(4):  # "Hi! Quick question: could you please tell me …"
        before = text
        for pattern in (_GREETING, _ACKNOWLEDGEMENT, _LEAD_IN, _TASK):
            text = pattern.sub("", text, count=1)
        if text == before:
            break
    text = _THANKS_AFTER.sub(lambda m: "?" if "?" in m.group("sep") else "", text)
    text = _CLAIM.sub("", text, count=1)
    text = _CLAIM_AFTER.sub("?", text, count=1)
    text = _POLITE.sub(" ", text)
    text = _REQUEST.sub("", text, count=1)
    text = _IMPERATIVE.sub("", text, count=1)
    text = _named(text)
    text = forms.unshaped(_WORDING.sub("", text, count=1))
    text = re.sub(r"\s+(?=[.?!])", "", re.sub(r"\s{2,}", " ", text)).strip(" ,")
    if not re.search(r"[A-Za-z]{2}", text):
        return question.strip()
    return text[:1].upper() + text[1:] if text[:1].islower() and question.lstrip()[:1].isupper() else text
