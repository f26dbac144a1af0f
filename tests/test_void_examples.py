"""void:exampleResource (rcmkg.publish.void.examples): the first of each kind over every graph, kept
only if the published graphs (not the derived ones) state it, looked up rather than asked of the
merge of every published graph."""

from __future__ import annotations

import pyoxigraph as ox

from rcmkg.namespaces import RCM, RDF, XSD
from rcmkg.publish.source import published_dataset
from rcmkg.publish.void import examples
from rcmkg.store.local import GraphNames

BASE = "https://example.org/kg/"
TYPE, START = ox.NamedNode(RDF + "type"), ox.NamedNode("http://schema.org/startDate")


def test_an_example_is_one_the_published_graphs_state():
    store = ox.Store()
    report, inferred = ox.NamedNode(BASE + "id/graph/body/2001-01-01"), ox.NamedNode(GraphNames.for_base(BASE).inferred)
    meeting = ox.NamedNode(RCM + "Meeting")
    old, new = (ox.NamedNode(f"{BASE}id/meeting/body/{d}") for d in ("2001-01-01", "2020-01-01"))
    for m, day in ((old, "2001-01-01"), (new, "2020-01-01")):
        store.add(ox.Quad(m, START, ox.Literal(day, datatype=ox.NamedNode(XSD + "date")), report))
    store.add(ox.Quad(old, TYPE, meeting, report))
    store.add(ox.Quad(new, TYPE, meeting, inferred))  # the newest is a meeting only by entailment
    assert examples(store, published_dataset(store, BASE)) == [old.value]
    store.add(ox.Quad(new, TYPE, meeting, report))
    assert examples(store, published_dataset(store, BASE)) == [new.value]
    # in the store's default graph (hand-made stores put data there): published too
    store.remove(ox.Quad(new, TYPE, meeting, report))
    store.add(ox.Quad(new, TYPE, meeting))
    assert examples(store, published_dataset(store, BASE)) == [new.value]
