"""A page about a hub stays the size of a page (issue 10, point 1: bounded by what it shows).

A country, an organisation or a tracked item is named by thousands of agreements in a large
archive. Its page shows each property's first MAX_VALUES values with "and N more", each table's
first MAX_ROWS rows with a link to the whole list, and its RDF documents hold what the page shows:
at 10,000 synthetic reports the member countries' page was 25 MB and took 33 s to build, now under
1 MB. Built here from the sample reports plus statements that make two resources hubs. What a
resource says of itself is cut the same way past HUB_QUADS: the dataset has a ``void:subset`` a
graph (10,003 of them, a 0.8 MB page, at 10,000 reports), kept in ``extra``, not in the store.
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
LISTER = ID + "thing/lister"  # names many things itself
LISTED = HUB_QUADS + 31
SUBSETS = HUB_QUADS + 9  # the dataset's, in extra
VOID = "http://rdfs.org/ns/void#"


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
    quads += [Quad(NamedNode(LISTER), NamedNode(RCM + "mentions"), NamedNode(f"{ID}thing/l{i:04d}"), graph)
              for i in range(LISTED)]
    quads += [Quad(NamedNode(LISTER), NamedNode(SKOS + "prefLabel"), Literal("A lister", language="en"), graph),
              Quad(NamedNode(LISTER), NamedNode(RCM + "mentions"), NamedNode(HUB), graph)]
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


def _objects(triples, s: str, p: str) -> list[str]:
    return [t.object.value for t in triples if t.subject == NamedNode(s) and t.predicate == NamedNode(p)]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_what_a_resource_says_past_the_threshold_is_cut_and_counted(store, view, lang):
    desc = view.describe(LISTER)
    assert desc is not None
    everything = {q.object.value for q in store.quads_for_pattern(NamedNode(LISTER), NamedNode(RCM + "mentions"), None, None)}
    assert len(everything) == LISTED + 1
    (row,) = [r for r in desc.rows if r.predicate == RCM + "mentions"]
    assert len(row.values) == MAX_VALUES and row.more == LISTED + 1 - MAX_VALUES
    # the first MAX_VALUES in SPARQL's order (by IRI), whatever order the store keeps
    assert {t.value for t in row.values} == set(sorted(everything)[:MAX_VALUES])
    # its RDF documents hold what the page shows, and its own name whole
    assert set(_objects(desc.triples, LISTER, RCM + "mentions")) == {t.value for t in row.values}
    assert _objects(desc.triples, LISTER, SKOS + "prefLabel") == ["A lister"]
    assert desc.title == "A lister"
    more = "and %d more" if lang == "en" else "y %d más"
    assert more % row.more in html.unescape(_page(view, LISTER, lang))


def test_below_the_threshold_a_resource_says_everything(store, monkeypatch):
    monkeypatch.setattr(pages, "HUB_QUADS", 10**9)
    desc = GraphView(store, DEFAULT_BASE).describe(LISTER)
    assert desc is not None
    (row,) = [r for r in desc.rows if r.predicate == RCM + "mentions"]
    assert len(row.values) == MAX_VALUES and row.more == LISTED + 1 - MAX_VALUES  # the same counts
    assert len(_objects(desc.triples, LISTER, RCM + "mentions")) == LISTED + 1  # every statement


def test_the_datasets_subsets_in_extra_are_cut_too(store):
    dataset = ID + "dataset"
    subsets = [NamedNode(f"{ID}dataset/graph-{i:05d}") for i in range(SUBSETS)]
    extra = [pyoxigraph.Triple(NamedNode(dataset), NamedNode(VOID + "subset"), s) for s in reversed(subsets)]
    extra += [pyoxigraph.Triple(NamedNode(dataset), NamedNode(SKOS + "prefLabel"), Literal("The dataset", language="en"))]
    view = GraphView(store, DEFAULT_BASE, extra=extra)
    desc = view.describe(dataset)
    assert desc is not None
    (row,) = [r for r in desc.rows if r.predicate == VOID + "subset"]
    assert row.more == SUBSETS - MAX_VALUES
    kept = sorted(_objects(desc.triples, dataset, VOID + "subset"))
    assert kept == [s.value for s in subsets[:MAX_VALUES]] == sorted(t.value for t in row.values)
    # what is left out is in the VoID description (SPARQL does not query extra), in both languages
    assert row.more_route == "void"
    for lang, words in (("en", "all of them in the VoID description"), ("es", "todos en la descripción VoID")):
        page = html.unescape(_page(view, dataset, lang))
        assert re.search(r'<li class="more">[^<]*\(<a href="/void\.ttl[^"]*">' + words + "</a>", page), lang
    # the same description from a view made afresh (extra's own order is not relied on)
    again = GraphView(store, DEFAULT_BASE, extra=list(reversed(extra))).describe(dataset)
    assert again is not None and [str(t) for t in again.triples] == [str(t) for t in desc.triples]


def test_many_statements_of_few_values_are_read_whole(store, monkeypatch):
    # the hub's own label restated in RESTATED graphs: past a lowered threshold, no predicate has
    # more than MAX_VALUES values, so what it says of itself is read whole, in the store's order
    whole = GraphView(store, DEFAULT_BASE).describe(HUB)
    monkeypatch.setattr(pages, "HUB_QUADS", 50)
    cut = GraphView(store, DEFAULT_BASE).describe(HUB)
    assert whole is not None and cut is not None
    assert len(list(store.quads_for_pattern(NamedNode(HUB), None, None, None))) > 50
    own = [str(t) for t in whole.triples if t.subject == NamedNode(HUB)]
    assert own and [str(t) for t in cut.triples if t.subject == NamedNode(HUB)] == own
    assert [s.value for s in cut.sources] == [s.value for s in whole.sources] and cut.sources_more == whole.sources_more
    assert [(r.predicate, r.more, len(r.values)) for r in cut.rows] == [(r.predicate, r.more, len(r.values)) for r in whole.rows]
