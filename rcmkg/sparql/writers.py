"""Every writer of query answers and graphs, registered by format name: the CLI and the server both
write through these.

* SPARQL results (JSON, XML, CSV, TSV) of :class:`~rcmkg.sparql.terms.Term` rows:
  :data:`RESULT_WRITERS`, by the key the CLI's ``--format`` and the server's negotiation use. The
  server cuts the rows at its result limit before writing (pyoxigraph serializes a whole
  ``QuerySolutions`` iterator and cannot stop early).
* The aligned text tables ``rcmkg query`` prints (:func:`select_table`).
* Graph results of the CLI (:data:`GRAPH_WRITERS`: Turtle and expanded JSON-LD of Term triples).
* RDF documents of pages and dumps from pyoxigraph triples (:func:`rdf_bytes`: Turtle, N-Triples,
  RDF/XML with our fixed prefixes, and compact JSON-LD with an ``@context`` of our prefixes, since
  pyoxigraph writes expanded JSON-LD, which is correct but unreadable for a partner's developer).

To add an output format: write the function here and register it in the table it belongs to.
"""

from __future__ import annotations

import bisect
import csv
import functools
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import msgspec
import pyoxigraph as ox

from rcmkg.namespaces import PREFIXES, RDF, XSD
from rcmkg.safety import csv_cell, visible, xml_chars
from rcmkg.sparql.terms import OxTerm, Term, short, to_ox
from rcmkg.text import clip

XSD_STRING = XSD + "string"
RDF_LANG_STRING = RDF + "langString"
#: Prefixes offered in Turtle output and in the JSON-LD context (dct etc.; plus a few for VoID/DCAT).
OUTPUT_PREFIXES: dict[str, str] = {
    **PREFIXES,
    "dcat": "http://www.w3.org/ns/dcat#",
    "void": "http://rdfs.org/ns/void#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "sh": "http://www.w3.org/ns/shacl#",
}

Cells = Sequence[Term | None]


def term_kind(term: OxTerm | ox.DefaultGraph) -> str:
    """``"uri"``, ``"bnode"``, ``"literal"`` or ``"triple"`` (RDF-star), as SPARQL JSON names them."""
    if isinstance(term, ox.NamedNode):
        return "uri"
    if isinstance(term, ox.BlankNode):
        return "bnode"
    if isinstance(term, ox.Literal):
        return "literal"
    return "triple"


def literal_datatype(term: ox.Literal) -> str | None:
    """The datatype a results format states: none for plain and language-tagged strings."""
    dt = term.datatype.value
    return None if dt in (XSD_STRING, RDF_LANG_STRING) else dt


# --- SPARQL 1.1 Query Results ---------------------------------------------------------------------


@dataclass(frozen=True)
class ResultWriter:
    """How one results format writes a SELECT answer (variables, rows aligned with them) and an ASK."""

    key: str
    select: Callable[[Sequence[str], Iterable[Cells]], str]
    ask: Callable[[bool], str]


def results_json(variables: Sequence[str], rows: Iterable[Cells]) -> str:
    """SPARQL 1.1 Query Results JSON."""
    bindings = [{v: t.to_json() for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
    return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}}, ensure_ascii=False)


def boolean_json(value: bool) -> str:
    return json.dumps({"head": {}, "boolean": bool(value)})


def results_csv(variables: Sequence[str], rows: Iterable[Cells]) -> str:
    """SPARQL 1.1 CSV: plain values (IRIs and lexical forms), RFC 4180 quoting, CRLF line ends.

    CSV is opened in spreadsheets, so values go through :func:`rcmkg.safety.csv_cell` (a leading
    ``=``/``+``/``-``/``@`` gets an apostrophe; control and bidi characters made visible). The
    exact values are in the JSON, XML and TSV formats.
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(variables)
    for row in rows:
        w.writerow(["" if t is None else f"_:{t.value}" if t.type == "bnode" else csv_cell(t.value) for t in row])
    return buf.getvalue()


def boolean_csv(value: bool) -> str:
    """ASK as CSV: a one-cell table (the CSV/TSV note defines no boolean form)."""
    return "boolean\r\n" + ("true" if value else "false") + "\r\n"


def results_tsv(variables: Sequence[str], rows: Iterable[Cells]) -> str:
    """SPARQL 1.1 TSV: ``?var`` headers, terms in SPARQL syntax (numbers abbreviated), LF line ends."""
    lines = ["\t".join("?" + v for v in variables)]
    lines += ["\t".join("" if t is None else t.n3() for t in row) for row in rows]
    return "\n".join(lines) + "\n"


def boolean_tsv(value: bool) -> str:
    return "?boolean\n" + ("true" if value else "false") + "\n"


def xml_escape(text: str) -> str:
    """``&``, ``<`` and ``>`` escaped (as ``xml.sax.saxutils.escape``, whose module imports
    ``urllib.request``: 50 ms of every ``rcmkg query`` start-up)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """An XML attribute value with its quotes (as ``xml.sax.saxutils.quoteattr``)."""
    text = xml_escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' in text:
        return f"'{text}'" if "'" not in text else '"' + text.replace('"', "&quot;") + '"'
    return f'"{text}"'


_XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'


def _xml_text(text: str) -> str:
    # XML 1.0 cannot carry most C0 controls even escaped; report text may contain them (Word
    # artefacts), so they become U+FFFD rather than making the whole document unparseable.
    return xml_escape(xml_chars(text))


def results_xml(variables: Sequence[str], rows: Iterable[Cells]) -> str:
    """SPARQL Query Results XML Format."""
    out = [_XML_HEAD, "<head>"]
    out.extend(f"<variable name={quoteattr(v)}/>" for v in variables)
    out.append("</head>\n<results>\n")
    for row in rows:
        out.append("<result>")
        for var, t in zip(variables, row, strict=True):
            if t is None:
                continue
            if t.type in ("uri", "bnode"):
                cell = f"<{t.type}>{_xml_text(t.value)}</{t.type}>"
            else:
                attrs = f" xml:lang={quoteattr(t.lang)}" if t.lang else f" datatype={quoteattr(t.datatype)}" if t.datatype else ""
                cell = f"<literal{attrs}>{_xml_text(t.value)}</literal>"
            out.append(f"<binding name={quoteattr(var)}>{cell}</binding>")
        out.append("</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out)


def boolean_xml(value: bool) -> str:
    return f"{_XML_HEAD}<head/>\n<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n"


RESULT_WRITERS: dict[str, ResultWriter] = {w.key: w for w in (
    ResultWriter("json", results_json, boolean_json),
    ResultWriter("xml", results_xml, boolean_xml),
    ResultWriter("csv", results_csv, boolean_csv),
    ResultWriter("tsv", results_tsv, boolean_tsv),
)}


def select_table(variables: Sequence[str], rows: Sequence[dict[str, Term]], base: str | None = None,
                 max_width: int = 60) -> str:
    """Aligned text for people: IRIs shortened with the usual prefixes (and ``base`` as ``<...>``)."""
    head = list(variables)
    body = [[clip(visible(short(r[v], base)) if v in r else "", max_width) for v in head] for r in rows]
    widths = [max([len(h)] + [len(row[i]) for row in body]) for i, h in enumerate(head)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in body]
    lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(lines)


def ask_table(value: bool) -> str:
    return "yes" if value else "no"


# --- graph results of the command line --------------------------------------------------------------


def graph_turtle(triples: Sequence[tuple[Term, Term, Term]]) -> str:
    """Turtle with the project's prefixes that occur in the triples."""
    ts = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]  # type: ignore[arg-type]
    used = {p: ns for p, ns in PREFIXES.items() if any(ns in t.value for tr in triples for t in tr)}
    return (ox.serialize(ts, format=ox.RdfFormat.TURTLE, prefixes=used) or b"").decode("utf-8")


def graph_jsonld(triples: Sequence[tuple[Term, Term, Term]]) -> str:
    """Expanded JSON-LD."""
    ts = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]  # type: ignore[arg-type]
    return (ox.serialize(ts, format=ox.RdfFormat.JSON_LD) or b"").decode("utf-8")


GRAPH_WRITERS: dict[str, Callable[[Sequence[tuple[Term, Term, Term]]], str]] = {
    "turtle": graph_turtle, "jsonld": graph_jsonld}


# --- RDF graphs ------------------------------------------------------------------------------------


def rdf_bytes(triples: Iterable[ox.Triple], key: str) -> bytes:
    """Triples as ``ttl``, ``nt``, ``rdf`` (RDF/XML) or ``jsonld`` (compact, our context)."""
    if key == "jsonld":
        return jsonld_bytes(triples)
    fmt = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "rdf": ox.RdfFormat.RDF_XML}[key]
    listed = list(triples)
    if key == "rdf":
        listed = [xml_safe(t) for t in listed]
    if key == "nt":
        return ox.serialize(sorted(listed, key=str), format=fmt) or b""
    prefixes = used_prefixes(listed) if key in ("ttl", "rdf") else None
    return ox.serialize(listed, format=fmt, prefixes=prefixes) or b""


def xml_safe(t: ox.Triple) -> ox.Triple:
    # RDF/XML must stay well-formed: a literal holding a character XML 1.0 cannot carry (a C0
    # control from a Word file) is written with U+FFFD there; Turtle/N-Triples/JSON-LD keep it exact.
    o = t.object
    if isinstance(o, ox.Literal) and (v := xml_chars(o.value)) != o.value:
        lit = ox.Literal(v, language=o.language) if o.language else ox.Literal(v, datatype=o.datatype)
        return ox.Triple(t.subject, t.predicate, lit)
    return t


def used_prefixes(triples: Sequence[Any]) -> dict[str, str]:
    """Only the prefixes the triples use: a page's Turtle should not open with 27 declarations."""
    seen: set[str] = set()
    namespaces = sorted(OUTPUT_PREFIXES.items(), key=lambda kv: -len(kv[1]))
    for t in triples:
        for term in (t.subject, t.predicate, t.object):
            kind = term_kind(term)
            value = term.value if kind == "uri" else (term.datatype.value if kind == "literal" else None)
            if value is None:
                continue
            for p, ns in namespaces:
                if value.startswith(ns) and len(value) > len(ns):
                    seen.add(p)
                    break
    return {p: ns for p, ns in OUTPUT_PREFIXES.items() if p in seen}


def _curie(iri: str, used: set[str]) -> str:
    prefix, shown = _curie_of(iri)
    if prefix is not None:
        used.add(prefix)
    return shown


#: OUTPUT_PREFIXES longest namespace first: the most specific prefix wins.
_BY_LENGTH = tuple(sorted(OUTPUT_PREFIXES.items(), key=lambda kv: -len(kv[1])))


@functools.lru_cache(maxsize=1 << 14)  # the same predicates, types and datatypes on every page
def _curie_of(iri: str) -> tuple[str | None, str]:
    """(prefix, CURIE) of ``iri`` by the first prefix that can shorten it, else (None, ``iri``)."""
    for p, ns in _BY_LENGTH:
        if iri.startswith(ns) and len(iri) > len(ns):
            local = iri[len(ns):]
            # A CURIE whose local part starts with "//" would be read as an absolute IRI.
            if not local.startswith("/") and ":" not in local:
                return p, f"{p}:{local}"
    return None, iri


def jsonld_document(triples: Iterable[Any]) -> dict[str, Any]:
    """A compact JSON-LD document: ``@context`` with the prefixes used, one node per subject.

    Blank nodes keep their ``_:`` labels so that nested structures (due intervals, selectors) stay
    connected; everything a JSON-LD 1.1 processor needs is in the document itself (no remote context).
    """
    used: set[str] = set()
    nodes: dict[str, dict[str, Any]] = {}
    for t in triples:
        s = t.subject
        sid = f"_:{s.value}" if term_kind(s) == "bnode" else s.value
        node = nodes.setdefault(sid, {"@id": sid})
        p = t.predicate.value
        o = t.object
        kind = term_kind(o)
        if p == RDF + "type" and kind == "uri":
            node.setdefault("@type", []).append(_curie(o.value, used))
            continue
        if kind == "uri":
            value: dict[str, Any] = {"@id": o.value}
        elif kind == "bnode":
            value = {"@id": f"_:{o.value}"}
        elif kind == "literal":
            value = {"@value": o.value}
            if o.language:
                value["@language"] = o.language
            elif (dt := literal_datatype(o)) is not None:
                value["@type"] = _curie(dt, used)
        else:
            value = {"@value": str(o)}
        node.setdefault(_curie(p, used), []).append(value)
    graph = []
    for sid in sorted(nodes, key=lambda k: (k.startswith("_:"), k)):
        node = nodes[sid]
        for values in node.values():
            if isinstance(values, list) and len(values) > 1:  # the key dumps each value: most lists hold one
                values.sort(key=lambda v: json.dumps(v, sort_keys=True) if isinstance(v, dict) else v)
        graph.append(node)
    context = {p: OUTPUT_PREFIXES[p] for p in OUTPUT_PREFIXES if p in used}
    return {"@context": context, "@graph": graph}


def indented_json(value: Any, indent: int = 1) -> bytes:
    """``json.dumps(value, ensure_ascii=False, indent=indent)`` in UTF-8, byte for byte, for values
    of strings, integers, booleans, None, lists and string-keyed dicts (floats may be written
    differently: 1e16, not 1e+16). With an indent, the standard library encodes in
    pure Python, ten times slower (a site writes a document per resource)."""
    return msgspec.json.format(msgspec.json.encode(value), indent=indent)


def jsonld_with_node(document: dict[str, Any], subject: str, predicate: str, obj: str) -> dict[str, Any] | None:
    """:func:`jsonld_document` of ``document``'s triples and one more, ``<subject> <predicate> <obj>``
    (three IRIs), made from ``document`` instead of from every triple again (a published page's
    ``.jsonld`` is its page's description and the triple naming it); None when ``document`` already
    describes ``subject`` (its node would change, not be added)."""
    graph = document["@graph"]
    if predicate == RDF + "type" or any(node["@id"] == subject for node in graph):
        return None  # a type is written as "@type"; a described subject's node would change
    used = set(document["@context"])
    node = {"@id": subject, _curie(predicate, used): [{"@id": obj}]}
    # the order jsonld_document sorts its nodes in: IRIs first, then by identifier
    key = (subject.startswith("_:"), subject)
    at = bisect.bisect_left([(n["@id"].startswith("_:"), n["@id"]) for n in graph], key)
    return {"@context": {p: OUTPUT_PREFIXES[p] for p in OUTPUT_PREFIXES if p in used},
            "@graph": [*graph[:at], node, *graph[at:]]}


def jsonld_bytes(triples: Iterable[Any]) -> bytes:
    """:func:`jsonld_document` as indented UTF-8 JSON."""
    return indented_json(jsonld_document(triples))


def jsonld_for_script(triples: Iterable[Any]) -> str:
    """JSON-LD safe to place inside ``<script type="application/ld+json">``.

    The HTML parser ends a script element at the first ``</script`` whatever the JSON says, and
    ``<!--`` changes how it scans; escaping every ``<``, ``>`` and ``&`` as ``\\u003c`` etc. keeps
    the JSON identical for a JSON parser and inert for the HTML one.
    """
    return script_jsonld(jsonld_document(triples))


def script_jsonld(document: dict[str, Any]) -> str:
    """:func:`jsonld_for_script` of a document :func:`jsonld_document` made."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
