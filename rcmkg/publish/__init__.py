"""Publishing the graph as linked data: a server, a static site and a push to a triple store.

* :func:`rcmkg.publish.server.create_app` - the ASGI app (``rcmkg serve``)
* :func:`rcmkg.publish.site.publish_site` - the static site (``rcmkg publish``)
* :func:`rcmkg.publish.push.push` - Graph Store Protocol upload (``rcmkg push``)

Everything reads a pyoxigraph store with one named graph per report (``{base}id/graph/{body}/{date}``),
the registry graph and the ontology graph. :func:`open_store` opens the project's store through
:mod:`rcmkg.store`; :func:`load_graphs` builds the same layout in memory straight from converted
Turtle files (``--data DIR``), which serving or publishing a folder of converted reports needs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rcmkg.errors import StoreError
from rcmkg.namespaces import RCM, RDF
from rcmkg.settings import DEFAULT_BASE, Settings


def graph_iri(settings: Settings, name: str) -> str:
    """``{base}id/graph/{name}``: ``registry``, ``ontology`` or ``{body}/{date}``."""
    return f"{settings.base}id/graph/{name}"


def _rebase(term: Any, base: str) -> Any:
    from pyoxigraph import NamedNode

    if type(term).__name__ == "NamedNode" and term.value.startswith(DEFAULT_BASE) and base != DEFAULT_BASE:
        value = term.value
        # The ontology and vocabularies have fixed IRIs; only things ({base}id/...) move.
        if value.startswith(DEFAULT_BASE + "id/"):
            return NamedNode(base + value[len(DEFAULT_BASE):])
    return term


def _parse(data: bytes, base: str, graph: Any) -> list[Any]:
    import pyoxigraph

    quads = []
    for t in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE, base_iri=base + "id/"):
        quads.append(pyoxigraph.Quad(_rebase(t.subject, base), t.predicate, _rebase(t.object, base), graph))
    return quads


def load_graphs(paths: Iterable[Path], settings: Settings, *, registry: bool = True, ontology: bool = True) -> Any:
    """An in-memory pyoxigraph store with each converted report in its own named graph.

    ``paths`` are Turtle files or folders of them (as written by ``rcmkg convert``). The report's
    graph is named after its meeting (``{base}id/meeting/B/D`` -> ``{base}id/graph/B/D``); the
    registry and the ontology get ``{base}id/graph/registry`` and ``{base}id/graph/ontology``.

    >>> store = load_graphs([Path("data/rdf")], Settings())   # doctest: +SKIP
    """
    import pyoxigraph

    from rcmkg.resources import resource_files

    store = pyoxigraph.Store()
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(p.glob("*.ttl")))
        elif p.is_file():
            files.append(p)
        else:
            raise StoreError(f"{p}: no such file or folder")
    meeting_type = RCM + "Meeting"
    for f in files:
        try:
            triples = list(pyoxigraph.parse(f.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE))
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(f"{f}: cannot read Turtle: {exc}") from None
        meetings = sorted({t.subject.value for t in triples if t.predicate.value == RDF + "type"
                           and t.object.value == meeting_type})
        marker = settings.base + "id/meeting/"
        if len(meetings) != 1 or not meetings[0].startswith(marker):
            raise StoreError(f"{f}: expected one meeting under {marker}, found {len(meetings)}")
        graph = pyoxigraph.NamedNode(graph_iri(settings, meetings[0][len(marker):]))
        store.remove_graph(graph) if store.contains_named_graph(graph) else None
        store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
    if registry:
        g = pyoxigraph.NamedNode(graph_iri(settings, "registry"))
        for f in resource_files("registry"):
            store.extend(_parse(f.read_bytes(), settings.base, g))
    if ontology:
        g = pyoxigraph.NamedNode(graph_iri(settings, "ontology"))
        for f in resource_files("ontology"):
            store.extend(_parse(f.read_bytes(), settings.base, g))
    return store


def open_store(settings: Settings, path: str | os.PathLike[str] | None = None) -> tuple[Any, str]:
    """The project's on-disk store, opened read-only, and its directory.

    Read-only because the server and the publisher only read, and because RocksDB lets any number
    of read-only openers coexist while ``rcmkg load`` holds the write lock (restart ``serve`` to see
    what a load added).
    """
    import pyoxigraph

    location = str(path or settings.store)
    if not Path(location).is_dir():
        raise StoreError(f"no store at {location}: run `rcmkg load DIR` first, or pass --data DIR")
    try:
        return pyoxigraph.Store.read_only(location), location
    except OSError as exc:
        raise StoreError(f"cannot open the store at {location}: {exc}") from None
