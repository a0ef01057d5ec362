"""Long provisions split at sentence boundaries into verbatim parts that keep the parent id."""

from __future__ import annotations

from pathlib import Path

from assistant import Settings
from assistant.ingest.chunk import sentence_spans
from assistant.ingest.clean import clean
from assistant.ingest.pipeline import parse_file


def test_sentences_do_not_break_at_abbreviations() -> None:
    text = "Parties, e.g. States, shall act. See Art. 5 here. Done!"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["Parties, e.g. States, shall act.", "See Art. 5 here.", "Done!"]


def test_long_preamble_is_split_into_parts(related: Path) -> None:
    settings = Settings()
    _, loaded, parts = parse_file(related / "budapest-convention-2001.md", settings)
    preamble = [p for p in parts if p.provision_id == "budapest-convention-2001/preamble/para-1"]
    assert len(preamble) > 3
    assert [p.part for p in preamble] == list(range(1, len(preamble) + 1))
    assert all(p.part_count == len(preamble) for p in preamble)
    assert all(len(p.text) <= settings.ingest.max_provision_chars for p in preamble)
    text = clean(loaded).text
    assert all(text[p.char_start:p.char_end] == p.text for p in preamble)
    assert preamble[1].text[0].isupper()  # parts begin at a sentence or clause, not mid-word


def test_mean_part_length_stays_short(related: Path) -> None:
    lengths = [len(p.text) for f in sorted(related.glob("*.md")) if f.name != "SOURCES.md" for p in parse_file(f, Settings())[2]]
    assert sum(lengths) / len(lengths) < 700
