"""Lists that grow with the archive, in pages, on the site and on the server alike.

* A tracked item's timeline, TIMELINE_ROWS meetings a page: the site's ``trace/{item}.html`` then
  ``trace/{item}/page/{n}.html``, the server's ``/trace/{item}?page=n``. Followed from the first page
  by its "next" links, the pages hold every meeting of the timeline once, in order, each page's chart
  the meetings of its table; the standalone page of ``rcmkg trace --html`` stays whole.
* The meetings, MEETINGS_PAGE a page, newest first: the home page lists the first page and links to
  the second; ``meetings.html`` then ``meetings/page/{n}.html`` on the site, ``/meetings?page=n`` on
  the server, hold every meeting once. The index of names names at most LABELS_MEETINGS of them;
  beyond, it counts them and links to the list.

The samples are a handful of meetings: the page sizes are made 2 here, as a 10,000-report archive
makes pages of 200 and 300 (bench/README.md).
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from pathlib import Path

import httpx
import pytest
from builders import BASE, CHROMIUM, chromium, convert_samples, disk_store, serve_store

from rcmkg.publish.views import pages as page_views
from rcmkg.publish.views import timeline as timeline_views
from rcmkg.publish.views.pages import GraphView
from rcmkg.settings import Settings
from rcmkg.store.local import LocalStore
from rcmkg.trace.lookup import trace

SLUG = "work-plan-migrant-smuggling"
ROWS = 2


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("timeline-pages")
    return disk_store(convert_samples(root / "rdf"), root / "store")


@pytest.fixture(scope="module")
def anchors(store_dir: Path) -> list[str]:
    """The row anchors of the whole timeline, in its order (as the one-page timeline numbers them)."""
    with LocalStore(store_dir, base=BASE, read_only=True) as store:
        rows = trace(store, f"{BASE}id/track/{SLUG}").rows
    assert len(rows) > 2 * ROWS, "the item must take three pages or more"
    return [f"m-{r.date}-{i}" for i, r in enumerate(rows)]


def _next(html: str) -> str | None:
    """A page's "next" link, unescaped."""
    found = re.search(r'<a rel="next" href="([^"]+)"', html)
    return html_lib.unescape(found.group(1)) if found else None


def _page_parts(html: str) -> tuple[list[str], list[str], str | None, str | None]:
    """The table's row anchors, the chart's dot links, the pager's text and its next link."""
    table = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r'<tr id="([^"]+)"', table)
    chart = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    dots = re.findall(r'<a href="#([^"]+)"', chart)
    pager = re.search(r'<nav class="pager"[^>]*>(.*?)</nav>', html, re.S)
    return rows, dots, pager.group(1) if pager else None, _next(html)


def _check_chain(pages: list[str], anchors: list[str], lang: str) -> None:
    """Every page of one chain: its rows, its chart, its pager's words; together, the whole timeline."""
    total = -(-len(anchors) // ROWS)
    assert len(pages) == total
    got: list[str] = []
    for number, html in enumerate(pages, 1):
        rows, dots, pager, _ = _page_parts(html)
        assert 1 <= len(rows) <= ROWS and dots == rows, (number, rows, dots)
        assert pager is not None
        first, last = len(got) + 1, len(got) + len(rows)
        if lang == "en":
            assert f"Page {number} of {total}" in pager and f"meetings {first} to {last} of {len(anchors)}" in pager
        else:
            assert f"Página {number} de {total}" in pager and f"reuniones {first} a {last} de {len(anchors)}" in pager
        # the heading speaks of the whole timeline on every page
        assert (f"{len(anchors)} meetings" if lang == "en" else f"{len(anchors)} reuniones") in html
        assert ('rel="prev"' in pager) == (number > 1)
        got += rows
    assert got == anchors


def _publish(store_dir: Path, tmp_path: Path) -> Path:
    from rcmkg.publish.site.build import publish_site

    with LocalStore(store_dir, base=BASE, read_only=True) as store:
        publish_site(store, Settings(base=BASE), tmp_path / "site", validate=False, ontology_docs=False, jobs=1)
    return tmp_path / "site"


def _follow(site: Path, first: str) -> tuple[list[str], list[str]]:
    """The site's pages from ``first`` by their "next" links: their paths and their text."""
    names, pages, rel = [], [], first
    while rel:
        names.append(rel)
        pages.append((site / rel).read_text(encoding="utf-8"))
        nxt = _next(pages[-1])
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(rel), nxt)) if nxt else ""
    return names, pages


@pytest.mark.slow
def test_the_site_writes_the_timeline_in_pages(store_dir: Path, anchors: list[str], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(timeline_views, "TIMELINE_ROWS", ROWS)
    site = _publish(store_dir, tmp_path)
    for lang, first in (("en", f"trace/{SLUG}.html"), ("es", f"es/trace/{SLUG}.html")):
        names, pages = _follow(site, first)
        _check_chain(pages, anchors, lang)
        prefix = "" if lang == "en" else "es/"
        assert names == [first, *(f"{prefix}trace/{SLUG}/page/{n}.html" for n in range(2, len(pages) + 1))]
        # page 2's "previous" is the timeline's own page, not a page/1
        prev = re.search(r'<a rel="prev" href="([^"]+)"', pages[1]).group(1)
        assert posixpath.normpath(posixpath.join(posixpath.dirname(names[1]), prev)) == first
    # the home page links to the first page, and the exports hold the whole timeline
    assert f'href="trace/{SLUG}.html"' in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "trace" / f"{SLUG}.csv").read_text(encoding="utf-8").count("\n") >= len(anchors) + 1


@pytest.mark.slow
def test_the_server_answers_the_timeline_in_pages(store_dir: Path, anchors: list[str],
                                                  monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(timeline_views, "TIMELINE_ROWS", ROWS)
    total = -(-len(anchors) // ROWS)
    with serve_store(store_dir, Settings(base=BASE)) as url, httpx.Client(base_url=url) as client:
        for lang in ("en", "es"):
            pages, path = [], f"/trace/{SLUG}" + ("?lang=es" if lang == "es" else "")
            while path:
                answer = client.get(path)
                assert answer.status_code == 200, path
                pages.append(answer.text)
                path = _page_parts(answer.text)[3] or ""
                assert not path or ("lang=es" in path) == (lang == "es"), path
            _check_chain(pages, anchors, lang)
        assert client.get(f"/trace/{SLUG}", params={"page": 2}).text == client.get(f"/trace/{SLUG}?page=2").text
        prev = re.search(r'<a rel="prev" href="([^"]+)"', client.get(f"/trace/{SLUG}?page=2").text).group(1)
        assert prev == f"/trace/{SLUG}"
        assert client.get(f"/trace/{SLUG}", params={"page": total + 1}).status_code == 404
        for bad in ("0", "-1", "two", "1e3", "９"):
            assert client.get(f"/trace/{SLUG}", params={"page": bad}).status_code == 400, bad


def test_the_standalone_timeline_stays_whole(store_dir: Path, anchors: list[str], monkeypatch: pytest.MonkeyPatch):
    """``rcmkg trace --html`` writes one file: every meeting, no pager."""
    monkeypatch.setattr(timeline_views, "TIMELINE_ROWS", ROWS)
    with LocalStore(store_dir, base=BASE, read_only=True) as store:
        html = timeline_views.standalone_html(trace(store, f"{BASE}id/track/{SLUG}"))
    rows, dots, pager, nxt = _page_parts(html)
    assert rows == dots == anchors and pager is None and nxt is None


@pytest.fixture(scope="module")
def meetings(store_dir: Path) -> list[str]:
    """Every meeting's IRI, newest first, as the home page lists them."""
    with LocalStore(store_dir, base=BASE, read_only=True) as store:
        listed = [m["meeting"].value for m in GraphView(store.ox, store.base).meetings()]
    assert len(listed) > 2 * ROWS, "the meetings must take three pages or more"
    return listed


def _listed(html: str) -> list[str]:
    """The meetings a page lists (their IRIs, from the links' titles), in its order."""
    section = html.split('<section class="meetings">', 1)[1].split("</section>", 1)[0]
    return [t for t in re.findall(r'<a [^>]*title="([^"]+)"', section) if "/id/meeting/" in t]  # not their places


def _check_meetings(home: str, pages: list[str], meetings: list[str], lang: str) -> None:
    total = -(-len(meetings) // ROWS)
    assert len(pages) == total
    assert _listed(home) == meetings[:ROWS]
    got: list[str] = []
    for number, html in enumerate(pages, 1):
        listed = _listed(html)
        assert 1 <= len(listed) <= ROWS, (number, listed)
        assert (f"Page {number} of {total}" if lang == "en" else f"Página {number} de {total}") in html
        assert (f"{len(meetings)} meetings" if lang == "en" else f"{len(meetings)} reuniones") in html
        got += listed
    assert got == meetings


@pytest.mark.slow
def test_the_site_lists_the_meetings_in_pages(store_dir: Path, meetings: list[str], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch):
    from rcmkg.publish.site import build

    monkeypatch.setattr(page_views, "MEETINGS_PAGE", ROWS)
    monkeypatch.setattr(build, "MEETINGS_PAGE", ROWS)
    monkeypatch.setattr(build, "LABELS_MEETINGS", ROWS)
    site = _publish(store_dir, tmp_path)
    for lang, prefix in (("en", ""), ("es", "es/")):
        # the index of names: more meetings than it names, so it counts them and links to the list
        labels = (site / f"{prefix}labels.html").read_text(encoding="utf-8")
        section = labels.split('<h2 id="meeting">', 1)[1].split("</section>", 1)[0]
        assert "/id/meeting/" not in section and "<table" not in section
        assert (f"{len(meetings)} meetings" if lang == "en" else f"{len(meetings)} reuniones") in section
        listed = re.search(r'<a href="([^"]+)">(?:the list of meetings|la lista de reuniones)</a>', section).group(1)
        assert posixpath.normpath(posixpath.join(prefix or ".", listed)) == f"{prefix}meetings.html"
        assert re.search(r'<a href="[^"]*country/MX\.html">', labels)  # the other groups still name theirs
        home = (site / f"{prefix}index.html").read_text(encoding="utf-8")
        # the home page's link to the older meetings: the list's second page
        older = re.search(r'<a href="([^"]+)">(?:the list of meetings|la lista de reuniones)</a>', home).group(1)
        assert posixpath.normpath(posixpath.join(prefix or ".", older)) == f"{prefix}meetings/page/2.html"
        names, pages = _follow(site, f"{prefix}meetings.html")
        _check_meetings(home, pages, meetings, lang)
        assert names == [f"{prefix}meetings.html", *(f"{prefix}meetings/page/{n}.html" for n in range(2, len(pages) + 1))]


@pytest.mark.slow
def test_the_server_lists_the_meetings_in_pages(store_dir: Path, meetings: list[str], monkeypatch: pytest.MonkeyPatch):
    from rcmkg.publish import app

    monkeypatch.setattr(app, "MEETINGS_PAGE", ROWS)
    total = -(-len(meetings) // ROWS)
    with serve_store(store_dir, Settings(base=BASE)) as url, httpx.Client(base_url=url) as client:
        for lang in ("en", "es"):
            query = "?lang=es" if lang == "es" else ""
            home = client.get("/" + query).text
            older = html_lib.unescape(re.search(r'<a href="([^"]+)">(?:the list of meetings|la lista de reuniones)</a>',
                                                home).group(1))
            assert older == "/meetings?page=2" + ("&lang=es" if lang == "es" else "")
            pages, path = [], "/meetings" + query
            while path:
                answer = client.get(path)
                assert answer.status_code == 200, path
                pages.append(answer.text)
                path = _next(answer.text) or ""
            _check_meetings(home, pages, meetings, lang)
        assert client.get("/meetings", params={"page": total + 1}).status_code == 404
        for bad in ("0", "x", "1.5"):
            assert client.get("/meetings", params={"page": bad}).status_code == 400, bad


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (make system-deps)")
def test_a_phone_walks_the_pages_without_javascript(store_dir: Path, meetings: list[str], anchors: list[str],
                                                    monkeypatch: pytest.MonkeyPatch):
    """In Chromium at phone size with JavaScript off: home -> the older meetings -> Next to the last
    page; a timeline's Next -> page 2, whose chart's dot leads to its row. No page scrolls sideways."""
    from playwright.sync_api import expect

    from rcmkg.publish import app

    monkeypatch.setattr(app, "MEETINGS_PAGE", ROWS)
    monkeypatch.setattr(timeline_views, "TIMELINE_ROWS", ROWS)
    with serve_store(store_dir, Settings(base=BASE)) as url, chromium() as browser:
        context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844}, base_url=url)
        page = context.new_page()

        def no_sideways_scroll() -> None:
            width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width <= inner, (page.url, width, inner)

        page.goto("/")
        page.get_by_role("link", name="the list of meetings").click()
        expect(page).to_have_url(f"{url}/meetings?page=2")
        seen = 2
        while page.locator('a[rel="next"]').count():
            no_sideways_scroll()
            page.locator('a[rel="next"]').first.click()
            seen += 1
            expect(page).to_have_url(f"{url}/meetings?page={seen}")
        assert seen == -(-len(meetings) // ROWS)
        expect(page.locator("section.meetings time").last).to_be_visible()
        page.locator('a[rel="prev"]').first.click()
        expect(page).to_have_url(f"{url}/meetings?page={seen - 1}")
        # Previous and Next apart, not one run of text ("PreviousNext") with two links in it
        prev, nxt = (page.locator(f'nav.pager a[rel="{r}"]').first.bounding_box() for r in ("prev", "next"))
        assert prev and nxt and nxt["x"] - (prev["x"] + prev["width"]) >= 8, (prev, nxt)

        page.goto(f"/trace/{SLUG}")
        no_sideways_scroll()
        page.locator('a[rel="next"]').first.click()
        expect(page).to_have_url(f"{url}/trace/{SLUG}?page=2")
        expect(page.locator("nav.pager").first).to_contain_text(f"meetings {ROWS + 1} to {2 * ROWS} of {len(anchors)}")
        no_sideways_scroll()
        context.close()
        # the chart is shown on a desktop: its dots link to the rows of the same page
        context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800}, base_url=url)
        page = context.new_page()
        page.goto(f"/trace/{SLUG}?page=2")
        page.locator("figure.chart svg a").first.click()
        expect(page).to_have_url(f"{url}/trace/{SLUG}?page=2#{anchors[ROWS]}")
        expect(page.locator(f"tr#{anchors[ROWS]}")).to_be_visible()
        context.close()
