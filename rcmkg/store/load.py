"""Opening the store a command names, and ``rcmkg load``.

:func:`open_store` picks the store for a query (``--endpoint``, ``--data``, ``--store`` or the
settings), :func:`open_local` the local one (which publishing reads), :func:`open_data` builds an
in-memory store from converted Turtle, and :func:`load_paths` loads into the on-disk store and
then builds the index of derived entries (:mod:`rcmkg.index`).
"""

from __future__ import annotations

import multiprocessing
import pickle
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Protocol, cast

import pyoxigraph as ox

from rcmkg.errors import StoreError, UsageError
from rcmkg.index.commitments import (
    Rebuilt,
    compute_rebuilt,
    refresh_commitments,
    write_fulfilment,
    write_fulfilment_nquads,
)
from rcmkg.index.dormant import refresh_dormant
from rcmkg.index.pages import refresh_pages
from rcmkg.index.published import PublishedEntry, compute_published, refresh_published
from rcmkg.index.timelines import refresh_timelines
from rcmkg.search.build import INDEX_FILE as SEARCH_FILE
from rcmkg.search.build import refresh_search
from rcmkg.settings import DEFAULT_BASE, Settings
from rcmkg.sparql.results import QueryResult
from rcmkg.store import generations
from rcmkg.store.local import INDEX_DIR, MANIFEST, LoadSummary, LocalStore, one_line
from rcmkg.store.remote import RemoteStore
from rcmkg.trace.commitments import compute_commitment_entries


class Store(Protocol):
    """What every store offers: SPARQL over the union of its graphs, the list of graphs, close."""

    def query(self, sparql: str) -> QueryResult: ...

    def graphs(self) -> list[str]: ...

    def close(self) -> None: ...



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
    # the fulfilment assessments `rcmkg load` writes, so that queries see the same graphs
    write_fulfilment(store, compute_commitment_entries(store))
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
        return open_local(settings, data=[data] if isinstance(data, (str, Path)) else list(data))
    if store is None and settings.endpoint:
        return RemoteStore(settings.endpoint, timeout=settings.query_timeout)
    return open_local(settings, store)


def open_local(settings: Settings, store: str | Path | None = None, data: Sequence[str | Path] = ()) -> LocalStore:
    """The local store to query, serve, publish or push: converted Turtle under ``data`` loaded in
    memory, else the on-disk store (``store`` or ``settings.store``) opened read-only.

    Read-only, and the generation of the last complete load (:mod:`rcmkg.store.generations`):
    never one a load is writing, so a query during a load sees no mix and one after a load cut
    short sees the last complete load.
    """
    if data and store:
        raise UsageError("give only one of --store and --data")
    if data:
        return open_data(list(data), settings.base)
    return LocalStore(store or settings.store, base=settings.base, read_only=True)


def load_paths(paths: Iterable[str | Path], settings: Settings | None = None, *, prune: bool = False) -> LoadSummary:
    """Load converted Turtle into the local store at ``settings.store`` (what ``rcmkg load`` does);
    with ``prune``, reports whose file is not among ``paths`` are removed.

    >>> load_paths(["data/rdf"], Settings(store=".rcmkg/store")).describe()  # doctest: +SKIP
    'reports: 5 loaded, 0 replaced, 0 unchanged; reloaded ontology and registry; ...'
    """
    settings = settings or Settings.load()
    # The load writes a new generation (a cheap checkpoint of the current one) and switches the
    # store's pointer to it only when finished: readers, a running server included, see the last
    # complete load until then, and a load cut short or failed leaves that one current.
    with generations.Loading(settings.store) as job:
        search_copy: _Copy | None = None
        beside: _Beside | None = None
        try:
            if job.source is not None:
                search_copy = _checkpoint(job.source, job.target)
            with LocalStore(job.target, base=settings.base) as store:
                summary = store.load(paths, prune=prune)
                generations.pause_point("loaded")
                if summary.changes is None and len(summary.loaded) + len(summary.replaced) >= BESIDE_MIN:
                    # Everything to compute for many reports: another process works out the
                    # commitments, then the published entry, from a copy of the store as loaded
                    # (the fulfilment graph written into it), while this one computes the other
                    # entries (nothing here changes what the other process reads).
                    beside = _Beside(store, job.target, settings.base)
                # Item timelines and the commitments index are precomputed so that `rcmkg trace` and
                # `rcmkg commitments` stay fast on big archives. After a few changed reports, the
                # entries they touch are updated for them (summary.changes, summary.stale).
                refresh_timelines(store, changes=summary.changes, stale=summary.stale, counts=summary.derived)
                # what the archive-wide `dormant` query reads, per item and body (after the timelines)
                refresh_dormant(store, changes=summary.changes, stale=summary.stale, counts=summary.derived)
                if beside is not None:  # this process's time while the other computes the commitments
                    _refresh_search(store, job.target, settings.base, summary, search_copy)
                refresh_commitments(store, changes=summary.changes, stale=summary.stale, counts=summary.derived,
                                    computed=beside.commitments if beside is not None else None)
                refresh_pages(store, changes=summary.changes, stale=summary.stale, counts=summary.derived)
                # The VoID statistics and the home page's data, so that `rcmkg serve` starts without
                # scanning the archive (rcmkg.index.published); after the fulfilment graph it counts.
                refresh_published(store, changes=summary.changes, stale=summary.stale, counts=summary.derived,
                                  computed=beside.published if beside is not None else None)
                if beside is not None:
                    beside.wait()
                else:
                    _refresh_search(store, job.target, settings.base, summary, search_copy)
                summary.stale = {}
                store.ox.flush()
                store.index.ox.flush()
        except (OSError, sqlite3.Error) as exc:  # disk full, permissions, I/O: one line, the previous load stays current
            raise StoreError(f"cannot write to the store at {settings.store}: {one_line(exc)}; "
                             "the previous load is still the current one") from None
        except StoreError as exc:
            raise StoreError(f"{exc.message}; the previous load is still the current one") from None
        finally:
            if search_copy is not None:  # done before a failed generation's folder is removed
                search_copy.wait(check=False)
            if beside is not None:
                beside.wait(check=False)
        job.commit()
    return summary


class _Copy:
    """The previous generation's search index copied into the new one by a thread, while the load
    parses and infers: the kernel copies (0.1-1 s for 10,000 reports, with the disk's write-back)
    as the load computes, instead of before it."""

    def __init__(self, source: Path, target: Path) -> None:
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(source, target), name="rcmkg-search-copy", daemon=True)
        self._thread.start()

    def _run(self, source: Path, target: Path) -> None:
        try:
            _copy_search(source, target)
        except BaseException as exc:  # noqa: BLE001 - handed to the loading thread by wait()
            self.error = exc

    def wait(self, *, check: bool = True) -> None:
        """Wait for the copy; with ``check``, raise what it raised."""
        self._thread.join()
        if check and self.error is not None:
            error, self.error = self.error, None
            raise error


def _refresh_search(store: LocalStore, target: Path, base: str, summary: LoadSummary, copy: _Copy | None) -> None:
    """The search index of this generation: the previous one's copy (once the thread has copied
    it), updated for the reports that changed (rcmkg.search.build)."""
    if copy is not None:
        copy.wait()
    refresh_search(store, target, base, changes=summary.changes)


#: Reports a load that computes every entry must have parsed for another process to compute some
#: of them (below that, starting the process costs more than it saves).
BESIDE_MIN = 200


class _Beside:
    """The commitments' shards and fulfilment graph, then the published entry, of a load that
    computes every entry, worked out by another process from a checkpoint of the store as loaded
    (hard links; RocksDB allows no second process on a store being written), while the loading
    process computes the timelines, the dormant entries and the search index, then writes the
    commitments and the page keys. The fulfilment graph is written into the checkpoint too, so
    the published entry counts what the store will hold. At 10,000 reports (2 cores, 2026-12-05) the
    commitments take about 70 s and the published entry 35 s; timelines, dormant entries and the
    search index 71 s (bench/README.md).

    The results come back as files (a result at 10,000 reports is hundreds of megabytes) and the
    pipe carries only a line about each, read by this thread when it needs one: a process pool's
    reading thread, caught by a failure of the load in the middle of such a result, waited for the
    rest of it for ever (a load at 10,000 reports hung so)."""

    def __init__(self, store: LocalStore, target: Path, base: str) -> None:
        self.snapshot = target / ".beside-snapshot"
        self.results = target / ".beside-results"
        for folder in (self.snapshot, self.results):
            shutil.rmtree(folder, ignore_errors=True)
        store.ox.backup(str(self.snapshot))
        self.results.mkdir()
        # spawn, not fork: this process holds the store open (RocksDB's threads and locks do not survive a fork)
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe(duplex=False)
        # The steps are handed over as functions (pickled by name), in this order: the commitments
        # (written into the checkpoint), then the entry.
        steps = (("commitments", _compute_commitments), ("published", _compute_published))
        self._proc = ctx.Process(target=_beside_main, args=(str(self.snapshot), base, str(self.results), steps, child),
                                 name="rcmkg-beside", daemon=True)
        self._proc.start()
        child.close()
        self._ready: dict[str, str] = {}  # step -> its result's file, announced and not yet read
        self._values: dict[str, object] = {}
        self._done = False

    def commitments(self) -> Rebuilt:
        """The commitments' shards and fulfilment graph (waits for them)."""
        return cast(Rebuilt, self._result("commitments"))

    def published(self) -> PublishedEntry:
        """The published entry of the store with the fulfilment graph (waits for it)."""
        return cast(PublishedEntry, self._result("published"))

    def wait(self, *, check: bool = True) -> None:
        """Wait for the process; with ``check``, raise what it raised (one that died: a StoreError)."""
        if self._done:
            return
        self._done = True
        try:
            if check:
                self._result("published")
                self._proc.join()
            else:  # the load failed or was interrupted: its generation goes, nothing is waited for
                self._proc.kill()
                self._proc.join()
        finally:
            self._conn.close()
            for folder in (self.snapshot, self.results):
                shutil.rmtree(folder, ignore_errors=True)

    def _result(self, step: str) -> object:
        if step in self._values:
            return self._values[step]
        while step not in self._ready:
            wait([self._conn, self._proc.sentinel])  # a line, or the end of the process
            stopped = "the process computing the commitments and the published entry stopped"
            if not self._conn.poll():  # ended without a word: killed (out of memory, by hand)
                raise StoreError(stopped)
            try:
                kind, name, payload = self._conn.recv()
            except EOFError:
                raise StoreError(stopped) from None
            except Exception as exc:  # noqa: BLE001 - an exception that pickled but does not unpickle
                raise StoreError(f"{stopped}: {one_line(exc)}") from None
            if kind == "error":
                raise payload
            self._ready[name] = payload
        path = Path(self._ready.pop(step))
        # written by our own process into this load's folder: no one else's bytes are unpickled
        value = self._values[step] = pickle.loads(path.read_bytes())
        path.unlink()
        return value


def _beside_main(snapshot: str, base: str, results: str, steps: Sequence[tuple[str, Callable[[str, str], object]]],
                 conn: Connection) -> None:
    """The process beside the load: each step's result into a file of ``results``, then a line on
    ``conn`` (or the exception that stopped it)."""
    try:
        for name, work in steps:
            path = Path(results) / f"{name}.pickle"
            path.write_bytes(pickle.dumps(work(snapshot, base), protocol=pickle.HIGHEST_PROTOCOL))
            conn.send(("done", name, str(path)))
    except BaseException as exc:  # noqa: BLE001 - handed to the loading process, which raises it
        try:
            conn.send(("error", "", exc))
        except Exception:  # noqa: BLE001 - an exception that does not pickle: its text
            conn.send(("error", "", StoreError(f"{type(exc).__name__}: {one_line(exc)}")))
    finally:
        conn.close()


def _compute_commitments(snapshot: str, base: str) -> Rebuilt:
    with LocalStore(Path(snapshot), base=base) as store:
        rebuilt = compute_rebuilt(store)
        write_fulfilment_nquads(store, rebuilt.fulfilment)  # what the loading process writes
        return rebuilt


def _compute_published(snapshot: str, base: str) -> PublishedEntry:
    with LocalStore(Path(snapshot), base=base, read_only=True) as store:
        return compute_published(store)


def _checkpoint(source: Path, target: Path) -> _Copy | None:
    """``target`` as a RocksDB checkpoint of the generation ``source`` (and of its index): hard
    links to the immutable table files, so about as cheap for 10,000 reports as for 10. The search
    index is copied by a thread: the returned copy, to wait for before the index is written."""
    ox.Store.read_only(str(source)).backup(str(target))
    index = source / INDEX_DIR
    if (index / "CURRENT").is_file():
        ox.Store.read_only(str(index)).backup(str(target / INDEX_DIR))
    manifest = source / MANIFEST
    if manifest.is_file():
        shutil.copyfile(manifest, target / MANIFEST)
    return _Copy(source, target) if (source / SEARCH_FILE).is_file() else None


def _copy_search(source: Path, target: Path) -> None:
    search = source / SEARCH_FILE
    if not any(search.with_name(search.name + x).exists() for x in ("-journal", "-wal")):
        # A finished generation's file is never written again (readers open it read-only): copied
        # by the kernel (copy_file_range), several times faster than SQLite's page-by-page backup.
        shutil.copyfile(search, target / SEARCH_FILE)
    else:
        # SQLite's online backup: a consistent copy even if a reader has the file open
        src, dst = sqlite3.connect(f"file:{search.resolve()}?mode=ro", uri=True), sqlite3.connect(target / SEARCH_FILE)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
