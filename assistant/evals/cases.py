"""Question sets in YAML or JSONL: load them and validate every case before anything runs."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator


class SetError(Exception):
    """Problems in question-set files, each as 'file:line: what is wrong'."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Case(BaseModel):
    """One question with what a correct answer must show."""

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    history: list[str] = Field(default_factory=list)
    answerable: bool = True
    expected_sources: list[str] = Field(default_factory=list)
    expected_facts: list[list[str]] = Field(default_factory=list)
    must_not_include: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    file: str = ""
    line: int = 0

    @field_validator("expected_facts", mode="before")
    @classmethod
    def _groups(cls, value: object) -> object:
        """Accept a plain string as a one-alternative group."""
        if isinstance(value, list):
            return [[v] if isinstance(v, str) else v for v in value]
        return value

    @property
    def where(self) -> str:
        """Return 'file:line' for messages."""
        return f"{self.file}:{self.line}"


def load(paths: list[Path]) -> list[Case]:
    """Load and validate question sets; raise SetError listing every problem found."""
    cases: list[Case] = []
    problems: list[str] = []
    for path in paths:
        try:
            raw = list(_raw_cases(path))
        except SetError as exc:
            problems.extend(exc.problems)
            continue
        for line, data in raw:
            try:
                cases.append(Case(**data, file=str(path), line=line))
            except ValidationError as exc:
                problems.extend(f"{path}:{line}: {_explain(e)}" for e in exc.errors())
            except TypeError:
                problems.append(f"{path}:{line}: each case must be a mapping of fields")
    seen: dict[str, Case] = {}
    for case in cases:
        if case.id in seen:
            problems.append(f"{case.where}: duplicate id {case.id!r} (first at {seen[case.id].where})")
        seen.setdefault(case.id, case)
        if case.answerable and not case.expected_sources:
            problems.append(f"{case.where}: answerable case {case.id!r} needs expected_sources")
    if problems:
        raise SetError(problems)
    return cases


def _explain(error: dict) -> str:
    field = ".".join(str(p) for p in error.get("loc", ())) or "case"
    return f"field {field!r}: {error.get('msg', 'invalid')}"


def _raw_cases(path: Path) -> list[tuple[int, dict]]:
    if not path.is_file():
        raise SetError([f"{path}:0: no such question-set file"])
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".jsonl":
        out = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                out.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise SetError([f"{path}:{number}: malformed JSON ({exc.msg})"]) from None
        return out
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise SetError([f"{path}:{line}: malformed YAML ({getattr(exc, 'problem', exc)})"]) from None
    if data is None:
        return []
    if not isinstance(data, list) or node is None or not hasattr(node, "value"):
        raise SetError([f"{path}:1: a question set is a list of cases"])
    return [(item.start_mark.line + 1, value) for item, value in zip(node.value, data)]


def fingerprint(paths: list[Path]) -> str:
    """Return a hash of the question-set files' contents."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
