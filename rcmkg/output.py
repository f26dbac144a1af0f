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

import contextlib
import ctypes
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
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
_INTEGER = re.compile(r"[+-]?\d+")
_RDF_TYPE = IRI(RDF + "type")
_XSD_BOOLEAN, _XSD_INTEGER, _XSD_STRING = XSD + "boolean", XSD + "integer", XSD + "string"
_ESC = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESC = re.compile(r'[\\"\n\r\t\b\f\x00-\x1f\x7f]')
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _escape(s: str) -> str:
    if _NEEDS_ESC.search(s) is None:
        return s
    return _NEEDS_ESC.sub(lambda m: _ESC.get(m.group(0), f"\\u{ord(m.group(0)):04X}"), s)


def _iri_ref(iri: str) -> str:
    if _IRI_BAD.search(iri):
        iri = _IRI_BAD.sub(lambda m: f"\\u{ord(m.group(0)):04X}", iri)
    return f"<{iri}>"


class TurtleWriter:
    """Writes triples as Turtle; ``base`` is the rcmkg base IRI (things under ``{base}id/`` are relative).

    A writer keeps the text of the IRIs it has written, so one writer used for many files (see
    :func:`turtle_writer`) spells the vocabulary's IRIs once per process, not once per file.
    """

    #: IRIs whose text is kept at most; past it the memo starts again (a long run names many things once).
    CACHE_MAX = 100_000

    def __init__(self, base: str, prefixes: dict[str, str] | None = None) -> None:
        self.id_base = base + "id/"
        self.prefixes = dict(prefixes or PREFIXES)
        # Longest namespace first so "act:" wins over a shorter one that also matches.
        self._ns = sorted(self.prefixes.items(), key=lambda kv: -len(kv[1]))
        # An IRI under id/ can only start with a namespace that is a prefix of id/ or lies under it.
        self._ns_id = [(p, ns) for p, ns in self._ns if ns.startswith(self.id_base) or self.id_base.startswith(ns)]
        # When every namespace ends in "/" or "#", the only one that can give a prefixed name is the IRI
        # up to its last "/" or "#" (a local name has neither): one dictionary look-up, not a scan.
        self._by_ns: dict[str, str] | None = None
        if all(ns.endswith(("/", "#")) for ns in self.prefixes.values()):
            self._by_ns = {}
            for p, ns in reversed(self._ns):  # the first prefix of a namespace given twice wins, as in the scan
                self._by_ns[ns] = p
        self._cache: dict[str, str] = {}
        self._head = [f"@base <{self.id_base}> ."] + [f"@prefix {p}: <{ns}> ." for p, ns in self.prefixes.items()] + [""]

    def term(self, t: Term) -> str:
        if isinstance(t, Lit):
            return self._literal(t)
        if isinstance(t, BNode):
            return f"_:{t.id}"
        return self.iri(t)

    def _literal(self, t: Lit) -> str:
        dt = t.datatype
        if dt == _XSD_BOOLEAN and t.value in ("true", "false"):
            return t.value
        if dt == _XSD_INTEGER and _INTEGER.fullmatch(t.value):
            return t.value
        v = t.value
        s = f'"{v if _NEEDS_ESC.search(v) is None else _escape(v)}"'
        if t.lang:
            return f"{s}@{t.lang}"
        if dt and dt != _XSD_STRING:
            return f"{s}^^{self.iri(dt)}"
        return s

    def iri(self, iri: str) -> str:
        cached = self._cache.get(iri)
        if cached is None:
            cached = self._cache[iri] = self._iri(iri)
        return cached

    def _iri(self, iri: str) -> str:
        if iri == _RDF_TYPE:
            return "a"
        under_id = iri.startswith(self.id_base)
        if self._by_ns is not None:
            cut = max(iri.rfind("/"), iri.rfind("#")) + 1
            p = self._by_ns.get(iri[:cut]) if 0 < cut < len(iri) else None
            if p is not None and _PN_LOCAL.match(iri[cut:]):
                return f"{p}:{iri[cut:]}"
        else:
            for p, ns in self._ns_id if under_id else self._ns:
                if iri.startswith(ns) and len(iri) > len(ns) and _PN_LOCAL.match(iri[len(ns) :]):
                    return f"{p}:{iri[len(ns):]}"
        if under_id and len(iri) > len(self.id_base):
            return _iri_ref(iri[len(self.id_base) :])
        return _iri_ref(iri)

    def write(self, triples: Iterable[Triple], header: str = "") -> str:
        cache = self._cache
        if len(cache) > self.CACHE_MAX:
            cache.clear()
        by_subject: dict[IRI | BNode, dict[IRI, set[Term]]] = {}
        for s, p, o in triples:
            preds = by_subject.get(s)
            if preds is None:
                by_subject[s] = {p: {o}}
                continue
            objs = preds.get(p)
            if objs is None:
                preds[p] = {o}
            else:
                objs.add(o)
        out: list[str] = []
        if header:
            out.extend(f"# {line}".rstrip() for line in header.splitlines())
        out.extend(self._head)

        # Subjects: IRIs by their text, then blank nodes by id. Objects: IRIs, then blank nodes,
        # then literals by (datatype, language, value); two literals with the same key print alike.
        iris = sorted(s for s in by_subject if not isinstance(s, BNode))
        bnodes = sorted((s for s in by_subject if isinstance(s, BNode)), key=lambda b: b.id)
        iri, literal = self.iri, self._literal
        for s in iris + bnodes:
            preds = by_subject[s]
            keys = sorted(preds)
            if _RDF_TYPE in preds and keys[0] != _RDF_TYPE:
                keys.remove(_RDF_TYPE)
                keys.insert(0, _RDF_TYPE)
            lines = []
            for p in keys:
                objs = preds[p]
                if len(objs) == 1:
                    for o in objs:
                        if isinstance(o, Lit):
                            text = literal(o)
                        elif isinstance(o, BNode):
                            text = f"_:{o.id}"
                        else:
                            text = cache.get(o) or iri(o)
                else:
                    text = self._objects(objs, ",\n        " if len(objs) > 2 else ", ")
                lines.append(f"{cache.get(p) or iri(p)} {text}")
            subject = f"_:{s.id}" if isinstance(s, BNode) else (cache.get(s) or iri(s))
            out.append(f"{subject} " + " ;\n    ".join(lines) + " .")
            out.append("")
        return "\n".join(out)

    def _objects(self, objs: set[Term], sep: str) -> str:
        keyed: list[tuple[int, tuple[str, ...], str]] = []
        for o in objs:
            if isinstance(o, Lit):
                keyed.append((2, o.sort_key(), self._literal(o)))
            elif isinstance(o, BNode):
                keyed.append((1, (o.id,), f"_:{o.id}"))
            else:
                keyed.append((0, (str(o),), self.iri(o)))
        keyed.sort()
        return sep.join(k[2] for k in keyed)


@lru_cache(maxsize=4)
def turtle_writer(base: str) -> TurtleWriter:
    """The writer for ``base`` with the default prefixes, one per process (it keeps IRI texts)."""
    return TurtleWriter(base)


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


class BatchedWrites:
    """Atomic writes made durable a batch at a time (``rcmkg convert`` writes thousands of files).

    :meth:`write` puts the data in a temporary file beside its target; :meth:`flush` (every
    ``batch`` files, and at the end) makes all of them durable with one ``syncfs`` of their file
    system (an ``fsync`` per file where there is no ``syncfs``), then renames each over its target
    and syncs the folders once. A crash leaves every target as it was or as written, never partial;
    what it loses is at most the last batch's renames, which the next run writes again.
    """

    def __init__(self, batch: int = 100) -> None:
        self.batch = batch
        self.pending: list[tuple[str, Path]] = []

    def write(self, path: Path, data: str | bytes) -> list[tuple[Path, OSError]]:
        """Queue ``data`` for ``path``; returns the failures of a flush this caused (see :meth:`flush`).
        Raises :class:`OSError` when the temporary file cannot be written (``path`` is left as it is)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = data.encode("utf-8") if isinstance(data, str) else data
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(raw)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        self.pending.append((tmp, path))
        return self.flush() if len(self.pending) >= self.batch else []

    def flush(self) -> list[tuple[Path, OSError]]:
        """Make the queued files durable and move them into place; returns (target, error) for each
        one that could not be (its target is left as it was)."""
        pending, self.pending = self.pending, []
        if not pending:
            return []
        failed: list[tuple[Path, OSError]] = []
        try:
            _sync([tmp for tmp, _ in pending])
        except OSError as exc:  # nothing is renamed: every target stays as it was
            for tmp, path in pending:
                failed.append((path, exc))
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            return failed
        folders = set()
        for tmp, path in pending:
            try:
                os.replace(tmp, path)
                folders.add(path.parent)
            except OSError as exc:
                failed.append((path, exc))
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        for folder in sorted(folders):
            with contextlib.suppress(OSError):  # the renames are done; only their durability is at stake
                fd = os.open(folder, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        return failed

    def discard(self) -> None:
        """Drop the queued files (their targets stay as they were)."""
        for tmp, _ in self.pending:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        self.pending = []


_libc: ctypes.CDLL | None = None


def _sync(paths: list[str]) -> None:
    """Make the files at ``paths`` durable: one ``syncfs`` per file system they are on, or one
    ``fsync`` per file where the C library has no ``syncfs``."""
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)  # the process's own symbols: libc's on Linux
    syncfs = getattr(_libc, "syncfs", None)
    if syncfs is None:
        for p in paths:
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        return
    devices: dict[int, str] = {}
    for p in paths:
        devices.setdefault(os.stat(p).st_dev, p)
    for p in devices.values():
        fd = os.open(p, os.O_RDONLY)
        try:
            if syncfs(fd) != 0:
                err = ctypes.get_errno()
                raise OSError(err, os.strerror(err), p)
        finally:
            os.close(fd)
