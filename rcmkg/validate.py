"""Validate rcmkg Turtle against the SHACL shapes (``shapes/*.ttl``).

How it runs, and why:

* **Per file, with the shared graphs.** Each Turtle file is validated on its own, together with the
  registry (``data/registry/*.ttl``: ``sh:class`` checks need the countries, organisations, tracked
  items and documents a report points to), the vocabularies and the ontology (``sh:class`` and
  ``sh:targetClass`` see ``rdfs:subClassOf``, e.g. a report is a document). The cost per file is flat,
  whatever the size of the corpus (``../shared/PERFORMANCE.md`` §4). The registry is rebased to the
  configured base IRI, like the converter's.
* **SHACL Core per file, SHACL-SPARQL once over the union.** The cross-node rules (``sh:sparql``,
  ``shapes/rcm-rules.ttl``) are left out of the per-file runs: pyshacl evaluates them with one rdflib
  query per focus node, which costs ten times the rest. They are run once over the union of all the
  files (plus the shared graphs) in pyoxigraph, each as a single global query: ``$this`` is left
  unbound and the shape's targets become a triple pattern. The union also catches what no single file
  shows (two files describing the same meeting).
* **Inference** (``inference=``): ``"none"`` (default) validates what is asserted. ``"rdfs"`` uses
  pyshacl's own RDFS closure on each file's graph: it skips owlrl's "hidden sameAs between literals"
  step, which is what makes owlrl's RDFS closure quadratic (PERFORMANCE.md §5), so it stays linear.
  ``"owlrl"`` expands each file's graph with owlrl's ``OWLRL_Semantics`` first; owlrl's inconsistency
  messages (disjoint classes sharing a member, ...) become violations. ``owl:sameAs`` links to things
  outside the base IRI (Wikidata) are held out of that closure: smushing would give Wikidata entities
  our types and our IRIs Wikidata's, which is not what the links mean. The SPARQL rules always run on
  the asserted triples: they are written with explicit property paths and need no entailment.

Blank nodes (selectors, intervals) are shown by where they hang, e.g.
``[oa:TextPositionSelector] oa:hasSelector of <…#char=0,120>``, so that reports are readable and
sorted the same way on every run.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import owlrl
import pyoxigraph
import pyoxigraph as ox
import pyshacl
import rdflib

from rcmkg import shacl
from rcmkg.errors import InputError, UsageError
from rcmkg.iris import rebase
from rcmkg.namespaces import PREFIXES, SHAPES
from rcmkg.resources import resource_files
from rcmkg.settings import DEFAULT_BASE, Settings
from rcmkg.sparql.terms import solutions, term_value

INFERENCE = ("none", "rdfs", "owlrl")
#: ``fast``: the shapes compiled to SPARQL and run with pyoxigraph (rcmkg.shacl), for ``inference="none"``
#: (the entailment regimes run with pyshacl); ``pyshacl``: pyshacl for everything (the reference).
ENGINES = ("fast", "pyshacl")
SEVERITIES = ("Violation", "Warning", "Info")
SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OWL_SAMEAS = "http://www.w3.org/2002/07/owl#sameAs"
ERRNS = "http://www.daml.org/2002/03/agents/agent-ont#"  # where owlrl writes its error messages
GRAPH_SOURCE = "<graph>"
#: Fewest files worth a process pool (each worker costs about as much as validating one file).
PARALLEL_FROM = 8
#: The fast engine: files per task (a worker's unit of work), and at most how many files share one run
#: of the queries.
FAST_CHUNK = 256
FAST_BATCH = 16  # measured: the queries cost more per file in larger runs (each pattern sees every file's graph)

#: Prefixes used to shorten IRIs in messages: the project's, the shapes', SHACL's.
DISPLAY_PREFIXES: dict[str, str] = {**PREFIXES, "rcmsh": SHAPES, "sh": SH, "owlrl": ERRNS}


# ---- the report -------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Result:
    """One validation result. Fields are display strings (IRIs in full for focus nodes, compact elsewhere).

    >>> r = Result("Violation", "https://w3id.org/rcmkg/id/country/XX", "skos:notation",
    ...            "Less than 1 values", None, "data/registry/countries.ttl", "rcmsh:CountryShape",
    ...            "sh:MinCountConstraintComponent")
    >>> r.severity, r.shape
    ('Violation', 'rcmsh:CountryShape')
    """

    severity: str
    focus_node: str
    path: str | None
    message: str
    value: str | None
    source_file: str | None
    shape: str | None
    component: str | None = None

    def sort_key(self) -> tuple[Any, ...]:
        return (
            SEVERITIES.index(self.severity) if self.severity in SEVERITIES else 9,
            self.source_file or "",
            self.focus_node,
            self.path or "",
            self.shape or "",
            self.component or "",
            self.message,
            self.value or "",
        )

    def identity(self) -> tuple[Any, ...]:
        """What makes two results the same finding (the file it is attributed to does not)."""
        return (
            self.severity,
            self.focus_node,
            self.path,
            self.message,
            self.value,
            self.shape,
            self.component,
        )

    def as_dict(self) -> dict[str, str | None]:
        """The result as a JSON-ready dict.

        >>> Result("Warning", "x", None, "m", None, None, None).as_dict()["severity"]
        'Warning'
        """
        return {
            "severity": self.severity,
            "focus_node": self.focus_node,
            "path": self.path,
            "message": self.message,
            "value": self.value,
            "source_file": self.source_file,
            "shape": self.shape,
            "component": self.component,
        }


@dataclass
class ValidationReport:
    """What :func:`validate` found: ``conforms`` is true when there is no result of severity Violation.

    >>> warning = Result("Warning", "x", None, "m", None, "a.ttl", None)
    >>> rep = ValidationReport(results=[warning], files=["a.ttl"])
    >>> rep.conforms, rep.counts()
    (True, {'Violation': 0, 'Warning': 1, 'Info': 0})
    """

    results: list[Result]
    files: list[str] = field(default_factory=list)
    triples: int = 0
    inference: str = "none"
    seconds: float = 0.0
    cached: int = 0  # files whose stored results were reused (validate(cache=...))
    conforms: bool = field(init=False)

    def __post_init__(self) -> None:
        self.results = sorted(self.results, key=Result.sort_key)
        self.conforms = not any(r.severity == "Violation" for r in self.results)

    def counts(self) -> dict[str, int]:
        """Number of results per severity (Violation, Warning, Info; always all three keys).

        >>> ValidationReport(results=[]).counts()
        {'Violation': 0, 'Warning': 0, 'Info': 0}
        """
        out = dict.fromkeys(SEVERITIES, 0)
        for r in self.results:
            out[r.severity] = out.get(r.severity, 0) + 1
        return out

    def summary(self) -> str:
        """One line: files, triples and results by severity.

        >>> ValidationReport(results=[], files=["a.ttl"], triples=10).summary()
        'conforms: 1 file, 10 triples; 0 violations, 0 warnings, 0 infos'
        """
        c = self.counts()
        files = f"{len(self.files)} file{'s' if len(self.files) != 1 else ''}"
        verdict = "conforms" if self.conforms else "does not conform"
        return (
            f"{verdict}: {files}, {self.triples} triples; {c['Violation']} violations, "
            f"{c['Warning']} warnings, {c['Info']} infos"
        )

    def text(self) -> str:
        """A readable report: one block per result (sorted), then the summary line.

        >>> print(ValidationReport(results=[Result("Violation", "https://x/m", "schema:startDate", "Too late",
        ...       '"2018"', "m.ttl", "rcmsh:S", "sh:SPARQLConstraintComponent")]).text())
        Violation: https://x/m
          path:    schema:startDate
          message: Too late
          value:   "2018"
          shape:   rcmsh:S (sh:SPARQLConstraintComponent)
          file:    m.ttl
        <BLANKLINE>
        does not conform: 0 files, 0 triples; 1 violations, 0 warnings, 0 infos
        """
        blocks = []
        for r in self.results:
            lines = [f"{r.severity}: {r.focus_node}"]
            if r.path:
                lines.append(f"  path:    {r.path}")
            lines.append(f"  message: {r.message}")
            if r.value is not None:
                lines.append(f"  value:   {r.value}")
            if r.shape:
                lines.append(f"  shape:   {r.shape}" + (f" ({r.component})" if r.component else ""))
            if r.source_file:
                lines.append(f"  file:    {r.source_file}")
            blocks.append("\n".join(lines))
        blocks.append(self.summary())
        return "\n\n".join(blocks)

    def to_dict(self) -> dict[str, Any]:
        """The report as a JSON-ready dict (``json.dumps(report.to_dict())``).

        >>> ValidationReport(results=[]).to_dict()["conforms"]
        True
        """
        return {
            "conforms": self.conforms,
            "files": list(self.files),
            "triples": self.triples,
            "inference": self.inference,
            "seconds": round(self.seconds, 3),
            "counts": self.counts(),
            "results": [r.as_dict() for r in self.results],
        }

    def json(self) -> str:
        """:meth:`to_dict` as indented JSON."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


# ---- the entry point --------------------------------------------------------------------------------


def validate(
    sources: Iterable[Path | str] | rdflib.Graph,
    *,
    inference: str = "none",
    settings: Settings | None = None,
    registry: Iterable[Path] | None = None,
    engine: str = "fast",
    cache: Path | str | None = None,
) -> ValidationReport:
    """Validate Turtle files (or folders of them, recursively) or one rdflib graph against the shapes.

    ``cache``: an SQLite file keeping each file's own results under its content hash; a later run with
    the same shapes, ontology, registry and options validates only the files that changed (the
    cross-file rules still run over every file).

    ``registry``: the registry files to validate with (default: the shipped ones; ``()`` for none, e.g.
    for a self-contained test graph). Raises :class:`rcmkg.errors.InputError` for a file that is not
    valid Turtle and :class:`rcmkg.errors.UsageError` for a bad ``inference`` or when no file is found.

    >>> report = validate([Path("data/rdf")])                      # doctest: +SKIP
    >>> report.conforms, report.counts()                           # doctest: +SKIP
    (True, {'Violation': 0, 'Warning': 2, 'Info': 0})
    >>> print(report.text())                                       # doctest: +SKIP
    """
    if inference not in INFERENCE:
        raise UsageError(f"unknown inference {inference!r}: use one of {', '.join(INFERENCE)}")
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    started = time.perf_counter()
    settings = settings or Settings()
    registry_files = tuple(Path(p) for p in (resource_files("registry") if registry is None else registry))
    shape_stamp, ontology_stamp = _stamp(resource_files("shapes")), _stamp(resource_files("ontology"))
    registry_stamp = _stamp(registry_files)
    res = _resources(shape_stamp, ontology_stamp, registry_stamp, settings.base)
    fast = _use_fast(res, engine, inference)

    rule_results: list[Result]
    if isinstance(sources, rdflib.Graph):
        if fast:
            unit_results = [_fast_unit(GRAPH_SOURCE, sources, res)[1]]
        else:
            unit_results = [_validate_unit(GRAPH_SOURCE, sources, res, inference, settings.base)]
        names, triples, reused = [GRAPH_SOURCE], len(sources), 0
        rule_results = _run_rules([(GRAPH_SOURCE, sources)], res)
    else:
        paths = _discover(sources)
        names = [str(p) for p in paths]
        jobs = settings.jobs or os.cpu_count() or 1
        stamps = (shape_stamp, ontology_stamp, registry_stamp, settings.base)
        # Files whose results are stored (same bytes, same shapes, ontology, registry and options) are
        # not validated again; only the cross-file rules see every file.
        cached = _Cache(cache, _context(stamps, inference, engine if fast else "pyshacl")) if cache else None
        stored = cached.lookup(paths) if cached else {}
        todo = [n for n in names if n not in stored]
        if fast and todo:
            _fast_shared_results(res)  # once, before the workers fork, so that each starts with it
        rule_results = []
        rule_error: InputError | None = None

        def rules() -> None:
            # In this process while the workers validate the files one by one (the rules need them all).
            nonlocal rule_results, rule_error
            try:
                rule_results = _run_rules([(n, Path(n)) for n in names], res)
            except InputError as exc:
                rule_error = exc  # raised after the files' own errors, which are worded better

        done: list[tuple[int, list[Result]] | str]
        if fast:
            # Chunks of files per task: each task's queries cost the same whatever its number of files.
            per_task = max(1, min(FAST_CHUNK, -(-len(todo) // max(1, jobs))))
            chunks = [todo[i : i + per_task] for i in range(0, len(todo), per_task)]
            if jobs > 1 and len(chunks) > 1:
                # Workers are forked after the shared graphs are loaded, so they start with them cached.
                with ProcessPoolExecutor(max_workers=min(jobs, len(chunks))) as pool:
                    batches = pool.map(_fast_batch_worker, chunks, [stamps] * len(chunks))
                    rules()
                    parts = list(batches)
            else:
                parts = [_fast_batch_worker(c, stamps) for c in chunks]
                rules()
            done = [o for part in parts for o in part]
        elif jobs > 1 and len(todo) >= PARALLEL_FROM:
            # Workers are forked after the shared graphs are loaded, so they start with them cached.
            with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
                pending = pool.map(_file_worker, todo, [inference] * len(todo), [stamps] * len(todo))
                rules()
                done = list(pending)
        else:
            done = [_file_worker(n, inference, stamps) for n in todo]
            rules()
        outcomes = dict(zip(todo, done, strict=True))
        finished: list[tuple[int, list[Result]]] = []
        for name in names:
            outcome = stored[name] if name in stored else outcomes[name]
            if isinstance(outcome, str):
                raise InputError(name, outcome)
            finished.append(outcome)
        if rule_error is not None:
            raise rule_error
        if cached:
            # no error is left here: every outcome is a (triples, results) pair
            cached.store({n: o for n in todo if not isinstance(o := outcomes[n], str)})
        unit_results = [r for _, r in finished]
        triples = sum(n for n, _ in finished)
        reused = len(stored)
    results = [r for rs in unit_results for r in rs] + rule_results
    if fast:
        results += _fast_shared_results(res)
    return ValidationReport(
        results=_dedupe(results),
        files=names,
        triples=triples,
        inference=inference,
        seconds=time.perf_counter() - started,
        cached=reused,
    )


def _file_worker(name: str, inference: str, stamps: tuple[Any, ...]) -> tuple[int, list[Result]] | str:
    """Parse and validate one file (in this process or a worker): (triples, results), or the parse problem."""
    res = _resources(*stamps)
    try:
        graph = _parse(Path(name))
    except InputError as exc:
        return exc.problem  # exceptions with custom __init__ do not cross process boundaries
    return len(graph), _validate_unit(name, graph, res, inference, stamps[3])


# ---- inputs -----------------------------------------------------------------------------------------


def _discover(sources: Iterable[Path | str]) -> list[Path]:
    sources = [sources] if isinstance(sources, str | os.PathLike) else list(sources)
    found: list[Path] = []
    for src in sources:
        p = Path(src)
        if p.is_dir():
            found.extend(sorted(q for q in p.rglob("*.ttl") if q.is_file()))
        elif p.is_file():
            found.append(p)
        else:
            raise InputError(p, "no such file or folder")
    # A file named twice (or inside two folders given) is validated once.
    seen: set[Path] = set()
    unique = []
    for p in found:
        if p.resolve() not in seen:
            seen.add(p.resolve())
            unique.append(p)
    if not unique:
        raise UsageError("no Turtle (.ttl) files to validate in " + ", ".join(str(s) for s in sources))
    return unique


def _parse(path: Path) -> rdflib.Graph:
    g = rdflib.Graph()
    try:
        g.parse(path, format="turtle", publicID=path.resolve().as_uri())
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    except Exception as exc:  # rdflib raises several unrelated classes for bad syntax
        raise InputError(path, f"not valid Turtle: {_syntax_message(exc)}") from exc
    return g


def _syntax_message(exc: Exception) -> str:
    """rdflib's parser message on one line: ``line 3: expected directive or statement near 'foo bar'``."""
    why, lines, text, at = (getattr(exc, a, None) for a in ("_why", "lines", "_str", "_i"))
    if why is not None and isinstance(lines, int):
        near = ""
        if isinstance(text, bytes | str) and isinstance(at, int):
            chunk = text[at : at + 40]
            chunk = chunk.decode("utf-8", "replace") if isinstance(chunk, bytes) else chunk
            near = f" near {' '.join(chunk.split())!r}" if chunk.strip() else " at the end of the file"
        return f"line {lines + 1}: {why}{near}"
    return " ".join(str(exc).split())


def _stamp(paths: Iterable[Path]) -> tuple[tuple[str, float], ...]:
    # Cache key for the shared graphs: a changed file (or a new one) reloads them.
    return tuple((str(p), p.stat().st_mtime) for p in sorted(paths))


# ---- stored results: only changed files are validated again --------------------------------------------

#: Bumped when what a file's results depend on changes in this code (the stored results are then unused).
CACHE_VERSION = "2"  # 2: pair constraints list their properties sorted


def _context(stamps: tuple[Any, ...], inference: str, engine: str) -> str:
    """What a file's own results depend on besides its bytes: the shapes, the ontology, the registry
    (their contents), the base IRI, the inference, the engine and this code's version."""
    h = hashlib.sha256(f"{CACHE_VERSION}\0{inference}\0{engine}\0{stamps[3]}".encode())
    for group in stamps[:3]:
        for name, _ in group:
            h.update(b"\0" + name.encode() + b"\0" + Path(name).read_bytes())
    return h.hexdigest()


class _Cache:
    """Per-file results in SQLite, keyed by the file's content hash and where it sits (relative IRIs
    resolve against it). A file's own results are a function of these alone: each file is validated
    as if alone, with the shared graphs (which the context key covers)."""

    def __init__(self, path: Path | str, context: str) -> None:
        self.path, self.context = Path(path), context
        self.keys: dict[str, str] = {}

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path)
        db.execute("CREATE TABLE IF NOT EXISTS results (context TEXT, file TEXT, results TEXT,"
                   " PRIMARY KEY (context, file))")
        return db

    def lookup(self, paths: list[Path]) -> dict[str, tuple[int, list[Result]]]:
        for p in paths:
            try:
                digest = hashlib.sha256(p.read_bytes()).hexdigest()
            except OSError:
                continue  # validated, and its error reported, as usual
            self.keys[str(p)] = f"{digest} {p.resolve().as_uri()}"
        with closing(self._connect()) as db:
            rows = dict(db.execute("SELECT file, results FROM results WHERE context = ?", (self.context,)))
        out: dict[str, tuple[int, list[Result]]] = {}
        for name, key in self.keys.items():
            if key in rows:
                triples, results = json.loads(rows[key])
                # the file's own name is stored as null: the same bytes may sit under another name
                out[name] = (triples, [Result(**{**r, "source_file": r["source_file"] or name}) for r in results])
        return out

    def store(self, outcomes: dict[str, tuple[int, list[Result]]]) -> None:
        rows = []
        for name, (triples, results) in outcomes.items():
            if name in self.keys:
                kept = [{**r.as_dict(), "source_file": None if r.source_file == name else r.source_file}
                        for r in results]
                rows.append((self.context, self.keys[name], json.dumps([triples, kept], ensure_ascii=False)))
        with closing(self._connect()) as db, db:  # one transaction: all the rows or none
            db.execute("DELETE FROM results WHERE context != ?", (self.context,))  # stale shapes or options
            db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", rows)


# ---- shared resources: shapes, ontology + vocabularies, registry ---------------------------------------


@dataclass
class _Rule:
    """One sh:sparql constraint, rewritten as a global query over the union."""

    shape: str
    severity: str
    message: str | None
    query: str


@dataclass
class _Resources:
    core_shapes: rdflib.Graph  # every shape, without the sh:sparql constraints
    shape_owner: dict[Any, Any]  # property shape (blank node) -> the node shape holding it
    rules: list[_Rule]
    shared: rdflib.Graph  # ontology + vocabularies + registry
    shared_subjects: dict[str, str]  # IRI -> file that describes it
    shared_ntriples: bytes  # the same, for pyoxigraph
    # subject -> its triples in the shared graphs: a file is validated with the part it reaches only
    shared_by_subject: dict[Any, list[tuple[Any, Any, Any]]] = field(default_factory=dict)
    # what the shared graphs alone give (their own nodes' results), computed once per process
    shared_results: dict[str, list[Result]] = field(default_factory=dict)
    # the fast engine: the compiled shapes (None, with the reason, when they use what is not compiled)
    compiled: shacl.Compiled | None = None
    unsupported: str | None = None
    # class IRI -> it and its superclasses, after the shared graphs' rdfs:subClassOf
    superclasses: dict[str, frozenset[str]] = field(default_factory=dict)
    # a pyoxigraph store holding the shared graphs (built on first use, in each process)
    ox_store: pyoxigraph.Store | None = None
    ox_quads: list[pyoxigraph.Quad] = field(default_factory=list)  # its quads, read out once
    # pyshacl's constraint components, to word messages exactly as pyshacl does (check key -> component)
    components: dict[int, Any] = field(default_factory=dict)


@lru_cache(maxsize=4)
def _resources(
    shape_files: tuple[tuple[str, float], ...],
    ontology_files: tuple[tuple[str, float], ...],
    registry_files: tuple[tuple[str, float], ...],
    base: str,
) -> _Resources:
    shapes = rdflib.Graph()
    for name, _ in shape_files:
        shapes.parse(name, format="turtle")
    if len(shapes) == 0:
        raise UsageError("no SHACL shapes found (shapes/*.ttl)")
    rules = _rules(shapes)
    core = rdflib.Graph()
    sparql = rdflib.URIRef(SH + "sparql")
    for t in shapes:
        if t[1] != sparql:
            core.add(t)
    owner = {ps: ns for ns, ps in shapes.subject_objects(rdflib.URIRef(SH + "property"))}

    shared = rdflib.Graph()
    subjects: dict[str, str] = {}
    for name, _ in ontology_files:
        g = rdflib.Graph().parse(name, format="turtle")
        shared += g
        for s in set(g.subjects()):
            subjects.setdefault(str(s), name)
    for name, _ in registry_files:
        g = _rebase(rdflib.Graph().parse(name, format="turtle"), base)
        shared += g
        for s in set(g.subjects()):
            subjects.setdefault(str(s), name)
    by_subject: dict[Any, list[tuple[Any, Any, Any]]] = {}
    for triple in shared:
        by_subject.setdefault(triple[0], []).append(triple)
    res = _Resources(core, owner, rules, shared, subjects, shared.serialize(format="nt", encoding="utf-8"),
                     by_subject)
    sub_class = rdflib.URIRef(shacl.RDFS_SUBCLASSOF)
    res.superclasses = _class_closure((str(s), str(o)) for s, o in shared.subject_objects(sub_class))
    subclasses: dict[str, set[str]] = {}
    for cls, supers in res.superclasses.items():
        for sup in supers - {cls}:
            subclasses.setdefault(sup, set()).add(cls)
    try:
        # Compiled against these shared graphs (their predicates and class hierarchy); a file with class
        # axioms of its own goes to pyshacl (_Unit.declares_classes).
        res.compiled = shacl.compile_shapes(
            core,
            {str(p) for p in shared.predicates(unique=True)},
            {c: frozenset(s) for c, s in subclasses.items()},
        )
    except shacl.Unsupported as exc:
        res.unsupported = str(exc)
    return res


def _class_closure(pairs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Each class -> itself and every superclass (rdfs:subClassOf*, as sh:targetClass reads it)."""
    parents: dict[str, set[str]] = {}
    for sub, sup in pairs:
        parents.setdefault(sub, set()).add(sup)
    out: dict[str, frozenset[str]] = {}
    for cls in parents:
        seen, todo = {cls}, [cls]
        while todo:
            for sup in parents.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        out[cls] = frozenset(seen)
    return out


def _reached(graph: rdflib.Graph, res: _Resources) -> list[tuple[Any, Any, Any]]:
    """The shared triples a file can need: the descriptions of every shared node it names (its
    classes, the registry things it points to), and of what those name in turn. SHACL on the file's
    nodes only looks along paths from them, so it sees nothing else of the shared graphs."""
    by_subject = res.shared_by_subject
    seen: set[Any] = set()
    todo = [n for s, p, o in graph for n in (s, p, o) if n in by_subject]
    out: list[tuple[Any, Any, Any]] = []
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for triple in by_subject[node]:
            out.append(triple)
            for n in (triple[1], triple[2]):
                if n in by_subject and n not in seen:
                    todo.append(n)
    return out


def _rebase(g: rdflib.Graph, base: str) -> rdflib.Graph:
    """The registry is written under the default base; things (``{base}id/...``) move to ``base``."""
    if base == DEFAULT_BASE:
        return g

    def move(term: Any) -> Any:
        return rdflib.URIRef(rebase(str(term), base)) if isinstance(term, rdflib.URIRef) else term

    out = rdflib.Graph()
    for s, p, o in g:
        out.add((move(s), p, move(o)))
    return out


def _rules(shapes: rdflib.Graph) -> list[_Rule]:
    """Every active sh:sparql constraint, as a query over the whole graph with its targets as a pattern."""
    def sh(name: str) -> rdflib.URIRef:
        return rdflib.URIRef(SH + name)

    def deactivated(node: Any) -> bool:
        return any(isinstance(o, rdflib.Literal) and o.toPython() is True for o in shapes.objects(node, sh("deactivated")))

    rules = []
    for shape, constraint in sorted(
        shapes.subject_objects(sh("sparql")), key=lambda t: (str(t[0]), str(t[1]))
    ):
        if deactivated(shape) or deactivated(constraint):
            continue
        select = shapes.value(constraint, sh("select"))
        if select is None:
            continue
        prologue = ""
        for pnode in shapes.objects(constraint, sh("prefixes")):
            for decl in shapes.objects(pnode, sh("declare")):
                prologue += (
                    f"PREFIX {shapes.value(decl, sh('prefix'))}: <{shapes.value(decl, sh('namespace'))}>\n"
                )
        targets = []
        for c in shapes.objects(shape, sh("targetClass")):
            targets.append(f"?this <{RDF_TYPE}>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{c}> .")
        for n in shapes.objects(shape, sh("targetNode")):
            targets.append(f"VALUES ?this {{ {n.n3()} }}")
        for p in shapes.objects(shape, sh("targetSubjectsOf")):
            targets.append(f"?this <{p}> ?targetObject .")
        for p in shapes.objects(shape, sh("targetObjectsOf")):
            targets.append(f"?targetSubject <{p}> ?this .")
        if not targets:
            continue
        query = str(select)
        if not re.search(r"SELECT\s+(DISTINCT\s+|REDUCED\s+)?(\*|[^{]*\$this\b)", query, re.I):
            raise UsageError(f"shape {shape}: a sh:select must project $this (SELECT $this ...)")
        target = " UNION ".join("{ " + t + " }" for t in targets)
        where = re.search(r"\bWHERE\s*\{", query, re.I)
        if where is None:
            raise UsageError(f"shape {shape}: a sh:select needs a WHERE {{ ... }} clause")
        query = f"{query[: where.end()]} {target} {query[where.end() :]}"
        query = re.sub(r"\$this\b", "?this", query)
        severity = (
            shapes.value(shape, sh("severity")) or shapes.value(constraint, sh("severity")) or sh("Violation")
        )
        message = shapes.value(constraint, sh("message")) or shapes.value(shape, sh("message"))
        rules.append(
            _Rule(str(shape), str(severity)[len(SH) :], str(message) if message else None, prologue + query)
        )
    return rules


# ---- SHACL Core, per file -----------------------------------------------------------------------------


def _validate_unit(
    name: str, graph: rdflib.Graph, res: _Resources, inference: str, base: str, *, whole: bool = False
) -> list[Result]:
    """SHACL Core on one file. ``whole=True`` is the reference: the file with every shared triple in
    one pyshacl run (what the fast path must agree with; tests/test_validate_fast.py)."""
    data = rdflib.Graph()
    data += graph
    own = {str(s) for s in graph.subjects() if isinstance(s, rdflib.URIRef)}
    results: list[Result] = []
    if graph is not res.shared and inference != "owlrl" and not whole:
        # Only the shared triples this file reaches: the shared nodes themselves are validated once,
        # on their own (_shared_results), instead of again with every file.
        for triple in _reached(graph, res):
            data.add(triple)
        results.extend(_shared_results(res, inference, base))
        shared_only = {s for s in res.shared_subjects if s not in own}
    else:
        data += res.shared
        shared_only = set()
        if graph is res.shared:
            own = set()  # the shared graphs' results are attributed to their own files
    if inference == "owlrl":
        for message in _owlrl_closure(data, base):
            # owlrl's messages are prose ("Disjoint classes A and B have a common individual x"): the focus
            # is the last thing of ours they name, else the last IRI.
            iris = re.findall(r"https?://[^\s'\"<>,]+", message)
            things = [i for i in iris if i.startswith(base + "id/")] or iris
            results.append(
                Result(
                    "Violation",
                    things[-1] if things else name,
                    None,
                    f"OWL RL inconsistency: {message}",
                    None,
                    name,
                    "owlrl",
                    None,
                )
            )
    _, report, _ = pyshacl.validate(
        data,
        shacl_graph=res.core_shapes,
        inference="rdfs" if inference == "rdfs" else "none",
        inplace=True,
        advanced=False,
        allow_warnings=True,
        allow_infos=True,
    )

    def sh(term: str) -> rdflib.URIRef:
        return rdflib.URIRef(SH + term)

    for r in report.subjects(rdflib.RDF.type, sh("ValidationResult")):
        focus = report.value(r, sh("focusNode"))
        path = report.value(r, sh("resultPath"))
        value = report.value(r, sh("value"))
        shape = report.value(r, sh("sourceShape"))
        severity = report.value(r, sh("resultSeverity"))
        component = report.value(r, sh("sourceConstraintComponent"))
        messages = sorted(_pair_sorted(str(m)) for m in report.objects(r, sh("resultMessage")))
        focus_text, anchor = _describe(focus, data)
        if anchor in shared_only:
            continue  # a shared node: its results come from the run over the shared graphs alone
        source = name if anchor in own else res.shared_subjects.get(anchor, name)
        if shape is not None and not isinstance(shape, rdflib.URIRef):
            shape = res.shape_owner.get(shape, shape)
        results.append(
            Result(
                severity=str(severity)[len(SH) :] if severity else "Violation",
                focus_node=focus_text,
                path=_path(path, report),
                message=" / ".join(messages) or "(no message)",
                value=_value_text(value, data) if value is not None else None,
                source_file=source,
                shape=_term(shape) if isinstance(shape, rdflib.URIRef) else None,
                component=_term(component) if component is not None else None,
            )
        )
    return results


# ---- the fast engine: compiled shapes over pyoxigraph (rcmkg.shacl) -------------------------------------

_SHARED = ox.NamedNode(shacl.SHARED)
_TARGETS = ox.NamedNode(shacl.TARGETS)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_warned: set[str] = set()


def _use_fast(res: _Resources, engine: str, inference: str) -> bool:
    """Whether this run uses the compiled shapes: asked for, no entailment, and the shapes compile."""
    if engine != "fast" or inference != "none":
        return False
    if res.compiled is None:
        if res.unsupported not in _warned:
            _warned.add(res.unsupported or "")
            warnings.warn(f"validating with pyshacl: {res.unsupported}", RuntimeWarning, stacklevel=3)
        return False
    return True


def _unit_graph(i: int) -> ox.NamedNode:
    return ox.NamedNode(f"urn:rcmkg:validate:unit:{i}")


def _shared_quads(res: _Resources) -> list[pyoxigraph.Quad]:
    if res.ox_store is None:  # parsed once per process; each run copies them into a fresh store
        store = ox.Store()
        store.extend(shacl.mask(ox.parse(res.shared_ntriples, format=ox.RdfFormat.N_TRIPLES), _SHARED))
        res.ox_store = store
        res.ox_quads = list(store)
    return res.ox_quads


@dataclass
class _Unit:
    """One file (or graph) for the fast engine: its masked triples in its own named graph."""

    name: str
    graph: ox.NamedNode
    quads: list[pyoxigraph.Quad]
    own: set[str]  # IRI subjects: the nodes it describes
    triples: int = 0  # distinct triples (a triple written twice is one, as in a store)
    declares_classes: bool = False  # it has rdfs:subClassOf triples of its own


def _scan(name: str, parsed: Iterable[pyoxigraph.Quad], graph: ox.NamedNode) -> _Unit:
    """One pass over a file's triples: masked into ``graph`` (:func:`rcmkg.shacl.mask`), its own IRI
    subjects, whether it declares classes. Locals and tuple unpacking: this loop runs for every triple."""
    quad, literal, named, blank, folded, mask = ox.Quad, ox.Literal, ox.NamedNode, ox.BlankNode, shacl.FOLDED, shacl.MASK
    quads: list[pyoxigraph.Quad] = []
    append = quads.append
    subjects: set[Any] = set()
    predicates: set[str] = set()
    for s, p, o, _ in parsed:
        subjects.add(s)
        predicates.add(p.value)
        if type(o) is literal and o.datatype.value in folded:
            o = literal(o.value, datatype=named(mask + o.datatype.value))
        append(quad(s, p, o, graph))
    own = {t.value for t in subjects if type(t) is not blank}
    triples = len(set(quads))
    return _Unit(name, graph, quads, own, triples, shacl.RDFS_SUBCLASSOF in predicates)


def _fast_read(name: str, source: Path | rdflib.Graph, graph: ox.NamedNode) -> _Unit:
    """Parse one file with pyoxigraph (rdflib decides, and words the error, when pyoxigraph refuses it)."""
    if isinstance(source, Path):
        try:
            # Parsed and scanned in one go: a syntax error surfaces while iterating.
            return _scan(name, ox.parse(path=source, format=ox.RdfFormat.TURTLE, base_iri=source.resolve().as_uri()), graph)
        except SyntaxError:
            source = _parse(source)
        except OSError as exc:
            raise InputError(source, f"cannot read: {exc.strerror or exc}") from exc
    nt = source.serialize(format="nt", encoding="utf-8")
    return _scan(name, ox.parse(nt, format=ox.RdfFormat.N_TRIPLES), graph)


def _fast_unit(name: str, source: Path | rdflib.Graph, res: _Resources) -> tuple[int, list[Result]]:
    """One file (or graph) with the compiled shapes: (triples, results), as :func:`_validate_unit` gives."""
    unit = _fast_read(name, source, _unit_graph(0))
    if unit.declares_classes:
        # The compiled sh:class reads class axioms from the shared graphs only: a file with its own
        # rdfs:subClassOf is validated by pyshacl instead.
        graph = source if isinstance(source, rdflib.Graph) else _parse(source)
        return unit.triples, _validate_unit(name, graph, res, "none", DEFAULT_BASE)
    return unit.triples, _fast_run([unit], res)[0]


def _fast_batch_worker(
    names: list[str], stamps: tuple[Any, ...]
) -> list[tuple[int, list[Result]] | str]:
    """Several files in one run of the queries (in this process or a worker): per file (triples,
    results), or its parse problem. Each file sits in a named graph of its own and each focus node is
    validated against its own file's graph and the shared graphs only, as if the file were alone; one
    run saves each query's fixed cost (planning, regular expressions) per file."""
    res = _resources(*stamps)
    out: list[tuple[int, list[Result]] | str] = []
    units: list[tuple[int, _Unit]] = []
    for name in names:
        try:
            unit = _fast_read(name, Path(name), _unit_graph(len(units)))
        except InputError as exc:
            out.append(exc.problem)
            continue
        out.append((unit.triples, []))
        if unit.declares_classes:
            out[-1] = (unit.triples, _validate_unit(name, _parse(Path(name)), res, "none", stamps[3]))
        else:
            units.append((len(out) - 1, unit))
    for start in range(0, len(units), FAST_BATCH):
        batch = units[start : start + FAST_BATCH]
        for (i, unit), results in zip(batch, _fast_run([u for _, u in batch], res), strict=True):
            out[i] = (unit.triples, results)
    return out


def _fast_shared_results(res: _Resources) -> list[Result]:
    """The shared graphs' own nodes with the compiled shapes, once per process (see _shared_results)."""
    if "fast" not in res.shared_results:
        unit = _Unit(GRAPH_SOURCE, _SHARED, _shared_quads(res), set())
        found = _fast_run([unit], res, shared=True)[0]
        res.shared_results["fast"] = [r for r in found if r.source_file != GRAPH_SOURCE]
    return res.shared_results["fast"]


def _fast_run(units: list[_Unit], res: _Resources, *, shared: bool = False) -> list[list[Result]]:
    """Focus nodes of each shape (as pyshacl finds them in each file plus the shared triples it reaches,
    less the shared nodes the file does not describe), then each shape's query, once for all the files.
    ``shared``: the shared graphs themselves (``units`` holds their triples)."""
    compiled = res.compiled
    assert compiled is not None
    shared_quads = _shared_quads(res)
    store = ox.Store()  # a fresh store per run: cheaper than clearing graphs (the shared part is small)
    store.extend(shared_quads)
    by_class: dict[str, list[str]] = {}
    by_subject_of: dict[str, list[str]] = {}
    by_object_of: dict[str, list[str]] = {}
    for top in compiled.shapes:
        for c in top.classes:
            by_class.setdefault(c, []).append(top.marker)
        for p in top.subjects_of:
            by_subject_of.setdefault(p, []).append(top.marker)
        for p in top.objects_of:
            by_object_of.setdefault(p, []).append(top.marker)
    target_nodes = [(_to_ox(n), top.marker) for top in compiled.shapes for n in top.nodes]
    focus: set[tuple[Any, str, ox.NamedNode]] = set()
    index_of = {unit.graph: i for i, unit in enumerate(units)}
    for unit in units:
        quads = unit.quads
        if not shared:
            store.extend(quads)
            # What the shared graphs say about shared nodes the file describes too, and their blank nodes
            # (memberships): those nodes are the file's, validated with it.
            starts = [ox.NamedNode(s) for s in unit.own if s in res.shared_subjects]
            quads = quads + list(_below(store, starts, [_SHARED]))
        superclasses = res.superclasses
        found: set[tuple[Any, str]] = set(target_nodes)
        for q in quads:
            p = q.predicate.value
            if p == RDF_TYPE and isinstance(q.object, ox.NamedNode):
                for cls in superclasses.get(q.object.value, (q.object.value,)):
                    for marker in by_class.get(cls, ()):
                        found.add((q.subject, marker))
            for marker in by_subject_of.get(p, ()):
                found.add((q.subject, marker))
            for marker in by_object_of.get(p, ()):
                found.add((q.object, marker))
        for n, m in found:
            if isinstance(n, ox.Literal):
                continue
            if not shared and isinstance(n, ox.NamedNode) and n.value in res.shared_subjects and n.value not in unit.own:
                continue  # a shared node the file does not describe: validated once, on the shared graphs
            focus.add((n, m, unit.graph))
    by_marker = {top.marker: top for top in compiled.shapes}
    rows: set[tuple[Any, int, Any, Any]] = set()
    done: set[tuple[Any, str, ox.NamedNode]] = set()
    # Rounds: a failing sh:node adds its shape's own results on the value node (as pyshacl does).
    for _ in range(shacl.MAX_DEPTH + 1):
        todo_focus = focus - done
        if not todo_focus:
            break
        done |= todo_focus
        store.clear_graph(_TARGETS)
        store.extend([ox.Quad(n, ox.NamedNode(m), g, _TARGETS) for n, m, g in todo_focus])
        found_rows = set()
        for marker in sorted({m for _, m, _ in todo_focus}):
            for row in solutions(store.query(by_marker[marker].query)):
                value = row["value"] if _has(row, "value") else None
                found_rows.add((row["this"], int(row["k"].value), value, row["g_"]))
        rows |= found_rows
        focus = {
            (value, compiled.markers[nested], g)
            for _, k, value, g in found_rows
            if value is not None and not isinstance(value, ox.Literal)
            for nested in compiled.checks[k].nested
        }
    out: list[list[Result]] = [[] for _ in units]
    for focus_node, k, value, g in sorted(rows, key=str):
        unit = units[index_of[g]]
        result = _fast_result(unit.name, (focus_node, k, value), store, [unit.graph, _SHARED], unit.own, res, shared)
        if result is not None:
            out[index_of[g]].append(result)
    return out


def _fast_result(
    name: str,
    row: tuple[Any, int, Any],
    store: pyoxigraph.Store,
    graphs: list[ox.NamedNode],
    own: set[str],
    res: _Resources,
    shared: bool,
) -> Result | None:
    focus, key, value = row
    assert res.compiled is not None
    check = res.compiled.checks[key]
    focus_text, anchor_node = _describe_ox(focus, store)
    anchor = anchor_node.value if isinstance(anchor_node, ox.NamedNode) else ""
    if not shared and anchor in res.shared_subjects and anchor not in own:
        return None
    source = name if anchor in own else res.shared_subjects.get(anchor, name)
    shape = check.shape
    if not isinstance(shape, rdflib.URIRef):
        shape = res.shape_owner.get(shape, shape)
    if check.messages:
        message = " / ".join(check.messages)
    else:
        message = _pyshacl_message(res, check, focus, value, store, graphs)
    return Result(
        severity=check.severity,
        focus_node=focus_text,
        path=_path(check.path, res.core_shapes),
        message=message,
        value=_value_text_ox(value, store) if value is not None else None,
        source_file=source,
        shape=_term(shape) if isinstance(shape, rdflib.URIRef) else None,
        component=_compact(check.component),
    )


def _below(store: pyoxigraph.Store, starts: Sequence[Any], graphs: Sequence[Any]) -> Iterator[pyoxigraph.Quad]:
    """The quads of ``graphs`` about ``starts`` and, through blank-node objects, about the nodes
    below them (each node once)."""
    todo = list(starts)
    seen: set[Any] = set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for g in graphs:
            for q in store.quads_for_pattern(node, None, None, g):
                yield q
                if isinstance(q.object, ox.BlankNode):
                    todo.append(q.object)


_PAIR = re.compile(r"^(Value of .*?->)(.+?)( (?:==|!=|<=|<) )")


def _pair_sorted(message: str) -> str:
    """pyshacl's wording of a property pair constraint over several properties ("Value of x->p, q == v")
    lists them in set order, which changes with each process's string hashing: sorted, every run
    reports alike."""
    return _PAIR.sub(lambda m: m[1] + ", ".join(sorted(m[2].split(", "))) + m[3], message, count=1)


def _pyshacl_message(
    res: _Resources, check: shacl.Check, focus: Any, value: Any, store: pyoxigraph.Store, graphs: list[ox.NamedNode]
) -> str:
    """pyshacl's own wording of a result without sh:message (its constraint component makes it)."""
    component = res.components.get(check.key)
    if component is None:
        from pyshacl.constraints import CONSTRAINT_PARAMETERS_MAP
        from pyshacl.shapes_graph import ShapesGraph

        if not res.components:
            copy = rdflib.Graph()
            copy += res.core_shapes  # pyshacl adds its system triples to the graph it is given
            res.components[-1] = ShapesGraph(copy)
            res.components[-1].shapes  # noqa: B018 (builds the node -> shape lookup)
        shape = res.components[-1].lookup_shape_from_node(check.shape)
        component = CONSTRAINT_PARAMETERS_MAP[rdflib.URIRef(shacl.SH + check.parameter)](shape)
        res.components[check.key] = component
    data = rdflib.Graph()  # pyshacl's data graph: a fresh graph's prefixes, blank nodes described in full
    for q in _below(store, [t for t in (focus, value) if isinstance(t, ox.BlankNode)], graphs):
        data.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)))
    messages = component.make_generic_messages(
        data, _to_rdflib(focus), _to_rdflib(value) if value is not None else None
    )
    return " / ".join(sorted(_pair_sorted(str(m)) for m in messages)) or "(no message)"


def _to_rdflib(t: Any) -> Any:
    if isinstance(t, ox.NamedNode):
        return rdflib.URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return rdflib.BNode(t.value)
    if t.language:
        return rdflib.Literal(t.value, lang=t.language)
    dt = shacl.unmask(t.datatype.value)
    return rdflib.Literal(t.value, datatype=None if dt == _XSD_STRING else rdflib.URIRef(dt))


def _to_ox(t: Any) -> Any:
    if isinstance(t, rdflib.URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, rdflib.BNode):
        return ox.BlankNode(str(t))
    if t.language:
        return ox.Literal(str(t), language=t.language)
    return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)) if t.datatype else None)


def _shared_results(res: _Resources, inference: str, base: str) -> list[Result]:
    """The results on the shared graphs' own nodes (the registry's, the vocabularies'), validated
    once per process and inference; each is attributed to the shared file describing its node."""
    if inference not in res.shared_results:
        res.shared_results[inference] = [
            r for r in _validate_unit(GRAPH_SOURCE, res.shared, res, inference, base)
            if r.source_file != GRAPH_SOURCE
        ]
    return res.shared_results[inference]


def _owlrl_closure(g: rdflib.Graph, base: str) -> list[str]:
    """Expand ``g`` in place with OWL 2 RL; return owlrl's inconsistency messages (and drop them from g)."""
    same_as = rdflib.URIRef(OWL_SAMEAS)
    ours = base + "id/"
    held = [
        t
        for t in g.triples((None, same_as, None))
        if not (str(t[0]).startswith(ours) and str(t[2]).startswith(ours))
    ]
    for t in held:
        g.remove(t)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    errors: list[str] = []
    for m in list(g.subjects(rdflib.RDF.type, rdflib.URIRef(ERRNS + "ErrorMessage"))):
        errors.extend(str(o) for o in g.objects(m, rdflib.URIRef(ERRNS + "error")))
        g.remove((m, None, None))
    # Trivial entailments that only get in the shapes' way: x owl:sameAs x, and triples about literals.
    for s, p, o in list(g):
        if isinstance(s, rdflib.Literal) or (p == same_as and s == o):
            g.remove((s, p, o))
    for t in held:
        g.add(t)
    return sorted(errors)


# ---- SHACL-SPARQL, once over the union -----------------------------------------------------------------


def _run_rules(units: list[tuple[str, rdflib.Graph | Path]], res: _Resources) -> list[Result]:
    if not res.rules:
        return []
    store = ox.Store()
    for i, (name, source) in enumerate(units):
        # One named graph per file: a result is attributed to the file that describes its focus node.
        # Each load gets fresh blank nodes, so "_:p0-120" in two files stays two nodes.
        graph = ox.NamedNode(f"urn:rcmkg:unit:{i}")
        try:
            if isinstance(source, Path):
                store.load(
                    path=source,
                    format=ox.RdfFormat.TURTLE,
                    base_iri=source.resolve().as_uri(),
                    to_graph=graph,
                )
            else:
                store.load(
                    source.serialize(format="nt", encoding="utf-8"),
                    format=ox.RdfFormat.N_TRIPLES,
                    to_graph=graph,
                )
        except SyntaxError as exc:
            raise InputError(name, f"not valid Turtle: {' '.join(str(exc).split())}") from exc
    store.load(res.shared_ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("urn:rcmkg:shared"))
    names = [n for n, _ in units]
    results = []
    for rule in res.rules:
        for row in solutions(store.query(rule.query, use_default_graph_as_union=True)):
            focus = row["this"]
            if focus is None:
                continue
            focus_text, anchor_node = _describe_ox(focus, store)
            results.append(
                Result(
                    severity=rule.severity,
                    focus_node=focus_text,
                    path=_term_ox(row["path"]) if _has(row, "path") and row["path"] is not None else None,
                    message=_fill(rule.message, row) if rule.message else f"Violates {_compact(rule.shape)}",
                    value=_value_text_ox(row["value"], store) if _has(row, "value") and row["value"] is not None else None,
                    source_file=_source_ox(anchor_node, store, names, res),
                    shape=_compact(rule.shape),
                    component="sh:SPARQLConstraintComponent",
                )
            )
    return results


def _has(row: pyoxigraph.QuerySolution, var: str) -> bool:
    try:
        row[var]
    except (KeyError, IndexError):
        return False
    return True


def _fill(template: str, row: pyoxigraph.QuerySolution) -> str:
    def sub(m: re.Match[str]) -> str:
        var = m.group(1)
        if not _has(row, "this" if var == "this" else var):
            return m.group(0)
        v = row["this" if var == "this" else var]
        if v is None:
            return m.group(0)
        return v.value if hasattr(v, "datatype") else _compact(v.value) if hasattr(v, "value") else str(v)

    return re.sub(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}", sub, template)


def _source_ox(node: Any, store: pyoxigraph.Store, names: list[str], res: _Resources) -> str | None:
    """The first input file describing ``node``; else the shared file (registry, vocabulary) that does."""
    if node is None:
        return None
    units = sorted(
        {
            int(q.graph_name.value.rsplit(":", 1)[1])
            for q in store.quads_for_pattern(node, None, None)
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith("urn:rcmkg:unit:")
        }
    )
    if units:
        return names[units[0]]
    if isinstance(node, ox.NamedNode):
        return res.shared_subjects.get(node.value)
    return None


# ---- display --------------------------------------------------------------------------------------------


def _compact(iri: str) -> str:
    best = None
    for prefix, ns in DISPLAY_PREFIXES.items():
        if iri.startswith(ns) and (best is None or len(ns) > len(best[1])):
            local = iri[len(ns) :]
            if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", local or "_") and local:
                best = (prefix, ns)
    return f"{best[0]}:{iri[len(best[1]) :]}" if best else f"<{iri}>"


def _literal(lexical: str, lang: str | None, datatype: str | None) -> str:
    text = json.dumps(lexical, ensure_ascii=False)
    if lang:
        return f"{text}@{lang}"
    if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
        return f"{text}^^{_compact(datatype)}"
    return text


def _term(t: Any) -> str:
    if isinstance(t, rdflib.Literal):
        return _literal(str(t), t.language, str(t.datatype) if t.datatype else None)
    if isinstance(t, rdflib.URIRef):
        return _compact(str(t))
    return f"_:{t}"


def _term_ox(t: Any) -> str:
    if isinstance(t, ox.Literal):
        return _literal(t.value, t.language, shacl.unmask(t.datatype.value) if t.datatype else None)
    if isinstance(t, ox.NamedNode):
        return _compact(t.value)
    return f"_:{t.value}"


def _value_text(value: Any, g: rdflib.Graph) -> str:
    # A blank node's label is new on every parse: shown by how it is reached instead, so that the same
    # input gives the same report (and both engines the same text).
    return _describe(value, g)[0] if isinstance(value, rdflib.BNode) else _term(value)


def _value_text_ox(value: Any, store: pyoxigraph.Store) -> str:
    return _describe_ox(value, store)[0] if isinstance(value, ox.BlankNode) else _term_ox(value)


def _path(path: Any, report: rdflib.Graph) -> str | None:
    if path is None:
        return None
    if isinstance(path, rdflib.URIRef):
        return _compact(str(path))
    inverse = report.value(path, rdflib.URIRef(SH + "inversePath"))
    if inverse is not None:
        return "^" + (_path(inverse, report) or "?")
    return _term(path)


def _describe(node: Any, g: rdflib.Graph, depth: int = 0) -> tuple[str, str]:
    """Display text for a focus node, and the IRI it hangs from (for attributing it to a file)."""
    if isinstance(node, rdflib.URIRef):
        return str(node), str(node)
    if not isinstance(node, rdflib.BNode):
        return _term(node), ""
    kinds = sorted(_compact(str(t)) for t in g.objects(node, rdflib.RDF.type))
    kind = f"[{', '.join(kinds)}]" if kinds else "[]"
    # IRIs first, so that the description does not depend on random blank node ids.
    parents = sorted(
        g.subject_predicates(node),
        key=lambda sp: (not isinstance(sp[0], rdflib.URIRef), str(sp[0]), str(sp[1])),
    )
    if not parents or depth > 3:
        return kind, ""
    s, p = parents[0]
    parent_text, anchor = _describe(s, g, depth + 1)
    parent_text = f"<{parent_text}>" if isinstance(s, rdflib.URIRef) else parent_text
    return f"{kind} {_compact(str(p))} of {parent_text}", anchor


def _describe_ox(node: Any, store: pyoxigraph.Store, depth: int = 0) -> tuple[str, Any]:
    if isinstance(node, ox.NamedNode):
        return node.value, node
    if not isinstance(node, ox.BlankNode):
        return _term_ox(node), None
    kinds = sorted(
        {_compact(term_value(q.object)) for q in store.quads_for_pattern(node, ox.NamedNode(RDF_TYPE), None)}
    )
    kind = f"[{', '.join(kinds)}]" if kinds else "[]"
    parents = sorted(
        {(q.subject, q.predicate) for q in store.quads_for_pattern(None, None, node)},
        key=lambda sp: (not isinstance(sp[0], ox.NamedNode), str(sp[0]), str(sp[1])),
    )
    if not parents or depth > 3:
        return kind, node
    s, p = parents[0]
    parent_text, anchor = _describe_ox(s, store, depth + 1)
    parent_text = f"<{parent_text}>" if isinstance(s, ox.NamedNode) else parent_text
    return f"{kind} {_compact(p.value)} of {parent_text}", anchor


def _dedupe(results: Iterable[Result]) -> list[Result]:
    seen: dict[tuple[Any, ...], Result] = {}
    for r in results:
        seen.setdefault(r.identity(), r)
    return list(seen.values())


__all__ = ["ENGINES", "INFERENCE", "Result", "ValidationReport", "validate"]
