"""Item traces and commitments: resolving names, timelines, follow-up status, formats, HTML."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from builders import report_ttl as _report  # the synthetic reports of tests/builders.py

from rcmkg.cli import cli
from rcmkg.errors import NotFound, UsageError
from rcmkg.publish.push import push
from rcmkg.publish.views.timeline import standalone_html as render_html
from rcmkg.store.load import open_data
from rcmkg.store.local import LocalStore
from rcmkg.store.remote import RemoteStore
from rcmkg.text import normalise
from rcmkg.trace.commitments import commitments_table
from rcmkg.trace.lookup import commitments, trace
from rcmkg.trace.resolve import (
    AmbiguousItem,
    Candidate,
    Named,
    choose,
    label_score,
    match_names,
    resolve_actor,
    resolve_item,
)

BASE = "https://w3id.org/rcmkg/"
WORK_PLAN = "work-plan-migrant-smuggling"


@pytest.fixture(scope="module")
def samples(converted: Path) -> LocalStore:
    return open_data([converted])


# --- matching names ------------------------------------------------------------------------------------


def test_normalise_folds_case_accents_and_punctuation():
    assert normalise("  Protocolo de REPATRIACIÓN, “víctimas” ") == "protocolo de repatriacion victimas"


def test_label_scores():
    assert label_score("Plan de Trabajo", "plan de trabajo") == 1.0
    assert label_score("repatriation protocol", "Regional Protocol for the Repatriation of Victims of Trafficking") > 0.6
    assert label_score("repatriaton protocl", "Regional Repatriation Protocol") > 0.6  # typos
    assert label_score("glossary", "Regional Repatriation Protocol") == 0.0


def test_choose_exact_fuzzy_ambiguous_and_missing():
    a, b = Named("http://x/a", "a", "A"), Named("http://x/b", "b", "B")
    assert choose("x", [Candidate(a, 1.0, "x"), Candidate(b, 0.9, "x y")]) == a
    with pytest.raises(AmbiguousItem) as err:
        choose("x", [Candidate(a, 0.8, "x y"), Candidate(b, 0.78, "x z")])
    assert [c.thing.slug for c in err.value.candidates] == ["a", "b"]
    assert isinstance(err.value, UsageError) and err.value.exit_code == 2
    with pytest.raises(NotFound):
        choose("x", [])
    assert [c.thing.slug for c in match_names("x y", [(a, "x y"), (b, "q")])] == ["a"]


@pytest.mark.parametrize("text, slug", [
    ("repatriation protocol", "repatriation-protocol"),
    ("Regional Repatriation Protocol", "repatriation-protocol"),
    ("PROTOCOLO DE REPATRIACION", "repatriation-protocol"),
    ("protocolo de repatriación", "repatriation-protocol"),
    ("plan de trabajo", WORK_PLAN),
    ("Plan de Trabajo", WORK_PLAN),
    ("Work plan", WORK_PLAN),
    ("work plan on migrant smuggling", WORK_PLAN),
    ("glosario", "rcm-glossary"),
    ("Glosario de la CRM", "rcm-glossary"),
    ("rcm-glossary", "rcm-glossary"),
    (WORK_PLAN, WORK_PLAN),
    (BASE + "id/track/rcm-glossary", "rcm-glossary"),
    (BASE + "id/doc/" + WORK_PLAN, WORK_PLAN),  # a document leads to its tracked item
])
def test_resolve_item(samples, text: str, slug: str):
    assert resolve_item(samples, text).slug == slug


def test_resolve_item_ambiguous_lists_candidates(samples):
    with pytest.raises(AmbiguousItem) as err:
        resolve_item(samples, "guidelines")
    slugs = {c.thing.slug for c in err.value.candidates}
    assert {"migrant-women-guidelines", "vulnerable-migrants-guidelines"} <= slugs
    assert "migrant-women-guidelines" in str(err.value)


def test_resolve_item_unknown(samples):
    with pytest.raises(NotFound):
        resolve_item(samples, "space elevator")
    with pytest.raises(NotFound):
        resolve_item(samples, BASE + "id/track/nothing-here")


def test_resolve_actor(samples):
    assert resolve_actor(samples, "IOM").iri == BASE + "id/org/iom"
    assert resolve_actor(samples, "CR").iri == BASE + "id/country/CR"
    assert resolve_actor(samples, "Technical Secretariat").iri == BASE + "id/org/rcm-ts"
    assert resolve_actor(samples, "organización internacional para las migraciones").iri == BASE + "id/org/iom"
    # a post, not an organisation: still an actor commitments can be asked about
    assert resolve_actor(samples, "Presidency Pro Tempore").iri == BASE + "id/org/rcm-ppt"
    assert resolve_actor(samples, "PPT").iri == BASE + "id/org/rcm-ppt"


# --- the timeline ----------------------------------------------------------------------------------------


def test_trace_of_the_work_plan(samples):
    t = trace(samples, WORK_PLAN)
    dates = [r.date for r in t.rows]
    assert dates == ["2016-11-15", "2017-06-21", "2017-11-27", "2018-07-19"]  # one row per meeting, in date order
    # the stages the reports give: elaboration planned three times, then the workshop draft and its review
    assert [{(s.stage, s.modality) for s in r.stages} for r in t.rows] == [
        {("in-preparation", "planned")}, {("in-preparation", "planned")}, {("in-preparation", "planned")},
        {("drafted", "done"), ("circulated-for-review", "requested")},
    ]
    last = t.rows[-1]
    assert last.date == "2018-07-19" and last.place == "Panama City, PA"
    stages = {(s.stage, s.modality) for s in last.stages}
    assert ("drafted", "done") in stages and ("circulated-for-review", "requested") in stages
    assert last.stage == "drafted" and last.modality == "done"  # furthest stage done
    assert "3.b" in last.agreements
    assert any(c.due == "2018-08-09" and c.actor == "Technical Secretariat" for c in last.commitments)
    assert "Technical Secretariat" in last.actors
    assert last.quote and last.source.endswith(".txt")
    assert t.current.stage == "drafted"


def test_trace_rows_are_the_meetings_the_trace_query_finds(samples):
    from rcmkg.sparql.catalogue import run_query

    for slug in (WORK_PLAN, "regional-coalition", "legislation-matrices"):
        rows = run_query(samples, "trace", {"item": slug})
        assert {r.date for r in trace(samples, slug).rows} == set(rows.values("date")), slug


def test_trace_lists_a_meeting_that_deals_with_the_item_outside_its_agreements(samples):
    # 2017-06-21's excerpt names the Regional Coalition only in its annexed slides
    row = next(r for r in trace(samples, "regional-coalition").rows if r.date == "2017-06-21")
    assert row.agreements == [] and row.stages == [] and row.place == "San Salvador, SV"
    assert "(outside the agreements)" in trace(samples, "regional-coalition").to_table()


def test_trace_without_stage_events_falls_back_to_agreements(tmp_path: Path):
    (tmp_path / "r.ttl").write_text(_report("2019-05-02", items=[("1", "rcm-glossary", "To thank the TS.", None)]),
                                    encoding="utf-8")
    store = open_data([tmp_path])
    t = trace(store, "rcm-glossary")
    assert [(r.date, r.agreements, r.stage) for r in t.rows] == [("2019-05-02", ["1"], None)]
    assert t.rows[0].quote == "To thank the TS."
    assert "(mentioned)" in t.to_table()


def test_trace_formats(samples):
    t = trace(samples, WORK_PLAN)
    doc = json.loads(t.to_json())
    assert doc["item"]["slug"] == WORK_PLAN
    assert [m["date"] for m in doc["meetings"]] == [r.date for r in t.rows]
    assert {"date", "place", "agreements", "stage", "modality", "actors", "commitments", "quote", "source"} <= set(doc["meetings"][0])
    md = t.to_markdown()
    assert md.count("\n| 20") == len(t.rows) and "| date | place | agreement | stage |" in md
    table = t.to_table()
    assert table.splitlines()[2].split()[:3] == ["date", "place", "agreement"]


def test_trace_is_the_same_through_an_endpoint(samples, oxigraph_server: str):
    remote = RemoteStore(oxigraph_server + "/query")
    push(samples, remote.endpoint, graphs=samples.graphs())
    assert trace(remote, resolve_item(remote, "plan de trabajo")).to_json() == trace(samples, WORK_PLAN).to_json()


# --- the HTML page ---------------------------------------------------------------------------------------


def test_html_is_self_contained_and_has_a_timeline(samples):
    html = render_html(trace(samples, WORK_PLAN))
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "<circle" in html
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)=["']https?://""", html)  # nothing fetched from elsewhere
    assert html.count("<circle") == len(trace(samples, WORK_PLAN).rows)
    assert "<title>19 July 2018 · Panama City, PA" in html  # hover text on the dot, its date for people


def test_html_escapes_report_text(tmp_path: Path):
    evil = 'To thank <script>alert(1)</script> & "friends".'
    (tmp_path / "r.ttl").write_text(_report("2019-05-02", items=[("1", "rcm-glossary", evil, None)]), encoding="utf-8")
    html = render_html(trace(open_data([tmp_path]), "rcm-glossary"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- commitments -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def promises_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three meetings. 2018: the TS promises the glossary (due 2018-03-01), IOM the repatriation
    protocol (due 2018-02-01), Mexico the indicators (no due date). 2019: an agreement on the
    glossary thanks the TS for circulating it (evidence: fulfilled), and a stage of the indicators is
    reported (not evidence of the presenting). 2020: nothing on the protocol: not fulfilled."""
    folder = tmp_path_factory.mktemp("promises")
    (folder / "a.ttl").write_text(_report("2018-01-10", [
        ("1", "rcm-glossary", "The TS will circulate the glossary.", {"actor": "rcm-ts", "action": "circulate the glossary", "due": "2018-03-01"}),
        ("2", "repatriation-protocol", "IOM will translate the protocol.", {"actor": "iom", "action": "translate the protocol", "due": "2018-02-01"}),
        ("3", "smuggling-protocol-indicators", "UNODC will present the indicators.", {"actor": "unodc", "action": "present the indicators"}),
    ]), encoding="utf-8")
    (folder / "b.ttl").write_text(_report("2019-06-01", [
        ("1", "rcm-glossary", "To thank the TS for circulating the glossary.", {"actor": "rcm-ts", "action": "update it"}),
        ("2", "smuggling-protocol-indicators", "To take note of the indicators.", None),
    ], stages=[("smuggling-protocol-indicators", "submitted")]), encoding="utf-8")
    (folder / "c.ttl").write_text(_report("2020-06-01", [("1", None, "Other business.", None)]), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def promises(promises_dir: Path) -> LocalStore:
    return open_data([promises_dir])  # no commitments index: computed


def _status(rows) -> dict[str, str]:
    return {r.action: r.status for r in rows}


def test_commitment_status_depends_on_the_date(promises):
    early = commitments(promises, as_of="2018-01-20")
    assert _status(early) == {"circulate the glossary": "unknown", "translate the protocol": "unknown",
                              "present the indicators": "unknown"}
    mid = commitments(promises, as_of="2018-12-31")
    assert _status(mid) == {"circulate the glossary": "not-fulfilled", "translate the protocol": "not-fulfilled",
                            "present the indicators": "unknown"}
    late = {r.action: r for r in commitments(promises, as_of="2021-01-01")}
    assert late["circulate the glossary"].status == "fulfilled"
    assert late["circulate the glossary"].evidence_date == "2019-06-01"
    assert late["circulate the glossary"].evidence_label.startswith("agreement 1")
    assert late["circulate the glossary"].evidence_quote == "To thank the TS for circulating the glossary."
    assert late["present the indicators"].status == "unknown"  # a stage of the item is not evidence
    assert late["translate the protocol"].status == "not-fulfilled" and late["translate the protocol"].overdue
    assert late["update it"].status == "unknown"  # nothing after 2019 on the glossary
    # commitments made after --as-of do not exist yet
    assert "update it" not in _status(commitments(promises, as_of="2019-01-01"))


def test_commitment_filters(promises):
    as_of = "2021-01-01"
    assert _status(commitments(promises, actor="IOM", as_of=as_of)) == {"translate the protocol": "not-fulfilled"}
    assert set(_status(commitments(promises, item="glosario", as_of=as_of))) == {"circulate the glossary", "update it"}
    assert set(_status(commitments(promises, due_before="2018-02-15", as_of=as_of))) == {"translate the protocol"}
    assert set(_status(commitments(promises, status="fulfilled", as_of=as_of))) == {"circulate the glossary"}
    assert set(_status(commitments(promises, status="open", as_of=as_of))) == {"translate the protocol", "present the indicators",
                                                                               "update it"}
    with pytest.raises(UsageError):
        commitments(promises, status="late")
    with pytest.raises(UsageError):
        commitments(promises, as_of="last week")


def test_commitment_rows_carry_the_evidence(samples):
    rows = commitments(samples, as_of="2019-01-01")
    assert rows and all(r.date <= "2019-01-01" for r in rows)
    for r in rows:
        assert r.action and r.meeting.startswith(BASE + "id/meeting/") and r.source.endswith(".txt")
        if r.status in ("fulfilled", "in-progress"):
            assert r.date < r.evidence_date <= "2019-01-01" and r.evidence_quote
        if r.status == "not-fulfilled":
            assert r.due and r.due < "2019-01-01" and r.evidence is None
    dated = [r for r in rows if r.due == "2018-08-09"]
    assert dated and dated[0].actors == ["Technical Secretariat"] and dated[0].quote


def test_commitment_formats(promises):
    rows = commitments(promises, as_of="2021-01-01")
    doc = json.loads(commitments_table(rows, "json"))
    assert {d["action"] for d in doc} == set(_status(rows))
    csv_text = commitments_table(rows, "csv")
    assert csv_text.startswith("date,meeting,agreement,actor,action,recipient,due,status") and csv_text.count("\r\n") == len(rows) + 1
    assert commitments_table(rows, "markdown").startswith("| date | agreement | actor |")
    assert ("(4 commitments: 1 fulfilled, 0 partly-fulfilled, 0 in-progress, 1 not-fulfilled, 0 superseded, 2 unknown)"
            in commitments_table(rows, "table"))


# --- the commands ----------------------------------------------------------------------------------------


def test_trace_command(runner, converted: Path, tmp_path: Path):
    html = tmp_path / "out" / "wp.html"
    res = runner.invoke(cli, ["trace", "plan", "de", "trabajo", "--data", str(converted), "--html", str(html)])
    assert res.exit_code == 0, res.output
    assert WORK_PLAN in res.stdout and "2018-07-19" in res.stdout
    assert html.is_file() and "<svg" in html.read_text(encoding="utf-8")
    js = runner.invoke(cli, ["trace", WORK_PLAN, "--data", str(converted), "--format", "json"])
    assert json.loads(js.stdout)["item"]["slug"] == WORK_PLAN
    md = runner.invoke(cli, ["trace", "repatriation protocol", "--data", str(converted), "-f", "markdown"])
    assert md.exit_code == 0 and md.stdout.startswith("## ")


def test_trace_command_errors(runner, converted: Path):
    amb = runner.invoke(cli, ["trace", "guidelines", "--data", str(converted)])
    assert amb.exit_code == 2 and "migrant-women-guidelines" in amb.stderr
    missing = runner.invoke(cli, ["trace", "space elevator", "--data", str(converted)])
    assert missing.exit_code == 1 and "no tracked item" in missing.stderr


def test_commitments_command(runner, converted: Path):
    res = runner.invoke(cli, ["commitments", "--data", str(converted), "--as-of", "2019-01-01", "--status", "overdue",
                              "--format", "csv"])
    assert res.exit_code == 0, res.output
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and {r["status"] for r in rows} == {"not-fulfilled"} and {r["overdue"] for r in rows} == {"yes"}
    assert all(r["due"] < "2019-01-01" for r in rows)
    js = runner.invoke(cli, ["commitments", "--data", str(converted), "--actor", "IOM", "--as-of", "2019-01-01", "-f", "json"])
    assert {d["actors"][0] for d in json.loads(js.stdout)} == {"International Organization for Migration"}
    bad = runner.invoke(cli, ["commitments", "--data", str(converted), "--as-of", "yesterday"])
    assert bad.exit_code == 2


# --- the timeline index ------------------------------------------------------------------------------------


def _loaded(tmp_path: Path, source: Path) -> tuple[Path, Path]:
    """A copy of ``source`` (to change) loaded by ``rcmkg load`` into a store: (folder, store path)."""
    from rcmkg.settings import Settings
    from rcmkg.store.load import load_paths

    folder, path = tmp_path / "rdf", tmp_path / "store"
    shutil.copytree(source, folder)
    load_paths([folder], Settings(store=str(path)))
    return folder, path


def test_timeline_index_is_current_or_absent(tmp_path: Path, converted: Path):
    from rcmkg.index.timelines import TIMELINE
    from rcmkg.settings import Settings
    from rcmkg.store.load import load_paths
    from rcmkg.trace.timeline import compute_timelines

    rdf, path = _loaded(tmp_path, converted)
    with LocalStore(path) as store:
        track = resolve_item(store, WORK_PLAN)
        assert store.index.get(track.iri, TIMELINE) is not None
        assert trace(store, track).to_json() == compute_timelines(store, [track])[track.iri].to_json()
        assert len(store.index.entries(TIMELINE)) == len(store.query("SELECT ?t WHERE { ?t a rcm:TrackedItem }").rows)
        # derived entries are not data: no query sees them
        assert not store.query(f"ASK {{ ?t <{TIMELINE}> ?d }}").boolean
        assert not store.query("ASK { GRAPH ?g { ?t <urn:rcmkg:commitments> ?d } }").boolean
        # a changed report that mentions the item drops its entry; items it does not mention keep theirs
        last = rdf / "rcm-lon-smtp_2018-07-19.ttl"
        last.write_text(last.read_text(encoding="utf-8").replace("To thank Mexico", "To thank México"), encoding="utf-8")
        store.load([rdf])
        assert store.index.get(track.iri, TIMELINE) is None
        assert store.index.get(resolve_item(store, "repatriation-protocol").iri, TIMELINE) is not None
        live = trace(store, track)  # computed, from the new content
        assert live.to_json() == compute_timelines(store, [track])[track.iri].to_json()
    load_paths([rdf], Settings(store=str(path)))  # refreshes what is missing
    with LocalStore(path, read_only=True) as store:
        assert store.index.get(track.iri, TIMELINE) is not None
        assert trace(store, track).to_json() == live.to_json()


def test_trace_reads_the_index_and_it_holds_the_computed_timelines(tmp_path: Path, converted: Path, promises_dir: Path):
    from rcmkg.index.timelines import TIMELINE
    from rcmkg.trace.resolve import tracked_items
    from rcmkg.trace.timeline import compute_timelines, mark_dormancy

    kinds = set()  # (a stage's quote is its row's, has none, has its own), over both archives
    for source in (converted, promises_dir):
        _folder, path = _loaded(tmp_path / source.name, source)
        with LocalStore(path) as store:
            items = tracked_items(store)
            # what trace() answers: the computed timelines, with dormancy worked out for the archive as loaded
            computed = {iri: mark_dormancy(store, t, 2, 24) for iri, t in compute_timelines(store, list(items.values())).items()}
            assert len(items) >= 3 and len(store.index.entries(TIMELINE)) == len(items)
            # read through the index, every item's timeline is the computed one, stage quotes included
            assert {iri: trace(store, t).to_json() for iri, t in items.items()} == {i: t.to_json() for i, t in computed.items()}
            kinds |= {(m.quote == r.quote, m.quote is None) for t in computed.values() for r in t.rows for m in r.stages}
            # and trace does read the index: an item given another item's entry shows that item's rows
            plan, other = resolve_item(store, "glossary"), resolve_item(store, "repatriation-protocol")
            assert computed[plan.iri].to_dict()["meetings"] != computed[other.iri].to_dict()["meetings"]
            store.index.set(plan.iri, TIMELINE, store.index.get(other.iri, TIMELINE))
            assert trace(store, plan).to_dict()["meetings"] == computed[other.iri].to_dict()["meetings"]
    assert kinds >= {(True, False), (False, True), (False, False)}


def test_a_damaged_timeline_entry_is_computed_and_rewritten_by_the_next_load(tmp_path: Path, converted: Path):
    from rcmkg.index.timelines import TIMELINE, refresh_timelines
    from rcmkg.settings import Settings
    from rcmkg.store.load import load_paths

    rdf, path = _loaded(tmp_path, converted)
    with LocalStore(path) as store:
        track, other = resolve_item(store, WORK_PLAN), resolve_item(store, "repatriation-protocol")
        good, kept = store.index.get(track.iri, TIMELINE), store.index.get(other.iri, TIMELINE)
        assert good and kept
        want = trace(store, track).to_json()
        assert len(trace(store, track).rows) == 4
        # cut short, cut in half, behind a foreign first line (as another version's), empty, not an entry
        for damaged in (good[:-20], good[: len(good) // 2], "x" + good, "", "not an entry"):
            store.index.set(track.iri, TIMELINE, damaged)
            assert trace(store, track).to_json() == want, damaged[:40]  # computed, not read as empty or partial
            assert refresh_timelines(store) == 1, damaged[:40]  # what a load does: only that entry is rewritten
            assert store.index.get(track.iri, TIMELINE) == good  # as a fresh load writes it
            assert store.index.get(other.iri, TIMELINE) == kept
        store.index.set(track.iri, TIMELINE, good[:-20])
    # The next `rcmkg load`, with nothing changed, keeps the entries of the last (it looks at their
    # format only: decoding them all costs seconds at 10,000 reports); the damaged one is still not
    # read as an answer, and the first load that changes a report about the item writes it anew.
    load_paths([rdf], Settings(store=str(path)))
    with LocalStore(path, read_only=True) as store:
        assert store.index.get(track.iri, TIMELINE) == good[:-20]
        assert trace(store, track).to_json() == want
    slug = track.iri.rstrip("/").rsplit("/", 1)[-1]
    about = next(f for f in sorted(rdf.glob("*.ttl")) if slug in f.read_text(encoding="utf-8"))
    about.write_text(about.read_text(encoding="utf-8") + f'\n<{track.iri}> <urn:test:p> "touched" .\n', encoding="utf-8")
    summary = load_paths([rdf], Settings(store=str(path)))
    assert summary.replaced == [about.name]
    with LocalStore(path, read_only=True) as store:
        assert store.index.get(track.iri, TIMELINE) == good
        assert trace(store, track).to_json() == want


# --- the commitments index ---------------------------------------------------------------------------


def _listing(rows) -> list[dict]:
    return [r.to_dict() for r in rows]


QUESTIONS = [
    {}, {"actor": "IOM"}, {"actor": "rcm-ts"}, {"item": "glosario"}, {"item": WORK_PLAN}, {"due_before": "2018-02-15"},
    {"status": "open"}, {"status": "overdue"}, {"status": "fulfilled"}, {"actor": "TS", "status": "fulfilled"},
    {"status": "unknown"},
]


@pytest.mark.parametrize("source", ["promises", "samples"])
def test_commitments_index_gives_the_computed_rows(tmp_path: Path, source: str, promises_dir: Path, converted: Path,
                                                    request: pytest.FixtureRequest):
    from rcmkg.index.commitments import COMMITMENTS
    from rcmkg.store.local import ARCHIVE

    computed = request.getfixturevalue(source)
    _folder, path = _loaded(tmp_path, promises_dir if source == "promises" else converted)
    with LocalStore(path, read_only=True) as store:
        assert store.index.get(ARCHIVE, COMMITMENTS) is not None
        asked = 0
        for question in QUESTIONS:
            for as_of in ("2016-01-01", "2018-01-20", "2018-12-31", "2019-06-01", "2021-01-01"):
                try:
                    want = _listing(commitments(computed, as_of=as_of, **question))
                except NotFound:
                    continue  # an actor or item this archive does not have
                assert _listing(commitments(store, as_of=as_of, **question)) == want, (question, as_of)
                asked += bool(want)
        assert asked >= 20  # most questions have an answer to compare


def test_commitments_index_is_dropped_by_a_changed_report(tmp_path: Path, promises_dir: Path):
    from rcmkg.index.commitments import COMMITMENTS, refresh_commitments
    from rcmkg.store.local import ARCHIVE

    folder, path = _loaded(tmp_path, promises_dir)
    with LocalStore(path) as store:
        assert store.index.get(ARCHIVE, COMMITMENTS) is not None
        assert refresh_commitments(store) is False  # current: nothing to do
        late = folder / "c.ttl"
        late.write_text(_report("2020-06-01", [
            ("1", "repatriation-protocol", "To thank IOM for the translated protocol.", {"actor": "iom", "action": "print it"}),
        ]), encoding="utf-8")
        store.load([folder])
        assert store.index.get(ARCHIVE, COMMITMENTS) is None  # stale: gone
        live = {r.action: r for r in commitments(store, as_of="2021-01-01")}
        assert live["translate the protocol"].status == "fulfilled"  # by the changed report
        assert live["translate the protocol"].evidence_date == "2020-06-01"
        assert refresh_commitments(store) is True
        good = store.index.get(ARCHIVE, COMMITMENTS)
        assert good is not None
        assert _listing(commitments(store, as_of="2021-01-01")) == _listing(live.values())
        # a damaged entry is not trusted: the rows are computed, and the next load writes it again
        for damaged in (good[:-40], good[: len(good) // 2], "x" + good, "", "not an entry"):
            store.index.set(ARCHIVE, COMMITMENTS, damaged)
            assert _listing(commitments(store, as_of="2021-01-01")) == _listing(live.values()), damaged[:40]
            assert refresh_commitments(store) is True, damaged[:40]
            assert store.index.get(ARCHIVE, COMMITMENTS) == good
        assert refresh_commitments(store, rebuild=True) is True
        assert store.index.get(ARCHIVE, COMMITMENTS) == good


def test_a_load_cut_short_leaves_no_stale_entry(tmp_path: Path, converted: Path, monkeypatch: pytest.MonkeyPatch):
    from rcmkg.index.commitments import COMMITMENTS
    from rcmkg.index.timelines import TIMELINE
    from rcmkg.store.generations import current
    from rcmkg.store.local import ARCHIVE, INDEX_DIR

    rdf, path = _loaded(tmp_path, converted)
    assert (current(path) / INDEX_DIR / "CURRENT").is_file()  # the index lives in the store's (generation) folder
    last = rdf / "rcm-lon-smtp_2018-07-19.ttl"
    last.write_text(last.read_text(encoding="utf-8").replace("To thank Mexico", "To thank México"), encoding="utf-8")

    def crash(*_args: object, **_kwargs: object) -> int:
        raise KeyboardInterrupt  # the load stops after the report is in, before the index is settled

    with LocalStore(path) as store:
        monkeypatch.setattr(store, "infer", crash)
        with pytest.raises(KeyboardInterrupt):
            store.load([rdf])
    with LocalStore(path, read_only=True) as store:
        # untrusted: nothing is read from it, not even the entries of items the report does not touch
        assert store.index.get(ARCHIVE, COMMITMENTS) is None and store.index.entries(TIMELINE) == []
        assert store.index.get(resolve_item(store, "repatriation-protocol").iri, TIMELINE) is None
        assert [r.date for r in trace(store, WORK_PLAN).rows][-1] == "2018-07-19"  # computed
    with LocalStore(path) as store:
        summary = store.load([rdf])  # the next load drops every entry (some may be stale), and infers again
        assert summary.unchanged and not summary.changed and summary.inferred > 0
        assert store.index.entries(TIMELINE) == [] and store.index.get(ARCHIVE, COMMITMENTS) is None
        assert store.query('ASK { ?a rcm:text ?t FILTER(CONTAINS(?t, "To thank México")) }').boolean


def test_a_store_without_an_index_is_computed(tmp_path: Path, converted: Path):
    from rcmkg.store.generations import current
    from rcmkg.store.local import INDEX_DIR

    _rdf, path = _loaded(tmp_path, converted)
    shutil.rmtree(current(path) / INDEX_DIR)  # as a store loaded by an older rcmkg
    with LocalStore(path, read_only=True) as store:
        assert [r.date for r in trace(store, WORK_PLAN).rows] == ["2016-11-15", "2017-06-21", "2017-11-27", "2018-07-19"]
        assert commitments(store, as_of="2019-01-01")


def test_resolve_item_prefers_the_one_the_reports_deal_with(samples, tmp_path):
    """Two registry items fit "protocolo de repatriación"; on the samples only one has agreements, so it
    is chosen; with no report loaded, both are candidates."""
    assert resolve_item(samples, "protocolo de repatriación").slug == "repatriation-protocol"
    empty = open_data([tmp_path])
    with pytest.raises(AmbiguousItem) as err:
        resolve_item(empty, "protocolo de repatriación")
    assert {c.thing.slug for c in err.value.candidates} >= {"repatriation-protocol", "child-repatriation-protocol"}


# What mark_dormancy asked the store in one pattern before: every meeting of the archive joined to
# every row (cubic; at 10,000 reports an item's trace did not finish). The reference it must agree with.
_QUIET_IN_ONE = """SELECT ?body (COUNT(DISTINCT ?later) AS ?n) (MAX(?any) AS ?last) WHERE {{
  VALUES ?dealt {{ {meetings} }}
  ?dealt schema:organizer ?body .
  OPTIONAL {{ ?later schema:organizer ?body ; schema:startDate ?d . FILTER(?d > {after}) }}
  OPTIONAL {{ ?m a rcm:Meeting ; schema:startDate ?any }}
}} GROUP BY ?body"""


@pytest.mark.parametrize("which", ["samples", "promises"])
def test_dormancy_agrees_with_the_one_pattern_query(which, request):
    from dataclasses import replace

    from rcmkg.sparql.bind import sparql_value
    from rcmkg.trace.resolve import tracked_items
    from rcmkg.trace.timeline import compute_timelines, mark_dormancy, months_between

    store = request.getfixturevalue(which)
    cases = 0
    for t in compute_timelines(store, list(tracked_items(store).values())).values():
        # the whole timeline, and cut after each meeting: the item last came up earlier, so later meetings count
        for k in range(1, len(t.rows) + 1):
            cut = replace(t, rows=t.rows[:k])
            last = cut.last_dealt_with
            rows = store.query(_QUIET_IN_ONE.format(meetings=" ".join(sparql_value(m) for m in sorted({r.meeting for r in cut.rows})),
                                                    after=f'"{last}"^^xsd:date')).rows
            later = max((int(r["n"].value) for r in rows if r.get("n") is not None), default=0)
            archive_last = max((r["last"].value for r in rows if r.get("last") is not None), default=last)
            got = mark_dormancy(store, cut, 2, 24)
            dormant = later >= 2 or months_between(last, archive_last) >= 24
            assert (got.later_meetings, got.archive_last, got.dormant) == (later, archive_last, dormant)
            cases += later > 0
    assert cases, "no cut with later meetings: the comparison would prove little"


def test_remembered_commitments_are_decoded_once_and_answer_the_same(tmp_path: Path, promises_dir: Path, monkeypatch):
    import msgspec

    from rcmkg.index import commitments as index

    _folder, path = _loaded(tmp_path, promises_dir)
    # statuses on other days: the same commitments, other answers
    asks = [{}, {"as_of": "2018-12-31"}, {"actor": "IOM"}, {"actor": "Mexico", "as_of": "2018-06-01"}, {"status": "open"}, {},
            {"actor": "IOM", "status": "fulfilled"}]
    with LocalStore(path, read_only=True) as store:
        plain = [msgspec.to_builtins(commitments(store, **a)) for a in asks]
        assert any(plain) and len({json.dumps(p) for p in plain}) > 2
        now, then = ({r[0]: r for r in p} for p in plain[:2])
        assert any(now[c] != then[c] for c in then)  # a commitment of both days stands otherwise on each
        decoded = []
        read, read_kept = index._read_commitments, index._read_kept
        monkeypatch.setattr(index, "_read_commitments", lambda s: decoded.append(1) or read(s))
        monkeypatch.setattr(index, "_read_kept", lambda s, keep: decoded.append(1) or read_kept(s, keep))
        with index.remembered():
            kept = [commitments(store, **a) for a in asks]
        # one decoding; each answer as without the memo, even after the later selections set the
        # status of their own rows (a country's share, a filter) on the same commitments
        assert len(decoded) == 1
        assert [msgspec.to_builtins(k) for k in kept] == plain
        commitments(store)
        assert len(decoded) == 2  # outside the block, read again
