"""What a question sets aside: "Apart from SMEs, who …", "Other than firewalls, which controls …".

Left in, the part set aside is the strongest topic of the question ("firewalls"), so retrieval answers with
exactly what the asker has already ruled out. The question is asked without it, and the provisions that
are about it (whose heading or label names it, or that say nothing else) are left out of the answer; a
provision that only mentions it among other things still answers ("Apart from SMEs, who does the G7
want involved?": the action that names SMEs, academia and security researchers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.mentions import in_sequence
from assistant.sparse import tokenize
from assistant.types import Hit

_LEAD = (r"(?:apart\s+from|aside\s+from|besides|other\s+than|except(?:\s+for)?|excluding|not\s+counting|leaving(?:\s+out)?"
         r"|setting\s+aside|putting\s+aside|ignoring)")
# "Apart from SMEs, who …?", "Leaving CSIRTs aside, how …?"
_FRONT = re.compile(rf"^\s*{_LEAD}\s+(?P<aside>[^,?]{{1,60}}?)(?:\s+aside)?\s*,\s*(?P<rest>\S.*)$", re.I)
# "Which controls does Cyber Essentials cover, other than firewalls?", "What does it require besides patching?"
_BACK = re.compile(
    rf"^(?P<rest>\S.*?)(?:\s*,\s*{_LEAD}|\s+(?:apart\s+from|aside\s+from|besides|excluding|except\s+for|not\s+counting))"
    rf"\s+(?P<aside>[^,?]{{1,60}}?)(?P<end>\s*[?.!]*)\s*$", re.I)


@dataclass(frozen=True)
class SetAside:
    """A question without the part it sets aside, and the terms of that part."""

    question: str
    terms: tuple[str, ...]

    def about(self, hit: Hit) -> bool:
        """Return True when a provision is about what is set aside: its heading or label names it, or it says nothing else."""
        heading = " ".join([*hit.heading_path[1:][-1:], hit.label])  # not the document's title
        said = set(tokenize(hit.text))
        return in_sequence(self.terms, tokenize(heading)) or (bool(said) and said <= set(self.terms))


def set_aside(question: str) -> SetAside | None:
    """Return the question without what it sets aside, or None when it sets nothing aside."""
    if m := _FRONT.match(question):
        rest = m.group("rest")
        rest = rest[:1].upper() + rest[1:]
    elif m := _BACK.match(question):
        rest = m.group("rest") + (m.group("end").strip() or "?")
    else:
        return None
    words = m.group("aside").split()
    if len(words) > 1 and words[0].lower().endswith("ing"):  # "Besides fixing MLATs": the MLATs
        words = words[1:]
    terms = tuple(tokenize(" ".join(words)))
    return SetAside(rest, terms) if terms else None
