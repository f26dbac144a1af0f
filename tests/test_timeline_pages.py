"""A tracked item's timeline in pages of TIMELINE_ROWS meetings, on the site (``trace/{item}.html``,
then ``trace/{item}/page/{n}.html``) and on the server (``/trace/{item}?page=n``): followed from the
first page by its "next" links, the pages hold every meeting of the timeline once, in order, each
page's chart the meetings of its table; the standalone page of ``rcmkg trace --html`` stays whole.

The samples' items are dealt with at a handful of meetings: the page size is made 2 here, as a
10,000-report archive's items at 2,652 meetings make pages of 200 (bench/README.md).
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from pathlib import Path

import httpx
import pytest
from builders import BASE, convert_samples, disk_store, serve_store

from rcmkg.publish.views import timeline as timeline_views
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


def _page_parts(html: str) -> tuple[list[str], list[str], str | None, str | None]:
    """The table's row anchors, the chart's dot links, the pager's text and its next link."""
    table = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r'<tr id="([^"]+)"', table)
    chart = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    dots = re.findall(r'<a href="#([^"]+)"', chart)
    pager = re.search(r'<nav class="pager"[^>]*>(.*?)</nav>', html, re.S)
    nxt = re.search(r'<a rel="next" href="([^"]+)"', html)
    return rows, dots, pager.group(1) if pager else None, html_lib.unescape(nxt.group(1)) if nxt else None


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


@pytest.mark.slow
def test_the_site_writes_the_timeline_in_pages(store_dir: Path, anchors: list[str], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch):
    from rcmkg.publish.site.build import publish_site

    monkeypatch.setattr(timeline_views, "TIMELINE_ROWS", ROWS)
    with LocalStore(store_dir, base=BASE, read_only=True) as store:
        publish_site(store, Settings(base=BASE), tmp_path / "site", validate=False, ontology_docs=False, jobs=1)
    site = tmp_path / "site"
    for lang, first in (("en", f"trace/{SLUG}.html"), ("es", f"es/trace/{SLUG}.html")):
        pages, rel, names = [], first, []
        while rel:
            names.append(rel)
            html = (site / rel).read_text(encoding="utf-8")
            pages.append(html)
            nxt = _page_parts(html)[3]
            rel = posixpath.normpath(posixpath.join(posixpath.dirname(rel), nxt)) if nxt else ""
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
