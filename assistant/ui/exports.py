"""The files behind the Practices tab's download buttons: one private directory per app, pruned as it runs."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from pathlib import Path

MAX_AGE_S = 3600.0  # an export older than this is no longer on anyone's screen


class Exports:
    """Write export files into a temporary directory that is pruned by age and removed with the app."""

    def __init__(self, max_age_s: float = MAX_AGE_S) -> None:
        # TemporaryDirectory removes itself when collected or at interpreter exit, so no run leaves one behind
        self._directory = tempfile.TemporaryDirectory(prefix="pa-exports-")
        self.root = Path(self._directory.name)
        self.max_age_s = max_age_s

    def write(self, text: str, fmt: str) -> Path:
        """Return a file holding `text` as `practices.<fmt>`, written once per distinct content."""
        self.prune()
        path = self.root / hashlib.sha1(text.encode()).hexdigest()[:12] / f"practices.{fmt}"
        if path.exists():
            path.touch()  # the same listing again: its age starts afresh, no need to write it twice
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return path

    def prune(self) -> None:
        """Remove the exports written more than `max_age_s` ago."""
        cutoff = time.time() - self.max_age_s
        for folder in self.root.iterdir():
            if all(f.stat().st_mtime < cutoff for f in folder.iterdir()):
                shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        """Remove the directory and every export in it."""
        self._directory.cleanup()
