"""Read a PDF's text in a child process, bounded in time and memory.

A pathological PDF (deeply nested objects, a decompression bomb, a page tree of thousands of pages)
must cost one clear per-file error, never a stuck or exhausted ingest. The parent runs this module
with a timeout; the child caps its own address space before opening the file.

Protocol: python -m assistant.ingest.pdfworker PATH MAX_PAGES MEMORY_MB; prints one JSON object,
{"pages": [...]} or {"error": "encrypted" | "too_many_pages" | "damaged" | "memory", "detail": "..."}.
"""

from __future__ import annotations

import io
import json
import logging
import sys


def extract(data: bytes, max_pages: int) -> dict[str, object]:
    """Return the text of each page, or the reason the PDF cannot be read."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return {"error": "encrypted", "detail": ""}
        count = len(reader.pages)
        if count > max_pages:
            return {"error": "too_many_pages", "detail": str(count)}
        return {"pages": [page.extract_text() or "" for page in reader.pages]}
    except MemoryError:
        return {"error": "memory", "detail": ""}
    except RecursionError:
        return {"error": "damaged", "detail": "objects nested too deeply"}
    except Exception as exc:  # pypdf raises many types on damaged input
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        return {"error": "damaged", "detail": detail}


def main() -> None:
    path, max_pages, memory_mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    try:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # platforms without rlimits still get the parent's timeout
    with open(path, "rb") as fh:
        data = fh.read()
    sys.setrecursionlimit(5000)
    print(json.dumps(extract(data, max_pages)))


if __name__ == "__main__":
    main()
