"""File -> :class:`~rcmkg.model.SourceText`: the READ stage, one reader per file format.

Readers are registered by suffix, in the style of ``rdflib/plugin.py``: the built-in ones are named
by module path and imported on first use, so reading a .txt never imports python-docx or pdfplumber.
A third party adds a format with :func:`register`::

    >>> from rcmkg.converters.read import register
    >>> register(".md", read_markdown)               # doctest: +SKIP

Every problem with a file is raised as :class:`~rcmkg.errors.InputError` with a short, one-line
problem text ("empty file", "encrypted PDF", ...). Readers share the helpers below so that the
messages, the size limit and the hashes are the same for every format.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from rcmkg.errors import InputError, UsageError
from rcmkg.model import SourceFile, SourceText, Span

Reader = Callable[[Path], SourceText]

MB = 1024 * 1024
DEFAULT_MAX_MB = 20.0  # of text; a meeting report is a few kB, so this only stops runaway inputs

READERS: dict[str, Reader] = {}
_LISTED: list[str] = []  # suffixes named in the "unsupported file type" message, in registration order


def register(suffix: str, reader: Reader, *, listed: bool = True) -> None:
    """Make ``reader`` the reader of files ending in ``suffix`` (case-insensitive, with the dot).

    ``listed=False`` registers an alias that the "unsupported file type" message does not name.
    A reader takes the path and returns a :class:`SourceText` (build it with :func:`source_text`)
    or raises :class:`InputError`.

    >>> register(".md", read_markdown)                 # doctest: +SKIP
    >>> register(".markdown", read_markdown, listed=False)  # doctest: +SKIP
    """
    suffix = suffix.lower()
    if not suffix.startswith("."):
        suffix = "." + suffix
    READERS[suffix] = reader
    if listed and suffix not in _LISTED:
        _LISTED.append(suffix)


def _lazy(module: str, name: str) -> Reader:
    """A reader that imports ``module`` on first call (rdflib's plugin registry does the same)."""

    def reader(path: Path) -> SourceText:
        fn: Reader = getattr(importlib.import_module(module), name)
        return fn(path)

    reader.__name__ = reader.__qualname__ = name
    reader.__doc__ = f"{module}.{name}, imported on first use."
    return reader


register(".txt", _lazy("rcmkg.converters.txt", "read_txt"))
register(".text", _lazy("rcmkg.converters.txt", "read_txt"), listed=False)
register(".docx", _lazy("rcmkg.converters.word", "read_docx"))
register(".pdf", _lazy("rcmkg.converters.pdf", "read_pdf"))


def supported() -> str:
    """The listed suffixes as prose: ".txt, .docx or .pdf"."""
    if len(_LISTED) < 2:
        return "".join(_LISTED)
    return ", ".join(_LISTED[:-1]) + " or " + _LISTED[-1]


def read(path: Path | str) -> SourceText:
    """Read one report file into text, choosing the reader by the file's suffix.

    Raises :class:`InputError` (the file and a one-line problem) for anything that stops the file
    from being read: an unknown suffix, a missing or unreadable file, a damaged or hostile file.

    >>> src = read(Path("data/reports/002_dcc41190f93bc62f.txt"))  # doctest: +SKIP
    >>> src.file.media_type, src.encoding                          # doctest: +SKIP
    ('text/plain', 'utf-8')
    """
    path = Path(path)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        what = f"'{path.suffix}'" if path.suffix else "(no suffix)"
        raise InputError(path, f"unsupported file type {what} (expected {supported()})")
    try:
        return reader(path)
    except InputError:
        raise
    except RecursionError:
        # Deeply nested XML or PDF objects exhaust the stack in the parsing libraries.
        raise InputError(path, "too deeply nested to read") from None
    except OSError as exc:
        raise InputError(path, os_problem(exc)) from exc


# ---- helpers shared by the readers ------------------------------------------------------------------


def max_bytes() -> int:
    """The text size limit in bytes: ``RCMKG_MAX_MB`` (MB of text, may be fractional), default 20."""
    raw = os.environ.get("RCMKG_MAX_MB", "").strip()
    if not raw:
        return int(DEFAULT_MAX_MB * MB)
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value > 0:  # also rejects NaN
        raise UsageError(f"RCMKG_MAX_MB must be a positive number of megabytes, not {raw!r}")
    return round(value * MB)


def mb(n: float) -> str:
    """Bytes as megabytes for messages: "201", "2.5", "0.00331" (small limits stay readable)."""
    x = n / MB
    if x >= 10:
        return f"{x:.0f}"
    if x >= 0.1:
        s = f"{x:.1f}"
        return s[:-2] if s.endswith(".0") else s
    return f"{x:.3g}"


def too_large(path: Path, size: int, limit: int) -> InputError:
    """The "file too large (N MB > limit M MB)" error, for the file on disk or for its text."""
    return InputError(path, f"file too large ({mb(size)} MB > limit {mb(limit)} MB)")


def os_problem(exc: OSError) -> str:
    """A short problem text for an operating-system error."""
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    return f"cannot read file ({exc.strerror or type(exc).__name__})"


def load_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, refusing empty and over-limit files before reading them whole.

    A file that is listed but gone when opened (deleted by a sync client or an editor's save) is
    "file disappeared while reading", not "file not found": the user did name an existing file.
    Only regular files are read: a FIFO, socket or device (named directly, or swapped in for the
    file after it was listed) would block the run or never end, so it is refused without waiting.
    """
    try:
        st = path.stat()
    except OSError as exc:
        raise InputError(path, os_problem(exc)) from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(path, f"not a regular file ({_kind(st.st_mode)})")
    if st.st_size > limit:
        raise too_large(path, st.st_size, limit)
    try:
        # O_NONBLOCK: opening a FIFO put in the file's place since the stat must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError as exc:
        raise InputError(path, "file disappeared while reading") from exc
    except OSError as exc:
        raise InputError(path, os_problem(exc)) from exc
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fh.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(path, f"not a regular file ({_kind(mode)})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fh.fileno(), True)
        try:
            # The size the stat gave, and one byte more to see whether the file grew meanwhile (a
            # read of the whole limit would allocate the whole limit for every file); then never
            # more than the limit.
            data = fh.read(min(st.st_size, limit) + 1)
            if len(data) > st.st_size and len(data) <= limit:
                data += fh.read(limit + 1 - len(data))
        except OSError as exc:
            raise InputError(path, os_problem(exc)) from exc
    if len(data) > limit:
        raise too_large(path, len(data), limit)
    if not data:
        raise InputError(path, "empty file")
    return data


def _kind(mode: int) -> str:
    """What a non-regular file is, for messages."""
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
             (stat.S_ISBLK, "a device"), (stat.S_ISDIR, "a directory"))
    for test, name in kinds:
        if test(mode):
            return name
    return "not a file"


def source_file(path: Path, data: bytes, media_type: str) -> SourceFile:
    """Provenance of the file: name, media type, hash and size of the bytes that were read."""
    return SourceFile(
        name=path.name,
        media_type=media_type,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        path=str(path),
    )


# Between a table cell's paragraphs until the reader lays out its text: a character XML cannot hold
# and a PDF's text layer is cleaned of, so never the document's own; not whitespace to str.split
# (which "\x1c"-"\x1f" are).
PARA_MARK = "\x00"


def laid_out(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` with each run of marks (:data:`PARA_MARK`) and the whitespace around it made one
    space, and where each paragraph so joined starts (linear: no pattern backtracks over a run of
    spaces)."""
    if PARA_MARK not in text:
        return text, ()
    pieces = text.split(PARA_MARK)
    out: list[str] = []
    breaks: list[int] = []
    at = 0
    for k, piece in enumerate(pieces):
        if k:
            piece = piece.lstrip()
            if not piece:
                continue  # (marks in a row, or a mark ending the text: one break at most)
            if out:
                trimmed = out[-1].rstrip()
                at -= len(out[-1]) - len(trimmed)
                out[-1] = trimmed
                out.append(" ")
                at += 1
                breaks.append(at)
        out.append(piece)
        at += len(piece)
    return "".join(out), tuple(breaks)


def source_text(
    path: Path,
    file: SourceFile,
    text: str,
    *,
    encoding: str = "utf-8",
    labels: dict[int, str] | None = None,
    notes: tuple[tuple[str, Span], ...] = (),
    warnings: tuple[str, ...] = (),
    breaks: tuple[int, ...] = (),
    margins: tuple[str, ...] = (),
) -> SourceText:
    """The reader's result, after the checks every format shares (blank text, size of the text)."""
    if not text.strip():
        raise InputError(path, "no text (whitespace only)")
    encoded = text.encode("utf-8", errors="surrogatepass")
    limit = max_bytes()
    if len(encoded) > limit:
        raise too_large(path, len(encoded), limit)
    return SourceText(
        file=file,
        text=text,
        sha256=hashlib.sha256(encoded).hexdigest(),
        encoding=encoding,
        labels=dict(labels or {}),
        notes=notes,
        warnings=warnings,
        breaks=breaks,
        margins=margins,
    )
