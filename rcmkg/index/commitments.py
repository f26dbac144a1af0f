"""The commitments entries: every commitment's row, items and evidence of fulfilment, in shards.

Listing the commitments of a big archive reads a dozen properties of every commitment, and each
quad the disk store returns costs 10-20 microseconds (32 s for the open ones of 10,000 reports).
``rcmkg load`` therefore keeps them in the index; the status on a given day is worked out when
asked (:func:`rcmkg.trace.commitments.select_commitments`).

They are kept in shards, so that a changed report costs what it touches, not the archive (one
entry for the archive was 534 MB at 10,000 reports, decoded, re-encoded and written again for any
changed report: 20 s):

* :data:`MADE` about a meeting: the entries of the commitments made there
  (:class:`rcmkg.trace.commitments.CommitmentEntry`), in the order
  :func:`rcmkg.trace.commitments.compute_commitment_entries` gives;
* :data:`LISTED` about a meeting: of each entry of its :data:`MADE` shard what the listing of every
  commitment filters and orders by (:class:`Listed`: its date, due date and the first piece of
  evidence of each kind; 6.6 MB against 529 MB of shards at 10,000 reports), so that a page of the
  whole list decodes the full entries of its own rows only;
* :data:`GIVEN` about a meeting: for each commitment its agreements give evidence about, the
  commitment's meeting and a digest of that evidence, which tells the entries a changed report
  changes from those it leaves as they were;
* :data:`ON_ITEM` about a tracked item: what the fulfilment rules read of each commitment about it
  (:class:`Feature`), to work out the evidence a changed report's agreements give;
* :data:`BY_ACTOR` about an organisation, country or collective: the commitments on its page
  (:class:`ActorRow`: those it made, and those of the member countries the evidence says it delivered
  or did not), each with its status as of the archive's last day, by date. An actor's page shows the
  first of what it owes and of what it did: read from here, it looks up those rows only (the query
  of every commitment it made or was credited with took seconds at 10,000 reports);
* :data:`SHARDS_OF` about an actor: the meetings whose :data:`MADE` shard has an entry it made or
  whose evidence names it present, so that the listing of one actor's commitments (``rcmkg
  commitments --actor``, its feed, ``/commitments?actor=``) reads those shards, not all of them;
* :data:`COMMITMENTS` about :data:`rcmkg.store.local.ARCHIVE`: the marker that the shards are
  current, with the date of every meeting that has one (the assessments are as of the last).

An update writes what a full computation writes (:func:`shard_entries`), byte for byte.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

import msgspec
import pyoxigraph as ox

from rcmkg.index.codec import ENCODER, decode_entry
from rcmkg.namespaces import DCT, PROV, RCM, RDF, SCHEMA, XSD, voc
from rcmkg.sparql.results import Queryable
from rcmkg.sparql.terms import term_value
from rcmkg.store.local import ARCHIVE, LocalStore, ReportChange, Triple
from rcmkg.trace.commitments import (
    CommitmentEntry,
    CommitmentRow,
    agreement_facts,
    commitment_entries_of,
    compute_commitment_entries,
    select_commitments,
)
from rcmkg.trace.fulfilment import (
    FULFILLED,
    IN_PROGRESS,
    NOT_FULFILLED,
    UNKNOWN,
    Agreement,
    Commitment,
    Evidence,
    evidence_from,
)

T = TypeVar("T")

COMMITMENTS = "urn:rcmkg:commitments"
MADE = "urn:rcmkg:commitments-made"
GIVEN = "urn:rcmkg:evidence-given"
ON_ITEM = "urn:rcmkg:commitments-on"
BY_ACTOR = "urn:rcmkg:commitments-by"
SHARDS_OF = "urn:rcmkg:commitments-shards-of"
LISTED = "urn:rcmkg:commitments-listed"
KEYS = (MADE, LISTED, GIVEN, ON_ITEM, BY_ACTOR, SHARDS_OF)
# 7: each shard's listing (6: each actor's shards; 5: an actor's rows with its own status; 4: with
# the assessment's; 3: in shards by meeting and item, no actor's rows; 2: one entry for the archive)
FORMAT = "rcmkg-commitments-7\n"

#: How an actor has a commitment on its page, in the order one is chosen when several apply.
OWN, DELIVERED, NOT_DELIVERED = "own", "delivered", "not-delivered"


class Feature(msgspec.Struct, array_like=True, gc=False):
    """What the fulfilment rules read of a commitment (:class:`rcmkg.trace.fulfilment.Commitment`), and its meeting."""

    commitment: str
    date: str
    meeting: str
    actors: list[str]
    action_type: str | None
    text: str
    context: str
    collective: bool

    @classmethod
    def of(cls, c: Commitment, meeting: str) -> Feature:
        return cls(c.iri, c.date, meeting, sorted(c.actors), c.action_type, c.text, c.context, c.collective)

    def rules(self) -> Commitment:
        return Commitment(self.commitment, self.date, frozenset(self.actors), self.action_type, self.text,
                          self.context, self.collective)


class Listed(msgspec.Struct, array_like=True, gc=False):
    """What the listing of every commitment reads of an entry to filter and order it: its status on
    any day follows from the first piece of evidence of each kind (:func:`rcmkg.trace.fulfilment.decide`
    takes the first of a kind given by then, and only the presence of progress; a commitment has
    eighteen pieces of evidence on average at 10,000 synthetic reports)."""

    commitment: str
    date: str
    due: str | None
    evidence: list[tuple[str, str, str]]  # (kind, date, label), the first of each kind

    @classmethod
    def of(cls, e: CommitmentEntry) -> Listed:
        first: dict[str, tuple[str, str]] = {}
        for v in e.evidence:
            if v.kind not in first or (v.date, v.label) < first[v.kind]:
                first[v.kind] = (v.date, v.label)
        return cls(e.row.commitment, e.row.date, e.row.due, [(k, *first[k]) for k in sorted(first)])

    def entry(self, meeting: str) -> CommitmentEntry:
        """A stand-in entry :func:`rcmkg.trace.commitments.select_commitments` keeps and orders as it
        does the full one (without an actor or item to select by); its rows say nothing else."""
        row = CommitmentRow(self.commitment, self.date, meeting, "", [], [], "", None, [], self.due, None, False, None,
                            [], "", "")
        return CommitmentEntry(row, [], [Evidence(k, "", d, "", label, "", None) for k, d, label in self.evidence])


class ActorRow(msgspec.Struct, array_like=True, gc=False):
    """A commitment on an actor's page: ``how`` it is the actor's (:data:`OWN`, :data:`DELIVERED`,
    :data:`NOT_DELIVERED`), when it was made, its due date and its status for the actor as of the
    archive's last day (:func:`actor_status`)."""

    commitment: str
    how: str
    date: str
    due: str | None
    status: str


def actor_status(how: str, status: str, due: str | None, as_of: str) -> str:
    """A commitment's status for an actor that has it ``how``, from its assessment's ``status`` as of
    ``as_of``: a member country's part of the member countries' commitment is fulfilled where the
    evidence names it, else owed (overdue once due), as ``rcmkg commitments --actor`` says
    (:func:`rcmkg.trace.commitments.select_commitments`)."""
    if how == DELIVERED:
        return FULFILLED
    if how == NOT_DELIVERED:
        return NOT_FULFILLED if due and due < as_of else UNKNOWN
    return status


def _actor_order(r: ActorRow) -> tuple[str, str]:
    return (r.date, r.commitment)  # the page's ORDER BY ?date ?c


_MADE = msgspec.json.Decoder(list[CommitmentEntry])
_BY_ACTOR = msgspec.json.Decoder(list[ActorRow])
_GIVEN = msgspec.json.Decoder(dict[str, tuple[str, str]])
_ON_ITEM = msgspec.json.Decoder(list[Feature])
_DATES = msgspec.json.Decoder(dict[str, str])
_MEETINGS = msgspec.json.Decoder(list[str])
_LISTED = msgspec.json.Decoder(list[Listed])


def _order(v: Evidence) -> tuple[str, str, str]:
    return (v.date, v.label, v.agreement)  # an entry's evidence, as a full computation sorts it


def encode(value: object) -> str:
    return FORMAT + ENCODER.encode(value).decode()


def _decoded(decoder: msgspec.json.Decoder[T], data: str | None) -> T | None:
    if data is None or not data.startswith(FORMAT):
        return None
    try:
        return decode_entry(decoder, data[len(FORMAT):])
    except msgspec.DecodeError:
        return None


def decode_made(data: str | None) -> list[CommitmentEntry] | None:
    return _decoded(_MADE, data)


def decode_given(data: str | None) -> dict[str, tuple[str, str]] | None:
    return _decoded(_GIVEN, data)


def decode_on_item(data: str | None) -> list[Feature] | None:
    return _decoded(_ON_ITEM, data)


def decode_by_actor(data: str | None) -> list[ActorRow] | None:
    return _decoded(_BY_ACTOR, data)


def decode_listed(data: str | None) -> list[Listed] | None:
    return _decoded(_LISTED, data)


def decode_meetings(data: str | None) -> list[str] | None:
    return _decoded(_MEETINGS, data)


def decode_dates(data: str | None) -> dict[str, str] | None:
    """The marker's dates (meeting -> day); None if ``data`` is no current marker."""
    return _decoded(_DATES, data)


def digest(evidence: Sequence[Evidence]) -> str:
    """What tells one meeting's evidence about a commitment from another version of it."""
    return hashlib.blake2b(ENCODER.encode(list(evidence)), digest_size=12).hexdigest()


def by_meeting(evidence: Iterable[Evidence]) -> dict[str, list[Evidence]]:
    """Evidence by the meeting that gives it, each meeting's in the entry's order."""
    out: dict[str, list[Evidence]] = defaultdict(list)
    for v in evidence:
        out[v.meeting].append(v)
    return dict(out)


def shard_entries(entries: Sequence[CommitmentEntry], features: dict[str, Commitment]
                  ) -> tuple[dict[str, str], dict[str, str], dict[str, str], str]:
    """A full computation's entries as shards: the MADE, GIVEN and ON_ITEM values by subject, and the
    marker (the LISTED values are :func:`listed_value` of the MADE ones)."""
    made: dict[str, list[CommitmentEntry]] = defaultdict(list)
    given: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    on_item: dict[str, list[Feature]] = defaultdict(list)
    dates: dict[str, str] = {}
    for e in entries:
        row = e.row
        made[row.meeting].append(e)
        dates[row.meeting] = row.date
        for g, evs in by_meeting(e.evidence).items():
            given[g][row.commitment] = (row.meeting, digest(evs))
            dates[g] = evs[0].date
        if row.commitment in features:
            for i in e.items:
                on_item[i].append(Feature.of(features[row.commitment], row.meeting))
    return ({m: encode(v) for m, v in made.items()},
            {g: encode(dict(sorted(v.items()))) for g, v in given.items()},
            {i: encode(sorted(v, key=lambda f: f.commitment)) for i, v in on_item.items()},
            encode(dict(sorted(dates.items()))))


def listed_value(entries: Sequence[CommitmentEntry]) -> str | None:
    """The :data:`LISTED` value of a meeting whose :data:`MADE` shard holds ``entries``."""
    return encode([Listed.of(e) for e in entries]) if entries else None


def entry_actors(entries: Iterable[CommitmentEntry]) -> set[str]:
    """The actors whose listing may hold one of ``entries``: those that made it, and every country
    its evidence names present (:func:`rcmkg.trace.commitments.select_commitments` credits a share
    to them, whatever the day asked)."""
    return {a for e in entries for a in (*e.row.actor_iris, *(x for v in e.evidence for x in v.present))}


def actor_shards(entries: Iterable[CommitmentEntry]) -> dict[str, str]:
    """The :data:`SHARDS_OF` values of a full computation's entries, by actor."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        for a in entry_actors([e]):
            out[a].add(e.row.meeting)
    return {a: encode(sorted(ms)) for a, ms in sorted(out.items())}


#: Within :func:`remembered`, each store's entries as decoded once: (store, entries) by id(store).
_REMEMBERED: ContextVar[dict[int, tuple[LocalStore, list[CommitmentEntry]]] | None] = ContextVar(
    "rcmkg_remembered_commitments", default=None)


@contextmanager
def remembered() -> Iterator[None]:
    """Within the block, :func:`cached_commitments` decodes a store's shards once (8.5 s at 10,000
    reports): ``rcmkg publish`` lists the commitments of every actor, in each language, and each
    actor's feed, from a store that does not change under it. Each call still gets rows of its
    own (the selection sets their status in place)."""
    token = _REMEMBERED.set({})
    try:
        yield
    finally:
        _REMEMBERED.reset(token)


class _Lazy(msgspec.Struct, array_like=True, gc=False):
    """A :class:`CommitmentEntry` with its evidence left as it is stored: nine tenths of an entry's
    bytes, decoded only for the entries a listing keeps."""

    row: CommitmentRow
    items: list[str]
    evidence: msgspec.Raw
    names: dict[str, str] = msgspec.field(default_factory=dict)


_LAZY = msgspec.json.Decoder(list[_Lazy])
_EVIDENCE = msgspec.json.Decoder(list[Evidence])


def cached_commitments(store: Queryable, keep: Callable[[CommitmentRow, Iterable[str], dict[str, str]], bool] | None = None
                       ) -> list[CommitmentEntry] | None:
    """Every entry of a local store's commitments shards, in the order a full computation gives (None
    elsewhere, without current shards, or with a damaged one).

    ``keep(row, items, names)``: only the entries it keeps (``names``: the member countries any
    evidence names present), their evidence decoded for them alone. A listing of some of them passes
    a test that keeps at least those it shows: at 10,000 reports, decoding every shard took 5.9 s."""
    if not isinstance(store, LocalStore):
        return None
    memo = _REMEMBERED.get()
    if memo is not None and id(store) in memo:
        return [msgspec.structs.replace(e, row=msgspec.structs.replace(e.row)) for e in memo[id(store)][1]
                if keep is None or keep(e.row, e.items, e.names)]
    if keep is not None and memo is None:
        return _read_kept(store, keep)
    entries = _read_commitments(store)
    if memo is not None and entries is not None:
        memo[id(store)] = (store, entries)  # the store held too: its id is not reused while remembered
        return [msgspec.structs.replace(e, row=msgspec.structs.replace(e.row)) for e in entries]
    return entries


Keep = Callable[[CommitmentRow, Iterable[str], dict[str, str]], bool]


def _read_kept(store: LocalStore, keep: Keep) -> list[CommitmentEntry] | None:
    if decode_dates(store.index.get(ARCHIVE, COMMITMENTS)) is None:
        return None
    # shard by shard as the store gives them: the whole index is never held at once
    return _kept_shards((term_value(q.object) for q in store.index.ox.quads_for_pattern(None, ox.NamedNode(MADE), None)),
                        keep)


def _kept_shards(shards: Iterable[str | None], keep: Keep) -> list[CommitmentEntry] | None:
    """The entries of the :data:`MADE` shards ``shards`` that ``keep`` keeps, their evidence decoded
    for them alone, in the order a full computation gives; None if one is damaged."""
    out: list[tuple[tuple[str, str], list[CommitmentEntry]]] = []
    for data in shards:
        if data is None or not data.startswith(FORMAT):
            return None
        try:
            lazy = decode_entry(_LAZY, data[len(FORMAT):])
            kept = [CommitmentEntry(e.row, e.items, decode_entry(_EVIDENCE, e.evidence), e.names)
                    for e in lazy if keep(e.row, e.items, e.names)]
        except msgspec.DecodeError:
            return None  # damaged: compute instead
        if kept:
            out.append(((lazy[0].row.date, lazy[0].row.meeting), kept))
    out.sort(key=lambda s: s[0])
    return [e for _, s in out for e in s]


def cached_listed(store: Queryable, until: str | None = None) -> list[CommitmentEntry] | None:
    """A stand-in (:meth:`Listed.entry`) for every entry (made on or before ``until``, if given), in
    the order :func:`cached_commitments` gives them; None as it."""
    if not isinstance(store, LocalStore) or decode_dates(store.index.get(ARCHIVE, COMMITMENTS)) is None:
        return None
    shards = []
    for meeting, data in store.index.entries(LISTED):
        shard = decode_listed(data)
        if not shard:
            return None  # damaged: compute instead
        shards.append((shard[0].date, meeting, shard))
    shards.sort(key=lambda s: s[:2])
    return [x.entry(meeting) for date, meeting, shard in shards if until is None or date <= until for x in shard]


def cached_entries(store: Queryable, commitments: Sequence[tuple[str, str]]) -> list[CommitmentEntry] | None:
    """The entries of ``commitments`` ((commitment, meeting) pairs), in that order, read from their
    meetings' shards only; None as :func:`cached_commitments`, or if one is missing."""
    if not isinstance(store, LocalStore):
        return None
    wanted = {c for c, _ in commitments}
    found: dict[str, CommitmentEntry] = {}
    for meeting in sorted({m for _, m in commitments}):
        shard = _kept_shards([store.index.get(meeting, MADE)], lambda row, *_: row.commitment in wanted)
        if shard is None:
            return None
        found.update((e.row.commitment, e) for e in shard)
    if not wanted <= found.keys():
        return None
    return [found[c] for c, _ in commitments]


def cached_commitments_of(store: Queryable, actor: str, keep: Keep) -> list[CommitmentEntry] | None:
    """:func:`cached_commitments` with ``keep``, for a ``keep`` that keeps only entries ``actor``
    made or whose evidence names it present: only the shards :data:`SHARDS_OF` lists for it are
    read (every shard, 700 MB at 10,000 reports, for one organisation's feed)."""
    if not isinstance(store, LocalStore):
        return None
    if _REMEMBERED.get() is not None:  # every entry decoded once for the whole publish
        return cached_commitments(store, keep)
    if decode_dates(store.index.get(ARCHIVE, COMMITMENTS)) is None:
        return None
    data = store.index.get(actor, SHARDS_OF)
    meetings = decode_meetings(data) if data is not None else []
    if meetings is None:
        return None  # damaged: compute instead
    return _kept_shards((store.index.get(m, MADE) for m in meetings), keep)


def _read_commitments(store: LocalStore) -> list[CommitmentEntry] | None:
    if decode_dates(store.index.get(ARCHIVE, COMMITMENTS)) is None:
        return None
    shards = []
    for _meeting, data in store.index.entries(MADE):
        shard = decode_made(data)
        if shard is None:
            return None  # damaged: compute instead
        if shard:
            shards.append(shard)
    shards.sort(key=lambda s: (s[0].row.date, s[0].row.meeting))
    return [e for s in shards for e in s]


def cached_actor_rows(store: Queryable, actor: str) -> list[ActorRow] | None:
    """The rows of ``actor``'s page (:data:`BY_ACTOR`; none if it has no commitment), by date; None
    where the index has no current shards (a store from ``--data``, or one being loaded)."""
    if not isinstance(store, LocalStore):
        return None
    marker = store.index.get(ARCHIVE, COMMITMENTS)
    if marker is None or not marker.startswith(FORMAT):
        return None
    data = store.index.get(actor, BY_ACTOR)
    return [] if data is None else decode_by_actor(data)


def cached_committers(store: Queryable, until: str) -> list[str] | None:
    """The actors that made a commitment on or before ``until`` (from :data:`BY_ACTOR`: 24 entries
    at 10,000 reports, against every shard), sorted; None where the index has no current rows."""
    if not isinstance(store, LocalStore):
        return None
    marker = store.index.get(ARCHIVE, COMMITMENTS)
    if marker is None or not marker.startswith(FORMAT):
        return None
    out = []
    for actor, data in store.index.entries(BY_ACTOR):
        rows = decode_by_actor(data)
        if rows is None:
            return None
        if any(r.how == OWN and r.date <= until for r in rows):
            out.append(actor)
    return out


def actor_rows_of(store: object) -> Callable[[str], list[ActorRow] | None] | None:
    """:func:`cached_actor_rows` of ``store`` as a page's view takes it (None for a store without an index)."""
    return functools.partial(cached_actor_rows, store) if isinstance(store, LocalStore) else None


def cached_commitments_on(store: Queryable, item: str) -> list[CommitmentEntry] | None:
    """The entries of the commitments about ``item`` (a tracked item's IRI), in the order a full
    computation gives: only the shards of the meetings its features name are read (a listing of
    one item at 10,000 reports read every shard, 8.5 s). None as :func:`cached_commitments`."""
    if not isinstance(store, LocalStore) or decode_dates(store.index.get(ARCHIVE, COMMITMENTS)) is None:
        return None
    data = store.index.get(item, ON_ITEM)
    features = decode_on_item(data) if data is not None else []
    if features is None:
        return None  # damaged: compute instead
    shards = []
    for meeting in sorted({f.meeting for f in features}):
        shard = decode_made(store.index.get(meeting, MADE))
        if shard is None:
            return None
        shards.append([e for e in shard if item in e.items])
    shards = [s for s in shards if s]
    shards.sort(key=lambda s: (s[0].row.date, s[0].row.meeting))
    return [e for s in shards for e in s]


def refresh_commitments(store: LocalStore, *, rebuild: bool = False, changes: list[ReportChange] | None = None,
                        stale: dict[tuple[str, str], str] | None = None, counts: dict[str, int] | None = None,
                        computed: Callable[[], Rebuilt] | None = None) -> bool:
    """Build the commitments shards if they are not current (or always, with ``rebuild``);
    returns whether they were written.

    With ``changes`` (what a load changed) and the ``stale`` entries it took out, the shards are
    updated for the changed reports (:func:`_update`), and so are the fulfilment assessments of the
    commitments that changed, unless the archive's last meeting moved (every assessment is as of
    that day: then they are all written again). ``counts`` gets how many commitments' entries were
    computed (all, or those the changes affected). ``computed`` gives what :func:`compute_rebuilt`
    would of this store (worked out by another process meanwhile, in a full load), if everything is
    to be computed.

    >>> refresh_commitments(LocalStore(".rcmkg/store"))                        # doctest: +SKIP
    True
    """
    has_graph = store.ox.contains_named_graph(ox.NamedNode(fulfilment_graph(store.base)))
    if not rebuild and decode_dates(store.index.get(ARCHIVE, COMMITMENTS)) is not None:
        if has_graph:
            return False  # current: the shards the last load wrote stand (not read)
        entries = cached_commitments(store)
        if entries is not None:
            write_fulfilment(store, entries)
            return False
    stale = stale or {}
    old = decode_dates(stale.get((ARCHIVE, COMMITMENTS)))
    n = None
    if old is not None and changes is not None and not rebuild and has_graph and not store.changes_shared_nodes(changes):
        n = _update(store, old, changes, stale, counts)
    if n is None:
        n = write_rebuilt(store, computed() if computed is not None else compute_rebuilt(store), record=changes is not None)
    if counts is not None:
        counts["commitments computed"] = n
    return True


class Rebuilt(msgspec.Struct, frozen=True):
    """Every shard and the fulfilment graph of a full computation, as values: what
    :func:`compute_rebuilt` hands to :func:`write_rebuilt` (from another process, in a full load:
    plain strings and bytes, pickled without walking any object graph)."""

    made: dict[str, str]
    listed: dict[str, str]
    given: dict[str, str]
    on_item: dict[str, str]
    by_actor: dict[str, str]
    shards_of: dict[str, str]
    marker: str
    fulfilment: bytes  # the fulfilment graph's quads, N-Quads
    count: int  # commitments


def compute_rebuilt(store: LocalStore) -> Rebuilt:
    """The shards and fulfilment graph of every commitment in ``store`` (it is only read)."""
    features: dict[str, Commitment] = {}
    entries = compute_commitment_entries(store, features=features)
    made, given, on_item, marker = shard_entries(entries, features)
    by_meeting_made: dict[str, list[CommitmentEntry]] = defaultdict(list)
    for e in entries:
        by_meeting_made[e.row.meeting].append(e)
    listed = {m: v for m, es in by_meeting_made.items() if (v := listed_value(es)) is not None}
    assessed = _assessed(entries)
    quads = _assessment_quads(assessed, fulfilment_graph(store.base))
    by_actor = {a: encode(rows) for a, rows in actor_rows(assessed).items()}
    return Rebuilt(made, listed, given, on_item, by_actor, actor_shards(entries), marker,
                   ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"", len(entries))


def write_rebuilt(store: LocalStore, rebuilt: Rebuilt, *, record: bool = False) -> int:
    """Replace every shard and the fulfilment graph with ``rebuilt``'s; returns the commitments' count."""
    for key in (*KEYS, COMMITMENTS):
        for q in list(store.index.ox.quads_for_pattern(None, ox.NamedNode(key), None)):
            store.index.ox.remove(q)
    # The bulk loader, not a transaction: 700 MB of shards at 10,000 reports took 6.4 s so against
    # 1.3 s. Only a load writes them, into a generation that becomes current when it has finished.
    store.index.ox.bulk_extend([ox.Quad(ox.NamedNode(s), ox.NamedNode(key), ox.Literal(v))
                                for key, values in ((MADE, rebuilt.made), (LISTED, rebuilt.listed), (GIVEN, rebuilt.given),
                                                    (ON_ITEM, rebuilt.on_item),
                                                    (BY_ACTOR, rebuilt.by_actor), (SHARDS_OF, rebuilt.shards_of))
                                for s, v in sorted(values.items())])
    store.index.set(ARCHIVE, COMMITMENTS, rebuilt.marker)
    write_fulfilment_nquads(store, rebuilt.fulfilment, record=record)
    return rebuilt.count


def write_fulfilment_nquads(store: LocalStore, data: bytes, *, record: bool = False) -> int:
    """Replace the fulfilment graph with the quads ``data`` holds (N-Quads, as :class:`Rebuilt` has them)."""
    if record:  # the old and new content, as triples, for the published statistics
        return _write_fulfilment_quads(store, list(ox.parse(data, format=ox.RdfFormat.N_QUADS)), record=True)
    # Parsed and written by the bulk loader, in Rust: 300,000 quads at 10,000 reports took 8.1 s
    # through Python objects and a transaction, 1.9 s so (a load writes into a generation that
    # becomes current when it has finished).
    graph = ox.NamedNode(fulfilment_graph(store.base))
    store.drop_graph(graph.value)
    store.ox.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    store.ox.add_graph(graph)
    return data.count(b"\n")


class _Damaged(Exception):
    """A shard the update needs cannot be read: everything is computed again."""


def _no_entries() -> list[CommitmentEntry]:
    return []


def _no_rows() -> list[ActorRow]:
    return []


def _no_given() -> dict[str, tuple[str, str]]:
    return {}


def _no_features() -> list[Feature]:
    return []


def _read(store: LocalStore, subject: str, key: str, decode: Callable[[str | None], T | None], empty: T) -> T:
    data = store.index.get(subject, key)
    if data is None:
        return empty
    value = decode(data)
    if value is None:
        raise _Damaged(subject)
    return value


def _update(store: LocalStore, old_dates: dict[str, str], changes: list[ReportChange],
            stale: dict[tuple[str, str], str], counts: dict[str, int] | None = None) -> int | None:
    """The shards after the reports of ``changes`` changed; returns how many commitments' entries
    changed, came or went (None if a shard it needs is damaged: the caller computes everything).

    Only what those reports decide is computed again: the commitments made there (with their
    evidence, :func:`rcmkg.trace.commitments.commitment_entries_of`), and the evidence their
    agreements give about commitments made elsewhere, worked out from the items' features and
    told from the old by the digests; only the entries whose evidence changed are rewritten. The
    caller makes sure the change touched no node that other reports describe
    (:meth:`rcmkg.store.local.LocalStore.changes_shared_nodes`)."""
    try:
        return _updated(store, old_dates, changes, stale, counts if counts is not None else {})
    except _Damaged:
        return None


def _updated(store: LocalStore, old_dates: dict[str, str], changes: list[ReportChange],
             stale: dict[tuple[str, str], str], counts: dict[str, int]) -> int:
    index, inner = store.index, store.ox
    meetings = {c.meeting for c in changes}
    # The load took out every entry about an IRI the changed reports mention (an item's, another
    # meeting's): put back first, then read and replaced where the change decides otherwise.
    for (s, k), data in sorted(stale.items()):
        if k in KEYS:
            index.set(s, k, data)
    old_made = {m: _read(store, m, MADE, decode_made, _no_entries()) for m in sorted(meetings)}
    old_given = {m: _read(store, m, GIVEN, decode_given, _no_given()) for m in sorted(meetings)}
    day: dict[str, str] = {}  # meeting -> date, for the marker

    # The changed meetings' agreements, by the items they are about.
    nodes = set().union(*(c.iris() for c in changes))
    typ, commitment, subject = ox.NamedNode(RDF + "type"), ox.NamedNode(RCM + "Commitment"), ox.NamedNode(DCT + "subject")
    about = sorted(n for n in nodes if next(iter(inner.quads_for_pattern(ox.NamedNode(n), subject, None)), None))
    facts, names = agreement_facts(store, about)
    by_item: dict[str, list[Agreement]] = defaultdict(list)
    for a in sorted(facts):
        if facts[a].meeting in meetings:
            day[facts[a].meeting] = facts[a].date
            for i in sorted({term_value(q.object) for q in inner.quads_for_pattern(ox.NamedNode(a), subject, None)}):
                by_item[i].append(facts[a])
    on_item: dict[str, list[Feature]] = {}

    def features_on(item: str) -> list[Feature]:
        if item not in on_item:
            on_item[item] = _read(store, item, ON_ITEM, decode_on_item, _no_features())
        return on_item[item]

    # 1. The commitments made at the changed meetings. One whose row, items and what the rules read
    # of it are what they were keeps the evidence of the other meetings (a corrected typo elsewhere
    # in its report, say); the others are computed whole, with the agreements of every later meeting.
    made = sorted(n for n in nodes if next(iter(inner.quads_for_pattern(ox.NamedNode(n), typ, commitment)), None))
    features: dict[str, Commitment] = {}
    rows = [e for e in commitment_entries_of(store, made, features=features, skip=set(made)) if e.row.meeting in meetings]
    old_of = {e.row.commitment: e for m in sorted(meetings) for e in old_made[m]}

    def as_before(e: CommitmentEntry) -> bool:
        c, o = e.row.commitment, old_of.get(e.row.commitment)
        if o is None or o.row != e.row or o.items != e.items or c not in features:
            return False
        now = Feature.of(features[c], e.row.meeting)
        return not e.items or any(f == now for f in features_on(e.items[0]) if f.commitment == c)

    kept = {e.row.commitment for e in rows if as_before(e)}
    whole = {e.row.commitment: e for e in commitment_entries_of(
        store, sorted(e.row.commitment for e in rows if e.row.commitment not in kept), features=features)}
    counts["commitments with all their evidence"] = len(whole)
    fresh: list[CommitmentEntry] = []
    for e in rows:
        c = e.row.commitment
        if c in whole:
            fresh.append(whole[c])
        elif c in kept:
            o, own, seen_here = old_of[c], features[c], set()
            found = [v for v in o.evidence if v.meeting not in meetings]
            for i in e.items:
                for ag in by_item.get(i, []):
                    if ag.date > e.row.date and ag.iri not in seen_here:
                        seen_here.add(ag.iri)
                        if (v := evidence_from(own, ag)) is not None:
                            found.append(v)
            found.sort(key=_order)
            known = {**o.names, **names}
            present = {x for v in found for x in v.present}
            fresh.append(CommitmentEntry(e.row, e.items, found, {x: known[x] for x in sorted(present) if x in known}))
    fresh_by: dict[str, list[CommitmentEntry]] = defaultdict(list)
    for e in fresh:
        fresh_by[e.row.meeting].append(e)
        day[e.row.meeting] = e.row.date

    # 2. The evidence the changed meetings' agreements give about commitments made elsewhere.
    new_given: dict[str, dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    made_at: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    for i in sorted(by_item):
        for f in features_on(i):
            if f.meeting in meetings:
                continue  # computed whole in 1.
            rules: Commitment | None = None
            for ag in by_item[i]:
                if ag.date > f.date and (f.commitment, ag.iri) not in seen:
                    seen.add((f.commitment, ag.iri))
                    rules = rules or f.rules()
                    v = evidence_from(rules, ag)
                    if v is not None:
                        new_given[ag.meeting][f.commitment].append(v)
                        made_at[f.commitment] = f.meeting
    for e in fresh:  # and about those made at another changed meeting
        for g, evs in by_meeting(e.evidence).items():
            if g in meetings:
                new_given[g][e.row.commitment] = evs
                made_at[e.row.commitment] = e.row.meeting

    # 3. The entries made elsewhere whose evidence from the changed meetings is not what it was.
    changed: dict[str, set[str]] = defaultdict(set)  # meeting -> its commitments
    given_now: dict[str, dict[str, tuple[str, str]]] = {}
    for g in sorted(meetings):
        now = {c: (made_at[c], digest(sorted(evs, key=_order))) for c, evs in new_given.get(g, {}).items()}
        given_now[g] = dict(sorted(now.items()))
        for c in old_given[g].keys() | now.keys():
            was, new = old_given[g].get(c), now.get(c)
            where = (new or was or ("", ""))[0]
            if was != new and where not in meetings:
                changed[where].add(c)
    updated: list[CommitmentEntry] = []
    actors_in: dict[str, tuple[set[str], set[str]]] = {}  # meeting -> the actors of its shard, before and after
    for m in sorted(changed):
        shard = _read(store, m, MADE, decode_made, _no_entries())
        before = entry_actors(shard)
        for at, e in enumerate(shard):
            c = e.row.commitment
            if c in changed[m]:
                found = [v for v in e.evidence if v.meeting not in meetings]
                found += [v for g in sorted(meetings) for v in new_given.get(g, {}).get(c, [])]
                found.sort(key=_order)
                known = {**e.names, **names}
                present = {x for v in found for x in v.present}
                shard[at] = CommitmentEntry(e.row, e.items, found, {x: known[x] for x in sorted(present) if x in known})
                updated.append(shard[at])
        index.set(m, MADE, encode(shard))
        index.set(m, LISTED, listed_value(shard))
        actors_in[m] = (before, entry_actors(shard))

    # 4. What other meetings give about the commitments made at the changed ones, where that changed.
    new_of = {e.row.commitment: e for e in fresh}
    edits: dict[str, dict[str, tuple[str, str] | None]] = defaultdict(dict)
    for c in sorted(old_of.keys() | new_of.keys()):
        was_by = {g: (old_of[c].row.meeting, digest(v)) for g, v in by_meeting(old_of[c].evidence).items()} \
            if c in old_of else {}
        now_by = {g: (new_of[c].row.meeting, digest(v)) for g, v in by_meeting(new_of[c].evidence).items()} \
            if c in new_of else {}
        for g in was_by.keys() | now_by.keys():
            if g not in meetings and was_by.get(g) != now_by.get(g):
                edits[g][c] = now_by.get(g)
        for ev in new_of[c].evidence if c in new_of else ():
            day.setdefault(ev.meeting, ev.date)
    for g in sorted(edits):
        current = _read(store, g, GIVEN, decode_given, _no_given())
        for c, edit in edits[g].items():
            if edit is None:
                current.pop(c, None)
            else:
                current[c] = edit
        given_now[g] = dict(sorted(current.items()))

    # 5. The shards of the changed meetings and of the items their commitments are about; the marker.
    for m in sorted(meetings):
        index.set(m, MADE, encode(fresh_by[m]) if fresh_by.get(m) else None)
        index.set(m, LISTED, listed_value(fresh_by.get(m, [])))
        actors_in[m] = (entry_actors(old_made[m]), entry_actors(fresh_by.get(m, [])))
    _move_shards(store, actors_in)
    for g, shard_given in sorted(given_now.items()):
        index.set(g, GIVEN, encode(shard_given) if shard_given else None)
    for i in sorted({i for e in (*old_of.values(), *fresh) for i in e.items}):
        listed = [f for f in features_on(i) if f.meeting not in meetings]
        listed += [Feature.of(features[e.row.commitment], e.row.meeting) for e in fresh
                   if i in e.items and e.row.commitment in features]
        listed.sort(key=lambda f: f.commitment)
        index.set(i, ON_ITEM, encode(listed) if listed else None)
    dates = dict(old_dates)
    for m in sorted(meetings | given_now.keys()):
        has_made = bool(fresh_by.get(m)) if m in meetings else index.get(m, MADE) is not None
        when = day.get(m) or dates.get(m)
        if (has_made or given_now.get(m)) and when:
            dates[m] = when
        else:
            dates.pop(m, None)
    index.set(ARCHIVE, COMMITMENTS, encode(dict(sorted(dates.items()))))

    # 6. The fulfilment assessments of the commitments that changed, as of the archive's last day.
    affected = set(old_of) | set(new_of) | {c for cs in changed.values() for c in cs}
    last, was_last = max(dates.values(), default=None), max(old_dates.values(), default=None)
    if last is not None and last == was_last:
        # the actors whose rows may name an affected commitment: those that made it (as it was, and
        # as it is: the rows of commitments made elsewhere did not change) and those its assessment
        # names (read from the graph before it is replaced)
        actors = {a for e in (*old_of.values(), *fresh, *updated) for a in e.row.actor_iris}
        _update_fulfilment(store, [*fresh, *updated], affected, last, actors)
    else:
        write_fulfilment(store, cached_commitments(store) or [], record=True)
    return len(affected)


def _move_shards(store: LocalStore, actors_in: dict[str, tuple[set[str], set[str]]]) -> None:
    """Each actor's :data:`SHARDS_OF` after the shards of ``actors_in`` were rewritten (meeting ->
    the actors of its entries before and after)."""
    for actor in sorted({a for before, after in actors_in.values() for a in before ^ after}):
        none: list[str] = []
        listed = set(_read(store, actor, SHARDS_OF, decode_meetings, none))
        for m, (_, after) in actors_in.items():
            if actor in after:
                listed.add(m)
            else:
                listed.discard(m)
        store.index.set(actor, SHARDS_OF, encode(sorted(listed)) if listed else None)


def _last(entries: list[CommitmentEntry]) -> str | None:
    """The day the assessments are as of: the last date the entries know."""
    if not entries:
        return None
    return max(max([e.row.date for e in entries]), max([v.date for e in entries for v in e.evidence], default=""))


def _update_fulfilment(store: LocalStore, entries: list[CommitmentEntry], commitments: set[str], last: str,
                       actors: set[str]) -> None:
    """Replace the assessments of ``commitments`` (those still there are ``entries``), as of ``last``,
    and their rows on the pages of ``actors`` and of the actors the assessments name; what changed
    is recorded in :attr:`LocalStore.written` (for the published statistics)."""
    g = ox.NamedNode(fulfilment_graph(store.base))
    link = ox.NamedNode(RCM + "fulfilment")
    named = {ox.NamedNode(RCM + "deliveredBy"), ox.NamedNode(RCM + "notDeliveredBy")}
    removed: list[ox.Quad] = []
    for c in sorted(commitments):
        for q in list(store.ox.quads_for_pattern(ox.NamedNode(c), link, None, g)):
            store.ox.remove(q)
            removed.append(q)
            for x in list(store.ox.quads_for_pattern(q.object, None, None, g)):  # type: ignore[arg-type]
                store.ox.remove(x)
                removed.append(x)
    assessed = _assessed(entries, last)
    added = [q for q in _assessment_quads(assessed, g.value) if q not in store.ox]
    store.ox.extend(added)
    store.written.append(ReportChange(g.value, _triples(removed), _triples(added)))
    rows = actor_rows(assessed)
    for actor in sorted(actors | {term_value(q.object) for q in removed if q.predicate in named} | rows.keys()):
        kept = [r for r in _read(store, actor, BY_ACTOR, decode_by_actor, _no_rows()) if r.commitment not in commitments]
        now = sorted([*kept, *rows.get(actor, [])], key=_actor_order)
        store.index.set(actor, BY_ACTOR, encode(now) if now else None)


def _triples(quads: list[ox.Quad]) -> list[Triple]:
    return [(q.subject, q.predicate, q.object) for q in quads]  # type: ignore[misc]


def fulfilment_graph(base: str) -> str:
    """The named graph of the fulfilment assessments (published with the reports)."""
    return base + "id/graph/fulfilment"


# schema.org's action status for the statuses it has (the fulfilment scheme says the same with closeMatch)
_ACTION_STATUS = {FULFILLED: "CompletedActionStatus", IN_PROGRESS: "ActiveActionStatus",
                  NOT_FULFILLED: "FailedActionStatus", UNKNOWN: "PotentialActionStatus"}


Assessed = list[tuple[CommitmentRow, Evidence | None]]


def _assessed(entries: list[CommitmentEntry], last: str | None = None) -> tuple[str, Assessed]:
    """Each entry's row with its status as of ``last`` (default: the last day the entries know),
    and the evidence that decides it; with the day."""
    last = last or _last(entries)
    if last is None:
        return "", []
    from datetime import date as _date  # noqa: PLC0415 - only here

    rows = select_commitments(entries, None, None, None, _date.fromisoformat(last), None)
    by_iri = {e.row.commitment: e for e in entries}
    return last, [(r, next(v for v in by_iri[r.commitment].evidence if v.agreement == r.evidence) if r.evidence else None)
                  for r in rows]


def fulfilment_quads(entries: list[CommitmentEntry], graph: str, last: str | None = None) -> list[ox.Quad]:
    """One ``rcm:FulfilmentAssessment`` per commitment, as of ``last`` (default: the last meeting the
    entries know): its status, the evidence agreement and quote, ``prov:wasDerivedFrom`` the evidence span."""
    return _assessment_quads(_assessed(entries, last), graph)


def _assessment_quads(assessed: tuple[str, Assessed], graph: str) -> list[ox.Quad]:
    last, rows = assessed
    g = ox.NamedNode(graph)
    out: list[ox.Quad] = []
    for r, ev in rows:
        c = ox.NamedNode(r.commitment)
        node = ox.NamedNode(r.commitment + "/fulfilment")

        def add(p: str, o: ox.NamedNode | ox.Literal, node: ox.NamedNode = node) -> None:
            out.append(ox.Quad(node, ox.NamedNode(p), o, g))

        out.append(ox.Quad(c, ox.NamedNode(RCM + "fulfilment"), node, g))
        add(RDF + "type", ox.NamedNode(RCM + "FulfilmentAssessment"))
        add(RCM + "fulfilmentStatus", ox.NamedNode(voc("fulfilment", r.status)))
        add(RCM + "asOf", ox.Literal(last, datatype=ox.NamedNode(XSD + "date")))
        if r.status in _ACTION_STATUS:
            add(SCHEMA + "actionStatus", ox.NamedNode(SCHEMA + _ACTION_STATUS[r.status]))
        if r.evidence and ev is not None:
            add(RCM + "evidence", ox.NamedNode(r.evidence))
            add(RCM + "evidenceQuote", ox.Literal(r.evidence_quote or ""))
            if r.evidence_span:
                add(PROV + "wasDerivedFrom", ox.NamedNode(r.evidence_span))
            for country in ev.delivered_by:
                add(RCM + "deliveredBy", ox.NamedNode(country))
            for country in ev.present:
                if country not in ev.delivered_by:
                    add(RCM + "notDeliveredBy", ox.NamedNode(country))
    return out


def actor_rows(assessed: tuple[str, Assessed]) -> dict[str, list[ActorRow]]:
    """The :data:`BY_ACTOR` rows of every actor the assessed commitments name: those it made, then
    (for a member countries' commitment) as the deciding evidence names it delivering or not, as
    the assessments in :func:`fulfilment_quads` state it."""
    out: dict[str, list[ActorRow]] = defaultdict(list)
    for r, ev in assessed[1]:
        hows = dict.fromkeys(r.actor_iris, OWN)
        if ev is not None:
            for country in ev.delivered_by:
                hows.setdefault(country, DELIVERED)
            for country in ev.present:
                if country not in ev.delivered_by:
                    hows.setdefault(country, NOT_DELIVERED)
        for actor, how in hows.items():
            out[actor].append(ActorRow(r.commitment, how, r.date, r.due, actor_status(how, r.status, r.due, assessed[0])))
    for rows in out.values():
        rows.sort(key=_actor_order)
    return dict(sorted(out.items()))


def write_fulfilment(store: LocalStore, entries: list[CommitmentEntry], *, record: bool = False) -> int:
    """Replace the fulfilment graph with the assessments of ``entries``; returns its triple count.
    With ``record``, the old and new content go to :attr:`LocalStore.written` (an incremental load's
    published statistics are updated from them).

    Written straight into the store, not through :meth:`LocalStore.replace_graph`, which would drop
    the derived entries this graph is built from. The actors' rows (:data:`BY_ACTOR`), which state
    the same assessments, are written again with it."""
    assessed = _assessed(entries)
    n = _write_fulfilment_quads(store, _assessment_quads(assessed, fulfilment_graph(store.base)), record=record)
    for q in list(store.index.ox.quads_for_pattern(None, ox.NamedNode(BY_ACTOR), None)):
        store.index.ox.remove(q)
    for actor, rows in actor_rows(assessed).items():
        store.index.set(actor, BY_ACTOR, encode(rows))
    return n


def _write_fulfilment_quads(store: LocalStore, quads: list[ox.Quad], *, record: bool = False) -> int:
    graph = fulfilment_graph(store.base)
    if record:
        before = list(store.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
        store.written.append(ReportChange(graph, _triples(before), _triples(quads)))
    store.drop_graph(graph)
    store.ox.extend(quads)
    store.ox.add_graph(ox.NamedNode(graph))
    return len(quads)
