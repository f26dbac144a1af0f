"""``rcmkg publish`` of a loaded store takes the VoID statistics ``rcmkg load`` stored with the
generation (rcmkg.index.published) instead of counting the archive again, and describes the dataset
with the same bytes as when it counts."""

from __future__ import annotations

import gc
import json
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


def _publish(store: Path, out: Path, **options: bool) -> Path:
    settings = Settings(base=BASE, store=str(store))
    with open_local(settings) as source:
        result = build.publish_site(source, settings, out, INFO, **{"validate": False, "ontology_docs": False, **options})
    gc.collect()
    # what the summary says it wrote is what is there
    assert result.files == sum(1 for p in out.rglob("*") if p.is_file())
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
        counted_site = _description(_publish(loaded, tmp_path / "counted", validate=True, ontology_docs=True))
    assert len(stored) > 5 and b"void:triples" in stored["void.ttl"]
    assert stored == counted_site


def _report(folder: Path) -> dict:
    data = json.loads((folder / "validation" / "report.json").read_text(encoding="utf-8"))
    data.pop("seconds", None)
    return data


@pytest.mark.slow
def test_the_validation_report_cut_from_the_dump_is_the_one_read_from_the_store(loaded, tmp_path):
    from rcmkg.publish.dumps import write_dumps
    from rcmkg.publish.views.pages import GraphView, StaticLinker

    settings = Settings(base=BASE, store=str(loaded))
    with open_local(settings) as source:
        store = source.ox
        root = StaticLinker(BASE, GraphView(store, BASE), "index.html", None)
        trig = next(tmp_path / "dumps" / d.filename for d in write_dumps(store, tmp_path / "dumps", BASE)
                    if d.key == "trig")
        reports = {}
        for name, given in (("dump", trig), ("store", None)):
            work = tmp_path / name
            work.mkdir()
            assert build._validation_report(store, settings, build._Writer(work), root, build.PublishResult(out=work), given)
            reports[name] = _report(work)
    gc.collect()
    dump, read = reports["dump"], reports["store"]
    assert len(dump["files"]) >= 5 and dump["results"], dump["counts"]  # the samples' reports, with findings
    assert dump == read
    assert not list(tmp_path.glob("rcmkg-validate-*"))  # the scratch files are gone


def test_the_labels_page_lists_each_thing_of_its_classes_once(loaded):
    from rcmkg.publish.views.pages import GraphView

    settings = Settings(base=BASE, store=str(loaded))
    with open_local(settings) as source:
        view = GraphView(source.ox, BASE)
        groups = build._label_groups(view)
        # the reference: every typed thing with a page, by the first of the page's classes it has
        order = ["trackeditem", "document", "organisation", "country", "collectiveactor", "meeting", "place", "concept"]
        expected: dict[str, set[str]] = {}
        for iri, classes in view.types.items():
            ids = {c.rsplit("/", 1)[-1].rsplit("#", 1)[-1].lower() for c in classes}
            first = next((k for k in order if k in ids), None)
            if first is not None and view.has_page(iri):
                expected.setdefault(first, set()).add(iri)
    gc.collect()
    got = {g["id"]: [e["iri"] for e in g["entries"]] for g in groups}
    assert {"meeting", "country", "organisation"} <= set(got)
    assert {k: set(v) for k, v in got.items()} == expected
    assert all(len(v) == len(set(v)) for v in got.values())
    for g in groups:
        names = [str(e["en"]).lower() for e in g["entries"]]
        assert names == sorted(names)


def test_a_feed_is_as_of_the_last_meeting_without_listing_them_all(loaded):
    import pyoxigraph as ox

    from rcmkg.publish.feeds import build_feed
    from rcmkg.publish.views.pages import GraphView

    settings = Settings(base=BASE, store=str(loaded))
    with open_local(settings) as source:
        view = GraphView(source.ox, BASE)
        newest = view.meetings()[0]["date"]
        assert view.last_meeting_date == newest and newest.startswith("2018-")

        fresh = GraphView(source.ox, BASE)

        def listed() -> list:
            raise AssertionError("an actor's feed listed every meeting")

        fresh.meetings = listed  # type: ignore[method-assign]
        feed = build_feed(source, fresh, BASE, "actor/org/iom", lambda iri: iri, lambda name: BASE + name)
        assert feed.entries and feed.xml() == build_feed(source, view, BASE, "actor/org/iom", lambda iri: iri,
                                                         lambda name: BASE + name).xml()
    gc.collect()
    assert GraphView(ox.Store(), BASE).last_meeting_date is None
