"""The ontology is dereferenceable on the server (W3C "Best Practice Recipes for Publishing RDF
Vocabularies", recipe 3, hash namespace): ``/ont`` 303s by Accept to ``/ont.html`` (pyLODE, with an
anchor per term) or to the ontology in Turtle, RDF/XML, JSON-LD, N-Triples. The site and its
Apache/nginx configs are checked in tests/test_webservers.py."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
import rdflib

from rcmkg.publish.vocab import ONTOLOGY, ontology_path
from rcmkg.settings import Settings
from tests.test_server import BASE, convert_samples, disk_store, serve_store


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> Iterator[str]:
    ttl = convert_samples(tmp_path_factory.mktemp("vocab") / "rdf", extra_reports=False)
    store = disk_store(ttl, tmp_path_factory.mktemp("vocab-store") / "store")
    with serve_store(store, Settings(base=BASE, query_timeout=20)) as u:
        yield u


def test_ontology_path_only_under_a_base_that_covers_it():
    assert ontology_path("https://w3id.org/rcmkg/") == "ont"
    assert ontology_path("https://example.org/rcm/") is None
    assert ONTOLOGY == "https://w3id.org/rcmkg/ont"


@pytest.mark.parametrize("accept,suffix,fmt", [
    ("text/html,application/xhtml+xml,*/*;q=0.8", "html", None), ("text/turtle", "ttl", "turtle"),
    ("application/rdf+xml", "rdf", "xml"), ("application/ld+json", "jsonld", "json-ld"),
    ("application/n-triples", "nt", "nt"), ("application/ld+json;q=0.5, text/turtle", "ttl", "turtle")])
def test_ontology_iri_303s_by_accept(url, accept, suffix, fmt):
    with httpx.Client(timeout=120) as client:
        r = client.get(url + "/ont", headers={"Accept": accept})
        assert r.status_code == 303 and r.headers["vary"] == "Accept", r.headers
        assert r.headers["location"] == f"/ont.{suffix}"
        doc = client.get(url + r.headers["location"])
        assert doc.status_code == 200, doc.text[:200]
    if fmt is None:
        assert doc.headers["content-type"].startswith("text/html")
        for term in ("Meeting", "Agreement", "Commitment", "TrackedItem"):
            assert f'id="{term}"' in doc.text, term  # ont#Term lands on the term's section
        return
    g = rdflib.Graph().parse(data=doc.content, format=fmt)
    assert (rdflib.URIRef(ONTOLOGY), rdflib.RDF.type, rdflib.OWL.Ontology) in g
    classes = set(g.subjects(rdflib.RDF.type, rdflib.OWL.Class))
    assert rdflib.URIRef(ONTOLOGY + "#Meeting") in classes and len(classes) > 10


def test_unknown_ontology_suffix_is_404(url):
    assert httpx.get(url + "/ont.xyz", timeout=30).status_code == 404


@pytest.mark.parametrize("path", ["/voc/stage", "/voc/stage/circulated-for-review", "/voc/act"])
@pytest.mark.parametrize("accept,suffix,fmt", [
    ("text/html", "html", None), ("text/turtle", "ttl", "turtle"), ("application/rdf+xml", "rdf", "xml"),
    ("application/ld+json", "jsonld", "json-ld"), ("application/n-triples", "nt", "nt")])
def test_concepts_and_schemes_303_by_accept(url, path, accept, suffix, fmt):
    """A SKOS concept or scheme is a thing: 303 to its representation (slash namespace recipe)."""
    with httpx.Client(timeout=60) as client:
        r = client.get(url + path, headers={"Accept": accept})
        assert r.status_code == 303 and r.headers["vary"] == "Accept", (r.status_code, r.headers)
        assert r.headers["location"] == f"{path}.{suffix}"
        doc = client.get(url + r.headers["location"])
    assert doc.status_code == 200 and doc.headers["content-type"].startswith(accept), doc.headers
    if fmt is not None:
        g = rdflib.Graph().parse(data=doc.content, format=fmt)
        iri = rdflib.URIRef("https://w3id.org/rcmkg" + path)
        kinds = set(g.objects(iri, rdflib.RDF.type))
        assert kinds & {rdflib.SKOS.Concept, rdflib.SKOS.ConceptScheme}, kinds


_DOCUMENTS = """
import hashlib, json
from rcmkg.publish.conneg import RDF_FORMATS
from rcmkg.publish.vocab import ontology_document, ontology_html
out = {f.key: hashlib.sha256(ontology_document(f)).hexdigest() for f in RDF_FORMATS if f.key != "html"}
out["html"] = hashlib.sha256(ontology_html().encode()).hexdigest()
print(json.dumps(out))
"""


def test_the_ontology_documents_are_the_same_bytes_in_every_run():
    # Each run its own process and string hashes (rdflib, under pyLODE, writes in their order) and
    # its own parse of the OWL lists' blank nodes: the site's ont.* and ontology page must not change.
    import json
    import os
    import subprocess
    import sys

    runs = []
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", _DOCUMENTS], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    assert {"ttl", "nt", "rdf", "jsonld", "html"} <= set(runs[0])
    assert runs[0] == runs[1]
    html_ld = rdflib.Graph().parse(data=_schema_org_block(), format="json-ld")
    assert len(html_ld) > 10 and (rdflib.URIRef(ONTOLOGY), None, None) in html_ld  # still the ontology's JSON-LD


def _schema_org_block() -> str:
    import re

    from rcmkg.publish.vocab import ontology_html

    found = re.search(r'<script id="schema.org" type="application/ld\+json">(.*?)</script>', ontology_html(), re.DOTALL)
    assert found is not None
    return found.group(1)
