"""Practice exports live in one private directory per app: pruned by age, gone when the app is."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from assistant.ui.exports import Exports


def test_an_export_holds_its_text_and_the_same_listing_reuses_one_file() -> None:
    exports = Exports()
    try:
        first = exports.write("a,b\n1,2\n", "csv")
        assert first.read_text(encoding="utf-8") == "a,b\n1,2\n" and first.name == "practices.csv"
        assert exports.write("a,b\n1,2\n", "csv") == first
        assert exports.write("a,b\n3,4\n", "csv") != first
    finally:
        exports.close()


def test_exports_older_than_the_age_limit_are_pruned_and_newer_ones_kept() -> None:
    exports = Exports(max_age_s=60)
    try:
        old, new = exports.write("old", "md"), exports.write("new", "md")
        an_hour_ago = time.time() - 3600
        os.utime(old, (an_hour_ago, an_hour_ago))
        exports.prune()
        assert not old.exists() and not old.parent.exists()
        assert new.read_text(encoding="utf-8") == "new"
    finally:
        exports.close()


def test_close_removes_the_directory_with_every_export() -> None:
    exports = Exports()
    path = exports.write("x", "csv")
    exports.close()
    assert not path.exists() and not exports.root.exists()


def test_importing_the_ui_creates_no_directory_and_a_process_leaves_none_behind(tmp_path: Path) -> None:
    script = ("import assistant.ui.blocks, pathlib, tempfile\n"
              "assert not list(pathlib.Path(tempfile.gettempdir()).iterdir()), 'import created a directory'\n"
              "from assistant.ui.exports import Exports\n"
              "print(Exports().write('x', 'csv'))\n")
    env = {**os.environ, "TMPDIR": str(tmp_path), "GRADIO_ANALYTICS_ENABLED": "False"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    written = Path(done.stdout.strip())
    assert written.parent.parent.parent == tmp_path  # it was written under TMPDIR ...
    assert not written.exists() and not list(tmp_path.iterdir())  # ... and removed when the process ended
