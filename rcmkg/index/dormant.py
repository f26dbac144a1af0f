"""The answer of the canned ``dormant`` query from entries made at load, not from the whole archive.

``queries/dormant.rq`` aggregates every agreement, stage and mention of every tracked item: on the
engine that is seconds at 1,000 reports and tens of seconds at 10,000, for a page of a few rows.
``rcmkg load`` therefore keeps three kinds of small entries (:class:`rcmkg.store.local.DerivedIndex`):

* about each tracked item (:data:`QUIET`): when it last came up and the bodies (``schema:organizer``)
  of the meetings that dealt with it, read from its stored timeline (:mod:`rcmkg.index.timelines`:
  the same meetings, those with an agreement on it, a stage of it or a ``dct:subject`` of it);
* about each of those bodies (:data:`HELD`): its meetings and their start dates, in date order;
* about the archive (:data:`LAST`): its last meeting date.

An item's and a body's entries are about the item's and the body's IRI, so a load that changes a
report mentioning them takes them out (:meth:`rcmkg.store.local.LocalStore.load`) and
:func:`refresh_dormant` makes them again, or puts them back when the changes state nothing they are
made of; the archive's is taken on every change. The answer (:func:`dormant_answer`) is then a few
look-ups and a count per item.

The entries hold what the query reads only when the store is as the shapes say (one ``xsd:date``
start date per meeting, bodies as IRIs); an entry made from anything else says so, and the query
then runs in the engine, as it does for a remote endpoint, an in-memory store, or a ``dormant.rq``
whose text is not the one this module answers (:data:`ANSWERS`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

import msgspec
import pyoxigraph as ox

from rcmkg.index.codec import ENCODER, decode_entry
from rcmkg.index.pagekeys import answer_key
from rcmkg.index.timelines import cached_timeline
from rcmkg.namespaces import DCT, RCM, RDF, SCHEMA, SKOS, XSD
from rcmkg.sparql.results import QueryResult
from rcmkg.sparql.terms import Term
from rcmkg.store.local import ARCHIVE, LocalStore, ReportChange
from rcmkg.trace.resolve import tracked_items

QUIET = "urn:rcmkg:quiet"  # about a tracked item: (exact, last date it came up, bodies)
HELD = "urn:rcmkg:held"  # about a body: (exact, its meetings as (start date, IRI) in order)
LAST = "urn:rcmkg:archive-last"  # about ARCHIVE: (exact, the last meeting date)
FORMAT = "rcmkg-dormant-1\n"
#: The entry key (:func:`rcmkg.index.pagekeys.answer_key`) of the ``dormant.rq`` text that
#: :func:`dormant_answer` computes; tests/test_index_dormant.py checks the shipped text has it.
ANSWERS = "urn:rcmkg:answer:f7a0ff8059a66c0659f6af9c"

_TYPE, _TRACKED, _MEETING = ox.NamedNode(RDF + "type"), ox.NamedNode(RCM + "TrackedItem"), ox.NamedNode(RCM + "Meeting")
_START, _ORGANIZER = ox.NamedNode(SCHEMA + "startDate"), ox.NamedNode(SCHEMA + "organizer")
_PREF = ox.NamedNode(SKOS + "prefLabel")
_DATE = ox.NamedNode(XSD + "date")
_PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # compares as SPARQL compares xsd:date values (no zone)


class Quiet(msgspec.Struct, array_like=True):
    exact: bool
    last: str | None
    bodies: list[str]


class Held(msgspec.Struct, array_like=True):
    exact: bool
    meetings: list[tuple[str, str]]  # (start date, meeting), sorted


class Last(msgspec.Struct, array_like=True):
    exact: bool
    last: str | None


def _dates(store: LocalStore, node: ox.NamedNode | ox.BlankNode) -> tuple[list[str], bool]:
    """The start dates of ``node`` (one each, sorted), and whether each is a plain xsd:date."""
    found = {q.object for q in store.ox.quads_for_pattern(node, _START, None)}
    plain = all(isinstance(o, ox.Literal) and o.datatype == _DATE and _PLAIN_DATE.fullmatch(o.value) for o in found)
    return sorted(o.value for o in found if isinstance(o, ox.Literal)), plain


def _items(store: LocalStore) -> list[str]:
    return sorted({q.subject.value for q in store.ox.quads_for_pattern(None, _TYPE, _TRACKED)
                   if isinstance(q.subject, ox.NamedNode)})


def _get(store: LocalStore, subject: str, key: str, decoder: msgspec.json.Decoder[Any]) -> Any:
    return _decoded(store.index.get(subject, key), decoder)


def _decoded(data: str | None, decoder: msgspec.json.Decoder[Any]) -> Any:
    if data is None or not data.startswith(FORMAT):
        return None
    try:
        return decode_entry(decoder, data[len(FORMAT):])
    except msgspec.DecodeError:
        return None  # damaged: made again by the next load, the engine answers until then


_QUIET, _HELD, _LAST = msgspec.json.Decoder(Quiet), msgspec.json.Decoder(Held), msgspec.json.Decoder(Last)


def _set(store: LocalStore, subject: str, key: str, value: msgspec.Struct) -> None:
    store.index.set(subject, key, FORMAT + ENCODER.encode(value).decode())


def _quiet(store: LocalStore, item: str, tracks: dict[str, Any]) -> Quiet:
    track = tracks.get(item)
    timeline = cached_timeline(store, track) if track is not None else None
    if timeline is None:
        return Quiet(False, None, [])
    exact, last, bodies = True, None, set()
    for row in timeline.rows:
        meeting = ox.NamedNode(row.meeting)
        dates, plain = _dates(store, meeting)
        # the timeline's row is the meeting's one start date, as the query's MAX reads it
        exact &= plain and dates == [row.date]
        last = row.date if last is None or row.date > last else last
        for q in store.ox.quads_for_pattern(meeting, _ORGANIZER, None):
            exact &= isinstance(q.object, ox.NamedNode)
            bodies.add(q.object.value)  # type: ignore[union-attr]
    return Quiet(exact, last, sorted(bodies))


def _held(store: LocalStore, body: str) -> Held:
    exact, meetings = True, set()
    for q in store.ox.quads_for_pattern(None, _ORGANIZER, ox.NamedNode(body)):
        if not isinstance(q.subject, ox.NamedNode):
            exact = False
            continue
        dates, plain = _dates(store, q.subject)
        exact &= plain and len(dates) <= 1
        meetings |= {(d, q.subject.value) for d in dates}
    return Held(exact, sorted(meetings))


def _archive_last(store: LocalStore) -> Last:
    exact, last = True, None
    for q in store.ox.quads_for_pattern(None, _TYPE, _MEETING):
        if isinstance(q.subject, ox.Triple):
            continue
        dates, plain = _dates(store, q.subject)
        exact &= plain
        if dates and (last is None or dates[-1] > last):
            last = dates[-1]
    return Last(exact, last)


#: What the entries are made of: the three ways a meeting deals with an item, a meeting's start
#: date and bodies. A load whose changes (asserted and inferred) state none of these afresh leaves
#: every entry as it was.
_READ = frozenset(RCM + p for p in ("agreedAt", "ofTrack", "reportedAt")) | {
    DCT + "subject", SCHEMA + "startDate", SCHEMA + "organizer"}
_TYPES = frozenset((RCM + "Meeting", RCM + "TrackedItem"))


def _reads(store: LocalStore, changes: Sequence[ReportChange]) -> bool:
    """Whether ``changes`` (and the entailments the load changed with them) touch what the entries
    are made of."""
    if store.inferred_rewritten:
        return True  # the inferred graph was made again whole: its changes are not known
    for c in (*changes, *store.written):
        for _s, p, o in set(c.old) ^ set(c.new):
            if p.value in _READ or (p == _TYPE and isinstance(o, ox.NamedNode) and o.value in _TYPES):
                return True
    return False


def refresh_dormant(store: LocalStore, *, rebuild: bool = False, changes: Sequence[ReportChange] | None = None,
                    stale: dict[tuple[str, str], str] | None = None, counts: dict[str, int] | None = None) -> int:
    """Make the entries that are missing (all of them with ``rebuild``), after the timelines'
    (:func:`rcmkg.index.timelines.refresh_timelines`); returns how many were made.

    With ``changes`` (a load that changed a few reports) and the ``stale`` entries the load took out,
    entries are put back as they were when the changes state no dealing, date, body or type afresh
    (an agreement's text corrected, say): most reloads make none."""
    back: dict[tuple[str, str], str] = {}
    if changes is not None and stale and not rebuild and not _reads(store, changes):
        for (subject, key), value in sorted(stale.items()):
            if key in (QUIET, HELD, LAST):
                store.index.set(subject, key, value)
                back[(subject, key)] = value

    def get(subject: str, key: str, decoder: msgspec.json.Decoder[Any]) -> Any:
        # what was just put back is decoded from the value in hand, not read again
        value = back.get((subject, key))
        return _get(store, subject, key, decoder) if value is None else _decoded(value, decoder)

    written = 0
    tracks = tracked_items(store)
    bodies: set[str] = set()
    for item in _items(store):
        quiet = None if rebuild else get(item, QUIET, _QUIET)
        if quiet is None:
            quiet = _quiet(store, item, tracks)
            _set(store, item, QUIET, quiet)
            written += 1
        bodies |= set(quiet.bodies)
    for body in sorted(bodies):
        if rebuild or get(body, HELD, _HELD) is None:
            _set(store, body, HELD, _held(store, body))
            written += 1
    if rebuild or get(ARCHIVE, LAST, _LAST) is None:
        _set(store, ARCHIVE, LAST, _archive_last(store))
        written += 1
    if counts is not None:
        counts["dormant entries computed"] = written
    return written


def _literal(value: str, datatype: str) -> Term:
    return Term("literal", value, datatype=datatype)


def quiet_since(store: Any, item: str) -> tuple[str | None, int] | None:
    """When tracked item ``item`` last came up (None: never at a dated meeting) and how many
    meetings its bodies held after that, from the entries (an item's page says so); None where
    they are missing or cannot stand for the data (the page then queries)."""
    if not isinstance(store, LocalStore):
        return None
    quiet = _get(store, item, QUIET, _QUIET)
    if quiet is None or not quiet.exact:
        return None
    if quiet.last is None:
        return None, 0
    later: set[str] = set()
    for body in quiet.bodies:
        held = _get(store, body, HELD, _HELD)
        if held is None or not held.exact:
            return None
        later.update(m for _, m in held.meetings[bisect.bisect_right(held.meetings, quiet.last, key=lambda m: m[0]):])
    return quiet.last, len(later)


def stored_dormancy(store: Any, item: str, last: str) -> tuple[int, str] | None:
    """How quiet tracked item ``item`` has gone, from the entries, for its timeline
    (:func:`rcmkg.trace.timeline.mark_dormancy`): the meetings its bodies held after ``last`` (the
    timeline's last meeting) and the archive's last meeting date; None where an entry is missing,
    cannot stand for the data, or was made for another last meeting (the timeline then queries)."""
    quiet = _get(store, item, QUIET, _QUIET) if isinstance(store, LocalStore) else None
    if quiet is None or not quiet.exact or quiet.last != last:
        return None
    if not quiet.bodies:  # no body, no quiet to measure: the archive ends, as far as the item goes, with it
        return 0, last
    since = quiet_since(store, item)
    archive = _get(store, ARCHIVE, LAST, _LAST)
    if since is None or archive is None or not archive.exact or archive.last is None:
        return None
    return since[1], archive.last


def quiet_of(store: Any) -> Callable[[str], tuple[str | None, int] | None] | None:
    """:func:`quiet_since` of ``store`` as a page's view takes it (None for a store without entries)."""
    return functools.partial(quiet_since, store) if isinstance(store, LocalStore) else None


def dormant_answer(store: Any, q: Any) -> QueryResult | None:
    """The whole answer of the ``dormant`` query ``q`` (unbound) from the entries, in its order; None
    when ``store`` is no local store, ``q``'s text is not the one answered here, or an entry is
    missing or made from data the query would read otherwise (the engine answers then)."""
    if not isinstance(store, LocalStore) or answer_key(q.text) != ANSWERS:
        return None
    last_entry = _get(store, ARCHIVE, LAST, _LAST)
    if last_entry is None or not last_entry.exact:
        return None
    held: dict[str, Held] = {}
    found: list[tuple[int, str, str]] = []
    for item in _items(store):
        quiet = _get(store, item, QUIET, _QUIET)
        if quiet is None or not quiet.exact:
            return None
        if quiet.last is None:
            continue  # never dealt with at a dated meeting: no row, as in the query
        later: set[str] = set()
        for body in quiet.bodies:
            if body not in held:
                entry = _get(store, body, HELD, _HELD)
                if entry is None or not entry.exact:
                    return None
                held[body] = entry
            meetings = held[body].meetings
            # the meetings held after the item last came up: the tail of the date-sorted list
            later.update(m for _, m in meetings[bisect.bisect_right(meetings, quiet.last, key=lambda m: m[0]):])
        if later:
            found.append((len(later), quiet.last, item))
    rows: list[dict[str, Term]] = []
    for n, last, item in sorted(found, key=lambda f: (-f[0], f[1], f[2])):
        labels = sorted({o.value for o in (q.object for q in store.ox.quads_for_pattern(ox.NamedNode(item), _PREF, None))
                         if isinstance(o, ox.Literal) and o.language == "en"})
        row = {"item": Term("uri", item), "lastDealtWith": _literal(last, XSD + "date"),
               "laterMeetings": _literal(str(n), XSD + "integer")}
        if last_entry.last is not None:
            row["archiveLast"] = _literal(last_entry.last, XSD + "date")
        rows.extend([{**row, "label": Term("literal", label, lang="en")} for label in labels] or [row])
    return QueryResult.select(["item", "label", "lastDealtWith", "laterMeetings", "archiveLast"], rows, ordered=True)


__all__ = ["ANSWERS", "HELD", "LAST", "QUIET", "dormant_answer", "quiet_of", "quiet_since", "refresh_dormant", "stored_dormancy"]
