"""The local store: pyoxigraph on disk (``Settings.store``, default ``.rcmkg/store``) or in memory.

Every query runs over the *union* of the named graphs (pyoxigraph ``use_default_graph_as_union``).
The graphs, what a load does and how entailments are kept are described in :mod:`rcmkg.store`.
Derived entries (the index, :mod:`rcmkg.index`) live in a second pyoxigraph store,
:class:`DerivedIndex`, ``index/`` inside the store's folder, so that they never show in query
answers or on the SPARQL endpoint; a load drops the entries a changed report may have made stale.

>>> with LocalStore(None) as store:
...     _ = store.load([])          # registry + ontology + entailments
...     store.query("ASK { ?c a rcm:Country }").boolean
True
"""

from __future__ import annotations

import gc
import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import msgspec
import pyoxigraph as ox
from pyoxigraph import Quad

from rcmkg.errors import QueryError, StoreError, UsageError
from rcmkg.namespaces import DCT, OWL, RCM, RDF, RDFS, XSD
from rcmkg.registry_graph import reference_data, reference_hash
from rcmkg.settings import DEFAULT_BASE
from rcmkg.sparql.bind import has_order_by, with_prologue
from rcmkg.sparql.results import QueryResult
from rcmkg.sparql.terms import from_ox, graph_blank_nodes, query_triples, solutions, term_value
from rcmkg.store import generations
from rcmkg.store.inference import HEADS, RuleIndex, Rules, rule_body, tbox_closure

VOID = "http://rdfs.org/ns/void#"
#: Up to this many changed reports, entailments and derived entries are updated for them only.
INCREMENTAL_LIMIT = 50

Triple = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal]
_TYPE = ox.NamedNode(RDF + "type")
_TYPE_IRI = RDF + "type"
_SHA = ox.NamedNode(RCM + "sha256")
#: In a graph's metadata: its blank nodes were named from the graph and their labels in its file
#: (rcmkg.sparql.terms.graph_blank_nodes), so the same file gives the same names, and the store the
#: graph's quads in the same order, at every load. Graphs without it were loaded with random names.
BLANK_NODE_NAMES = ox.NamedNode(RCM + "blankNodeNames")
_NAMED_FROM_GRAPH = ox.Literal("graph and label, blake2b-128")


@dataclass
class ReportChange:
    """One report graph a load replaced, added or removed: its triples before and after."""

    graph: str
    old: list[Triple]
    new: list[Triple]

    @property
    def meeting(self) -> str:
        return self.graph.replace("/id/graph/", "/id/meeting/", 1)

    def iris(self) -> set[str]:
        """The IRIs in the old and the new version (subjects and objects)."""
        return {t.value for triple in (*self.old, *self.new) for t in (triple[0], triple[2]) if isinstance(t, ox.NamedNode)}

    def changed_subjects(self) -> set[ox.NamedNode | ox.BlankNode]:
        """Subjects of the triples in one version and not the other."""
        old, new = set(self.old), set(self.new)
        return {t[0] for t in old ^ new}


class Concluded(NamedTuple):
    """What a first load gathers for :meth:`LocalStore._infer_from` as it parses the reports."""

    graphs: set[str]  # the graphs parsed
    conclusions: set[Triple]  # what the rules conclude from their triples
    stated: set[Triple]  # their triples that a rule could conclude (see :func:`conclude`)


@dataclass(frozen=True)
class GraphNames:
    """The IRIs of the store's fixed graphs under one base.

    >>> GraphNames.for_base("https://example.org/kg/").registry
    'https://example.org/kg/id/graph/registry'
    """

    meta: str
    registry: str
    ontology: str
    closure: str
    inferred: str
    cache: str  # where earlier builds kept derived entries, in the main store: dropped by the next load
    fulfilment: str  # the fulfilment assessments (rcmkg.index.commitments), written after the entailments

    @classmethod
    def for_base(cls, base: str) -> GraphNames:
        g = base + "id/graph/"
        return cls(g + "meta", g + "registry", g + "ontology", g + "ontology-closure", g + "inferred", g + "cache",
                   g + "fulfilment")

    @property
    def derived(self) -> tuple[str, ...]:
        """Graphs that hold no assertions of their own (never read by the inference rules)."""
        return (self.meta, self.closure, self.inferred, self.cache)

    @property
    def not_premises(self) -> tuple[str, ...]:
        """Graphs the inference rules never read: the derived ones and the fulfilment assessments,
        which are computed after the entailments (so a reload infers what a first load does)."""
        return (*self.derived, self.fulfilment)

    @property
    def fixed(self) -> tuple[str, ...]:
        """Every graph named here: none is a report's."""
        return (self.meta, self.registry, self.ontology, self.closure, self.inferred, self.cache, self.fulfilment)

    @property
    def not_asserted(self) -> tuple[str, ...]:
        """Graphs whose triples do not keep an entailment out of the inferred graph."""
        return (self.inferred, self.fulfilment)


ARCHIVE = "urn:rcmkg:archive"  # subject of the derived entries that depend on every report
INDEX_DIR = "index"  # the derived entries' store, inside the store's folder
MANIFEST = "files.json"  # the files the loads read, with their size, mtime and sha256 (LocalStore._read_manifest)


class Manifest(msgspec.Struct):
    """The files the loads read (path -> size, mtime_ns, sha256, graph), and whether the store's
    graphs are still what the last load that finished left."""

    trusted: bool
    files: dict[str, tuple[int, int, str, str]]


_MANIFEST_DECODER = msgspec.json.Decoder(Manifest)
_UNTRUSTED = ("urn:rcmkg:index", "urn:rcmkg:untrusted")  # set while a load is under way


def graphs_with_named_blank_nodes(store: ox.Store, base: str) -> set[str]:
    """The graphs whose blank nodes a load named from the graph (:data:`BLANK_NODE_NAMES`): the
    dumps write them as the store gives them, where other graphs' names must be made again."""
    meta = ox.NamedNode(GraphNames.for_base(base).meta)
    return {q.subject.value for q in store.quads_for_pattern(None, BLANK_NODE_NAMES, _NAMED_FROM_GRAPH, meta)
            if isinstance(q.subject, ox.NamedNode)}


def report_graph(meeting: str) -> str:
    """The named graph of the report of ``meeting``.

    >>> report_graph("https://w3id.org/rcmkg/id/meeting/rcm-lon-smtp/2018-07-19")
    'https://w3id.org/rcmkg/id/graph/rcm-lon-smtp/2018-07-19'
    """
    if "/id/meeting/" not in meeting:
        raise StoreError(f"{meeting} is not a meeting IRI ({{base}}id/meeting/{{body}}/{{date}})")
    return meeting.replace("/id/meeting/", "/id/graph/", 1)


_REPORT = ox.NamedNode(RCM + "Report")
_REPORT_OF = ox.NamedNode(RCM + "reportOf")
_REPORT_PREDICATES = frozenset((ox.NamedNode(RDF + "type"), _REPORT_OF))
#: The first line ``rcmkg convert`` writes: a comment naming the meeting (an IRI with none of the
#: characters an IRI in Turtle cannot hold).
_NAMED_MEETING = re.compile(rb"# (https?://[^\x00-\x20\x7f-\xff<>\"{}|^`\\]+)\r?\n")
#: The lines that open a Turtle document: blank, comments, and directives alone on their line (a
#: line with anything else after its directive is left to the body, where TriG refuses it).
_DIRECTIVES = re.compile(
    rb"(?:[ \t]*(?:#[^\r\n]*"
    rb"|@prefix[ \t]+[^\s:<>]*:[ \t]*<[^<>\r\n]*>[ \t]*\.[ \t]*|@base[ \t]*<[^<>\r\n]*>[ \t]*\.[ \t]*"
    rb"|(?i:prefix)[ \t]+[^\s:<>]*:[ \t]*<[^<>\r\n]*>[ \t]*|(?i:base)[ \t]*<[^<>\r\n]*>[ \t]*)?\r?\n)*")
_END = ox.NamedNode("urn:rcmkg:end-of-report")
_END_TRIPLE = b"<urn:rcmkg:end-of-report> <urn:rcmkg:end-of-report> <urn:rcmkg:end-of-report> .\n"


def _meeting_of(quads: Iterable[Quad]) -> str:
    """The meeting of the one ``?report a rcm:Report ; rcm:reportOf ?meeting`` in ``quads`` (their
    ``rdf:type`` and ``rcm:reportOf`` triples suffice), or a StoreError."""
    reports, pairs = set(), []
    for q in quads:
        if q.predicate == _REPORT_OF:
            pairs.append((q.subject, q.object))
        elif q.object == _REPORT:
            reports.add(q.subject)
    meetings = {term_value(o) for s, o in pairs if s in reports}
    if len(meetings) != 1:
        found = "no" if not meetings else f"{len(meetings)}"
        raise StoreError(f"not a converted report: {found} `?report a rcm:Report ; rcm:reportOf ?meeting` (need one)")
    return meetings.pop()


@dataclass
class LoadSummary:
    """What a load did, file by file."""

    loaded: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    reference: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    inferred: int | None = None
    graphs: int = 0
    quads: int | None = None  # not counted after an incremental load
    #: The report graphs this load changed, with their old and new triples; None when the derived
    #: entries were all dropped (many changes, new registry or ontology, a load cut short).
    changes: list[ReportChange] | None = None
    #: Derived entries the changes made stale, (subject, key) -> value: dropped from the index, kept
    #: here so that :mod:`rcmkg.index` can update them for the changed reports instead of recomputing.
    stale: dict[tuple[str, str], str] = field(default_factory=dict)
    #: What the derived entries cost: how many were computed, or updated for the changes, by kind.
    derived: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.loaded or self.replaced or self.reference or self.removed)

    def describe(self) -> str:
        """One line for people."""
        parts = [f"{len(self.loaded)} loaded", f"{len(self.replaced)} replaced", f"{len(self.unchanged)} unchanged"]
        if self.removed:
            parts.append(f"{len(self.removed)} removed")
        if self.errors:
            parts.append(f"{len(self.errors)} failed")
        line = "reports: " + ", ".join(parts)
        if self.reference:
            line += "; reloaded " + " and ".join(self.reference)
        if self.inferred is not None:
            line += f"; {self.inferred} inferred triples"
        return line + f"; store: {self.graphs} graphs" + (f", {self.quads} quads" if self.quads is not None else "")


class DerivedIndex:
    """Derived entries: string values keyed by (subject IRI, key IRI), in their own pyoxigraph store.

    What the entries are is :mod:`rcmkg.index`'s business; here they are stored, dropped, and
    marked untrusted while a load is under way (:meth:`LocalStore.load`), so that an entry that
    can be read is current.
    """

    def __init__(self, store: ox.Store) -> None:
        self.ox = store

    def get(self, subject: str, key: str) -> str | None:
        """The entry ``key`` about ``subject`` (an IRI), if there is a current one."""
        if self.untrusted():
            return None
        for q in self.ox.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(key), None):
            return term_value(q.object)
        return None

    def entries(self, key: str) -> list[tuple[str, str]]:
        """(subject, value) of every entry ``key``, sorted; none while untrusted."""
        if self.untrusted():
            return []
        return sorted((term_value(q.subject), term_value(q.object)) for q in self.ox.quads_for_pattern(None, ox.NamedNode(key), None))

    def subjects(self, key: str, prefix: str = "") -> set[str]:
        """The subjects of the entries ``key`` whose value starts with ``prefix``; none while
        untrusted. Asked in SPARQL, whose engine compares the values without handing them to Python
        (a timeline or stored answer is megabytes at 10,000 reports)."""
        if self.untrusted():
            return set()
        escaped = prefix.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        res = self.ox.query(f'SELECT ?s WHERE {{ ?s <{key}> ?o FILTER(STRSTARTS(STR(?o), "{escaped}")) }}')
        return {term_value(r["s"]) for r in solutions(res) if r["s"] is not None}

    def set(self, subject: str, key: str, value: str | None) -> None:
        """Write (or, with ``None``, remove) the entry ``key`` about ``subject``."""
        s, p = ox.NamedNode(subject), ox.NamedNode(key)
        for q in list(self.ox.quads_for_pattern(s, p, None)):
            self.ox.remove(q)
        if value is not None:
            self.ox.add(ox.Quad(s, p, ox.Literal(value)))

    def take(self, subjects: Iterable[str]) -> dict[tuple[str, str], str]:
        """Remove the entries about ``subjects`` and return them, (subject, key) -> value."""
        out = {}
        for n in subjects:
            for q in list(self.ox.quads_for_pattern(ox.NamedNode(n), None, None)):
                out[(n, term_value(q.predicate))] = term_value(q.object)
                self.ox.remove(q)
        return out

    def drop(self, subjects: Iterable[str] | None = None) -> None:
        """Remove the entries about ``subjects`` (all of them without)."""
        if subjects is None:
            untrusted = self.untrusted()
            self.ox.clear()
            self.set_untrusted(untrusted)
            return
        for n in subjects:
            for q in list(self.ox.quads_for_pattern(ox.NamedNode(n), None, None)):
                self.ox.remove(q)

    def untrusted(self) -> bool:
        """Whether a load is under way, or was cut short (then every entry may be stale)."""
        s, p = (ox.NamedNode(x) for x in _UNTRUSTED)
        return next(iter(self.ox.quads_for_pattern(s, p, None)), None) is not None

    def set_untrusted(self, on: bool) -> None:
        quad = ox.Quad(ox.NamedNode(_UNTRUSTED[0]), ox.NamedNode(_UNTRUSTED[1]), ox.Literal("true"))
        if on:
            self.ox.add(quad)
        else:
            self.ox.remove(quad)
        self.ox.flush()  # on disk before (untrusted) or after (trusted) the main store changes


class LocalStore:
    """A pyoxigraph store: on disk at ``path`` or, with ``path=None``, in memory.

    ``read_only=True`` opens an existing on-disk store without taking its write lock (for queries):
    the last complete load's generation (:mod:`rcmkg.store.generations`). Opened for writing, a
    store folder that ``rcmkg load`` keeps in generations is written in place, in its current
    generation: not crash-consistent, for scripts and tests; ``load_paths`` is.

    >>> with LocalStore(None) as store:
    ...     _ = store.load([])          # registry + ontology + entailments
    ...     store.query("ASK { ?c a rcm:Country }").boolean
    True
    """

    def __init__(self, path: str | Path | None = None, *, base: str = DEFAULT_BASE, read_only: bool = False) -> None:
        self._ox: ox.Store | None = None
        self._index: DerivedIndex | None = None
        #: Graphs the derived-entry hooks rewrote during the current load (e.g. the fulfilment
        #: assessments), as (graph, triples removed, triples added): what an incremental update of
        #: statistics over the published graphs must count besides the changed reports.
        self.written: list[ReportChange] = []
        #: Whether this load recomputed the inferred graph whole (then it is not in ``written``).
        self.inferred_rewritten = False
        #: The store folder as named (``Settings.store``); ``path`` is the pyoxigraph folder opened,
        #: for a read-only store the generation of the last complete load (:mod:`rcmkg.store.generations`).
        self.folder = Path(path) if path is not None else None
        self._manifest_distrusted = False  # known to say it is not to be trusted (read or written so here)
        self._shared: tuple[list[ReportChange], bool] | None = None  # changes_shared_nodes' last answer
        self.path = self.folder
        self.read_only = read_only and path is not None
        #: One line for people when a load is running or was cut short (answers are the last complete load's).
        self.note: str | None = None
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.names = GraphNames.for_base(self.base)
        try:
            if self.path is None:
                self._ox, index = ox.Store(), ox.Store()
            elif read_only:
                self.path, self.note = generations.readable(self.path)
                self._ox = ox.Store.read_only(str(self.path))
                folder = self.path / INDEX_DIR
                # no index yet (a store loaded by an older rcmkg): an empty one, so everything is computed
                index = ox.Store.read_only(str(folder)) if (folder / "CURRENT").is_file() else ox.Store()
            else:
                # A store `rcmkg load` keeps in generations: its current one, written in place. Only
                # `rcmkg load` (rcmkg.store.load.load_paths) writes a new generation, crash-consistently.
                self.path = generations.current(self.path) or self.path
                self.path.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.path))
                index = ox.Store(str(self.path / INDEX_DIR))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.path}: {one_line(exc)}") from None
        self._index = DerivedIndex(index)

    @property
    def ox(self) -> ox.Store:
        """The pyoxigraph store holding the graphs."""
        if self._ox is None:
            raise StoreError(f"the store at {self.path or '(memory)'} is closed")
        return self._ox

    @property
    def index(self) -> DerivedIndex:
        """The derived entries (:mod:`rcmkg.index`)."""
        if self._index is None:
            raise StoreError(f"the store at {self.path or '(memory)'} is closed")
        return self._index

    # -- protocol

    def query(self, sparql: str) -> QueryResult:
        """Run SPARQL over the union of all graphs; the project's prefixes are predeclared."""
        text = with_prologue(sparql)
        try:
            result = self.ox.query(text, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except (OSError, ValueError, TypeError) as exc:
            raise QueryError(f"query failed: {exc}") from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult.ask(bool(result))
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            rows = []
            for sol in result:
                row = {}
                for i, name in enumerate(names):
                    t = sol[i]
                    if t is not None:
                        row[name] = from_ox(t)
                rows.append(row)
            return QueryResult.select(names, rows, ordered=has_order_by(text))
        return QueryResult.graph((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in result)

    def graphs(self) -> list[str]:
        """Every named graph's IRI, sorted."""
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def close(self) -> None:
        """Release the store and its lock (pyoxigraph closes when its last reference goes)."""
        if self._ox is not None:
            if self.path is not None and not self.read_only:
                # Written in place: on disk, not only in the write-ahead log, which a checkpoint of
                # the generation (the next load's start) does not carry over.
                self._ox.flush()
                if self._index is not None:
                    self._index.ox.flush()
            self._ox = self._index = None
            gc.collect()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading helpers

    def count(self, graph: str | None = None) -> int:
        """Quads in one graph, or in the whole store."""
        if graph is None:
            return len(self.ox)
        res = self.ox.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        return int(term_value(next(iter(solutions(res)))["n"]))

    def report_graphs(self) -> dict[str, tuple[str, str]]:
        """Report graph IRI -> (sha256, source file name), from the metadata graph."""
        return {g: (sha, name) for g, (sha, name, kind) in self._meta().items() if kind == "report"}

    def _meta_of(self, graph: str) -> tuple[str, str, str, int | None]:
        """(sha256, source name, kind, triples) recorded for one graph ("" and None where none): index
        lookups, where :meth:`_meta` reads the whole metadata graph."""
        m, s = ox.NamedNode(self.names.meta), ox.NamedNode(graph)

        def one(p: str) -> str:
            return next((term_value(q.object) for q in self.ox.quads_for_pattern(s, ox.NamedNode(p), None, m)), "")

        n = one(VOID + "triples")
        return one(RCM + "sha256"), one(DCT + "identifier"), one(DCT + "type"), int(n) if n else None

    def _meta(self) -> dict[str, tuple[str, str, str]]:
        # Index lookups over the metadata graph: a SPARQL query with OPTIONALs took 1.3 s on 1,000 reports.
        m = ox.NamedNode(self.names.meta)
        sha, ident, kind = (ox.NamedNode(RCM + "sha256"), ox.NamedNode(DCT + "identifier"), ox.NamedNode(DCT + "type"))
        found: dict[str, dict[ox.NamedNode, str]] = {}
        for q in self.ox.quads_for_pattern(None, None, None, m):
            if isinstance(q.subject, ox.NamedNode) and q.predicate in (sha, ident, kind):
                values = found.setdefault(q.subject.value, {})
                value = term_value(q.object)
                if q.predicate not in values or value < values[q.predicate]:
                    values[q.predicate] = value  # one value each; the least where a graph has several
        return {g: (v[sha], v.get(ident, ""), v.get(kind, "")) for g, v in found.items() if sha in v}

    # -- writing

    def load(self, paths: Iterable[str | Path], *, reference: bool = True, infer: bool = True,
             prune: bool = False) -> LoadSummary:
        """Load converted Turtle (files, or folders searched for ``*.ttl``) one graph per report.

        Unchanged files (same sha256 as recorded) are skipped, changed reports replace their graph;
        with ``prune``, the reports of files not among ``paths`` are removed. With ``reference`` the
        registry and ontology graphs are (re)loaded when they changed; with ``infer`` the
        entailments are recomputed when anything changed. A file that is not a converted report is
        listed in ``errors`` and the others still load.

        A few changed reports (up to :data:`INCREMENTAL_LIMIT`) cost time in proportion to them: their
        entailments are updated triple by triple, and the derived entries they touch are handed to
        :mod:`rcmkg.index` in ``summary.stale`` to be updated (``summary.changes``).
        """
        summary = LoadSummary()
        self.written, self.inferred_rewritten, self._shared = [], False, None
        # Until this load has finished, the derived entries are not to be trusted; one left over
        # from a load cut short means some may be stale: they all go.
        cut_short = self.index.untrusted()
        if cut_short:
            self.index.drop()
        self.index.set_untrusted(True)
        self.drop_graph(self.names.cache)  # derived entries as earlier builds kept them
        if reference:
            for kind in ("ontology", "registry"):
                if self._load_reference(kind):
                    summary.reference.append(kind)
        files = _expand(paths)
        # A first load (no report yet): the entailments are gathered from the triples as they are
        # parsed and checked once at the end (LocalStore._infer_from), not found by scanning the store.
        concluded: Concluded | None = None
        rule_index: RuleIndex | None = None
        if infer and self.path is not None and not self._has_reports():
            self._ensure_closure("ontology" in summary.reference)
            rule_index = self._rules().index()
            concluded = Concluded(set(), set(), set())
        # The metadata graph is read whole only to prune; otherwise each file's record is looked up.
        meta = self._meta() if prune else None
        manifest, trusted = self._read_manifest()
        # Until this load has finished, the graphs may not be what the list says: the index's
        # untrusted mark, set above, says so for the list too (a load cut short leaves it; no need
        # to write the list twice).
        trusted = trusted and not cut_short
        self._manifest_distrusted = True  # the graphs this load drops need not say so again
        kept: dict[str, tuple[int, int, str, str]] = {}
        seen: dict[str, str] = {}
        changed: list[str] = []
        old: dict[str, list[Triple]] = {}
        parsed_here: dict[str, str] = {}  # sha256 -> graph, for the files this load parses

        def reports() -> Iterator[tuple[str, list[Quad], list[Quad]]]:
            """The files to (re)load, parsed, with their records; the others noted in the summary."""
            for item in files:
                key, st = item.key, item.st
                record = manifest.get(key)
                if record is not None and record[0] == st.st_size and record[1] == st.st_mtime_ns and (trusted or (
                        self._has_sha(record[3], record[2]) and self.ox.contains_named_graph(ox.NamedNode(record[3])))):
                    # Same size and modification time as when its graph was loaded, and that graph still
                    # holds that content: not read again (a file rewritten with other bytes of the same
                    # size within the same mtime tick is the one case this misses; `touch` it). The
                    # graph is looked up unless the list is trusted: written by the load that left the
                    # store as it is (two lookups a file, 0.4 s at 10,000 reports).
                    known = record[3]
                    if known in seen:
                        summary.errors.append((str(Path(item.path)), f"same content as {seen[known]}"))
                    else:
                        seen[known] = item.name
                        summary.unchanged.append(item.name)
                        kept[key] = record
                    continue
                path = Path(item.path)
                try:
                    data = path.read_bytes()
                except OSError as exc:
                    summary.errors.append((str(path), exc.strerror or str(exc)))
                    continue
                sha = hashlib.sha256(data).hexdigest()
                # this load's own files first: their records are written after their data
                found = parsed_here.get(sha) or self._graph_with_sha(sha)
                if found is not None and (sha in parsed_here or self.ox.contains_named_graph(ox.NamedNode(found))):
                    known = found
                    if known in seen:
                        summary.errors.append((str(path), f"same content as {seen[known]}"))
                    else:
                        seen[known] = path.name
                        summary.unchanged.append(path.name)
                        kept[key] = (st.st_size, st.st_mtime_ns, sha, known)
                    continue
                try:
                    graph, parsed = self._parse_report(data)
                except StoreError as exc:
                    summary.errors.append((str(path), exc.message))
                    continue
                if graph in seen:
                    summary.errors.append((str(path), f"describes the same meeting as {seen[graph]} ({graph})"))
                    continue
                seen[graph] = path.name
                parsed_here[sha] = graph
                changed.append(graph)
                kept[key] = (st.st_size, st.st_mtime_ns, sha, graph)
                if self._meta_of(graph)[0] or self.ox.contains_named_graph(ox.NamedNode(graph)):
                    if len(changed) <= INCREMENTAL_LIMIT:
                        old[graph] = self._triples(graph)
                    # Forget the hash first: if we stop before the new content is in, the next load
                    # finds no record and loads the file again instead of trusting an empty graph.
                    self._forget(graph)
                    summary.replaced.append(path.name)
                else:
                    summary.loaded.append(path.name)
                if concluded is not None and rule_index is not None:
                    concluded.graphs.add(graph)
                    conclude(rule_index, parsed, concluded.conclusions, concluded.stated)
                yield graph, parsed, self._meta_quads(graph, sha, path.name, "report", len(parsed))

        batch = _Batch(self)
        if concluded is not None and self.path is not None:
            # A first load into a disk store: one bulk load fed as the files are parsed, not one per
            # 400,000 quads (each bulk load into a fuller store costs more: parsing and writing
            # 10,000 reports took 90 s so, 115 s in batches). A first load replaces nothing: no graph
            # is dropped while the bulk load runs.
            batch.stream(reports())
        else:
            for _graph, parsed, records in reports():
                batch.add(parsed, records)
        if meta is not None:
            # Reports whose file was not given (a file that failed to load keeps its report).
            failed = {Path(p).name for p, _ in summary.errors}
            for graph, (_sha, name, kind) in sorted(meta.items()):
                if kind == "report" and graph not in seen and name not in failed:
                    changed.append(graph)
                    if len(changed) <= INCREMENTAL_LIMIT:
                        old[graph] = self._triples(graph)
                    self._forget(graph)
                    summary.removed.append(name)
        generations.pause_point("replacing")  # replaced graphs gone, new ones not yet written
        batch.flush()
        had_inferred = self._meta_of(self.names.inferred)[0] != ""
        incremental = (not summary.reference and not cut_short and len(changed) <= INCREMENTAL_LIMIT
                       and had_inferred)
        if not incremental:
            self.index.drop()
        elif changed:
            summary.changes = [ReportChange(g, old.get(g, []), self._triples(g)) for g in changed]
            # Derived entries about a node a changed report mentions (e.g. an item's timeline), and
            # the archive's, go stale: out of the index, handed over for updating.
            touched = set().union(*(c.iris() for c in summary.changes))
            summary.stale = self.index.take(sorted(touched | {ARCHIVE}))
        else:
            summary.changes = []
        if infer and (summary.changed or cut_short or not had_inferred):
            summary.inferred = self.infer(recompute_closure="ontology" in summary.reference and concluded is None,
                                          changes=summary.changes if incremental else None,
                                          concluded=None if incremental else concluded)
        summary.graphs = sum(1 for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))  # not sorted: 10,000 names
        # Counting every quad reads the whole store (1.6 s at 1,000 reports): after a full load only.
        summary.quads = len(self.ox) if summary.changes is None else None
        # the files as loaded now; those of earlier loads not given this time stay listed
        gone = set(changed)
        self._write_manifest({**{k: v for k, v in manifest.items() if v[3] not in gone}, **kept}, trusted=True)
        self.index.set_untrusted(False)
        return summary

    # -- the manifest of loaded files

    def _manifest_path(self) -> Path | None:
        return self.path / MANIFEST if self.path is not None else None

    def _read_manifest(self) -> tuple[dict[str, tuple[int, int, str, str]], bool]:
        """File (absolute path) -> (size, mtime_ns, sha256, graph) as the last load saw it: a file
        that has not changed since is not read again. Nothing for a memory store, or a damaged file.
        And whether the list is trusted: written by a load that finished, the graphs not changed since."""
        path = self._manifest_path()
        if path is None:
            return {}, False
        try:
            raw = _MANIFEST_DECODER.decode(path.read_bytes())
        except (OSError, msgspec.DecodeError):
            return {}, False
        return raw.files, raw.trusted

    def _write_manifest(self, entries: dict[str, tuple[int, int, str, str]], *, trusted: bool) -> None:
        path = self._manifest_path()
        if path is None:
            return
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(msgspec.json.encode(Manifest(trusted, dict(sorted(entries.items())))))
        os.replace(tmp, path)  # atomic: a reader or the next load sees the old list or the new one
        self._manifest_distrusted = not trusted

    def _distrust_manifest(self) -> None:
        """A graph dropped or replaced outside a load: the next load looks each listed graph up."""
        if self._manifest_distrusted:
            return
        entries, trusted = self._read_manifest()
        if trusted:
            self._write_manifest(entries, trusted=False)
        self._manifest_distrusted = True

    def _has_reports(self) -> bool:
        """Whether the metadata records any report graph (one index lookup)."""
        m = ox.NamedNode(self.names.meta)
        return next(iter(self.ox.quads_for_pattern(None, ox.NamedNode(DCT + "type"), ox.Literal("report"), m)), None) is not None

    def _has_sha(self, graph: str, sha: str) -> bool:
        """Whether the metadata records ``sha`` as the content of ``graph`` (one index lookup)."""
        m = ox.NamedNode(self.names.meta)
        return next(iter(self.ox.quads_for_pattern(ox.NamedNode(graph), _SHA, ox.Literal(sha), m)), None) is not None

    def _graph_with_sha(self, sha: str) -> str | None:
        """The report graph recorded with content ``sha`` (the least IRI if several), by index lookup."""
        m = ox.NamedNode(self.names.meta)
        found = sorted(q.subject.value for q in self.ox.quads_for_pattern(None, _SHA, ox.Literal(sha), m)
                       if isinstance(q.subject, ox.NamedNode) and self._meta_of(q.subject.value)[2] == "report")
        return found[0] if found else None

    def changes_shared_nodes(self, changes: Sequence[ReportChange]) -> bool:
        """Whether ``changes`` changed what the store says about an IRI that other graphs mention
        (a triple in one version of a changed report and not the other, stated nowhere else, about
        a subject some unchanged graph mentions). Derived entries built from other reports may then
        read it, so :mod:`rcmkg.index` recomputes instead of updating for the changed reports."""
        last = self._shared
        if last is not None and len(last[0]) == len(changes) and all(a is b for a, b in zip(last[0], changes, strict=True)):
            return last[1]  # the same changes, asked again by the next index of the load
        shared = self._changes_shared_nodes(changes)
        self._shared = (list(changes), shared)
        return shared

    def _changes_shared_nodes(self, changes: Sequence[ReportChange]) -> bool:
        skip = {ox.NamedNode(c.graph) for c in changes} | {ox.NamedNode(g) for g in self.names.not_premises}

        def elsewhere(quads: Iterable[Quad]) -> bool:
            return any(isinstance(q.graph_name, ox.NamedNode) and q.graph_name not in skip for q in quads)

        checked: dict[ox.NamedNode, bool] = {}
        for c in changes:
            for s, p, o in set(c.old) ^ set(c.new):
                if not isinstance(s, ox.NamedNode) or elsewhere(self.ox.quads_for_pattern(s, p, o)):
                    continue  # a blank node is its graph's own; a triple another graph states is still said
                if s not in checked:
                    checked[s] = elsewhere(self.ox.quads_for_pattern(s, None, None)) or \
                        elsewhere(self.ox.quads_for_pattern(None, None, s))
                if checked[s]:
                    return True
        return False

    def _triples(self, graph: str) -> list[Triple]:
        return [(q.subject, q.predicate, q.object)  # type: ignore[misc]
                for q in self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))]

    def replace_graph(self, graph: str, data: bytes | str, media_type: str = "text/turtle") -> int:
        """Replace one named graph with ``data`` (Turtle or N-Triples); returns its triple count."""
        fmt = ox.RdfFormat.from_media_type(media_type) or ox.RdfFormat.TURTLE
        g = ox.NamedNode(graph)
        try:
            raw = data.encode("utf-8") if isinstance(data, str) else data
            quads = graph_blank_nodes([ox.Quad(q.subject, q.predicate, q.object, g)
                                       for q in ox.parse(raw, format=fmt, rename_blank_nodes=False)], graph, raw)
        except SyntaxError as exc:
            raise StoreError(f"graph {graph}: {exc}") from None
        if graph not in self.names.derived:
            self.index.drop()  # derived entries may depend on what is replaced: gone before it is
            self._distrust_manifest()
        self.drop_graph(graph)
        self._write(quads)
        self.ox.add_graph(g)
        return len(quads)

    def drop_graph(self, graph: str) -> None:
        """Remove a named graph (nothing happens if there is none)."""
        if self.ox.contains_named_graph(ox.NamedNode(graph)):
            if graph not in self.names.fixed:
                self._distrust_manifest()  # a report's graph, maybe: looked up by the next load
            self.ox.remove_graph(ox.NamedNode(graph))

    def _write(self, quads: list[Quad]) -> None:
        try:
            self.ox.extend(quads)
        except OSError as exc:
            raise StoreError(f"cannot write to the store at {self.path}: {one_line(exc)}") from None

    def _forget(self, graph: str) -> None:
        self._forget_meta(graph)
        self.drop_graph(graph)

    def _forget_meta(self, graph: str) -> None:
        self.ox.update(f"DELETE WHERE {{ GRAPH <{self.names.meta}> {{ <{graph}> ?p ?o }} }}")

    def _meta_quads(self, graph: str, sha: str, name: str, kind: str, triples: int) -> list[Quad]:
        m, s = ox.NamedNode(self.names.meta), ox.NamedNode(graph)
        return [
            ox.Quad(s, ox.NamedNode(RCM + "sha256"), ox.Literal(sha), m),
            ox.Quad(s, ox.NamedNode(DCT + "identifier"), ox.Literal(name), m),
            ox.Quad(s, ox.NamedNode(DCT + "type"), ox.Literal(kind), m),
            ox.Quad(s, ox.NamedNode(VOID + "triples"), ox.Literal(str(triples), datatype=ox.NamedNode(XSD + "integer")), m),
            ox.Quad(s, BLANK_NODE_NAMES, _NAMED_FROM_GRAPH, m),
        ]

    def _parse_report(self, data: bytes) -> tuple[str, list[Quad]]:
        """The graph IRI of one converted report and its distinct triples as quads in that graph,
        parsed once (by pyoxigraph, in Rust; blank nodes named afresh): what is written is these
        quads, where the file used to be parsed twice, into a probe store and again into the batch."""
        fast = self._parse_in_graph(data)
        if fast is not None:
            return fast
        try:
            parsed = ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=self.base + "id/", rename_blank_nodes=False)
            triples: list[Triple] = list(dict.fromkeys((q.subject, q.predicate, q.object) for q in parsed))
        except SyntaxError as exc:
            raise StoreError(f"not valid Turtle: {exc}") from None
        g = ox.NamedNode(report_graph(_meeting_of([ox.Quad(s, p, o) for s, p, o in triples if p in _REPORT_PREDICATES])))
        return g.value, graph_blank_nodes([ox.Quad(s, p, o, g) for s, p, o in triples], g.value, data)

    def _parse_in_graph(self, data: bytes) -> tuple[str, list[Quad]] | None:
        """:meth:`_parse_report` of a file as ``rcmkg convert`` writes it (a first line naming the
        meeting, the directives before the triples), parsed straight into the report's graph: the
        triples wrapped in a TriG graph block. Making the quads of parsed triples in Python cost
        three times the parse (30 s at 10,000 reports). None when the file is not so, or the guess
        was wrong: then it is parsed as Turtle.

        The block ends with a triple of our own, so that a file whose last statement lacks its '.'
        fails here as it fails in Turtle (a TriG block needs none): the only difference between
        the triples of a TriG block and those of a Turtle document."""
        named = _NAMED_MEETING.match(data)
        if named is None or b"/id/meeting/" not in named.group(1):
            return None
        body = _DIRECTIVES.match(data)
        start = body.end() if body is not None else 0
        graph = report_graph(named.group(1).decode("ascii"))
        doc = b"".join((data[:start], b"\nGRAPH <", graph.encode("ascii"), b"> {\n", data[start:], b"\n", _END_TRIPLE, b"}\n"))
        try:
            quads = list(ox.parse(doc, format=ox.RdfFormat.TRIG, base_iri=self.base + "id/", rename_blank_nodes=False))
        except SyntaxError:
            return None
        g = ox.NamedNode(graph)
        if not quads or quads.pop() != ox.Quad(_END, _END, _END, g):
            return None
        quads = list(dict.fromkeys(quads))
        try:
            found = report_graph(_meeting_of([q for q in quads if q.predicate in _REPORT_PREDICATES]))
        except StoreError:
            return None
        return (graph, graph_blank_nodes(quads, graph, data)) if found == graph else None

    def _load_reference(self, kind: str) -> bool:
        graph = getattr(self.names, kind)
        sha, _files = reference_hash(kind, self.base)
        if self._meta_of(graph)[0] == sha and self.ox.contains_named_graph(ox.NamedNode(graph)):
            return False
        ref = reference_data(kind, self.base)
        self._forget(graph)
        n = self.replace_graph(graph, ref.ntriples, "application/n-triples")
        names = ",".join(f.name for f in ref.files)
        self._write(self._meta_quads(graph, sha, names, kind, n))
        return True

    # -- entailments

    def _ensure_closure(self, recompute: bool) -> bool:
        """Compute the TBox closure graph if asked or missing; returns whether it was."""
        names = self.names
        if not recompute and self.ox.contains_named_graph(ox.NamedNode(names.closure)):
            return False
        # Keyed by the hash of the ontology's source files (recorded when it was loaded): the
        # graph's own N-Triples name its blank nodes afresh in every process.
        source = self._meta_of(names.ontology)[0]
        closure = tbox_closure(self.graph_ntriples(names.ontology), source_sha=source or None)
        self.replace_graph(names.closure, closure, "application/n-triples")
        return True

    def infer(self, *, recompute_closure: bool = False, changes: Sequence[ReportChange] | None = None,
              concluded: Concluded | None = None) -> int:
        """Recompute ``{base}id/graph/inferred`` (and the TBox closure if asked or missing); returns
        the number of inferred data triples.

        The inferred graph holds every conclusion of the rules from a triple of a graph other than
        :attr:`GraphNames.not_premises` that no graph other than :attr:`GraphNames.not_asserted`
        states. With ``changes`` (report graphs replaced, added or removed) only what those graphs
        can affect is looked at (:meth:`_infer_changes`): every rule has one premise, so a triple's
        status can only change if it is a conclusion of, or is, a triple of a changed graph.
        """
        names = self.names
        if self._ensure_closure(recompute_closure):
            changes = concluded = None
        rules = self._rules()
        inf = names.inferred
        meta = self._meta_of(inf)
        if changes is not None and meta[0] == rules.digest() and meta[3] is not None:
            n = meta[3] + self._infer_changes(rules.index(), changes)
        elif concluded is not None and changes is None:
            self.inferred_rewritten = True
            n = self._infer_from(rules.index(), concluded)
        else:
            self.inferred_rewritten = True  # not recorded in self.written: what reads it recomputes
            excluded = ", ".join(f"<{g}>" for g in names.not_premises)
            not_asserted = ", ".join(f"<{g}>" for g in names.not_asserted)
            self._forget(inf)
            self.ox.add_graph(ox.NamedNode(inf))
            for kind, pairs in rules.kinds():
                if not pairs:
                    continue
                # CONSTRUCT, then one write: a disk store's bulk loader is much faster than INSERT's
                # transaction for 10^5-10^6 triples.
                body = rule_body(kind, pairs, excluded, not_asserted=not_asserted)
                triples = list(query_triples(self.ox.query(f"CONSTRUCT {{ {HEADS[kind]} }} WHERE {{ {body} }}")))
                if not triples:
                    continue
                data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
                if self.path is not None and len(triples) >= 20_000:
                    self.ox.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(inf))
                else:
                    self.ox.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(inf))
            n = self.count(inf)
        self._forget_meta(inf)
        self._write(self._meta_quads(inf, rules.digest(), "", "inferred", n))
        return n

    def _infer_from(self, ix: RuleIndex, concluded: Concluded) -> int:
        """Write the inferred graph from ``concluded``: the conclusions of the rules from every
        triple of its graphs and the triples of theirs that could be conclusions, both gathered
        while those graphs were parsed (a first load does not read them back), with those of the
        other graphs (registry, ontology, metadata) added here; returns its size.

        Each conclusion is kept unless a graph other than :attr:`GraphNames.not_asserted` states it:
        what the SPARQL rules of :meth:`infer` compute, without their scans and anti-joins over the
        whole store."""
        names = self.names
        inf = ox.NamedNode(names.inferred)
        conclusions, stated = concluded.conclusions, concluded.stated
        skip = set(names.not_premises) | concluded.graphs
        for g in sorted(x.value for x in self.ox.named_graphs() if isinstance(x, ox.NamedNode) and x.value not in skip):
            conclude(ix, self.ox.quads_for_pattern(None, None, None, ox.NamedNode(g)), conclusions)
        self._forget(names.inferred)
        # What another graph states is no entailment of its own. The parsed graphs' candidates came
        # with them; the few other graphs are read here, by the conclusions' predicates (reading
        # every graph so was a scan of 3.1 million quads, 26 s at 10,000 reports).
        others = [ox.NamedNode(x) for x in sorted(x.value for x in self.ox.named_graphs() if isinstance(x, ox.NamedNode))
                  if x not in concluded.graphs and x not in names.not_asserted]
        for p in {t[1] for t in conclusions}:
            for graph in others:
                stated.update((q.subject, q.predicate, q.object)  # type: ignore[misc]
                              for q in self.ox.quads_for_pattern(None, p, None, graph))
        self.ox.add_graph(inf)
        keep = [ox.Quad(s, p, o, inf) for s, p, o in conclusions if (s, p, o) not in stated]
        if self.path is not None and len(keep) >= 20_000:
            self.ox.bulk_extend(keep)
        else:
            self._write(keep)
        return len(keep)

    def _infer_changes(self, ix: RuleIndex, changes: Sequence[ReportChange]) -> int:
        """Bring the inferred graph up to date after ``changes``; returns the change in its size.

        Candidates are the changed graphs' triples, old and new, and their conclusions; each one
        is looked up (is some premise of it in a premise graph? is it stated anywhere?) by index
        lookups, so the cost follows the changed reports, not the archive."""
        names = self.names
        inf = ox.NamedNode(names.inferred)
        not_premises = {ox.NamedNode(g) for g in names.not_premises}
        not_asserted = {ox.NamedNode(g) for g in names.not_asserted}
        nn = _nn

        def premise_in(s: ox.NamedNode | ox.BlankNode | None, p: ox.NamedNode,
                       o: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> bool:
            return any(isinstance(q.graph_name, ox.NamedNode) and q.graph_name not in not_premises
                       for q in self.ox.quads_for_pattern(s, p, o))

        def entailed(s: ox.NamedNode | ox.BlankNode, q: ox.NamedNode, o: ox.NamedNode | ox.BlankNode | ox.Literal) -> bool:
            qv = q.value
            if any(premise_in(s, nn(p), o) for p in ix.same_inv.get(qv, ())):
                return True
            if not isinstance(o, ox.Literal) and any(premise_in(o, nn(p), s) for p in ix.flip_inv.get(qv, ())):
                return True
            if qv == _TYPE.value and isinstance(o, ox.NamedNode):
                c = o.value
                return (any(premise_in(s, nn(p), None) for p in ix.subject_inv.get(c, ()))
                        or any(premise_in(None, nn(p), s) for p in ix.object_inv.get(c, ()))
                        or any(premise_in(s, _TYPE, nn(d)) for d in ix.types_inv.get(c, ())))
            return False

        candidates: set[Triple] = set()
        for change in changes:
            for version in (change.old, change.new):
                candidates.update(version)
                for s, p, o in version:
                    pv = p.value
                    literal = isinstance(o, ox.Literal)
                    candidates.update((s, nn(q), o) for q in ix.same.get(pv, ()))
                    candidates.update((s, _TYPE, nn(c)) for c in ix.subject.get(pv, ()))
                    if not literal:
                        candidates.update((o, nn(q), s) for q in ix.flip.get(pv, ()))  # type: ignore[misc]
                        candidates.update((o, _TYPE, nn(c)) for c in ix.object.get(pv, ()))  # type: ignore[misc]
                    if pv == _TYPE.value and isinstance(o, ox.NamedNode):
                        candidates.update((s, _TYPE, nn(d)) for d in ix.types.get(o.value, ()))
        add: list[Quad] = []
        remove: list[Quad] = []
        for s, q, o in candidates:
            have = next(iter(self.ox.quads_for_pattern(s, q, o, inf)), None) is not None
            want = entailed(s, q, o) and not any(
                isinstance(x.graph_name, ox.NamedNode) and x.graph_name not in not_asserted
                for x in self.ox.quads_for_pattern(s, q, o))
            if want and not have:
                add.append(ox.Quad(s, q, o, inf))
            elif have and not want:
                remove.append(ox.Quad(s, q, o, inf))
        for quad in remove:
            self.ox.remove(quad)
        self._write(add)
        self.written.append(ReportChange(names.inferred, [(q.subject, q.predicate, q.object) for q in remove],  # type: ignore[misc]
                                         [(q.subject, q.predicate, q.object) for q in add]))  # type: ignore[misc]
        return len(add) - len(remove)

    def graph_ntriples(self, graph: str) -> bytes:
        """One named graph as N-Triples."""
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))]
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""

    def _rules(self) -> Rules:
        graphs = f"FROM <{self.names.ontology}> FROM <{self.names.closure}>"

        def pairs(where: str) -> list[tuple[str, str]]:
            q = f"SELECT DISTINCT ?a ?b {graphs} WHERE {{ {where} FILTER(isIRI(?a) && isIRI(?b) && ?a != ?b) }}"
            return sorted((term_value(s["a"]), term_value(s["b"])) for s in solutions(self.ox.query(q)))

        return Rules.build(
            subclass=pairs(f"{{ ?a <{RDFS}subClassOf> ?b }} UNION {{ ?a <{OWL}equivalentClass> ?b }}"
                           f" UNION {{ ?b <{OWL}equivalentClass> ?a }}"),
            subproperty=pairs(f"{{ ?a <{RDFS}subPropertyOf> ?b }} UNION {{ ?a <{OWL}equivalentProperty> ?b }}"
                              f" UNION {{ ?b <{OWL}equivalentProperty> ?a }}"),
            inverse=pairs(f"{{ ?a <{OWL}inverseOf> ?b }} UNION {{ ?b <{OWL}inverseOf> ?a }}"),
            domain=pairs(f"?a <{RDFS}domain> ?b"),
            range=pairs(f"?a <{RDFS}range> ?b"),
        )


class _Batch:
    """Reports waiting to go into a store, written in few large operations.

    The reports come parsed (:meth:`LocalStore._parse_report`); a disk store gets each batch through
    pyoxigraph's bulk loader when it is large (transactional writes of many small graphs are several
    times slower and leave a much larger RocksDB). Metadata is written after the data, so a load
    that stops half-way leaves reports without a hash record, which the next load loads again.
    """

    LIMIT = 400_000  # quads held in memory before writing

    def __init__(self, target: LocalStore) -> None:
        self.target = target
        self.quads: list[Quad] = []
        self.meta: list[Quad] = []

    def add(self, quads: list[Quad], meta: list[Quad]) -> None:
        self.quads.extend(quads)
        self.meta.extend(meta)
        if self.target.path is None or len(self.quads) >= self.LIMIT:  # memory: nothing to gain from batching
            self.flush()

    def stream(self, reports: Iterator[tuple[str, list[Quad], list[Quad]]]) -> None:
        """Write ``reports`` (graph, quads, records) through one bulk load as they come; their
        records are kept for :meth:`flush`, after the data."""
        def quads() -> Iterator[Quad]:
            for _graph, parsed, meta in reports:
                self.meta.extend(meta)
                yield from parsed

        try:
            self.target.ox.bulk_extend(quads())
        except OSError as exc:
            raise StoreError(f"cannot write to the store at {self.target.path}: {one_line(exc)}") from None

    def flush(self) -> None:
        if not self.quads and not self.meta:
            return
        try:
            if self.target.path is not None and len(self.quads) >= 20_000:
                self.target.ox.bulk_extend(self.quads)
            else:
                self.target.ox.extend(self.quads)
        except OSError as exc:
            raise StoreError(f"cannot write to the store at {self.target.path}: {one_line(exc)}") from None
        self.target._write(self.meta)
        self.quads, self.meta = [], []


_NODES: dict[str, ox.NamedNode] = {}


def _nn(iri: str) -> ox.NamedNode:
    n = _NODES.get(iri)
    if n is None:
        n = _NODES[iri] = ox.NamedNode(iri)
    return n


def conclude(ix: RuleIndex, quads: Iterable[Quad], out: set[Triple], stated: set[Triple] | None = None) -> None:
    """Add to ``out`` what the rules conclude from each of ``quads``' triples (one premise each:
    ``s p o`` entails ``s q o``, ``o q s``, ``s a C``, ``o a C``; ``x a C`` entails ``x a D``), as the
    SPARQL rules of :meth:`LocalStore.infer` do (no literal subject: ``flip`` and ``object`` skip literals).

    With ``stated``, add to it those of the triples that some rule could conclude (their predicate
    is a rule's head, or they give a class a rule concludes): a conclusion a graph states is not
    an entailment, and these are the only triples that can be one. A quad's subject and object are
    only read when a rule needs them (each read makes a Python object: most triples need none)."""
    same, flip, subject, obj, types = ix.same, ix.flip, ix.subject, ix.object, ix.types
    heads, classes = ix.heads, ix.head_classes
    premises = ix.premises
    for q in quads:
        p = q.predicate
        pv = p.value
        if pv not in premises:
            continue
        s, o = q.subject, q.object
        if stated is not None and (pv in heads or (pv == _TYPE_IRI and isinstance(o, ox.NamedNode) and o.value in classes)):
            stated.add((s, p, o))  # type: ignore[arg-type]
        for x in same.get(pv, ()):
            out.add((s, _nn(x), o))  # type: ignore[arg-type]
        for c in subject.get(pv, ()):
            out.add((s, _TYPE, _nn(c)))  # type: ignore[arg-type]
        if not isinstance(o, ox.Literal):
            for x in flip.get(pv, ()):
                out.add((o, _nn(x), s))  # type: ignore[arg-type]
            for c in obj.get(pv, ()):
                out.add((o, _TYPE, _nn(c)))  # type: ignore[arg-type]
            if pv == _TYPE_IRI and isinstance(o, ox.NamedNode):
                for d in types.get(o.value, ()):
                    out.add((s, _TYPE, _nn(d)))  # type: ignore[arg-type]


def one_line(exc: BaseException) -> str:
    """An OS or RocksDB error as one line (RocksDB messages may span several)."""
    text = (exc.strerror if isinstance(exc, OSError) and exc.strerror and not exc.filename else None) or str(exc) or type(exc).__name__
    return " ".join(text.split())


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given and every ``*.ttl`` under the folders given, sorted, without duplicates."""
    return [Path(f.path) for f in _expand(paths)]


class _Found(NamedTuple):
    """A file to load: its path as found (for messages), its absolute path (the manifest's key), its stat."""

    path: str
    key: str
    st: os.stat_result

    @property
    def name(self) -> str:
        return os.path.basename(self.path)


def _expand(paths: Iterable[str | Path]) -> list[_Found]:
    """:func:`expand_paths` with each file's absolute path and ``stat`` (what the manifest compares),
    as strings: a Path object per file, made and made absolute, cost a tenth of a second per 10,000."""
    out: list[_Found] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            # the absolute path of each file as Path.absolute() gives it, from the folder's once
            folder, absolute = str(p), str(p.absolute())
            # in Path order (component by component), on strings: comparing Path objects took
            # a tenth of a second per 10,000 files
            found = sorted(_ttl_under(folder), key=lambda x: x[0].split(os.sep))
            out.extend(_Found(f, absolute + f[len(folder):], st) for f, st in found)
        elif p.is_file():
            out.append(_Found(str(p), str(p.absolute()), p.stat()))
        else:
            raise UsageError(f"{p}: no such file or folder")
    # the same file reached twice (two arguments, links): by device and inode, one stat each, where
    # resolving every path component cost a second per 1,000 files on a busy machine
    seen: set[tuple[int, int]] = set()
    unique = []
    for f in out:
        key = (f.st.st_dev, f.st.st_ino)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def _ttl_under(folder: str) -> Iterator[tuple[str, os.stat_result]]:
    """Every ``*.ttl`` file under ``folder`` (as ``Path.rglob`` finds them: symbolic links to
    folders not followed), by ``os.scandir``, whose entries carry their type (rglob took a second
    per 10,000 files)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for e in entries:
        if e.is_dir(follow_symlinks=False):
            yield from _ttl_under(e.path)
        elif e.name.endswith(".ttl") and e.is_file():
            yield e.path, e.stat()

