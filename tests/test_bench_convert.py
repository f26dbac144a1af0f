"""bench/bench_convert.py: its convert and floor measure the same work (no timing thresholds)."""

from __future__ import annotations

import json

import pytest

from bench.bench_convert import (
    count_triples,
    ensure_reports,
    floor_pass,
    run_convert,
    run_floor,
    same_files,
    turtle_name,
)
from rcmkg.settings import Settings

N = 20


def test_convert_and_floor_write_the_same_triples(tmp_path):
    reports = ensure_reports(N, tmp_path / "reports")
    assert len(reports) == N
    assert json.loads((tmp_path / "reports" / "manifest.json").read_text())["reports"] == N

    one = run_convert(tmp_path / "reports", tmp_path / "rdf-1", jobs=1, cli=False)
    two = run_convert(tmp_path / "reports", tmp_path / "rdf-2", jobs=2, cli=False)
    assert one["files"] == two["files"] == N
    # --jobs 1 and --jobs 2 write byte-identical files
    assert same_files(tmp_path / "rdf-1", tmp_path / "rdf-2")
    assert sorted(p.name for p in (tmp_path / "rdf-1").iterdir()) == sorted(turtle_name(r) for r in reports)

    floor = run_floor(reports, tmp_path / "rdf-1", tmp_path / "floor", processes=2)
    assert floor["files"] == N
    converted = count_triples(tmp_path / "rdf-1")
    # the floor writes one file per report holding exactly the triples rcmkg wrote for it
    assert count_triples(tmp_path / "floor") == converted
    assert floor["triples"] == sum(converted.values()) > 100 * N


def test_floor_pass_in_this_process(tmp_path):
    reports = ensure_reports(3, tmp_path / "reports")
    run_convert(tmp_path / "reports", tmp_path / "rdf", jobs=1, cli=False)
    (tmp_path / "floor").mkdir()
    pairs = [(str(r), str(tmp_path / "rdf" / turtle_name(r))) for r in reports]
    r = floor_pass(pairs, str(tmp_path / "floor"), Settings().base + "id/")
    assert r["files"] == 3 and r["wall"] >= 0 and r["cpu"] >= 0
    assert count_triples(tmp_path / "floor") == count_triples(tmp_path / "rdf")
    # the floor's Turtle uses rcmkg's @base, like the converted files
    text = (tmp_path / "floor" / turtle_name(reports[0])).read_text(encoding="utf-8")
    assert f"@base <{Settings().base}id/>" in text


def test_sizes_jobs_and_baseline_in_one_run(tmp_path, monkeypatch):
    import bench.bench_convert as bc

    monkeypatch.setattr(bc, "OUT", tmp_path / "out")  # the run's folders and results.json, not bench/out
    src = tmp_path / "reports"
    reports = ensure_reports(4, src)
    assert len(reports) == 4
    # this checkout as its own baseline: the same files, and a before/after row beside convert's
    rc = bc.main(["--src", str(src), "--sizes", "4", "--jobs", "1", "--runs", "1", "--baseline", str(bc.REPO)])
    assert rc == 0
    results = json.loads((tmp_path / "out" / "results.json").read_text())
    size = results["sizes"]["4"]
    assert set(size["ratios"]) == {"jobs 1", "baseline jobs 1"}
    assert all(r["verdict"] in ("PASS", "MISS") and r["ratio"] > 0 for r in size["ratios"].values())
    assert size["results"]["baseline convert --jobs 1"]["runs"][0]["files"] == 4
    assert same_files(tmp_path / "out" / "rdf-jobs1", tmp_path / "out" / "rdf-baseline")
    assert results["problems"] == []
    # a folder that does not hold the count asked for is refused
    with pytest.raises(SystemExit):
        bc.main(["--src", str(src), "--sizes", "5", "--jobs", "1"])
