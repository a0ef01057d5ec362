"""Language: tell a question asked in another language from an English one.

The shipped texts and the default embedding model are English-only, so "Que dit l'Appel de Paris sur
l'ingérence électorale ?" matches nothing and would be answered "the corpus does not address this",
which a delegate could take at its word. A question is taken to be in another language when its
function words are that language's ("que", "dit", "sur") and English ones are (almost) absent, or when
most of its letters are of another script. Words the corpus itself uses often are no evidence: a corpus
that holds French texts answers French questions as it can.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from assistant import wording
from assistant.sparse import STOPWORDS, fold

# function words and question words; those English writes too ("was", "in", "die") count for neither side
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    name: frozenset(words.split()) for name, words in {
        "French": "le la les un une des du de et est sont que qui quoi quel quelle quels quelles dans pour sur "
                  "avec par ce cette ces il elle ils elles nous vous leur leurs au aux pas ne se sa son ses dit "
                  "disent comment pourquoi quand ou selon entre doit doivent faut sont-ils qu l d y t-il",
        "Spanish": "el la los las un una unos unas del de y es son que quien cual cuales en para por con sobre "
                   "como cuando donde se su sus al lo mas dice dicen segun entre este esta estos estas debe "
                   "deben hay",
        "German": "was in der die das den dem des ein eine einen einem einer und ist sind wer wie wann wo warum welche "
                  "welcher welches fur mit auf von zu zur zum im uber nicht sagt sagen nach bei durch muss "
                  "mussen soll sollen gibt es",
        "Italian": "il lo la gli le un una dei delle degli del della di e sono che chi cosa come quando dove "
                   "perche per con su sul sulla nel nella non dice dicono deve devono",
        "Portuguese": "o a os as um uma do da dos das de e sao que quem qual quais como quando onde por para com "
                      "sobre no na nos nas nao diz dizem deve devem",
        "Dutch": "in die de het een en is zijn wat wie hoe wanneer waar waarom welke voor met op van aan over niet "
                 "zegt zeggen moet moeten er",
    }.items()
}
_SHARED = frozenset().union(*_FUNCTION_WORDS.values())
_ENGLISH = STOPWORDS | wording.FUNCTION_WORDS
_ONLY_ENGLISH = _ENGLISH - _SHARED  # "was", "over", "die" are German or Dutch too: evidence for neither
_FEWEST = 3  # words: "Que?" alone is too little to tell a language by
_COMMON_IN_CORPUS = 5  # a word the corpus writes this often is its own language's, not a foreign one
_SET_APART = re.compile(r"«[^»]*»|\([^()]*\)")  # beside wording.QUOTED: a title in the original ("(Appel de Paris …)")
_LATIN = ("LATIN",)
_OTHER = "in a language other than English"


@dataclass(frozen=True)
class Foreign:
    """A question judged to be in another language: how an answer names it ("in French", "in Cyrillic script")."""

    described: str
    related: bool = True

    @property
    def reply(self) -> str:
        """Return why the question is not answered: the texts and the search model are in English."""
        return (f"The question seems to be {self.described}. The indexed texts and the search model are in English, so "
                "it cannot be matched reliably: please ask it in English. The nearest passages are listed as related.")


def detect(question: str, corpus_words: Mapping[str, int]) -> Foreign | None:
    """Return what other language question is in, or None when it is English (or cannot be told)."""
    text = _SET_APART.sub(" ", wording.QUOTED.sub(" ", question))
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    latin = sum(unicodedata.name(c, "").startswith(_LATIN) for c in letters)
    if latin < len(letters) / 2:
        return Foreign(_script(letters))
    tokens = re.findall(r"[a-z]+(?:-[a-z]+)*", fold(text.lower()))
    in_lexicon = {t: bool(wording.parts_of_speech(t)) for t in tokens}
    foreign = [t for t in tokens if not (t in _ENGLISH or in_lexicon[t]) and corpus_words.get(t, 0) < _COMMON_IN_CORPUS]
    hits = {name: sum(t in words for t in foreign) for name, words in _FUNCTION_WORDS.items()}
    best = max(hits.values())
    english = sum(t in _ONLY_ENGLISH for t in tokens)
    unknown = sum(not in_lexicon[t] and t not in corpus_words for t in tokens)
    if len(tokens) < _FEWEST or best == 0 or english > best / 3 or (best < 2 and unknown < len(tokens) / 2):
        return None
    leaders = [name for name, n in hits.items() if n == best]
    return Foreign(f"in {leaders[0]}" if len(leaders) == 1 else _OTHER)


def _script(letters: list[str]) -> str:
    """Return how an answer names the script most of the letters are in ("in Cyrillic script")."""
    scripts = Counter(unicodedata.name(c, "?").split()[0] for c in letters)
    script, n = scripts.most_common(1)[0]
    if n <= len(letters) / 2 or script == "?":
        return _OTHER
    return "in Chinese characters" if script == "CJK" else f"in {script.title()} script"
