"""The same reports as .txt, .docx and .pdf give the same figures.

The .docx and .pdf versions of the five sample reports are built at test time (tests/builders.py)
and keep the reports' file names with the new suffix. The shared scorer (../shared/score) matches a
gold file to a meeting by the report's file name (``?source``), so each format gets a copy of the
gold whose ``"source"`` names end in that format's suffix. Without ../shared the scorer test is
skipped (as in test_score.py); the query comparison and the 2018 numbering test run anyway.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from builders import FORMATS, S002, SAMPLES, gold_structure
from click.testing import CliRunner
from test_score import SCORE, SHARED, installed_rcmkg, parse

from rcmkg.cli import cli
from rcmkg.pipeline import convert
from rcmkg.settings import Settings

GOLD = SHARED / "gold"

needs_scorer = pytest.mark.skipif(not SCORE.is_file() or not GOLD.is_dir(),
                                  reason="../shared/score and ../shared/gold are not beside the checkout")


@pytest.fixture(scope="module")
def converted(sample_formats, tmp_path_factory) -> dict[str, Path]:
    out = {}
    for fmt, folder in sample_formats.items():
        out[fmt] = tmp_path_factory.mktemp(f"rdf-{fmt}")
        summary = convert([folder], out[fmt], Settings(), jobs=1)
        assert not summary.errors, [(e.path, e.message) for e in summary.errors]
    assert set(out) == set(FORMATS)
    return out


@functools.cache
def query(name: str, data: Path) -> list[dict[str, str]]:
    result = CliRunner().invoke(cli, ["query", name, "--data", str(data), "--format", "json"])
    assert result.exit_code == 0, result.output
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(result.stdout)["results"]["bindings"]]


def comparable(rows: list[dict[str, str]], drop: tuple[str, ...] = ()) -> list[tuple]:
    """Rows without the columns that name the file or that a format may legitimately change."""
    return sorted(tuple(sorted((k, " ".join(v.split())) for k, v in r.items() if k not in drop)) for r in rows)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_every_format_gives_the_same_answers(converted, fmt):
    """What the scorer reads, from the canned queries: the same for .docx/.pdf as for .txt.

    Only the item labels may differ: a .docx carries the numbers Word shows (in 002 the .txt prints
    "1. 1. 1. 2."), so ``label`` is left out and the reconstructed ``number`` is compared.
    """
    for name, drop in [("meetings", ("source",)), ("delegations", ()), ("organisations", ()),
                       ("agreements", ("label",)), ("commitments", ()), ("documents", ())]:
        assert comparable(query(name, converted[fmt]), drop) == comparable(query(name, converted["txt"]), drop), name
    sources = sorted(r["source"] for r in query("meetings", converted[fmt]))
    assert sources == [f"{stem}.{fmt}" for stem in SAMPLES]


def test_2018_report_from_docx_carries_words_numbers(converted):
    """The .txt of 002 prints "1. 1. 1. 2. 2. ..."; read from .docx, the items have the numbers Word
    shows ("1.", "2.", "3.", then "a." under 3) and the full numbers "3.a" as Word's levels give them."""
    rows = sorted((r for r in query("agreements", converted["docx"]) if r["meeting"].endswith("/2018-07-19")),
                  key=lambda r: int(r["position"]))
    assert [r["label"] for r in rows] == ["1.", "2.", "3.", "a.", "b.", "c.", "d.", "4.", "5.", "a.", "6.", "7.",
                                          "a.", "b."]
    assert [r["number"] for r in rows] == ["1", "2", "3", "3.a", "3.b", "3.c", "3.d", "4", "5", "5.a", "6", "7",
                                           "7.a", "7.b"]
    parent = {r["agreement"]: r["number"] for r in rows}
    assert [parent.get(r.get("parent", "")) for r in rows if "." in r["number"]] == ["3", "3", "3", "3", "5", "7", "7"]
    printed = [r["label"] for r in query("agreements", converted["txt"]) if r["meeting"].endswith("/2018-07-19")]
    assert sorted(printed) != sorted(r["label"] for r in rows)  # the .txt's printed labels are not Word's
    if (gold := gold_structure(S002)) is not None:  # the hand-made gold's reconstructed labels
        assert [r["number"] for r in rows] == [g.rstrip(".") for g in gold]


# ---- the shared scorer ----------------------------------------------------------------------------


def gold_for(fmt: str, folder: Path) -> Path:
    """A copy of ../shared/gold whose report names end in ``.fmt`` (the scorer matches on them)."""
    folder.mkdir()
    for path in GOLD.glob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        folder.joinpath(path.name).write_text(json.dumps(rename_sources(doc, fmt), ensure_ascii=False), encoding="utf-8")
    return folder


def rename_sources(doc: object, fmt: str) -> object:
    """Every ``"source": "NAME.txt"`` in a gold document (report files and tracks.json) as ``NAME.fmt``."""
    if isinstance(doc, dict):
        return {k: (v[: -len(".txt")] + f".{fmt}" if k == "source" and isinstance(v, str) and v.endswith(".txt")
                    else rename_sources(v, fmt)) for k, v in doc.items()}
    if isinstance(doc, list):
        return [rename_sources(v, fmt) for v in doc]
    return doc


def test_rename_sources():
    doc = {"source": "002_x.txt", "items": [{"source": "a.txt", "text": "b.txt"}], "t": {"k": [{"source": "c.txt"}]}}
    assert rename_sources(doc, "pdf") == {"source": "002_x.pdf", "items": [{"source": "a.pdf", "text": "b.txt"}],
                                          "t": {"k": [{"source": "c.pdf"}]}}


@pytest.mark.slow
@needs_scorer
def test_scorer_gives_the_same_figures_for_every_format(sample_formats, tmp_path):
    """../shared/score on the .txt, .docx and .pdf reports: every row of its table the same."""
    rcmkg = installed_rcmkg()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RCMKG")}
    procs = {}
    for fmt in FORMATS:  # the three runs at once: each is mostly waiting on its query subprocesses
        work = tmp_path / fmt
        work.mkdir()
        cmd = [sys.executable, str(SCORE), "--rcmkg", rcmkg, "--reports", str(sample_formats[fmt]),
               "--gold", str(gold_for(fmt, work / "gold"))]
        procs[fmt] = subprocess.Popen(cmd, cwd=work, env={**env, "RCMKG_CACHE_DIR": str(work / "cache")},
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    tables = {}
    for fmt, proc in procs.items():
        stdout, stderr = proc.communicate(timeout=900)
        assert proc.returncode == 0, f"{fmt}: score exited {proc.returncode}\n{stdout}\n{stderr[-3000:]}"
        assert "  ! " not in stdout, f"{fmt}: a command the scorer ran failed:\n{stdout}"
        assert "convert: exit 0, 5 Turtle files" in stdout, stdout
        fields, overall = parse(stdout)
        rows = [line for line in stdout.splitlines() if line[:1].isalpha() and not line.startswith("convert:")]
        tables[fmt] = (fields, overall, rows)
    assert tables["docx"] == tables["txt"], "\n".join(tables["docx"][2] + ["-- txt --"] + tables["txt"][2])
    assert tables["pdf"] == tables["txt"], "\n".join(tables["pdf"][2] + ["-- txt --"] + tables["txt"][2])
    assert len(tables["txt"][0]) >= 10
