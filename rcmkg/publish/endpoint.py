"""A read-only SPARQL executor with a real query timeout and a result limit.

pyoxigraph evaluates a query inside Rust and offers no way to interrupt it from Python: a thread
given up on after its deadline keeps burning a core until the query ends, which for a cartesian
product over the whole graph is never. So queries run in **worker processes**. Each worker opens
the store read-only (or, for an in-memory store, loads a dump of it) and answers one query at a
time over a pipe. When a query passes its deadline the parent kills that worker with SIGKILL,
which stops the work at once and frees its memory, answers 504, and starts a replacement in the
background. Workers are fresh interpreters (not ``fork``), so that no lock held by one of the server's threads
(or RocksDB's) is copied into a child mid-operation.

The worker also serializes the answer in the negotiated format, so a large result costs the
server process one pipe read rather than a Python loop over every row.

Read-only is enforced twice: updates are recognised and refused before a worker sees them
(:func:`update_form`), and the workers' store is opened with ``Store.read_only`` (a disk store) or
is a private copy (a memory store), so even a query that slipped through could change nothing.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph
from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions, RdfFormat

from rcmkg.errors import QueryError, QueryTimeout, StoreError, UsageError
from rcmkg.namespaces import PREFIXES
from rcmkg.publish import conneg
from rcmkg.sparql.bind import has_dataset_clause
from rcmkg.sparql.terms import from_ox
from rcmkg.sparql.writers import RESULT_WRITERS, rdf_bytes

#: Rows in an HTML result table at most (the downloadable formats go up to the result limit).
HTML_ROWS = 1000

_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_QUERY_WORDS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
_PROLOGUE = re.compile(
    r"""\s+ | \#[^\n]* | (?i:PREFIX)\s*[A-Za-z0-9_.\-\u00C0-\uFFFF]*:\s*<[^>]*> | (?i:BASE)\s*<[^>]*>""",
    re.VERBOSE,
)


def update_form(text: str) -> str | None:
    """The SPARQL Update keyword a request starts with (after its prologue), or None for a query.

    >>> update_form("PREFIX ex: <http://ex.org/#> # comment\\n insert data { ex:a ex:b ex:c }")
    'INSERT'
    >>> update_form("SELECT * WHERE { ?s ?p ?o }") is None
    True
    """
    pos = 0
    while True:
        m = _PROLOGUE.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    word = re.match(r"[A-Za-z]+", text[pos:])
    if word and word.group(0).upper() in _UPDATE_WORDS:
        return word.group(0).upper()
    return None


@dataclass(frozen=True)
class QueryRequest:
    """One query for a worker: text, how to answer (Accept header or explicit format) and the dataset."""

    query: str
    accept: str | None = None
    format: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    limit: int = 10000
    base_iri: str | None = None  # relative IRIs in the query resolve against it (the endpoint's IRI)
    #: Most bytes of values (lexical forms and IRIs) in the answer; 0: no limit.
    answer_limit: int = 0
    #: The query calls allow-listed SERVICE endpoints: their errors are not passed on verbatim.
    federated: bool = False
    #: SELECT queries whose rows, one's after the other's, are ``query``'s answer (a canned query
    #: from the keys a load stored: rcmkg.sparql.catalogue.whole_parts), evaluated in turn until
    #: the rows given are read: ``query`` itself orders the whole archive first.
    parts: tuple[str, ...] = ()


class AnswerTooLarge(UsageError):
    """The answer's values passed the byte limit (``answer_limit`` setting)."""


class WorkerOutOfMemory(QueryError):
    """The worker passed its memory limit (``worker_memory`` setting) and was replaced."""


@dataclass
class QueryAnswer:
    """What a worker sends back.

    ``form`` is ``select``, ``ask`` or ``graph``; ``format`` the key chosen (``html`` means the
    caller renders ``variables``/``rows``/``boolean``/``triples_nt`` itself); ``body`` the
    serialized bytes for every other format.
    """

    form: str
    format: str | None
    content_type: str | None = None
    body: bytes = b""
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool | None = None
    count: int = 0
    truncated: bool = False
    elapsed: float = 0.0


Cell = tuple[str, str, str | None, str | None]


def _cell(term: pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | pyoxigraph.Triple | None) -> Cell | None:
    """A pyoxigraph term as a picklable (kind, value, language, datatype) tuple for HTML tables."""
    if term is None:
        return None
    t = from_ox(term)
    return (t.type, t.value, t.lang, t.datatype)


def execute(store: Any, req: QueryRequest) -> QueryAnswer:
    """Run ``req`` on a pyoxigraph store and serialize the answer (runs inside a worker).

    Raises :class:`UsageError` for a syntax error or a format the query form cannot give.
    """
    if not req.federated:
        return _execute(store, req)
    try:
        return _execute(store, req)
    except (UsageError, MemoryError):
        raise
    except Exception:  # noqa: BLE001 - the text may quote whatever the remote target answered
        # A SERVICE target's error text (an HTML admin page, a metadata document) must not reach
        # the client: say which kind of failure it was, nothing of its content.
        raise QueryError("a SERVICE endpoint of the query failed or did not answer with SPARQL results") from None


def _dataset(req: QueryRequest) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"prefixes": PREFIXES}
    if req.base_iri:
        kwargs["base_iri"] = req.base_iri
    try:
        if req.default_graphs or req.named_graphs:
            # The protocol's dataset replaces the query's FROM/FROM NAMED (SPARQL 1.1 Protocol §2.1.4);
            # named graphs alone leave the default graph empty.
            kwargs["default_graph"] = [NamedNode(g) for g in req.default_graphs]
        elif not has_dataset_clause(req.query):
            # Every report is its own named graph; a partner's "SELECT ... { ?s ?p ?o }" must see them all.
            # (FROM / FROM NAMED in the query decide otherwise: no union imposed over them.)
            kwargs["use_default_graph_as_union"] = True
        if req.named_graphs:
            kwargs["named_graphs"] = [NamedNode(g) for g in req.named_graphs]
    except ValueError as exc:
        raise UsageError(f"default-graph-uri and named-graph-uri must be absolute IRIs: {exc}") from None
    return kwargs


def execute_formats(store: Any, req: QueryRequest, formats: Sequence[str],
                    parts: Iterable[str] | None = None) -> dict[str, QueryAnswer]:
    """``req`` answered in each of ``formats`` (format keys), the query evaluated once: the static
    site publishes each canned query in five formats, and evaluating is most of the work.

    ``parts``: SELECT queries whose rows, one query's after the other's, are ``req``'s rows
    (:func:`rcmkg.sparql.catalogue.keyed_texts`); evaluated in turn until the rows shown are read."""
    start = time.perf_counter()
    result = _evaluate(store, req) if parts is None else _Parts(store, req, parts)
    form = "select" if parts is not None else _form(result)
    if form != "ask":  # held to be read once per format: the rows a format may show, and one more
        result = _Held(result, req.limit + 1)
    return {key: _answer(result, form, replace(req, format=key, accept=None), start) for key in formats}


class _Parts:
    """The rows of several SELECT queries one after the other, each evaluated when the rows before
    it are read (with ``req``'s dataset); the variables are the first query's."""

    def __init__(self, store: Any, req: QueryRequest, texts: Iterable[str]) -> None:
        self.store, self.req, self.texts = store, req, iter(texts)
        self.first = _evaluate(store, replace(req, query=next(self.texts)))
        self.variables = self.first.variables

    def __iter__(self) -> Iterator[Any]:
        yield from self.first
        for text in self.texts:
            yield from _evaluate(self.store, replace(self.req, query=text))


class _Held:
    """The first ``n`` rows of a SELECT or CONSTRUCT result, to be read more than once.

    A SELECT's rows are converted once for every format (:meth:`cells`): converting each term
    again per format was most of a canned query page's cost in ``rcmkg publish``."""

    def __init__(self, result: Any, n: int) -> None:
        self.variables = getattr(result, "variables", [])
        self.rows = list(itertools.islice(result, n))
        self._cells: list[list[Any]] | None = None
        self._sizes: list[int] | None = None

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows)

    def cells(self) -> list[list[Any]]:
        """Each row's terms as :func:`rcmkg.sparql.terms.from_ox` gives them (None where unbound)."""
        if self._cells is None:
            self._cells = [[None if t is None else from_ox(t) for t in sol] for sol in self.rows]
        return self._cells

    def size(self, rows: int) -> int:
        """The length of the values of the first ``rows`` rows, as :func:`_count_bytes` adds them up."""
        if self._sizes is None:
            total, self._sizes = 0, [0]
            for sol in self.rows:
                total += sum(len(t.value) for t in sol if t is not None and hasattr(t, "value"))
                self._sizes.append(total)
        return self._sizes[rows]


def _execute(store: Any, req: QueryRequest) -> QueryAnswer:
    start = time.perf_counter()
    if req.parts:
        return _answer(_Parts(store, req, req.parts), "select", req, start)
    result = _evaluate(store, req)
    return _answer(result, _form(result), req, start)


def _evaluate(store: Any, req: QueryRequest) -> Any:
    kwargs = _dataset(req)
    try:
        return store.query(req.query, **kwargs)
    except SyntaxError as exc:
        raise UsageError(f"SPARQL syntax error: {exc}") from None
    except ValueError as exc:
        raise UsageError(f"bad query: {exc}") from None


def _form(result: Any) -> str:
    if isinstance(result, QueryBoolean):
        return "ask"
    return "select" if isinstance(result, QuerySolutions) else "graph"


def _answer(result: Any, form: str, req: QueryRequest, start: float) -> QueryAnswer:
    """``result`` (of :func:`_evaluate`, or held) serialized as ``req`` asks."""
    offered = conneg.GRAPH_RESULT_FORMATS if form == "graph" else conneg.RESULT_FORMATS
    fmt = conneg.format_for(req.format, offered) if req.format else None
    if fmt is None and (not req.format or req.accept):
        # A format= this query form cannot give (SPARQLWrapper sends its one setting whatever the
        # form) yields to the Accept header it sends alongside.
        fmt = conneg.negotiate(req.accept, offered)
    if fmt is None:
        wanted = req.format or req.accept
        keys = ", ".join(f"{f.key} ({f.media_type})" for f in offered)
        raise UsageError(f"a {form.upper()} result cannot be given as {wanted}; available: {keys}")
    answer = QueryAnswer(form=form, format=fmt.key, content_type=fmt.content_type)
    limit = min(req.limit, HTML_ROWS) if fmt.key == "html" else req.limit

    if form == "ask":
        answer.boolean = bool(result)
        answer.count = 1
        if fmt.key != "html":
            answer.body = RESULT_WRITERS[fmt.key].ask(answer.boolean).encode("utf-8")
    elif form == "select":
        answer.variables = [v.value for v in result.variables]
        if isinstance(result, _Held):
            count = min(limit, len(result.rows))
            answer.truncated = len(result.rows) > limit
            _count_bytes(result.size(count), [], req.answer_limit)  # what the loop below raises, at once
            cells = result.cells()[:count]
            answer.count = count
            if fmt.key == "html":
                answer.rows = [tuple(None if t is None else (t.type, t.value, t.lang, t.datatype) for t in row)
                               for row in cells]
            else:
                answer.body = RESULT_WRITERS[fmt.key].select(answer.variables, cells).encode("utf-8")
            answer.elapsed = time.perf_counter() - start
            return answer
        rows: list[list[Any]] = []
        size = 0
        for sol in result:
            if len(rows) == limit:
                answer.truncated = True
                break
            row = list(sol)
            size = _count_bytes(size, row, req.answer_limit)
            rows.append(row)
        answer.count = len(rows)
        if fmt.key == "html":
            answer.rows = [tuple(_cell(t) for t in row) for row in rows]
        else:
            cells = [[None if t is None else from_ox(t) for t in row] for row in rows]
            answer.body = RESULT_WRITERS[fmt.key].select(answer.variables, cells).encode("utf-8")
    else:
        triples: list[pyoxigraph.Triple] = []
        size = 0
        for t in result:
            if len(triples) == limit:
                answer.truncated = True
                break
            size = _count_bytes(size, [t.subject, t.predicate, t.object], req.answer_limit)
            triples.append(t)
        answer.count = len(triples)
        if fmt.key == "html":
            answer.variables = ["subject", "predicate", "object"]
            answer.rows = [(_cell(t.subject), _cell(t.predicate), _cell(t.object)) for t in triples]
        else:
            answer.body = rdf_bytes(triples, fmt.key)
    answer.elapsed = time.perf_counter() - start
    return answer


def _count_bytes(size: int, terms: Sequence[Any], limit: int) -> int:
    """``size`` plus the length of ``terms``' values; :class:`AnswerTooLarge` past ``limit``.

    Counted per row as rows arrive, so a query making one huge value (a string doubled 27 times)
    stops at that row instead of being serialized, pickled and sent.
    """
    size += sum(len(t.value) for t in terms if t is not None and hasattr(t, "value"))
    if limit and size > limit:
        raise AnswerTooLarge(f"the answer is larger than the limit of {limit // (1024 * 1024) or 1} MiB "
                             "(answer_limit setting); select fewer or shorter values, or add a LIMIT")
    return size


# --- worker processes ------------------------------------------------------------------------------


def _open_worker_store(source: tuple[str, str]) -> pyoxigraph.Store:
    kind, location = source
    if kind == "path":
        return pyoxigraph.Store.read_only(location)
    store = pyoxigraph.Store()
    store.bulk_load(path=location, format=pyoxigraph.RdfFormat.N_QUADS)
    return store


def _limit_memory(mib: int) -> None:  # pragma: no cover - runs in a child
    """Cap the worker's address space at what it has now (store open) plus ``mib`` MiB.

    Relative rather than absolute: how much address space the interpreter, RocksDB's maps and
    allocator arenas reserve varies by machine; what a query may add on top is the operator's
    choice. Past it, an allocation fails: Python raises MemoryError, Rust aborts the process;
    either way the parent answers 503 and starts a fresh worker.
    """
    if mib <= 0:
        return
    import resource  # POSIX only; the worker is a child of `serve`

    with open("/proc/self/status", encoding="ascii") as fh:
        vm = next((int(line.split()[1]) * 1024 for line in fh if line.startswith("VmSize:")), 0)
    cap = vm + mib * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _worker_main(conn: Any, source: tuple[str, str], memory_mib: int = 0) -> None:  # pragma: no cover - runs in a child
    try:
        store = _open_worker_store(source)
        _limit_memory(memory_mib)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises StoreError
        conn.send(("error", f"cannot open the store: {exc}"))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            req = conn.recv()
        except EOFError:
            return
        if req is None:
            return
        try:
            conn.send(("ok", execute(store, req)))
        except UsageError as exc:
            conn.send(("usage", str(exc)))
        except MemoryError:
            # The interpreter may be in no state to go on: report and exit, the parent replaces us.
            conn.send(("memory", ""))
            return
        except Exception as exc:  # noqa: BLE001 - one bad query must not kill the worker
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def worker_entry(argv: Sequence[str] | None = None) -> None:  # pragma: no cover - runs in a child
    """Entry point of a worker process: ``FD KIND LOCATION [MEMORY_MIB]`` (see :meth:`QueryPool._spawn`)."""
    fd, kind, location, *rest = list(sys.argv[1:] if argv is None else argv)
    _worker_main(Connection(int(fd)), (kind, location), int(rest[0]) if rest else 0)


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Any
    pid: int


#: Seconds a query waits for the workers to open the store when the server has just started.
START_GRACE = 30.0


class QueryPool:
    """A fixed number of worker processes over one store, each answering one query at a time.

    ``source`` is ``("path", DIR)`` for an on-disk store or ``("nquads", FILE)`` for a dump to load.
    Use :meth:`for_store` to build one from a pyoxigraph store. ``run`` is for asyncio code (the
    server), ``run_sync`` for everything else (the static site).

    >>> pool = QueryPool.for_store(store, size=2, timeout=10)   # doctest: +SKIP
    >>> pool.run_sync(QueryRequest("ASK { ?s ?p ?o }", format="json")).boolean  # doctest: +SKIP
    True
    """

    def __init__(self, source: tuple[str, str], size: int = 2, timeout: float = 10.0, cleanup: Path | None = None,
                 memory_mib: int = 0) -> None:
        self.source = source
        self.memory_mib = memory_mib
        self.size = max(1, size)
        self.timeout = timeout
        self._cleanup = cleanup
        self._idle: list[_Worker] = []
        self._cond = threading.Condition()
        self._closed = False
        # Requests wait for a free worker inside run_sync (where the deadline is counted), so the
        # threads must outnumber the workers or waiting would happen, uncounted, in this queue.
        self._threads = ThreadPoolExecutor(max_workers=max(64, 4 * self.size), thread_name_prefix="sparql")
        self.killed = 0
        self.started = False  # start() has finished (the server listens before it does)
        self._created = time.monotonic()

    @classmethod
    def for_store(cls, store: Any, path: str | os.PathLike[str] | None = None, **kwargs: Any) -> QueryPool:
        """A pool over ``store``: its directory if it has one on disk, else a temporary N-Quads dump."""
        if path is not None:
            return cls(("path", str(path)), **kwargs)

        fd, name = tempfile.mkstemp(prefix="rcmkg-sparql-", suffix=".nq")
        os.close(fd)
        store.dump(name, format=RdfFormat.N_QUADS)
        return cls(("nquads", name), cleanup=Path(name), **kwargs)

    # lifecycle
    def start(self) -> QueryPool:
        """Start every worker and wait until each has opened the store."""
        workers = list(self._threads.map(lambda _: self._spawn(), range(self.size)))
        with self._cond:
            self._idle.extend(workers)
            self.started = True
            self._cond.notify_all()
        return self

    def _spawn(self) -> _Worker:
        # A fresh interpreter started with subprocess rather than multiprocessing's "spawn": spawn
        # re-imports the caller's __main__, which breaks any script without a __main__ guard.

        ours, theirs = socket.socketpair()
        code = "from rcmkg.publish.endpoint import worker_entry; worker_entry()"
        proc = subprocess.Popen(
            [sys.executable, "-c", code, str(theirs.fileno()), *self.source, str(self.memory_mib)],
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
            # glibc reserves 64 MiB of address space per thread arena; under RLIMIT_AS that
            # reservation, not memory in use, would stop queries. Two arenas are plenty here.
            env={**os.environ, "MALLOC_ARENA_MAX": os.environ.get("MALLOC_ARENA_MAX", "2")},
        )
        theirs.close()
        conn = Connection(ours.detach())
        if not conn.poll(60):
            proc.kill()
            proc.wait()
            raise QueryError("a SPARQL worker did not start within 60 s")
        try:
            status, value = conn.recv()
        except EOFError:
            status, value = "error", f"the worker exited with status {proc.wait()}"
        if status != "ready":
            proc.wait(5)

            raise StoreError(str(value))
        return _Worker(proc, conn, int(value))

    def close(self) -> None:
        """Stop every worker (politely, then by force) and remove a temporary dump."""
        with self._cond:
            self._closed = True
            workers, self._idle = self._idle, []
            self._cond.notify_all()
        for w in workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in workers:
            try:
                w.process.wait(2)
            except subprocess.TimeoutExpired:
                w.process.kill()
                w.process.wait()
            w.conn.close()
        self._threads.shutdown(wait=False, cancel_futures=True)
        if self._cleanup is not None:
            self._cleanup.unlink(missing_ok=True)

    def pids(self) -> list[int]:
        """Process ids of the idle workers (tests use them to prove a killed query is gone)."""
        with self._cond:
            return [w.pid for w in self._idle]

    # running queries
    def _acquire(self, deadline: float) -> _Worker:
        with self._cond:
            while not self._idle:
                if self._closed:
                    raise QueryError("the SPARQL endpoint is shutting down")
                # While the workers open the store (a server answers pages before they are up), a
                # query waits for them up to START_GRACE seconds, then has its own time to run.
                remaining = max(deadline, self._created + START_GRACE if not self.started else 0) - time.monotonic()
                if remaining <= 0:
                    if not self.started:
                        raise QueryTimeout("the query workers are still opening the store (busy starting); "
                                           "try again in a moment")
                    raise QueryTimeout(
                        f"every query worker stayed busy for {self.timeout:g} s; try again in a moment"
                    )
                self._cond.wait(remaining)
            return self._idle.pop()

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            if self._closed:
                worker.conn.send(None)
                return
            self._idle.append(worker)
            self._cond.notify()

    def _replace(self, worker: _Worker) -> None:
        # SIGKILL, not SIGTERM: the worker is inside Rust code that never checks for signals' Python
        # handlers, and the store is read-only, so there is nothing to flush.
        worker.process.kill()
        worker.process.wait()
        worker.conn.close()
        self.killed += 1
        if self._closed:
            return

        def respawn() -> None:
            try:
                self._release(self._spawn())
            except Exception:  # noqa: BLE001 - the pool shrinks by one; the next timeout retries
                pass

        threading.Thread(target=respawn, name="rcmkg-sparql-respawn", daemon=True).start()

    def run_sync(self, req: QueryRequest, timeout: float | None = None) -> QueryAnswer:
        """Run one query, waiting at most ``timeout`` seconds (default: the pool's) in all."""
        timeout = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout
        starting = not self.started
        worker: _Worker | None = self._acquire(deadline)
        if starting:  # the wait for the workers to start is not the query's time
            deadline = time.monotonic() + timeout
        status = ""
        try:
            assert worker is not None
            worker.conn.send(req)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._replace(worker)
                worker = None
                raise QueryTimeout(
                    f"the query ran longer than {timeout:g} s and was stopped; narrow it down or add a LIMIT"
                )
            status, value = worker.conn.recv()
            if status == "memory":
                raise EOFError
        except (EOFError, OSError, BrokenPipeError) as exc:
            if worker is not None:
                code = worker.process.poll() if status != "memory" else None
                if code is None and status != "memory":
                    with suppress(subprocess.TimeoutExpired):
                        code = worker.process.wait(1)
                self._replace(worker)
                worker = None
                # Out of memory: MemoryError reported, or Rust's allocation failure abort (SIGABRT).
                if self.memory_mib and (status == "memory" or code == -signal.SIGABRT):
                    raise WorkerOutOfMemory(
                        f"the query needed more than the {self.memory_mib} MiB a query worker may use "
                        "(worker_memory setting) and was stopped; narrow it down or add a LIMIT") from None
            raise QueryError(f"the query worker failed: {exc or 'it exited'}") from None
        finally:
            if worker is not None:
                self._release(worker)
        if status == "ok":
            assert isinstance(value, QueryAnswer)
            return value
        if status == "usage":
            raise UsageError(value)
        raise QueryError(value)

    async def run(self, req: QueryRequest, timeout: float | None = None) -> QueryAnswer:
        """:meth:`run_sync` without blocking the event loop (the waiting happens in a pool thread)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._threads, self.run_sync, req, timeout)


def describe_formats(offered: Sequence[Any]) -> str:
    """``"json (application/sparql-results+json), ..."`` for error messages."""
    return ", ".join(f"{f.key} ({f.media_type})" for f in offered)
