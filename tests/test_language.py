"""Language: questions in another language are told apart from English ones, whatever the names in them."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant, language
from assistant.sparse import SparseIndex, fold, words
from tests.conftest import ingested

ENGLISH_CORPUS = {"call": 12, "paris": 9, "convention": 30, "budapest": 8, "nis": 34, "article": 50, "smes": 6}


@pytest.mark.parametrize(("question", "described"), [
    ("Que dit l'Appel de Paris sur l'ingérence électorale ?", "in French"),
    ("Quelles sont les recommandations du G7 pour les entreprises ?", "in French"),
    ("¿Qué recomienda el G7 a las pymes sobre las contraseñas?", "in Spanish"),
    ("Was verlangt NIS 2 Artikel 21 zur Lieferkettensicherheit?", "in German"),
    ("Cosa dice la Convenzione di Budapest sull'accesso illegale?", "in Italian"),
    ("O que diz a Convenção de Budapeste sobre o acesso ilegal?", "in Portuguese"),
    ("Wat zegt de Paris Call over verkiezingen?", "in Dutch"),
    ("Что говорит Будапештская конвенция о незаконном доступе?", "in Cyrillic script"),
    ("ما الذي تقوله اتفاقية بودابست بشأن الوصول غير القانوني؟", "in Arabic script"),
    ("布达佩斯公约对非法访问有何规定？", "in Chinese characters"),
])
def test_a_question_in_another_language_is_named_as_such(question: str, described: str) -> None:
    found = language.detect(question, ENGLISH_CORPUS)
    assert found is not None and found.described == described


@pytest.mark.parametrize("question", [
    "What does the Paris Call (Appel de Paris pour la confiance et la sécurité dans le cyberespace) say?",
    'Does the Paris Call mention "la sécurité dans le cyberespace"?',
    "What was agreed in Paris?",
    "Is there anything on elections in the Paris Call?",
    "Que?",  # one word: too little to tell
    "g7 smes passwords",
    "What does Article 21(2)(d) of NIS 2 say about supply chain security?",
    "2FA for cloud admin consoles?",
])
def test_an_english_question_is_english_whatever_names_and_quotes_it_holds(question: str) -> None:
    assert language.detect(question, ENGLISH_CORPUS) is None


def test_a_corpus_that_writes_the_language_answers_in_it() -> None:
    french_corpus = ENGLISH_CORPUS | {"que": 40, "les": 200, "sur": 60, "des": 150, "dit": 7, "de": 400}
    assert language.detect("Que dit l'Appel de Paris sur les élections ?", french_corpus) is None


def test_accents_are_taken_off_words_so_either_spelling_matches() -> None:
    assert fold("sécurité, Ingérence électorale") == "securite, Ingerence electorale"
    assert words("l'ingérence électorale") == ["l", "ingerence", "electorale"]


def test_accented_text_is_found_with_or_without_its_accents(tmp_path: Path) -> None:
    assistant = ingested(tmp_path, {"rules.md": (
        "# Rules\n\n## Shops\n\nEvery shop must protect the network it offers its customers.\n\n"
        "## Cafés\n\nEvery café must protect the network it offers its customers.\n")})
    for query in ("cafe network", "café network", "CAFÉS"):
        assert assistant.search(query, k=1)[0].text.startswith("Every café"), query


def test_a_saved_sparse_index_tokenised_by_an_older_release_is_rebuilt(tmp_path: Path) -> None:
    assistant = ingested(tmp_path, {"rules.md": "# Rules\n\n## Cafés\n\nEvery café must protect its network.\n"})
    saved = tmp_path / "index" / "sparse"
    assert SparseIndex.load(saved) is not None
    (saved / "format").write_text("1")
    assert SparseIndex.load(saved) is None  # the service rebuilds it from the store on opening
    reopened = Assistant.open(assistant.settings)
    assert reopened.search("cafe network", k=1)[0].text.startswith("Every café")
