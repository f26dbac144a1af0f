"""The commitments entry: every commitment's row, items and evidence of fulfilment, about the whole archive.

Listing the commitments of a big archive reads a dozen properties of every commitment, and each
quad the disk store returns costs 10-20 microseconds (32 s for the open ones of 10,000 reports).
``rcmkg load`` therefore keeps them in one entry about :data:`rcmkg.store.local.ARCHIVE`: any
changed report drops it, and :func:`refresh_commitments` rebuilds it. The status on a given day is
worked out when asked (:func:`rcmkg.trace.commitments.select_commitments`).
"""

from __future__ import annotations

import msgspec
import pyoxigraph as ox

from rcmkg.index.codec import ENCODER, decode_entry
from rcmkg.namespaces import PROV, RCM, RDF, SCHEMA, XSD, voc
from rcmkg.sparql.results import Queryable
from rcmkg.store.local import ARCHIVE, LocalStore, ReportChange, Triple
from rcmkg.trace.commitments import (
    CommitmentEntry,
    compute_commitment_entries,
    select_commitments,
    update_commitment_entries,
)
from rcmkg.trace.fulfilment import FULFILLED, IN_PROGRESS, NOT_FULFILLED, UNKNOWN

COMMITMENTS = "urn:rcmkg:commitments"
FORMAT = "rcmkg-commitments-2\n"  # 2: evidence of fulfilment instead of the first follow-up
_DECODER = msgspec.json.Decoder(list[CommitmentEntry])


def cached_commitments(store: Queryable) -> list[CommitmentEntry] | None:
    """The entries of a local store's commitments entry (None elsewhere, or without a current one)."""
    if not isinstance(store, LocalStore):
        return None
    data = store.index.get(ARCHIVE, COMMITMENTS)
    if data is None or not data.startswith(FORMAT):
        return None
    try:
        return decode_entry(_DECODER, data[len(FORMAT):])
    except msgspec.DecodeError:
        return None  # damaged: compute instead


def refresh_commitments(store: LocalStore, *, rebuild: bool = False, changes: list[ReportChange] | None = None,
                        stale: dict[tuple[str, str], str] | None = None, counts: dict[str, int] | None = None) -> bool:
    """Build the commitments entry if there is none that is current (or always, with ``rebuild``);
    returns whether it was written.

    With ``changes`` (what a load changed) and the ``stale`` entry it took out, the entry is updated
    for the changed reports (:func:`rcmkg.trace.commitments.update_commitment_entries`), and so are
    the fulfilment assessments of the commitments that changed, unless the archive's last meeting
    moved (every assessment is as of that day: then they are all written again). ``counts`` gets
    how many commitments' entries were computed (all, or those the changes affected).

    >>> refresh_commitments(LocalStore(".rcmkg/store"))                        # doctest: +SKIP
    True
    """
    graph = fulfilment_graph(store.base)
    if not rebuild and changes == [] and store.ox.contains_named_graph(ox.NamedNode(graph)) \
            and (store.index.get(ARCHIVE, COMMITMENTS) or "").startswith(FORMAT):
        return False  # a load that changed nothing: the entry the last load wrote stands (not decoded: 35 MB)
    current = cached_commitments(store)  # decoded: a damaged entry is rebuilt
    if not rebuild and current is not None:
        if not store.ox.contains_named_graph(ox.NamedNode(graph)):
            write_fulfilment(store, current)
        return False
    old = _decode((stale or {}).get((ARCHIVE, COMMITMENTS)))
    if old is not None and changes is not None and not rebuild and store.ox.contains_named_graph(ox.NamedNode(graph)) \
            and not store.changes_shared_nodes(changes):
        nodes = set().union(*(c.iris() for c in changes)) if changes else set()
        entries, affected = update_commitment_entries(store, old, {c.meeting for c in changes}, nodes)
        last = _last(entries)
        if counts is not None:
            counts["commitments computed"] = len(affected)
        if last is not None and last == _last(old):
            _update_fulfilment(store, [e for e in entries if e.row.commitment in affected], affected, last)
        else:
            write_fulfilment(store, entries, record=True)
    else:
        entries = compute_commitment_entries(store)
        write_fulfilment(store, entries, record=changes is not None)
        if counts is not None:
            counts["commitments computed"] = len(entries)
    store.index.set(ARCHIVE, COMMITMENTS, FORMAT + ENCODER.encode(entries).decode())
    return True


def _decode(data: str | None) -> list[CommitmentEntry] | None:
    if data is None or not data.startswith(FORMAT):
        return None
    try:
        return decode_entry(_DECODER, data[len(FORMAT):])
    except msgspec.DecodeError:
        return None


def _last(entries: list[CommitmentEntry]) -> str | None:
    """The day the assessments are as of: the last date the entries know."""
    if not entries:
        return None
    return max(max([e.row.date for e in entries]), max([v.date for e in entries for v in e.evidence], default=""))


def _update_fulfilment(store: LocalStore, entries: list[CommitmentEntry], commitments: set[str], last: str) -> None:
    """Replace the assessments of ``commitments`` (those still there are ``entries``), as of ``last``;
    what changed is recorded in :attr:`LocalStore.written` (for the published statistics)."""
    g = ox.NamedNode(fulfilment_graph(store.base))
    link = ox.NamedNode(RCM + "fulfilment")
    removed: list[ox.Quad] = []
    for c in sorted(commitments):
        for q in list(store.ox.quads_for_pattern(ox.NamedNode(c), link, None, g)):
            store.ox.remove(q)
            removed.append(q)
            for x in list(store.ox.quads_for_pattern(q.object, None, None, g)):  # type: ignore[arg-type]
                store.ox.remove(x)
                removed.append(x)
    added = [q for q in fulfilment_quads(entries, g.value, last) if q not in store.ox]
    store.ox.extend(added)
    store.written.append(ReportChange(g.value, _triples(removed), _triples(added)))


def _triples(quads: list[ox.Quad]) -> list[Triple]:
    return [(q.subject, q.predicate, q.object) for q in quads]  # type: ignore[misc]


def fulfilment_graph(base: str) -> str:
    """The named graph of the fulfilment assessments (published with the reports)."""
    return base + "id/graph/fulfilment"


# schema.org's action status for the statuses it has (the fulfilment scheme says the same with closeMatch)
_ACTION_STATUS = {FULFILLED: "CompletedActionStatus", IN_PROGRESS: "ActiveActionStatus",
                  NOT_FULFILLED: "FailedActionStatus", UNKNOWN: "PotentialActionStatus"}


def fulfilment_quads(entries: list[CommitmentEntry], graph: str, last: str | None = None) -> list[ox.Quad]:
    """One ``rcm:FulfilmentAssessment`` per commitment, as of ``last`` (default: the last meeting the
    entries know): its status, the evidence agreement and quote, ``prov:wasDerivedFrom`` the evidence span."""
    if not entries:
        return []
    last = last or _last(entries)
    assert last is not None
    g = ox.NamedNode(graph)
    out: list[ox.Quad] = []
    from datetime import date as _date  # noqa: PLC0415 - only here

    rows = select_commitments(entries, None, None, None, _date.fromisoformat(last), None)
    by_iri = {e.row.commitment: e for e in entries}
    for r in rows:
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
        if r.evidence:
            add(RCM + "evidence", ox.NamedNode(r.evidence))
            add(RCM + "evidenceQuote", ox.Literal(r.evidence_quote or ""))
            if r.evidence_span:
                add(PROV + "wasDerivedFrom", ox.NamedNode(r.evidence_span))
            ev = next(v for v in by_iri[r.commitment].evidence if v.agreement == r.evidence)
            for country in ev.delivered_by:
                add(RCM + "deliveredBy", ox.NamedNode(country))
            for country in ev.present:
                if country not in ev.delivered_by:
                    add(RCM + "notDeliveredBy", ox.NamedNode(country))
    return out


def write_fulfilment(store: LocalStore, entries: list[CommitmentEntry], *, record: bool = False) -> int:
    """Replace the fulfilment graph with the assessments of ``entries``; returns its triple count.
    With ``record``, the old and new content go to :attr:`LocalStore.written` (an incremental load's
    published statistics are updated from them).

    Written straight into the store, not through :meth:`LocalStore.replace_graph`, which would drop
    the derived entries this graph is built from."""
    graph = fulfilment_graph(store.base)
    quads = fulfilment_quads(entries, graph)
    if record:
        before = list(store.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
        store.written.append(ReportChange(graph, _triples(before), _triples(quads)))
    store.drop_graph(graph)
    store.ox.extend(quads)
    store.ox.add_graph(ox.NamedNode(graph))
    return len(quads)
