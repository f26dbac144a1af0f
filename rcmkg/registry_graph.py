"""The registry and the ontology as RDF to load into a store, with a content hash each.

The registry (``data/registry/*.ttl``) is written under the default base; things under
``{DEFAULT_BASE}id/`` are moved to the configured base (the ontology ``ont#`` and vocabulary ``voc/``
IRIs are fixed and never move). The ontology graph holds ``ontology/*.ttl`` (the OWL ontology and the
SKOS vocabularies). The hash covers the file names, their bytes and the base, so a store reloads a
reference graph exactly when one of these changes.

>>> ref = reference_data("registry", "https://w3id.org/rcmkg/")            # doctest: +SKIP
>>> ref.sha256[:8], len(ref.ntriples) > 0                                  # doctest: +SKIP
('3f0c9a1e', True)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

from rcmkg.errors import StoreError
from rcmkg.iris import rebase
from rcmkg.resources import resource_files
from rcmkg.settings import DEFAULT_BASE
from rcmkg.sparql.terms import graph_blank_nodes


@dataclass(frozen=True)
class ReferenceData:
    """One reference graph's content: N-Triples (rebased), the files it came from and their hash."""

    kind: str
    files: tuple[Path, ...]
    sha256: str
    ntriples: bytes


def reference_files(kind: str) -> list[Path]:
    """The Turtle files of ``kind`` (``registry`` or ``ontology``), in name order."""
    return resource_files(kind, "*.ttl")


def reference_hash(kind: str, base: str) -> tuple[str, list[Path]]:
    """The content hash of ``kind`` under ``base`` (cheap: reads bytes, parses nothing)."""
    files = reference_files(kind)
    h = hashlib.sha256(f"{kind}\n{base}\n".encode())
    for f in files:
        h.update(f.name.encode() + b"\n")
        h.update(f.read_bytes())
        h.update(b"\n")
    return h.hexdigest(), files


def reference_data(kind: str, base: str) -> ReferenceData:
    """Parse and rebase the files of ``kind``; :class:`StoreError` names a file that does not parse."""
    sha, files = reference_hash(kind, base)
    triples: list[ox.Triple] = []
    for f in files:
        try:
            data = f.read_bytes()
            # each file's blank nodes named from the file and their label there: the same files load
            # with the same names (rcmkg.sparql.terms.graph_blank_nodes)
            parsed: list[Any] = graph_blank_nodes(list(ox.parse(data, format=ox.RdfFormat.TURTLE, rename_blank_nodes=False)),
                                       f"{kind}/{f.name}", data)
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"{f}: cannot read the {kind}: {exc}") from None
        if base != DEFAULT_BASE:
            parsed = [ox.Quad(_move(q.subject, base), ox.NamedNode(rebase(q.predicate.value, base)), _move(q.object, base))
                      for q in parsed]
        triples.extend(ox.Triple(q.subject, q.predicate, q.object) for q in parsed)
    return ReferenceData(kind, tuple(files), sha, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")


T = TypeVar("T", ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple)


def _move(term: T, base: str) -> T:
    if isinstance(term, ox.NamedNode):
        return ox.NamedNode(rebase(term.value, base))
    return term


__all__ = ["ReferenceData", "reference_data", "reference_files", "reference_hash"]
