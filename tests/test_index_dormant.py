"""The ``dormant`` query answered from what ``rcmkg load`` keeps (:mod:`rcmkg.index.dormant`): the
same rows, in the same order, as the engine gives for ``queries/dormant.rq``, after a full load and
after loads that move a meeting to another date, add a report or remove one; and the engine's answer
whenever the store holds what the entries cannot stand for (a meeting with two start dates)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from rcmkg.index.dormant import ANSWERS, HELD, QUIET, dormant_answer
from rcmkg.index.pagekeys import answer_key
from rcmkg.settings import Settings
from rcmkg.sparql.catalogue import load_queries, run_page, run_query
from rcmkg.store.load import load_paths
from rcmkg.store.local import LocalStore
from tests.builders import SparqlOnly, meeting_of, synthetic_rdf

REPORTS = 40



@pytest.fixture(scope="module")
def rdf(tmp_path_factory: pytest.TempPathFactory, converted: Path) -> Path:
    """A synthetic archive (items recur across bodies and go quiet) and the samples, converted."""
    return synthetic_rdf(tmp_path_factory.mktemp("dormant"), REPORTS, 11, converted)


def _copy(rdf: Path, folder: Path) -> Path:
    folder.mkdir()
    for f in sorted(rdf.glob("*.ttl")):
        shutil.copy(f, folder / f.name)
    return folder



def _slug(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]  # the item as a report's Turtle names it (a prefixed name, say)


def _agree(store_dir: Path) -> list[dict]:
    """The kept answer equals the engine's, whole and page by page; returns its rows."""
    q = load_queries()["dormant"]
    with LocalStore(store_dir, read_only=True) as store:
        kept = dormant_answer(store, q)
        assert kept is not None, "no answer from the entries"
        engine = SparqlOnly(store)
        want = run_query(engine, q)
        assert kept.vars == want.vars
        assert kept.rows == want.rows
        assert run_query(store, q).rows == want.rows
        pages = [run_page(store, q, {}, limit=2, page=p) for p in (1, 2)]
        assert [p.result.rows for p in pages] == [want.rows[:2], want.rows[2:4]]
        assert pages[0].has_next == (len(want.rows) > 2)
        return want.rows


def test_the_shipped_query_is_the_one_answered():
    # dormant.rq edited: the engine runs it until rcmkg.index.dormant answers the new text (and ANSWERS says so)
    assert answer_key(load_queries()["dormant"].text) == ANSWERS


def test_the_kept_answer_is_the_engines_after_a_full_load(rdf: Path, tmp_path: Path):
    store_dir = tmp_path / "store"
    summary = load_paths([rdf], Settings(store=str(store_dir)))
    assert not summary.errors and summary.derived.get("dormant entries computed", 0) > 3
    rows = _agree(store_dir)
    assert len(rows) >= 2, rows  # items gone quiet, at least two of them
    assert all(int(r["laterMeetings"].value) > 0 for r in rows)
    assert any("label" in r for r in rows)


def test_reloads_keep_it_the_engines(rdf: Path, tmp_path: Path):
    folder, store_dir = _copy(rdf, tmp_path / "files"), tmp_path / "store"
    load_paths([folder], Settings(store=str(store_dir)))
    first = _agree(store_dir)
    quietest = first[0]["item"].value
    # a report's wording changed (no dealing, date, body or type): the entries are put back as they were
    worded = sorted(folder.glob("*.ttl"))[2]
    with worded.open("a", encoding="utf-8") as out:
        out.write(f'\n<{meeting_of(worded)}> <http://www.w3.org/2000/01/rdf-schema#comment> "reworded" .\n')
    summary = load_paths([folder], Settings(store=str(store_dir)))
    assert summary.changes is not None and len(summary.changes) == 1
    assert summary.derived.get("dormant entries computed") == 0
    assert _agree(store_dir) == first
    # the meeting where the quietest item last came up moves to the archive's end: it is quiet no more,
    # and every item of that body gets one more later meeting
    moved = None
    for f in sorted(folder.glob("*.ttl")):
        text = f.read_text(encoding="utf-8")
        if _slug(quietest) in text and first[0]["lastDealtWith"].value in f.stem:
            moved = f
    assert moved is not None
    text = moved.read_text(encoding="utf-8")
    moved.write_text(re.sub(r'schema:startDate "\d{4}-\d{2}-\d{2}"', 'schema:startDate "2099-12-31"', text),
                     encoding="utf-8")
    summary = load_paths([folder], Settings(store=str(store_dir)))
    assert summary.changes is not None and len(summary.changes) == 1  # an incremental load
    assert 0 < summary.derived.get("dormant entries computed", 0) < 20  # only what the report touched
    second = _agree(store_dir)
    assert second != first
    assert all(r["archiveLast"].value == "2099-12-31" for r in second)
    # a report removed, then another added back
    gone = sorted(folder.glob("*.ttl"))[5]
    saved = gone.read_bytes()
    gone.unlink()
    load_paths([folder], Settings(store=str(store_dir)), prune=True)
    third = _agree(store_dir)
    gone.write_bytes(saved)
    load_paths([folder], Settings(store=str(store_dir)))
    assert _agree(store_dir) == second
    assert third  # still items gone quiet without it


def test_a_store_the_entries_cannot_stand_for_is_answered_by_the_engine(rdf: Path, tmp_path: Path):
    folder, store_dir = _copy(rdf, tmp_path / "files"), tmp_path / "store"
    load_paths([folder], Settings(store=str(store_dir)))
    rows = _agree(store_dir)
    q = load_queries()["dormant"]
    # a meeting with a second start date (the shapes allow one): MAX and > read both in the engine
    planted = None
    for f in sorted(folder.glob("*.ttl")):
        if _slug(rows[0]["item"].value) in f.read_text(encoding="utf-8"):
            planted = f
    assert planted is not None
    with planted.open("a", encoding="utf-8") as out:
        out.write(f'\n<{meeting_of(planted)}> <http://schema.org/startDate> '
                  '"1990-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .\n')
    load_paths([folder], Settings(store=str(store_dir)))
    with LocalStore(store_dir, read_only=True) as store:
        assert dormant_answer(store, q) is None
        assert run_query(store, q).rows == run_query(SparqlOnly(store), q).rows
        # and the entries are there, marked: not missing
        assert store.index.get(rows[0]["item"].value, QUIET) is not None
        assert store.index.entries(HELD)


def test_an_items_page_says_what_the_entries_say(rdf: Path, tmp_path: Path):
    """A tracked item's page ("Dormant since ...: N later meetings") reads the item's and its bodies'
    entries instead of querying every meeting that dealt with it: the same sections for every item,
    a planted entry shows on the page and in the server's, and an entry that cannot stand for the
    data is queried."""
    import httpx

    from rcmkg.index.codec import ENCODER
    from rcmkg.index.dormant import FORMAT, Quiet, quiet_of, quiet_since
    from rcmkg.namespaces import RCM, RDF
    from rcmkg.publish.views.pages import DORMANT_MEETINGS, GraphView
    from tests.builders import make_app, running

    store_dir = tmp_path / "store"
    load_paths([rdf], Settings(store=str(store_dir)))
    with LocalStore(store_dir, read_only=True) as store:
        items = sorted(t.subject.value for t in store.ox.quads_for_pattern(None, NamedNode(RDF + "type"),
                                                                           NamedNode(RCM + "TrackedItem"), None))
        kept, queried = GraphView(store.ox, store.base, quiet=quiet_of(store)), GraphView(store.ox, store.base)
        notes = []
        for item in items:
            assert quiet_since(store, item) is not None, item
            got = kept._sections_track(item)
            assert got == queried._sections_track(item), item
            notes.append(got[0].note_args)
        assert sum(bool(n) for n in notes) >= 5 and any(int(n["n"]) >= DORMANT_MEETINGS for n in notes if n)
        item = next(i for i, n in zip(items, notes, strict=True) if n)
        assert store.index.get(item, QUIET) is not None
    # planted: the item last came up in 1999 (the entry says so; the data does not)
    with LocalStore(store_dir) as store:
        quiet = Quiet(True, "1999-01-01", [])
        store.index.set(item, QUIET, FORMAT + ENCODER.encode(quiet).decode())
        assert GraphView(store.ox, store.base, quiet=quiet_of(store))._sections_track(item)[0].note_args["last"] == "1999-01-01"
        assert GraphView(store.ox, store.base)._sections_track(item)[0].note_args["last"] != "1999-01-01"
    slug = item.rsplit("/", 1)[-1]
    with running(make_app(store_dir, Settings(store=str(store_dir)))) as url:
        assert "Last dealt with on 1 January 1999." in httpx.get(f"{url}/doc/track/{slug}", timeout=60).text
    # an entry made from data it cannot stand for: queried
    with LocalStore(store_dir) as store:
        store.index.set(item, QUIET, FORMAT + ENCODER.encode(Quiet(False, "1999-01-01", [])).decode())
        assert quiet_since(store, item) is None
        assert GraphView(store.ox, store.base, quiet=quiet_of(store))._sections_track(item)[0].note_args["last"] != "1999-01-01"


def test_a_timeline_says_what_the_dormant_query_says(rdf: Path, tmp_path: Path):
    """An item's timeline (``rcmkg trace``, its page) counts the later meetings of its bodies as the
    ``dormant`` query does, each meeting once however many of the bodies held it, and reads them from
    the entries: the same as the engine's queries over every meeting, which it no longer runs."""
    from rcmkg.trace.lookup import trace
    from rcmkg.trace.resolve import tracked_items

    store_dir = tmp_path / "store"
    load_paths([rdf], Settings(store=str(store_dir)))
    rows = _agree(store_dir)
    said = {r["item"].value: (int(r["laterMeetings"].value), r["archiveLast"].value) for r in rows}
    with LocalStore(store_dir, read_only=True) as store:
        items = sorted(tracked_items(store))
        assert len(items) >= 5
        several = 0
        for item in items:
            kept = trace(store, item)
            engine = trace(SparqlOnly(store), item)  # no entries: timeline and quiet from the engine
            assert kept.rows == engine.rows, item
            assert (kept.later_meetings, kept.archive_last, kept.dormant) == \
                (engine.later_meetings, engine.archive_last, engine.dormant), item
            if kept.later_meetings:
                assert said[item] == (kept.later_meetings, kept.archive_last), item
            else:
                assert item not in said, item
            bodies = {q.object.value for r in kept.rows
                      for q in store.ox.quads_for_pattern(NamedNode(r.meeting), NamedNode("http://schema.org/organizer"), None)}
            several += len(bodies) > 1 and kept.later_meetings > 0
        assert several, "no quiet item dealt with by two bodies or more: the count across bodies is untested"
