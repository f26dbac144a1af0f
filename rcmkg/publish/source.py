"""What the publisher reads: the :class:`Source` protocol, and which of its graphs are published.

The server, the static site and ``rcmkg push`` all render from a :class:`Source` (the project's
:class:`rcmkg.store.local.LocalStore` is one): its pyoxigraph store with one named graph per
report, the registry and the ontology, plus the graphs the store derives for itself (``meta``,
``ontology-closure``, ``inferred``). What is *published* (pages, dumps, VoID counts, push) is the
asserted data: the report, registry and ontology graphs (:func:`published_graphs`). The SPARQL
endpoint answers over the union of every graph, entailments included, as ``rcmkg query`` does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pyoxigraph

from rcmkg.resources import resource_files
from rcmkg.sparql.results import QueryResult
from rcmkg.store.local import GraphNames

T = TypeVar("T", pyoxigraph.Triple, pyoxigraph.Quad)


class Source(Protocol):
    """A local store to publish: its graphs in pyoxigraph (``ox``), SPARQL over them, where it lives."""

    @property
    def ox(self) -> pyoxigraph.Store: ...

    @property
    def base(self) -> str: ...

    @property
    def path(self) -> Path | None: ...

    def query(self, sparql: str) -> QueryResult: ...


def published_graphs(store: pyoxigraph.Store, base: str) -> list[str]:
    """The named graphs that hold asserted data: every report, the registry and the ontology."""
    skip = set(GraphNames.for_base(base).derived)
    return sorted(g.value for g in store.named_graphs() if isinstance(g, pyoxigraph.NamedNode) and g.value not in skip)


def published_dataset(store: pyoxigraph.Store, base: str) -> dict[str, Any]:
    """Keyword arguments for ``pyoxigraph.Store.query`` whose default graph is the merge of the
    published graphs (and the store's default graph, where tests and hand-made stores put data)."""
    graphs = published_graphs(store, base)
    return {"default_graph": [pyoxigraph.DefaultGraph(), *(pyoxigraph.NamedNode(g) for g in graphs)]}


def store_folder(source: Source) -> str | None:
    """The directory of an on-disk store, or None for a memory store."""
    return str(source.path) if source.path is not None and source.path.is_dir() else None


_INTEGER_TYPES = tuple("http://www.w3.org/2001/XMLSchema#" + t for t in (
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int", "short",
    "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_DATATYPES: dict[str, str] | None = None


def declared_integer_types() -> dict[str, str]:
    """Property IRI -> the derived integer datatype the shapes require of its values.

    Why: the pyoxigraph store keeps every derived integer type (``xsd:positiveInteger``,
    ``xsd:nonNegativeInteger``, ...) as ``xsd:integer``, so ``rcm:position 5`` and ``oa:start 1409``
    come back with another datatype than the converter wrote, and a release built from the store
    would break the project's own shapes. A property whose shapes name exactly one such type gets it
    back on output (:func:`restore_datatypes`).
    """
    global _DATATYPES
    if _DATATYPES is None:
        sh = "http://www.w3.org/ns/shacl#"
        found: dict[str, set[str]] = {}
        for f in resource_files("shapes"):
            g = pyoxigraph.Store()
            g.load(f.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
            res = g.query(f"SELECT ?p ?d WHERE {{ ?s <{sh}path> ?p ; <{sh}datatype> ?d FILTER(isIRI(?p)) }}")
            assert isinstance(res, pyoxigraph.QuerySolutions)
            for sol in res:
                found.setdefault(sol["p"].value, set()).add(sol["d"].value)
        _DATATYPES = {p: next(iter(ds)) for p, ds in found.items() if len(ds) == 1 and next(iter(ds)) in _INTEGER_TYPES}
    return _DATATYPES


def restore_datatypes(statements: Iterable[T]) -> Iterator[T]:
    """The triples (or quads) with ``xsd:integer`` values of those properties given their declared type back."""
    declared = declared_integer_types()
    xsd_integer = "http://www.w3.org/2001/XMLSchema#integer"
    for t in statements:
        o = t.object
        dt = declared.get(t.predicate.value)
        if dt is not None and isinstance(o, pyoxigraph.Literal) and o.datatype.value == xsd_integer:
            o = pyoxigraph.Literal(o.value, datatype=pyoxigraph.NamedNode(dt))
            if isinstance(t, pyoxigraph.Quad):
                yield pyoxigraph.Quad(t.subject, t.predicate, o, t.graph_name)
            else:
                yield pyoxigraph.Triple(t.subject, t.predicate, o)
            continue
        yield t
