"""The search index: one SQLite file with an FTS5 table, built and kept up to date by ``rcmkg load``.

Documents (rows of ``docs``) are the agreements (their text), the commitments (their action),
the meetings and the names of the registry and of the reports (countries, organisations, tracked
items, documents, places, groups; English and Spanish labels and alternative labels). Each belongs
to the named graph it was read from; ``sources`` records each graph's sha256 as the store's
metadata graph gives it, so an update re-reads only the reports whose graph changed (a new
registry re-reads everything: which names a report contributes depends on it).

``fts`` holds the Snowball stems (:mod:`rcmkg.search.text`) of each document's title and text,
``facets`` its (facet, value) pairs, ``labels`` the labels of facet values. The file lives in the
store's generation folder (:mod:`rcmkg.store.generations`): a load copies the current generation's
file into the new generation, updates it there, and readers open the file of the generation they
read, so the index and the graphs always come from the same load.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from rcmkg.namespaces import DCT, RCM, RDF, RDFS, SCHEMA, SKOS
from rcmkg.search.text import stems
from rcmkg.sparql.results import Queryable
from rcmkg.store.local import GraphNames, LocalStore, ReportChange

INDEX_FILE = "search.sqlite"
FORMAT = "rcmkg-search-3"  # 2: facet values numbered (fvalues); 3: and in the FTS table (tags)
FACETS = ("country", "organisation", "item", "kind", "body", "year")
#: Classes whose members are searched by name, and the kind they are listed as.
NAME_CLASSES = {RCM + "Country": "country", RCM + "Organisation": "organisation", RCM + "TrackedItem": "item",
                RCM + "Document": "document", RCM + "CollectiveActor": "group", SCHEMA + "Place": "place",
                RCM + "Meeting": "meeting"}
#: Graphs read at once (their documents are held in memory: about 1 GB for 10,000 reports). When
#: most of the store is read, each chunk scans every quad of the predicates it reads: 10,000 reports
#: in chunks of 5,000 took 62 s where one pass took 31 s (a quad is about 10 us to decode).
_CHUNK = 20_000

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources(graph TEXT PRIMARY KEY, sha TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs(id INTEGER PRIMARY KEY, iri TEXT NOT NULL, graph TEXT NOT NULL, kind TEXT NOT NULL,
    title TEXT NOT NULL, title_es TEXT, text TEXT NOT NULL, lang TEXT NOT NULL, date TEXT, meeting TEXT, agreement TEXT);
CREATE INDEX IF NOT EXISTS docs_graph ON docs(graph);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, body, tags, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS fvalues(id INTEGER PRIMARY KEY, facet TEXT NOT NULL, value TEXT NOT NULL, UNIQUE(facet, value));
CREATE TABLE IF NOT EXISTS facets(doc INTEGER NOT NULL, fv INTEGER NOT NULL, PRIMARY KEY(doc, fv)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS facets_fv ON facets(fv, doc);
CREATE TABLE IF NOT EXISTS labels(iri TEXT NOT NULL, graph TEXT NOT NULL, lang TEXT NOT NULL, label TEXT NOT NULL,
    PRIMARY KEY(iri, graph, lang));
"""


@dataclass
class Doc:
    """One searchable thing as read from one graph."""

    iri: str
    graph: str
    kind: str
    titles: dict[str, str] = field(default_factory=dict)        # lang -> label
    text: str = ""
    lang: str = "en"
    extra: list[tuple[str, str]] = field(default_factory=list)  # (text, lang) searched, not shown
    date: str | None = None
    meeting: str | None = None
    agreement: str | None = None
    facets: set[tuple[str, str]] = field(default_factory=set)


def connect(path: str | Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection to the index file (read-only: never writes, never creates)."""
    if read_only:
        conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    return conn


def _lang(term: ox.Literal | ox.NamedNode | ox.BlankNode | ox.Triple) -> str:
    lang = term.language if isinstance(term, ox.Literal) else None
    return (lang or "en").split("-")[0].lower()


def _facet(iri: str, id_base: str) -> str | None:
    tail = iri[len(id_base):] if iri.startswith(id_base) else ""
    for prefix, name in (("country/", "country"), ("org/", "organisation"), ("track/", "item")):
        if tail.startswith(prefix):
            return name
    return None


class _Reader:
    """Quads of some graphs by predicate (and object). Pattern lookups, not SPARQL joins: each row
    a disk store returns through a join costs 50-150 microseconds, a quad from an index scan a few.
    With many graphs one scan per predicate over the store is kept to those graphs; with few, one
    lookup per graph."""

    def __init__(self, store: ox.Store, graphs: Sequence[str], total: int | None = None) -> None:
        """``total``: the graphs of the store (None: look up each of ``graphs``)."""
        self.store = store
        self.graphs = set(graphs)
        self.per_graph = [ox.NamedNode(g) for g in sorted(graphs)] if total is None or len(graphs) * 4 < total else None

    def quads(self, predicate: str, obj: str | None = None) -> Iterator[tuple[str, ox.NamedNode | ox.Literal | ox.BlankNode | ox.Triple, str]]:
        p = ox.NamedNode(predicate)
        o = ox.NamedNode(obj) if obj else None
        for g in self.per_graph if self.per_graph is not None else [None]:
            for q in self.store.quads_for_pattern(None, p, o, g):
                graph = q.graph_name
                if not isinstance(graph, ox.NamedNode) or not isinstance(q.subject, ox.NamedNode):
                    continue
                if g is None and graph.value not in self.graphs:
                    continue
                yield q.subject.value, q.object, graph.value


def read_documents(store: LocalStore, base: str, graphs: Sequence[str],
                   total: int | None = None) -> tuple[list[Doc], list[tuple[str, str, str, str]]]:
    """The documents of ``graphs`` and the labels (iri, graph, lang, label) they bring; ``total``
    is how many graphs the store has (to choose scans or lookups)."""
    registry = GraphNames.for_base(base).registry
    id_base = base + "id/"
    r = _Reader(store.ox, graphs, total if total is not None else len(graphs))
    docs: dict[tuple[str, str], Doc] = {}

    def literal(o: object) -> str | None:
        return o.value if isinstance(o, ox.Literal) else None

    # meetings' dates and bodies (for their agreements too)
    dates = {(s, g): o.value for s, o, g in r.quads(SCHEMA + "startDate") if isinstance(o, ox.Literal)}
    bodies: dict[tuple[str, str], set[str]] = {}
    for s, o, g in r.quads(SCHEMA + "organizer"):
        if isinstance(o, ox.NamedNode):
            bodies.setdefault((s, g), set()).add(o.value)
    # agreements: their text, meeting, date and body
    for s, o, g in r.quads(RCM + "agreedAt"):
        if isinstance(o, ox.NamedNode):
            docs[(s, g)] = Doc(s, g, "agreement", meeting=o.value, date=dates.get((o.value, g)),
                               facets={("body", b) for b in bodies.get((o.value, g), ())})
    for s, o, g in r.quads(RCM + "text"):
        d = docs.get((s, g))
        if d is not None and isinstance(o, ox.Literal):
            d.text, d.lang = o.value, _lang(o)
    for p in (RCM + "mentions", RCM + "addressee", RCM + "requestedBy", DCT + "subject", RCM + "concerns"):
        for s, o, g in r.quads(p):
            d = docs.get((s, g))
            if d is not None and d.kind == "agreement" and isinstance(o, ox.NamedNode) and (f := _facet(o.value, id_base)):
                d.facets.add((f, o.value))
    # commitments: their action, in their agreement's context
    for s, o, g in r.quads(RCM + "madeIn"):
        agreement = docs.get((o.value, g)) if isinstance(o, ox.NamedNode) else None
        d = docs[(s, g)] = Doc(s, g, "commitment", agreement=o.value if isinstance(o, ox.NamedNode) else None)
        if agreement is not None:
            d.meeting, d.date = agreement.meeting, agreement.date
            d.facets |= {f for f in agreement.facets if f[0] in ("body", "item")}
    for s, o, g in r.quads(RCM + "action"):
        d = docs.get((s, g))
        if d is not None and d.kind == "commitment" and isinstance(o, ox.Literal):
            d.text, d.lang = o.value, _lang(o)
    for s, o, g in r.quads(RCM + "committedBy"):
        d = docs.get((s, g))
        if d is not None and isinstance(o, ox.NamedNode) and (f := _facet(o.value, id_base)):
            d.facets.add((f, o.value))
    # names: the registry's, and a report's own (things the registry does not know)
    known = {s for cls in NAME_CLASSES for s, _o, _g in _Reader(store.ox, [registry]).quads(RDF + "type", cls)}
    for cls, kind in NAME_CLASSES.items():
        for s, _o, g in r.quads(RDF + "type", cls):
            if (s, g) in docs or (g != registry and s in known and kind != "meeting"):
                continue
            d = docs[(s, g)] = Doc(s, g, kind)
            if kind != "meeting" and (f := _facet(s, id_base)):
                d.facets.add((f, s))
            if kind == "meeting":
                d.date = dates.get((s, g))
                d.facets |= {("body", b) for b in bodies.get((s, g), ())}
    labels: list[tuple[str, str, str, str]] = []
    for p in (SKOS + "prefLabel", RDFS + "label", SKOS + "altLabel"):
        for s, o, g in r.quads(p):
            text = literal(o)
            if text is None:
                continue
            lang = _lang(o)
            if p == SKOS + "prefLabel":
                labels.append((s, g, lang, text))
            d = docs.get((s, g))
            if d is None:
                continue
            if p == SKOS + "altLabel":
                d.extra.append((text, lang))
            elif p == SKOS + "prefLabel" or lang not in d.titles:
                d.titles[lang] = text
    # meetings: the countries whose delegations came, the report's title
    delegations: dict[tuple[str, str], str] = {}
    for s, o, g in r.quads(RCM + "represents"):
        if isinstance(o, ox.NamedNode):
            delegations[(s, g)] = o.value
    for s, o, g in r.quads(SCHEMA + "attendee"):
        d = docs.get((s, g))
        country = delegations.get((o.value, g)) if isinstance(o, ox.NamedNode) else None
        if d is not None and d.kind == "meeting" and country and (f := _facet(country, id_base)):
            d.facets.add((f, country))
    titles = {(s, g): o for s, o, g in r.quads(DCT + "title") if isinstance(o, ox.Literal)}
    for s, o, g in r.quads(SCHEMA + "recordedIn"):
        d = docs.get((s, g))
        title = titles.get((o.value, g)) if isinstance(o, ox.NamedNode) else None
        if d is not None and d.kind == "meeting" and isinstance(title, ox.Literal):
            d.extra.append((title.value, _lang(title)))
    out = sorted(docs.values(), key=lambda d: (d.graph, d.kind, d.iri))
    for d in out:
        d.facets.add(("kind", d.kind))
        if d.date:
            d.facets.add(("year", d.date[:4]))
        if not d.titles:
            d.titles["en"] = d.iri.rsplit("/", 1)[-1]
        if not d.text:  # a name: its labels are its text
            d.lang = "en" if "en" in d.titles else next(iter(d.titles))
            d.text = d.titles[d.lang]
        d.extra.sort()
    return out, sorted(set(labels))


def _current_sources(store: Queryable, base: str) -> dict[str, str]:
    """Graph -> sha256 of every report graph and of the registry, from the store's metadata graph."""
    names = GraphNames.for_base(base)
    out = {}
    for r in store.query(f"""SELECT ?g ?sha ?kind WHERE {{ GRAPH <{names.meta}> {{ ?g rcm:sha256 ?sha .
            OPTIONAL {{ ?g <http://purl.org/dc/terms/type> ?kind }} }} }}""").rows:
        kind = r["kind"].value if "kind" in r else ""
        if kind == "report" or r["g"].value == names.registry:
            out[r["g"].value] = r["sha"].value
    return out


def update_index(conn: sqlite3.Connection, store: LocalStore, base: str, *, rebuild: bool = False,
                 only: Sequence[str] | None = None) -> int:
    """Bring the index on ``conn`` up to date with ``store``; returns how many graphs were (re)read.

    With ``only`` (the report graphs a load changed, the registry unchanged), just those graphs'
    records are compared and their documents replaced: nothing is read about the other graphs."""
    conn.executescript(SCHEMA_SQL)
    fmt = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    registry = GraphNames.for_base(base).registry
    if only is not None and not rebuild and fmt is not None and fmt[0] == FORMAT:
        return _update_graphs(conn, store, base, sorted(set(only)))
    want = _current_sources(store, base)
    have = dict(conn.execute("SELECT graph, sha FROM sources").fetchall())
    changed = sum(want.get(g) != sha for g, sha in have.items())
    # most graphs changed: emptied and refilled (FTS5 deletes one graph's rows at a time slowly)
    if rebuild or fmt is None or fmt[0] != FORMAT or want.get(registry) != have.get(registry) or changed > len(have) // 2:
        for table in ("sources", "docs", "fts", "facets", "fvalues", "labels"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
        have = {}
    stale = sorted(g for g, sha in have.items() if want.get(g) != sha)
    _drop_graphs(conn, stale)
    todo = sorted(g for g, sha in want.items() if have.get(g) != sha)
    # the registry first: a report's own names are those the registry does not have
    todo.sort(key=lambda g: g != registry)
    _read_graphs(conn, store, base, todo, want, len(want))
    conn.commit()
    return len(todo)


def _drop_graphs(conn: sqlite3.Connection, graphs: Iterable[str]) -> None:
    for g in graphs:
        ids = "SELECT id FROM docs WHERE graph = ?"
        conn.execute(f"DELETE FROM fts WHERE rowid IN ({ids})", (g,))
        conn.execute(f"DELETE FROM facets WHERE doc IN ({ids})", (g,))
        for table in ("docs", "labels", "sources"):
            conn.execute(f"DELETE FROM {table} WHERE graph = ?", (g,))


def _read_graphs(conn: sqlite3.Connection, store: LocalStore, base: str, todo: Sequence[str],
                 want: dict[str, str], total: int) -> None:
    for k in range(0, len(todo), _CHUNK):
        chunk = todo[k:k + _CHUNK]
        docs, labels = read_documents(store, base, chunk, total=total)
        _insert(conn, docs, labels)
        conn.executemany("INSERT OR REPLACE INTO sources VALUES (?, ?)", [(g, want[g]) for g in chunk])


def _update_graphs(conn: sqlite3.Connection, store: LocalStore, base: str, graphs: list[str]) -> int:
    """The documents of ``graphs`` (report graphs) brought up to date: the records of the others
    are not read (at 10,000 reports, listing every graph's record took a second)."""
    want = {g: sha for g in graphs if (sha := _report_sha(store, g))}
    have = {g: sha for g in graphs for (sha,) in conn.execute("SELECT sha FROM sources WHERE graph = ?", (g,))}
    _drop_graphs(conn, sorted(g for g, sha in have.items() if want.get(g) != sha))
    todo = sorted(g for g, sha in want.items() if have.get(g) != sha)
    total = conn.execute("SELECT count(*) FROM sources").fetchone()[0] + len(todo)
    _read_graphs(conn, store, base, todo, want, total)
    conn.commit()
    return len(todo)


def _report_sha(store: LocalStore, graph: str) -> str | None:
    """The sha256 the metadata graph records for a report graph (None if it is no report now)."""
    names = GraphNames.for_base(store.base)
    m, g = ox.NamedNode(names.meta), ox.NamedNode(graph)
    kinds = {q.object.value for q in store.ox.quads_for_pattern(g, ox.NamedNode(DCT + "type"), None, m)
             if not isinstance(q.object, ox.Triple)}
    if "report" not in kinds:
        return None
    shas = sorted(q.object.value for q in store.ox.quads_for_pattern(g, ox.NamedNode(RCM + "sha256"), None, m)
                  if not isinstance(q.object, ox.Triple))
    return shas[0] if shas else None


def tag(fv: int) -> str:
    """The token of facet value ``fv`` in the FTS table's ``tags`` column: facet filters are part of
    the FTS5 query, so the posting lists are intersected (and ranked) by FTS5 itself."""
    return f"f{fv}"


def _insert(conn: sqlite3.Connection, docs: Iterable[Doc], labels: list[tuple[str, str, str, str]]) -> None:
    docs = list(docs)
    pairs = sorted({f for d in docs for f in d.facets})
    conn.executemany("INSERT OR IGNORE INTO fvalues(facet, value) VALUES (?, ?)", pairs)
    ids: dict[tuple[str, str], int] = {}
    for k in range(0, len(pairs), 400):
        chunk = pairs[k:k + 400]
        cond = " OR ".join("(facet = ? AND value = ?)" for _ in chunk)
        for i, f, v in conn.execute(f"SELECT id, facet, value FROM fvalues WHERE {cond}", [x for p in chunk for x in p]):
            ids[(f, v)] = i
    next_id = (conn.execute("SELECT max(id) FROM docs").fetchone()[0] or 0) + 1
    rows: list[tuple[object, ...]] = []
    fts: list[tuple[int, str, str, str]] = []
    facets: list[tuple[int, int]] = []
    for d in docs:
        title = d.titles.get("en") or next(iter(d.titles.values()))
        title_es = d.titles.get("es")
        rows.append((next_id, d.iri, d.graph, d.kind, title, title_es, d.text, d.lang, d.date, d.meeting, d.agreement))
        title_stems = " ".join(stems(t, lang) for lang, t in sorted(d.titles.items()))
        body = [stems(d.text, d.lang)] if d.text not in d.titles.values() else []
        body += [stems(t, lang) for t, lang in d.extra]
        fvs = sorted({ids[f] for f in d.facets})
        fts.append((next_id, title_stems, " ".join(body), " ".join(tag(i) for i in fvs)))
        facets.extend((next_id, i) for i in fvs)
        next_id += 1
    conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO fts(rowid, title, body, tags) VALUES (?, ?, ?, ?)", fts)
    conn.executemany("INSERT OR IGNORE INTO facets VALUES (?, ?)", facets)
    conn.executemany("INSERT OR IGNORE INTO labels VALUES (?, ?, ?, ?)", labels)


def refresh_search(store: LocalStore, folder: Path, base: str, *, rebuild: bool = False,
                   changes: Sequence[ReportChange] | None = None) -> int:
    """Update (or build) ``folder/search.sqlite`` from ``store``; returns how many graphs were read.
    With ``changes`` (an incremental load's changed reports) only those graphs are looked at.

    >>> refresh_search(store, store.path, store.base)                         # doctest: +SKIP
    """
    conn = connect(folder / INDEX_FILE)
    try:
        return update_index(conn, store, base, rebuild=rebuild,
                            only=[c.graph for c in changes] if changes is not None else None)
    finally:
        conn.close()


def memory_index(store: LocalStore, base: str) -> sqlite3.Connection:
    """An index in memory, for a store loaded for one run (``--data``) or one without an index file."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    update_index(conn, store, base)
    return conn
