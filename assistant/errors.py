"""Domain errors: each carries one clear message that the CLI and web app show as is."""

from __future__ import annotations


class AssistantError(Exception):
    """Base class of every error a user should see as one line, not a traceback."""


class FileRejected(AssistantError):
    """A file that cannot be ingested; the message names the file, the reason and the remedy."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class IndexMismatch(AssistantError):
    """The index was built with another embedding model or schema."""


class IndexMissing(AssistantError):
    """No index exists yet where one is needed."""


class StoreUnavailable(AssistantError):
    """The vector store (e.g. a Chroma server) cannot be reached."""


class IndexBusy(AssistantError):
    """Another process is ingesting into the same index."""


class ModelUnavailable(AssistantError):
    """The embedding (or reranker) model cannot be loaded."""
