"""SHACL Core shapes compiled once into SPARQL SELECT queries that return violations, run with pyoxigraph.

This is the fast engine of :mod:`rcmkg.validate`; pyshacl stays the reference (``engine="pyshacl"``)
and tests/test_validate_fast.py checks that both report the same results. Why compile: pyshacl costs
about half a CPU-second per report (its evaluation builds and throws away the results of every
``sh:or``/``sh:node`` branch, each through rdflib lookups); one SPARQL query per shape over a report's
graph costs milliseconds.

What a query is: for each top-level shape (one with targets), one ``SELECT ?this ?k ?value`` whose
UNION branches are its constraints. Each branch starts from the shape's focus nodes, which the caller
writes into a small graph (``TARGETS``: ``?this TARGET <marker of the shape>``), so that the focus
nodes are exactly pyshacl's (they are computed in Python from the report's types) and blank nodes can
be focus nodes. ``?k`` says which check failed (:class:`Check`), ``?value`` is the value node.
Nested shapes (``sh:node``, ``sh:or``, ``sh:qualifiedValueShape``) become ``EXISTS`` over the nested
shape's violation patterns.

Only the constraint components listed in :data:`SUPPORTED` are compiled, with SHACL's semantics as
pyshacl implements them (term equality for ``sh:in``/``sh:hasValue``, an incomparable value violates
a range or ``sh:lessThan``, ill-typed literals fail ``sh:datatype``). A shape using anything else
raises :class:`Unsupported`, and the caller falls back to pyshacl.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
import rdflib

SH = "http://www.w3.org/ns/shacl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDFS_SUBCLASSOF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
RDFS_LITERAL = "http://www.w3.org/2000/01/rdf-schema#Literal"
#: The graph holding the focus nodes of one run, and its predicate.
TARGETS = "urn:rcmkg:shacl:targets"
MARKER = "urn:rcmkg:shacl:shape:"
#: The named graph the shared triples (ontology, vocabularies, registry) are loaded into; each file is
#: loaded into a graph of its own, named in the focus node's target triple (``?this <marker> ?g_``).
SHARED = "urn:rcmkg:shacl:shared"
GRAPH_VAR = "?g_"

#: Datatypes that pyoxigraph's store folds into xsd:integer (the literal "5"^^xsd:nonNegativeInteger comes
#: back as "5"^^xsd:integer), which would hide them from sh:datatype. Literals of these are loaded under
#: ``MASK + datatype`` (:func:`mask`), and the compiled queries read them back as integers.
FOLDED = frozenset(
    XSD + d
    for d in (
        "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int",
        "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
    )
)
MASK = "urn:rcmkg:shacl:datatype:"

#: Constraint parameter (local name) -> the component its violations report.
SUPPORTED: dict[str, str] = {
    "class": "ClassConstraintComponent",
    "datatype": "DatatypeConstraintComponent",
    "nodeKind": "NodeKindConstraintComponent",
    "minCount": "MinCountConstraintComponent",
    "maxCount": "MaxCountConstraintComponent",
    "minExclusive": "MinExclusiveConstraintComponent",
    "minInclusive": "MinInclusiveConstraintComponent",
    "maxExclusive": "MaxExclusiveConstraintComponent",
    "maxInclusive": "MaxInclusiveConstraintComponent",
    "minLength": "MinLengthConstraintComponent",
    "maxLength": "MaxLengthConstraintComponent",
    "pattern": "PatternConstraintComponent",
    "languageIn": "LanguageInConstraintComponent",
    "uniqueLang": "UniqueLangConstraintComponent",
    "in": "InConstraintComponent",
    "hasValue": "HasValueConstraintComponent",
    "equals": "EqualsConstraintComponent",
    "disjoint": "DisjointConstraintComponent",
    "lessThan": "LessThanConstraintComponent",
    "lessThanOrEquals": "LessThanOrEqualsConstraintComponent",
    "node": "NodeConstraintComponent",
    "not": "NotConstraintComponent",
    "and": "AndConstraintComponent",
    "or": "OrConstraintComponent",
    "xone": "XoneConstraintComponent",
    "qualifiedMinCount": "QualifiedMinCountConstraintComponent",
    "qualifiedMaxCount": "QualifiedMaxCountConstraintComponent",
}
#: Parameters that are not constraints by themselves (or are read with another one).
NOT_CONSTRAINTS = {
    "path", "message", "severity", "name", "description", "deactivated", "order", "group", "defaultValue",
    "targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf", "property", "flags",
    "qualifiedValueShape", "qualifiedValueShapesDisjoint",
    "sparql",  # SHACL-SPARQL: run by rcmkg.validate as global queries, not here
}
#: Datatypes whose literals rdflib (hence pyshacl) checks for well-formedness, as SPARQL tests on ``{v}``.
_WELL_FORMED = {
    XSD + "date": "isLiteral(xsd:date(STR({v})))",
    XSD + "dateTime": "isLiteral(xsd:dateTime(STR({v})))",
    XSD + "time": "isLiteral(xsd:time(STR({v})))",
    XSD + "boolean": "isLiteral(xsd:boolean(STR({v})))",
    XSD + "integer": "isLiteral(xsd:integer(STR({v})))",
    XSD + "int": "isLiteral(xsd:integer(STR({v})))",
    XSD + "long": "isLiteral(xsd:integer(STR({v})))",
    XSD + "decimal": "isLiteral(xsd:decimal(STR({v})))",
    XSD + "double": "isLiteral(xsd:double(STR({v})))",
    XSD + "float": "isLiteral(xsd:float(STR({v})))",
    XSD + "nonNegativeInteger": "xsd:integer(STR({v})) >= 0",
    XSD + "positiveInteger": "xsd:integer(STR({v})) > 0",
    XSD + "nonPositiveInteger": "xsd:integer(STR({v})) <= 0",
    XSD + "negativeInteger": "xsd:integer(STR({v})) < 0",
}
_NODE_KINDS = {
    "IRI": "isIRI({v})",
    "BlankNode": "isBlank({v})",
    "Literal": "isLiteral({v})",
    "BlankNodeOrIRI": "!isLiteral({v})",
    "BlankNodeOrLiteral": "!isIRI({v})",
    "IRIOrLiteral": "!isBlank({v})",
}
_COMPARE = {"minExclusive": ">", "minInclusive": ">=", "maxExclusive": "<", "maxInclusive": "<="}
#: How deep sh:node / sh:or may nest (a recursive shape is refused, as SHACL leaves it undefined).
MAX_DEPTH = 8
#: Largest sh:minCount / sh:maxCount compiled (each needs that many distinct values in one pattern).
MAX_COUNT = 4


class Unsupported(Exception):
    """The shapes use something the compiler does not handle: validate with pyshacl instead."""


@dataclass(frozen=True)
class Check:
    """One constraint of a top-level shape: what a violation row with this ``key`` reports."""

    key: int
    shape: Any  # the shape holding the constraint (rdflib node: a node shape or a property shape)
    parameter: str  # local name of the parameter, e.g. "minCount"
    component: str  # full IRI of the constraint component
    path: Any | None  # the property shape's sh:path (rdflib node), None on a node shape
    severity: str  # Violation, Warning, Info
    messages: tuple[str, ...]  # the shape's sh:message, if any
    nested: tuple[Any, ...] = ()  # for sh:node: the shapes whose own results on the value node pyshacl adds


@dataclass
class TopShape:
    """A shape with targets, and its query."""

    node: Any
    marker: str
    classes: tuple[str, ...]
    nodes: tuple[Any, ...]  # sh:targetNode (rdflib terms)
    subjects_of: tuple[str, ...]
    objects_of: tuple[str, ...]
    query: str


@dataclass
class Compiled:
    """The compiled shapes: one query per top-level shape, and what each row key means."""

    shapes: list[TopShape]
    checks: dict[int, Check] = field(default_factory=dict)
    markers: dict[Any, str] = field(default_factory=dict)  # shape node -> its marker
    #: Whether files that describe none of each other's nodes may be validated in one run: no path is
    #: followed backwards from a node that is not a focus node of the file (a nested shape's inverse
    #: path, or one from a sh:targetNode / sh:targetObjectsOf focus, could see another file's triples).
    batchable: bool = True

    @property
    def target_classes(self) -> set[str]:
        return {c for s in self.shapes for c in s.classes}


def mask(quads: Iterable[ox.Quad], graph: ox.NamedNode) -> list[ox.Quad]:
    """``quads`` into ``graph``, literals of a :data:`FOLDED` datatype under their masked datatype."""
    quad, literal, named, folded = ox.Quad, ox.Literal, ox.NamedNode, FOLDED  # locals: a hot loop
    out: list[ox.Quad] = []
    append = out.append
    for q in quads:
        o = q.object
        if type(o) is literal and o.datatype.value in folded:
            o = literal(o.value, datatype=named(MASK + o.datatype.value))
        append(quad(q.subject, q.predicate, o, graph))
    return out


def unmask(datatype: str) -> str:
    """The datatype a literal was written with (see :func:`mask`)."""
    return datatype[len(MASK) :] if datatype.startswith(MASK) else datatype


def _number(v: str) -> str:
    """A value as SPARQL compares it: masked integers read back as xsd:integer."""
    return f'IF(STRSTARTS(STR(DATATYPE({v})), "{MASK}"), xsd:integer(STR({v})), {v})'


def _sparql_term(t: Any, compare: bool = False) -> str:
    if isinstance(t, rdflib.URIRef):
        return f"<{t}>"
    if isinstance(t, rdflib.Literal):
        text = json.dumps(str(t), ensure_ascii=False)
        if t.language:
            return f"{text}@{t.language}"
        if t.datatype is not None:
            if str(t.datatype) in FOLDED:
                # as stored (for sameTerm), or as a number (for comparisons)
                return f"{text}^^<{XSD}integer>" if compare else f"{text}^^<{MASK}{t.datatype}>"
            return f"{text}^^<{t.datatype}>"
        return text
    raise Unsupported(f"a blank node as a constraint value ({t})")


def _string(t: Any) -> str:
    return json.dumps(str(t), ensure_ascii=False)


class _Compiler:
    def __init__(
        self,
        shapes: rdflib.Graph,
        shared_predicates: frozenset[str] | None = None,
        subclasses: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self.g = shapes
        self.shared_predicates = shared_predicates
        self.subclasses = subclasses
        self.n = 0
        self.inverse_nested = False  # an inverse path inside sh:node / sh:or / ... (see Compiled.batchable)
        self.inverse_used = False  # an inverse path in the shape being compiled

    def sh(self, local: str) -> rdflib.URIRef:
        return rdflib.URIRef(SH + local)

    def var(self) -> str:
        self.n += 1
        return f"?v{self.n}"

    def triple(self, s: str, p: str, o: str) -> str:
        """``s p o`` in the focus node's own file (``?g_``) or in the shared graphs: files validated in one
        run each see only their own triples, as if validated alone."""
        if p.startswith("^"):
            s, p, o = o, p[1:], s
        if self.shared_predicates is not None and p.startswith("<") and p[1:-1] not in self.shared_predicates:
            # The shared graphs never use this predicate: only the file's graph can match (the store
            # then reads one graph's index instead of every graph's and a filter).
            return f"GRAPH {GRAPH_VAR} {{ {s} {p} {o} }}"
        if self.shared_predicates is not None:
            # Two bound-graph lookups rather than one over every graph and a filter.
            return f"{{ GRAPH {GRAPH_VAR} {{ {s} {p} {o} }} }} UNION {{ GRAPH <{SHARED}> {{ {s} {p} {o} }} }}"
        g = self.var()
        return f"GRAPH {g} {{ {s} {p} {o} }} FILTER({g} = {GRAPH_VAR} || {g} = <{SHARED}>)"

    def instance(self, v: str, cls: Any) -> str:
        """``v`` is a SHACL instance of ``cls`` (rdf:type/rdfs:subClassOf*; class axioms are the shared
        graphs')."""
        t = self.var()
        if self.subclasses is not None:
            # The class hierarchy is the shared graphs' (known when compiling): the types that make an
            # instance are listed, instead of a property path evaluated for each value.
            types = " ".join(f"<{c}>" for c in sorted(self.subclasses.get(str(cls), frozenset()) | {str(cls)}))
            return f"VALUES {t} {{ {types} }} {self.triple(v, f'<{RDF_TYPE}>', t)}"
        return (
            f"{self.triple(v, f'<{RDF_TYPE}>', t)} FILTER({t} = <{cls}> || "
            f"EXISTS {{ GRAPH <{SHARED}> {{ {t} <{RDFS_SUBCLASSOF}>+ <{cls}> }} }})"
        )

    def deactivated(self, shape: Any) -> bool:
        return any(
            isinstance(o, rdflib.Literal) and o.toPython() is True for o in self.g.objects(shape, self.sh("deactivated"))
        )

    def items(self, node: Any) -> list[Any]:
        return list(self.g.items(node))

    def path(self, p: Any) -> str:
        if isinstance(p, rdflib.URIRef):
            return f"<{p}>"
        inverse = self.g.value(p, self.sh("inversePath"))
        if isinstance(inverse, rdflib.URIRef):
            self.inverse_used = True
            return f"^<{inverse}>"
        raise Unsupported(f"sh:path {p!r}: only an IRI or [sh:inversePath IRI] is compiled")

    def parameters(self, shape: Any) -> list[str]:
        """The constraint parameters on ``shape`` (local names, sorted); refuse unknown sh: ones."""
        out = set()
        for p in self.g.predicates(shape):
            if not str(p).startswith(SH):
                continue
            local = str(p)[len(SH) :]
            if local in NOT_CONSTRAINTS:
                continue
            if local not in SUPPORTED:
                raise Unsupported(f"shape {shape}: sh:{local} is not compiled")
            out.add(local)
        if self.g.value(shape, self.sh("qualifiedValueShape")) is not None:
            disjoint = self.g.value(shape, self.sh("qualifiedValueShapesDisjoint"))
            if disjoint is not None and disjoint.toPython() is True:
                raise Unsupported(f"shape {shape}: sh:qualifiedValueShapesDisjoint true is not compiled")
        return sorted(out)

    def distinct(self, focus: str, path: str, n: int, conforming: Any = None, depth: int = 0) -> str:
        """A pattern with ``n`` distinct values of ``path`` from ``focus`` (each conforming to a shape)."""
        if n > MAX_COUNT:
            raise Unsupported(f"a count of {n} (at most {MAX_COUNT} is compiled)")
        vs = [self.var() for _ in range(n)]
        parts = [self.triple(focus, path, v) for v in vs]
        if conforming is not None:
            parts += [f"FILTER NOT EXISTS {{ {self.violations(conforming, v, depth + 1)} }}" for v in vs]
        pairs = [f"!sameTerm({a}, {b})" for i, a in enumerate(vs) for b in vs[i + 1 :]]
        if pairs:
            parts.append(f"FILTER({' && '.join(pairs)})")
        return " ".join(parts)

    def constraint(self, shape: Any, local: str, focus: str, depth: int) -> list[tuple[str, str | None]]:
        """Alternatives ``(pattern, value variable or None)``: flat group patterns (no nested group of their
        own, so that they can follow the focus node's triple in one group), with a solution per violation."""
        return self._constraint(shape, local, focus, depth)

    def _constraint(self, shape: Any, local: str, focus: str, depth: int) -> list[tuple[str, str | None]]:
        g, sh = self.g, self.sh
        objects: list[Any] = sorted(g.objects(shape, sh(local)), key=str)
        raw_path = g.value(shape, sh("path"))
        path = self.path(raw_path) if raw_path is not None else None
        if path is None:
            head, v = "", focus
        else:
            v = self.var()
            head = self.triple(focus, path, v)

        def needs_path() -> str:
            if path is None:
                raise Unsupported(f"shape {shape}: sh:{local} on a node shape is not compiled")
            return path

        def any_of(tests: list[str]) -> str:
            return " || ".join(f"({t})" for t in tests)

        if local == "class":
            tests = [f"NOT EXISTS {{ {self.instance(v, c)} }}" for c in objects]
            return [(f"{head} FILTER({any_of(tests)})", v)]
        if local == "datatype":
            tests = []
            for d in objects:
                if str(d) == XSD + "string":
                    ok = f"isLiteral({v}) && datatype({v}) = <{XSD}string>"
                elif str(d) == RDF_LANGSTRING:
                    ok = f"isLiteral({v}) && lang({v}) != \"\""
                elif str(d) == RDFS_LITERAL:
                    ok = f"isLiteral({v})"
                elif str(d) in FOLDED:
                    ok = f"isLiteral({v}) && datatype({v}) = <{MASK}{d}>"
                    well_formed = _WELL_FORMED.get(str(d), "isLiteral(xsd:integer(STR({v})))")
                    ok += f" && COALESCE({well_formed.format(v=v)}, false)"
                else:
                    ok = f"isLiteral({v}) && datatype({v}) = <{d}>"
                    if str(d) in _WELL_FORMED:
                        ok += f" && COALESCE({_WELL_FORMED[str(d)].format(v=v)}, false)"
                tests.append(f"!({ok})")
            return [(f"{head} FILTER({any_of(tests)})", v)]
        if local == "nodeKind":
            tests = []
            for k in objects:
                kind = str(k)[len(SH) :]
                if kind not in _NODE_KINDS:
                    raise Unsupported(f"shape {shape}: sh:nodeKind {k}")
                tests.append("!" + _NODE_KINDS[kind].format(v=v))
            return [(f"{head} FILTER({any_of(tests)})", v)]
        if local in ("minCount", "maxCount"):
            p = needs_path()
            (n,) = (int(o) for o in objects)
            if local == "minCount":
                if n == 0:
                    return [("FILTER(false)", None)]
                return [(f"FILTER NOT EXISTS {{ {self.distinct(focus, p, n)} }}", None)]
            # A join, not FILTER EXISTS: pyoxigraph evaluates EXISTS row by row, ten times the cost.
            return [(self.distinct(focus, p, n + 1), None)]
        if local in _COMPARE:
            tests = [
                f"!COALESCE({_number(v)} {_COMPARE[local]} {_sparql_term(o, compare=True)}, false)" for o in objects
            ]
            return [(f"{head} FILTER({any_of(tests)})", v)]
        if local in ("minLength", "maxLength"):
            op = "<" if local == "minLength" else ">"
            tests = [f"isBlank({v}) || STRLEN(STR({v})) {op} {int(o)}" for o in objects]
            return [(f"{head} FILTER({any_of(tests)})", v)]
        if local == "pattern":
            flags = g.value(shape, sh("flags"))
            flag_arg = f", {_string(flags)}" if flags is not None else ""
            tests = [f"isBlank({v}) || !REGEX(STR({v}), {_string(o)}{flag_arg})" for o in objects]
            return [(f"{head} FILTER({any_of(tests)})", v)]
        if local == "languageIn":
            (lst,) = objects
            tags = [str(t).lower() for t in self.items(lst)]
            if "*" in tags:
                ok = f'lang({v}) != ""'
            else:
                listed = ", ".join(_string(t) for t in tags)
                first = f'STRBEFORE(CONCAT(LCASE(lang({v})), "-"), "-")'
                ok = f'lang({v}) != "" && (LCASE(lang({v})) IN ({listed}) || {first} IN ({listed}))'
            return [(f"{head} FILTER(!(isLiteral({v}) && {ok}))", v)]
        if local == "uniqueLang":
            p = needs_path()
            if not any(o.toPython() is True for o in objects):
                return [("FILTER(false)", None)]
            a, b = self.var(), self.var()
            return [(
                f"{self.triple(focus, p, a)} {self.triple(focus, p, b)} FILTER(!sameTerm({a}, {b}) && lang({a}) != \"\""
                f" && LCASE(lang({a})) = LCASE(lang({b})))",
                None,
            )]
        if local == "in":
            (lst,) = objects
            members = [f"sameTerm({v}, {_sparql_term(t)})" for t in self.items(lst)]
            return [(f"{head} FILTER(!({' || '.join(members) or 'false'}))", v)]
        if local == "hasValue":
            if path is None:
                tests = [f"!sameTerm({focus}, {_sparql_term(o)})" for o in objects]
                return [(f"FILTER({any_of(tests)})", v)]
            return [(f"FILTER NOT EXISTS {{ {self.triple(focus, path, _sparql_term(o))} }}", None) for o in objects]
        if local in ("equals", "disjoint", "lessThan", "lessThanOrEquals"):
            return self._pair(shape, local, focus, needs_path(), objects)
        if local == "node":
            tests = [f"EXISTS {{ {self.violations(s, v, depth + 1)} }}" for s in objects]
            return [(f"{head} FILTER({any_of(tests)})", v)]
        if local == "not":
            tests = [f"NOT EXISTS {{ {self.violations(s, v, depth + 1)} }}" for s in objects]
            return [(f"{head} FILTER({any_of(tests)})", v)]
        if local in ("and", "or"):
            tests = []
            for lst in objects:
                members = [f"EXISTS {{ {self.violations(s, v, depth + 1)} }}" for s in self.items(lst)]
                joiner = " || " if local == "and" else " && "
                tests.append(joiner.join(members) or "false")
            return [(f"{head} FILTER({any_of(tests)})", v)]
        if local == "xone":
            # exactly one member conforms: count the members without violations (EXISTS in IF is
            # plain SPARQL 1.1)
            tests = []
            for lst in objects:
                members = [f"IF(EXISTS {{ {self.violations(s, v, depth + 1)} }}, 0, 1)" for s in self.items(lst)]
                tests.append(f"({' + '.join(members) or '0'}) != 1")
            return [(f"{head} FILTER({any_of(tests)})", v)]
        if local in ("qualifiedMinCount", "qualifiedMaxCount"):
            p = needs_path()
            (n,) = (int(o) for o in objects)
            (q,) = g.objects(shape, sh("qualifiedValueShape"))
            if local == "qualifiedMinCount":
                if n == 0:
                    return [("FILTER(false)", None)]
                return [(f"FILTER NOT EXISTS {{ {self.distinct(focus, p, n, q, depth)} }}", None)]
            return [(self.distinct(focus, p, n + 1, q, depth), None)]
        raise Unsupported(f"shape {shape}: sh:{local}")  # pragma: no cover (SUPPORTED lists the above)

    def _pair(
        self, shape: Any, local: str, focus: str, path: str, objects: list[Any]
    ) -> list[tuple[str, str | None]]:
        """sh:equals, sh:disjoint, sh:lessThan(OrEquals): value nodes compared with another property's."""
        value = self.var()
        branches = []
        for other in objects:
            if not isinstance(other, rdflib.URIRef):
                raise Unsupported(f"shape {shape}: sh:{local} {other}")
            o = f"<{other}>"
            if local == "equals":
                branches.append(
                    f"{self.triple(focus, path, value)} FILTER NOT EXISTS {{ {self.triple(focus, o, value)} }}"
                )
                branches.append(
                    f"{self.triple(focus, o, value)} FILTER NOT EXISTS {{ {self.triple(focus, path, value)} }}"
                )
            elif local == "disjoint":
                branches.append(f"{self.triple(focus, path, value)} {self.triple(focus, o, value)}")
            else:
                op = "<" if local == "lessThan" else "<="
                other_value = self.var()
                branches.append(
                    f"{self.triple(focus, path, value)} {self.triple(focus, o, other_value)} "
                    f"FILTER(!COALESCE({_number(value)} {op} {_number(other_value)}, false))"
                )
        return [(b, value) for b in branches]

    def violations(self, shape: Any, focus: str, depth: int) -> str:
        """A group pattern with a solution iff ``focus`` does not conform to ``shape``."""
        if depth > MAX_DEPTH:
            raise Unsupported(f"shape {shape}: nested deeper than {MAX_DEPTH} (recursive?)")
        if self.deactivated(shape):
            return "FILTER(false)"
        self.inverse_nested |= any(
            self.g.value(ps, self.sh("inversePath")) is not None
            for ps in [self.g.value(shape, self.sh("path"))]
            + [self.g.value(x, self.sh("path")) for x in self.g.objects(shape, self.sh("property"))]
            if ps is not None
        )
        branches = [p for local in self.parameters(shape) for p, _ in self.constraint(shape, local, focus, depth)]
        for ps in sorted(self.g.objects(shape, self.sh("property")), key=str):
            if not self.deactivated(ps):
                branches.append(self.violations(ps, focus, depth))
        if not branches:
            return "FILTER(false)"
        return " UNION ".join(f"{{ {b} }}" for b in branches)


def compile_shapes(
    shapes: rdflib.Graph,
    shared_predicates: Iterable[str] | None = None,
    subclasses: dict[str, frozenset[str]] | None = None,
) -> Compiled:
    """Compile every active shape with targets in ``shapes`` (the SHACL Core part; sh:sparql is skipped),
    and every shape they reach through ``sh:node`` (pyshacl reports a failing ``sh:node``'s own results on
    the value node too: :attr:`Check.nested`).

    ``shared_predicates``: every predicate IRI of the shared graphs, when the queries will only ever run
    with those shared graphs (patterns on any other predicate then read the file's graph alone).
    ``subclasses``: each class IRI -> its subclasses (rdfs:subClassOf+) in those shared graphs, when the
    data declares no class axioms of its own (``sh:class`` then tests the listed types).

    Raises :class:`Unsupported` if a shape uses a component that is not compiled.
    """
    c = _Compiler(shapes, frozenset(shared_predicates) if shared_predicates is not None else None, subclasses)
    sh = c.sh
    target_preds = [sh(t) for t in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")]
    todo = sorted({s for p in target_preds for s in shapes.subjects(p, None)}, key=str)
    compiled = Compiled(shapes=[])
    markers: dict[Any, str] = {}
    while todo:
        top = todo.pop(0)
        if top in markers or c.deactivated(top):
            continue
        if shapes.value(top, sh("path")) is not None:
            raise Unsupported(f"shape {top}: a property shape as a target or sh:node shape is not compiled")
        marker = markers[top] = f"{MARKER}{len(markers)}"
        c.inverse_used = False
        branches = []
        holders = [top] + sorted(
            (ps for ps in shapes.objects(top, sh("property")) if not c.deactivated(ps)), key=str
        )
        for holder in holders:
            if holder is not top and shapes.value(holder, sh("property")) is not None:
                raise Unsupported(f"shape {holder}: sh:property inside a property shape is not compiled")
            severity = shapes.value(holder, sh("severity"))
            messages = tuple(sorted(str(m) for m in shapes.objects(holder, sh("message"))))
            for local in c.parameters(holder):
                alternatives = c.constraint(holder, local, "?this", 0)
                key = len(compiled.checks)
                nested = tuple(sorted(shapes.objects(holder, sh("node")), key=str)) if local == "node" else ()
                todo.extend(nested)
                compiled.checks[key] = Check(
                    key=key,
                    shape=holder,
                    parameter=local,
                    component=SH + SUPPORTED[local],
                    path=shapes.value(holder, sh("path")),
                    severity=str(severity)[len(SH) :] if severity is not None else "Violation",
                    messages=messages,
                    nested=nested,
                )
                for pattern, value in alternatives:
                    # The pattern follows the focus node's triple in the same group: its FILTERs see ?this.
                    bind_value = f" BIND({value} AS ?value)" if value is not None else ""
                    branches.append(
                        f"{{ GRAPH <{TARGETS}> {{ ?this <{marker}> {GRAPH_VAR} }} {pattern}"
                        f" BIND({key} AS ?k){bind_value} }}"
                    )
        query = (
            f"PREFIX xsd: <{XSD}>\nSELECT ?this ?k ?value ?g_ WHERE {{\n  "
            + ("\n  UNION ".join(branches) or "FILTER(false)")
            + "\n}"
        )
        if c.inverse_used and any(True for t in ("targetNode", "targetObjectsOf") for _ in shapes.objects(top, sh(t))):
            compiled.batchable = False
        compiled.shapes.append(
            TopShape(
                node=top,
                marker=marker,
                classes=tuple(sorted(str(o) for o in shapes.objects(top, sh("targetClass")))),
                nodes=tuple(sorted(shapes.objects(top, sh("targetNode")), key=str)),
                subjects_of=tuple(sorted(str(o) for o in shapes.objects(top, sh("targetSubjectsOf")))),
                objects_of=tuple(sorted(str(o) for o in shapes.objects(top, sh("targetObjectsOf")))),
                query=query,
            )
        )
    compiled.markers = markers
    compiled.batchable = compiled.batchable and not c.inverse_nested
    return compiled


__all__ = [
    "FOLDED", "MASK", "SUPPORTED", "Check", "Compiled", "TopShape", "Unsupported", "compile_shapes", "mask", "unmask",
]
