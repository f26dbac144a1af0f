"""An actor's page and the commitments listing from what ``rcmkg load`` keeps (issue 10, point 1).

An organisation's or country's page shows the first of what it still owes and of what it did. It
used to query every commitment the actor made or was credited with (3 s for the Technical
Secretariat at 10,000 reports, on the server too); the load now keeps each actor's rows
(:data:`rcmkg.index.commitments.BY_ACTOR`) and the page looks up only the rows it shows.

* the page from the kept rows is the page the query of every row gives, for every actor, with the
  tables cut (own commitments, and a member countries' commitment a country delivered or not);
* the page reads the kept rows (a row taken out of them is not shown), in ``rcmkg serve`` and
  ``rcmkg publish`` too;
* without current rows (a store from ``--data``, an index of an older format) the page queries.

The commitments listing (``rcmkg commitments``, ``/commitments``) decodes the evidence (nine tenths
of the shards' bytes) only for the entries a test keeps, a superset of those it shows, and lists
the actors from the kept rows: the rows are those of every entry decoded whole (5.9 s at 10,000
reports, now 0.9-2.7 s), for every kind of filter and day.

That an incremental load keeps the rows a full load writes is checked with every other derived entry
in ``tests/test_incremental_load.py``.
"""

from __future__ import annotations

import shutil
from collections import Counter
from html import unescape as html_unescape
from pathlib import Path

import httpx
import pytest
from builders import make_app, running

from bench.generate import write_reports
from rcmkg import i18n
from rcmkg.index.commitments import (
    ARCHIVE,
    BY_ACTOR,
    COMMITMENTS,
    DELIVERED,
    NOT_DELIVERED,
    OWN,
    actor_rows_of,
    cached_actor_rows,
    cached_commitments,
    cached_committers,
    decode_by_actor,
    encode,
)
from rcmkg.pipeline import convert
from rcmkg.publish.views import pages
from rcmkg.publish.views.pages import GraphView, ServerLinker
from rcmkg.publish.views.render import render_resource
from rcmkg.publish.views.timeline import commitment_actors
from rcmkg.settings import DEFAULT_BASE, Settings
from rcmkg.store.load import load_paths, open_data
from rcmkg.store.local import LocalStore
from rcmkg.trace.commitments import parse_date, select_commitments, still_owes_first
from rcmkg.trace.lookup import commitments

pytestmark = pytest.mark.slow

ID = DEFAULT_BASE + "id/"
COLLECTIVE = ID + "collective/rcm-member-countries"
HEAD = f"""@base <{ID}> .
@prefix rcm: <https://w3id.org/rcmkg/ont#> . @prefix schema: <http://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix act: <https://w3id.org/rcmkg/voc/act/> . @prefix ckind: <https://w3id.org/rcmkg/voc/commitment-kind/> .
@prefix action: <https://w3id.org/rcmkg/voc/action/> .
"""


def _meeting(day: str, countries: tuple[str, ...], body: str) -> str:
    m = f"<meeting/rcm-lon-smtp/{day}>"
    dels = "".join(f"{m} schema:attendee <meeting/rcm-lon-smtp/{day}/delegation/{c}> . "
                   f"<meeting/rcm-lon-smtp/{day}/delegation/{c}> rcm:represents <country/{c}> .\n" for c in countries)
    return (HEAD + f"<report/rcm-lon-smtp/{day}> a rcm:Report ; rcm:reportOf {m} .\n{m} a rcm:Meeting ; schema:startDate "
            f'"{day}"^^xsd:date ; schema:organizer <org/rcm-lon-smtp> ; schema:recordedIn <report/rcm-lon-smtp/{day}> .\n'
            + dels + body)


def _shared_commitment(folder: Path) -> None:
    """The member countries are to submit their matrices; at a later meeting of Costa Rica,
    Guatemala, Mexico and Panama the first three are thanked for it: delivered by them, not by Panama."""
    a, countries = "meeting/rcm-lon-smtp/2031-01-10/item/1", ("CR", "GT", "MX", "PA")
    (folder / "zz_a.ttl").write_text(_meeting("2031-01-10", countries, (
        f'<{a}> a rcm:Agreement ; rcm:agreedAt <meeting/rcm-lon-smtp/2031-01-10> ; rcm:position "1"^^xsd:positiveInteger ; '
        f'rcm:number "1" ; rcm:act act:decision ; dct:subject <track/legislation-matrices> ; '
        f'rcm:text "Member Countries will submit their matrices by 1 March 2031."@en ; rcm:hasCommitment <{a}/commitment/1> .\n'
        f'<{a}/commitment/1> a rcm:Commitment ; rcm:madeIn <{a}> ; rcm:commitmentKind ckind:pledge ; '
        f'rcm:committedBy <collective/rcm-member-countries> ; rcm:actionType action:submit ; '
        f'rcm:action "submit their matrices"@en ; rcm:dueDate "2031-03-01"^^xsd:date .\n')), encoding="utf-8")
    b = "meeting/rcm-lon-smtp/2031-06-10/item/1"
    (folder / "zz_b.ttl").write_text(_meeting("2031-06-10", countries, (
        f'<{b}> a rcm:Agreement ; rcm:agreedAt <meeting/rcm-lon-smtp/2031-06-10> ; rcm:position "1"^^xsd:positiveInteger ; '
        f'rcm:number "1" ; rcm:act act:thanks ; dct:subject <track/legislation-matrices> ; '
        f'rcm:addressee <country/CR> , <country/GT> , <country/MX> ; '
        f'rcm:text "To thank Costa Rica, Guatemala and Mexico for submitting their matrices."@en .\n')), encoding="utf-8")


@pytest.fixture(scope="module")
def rdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("actors")
    write_reports(30, work / "txt", seed=5)
    assert not convert([work / "txt"], work / "rdf", Settings(), jobs=1).errors
    _shared_commitment(work / "rdf")
    return work / "rdf"


@pytest.fixture(scope="module")
def loaded(rdf: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("actors-store") / "store"
    summary = load_paths([rdf], Settings(store=str(folder)))
    assert not summary.errors, summary.errors
    return folder


def _kept(store: LocalStore) -> dict[str, list]:
    return {a: decode_by_actor(d) for a, d in store.index.entries(BY_ACTOR)}


def test_the_page_from_the_kept_rows_is_the_page_from_the_query(loaded: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(pages, "MAX_ROWS", 4)  # the tables cut: which rows, in what order, matters
    with LocalStore(loaded, read_only=True) as store:
        kept = _kept(store)
        hows = Counter(r.how for rows in kept.values() for r in rows)
        assert hows[OWN] > 50 and hows[DELIVERED] >= 3 and hows[NOT_DELIVERED] >= 1, hows
        shared = {a: [r.how for r in rows if "2031" in r.commitment] for a, rows in kept.items()}
        assert {a.rsplit("/", 1)[-1]: h for a, h in shared.items() if h} == {
            "rcm-member-countries": [OWN], "CR": [DELIVERED], "GT": [DELIVERED], "MX": [DELIVERED], "PA": [NOT_DELIVERED]}
        indexed = GraphView(store.ox, store.base, actor_rows=actor_rows_of(store))
        queried = GraphView(store.ox, store.base)
        cut = 0
        for actor in [*kept, ID + "org/nobody", ID + "meeting/none"]:
            got, want = indexed._sections_actor(actor), queried._sections_actor(actor)
            assert got == want, actor
            assert bool(got) == (actor in kept)
            cut += sum(s.more for s in got)
            assert all(len(s.rows) <= 4 for s in got)
        assert cut > 0
        # a country that did its part has it among what it fulfilled; one that did not, among what it
        # owes, overdue: what `rcmkg commitments --actor` says as of the assessments' day
        for country, table, status in (("GT", "Fulfilled", "fulfilled"), ("PA", "Still owes", "not-fulfilled (overdue)")):
            sections = indexed._sections_actor(ID + f"country/{country}")
            shown = [(s.title, r[2].value if s.title == "Fulfilled" else r[3].value)
                     for s in sections for r in s.rows if "2031" in r[1].value]
            assert shown == [(table, status)], country
            (row,) = [r for r in commitments(store, actor=ID + f"country/{country}", as_of="2031-06-10") if "2031" in r.commitment]
            assert row.status + (" (overdue)" if row.overdue else "") == status


def test_the_page_reads_the_kept_rows(loaded: Path, tmp_path: Path):
    folder = tmp_path / "store"
    shutil.copytree(loaded, folder)
    actor = ID + "org/rcm-ts"
    with LocalStore(folder) as store:
        rows = _kept(store)[actor]
        # one row kept as superseded (none is: the store says otherwise), one taken out
        owed = next(k for k, r in enumerate(rows) if r.status == "not-fulfilled")
        dropped = next(r.commitment for k, r in enumerate(rows) if k != owed and r.status == "not-fulfilled")
        rows[owed].status = "superseded"
        store.index.set(actor, BY_ACTOR, encode([r for r in rows if r.commitment != dropped]))

        def shown(view: GraphView) -> dict[str, str]:
            return {r[1].value: s.title for s in view._sections_actor(actor) for r in s.rows}

        queried = shown(GraphView(store.ox, store.base))
        assert queried[rows[owed].commitment] == "Still owes" and dropped in queried
        indexed = shown(GraphView(store.ox, store.base, actor_rows=actor_rows_of(store)))
        assert indexed[rows[owed].commitment] == "Fulfilled" and dropped not in indexed
        plain = render_resource(ServerLinker(store.base, GraphView(store.ox, store.base)).localised("en", True, ("/x", ())),
                                GraphView(store.ox, store.base).describe(actor))
    assert "superseded" not in plain
    # the server and the static site read them too
    settings = Settings(base=DEFAULT_BASE, store=str(folder))
    path = actor[len(DEFAULT_BASE) - 1:].replace("/id/", "/doc/", 1)
    with running(make_app(folder, settings)) as url:
        page = httpx.get(url + path, headers={"Accept": "text/html"}, timeout=60)
    assert page.status_code == 200 and "superseded" in page.text
    from rcmkg.publish.site.build import publish_site

    with LocalStore(folder, read_only=True) as store:
        publish_site(store, settings, tmp_path / "site", validate=False, ontology_docs=False, jobs=2)
    assert "superseded" in (tmp_path / "site" / (path.lstrip("/") + ".html")).read_text(encoding="utf-8")


def test_without_current_rows_the_page_queries(rdf: Path, loaded: Path, tmp_path: Path):
    actor = ID + "org/rcm-ts"
    memory = open_data([rdf])  # no shards: the fulfilment graph alone
    assert cached_actor_rows(memory, actor) is None
    assert GraphView(memory.ox, memory.base, actor_rows=actor_rows_of(memory))._sections_actor(actor)
    folder = tmp_path / "store"
    shutil.copytree(loaded, folder)
    with LocalStore(folder) as store:
        assert cached_actor_rows(store, actor)
        marker = store.index.get(ARCHIVE, COMMITMENTS)
        assert marker is not None
        # an index an older rcmkg wrote: its marker is not of this format, and it has no rows
        store.index.set(ARCHIVE, COMMITMENTS, "rcmkg-commitments-3\n" + marker.split("\n", 1)[1])
        for a, _ in store.index.entries(BY_ACTOR):
            store.index.set(a, BY_ACTOR, None)
        assert cached_actor_rows(store, actor) is None
        sections = GraphView(store.ox, store.base, actor_rows=actor_rows_of(store))._sections_actor(actor)
        assert sections == GraphView(store.ox, store.base)._sections_actor(actor) and sections[0].rows


# --- listings read from the shards, the evidence decoded only for the entries they keep ---

def _selected(entries: list, who: str | None, due: str | None, as_of: str, status: str | None) -> list[dict]:
    """What the listing gives from every entry decoded whole (the reference)."""
    import msgspec

    copies = [msgspec.structs.replace(e, row=msgspec.structs.replace(e.row)) for e in entries]
    rows = select_commitments(copies, who, None, due, parse_date(as_of, "as-of"), status)
    return [r.to_dict() for r in (still_owes_first(rows) if who else rows)]


@pytest.mark.parametrize(("actor", "due", "as_of", "status"), [
    (None, None, "2031-12-31", None),
    (None, None, "2010-06-30", "open"),
    (None, "2008-01-01", "2031-12-31", "overdue"),
    ("org/iom", None, "2031-12-31", None),
    ("country/CR", None, "2031-12-31", None),  # made by it, and its part of the member countries'
    ("country/PA", None, "2031-12-31", "open"),
    ("country/PA", None, "2031-02-01", None),  # before the evidence: not its share yet
    ("collective/rcm-member-countries", None, "2031-12-31", None),
])
def test_a_listing_decodes_only_what_it_keeps(loaded: Path, actor: str | None, due: str | None, as_of: str,
                                              status: str | None):
    with LocalStore(loaded, read_only=True) as store:
        entries = cached_commitments(store)
        assert entries is not None and len(entries) > 100
        who = ID + actor if actor else None
        want = _selected(entries, who, due, as_of, status)
        got = [r.to_dict() for r in commitments(store, actor=who, due_before=due, as_of=as_of, status=status)]
        assert got == want
        assert want or actor == "country/PA"
    if actor == "country/PA":
        assert [r["commitment"] for r in got if "2031" in r["commitment"]] == ([] if as_of < "2031-06-10" else [
            ID + "meeting/rcm-lon-smtp/2031-01-10/item/1/commitment/1"])


def test_the_actors_of_the_listing_come_from_the_kept_rows(loaded: Path):
    with LocalStore(loaded, read_only=True) as store:
        made = {}
        for r in commitments(store):
            for iri, name in zip(r.actor_iris, r.actors, strict=True):
                made.setdefault(iri, name)
        assert cached_committers(store, "2099-12-31") is not None
        got = commitment_actors(store)
        assert [(a.iri, a.label) for a in got] == sorted(made.items(), key=lambda x: x[1].casefold())
        assert len(got) > 10
        # an actor whose commitments are all after the day is not listed
        every = set(cached_committers(store, "2099-12-31") or ())
        for day in ("2003-06-30", "2031-01-09"):
            assert set(cached_committers(store, day) or ()) == {a for r in commitments(store, as_of=day) for a in r.actor_iris}
        assert len(set(cached_committers(store, "2003-06-30") or ())) < len(every)
        view = GraphView(store.ox, store.base)
        with i18n.use("es"):
            names = {a.iri: a.label for a in commitment_actors(store, view)}
        assert names[ID + "org/iom"] == view.label(ID + "org/iom", "es") != made[ID + "org/iom"]


def test_the_servers_list_comes_in_pages(loaded: Path, monkeypatch: pytest.MonkeyPatch):
    import re

    from rcmkg.publish.views import timeline

    monkeypatch.setattr(timeline, "COMMITMENT_ROWS", 7)
    with LocalStore(loaded, read_only=True) as store:
        want = [r.commitment for r in commitments(store)]
    pages = -(-len(want) // 7)
    assert pages >= 3
    app = make_app(loaded, Settings(base=DEFAULT_BASE, store=str(loaded)))
    with running(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        got, href, seen = [], "/commitments", 0
        while href:
            page = client.get(href)
            assert page.status_code == 200
            seen += 1
            table = page.text.split('<table class="commitments">', 1)[1].split("</table>", 1)[0]
            rows = re.findall(r'title="(https://[^"]*/commitment/\d+)"', table)
            assert 1 <= len(rows) <= 7
            got += rows
            assert f"{len(want)} commitments" in page.text and f"Page {seen} of {pages}" in page.text
            assert ('rel="prev"' in page.text) == (seen > 1)
            nxt = re.search(r'<a rel="next" href="([^"]+)"', page.text)
            href = html_unescape(nxt.group(1)) if nxt else ""
        assert seen == pages and got == want
        es = client.get("/commitments?page=2&lang=es").text
        assert f"Página 2 de {pages}" in es and 'rel="next" href="/commitments?page=3&amp;lang=es"' in es
        assert client.get(f"/commitments?page={pages + 1}").status_code == 404
        for bad in ("0", "-1", "x", "1.5", "２", "9" * 12):
            assert client.get("/commitments", params={"page": bad}).status_code == 400, bad
        # one list computed for the pages and the ways of asking for it (a name's spelling, other parameters)
        pub = app.state.published
        assert len(pub.lists) == 1
        light, listed = next(iter(pub.lists.values()))  # the stand-ins of the whole list, not its full rows
        assert light and [r.commitment for r in listed] == want and not any(r.action for r in listed)
        first = client.get("/commitments?actor=IOM").text
        assert len(pub.lists) == 2
        for ask in ("actor=iom", "actor=IOM&x=1", "actor=IOM&page=1", "actor=https%3A%2F%2Fw3id.org%2Frcmkg%2Fid%2Forg%2Fiom",
                    "actor=IOM&lang=es"):
            again = client.get("/commitments?" + ask)
            assert again.status_code == 200, ask
            assert re.findall(r'title="(https://[^"]*/commitment/\d+)"', again.text) == re.findall(
                r'title="(https://[^"]*/commitment/\d+)"', first), ask
        assert len(pub.lists) == 2
        filtered = re.findall(r'rel="next" href="([^"]+)"', client.get("/commitments?actor=IOM&status=open").text)
        assert not filtered or "actor=" in filtered[0] and "status=open" in filtered[0]
        # the feeds from the meetings the load stored: no query of every meeting
        for feed in ("/feeds/meetings.atom", "/feeds/actor/org/iom.atom"):
            assert client.get(feed).text.count("<entry>") > 3, feed
        assert "last_meeting_date" not in pub.view.__dict__


def test_the_static_lists_come_in_pages(loaded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import posixpath
    import re

    from rcmkg.publish.site.build import publish_site
    from rcmkg.publish.views import timeline

    monkeypatch.setattr(timeline, "COMMITMENT_ROWS", 7)
    settings = Settings(base=DEFAULT_BASE, store=str(loaded))
    with LocalStore(loaded, read_only=True) as store:
        whole = [r.commitment for r in commitments(store)]
        iom = [r.commitment for r in commitments(store, actor=ID + "org/iom")]
        publish_site(store, settings, tmp_path / "site", validate=False, ontology_docs=False, jobs=1)
    site = tmp_path / "site"
    assert len(iom) > 7 and len(whole) > 14
    for first, want in (("commitments.html", whole), ("commitments/actor/org/iom.html", iom)):
        for lang, start in (("en", first), ("es", "es/" + first)):
            got, rel, seen = [], start, 0
            pages = -(-len(want) // 7)
            while rel:
                text = (site / rel).read_text(encoding="utf-8")
                seen += 1
                table = text.split('<table class="commitments">', 1)[1].split("</table>", 1)[0]
                rows = re.findall(r'title="(https://[^"]*/commitment/\d+)"', table)
                assert 1 <= len(rows) <= 7, rel
                got += rows
                assert (f"Page {seen} of {pages}" if lang == "en" else f"Página {seen} de {pages}") in text, rel
                nxt = re.search(r'<a rel="next" href="([^"]+)"', text)
                rel = posixpath.normpath(posixpath.join(posixpath.dirname(rel), nxt.group(1))) if nxt else ""
                assert not rel or rel.startswith("es/") == (lang == "es"), rel
            assert got == want and seen == pages, (first, lang)
    # every page of the whole list names the actors' pages, in the page's language
    for lang, start, iom_name in (("en", "", "International Organization for Migration"),
                                  ("es", "es/", "Organización Internacional para las Migraciones")):
        blocks = {tuple(re.findall(r">([^<]+)</a>", re.search(r'<p class="filters">(?:By actor:|Por actor:) (.*?)</p>',
                                                          (site / page).read_text(encoding="utf-8")).group(1)))
                  for page in [f"{start}commitments.html", *(f"{start}commitments/page/{n}.html" for n in range(2, -(-len(whole) // 7) + 1))]}
        assert len(blocks) == 1 and iom_name in next(iter(blocks)), (lang, blocks)
    # the exports hold the whole list
    assert (site / "commitments.csv").read_text(encoding="utf-8").count("\n") == len(whole) + 1


@pytest.mark.parametrize("entries", [0, 6, 200])  # 0: cut between two meetings of one day
def test_the_feeds_from_the_stored_rows_are_the_queried_ones(loaded: Path, entries: int, monkeypatch: pytest.MonkeyPatch):
    """The meetings feed (the newest, cut at MAX_ENTRIES with the meetings of the cut's day) and an
    actor's feed (as of the last meeting) from the rows the load stored for the home page are the
    feeds made by querying every meeting."""
    import msgspec

    from rcmkg.index.published import cached_published
    from rcmkg.publish import feeds

    with LocalStore(loaded, read_only=True) as store:
        entry = cached_published(store)
        assert entry is not None and len(entry.meetings) > 6
        dates = [m.date for m in entry.meetings]
        assert dates == sorted(dates, reverse=True)
        entries = entries or next(k for k in range(1, len(dates)) if dates[k - 1] == dates[k])
        monkeypatch.setattr(feeds, "MAX_ENTRIES", entries)
        stored = [msgspec.structs.asdict(m) for m in entry.meetings]
        for path in ("meetings", "actor/org/iom", "actor/country/CR"):
            view = GraphView(store.ox, store.base)
            args = (store, view, store.base, path, lambda iri: iri, lambda route: "/" + route)
            got = feeds.build_feed(*args, stored).xml()
            assert "last_meeting_date" not in view.__dict__  # not queried
            assert got == feeds.build_feed(*args).xml(), path
            assert got.count(b"<entry>") == min(entries, got.count(b"<entry>")) > 0


def test_one_actors_listing_reads_its_own_shards(loaded: Path, monkeypatch: pytest.MonkeyPatch):
    """``rcmkg commitments --actor``, an actor's feed and ``/commitments?actor=`` read the shards the
    load listed for the actor (SHARDS_OF: those with an entry it made or whose evidence names it
    present), and give what the listing of every shard gives, for every actor on every day asked."""
    from rcmkg.index import commitments as index

    with LocalStore(loaded, read_only=True) as store:
        entries = cached_commitments(store)
        assert entries is not None
        actors = sorted({a for e in entries for a in (*e.row.actor_iris, *(x for v in e.evidence for x in v.present))})
        assert len(actors) > 10 and ID + "country/PA" in actors
        read: list[str] = []
        get = store.index.get
        monkeypatch.setattr(store.index, "get", lambda s, k: (read.append(s) if k == index.MADE else None, get(s, k))[1])
        for who in actors:
            shards = index.decode_meetings(get(who, index.SHARDS_OF))
            assert shards == sorted({e.row.meeting for e in entries if who in e.row.actor_iris
                                     or any(who in v.present for v in e.evidence)}), who
            for as_of in ("2031-02-01", "2031-12-31"):
                read.clear()
                got = [r.to_dict() for r in commitments(store, actor=who, as_of=as_of)]
                assert got == _selected(entries, who, None, as_of, None), (who, as_of)
                assert read == shards, who  # those shards, each once, and no other
        # PA's share of the member countries' commitment comes from a shard it made nothing in
        assert ID + "meeting/rcm-lon-smtp/2031-01-10" in index.decode_meetings(get(ID + "country/PA", index.SHARDS_OF))
        # an actor with no commitment reads no shard
        read.clear()
        assert index.cached_commitments_of(store, ID + "org/no-commitment", lambda *_: True) == [] and read == []


@pytest.mark.parametrize(("due", "as_of", "status"), [
    (None, "2031-12-31", None),
    (None, "2010-06-30", "open"),
    ("2008-01-01", "2031-12-31", "overdue"),
    (None, "2031-12-31", "fulfilled"),
    (None, "2031-02-01", "unknown"),
])
def test_a_page_of_the_whole_list_decodes_its_own_rows(loaded: Path, monkeypatch: pytest.MonkeyPatch, due: str | None,
                                                       as_of: str, status: str | None):
    """The whole list (no actor, no item) is ordered and counted from the stand-ins the load keeps
    (LISTED: dates, due dates, evidence kinds); a page's rows are then read from their meetings'
    shards only, and are the rows of that page of the list decoded whole."""
    import msgspec

    from rcmkg.index import commitments as index
    from rcmkg.trace.lookup import full_commitments, listed_commitments

    with LocalStore(loaded, read_only=True) as store:
        want = [r.to_dict() for r in commitments(store, due_before=due, as_of=as_of, status=status)]
        read: list[str] = []
        get = store.index.get
        monkeypatch.setattr(store.index, "get", lambda s, k: (read.append(s) if k == index.MADE else None, get(s, k))[1])
        light = listed_commitments(store, status, due, as_of)
        assert light is not None and read == []
        assert [(r.commitment, r.status, r.overdue) for r in light] == [(r["commitment"], r["status"], r["overdue"])
                                                                        for r in want]
        assert want or status == "unknown"
        for start, stop in ((0, 7), (7, 30), (len(light) - 3, len(light))):
            read.clear()
            got = [r.to_dict() for r in full_commitments(store, light[max(0, start):stop], status, due, as_of)]
            assert got == want[max(0, start):stop]
            assert read == sorted({r["meeting"] for r in got})  # those shards, each once
        # a row the index no longer has (a reload meanwhile): the whole list, kept to the rows asked
        if light:
            gone = msgspec.structs.replace(light[0], commitment=light[0].commitment + "-gone")
            assert [r.commitment for r in full_commitments(store, [gone, *light[1:3]], status, due, as_of)] == [
                r["commitment"] for r in want[1:3]]


def test_the_stand_ins_give_every_status_on_every_day(loaded: Path):
    """A stand-in keeps the first piece of evidence of each kind only: the status it gives is the
    full entry's on every day, as evidence of each kind comes and goes out of sight."""
    from rcmkg.trace.lookup import listed_commitments

    with LocalStore(loaded, read_only=True) as store:
        entries = cached_commitments(store)
        assert entries is not None
        kinds = [[v.kind for v in e.evidence] for e in entries]
        assert sum(len(set(k)) > 1 for k in kinds) >= 1  # several kinds
        assert sum(len(set(k)) < len(k) for k in kinds) > 10  # more than one of a kind
        for year in range(2000, 2033):
            for day in (f"{year}-03-15", f"{year}-10-01"):
                light = listed_commitments(store, as_of=day)
                assert light is not None
                full = _selected(entries, None, None, day, None)
                assert [(r.commitment, r.status, r.overdue) for r in light] == [
                    (r["commitment"], r["status"], r["overdue"]) for r in full], day


def test_the_first_of_each_kind_decides_as_all_of_them_do():
    """The reduction itself, over random evidence: every kind, ties on a day, any day asked."""
    import random

    from rcmkg.index.commitments import Listed
    from rcmkg.trace.commitments import CommitmentEntry, CommitmentRow
    from rcmkg.trace.fulfilment import Evidence, decide

    rnd = random.Random(7)
    days = [f"2020-0{m}-{d:02d}" for m in range(1, 7) for d in (1, 15)]
    for n in range(3000):
        evidence = [Evidence(rnd.choice(["done", "progress", "partly", "superseded"]), f"a{k}", rnd.choice(days), "m",
                             rnd.choice(["1", "2", "10", "3.a"]), "", None) for k in range(rnd.randint(0, 6))]
        due = rnd.choice([None, *days])
        row = CommitmentRow(f"c{n}", "2019-12-01", "m", "", [], [], "", None, [], due, None, False, None, [], "", "")
        stand_in = Listed.of(CommitmentEntry(row, [], evidence)).entry("m")
        assert len(stand_in.evidence) <= 4
        for day in ("2019-12-31", *days, "2020-12-31"):
            assert decide(stand_in.evidence, due, day)[0] == decide(evidence, due, day)[0], (evidence, due, day)
