"""Canned-query first pages and validation CPU per report at archive scale (issue 10, points 1-2).

    python -m bench.bench_scale                      # 1,000 reports
    python -m bench.bench_scale --sizes 1000,10000   # or python -m bench --scale 10000
    python -m bench.bench_scale --quick              # 100 reports, a smoke run

For each size: generate the reports (seed 42), convert them (``--jobs 2``) and ``rcmkg load`` them
into ``WORK/store{n}`` once (a stamp file marks each finished step; later runs reuse it). Then, in
this process, against baselines measured beside them:

* every canned query's first page (``run_page``, 20 meetings or rows), median of ``--runs``, next to
  a plain pyoxigraph SELECT reading the same page's meetings' triples (``VALUES ?s {...} ?s ?p ?o``);
  target <= 200 ms. The pages read the page keys and stored answers ``rcmkg load`` keeps
  (:mod:`rcmkg.index.pages`); a store loaded before them runs its drivers in the engine (said so);
* the commitments on each actor's page (organisation, country, collective), from the rows the load
  keeps, median of ``--runs`` per actor, next to the query of every row the pages ran before; both
  give the same sections (checked); target <= 200 ms for the slowest actor;
* ``rcmkg commitments`` for four filters (what ``/commitments`` lists, 200 rows a page), the
  evidence decoded for the kept entries only, next to decoding every entry whole (as before); no
  target of the issue's, the figures say how much of the archive a list still reads;
* the first answer of ``rcmkg serve`` (each page asked once) to every canned query's page, next to
  the library's page (``run_page``), target <= 200 ms; and, for the record, their downloads (CSV), the
  commitments list, an actor's page and an unknown name;
* ``rcmkg validate``'s CPU per report on ``--validate`` files (one process, the compiled engine; median
  of runs of 16), next to its pyshacl engine and to plain pyshacl over one file with the core shapes
  and nothing else; target <= 20 ms; then every report of the size with ``--jobs 2`` (10,000 in under
  5 minutes), and again with one report changed and the others' stored results reused (``--cache``).
  ``--validate-only`` skips the load and the queries (it needs only the converted reports).
* ``rcmkg serve`` start-up: seconds from the process start to its first answer and to its home
  page and a meeting page, next to the floor of any Python server over the store (an interpreter
  importing Starlette and uvicorn, opening the store read-only and answering "/"); target <= 2 s;
* ``rcmkg serve`` throughput with ``--clients`` keep-alive clients on a meeting page, its Turtle,
  a canned query page and a small ``/sparql`` SELECT, each next to a static file server and nginx
  serving the same bytes (bench/bench_serve.py's), driven by wrk when installed; target >= 3,000
  req/s for cached pages, p99 <= 50 ms.
* ``rcmkg publish --jobs 2`` of the store (wall, CPU, pages, peak RSS), next to plain Python writing
  the same number of files of the same sizes; target: 10,000 reports in <= 10 minutes.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

WORK = Path(__file__).resolve().parent / "out" / "scale"
PAGE = 20


def _prepare(n: int, work: Path, load: bool = True) -> tuple[Path, Path]:
    reports, rdf, store = work / f"rep{n}", work / f"rdf{n}", work / f"store{n}"
    py = sys.executable
    steps = [
        (reports, [py, "-m", "bench.generate", "--reports", str(n), "--out", str(reports), "--clean"]),
        (rdf, [py, "-m", "rcmkg", "convert", str(reports), "--out", str(rdf), "--jobs", "2", "-q"]),
        (store, [py, "-m", "rcmkg", "load", str(rdf), "--store", str(store), "-q"]),
    ][: 3 if load else 2]
    code = _code_digest()
    for folder, cmd in steps:
        stamp = work / f".{folder.name}.done"
        if stamp.exists():
            # A store loaded by other code may lack entries this code reads (or hold them in an older
            # form, which the pages then work around slowly): loaded again, from nothing.
            if folder != store or f"code {code}" in stamp.read_text():
                continue
            print(f"  {folder.name}: loaded by other rcmkg code, loading it again", flush=True)
            shutil.rmtree(folder, ignore_errors=True)
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(f"{time.perf_counter() - t0:.1f} s\ncode {code}\n")
        print(f"  {folder.name}: {time.perf_counter() - t0:.0f} s", flush=True)
    return rdf, store


def _code_digest() -> str:
    """A digest of the rcmkg package's Python sources: what a stamped store was loaded with."""
    import hashlib

    import rcmkg

    root, h = Path(rcmkg.__file__).parent, hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(1000 * (time.perf_counter() - t0))
    return statistics.median(times)


def bench_queries(store_dir: Path, runs: int) -> list[dict]:
    from rcmkg.index.pages import cached_keys, drivers
    from rcmkg.sparql.catalogue import load_queries, run_page
    from rcmkg.store.local import LocalStore

    store = LocalStore(store_dir, read_only=True)
    out = []
    # A store loaded before rcmkg.index.pages has no stored page keys: its drivers are run by the engine.
    stored = sum(cached_keys(store, text, (1, 0)) is not None for text, _v in drivers().values())
    print(f"  stored page keys for {stored} of {len(drivers())} drivers"
          + ("" if stored else " (loaded by an older rcmkg: reload it to measure them)"), flush=True)
    try:
        for name, q in load_queries().items():
            params = {"item": "work-plan-migrant-smuggling"} if name == "trace" else {}
            page = run_page(store, q, params, limit=PAGE)
            ms = _median_ms(lambda q=q, params=params: run_page(store, q, params, limit=PAGE), runs)
            # the page's meetings (else, for a query about other things, the first column of IRIs)
            col = "meeting" if "meeting" in page.result.vars else next(
                (v for v in page.result.vars for r in page.result.rows[:1] if getattr(r.get(v), "type", "") == "uri"), None)
            keys = sorted({r[col].value for r in page.result.rows if col and r.get(col) is not None})
            floor = ("SELECT ?s ?p ?o WHERE { VALUES ?s { " + " ".join(f"<{k}>" for k in keys)
                     + " } ?s ?p ?o }")
            base = _median_ms(lambda floor=floor: list(store.ox.query(floor, use_default_graph_as_union=True)), runs)
            out.append({"query": name, "rows": len(page.result.rows), "ms": ms, "baseline_ms": base,
                        "stored_keys": stored})
            print(f"  {name:14s} first page {ms:8.1f} ms ({len(page.result.rows)} rows)   "
                  f"plain SELECT of the page's keys {base:7.1f} ms   "
                  f"{'PASS' if ms <= 200 else 'MISS'} (<= 200 ms)", flush=True)
    finally:
        store.close()
    return out


def bench_actor_pages(store_dir: Path, runs: int) -> dict:
    """The commitments on each actor's page (issue 10, point 1): from the rows the load kept, against
    the baseline of querying every row, as pages did before (both in this run, the same sections)."""
    from rcmkg.index.commitments import BY_ACTOR, actor_rows_of
    from rcmkg.publish.views.pages import GraphView
    from rcmkg.store.local import LocalStore

    store = LocalStore(store_dir, read_only=True)
    try:
        actors = [a for a, _ in store.index.entries(BY_ACTOR)]
        if not actors:
            print("  actor pages: no kept rows (loaded by an older rcmkg: reload it to measure them)", flush=True)
            return {"actors": 0}
        kept = GraphView(store.ox, store.base, actor_rows=actor_rows_of(store))
        queried = GraphView(store.ox, store.base)
        same = all(kept._sections_actor(a) == queried._sections_actor(a) for a in actors)
        ms = [_median_ms(lambda a=a: kept._sections_actor(a), runs) for a in actors]
        base = [_median_ms(lambda a=a: queried._sections_actor(a), max(1, runs // 2)) for a in actors]
    finally:
        store.close()
    out = {"actors": len(actors), "median_ms": statistics.median(ms), "max_ms": max(ms),
           "baseline_median_ms": statistics.median(base), "baseline_max_ms": max(base), "same": same}
    print(f"  actor pages ({len(actors)} actors): commitments from the kept rows median {out['median_ms']:.1f} ms, "
          f"max {out['max_ms']:.1f} ms; every row queried (baseline) median {out['baseline_median_ms']:.1f} ms, "
          f"max {out['baseline_max_ms']:.1f} ms (x{out['max_ms'] / out['baseline_max_ms']:.3f} at the max); "
          f"same sections: {same}; {'PASS' if out['max_ms'] <= 200 and same else 'MISS'} (<= 200 ms)", flush=True)
    return out


def bench_commitment_lists(store_dir: Path, runs: int) -> list[dict]:
    """``rcmkg commitments`` (what /commitments lists) for a few filters: the shards read with the
    evidence of the kept entries only, against the baseline of decoding every entry whole and
    selecting from them (as before), in this run; both give the same rows (checked)."""
    import msgspec

    from rcmkg.index.commitments import cached_commitments
    from rcmkg.store.local import LocalStore
    from rcmkg.trace.commitments import select_commitments, still_owes_first
    from rcmkg.trace.lookup import commitments

    store = LocalStore(store_dir, read_only=True)
    out = []
    try:
        for label, who, status in (("every commitment", None, None), ("an organisation's", f"{store.base}id/org/iom", None),
                                   ("a country's, open", f"{store.base}id/country/CR", "open"), ("overdue", None, "overdue")):
            def whole(who: str | None = who, status: str | None = status) -> list:
                entries = cached_commitments(store) or []
                rows = select_commitments(entries, who, None, None, date.today(), status)
                return still_owes_first(rows) if who else rows

            got = commitments(store, actor=who, status=status)
            same = [msgspec.to_builtins(r) for r in got] == [msgspec.to_builtins(r) for r in whole()]
            ms = _median_ms(lambda who=who, status=status: commitments(store, actor=who, status=status), runs)
            base = _median_ms(whole, max(1, runs // 2))
            out.append({"list": label, "rows": len(got), "ms": ms, "baseline_ms": base, "same": same})
            print(f"  commitments, {label:18s} {len(got):6d} rows {ms:8.1f} ms; every entry decoded (baseline) "
                  f"{base:8.1f} ms (x{ms / base:.2f}); same rows: {same}", flush=True)
    finally:
        store.close()
    return out


def bench_validate(rdf: Path, files: int, all_jobs2: bool = True) -> dict:
    """CPU per report of ``rcmkg validate`` (compiled engine, one process; the median over runs of 16
    reports, the engine's unit of work) beside its pyshacl engine (the per-file pyshacl run it replaces)
    and plain pyshacl over one file; then every report of the size with ``--jobs 2`` (wall, and CPU of
    the workers), and again with one report changed and the others' results stored (``--cache``)."""
    import resource
    import tempfile

    import pyshacl
    import rdflib

    from rcmkg.settings import Settings
    from rcmkg.validate import validate

    every = sorted(rdf.glob("*.ttl"))
    paths = every[:files]
    settings = Settings(jobs=1)
    validate(paths[:1], settings=settings)  # shared graphs parsed and cached, as in a long run
    validate(paths[:1], settings=settings, engine="pyshacl")
    runs = []
    for i in range(0, len(paths), 16):
        group = paths[i : i + 16]
        t0 = time.process_time()
        validate(group, settings=settings)
        runs.append(1000 * (time.process_time() - t0) / len(group))
    ours = statistics.median(runs)
    t0 = time.process_time()
    fast = validate(paths, settings=settings)
    together = 1000 * (time.process_time() - t0) / len(paths)
    few = paths[: max(1, min(len(paths), 10))]
    t0 = time.process_time()
    reference = validate(few, settings=settings, engine="pyshacl")
    before = 1000 * (time.process_time() - t0) / len(few)
    shapes = rdflib.Graph()
    for f in sorted((Path(__file__).resolve().parents[1] / "shapes").glob("rcm-*.ttl")):
        shapes.parse(f, format="turtle")
    t0 = time.process_time()
    for p in few:
        pyshacl.validate(rdflib.Graph().parse(p, format="turtle"), shacl_graph=shapes, allow_warnings=True)
    plain = 1000 * (time.process_time() - t0) / len(few)
    same = validate(few, settings=settings).text() == reference.text()
    print(f"  validate: {ours:.1f} ms CPU per report (median of {len(runs)} runs of 16 reports; {together:.1f} ms "
          f"for all {len(paths)} in one call, one process, {fast.summary()})\n"
          f"    beside: the pyshacl engine {before:.0f} ms, plain pyshacl over one file {plain:.0f} ms "
          f"({len(few)} reports; same report as the pyshacl engine: {same})   "
          f"{'PASS' if ours <= 20 else 'MISS'} (<= 20 ms)", flush=True)
    out = {"files": len(paths), "ms_cpu": ours, "ms_cpu_runs": runs, "ms_cpu_one_call": together,
           "pyshacl_engine_ms_cpu": before, "pyshacl_ms_cpu": plain, "same_report": same}
    if all_jobs2:
        def timed(folder: Path, cache: Path) -> tuple[float, float, int]:
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0, c0 = time.perf_counter(), time.process_time()
            report = validate([folder], settings=Settings(jobs=2), cache=cache)
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = time.process_time() - c0 + (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
            return wall, cpu, report.cached

        with tempfile.TemporaryDirectory(prefix="rcmkg-bench-validate-") as tmp:
            # links to the shared (read-only) reports; one becomes a changed copy for the second run
            folder, cache = Path(tmp) / "rdf", Path(tmp) / "results.sqlite"
            folder.mkdir()
            for p in every:
                (folder / p.name).symlink_to(p.resolve())
            wall, cpu, _ = timed(folder, cache)
            print(f"  validate --jobs 2, all {len(every)} reports: {wall:.1f} s wall, {cpu:.1f} s CPU "
                  f"({1000 * cpu / len(every):.1f} ms per report)   "
                  f"{'PASS' if wall * 10000 / len(every) <= 300 else 'MISS'} (10,000 in < 5 min)", flush=True)
            changed = folder / every[len(every) // 2].name
            text = changed.read_text(encoding="utf-8")
            changed.unlink()
            changed.write_text(text + "\n# changed\n", encoding="utf-8")
            again, again_cpu, cached = timed(folder, cache)
            print(f"  validate --jobs 2 --cache, one report changed: {again:.1f} s wall, {again_cpu:.1f} s CPU "
                  f"({cached} reports' results reused; the cross-file rules over all)", flush=True)
        out.update({"jobs2_files": len(every), "jobs2_wall_s": wall, "jobs2_cpu_s": cpu,
                    "one_changed_wall_s": again, "one_changed_cpu_s": again_cpu, "one_changed_reused": cached})
    return out


FLOOR_SERVER = """
import sys
import pyoxigraph, uvicorn
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route
from rcmkg.store import generations
store = pyoxigraph.Store.read_only(str(generations.current(sys.argv[2])))
app = Starlette(routes=[Route("/", lambda r: Response("ok"))])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def _first_answers(cmd: list[str], port: int, paths: list[str], timeout: float = 600) -> list[float]:
    """Start ``cmd`` and GET each of ``paths`` in turn as soon as it answers; the seconds from the
    start to each answer."""
    import os
    import urllib.error
    import urllib.request

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**os.environ, "PYTHONUNBUFFERED": "1"}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    out: list[float] = []
    try:
        for path in paths:
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as r:
                        r.read()
                    break
                except urllib.error.HTTPError:
                    break  # an answer all the same
                except OSError:
                    if time.perf_counter() - t0 > timeout or proc.poll() is not None:
                        raise RuntimeError(f"{cmd[:4]} did not answer {path}") from None
                    time.sleep(0.02)
            out.append(time.perf_counter() - t0)
    finally:
        proc.terminate()
        proc.wait(30)
    return out


def _meeting_path(store_dir: Path) -> str:
    from rcmkg.index.published import cached_published
    from rcmkg.store.local import LocalStore

    with LocalStore(store_dir, read_only=True) as store:
        entry = cached_published(store)
        assert entry is not None and entry.meetings, "the store has no published entry (loaded by an older rcmkg?)"
        return "/doc/" + entry.meetings[len(entry.meetings) // 2].meeting.split("/id/", 1)[1]


def bench_startup(store_dir: Path) -> dict:
    from bench.bench_serve import _free_port

    py = sys.executable
    meeting = _meeting_path(store_dir)
    port = _free_port()
    first, home, page = _first_answers([py, "-m", "rcmkg", "serve", "--store", str(store_dir), "--port", str(port),
                                        "--workers", "2", "--log-level", "warning"], port, ["/favicon.ico", "/", meeting])
    port = _free_port()
    (floor,) = _first_answers([py, "-c", FLOOR_SERVER, str(port), str(store_dir)], port, ["/"])
    print(f"  serve start-up: first answer {first:5.2f} s, home page {home:5.2f} s, a meeting page {page:5.2f} s   "
          f"floor (Starlette + uvicorn + the store opened, answering /) {floor:5.2f} s   "
          f"{'PASS' if first <= 2 else 'MISS'} (first answer <= 2 s)", flush=True)
    return {"first_answer_s": first, "home_s": home, "meeting_page_s": page, "floor_s": floor}


def bench_server_pages(store_dir: Path) -> list[dict]:
    """The first answer of ``rcmkg serve`` to each page a reader or a script asks for (each asked
    once, so none is a cached answer): every canned query's page and download, the commitments
    list, an actor's page, an unknown name. A query page is next to its baseline, the same page by
    the library (``run_page``, in this process); target <= 200 ms for a query page."""
    import urllib.error
    import urllib.request

    from bench.bench_serve import _free_port
    from rcmkg.sparql.catalogue import load_queries, run_page
    from rcmkg.store.local import LocalStore

    names = [n for n in load_queries() if n != "trace"]
    store = LocalStore(store_dir, read_only=True)
    try:
        queries = load_queries()
        base = {n: _median_ms(lambda n=n: run_page(store, queries[n], {}, limit=20), 3) for n in names}
    finally:
        store.close()
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "rcmkg", "serve", "--store", str(store_dir), "--port", str(port),
                             "--workers", "2", "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out: list[dict] = []

    def get(path: str) -> tuple[float, int]:
        t0 = time.perf_counter()
        req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Accept": "text/html"})
        try:
            with urllib.request.urlopen(req, timeout=600) as r:
                r.read()
                status = r.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        return 1000 * (time.perf_counter() - t0), status

    try:
        deadline = time.perf_counter() + 300
        while True:
            try:
                get("/favicon.ico")
                break
            except OSError:
                if time.perf_counter() > deadline or proc.poll() is not None:
                    raise RuntimeError("rcmkg serve did not answer") from None
                time.sleep(0.05)
        for n in names:
            ms, status = get(f"/query/{n}")
            out.append({"path": f"/query/{n}", "ms": ms, "status": status, "baseline_ms": base[n]})
            print(f"  serve /query/{n:14s} first page {ms:8.1f} ms ({status})   the library's page {base[n]:7.1f} ms"
                  f"   {'PASS' if ms <= 200 and status == 200 else 'MISS'} (<= 200 ms)", flush=True)
        for path in [*(f"/query/{n}.csv" for n in names), "/commitments", "/commitments?page=2", "/commitments?actor=IOM",
                     "/doc/org/rcm-ts", "/id/org/none-such"]:
            ms, status = get(path)
            out.append({"path": path, "ms": ms, "status": status})
            print(f"  serve {path:32s} {ms:8.1f} ms ({status})", flush=True)
    finally:
        proc.terminate()
        proc.wait(30)
    return out


def bench_throughput(store_dir: Path, clients: int, duration: float) -> list[dict]:
    """Each scenario on ``rcmkg serve`` (its answer cached after a warm-up), then the same bytes from
    the Python static server and from nginx (when installed), driven by wrk (else the Python load
    generator, with a note)."""
    import tempfile
    import urllib.parse
    import urllib.request

    from bench.bench_serve import STATIC_SERVER, _free_port, _wait, measure, start_nginx, stop

    py = sys.executable
    meeting = _meeting_path(store_dir)
    select = urllib.parse.quote("SELECT ?m ?d WHERE { ?m a rcm:Meeting ; schema:startDate ?d } ORDER BY ?d LIMIT 10")
    scenarios = {"meeting page": meeting, "meeting Turtle": meeting + ".ttl",
                 "canned query page": "/query/meetings.json?page=1&limit=20",
                 "small /sparql SELECT": f"/sparql?query={select}&format=json"}
    port, static_port, nginx_port = _free_port(), _free_port(), _free_port()
    site = Path(tempfile.mkdtemp(prefix="rcmkg-bench-static-"))
    servers = [subprocess.Popen([py, "-m", "rcmkg", "serve", "--store", str(store_dir), "--port", str(port), "--workers", "2",
                                 "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    nginx = None
    out = []
    try:
        _wait(port, 600)
        files = {}
        for i, (name, path) in enumerate(scenarios.items()):
            with urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Accept": "*/*"}),
                                        timeout=600) as r:
                (site / f"f{i}").write_bytes(r.read())
            files[name] = f"/f{i}"
        servers.append(subprocess.Popen([py, "-c", STATIC_SERVER, str(static_port), str(site)], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL))  # a reset connection prints a traceback
        _wait(static_port)
        nginx = start_nginx(site, nginx_port)
        for name, path in scenarios.items():
            measure(f"http://127.0.0.1:{port}", [path], clients, 1.0)  # warm
            ours = measure(f"http://127.0.0.1:{port}", [path], clients, duration)
            floor = measure(f"http://127.0.0.1:{static_port}", [files[name]], clients, duration)
            best = measure(f"http://127.0.0.1:{nginx_port}", [files[name]], clients, duration) if nginx else None
            ok = ours["rps"] >= 3000 and ours["p99_ms"] <= 50 and not ours["errors"]
            print(f"  serve {name:22s} {ours['rps']:6.0f} req/s p99 {ours['p99_ms']:6.1f} ms (errors {ours['errors']})   "
                  f"static server, same bytes: {floor['rps']:6.0f} req/s p99 {floor['p99_ms']:6.1f} ms   "
                  + (f"nginx: {best['rps']:6.0f} req/s p99 {best['p99_ms']:6.1f} ms ({ours['rps'] / best['rps']:.2f}x)   "
                     if best else "")
                  + f"{'PASS' if ok else 'MISS'} (>= 3,000 req/s, p99 <= 50 ms; {ours['tool']})", flush=True)
            out.append({"scenario": name, "serve": ours, "static": floor, "nginx": best})
    finally:
        for p in servers:
            p.terminate()
        for p in servers:
            p.wait(30)
        if nginx is not None:
            stop(nginx[0])
            shutil.rmtree(nginx[1], ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
    return out


#: Folders the publish bench wrote, removed once every measurement of the run is done. On ext4
#: without a journal a new file's inode skips those freed in the last 60-300 s, reading each one's
#: deletion time: just after a site of 2.6 million files is deleted, making a file costs up to 17
#: times the system time (bench/README.md), which would charge the next measurement for this one's
#: clean-up.
_REMOVE_AT_END: list[Path] = []


def _remove_left() -> None:
    while _REMOVE_AT_END:
        shutil.rmtree(_REMOVE_AT_END.pop(), ignore_errors=True)


def _plain_writes(files: list[tuple[str, int]], folder: Path) -> float:
    """Seconds plain Python takes to write ``files`` (relative path, size) under ``folder``: the floor
    of any static-site writer (makedirs, open, write; no fsync, as the publish does none per file)."""
    import os

    t0 = time.perf_counter()
    made: set[str] = set()
    for rel, size in files:
        d = os.path.dirname(rel)
        if d not in made:
            os.makedirs(folder / d, exist_ok=True)
            made.add(d)
        with open(folder / rel, "wb") as fh:
            fh.write(b"x" * size)
    return time.perf_counter() - t0


def bench_publish(store_dir: Path, n: int, jobs: int = 2, out_dir: Path | None = None) -> dict:
    """``rcmkg publish --jobs 2`` of the store (the whole site: pages in both languages, RDF
    documents, dumps, VoID, ontology docs, the validation report): wall, CPU (its process and its
    workers), peak RSS, pages and files; beside plain Python writing the same number of files of
    the same sizes. Target: 10,000 reports in <= 10 minutes (at another size, the time scaled
    linearly to 10,000). The site and the plain files go into a temporary folder under ``out_dir``,
    removed at the end of the run (:func:`main`), not between measurements."""
    import os
    import re
    import resource
    import tempfile

    if out_dir is not None:
        Path(out_dir).mkdir(parents=True, exist_ok=True)  # a --publish-dir that does not exist yet
    parent = Path(tempfile.mkdtemp(prefix="rcmkg-bench-publish-", dir=out_dir))
    try:
        free = shutil.disk_usage(parent).free
        # about 2.1 MB a report at 100 (pages, documents, dumps), twice (the site and the plain
        # files, both kept until the end of the run): with room to spare
        need = n * 5_000_000
        if free < need:
            print(f"  publish: skipped, {free / 1e9:.0f} GB free under {parent}, about {need / 1e9:.0f} GB needed "
                  f"(--publish-dir elsewhere)", flush=True)
            return {"skipped": "disk"}
        site = parent / "site"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "rcmkg", "publish", "--store", str(store_dir), "--out", str(site),
                              "--jobs", str(jobs)], capture_output=True, text=True, check=True)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        rss_mb = after.ru_maxrss / 1024  # the largest child so far (Linux: kB)
        m = re.search(r"published (\d+) pages \((\d+) files\)", run.stderr)
        pages = int(m.group(1)) if m else -1
        files = [(str(Path(dp, f).relative_to(site)), os.path.getsize(Path(dp, f)))
                 for dp, _dirs, names in os.walk(site) for f in names]
        total = sum(size for _rel, size in files)
        floor = _plain_writes(files, parent / "plain")  # the site is kept: no deletion just before
        at10k = wall * 10000 / n
        print(f"  publish --jobs {jobs}: {wall:7.1f} s wall, {cpu:7.1f} s CPU, {pages} pages ({len(files)} files, "
              f"{total / 1e6:.0f} MB), peak RSS {rss_mb:.0f} MB   plain Python writing the same files: {floor:6.1f} s "
              f"({wall / floor:.1f}x)   {'PASS' if at10k <= 600 else 'MISS'} (10,000 in <= 10 min"
              f"{'' if n == 10000 else f'; {at10k / 60:.0f} min scaled'})", flush=True)
        return {"wall_s": wall, "cpu_s": cpu, "pages": pages, "files": len(files), "bytes": total,
                "peak_rss_mb": rss_mb, "plain_writes_s": floor}
    finally:
        _REMOVE_AT_END.append(parent)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_scale", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000", help="comma-separated report counts (default 1000)")
    ap.add_argument("--work", type=Path, default=WORK, help=f"folder for reports, Turtle and stores (default {WORK})")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per query (median)")
    ap.add_argument("--validate", type=int, default=64, metavar="N", help="reports to validate (default 64)")
    ap.add_argument("--quick", action="store_true", help="100 reports, 2 runs, 5 files validated, 3 s of load")
    ap.add_argument("--clients", type=int, default=32, help="concurrent clients for the throughput runs")
    ap.add_argument("--duration", type=float, default=10.0, help="seconds of load per throughput scenario")
    ap.add_argument("--skip", default="", help="comma-separated parts to leave out: queries,actors,lists,pages,validate,startup,serve,publish")
    ap.add_argument("--publish-dir", type=Path, default=None, help="where the publish bench writes its site (default: the temp folder)")
    ap.add_argument("--validate-only", action="store_true", help="only the validation figures (no load, no queries)")
    args = ap.parse_args(argv)
    sizes = [100] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    runs, nval, duration = (2, 5, 3.0) if args.quick else (args.runs, args.validate, args.duration)
    skip = set(args.skip.split(","))
    results = {}
    try:
        _measure(args, sizes, runs, nval, duration, skip, results)
    finally:
        _remove_left()
    (args.work / "results.json").write_text(json.dumps(results, indent=2))
    return 0


def _measure(args: argparse.Namespace, sizes: list[int], runs: int, nval: int, duration: float, skip: set[str],
             results: dict) -> None:
    for n in sizes:
        print(f"== {n} reports", flush=True)
        if args.validate_only:
            rdf = _prepare(n, args.work, load=False)[0]
            results[n] = {"validate": bench_validate(rdf, nval)}
            continue
        rdf, store = _prepare(n, args.work)
        results[n] = {
            "queries": bench_queries(store, runs) if "queries" not in skip else None,
            "actors": bench_actor_pages(store, runs) if "actors" not in skip else None,
            "lists": bench_commitment_lists(store, runs) if "lists" not in skip else None,
            "pages": bench_server_pages(store) if "pages" not in skip else None,
            "validate": bench_validate(rdf, nval) if "validate" not in skip else None,
            "startup": bench_startup(store) if "startup" not in skip else None,
            "serve": bench_throughput(store, args.clients, duration) if "serve" not in skip else None,
            "publish": bench_publish(store, n, out_dir=args.publish_dir) if "publish" not in skip else None,
        }


if __name__ == "__main__":
    raise SystemExit(main())
