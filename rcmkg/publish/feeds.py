"""Atom feeds (RFC 4287) of what changed: new meetings, each tracked item's steps, each actor's
commitments (made, fulfilled, overdue).

Every date in a feed comes from the data (a meeting's date, the date of the evidence, a due date),
never from the clock, so the same store gives the same feed; "overdue" is judged as of the last
meeting in the store. Ids are IRIs that do not change: a feed's is its address under the dataset's
base, an entry's the IRI of the thing it is about (with a fragment for the event, e.g.
``.../commitment/1#fulfilled``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from rcmkg import __version__
from rcmkg.safety import visible, xml_chars

MEDIA_TYPE = "application/atom+xml"
MAX_ENTRIES = 200
_EPOCH = "1970-01-01"


@dataclass
class Entry:
    """One entry: the event's id, title, date (YYYY-MM-DD), page and summary."""

    id: str
    title: str
    date: str
    link: str
    summary: str = ""
    category: str = ""


@dataclass
class Feed:
    """A feed: its id, title, own address, page it belongs to, entries."""

    id: str
    title: str
    self_href: str
    alternate: str
    entries: list[Entry] = field(default_factory=list)
    subtitle: str = ""

    def xml(self) -> bytes:
        """The feed as Atom XML, newest entries first, at most :data:`MAX_ENTRIES`."""
        entries = sorted(self.entries, key=lambda e: (e.date, e.id), reverse=True)[:MAX_ENTRIES]
        updated = max((e.date for e in entries), default=_EPOCH)
        out = ['<?xml version="1.0" encoding="utf-8"?>',
               '<feed xmlns="http://www.w3.org/2005/Atom">',
               f"  <id>{_text(self.id)}</id>",
               f'  <title type="text">{_text(self.title)}</title>']
        if self.subtitle:
            out.append(f'  <subtitle type="text">{_text(self.subtitle)}</subtitle>')
        out += [f"  <updated>{_stamp(updated)}</updated>",
                "  <author><name>Regional Conference on Migration knowledge graph (rcmkg)</name></author>",
                f'  <generator version={_attr(__version__)}>rcmkg</generator>',
                f'  <link rel="self" type="{MEDIA_TYPE}" href={_attr(self.self_href)}/>',
                f'  <link rel="alternate" type="text/html" href={_attr(self.alternate)}/>']
        for e in entries:
            out += ["  <entry>",
                    f"    <id>{_text(e.id)}</id>",
                    f'    <title type="text">{_text(e.title)}</title>',
                    f"    <updated>{_stamp(e.date)}</updated>",
                    f'    <link rel="alternate" type="text/html" href={_attr(e.link)}/>']
            if e.category:
                out.append(f"    <category term={_attr(e.category)}/>")
            if e.summary:
                out.append(f'    <summary type="text">{_text(e.summary)}</summary>')
            out.append("  </entry>")
        out.append("</feed>")
        return ("\n".join(out) + "\n").encode("utf-8")


def _text(s: str) -> str:
    return escape(xml_chars(visible(s)))


def _attr(s: str) -> str:
    return quoteattr(xml_chars(visible(s)))


def _stamp(day: str) -> str:
    """An RFC 3339 date-time for a date (midnight UTC); a partial date is completed."""
    day = (day or _EPOCH)[:10]
    parts = day.split("-") + ["01", "01"]
    y, m, d = parts[0], parts[1] if len(parts[1]) == 2 else "01", parts[2] if len(parts[2]) == 2 else "01"
    return f"{y}-{m}-{d}T00:00:00Z"


Href = Callable[[str], str]  # IRI of a thing -> absolute URL of its page


def meetings_feed(meetings: Sequence[dict[str, Any]], feed_id: str, self_href: str, home: str, href: Href) -> Feed:
    """The new meetings (``GraphView.meetings()`` rows), newest first."""
    feed = Feed(feed_id, "RCM: new meetings", self_href, home, subtitle="Meetings of the Regional Conference on Migration")
    for m in meetings:
        meeting = m["meeting"]
        where = ", ".join(str(t.text) for t in (m.get("org"), m.get("place")) if t is not None and t.text)
        feed.entries.append(Entry(meeting.value, meeting.text or meeting.value, m["date"], href(meeting.value),
                                  summary=f"{m['date']}: {where}" if where else m["date"], category="meeting"))
    return feed


def item_feed(timeline: Any, feed_id: str, self_href: str, page: str, href: Href) -> Feed:
    """A tracked item's steps: one entry per meeting that dealt with it."""
    item = timeline.item
    feed = Feed(feed_id, f"RCM: {item.label}", self_href, page, subtitle=f"Where {item.label} stands, meeting by meeting")
    slug = item.iri.rstrip("/").rsplit("/", 1)[-1]
    for r in timeline.rows:
        stage = r.stage_text() or "mentioned"
        feed.entries.append(Entry(f"{r.meeting}#{slug}", f"{item.label}: {stage} ({r.date}, {r.place})", r.date,
                                  href(r.agreements[0] if r.agreements else r.meeting), summary=r.quote or r.label,
                                  category=stage))
    return feed


def actor_feed(actor_label: str, rows: Sequence[Any], feed_id: str, self_href: str, page: str, href: Href) -> Feed:
    """An actor's commitments (``CommitmentRow`` s as of the last meeting): made, fulfilled, overdue."""
    feed = Feed(feed_id, f"RCM: commitments of {actor_label}", self_href, page,
                subtitle=f"Commitments of {actor_label}: new, fulfilled, overdue")
    for c in rows:
        link = href(c.commitment)
        feed.entries.append(Entry(c.commitment + "#made", f"New commitment: {c.action}", c.date, link,
                                  summary=c.quote, category="new"))
        if c.status == "fulfilled" and c.evidence_date:
            feed.entries.append(Entry(c.commitment + "#fulfilled", f"Fulfilled: {c.action}", c.evidence_date,
                                      href(c.evidence) if c.evidence else link, summary=c.evidence_quote or "",
                                      category="fulfilled"))
        if c.overdue and c.due:
            feed.entries.append(Entry(c.commitment + "#overdue", f"Overdue: {c.action} (due {c.due})", c.due, link,
                                      summary=c.quote, category="overdue"))
    return feed


def build_feed(source: Any, view: Any, base: str, path: str, href: Href, route: Callable[[str], str],
               meetings: Sequence[dict[str, str | None]] | None = None) -> Feed:
    """The feed at ``path`` (``meetings``, ``item/{slug}``, ``actor/{kind}/{slug}``); raises NotFound.

    ``href`` gives the absolute URL of a thing's page, ``route`` of a named route of the site.
    ``meetings``: every meeting's row, newest first, as ``rcmkg load`` stored them for the home page
    (:meth:`GraphView.meeting_rows` otherwise: a query of every meeting, a second at 10,000 reports)."""
    from rcmkg.errors import NotFound
    from rcmkg.publish.views.timeline import track_iri
    from rcmkg.trace.lookup import commitments, trace
    from rcmkg.trace.resolve import resolve_actor

    feed_id, self_href = f"{base}feeds/{path}", route(f"feed:{path}")
    if path == "meetings":
        if meetings is not None:
            # the newest MAX_ENTRIES, and those of the same day as the last of them (Feed.xml cuts)
            cut = len(meetings) if len(meetings) <= MAX_ENTRIES else next(
                (k for k in range(MAX_ENTRIES, len(meetings)) if meetings[k]["date"] != meetings[MAX_ENTRIES - 1]["date"]),
                len(meetings))
            return meetings_feed(view.meetings(meetings[:cut]), feed_id, self_href, route("home"), href)
        return meetings_feed(view.meetings(), feed_id, self_href, route("home"), href)
    kind, _, rest = path.partition("/")
    if kind == "item" and rest and "/" not in rest:
        timeline = trace(source, track_iri(source, base, rest))
        return item_feed(timeline, feed_id, self_href, route(f"trace:{rest}"), href)
    if kind == "actor" and rest.count("/") == 1:
        iri = f"{base}id/{rest}"
        try:
            actor = resolve_actor(source, iri)
        except Exception:  # noqa: BLE001 - any failure to name an actor is "no such feed"
            raise NotFound(f"no actor {rest!r}") from None
        if actor.iri != iri:
            raise NotFound(f"no actor {rest!r}")
        # the data's last day, not today: same store, same feed
        as_of = str(meetings[0]["date"]) if meetings else view.last_meeting_date
        rows = commitments(source, actor=iri, as_of=as_of) if as_of else []
        return actor_feed(actor.label, rows, feed_id, self_href, route("commitments"), href)
    raise NotFound(f"no feed {path!r}: there are meetings, item/SLUG and actor/KIND/SLUG")
