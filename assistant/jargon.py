"""Practitioners' shorthand the texts never write: "2FA", "BCP/DR", "default creds", "vuln scanning".

Each entry is looked up when a question uses the shorthand, and never the other way round: a question that
spells a thing out ("mutual legal assistance") gains nothing from an abbreviation no text uses ("MLA"),
and its embedding would only drift. The long forms are in the texts' own words where they have them.
"""

from __future__ import annotations

import re

# abbreviation → long forms (lower case; an acronym the texts write, such as "MFA", in their case)
SHORTHAND: dict[str, set[str]] = {
    "2fa": {"MFA"},
    "2sv": {"two-step verification", "multi-factor authentication", "MFA"},
    "cert": {"computer security incident response team", "CSIRTs"},
    "av": {"antivirus", "anti-malware"},
    "edr": {"endpoint detection and response"},
    "bcp": {"business continuity plan", "business continuity"},
    "dr": {"disaster recovery"},
    "ir": {"incident response"},
    "tprm": {"third-party risk management", "supply chain risk management"},
    "sdlc": {"software development life cycle", "development life cycle", "development and maintenance"},
    "cti": {"cyber threat intelligence", "threat intelligence"},
    "rca": {"root cause analysis", "root cause"},
    "siem": {"security information and event management"},
    "rto": {"recovery time objective"},
    "rpo": {"recovery point objective"},
    "cvd": {"coordinated vulnerability disclosure"},
    "cve": {"common vulnerabilities and exposures"},
    "sbom": {"software bill of materials"},
    "ciso": {"chief information security officer"},
    "smb": {"small and medium-sized businesses", "small businesses", "SMEs"},
    "eol": {"end of life", "unsupported"},
    "dos": {"denial of service", "hindering"},
    "ddos": {"hindering"},  # "the serious hindering … of the functioning of a computer system"
    "pii": {"personally identifiable information", "personal data"},
    "iam": {"identity and access management"},
    "sso": {"single sign-on"},
    "dlp": {"data loss prevention"},
    "mdm": {"mobile device management"},
    "waf": {"web application firewall"},
    "msp": {"managed service provider"},
    "apt": {"advanced persistent threat"},
    "cbm": {"confidence-building measures"},
    "zta": {"zero trust architecture"},
    "poc": {"point of contact"},
    "mla": {"mutual legal assistance", "mutual assistance"},
    "crypto": {"cryptography", "cryptographic"},
    "ip": {"intellectual property"},  # "IP theft"; "IP address", "IP telephony" keep their own words
}

# the texts' formal word → the jargon for it, each form as a user types it (the stemmer joins inflections only)
JARGON: dict[str, tuple[str, ...]] = {
    # "What is the penalty for illegal access?": Article 13's "Sanctions and measures"; looked up only, so that a
    # question on sanctions does not draw every "penalty" of the extradition articles
    "sanctions": ("penalty", "penalties", "punishment", "punishments"),
    # "Does the Convention criminalise hacking?": its first offence, "Illegal access"; looked up only, so that a
    # follow-up to a question on illegal access is not read as one on hackers
    "illegal access": ("hacking", "hacker", "hackers", "hack into", "hacks into", "hacking into", "break into",
                       "breaks into", "breaking into", "broke into"),
    # the words of a claim to check ("the ICC wants MLATs scrapped", "SMEs left out", "50 CEOs attended"),
    # looked up only: a question using the texts' word ("updated", "included") gains nothing from them
    "updated": ("scrap", "scrapped", "scrapping", "abolish", "abolished", "abolishing"),
    "included": ("left out", "leave out", "leaves out", "leaving out", "shut out", "excluded"),
    "convened": ("attend", "attends", "attended", "attending"),
    "C-suite executives": ("ceo", "ceos", "chief executive", "chief executives", "top executives"),
    "twenty-four hour": ("around the clock", "round the clock", "day and night"),  # Article 35's "24/7 Network"
    "password": ("creds",),
    # "backing up data" is NIST's "Backups of data" and NIS 2's "backup management"; looked up only, so that a
    # question on backups does not draw every passage on backing up
    "backups": ("back up", "backs up", "backing up", "backed up"),
    # a firm's devices by their everyday names, as Cyber Essentials names what they run ("Windows or MacOS")
    "MacOS": ("mac", "macs", "macbook", "macbooks", "imac", "imacs"),
    "credentials": ("creds", "login details"),
    # the Budapest Convention's offences are committed "without right": "unauthorized interception" is Article 3's
    "without right": ("unauthorised", "unauthorized", "without authorisation", "without authorization"),
    "testing": ("pentest", "pentests", "pentesting", "pen test", "pen testing"),  # "authorised testing"
    "competent authorities": ("law enforcement", "lawful intercept", "lawful interception"),
    "interception": ("sniff", "sniffs", "sniffed", "sniffing", "sniffer", "sniffers"),
    "transmissions": ("packet", "packets"),  # "packet sniffing" intercepts "transmissions of computer data"
    "hindering": ("denial of service", "denial-of-service"),
    "executives": ("execs", "exec"),
    "vulnerabilities": ("vuln", "vulns"),
    "identified": ("scan", "scans", "scanned", "scanning"),  # "vulnerabilities … are identified"
    "interface": ("console", "consoles", "admin panel", "control panel"),
    "zero day": ("0-day", "0-days", "0day", "0days"),
    # "Who is the depositary?": the Budapest Convention's instruments "deposited with the Secretary General"
    "deposited": ("depositary", "depositaries", "depository"),
    # "Do we need to lock screens?": Cyber Essentials' "device locking controls"
    "device locking": ("lock screen", "lock screens", "screen lock", "screen locks", "screen locking", "lock the screen",
                       "lock their screens", "lock our screens", "screensaver", "screensavers"),
    # "What does the Paris Call say about the role of industry?": its "private sector actors"
    "private sector": ("industry",),
    "conclusion": ("expire", "expires", "expired", "expiry"),  # "after the conclusion of a … service agreement"
}

# standards and laws known by a code, not a name of capitalised words: a text that never writes one says
# nothing about it ("Does NIS 2 require a SOC 2 report?" is no question about security operations centres)
STANDARDS = re.compile(
    r"\b(?:SOC\s?[123]|ISO(?:/IEC)?\s?\d{4,5}|IEC\s?\d{4,5}|PCI[\s-]?DSS|HIPAA|SOX|FedRAMP|CMMC|GDPR"
    r"|(?:NIST\s)?SP\s?800-\d+[A-Z]?)\b"
)

# abbreviations that are also words ("apt to", "dos and don'ts", "iam" for "I am"): read only in capitals
LOWER_CASE_WORDS = frozenset({"apt", "dos", "iam"})
