"""The timeline entries: each tracked item's finished timeline, compactly encoded.

A trace over an archive of 10,000 reports touches thousands of meetings, and each SPARQL join row
costs tens of microseconds on the disk store (a trace took 1-3 s). ``rcmkg load`` therefore stores
each item's finished timeline in the store's derived entries
(:class:`rcmkg.store.local.DerivedIndex`); the store drops the entry of every item that a changed
report mentions, and :func:`refresh_timelines` rebuilds what is missing. An entry exists only
while it is current, so :func:`cached_timeline` can trust any entry it finds.
"""

from __future__ import annotations

import msgspec

from rcmkg.index.codec import ENCODER, decode_entry
from rcmkg.sparql.results import Queryable
from rcmkg.store.local import LocalStore
from rcmkg.trace.resolve import Track, tracked_items
from rcmkg.trace.timeline import Timeline, TraceRow, compute_timelines

TIMELINE = "urn:rcmkg:timeline"
FORMAT = "rcmkg-timeline-2\n"  # an entry in another format is recomputed, and rewritten by refresh_timelines
_DECODER = msgspec.json.Decoder(list[TraceRow])


def encode_timeline(timeline: Timeline) -> str:
    """The entry of one timeline."""
    # A stage's quote is mostly its row's quote: stored once (null means "the row's", "" none).
    rows = [msgspec.structs.replace(r, stages=[msgspec.structs.replace(m, quote=None if m.quote == r.quote else m.quote or "")
                                               for m in r.stages])
            for r in timeline.rows]
    return FORMAT + ENCODER.encode(rows).decode()


def decode_timeline(track: Track, data: str) -> Timeline | None:
    """The timeline an entry holds; None for an entry in another format, or damaged."""
    if not data.startswith(FORMAT):
        return None  # written by another version: compute instead
    try:
        rows = decode_entry(_DECODER, data[len(FORMAT):])
    except msgspec.DecodeError:
        return None  # damaged: compute instead
    for r in rows:
        for m in r.stages:
            if m.quote is None:
                m.quote = r.quote
            elif not m.quote:
                m.quote = None
    return Timeline(track, rows)


def cached_timeline(store: Queryable, track: Track) -> Timeline | None:
    """The timeline of ``track`` from a local store's entries (None elsewhere, or without a current one)."""
    if not isinstance(store, LocalStore):
        return None
    data = store.index.get(track.iri, TIMELINE)
    return decode_timeline(track, data) if data is not None else None


def refresh_timelines(store: LocalStore, *, rebuild: bool = False) -> int:
    """Build the entries of every tracked item that has none, or one in an older format or damaged
    (all of them with ``rebuild``); returns how many were written.

    >>> refresh_timelines(LocalStore(".rcmkg/store"))                          # doctest: +SKIP
    10
    """
    things = tracked_items(store)
    entries = store.index.entries(TIMELINE)
    have = {s for s, value in entries if not rebuild and s in things and decode_timeline(things[s], value) is not None}
    for s, _value in entries:
        if s not in have:
            store.index.set(s, TIMELINE, None)  # written by an older rcmkg, damaged, or --rebuild
    todo = [t for iri, t in sorted(things.items()) if iri not in have]
    for k in range(0, len(todo), 8):  # bounded batches: each batch's rows are held in memory
        for iri, t in compute_timelines(store, todo[k:k + 8]).items():
            store.index.set(iri, TIMELINE, encode_timeline(t))
    return len(todo)
