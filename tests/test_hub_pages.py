"""A page about a hub stays the size of a page (issue 10, point 1: bounded by what it shows).

A country, an organisation or a tracked item is named by thousands of agreements in a large
archive. Its page shows each property's first MAX_VALUES values with "and N more", each table's
first MAX_ROWS rows with a link to the whole list, and its RDF documents hold what the page shows:
at 10,000 synthetic reports the member countries' page was 25 MB and took 33 s to build, now under
1 MB. Built here from the sample reports plus statements that make two resources hubs.
"""

from __future__ import annotations

import html
import posixpath
import re

import pyoxigraph
import pytest
from pyoxigraph import Literal, NamedNode, Quad

from rcmkg.namespaces import RCM, SCHEMA, SKOS
from rcmkg.publish.views import pages
from rcmkg.publish.views.pages import HUB_QUADS, MAX_ROWS, MAX_VALUES, GraphView, ServerLinker, StaticLinker
from rcmkg.publish.views.render import render_resource
from rcmkg.settings import DEFAULT_BASE
from rcmkg.store.load import open_data

ID = DEFAULT_BASE + "id/"
HUB = ID + "country/CR"  # mentioned by many things
ACTOR = ID + "org/iom"  # owes many commitments
MENTIONS = HUB_QUADS + 17  # past the threshold on this predicate alone
OWED = MAX_ROWS + 23
RESTATED = MAX_VALUES + 5


@pytest.fixture(scope="module")
def store(converted) -> pyoxigraph.Store:
    ox = open_data([converted]).ox
    graph = NamedNode(ID + "graph/hub-test")
    meeting = next(q.subject for q in ox.quads_for_pattern(None, NamedNode(SCHEMA + "startDate"), None, None)
                   if q.subject.value.startswith(ID + "meeting/"))
    quads = [Quad(NamedNode(f"{ID}thing/m{i:04d}"), NamedNode(RCM + "mentions"), NamedNode(HUB), graph)
             for i in range(MENTIONS)]
    for i in range(OWED):
        c, a = NamedNode(f"{ID}thing/c{i:04d}"), NamedNode(f"{ID}thing/a{i:04d}")
        quads += [Quad(c, NamedNode(RCM + "committedBy"), NamedNode(ACTOR), graph),
                  Quad(c, NamedNode(RCM + "madeIn"), a, graph), Quad(a, NamedNode(RCM + "agreedAt"), meeting, graph),
                  Quad(c, NamedNode(RCM + "dueDate"), Literal(f"2030-01-{1 + i % 28:02d}"), graph)]
    # the same label restated in many graphs: many sources
    quads += [Quad(NamedNode(HUB), NamedNode(SKOS + "altLabel"), Literal("Tiquicia", language="es"),
                   NamedNode(f"{ID}graph/restated-{i:04d}")) for i in range(RESTATED)]
    ox.extend(quads)
    return ox


@pytest.fixture(scope="module")
def view(store) -> GraphView:
    return GraphView(store, DEFAULT_BASE)


def _subjects(store: pyoxigraph.Store, p: str, o: str) -> set[str]:
    return {q.subject.value for q in store.quads_for_pattern(None, NamedNode(p), NamedNode(o), None)}


def _page(view: GraphView, iri: str, lang: str = "en") -> str:
    desc = view.describe(iri)
    assert desc is not None
    return render_resource(ServerLinker(DEFAULT_BASE, view).localised(lang, True, ("/doc/x", ())), desc)


def test_a_hubs_incoming_rows_are_cut_and_counted(store, view):
    desc = view.describe(HUB)
    assert desc is not None
    (row,) = [r for r in desc.incoming if r.predicate == RCM + "mentions"]
    everyone = _subjects(store, RCM + "mentions", HUB)
    assert len(everyone) > MENTIONS  # the samples mention it too
    assert len(row.values) == MAX_VALUES
    assert row.more == len(everyone) - MAX_VALUES
    assert {t.value for t in row.values} <= everyone
    # the other predicates pointing at it are whole (fewer subjects than the cut)
    others = [r for r in desc.incoming if r.predicate != RCM + "mentions"]
    assert others
    for r in others:
        assert r.more == 0 and len(r.values) == len(_subjects(store, r.predicate, HUB)), r.predicate
    text = _page(view, HUB)
    assert f"and {len(everyone) - MAX_VALUES} more" in html.unescape(text)


def test_a_hubs_rdf_documents_hold_what_its_page_shows(store, view):
    desc = view.describe(HUB)
    assert desc is not None
    pointing = {t.subject.value for t in desc.triples if t.object == NamedNode(HUB)
                and t.predicate == NamedNode(RCM + "mentions")}
    assert len(pointing) == MAX_VALUES
    (row,) = [r for r in desc.incoming if r.predicate == RCM + "mentions"]
    assert pointing == {t.value for t in row.values}
    # what it says of itself is whole
    own = {(q.predicate.value, str(q.object)) for q in store.quads_for_pattern(NamedNode(HUB), None, None, None)
           if not q.graph_name.value.endswith("/inferred")}
    assert own <= {(t.predicate.value, str(t.object)) for t in desc.triples if t.subject == NamedNode(HUB)}


def test_the_same_store_gives_the_same_page(store):
    first = _page(GraphView(store, DEFAULT_BASE), HUB)
    assert _page(GraphView(store, DEFAULT_BASE), HUB) == first


def test_below_the_threshold_everything_is_read(store, view, monkeypatch):
    # with the threshold above the hub's quads, the page is what it was before the cut existed
    # (every subject read, then cut after sorting): the same rows and counts
    cut = view.describe(HUB)
    monkeypatch.setattr(pages, "HUB_QUADS", 10**9)
    whole = GraphView(store, DEFAULT_BASE).describe(HUB)
    assert cut is not None and whole is not None
    assert [(r.predicate, r.more, len(r.values)) for r in cut.incoming] == \
        [(r.predicate, r.more, len(r.values)) for r in whole.incoming]
    assert len(whole.triples) > len(cut.triples) + MENTIONS - MAX_VALUES - 1


def test_sources_are_cut(view):
    desc = view.describe(HUB)
    assert desc is not None
    assert len(desc.sources) == MAX_VALUES
    assert desc.sources_more >= RESTATED - MAX_VALUES + 1  # the restated graphs, and the samples'
    assert [s.value for s in desc.sources] == sorted(s.value for s in desc.sources)
    assert f"and {desc.sources_more} more" in html.unescape(_page(view, HUB))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_actors_tables_are_cut_with_a_link_to_the_whole_list(view, lang):
    desc = view.describe(ACTOR)
    assert desc is not None
    (owes,) = [s for s in desc.sections if s.title == "Still owes"]
    assert len(owes.rows) == MAX_ROWS
    assert owes.more >= OWED - MAX_ROWS
    # the oldest due first, as without the cut
    dues = [r[2].value for r in owes.rows if r[2] is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", r[2].value)]
    assert dues == sorted(dues)
    text = html.unescape(_page(view, ACTOR, lang))
    more = "and %d more" if lang == "en" else "y %d más"
    assert more % owes.more in text
    whole = "The whole list" if lang == "en" else "La lista completa"
    link = re.search(r'<a href="([^"]+)">' + whole, text)
    assert link and link.group(1).startswith("/commitments?actor=" + ACTOR.replace(":", "%3A").replace("/", "%2F"))


def test_the_static_site_links_an_actor_to_its_commitments_page(view):
    # the page rcmkg.publish.site.extras writes for the actor, in the page's language
    for lang, page, target in [("en", "doc/org/iom.html", "commitments/actor/org/iom.html"),
                               ("es", "es/doc/org/iom.html", "es/commitments/actor/org/iom.html")]:
        linker = StaticLinker(DEFAULT_BASE, view, "doc/org/iom.html").localised(lang)
        href = linker.url(f"actor-commitments:{ACTOR}")
        assert posixpath.normpath(posixpath.join(posixpath.dirname(page), href)) == target
