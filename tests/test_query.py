"""Query analysis: typos are corrected to corpus words, real words are left alone, unknown terms noticed."""

from __future__ import annotations

from collections import Counter

import pytest

from assistant.query import GENERIC_WEIGHT, Analyzer
from assistant.spelling import Speller
from assistant.sparse import tokenize, variant_in

TEXTS = [
    "Foster constructive cooperation amongst national CSIRTs and businesses",
    "Conduct awareness campaigns amongst SMEs about cyber security risks",
    "Passwords need a minimum password length of 12 characters",
]


def test_a_typo_of_a_word_that_frames_the_question_is_that_word_not_a_topic() -> None:
    speller = Speller(Counter({"consumers": 3, "swing": 1}), framing=frozenset({"saying", "about"}))
    assert speller.correct("sayng") == "saying"
    assert speller.correct("abuot") == "about"
    analyzed = Analyzer.of_texts(TEXTS + ["encourage and support consumers"], {}).analyze("whats the text sayng about consummers")
    assert set(analyzed.keyterms) == {"consum"} and not analyzed.unknown


def test_earlier_names_no_new_topic_and_everyday_words_reach_the_texts() -> None:
    texts = [*TEXTS, "Recalling its resolutions 75/240", "Internal and external stakeholders are notified of incidents"]
    analyzer = Analyzer.of_texts(texts, {})
    recalled = analyzer.analyze("Which earlier resolutions does it recall?")
    assert recalled.keyterms["earlier"] < analyzer.idf("earlier") / 2  # the resolutions are the topic
    told = analyzer.analyze("Who should be told about incidents?")
    assert frozenset({"notifi"}) in told.alternatives["told"]
    staff = analyzer.analyze("Can staff install any app they like?")
    assert frozenset({"user"}) in staff.alternatives["staff"]  # Cyber Essentials' word for them


def test_a_plural_the_texts_write_only_in_the_singular_keeps_the_glossary_phrase_it_is_part_of() -> None:
    # "points" is never written, "point" is: read as "point", "main points" would no longer be the ICC's takeaways
    analyzer = Analyzer.of_texts(["Takeaways", "The main point of the note is trade.", "The board meets."], {})
    assert frozenset({"takeaway"}) in analyzer.analyze("What are the main points of the note?").alternatives["point"]
    assert analyzer.analyze("When do boards meet?").corrections == {"boards": "board"}  # outside a phrase, as before


def test_analyzer_corrects_expands_and_weighs() -> None:
    analyzer = Analyzer.of_texts(TEXTS, {"csirt": {"computer security incident response teams"}})
    analyzed = analyzer.analyze("csirt coperation")
    assert analyzed.corrections == {"coperation": "cooperation"}
    assert "computer security incident response teams" in analyzed.text
    assert set(analyzed.keyterms) == {"csirt", "cooper"}
    assert analyzed.alternatives["csirt"]


def test_terms_the_corpus_never_uses_are_unknown() -> None:
    analyzed = Analyzer.of_texts(TEXTS, {}).analyze("What about quantum computing and password length?")
    assert "quantum" in analyzed.unknown and "password" not in analyzed.unknown
    assert 0 < analyzed.unknown_share < 1


def test_how_a_question_asks_is_never_a_missing_topic() -> None:
    analyzer = Analyzer.of_texts(TEXTS, {})
    analyzed = analyzer.analyze("What does it expect of businesses?")  # no text says "expect"
    assert analyzed.unknown == [] and "expect" in analyzed.keyterms
    assert "expect" not in analyzer.topic_terms("What does it expect of businesses?")
    assert analyzer.analyze("What does it expect of quantum businesses?").unknown == ["quantum"]


def test_intent_words_set_the_intent_not_the_topic() -> None:
    analyzed = Analyzer.of_texts(TEXTS, {}).analyze("What did they commit to on cooperation?")
    assert analyzed.intent == "commitment"
    assert "commit" not in analyzed.keyterms


def test_a_phrase_shorthand_stands_for_its_spelled_out_form() -> None:
    texts = [*TEXTS, "Each Party shall designate a point of contact available on a twenty-four hour, seven-day-a-week basis"]
    analyzed = Analyzer.of_texts(texts, {}).analyze("24/7 point of contact")
    assert "twenty-four hour, seven-day-a-week" in analyzed.text
    spelled = {"twenty-four", "hour", "seven-day-a-week"}
    assert any(spelled <= alt for alt in analyzed.alternatives["24"])
    assert any(spelled <= alt for alt in analyzed.alternatives["7"])


def test_words_that_frame_a_question_are_not_key_terms() -> None:
    analyzed = Analyzer.of_texts(TEXTS, {}).analyze("Can someone get help under a Party's password rules?")
    assert set(analyzed.keyterms) == {"help", "parti", "password", "rule"}  # no "someon", "get", "under" nor "s"


def test_the_thing_a_which_question_asks_for_weighs_double_as_a_topic() -> None:
    analyzer = Analyzer.of_texts(TEXTS, {})
    question = "Which countries have ratified the password rules?"
    assert analyzer.topic_terms(question)["countri"] == 2 * analyzer.keyterms(question)["countri"]
    assert analyzer.topic_terms(question)["password"] == analyzer.keyterms(question)["password"]



def test_the_act_a_who_will_question_asks_about_weighs_double_as_a_topic() -> None:
    analyzer = Analyzer.of_texts(TEXTS, {})
    question = "Who will chair the awareness campaigns?"
    assert analyzer.topic_terms(question)["chair"] == 2 * analyzer.keyterms(question)["chair"]
    assert analyzer.topic_terms(question)["campaign"] == analyzer.keyterms(question)["campaign"]


def test_what_kind_of_asks_for_the_noun_after_it() -> None:
    analyzer = Analyzer.of_texts(TEXTS, {})
    question = "What kind of campaigns serve that goal?"
    topic = analyzer.topic_terms(question)
    assert set(topic) == {"campaign"}  # "kind", "serve" and "goal" only frame it
    assert topic["campaign"] == 2 * analyzer.keyterms(question)["campaign"]


def test_an_irregular_form_is_read_as_the_word_the_corpus_uses() -> None:
    texts = [*TEXTS, "Entities shall take appropriate measures", "The attendees on the call manage firms"]
    analyzed = Analyzer.of_texts(texts, {}).analyze("Who took part in the call?")
    assert analyzed.corrections == {"took": "take"} and "take" in analyzed.keyterms
    assert "take" not in analyzed.unknown  # the corpus says "take"; "took" would have been a word it never uses


def test_a_doer_is_read_as_the_doing_the_corpus_speaks_of() -> None:
    texts = [*TEXTS, "All home working devices are in scope", "The home worker uses a corporate VPN"]
    analyzed = Analyzer.of_texts(texts, {}).analyze("Are home workers in scope?")
    assert frozenset({"work"}) in analyzed.alternatives["worker"]  # "home working devices … are in scope"
    users = Analyzer.of_texts([*texts, "Users must be using MFA"], {}).analyze("Which users?")
    assert frozenset({"use"}) not in users.alternatives.get("user", [])  # "us": too short a root to read "using"


def test_a_point_asked_after_an_article_is_the_point_of_that_article() -> None:
    analyzed = Analyzer.of_texts(TEXTS, {}).analyze("What does point (d) say? article 21", carried="article 21")
    assert analyzed.references == frozenset({("item", "d"), ("article", "21")})
    alone = Analyzer.of_texts(TEXTS, {}).analyze("What does Article 3 say?", carried="article 21")
    assert alone.references == frozenset({("article", "3")})  # a place of its own: the earlier one is left behind


def test_a_phrase_counts_as_a_whole_not_as_its_words() -> None:
    texts = [*TEXTS, "Entities shall take appropriate measures", "ICC convened 30 Chairs for the call"]
    analyzer = Analyzer.of_texts(texts, {})
    analyzed = analyzer.analyze("Who takes part in the call?")
    assert analyzed.phrasal["take"] == frozenset({"take", "part"})
    assert analyzed.keyterms["take"] > analyzer.idf("take")  # as rare as the phrase, not as the word
    assert frozenset({"conven"}) in analyzed.alternatives["take"]


def test_light_verbs_and_split_contractions_name_no_topic() -> None:
    texts = [*TEXTS, "remove or disable unnecessary software", "requests may be made through Interpol"]
    analyzer = Analyzer.of_texts(texts, {})
    assert set(analyzer.analyze("Can urgent requests go through Interpol?").keyterms) == {"urgent", "request", "interpol"}
    unused = analyzer.analyze("Do I need to remove software we don't use?")
    assert "don" not in unused.keyterms and {"don", "use"} <= unused.phrasal["use"]
    assert unused.keyterms["use"] == analyzer.idf("use")  # "don" adds no weight to the phrase
    assert frozenset({"unnecessari"}) in unused.alternatives["use"]


def test_everyday_phrasings_of_failings_effect_switches_and_places_reach_the_texts() -> None:
    texts = [*TEXTS, "have automatic updates enabled where possible", "evaluating the effectiveness of measures",
             "Mutual Legal Assistance Treaties tend to be very out-of-date",
             "if the offence is committed outside the territorial jurisdiction of any State"]
    analyzer = Analyzer.of_texts(texts, {})
    failings = analyzer.analyze("What's wrong with mutual legal assistance treaties?")
    assert "wrong" not in failings.keyterms and not failings.unknown  # it asks for failings, in the text's words
    switched = analyzer.analyze("Should automatic updates be switched on?")
    assert frozenset({"enabl"}) in switched.alternatives["switch"] and not switched.unknown
    works = analyzer.analyze("Do the measures actually work?")
    assert frozenset({"effect"}) in works.alternatives["work"] and not works.unknown
    abroad = analyzer.analyze("Jurisdiction over offences committed abroad?")
    assert frozenset({"outsid"}) in abroad.alternatives["abroad"] and not abroad.unknown
    helping = Analyzer.of_texts([*texts, "aiding or abetting the commission of any of the offences"], {}).analyze(
        "What counts as helping someone commit an offence?")
    assert "count" not in helping.keyterms  # "what counts as X" asks what the text makes X
    assert frozenset({"aid", "abet"}) in helping.alternatives["help"]


def test_everyday_words_for_costs_speed_people_and_knowledge_reach_the_formal_ones() -> None:
    texts = [*TEXTS, "expenses incurred shall be borne by the Parties", "responded to on an expedited basis",
             "the criminal liability of the natural persons", "any person who has knowledge about the functioning",
             "prioritizing cybersecurity risks", "done in English and in French"]
    analyzer = Analyzer.of_texts(texts, {})
    costs = analyzer.analyze("Who pays the costs?")
    assert frozenset({"expens"}) in costs.alternatives["cost"] and frozenset({"expens"}) in costs.alternatives["pay"]
    quick = analyzer.analyze("Must the request be answered quickly?")
    assert frozenset({"expedit"}) in quick.alternatives["quick"] and frozenset({"respond"}) in quick.alternatives["answer"]
    people = analyzer.analyze("Can the individuals still be prosecuted?")
    assert frozenset({"natur", "person"}) in people.alternatives["individu"]
    assert frozenset({"crimin", "liabil"}) in people.alternatives["prosecut"]
    expert = analyzer.analyze("Must someone who knows how the system works help?")
    assert frozenset({"knowledg"}) in expert.alternatives["know"] and frozenset({"function"}) in expert.alternatives["work"]
    ranked = analyzer.analyze("Is there a way to rank risks?")
    assert "rank" not in ranked.unknown  # an unknown word would make it refuse; the texts say "prioritizing"
    assert not analyzer.analyze("In which languages was it done?").unknown


def test_every_so_many_days_is_what_the_texts_call_regular() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "not enforcing regular password expiry"], {})
    analyzed = analyzer.analyze("Should passwords be changed every 90 days?")
    assert frozenset({"regular"}) in analyzed.alternatives["90"] and frozenset({"regular"}) in analyzed.alternatives["day"]
    assert "90" not in analyzed.unknown  # "90" alone is in no text; the phrase is
    assert "day" not in analyzer.analyze("Must updates be installed within 14 days?").alternatives


def test_outside_inside_meet_and_administers_reach_external_internal_met_and_administration() -> None:
    texts = [*TEXTS, "externally managed services (such as remote administration) where controls are being met",
             "Internal and external threats are identified", "Hardware is replaced", "as well as"]
    analyzer = Analyzer.of_texts(texts, {})
    remote = analyzer.analyze("If an outside company administers our systems, must we meet the controls?")
    assert frozenset({"extern"}) in remote.alternatives["outsid"] and frozenset({"met"}) in remote.alternatives["meet"]
    assert variant_in("administ", frozenset(tokenize("remote administration")))
    inside = analyzer.analyze("Do we have to identify threats from inside as well?")
    assert frozenset({"internal"}) in inside.alternatives["insid"] and "well" not in inside.keyterms
    old = analyzer.analyze("Should old hardware be replaced?")
    assert old.keyterms["old"] < old.keyterms["hardwar"]  # "old" says little about which text answers
    assert old.unknown_share < 0.3


def test_a_phrase_of_topic_words_weighs_what_its_words_do_not_twice_that() -> None:
    """'small firm' is one thing, the SMEs the texts name: as heavy as 'small' and 'firm' together, no heavier."""
    texts = [*TEXTS, "A small number of firms", "Malware protection on all devices"]
    analyzer = Analyzer.of_texts(texts, {})
    # a topic of the question ("What should a small firm do …?" would make the firm who acts: framing)
    analyzed = analyzer.analyze("What protection against malware does a small firm need?")
    assert analyzed.phrasal["small"] == frozenset({"small", "firm"})
    phrase = analyzer.idf("small") + analyzer.idf("firm")
    assert abs(analyzed.keyterms["small"] + analyzed.keyterms["firm"] - phrase) < 1e-9
    assert frozenset(tokenize("SMEs")) in analyzed.alternatives["firm"]  # the texts' own word stands for it


def test_everyday_words_for_disclosing_and_raising_awareness_reach_the_texts() -> None:
    texts = [*TEXTS, "There should be greater transparency by governments of zero day exploits"]
    analyzer = Analyzer.of_texts(texts, {})
    disclose = analyzer.analyze("What should governments disclose?")
    assert frozenset({"transpar"}) in disclose.alternatives["disclos"]
    raising = analyzer.analyze("How will they raise awareness?")
    assert raising.phrasal["rais"] == frozenset({"rais", "awar"})


def test_a_hyphenated_word_the_texts_write_apart_is_known_through_its_parts() -> None:
    texts = [*TEXTS, "Governments should share information on 'zero day' vulnerabilities"]
    analyzed = Analyzer.of_texts(texts, {}).analyze("Does any document mention zero-day vulnerabilities?")
    assert {"zero", "day"} <= set(analyzed.keyterms) and "zero-day" not in analyzed.keyterms
    assert analyzed.unknown == []  # no reason to refuse: the texts say "zero day"
    assert Analyzer.of_texts(texts, {}).analyze("cyber-bullying").unknown == ["bulli"]  # "bullying" is not there


def test_an_unknown_compound_counts_once_through_its_parts() -> None:
    texts = [*TEXTS, "the sale of software, a computer password or access code, is an offence"]
    analyzed = Analyzer.of_texts(texts, {}).analyze("Is selling password-cracking software an offence?")
    assert "password-crack" not in analyzed.keyterms  # "password" and "cracking" already stand for it
    assert analyzed.unknown == ["crack"]


def test_asking_for_the_exact_wording_names_no_topic() -> None:
    analyzed = Analyzer.of_texts(TEXTS, {}).analyze("Give me the exact wording on awareness campaigns")
    assert set(analyzed.keyterms) == {"awar", "campaign"}
    analyzed = Analyzer.of_texts(TEXTS, {}).analyze("What language does the text use about passwords?")
    assert "languag" not in analyzed.keyterms and "password" in analyzed.keyterms


def test_the_word_point_in_a_reference_and_talk_about_name_no_topic() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "Article 14(4), point (b) on the drafting points"], {})
    analyzed = analyzer.analyze("What is in point (i) of Article 21(2)?")
    assert ("item", "i") in analyzed.references and "point" not in analyzed.keyterms
    assert "point" in analyzer.analyze("What are the drafting points on passwords?").keyterms  # no reference: a topic
    assert "second" not in analyzer.analyze("What does the second takeaway say?").keyterms  # the rank names the place
    assert set(analyzer.analyze("Which texts talk about awareness campaigns?").keyterms) == {"awar", "campaign"}
    steps = analyzer.analyze("What are the steps after awareness campaigns?").keyterms
    assert steps["step"] < analyzer.idf("step") / 2  # the steps are what is asked for; the topic is the campaigns


def test_a_follow_up_keeps_asking_for_what_the_earlier_question_asked_for() -> None:
    analyzed = Analyzer.of_texts(TEXTS, {}).analyze("Which ones concern SMEs?", carried="commitments")
    assert analyzed.intent == "commitment"
    assert Analyzer.of_texts(TEXTS, {}).analyze("Which ones concern SMEs?").intent is None


def test_quantifiers_and_prepositions_are_not_key_terms() -> None:
    analyzed = Analyzer.of_texts(TEXTS, {}).analyze("Is every few months per password enough before awareness campaigns?")
    assert set(analyzed.keyterms) == {"month", "password", "awar", "campaign"}


def test_a_british_spelling_finds_the_american_one_and_back() -> None:
    american = ["The organization shall prioritize the analysis of behavior", "Licensed software"]
    analyzer = Analyzer.of_texts(american, {})
    analyzed = analyzer.analyze("How should an organisation prioritise behaviour?")
    assert analyzed.corrections == {}  # "prioritise" is a spelling of "prioritize", not a typo of anything
    assert {"organization", "prioritize", "behavior"} <= set(analyzed.text.split())
    assert analyzed.unknown == []
    assert any(alt == {"organiz"} for alt in analyzed.alternatives["organis"])
    british = Analyzer.of_texts(["Each organisation must analyse its defences"], {})
    assert {"organisation", "analyse"} <= set(british.analyze("organization analyze").text.split())


def test_only_regional_spellings_the_corpus_uses_are_added() -> None:
    analyzed = Analyzer.of_texts(["Advise the enterprise"], {}).analyze("advise the enterprise")
    assert "advize" not in analyzed.text and "enterprize" not in analyzed.text


def test_a_common_acronym_stands_for_its_everyday_words() -> None:
    analyzer = Analyzer.of_texts(["SMS is not the most secure type of MFA"], {})
    analyzed = analyzer.analyze("Is a text message code a good second factor?")
    assert {"sms"} in analyzed.alternatives["messag"]
    assert "SMS" in analyzed.text


def test_how_often_asks_for_a_frequency_and_names_no_topic() -> None:
    analyzed = Analyzer.of_texts(TEXTS, {}).analyze("How often should passwords be changed once done?")
    assert set(analyzed.keyterms) == {"password", "chang"}


def test_everyday_words_find_the_formal_ones_the_texts_use() -> None:
    analyzer = Analyzer.of_texts(["the production, sale or distribution of a device",
                                  "legal persons are subject to monetary sanctions"], {})
    selling = analyzer.analyze("Is selling hacking devices a crime?")
    assert "sell" not in selling.unknown and {"sale"} in selling.alternatives["sell"]
    fined = analyzer.analyze("Can companies be fined?")
    assert "fine" not in fined.unknown and {"monetari", "sanction"} in fined.alternatives["fine"]


def test_how_a_text_treats_or_covers_something_is_no_topic() -> None:
    analyzed = Analyzer.of_texts(TEXTS, {}).analyze("How do they treat and cover password length?")
    assert set(analyzed.keyterms) == {"password", "length"}


def test_a_word_the_corpus_writes_as_two_is_read_as_the_two() -> None:
    analyzer = Analyzer.of_texts(["Disable any auto-run feature which allows file execution"], {})
    analyzed = analyzer.analyze("what about autorun")
    assert analyzed.corrections == {"autorun": "auto run"}
    assert {"auto", "run"} <= set(analyzed.keyterms) and not analyzed.unknown
    assert Analyzer.of_texts(["Disable the auto-run feature"], {}, frozenset({"football"})).analyze(
        "football").unknown == ["footbal"]  # a real word is never split, even when its halves occur
    apart = Analyzer.of_texts(["Block the port", "secure the supply chain"], {}).analyze("What about blockchain?")
    assert apart.corrections == {} and apart.unknown == ["blockchain"]  # halves apart are no compound


def test_a_question_about_how_things_link_names_no_topic_link() -> None:
    analyzed = Analyzer.of_texts(["Countering cybercrime must be focused on fostering global trade"], {}).analyze(
        "How does the text link countering cybercrime to trade?")
    assert "link" not in analyzed.keyterms and not analyzed.unknown


def test_everyday_words_and_common_acronyms_reach_the_formal_ones() -> None:
    texts = ["Cybersecurity is included in human resources practices, as part of them",
             "A Party may, without prior request, forward information to another Party"]
    analyzer = Analyzer.of_texts(texts, {})
    assert not analyzer.analyze("Should cybersecurity be part of HR practices?").unknown
    analyzed = analyzer.analyze("May a Party share information without being asked?")
    assert any(frozenset({"request"}) <= alt for alt in analyzed.alternatives.get("ask", []))


def test_speller_finds_corrections_one_letter_longer_or_shorter_and_skips_known_words() -> None:
    speller = Speller(Counter({"encryption": 2, "backup": 4, "backups": 1, "firewall": 3}), frozenset({"want"}))
    assert speller.correct("encrytion") == "encryption"  # a letter dropped
    assert speller.correct("firewalll") == "firewall"  # a letter added
    assert speller.correct("bakup") == "backup"  # the commoner of two near words
    assert not speller.needs("backups") and not speller.needs("want") and not speller.needs("abc")
    assert speller.needs("bakup") and speller.correct("zebrafish") is None


def test_an_unknown_adverb_weighs_less_than_an_unknown_noun() -> None:
    analyzer = Analyzer.of_texts(TEXTS, {})
    verb = analyzer.analyze("What password length do we actually need?")
    noun = analyzer.analyze("What password length do we need for quantum?")
    assert "actual" in verb.unknown and "quantum" in noun.unknown
    assert verb.keyterms["actual"] < noun.keyterms["quantum"]
    assert verb.unknown_share < noun.unknown_share


def test_an_unknown_verb_the_glossary_rewords_keeps_its_weight() -> None:
    analyzer = Analyzer.of_texts(["the production, sale or distribution of a device"], {})
    assert analyzer.analyze("Can we sell a device?").keyterms["sell"] == analyzer.analyze("What about sell?").keyterms["sell"]



def test_an_unknown_verb_stays_a_topic() -> None:
    analyzer = Analyzer.of_texts(TEXTS, {})
    keyterms = analyzer.analyze("Can firms outsource their password rules?").keyterms
    assert keyterms["outsourc"] == analyzer.idf("outsourc")  # the question is whether outsourcing is allowed


def test_an_acronym_written_in_the_plural_stands_for_its_long_form() -> None:
    analyzer = Analyzer.of_texts(["Conduct awareness campaigns amongst SMEs about cyber security risks"], {})
    analyzed = analyzer.analyze("awareness for small businesses")
    assert frozenset({"smes"}) in analyzed.alternatives["small"]  # "SMEs" stems to "smes", not "sme"


def test_how_a_text_speaks_is_no_topic() -> None:
    analyzed = Analyzer.of_texts(TEXTS, {}).analyze("In the G7's view, do both texts stress awareness campaigns?")
    assert set(analyzed.keyterms) == {"g7", "awar", "campaign"}
    proposal = Analyzer.of_texts(TEXTS, {}).analyze("What did they propose on awareness?")
    assert proposal.intent == "recommendation" and "propos" not in proposal.keyterms


def test_a_word_and_its_ship_noun_are_one_word_as_evidence() -> None:
    assert variant_in("leader", frozenset({"leadership", "risk"}))  # "senior leaders" ~ "Organizational leadership"
    assert variant_in("partnership", frozenset({"partner"}))
    assert not variant_in("leader", frozenset({"leadingship"}))


def test_poor_ordinary_cannot_push_for_and_track_reach_the_texts_words() -> None:
    texts = [*TEXTS, "Weak risk management practices can threaten all partners within value chains",
             "Compared to normal user accounts, administrator accounts can install software",
             "A treaty should not be a priority for the private sector", "Inventories of services are maintained"]
    analyzer = Analyzer.of_texts(texts, {})
    poor = analyzer.analyze("What can poor risk management do to supply chains?")
    assert frozenset({"weak"}) in poor.alternatives["poor"] and not poor.unknown
    ordinary = analyzer.analyze("What can administrator accounts do that ordinary accounts cannot?")
    assert frozenset({"normal"}) in ordinary.alternatives["ordinari"] and "cannot" not in ordinary.keyterms
    push = analyzer.analyze("Is the business community pushing for a new treaty?")
    assert frozenset({"prioriti"}) in push.alternatives["push"]
    assert frozenset({"privat", "sector"}) in push.alternatives["communiti"]
    track = analyzer.analyze("Should we track which services our suppliers provide?")
    assert frozenset({"inventori"}) in track.alternatives["track"]


def test_how_big_combine_and_spot_reach_magnitude_correlated_and_detect() -> None:
    texts = [*TEXTS, "An incident's magnitude is estimated", "Information is correlated from multiple sources",
             "Anomalies are analyzed to detect incidents"]
    analyzer = Analyzer.of_texts(texts, {})
    big = analyzer.analyze("Should we estimate how big an incident is?")
    assert frozenset({"magnitud"}) in big.alternatives["big"] and not big.unknown
    combine = analyzer.analyze("Should we combine information to spot attacks?")
    assert frozenset({"correl"}) in combine.alternatives["combin"] and frozenset({"detect"}) in combine.alternatives["spot"]


def test_the_words_of_an_everyday_phrase_stand_only_for_the_phrase() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "encourage consumers", "normal user accounts"], {})
    people = analyzer.analyze("What should ordinary people do?")
    assert frozenset({"normal"}) not in people.alternatives.get("ordinari", [])
    assert frozenset({"consum"}) in people.alternatives["ordinari"]


def test_a_fingerprint_is_biometric_and_job_and_topics_frame_a_question() -> None:
    texts = [*TEXTS, "a credential such as a biometric, password or PIN", "applications the user needs to carry out their role",
             "The Parties shall consult periodically"]
    analyzer = Analyzer.of_texts(texts, {})
    fingerprint = analyzer.analyze("Is a fingerprint acceptable for unlocking a laptop?")
    assert frozenset({"biometr"}) in fingerprint.alternatives["fingerprint"] and "fingerprint" not in fingerprint.unknown
    job = analyzer.analyze("Should staff only get the applications they need for their job?")
    assert job.keyterms["job"] < analyzer.idf("job") / 2 and job.unknown_share < 0.3
    topics = analyzer.analyze("What topics do the Parties consult on?")
    assert topics.keyterms["topic"] < topics.keyterms["consult"]


def test_how_usual_something_is_frames_a_question_and_names_no_topic() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "Critical Information Infrastructures are usually handled by the private sector"], {})
    question = "Who mostly runs critical information infrastructure?"
    assert "most" not in analyzer.topic_terms(question)  # a document that never says "mostly" may still answer it
    assert analyzer.analyze(question).keyterms["most"] < analyzer.idf("most") / 2


def test_whether_it_is_worth_it_now_frames_a_question() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "Efforts to negotiate a treaty should not be a priority now"], {})
    assert set(analyzer.analyze("Is it worth negotiating a treaty now?").keyterms) == {"negoti", "treati"}


def test_an_irregular_verb_form_is_evidence_of_its_base_form() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "A Party may withdraw a reservation", "The details shall be kept correct",
                                  "the register is kept up to date", "The Party may keep it"], {})
    withdrawn = analyzer.analyze("Can reservations be withdrawn?")
    assert frozenset({"withdraw"}) in withdrawn.alternatives["withdrawn"]  # the stemmer keeps the two apart
    assert frozenset({"keep"}) in analyzer.analyze("Must the details be kept correct?").alternatives["kept"]
    assert "might" not in analyzer.analyze("Might a Party withdraw it?").alternatives  # a modal is no "may"


def test_a_documents_kind_a_contraction_and_an_outcome_name_no_topic() -> None:
    analyzer = Analyzer.of_texts(TEXTS, {})
    assert set(analyzer.analyze("What does the note say about awareness campaigns?").keyterms) == {"awar", "campaign"}
    assert "won" not in analyzer.analyze("What if a country won't share passwords?").keyterms  # "won't"
    weights = analyzer.analyze("Which outcome is about password length?").keyterms
    assert weights["outcom"] < analyzer.idf("outcom") / 2  # the topic is password length, not outcomes


def test_a_vague_word_the_texts_never_use_is_no_missing_topic() -> None:
    analyzer = Analyzer.of_texts(TEXTS, {})
    analyzed = analyzer.analyze("Is a new password length the top problem for people?")
    assert {"new", "top", "problem", "peopl"} <= set(analyzed.keyterms)  # they still weigh in ranking
    assert analyzed.unknown == []  # but their absence says nothing about what the texts cover
    assert analyzer.analyze("What kind of responsibility do SMEs bear for passwords?").unknown == ["respons"]
    assert analyzer.analyze("Does the text cover quantum computing?").unknown == ["quantum", "comput"]


def test_words_that_frame_whom_or_what_a_question_concerns_are_no_topic() -> None:
    analyzer = Analyzer.of_texts(TEXTS, {})
    assert set(analyzer.analyze("Which ones concern SMEs?").keyterms) == {"smes"}
    assert set(analyzer.analyze("Who are the awareness campaigns aimed at?").keyterms) == {"awar", "campaign"}
    assert "sceptic" not in analyzer.analyze("Why are SMEs sceptical about campaigns?").keyterms


def test_a_known_hyphenated_word_is_one_key_term_not_three() -> None:
    texts = [*TEXTS, "the open-ended working group held its sessions; open and ended"]
    analyzed = Analyzer.of_texts(texts, {}).analyze("What takes over from the open-ended working group?")
    assert "open-end" in analyzed.keyterms and not {"open", "end"} & set(analyzed.keyterms)
    assert frozenset({"open", "end"}) in analyzed.alternatives["open-end"]  # "open ended" written apart still counts


def test_security_is_the_texts_cybersecurity_and_need_to_frames_a_question() -> None:
    texts = [*TEXTS, "basic cyber hygiene practices and cybersecurity training", "asset management"]
    analyzer = Analyzer.of_texts(texts, {})
    training = analyzer.analyze("Does it require security training for staff?")
    assert frozenset({"cybersecur"}) in training.alternatives["secur"]
    assets = analyzer.analyze("Do entities need to manage their assets?")
    assert assets.keyterms["need"] < assets.keyterms["asset"] / 2  # a modal, not the topic
    needed = analyzer.analyze("What about software that isn't needed?")
    assert needed.keyterms["need"] == analyzer.idf("need")  # here it is the topic: unnecessary software
    meeting = Analyzer.of_texts([*texts, "a plan for incident response", "we agree to meet"], {}).analyze(
        "When did they plan to meet again?")
    assert meeting.keyterms["plan"] < meeting.keyterms["meet"] / 2  # "plan to" says they meant to meet
    judged = analyzer.analyze("Why was the Convention considered necessary?")
    assert "consid" not in judged.keyterms  # "considered necessary" asks why it is necessary


def test_meddling_is_known_through_interference() -> None:
    # the everyday pairs themselves are in test_glossary's table; here: the word is no missing topic
    analyzer = Analyzer.of_texts(["prevent malign interference by foreign actors in electoral processes"], {})
    assert "meddl" not in analyzer.analyze("Is the Paris Call against meddling in elections?").unknown


def test_given_is_no_topic_the_texts_lack() -> None:
    analyzer = Analyzer.of_texts(["Requests the Secretary-General to provide the necessary support"], {})
    assert analyzer.analyze("What was given to the Secretary-General?").unknown == []


def test_how_big_names_no_missing_topic_and_stand_for_and_else_frame_a_question() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "firms with over $1 trillion in global turnover"], {})
    assert analyzer.analyze("How big are those firms?").unknown == []  # a size, whatever words the text gives it in
    assert set(analyzer.analyze("What does CSIRT stand for?").keyterms) == {"csirt"}
    assert "els" not in analyzer.analyze("Who else should be involved?").keyterms


def test_good_enough_asks_whether_something_suffices_and_looks_like_is_appearing() -> None:
    analyzer = Analyzer.of_texts(["SMS is not the most secure type of MFA", "sharing of good practice",
                                  "a person appearing to be a minor"], {})
    enough = analyzer.analyze("Is an SMS code good enough?")
    assert enough.keyterms["good"] < enough.keyterms["sms"] / 2  # judged, not a topic
    assert analyzer.analyze("Is sharing good practice encouraged?").keyterms["good"] == analyzer.idf("good")  # a topic
    looks = analyzer.analyze("someone who only looks like a minor")
    assert frozenset({"appear"}) in looks.alternatives["look"]


def test_a_word_of_an_acronyms_long_form_beside_it_is_no_second_topic() -> None:
    analyzer = Analyzer.of_texts(["Platform as a Service (PaaS) runs your applications",
                                  "multi-factor authentication (MFA) needs an extra factor"], {"paas": {"platform as a service"},
                                                                                                "mfa": {"multi-factor authentication"}})
    assert "platform" not in analyzer.analyze("Who configures a PaaS platform?").keyterms
    assert "factor" in analyzer.analyze("How should we choose the extra factors for MFA?").keyterms  # not beside it
    assert "platform" in analyzer.analyze("Which platform runs applications?").keyterms


def test_what_about_x_switches_the_topic_to_x() -> None:
    analyzer = Analyzer.of_texts(["A customer's own device is out of scope", "A research assistant's laptop is in scope"], {})
    switched = analyzer.analyze("What about a customer's own device? research assistant laptop scope",
                                "What about a customer's own device?", "research assistant laptop scope")
    assert {"custom", "devic"} <= switched.new_terms and "research" not in switched.new_terms
    why = analyzer.analyze("Why is it in scope? research assistant laptop", "Why is it in scope?", "research assistant laptop")
    assert not why.new_terms  # a why-follow-up asks about the same topic


def test_how_binding_a_rule_is_asks_about_the_rule_not_the_word() -> None:
    analyzer = Analyzer.of_texts(["Authentication to cloud services must always use MFA", "an absolute value",
                                  "Only approved applications are allowed to execute", "mandatory training"], {})
    mandatory = analyzer.analyze("Is MFA mandatory for cloud services?")
    assert mandatory.keyterms["mandatori"] < mandatory.keyterms["cloud"] / 2  # how binding, not a topic
    absolute = analyzer.analyze("Is MFA an absolute requirement?")
    assert absolute.keyterms["absolut"] < absolute.keyterms["mfa"] / 2
    assert analyzer.analyze("Which applications are allowed?").keyterms["allow"] < analyzer.idf("allow")
    assert analyzer.analyze("Is there an absolute value?").keyterms["absolut"] == analyzer.idf("absolut")  # a topic
    must = analyzer.analyze("Is training a must?")
    assert must.keyterms["must"] < must.keyterms["train"] / 2


def test_a_hyphenated_word_the_texts_never_write_is_its_parts() -> None:
    analyzer = Analyzer.of_texts(["cooperation among the public and private sector", "improve trust"], {})
    keyterms = analyzer.analyze("Did they commit to public-private cooperation?").keyterms
    # "public-private" stems to "public-priv", yet its parts are "public" and "private" ("privat")
    assert {"public", "privat", "cooper"} <= set(keyterms) and "public-priv" not in keyterms


def test_a_negated_word_reaches_the_texts_negative_form() -> None:
    analyzer = Analyzer.of_texts(["Software must be removed when it becomes unsupported", "a longer password",
                                  "Unsigned applications must not run"], {})
    kept = analyzer.analyze("Can we keep software the vendor no longer supports?")
    assert frozenset({"unsupport"}) in kept.alternatives["support"] and "unsupported" in kept.text
    assert kept.keyterms["longer"] < analyzer.idf("longer")  # "no longer" says when, not how long
    signed = analyzer.analyze("May apps that aren't signed run?")
    assert frozenset({"unsign"}) in signed.alternatives["sign"]
    assert "support" not in analyzer.analyze("Is the software supported?").alternatives  # no negation, no negative


def test_prison_sentences_are_the_texts_deprivation_of_liberty() -> None:
    analyzer = Analyzer.of_texts(["sanctions, which include deprivation of liberty"], {})
    sentences = analyzer.analyze("Are there prison sentences?")
    assert sentences.unknown == []  # "prison sentences" is the texts' "deprivation of liberty"


def test_a_word_the_texts_only_hyphenate_or_split_is_known_by_its_parts() -> None:
    analyzer = Analyzer.of_texts(["users can only install trusted (allow-listed) applications",
                                  "an IP allow list that limits access", "a block of text", "a chain of custody"], {})
    allow = analyzer.analyze("Is app allowlisting enough?")
    assert "allowlist" not in allow.unknown
    assert frozenset({"allow", "list"}) in allow.alternatives["allowlist"]  # "an IP allow list" speaks of it too
    # both halves occurring apart is no evidence: "blockchain" is never written "block-chain" here
    assert "blockchain" in analyzer.analyze("Does it regulate blockchain?").unknown


def test_asking_whether_one_thing_may_stand_for_another_names_no_topic_alternative() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "Only approved applications are allowed", "anti-malware software"], {})
    terms = analyzer.analyze("Is app allow listing an acceptable alternative to antivirus?").keyterms
    assert terms["altern"] < analyzer.idf("altern") / 2 and terms["accept"] < analyzer.idf("accept") / 2
    assert terms["antivirus"] == analyzer.idf("antivirus")
    assert analyzer.analyze("What alternative dispute resolution is offered?").keyterms["altern"] == analyzer.idf("altern")


def test_what_a_text_calls_itself_is_no_topic_it_lacks() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "approaches such as security by design"], {})
    # "statement" is a word of none of the texts: asking about "the G7 statement" still asks about its content
    assert "statement" not in analyzer.analyze("Does the G7 statement mention security by design?").unknown


def test_the_words_that_ask_where_a_quoted_phrase_appears_are_no_topic() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "based on an all-hazards approach", "trust services of their choice"], {})
    assert set(analyzer.analyze('Where does the phrase "all-hazards approach" appear?').keyterms) == {"all-hazard", "approach"}
    assert set(analyzer.analyze("Which text speaks of “trust services”?").keyterms) == {"trust", "servic"}
    # without a quotation the same words are asked about
    assert "phrase" in analyzer.analyze("Which phrase do the texts use for trust services?").keyterms


def test_expected_to_fall_in_and_ask_about_frame_a_question_and_name_no_topic() -> None:
    analyzer = Analyzer.of_texts(["promote cooperation between Governments and companies", "Student devices in scope",
                                  "Strengthen the security of digital processes, products and services",
                                  "the expected outcomes are documented", "a Party may request assistance"], {})
    expected = analyzer.analyze("What are governments expected to do?")
    assert set(expected.keyterms) == {"govern"}  # "what should governments do"
    assert "expect" in analyzer.analyze("What are the expected outcomes?").keyterms  # here it is the topic
    assert set(analyzer.analyze("Do student devices fall within scope?").keyterms) == {"student", "devic", "scope"}
    assert "let" not in analyzer.analyze("What does it let us require from governments?").keyterms  # allow
    asks = analyzer.analyze("What does the Paris Call ask about the security of products?")
    assert asks.keyterms["ask"] < analyzer.idf("ask") / 2  # what the text says, not a request
    assert analyzer.analyze("Can a Party ask for assistance?").keyterms["ask"] == analyzer.idf("ask")


def test_a_number_in_digits_is_the_texts_number_in_words_and_back() -> None:
    texts = [*TEXTS, "preserve the data for a period as long as necessary, up to a maximum of ninety days",
             "Article 16 applies for 60 days to zero-day reports"]
    analyzer = Analyzer.of_texts(texts, {})
    limit = analyzer.analyze("Which paragraph sets the 90-day limit?")
    assert frozenset(tokenize("ninety")) in limit.alternatives["90"] and "90" not in limit.unknown
    assert "zero day" not in limit.expansions  # "0-day" inside "90-day" is no zero-day
    assert frozenset({"60"}) in analyzer.analyze("Which rule lasts sixty days?").alternatives[tokenize("sixty")[0]]
    assert "2" not in analyzer.analyze("What does paragraph 2 say about two Parties?").alternatives  # small numbers are places


def test_whose_matter_a_topic_is_names_no_topic_matter() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "how international law applies matters to industry",
                                  "cybercrime is a shared issue for governments"], {})
    keyterms = analyzer.analyze("Is cybercrime purely a matter for governments?").keyterms
    assert keyterms["matter"] < keyterms["cybercrim"] and keyterms["matter"] < keyterms["govern"]
    assert analyzer.analyze("Why does it matter to industry?").keyterms["matter"] > keyterms["matter"]


def test_claims_in_everyday_words_reach_the_texts_words() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "a point of contact available on a twenty-four hour basis",
                                  "ICC convened 30 Chairs and C-suite executives", "unless SMEs are included"], {})
    assert not analyzer.analyze("Is there a point of contact around the clock?").unknown
    assert not analyzer.analyze("Did CEOs attend?").unknown
    assert not analyzer.analyze("Are SMEs left out?").unknown
    assert not analyzer.analyze("Do they say nothing about passwords whatever their length?").unknown
    # looked up one way only: the texts' own word gains no claim words to search for
    assert not {"LEFT OUT", "EXCLUDED"} & set(analyzer.analyze("Are SMEs included?").expansions)


def test_a_count_of_places_is_no_topic_the_texts_lack() -> None:
    analyzer = Analyzer.of_texts(["Takeaways", "How international law applies online matters to industry",
                                  "We have organised the requirements under five technical controls"], {})
    counted = analyzer.analyze("What are the six takeaways?")
    assert set(counted.keyterms) == {"takeaway"} and not counted.unknown  # the texts never write "six"
    written = analyzer.analyze("What are the five technical controls?")
    assert 0 < written.keyterms["five"] < analyzer.idf("five") / 2  # a count a text states weighs a little
    assert analyzer.analyze("What happens after six months?").unknown == ["six", "month"]  # a duration is a topic


def test_the_verb_a_question_asks_with_is_no_topic() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "Each Party may require by law that items be possessed"], {})
    required = analyzer.analyze("What does Article 6 require?")
    assert "requir" not in required.keyterms  # what the article says: the texts' "may require" is no lead
    asked = analyzer.analyze("What does Objective 1 ask for?")
    assert asked.keyterms["ask"] < analyzer.idf("ask") / 2
    meant = analyzer.analyze("What does Article 6 mean for a small firm?")
    assert meant.keyterms["firm"] < analyzer.idf("firm") / 2  # the place asked about, for its reader
    assert analyzer.analyze("What does NIS 2 mean for a small firm?").keyterms["firm"] == analyzer.idf("firm")


def test_what_a_text_sees_as_something_asks_for_its_view() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "Opportunities for future action", "see MFA details below"], {})
    assert "see" not in analyzer.analyze("What does the ICC see as opportunities for future action?").keyterms
    assert "see" in analyzer.analyze("Where can staff see the details?").keyterms


def test_a_request_for_wording_to_reuse_names_no_topic() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "borrow money", "cite the source", "Lines of business"], {})
    assert set(analyzer.analyze("What language can I borrow from the G7?").keyterms) == {"g7"}  # no source here
    assert "cite" not in analyzer.analyze("Which ICC wording could I cite against a new treaty?").keyterms
    assert set(analyzer.analyze("Give me quotable lines on information sharing.").keyterms) == {"inform", "share"}
    assert "borrow" in analyzer.analyze("Can SMEs borrow to pay for security?").keyterms  # borrowing money is a topic
    assert "line" in analyzer.analyze("Which lines of business are covered?").keyterms
    drafted = analyzer.analyze("Draft a sentence for a communiqué on SME inclusion citing the ICC.").keyterms
    assert not {"draft", "sentenc", "communiqu", "cite"} & set(drafted)  # what is drafted, where: no topic
    assert "cite" in analyzer.analyze("Must a provider cite the source?").keyterms  # citing is a topic there


def test_an_acronym_in_capitals_is_also_its_plural() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "awareness campaigns amongst SMEs", "from SME to large corporates"], {})
    assert frozenset({"smes"}) in analyzer.analyze("What about SME awareness?").alternatives["sme"]
    plural = analyzer.analyze("What about SMEs?").alternatives.get("smes", [])
    assert frozenset({"sme"}) not in plural  # the plural never stands for the singular


def test_what_a_text_offers_asks_what_it_says_and_cyberspace_is_no_missing_topic() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "how international law applies online", "offering its services"], {})
    assert "offer" not in analyzer.analyze("What language on SMEs does the ICC offer?").keyterms
    assert "offer" in analyzer.analyze("Is offering hacking tools a crime?").keyterms  # offering is a topic there
    assert "cyberspac" not in analyzer.analyze("What about international law in cyberspace?").unknown


def test_it_in_a_follow_up_is_the_place_the_earlier_turn_named() -> None:
    analyzer = Analyzer.of_texts(TEXTS, {})
    opted = analyzer.analyze("Can a Party opt out of it?", carried="article 6")
    assert ("article", "6") in opted.references  # "it": Article 6, read as a place, not the words "article 6"
    assert not analyzer.analyze("What about SMEs?", carried="article 6").references  # a new topic: no place carried
    assert not analyzer.analyze("Does the text say that parties must act?", carried="article 6").references


def test_must_and_shall_say_how_a_text_obliges_and_weigh_little_as_key_terms() -> None:
    analyzer = Analyzer.of_texts([*TEXTS, "Passwords shall be at least 12 characters long"], {})
    terms = analyzer.keyterms("How long must passwords be?")  # a text that says "shall" answers it as well
    assert terms["must"] == pytest.approx(GENERIC_WEIGHT * analyzer.idf("must"))
    assert terms["password"] == pytest.approx(analyzer.idf("password"))
    need = analyzer.keyterms("Does my laptop need a firewall?")  # "need" still weighs as a word does
    assert need["need"] == pytest.approx(analyzer.idf("need"))
