"""The command line: quick to start, whatever it goes on to load."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

HEAVY = ("torch", "sentence_transformers", "llama_index", "chromadb", "gradio", "bm25s", "numpy")


def test_help_loads_none_of_the_heavy_libraries() -> None:
    # `policy-assistant --help` must be instant: the model, the stores and the web app load on first use
    code = ("import sys, runpy; sys.argv = ['policy-assistant', '--help']\n"
            "try:\n    runpy.run_module('assistant', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            f"print('loaded:', ','.join(m for m in {HEAVY!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert "ingest" in done.stdout  # the help was printed
    assert done.stdout.strip().splitlines()[-1] == "loaded:"  # and no heavy library was imported for it
