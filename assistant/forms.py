"""The form an asker wants an answer in: "In plain English, …", "Yes or no: …", "… in two sentences".

Answers quote the texts whatever form is asked for, so the words asking for a form name no topic; left
in ("legalese", "bullet", "word for word") they count as topics no text covers and the question is
refused. Taken off, the question asks what it asks. A request whose verb is its form ("Paraphrase
Article 2", "Recap the takeaways", "TL;DR of the Paris Call", "the gist of …") asks for a summary, and
"the headline message of" a text asks for its main points.
"""

from __future__ import annotations

import re

_STYLE = (r"(?:plain|simple|simpler|everyday|non-?technical|ordinary|normal|layman['’]?s|lay(?:man|men|person|people)['’]?s?)"
          r"\s+(?:english|terms|language|words|speak)")
_COUNT = r"(?:one|two|three|four|five|six|a\s+few|a\s+couple\s+of|a\s+single|an?|\d+)"
_UNITS = r"(?:short\s+|key\s+|main\s+)?(?:sentences?|bullet[-\s]?points?|bullets|points|words?|lines?|paragraphs?)"
# asides that only a form can mean, wherever they stand ("Explain in simple terms what …")
ANYWHERE = (
    rf"in(?:to)?\s+{_STYLE}|in\s+a\s+nutshell|without\s+(?:the\s+|any\s+)?(?:legalese|(?:legal\s+|technical\s+)?jargon|lawyer\s*speak)"
    rf"|in(?:to)?\s+{_COUNT}\s+{_UNITS}|(?:in|as)\s+(?:a\s+)?(?:bullet(?:ed)?[-\s]?(?:points?|list)|bullets|numbered\s+list)"
    r"|in\s+(?:bullet|list|point|table)\s+form|(?:down\s+)?to\s+(?:its|their|the)\s+(?:bare\s+)?(?:essentials|basics)"
    r"|word\s+for\s+word|verbatim|in\s+(?:full|its\s+entirety)"
)
# asides that may also be words of a question ("in short supply"): taken off only at its edges or between commas
_EDGED = (
    r"in\s+(?:short|brief|essence|summary|a\s+word|general\s+terms)|briefly|simply\s+put|put\s+simply|to\s+put\s+it\s+simply"
    r"|(?:just\s+)?yes\s+or\s+no|no\s+(?:legalese|jargon|technical\s+terms)|(?:the\s+)?(?:short|quick|brief|simple)\s+version"
    r"|(?:(?:a|the)\s+)?(?:short|quick|brief|simple|straight|direct|one[-\s]word|one[-\s]line)\s+answer(?:\s+(?:only|is\s+fine))?"
    r"|keep\s+it\s+(?:short|brief|simple)|(?:please\s+)?be\s+(?:brief|concise)|tl\s*;?\s*dr"
    r"|explain\s+(?:it\s+)?(?:to\s+me\s+)?like\s+(?:i['’]?m|i\s+am)\s+(?:five|5|a\s+child)|eli5"
    r"|just\s+(?:the|a)\s+(?:\w+\s+)?(?:number|numbers|name|names|date|title|list)(?:\s+of\s+the\s+\w+)?"
    r"|as\s+a\s+(?:list|table)|in\s+a\s+(?:list|table)"
)
_PUNCT = r"\s*[,:;–—-]+\s*"
_INSIDE = re.compile(rf"(?:\s*,\s*(?:{ANYWHERE})\s*,|\s*\b(?:{ANYWHERE})\b(?:{_PUNCT})?)", re.I)
_START = re.compile(rf"^\s*(?:{_EDGED})(?:{_PUNCT}|\s+(?=(?:what|which|who|when|where|why|how|does|do|is|are|can|must|should|and)\b))",
                    re.I)
_BETWEEN = re.compile(rf"\s*,\s*(?:{_EDGED})\s*,\s*", re.I)  # "What, in essence, does the ICC ask …?"
_END = re.compile(rf"{_PUNCT}(?:{_EDGED})\s*(?=[?.!]*\s*$)", re.I)
# "… of the G7 text in brief?": at the very end these words can only ask for a form
_TAIL = re.compile(r"\s+(?:in\s+(?:brief|short|summary)|briefly)\s*(?=[?.!]*\s*$)", re.I)
# "Paraphrase Article 2", "Can you sum up …", "the gist of …", "three bullet points on …": a summary asked for
_SUMMARY = re.compile(
    r"^\s*(?:(?:can|could|would|will)\s+you\s+)?(?:(?:paraphrase|rephrase|reword|restate|sum\s+up|summ?ari[sz]e|recap(?:itulate)?"
    r"|outline|put|go\s+over|run\s+(?:me\s+|us\s+)?through|walk\s+(?:me|us)\s+through|break\s+down|unpack|boil\s+down|condense|simplify)\s+"
    r"|(?:(?:give|tell)\s+(?:me|us)\s+)?(?:a|an|the|some)\s+(?:(?:quick|short|brief|rough|simple|high-level|one-line|one-sentence"
    r"|two-line)\s+)?(?:gist|summary|recap|rundown|overview|synopsis|short\s+version|one-liner|breakdown|tl\s*;?\s*dr)\s+(?:of|on)\s+"
    r"|tl\s*;?\s*dr\s+(?:of|on|for)\s+"
    rf"|(?:(?:give|list)\s+(?:me|us)\s+)?(?:{_COUNT}\s+|some\s+)?(?:bullet[-\s]?points?|bullets|points|sentences?)"
    r"\s+(?:on|about|covering|for|of)\s+)",
    re.I,
)
_SUMMARISED = re.compile(r"^\s*summari[sz]e\b", re.I)  # how _bare writes a request for a summary
_SPELL_OUT = re.compile(r"^\s*(?:(?:can|could|would|will)\s+you\s+)?spell\s+out\s+(?=(?:what|how|why|who|which)\b)", re.I)
_FOR_ME = re.compile(r"\s+for\s+(?:me|us)(?=\s*[?.!]*\s*$)", re.I)
# "Shorter please.", "Just the article number?", "TL;DR?": a form alone, asked of the answer before
_FORM = (r"(?:(?:can\s+you\s+)?(?:make\s+it\s+|say\s+(?:it|that)\s+|a\s+bit\s+|much\s+)?(?:shorter|simpler|more\s+(?:simply|"
         rf"briefly|concisely))|too\s+(?:long|much|detailed|wordy|technical)|{_EDGED}|{ANYWHERE}"
         r"|(?:in\s+)?(?:bullet(?:ed)?[-\s]?points?|bullets|a\s+(?:numbered\s+)?list|a\s+table))")
_ALONE = re.compile(rf"^\s*{_FORM}(?:\s*[,;.!–—-]+\s*{_FORM})*\s*[?.!]*\s*$", re.I)
# "Summarise that.", "Quote it?", "Explain that.", "That.": the answer before, put again
_AGAIN = re.compile(r"^\s*(?:(?:summari[sz]e|explain|quote|rephrase|repeat|simplify|shorten)\s+)?(?:that|it|this|the\s+(?:last\s+)?answer)?"
                    r"(?:\s+again)?\s*[?.!]*\s*$", re.I)
# "the headline message of", "the key messages from": what a text says above all, its main points
_MESSAGE = re.compile(r"\b(?:the\s+)?(?:(?:(?:headline|key|main|central|core|overall|top[-\s]line|big)\s+)?"
                      r"(?:messages?|thrust|essence|bottom\s+line)|(?:key|main|central|core|salient|major)\s+points)"
                      r"\s+(?:of|from|in)\b", re.I)


def unshaped(question: str) -> str:
    """Return question without the form it asks its answer in; a request for a form of a text asks for its summary."""
    text = _bare(question)
    if not re.search(r"[A-Za-z]{2}", text):
        return question
    return text[:1].upper() + text[1:] if question.lstrip()[:1].isupper() else text


def summarised(question: str) -> bool:
    """Return True when a question, its form taken off, asks for a summary ("Sum up …" reads "Summarise …")."""
    return bool(_SUMMARISED.match(question))


def again(question: str) -> bool:
    """Return True when a turn asks only for the answer before it in another form ("Can you put that in plain English?")."""
    return bool(_ALONE.match(question) or _AGAIN.match(_bare(question)))


def _bare(question: str) -> str:
    """Return question without its form, possibly nothing."""
    text = _INSIDE.sub(" ", question)
    text = _BETWEEN.sub(" ", text)
    for pattern in (_START, _END, _TAIL):
        text = pattern.sub("", text, count=1)
    text = _SPELL_OUT.sub("Explain ", text, count=1)
    summary = _SUMMARY.match(text)
    if summary:
        text = "Summarise " + _FOR_ME.sub("", text[summary.end():])
    text = _MESSAGE.sub("the main points of", text)
    return re.sub(r"\s+(?=[.?!,])", "", re.sub(r"\s{2,}", " ", text)).strip(" ,:;")
