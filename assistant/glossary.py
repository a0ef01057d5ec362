"""Acronyms and their expansions, learned from the corpus's own definitions ("CSIRTs (computer security …)"),
and everyday words for the formal ones the texts use.

Definitions are found both ways round, "long form (ACRONYM)" and "ACRONYM (long form)", and
accepted only when the acronym's letters can be matched, in order, to the long form's words (the
Schwartz–Hearst rule), so that "(see below)" or "(GV.OC)" never become expansions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from assistant import jargon

# A few expansions common in cyber-policy questions that texts use without defining them.
SEED: dict[str, set[str]] = {
    "sme": {"small and medium-sized enterprises", "small businesses"},
    "mfa": {"multi-factor authentication"},
    "2fa": {"two-factor authentication", "multi-factor authentication"},
    "ict": {"information and communications technologies"},
    "iot": {"internet of things"},
    "un": {"united nations"},
    "eu": {"european union"},
    "csirt": {"computer security incident response team"},
    "cert": {"computer emergency response team"},
    "ddos": {"distributed denial of service"},
    "vpn": {"virtual private network"},
    "byod": {"bring your own device"},
    "oewg": {"open-ended working group"},
    "gge": {"group of governmental experts"},
    "mlat": {"mutual legal assistance treaty"},
    "24/7": {"twenty-four hour, seven-day-a-week", "round-the-clock"},
    "sms": {"text message", "short message service"},
    "pin": {"personal identification number"},
    "otp": {"one-time password", "one-time code"},
    "isp": {"internet service provider"},
    "dns": {"domain name system"},
    "ai": {"artificial intelligence"},
    "ot": {"operational technology"},
    "soc": {"security operations centre", "security operations center"},
    "pki": {"public key infrastructure"},
    "hr": {"human resources"},
}

# Everyday words for the formal ones policy texts use ("selling hacking tools" is the "sale" of a device,
# a "fine" a "monetary sanction"), each everyday form listed as a user types it: the stemmer joins
# inflections ("sells"), not different words ("sold", "sale"). Forms shared by two formal words:
_QUICKLY = ("quick", "quickly", "fast", "swift", "swiftly", "speedy")
_LANGUAGE = ("language", "languages")
_PERSONAL = ("personal phone", "personal phones", "personal device", "personal devices", "personal laptop",
             "personal laptops")
_FEED = ("feed into", "feeds into", "fed into", "feeding into")
EVERYDAY: dict[str, tuple[str, ...]] = {
    "sale": ("sell", "sells", "selling", "sold"),
    "theft": ("steal", "steals", "stealing", "stole", "stolen", "espionage", "spying"),  # economic espionage
    "acquisition": ("buy", "buys", "buying", "bought", "purchase", "purchasing"),
    "procurement": ("buy", "buying", "bought", "purchase", "purchasing"),
    "monetary sanctions": ("fine", "fines", "fined"),
    "penalty": ("fine", "fines", "fined"),
    "deprivation of liberty": ("prison", "jail", "imprisonment", "imprisoned", "prison sentence", "prison sentences",
                               "jail time", "custodial sentence", "custodial sentences"),
    "global": ("worldwide", "world-wide"),
    "log on": ("login", "logon", "log-in", "sign-in", "signin"),
    "password": ("passphrase", "passphrases", "passcode", "passcodes"),
    "anti-malware": ("antivirus", "anti-virus"),
    "security update": ("patch", "patches", "patching", "hotfix"),
    "penetration test": ("pentest", "pentests", "pentesting", "pen test"),
    "interception": ("wiretap", "wiretapping", "eavesdropping"),
    "assessed": ("vet", "vets", "vetted", "vetting", "check", "checks", "checked", "checking", "look at", "looks at",
                 "looking at", "look into", "looks into", "looking into"),
    "verified": ("check", "checks", "checked", "checking"),
    "authenticity": ("genuine", "counterfeit"),
    "reserve": ("opt out", "opt-out", "opting out", "opted out"),
    "signature": ("sign", "signs", "signing"),
    # "Can a state leave the Convention?": a treaty's word for leaving it is "denounce" (its Article 47); "withdraw"
    # is its word for reservations, so "withdraw from the Convention" is read in framing.py
    "denounce": ("leave", "leaving", "pull out", "pulls out", "pulling out", "pulled out", "exit", "exits", "exiting",
                 "quit", "quits", "quitting"),
    "applications": ("app", "apps"),
    "forensics": ("evidence",),
    "minor": ("kid", "kids", "underage"),
    "appearing": ("looks like", "look like", "looking like"),  # "someone who only looks like a minor"
    "depicts": ("showing", "shows"),
    "senior management": ("boss", "bosses", "senior leaders", "senior leader"),
    "leadership": ("senior leaders", "senior leader", "top management"),
    "administrative": ("admin",),
    "administrator": ("admin", "admins", "sysadmin", "sysadmins"),
    "personnel": ("staff", "workforce"),
    "human resources": ("staff", "workforce", "employees"),
    "users": ("staff",),  # Cyber Essentials speaks of "users", NIST of "personnel"
    "updated": ("reform", "reformed", "reforming", "modernise", "modernised", "modernize", "modernized"),
    "prevent": ("stop", "stops", "stopping", "stopped"),
    "request": ("ask", "asks", "asked", "asking"),
    "unsuccessful": ("failed", "failing"),  # "failed login attempts": Cyber Essentials' "unsuccessful attempts"
    "locking": ("lockout", "lockouts", "lock out", "locked out", "lock-out"),
    "disclosure": ("share", "shares", "shared", "sharing"),
    "convened": ("take part", "takes part", "taking part", "participate", "participated", "participants", "meet", "met",
                 "take place", "took place", "takes place"),
    "aware": ("learn", "learns", "learned", "learnt", "learning", "find out", "found out"),
    "loaned": ("lend", "lends", "lending", "lent", "loan", "borrow", "borrowed"),
    "established": ("set up", "sets up", "setting up"),
    "consumers": ("ordinary people", "members of the public", "general public"),
    "value chain": ("supply chain", "supply chains"),
    "inventories": ("map", "maps", "mapped", "mapping", "track", "tracks", "tracking"),  # "keep track of" it
    "reconvening": ("meet again", "meets again", "meeting again", "met again", "next meeting"),
    "unsupported": ("no longer supported", "out of support", "end of life", "end-of-life"),
    "representations": ("map", "maps", "mapped", "mapping", "diagram", "diagrams"),
    # "small businesses" is a seed long form of "SME" already; "a small business" is not
    "SMEs": ("small firm", "small firms", "small business", "small company", "small companies", "smaller companies",
             "small enterprises"),
    "transparency": ("disclose",),
    "authorisation": ("permission", "without asking", "without permission"),  # "access data abroad without asking"
    "takeaways": ("conclude", "concluded", "conclusion", "conclusions", "key points", "main points", "lessons"),
    "notified": ("told",),  # "tell" frames questions ("tell me about …"); "told" names the act
    "unnecessary": ("unused", "don't use", "do not use", "don't need", "do not need", "not needed", "isn't needed",
                    "aren't needed", "unneeded", "not necessary"),
    "awareness": ("raise awareness", "raising awareness"),
    "effective": ("actually work", "actually works", "really work", "really works", "work in practice"),
    # "on"/"off" are stop words: "switch" alone stands for both phrases
    "enabled": ("switch on", "switched on", "switching on", "turn on", "turned on", "turning on"),
    "disable": ("switch off", "switched off", "switching off", "turn off", "turned off", "turning off"),
    "aiding or abetting": ("help", "helps", "helping", "helped", "accomplice", "accomplices"),
    "outside": ("abroad", "overseas"),  # "offences committed abroad": "outside the territorial jurisdiction"
    "specify": ("include", "includes", "included", "contain", "contains"),  # what a request "shall specify"
    "expedited": _QUICKLY,
    "expeditious": _QUICKLY,
    "responded": ("answer", "answers", "answered", "reply", "replies", "replied"),
    "natural persons": ("individual", "individuals"),
    "criminal liability": ("prosecute", "prosecuted", "prosecuting"),
    "illegal access": ("hacking", "hack into", "hacks into", "hacked into", "break into", "breaking into"),  # Article 2
    "expenses": ("cost", "costs", "pay", "pays", "paid", "paying"),
    "knowledge": ("know", "knows", "knew", "known"),
    "functioning": ("works", "work", "operates"),
    "prioritizing": ("rank", "ranks", "ranked", "ranking"),
    "enforcing": ("force", "forces", "forced", "forcing"),
    "external": ("outside",),  # "an outside company": "externally managed services"
    "internal": ("inside", "insider", "insiders"),
    "met": ("meet", "meets"),  # "controls are being met"
    "English": _LANGUAGE,  # "in which languages": the texts name them
    "French": _LANGUAGE,
    "chaired": ("led", "headed", "presided"),  # "who led the briefing"
    "weak": ("poor", "poorly", "inadequate", "insufficient"),
    "normal": ("ordinary",),  # "normal user accounts"
    "standard": ("ordinary",),  # "a standard user account"
    "priority": ("push for", "pushes for", "pushing for", "pushed for"),
    "private sector": ("business community", "business", "businesses"),
    "collaboration": ("cooperation", "co-operation", "cooperate", "co-operate", "work together", "working together",
                      "works together", "worked together"),
    "ensure": ("make sure", "makes sure", "making sure", "made sure"),
    "academia": ("university", "universities", "academic", "academics"),
    "handled": ("run", "runs", "running"),
    "choice": ("pick", "picks", "picked", "picking", "choose", "chooses", "chose", "chosen"),  # "of their choice"
    "involving": ("bring in", "brings in", "bringing in", "brought in", "at the table"),  # "insurers at the table"
    "exchanging": ("flow", "flows", "flowing"),  # information "flows" through the channels for exchanging it
    "magnitude": ("how big",),  # "estimate how big an incident is"
    "correlated": ("combine", "combines", "combining", "cross-reference", "cross-referencing"),
    "detect": ("spot", "spots", "spotting", "spotted"),
    "biometric": ("fingerprint", "fingerprints", "face recognition", "facial recognition"),
    "compromised": ("hijack", "hijacks", "hijacked", "hijacking", "hacked", "taken over"),  # an account "taken over"
    "pet": ("dog", "dogs", "cat", "cats"),  # "a pet's name" as a password
    "computers": ("machine", "machines"),  # "virtual machines"
    "withdraw": ("drop", "drops", "dropped", "dropping", "retract", "retracts", "retracted"),  # a reservation
    "spontaneous": ("unprompted", "unasked", "unsolicited", "of its own accord"),  # information sent unasked
    "forward": ("pass on", "passes on", "passed on", "passing on"),
    "recorded": ("write down", "writes down", "written down", "writing down", "note down", "noted down"),
    "likelihoods": ("likely", "how likely"),
    "monitored": ("watch", "watches", "watched", "watching", "keep an eye on"),
    "adverse": ("suspicious", "unusual"),  # "potentially adverse events"
    "start-ups": ("startup", "startups", "young firm", "young firms", "young company", "young companies"),
    "critical": ("vital",),  # "vital infrastructure"
    "sharing": ("pool", "pools", "pooled", "pooling"),  # "pool what they know"
    "disarmament": ("arms control", "arms-control"),
    "integrated": _FEED,  # risk "integrated into" or "included in" enterprise risk management
    "included": _FEED,
    "explore": ("look at", "looks at", "looking at", "look into", "looks into", "looking into"),
    "evaluating": ("judge", "judges", "judged", "judging"),
    "affect": ("override", "overrides", "overridden", "overriding", "supersede", "supersedes"),
    "child pornography": ("child abuse material", "child sexual abuse material", "csam"),
    "storage medium": ("usb stick", "usb sticks", "memory stick", "memory sticks", "thumb drive", "thumb drives",
                       "flash drive", "flash drives"),
    "user-owned": _PERSONAL,
    "BYOD": (*_PERSONAL, "own device", "own devices", "own laptop", "own laptops", "own phone", "own phones"),
    "hacking-back": ("hack back", "hacks back", "strike back", "strikes back", "striking back", "hit back",
                     "hits back", "hitting back", "retaliate", "retaliates", "retaliating", "retaliation"),
    "armed conflict": ("war", "wars", "wartime", "warfare"),
    "developing countries": ("poor countries", "poorer countries", "poorest countries", "low-income countries",
                             "global south"),
    "IoT": ("connected device", "connected devices", "smart device", "smart devices"),
    "portal": ("website", "websites", "web site", "web portal"),
    "comply": ("fall short", "falls short", "fell short", "falling short"),  # "does not comply with the measures"
    "recovery": ("back on its feet", "back on your feet", "back on their feet", "back on our feet", "bounce back",
                 "bounces back", "bouncing back"),
    "nationality": ("citizen", "citizenship"),  # "refused solely on the basis of the nationality of the person"
    "interference": ("meddling", "meddle", "meddles", "meddled"),
    "electoral": ("election", "elections", "vote", "votes", "voting"),  # "electoral processes"
    "transition": ("take over", "takes over", "took over", "taking over", "successor"),  # "transition … to the Global Mechanism"
    "concerned": ("worry", "worries", "worried", "worrying"),  # a preamble is "Concerned by the risk …"
    "accede": ("join", "joins", "joined", "joining"),  # a State accedes to a convention
    "reconvene": ("meet again", "meets again", "met again", "meeting again"),  # the Paris Call's follow-up
    # an assembly takes up an item on its agenda; few forms, since a question on an agenda is embedded with them all
    "agenda": ("take up", "taken up"),
}

_QUOTES = "\"“”‘’'"
_ACRONYM = r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*s?"
_LONG_THEN_SHORT = re.compile(
    r"((?:[A-Za-z][\w'’-]*\s+){1,9}[A-Za-z][\w'’-]*)\s*\(\s*[" + _QUOTES + r"]?(" + _ACRONYM + r")[" + _QUOTES + r"]?\s*\)"
)
_SHORT_THEN_LONG = re.compile(r"\b(" + _ACRONYM + r")\s*\(([A-Za-z][^()]{3,80})\)")


def normalize(acronym: str) -> str:
    """Return the lookup key of an acronym: lower case, plural 's' dropped."""
    key = acronym.strip(_QUOTES).lower()
    return key[:-1] if len(key) > 2 and key.endswith("s") and acronym[-1] == "s" else key


def _matches(acronym: str, long_form: str) -> str | None:
    """Return the shortest tail of long_form whose words spell the acronym (Schwartz–Hearst), if any."""
    letters = [c.lower() for c in normalize(acronym) if c.isalnum()]
    words = long_form.split()
    if len(letters) < 2:
        return None
    for start in range(len(words) - 1, -1, -1):
        candidate = words[start:]
        if candidate[0][0].lower() != letters[0] or len(candidate) > len(letters) + 3:
            continue
        text = " ".join(candidate).lower()
        position = 0
        for letter in letters:
            position = text.find(letter, position)
            if position < 0:
                break
            position += 1
        else:
            return " ".join(candidate).strip(_QUOTES + " ,;:")
    return None


def learn(texts: Iterable[str]) -> dict[str, set[str]]:
    """Return {acronym key: long forms} defined in the texts."""
    found: dict[str, set[str]] = {}
    for text in texts:
        for long_form, acronym in _LONG_THEN_SHORT.findall(text):
            if (tail := _matches(acronym, long_form)) and len(tail.split()) >= 2:
                found.setdefault(normalize(acronym), set()).add(tail.lower())
        for acronym, long_form in _SHORT_THEN_LONG.findall(text):
            words = long_form.split()
            if len(words) >= 2 and _matches(acronym, long_form) == long_form.strip(_QUOTES + " ,;:"):
                found.setdefault(normalize(acronym), set()).add(long_form.lower().strip())
    return found


def everyday(table: dict[str, tuple[str, ...]] = EVERYDAY) -> dict[str, set[str]]:
    """Return {everyday word, and its stem: formal forms} from EVERYDAY (or another table like it)."""
    from assistant.sparse import tokenize

    out: dict[str, set[str]] = {}
    for formal, forms in table.items():
        for form in forms:
            stems = tokenize(form)
            for key in dict.fromkeys([form, *(stems if len(stems) == 1 else [])]):  # a fixed order, every run
                out.setdefault(key, set()).add(formal)
    return out


@lru_cache(maxsize=1)
def looked_up() -> frozenset[tuple[str, str]]:
    """Return the (key, form) pairs of jargon.py: looked up from a question's shorthand, never searched for."""
    tables = (jargon.SHORTHAND, everyday(jargon.JARGON))
    return frozenset((key, form) for table in tables for key, forms in table.items() for form in forms)


def acronyms(learned: dict[str, set[str]]) -> dict[str, set[str]]:
    """Return the long forms of acronyms: the seed entries and those learned from the corpus, no everyday words."""
    out = {k: set(v) for k, v in SEED.items()}
    for key, forms in learned.items():
        out.setdefault(key, set()).update(forms)
    return out


def merged(learned: dict[str, set[str]]) -> dict[str, set[str]]:
    """Return the learned glossary with the seed entries and everyday words added.

    The entries keep this order (seed, everyday, learned): expansions are read in it, and the query text they join
    is what the dense search embeds.
    """
    out = {k: set(v) for k, v in SEED.items()}
    for table in (everyday(), jargon.SHORTHAND, everyday(jargon.JARGON), learned):
        for key, forms in table.items():
            out.setdefault(key, set()).update(forms)
    return out


def expand(query: str, glossary: dict[str, set[str]]) -> list[str]:
    """Return the expansions a query calls for: long forms of its acronyms, acronyms of its long forms."""
    extra: list[str] = []
    lowered = query.lower()
    phrases = shorthands(lowered, glossary)
    in_phrase = phrase_words(phrases)
    for token in re.findall(r"[A-Za-z0-9]+", query):
        key = normalize(token) if token.isupper() or len(token) > 2 else ""
        if key in glossary and (token.isupper() or token.lower() not in _COMMON_WORDS) and token.lower() not in in_phrase:
            extra.extend(sorted(glossary[key]))
    for key in phrases:
        extra.extend(sorted(glossary[key]))
    shorthand = looked_up()
    for key, forms in glossary.items():
        if any(form in lowered and (key, form) not in shorthand for form in forms):
            extra.append(key.upper())
    return [e for e in dict.fromkeys(extra) if e.lower() not in lowered]


def spelled_out_beside(text: str, glossary: dict[str, set[str]]) -> set[str]:
    """Return the terms next to an acronym that are words of its long form ("platform" in "a PaaS platform")."""
    from assistant.sparse import tokenize

    found: set[str] = set()
    for m in _ACRONYM_WORD.finditer(text):
        own = set(tokenize(m.group(0)))
        long_form = {t for form in glossary.get(normalize(m.group(0)), ()) for t in tokenize(form)} - own
        beside = tokenize(" ".join(text[:m.start()].split()[-1:] + text[m.end():].split()[:1]))
        found |= {t for t in beside if t in long_form}
    return found


def phrase_words(phrases: Iterable[str]) -> set[str]:
    """Return the words of the multi-word keys among phrases: the longest match wins over its words alone.

    "ordinary people" are consumers, not "normal" or "standard" people.
    """
    return {w for key in phrases if " " in key for w in key.split()}


def shorthands(lowered: str, glossary: dict[str, set[str]]) -> list[str]:
    """Return the glossary keys in a lower-cased text that are no single token ("24/7").

    A two-word phrase may have one word inside it: "write it down", "young security firms".
    """
    return [k for k in glossary if not k.isalnum() and ((k in lowered and _bounded(k).search(lowered)) or _split(k).search(lowered))]


@lru_cache(maxsize=4096)
def _bounded(form: str) -> re.Pattern[str]:
    """Return the pattern of a form as a whole word or phrase: "0-day" is not in "a 90-day limit"."""
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w])")


@lru_cache(maxsize=4096)
def _split(key: str) -> re.Pattern[str]:
    """Return the pattern of a two-word key with one word between its words ("pass it on"); others never match."""
    parts = key.split()
    if len(parts) != 2 or not all(p.isalpha() for p in parts):
        return re.compile(r"(?!)")
    return re.compile(rf"\b{re.escape(parts[0])}\s+[a-z'’]+\s+{re.escape(parts[1])}")


_ACRONYM_WORD = re.compile(r"\b[a-z]*[A-Z][a-z]*[A-Z][A-Za-z]*\b")  # "PaaS", "MFA", "CSIRTs"
_COMMON_WORDS = {"it", "us", "use", "act", "art", "may", "can", "all", "are", "not", "its", "one", "who", "sme",
                 *jargon.LOWER_CASE_WORDS}
