"""Canned-query first pages and validation CPU per report at archive scale (issue 10, points 1-2).

    python -m bench.bench_scale                      # 1,000 reports
    python -m bench.bench_scale --sizes 1000,10000   # or python -m bench --scale 10000
    python -m bench.bench_scale --quick              # 100 reports, a smoke run

For each size: generate the reports (seed 42), convert them (``--jobs 2``) and ``rcmkg load`` them
into ``WORK/store{n}`` once (a stamp file marks each finished step; later runs reuse it). Then, in
this process, against baselines measured beside them:

* every canned query's first page (``run_page``, 20 meetings or rows), median of ``--runs``, next to
  a plain pyoxigraph SELECT reading the same page's meetings' triples (``VALUES ?s {...} ?s ?p ?o``);
  target <= 200 ms;
* ``rcmkg validate``'s CPU per report on ``--validate`` files (one process), next to plain pyshacl
  over one file with the core shapes and nothing else; target <= 20 ms.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

WORK = Path(__file__).resolve().parent / "out" / "scale"
PAGE = 20


def _prepare(n: int, work: Path) -> tuple[Path, Path]:
    reports, rdf, store = work / f"rep{n}", work / f"rdf{n}", work / f"store{n}"
    py = sys.executable
    steps = [
        (reports, [py, "-m", "bench.generate", "--reports", str(n), "--out", str(reports), "--clean"]),
        (rdf, [py, "-m", "rcmkg", "convert", str(reports), "--out", str(rdf), "--jobs", "2", "-q"]),
        (store, [py, "-m", "rcmkg", "load", str(rdf), "--store", str(store), "-q"]),
    ]
    for folder, cmd in steps:
        stamp = work / f".{folder.name}.done"
        if stamp.exists():
            continue
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(f"{time.perf_counter() - t0:.1f} s\n")
        print(f"  {folder.name}: {time.perf_counter() - t0:.0f} s", flush=True)
    return rdf, store


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(1000 * (time.perf_counter() - t0))
    return statistics.median(times)


def bench_queries(store_dir: Path, runs: int) -> list[dict]:
    from rcmkg.sparql.catalogue import load_queries, run_page
    from rcmkg.store.local import LocalStore

    store = LocalStore(store_dir, read_only=True)
    out = []
    try:
        for name, q in load_queries().items():
            params = {"item": "work-plan-migrant-smuggling"} if name == "trace" else {}
            page = run_page(store, q, params, limit=PAGE)
            ms = _median_ms(lambda q=q, params=params: run_page(store, q, params, limit=PAGE), runs)
            keys = sorted({r["meeting"].value for r in page.result.rows if r.get("meeting") is not None})
            floor = ("SELECT ?s ?p ?o WHERE { VALUES ?s { " + " ".join(f"<{k}>" for k in keys)
                     + " } ?s ?p ?o }")
            base = _median_ms(lambda floor=floor: list(store.ox.query(floor, use_default_graph_as_union=True)), runs)
            out.append({"query": name, "rows": len(page.result.rows), "ms": ms, "baseline_ms": base})
            print(f"  {name:14s} first page {ms:8.1f} ms ({len(page.result.rows)} rows)   "
                  f"plain SELECT of the page's meetings {base:7.1f} ms   "
                  f"{'PASS' if ms <= 200 else 'MISS'} (<= 200 ms)", flush=True)
    finally:
        store.close()
    return out


def bench_validate(rdf: Path, files: int) -> dict:
    import pyshacl
    import rdflib

    from rcmkg.settings import Settings
    from rcmkg.validate import validate

    paths = sorted(rdf.glob("*.ttl"))[:files]
    settings = Settings(jobs=1)
    validate(paths[:1], settings=settings)  # shared graphs parsed and cached, as in a long run
    t0 = time.process_time()
    validate(paths, settings=settings)
    ours = 1000 * (time.process_time() - t0) / len(paths)
    shapes = rdflib.Graph()
    for f in sorted((Path(__file__).resolve().parents[1] / "shapes").glob("rcm-*.ttl")):
        shapes.parse(f, format="turtle")
    t0 = time.process_time()
    for p in paths:
        pyshacl.validate(rdflib.Graph().parse(p, format="turtle"), shacl_graph=shapes, allow_warnings=True)
    plain = 1000 * (time.process_time() - t0) / len(paths)
    print(f"  validate: {ours:.0f} ms CPU per report ({len(paths)} reports, one process)   "
          f"plain pyshacl over one file: {plain:.0f} ms   {'PASS' if ours <= 20 else 'MISS'} (<= 20 ms)", flush=True)
    return {"files": len(paths), "ms_cpu": ours, "pyshacl_ms_cpu": plain}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_scale", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000", help="comma-separated report counts (default 1000)")
    ap.add_argument("--work", type=Path, default=WORK, help=f"folder for reports, Turtle and stores (default {WORK})")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per query (median)")
    ap.add_argument("--validate", type=int, default=30, metavar="N", help="reports to validate (default 30)")
    ap.add_argument("--quick", action="store_true", help="100 reports, 2 runs, 5 files validated")
    args = ap.parse_args(argv)
    sizes = [100] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    runs, nval = (2, 5) if args.quick else (args.runs, args.validate)
    for n in sizes:
        print(f"== {n} reports", flush=True)
        rdf, store = _prepare(n, args.work)
        bench_queries(store, runs)
        bench_validate(rdf, nval)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
