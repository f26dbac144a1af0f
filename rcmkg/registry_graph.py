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

from rcmkg.errors import StoreError
from rcmkg.settings import DEFAULT_BASE


@dataclass(frozen=True)
class ReferenceData:
    """One reference graph's content: N-Triples (rebased), the files it came from and their hash."""

    kind: str
    files: tuple[Path, ...]
    sha256: str
    ntriples: bytes


def reference_files(kind: str) -> list[Path]:
    """The Turtle files of ``kind`` (``registry`` or ``ontology``), in name order."""
    from rcmkg.resources import resource_files

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
    import pyoxigraph as ox

    sha, files = reference_hash(kind, base)
    old, new = DEFAULT_BASE + "id/", base + "id/"
    triples: list[ox.Triple] = []
    for f in files:
        try:
            parsed = list(ox.parse(path=str(f), format=ox.RdfFormat.TURTLE, rename_blank_nodes=True))
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"{f}: cannot read the {kind}: {exc}") from None
        if old != new:
            parsed = [_rebase_triple(t, old, new) for t in parsed]
        triples.extend(ox.Triple(q.subject, q.predicate, q.object) for q in parsed)
    return ReferenceData(kind, tuple(files), sha, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))


def _rebase_triple(t: object, old: str, new: str) -> object:
    import pyoxigraph as ox

    def move(term: object) -> object:
        if isinstance(term, ox.NamedNode) and term.value.startswith(old):
            return ox.NamedNode(new + term.value[len(old):])
        return term

    return ox.Triple(move(t.subject), move(t.predicate), move(t.object))  # type: ignore[attr-defined]


__all__ = ["ReferenceData", "reference_data", "reference_files", "reference_hash"]
