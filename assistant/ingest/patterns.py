"""Shapes of lines: list markers and headings, shared by the cleaner and the structure parser."""

from __future__ import annotations

import re
from dataclasses import dataclass

ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]
BULLETS = "-*•▪●◦·‣⁃o"

_NUM = re.compile(r"^\(?(\d{1,3})[.)](?=\s|$)\s*")
_ALPHA = re.compile(r"^(?:\(([a-z])\)|([a-z])\)|([a-z])\.(?=\s))\s*")
_ROMAN = re.compile(r"^\(?((?:x{0,1})(?:ix|iv|v?i{1,3}|v|x))\)\s*")
_BULLET = re.compile(r"^([-*•▪●◦·‣⁃])\s+(?=\S)|^(o)\s+(?=[A-Za-z(‘'\"“])")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_KEYWORDS = {
    "annex": 0.1, "appendix": 0.1, "schedule": 0.1, "part": 0.2, "chapter": 0.3, "section": 0.4,
    "title": 0.5, "article": 0.6, "art.": 0.6, "objective": 0.6, "principle": 0.6, "goal": 0.6,
    "pillar": 0.6, "norm": 0.6, "rule": 0.6, "recommendation": 0.6,
}
_KEYWORD = re.compile(
    r"^(?P<kw>" + "|".join(re.escape(k) for k in _KEYWORDS) + r")\s+"
    r"(?P<num>\d{1,3}[a-z]?|[IVXLC]{1,7}|[A-Z])\.?"
    r"(?:\s*(?:[-–—:.]\s*)(?P<title>.{0,200}))?$",
    re.I,
)
_CODE_LEAD = re.compile(r"^([A-Z](?:\.(?:\d{1,2}|[ivx]{1,4}))+|[A-Z](?=\.))\.?\s+(?=[A-Z])")
_CODE_PAREN = re.compile(r"\(([A-Z]{2,4}\.[A-Z]{1,4}|[A-Z]{2})\)")
_ITEM_CODE = re.compile(r"^([A-Z]{1,5}(?:[.\-][A-Z0-9]{1,6}){1,3}):\s+")
_DATE = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:of\s+)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)(?:\s+\d{1,2})?,?\s*(?:\d{4})?$",
    re.I,
)


@dataclass(frozen=True)
class Marker:
    """A list marker at the start of a line: its style, its value and where the item text starts."""

    style: str  # "num", "alpha", "roman", "bullet" or "ambiguous" (i, v, x: letter or roman numeral)
    value: str
    end: int


def list_marker(line: str) -> Marker | None:
    """Return the list marker that opens the line, if any."""
    if m := _NUM.match(line):
        return Marker("num", m.group(1), m.end())
    if m := _ROMAN.match(line):
        value = m.group(1)
        if value in ("i", "v", "x") and _ALPHA.match(line):
            return Marker("ambiguous", value, m.end())
        return Marker("roman", value, m.end())
    if m := _ALPHA.match(line):
        return Marker("alpha", next(g for g in m.groups() if g), m.end())
    if m := _BULLET.match(line):
        return Marker("bullet", m.group(1) or m.group(2), m.end())
    return None


def is_list_start(line: str) -> bool:
    """Return True when the line opens a numbered, lettered or bulleted item."""
    return list_marker(line) is not None


def md_heading(line: str) -> tuple[int, str] | None:
    """Return (level, text) for a Markdown heading line."""
    m = _MD_HEADING.match(line)
    return (len(m.group(1)), m.group(2)) if m and m.group(2) else None


def is_md_heading(line: str) -> bool:
    """Return True for a Markdown '#' heading line."""
    return md_heading(line) is not None


def keyword_heading(text: str) -> tuple[str, str, float, str] | None:
    """Return (keyword, number, rank, title) for 'OBJECTIVE 1 - …', 'Article 27', 'CHAPTER III' headings."""
    m = _KEYWORD.match(text.strip())
    if not m or len(text) > 220:
        return None
    title = (m.group("title") or "").strip()
    if title and (title[0].islower() or title.endswith((".", ";", ","))):
        return None
    kw = m.group("kw").lower().rstrip(".")
    kw = "article" if kw == "art" else kw
    return kw, m.group("num"), _KEYWORDS[kw if kw != "art" else "article"], title


def is_keyword_heading(text: str) -> bool:
    """Return True for structural headings such as 'OBJECTIVE 1 - …' or 'Article 27'."""
    return keyword_heading(text) is not None


def is_allcaps_heading(text: str) -> bool:
    """Return True for a short line in capitals, the usual heading of PDF extracts."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or len(text) > 200 or any(c.islower() for c in letters):
        return False
    return bool(re.search(r"[A-Z]{2,}", text)) and not text.endswith((",", ";"))


def is_date_line(text: str) -> bool:
    """Return True for a line that is only a date, such as '26 September 2017'."""
    return bool(_DATE.match(text.strip()))


def heading_code(text: str) -> str | None:
    """Return a section code that a heading carries: 'D.1' in 'D.1 Firewalls', 'GV.OC' in '… (GV.OC): …'."""
    if m := _CODE_LEAD.match(text):
        return m.group(1)
    if m := _CODE_PAREN.search(text.split(":")[0]):
        return m.group(1)
    return None


def item_code(text: str) -> tuple[str, int] | None:
    """Return (code, end) for an item that opens with its own identifier, like 'GV.OC-01: …'."""
    m = _ITEM_CODE.match(text)
    return (m.group(1), m.end()) if m else None


def roman_successor(value: str) -> str | None:
    """Return the roman numeral after value."""
    i = ROMAN.index(value) if value in ROMAN else -1
    return ROMAN[i + 1] if 0 <= i < len(ROMAN) - 1 else None


def successor(style: str, value: str) -> str | None:
    """Return the marker value that would follow value in a list of the given style."""
    if style == "num":
        return str(int(value) + 1)
    if style == "alpha":
        return chr(ord(value) + 1) if value < "z" else None
    if style == "roman":
        return roman_successor(value)
    return value


def first_value(style: str) -> str:
    """Return the value a list of this style starts with."""
    return {"num": "1", "alpha": "a", "roman": "i"}.get(style, "")
