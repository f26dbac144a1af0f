"""Benchmark ``rcmkg convert`` against a floor: reading the same reports and writing the same triples.

    python -m bench.bench_convert                    # 10,000 reports, jobs 1 and 2, 3 runs (median)
    python -m bench.bench_convert --quick            # 300 reports, 1 run: a quick look
    python -m bench.bench_convert --reports 1000 --runs 5
    python -m bench.bench_convert --sizes 1000,10000 --jobs 2     # what `python -m bench --scale 10000` runs
    python -m bench.bench_convert --src /work/bench10k/rep{n} --sizes 1000 --baseline ../main   # before/after

It generates the synthetic reports with ``bench.generate`` (seed 42) into
``bench/out/convert/reports-10k`` (reused while the generator and the count are unchanged) and
measures, in every run, in a fresh output folder:

* ``rcmkg convert DIR --out OUT --jobs 1 --quiet`` and ``--jobs 2``: the command users run, in a
  fresh process, timed from start to exit (interpreter start, imports and the process pool included);
* the floor: for each report, rcmkg's reader (``rcmkg.converters.read.read``, the bytes -> text
  step: size checks, sha256, encoding detection) and then ``pyoxigraph.serialize`` of the very
  triples rcmkg wrote for it into one Turtle file (same prefixes and ``@base``). The triples are
  parsed from rcmkg's output beforehand, in batches, outside the timing. The floor runs in 1 and in
  2 fresh worker processes (each takes every other report); its time is the slowest worker's sum of
  timed batches, so process start-up and the preparation are not in it.

``--baseline TREE`` also times the ``rcmkg convert`` of another source tree (e.g. a checkout of
main) in the same runs, for a before/after measured side by side. ``--src DIR`` converts reports
already generated elsewhere (read only). It prints reports/s for each (median of ``--runs``), the ratio convert / floor with the same number
of processes, and PASS or MISS against the issue's target (within 3x of the floor), and writes
``bench/out/convert/results.json``. CPU seconds (user + sys, all processes) are recorded beside the
wall time: on the noisy 2-core project machine they move less than wall time. The exit status is 1
only if something is wrong (a failed conversion, jobs 1 and 2 giving different files, the floor
writing a different number of files or triples), never for a MISS.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out" / "convert"
TARGET = 3.0  # the goal: convert within 3x of the floor
BATCH = 250  # reports whose triples the floor holds in memory at a time


# --- input -----------------------------------------------------------------------------------------------


def reports_dir(n: int) -> Path:
    """``bench/out/convert/reports-10k`` for 10,000 reports, ``reports-300`` for 300."""
    return OUT / (f"reports-{n // 1000}k" if n >= 1000 and n % 1000 == 0 else f"reports-{n}")


def ensure_reports(n: int, folder: Path, seed: int = 42) -> list[Path]:
    """The ``n`` generated reports in ``folder``, written unless a previous run left exactly them.

    A ``manifest.json`` records the count, the seed and a hash of ``bench/generate.py``; the folder
    is rewritten (``--clean``) when any of them changed.
    """
    from bench.generate import GENERATED, write_reports

    gen_hash = hashlib.sha256((REPO / "bench" / "generate.py").read_bytes()).hexdigest()
    want = {"reports": n, "seed": seed, "generator_sha256": gen_hash}
    manifest = folder / "manifest.json"
    files = sorted(p for p in folder.glob("*.txt") if GENERATED.match(p.name)) if folder.is_dir() else []
    if not (manifest.exists() and json.loads(manifest.read_text()) == want and len(files) == n):
        t0 = time.perf_counter()
        write_reports(n, folder, seed=seed, clean=True)
        manifest.write_text(json.dumps(want, indent=2))
        files = sorted(p for p in folder.glob("*.txt") if GENERATED.match(p.name))
        print(f"generated {n} reports in {folder} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return files


def existing_reports(folder: Path) -> list[Path]:
    """The generated reports already in ``folder`` (named as ``bench.generate`` names them), sorted."""
    from bench.generate import GENERATED

    return sorted(p for p in folder.glob("*.txt") if GENERATED.match(p.name))


def turtle_name(report: Path) -> str:
    """``00012_rcm-rrpc_2004-06-14.txt`` -> ``rcm-rrpc_2004-06-14.ttl``, the file convert writes for it."""
    return report.stem.split("_", 1)[1] + ".ttl"


def _fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


# --- rcmkg convert ------------------------------------------------------------------------------------------


def run_convert(src: Path, out: Path, jobs: int, cli: bool = True, tree: Path | None = None) -> dict[str, float]:
    """Convert every report in ``src`` into a fresh ``out``; wall and CPU seconds and files written.

    ``cli`` runs ``python -m rcmkg convert`` in a new process (what the benchmark measures); without
    it, :func:`rcmkg.pipeline.convert` runs in this process (what the unit test uses). ``tree`` runs
    the rcmkg of another source tree instead (e.g. main's, for a before/after in the same run).
    """
    _fresh(out)
    cpu0, t0 = _children_cpu(), time.perf_counter()
    if cli:
        cmd = [sys.executable, "-m", "rcmkg", "convert", str(src), "--out", str(out), "--jobs", str(jobs), "--quiet"]
        env = None
        if tree is not None:
            env = {**os.environ, "PYTHONPATH": str(tree)}  # found before the installed (editable) rcmkg
        proc = subprocess.run(cmd, cwd=tree or REPO, capture_output=True, text=True, env=env)
        wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
        if proc.returncode != 0:
            raise RuntimeError(f"rcmkg convert --jobs {jobs} exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    else:
        from rcmkg.pipeline import convert
        from rcmkg.settings import Settings

        c0 = time.process_time()
        summary = convert([src], out, Settings(), jobs=jobs)
        wall = time.perf_counter() - t0
        cpu = time.process_time() - c0 + _children_cpu() - cpu0
        if summary.errors:
            raise RuntimeError(f"convert --jobs {jobs}: {len(summary.errors)} failed, first {summary.errors[0]}")
    return {"wall": wall, "cpu": cpu, "files": sum(1 for _ in out.glob("*.ttl"))}


# --- the floor ------------------------------------------------------------------------------------------------


def floor_pass(pairs: list[tuple[str, str]], out: str, base_iri: str) -> dict[str, float]:
    """Read each report and write its triples with pyoxigraph; only the read + write is timed.

    ``pairs`` are (report file, rcmkg's Turtle for it). Triples are parsed from the Turtle
    ``BATCH`` reports at a time, before that batch's clock starts.
    """
    import pyoxigraph as ox

    from rcmkg.converters.read import read
    from rcmkg.namespaces import PREFIXES

    out_dir = Path(out)
    wall = cpu = 0.0
    triples = files = 0
    for i in range(0, len(pairs), BATCH):
        batch = [(Path(src), list(ox.parse(path=ttl, format=ox.RdfFormat.TURTLE)), Path(ttl).name)
                 for src, ttl in pairs[i : i + BATCH]]
        t0, c0 = time.perf_counter(), time.process_time()
        for src, graph, name in batch:
            read(src)
            ox.serialize(graph, out_dir / name, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES, base_iri=base_iri)
        wall += time.perf_counter() - t0
        cpu += time.process_time() - c0
        triples += sum(len(g) for _, g, _ in batch)
        files += len(batch)
    return {"wall": wall, "cpu": cpu, "triples": triples, "files": files}


def run_floor(reports: list[Path], turtle: Path, out: Path, processes: int) -> dict[str, float]:
    """The floor in ``processes`` fresh worker processes, each taking every ``processes``-th report.

    Its wall time is the slowest worker's timed total; CPU is the sum over workers.
    """
    from rcmkg.settings import Settings

    _fresh(out)
    pairs = [(str(r), str(turtle / turtle_name(r))) for r in reports]
    base_iri = Settings().base + "id/"
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(processes) as pool:
        parts = pool.starmap(floor_pass, [(pairs[k::processes], str(out), base_iri) for k in range(processes)])
    return {"wall": max(p["wall"] for p in parts), "cpu": sum(p["cpu"] for p in parts),
            "files": sum(p["files"] for p in parts), "triples": sum(p["triples"] for p in parts)}


def count_triples(folder: Path) -> dict[str, int]:
    """Triples in each Turtle file of ``folder``, by file name (parsed with pyoxigraph)."""
    import pyoxigraph as ox

    return {p.name: sum(1 for _ in ox.parse(path=str(p), format=ox.RdfFormat.TURTLE))
            for p in sorted(folder.glob("*.ttl"))}


def same_files(a: Path, b: Path) -> bool:
    """True if folders ``a`` and ``b`` hold the same file names with the same bytes."""
    names = sorted(p.name for p in a.iterdir())
    if names != sorted(p.name for p in b.iterdir()):
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return not mismatch and not errors


# --- the run -----------------------------------------------------------------------------------------------------


def measure(n: int, src: Path, reports: list[Path], runs: int, jobs_list: list[int],
            baseline: Path | None = None) -> tuple[dict, dict, list[str]]:
    """``runs`` interleaved runs of convert (each ``--jobs`` in ``jobs_list``, and the ``baseline``
    tree's convert with the largest of them) and of the floor with as many processes; the medians,
    the ratios to the floor and the problems found."""
    top = max(jobs_list)
    rdf = {j: OUT / f"rdf-jobs{j}" for j in jobs_list}
    names: list[tuple[str, Callable[[], dict[str, float]]]] = []
    for j in jobs_list:
        names.append((f"convert --jobs {j}", lambda j=j: run_convert(src, rdf[j], j)))
    if baseline is not None:
        names.append((f"baseline convert --jobs {top}",
                      lambda: run_convert(src, OUT / "rdf-baseline", top, tree=baseline)))
    for j in jobs_list:
        names.append((_floor_name(j), lambda j=j: run_floor(reports, rdf[jobs_list[0]], OUT / f"floor-{j}", j)))
    results: dict[str, list[dict[str, float]]] = {name: [] for name, _ in names}
    problems: list[str] = []
    print(f"{n} reports in {src}; {runs} run(s)", file=sys.stderr)
    for run in range(runs):
        # Interleaved, so that a noisy spell on the shared machine hits every measurement alike.
        for name, run_one in names:
            r = run_one()
            r["rps"] = n / r["wall"]
            results[name].append(r)
            print(f"run {run + 1} {name:28s} {r['rps']:8.1f} reports/s  {r['wall']:7.2f} s  "
                  f"cpu {r['cpu']:7.2f} s  files {r['files']}", file=sys.stderr, flush=True)
        for j in jobs_list[1:]:
            if not same_files(rdf[jobs_list[0]], rdf[j]):
                problems.append(f"run {run + 1}: --jobs {jobs_list[0]} and --jobs {j} wrote different files")
        for name in results:
            if results[name][-1]["files"] != n:
                problems.append(f"run {run + 1}: {name} wrote {results[name][-1]['files']} files, not {n}")

    summary = {}
    for name, rs in results.items():
        summary[name] = {"reports_per_s": statistics.median(r["rps"] for r in rs),
                         "wall_s": statistics.median(r["wall"] for r in rs),
                         "cpu_s": statistics.median(r["cpu"] for r in rs), "runs": rs}
    ratios = {}
    for name in summary:
        if not name.startswith(("convert", "baseline")):
            continue
        jobs = int(name.rsplit(" ", 1)[1])
        conv, floor = summary[name], summary[_floor_name(jobs)]
        ratio = floor["reports_per_s"] / conv["reports_per_s"]
        key = f"jobs {jobs}" if name.startswith("convert") else f"baseline jobs {jobs}"
        ratios[key] = {"ratio": ratio, "cpu_ratio": conv["cpu_s"] / floor["cpu_s"],
                       "verdict": "PASS" if ratio <= TARGET else "MISS"}
        conv["vs_floor"] = ratios[key]

    print(f"\n{n} reports, median of {runs} run(s); convert is the CLI in a fresh process\n")
    print("| measurement | reports/s | wall s | CPU s | convert / floor | target <= 3x |")
    print("|---|---:|---:|---:|---:|---|")
    for name in summary:
        s = summary[name]
        vs = s.get("vs_floor")
        extra = f"{vs['ratio']:.1f}x (CPU {vs['cpu_ratio']:.1f}x) | {vs['verdict']}" if vs else " | "
        print(f"| {name} | {s['reports_per_s']:.1f} | {s['wall_s']:.2f} | {s['cpu_s']:.2f} | {extra} |", flush=True)
    return summary, ratios, problems


def _floor_name(jobs: int) -> str:
    return f"floor, {jobs} process{'es' if jobs > 1 else ''}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_convert", description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=None, metavar="N", help="reports to convert (default 10000)")
    ap.add_argument("--sizes", default=None, metavar="N,M", help="several report counts in turn (e.g. 1000,10000)")
    ap.add_argument("--runs", type=int, default=None,
                    help="runs; the median is reported (default 3, 1 above 1,000 reports)")
    ap.add_argument("--jobs", default="1,2", metavar="J,K", help="--jobs values to measure (default 1,2)")
    ap.add_argument("--quick", action="store_true", help="300 reports and 1 run, unless given")
    ap.add_argument("--seed", type=int, default=42, help="generator seed (default 42)")
    ap.add_argument("--src", default=None, metavar="DIR",
                    help="convert the generated reports already in DIR (read only; e.g. a shared copy; "
                         "'{n}' in it is the report count) instead of generating them under bench/out/convert")
    ap.add_argument("--baseline", type=Path, default=None, metavar="TREE",
                    help="also measure the convert of another rcmkg source tree (e.g. main's) with the "
                         "largest --jobs, in the same runs: a before/after")
    args = ap.parse_args(argv)
    if args.sizes:
        sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    else:
        sizes = [args.reports if args.reports is not None else (300 if args.quick else 10000)]
    jobs_list = sorted({int(x) for x in args.jobs.split(",") if x.strip()})
    if min(sizes) < 2 or (args.runs is not None and args.runs < 1) or not jobs_list or min(jobs_list) < 1:
        ap.error("report counts must be >= 2, --runs >= 1 and --jobs >= 1")

    problems: list[str] = []
    by_size = {}
    for n in sizes:
        runs = args.runs if args.runs is not None else (1 if args.quick or n > 1000 else 3)
        if args.src is not None:
            src = Path(args.src.replace("{n}", str(n))).resolve()
            reports = existing_reports(src)
            if len(reports) != n:
                ap.error(f"{src} holds {len(reports)} generated reports, not {n}")
        else:
            src = reports_dir(n) if args.seed == 42 else OUT / f"reports-{n}-seed{args.seed}"
            reports = ensure_reports(n, src, args.seed)
        summary, ratios, found = measure(n, src, reports, runs, jobs_list, args.baseline)
        problems += [f"{n} reports: {p}" for p in found]
        by_size[str(n)] = {"runs": runs, "results": summary, "ratios": ratios}
    for p in problems:
        print(f"error: {p}", file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(
        {"sizes": by_size, "seed": args.seed, "convert": "rcmkg convert CLI, fresh process",
         "baseline": str(args.baseline) if args.baseline else None, "target_ratio": TARGET,
         "problems": problems}, indent=2))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
