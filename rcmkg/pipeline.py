"""Convert many report files: read -> parse -> extract/link -> build -> write, one Turtle file per meeting.

A bad file never stops the others: it gets a one-line error naming it and the problem, nothing is
written for it, and an existing good output is never replaced by a failed or poorer conversion.
Inputs are processed in sorted order and written by the parent process, so ``--jobs 1`` and
``--jobs N`` give identical files, whatever the order in which paths were given.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rcmkg import __version__
from rcmkg.errors import InputError, RcmkgError, UsageError
from rcmkg.iris import Iris
from rcmkg.model import Extracted, SourceText
from rcmkg.settings import Settings

SUFFIXES = (".txt", ".text", ".docx", ".pdf")


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


@dataclass
class FileResult:
    path: str
    status: str  # converted | unchanged | failed
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
    """The report files named by ``paths`` (files, or folders searched recursively), sorted, unique."""
    found: set[Path] = set()
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for q in p.rglob("*"):
                if q.is_file() and q.suffix.lower() in SUFFIXES and not q.name.startswith("."):
                    found.add(q)
        elif p.exists() or p.is_symlink():
            found.add(p)
        else:
            raise UsageError(f"{p}: no such file or folder")
    return sorted(found, key=lambda q: (str(q.parent), q.name))


def convert_source(source: SourceText, settings: Settings) -> tuple[Conversion, Extracted]:
    """Parse, extract, link and build one extracted text.

    >>> from rcmkg.converters.read import read          # doctest: +SKIP
    >>> conv, facts = convert_source(read(Path("data/reports/002_dcc41190f93bc62f.txt")), Settings())  # doctest: +SKIP
    """
    from rcmkg.converters.build import GraphBuilder
    from rcmkg.converters.extract import Extractor
    from rcmkg.converters.parse import parse
    from rcmkg.output import TurtleWriter
    from rcmkg.registry import Registry

    iris = Iris(settings.base)
    registry = Registry.load(settings.base)
    parsed = parse(source, registry)
    extracted = Extractor(registry, iris).extract(parsed)
    triples, info = GraphBuilder(iris).build(extracted)
    header = (
        f"{info['meeting']}\n"
        f"Converted by rcmkg {__version__} from {source.file.name} (sha256 {source.file.sha256}).\n"
        "Do not edit: regenerate with `rcmkg convert`."
    )
    turtle = TurtleWriter(iris.base).write(triples, header=header)
    conv = Conversion(
        source=source.file.path or source.file.name,
        turtle=turtle,
        meeting=info["meeting"],
        graph=info["graph"],
        filename=f"{info['body']}_{info['date']}.ttl",
        triples=len(set(triples)),
        items=len(extracted.agreements),
        commitments=sum(len(a.commitments) for a in extracted.agreements),
        warnings=tuple(f"{source.file.name}: {w}" for w in extracted.warnings),
        unreconciled=extracted.unreconciled,
    )
    return conv, extracted


def convert_file(path: Path, settings: Settings) -> Conversion:
    """Read and convert one file. Raises :class:`InputError` naming the file and the problem."""
    from rcmkg.converters.read import read

    source = read(Path(path))
    conv, _ = convert_source(source, settings)
    return conv


def _worker(args: tuple[str, Settings]) -> Conversion | InputError:
    path, settings = args
    try:
        return convert_file(Path(path), settings)
    except InputError as exc:
        return exc
    except RcmkgError as exc:
        return InputError(path, str(exc))
    except (OSError, UnicodeError, ValueError) as exc:  # a reader's or parser's own failure: still one line
        return InputError(path, f"{type(exc).__name__}: {exc}")


def _items_in(turtle: str) -> int:
    return len(re.findall(r"\ba rcm:Agreement\b", turtle))


def convert(
    paths: Iterable[Path],
    out: Path,
    settings: Settings,
    jobs: int = 1,
    progress: Callable[[int, int, str], None] | None = None,
    results: Callable[[Conversion], None] | None = None,
) -> ConvertSummary:
    """Convert every report under ``paths`` into ``out`` (one ``{body}_{date}.ttl`` per meeting).

    ``jobs`` > 1 converts in worker processes; files are still written by this process in sorted
    input order, so the output does not depend on ``jobs``. ``progress(done, total, name)`` is
    called after each file; ``results(conversion)`` for each converted report (e.g. to load it).
    """
    files = discover(paths)
    out = Path(out)
    summary = ConvertSummary()
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    tasks = [(str(p), settings) for p in files]
    outputs: Iterator[Conversion | InputError]
    pool = None
    if jobs > 1 and len(files) > 1:
        pool = ProcessPoolExecutor(max_workers=min(jobs, len(files)))
        outputs = pool.map(_worker, tasks, chunksize=max(1, min(64, len(tasks) // (jobs * 8) or 1)))
    else:
        outputs = map(_worker, tasks)
    seen: dict[str, str] = {}
    try:
        for done, (path, res) in enumerate(zip(files, outputs, strict=True), start=1):
            summary.results.append(_store(path, res, out, seen, results))
            if progress:
                progress(done, len(files), path.name)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return summary


def _store(path: Path, res: Conversion | InputError, out: Path, seen: dict[str, str],
           results: Callable[[Conversion], None] | None) -> FileResult:
    if isinstance(res, InputError):
        return FileResult(str(path), "failed", message=res.problem)
    if res.meeting in seen:
        # Two files for one meeting would make two descriptions of one meeting: refuse the later one.
        return FileResult(str(path), "failed", meeting=res.meeting,
                          message=f"describes the same meeting as {seen[res.meeting]} ({res.meeting}); not converted")
    seen[res.meeting] = str(path)
    target = out / res.filename
    status = "converted"
    if target.exists():
        old = target.read_text(encoding="utf-8", errors="replace")
        if old == res.turtle:
            status = "unchanged"
        elif _items_in(old) > 0 and res.items == 0:
            return FileResult(str(path), "failed", output=str(target), meeting=res.meeting,
                              message=f"found no items, but {target.name} has {_items_in(old)}; kept the existing file")
    if status == "converted":
        from rcmkg.output import atomic_write

        atomic_write(target, res.turtle)
    if results is not None:
        results(res)
    return FileResult(str(path), status, str(target), res.meeting, warnings=res.warnings,
                      unreconciled=res.unreconciled, triples=res.triples)
