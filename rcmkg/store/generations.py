"""Crash-consistent loads: the on-disk store as numbered generations behind a pointer file.

A store folder (``Settings.store``) holds:

- ``GENERATION``: one line, the name of the complete generation readers open (``gen-000007``);
  replaced by an atomic rename, so it always names a generation that a load finished.
- ``gen-NNNNNN/``: one pyoxigraph store (with its ``index/``) per generation. A load makes the next
  one as a RocksDB checkpoint of the current one (``Store.backup``: hard links to the immutable
  table files, so cheap whatever the store's size), applies its changes there and then switches
  ``GENERATION``. The previous generation is kept until the next load (a reader may still have it
  open), which removes it by a thread while it computes; older ones are removed.
- ``load.lock``: held (``flock``) by the running load, so two loads never write at once and a
  reader can tell a running load from one cut short; the kernel releases it when the loader dies,
  however it dies.
- ``LOADING``: the running load's PID; left behind by a load that was cut short (power cut,
  ``kill -9``), removed by a load that finished or failed cleanly.

A store made by an older rcmkg (the RocksDB files directly in the folder, no ``GENERATION``) is
read as it is; the next load checkpoints it into ``gen-000001``.

Readers therefore always see the last complete load, never a mix; a load cut short is reported in
one line and repaired by the next ``rcmkg load`` (which removes the unfinished generation).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from rcmkg.errors import StoreError

POINTER = "GENERATION"
LOADING = "LOADING"
LOCK = "load.lock"
_NAME = re.compile(r"gen-(\d{6,})")


def _read_pointer(folder: Path) -> str | None:
    try:
        name = (folder / POINTER).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return name if _NAME.fullmatch(name) else None


def current(folder: str | Path) -> Path | None:
    """The folder of the last complete generation of the store at ``folder`` (the folder itself for
    a store made before generations), or None when no load has finished there."""
    folder = Path(folder)
    name = _read_pointer(folder)
    if name is not None and (folder / name / "CURRENT").is_file():
        return folder / name
    if name is None and (folder / "CURRENT").is_file():  # RocksDB's own file: an older, flat store
        return folder
    return None


def token(folder: str | Path) -> str:
    """What changes when a load finishes: the pointer's contents (one small read; a server asks
    this per request to notice a new load)."""
    return _read_pointer(Path(folder)) or ""


def load_state(folder: str | Path) -> str | None:
    """``"running"`` while a load holds the lock, ``"cut short"`` when a load left its marker and
    died, else None."""
    folder = Path(folder)
    marker = folder / LOADING
    if not marker.exists():
        return None
    try:
        fd = os.open(folder / LOCK, os.O_RDONLY)
    except OSError:
        return "cut short"
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return "running"
    finally:
        os.close(fd)  # closing releases a lock we may have taken
    return "cut short" if marker.exists() else None


def _pid(folder: Path) -> str:
    try:
        return (folder / LOADING).read_text(encoding="ascii").strip() or "?"
    except (OSError, UnicodeDecodeError):
        return "?"


def readable(folder: str | Path) -> tuple[Path, str | None]:
    """The generation to read and, when a load is running or was cut short, a one-line note that
    the answers are those of the last complete load. Raises :class:`StoreError` (one line) when no
    load has finished."""
    folder = Path(folder)
    state = load_state(folder)
    gen = current(folder)
    repair = f"run `rcmkg load DIR --store {folder}` again to repair"
    if gen is None:
        if state == "running":
            raise StoreError(f"the store at {folder} is being loaded for the first time (pid {_pid(folder)}): "
                             "try again when the load has finished")
        if state == "cut short":
            raise StoreError(f"the first load of the store at {folder} was cut short: {repair}")
        raise StoreError(f"no store at {folder}: run `rcmkg load DIR` first, or use --data DIR")
    note = None
    if state == "cut short" and gen != folder:
        note = f"the last load of {folder} was cut short; answering from the last complete load ({gen.name}); {repair}"
    elif state == "cut short":
        # A flat store (older rcmkg) was written in place: what it holds may be partial.
        raise StoreError(f"a load of the store at {folder} was cut short and left it partial: {repair}")
    return gen, note


def pause_point(point: str) -> None:
    """Test hook: with ``RCMKG_TEST_PAUSE_AT=point`` in the environment, say so on stderr and wait
    at ``point`` (for the test's SIGKILL). Only tests set it; nothing else depends on it."""
    if os.environ.get("RCMKG_TEST_PAUSE_AT") == point:
        sys.stderr.write(f"rcmkg: paused at {point}\n")
        sys.stderr.flush()
        time.sleep(600)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="ascii") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


class Loading:
    """One load's hold on a store folder: the lock, the marker, the next generation's folder.

    >>> with Loading(".rcmkg/store") as job:                              # doctest: +SKIP
    ...     copy_into(job.source, job.target); job.commit()
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.source: Path | None = None  # the generation this load starts from (None: an empty store)
        self.target = self.folder
        self.was_cut_short = False
        self._lock_fd: int | None = None
        self._committed = False
        self._cleaner: threading.Thread | None = None  # removing the previous generation (_remove_unfinished)

    def __enter__(self) -> Loading:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.folder}: {exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise StoreError(f"another load (pid {_pid(self.folder)}) is writing the store at {self.folder}; "
                             "wait for it to finish") from None
        self._lock_fd = fd
        try:
            self.was_cut_short = (self.folder / LOADING).exists()
            _write_atomic(self.folder / LOADING, f"{os.getpid()}\n")
            self.source = current(self.folder)
            self._remove_unfinished()
            numbers = [int(m.group(1)) for p in self.folder.iterdir() if (m := _NAME.fullmatch(p.name))]
            self.target = self.folder / f"gen-{max(numbers, default=0) + 1:06d}"
        except OSError as exc:
            self._release()
            raise StoreError(f"cannot prepare a load of the store at {self.folder}: {exc.strerror or exc}") from None
        return self

    def _remove_unfinished(self) -> None:
        """Generations that are neither current nor the previous one: left by a load cut short, or
        older than what any reader still opens. The previous one (readers may still have it open,
        opened before the current one was finished) goes too, but by a thread, while this load
        computes: it is the last load's source, the one its end used to remove (0.1 s and more at
        10,000 reports, a search index among its files)."""
        keep = {self.source.name} if self.source is not None else set()
        previous = sorted((p for p in self.folder.iterdir() if _NAME.fullmatch(p.name) and p.name not in keep
                           and self.source is not None and p.name < self.source.name), key=lambda p: p.name)
        if previous:
            keep.add(previous[-1].name)
        for p in self.folder.iterdir():
            if _NAME.fullmatch(p.name) and p.name not in keep:
                shutil.rmtree(p, ignore_errors=True)
        if previous:
            self._cleaner = threading.Thread(target=shutil.rmtree, args=(previous[-1],), kwargs={"ignore_errors": True},
                                             name="rcmkg-old-generation", daemon=True)
            self._cleaner.start()

    def commit(self) -> None:
        """Make the finished target generation the one readers open (atomic rename of the pointer)."""
        try:
            _fsync_dir(self.target)
            _write_atomic(self.folder / POINTER, self.target.name + "\n")
        except OSError as exc:
            raise StoreError(f"cannot switch the store at {self.folder} to the new load: {exc.strerror or exc}") from None
        self._committed = True

    def _release(self) -> None:
        with contextlib.suppress(OSError):
            (self.folder / LOADING).unlink()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if self._cleaner is not None:
            self._cleaner.join()
            self._cleaner = None
        if not self._committed and self.target != self.folder:
            # Failed cleanly (disk full, bad input that aborted the load): the previous
            # generation is untouched and still current, so nothing is left to repair.
            shutil.rmtree(self.target, ignore_errors=True)
        if self._committed:
            # Keep the generation we started from (a reader may have it open); drop older ones.
            keep = {self.target.name} | ({self.source.name} if self.source is not None and self.source != self.folder else set())
            for p in self.folder.iterdir():
                if _NAME.fullmatch(p.name) and p.name not in keep:
                    shutil.rmtree(p, ignore_errors=True)
        self._release()


@contextlib.contextmanager
def loading(folder: str | Path) -> Iterator[Loading]:
    """:class:`Loading` as a context manager function."""
    with Loading(folder) as job:
        yield job
