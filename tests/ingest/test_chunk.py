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


def test_long_provision_is_split_into_parts(tmp_path: Path) -> None:
    settings = Settings()
    sentence = "Each Party shall consider the measures that the preceding clauses describe in some detail. "
    doc = tmp_path / "long.md"
    doc.write_text("# Long text\n\n## Scope\n\n" + sentence * 40 + "\n", encoding="utf-8")
    _, loaded, parts = parse_file(doc, settings)
    long = [p for p in parts if p.provision_id == "long/scope/para-1"]
    assert len(long) > 3
    assert [p.part for p in long] == list(range(1, len(long) + 1))
    assert all(p.part_count == len(long) for p in long)
    assert all(len(p.text) <= settings.ingest.max_provision_chars for p in long)
    text = clean(loaded).text
    assert all(text[p.char_start:p.char_end] == p.text for p in long)
    assert all(p.text.startswith("Each Party") for p in long)  # parts begin at a sentence, not mid-word


def test_mean_part_length_stays_short(related: Path) -> None:
    lengths = [len(p.text) for f in sorted(related.glob("*.md")) if f.name != "SOURCES.md" for p in parse_file(f, Settings())[2]]
    assert sum(lengths) / len(lengths) < 700
