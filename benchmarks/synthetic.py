"""Generate realistic synthetic corpora from the real texts: numbered provisions under headings.

Each document is Markdown with front matter, sections ("## Article 12 – Information sharing" or
"## OBJECTIVE 3 - ...") that open with a list intro and hold numbered provisions; each provision
stitches two or three clauses taken from the real corpus, with actors and years swapped so that no
synthetic provision repeats a real one. Output is deterministic for a seed.

Run: .venv/bin/python benchmarks/synthetic.py OUT_DIR --provisions 10000 [--per-doc 250] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant import Settings  # noqa: E402
from assistant.ingest.chunk import fit_spans, sentence_spans  # noqa: E402
from assistant.ingest.pipeline import parse_file  # noqa: E402

ORGS = ["G20 Digital Ministers", "OSCE participating States", "ASEAN Member States", "African Union Commission",
        "APEC Economies", "Commonwealth Secretariat", "OECD Council", "Nordic Council", "Mercosur States",
        "Pacific Islands Forum", "Arab League Council", "Council of the Americas"]
TOPICS = ["Information sharing", "Incident response", "Supply chain security", "Capacity building",
          "Critical infrastructure", "Awareness and training", "Cross-border cooperation", "Vulnerability disclosure",
          "Risk management", "Identity and access", "Data protection", "Cybercrime investigations",
          "Public-private partnership", "Standards and certification", "Resilience of essential services"]
SWAPS = {r"\bG7\b": "{org_short}", r"\bICC\b": "{org_short}", r"\bEach Party\b": "Each Member",
         r"\b(19|20)\d\d\b": "{year}"}


def clauses(files: list[Path]) -> list[str]:
    """Return the clauses of every real provision, 40 to 260 characters each."""
    out = []
    for path in files:
        for part in parse_file(path, Settings())[2]:
            text = part.text
            for start, end in fit_spans(text, sentence_spans(text), 260):
                clause = text[start:end].strip().rstrip(";,.:")
                if 40 <= len(clause) <= 260:
                    out.append(clause)
    return out


def provision(rng: random.Random, pool: list[str], org: str, year: int) -> str:
    """Stitch two or three clauses into a provision, with the document's actor and years."""
    parts = rng.sample(pool, rng.choice((2, 2, 3)))  # never a single real clause: a distractor, not a copy
    text = "; ".join(p[0].lower() + p[1:] if i else p for i, p in enumerate(parts))
    for pattern, replacement in SWAPS.items():
        text = re.sub(pattern, replacement.format(org_short=org.split()[0], year=rng.randint(2003, 2024)), text)
    return text + rng.choice((";", ".", ";"))


def document(rng: random.Random, pool: list[str], number: int, size: int) -> str:
    """Return one synthetic document of about size provisions."""
    org, year = rng.choice(ORGS), rng.randint(2005, 2025)
    title = f"{org.split()[0]} Framework on {rng.choice(TOPICS)} No. {number}"
    lines = ["---", f'title: "{title}"', f'issuer: "{org}"', f'date: "{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"',
             'note: "Synthetic benchmark document built from sentences of the real corpus."', "---", "", f"# {title}", ""]
    made, section = 0, 0
    legal = rng.random() < 0.5
    while made < size:
        section += 1
        topic = rng.choice(TOPICS)
        heading = f"## Article {section} – {topic}" if legal else f"## OBJECTIVE {section} - {topic.upper()}"
        items = min(size - made - 1, rng.randint(5, 15)) if size - made > 1 else 0
        intro = "Each Member shall:" if legal else f"To this end, the {org} intend to:"
        lines += [heading, "", intro, ""]
        lines += [f"{n}. {provision(rng, pool, org, year)}" for n in range(1, items + 1)] + [""]
        made += items + 1
    return "\n".join(lines)


def generate(out: Path, provisions: int, per_doc: int = 250, seed: int = 7, related: Path | None = None) -> list[Path]:
    """Write synthetic documents holding about `provisions` provisions; return their paths."""
    sources = sorted((ROOT / "corpus").glob("*.txt"))
    if related and related.is_dir():
        sources += sorted(p for p in related.glob("*.md") if p.name != "SOURCES.md")
    pool = clauses(sources)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    remaining, number = provisions, 0
    while remaining > 0:
        number += 1
        size = min(per_doc, remaining)
        path = out / f"synthetic-{seed}-{number:04d}.md"
        path.write_text(document(rng, pool, number, size), encoding="utf-8")
        paths.append(path)
        remaining -= size
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--provisions", type=int, default=1000)
    parser.add_argument("--per-doc", type=int, default=250)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--related", type=Path, default=ROOT.parent / "shared" / "corpus-related")
    args = parser.parse_args()
    paths = generate(args.out, args.provisions, args.per_doc, args.seed, args.related)
    print(f"wrote {len(paths)} documents to {args.out}")


if __name__ == "__main__":
    main()
