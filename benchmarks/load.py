"""Load on a real server: 1, 16 and 32 concurrent clients against /api/ask, each for --duration seconds.

The server (`policy-assistant serve`, one process) holds the shipped and related corpus with the real
model; clients cycle through the question sets (with their histories). Reported per level: requests,
throughput, latency p50/p95/p99, errors, and p95 against the single-client p95. Runs with the answer
cache on (repeated questions, as from a delegation) and off (every request computed).

Run: .venv/bin/python benchmarks/load.py [--duration 60] [--results benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RELATED = ROOT.parent / "shared" / "corpus-related"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))], 1) if ordered else 0.0


def start_server(corpus: Path, index: Path, cache: int) -> tuple[subprocess.Popen, int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "ASSISTANT_CORPUS_DIR": str(corpus), "ASSISTANT_INDEX_DIR": str(index),
           "ASSISTANT_SERVER__ANSWER_CACHE": str(cache), "GRADIO_ANALYTICS_ENABLED": "False"}
    process = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return process, port
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("server did not start")


def level(port: int, clients: int, duration: float, bodies: list[bytes]) -> dict:
    """Run `clients` closed-loop clients for `duration` seconds; return the figures."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.time() + duration

    def client(offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        n = offset
        while time.time() < stop:
            body = bodies[n % len(bodies)]
            n += clients
            started = time.perf_counter()
            try:
                connection.request("POST", "/api/ask", body=body, headers={"content-type": "application/json"})
                reply = connection.getresponse()
                reply.read()
                ok = reply.status == 200
                problem = f"HTTP {reply.status}"
            except OSError as exc:
                ok, problem = False, type(exc).__name__
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                if not ok:
                    errors.append(problem)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"clients": clients, "requests": len(latencies), "throughput": round(len(latencies) / duration, 1),
            "p50": pct(latencies, 50), "p95": pct(latencies, 95), "p99": pct(latencies, 99), "errors": len(errors)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 16, 32])
    parser.add_argument("--results", type=Path)
    args = parser.parse_args()
    from assistant import Assistant, Settings
    from assistant.evals.cases import load

    bodies = [json.dumps({"question": c.question, "history": c.history}).encode()
              for c in load([ROOT / "evals" / "shipped.yaml", ROOT / "evals" / "related.yaml"])]
    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    corpus, index = work / "corpus", work / "index"
    shutil.copytree(ROOT / "corpus", corpus)
    assistant = Assistant.open(Settings(corpus_dir=corpus, index_dir=index))
    assert assistant.ingest().ok and assistant.ingest([RELATED]).ok
    del assistant
    lines = [f"{len(bodies)} questions, {args.duration:g} s per level, one server process, clients on the same "
             f"{os.cpu_count()}-core machine", "",
             "| answer cache | clients | requests | req/s | p50 ms | p95 ms | p99 ms | errors | p95 / single-client p95 |",
             "|---|---|---|---|---|---|---|---|---|"]
    try:
        for cache in (512, 0):
            process, port = start_server(corpus, index, cache)
            try:
                level(port, 4, 10, bodies)  # warm-up (and fills the cache when it is on)
                rows = [level(port, n, args.duration, bodies) for n in args.clients]
            finally:
                process.terminate()
                process.wait(timeout=30)
            base = rows[0]["p95"] or 1.0
            for r in rows:
                lines.append(f"| {'on' if cache else 'off'} | {r['clients']} | {r['requests']} | {r['throughput']} | "
                             f"{r['p50']} | {r['p95']} | {r['p99']} | {r['errors']} | {r['p95'] / base:.1f}× |")
                print(json.dumps({"cache": bool(cache), **r}), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = "\n".join(lines)
    print(text)
    if args.results:
        with args.results.open("a", encoding="utf-8") as fh:
            fh.write(f"\n## Load, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n\n{text}\n")


if __name__ == "__main__":
    main()
