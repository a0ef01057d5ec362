"""Two texts as wholes: the wording they share ("What do A and B have in common?") and each side by side."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.common import side, themes, untopical
from tests.conftest import ingested


def _idf(stem: str) -> float:
    # words every text uses weigh little; an acronym a few use, between
    return {"improv": 1.0, "govern": 1.0, "reduc": 1.0, "risk": 1.0, "smes": 3.0}.get(stem, 4.0)


FIRST = [
    (0, "Governments should improve cooperation with the private sector."),
    (1, "Objectives\nAwareness campaigns amongst SMEs about supply chain risks; the private sector leads them."),
    (2, "We will reduce risks and improve governance."),
]
SECOND = [
    (10, "SMEs are key stakeholders."),
    (11, "The Private Sector must be heard by governments."),
    (12, "Supply Chain\nSupply chain security and the private sector's role."),
    (13, "Reduce risks, and improve governance."),
]


def test_the_wording_two_texts_share_is_named_from_their_own_words_and_each_cites_where_it_is_said_most() -> None:
    shared = themes(FIRST, SECOND, _idf, limit=5)
    assert [t.words for t in shared] == ["private sector", "supply chain", "SMEs"]
    private = shared[0]
    assert private.first == 0 and private.second == 11  # the first that says it, where none says it more often
    assert shared[1].second == 12  # its heading and its text say "supply chain": the part that speaks of it


def test_a_shared_phrase_of_doing_or_of_common_words_names_no_common_ground() -> None:
    words = {t.words for t in themes(FIRST, SECOND, _idf, limit=10)}
    assert not words & {"reduce risks", "improve governance", "governments"}  # a verb's phrase; single words
    assert themes([(0, "Backups are kept offline.")], [(1, "Passwords are long.")], _idf) == []


def test_a_part_cited_for_one_wording_is_not_cited_again_for_the_next_when_another_says_it() -> None:
    first = [(0, "The private sector and SMEs work together."), (1, "SMEs need help.")]
    second = [(5, "The private sector and SMEs join in.")]
    shared = themes(first, second, _idf)
    assert [(t.words, t.first) for t in shared] == [("private sector", 0), ("SMEs", 1)]
    assert [t.second for t in shared] == [5, 5]  # the second text has no other part that says it


@pytest.mark.parametrize(("question", "expected"), [
    ("What do the G7 and the ICC have in common?", "common"),
    ("Where do the Budapest Convention and the Paris Call overlap?", "common"),
    ("What themes do the G7 and the ICC share?", "common"),
    ("What do the G7 declaration and the ICC note agree on?", "common"),
    ("In what ways are the Paris Call and resolution 80/16 alike?", "common"),
    ("How do the G7 and the ICC differ?", "contrast"),
    ("Compare the Budapest Convention with NIS 2.", "contrast"),
    ("What are the similarities and differences between the G7 and the ICC?", "contrast"),
    ("How does the ICC relate to the G7?", "relation"),
    ("Is there any connection between the ICC briefing and the G7 text?", "relation"),
    ("Is the Paris Call in line with the Budapest Convention?", "relation"),  # where one names the other
    ("Is NIS 2 consistent with the NIST CSF?", "relation"),
])
def test_a_comparison_of_two_whole_texts_asks_for_common_ground_or_contrast(question: str, expected: str) -> None:
    assert side(question) == expected


def test_only_a_topic_is_left_once_the_comparing_words_and_the_texts_own_place_are_taken_out() -> None:
    titles = ["NIS 2 Directive — Article 21 Cybersecurity risk-management measures"]
    assert "21" not in untopical("What are the similarities between   and   Article 21?", titles)  # the text itself
    assert "Article 2" in untopical("Compare Article 2 of   with  ", titles)  # a place in it
    assert untopical("What do   and   have in common on SMEs?").split()[-1] == "SMEs?"
    assert "themes" not in untopical("What themes do   and   share?")


ALPHA = ("---\ntitle: \"Alpha Accord on Network Safety\"\nissuer: \"Alpha Council\"\ndate: \"2019-05-01\"\n---\n\n"
         "# Alpha Accord on Network Safety\n\nWe call on the private sector to share threat intelligence with governments.\n\n"
         "Supply chain security matters to every member of the accord.\n\n"
         "Backups are tested every month by each member.\n")
BETA = ("---\ntitle: \"Beta Charter for Secure Systems\"\nissuer: \"Beta Forum\"\ndate: \"2015-03-01\"\n---\n\n"
        "# Beta Charter for Secure Systems\n\nThe private sector runs most critical systems.\n\n"
        "Supply chain risks are assessed before any purchase.\n\n"
        "Passwords are never shared.\n")


GAMMA = ("---\ntitle: \"Gamma Note on Office Printers\"\nissuer: \"Gamma Office\"\ndate: \"2020-01-01\"\n---\n\n"
         "# Gamma Note on Office Printers\n\nPrinters are serviced yearly by approved contractors.\n")


DELTA = ("---\ntitle: \"Delta Guide on Home Routers\"\nissuer: \"Delta Agency\"\ndate: \"2021-06-01\"\n---\n\n"
         "# Delta Guide on Home Routers\n\nRouters follow the Beta Charter for Secure Systems in every home.\n")


def test_two_texts_side_by_side_give_their_common_ground_cited_from_each(tmp_path: Path) -> None:
    pair = ingested(tmp_path, {"alpha.md": ALPHA, "beta.md": BETA, "gamma.md": GAMMA, "delta.md": DELTA})
    shared = pair.ask("What do the Alpha Accord and the Beta Charter have in common?")
    assert not shared.abstained
    assert shared.text.startswith("Alpha Accord on Network Safety (Alpha Council, 1 May 2019) and Beta Charter")
    assert "both speak of “private sector” and “supply chain”:" in shared.text
    assert "On “private sector”:" in shared.text
    assert [c.doc_title.split()[0] for c in shared.citations] == ["Alpha", "Beta", "Alpha", "Beta"]
    assert all("private sector" in c.quote.lower() for c in shared.citations[:2])
    contrast = pair.ask("How do the Alpha Accord and the Beta Charter differ?")
    assert "Each text as it opens:" in contrast.text
    assert {c.doc_title.split()[0] for c in contrast.citations} == {"Alpha", "Beta"}
    assert contrast.text.endswith("Both speak of “private sector” and “supply chain”; ask what they have in common to see where.")
    related = pair.ask("How does the Alpha Accord relate to the Beta Charter?")
    assert related.text.startswith("Neither text names the other. Alpha Accord on Network Safety (Alpha Council")
    assert len(related.citations) == 4
    naming = pair.ask("How does the Delta Guide relate to the Beta Charter?")
    assert naming.text.startswith("Delta Guide on Home Routers names Beta Charter for Secure Systems:")
    assert [c.doc_title for c in naming.citations] == ["Delta Guide on Home Routers"]
    apart = pair.ask("What do the Alpha Accord and the Gamma Note have in common?")
    assert apart.abstained and apart.text.startswith("The two texts share no telling wording")
    on_topic = pair.ask("What do the Alpha Accord and the Beta Charter have in common on backups?")
    assert "both speak of" not in on_topic.text  # a topic: what each says of it


@pytest.mark.slow
def test_the_real_texts_common_ground_and_contrast(full: Assistant) -> None:
    g7_icc = full.ask("What do the G7 and the ICC have in common?")
    assert "both speak of “private sector”, “SMEs”" in g7_icc.text
    assert {c.doc_id for c in g7_icc.citations} == {"g7-2017-cyber-business", "icc-board-briefing-cyber"}
    agreed = full.ask("What do the G7 declaration and the ICC note agree on?")  # "declaration and the ICC": two texts
    assert agreed.text == g7_icc.text
    mfa = full.ask("What are the similarities between Cyber Essentials and NIS 2 Article 21?")  # its own article
    assert "“multi-factor authentication”" in mfa.text
    assert [c.provision_id for c in mfa.citations][:2] == [
        "ncsc-cyber-essentials-v3-1/d-4/multi-factor-authentication-mfa/para-1", "nis2-directive-article-21/article-21/item-2/item-j"]
    compared = full.ask("Compare the Budapest Convention with NIS 2.")
    assert "does not address" not in compared.text and "Council of Europe" in compared.text and "European Parliament" in compared.text
    named = full.ask("How does the Paris Call relate to the Budapest Convention?")
    assert named.text.startswith("Paris Call for Trust and Security in Cyberspace names the Budapest Convention:")
    assert [c.provision_id for c in named.citations] == ["paris-call-2018/para-8"]
    assert full.ask("How does the ICC relate to the G7?").text.startswith("Neither text names the other. ICC Board Briefing")
    smes = full.ask("What do the G7 and the ICC have in common on SMEs?")
    assert "common ways" not in smes.text and "Takeaway 5" in {c.label for c in smes.citations}


@pytest.mark.slow
def test_one_text_in_line_with_another_is_where_it_names_the_other(full: Assistant) -> None:
    answer = full.ask("Is the Paris Call in line with the Budapest Convention on cybercrime?")
    assert answer.text.startswith("Paris Call for Trust and Security in Cyberspace names the Budapest Convention:"), answer.text
    assert [c.provision_id for c in answer.citations] == ["paris-call-2018/para-8"]


@pytest.mark.slow
def test_which_texts_mention_a_topic_names_a_text_that_says_it_once_beside_one_that_says_it_often(full: Assistant) -> None:
    for question in ("Which texts mention multi-factor authentication?", "Is there anything on MFA in the texts?"):
        answer = full.ask(question)
        assert {c.doc_id for c in answer.citations} == {"ncsc-cyber-essentials-v3-1", "nis2-directive-article-21"}, question
    rights = full.ask("Which documents mention human rights?")
    assert {c.doc_id for c in rights.citations} >= {"budapest-convention-2001", "paris-call-2018"}
    # Cyber Essentials' "critical" vulnerabilities are not critical infrastructure, which two texts speak of
    critical = full.ask("Which texts mention critical infrastructure?")
    assert {c.doc_id for c in critical.citations} == {"paris-call-2018", "g7-2017-cyber-business"}
    # the ICC's "sharing" of vulnerabilities is their disclosure: a form of the word still counts
    disclosure = full.ask("Which texts talk about vulnerability disclosure?")
    assert "icc-board-briefing-cyber" in {c.doc_id for c in disclosure.citations}
