"""The sparse side of the index: BM25 over every live provision part, plus their records, kept per process.

It is derived from the vector store (never the other way round), saved under `index/sparse/` with
the store version it was built from, and rebuilt whenever the store has changed since.
"""

from __future__ import annotations

import gc
import json
import os
import pickle
import re
import shutil
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import Stemmer

from assistant import glossary
from assistant.types import issuer_name
from assistant.wording import JOINING

if TYPE_CHECKING:  # bm25s (numpy, scipy) loads on first use: kept off the CLI's import path for a quick --help
    import bm25s
    import numpy as np

_WORD = re.compile(r"[a-z0-9]+(?:[.\-][a-z0-9]+)*")
_STEMMER = Stemmer.Stemmer("english")
STOPWORDS = frozenset(
    "a an and are as at be but by for from has have how i if in into is it its of on or so such that the "
    "their them then there these they this to was were what when where which who whom why will with "
    "would about does do did can could should any all also our we you your".split()
)
FORMAT = 2  # of the saved index's tokens: 2 takes accents off ("sécurité" is "securite")
MIN_VARIANT = 5  # shorter stems ("act", "data") begin too many unrelated words to stand for them
# endings that tell stems of one word apart ('expos'/'exposur', 'ratifi'/'ratif', 'appli'/'applic',
# 'administ'/'administr');
# "intern"/"internet" differ by more
ENDINGS = frozenset({"c", "e", "i", "r", "ur", "al", "ion", "iti", "or", "ic", "ive", "ship"})


def fold(text: str) -> str:
    """Return text with its letters' accents taken off ("sécurité" → "securite"), so both spellings match."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Return the lower-case word tokens of text, hyphenated and dotted codes kept whole and split."""
    out: list[str] = []
    for token in _WORD.findall(fold(text.lower())):
        out.append(token)
        if "-" in token or "." in token:
            out.extend(t for t in re.split(r"[.\-]", token) if t)
    return out


def tokenize(text: str) -> list[str]:
    """Return the stemmed, stop-word-free terms BM25 indexes and matches."""
    return _STEMMER.stemWords([w for w in words(text) if w not in STOPWORDS])


def stem_sequence(text: str) -> list[str]:
    """Return every word of text stemmed, stop words kept: the sequence a phrase is looked for in."""
    return _STEMMER.stemWords(re.findall(r"[a-z0-9]+", fold(text.lower())))


def contains_phrase(sequence: list[str], phrase: list[str]) -> bool:
    """Return True when phrase occurs as a run of sequence, or with one word joined in ("essential and important entities")."""
    n = len(phrase)
    if n == 0:
        return False
    if any(sequence[i:i + n] == phrase for i in range(len(sequence) - n + 1) if sequence[i] == phrase[0]):
        return True
    return any(sequence[i:i + gap] == phrase[:gap] and sequence[i + gap] in JOINING
               and sequence[i + gap + 2:i + n + 2] == phrase[gap:]
               for gap in range(1, n) for i in range(len(sequence) - n - 1) if sequence[i] == phrase[0])


@dataclass
class TermStats:
    """Corpus statistics for query analysis: word counts (spelling) and stem document frequencies (idf)."""

    size: int = 0
    words: dict[str, int] = field(default_factory=dict)
    doc_freq: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, texts: Iterable[str]) -> TermStats:
        """Count the words and stems of texts (one text per stored part)."""
        word_counts: Counter[str] = Counter()
        doc_freq: Counter[str] = Counter()
        size = 0
        for text in texts:
            size += 1
            word_counts.update(words(text))
            doc_freq.update(set(tokenize(text)))
        return cls(size, dict(word_counts), dict(doc_freq))


@dataclass
class Record:
    """One live provision part as the sparse index keeps it."""

    id: str
    text: str
    metadata: dict[str, Any]


class SparseIndex:
    """BM25 over provision parts, with the parts' records, for one store version."""

    def __init__(
        self, records: list[Record], model: bm25s.BM25 | None, version: int, acronyms: dict[str, set[str]] | None = None,
        digest: str = "", stats: TermStats | None = None,
    ) -> None:
        self.records = records
        self.model = model
        self.version = version
        self.acronyms = acronyms or {}
        self.digest = digest  # of the committed documents it was built from (see catalog_digest)
        self.stats = stats if stats is not None else TermStats.of(coverage_text(r) for r in records)

    @classmethod
    def build(cls, records: Iterable[Record], version: int, digest: str = "") -> SparseIndex:
        """Index the records' label, headings and text, and learn the acronyms they define."""
        records = list(records)
        if not records:
            return cls([], None, version, digest=digest)
        import bm25s

        model = bm25s.BM25()
        model.index([tokenize(_indexed_text(r)) or ["_"] for r in records], show_progress=False)
        return cls(records, model, version, glossary.learn(r.text for r in records), digest)

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Return (record index, BM25 score) pairs, best first; allowed (a boolean mask) limits the records."""
        terms = tokenize(query)
        if self.model is None or not terms:
            return []
        import numpy as np

        scores = self.model.get_scores(terms)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        top = np.argpartition(-scores, k)[:k] if len(scores) > k else np.arange(len(scores))
        top = top[np.argsort(-scores[top])]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def save(self, directory: Path, before_swap: Callable[[], None] | None = None) -> None:
        """Write the index atomically: a crash leaves the previous copy or none, never half of one."""
        directory.parent.mkdir(parents=True, exist_ok=True)
        for stale in directory.parent.glob(".sparse-*"):  # left by a process killed while saving
            shutil.rmtree(stale, ignore_errors=True)
        tmp = Path(tempfile.mkdtemp(prefix=".sparse-", dir=directory.parent))
        with open(tmp / "records.pickle", "wb") as fh:  # our own cache, read back only by us: fast at 100k records
            pickle.dump([(r.id, r.text, r.metadata) for r in self.records], fh, protocol=pickle.HIGHEST_PROTOCOL)
        (tmp / "stats.json").write_text(json.dumps(asdict(self.stats)))
        if self.model is not None:
            self.model.save(str(tmp / "bm25"))
        (tmp / "acronyms.json").write_text(json.dumps({k: sorted(v) for k, v in self.acronyms.items()}))
        (tmp / "version").write_text(str(self.version))
        (tmp / "format").write_text(str(FORMAT))
        (tmp / "digest").write_text(self.digest)
        if before_swap is not None:
            before_swap()
        old = directory.with_name(directory.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if directory.exists():
            os.replace(directory, old)
        os.replace(tmp, directory)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, directory: Path) -> SparseIndex | None:
        """Read a saved index, or return None when there is none or it is unreadable."""
        try:
            if int((directory / "format").read_text()) != FORMAT:
                return None  # tokenised by an older release: rebuilt from the store
            version = int((directory / "version").read_text())
            digest = (directory / "digest").read_text()
            with open(directory / "records.pickle", "rb") as fh, collector_paused():
                records = [Record(*row) for row in pickle.load(fh)]
            stats = TermStats(**json.loads((directory / "stats.json").read_text()))
            import bm25s

            model = bm25s.BM25.load(str(directory / "bm25")) if records else None
            acronyms = {k: set(v) for k, v in json.loads((directory / "acronyms.json").read_text()).items()}
        except (OSError, ValueError, KeyError, TypeError, EOFError, pickle.UnpicklingError):
            return None
        return cls(records, model, version, acronyms, digest, stats)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a per-index structure.

    Such a build allocates many objects that all live on, so each collection pass it triggers finds
    nothing to free and only re-scans the records: at 100k records, unpickling them is 2.5 times and
    indexing section titles 4 times faster without those passes.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def catalog_digest(live: dict[str, str]) -> str:
    """Return a hash of the committed documents ({doc_id: fingerprint})."""
    import hashlib

    return hashlib.sha256(json.dumps(sorted(live.items())).encode()).hexdigest()[:16]


def context_text(record: Record) -> str:
    """Return what places a part: document title, issuer's name, headings, label and list intro."""
    m = record.metadata
    # the issuer's notes ("open to endorsement by States") say nothing the document itself says
    parts = [m.get("doc_title", ""), issuer_name(m.get("issuer", "")), m.get("heading", ""), m.get("label", ""),
             m.get("intro", "")]
    return " ".join(parts)


def coverage_text(record: Record) -> str:
    """Return a part's text with its context (what the question's key terms are looked up in)."""
    return f"{context_text(record)} {record.text}"


def _indexed_text(record: Record) -> str:
    meta = record.metadata
    return f"{meta.get('label', '')} {meta.get('heading', '')} {record.text}"


def known_in(term: str, vocabulary: Iterable[str]) -> bool:
    """Return True when vocabulary holds a stemmed term, or a word sharing a long prefix ('elect' ~ 'electoral')."""
    if term in vocabulary:
        return True
    prefix = term[: max(5, len(term) - 2)]
    return len(term) >= 5 and any(v.startswith(prefix) for v in vocabulary)


def variant_in(term: str, terms: frozenset[str]) -> bool:
    """Return True when terms hold a longer or shorter form of a stem ('expos' ~ 'exposur', 'ratifi' ~ 'ratif').

    Stricter than known_in: the forms may differ only by an ending, as they must to count as evidence.
    """
    if len(term) < MIN_VARIANT:
        return False
    return any((t.startswith(term) and t[len(term):] in ENDINGS)
               or (len(t) >= MIN_VARIANT and term.startswith(t) and term[len(t):] in ENDINGS) for t in terms)
