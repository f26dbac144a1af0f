"""Where the graph lives: a persistent embedded store, an in-memory one, or a remote SPARQL endpoint.

Three implementations of one small protocol (:class:`Store`: ``query``, ``graphs``, ``close``):

- :class:`LocalStore` wraps a pyoxigraph store, on disk (``Settings.store``, default ``.rcmkg/store``)
  or in memory (``LocalStore(None)``, what ``--data DIR`` builds for one run).
- :class:`RemoteStore` asks any SPARQL 1.1 endpoint through SPARQLWrapper (basic auth from
  ``RCMKG_ENDPOINT_USER``/``RCMKG_ENDPOINT_PASSWORD``, bearer from ``RCMKG_ENDPOINT_TOKEN``).

Every query runs over the *union* of the named graphs (pyoxigraph ``use_default_graph_as_union``;
a remote endpoint must do the same, e.g. ``oxigraph serve --union-default-graph``). The union is a
bag: a triple stored in two graphs is seen twice, so no triple is ever stored twice on purpose.

Graphs (``{base}`` is ``Settings.base``):

- ``{base}id/graph/{body}/{date}``: one report. Its IRI comes from the file: the one
  ``?r a rcm:Report ; rcm:reportOf ?meeting`` it holds, ``/meeting/`` replaced by ``/graph/``.
- ``{base}id/graph/registry`` and ``{base}id/graph/ontology``: the registry and the ontology with
  the vocabularies (see :mod:`rcmkg.registry_graph`).
- ``{base}id/graph/meta``: per graph its ``rcm:sha256`` (of the Turtle file's bytes), source file
  name (``dct:identifier``), kind (``dct:type``) and ``void:triples``. Loading skips a file whose
  hash is already there and replaces the graph of a report whose content changed.
- ``{base}id/graph/ontology-closure`` and ``{base}id/graph/inferred``: entailments, see below.

Derived entries (the finished timeline of each tracked item, and the commitments index about the
archive as a whole, subject :data:`ARCHIVE`; :mod:`rcmkg.trace`) live in a second pyoxigraph store,
``index/`` inside the store's folder, so that they never show in query answers or on the SPARQL
endpoint (an entry is megabytes of JSON). A load removes the entries of every node a changed report
mentions and the archive's (all of them when the registry or ontology changed), so an entry that
exists is current; a load marks the index untrusted until it has finished, so one cut short leaves
no stale entry behind (the next load drops them all).

Entailments. owlrl over the whole archive does not scale (its RDFS closure is quadratic in the
number of literals; PERFORMANCE.md §5), so it only ever sees the TBox:

1. The OWL RL closure of the ontology and vocabularies (about 1,500 triples, 0.6 s) is computed
   with owlrl when the ontology changes, filtered to the schema axioms queries need (subclass,
   subproperty, equivalence, inverse, domain, range, types of terms), and stored in
   ``{base}id/graph/ontology-closure``. It is cached on disk by content hash
   (``$RCMKG_CACHE_DIR``, default ``~/.cache/rcmkg``; empty disables) so ``--data`` does not pay
   for it on every run.
2. From the closed TBox, the data rules that matter are all single-premise: ``rdf:type`` up
   ``rdfs:subClassOf*``, ``rdfs:subPropertyOf*``, ``owl:inverseOf`` (composed with each other), and
   ``rdfs:domain``/``rdfs:range`` of ``rcm:`` properties (classes only, not datatypes). They are
   compiled into five SPARQL UPDATEs with ``VALUES`` tables and run natively by pyoxigraph into
   ``{base}id/graph/inferred``, leaving out any triple already asserted in some graph. Because each
   rule has one premise, recomputing after a load is one pass, linear in the data.

So ``?m a prov:Activity`` or ``?m a schema:Event`` finds meetings, though no report says so.

>>> store = LocalStore(".rcmkg/store", base="https://w3id.org/rcmkg/")     # doctest: +SKIP
>>> summary = store.load(["data/rdf"])                                      # doctest: +SKIP
>>> store.query("SELECT (COUNT(*) AS ?n) { ?m a schema:Event }").rows       # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from rcmkg.errors import QueryError, QueryTimeout, StoreError, UsageError
from rcmkg.namespaces import DCT, OWL, RCM, RDF, RDFS, XSD
from rcmkg.queries import QueryResult, Term, has_order_by, strip_comments, with_prologue
from rcmkg.settings import DEFAULT_BASE, Settings

VOID = "http://rdfs.org/ns/void#"
#: Up to this many changed reports, entailments are recomputed for their nodes only.
INCREMENTAL_LIMIT = 50


class Store(Protocol):
    """What every store offers: SPARQL over the union of its graphs, the list of graphs, close."""

    def query(self, sparql: str) -> QueryResult: ...

    def graphs(self) -> list[str]: ...

    def close(self) -> None: ...


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

    @classmethod
    def for_base(cls, base: str) -> GraphNames:
        g = base + "id/graph/"
        return cls(g + "meta", g + "registry", g + "ontology", g + "ontology-closure", g + "inferred", g + "cache")

    @property
    def derived(self) -> tuple[str, ...]:
        """Graphs that hold no assertions of their own (never read by the inference rules)."""
        return (self.meta, self.closure, self.inferred, self.cache)


ARCHIVE = "urn:rcmkg:archive"  # subject of the index entries that depend on every report
INDEX_DIR = "index"  # the derived entries' store, inside the store's folder
_UNTRUSTED = ("urn:rcmkg:index", "urn:rcmkg:untrusted")  # set while a load is under way


def report_graph(meeting: str) -> str:
    """The named graph of the report of ``meeting``.

    >>> report_graph("https://w3id.org/rcmkg/id/meeting/rcm-lon-smtp/2018-07-19")
    'https://w3id.org/rcmkg/id/graph/rcm-lon-smtp/2018-07-19'
    """
    if "/id/meeting/" not in meeting:
        raise StoreError(f"{meeting} is not a meeting IRI ({{base}}id/meeting/{{body}}/{{date}})")
    return meeting.replace("/id/meeting/", "/id/graph/", 1)


@dataclass
class LoadSummary:
    """What a load did, file by file."""

    loaded: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    reference: list[str] = field(default_factory=list)
    inferred: int | None = None
    graphs: int = 0
    quads: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.loaded or self.replaced or self.reference)

    def describe(self) -> str:
        """One line for people."""
        parts = [f"{len(self.loaded)} loaded", f"{len(self.replaced)} replaced", f"{len(self.unchanged)} unchanged"]
        if self.errors:
            parts.append(f"{len(self.errors)} failed")
        line = "reports: " + ", ".join(parts)
        if self.reference:
            line += "; reloaded " + " and ".join(self.reference)
        if self.inferred is not None:
            line += f"; {self.inferred} inferred triples"
        return line + f"; store: {self.graphs} graphs, {self.quads} quads"


# --- local (pyoxigraph) -----------------------------------------------------------------------------


class LocalStore:
    """A pyoxigraph store: on disk at ``path`` or, with ``path=None``, in memory.

    ``read_only=True`` opens an existing on-disk store without taking its write lock (for queries).

    >>> with LocalStore(None) as store:
    ...     _ = store.load([])          # registry + ontology + entailments
    ...     store.query("ASK { ?c a rcm:Country }").boolean
    True
    """

    def __init__(self, path: str | Path | None = None, *, base: str = DEFAULT_BASE, read_only: bool = False) -> None:
        import pyoxigraph as ox

        self.ox: Any = None
        self.index: Any = None  # a pyoxigraph store of derived entries (see index_get)
        self.path = Path(path) if path is not None else None
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.names = GraphNames.for_base(self.base)
        try:
            if self.path is None:
                self.ox, self.index = ox.Store(), ox.Store()
            elif read_only:
                if not (self.path / "CURRENT").is_file():
                    raise StoreError(f"no store at {self.path}: run `rcmkg load DIR` first, or use --data DIR")
                self.ox = ox.Store.read_only(str(self.path))
                index = self.path / INDEX_DIR
                # no index yet (a store loaded by an older rcmkg): an empty one, so everything is computed
                self.index = ox.Store.read_only(str(index)) if (index / "CURRENT").is_file() else ox.Store()
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(self.path))
                self.index = ox.Store(str(self.path / INDEX_DIR))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from None

    # -- protocol

    def query(self, sparql: str) -> QueryResult:
        """Run SPARQL over the union of all graphs; the project's prefixes are predeclared."""
        import pyoxigraph as ox

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
                        row[name] = _term(t)
                rows.append(row)
            return QueryResult.select(names, rows, ordered=has_order_by(text))
        return QueryResult.graph((_term(t.subject), _term(t.predicate), _term(t.object)) for t in result)

    def graphs(self) -> list[str]:
        """Every named graph's IRI, sorted."""
        return sorted(g.value for g in self.ox.named_graphs())

    def close(self) -> None:
        """Release the store and its lock (pyoxigraph closes when its last reference goes)."""
        if self.ox is not None:
            self.ox = self.index = None
            import gc

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
        return int(next(iter(res))["n"].value)

    def report_graphs(self) -> dict[str, tuple[str, str]]:
        """Report graph IRI -> (sha256, source file name), from the metadata graph."""
        return {g: (sha, name) for g, (sha, name, kind) in self._meta().items() if kind == "report"}

    def _meta(self) -> dict[str, tuple[str, str, str]]:
        q = f"""SELECT ?g ?sha ?name ?kind WHERE {{ GRAPH <{self.names.meta}> {{
                  ?g <{RCM}sha256> ?sha . OPTIONAL {{ ?g <{DCT}identifier> ?name }}
                  OPTIONAL {{ ?g <{DCT}type> ?kind }} }} }}"""
        out = {}
        for sol in self.ox.query(q):
            out[sol["g"].value] = (sol["sha"].value, sol["name"].value if sol["name"] else "",
                                   sol["kind"].value if sol["kind"] else "")
        return out

    # -- derived entries

    def index_get(self, subject: str, key: str) -> str | None:
        """The derived entry ``key`` about ``subject`` (an IRI), if there is a current one."""
        import pyoxigraph as ox

        if self.index is None or self._untrusted():
            return None
        for q in self.index.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(key), None):
            return q.object.value
        return None

    def index_entries(self, key: str) -> list[tuple[str, str]]:
        """(subject, value) of every derived entry ``key``, sorted; none while untrusted."""
        import pyoxigraph as ox

        if self.index is None or self._untrusted():
            return []
        return sorted((q.subject.value, q.object.value) for q in self.index.quads_for_pattern(None, ox.NamedNode(key), None))

    def index_set(self, subject: str, key: str, value: str | None) -> None:
        """Write (or, with ``None``, remove) the derived entry ``key`` about ``subject``."""
        import pyoxigraph as ox

        s, p = ox.NamedNode(subject), ox.NamedNode(key)
        for q in list(self.index.quads_for_pattern(s, p, None)):
            self.index.remove(q)
        if value is not None:
            self.index.add(ox.Quad(s, p, ox.Literal(value)))

    def index_drop(self, subjects: Iterable[str] | None = None) -> None:
        """Remove the derived entries about ``subjects`` (all of them without)."""
        import pyoxigraph as ox

        if subjects is None:
            untrusted = self._untrusted()
            self.index.clear()
            self._set_untrusted(untrusted)
            return
        for n in subjects:
            for q in list(self.index.quads_for_pattern(ox.NamedNode(n), None, None)):
                self.index.remove(q)

    def _untrusted(self) -> bool:
        import pyoxigraph as ox

        s, p = (ox.NamedNode(x) for x in _UNTRUSTED)
        return next(iter(self.index.quads_for_pattern(s, p, None)), None) is not None

    def _set_untrusted(self, on: bool) -> None:
        import pyoxigraph as ox

        quad = ox.Quad(*(ox.NamedNode(x) for x in _UNTRUSTED), ox.Literal("true"))
        if on:
            self.index.add(quad)
        else:
            self.index.remove(quad)
        self.index.flush()  # on disk before (untrusted) or after (trusted) the main store changes

    # -- writing

    def load(self, paths: Iterable[str | Path], *, reference: bool = True, infer: bool = True) -> LoadSummary:
        """Load converted Turtle (files, or folders searched for ``*.ttl``) one graph per report.

        Unchanged files (same sha256 as recorded) are skipped, changed reports replace their graph.
        With ``reference`` the registry and ontology graphs are (re)loaded when they changed; with
        ``infer`` the entailments are recomputed when anything changed. A file that is not a
        converted report is listed in ``errors`` and the others still load.
        """
        summary = LoadSummary()
        # Until this load has finished, the derived entries are not to be trusted; one left over
        # from a load cut short means some may be stale: they all go.
        cut_short = self._untrusted()
        if cut_short:
            self.index_drop()
        self._set_untrusted(True)
        self.drop_graph(self.names.cache)  # derived entries as earlier builds kept them
        if reference:
            for kind in ("ontology", "registry"):
                if self._load_reference(kind):
                    summary.reference.append(kind)
        files = expand_paths(paths)
        meta = self._meta()
        by_sha = {sha: g for g, (sha, _name, kind) in meta.items() if kind == "report"}
        seen: dict[str, str] = {}
        changed: list[str] = []
        old_iris: set[str] = set()
        old_blanks: list[Any] = []
        batch = _Batch(self)
        for path in files:
            try:
                data = path.read_bytes()
            except OSError as exc:
                summary.errors.append((str(path), exc.strerror or str(exc)))
                continue
            sha = hashlib.sha256(data).hexdigest()
            known = by_sha.get(sha)
            if known is not None and self.ox.contains_named_graph(_nn(known)):
                if known in seen:
                    summary.errors.append((str(path), f"same content as {seen[known]}"))
                else:
                    seen[known] = path.name
                    summary.unchanged.append(path.name)
                continue
            try:
                graph, triples = self._probe_report(data)
            except StoreError as exc:
                summary.errors.append((str(path), exc.message))
                continue
            if graph in seen:
                summary.errors.append((str(path), f"describes the same meeting as {seen[graph]} ({graph})"))
                continue
            seen[graph] = path.name
            changed.append(graph)
            if graph in meta or self.ox.contains_named_graph(_nn(graph)):
                if len(changed) <= INCREMENTAL_LIMIT:
                    iris, blanks = self._nodes([graph])
                    old_iris |= iris
                    old_blanks += blanks
                # Forget the hash first: if we stop before the new content is in, the next load
                # finds no record and loads the file again instead of trusting an empty graph.
                self._forget(graph)
                summary.replaced.append(path.name)
            else:
                summary.loaded.append(path.name)
            batch.add(graph, data, self._meta_quads(graph, sha, path.name, "report", triples), triples)
        batch.flush()
        if summary.reference or len(changed) > INCREMENTAL_LIMIT:
            self.index_drop()
        elif changed:
            # Derived per-node entries (e.g. item timelines) that a changed report touches go stale.
            iris = old_iris | self._nodes(changed)[0]
            self.index_drop(iris | {ARCHIVE})
        if infer and (summary.changed or cut_short or self.names.inferred not in meta):
            # A few changed reports: recompute the entailments about their nodes only; many, or a
            # new registry or ontology, or after a load cut short: recompute everything (cheaper
            # than huge VALUES lists).
            incremental = (not summary.reference and not cut_short and self.names.inferred in meta
                           and len(changed) <= INCREMENTAL_LIMIT)
            changes = None
            if incremental:
                new_iris, _ = self._nodes(changed)
                changes = (old_iris | new_iris, old_blanks, changed)
            summary.inferred = self.infer(recompute_closure="ontology" in summary.reference, changes=changes)
        summary.graphs = len(self.graphs())
        summary.quads = len(self.ox)
        self._set_untrusted(False)
        return summary

    def replace_graph(self, graph: str, data: bytes | str, media_type: str = "text/turtle") -> int:
        """Replace one named graph with ``data`` (Turtle or N-Triples); returns its triple count."""
        import pyoxigraph as ox

        fmt = ox.RdfFormat.from_media_type(media_type) or ox.RdfFormat.TURTLE
        g = _nn(graph)
        try:
            quads = [ox.Quad(q.subject, q.predicate, q.object, g) for q in ox.parse(data, format=fmt, rename_blank_nodes=True)]
        except SyntaxError as exc:
            raise StoreError(f"graph {graph}: {exc}") from None
        if graph not in self.names.derived:
            self.index_drop()  # derived entries may depend on what is replaced: gone before it is
        self.drop_graph(graph)
        self._write(quads)
        self.ox.add_graph(g)
        return len(quads)

    def drop_graph(self, graph: str) -> None:
        """Remove a named graph (nothing happens if there is none)."""
        if self.ox.contains_named_graph(_nn(graph)):
            self.ox.remove_graph(_nn(graph))

    def _write(self, quads: list[Any]) -> None:
        try:
            self.ox.extend(quads)
        except OSError as exc:
            raise StoreError(f"cannot write to the store at {self.path}: {exc}") from None

    def _forget(self, graph: str) -> None:
        self._forget_meta(graph)
        self.drop_graph(graph)

    def _forget_meta(self, graph: str) -> None:
        self.ox.update(f"DELETE WHERE {{ GRAPH <{self.names.meta}> {{ <{graph}> ?p ?o }} }}")

    def _meta_quads(self, graph: str, sha: str, name: str, kind: str, triples: int) -> list[Any]:
        import pyoxigraph as ox

        m, s = _nn(self.names.meta), _nn(graph)
        return [
            ox.Quad(s, _nn(RCM + "sha256"), ox.Literal(sha), m),
            ox.Quad(s, _nn(DCT + "identifier"), ox.Literal(name), m),
            ox.Quad(s, _nn(DCT + "type"), ox.Literal(kind), m),
            ox.Quad(s, _nn(VOID + "triples"), ox.Literal(str(triples), datatype=_nn(XSD + "integer")), m),
        ]

    def _probe_report(self, data: bytes) -> tuple[str, int]:
        """The graph IRI of one converted report and its triple count (parsed by pyoxigraph, in Rust)."""
        import pyoxigraph as ox

        probe = ox.Store()
        try:
            probe.load(data, format=ox.RdfFormat.TURTLE, base_iri=self.base + "id/")
        except SyntaxError as exc:
            raise StoreError(f"not valid Turtle: {exc}") from None
        meetings = {s["m"].value for s in probe.query(f"SELECT DISTINCT ?m WHERE {{ ?r a <{RCM}Report> ; <{RCM}reportOf> ?m }}")}
        if len(meetings) != 1:
            found = "no" if not meetings else f"{len(meetings)}"
            raise StoreError(f"not a converted report: {found} `?report a rcm:Report ; rcm:reportOf ?meeting` (need one)")
        return report_graph(meetings.pop()), len(probe)

    def _load_reference(self, kind: str) -> bool:
        from rcmkg.registry_graph import reference_data, reference_hash

        graph = getattr(self.names, kind)
        sha, _files = reference_hash(kind, self.base)
        if self._meta().get(graph, ("",))[0] == sha and self.ox.contains_named_graph(_nn(graph)):
            return False
        ref = reference_data(kind, self.base)
        self._forget(graph)
        n = self.replace_graph(graph, ref.ntriples, "application/n-triples")
        names = ",".join(f.name for f in ref.files)
        self._write(self._meta_quads(graph, sha, names, kind, n))
        return True

    # -- entailments

    def infer(self, *, recompute_closure: bool = False,
              changes: tuple[set[str], list[Any], list[str]] | None = None) -> int:
        """Recompute ``{base}id/graph/inferred`` (and the TBox closure if asked or missing); returns
        the number of inferred data triples.

        With ``changes`` (the IRIs and blank nodes in the old and new versions of the graphs that
        changed, and those graphs) only the entailments about those nodes are recomputed: every rule
        has one premise, so an entailment can only change if its premise, or an asserted copy of
        it, sits in a changed graph, and then its subject is one of those nodes.
        """
        import pyoxigraph as ox

        names = self.names
        if recompute_closure or not self.ox.contains_named_graph(_nn(names.closure)):
            closure = tbox_closure(self._graph_ntriples(names.ontology))
            self.replace_graph(names.closure, closure, "application/n-triples")
            changes = None
        rules = self._rules()
        excluded = ", ".join(f"<{g}>" for g in names.derived)
        inf = names.inferred
        meta = self._meta().get(inf)
        if changes is not None and meta is not None and meta[0] == rules.digest():
            iris, blanks, graphs = changes
            for b in blanks:  # entailments about blank nodes of replaced graphs, which are gone
                for q in list(self.ox.quads_for_pattern(b, None, None, _nn(inf))):
                    self.ox.remove(q)
            todo = sorted(iris)
            for k in range(0, len(todo), 1000):
                chunk = todo[k:k + 1000]
                values = " ".join(f"<{n}>" for n in chunk)
                self.ox.update(f"DELETE {{ GRAPH <{inf}> {{ ?x ?p ?o }} }} WHERE {{ VALUES ?x {{ {values} }} GRAPH <{inf}> {{ ?x ?p ?o }} }}")
                for kind, pairs in rules.kinds():
                    if pairs:
                        body = _rule_body(kind, pairs, excluded, nodes=chunk)
                        self.ox.update(f"INSERT {{ GRAPH <{inf}> {{ {_HEADS[kind]} }} }} WHERE {{ {body} }}")
            if graphs:
                for kind, pairs in rules.kinds():
                    if pairs:
                        body = _rule_body(kind, pairs, excluded, blank_graphs=graphs)
                        self.ox.update(f"INSERT {{ GRAPH <{inf}> {{ {_HEADS[kind]} }} }} WHERE {{ {body} }}")
        else:
            self._forget(inf)
            self.ox.add_graph(_nn(inf))
            for kind, pairs in rules.kinds():
                if not pairs:
                    continue
                # CONSTRUCT, then one write: a disk store's bulk loader is much faster than INSERT's
                # transaction for 10^5-10^6 triples.
                triples = list(self.ox.query(f"CONSTRUCT {{ {_HEADS[kind]} }} WHERE {{ {_rule_body(kind, pairs, excluded)} }}"))
                if not triples:
                    continue
                data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
                if self.path is not None and len(triples) >= 20_000:
                    self.ox.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=_nn(inf))
                else:
                    self.ox.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=_nn(inf))
        n = self.count(inf)
        self._forget_meta(inf)
        self._write(self._meta_quads(inf, rules.digest(), "", "inferred", n))
        return n

    def _nodes(self, graphs: Sequence[str]) -> tuple[set[str], list[Any]]:
        """The IRIs and the blank nodes that are subjects or objects in ``graphs``."""
        import pyoxigraph as ox

        iris: set[str] = set()
        blanks: list[Any] = []
        for k in range(0, len(graphs), 200):
            values = " ".join(f"<{g}>" for g in graphs[k:k + 200])
            q = f"""SELECT DISTINCT ?x WHERE {{ VALUES ?g {{ {values} }}
                    GRAPH ?g {{ {{ ?x ?p ?o }} UNION {{ ?s ?p ?x FILTER(!isLiteral(?x)) }} }} }}"""
            for sol in self.ox.query(q):
                x = sol["x"]
                if isinstance(x, ox.NamedNode):
                    iris.add(x.value)
                else:
                    blanks.append(x)
        return iris, blanks

    def _graph_ntriples(self, graph: str) -> bytes:
        import pyoxigraph as ox

        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in self.ox.quads_for_pattern(None, None, None, _nn(graph))]
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)

    def _rules(self) -> Rules:
        graphs = f"FROM <{self.names.ontology}> FROM <{self.names.closure}>"

        def pairs(where: str) -> list[tuple[str, str]]:
            q = f"SELECT DISTINCT ?a ?b {graphs} WHERE {{ {where} FILTER(isIRI(?a) && isIRI(?b) && ?a != ?b) }}"
            return sorted((s["a"].value, s["b"].value) for s in self.ox.query(q))

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

    Parsing happens in Rust (``Store.load``); a disk store gets each batch as one N-Quads document,
    through the bulk loader when it is large (transactional writes of many small graphs are several
    times slower and leave a much larger RocksDB). Metadata is written after the data, so a load
    that stops half-way leaves reports without a hash record, which the next load loads again.
    """

    LIMIT = 400_000  # quads held in memory before writing

    def __init__(self, target: LocalStore) -> None:
        self.target = target
        self.mem: Any = None
        self.meta: list[Any] = []
        self.size = 0

    def add(self, graph: str, data: bytes, meta: list[Any], triples: int) -> None:
        import pyoxigraph as ox

        fmt, base = ox.RdfFormat.TURTLE, self.target.base + "id/"
        if self.target.path is None:  # memory: straight in, nothing to gain from batching
            self.target.ox.load(data, format=fmt, base_iri=base, to_graph=_nn(graph))
            self.target._write(meta)
            return
        if self.mem is None:
            self.mem = ox.Store()
        self.mem.load(data, format=fmt, base_iri=base, to_graph=_nn(graph))
        self.meta.extend(meta)
        self.size += triples
        if self.size >= self.LIMIT:
            self.flush()

    def flush(self) -> None:
        import pyoxigraph as ox

        if self.mem is None:
            return
        nquads = self.mem.dump(format=ox.RdfFormat.N_QUADS)
        try:
            if self.size >= 20_000:
                self.target.ox.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
            else:
                self.target.ox.load(nquads, format=ox.RdfFormat.N_QUADS)
        except OSError as exc:
            raise StoreError(f"cannot write to the store at {self.target.path}: {exc}") from None
        self.target._write(self.meta)
        self.mem, self.meta, self.size = None, [], 0


def _nn(iri: str) -> Any:
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def _term(t: Any) -> Term:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return Term("uri", t.value)
    if isinstance(t, ox.BlankNode):
        return Term("bnode", t.value)
    if isinstance(t, ox.Literal):
        return Term.literal(t.value, t.datatype.value, t.language)
    return Term("literal", str(t))


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given and every ``*.ttl`` under the folders given, sorted, without duplicates."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(x for x in p.rglob("*.ttl") if x.is_file()))
        elif p.is_file():
            out.append(p)
        else:
            raise UsageError(f"{p}: no such file or folder")
    seen: set[Path] = set()
    unique = []
    for p in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


# --- entailment rules ---------------------------------------------------------------------------------

_NOT_CLASSES = (XSD, RDF + "langString", RDF + "PlainLiteral", RDFS + "Literal", RDFS + "Resource", OWL + "Thing")

# Each rule: the distinct premises (one scan per premise predicate or class), joined with the
# (premise, conclusion) table, minus what some graph already holds. MINUS against the conclusion
# predicates (or classes) is a hash anti-join; FILTER NOT EXISTS probes once per candidate and was
# 5x slower on 1,000 reports. {premise}/{minus} are empty for a full recompute, or limit the
# conclusions' subjects to the nodes of the graphs that changed (see _rule_body).
_HEADS = {"same": "?s ?q ?o", "flip": "?o ?q ?s", "subject": "?s a ?c", "object": "?o a ?c", "types": "?x a ?d"}
_SUBJECT = {"same": "s", "flip": "o", "subject": "s", "object": "o", "types": "x"}
_BODIES = {
    "same": """{{ SELECT DISTINCT ?s ?q ?o WHERE {{
      {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {premise} {keys} GRAPH ?g {{ ?s ?p ?o }}
                                         FILTER(?g NOT IN ({excluded}) {keyfilter}) }} }}
      VALUES (?p ?q) {{ {values} }} }} }}
  MINUS {{ {minus} {targets} GRAPH ?h {{ ?s ?q ?o }} {targetfilter} }}""",
    "flip": """{{ SELECT DISTINCT ?s ?q ?o WHERE {{
      {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {premise} {keys} GRAPH ?g {{ ?s ?p ?o }}
                                         FILTER(?g NOT IN ({excluded}) && !isLiteral(?o) {keyfilter}) }} }}
      VALUES (?p ?q) {{ {values} }} }} }}
  MINUS {{ {minus} {targets} GRAPH ?h {{ ?o ?q ?s }} {targetfilter} }}""",
    "subject": """{{ SELECT DISTINCT ?s ?c WHERE {{
      {{ SELECT DISTINCT ?s ?p WHERE {{ {premise} {keys} GRAPH ?g {{ ?s ?p ?o }}
                                      FILTER(?g NOT IN ({excluded}) {keyfilter}) }} }}
      VALUES (?p ?c) {{ {values} }} }} }}
  MINUS {{ {minus} {targets} GRAPH ?h {{ ?s a ?c }} {targetfilter} }}""",
    "object": """{{ SELECT DISTINCT ?o ?c WHERE {{
      {{ SELECT DISTINCT ?o ?p WHERE {{ {premise} {keys} GRAPH ?g {{ ?s ?p ?o }}
                                      FILTER(?g NOT IN ({excluded}) && !isLiteral(?o) {keyfilter}) }} }}
      VALUES (?p ?c) {{ {values} }} }} }}
  MINUS {{ {minus} {targets} GRAPH ?h {{ ?o a ?c }} {targetfilter} }}""",
    "types": """{{ SELECT DISTINCT ?x ?d WHERE {{
      {{ SELECT DISTINCT ?x ?c WHERE {{ {premise} {keys} GRAPH ?g {{ ?x a ?c }}
                                      FILTER(?g NOT IN ({excluded}) {keyfilter}) }} }}
      VALUES (?c ?d) {{ {values} }} }} }}
  MINUS {{ {minus} {targets} GRAPH ?h {{ ?x a ?d }} {targetfilter} }}""",
}
_PREMISE = {"same": "p", "flip": "p", "subject": "p", "object": "p", "types": "c"}
_CONCLUSION = {"same": "q", "flip": "q", "subject": "c", "object": "c", "types": "d"}


def _rule_body(kind: str, pairs: Sequence[tuple[str, str]], excluded: str, nodes: Sequence[str] = (),
               blank_graphs: Sequence[str] = ()) -> str:
    """The WHERE body of one rule; limited to conclusions about ``nodes`` (IRIs), or about the
    blank nodes of ``blank_graphs`` (a blank node's premises are all in its own graph)."""
    var = _SUBJECT[kind]
    premise = minus = ""
    if nodes:
        premise = minus = f"VALUES ?{var} {{ {' '.join(f'<{n}>' for n in nodes)} }}"
    elif blank_graphs:
        premise = f"VALUES ?g {{ {' '.join(f'<{g}>' for g in blank_graphs)} }} FILTER(isBlank(?{var}))"
    keys = sorted({f"<{a}>" for a, _ in pairs})
    targets = sorted({f"<{b}>" for _, b in pairs})
    p, c = _PREMISE[kind], _CONCLUSION[kind]
    parts: dict[str, str] = {}
    if premise:
        # With the subjects fixed, pyoxigraph is fast with FILTER IN and very slow with a second
        # VALUES (9 ms against 1.3 s for one report of 1,000); without them, VALUES is the fast one.
        parts.update(keys="", keyfilter=f"&& ?{p} IN ({', '.join(keys)})")
    else:
        parts.update(keys=f"VALUES ?{p} {{ {' '.join(keys)} }}", keyfilter="")
    if minus:
        parts.update(targets="", targetfilter=f"FILTER(?{c} IN ({', '.join(targets)}))")
    else:
        parts.update(targets=f"VALUES ?{c} {{ {' '.join(targets)} }}", targetfilter="")
    return _BODIES[kind].format(premise=premise, minus=minus, excluded=excluded,
                                values=" ".join(f"(<{a}> <{b}>)" for a, b in pairs), **parts)


@dataclass(frozen=True)
class Rules:
    """The single-premise data rules compiled from the closed TBox.

    ``same``/``flip``: (p, q) where ``s p o`` entails ``s q o`` / ``o q s``; ``subject``/``object``:
    (p, C) where ``s p o`` entails ``s a C`` / ``o a C``; ``types``: (C, D) with C ⊑ D.

    >>> r = Rules.build(subclass=[("A", "B"), ("B", "C")], subproperty=[("p", "q")], inverse=[("q", "r")],
    ...                 domain=[], range=[])
    >>> r.same, r.flip, r.types
    ((('p', 'q'),), (('p', 'r'), ('q', 'r'), ('r', 'q')), (('A', 'B'), ('A', 'C'), ('B', 'C')))
    """

    same: tuple[tuple[str, str], ...]
    flip: tuple[tuple[str, str], ...]
    subject: tuple[tuple[str, str], ...]
    object: tuple[tuple[str, str], ...]
    types: tuple[tuple[str, str], ...]

    @classmethod
    def build(cls, *, subclass: Sequence[tuple[str, str]], subproperty: Sequence[tuple[str, str]],
              inverse: Sequence[tuple[str, str]], domain: Sequence[tuple[str, str]],
              range: Sequence[tuple[str, str]]) -> Rules:
        def closure(edges: Sequence[tuple[str, str]]) -> dict[str, set[str]]:
            direct: dict[str, set[str]] = {}
            for a, b in edges:
                direct.setdefault(a, set()).add(b)
            out = {}
            for start in direct:
                seen, todo = set(), [start]
                while todo:
                    for nxt in direct.get(todo.pop(), ()):
                        if nxt not in seen:
                            seen.add(nxt)
                            todo.append(nxt)
                seen.discard(start)
                out[start] = seen
            return out

        def is_class(c: str) -> bool:
            return not c.startswith(_NOT_CLASSES)

        supers = closure([e for e in subclass if is_class(e[1])])
        subprops: dict[str, set[str]] = {}
        for a, b in subproperty:
            subprops.setdefault(a, set()).add(b)
        inverses: dict[str, set[str]] = {}
        for a, b in inverse:
            inverses.setdefault(a, set()).add(b)
        # Walk property -> superproperty (same direction) and property -> inverse (flipped).
        props = set(subprops) | set(inverses) | {a for a, _ in domain} | {a for a, _ in range}
        reach: dict[str, set[tuple[str, bool]]] = {}
        for p in props:
            seen, todo = {(p, False)}, [(p, False)]
            while todo:
                q, flipped = todo.pop()
                for nxt in [(s, flipped) for s in subprops.get(q, ())] + [(i, not flipped) for i in inverses.get(q, ())]:
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
            reach[p] = seen
        doms: dict[str, set[str]] = {}
        rngs: dict[str, set[str]] = {}
        for a, c in domain:
            if a.startswith(RCM) and is_class(c):
                doms.setdefault(a, set()).add(c)
        for a, c in range:
            if a.startswith(RCM) and is_class(c):
                rngs.setdefault(a, set()).add(c)

        def up(classes: Iterable[str]) -> set[str]:
            out = set()
            for c in classes:
                out.add(c)
                out |= supers.get(c, set())
            return out

        same, flip, subj, obj = set(), set(), set(), set()
        for p, reached in reach.items():
            for q, flipped in reached:
                if (q, flipped) != (p, False):
                    (flip if flipped else same).add((p, q))
                for c in up(doms.get(q, ())):
                    (obj if flipped else subj).add((p, c))
                for c in up(rngs.get(q, ())):
                    (subj if flipped else obj).add((p, c))
        types = {(c, d) for c, ds in supers.items() for d in ds}
        return cls(*(tuple(sorted(x)) for x in (same, flip, subj, obj, types)))

    def kinds(self) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
        """(rule kind, premise-conclusion pairs), in the order they must run."""
        return [(k, getattr(self, k)) for k in ("same", "flip", "subject", "object", "types")]

    def digest(self) -> str:
        """A hash of the rules (recorded in the metadata graph)."""
        doc = json.dumps([self.same, self.flip, self.subject, self.object, self.types])
        return hashlib.sha256(doc.encode()).hexdigest()


_KEEP = {RDF + "type", RDFS + "subClassOf", RDFS + "subPropertyOf", OWL + "equivalentClass",
         OWL + "equivalentProperty", OWL + "inverseOf", RDFS + "domain", RDFS + "range"}
_SKIP_SUBJECTS = (RDF, RDFS, OWL, XSD)


def tbox_closure(ontology: bytes) -> bytes:
    """The OWL RL entailments of the ontology (N-Triples in, N-Triples out): only the schema axioms
    and term types, no ``owl:sameAs`` or reflexive axioms, nothing about the RDF/OWL vocabularies.

    Cached on disk by content hash (``$RCMKG_CACHE_DIR``, default ``~/.cache/rcmkg``).
    """
    sha = hashlib.sha256(b"tbox-closure-v1\n" + ontology).hexdigest()[:32]
    cache = _cache_dir()
    if cache is not None:
        hit = cache / f"tbox-{sha}.nt"
        if hit.is_file():
            return hit.read_bytes()
    import owlrl
    import rdflib

    g = rdflib.Graph()
    g.parse(data=ontology.decode("utf-8"), format="nt")
    before = set(g)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    kept = []
    for s, p, o in g:
        if (s, p, o) in before or str(p) not in _KEEP or s == o:
            continue
        if not isinstance(s, rdflib.URIRef) or not isinstance(o, rdflib.URIRef):
            continue
        if str(s).startswith(_SKIP_SUBJECTS) or str(o) in (OWL + "Thing", RDFS + "Resource", OWL + "NamedIndividual"):
            continue
        kept.append(f"<{s}> <{p}> <{o}> .\n")
    out = "".join(sorted(kept)).encode("utf-8")
    if cache is not None:
        try:
            cache.mkdir(parents=True, exist_ok=True)
            tmp = cache / f".tbox-{sha}.{os.getpid()}"
            tmp.write_bytes(out)
            os.replace(tmp, cache / f"tbox-{sha}.nt")
        except OSError:
            pass  # a cache we cannot write only costs time
    return out


def _cache_dir() -> Path | None:
    env = os.environ.get("RCMKG_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "rcmkg"


# --- remote (SPARQL 1.1 protocol) -------------------------------------------------------------------------


class RemoteStore:
    """A SPARQL 1.1 endpoint, queried with SPARQLWrapper (POST, form-encoded).

    The endpoint's default graph must be the union of its named graphs (Oxigraph:
    ``serve --union-default-graph``; Fuseki: ``tdb2:unionDefaultGraph true``). Credentials come from
    the environment: ``RCMKG_ENDPOINT_USER`` and ``RCMKG_ENDPOINT_PASSWORD`` (basic, or digest when
    ``RCMKG_ENDPOINT_AUTH=digest``, e.g. Virtuoso's ``/sparql-auth``), or ``RCMKG_ENDPOINT_TOKEN``
    (bearer). ``graph_store`` is the Graph Store Protocol URL used by
    :meth:`replace_graph` (default: the endpoint URL with ``/query`` or ``/sparql`` replaced by ``/store``).

    >>> store = RemoteStore("http://127.0.0.1:7878/query")                  # doctest: +SKIP
    >>> store.query("ASK { ?m a rcm:Meeting }").boolean                     # doctest: +SKIP
    True
    """

    def __init__(self, endpoint: str, *, timeout: float = 10.0, graph_store: str | None = None,
                 user: str | None = None, password: str | None = None, token: str | None = None,
                 auth: str | None = None) -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise UsageError(f"{endpoint!r} is not an http(s) URL of a SPARQL endpoint")
        self.endpoint = endpoint
        self.timeout = timeout
        self.graph_store = graph_store or _store_url(endpoint)
        env = os.environ
        self.user = user if user is not None else env.get("RCMKG_ENDPOINT_USER")
        self.password = password if password is not None else env.get("RCMKG_ENDPOINT_PASSWORD")
        self.token = token if token is not None else env.get("RCMKG_ENDPOINT_TOKEN")
        self.digest = (auth or env.get("RCMKG_ENDPOINT_AUTH") or "basic").strip().lower() == "digest"

    def _auth_header(self) -> str | None:
        import base64

        if self.token:
            return f"Bearer {self.token}"
        if self.user:
            raw = f"{self.user}:{self.password or ''}".encode()
            return "Basic " + base64.b64encode(raw).decode("ascii")
        return None

    def query(self, sparql: str) -> QueryResult:
        """Run SPARQL on the endpoint; results normalised as the local store's are."""
        import socket
        import urllib.error

        from SPARQLWrapper import DIGEST, JSON, N3, POST, SPARQLWrapper
        from SPARQLWrapper import SPARQLExceptions as sx

        text = with_prologue(sparql)
        w = SPARQLWrapper(self.endpoint)
        w.setMethod(POST)
        w.setTimeout(max(1, int(round(self.timeout))))
        w.setOnlyConneg(True)  # no format=/output= parameters: content negotiation only
        if self.user and not self.token:
            w.setCredentials(self.user, self.password or "")
            if self.digest:
                w.setHTTPAuth(DIGEST)
        elif self.token:
            w.addCustomHttpHeader("Authorization", f"Bearer {self.token}")
        # Without comments: SPARQLWrapper guesses the query form from the first keyword it sees,
        # and a header saying "how an item moved" makes it a MOVE update.
        w.setQuery(strip_comments(text))
        graph = w.queryType in ("CONSTRUCT", "DESCRIBE")
        w.setReturnFormat(N3 if graph else JSON)
        if graph:
            w.addCustomHttpHeader("Accept", "application/n-triples, text/turtle;q=0.9")
        try:
            response = w.query()
            raw = response.response.read()
            ctype = response.response.headers.get("Content-Type", "") or ""
        except sx.QueryBadFormed as exc:
            raise QueryError(f"the endpoint rejected the query: {_tail(exc)}") from None
        except sx.Unauthorized:
            raise StoreError(f"{self.endpoint}: not authorised (set RCMKG_ENDPOINT_USER/PASSWORD or TOKEN)") from None
        except sx.EndPointNotFound:
            raise StoreError(f"{self.endpoint}: no SPARQL endpoint there (404)") from None
        except sx.SPARQLWrapperException as exc:
            raise QueryError(f"{self.endpoint}: {_tail(exc)}") from None
        except TimeoutError:
            raise QueryTimeout(f"{self.endpoint}: no answer within {self.timeout:g} s") from None
        except urllib.error.HTTPError as exc:
            raise QueryError(f"{self.endpoint}: HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise QueryTimeout(f"{self.endpoint}: no answer within {self.timeout:g} s") from None
            raise StoreError(f"cannot reach {self.endpoint}: {reason}") from None
        if graph:
            return _graph_result(raw, ctype)
        try:
            doc = json.loads(raw)
        except ValueError:
            raise QueryError(f"{self.endpoint}: the answer is not SPARQL JSON results ({ctype})") from None
        if "boolean" in doc:
            return QueryResult.ask(bool(doc["boolean"]))
        names = list(doc.get("head", {}).get("vars", []))
        bindings = doc.get("results", {}).get("bindings", [])
        if w.queryType == "ASK":  # Virtuoso answers ASK as one row of ?__ASK_RETVAL (1 or 0)
            return QueryResult.ask(any(canonical(Term.from_json(v)).value in ("true", "1") for b in bindings for v in b.values()))
        rows = [{k: canonical(Term.from_json(v)) for k, v in b.items()} for b in bindings]
        return QueryResult.select(names, rows, ordered=has_order_by(text))

    def graphs(self) -> list[str]:
        """The endpoint's named graphs."""
        res = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(r["g"].value for r in res.rows)

    def replace_graph(self, graph: str, data: bytes | str, media_type: str = "text/turtle") -> None:
        """PUT one graph through the Graph Store HTTP Protocol."""
        import urllib.error
        import urllib.parse
        import urllib.request

        body = data.encode("utf-8") if isinstance(data, str) else data
        url = self.graph_store + ("&" if "?" in self.graph_store else "?") + urllib.parse.urlencode({"graph": graph})
        req = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": media_type})
        opener = urllib.request.build_opener()
        if self.digest and self.user and not self.token:
            # Digest answers the server's challenge: no header to send up front.
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, self.graph_store, self.user, self.password or "")
            opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))
        else:
            auth = self._auth_header()
            if auth:
                req.add_header("Authorization", auth)
        try:
            with opener.open(req, timeout=max(self.timeout, 60)) as resp:
                resp.read()
        except urllib.error.HTTPError as exc:
            raise StoreError(f"{self.graph_store}: PUT of {graph} failed: HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach {self.graph_store}: {getattr(exc, 'reason', exc)}") from None

    def close(self) -> None:
        """Nothing to release (each query is one HTTP request)."""


_INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt",
                                "unsignedShort", "unsignedByte")}


def canonical(t: Term) -> Term:
    """A literal from a remote endpoint in the form the local store (Oxigraph) gives: booleans
    ``true``/``false`` (Virtuoso says ``1``/``0``), every integer type as ``xsd:integer`` without
    sign or leading zeros, decimals and doubles in plain notation without trailing zeros.

    >>> canonical(Term.literal("0", XSD + "boolean")).value, canonical(Term.literal("007", XSD + "nonNegativeInteger"))
    ('false', Term(type='literal', value='7', datatype='http://www.w3.org/2001/XMLSchema#integer', lang=None))
    """
    from decimal import Decimal, InvalidOperation

    dt, v = t.datatype, t.value.strip()
    try:
        if dt == XSD + "boolean" and v in ("0", "1", "true", "false"):
            return Term.literal("true" if v in ("1", "true") else "false", dt)
        if dt in _INTEGERS:
            return Term.literal(str(int(v)), XSD + "integer")
        if dt == XSD + "decimal":
            return Term.literal(format(Decimal(v).normalize(), "f"), dt)
        if dt in (XSD + "double", XSD + "float"):
            x = float(v)
            if x != x or x in (float("inf"), float("-inf")):
                return Term.literal("NaN" if x != x else ("INF" if x > 0 else "-INF"), dt)
            return Term.literal(format(Decimal(repr(x)).normalize(), "f"), dt)
    except (ValueError, InvalidOperation):
        pass  # not a valid lexical form: leave it as the endpoint wrote it
    return t


def _store_url(endpoint: str) -> str:
    for suffix in ("/query", "/sparql"):
        if endpoint.rstrip("/").endswith(suffix):
            return endpoint.rstrip("/")[: -len(suffix)] + "/store"
    return endpoint


def _tail(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[-300:]


def _graph_result(raw: bytes, ctype: str) -> QueryResult:
    import pyoxigraph as ox

    fmt = ox.RdfFormat.from_media_type(ctype.split(";")[0].strip()) or ox.RdfFormat.TURTLE
    try:
        quads = list(ox.parse(raw, format=fmt))
    except SyntaxError as exc:
        raise QueryError(f"cannot read the endpoint's RDF answer ({ctype}): {exc}") from None
    return QueryResult.graph((_term(q.subject), _term(q.predicate), canonical(_term(q.object))) for q in quads)


def copy_to(source: LocalStore, target: RemoteStore, graphs: Iterable[str] | None = None) -> int:
    """Put every named graph of ``source`` (or those given) into ``target``; returns how many.

    >>> copy_to(LocalStore(".rcmkg/store"), RemoteStore("http://127.0.0.1:7878/query"))  # doctest: +SKIP
    """
    n = 0
    for g in graphs if graphs is not None else source.graphs():
        target.replace_graph(g, source._graph_ntriples(g), "application/n-triples")
        n += 1
    return n


# --- opening -------------------------------------------------------------------------------------------


def open_data(paths: Iterable[str | Path], base: str = DEFAULT_BASE) -> LocalStore:
    """An in-memory store with the converted Turtle under ``paths``, the registry, the ontology and
    the entailments: the same graphs ``rcmkg load`` builds, for one run.

    >>> store = open_data(["out/"])                                           # doctest: +SKIP
    """
    store = LocalStore(None, base=base)
    summary = store.load(paths)
    if summary.errors:
        path, problem = summary.errors[0]
        more = f" (and {len(summary.errors) - 1} more)" if len(summary.errors) > 1 else ""
        raise StoreError(f"{path}: {problem}{more}")
    return store


def open_store(settings: Settings | None = None, *, store: str | Path | None = None,
               data: Sequence[str | Path] | str | Path | None = None, endpoint: str | None = None) -> Store:
    """The store a command should query: ``endpoint``, else ``data`` (in memory), else the local store
    (``store`` or ``settings.store``), else ``settings.endpoint`` when no local store is named.

    >>> open_store(data="out/")                                              # doctest: +SKIP
    """
    settings = settings or Settings.load()
    chosen = [name for name, v in (("--store", store), ("--data", data), ("--endpoint", endpoint)) if v]
    if len(chosen) > 1:
        raise UsageError(f"give only one of {', '.join(chosen)}")
    if endpoint:
        return RemoteStore(endpoint, timeout=settings.query_timeout)
    if data:
        paths = [data] if isinstance(data, (str, Path)) else list(data)
        return open_data(paths, settings.base)
    if store is None and settings.endpoint:
        return RemoteStore(settings.endpoint, timeout=settings.query_timeout)
    return LocalStore(store or settings.store, base=settings.base, read_only=True)


def load_paths(paths: Iterable[str | Path], settings: Settings | None = None) -> LoadSummary:
    """Load converted Turtle into the local store at ``settings.store`` (what ``rcmkg load`` does).

    >>> load_paths(["data/rdf"], Settings(store=".rcmkg/store")).describe()  # doctest: +SKIP
    'reports: 5 loaded, 0 replaced, 0 unchanged; reloaded ontology and registry; ...'
    """
    from rcmkg.trace import refresh_commitments, refresh_timelines

    settings = settings or Settings.load()
    with LocalStore(settings.store, base=settings.base) as store:
        summary = store.load(paths)
        # Item timelines and the commitments index are precomputed so that `rcmkg trace` and
        # `rcmkg commitments` stay fast on big archives.
        refresh_timelines(store)
        refresh_commitments(store)
        return summary


__all__ = [
    "ARCHIVE", "INDEX_DIR", "GraphNames", "LoadSummary", "LocalStore", "RemoteStore", "Rules", "Store", "copy_to", "expand_paths",
    "load_paths", "open_data", "open_store", "report_graph", "tbox_closure",
]
