"""bench/bench_query.py: the command and its floor answer the same query (no timing thresholds)."""

from __future__ import annotations

import subprocess
import sys

from bench.bench_query import FLOOR, measure
from rcmkg.sparql.catalogue import bind, get_query


def test_the_floor_finds_the_rows_the_command_prints(converted, tmp_path):
    query = tmp_path / "meetings.rq"
    query.write_text(bind(get_query("meetings")), encoding="utf-8")
    floor = subprocess.run([sys.executable, "-c", FLOOR, str(converted), str(query)], capture_output=True, text=True,
                           check=True)
    table = subprocess.run([sys.executable, "-m", "rcmkg", "query", "meetings", "--data", str(converted), "-f", "csv"],
                           capture_output=True, text=True, check=True)
    rows = table.stdout.strip().splitlines()[1:]
    assert len(rows) == int(floor.stdout) == 5


def test_measure_reports_medians_of_both(converted, tmp_path):
    result = measure(converted, 1, tmp_path)
    assert result["query_wall_median"] > 0 and result["floor_wall_median"] > 0
    assert result["ratio_wall"] == result["query_wall_median"] / result["floor_wall_median"]
    assert list(tmp_path.glob("tbox-*.nt")), "the closure cache is the temp folder given"
