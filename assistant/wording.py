"""Word roles in a question: which words say what is asked about, and which only how it is asked.

A question's nouns name its topic ("budget", "cryptocurrency"); its adverbs and predicative adjectives
only say how it asks ("are they genuine", "does it actually work"). When the corpus never uses such a
word, the text may still answer in its own words ("authenticity"), so the word must not count as a
topic the corpus lacks. Verbs are taken as topics, as are words that can also be nouns: "can firms
outsource …", "to tax companies" and "who will fund it" ask about outsourcing, taxes and funds, and a
wrong answer costs more than a refusal. Parts of speech come from the SPECIALIST lexicon that
lemminflect bundles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

GENERIC = frozenset(
    "role roles job jobs play plays played part parts way ways thing things issue issues aspect aspects "
    "kind kinds sort sorts type types goal goals purpose purposes serve serves "  # "what goal does X serve"
    "make makes making "  # "making supply chains more secure": the topic is supply chains
    "step steps "  # "what are the steps after an incident": the topic is the incident
    "main points summary overview gist topic topics findings "  # "the main points of the Paris Call": the whole text
    "earlier previous prior former later latest "  # "which earlier resolutions does it recall": resolutions
    "old older "  # "should old hardware be replaced": the texts speak of hardware and its replacement
    "mostly largely mainly chiefly primarily usually generally typically normally "  # "who mostly runs it"
    "outcome outcomes "  # "which CSF outcome is about logs": the topic is logs
    "checklist checklists "  # "a checklist for Cyber Essentials": the answer's shape, the text's requirements
    "relevant relevance useful "  # "Which text is most relevant to a small business?": the topic is small businesses
    "corpus corpora "  # "Is there anything about ransomware in the corpus?": the texts held, not a topic
    "pass passes passing "  # "what do I need to do to pass Cyber Essentials": to meet it; no text says "pass"
    # "the ICC's complaint about MLATs"; not "objection" nor "criticism", whose stems are objective's and critical's
    "complaint complaints critique gripe grievance grievances criticise criticises criticised".split()
)
# words whose absence from the texts says nothing about what they cover: a text may answer a question
# about "a new treaty", "the top priority" or "a shared problem" without them, and a small corpus often
# lacks them. They still weigh as key terms; they are only never counted as a topic the corpus lacks.
VAGUE = frozenset(
    "new top important key real whole problem problems people aim aims against bear bears bore borne "
    "together able unable given gives giving gave big bigger large larger huge "
    "statement statements "  # "the G7 statement": the text itself, whatever it calls itself
    "cyberspace".split()  # the domain every text is about, whether it says "cyberspace" or "online"
)
# nor are generic words ("what kind of …"), but for age: "shred old hard drives" asks about old ones
NEVER_MISSING = VAGUE | (GENERIC - {"old", "older"})
# how binding a rule is ("Is MFA mandatory?", "a must", "a firm commitment"): the rule's topic is what
# the question is about, and the texts say "must", "shall" or "should", not "mandatory"
BINDING = re.compile(
    r"\b(?:mandatory|compulsory|obligatory|optional|obliged|obligated|allowed|permitted"
    r"|(?:absolute|firm|strict|binding|legal)\s+(?:requirement|commitment|obligation|promise|duty|rule)s?"
    r"|(?<=\ba\s)must)\b",
    re.I,
)
# "Is allow listing an acceptable alternative to antivirus?" asks whether one thing may stand for another:
# the two things are the topic, the texts never call either an "alternative"
SUBSTITUTE = re.compile(
    r"\b(?:(?:acceptable|adequate|valid|suitable|viable|good)\s+)?(?:alternative|substitute)s?(?=\s+(?:to|for)\b)", re.I
)
# how the asker will use a text's words in a draft of their own ("What language can I borrow from the G7?",
# "precedent wording on …", "anything relevant I can cite?"): the words are asked for, they name no topic;
# the words between them ("Which ICC wording could I cite", "the language the G7 used") are kept
_REUSE = r"(?:borrow|re-?use|cite|quote|lift|draw\s+on|adapt|copy|invoke|point\s+to|refer\s+to)"
_DRAFTING = re.compile(
    r"\b(?P<lead>what|which|anything|something|language|wording|words|text|lines?|passages?)\s+(?P<mid>(?:[\w-]+\s+){0,3}?)"
    r"(?:can|could|may|might|should)\s+(?:i|we)\s+(?:" + _REUSE + r"|use|take)\b"
    r"|\b(?:i|we)\s+(?:can|could|might|may)\s+" + _REUSE + r"\b|\b(?:i|we)\s+(?:can|could)\s+use(?=\s*[?.!]*\s*$)"
    r"|\b(?:agreed|precedent|prior|established|model|previous|existing|standard|useful|relevant)\s+"
    r"(?:language|wording|formulations?|phrasing|text)\b|\bprecedents?\b"
    r"|\b(?:anything|something)\s+(?:relevant|useful|helpful|usable|quotable)\b"
    r"|\b(?:quotable|usable|reusable|useful|relevant)\s+(?:lines?|passages?|quotes?|sentences?|language|wording|phrases?)\b"
    r"|\b(?:phrasing|formulations?|wording|language|words)\s+(?P<between>(?:[\w'’-]+\s+){0,6}?)(?:use|uses|used|using)\b"
    r"|\bphrasing\b|\b(?:suggest|propose|draft)\s+(?:some\s+)?(?:language|wording|text)\b"
    r"|\b(?:for|in)\s+(?:a|an|my|our|the)\s+(?:draft\s+)?(?:clause|sentence|speech|draft)\b(?=\s+(?:on|about|regarding|concerning)\b)"
    # "Draft a sentence for a communiqué on SME inclusion citing the ICC": the text named, its words asked for
    r"|\b(?:draft|write|compose|suggest|propose)\s+(?:me\s+|us\s+)?(?:a|an|one|two|some)\s+(?:short\s+)?"
    r"(?:sentences?|paragraphs?|lines?|clauses?|passages?)(?:\s+(?:for|in)\s+(?:a|an|the|our|my)\s+(?:draft\s+)?[\w-]+)?"
    r"|\b(?:citing|quoting|drawing\s+on)\b(?=\s+(?:the\s+)?[A-Z0-9])",
    re.I,
)


_WORDING_NOUNS = re.compile(r"\b(?:language|wording|words|text|formulations?|phrasing|lines?|passages?|quotes?)\b", re.I)


def undrafted(text: str) -> str:
    """Return text without the words that ask for wording to reuse ("What language can I borrow from the G7?")."""
    def kept(m: re.Match[str]) -> str:
        lead = m.group("lead") if m.group("lead") and m.group("lead").lower() in ("what", "which") else ""
        return " ".join(["", lead, _WORDING_NOUNS.sub(" ", f"{m.group('mid') or ''} {m.group('between') or ''}"), ""])

    return _DRAFTING.sub(kept, text)


# a question that quotes a phrase asks where or how the texts use it: the words that say so ("Where does
# the phrase … appear?", "Which text speaks of …?") are no topic, and the texts seldom write them
# an apostrophe between letters stays inside a single-quoted phrase: 'online crime doesn't pay'
QUOTED = re.compile(r"[\"“”][^\"“”]{2,}[\"“”]|(?<![\w'’])['‘](?:[^'‘’]|(?<=\w)['’](?=\w)){2,}?['’](?![\w'’])")
QUOTE_FRAMING = frozenset(
    "phrase phrases term terms word words wording expression expressions appear appears appeared use uses used "
    "using speak speaks spoke spoken occur occurs occurred find found mean means meant".split()
)


# one word joined into a phrase by "and" or "or" leaves it written: "essential and important entities" holds
# "essential entities" (wording.JOINED between a phrase's words, JOINING among stemmed ones)
JOINING = frozenset({"and", "or"})
JOINED = r"(?:\s+(?:" + "|".join(sorted(JOINING)) + r")\s+[\w-]+)?"


def quoted(text: str) -> list[str]:
    """Return the phrases a question quotes, without their quotation marks."""
    return [m.group(0)[1:-1].strip() for m in QUOTED.finditer(text)]


def quoted_shapes(text: str) -> list[re.Pattern[str]]:
    """Return a pattern for each phrase a question quotes: a text that has the phrase has its answer's shape."""
    found = []
    for phrase in quoted(text):
        parts = re.findall(r"[^\W_]+", phrase)
        if parts:
            found.append(re.compile(r"\b" + (JOINED + r"[\s\-‐–]+").join(map(re.escape, parts)) + r"\b", re.I))
    return found


NEGATION = re.compile(r"(?:\b(?:no\s+longer|not|never)|n['’]t)\s+(?:be(?:en|ing)?\s+)?([a-z]{4,})", re.I)
_NEGATIVE_PREFIX = re.compile(r"^(?:un|non-?)(?=[a-z]{4,}$)")
# the verbs that open a yes/no question ("Does …?", "Must …?") and make a line a sentence
AUXILIARIES = frozenset("does do did is are was were can could must should shall will would may might has have".split())
MODALS = frozenset("must shall may might need needs ought".split())  # "must it provide": how a text obliges
QUESTION_WORDS = frozenset(
    "what which who whom whose when where why how say says said saying tell tells does do did according "
    "document documents text texts mention mentions mentioned provide provides about regarding concerning "
    "there anything something everything please give show list lists listed explain describe summarise summarize me us want wants "
    "wanted like would had has have having happen happens much many "
    "treat treats treated tackle tackles tackled deal deals dealt cover covers covered "  # "how do they treat X"
    "address addressed addressing "  # "does it address X"; not "addresses", which may be the texts' postal ones
    "disagree disagrees disagreed concur concurs "  # "does the UN resolution disagree": how one text stands to another
    "together jointly "  # "governments and businesses together": the two, as the text names them side by side
    "sources "  # "which sources cover capacity building": the texts
    "link links linking relate relates connect connects talk talks talked talking "  # "how does the ICC link cybercrime to trade"
    "view views opinion opinions think thinks stress stresses stressed emphasise emphasises emphasize "
    "emphasizes highlight highlights sceptical skeptical "  # "in the G7's view", "do both stress …": how a text speaks
    "concern concerns aimed "  # "which ones concern SMEs", "who are they aimed at": which are about whom
    "quote wording exact exactly verbatim language "  # "the exact wording of …", "what language does it use"
    "wrong "  # "what's wrong with X" asks for X's failings, in whatever words the text uses
    "count counts counted "  # "what counts as fraud": what the text defines as fraud
    "worth "  # "is it worth pushing for a treaty" asks whether it should be a priority
    "note notes "  # "what does the ICC note say": the document, not a topic
    "mean means meant "  # "what does the ICC mean by …"
    "stand stands "  # "what does ISAC stand for", "where does the ICC stand on treaties"
    "considered deemed regarded".split()  # "why was it considered necessary": what was judged, not a topic
)
# closed-class words (pronouns, quantifiers, prepositions) frame a question but name nothing
# ("under the Convention", "every few months", "per NIST", "good enough"): never key terms
FUNCTION_WORDS = frozenset(
    "under over someone somebody anyone anybody everyone everybody get gets got getting one ones other others "
    "than very just being been via upon per each every few several enough some many more most less much another "
    "same own both either neither whether not no nor only too still yet ever even quite rather really "
    "before after during within without between among across through towards toward above below beyond "
    "until since while because though although unless instead onto off out up down "
    "nothing whatever whichever whoever whenever wherever "  # "say nothing about …", "whatever its size"
    "often once again already done doing well now else "  # "threats from inside as well", "who else"
    "my mine our ours his her hers him he she i me myself itself themselves ourselves those am "
    "go goes going went come comes came coming "  # "go through Interpol", "where do improvements come from"
    # "software we don't use": words split at the apostrophe, leaving "don" and "t"
    "don doesn didn isn aren wasn weren shouldn mustn haven hasn couldn wouldn won cannot ll ve re".split()
)

_TOKENS = re.compile(r"[a-z][a-z'’-]*|\d+|[^\sa-z\d]")


@lru_cache(maxsize=16384)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Return the lexicon's dictionary forms of word by universal part of speech (shared: never mutate it)."""
    import lemminflect  # loads its lexicon on first use: kept off the CLI's import path

    return dict(lemminflect.getAllLemmas(word))


def parts_of_speech(word: str) -> frozenset[str]:
    """Return the universal parts of speech the lexicon lists for word (empty when it does not know it)."""
    return frozenset(_lemmas(word))


def base_forms(word: str) -> tuple[str, ...]:
    """Return the dictionary forms of an irregular verb or noun form ('took' → 'take', 'criteria' → 'criterion').

    Empty when the word is a dictionary form itself ("found", "left"): the stemmer handles regular endings.
    A plural the lexicon also lists as a noun of its own still has its singular ('media' → 'medium').
    """
    lemmas = _lemmas(word)
    if any(word in forms for pos, forms in lemmas.items() if pos != "NOUN"):
        return ()
    return tuple(dict.fromkeys(f for pos in ("VERB", "NOUN") for f in lemmas.get(pos, ()) if f != word))


def verb_bases(word: str) -> tuple[str, ...]:
    """Return the verb dictionary forms of a word other than itself ('withdrawn' → 'withdraw', even as an adjective)."""
    return tuple(f for f in _lemmas(word).get("VERB", ()) if f != word)


def doing_forms(word: str) -> tuple[str, ...]:
    """Return the "-ing" form of a doer noun ('workers' → 'working'); its root must be four letters or more ('users': none)."""
    root = re.sub(r"ers?$", "", word.lower())
    return (f"{root}ing",) if root != word.lower() and len(root) >= 4 else ()


def relational(text: str) -> set[str]:
    """Return the words of text used as adverbs or predicative adjectives: how it asks, not about what."""
    tokens = _TOKENS.findall(text.lower())
    found = set()
    for i, word in enumerate(tokens):
        if not word[0].isalpha():
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if _relational(word, after):
            found.add(word)
    return found


def _relational(word: str, after: str) -> bool:
    pos = parts_of_speech(word)
    if not pos or "NOUN" in pos:
        # a word the lexicon does not know ("deepfake") names a topic, and so may a noun that is also a verb:
        # "to tax digital companies" and "who will fund it" ask about taxes and funds
        return False
    if "ADJ" not in pos:
        return "ADV" in pos  # an adverb ("actually"); a verb may be the very act asked about ("can firms outsource?")
    return not _nominal(after)  # "genuine before …", not "artificial intelligence"


def _nominal(word: str) -> bool:
    """Return True when word may be a noun (or another adjective) that a preceding adjective modifies."""
    return bool(word) and word[0].isalpha() and bool(parts_of_speech(word) & {"NOUN", "ADJ"})


# "every 90 days", "every few months", "once a year": how often, which the texts say as "regular(ly)"
REGULAR = "regular"
_FREQUENCY = re.compile(r"\b(?:every|each|once\s+(?:a|an|every|per))\s+(?:(?:\d+|few|couple\s+of|other|two|three|six|"
                        r"twelve)\s+)?(?:day|week|month|quarter|year)s?\b|\b(?:daily|weekly|monthly|quarterly|annually|yearly)\b",
                        re.I)


def frequencies(text: str) -> list[str]:
    """Return the phrases of text that say how often something happens ("every 90 days", "monthly")."""
    return [m.group(0) for m in _FREQUENCY.finditer(text)]



_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_word(number: int) -> str:
    """Return a number under a hundred as a text writes it in words ("ninety", "twenty-four")."""
    if number < 20:
        return _UNITS[number]
    tens, units = divmod(number, 10)
    return _TENS[tens - 2] + (f"-{_UNITS[units]}" if units else "")


NUMBER_WORDS = {number_word(n): n for n in range(1, 100)}  # "ninety": 90, "twenty-four": 24
NUMBER_PATTERN = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))  # a regex alternation, "twenty-one" before "twenty"


def negated(text: str) -> set[str]:
    """Return the words of text under a negation: "supports" of "no longer supports", "signed" of "isn't signed"."""
    return {m.group(1).lower() for m in NEGATION.finditer(text)}


def negative_prefixed(vocabulary: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Yield each word that negates by a prefix with the word it negates ('unsupported', 'supported')."""
    for word in vocabulary:
        m = _NEGATIVE_PREFIX.match(word)
        if m:
            yield word, word[m.end():]


def as_written(words: Iterable[str], history: list[str]) -> str:
    """Return words carried from earlier turns as the latest of them wrote them ("SMEs", not "smes")."""
    earlier = " ".join(reversed(history))
    return " ".join(m.group(0) if (m := re.search(rf"(?<!\w){re.escape(w)}(?!\w)", earlier, re.I)) else w for w in words)
