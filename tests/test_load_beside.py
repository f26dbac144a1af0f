"""A load that computes every entry hands the commitments and the published entry to another process
(rcmkg.store.load._Beside): the same entries, graphs and search index as when the loading process
computes them all, and a failure there fails the load in one line."""

from __future__ import annotations

import gc
import os
import signal
import sqlite3
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

import rcmkg.store.load as load_module
from rcmkg.errors import StoreError
from rcmkg.index.commitments import fulfilment_graph
from rcmkg.index.published import cached_published, compute_published
from rcmkg.search.build import INDEX_FILE
from rcmkg.settings import Settings
from rcmkg.store import generations
from rcmkg.store.local import LocalStore

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _search_rows(index: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _state(store_dir: Path) -> tuple[list[str], list[str], list[str]]:
    """The derived entries, the fulfilment graph and the search index's rows of a store's current load."""
    gen = generations.current(store_dir)
    assert gen is not None
    with LocalStore(store_dir, read_only=True) as store:
        entries = sorted(str(q) for q in store.index.ox)
        graph = ox.NamedNode(fulfilment_graph(store.base))
        fulfilment = sorted(str(q) for q in store.ox.quads_for_pattern(None, None, None, graph))
    return entries, fulfilment, _search_rows(gen / INDEX_FILE)


def test_entries_worked_out_beside_equal_those_of_the_loading_process(tmp_path, converted, monkeypatch):
    made, real = [], load_module._Beside

    def counted(*args):
        made.append(args)
        return real(*args)

    monkeypatch.setattr(load_module, "_Beside", counted)
    states = {}
    for name, least in (("inline", 10**9), ("beside", 1)):
        monkeypatch.setattr(load_module, "BESIDE_MIN", least)
        made.clear()
        settings = Settings(store=str(tmp_path / name))
        summary = load_module.load_paths([converted], settings)
        assert summary.loaded and not summary.errors
        assert len(made) == (0 if name == "inline" else 1), name
        assert summary.derived["commitments computed"] > 0
        gen = generations.current(settings.store)
        assert gen is not None and not (gen / ".beside-snapshot").exists()
        states[name] = _state(tmp_path / name)
    entries, fulfilment, rows = states["inline"]
    assert len(entries) > 20 and len(fulfilment) > 20 and len(rows) > 100
    assert states["beside"] == states["inline"]
    # the entry worked out on the checkpoint (with the fulfilment graph written into it) is the
    # one the finished store gives
    with LocalStore(tmp_path / "beside", read_only=True) as store:
        entry = cached_published(store)
        assert entry is not None and entry.stats.total > 0
        assert entry == compute_published(store)
    gc.collect()


def _full_disk(*args: object) -> object:
    """Stands for the commitments' computation in the other process (spawn finds it here by name)."""
    raise sqlite3.OperationalError("database or disk is full")


def _killed(*args: object) -> object:
    os._exit(9)


@pytest.mark.parametrize(("step", "work", "said"), [
    ("_compute_commitments", _full_disk, "database or disk is full"),
    ("_compute_commitments", _killed, "the process computing the commitments and the published entry stopped"),
    ("_compute_published", _full_disk, "database or disk is full"),
    ("_compute_published", _killed, "the process computing the commitments and the published entry stopped"),
])
def test_a_failure_beside_fails_the_load_in_one_line(tmp_path, converted, monkeypatch, step, work, said):
    monkeypatch.setattr(load_module, "BESIDE_MIN", 1)
    monkeypatch.setattr(load_module, step, work)
    settings = Settings(store=str(tmp_path / "store"))
    with pytest.raises(StoreError) as failed:
        load_module.load_paths([converted], settings)
    message = failed.value.message
    assert said in message and "previous load is still the current one" in message and "\n" not in message
    assert generations.current(settings.store) is None  # the failed first load left nothing current
    assert not list((tmp_path / "store").rglob(".beside-snapshot"))


_HELPER = '''
import gc, os, struct, time
from multiprocessing.connection import Connection
from pathlib import Path


def partial_then_stuck(snapshot, base):
    """The process beside, caught in the middle of handing over a big result: the first bytes of
    a message on every pipe it may write to, then nothing more."""
    for conn in [o for o in gc.get_objects() if isinstance(o, Connection) and o.writable]:
        os.write(conn.fileno(), struct.pack("!i", 1 << 20) + b"\\x80" * 64)
    Path(os.environ["RCMKG_TEST_MARKER"]).write_text(str(os.getpid()))
    time.sleep(600)
'''

_SCENARIO = '''
import os, sys, time
from pathlib import Path
import rcmkg.store.load as load_module
from rcmkg.errors import StoreError
from rcmkg.settings import Settings
import beside_helper


def failing(*args, **kwargs):
    marker = Path(os.environ["RCMKG_TEST_MARKER"])
    deadline = time.monotonic() + 90
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    raise StoreError("the loading process failed")


if __name__ == "__main__":
    load_module.BESIDE_MIN = 1
    load_module._compute_commitments = beside_helper.partial_then_stuck
    load_module.refresh_timelines = failing
    try:
        load_module.load_paths([sys.argv[1]], Settings(store=sys.argv[2]))
    except StoreError as exc:
        print("raised:", exc.message)
'''


def test_a_failure_of_the_load_while_a_result_is_half_handed_over_ends_it(tmp_path, converted):
    """The loading process fails while the process beside is half-way through writing a result
    (a result at 10,000 reports is hundreds of megabytes): the load ends with its error and the
    other process is stopped. A process pool's reading thread waited for the rest of such a
    message for ever, and the load with it."""
    import subprocess
    import sys

    (tmp_path / "beside_helper.py").write_text(_HELPER, encoding="utf-8")
    (tmp_path / "scenario.py").write_text(_SCENARIO, encoding="utf-8")
    marker = tmp_path / "half-handed-over"
    env = {**os.environ, "RCMKG_TEST_MARKER": str(marker),
           "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    run = subprocess.Popen([sys.executable, str(tmp_path / "scenario.py"), str(converted), str(tmp_path / "store")],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = run.communicate(timeout=150)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)  # the load and the process beside it
        run.communicate()
        pytest.fail("the load hung after its own failure")
    assert marker.exists(), err  # the other process did get half-way through a result
    assert "raised: the loading process failed; the previous load is still the current one" in out, err
    assert run.returncode == 0, err
    pid = int(marker.read_text())
    for _ in range(100):  # killed and reaped (the loading process has ended: init reaps it)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"the process beside the load (pid {pid}) is still running")
    assert generations.current(tmp_path / "store") is None
