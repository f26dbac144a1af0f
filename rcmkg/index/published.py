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

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import msgspec
import pyoxigraph as ox

from rcmkg.index.codec import ENCODER, decode_entry
from rcmkg.namespaces import DCT, RCM, RDF, SCHEMA
from rcmkg.publish.source import published_dataset
from rcmkg.publish.void import DatasetStats, dataset_stats
from rcmkg.publish.void import examples as example_resources
from rcmkg.sparql.terms import solutions, term_value
from rcmkg.store.local import ARCHIVE, LocalStore, ReportChange, Triple

PUBLISHED = "urn:rcmkg:published"
FORMAT = "rcmkg-published-2\n"  # 2: rows chosen and ordered in Python (the same whole or updated)
_TYPE = RDF + "type"
_MEETING_PREDICATES = frozenset({RDF + "type", SCHEMA + "startDate", RCM + "hasCommitment"})
_EXAMPLE_CLASSES = frozenset({RCM + "Meeting", RCM + "Agreement", RCM + "TrackedItem"})


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


def _values(var: str, iris: Iterable[str] | None) -> str:
    return "" if iris is None else f"VALUES ?{var} {{ {' '.join(f'<{i}>' for i in sorted(iris))} }}"


def _meeting_rows(store: ox.Store, only: Iterable[str] | None = None) -> dict[str, HomeMeeting]:
    """Meeting IRI -> its home-page row, over the union of every graph (as pages read), of every
    meeting or of ``only``. A meeting with several dates or organisers gets one row, chosen here in
    Python (latest date, then the least values), so that a row computed for one meeting equals the
    row the whole archive's query gives."""
    q = f"""SELECT DISTINCT ?m ?date ?end ?org ?place ?report WHERE {{ {_values('m', only)}
        ?m a <{RCM}Meeting> ; <{SCHEMA}startDate> ?date . FILTER(isIRI(?m))
        OPTIONAL {{ ?m <{SCHEMA}endDate> ?end }} OPTIONAL {{ ?m <{SCHEMA}organizer> ?org }}
        OPTIONAL {{ ?m <{SCHEMA}location> ?place }} OPTIONAL {{ ?m <{SCHEMA}recordedIn> ?report }} }}"""
    best: dict[str, HomeMeeting] = {}
    for sol in solutions(store.query(q, use_default_graph_as_union=True)):
        row = HomeMeeting(sol["m"].value, sol["date"].value,
                          *(sol[k].value if sol[k] is not None else None for k in ("end", "org", "place", "report")))
        have = best.get(row.meeting)
        if have is None or _row_key(row) < _row_key(have):
            best[row.meeting] = row
    return best


def _row_key(r: HomeMeeting) -> tuple[str, str, str, str, str]:
    # the latest date first: its characters inverted, so that one ascending sort does it
    return ("".join(chr(0x10FFFF - ord(c)) for c in r.date), r.end or "", r.org or "", r.place or "", r.report or "")


def _ordered(rows: Iterable[HomeMeeting]) -> list[HomeMeeting]:
    """Newest first, then by IRI."""
    return sorted(rows, key=lambda r: (_row_key(r)[0], r.meeting))


def _track_rows(store: ox.Store, only: Iterable[str] | None = None) -> dict[str, int]:
    """Tracked item IRI -> how many agreements deal with it (of every item, or of ``only``)."""
    q = f"""SELECT ?t (COUNT(DISTINCT ?a) AS ?n) WHERE {{ {_values('t', only)} ?t a <{RCM}TrackedItem> .
        FILTER(isIRI(?t)) OPTIONAL {{ ?a <{DCT}subject> ?t ; a <{RCM}Agreement> }} }} GROUP BY ?t"""
    return {sol["t"].value: int(sol["n"].value) for sol in solutions(store.query(q, use_default_graph_as_union=True))}


def _listed(meetings: Iterable[HomeMeeting], tracks: Iterable[HomeTrack]) -> set[str]:
    return {i for m in meetings for i in (m.meeting, m.org, m.place, m.report) if i} | {t.track for t in tracks}


def compute_published(store: LocalStore) -> PublishedEntry:
    """Count and list what the entry holds (the whole archive: what a full load pays once)."""
    from rcmkg.publish.views.pages import GraphView  # the page model imports the store: only here

    view = GraphView(store.ox, store.base)
    meetings = _ordered(_meeting_rows(store.ox).values())
    tracks = [HomeTrack(t, n) for t, n in sorted(_track_rows(store.ox).items())]
    listed = sorted(_listed(meetings, tracks))
    labels: dict[str, dict[str, str]] = {}
    for iri in listed:
        found = view.labels.get(iri)
        if found:
            labels[iri] = dict(found)
    stats = dataset_stats(store.ox, store.base)
    # in one order whatever the query engine's, as update_published keeps them
    stats = dataclasses.replace(stats, counts=dict(sorted(stats.counts.items())), classes=sorted(stats.classes))
    return PublishedEntry(stats=stats, meetings=meetings, tracks=tracks, labels=labels,
                          pages=[i for i in listed if view.exists(i)])


def cached_published(store: Any) -> PublishedEntry | None:
    """The current published entry of a local store (None elsewhere, or without a current one)."""
    if not isinstance(store, LocalStore):
        return None
    return _decode(store.index.get(ARCHIVE, PUBLISHED))


def _decode(data: str | None) -> PublishedEntry | None:
    if data is None or not data.startswith(FORMAT):
        return None
    try:
        return decode_entry(_DECODER, data[len(FORMAT):])
    except msgspec.DecodeError:
        return None  # damaged: computed instead


def refresh_published(store: LocalStore, *, rebuild: bool = False, changes: list[ReportChange] | None = None,
                      stale: dict[tuple[str, str], str] | None = None, counts: dict[str, int] | None = None,
                      computed: Callable[[], PublishedEntry] | None = None) -> bool:
    """Build the published entry unless a current one is there (always with ``rebuild``); returns
    whether it was written. Called by :func:`rcmkg.store.load.load_paths` after the other entries
    (the fulfilment graph it counts is written with the commitments entry).

    With ``changes`` (what a load changed) and the ``stale`` entry it took out, the entry is updated
    from the triples that changed (:func:`update_published`), the fulfilment graph's included
    (:attr:`rcmkg.store.local.LocalStore.written`): time in proportion to the changed reports.
    ``counts`` gets ``published updated`` (1) or ``published computed`` (1). ``computed`` gives what
    :func:`compute_published` would of this store (worked out by another process meanwhile, in a
    full load), if the entry is to be computed whole.

    >>> refresh_published(LocalStore(".rcmkg/store"))                          # doctest: +SKIP
    True
    """
    if not rebuild and cached_published(store) is not None:
        return False
    old = _decode((stale or {}).get((ARCHIVE, PUBLISHED))) if not rebuild and changes is not None else None
    if old is not None and changes is not None and not store.inferred_rewritten:
        entry = update_published(store, old, [*changes, *store.written])
        kind = "published updated"
    else:
        entry = computed() if computed is not None else compute_published(store)
        kind = "published computed"
    if counts is not None:
        counts[kind] = 1
    store.index.set(ARCHIVE, PUBLISHED, FORMAT + ENCODER.encode(entry).decode())
    return True


class _Membership:
    """Whether a triple is in the merge of the published graphs before and after a load, for the
    triples of the changed graphs: looked up in the store (after), and for the changed graphs'
    old content in what the load handed over (before)."""

    def __init__(self, store: LocalStore, changes: Sequence[ReportChange], *, union: bool = False) -> None:
        self.store = store.ox
        names = store.names
        # with ``union``, every graph counts (the union default graph pages query), else the published ones
        self.derived = frozenset() if union else frozenset(ox.NamedNode(g) for g in names.derived)
        changes = [c for c in changes if ox.NamedNode(c.graph) not in self.derived]
        self.changed = frozenset(ox.NamedNode(c.graph) for c in changes)
        # per changed graph: triples only in the old version, and only in the new one
        self.removed: dict[ox.NamedNode, set[Triple]] = {}
        self.added: dict[ox.NamedNode, set[Triple]] = {}
        for c in changes:
            g = ox.NamedNode(c.graph)
            old, new = set(c.old), set(c.new)
            self.removed.setdefault(g, set()).update(old - new)
            self.added.setdefault(g, set()).update(new - old)
        self.triples: set[Triple] = set().union(*self.removed.values(), *self.added.values())
        self._graphs: dict[Triple, frozenset[Any]] = {}

    def graphs(self, t: Triple) -> frozenset[Any]:
        """The published graphs stating ``t`` now."""
        found = self._graphs.get(t)
        if found is None:
            found = self._graphs[t] = frozenset(
                q.graph_name for q in self.store.quads_for_pattern(*t) if q.graph_name not in self.derived)
        return found

    def after(self, t: Triple) -> bool:
        return bool(self.graphs(t))

    def in_before(self, t: Triple, g: Any) -> bool:
        """Whether the changed graph ``g`` stated ``t`` before the load."""
        return t in self.removed[g] or (g in self.graphs(t) and t not in self.added[g])

    def before(self, t: Triple) -> bool:
        return any(g not in self.changed for g in self.graphs(t)) or any(self.in_before(t, g) for g in self.changed)


def update_published(store: LocalStore, old: PublishedEntry, changes: Sequence[ReportChange]) -> PublishedEntry:
    """``old`` brought up to date after ``changes`` (every graph the load changed but the derived
    ones: reports, and the fulfilment assessments), as :func:`compute_published` would compute it.

    Every statistic is a count of distinct triples (or of distinct subjects of ``rdf:type``
    triples) in the merge of the published graphs, so it moves by the triples of the changed graphs
    that entered or left the merge; the home page's rows are those of the meetings and items a
    changed triple is about (subject or object: an entailment of a changed triple is about one of
    those), computed again for them alone."""
    from rcmkg.publish.views.pages import GraphView  # the page model imports the store: only here

    m = _Membership(store, changes)
    u = _Membership(store, changes, union=True)
    moved = {t: m.after(t) - m.before(t) for t in m.triples}
    moved = {t: d for t, d in moved.items() if d}
    stats = old.stats
    counts = dict(stats.counts)
    for g in sorted(m.changed, key=str):
        n = counts.get(g.value, 0) + sum((g in m.graphs(t)) - m.in_before(t, g) for t in m.removed[g] | m.added[g])
        if n > 0 and store.ox.contains_named_graph(g):
            counts[g.value] = n
        else:
            counts.pop(g.value, None)
    classes = dict(stats.classes)
    for (_s, p, o), d in moved.items():
        if p.value == _TYPE and isinstance(o, ox.NamedNode):
            classes[o.value] = classes.get(o.value, 0) + d
    space = store.base + "id/"
    entities = stats.entities
    for s in sorted({t[0] for t in moved if t[1].value == _TYPE and isinstance(t[0], ox.NamedNode)
                     and t[0].value.startswith(space)}, key=str):
        typed = {t for t in m.triples if t[0] == s and t[1].value == _TYPE}
        typed |= {(s, q.predicate, q.object) for q in store.ox.quads_for_pattern(s, ox.NamedNode(_TYPE), None)
                  if not isinstance(q.object, ox.Triple)}
        entities += any(m.after(t) for t in typed) - any(m.before(t) for t in typed)
    relevant = [t for t in moved if t[1].value in _MEETING_PREDICATES
                and (t[1].value != _TYPE or (isinstance(t[2], ox.NamedNode) and t[2].value in _EXAMPLE_CLASSES))]
    modified, examples = stats.modified, stats.examples
    if relevant:  # a meeting, date, agreement or item came or went: asked again (not per report)
        modified, examples = _latest(store), _examples(store)
    published = sum(counts.values())
    endpoint = published + _other_quads(store)
    stats = dataclasses.replace(stats, counts=dict(sorted(counts.items())), total=stats.total + sum(moved.values()),
                                entities=entities, classes=sorted((c, n) for c, n in classes.items() if n > 0),
                                modified=modified, examples=examples, endpoint=endpoint)

    # the home page (over the union of every graph, the inferred one included): the rows of what a
    # changed triple is about, computed again for them
    about = {x.value for t in u.triples for x in (t[0], t[2]) if isinstance(x, ox.NamedNode)}
    rows = {r.meeting: r for r in old.meetings if r.meeting not in about}
    rows.update(_meeting_rows(store.ox, about) if about else {})
    meetings = _ordered(rows.values())
    tracks = [HomeTrack(t, n) for t, n in sorted(_track_counts(store, old, u).items())]
    listed = sorted(_listed(meetings, tracks))
    was = set(old.labels) | set(old.pages) | _listed(old.meetings, old.tracks)
    view = GraphView(store.ox, store.base)
    labels: dict[str, dict[str, str]] = {}
    pages: list[str] = []
    had_page = set(old.pages)
    for iri in listed:
        if iri in about or iri not in was:
            found = view.labels.get(iri)
            if found:
                labels[iri] = dict(found)
            if view.exists(iri):
                pages.append(iri)
        else:
            if iri in old.labels:
                labels[iri] = old.labels[iri]
            if iri in had_page:
                pages.append(iri)
    return PublishedEntry(stats=stats, meetings=meetings, tracks=tracks, labels=labels, pages=pages)


def _track_counts(store: LocalStore, old: PublishedEntry, u: _Membership) -> dict[str, int]:
    """Tracked item -> agreements dealing with it, moved by the (agreement, item) pairs that came or
    went (``?a dct:subject ?t ; a rcm:Agreement``: a changed triple has ``?a`` as subject); items
    that became or stopped being tracked items are counted again. A popular item is mentioned by
    thousands of agreements: counting them again would follow the archive's size."""
    typ, subject = ox.NamedNode(_TYPE), ox.NamedNode(DCT + "subject")
    agreement, tracked = ox.NamedNode(RCM + "Agreement"), ox.NamedNode(RCM + "TrackedItem")
    counts = {t.track: t.agreements for t in old.tracks}
    items = {t[0] for t in u.triples if t[1] == typ and t[2] == tracked and u.after(t) != u.before(t)}
    agreements = {t[0] for t in u.triples if t[1] == subject or (t[1] == typ and t[2] == agreement)}
    for a in sorted(agreements, key=str):
        ag = (a, typ, agreement)
        objects = {q.object for q in store.ox.quads_for_pattern(a, subject, None)}
        objects |= {t[2] for t in u.triples if t[0] == a and t[1] == subject}
        for t in sorted(objects, key=str):
            if not isinstance(t, ox.NamedNode) or t in items or t.value not in counts:
                continue
            pair = (a, subject, t)
            counts[t.value] += (u.after(pair) and u.after(ag)) - (u.before(pair) and u.before(ag))
    for t in items:
        counts.pop(t.value, None)
    counts.update(_track_rows(store.ox, [t.value for t in items if isinstance(t, ox.NamedNode)]) if items else {})
    return counts


def _other_quads(store: LocalStore) -> int:
    """Quads outside the published named graphs (the endpoint counts every graph): the derived
    graphs (the inferred graph's size as the load recorded it) and the default graph."""
    names = store.names
    n = store._meta_of(names.inferred)[3]
    if n is None:
        n = store.count(names.inferred)
    for g in (names.meta, names.closure, names.cache):
        if store.ox.contains_named_graph(ox.NamedNode(g)):
            n += store.count(g)
    res = store.ox.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return n + int(term_value(next(iter(solutions(res)))["n"]))


def _latest(store: LocalStore) -> str | None:
    """The latest meeting's date over the published graphs, as :func:`rcmkg.publish.void.dataset_stats` has it."""
    skip = ", ".join(f"<{g}>" for g in store.names.derived)

    def published(pattern: str, n: int) -> str:
        g = f"?published_g{n}"
        return f"{{ {{ {pattern} }} UNION {{ GRAPH {g} {{ {pattern} }} FILTER({g} NOT IN ({skip})) }} }}"

    sol = next(iter(solutions(store.ox.query(
        f"SELECT (MAX(?d) AS ?m) WHERE {{ {published(f'?x a <{RCM}Meeting>', 1)} "
        f"{published('?x <http://schema.org/startDate> ?d', 2)} }}"))), None)
    if sol is None or sol["m"] is None:
        return None
    try:
        return dt.date.fromisoformat(sol["m"].value[:10]).isoformat()
    except ValueError:
        return None


def _examples(store: LocalStore) -> list[str]:
    """void:exampleResource as :func:`rcmkg.publish.void.dataset_stats` picks them (a meeting, the
    newest; an agreement with a commitment; a tracked item), over the published graphs: asked only
    when a changed triple is about one of those."""
    return example_resources(store.ox, published_dataset(store.ox, store.base))
