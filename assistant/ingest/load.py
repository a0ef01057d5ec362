"""Load .txt, .md, .pdf and .html files into pages of text, refusing what cannot be read."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

import yaml

from assistant.config import IngestSettings
from assistant.errors import FileRejected

Format = Literal["text", "markdown", "pdf", "html"]

FORMATS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)


@dataclass
class Page:
    """The text of one page; number is None for formats without pages."""

    text: str
    number: int | None = None


@dataclass
class LoadedFile:
    """A file read into pages, with its format, front matter and content hash."""

    path: Path
    fmt: Format
    pages: list[Page]
    sha256: str
    front_matter: dict[str, str] = field(default_factory=dict)


def supported(path: Path) -> bool:
    """Return True when the file's extension has a loader."""
    return path.suffix.lower() in FORMATS


def load_file(path: Path, settings: IngestSettings) -> LoadedFile:
    """Read one file into pages; raise FileRejected with a one-line reason when it cannot be used."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise FileRejected(str(path), f"unsupported file type {path.suffix!r}: use .txt, .md, .pdf or .html")
    data = _read_bytes(path, settings)
    sha = hashlib.sha256(data).hexdigest()
    if fmt == "pdf":
        return LoadedFile(path, fmt, _pdf_pages(path, data, settings), sha)
    text = decode_text(path, data)
    if fmt == "html":
        title, body = html_to_text(text)
        return LoadedFile(path, fmt, [Page(body)], sha, {"title": title} if title else {})
    front, body = split_front_matter(text)
    pages = [Page(chunk, i + 1) for i, chunk in enumerate(body.split("\f"))] if "\f" in body else [Page(body)]
    return LoadedFile(path, fmt, pages, sha, front)


def _read_bytes(path: Path, settings: IngestSettings) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileRejected(str(path), f"cannot read file ({exc.strerror}): check the path and permissions")
    limit = int(settings.max_file_mb * 1024 * 1024)
    if size > limit:
        raise FileRejected(
            str(path),
            f"file is {_size(size)}, over the {settings.max_file_mb:g} MB limit: "
            "split it or raise ASSISTANT_INGEST__MAX_FILE_MB",
        )
    if size == 0:
        raise FileRejected(str(path), "empty file: nothing to index")
    return path.read_bytes()


def _size(n: int) -> str:
    return f"{n / 1048576:.1f} MB" if n >= 1048576 else f"{n / 1024:.1f} KB"


def decode_text(path: Path, data: bytes) -> str:
    """Decode text bytes as UTF-8, else by detected encoding; refuse binary content."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _detect(path, data)
    if _looks_binary(text):
        raise FileRejected(str(path), "binary content, not text: convert it to .txt, .md or .pdf first")
    if not text.strip():
        raise FileRejected(str(path), "file holds only whitespace: nothing to index")
    return text


def _detect(path: Path, data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.percent_chaos > 20:
        raise FileRejected(str(path), "binary content, not text: convert it to .txt, .md or .pdf first")
    return str(best)


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(2, len(sample) // 100)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading YAML front-matter block from the body; malformed front matter stays body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    meta = {str(k): "" if v is None else str(v) for k, v in data.items()}
    return meta, text[match.end():]


def _pdf_pages(path: Path, data: bytes, settings: IngestSettings) -> list[Page]:
    name = str(path)
    result = _read_pdf(path, data, settings)
    error = result.get("error")
    if error == "encrypted":
        raise FileRejected(name, "encrypted PDF: remove the password (e.g. qpdf --decrypt) and ingest again")
    if error == "too_many_pages":
        raise FileRejected(
            name, f"PDF has {result['detail']} pages, over the {settings.max_pdf_pages} page limit: split it"
        )
    if error == "memory":
        raise FileRejected(
            name, f"PDF needs more than {settings.pdf_memory_mb} MB to read (a decompression bomb?): "
            "check the file, or raise ASSISTANT_INGEST__PDF_MEMORY_MB",
        )
    if error == "timeout":
        raise FileRejected(
            name, f"PDF took more than {settings.pdf_timeout_s:g} s to read (pathological structure?): "
            "re-export it, or raise ASSISTANT_INGEST__PDF_TIMEOUT_S",
        )
    if error:
        raise FileRejected(name, f"damaged or truncated PDF ({result.get('detail') or error}): re-export or download it again")
    pages = [Page(text, i + 1) for i, text in enumerate(result["pages"])]
    if not any(p.text.strip() for p in pages):
        raise FileRejected(
            name, "PDF has no text layer (scanned image?): needs OCR, e.g. ocrmypdf, then ingest again"
        )
    return pages


def _read_pdf(path: Path, data: bytes, settings: IngestSettings) -> dict:
    """Extract the pages in a child process bounded in time and memory (or in-process when isolation is off)."""
    from assistant.ingest import pdfworker

    if not settings.pdf_isolation:
        return pdfworker.extract(data, settings.max_pdf_pages)
    command = [sys.executable, "-m", "assistant.ingest.pdfworker", str(path), str(settings.max_pdf_pages),
               str(settings.pdf_memory_mb)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=settings.pdf_timeout_s)
    except subprocess.TimeoutExpired:
        return {"error": "timeout"}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        memory = "MemoryError" in done.stderr or done.returncode in (-9, 137)
        return {"error": "memory" if memory else "damaged", "detail": (done.stderr.strip().splitlines() or [""])[-1][:120]}
    return json.loads(lines[-1])


_BLOCK_TAGS = {"p", "div", "section", "article", "br", "tr", "table", "ul", "ol", "blockquote", "pre"}
_SKIP_TAGS = {"script", "style", "head", "noscript", "template", "svg", "iframe", "object"}


class _HtmlText(HTMLParser):
    """Turn HTML into Markdown-like text: headings keep '#', list items keep a marker."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False
        self._lists: list[list[int | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif re.fullmatch(r"h[1-6]", tag):
            self.out.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag in ("ul", "ol"):
            self._lists.append([1 if tag == "ol" else None])
        elif tag == "li":
            self.out.append("\n" + self._marker())
        elif tag in ("td", "th"):
            self.out.append(" | ")
        elif tag in _BLOCK_TAGS:
            self.out.append("\n\n" if tag != "br" else "\n")

    def _marker(self) -> str:
        if not self._lists or self._lists[-1][0] is None:
            return "- "
        n = self._lists[-1][0]
        self._lists[-1][0] = n + 1
        return f"{n}. "

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in ("ul", "ol") and self._lists:
            self._lists.pop()
            self.out.append("\n\n")
        elif re.fullmatch(r"h[1-6]", tag) or tag in _BLOCK_TAGS:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.out.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> tuple[str, str]:
    """Return the page title and its text; scripts, styles and markup are dropped, never run."""
    parser = _HtmlText()
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:  # html.parser gives up on a malformed "<![" declaration: read it as text instead
        parser = _HtmlText()
        parser.feed(html.replace("<![", "&lt;!["))
        parser.close()
    text = "".join(parser.out)
    text = "\n".join(line.strip() for line in text.splitlines())
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return " ".join("".join(parser.title).split()), text
