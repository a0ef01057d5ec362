"""Recover document structure: headings, numbered/lettered/bulleted items and paragraphs become provisions.

Each numbered item, article paragraph or prose paragraph becomes one provision with its heading path,
a human label ("Objective 2, action 4"), a stable readable id and verbatim text from the cleaned text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.ingest import classify
from assistant.ingest.clean import CleanDoc, Para
from assistant.ingest.outline import (
    ENACTING,
    Draft,
    Heading,
    Level,
    is_formula,
    is_preamble,
    last_sentence,
    preamble_clauses,
    slugify,
)
from assistant.ingest.patterns import (
    Marker,
    first_value,
    heading_code,
    is_allcaps_heading,
    is_date_line,
    item_code,
    keyword_heading,
    list_marker,
    md_heading,
    successor,
)
from assistant.types import Kind, Provision

_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "&"}
DESCRIBED_WORDS = 6  # a coded heading with a statement this long after its colon is also a provision
_COMMIT_INTRO = re.compile(r"\b(?:intend|will|commit|agree|undertake|pledge|resolve)\w*\b", re.I)


@dataclass
class _Parser:
    doc: CleanDoc
    doc_id: str
    issuer: str
    markdown: bool
    stack: list[Heading] = field(default_factory=list)
    levels: list[Level] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    last_prose: Draft | None = None
    # a resolution's parts, as negotiators cite them: "" (none), "preamble", then "operative"
    form: str = ""

    def run(self) -> list[Draft]:
        paras = self.doc.paras
        for i, para in enumerate(paras):
            self._feed(i, para)
        return self.drafts

    def _feed(self, i: int, para: Para) -> None:
        heading = self._as_heading(i, para)
        if heading:
            self._open_heading(heading)
            self._describe(para, heading)
            return
        marker = list_marker(para.text)
        if marker:
            self._item(para, marker)
            return
        if self._promotes(i, para):
            self._open_heading(Heading(para.text.rstrip(" :"), rank=2))
            return
        self._prose(i, para)

    # headings -------------------------------------------------------------------------------

    def _as_heading(self, i: int, para: Para) -> Heading | None:
        text = para.text
        if self.markdown and (md := md_heading(text)):
            level, text = md
            return self._keyword_or(text, float(level)) or Heading(text, float(level), code=heading_code(text))
        if kw := self._keyword_or(text, 0.0):
            return kw
        if self.markdown:
            return None
        if is_allcaps_heading(text) and not list_marker(text):
            return Heading(text, 1.0)
        if self._short_title(i, para):
            return Heading(text, 2.0)
        return None

    def _describe(self, para: Para, heading: Heading) -> None:
        """Make a coded heading that states something citable: 'GOVERN (GV): The organization's … are established'."""
        head, sep, description = heading.text.partition(": ")
        offset = para.text.find(heading.text)
        if not heading.code or not sep or len(description.split()) < DESCRIBED_WORDS or offset < 0:
            return
        start = para.start + offset + len(head) + len(sep)  # the label names the heading; the text is its statement
        self.drafts.append(Draft(
            self._anchor_segments() + ["summary"], heading.label, start, start + len(description), para.page,
            para.page_end, self._heading_path(), "", False, heading,
        ))

    @staticmethod
    def _keyword_or(text: str, level: float) -> Heading | None:
        found = keyword_heading(text)
        if not found:
            return None
        keyword, number, kw_rank, _title = found
        return Heading(text, level, keyword=keyword, number=number, kw_rank=kw_rank)

    def _short_title(self, i: int, para: Para) -> bool:
        paras = self.doc.paras
        alone = (i == 0 or paras[i - 1].block != para.block) and (
            i + 1 < len(paras) and paras[i + 1].block != para.block
        )
        words = para.text.split()
        if not alone or len(words) > 10 or len(para.text) > 80 or is_date_line(para.text):
            return False
        if re.search(r"[.,;:!?]$", para.text) or not para.text[:1].isupper():
            return False
        content = [w for w in words if w.lower() not in _SMALL_WORDS]
        capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
        return bool(content) and capitalised / len(content) >= 0.6

    def _open_heading(self, new: Heading) -> None:
        top = self.stack[-1] if self.stack else None
        if top and top.fresh and top.keyword and not new.keyword and (not self.markdown or new.rank > top.rank):
            top.text = f"{top.text} – {new.text}"
            return
        while self.stack and self._pops(self.stack[-1], new):
            self.stack.pop()
        new.title = not self.drafts and not self.stack and not new.keyword and new.rank <= 1.0
        self.stack.append(new)
        self.levels = []
        self.last_prose = None

    def _pops(self, top: Heading, new: Heading) -> bool:
        if new.keyword:
            if top.keyword:
                return top.kw_rank >= new.kw_rank
            return top.substantial or (self.markdown and top.rank >= new.rank)
        if self.markdown:
            return top.rank >= new.rank
        return top.substantial or (not top.keyword and top.rank >= new.rank)

    def _promotes(self, i: int, para: Para) -> bool:
        """Return True for a short 'Opportunities …:' line that starts a second list in one section."""
        if self.markdown or not self.stack or not self.stack[-1].list_seen:
            return False
        if not para.text.endswith(":") or len(para.text.split()) > 15 or i + 1 >= len(self.doc.paras):
            return False
        nxt = list_marker(self.doc.paras[i + 1].text)
        return bool(nxt) and nxt.value == first_value(nxt.style)

    # items ----------------------------------------------------------------------------------

    def _item(self, para: Para, marker: Marker) -> None:
        style, value = self._resolve(marker)
        depth = self._level_for(style, value, marker)
        section = self._section()
        if depth is None:
            self.levels = self.levels if self._nests(style, value, marker) else []
            if not self.levels:
                self._mark_list()
            parent = self.levels[-1].draft if self.levels else None
            bullet = marker.value if style == "bullet" else ""
            first = section.bullets + 1 if section and bullet and not self.levels else 1
            self.levels.append(Level(style, value, bullet, first, intro=self._intro(parent)))
        else:
            del self.levels[depth + 1:]
            level = self.levels[depth]
            level.value, level.count = value, level.count + 1
        level = self.levels[-1]
        if section and len(self.levels) == 1 and level.style == "bullet":
            section.bullets = level.count
        level.draft = self._item_draft(para, marker, level)
        self.last_prose = None

    def _resolve(self, marker: Marker) -> tuple[str, str]:
        if marker.style != "ambiguous":
            return marker.style, marker.value
        for level in reversed(self.levels):
            if level.style in ("alpha", "roman") and successor(level.style, level.value) == marker.value:
                return level.style, marker.value
        return ("roman" if marker.value == "i" else "alpha"), marker.value

    def _level_for(self, style: str, value: str, marker: Marker) -> int | None:
        for depth in range(len(self.levels) - 1, -1, -1):
            level = self.levels[depth]
            if level.style != style:
                continue
            if style == "bullet":
                if level.bullet == marker.value:
                    return depth
            elif successor(style, level.value) == value:
                return depth
        return None

    def _nests(self, style: str, value: str, marker: Marker) -> bool:
        """Return True when a list opening here is a child of the current item (not a restart)."""
        if not self.levels:
            return False
        if style == "bullet":
            return all(lv.style != "bullet" or lv.bullet != marker.value for lv in self.levels)
        return value == first_value(style) and all(lv.style != style for lv in self.levels)

    def _mark_list(self) -> None:
        if self.stack:
            self.stack[-1].list_seen = True

    def _item_draft(self, para: Para, marker: Marker, level: Level) -> Draft | None:
        text_start = para.start + marker.end
        body = para.text[marker.end:]
        code = item_code(body)
        intro = level.intro
        if not body.strip():
            return Draft([], "", text_start, text_start, para.page, para.page_end, [], intro, True)
        label, segments = self._item_names(intro)
        if code:
            label, segments = code[0], [slugify(code[0])]
            text_start += code[1]
        draft = Draft(
            segments, label, text_start, para.end, para.page, para.page_end,
            self._heading_path(), intro, True, self._section(), code[0] if code else None,
        )
        self._mark_substantial()
        self.drafts.append(draft)
        return draft

    def _intro(self, parent: Draft | None) -> str:
        if parent is not None:
            return self.doc.text[parent.start:parent.end] if parent.end > parent.start else parent.intro
        if self.last_prose and self.doc.text[self.last_prose.start:self.last_prose.end].endswith(":"):
            return last_sentence(self.doc.text[self.last_prose.start:self.last_prose.end])
        return ""

    def _item_names(self, intro: str) -> tuple[str, list[str]]:
        parts = [lv.value if lv.style != "bullet" else str(lv.count) for lv in self.levels]
        first = parts[0]
        rest = "".join(f".{p}" if lv.style == "bullet" else f"({p})" for lv, p in zip(self.levels[1:], parts[1:]))
        segments = self._anchor_segments() + [f"item-{p}" for p in parts]
        section = self._section()
        prefix = self._prefix()
        if section is None and self.form and self.levels[0].style == "num":
            self.form = "operative"
            return f"Operative paragraph {first}{rest}", segments
        if section is None:
            return f"Item {first}{rest}", segments
        if section.keyword == "article":
            if self.levels[0].style == "num":
                return f"{section.label}, paragraph {first}{rest}", segments
            return f"{section.label}({first}){rest}", segments
        if section.noun:
            noun = section.noun.lower() if prefix else section.noun
            return f"{prefix}{noun} {first}{rest}", segments
        noun = "action" if section.keyword == "objective" and _COMMIT_INTRO.search(intro) else "item"
        return f"{prefix}{section.label}, {noun} {first}{rest}", segments

    # prose ----------------------------------------------------------------------------------

    def _prose(self, i: int, para: Para) -> None:
        if self.levels and self._continues_list(i):
            draft = next((lv.draft for lv in reversed(self.levels) if lv.draft), None)
            if draft is not None:
                draft.end, draft.page_end = para.end, para.page_end
                return
        self.levels = []
        section = self._section()
        if section is None and not self.form and ENACTING.match(para.text.strip()):
            self._paragraph(para, para.start, para.end, section)  # the opening line is not numbered itself
            self.form = "preamble"
            return
        spans = preamble_clauses(para.text) if section is not None and is_preamble(section) else []
        for start, end in spans or [(0, len(para.text))]:
            self._paragraph(para, para.start + start, para.start + end, section)

    def _paragraph(self, para: Para, start: int, end: int, section: Heading | None) -> None:
        """Add one prose paragraph (or one clause of a run-on preamble) as a provision draft."""
        if section is not None:
            section.prose += 1
        n = section.prose if section else sum(1 for d in self.drafts if not d.is_item and d.section is None) + 1
        preamble = section is not None and is_preamble(section)
        if section is not None and preamble:
            label = self._preambular_label(section, self.doc.text[start:end])
        else:
            label = f"{self._prefix()}{section.label}, paragraph {n}" if section else self._unplaced_label(n)
        draft = Draft(
            self._anchor_segments() + [f"para-{n}"], label, start, end, para.page, para.page_end,
            self._heading_path(), "", False, section, preamble=preamble or label.startswith("Preambular"),
        )
        if len(self.doc.text[start:end].split()) >= 8:
            self._mark_substantial()
        self.drafts.append(draft)
        self.last_prose = draft

    def _preambular_label(self, section: Heading, text: str) -> str:
        """Return 'Preambular paragraph N' under a Preamble heading; its opening and closing formulas are unnumbered."""
        return f"{self._prefix()}{section.label}" if is_formula(text) else self._preambular(section)

    def _unplaced_label(self, n: int) -> str:
        """Return the label of a paragraph under no heading: in a resolution's preamble, its preambular number."""
        return self._preambular(None) if self.form == "preamble" else f"Paragraph {n}"

    def _preambular(self, section: Heading | None) -> str:
        """Return the next 'Preambular paragraph N' of a section (None: the unheaded text of a resolution)."""
        count = sum(1 for d in self.drafts if d.section is section and "Preambular paragraph" in d.label)
        return f"{self._prefix() if section else ''}Preambular paragraph {count + 1}"

    def _continues_list(self, i: int) -> bool:
        """Return True when a later item continues an open list, or this is a legal article's paragraph."""
        paras = self.doc.paras
        for j in range(i, len(paras)):
            if j > i and self._as_heading(j, paras[j]):
                break
            marker = list_marker(paras[j].text)
            if not marker and paras[j].text.rstrip().endswith(":"):
                break  # prose that introduces a list ("You must:") starts a new one; it continues no item
            if marker:
                style, value = self._resolve(marker)
                return self._level_for(style, value, marker) is not None
        section = self._section()
        return bool(section and section.keyword == "article" and self.levels[0].style == "num")

    # context --------------------------------------------------------------------------------

    def _section(self) -> Heading | None:
        section = self.stack[-1] if self.stack else None
        return None if section is not None and section.title else section

    def _anchor(self) -> Heading | None:
        return next((h for h in reversed(self.stack) if h.anchor), None)

    def _anchor_segments(self) -> list[str]:
        section, anchor = self._section(), self._anchor()
        segments = [anchor.slug] if anchor else []
        if section is not None and section is not anchor:
            segments.append(section.slug)
        return segments

    def _prefix(self) -> str:
        section, anchor = self._section(), self._anchor()
        return f"{anchor.label}, " if anchor and section is not anchor else ""

    def _heading_path(self) -> list[str]:
        for heading in self.stack:
            heading.fresh = False
        return [h.text for h in self.stack]

    def _mark_substantial(self) -> None:
        if self.stack:
            self.stack[-1].substantial = True


def parse(doc: CleanDoc, doc_id: str, issuer: str = "", markdown: bool = False) -> list[Provision]:
    """Parse a cleaned document into provisions (not yet split into parts)."""
    drafts = [d for d in _Parser(doc, doc_id, issuer, markdown).run() if d.end > d.start]
    _name_sole_paragraphs(drafts)
    seen: dict[str, int] = {}
    provisions = []
    for draft in drafts:
        text = doc.text[draft.start:draft.end]
        pid = _unique(f"{doc_id}/" + "/".join(draft.segments), seen)
        provisions.append(Provision(
            provision_id=pid, doc_id=doc_id, heading_path=draft.headings, label=draft.label,
            text=text, page=draft.page, page_end=draft.page_end, char_start=draft.start,
            char_end=draft.end, kind=_kind(text, draft),
            actor=classify.actor(text, draft.intro, issuer),
            addressees=classify.addressees(text), intro=draft.intro[:400],
        ))
    return provisions


def _kind(text: str, draft: Draft) -> Kind:
    kind = classify.kind(text, draft.intro, draft.is_item)
    return "finding" if draft.preamble and kind in ("commitment", "recommendation") else kind


def _name_sole_paragraphs(drafts: list[Draft]) -> None:
    """Label a section's only paragraph by the section alone: 'Article 2', not 'Article 2, paragraph 1'."""
    for draft in drafts:
        section = draft.section
        if draft.is_item or section is None:
            continue
        has_items = any(d.is_item and d.section is section for d in drafts)
        article = section.keyword == "article"
        if section.prose == 1 and is_preamble(section):
            draft.label = draft.label.removesuffix("Preambular paragraph 1") + section.label
        elif section.prose == 1 and (article or not has_items):
            draft.label = draft.label.rsplit(", paragraph 1", 1)[0]
        elif article and has_items:
            draft.label = draft.label.replace(", paragraph ", ", unnumbered paragraph ")


def _unique(pid: str, seen: dict[str, int]) -> str:
    seen[pid] = seen.get(pid, 0) + 1
    return pid if seen[pid] == 1 else f"{pid}-{seen[pid]}"
