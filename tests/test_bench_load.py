"""bench/bench_load.py on a tiny archive, in-process: both load schemes run and the figures are there. No timing asserts."""

from __future__ import annotations

import math

import pytest

from bench import bench_load

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def test_both_load_schemes_are_measured(tmp_path):
    r = bench_load.run_size(12, runs=1, out=tmp_path / "load", data=tmp_path / "data")
    assert r["reports"] == 12
    assert set(r["median_s"]) == {"full_in_place", "full_generations", "one_in_place", "one_generations", "checkpoint",
                                  "bulk", "one_literal"}
    figures = [*r["median_s"].values(), r["ratio_full"], r["ratio_one"], r["full_vs_bulk"], r["one_literal_vs_bulk"]]
    assert figures and all(math.isfinite(x) and x > 0 for x in figures), figures
    store = tmp_path / "load" / "work-12" / "store-generations"
    # the two reloads made two more generations; the pointer names the newest, the one before is kept
    gens = sorted(p.name for p in store.iterdir() if p.name.startswith("gen-"))
    assert gens == ["gen-000002", "gen-000003"] and (store / "GENERATION").read_text().strip() == "gen-000003"
    assert "full load" in bench_load.describe(r) and "one literal changed" in bench_load.describe(r)
    assert r["disk_mb"]["generations"] > 0 and r["disk_mb"]["in_place"] > 0
