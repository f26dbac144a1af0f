"""``rcmkg publish --jobs``: worker processes write the same site, byte for byte, as one process; the
shortcuts the page writer takes (relative links, the prefixes of a page's RDF documents) give what
the general functions give; and the validation report names no temporary folder."""

from __future__ import annotations

import posixpath
import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from rcmkg.cli import cli


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def store(converted: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parallel") / "store"
    result = CliRunner().invoke(cli, ["load", str(converted), "--store", str(folder), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return folder


def _publish(store: Path, out: Path, jobs: int) -> str:
    result = CliRunner().invoke(cli, ["publish", "--store", str(store), "--out", str(out), "--jobs", str(jobs),
                                      "--no-ontology-docs"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_workers_write_the_same_site_as_one_process(store, tmp_path):
    from rcmkg.publish.site import build

    one, two = tmp_path / "one", tmp_path / "two"
    said_one = _publish(store, one, 1)
    said_two = _publish(store, two, 2)
    a, b = _files(one), _files(two)
    pages = [f for f in a if f.startswith("doc/") and f.endswith(".html")]
    # more resources than one task holds: the workers really shared them out
    assert len(pages) > build._CHUNK, len(pages)
    assert sorted(a) == sorted(b)
    # every file the same bytes: the canned query pages and the validation report included (they
    # once stated how long they took)
    assert {"query/agreements.html", "es/query/agreements.html", "validation/report.json"} <= set(a)
    differ = sorted(f for f in a if a[f] != b[f])
    assert not differ, differ
    assert said_one.split(" into ")[0] == said_two.split(" into ")[0]  # same pages and file counts


@pytest.mark.parametrize("relative", [False, True])
def test_validation_report_names_no_temporary_folder(store, tmp_path, monkeypatch, relative):
    out = tmp_path / "site"
    if relative:  # --out site: the scratch folder beside it was relative, and stayed in the report
        monkeypatch.chdir(tmp_path)
        out = Path("site")
    _publish(store, out, 1)
    text = (out / "validation" / "report.txt").read_text(encoding="utf-8")
    assert "file:" in text  # the report does name the files it found problems in
    assert "rcmkg-validate-" not in text
    assert "rcmkg-validate-" not in (out / "validation" / "report.json").read_text(encoding="utf-8")


def test_release_validation_sees_the_fulfilment_links_across_graphs(store, tmp_path):
    """The release's report validates the fulfilment graph the load wrote as a file of its own. The
    commitments, evidence agreements and passages it links to are in the report graphs: checked there
    (rule R12), they conform. Before, each assessment with evidence failed three class constraints
    and every release of the samples said "does not conform"."""
    import json

    out = tmp_path / "site"
    _publish(store, out, 1)
    report = json.loads((out / "validation" / "report.json").read_text(encoding="utf-8"))
    assert "fulfilment.ttl" in report["files"] and len(report["files"]) > 1
    dump = (out / "dumps" / "rcmkg.trig").read_text(encoding="utf-8")
    assert "rcm:evidence" in dump and "FulfilmentAssessment" in dump  # links for R12 to check
    violations = [r for r in report["results"] if r["severity"] == "Violation"]
    assert report["conforms"] and not violations, violations
    assert not [r for r in report["results"] if r["source_file"] == "fulfilment.ttl"]


def test_relative_links_match_posixpath():
    from rcmkg.publish.views.pages import _relpath

    rnd = random.Random(7)
    # parts with dots that are no "." or ".." (".x", "x..", "...") must not be taken for them
    parts = ["doc", "es", "a", "b", "x.html", ".x", "x..", "...", "..", ".", ""]
    checked = 0
    for _ in range(20000):
        target = "/".join(rnd.choice(parts) for _ in range(rnd.randint(1, 4))) or "x"
        here = "/".join(rnd.choice(parts[:4]) for _ in range(rnd.randint(1, 4)))
        try:
            expected = posixpath.relpath(target, here)
        except ValueError:
            continue
        assert _relpath(target, here) == expected, (target, here)
        checked += 1
    assert checked > 10000


def test_page_documents_are_what_rdf_bytes_writes(converted):
    from rcmkg.publish.site.build import _documents
    from rcmkg.sparql.writers import rdf_bytes

    triples = []
    for f in sorted(converted.glob("*.ttl"))[:2]:
        triples.extend(q.triple for q in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE))
    assert len(triples) > 100
    docs = _documents(triples[:400])
    for key in ("ttl", "nt", "rdf", "jsonld"):
        assert docs[key] == rdf_bytes(triples[:400], key), key


def test_a_report_and_its_text_are_handed_out_right_after_their_meeting(converted):
    """The workers get each report and its source text right after the resources of its meeting
    (a text's page then finds its agreements' labels in the worker's view); every IRI once."""
    from rcmkg.namespaces import RCM
    from rcmkg.publish.site.build import _by_meeting
    from rcmkg.publish.views.pages import GraphView
    from rcmkg.settings import DEFAULT_BASE
    from rcmkg.store.load import open_data

    store = open_data([converted]).ox
    iris = GraphView(store, DEFAULT_BASE).resource_iris
    order = _by_meeting(store, iris)
    assert sorted(order) == iris
    texts = {q.subject.value: q.object.value for q in store.quads_for_pattern(None, ox.NamedNode(RCM + "sourceText"), None, None)}
    checked = 0
    for q in store.quads_for_pattern(None, ox.NamedNode(RCM + "reportOf"), None, None):
        report, meeting = q.subject.value, q.object.value
        at = order.index(report)
        assert order[at + 1] == texts[report]
        own = [k for k, iri in enumerate(order) if iri == meeting or iri.startswith(meeting + "/")]
        assert len(own) > 10 and own == list(range(own[0], at)), meeting  # the meeting's, then its report
        checked += 1
    assert checked == len(texts) >= 5


def test_a_pages_jsonld_document_is_its_description_and_the_triple_naming_the_page(converted):
    """The ``.jsonld`` of each page is made from the page's own JSON-LD plus the page's
    ``foaf:primaryTopic``: the bytes :func:`rdf_bytes` writes from all the triples, for every sample
    resource (their documents sort before, after and among the nodes) and made-up cases."""
    from rcmkg.namespaces import FOAF, RDF
    from rcmkg.publish.views.pages import GraphView
    from rcmkg.settings import DEFAULT_BASE
    from rcmkg.sparql.writers import indented_json, jsonld_document, jsonld_with_node, rdf_bytes
    from rcmkg.store.load import open_data

    view = GraphView(open_data([converted]).ox, DEFAULT_BASE)
    checked, places = 0, set()
    topic = FOAF + "primaryTopic"
    for iri in view.resource_iris:
        desc = view.describe(iri)
        if desc is None:
            continue
        for page in (DEFAULT_BASE + "doc/" + iri[len(DEFAULT_BASE):], "https://a.example/first", "_:zz"):
            made = jsonld_with_node(desc.jsonld_dict, page, topic, iri)
            assert made is not None
            whole = [*desc.triples, ox.Triple(ox.BlankNode(page[2:]) if page.startswith("_:") else ox.NamedNode(page),
                                               ox.NamedNode(topic), ox.NamedNode(iri))]
            assert indented_json(made) == rdf_bytes(whole, "jsonld"), (iri, page)
            places.add([n["@id"] for n in made["@graph"]].index(page) / max(1, len(made["@graph"]) - 1) > 0.5)
            checked += 1
    assert checked > 900 and places == {True, False}
    # a subject the document already describes, or a type: made from every triple as before
    described = jsonld_document(desc.triples)
    assert jsonld_with_node(described, iri, topic, iri) is None
    assert jsonld_with_node(described, "https://a.example/x", RDF + "type", iri) is None
    # a prefix the page did not use joins the context, in the context's order
    alone = jsonld_document([ox.Triple(ox.NamedNode("https://a.example/s"), ox.NamedNode("https://a.example/p"), ox.Literal("x"))])
    made = jsonld_with_node(alone, "https://a.example/t", topic, "https://a.example/s")
    assert made is not None and list(made["@context"]) == ["foaf"]


def test_a_failed_listing_is_raised_by_finish_not_waited_for(tmp_path):
    """The resources are listed by a worker while the publishing process writes the dumps; if the
    listing fails, finish() raises its error instead of waiting for pages that will never come."""
    import threading

    from rcmkg.publish.site import build

    pages = build._ResourcePages(build._Writer(tmp_path), "https://example.org/", build.PublishResult(out=tmp_path),
                                 None, 2, None, None)
    pages.listing = True
    threading.Timer(0.2, pages._failed, (RuntimeError("the store went away"),)).start()
    with pytest.raises(RuntimeError, match="the store went away"):
        pages.finish(None, None, [])  # type: ignore[arg-type]
    assert pages.listed.is_set()
