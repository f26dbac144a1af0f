"""Timeline and commitments pages, from :mod:`rcmkg.trace`.

``rcmkg trace --html`` and the web timeline say the same thing because both come from
:func:`rcmkg.trace.trace` and its template ``trace.html`` (:func:`rcmkg.trace.render_html`). That
page is self-contained (its own CSS, an SVG, no JavaScript); here its styles and body are placed in
the site's layout and its links to things (``{base}id/...``) are pointed at the site's pages, so a
partner browsing a local server or a static copy stays on it. Should the template be missing, a
plain timeline is drawn from the same :class:`rcmkg.trace.Timeline`.
"""

from __future__ import annotations

import html
import re
from typing import Any

from rcmkg.errors import NotFound
from rcmkg.namespaces import RCM
from rcmkg.settings import Settings


def _queryable(source: Any) -> Any:
    """``source`` if it answers ``query() -> QueryResult`` (a :class:`rcmkg.store.LocalStore`)."""
    if hasattr(source, "query") and hasattr(source, "graphs"):
        return source
    raise NotFound("timelines need the project's store (rcmkg.store.LocalStore)")


def track_iri(source: Any, settings: Settings, slug: str) -> str:
    """The tracked item named by ``slug`` (exactly: URLs are not searched); raises :class:`NotFound`."""
    iri = f"{settings.base}id/track/{slug}"
    if not re.fullmatch(r"[A-Za-z0-9._~-]+", slug) or not _queryable(source).query(
            f"ASK {{ <{iri}> a <{RCM}TrackedItem> }}").boolean:
        raise NotFound(f"no tracked item {slug!r}")
    return iri


_HREF = re.compile(r'(href|xlink:href)="([^"]*)"')
_STYLE = re.compile(r"<style[^>]*>.*?</style>", re.S | re.I)
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)


def _relink(page: str, base: str, linker: Any) -> str:
    """Point links to ``{base}id/...`` at the site's own pages (values are HTML-escaped in and out)."""
    id_base = base + "id/"

    def sub(m: re.Match[str]) -> str:
        value = html.unescape(m.group(2))
        if value.startswith(id_base):
            value = linker.href(value)
        return f'{m.group(1)}="{html.escape(value, quote=True)}"'

    return _HREF.sub(sub, page)


def timeline_html(source: Any, settings: Settings, slug: str, linker: Any) -> tuple[str, str, str]:
    """(title, styles, body HTML) of a tracked item's timeline; raises :class:`NotFound`."""
    import jinja2

    from rcmkg.trace import render_html, trace

    store = _queryable(source)
    timeline = trace(store, track_iri(store, settings, slug))
    title = timeline.item.label
    try:
        page = render_html(timeline)
    except jinja2.TemplateNotFound:
        from rcmkg.publish.pages import environment

        body = environment().get_template("_timeline.html").render(t=timeline, href=linker.href)
        return title, "", body
    page = _relink(page, settings.base, linker)
    styles = "\n".join(_STYLE.findall(page))
    m = _BODY.search(page)
    return title, styles, m.group(1) if m else page


def commitments_model(source: Any, view: Any, status: str | None = None) -> dict[str, Any]:
    """Columns and rows of the commitments page, from :func:`rcmkg.trace.commitments`."""
    from rcmkg.publish.pages import Term
    from rcmkg.trace import STATUSES, commitments

    rows = []
    for c in commitments(_queryable(source), status=status):
        agreement = c.commitment.rsplit("/commitment/", 1)[0]
        meeting = view.term(_node(c.meeting))
        meeting.label = c.date
        item = view.term(_node(agreement))
        item.label = f"item {c.agreement}"
        who = [view.term(_node(a)) for a in c.actor_iris]
        action = Term("literal", c.action, lang="en")
        action_link = view.term(_node(c.commitment))
        action_link.label = c.action
        due = Term("literal", c.due or c.due_text or "—")
        state = c.status + (f" ({c.followed_up})" if c.followed_up else "")
        follow = view.term(_node(c.followed_up_at)) if c.followed_up_at else None
        if follow is not None:
            follow.label = state
        rows.append([meeting, item, who[0] if len(who) == 1 else Term("literal", ", ".join(c.actors) or "(unstated)"),
                     action_link if view.exists(c.commitment) else action, due, follow or Term("literal", state)])
    return {"columns": ["Meeting", "Agreement", "Who", "What", "Due", "Status"], "rows": rows,
            "statuses": list(STATUSES), "status": status}


def _node(iri: str) -> Any:
    from pyoxigraph import NamedNode

    return NamedNode(iri)
