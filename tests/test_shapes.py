"""Answer shapes: "which resolution" wants "resolution 75/240", "who chaired" "chaired by", "by when" a date."""

from __future__ import annotations

import pytest

from assistant import framing, shapes
from assistant.query import Analyzer


def test_a_which_question_wants_the_thing_with_its_number() -> None:
    agenda = shapes.numbered("Under which agenda item was the resolution adopted?")
    assert agenda is not None and agenda.search("Eightieth session Agenda item 94 Developments")
    assert not agenda.search("Also decides to include in the provisional agenda the item")
    resolution = shapes.numbered("Which resolution set up the working group?")
    assert resolution is not None and resolution.search("established pursuant to resolution 75/240")
    session = shapes.numbered("Which session considered it?")
    assert session is not None and not session.search("its first session in 2021")
    assert shapes.numbered("Which article covers fraud?") is None  # an article is a label, not text
    assert shapes.numbered("How are incidents handled?") is None


def test_a_which_question_about_one_named_thing_wants_its_proper_name() -> None:
    committee = shapes.numbered("Which Main Committee reported on the OEWG resolution?")
    assert committee is not None and committee.search("[on the report of the First Committee (A/80/534, para. 7)]")
    assert not committee.search("The Committee shall meet") and not committee.search("a committee of experts")
    states = shapes.numbered("Which states may sign the Convention?")  # a class, which "Contracting States" does not name
    assert states is not None and not states.search("the consent of the Contracting States")
    track = shapes.numbered("Should we track which services suppliers provide?")  # no "which" question
    assert track is None or not track.search("Cloud Services are in scope")


def test_a_who_did_question_wants_the_text_saying_by_whom() -> None:
    chaired = shapes.agent("who chaired the icc briefing")
    assert chaired is not None and chaired.search("This edition was chaired by Paul Drechsler")
    assert not chaired.search("ICC convened 30 Chairs, board members")
    assert shapes.agent("Who is responsible for the vulnerabilities?") is None
    proposed = shapes.agent("Who can propose amendments to the convention?")  # the passive names the one who may
    assert proposed is not None and proposed.search("Amendments to this Convention may be proposed by any Party")
    assert not proposed.search("The Committee of Ministers shall consider the proposed amendment")
    led = shapes.agent("Who led the ICC board briefing?")  # the texts' word for leading a meeting
    assert led is not None and led.search("This edition was chaired by Paul Drechsler")


def test_a_who_with_question_wants_the_text_naming_the_partner() -> None:
    partner = shapes.partner("Who should the Commission cooperate with when preparing implementing acts?")
    assert partner is not None and partner.search("The Commission shall exchange advice and cooperate with the Cooperation Group")
    assert not partner.search("When preparing the implementing acts, the Commission shall follow standards")
    assert shapes.partner("Who is responsible for compliance?") is None


def test_a_when_question_wants_a_text_stating_a_date() -> None:
    by_when = shapes.dated("By when must the Commission adopt implementing acts?")
    assert by_when is not None and by_when.search("By 17 October 2024, the Commission shall adopt implementing acts")
    assert not by_when.search("The Commission may adopt implementing acts laying down the requirements")
    assert not by_when.search("within 14 days of release")  # a period is no date
    when = shapes.dated("When will the Global Mechanism start?")
    assert when is not None and when.search("starting in 2026") and when.search("Paris, 12th of November, 2018")
    assert when.search("On 08 February ICC convened 30 Chairs")  # a text may not state its year
    assert shapes.dated("When writing the implementing acts, what standards apply?") is None  # a clause, not a date
    assert shapes.dated("What does the directive require?") is None
    # a treaty sets its moments relative to an event: that answers "when" as a date does
    force = shapes.dated("When does an adopted amendment come into force?")
    assert force is not None and force.search("shall come into force on the thirtieth day after all Parties have informed")
    assert force.search("following the expiration of a period of three months after the date on which")
    assert not force.search("Any amendment adopted in accordance with paragraph 3 of this article")
    invited = shapes.dated("When can a State be invited to accede?")
    assert invited is not None and invited.search("After the entry into force of this Convention, the Committee may invite")
    assert invited.search("to include in the provisional agenda of its eighty-first session the item")
    assert not invited.search("at the time of disclosure the condition of dual criminality cannot be fulfilled")


def test_a_how_long_question_wants_a_text_stating_a_duration() -> None:
    kept = shapes.lasting("How long must traffic data be preserved?")
    assert kept is not None and kept.search("up to a maximum of ninety days") and kept.search("within 14 days of release")
    assert not kept.search("a period of time as long as necessary")
    quickly = shapes.lasting("How quickly must critical updates be installed?")
    assert quickly is not None and quickly.search("within 72 hours")
    assert shapes.lasting("How long must a PIN be?") is None  # a length, not a time
    assert shapes.lasting("What must be preserved?") is None
    # asked with the verb in the active voice: how long someone must keep something
    assert shapes.lasting("How long must service providers preserve traffic data?") is not None
    assert shapes.lasting("How long must a Party keep preserved data?") is not None
    assert shapes.lasting("How long does a password have to be?") is None


def test_a_what_must_it_include_or_when_question_wants_the_list_a_text_introduces() -> None:
    contents = shapes.listed("What has to be included in a request to preserve stored computer data?")
    assert contents is not None and contents.search("A request for preservation made under paragraph 1 shall specify:")
    assert not contents.search("the expeditious preservation of specified computer data")  # no list it introduces
    assert shapes.listed("What should the notification contain?") is contents
    assert shapes.listed("What is included in the scope?") is None  # what the scope covers, not what must go in it
    conditions = shapes.listed("When does a request to access stored data have to be answered quickly?")
    assert conditions is not None and conditions.search("The request shall be responded to on an expedited basis where:")
    assert not conditions.search("Where a Party gives effect to paragraph 1 above by means of an order")
    assert shapes.listed("In what circumstances may a Party refuse assistance?") is conditions
    assert shapes.listed("When did the working group meet?") is None  # a past event has a date, not conditions
    moment = shapes.listed("When should a Party drop a reservation it has made?")
    assert moment is not None and moment.search("shall withdraw such reservation as soon as circumstances so permit")


def test_the_analysis_carries_the_shapes_of_its_answer() -> None:
    analyzed = Analyzer.of_texts(["This edition was chaired by a CEO"], {}).analyze("Who chaired the call?")
    assert analyzed.shaped("This edition was chaired by a CEO")
    assert not analyzed.shaped("The call had thirty chairs")


def test_a_how_many_question_counts_a_singular_noun() -> None:
    assert shapes.counted("How many actions are in Objective 2?") == "action"
    assert shapes.counted("how many opportunities did the ICC identify?") == "opportunity"
    assert shapes.counted("How many takeaways are there?") == "takeaway"
    assert shapes.counted("What are the actions?") is None
    # a count to check
    assert shapes.counted("Objective 2 of the G7 actions has five actions?") == "action"
    assert shapes.counted("Are there six ICC takeaways?") == "takeaway"
    assert shapes.counted("Does the ICC note list 5 opportunities?") == "opportunity"
    assert shapes.counted("Does NIS 2 have rules?") is None  # no number to check
    # a word or two naming where come before the kind counted
    assert shapes.counted("How many firewall requirements does Cyber Essentials have?") == "requirement"
    assert shapes.counted("How many G7 actions are there?") == "action"
    assert shapes.counted("How many user access control requirements are there?") == "requirement"
    assert shapes.counted("How many actions do the objectives list?") == "action"  # the first kind asked


def test_a_resolutions_operative_and_preambular_paragraphs_are_kinds_to_count_and_list() -> None:
    assert shapes.counted("How many operative paragraphs does the UN resolution have?") == "operative paragraph"
    assert shapes.counted("How many preambular paragraphs are there?") == "preambular paragraph"
    assert shapes.counted("What are the operative paragraphs of resolution 80/16?", listing=True) == "operative paragraph"
    assert shapes.counted("List the operative paragraphs of the UN resolution", listing=True) == "operative paragraph"
    assert shapes.counted("What are the requirements of Cyber Essentials for firewalls?", listing=True) is None
    assert shapes.counted("Summarise each G7 action", listing=True) == "action"  # every one, each quoted
    assert shapes.counted("Go through all the ICC takeaways", listing=True) == "takeaway"
    assert shapes.counted("Summarise the G7 text", listing=True) is None


def test_a_where_can_i_find_more_question_wants_the_pointer_to_guidance() -> None:
    pointer = shapes.further("Where can I get more advice on bring your own device?")
    assert pointer is not None and pointer.search("For further information and advice on the use of BYOD please see the NCSC’s guidance.")
    assert not pointer.search("BYOD complicates matters, as users are given more freedom")
    assert shapes.further("Where do the requirements apply?") is None


def test_a_rule_that_sets_the_pace_or_names_the_measure_answers_how_often_or_what_size() -> None:
    assert not shapes.unquantified("How often must anti-malware software be updated?", "be updated in line with vendor recommendations")
    assert shapes.unquantified("How often is a penetration test required?", "Penetration tests are useful")
    assert not shapes.unquantified("Of what size?", "between CSIRTs and businesses of all sizes")
    assert shapes.unquantified("What size must the key be?", "Keys are protected")
    assert not shapes.unquantified("Does it include how long someone has used the service?", "the period of service")
    assert shapes.unquantified("How long is a certificate valid?", "Certificates are issued by the body")
    promptly = "make sure there is an established process in place to change passwords promptly if you … suspect"
    assert not shapes.unquantified("How often should passwords be changed?", promptly)
    assert not shapes.unquantified("How quickly must a password be changed?", promptly)
    assert shapes.unquantified("How often should passwords be changed?", "Use technical controls to manage passwords")


def test_a_which_things_does_it_apply_to_question_wants_the_applies_to_line() -> None:
    scope = shapes.applying("Which devices does malware protection apply to?")
    assert scope is not None and scope.search("Applies to: Servers, desktop computers, laptops, tablets, mobile phones")
    assert not scope.search("The requirements apply to all devices and software in scope")
    assert shapes.applying("Does Article 27 apply when there is a treaty?") is None  # whether, not to what


def test_an_on_what_grounds_question_wants_the_conditions_a_text_lists() -> None:
    grounds = shapes.listed("On what grounds can a Party refuse a request for mutual assistance?")
    assert grounds is not None and grounds.search("The requested Party may … refuse assistance if:")
    assert not grounds.search("including the grounds on which the requested Party may refuse co-operation.")
    assert shapes.listed("For what reasons may disclosure be withheld?") is grounds
    assert shapes.listed("What grounds for refusal does Article 25 mention?") is None  # asks for a mention, not a list


def test_a_purpose_question_wants_the_section_a_text_titles_aim() -> None:
    for question in ("What is the point of the secure configuration control?", "What's the purpose of Article 35?",
                     "What is user access control meant to achieve under Cyber Essentials?",
                     "Why does Cyber Essentials require firewalls?", "Why?"):
        assert shapes.purposive(question), question
    assert not shapes.purposive("Why do we need MFA?")  # the passages on MFA say, not an Aim section
    assert not shapes.purposive("What is the 24/7 point of contact?")  # a point of contact, not a purpose
    assert not shapes.purposive("What does secure configuration require?")
    assert shapes.states_aim(["Cyber Essentials", "D.4 User access control", "Aim"])
    assert not shapes.states_aim(["Cyber Essentials", "D.4 User access control", "Introduction"])


def test_a_purpose_question_prefers_the_aim_over_its_wording() -> None:
    analyzer = Analyzer.of_texts(["Ensure that user accounts are assigned to authorised individuals only",
                                  "Every point of access is a risk"], {})
    analyzed = analyzer.analyze("What is the point of user access control?")
    assert analyzed.purpose and "point" not in analyzed.keyterms and "user" in analyzed.keyterms  # it frames the question
    assert analyzed.shaped("are assigned to authorised individuals only", ["D.4 User access control", "Aim"])
    assert not analyzed.shaped("Every point of access is a risk", ["D.4 User access control", "Introduction"])


def test_a_deadline_asked_for_is_answered_by_a_date_or_a_period() -> None:
    question = "What's the deadline for applying critical updates?"
    assert shapes.lasting(question) is not None and shapes.lasting("Is there a time limit for patching?") is not None
    assert not shapes.unscheduled(question, "Critical updates must be installed within 14 days.")
    assert shapes.unscheduled(question, "Updates fix vulnerabilities described as critical.")
    assert "deadline" not in framing.asked(question)  # the answer's shape, no topic the texts must write


def test_when_is_the_next_one_is_not_answered_by_a_past_date() -> None:
    question = "When will the next edition of the briefing series take place?"
    assert shapes.unscheduled(question, "On 08 February ICC convened 30 Chairs for the third edition.")
    assert not shapes.unscheduled(question, "The next edition will take place in March 2026.")
    assert not shapes.unscheduled(question, "Decides to include the item in the agenda of its eighty-first session.")
    assert not shapes.unscheduled("When did the ICC convene the third edition?", "On 08 February ICC convened 30 Chairs.")
    assert shapes.states_date("Paris, 12th of November, 2018") and shapes.states_date("26 September 2017")
    assert not shapes.states_date("SaaS Your organisation")


def test_an_opt_out_question_is_answered_by_a_reservation() -> None:
    shape = shapes.exempting("Can a Party opt out of criminalising attempts?")
    assert shape is not None and shape.search("Each Party may reserve the right not to apply paragraph 2")
    assert shapes.exempting("Are small firms exempted from the rules?") is not None
    assert shapes.exempting("Can a Party limit its jurisdiction over offences on its ships?") is not None
    assert shapes.exempting("What limits does the Convention set?") is None
    assert shapes.exempting("Must a Party criminalise attempts?") is None


def test_a_text_says_what_it_is_for_when_it_speaks_of_itself() -> None:
    assert shapes.states_own_purpose("Convinced that the present Convention is necessary to deter action directed against …")
    assert shapes.states_own_purpose("This Directive aims to achieve a high common level of cybersecurity.")
    assert shapes.states_own_purpose("The purpose of this Framework is to help organisations manage risk.")
    assert not shapes.states_own_purpose("Prevent malign interference by foreign actors aimed at undermining elections")
    assert not shapes.states_own_purpose("For the purposes of this Convention:")  # a definition's framing
    assert shapes.purposive("What is its purpose?") and shapes.purposive("What are their main objectives?")
    assert not shapes.purposive("What does its purpose clause say about SMEs?")


def test_how_long_a_thing_must_be_wants_a_length_and_how_long_it_is_kept_a_duration() -> None:
    length = shapes.measured("How long must passwords be?")
    assert length is not None and length.search("A minimum password length of at least 12 characters")
    assert not length.search("you shouldn’t allow more than 10 guesses in 5 minutes")
    assert shapes.measured("How long must traffic data be preserved?") is None  # a duration: see lasting()
    assert shapes.lasting("How long must traffic data be preserved?") is not None
    # "long" names the measure asked, not a topic the provision must speak of
    analyzer = Analyzer.of_texts(["A minimum password length of at least 12 characters.", "Use longer passwords."], {})
    keyterms = analyzer.analyze("How long must passwords be?").keyterms
    assert keyterms["long"] < analyzer.idf("long") / 2
    assert analyzer.analyze("How long must data be kept?").keyterms["long"] == analyzer.idf("long")


def test_a_question_that_only_names_a_text_asks_what_the_text_is() -> None:
    assert shapes.bare_name("What is the  ?") and shapes.bare_name("What's  ?") and shapes.bare_name("About the  .")
    assert not shapes.bare_name("What is the   about supply chains?")


def test_which_texts_asks_for_every_text_that_speaks_of_a_topic() -> None:
    assert shapes.which_texts("Which texts talk about supply chains?")
    assert shapes.which_texts("Do any of the documents mention SMEs?")
    assert shapes.which_texts("Which of the texts mention small businesses?")
    assert shapes.which_texts("Is there anything in your documents about supply chains?")
    assert shapes.which_texts("Is there anything about ransomware in the corpus?")
    assert not shapes.which_texts("Is there anything about ransomware in Cyber Essentials?")  # one text named
    assert not shapes.which_texts("Which text calls for a multistakeholder approach?")  # one text
    assert not shapes.which_texts("What does the G7 say about SMEs?")
    assert shapes.which_texts("What do the texts say about information sharing?")  # what each says
    assert shapes.which_texts("How do the documents address supply chain security?")
    assert not shapes.which_texts("What do the texts cite as sources?")
    assert shapes.which_texts("Do the texts agree on information sharing?")  # what each says, side by side
    assert shapes.which_texts("How do the documents differ on MFA?")
    assert not shapes.which_texts("Do the texts agree?")  # no topic: how the texts stand to each other


def test_the_verb_of_a_which_texts_question_is_how_a_text_speaks_not_what_about() -> None:
    assert shapes.which_verb("Which documents discuss encryption?") == "discuss"
    assert shapes.which_verb("What was the ICC briefing organised to discuss?") == ""


@pytest.mark.parametrize(("question", "expected"), [
    ("List the ICC's opportunities for future action.", "opportunity"),
    ("Enumerate all the G7 actions", "action"),
    ("Show me the G7's actions", "action"),
    ("The ICC takeaways", "takeaway"),  # "Give me" already taken off
    ("List the articles of the Budapest Convention", "article"),
    ("Show me the text of Article 3", None),
    ("What are the ICC takeaways about trade?", None),
    ("What are the ten G7 actions?", "action"),  # the count as the asker remembers it
    ("Which were all the 6 ICC takeaways?", "takeaway"),
    ("What are the key points of the ICC note?", None),
    ("What are the G7 actions under Objective 2?", "action"),  # every one at the place named
    ("What are the takeaways in the ICC note?", "takeaway"),
    ("What are the obligations of entities under NIS 2?", None),  # no list noun before "of"
    ("G7 Objective 1 actions", "action"),  # the place first, as a bare noun phrase
    ("List the G7 Objective 1 actions.", "action"),
    ("objective 2 actions of the g7", "action"),
    ("Objective 2 risks of the G7", None),  # no kind a text numbers its items by
])
def test_a_request_to_list_them_all_names_the_numbered_noun(question: str, expected: str | None) -> None:
    assert shapes.counted(question, listing=True) == expected


@pytest.mark.parametrize(("question", "some"), [
    ("Name one principle of the Paris Call.", (1, "principle")),
    ("Give me three examples of G7 actions.", (3, "action")),
    ("Name two G7 actions under Objective 2.", (2, "action")),
    ("What is one ICC takeaway?", (1, "takeaway")),
    ("What is one of the ICC opportunities?", (1, "opportunity")),
    ("Two examples of Cyber Essentials firewall requirements.", (2, "requirement")),
    ("What are three things the ICC recommends?", (3, "thing")),
    ("Give me two examples of NIS 2 measures.", (2, "")),  # which items is left unsaid
    ("What are the six ICC takeaways?", None),  # "the": the count as remembered, the whole list asked
    ("What is 14 days in Cyber Essentials?", None),  # a duration
    ("Which two texts mention SMEs?", None),
    ("24 7 network", None),  # the carried words of "the 24/7 network"
])
def test_a_number_of_a_lists_items_asked_for_is_told_from_a_count_and_a_duration(
        question: str, some: tuple[int, str] | None) -> None:
    found = shapes.some_asked(question)
    assert (found[:2] if found else None) == some


def test_a_deadline_asked_for_is_answered_only_by_a_text_stating_a_date() -> None:
    question = "What deadline did the G7 set for companies to report data breaches?"
    assert shapes.unscheduled(question, "promote cooperation … on the impacts of data breach incidents")
    assert not shapes.unscheduled("What deadlines does NIS 2 set?", "By 17 October 2024, the Commission shall adopt …")
    assert not shapes.unscheduled("What does NIS 2 say about data breaches?", "incident handling")  # no date asked


@pytest.mark.parametrize("question", [
    "What is the UN resolution about?", "Summarise the Budapest Convention.", "Summarize the UNGA resolution.",
    "What are the main points of the ICC note?", "What's the gist of the Paris Call?", "Give me an overview of NIS 2.",
])
def test_a_question_on_what_a_whole_text_is_about_asks_its_gist(question: str) -> None:
    assert shapes.gist(question)


@pytest.mark.parametrize("question", [
    "What does the UN resolution say about capacity-building?", "What does the G7 commit to?",
    "How is the ICC note different from the G7 text?",
])
def test_a_question_on_a_topic_asks_no_gist(question: str) -> None:
    assert not shapes.gist(question)


def test_what_a_text_wants_someone_to_do_is_answered_where_it_urges_them_to_act() -> None:
    smes = shapes.urged("In a nutshell, what does the G7 want SMEs to do?")
    assert smes is not None
    assert smes.search("encourage companies, notably SMEs, at their senior management level to improve awareness")
    assert not smes.search("it is important to support innovative SMEs and high-tech start-ups")  # no one urged
    # businesses are what the texts call companies; whom a text urges is the verb's object, not a later word
    businesses = shapes.urged("What does the G7 ask businesses to do?")
    assert businesses is not None and businesses.search("encourage companies, notably SMEs, … to improve")
    assert not businesses.search("Encourage the international community through collaboration between business, "
                                 "governments and civil society, to consider a variety of approaches")
    consumers = shapes.urged("What does the G7 encourage consumers to do?")
    assert consumers is not None and consumers.search("encourage and support consumers to adopt vigilant practices")
    assert shapes.urged("What does the Paris Call ask its supporters to do?") is None  # whom, read as no addressee
    assert shapes.urged("What does the G7 say about SMEs?") is None
    # what it recommends for them, or what they should do according to it, is asked the same way
    for question in ("What does the G7 recommend for SMEs?", "What should SMEs do according to the G7?",
                     "What does the G7 advise small businesses to do?"):
        shape = shapes.urged(question)
        assert shape is not None and shape.search("encourage companies, notably SMEs, … to improve"), question
