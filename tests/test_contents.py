"""A text's table of contents: the parts a place holds or a heading groups, named by their headings and cited."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.contents import (
    Contents, acronyms, contents, elsewhere, headed, level_asked, level_below, level_heading, lettered, levels, names_heading,
    noun, placed, places, readable, short, topic_terms, unit_of,
)

from tests.conftest import ingested


@pytest.mark.parametrize(("question", "expected"), [
    ("Which articles are in Title 2 of Section 1 of the Budapest Convention?",
     Contents("article", "Title 2 of Section 1 of the Budapest Convention")),
    ("Which articles make up the Budapest Convention's title on sanctions?", Contents("article", "the Budapest Convention's title on sanctions")),
    ("Which categories does the Protect function of the CSF have?", Contents("category", "the Protect function of the CSF")),
    ("List the articles of the Budapest Convention on procedural law.", Contents("article", "the Budapest Convention on procedural law")),
    ("What are the functions of the NIST CSF?", Contents("function", "the NIST CSF")),
    ("What's in Chapter III of the Budapest Convention?", Contents("", "Chapter III of the Budapest Convention")),
    ("What does section D.4 of Cyber Essentials contain?", Contents("", "section D.4 of Cyber Essentials")),
    ("Which offences does the Budapest Convention set out?", Contents("", "the Budapest Convention", "offences")),
    ("Which computer-related offences are in the Budapest Convention?",
     Contents("", "the Budapest Convention", "computer-related offences")),
    ("How many chapters does the Budapest Convention have?", Contents("chapter", "the Budapest Convention")),
    ("What must Parties criminalise under the Budapest Convention?", Contents("", "the Budapest Convention", "offences")),
    # what a text requires Parties to criminalise, or which offences they must establish: the offences it sets out
    ("What does the Budapest Convention require Parties to criminalise?", Contents("", "the Budapest Convention", "offences")),
    ("Which offences does the Budapest Convention require States to establish?",
     Contents("", "the Budapest Convention", "offences")),
    ("Which criminal offences must Parties establish under the Convention on Cybercrime?",
     Contents("", "the Convention on Cybercrime", "offences")),
    ("What conduct must be criminalised under the Budapest Convention?", Contents("", "the Budapest Convention", "offences")),
    ("What acts does the Budapest Convention ask Parties to make criminal offences?",
     Contents("", "the Budapest Convention", "offences")),
    ("What kinds of cybercrime does the Budapest Convention cover?", Contents("", "the Budapest Convention", "offences")),
    ("How many categories are in the Govern function?", Contents("category", "the Govern function")),
    ("How many sections are there in part D of Cyber Essentials?", Contents("section", "part D of Cyber Essentials")),
    ("List the NIST CSF functions.", Contents("function", "NIST CSF")),  # the text's name first
    ("What are the NIST CSF's functions?", Contents("function", "NIST CSF")),
    ("What are the Cyber Essentials sections?", Contents("section", "Cyber Essentials")),
    ("What are the six functions of NIST?", Contents("function", "NIST")),
    ("What are NIST's six functions?", Contents("function", "NIST")),  # no "the" before a possessive name
    ("List the six NIST functions.", Contents("function", "NIST")),  # the number remembered before the name
    ("What are the five NIST functions?", Contents("function", "NIST")),  # remembered wrong: the text's count is given
    ("What are the NIST CSF categories under Protect?", Contents("category", "Protect in NIST CSF")),
    ("How many subcategories are in GV.SC?", Contents("subcategory", "GV.SC")),
    ("What are the categories under DETECT?", Contents("category", "DETECT")),  # "the" names no text
    ("How many NIST functions are there?", Contents("function", "NIST")),  # the text's name before the kind
    ("How many NIST categories are there under Protect?", Contents("category", "Protect in NIST")),
    # "cover", "deal with": what it sets out; "crimes" are what its headings call offences
    ("Which offences does the Budapest Convention cover?", Contents("", "the Budapest Convention", "offences")),
    ("Which crimes does the Budapest Convention cover?", Contents("", "the Budapest Convention", "offences")),
    ("What offences does the Convention on Cybercrime deal with?", Contents("", "the Convention on Cybercrime", "offences")),
    # "Which … are there?" with the text's name before the parts
    ("Which NIST functions are there?", Contents("function", "NIST")),
    ("What NIST categories are there under Protect?", Contents("category", "Protect in NIST")),
    # a noun phrase, once "Give me", "Show me" are taken off
    ("The Budapest Convention's articles on procedural law.", Contents("article", "procedural law in Budapest Convention")),
    ("The articles of the Budapest Convention on procedural law.", Contents("article", "the Budapest Convention on procedural law")),
    # the parts that belong to, fall under or are part of a place
    ("Which NIST categories belong to Protect?", Contents("category", "Protect in NIST")),
    ("What categories fall under the Govern function?", Contents("category", "the Govern function")),
    ("Which categories are part of Respond?", Contents("category", "Respond")),
])
def test_a_question_about_a_texts_contents_is_read_for_the_parts_and_the_place(question: str, expected: Contents) -> None:
    assert contents(question) == expected


@pytest.mark.parametrize("question", [
    "What does the Budapest Convention say about offences?",
    "What are the six ICC takeaways?",  # a list, read as one
    "What does Article 21 require?",
    "What are the G7 actions under Objective 1?",  # actions: items of a list, not headings
    "What must Parties establish under the Budapest Convention?",  # a 24/7 network, jurisdiction: not only offences
])
def test_a_question_about_what_a_text_says_is_not_about_its_contents(question: str) -> None:
    assert contents(question) is None


def test_a_follow_up_asks_the_earlier_parts_of_another_place_in_the_earlier_one() -> None:
    asked = contents("And in Title 3?", "Which articles are in Title 2 of Section 1?")
    assert asked == Contents("article", "Title 3", "", "Title 2 of Section 1")
    assert places(asked.where, asked.before) == [("title", "3"), ("section", "1")]
    assert contents("And in Title 3?") is None


PATHS = [
    ("Convention", "CHAPTER II – MEASURES", "SECTION 1 – LAW", "TITLE 1 – OFFENCES AGAINST DATA", "Article 2 – Illegal access"),
    ("Convention", "CHAPTER II – MEASURES", "SECTION 1 – LAW", "TITLE 2 – COMPUTER-RELATED OFFENCES", "Article 7 – Forgery"),
    ("Convention", "CHAPTER III – CO-OPERATION", "SECTION 1 – PRINCIPLES", "TITLE 2 – EXTRADITION", "Article 24 – Extradition"),
]


def test_places_are_found_by_their_headings_first_in_the_texts_order() -> None:
    assert places("Chapter III") == [("chapter", "3")] and places("section C") == [("section", "c")]
    title = placed(PATHS, places("Title 2 of Section 1"))  # first the offences, then the extradition title of Chapter III
    assert title == [PATHS[1][:4], PATHS[2][:4]] and elsewhere(*title) == "CHAPTER III – CO-OPERATION"
    assert placed(PATHS, places("Chapter III")) == [PATHS[2][:2]]
    assert placed([("Cyber Essentials", "D. Requirements", "D.4 User access control", "Aim")], places("section D.4")) == [
        ("Cyber Essentials", "D. Requirements", "D.4 User access control")]
    assert placed(PATHS, places("Chapter VI")) == []
    assert places("D") == [("section", "d")] and places("D.4 in Cyber Essentials") == [("section", "d.4")]  # a label alone
    assert places("Data in transit") == [] and places("a firewall") == []
    assert placed([("Cyber Essentials", "D. Requirements", "D.1 Firewalls")], places("part D")) == [("Cyber Essentials", "D. Requirements")]


def test_a_topic_names_the_shallowest_headings_that_say_it() -> None:
    assert headed(PATHS, topic_terms(Contents("", "the Convention", "offences"), "the  ")) == [PATHS[0][:4], PATHS[1][:4]]
    assert headed(PATHS, topic_terms(Contents("", "", "computer-related offences"), "")) == [PATHS[1][:4]]
    assert topic_terms(Contents("article", "x"), " 's title on sanctions") == ("sanction",)  # not the kind, nor the "s"
    # a heading's name says the topic before its summary does: DETECT, not "RESPOND (RS): … a detected incident"
    functions = [("RESPOND (RS): Actions regarding a detected cybersecurity incident are taken", "Incident Management (RS.MA)"),
                 ("DETECT (DE): Possible cybersecurity attacks and compromises are found", "Continuous Monitoring (DE.CM)")]
    assert headed(functions, ("detect",)) == [functions[1][:1]]
    assert headed(functions, ("compromis",)) == [functions[1][:1]]  # the summary, where no name says it


def test_a_part_is_the_heading_of_the_kind_asked_below_the_place_else_the_next() -> None:
    assert unit_of(PATHS[0], PATHS[0][:2], "article") == "Article 2 – Illegal access"
    assert unit_of(PATHS[0], PATHS[0][:2], "") == "SECTION 1 – LAW"
    assert unit_of(PATHS[0], PATHS[0], "") is None  # a provision of the place itself, no part
    assert short("GOVERN (GV): The organization's strategy is established") == "GOVERN (GV)"
    assert noun(["Article 2 – Illegal access", "Article 3 – Interception"], "") == "articles"
    assert noun(["Article 9 – Offences"], "") == "article" and noun(["Aim", "Scope"], "") == "parts"
    assert noun(["a", "b"], "category") == "categories"


GUIDE = ("---\ntitle: \"Small Office Guide\"\n---\n\n# Small Office Guide\n\n## Part 1 – Offences\n\n"
         "### Article 1 – Phishing\n\nSending deceptive email is an offence.\n\n### Article 2 – Fraud\n\nFraud online is an offence.\n\n"
         "## Part 2 – Procedures\n\n### Article 3 – Reporting\n\nReport incidents within a day.\n\n"
         "### Article 4 – Evidence\n\nKeep logs for a year.\n")


def test_the_parts_are_named_by_their_headings_and_cited_by_their_first_provision(tmp_path: Path) -> None:
    guide: Assistant = ingested(tmp_path, {"guide.md": GUIDE})
    articles = guide.ask("Which articles are in Part 2 of the Small Office Guide?")
    assert articles.text.startswith("Part 2 – Procedures (Small Office Guide) holds 2 articles:")
    assert [c.label for c in articles.citations] == ["Article 3 – Reporting", "Article 4 – Evidence"]
    offences = guide.ask("Which offences does the Small Office Guide set out?")
    assert [c.label for c in offences.citations] == ["Article 1 – Phishing", "Article 2 – Fraud"]
    parts = guide.ask("What are the parts of the Small Office Guide?")
    assert parts.text.startswith("Small Office Guide has 2 parts:")
    counted = guide.ask("How many articles are in Part 1 of the Small Office Guide?")
    assert counted.text.startswith("Part 1 – Offences (Small Office Guide) holds 2 articles:")
    follow = guide.ask("And in Part 1?", history=["Which articles are in Part 2 of the Small Office Guide?"])
    assert [c.label for c in follow.citations] == ["Article 1 – Phishing", "Article 2 – Fraud"]


CHARTER = ("---\ntitle: \"Zeta Charter on Safe Networks\"\n---\n\n# Zeta Charter on Safe Networks\n\n## Preamble\n\n"
           "The signatories, meeting in Zeta, recall their earlier statements on networks and their many meetings.\n\n"
           "Convinced that the present Charter is necessary to make public networks safer for every user, they agree as "
           "follows.\n\n## Chapter I – Duties\n\nEach member shall patch its routers within a month of a fix.\n\n"
           "## Chapter II – Reporting\n\nEach member shall report outages to the others within a week.\n")


def test_what_a_text_is_for_is_where_it_says_so_of_itself_not_its_chapters(tmp_path: Path) -> None:
    charter: Assistant = ingested(tmp_path, {"charter.md": CHARTER})
    for question in ("What is the purpose of the Zeta Charter?", "What are the objectives of the Zeta Charter?"):
        answer = charter.ask(question)
        assert [c.label for c in answer.citations] == ["Preambular paragraph 2"], question
    follow = charter.ask("What is its purpose?", history=["Tell me about the Zeta Charter"])
    assert [c.label for c in follow.citations] == ["Preambular paragraph 2"]
    chapters = charter.ask("What are the chapters of the Zeta Charter?")
    assert chapters.text.startswith("Zeta Charter on Safe Networks has 2 chapters:")  # a kind of part it has: its parts
    articles = charter.ask("How many articles does the Zeta Charter have?")  # its chapters are no articles
    assert not articles.text.startswith("Zeta Charter on Safe Networks has")


def test_a_title_naming_its_levels_gives_their_kinds_top_first() -> None:
    assert levels("The NIST CSF 2.0 — Appendix A: CSF Core (Functions, Categories, Subcategories)") == (
        "function", "category", "subcategory")
    assert levels("Convention on Cybercrime (Budapest Convention), ETS No. 185") == ()


TIERS = ("---\ntitle: \"Gamma Core (Functions, Categories, Subcategories)\"\nissuer: \"Gamma Institute\"\n---\n\n"
         "# Gamma Core\n\n## GUARD (GU): Systems are guarded\n\n### Access (GU.AC): Access is limited\n\n"
         "- GU.AC-01: Accounts are reviewed every quarter\n- GU.AC-02: Administrator accounts use strong authentication\n\n"
         "### Data (GU.DA): Data is protected\n\n- GU.DA-01: Backups are tested\n\n"
         "## WATCH (WA): Events are watched\n\n### Monitoring (WA.MO): Networks are monitored\n\n"
         "- WA.MO-01: Network traffic is logged\n")


def test_the_levels_a_title_names_are_counted_at_their_own_depth(tmp_path: Path) -> None:
    core: Assistant = ingested(tmp_path, {"gamma.md": TIERS})
    categories = core.ask("How many categories does the Gamma Core have?")
    assert categories.text.startswith("Gamma Core has 3 categories:")  # not its two functions
    assert [c.label for c in categories.citations] == ["Access (GU.AC)", "Data (GU.DA)", "Monitoring (WA.MO)"]
    leaves = core.ask("How many subcategories are in GU.AC?")
    assert leaves.text.startswith("Access (GU.AC) (Gamma Core) holds 2 subcategories:")
    assert [c.label for c in leaves.citations] == ["GU.AC-01", "GU.AC-02"]  # not the category's own line
    assert core.ask("How many subcategories does the Gamma Core have?").text.startswith("Gamma Core has 4 subcategories:")
    under = core.ask("Which categories are under Guard?")  # no text named: the one with a heading "Guard"
    assert [c.label for c in under.citations] == ["Access (GU.AC)", "Data (GU.DA)"]
    belong = core.ask("Which categories belong to Guard?")
    assert [c.label for c in belong.citations] == ["Access (GU.AC)", "Data (GU.DA)"], belong.text
    its = core.ask("List its subcategories.", ["What is GU.AC?"])  # the place the question before asked about
    assert [c.label for c in its.citations] == ["GU.AC-01", "GU.AC-02"], its.text
    inside = core.ask("What is in GU.AC?")  # no level asked: the one below the category's
    assert [c.label for c in inside.citations] == ["GU.AC-01", "GU.AC-02"], inside.text
    guard = core.ask("What does GUARD include?")
    assert [c.label for c in guard.citations] == ["Access (GU.AC)", "Data (GU.DA)"], guard.text


def test_which_part_of_a_level_covers_a_topic_is_read_from_its_codes_depth() -> None:
    assert level_asked("Which NIST function covers recovery?") == "function"
    assert level_asked("Which category of NIST covers backups?") == "category"
    assert level_asked("What does the Protect function cover?") == ""  # a function named, not asked for
    assert level_asked("What function is PR.DS part of?") == "function"
    assert level_asked("What functions does the NIST CSF have?") == ""  # all of them: its contents
    # "Which one …?" after a level was listed: the level carried after the follow-up's own words
    assert level_asked("Which one covers backups? functions") == "function"
    assert level_asked("Which one is about training? categories protect") == "category"
    assert level_asked("Which one is about trade? takeaways") == ""
    kinds = ("function", "category", "subcategory")
    path = ["Gamma Core", "GUARD (GU): Systems are guarded", "Data (GU.DA): Data is protected"]
    assert level_heading(path, kinds, "function") == "GUARD (GU)"
    assert level_heading(path, kinds, "category") == "Data (GU.DA)"
    assert level_heading(path, (), "function") is None  # a text whose title names no levels
    # a lettered section, the deepest one a provision sits in
    assert lettered(["Cyber Essentials", "C. Scope", "C.iv Cloud services", "Malware protection"]) == "C.iv Cloud services"
    assert lettered(["Cyber Essentials", "D.4 User access control", "Requirements"]) == "D.4 User access control"
    assert lettered(["Budapest Convention", "Article 22 – Jurisdiction"]) is None
    assert level_below("Data (GU.DA): Data is protected", kinds) == "subcategory"
    assert level_below("GUARD (GU): Systems are guarded", kinds) == "category"
    assert level_below("D.4 User access control", kinds) == ""  # no code: no level to go down to
    assert level_below("GUARD (GU)", ()) == ""
    paths = [("Gamma Core", "GUARD (GU): Systems are guarded"), ("Other", "D.5 Malware protection")]
    assert names_heading(paths, ("guard",))  # the heading's whole name, its code aside
    assert not names_heading(paths, ("protect",))  # a word of "Malware protection" only


RECOVERY = TIERS + ("\n## RECOVER (RC): Operations affected by incidents are restored\n\n"
                    "### Plans (RC.PL): Restoration is planned\n\n- RC.PL-01: The recovery plan is executed once declared\n")


def test_which_function_covers_a_topic_names_it_though_its_heading_is_another_form_of_the_word(tmp_path: Path) -> None:
    core: Assistant = ingested(tmp_path, {"gamma.md": RECOVERY})
    recovery = core.ask("Which function covers recovery?")  # RECOVER, though the heading's word is another stem
    assert recovery.text.startswith("Gamma Core covers this under its function RECOVER (RC)."), recovery.text
    assert recovery.citations[0].label == "RECOVER (RC)"
    backups = core.ask("Which category of the Gamma Core covers backups?")
    assert backups.text.startswith("Gamma Core covers this under its category Data (GU.DA)."), backups.text


@pytest.mark.slow
def test_which_csf_function_or_category_covers_a_topic_is_named_before_the_passages(full: Assistant) -> None:
    recovery = full.ask("Which NIST function covers recovery?")
    assert recovery.text.startswith("The NIST Cybersecurity Framework covers this under its function RECOVER (RC).")
    assert recovery.citations[0].label == "RECOVER (RC)"
    response = full.ask("Which NIST function covers incident response?")
    assert response.text.startswith("The NIST Cybersecurity Framework covers this under its function RESPOND (RS).")
    cloud = full.ask("Which Cyber Essentials section covers cloud?")  # its sections are lettered, not numbered
    assert cloud.text.startswith("Cyber Essentials covers this under its section C.iv Cloud services."), cloud.text
    one = full.ask("Which one covers incident response?", history=["What are the NIST functions?"])
    assert one.text.startswith("The NIST Cybersecurity Framework covers this under its function RESPOND (RS)."), one.text
    owner = full.ask("Which function does ID.AM belong to?")  # where a place sits
    assert owner.text.startswith("The NIST Cybersecurity Framework covers this under its function IDENTIFY (ID).")
    named = full.ask("Name the NIST CSF function that deals with governance.")  # "name" asks which, no topic
    assert named.text.startswith("The NIST Cybersecurity Framework covers this under its function GOVERN (GV).")
    six = full.ask("Name the five NIST functions.")  # the count remembered wrong: the text's own is given
    assert six.text.startswith("The NIST Cybersecurity Framework has 6 functions") and len(six.citations) == 6
    backups = full.ask("Which category of NIST covers backups?")  # two categories speak of backups
    assert backups.text.startswith("The NIST Cybersecurity Framework covers this under its categories"), backups.text
    assert "Data Security (PR.DS)" in backups.text.split("\n")[0]


@pytest.mark.slow
def test_the_budapest_conventions_and_the_csfs_contents_are_read_from_their_headings(full: Assistant) -> None:
    offences = full.ask("Which offences does the Budapest Convention set out?")
    assert offences.text.startswith("9 articles of the Budapest Convention come under its headings on offences:")
    assert [c.label.split(" – ")[0] for c in offences.citations] == [f"Article {n}" for n in range(2, 11)]
    title = full.ask("Which articles are in Title 2 of Section 1 of the Budapest Convention?")
    assert [c.label for c in title.citations] == ["Article 7 – Computer-related forgery", "Article 8 – Computer-related fraud"]
    chapters = full.ask("How many chapters does the Budapest Convention have?")
    assert chapters.text.startswith("The Budapest Convention has 4 chapters:")
    section = full.ask("How many articles are in Section 2 of the Budapest Convention?")  # Chapter II's, saying there are two
    assert section.text.startswith("Section 2 – Procedural law (the Budapest Convention; another is in Chapter III – "
                                   "International co-operation) holds 8 articles:")  # as a reader writes its headings
    functions = full.ask("What are the functions of the NIST CSF?")
    assert [c.label for c in functions.citations] == [
        "GOVERN (GV)", "IDENTIFY (ID)", "PROTECT (PR)", "DETECT (DE)", "RESPOND (RS)", "RECOVER (RC)"]
    assert full.ask("List the NIST CSF functions.").text.startswith("The NIST Cybersecurity Framework has 6 functions:")
    detect = full.ask("What are the categories under DETECT?")  # not RESPOND's, whose summary says "detected"
    assert [c.label for c in detect.citations] == ["Continuous Monitoring (DE.CM)", "Adverse Event Analysis (DE.AE)"]
    assert full.ask("How many categories does the NIST CSF have?").text.startswith(
        "The NIST Cybersecurity Framework has 22 categories;")
    assert full.ask("How many subcategories does the NIST CSF have?").text.startswith(
        "The NIST Cybersecurity Framework has 106 subcategories;")
    procedural = full.ask("Give me the Budapest Convention's articles on procedural law.")
    assert procedural.text.startswith("Section 2 – Procedural law (the Budapest Convention) holds 8 articles:")
    # no text named: the one with a Chapter III, not Cyber Essentials' "C.iii Wireless devices"
    chapter = full.ask("Which articles are there in Chapter III?")
    assert chapter.text.startswith("Chapter III – International co-operation (the Budapest Convention) holds 13 articles")
    protect = full.ask("What are the categories of the Protect function?")  # "protect" heads Cyber Essentials parts too
    assert [c.provision_id.split("/")[-2] for c in protect.citations] == ["pr-aa", "pr-at", "pr-ds", "pr-ps", "pr-ir"]
    shouted = full.ask("What does PROTECT include?")  # the heading of that name, not Cyber Essentials' "Malware protection"
    assert [c.provision_id for c in shouted.citations] == [c.provision_id for c in protect.citations], shouted.text
    inside = full.ask("What is in GV.SC?")  # a category's subcategories, its own summary aside
    assert inside.text.startswith("Cybersecurity Supply Chain Risk Management (GV.SC) (The NIST Cybersecurity Framework) "
                                  "holds 10 subcategories:"), inside.text


@pytest.mark.slow
def test_the_budapest_conventions_purpose_is_where_its_preamble_speaks_of_the_present_convention(full: Assistant) -> None:
    for question in ("What is the purpose of the Budapest Convention?", "What are the objectives of the Budapest Convention?"):
        answer = full.ask(question)
        assert [c.provision_id for c in answer.citations][:2] == [
            "budapest-convention-2001/preamble/para-8", "budapest-convention-2001/preamble/para-12"], question
        assert "the present Convention is necessary to deter action" in answer.text


def test_a_heading_in_capitals_is_named_in_sentence_case_with_its_acronyms_and_numerals() -> None:
    kept = acronyms(["The wider use of ICTs by SMEs", "IN WITNESS WHEREOF", "in accordance with"])
    assert kept == {"ICTs", "SMEs", "WITNESS", "WHEREOF"}  # "IN" is written "in" too: no acronym
    assert readable("CHAPTER III – INTERNATIONAL CO-OPERATION", kept) == "Chapter III – International co-operation"
    assert readable("OBJECTIVE 1 - SUPPORT IN ICTs FOR SMEs", kept) == "Objective 1 - Support in ICTs for SMEs"
    assert readable("TITLE 3 – 24/7 NETWORK") == "Title 3 – 24/7 network"
    assert readable("GOVERN (GV)") == "GOVERN (GV)"  # one word and its code: a name as the text sets it
    assert readable("Takeaways") == "Takeaways"


def test_the_parts_of_a_text_headed_in_capitals_are_named_readably(tmp_path: Path) -> None:
    treaty: Assistant = ingested(tmp_path, {"treaty.md": (
        "# Treaty\n\n## CHAPTER I – USE OF TERMS\n\nFor the purposes of this Treaty, ICT means computers.\n\n"
        "## CHAPTER II – MEASURES FOR ICT\n\nEach Party shall protect its ICT.\n")})
    chapters = treaty.ask("What are the chapters of the Treaty?")
    assert [c.label for c in chapters.citations] == ["Chapter I – Use of terms", "Chapter II – Measures for ICT"]
