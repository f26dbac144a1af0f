"""The SPARQL endpoint of a real ``rcmkg serve`` (uvicorn on 127.0.0.1) against the W3C SPARQL 1.1
Protocol tests (a copy of their manifest in tests/w3c-protocol/) and against the clients partners
use: SPARQLWrapper and rdflib's SPARQLStore, every query form in every format they offer.

The manifest's update tests do not apply: the endpoint is read-only by design (SPARQL Update is
answered 403, the data changes only through ``rcmkg load``), so for them we check that the update
is refused and nothing changed. Every query test applies and runs as the manifest writes it.
"""

from __future__ import annotations

import gc
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF

from rcmkg.settings import Settings
from tests.test_server import BASE, convert_samples, disk_store, serve_store

HERE = Path(__file__).parent / "w3c-protocol"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
MANIFEST = rdflib.URIRef("https://w3id.org/rcmkg/tests/w3c-protocol/manifest.ttl")
BOOLEAN_TYPES = ("application/sparql-results+json", "application/sparql-results+xml")
TABULAR_TYPES = (*BOOLEAN_TYPES, "text/csv", "text/tab-separated-values")
RDF_TYPES = ("text/turtle", "application/rdf+xml", "application/n-triples", "application/ld+json")
#: Why a manifest test does not apply: they write, and this endpoint is read-only.
INAPPLICABLE = "SPARQL Update: the endpoint is read-only (403); data changes only through `rcmkg load`"


def manifest() -> tuple[rdflib.Graph, list[rdflib.URIRef]]:
    g = rdflib.Graph().parse(HERE / "manifest.ttl", format="turtle", publicID=str(MANIFEST))
    head = g.value(MANIFEST, MF.entries)
    return g, [t for t in Collection(g, head)]  # type: ignore[misc]


GRAPH, ENTRIES = manifest()
QUERY_TESTS = [t for t in ENTRIES if "update" not in str(t).rsplit("#", 1)[1]]
UPDATE_TESTS = [t for t in ENTRIES if t not in QUERY_TESTS]


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> Iterator[str]:
    """The sample store plus the W3C tests' graphs (data1-3.nt under their kasei.us names)."""
    from rcmkg.store.local import LocalStore

    ttl = convert_samples(tmp_path_factory.mktemp("protocol") / "rdf", extra_reports=False)
    path = disk_store(ttl, tmp_path_factory.mktemp("protocol-store") / "store")
    with LocalStore(path, base=BASE) as store:
        for t in ENTRIES:
            for data in GRAPH.objects(t, UT.graphData):
                name = ox.NamedNode(str(GRAPH.value(data, rdflib.RDFS.label)))
                file = HERE / Path(str(GRAPH.value(data, UT.graph))).name
                for q in ox.parse(path=str(file), format=ox.RdfFormat.N_TRIPLES):
                    store.ox.add(ox.Quad(q.subject, q.predicate, q.object, name))
    gc.collect()
    with serve_store(path, Settings(base=BASE, query_timeout=20)) as u:
        yield u


def _requests(test: rdflib.URIRef) -> list[rdflib.term.Node]:
    action = GRAPH.value(test, MF.action)
    return list(Collection(GRAPH, GRAPH.value(action, HT.requests)))


def _send(url: str, req: rdflib.term.Node) -> httpx.Response:
    path = str(GRAPH.value(req, HT.absolutePath))
    split = urlsplit(path)
    assert split.path == "/sparql/", path
    headers = {}
    for h in Collection(GRAPH, GRAPH.value(req, HT.headers) or RDF.nil):
        headers[str(GRAPH.value(h, HT.fieldName))] = str(GRAPH.value(h, HT.fieldValue))
    body = GRAPH.value(req, HT.body)
    content = None
    if body is not None:
        encoding = str(GRAPH.value(body, CNT.characterEncoding))
        content = str(GRAPH.value(body, CNT.chars)).encode(encoding.lower())  # utf-16 carries its BOM
    # Query strings are sent byte for byte as the manifest writes them (repeated names included).
    target = url + "/sparql" + ("?" + split.query if split.query else "")
    with httpx.Client(timeout=60) as client:
        return client.send(client.build_request(str(GRAPH.value(req, HT.methodName)), target, content=content,
                                                headers=headers))


def _boolean(r: httpx.Response) -> bool:
    ctype = r.headers["content-type"].split(";")[0]
    if ctype == "application/sparql-results+json":
        return bool(json.loads(r.content)["boolean"])
    assert ctype == "application/sparql-results+xml", ctype
    node = ET.fromstring(r.content).find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert node is not None
    return node.text == "true"


@pytest.mark.parametrize("test", QUERY_TESTS, ids=lambda t: str(t).rsplit("#", 1)[1])
def test_w3c_protocol_query_test(url, test):
    requests = _requests(test)
    assert requests
    for req in requests:
        r = _send(url, req)
        resp = GRAPH.value(req, HT.resp)
        statuses = {str(s).rsplit("StatusCode", 1)[1] for s in GRAPH.objects(resp, MF.expectedStatus)}
        assert f"{str(r.status_code)[0]}xx" in statuses, (r.status_code, r.text[:300])
        fmt = GRAPH.value(resp, MF.expectedFormat)
        ctype = r.headers.get("content-type", "").split(";")[0]
        if fmt is not None:
            assert ctype in {"boolean": BOOLEAN_TYPES, "tabular": TABULAR_TYPES, "RDF": RDF_TYPES}[str(fmt)], ctype
        expected = GRAPH.value(resp, MF.expectedBoolean)
        if expected is not None:
            assert _boolean(r) is expected.toPython(), r.text


@pytest.mark.parametrize("test", UPDATE_TESTS, ids=lambda t: str(t).rsplit("#", 1)[1])
def test_w3c_protocol_update_tests_are_refused(url, test):
    """Not applicable (read-only): the first request, an update, gets a 4xx and changes nothing."""
    before = httpx.post(url + "/sparql", data={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"}).json()
    r = _send(url, _requests(test)[0])
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:200])
    after = httpx.post(url + "/sparql", data={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"}).json()
    assert after == before


def test_the_manifest_copy_is_whole():
    assert len(ENTRIES) == 34 and len(QUERY_TESTS) == 20 and len(UPDATE_TESTS) == 14


# --- more of the protocol: service description, base IRI, FROM ---------------------------------------


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/rdf+xml", "xml"),
                                        ("application/ld+json", "json-ld"), ("application/n-triples", "nt")])
def test_service_description(url, accept, fmt):
    r = httpx.get(url + "/sparql", headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept), r.text[:200]
    assert "Accept" in r.headers.get("vary", "")
    g = rdflib.Graph().parse(data=r.content, format=fmt)
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    svc = next(g.subjects(RDF.type, sd.Service))
    assert (svc, sd.supportedLanguage, sd.SPARQL11Query) in g
    assert str(g.value(svc, sd.endpoint)).endswith("/sparql")
    assert len(set(g.objects(svc, sd.resultFormat))) == 8
    assert g.value(svc, sd.defaultDataset) is not None
    # browsers still get the query form
    page = httpx.get(url + "/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.headers["content-type"].startswith("text/html") and "<form" in page.text


def test_relative_iris_resolve_against_the_endpoint(url):
    r = httpx.post(url + "/sparql", data={"query": "CONSTRUCT { <s> <p> <#o> } WHERE {}"}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200, r.text
    assert r.text.strip() == f"<{BASE}s> <{BASE}p> <{BASE}sparql#o> ."


def test_from_and_from_named_are_honoured(url):
    g1, g2 = "http://kasei.us/2009/09/sparql/data/data1.rdf", "http://kasei.us/2009/09/sparql/data/data2.rdf"

    def count(q: str, **params) -> int:
        r = httpx.post(url + "/sparql", data={"query": q, **params}, headers={"Accept": "application/sparql-results+json"})
        assert r.status_code == 200, r.text
        return int(r.json()["results"]["bindings"][0]["n"]["value"])

    everything = count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert everything > 5000
    assert count(f"SELECT (COUNT(*) AS ?n) FROM <{g1}> {{ ?s ?p ?o }}") == 1
    assert count(f"SELECT (COUNT(*) AS ?n) FROM <{g1}> FROM <{g2}> {{ ?s ?p ?o }}") == 2
    assert count(f"SELECT (COUNT(*) AS ?n) FROM NAMED <{g1}> {{ GRAPH ?g {{ ?s ?p ?o }} }}") == 1
    assert count(f"SELECT (COUNT(*) AS ?n) FROM NAMED <{g1}> {{ ?s ?p ?o }}") == 0  # default graph empty
    # the protocol's dataset wins over the query's
    assert count(f"SELECT (COUNT(*) AS ?n) FROM <{g1}> {{ ?s ?p ?o }}", **{"default-graph-uri": g2}) == 1
    assert count("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", **{"named-graph-uri": g2}) == 1


# --- the clients partners use -------------------------------------------------------------------------

CLIENT_SELECT = "SELECT ?m ?d WHERE { ?m a <https://w3id.org/rcmkg/ont#Meeting> ; <http://schema.org/startDate> ?d } ORDER BY ?m"
CLIENT_ASK = "ASK { ?m a <https://w3id.org/rcmkg/ont#Meeting> }"
CLIENT_CONSTRUCT = ("CONSTRUCT { ?m <http://schema.org/startDate> ?d } WHERE "
                    "{ ?m a <https://w3id.org/rcmkg/ont#Meeting> ; <http://schema.org/startDate> ?d }")
CLIENT_DESCRIBE = f"DESCRIBE <{BASE}id/country/CR>"


@pytest.fixture(scope="module")
def expected(url) -> dict[str, object]:
    def post(q: str, accept: str) -> httpx.Response:
        r = httpx.post(url + "/sparql", data={"query": q}, headers={"Accept": accept}, timeout=60)
        assert r.status_code == 200, r.text
        return r

    rows = post(CLIENT_SELECT, "application/sparql-results+json").json()["results"]["bindings"]
    construct = rdflib.Graph().parse(data=post(CLIENT_CONSTRUCT, "application/n-triples").text, format="nt")
    describe = rdflib.Graph().parse(data=post(CLIENT_DESCRIBE, "application/n-triples").text, format="nt")
    assert len(rows) >= 5 and len(construct) == len(rows) and len(describe) > 5
    return {"select": sorted(r["m"]["value"] for r in rows), "construct": construct, "describe": describe}


SPARQLWRAPPER_RESULTS = ("json", "xml", "csv", "tsv")
SPARQLWRAPPER_GRAPHS = ("xml", "rdf+xml", "rdf", "turtle", "n3", "json-ld", "json")


def _wrapper(url: str, query: str, fmt: str, method: str):
    from SPARQLWrapper import SPARQLWrapper

    w = SPARQLWrapper(url + "/sparql")
    w.setQuery(query)
    w.setReturnFormat(fmt)
    w.setMethod(method)
    return w.query()


def _graph_of(result, fmt: str) -> rdflib.Graph:
    """SPARQLWrapper hands back an rdflib Graph for XML/RDF/JSON-LD and the bytes for Turtle/N3."""
    data = result.convert()
    if isinstance(data, rdflib.Graph):
        return data
    ctype = result.response.headers.get("Content-Type", "").split(";")[0]
    return rdflib.Graph().parse(data=data, format={"application/ld+json": "json-ld", "application/rdf+xml": "xml"}.get(ctype, "turtle"))


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", SPARQLWRAPPER_RESULTS)
def test_sparqlwrapper_select_and_ask(url, expected, fmt, method):
    res = _wrapper(url, CLIENT_SELECT, fmt, method)
    data = res.convert()
    if fmt == "json":
        got = sorted(b["m"]["value"] for b in data["results"]["bindings"])
    elif fmt == "xml":
        got = sorted(str(b.getElementsByTagName("uri")[0].firstChild.data)
                     for b in data.getElementsByTagName("result"))
    else:
        text = data.decode("utf-8")
        lines = text.strip().splitlines()[1:]
        got = sorted(line.split("," if fmt == "csv" else "\t")[0].strip("<>") for line in lines)
    assert got == expected["select"]
    ask = _wrapper(url, CLIENT_ASK, fmt, method)
    body = ask.convert()
    if fmt == "json":
        assert body["boolean"] is True
    elif fmt == "xml":
        assert body.getElementsByTagName("boolean")[0].firstChild.data == "true"
    else:
        assert body.decode("utf-8").strip().splitlines()[-1] == "true"


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", SPARQLWRAPPER_GRAPHS)
def test_sparqlwrapper_construct_and_describe(url, expected, fmt, method):
    from rdflib.compare import isomorphic

    g = _graph_of(_wrapper(url, CLIENT_CONSTRUCT, fmt, method), fmt)
    assert isomorphic(g, expected["construct"]), fmt
    d = _graph_of(_wrapper(url, CLIENT_DESCRIBE, fmt, method), fmt)
    assert isomorphic(d, expected["describe"]), fmt


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
@pytest.mark.parametrize("fmt", ["xml", "json", "csv", "tsv"])
def test_rdflib_sparqlstore(url, expected, fmt, method):
    from rdflib.compare import isomorphic
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(query_endpoint=url + "/sparql", returnFormat=fmt, method=method)
    g = rdflib.Graph(store=store)
    rows = list(g.query(CLIENT_SELECT))
    assert sorted(str(r[0]) for r in rows) == expected["select"]
    # rdflib's own limits, not the endpoint's: its CSV/TSV parsers read SELECT answers only, and
    # with returnFormat=json it accepts only application/sparql-results+json, which no graph is
    # (the endpoint answers 406, as HTTP says; rdflib raises).
    if fmt in ("xml", "json"):
        assert g.query(CLIENT_ASK).askAnswer is True
    if fmt == "xml":
        assert isomorphic(g.query(CLIENT_CONSTRUCT).graph, expected["construct"])
        assert isomorphic(g.query(CLIENT_DESCRIBE).graph, expected["describe"])
    store.close()
