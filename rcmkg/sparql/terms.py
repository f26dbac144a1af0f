"""One RDF term of a query answer, as the SPARQL 1.1 JSON results format describes it.

Every store answers with :class:`Term` values (:func:`from_ox` converts pyoxigraph's), so that what
follows (writers, traces, pages) never looks at a store's own term classes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import pyoxigraph as ox

from rcmkg.errors import QueryError
from rcmkg.namespaces import PREFIXES, RDF, XSD

XSD_STRING = XSD + "string"
RDF_LANGSTRING = RDF + "langString"
_BARE_TSV = {
    XSD + "integer": re.compile(r"^[+-]?\d+$"),
    XSD + "decimal": re.compile(r"^[+-]?\d*\.\d+$"),
    XSD + "double": re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$"),
    XSD + "boolean": re.compile(r"^(true|false)$"),
}

#: What a pyoxigraph query or parser can hand back as a term.
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True, slots=True)
class Term:
    """One RDF term as the SPARQL 1.1 JSON results format describes it.

    ``type`` is ``uri``, ``literal`` or ``bnode``; ``datatype`` is None for plain strings and
    language-tagged literals.

    >>> Term("literal", "2018-07-19", datatype="http://www.w3.org/2001/XMLSchema#date").to_json()
    {'type': 'literal', 'value': '2018-07-19', 'datatype': 'http://www.w3.org/2001/XMLSchema#date'}
    """

    type: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    @classmethod
    def literal(cls, value: str, datatype: str | None = None, lang: str | None = None) -> Term:
        """A literal, normalised: ``xsd:string`` and ``rdf:langString`` are implicit, tags lower-case."""
        if lang:
            return cls("literal", value, None, lang.lower())
        return cls("literal", value, None if datatype in (None, XSD_STRING, RDF_LANGSTRING) else datatype)

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> Term:
        """From one SPARQL JSON binding (``typed-literal`` of SPARQL 1.0 endpoints included)."""
        kind = doc.get("type")
        if kind == "uri":
            return cls("uri", doc["value"])
        if kind == "bnode":
            return cls("bnode", doc["value"])
        if kind in ("literal", "typed-literal"):
            return cls.literal(doc["value"], doc.get("datatype"), doc.get("xml:lang"))
        raise QueryError(f"unsupported term in SPARQL results: {doc!r}")

    def to_json(self) -> dict[str, str]:
        """The SPARQL 1.1 JSON binding of this term."""
        doc = {"type": self.type, "value": self.value}
        if self.datatype:
            doc["datatype"] = self.datatype
        if self.lang:
            doc["xml:lang"] = self.lang
        return doc

    def n3(self) -> str:
        """Turtle/SPARQL syntax, as the TSV results format writes terms."""
        if self.type == "uri":
            return f"<{self.value}>"
        if self.type == "bnode":
            return f"_:{self.value}"
        if self.datatype in _BARE_TSV and _BARE_TSV[self.datatype].match(self.value):
            return self.value
        text = '"' + escape_string(self.value) + '"'
        if self.lang:
            return f"{text}@{self.lang}"
        if self.datatype:
            return f"{text}^^<{self.datatype}>"
        return text

    def __str__(self) -> str:
        return self.value


_INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt",
                                "unsignedShort", "unsignedByte")}


def canonical(t: Term) -> Term:
    """A literal from a remote endpoint in the form the local store (Oxigraph) gives: booleans
    ``true``/``false`` (Virtuoso says ``1``/``0``), every integer type as ``xsd:integer`` without
    sign or leading zeros, decimals and doubles in plain notation without trailing zeros.

    >>> canonical(Term.literal("0", XSD + "boolean")).value, canonical(Term.literal("007", XSD + "nonNegativeInteger"))
    ('false', Term(type='literal', value='7', datatype='http://www.w3.org/2001/XMLSchema#integer', lang=None))
    """
    from decimal import Decimal, InvalidOperation

    dt, v = t.datatype, t.value.strip()
    try:
        if dt == XSD + "boolean" and v in ("0", "1", "true", "false"):
            return Term.literal("true" if v in ("1", "true") else "false", dt)
        if dt in _INTEGERS:
            return Term.literal(str(int(v)), XSD + "integer")
        if dt == XSD + "decimal":
            return Term.literal(format(Decimal(v).normalize(), "f"), dt)
        if dt in (XSD + "double", XSD + "float"):
            x = float(v)
            if x != x or x in (float("inf"), float("-inf")):
                return Term.literal("NaN" if x != x else ("INF" if x > 0 else "-INF"), dt)
            return Term.literal(format(Decimal(repr(x)).normalize(), "f"), dt)
    except (ValueError, InvalidOperation):
        pass  # not a valid lexical form: leave it as the endpoint wrote it
    return t


def escape_string(value: str) -> str:
    r"""Escape a string for a double-quoted SPARQL/Turtle literal.

    >>> escape_string('a "b"\n')
    'a \\"b\\"\\n'
    """
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "".join(out)


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def from_ox(t: OxTerm) -> Term:
    """A pyoxigraph term as a :class:`Term` (an RDF-star triple term as a literal of its N-Triples)."""
    if isinstance(t, ox.NamedNode):
        return Term("uri", t.value)
    if isinstance(t, ox.BlankNode):
        return Term("bnode", t.value)
    if isinstance(t, ox.Literal):
        return Term.literal(t.value, t.datatype.value, t.language)
    return Term("literal", str(t))


def to_ox(t: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A :class:`Term` as a pyoxigraph term."""
    if t.type == "uri":
        return ox.NamedNode(t.value)
    if t.type == "bnode":
        return ox.BlankNode(t.value)
    if t.lang:
        return ox.Literal(t.value, language=t.lang)
    return ox.Literal(t.value, datatype=ox.NamedNode(t.datatype)) if t.datatype else ox.Literal(t.value)


def sort_key(t: Term | None, bnode_blind: bool = False) -> tuple[int, str, str, str]:
    """Unbound first, then blank nodes, IRIs and literals; ``bnode_blind`` ignores blank node labels."""
    if t is None:
        return (0, "", "", "")
    rank = {"bnode": 1, "uri": 2, "literal": 3}[t.type]
    value = "" if bnode_blind and t.type == "bnode" else t.value
    return (rank, value, t.datatype or "", t.lang or "")


def short(t: Term, base: str | None = None) -> str:
    """A compact rendering of a term for tables: ``stage:drafted``, ``<meeting/...>``, ``text``.

    >>> short(Term("uri", "https://w3id.org/rcmkg/voc/stage/drafted"))
    'stage:drafted'
    """
    if t.type == "bnode":
        return "_:" + t.value
    if t.type == "literal":
        return t.value
    if base and t.value.startswith(base + "id/"):
        return "<" + t.value[len(base) + 3:] + ">"
    best, name = "", ""
    for prefix, ns in PREFIXES.items():
        if t.value.startswith(ns) and len(ns) > len(best):
            best, name = ns, f"{prefix}:{t.value[len(ns):]}"
    return name if best else f"<{t.value}>"


def term_value(t: OxTerm | ox.DefaultGraph) -> str:
    """The IRI, blank node label or lexical form of a pyoxigraph term (an RDF-star triple: its N-Triples)."""
    if isinstance(t, ox.NamedNode | ox.BlankNode | ox.Literal):
        return t.value
    return str(t)


def solutions(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> ox.QuerySolutions:
    """A SELECT's solutions, narrowed from what ``pyoxigraph.Store.query`` returns."""
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("expected the solutions of a SELECT query")
    return result


def query_triples(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> ox.QueryTriples:
    """A CONSTRUCT's or DESCRIBE's triples, narrowed from what ``pyoxigraph.Store.query`` returns."""
    if not isinstance(result, ox.QueryTriples):
        raise QueryError("expected the triples of a CONSTRUCT or DESCRIBE query")
    return result


# --- blank nodes with labels that depend on the graph only -------------------------------------------


S = TypeVar("S", ox.Triple, ox.Quad)

#: How deep a blank node's signature follows other blank nodes (an OWL list's rdf:rest chain is as deep
#: as the list is long); beyond it two nodes that differ only further down share a label prefix.
_SIGNATURE_DEPTH = 200


def stable_blank_nodes(statements: Iterable[S]) -> Iterator[S]:
    """``statements`` with every blank node relabelled from what it says and where it hangs, so the same
    graph gives the same labels and the same order whatever labels a load gave its blank nodes.

    A store gives each blank node a random label at load (and orders by it), so two loads of the same
    files would write different bytes. Statements without a blank node pass through in their order;
    those with one are held (only they: memory grows with the blank nodes, not the archive), relabelled
    by a hash of their graph, the statements that point to them and the tree below them, then written
    sorted after the others. Nodes that nothing tells apart (the same tree under the same parent) are
    numbered in turn: swapping them gives the same statements. (Twins with blank children of their own
    could still pair them either way; the converter writes no such twins.)
    """
    held: list[S] = []
    for st in statements:
        if isinstance(st.subject, ox.BlankNode) or isinstance(st.object, ox.BlankNode):
            held.append(st)
        else:
            yield st
    if not held:
        return
    below: dict[ox.BlankNode, list[S]] = {}
    above: dict[ox.BlankNode, list[S]] = {}
    for st in held:
        if isinstance(st.subject, ox.BlankNode):
            below.setdefault(st.subject, []).append(st)
        if isinstance(st.object, ox.BlankNode):
            above.setdefault(st.object, []).append(st)
    memo: dict[ox.BlankNode, str] = {}

    def down(node: ox.BlankNode, depth: int) -> str:
        if node in memo:
            return memo[node]
        if depth > _SIGNATURE_DEPTH:
            return "[…]"
        parts = sorted(f"{st.predicate} {down(st.object, depth + 1) if isinstance(st.object, ox.BlankNode) else st.object}"
                       for st in below.get(node, ()))
        memo[node] = sig = "[" + " ; ".join(parts) + "]"
        return sig

    def graph(st: S) -> str:
        return str(st.graph_name) if isinstance(st, ox.Quad) else ""

    digests: dict[ox.BlankNode, str] = {}

    def digest(node: ox.BlankNode, depth: int) -> str:
        # where it hangs (the digests of the blank nodes above it, so that two equal subtrees under
        # different parents differ) and what it says
        if node in digests:
            return digests[node]
        if depth > _SIGNATURE_DEPTH:
            return "…"
        up: list[str] = sorted(f"{graph(st)} {st.subject if not isinstance(st.subject, ox.BlankNode) else digest(st.subject, depth + 1)} "
                    f"{st.predicate}" for st in above.get(node, ()))
        own: set[str] = {graph(st) for st in (*below.get(node, ()), *above.get(node, ()))}
        text = "\n".join([*sorted(own), *up, down(node, 0)])
        digests[node] = d = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
        return d

    nodes = sorted({n for n in (*below, *above)}, key=str)  # an order for the hashing loop only
    for node in nodes:
        digest(node, 0)
    labels: dict[ox.BlankNode, ox.BlankNode] = {}
    seen: dict[str, int] = {}
    for node in sorted(nodes, key=lambda n: digests[n]):
        d = digests[node]
        seen[d] = seen.get(d, 0) + 1
        labels[node] = ox.BlankNode(f"b{d}" + (f"x{seen[d]}" if seen[d] > 1 else ""))

    def relabel(t: Any) -> Any:
        return labels[t] if isinstance(t, ox.BlankNode) else t

    out: list[S] = []
    for st in held:
        if isinstance(st, ox.Quad):
            out.append(ox.Quad(relabel(st.subject), st.predicate, relabel(st.object), st.graph_name))
        else:
            out.append(ox.Triple(relabel(st.subject), st.predicate, relabel(st.object)))
    out.sort(key=lambda st: (graph(st), str(st.subject), str(st.predicate), str(st.object)))
    yield from out


#: A label pyoxigraph's parser makes up for a node the document leaves anonymous (``[ ]``, a list):
#: a random 128-bit number in hex. A label of the document of this shape is told apart by being in it.
_MADE_UP = re.compile(r"[0-9a-f]{17,32}\Z")


def graph_blank_nodes(quads: Sequence[ox.Quad], graph: str, data: bytes) -> list[ox.Quad]:
    """``quads``, parsed from ``data`` with the document's own blank node labels kept
    (``rename_blank_nodes=False``), with each blank node named from ``graph`` and that label.

    Why: a store keeps the names its blank nodes were loaded with, and pages, documents and query
    results show them; named at random, every load of the same files showed others. Named from the
    graph, two graphs' ``_:x`` stay two nodes and a label is a 128-bit number, which the store keeps
    in its quads rather than in its dictionary of strings. When the document leaves a node
    anonymous, the parser made up its label: then every blank node of the graph is named from what
    it says and where it hangs (:func:`stable_blank_nodes`).
    """
    named = _named(quads, graph, data)
    if named is None:  # named from what they say, then from the graph too (files of one kind share none)
        named = _named(list(stable_blank_nodes(quads)), graph, None)
    assert named is not None
    return named


def _named(quads: Sequence[ox.Quad], graph: str, data: bytes | None) -> list[ox.Quad] | None:
    """:func:`graph_blank_nodes`' renaming; None if a label was made up by the parser (not in
    ``data``; ``data`` None: none was)."""
    blank, quad = ox.BlankNode, ox.Quad
    names: dict[str, ox.BlankNode] = {}
    scope = graph.encode("utf-8") + b"\n"
    blake2b, made_up = hashlib.blake2b, _MADE_UP.match
    out: list[ox.Quad] = []
    for q in quads:
        s: Any = q.subject
        o: Any = q.object
        sb, ob = type(s) is blank, type(o) is blank
        if not (sb or ob):
            out.append(q)
            continue
        for node in (s, o) if sb and ob else (s,) if sb else (o,):
            label = node.value
            if label not in names:
                if data is not None and made_up(label) and b"_:" + label.encode("ascii") not in data:
                    return None
                digest = blake2b(scope + label.encode("utf-8"), digest_size=16).digest()
                names[label] = blank(format(int.from_bytes(digest, "big"), "x"))
        out.append(quad(names[s.value] if sb else s, q.predicate, names[o.value] if ob else o, q.graph_name))
    return out
