"""The public API: open, ingest, search, documents; clear errors when there is no index or a wrong model."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.config import EmbeddingSettings
from assistant.errors import IndexBusy, IndexMismatch, IndexMissing
from assistant.service import VERSION_TTL
from assistant.types import Filters
from tests.conftest import ingested


def test_search_without_an_index_says_to_ingest(assistant: Assistant) -> None:
    with pytest.raises(IndexMissing, match="policy-assistant ingest"):
        assistant.search("anything")


def test_search_returns_hits_with_the_contract_fields(assistant: Assistant) -> None:
    assistant.ingest()
    hit = assistant.search("awareness campaigns amongst SMEs", k=3)[0]
    assert hit.provision_id == "g7-2017-cyber-business/objective-2/item-4"
    assert hit.doc_title == "G7 Actions for Enhancing Cybersecurity for Businesses"
    assert hit.label == "Objective 2, action 4" and hit.page is None and hit.doc_id == "g7-2017-cyber-business"
    assert 0 < hit.score <= 1


def test_filters_restrict_documents_and_addressees(assistant: Assistant) -> None:
    assistant.ingest()
    only_icc = assistant.search("cooperation", k=10, filters=Filters(doc_ids=["icc-board-briefing-cyber"]))
    assert only_icc and all(h.doc_id == "icc-board-briefing-cyber" for h in only_icc)
    smes = assistant.search("cyber security", k=10, filters=Filters(addressee="SMEs"))
    assert smes and all("SMEs" in h.addressees for h in smes)


def test_another_model_is_refused_with_rebuild_advice(settings: Settings) -> None:
    Assistant.open(settings).ingest()
    other = Assistant.open(settings.model_copy(update={"embedding": EmbeddingSettings(model="hash-other")}))
    with pytest.raises(IndexMismatch, match=r"ingest --rebuild"):
        other.ingest()


def test_a_second_ingest_on_a_locked_index_exits_at_once(settings: Settings) -> None:
    from filelock import FileLock

    settings.index_dir.mkdir(parents=True)
    with FileLock(str(settings.index_dir / "ingest.lock")):
        with pytest.raises(IndexBusy, match="another ingest is running"):
            Assistant.open(settings).ingest()


def test_settings_come_from_environment_and_toml(tmp_path, monkeypatch) -> None:
    toml = tmp_path / "assistant.toml"
    toml.write_text('collection = "from-toml"\n[embedding]\nbatch_size = 7\n')
    monkeypatch.setenv("ASSISTANT_CONFIG", str(toml))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "idx"))
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", "http://127.0.0.1:9")
    settings = Settings()
    assert settings.index_dir == tmp_path / "idx" and settings.chroma_url == "http://127.0.0.1:9"
    assert settings.collection == "from-toml" and settings.embedding.batch_size == 7
    assert Settings(corpus_dir=tmp_path).corpus_dir == tmp_path


def test_practices_filter_and_follow_a_later_ingest(settings: Settings) -> None:
    icc = settings.corpus_dir / "icc-board-briefing-cybersecurity-takeaways.txt"
    aside = icc.rename(settings.corpus_dir.parent / icc.name)
    reader, writer = Assistant.open(settings), Assistant.open(settings)
    writer.ingest()
    before = reader.practices()
    assert before and {p.doc_id for p in before} == {"g7-2017-cyber-business"}
    smes = reader.practices(addressee="smes", query="Awareness Campaigns")
    assert [p.provision_id for p in smes] == ["g7-2017-cyber-business/objective-2/item-4"]
    aside.rename(icc)
    writer.ingest()  # another assistant on the same index: the reader's listing must not stay stale
    time.sleep(VERSION_TTL)  # replicas look for changes at most this often
    after = reader.practices(doc_ids=["icc-board-briefing-cyber"])
    assert any("Mutual Legal Assistance" in p.text for p in after)
    assert len(reader.practices()) == len(before) + len(after)


def test_warm_up_loads_every_index_so_the_first_questions_build_nothing(assistant: Assistant) -> None:
    import gc

    assistant.ingest()
    try:
        assistant.warm_up()
        assert gc.get_freeze_count() > 0  # what was loaded stays out of later collections
    finally:
        gc.unfreeze()
    retriever = assistant.retriever()
    assert retriever.places._places is not None and retriever.titles._titles is not None
    assert assistant.ask("What does Objective 2, action 4 say?").citations[0].label == "Objective 2, action 4"


def test_how_many_counts_the_numbered_items_and_cites_each(assistant: Assistant) -> None:
    assistant.ingest()
    answer = assistant.ask("How many actions are in G7 Objective 2?")
    assert answer.text.startswith("Objective 2 of G7 Actions for Enhancing Cybersecurity for Businesses lists 7 actions.")
    assert [c.label for c in answer.citations] == [f"Objective 2, action {n}" for n in range(1, 8)]
    assert all(c.quote in c.text for c in answer.citations)
    assert "lists 10 actions" in assistant.ask("How many actions does the G7 list?").text  # both objectives
    assert "lists 6 takeaways" in assistant.ask("How many takeaways does the ICC note have?").text
    assert "lists 10 actions" in assistant.ask("How many G7 actions are there?").text  # the text's name before the kind
    under = assistant.ask("What are the G7 actions under Objective 2?")  # its actions, not its paragraphs as well
    assert [c.label for c in under.citations] == [f"Objective 2, action {n}" for n in range(1, 8)]
    leaders = assistant.ask("How many business leaders did ICC convene?")  # no numbered "business leader N"
    assert "lists" not in leaders.text


def test_a_number_of_items_asked_for_is_that_many_of_the_list_from_its_start(assistant: Assistant) -> None:
    assistant.ingest()
    two = assistant.ask("Name two G7 actions under Objective 2.")
    assert two.text.startswith("2 of the 7 actions in Objective 2 of G7 Actions for Enhancing Cybersecurity for Businesses:")
    assert [c.label for c in two.citations] == ["Objective 2, action 1", "Objective 2, action 2"]
    one = assistant.ask("What is one ICC takeaway?")
    assert one.text.startswith("1 of the 6 takeaways in") and len(one.citations) == 1
    assert len(assistant.ask("What are the six ICC takeaways?").citations) == 6  # "the six": all of them
    assert len(assistant.ask("Name ten ICC takeaways.").citations) == 6  # more than there are: all of them


def test_a_count_to_check_is_answered_with_the_count(assistant: Assistant) -> None:
    assistant.ingest()
    claimed = assistant.ask("Is it right that Objective 2 of the G7 actions has five actions?")
    assert claimed.text.startswith("Objective 2 of G7 Actions for Enhancing Cybersecurity for Businesses lists 7 actions.")
    assert "lists 6 takeaways" in assistant.ask("Are there five ICC takeaways?").text
    # a misspelt noun is the one the speller reads ("takeways"), not a kind no text numbers its items by
    assert assistant.ask("how many takeways does the icc have").text.startswith("ICC Board Briefing lists 6 takeaways.")


def test_a_request_to_list_them_all_cites_every_one_and_a_narrower_one_is_retrieved(assistant: Assistant) -> None:
    assistant.ingest()
    listed = assistant.ask("List the ICC's opportunities for future action.")
    assert listed.text.startswith("ICC Board Briefing lists 5 opportunities.")
    assert [c.label for c in listed.citations] == [f"Opportunity {n}" for n in range(1, 6)]
    given = assistant.ask("Give me the ICC takeaways")  # the request taken off: "The ICC takeaways"
    assert [c.label for c in given.citations] == [f"Takeaway {n}" for n in range(1, 7)]
    some = assistant.ask("List the G7 actions for SMEs")  # some of them: not "lists 10 actions"
    assert "lists 10 actions" not in some.text and some.citations


def test_a_place_named_by_its_rank_is_read(assistant: Assistant) -> None:
    assistant.ingest()
    assert assistant.ask("What does the second takeaway say?").citations[0].label == "Takeaway 2"
    assert assistant.ask("What is the fifth opportunity?").citations[0].label == "Opportunity 5"
    assert assistant.ask("What is the third action of Objective 2?").citations[0].label == "Objective 2, action 3"


def test_a_question_about_a_whole_text_reads_it_from_its_opening(assistant: Assistant) -> None:
    assistant.ingest()
    answer = assistant.ask("What are the main points of the G7 text?")
    assert not answer.abstained
    # the opening provisions in reading order, not the one passage that happens to match "main points"
    assert [c.label for c in answer.citations][:2] == ["Objective 1, paragraph 1", "Objective 1, paragraph 2"]
    commitments = assistant.ask("What does the G7 commit to?")  # its commitments, in order
    assert commitments.citations[0].label == "Objective 1, action 1"
    filtered = assistant.ask("What does the G7 say?", filters=Filters(doc_ids=["g7-2017-cyber-business"]))
    assert filtered.citations  # the web chat's document filter: answered, never an error
    topical = assistant.ask("What does the G7 say about CSIRTs?")  # a topic: retrieval as ever
    assert "CSIRT" in topical.citations[0].quote


def test_what_a_text_is_about_leads_with_its_full_title(assistant: Assistant) -> None:
    assistant.ingest()
    about = assistant.ask("What is the ICC briefing about?")
    assert about.text.startswith("ICC Board Briefing is titled “30 Global Business Leaders – 5 Takeaways on Cybersecurity")
    assert about.citations[0].label == "Paragraph 1"  # the title is the catalogue's; what is cited is the text's own
    assert "titled" not in assistant.ask("What does the ICC briefing say about MLATs?").text  # a topic: no gist
    assert assistant.ask("What is the G7 text about?").text.startswith("According to G7 Actions")  # its name is all its title


def test_a_title_block_does_not_open_what_a_text_says(tmp_path: Path) -> None:
    front = '---\ntitle: "Resolution 9/99 — Working group on security"\nissuer: "Model Assembly"\n---\n\n'
    body = ("Ninetieth session Agenda item 12 Developments in the field of telecommunications in the context of security\n\n"
            "Recalling that the working group on security held twelve sessions over four years and agreed its final report,\n\n"
            "1. Decides to endorse the final report of the working group on security of and in the use of technologies;\n")
    assistant = ingested(tmp_path, {"res.md": front + body})
    answer = assistant.ask("What is resolution 9/99 about?")
    assert answer.text.startswith("Resolution 9/99 is titled “Working group on security”.")
    assert "Agenda item" not in answer.text and answer.citations[0].quote.startswith("Recalling that the working group")


def test_the_corpus_and_relevance_name_no_topic_a_question_must_find(assistant: Assistant) -> None:
    assistant.ingest()
    mlats = assistant.ask("Is there anything about MLATs in the corpus?")  # "corpus" is the texts held
    assert not mlats.abstained and "MLAT" in mlats.citations[0].text
    small = assistant.ask("Which text is most relevant to a small business?")  # one small business: SMEs
    assert not small.abstained and "SMEs" in " ".join(c.text for c in small.citations)
    assert assistant.ask("Is there anything about quantum computing in the corpus?").abstained


def test_how_one_place_differs_from_another_quotes_each(assistant: Assistant) -> None:
    assistant.ingest()
    answer = assistant.ask("How is G7 Objective 2 action 1 different from action 6?")
    assert [c.label for c in answer.citations] == ["Objective 2, action 1", "Objective 2, action 6"]
    opportunities = assistant.ask("How are the ICC's opportunity 1 and opportunity 3 different?")
    assert opportunities.citations[0].quote.startswith("Governments need to prioritize agreement on how the norms")


def test_a_whole_place_asked_for_is_named_by_its_title(assistant: Assistant) -> None:
    assistant.ingest()
    whole = assistant.ask("What does Objective 2 of the G7 actions say?")
    assert whole.text.startswith("Objective 2 of G7 Actions for Enhancing Cybersecurity for Businesses is headed "
                                 "“ENHANCING COOPERATION”.")
    topical = assistant.ask("What does Objective 2 of the G7 actions say about ISACs?")  # the title says nothing of them
    assert "is headed" not in topical.text
    titled = assistant.ask("What's the title of Objective 2 in the G7 actions?")  # no shipped text says "title"
    assert not titled.abstained and "is headed “ENHANCING COOPERATION”" in titled.text
    for asked in ("What's G7 Objective 1 called?", "What is the title of Objective 1 of the G7 actions?"):
        named = assistant.ask(asked)  # its name asked for: no topic within it
        assert "is headed “DEVELOPING AND IMPLEMENTING APPROPRIATE CYBER SECURITY RISK MANAGEMENT PRACTICES”" in named.text
        assert named.citations[0].provision_id == "g7-2017-cyber-business/objective-1/para-1"


@pytest.mark.slow
def test_the_real_corpus_gives_a_texts_deadlines_and_refuses_a_deadline_it_does_not_set(full: Assistant) -> None:
    nis2 = full.ask("What deadlines does NIS 2 Article 21 set?")
    assert nis2.citations[0].provision_id == "nis2-directive-article-21/article-21/item-5"  # "By 17 October 2024, …"
    assert full.ask("What deadline did the G7 set for companies to report data breaches?").abstained
    some = full.ask("Give me three examples of measures in NIS 2 Article 21.")
    assert [c.provision_id.rsplit("/", 1)[1] for c in some.citations] == ["item-2", "item-a", "item-b", "item-c"]


ACCORD = ("---\ntitle: \"Alpha Accord on Network Safety\"\nissuer: \"Alpha Council\"\ndate: \"2019-05-01\"\n---\n\n"
          "# Alpha Accord on Network Safety\n\nEach member shall protect its elections from foreign interference "
          "carried out through malicious cyber activities.\n\nEach member shall share threat information with the "
          "national response teams of the other members.\n")
CHARTER = ("---\ntitle: \"Beta Charter for Secure Systems\"\nissuer: \"Beta Forum\"\ndate: \"2015-03-01\"\n---\n\n"
           "# Beta Charter for Secure Systems\n\nEvery operator must share threat information with the national "
           "response team as soon as an attack is found.\n\nOperators must report any interference with their systems to the "
           "national response team within a day.\n")


def test_a_compared_text_that_never_uses_the_topics_words_is_said_to_be_silent(tmp_path) -> None:

    pair = ingested(tmp_path, {"accord.md": ACCORD, "charter.md": CHARTER})
    answer = pair.ask("Does the Beta Charter agree with the Alpha Accord on election interference?")
    assert "Beta Charter for Secure Systems: the text does not address this." in answer.text
    assert [c.provision_id for c in answer.citations] == ["accord/para-1"]
    both = pair.ask("Does the Beta Charter agree with the Alpha Accord on sharing threat information?")
    assert {c.doc_id for c in both.citations} == {"accord", "charter"}


def test_is_that_in_another_text_too_is_refused_when_that_text_never_speaks_of_the_topic(tmp_path) -> None:

    pair = ingested(tmp_path, {"accord.md": ACCORD, "charter.md": CHARTER})
    earlier = ["What does the Alpha Accord say about election interference?"]
    assert not pair.ask(earlier[0]).abstained
    too = pair.ask("Is that in the Beta Charter too?", history=earlier)
    assert too.abstained and not too.citations
    shared = pair.ask("Is that in the Beta Charter too?", history=["What does the Alpha Accord say about threat information?"])
    assert [c.doc_id for c in shared.citations] == ["charter"]


@pytest.mark.slow
def test_the_real_corpus_holds_texts_against_each_other_and_reads_places_alone(full: Assistant) -> None:
    agree = full.ask("Does the UN resolution agree with the Paris Call on international law?")
    assert "A/RES/80/16: the text does not address this." in agree.text
    assert {c.doc_id for c in agree.citations} == {"paris-call-2018"}
    too = full.ask("Is that in the UN resolution too?", history=["What does the Paris Call say about election interference?"])
    assert too.abstained
    second = full.ask("What is the second opportunity for future action?")
    assert [c.provision_id for c in second.citations] == ["icc-board-briefing-cyber/opportunities-for-future-action/item-2"]
    backups = full.ask("And the NIST CSF?", history=["What does Cyber Essentials say about backing up data?"])
    assert [c.provision_id for c in backups.citations] == ["nist-csf-2-0-core/pr-ds-11"]


SCHEME = ("---\ntitle: \"Delta Scheme: Requirements for Small Offices\"\nissuer: \"Delta Agency\"\ndate: \"2021-01-01\"\n"
          "---\n\n# Delta Scheme\n\n## A. Controls\n\nWe group the requirements under three controls:\n\n1. Firewalls\n\n"
          "2. Updates\n\n3. Backups\n\nAn applicant must meet every requirement before it can be certified under the scheme "
          "by an assessor.\n\n## B. Firewalls\n\nEvery office router must run a firewall that blocks inbound connections.\n")


def test_a_checklist_or_summary_of_a_text_opens_with_the_list_its_first_line_introduces(tmp_path) -> None:

    scheme = ingested(tmp_path, {"scheme.md": SCHEME})
    for question in ("Give me a checklist for the Delta Scheme.", "Summarise the Delta Scheme requirements.",
                     "What do I need to do to pass the Delta Scheme?"):
        answer = scheme.ask(question)
        assert [c.label for c in answer.citations][:4] == ["A. Controls, paragraph 1", "A. Controls, item 1",
                                                           "A. Controls, item 2", "A. Controls, item 3"], question
    assert scheme.ask("Which documents are in the corpus?").citations[0].label == "A. Controls, paragraph 2"


@pytest.mark.slow
def test_a_small_firm_gets_the_five_controls_and_its_mac_read_as_macos(full: Assistant) -> None:
    checklist = full.ask("Give me a checklist for Cyber Essentials.")
    assert [c.quote for c in checklist.citations][1:6] == [
        "Firewalls", "Secure configuration", "Security update management", "User access control", "Malware protection"]
    mac = full.ask("Do I need antivirus on my Mac for Cyber Essentials?")
    assert not mac.abstained and all(c.provision_id.startswith("ncsc-cyber-essentials-v3-1/d-5/") for c in mac.citations)
