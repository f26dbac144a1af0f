"""Serializers the publisher needs beyond what pyoxigraph writes.

* SPARQL results (JSON, XML, CSV, TSV) from rows we have already cut at the result limit:
  pyoxigraph serializes a whole ``QuerySolutions`` iterator and cannot stop early, so a query that
  matches ten million rows would be written out in full before any limit could apply.
* Compact JSON-LD (an ``@context`` of our prefixes, CURIE keys) for pages and ``.jsonld`` documents:
  pyoxigraph writes expanded JSON-LD, which is correct but unreadable for a partner's developer.
* RDF graphs (Turtle, N-Triples, RDF/XML) go through pyoxigraph with our fixed prefixes.

Terms are pyoxigraph terms (``NamedNode``, ``BlankNode``, ``Literal``). Every function returns bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from rcmkg.namespaces import PREFIXES, RDF, XSD

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


def term_kind(term: Any) -> str:
    """``"uri"``, ``"bnode"``, ``"literal"`` or ``"triple"`` (RDF-star), as SPARQL JSON names them."""
    name = type(term).__name__
    return {"NamedNode": "uri", "BlankNode": "bnode", "Literal": "literal"}.get(name, "triple")


def _datatype(term: Any) -> str | None:
    dt = term.datatype.value
    return None if dt in (XSD_STRING, RDF_LANG_STRING) else dt


# --- SPARQL 1.1 Query Results -------------------------------------------------------------------


def results_json(variables: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """SPARQL 1.1 Query Results JSON for SELECT (rows are sequences aligned with ``variables``)."""
    bindings = []
    for row in rows:
        b: dict[str, dict[str, str]] = {}
        for var, term in zip(variables, row, strict=True):
            if term is None:
                continue
            kind = term_kind(term)
            if kind == "literal":
                cell = {"type": "literal", "value": term.value}
                if term.language:
                    cell["xml:lang"] = term.language
                elif (dt := _datatype(term)) is not None:
                    cell["datatype"] = dt
            elif kind == "triple":
                cell = {"type": "literal", "value": str(term)}
            else:
                cell = {"type": kind, "value": term.value}
            b[var] = cell
        bindings.append(b)
    doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def boolean_json(value: bool) -> bytes:
    """SPARQL JSON for ASK."""
    return json.dumps({"head": {}, "boolean": bool(value)}).encode("utf-8")


_XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'


def _xml_text(text: str) -> str:
    # XML 1.0 cannot carry most C0 controls even escaped; report text may contain them (Word
    # artefacts), so they become U+FFFD rather than making the whole document unparseable.
    text = "".join(c if c in "\t\n\r" or ord(c) >= 0x20 else "\ufffd" for c in text)
    return xml_escape(text)


def results_xml(variables: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """SPARQL Query Results XML Format for SELECT."""
    out = [_XML_HEAD, "<head>"]
    out.extend(f"<variable name={quoteattr(v)}/>" for v in variables)
    out.append("</head>\n<results>\n")
    for row in rows:
        out.append("<result>")
        for var, term in zip(variables, row, strict=True):
            if term is None:
                continue
            kind = term_kind(term)
            if kind == "uri":
                cell = f"<uri>{_xml_text(term.value)}</uri>"
            elif kind == "bnode":
                cell = f"<bnode>{_xml_text(term.value)}</bnode>"
            elif kind == "literal":
                attrs = ""
                if term.language:
                    attrs = f" xml:lang={quoteattr(term.language)}"
                elif (dt := _datatype(term)) is not None:
                    attrs = f" datatype={quoteattr(dt)}"
                cell = f"<literal{attrs}>{_xml_text(term.value)}</literal>"
            else:
                cell = f"<literal>{_xml_text(str(term))}</literal>"
            out.append(f"<binding name={quoteattr(var)}>{cell}</binding>")
        out.append("</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out).encode("utf-8")


def boolean_xml(value: bool) -> bytes:
    """SPARQL XML for ASK."""
    return f"{_XML_HEAD}<head/>\n<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n".encode()


def results_csv(variables: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """SPARQL 1.1 CSV: plain values (IRIs and lexical forms), RFC 4180 quoting, CRLF line ends."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        cells = []
        for term in row:
            if term is None:
                cells.append("")
            elif term_kind(term) == "bnode":
                cells.append(f"_:{term.value}")
            elif term_kind(term) == "triple":
                cells.append(str(term))
            else:
                cells.append(term.value)
        writer.writerow(cells)
    return buf.getvalue().encode("utf-8")


def boolean_csv(value: bool) -> bytes:
    """ASK as CSV: a one-cell table (the CSV/TSV note defines no boolean form; this is the usual one)."""
    return f"_askResult\r\n{'true' if value else 'false'}\r\n".encode()


def results_tsv(variables: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """SPARQL 1.1 TSV: ``?var`` headers, terms in N-Triples/Turtle syntax, LF line ends."""
    out = ["\t".join(f"?{v}" for v in variables) + "\n"]
    for row in rows:
        # str(term) is pyoxigraph's N-Triples form, which escapes tabs and newlines in literals.
        out.append("\t".join("" if t is None else str(t) for t in row) + "\n")
    return "".join(out).encode("utf-8")


def boolean_tsv(value: bool) -> bytes:
    """ASK as TSV."""
    return f"?_askResult\n{'true' if value else 'false'}\n".encode()


SELECT_WRITERS = {"json": results_json, "xml": results_xml, "csv": results_csv, "tsv": results_tsv}
ASK_WRITERS = {"json": boolean_json, "xml": boolean_xml, "csv": boolean_csv, "tsv": boolean_tsv}


# --- RDF graphs ------------------------------------------------------------------------------------


def rdf_bytes(triples: Iterable[Any], key: str, base: str | None = None) -> bytes:
    """Triples as ``ttl``, ``nt``, ``rdf`` (RDF/XML) or ``jsonld`` (compact, our context)."""
    if key == "jsonld":
        return jsonld_bytes(triples)
    from pyoxigraph import RdfFormat, serialize

    fmt = {"ttl": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES, "rdf": RdfFormat.RDF_XML}[key]
    triples = list(triples)
    if key == "nt":
        return serialize(sorted(triples, key=str), format=fmt) or b""
    prefixes = used_prefixes(triples) if key in ("ttl", "rdf") else None
    return serialize(triples, format=fmt, prefixes=prefixes) or b""


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


def _curie(iri: str, namespaces: Sequence[tuple[str, str]], used: set[str]) -> str:
    for p, ns in namespaces:
        if iri.startswith(ns) and len(iri) > len(ns):
            local = iri[len(ns):]
            # A CURIE whose local part starts with "//" would be read as an absolute IRI.
            if not local.startswith("/") and ":" not in local:
                used.add(p)
                return f"{p}:{local}"
    return iri


def jsonld_document(triples: Iterable[Any]) -> dict[str, Any]:
    """A compact JSON-LD document: ``@context`` with the prefixes used, one node per subject.

    Blank nodes keep their ``_:`` labels so that nested structures (due intervals, selectors) stay
    connected; everything a JSON-LD 1.1 processor needs is in the document itself (no remote context).
    """
    namespaces = sorted(OUTPUT_PREFIXES.items(), key=lambda kv: -len(kv[1]))
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
            node.setdefault("@type", []).append(_curie(o.value, namespaces, used))
            continue
        if kind == "uri":
            value: dict[str, Any] = {"@id": o.value}
        elif kind == "bnode":
            value = {"@id": f"_:{o.value}"}
        elif kind == "literal":
            value = {"@value": o.value}
            if o.language:
                value["@language"] = o.language
            elif (dt := _datatype(o)) is not None:
                value["@type"] = _curie(dt, namespaces, used)
        else:
            value = {"@value": str(o)}
        node.setdefault(_curie(p, namespaces, used), []).append(value)
    graph = []
    for sid in sorted(nodes, key=lambda k: (k.startswith("_:"), k)):
        node = nodes[sid]
        for values in node.values():
            if isinstance(values, list):
                values.sort(key=lambda v: json.dumps(v, sort_keys=True) if isinstance(v, dict) else v)
        graph.append(node)
    context = {p: OUTPUT_PREFIXES[p] for p in OUTPUT_PREFIXES if p in used}
    return {"@context": context, "@graph": graph}


def jsonld_bytes(triples: Iterable[Any]) -> bytes:
    """:func:`jsonld_document` as indented UTF-8 JSON."""
    return json.dumps(jsonld_document(triples), ensure_ascii=False, indent=1).encode("utf-8")


def jsonld_for_script(triples: Iterable[Any]) -> str:
    """JSON-LD safe to place inside ``<script type="application/ld+json">``.

    The HTML parser ends a script element at the first ``</script`` whatever the JSON says, and
    ``<!--`` changes how it scans; escaping every ``<``, ``>`` and ``&`` as ``\\u003c`` etc. keeps
    the JSON identical for a JSON parser and inert for the HTML one.
    """
    text = json.dumps(jsonld_document(triples), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
