"""bench/bench_store.py on a tiny archive, in-process: the store and rdflib answer, and agree. No timing asserts."""

from __future__ import annotations

import json
import math

import pytest

from bench import bench_store
from bench.__main__ import BENCHMARKS
from bench.__main__ import main as run_benchmarks

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench-store")
    return bench_store.run_size(30, runs=1, budget=120, isolate=False, work=work, log=lambda _msg: None)


def test_load_is_measured_for_both_engines(result):
    load, rd = result["load"], result["rdflib"]
    assert load["files"] == rd["files"] == 30
    assert load["triples"] > 10_000
    assert load["timelines"] == len(result["items"]) >= 9  # the registry's tracked items
    for x in (load["triples_per_s"], load["triples_per_s_with_indexes"], rd["triples_per_s"]):
        assert math.isfinite(x) and x > 0
    # rdflib keeps a set per graph; the files hold about as many triples as the store counted
    assert abs(rd["triples"] - load["triples"]) < 0.02 * load["triples"]


def test_store_and_rdflib_answer_every_question_the_same(result):
    qs = result["questions"]
    asked = {"trace", "commitments --actor", "commitments --item", "commitments --status open"}
    assert set(qs) == asked | {f"{q} (no index)" for q in asked}
    for name, q in qs.items():
        assert q["store_ms"] > 0 and q["store_samples"] >= 1
        if name.endswith(" (no index)"):
            assert q["agrees_with_index"] is True, name  # store only: what the indexes save
            continue
        assert q["rdflib_samples"] >= 1
        assert q["agree"], name
        assert q["rows_store"] == q["rows_rdflib"]
        assert math.isfinite(q["ratio"]) and q["ratio"] > 0
    assert qs["trace"]["answers_compared"] == len(result["items"])
    assert qs["trace"]["rows_store"] > 0 and qs["commitments --actor"]["rows_store"] > 0


def test_report_and_verdicts_are_built_and_serialisable(result):
    results = {"30": result}
    verdict = bench_store.verdicts(results)
    assert verdict["latency"] in ("PASS", "MISS") and verdict["speedup"] in ("PASS", "MISS")
    assert "targets are set for 10000" in verdict["note"]
    text = bench_store.report(results, verdict)
    assert "| 30 | trace |" in text and "yes (" in text
    json.dumps({"results": results, "targets": verdict})


def test_the_runner_lists_and_rejects_unknown_names(capsys):
    assert run_benchmarks(["--list"]) == 0
    out = capsys.readouterr().out
    assert BENCHMARKS and all(name in out for name in BENCHMARKS)
    with pytest.raises(SystemExit):
        run_benchmarks(["nosuch"])
