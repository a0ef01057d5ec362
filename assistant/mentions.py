"""Whether a provision's own words say a topic: the words themselves, side by side, or an acronym's long form."""

from __future__ import annotations

from collections.abc import Callable

from assistant.sparse import tokenize
from assistant.types import Hit


def own_terms(hit: Hit, headed: bool = False, kind: str = "") -> frozenset[str]:
    """Return the terms of a provision's own label and text, with the forms the stemmer keeps apart.

    headed: its headings' too ("Which articles deal with international co-operation?": Chapter III's); kind: the
    kind of place it stands for, whose own title is its words ("Article 35 – 24/7 Network"), not an objective's.
    """
    titled = [h for h in hit.heading_path[-1:] if kind and h.lower().startswith(kind.lower())]
    said = " ".join([hit.label, hit.text, *(hit.heading_path if headed else titled)])
    own = frozenset(tokenize(said)) | frozenset(tokenize(said.replace("-", "")))  # "co-operation" is cooperation
    # the stemmer keeps an acronym's plural: "SMEs" is "smes", "(SME to large corporates)" is "sme"
    return own | {f"{t}s" for t in own} | {t[:-1] for t in own if t.endswith("s")}


def says(hit: Hit, terms: tuple[str, ...], spelled_out: Callable[[str], list[frozenset[str]]]) -> bool:
    """Return True when a provision's own words say a topic: its terms side by side, or an acronym's long form.

    Not an everyday form or expansion: "collaboration" is no mention of cooperation, "domestic law … international
    instruments" none of international law; "Mutual Legal Assistance Treaties" is one of MLATs.
    """
    if len(terms) == 1:
        own = own_terms(hit)
        return terms[0] in own or any(form <= own for form in spelled_out(terms[0]))
    said = f"{hit.label} {hit.text}"
    split = tuple(t for term in terms for t in tokenize(term.replace("-", " ")))  # "multi-factor" "authent"
    return any(in_sequence(terms, tokenize(text)) for text in (said, said.replace("-", " "))) or (
        split != terms and in_sequence(split, tokenize(said.replace("-", " "))))


def in_sequence(terms: tuple[str, ...], tokens: list[str]) -> bool:
    """Return True when the terms stand side by side in the tokens, a plural 's' aside ("supply chains")."""
    def same(a: str, b: str) -> bool:
        return a == b or a.rstrip("s") == b.rstrip("s")

    n = len(terms)
    return any(all(same(t, tokens[i + j]) for j, t in enumerate(terms)) for i in range(len(tokens) - n + 1))
