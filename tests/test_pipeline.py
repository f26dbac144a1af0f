"""`rcmkg convert` end to end: determinism, provenance, independent parsing, bad input."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from rcmkg.cli import cli
from rcmkg.namespaces import OA
from rcmkg.pipeline import convert
from rcmkg.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "data" / "reports"


def run(args: list[str]):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rdf")
    result = run(["convert", str(REPORTS), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.ttl"))}


def test_one_file_per_meeting_named_by_body_and_date(converted):
    assert sorted(snapshot(converted)) == [
        "rcm-lon-smtp_2013-11-18.ttl", "rcm-lon-smtp_2016-11-15.ttl", "rcm-lon-smtp_2017-06-21.ttl",
        "rcm-lon-smtp_2017-11-27.ttl", "rcm-lon-smtp_2018-07-19.ttl",
    ]


def test_byte_identical_whatever_the_order_and_the_jobs(converted, tmp_path):
    files = sorted(REPORTS.glob("*.txt"))
    a, b = tmp_path / "a", tmp_path / "b"
    convert(list(reversed(files)), a, Settings(), jobs=2)
    convert(files[2:] + files[:2], b, Settings(), jobs=1)
    assert snapshot(a) == snapshot(converted) == snapshot(b)


def test_rerun_leaves_files_untouched(converted):
    before = {p.name: p.stat().st_mtime_ns for p in converted.glob("*.ttl")}
    summary = convert([REPORTS], converted, Settings(), jobs=1)
    assert {r.status for r in summary.results} == {"unchanged"}
    assert {p.name: p.stat().st_mtime_ns for p in converted.glob("*.ttl")} == before


def test_every_span_quotes_its_source_text(converted):
    texts = {p.name: p.read_text(encoding="utf-8") for p in REPORTS.glob("*.txt")}
    checked = 0
    for ttl in converted.glob("*.ttl"):
        g = rdflib.Graph().parse(ttl, format="turtle")
        name = str(next(g.objects(None, rdflib.DCTERMS.identifier)))
        text = texts[name]
        q = """SELECT ?s ?e ?exact WHERE { ?span oa:hasSelector ?p, ?q . ?p oa:start ?s ; oa:end ?e .
               ?q oa:exact ?exact }"""
        for s, e, exact in g.query(q, initNs={"oa": rdflib.Namespace(OA)}):
            assert text[int(s) : int(e)] == str(exact)
            checked += 1
    # One span per distinct stretch of text (nodes that share a stretch share its span): 150 in the samples.
    assert checked >= 140


def test_every_node_that_was_extracted_carries_provenance(converted):
    g = rdflib.Graph()
    for ttl in converted.glob("*.ttl"):
        g.parse(ttl, format="turtle")
    rcm = rdflib.Namespace("https://w3id.org/rcmkg/ont#")
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    for cls in ("Meeting", "Delegation", "Agreement", "Commitment", "StageEvent"):
        nodes = set(g.subjects(rdflib.RDF.type, rcm[cls]))
        assert nodes, cls
        assert all((n, prov.wasDerivedFrom, None) in g for n in nodes), cls


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed: make system-deps")
def test_an_independent_parser_reads_every_file(converted):
    ttls = sorted(converted.glob("*.ttl"))
    assert ttls, "nothing converted"
    for ttl in ttls:
        proc = subprocess.run(["rapper", "-q", "-i", "turtle", "-c", str(ttl)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        ours = len(rdflib.Graph().parse(ttl, format="turtle"))
        out = subprocess.run(["rapper", "-q", "-i", "turtle", "-o", "ntriples", str(ttl)], capture_output=True, text=True).stdout
        assert len([line for line in out.splitlines() if line.strip()]) == ours


def test_base_iri_is_configurable(tmp_path):
    result = run(["--base", "https://example.org/kg/", "convert", str(REPORTS / "002_dcc41190f93bc62f.txt"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    ttl = (tmp_path / "rcm-lon-smtp_2018-07-19.ttl").read_text()
    assert "@base <https://example.org/kg/id/> ." in ttl
    g = rdflib.Graph().parse(data=ttl, format="turtle")
    assert (rdflib.URIRef("https://example.org/kg/id/meeting/rcm-lon-smtp/2018-07-19"), None, None) in g
    assert not any("w3id.org/rcmkg/id/" in str(t) for triple in g for t in triple)


def test_bad_files_fail_alone_with_one_line_each(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(REPORTS / "001_ea473d19cfaa0b12.txt", src)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (src / "nodate.txt").write_text("Minutes of a meeting\n\n1. To thank IOM for its presentation.\n")
    result = run(["convert", str(src), "--out", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("binary.txt" in e and "binary" in e for e in errors)
    assert any("nodate.txt" in e and "no recognisable meeting date" in e for e in errors)
    assert "Traceback" not in result.output
    assert [p.name for p in out.glob("*.ttl")] == ["rcm-lon-smtp_2013-11-18.ttl"]
    assert not list(out.glob(".*.part"))


def test_a_failed_run_never_replaces_good_output(tmp_path):
    out = tmp_path / "out"
    assert run(["convert", str(REPORTS / "001_ea473d19cfaa0b12.txt"), "--out", str(out)]).exit_code == 0
    good = (out / "rcm-lon-smtp_2013-11-18.ttl").read_bytes()
    # The same meeting, cut before its items: a poorer conversion must not replace the good one.
    cut = tmp_path / "001_cut.txt"
    text = (REPORTS / "001_ea473d19cfaa0b12.txt").read_text()
    cut.write_text(text[: text.index("1. Thank")])
    result = run(["convert", str(cut), "--out", str(out)])
    assert result.exit_code == 1
    assert "kept the existing file" in result.stderr
    assert (out / "rcm-lon-smtp_2013-11-18.ttl").read_bytes() == good


def test_two_files_of_one_report_are_one_conversion(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(REPORTS / "002_dcc41190f93bc62f.txt", src / "a.txt")
    (src / "b.txt").write_text((REPORTS / "002_dcc41190f93bc62f.txt").read_text() + "\n")
    result = run(["convert", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "warning: b.txt: the same report as" in result.stderr and "1 duplicates" in result.stderr
    assert len(list((tmp_path / "out").glob("*.ttl"))) == 1


def test_usage_errors_exit_2(tmp_path):
    result = CliRunner().invoke(cli, ["convert", str(tmp_path / "missing"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output
