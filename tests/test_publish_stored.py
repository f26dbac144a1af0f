"""``rcmkg publish`` of a loaded store takes the VoID statistics ``rcmkg load`` stored with the
generation (rcmkg.index.published) instead of counting the archive again, and describes the dataset
with the same bytes as when it counts."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from builders import BASE, convert_samples

from rcmkg.publish.site import build
from rcmkg.publish.void import DatasetInfo
from rcmkg.settings import Settings
from rcmkg.store.load import load_paths, open_local

INFO = DatasetInfo(site_url="https://example.org/rcmkg/")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("publish-stored")
    store = tmp / "store"
    load_paths([convert_samples(tmp / "rdf", extra_reports=False)], Settings(base=BASE, store=str(store)))
    gc.collect()
    return store


def _publish(store: Path, out: Path) -> Path:
    settings = Settings(base=BASE, store=str(store))
    with open_local(settings) as source:
        build.publish_site(source, settings, out, INFO, validate=False, ontology_docs=False)
    gc.collect()
    return out


def _description(site: Path) -> dict[str, bytes]:
    files = [site / "void.ttl", *sorted((site / "doc" / "dataset").rglob("*"))]
    return {str(p.relative_to(site)): p.read_bytes() for p in files if p.is_file()}


@pytest.mark.slow
def test_publish_takes_the_stored_statistics(loaded, tmp_path, monkeypatch):
    def counted(*args, **kwargs):
        raise AssertionError("the archive was counted again")

    with monkeypatch.context() as m:
        m.setattr(build, "dataset_stats", counted)
        m.setattr(build, "graph_counts", counted)
        stored = _description(_publish(loaded, tmp_path / "stored"))
    # without the stored entry (a store loaded by an older rcmkg), the same statistics are counted
    with monkeypatch.context() as m:
        m.setattr(build, "cached_published", lambda source: None)
        counted_site = _description(_publish(loaded, tmp_path / "counted"))
    assert len(stored) > 5 and b"void:triples" in stored["void.ttl"]
    assert stored == counted_site
