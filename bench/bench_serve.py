"""Benchmark ``rcmkg serve`` against a static file server on the published site, in the same run.

    python -m bench.bench_serve                       # 32 clients, 20 s per scenario, 3 runs (median)
    python -m bench.bench_serve --runs 1 --duration 5 # a quick look

It converts the sample reports, loads them into a store (as ``rcmkg load``), publishes the static
site (as ``rcmkg publish``), then starts two servers on 127.0.0.1:

* ``rcmkg serve --store ...`` (uvicorn, one process, 2 SPARQL workers);
* a static file server on the published folder (Python's ThreadingHTTPServer speaking HTTP/1.1
  keep-alive: what "any web server" is at its most basic);
* nginx on the same folder when installed (one worker process, sendfile): what the machine can do.

and drives each with the same load generator, wrk when installed (Debian ``wrk``, ``make
bench-deps``; else a Python one, itself the bottleneck on 2 cores, with a note): ``--clients``
keep-alive connections, each sending its next request as soon as the previous answer is read, for
``--duration`` seconds. Scenarios:
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


# --- wrk: the load generator when installed ---------------------------------------------------------

#: The C load generator (Debian ``wrk``; ``make bench-deps``). The Python one above shares the
#: interpreter's speed: on 2 cores it saturates near 1,000 req/s, below what it measures.
WRK = shutil.which("wrk")
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}
_noted = False

_WRK_SCRIPT = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, paths[(n %% #paths) + 1])
end
"""


def _ms(text: str) -> float:
    """``850.00us``, ``16.21ms``, ``1.02s`` (wrk's latencies) in milliseconds."""
    for unit in ("us", "ms", "m", "s"):
        if text.endswith(unit) and text[: -len(unit)].replace(".", "", 1).isdigit():
            return float(text[: -len(unit)]) * _UNITS[unit]
    raise ValueError(f"not a wrk latency: {text!r}")


def parse_wrk(out: str) -> dict[str, float]:
    """requests, req/s, p50/p99 (ms) and errors (non-2xx/3xx answers and socket errors) from
    ``wrk --latency`` output."""
    found: dict[str, float] = {"errors": 0}
    for line in out.splitlines():
        words = line.split()
        if line.startswith("Requests/sec:"):
            found["rps"] = float(words[1])
        elif len(words) == 2 and words[0] in ("50%", "99%"):
            found[f"p{words[0][:-1]}_ms"] = _ms(words[1])
        elif "requests in" in line and words[0].isdigit():
            found["requests"] = int(words[0])
        elif line.strip().startswith("Non-2xx or 3xx responses:"):
            found["errors"] += int(words[-1])
        elif line.strip().startswith("Socket errors:"):
            found["errors"] += sum(int(w.rstrip(",")) for w in words if w.rstrip(",").isdigit())
    missing = {"rps", "p50_ms", "p99_ms", "requests"} - set(found)
    if missing:
        raise ValueError(f"wrk said nothing about {sorted(missing)}:\n{out}")
    return found


def wrk(url: str, paths: list[str], clients: int, duration: float, accept: str = "*/*") -> dict[str, float]:
    """Drive ``url`` with wrk: ``clients`` keep-alive connections on 2 threads for ``duration``
    seconds, requesting ``paths`` in turn (a Lua script when there are several)."""
    cmd = [WRK or "wrk", f"-t{min(2, clients)}", f"-c{clients}", f"-d{max(1, round(duration))}s", "--latency",
           "-H", f"Accept: {accept}"]
    script = None
    if len(paths) > 1:
        import tempfile
        fd, script = tempfile.mkstemp(suffix=".lua")
        with os.fdopen(fd, "w") as f:
            f.write(_WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
        cmd += ["-s", script]
    try:
        out = subprocess.run([*cmd, url.rstrip("/") + paths[0]], capture_output=True, text=True, check=True,
                             timeout=duration + 60).stdout
    finally:
        if script:
            os.unlink(script)
    return {**parse_wrk(out), "tool": "wrk"}


def measure(url: str, paths: list[str], clients: int, duration: float) -> dict[str, float]:
    """wrk when installed, else the Python load generator (with a note: its figures are its own limit)."""
    global _noted
    if WRK:
        return wrk(url, paths, clients, duration)
    if not _noted:
        print("  note: wrk is not installed (apt-get install wrk; make bench-deps): the Python load generator "
              "is used, and on 2 cores it is itself the bottleneck near 1,000 req/s", file=sys.stderr, flush=True)
        _noted = True
    return {**load(url, paths, clients, duration), "tool": "python"}


# --- nginx: what the machine can serve ----------------------------------------------------------------

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)


def start_nginx(root: Path, port: int) -> tuple[subprocess.Popen[bytes], Path] | None:
    """nginx serving ``root`` on 127.0.0.1:``port`` with one worker process (as ``rcmkg serve`` is one
    event loop), sendfile and keep-alive; None when nginx is not installed."""
    if NGINX is None:
        return None
    import tempfile
    prefix = Path(tempfile.mkdtemp(prefix="rcmkg-bench-nginx-"))
    user = ""
    if os.geteuid() == 0:  # the master would hand the workers to "nobody", who cannot read a mkdtemp folder
        import grp
        import pwd
        user = f"user {pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name};"
    temps = "\n".join(f"    {k}_temp_path {prefix}/{k};" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (prefix / "nginx.conf").write_text(f"""{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nodelay on;
    keepalive_requests 1000000;
{temps}
    types {{ text/html html; }}
    default_type application/octet-stream;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location / {{ try_files $uri $uri.html =404; }}
    }}
}}
""", encoding="utf-8")
    proc = subprocess.Popen([NGINX, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(prefix / "nginx.conf"),
                             "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        _wait(port, 30)
    except RuntimeError:
        stop(proc)
        shutil.rmtree(prefix, ignore_errors=True)
        print(f"  note: nginx did not start: {(prefix / 'error.log').read_text(errors='replace')[-300:]}",
              file=sys.stderr)
        return None
    return proc, prefix


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started here (its own process group for nginx: the master and its worker)."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, 15) if os.getpgid(proc.pid) == proc.pid else proc.terminate()
        except ProcessLookupError:
            return
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


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
    serve_port, static_port, nginx_port = _free_port(), _free_port(), _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    servers = [
        subprocess.Popen([sys.executable, "-m", "rcmkg", "serve", "--store", str(store_dir), "--host", "127.0.0.1",
                          "--port", str(serve_port), "--workers", "2", "--log-level", "warning"], env=env),
        # a reset connection prints a traceback there
        subprocess.Popen([sys.executable, "-c", STATIC_SERVER, str(static_port), str(site)], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    ]
    nginx = start_nginx(site, nginx_port)
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
        if nginx is not None:
            scenarios["pages, nginx"] = (f"http://127.0.0.1:{nginx_port}", [f"/{d}.html" for d in docs])
            scenarios["canned query, nginx"] = (f"http://127.0.0.1:{nginx_port}", ["/query/meetings.json"])
        # Every page asked for once: what is measured is the cached answer (the first one of each is
        # rendered from the store, tens of ms, and would only measure how long the warm-up was).
        import urllib.request
        for path in {p for url, paths in scenarios.values() if url == rcm for p in paths}:
            with urllib.request.urlopen(urllib.request.Request(rcm + path, headers={"Accept": "*/*"}), timeout=120) as r:
                r.read()
        results: dict[str, list[dict[str, float]]] = {name: [] for name in scenarios}
        for run in range(args.runs):
            for name, (url, paths) in scenarios.items():
                if args.warmup:
                    measure(url, paths, args.clients, args.warmup)
                r = measure(url, paths, args.clients, args.duration)
                results[name].append(r)
                print(f"run {run + 1} {name:30s} {r['rps']:8.0f} req/s  p50 {r['p50_ms']:6.1f} ms  "
                      f"p99 {r['p99_ms']:6.1f} ms  errors {r['errors']}  ({r['tool']})", file=sys.stderr)
    finally:
        for p in servers:
            p.terminate()
        for p in servers:
            p.wait(10)
        if nginx is not None:
            stop(nginx[0])
            shutil.rmtree(nginx[1], ignore_errors=True)

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
    # the servers measured against may drop a connection under load (Python's does): only ours must not
    return 0 if all(s["errors"] == 0 for name, s in summary.items() if "rcmkg serve" in name) else 1


if __name__ == "__main__":
    raise SystemExit(main())
