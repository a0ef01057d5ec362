"""REST API: ask, search, practices, documents, health, and the corpus file route. Thin: parse, call, return."""

import logging
import mimetypes
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, Field, field_validator

from assistant.errors import AssistantError
from assistant.service import Assistant
from assistant.types import Answer, Document, Filters, Hit, Practice

_TEXT_TYPES = {".txt": "text/plain", ".md": "text/plain", ".markdown": "text/plain", ".html": "text/plain",
               ".htm": "text/plain", ".text": "text/plain"}


def create_api(assistant: Assistant) -> APIRouter:
    """Return the REST routes over one assistant."""
    limits = assistant.settings.server
    router = APIRouter()

    class AskRequest(BaseModel):
        question: str = Field(min_length=1, max_length=limits.max_question_chars, description="the question")
        history: list[str] = Field(default_factory=list, max_length=limits.max_history,
                                   description="earlier user questions, oldest first")
        filters: Filters | None = Field(None, description="documents, issuer, year, kinds, addressee")
        k: int | None = Field(None, ge=1, le=limits.max_k, description="passages considered")

        @field_validator("history")
        @classmethod
        def _short_turns(cls, turns: list[str]) -> list[str]:
            if any(len(t) > limits.max_question_chars for t in turns):
                raise ValueError(f"each history turn must be at most {limits.max_question_chars} characters")
            return turns

    @router.post("/api/ask", response_model=Answer, tags=["answers"])
    def ask(body: AskRequest) -> Answer:
        """Answer a question with citations (or abstain, listing related passages)."""
        return assistant.ask(body.question.strip(), history=body.history, filters=body.filters, k=body.k)

    @router.get("/api/search", response_model=list[Hit], tags=["answers"])
    def search(
        q: Annotated[str, Query(min_length=1, max_length=limits.max_question_chars, description="query")],
        k: Annotated[int, Query(ge=1, le=limits.max_k, description="number of hits")] = 10,
    ) -> list[Hit]:
        """Return the provisions that best match a query."""
        return assistant.search(q, k=k)

    @router.get("/api/practices", response_model=list[Practice], tags=["practices"])
    def practices(
        addressee: Annotated[str, Query(max_length=100, description="e.g. SMEs")] = "",
        q: Annotated[str, Query(max_length=500, description="words the practice must contain")] = "",
        doc: Annotated[list[str] | None, Query(description="document ids")] = None,
    ) -> list[Practice]:
        """List commitments and recommendations."""
        return assistant.practices(addressee=addressee, query=q, doc_ids=doc or [])

    @router.get("/api/documents", response_model=list[Document], tags=["documents"])
    def documents() -> list[Document]:
        """List the ingested documents with provision counts and ingest times."""
        return assistant.documents()

    @router.get("/healthz", tags=["health"])
    def healthz() -> dict[str, object]:
        """Report whether the index can be read."""
        return {"status": "ok", "documents": len(assistant.documents()), "version": assistant.store().version()}

    @router.get("/files/{name:path}", tags=["documents"])
    def source_file(name: str) -> FileResponse:
        """Serve a source document from the corpus directory (never from anywhere else)."""
        path = corpus_file(Path(assistant.settings.corpus_dir), name)
        media = _TEXT_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        headers = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox"}
        if media == "application/pdf":
            headers.pop("Content-Security-Policy")  # the browser's PDF viewer needs to run
        return FileResponse(path, media_type=f"{media}; charset=utf-8" if media == "text/plain" else media,
                            headers=headers, content_disposition_type="inline")

    return router


def corpus_file(corpus_dir: Path, name: str) -> Path:
    """Resolve a file name inside the corpus directory; 404 for anything outside it or missing."""
    root = corpus_dir.resolve()
    try:
        path = (root / name).resolve(strict=True)
    except (OSError, RuntimeError):
        raise HTTPException(404, "no such source file") from None
    if not path.is_relative_to(root) or not path.is_file() or path.name.startswith("."):
        raise HTTPException(404, "no such source file")
    return path


MAX_BODY = 1_000_000  # bytes: far above any valid request (2,000-character question, 20 turns)


def install_error_handlers(app: FastAPI) -> None:
    """Make validation errors a clear 422, domain errors a 503, anything else a 500 without a trace."""

    @app.middleware("http")
    async def limit_body(request: Request, call_next):  # type: ignore[no-untyped-def]
        length = request.headers.get("content-length", "")
        if request.url.path.startswith("/api/") and length.isdigit() and int(length) > MAX_BODY:
            return JSONResponse({"detail": f"request body over {MAX_BODY:,} bytes"}, status_code=413)
        return await call_next(request)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        logging.getLogger("assistant.api").exception("unexpected error on %s", request.url.path)
        return JSONResponse({"detail": "internal error: the server log has the details"}, status_code=500)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for error in exc.errors():
            if error.get("type") == "json_invalid":
                problems.append("body: not valid JSON; send a JSON object such as {\"question\": \"…\"}")
                continue
            where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query"))
            problems.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
        return JSONResponse({"detail": "; ".join(problems), "errors": problems}, status_code=422)

    @app.exception_handler(AssistantError)
    async def domain(request: Request, exc: AssistantError) -> JSONResponse:
        # no index, no model, no store: the service cannot answer now, the request itself was fine
        return JSONResponse({"detail": str(exc)}, status_code=503)
