"""How a load parses a converted report (rcmkg.store.local.LocalStore._parse_report): files as
``rcmkg convert`` writes them are parsed straight into their graph (a TriG block around the
triples), and every file gives the triples a Turtle parser gives, in the graph of the meeting it
describes, whatever its first line says."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from rcmkg.errors import StoreError
from rcmkg.store.local import LocalStore


def _turtle(data: bytes, base: str) -> tuple[list[str], int]:
    """The non-blank triples and the triple count a Turtle parser reads in ``data``."""
    triples = set(ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=base + "id/", rename_blank_nodes=True))
    return _plain(q.triple for q in triples), len(triples)


def _plain(triples) -> list[str]:
    return sorted(str(t) for t in triples
                  if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode))


def _parsed(store: LocalStore, data: bytes) -> tuple[str, list[str], int]:
    graph, quads = store._parse_report(data)
    assert {q.graph_name for q in quads} == {ox.NamedNode(graph)}
    return graph, _plain(q.triple for q in quads), len(quads)


@pytest.fixture
def store():
    with LocalStore(None) as s:
        yield s


@pytest.fixture
def sample(converted: Path) -> bytes:
    return sorted(converted.glob("*.ttl"))[0].read_bytes()


def test_a_converted_report_is_parsed_into_its_graph_with_the_triples_turtle_gives(store, converted):
    files = sorted(converted.glob("*.ttl"))
    assert len(files) >= 5
    for f in files:
        data = f.read_bytes()
        fast = store._parse_in_graph(data)
        assert fast is not None, f"{f.name}: not parsed straight into its graph"
        meeting = re.match(rb"# (\S+)", data).group(1).decode()
        graph, plain, n = _parsed(store, data)
        assert graph == meeting.replace("/id/meeting/", "/id/graph/")
        assert (plain, n) == _turtle(data, store.base) and n > 100


def test_a_last_statement_without_its_dot_is_refused_as_turtle_refuses_it(store, sample):
    broken = sample.rstrip()
    assert broken.endswith(b".")
    broken = broken[:-1] + b"\n"
    with pytest.raises(SyntaxError):
        list(ox.parse(broken, format=ox.RdfFormat.TURTLE, base_iri=store.base + "id/"))
    with pytest.raises(StoreError, match="not valid Turtle"):
        store._parse_report(broken)


def test_a_first_line_naming_another_meeting_does_not_place_the_triples(store, sample):
    other = re.sub(rb"^# (\S+)/(\d{4}-\d{2}-\d{2})", rb"# \1/1900-01-01", sample, count=1)
    assert other != sample
    assert _parsed(store, other) == _parsed(store, sample)
    assert store._parse_in_graph(other) is None


@pytest.mark.parametrize("edit", [
    # a triple after a directive on its line: left to the body, where the block refuses it
    lambda d: d.replace(b"@prefix rcm: <https://w3id.org/rcmkg/ont#> .",
                        b"@prefix rcm: <https://w3id.org/rcmkg/ont#> . <urn:x:a> <urn:x:b> <urn:x:c> .", 1),
    # a directive among the triples (Turtle allows it anywhere)
    lambda d: d.rstrip() + b"\n@prefix late: <urn:x:late#> .\nlate:a late:b late:c .\n",
    # SPARQL-style directives, and a comment after the last statement
    lambda d: d.replace(b"@prefix rcm: <https://w3id.org/rcmkg/ont#> .", b"PREFIX rcm: <https://w3id.org/rcmkg/ont#>", 1)
    + b"# the end.\n",
    # no first line naming the meeting
    lambda d: d.split(b"\n", 1)[1],
])
def test_other_layouts_give_the_triples_turtle_gives_in_the_meetings_graph(store, sample, edit):
    data = edit(sample)
    assert data != sample
    graph, plain, n = _parsed(store, data)
    assert graph == _parsed(store, sample)[0]
    assert (plain, n) == _turtle(data, store.base)
