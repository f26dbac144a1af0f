"""The static site's search, exports and feeds (``rcmkg publish``), as the server offers them.

* ``search.html`` with ``search/`` (the index, in parts) and ``static/search.js``: the full-text search with facets,
  in the browser (:mod:`rcmkg.search.static`); ``?q=...&country=...`` in its URL as on the server.
* ``commitments.csv|xlsx|json`` (all), and per actor ``commitments/actor/{org|country|...}/{slug}.html``
  with its own ``.csv|.xlsx|.json``: a static site has no query string to filter by, so each filter
  the server takes in its URL (``?actor=``) is a page of its own. A list longer than a page goes on
  in ``{list}/page/{n}.html`` (the server's ``?page=n``).
* ``trace/{item}.csv|xlsx|json``: each timeline as a list.
* ``feeds/meetings.atom``, ``feeds/item/{slug}.atom``, ``feeds/actor/{kind}/{slug}.atom``: the Atom
  feeds, with absolute links under the site's address.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from rcmkg import i18n
from rcmkg.errors import NotFound
from rcmkg.publish.exports import commitments_table, timeline_table
from rcmkg.publish.feeds import build_feed
from rcmkg.publish.source import Source
from rcmkg.publish.views import timeline as timeline_view
from rcmkg.publish.views.pages import GraphView, StaticLinker, actor_feed_path
from rcmkg.publish.views.render import render
from rcmkg.publish.views.timeline import commitment_actors, commitments_model, track_iri
from rcmkg.search.query import search_index
from rcmkg.search.static import static_index, ui_words
from rcmkg.store.local import LocalStore
from rcmkg.trace.lookup import trace

EXPORTS = ("csv", "xlsx", "json")


def write_extras(source: Source, view: GraphView, root: StaticLinker, write: Callable[[str, bytes | str], None],
                 pages_in_every_language: Callable[[str, Callable[[StaticLinker], str]], None],
                 base: str, site_url: str, tracks: list[dict[str, Any]]) -> int:
    """Write the search page and index, the exports and the feeds; returns how many pages.

    ``write(rel, data)`` writes a file, ``pages_in_every_language(rel, make)`` a page in every
    interface language (``make(linker)`` renders it)."""
    html = pages_in_every_language
    pages = 0
    # search
    if isinstance(source, LocalStore):
        index = search_index(source)

        def doc_page(iri: str) -> str | None:
            href = root.href(iri)
            return None if href.startswith(("http:", "https:")) else href

        with index._lock:
            files = static_index(index.conn, doc_page)
        for rel, script in files.items():
            write(f"search/{rel}", script)
        html("search.html", lambda linker: render("search_static.html", linker, index_js=linker.url("export:search/index.js"),
                                                  ui_words=ui_words(linker.lang)))
        pages += 1
    # commitments, all and per actor (each page's model made in its language: headings, statuses, names)
    actors = commitment_actors(source)
    rels = {a.iri: f"commitments/{actor_feed_path(a.iri, base)}" for a in actors}

    def page_rel(rel: str, number: int) -> str:
        return f"{rel}.html" if number == 1 else f"{rel}/page/{number}.html"

    names: dict[str, list[Any]] = {}  # language -> the actors by label, for the whole list's pages

    def listing(linker: StaticLinker, raw: list[Any], number: int, actor: Any = None) -> str:
        with i18n.use(linker.lang):
            m = commitments_model(source, view, actor=actor.iri if actor else None, page=number, raw=raw)
            if actor is None and linker.lang not in names:
                # once per language: every list page asked (303 times at 10,000 reports, 9 s)
                names[linker.lang] = commitment_actors(source, view)
        rel = rels[actor.iri] if actor else "commitments"
        extra: dict[str, Any] = {
            "statuses": [], "exports": [(f.upper(), linker.url(f"export:{rel}.{f}")) for f in EXPORTS],
            "feeds": [(m["actor_label"], linker.url(f"feed:{actor_feed_path(actor.iri, base)}"))] if actor else [],
            "pager": {"page": number, "pages": m["pages"],
                      "prev": linker.url(f"export:{page_rel(rel, number - 1)}") if number > 1 else None,
                      "next": linker.url(f"export:{page_rel(rel, number + 1)}") if number < m["pages"] else None,
                      } if m["pages"] > 1 else None}
        if actor is None:
            extra["actor_pages"] = [(a.label, linker.url(f"export:{rels[a.iri]}.html")) for a in names[linker.lang]]
        return render("commitments.html", linker, **{**m, **extra})

    def listings(raw: list[Any], actor: Any = None) -> int:
        """The list in pages of COMMITMENT_ROWS (the whole list of 10,000 reports was 13.6 MB of HTML
        in one page); the exports hold it whole."""
        rel = rels[actor.iri] if actor else "commitments"
        count = max(1, -(-len(raw) // timeline_view.COMMITMENT_ROWS))
        for number in range(1, count + 1):
            html(page_rel(rel, number), functools.partial(listing, raw=raw, number=number, actor=actor))
        return count

    everything = commitments_model(source, view)["raw"]
    for fmt in EXPORTS:
        write(f"commitments.{fmt}", commitments_table(everything).render(fmt))
    pages += listings(everything) - 1
    for a in actors:
        raw = commitments_model(source, view, actor=a.iri)["raw"]
        for fmt in EXPORTS:
            write(f"{rels[a.iri]}.{fmt}", commitments_table(raw, a.slug).render(fmt))
        pages += listings(raw, a)
    # timelines as lists
    for t in tracks:
        slug = t["slug"]
        try:
            timeline = trace(source, track_iri(source, base, slug))
        except NotFound:
            continue
        table = timeline_table(timeline, f"timeline-{slug}")
        for fmt in EXPORTS:
            write(f"trace/{slug}.{fmt}", table.render(fmt))
    # feeds
    site = site_url if site_url.endswith("/") else site_url + "/"

    def href(iri: str) -> str:
        h = root.href(iri)
        return h if h.startswith(("http:", "https:")) else site + h

    def route(name: str) -> str:
        return site + root.url(name)

    paths = ["meetings", *(f"item/{t['slug']}" for t in tracks), *(actor_feed_path(a.iri, base) for a in actors)]
    for path in paths:
        try:
            write(f"feeds/{path}.atom", build_feed(source, view, base, path, href, route).xml())
        except NotFound:
            continue
    return pages
