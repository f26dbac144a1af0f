"""Publishing the graph as linked data: a server, a static site and a push to a triple store.

* :func:`rcmkg.publish.server.create_app` - the ASGI app (``rcmkg serve``)
* :func:`rcmkg.publish.site.publish_site` - the static site (``rcmkg publish``)
* :func:`rcmkg.publish.push.push` - Graph Store Protocol upload (``rcmkg push``)

All three read the project's store (:mod:`rcmkg.store`): one named graph per report
(``{base}id/graph/{body}/{date}``), the registry and the ontology graphs, plus graphs the store
derives for itself (``meta``: load bookkeeping; ``ontology-closure`` and ``inferred``:
entailments). What is *published* (pages, dumps, VoID counts, push) is the asserted data: the
report, registry and ontology graphs (:func:`published_graphs`). The SPARQL endpoint answers over
the union of every graph, entailments included, as ``rcmkg query`` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rcmkg.errors import UsageError
from rcmkg.settings import Settings

#: Graphs the store derives for itself (under ``{base}id/graph/``): not published, not pushed.
DERIVED_GRAPHS = ("meta", "ontology-closure", "inferred")


def derived_graphs(base: str) -> tuple[str, ...]:
    """IRIs of the store's own graphs (bookkeeping and entailments) under ``base``."""
    try:
        from rcmkg.store import GraphNames

        return GraphNames.for_base(base).derived
    except ImportError:  # pragma: no cover - the store module ships with rcmkg
        return tuple(f"{base}id/graph/{name}" for name in DERIVED_GRAPHS)


def published_graphs(store: Any, base: str) -> list[str]:
    """The named graphs that hold asserted data: every report, the registry and the ontology."""
    skip = set(derived_graphs(base))
    return sorted(g.value for g in store.named_graphs() if type(g).__name__ == "NamedNode" and g.value not in skip)


def pyox(store: Any) -> Any:
    """The pyoxigraph store inside ``store`` (a :class:`rcmkg.store.LocalStore` or a pyoxigraph Store)."""
    for attr in ("ox", "store"):
        inner = getattr(store, attr, None)
        if inner is not None and hasattr(inner, "quads_for_pattern"):
            return inner
    if hasattr(store, "quads_for_pattern"):
        return store
    raise UsageError("serving, publishing and pushing need a local store (pyoxigraph), not a remote endpoint: "
                     "give --store DIR or --data DIR")


def store_path(store: Any) -> str | None:
    """The directory of an on-disk store, or None for a memory store."""
    path = getattr(store, "path", None)
    return str(path) if path is not None and Path(path).is_dir() else None


def open_source(settings: Settings, store: str | Path | None = None, data: Sequence[str | Path] = ()) -> Any:
    """The store to publish: converted Turtle under ``data`` loaded in memory, else the on-disk store
    (``store`` or ``settings.store``) opened read-only.

    Read-only because serving and publishing only read, and because RocksDB lets read-only openers
    run beside ``rcmkg load`` holding the write lock (restart ``serve`` to see what a load added).
    """
    from rcmkg.store import LocalStore, open_data

    if data and store:
        raise UsageError("give only one of --store and --data")
    if data:
        return open_data(list(data), settings.base)
    return LocalStore(store or settings.store, base=settings.base, read_only=True)


def published_dataset(store: Any, base: str) -> dict[str, Any]:
    """Keyword arguments for ``pyoxigraph.Store.query`` whose default graph is the merge of the
    published graphs (and the store's default graph, where tests and hand-made stores put data)."""
    import pyoxigraph

    graphs = published_graphs(store, base)
    return {"default_graph": [pyoxigraph.DefaultGraph(), *(pyoxigraph.NamedNode(g) for g in graphs)]}


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
        import pyoxigraph

        from rcmkg.resources import resource_files

        sh = "http://www.w3.org/ns/shacl#"
        found: dict[str, set[str]] = {}
        for f in resource_files("shapes"):
            g = pyoxigraph.Store()
            g.load(f.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
            res = g.query(f"SELECT ?p ?d WHERE {{ ?s <{sh}path> ?p ; <{sh}datatype> ?d FILTER(isIRI(?p)) }}")
            for sol in res:
                found.setdefault(sol["p"].value, set()).add(sol["d"].value)
        _DATATYPES = {p: next(iter(ds)) for p, ds in found.items() if len(ds) == 1 and next(iter(ds)) in _INTEGER_TYPES}
    return _DATATYPES


def restore_datatypes(triples: Any) -> Any:
    """The triples (or quads) with ``xsd:integer`` values of those properties given their declared type back."""
    import pyoxigraph

    declared = declared_integer_types()
    xsd_integer = "http://www.w3.org/2001/XMLSchema#integer"
    for t in triples:
        o = t.object
        dt = declared.get(t.predicate.value)
        if dt is not None and type(o).__name__ == "Literal" and o.datatype.value == xsd_integer:
            o = pyoxigraph.Literal(o.value, datatype=pyoxigraph.NamedNode(dt))
            t = (pyoxigraph.Quad(t.subject, t.predicate, o, t.graph_name) if hasattr(t, "graph_name")
                 else pyoxigraph.Triple(t.subject, t.predicate, o))
        yield t
