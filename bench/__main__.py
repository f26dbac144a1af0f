"""Run the benchmarks: all of them in turn, or those named.

    python -m bench                      # every benchmark, full size (what `make bench` runs)
    python -m bench --quick              # every benchmark, smoke-sized
    python -m bench --list               # what there is
    python -m bench store                # one (or several) by name
    python -m bench store -- --sizes 1000 --runs 3     # arguments after -- go to the one named

Each benchmark is a module ``bench/bench_{name}.py`` exposing ``main(argv) -> int``; a module that is
missing is skipped with a message. ``--quick`` becomes each benchmark's own smoke-run arguments. The
exit status is the first non-zero status of the benchmarks run (0 if all passed).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time

# name -> (module, what it measures, arguments for --quick)
BENCHMARKS: dict[str, tuple[str, str, list[str]]] = {
    "store": ("bench.bench_store", "rcmkg load, trace and commitments on the store vs rdflib in memory", ["--quick"]),
    "load": ("bench.bench_load", "rcmkg load: full load vs a bulk load, one-report reloads, generations vs in place",
             ["--quick"]),
    "convert": ("bench.bench_convert", "rcmkg convert vs reading the reports and writing the same triples",
                ["--quick"]),
    "query": ("bench.bench_query", "rcmkg query --data on the samples vs python + pyoxigraph loading them", ["--quick"]),
    "adversarial": ("bench.bench_adversarial", "worst-case convert time per report vs the median, adversarial inputs",
                    ["--quick"]),
    "scale": ("bench.bench_scale", "canned-query first pages and validate CPU per report at 1,000+ reports",
              ["--quick"]),
    "search": ("bench.bench_search", "full-text search with facets over the store's index vs count(*) and LIKE scans",
               ["--quick"]),
    "serve": ("bench.bench_serve", "rcmkg serve vs a static file server on the published site",
              ["--runs", "1", "--duration", "5"]),
    "hostile": ("bench.bench_hostile", "rcmkg serve page p99 with eight hostile clients beside it vs without",
                ["--runs", "1", "--duration", "5"]),
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        k = argv.index("--")
        argv, extra = argv[:k], argv[k + 1:]
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", metavar="NAME", help=f"benchmarks to run (default all: {', '.join(BENCHMARKS)})")
    ap.add_argument("--quick", action="store_true", help="smoke-sized runs")
    ap.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    ap.add_argument("--scale", type=int, metavar="N",
                    help="run the scale, load and convert benchmarks at 1,000 and N reports")
    args = ap.parse_args(argv)
    if args.list:
        for name, (module, what, _quick) in BENCHMARKS.items():
            print(f"{name:8s} {module:22s} {what}")
        return 0
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        ap.error(f"unknown benchmark {', '.join(unknown)} (choose from {', '.join(BENCHMARKS)})")
    names = args.names or list(BENCHMARKS)
    per_name: dict[str, list[str]] = {}
    if args.scale:
        # the archive-scale figures at 1,000 and N reports: the scale benchmark (queries, validate,
        # serve), the load's (full load vs a bulk load, one-report reload) and convert vs its floor;
        # arguments after -- (e.g. --work /work/bench10k) go to the scale benchmark, --work to the load's too
        sizes = ",".join(str(n) for n in sorted({1000, args.scale}))
        work = extra[extra.index("--work"):extra.index("--work") + 2] if "--work" in extra else []
        per_name = {"scale": ["--sizes", sizes, *extra],
                    "load": ["--sizes", sizes, "--runs", "1", "--no-in-place", *work],
                    "convert": ["--sizes", sizes, "--jobs", "2"]}
        names = [n for n in (args.names or list(per_name)) if n in per_name] or list(per_name)
        extra = []
    if extra and len(names) != 1:
        ap.error("arguments after -- need exactly one benchmark name")
    status = 0
    for name in names:
        module, _what, quick = BENCHMARKS[name]
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            print(f"== {name}: skipped ({module} is not there)", file=sys.stderr, flush=True)
            continue
        sub = per_name.get(name, (quick if args.quick else []) + extra)
        print(f"== {name}: python -m {module} {' '.join(sub)}".rstrip(), file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        rc = mod.main(sub)
        print(f"== {name}: exit {rc} after {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
        status = status or rc
    return status


if __name__ == "__main__":
    raise SystemExit(main())
