"""What ``rcmkg convert`` prints: a progress bar on a terminal only, the summary, ``--quiet``.

The command runs as a real process, its stderr on a pseudo-terminal (``pty``) or on a pipe, since
click decides whether to draw the bar from ``isatty()``. The folder holds a report that converts
cleanly, one with a warning (Windows-1252 text), one with a name the registry does not know, and
an empty file, so every count of the summary is non-zero.
"""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from builders import REPORTS

GOOD = "001_ea473d19cfaa0b12.txt"
UNKNOWN_ORG = "Foundation for Migrant Rights of Atlantis"
SUMMARY = re.compile(r"^converted (\d+) of (\d+) files into (.+) \((\d+) unchanged\), (\d+) warnings, (\d+) errors, "
                     r"(\d+) unreconciled names$", re.M)


@pytest.fixture
def folder(tmp_path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(REPORTS / GOOD, src)
    (src / "002_cp1252.txt").write_bytes((REPORTS / "002_dcc41190f93bc62f.txt").read_text(encoding="utf-8")
                                         .encode("cp1252"))
    text = (REPORTS / "003_973db467bec07b93.txt").read_text(encoding="utf-8")
    first = re.search(r"^1\. ", text, re.M).start()
    (src / "003_unknown.txt").write_text(
        text[:first] + f"1. To thank the {UNKNOWN_ORG} (FMRA) for its presentation on shelters.\n\n" + text[first:],
        encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    return src


def rcmkg(*args: str) -> list[str]:
    return [sys.executable, "-m", "rcmkg", "convert", *args]


def on_terminal(cmd: list[str]) -> tuple[int, str]:
    """Run ``cmd`` with stderr on a pseudo-terminal; its exit status and everything it wrote there."""
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        return proc.wait(timeout=300), b"".join(chunks).decode("utf-8", "replace")
    finally:
        os.close(master)


def check_summary(stderr: str, out: Path) -> None:
    [m] = SUMMARY.findall(stderr.replace("\r\n", "\n"))
    assert m == ("3", "4", str(out), "0", "1", "1", "1")  # converted, files, out, unchanged, warnings, errors, names
    assert "warning: 002_cp1252.txt: not UTF-8; read as Windows-1252" in stderr
    assert f"unreconciled org: {UNKNOWN_ORG}" in stderr


def test_progress_bar_on_a_terminal(folder, tmp_path):
    out = tmp_path / "out"
    status, stderr = on_terminal(rcmkg(str(folder), "--out", str(out), "--jobs", "2"))
    assert status == 1
    assert "Converting" in stderr and "100%" in stderr and "\r" in stderr
    assert f"error: {folder / 'empty.txt'}: empty file" in stderr
    check_summary(stderr, out)


def test_no_bar_when_piped(folder, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(rcmkg(str(folder), "--out", str(out), "--jobs", "2"), capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 1
    assert "Converting" not in proc.stderr and "%" not in proc.stderr and "\r" not in proc.stderr
    assert proc.stdout == ""
    check_summary(proc.stderr, out)
    lines = proc.stderr.splitlines()
    assert lines[0] == f"error: {folder / 'empty.txt'}: empty file"  # errors first, the summary at the end
    assert SUMMARY.match(lines[-2]) and lines[-1] == f"  unreconciled org: {UNKNOWN_ORG}"


def test_quiet_prints_errors_only(folder, tmp_path):
    out = tmp_path / "out"
    status, stderr = on_terminal(rcmkg(str(folder), "--out", str(out), "--quiet"))
    assert status == 1
    assert stderr.splitlines() == [f"error: {folder / 'empty.txt'}: empty file"]
    proc = subprocess.run(rcmkg(str(folder), "--out", str(out), "-q"), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.splitlines() == [f"error: {folder / 'empty.txt'}: empty file"]
    (folder / "empty.txt").unlink()
    proc = subprocess.run(rcmkg(str(folder), "--out", str(out), "-q"), capture_output=True, text=True, timeout=300)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
