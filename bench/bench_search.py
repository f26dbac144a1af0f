"""Full-text search over the store's index (``rcmkg.search``) against plain scans of the same index.

    python -m bench.bench_search                 # 10,000 reports, 30 runs of each query (median)
    python -m bench.bench_search --quick         # 200 reports, 5 runs: a smoke run
    python -m bench.bench_search --sizes 1000 --runs 10

For each size it converts the synthetic reports once (``bench.bench_store.prepare``, shared with
the store benchmark: ``bench/out/store/rdf-{n}``), loads them with ``rcmkg load`` into a fresh
store (which builds the search index of the generation) and times, in the same process and in
alternation:

* search: ``SearchIndex.search`` as the server's ``/search`` calls it (20 hits, snippets and the
  counts of every facet), for plain queries and queries with facet filters;
* baseline: ``SELECT count(*) FROM fts`` (every row of the FTS table, no ranking) and a
  ``LIKE '%word%'`` scan of the documents' text for the first word of the query (what a search
  without an index does, and finds less: no stems, no accents).

It prints the medians (and each query's, and apart the worst case: a word in nearly every report),
the ratios, how many documents the index holds and the target (search median under 50 ms at 10,000
reports) as PASS/MISS, and writes ``bench/out/search/results.json``. Index build time is reported
too (a full rebuild of the index from the loaded store, into a scratch file). The index a run built
is kept as ``bench/out/search/index-N.sqlite``; ``--index FILE`` times the queries on it again
without converting or loading.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out" / "search"
TARGET_SIZE, TARGET_MS = 10_000, 50.0
#: What analysts ask: specific words, in English and Spanish, some with a facet. At 10,000 reports
#: they match from a few hundred to a few thousand documents.
QUERIES: list[tuple[str, dict[str, list[str]]]] = [
    ("passports", {}),
    ("repatriation protocol", {}),
    ("protocolo de repatriación", {}),
    ("guidelines migrant women", {}),
    ("IOM training", {}),
    ("unaccompanied children", {}),
    ("consular protection", {"country": ["https://w3id.org/rcmkg/id/country/MX"]}),
    ("workshop", {"year": ["2015"]}),
    ("victims", {"kind": ["agreement"]}),
]
#: A word in nearly every report of the synthetic archive (one document in eight): the worst case,
#: timed and reported apart (its cost grows with the matches: every one is ranked and counted).
WORST = ("smuggling", {})


def _key(q: str, filters: dict[str, list[str]]) -> str:
    return q + (" " + json.dumps(filters) if filters else "")


def _ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def time_queries(index: Any, runs: int) -> dict[str, Any]:
    """Medians of the queries, the worst case and the two baselines on ``index`` (a SearchIndex)."""
    conn = index.conn
    search_t: list[float] = []
    worst_t: list[float] = []
    per_query: dict[str, list[float]] = {}
    count_t: list[float] = []
    like_t: list[float] = []
    found: dict[str, int] = {}
    for q, filters in [*QUERIES, WORST]:  # warm the page cache once
        found[_key(q, filters)] = index.search(q, filters).total
    word = {q: q.split()[0] for q, _ in QUERIES}
    for _ in range(runs):
        t = time.perf_counter()
        index.search(*WORST)
        worst_t.append(time.perf_counter() - t)
        for q, filters in QUERIES:
            t = time.perf_counter()
            result = index.search(q, filters)
            took = time.perf_counter() - t
            search_t.append(took)
            per_query.setdefault(_key(q, filters), []).append(took)
            assert result.total >= len(result.hits)
            t = time.perf_counter()
            conn.execute("SELECT count(*) FROM fts").fetchone()
            count_t.append(time.perf_counter() - t)
            t = time.perf_counter()
            conn.execute("SELECT count(*) FROM docs WHERE text LIKE ?", (f"%{word[q]}%",)).fetchone()
            like_t.append(time.perf_counter() - t)
    out = {"documents": index.count(), "runs": runs, "queries": len(QUERIES), "found": found,
           "search_median_ms": _ms(search_t), "search_p95_ms": sorted(search_t)[int(0.95 * (len(search_t) - 1))] * 1000,
           "per_query_median_ms": {k: round(_ms(v), 2) for k, v in per_query.items()},
           "worst_case": _key(*WORST), "worst_case_median_ms": _ms(worst_t),
           "count_fts_median_ms": _ms(count_t), "like_scan_median_ms": _ms(like_t)}
    out["ratio_vs_count"] = out["search_median_ms"] / out["count_fts_median_ms"]
    out["ratio_vs_like"] = out["search_median_ms"] / out["like_scan_median_ms"]
    return out


def run_size(n: int, runs: int, log: Any = print) -> dict[str, Any]:
    """Convert (once), load with ``rcmkg load``, rebuild the index into a scratch file, time."""
    from bench.bench_store import prepare
    from rcmkg.search.build import INDEX_FILE, update_index
    from rcmkg.search.query import search_index
    from rcmkg.settings import Settings
    from rcmkg.store.load import load_paths, open_local

    rdf = prepare(n, log=log)
    work = Path(tempfile.mkdtemp(prefix=f"rcmkg-bench-search-{n}-"))
    try:
        settings = Settings(store=str(work / "store"))
        t0 = time.perf_counter()
        load_paths([rdf], settings)
        load_s = time.perf_counter() - t0
        store = open_local(settings)
        assert store.path is not None and (store.path / INDEX_FILE).is_file(), "rcmkg load wrote no search index"
        # kept for --index (timing again without loading again)
        shutil.copy(store.path / INDEX_FILE, OUT / f"index-{n}.sqlite")
        index = search_index(store)
        t0 = time.perf_counter()
        scratch = sqlite3.connect(str(work / "rebuild.sqlite"))
        update_index(scratch, store, settings.base)
        scratch.close()
        build_s = time.perf_counter() - t0
        out = {"reports": n, "load_s": load_s, "index_build_s": build_s, **time_queries(index, runs)}
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out


def run_index(path: Path, runs: int) -> dict[str, Any]:
    """Time the queries on an index file an earlier run kept (no conversion, no load)."""
    from rcmkg.search.build import connect
    from rcmkg.search.query import SearchIndex

    n = int(path.stem.rsplit("-", 1)[-1]) if path.stem.rsplit("-", 1)[-1].isdigit() else 0
    return {"reports": n, "load_s": None, "index_build_s": None, "index": str(path),
            **time_queries(SearchIndex(connect(path, read_only=True)), runs)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_search", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=str(TARGET_SIZE), help="comma-separated report counts (default 10000)")
    ap.add_argument("--runs", type=int, default=30, help="runs of each query (default 30)")
    ap.add_argument("--quick", action="store_true", help="200 reports, 5 runs")
    ap.add_argument("--index", type=Path, default=None,
                    help="time the queries on this index file only (bench/out/search/index-N.sqlite of an earlier run)")
    args = ap.parse_args(argv)
    sizes = [200] if args.quick else [int(s) for s in args.sizes.split(",")]
    runs = 5 if args.quick else args.runs
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for n in ([0] if args.index else sizes):
        r = run_index(args.index, runs) if args.index else run_size(n, runs)
        n = r["reports"]
        results.append(r)
        verdict = ""
        if n >= TARGET_SIZE:
            verdict = " PASS" if r["search_median_ms"] < TARGET_MS else " MISS"
        print(f"[{n} reports, {r['documents']} documents] search median {r['search_median_ms']:.2f} ms "
              f"(p95 {r['search_p95_ms']:.2f} ms; target < {TARGET_MS:.0f} ms at {TARGET_SIZE}){verdict}; "
              f"baseline count(*) on the FTS table {r['count_fts_median_ms']:.2f} ms (ratio {r['ratio_vs_count']:.2f}), "
              f"LIKE scan {r['like_scan_median_ms']:.2f} ms (ratio {r['ratio_vs_like']:.2f}); "
              + (f"rcmkg load {r['load_s']:.1f} s, index rebuild {r['index_build_s']:.1f} s; " if r["load_s"] else "")
              + f"worst case {r['worst_case']!r}: {r['worst_case_median_ms']:.1f} ms; per query {r['per_query_median_ms']}; "
              f"hits {r['found']}", flush=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
