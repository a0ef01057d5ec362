"""Where the texts name one another: "Which texts mention the Budapest Convention?", "Does the UN resolution cite it?".

A question whose object is a text of the corpus asks for the other texts that refer to it, not for that text:
ranked, "Which texts mention the Budapest Convention?" would quote the Convention's own preamble. Every
provision of the other texts (or of the one text asked about) is read for the text's name as its title
gives it, capitals and all, and those that name it are cited where they do; none is a plain "no". A short
name that no text uses for the text but that names a body ("Does the ICC mention the UN?": its "UN General
Assembly", not resolution 80/16) is read for as words, the acronym's long forms too ("United Nations Charter").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.render import capitalized, short_title, without_article
from assistant.types import Answer, Filters, Hit

if TYPE_CHECKING:
    from assistant.answer import Composer
    from assistant.conversation import Resolved, SourceIndex
    from assistant.retrieve import Retriever

_NOUN = r"(?:documents?|texts?|sources?|instruments?|papers?)"
_DO = r"(?:mention|refer\s+to|cite|name|reference|quote|invoke)"  # as after "does"
_DOES = r"(?:mentions?|refers?\s+to|cites?|names?|references?|quotes?|invokes?)"  # as after "which texts"
_DONE = r"(?:mentioned|referred\s+to|cited|named|referenced|quoted|invoked)"
_END = r"\s*[?.!]*$"
_STANCE = (r"(?:support|endorse|back|oppose|reject|criti(?:ci[sz]e|que)|welcome|recogni[sz]e"
           r"|build\s+on|rely\s+on|draw\s+on)")
_FORMS = [
    # "Which texts mention the Budapest Convention?", "Which other documents refer to NIS 2?"
    re.compile(rf"^(?:which|what)\s+(?:other\s+)?{_NOUN}\s+(?:also\s+)?{_DOES}\s+(?P<target>.+?){_END}", re.I),
    # "Does any other text refer to the Budapest Convention?"
    re.compile(rf"^(?:does|do|did)\s+(?:any|another|an)\s+(?:other\s+)?{_NOUN}\s+{_DO}\s+(?P<target>.+?){_END}", re.I),
    # "Where is NIS 2 mentioned?", "In which texts is the Paris Call cited?"
    re.compile(rf"^(?:where|in\s+(?:which|what)\s+(?:other\s+)?{_NOUN})\s+(?:is|are|was|were)\s+(?P<target>.+?)\s+{_DONE}"
               rf"(?:\s+(?:in|by)\s+(?P<within>.+?))?{_END}", re.I),
    # "Is the Budapest Convention referred to in the Paris Call?"
    re.compile(rf"^(?:is|was|are|were)\s+(?P<target>.+?)\s+{_DONE}\s+(?:in|by)\s+(?P<within>.+?){_END}", re.I),
    # "Does the Paris Call mention the Budapest Convention?": both must be texts of the corpus
    re.compile(rf"^(?:does|do|did)\s+(?P<within>.+?)\s+(?:ever\s+|also\s+)?{_DO}\s+(?P<target>.+?){_END}", re.I),
    # "Does the ICC support the Budapest Convention?": a stance it can only take where it names the text ("Does the
    # ICC agree with the G7?" compares what the two say, named or not; so does "Does it support X on a topic?")
    re.compile(rf"^(?:does|do|did)\s+(?P<within>.+?)\s+(?:ever\s+|also\s+)?(?P<stance>{_STANCE})\s+"
               rf"(?P<target>(?:(?!\s(?:on|about|over|regarding|concerning|in|when|that|for)\s).)+?){_END}", re.I),
]


@dataclass(frozen=True)
class Asked:
    """A question asking where one text of the corpus is named: in the others, or in one of them."""

    target: str  # doc_id of the text named
    within: str = ""  # doc_id of the one text asked about, else every other
    phrase: str = field(default="", compare=False)  # the words naming it, as asked ("the UN")
    stance: bool = False  # asked whether one text supports or opposes the other, which naming it only begins to say


def asked(question: str, named: Callable[[str], list[str]]) -> Asked | None:
    """Return where a question asks a text to be named, or None; named gives the doc_ids a phrase is the name of."""
    for form in _FORMS:
        if (m := form.match(question.strip())) is None:
            continue
        target = named(m.group("target"))
        within = named(m.group("within")) if "within" in form.groupindex and m.group("within") else []
        if len(target) != 1 or (m.groupdict().get("within") and (len(within) != 1 or within == target)):
            return None  # "the UN Charter", "MLATs": no text of the corpus, a topic the texts are read for
        return Asked(target[0], within[0] if within else "", m.group("target"), bool(m.groupdict().get("stance")))
    return None


def _short_name(phrase: str, long_forms: Callable[[str], set[str]], own: bool = False) -> re.Pattern[str] | None:
    """Return the pattern of a short name as asked ("the UN", "G7"), which may name a body, not its text; else None.

    An acronym's long forms count as its words: "the UN" is also the Paris Call's "United Nations Charter". A name
    of more words is a body's only where the text's title does not give it ("the United Nations", not "the Budapest
    Convention").
    """
    words = without_article(phrase.strip())
    if len(words.split()) > 1:
        return None if own else re.compile(rf"(?<![\w-]){re.escape(words)}(?![\w-])", re.I)
    spelled = "".join(rf"|(?i:{re.escape(form)})" for form in sorted(long_forms(words)) if words.isupper())
    return re.compile(rf"(?<![\w-])(?:{re.escape(words)}{spelled})(?![\w-])", 0 if words.isupper() else re.I)


def answered(
    question: str, resolved: Resolved, retriever: Retriever, composer: Composer, filters: Filters, sources: SourceIndex,
) -> Answer | None:
    """Answer where a text of the corpus is named by the others, or return None for any other question."""
    from assistant.catalogue import named
    from assistant.glossary import normalize

    wanted = asked(question, lambda phrase: named(phrase, sources.mentions))
    if wanted is None or wanted.target not in composer.documents:
        return None
    docs = [wanted.within] if wanted.within else [d for d in composer.documents if d != wanted.target
                                                  and (not filters.doc_ids or d in filters.doc_ids)]
    said = [(h, words) for d in docs for h in retriever.reader.provisions(d) if (words := sources.naming(h.text, wanted.target))]
    holders = [h for h, _ in said]
    name = short_title(composer.documents[wanted.target].title)
    where = short_title(composer.documents[wanted.within].title) if wanted.within else ""
    own = any(p.fullmatch(without_article(wanted.phrase.strip())) for p in sources.own_names.get(wanted.target, []))

    def long_forms(word: str) -> set[str]:
        return retriever.analyzer.glossary.get(normalize(word), set())

    if not holders and (short := _short_name(wanted.phrase, long_forms, own)):
        # "Does the ICC mention the UN?": the body its "UN General Assembly" names, not resolution 80/16
        if using := _using_words(retriever, docs if wanted.within else list(composer.documents), short, filters):
            return _using(resolved, retriever, composer, using, where, wanted.phrase)
    if not holders:
        text = f"No: {where} does not name {name}." if where else f"No other text in the corpus names {name}."
        if wanted.stance:  # "Does the ICC support the Budapest Convention?": no "no" to a stance it never takes
            text = f"{where} does not name {name}, so it takes no stance on it in so many words."
        return composer.refused(resolved, [], capitalized(text))
    holding = len({h.doc_id for h in holders})
    lead = (f"{'' if wanted.stance else 'Yes: '}{where} names {name}:" if where else
            f"{holding} of the {len(docs)} other texts in the corpus name{'s' if holding == 1 else ''} {name}:")
    return _cited(resolved, retriever, composer, holders, " ".join(dict.fromkeys(words for _, words in said)), lead)


def _using_words(retriever: Retriever, docs: list[str], short: re.Pattern[str], filters: Filters) -> list[Hit]:
    """Return the provisions that use a short name's words in a sentence, not as a line of their own ("United Nations")."""
    return [h for d in docs for h in retriever.reader.provisions(d) if short.search(h.text)
            and not short.fullmatch(h.text.strip(" .")) and (not filters.doc_ids or h.doc_id in filters.doc_ids)]


def _using(resolved: Resolved, retriever: Retriever, composer: Composer, using: list[Hit], where: str, phrase: str) -> Answer:
    """Answer that the texts (or the one asked about) use a short name's words, where they do ("UN member-states").

    The lead names the body as asked ("mentions the UN"): the text was named by those words, but not meant.
    """
    texts = len({h.doc_id for h in using})
    lead = (f"Yes: {where} mentions {phrase.strip()}:" if where else
            f"{texts} of the {len(composer.documents)} texts in the corpus mention{'s' if texts == 1 else ''} {phrase.strip()}:")
    return _cited(resolved, retriever, composer, using, without_article(phrase.strip()), lead)


def _cited(resolved: Resolved, retriever: Retriever, composer: Composer, hits: list[Hit], words: str, lead: str) -> Answer:
    """Cite the provisions found after the lead, each quoted where it says the words."""
    answer = composer.count(resolved, hits, "provision", retriever.analyze(words), capitalized(lead))
    answer._retrieved = hits
    return answer
