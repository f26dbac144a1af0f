"""The store: one graph per report, content-hash reloads, reference graphs, entailments, remote."""

from __future__ import annotations

import shutil
from pathlib import Path

import builders
import pytest

from rcmkg.cli import cli
from rcmkg.errors import StoreError, UsageError
from rcmkg.publish.push import push
from rcmkg.settings import DEFAULT_BASE, Settings
from rcmkg.store.load import open_data, open_store
from rcmkg.store.local import GraphNames, LocalStore, report_graph
from rcmkg.store.remote import RemoteStore

BASE = DEFAULT_BASE
NAMES = GraphNames.for_base(BASE)


def report_ttl(date: str, *, text: str = "To thank the Technical Secretariat.", track: str | None = "rcm-glossary",
               stage: str | None = None) -> str:
    """One agreement thanking the TS (on ``track``), with a stage event of the TS when ``stage`` is given."""
    return builders.report_ttl(date, [("1", track, text, None)], [(track, stage, "rcm-ts")] if stage and track else [],
                               act="thanks", addressee="rcm-ts", base=BASE)


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "rdf"
    folder.mkdir()
    (folder / "a.ttl").write_text(report_ttl("2016-11-15"), encoding="utf-8")
    (folder / "b.ttl").write_text(report_ttl("2017-06-21", stage="drafted"), encoding="utf-8")
    return folder


def report_graphs(store: LocalStore) -> list[str]:
    fixed = set(NAMES.__dict__.values())
    return [g for g in store.graphs() if g not in fixed]


def test_report_graph_from_meeting_iri():
    assert report_graph(BASE + "id/meeting/rcm-rcgm/2019-06-10") == BASE + "id/graph/rcm-rcgm/2019-06-10"
    with pytest.raises(StoreError):
        report_graph(BASE + "id/org/iom")


def test_load_makes_one_graph_per_report_plus_reference_graphs(tmp_path: Path, reports: Path):
    with LocalStore(tmp_path / "store") as store:
        summary = store.load([reports])
        assert sorted(summary.loaded) == ["a.ttl", "b.ttl"] and not summary.errors
        assert summary.reference == ["ontology", "registry"]
        assert report_graphs(store) == [BASE + "id/graph/rcm-lon-smtp/2016-11-15", BASE + "id/graph/rcm-lon-smtp/2017-06-21"]
        for g in (NAMES.meta, NAMES.registry, NAMES.ontology, NAMES.closure, NAMES.inferred):
            assert g in store.graphs()
            assert store.count(g) > 0
        # the metadata graph records each report's sha256 and file name
        recorded = store.report_graphs()
        assert recorded[BASE + "id/graph/rcm-lon-smtp/2016-11-15"][1] == "a.ttl"
        import hashlib

        assert recorded[BASE + "id/graph/rcm-lon-smtp/2016-11-15"][0] == hashlib.sha256((reports / "a.ttl").read_bytes()).hexdigest()
        # blank nodes of two files stay apart
        # (the registry's role holdings have intervals too, with IRIs: only the blank ones are the files')
        res = store.query("SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a time:Interval FILTER(isBlank(?i)) }")
        assert res.rows[0]["n"].value == "2"


def test_reload_skips_unchanged_and_replaces_changed(tmp_path: Path, reports: Path):
    path = tmp_path / "store"
    with LocalStore(path) as store:
        store.load([reports])
        graphs, quads = len(store.graphs()), store.count()
        a_graph = BASE + "id/graph/rcm-lon-smtp/2016-11-15"
        a_triples = store.count(a_graph)

    with LocalStore(path) as store:  # reopened: the hashes are in the store, not in memory
        again = store.load([reports])
        assert again.unchanged == ["a.ttl", "b.ttl"] and not again.loaded and not again.replaced
        assert again.reference == [] and again.inferred is None  # nothing changed, nothing recomputed
        assert (len(store.graphs()), store.count()) == (graphs, quads)

    (reports / "a.ttl").write_text(report_ttl("2016-11-15", text="A new text, longer than before."), encoding="utf-8")
    with LocalStore(path) as store:
        changed = store.load([reports])
        assert changed.replaced == ["a.ttl"] and changed.unchanged == ["b.ttl"]
        assert changed.inferred is not None
        assert len(store.graphs()) == graphs
        assert store.count(a_graph) == a_triples  # same shape, new content: replaced, not added
        texts = store.query(f"SELECT ?t WHERE {{ GRAPH <{a_graph}> {{ ?a rcm:text ?t }} }}").values("t")
        assert texts == ["A new text, longer than before."]

    (reports / "c.ttl").write_text(report_ttl("2018-07-19"), encoding="utf-8")
    with LocalStore(path) as store:
        more = store.load([reports])
        assert more.loaded == ["c.ttl"] and len(store.graphs()) == graphs + 1


def test_bad_files_are_listed_and_the_others_load(tmp_path: Path, reports: Path):
    (reports / "not-a-report.ttl").write_text("<http://x/a> <http://x/b> <http://x/c> .", encoding="utf-8")
    (reports / "broken.ttl").write_text("<http://x/a> <http://x/b> .", encoding="utf-8")
    (reports / "twin.ttl").write_text(report_ttl("2016-11-15", text="Same meeting, other text."), encoding="utf-8")
    with LocalStore(None) as store:
        summary = store.load([reports])
    problems = {Path(p).name: msg for p, msg in summary.errors}
    assert set(problems) == {"not-a-report.ttl", "broken.ttl", "twin.ttl"}
    assert "rcm:reportOf" in problems["not-a-report.ttl"]
    assert "Turtle" in problems["broken.ttl"]
    assert "same meeting" in problems["twin.ttl"]
    assert sorted(summary.loaded) == ["a.ttl", "b.ttl"]


def _quads_without_blank_labels(store: LocalStore) -> list[str]:
    def term(t: object) -> str:
        return "_:b" if type(t).__name__ == "BlankNode" else str(t)

    return sorted(" ".join(term(x) for x in (q.subject, q.predicate, q.object, q.graph_name)) for q in store.ox)


def test_a_first_load_on_disk_streams_into_one_bulk_load_and_holds_what_a_batched_load_holds(
        tmp_path: Path, reports: Path):
    """A first load into a disk store feeds every report to one bulk load as it is parsed (the bad
    files, a copy and a twin meeting in between); a memory store writes report by report: the
    same quads, the same records and the same summary."""
    (reports / "broken.ttl").write_text("<http://x/a> <http://x/b> .", encoding="utf-8")
    (reports / "c.ttl").write_text(report_ttl("2018-03-01", text="A third meeting."), encoding="utf-8")
    shutil.copyfile(reports / "a.ttl", reports / "copy.ttl")
    (reports / "twin.ttl").write_text(report_ttl("2016-11-15", text="Same meeting, other text."), encoding="utf-8")
    with LocalStore(tmp_path / "store") as disk, LocalStore(None) as memory:
        streamed, batched = disk.load([reports]), memory.load([reports])
        assert sorted(streamed.loaded) == sorted(batched.loaded) == ["a.ttl", "b.ttl", "c.ttl"]
        assert {Path(p).name: m for p, m in streamed.errors} == {Path(p).name: m for p, m in batched.errors}
        assert {Path(p).name for p, _ in streamed.errors} == {"broken.ttl", "copy.ttl", "twin.ttl"}
        assert streamed.inferred == batched.inferred > 0
        assert disk.report_graphs() == memory.report_graphs()
        assert _quads_without_blank_labels(disk) == _quads_without_blank_labels(memory)
    with LocalStore(tmp_path / "store") as disk:  # the records are in: a reload reads no file again
        again = disk.load([reports])
        assert sorted(again.unchanged) == ["a.ttl", "b.ttl", "c.ttl"] and not again.loaded and not again.replaced


def test_open_data_raises_on_a_bad_file(tmp_path: Path):
    (tmp_path / "x.ttl").write_text("nonsense", encoding="utf-8")
    with pytest.raises(StoreError, match="x.ttl"):
        open_data([tmp_path])


def test_meetings_are_events_and_activities_only_through_the_inferred_graph(reports: Path):
    with LocalStore(None) as store:
        store.load([reports])
        meetings = sorted(store.query("SELECT ?m WHERE { ?m a rcm:Meeting }").values("m"))
        for cls in ("prov:Activity", "schema:Event"):
            found = sorted(store.query(f"SELECT ?m WHERE {{ ?m a {cls} ; schema:startDate ?d }}").values("m"))
            assert found == meetings, cls
            asserted = store.query(f"SELECT ?m WHERE {{ GRAPH ?g {{ ?m a {cls} }} FILTER(?g != <{NAMES.inferred}>) }}")
            assert asserted.rows == [], cls
        # inverse and domain rules: rcm:hasAgreement gives rcm:agreedAt back; rcm:actor types an agent
        assert store.query("ASK { ?a a prov:Entity ; prov:wasGeneratedBy ?m . ?m a rcm:Meeting }").boolean
        # the inferred graph never repeats an asserted triple (the union would count it twice)
        dup = store.query(f"""ASK {{ GRAPH <{NAMES.inferred}> {{ ?s ?p ?o }}
                                GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{NAMES.inferred}>) }}""")
        assert dup.boolean is False
        n = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?m a rcm:Meeting }").rows[0]["n"].value
        assert n == str(len(meetings))


def test_tbox_closure_graph_has_schema_axioms_only(reports: Path):
    with LocalStore(None) as store:
        store.load([reports])
        preds = set(store.query(f"SELECT DISTINCT ?p WHERE {{ GRAPH <{NAMES.closure}> {{ ?s ?p ?o }} }}").values("p"))
        assert "http://www.w3.org/2000/01/rdf-schema#subClassOf" in preds
        assert "http://www.w3.org/2002/07/owl#sameAs" not in preds
        # what it adds are entailments, e.g. subclass chains of the ontology, never its own axioms
        chains = store.query(f"""SELECT ?s ?o WHERE {{ GRAPH <{NAMES.closure}> {{ ?s rdfs:subClassOf ?o }}
                                 GRAPH <{NAMES.ontology}> {{ ?s rdfs:subClassOf ?m . ?m rdfs:subClassOf+ ?o }} }}""")
        assert chains.rows
        repeated = f"ASK {{ GRAPH <{NAMES.closure}> {{ ?s ?p ?o }} GRAPH <{NAMES.ontology}> {{ ?s ?p ?o }} }}"
        assert store.query(repeated).boolean is False


def test_entailments_compose_inverses_subproperties_domains_and_ranges(tmp_path: Path):
    # one bare statement, rcm:hasAgreement, and what the rules make of it (rcm.ttl: its inverse is
    # rcm:agreedAt, both have PROV superproperties, and their domains and ranges have superclasses)
    m, a = f"<{BASE}id/meeting/x/2019-01-01>", f"<{BASE}id/meeting/x/2019-01-01/item/1>"
    (tmp_path / "r.ttl").write_text(
        # a report (the loader needs one) of another meeting, so that only the statement types m and a
        f'<{BASE}id/report/y/2019-01-02> a <https://w3id.org/rcmkg/ont#Report> ; <https://w3id.org/rcmkg/ont#reportOf> <{BASE}id/meeting/y/2019-01-02> .\n'
        f'{m} <https://w3id.org/rcmkg/ont#hasAgreement> {a} .\n'
        f'{a} <https://w3id.org/rcmkg/ont#position> "1"^^<http://www.w3.org/2001/XMLSchema#positiveInteger> .\n',
        encoding="utf-8")
    with LocalStore(None) as store:
        summary = store.load([tmp_path])
        assert not summary.errors, summary.errors

        def inferred(pattern: str) -> bool:
            return store.query(f"ASK {{ GRAPH <{NAMES.inferred}> {{ {pattern} }} }}").boolean

        assert inferred(f"{a} rcm:agreedAt {m}")  # inverse
        assert inferred(f"{a} prov:wasGeneratedBy {m}")  # inverse, then superproperty
        assert inferred(f"{m} prov:generated {a}")  # superproperty
        for cls in ("rcm:Meeting", "rcm:Event", "schema:Event", "prov:Activity"):  # domain, and its superclasses
            assert inferred(f"{m} a {cls}"), cls
        for cls in ("rcm:Agreement", "prov:Entity"):  # range, and its superclass
            assert inferred(f"{a} a {cls}"), cls
        # a datatype (the range of rcm:position) is never made a class of anything
        assert store.query("SELECT ?x ?c WHERE { ?x a ?c FILTER(STRSTARTS(STR(?c), STR(xsd:))) }").rows == []


def test_registry_is_rebased_under_another_base(reports: Path):
    base = "https://example.org/kg/"
    with LocalStore(None, base=base) as store:
        store.load([])
        names = GraphNames.for_base(base)
        assert names.registry in store.graphs()
        assert store.query(f"ASK {{ <{base}id/org/iom> a rcm:Organisation }}").boolean
        assert not store.query(f"ASK {{ <{DEFAULT_BASE}id/org/iom> ?p ?o }}").boolean
        # the ontology's own namespace never moves
        assert store.query("ASK { rcm:Meeting a owl:Class }").boolean


def test_read_only_open_of_a_missing_store_says_what_to_do(tmp_path: Path):
    with pytest.raises(StoreError, match="rcmkg load"):
        LocalStore(tmp_path / "nowhere", read_only=True)


def test_open_store_takes_one_source():
    with pytest.raises(UsageError, match="only one"):
        open_store(Settings(), store="x", endpoint="http://127.0.0.1:1/query")
    remote = open_store(Settings(endpoint="http://127.0.0.1:1/sparql"))
    assert isinstance(remote, RemoteStore) and remote.graph_store == "http://127.0.0.1:1/store"


def test_remote_credentials_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("RCMKG_ENDPOINT_USER", "ana")
    monkeypatch.setenv("RCMKG_ENDPOINT_PASSWORD", "s3cret")
    monkeypatch.delenv("RCMKG_ENDPOINT_TOKEN", raising=False)
    assert RemoteStore("http://127.0.0.1:1/query").auth_headers() == {"Authorization": "Basic YW5hOnMzY3JldA=="}
    monkeypatch.setenv("RCMKG_ENDPOINT_TOKEN", "tok")
    assert RemoteStore("http://127.0.0.1:1/query").auth_headers() == {"Authorization": "Bearer tok"}


def test_unreachable_endpoint_is_a_store_error():
    from conftest import free_port

    with pytest.raises(StoreError, match="cannot reach"):
        RemoteStore(f"http://127.0.0.1:{free_port()}/query", timeout=2).query("ASK {}")


def test_remote_store_gets_the_same_graphs(oxigraph_server: str, reports: Path):
    remote = RemoteStore(oxigraph_server + "/query")
    with LocalStore(None) as local:
        local.load([reports])
        assert len(push(local, remote.endpoint, graphs=local.graphs()).verified) == len(local.graphs())
        assert set(local.graphs()) <= set(remote.graphs())
        q = "SELECT ?m ?d WHERE { ?m a schema:Event ; schema:startDate ?d } ORDER BY ?d"
        assert remote.query(q).rows == local.query(q).rows


# --- the CLI --------------------------------------------------------------------------------------------


def test_load_command_reports_and_reloads(runner, tmp_path: Path, reports: Path):
    store = tmp_path / "store"
    first = runner.invoke(cli, ["load", str(reports), "--store", str(store)])
    assert first.exit_code == 0, first.output
    assert "2 loaded, 0 replaced, 0 unchanged" in first.stderr
    again = runner.invoke(cli, ["load", str(reports), "--store", str(store)])
    assert "0 loaded, 0 replaced, 2 unchanged" in again.stderr
    shutil.copy(reports / "a.ttl", tmp_path / "bad.ttl")
    (tmp_path / "bad.ttl").write_text("@prefix x: <http://x/> . x:a x:b x:c .", encoding="utf-8")
    bad = runner.invoke(cli, ["load", str(tmp_path / "bad.ttl"), "--store", str(store)])
    assert bad.exit_code == 1 and "bad.ttl" in bad.stderr


def test_convert_load_fills_the_store(runner, tmp_path: Path):
    from conftest import REPORTS

    out, store = tmp_path / "rdf", tmp_path / "store"
    res = runner.invoke(cli, ["convert", str(REPORTS), "--out", str(out), "--jobs", "1", "--quiet",
                              "--load", "--store", str(store)])
    assert res.exit_code == 0, res.output
    with LocalStore(store, read_only=True) as s:
        assert len(s.report_graphs()) == len(list(out.glob("*.ttl")))


def _inferred(store: LocalStore) -> set[tuple[str, str, str]]:
    res = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{NAMES.inferred}> {{ ?s ?p ?o }} }}")
    return {(r["s"].n3(), r["p"].n3(), r["o"].n3()) for r in res.rows}


def test_incremental_entailments_equal_a_full_recompute(tmp_path: Path, reports: Path):
    with LocalStore(tmp_path / "store") as store:
        store.load([reports])
        # the changed report drops its stage event and names a new organisation as addressee
        changed = report_ttl("2017-06-21", track="repatriation-protocol").replace("<org/rcm-ts>", "<org/iom>")
        (reports / "b.ttl").write_text(changed, encoding="utf-8")
        summary = store.load([reports])
        assert summary.replaced == ["b.ttl"]
        incremental = _inferred(store)
        assert ("<" + BASE + "id/org/iom>", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
                "<http://www.w3.org/ns/prov#Agent>") in incremental or store.query(
                    "ASK { <https://w3id.org/rcmkg/id/org/iom> a prov:Agent }").boolean
        stage = f"<{BASE}id/track/rcm-glossary/stage/rcm-lon-smtp/2017-06-21/drafted>"
        assert not any(t[0] == stage for t in incremental)  # entailments of the removed event are gone
        store.infer()  # full recompute
        assert _inferred(store) == incremental


def test_ontology_closure_cache_hits_across_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Each load names the ontology's blank nodes afresh; the cache key must not depend on them.
    cache = tmp_path / "cache"
    monkeypatch.setenv("RCMKG_CACHE_DIR", str(cache))
    for _ in range(2):
        with LocalStore(None) as store:
            store.load([])
            assert store.count(store.names.closure) > 0
    assert len(list(cache.glob("tbox-*.nt"))) == 1


def test_derived_entries_are_found_by_the_start_of_their_value_without_reading_it():
    """``DerivedIndex.subjects``: the entries of a key whose value starts with a format line (a
    newline, quotes and backslashes in it are matched as they are), none while a load is under way."""
    with LocalStore(None) as store:
        index = store.index
        key = "urn:rcmkg:test-entry"
        fmt = 'rcmkg-test-2 "q" \\ \n'
        index.set("https://example.org/a", key, fmt + "[1]")
        index.set("https://example.org/b", key, "rcmkg-test-1\n[1]")  # an older format
        index.set("https://example.org/c", key, fmt[:-1] + "[1]")  # the line without its newline
        index.set("https://example.org/d", "urn:rcmkg:other", fmt + "[1]")  # another key
        assert index.subjects(key, fmt) == {"https://example.org/a"}
        assert index.subjects(key) == {"https://example.org/a", "https://example.org/b", "https://example.org/c"}
        index.set_untrusted(True)
        assert index.subjects(key, fmt) == set()
