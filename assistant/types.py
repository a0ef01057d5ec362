"""Data model shared by every layer: documents, provisions, hits, answers, ingest reports."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field, PrivateAttr

Kind = Literal["commitment", "recommendation", "finding", "context"]


def issuer_name(issuer: str) -> str:
    """Return the name part of an issuer line: 'Government of France' of 'Government of France (…); open to …'."""
    return re.split(r"\s*[(;]", issuer)[0].strip()


class Document(BaseModel):
    """One source document and the metadata it was catalogued with."""

    doc_id: str
    title: str
    issuer: str = ""
    date: str = ""
    year: int | None = None
    kind: str = ""
    source_url: str = ""
    path: str = ""
    sha256: str = ""
    fingerprint: str = ""
    provision_count: int = 0
    part_count: int = 0
    ingested_at: str = ""


class Provision(BaseModel):
    """The unit that is retrieved and cited; long provisions are stored as several parts."""

    provision_id: str
    doc_id: str
    heading_path: list[str] = Field(default_factory=list)
    label: str
    text: str
    page: int | None = None
    page_end: int | None = None
    char_start: int
    char_end: int
    kind: Kind = "context"
    actor: str = ""
    addressees: list[str] = Field(default_factory=list)
    intro: str = ""
    part: int = 1
    part_count: int = 1

    @property
    def chunk_id(self) -> str:
        """Return the id of this stored part (the provision id plus the part number)."""
        return f"{self.provision_id}#{self.part}"


class Hit(BaseModel):
    """One retrieved provision (or part of one) with its score."""

    provision_id: str
    doc_id: str
    doc_title: str
    label: str
    page: int | None = None
    text: str
    score: float
    issuer: str = ""
    date: str = ""
    heading_path: list[str] = Field(default_factory=list)
    kind: str = ""
    actor: str = ""
    addressees: list[str] = Field(default_factory=list)
    intro: str = ""
    part: int = 1
    part_count: int = 1
    char_start: int = 0
    char_end: int = 0


class Citation(BaseModel):
    """A numbered source of an answer: the cited provision (verbatim) and the part the answer relies on."""

    n: int
    provision_id: str
    doc_id: str
    doc_title: str
    label: str
    page: int | None = None
    text: str
    quote: str
    score: float
    issuer: str = ""
    date: str = ""
    heading_path: list[str] = Field(default_factory=list)
    part: int = 1
    part_count: int = 1
    char_start: int = 0
    char_end: int = 0


class Answer(BaseModel):
    """An answer with [n] citation markers, or an abstention with the nearest passages as related."""

    question: str
    text: str
    citations: list[Citation] = Field(default_factory=list)
    abstained: bool = False
    related: list[Citation] = Field(default_factory=list)
    resolved_query: str = ""
    _retrieved: list[Hit] = PrivateAttr(default_factory=list)

    @property
    def retrieved(self) -> list[Hit]:
        """Return the ranked hits the answer was composed from (for evaluation)."""
        return self._retrieved


class FileProblem(BaseModel):
    """A file that could not be ingested, and what to do about it."""

    path: str
    reason: str

    def line(self) -> str:
        """Return the one-line message shown to the user."""
        return f"{self.path}: {self.reason}"


class IngestReport(BaseModel):
    """What one ingest run did."""

    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    problems: list[FileProblem] = Field(default_factory=list)
    provisions: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Return True when every file went in."""
        return not self.problems


class Practice(BaseModel):
    """A commitment or recommendation as listed for SMEs and other readers (all parts of the provision)."""

    provision_id: str
    doc_id: str
    doc_title: str
    issuer: str = ""
    date: str = ""
    label: str
    kind: str
    actor: str = ""
    addressees: list[str] = Field(default_factory=list)
    text: str
    page: int | None = None
    heading_path: list[str] = Field(default_factory=list)


class Filters(BaseModel):
    """Restrict retrieval to some documents, issuers, years, kinds or addressees."""

    doc_ids: list[str] = Field(default_factory=list, description="only these documents")
    issuer: str = Field("", description="only documents whose issuer contains this text")
    year: int | None = Field(None, description="only documents of this year")
    kinds: list[Kind] = Field(default_factory=list, description="only these provision kinds")
    addressee: str = Field("", description="only provisions addressed to this group, e.g. SMEs")

    def is_empty(self) -> bool:
        """Return True when nothing is filtered."""
        return not (self.doc_ids or self.issuer or self.year or self.kinds or self.addressee)
