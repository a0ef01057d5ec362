"""Word roles: verbs, adverbs and predicative adjectives say how a question asks; nouns say what about."""

from __future__ import annotations

from assistant import wording
from assistant.wording import as_written, parts_of_speech, relational


def test_adverbs_and_predicative_adjectives_are_relational_verbs_and_nouns_are_not() -> None:
    found = relational("Is the software genuine, and does it actually work? Can firms outsource it?")
    assert {"genuine", "actually"} <= found
    assert not {"software", "outsource", "firms"} & found


def test_a_word_that_can_be_a_noun_names_a_topic_even_as_a_verb() -> None:
    # "to tax companies" asks about taxes: taking it for a mere verb would answer from whatever mentions companies
    assert not {"tax", "fund", "checks", "budget"} & relational(
        "Does it want to tax companies? Who will fund it? Does it require background checks? What budget?")


def test_an_adjective_before_its_noun_names_the_topic_with_it() -> None:
    assert not {"artificial", "additional"} & relational("What about artificial intelligence and the additional protocol?")


def test_words_the_lexicon_does_not_know_are_topics() -> None:
    assert parts_of_speech("cryptocurrency") == frozenset()
    assert "cryptocurrency" not in relational("What does it say about cryptocurrency?")


def test_irregular_forms_have_their_dictionary_forms() -> None:
    assert wording.base_forms("took") == ("take",)
    assert wording.base_forms("criteria") == ("criterion",)
    assert wording.base_forms("found") == ()  # a dictionary form itself ("to found"), left alone
    assert wording.base_forms("deepfake") == ()
    assert wording.base_forms("media") == ("medium",)  # also a noun of its own, still the plural of "medium"


def test_phrases_saying_how_often_are_found_and_others_are_not() -> None:
    assert wording.frequencies("Change passwords every 90 days?") == ["every 90 days"]
    assert wording.frequencies("every few months, or once a year, or monthly") == ["every few months", "once a year",
                                                                                   "monthly"]
    assert wording.frequencies("within 14 days of release") == []  # a deadline, not a frequency
    assert wording.frequencies("every device in scope") == []



def test_a_quoted_phrase_is_found_in_any_quotation_marks_but_not_in_apostrophes() -> None:
    from assistant.wording import quoted, quoted_shapes

    assert quoted('Where does "all-hazards approach" appear?') == ["all-hazards approach"]
    assert quoted("Is “cyber hygiene” or 'sub-set' or ‘ordre public’ used?") == ["cyber hygiene", "sub-set", "ordre public"]
    assert quoted("What's the G7's view on the Parties' rights and users' devices?") == []
    assert quoted("Who said 'online crime doesn't pay'?") == ["online crime doesn't pay"]  # an apostrophe inside
    [shape] = quoted_shapes("Where does 'state-of-the-art' appear?")
    assert shape.search("taking into account the state of the art") and shape.search("the State-of-the-Art")
    assert not shape.search("the state of art")
    [entities] = quoted_shapes("What does 'essential entities' mean?")  # one word joined in is still the phrase
    assert entities.search("essential and important entities") and not entities.search("essential interests of entities")


def test_words_carried_from_earlier_turns_are_given_as_the_latest_turn_wrote_them() -> None:
    history = ["What does the ICC say about smes?", "What does the ICC say about SMEs and CSIRTs?"]
    assert as_written(["smes", "csirts"], history) == "SMEs CSIRTs"
    assert as_written(["ransomware"], history) == "ransomware"  # no turn wrote it: as carried
