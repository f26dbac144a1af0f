"""The dataset described with VoID and DCAT: what it is, who publishes it, under which licence, how
big it is (counted, not estimated), where to download it and where to query it.

The dataset is a thing like any other, ``{base}id/dataset``, with a page and RDF documents; its
distributions (the dumps) and its SPARQL service are named under it. Each report's named graph is a
``void:subset`` (named by the graph IRI itself) with its own triple count and a ``dct:source`` link to the report, so a partner
can see what a release changed, graph by graph.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, Store, Triple

from rcmkg.namespaces import DCAT, DCT, FOAF, RCM, RDF, SKOS, VOID, XSD
from rcmkg.publish.source import published_dataset, published_graphs
from rcmkg.sparql.terms import solutions, term_value
from rcmkg.store.local import GraphNames

SD = "http://www.w3.org/ns/sparql-service-description#"
DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
IANA = "http://www.iana.org/assignments/media-types/"
#: The EU Publications Office vocabularies DCAT-AP 3 wants for dct:format and dct:language.
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
#: The ADMS licence types (the vocabulary DCAT-AP 3 checks dct:type of a licence against) of the
#: licences whose terms are known here; another --license gets no type rather than a guessed one.
LICENCE_TYPE = "http://purl.org/adms/licencetype/"
LICENCE_TYPES = {
    "https://creativecommons.org/licenses/by/4.0/": ("Attribution",),
    "https://creativecommons.org/licenses/by-sa/4.0/": ("Attribution", "ViralEffect-ShareAlike"),
    "https://creativecommons.org/publicdomain/zero/1.0/": ("PublicDomain",),
}
#: Their labels in that vocabulary (a skos:Concept has a prefLabel in DCAT-AP).
LICENCE_TYPE_LABELS = {"Attribution": "Attribution", "ViralEffect-ShareAlike": "Viral effect (a.k.a. Share-alike)",
                       "PublicDomain": "Public domain"}
FILE_TYPES = {"text/turtle": "RDF_TURTLE", "application/n-triples": "RDF_N_TRIPLES", "application/trig": "RDF_TRIG",
              "application/ld+json": "JSON_LD", "application/rdf+xml": "RDF_XML", "application/n-quads": "RDF_N_QUADS"}
#: Vocabularies the graph uses (void:vocabulary).
VOCABULARIES = (
    RCM, "https://w3id.org/rcmkg/voc/", SKOS, "http://schema.org/", "http://www.w3.org/ns/prov#",
    "http://www.w3.org/ns/oa#", "http://www.w3.org/ns/org#", DCT, "http://www.w3.org/2006/time#",
)


@dataclass(frozen=True)
class Distribution:
    """One downloadable file of the whole graph."""

    key: str  # ttl, nt.gz, trig, jsonld
    filename: str
    media_type: str
    label: str
    what: str
    triples: int | None = None
    byte_size: int | None = None
    compress: str | None = None  # media type of the compression, e.g. application/gzip

    @property
    def size_text(self) -> str:
        """``"1.2 MB"``, for pages."""
        if self.byte_size is None:
            return "made on request"
        size = float(self.byte_size)
        for unit in ("bytes", "kB", "MB", "GB"):
            if size < 1000 or unit == "GB":
                return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
            size /= 1000
        return str(self.byte_size)


#: The dumps every release has, in the order pages list them.
DUMPS: tuple[Distribution, ...] = (
    Distribution("ttl", "rcmkg.ttl", "text/turtle", "Turtle", "every graph merged"),
    Distribution("nt.gz", "rcmkg.nt.gz", "application/n-triples", "N-Triples, gzip", "every graph merged, one triple per line",
                 compress="application/gzip"),
    Distribution("trig", "rcmkg.trig", "application/trig", "TriG", "one named graph per report, plus the registry and ontology"),
    Distribution("jsonld", "rcmkg.jsonld", "application/ld+json", "JSON-LD", "every graph merged"),
)


@dataclass
class DatasetInfo:
    """What the description says about the release; the CLI fills it from options."""

    site_url: str  # where pages and dumps are served (ends with /)
    sparql_endpoint: str | None = None
    title: str = "Regional Conference on Migration meeting reports knowledge graph"
    title_es: str = "Grafo de conocimiento de los informes de reuniones de la Conferencia Regional sobre Migración"
    description: str = (
        "Meetings, delegations, agreements, commitments and tracked items of the Regional Conference on Migration "
        "(Puebla Process), extracted from its meeting reports; every statement links to the passage it was read from."
    )
    publisher: str = "rcmkg"
    publisher_url: str | None = None
    license: str = DEFAULT_LICENSE
    issued: dt.date = field(default_factory=dt.date.today)
    version: str = ""


def graph_counts(store: Store, base: str) -> dict[str, int]:
    """Triples in each published named graph (reports, registry, ontology), by graph IRI."""
    keep = set(published_graphs(store, base))
    return _published_counts(keep, _graph_sizes(store))


def _graph_sizes(store: Store) -> dict[Any, int]:
    """Quads in each named graph (derived ones included), by graph name."""
    res = solutions(store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"))
    return {sol["g"]: int(term_value(sol["n"])) for sol in res if sol["g"] is not None}


def _published_counts(keep: set[str], sizes: dict[Any, int]) -> dict[str, int]:
    return {g.value: n for g, n in sizes.items() if isinstance(g, NamedNode) and g.value in keep}


def merged_count(store: Store, base: str) -> int:
    """Distinct triples in the merge of the published graphs (what the merged dumps hold)."""
    res = solutions(store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
                                **published_dataset(store, base)))
    return int(term_value(next(iter(res))["n"]))


def _lit(value: Any, datatype: str | None = None, lang: str | None = None) -> Any:
    if lang:
        return Literal(str(value), language=lang)
    return Literal(str(value), datatype=NamedNode(datatype)) if datatype else Literal(str(value))


@dataclass(frozen=True)
class DatasetStats:
    """What the description counts in the store: computed once by ``rcmkg load`` and stored with the
    load's generation (:mod:`rcmkg.index.published`), so that ``rcmkg serve`` starts without
    scanning the archive. :func:`dataset_stats` computes it."""

    counts: dict[str, int]  # triples per published graph
    total: int  # distinct triples in their merge
    modified: str | None  # the latest meeting's date (ISO), if any
    entities: int
    classes: list[tuple[str, int]]
    examples: list[str]
    endpoint: int  # triples in the endpoint's default graph (every graph)


def dataset_stats(store: Store, base: str) -> DatasetStats:
    """Count what :func:`describe_dataset` states about ``store``: what :func:`merged_count`,
    :func:`_class_partitions` and the latest meeting give over the published graphs, asked as
    ``GRAPH ?g`` patterns that leave the derived graphs out, since a default graph listing every
    published graph makes pyoxigraph evaluate each pattern once per graph (152 s at 1,000 reports)."""
    skip = ", ".join(f"<{g}>" for g in GraphNames.for_base(base).derived)

    def published(pattern: str, n: int = 0) -> str:
        g = f"?published_g{n}"
        return f"{{ {{ {pattern} }} UNION {{ GRAPH {g} {{ {pattern} }} FILTER({g} NOT IN ({skip})) }} }}"

    def number(query: str) -> int:
        return int(term_value(next(iter(solutions(store.query(query))))["n"]))

    total = number(f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {published('?s ?p ?o')} }}")
    sol = next(iter(solutions(store.query(
        f"SELECT (MAX(?d) AS ?m) WHERE {{ {published(f'?x a <{RCM}Meeting>', 1)} "
        f"{published('?x <http://schema.org/startDate> ?d', 2)} }}"))), None)
    modified = None
    if sol is not None and sol["m"] is not None:
        try:
            modified = dt.date.fromisoformat(sol["m"].value[:10]).isoformat()
        except ValueError:
            modified = None
    res = store.query(f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {published('?s a ?c')} }} GROUP BY ?c ORDER BY ?c")
    classes = [(r["c"].value, int(r["n"].value)) for r in solutions(res) if isinstance(r["c"], NamedNode)]
    # void:entities counts the things within void:uriSpace only (as _class_partitions does)
    entities = number(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {published('?s a ?c')} "
                      f"FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"{base}id/\")) }}")
    # The endpoint's default graph is the union of every graph, each quad once (no merge): the
    # named graphs' sizes and the default graph's (counting the union again took 2-3 s at 10,000 reports).
    keep = set(published_graphs(store, base))
    sizes = _graph_sizes(store)
    endpoint = sum(sizes.values()) + number("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return DatasetStats(counts=_published_counts(keep, sizes), total=total, modified=modified, entities=entities,
                        classes=classes, examples=examples(store, published_dataset(store, base)), endpoint=endpoint)


def describe_dataset(store: Store, base: str, info: DatasetInfo, distributions: Iterable[Distribution] = DUMPS,
                     counts: dict[str, int] | None = None, stats: DatasetStats | None = None) -> list[Any]:
    """VoID + DCAT triples describing the store as published at ``info.site_url``; ``stats`` (what
    ``rcmkg load`` stored) spares the counting, else it is done here.

    >>> triples = describe_dataset(store, "https://w3id.org/rcmkg/", DatasetInfo("https://example.org/rcmkg/"))  # doctest: +SKIP
    """
    n = NamedNode
    idb = base + "id/"
    ds = n(idb + "dataset")
    out: list[Any] = []

    def add(s: Any, p: str, o: Any) -> None:
        out.append(Triple(s, n(p), o))

    def typed(iri: str, cls: str) -> NamedNode:
        # DCAT-AP 3 gives each property a range class (dct:LicenseDocument, dct:MediaType, ...)
        # and checks it with sh:class, so the value says what it is.
        add(n(iri), RDF + "type", n(cls))
        return n(iri)

    def link(s: Any, p: str, iri: str) -> None:
        add(s, p, typed(iri, "http://www.w3.org/2000/01/rdf-schema#Resource"))

    stats = dataset_stats(store, base) if stats is None else stats
    counts = stats.counts if counts is None else counts
    total = stats.total
    add(ds, RDF + "type", n(VOID + "Dataset"))
    add(ds, RDF + "type", n(DCAT + "Dataset"))
    add(ds, DCT + "title", _lit(info.title, lang="en"))
    add(ds, DCT + "title", _lit(info.title_es, lang="es"))
    add(ds, SKOS + "prefLabel", _lit(info.title, lang="en"))
    add(ds, SKOS + "prefLabel", _lit(info.title_es, lang="es"))
    add(ds, DCT + "description", _lit(info.description, lang="en"))
    license = typed(info.license, DCT + "LicenseDocument")
    add(ds, DCT + "license", license)
    for kind in LICENCE_TYPES.get(info.license, ()):
        add(license, DCT + "type", typed(LICENCE_TYPE + kind, SKOS + "Concept"))
        add(n(LICENCE_TYPE + kind), SKOS + "prefLabel", _lit(LICENCE_TYPE_LABELS[kind], lang="en"))
    add(ds, DCT + "issued", _lit(info.issued.isoformat(), XSD + "date"))
    add(ds, DCT + "modified", _lit(stats.modified or info.issued.isoformat(), XSD + "date"))
    add(ds, DCT + "language", typed(LANGUAGE + "ENG", DCT + "LinguisticSystem"))
    add(ds, DCT + "language", typed(LANGUAGE + "SPA", DCT + "LinguisticSystem"))
    add(ds, DCT + "conformsTo", typed(RCM.rstrip("#"), DCT + "Standard"))
    for kw in ("migration", "Regional Conference on Migration", "Puebla Process", "migrant smuggling", "meeting reports"):
        add(ds, DCAT + "keyword", _lit(kw, lang="en"))
    if info.version:
        add(ds, "http://www.w3.org/2002/07/owl#versionInfo", _lit(info.version))
    publisher = n(info.publisher_url) if info.publisher_url else n(idb + "dataset/publisher")
    add(ds, DCT + "publisher", publisher)
    add(publisher, RDF + "type", n(FOAF + "Agent"))
    add(publisher, FOAF + "name", _lit(info.publisher))
    add(publisher, SKOS + "prefLabel", _lit(info.publisher, lang="en"))
    if info.publisher_url:
        add(publisher, FOAF + "homepage", n(info.publisher_url))
    add(ds, DCAT + "landingPage", typed(info.site_url, FOAF + "Document"))
    add(ds, FOAF + "homepage", n(info.site_url))

    # VoID statistics
    add(ds, VOID + "triples", _lit(total, XSD + "integer"))
    add(ds, VOID + "uriSpace", _lit(idb))
    add(ds, VOID + "feature", n("http://www.w3.org/ns/formats/Turtle"))
    add(ds, VOID + "feature", n("http://www.w3.org/ns/formats/N-Triples"))
    add(ds, VOID + "feature", n("http://www.w3.org/ns/formats/JSON-LD"))
    add(ds, VOID + "feature", n("http://www.w3.org/ns/formats/RDF_XML"))
    for v in VOCABULARIES:
        add(ds, VOID + "vocabulary", n(v))
    entities, classes = stats.entities, stats.classes
    add(ds, VOID + "entities", _lit(entities, XSD + "integer"))
    add(ds, VOID + "classes", _lit(len(classes), XSD + "integer"))
    for cls, count in classes:
        # named after its class, so that the same data gives the same description, byte for byte
        part = BlankNode("class" + hashlib.sha1(cls.encode()).hexdigest()[:16])
        add(ds, VOID + "classPartition", part)
        add(part, VOID + "class", n(cls))
        add(part, VOID + "entities", _lit(count, XSD + "integer"))
    for ex in stats.examples:
        add(ds, VOID + "exampleResource", n(ex))

    # one subset per named graph
    for g, count in sorted(counts.items()):
        rest = g[len(idb + "graph/"):] if g.startswith(idb + "graph/") else None
        # The subset is named by the graph's own IRI, so dereferencing a graph name gives its size
        # and the report it holds.
        sub = n(g)
        add(ds, VOID + "subset", sub)
        add(sub, RDF + "type", n(VOID + "Dataset"))
        add(sub, VOID + "triples", _lit(count, XSD + "integer"))
        add(sub, SD + "name", n(g))
        if rest and rest not in ("registry", "ontology", "fulfilment"):  # fulfilment: written by rcmkg load
            add(sub, DCT + "source", n(idb + "report/" + rest))
            add(sub, SKOS + "prefLabel", _lit(f"Graph of the report {rest}", lang="en"))
        elif rest:
            add(sub, SKOS + "prefLabel", _lit(f"The {rest} graph", lang="en"))

    # distributions
    for d in distributions:
        url = f"{info.site_url}dumps/{d.filename}"
        dist = n(f"{idb}dataset/dump/{d.key.replace('.', '-')}")
        add(ds, DCAT + "distribution", dist)
        add(ds, VOID + "dataDump", n(url))
        add(dist, RDF + "type", n(DCAT + "Distribution"))
        add(dist, DCT + "title", _lit(f"{d.label} dump ({d.what})", lang="en"))
        add(dist, SKOS + "prefLabel", _lit(f"{d.label} dump", lang="en"))
        link(dist, DCAT + "downloadURL", url)
        link(dist, DCAT + "accessURL", url)
        add(dist, DCAT + "mediaType", typed(IANA + d.media_type, DCT + "MediaType"))
        if d.media_type in FILE_TYPES:
            add(dist, DCT + "format", typed(FILE_TYPE + FILE_TYPES[d.media_type], DCT + "MediaTypeOrExtent"))
        add(dist, DCT + "license", license)
        add(dist, DCT + "issued", _lit(info.issued.isoformat(), XSD + "date"))
        if d.compress:
            add(dist, DCAT + "compressFormat", typed(IANA + d.compress, DCT + "MediaType"))
        if d.byte_size is not None:
            add(dist, DCAT + "byteSize", _lit(d.byte_size, XSD + "nonNegativeInteger"))
        if d.triples is not None:
            add(dist, VOID + "triples", _lit(d.triples, XSD + "integer"))

    if info.sparql_endpoint:
        svc = n(idb + "dataset/sparql")
        add(ds, VOID + "sparqlEndpoint", n(info.sparql_endpoint))
        add(ds, DCAT + "distribution", n(idb + "dataset/dump/sparql"))
        sdist = n(idb + "dataset/dump/sparql")
        add(sdist, RDF + "type", n(DCAT + "Distribution"))
        add(sdist, DCT + "title", _lit("SPARQL endpoint", lang="en"))
        add(sdist, SKOS + "prefLabel", _lit("SPARQL endpoint", lang="en"))
        link(sdist, DCAT + "accessURL", info.sparql_endpoint)
        add(sdist, DCAT + "accessService", svc)
        add(sdist, DCT + "license", license)
        add(svc, RDF + "type", n(DCAT + "DataService"))
        add(svc, RDF + "type", n(SD + "Service"))
        add(svc, DCT + "title", _lit("SPARQL 1.1 endpoint (read-only)", lang="en"))
        add(svc, SKOS + "prefLabel", _lit("SPARQL endpoint", lang="en"))
        link(svc, DCAT + "endpointURL", info.sparql_endpoint)
        add(svc, DCAT + "servesDataset", ds)
        add(svc, DCT + "conformsTo", typed("https://www.w3.org/TR/sparql11-protocol/", DCT + "Standard"))
        add(svc, SD + "endpoint", n(info.sparql_endpoint))
        add(svc, SD + "supportedLanguage", n(SD + "SPARQL11Query"))
        add(svc, SD + "feature", n(SD + "UnionDefaultGraph"))
        for f in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
            add(svc, SD + "resultFormat", n("http://www.w3.org/ns/formats/" + f))
        # What the endpoint answers over: its default graph is the union of every graph in the store,
        # the published ones plus the triples derived from them (ontology entailments), so it holds
        # more than the dataset's void:triples; the service description says how many.
        default = n(idb + "dataset/sparql/default")
        graph = n(idb + "dataset/sparql/default-graph")
        add(svc, SD + "defaultDataset", default)
        add(default, RDF + "type", n(SD + "Dataset"))
        add(default, SD + "defaultGraph", graph)
        add(graph, RDF + "type", n(SD + "Graph"))
        add(graph, VOID + "triples", _lit(stats.endpoint, XSD + "integer"))
        add(graph, DCT + "description", _lit(
            "The union of every graph the endpoint holds: the published dataset plus the triples derived "
            "from it (ontology entailments), which queries see too.", lang="en"))
        add(svc, DCT + "license", license)
    return out


# A default graph listing every published graph makes pyoxigraph evaluate each pattern as a union of
# hundreds of graphs (60 s for one example query on 300 reports, against 0.7 s on the union default
# graph). For the examples (one value each), ask the union and confirm in the published graphs.
_UNION = {"use_default_graph_as_union": True}


def _latest_meeting(store: Store, dataset: dict[str, Any]) -> dt.date | None:
    res = solutions(store.query(f"SELECT (MAX(?d) AS ?m) WHERE {{ ?x a <{RCM}Meeting> ; <http://schema.org/startDate> ?d }}",
                                **dataset))
    sol = next(iter(res), None)
    if sol is None or sol["m"] is None:
        return None
    try:
        return dt.date.fromisoformat(sol["m"].value[:10])
    except ValueError:
        return None


def _class_partitions(store: Any, dataset: dict[str, Any], space: str) -> tuple[int, list[tuple[str, int]]]:
    res = store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c",
                      **dataset)
    classes = [(sol["c"].value, int(sol["n"].value)) for sol in res if type(sol["c"]).__name__ == "NamedNode"]
    # void:entities counts the things within void:uriSpace only (the ontology's classes and the
    # vocabularies' terms are typed too, but they are not this dataset's entities).
    ent = store.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c "
                      f"FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"{space}\")) }}", **dataset)
    return int(next(iter(ent))["n"].value), classes


#: void:exampleResource: (the pattern of ?x, its order, the pattern's (predicate, object) pairs).
_EXAMPLES = (
    (f"?x a <{RCM}Meeting> ; <http://schema.org/startDate> ?d", "DESC(?d) ?x",
     ((RDF + "type", RCM + "Meeting"), ("http://schema.org/startDate", None))),
    (f"?x a <{RCM}Agreement> ; <{RCM}hasCommitment> ?c", "?x", ((RDF + "type", RCM + "Agreement"), (RCM + "hasCommitment", None))),
    (f"?x a <{RCM}TrackedItem>", "?x", ((RDF + "type", RCM + "TrackedItem"),)),
)


def _in_dataset(store: Any, x: Any, pairs: Iterable[tuple[str, str | None]], dataset: dict[str, Any]) -> bool:
    """Whether the merge of ``dataset``'s default graphs holds ``x p o`` for each (p, o) of
    ``pairs`` (o None: any object): a few index look-ups, where an ASK over the merge of 10,000
    graphs evaluates its patterns in each (seconds)."""
    graphs = set(dataset["default_graph"])
    return all(any(q.graph_name in graphs for q in store.quads_for_pattern(x, NamedNode(p), NamedNode(o) if o else None))
               for p, o in pairs)


def examples(store: Any, dataset: dict[str, Any]) -> list[str]:
    """A meeting, an agreement with a commitment and a tracked item, for void:exampleResource."""
    out = []
    for pattern, order, pairs in _EXAMPLES:
        sol = next(iter(store.query(f"SELECT ?x WHERE {{ {pattern} }} ORDER BY {order} LIMIT 1", **_UNION)), None)
        if sol is None:
            continue
        x = sol["x"]
        # the same thing in the published graphs alone (a bound subject: look-ups); else the slow way
        if not _in_dataset(store, x, pairs, dataset):
            sol = next(iter(store.query(f"SELECT ?x WHERE {{ {pattern} }} ORDER BY {order} LIMIT 1", **dataset)), None)
        if sol is not None:
            out.append(sol["x"].value)
    return out
