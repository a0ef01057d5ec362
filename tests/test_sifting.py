"""Which items of a list speak of a topic: every item read, those that say it named, counted or negated."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.sifting import Sift, kind_listed, lead, narrowed, sift

from tests.conftest import ingested


@pytest.mark.parametrize(("question", "expected"), [
    ("Which G7 actions mention SMEs?", Sift("which", "action", "mention", "SMEs", owner="G7")),
    ("Which of the ICC's opportunities for future action mention the private sector?",
     Sift("which", "opportunity", "mention", "the private sector", owner="ICC's", place="future action")),
    ("How many G7 actions mention SMEs?", Sift("count", "action", "mention", "SMEs", owner="G7")),
    ("Which G7 actions do not mention SMEs?", Sift("which", "action", "mention", "SMEs", negated=True, owner="G7")),
    ("Does every ICC takeaway mention governments?", Sift("every", "takeaway", "mention", "governments", owner="ICC")),
    ("Which paragraphs of the UN resolution request something of the Secretary-General?",
     Sift("which", "paragraph", "request", "something of the Secretary-General", place="the UN resolution")),
    ("Which NIST subcategories under Protect mention data?",
     Sift("which", "subcategory", "mention", "data", owner="NIST", place="Protect")),
    ("And which of them mention governments?", Sift("which", "", "mention", "governments")),
    ("Which ones concern companies?", Sift("which", "", "concern", "companies")),  # the list before, as "of them"
    ("List the G7 actions that mention consumers.", Sift("which", "action", "mention", "consumers", owner="G7")),
    ("Are there any ICC opportunities that mention botnets?", Sift("which", "opportunity", "mention", "botnets", owner="ICC")),
    # the items of a list named by its own word, asked what they say about a topic
    ("What are the ICC opportunities about MLATs?", Sift("which", "opportunity", "are about", "MLATs", owner="ICC")),
    ("What do the Paris Call principles say about elections?",
     Sift("which", "principle", "mention", "elections", owner="Paris Call")),
])
def test_a_question_sifting_a_list_is_read_for_its_items_verb_and_topic(question: str, expected: Sift) -> None:
    assert sift(question) == expected


@pytest.mark.parametrize("question", [
    "What does the Paris Call for Trust say about cyber hygiene?",  # "Paris" is no kind of item
    "What are the G7 actions?",  # all of them: a list, not a sifting
    "Which texts talk about supply chains?",  # the texts, answered text by text
    "What are the rules about BYOD in Cyber Essentials?",  # no list's own word
    "What are the requirements about passwords in Cyber Essentials?",  # any text's word for what it asks
])
def test_a_question_sifting_nothing_is_left_to_the_usual_search(question: str) -> None:
    assert sift(question) is None


def test_the_words_before_the_kind_keep_the_items_their_labels_name() -> None:
    labels = ["Preambular paragraph 1", "Operative paragraph 1", "Operative paragraph 2", "Paragraph 3"]
    assert narrowed(Sift("which", "paragraph", "mention", "x", owner="operative"), labels) == [False, True, True, False]
    assert narrowed(Sift("which", "paragraph", "mention", "x", owner="UN"), labels) == [True] * 4  # no label says it


def test_the_lead_counts_the_items_that_speak_of_the_topic_in_agreement() -> None:
    asked = Sift("which", "action", "mention", "SMEs")
    assert lead(asked, 3, 10, "actions", "the G7 text") == "Of the 10 actions in the G7 text, 3 mention SMEs:"
    assert lead(asked, 1, 10, "actions", "the G7 text") == "Of the 10 actions in the G7 text, 1 mentions SMEs:"
    assert lead(asked, 0, 10, "actions", "the G7 text") == "None of the 10 actions in the G7 text mentions SMEs."
    about = Sift("which", "action", "are about", "consumers")
    assert lead(about, 1, 10, "actions", "X").endswith("1 is about consumers:")
    every = Sift("every", "takeaway", "mention", "governments")
    assert lead(every, 2, 6, "takeaways", "X") == "No: of the 6 takeaways in X, 2 do not mention governments:"
    assert lead(every, 0, 6, "takeaways", "X") == "Yes: all 6 takeaways in X mention governments."
    applies = Sift("which", "action", "apply to", "consumers")
    assert lead(applies, 1, 10, "actions", "X") == "Of the 10 actions in X, 1 applies to consumers:" and applies.scoping
    assert not asked.scoping  # "mention": none that do is an answer; "apply to": the text's scope may say
    involves = Sift("which", "", "involves", "the private sector")  # asked of "these" as one might of one
    assert lead(involves, 3, 5, "opportunities", "X") == "Of the 5 opportunities in X, 3 involve the private sector:"
    assert lead(Sift("which", "", "focuses on", "y"), 2, 5, "items", "X").endswith("2 focus on y:")
    assert lead(Sift("which", "", "focus on", "y"), 1, 5, "items", "X").endswith("1 focuses on y:")


def test_what_items_deal_with_their_heading_may_say_but_what_they_mention_only_they(tmp_path: Path) -> None:
    assert Sift("which", "article", "deal with", "x").about and not Sift("which", "article", "mention", "x").about
    rules = ingested(tmp_path, {"rules.md": (
        "# Border Rules\n\n## Articles\n\n### Chapter 1 – Co-operation\n\n#### Article 1\n\nParties shall help each other.\n\n"
        "#### Article 2\n\nParties shall share evidence on co-operation.\n\n### Chapter 2 – Final provisions\n\n"
        "#### Article 3 – Entry into force\n\nThis text applies at once.\n")})
    about = rules.ask("Which articles of the Border Rules deal with co-operation?")  # Chapter 1's, by its heading
    assert [c.provision_id.split("/")[-2] for c in about.citations] == ["article-1", "article-2"], about.text
    said = rules.ask("Which articles of the Border Rules mention co-operation?")  # only the one that says it
    assert [c.provision_id.split("/")[-2] for c in said.citations] == ["article-2"], said.text
    titled = rules.ask("Which articles of the Border Rules mention entry into force?")  # an article's own title says it
    assert [c.provision_id.split("/")[-2] for c in titled.citations] == ["article-3"], titled.text


def test_the_lowest_level_a_title_names_is_sifted_whole_or_under_a_heading_named(tmp_path: Path) -> None:
    from tests.test_contents import TIERS

    core = ingested(tmp_path, {"gamma.md": TIERS})
    accounts = core.ask("Which Gamma subcategories mention accounts?")
    assert accounts.text.startswith("Of the 4 subcategories in Gamma Core, 2 mention accounts:"), accounts.text
    assert [c.label for c in accounts.citations] == ["GU.AC-01", "GU.AC-02"]
    unnamed = core.ask("Which subcategories mention backups?")  # the one text whose title names subcategories
    assert [c.label for c in unnamed.citations] == ["GU.DA-01"], unnamed.text
    under = core.ask("Which subcategories under Guard mention backups?")  # Guard's three, named as its heading names it
    assert under.text.startswith("Of the 3 subcategories in GUARD (GU) of Gamma Core, 1 mentions backups:"), under.text


def test_the_kind_an_earlier_question_listed_is_what_of_these_sifts() -> None:
    assert kind_listed("What are the ICC's opportunities for future action?") == "opportunity"
    assert kind_listed("Show me the takeaways") == "takeaway"
    assert kind_listed("What does the ICC say about trade?") == ""
    assert kind_listed("What lessons did the ICC draw?") == "takeaway"  # in an everyday word


TEXT = ("---\ntitle: \"Regional Cyber Plan\"\n---\n\n# Regional Cyber Plan\n\n## Actions\n\nWe intend to:\n\n1. train small firms in safe email use;\n"
        "2. fund research on encryption;\n3. help small firms and hospitals back up their records;\n"
        "4. share threat reports with hospitals.\n")


@pytest.fixture
def plan(tmp_path: Path) -> Assistant:
    return ingested(tmp_path, {"plan.md": TEXT})


def test_items_none_of_which_name_whom_they_apply_to_leave_the_answer_to_the_texts_scope(tmp_path: Path) -> None:
    scoped = TEXT.replace("## Actions", "## Scope\n\nEvery action below applies to all public bodies in the region, schools "
                                        "included.\n\n## Actions")
    plan = ingested(tmp_path, {"plan.md": scoped})
    answer = plan.ask("Which of the Regional Cyber Plan's actions apply to schools?")
    assert not answer.abstained and not answer.text.startswith("None of the")
    assert answer.citations[0].provision_id.startswith("plan/scope/")
    assert plan.ask("Which of the Regional Cyber Plan's actions mention schools?").text.startswith("None of the 4 actions")


def test_the_items_saying_the_topic_are_named_and_the_others_on_request(plan: Assistant) -> None:
    which = plan.ask("Which of the Regional Cyber Plan's actions mention hospitals?")
    assert which.text.startswith("Of the 4 actions in Regional Cyber Plan, 2 mention hospitals:")
    assert [c.provision_id for c in which.citations] == ["plan/actions/item-3", "plan/actions/item-4"]
    negated = plan.ask("Which of the Regional Cyber Plan's actions do not mention hospitals?")
    assert [c.provision_id for c in negated.citations] == ["plan/actions/item-1", "plan/actions/item-2"]
    every = plan.ask("Does every action of the Regional Cyber Plan mention small firms?")
    assert every.text.startswith("No: of the 4 actions in Regional Cyber Plan, 2 do not mention small firms:")
    none = plan.ask("Which of the Regional Cyber Plan's actions mention ransomware?")
    assert none.abstained and none.text == "None of the 4 actions in Regional Cyber Plan mentions ransomware."
    both = plan.ask("And which of them mention hospitals?", history=["Which of the Regional Cyber Plan's actions mention small firms?"])
    assert [c.provision_id for c in both.citations] == ["plan/actions/item-3"]
    assert both.text.startswith("Of the 4 actions in Regional Cyber Plan, 1 mentions hospitals as well as small firms:")

    these = plan.ask("Which of these mention hospitals?", history=["What are the Regional Cyber Plan's actions?"])
    assert [c.provision_id for c in these.citations] == ["plan/actions/item-3", "plan/actions/item-4"]
    them = plan.ask("Which Regional Cyber Plan actions mention them?", history=["What does the plan say about Hospitals?"])
    assert them.text.startswith("Of the 4 actions in Regional Cyber Plan, 2 mention Hospitals:"), them.text  # as written

    passages = plan.ask("Which provisions of the Regional Cyber Plan mention both small firms and hospitals?")
    assert passages.text.startswith("Of the 5 provisions in Regional Cyber Plan, 1 mentions both small firms and hospitals:")
    assert [c.provision_id for c in passages.citations] == ["plan/actions/item-3"]
    together = plan.ask("Which Regional Cyber Plan actions involve small firms and hospitals together?")  # no word of its own
    assert [c.provision_id for c in together.citations] == ["plan/actions/item-3"], together.text


@pytest.mark.slow
def test_the_g7_actions_and_icc_takeaways_are_sifted_by_topic(full: Assistant) -> None:
    smes = full.ask("How many G7 actions mention SMEs?")
    assert smes.text.startswith("Of the 10 actions in G7 Actions for Enhancing Cybersecurity for Businesses, 3 mention SMEs:")
    assert [c.provision_id for c in smes.citations] == [
        "g7-2017-cyber-business/objective-1/item-1", "g7-2017-cyber-business/objective-1/item-2",
        "g7-2017-cyber-business/objective-2/item-4"]
    every = full.ask("Does every ICC takeaway mention governments?")
    assert every.text.startswith("No: of the 6 takeaways in ICC Board Briefing, 2 do not mention governments:")
    assert [c.provision_id for c in every.citations] == [
        "icc-board-briefing-cyber/takeaways/item-5", "icc-board-briefing-cyber/takeaways/item-6"]
    points = full.ask("Which points of NIS 2 Article 21(2) mention policies?")
    assert [c.provision_id[-1] for c in points.citations] == ["a", "f", "h", "i"]
    cooperation = full.ask("Which of the ten G7 actions talk about cooperation?")  # "co-operation" too
    assert "g7-2017-cyber-business/objective-2/item-7" in [c.provision_id for c in cooperation.citations]
    listed = full.ask("List the G7 actions that mention consumers.")
    assert [c.provision_id for c in listed.citations] == ["g7-2017-cyber-business/objective-1/item-3"]
    operative = full.ask("Which of the operative paragraphs of resolution 80/16 mention the Global Mechanism?")
    assert operative.text.startswith("Of the 4 operative paragraphs in A/RES/80/16, 1 mentions the Global Mechanism:")
    provisions = full.ask("Which G7 provisions mention both SMEs and cooperation?")  # paragraphs as well as actions
    assert [c.provision_id for c in provisions.citations] == [
        "g7-2017-cyber-business/objective-1/item-2", "g7-2017-cyber-business/objective-2/para-7"]
    more = full.ask("Anything more?", history=["Which G7 actions concern SMEs?"])  # beyond the items cited
    assert not {c.provision_id for c in more.citations} & {c.provision_id for c in smes.citations}
