"""Word roles: verbs, adverbs and predicative adjectives say how a question asks; nouns say what about."""

from __future__ import annotations

from assistant.wording import parts_of_speech, relational


def test_verbs_adverbs_and_predicative_adjectives_are_relational() -> None:
    found = relational("Must we check that software is genuine, and does it actually work? Can a Party opt out?")
    assert {"check", "genuine", "actually", "opt"} <= found
    assert not {"software", "party"} & found


def test_a_word_that_is_noun_or_verb_is_a_verb_only_where_a_verb_stands() -> None:
    assert "pass" in relational("What must we do to pass Cyber Essentials?")
    assert "check" in relational("Should staff check whether a link is safe?")
    assert "checks" not in relational("Does it require background checks on employees?")
    assert "budget" not in relational("What budget did the G7 allocate?")


def test_an_adjective_before_its_noun_names_the_topic_with_it() -> None:
    assert not {"artificial", "additional"} & relational("What about artificial intelligence and the additional protocol?")


def test_words_the_lexicon_does_not_know_are_topics() -> None:
    assert parts_of_speech("cryptocurrency") == frozenset()
    assert "cryptocurrency" not in relational("What does it say about cryptocurrency?")
