"""The dumps of the published graphs (Turtle, gzipped N-Triples, TriG, JSON-LD), for the site's
``dumps/`` folder and the server's ``/dumps/`` (made there on first request)."""

from __future__ import annotations

import gzip
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Generic, TypeVar, cast

import pyoxigraph

from rcmkg.publish.source import published_graphs, restore_datatypes
from rcmkg.publish.void import DUMPS, Distribution
from rcmkg.sparql.terms import stable_blank_nodes
from rcmkg.sparql.writers import OUTPUT_PREFIXES
from rcmkg.store.local import graphs_with_named_blank_nodes

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


def _published_quads(store: pyoxigraph.Store, base: str) -> Iterator[pyoxigraph.Quad]:
    """The quads of the default graph, then of each published graph in IRI order, with their
    declared datatypes, blank nodes labelled from the graph (the same input must give the same
    bytes). A graph whose blank nodes the load named from it is written in the store's order; the
    others were loaded with random names, relabelled here per graph (no blank node is in two
    graphs): only one graph's blank statements are held at a time. (At 10,000 reports the
    relabelling was 39 s of the TriG's 98 s of CPU.)"""
    graphs: list[pyoxigraph.NamedNode | pyoxigraph.DefaultGraph] = [pyoxigraph.DefaultGraph()]
    graphs += [pyoxigraph.NamedNode(g) for g in published_graphs(store, base)]
    named = graphs_with_named_blank_nodes(store, base)
    for g in graphs:
        quads = restore_datatypes(store.quads_for_pattern(None, None, None, g))
        yield from quads if isinstance(g, pyoxigraph.NamedNode) and g.value in named else stable_blank_nodes(quads)


def _merge(quads: Iterable[pyoxigraph.Quad]) -> Iterator[pyoxigraph.Triple]:
    """The triples of ``quads``, each once: a triple stated in two graphs (a registry label repeated
    in a report) is written once, as a merge of the graphs should. Blank nodes, labelled per graph,
    are never in two graphs; the other triples are told apart by a digest of their N-Triples form
    (16 bytes each, not the text: millions of them at 10,000 reports)."""
    seen: set[bytes] = set()
    blake2b = hashlib.blake2b
    for q in quads:
        t = q.triple
        if not (isinstance(t.subject, pyoxigraph.BlankNode) or isinstance(t.object, pyoxigraph.BlankNode)):
            key = blake2b(str(t).encode(), digest_size=16).digest()
            if key in seen:
                continue
            seen.add(key)
        yield t


def write_dumps(store: pyoxigraph.Store, folder: Path, base: str) -> list[Distribution]:
    """Write the four dumps of the published graphs into ``folder``; each :class:`Distribution`
    gets its size and triple count."""
    folder.mkdir(parents=True, exist_ok=True)
    # The store is read once, for the TriG (reading it costs microseconds a quad, and the
    # relabelling of blank nodes as much again: at 10,000 reports, two reads were six minutes). The
    # merge is made from the TriG, read back by the parser (which keeps its blank node labels), as
    # gzipped N-Triples; Turtle and JSON-LD read that back in turn.
    order = sorted(DUMPS, key=lambda d: ("trig", "nt.gz").index(d.key) if d.key in ("trig", "nt.gz") else 2)
    out: dict[str, Distribution] = {}
    for d in order:
        path = folder / d.filename
        tmp = path.with_name(f".{path.name}.part")
        if d.key == "trig":
            quads = _Counter(_published_quads(store, base))
            pyoxigraph.serialize(quads, str(tmp), pyoxigraph.RdfFormat.TRIG, prefixes=OUTPUT_PREFIXES)
            n = quads.n
        elif d.key == "nt.gz":
            # lenient: no IRI checks, the file was written from valid terms a moment ago.
            counter = _Counter(_merge(pyoxigraph.parse(path=str(folder / _filename("trig")), format=pyoxigraph.RdfFormat.TRIG,
                                                       lenient=True)))
            # mtime=0: the same graph gives the same bytes, so the ETag and checksum stay stable. Level
            # 6, zlib's default: level 9 takes twice the time for a percent or two.
            with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="", compresslevel=6) as gz:
                pyoxigraph.serialize(counter, cast(IO[bytes], gz), pyoxigraph.RdfFormat.N_TRIPLES)
            n = counter.n
        else:
            fmt = pyoxigraph.RdfFormat.TURTLE if d.key == "ttl" else pyoxigraph.RdfFormat.JSON_LD
            with gzip.open(folder / _filename("nt.gz"), "rb") as nt:
                triples = pyoxigraph.parse(cast(IO[bytes], nt), pyoxigraph.RdfFormat.N_TRIPLES, lenient=True)
                pyoxigraph.serialize(triples, str(tmp), fmt, prefixes=OUTPUT_PREFIXES if d.key == "ttl" else None)
            n = out["nt.gz"].triples or 0
        os.replace(tmp, path)
        out[d.key] = replace(d, triples=n, byte_size=path.stat().st_size)
    return [out[d.key] for d in DUMPS]


def _filename(key: str) -> str:
    return next(d.filename for d in DUMPS if d.key == key)
