"""Conversation: which documents a question names, and how a follow-up borrows the earlier topic.

No language model is involved. A question that names a source ("the G7", "ICC", "Budapest
Convention") restricts retrieval to it; a follow-up ("And what role do businesses play in that?")
keeps the earlier question's topic terms and sources unless it names its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from assistant.naming import aliases, first_word_names, initials, name_pattern, shared_runs
from assistant.references import KIND_WORDS, KINDS, MAJOR, parse, specific, without_places
from assistant.sparse import STOPWORDS, stem_sequence, tokenize, words
from assistant.wording import FUNCTION_WORDS, QUESTION_WORDS
from assistant.types import Answer, Document, issuer_name

# "Which one is about treaties?", "Which of these concern suppliers?": one of what the earlier answer gave
_FOLLOW_START = re.compile(r"^\s*(?:and|but|also|so|then|what about|how about|and what|and how|and who|and why|why|how so|same for|"
                           r"which\s+(?:one|ones|of\s+(?:these|those|them|the\s+above))\b"
                           # "Which is the most urgent?" after the ICC's takeaways: one of those listed
                           r"|which\s+(?:is|are|was|were)\s+(?:the\s+)?(?:most|least|more|less|best|biggest|main|key|top)\b)", re.I)
# "Does that cover …?", "Is it binding?": a question whose subject is the earlier answer
_ANAPHORIC_SUBJECT = re.compile(r"^\s*(?:and\s+)?(?:does|do|did|is|are|was|were|can|could|will|would|should|must|has|have)\s+"
                                r"(?:that|this|it|they|these|those)\b", re.I)
# "Is an SMS code good enough?" after a question on MFA: a short yes/no question naming no source asks about the
# earlier topic
_YES_NO = re.compile(r"^\s*(?:is|are|does|do|can|could|should|must|would|will)\b", re.I)
SHORT_YES_NO = 3  # content words
# "How long must the password part be?" after MFA: a part of the thing asked about before
_PARTITIVE = re.compile(r"\bthe\s+(?!first|second|third|last|final|next|other|main)[a-z-]+\s+"
                        r"(?:part|element|bit|side|component|portion)\b(?!\s+of\b)", re.I)
_ANAPHORA = re.compile(r"\b(?:that|this|these|those|it|its|they|them|their|there|such|same|above|ones|else)\b", re.I)
_COMPARE = re.compile(
    r"\b(?:compare|compared|comparison|differ|differs|different|difference|differences|versus|vs\.?|contrast|both|"
    r"similar|similarly|similarities|whereas|"
    # "Is the G7 more detailed than the ICC on SMEs?", "Is NIS 2 stricter than Cyber Essentials on patching?"
    r"(?:more|less)\s+[a-z-]+\s+than|(?:stricter|broader|narrower|tougher|weaker|stronger|clearer|wider|firmer)\s+than)\b", re.I,
)
# "Which G7 provisions mention both SMEs and cooperation?": with one text named, "both" joins two topics
_BOTH = re.compile(r"\bboth\b", re.I)
# "How does the NIST CSF treat supply chain risk differently from NIS 2?"; not "view cyber differently than disarmament"
_DIFFERENTLY = re.compile(r"\bdifferently\b", re.I)
# "What do the G7 and the ICC have in common on SMEs?": the topic is SMEs, not "common ways"
_IN_COMMON = re.compile(r"\b(?:in\s+common|common\s+ground|commonalit(?:y|ies))\b", re.I)
# "How does the ICC relate to the G7?", "the relationship between …", "How are A and B connected?": how two texts stand
_RELATING = re.compile(r"\brelates?\s+to\b|\b(?:relationships?|relations?|links?|connections?)\s+between\b"
                       r"|\b(?:related|linked|connected)(?=\s*(?:to\b|[?.!]*\s*$))", re.I)
# "Does the G7 say anything similar?", "Does the Paris Call agree?" after a question on another text asks the G7
# about the same topic
_LIKENESS = re.compile(r"\b(?:similar|similarly|the same|likewise|(?:dis)?agrees?|concurs?)\b", re.I)
# "Does the Paris Call agree?" after the ICC on zero-days: the named text held against the earlier one
_AGREES = re.compile(r"\b(?:(?:dis)?agrees?|concurs?)\b", re.I)
_NEXT_CAPITAL = re.compile(r"\s+([A-Z][a-z]+)\b")
# nouns that name a document, not a topic ("the G7 declaration", "the ICC briefing")
TEXT_NOUNS = frozenset("declaration statement text document paper briefing note notes resolution directive convention "
                       "framework report".split())
# a capitalised word after an acronym that still means the acronym's document ("the UN Resolution")
DOCUMENT_WORDS = TEXT_NOUNS - {"notes"} | {"resolutions", "call", "ministers", "core", "requirements"}
# "the G7 declaration", "the ICC briefing", "the G7 ministers' text", "the Cyber Essentials requirements" (its
# title calls it requirements): the noun names the document, not a topic
_NAMED_NOUN = re.compile(r"\x00(?:\s+(?:ministers?'?|ministerial|leaders'?|board))?\s+(?P<noun>"
                         + "|".join(sorted(TEXT_NOUNS | {"requirements"})) + r")\b",
                         re.I)
_CITED = re.compile(r"\b([A-Za-z]+)\s+(?=\d)")  # "General Assembly resolution 75/240": another text, by its number
_AFTER_NAME = re.compile(r"\x00['’]?s?\s+([\w'’-]+)")
# "How do NIS 2 and the NIST CSF treat …?", "What do the G7 declaration and the ICC note agree on?"
_JOINED = re.compile(r"^(?:\s+(?:" + "|".join(sorted(TEXT_NOUNS | {"requirements"})) + r"))?\s*(?:,|and|or|&)\s*(?:the\s+)?$",
                     re.I)
# the words that hold one text against another, which name no topic ("on the same page as", "share … view")
_HELD_AGAINST = (r"(?:side\s+with|(?:consistent|compatible)\s+with|"
                 r"(?:in\s+(?:agreement|line)|on\s+the\s+same\s+page|of\s+the\s+same\s+(?:view|mind|opinion))\s+(?:with|as))")
_AGREEMENT = re.compile(
    rf"\b(?:{_HELD_AGAINST}|shares?\s+(?=the\b)|(?<=['’]s\s)(?:view|views|position|stance|approach)\b)", re.I)
# "Does the ICC agree with the G7 on …?", "Is the ICC on the same page as the G7 …?", "Does the ICC share the G7's
# view on …?": one text held against another is both texts on the topic
_AGREEING = re.compile(
    r"^(?:['’]s)?(?:\s+(?:resolution|declaration|text|document|note|briefing|call|directive|framework|ministers))?"
    r"\s+(?:(?:view|views|position|stance|approach|line)\s+)?(?:(?:is|are|really|fully|broadly|also|generally)\s+)*"
    rf"(?:(?:dis)?agrees?|concurs?|aligns?|aligned|shares?|echo(?:es)?|matche?s?|{_HELD_AGAINST})"
    r"(?:\s+with)?\s+(?:the\s+)?$", re.I)
_ACCORDING = re.compile(r"\b(?:according\s+to|in\s+(?:the\s+)?view\s+of)\s+(?:the\s+)?$", re.I)
_ATTRIBUTION = re.compile(r"\b(?:per|under)\s+(?:the\s+)?$", re.I)
_SUBJECT = re.compile(r"\b(?:does|did|do|has|have|is|are|was|were|will|would|can|could|should|must)\s+(?:the\s+)?$", re.I)
_GENERIC = {"role", "play", "plays", "say", "about", "role", "part", "mean", "means", "think", "view", "position", "stance"}


def _heads_other_name(question: str, mention: tuple[int, int, str], found: list[tuple[int, int, str]]) -> bool:
    """Return True when an acronym starts another name ("UN Charter", "EU Cybersecurity Act"), not its document's."""
    start, end, doc_id = mention
    following = _NEXT_CAPITAL.match(question, end)
    if not re.fullmatch(r"[A-Z][A-Z\d]+", question[start:end]) or following is None:
        return False
    if following.group(1).lower() in DOCUMENT_WORDS or following.group(1).lower() in KINDS:
        return False  # "the UN resolution", "G7 Objective 1"
    return not any(d == doc_id and s == following.start(1) for s, _, d in found)  # "UN General Assembly"


@cache
def document_terms() -> frozenset[str]:
    """Return the index terms of the nouns that name a text ("briefing" is "brief")."""
    return frozenset(tokenize(" ".join(DOCUMENT_WORDS)))


def _title_case(text: str) -> bool:
    alphabetic = [w for w in text.split() if w[:1].isalpha()]
    return len(alphabetic) >= 3 and sum(w[0].isupper() for w in alphabetic) >= 0.7 * len(alphabetic)


class SourceIndex:
    """Find the documents a question names."""

    def __init__(self, documents: list[Document], expansions: dict[str, set[str]] | None = None) -> None:
        self.patterns: list[tuple[re.Pattern[str], str]] = []
        self.spellings: list[tuple[list[str], str]] = []  # names of two or more long words, for misspellings
        # the names a text goes by from its title alone: another text naming it ("the Budapest Convention on
        # Cybercrime") refers to it, where naming its maker ("the United Nations") does not
        self.own_names: dict[str, list[re.Pattern[str]]] = {}
        for document in documents:
            names = aliases(document)
            for acronym, forms in (expansions or {}).items():
                if any(n.lower().startswith(form) for n in names for form in forms if len(form.split()) > 1):
                    names.add(acronym.upper())
            for name in sorted(names, key=lambda n: (-len(n), n)):  # the longest name is stripped first, every run
                self.patterns.append((name_pattern(name), document.doc_id))
                if len(name.split()) >= 2 and all(len(w) >= 4 for w in name.split()):
                    self.spellings.append((name.lower().split(), document.doc_id))
            if (short := initials(document)) and short.lower() not in {n.lower() for n in names}:
                # "What does CE require?": in capitals only, since two letters in any case are too many other things
                self.patterns.append((name_pattern(short, 0), document.doc_id))
            # not a name the maker goes by too ("G7", "ICC", "NIST"), nor a bare "EU": those name more than the text
            own = aliases(document.model_copy(update={"issuer": ""})) - aliases(document.model_copy(update={"title": ""}))
            # and as written, capitals and all: "a cybersecurity framework" is no reference to the NIST CSF
            self.own_names[document.doc_id] = [name_pattern(n, 0) for n in sorted(own, key=lambda n: (-len(n), n)) if len(n) > 2]
        # "the Budapest articles", "the Paris text": the first word of one text's name before a noun naming a text or place
        self.patterns += first_word_names(documents, "|".join(sorted(TEXT_NOUNS | {"treaty"})) + "|" + KIND_WORDS)
        years = Counter(d.year for d in documents if d.year)
        nouns = "|".join(sorted(DOCUMENT_WORDS))
        for document in documents:  # "the 2017 text": the one text of that year
            if document.year and years[document.year] == 1:
                self.patterns.append((re.compile(rf"(?<![\w-]){document.year}\s+(?:{nouns})\b", re.I), document.doc_id))
        self.titles = {d.doc_id: d for d in documents}

    def mentions(self, question: str) -> list[tuple[int, int, str]]:
        """Return every (start, end, doc_id) where the question names a source, in reading order."""
        found = sorted((m.start(), m.end(), doc_id) for pattern, doc_id in self.patterns for m in pattern.finditer(question))
        found = found or self._misspelt(question)
        if _title_case(question):
            return found  # "What Does The UN Resolution Say?": capitals are a style, not names
        return [m for m in found if not _heads_other_name(question, m, found)]

    def _misspelt(self, question: str) -> list[tuple[int, int, str]]:
        """Return where a question names a source with one slip per word ("the Pairs Call", "Budapset Convention")."""
        from assistant.spelling import damerau

        def near(word: str, typed: str) -> int:
            if word[0] != typed[0] or abs(len(word) - len(typed)) > 1:
                return 2  # a slip keeps the first letter and the length within one
            return 0 if word == typed else damerau(word, typed)

        tokens = [(m.start(), m.end(), m.group(0).lower()) for m in re.finditer(r"[A-Za-z]+", question)]
        found = []
        for words_, doc_id in self.spellings:
            n = len(words_)
            for i in range(len(tokens) - n + 1):
                window = tokens[i:i + n]
                slips = []
                for w, t in zip(words_, window):
                    slips.append(near(w, t[2]))
                    if slips[-1] > 1:
                        break
                if len(slips) == n and max(slips) <= 1 and 0 < sum(slips) <= n - 1:
                    found.append((window[0][0], window[-1][1], doc_id))
        return sorted(found)

    def naming(self, text: str, doc_id: str) -> str:
        """Return the words by which text names a document from its title ("Budapest Convention"), or ""."""
        found = (m.group(0) for pattern in self.own_names.get(doc_id, []) if (m := pattern.search(text)))
        return next(found, "")

    def names(self, question: str) -> list[str]:
        """Return the names of sources the question mentions, as typed ("NIS 2"), in reading order."""
        return [question[start:end] for start, end, _ in self.mentions(question)]

    def find(self, question: str) -> list[str]:
        """Return the doc_ids named in the question, in order of first mention."""
        return list(dict.fromkeys(doc_id for _, _, doc_id in self.mentions(question)))

    def joined(self, question: str) -> bool:
        """Return True when two different named sources stand side by side ('NIS 2 and the NIST CSF', 'X agree with Y')."""
        spans = self.mentions(question)
        return any(a[2] != b[2] and (_JOINED.match(between := question[a[1]:b[0]]) or _AGREEING.match(between))
                   for a, b in zip(spans, spans[1:]))

    def attributed(self, question: str) -> str | None:
        """Return the doc_id a question attributes itself to ('…, according to the ICC?', 'under NIS 2'), if any.

        'under' and 'per' yield to a source that is the question's subject ("What does the Paris Call say
        about cooperation under the Budapest Convention?"); 'according to' does not.
        """
        befores = [(question[:start], doc_id) for start, _, doc_id in self.mentions(question)]
        subject = any(_SUBJECT.search(before) for before, _ in befores)
        for before, doc_id in befores:
            if _ACCORDING.search(before) or (_ATTRIBUTION.search(before) and not subject):
                return doc_id
        return None

    def issuer_terms(self, doc_ids: list[str]) -> frozenset[str]:
        """Return the words of the named documents' issuers ("Which ministers set out the G7 actions?" asks of them)."""
        return frozenset(t for d in doc_ids if d in self.titles for t in tokenize(issuer_name(self.titles[d].issuer)))

    def framing(self, doc_ids: list[str], question: str) -> frozenset[str]:
        """Return the words of the named documents' issuers that the question names them by: who, not what about.

        A word of an issuer's name alone is a topic: "a new international treaty" asked of the International
        Chamber of Commerce, "security updates" of the National Cyber Security Centre's text.
        """
        asked, marked = stem_sequence(question), self._marked(question, doc_ids)
        named: set[str] = set()
        after = [t for word in _AFTER_NAME.findall(marked) for t in tokenize(word)]
        for name in (issuer_name(self.titles[d].issuer) for d in doc_ids if d in self.titles):
            named.update(t for run in shared_runs(asked, stem_sequence(name)) for t in tokenize(" ".join(run)))
            named.update(frozenset(after) & frozenset(tokenize(name)))  # "the G7 ministers": the issuer, after its text
        return frozenset(named)

    def _marked(self, question: str, doc_ids: list[str] | None) -> str:
        """Return the question with each name of doc_ids (default: all sources) marked by a NUL."""
        for pattern, doc_id in self.patterns:
            if doc_ids is None or doc_id in doc_ids:
                question = pattern.sub("\x00", question)
        return question

    def title_terms(self, doc_ids: list[str]) -> frozenset[str]:
        """Return the title words of the named documents ("Which ministers set out the G7 actions for businesses?")."""
        return frozenset(t for d in doc_ids if d in self.titles for t in tokenize(self.titles[d].title))

    def _own_nouns(self, doc_ids: list[str]) -> frozenset[str]:
        """Return the title words of doc_ids that the title names itself by, not another text ("resolution 75/240")."""
        cited = {t for d in doc_ids if d in self.titles for w in _CITED.findall(self.titles[d].title) for t in tokenize(w)}
        return self.title_terms(doc_ids) - cited

    def strip(self, question: str, doc_ids: list[str] | None = None, nouns: bool = False, titled: bool = True) -> str:
        """Return the question without the names of doc_ids (default: all sources); filters are not topics.

        nouns: also without the noun that follows a name ("the G7 declaration"), for questions about a text itself.
        titled: that noun goes even where the named text's own title uses it; else it stays, as the text's own word
        ("the Cyber Essentials requirements for firewalls": its Requirements; "the ICC paper": no word of the ICC's).
        """
        question = self._marked(question, doc_ids)
        if "\x00" not in question:  # "the Pairs Call"
            for start, end, doc_id in reversed(self._misspelt(question)):
                if doc_ids is None or doc_id in doc_ids:
                    question = question[:start] + "\x00" + question[end:]
        if nouns:
            own = frozenset() if titled else self._own_nouns(doc_ids if doc_ids is not None else list(self.titles))
            question = _NAMED_NOUN.sub(lambda m: m.group(0) if own.intersection(tokenize(m.group("noun"))) else " ", question)
        return question.replace("\x00", " ")


@dataclass
class Resolved:
    """A question made self-contained: the query to retrieve with and the sources it is about."""

    question: str
    query: str
    sources: list[str] = field(default_factory=list)
    follow_up: bool = False
    comparison: bool = False
    carried: list[str] = field(default_factory=list)


def compared_topic(text: str) -> str:
    """Return a comparison question without its comparing words: 'differ on supply chains' is about supply chains."""
    return _COMPARE.sub(" ", _AGREEMENT.sub(" ", _IN_COMMON.sub(" ", _RELATING.sub(" ", text))))


def content_words(text: str) -> list[str]:
    """Return the words of text that carry its topic."""
    return [w for w in words(text) if w not in STOPWORDS and w not in QUESTION_WORDS and w != "s"]  # "the ICC's"


def is_follow_up(question: str) -> bool:
    """Return True when a question leans on the one before it."""
    # "Does the G7 say anything similar?", "How does the G7 differ?": comparing words name no topic of their own
    own = [w for w in content_words(question)
           if w not in _GENERIC and not (_COMPARE.fullmatch(w) or _LIKENESS.fullmatch(w))]
    leaning = _FOLLOW_START.match(question) or _ANAPHORIC_SUBJECT.match(question) or _PARTITIVE.search(question)
    return bool(leaning) or len(own) <= 1 or (bool(_ANAPHORA.search(question)) and len(own) <= 3)


def _short_yes_no(question: str) -> bool:
    """Return True for a yes/no question of a few content words ("Is a text message code good enough?")."""
    own = [w for w in content_words(question) if w not in FUNCTION_WORDS and w not in _GENERIC]
    return bool(_YES_NO.match(question)) and len(own) <= SHORT_YES_NO


def resolve(question: str, history: list[str], sources: SourceIndex) -> Resolved:
    """Resolve a question against earlier turns (oldest first) into a self-contained query."""
    named = sources.find(question)
    # "How does the ICC relate to the G7?": two texts held together
    differently = bool(_DIFFERENTLY.search(question) or _RELATING.search(question)) and len(named) >= 2
    compares = _COMPARE.search(question if len(named) != 1 else _BOTH.sub(" ", question))
    comparison = bool(compares) or sources.joined(question) or differently
    if comparison and history and len(named) == 1 and not _COMPARE.search(_LIKENESS.sub(" ", question)):
        comparison = False
    if not comparison:  # "What does the Paris Call say about the Budapest Convention?": one source, one topic
        attributed = sources.attributed(question) if len(named) > 1 else None
        named = [attributed] if attributed else named[:1]  # "… the UN norms, according to the ICC?"
    # "Does the UN resolution say anything similar?": the text's name is no topic of the question's own
    # "Does the Budapest Convention address this too?": with the text's name off, "this" is all its topic
    bare = sources.strip(question, named, nouns=True, titled=False) if named else question
    likened = bool(named and (_LIKENESS.search(question) or _ANAPHORA.search(bare))) and is_follow_up(bare)
    # "What does paragraph 3 say?" after "What does Article 21 require?": a place within the earlier one
    places = parse(question)
    within = bool(places and not specific(places) and not named)
    if not history or not (is_follow_up(question) or likened or within or (not named and _short_yes_no(question))):
        return Resolved(question, question, named, False, comparison)
    topic: list[str] = []
    inherited: list[str] = []
    called = ""  # how the earlier turn named the source it carries
    about_text = True  # no earlier turn names a topic beside the text ("Tell me about the UN resolution")
    placed = specific(places)  # "And Article 29?" after "What does Article 24 say?": that place instead
    for earlier in reversed(history):
        first = sources.mentions(earlier)[:1]  # the source an earlier turn names first, as it names it
        earlier_sources = [doc_id for _, _, doc_id in first]
        said = sources.strip(earlier, earlier_sources, nouns=True, titled=False)
        if within:  # the earlier place alone: "point (d)" after "What does Article 21 require?" is no requirement
            said = " ".join(f"{kind} {value}" for kind, value in sorted(parse(said)) if kind in MAJOR)
        topic = [w for w in content_words(without_places(said) if placed else said) if w not in topic] + topic
        about_text = about_text and not content_words(sources.strip(earlier, earlier_sources, nouns=True))
        if not inherited and first:
            inherited, called = earlier_sources, earlier[first[0][0]:first[0][1]]
        if not is_follow_up(earlier):
            break
    carried = [w for w in dict.fromkeys(topic) if w not in content_words(question)]
    # "Can a state withdraw from it?" after "Tell me about the Budapest Convention": with no earlier topic the
    # follow-up is about the text, and reads as naming it; the name is no topic (strip drops it)
    query = " ".join(part for part in (question, "" if named or not about_text else called, *carried) if part)
    comparison = comparison or bool(_AGREES.search(question))
    if comparison and len(named) == 1 and inherited and inherited[0] != named[0]:
        named = [*named, *inherited]  # "How does the G7 differ?" after the Paris Call: the two texts
    return Resolved(question, query, named or inherited, True, comparison, carried)


# a word of these in capitals is title case, not a name: "What Does The Paris Call Say About …"
_NOT_NAMES = STOPWORDS | QUESTION_WORDS | FUNCTION_WORDS
_CAPITALISED = re.compile(r"^[A-Z][A-Za-z]*(?:-[A-Za-z]+)*$")


def names(text: str) -> list[str]:
    """Return the capitalised names of two or more words in text ('Tech Accord', 'United States').

    The first word is left out: a question's capital says nothing. Acronyms alone are not names here, and
    a question written in title case ("What Does The Paris Call Say …") has none.
    """
    tokens = re.findall(r"[A-Za-z][\w'’-]*|\S", text)[1:]
    if any(t[:1].isupper() and t.lower() in _NOT_NAMES for t in tokens):  # "… The Paris Call Say About …"
        return []
    found, run = [], []
    for token in [*tokens, "."]:
        if _CAPITALISED.match(token) and token.upper() != token:
            run.append(token)
            continue
        if len(run) >= 2:
            found.append(" ".join(run))
        run = []
    return found


_THE_TEXT = re.compile(r"\b(?:(?:this|that|the)\s+(?:text|document|paper|one|declaration|note|instrument)|it|this|that)\b", re.I)


def asks_of_text(question: str) -> bool:
    """Return True when a follow-up asks how "it" or "that text" came about, not what something in it does.

    "Who adopts them?" asks of amendments, not of a text.
    """
    from assistant.provenance import about_origin

    return about_origin(question) and bool(_THE_TEXT.search(question)) and not re.search(r"\b(?:them|they)\b", question, re.I)


def text_asked(question: str, earlier: list[str], sources: SourceIndex, before: Callable[[], Answer]) -> str | None:
    """Return an origin follow-up asked of the one text the answer before it cites, when neither turn names a text."""
    from assistant import provenance
    from assistant.render import short_title

    if not provenance.asks(question) or not asks_of_text(question) or sources.find(question) or sources.find(earlier[-1]):
        return None
    answer = before()
    texts = {c.doc_id for c in answer.citations}
    if answer.abstained or len(texts) != 1 or (doc_id := texts.pop()) not in sources.titles:
        return None
    return of_text(question, short_title(sources.titles[doc_id].title))


def of_text(question: str, title: str) -> str:
    """Return an origin follow-up asked of a text by title: "When was it adopted?" → "When was <title> adopted?"."""
    if _THE_TEXT.search(question):
        return _THE_TEXT.sub(lambda _: title, question, count=1)
    return f"{question.rstrip(' ?')}, {title}?"  # "Who is the author?"
