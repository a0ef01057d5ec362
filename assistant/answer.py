"""The extractive composer: grounded answers that quote the best-supported provisions, or an honest abstention.

No language model is needed. Each claim is a verbatim quote from a cited provision, introduced by who
said it, in which document, when and where ("Objective 2, action 1"); several provisions become
bullets grouped by document, and comparison questions get one section per source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant import contents, framing, moves, quoting, references, shapes, sourcing
from assistant.evidence import Evidence, cite, reading_order
from assistant.listing import (
    LIST_MAX, PLACE_MAX, asks_whole, completed, examples, heading_asked, intro_verb, introduces, parallel, tied,
    with_short_lists,
)
from assistant.config import AnswerSettings
from assistant.conversation import Resolved
from assistant.query import Analyzed
from assistant.references import Reference
from assistant.prose import Prose
from assistant.render import full_title, short_title
from assistant.leading import order_lead
from assistant.sides import SPREAD
from assistant.hits import Scored
from assistant.sparse import tokenize
from assistant.types import Answer, Document, Hit

_LIST = re.compile(
    r"^(?:what|which) (?:\w+ ){0,2}(?:are|were)\b|\b(?:list|all|checklist)\b|\b(?:what|which) (?:\w+ ){0,3}(?:measures|actions|"
    r"commitments|recommendations|requirements|controls|steps|practices|obligations)\b|\bwhat (?:should|must|can)\b|"
    r"\b(?:what|which) (?:kinds|types|sorts|forms) of\b|\bexamples of\b|"  # "Give me three examples of …": a list's items
    r"\bhow (?:should|must)\b|\bwhat (?:\w+ ){1,4}(?:requires?|mandates?)\b|\bwhat is (?:required|mandated)\b|"
    # "Summarise the G7's Objective 2 actions": a summary of a list is the list
    rf"^summari[sz]e\b[^?.]*\b(?:{references.KIND_PLURALS}|measures|controls|steps|practices|obligations)\b",
    re.I,
)
LEAD_MIN_TERMS = 5  # a list's introduction worth quoting says something itself ("… a loss of property … by:")
SPREAD_SHARE = 0.8  # "Which texts …?": a text is named when its best provision is this close to the best of all
REFERRED_COVERAGE = 0.9  # a point the lead refers to joins it when it covers the question nearly as well


class Composer:
    """Turn scored provisions into an answer with citations, or an abstention."""

    def __init__(
        self, settings: AnswerSettings, lexical_weight: float, documents: dict[str, Document],
        list_items: Callable[[Hit], list[Hit]] | None = None, list_intro: Callable[[Hit], Hit | None] | None = None,
        section_items: Callable[[Hit], list[Hit]] | None = None,
        at_place: Callable[[Hit, frozenset[Reference], int], list[Hit]] | None = None,
        referred: Callable[[Hit], list[Hit]] | None = None,
    ) -> None:
        self.settings = settings
        self.weight = lexical_weight
        self.documents = documents
        self.list_items = list_items or (lambda hit: [])
        self.list_intro = list_intro or (lambda hit: None)
        self.section_items = section_items or (lambda hit: [])
        self.at_place = at_place or (lambda hit, wanted, limit: [])
        self.referred = referred or (lambda hit: [])
        self.prose = Prose(documents)

    def support(self, scored: Scored) -> float:
        """Return how well a provision supports an answer (cosine plus weighted key-term coverage)."""
        return scored.cosine + self.weight * scored.coverage

    def adequate(self, scored: Scored, analyzed: Analyzed) -> bool:
        """Return True when a provision is good enough evidence to answer the question from."""
        s = self.settings
        support, coverage = self.support(scored), scored.coverage
        if not scored.on_topic:
            return False  # a follow-up's own topic ("What about customers?") must be what the provision speaks of
        if shapes.unquantified(analyzed.original, scored.hit.text) or shapes.unscheduled(analyzed.original, scored.hit.text):
            return False  # "how many takeaways …?" is not answered by a takeaway without a number, nor "when next" by a past date
        if scored.placed >= 1.0 and coverage >= s.weak_coverage:
            return True  # the question names this provision's place ("What does Article 12 require?")
        if support < s.min_support or coverage < s.min_coverage:
            return False
        return not (coverage < s.weak_coverage and support < s.strong_support)

    def compose(
        self, resolved: Resolved, analyzed: Analyzed, scored: list[Scored], related: list[Scored],
        sections: dict[str, list[Scored]] | None = None, spread: bool = False, saying: frozenset[str] = frozenset(),
    ) -> Answer:
        """Compose the answer to a resolved question; spread: name only the texts that answer, or that say it (saying)."""
        if self._off_vocabulary(analyzed) and not self._confident(scored, analyzed):
            return self._abstain(resolved, related or scored)
        if sections:
            return self._comparison(resolved, analyzed, sections, related, spread, saying)
        chosen = self._select(resolved.question, scored, analyzed)
        if analyzed.aside is not None:  # "Other than firewalls, which controls …": not the list's "Firewalls" either
            chosen = [s for s in chosen if not analyzed.aside.about(s.hit)]
        if not chosen:
            return self._abstain(resolved, related or scored)
        # the items under a heading asked for are quoted from their start: the heading's words name no topic in them
        topical = len(chosen) < 2 or not all(heading_asked(s.hit, analyzed) for s in chosen)
        evidence = reading_order(self._with_lead_ins([
            Evidence(s, self._lead(s.hit) if s.lead_in else self.quote(s.hit.text, analyzed, topical)) for s in chosen]))
        citations = [cite(n, e) for n, e in enumerate(evidence, 1)]
        text = self._titled(analyzed, [e.hit for e in evidence]) + self.prose.render(evidence)
        return Answer(question=resolved.question, text=text, citations=citations, resolved_query=resolved.query)

    def _titled(self, analyzed: Analyzed, hits: list[Hit]) -> str:
        """Return the title of the place a question names, as its text heads it ("Article 16 is headed “…”."), or ""."""
        hit = hits[0]
        if analyzed.gist and (title := full_title(hit.doc_title)):
            return f"{title}\n\n"
        if (asked := _asked_kind(analyzed)) and (named := references.kind_title(asked, hit.heading_path)):
            # "Which article deals with …?": the place, and any other of the answer's places its text heads alike
            places = list(dict.fromkeys(n[0] for h in hits if h.doc_id == hit.doc_id
                                        and (n := references.kind_title(asked, h.heading_path)) and n[1] == named[1]))
            verb = "are" if len(places) > 1 else "is"
            return f"{' and '.join(places)} of {self._doc(hit)} {verb} headed “{named[1]}”.\n\n"
        if levelled := self._levelled(contents.level_asked(analyzed.original) or _asked_kind(analyzed), hits):
            return levelled
        if quoting.topic_weights(analyzed):  # "What does Article 21 say about backups?": the title says nothing of them
            return ""
        named = references.title(analyzed.references, hit.heading_path)
        return f"{named[0]} of {self._doc(hit)} is headed “{named[1]}”.\n\n" if named else ""

    def _levelled(self, level: str, hits: list[Hit]) -> str:
        """Return which part of a level the answer's places sit under ("… under its function RESPOND (RS)."), or ""."""
        hit = hits[0]
        levels = contents.levels(hit.doc_title)

        def part(path: list[str]) -> str | None:
            # "Which Cyber Essentials section covers cloud?": its sections are lettered, not numbered places
            return contents.lettered(path) if level == "section" else contents.level_heading(path, levels, level)

        names = list(dict.fromkeys(n for h in hits if h.doc_id == hit.doc_id and (n := part(h.heading_path))))
        if not level or not names:
            return ""
        kind = level if len(names) == 1 else contents.noun(names, level)
        return f"{self._doc(hit)} covers this under its {kind} {' and '.join(names)}.\n\n"

    def count(self, resolved: Resolved, items: list[Hit], noun: str, listed: Analyzed | None = None, lead: str = "") -> Answer:
        """Answer "how many X" with the number of numbered items and the items themselves, each cited.

        listed: the analysis of a request for the items themselves ("What are the six ICC takeaways?"),
        each then quoted from its start as far as a quote goes, not by its first sentence only.
        lead: the sentence to open with instead of the count ("Of the 10 actions in …, 3 mention SMEs:"); the
        items, chosen for what they say, are then quoted where they say it.
        """
        shown = items[:LIST_MAX]  # "How many articles …?" gets the number, and the first few cited, not 48
        limit = self.settings.quote_chars
        evidence = [Evidence(Scored(h, 1.0, 1.0, 1.0), self.quote(h.text, listed, topical=bool(lead)) if listed
                             else quoting.opening(h.text, limit)) for h in shown]
        plural = noun if len(items) == 1 else references.plural(noun)
        where = self.place_of(items)
        more = f"; the first {len(shown)} are cited" if len(shown) < len(items) else ""
        text = f"{lead or f'{where[:1].upper()}{where[1:]} lists {len(items)} {plural}{more}.'}\n\n{self.prose.render(evidence)}"
        return Answer(question=resolved.question, text=text, citations=[cite(n, e) for n, e in enumerate(evidence, 1)],
                      resolved_query=resolved.query)

    def place_of(self, items: list[Hit]) -> str:
        """Return where items stand: the place they share in their document ("Objective 2 of …"), else the document."""
        place = references.common_place([h.label for h in items])
        return f"{place} of {self._doc(items[0])}" if place else self._doc(items[0])

    def refused(self, resolved: Resolved, related: list[Hit], text: str) -> Answer:
        """Abstain with a reason of the caller's ("None of the 10 actions in … mentions ransomware.")."""
        return self._abstain(resolved, [Scored(h, 0.0, 0.0, 0.0) for h in related], text)

    def sourced(self, resolved: Resolved, hits: list[Hit], finding: sourcing.Finding) -> Answer:
        """Answer where quoted words come from with the provisions holding them; say whether a named text does."""
        named = {d: short_title(self.documents[d].title) for d in resolved.sources if d in self.documents}
        hits = [h for h in hits if h.doc_id in named] or hits  # "Is '…' from the G7 text?": the G7's words, if it has them
        hits.sort(key=lambda h: (h.doc_id, h.char_start, h.part))
        evidence = [Evidence(Scored(h, 1.0, 1.0, 2.0, 1.0), sourcing.span(h.text, finding.passages, self.settings.quote_chars))
                    for h in hits[:sourcing.MAX_HOLDERS]]
        held = {h.doc_id: self._doc(h) for h in hits}
        text = sourcing.verdict(resolved.question, named, held, len(hits)) + self.prose.render(evidence)
        return Answer(question=resolved.question, text=text, citations=[cite(n, e) for n, e in enumerate(evidence, 1)],
                      resolved_query=resolved.query)

    def _off_vocabulary(self, analyzed: Analyzed) -> bool:
        """Return True when too much of the question is words the corpus (or the documents it names) never uses."""
        s = self.settings
        return analyzed.unknown_share >= s.max_unknown or analyzed.out_of_scope >= s.max_out_of_scope

    def _confident(self, scored: list[Scored], analyzed: Analyzed) -> bool:
        """Return True when a provision matches so closely that the unknown words must be paraphrase, not topic."""
        return any(self.support(s) >= self.settings.confident_support and self.adequate(s, analyzed) for s in scored[:3])

    # selection ----------------------------------------------------------------------------

    def _select(self, question: str, scored: list[Scored], analyzed: Analyzed) -> list[Scored]:
        good = [s for s in scored if self.adequate(s, analyzed)]
        if not good or analyzed.origin:
            return good  # a document's own date and voice answer as they are: no list, no dateline demoted
        order_lead(good, analyzed, self.support)
        if section := self._named_section(good[0], analyzed) or self._whole_place(question, good[0], analyzed):
            return section
        # a section read from its start whose first provision introduces a list ("… based on:") brings the list
        # as does a lead that is only a list's introduction ("… it must be configured to:"): alone it says nothing
        leads_list = introduces(good[0].hit) and (good[0].placed >= 1.0 or bool(self.list_items(good[0].hit)))
        wants_list = bool(_LIST.search(question)) or leads_list
        limit = self.settings.max_citations if wants_list else 2
        floor = self.support(good[0]) * (0.85 if wants_list else 0.90)
        chosen: list[Scored] = [good[0]]
        # "What is OP3 about?": the named place answers; a neighbour that merely shares its words does not join
        only_there = good[0].placed >= 1.0 and references.only_place(analyzed.references, analyzed.keyterms,
                                                                      " ".join(good[0].hit.heading_path))
        for s in good[1:]:
            if len(chosen) >= limit or self.support(s) < floor:
                break
            if only_there and s.placed < 1.0:
                continue
            if _joins(s, self.settings.weak_coverage) and s.hit.provision_id not in {c.hit.provision_id for c in chosen}:
                chosen.append(s)
        chosen = self._alike_titled(self._with_referred(chosen, good), good, analyzed)
        if wants_list and len(chosen) >= limit:
            chosen += parallel(chosen, [s for s in good if self.support(s) >= floor and s not in chosen])
        elif len(chosen) >= limit and not analyzed.references:  # "the third requirement" is one, not its equals
            band = self.support(chosen[-1]) * TIE_BAND
            chosen += tied(chosen, [s for s in good if self.support(s) >= band and s not in chosen and s.hit.kind != "context"])
        chosen = completed(chosen, self.list_items, self.list_intro, good) if wants_list else chosen
        return examples(chosen, wanted, self.list_items) if (wanted := framing.examples_wanted(question)) else chosen

    @staticmethod
    def _alike_titled(chosen: list[Scored], good: list[Scored], analyzed: Analyzed) -> list[Scored]:
        """Add the first provision of each other place of the kind asked whose text heads it as the lead's place is.

        "Which article deals with expedited preservation of stored computer data?": Articles 16 and 29 both.
        """
        kind = _asked_kind(analyzed)
        lead = references.kind_title(kind, chosen[0].hit.heading_path) if kind else None
        if lead is None:
            return chosen
        seen = {n[0] for s in chosen if (n := references.kind_title(kind, s.hit.heading_path))}
        alike = []
        for s in good:
            named = references.kind_title(kind, s.hit.heading_path)
            if named and named[1] == lead[1] and named[0] not in seen and s.hit.doc_id == chosen[0].hit.doc_id:
                seen.add(named[0])
                alike.append(s)
        return chosen + alike

    def _named_section(self, lead: Scored, analyzed: Analyzed) -> list[Scored]:
        """Return every item of the section whose heading is all the question asks about, else [].

        "What are the ICC's opportunities for future action?" names a heading: the items under it answer
        together, though one of them ("… future negotiations …") repeats the heading's words and outranks the rest.
        """
        return [replace(lead, hit=hit) for hit in self.section_items(lead.hit)] if heading_asked(lead.hit, analyzed) else []

    def _with_referred(self, chosen: list[Scored], good: list[Scored]) -> list[Scored]:
        """Put before the lead the provision of its article it names instead of restating, if that answers too.

        "… when considering which measures referred to in paragraph 2, point (d), … are appropriate" says how
        to apply point (d) ("supply chain security"), which is what it elaborates.
        """
        named = {h.provision_id for h in self.referred(chosen[0].hit)}
        cited = {c.hit.provision_id for c in chosen}
        # "Which assessments … must entities take into account?" asks for the detail the lead adds, not the point itself
        wide = chosen[0].coverage * REFERRED_COVERAGE
        found = next((s for s in good if s.hit.provision_id in named and s.hit.provision_id not in cited
                      and s.coverage >= wide), None)
        return [found, *chosen] if found is not None else chosen

    def _whole_place(self, question: str, lead: Scored, analyzed: Analyzed) -> list[Scored]:
        """Return every part at the place a question asks for whole, in order ("What does Article 24 say?"), else [].

        Not its two paragraphs that rank best; a place too long to read out (over PLACE_MAX parts) is ranked.
        """
        hits = self.at_place(lead.hit, analyzed.references, PLACE_MAX + 1) if asks_whole(question, lead, analyzed) else []
        return [replace(lead, hit=hit) for hit in hits] if 2 < len(hits) <= PLACE_MAX else []

    def _with_lead_ins(self, evidence: list[Evidence]) -> list[Evidence]:
        """Put before each cited list item that is only a fragment the sentence it completes.

        "any input, alteration, deletion or suppression of computer data" is an offence only under
        "… the causing of a loss of property to another person by:", and "likely to prejudice its
        sovereignty" is a ground for refusal only under "… may only be refused if:". Framing that says
        little ("For the purposes of this Convention:") or that the header already says ("we intend to:") is left out.
        """
        out: list[Evidence] = []
        cited = {e.hit.provision_id for e in evidence}
        for e in evidence:
            lead = self._lead_in(e.hit, cited)
            if lead is not None:
                cited.add(lead.provision_id)
                out.append(Evidence(replace(e.scored, hit=lead), self._lead(lead)))
            out.append(e)
        return out

    def _lead_in(self, hit: Hit, cited: set[str]) -> Hit | None:
        """Return the introduction a fragment list item needs to be read, unless cited or saying too little."""
        if not hit.intro or not hit.text[:1].islower() or intro_verb(hit.intro):
            return None
        lead = self.list_intro(hit)
        if lead is None or lead.provision_id in cited or len(tokenize(self._lead(lead))) < LEAD_MIN_TERMS:
            return None
        return lead

    def _lead(self, hit: Hit) -> str:
        """Return the quote of a list's introduction: all of it, its last sentence, or the tail of that which fits."""
        return quoting.lead(hit.text, self.settings.quote_chars)

    def quote(self, text: str, analyzed: Analyzed, topical: bool = True) -> str:
        """Return the verbatim span of text the answer relies on: the sentences that best cover the question."""
        return quoting.best_span(text, analyzed, self.settings.quote_chars, topical)

    def _comparison(
        self, resolved: Resolved, analyzed: Analyzed, sections: dict[str, list[Scored]], related: list[Scored],
        spread: bool = False, saying: frozenset[str] = frozenset(),
    ) -> Answer:
        blocks, citations = [], []
        good = {d: [s for s in scored if self.adequate(s, analyzed)][:2] for d, scored in sections.items()}
        if spread:  # "Which texts …?": a text that speaks of it far less closely than the best one does not count,
            # unless in the topic's own words: "multi-factor authentication" once in NIS 2, often in Cyber Essentials
            best = max((self.support(g[0]) for g in good.values() if g), default=0.0)
            good = {d: g for d, g in good.items() if g and (self.support(g[0]) >= SPREAD_SHARE * best or d in saying)}
        for doc_id, chosen in good.items():
            document = self.documents.get(doc_id)
            name = document.title if document else doc_id
            if not chosen:
                if not spread:  # a compared text's silence is an answer; among all texts, only those that speak count
                    blocks.append(f"{short_title(name)}: the text does not address this.")
                continue
            chosen = with_short_lists(chosen, self.list_items)  # a side's "Ensure that user accounts:" says nothing alone
            evidence = [Evidence(s, self.quote(s.hit.text, analyzed)) for s in chosen]
            blocks.append(self.prose.block(evidence, len(citations) + 1))
            citations += [cite(len(citations) + n, e) for n, e in enumerate(evidence, start=1)]
        if not citations:
            return self._abstain(resolved, related)
        if spread:  # "Which texts mention ransomware?": the texts first, then what each says
            blocks.insert(0, self.prose.spread_lead([d for d, g in good.items() if g], len(sections) >= SPREAD))
        return Answer(question=resolved.question, text="\n\n".join(blocks), citations=citations,
                      resolved_query=resolved.query)

    def unasked(self, question: str, again: bool = False) -> Answer:
        """Reply to a message that asks nothing ("Hello", "thanks!") with how to ask, not a refused topic.

        again: it asks only for the answer before it in another form ("In plain English?"), and none came before.
        """
        opening = "There is no earlier answer to put another way." if again else "There is no question here to answer."
        text = (f"{opening} Ask about the indexed texts: what one of them says on a topic, "
                "what a named article or paragraph requires, or whom a text addresses.")
        return Answer(question=question, text=text, abstained=True)

    def declined(self, resolved: Resolved, reply: str, related: list[Scored]) -> Answer:
        """Abstain from a question asked in another language or outside what the texts answer, saying why."""
        return self._abstain(resolved, related, reply)

    def unplaced(self, resolved: Resolved, gap: tuple[Reference, list[str], list[Reference]], doc_ids: list[str],
                 related: list[Scored]) -> Answer:
        """Abstain from a question about a place the texts asked about lack, naming the places of its kind they have."""
        scope = " or ".join(short_title(self.documents[d].title) for d in doc_ids if d in self.documents)
        reference, values, within = gap
        return self._abstain(resolved, related, moves.absent(reference, values, scope, within))

    def _abstain(self, resolved: Resolved, related: list[Scored], text: str = "") -> Answer:
        named = [self.documents[d] for d in resolved.sources if d in self.documents]
        scope = " or ".join(short_title(d.title) for d in named) if named else "the indexed corpus"
        text = text or (
            f"The corpus does not address this: no provision in {scope} adequately supports an answer. "
            "The nearest passages are listed as related; they may help rephrase the question."
        )
        firsts: dict[str, Scored] = {}
        # those that speak of whom or what the question turned to come first ("obligations on consumers")
        for s in sorted(related, key=lambda s: not s.on_topic):  # a long provision's parts are one passage, its best
            firsts.setdefault(s.hit.provision_id, s)
        nearest = [Evidence(s, quoting.trim(s.hit.text[: self.settings.quote_chars]))
                   for s in list(firsts.values())[: self.settings.related]]
        return Answer(question=resolved.question, text=text, abstained=True,
                      related=[cite(n, e) for n, e in enumerate(nearest, 1)], resolved_query=resolved.query)

    # naming -------------------------------------------------------------------------------

    def _doc(self, hit: Hit) -> str:
        return short_title(hit.doc_title)

    def who_when(self, hit: Hit) -> str:
        """Return who issued a hit's text and when ("ICC, 08 February"), as an answer names them."""
        return self.prose.who_when(hit)


def _asked_kind(analyzed: Analyzed) -> str:
    """Return the kind of major place a question asks to be told, naming none ("Which article deals with …?"), else ""."""
    kind = references.place_asked(analyzed.original) if not analyzed.references else ""
    return kind if kind in references.MAJOR else ""


TIE_BAND = 0.97  # a provision this close in support to the answer's last citation, saying as much, is its equal


def _joins(scored: Scored, coverage: float) -> bool:
    """Return True when a provision may join the lead: context only if it covers the question ('BYOD Out of scope').

    A dateline or heading-like line covers little; a list's introduction comes in as a lead-in instead.
    """
    hit = scored.hit
    return hit.kind != "context" or (scored.coverage >= coverage and not introduces(hit))


