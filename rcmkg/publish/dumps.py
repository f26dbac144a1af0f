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


class _MergedNTriples:
    """Writes the merge of the quads passing through it (:meth:`through`) as N-Triples into ``out``:
    each triple once (a triple stated in two graphs, a registry label repeated in a report, is
    written once, as a merge of the graphs should). Blank nodes, labelled per graph, are never in
    two graphs; the other triples are told apart by a digest of their N-Triples form (16 bytes each,
    not the text: millions of them at 10,000 reports). ``str`` of a triple is its N-Triples form,
    the line pyoxigraph's serializer writes without its " .": made here, the TriG is not read back
    and serialized again (about 5 % of the four dumps' CPU)."""

    #: Lines gathered before a write: one call into gzip per many triples.
    LINES = 4096

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.n = 0
        self._seen: set[bytes] = set()
        self._lines: list[str] = []

    def through(self, quads: Iterable[pyoxigraph.Quad]) -> Iterator[pyoxigraph.Quad]:
        seen, lines, blake2b, blank = self._seen, self._lines, hashlib.blake2b, pyoxigraph.BlankNode
        for q in quads:
            yield q
            t = q.triple
            line = str(t)
            if not (isinstance(t.subject, blank) or isinstance(t.object, blank)):
                key = blake2b(line.encode(), digest_size=16).digest()
                if key in seen:
                    continue
                seen.add(key)
            lines.append(line)
            if len(lines) >= self.LINES:
                self._flush()
        self._flush()

    def _flush(self) -> None:
        if self._lines:
            self.n += len(self._lines)
            self.out.write((" .\n".join(self._lines) + " .\n").encode())
            self._lines.clear()


def write_dumps(store: pyoxigraph.Store, folder: Path, base: str) -> list[Distribution]:
    """Write the four dumps of the published graphs into ``folder``; each :class:`Distribution`
    gets its size and triple count."""
    folder.mkdir(parents=True, exist_ok=True)
    # The store is read once (reading it costs microseconds a quad, and the relabelling of blank
    # nodes as much again: at 10,000 reports, two reads were six minutes), for the TriG and, in
    # the same pass, the merge as gzipped N-Triples; Turtle and JSON-LD read that back in turn.
    out: dict[str, Distribution] = {}
    paths = {d.key: folder / d.filename for d in DUMPS}
    parts = {key: path.with_name(f".{path.name}.part") for key, path in paths.items()}
    # mtime=0: the same graph gives the same bytes, so the ETag and checksum stay stable. Level 6,
    # zlib's default: level 9 takes twice the time for a percent or two.
    with open(parts["nt.gz"], "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="",
                                                          compresslevel=6) as gz:
        merged = _MergedNTriples(cast(IO[bytes], gz))
        quads = _Counter(merged.through(_published_quads(store, base)))
        pyoxigraph.serialize(quads, str(parts["trig"]), pyoxigraph.RdfFormat.TRIG, prefixes=OUTPUT_PREFIXES)
    counts = {"trig": quads.n, "nt.gz": merged.n}
    for key in ("trig", "nt.gz"):
        os.replace(parts[key], paths[key])
    for key, fmt in (("ttl", pyoxigraph.RdfFormat.TURTLE), ("jsonld", pyoxigraph.RdfFormat.JSON_LD)):
        with gzip.open(paths["nt.gz"], "rb") as nt:
            # lenient: no IRI checks, the file was written from valid terms a moment ago.
            triples = pyoxigraph.parse(cast(IO[bytes], nt), pyoxigraph.RdfFormat.N_TRIPLES, lenient=True)
            pyoxigraph.serialize(triples, str(parts[key]), fmt, prefixes=OUTPUT_PREFIXES if key == "ttl" else None)
        os.replace(parts[key], paths[key])
        counts[key] = merged.n
    for d in DUMPS:
        out[d.key] = replace(d, triples=counts[d.key], byte_size=paths[d.key].stat().st_size)
    return [out[d.key] for d in DUMPS]
