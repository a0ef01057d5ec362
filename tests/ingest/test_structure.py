"""The structure of the shipped texts and of related documents comes out exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant import Settings
from assistant.ingest.clean import clean
from assistant.ingest.load import load_file
from assistant.ingest.pipeline import parse_file
from assistant.types import Provision
from tests.conftest import G7, ICC


def parts_of(path: Path) -> dict[str, Provision]:
    _, _, parts = parse_file(path, Settings())
    return {p.provision_id: p for p in parts}


def items_under(parts: dict[str, Provision], prefix: str) -> list[str]:
    return [pid for pid in parts if re.fullmatch(re.escape(prefix) + r"item-\d+", pid)]


def test_g7_objectives_have_three_and_seven_actions() -> None:
    parts = parts_of(G7)
    assert items_under(parts, "g7-2017-cyber-business/objective-1/") == [
        f"g7-2017-cyber-business/objective-1/item-{n}" for n in range(1, 4)
    ]
    assert items_under(parts, "g7-2017-cyber-business/objective-2/") == [
        f"g7-2017-cyber-business/objective-2/item-{n}" for n in range(1, 8)
    ]


def test_g7_action_is_verbatim_labelled_and_attributed() -> None:
    item = parts_of(G7)["g7-2017-cyber-business/objective-2/item-4"]
    assert item.label == "Objective 2, action 4"
    assert item.text == "Conduct awareness campaigns amongst SMEs about cyber security risks and how to manage them;"
    assert item.heading_path[-1] == "OBJECTIVE 2 – ENHANCING COOPERATION"
    assert item.intro == "To this end we intend to:"
    assert item.kind == "commitment"
    assert "SMEs" in item.addressees
    first = parts_of(G7)["g7-2017-cyber-business/objective-1/item-1"]
    assert first.actor == "G7 ICT and Industry Ministers"
    assert first.text.startswith("encourage companies, notably SMEs,")
    assert first.text.endswith("comparable risk analysis methodologies;")


def test_g7_items_are_never_merged_with_neighbours() -> None:
    parts = parts_of(G7)
    for n in range(1, 8):
        text = parts[f"g7-2017-cyber-business/objective-2/item-{n}"].text
        assert not re.search(r"(^|\n)\d+\. ", text), text
    assert parts["g7-2017-cyber-business/objective-2/item-3"].text.endswith("confidence in the digital economy.")


def test_icc_has_six_takeaways_and_five_opportunities() -> None:
    parts = parts_of(ICC)
    assert len(items_under(parts, "icc-board-briefing-cyber/takeaways/")) == 6
    opportunities = items_under(parts, "icc-board-briefing-cyber/opportunities-for-future-action/")
    assert len(opportunities) == 5
    assert parts[opportunities[2]].label == "Opportunity 3"
    assert parts["icc-board-briefing-cyber/takeaways/item-2"].label == "Takeaway 2"


def test_icc_opportunity_cut_by_a_page_break_stays_whole() -> None:
    fifth = parts_of(ICC)["icc-board-briefing-cyber/opportunities-for-future-action/item-5"]
    assert fifth.text == (
        "Efforts to negotiate an international treaty on these issues should not be a priority – it takes too "
        "long and the level of mutual agreement on key areas amongst the world’s governments is still too "
        "limited for an ambitious outcome."
    )


def test_icc_takeaway_keeps_its_continuation_paragraph() -> None:
    first = parts_of(ICC)["icc-board-briefing-cyber/takeaways/item-1"]
    assert first.text.startswith("How international law applies online")
    assert first.text.endswith("no geographic borders for cyber challenges.")


def test_offsets_point_into_the_cleaned_text() -> None:
    doc = clean(load_file(ICC, Settings().ingest))
    for part in parts_of(ICC).values():
        assert doc.text[part.char_start:part.char_end] == part.text


def test_ids_are_stable_across_parses() -> None:
    assert list(parts_of(G7)) == list(parts_of(G7))


def test_budapest_articles_and_paragraphs(related: Path) -> None:
    parts = parts_of(related / "budapest-convention-2001.md")
    articles = {m.group(1) for pid in parts if (m := re.search(r"/article-(\d+)/", pid))}
    assert articles == {str(n) for n in range(1, 49)}
    paragraphs = {m.group(1) for pid in parts if (m := re.match(r".*/article-27/item-(\d+)", pid))}
    assert paragraphs == {str(n) for n in range(1, 10)}  # 2 and 9 hold only their points (a), (b), …
    letters = [pid.rsplit("-", 1)[1] for pid in parts if re.fullmatch(r".*/article-9/item-1/item-[a-z]", pid)]
    assert letters == list("abcde")
    sub = parts["budapest-convention-2001/article-1/item-c/item-ii"]
    assert sub.label == "Article 1(c)(ii)"
    assert sub.text.startswith("any other entity that processes or stores computer data")
    assert parts["budapest-convention-2001/article-27/item-2/item-a"].label == "Article 27, paragraph 2(a)"
    assert parts["budapest-convention-2001/article-2/para-1"].label == "Article 2"
    assert "Article 2 – Illegal access" in parts["budapest-convention-2001/article-2/para-1"].heading_path


def test_the_party_a_provision_binds_is_its_actor_and_the_issuer_is_named_briefly(related: Path) -> None:
    parts = parts_of(related / "budapest-convention-2001.md")
    conv = "budapest-convention-2001"
    assert parts[f"{conv}/article-12/item-2"].actor == "Parties"  # "…, each Party shall take the measures …"
    assert parts[f"{conv}/article-29/item-3"].actor == "Parties"  # "…, the requested Party shall …"
    assert parts[f"{conv}/article-9/item-1/item-d"].actor == "Parties"  # the intro's "Each Party shall adopt …"
    assert parts[f"{conv}/article-45/item-1"].actor == "Council of Europe"  # no party: the issuer
    paris = parts_of(related / "paris-call-2018.md")
    assert {p.actor for p in paris.values()} == {"Government of France"}  # not the catalogue's whole issuer line


def test_nis2_point_i_is_a_letter_not_a_roman_numeral(related: Path) -> None:
    parts = parts_of(related / "nis2-directive-article-21.md")
    points = [pid[-1] for pid in parts if re.fullmatch(r".*/article-21/item-2/item-[a-z]", pid)]
    assert points == list("abcdefghij")
    assert parts["nis2-directive-article-21/article-21/item-2/item-i"].text.startswith("human resources security")


def test_a_resolution_labels_its_preambular_and_operative_paragraphs_as_negotiators_cite_them(related: Path) -> None:
    parts = parts_of(related / "un-ga-res-80-16-oewg-2025.md")
    res = "un-ga-res-80-16-oewg-2025"
    assert parts[f"{res}/item-3"].label == "Operative paragraph 3"
    assert parts[f"{res}/item-3"].text.startswith("Also requests the Secretary-General")
    assert [parts[f"{res}/para-{n}"].label for n in (8, 9, 10)] == [f"Preambular paragraph {n}" for n in (1, 2, 3)]
    assert parts[f"{res}/para-7"].label == "Paragraph 7"  # "The General Assembly," opens the preamble
    assert parts[f"{res}/para-11"].label == "Paragraph 11"  # the closing line is no preambular paragraph


def test_a_treaty_preamble_on_one_line_is_cited_clause_by_clause(related: Path) -> None:
    parts = parts_of(related / "budapest-convention-2001.md")
    pre = {pid: p for pid, p in parts.items() if "/preamble/" in pid}
    assert sorted(pre, key=lambda pid: int(pid.rsplit("-", 1)[1])) == [
        f"budapest-convention-2001/preamble/para-{n}" for n in range(1, 17)
    ]
    first, ninth, last = (pre[f"budapest-convention-2001/preamble/para-{n}"] for n in (1, 9, 16))
    assert first.text.startswith("The member States of the Council of Europe") and first.text.endswith("its members;")
    assert ninth.label == "Preambular paragraph 9" and ninth.text.startswith("Mindful of the need to ensure a proper balance")
    assert last.text.endswith("Council of Europe; Have agreed as follows:")  # the closing formula joins the last clause
    assert {p.kind for p in pre.values()} == {"finding"}  # 'Convinced of the need to …' recommends nothing


def test_a_preamble_set_line_by_line_is_numbered_and_other_semicolons_split_nothing(tmp_path: Path) -> None:
    path = tmp_path / "treaty.md"
    path.write_text(
        "# Treaty\n\n## Preamble\n\nThe Parties,\n\nRecognising the need for co-operation;\n\n"
        "Convinced that States should act together against cybercrime;\n\nHave agreed as follows:\n\n## Article 1\n\n"
        "Each Party shall act; Each Party may report; Each Party shall review.\n\n"
        "# Other\n\n## Preamble\n\nWe, the Parties, agree on one thing only.\n",
        encoding="utf-8",
    )
    parts = list(parts_of(path).values())
    assert [p.label for p in parts[:4]] == ["Preamble", "Preambular paragraph 1", "Preambular paragraph 2", "Preamble"]
    assert parts[2].kind == "finding"  # 'should' in a preamble is no recommendation
    assert parts[4].label == "Article 1" and parts[4].text.count(";") == 2  # one provision, not three
    assert parts[5].label == "Preamble"  # a preamble of one paragraph is cited as the preamble


def test_numbered_items_of_a_text_that_is_no_resolution_stay_items(tmp_path: Path) -> None:
    path = tmp_path / "call.md"
    path.write_text("We agree to work together in order to:\n\n1. Prevent theft\n\n2. Promote norms\n", encoding="utf-8")
    labels = [p.label for p in parts_of(path).values()]
    assert labels == ["Paragraph 1", "Item 1", "Item 2"]


def test_nist_subcategories_use_their_codes(related: Path) -> None:
    parts = parts_of(related / "nist-csf-2.0-core.md")
    codes = [p.label for p in parts.values() if re.fullmatch(r"[A-Z]{2}\.[A-Z]{2}-\d{2}", p.label)]
    assert len(codes) == 106
    assert parts["nist-csf-2-0-core/gv-oc-01"].text == (
        "The organizational mission is understood and informs cybersecurity risk management"
    )


def test_nist_functions_and_categories_state_what_they_cover(related: Path) -> None:
    parts = parts_of(related / "nist-csf-2.0-core.md")
    summaries = [p for pid, p in parts.items() if pid.endswith("/summary")]
    assert len(summaries) == 6 + 22  # the CSF Core's Functions and Categories
    govern = parts["nist-csf-2-0-core/gv/summary"]
    assert govern.label == "GOVERN (GV)" and govern.text == (
        "The organization's cybersecurity risk management strategy, expectations, and policy are established, "
        "communicated, and monitored"
    )
    assert parts["nist-csf-2-0-core/gv-sc/summary"].label == "Cybersecurity Supply Chain Risk Management (GV.SC)"


@pytest.mark.parametrize("name", ["paris-call-2018.md", "ncsc-cyber-essentials-v3.1.md", "un-ga-res-80-16-oewg-2025.md",
                                  "nist-csf-2.0-core.md"])
def test_related_documents_parse_into_unique_verbatim_parts(related: Path, name: str) -> None:
    meta, loaded, parts = parse_file(related / name, Settings())
    doc = clean(loaded)
    assert len({(p.provision_id, p.part) for p in parts}) == len(parts)
    assert all(doc.text[p.char_start:p.char_end] == p.text for p in parts)
    assert meta.title and meta.issuer


def test_a_paragraph_that_opens_a_new_list_is_not_swallowed_by_the_last_item(tmp_path: Path) -> None:
    path = tmp_path / "controls.md"
    path.write_text(
        "# Controls\n\n## Requirements\n\nAnti-malware software must be configured to:\n\n"
        "• prevent malware from running\n\n• block malicious websites.\n\n"
        "Only approved applications may run on devices that use allow listing. You must:\n\n"
        "• approve applications before deploying them\n\n• keep a current list of approved applications\n",
        encoding="utf-8",
    )
    parts = parts_of(path)
    items = {pid.rsplit("/", 1)[1]: p for pid, p in parts.items() if "/item-" in pid}
    assert items["item-2"].text == "block malicious websites."  # ends where the next list's introduction starts
    assert [items[f"item-{n}"].text for n in (3, 4)] == [
        "approve applications before deploying them", "keep a current list of approved applications"]
    assert items["item-3"].label.lower().endswith("requirement 3")  # the section's bullets number on: labels stay unique
    assert items["item-3"].intro.endswith("You must:") and items["item-1"].intro.endswith("configured to:")


def test_a_line_of_bold_words_titles_the_paragraphs_and_items_below_it(tmp_path: Path) -> None:
    path = tmp_path / "controls.md"
    path.write_text(
        "# Controls\n\n## Requirements\n\nUse at least one of the options below.\n\n"
        "**Application allow listing** (option for all in scope devices)\n\n"
        "Only approved applications may run. You must:\n\n• approve applications before deploying them\n\n"
        "**BYOD** In scope\n",
        encoding="utf-8",
    )
    parts = parts_of(path)
    body = parts["controls/application-allow-listing/para-1"]
    assert body.text == "Only approved applications may run. You must:"
    assert body.heading_path[-1] == "Application allow listing (option for all in scope devices)"
    item = parts["controls/application-allow-listing/item-1"]
    assert item.label == "Application allow listing, item 1"  # the note in brackets is no part of the label
    assert any(p.text == "BYOD In scope" for p in parts.values())  # bold words leading a sentence stay text
