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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rcmkg.namespaces import RCM, RDFS, SCHEMA, SKOS
from rcmkg.search.text import stems
from rcmkg.sparql.results import Queryable
from rcmkg.store.local import GraphNames

INDEX_FILE = "search.sqlite"
FORMAT = "rcmkg-search-1"
FACETS = ("country", "organisation", "item", "kind", "body", "year")
#: Classes whose members are searched by name, and the kind they are listed as.
NAME_CLASSES = {RCM + "Country": "country", RCM + "Organisation": "organisation", RCM + "TrackedItem": "item",
                RCM + "Document": "document", RCM + "CollectiveActor": "group", SCHEMA + "Place": "place",
                RCM + "Meeting": "meeting"}
_CHUNK = 200  # graphs per SPARQL query

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources(graph TEXT PRIMARY KEY, sha TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs(id INTEGER PRIMARY KEY, iri TEXT NOT NULL, graph TEXT NOT NULL, kind TEXT NOT NULL,
    title TEXT NOT NULL, title_es TEXT, text TEXT NOT NULL, lang TEXT NOT NULL, date TEXT, meeting TEXT, agreement TEXT);
CREATE INDEX IF NOT EXISTS docs_graph ON docs(graph);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS facets(doc INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS facets_doc ON facets(doc);
CREATE INDEX IF NOT EXISTS facets_value ON facets(facet, value, doc);
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


def _values(graphs: Sequence[str]) -> str:
    return "VALUES ?g { " + " ".join(f"<{g}>" for g in graphs) + " }"


def _lang(term: object) -> str:
    lang = getattr(term, "lang", None) or "en"
    return lang.split("-")[0].lower()


def _facet(iri: str, id_base: str) -> str | None:
    tail = iri[len(id_base):] if iri.startswith(id_base) else ""
    for prefix, name in (("country/", "country"), ("org/", "organisation"), ("track/", "item")):
        if tail.startswith(prefix):
            return name
    return None


def read_documents(store: Queryable, base: str, graphs: Sequence[str]) -> tuple[list[Doc], list[tuple[str, str, str, str]]]:
    """The documents of ``graphs`` and the labels (iri, graph, lang, label) they bring."""
    names = GraphNames.for_base(base)
    id_base = base + "id/"
    docs: dict[tuple[str, str], Doc] = {}
    labels: list[tuple[str, str, str, str]] = []
    for k in range(0, len(graphs), _CHUNK):
        chunk = graphs[k:k + _CHUNK]
        values = _values(chunk)
        # agreements, with their meeting's date and body
        for r in store.query(f"""SELECT ?g ?a ?text ?label ?m ?date ?body WHERE {{ {values} GRAPH ?g {{
                ?a a rcm:Agreement ; rcm:text ?text ; rcm:agreedAt ?m .
                OPTIONAL {{ ?a skos:prefLabel ?label }} OPTIONAL {{ ?m schema:startDate ?date }}
                OPTIONAL {{ ?m schema:organizer ?body }} }} }}""").rows:
            key = (r["a"].value, r["g"].value)
            d = docs.get(key)
            if d is None:
                d = docs[key] = Doc(r["a"].value, r["g"].value, "agreement", text=r["text"].value, lang=_lang(r["text"]),
                                    meeting=r["m"].value, date=r["date"].value if "date" in r else None)
            if "label" in r:
                d.titles.setdefault(_lang(r["label"]), r["label"].value)
            if "body" in r:
                d.facets.add(("body", r["body"].value))
        for r in store.query(f"""SELECT ?g ?a ?x WHERE {{ {values} GRAPH ?g {{ ?a a rcm:Agreement ;
                rcm:mentions|rcm:addressee|rcm:requestedBy|dct:subject|rcm:concerns ?x FILTER(isIRI(?x)) }} }}""").rows:
            d = docs.get((r["a"].value, r["g"].value))
            facet = _facet(r["x"].value, id_base)
            if d is not None and facet:
                d.facets.add((facet, r["x"].value))
        # commitments: their action, in their agreement's context
        for r in store.query(f"""SELECT ?g ?c ?a ?action ?label ?who WHERE {{ {values} GRAPH ?g {{
                ?c a rcm:Commitment ; rcm:madeIn ?a . OPTIONAL {{ ?c rcm:action ?action }}
                OPTIONAL {{ ?c skos:prefLabel ?label }} OPTIONAL {{ ?c rcm:committedBy ?who FILTER(isIRI(?who)) }} }} }}""").rows:
            g, c, a = r["g"].value, r["c"].value, r["a"].value
            d = docs.get((c, g))
            if d is None:
                agreement = docs.get((a, g))
                text = r["action"].value if "action" in r else (r["label"].value if "label" in r else "")
                d = docs[(c, g)] = Doc(c, g, "commitment", text=text, lang=_lang(r["action"] if "action" in r else r.get("label")),
                                       agreement=a, meeting=agreement.meeting if agreement else None,
                                       date=agreement.date if agreement else None)
                if agreement is not None:
                    d.facets |= {f for f in agreement.facets if f[0] in ("body", "item")}
            if "label" in r:
                d.titles.setdefault(_lang(r["label"]), r["label"].value)
            if "who" in r and (facet := _facet(r["who"].value, id_base)):
                d.facets.add((facet, r["who"].value))
        # names: the registry's, and a report's own (things the registry does not know)
        classes = " ".join(f"<{c}>" for c in NAME_CLASSES)
        for r in store.query(f"""SELECT ?g ?x ?cls ?p ?l WHERE {{ {values} VALUES ?cls {{ {classes} }}
                VALUES ?p {{ <{SKOS}prefLabel> <{SKOS}altLabel> <{RDFS}label> }}
                GRAPH ?g {{ ?x a ?cls ; ?p ?l FILTER(isLiteral(?l)) }}
                FILTER(?g = <{names.registry}> || NOT EXISTS {{ GRAPH <{names.registry}> {{ ?x ?rp ?ro }} }}) }}""").rows:
            g, x = r["g"].value, r["x"].value
            kind = NAME_CLASSES[r["cls"].value]
            d = docs.get((x, g))
            if d is None:
                d = docs[(x, g)] = Doc(x, g, kind)
                if kind != "meeting" and (facet := _facet(x, id_base)):
                    d.facets.add((facet, x))
            lang, label = _lang(r["l"]), r["l"].value
            if r["p"].value == SKOS + "altLabel":
                d.extra.append((label, lang))
            elif r["p"].value == SKOS + "prefLabel" or lang not in d.titles:
                d.titles[lang] = label
        # meetings: date, body, the countries whose delegations came, the report's title
        for r in store.query(f"""SELECT ?g ?m ?date ?body ?country ?title WHERE {{ {values} GRAPH ?g {{
                ?m a rcm:Meeting . OPTIONAL {{ ?m schema:startDate ?date }} OPTIONAL {{ ?m schema:organizer ?body }}
                OPTIONAL {{ ?m schema:attendee/rcm:represents ?country }}
                OPTIONAL {{ ?m schema:recordedIn/dct:title ?title }} }} }}""").rows:
            d = docs.get((r["m"].value, r["g"].value))
            if d is None:
                continue
            if "date" in r:
                d.date = r["date"].value
            if "body" in r:
                d.facets.add(("body", r["body"].value))
            if "country" in r and (facet := _facet(r["country"].value, id_base)):
                d.facets.add((facet, r["country"].value))
            if "title" in r and (r["title"].value, _lang(r["title"])) not in d.extra:
                d.extra.append((r["title"].value, _lang(r["title"])))
        # labels of facet values (and of everything else named in these graphs)
        for r in store.query(f"""SELECT ?g ?x ?l WHERE {{ {values} GRAPH ?g {{ ?x <{SKOS}prefLabel> ?l FILTER(isIRI(?x)) }} }}""").rows:
            labels.append((r["x"].value, r["g"].value, _lang(r["l"]), r["l"].value))
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


def update_index(conn: sqlite3.Connection, store: Queryable, base: str, *, rebuild: bool = False) -> int:
    """Bring the index on ``conn`` up to date with ``store``; returns how many graphs were (re)read."""
    conn.executescript(SCHEMA_SQL)
    fmt = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    registry = GraphNames.for_base(base).registry
    want = _current_sources(store, base)
    have = dict(conn.execute("SELECT graph, sha FROM sources").fetchall())
    if rebuild or fmt is None or fmt[0] != FORMAT or want.get(registry) != have.get(registry):
        for table in ("sources", "docs", "fts", "facets", "labels"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
        have = {}
    stale = sorted(g for g, sha in have.items() if want.get(g) != sha)
    for g in stale:
        ids = "SELECT id FROM docs WHERE graph = ?"
        conn.execute(f"DELETE FROM fts WHERE rowid IN ({ids})", (g,))
        conn.execute(f"DELETE FROM facets WHERE doc IN ({ids})", (g,))
        for table in ("docs", "labels", "sources"):
            conn.execute(f"DELETE FROM {table} WHERE graph = ?", (g,))
    todo = sorted(g for g, sha in want.items() if have.get(g) != sha)
    # the registry first: a report's own names are those the registry does not have
    todo.sort(key=lambda g: g != registry)
    for k in range(0, len(todo), _CHUNK * 5):
        chunk = todo[k:k + _CHUNK * 5]
        docs, labels = read_documents(store, base, chunk)
        _insert(conn, docs, labels)
        conn.executemany("INSERT OR REPLACE INTO sources VALUES (?, ?)", [(g, want[g]) for g in chunk])
    conn.commit()
    return len(todo)


def _insert(conn: sqlite3.Connection, docs: Iterable[Doc], labels: list[tuple[str, str, str, str]]) -> None:
    next_id = (conn.execute("SELECT max(id) FROM docs").fetchone()[0] or 0) + 1
    rows: list[tuple[object, ...]] = []
    fts: list[tuple[int, str, str]] = []
    facets: list[tuple[int, str, str]] = []
    for d in docs:
        title = d.titles.get("en") or next(iter(d.titles.values()))
        title_es = d.titles.get("es")
        rows.append((next_id, d.iri, d.graph, d.kind, title, title_es, d.text, d.lang, d.date, d.meeting, d.agreement))
        title_stems = " ".join(stems(t, lang) for lang, t in sorted(d.titles.items()))
        body = [stems(d.text, d.lang)] if d.text not in d.titles.values() else []
        body += [stems(t, lang) for t, lang in d.extra]
        fts.append((next_id, title_stems, " ".join(body)))
        facets.extend((next_id, f, v) for f, v in sorted(d.facets))
        next_id += 1
    conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)", fts)
    conn.executemany("INSERT INTO facets VALUES (?, ?, ?)", facets)
    conn.executemany("INSERT OR IGNORE INTO labels VALUES (?, ?, ?, ?)", labels)


def refresh_search(store: Queryable, folder: Path, base: str, *, rebuild: bool = False) -> int:
    """Update (or build) ``folder/search.sqlite`` from ``store``; returns how many graphs were read.

    >>> refresh_search(store, store.path, store.base)                         # doctest: +SKIP
    """
    conn = connect(folder / INDEX_FILE)
    try:
        return update_index(conn, store, base, rebuild=rebuild)
    finally:
        conn.close()


def memory_index(store: Queryable, base: str) -> sqlite3.Connection:
    """An index in memory, for a store loaded for one run (``--data``) or one without an index file."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    update_index(conn, store, base)
    return conn
