"""The linked-data server, run with uvicorn on a real socket (127.0.0.1, a free port).

Covers the 303s and content negotiation, 404s that help, ETag/Last-Modified/304, CORS, the SPARQL
endpoint in every result format, refused updates, the query timeout (the worker really dies), the
row limit, canned query URLs, label search in English and Spanish, and report text containing
``<script>`` rendered inert.
"""

from __future__ import annotations

import io
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import rdflib
from builders import (
    BASE,
    EVIL,
    EVIL_TEXT,
    MEETING,
    ScriptFinder,
    convert_samples,
    disk_store,
    make_app,
    running,
    serve_store,
)
from rdflib.compare import isomorphic
from rdflib.query import Result

from rcmkg.settings import Settings

# every test here serves the store with uvicorn on a socket
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


# --- fixtures ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    return convert_samples(tmp_path_factory.mktemp("server") / "rdf")


@pytest.fixture(scope="module")
def store_dir(ttl, tmp_path_factory) -> Path:
    return disk_store(ttl, tmp_path_factory.mktemp("store") / "store")


@pytest.fixture(scope="module")
def url(store_dir) -> Iterator[str]:
    with serve_store(store_dir, Settings(base=BASE, query_timeout=20, result_limit=10000)) as u:
        yield u


@pytest.fixture()
def client(url) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=url, timeout=30) as c:
        yield c


# --- Cool URIs: 303 and content negotiation ----------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "suffix"),
    [
        ("text/html", ""),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", ""),
        (None, ""),
        ("text/turtle", ".ttl"),
        ("application/ld+json", ".jsonld"),
        ("application/n-triples", ".nt"),
        ("application/rdf+xml", ".rdf"),
        ("application/rdf+xml;q=0.5, text/turtle;q=0.9", ".ttl"),
    ],
)
def test_thing_answers_303_to_the_document_the_client_wants(client, accept, suffix):
    r = client.get(f"/id/{MEETING}", headers={"Accept": accept} if accept else {})
    assert r.status_code == 303
    assert r.headers["location"] == f"/doc/{MEETING}{suffix}"
    assert "Accept" in r.headers["vary"]
    assert 'rel="alternate"; type="text/turtle"' in r.headers["link"]


def test_thing_406_when_nothing_acceptable(client):
    r = client.get(f"/id/{MEETING}", headers={"Accept": "image/png"})
    assert r.status_code == 406
    assert "text/turtle" in r.text


@pytest.mark.parametrize(
    ("accept", "ctype", "rdflib_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
    ],
)
def test_document_conneg_and_suffix_give_the_same_graph(client, accept, ctype, rdflib_format):
    negotiated = client.get(f"/doc/{MEETING}", headers={"Accept": accept})
    assert negotiated.status_code == 200
    assert negotiated.headers["content-type"].startswith(ctype)
    assert negotiated.headers["vary"] == "Accept"
    ext = {"turtle": "ttl", "json-ld": "jsonld", "nt": "nt", "xml": "rdf"}[rdflib_format]
    assert negotiated.headers["content-location"] == f"/doc/{MEETING}.{ext}"
    explicit = client.get(f"/doc/{MEETING}.{ext}", headers={"Accept": "text/html"})  # the suffix wins
    assert explicit.headers["content-type"].startswith(ctype)
    g1 = rdflib.Graph().parse(data=negotiated.content, format=rdflib_format)
    g2 = rdflib.Graph().parse(data=explicit.content, format=rdflib_format)
    assert isomorphic(g1, g2)
    thing = rdflib.URIRef(BASE + "id/" + MEETING)
    assert (thing, rdflib.RDF.type, rdflib.URIRef("https://w3id.org/rcmkg/ont#Meeting")) in g1
    # links both ways: the items point at the meeting, and the document says what it is about
    assert any(g1.triples((None, rdflib.URIRef("https://w3id.org/rcmkg/ont#agreedAt"), thing)))
    assert (rdflib.URIRef(BASE + "doc/" + MEETING), rdflib.FOAF.primaryTopic, thing) in g1


def test_every_format_of_one_document_is_the_same_graph(client):
    graphs = {}
    for ext, fmt in (("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt"), ("rdf", "xml")):
        graphs[ext] = rdflib.Graph().parse(data=client.get(f"/doc/{MEETING}/item/5.{ext}").content, format=fmt)
    assert len(graphs["ttl"]) >= 15
    for ext in ("jsonld", "nt", "rdf"):
        assert isomorphic(graphs["ttl"], graphs[ext]), ext


def test_html_page_of_a_meeting(client):
    r = client.get(f"/doc/{MEETING}", headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.headers["content-type"] == "text/html; charset=utf-8"
    page = r.text
    assert "<h1" in page and "Liaison Officer Network" in page
    assert f"{BASE}id/{MEETING}" in page  # cite as
    # agreements in reading order (3, 3.a, 3.b before 4), each linking to its page
    assert page.index(f'href="/doc/{MEETING}/item/3"') < page.index(f'href="/doc/{MEETING}/item/5"') \
        < page.index(f'href="/doc/{MEETING}/item/6"')
    # the quote and the report it came from
    assert "Panama City, Panama" in page and 'href="/doc/report/rcm-lon-smtp/2018-07-19"' in page
    # alternates for machines
    assert f'<link rel="alternate" type="text/turtle" href="/doc/{MEETING}.ttl"' in page
    data = _ld_json(page)
    ids = {n["@id"] for n in data["@graph"]}
    assert BASE + "id/" + MEETING in ids


def _ld_json(page: str) -> dict:
    finder = ScriptFinder()
    finder.feed(page)
    blocks = [c for t, c in finder.scripts if t == "application/ld+json"]
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_embedded_jsonld_is_the_same_graph_as_the_jsonld_document(client):
    page = client.get(f"/doc/{MEETING}/item/5").text
    embedded = rdflib.Graph().parse(data=json.dumps(_ld_json(page)), format="json-ld")
    doc = rdflib.Graph().parse(data=client.get(f"/doc/{MEETING}/item/5.jsonld").content, format="json-ld")
    topic = (rdflib.URIRef(BASE + "doc/" + MEETING + "/item/5"), rdflib.FOAF.primaryTopic, None)
    for t in list(doc.triples(topic)):
        doc.remove(t)
    assert isomorphic(embedded, doc)


def test_pages_of_each_kind_of_resource(client):
    kinds = {
        "meeting": f"/doc/{MEETING}",
        "agreement": f"/doc/{MEETING}/item/5",
        "commitment": f"/doc/{MEETING}/item/5/commitment/1",
        "delegation": f"/doc/{MEETING}/delegation/CR",
        "organisation": "/doc/org/iom",
        "country": "/doc/country/CR",
        "document": "/doc/doc/work-plan-migrant-smuggling",
        "tracked item": "/doc/track/work-plan-migrant-smuggling",
        "concept": "/voc/stage/circulated-for-review.html",
        "report": "/doc/report/rcm-lon-smtp/2018-07-19",
        "source text": "/doc/text/sha256-563b5d0127376752",
        "dataset": "/doc/dataset",
    }
    for kind, path in kinds.items():
        r = client.get(path, headers={"Accept": "text/html"})
        assert r.status_code == 200, (kind, r.status_code, r.text[:300])
        finder = ScriptFinder()
        finder.feed(r.text)
        assert {t for t, _ in finder.scripts} <= {"application/ld+json"}, kind  # no JavaScript anywhere
        assert not finder.handlers, kind


def test_labels_in_english_and_spanish_side_by_side(client):
    page = client.get("/doc/org/iom").text
    assert "International Organization for Migration" in page
    assert "Organización Internacional para las Migraciones" in page
    assert '<th scope="col" lang="es">Español</th>' in page


def test_source_text_page_anchors_every_span(client):
    page = client.get("/doc/text/sha256-563b5d0127376752").text
    assert 'id="char=1409,1623"' in page or 'id="char=1409,1622"' in page
    # the agreement links to its span on this page
    item = client.get(f"/doc/{MEETING}/item/5").text
    assert "/doc/text/sha256-563b5d0127376752#char=" in item


def test_tracked_item_page_links_to_its_timeline(client):
    page = client.get("/doc/track/work-plan-migrant-smuggling").text
    assert 'href="/trace/work-plan-migrant-smuggling"' in page
    timeline = client.get("/trace/work-plan-migrant-smuggling")
    assert timeline.status_code == 200
    assert "2016" in timeline.text and "2018-07-19" in timeline.text
    assert client.get("/trace/no-such-item").status_code == 404


def test_home_page_lists_meetings_by_date_and_tracked_items(client):
    page = client.get("/").text
    dates = ["2019-07-19", "2018-07-19", "2017-11-27", "2017-06-21", "2016-11-15", "2013-11-18"]
    positions = [page.index(f'datetime="{d}"') for d in dates]
    assert positions == sorted(positions)  # newest first
    assert 'href="/trace/work-plan-migrant-smuggling"' in page
    assert 'href="/commitments"' in page and 'href="/sparql"' in page


def test_commitments_page(client):
    page = client.get("/commitments").text
    assert "Who committed to what" in page
    assert "disseminate" in page
    assert client.get("/commitments?status=overdue").status_code == 200


# --- 404s that help -----------------------------------------------------------------------------------


def test_unknown_thing_404_suggests_neighbours(client):
    r = client.get("/id/meeting/rcm-lon-smtp/2018-07-20", headers={"Accept": "text/html"})
    assert r.status_code == 404
    assert "https://w3id.org/rcmkg/id/meeting/rcm-lon-smtp/2018-07-20" in r.text
    assert 'href="/doc/meeting/rcm-lon-smtp/2018-07-19"' in r.text  # a meeting of the same body
    assert 'href="/sparql"' in r.text


def test_unknown_document_404_in_text_for_machines(client):
    r = client.get("/doc/org/no-such-org", headers={"Accept": "text/turtle"})
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/plain")
    assert "no resource" in r.text.lower()


def test_unknown_path_404(client):
    r = client.get("/nothing/here", headers={"Accept": "text/html"})
    assert r.status_code == 404 and "/id/" in r.text


# --- caching and CORS --------------------------------------------------------------------------------


def test_etag_and_last_modified_give_304(client):
    r = client.get(f"/doc/{MEETING}.ttl")
    etag, modified = r.headers["etag"], r.headers["last-modified"]
    assert etag.startswith('"') and modified.endswith("GMT")
    assert client.get(f"/doc/{MEETING}.ttl", headers={"If-None-Match": etag}).status_code == 304
    assert client.get(f"/doc/{MEETING}.ttl", headers={"If-None-Match": '"other"'}).status_code == 200
    assert client.get(f"/doc/{MEETING}.ttl", headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get(f"/doc/{MEETING}.ttl", headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}).status_code == 200
    # the HTML and the Turtle of one thing are different documents with different tags
    assert client.get(f"/doc/{MEETING}").headers["etag"] != etag
    page = client.get("/")
    assert client.get("/", headers={"If-None-Match": page.headers["etag"]}).status_code == 304


def test_cors_on_every_get(client):
    for path in ("/", f"/doc/{MEETING}.ttl", f"/id/{MEETING}", "/doc/nothing", "/sparql?query=ASK%7B%7D"):
        r = client.get(path)
        assert r.headers["access-control-allow-origin"] == "*", path
    pre = client.options("/sparql", headers={"Origin": "https://partner.example", "Access-Control-Request-Method": "POST",
                                             "Access-Control-Request-Headers": "Content-Type"})
    assert pre.status_code == 204
    assert "POST" in pre.headers["access-control-allow-methods"]


def test_head_requests(client):
    r = client.head(f"/doc/{MEETING}.ttl")
    assert r.status_code == 200 and r.headers["etag"] and not r.content


# --- report text with <script> is inert -------------------------------------------------------------


def test_script_in_report_text_is_rendered_inert(client):
    r = client.get(f"/doc/{EVIL}", headers={"Accept": "text/html"})
    assert r.status_code == 200
    page = r.text
    assert "&lt;script&gt;alert(&#34;rcmkg&#34;)&lt;/script&gt;" in page or "&lt;script&gt;alert(" in page
    assert "<script>alert" not in page and "<img src=x" not in page
    finder = ScriptFinder()
    finder.feed(page)
    assert [t for t, _ in finder.scripts] == ["application/ld+json"]
    assert not finder.handlers
    # the JSON-LD block still holds the text, escaped so the HTML parser cannot end the element early
    block = finder.scripts[0][1]
    assert "</" not in block and "<!--" not in block
    values = [v["@value"] for node in json.loads(block)["@graph"] for vs in node.values() if isinstance(vs, list)
              for v in vs if isinstance(v, dict) and "@value" in v]
    assert EVIL_TEXT in values
    for path in ("/search?q=input+script", "/trace/work-plan-migrant-smuggling", f"/doc/{EVIL.rsplit('/item', 1)[0]}",
                 "/doc/text/" + _evil_text_id(client)):
        body = client.get(path, headers={"Accept": "text/html"}).text
        assert "<script>alert" not in body and "<img src=x" not in body, path


def _evil_text_id(client) -> str:
    g = rdflib.Graph().parse(data=client.get(f"/doc/{EVIL}.ttl").content, format="turtle")
    span = next(o for o in g.objects(rdflib.URIRef(BASE + "id/" + EVIL), rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))
    return str(span).split("/id/text/", 1)[1].split("#", 1)[0]


def test_sparql_html_results_escape_values(client):
    q = f'SELECT ?t WHERE {{ <{BASE}id/{EVIL}> rcm:text ?t }}'
    page = client.get("/sparql", params={"query": q, "format": "html"}).text
    assert "<script>alert" not in page and "&lt;script&gt;" in page


# --- search ------------------------------------------------------------------------------------------


def test_label_search_english_and_spanish(client):
    en = client.get("/search", params={"q": "work plan smuggling"}).text
    assert 'href="/doc/track/work-plan-migrant-smuggling"' in en
    es = client.get("/search", params={"q": "plan de trabajo trafico", "lang": "es"}).text  # no accent typed
    # ?lang=es is also the interface's language: the page's links keep it
    assert 'href="/doc/track/work-plan-migrant-smuggling?lang=es"' in es
    assert "Plan de Trabajo" in es
    oim = client.get("/search", params={"q": "Organización Internacional"}).text
    assert 'href="/doc/org/iom"' in oim
    assert "0 results" in client.get("/search", params={"q": "zzzzqqq"}).text
    assert client.get("/search", params={"q": "x", "lang": "fr"}).status_code == 400


# --- SPARQL --------------------------------------------------------------------------------------------

SELECT = "SELECT ?m ?d WHERE { ?m a rcm:Meeting ; schema:startDate ?d } ORDER BY ?d"


@pytest.mark.parametrize(
    ("accept", "fmt", "ctype"),
    [
        ("application/sparql-results+json", "json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "xml", "application/sparql-results+xml"),
        ("text/csv", "csv", "text/csv"),
        ("text/tab-separated-values", "tsv", "text/tab-separated-values"),
    ],
)
def test_sparql_select_in_every_format(client, accept, fmt, ctype):
    by_accept = client.get("/sparql", params={"query": SELECT}, headers={"Accept": accept})
    by_param = client.get("/sparql", params={"query": SELECT, "format": fmt})
    by_post = client.post("/sparql", data={"query": SELECT}, headers={"Accept": accept})
    by_body = client.post("/sparql", content=SELECT.encode(), headers={"Content-Type": "application/sparql-query", "Accept": accept})
    for r in (by_accept, by_param, by_post, by_body):
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith(ctype)
        result = Result.parse(io.BytesIO(r.content), format=fmt)
        rows = [(str(row[0]), str(row[1])) for row in result]
        assert len(rows) == 6 and rows[0][1] == "2013-11-18"
        assert r.headers["x-rcmkg-rows"] == "6"


def test_sparql_default_is_json_and_ask_in_every_format(client):
    r = client.get("/sparql", params={"query": "ASK { ?s a rcm:Meeting }"})
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    assert r.json() == {"head": {}, "boolean": True}
    xml = client.get("/sparql", params={"query": "ASK { ?s a rcm:Nothing }", "format": "xml"})
    assert Result.parse(io.BytesIO(xml.content), format="xml").askAnswer is False
    for fmt in ("csv", "tsv"):
        assert "true" in client.get("/sparql", params={"query": "ASK { ?s ?p ?o }", "format": fmt}).text


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/n-triples", "nt"), ("application/rdf+xml", "xml")],
)
def test_sparql_construct_and_describe(client, accept, rdflib_format):
    q = f"CONSTRUCT {{ ?a rcm:text ?t }} WHERE {{ ?a rcm:agreedAt <{BASE}id/{MEETING}> ; rcm:text ?t }}"
    r = client.get("/sparql", params={"query": q}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    assert len(rdflib.Graph().parse(data=r.content, format=rdflib_format)) == 14
    d = client.get("/sparql", params={"query": f"DESCRIBE <{BASE}id/country/CR>"}, headers={"Accept": accept})
    assert len(rdflib.Graph().parse(data=d.content, format=rdflib_format)) > 5


def test_sparql_wrong_format_for_the_query_form(client):
    r = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "text/turtle"})
    assert r.status_code == 406 and "json" in r.text


def test_sparql_named_graphs_and_dataset_parameters(client):
    g = f"{BASE}id/graph/rcm-lon-smtp/2018-07-19"
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s a rcm:Meeting }"
    everything = client.get("/sparql", params={"query": q}).json()
    one = client.get("/sparql", params={"query": q, "default-graph-uri": g}).json()
    assert int(everything["results"]["bindings"][0]["n"]["value"]) == 6
    assert int(one["results"]["bindings"][0]["n"]["value"]) == 1
    graphs = client.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"}).json()
    names = {b["g"]["value"] for b in graphs["results"]["bindings"]}
    assert {g, f"{BASE}id/graph/registry", f"{BASE}id/graph/ontology"} <= names


def test_sparql_syntax_error_is_400_with_the_parser_message(client):
    r = client.get("/sparql", params={"query": "SELECT WHERE {"})
    assert r.status_code == 400 and "syntax" in r.text.lower()
    assert client.get("/sparql", headers={"Accept": "application/sparql-results+json"}).status_code == 400  # no query
    assert client.get("/sparql", headers={"Accept": "text/html"}).status_code == 200  # the query page
    assert client.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"}).status_code == 415


@pytest.mark.parametrize(
    "how",
    ["form", "body", "query-param", "get-update-param"],
)
def test_sparql_updates_are_refused(client, how):
    update = f"INSERT DATA {{ <{BASE}id/x> <{BASE}id/p> <{BASE}id/y> }}"
    if how == "form":
        r = client.post("/sparql", data={"update": update})
    elif how == "body":
        r = client.post("/sparql", content=update.encode(), headers={"Content-Type": "application/sparql-update"})
    elif how == "query-param":
        r = client.get("/sparql", params={"query": "PREFIX ex: <http://ex.org/#>\n# a comment\n" + update})
    else:
        r = client.get("/sparql", params={"update": update})
    assert r.status_code == 403
    assert "read-only" in r.text
    ask = client.get("/sparql", params={"query": f"ASK {{ <{BASE}id/x> ?p ?o }}"}).json()
    assert ask["boolean"] is False


def test_sparql_page_offers_the_canned_queries(client):
    page = client.get("/sparql", headers={"Accept": "text/html"}).text
    for name in ("meetings", "agreements", "commitments", "trace"):
        assert f'id="q-{name}"' in page
    assert '<form action="/sparql" method="get"' in page


# --- canned queries as stable URLs ------------------------------------------------------------------


def test_canned_query_urls(client):
    csv = client.get("/query/meetings", headers={"Accept": "text/csv"})
    assert csv.status_code == 200 and csv.text.startswith("meeting,date,")
    assert len(csv.text.strip().splitlines()) == 7
    js = client.get("/query/meetings.json").json()
    assert len(js["results"]["bindings"]) == 6
    etag = csv.headers["etag"]
    assert client.get("/query/meetings", headers={"Accept": "text/csv", "If-None-Match": etag}).status_code == 304
    trace = client.get("/query/trace", params={"item": "work-plan-migrant-smuggling", "format": "json"}).json()
    assert len(trace["results"]["bindings"]) >= 5
    one = client.get("/query/delegations", params={"meeting": f"{BASE}id/{MEETING}", "format": "json"}).json()
    assert {b["meeting"]["value"] for b in one["results"]["bindings"]} == {f"{BASE}id/{MEETING}"}
    assert len(one["results"]["bindings"]) == 10


def test_canned_query_errors(client):
    assert client.get("/query/trace", params={"format": "json"}).status_code == 400  # item is required
    assert client.get("/query/nope").status_code == 404
    assert client.get("/query/meetings", params={"bogus": "1", "format": "json"}).status_code == 400
    bad = client.get("/query/delegations", params={"meeting": "not an iri", "format": "json"})
    assert bad.status_code == 400 and "must be an IRI" in bad.text
    # a value cannot change the query: it is a term, not text
    sneaky = client.get("/query/trace", params={"item": 'x" } } DELETE WHERE { ?s ?p ?o } #', "format": "json"})
    assert sneaky.status_code == 200 and sneaky.json()["results"]["bindings"] == []
    form = client.get("/query/trace", headers={"Accept": "text/html"})
    assert form.status_code == 200 and 'name="item"' in form.text


# --- limits: timeout and result limit (their own servers, with small settings) ------------------------


def test_query_timeout_stops_the_work(store_dir):
    app = make_app(store_dir, Settings(base=BASE, query_timeout=1.5), workers=1)
    pool = app.state.published.pool
    with running(app) as u, httpx.Client(base_url=u, timeout=30) as c:
        assert c.get("/sparql", params={"query": "ASK {}"}).status_code == 200
        before = pool.pids()
        assert len(before) == 1
        start = time.monotonic()
        r = c.get("/sparql", params={"query": CARTESIAN})
        elapsed = time.monotonic() - start
        assert r.status_code == 504, r.text
        assert "1.5 s" in r.text and "stopped" in r.text
        assert elapsed < 10
        # the worker that ran it is gone (SIGKILL), not left burning a core
        assert not _alive(before[0])
        assert pool.killed == 1
        # and the endpoint answers again once its replacement is up
        deadline = time.monotonic() + 30
        while True:
            ok = c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
            if ok.status_code == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert ok.json()["boolean"] is True
        assert pool.pids() and pool.pids() != before


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie not yet reaped still "exists"; check its state
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return state != "Z"


def test_result_limit(store_dir):
    with serve_store(store_dir, Settings(base=BASE, result_limit=7)) as u, httpx.Client(base_url=u, timeout=30) as c:
        r = c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }", "format": "json"})
        assert r.status_code == 200
        assert len(r.json()["results"]["bindings"]) == 7
        assert "7" in r.headers["x-rcmkg-truncated"]
        g = c.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "application/n-triples"})
        assert len(g.text.strip().splitlines()) == 7
        small = c.get("/sparql", params={"query": "SELECT * WHERE { ?s a rcm:Meeting }", "format": "json"})
        assert "x-rcmkg-truncated" not in small.headers


# --- a base IRI that differs from the host ------------------------------------------------------------


def test_base_decides_the_iris_the_server_maps_paths(tmp_path):
    other = "https://data.example.org/rcm/"
    settings = Settings(base=other)
    from rcmkg.pipeline import convert

    out = tmp_path / "rdf"
    summary = convert([REPO / "data" / "reports" / "002_dcc41190f93bc62f.txt"], out, settings, jobs=1)
    assert not summary.errors
    store_dir = disk_store(out, tmp_path / "store", settings)
    converted = rdflib.Graph().parse(next(out.glob("*.ttl")))
    meeting = next(iter(converted.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/rcmkg/ont#Meeting"))))
    path = str(meeting)[len(other + "id/"):]
    with serve_store(store_dir, settings) as u, httpx.Client(base_url=u, timeout=30) as c:
        r = c.get(f"/id/{path}", headers={"Accept": "text/turtle"})
        assert r.status_code == 303 and r.headers["location"] == f"/doc/{path}.ttl"
        g = rdflib.Graph().parse(data=c.get(r.headers["location"]).content, format="turtle")
        assert (meeting, rdflib.RDF.type, None) in g
        page = c.get(f"/doc/{path}").text
        assert f"{other}id/{path}" in page and f'href="/doc/{path}/item/1"' in page
        assert path == "meeting/rcm-lon-smtp/2018-07-19"  # the same natural keys under any base
        assert c.get("/id/meeting/rcm-lon-smtp/2017-11-27").status_code == 404  # a meeting not loaded
        # registry things follow the base too
        assert c.get("/doc/country/CR").status_code == 200
