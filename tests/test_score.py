"""The shared scorer (../shared/score) against the installed ``rcmkg`` command.

The scorer converts ../shared/reports with the command line, reads the canned queries' JSON answers
and compares each field with the hand-made gold (``../shared/score --help`` states the contract).
It prints one row per field (``field  P  R  F1  detail``) and last ``overall F1: X``. Today every
field scores 1.000; the thresholds leave room for a judgment call, not for a regression.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "score"

OVERALL_MIN = 0.90
FIELD_MIN = 0.75

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SCORE.is_file() or not (SHARED / "gold").is_dir(),
                       reason="../shared/score and ../shared/gold are not beside the checkout"),
]

ROW = re.compile(r"^(?P<field>\S.*?)\s+(?P<p>\d\.\d{3})\s+(?P<r>\d\.\d{3})\s+(?P<f1>\d\.\d{3})(?:\s+(?P<detail>.*))?$")
OVERALL = re.compile(r"^overall F1: (?P<f1>\d+(?:\.\d+)?)\s*$")


def installed_rcmkg() -> str:
    """The ``rcmkg`` console script of the Python running the tests (else the one on PATH)."""
    beside = Path(sys.executable).parent / "rcmkg"
    if beside.is_file():
        return str(beside)
    found = shutil.which("rcmkg")
    if found is None:
        pytest.skip("no installed `rcmkg` command (pip install -e .)")
    return found


def parse(output: str) -> tuple[dict[str, float], float]:
    """The field scores (field -> F1) and the overall F1 from the scorer's table."""
    fields: dict[str, float] = {}
    overall = None
    for line in output.splitlines():
        if m := ROW.match(line):
            fields[m["field"]] = float(m["f1"])
        elif m := OVERALL.match(line):
            overall = float(m["f1"])
    assert overall is not None, f"no 'overall F1' line in:\n{output}"
    assert fields, f"no field rows in:\n{output}"
    return fields, overall


def test_parse_reads_the_table() -> None:
    fields, overall = parse(
        "convert: exit 0, 5 Turtle files\n"
        "field                                           P      R     F1  detail\n"
        "meeting date, end date, city, country       1.000  1.000  1.000  20/20 right\n"
        "agreement kinds                             0.900  0.800  0.847  57/57 right\n"
        "overall F1: 0.923\n"
    )
    assert fields == {"meeting date, end date, city, country": 1.0, "agreement kinds": 0.847}
    assert overall == 0.923


def test_score_against_gold(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RCMKG")}
    env["RCMKG_CACHE_DIR"] = str(tmp_path / "cache")
    proc = subprocess.run([sys.executable, str(SCORE), "--rcmkg", installed_rcmkg()], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=900)
    output = proc.stdout
    assert proc.returncode == 0, f"score exited {proc.returncode}\n{output}\n{proc.stderr[-3000:]}"
    assert "  ! " not in output, f"a command the scorer ran failed:\n{output}"
    fields, overall = parse(output)
    low = {name: f1 for name, f1 in fields.items() if f1 < FIELD_MIN}
    assert not low, f"fields below {FIELD_MIN}: {low}\n{output}"
    assert overall >= OVERALL_MIN, output
