"""The static site: every internal link resolves, the dumps parse (and agree), the VoID/DCAT
description is real and conforms to shapes/void-dcat.ttl, and the web server configs are there."""

from __future__ import annotations

import gzip
import html.parser
import io
import json
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import rdflib
from builders import BASE, EVIL, MEETING, ScriptFinder, convert_samples
from click.testing import CliRunner
from rdflib.compare import isomorphic
from rdflib.query import Result

from rcmkg.cli import cli

VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
SITE_URL = "https://partner.example.org/rcm/"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("site")
    ttl = convert_samples(tmp / "rdf")
    out = tmp / "site"
    result = CliRunner().invoke(cli, ["publish", "--data", str(ttl), "--out", str(out), "--site-url", SITE_URL,
                                      "--sparql-endpoint", SITE_URL + "sparql", "--publisher", "RCM Technical Secretariat",
                                      "--publisher-url", "https://www.crmsv.org/"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "published" in result.output
    return out


class Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src", "action"):
            if a.get(key) and not (tag == "form" and key == "action" and not a[key]):
                self.links.append(a[key])


def _parse(path: Path) -> Links:
    p = Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_every_internal_link_resolves(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 300
    ids = {}
    broken, iris_without_page, checked = [], [], 0
    for page in pages:
        parsed = _parse(page)
        rel_page = page.relative_to(site).as_posix()
        ids[rel_page] = parsed.ids
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme == "data":
                continue
            if parts.scheme in ("http", "https", "mailto"):
                # a link to one of our IRIs must name something the site has a page for
                if link.startswith(BASE + "id/"):
                    thing = link[len(BASE + "id/"):].split("#", 1)[0]
                    if not (site / "doc" / f"{thing}.html").is_file():
                        iris_without_page.append((rel_page, link))
                continue
            if not parts.path:  # a fragment on this page
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel_page), unquote(parts.path)))
            checked += 1
            if not (site / target).is_file():
                broken.append((rel_page, link))
            elif parts.fragment and target.endswith(".html"):
                ids.setdefault(target, _parse(site / target).ids)
                if unquote(parts.fragment) not in ids[target]:
                    broken.append((rel_page, link + " (no such anchor)"))
    assert checked > 5000
    assert not broken, broken[:20]
    assert not iris_without_page, iris_without_page[:20]


def test_pages_have_no_javascript_and_escape_report_text(site):
    for page in [site / "index.html", site / "doc" / f"{EVIL}.html", site / "sparql.html", site / "commitments.html",
                 site / "trace" / "work-plan-migrant-smuggling.html", site / "labels.html"]:
        text = page.read_text(encoding="utf-8")
        finder = ScriptFinder()
        finder.feed(text)
        assert {t for t, _ in finder.scripts} <= {"application/ld+json"}, page
        assert not finder.handlers, page
        assert "<script>alert" not in text and "<img src=x" not in text, page


def test_each_resource_has_every_representation(site):
    doc = site / "doc" / MEETING
    graphs = {}
    for ext, fmt in (("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt"), ("rdf", "xml")):
        graphs[ext] = rdflib.Graph().parse(doc.with_name(doc.name + "." + ext), format=fmt)
    for ext in ("jsonld", "nt", "rdf"):
        assert isomorphic(graphs["ttl"], graphs[ext]), ext
    # the page embeds the same description, without the document's own foaf:primaryTopic
    for page in (doc.with_name(doc.name + ".html"), site / "es" / "doc" / (MEETING + ".html")):
        embedded = page.read_text(encoding="utf-8").split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
        described = rdflib.Graph().parse(data=embedded, format="json-ld")
        topic = rdflib.URIRef("http://xmlns.com/foaf/0.1/primaryTopic")
        assert len(described) > 20 and (None, topic, None) not in described
        assert isomorphic(described, graphs["ttl"] - rdflib.Graph().parse(
            data="".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in graphs["ttl"].triples((None, topic, None))),
            format="nt")), page
    assert (rdflib.URIRef(BASE + "id/" + MEETING), rdflib.RDF.type, None) in graphs["ttl"]
    # the static pages say the same as the server's documents: datatypes as the converter wrote them
    item = rdflib.Graph().parse(site / "doc" / f"{MEETING}/item/5.ttl", format="turtle")
    pos = item.value(rdflib.URIRef(BASE + "id/" + MEETING + "/item/5"), rdflib.URIRef("https://w3id.org/rcmkg/ont#position"))
    assert pos.datatype == rdflib.XSD.positiveInteger


def test_dumps_parse_and_agree(site):
    dumps = site / "dumps"
    ttl = rdflib.Graph().parse(dumps / "rcmkg.ttl", format="turtle")
    with gzip.open(dumps / "rcmkg.nt.gz", "rb") as fh:
        nt = rdflib.Graph().parse(data=fh.read(), format="nt")
    jsonld = rdflib.Graph().parse(dumps / "rcmkg.jsonld", format="json-ld")
    trig = rdflib.Dataset()
    trig.parse(dumps / "rcmkg.trig", format="trig")
    assert len(ttl) == len(nt) == len(jsonld) > 5000
    # Same triples: ground ones exactly, those with blank nodes (selectors, intervals) by count
    # (rdflib's isomorphism test takes a minute on a few thousand blank nodes).
    for other in (nt, jsonld):
        assert _ground(ttl) == _ground(other)
        assert len(ttl) - len(_ground(ttl)) == len(other) - len(_ground(other))
    graphs = {str(g.identifier) for g in trig.graphs() if len(g)}
    reports = {g for g in graphs if "/id/graph/rcm-lon-smtp/" in g}
    assert len(reports) == 6  # one named graph per report
    assert {BASE + "id/graph/registry", BASE + "id/graph/ontology"} <= graphs
    assert not any(g.endswith(("/meta", "/inferred", "/ontology-closure")) for g in graphs)
    merged = rdflib.Graph()
    for s, p, o, _g in trig.quads((None, None, None, None)):
        merged.add((s, p, o))
    assert len(merged) == len(nt)


def _ground(g: rdflib.Graph) -> set:
    return {t for t in g if not any(isinstance(x, rdflib.BNode) for x in t)}


def test_void_and_dcat_are_real_and_conform(site):
    from rcmkg.publish.site.build import validate_void

    data = (site / "void.ttl").read_bytes()
    assert (site / ".well-known" / "void").read_bytes() == data
    conforms, text = validate_void(data)
    assert conforms, text
    g = rdflib.Graph().parse(data=data, format="turtle")
    ds = rdflib.URIRef(BASE + "id/dataset")
    with gzip.open(site / "dumps" / "rcmkg.nt.gz", "rb") as fh:
        lines = sum(1 for line in fh if line.strip())
    assert int(g.value(ds, VOID.triples)) == lines  # the real count, not an estimate
    assert str(g.value(ds, VOID.sparqlEndpoint)) == SITE_URL + "sparql"
    assert str(g.value(g.value(ds, rdflib.DCTERMS.publisher), rdflib.FOAF.name)) == "RCM Technical Secretariat"
    assert g.value(ds, rdflib.DCTERMS.license) is not None
    examples = set(g.objects(ds, VOID.exampleResource))
    assert rdflib.URIRef(BASE + "id/meeting/rcm-lon-smtp/2019-07-19") in examples
    for ex in examples:
        assert (site / "doc" / (str(ex)[len(BASE + "id/"):] + ".html")).is_file()
    sizes = {}
    for dist in g.objects(ds, DCAT.distribution):
        url = g.value(dist, DCAT.downloadURL)
        if url is None:
            continue
        name = str(url).rsplit("/", 1)[-1]
        assert str(url) == f"{SITE_URL}dumps/{name}"
        assert int(g.value(dist, DCAT.byteSize)) == (site / "dumps" / name).stat().st_size
        sizes[name] = int(g.value(dist, VOID.triples))
    assert set(sizes) == {"rcmkg.ttl", "rcmkg.nt.gz", "rcmkg.trig", "rcmkg.jsonld"}
    # one subset per report graph, with its own count
    subsets = list(g.objects(ds, VOID.subset))
    assert len(subsets) == 9  # and the fulfilment assessments graph (rcmkg load)
    assert sum(int(g.value(s, VOID.triples)) for s in subsets) == sizes["rcmkg.trig"]


def test_void_shapes_catch_a_bad_description(site):
    from rcmkg.publish.site.build import validate_void

    g = rdflib.Graph().parse(site / "void.ttl", format="turtle")
    ds = rdflib.URIRef(BASE + "id/dataset")
    g.remove((ds, rdflib.DCTERMS.license, None))
    g.remove((ds, VOID.triples, None))
    conforms, text = validate_void(g.serialize(format="turtle").encode())
    assert not conforms
    assert "licence" in text and "how many triples" in text


def test_canned_query_results_are_published(site):
    rows = Result.parse(io.BytesIO((site / "query" / "meetings.json").read_bytes()), format="json")
    assert len(rows) == 6
    assert (site / "query" / "meetings.csv").read_text().startswith("meeting,date,")
    page = (site / "sparql.html").read_text()
    assert f'action="{SITE_URL}sparql"' in page  # the form goes to the public endpoint
    assert 'href="query/meetings.html"' in page


def test_ontology_docs_validation_report_and_timelines(site):
    onto = (site / "ontology" / "index.html").read_text()
    assert "Meeting" in onto and "Agreement" in onto
    assert (site / "ontology" / "rcm.ttl").is_file()
    report = json.loads((site / "validation" / "report.json").read_text())
    assert {"conforms", "counts", "results"} <= set(report)
    assert "SHACL" in (site / "validation" / "index.html").read_text()
    timeline = (site / "trace" / "work-plan-migrant-smuggling.html").read_text()
    assert "2018-07-19" in timeline
    assert 'href="../static/rcmkg.css"' in timeline  # rcmkg.trace's page inside the site's layout


def test_server_configs(site):
    ht = (site / ".htaccess").read_text()
    assert "RewriteBase /rcm/" in ht
    assert "RewriteRule ^id/(.+)$ doc/$1%{ENV:RCMKG_EXT} [R=303,END]" in ht
    assert "DirectorySlash Off" in ht and "Header always merge Vary Accept" in ht  # served for real in test_webservers
    assert "AddType text/turtle .ttl" in ht and 'Access-Control-Allow-Origin "*"' in ht
    ng = (site / "nginx.conf").read_text()
    assert "map $http_accept $rcmkg_ext" in ng
    assert "return 303 /rcm/doc/$rcmkg_thing$rcmkg_ext;" in ng
    assert "try_files $uri$rcmkg_ext $uri.html $uri =404;" in ng


def test_publish_replaces_the_site_atomically(site, tmp_path):
    from rcmkg.errors import PublishError
    from rcmkg.publish.site.build import publish_site
    from rcmkg.settings import Settings

    class Broken:  # a Source whose store fails at the first read
        base, path = BASE, None

        @property
        def ox(self):
            return self

        def named_graphs(self):
            raise PublishError("boom")

        def quads_for_pattern(self, *a):  # pragma: no cover
            return iter(())

    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    with pytest.raises(PublishError):
        publish_site(Broken(), Settings(base=BASE), site)
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert not [p for p in site.parent.iterdir() if p.name.startswith(f".{site.name}.")]


def test_meeting_and_report_pages_say_what_the_source_lacks(site):
    # Sample 004 lists no delegations (rcm:sourceLacks lack:delegations): its meeting and report pages
    # say so in a sentence; a meeting whose report lists them says nothing of the kind.
    sentence = "The report lists no delegations attending the meeting."
    for page in (site / "doc" / "meeting" / "rcm-lon-smtp" / "2017-06-21.html",
                 site / "doc" / "report" / "rcm-lon-smtp" / "2017-06-21.html"):
        html = page.read_text(encoding="utf-8")
        assert 'class="lacks"' in html and f"<li>{sentence}</li>" in html, page
    other = (site / "doc" / "meeting" / "rcm-lon-smtp" / "2017-11-27.html").read_text(encoding="utf-8")
    assert "Delegations" in other and 'class="lacks"' not in other and sentence not in other
    # and `rcmkg validate` reports it at Info level, naming the report
    res = CliRunner().invoke(cli, ["validate", str(site.parent / "rdf")])
    assert res.exit_code == 0, res.output
    info = res.output.split("Info: ")[1].split("\n\n")[0]
    assert "report/rcm-lon-smtp/2017-06-21" in info and "rcm:sourceLacks" in info
    assert res.output.count("Info: ") == 1


def test_every_page_in_spanish_under_es_with_a_switch(site):
    """The server's ?lang=es is the site's es/: each English page has its Spanish twin, and each
    links to the other; meetings and agreements have their citations to download."""
    english = [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in ("es", "ontology", "ont.html")
               and p.name != "404.html"]
    assert len(english) > 300
    missing = [str(p.relative_to(site)) for p in english if not (site / "es" / p.relative_to(site)).exists()]
    assert not missing, missing[:10]
    es_home = (site / "es" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in es_home and 'href="../index.html" hreflang="en"' in es_home
    assert "Reuniones" in es_home and 'href="../static/rcmkg.css"' in es_home
    en_home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in en_home and 'href="es/index.html" hreflang="es"' in en_home
    bibs = sorted((site / "cite").rglob("*.bib"))
    assert len(bibs) > 50 and len(bibs) == len(list((site / "cite").rglob("*.json")))
