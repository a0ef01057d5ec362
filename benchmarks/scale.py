"""Scale benchmark: synthetic corpora of 1k, 10k, 100k provisions, Policy Assistant beside naive llama-index.

For each size, in separate child processes (so peak RSS is per phase): ingest (provisions/s and the
ratio to the raw sentence-transformers encode time of the same texts, measured in the same process),
index size on disk, warm search and ask p50/p95 over the question sets, time from `serve` to the first
answered request; and the naive pipeline (SentenceSplitter 1024/200, same embedder, in-memory
VectorStoreIndex, top-5 dense) on the same files. Also `policy-assistant --help` time, and with
--distractors the question sets' quality with synthetic distractors ingested beside the real corpus.

Run: .venv/bin/python benchmarks/scale.py --sizes 1000 10000 [--results benchmarks/RESULTS.md]
     .venv/bin/python benchmarks/scale.py --sizes 100000 --encode-sample 5000   (about 1.5 h on 2 cores)
     .venv/bin/python benchmarks/scale.py --distractors 3000 --sizes
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RELATED = ROOT.parent / "shared" / "corpus-related"
SETS = [ROOT / "evals" / "shipped.yaml", ROOT / "evals" / "related.yaml"]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))], 1)


# children ---------------------------------------------------------------------------------


def child_ingest(corpus: str, index: str, sample: int) -> dict:
    """Ingest a corpus directory; time the raw encode of (a sample of) the same texts first."""
    from llama_index.core.schema import MetadataMode

    from assistant import Assistant, Settings
    from assistant.embeddings import load_embedder
    from assistant.ingest.pipeline import _document, _node, parse_file

    settings = Settings(corpus_dir=Path(corpus), index_dir=Path(index))
    embedder = load_embedder(settings.embedding)
    texts: list[str] = []
    provisions = 0
    for path in sorted(Path(corpus).glob("*.md")):
        meta, loaded, parts = parse_file(path, settings)
        document = _document(meta, path.name, loaded.sha256, "bench", parts)
        texts += [_node(p, document).get_content(metadata_mode=MetadataMode.EMBED) for p in parts]
        provisions += document.provision_count
    model = embedder._model
    model.encode(texts[:64], batch_size=settings.embedding.batch_size)
    chosen = texts if len(texts) <= sample else random.Random(0).sample(texts, sample)
    started = time.perf_counter()
    model.encode(chosen, batch_size=settings.embedding.batch_size, normalize_embeddings=True)
    raw = (time.perf_counter() - started) * len(texts) / len(chosen)
    assistant = Assistant.open(settings, embedder=embedder)
    started = time.perf_counter()
    report = assistant.ingest()
    seconds = time.perf_counter() - started
    assert report.ok, report.problems
    return {"provisions": provisions, "parts": len(texts), "ingest_s": round(seconds, 1),
            "provisions_per_s": round(provisions / seconds, 1), "raw_encode_s": round(raw, 1),
            "encode_sampled": len(chosen) < len(texts), "ratio": round(seconds / raw, 2), "rss_mb": round(peak_rss_mb())}


def child_query(corpus: str, index: str) -> dict:
    """Time warm search and ask over the question sets on an existing index."""
    from assistant import Assistant, Settings
    from assistant.config import ServerSettings
    from assistant.evals.cases import load

    cases = load(SETS)
    started = time.perf_counter()
    settings = Settings(corpus_dir=Path(corpus), index_dir=Path(index), server=ServerSettings(answer_cache=0))
    assistant = Assistant.open(settings)
    assistant.warm_up()
    opened = time.perf_counter() - started
    cache = assistant.retriever()._embeddings
    search, ask = [], []
    for case in cases:
        cache.clear()
        t = time.perf_counter()
        assistant.search(case.question, k=10)
        search.append((time.perf_counter() - t) * 1000)
        cache.clear()
        t = time.perf_counter()
        assistant.ask(case.question, history=case.history)
        ask.append((time.perf_counter() - t) * 1000)
    return {"open_s": round(opened, 1), "search_p50": pct(search, 50), "search_p95": pct(search, 95),
            "ask_p50": pct(ask, 50), "ask_p95": pct(ask, 95), "rss_mb": round(peak_rss_mb())}


def child_naive(corpus: str, sample: int) -> dict:
    """Build the naive llama-index pipeline on the same files and time its retrieval."""
    from llama_index.core import Document, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter

    from assistant import Settings
    from assistant.embeddings import load_embedder
    from assistant.evals.cases import load

    embedder = load_embedder(Settings().embedding)
    files = sorted(Path(corpus).glob("*.md"))
    documents = [Document(text=f.read_text(encoding="utf-8")) for f in files]
    splitter = SentenceSplitter(chunk_size=1024, chunk_overlap=200)
    nodes = splitter.get_nodes_from_documents(documents)
    texts = [n.get_content() for n in nodes]
    chosen = texts if len(texts) <= sample else random.Random(0).sample(texts, sample)
    embedder._model.encode(chosen[:32])
    t = time.perf_counter()
    embedder._model.encode(chosen, batch_size=16, normalize_embeddings=True)
    raw = (time.perf_counter() - t) * len(texts) / len(chosen)
    started = time.perf_counter()
    index = VectorStoreIndex.from_documents(documents, transformations=[splitter], embed_model=embedder)
    build = time.perf_counter() - started
    retriever = index.as_retriever(similarity_top_k=5)
    search = []
    for case in load(SETS):
        t = time.perf_counter()
        retriever.retrieve(case.question)
        search.append((time.perf_counter() - t) * 1000)
    return {"chunks": len(texts), "ingest_s": round(build, 1), "ratio": round(build / raw, 2),
            "search_p50": pct(search, 50), "search_p95": pct(search, 95), "rss_mb": round(peak_rss_mb())}


def child_quality(index: str, corpus: str) -> dict:
    """Run the question sets against an index (real corpus plus distractors)."""
    from assistant import Assistant, Settings
    from assistant.evals import cases, session

    assistant = Assistant.open(Settings(corpus_dir=Path(corpus), index_dir=Path(index)))
    assistant.warm_up()
    run = session.execute(assistant, cases.load(SETS), SETS, None)
    keep = ("hit@1", "hit@3", "cites_expected", "fact_recall", "abstention", "false_abstention", "latency_p95_ms")
    return {k: run.metrics[k] for k in keep}


CHILDREN = {"ingest": child_ingest, "query": child_query, "naive": child_naive, "quality": child_quality}


def run_child(mode: str, *args: object) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, *map(str, args)], capture_output=True, text=True,
                         env={**os.environ, "TOKENIZERS_PARALLELISM": "false"})
    if out.returncode != 0:
        raise RuntimeError(f"{mode} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# parent -----------------------------------------------------------------------------------


def serve_ready_s(corpus: Path, index: Path) -> float:
    """Seconds from starting `serve` to its first answered /api/ask."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "ASSISTANT_CORPUS_DIR": str(corpus), "ASSISTANT_INDEX_DIR": str(index), "GRADIO_ANALYTICS_ENABLED": "False"}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    body = json.dumps({"question": "What did the G7 commit to on CSIRT cooperation?"}).encode()
    try:
        while time.perf_counter() - started < 600:
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{port}/api/ask", data=body,
                                                 headers={"content-type": "application/json"})
                with urllib.request.urlopen(request, timeout=30) as reply:
                    if reply.status == 200:
                        return round(time.perf_counter() - started, 1)
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("serve never answered")
    finally:
        process.terminate()
        process.wait(timeout=20)


def help_s() -> float:
    script = Path(sys.executable).with_name("policy-assistant")
    times = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([str(script), "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return round(min(times), 2)


def disk_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1048576, 1)


def measure(size: int, work: Path, sample: int, naive: bool) -> dict:
    from benchmarks.synthetic import generate

    corpus = work / f"corpus-{size}"
    generate(corpus, size, related=RELATED)
    shutil.copy(ROOT / "corpus" / "g7-2017-actions-cybersecurity-for-businesses.txt", corpus)  # serve's probe question
    index = work / f"index-{size}"
    row = {"size": size, "ingest": run_child("ingest", corpus, index, sample)}
    row["disk_mb"] = disk_mb(index)
    row["query"] = run_child("query", corpus, index)
    row["serve_ready_s"] = serve_ready_s(corpus, index)
    if naive:
        row["naive"] = run_child("naive", corpus, sample)
    shutil.rmtree(index, ignore_errors=True)
    shutil.rmtree(corpus, ignore_errors=True)
    return row


def quality_with_distractors(count: int, work: Path) -> dict:
    from benchmarks.synthetic import generate

    corpus = work / "corpus-real"
    shutil.copytree(ROOT / "corpus", corpus)
    distractors = work / "distractors"
    generate(distractors, count, seed=11, related=RELATED)
    index = work / "index-quality"
    code = "\n".join([
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1])",
        "from assistant import Assistant, Settings",
        "a = Assistant.open(Settings(corpus_dir=Path(sys.argv[2]), index_dir=Path(sys.argv[3])))",
        "assert a.ingest().ok and a.ingest([Path(sys.argv[4]), Path(sys.argv[5])]).ok",
    ])
    subprocess.run([sys.executable, "-c", code, str(ROOT), str(corpus), str(index), str(RELATED), str(distractors)],
                   check=True, capture_output=True)
    result = run_child("quality", index, corpus)
    shutil.rmtree(work, ignore_errors=True)
    return result


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import torch

    return (f"{cpu}, {os.cpu_count()} CPU cores, {memory:.0f} GiB RAM, no GPU used; Python {platform.python_version()}, "
            f"torch {torch.__version__}, {platform.system()} {platform.release()}")


def table(rows: list[dict]) -> str:
    lines = ["| provisions | ingest prov/s | ingest / raw encode | search p50 / p95 ms | ask p50 / p95 ms | peak RSS ingest / query MB | index MB | serve ready s | naive build s (× encode) | naive search p50 / p95 ms | naive RSS MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        i, q, n = r["ingest"], r["query"], r.get("naive", {})
        sampled = "*" if i["encode_sampled"] else ""
        lines.append(
            f"| {i['provisions']:,} | {i['provisions_per_s']} | {i['ratio']}×{sampled} | {q['search_p50']} / {q['search_p95']} | "
            f"{q['ask_p50']} / {q['ask_p95']} | {i['rss_mb']} / {q['rss_mb']} | {r['disk_mb']} | {r['serve_ready_s']} | "
            + (f"{n['ingest_s']} ({n['ratio']}×) | {n['search_p50']} / {n['search_p95']} | {n['rss_mb']} |" if n else "– | – | – |"))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--encode-sample", type=int, default=20000, help="raw-encode at most this many texts, scaled up")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive llama-index pipeline")
    parser.add_argument("--distractors", type=int, default=0, help="also score the question sets with N distractors")
    parser.add_argument("--results", type=Path, help="append the figures to this Markdown file")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child[0]](*(int(a) if a.isdigit() else a for a in args.child[1:]))))
        return
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    rows = []
    for size in args.sizes:
        rows.append(measure(size, work, args.encode_sample, not args.no_naive))
        print(json.dumps(rows[-1]), flush=True)
    report = [f"Machine: {machine()}", "", f"`policy-assistant --help`: {help_s()} s (best of 5)", ""]
    if rows:
        report += [table(rows), "", "* raw encode time measured on a random sample of the texts and scaled to all of them", ""]
    if args.distractors:
        quality = quality_with_distractors(args.distractors, work / "quality")
        report += [f"Question sets with {args.distractors:,} synthetic distractor provisions beside the real corpus: "
                   + ", ".join(f"{k} {v}" for k, v in quality.items()), ""]
    text = "\n".join(report)
    print(text)
    if args.results:
        with args.results.open("a", encoding="utf-8") as fh:
            fh.write(f"\n## Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: sizes {args.sizes}\n\n{text}\n")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
