"""Hybrid retrieval: filters, keyword/typo/acronym queries, the optional CrossEncoder reranker."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.config import RetrievalSettings
from assistant.errors import ModelUnavailable
from assistant.types import Filters
from tests.conftest import ingested


def test_kind_year_issuer_and_document_filters(assistant: Assistant) -> None:
    assistant.ingest()
    commitments = assistant.search("cooperation", k=20, filters=Filters(kinds=["commitment"]))
    assert commitments and all(h.kind == "commitment" for h in commitments)
    assert all(h.doc_id == "g7-2017-cyber-business" for h in assistant.search("cooperation", k=20, filters=Filters(year=2017)))
    assert all(h.issuer.startswith("International Chamber") for h in assistant.search("cyber", k=20, filters=Filters(issuer="chamber")))
    assert assistant.search("cooperation", k=5, filters=Filters(year=1999)) == []


def test_typos_lower_case_and_acronyms_find_the_provision(assistant: Assistant) -> None:
    assistant.ingest()
    assert assistant.search("awarness campaings smes", k=1)[0].provision_id == "g7-2017-cyber-business/objective-2/item-4"
    assert assistant.search("isac", k=1)[0].provision_id == "g7-2017-cyber-business/objective-2/item-6"
    # the long form is found from its acronym, learned from "ISAC (Information Sharing and Analysis Centres)"
    hits = assistant.search("information sharing and analysis centres", k=3)
    assert "g7-2017-cyber-business/objective-2/item-6" in [h.provision_id for h in hits]


def test_a_missing_reranker_model_is_a_clear_error(settings: Settings, tmp_path: Path) -> None:
    configured = settings.model_copy(update={"retrieval": RetrievalSettings(reranker_model=str(tmp_path / "nope"))})
    assistant = Assistant.open(configured)
    assistant.ingest()
    with pytest.raises(ModelUnavailable, match="no reranker is bundled"):
        assistant.search("cooperation")


@pytest.mark.slow
def test_a_local_cross_encoder_reorders_the_candidates(settings: Settings, tmp_path: Path) -> None:
    from sentence_transformers import CrossEncoder

    from assistant.embeddings import resolve_model

    local = tmp_path / "cross-encoder"
    CrossEncoder(resolve_model("all-MiniLM-L6-v2"), num_labels=1).save(str(local))  # a real CrossEncoder, on disk
    plain = Assistant.open(settings)
    plain.ingest()
    reranked = Assistant.open(settings.model_copy(update={"retrieval": RetrievalSettings(reranker_model=str(local))}))
    hits = reranked.search("cooperation between CSIRTs and businesses", k=8)
    model = CrossEncoder(str(local))
    scores = model.predict([("cooperation between CSIRTs and businesses", h.text) for h in hits])
    assert list(scores) == sorted(scores, reverse=True)
    assert {h.provision_id for h in hits} <= {h.provision_id for h in plain.search("cooperation between CSIRTs and businesses", k=40)}


def test_a_word_form_the_stemmer_keeps_apart_still_counts(assistant: Assistant) -> None:
    assistant.ingest()
    # "exposed" and "exposure" stem differently; only two provisions speak of the exposure of enterprises
    hits = assistant.search("exposed enterprises", k=2)
    assert {h.provision_id for h in hits} == {"g7-2017-cyber-business/objective-2/item-2",
                                              "g7-2017-cyber-business/objective-2/para-3"}


def test_a_name_the_corpus_never_uses_is_unknown_though_its_words_are_known(assistant: Assistant) -> None:
    assistant.ingest()
    # "digital", "trade" and "agreement" all occur in the ICC note, never as the name of a text
    invented = assistant.ask("What does the Digital Trade Agreement say about cybercrime?")
    assert invented.abstained
    named = assistant.ask("What did business leaders say about the Mutual Assistance Treaties?")
    assert not named.abstained and "Assistance Treaties" in named.citations[0].text


def test_a_short_lead_in_brings_the_paragraphs_it_heads(tmp_path: Path) -> None:
    assistant = ingested(tmp_path, {"scheme.md": (
        "# Model Certification Scheme\n\n## A. Getting started\n\nThis scheme protects small firms.\n\n"
        "What you should do first:\n\nDefine the boundary of your network scope.\n\n"
        "Review each of the five control themes.\n\n## B. Definitions\n\nSoftware includes firmware.\n")})
    quotes = [c.quote for c in assistant.ask("What should I do first?").citations]
    # alone, "What you should do first:" says nothing; the two paragraphs after it are the answer
    assert any("Define the boundary" in q for q in quotes) and any("five control themes" in q for q in quotes)
    assert not any("Software includes" in q for q in quotes)  # the next section is not part of it


def test_a_texts_list_is_its_principles_when_it_numbers_them_by_no_such_word(tmp_path: Path) -> None:
    assistant = ingested(tmp_path, {"call.md": (
        "# Call for Trust\n\nWe affirm our willingness to work together to:\n\n"
        "- Prevent malicious cyber activities against critical infrastructure;\n"
        "- Strengthen the security of digital products;\n- Support cyber hygiene for all actors.\n\n"
        "We welcome the support of companies.\n"), "code.md": "# Code\n\nThe principles of data protection apply.\n"})
    answer = assistant.ask("What are the principles of the Call for Trust?")
    assert not answer.abstained, answer.text
    assert answer.citations and all("/item-" in c.provision_id for c in answer.citations)
    assert "principles of data protection" in assistant.ask("What does the Code say about principles?").citations[0].text
    counted = assistant.ask("How many principles does the Call for Trust have?")  # the items, in the asker's word
    assert counted.text.startswith("Call for Trust lists 3 principles.") and len(counted.citations) == 3
    assert assistant.ask("How many goals does the Call for Trust set out?").text.startswith("Call for Trust lists 3 goals.")


def test_obligations_on_someone_are_answered_only_by_provisions_that_speak_of_them(tmp_path: Path) -> None:
    assistant = ingested(tmp_path, {"rules.md": (  # "obligations" rarer than "consumers": a Party's would outrank theirs
        "# Network Rules\n\n## Parties\n\nEach Party shall meet its obligations under this text in good faith.\n\n"
        "## Users\n\nConsumers are encouraged to choose strong passwords.\n\n"
        "## Shops\n\nConsumers may return faulty routers to the shop.\n\n"
        "## Routers\n\nRouters must be patched every month.\n\n## Logs\n\nLogs are kept for a year.\n\n"
        "## Backups\n\nBackups are tested each quarter.\n")})
    for question in ("Are there any obligations on consumers in the Network Rules?", "What obligations do consumers have?"):
        answer = assistant.ask(question)  # a Party's obligations are not theirs, cited or nearest
        assert "rules/parties/para-1" not in [c.provision_id for c in answer.citations], question
        assert (answer.citations or answer.related)[0].provision_id in ("rules/users/para-1", "rules/shops/para-1"), question


def test_a_text_that_obliges_in_shall_answers_what_obligations_it_sets(tmp_path: Path) -> None:
    assistant = ingested(tmp_path, {"directive.md": (  # it never writes "obligation" or "duty"
        "# Network Directive\n\n## Article 1\n\nMember States shall ensure that operators manage their risks.\n\n"
        "## Article 2\n\nOperators shall report incidents within a day.\n\n## Article 3\n\nThis text enters into force today.\n"),
        "treaty.md": "# Other Treaty\n\n## Article 1\n\nEach Party shall meet its obligations in good faith.\n"})
    for question in ("What obligations do Member States have under the Network Directive?",
                     "What are the obligations under the Network Directive?", "What duties does the Network Directive impose?"):
        answer = assistant.ask(question)
        cited = [c.provision_id for c in answer.citations]
        assert not answer.abstained and "directive/article-1/para-1" in cited, question
        assert not [c for c in cited if c.startswith("treaty/")], question  # the other text's "obligations" is not asked of
    assert assistant.ask("What obligations do consumers have?").abstained  # no text obliges consumers


@pytest.mark.slow
def test_the_paris_calls_principles_are_its_nine_items(full: Assistant) -> None:
    answer = full.ask("What are the nine principles of the Paris Call?")
    assert [c.provision_id for c in answer.citations] == [  # led by the sentence that introduces them
        "paris-call-2018/para-13", *(f"paris-call-2018/item-{n}" for n in range(1, 10))], answer.text
    assert answer.citations[0].quote.endswith("notably in order to")
    counted = full.ask("How many principles does the Paris Call have?")  # the word the text does not use
    assert counted.text.startswith("Paris Call for Trust and Security in Cyberspace lists 9 principles.")
    assert full.ask("How many articles does the Paris Call have?").abstained  # it has none


def test_what_about_x_is_answered_by_a_part_on_x_not_by_the_earlier_topic(tmp_path: Path) -> None:
    assistant = ingested(tmp_path, {"scope.md": (
        "# Device scope\n\n## Research assistant\n\nA research assistant's own laptop is in scope.\n\n"
        "## Customer\n\nA customer's own device is out of scope.\n")})
    earlier = ["Is a research assistant's own laptop in scope?"]
    answer = assistant.ask("What about a customer's own device?", earlier)
    # the earlier topic steers the search, but only the part about customers answers
    assert [c.text for c in answer.citations] == ["A customer's own device is out of scope."]



def test_a_reservation_is_found_by_the_words_of_the_paragraph_it_names(tmp_path: Path) -> None:
    reservation = "Each Party may reserve the right not to apply, in whole or in part, paragraph {} of this article."
    assistant = ingested(tmp_path, {"treaty.md": (
        "# Model Treaty\n\n## Article 10\n\n"
        "1. Each Party shall establish as criminal offences an attempt to commit any of the offences.\n\n"
        f"2. {reservation.format(1)}\n\n## Article 11\n\n"
        "1. Each Party shall preserve stored data.\n\n"
        f"2. {reservation.format(1)}\n")})
    hits = assistant.search("May a Party reserve the right as to attempts?", k=3)
    # the two reservations read alike: only the paragraph each names says what it is about
    assert hits[0].label == "Article 10, paragraph 2"


def test_a_name_the_glossary_knows_is_no_name_the_corpus_lacks(assistant: Assistant) -> None:
    assistant.ingest()
    # "Global South" is written nowhere, but the glossary knows it as the ICC's "developing countries"
    answer = assistant.ask("Does the ICC want the Global South involved?")
    assert not answer.abstained
    assert answer.citations[0].provision_id == "icc-board-briefing-cyber/takeaways/item-5"


def test_a_standard_known_by_a_code_the_texts_never_write_is_unknown(tmp_path: Path) -> None:
    assistant = ingested(tmp_path, {"audit.md": (
        "# Audit rules\n\n## Reports\n\nEach entity must send a report of every significant incident to its "
        "security operations centre within 2 days.\n\n## Records\n\nEach entity must keep its records for 5 years.\n")})
    # "SOC" alone is in the glossary (a security operations centre), "2" is any number: the code is the name
    assert assistant.ask("Must each entity send a SOC 2 report?").abstained
    assert assistant.ask("Must each entity keep ISO 27001 records?").abstained
    assert not assistant.ask("Must each entity send incident reports to its SOC?").abstained


def test_a_quoted_phrase_is_answered_where_the_texts_write_it_and_refused_where_none_does(tmp_path: Path) -> None:
    assistant = ingested(tmp_path, {"rules.md": (
        "# Rules\n\n## Trust\n\nConsumers should use the trust services of their choice.\n\n"
        "## Services\n\nProviders must keep their services available and build trust with customers.\n\n"
        "## Sovereignty\n\nA Party may refuse where its sovereignty is at stake.\n\n"
        "## Digital\n\nThe digital economy depends on security.\n")})
    found = assistant.ask('Which rule speaks of "trust services"?')
    assert not found.abstained and found.citations[0].text.startswith("Consumers should use the trust services")
    # both words occur, never together: the phrase asked about is in no text
    assert assistant.ask('Where does the phrase "digital sovereignty" appear?').abstained
    assert assistant.ask("What does 'trust-as-a-service' mean?").abstained  # one hyphenated name the texts never write


def test_a_phrase_with_one_word_joined_in_is_still_written(tmp_path: Path) -> None:
    assistant = ingested(tmp_path, {"rules.md": (
        "# Rules\n\n## Scope\n\nMember States shall ensure that essential and important entities manage their risks.\n\n"
        "## Terms\n\n“Service provider” means any public or private entity that offers a service.\n\n"
        "## Refusal\n\nA Party may refuse where its essential interests are at stake.\n")})
    for question in ("What does 'essential entities' mean?", "What does essential entity mean?"):
        answer = assistant.ask(question)
        assert not answer.abstained and answer.citations[0].text.startswith("Member States shall ensure that essential")
