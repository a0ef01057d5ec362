"""Spelling: typos are corrected to corpus words, English words are left alone, regional spellings found."""

from __future__ import annotations

from collections import Counter

from assistant.spelling import Speller, damerau, regional_variants


def test_edit_distance_counts_transpositions_once() -> None:
    assert damerau("cyebr", "cyber") == 1
    assert damerau("pasword", "password") == 1
    assert damerau("lenght", "length") == 1


def test_speller_leaves_english_words_alone() -> None:
    speller = Speller(Counter({"share": 3, "party": 2}))
    assert speller.correct("shred") is None  # a word the asker meant, not a typo of "share"
    assert speller.correct("sahre") == "share"


def test_speller_fixes_typos_but_not_known_words() -> None:
    speller = Speller(Counter({"cooperation": 3, "awareness": 2, "campaigns": 1, "wait": 1}), frozenset({"want"}))
    assert speller.correct("coperation") == "cooperation"
    assert speller.correct("awarness") == "awareness"
    assert speller.correct("want") is None  # a real word, not a typo of the corpus's "wait"
    assert speller.correct("cooperation") is None


def test_regional_variants_are_only_spellings_the_corpus_uses() -> None:
    assert regional_variants("organisation") == {"organization"}
    assert "advize" in regional_variants("advise")  # a candidate only: no corpus spells it so (see test_query)
