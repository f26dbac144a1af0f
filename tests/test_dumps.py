"""The dumps are the same bytes for the same input: blank nodes (time intervals, OWL lists) get labels
from the graph, not from the load that gave them random ones."""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pytest

from rcmkg.publish.dumps import write_dumps
from rcmkg.sparql.terms import stable_blank_nodes
from rcmkg.store.local import LocalStore
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
    assert b"_:b" in turtle  # there are blank nodes to relabel (intervals, OWL lists)
    different = [name for name in one if one[name] != two[name]]
    assert not different, different


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
