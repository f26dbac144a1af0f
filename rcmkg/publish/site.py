"""``rcmkg publish``: the served pages and representations as static files.

Layout of a published site (every link in it is relative, so it works from any folder of any web
server, from an object store, and from ``file://``)::

    index.html  labels.html  commitments.html  sparql.html  downloads.html  404.html
    doc/{path}.html .ttl .jsonld .nt .rdf    one set per thing {base}id/{path} (doc/dataset.* is VoID/DCAT)
    voc/{scheme}/{concept}.*                 the SKOS vocabularies
    trace/{item}.html                        tracked-item timelines
    query/{name}.html .json .csv .tsv .xml   canned queries run at publish time (those without required parameters)
    dumps/rcmkg.ttl .nt.gz .trig .jsonld     the whole graph
    void.ttl  .well-known/void               the dataset description
    ontology/index.html                      the ontology documented by pyLODE
    validation/index.html report.ttl         the SHACL validation report of this release
    .htaccess  nginx.conf                    content negotiation and 303s for Apache and nginx
    static/rcmkg.css

The site is built in a temporary folder beside ``out`` and moved into place at the end, so a failed
publish leaves the previous site untouched.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rcmkg.errors import PublishError
from rcmkg.publish.conneg import RDF_FORMATS
from rcmkg.publish.formats import OUTPUT_PREFIXES
from rcmkg.publish.void import DUMPS, DatasetInfo, Distribution
from rcmkg.settings import Settings


@dataclass
class PublishResult:
    """What a publish wrote."""

    out: Path
    pages: int = 0
    files: int = 0
    triples: int = 0
    graphs: int = 0
    dumps: list[Distribution] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --- dumps -------------------------------------------------------------------------------------------


class _Counter:
    """Counts what passes through an iterator (the dumps' triple counts are what was written)."""

    def __init__(self, it: Any) -> None:
        self.it = iter(it)
        self.n = 0

    def __iter__(self) -> Iterator[Any]:
        for x in self.it:
            self.n += 1
            yield x


def _merged(store: Any, base: str) -> Any:
    # CONSTRUCT returns a set: a triple stated in two graphs (a registry label repeated in a report)
    # is written once, as a merge of the graphs should.
    from rcmkg.publish import published_dataset

    return store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", **published_dataset(store, base))


def write_dumps(store: Any, folder: Path, base: str) -> list[Distribution]:
    """Write the four dumps of the published graphs into ``folder``; each :class:`Distribution`
    gets its size and triple count."""
    from pyoxigraph import RdfFormat, serialize

    from rcmkg.publish import published_graphs, restore_datatypes

    keep = set(published_graphs(store, base))

    folder.mkdir(parents=True, exist_ok=True)
    out: list[Distribution] = []
    for d in DUMPS:
        path = folder / d.filename
        tmp = path.with_name(f".{path.name}.part")
        if d.key == "ttl":
            counter = _Counter(restore_datatypes(_merged(store, base)))
            serialize(counter, str(tmp), RdfFormat.TURTLE, prefixes=OUTPUT_PREFIXES)
            n = counter.n
        elif d.key == "nt.gz":
            counter = _Counter(restore_datatypes(_merged(store, base)))
            # mtime=0: the same graph gives the same bytes, so the ETag and checksum stay stable.
            with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
                serialize(counter, gz, RdfFormat.N_TRIPLES)
            n = counter.n
        elif d.key == "trig":
            quads = _Counter(restore_datatypes(q for q in store if type(q.graph_name).__name__ == "DefaultGraph"
                                               or q.graph_name.value in keep))
            serialize(quads, str(tmp), RdfFormat.TRIG, prefixes=OUTPUT_PREFIXES)
            n = quads.n
        else:
            counter = _Counter(restore_datatypes(_merged(store, base)))
            serialize(counter, str(tmp), RdfFormat.JSON_LD)
            n = counter.n
        os.replace(tmp, path)
        out.append(replace(d, triples=n, byte_size=path.stat().st_size))
    return out


# --- pages -------------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0

    def write(self, rel: str, data: bytes | str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.files += 1


def publish_site(store: Any, settings: Settings, out: Path, info: DatasetInfo | None = None, *,
                 validate: bool = True, ontology_docs: bool = True,
                 progress: Callable[[int, int], None] | None = None) -> PublishResult:
    """Write the static site for ``store`` into ``out`` (replaced atomically at the end).

    >>> publish_site(store, Settings(), Path("site"), DatasetInfo("https://example.org/rcmkg/"))  # doctest: +SKIP
    """
    from rcmkg.publish.pages import GraphView, StaticLinker, static_dir
    from rcmkg.publish.server import _store_parts
    from rcmkg.publish.void import describe_dataset, graph_counts

    source = store  # the project's store: rcmkg.trace queries it
    store, _ = _store_parts(store)
    base = settings.base
    info = info or DatasetInfo(site_url=base)
    if not info.site_url.endswith("/"):
        info = replace(info, site_url=info.site_url + "/")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise PublishError(f"{out} exists and is not a folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        result = PublishResult(out=out)
        w = _Writer(work)
        counts = graph_counts(store, base)
        result.graphs = len(counts)
        if not counts and not len(store):
            raise PublishError("the store is empty: load converted reports first (rcmkg load DIR)")
        dumps = write_dumps(store, work / "dumps", base)
        w.files += len(dumps)
        result.dumps = dumps
        result.triples = next((d.triples for d in dumps if d.key == "nt.gz"), 0) or 0
        void = describe_dataset(store, base, info, dumps, counts)
        view = GraphView(store, base, extra=void)
        root = StaticLinker(base, view, "index.html", info.sparql_endpoint)

        ontology_ok = ontology_docs and _ontology_docs(work, result)
        validation_ok = validate and _validation_report(store, settings, work, root, result)
        _resource_pages(view, root, w, base, result, progress)
        _site_pages(source, store, settings, view, root, w, dumps, ontology_ok, validation_ok, result)
        from rcmkg.publish.formats import rdf_bytes

        dataset_ttl = rdf_bytes(void, "ttl")  # the whole description: dataset, subsets, distributions, service
        conforms, text = validate_void(dataset_ttl)
        if not conforms:
            raise PublishError("the dataset description does not conform to shapes/void-dcat.ttl:\n" + text)
        w.write("void.ttl", dataset_ttl)
        w.write(".well-known/void", dataset_ttl)
        for css in static_dir().glob("*.css"):
            w.write(f"static/{css.name}", css.read_bytes())
        site_path = urlsplit(info.site_url).path or "/"
        w.write(".htaccess", htaccess(site_path))
        w.write("nginx.conf", nginx_conf(site_path))
        result.files = w.files
        _swap(work, out)
        return result
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def _swap(work: Path, out: Path) -> None:
    """Put the new site in place: old one aside, new one in, old one removed."""
    work.chmod(0o755)
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
        os.replace(work, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(work, out)


def _resource_pages(view: Any, root: Any, w: _Writer, base: str, result: PublishResult,
                    progress: Callable[[int, int], None] | None) -> None:
    from pyoxigraph import NamedNode, Triple

    from rcmkg.namespaces import FOAF
    from rcmkg.publish.formats import rdf_bytes
    from rcmkg.publish.pages import render

    total = len(view.resource_iris)
    for i, iri in enumerate(view.resource_iris):
        doc = root.doc_path(iri)
        if doc is None:
            continue
        desc = view.describe(iri)
        if desc is None:
            continue
        linker = root.at(f"{doc}.html")
        w.write(f"{doc}.html", render("resource.html", linker, d=desc))
        triples = [*desc.triples, Triple(NamedNode(base + doc), NamedNode(FOAF + "primaryTopic"), NamedNode(iri))]
        for fmt in RDF_FORMATS:
            if fmt.key != "html":
                w.write(f"{doc}.{fmt.extension}", rdf_bytes(triples, fmt.key))
        result.pages += 1
        if progress:
            progress(i + 1, total)


def _site_pages(source: Any, store: Any, settings: Settings, view: Any, root: Any, w: _Writer, dumps: list[Distribution],
                ontology_ok: bool, validation_ok: bool, result: PublishResult) -> None:
    from rcmkg.errors import NotFound
    from rcmkg.namespaces import VOID
    from rcmkg.publish.pages import render
    from rcmkg.publish.timeline import commitments_model, timeline_html

    total = next((int(t.object.value) for t in view.extra.quads_for_pattern(None, None, None, None)
                  if t.predicate.value == VOID + "triples" and t.subject.value == view.id_base + "dataset"), None)
    meetings = view.meetings()
    for m in meetings:
        m["year"] = m["date"][:4]
    tracks = view.tracked_items()
    w.write("index.html", render("home.html", root, meetings=meetings, tracks=tracks, triples=total))
    result.pages += 1
    for t in tracks:
        rel = f"trace/{t['slug']}.html"
        linker = root.at(rel)
        try:
            title, styles, body = timeline_html(source, settings, t["slug"], linker)
        except NotFound:
            continue
        w.write(rel, render("timeline.html", linker, title=title, styles=styles, body=body))
        result.pages += 1
    linker = root.at("commitments.html")
    w.write("commitments.html", render("commitments.html", linker, **{
        **commitments_model(source, view), "statuses": []}))
    w.write("labels.html", render("labels.html", root.at("labels.html"), groups=_label_groups(view)))
    w.write("downloads.html", render("downloads.html", root.at("downloads.html"), dumps=dumps,
                                     void_href="void.ttl", ontology=ontology_ok, validation=validation_ok))
    w.write("404.html", render("error.html", root, status=404, title="Not found",
                               message="Nothing is published at this address.", iri=None, suggestions=[], hits=[]))
    result.pages += 4
    _query_pages(store, settings, root, w, result)


def _label_groups(view: Any) -> list[dict[str, Any]]:
    from rcmkg.namespaces import RCM, SKOS

    kinds = [("Tracked items", RCM + "TrackedItem"), ("Documents", RCM + "Document"), ("Organisations", RCM + "Organisation"),
             ("Countries", RCM + "Country"), ("Groups of countries", RCM + "CollectiveActor"), ("Meetings", RCM + "Meeting"),
             ("Places", "http://schema.org/Place"), ("Concepts", SKOS + "Concept")]
    alts: dict[str, list[str]] = {}
    for q in view._quads(p=_named(SKOS + "altLabel")):
        alts.setdefault(q.subject.value, []).append(q.object.value)
    groups, done = [], set()
    for title, cls in kinds:
        entries = []
        for iri, types in view.types.items():
            if cls in types and iri not in done and view.has_page(iri):
                done.add(iri)
                entries.append({"iri": iri, "en": view.label(iri) or view.display(iri), "es": view.label_es(iri),
                                "alt": sorted(set(alts.get(iri, [])))[:12]})
        if entries:
            entries.sort(key=lambda e: e["en"].lower())
            groups.append({"id": cls.rsplit("/", 1)[-1].rsplit("#", 1)[-1].lower(), "title": title, "entries": entries})
    return groups


def _named(iri: str) -> Any:
    from pyoxigraph import NamedNode

    return NamedNode(iri)


def _query_pages(store: Any, settings: Settings, root: Any, w: _Writer, result: PublishResult) -> None:
    """Run every canned query that needs no parameter and publish its results in each format."""
    from rcmkg.publish.canned import canned_queries
    from rcmkg.publish.pages import render
    from rcmkg.publish.sparql import QueryRequest, execute

    listing = []
    for q in canned_queries().values():
        runnable = not any(p.required for p in q.params)
        links = []
        if runnable:
            for key in ("json", "csv", "tsv", "xml"):
                answer = execute(store, QueryRequest(q.text, format=key, limit=settings.result_limit))
                w.write(f"query/{q.name}.{key}", answer.body)
                links.append((key.upper(), root.url(f"query:{q.name}.{key}")))
            linker = root.at(f"query/{q.name}.html")
            answer = execute(store, QueryRequest(q.text, format="html", limit=settings.result_limit))
            downloads = [(k.upper(), linker.url(f"query:{q.name}.{k}")) for k in ("json", "csv", "tsv", "xml")]
            w.write(f"query/{q.name}.html", render("query.html", linker, q=q, action="", values={}, answer=answer,
                                                   error=None, limit=settings.result_limit, downloads=downloads))
            result.pages += 1
        href = root.url(f"query:{q.name}.html") if runnable else f"#q-{q.name}"
        listing.append({"name": q.name, "purpose": q.purpose, "params": q.params, "text": q.text, "href": href,
                        "links": links})
    w.write("sparql.html", render("sparql.html", root.at("sparql.html"), endpoint=root.sparql_endpoint,
                                  endpoint_action=root.sparql_endpoint or "", method="get", query="", fmt="html",
                                  formats=[], answer=None, error=None, queries=listing, timeout="",
                                  limit=settings.result_limit, downloads=[]))
    result.pages += 1


# --- ontology documentation and validation -----------------------------------------------------------


def _pylode() -> Any:
    """pyLODE's OntPub, working around pyLODE 3.4.1 reading its own pyproject.toml at import
    (RDFLib/pyLODE#260): give it a ``pylode.version`` module first."""
    import importlib.metadata
    import sys
    import types

    if "pylode.version" not in sys.modules:
        try:
            import pylode.version  # noqa: F401
        except (FileNotFoundError, OSError):
            for name in [m for m in sys.modules if m == "pylode" or m.startswith("pylode.")]:
                del sys.modules[name]
            stub = types.ModuleType("pylode.version")
            stub.__version__ = importlib.metadata.version("pylode")  # type: ignore[attr-defined]
            sys.modules["pylode.version"] = stub
    # pyLODE's supermodel loader calls logging.basicConfig(level=DEBUG) at import, which would make
    # every later log line of the process (asyncio's included) print; undo that for the root logger.
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    from pylode import OntPub

    root.handlers[:] = handlers
    root.setLevel(level)
    return OntPub


def _ontology_docs(work: Path, result: PublishResult) -> bool:
    """``ontology/index.html`` by pyLODE, plus the ontology files themselves."""
    from rcmkg.resources import resource_files

    files = resource_files("ontology")
    if not files:
        result.notes.append("no ontology files found: ontology documentation skipped")
        return False
    import rdflib

    g = rdflib.Graph()
    for f in files:
        g.parse(data=f.read_bytes(), format="turtle")
        dest = work / "ontology" / f.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(f.read_bytes())
    try:
        import logging

        ontpub = _pylode()
        quiet = logging.getLogger()
        level = quiet.level
        quiet.setLevel(max(level, logging.WARNING))  # pyLODE logs progress at INFO on the root logger
        try:
            html = ontpub(g).make_html()
        finally:
            quiet.setLevel(level)
    except Exception as exc:  # noqa: BLE001 - documentation is an extra; the release still goes out
        result.notes.append(f"pyLODE could not document the ontology: {type(exc).__name__}: {exc}")
        return False
    (work / "ontology" / "index.html").write_text(html, encoding="utf-8")
    return True


def _validation_report(store: Any, settings: Settings, work: Path, root: Any, result: PublishResult) -> bool:
    """``validation/``: the SHACL report of this release (:func:`rcmkg.validate.validate` over each
    published report graph, written out as the Turtle file it came from) as HTML, text and JSON."""
    from pyoxigraph import NamedNode, RdfFormat, serialize

    from rcmkg.publish import published_graphs, restore_datatypes
    from rcmkg.publish.pages import render
    from rcmkg.validate import validate

    derived = (f"{settings.base}id/graph/registry", f"{settings.base}id/graph/ontology")
    reports = [g for g in published_graphs(store, settings.base) if g not in derived]
    with tempfile.TemporaryDirectory(prefix="rcmkg-validate-") as tmp:
        for g in reports:
            name = g[len(settings.base + "id/graph/"):].replace("/", "_") + ".ttl"
            triples = restore_datatypes(q.triple for q in store.quads_for_pattern(None, None, None, NamedNode(g)))
            serialize(triples, str(Path(tmp) / name), RdfFormat.TURTLE)
        try:
            report = validate([Path(tmp)], settings=settings)
        except Exception as exc:  # noqa: BLE001 - say so in the notes and publish without it
            result.notes.append(f"validation could not run: {type(exc).__name__}: {exc}")
            return False
    folder = work / "validation"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.txt").write_text(report.text(), encoding="utf-8")
    (folder / "report.json").write_text(report.json(), encoding="utf-8")
    linker = root.at("validation/index.html")
    (folder / "index.html").write_text(render("validation.html", linker, conforms=report.conforms, text=report.text(),
                                              summary=report.summary()), encoding="utf-8")
    result.notes.append(f"SHACL: {report.summary()}")
    return True


def validate_void(void_ttl: bytes) -> tuple[bool, str]:
    """(conforms, text) of a VoID/DCAT description against ``shapes/void-dcat.ttl``."""
    import pyshacl
    import rdflib

    from rcmkg.resources import resource_dir

    data = rdflib.Graph().parse(data=void_ttl, format="turtle")
    shapes = rdflib.Graph().parse(data=(resource_dir("shapes") / "void-dcat.ttl").read_bytes(), format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
    return bool(conforms), str(text)


# --- web server configuration ------------------------------------------------------------------------

# Too generic to mean RDF when a client names them (a browser's application/xml, curl's text/plain).
_GENERIC_TYPES = ("text/plain", "application/json", "application/xml", "text/xml")


def accept_rules() -> list[tuple[str, Any]]:
    """(PCRE over an Accept header, format) pairs; the first that matches names the representation.

    Neither mod_rewrite nor nginx can compare q-values, but both try regular expressions in order, so
    the pairs go from the highest weight down (q=1 or none, then 0.9, 0.8, ... 0.01) and, within one
    weight, in the live server's order (HTML first). The limits, documented in the configs: weights
    are compared to one decimal (0.85 ranks with 0.8), wildcards (``*/*``, ``text/*``) only lead to
    the default (HTML), and nothing is refused with 406. A header nothing matches gets HTML.
    """
    import re

    params = r"(?:\s*;(?!\s*q=)[^;,]*)*"  # parameters other than q (charset=..., profile=...)
    end = r"\s*(?:[;,]|$)"
    tiers = [r"(?:\s*;\s*q=1(?:\.0{0,3})?)?\s*(?:,|$)"]
    tiers += [rf"\s*;\s*q=0\.{d}\d{{0,2}}{end}" for d in "987654321"]
    tiers.append(rf"\s*;\s*q=0\.0(?:[1-9]\d?|0[1-9]){end}")
    rules = []
    for tier in tiers:
        for f in RDF_FORMATS:
            types = [f.media_type, *(a for a in f.aliases if a not in _GENERIC_TYPES)]
            names = "|".join(re.escape(t).replace("\\/", "/") for t in types)
            rules.append((rf"(?:^|,)\s*(?:{names}){params}{tier}", f))
    return rules


_LIMITS = ("q-values are compared to one decimal (0.85 ranks with 0.8); wildcards (*/*, text/*) only lead\n"
           "# to the default, HTML; nothing is refused with 406. The live server (rcmkg serve) negotiates fully.")


def htaccess(site_path: str = "/") -> str:
    """Apache 2.4 (mod_rewrite, mod_headers, mod_mime, mod_dir) rules: 303 from ``id/`` to the
    representation the Accept header prefers, extension-less ``doc/`` and ``voc/`` URLs by Accept,
    media types, ``Vary: Accept`` and CORS on every answer (303s included).

    RewriteCond cannot weigh q-values, so :func:`accept_rules` orders regular expressions by weight.
    """
    site_path = site_path if site_path.endswith("/") else site_path + "/"
    esc = site_path.replace(".", "\\.")
    lines = [
        "# rcmkg: content negotiation for a published site (Apache 2.4; mod_rewrite, mod_headers, mod_mime, mod_dir).",
        "# Put the site folder where " + site_path + " is served; change RewriteBase and the paths below if it moves.",
        "# Needs `AllowOverride FileInfo Indexes Options=MultiViews` (or All) and `Options FollowSymLinks` for the folder.",
        "# Negotiation: " + _LIMITS,
        "Options -MultiViews",
        "# doc/x.html and the folder doc/x/ live side by side: without this, doc/x answers 301 to doc/x/.",
        "<IfModule mod_dir.c>",
        "  DirectorySlash Off",
        "</IfModule>",
        "AddType text/html .html",
    ]
    lines += [f"AddType {f.media_type} .{f.extension}" for f in RDF_FORMATS if f.key != "html"]
    lines += [
        "AddType application/trig .trig",
        "AddType text/csv .csv",
        "AddType text/tab-separated-values .tsv",
        "AddType text/css .css",
        "AddType text/plain .txt",
        "AddType application/json .json",
        "AddType application/xml .xml",
        "# The dump rcmkg.nt.gz is a gzip file to download, not N-Triples sent compressed.",
        "RemoveEncoding .gz",
        '<FilesMatch "\\.gz$">',
        "  ForceType application/gzip",
        "</FilesMatch>",
        f'<If "%{{REQUEST_URI}} =~ m#^{esc}query/#">',
        "  AddType application/sparql-results+json .json",
        "  AddType application/sparql-results+xml .xml",
        "</If>",
        "AddCharset utf-8 .html .ttl .jsonld .nt .rdf .trig .csv .tsv .json .xml .css .txt",
        '<Files "void">',
        '  ForceType "text/turtle; charset=utf-8"',
        "</Files>",
        "<IfModule mod_headers.c>",
        '  Header always set Access-Control-Allow-Origin "*"',
        "  # `always`: the 303s carry it too (caches must not reuse a redirect made for another Accept).",
        f'  Header always merge Vary Accept "expr=%{{REQUEST_URI}} =~ m#^{esc}(?:id|doc|voc)/#"',
        "</IfModule>",
        "ErrorDocument 404 " + site_path + "404.html",
        "RewriteEngine On",
        "RewriteBase " + site_path,
        "# Which representation the Accept header prefers: RCMKG_EXT is its suffix (empty for HTML).",
    ]
    for pattern, f in accept_rules():
        ext = "" if f.key == "html" else "." + f.extension
        lines += ["RewriteCond %{ENV:RCMKG_NEG} ^$",
                  f'RewriteCond %{{HTTP_ACCEPT}} "{pattern}" [NC]',
                  f"RewriteRule ^(?:id|doc|voc)/ - [E=RCMKG_NEG:{f.key}" + (f",E=RCMKG_EXT:{ext}]" if ext else "]")]
    lines += [
        "# A thing (id/...) is not a document: 303 See Other to its description (Cool URIs, 303 recipe).",
        "RewriteRule ^id/(.+)$ doc/$1%{ENV:RCMKG_EXT} [R=303,END]",
        "# A document URL without a suffix: the representation asked for, HTML by default.",
        "RewriteCond %{ENV:RCMKG_EXT} .",
        "RewriteCond %{REQUEST_FILENAME}%{ENV:RCMKG_EXT} -f",
        "RewriteRule ^((?:doc|voc)/.+)$ $1%{ENV:RCMKG_EXT} [END]",
        "RewriteCond %{REQUEST_FILENAME}.html -f",
        "RewriteRule ^(.+)$ $1.html [END]",
        "# A folder with an index page and no page of its own name: what DirectorySlash would have done.",
        "RewriteCond %{REQUEST_FILENAME} -d",
        "RewriteCond %{REQUEST_FILENAME}/index.html -f",
        "RewriteRule ^(.*[^/])$ $1/ [R=301,END]",
        "",
    ]
    return "\n".join(lines)


def nginx_conf(site_path: str = "/") -> str:
    """nginx snippet: a ``map`` for the http block, and locations for the server block."""
    p = site_path if site_path.endswith("/") else site_path + "/"
    maps = [f'    "~*{pattern}"  "{"" if f.key == "html" else "." + f.extension}";' for pattern, f in accept_rules()]
    types_block = "\n".join(f"        {f.media_type} {f.extension};" for f in RDF_FORMATS if f.key != "html")
    return f"""# rcmkg: content negotiation for a published site (nginx).
# 1. In the http {{}} block: which suffix an Accept header asks for (empty: HTML). nginx tries the
#    regular expressions in order, from the highest q-value down, so the heaviest type named wins.
#    Limits: {_LIMITS}
map $http_accept $rcmkg_ext {{
    default  "";
{chr(10).join(maps)}
}}

# 2. In the server {{}} block, with `root` (or `alias`) pointing at the published folder for {p}.
error_page 404 {p}404.html;
location ~ ^{p}id/(?<rcmkg_thing>.+)$ {{
    add_header Vary Accept always;
    add_header Access-Control-Allow-Origin * always;
    return 303 {p}doc/$rcmkg_thing$rcmkg_ext;
}}
location ~ ^{p}(doc|voc)/ {{
    add_header Vary Accept always;
    add_header Access-Control-Allow-Origin * always;
    types {{
        text/html html;
{types_block}
    }}
    charset utf-8;
    charset_types text/turtle application/ld+json application/n-triples application/rdf+xml;
    try_files $uri$rcmkg_ext $uri.html $uri =404;
}}
location = {p}.well-known/void {{
    default_type text/turtle;
    charset utf-8;
    charset_types text/turtle;
    add_header Access-Control-Allow-Origin * always;
}}
location {p} {{
    add_header Access-Control-Allow-Origin * always;
    types {{
        text/html html;
        text/css css;
        application/trig trig;
        application/gzip gz;
        text/csv csv;
        text/tab-separated-values tsv;
        text/plain txt;
        application/json json;
        application/xml xml;
{types_block}
    }}
    try_files $uri $uri.html $uri/ =404;
    error_page 404 {p}404.html;
}}
location {p}query/ {{
    add_header Access-Control-Allow-Origin * always;
    types {{
        text/html html;
        text/csv csv;
        text/tab-separated-values tsv;
        application/sparql-results+json json;
        application/sparql-results+xml xml;
    }}
    try_files $uri $uri.html =404;
    error_page 404 {p}404.html;
}}
"""


def checksum(path: Path) -> str:
    """SHA-256 of a file (for release notes)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def site_summary(result: PublishResult) -> str:
    """One paragraph about a publish, for the CLI."""
    dumps = ", ".join(f"{d.filename} ({d.size_text}, {d.triples} triples)" for d in result.dumps)
    return (f"published {result.pages} pages ({result.files} files) for {result.triples} triples in "
            f"{result.graphs} graphs into {result.out}\n  dumps: {dumps}"
            + "".join(f"\n  note: {n}" for n in result.notes))

