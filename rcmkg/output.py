"""Deterministic Turtle and atomic writes.

The converter builds plain triples (:class:`IRI`, :class:`Lit`, :class:`BNode`) and writes them here:
subjects sorted, ``rdf:type`` first, predicates and objects sorted, fixed prefixes, and IRIs under the
base's ``id/`` written relative to an ``@base``, so the same triples always give the same bytes.
(rdflib's Turtle writer is superlinear on hierarchical IRIs and pyoxigraph's orders prefixes by a
hash map, so neither gives byte-stable, fast output.) Every file is written to a temporary file in
the same folder and moved into place with :func:`os.replace`, so a reader never sees half a file
and a failed run never replaces a good one.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rcmkg.namespaces import PREFIXES, RDF, XSD


class IRI(str):
    """An IRI term."""

    __slots__ = ()


@dataclass(frozen=True, order=True)
class BNode:
    id: str


@dataclass(frozen=True)
class Lit:
    value: str
    lang: str | None = None
    datatype: str | None = None

    def sort_key(self) -> tuple[str, str, str]:
        return (self.datatype or "", self.lang or "", self.value)


Term = IRI | BNode | Lit
Triple = tuple[IRI | BNode, IRI, Term]

_PN_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_ESC = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESC = re.compile(r'[\\"\n\r\t\b\f\x00-\x1f\x7f]')
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _escape(s: str) -> str:
    return _NEEDS_ESC.sub(lambda m: _ESC.get(m.group(0), f"\\u{ord(m.group(0)):04X}"), s)


def _iri_ref(iri: str) -> str:
    if _IRI_BAD.search(iri):
        iri = _IRI_BAD.sub(lambda m: f"\\u{ord(m.group(0)):04X}", iri)
    return f"<{iri}>"


class TurtleWriter:
    """Writes triples as Turtle; ``base`` is the rcmkg base IRI (things under ``{base}id/`` are relative)."""

    def __init__(self, base: str, prefixes: dict[str, str] | None = None) -> None:
        self.id_base = base + "id/"
        self.prefixes = dict(prefixes or PREFIXES)
        # Longest namespace first so "act:" wins over a shorter one that also matches.
        self._ns = sorted(self.prefixes.items(), key=lambda kv: -len(kv[1]))
        self._cache: dict[str, str] = {}

    def term(self, t: Term) -> str:
        if isinstance(t, Lit):
            if t.datatype == XSD + "boolean" and t.value in ("true", "false"):
                return t.value
            if t.datatype == XSD + "integer" and re.fullmatch(r"[+-]?\d+", t.value):
                return t.value
            s = f'"{_escape(t.value)}"'
            if t.lang:
                return f"{s}@{t.lang}"
            if t.datatype and t.datatype != XSD + "string":
                return f"{s}^^{self.iri(t.datatype)}"
            return s
        if isinstance(t, BNode):
            return f"_:{t.id}"
        return self.iri(t)

    def iri(self, iri: str) -> str:
        cached = self._cache.get(iri)
        if cached is None:
            cached = self._cache[iri] = self._iri(iri)
        return cached

    def _iri(self, iri: str) -> str:
        if iri == RDF + "type":
            return "a"
        for p, ns in self._ns:
            if iri.startswith(ns) and len(iri) > len(ns) and _PN_LOCAL.match(iri[len(ns) :]):
                return f"{p}:{iri[len(ns):]}"
        if iri.startswith(self.id_base) and len(iri) > len(self.id_base):
            return _iri_ref(iri[len(self.id_base) :])
        return _iri_ref(iri)

    def write(self, triples: Iterable[Triple], header: str = "") -> str:
        by_subject: dict[IRI | BNode, dict[IRI, set[Term]]] = {}
        for s, p, o in triples:
            by_subject.setdefault(s, {}).setdefault(p, set()).add(o)
        out: list[str] = []
        if header:
            out.extend(f"# {line}".rstrip() for line in header.splitlines())
        out.append(f"@base <{self.id_base}> .")
        used = {p for p, ns in self.prefixes.items()}
        for p, ns in self.prefixes.items():
            if p in used:
                out.append(f"@prefix {p}: <{ns}> .")
        out.append("")

        def skey(s: IRI | BNode) -> tuple[int, str]:
            return (1, s.id) if isinstance(s, BNode) else (0, str(s))

        def okey(o: Term) -> tuple[int, tuple[str, ...]]:
            if isinstance(o, Lit):
                return (2, o.sort_key())
            if isinstance(o, BNode):
                return (1, (o.id,))
            return (0, (str(o),))

        for s in sorted(by_subject, key=skey):
            preds = by_subject[s]
            keys = sorted(preds, key=lambda p: (p != RDF + "type", str(p)))
            lines = []
            for p in keys:
                sep = ",\n        " if len(preds[p]) > 2 else ", "
                objs = sep.join(self.term(o) for o in sorted(preds[p], key=okey))
                lines.append(f"{self.iri(p)} {objs}")
            out.append(f"{self.term(s)} " + " ;\n    ".join(lines) + " .")
            out.append("")
        return "\n".join(out)


def ntriples(triples: Iterable[Triple]) -> str:
    """N-Triples of the triples (absolute IRIs), sorted: for dumps and for loading."""

    def t(x: Term) -> str:
        if isinstance(x, Lit):
            s = f'"{_escape(x.value)}"'
            if x.lang:
                return f"{s}@{x.lang}"
            if x.datatype and x.datatype != XSD + "string":
                return f"{s}^^<{x.datatype}>"
            return s
        if isinstance(x, BNode):
            return f"_:{x.id}"
        return _iri_ref(x)

    return "".join(sorted(f"{t(s)} {t(p)} {t(o)} .\n" for s, p, o in triples))


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically (temp file in the same folder, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
