"""What crash-consistent loads cost: ``rcmkg load`` (a new store generation, switched when finished)
against writing the store in place as loads did before (same ``LocalStore.load`` and index refresh).

    python -m bench.bench_load                  # 1,000 reports, 3 runs (median)
    python -m bench.bench_load --sizes 200 --runs 1

For each size (synthetic reports converted once by :func:`bench.bench_store.prepare`), timed in
alternation so both see the same machine:

* full load into an empty store: in place vs ``load_paths`` (generations);
* one-report reload (one file changed): in place vs ``load_paths``, which first checkpoints the
  current generation (``Store.backup``: hard links) and then switches the pointer;
* the checkpoint alone, and the disk the store folder takes after the reload (``du``, hard links
  counted once).

Prints the figures and the ratios (generations / in place) and writes ``bench/out/load/results.json``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

from bench.bench_store import prepare

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out" / "load"


def _in_place(rdf: Path | list[Path], store: Path) -> float:
    from rcmkg.index.commitments import refresh_commitments
    from rcmkg.index.timelines import refresh_timelines
    from rcmkg.store.local import LocalStore

    t0 = time.perf_counter()
    with LocalStore(store) as s:
        summary = s.load(rdf if isinstance(rdf, list) else [rdf])
        refresh_timelines(s)
        refresh_commitments(s)
        assert not summary.errors, summary.errors[:1]
    return time.perf_counter() - t0


def _generations(rdf: Path | list[Path], store: Path) -> float:
    from rcmkg.settings import Settings
    from rcmkg.store.load import load_paths

    t0 = time.perf_counter()
    summary = load_paths(rdf if isinstance(rdf, list) else [rdf], Settings(store=str(store)))
    assert not summary.errors, summary.errors[:1]
    return time.perf_counter() - t0


def _checkpoint(store: Path, to: Path) -> float:
    from rcmkg.store.generations import current
    from rcmkg.store.load import _checkpoint as checkpoint

    gen = current(store)
    assert gen is not None
    shutil.rmtree(to, ignore_errors=True)
    t0 = time.perf_counter()
    checkpoint(gen, to)
    elapsed = time.perf_counter() - t0
    shutil.rmtree(to)
    return elapsed


def _du_mb(path: Path) -> float:
    out = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0]) / 1024


def run_size(n: int, runs: int, out: Path = OUT, data: Path | None = None) -> dict[str, Any]:
    """Both schemes on ``n`` reports (converted into ``data``, default bench/out/store), ``runs`` times."""
    rdf = prepare(n, data) if data is not None else prepare(n)
    work = out / f"work-{n}"
    files = sorted(rdf.glob("*.ttl"))
    assert files, f"no Turtle in {rdf}"
    changed = work / "changed.ttl"
    times: dict[str, list[float]] = {k: [] for k in ("full_in_place", "full_generations", "one_in_place",
                                                      "one_generations", "checkpoint")}
    for run in range(runs):
        for scheme, load in (("in_place", _in_place), ("generations", _generations)):
            store = work / f"store-{scheme}"
            shutil.rmtree(store, ignore_errors=True)
            store.parent.mkdir(parents=True, exist_ok=True)
            times[f"full_{scheme}"].append(load(rdf, store))
            print(f"  run {run + 1}: full load, {scheme}: {times[f'full_{scheme}'][-1]:.2f} s", flush=True)
            # One report changed: a triple more in one file (a new hash, so its graph is replaced).
            changed.write_text(files[0].read_text(encoding="utf-8")
                               + f'\n<urn:bench:run/{run}> <urn:bench:p> "{scheme}" .\n', encoding="utf-8")
            times[f"one_{scheme}"].append(load([changed], store))
            print(f"  run {run + 1}: one-report reload, {scheme}: {times[f'one_{scheme}'][-1]:.2f} s", flush=True)
        times["checkpoint"].append(_checkpoint(work / "store-generations", work / "checkpoint"))
    med = {k: statistics.median(v) for k, v in times.items()}
    return {
        "reports": len(files), "runs": runs, "median_s": med, "samples_s": times,
        "ratio_full": med["full_generations"] / med["full_in_place"],
        "ratio_one": med["one_generations"] / med["one_in_place"],
        "disk_mb": {"in_place": _du_mb(work / "store-in_place"), "generations": _du_mb(work / "store-generations")},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000", help="comma-separated report counts")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="30 reports, 1 run: a smoke run")
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes, args.runs = "30", 1
    results = {}
    for n in (int(x) for x in args.sizes.split(",")):
        r = results[str(n)] = run_size(n, args.runs)
        m = r["median_s"]
        print(f"{r['reports']} reports ({r['runs']} runs, medians): full load {m['full_in_place']:.2f} s in place, "
              f"{m['full_generations']:.2f} s with generations (x{r['ratio_full']:.2f}); one-report reload "
              f"{m['one_in_place']:.2f} s in place, {m['one_generations']:.2f} s with generations "
              f"(x{r['ratio_one']:.2f}), of which the checkpoint {m['checkpoint'] * 1000:.0f} ms; disk "
              f"{r['disk_mb']['in_place']:.1f} MB in place, {r['disk_mb']['generations']:.1f} MB with two generations")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
