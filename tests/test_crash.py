"""Crash consistency of `rcmkg load` (issue 11): real `rcmkg` processes, killed with SIGKILL, and a
real full disk (a small tmpfs).

A load writes a new generation and switches the store's pointer when finished
(:mod:`rcmkg.store.generations`), so readers see the last complete load, a load cut short is one
warning line, and the next load repairs it. The kill is made deterministic by the test-only
``RCMKG_TEST_PAUSE_AT`` hook: the load says on stderr that it reached the named point and waits.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

RCMKG = [sys.executable, "-m", "rcmkg"]
ITEM = "work-plan-migrant-smuggling"
MARKER_Q = "ASK { ?s <urn:rcmkg-test:reloaded> ?o }\n"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RCMKG, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def answers(store: Path) -> dict[str, subprocess.CompletedProcess[str]]:
    """What the three readers the issue names answer from ``store``."""
    return {
        "meetings": run("query", "meetings", "--store", str(store)),
        "trace": run("trace", ITEM, "--store", str(store)),
        "commitments": run("commitments", "--store", str(store)),
    }


def changed_copy(converted: Path, to: Path) -> Path:
    """Every converted report with one more triple: a load of these replaces every report graph."""
    to.mkdir()
    files = sorted(converted.glob("*.ttl"))
    assert len(files) >= 3, "need several converted reports"
    for i, f in enumerate(files):
        text = f.read_text(encoding="utf-8")
        (to / f.name).write_text(text + f'\n<urn:rcmkg-test:marker/{i}> <urn:rcmkg-test:reloaded> "yes" .\n',
                                 encoding="utf-8")
    return to


def start_paused_load(data: Path, store: Path, point: str) -> subprocess.Popen[str]:
    """A real `rcmkg load`, waiting at ``point`` once it says so on stderr."""
    proc = subprocess.Popen([*RCMKG, "load", str(data), "--store", str(store)], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, env={**os.environ, "RCMKG_TEST_PAUSE_AT": point})
    assert proc.stderr is not None
    line = proc.stderr.readline()
    if f"paused at {point}" not in line:
        proc.kill()
        raise AssertionError(f"the load did not reach {point}: {line}{proc.stderr.read()}")
    return proc


def kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def ask_marker(store: Path, tmp: Path) -> str:
    q = tmp / "marker.rq"
    q.write_text(MARKER_Q, encoding="utf-8")
    res = run("query", str(q), "--store", str(store), "--format", "json")
    assert res.returncode == 0, res.stderr
    return res.stdout


@pytest.mark.parametrize("point", ["replacing", "loaded"])
def test_a_load_killed_midway_leaves_the_last_complete_load(tmp_path: Path, converted: Path, point: str):
    store = tmp_path / "store"
    first = run("load", str(converted), "--store", str(store))
    assert first.returncode == 0, first.stderr
    before = answers(store)
    assert before, "no command was run"
    for name, res in before.items():
        assert res.returncode == 0 and res.stdout.count("\n") > 2, (name, res.stderr)
        assert res.stderr == "", (name, res.stderr)
    assert '"boolean": false' in ask_marker(store, tmp_path)

    changed = changed_copy(converted, tmp_path / "changed")
    proc = start_paused_load(changed, store, point)
    try:
        # A query while the load is under way (replaced graphs already gone from the new
        # generation) sees the last complete load, not a mix.
        during = answers(store)
        assert during, "no command was run"
        for name, res in during.items():
            assert (res.returncode, res.stdout) == (0, before[name].stdout), name
    finally:
        kill(proc)

    after = answers(store)
    assert after, "no command was run"
    for name, res in after.items():
        assert res.returncode == 0, (name, res.stderr)
        assert res.stdout == before[name].stdout, name  # the complete previous answer
        lines = res.stderr.splitlines()
        assert len(lines) == 1 and "cut short" in lines[0] and "rcmkg load" in lines[0], (name, res.stderr)
    assert '"boolean": false' in ask_marker(store, tmp_path)

    # The next load repairs: it finishes, the warning goes, the new content is there, and no
    # unfinished generation is left behind.
    repair = run("load", str(changed), "--store", str(store))
    assert repair.returncode == 0, repair.stderr
    assert f"{len(list(converted.glob('*.ttl')))} replaced" in repair.stderr
    assert '"boolean": true' in ask_marker(store, tmp_path)
    repaired = answers(store)
    assert repaired, "no command was run"
    for name, res in repaired.items():
        assert res.returncode == 0 and res.stderr == "", (name, res.stderr)
        assert res.stdout == before[name].stdout, name  # the marker triples change no answer
    generations = sorted(p.name for p in store.iterdir() if p.name.startswith("gen-"))
    assert len(generations) == 2 and (store / "GENERATION").read_text().strip() == generations[-1]
    assert not (store / "LOADING").exists()


def test_a_first_load_killed_midway_is_refused_in_one_line(tmp_path: Path, converted: Path):
    store = tmp_path / "store"
    proc = start_paused_load(converted, store, "replacing")
    try:
        res = run("query", "meetings", "--store", str(store))
        assert res.returncode != 0 and res.stdout == ""
        assert len(res.stderr.splitlines()) == 1 and "being loaded" in res.stderr, res.stderr
    finally:
        kill(proc)
    refused = answers(store)
    assert refused, "no command was run"
    for name, res in refused.items():
        assert res.returncode != 0 and res.stdout == "", name
        lines = res.stderr.splitlines()
        assert len(lines) == 1 and "cut short" in lines[0] and "rcmkg load" in lines[0], (name, res.stderr)
    assert run("load", str(converted), "--store", str(store)).returncode == 0
    final = answers(store)
    assert final and all(r.returncode == 0 and r.stderr == "" for r in final.values())


def test_a_second_load_at_the_same_time_is_refused(tmp_path: Path, converted: Path):
    store = tmp_path / "store"
    assert run("load", str(converted), "--store", str(store)).returncode == 0
    proc = start_paused_load(changed_copy(converted, tmp_path / "changed"), store, "loaded")
    try:
        res = run("load", str(converted), "--store", str(store))
        assert res.returncode == 1 and len(res.stderr.splitlines()) == 1, res.stderr
        assert "another load" in res.stderr and str(proc.pid) in res.stderr
    finally:
        kill(proc)


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 48 MB tmpfs, mounted for the test (root only; skipped where mounting is not allowed)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(mount)], capture_output=True, text=True)
    if res.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {res.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_one_line_and_the_previous_load_stays(tmp_path: Path, converted: Path, small_disk: Path):
    store = small_disk / "store"
    first = run("load", str(converted), "--store", str(store))
    assert first.returncode == 0, first.stderr
    before = answers(store)
    assert before and all(r.returncode == 0 and r.stdout for r in before.values())
    # Fill the disk, leaving a little room: the checkpoint (hard links) fits, the new data does not.
    filler = small_disk / f"filler-{uuid.uuid4().hex}"
    free = os.statvfs(small_disk)
    with open(filler, "wb") as f:
        f.truncate(0)
        left = free.f_bavail * free.f_frsize - 256 * 1024
        chunk = b"\0" * (1 << 20)
        while left > 0:
            f.write(chunk[: min(len(chunk), left)])
            left -= len(chunk)
    changed = changed_copy(converted, tmp_path / "changed")
    res = run("load", str(changed), "--store", str(store))
    assert res.returncode == 1, res.stderr
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in res.stderr, res.stderr
    assert str(store) in lines[0] and "previous load" in lines[0], res.stderr
    for name, now in answers(store).items():
        assert (now.returncode, now.stdout, now.stderr) == (0, before[name].stdout, ""), name
    # With room again, the same load goes through.
    filler.unlink()
    assert run("load", str(changed), "--store", str(store)).returncode == 0
    assert '"boolean": true' in ask_marker(store, tmp_path)


def _get(url: str) -> tuple[int, str]:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def test_a_running_server_answers_from_a_load_finished_after_it_started(tmp_path: Path, converted: Path):
    from urllib.parse import quote

    from conftest import free_port

    store = tmp_path / "store"
    assert run("load", str(converted), "--store", str(store)).returncode == 0
    port = free_port()
    server = subprocess.Popen([*RCMKG, "serve", "--store", str(store), "--port", str(port), "--workers", "1",
                               "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/sparql?query={quote(MARKER_Q)}&format=json"
    try:
        import time

        deadline = time.monotonic() + 120
        while True:
            try:
                status, body = _get(url)
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        assert status == 200 and '"boolean":false' in body.replace(" ", ""), body
        changed = changed_copy(converted, tmp_path / "changed")
        # A load killed half-way changes nothing the server says.
        kill(start_paused_load(changed, store, "replacing"))
        status, body = _get(url)
        assert status == 200 and '"boolean":false' in body.replace(" ", ""), body
        assert run("load", str(changed), "--store", str(store)).returncode == 0
        status, body = _get(url)  # the first request after the load already sees it
        assert status == 200 and '"boolean":true' in body.replace(" ", ""), body
        status, page = _get(f"http://127.0.0.1:{port}/query/meetings")
        assert status == 200 and "rcm-lon-smtp" in page
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(30)


def test_a_failed_copy_of_the_search_index_fails_the_load_and_the_previous_load_stays(
        tmp_path: Path, converted: Path, monkeypatch: pytest.MonkeyPatch):
    """The search index is copied into the new generation by a thread while the load computes: its
    failure (here a full disk, raised by the copy) reaches the load as one line, and the previous
    load stays the current one."""
    import errno

    from rcmkg.errors import StoreError
    from rcmkg.settings import Settings
    from rcmkg.store import generations
    from rcmkg.store import load as load_module

    store = tmp_path / "store"
    settings = Settings(store=str(store))
    load_module.load_paths([converted], settings)
    first = generations.current(store)
    assert first is not None and (first / load_module.SEARCH_FILE).is_file()

    def full(source: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(load_module, "_copy_search", full)
    changed = changed_copy(converted, tmp_path / "changed")
    with pytest.raises(StoreError, match="No space left on device.*previous load is still the current one"):
        load_module.load_paths([changed], settings)
    assert generations.current(store) == first
    assert [p.name for p in store.iterdir() if p.name.startswith("gen-")] == [first.name]
    monkeypatch.undo()
    summary = load_module.load_paths([changed], settings)
    assert len(summary.replaced) == len(list(converted.glob("*.ttl")))
    second = generations.current(store)
    assert second is not None and second != first and (second / load_module.SEARCH_FILE).is_file()
