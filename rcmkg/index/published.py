"""The published entry: the dataset's VoID statistics and the home page's data, made by ``rcmkg load``.

``rcmkg serve`` describes the dataset (triples per graph and merged, class partitions, examples,
the endpoint's size) and lists every meeting and tracked item on its home page. Counting those over
a big archive takes seconds to minutes (60 s on 300 reports when a default graph lists every named
graph), which a server used to pay before its first page. ``rcmkg load`` computes them once, after
the other derived entries, into one entry about :data:`rcmkg.store.local.ARCHIVE` in the load's
own generation (its ``index/``): a reader opens them with the generation they describe, never
another's, and any changed report drops the entry with the other archive entries, so an entry that
can be read is current. The home page's entry carries the labels of what it lists and which of
those have a page, so rendering it looks nothing up.
"""

from __future__ import annotations

from typing import Any

import msgspec

from rcmkg.index.codec import ENCODER, decode_entry
from rcmkg.publish.void import DatasetStats, dataset_stats
from rcmkg.store.local import ARCHIVE, LocalStore

PUBLISHED = "urn:rcmkg:published"
FORMAT = "rcmkg-published-1\n"


class HomeMeeting(msgspec.Struct, array_like=True):
    """One meeting of the home page, by IRI."""

    meeting: str
    date: str
    end: str | None
    org: str | None
    place: str | None
    report: str | None


class HomeTrack(msgspec.Struct, array_like=True):
    """One tracked item of the home page and how many agreements deal with it."""

    track: str
    agreements: int


class PublishedEntry(msgspec.Struct):
    """What a server needs at start-up and for its home page."""

    stats: DatasetStats
    meetings: list[HomeMeeting]
    tracks: list[HomeTrack]
    labels: dict[str, dict[str, str]]  # IRI -> language ("" for none) -> label, of everything listed
    pages: list[str]  # the listed IRIs that have a page


_DECODER = msgspec.json.Decoder(PublishedEntry)


def compute_published(store: LocalStore) -> PublishedEntry:
    """Count and list what the entry holds (the whole archive: what a load pays once)."""
    from rcmkg.publish.views.pages import GraphView  # the page model imports the store: only here

    view = GraphView(store.ox, store.base)
    meetings = [HomeMeeting(str(r["meeting"]), str(r["date"]), r["end"], r["org"], r["place"], r["report"])
                for r in view.meeting_rows()]
    tracks = [HomeTrack(t, n) for t, n in view.tracked_item_rows()]
    listed = sorted({i for m in meetings for i in (m.meeting, m.org, m.place, m.report) if i} | {t.track for t in tracks})
    labels: dict[str, dict[str, str]] = {}
    for iri in listed:
        found = view.labels.get(iri)
        if found:
            labels[iri] = dict(found)
    return PublishedEntry(stats=dataset_stats(store.ox, store.base), meetings=meetings, tracks=tracks,
                          labels=labels, pages=[i for i in listed if view.exists(i)])


def cached_published(store: Any) -> PublishedEntry | None:
    """The current published entry of a local store (None elsewhere, or without a current one)."""
    if not isinstance(store, LocalStore):
        return None
    data = store.index.get(ARCHIVE, PUBLISHED)
    if data is None or not data.startswith(FORMAT):
        return None
    try:
        return decode_entry(_DECODER, data[len(FORMAT):])
    except msgspec.DecodeError:
        return None  # damaged: computed instead


def refresh_published(store: LocalStore, *, rebuild: bool = False) -> bool:
    """Build the published entry unless a current one is there (always with ``rebuild``); returns
    whether it was written. Called by :func:`rcmkg.store.load.load_paths` after the other entries
    (the fulfilment graph it counts is written with the commitments entry).

    >>> refresh_published(LocalStore(".rcmkg/store"))                          # doctest: +SKIP
    True
    """
    if not rebuild and cached_published(store) is not None:
        return False
    entry = compute_published(store)
    store.index.set(ARCHIVE, PUBLISHED, FORMAT + ENCODER.encode(entry).decode())
    return True
