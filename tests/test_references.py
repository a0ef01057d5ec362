"""Structural references in questions and in provision labels: 'Article 21(2)(d)', 'Objective 2, action 4'."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.references import kind_title, of_place, only_place, parse, place_asked, specific, spelled_out
from tests.conftest import ingested


@pytest.mark.parametrize(("text", "expected"), [
    ("What does Article 3 of the Budapest Convention make a criminal offence?", {("article", "3")}),
    ("Article 21(2)(d)", {("article", "21"), ("paragraph", "2"), ("item", "d")}),
    ("art. 8(a)", {("article", "8"), ("item", "a")}),
    ("Objective 2, action 4", {("objective", "2"), ("action", "4")}),
    ("CHAPTER III", {("chapter", "3")}),
    ("What does Article III say?", {("article", "3")}),  # in capitals, as some treaties number them
    ("article vi", set()),
    ("chapter 3", {("chapter", "3")}),
    ("Article 30", {("article", "30")}),
    ("What is the title of the artificial intelligence part of the text?", set()),
    ("recommendations of the G7", set()),
    ("How many points does Article 21(2) list?", {("article", "21"), ("paragraph", "2")}),  # not point "s"
    ("paragraph 2, point (d)", {("paragraph", "2"), ("item", "d")}),
    ("What is the fifth opportunity?", {("opportunity", "5")}),  # a place named by its rank
    ("the 3rd action of Objective 2", {("action", "3"), ("objective", "2")}),
    ("First of all, what is the first requirement?", {("requirement", "1")}),  # a minor place: see placed()
    ("What is the third firewall requirement?", {("requirement", "3")}),  # words between a rank and its kind
    ("the first sentence of Article 3", {("article", "3")}),  # a preposition ends the place
    ("the first two actions", set()),  # a span, not action 1
    ("the last of the ICC's opportunities", {("opportunity", "last")}),
    ("What is the final action under Objective 2?", {("action", "last"), ("objective", "2")}),
    ("Operative paragraph 2(a)", {("operative paragraph", "2"), ("item", "a")}),
    ("the first operative paragraph", {("operative paragraph", "1")}),
    ("Preambular paragraph 3", {("preambular paragraph", "3")}),
    ("paris call principal 3", {("principle", "3")}),  # a principle, as often misspelt
])
def test_references_parse_from_questions_and_labels(text: str, expected: set[tuple[str, str]]) -> None:
    assert parse(text) == expected


def test_negotiators_shorthand_for_a_resolutions_paragraphs_is_written_out() -> None:
    assert spelled_out("What is OP3 of resolution 80/16 about? And pp 2?") == (
        "What is operative paragraph 3 of resolution 80/16 about? And preambular paragraph 2?")
    assert spelled_out("the top 3 risks of OPSEC") == "the top 3 risks of OPSEC"  # no shorthand there
    assert specific(parse(spelled_out("OP3")))


def test_a_place_is_named_by_its_label_and_headings_and_only_major_kinds_place_alone() -> None:
    place = of_place("Article 21, paragraph 2(h)", ["Article 21", "Cybersecurity risk-management measures"])
    assert place == {("article", "21"), ("paragraph", "2"), ("item", "h")}
    assert specific(parse("Article 21(2)")) and not specific(parse("paragraph 2(h)"))


def test_a_question_naming_an_article_gets_that_article_first(tmp_path: Path) -> None:
    texts = {n: f"Each Party shall keep records of kind {n} for the secretariat." for n in range(1, 13)}
    texts[3] = "Each Party shall establish as an offence the interception without right of non-public transmissions."
    texts[7] = "Each Party shall treat the criminal offences referred to in Article 3 as extraditable criminal offences."
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = "\n\n".join(f"## Article {n}\n\n{text}" for n, text in texts.items())
    (corpus / "treaty.md").write_text(f"# Model Treaty on Offences\n\n{body}\n", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", embedding={"model": "hash"})
    assistant = Assistant.open(settings)
    assert assistant.ingest().ok
    # Article 7 shares more words with the question (and names Article 3); the question means Article 3 itself
    assert assistant.search("What does Article 3 make a criminal offence?", k=3)[0].label.startswith("Article 3")
    assert assistant.search("article 11", k=1)[0].label.startswith("Article 11")  # not Article 1
    answer = assistant.ask("What does Article 3 of the Model Treaty say?")
    assert answer.citations and answer.citations[0].label.startswith("Article 3")


def test_a_question_about_a_place_and_nothing_more_reads_it_from_the_start(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = ["Each Party shall notify the depositary of the measures it takes.",
             "The notification shall name the authority responsible.",
             "The depositary shall publish every notification made under Article 5 of the Model Treaty.",
             "A Party may withdraw a notification at any time."]
    paragraphs = "\n\n".join(f"{n}. {text}" for n, text in enumerate(texts, 1))
    (corpus / "treaty.md").write_text(f"# Model Treaty\n\n## Article 5\n\n{paragraphs}\n\n## Article 6\n\nOther.\n",
                                      encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", embedding={"model": "hash"})
    assistant = Assistant.open(settings)
    assert assistant.ingest().ok
    answer = assistant.ask("What is Article 5 of the Model Treaty about?")
    assert [c.label for c in answer.citations][:2] == ["Article 5, paragraph 1", "Article 5, paragraph 2"]


def test_how_many_counts_the_points_of_the_named_paragraph_in_the_named_document(tmp_path: Path) -> None:
    points = "\n\n".join(f"({letter}) measure {letter} on backups;" for letter in "abcd")
    assistant = ingested(tmp_path, {
        "directive.md": "# Model Directive\n\n## Article 21\n\n1. Member States shall ensure that entities take measures.\n\n"
                        f"2. The measures shall include at least the following:\n\n{points}\n\n3. The Commission may adopt acts.\n",
        "treaty.md": "# Model Treaty\n\n## Article 21\n\n1. Each Party shall keep records.\n\n2. Each Party shall notify the depositary.\n",
    })
    answer = assistant.ask("How many points does Article 21(2) of the Model Directive list?")
    assert answer.text.startswith("Article 21, paragraph 2 of Model Directive lists 4 points.")
    assert [c.label for c in answer.citations] == [f"Article 21, paragraph 2({letter})" for letter in "abcd"]
    paragraphs = assistant.ask("How many paragraphs does Article 21 of the Model Treaty have?")
    assert "lists 2 paragraphs" in paragraphs.text  # the treaty's own, not the directive's three
    assert {c.doc_id for c in paragraphs.citations} == {"treaty"}


def test_a_resolutions_operative_paragraph_named_in_shorthand_is_cited_alone(tmp_path: Path) -> None:
    assistant = ingested(tmp_path, {"resolution.md": (
        "# Resolution 1/1 on Model Security\n\nThe General Assembly,\n\nRecalling its resolution on model security,\n\n"
        "1. Decides to endorse the report on model security;\n\n2. Requests the Secretary-General to support a portal;\n\n"
        "3. Decides to include the item on model security in its next session.\n")})
    answer = assistant.ask("What is OP2 of resolution 1/1 about?")
    assert [c.label for c in answer.citations] == ["Operative paragraph 2"]
    assert [c.label for c in assistant.ask("What does PP1 of resolution 1/1 recall?").citations][:1] == ["Preambular paragraph 1"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Each Party may reserve the right not to apply, in whole or in part, paragraph 2 of this article.",
     [{("paragraph", "2")}]),
    ("A Party may reserve the right not to apply the rules laid down in paragraphs 1.b through 1.d of this article",
     [{("paragraph", "1")}]),
    ("Member States may derogate from paragraph 2, point (d), of this Article", [{("paragraph", "2"), ("item", "d")}]),
    ("A Party may reserve the right not to apply paragraphs 1 and 2 above", [{("paragraph", "1")}, {("paragraph", "2")}]),
    ("Each Party may reserve the right not to apply, in whole or in part, paragraphs 1, sub-paragraphs d. and e",
     [{("paragraph", "1")}]),
    ("Each Party may reserve the right not to apply paragraph 1 of Article 20", []),  # another article's
    ("The provisions of paragraphs 2 through 9 of this article shall apply. This article shall not apply where", []),
    ("the measures referred to in Article 20", []),  # another article: too broad to stand for this provision
])
def test_a_provision_names_places_of_its_own_article(text: str, expected: list[set[tuple[str, str]]]) -> None:
    from assistant.references import internal

    assert [set(place) for place in internal(text)] == expected


def test_labels_give_their_places_with_where_each_value_stands() -> None:
    from assistant.references import spans

    label = "Article 21, paragraph 2(g)"
    assert [(kind, value, label[start:end]) for kind, value, start, end in spans(label)] == [
        ("article", "21", "21"), ("paragraph", "2", "2"), ("item", "g", "g")]
    assert [s[:2] for s in spans("Objective 2, action 5")] == [("objective", "2"), ("action", "5")]
    assert spans("D.1 Firewalls, Requirements") == []  # no numbered place


def test_a_chapter_is_read_from_its_start_though_its_articles_never_say_chapter(tmp_path: Path) -> None:
    body = "\n\n".join(f"## Article {n} – Rule {n}\n\nEach Party shall apply rule number {n} to its networks."
                       for n in range(1, 4))
    later = "\n\n".join(f"## Article {n} – Duty {n}\n\nEach Party shall report duty number {n} to the depositary."
                        for n in range(4, 50))
    assistant = ingested(tmp_path, {"treaty.md": f"# Model Treaty\n\n## CHAPTER I – RULES\n\n{body}\n\n## CHAPTER II – DUTIES\n\n{later}\n"})
    chapter = assistant.ask("What does Chapter II of the Model Treaty cover?")
    assert not chapter.abstained and chapter.citations[0].label == "Article 4"  # from its start, 46 articles on
    assert assistant.ask("What does Article III of the Model Treaty say?").citations[0].label == "Article 3"


def test_the_title_of_a_named_place_is_read_from_its_heading() -> None:
    from assistant.references import title

    budapest = ["Convention on Cybercrime", "SECTION 2 – PROCEDURAL LAW", "Article 16 – Expedited preservation of stored computer data"]
    assert title(frozenset({("article", "16")}), budapest) == ("Article 16", "Expedited preservation of stored computer data")
    g7 = ["Annex 3 – G7 ACTIONS", "OBJECTIVE 2 – ENHANCING COOPERATION"]
    assert title(frozenset({("objective", "2")}), g7) == ("Objective 2", "ENHANCING COOPERATION")
    nis2 = ["Directive (EU) 2022/2555", "Article 21", "Cybersecurity risk-management measures"]  # the title on its own line
    assert title(frozenset({("article", "21")}), nis2) == ("Article 21", "Cybersecurity risk-management measures")
    assert title(frozenset({("article", "21"), ("paragraph", "2")}), nis2) is None  # a place within it
    assert title(frozenset({("takeaway", "3")}), ["ICC Board Briefing", "Takeaways"]) is None  # untitled
    assert title(frozenset({("chapter", "3")}), ["CHAPTER III – INTERNATIONAL CO-OPERATION"])[0] == "Chapter III"


def test_a_place_named_with_its_headings_words_is_only_that_place() -> None:
    asked = parse("What is the second opportunity for future action?")
    terms = ["opportun", "futur", "action"]
    assert not only_place(asked, terms)  # "future action" asks something more, unless it is the place's heading
    assert only_place(asked, terms, "Opportunities for future action")
    assert not only_place(asked, [*terms, "treati"], "Opportunities for future action")


def test_a_question_asking_which_place_says_a_thing_names_the_kind_of_place() -> None:
    assert place_asked("Which article deals with corporate liability?") == "article"
    assert place_asked("In which articles is 'service provider' defined?") == "article"
    assert place_asked("Which section covers firewalls?") == "section"
    assert place_asked("Which G7 objective is about cooperation?") == "objective"  # the text's name before the kind
    assert place_asked("Which texts mention SMEs?") == "" and place_asked("What does Article 2 say?") == ""
    assert place_asked("Which article does the ICC cite?") == ""  # the article is the object, not what is asked


def test_the_title_of_the_place_of_a_kind_a_provision_is_in_is_read_from_its_headings() -> None:
    headings = ["Convention on Cybercrime", "Chapter II – Measures", "Article 12 – Corporate liability"]
    assert kind_title("article", headings) == ("Article 12", "Corporate liability")
    assert kind_title("chapter", headings) == ("Chapter II", "Measures")
    assert kind_title("section", headings) is None
