"""What ``rcmkg trace`` and ``rcmkg commitments`` (and the server's pages) call: resolve the names,
read through the index (:mod:`rcmkg.index`), compute what it lacks.

Reading an item's timeline from the index takes about 12 ms (median over the items) on an archive
of 10,000 reports (``bench/README.md``); computing it, seconds. Both give the same answer.

>>> timeline = trace(store, "plan de trabajo")                                # doctest: +SKIP
>>> [c.status for c in commitments(store, actor="IOM", as_of="2019-01-01")]   # doctest: +SKIP
['followed-up', 'open']
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date as Date

from rcmkg.errors import UsageError
from rcmkg.index.commitments import (
    cached_commitments,
    cached_commitments_of,
    cached_commitments_on,
    cached_entries,
    cached_listed,
)
from rcmkg.index.dormant import stored_dormancy
from rcmkg.index.timelines import cached_timeline
from rcmkg.sparql.results import Queryable
from rcmkg.trace.commitments import (
    STATUSES,
    CommitmentRow,
    compute_commitment_entries,
    parse_date,
    select_commitments,
    still_owes_first,
)
from rcmkg.trace.resolve import Named, Track, resolve_actor, resolve_item
from rcmkg.trace.timeline import Timeline, compute_timelines, mark_dormancy


def trace(store: Queryable, item: Track | str, *, dormant_meetings: int = 2, dormant_months: int = 24) -> Timeline:
    """The timeline of one tracked item (a :class:`Track`, or anything :func:`resolve_item` reads).

    Read from the index when ``rcmkg load`` built one (milliseconds: decoding costs about 2 µs per
    meeting the item went to), computed with four SPARQL queries otherwise.
    """
    track = item if isinstance(item, Named) else resolve_item(store, item)
    cached = cached_timeline(store, track)
    timeline = cached if cached is not None else compute_timelines(store, [track])[track.iri]
    last = timeline.last_dealt_with
    stored = stored_dormancy(store, track.iri, last) if cached is not None and last is not None else None
    return mark_dormancy(store, timeline, dormant_meetings, dormant_months, stored)


def _day_and_due(status: str | None, due_before: str | None, as_of: str | Date | None) -> tuple[Date, str | None]:
    if status is not None and status not in STATUSES:
        raise UsageError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    today = parse_date(as_of, "as-of") if as_of is not None else Date.today()
    return today, parse_date(due_before, "due-before").isoformat() if due_before else None


def listed_commitments(store: Queryable, status: str | None = None, due_before: str | None = None,
                       as_of: str | Date | None = None) -> list[CommitmentRow] | None:
    """The rows of :func:`commitments` without an actor or item, in its order, each with its status
    and nothing else (:class:`rcmkg.index.commitments.Listed`): what a page of the whole list is cut
    from, without decoding every entry (3 s at 10,000 reports). :func:`full_commitments` gives the
    rows of one page. None where the load kept no index."""
    today, due = _day_and_due(status, due_before, as_of)
    light = cached_listed(store, today.isoformat())
    return None if light is None else select_commitments(light, None, None, due, today, status)


def full_commitments(store: Queryable, listed: list[CommitmentRow], status: str | None = None,
                     due_before: str | None = None, as_of: str | Date | None = None) -> list[CommitmentRow]:
    """The rows of :func:`commitments` that ``listed`` (some of :func:`listed_commitments`' rows, with
    the same arguments) stand for, read from their meetings' shards only."""
    today, due = _day_and_due(status, due_before, as_of)
    entries = cached_entries(store, [(r.commitment, r.meeting) for r in listed])
    rows = select_commitments(entries, None, None, due, today, status) if entries is not None else None
    if rows is None or [r.commitment for r in rows] != [r.commitment for r in listed]:
        # the index changed under the listing (a reload): the whole list, as asked
        wanted = {r.commitment for r in listed}
        rows = [r for r in commitments(store, status=status, due_before=due_before, as_of=as_of) if r.commitment in wanted]
    return rows


def commitments(store: Queryable, actor: str | None = None, item: str | None = None, due_before: str | None = None,
                status: str | None = None, as_of: str | Date | None = None, *, index: bool = True) -> list[CommitmentRow]:
    """Every commitment (made on or before ``as_of``, default today) with its status.

    ``actor`` and ``item`` are resolved like :func:`resolve_actor` and :func:`resolve_item`;
    ``due_before`` keeps commitments due before that date; ``status`` keeps one of
    :data:`STATUSES`. With ``actor``, what it still owes comes first (:func:`still_owes_first`). Read from the index when ``rcmkg load`` built one
    (unless ``index`` is false), computed from the graph otherwise; both give the same rows.
    """
    today, due = _day_and_due(status, due_before, as_of)
    who = resolve_actor(store, actor).iri if actor else None
    track = resolve_item(store, item).iri if item else None
    # about one item, the shards of its meetings only; about one actor, the shards the load listed
    # for it (those where it made a commitment or evidence names it present)
    limit = today.isoformat()

    def keep(row: CommitmentRow, items: Iterable[str], names: dict[str, str]) -> bool:
        # at least the entries select_commitments keeps (a country's share: evidence names it present)
        return row.date <= limit and (not who or who in row.actor_iris or who in names) \
            and (not due or bool(row.due and row.due < due))

    entries = None
    if index:  # only the shards that can hold a kept entry: an item's meetings, or an actor's
        entries = cached_commitments_on(store, track) if track else (
            cached_commitments_of(store, who, keep) if who else cached_commitments(store, keep))
    if entries is None:
        # a country's share of the member countries' commitments is found only among all of them
        narrow = who if who and "/country/" not in who else None
        entries = compute_commitment_entries(store, narrow, track, due, today.isoformat())
    rows = select_commitments(entries, who, track, due, today, status)
    return still_owes_first(rows) if who else rows
