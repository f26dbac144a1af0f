"""Batched atomic writes (rcmkg.output.BatchedWrites): one sync per batch, and a target is always
either its old or its new content, also when the writer is killed mid-batch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rcmkg.output import BatchedWrites
from rcmkg.pipeline import convert
from rcmkg.settings import Settings

REPO = Path(__file__).resolve().parent.parent


def test_targets_change_only_when_the_batch_is_flushed(tmp_path: Path):
    targets = [tmp_path / f"r{i}.ttl" for i in range(5)]
    for t in targets:
        t.write_text("old\n", encoding="utf-8")
    writes = BatchedWrites(batch=3)
    assert writes.write(targets[0], "new 0\n") == [] and writes.write(targets[1], "new 1\n") == []
    assert [t.read_text() for t in targets[:2]] == ["old\n", "old\n"]  # queued, not yet in place
    assert len(list(tmp_path.glob(".*.part"))) == 2
    assert writes.write(targets[2], "new 2\n") == []  # the third fills the batch: all three move in
    assert [t.read_text() for t in targets[:3]] == ["new 0\n", "new 1\n", "new 2\n"]
    writes.write(targets[3], "new 3\n")
    writes.discard()
    assert targets[3].read_text() == "old\n" and not list(tmp_path.glob(".*.part"))
    writes.write(targets[4], b"new 4\n")
    assert writes.flush() == [] and targets[4].read_text() == "new 4\n"


def test_a_rename_that_fails_is_reported_and_leaves_the_rest(tmp_path: Path):
    writes = BatchedWrites(batch=10)
    good, bad = tmp_path / "good.ttl", tmp_path / "bad.ttl"
    writes.write(good, "good\n")
    writes.write(bad, "bad\n")
    bad.mkdir()  # a folder where the file should go: the rename fails
    failed = writes.flush()
    assert [p for p, _ in failed] == [bad] and good.read_text() == "good\n"
    assert bad.is_dir() and not list(tmp_path.glob(".*.part"))


def test_a_writer_killed_mid_batch_leaves_old_content(tmp_path: Path):
    target = tmp_path / "report.ttl"
    target.write_text("old\n", encoding="utf-8")
    code = ("import os, signal, sys; from pathlib import Path; from rcmkg.output import BatchedWrites\n"
            "w = BatchedWrites(batch=5); w.write(Path(sys.argv[1]), 'new\\n'); os.kill(os.getpid(), signal.SIGKILL)")
    proc = subprocess.run([sys.executable, "-c", code, str(target)], cwd=REPO, capture_output=True, timeout=60)
    assert proc.returncode == -9
    assert target.read_text() == "old\n"


def test_convert_writes_every_file_through_the_batches(tmp_path: Path):
    from bench.generate import write_reports

    write_reports(7, tmp_path / "txt", seed=3)
    summary = convert([tmp_path / "txt"], tmp_path / "out", Settings(), jobs=1)
    assert not summary.errors and summary.converted == 7
    files = sorted((tmp_path / "out").glob("*.ttl"))
    assert len(files) == 7 and all(f.read_text(encoding="utf-8").startswith("# https://") for f in files)
    assert not list((tmp_path / "out").glob(".*.part"))
    again = convert([tmp_path / "txt"], tmp_path / "out", Settings(), jobs=1)
    assert {r.status for r in again.results} == {"unchanged"}
