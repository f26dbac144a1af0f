"""Canned queries: headers, safe binding, result formats, and the same rows from every store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from rcmkg.cli import cli
from rcmkg.errors import UsageError
from rcmkg.publish.push import push
from rcmkg.settings import Settings
from rcmkg.sparql.bind import has_order_by, sparql_value
from rcmkg.sparql.catalogue import bind, get_query, load_queries, parse_query, run_query
from rcmkg.sparql.results import QueryResult, Term
from rcmkg.store.load import load_paths, open_data
from rcmkg.store.local import LocalStore
from rcmkg.store.remote import RemoteStore

XSD = "http://www.w3.org/2001/XMLSchema#"
QUERIES = load_queries()

# --- the catalogue -------------------------------------------------------------------------------------


def test_every_canned_query_has_a_header():
    assert {"meetings", "delegations", "organisations", "agreements", "commitments", "documents", "trace"} <= set(QUERIES)
    for name, q in QUERIES.items():
        assert q.path is not None and q.path.suffix == ".rq"
        assert q.text.lstrip().startswith("# name: " + name), name
        assert q.purpose, f"{name} has no purpose"
        for p in q.params:
            assert p.help, f"{name}: parameter {p.name} is not explained"


def test_every_canned_query_orders_its_rows():
    # Same rows *in the same order* from every store needs a top-level ORDER BY.
    assert QUERIES
    for name, q in QUERIES.items():
        if q.text.upper().lstrip().find("ASK") == -1:
            assert has_order_by(q.text), name


def test_header_parsing():
    q = parse_query("# name: x\n# purpose: p\n# param: a (required) - an IRI\n# param: b (optional) - text\n"
                    "# param: (none)\nSELECT * { ?s ?p ?a }")
    assert (q.name, q.purpose) == ("x", "p")
    assert [(p.name, p.required, p.help) for p in q.params] == [("a", True, "an IRI"), ("b", False, "text")]
    long = parse_query("# name: y\n# purpose: one line\n#   and its continuation\n# param: a - x\n#   not purpose\nASK {}")
    assert long.purpose == "one line and its continuation"


def test_unknown_query_is_a_usage_error():
    with pytest.raises(UsageError, match="there are: agreements"):
        get_query("no-such-query")


# --- binding -------------------------------------------------------------------------------------------


def test_values_are_typed_by_their_form():
    assert sparql_value("https://w3id.org/rcmkg/id/org/iom") == "<https://w3id.org/rcmkg/id/org/iom>"
    assert sparql_value("2018-07-19") == f'"2018-07-19"^^<{XSD}date>'
    assert sparql_value("rcm-glossary") == '"rcm-glossary"'
    assert sparql_value('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'
    with pytest.raises(UsageError):
        sparql_value("https://example.org/a b>")
    with pytest.raises(UsageError):
        sparql_value("2018-02-30")


def test_bind_puts_values_inside_the_where_group_and_prefixes_once():
    q = get_query("trace")
    text = bind(q, {"item": "rcm-glossary"})
    # Inline at the start of the WHERE group, never trailing (Virtuoso refuses VALUES after ORDER BY).
    assert 'WHERE { VALUES ?item { "rcm-glossary" }' in text and text.rstrip().endswith("?position")
    # Braces, WHERE and '#' inside comments, strings and IRIs do not count; a CONSTRUCT template is not the group.
    tricky = ('# WHERE { in a comment\nCONSTRUCT { ?m a <http://ex.org/x#Meeting> ; rdfs:comment "WHERE { x" } WHERE {\n'
              '  ?m a rcm:Meeting ; schema:startDate ?d }')
    assert ('"WHERE { x" } WHERE { VALUES ?d { "2018-07-19"^^<' + XSD + 'date> }\n  ?m a') in bind(tricky, {"d": "2018-07-19"})
    assert "{ VALUES ?m { <http://a/1> } ?m a rcm:Meeting }" in bind("SELECT * { ?m a rcm:Meeting }", {"m": "http://a/1"})
    assert text.count("PREFIX rcm:") == 1
    own = "PREFIX rcm: <https://w3id.org/rcmkg/ont#>\nSELECT ?m WHERE { ?m a rcm:Meeting } ORDER BY ?m"
    assert bind(own).count("PREFIX rcm:") == 1


def test_bind_rejects_unknown_and_missing_parameters():
    with pytest.raises(UsageError, match="needs --param item"):
        bind(get_query("trace"), {})
    with pytest.raises(UsageError, match="no parameter 'colour'"):
        bind(get_query("trace"), {"item": "x", "colour": "red"})
    with pytest.raises(UsageError):
        bind("SELECT ?m WHERE { ?m a rcm:Meeting }", {"x": "1"})  # not a variable of the query


def test_bind_several_values_and_parameters():
    text = bind("SELECT ?m ?d WHERE { ?m schema:startDate ?d }", {"m": ["http://a/1", "http://a/2"], "d": "2018-07-19"})
    assert f'VALUES (?m ?d) {{ (<http://a/1> "2018-07-19"^^<{XSD}date>) (<http://a/2> "2018-07-19"^^<{XSD}date>) }}' in text


def test_a_hostile_value_stays_one_literal(converted: Path):
    store = open_data([converted])
    hostile = 'x" } } ; DROP ALL ; SELECT * { ?s ?p ?o } #'
    result = run_query(store, "trace", {"item": hostile})
    assert result.rows == []
    assert store.query("ASK { ?m a rcm:Meeting }").boolean


# --- formats -------------------------------------------------------------------------------------------

SAMPLE = QueryResult.select(
    ["s", "label", "n", "when", "blank"],
    [
        {"s": Term("uri", "https://w3id.org/rcmkg/id/org/iom"), "label": Term.literal("Organización, \"OIM\"", lang="ES"),
         "n": Term.literal("3", XSD + "integer"), "when": Term.literal("2018-07-19", XSD + "date"),
         "blank": Term("bnode", "x9")},
        {"s": Term("uri", "https://w3id.org/rcmkg/voc/stage/drafted"), "label": Term.literal("tab\there", XSD + "string")},
    ],
)


def test_json_is_sparql_results_json():
    doc = json.loads(SAMPLE.to_json())
    assert doc["head"] == {"vars": ["s", "label", "n", "when", "blank"]}
    first, second = doc["results"]["bindings"]
    assert first["s"] == {"type": "uri", "value": "https://w3id.org/rcmkg/id/org/iom"}
    assert first["label"] == {"type": "literal", "value": "Organización, \"OIM\"", "xml:lang": "es"}
    assert first["n"] == {"type": "literal", "value": "3", "datatype": XSD + "integer"}
    assert first["blank"] == {"type": "bnode", "value": "b0"}  # relabelled in order of appearance
    assert second["label"] == {"type": "literal", "value": "tab\there"}  # xsd:string is implicit
    assert set(second) == {"s", "label"}  # unbound variables are left out


def test_csv_is_sparql_results_csv():
    text = SAMPLE.to_csv()
    assert text.endswith("\r\n") and text.count("\r\n") == 3
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["s", "label", "n", "when", "blank"]
    assert rows[1] == ["https://w3id.org/rcmkg/id/org/iom", "Organización, \"OIM\"", "3", "2018-07-19", "_:b0"]
    assert rows[2] == ["https://w3id.org/rcmkg/voc/stage/drafted", "tab\there", "", "", ""]


def test_tsv_is_sparql_results_tsv():
    lines = SAMPLE.to_tsv().split("\n")
    assert lines[0] == "?s\t?label\t?n\t?when\t?blank"
    assert lines[1].split("\t") == ["<https://w3id.org/rcmkg/id/org/iom>", '"Organización, \\"OIM\\""@es', "3",
                                    f'"2018-07-19"^^<{XSD}date>', "_:b0"]
    assert lines[2].split("\t") == ["<https://w3id.org/rcmkg/voc/stage/drafted>", '"tab\\there"', "", "", ""]


def test_table_is_aligned_and_short():
    text = SAMPLE.to_table(base="https://w3id.org/rcmkg/")
    lines = text.splitlines()
    assert lines[0].split() == ["s", "label", "n", "when", "blank"]
    assert "<org/iom>" in lines[2] and "stage:drafted" in lines[3]
    assert lines[-1] == "(2 rows)"


def test_ask_and_graph_results():
    assert json.loads(QueryResult.ask(True).to_json()) == {"head": {}, "boolean": True}
    g = QueryResult.graph([(Term("uri", "http://a/s"), Term("uri", "http://www.w3.org/2004/02/skos/core#prefLabel"),
                            Term.literal("x", lang="en"))])
    assert 'skos:prefLabel "x"@en' in g.to_turtle()
    assert json.loads(g.to_jsonld())[0]["@id"] == "http://a/s"
    with pytest.raises(UsageError):
        g.to_csv()


# --- the same rows from the local store, --data and a SPARQL endpoint ----------------------------------


@pytest.fixture(scope="module")
def backends(converted: Path, oxigraph_server: str, tmp_path_factory: pytest.TempPathFactory):
    """The sample reports in a local store on disk, in memory (--data) and in a real Oxigraph server."""
    path = tmp_path_factory.mktemp("store") / "store"
    load_paths([converted], Settings(store=str(path)))  # as `rcmkg load`: with the fulfilment graph
    local = LocalStore(path, read_only=True)
    memory = open_data([converted])
    remote = RemoteStore(oxigraph_server + "/query")
    push(memory, remote.endpoint, graphs=memory.graphs())
    yield {"store": local, "data": memory, "endpoint": remote, "path": path}
    local.close()


def _params(name: str) -> dict[str, str]:
    q = QUERIES[name]
    values = {"item": "work-plan-migrant-smuggling", "track": "https://w3id.org/rcmkg/id/track/work-plan-migrant-smuggling",
              "meeting": "https://w3id.org/rcmkg/id/meeting/rcm-lon-smtp/2018-07-19"}
    return {p.name: values[p.name] for p in q.params if p.required}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_canned_query_gives_the_same_rows_everywhere(backends, name: str):
    results = {b: run_query(backends[b], name, _params(name)) for b in ("store", "data", "endpoint")}
    local = results["store"]
    assert local.rows, f"{name} found nothing in the samples"
    for b in ("data", "endpoint"):
        assert results[b].vars == local.vars, b
        assert results[b].rows == local.rows, b
        assert results[b].to_json() == local.to_json(), b


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "table"])
def test_the_cli_prints_the_same_bytes_from_every_source(backends, converted: Path, oxigraph_server: str, runner, fmt):
    outs = []
    for source in (["--store", str(backends["path"])], ["--data", str(converted)], ["--endpoint", oxigraph_server + "/query"]):
        res = runner.invoke(cli, ["query", "agreements", "--format", fmt, *source])
        assert res.exit_code == 0, res.output
        outs.append(res.stdout)
    assert outs[0] == outs[1] == outs[2]


def test_filtering_by_a_meeting_parameter(backends):
    meeting = "https://w3id.org/rcmkg/id/meeting/rcm-lon-smtp/2018-07-19"
    res = run_query(backends["data"], "agreements", {"meeting": meeting})
    assert res.rows and set(res.values("meeting")) == {meeting}


# --- the CLI as the scorer calls it ----------------------------------------------------------------------


def test_query_data_json_as_the_scorer_reads_it(runner, converted: Path):
    res = runner.invoke(cli, ["query", "trace", "--data", str(converted), "--format", "json",
                              "--param", "item=work-plan-migrant-smuggling"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    rows = [{k: v.get("value") for k, v in b.items()} for b in doc["results"]["bindings"]]
    dates = [r["date"][:10] for r in rows]
    assert dates and dates == sorted(dates)
    assert {"2016-11-15", "2018-07-19"} <= set(dates)
    assert doc["results"]["bindings"][0]["date"]["datatype"] == XSD + "date"


def test_query_list_shows_purpose_and_parameters(runner):
    res = runner.invoke(cli, ["query", "--list"])
    assert res.exit_code == 0
    assert "trace\n    How a tracked item moved" in res.stdout
    assert "--param item=...  (required)" in res.stdout


def test_query_usage_errors_exit_2(runner, converted: Path):
    missing = runner.invoke(cli, ["query", "trace", "--data", str(converted)])
    assert missing.exit_code == 2 and "item" in missing.stderr
    bad = runner.invoke(cli, ["query", "meetings", "--data", str(converted), "--param", "nonsense"])
    assert bad.exit_code == 2 and "KEY=VALUE" in bad.stderr
    unknown = runner.invoke(cli, ["query", "nope", "--data", str(converted)])
    assert unknown.exit_code == 2


def test_query_file_and_construct(runner, converted: Path, tmp_path: Path):
    rq = tmp_path / "events.rq"
    rq.write_text("# name: events\n# purpose: meetings as schema.org events\n"
                  "CONSTRUCT { ?m a schema:Event ; schema:startDate ?d } WHERE { ?m a schema:Event ; schema:startDate ?d }",
                  encoding="utf-8")
    ttl = runner.invoke(cli, ["query", str(rq), "--data", str(converted)])
    assert ttl.exit_code == 0, ttl.output
    assert "schema:Event" in ttl.stdout and "@prefix schema:" in ttl.stdout
    jsonld = runner.invoke(cli, ["query", str(rq), "--data", str(converted), "--format", "jsonld"])
    assert len(json.loads(jsonld.stdout)) == 5
    csv_ = runner.invoke(cli, ["query", str(rq), "--data", str(converted), "--format", "csv"])
    assert csv_.exit_code == 2


def test_syntax_error_is_a_query_error(runner, converted: Path, tmp_path: Path):
    rq = tmp_path / "bad.rq"
    rq.write_text("SELECT ?x WHERE { ?x ", encoding="utf-8")
    res = runner.invoke(cli, ["query", str(rq), "--data", str(converted)])
    assert res.exit_code == 1 and "syntax" in res.stderr.lower()
