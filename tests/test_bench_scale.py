"""bench/bench_scale.py's preparation and clean-up: a store stamped by other rcmkg code is loaded
again, from nothing; the publish bench's files are removed when the run ends, not between
measurements.

A store loaded the day before by older rcmkg code took 537 s to publish where a fresh load of the
same reports took 275 s; on this machine's disk, files made just after many were deleted cost up to
17 times the system time. No timing asserts here."""

from __future__ import annotations

import pytest

from bench import bench_scale

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def _generation(store):
    return (store / "GENERATION").read_text().strip()


def test_a_store_of_other_code_is_loaded_again(tmp_path):
    rdf, store = bench_scale._prepare(3, tmp_path)
    stamp = tmp_path / f".{store.name}.done"
    code = bench_scale._code_digest()
    assert f"code {code}" in stamp.read_text()
    assert len(list(rdf.glob("*.ttl"))) == 3
    marker = store / "marker"
    marker.write_text("left by the first load")

    bench_scale._prepare(3, tmp_path)  # same code: the stamped store is reused as it is
    assert marker.exists()

    stamp.write_text("12.0 s\ncode 0000000000000000\n")  # as if an older rcmkg had loaded it
    reports_stamp = (tmp_path / ".rep3.done").read_text()
    bench_scale._prepare(3, tmp_path)
    assert not marker.exists(), "the store loaded by other code was kept"
    assert _generation(store) == "gen-000001"  # loaded from nothing, not reloaded over the old one
    assert f"code {code}" in stamp.read_text()
    assert (tmp_path / ".rep3.done").read_text() == reports_stamp  # the reports and Turtle are not redone


def test_the_publish_bench_keeps_its_files_until_the_run_ends(tmp_path):
    _rdf, store = bench_scale._prepare(3, tmp_path / "work")
    out = tmp_path / "out"
    result = bench_scale.bench_publish(store, 3, jobs=1, out_dir=out)
    assert result["files"] > 50 and result["pages"] > 10, result
    kept = list(out.iterdir())
    assert len(kept) == 1, kept
    site, plain = kept[0] / "site", kept[0] / "plain"
    # the plain files were written beside the site, not after deleting it
    assert sum(1 for p in plain.rglob("*") if p.is_file()) == result["files"] == sum(1 for p in site.rglob("*") if p.is_file())
    bench_scale._remove_left()
    assert list(out.iterdir()) == []
