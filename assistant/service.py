"""Assistant: the one place where settings, store, embedder, sparse index and retriever are assembled."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.errors import IndexBusy, IndexMissing
from assistant.practices import PRACTICE_KINDS, Entry, catalogue
from assistant.types import Answer, Document, Filters, Hit, IngestReport, Practice

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding

    from assistant.answer import Composer
    from assistant.conversation import SourceIndex
    from assistant.ingest.pipeline import Progress
    from assistant.retrieve import Retriever
    from assistant.sparse import SparseIndex
    from assistant.store import ChromaStore


VERSION_TTL = 0.5  # seconds between checks that another process changed the index (one store call each)


class Assistant:
    """Ask questions of the corpus: ingest documents, search provisions, answer with citations."""

    def __init__(self, settings: Settings, *, embedder: BaseEmbedding | None = None) -> None:
        self.settings = settings
        self._embedder = embedder
        self._store: ChromaStore | None = None
        self._writable = False
        self._checked = 0.0
        self._answers: OrderedDict[tuple, Answer] = OrderedDict()
        self._sources: SourceIndex | None = None
        self._composer: Composer | None = None
        self._retriever: Retriever | None = None
        self._catalogue: tuple[Retriever, list[Entry]] | None = None
        self._lock = threading.RLock()

    @classmethod
    def open(cls, settings: Settings | None = None, *, embedder: BaseEmbedding | None = None) -> Assistant:
        """Return an assistant over the index that settings point to (defaults: corpus/ and index/)."""
        return cls(settings or Settings(), embedder=embedder)

    # components ---------------------------------------------------------------------------

    @property
    def embedder(self) -> BaseEmbedding:
        """Return the embedding model, loading it on first use."""
        with self._lock:
            if self._embedder is None:
                from assistant.embeddings import load_embedder

                self._embedder = load_embedder(self.settings.embedding)
            return self._embedder

    def store(self, create: bool = False) -> ChromaStore:
        """Return the vector store; with create, make an empty index where there is none."""
        with self._lock:
            if self._store is None or (create and not self._writable):
                from assistant.store import ChromaStore

                self._store = ChromaStore(self.settings, create=create)
                self._writable = create
                self._retriever = None
            return self._store

    def _model_check(self, store: ChromaStore) -> None:
        from assistant.embeddings import dimension, model_name

        store.check(model_name(self.settings.embedding), dimension(self.embedder))

    # ingest -------------------------------------------------------------------------------

    def ingest(
        self, paths: Iterable[str | Path] | None = None, *, rebuild: bool = False, progress: Progress | None = None,
        wait: float = 0,
    ) -> IngestReport:
        """Bring the index up to date with the corpus (or the given files); return what changed.

        Only one ingest runs on an index directory at a time: another one waits up to `wait` seconds
        for it, then fails with IndexBusy.
        """
        from filelock import FileLock, Timeout

        from assistant.embeddings import model_name
        from assistant.ingest.pipeline import Ingestor

        index_dir = Path(self.settings.index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(index_dir / "ingest.lock"), timeout=wait)
        try:
            lock.acquire()
        except Timeout:
            raise IndexBusy(
                f"another ingest is running on {index_dir}: wait for it to finish (or pass --wait SECONDS), then try again"
            ) from None
        try:
            store = self.store(create=True)
            name = model_name(self.settings.embedding)
            if rebuild:
                store.reset()
            else:
                store.check(name)
            ingestor = Ingestor(self.settings, store, lambda: self.embedder, name, progress)
            report = ingestor.run([Path(p) for p in paths] if paths is not None else None)
            self._refresh_sparse(store, force=rebuild, writer=True)
            with self._lock:
                self._retriever = None  # this process changed the index: do not wait for the version check
            return report
        finally:
            lock.release()

    # reading ------------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Load the model and every index now, so that even the first question is answered at full speed.

        What is loaded then lives as long as the process, so it is moved out of the cyclic garbage
        collector's reach (gc.freeze): otherwise the first collection after loading 100k provisions
        re-scans them all, 0.6 s that the first visitor would wait.
        """
        import gc

        from assistant import wording

        self._populated().build()
        wording.parts_of_speech("ask")  # the lexicon a question with an unfamiliar word consults
        self.ask("warm-up")
        gc.freeze()

    def documents(self) -> list[Document]:
        """Return the ingested documents with their provision counts."""
        return self.store().documents()

    def search(self, query: str, k: int = 10, filters: Filters | None = None) -> list[Hit]:
        """Return the k provisions that best match query, best first."""
        return self._populated().search(query, k=k, filters=filters)

    def ask(
        self, question: str, history: list[str] | None = None, filters: Filters | None = None, k: int | None = None,
    ) -> Answer:
        """Answer a question from the corpus with citations, or abstain; history holds earlier user turns."""
        retriever = self._populated()
        key = (question, tuple(history or ()), (filters or Filters()).model_dump_json(), k, retriever.sparse.version)
        with self._lock:
            cached, sources = self._answers.get(key), self._sources
            if cached is not None:
                self._answers.move_to_end(key)
                return cached.model_copy(deep=True)
        from assistant import compound, forms, manners, moves

        assert sources is not None
        asked, earlier = manners.respelled(question), list(history or [])
        bare = manners.plain(asked)
        if forms.again(bare):  # "Can you put that in plain English?": that answer again
            if not earlier:
                assert self._composer is not None
                return self._composer.unasked(question, again=True)
            answer = self.ask(earlier[-1], earlier[:-1], filters, k).model_copy(deep=True)
            answer.question = question
            return answer
        asked, earlier, filters, shown = self._leaning(question, asked, bare, earlier, filters, k)
        answer = compound.answered(asked, earlier, lambda q, h: self._answer(retriever, q, h, filters, k, shown),
                                   self.settings.answer.related, sources.names)
        if shown:
            answer = moves.more(answer, question, asked)
        answer.question = question
        with self._lock:
            self._answers[key] = answer.model_copy(deep=True)
            while len(self._answers) > self.settings.server.answer_cache:
                self._answers.popitem(last=False)
        return answer

    def _leaning(
        self, question: str, asked: str, bare: str, earlier: list[str], filters: Filters | None, k: int | None,
    ) -> tuple[str, list[str], Filters | None, frozenset[str]]:
        """Return what a follow-up that leans on the answer before asks: the question, its history, filters, what was shown."""
        from assistant import catalogue, conversation, moves, standing
        from assistant.render import short_title

        def before() -> Answer:
            return self.ask(earlier[-1], earlier[:-1], filters, k)

        if (start := moves.more_of(earlier, question)) is not None:  # "Tell me more.": that again, less what was cited
            shown = frozenset(c.provision_id for i in range(start, len(earlier))
                              for c in self.ask(earlier[i], earlier[:i], filters, k).citations)
            return earlier[start], earlier[:start], filters, shown
        assert self._sources is not None
        if earlier and (of_text := conversation.text_asked(bare, earlier, self._sources, before)) is not None:
            return of_text, [], filters, frozenset()  # "Which text talks about hacking back?" "When was it adopted?"
        if earlier and (catalogue.among(bare) or standing.among(bare)):  # "Which texts mention SMEs?" "Which of them is the oldest?"
            cited = list(dict.fromkeys(c.doc_id for c in before().citations))
            if len(cited) >= 2:
                return asked, [], (filters or Filters()).model_copy(update={"doc_ids": cited}), frozenset()
        elif earlier and (moving := moves.move(bare)) is not None:  # "And the next one?": beside the one shown
            answer = before()
            heads = self._retriever.titles.heads if self._retriever is not None else (lambda doc_id, words: False)
            if (to := moves.target(moving, answer, answer.resolved_query or earlier[-1], heads)) is not None:
                placed = (filters or Filters()).model_copy(update={"doc_ids": [to.doc_id]})
                documents = self._composer.documents if self._composer is not None else {}
                text = short_title(documents[to.doc_id].title) if to.doc_id in documents else "the text"
                return to.question(moving.topic, text), [], placed, frozenset()
        return asked, earlier, filters, frozenset()

    def _answer(
        self, retriever: Retriever, question: str, history: list[str] | None, filters: Filters | None, k: int | None,
        shown: frozenset[str] = frozenset(),
    ) -> Answer:
        from assistant import answering

        with self._lock:
            sources, composer = self._sources, self._composer
        assert sources is not None and composer is not None
        return answering.answer(self.settings, retriever, sources, composer, question, history, filters, k, shown)

    def practices(
        self, addressee: str = "", query: str = "", doc_ids: list[str] | None = None,
        kinds: tuple[str, ...] = PRACTICE_KINDS,
    ) -> list[Practice]:
        """List commitments and recommendations, optionally for one addressee, documents, or containing words."""
        from assistant.hits import matches

        filters = Filters(doc_ids=doc_ids or [], addressee=addressee)
        words = query.lower().split()
        return [
            entry.practice for entry in self._practice_catalogue()
            if entry.practice.kind in kinds and matches(entry.meta, filters) and all(w in entry.haystack for w in words)
        ]

    def _practice_catalogue(self) -> list[Entry]:
        """Return every practice of the current index in document order, built once per index version."""
        retriever = self.retriever()
        with self._lock:
            if self._catalogue is not None and self._catalogue[0] is retriever:
                return self._catalogue[1]
        from assistant.sparse import collector_paused

        with collector_paused():
            entries = catalogue(retriever.sparse.records)
        with self._lock:
            self._catalogue = (retriever, entries)
        return entries

    def retriever(self) -> Retriever:
        """Return a retriever over the current state of the index (checked at most every VERSION_TTL s)."""
        store = self.store()
        with self._lock:
            now = time.monotonic()
            if self._retriever is not None and now - self._checked < VERSION_TTL:
                return self._retriever
            if self._retriever is None or self._retriever.sparse.version != store.version():
                if self._retriever is not None:
                    store.reopen()  # another process changed the index: load its vectors too
                self._model_check(store)
                from assistant.sparse import collector_paused

                with collector_paused():
                    self._retriever = self._build_retriever(store)
            self._checked = now
            return self._retriever

    def _populated(self) -> Retriever:
        """Return the retriever, or raise IndexMissing when the index holds no documents to answer from."""
        retriever = self.retriever()
        if not retriever.sparse.records:
            raise IndexMissing(f"the index at {self.store().location} holds no documents: run `policy-assistant ingest`")
        return retriever

    def _build_retriever(self, store: ChromaStore) -> Retriever:
        from assistant import glossary
        from assistant.answer import Composer
        from assistant.conversation import SourceIndex
        from assistant.retrieve import Retriever

        documents = store.documents()
        sparse = self._refresh_sparse(store, documents=documents)
        reranker = None
        if self.settings.retrieval.reranker_model:
            from assistant.rerank import CrossEncoderReranker

            reranker = CrossEncoderReranker(self.settings.retrieval.reranker_model, self.settings.embedding)
        retriever = Retriever(store, self.embedder, sparse, self.settings.retrieval, reranker)
        self._sources = SourceIndex(documents, glossary.merged(sparse.acronyms))
        self._composer = Composer(
            self.settings.answer, self.settings.retrieval.lexical_weight, {d.doc_id: d for d in documents},
            retriever.reader.list_items, retriever.reader.list_intro, retriever.reader.section_items, retriever.reader.at_place,
            retriever.reader.referred,
        )
        return retriever

    def _refresh_sparse(
        self, store: ChromaStore, force: bool = False, writer: bool = False, documents: list[Document] | None = None,
    ) -> SparseIndex:
        """Return the sparse index of the committed documents, from the local cache when it is current.

        A writer that finds the cache behind the committed documents although the version did not move
        (an ingest killed between its commit and its version bump) bumps the version, so replicas refresh.
        """
        from assistant.ingest.pipeline import pause_point
        from assistant.sparse import Record, SparseIndex, catalog_digest

        directory = Path(self.settings.index_dir) / "sparse"
        live = {d.doc_id: d.fingerprint for d in (store.documents() if documents is None else documents)}
        digest = catalog_digest(live)
        cached = None if force else SparseIndex.load(directory)
        if cached is not None and cached.version == store.version() and cached.digest == digest:
            return cached
        if writer and cached is not None and cached.version == store.version() and cached.digest != digest:
            store.touch()
        index = SparseIndex.build((Record(c.id, c.text, c.metadata) for c in store.chunks(live)), store.version(), digest)
        index.save(directory, before_swap=lambda: pause_point(self.settings, "sparse"))
        return index

