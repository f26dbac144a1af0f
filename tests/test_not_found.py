"""A 404 answered from the index ``rcmkg load`` wrote (issue 10, point 1; ``rcmkg serve`` faces the
internet): the suggestions (resources one path segment below the nearest parent) and the search
hits of an unknown name come from the search index's labels and full text, a seek a child, not
from a list of every IRI and every label of the store built for the request (21 s at 10,000
reports for the first unknown name, any client's).

* ``SearchIndex.children`` gives each first path segment under a prefix once, siblings named like
  one another ("x" and "x-2") included, as a scan of every labelled IRI does;
* the suggestions from the index are those from every IRI of the store, for unknown names at each
  level (an organisation, a meeting, an item, a commitment, below an existing resource);
* the server's 404 has them, in both languages, and lists neither every IRI nor every label.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest
from builders import make_app, running

from bench.generate import write_reports
from rcmkg.pipeline import convert
from rcmkg.publish.views.pages import GraphView
from rcmkg.search.query import SearchIndex, stored_search_index
from rcmkg.settings import DEFAULT_BASE, Settings
from rcmkg.store.load import load_paths, open_data
from rcmkg.store.local import LocalStore

pytestmark = pytest.mark.slow

ID = DEFAULT_BASE + "id/"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("notfound")
    write_reports(12, work / "txt", seed=3)
    assert not convert([work / "txt"], work / "rdf", Settings(), jobs=1).errors
    summary = load_paths([work / "rdf"], Settings(store=str(work / "store")))
    assert not summary.errors
    return work / "store"


def test_children_are_each_first_segment_once():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE labels(iri TEXT NOT NULL, graph TEXT NOT NULL, lang TEXT NOT NULL, label TEXT NOT NULL,"
                 " PRIMARY KEY(iri, graph, lang))")
    iris = ["p/x", "p/x/1", "p/x/1/a", "p/x-2", "p/x-2/b", "p/x/2", "p/x.3", "p/y/deep/only", "p/z", "q/other", "p0/not"]
    conn.executemany("INSERT INTO labels VALUES (?, 'g', 'en', 'l')", [(i,) for i in iris])
    index = SearchIndex(conn)
    assert index.children("p/") == ["p/x", "p/x-2", "p/x.3", "p/y", "p/z"]
    assert index.children("p/x/") == ["p/x/1", "p/x/2"]
    assert index.children("p/", limit=2) == ["p/x", "p/x-2"]
    assert index.children("r/") == []


def test_children_are_those_of_every_labelled_iri(loaded: Path):
    with LocalStore(loaded, read_only=True) as store:
        index = stored_search_index(store)
        assert index is not None and index.stored
        every = [iri for (iri,) in index.conn.execute("SELECT DISTINCT iri FROM labels")]
        meeting = min(i for i in every if i.startswith(ID + "meeting/") and i.count("/") == 7)
        for prefix in (ID, ID + "org/", ID + "meeting/", meeting.rsplit("/", 1)[0] + "/", meeting + "/", meeting + "/item/"):
            want = sorted({prefix + i[len(prefix):].split("/", 1)[0] for i in every if i.startswith(prefix)})
            assert index.children(prefix) == want, prefix
            assert want, prefix


def test_the_suggestions_from_the_index_are_those_from_every_iri(loaded: Path):
    with LocalStore(loaded, read_only=True) as store:
        index = stored_search_index(store)
        assert index is not None
        view = GraphView(store.ox, store.base)
        meeting = next(i for i in view.resource_iris if i.startswith(ID + "meeting/") and i.count("/") == 7)
        commitment = next(i for i in view.resource_iris if "/commitment/" in i)
        missing = [ID + "org/iomm", meeting[:-1] + ("1" if meeting[-1] != "1" else "2"), meeting + "/item/999",
                   commitment.rsplit("/", 1)[0] + "/77", ID + "org/iom/nothing", ID + "country/XX", ID + "nothing/at/all"]
        shown = 0
        for iri in missing:
            fresh = GraphView(store.ox, store.base)
            got = fresh.suggest(iri, under=index.children)
            assert [t.value for t in got] == [t.value for t in view.suggest(iri)], iri
            assert "resource_iris" not in fresh.__dict__  # nothing listed the store's IRIs
            shown += bool(got)
        assert shown >= 5


def test_the_servers_404_lists_nothing_whole(loaded: Path):
    app = make_app(loaded, Settings(base=DEFAULT_BASE, store=str(loaded)))
    with running(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        page = client.get("/id/org/iomm", headers={"Accept": "text/html"})
        assert page.status_code == 404 and 'href="/doc/org/iom"' in page.text
        es = client.get("/id/org/iomm?lang=es", headers={"Accept": "text/html"})
        assert es.status_code == 404 and 'href="/doc/org/iom?lang=es"' in es.text
        # an unknown name that is a word of labels: the search hits
        hits = client.get("/id/org/smuggling", headers={"Accept": "text/html"})
        assert hits.status_code == 404
        matched = hits.text.split("Names that match", 1)[1].split("</ul>", 1)[0]
        assert matched.count("<li><a href=") >= 3 and "muggling" in matched.lower()
        view = app.state.published.view
        assert "resource_iris" not in view.__dict__ and "search_index" not in view.__dict__


def test_without_a_stored_index_the_view_answers(tmp_path: Path, loaded: Path):
    memory = open_data([loaded.parent / "rdf"])
    assert stored_search_index(memory) is None
    view = GraphView(memory.ox, memory.base)
    assert [t.value for t in view.suggest(ID + "org/iomm")][:1] == [ID + "org/iom"]
