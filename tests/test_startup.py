"""``rcmkg serve`` starts without work proportional to the archive (issues 10 and 11).

On a store of a few hundred synthetic reports (``bench/generate.py``) loaded as ``rcmkg load`` does,
the server is started over a store that counts what is asked of it: starting, the home page, the
VoID document and the dataset's page run no SPARQL query, list no graphs and look up a bounded
number of quads, because ``rcmkg load`` stored the statistics and the home page's data
(:mod:`rcmkg.index.published`). What is stored is what a count over the store gives, and it follows
the store's generation. The timing is in the benchmark (``python -m bench --scale``), not here.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
from builders import BASE, running

from bench.generate import write_reports
from rcmkg.index.published import HomeMeeting, cached_published, compute_published
from rcmkg.pipeline import convert
from rcmkg.publish.app import create_app
from rcmkg.publish.views.pages import GraphView
from rcmkg.publish.void import dataset_stats
from rcmkg.settings import Settings
from rcmkg.store.load import load_paths
from rcmkg.store.local import LocalStore

pytestmark = pytest.mark.slow  # generates, converts and loads a few hundred reports, starts a server

REPORTS = 200


class _Counting:
    """A pyoxigraph store that counts the calls made to it (and passes them on)."""

    def __init__(self, store: Any, calls: Counter[str]) -> None:
        self._store = store
        self._calls = calls

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        if not callable(attr):
            return attr

        def counted(*args: Any, **kwargs: Any) -> Any:
            self._calls[name] += 1
            return attr(*args, **kwargs)

        return counted

    def __len__(self) -> int:
        self._calls["len"] += 1
        return len(self._store)

    def __iter__(self) -> Any:
        self._calls["iter"] += 1
        return iter(self._store)


class CountingStore(LocalStore):
    """The read-only store ``rcmkg serve`` opens, its pyoxigraph store behind :class:`_Counting`."""

    def __init__(self, path: Path, base: str) -> None:
        super().__init__(path, base=base, read_only=True)
        self.calls: Counter[str] = Counter()
        self._counting = _Counting(super().ox, self.calls)

    @property
    def ox(self) -> Any:
        return self._counting


@pytest.fixture(scope="module")
def rdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("startup")
    written, _ = write_reports(REPORTS, work / "reports")
    assert written == REPORTS
    summary = convert([work / "reports"], work / "rdf", Settings(base=BASE), jobs=2)
    assert not summary.errors, [e.message for e in summary.errors][:3]
    return work / "rdf"


@pytest.fixture(scope="module")
def store_dir(rdf: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("store") / "store"
    summary = load_paths([rdf], Settings(base=BASE, store=folder))
    assert not summary.errors and len(summary.loaded) == REPORTS
    return folder


def test_the_stored_entry_is_what_counting_the_store_gives(store_dir: Path):
    with LocalStore(store_dir, base=BASE, read_only=True) as store:
        entry = cached_published(store)
        assert entry is not None, "rcmkg load stored no published entry"
        assert entry.stats == dataset_stats(store.ox, BASE)
        view = GraphView(store.ox, BASE)
        assert entry.meetings == [HomeMeeting(**row) for row in view.meeting_rows()]
        meetings = store.query("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a rcm:Meeting }").rows[0]["n"].value
        assert len(entry.meetings) == int(meetings) >= REPORTS - 5  # a few generated meetings may share a day
        assert entry.tracks and all(t.agreements >= 0 for t in entry.tracks)
        # every meeting listed has its label and its page recorded, so the home page looks nothing up
        assert {m.meeting for m in entry.meetings} <= set(entry.labels) & set(entry.pages)


def test_serve_starts_and_answers_its_home_page_without_scanning_the_store(store_dir: Path):
    source = CountingStore(store_dir, BASE)
    app = create_app(Settings(base=BASE), source, workers=1)
    with running(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        first = client.get("/favicon.ico")
        assert first.status_code == 204
        home = client.get("/", headers={"Accept": "text/html"})
        assert home.status_code == 200
        void = client.get("/void.ttl")
        assert void.status_code == 200 and b"void:triples" in void.content
        calls = dict(source.calls)
        # the dataset's page lists every graph (a VoID subset each): looked up per subset, not per triple
        dataset = client.get("/doc/dataset", headers={"Accept": "text/html"})
        assert dataset.status_code == 200
        assert source.calls["query"] == 0 and source.calls["quads_for_pattern"] - calls.get("quads_for_pattern", 0) <= 10 * (REPORTS + 10)
    entry = cached_published(source)
    assert entry is not None
    # the home page is the stored list: one line per meeting, the stored total of statements
    assert len(re.findall(r'<li><time datetime="', home.text)) == len(entry.meetings) >= REPORTS - 5
    assert f"{entry.stats.total:,} statements" in home.text
    assert calls.get("query", 0) == 0, calls  # no SPARQL over the store
    assert calls.get("named_graphs", 0) == 0 and calls.get("len", 0) == 0 and calls.get("iter", 0) == 0, calls
    # starting, the home page and the VoID document: nothing per meeting or per graph
    assert calls.get("quads_for_pattern", 0) <= 20, calls


def test_each_generation_has_its_own_entry(rdf: Path, tmp_path: Path):
    # A first load of 40 reports, then 40 more: the second generation's entry lists all 80, and
    # the first generation (still on disk for the readers that have it open) keeps its own.
    files = sorted(rdf.glob("*.ttl"))
    assert len(files) == REPORTS
    parts = [tmp_path / "first", tmp_path / "second"]
    for part, chunk in zip(parts, (files[:40], files[40:80]), strict=True):
        part.mkdir()
        for f in chunk:
            shutil.copy(f, part / f.name)
    folder = tmp_path / "store"
    settings = Settings(base=BASE, store=folder)
    load_paths([parts[0]], settings)
    with LocalStore(folder, base=BASE, read_only=True) as store:
        first_gen = store.path
        before = cached_published(store)
    load_paths(parts, settings)
    with LocalStore(folder, base=BASE, read_only=True) as store:
        assert store.path != first_gen
        after = cached_published(store)
        assert after is not None and after == compute_published(store)
    assert before is not None and len(before.meetings) < len(after.meetings)
    assert sum(before.stats.counts.values()) < sum(after.stats.counts.values())
    with LocalStore(first_gen, base=BASE, read_only=True) as old:  # a reader of the previous generation
        assert cached_published(old) == before
