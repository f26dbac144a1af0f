"""The VoID/DCAT description against the official DCAT-AP 3.0.0 SHACL shapes (tests/dcat-ap/, a
verbatim copy with its licence), as the static site writes it and as the server answers it, and its
counts against the data they count."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID

from rcmkg.cli import cli
from rcmkg.settings import Settings
from tests.test_server import BASE, convert_samples, disk_store, serve_store

SHAPES = Path(__file__).parent / "dcat-ap" / "dcat-ap-SHACL.ttl"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
IANA = "http://www.iana.org/assignments/media-types/"


def dcat_ap_violations(data: rdflib.Graph) -> list[str]:
    """The DCAT-AP 3 violations of ``data`` (one line each; warnings and infos do not count)."""
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    return sorted(f"{report.value(r, sh.focusNode)} {report.value(r, sh.resultPath)}: {report.value(r, sh.resultMessage)}"
                  for r in report.subjects(RDF.type, sh.ValidationResult)
                  if report.value(r, sh.resultSeverity) == sh.Violation)


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    return convert_samples(tmp_path_factory.mktemp("dcat") / "rdf")


@pytest.fixture(scope="module")
def site(ttl, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dcat-site") / "site"
    result = CliRunner().invoke(cli, ["publish", "--base", BASE, "--data", str(ttl), "--out", str(out),
                                      "--sparql-endpoint", "https://example.org/sparql"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def served(ttl, tmp_path_factory) -> tuple[rdflib.Graph, str]:
    import httpx

    store = disk_store(ttl, tmp_path_factory.mktemp("dcat-store") / "store")
    with serve_store(store, Settings(base=BASE, query_timeout=20)) as url:
        r = httpx.get(url + "/void.ttl", timeout=60)
        assert r.status_code == 200, r.text
        count = httpx.post(url + "/sparql", data={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                           headers={"Accept": "application/sparql-results+json"}, timeout=60).json()
    return rdflib.Graph().parse(data=r.text, format="turtle"), count["results"]["bindings"][0]["n"]["value"]


def test_the_shapes_are_the_official_ones():
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    assert len(shapes) > 1000
    assert (rdflib.URIRef("https://semiceu.github.io/DCAT-AP/releases/3.0.0/shacl/dcat-ap-SHACL.ttl#dcat:DatasetShape"), RDF.type,
            rdflib.URIRef("http://www.w3.org/ns/shacl#NodeShape")) in shapes


def test_site_void_conforms_to_dcat_ap_3(site):
    for name in ("void.ttl", ".well-known/void"):
        g = rdflib.Graph().parse(site / name, format="turtle")
        assert len(g) > 100
        assert dcat_ap_violations(g) == [], name


def test_served_void_conforms_to_dcat_ap_3(served):
    g, _ = served
    assert dcat_ap_violations(g) == []


def test_controlled_vocabularies(site):
    g = rdflib.Graph().parse(site / "void.ttl", format="turtle")
    dists = list(g.subjects(RDF.type, DCAT.Distribution))
    assert len(dists) >= 4
    formats = [f for d in dists for f in g.objects(d, DCTERMS.format)]
    assert formats and all(str(f).startswith(FILE_TYPE) for f in formats), formats
    types = [m for d in dists for m in g.objects(d, DCAT.mediaType)]
    assert types and all(str(m).startswith(IANA) and (m, RDF.type, DCTERMS.MediaType) in g for m in types), types
    langs = list(g.objects(None, DCTERMS.language))
    assert langs and all(str(x).startswith(LANGUAGE) for x in langs)
    lic = list(g.objects(None, DCTERMS.license))
    assert lic and all((x, RDF.type, DCTERMS.LicenseDocument) in g for x in lic)


def test_entities_are_within_the_uri_space(site):
    """void:entities counts the typed IRIs within void:uriSpace in the published dump, no more."""
    g = rdflib.Graph().parse(site / "void.ttl", format="turtle")
    ds = rdflib.URIRef(BASE + "id/dataset")
    space = str(g.value(ds, VOID.uriSpace))
    dump = rdflib.Graph().parse(site / "dumps" / "rcmkg.ttl", format="turtle")
    typed = {s for s in dump.subjects(RDF.type, None) if isinstance(s, rdflib.URIRef)}
    within = {s for s in typed if str(s).startswith(space)}
    assert within and len(within) < len(typed)  # the ontology's and vocabularies' terms lie outside
    assert int(g.value(ds, VOID.entities)) == len(within)


def test_served_dataset_is_what_the_endpoint_answers_over(served):
    g, n = served
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    svc = next(g.subjects(RDF.type, DCAT.DataService))
    default = g.value(g.value(svc, sd.defaultDataset), sd.defaultGraph)
    assert int(g.value(default, VOID.triples)) == int(n)
    # the published dataset is part of it, and says so with a smaller count
    assert int(g.value(g.value(svc, DCAT.servesDataset), VOID.triples)) <= int(n)
