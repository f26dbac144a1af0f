"""A load names blank nodes from their graph and their label in the file
(:func:`rcmkg.sparql.terms.graph_blank_nodes`): two loads of the same files hold the same quads, so
the pages and documents that show a due interval or a passage's selectors are the same bytes after
a fresh load; two files' ``_:x`` stay two nodes; a node a file leaves anonymous is named from what
it says."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from rcmkg.cli import cli
from rcmkg.sparql.terms import graph_blank_nodes
from rcmkg.store.local import LocalStore


def _quads(folder: Path) -> list[str]:
    with LocalStore(folder, read_only=True) as s:
        return sorted(str(q) for q in s.ox)


def _load(files: Path, store: Path) -> None:
    result = CliRunner().invoke(cli, ["load", str(files), "--store", str(store), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_two_loads_of_the_same_files_hold_the_same_blank_nodes(converted, tmp_path):
    _load(converted, tmp_path / "one")
    _load(converted, tmp_path / "two")
    one, two = _quads(tmp_path / "one"), _quads(tmp_path / "two")
    blank = [q for q in one if "_:" in q]
    assert len(blank) > 1000  # the samples' selectors and due intervals (and the ontology's nodes)
    assert one == two
    # the labels are 128-bit numbers, which the store keeps in its quads
    assert all(re.fullmatch(r"[0-9a-f]{1,32}", label) for q in blank for label in re.findall(r"_:(\S+)", q))


def test_a_resource_document_with_blank_nodes_is_the_same_after_a_fresh_load(converted, tmp_path):
    sites = []
    for name in ("one", "two"):
        _load(converted, tmp_path / name)
        out = tmp_path / f"site-{name}"
        result = CliRunner().invoke(cli, ["publish", "--store", str(tmp_path / name), "--out", str(out),
                                          "--no-ontology-docs"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        sites.append(out)
    docs = sorted(p.relative_to(sites[0]) for p in (sites[0] / "doc").rglob("*.ttl") if "_:" in p.read_text("utf-8"))
    assert len(docs) > 10  # commitments (due intervals) and texts (selectors)
    differ = [str(d) for d in docs if (sites[0] / d).read_bytes() != (sites[1] / d).read_bytes()]
    assert not differ, differ
    pages = [d.with_suffix(".html") for d in docs]
    assert not [str(p) for p in pages if (sites[0] / p).read_bytes() != (sites[1] / p).read_bytes()]
    # the dumps, written in the store's order for graphs whose blank nodes the load named
    dumps = sorted(p.name for p in (sites[0] / "dumps").iterdir())
    assert len(dumps) == 4
    assert not [d for d in dumps if (sites[0] / "dumps" / d).read_bytes() != (sites[1] / "dumps" / d).read_bytes()]


def _report(meeting: str, body: str) -> bytes:
    return (f"# https://w3id.org/rcmkg/id/meeting/{meeting}\n"
            "@prefix rcm: <https://w3id.org/rcmkg/ont#> .\n"
            "@prefix time: <http://www.w3.org/2006/time#> .\n"
            f"<https://w3id.org/rcmkg/id/report/{meeting}> a rcm:Report ;\n"
            f"    rcm:reportOf <https://w3id.org/rcmkg/id/meeting/{meeting}> .\n" + body).encode()


def test_the_same_label_in_two_files_is_two_nodes(tmp_path):
    body = ('<urn:x:c> rcm:dueInterval _:i .\n_:i a time:Interval ; time:hasEnd _:end .\n'
            '_:end time:inXSDDate "2017-07-21" .\n')
    (tmp_path / "a.ttl").write_bytes(_report("rcm-x/2017-01-01", body))
    (tmp_path / "b.ttl").write_bytes(_report("rcm-x/2017-02-01", body.replace("urn:x:c", "urn:x:d")))
    with LocalStore(None) as s:
        s.load([tmp_path])
        found = {(q.graph_name.value, q.subject.value) for q in s.ox.quads_for_pattern(None, None, None)
                 if isinstance(q.subject, ox.BlankNode) and "/id/graph/rcm-x/" in q.graph_name.value}
    assert len(found) == 4  # _:i and _:end in each graph
    assert len({label for _, label in found}) == 4


@pytest.mark.parametrize("body", [
    # a node left anonymous: the parser makes up its label
    '<urn:x:c> rcm:dueInterval [ a time:Interval ; time:hasEnd [ time:inXSDDate "2017-07-21" ] ] .\n',
    # a list, and a labelled node beside it
    '<urn:x:c> rcm:items ( "a" "b" ) ; rcm:dueInterval _:i .\n_:i a time:Interval .\n',
])
def test_a_node_the_file_leaves_anonymous_is_named_from_what_it_says(tmp_path, body):
    data = _report("rcm-x/2017-01-01", body)
    with LocalStore(None) as s:
        graphs = [s._parse_report(data) for _ in range(3)]  # each parse makes up other labels
    assert graphs[0] == graphs[1] == graphs[2]
    graph, quads = graphs[0]
    assert any(isinstance(q.subject, ox.BlankNode) for q in quads)
    assert all(re.fullmatch(r"[0-9a-f]{1,32}", q.subject.value) for q in quads if isinstance(q.subject, ox.BlankNode))


def test_a_label_that_looks_made_up_but_is_the_files_own_is_kept_as_a_label():
    label = "0123456789abcdef0123456789abcdef"[1:]  # the shape of a made-up label
    data = f'<urn:x:a> <urn:x:p> _:{label} .\n_:{label} <urn:x:q> "v" .\n'.encode()
    quads = list(ox.parse(data, format=ox.RdfFormat.TURTLE, rename_blank_nodes=False))
    one = graph_blank_nodes(quads, "urn:x:g1", data)
    two = graph_blank_nodes(quads, "urn:x:g2", data)
    assert one[0].object == one[1].subject  # still one node
    assert one[0].object != two[0].object  # named from the graph too
    # from its label in the file, not from what it says (the way of made-up labels)
    digest = hashlib.blake2b(b"urn:x:g1\n" + label.encode(), digest_size=16).digest()
    assert one[0].object.value == format(int.from_bytes(digest, "big"), "x")
