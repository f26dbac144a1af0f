"""Content negotiation: an Accept header or a file extension -> one of the formats we offer.

Pure functions, no web framework: the server, the static site's rewrite rules and the tests all read
the same table. Matching follows RFC 9110 §12.5.1: the most specific media range that matches a
format decides its quality (``text/turtle`` beats ``text/*`` beats ``*/*``), ``q=0`` means "not
acceptable", and ties go to the order in which the server lists its formats (so ``*/*`` gets the
server's default). Media-type parameters other than ``q`` are ignored; a client asking for
``application/ld+json; profile=...`` gets our JSON-LD.

>>> negotiate("text/turtle;q=0.9, application/ld+json", RDF_FORMATS).key
'jsonld'
>>> negotiate("*/*", RESULT_FORMATS).key
'json'
>>> split_extension("meeting/rcm-lon-smtp/2018-07-19.ttl")[1].key
'ttl'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Format:
    """One representation we can produce.

    ``key`` is our short name (also the ``?format=`` value), ``media_type`` the canonical type sent in
    Content-Type, ``extension`` the file suffix (without the dot) of the static file and of the
    explicit URL, and ``aliases`` other media types clients use for the same thing.
    """

    key: str
    media_type: str
    extension: str
    label: str
    aliases: tuple[str, ...] = field(default=(), repr=False)
    charset: bool = field(default=True, repr=False)

    @property
    def content_type(self) -> str:
        """The Content-Type header value (with ``charset=utf-8`` for text formats)."""
        return f"{self.media_type}; charset=utf-8" if self.charset else self.media_type

    def matches(self, media_type: str) -> bool:
        return media_type == self.media_type or media_type in self.aliases


HTML = Format("html", "text/html", "html", "HTML")
TURTLE = Format("ttl", "text/turtle", "ttl", "Turtle", ("application/x-turtle", "application/turtle"))
JSONLD = Format("jsonld", "application/ld+json", "jsonld", "JSON-LD", ("application/json",))
NTRIPLES = Format("nt", "application/n-triples", "nt", "N-Triples", ("text/plain",))
RDFXML = Format("rdf", "application/rdf+xml", "rdf", "RDF/XML", ("application/xml", "text/xml"))
TRIG = Format("trig", "application/trig", "trig", "TriG", ("application/x-trig",))
NQUADS = Format("nq", "application/n-quads", "nq", "N-Quads")

SPARQL_JSON = Format("json", "application/sparql-results+json", "json", "SPARQL JSON", ("application/json",))
SPARQL_XML = Format("xml", "application/sparql-results+xml", "xml", "SPARQL XML", ("application/xml", "text/xml"))
CSV = Format("csv", "text/csv", "csv", "CSV")
TSV = Format("tsv", "text/tab-separated-values", "tsv", "TSV")

#: Representations of a resource description, in server preference order (HTML first: a browser
#: sending ``*/*`` alone is rarer than a script, but a partner clicking a link must get a page).
RDF_FORMATS: tuple[Format, ...] = (HTML, TURTLE, JSONLD, NTRIPLES, RDFXML)
#: Graph results (CONSTRUCT, DESCRIBE) of the SPARQL endpoint: Turtle is the protocol's usual default.
GRAPH_RESULT_FORMATS: tuple[Format, ...] = (TURTLE, JSONLD, NTRIPLES, RDFXML, HTML)
#: Solution results (SELECT, ASK): SPARQL JSON first, so ``*/*`` gets JSON; HTML only when asked for.
RESULT_FORMATS: tuple[Format, ...] = (SPARQL_JSON, SPARQL_XML, CSV, TSV, HTML)

ALL_FORMATS: tuple[Format, ...] = (HTML, TURTLE, JSONLD, NTRIPLES, RDFXML, TRIG, NQUADS, SPARQL_JSON, SPARQL_XML, CSV, TSV)
BY_EXTENSION: dict[str, Format] = {f.extension: f for f in RDF_FORMATS}


@dataclass(frozen=True)
class MediaRange:
    """One entry of an Accept header."""

    type: str
    subtype: str
    q: float
    order: int

    @property
    def specificity(self) -> int:
        """2 for ``type/subtype``, 1 for ``type/*``, 0 for ``*/*``."""
        return (self.type != "*") + (self.subtype != "*")

    def matches(self, media_type: str) -> bool:
        t, _, s = media_type.partition("/")
        return self.type in ("*", t) and self.subtype in ("*", s)


def parse_accept(header: str | None) -> list[MediaRange]:
    """Parse an Accept header; malformed entries are skipped (a client bug must not cause a 500).

    >>> [(r.type, r.subtype, r.q) for r in parse_accept("text/html, */*;q=0.1")]
    [('text', 'html', 1.0), ('*', '*', 0.1)]
    """
    ranges: list[MediaRange] = []
    if not header:
        return ranges
    for order, part in enumerate(header.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if "/" not in media:
            continue
        t, _, s = media.partition("/")
        if not t or not s or (t == "*" and s != "*"):
            continue
        q = 1.0
        for param in pieces[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = -1.0  # unparseable weight: ignore the whole entry
                break
        if not 0.0 <= q <= 1.0:
            continue
        ranges.append(MediaRange(t, s, q, order))
    return ranges


def quality(ranges: Sequence[MediaRange], fmt: Format) -> float:
    """The client's weight for ``fmt``: that of the most specific range matching it (0 if none).

    Aliases count with the canonical type, but an exact match of the canonical type wins a tie, so
    ``application/json;q=0.1, application/ld+json`` still prefers JSON-LD at q=1.
    """
    best: tuple[int, int, float] | None = None
    for media, rank in [(fmt.media_type, 1)] + [(a, 0) for a in fmt.aliases]:
        for r in ranges:
            if r.matches(media):
                key = (r.specificity, rank, r.q)
                if best is None or key[:2] > best[:2]:
                    best = key
    return best[2] if best else 0.0


def negotiate(accept: str | None, offered: Sequence[Format]) -> Format | None:
    """The offered format the client prefers, or None when it accepts none of them (answer 406).

    No Accept header (or one with nothing parseable) means "anything": the first offered format.
    """
    if not offered:
        return None
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    best: Format | None = None
    best_q = 0.0
    for fmt in offered:  # strictly greater: ties keep the server's order
        q = quality(ranges, fmt)
        if q > best_q:
            best, best_q = fmt, q
    return best


def by_key(key: str | None, offered: Sequence[Format]) -> Format | None:
    """The format named by a ``?format=`` value: our key, an extension or a media type."""
    if not key:
        return None
    key = key.strip().lower()
    for fmt in offered:
        if key in (fmt.key, fmt.extension) or fmt.matches(key):
            return fmt
    return None


#: ``format=``/``output=`` values clients send beside (or instead of) an Accept header, by query form:
#: SPARQLWrapper (json, xml, turtle, n3, rdf+xml, json-ld, csv, tsv), rdflib's SPARQLStore and
#: Jena/Fuseki (text, ntriples, rdfxml, srj, srx). For graphs, ``xml`` means RDF/XML and ``json`` JSON-LD.
RESULT_FORMAT_NAMES = {"srj": "json", "sparql-results+json": "json", "srx": "xml", "sparql-results+xml": "xml",
                       "sparql-results": "xml", "text/csv": "csv", "text/tab-separated-values": "tsv"}
GRAPH_FORMAT_NAMES = {"turtle": "ttl", "n3": "ttl", "text/n3": "ttl", "text/rdf+n3": "ttl", "xml": "rdf",
                      "rdf+xml": "rdf", "rdfxml": "rdf", "rdf/xml": "rdf", "pretty-xml": "rdf", "json": "jsonld",
                      "json-ld": "jsonld", "ntriples": "nt", "n-triples": "nt", "nt11": "nt"}


def format_for(name: str | None, offered: Sequence[Format]) -> Format | None:
    """The format a client's ``format=`` value names among ``offered`` (our keys, media types, and
    the names common clients send; see :data:`GRAPH_FORMAT_NAMES`).

    >>> format_for("rdf+xml", GRAPH_RESULT_FORMATS).key, format_for("xml", RESULT_FORMATS).key
    ('rdf', 'xml')
    """
    if not name:
        return None
    key = name.strip().lower()
    names = GRAPH_FORMAT_NAMES if TURTLE in offered else RESULT_FORMAT_NAMES
    return by_key(names.get(key, key), offered)


def split_extension(path: str, offered: Sequence[Format] = RDF_FORMATS) -> tuple[str, Format | None]:
    """``"a/b.ttl"`` -> ``("a/b", TURTLE)``; a path without a known suffix comes back unchanged.

    Only the last segment is looked at, and only our own suffixes count: ``2018-07-19`` or
    ``sha256-ab12`` keep their dots and dashes.
    """
    head, _, last = path.rpartition("/")
    stem, dot, ext = last.rpartition(".")
    if dot and stem:
        for fmt in offered:
            if fmt.extension == ext.lower():
                return (f"{head}/{stem}" if head else stem), fmt
    return path, None
