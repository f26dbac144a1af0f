"""The stored page keys (:mod:`rcmkg.index.pages`): what ``rcmkg load`` stores for each canned
query's driving subquery is the driver's own answer, in its order, after a full load and after a
load that changed, moved (a new date) or removed a report; and the pages served from it are those
the SPARQL driver gives."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from rcmkg.index.pages import cached_answer, cached_keys, driver_key, drivers
from rcmkg.settings import DEFAULT_BASE, Settings
from rcmkg.sparql.catalogue import driver_text, load_queries, run_page
from rcmkg.store.load import load_paths
from rcmkg.store.local import ARCHIVE, LocalStore
from tests.builders import SparqlOnly, meeting_of, synthetic_rdf

REPORTS = 12



@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, converted: Path) -> list[Path]:
    """A synthetic archive and the sample reports, converted."""
    out = sorted(synthetic_rdf(tmp_path_factory.mktemp("pages"), REPORTS, 7, converted).glob("*.ttl"))
    assert len(out) > REPORTS
    return out


def _assert_current(folder: Path) -> None:
    """Every driver's entry is there and equals the driver run by the engine, row for row."""
    wanted = drivers()
    assert len(wanted) >= 2  # meetings by date, meetings by IRI, tracked items
    with LocalStore(folder, read_only=True) as store:
        for key, (text, _var) in wanted.items():
            got = cached_keys(store, text)
            assert got is not None, f"no stored keys for {text}"
            want = store.query(text)
            assert want.rows, text
            assert got.vars == want.vars and got.rows == want.rows, text
            assert store.index.get(ARCHIVE, key) is not None


def _pages(store: object, name: str, limit: int) -> list[list[dict]]:
    q = load_queries()[name]
    out, page = [], 1
    while True:
        p = run_page(store, q, {}, limit=limit, page=page)  # type: ignore[arg-type]
        out.append(p.result.rows)
        if not p.has_next:
            return out
        page += 1


def test_stored_keys_are_the_drivers_answer_and_give_the_same_pages(files: list[Path], tmp_path: Path):
    folder = tmp_path / "store"
    summary = load_paths(files, Settings(store=str(folder)))
    assert not summary.errors and summary.derived.get("page keys computed", 0) >= 2
    _assert_current(folder)
    paged = [n for n, q in load_queries().items() if driver_text(q) and n != "trace"]
    assert len(paged) >= 7
    with LocalStore(folder, read_only=True) as store:
        for name in paged:
            for limit in (1, 5):
                via_index = _pages(store, name, limit)
                assert via_index == _pages(SparqlOnly(store), name, limit), (name, limit)
                assert sum(len(p) for p in via_index) > 0, name


def test_a_driver_that_was_edited_is_run_by_the_engine(files: list[Path], tmp_path: Path):
    folder = tmp_path / "store"
    load_paths(files[:3], Settings(store=str(folder)))
    with LocalStore(folder, read_only=True) as store:
        text = next(iter(drivers().values()))[0]
        assert cached_keys(store, text) is not None
        assert cached_keys(store, text + "\n# the same, commented") is not None  # comments do not count
        edited = text.replace("ORDER BY", "ORDER BY DESC(?meeting)")
        assert driver_key(edited) != driver_key(text)
        assert cached_keys(store, edited) is None
        assert cached_keys(SparqlOnly(store), text) is None



def test_a_reload_updates_the_keys_for_the_changed_reports(files: list[Path], tmp_path: Path):
    folder, store_dir = tmp_path / "files", tmp_path / "store"
    folder.mkdir()
    for f in files:
        shutil.copy(f, folder / f.name)
    load_paths([folder], Settings(store=str(store_dir)))
    # a planted change: the first report's meeting moves to the end of the date order
    first = sorted(folder.glob("*.ttl"))[0]
    text = first.read_text(encoding="utf-8")
    moved, n = re.subn(r'schema:startDate "\d{4}-\d{2}-\d{2}"\^\^xsd:date', 'schema:startDate "2099-12-31"^^xsd:date', text)
    assert n >= 1
    first.write_text(moved, encoding="utf-8")
    summary = load_paths([folder], Settings(store=str(store_dir)))
    assert summary.changes is not None and len(summary.replaced) == 1
    assert summary.derived.get("page keys updated", 0) >= 2  # spliced, not recomputed
    _assert_current(store_dir)
    by_date = next(t for t, v in drivers().values() if "?date" in t and v == "meeting")
    with LocalStore(store_dir, read_only=True) as store:
        keys = cached_keys(store, by_date)
        assert keys is not None
        assert keys.rows[-1]["meeting"].value == meeting_of(first)
        assert keys.rows[-1]["date"].value == "2099-12-31"
    # a removed report: its meeting leaves the keys
    gone = sorted(folder.glob("*.ttl"))[1]
    gone_meeting = meeting_of(gone)
    gone.unlink()
    summary = load_paths([folder], Settings(store=str(store_dir)), prune=True)
    assert summary.removed and summary.derived.get("page keys updated", 0) >= 2
    _assert_current(store_dir)
    with LocalStore(store_dir, read_only=True) as store:
        keys = cached_keys(store, by_date)
        assert keys is not None and keys.rows
        assert gone_meeting not in {r["meeting"].value for r in keys.rows}


def _plant_outside_agreements(path: Path, track: str) -> None:
    """A planted case: the report's meeting deals with ``track`` outside its agreements (trace's
    second branch)."""
    meeting = meeting_of(path)
    with path.open("a", encoding="utf-8") as f:
        f.write(f"\n<{meeting}> <http://purl.org/dc/terms/subject> <{track}> .\n")


def _answers_match(folder: Path) -> int:
    """Each tracked item's stored trace equals the joined one; returns how many rows were compared."""
    q = load_queries()["trace"]
    assert q.stored
    compared = 0
    with LocalStore(folder, read_only=True) as store:
        keys = store.query(driver_text(q) or "")
        assert len(keys.rows) >= 5
        for row in keys.rows:
            item = {"item": row["item"].value}
            stored = cached_answer(store, q, row)
            assert stored is not None, row
            assert run_page(store, q, item, limit=1).result == stored
            joined = run_page(SparqlOnly(store), q, item, limit=1).result  # type: ignore[arg-type]
            assert stored.vars == joined.vars and stored.rows == joined.rows, row["item"].value
            compared += len(stored.rows)
    return compared


def test_stored_traces_are_the_joined_ones(files: list[Path], tmp_path: Path):
    folder, store_dir = tmp_path / "files", tmp_path / "store"
    folder.mkdir()
    for f in files:
        shutil.copy(f, folder / f.name)
    track = f"{DEFAULT_BASE}id/track/work-plan-migrant-smuggling"
    planted = sorted(folder.glob("*.ttl"))[2]
    _plant_outside_agreements(planted, track)
    load_paths([folder], Settings(store=str(store_dir)))
    assert _answers_match(store_dir) > 0
    with LocalStore(store_dir, read_only=True) as store:
        q = load_queries()["trace"]
        rows = run_page(store, q, {"item": "work-plan-migrant-smuggling"}, limit=1).result.rows
        mine = [r for r in rows if r["meeting"].value == meeting_of(planted)]
        assert mine and all("agreement" not in r for r in mine)  # the planted meeting, without an agreement
    # a reload that changes a report mentioning the item: the changed meeting's rows are computed
    # again and spliced into its stored trace
    changed = sorted(folder.glob("*.ttl"))[3]
    _plant_outside_agreements(changed, track)
    summary = load_paths([folder], Settings(store=str(store_dir)))
    assert summary.changes is not None and summary.derived.get("stored answers updated", 0) >= 1
    assert _answers_match(store_dir) > 0
    # and a report that agreed on the item, moved to another date (its rows move in the order)
    with LocalStore(store_dir, read_only=True) as store:
        rows = run_page(store, load_queries()["trace"], {"item": "work-plan-migrant-smuggling"}, limit=1).result.rows
    agreed = [r["meeting"].value for r in rows if "agreement" in r]
    assert agreed
    moved = next(f for f in folder.glob("*.ttl") if meeting_of(f) == agreed[0])
    text = moved.read_text(encoding="utf-8")
    moved.write_text(re.sub(r'schema:startDate "\d{4}-\d{2}-\d{2}"', 'schema:startDate "2099-12-31"', text), encoding="utf-8")
    summary = load_paths([folder], Settings(store=str(store_dir)))
    assert summary.changes is not None and summary.derived.get("stored answers updated", 0) >= 1
    assert _answers_match(store_dir) > 0
    with LocalStore(store_dir, read_only=True) as store:
        rows = run_page(store, load_queries()["trace"], {"item": "work-plan-migrant-smuggling"}, limit=1).result.rows
    assert rows[-1]["meeting"].value == agreed[0] and rows[-1]["date"].value == "2099-12-31"
    # and a report that agreed on the item, removed: its meeting is no meeting any more, and its
    # rows leave the stored trace all the same
    other = next(m for m in agreed if m != agreed[0])
    gone = next(f for f in folder.glob("*.ttl") if meeting_of(f) == other)
    gone.unlink()
    summary = load_paths([folder], Settings(store=str(store_dir)), prune=True)
    assert summary.removed and summary.derived.get("stored answers updated", 0) >= 1
    assert _answers_match(store_dir) > 0
    with LocalStore(store_dir, read_only=True) as store:
        rows = run_page(store, load_queries()["trace"], {"item": "work-plan-migrant-smuggling"}, limit=1).result.rows
    assert other not in {r["meeting"].value for r in rows}


def test_a_static_query_page_joined_from_the_stored_keys_is_the_engines_answer(files: list[Path], tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch):
    """``rcmkg publish`` writes each canned query's first rows from the stored keys, a few at a time
    (:func:`keyed_texts`): in every format, the bytes of the whole query run by the engine."""
    from rcmkg.publish.endpoint import QueryRequest, execute_formats
    from rcmkg.sparql import catalogue

    store_dir = tmp_path / "store"
    load_paths(files, Settings(store=str(store_dir)))
    monkeypatch.setattr(catalogue, "CHUNK", 2)  # several texts, and a cut inside one
    formats = ("json", "csv", "tsv", "xml", "html")
    keyed = 0
    with LocalStore(store_dir, read_only=True) as store:
        for q in load_queries().values():
            if any(p.required for p in q.params):
                continue
            parts = catalogue.keyed_texts(store, q)
            if parts is None:
                assert driver_text(q) is None, q.name  # every paged query has its keys stored
                continue
            parts = list(parts)
            assert len(parts) >= 3, q.name
            keyed += 1
            for limit in (5, 10_000):
                want = execute_formats(store.ox, QueryRequest(q.text, limit=limit), formats)
                got = execute_formats(store.ox, QueryRequest(q.text, limit=limit), formats, parts=parts)
                for key in formats:
                    assert got[key].body == want[key].body, (q.name, limit, key)
            assert want["csv"].body.count(b"\n") > 5, q.name  # the whole answer: more rows than the cut
    assert keyed >= 6
    # a store without the entries (an in-memory one, or keys of another driver text): the engine answers
    assert catalogue.keyed_texts(SparqlOnly(store), load_queries()["agreements"]) is None


def test_the_static_dormant_page_comes_from_the_kept_makings(files: list[Path], tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch):
    """``rcmkg publish`` writes the ``dormant`` query's files from what the load keeps per item and
    body (the engine's aggregate over the archive took 9.6 s at 10,000 reports): the engine never
    runs its text, and every format holds the engine's bytes."""
    from rcmkg.publish import endpoint
    from rcmkg.publish.endpoint import QueryRequest, execute_formats
    from rcmkg.publish.site import build
    from rcmkg.publish.views.pages import GraphView, StaticLinker

    store_dir = tmp_path / "store"
    settings = Settings(store=str(store_dir))
    load_paths(files, settings)
    q = load_queries()["dormant"]
    ran: list[str] = []
    evaluate = endpoint._evaluate

    def recorded(store, req):
        ran.append(req.query)
        return evaluate(store, req)

    monkeypatch.setattr(endpoint, "_evaluate", recorded)
    out = tmp_path / "site"
    with LocalStore(store_dir, read_only=True) as store:
        w = build._Writer(out)
        root = StaticLinker(DEFAULT_BASE, GraphView(store.ox, DEFAULT_BASE), "index.html")
        build._query_pages(store, settings, root, w, build.PublishResult(out=out))
        assert ran and q.text not in ran  # the other queries did run
        ran.clear()
        want = execute_formats(store.ox, QueryRequest(q.text, limit=settings.result_limit), ("json", "csv", "tsv", "xml"))
        assert ran == [q.text]
    for key in ("json", "csv", "tsv", "xml"):
        assert (out / "query" / f"dormant.{key}").read_bytes() == want[key].body, key
    assert want["csv"].body.count(b"\n") > 2  # some items did go quiet


def test_the_servers_page_query_answers_the_engines_page(files: list[Path], tmp_path: Path):
    """``page_query`` (what ``/query/NAME?page=`` sends the workers) reads the page's keys, or the
    page of a kept answer, and answers the rows of the engine's own page."""
    from rcmkg.sparql.catalogue import page_query

    folder = tmp_path / "store"
    load_paths(files, Settings(store=str(folder)))
    queries = {n: q for n, q in load_queries().items() if n != "trace"}
    assert "dormant" in queries and len(queries) >= 8
    with LocalStore(folder, read_only=True) as store:
        for name, q in queries.items():
            for limit in (1, 5):
                page, total = 1, 0
                while True:
                    kept = page_query(store, q, limit, page)
                    engine = q.paged(limit, page)
                    assert "VALUES" in kept.text and kept.text != engine.text, name  # the stored keys or answer
                    got, want = store.query(kept.bind_request({})).rows, store.query(engine.bind_request({})).rows
                    assert got == want, (name, limit, page)
                    total += len(got)
                    if not want:
                        break
                    page += 1
                assert total > 0 or name == "dormant", name
            # without the index, the engine's page itself
            assert page_query(SparqlOnly(store), q, 5, 2).text == q.paged(5, 2).text
            # a parameter the driver reads (the meeting of agreements), or of a kept answer: the engine pages it
            if name in ("agreements", "dormant"):
                given = ["meeting"] if name == "agreements" else ["item"]
                assert page_query(store, q, 5, 1, given).text == q.paged(5, 1, given).text


def test_the_servers_whole_answers_are_the_engines(files: list[Path], tmp_path: Path):
    """``whole_parts`` (what a download of an unbound canned query sends the workers): the answers of
    its queries one after the other are the engine's answer; the server gives them, cut at its row
    limit as the engine's would be, and a reader's bare query URL gets a page."""
    import csv
    import io

    import httpx

    from rcmkg.safety import csv_cell
    from rcmkg.sparql.catalogue import whole_parts
    from tests.builders import make_app, running

    folder = tmp_path / "store"
    load_paths(files, Settings(store=str(folder)))
    queries = {n: q for n, q in load_queries().items() if n != "trace"}
    answers: dict[str, list[list[str]]] = {}
    with LocalStore(folder, read_only=True) as store:
        for name, q in queries.items():
            parts = whole_parts(store, q)
            assert parts, name  # every unbound canned query: from the stored keys or the kept answer
            got = [row for text in parts for row in store.query(text).rows]
            want = store.query(q.bind_request({}))
            assert got == want.rows, name
            # as the CSV writer gives them (a leading "-" or "=" quoted for spreadsheets)
            answers[name] = [[csv_cell(r[v].value) if r.get(v) is not None else "" for v in want.vars] for r in want.rows]
            assert whole_parts(SparqlOnly(store), q) is None
    assert sum(len(a) for a in answers.values()) > 500
    for limit in (7, 100_000):
        app = make_app(folder, Settings(base=DEFAULT_BASE, store=str(folder), result_limit=limit))
        with running(app) as url, httpx.Client(base_url=url, timeout=60) as client:
            for name in queries:
                r = client.get(f"/query/{name}.csv")
                assert r.status_code == 200, name
                assert list(csv.reader(io.StringIO(r.text)))[1:] == answers[name][:limit], name
                assert ("x-rcmkg-truncated" in r.headers) == (len(answers[name]) > limit), name
            bare = client.get("/query/agreements", headers={"Accept": "text/html"})
            assert bare.status_code == 200 and 'rel="next"' in bare.text and "page 1" in bare.text


def test_the_server_reads_the_stored_keys(files: list[Path], tmp_path: Path):
    """A key taken out of the stored ones is missing from the server's page and download of the
    query (the engine, run on the same store, still has it): they are read from the keys."""
    import httpx

    from rcmkg.index.pagekeys import encode_keys
    from tests.builders import make_app, running

    folder = tmp_path / "store"
    load_paths(files, Settings(store=str(folder)))
    q = load_queries()["agreements"]
    driver = driver_text(q)
    assert driver is not None
    with LocalStore(folder) as store:
        keys = cached_keys(store, driver)
        assert keys is not None and len(keys.rows) > 3
        first = keys.rows[0]["meeting"].value
        keys.rows = keys.rows[1:]
        store.index.set(ARCHIVE, driver_key(driver), encode_keys(keys))
        assert first in {r["meeting"].value for r in store.query(q.bind_request({})).rows}
    app = make_app(folder, Settings(base=DEFAULT_BASE, store=str(folder)))
    with running(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        download = client.get("/query/agreements.csv").text
        page = client.get("/query/agreements", headers={"Accept": "text/html"}).text
        sheet = client.get("/query/agreements.xlsx").content
        second = keys.rows[0]["meeting"].value
    assert first not in download and second in download
    assert first not in page and second.rsplit("/", 1)[-1] in page
    import io

    import openpyxl

    cells = {str(c.value) for row in openpyxl.load_workbook(io.BytesIO(sheet)).active.iter_rows() for c in row}
    assert first not in cells and second in cells
