"""bench/bench_scale.py's preparation: a store stamped by other rcmkg code is loaded again, from nothing.

A store loaded the day before by older rcmkg code took 537 s to publish where a fresh load of the
same reports took 275 s. No timing asserts here."""

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
