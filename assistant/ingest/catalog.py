"""Document metadata: from the corpus catalogue, else front matter, else inferred from the file."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import FileRejected

_FIELDS = ("doc_id", "title", "issuer", "date", "kind", "source_url", "note")


@dataclass(frozen=True)
class DocMeta:
    """Catalogue metadata of one document."""

    doc_id: str
    title: str
    issuer: str = ""
    date: str = ""
    year: int | None = None
    kind: str = ""
    source_url: str = ""
    note: str = ""


class Catalogs:
    """Read each directory's catalogue once and look documents up in it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._cache: dict[Path, dict[str, dict[str, object]] | str] = {}

    def lookup(self, path: Path) -> dict[str, object]:
        """Return the catalogue entry of a file (or {}); raise FileRejected when the catalogue is invalid."""
        directory = path.parent.resolve()
        if directory not in self._cache:
            self._cache[directory] = self._read(directory / self.name)
        entries = self._cache[directory]
        if isinstance(entries, str):
            raise FileRejected(str(path), entries)
        return entries.get(path.name, {})

    @staticmethod
    def _read(catalog: Path) -> dict[str, dict[str, object]] | str:
        if not catalog.exists():
            return {}
        try:
            data = tomllib.loads(catalog.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            return f"catalogue {catalog} is invalid ({exc}): fix it and ingest again"
        entries = data.get("document", [])
        return {str(e["file"]): e for e in entries if isinstance(e, dict) and "file" in e}


def document_meta(path: Path, entry: dict[str, object], front: dict[str, str], first_line: str) -> DocMeta:
    """Merge catalogue entry, front matter and inference into the document's metadata."""
    def pick(key: str) -> str:
        value = entry.get(key) or front.get(key) or ""
        return " ".join(str(value).split())

    doc_id = pick("doc_id") or slugify_stem(path.stem)
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", doc_id):
        raise FileRejected(str(path), f"doc_id {doc_id!r} must be lower-case letters, digits, '.', '_' or '-'")
    title = pick("title") or _title_from(first_line) or path.stem.replace("-", " ").replace("_", " ").title()
    date = pick("date")
    year = entry.get("year") or _year(date)
    values = {k: pick(k) for k in _FIELDS} | {"doc_id": doc_id, "title": title, "date": date}
    values["source_url"] = values["source_url"] or pick("source")
    return DocMeta(year=int(year) if year else None, **values)


def slugify_stem(stem: str) -> str:
    """Return a doc_id made from a file name."""
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "document"


def _title_from(line: str) -> str:
    line = line.lstrip("#").strip()
    return line if 3 <= len(line) <= 150 else ""


def _year(date: str) -> int | None:
    match = re.search(r"\b(19\d\d|20\d\d)\b", date)
    return int(match.group(1)) if match else None
