"""Benchmark ``rcmkg serve`` against a static file server on the published site, in the same run.

    python -m bench.bench_serve                       # 32 clients, 20 s per scenario, 3 runs (median)
    python -m bench.bench_serve --runs 1 --duration 5 # a quick look

It converts the sample reports, loads them into a store (as ``rcmkg load``), publishes the static
site (as ``rcmkg publish``), then starts two servers on 127.0.0.1:

* ``rcmkg serve --store ...`` (uvicorn, one process, 2 SPARQL workers);
* a static file server on the published folder (Python's ThreadingHTTPServer speaking HTTP/1.1
  keep-alive: what "any web server" is at its most basic; nginx would be faster still).

and drives each with the same load generator: ``--clients`` keep-alive connections, each sending
its next request as soon as the previous answer is read, for ``--duration`` seconds. Scenarios:
resource pages (every meeting, agreement, organisation, country, document and tracked item page,
in turn) and one canned query (``meetings`` as SPARQL JSON). It reports requests/s, p50/p99
latency and errors (any status other than 200, or a broken connection), and writes
``bench/out/serve/results.json``. The load generator shares the machine's cores with the server, so
compare the two servers with each other, not with numbers from another machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out" / "serve"
STATIC_SERVER = """
import functools, http.server, sys
class H(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer.daemon_threads = True
srv = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), functools.partial(H, directory=sys.argv[2]))
srv.serve_forever()
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listening on {port}")


def prepare(out: Path) -> tuple[Path, Path, list[str]]:
    """Convert, load and publish the sample reports; return (store, site, resource paths)."""
    from rcmkg.pipeline import convert
    from rcmkg.publish.site.build import publish_site
    from rcmkg.publish.void import DatasetInfo
    from rcmkg.settings import Settings
    from rcmkg.store.local import LocalStore

    settings = Settings()
    if out.exists():
        shutil.rmtree(out)
    rdf, store_dir, site = out / "rdf", out / "store", out / "site"
    summary = convert([REPO / "data" / "reports"], rdf, settings, jobs=1)
    assert not summary.errors, summary.errors
    with LocalStore(store_dir, base=settings.base) as store:
        store.load([rdf])
    with LocalStore(store_dir, base=settings.base, read_only=True) as store:
        publish_site(store, settings, site, DatasetInfo(site_url="http://127.0.0.1/"), validate=False, ontology_docs=False)
    docs = sorted(p.relative_to(site).as_posix()[:-5] for p in (site / "doc").rglob("*.html")
                  if p.relative_to(site / "doc").parts[0] in ("meeting", "org", "country", "doc", "track"))
    return store_dir, site, docs


# --- load generator ----------------------------------------------------------------------------------


async def _client(host: str, port: int, paths: list[str], offset: int, stop: float, lat: list[float],
                  errors: list[str]) -> int:
    done = 0
    reader = writer = None
    i = offset
    while time.perf_counter() < stop:
        path = paths[i % len(paths)]
        i += 1
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
                sock = writer.get_extra_info("socket")
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            t0 = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: */*\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
            if headers.get("transfer-encoding") == "chunked":
                while True:
                    size = int((await reader.readuntil(b"\r\n")).strip(), 16)
                    await reader.readexactly(size + 2)
                    if size == 0:
                        break
            else:
                await reader.readexactly(int(headers.get("content-length", "0")))
            lat.append(time.perf_counter() - t0)
            if status != 200:
                errors.append(f"{status} {path}")
            done += 1
            if headers.get("connection", "").lower() == "close":
                writer.close()
                writer = None
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            errors.append(f"{type(exc).__name__} {path}")
            if writer is not None:
                writer.close()
            writer = None
    if writer is not None:
        writer.close()
    return done


async def _load(url: str, paths: list[str], clients: int, duration: float) -> dict[str, float]:
    parts = urlsplit(url)
    lat: list[float] = []
    errors: list[str] = []
    start = time.perf_counter()
    stop = start + duration
    counts = await asyncio.gather(*[_client(parts.hostname, parts.port, paths, i * 7, stop, lat, errors)
                                    for i in range(clients)])
    elapsed = time.perf_counter() - start
    lat.sort()
    return {
        "requests": sum(counts), "rps": sum(counts) / elapsed, "errors": len(errors),
        "p50_ms": 1000 * lat[len(lat) // 2] if lat else float("nan"),
        "p99_ms": 1000 * lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else float("nan"),
        "first_errors": errors[:3],
    }


def load(url: str, paths: list[str], clients: int, duration: float) -> dict[str, float]:
    """Drive ``url`` with ``clients`` keep-alive connections for ``duration`` seconds."""
    return asyncio.run(_load(url, paths, clients, duration))


# --- the run -------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--duration", type=float, default=20.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warmup", type=float, default=2.0, help="seconds of load before each measured scenario")
    args = ap.parse_args(argv)

    store_dir, site, docs = prepare(OUT)
    print(f"{len(docs)} resource pages; {args.clients} clients, {args.duration:g} s per scenario, {args.runs} runs",
          file=sys.stderr)
    serve_port, static_port = _free_port(), _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    servers = [
        subprocess.Popen([sys.executable, "-m", "rcmkg", "serve", "--store", str(store_dir), "--host", "127.0.0.1",
                          "--port", str(serve_port), "--workers", "2", "--log-level", "warning"], env=env),
        subprocess.Popen([sys.executable, "-c", STATIC_SERVER, str(static_port), str(site)], env=env),
    ]
    try:
        _wait(serve_port)
        _wait(static_port)
        rcm, static = f"http://127.0.0.1:{serve_port}", f"http://127.0.0.1:{static_port}"
        scenarios = {
            "pages, rcmkg serve": (rcm, [f"/{d}" for d in docs]),
            "pages, static server": (static, [f"/{d}.html" for d in docs]),
            "canned query, rcmkg serve": (rcm, ["/query/meetings.json"]),
            "canned query, static server": (static, ["/query/meetings.json"]),
        }
        results: dict[str, list[dict[str, float]]] = {name: [] for name in scenarios}
        for run in range(args.runs):
            for name, (url, paths) in scenarios.items():
                if args.warmup:
                    load(url, paths, args.clients, args.warmup)
                r = load(url, paths, args.clients, args.duration)
                results[name].append(r)
                print(f"run {run + 1} {name:30s} {r['rps']:8.0f} req/s  p50 {r['p50_ms']:6.1f} ms  "
                      f"p99 {r['p99_ms']:6.1f} ms  errors {r['errors']}", file=sys.stderr)
    finally:
        for p in servers:
            p.terminate()
        for p in servers:
            p.wait(10)

    summary = {}
    print(f"\n| scenario | req/s (median of {args.runs}) | p50 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|")
    for name, rs in results.items():
        med = {k: statistics.median(r[k] for r in rs) for k in ("rps", "p50_ms", "p99_ms")}
        errs = sum(r["errors"] for r in rs)
        summary[name] = {**med, "errors": errs, "runs": rs}
        print(f"| {name} | {med['rps']:.0f} | {med['p50_ms']:.1f} | {med['p99_ms']:.1f} | {errs} |")
    (OUT / "results.json").write_text(json.dumps({"clients": args.clients, "duration": args.duration, "runs": args.runs,
                                                  "pages": len(docs), "results": summary}, indent=2))
    return 0 if all(s["errors"] == 0 for s in summary.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
