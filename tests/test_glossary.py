"""Acronyms are learned from the corpus's own definitions and expanded both ways."""

from __future__ import annotations

import ast
from pathlib import Path

from assistant import glossary, jargon
from assistant.glossary import expand, learn, merged
from assistant.query import Analyzer
from assistant.sparse import tokenize


def test_definitions_are_learned_both_ways_round() -> None:
    learned = learn([
        "national CSIRTs (computer security incident response teams) and businesses",
        "These Mutual Assistance Treaties (“MLATs”) need to be updated",
        "such as ISAC (Information Sharing and Analysis Centres) or its equivalents",
        "Critical Information Infrastructure Protection (CIIP) is part of the agenda",
    ])
    assert learned["csirt"] == {"computer security incident response teams"}
    assert learned["mlat"] == {"mutual assistance treaties"}
    assert learned["isac"] == {"information sharing and analysis centres"}
    assert learned["ciip"] == {"critical information infrastructure protection"}


def test_parentheses_that_are_not_definitions_are_ignored() -> None:
    learned = learn(["use multi-factor authentication (see below)", "Organizational Context (GV.OC): text", "a rule (IT)"])
    assert learned == {}


def test_queries_expand_acronyms_and_long_forms_case_insensitively() -> None:
    glossary = merged({"isac": {"information sharing and analysis centres"}})
    assert "information sharing and analysis centres" in expand("isac", glossary)
    assert "ISAC" in expand("what do information sharing and analysis centres do", glossary)
    assert expand("it is what it is", glossary) == []


def test_everyday_words_map_to_formal_ones_in_a_fixed_order() -> None:
    from assistant.glossary import everyday

    import subprocess
    import sys

    table = everyday()
    assert table["selling"] == {"sale"} and table["staff"] == {"personnel", "human resources", "users"} and "purchas" in table
    script = "from assistant.glossary import everyday; print(list(everyday()))"
    orders = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                             env={"PYTHONHASHSEED": str(seed)}).stdout for seed in range(1, 6)}
    assert len(orders) == 1  # the same order whatever the hash seed, so the query text is too


def test_no_formal_word_is_listed_twice_so_none_silently_replaces_another() -> None:
    """A second "inventories": (…) entry in the literal would drop the first one's everyday words without a sound."""
    import ast
    import inspect

    import assistant.glossary as module

    tree = ast.parse(inspect.getsource(module))
    literal = next(node.value for node in ast.walk(tree) if isinstance(node, ast.AnnAssign)
                   and getattr(node.target, "id", "") == "EVERYDAY")
    keys = [key.value for key in literal.keys if isinstance(key, ast.Constant)]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert {"map", "track"} <= set().union(*(forms for formal, forms in module.EVERYDAY.items() if formal == "inventories"))


def test_an_everyday_phrase_wins_over_the_words_in_it() -> None:
    glossary = merged({})
    people = expand("What should ordinary people do to stay safe online?", glossary)
    assert "consumers" in people and "normal" not in people and "standard" not in people
    assert "normal" in expand("What can admin accounts do that ordinary accounts cannot?", glossary)


def test_a_two_word_phrase_may_have_one_word_inside_it() -> None:
    glossary = merged({})
    assert "recorded" in expand("Should we write it down?", glossary)
    assert "forward" in expand("May a Party pass it on?", glossary)
    assert "start-ups" in expand("Does the G7 help young security firms?", glossary)
    assert "recorded" not in expand("Write the annual report down the line", glossary)  # two words between


CORPUS = [
    "If these accounts are compromised, an attacker could corrupt information on a large scale",
    "educating people about avoiding common passwords, such as a pet's name",
    "end user devices such as desktop computers, whether physical or virtual",
    "A Party shall withdraw such reservation as soon as circumstances so permit",
    "Any Party may, at any time, denounce this Convention",
    "Spontaneous information: a Party may forward information without prior request",
    "user-owned devices which access organisational data are in scope",
    "Potential impacts and likelihoods of threats are identified and recorded",
    "runtime environments are monitored to find potentially adverse events",
    "support innovative SMEs and high-tech start-ups in their early development phases",
    "Promote information sharing through the collaboration of critical information infrastructure operators",
    "view cybersecurity differently than the traditional disarmament focus",
    "Takeaways of the board briefing",
    "A Party may, without the authorisation of another Party, access publicly available data",
    "locking accounts after no more than 10 unsuccessful attempts",
]


def test_everyday_words_for_accounts_passwords_machines_and_reservations_reach_the_texts() -> None:
    analyzer = Analyzer.of_texts(CORPUS, {})
    cases = {
        "What could an attacker do with a hijacked admin account?": ("hijack", "compromised"),
        "Is my dog's name a good password?": ("dog", "pet"),
        "Do virtual machines count as devices?": ("machin", "computers"),
        "When should a Party drop a reservation?": ("drop", "withdraw"),
        "Can a Party pass on information unprompted?": ("unprompt", "spontaneous"),
        "Is a personal phone in scope?": ("phone", "user-owned"),
        "What did the ICC briefing conclude?": ("conclud", "takeaways"),
        "Can a Party access data abroad without asking?": ("ask", "authorisation"),
        "Can a country leave the Convention?": ("leav", "denounce"),  # a treaty's word for leaving it
        "Is hacking a crime under the Budapest Convention?": ("hack", "illegal access"),  # its Article 2
        "How many failed login attempts are allowed?": ("fail", "unsuccessful"),  # Cyber Essentials' word
        "When does an account lockout happen?": ("lockout", "locking"),
    }
    for question, (term, formal) in cases.items():
        analyzed = analyzer.analyze(question)
        assert frozenset(tokenize(formal)) in analyzed.alternatives[term], question
        assert term not in analyzed.unknown, question
    # "look at", "look into": what the texts call assessing (these two texts never do)
    looked = analyzer.analyze("Should a firm look into the risks its suppliers pose?")
    assert frozenset(tokenize("assessed")) in looked.alternatives["look"]


def test_everyday_words_for_risk_monitoring_infrastructure_and_diplomacy_reach_the_texts() -> None:
    analyzer = Analyzer.of_texts(CORPUS, {})
    cases = {
        "Should we write down how likely threats are?": [("write", "recorded"), ("like", "likelihoods")],
        "Should runtime environments be watched for anything suspicious?": [("watch", "monitored"), ("suspici", "adverse")],
        "Should the G7 help young firms?": [("young", "start-ups")],
        "Should operators of vital infrastructure pool what they know?": [("vital", "critical"), ("pool", "sharing")],
        "Is cybersecurity an arms-control issue?": [("arm", "disarmament"), ("control", "disarmament")],
        "Should cyber risk feed into enterprise risk management?": [("feed", "integrated"), ("feed", "included")],
        "Will the G7 look at ways to judge the measures?": [("look", "explore"), ("judg", "evaluating")],
        "Does the Convention override other obligations?": [("overrid", "affect")],
        "Is possessing child abuse material an offence?": [("abus", "child pornography")],
        "Can police search a USB stick?": [("stick", "storage medium")],
        "Are an administrator's own devices in scope?": [("devic", "BYOD")],
        "Does the Paris Call stop companies striking back at attackers?": [("strike", "hacking-back")],
        "Does it cover economic espionage?": [("espionag", "theft")],
        "Does it back help for victims in wartime?": [("wartim", "armed conflict")],
        "Are poorer countries mentioned?": [("poorer", "developing countries")],
        "What about connected devices?": [("connect", "IoT")],
        "Is the UN planning a website?": [("websit", "portal")],
        "What if an entity falls short of the measures?": [("short", "comply")],
        "Can a Party refuse to extradite its own citizen?": [("citizen", "nationality")],
        "Should businesses cooperate with governments?": [("busi", "private sector"), ("cooper", "collaboration")],
        "How does a firm get back on its feet after a disaster?": [("feet", "recovery")],
        "Why should countries work together?": [("work", "collaboration")],
        "How do we make sure crime doesn't pay?": [("sure", "ensure")],
        "Should universities be involved?": [("universiti", "academia")],
        "Who runs critical infrastructure?": [("run", "handled")],
        "Should consumers pick their own trust services?": [("pick", "choice")],
        "Which action brings in academia?": [("bring", "involving")],
        "How should threat information flow?": [("flow", "exchanging")],
        "When did the briefing take place?": [("take", "convened"), ("place", "convened")],
        "Is the Paris Call against meddling in elections?": [("meddl", "interference"), ("elect", "electoral")],
        "What takes over from the working group?": [("take", "transition")],
        "Remove software that isn't needed?": [("need", "unnecessary")],
        "What risk worried the drafters?": [("worri", "concerned")],
        "When will the supporters meet again?": [("meet", "reconvene")],
        "When will the Assembly take up the item?": [("take", "agenda")],
        "Can any State join the Convention?": [("join", "accede")],
    }
    for question, expected in cases.items():
        analyzed = analyzer.analyze(question)
        for term, formal in expected:
            assert frozenset(tokenize(formal)) in analyzed.alternatives[term], (question, term)


def test_no_formal_word_is_listed_twice_in_the_everyday_table() -> None:
    # a dict literal keeps only the last of two equal keys: the first entry's forms would vanish silently
    for module in (glossary, jargon):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
                assert len(keys) == len(set(keys)), sorted(k for k in set(keys) if keys.count(k) > 1)


def test_practitioners_shorthand_is_looked_up_and_never_added_to_a_spelled_out_question() -> None:
    table = merged({})
    assert "MFA" in expand("Do we need 2FA on our cloud accounts?", table)
    assert {"business continuity", "disaster recovery"} <= set(expand("Does NIS 2 cover BCP and DR?", table))
    assert "point of contact" in expand("Does every Party need a 24/7 POC?", table)
    # the texts never write "MLA": a question that spells it out keeps its own words (and the texts' MLAT)
    spelled = expand("Is there a mutual legal assistance treaty between them?", table)
    assert "MLAT" in spelled and "MLA" not in spelled
    assert "AV" not in expand("How often must anti-malware software be updated?", table)
    # an abbreviation that is also a word is read only in capitals
    assert "advanced persistent threat" in expand("Which APT groups does it name?", table)
    assert "advanced persistent threat" not in expand("Is it apt to call this a treaty?", table)


JARGON_CORPUS = [
    "the interception without right of non-public transmissions of computer data",
    "Vulnerabilities in assets are identified, validated, and recorded",
    "prevent access to the administrative interface from the internet",
    "ICC convened 30 Chairs, board members, and C-suite executives",
    "the serious hindering without right of the functioning of a computer system",
    "information sharing by governments of zero day exploits",
    "cooperation involving industry associations",
    "security in network and information systems acquisition, development and maintenance",
    "Article 2 – Illegal access: the access to the whole or any part of a computer system without right",
    "Article 13 – Sanctions and measures: punishable by effective, proportionate and dissuasive sanctions",
    "We recognize the responsibilities of key private sector actors",
    "Prevent ICT-enabled theft of intellectual property",
    "ensure appropriate device locking controls for users that are physically present",
    "Instruments of ratification shall be deposited with the Secretary General",
]


def test_jargon_reaches_the_texts_formal_words() -> None:
    analyzer = Analyzer.of_texts(JARGON_CORPUS, {})
    cases = {
        "Is packet sniffing an offence?": [("packet", "transmissions"), ("snif", "interception")],
        "Where does the CSF deal with vuln scanning?": [("vuln", "vulnerabilities"), ("scan", "identified")],
        "Can the admin console be reachable from the internet?": [("consol", "interface")],
        "Which execs attended?": [("exec", "executives")],
        "Are DDoS attacks a crime?": [("ddos", "hindering")],
        "What should governments do with 0-days?": [("0", "zero day")],
        "Do they want insurers at the table?": [("tabl", "involving")],
        "Is a secure SDLC among the measures?": [("sdlc", "development and maintenance")],
        "Which article covers hacking?": [("hack", "illegal access")],
        "Is unauthorized interception an offence?": [("unauthor", "without right")],
        "What is the penalty for illegal access?": [("penalti", "sanctions")],  # Article 13
        "What is the role of industry?": [("industri", "private sector")],  # the Paris Call's "private sector actors"
        "Does it cover IP theft?": [("ip", "intellectual property")],
        "Do we need to lock screens?": [("screen", "device locking")],  # Cyber Essentials' "device locking controls"
        "Who is the depositary?": [("depositari", "deposited")],
    }
    for question, expected in cases.items():
        analyzed = analyzer.analyze(question)
        for term, formal in expected:
            assert frozenset(tokenize(formal)) in analyzed.alternatives[term], (question, term)
            assert term not in analyzed.unknown, (question, term)
