"""What crash-consistent loads cost: ``rcmkg load`` (a new store generation, switched when finished)
against writing the store in place as loads did before (same ``LocalStore.load`` and index refresh).

    python -m bench.bench_load                  # 1,000 reports, 3 runs (median)
    python -m bench.bench_load --sizes 200 --runs 1
    python -m bench.bench_load --sizes 1000,10000 --runs 1 --no-in-place --work /work/bench10k

For each size (synthetic reports converted once by :func:`bench.bench_store.prepare`), timed in
alternation so both see the same machine:

* full load into an empty store: in place vs ``load_paths`` (generations);
* one-report reload (one file changed): in place vs ``load_paths``, which first checkpoints the
  current generation (``Store.backup``: hard links) and then switches the pointer;
* the checkpoint alone, and the disk the store folder takes after the reload (``du``, hard links
  counted once).

and, for issue 10's targets, beside a baseline timed in the same run:

* **bulk**: a plain pyoxigraph store filled with the same files (each parsed by ``pyoxigraph.parse``
  into its own named graph, all through one ``Store.bulk_extend``): no registry, no entailments, no
  indexes. ``rcmkg load``'s full load should take at most 2x that;
* **one literal**: ``rcmkg load`` of the whole folder again after one literal of one report in the
  middle of the archive changed (an agreement's text): at most 2 s at 10,000 reports, whatever the
  archive's size. It is timed with the folder, as people run it (every file is read and hashed).

Prints the figures and the ratios (generations / in place, full load / bulk) and writes
``bench/out/load/results.json``. ``--no-in-place`` leaves out the in-place scheme (half the time).
"""

from __future__ import annotations

import argparse
import json
import re
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


def _bulk(rdf: Path, store: Path) -> float:
    """The baseline: the same files in a plain pyoxigraph store, one named graph each, one bulk load."""
    import pyoxigraph as ox

    from rcmkg.settings import DEFAULT_BASE

    shutil.rmtree(store, ignore_errors=True)
    files = sorted(rdf.glob("*.ttl"))
    t0 = time.perf_counter()
    target = ox.Store(str(store))

    def quads() -> Any:
        for f in files:
            g = ox.NamedNode(f"{DEFAULT_BASE}id/graph/{f.stem}")
            for q in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE, base_iri=DEFAULT_BASE + "id/"):
                yield ox.Quad(q.subject, q.predicate, q.object, g)

    target.bulk_extend(quads())
    target.flush()
    elapsed = time.perf_counter() - t0
    del target
    return elapsed


def _change_literal(src: Path, dst: Path, run: int) -> None:
    """``dst`` as ``src`` with one literal changed: the first agreement text gets a sentence more."""
    text, n = re.subn(r'(rcm:text ")', rf"\1Revised in run {run + 1}. ", src.read_text(encoding="utf-8"), count=1)
    assert n == 1, f"no agreement text in {src}"
    dst.write_text(text, encoding="utf-8")


def _checkpoint(store: Path, to: Path) -> float:
    from rcmkg.store.generations import current
    from rcmkg.store.load import _checkpoint as checkpoint

    gen = current(store)
    assert gen is not None
    shutil.rmtree(to, ignore_errors=True)
    t0 = time.perf_counter()
    copy = checkpoint(gen, to)
    if copy is not None:  # the search index's copy, a thread's work during a load
        copy.wait()
    elapsed = time.perf_counter() - t0
    shutil.rmtree(to)
    return elapsed


def _du_mb(path: Path) -> float:
    out = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0]) / 1024


def run_size(n: int, runs: int, out: Path = OUT, data: Path | None = None, in_place: bool = True,
             work_data: Path | None = None) -> dict[str, Any]:
    """Both schemes on ``n`` reports (converted into ``data``, default bench/out/store; or, with
    ``work_data``, the ``rdf{n}`` folder bench_scale keeps there), ``runs`` times, and the bulk-load
    baseline with the one-literal reload."""
    if work_data is not None:
        from bench.bench_scale import _prepare

        rdf, _store = _prepare(n, work_data, load=False)
    else:
        rdf = prepare(n, data) if data is not None else prepare(n)
    work = out / f"work-{n}"
    files = sorted(rdf.glob("*.ttl"))
    assert files, f"no Turtle in {rdf}"
    changed = work / "changed.ttl"
    folder = work / "files"  # the archive as a folder of links, one file of which is edited
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for f in files:
        (folder / f.name).symlink_to(f.resolve())
    middle = folder / files[len(files) // 2].name
    keys = ["full_generations", "one_generations", "checkpoint", "bulk", "one_literal"]
    keys += ["full_in_place", "one_in_place"] if in_place else []
    times: dict[str, list[float]] = {k: [] for k in keys}
    schemes = (("in_place", _in_place), ("generations", _generations)) if in_place else (("generations", _generations),)
    for run in range(runs):
        times["bulk"].append(_bulk(rdf, work / "store-bulk"))
        print(f"  run {run + 1}: bulk-load baseline: {times['bulk'][-1]:.2f} s", flush=True)
        shutil.rmtree(work / "store-bulk", ignore_errors=True)
        for scheme, load in schemes:
            store = work / f"store-{scheme}"
            shutil.rmtree(store, ignore_errors=True)
            store.parent.mkdir(parents=True, exist_ok=True)
            times[f"full_{scheme}"].append(load(folder, store))
            print(f"  run {run + 1}: full load, {scheme}: {times[f'full_{scheme}'][-1]:.2f} s", flush=True)
            if scheme == "generations":
                # One literal of a report in the middle of the archive, reloading the whole folder.
                middle.unlink()
                _change_literal(files[len(files) // 2], middle, run)
                times["one_literal"].append(load(folder, store))
                print(f"  run {run + 1}: one literal changed, folder reloaded: {times['one_literal'][-1]:.2f} s", flush=True)
                middle.unlink()
                middle.symlink_to(files[len(files) // 2].resolve())
            # One report changed: a triple more in one file (a new hash, so its graph is replaced).
            changed.write_text(files[0].read_text(encoding="utf-8")
                               + f'\n<urn:bench:run/{run}> <urn:bench:p> "{scheme}" .\n', encoding="utf-8")
            times[f"one_{scheme}"].append(load([changed], store))
            print(f"  run {run + 1}: one-report reload, {scheme}: {times[f'one_{scheme}'][-1]:.2f} s", flush=True)
        times["checkpoint"].append(_checkpoint(work / "store-generations", work / "checkpoint"))
    med = {k: statistics.median(v) for k, v in times.items()}
    return {
        "reports": len(files), "runs": runs, "median_s": med, "samples_s": times,
        "ratio_full": med["full_generations"] / med["full_in_place"] if in_place else None,
        "ratio_one": med["one_generations"] / med["one_in_place"] if in_place else None,
        "full_vs_bulk": med["full_generations"] / med["bulk"],
        "one_literal_vs_bulk": med["one_literal"] / med["bulk"],
        "disk_mb": {"in_place": _du_mb(work / "store-in_place") if in_place else None,
                    "generations": _du_mb(work / "store-generations")},
    }


def describe(r: dict[str, Any]) -> str:
    """The figures of one size, for people, with the targets of issue 10."""
    m = r["median_s"]
    lines = [f"{r['reports']} reports ({r['runs']} runs, medians):"]
    lines.append(f"  full load {m['full_generations']:.2f} s, bulk-load baseline {m['bulk']:.2f} s: "
                 f"x{r['full_vs_bulk']:.2f} (target <= 2x: {'PASS' if r['full_vs_bulk'] <= 2 else 'MISS'})")
    verdict = "PASS" if m["one_literal"] <= 2 else "MISS"
    lines.append(f"  one literal changed, folder reloaded {m['one_literal']:.2f} s (x{r['one_literal_vs_bulk']:.3f} the "
                 f"baseline; target <= 2 s at 10,000 reports: {verdict}); one report with a triple more, the file "
                 f"alone: {m['one_generations']:.2f} s")
    if r["ratio_full"] is not None:
        lines.append(f"  in place: full {m['full_in_place']:.2f} s (generations x{r['ratio_full']:.2f}), one report "
                     f"{m['one_in_place']:.2f} s (generations x{r['ratio_one']:.2f}); checkpoint "
                     f"{m['checkpoint'] * 1000:.0f} ms; disk {r['disk_mb']['in_place']:.1f} MB in place, "
                     f"{r['disk_mb']['generations']:.1f} MB with two generations")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000", help="comma-separated report counts")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="30 reports, 1 run: a smoke run")
    ap.add_argument("--work", type=Path, default=None,
                    help="take the Turtle of N reports from WORK/rdfN as bench_scale makes it (e.g. /work/bench10k)")
    ap.add_argument("--no-in-place", dest="in_place", action="store_false",
                    help="leave out the in-place scheme (generations, bulk baseline and reloads only)")
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes, args.runs = "30", 1
    results = {}
    for n in (int(x) for x in args.sizes.split(",")):
        r = results[str(n)] = run_size(n, args.runs, in_place=args.in_place, work_data=args.work)
        print(describe(r), flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
