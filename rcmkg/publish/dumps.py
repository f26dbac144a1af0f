"""The dumps of the published graphs (Turtle, gzipped N-Triples, TriG, JSON-LD), for the site's
``dumps/`` folder and the server's ``/dumps/`` (made there on first request)."""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Generic, TypeVar, cast

import pyoxigraph

from rcmkg.publish.source import published_dataset, published_graphs, restore_datatypes
from rcmkg.publish.void import DUMPS, Distribution
from rcmkg.sparql.terms import stable_blank_nodes
from rcmkg.sparql.writers import OUTPUT_PREFIXES

T = TypeVar("T")


class _Counter(Generic[T]):
    """Counts what passes through an iterator (the dumps' triple counts are what was written)."""

    def __init__(self, it: Iterable[T]) -> None:
        self.it = iter(it)
        self.n = 0

    def __iter__(self) -> Iterator[T]:
        for x in self.it:
            self.n += 1
            yield x


def _merged(store: pyoxigraph.Store, base: str) -> Iterator[pyoxigraph.Triple]:
    # CONSTRUCT returns a set: a triple stated in two graphs (a registry label repeated in a report)
    # is written once, as a merge of the graphs should. Blank nodes get labels from the graph, not
    # from the load, so the same input gives the same bytes (and the same size and checksum).
    result = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", **published_dataset(store, base))
    assert isinstance(result, pyoxigraph.QueryTriples)
    return stable_blank_nodes(restore_datatypes(result))


def write_dumps(store: pyoxigraph.Store, folder: Path, base: str) -> list[Distribution]:
    """Write the four dumps of the published graphs into ``folder``; each :class:`Distribution`
    gets its size and triple count."""
    keep = set(published_graphs(store, base))

    folder.mkdir(parents=True, exist_ok=True)
    # The merge is made once, as the gzipped N-Triples; Turtle and JSON-LD read it back (the parser
    # keeps its blank node labels, so they write the same triples in the same order as from the
    # merge itself). Made for each, its Python passes over every triple were a tenth of a publish.
    order = sorted(DUMPS, key=lambda d: d.key != "nt.gz")
    merged: Path | None = None
    out: dict[str, Distribution] = {}
    for d in order:
        path = folder / d.filename
        tmp = path.with_name(f".{path.name}.part")
        if d.key == "nt.gz":
            counter = _Counter(_merged(store, base))
            # mtime=0: the same graph gives the same bytes, so the ETag and checksum stay stable.
            with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
                pyoxigraph.serialize(counter, cast(IO[bytes], gz), pyoxigraph.RdfFormat.N_TRIPLES)
            n = counter.n
            merged = path
        elif d.key == "trig":
            quads = _Counter(stable_blank_nodes(restore_datatypes(
                q for q in store if isinstance(q.graph_name, pyoxigraph.DefaultGraph) or q.graph_name.value in keep)))
            pyoxigraph.serialize(quads, str(tmp), pyoxigraph.RdfFormat.TRIG, prefixes=OUTPUT_PREFIXES)
            n = quads.n
        else:
            assert merged is not None  # written first (order)
            fmt = pyoxigraph.RdfFormat.TURTLE if d.key == "ttl" else pyoxigraph.RdfFormat.JSON_LD
            with gzip.open(merged, "rb") as nt:
                # lenient: no IRI checks, the file was written from valid terms a moment ago.
                triples = pyoxigraph.parse(cast(IO[bytes], nt), pyoxigraph.RdfFormat.N_TRIPLES, lenient=True)
                pyoxigraph.serialize(triples, str(tmp), fmt, prefixes=OUTPUT_PREFIXES if d.key == "ttl" else None)
            n = out["nt.gz"].triples or 0
        os.replace(tmp, path)
        out[d.key] = replace(d, triples=n, byte_size=path.stat().st_size)
    return [out[d.key] for d in DUMPS]
