"""The places of the indexed provisions: found at a place named, made concrete, or said to be missing."""

from __future__ import annotations

from assistant.places import PlaceIndex
from assistant.references import of_place, parse
from assistant.sparse import Record


def test_the_place_index_gives_each_provision_the_places_of_its_label_and_headings() -> None:
    def record(label: str, path: list[str]) -> Record:
        return Record(label, "text", {"label": label, "heading_path": path, "doc_id": "t"})

    records = [record("Article 21, paragraph 2(h)", ["Article 21", "Risk-management measures"]),
               record("Article 21, paragraph 1", ["Article 21", "Risk-management measures"]),
               record("Objective 2, action 4", ["OBJECTIVE 2 - Supply chains"])]
    index = PlaceIndex(records)
    index.build()
    places, each = index._indexes()
    assert each == [of_place(str(r.metadata["label"]), r.metadata["heading_path"]) for r in records]
    assert places[("article", "21")] == [0, 1] and places[("action", "4")] == [2]


def test_the_place_index_finds_the_paragraph_a_provision_names_in_its_own_article() -> None:
    def record(label: str, text: str, doc: str = "t") -> Record:
        return Record(label, text, {"label": label, "heading_path": [label.split(",")[0]], "doc_id": doc})

    records = [record("Article 11, paragraph 2", "an attempt to commit any of the offences"),
               record("Article 11, paragraph 3", "Each Party may reserve the right not to apply paragraph 2 of this article."),
               record("Article 12, paragraph 2", "a legal person"),
               record("Article 11, paragraph 2", "another text's attempt", doc="other")]
    index = PlaceIndex(records)
    assert index.referred(1) == [0]  # its own article and document only
    assert index.referred(0) == []


def _place_index(labels: dict[str, list[tuple[str, list[str]]]]) -> PlaceIndex:
    records = [Record(label, "text", {"label": label, "heading_path": path, "doc_id": doc, "provision_id": f"{doc}/{label}"})
               for doc, rows in labels.items() for label, path in rows]
    index = PlaceIndex(records)
    index.build()
    return index


def test_last_is_the_highest_value_at_the_rest_of_the_place_in_the_documents_asked_about() -> None:
    index = _place_index({
        "g7": [(f"Objective {o}, action {a}", [f"Objective {o}"]) for o, n in ((1, 3), (2, 7)) for a in range(1, n + 1)],
        "nis": [(f"Article 21, paragraph 2({p})", ["Article 21"]) for p in "abcj"],
    })
    everywhere = lambda i: True  # noqa: E731
    assert index.concrete(parse("the final action under Objective 2"), everywhere) == {("objective", "2"), ("action", "7")}
    assert index.concrete(parse("the last action under Objective 1"), everywhere) == {("objective", "1"), ("action", "3")}
    assert ("item", "j") in index.concrete(parse("the last point of Article 21(2)"), everywhere)
    assert ("item", "c") in index.concrete(parse("the penultimate point of Article 21(2)"), everywhere)
    assert index.missing(parse("Objective 1, action 4"), everywhere) == (("action", "4"), ["1", "2", "3"], [("objective", "1")])
    assert index.missing(parse("action 1 of Objective 3"), everywhere) == (("objective", "3"), ["1", "2"], [])
    assert index.missing(parse("Article 21(2)(k)"), everywhere)[:2] == (("item", "k"), ["a", "b", "c", "j"])


def test_a_list_word_a_text_does_not_number_by_is_its_item_and_a_missing_place_is_found() -> None:
    index = _place_index({"call": [(f"Item {n}", ["Principles"]) for n in range(1, 10)],
                          "icc": [(f"Takeaway {n}", ["Takeaways"]) for n in range(1, 7)],
                          "other": [(f"Item {n}", ["Items"]) for n in range(1, 4)]})
    in_call = lambda i: i < 9  # noqa: E731
    wanted = index.concrete(parse("the third principle"), in_call)
    assert wanted == {("item", "3")}
    assert [index.records[i].metadata["label"] for i in index.placed(wanted, in_call, 5)] == ["Item 3"]
    assert index.placed(wanted, lambda i: True, 5) == []  # "item 3" alone: any text could have one
    in_icc = lambda i: 9 <= i < 15  # noqa: E731
    assert index.missing(parse("the ninth takeaway"), in_icc) == (("takeaway", "9"), [str(n) for n in range(1, 7)], [])
    assert index.missing(parse("the sixth takeaway"), in_icc) is None
    assert index.missing(parse("the ninth principle"), in_icc) is None  # a kind the ICC does not number by


def test_a_minor_place_is_the_one_under_a_heading_the_question_names() -> None:
    index = _place_index({"ce": [(f"{section}, requirement {n}", [section]) for section in ("D.1 Firewalls", "D.2 Malware")
                                 for n in (1, 2, 3)]})
    wanted = parse("the third firewall requirement")
    assert index.placed(wanted, lambda i: True, 5) == []  # two sections have a requirement 3
    headed = index.placed(wanted, lambda i: True, 5, lambda i: "Firewalls" in index.records[i].metadata["heading_path"][0])
    assert [index.records[i].metadata["label"] for i in headed] == ["D.1 Firewalls, requirement 3"]
