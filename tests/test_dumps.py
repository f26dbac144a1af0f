"""The dumps are the same bytes for the same input: blank nodes (time intervals, OWL lists) get labels
from the graph, not from the load that gave them random ones."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pyoxigraph as ox
import pytest

from rcmkg.publish.dumps import write_dumps
from rcmkg.sparql.terms import stable_blank_nodes
from rcmkg.store.local import BLANK_NODE_NAMES, LocalStore, graphs_with_named_blank_nodes
from tests.builders import BASE, convert_samples


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    return convert_samples(tmp_path_factory.mktemp("dumps") / "rdf", extra_reports=False)


def _dumps(ttl: Path, folder: Path) -> dict[str, bytes]:
    with LocalStore(None, base=BASE) as store:
        summary = store.load([ttl])
        assert not summary.errors, summary.errors
        written = write_dumps(store.ox, folder, BASE)
    assert len(written) == 4
    return {d.filename: (folder / d.filename).read_bytes() for d in written}


@pytest.mark.slow
def test_two_loads_of_the_same_files_give_the_same_dumps(ttl, tmp_path):
    one = _dumps(ttl, tmp_path / "one")
    two = _dumps(ttl, tmp_path / "two")
    assert one.keys() == two.keys() and len(one) == 4
    turtle = next(v for k, v in one.items() if k.endswith(".ttl"))
    assert b"_:" in turtle  # there are blank nodes (intervals, selectors, OWL lists)
    different = [name for name in one if one[name] != two[name]]
    assert not different, different


def _random_names(store: LocalStore) -> None:
    """The store as a load before the blank nodes were named from their graph left it: every
    blank node a random name, no graph saying otherwise."""
    meta = ox.NamedNode(store.names.meta)
    for q in list(store.ox.quads_for_pattern(None, BLANK_NODE_NAMES, None, meta)):
        store.ox.remove(q)
    names: dict[ox.BlankNode, ox.BlankNode] = {}

    def rename(t):
        return names.setdefault(t, ox.BlankNode()) if isinstance(t, ox.BlankNode) else t

    blank = [q for q in store.ox if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)]
    for q in blank:
        store.ox.remove(q)
    store.ox.extend([ox.Quad(rename(q.subject), q.predicate, rename(q.object), q.graph_name) for q in blank])


@pytest.mark.slow
def test_graphs_loaded_with_random_blank_node_names_give_the_same_dumps(ttl, tmp_path):
    """A store loaded by an earlier version: its blank nodes are relabelled from what they say."""
    dumps = []
    for name in ("one", "two"):
        with LocalStore(None, base=BASE) as store:
            assert not store.load([ttl]).errors
            named = graphs_with_named_blank_nodes(store.ox, BASE)
            assert any("/id/graph/rcm-" in g for g in named) and f"{BASE}id/graph/ontology" in named
            _random_names(store)
            assert not graphs_with_named_blank_nodes(store.ox, BASE)
            written = write_dumps(store.ox, tmp_path / name, BASE)
            dumps.append({d.filename: (tmp_path / name / d.filename).read_bytes() for d in written})
    one, two = dumps
    assert b"_:b" in one["rcmkg.ttl"]  # labels made from what the nodes say
    assert not [name for name in one if one[name] != two[name]]


def _graph(labels: list[str]) -> list[ox.Triple]:
    ex = "http://example.org/"
    a, b, c, d = (ox.BlankNode(x) for x in labels)
    n = ox.NamedNode
    return [
        ox.Triple(n(ex + "m"), n(ex + "due"), a),
        ox.Triple(a, n(ex + "begin"), b),
        ox.Triple(b, n(ex + "date"), ox.Literal("2017-07-21")),
        ox.Triple(n(ex + "m"), n(ex + "due"), c),
        ox.Triple(c, n(ex + "begin"), d),
        ox.Triple(d, n(ex + "date"), ox.Literal("2018-01-01")),
        ox.Triple(n(ex + "m"), n(ex + "label"), ox.Literal("m")),
    ]


def test_relabelling_depends_on_the_graph_not_on_labels_or_order():
    first = list(stable_blank_nodes(_graph(["p", "q", "r", "s"])))
    shuffled = _graph(["z9", "y8", "x7", "w6"])
    random.Random(3).shuffle(shuffled)
    # the statement without a blank node comes first, in its place; the others sorted after it
    second = list(stable_blank_nodes([shuffled.pop(next(i for i, t in enumerate(shuffled) if "label" in str(t))),
                                      *shuffled]))
    assert len(first) == 7 and [str(t) for t in first] == [str(t) for t in second]
    # still the same graph: each interval keeps its own beginning and date
    labels = {str(t.subject) for t in first if isinstance(t.subject, ox.BlankNode)}
    assert len(labels) == 4


def test_nodes_nothing_tells_apart_are_numbered():
    ex = "http://example.org/"
    twins = [ox.Triple(ox.NamedNode(ex + "s"), ox.NamedNode(ex + "p"), ox.BlankNode(x)) for x in ("u", "v")]
    out = list(stable_blank_nodes(twins))
    assert len(out) == 2 and len({str(t.object) for t in out}) == 2
    assert [str(t) for t in out] == [str(t) for t in stable_blank_nodes(reversed(twins))]


def _plain(terms: ox.Triple | ox.Quad) -> bool:
    return not (isinstance(terms.subject, ox.BlankNode) or isinstance(terms.object, ox.BlankNode))


@pytest.mark.slow
def test_the_merge_holds_each_published_triple_once_and_the_trig_every_quad(ttl, tmp_path):
    from rcmkg.publish.source import published_dataset, published_graphs, restore_datatypes

    with LocalStore(None, base=BASE) as store:
        summary = store.load([ttl])
        assert not summary.errors, summary.errors
        # a report's statement stated again in another graph and in the default graph
        first = next(q for g in published_graphs(store.ox, BASE) if "/report" not in g
                     for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(g)) if _plain(q))
        store.ox.add(ox.Quad(*first.triple, ox.NamedNode(BASE + "id/graph/again")))
        store.ox.add(ox.Quad(*first.triple, ox.DefaultGraph()))
        written = {d.key: d for d in write_dumps(store.ox, tmp_path, BASE)}
        # the reference: the store's own merge (CONSTRUCT gives a set) and its published quads
        merged = list(restore_datatypes(store.ox.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                                                       **published_dataset(store.ox, BASE))))
        keep = {ox.NamedNode(g) for g in published_graphs(store.ox, BASE)}
        quads = [q for q in restore_datatypes(store.ox) if q.graph_name in keep or q.graph_name == ox.DefaultGraph()]
    with gzip.open(tmp_path / written["nt.gz"].filename, "rb") as fh:
        text = fh.read()
    nt = list(ox.parse(text, ox.RdfFormat.N_TRIPLES))
    # the lines are the ones pyoxigraph's own N-Triples serializer writes for those triples
    assert text == ox.serialize(nt, format=ox.RdfFormat.N_TRIPLES)
    trig = list(ox.parse(path=str(tmp_path / written["trig"].filename), format=ox.RdfFormat.TRIG))
    assert len(trig) == len(nt) + 2  # the statement made three times is merged once
    assert written["nt.gz"].triples == len(nt) == len(merged)
    assert written["trig"].triples == len(trig) == len(quads)
    assert len({str(t) for t in nt}) == len(nt)
    assert {str(t) for t in nt if _plain(t)} == {str(t) for t in merged if _plain(t)}
    assert {str(q) for q in trig if _plain(q)} == {str(q) for q in quads if _plain(q)}
    for name in ("ttl", "jsonld"):
        again = list(ox.parse(path=str(tmp_path / written[name].filename), format=ox.RdfFormat.TURTLE if name == "ttl"
                              else ox.RdfFormat.JSON_LD))
        assert written[name].triples == len(again) == len(nt)
