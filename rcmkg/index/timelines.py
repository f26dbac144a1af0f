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
import pyoxigraph as ox

from rcmkg.index.codec import ENCODER, decode_entry
from rcmkg.namespaces import RCM
from rcmkg.sparql.results import Queryable
from rcmkg.sparql.terms import term_value
from rcmkg.store.local import LocalStore, ReportChange
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


def refresh_timelines(store: LocalStore, *, rebuild: bool = False, changes: list[ReportChange] | None = None,
                      stale: dict[tuple[str, str], str] | None = None, counts: dict[str, int] | None = None) -> int:
    """Build the entries of every tracked item that has none, or one in an older format or damaged
    (all of them with ``rebuild``); returns how many were written.

    With ``changes`` (what a load changed, :attr:`rcmkg.store.local.LoadSummary.changes`) and the
    ``stale`` entries it took out, an item's entry is updated instead: the rows of the changed
    meetings (and of the meetings whose commitments they refer to) computed again and spliced in.
    ``counts`` gets how many entries were updated so and how many computed whole.

    >>> refresh_timelines(LocalStore(".rcmkg/store"))                          # doctest: +SKIP
    10
    """
    things = tracked_items(store)
    if changes is not None:
        # After a load that kept the index: the entries it did not take out are the last load's,
        # checked then; only their format is looked at, by the store (decoding them all costs
        # seconds at 10,000 reports, reading them into Python a tenth of one).
        present = store.index.subjects(TIMELINE)
        have = set() if rebuild else store.index.subjects(TIMELINE, FORMAT) & set(things)
    else:
        entries = store.index.entries(TIMELINE)
        present = {s for s, _value in entries}
        have = {s for s, value in entries if not rebuild and s in things and decode_timeline(things[s], value) is not None}
    for s in sorted(present - have):
        store.index.set(s, TIMELINE, None)  # written by an older rcmkg, damaged, or --rebuild
    todo = [t for iri, t in sorted(things.items()) if iri not in have]
    old: dict[str, Timeline] = {}
    if changes is not None and stale and not rebuild and not store.changes_shared_nodes(changes):
        for t in todo:
            value = stale.get((t.iri, TIMELINE))
            timeline = decode_timeline(t, value) if value is not None else None
            if timeline is not None:
                old[t.iri] = timeline
    if old:
        assert changes is not None
        meetings = _meetings_of(store, changes)
        for iri, part in compute_timelines(store, [old[i].item for i in sorted(old)], only=sorted(meetings)).items():
            kept = [r for r in old[iri].rows if r.meeting not in meetings]
            whole = Timeline(old[iri].item, sorted(kept + part.rows, key=lambda r: (r.date, r.meeting)))
            store.index.set(iri, TIMELINE, encode_timeline(whole))
    rest = [t for t in todo if t.iri not in old]
    for k in range(0, len(rest), 8):  # bounded batches: each batch's rows are held in memory
        for iri, computed in compute_timelines(store, rest[k:k + 8]).items():
            store.index.set(iri, TIMELINE, encode_timeline(computed))
    if counts is not None:
        counts.update({"timelines updated": len(old), "timelines computed": len(rest)})
    return len(todo)


def _meetings_of(store: LocalStore, changes: list[ReportChange]) -> set[str]:
    """The meetings whose timeline rows ``changes`` can change: the changed reports' own, and those
    where the commitments they mention were made (an event refers to an earlier commitment)."""
    out = {c.meeting for c in changes}
    made_in, agreed_at = ox.NamedNode(RCM + "madeIn"), ox.NamedNode(RCM + "agreedAt")
    for c in changes:
        for iri in sorted(c.iris()):
            for q in store.ox.quads_for_pattern(ox.NamedNode(iri), made_in, None):
                out |= {term_value(m.object) for m in store.ox.quads_for_pattern(q.object, agreed_at, None)}  # type: ignore[arg-type]
    return out
