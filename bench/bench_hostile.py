"""Benchmark ``rcmkg serve`` under hostile load: page p99 with eight hostile clients beside it
against the same pages' p99 without them, in the same run (issue 11).

    python -m bench.bench_hostile                         # 8 page clients, 15 s per phase, 3 runs
    python -m bench.bench_hostile --runs 1 --duration 5   # a quick look
    python -m bench.bench_hostile --store /tmp/big/store  # also time the first answers on a big store

It converts and loads the sample reports (as ``bench.bench_serve`` does), starts ``rcmkg serve``
(2 SPARQL workers, query timeout 5 s) and measures, alternately, ``--runs`` times:

* **quiet**: ``--clients`` keep-alive clients fetching the resource pages in turn;
* **hostile**: the same, while eight hostile clients loop: two send 120 KB paths of many segments,
  two stream chunked request bodies (up to 800 MiB each), two run a cartesian-product ORDER BY, one
  a query doubling a string 27 times, one a query nested 5,000 deep.

It reports the page p50/p99 of each phase, the ratio of the p99s, what the hostile clients got
(statuses), the server's peak RSS (``/proc/PID/status`` VmHWM), and with ``--store`` how long
``rcmkg serve`` on that store takes to answer its first request and its first page. Results go to
``bench/out/hostile/results.json``. The clients share the machine's cores with the server: compare
the two phases of one run with each other.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

from bench.bench_serve import _free_port, _wait, load, prepare

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out" / "hostile"
CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1"
DOUBLING = "SELECT ?s27 WHERE { BIND(\"ab\" AS ?s0) " + " ".join(
    f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(27)) + " }"
NESTED = "SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o " + "} " * 5000


def _raw(port: int, head: bytes, body_chunks: int = 0) -> str:
    """One raw request; returns the status line's code (or the error)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
            s.sendall(head)
            chunk = b"%x\r\n" % (1 << 20) + b"#" * (1 << 20) + b"\r\n"
            for _ in range(body_chunks):
                s.sendall(chunk)
            return s.recv(64).split(b" ", 2)[1].decode()
    except (OSError, IndexError) as exc:
        return type(exc).__name__


def _hostile_process(kind: str, port: int) -> subprocess.Popen[str]:
    # Each hostile client is its own process: in the load generator's process its threads would
    # hold the GIL and slow the page clients down, whatever the server does.
    code = ("import sys, threading, collections; from bench.bench_hostile import _hostile; seen = collections.Counter(); "
            "stop = threading.Event(); t = threading.Thread(target=_hostile, args=(sys.argv[1], int(sys.argv[2]), stop, seen), "
            "daemon=True); t.start(); sys.stdin.read(); stop.set(); t.join(90); "
            "print(' '.join(f'{k.replace(chr(32), chr(58))}={n}' for k, n in seen.items()))")
    return subprocess.Popen([sys.executable, "-c", code, kind, str(port)], cwd=REPO, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)


def _hostile(kind: str, port: int, stop: threading.Event, seen: Counter[str]) -> None:
    url = f"http://127.0.0.1:{port}/sparql"
    with httpx.Client(timeout=60) as c:
        while not stop.is_set():
            if kind == "path":
                code = _raw(port, b"GET /" + b"seg/" * 30000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
            elif kind == "body":
                code = _raw(port, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                                  b"Transfer-Encoding: chunked\r\n\r\n", body_chunks=800)
            else:
                q = {"cartesian": CARTESIAN, "doubling": DOUBLING, "nested": NESTED}[kind]
                try:
                    code = str(c.post(url, content=q.encode(), headers={"Content-Type": "application/sparql-query",
                                                                        "Accept": "application/json"}).status_code)
                except httpx.HTTPError as exc:
                    code = type(exc).__name__
            seen[f"{kind} {code}"] += 1


def _hwm(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) // 1024


def _serve(store: Path, port: int, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "RCMKG_QUERY_TIMEOUT": "5"}
    return subprocess.Popen([sys.executable, "-m", "rcmkg", "serve", "--store", str(store), "--host", "127.0.0.1",
                             "--port", str(port), "--workers", "2", "--log-level", "warning", *extra], env=env,
                            stderr=subprocess.DEVNULL)


def first_answers(store: Path) -> dict[str, float]:
    """Seconds from starting ``rcmkg serve`` on ``store`` to its first answer, and to its home page."""
    port = _free_port()
    t0 = time.perf_counter()
    proc = _serve(store, port)
    try:
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/favicon.ico", timeout=600)
                break
            except httpx.TransportError:
                time.sleep(0.02)
        first = time.perf_counter() - t0
        httpx.get(f"http://127.0.0.1:{port}/", timeout=600)
        return {"first_answer_s": first, "first_page_s": time.perf_counter() - t0}
    finally:
        proc.terminate()
        proc.wait(30)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--duration", type=float, default=15.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--store", type=Path, default=None, help="a big store to time the first answers on")
    args = ap.parse_args(argv)

    store_dir, _site, docs = prepare(OUT)
    paths = [f"/{d}" for d in docs]
    port = _free_port()
    proc = _serve(store_dir, port)
    results: dict[str, list[dict[str, float]]] = {"quiet": [], "hostile": []}
    seen: Counter[str] = Counter()
    try:
        _wait(port)
        base = f"http://127.0.0.1:{port}"
        load(base, paths, args.clients, 2.0)  # warm the page cache: both phases then serve from it
        for run in range(args.runs):
            for phase in ("quiet", "hostile"):
                kinds = ["path", "path", "body", "body", "cartesian", "cartesian", "doubling", "nested"]
                hostile = [_hostile_process(k, port) for k in (kinds if phase == "hostile" else [])]
                if hostile:
                    time.sleep(1.0)  # let them get going
                r = load(base, paths, args.clients, args.duration)
                for h in hostile:
                    out, _ = h.communicate("", timeout=120)
                    for item in out.split():
                        key, _, n = item.rpartition("=")
                        seen[key.replace(":", " ", 1)] += int(n)
                results[phase].append(r)
                print(f"run {run + 1} {phase:8s} {r['rps']:7.0f} req/s  p50 {r['p50_ms']:7.1f} ms  "
                      f"p99 {r['p99_ms']:7.1f} ms  errors {r['errors']}", file=sys.stderr, flush=True)
        peak = _hwm(proc.pid)
    finally:
        proc.terminate()
        proc.wait(30)

    summary = {phase: {k: statistics.median(r[k] for r in rs) for k in ("rps", "p50_ms", "p99_ms")}
               | {"errors": sum(r["errors"] for r in rs)} for phase, rs in results.items()}
    ratio = summary["hostile"]["p99_ms"] / summary["quiet"]["p99_ms"]
    print(f"\n| phase | req/s (median of {args.runs}) | p50 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|")
    for phase, s in summary.items():
        print(f"| {phase} | {s['rps']:.0f} | {s['p50_ms']:.1f} | {s['p99_ms']:.1f} | {s['errors']} |")
    print(f"\npage p99 with eight hostile clients / without: {ratio:.2f}x; server peak RSS {peak} MiB")
    print("hostile requests: " + ", ".join(f"{k}: {n}" for k, n in sorted(seen.items())))
    first = first_answers(args.store) if args.store else {}
    if first:
        print(f"first answer on {args.store}: {first['first_answer_s']:.2f} s after start; "
              f"first page {first['first_page_s']:.2f} s")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps({
        "clients": args.clients, "duration": args.duration, "runs": args.runs, "results": summary,
        "p99_ratio": ratio, "server_peak_rss_mib": peak, "hostile": dict(seen), "first": first,
        "runs_detail": results}, indent=2))
    # the hostile requests must all have been refused or stopped, never answered with a 500
    bad = [k for k in seen if k.split()[1].startswith("5") and k.split()[1] not in ("503", "504")]
    return 0 if not bad and summary["quiet"]["errors"] == 0 and summary["hostile"]["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
