"""Ingest files incrementally: load, clean, structure, split, embed and store, one document at a time."""

from __future__ import annotations

import fnmatch
import hashlib
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.ingestion import IngestionPipeline
from llama_index.core.schema import MetadataMode, NodeRelationship, RelatedNodeInfo, TextNode

from assistant.config import Settings
from assistant.embeddings import dimension
from assistant.errors import FileRejected
from assistant.ingest import chunk, outline, structure
from assistant.ingest.catalog import Catalogs, DocMeta, document_meta
from assistant.ingest.clean import clean
from assistant.ingest.load import LoadedFile, load_file, supported
from assistant.store import ChromaStore
from assistant.types import Document, FileProblem, IngestReport, Provision

PARSER_VERSION = "6"  # bump when cleaning or structure rules change: every document is re-ingested
_EMBED_KEYS = ("doc_title", "heading", "label", "intro")
_GROUP_PARTS = 256


class Progress(Protocol):
    """Receives progress of a long ingest (the CLI draws a bar from it)."""

    def start(self, phase: str, total: int) -> None: ...
    def advance(self, n: int = 1) -> None: ...


class _Silent:
    def start(self, phase: str, total: int) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass


@dataclass
class Prepared:
    """A parsed document ready to embed."""

    document: Document
    parts: list[Provision]
    updated: bool


class Ingestor:
    """Bring the index in line with a set of files."""

    def __init__(
        self, settings: Settings, store: ChromaStore, embedder: Callable[[], BaseEmbedding], model_name: str,
        progress: Progress | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder  # called only when something must be embedded: unchanged runs load no model
        self.model_name = model_name
        self.progress = progress or _Silent()
        self.catalogs = Catalogs(settings.ingest.catalog_name)

    def run(self, paths: Iterable[Path] | None = None) -> IngestReport:
        """Ingest the given files and directories, or the whole corpus directory (removing deleted files)."""
        started = time.perf_counter()
        report = IngestReport()
        existing = {d.doc_id: d for d in self.store.documents()}
        files = self._collect(paths, report)
        prepared = self._prepare(files, existing, report)
        self._write(prepared, report)
        if paths is None:
            self._remove_deleted(existing, files, report)
        self._collect_garbage()
        report.seconds = time.perf_counter() - started
        return report

    # files --------------------------------------------------------------------------------

    def _collect(self, paths: Iterable[Path] | None, report: IngestReport) -> list[Path]:
        roots = [Path(self.settings.corpus_dir)] if paths is None else [Path(p) for p in paths]
        files: list[Path] = []
        for root in roots:
            if root.is_dir():
                files.extend(p for p in sorted(root.rglob("*")) if p.is_file() and self._wanted(p, root))
            elif root.is_file():
                files.append(root)
            else:
                report.problems.append(FileProblem(path=str(root), reason="no such file or directory"))
        return files

    def _wanted(self, path: Path, root: Path) -> bool:
        parts = path.relative_to(root).parts
        ignored = any(fnmatch.fnmatch(part, pat) for part in parts for pat in self.settings.ingest.ignore)
        return supported(path) and not ignored

    def _display(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(Path(self.settings.corpus_dir).resolve()))
        except ValueError:
            return str(path.resolve())

    # parsing ------------------------------------------------------------------------------

    def _prepare(self, files: list[Path], existing: dict[str, Document], report: IngestReport) -> list[Prepared]:
        self.progress.start("reading", len(files))
        by_path = {d.path: d for d in existing.values()}
        claimed: dict[str, Path] = {}
        prepared = []
        for path in files:
            try:
                item = self._prepare_one(path, by_path, existing, claimed)
            except FileRejected as exc:
                report.problems.append(FileProblem(path=self._display(Path(exc.path)), reason=exc.reason))
            except Exception as exc:  # a parser bug must not stop the other files
                report.problems.append(FileProblem(
                    path=self._display(path), reason=f"could not be parsed ({type(exc).__name__}: {exc}); please report this",
                ))
            else:
                if isinstance(item, Prepared):
                    prepared.append(item)
                else:
                    report.unchanged.append(item)
            self.progress.advance()
        return prepared

    def _prepare_one(
        self, path: Path, by_path: dict[str, Document], existing: dict[str, Document], claimed: dict[str, Path],
    ) -> Prepared | str:
        entry = self.catalogs.lookup(path)
        display = self._display(path)
        small = path.stat().st_size <= self.settings.ingest.max_file_mb * 1048576
        sha = hashlib.sha256(path.read_bytes()).hexdigest() if small else ""  # oversize: parse_file refuses it
        fingerprint = self._fingerprint(sha, entry)
        old = by_path.get(display)
        if old and old.fingerprint == fingerprint and old.sha256 == sha:
            claimed[old.doc_id] = path
            return old.doc_id
        meta, loaded, parts = parse_file(path, self.settings, entry)
        if meta.doc_id in claimed:
            raise FileRejected(
                str(path), f"doc_id {meta.doc_id!r} is already used by {claimed[meta.doc_id]}: give this file "
                f"its own doc_id in {self.settings.ingest.catalog_name} or front matter",
            )
        claimed[meta.doc_id] = path
        document = _document(meta, display, loaded.sha256, fingerprint, parts)
        return Prepared(document, parts, meta.doc_id in existing)

    def _fingerprint(self, sha: str, entry: dict[str, object]) -> str:
        ingest = self.settings.ingest
        basis = json.dumps([sha, entry, PARSER_VERSION, ingest.max_provision_chars, ingest.part_chars], sort_keys=True, default=str)
        return hashlib.sha256(basis.encode()).hexdigest()[:16]

    # writing ------------------------------------------------------------------------------

    def _write(self, prepared: list[Prepared], report: IngestReport) -> None:
        if not prepared:
            return
        embedder = self.embedder()
        self.store.check(self.model_name, dimension(embedder))
        if self.store.manifest() is None:
            self.store.write_manifest(self.model_name, dimension(embedder))
        pipeline = IngestionPipeline(transformations=[embedder], vector_store=self.store.vector_store(), disable_cache=True)
        self.progress.start("embedding", sum(len(p.parts) for p in prepared))
        for group in _groups(prepared):
            nodes = [_node(part, item.document) for item in group for part in item.parts]
            # similar lengths in each encoder batch: far less padding, about a third less encode time
            nodes.sort(key=lambda n: len(n.get_content(metadata_mode=MetadataMode.EMBED)))
            pipeline.run(nodes=nodes)
            pause_point(self.settings, "embedded")
            for item in group:
                self.store.commit(item.document, after_commit=lambda: pause_point(self.settings, "committed"))
                (report.updated if item.updated else report.added).append(item.document.doc_id)
                report.provisions += item.document.provision_count
            self.progress.advance(len(nodes))

    def _remove_deleted(self, existing: dict[str, Document], files: list[Path], report: IngestReport) -> None:
        current = {self._display(p) for p in files}
        kept = set(report.added) | set(report.updated) | set(report.unchanged)
        for doc_id, document in existing.items():
            if document.path in current or doc_id in kept or _source_exists(document.path, self.settings):
                continue
            self.store.remove(doc_id)
            report.removed.append(doc_id)


    def _collect_garbage(self) -> None:
        """Delete parts an interrupted ingest left behind (cheap check first: counts agree)."""
        documents = self.store.documents()
        if self.store.count() != sum(d.part_count for d in documents):
            self.store.delete_orphans({d.doc_id: d.fingerprint for d in documents})


_reached: dict[str, int] = {}


def pause_point(settings: Settings, point: str) -> None:
    """Pause at a named point when settings.ingest.debug_pause asks for it (crash tests kill us there)."""
    wanted, _, nth = settings.ingest.debug_pause.partition(":")
    if wanted != point:
        return
    _reached[point] = _reached.get(point, 0) + 1
    if _reached[point] == int(nth or 1):
        Path(settings.index_dir, f"paused-at-{point}").touch()
        time.sleep(3600)


def parse_file(path: Path, settings: Settings, entry: dict[str, object] | None = None) -> tuple[DocMeta, LoadedFile, list[Provision]]:
    """Load, clean, structure and split one file into provision parts; raise FileRejected if it cannot be used."""
    if entry is None:
        entry = Catalogs(settings.ingest.catalog_name).lookup(path)
    loaded = load_file(path, settings.ingest)
    doc = clean(loaded)
    meta = document_meta(path, entry, loaded.front_matter, doc.paras[0].text if doc.paras else "")
    provisions = structure.parse(doc, meta.doc_id, meta.issuer, markdown=loaded.fmt in ("markdown", "html"))
    if not provisions:
        raise FileRejected(str(path), "no text found to index: check that the file has readable content")
    ingest = settings.ingest
    parts = [part for p in provisions for part in chunk.split(p, doc, ingest.max_provision_chars, ingest.part_chars)]
    return meta, loaded, parts


def _source_exists(path: str, settings: Settings) -> bool:
    candidate = Path(path)
    return (candidate if candidate.is_absolute() else Path(settings.corpus_dir) / candidate).exists()


def _document(meta: DocMeta, path: str, sha: str, fingerprint: str, parts: list[Provision]) -> Document:
    return Document(
        doc_id=meta.doc_id, title=meta.title, issuer=meta.issuer, date=meta.date, year=meta.year,
        kind=meta.kind, source_url=meta.source_url, path=path, sha256=sha, fingerprint=fingerprint,
        provision_count=len({p.provision_id for p in parts}), part_count=len(parts),
        ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )


def _groups(prepared: list[Prepared]) -> Iterable[list[Prepared]]:
    """Group documents so each embedding call gets a few hundred parts."""
    group: list[Prepared] = []
    size = 0
    for item in prepared:
        group.append(item)
        size += len(item.parts)
        if size >= _GROUP_PARTS:
            yield group
            group, size = [], 0
    if group:
        yield group


def _node(part: Provision, document: Document) -> TextNode:
    """Build the llama-index node of a part: verbatim text, embedded with title and headings."""
    metadata = {
        "doc_title": document.title, "heading": " > ".join(part.heading_path[-2:]), "label": part.label,
        "intro": part.intro[: outline.INTRO_CHARS], "gen": document.fingerprint, "provision_id": part.provision_id,
        "part": part.part, "part_count": part.part_count, "heading_path": part.heading_path,
        "page": part.page, "page_end": part.page_end, "char_start": part.char_start, "char_end": part.char_end,
        "kind": part.kind, "actor": part.actor, "addressees": part.addressees, "issuer": document.issuer,
        "date": document.date, "year": document.year,
    }
    metadata = {k: v for k, v in metadata.items() if v not in (None, [], "")}
    return TextNode(
        id_=f"{document.fingerprint}:{part.chunk_id}", text=part.text, metadata=metadata,
        excluded_embed_metadata_keys=[k for k in metadata if k not in _EMBED_KEYS],
        excluded_llm_metadata_keys=[k for k in metadata if k not in _EMBED_KEYS],
        metadata_template="{value}", text_template="{metadata_str}\n\n{content}",
        relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=document.doc_id)},
    )
