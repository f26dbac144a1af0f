"""Odd entries in input folders and odd file names (issue 11), and convert's workers dying with it.

Real `rcmkg convert` processes over real symlinks, FIFOs and file names with control characters.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPORTS

RCMKG = [sys.executable, "-m", "rcmkg"]


def convert(folder: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RCMKG, "convert", str(folder), "--out", str(out), "--jobs", "1", *extra],
                          capture_output=True, text=True, timeout=300)


def a_report() -> Path:
    reports = sorted(p for p in REPORTS.iterdir() if p.suffix == ".txt")
    assert reports, "no sample .txt report"
    return reports[0]


def test_every_odd_entry_of_an_input_folder_gets_one_line(tmp_path: Path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(a_report(), folder / "report.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")       # dangling
    (folder / "loop.txt").symlink_to(folder / "loop.txt")            # a link to itself
    (folder / "sub" / "up").symlink_to(folder)                       # a folder link back up the tree
    os.mkfifo(folder / "pipe.txt")                                   # would block a reader for ever
    (folder / ".hidden.txt").symlink_to(tmp_path / "nowhere.txt")    # hidden: passed over, as before
    (folder / "notes.md").write_text("not a report", encoding="utf-8")  # other suffix: passed over

    res = convert(folder, tmp_path / "out")
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    expected = {"gone.txt": "dangling link", "loop.txt": "loop", "up": "loop", "pipe.txt": "FIFO"}
    for name, words in expected.items():
        mine = [e for e in errors if e.split(":")[1].strip().endswith(name)]
        assert len(mine) == 1 and words in mine[0], (name, res.stderr)
    assert len(errors) == len(expected), res.stderr
    assert res.returncode == 1
    assert "converted 1 of 5 files" in res.stderr, res.stderr
    assert len(list((tmp_path / "out").glob("*.ttl"))) == 1


@pytest.mark.parametrize("name", ["bad\nname.txt", "esc\x1b[31mred.txt", "bidi\u202etxt.exe.txt", "bell\x07\x7f.txt"])
def test_a_file_name_with_control_characters_stays_on_one_escaped_line(tmp_path: Path, name: str):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_text("This is not a meeting report at all.\n", encoding="utf-8")
    res = convert(folder, tmp_path / "out")
    assert res.returncode == 1
    lines = res.stderr.splitlines()
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 1, res.stderr
    escaped = name.encode("unicode_escape").decode("ascii")
    assert escaped in errors[0], errors[0]
    assert all(c.isprintable() for line in lines for c in line), lines
    assert all(line.startswith(("error:", "warning:", "converted ", "  unreconciled ")) for line in lines), lines


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out |= {int(x) for x in (task / "children").read_text().split()}
        except OSError:
            pass
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not sys.platform.startswith("linux") or not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_workers_die_when_convert_is_killed(tmp_path: Path):
    src, folder = tmp_path / "src", tmp_path / "in"
    src.mkdir()
    folder.mkdir()
    reports = sorted(p for p in REPORTS.iterdir() if p.suffix in (".txt", ".docx", ".pdf"))
    assert reports
    # Enough work (about ten seconds) that the workers are still busy when the parent dies. A sample
    # report converts in a few milliseconds: 150 copies were once all done before the check, a
    # flaky CI failure. Hard links keep 3,000 entries cheap to make.
    for r in reports:
        shutil.copy(r, src / r.name)
        for i in range(3000 // len(reports)):
            os.link(src / r.name, folder / f"{i:04d}_{r.name}")
    proc = subprocess.Popen([*RCMKG, "convert", str(folder), "--out", str(tmp_path / "out"), "--jobs", "2", "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(workers := {w for w in _children(proc.pid) if _alive(w)}) < 2:
            assert proc.poll() is None and time.monotonic() < deadline, "convert started no workers"
            time.sleep(0.05)
        time.sleep(0.5)  # past their initializer: busy converting, with about ten seconds of work left
        workers = _children(proc.pid)
        assert len(workers) >= 2 and all(_alive(w) for w in workers), workers
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    deadline = time.monotonic() + 5
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [w for w in workers if _alive(w)]
    for w in survivors:  # clean up before failing, so a failure leaves nothing burning CPU
        os.kill(w, signal.SIGKILL)
    assert not survivors, f"workers outlived their convert: {survivors}"
