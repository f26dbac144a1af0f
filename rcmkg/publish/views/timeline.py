"""Timeline and commitments pages, from :mod:`rcmkg.trace`.

``rcmkg trace --html``, the server's ``/trace/{item}`` and the site's ``trace/{item}.html`` say the
same thing because they render the same :class:`~rcmkg.trace.timeline.Timeline` with the same
template, ``_trace.html`` (its styles, an SVG whose geometry :func:`timeline_svg` computes, and the
table; no JavaScript): ``trace.html`` wraps it as a self-contained page, ``timeline.html`` in the
site's layout.
"""

from __future__ import annotations

import re
from datetime import date as Date
from typing import Any, TypeVar

import pyoxigraph as ox

from rcmkg import i18n
from rcmkg.errors import NotFound
from rcmkg.i18n import N_
from rcmkg.index.commitments import cached_committers
from rcmkg.namespaces import RCM, STAGES
from rcmkg.publish.source import Source
from rcmkg.publish.views.pages import GraphView, Linker, Term, list_pager, pages_of
from rcmkg.publish.views.render import render, render_page
from rcmkg.trace.commitments import STATUSES, CommitmentRow, actor_names
from rcmkg.trace.lookup import commitments, trace
from rcmkg.trace.resolve import Named, resolve_actor, resolve_item
from rcmkg.trace.timeline import Timeline, TraceRow

STAGE_COLOURS = {
    "proposed": "#9ecae1", "in-preparation": "#6baed6", "drafted": "#4292c6", "circulated-for-review": "#2171b5",
    "submitted": "#08519c", "approved": "#238b45", "distributed": "#41ab5d",
    "in-implementation": "#006d2c",
    "deferred": "#d94801", "withdrawn": "#a50f15", "superseded": "#756bb1", None: "#bdbdbd",
}


#: The names of stages and modalities on a page (translated where shown: rcmkg.i18n).
STAGE_NAMES = {
    "proposed": N_("proposed"), "in-preparation": N_("in preparation"), "drafted": N_("drafted"),
    "circulated-for-review": N_("circulated for review"), "submitted": N_("submitted"), "approved": N_("approved"),
    "distributed": N_("distributed"), "in-implementation": N_("in implementation"), "deferred": N_("deferred"),
    "withdrawn": N_("withdrawn"), "superseded": N_("superseded"), "done": N_("done"), "planned": N_("planned"),
    "requested": N_("requested"), "mentioned": N_("mentioned"),
}


def stage_name(slug: str | None) -> str:
    """A stage or modality slug as the page's language names it."""
    if not slug:
        return ""
    known = STAGE_NAMES.get(slug)
    return i18n.gettext(known) if known else slug.replace("-", " ")


def timeline_svg(timeline: Timeline, width: int = 960, *, rows: list[TraceRow] | None = None,
                 first: int = 0) -> dict[str, Any]:
    """Geometry of the SVG timeline: one lane per stage (path order, bottom to top; off-path
    outcomes and bare mentions in their own lanes), one dot per meeting at its date, labels where
    there is room. The template only draws what this returns.

    ``rows``, the meetings of one page of the timeline (default: all of them), the ``first``-th of
    the timeline first: a dot's anchor is numbered in the whole timeline, so it names the same
    meeting on every page."""
    rows = timeline.rows if rows is None else rows
    lanes = [s for s, _ in STAGES if _ > 0] + [s for s, r in STAGES if r == 0] + [None]
    used = {r.stage for r in rows}
    lanes = [s for s in lanes if s in used] or [None]
    lane_h, top, left, right, bottom = 34, 24, 170, 24, 44
    height = top + lane_h * len(lanes) + bottom
    dates = [Date.fromisoformat(r.date) for r in rows]
    if dates:
        lo, hi = min(dates), max(dates)
    else:
        lo = hi = Date.today()
    lo_o, hi_o = lo.toordinal() - 45, hi.toordinal() + 45
    span = max(1, hi_o - lo_o)

    def x(d: Date) -> float:
        return round(left + (width - left - right) * (d.toordinal() - lo_o) / span, 1)

    def y(stage: str | None) -> float:
        return top + lane_h * (len(lanes) - 1 - lanes.index(stage)) + lane_h / 2

    lane_rows = [{"label": stage_name(s or "mentioned"), "y": y(s), "colour": STAGE_COLOURS.get(s, "#bdbdbd")}
                 for s in lanes]
    dots: list[dict[str, Any]] = []
    path: list[str] = []
    last_label_x: dict[str | None, float] = {}
    for r, d in zip(rows, dates, strict=True):
        cx, cy = x(d), y(r.stage)
        show = cx - last_label_x.get(r.stage, -1e9) >= 70
        if show:
            last_label_x[r.stage] = cx
        stages = "; ".join(stage_name(m.stage) + (f" ({stage_name(m.modality)})" if m.modality else "") for m in r.stages)
        title = f"{i18n.format_date(r.date)} · {r.place} · {stages or stage_name('mentioned')}" + (f"\n“{r.quote}”" if r.quote else "")
        dots.append({"x": cx, "y": cy, "colour": STAGE_COLOURS.get(r.stage, "#bdbdbd"), "title": title,
                     "label": f"{stage_name(r.stage or 'mentioned')} · {i18n.format_date(r.date, form='medium')}" if show else None,
                     "anchor": f"m-{r.date}-{first + len(dots)}", "done": r.modality in (None, "done")})
        if r.stage:
            path.append(f"{cx},{cy}")
    ticks = []
    for year in range(Date.fromordinal(lo_o).year, Date.fromordinal(hi_o).year + 2):
        d = Date(year, 1, 1)
        if lo_o <= d.toordinal() <= hi_o:
            ticks.append({"x": x(d), "label": str(year)})
    step = max(1, len(ticks) // 12)
    ticks = [t for i, t in enumerate(ticks) if i % step == 0]
    return {"width": width, "height": height, "left": left, "right": width - right, "top": top,
            "axis_y": height - bottom + 8, "lanes": lane_rows, "dots": dots, "path": " ".join(path), "ticks": ticks,
            "legend": [{"stage": s, "colour": STAGE_COLOURS[s]} for s in lanes if s]}


def standalone_html(timeline: Timeline) -> str:
    """A self-contained HTML page (``rcmkg trace --html``): inline CSS, an SVG timeline and the
    table; no JavaScript.

    >>> html = standalone_html(trace(store, "rcm-glossary"))                 # doctest: +SKIP
    """
    return render_page("trace.html", t=timeline, svg=timeline_svg(timeline), colours=STAGE_COLOURS, stage_name=stage_name)


def track_iri(source: Source, base: str, slug: str) -> str:
    """The tracked item named by ``slug`` (exactly: URLs are not searched); raises :class:`NotFound`."""
    iri = f"{base}id/track/{slug}"
    if not re.fullmatch(r"[A-Za-z0-9._~-]+", slug) or not source.query(
            f"ASK {{ <{iri}> a <{RCM}TrackedItem> }}").boolean:
        raise NotFound(f"no tracked item {slug!r}")
    return iri


#: Meetings on a page of a tracked item's timeline (the server's ``?page=``, the site's
#: ``trace/{item}/page/{n}.html``): an item dealt with at 2,652 meetings of a 10,000-report archive was
#: one 4 MB page, and the longest 12.8 MB. The exports hold the whole timeline.
TIMELINE_ROWS = 200


def timeline_pages(timeline: Timeline) -> int:
    """How many pages of :data:`TIMELINE_ROWS` meetings the timeline's page takes (at least one)."""
    return pages_of(len(timeline.rows), TIMELINE_ROWS)


def timeline_page(source: Source, base: str, slug: str, linker: Linker, page: int = 1,
                  timeline: Timeline | None = None) -> str:
    """Page ``page`` (from 1) of the site's page of a tracked item's timeline: its heading and state
    from the whole timeline, the chart and table of :data:`TIMELINE_ROWS` meetings. ``timeline``,
    the item's, when already made (a site writes every page of it). Raises :class:`NotFound` (no such
    item, or no such page)."""
    if timeline is None:
        timeline = trace(source, track_iri(source, base, slug))
    pages = timeline_pages(timeline)
    if not 1 <= page <= pages:
        raise NotFound(f"the timeline of {slug!r} has {pages} page(s)")
    first = (page - 1) * TIMELINE_ROWS
    rows = timeline.rows[first:first + TIMELINE_ROWS]
    with i18n.use(linker.lang):  # the SVG's lane labels and titles too
        svg = timeline_svg(timeline, rows=rows, first=first)
    exports = [(f.upper(), linker.url(f"export:trace/{slug}.{f}")) for f in ("csv", "xlsx", "json")]
    pager = list_pager(linker, f"trace:{slug}", page, pages, first=first + 1, last=first + len(rows),
                       total=len(timeline.rows))
    return render("timeline.html", linker, t=timeline, rows=rows, svg=svg, pager=pager, colours=STAGE_COLOURS,
                  stage_name=stage_name, page_feeds=[(timeline.item.label, linker.url(f"feed:item/{slug}"))],
                  exports=exports)


#: How each status filter reads (the values stay English in URLs and exports).
STATUS_LABELS = {"fulfilled": N_("fulfilled"), "partly-fulfilled": N_("partly fulfilled"), "in-progress": N_("in progress"),
                 "not-fulfilled": N_("not fulfilled"), "superseded": N_("superseded"), "unknown": N_("unknown"),
                 "open": N_("open"), "overdue": N_("overdue")}
COLUMNS = [N_("Meeting"), N_("Agreement"), N_("Who"), N_("What"), N_("Due"), N_("Status"), N_("Evidence"),
           N_("Evidence quote")]


def commitment_filters(source: Source, actor: str | None, item: str | None) -> tuple[Named | None, Named | None]:
    """The actor and tracked item a filter names (as :func:`rcmkg.trace.resolve.resolve_actor` and
    :func:`~rcmkg.trace.resolve.resolve_item` read them); raises :class:`NotFound` or UsageError."""
    return (resolve_actor(source, actor) if actor else None, resolve_item(source, item) if item else None)


#: Rows on a page of the server's commitments list (``?page=``): the whole list of 10,000 reports
#: was 13,000 rows, 13.6 MB of HTML and 7 s of names and links.
COMMITMENT_ROWS = 200


T = TypeVar("T")


def on_page(rows: list[T], page: int) -> list[T]:
    """The rows of page ``page`` (from 1) of a list shown :data:`COMMITMENT_ROWS` at a time."""
    return rows[(page - 1) * COMMITMENT_ROWS:page * COMMITMENT_ROWS]


def commitments_model(source: Source, view: GraphView, status: str | None = None, actor: str | None = None,
                      item: str | None = None, as_of: str | None = None, *, page: int | None = None,
                      raw: list[CommitmentRow] | None = None, total: int | None = None) -> dict[str, Any]:
    """Columns and rows of the commitments page, from :func:`rcmkg.trace.lookup.commitments`, kept to
    ``status``, ``actor`` and ``item`` where given (``raw``: the rows themselves, for exports).

    With ``page`` (from 1), the rows of that page of :data:`COMMITMENT_ROWS` (``total``: all of
    them, ``pages``: how many pages); without, every row. ``raw``: the rows of that list, if known;
    with ``total``, the rows of the page alone, of a list that has ``total``."""
    who, what = commitment_filters(source, actor, item)
    if raw is None:
        raw = commitments(source, actor=who.iri if who else None, item=what.iri if what else None, status=status,
                          as_of=as_of)
    shown = raw if page is None or total is not None else on_page(raw, page)
    total = len(raw) if total is None else total
    rows = []
    for c in shown:
        agreement = c.commitment.rsplit("/commitment/", 1)[0]
        meeting = view.term(ox.NamedNode(c.meeting))
        meeting.label = c.date
        item_term = view.term(ox.NamedNode(agreement))
        item_term.label = i18n.gettext("item %(n)s") % {"n": c.agreement}
        actors = [view.term(ox.NamedNode(a)) for a in c.actor_iris]
        action = Term("literal", c.action, lang="en")
        action_link = view.term(ox.NamedNode(c.commitment))
        action_link.label = c.action
        due = Term("literal", c.due or c.due_text or "—")
        state = i18n.gettext(STATUS_LABELS.get(c.status, c.status)) + (
            " (" + i18n.gettext(STATUS_LABELS["overdue"]) + ")" if c.overdue else "")
        evidence = view.term(ox.NamedNode(c.evidence)) if c.evidence else None
        if evidence is not None:
            evidence.label = f"{c.evidence_date}, {c.evidence_label}"
        rows.append([meeting, item_term, actors[0] if len(actors) == 1 else Term("literal", ", ".join(c.actors) or "(unstated)"),
                     action_link if view.exists(c.commitment) else action, due, Term("literal", state),
                     evidence or Term("literal", "—"), Term("literal", c.evidence_quote or "")])
    return {"columns": [i18n.gettext(c) for c in COLUMNS], "status_labels": STATUS_LABELS,
            "rows": rows, "statuses": list(STATUSES), "status": status, "raw": raw, "total": total,
            "page": page or 1, "pages": max(1, -(-total // COMMITMENT_ROWS)) if page is not None else 1,
            "actor": who, "item": what,
            # names in the page's language
            "actor_label": (view.label(who.iri, i18n.current()) or who.label) if who else None,
            "item_label": (view.label(what.iri, i18n.current()) or what.label) if what else None}


def commitment_actors(source: Source, view: GraphView | None = None) -> list[Named]:
    """Every actor that made a commitment (for the page's filter and the feeds), by label (in the
    page's language with ``view``)."""
    seen: dict[str, str] = {}
    kept = cached_committers(source, Date.today().isoformat())
    if kept is not None:  # the load's rows of each actor: not every commitment decoded
        names = actor_names(source, kept)
        for iri in kept:
            seen[iri] = (view.label(iri, i18n.current()) if view is not None else None) \
                or names.get(iri, iri.rstrip("/").rsplit("/", 1)[-1])
    else:
        for c in commitments(source):
            for iri, name in zip(c.actor_iris, c.actors, strict=False):
                seen.setdefault(iri, (view.label(iri, i18n.current()) if view is not None else None) or name)
    return sorted((Named(iri, iri.rstrip("/").rsplit("/", 1)[-1], name) for iri, name in seen.items()),
                  key=lambda n: n.label.casefold())
