"""How a question frames what it asks: the framing words are found, and the topic's words are not."""

from __future__ import annotations

from assistant.framing import asked, bearer, counted, examples_wanted, framing_terms, leaving, paired


def test_the_words_that_frame_a_question_are_found_and_its_topic_is_not() -> None:
    assert {"need"} <= framing_terms("Do entities need to manage assets?")
    assert "manag" not in framing_terms("Do entities need to manage assets?")
    assert "good" in framing_terms("Is an SMS code good enough?")
    assert "antivirus" not in framing_terms("Is antivirus enough under Cyber Essentials?")  # the topic, not a degree
    assert "requir" in framing_terms("What does Article 6 require?")
    assert "mandatori" in framing_terms("Is MFA mandatory?") and "mfa" not in framing_terms("Is MFA mandatory?")
    assert framing_terms("What does the G7 say about SMEs?") == set()
    # who should act is the asker's kind, which a text may call "the organization"; what they should do is the topic
    actor = framing_terms("How should a small business respond to an incident according to NIST?")
    assert {"small", "busi"} <= actor and "respond" not in actor and "incid" not in actor
    assert "compani" in framing_terms("What should a company do about passwords?")
    assert not framing_terms("What do companies say about ransomware?") & {"compani"}  # the speakers, not the actors
    # who acts after the modal of a yes/no question, a phrase naming the text before it or not
    assert "compani" in framing_terms("Under NIS 2, must a company look at how secure its suppliers are?")
    assert "compani" in framing_terms("Need a company encrypt data under NIS 2?")
    assert "smes" not in framing_terms("Do SMEs face higher risks according to the G7?")  # no modal: SMEs are the topic
    assert "smes" in framing_terms("What should SMEs do about backups?") and "backup" not in framing_terms("What should SMEs do about backups?")
    assert "smes" not in framing_terms("What does the G7 say about SMEs?")
    # "impose" and "place" say only that a text obliges: the text's own "not to impose" is no answer
    assert "impos" in framing_terms("What duties does the Budapest Convention impose on Parties?")
    assert "impose" not in asked("What obligations does NIS 2 impose?")
    assert "impos" not in framing_terms("Should governments impose fines?")
    # whether a thing is called for or allowed, which the texts say in "must" and "should"
    assert "need" in framing_terms("Do I need antivirus on my phone?") and "antivirus" not in framing_terms("Do I need antivirus?")
    assert "ok" in framing_terms("Is it OK to use the same password everywhere?")
    assert "safe" in framing_terms("Is it safe to use public wifi?")
    assert "need" not in framing_terms("What needs do SMEs have?")  # a topic
    # whether an act is made an offence, which a treaty says as "establish as criminal offences": the act is the topic
    assert "crime" in framing_terms("Is hacking a crime under the Budapest Convention?")
    assert "crime" in framing_terms("Can a country insist on serious harm before damaging data counts as a crime?")
    assert "crimin" in framing_terms("Is it a criminal offence to intercept data?")
    assert "crime" not in framing_terms("What does the ICC say about online crime?")  # a topic
    # what a text criminalises or outlaws: the act, or the place named, is the topic; the gerund names the act of it
    assert "criminalis" in framing_terms("Does the Budapest Convention criminalise hacking?")
    assert "criminalis" in framing_terms("Is computer fraud criminalised under the Budapest Convention?")
    assert "criminalis" in framing_terms("What do Articles 2 and 3 of the Budapest Convention criminalise?")
    assert "outlaw" in framing_terms("Does the Convention outlaw selling hacking tools?")
    assert "hack" not in framing_terms("Does the Budapest Convention criminalise hacking?")
    assert "criminalis" not in framing_terms("What does the G7 require governments to criminalise?")  # nothing else asked
    assert "criminalis" not in framing_terms("Can a Party opt out of criminalising attempts?")
    # a stance asked of a text: the text takes it in its own words ("should not be a priority")
    assert "favour" in framing_terms("Is the ICC in favour of an international treaty?")
    assert "support" in framing_terms("Does the ICC support a new treaty?")
    assert {"internat", "treati"}.isdisjoint(framing_terms("Is the ICC in favour of an international treaty?"))
    assert "support" not in framing_terms("What support does the UN resolution request?")  # a topic, not a stance
    # software the vendor no longer supports: what is asked about, not whether the asker supports it
    assert "support" not in framing_terms("Are we allowed to keep software the vendor no longer support on our laptops?")


def test_a_count_before_places_is_framing_and_framing_verbs_are_taken_off() -> None:
    assert counted("What are the six ICC takeaways?") == {"six"}
    assert counted("How many takeaways are there?") == set()
    assert counted("What are the Paris Call's nine principles?") == {"nine"}  # after a possessive too
    assert "expected" not in asked("What are governments expected to do?")
    assert "borrow" not in asked("What language can I borrow from the G7?")
    # the verb says only that the text gives the things asked for
    assert asked("What lessons did the ICC draw?").split() == ["What", "lessons", "did", "the", "ICC", "?"]
    assert "reach" not in asked("What conclusions did the ICC reach?") and "put" not in asked("What proposals does it put forward?")
    assert "draw" in asked("Who should draw up the plans?")  # no "what …" asking for things
    assert "define" not in asked("How does the ICC define cybersecurity?")  # what it says cybersecurity is
    assert "definition" not in asked("What is the definition of SMEs in the G7 text?")
    # how one acts on a topic is no topic: "approach", "tackle"; the noun "approach" stays
    assert "approach" not in asked("How should SMEs approach cybersecurity according to the ICC?")
    assert "tackle" not in asked("How do States tackle attribution?")
    assert "approach" in asked("What approach does NIS 2 take?")
    assert "belong" not in asked("Which function does ID.AM belong to?")  # where it sits, no topic
    # "the minimum we must do" asks all a text requires; "the minimum password length" a minimum it sets
    assert "minimum" not in asked("What is the minimum we must do to get Cyber Essentials?")
    assert "minimum" not in asked("What is the bare minimum for Cyber Essentials?")
    assert "minimum" in asked("What is the minimum password length?")


def test_a_rule_verb_asking_what_a_place_says_and_the_examples_asked_for_are_no_topic() -> None:
    assert "require" not in asked("What does Article 21 of NIS 2 require?")  # not the texts' "requirements"
    assert "ask" in asked("What does Objective 1 ask for?")  # its actions are what it asks for
    assert "require" in asked("Which entities require a licence?")  # not a question about what a place says
    assert asked("Give me three examples of measures in Article 21").split() == ["Give", "me", "measures", "in", "Article", "21"]
    assert [examples_wanted(q) for q in ("Give me three examples of measures", "Give an example of a G7 action",
                                         "What are some examples of measures?", "List 2 examples of controls",
                                         "What does Article 21 require?")] == [3, 1, None, 2, None]


def test_the_number_of_items_asked_for_and_a_dates_shape_word_are_no_topic() -> None:
    assert asked("Name two G7 actions under Objective 2.").split() == ["G7", "actions", "under", "Objective", "2."]
    assert "three" not in asked("What are three things the ICC recommends?") and examples_wanted("What are three things?") == 3
    assert "deadlines" not in asked("What deadlines does NIS 2 set?")  # the answer's shape, not its topic
    assert "set" not in asked("What deadlines does NIS 2 set?")  # how a rule speaks, as "require" does
    assert "six" in asked("What are the six ICC takeaways?")  # a count, weighed as such (counted), not dropped here


def test_what_a_text_asks_of_someone_is_framing_but_what_others_expect_is_a_topic() -> None:
    assert "ask" in framing_terms("What does the G7 ask of companies?")
    assert "expect" in framing_terms("What does the ICC expect of governments?")
    assert "want" in framing_terms("What does the G7 want from SMEs?")
    assert "expect" not in framing_terms("Should we understand what our stakeholders expect from us on cyber risk?")


def test_withdrawing_from_the_text_itself_is_denouncing_it_and_a_reservation_is_still_withdrawn() -> None:
    assert leaving("Can a state withdraw from the Budapest Convention?") == "Can a state denounce the Budapest Convention?"
    assert leaving("How can a Party withdraw from the Convention on Cybercrime?") == (
        "How can a Party denounce the Convention on Cybercrime?")
    assert leaving("Can a state withdraw from it?") == "Can a state denounce it?"
    assert leaving("Can a Party withdraw a reservation?") == "Can a Party withdraw a reservation?"
    assert leaving("Can a state withdraw from the territory it named?") == "Can a state withdraw from the territory it named?"


def test_how_a_text_holds_a_topic_frames_it_and_the_topic_stays() -> None:
    assert "relationship" in framing_terms("What is the relationship between cybersecurity and trade according to the ICC?")
    assert "trade" not in framing_terms("What is the relationship between cybersecurity and trade according to the ICC?")
    assert "posit" in framing_terms("What is the G7's position on risk management in value chains?")
    assert "view" in framing_terms("What is the ICC's view on MLATs?")
    assert "approach" in framing_terms("What is the difference between the G7 and ICC approaches to cooperation?")
    assert "approach" in framing_terms("How does NIST's approach to supply chain risk differ from NIS 2?")
    assert "approach" not in framing_terms("What does NIS 2 say about the all-hazards approach?")

def test_the_word_acronym_frames_what_the_letters_stand_for() -> None:
    assert "acronym" in framing_terms("What does the acronym CVSS mean?")
    assert "abbrevi" in framing_terms("What does the abbreviation ISAC stand for?")


def test_which_text_to_read_to_learn_about_a_topic_frames_the_reading() -> None:
    assert {"read", "learn"} <= framing_terms("Which text should I read to learn about incident response?")
    assert "consult" in framing_terms("Which document should I consult on passwords?")
    assert "read" not in framing_terms("Can the police read my email under the Budapest Convention?")


def test_where_the_asker_works_frames_the_question() -> None:
    assert "compani" in framing_terms("Who should be responsible for cybersecurity in my company?")
    assert "organis" in framing_terms("Who is responsible for cybersecurity at our organisation?")
    assert "compani" not in framing_terms("What does the ICC say about companies in Asia?")  # the topic there
    assert "relationship" not in framing_terms("What does NIS 2 say about supplier relationships?")  # a topic there


def test_whom_the_obligations_asked_about_bind_is_found() -> None:
    assert bearer("Are there any obligations on consumers in these texts?") == "consumers"
    assert bearer("What obligations do service providers have under the Budapest Convention?") == "service providers"
    assert bearer("What are the responsibilities of the board?") == "board"
    assert bearer("Do we need defined roles and responsibilities for managing cyber risk?") == ""  # an activity
    assert bearer("What obligations does NIS 2 impose?") == ""
    assert bearer("What obligations does NIS 2 place on Member States?") == "Member States"


def test_the_two_things_a_relationship_is_asked_between_are_found() -> None:
    assert paired("What is the relationship between cybersecurity and trade according to the ICC?") == ({"cybersecur"}, {"trade"})
    assert paired("What's the link between awareness and SMEs?") == ({"awar"}, {"smes"})
    assert paired("What does the ICC say about trade?") is None
