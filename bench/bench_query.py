"""``rcmkg query meetings --data DIR`` start to finish, against the floor of the same work.

    python -m bench.bench_query [--runs 15] [--data DIR]

The command (a fresh process, as a person runs it) loads the converted sample reports in memory with
the registry, the ontology and its entailments, runs the canned query ``meetings`` and prints the
table. The floor, in the same run and the same way (a fresh process each time), is what no
implementation can skip: start Python, import pyoxigraph, load the same Turtle files into a store
and run the same SELECT. Both are timed in alternation, so a busy machine slows both alike; the
medians (wall and CPU seconds, user + sys) and their ratio go to ``bench/out/query/results.json``.

The ontology-closure cache (``RCMKG_CACHE_DIR``) is a fresh folder, filled by one untimed run first:
the closure is computed once per ontology, as on a person's machine. The target of issue 15 is
under 0.4 s on a quiet machine for the samples (1.2 s before the closure cache hit).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "query"

FLOOR = """
import sys, pyoxigraph as ox
from pathlib import Path
store = ox.Store()
for f in sorted(Path(sys.argv[1]).glob("*.ttl")):
    store.load(f.read_bytes(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:g:" + f.name))
query = Path(sys.argv[2]).read_text(encoding="utf-8")
print(len(list(store.query(query, use_default_graph_as_union=True))))
"""


def converted(folder: Path) -> Path:
    """The sample reports converted into ``folder`` (converted again each run: it takes a second)."""
    subprocess.run([sys.executable, "-m", "rcmkg", "convert", str(ROOT / "data" / "reports"), "--out", str(folder),
                    "--quiet", "--jobs", "1"], check=True, cwd=ROOT)
    return folder


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, cwd=tempfile.gettempdir())
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(data: Path, runs: int, cache: Path) -> dict[str, float]:
    """Median wall and CPU seconds of the command and of the floor, timed in alternation."""
    from rcmkg.sparql.catalogue import bind, get_query

    # Bytecode cached (in the temp folder) as on a person's machine, even where the environment
    # says not to write it: otherwise every run compiles every module it imports again.
    env = {**os.environ, "RCMKG_CACHE_DIR": str(cache), "PYTHONPYCACHEPREFIX": str(cache / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    query_file = cache / "meetings.rq"
    query_file.write_text(bind(get_query("meetings")), encoding="utf-8")
    command = [sys.executable, "-m", "rcmkg", "query", "meetings", "--data", str(data)]
    floor = [sys.executable, "-c", FLOOR, str(data), str(query_file)]
    timed(command, env)  # fills the closure and bytecode caches (and warms the file system)
    timed(floor, env)
    rcmkg: list[tuple[float, float]] = []
    base: list[tuple[float, float]] = []
    for _ in range(runs):
        rcmkg.append(timed(command, env))
        base.append(timed(floor, env))
    out = {
        "runs": float(runs),
        "query_wall_median": statistics.median(w for w, _ in rcmkg),
        "query_cpu_median": statistics.median(c for _, c in rcmkg),
        "floor_wall_median": statistics.median(w for w, _ in base),
        "floor_cpu_median": statistics.median(c for _, c in base),
    }
    out["ratio_wall"] = out["query_wall_median"] / out["floor_wall_median"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_query", description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=15, help="runs of each; medians are reported (default 15)")
    ap.add_argument("--quick", action="store_true", help="3 runs")
    ap.add_argument("--data", type=Path, default=None, help="converted Turtle (default: the samples, converted)")
    args = ap.parse_args(argv)
    runs = 3 if args.quick else args.runs
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rcmkg-bench-query-") as tmp:
        data = args.data or converted(Path(tmp) / "rdf")
        result = measure(data, runs, Path(tmp))
    print(f"rcmkg query meetings --data: median {result['query_wall_median']:.3f} s wall, "
          f"{result['query_cpu_median']:.3f} s CPU; floor (python + pyoxigraph load + SELECT): "
          f"{result['floor_wall_median']:.3f} s wall, {result['floor_cpu_median']:.3f} s CPU; "
          f"ratio {result['ratio_wall']:.2f} ({runs} runs each)")
    (OUT / "results.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
