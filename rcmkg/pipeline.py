"""Convert many report files: read -> parse -> extract/link -> build -> write, one Turtle file per meeting.

A bad file never stops the others: it gets a one-line error naming it and the problem, nothing is
written for it, and an existing good output is never replaced by a failed or poorer conversion.
A report with no numbered items is converted with a warning (``--strict`` refuses it, as it does
every other part the source lacks) but never replaces a file that has items; a second file in the
same language for a meeting already converted in the same run is an error. A file in another
language for that meeting is its other language version: the meeting's file is rewritten with both
(see :func:`rcmkg.converters.build.merge_versions`), whichever of the two came first. Inputs are processed in sorted order and written by the
parent process, so ``--jobs 1`` and ``--jobs N`` give identical files, whatever the order in which
paths were given. A worker process that dies (killed, out of memory, a crash in a C library) costs
only the file it was converting: the files it took down with it are retried, each alone.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import re
import signal
import stat
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rcmkg import __version__
from rcmkg.converters.read import max_bytes, os_problem
from rcmkg.errors import InputError, RcmkgError, UsageError
from rcmkg.iris import Iris
from rcmkg.model import Extracted, SourceText
from rcmkg.settings import Settings

if TYPE_CHECKING:
    from rcmkg.converters.build import Version
    from rcmkg.output import BatchedWrites, Triple
    from rcmkg.registry import Registry

SUFFIXES = (".txt", ".text", ".docx", ".pdf")
# Found in a folder, these are reports too, in a format rcmkg cannot read: listed, so that each gets
# its "unsupported file type" line instead of being passed over in silence. Other files are skipped.
REPORT_LIKE = (".doc", ".rtf", ".odt")


@dataclass
class Conversion:
    """One report converted in memory: its Turtle, where it goes and what was found."""

    source: str
    turtle: str
    meeting: str
    graph: str
    filename: str
    triples: int
    items: int
    commitments: int
    warnings: tuple[str, ...] = ()
    unreconciled: tuple[str, ...] = ()
    language: str = "en"


@dataclass
class FileResult:
    path: str
    status: str  # converted | unchanged | duplicate (another file of the same report) | failed
    output: str | None = None
    meeting: str | None = None
    message: str | None = None
    warnings: tuple[str, ...] = ()
    unreconciled: tuple[str, ...] = ()
    triples: int = 0


@dataclass
class ConvertSummary:
    results: list[FileResult] = field(default_factory=list)

    @property
    def converted(self) -> int:
        return sum(r.status in ("converted", "unchanged") for r in self.results)

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def warnings(self) -> int:
        return sum(len(r.warnings) for r in self.results)

    @property
    def unreconciled(self) -> list[str]:
        return sorted({u for r in self.results for u in r.unreconciled})

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def discover(paths: Iterable[Path]) -> list[Path]:
    """The report files named by ``paths`` (files, or folders searched recursively), sorted, unique.

    A file named directly is always listed (and fails on its own if it is not a report); in a
    folder, only files with a report's suffix are. Entries that cannot be read as files are left
    out here; :func:`listing` says why, one problem per entry.
    """
    return listing(paths)[0]


def listing(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The report files under ``paths`` (as :func:`discover`), and the entries of the folders that
    were skipped for a reason people should hear about: dangling links, link loops, FIFOs, sockets,
    devices, unreadable folders. Hidden files, Office's ``~$`` owner files and files of other
    suffixes are passed over in silence, as before.

    Links to folders are followed, each real folder once, so a link back up the tree is reported
    once instead of walked for ever.
    """
    found: set[Path] = set()
    skipped: list[tuple[Path, str]] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            _walk(p, found, skipped, set())
        elif p.exists() or p.is_symlink():
            found.add(p)
        else:
            raise UsageError(f"{p}: no such file or folder")
    return sorted(found, key=_order), sorted(skipped, key=lambda e: _order(e[0]))


def _order(path: Path) -> tuple[str, str]:
    return str(path.parent), path.name


def _walk(folder: Path, found: set[Path], skipped: list[tuple[Path, str]], seen: set[tuple[int, int]]) -> None:
    try:
        st = folder.stat()
        seen.add((st.st_dev, st.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        skipped.append((folder, f"cannot list this folder ({os_problem(exc)})"))
        return
    for entry in entries:
        name = entry.name
        if name.startswith((".", "~$")):  # hidden, and Word's "~$name.docx" owner files
            continue
        path = Path(entry.path)
        try:
            st = os.stat(path)  # follows links
        except OSError as exc:
            if entry.is_symlink():
                problem = ("symbolic link loop" if exc.errno == errno.ELOOP
                           else f"dangling link to {os.readlink(path)} ({os_problem(exc)})")
            else:
                problem = f"cannot read this entry ({os_problem(exc)})"
            skipped.append((path, problem + "; skipped"))
            continue
        if stat.S_ISDIR(st.st_mode):
            if (st.st_dev, st.st_ino) in seen:
                skipped.append((path, "link to a folder already being searched (a loop); skipped"))
            else:
                _walk(path, found, skipped, seen)
        elif stat.S_ISREG(st.st_mode):
            if Path(name).suffix.lower() in SUFFIXES + REPORT_LIKE:
                found.add(path)
        else:
            kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode)
                    else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "not a regular file")
            skipped.append((path, f"{kind}, not a file; skipped"))


# C0/C1 controls (newline, ESC, BEL, DEL, NEL...), line and paragraph separators, bidi controls.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape_line(text: str) -> str:
    r"""``text`` safe to print as (part of) one line: control, line-breaking and bidi characters
    written as Python-style escapes, so a file name can neither split an error line nor reorder it.

    >>> print(escape_line("bad\nname\u202e.txt"))
    bad\nname\u202e.txt
    """
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def build_source(source: SourceText, settings: Settings, version: int | None = None) -> Version:
    """Parse, extract, link and build one extracted text (``version``: one language's part of a text
    that holds two, :func:`rcmkg.converters.parse.language_versions`): its triples, before any
    Turtle is written."""
    from rcmkg.converters.build import GraphBuilder, Version
    from rcmkg.converters.extract import Extractor
    from rcmkg.converters.parse import parse

    iris = Iris(settings.base)
    registry = _registry(settings.base)
    parsed = parse(source, registry, version)
    extracted = Extractor(registry, iris).extract(parsed)
    if settings.extra.get("strict") and extracted.warnings:
        # --strict: what is otherwise only warned about (no body, no delegations, ...) refuses the file.
        raise InputError(source.file.path or source.file.name, "; ".join(dict.fromkeys(extracted.warnings)))
    triples, info = GraphBuilder(iris).build(extracted)
    return Version(triples, info, extracted)


@lru_cache(maxsize=8)
def _registry_for(base: str, override: str | None) -> Registry:
    from rcmkg.registry import Registry

    return Registry.load(base)


def _registry(base: str) -> Registry:
    """The registry for ``base``, found and loaded once per process (per ``RCMKG_REGISTRY`` override)
    rather than its folder listed again for every report."""
    return _registry_for(base, os.environ.get("RCMKG_REGISTRY"))


def prepare(settings: Settings) -> None:
    """Load and compile, in this process, what every conversion needs (the converters, the registry
    and its matchers, the Turtle writer): worker processes forked after this start with it done."""
    from rcmkg.converters.extract import prepare as prepare_extractor
    from rcmkg.output import turtle_writer

    iris = Iris(settings.base)
    prepare_extractor(_registry(settings.base), iris)
    turtle_writer(iris.base)


def convert_source(source: SourceText, settings: Settings) -> tuple[Conversion, Extracted]:
    """Parse, extract, link and build one extracted text.

    >>> from rcmkg.converters.read import read          # doctest: +SKIP
    >>> conv, facts = convert_source(read(Path("data/reports/002_dcc41190f93bc62f.txt")), Settings())  # doctest: +SKIP
    """
    from rcmkg.converters.build import merge_versions, rebased, version_order
    from rcmkg.converters.parse import language_versions

    parts = language_versions(source.text)
    if parts:
        # One file, the report in two languages one after the other: one meeting, as two files would
        # give (merge_versions), every fact traced to its own version's span of the file.
        versions = sorted((build_source(source, settings, n) for n in range(len(parts))), key=version_order)
        # One file, one meeting: a version that names it otherwise (its body in words the registry
        # does not know in that language) is moved to the primary version's meeting, and said.
        moved = [v.info["meeting"] for v in versions[1:] if v.info["meeting"] != versions[0].info["meeting"]]
        versions = [versions[0], *(rebased(v, versions[0].info["meeting"]) for v in versions[1:])]
        triples, warnings = merge_versions(versions)
        warnings += [f"{source.file.name}: a language version names the meeting {m}; taken as {versions[0].info['meeting']}, "
                     "the primary version's" for m in moved]
        conv = _conversion([source] * len(versions), triples, versions[0].info, [v.extracted for v in versions],
                           settings, warnings)
        return conv, versions[0].extracted
    v = build_source(source, settings)
    return _conversion([source], v.triples, v.info, [v.extracted], settings), v.extracted


def convert_versions(sources: list[SourceText], settings: Settings) -> Conversion:
    """One meeting's reports in several languages, as one Turtle file (see ``merge_versions``)."""
    from rcmkg.converters.build import merge_versions, version_order

    versions = sorted((build_source(s, settings) for s in sources), key=version_order)
    triples, warnings = merge_versions(versions)
    by_name = {s.file.name: s for s in sources}
    ordered = [by_name[v.name] for v in versions]
    return _conversion(ordered, triples, versions[0].info, [v.extracted for v in versions], settings, warnings)


def _conversion(sources: list[SourceText], triples: list[Triple], info: dict[str, str], extracted: list[Extracted],
                settings: Settings, extra: list[str] | None = None) -> Conversion:
    from rcmkg.output import turtle_writer

    iris = Iris(settings.base)
    names = ", ".join(f"{s.file.name} (sha256 {s.file.sha256})" for s in sources)
    header = (
        f"{info['meeting']}\n"
        f"Converted by rcmkg {__version__} from {names}.\n"
        "Do not edit: regenerate with `rcmkg convert`."
    )
    turtle = turtle_writer(iris.base).write(triples, header=header)
    first = extracted[0]
    warned = [f"{s.file.name}: {w}" for s, x in zip(sources, extracted, strict=True) for w in (*s.warnings, *x.warnings)]
    return Conversion(
        source=sources[0].file.path or sources[0].file.name,
        turtle=turtle,
        meeting=info["meeting"],
        graph=info["graph"],
        filename=f"{info['body']}_{info['date']}.ttl",
        triples=len(set(triples)),
        items=max(len(x.agreements) for x in extracted),
        commitments=sum(len(a.commitments) for a in first.agreements),
        # The reader's warnings (an encoding guessed, ...) and the converter's, each once.
        warnings=tuple(dict.fromkeys((*warned, *(extra or ())))),
        unreconciled=tuple(dict.fromkeys(u for x in extracted for u in x.unreconciled)),
        language=first.report.language,
    )


def convert_file(path: Path, settings: Settings) -> Conversion:
    """Read and convert one file. Raises :class:`InputError` naming the file and the problem."""
    from rcmkg.converters.read import read

    source = read(Path(path))
    conv, _ = convert_source(source, settings)
    return conv


Task = tuple[str, Settings, bool]  # (path, settings, debug)


def _worker(task: Task) -> Conversion | InputError:
    """Convert one file; every failure comes back as one :class:`InputError` (never raised)."""
    path, settings, debug = task
    try:
        return convert_file(Path(path), settings)
    except InputError as exc:
        return _vanished(path) or exc
    except RcmkgError as exc:
        return InputError(path, str(exc))
    except (OSError, UnicodeError, ValueError) as exc:  # a reader's or parser's own failure: still one line
        return _vanished(path) or InputError(path, f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a bug: one line for this file, the others still convert
        if debug:
            raise
        detail = " ".join(str(exc).split())[:200]
        return InputError(path, f"internal error ({type(exc).__name__}{': ' + detail if detail else ''}); "
                                "rerun with --debug for the traceback")


def _vanished(path: str) -> InputError | None:
    """The error for a file that was listed but is gone now (deleted or moved during the run)."""
    if os.path.lexists(path):
        return None
    return InputError(path, "file disappeared during the run (listed, then gone before it was read)")


def _die_with_parent(parent: int) -> None:
    """Pool initializer: the worker dies with the process that started it (Linux ``prctl``
    PR_SET_PDEATHSIG), so a ``convert`` killed by SIGKILL, a timeout or the OOM killer leaves no
    worker burning CPU. Elsewhere a no-op (there the pool's own end-of-run shutdown still applies)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),))


def _alone(task: Task) -> Conversion | InputError:
    """Convert one file in a worker process of its own: if that process dies, only this file fails."""
    with _pool(1) as solo:
        try:
            return solo.submit(_worker, task).result()
        except BrokenProcessPool:
            return InputError(task[0], "the converter crashed on this file (its worker process died)")


def _parallel(tasks: list[Task], jobs: int) -> Iterator[Conversion | InputError]:
    """Results of ``tasks`` in order, from ``jobs`` worker processes.

    At most a few tasks per worker are in flight, so memory stays bounded and, when a worker dies,
    the suspects are only those in flight: each is retried alone and the run goes on with a new pool.
    """
    window = 4 * jobs
    pool = _pool(jobs)
    pending: deque[tuple[Task, Future[Conversion | InputError]]] = deque()
    nxt = 0
    try:
        while pending or nxt < len(tasks):
            while nxt < len(tasks) and len(pending) < window:
                pending.append((tasks[nxt], pool.submit(_worker, tasks[nxt])))
                nxt += 1
            task, fut = pending.popleft()
            try:
                yield fut.result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                for t, f in [(task, fut), *pending]:
                    finished = f.done() and not f.cancelled() and f.exception() is None
                    yield f.result() if finished else _alone(t)
                pending.clear()
                pool = _pool(jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _items_in(turtle: str) -> int:
    return len(re.findall(r"\ba rcm:Agreement\b", turtle))


def convert(
    paths: Iterable[Path],
    out: Path,
    settings: Settings,
    jobs: int = 1,
    progress: Callable[[int, int, str], None] | None = None,
    results: Callable[[Conversion], None] | None = None,
    debug: bool = False,
) -> ConvertSummary:
    """Convert every report under ``paths`` into ``out`` (one ``{body}_{date}.ttl`` per meeting).

    ``jobs`` > 1 converts in worker processes; files are still written by this process in sorted
    input order, so the output does not depend on ``jobs``. ``progress(done, total, name)`` is
    called after each file; ``results(conversion)`` for each converted report (e.g. to load it).
    ``debug`` lets an unexpected exception in the converter propagate instead of becoming one line.
    Raises :class:`UsageError` for a path that does not exist or a bad ``RCMKG_MAX_MB``.
    """
    max_bytes()  # a bad RCMKG_MAX_MB is a usage error, said once, not once per file
    files, skipped = listing(paths)
    out = Path(out)
    summary = ConvertSummary()
    summary.results.extend(FileResult(str(p), "failed", message=problem) for p, problem in skipped)
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    tasks: list[Task] = [(str(p), settings, debug) for p in files]
    outputs: Iterator[Conversion | InputError]
    if jobs > 1 and len(files) > 1:
        if multiprocessing.get_start_method() == "fork":
            prepare(settings)  # done once here, inherited by every worker, instead of once per worker
        outputs = _parallel(tasks, min(jobs, len(files)))
    else:
        outputs = map(_worker, tasks)
    seen: dict[str, _Met] = {}
    from rcmkg.output import BatchedWrites

    # Files are made durable a batch at a time (one sync per batch, not one fsync per file).
    writes = BatchedWrites()
    try:
        for done, (path, res) in enumerate(zip(files, outputs, strict=True), start=1):
            summary.results.append(_store(path, res, out, seen, results, settings, writes, summary))
            if progress:
                progress(done, len(files), path.name)
        _failed(summary, writes.flush())
    finally:
        writes.discard()  # the loop ended early: what was not moved into place is dropped
        close = getattr(outputs, "close", None)
        if close is not None:
            close()  # stops the worker processes if the loop ended early
    return summary


def _failed(summary: ConvertSummary, failures: list[tuple[Path, OSError]]) -> None:
    """Mark the results whose file a batch could not write as failed."""
    for target, exc in failures:
        for r in summary.results:
            if r.output == str(target) and r.status != "failed":
                r.status, r.message = "failed", f"cannot write {target} ({os_problem(exc)})"


@dataclass
class _Met:
    """A meeting already converted in this run: its versions (path, language), and its file before the run."""

    versions: list[tuple[str, str]]
    before: str | None
    results: list[FileResult]
    texts: dict[str, frozenset[str]] = field(default_factory=dict)  # language -> its items' texts (_item_texts)


#: An item's text in a Turtle file as the converter writes it.
_ITEM_TEXT = re.compile(r'rcm:text "((?:[^"\\\n]|\\.)*)"@[a-z]+')
#: Share of one file's items another must have for the two to be one report (copies, formats).
SAME_REPORT = 0.8


def _item_texts(turtle: str) -> frozenset[str]:
    """The first words of each item's text, as compared: lower case, letters and digits only."""
    return frozenset(" ".join(re.findall(r"\w+", m.group(1).lower())[:12]) for m in _ITEM_TEXT.finditer(turtle))


def _same_report(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two files whose items are (nearly) the same: one report twice (a .docx and its PDF)."""
    return bool(a) and bool(b) and len(a & b) >= SAME_REPORT * max(len(a), len(b))


def _store(path: Path, res: Conversion | InputError, out: Path, seen: dict[str, _Met],
           results: Callable[[Conversion], None] | None, settings: Settings | None = None,
           writes: BatchedWrites | None = None, summary: ConvertSummary | None = None) -> FileResult:
    if isinstance(res, InputError):
        return FileResult(str(path), "failed", message=res.problem)
    met = seen.get(res.meeting)
    if met is not None:
        same = next((p for p, lang in met.versions if lang == res.language), None)
        if same is not None and res.language in met.texts and _same_report(met.texts[res.language], _item_texts(res.turtle)):
            # the same report again, in another file (a copy, or its PDF beside the .docx): said, not
            # converted twice, and no error
            return FileResult(str(path), "duplicate", meeting=res.meeting,
                              warnings=(f"{Path(path).name}: the same report as {same} (its items are); not converted again",))
        if same is not None or settings is None:
            # Two files in one language for one meeting would make two descriptions of one meeting.
            return FileResult(str(path), "failed", meeting=res.meeting,
                              message=f"describes the same meeting as {same or met.versions[0][0]} ({res.meeting}); "
                                      "not converted")
        if writes is not None and summary is not None:
            _failed(summary, writes.flush())  # the merge reads and rewrites a file this run wrote
        return _merge(path, res, out, met, results, settings)
    target = out / res.filename
    status = "converted"
    try:
        old = target.read_text(encoding="utf-8", errors="replace") if target.is_file() else None
    except OSError as exc:
        return FileResult(str(path), "failed", output=str(target), meeting=res.meeting,
                          message=f"cannot read the existing {target} ({os_problem(exc)}); left it as it is")
    if res.items == 0 and old and _items_in(old):
        # A report without items is converted (with a warning), but never replaces a file that has some.
        return FileResult(str(path), "failed", output=str(target), meeting=res.meeting,
                          message=f"no numbered items found; kept the existing file {target.name} ({_items_in(old)} items)")
    if old == res.turtle:
        status = "unchanged"
    else:
        from rcmkg.output import atomic_write

        try:
            if writes is not None and summary is not None:
                _failed(summary, writes.write(target, res.turtle))
            else:
                atomic_write(target, res.turtle)
        except OSError as exc:
            return FileResult(str(path), "failed", output=str(target), meeting=res.meeting,
                              message=f"cannot write {target} ({os_problem(exc)})")
    if results is not None:
        results(res)
    done = FileResult(str(path), status, str(target), res.meeting, warnings=res.warnings,
                      unreconciled=res.unreconciled, triples=res.triples)
    seen[res.meeting] = _Met([(str(path), res.language)], old, [done], {res.language: _item_texts(res.turtle)})
    return done


def _merge(path: Path, res: Conversion, out: Path, met: _Met, results: Callable[[Conversion], None] | None,
           settings: Settings) -> FileResult:
    """Another language version of a meeting already written: rewrite its file with every version.

    The versions already seen are read and built again here (a bilingual meeting is rare; keeping
    every report's triples in memory in case one turns up is not worth it)."""
    from rcmkg.converters.read import read
    from rcmkg.output import atomic_write

    target = out / res.filename
    if res.items == 0:
        return FileResult(str(path), "failed", output=str(target), meeting=res.meeting,
                          message=f"no numbered items found; the {res.language} version of {met.versions[0][0]} "
                                  "is converted without it")
    try:
        merged = convert_versions([read(Path(p)) for p, _ in met.versions] + [read(path)], settings)
    except (RcmkgError, OSError, UnicodeError, ValueError) as exc:
        return FileResult(str(path), "failed", output=str(target), meeting=res.meeting,
                          message=f"cannot merge with {met.versions[0][0]} ({exc})")
    status = "unchanged" if merged.turtle == met.before else "converted"
    try:
        current = target.read_text(encoding="utf-8", errors="replace") if target.is_file() else None
        if current != merged.turtle:
            atomic_write(target, merged.turtle)
    except OSError as exc:
        return FileResult(str(path), "failed", output=str(target), meeting=res.meeting,
                          message=f"cannot write {target} ({os_problem(exc)})")
    met.versions.append((str(path), res.language))
    met.texts[res.language] = _item_texts(res.turtle)
    for r in met.results:  # the earlier versions' files are this one now
        r.status = status
        r.triples = merged.triples
    if results is not None:
        results(merged)
    own = tuple(w for w in merged.warnings if w not in {x for r in met.results for x in r.warnings})
    done = FileResult(str(path), status, str(target), res.meeting, warnings=own,
                      unreconciled=res.unreconciled, triples=merged.triples)
    met.results.append(done)
    return done
