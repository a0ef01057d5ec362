"""Query analysis: corrections, acronym expansion, key terms and their weights.

Short keyword queries, typos and all-lower-case queries must still find the right provision: a word
the corpus never uses is corrected (assistant.spelling), acronyms and long forms are added both ways,
and each key term is weighed by how rare it is in the corpus.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant import framing, glossary, manners, references, shapes, wording
from assistant.references import Reference
from assistant.sparse import STOPWORDS, TermStats, known_in, tokenize, words
from assistant.spelling import Speller, regional_variants
from assistant.wording import FUNCTION_WORDS, GENERIC, MODALS, QUESTION_WORDS

if TYPE_CHECKING:
    from assistant.exclusion import SetAside

INTENTS = {
    "commitment": frozenset("commit commits committed commitment commitments pledge pledged pledges promise promised "
                            "intend intends intended intention undertake undertook undertaken agree agreed decide decides decided "
                            "decision".split()),
    "recommendation": frozenset("recommend recommends recommended recommendation recommendations advise advises "
                                "advice suggest suggests should propose proposes proposed proposal proposals".split()),
}
GENERIC_WEIGHT = 0.3  # "what role do businesses play": the topic is businesses, not roles
CARRIED_WEIGHT = 0.35  # a follow-up's own words lead; the earlier topic only steers
_NOT_TERMS = STOPWORDS | QUESTION_WORDS | FUNCTION_WORDS
_OBLIGING = frozenset({"must", "shall"})  # how a text obliges, not what of; "need", "might" weigh as words do
VAGUE_TERMS = frozenset(tokenize(" ".join(wording.NEVER_MISSING)))  # never a topic the texts lack
# what a question asks for: the noun of "which X", the verb of "who will X" ("Who will chair …?")
_ASKED_FOR = re.compile(
    r"\s*(?:(?:which|what)\s+(?:(?:kinds?|sorts?|types?)\s+of\s+)?|who\s+(?:will|would|shall|should|must|can|could|may)\s+)"
    r"([a-z]+)", re.I,
)


@dataclass
class Analyzed:
    """A query after analysis: the text to retrieve with and the key terms an answer must cover.

    alternatives maps a key term to term sets that also satisfy it (the stems of an acronym's long
    form, or the acronym of a long form); unknown holds key terms the corpus never uses.
    """

    original: str
    text: str
    corrections: dict[str, str] = field(default_factory=dict)
    expansions: list[str] = field(default_factory=list)
    keyterms: dict[str, float] = field(default_factory=dict)
    alternatives: dict[str, list[frozenset[str]]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    intent: str | None = None
    scoped: bool = False  # the question names its source(s), so "what does X say?" needs no topic words
    references: frozenset[Reference] = frozenset()  # places the question names: "Article 3", "Objective 2"
    out_of_scope: float = 0.0  # idf-weighted share of the question's own terms the documents it names never use
    origin: bool = False  # it asks only who issued a document or when, and the evidence is the text's own word on it
    phrasal: dict[str, frozenset[str]] = field(default_factory=dict)  # "take" of "take part": the phrase counts
    answer_shapes: list[re.Pattern[str]] = field(default_factory=list)  # "resolution 75/240", "chaired by"
    gist: bool = False  # "What is the UN resolution about?": the text's full title leads its opening
    purpose: bool = False  # "What is the point of …?": a section titled "Aim" answers it
    new_terms: frozenset[str] = frozenset()  # the topic "What about customers?" switches to, in words the corpus uses
    bound: frozenset[str] = frozenset()  # whom the obligations asked about bind ("obligations on consumers"): all said
    paired: tuple[frozenset[str], frozenset[str]] | None = None  # "between cybersecurity and trade": the two, as terms
    aside: SetAside | None = None  # "Other than firewalls, …": what the answer leaves out

    def shaped(self, text: str, headings: list[str] | None = None) -> bool:
        """Return True when text has the shape of this question's answer ("Who chaired it?": "chaired by")."""
        if self.purpose and headings and shapes.states_aim(headings):
            return True
        return any(p.search(text) for p in self.answer_shapes)

    def corrected(self, text: str) -> str:
        """Return text with this analysis's spelling and word-form corrections applied."""
        return _apply(text, self.corrections)

    @property
    def unknown_share(self) -> float:
        """Return the idf-weighted share of key terms that appear nowhere in the corpus."""
        total = sum(self.keyterms.values())
        return sum(self.keyterms[t] for t in self.unknown) / total if total else 0.0


# "it", "its", "… of that?": the earlier turn's subject; not "that" opening a clause ("… say that parties must …")
_IT = re.compile(r"\b(?:it|its)\b|\b(?:of|to|from|under|in|about|on)\s+(?:this|that)\s*[?.!]*$", re.I)


class Analyzer:
    """Analyse queries against the statistics of one version of the corpus."""

    def __init__(self, stats: TermStats, learned: dict[str, set[str]], known: frozenset[str] = frozenset()) -> None:
        self.size = max(1, stats.size)
        self.word_counts: Counter[str] = Counter(stats.words)
        self.doc_freq: Counter[str] = Counter(stats.doc_freq)
        self.glossary = glossary.merged(learned)
        self._spelled = glossary.acronyms(learned)  # long forms only: a mention of an acronym, not another word for it
        self.known = known
        self._speller: Speller | None = None
        self._stem_set: frozenset[str] | None = None
        self._unknown_terms: dict[str, bool] = {}  # a question's terms are looked up several times per question
        self._negative_forms: dict[str, list[str]] | None = None

    @classmethod
    def of_texts(cls, texts: Iterable[str], learned: dict[str, set[str]], known: frozenset[str] = frozenset()) -> Analyzer:
        """Build an analyzer straight from texts (tests, small tools)."""
        return cls(TermStats.of(texts), learned, known)

    @property
    def speller(self) -> Speller:
        """Return the speller, built on first use (large vocabularies take a moment)."""
        if self._speller is None:
            self._speller = Speller(self.word_counts, self.known, QUESTION_WORDS | FUNCTION_WORDS)
        return self._speller

    def idf(self, term: str) -> float:
        """Return the BM25-style inverse document frequency of a stemmed term."""
        df = self.doc_freq.get(term, 0)
        return math.log((self.size - df + 0.5) / (df + 0.5) + 1.0)

    def analyze(
        self, query: str, focus: str | None = None, carried: str = "", addressed: frozenset[str] = frozenset(),
    ) -> Analyzed:
        """Correct, expand and weigh a query.

        Key terms come from focus (the question without source names) at full weight and from carried
        (topic words of earlier turns) at half weight; addressed terms (who is asked) and intent words
        ("commit", "recommend") are left out of them, the intent being kept apart.
        """
        written = references.spelled_out(framing.leaving(wording.undrafted(query)))  # "What language can I borrow …"
        corrections = self._corrections(f"{written} {carried}")
        corrected = _apply(written, corrections)
        expansions = glossary.expand(corrected, self.glossary)
        own = manners.without_asides(_apply(references.spelled_out(framing.leaving(focus if focus is not None else query)),
                                            corrections))
        # "Which ones concern SMEs?" after "What are the G7's commitments?" still asks for commitments
        intent = next((k for text in (own, carried) for k, ws in INTENTS.items() if any(w in ws for w in words(text))), None)
        # "Can a Party opt out of it?" after "What does Article 6 …?": "it" is the place the earlier turn named
        named = references.parse(own) or (references.parse(carried) if _IT.search(own) else frozenset())
        if named and not references.specific(named):  # "What does point (d) say?" after "… Article 21 …": its point
            named |= frozenset(r for r in references.parse(carried) if r[0] in references.MAJOR)
        # "point (i)" names a place that labels call "(i)": the word is no topic
        aliases = references.alias_terms() if named else frozenset()
        keyterms = {t: w for t, w in self.keyterms(own).items()
                    if t not in addressed and t not in aliases
                    and not (named and (references.RANK_TERM.match(t) or references.numeral_of(t, named)))}
        own_terms = frozenset(keyterms)
        phrasal = self.phrases(own)
        self._weigh_phrases(keyterms, phrasal)
        for term, weight in self.keyterms(_apply(carried, corrections)).items():
            keyterms.setdefault(term, CARRIED_WEIGHT * weight)
        alternatives = self._alternatives(f"{own} {carried}", keyterms)
        for word, variants in self._variants(f"{own} {carried}").items():
            expansions.extend(v for v in variants if v not in expansions)
            for term in tokenize(word):
                if term in keyterms:
                    alternatives.setdefault(term, []).extend(frozenset(tokenize(v)) for v in variants)
        for term, bases in self._irregular(f"{own} {carried}", keyterms).items():
            alternatives.setdefault(term, []).extend(bases)
        for term in glossary.spelled_out_beside(own, self.glossary):  # "a PaaS platform" asks about PaaS
            keyterms.pop(term, None)
        # "What is Objective 2's title?": a place's name asked for, never a missing topic
        naming = references.NAMING_TERMS if references.specific(named) else frozenset()
        # "What does the ICC expect of governments?": how it asks, which a text need not use, is never a missing topic
        naming |= framing.framing_terms(own)
        unknown = [t for t in keyterms if self._unknown(t) and t not in VAGUE_TERMS and t not in naming
                   and not any(a <= self._stems() for a in alternatives.get(t, ()))]
        switched = carried and _SWITCH.match(own)  # "What about customers?" asks the earlier question of customers
        new_terms = frozenset(t for t in own_terms if t in keyterms and t not in unknown and t not in _NEVER_NEW) if switched else frozenset()
        # "obligations on consumers": whom they bind must be whom the provision speaks of
        bound = frozenset(t for t in tokenize(framing.bearer(own)) if t in keyterms and t not in unknown and t not in _NEVER_NEW)
        return Analyzed(query, " ".join([corrected, *expansions]), corrections, expansions, keyterms, alternatives,
                        unknown, intent, references=named, phrasal=phrasal,
                        answer_shapes=shapes.answers(own) + wording.quoted_shapes(own),
                        purpose=shapes.purposive(own), new_terms=new_terms, bound=bound,
                        paired=framing.paired(own))

    def _weigh_phrases(self, keyterms: dict[str, float], phrasal: dict[str, frozenset[str]]) -> None:
        """Weigh an everyday phrase ("took part", "small firms") as one term with the weight of all its words.

        The weight goes to its words that are topic words ("take"; not the generic "part"), shared among them,
        so that "small firm" weighs what "small" and "firm" would, not twice that.
        """
        for phrase in dict.fromkeys(phrasal.values()):  # a fixed order: the same weights on every run
            carriers = [t for t in phrase if keyterms.get(t, 0.0) >= self.idf(t)]
            # the phrase's words that are no key terms ("don" of "don't use") add nothing
            weight = sum(self.idf(t) for t in phrase if t in keyterms) / max(len(carriers), 1)
            keyterms.update(dict.fromkeys(carriers, weight))

    def _corrections(self, text: str) -> dict[str, str]:
        corrections = {}
        phrased = {w for phrase in glossary.shorthands(text.lower(), self.glossary) for w in phrase.split()}
        for token in re.findall(r"[A-Za-z]+", text):
            lower = token.lower()
            if lower in _NOT_TERMS or glossary.normalize(token) in self.glossary:
                continue
            if any(v in self.word_counts for v in regional_variants(lower)):
                continue  # "prioritise" is the corpus's "prioritize", not a typo of "priorities"
            base = self._base_form(lower)
            if base and lower in phrased and tokenize(base) == tokenize(lower):
                continue  # "points", a form of the texts' "point": "main points" stays the glossary's phrase
            if base:  # "who took part": the texts' "take"
                corrections[lower] = base
                continue
            if not self.speller.needs(lower):
                continue  # a corpus or general word; most questions hold no other, and then cost no spelling index
            fixed = self.speller.correct(lower) or self._compound(lower)
            if fixed and fixed != lower:
                corrections[lower] = fixed
        return corrections

    def _base_form(self, word: str) -> str | None:
        """Return the corpus's dictionary form of an irregular form the corpus never uses ('took' → 'take')."""
        if word in self.word_counts or not word.isalpha():
            return None
        return next((b for b in wording.base_forms(word) if b in self.word_counts), None)

    def _compound(self, word: str) -> str | None:
        """Return 'auto run' for 'autorun' when the corpus writes it hyphenated ('auto-run') and never whole.

        Both halves occurring apart is no evidence: "blockchain" is not the "block" and "chain" of other texts.
        """
        if word in self.word_counts or word in self.known or len(word) < 6 or not word.isalpha():
            return None
        halves = [(word[:i], word[i:]) for i in range(3, len(word) - 2)]
        best = max(((self.word_counts[f"{a}-{b}"], a, b) for a, b in halves if f"{a}-{b}" in self.word_counts), default=None)
        return f"{best[1]} {best[2]}" if best else None

    def _hyphenated(self, term: str) -> str | None:
        """Return the corpus's hyphenated stem of a term it never writes whole ("allowlist" → "allow-list")."""
        if len(term) < 6 or self.doc_freq.get(term) or not term.isalpha():
            return None
        splits = (f"{term[:i]}-{term[i:]}" for i in range(3, len(term) - 2))
        return next((s for s in splits if self.doc_freq.get(s)), None)

    def _variants(self, text: str) -> dict[str, list[str]]:
        """Map each word of text to the corpus's other spellings of it, and a negated word to its negative form."""
        found: dict[str, list[str]] = {}
        negated = wording.negated(text)
        for word in dict.fromkeys(words(text)):
            if word not in _NOT_TERMS and word.isalpha():
                variants = sorted(v for v in regional_variants(word) if v in self.word_counts)
                if word in negated:
                    variants += self._negatives().get(" ".join(tokenize(word)), [])
                if variants:
                    found[word] = variants
        return found

    def _negatives(self) -> dict[str, list[str]]:
        """Map a stem to the corpus words that negate it by a prefix ('support' → 'unsupported')."""
        if self._negative_forms is None:
            self._negative_forms = {}
            for word, rest in wording.negative_prefixed(self.word_counts):
                self._negative_forms.setdefault(" ".join(tokenize(rest)), []).append(word)
        return self._negative_forms

    def _irregular(self, text: str, keyterms: dict[str, float]) -> dict[str, list[frozenset[str]]]:
        """Map each key term that is an irregular verb form ("withdrawn", "kept") or a doer ("workers") to the stems
        of the base form or the doing the corpus uses ("withdraw", "home working")."""
        found: dict[str, list[frozenset[str]]] = {}
        for word in dict.fromkeys(words(text)):
            stems = tokenize(word)
            if len(stems) != 1 or stems[0] not in keyterms or not word.isalpha() or word in MODALS:
                continue
            for base in (*wording.verb_bases(word), *wording.doing_forms(word)):
                base_stems = tokenize(base)
                if base in self.word_counts and base_stems != stems:
                    found.setdefault(stems[0], []).append(frozenset(base_stems))
        return found

    def _unknown(self, term: str) -> bool:
        """Return True for a key term no corpus word shares (nor a long prefix of it)."""
        unknown = self._unknown_terms.get(term)
        if unknown is None:  # the prefix test scans the whole vocabulary: once per term, not per lookup
            unknown = self._unknown_terms[term] = not self.doc_freq.get(term, 0) and not known_in(term, self._stems())
        return unknown

    def spelled_out(self, term: str) -> list[frozenset[str]]:
        """Return the terms of each long form of an acronym term ("mlat": mutual legal assistance treaty)."""
        forms = self._spelled.get(glossary.normalize(term)) or self._spelled.get(term) or set()
        return [frozenset(tokenize(f)) for f in forms]

    def _glossary_forms(self, term: str) -> set[str] | None:
        """Return the other words the glossary gives a key term ("sell" is the texts' "sale"), if any."""
        return self.glossary.get(glossary.normalize(term)) or self.glossary.get(term)

    def _stems(self) -> frozenset[str]:
        if self._stem_set is None:
            self._stem_set = frozenset(self.doc_freq)
        return self._stem_set

    def keyterms(self, text: str) -> dict[str, float]:
        """Return the stemmed content terms of a question with their idf weights."""
        intent_words = INTENTS["commitment"] | INTENTS["recommendation"]
        skip = _NOT_TERMS | intent_words
        if shapes.purposive(text):  # "the point of secure configuration" is about secure configuration
            skip |= set(shapes.PURPOSE_WORDS.split())
        if wording.QUOTED.search(text):  # "Where does the phrase 'all-hazards approach' appear?"
            skip |= wording.QUOTE_FRAMING
        asked = framing.asked(text)  # "What are governments expected to do?", "What language can I borrow …?"
        content = [w for w in words(asked) if w not in skip and (len(w) > 1 or w.isdigit())]  # "Party's" leaves an "s"
        counted = framing.counted(text)
        # "How long must passwords be?": a text obliges in "shall" as often as in "must"; the modal weighs little
        framed = " ".join(w for w in content if w in GENERIC or w in _OBLIGING)
        generic = set(tokenize(framed)) | framing.framing_terms(text) | counted
        terms = tokenize(" ".join(content))
        # a hyphenated word is one term: "open-ended" where the texts write it (its parts weigh nothing more),
        # else its parts ("password-cracking", which the texts never write, is "password" and "cracking")
        present = set(terms)
        counts = Counter(terms)
        written = {tokenize(w)[0]: w for w in content if "-" in w}  # "public-priv" is "public" and "privat"
        for term in terms:
            if "-" not in term:
                continue
            parts = tokenize(written.get(term, term).replace("-", " "))
            if self._unknown(term) and set(parts) <= present:
                counts[term] -= 1
            else:  # each part came twice: words() split the word, and tokenize the compound again
                counts.subtract(2 * parts)
        # a count the texts never write weighs as an unknown topic would: "the six takeaways" are the takeaways
        terms = [t for t in dict.fromkeys(terms) if counts[t] > 0 and not (t in counted and self._unknown(t))]
        unknown = {t for t in terms if self._unknown(t)}
        if unknown:  # "is it genuine", "does it actually work" name nothing
            asking = tokenize(" ".join(wording.relational(text)))
            generic |= {t for t in asking if t in unknown and not self._glossary_forms(t)}
        return {t: self.idf(t) * (GENERIC_WEIGHT if t in generic else 1.0) for t in terms}

    def phrases(self, text: str) -> dict[str, frozenset[str]]:
        """Map each term of an everyday phrase in text ("take part", "find out") to the phrase's terms.

        Such a phrase means what its words do not ("take part" is to attend): one of its words alone is
        no evidence, the phrase or the glossary's formal word ("convened") is.
        """
        out: dict[str, frozenset[str]] = {}
        for key in glossary.shorthands(text.lower(), self.glossary):
            stems = frozenset(tokenize(key))
            if len(stems) >= 2 and " " in key:
                out.update(dict.fromkeys(stems, stems))
        return out

    def topic_terms(self, text: str) -> dict[str, float]:
        """Return the key terms of text that say what it is about: not 'role', 'play' nor 'must'.

        The thing a "which X" question asks for weighs double ("Which countries have ratified …?"), as does
        the act a "who will X" question asks about ("Who will chair the Global Mechanism?").
        """
        shape = set(tokenize(" ".join(GENERIC | MODALS))) | framing.framing_terms(text)  # nor "expect" in "expect of"
        topic = {t: w for t, w in self.keyterms(text).items() if t not in shape}
        asked = _ASKED_FOR.match(text)
        for term in tokenize(asked.group(1)) if asked else []:
            if term in topic:
                topic[term] *= 2
        return topic

    def _alternatives(self, text: str, keyterms: dict[str, float]) -> dict[str, list[frozenset[str]]]:
        """Map each key term that is an acronym, part of a long form or a compound to the terms that can stand for it."""
        out: dict[str, list[frozenset[str]]] = {}
        lowered = text.lower()
        phrases = glossary.shorthands(lowered, self.glossary)
        in_phrase = set(tokenize(" ".join(glossary.phrase_words(phrases))))
        for term in keyterms:
            forms = None if term in in_phrase else self._glossary_forms(term)
            if forms:
                out[term] = [frozenset(tokenize(f)) for f in forms]
        for key in phrases:  # "24/7": each part may stand for it
            for term in tokenize(key):
                if term in keyterms:
                    out.setdefault(term, []).extend(frozenset(tokenize(f)) for f in self.glossary[key])
        shorthand = glossary.looked_up()
        for key, forms in self.glossary.items():
            for form in forms:
                if form in lowered and (key, form) not in shorthand:
                    for term in tokenize(form):
                        if term in keyterms:
                            out.setdefault(term, []).extend(_written(key))
        for phrase in wording.frequencies(lowered):  # "every 90 days" is what the texts call "regular"
            for term in tokenize(phrase):
                if term in keyterms:
                    out.setdefault(term, []).append(frozenset(tokenize(wording.REGULAR)))
        for term in keyterms:  # "zero-day" is also the texts' "zero day", whether or not they hyphenate it elsewhere
            # "a 90-day limit": the texts' "ninety days", and back; small numbers are places and "one of", not periods
            if term.isdigit() and 10 <= int(term) < 100:
                out.setdefault(term, []).append(frozenset(tokenize(wording.number_word(int(term)))))
            elif (number := _NUMBERS.get(term)) is not None:
                out.setdefault(term, []).append(frozenset({str(number)}))
            if "-" in term:
                out.setdefault(term, []).append(frozenset(tokenize(term.replace("-", " "))))
            elif hyphenated := self._hyphenated(term):  # "allowlisting": the texts' "allow-listed", "allow list"
                out.setdefault(term, []).extend([frozenset({hyphenated}), frozenset(hyphenated.split("-"))])
            # "security training" is the texts' "cybersecurity training", "crime" their "cybercrime"
            if not term.startswith(CYBER) and self.doc_freq.get(CYBER + term):
                out.setdefault(term, []).append(frozenset({CYBER + term}))
        # "SME awareness": the stemmer keeps an acronym's plural apart, and the texts speak of "SMEs"
        for acronym in re.findall(r"\b[A-Z]{2,}\b", text):
            if (term := acronym.lower()) in keyterms and self.doc_freq.get(f"{term}s"):
                out.setdefault(term, []).append(frozenset({f"{term}s"}))
        return out


CYBER = "cyber"
# "What are the obligations under NIS 2?": what it says, in "shall" and "must"; a text need not use the word
DUTIES = frozenset(tokenize("obligations duties"))
_NUMBERS = {" ".join(tokenize(word)): n for word, n in wording.NUMBER_WORDS.items() if "-" not in word and n >= 10}
# generic, vague and modal words name no topic a follow-up switches to ("what role do businesses play")
_NEVER_NEW = VAGUE_TERMS | frozenset(tokenize(" ".join(MODALS)))
_SWITCH = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\b", re.I)


def _written(key: str) -> list[frozenset[str]]:
    """Return how the texts write a glossary key: "SMEs" stems to "smes", not to the key "sme"."""
    forms = [frozenset({key})]
    plural = frozenset(tokenize(f"{key}s")) if key.isalnum() else forms[0]
    return forms if plural == forms[0] else [*forms, plural]


def _apply(text: str, corrections: dict[str, str]) -> str:
    for wrong, right in corrections.items():
        text = re.sub(rf"\b{re.escape(wrong)}\b", right, text, flags=re.I)
    return text

