"""Two language versions of one meeting (issue 9, point 5): one meeting, two source texts.

The pair in tests/bilingual/ is an English and a Spanish report of the same Liaison Officer Network
meeting, written for this test in the genre of the RCM's reports.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF

from rcmkg.pipeline import convert
from rcmkg.settings import Settings
from rcmkg.sparql.catalogue import run_query
from rcmkg.store.load import open_data
from rcmkg.validate import validate

PAIR = Path(__file__).parent / "bilingual"
EN, ES = PAIR / "rlo_2019-11-14_en.txt", PAIR / "rlo_2019-11-14_es.txt"
RCM = rdflib.Namespace("https://w3id.org/rcmkg/ont#")
SCHEMA = rdflib.Namespace("http://schema.org/")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
ID = "https://w3id.org/rcmkg/id/"
MEETING = rdflib.URIRef(ID + "meeting/rcm-lon-smtp/2019-11-14")


def _convert(inputs: list[Path], out: Path, jobs: int = 1):
    summary = convert(inputs, out, Settings(), jobs=jobs)
    return summary, sorted(out.glob("*.ttl"))


@pytest.fixture(scope="module")
def pair_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pair")
    summary, files = _convert([PAIR], out)
    assert summary.exit_code == 0, [r.message for r in summary.errors]
    assert [r.status for r in summary.results] == ["converted", "converted"]
    return out


@pytest.fixture(scope="module")
def graph(pair_out: Path) -> rdflib.Graph:
    g = rdflib.Graph()
    for f in pair_out.glob("*.ttl"):
        g.parse(f, format="turtle")
    return g


def _span_source(g: rdflib.Graph, span: rdflib.term.Node) -> tuple[str, str]:
    """(file name, quoted text) of a span, checking its quote against the source file."""
    text_node = g.value(span, OA.hasSource)
    file_node = g.value(text_node, PROV.wasDerivedFrom)
    name = str(g.value(file_node, DCT.identifier))
    start, end = (int(x) for x in str(span).rsplit("#char=", 1)[1].split(","))
    exact = next(str(g.value(sel, OA.exact)) for sel in g.objects(span, OA.hasSelector) if g.value(sel, OA.exact))
    assert (PAIR / name).read_text(encoding="utf-8")[start:end] == exact
    return name, exact


def test_one_meeting_one_file_two_sources(pair_out: Path, graph: rdflib.Graph) -> None:
    assert [f.name for f in pair_out.glob("*.ttl")] == ["rcm-lon-smtp_2019-11-14.ttl"]
    assert set(graph.subjects(RDF.type, RCM.Meeting)) == {MEETING}
    files = {str(graph.value(f, DCT.identifier)) for f in graph.subjects(RDF.type, RCM.SourceFile)}
    assert files == {EN.name, ES.name}
    assert len(set(graph.subjects(RDF.type, RCM.SourceText))) == 2


def test_reports_are_translations_of_each_other(graph: rdflib.Graph) -> None:
    reports = set(graph.subjects(RCM.reportOf, MEETING))
    assert len(reports) == 2
    langs = {str(graph.value(r, DCT.language)).rsplit("/", 1)[1]: r for r in reports}
    assert set(langs) == {"en", "es"}
    en, es = langs["en"], langs["es"]
    assert (en, SCHEMA.workTranslation, es) in graph and (es, SCHEMA.workTranslation, en) in graph
    # The meeting is recorded in both; the primary (English) report keeps the plain report IRI.
    assert set(graph.objects(MEETING, SCHEMA.recordedIn)) == {en, es}
    assert str(en) == ID + "report/rcm-lon-smtp/2019-11-14" and str(es) == str(en) + "/es"
    for r, name in ((en, EN.name), (es, ES.name)):
        assert str(graph.value(graph.value(r, RCM.sourceFile), DCT.identifier)) == name


def test_shared_fact_has_one_span_in_each_version(graph: rdflib.Graph) -> None:
    mexico = rdflib.URIRef(str(MEETING) + "/delegation/MX")
    assert (MEETING, SCHEMA.attendee, mexico) in graph
    spans = list(graph.objects(mexico, PROV.wasDerivedFrom))
    assert len(spans) == 2
    assert sorted(_span_source(graph, s) for s in spans) == [(EN.name, "Mexico"), (ES.name, "México")]
    # Six delegations, each stated by both versions: one node each, never two.
    delegations = list(graph.subjects(RDF.type, RCM.Delegation))
    assert len(delegations) == 6
    for d in delegations:
        assert {_span_source(graph, s)[0] for s in graph.objects(d, PROV.wasDerivedFrom)} == {EN.name, ES.name}
    # The date is read from both versions too.
    dated = {_span_source(graph, s) for s in graph.objects(MEETING, PROV.wasDerivedFrom)}
    assert (EN.name, "14 November 2019") in dated and (ES.name, "14 de noviembre de 2019") in dated


def test_agreements_aligned_with_both_texts(graph: rdflib.Graph) -> None:
    items = sorted(graph.objects(MEETING, RCM.hasAgreement))
    assert len(items) == 4
    for it in items:
        texts = {t.language: str(t) for t in graph.objects(it, RCM.text)}
        assert set(texts) == {"en", "es"}, it
        assert {_span_source(graph, s)[0] for s in graph.objects(it, PROV.wasDerivedFrom)} == {EN.name, ES.name}
    third = rdflib.URIRef(str(MEETING) + "/item/3")
    texts = {t.language: str(t) for t in graph.objects(third, RCM.text)}
    assert texts["en"].startswith("To ask the RCM Technical Secretariat")
    assert texts["es"].startswith("Solicitar a la Secretaría Técnica")
    assert len(list(graph.objects(third, RCM.act))) == 1  # single-valued facts stay single


def test_merged_graph_conforms(pair_out: Path) -> None:
    report = validate([pair_out])
    assert report.conforms, report.text()


def test_canned_queries_one_meeting(pair_out: Path) -> None:
    store = open_data([pair_out])
    rows = run_query(store, "meetings").rows
    # One meeting, one row per language version, each naming the file it was read from.
    assert {str(r["meeting"].value) for r in rows} == {str(MEETING)}
    assert sorted(str(r["source"].value) for r in rows) == [EN.name, ES.name]
    assert {str(r["date"].value) for r in rows} == {"2019-11-14"}
    delegations = run_query(store, "delegations").rows
    assert len(delegations) == 6 and {str(r["meeting"].value) for r in delegations} == {str(MEETING)}


def test_same_bytes_whatever_the_jobs_and_rerun(tmp_path: Path, pair_out: Path) -> None:
    want = (pair_out / "rcm-lon-smtp_2019-11-14.ttl").read_bytes()
    summary, files = _convert([ES, EN], tmp_path / "a", jobs=2)
    assert summary.exit_code == 0 and [f.read_bytes() for f in files] == [want]
    again, _ = _convert([EN, ES], tmp_path / "a")
    assert [r.status for r in again.results] == ["unchanged", "unchanged"]
    assert (tmp_path / "a" / "rcm-lon-smtp_2019-11-14.ttl").read_bytes() == want


def test_different_item_counts_keep_both_and_warn(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(EN, src / EN.name)
    es = ES.read_text(encoding="utf-8")
    cut = es.index("\n4. ")
    (src / ES.name).write_text(es[:cut] + "\n", encoding="utf-8")  # the Spanish version lacks item 4
    summary, files = _convert([src], tmp_path / "out")
    assert summary.exit_code == 0 and len(files) == 1
    warnings = [w for r in summary.results for w in r.warnings]
    assert any("has 3 items" in w and "4" in w and ES.name in w for w in warnings), warnings
    g = rdflib.Graph().parse(files[0], format="turtle")
    fourth = rdflib.URIRef(str(MEETING) + "/item/4")
    assert {t.language for t in g.objects(fourth, RCM.text)} == {"en"}
    assert {t.language for t in g.objects(rdflib.URIRef(str(MEETING) + "/item/3"), RCM.text)} == {"en", "es"}


def test_two_files_in_one_language_are_no_two_versions(tmp_path: Path) -> None:
    # the same report twice: the second a duplicate (not merged as a version, not an error)
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(EN, src / "a.txt")
    (src / "b.txt").write_text(EN.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    summary, files = _convert([src], tmp_path / "out")
    assert len(files) == 1
    assert [r.status for r in summary.results] == ["converted", "duplicate"]
    assert summary.exit_code == 0 and "the same report as" in summary.results[1].warnings[0]
    # the same meeting in one language with other items: refused
    (src / "b.txt").write_text(EN.read_text(encoding="utf-8").replace("To thank", "To warmly thank"), encoding="utf-8")
    text = (src / "b.txt").read_text(encoding="utf-8")
    items = re.findall(r"(?m)^\s*\d+\.\s+(.+)$", text)
    assert len(items) >= 3
    for line in items[: len(items) // 2 + 1]:
        text = text.replace(line, "Something else entirely, decided otherwise " + line[::-1], 1)
    (src / "b.txt").write_text(text, encoding="utf-8")
    summary, files = _convert([src], tmp_path / "out2")
    assert [r.status for r in summary.results] == ["converted", "failed"]
    assert "describes the same meeting as" in (summary.results[1].message or "")


def test_primary_version_does_not_depend_on_file_order(tmp_path: Path) -> None:
    # The Spanish file sorts first here: the English version is still the primary report.
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(ES, src / "a_informe.txt")
    shutil.copy(EN, src / "b_report.txt")
    summary, files = _convert([src], tmp_path / "out")
    assert summary.exit_code == 0 and len(files) == 1
    g = rdflib.Graph().parse(files[0], format="turtle")
    record = rdflib.URIRef(ID + "report/rcm-lon-smtp/2019-11-14")
    assert (MEETING, SCHEMA.recordedIn, record) in g
    assert str(g.value(record, DCT.language)).endswith("/en")
    assert str(g.value(g.value(record, RCM.sourceFile), DCT.identifier)) == "b_report.txt"
    assert {str(g.value(r, DCT.language))[-2:] for r in g.objects(record, SCHEMA.workTranslation)} == {"es"}


def test_one_row_per_agreement_and_commitment_in_english_first(pair_out: Path, tmp_path: Path) -> None:
    # The scorer's contract is one row per agreement: the merged meeting has an @en and an @es
    # rcm:text (and rcm:action), and the queries pick English.
    store = open_data([pair_out])
    rows = run_query(store, "agreements").rows
    agreements = [str(r["agreement"].value) for r in rows]
    assert len(agreements) == 4 and len(set(agreements)) == len(agreements)
    assert {r["text"].lang for r in rows} == {"en"}
    commitments = run_query(store, "commitments").rows
    keys = [(str(r["commitment"].value), str(r["actor"].value) if "actor" in r else None) for r in commitments]
    assert keys and len(set(keys)) == len(keys)
    assert {r["action"].lang for r in commitments} == {"en"}
    # The Spanish version alone: its text, one row each.
    out = tmp_path / "es"
    summary, _ = _convert([ES], out)
    assert summary.exit_code == 0
    es_rows = run_query(open_data([out]), "agreements").rows
    assert len(es_rows) == len(rows) and {r["text"].lang for r in es_rows} == {"es"}


LAYOUTS = Path(__file__).parent / "layouts"


def test_versions_numbered_differently_are_aligned_by_their_numbers(tmp_path: Path):
    # rcgm_2008-11-25_es_en.txt: the English version first, then "VERSIÓN EN ESPAÑOL" (its only version heading);
    # the English 4 has sub-items a)-c), the Spanish 4 says the same in one sentence. Before, the file was read as one
    # text; then, its versions aligned by position, the Spanish 5 ("Acoger con beneplácito ...") was given to the
    # English 4.a
    summary, files = _convert([LAYOUTS / "rcgm_2008-11-25_es_en.txt"], tmp_path)
    assert summary.exit_code == 0 and len(files) == 1
    assert any("aligned by their numbers" in w for r in summary.results for w in r.warnings)
    g = rdflib.Graph().parse(files[0], format="turtle")
    by_number = {str(g.value(a, RCM.number)): a for a in g.subjects(RDF.type, RCM.Agreement)}
    assert sorted(by_number) == ["1", "2", "3", "4", "4.a", "4.b", "4.c", "5", "6", "7"]
    texts = {lit.language: str(lit) for lit in g.objects(by_number["5"], RCM.text)}
    assert texts["en"].startswith("To welcome the proposal of the RNCOM") and texts["es"].startswith("Acoger con beneplacito")
    assert {lit.language for lit in g.objects(by_number["4.a"], RCM.text)} == {"en"}


@pytest.mark.parametrize("name", ["rcgm_2008-11-25_es_en.txt", "rcgm_2018-06-19_es_en.pdf", "vm_2013-06-26_es_en.pdf"])
def test_each_agreement_has_one_text_per_language(name: str, tmp_path: Path):
    # rcgm_2018-06-19_es_en.pdf prints two lists each from 1: aligned by their numbers, the Spanish "1" of the first
    # list went to the English "1" of the second, whose item then had two Spanish texts (a SHACL violation)
    summary, files = _convert([LAYOUTS / name], tmp_path)
    assert summary.exit_code == 0 and len(files) == 1
    g = rdflib.Graph().parse(files[0], format="turtle")
    agreements = list(g.subjects(RDF.type, RCM.Agreement))
    assert len(agreements) >= 7
    for a in agreements:
        langs = [lit.language for lit in g.objects(a, RCM.text)]
        assert len(langs) == len(set(langs)), (a, langs)
