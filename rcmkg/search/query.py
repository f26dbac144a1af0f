"""Answering a search: ranked documents with snippets, and facet counts, from the index.

>>> result = search_index(store).search("pasaportes", {"country": ["https://w3id.org/rcmkg/id/country/US"]})  # doctest: +SKIP
>>> result.total, result.hits[0].iri                                             # doctest: +SKIP
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from rcmkg.errors import UsageError
from rcmkg.search.build import FACETS, FORMAT, INDEX_FILE, connect, memory_index, tag
from rcmkg.search.text import fts_query, highlight, query_terms
from rcmkg.sparql.results import Queryable
from rcmkg.store.local import LocalStore

#: Title matches count more than text matches (bm25 column weights).
_WEIGHTS = (4.0, 1.0)
MAX_LIMIT = 500


@dataclass
class SearchHit:
    """One document found."""

    iri: str
    kind: str
    title: str
    title_es: str | None
    lang: str
    snippet: list[tuple[str, bool]]
    date: str | None
    meeting: str | None
    agreement: str | None
    score: float

    @property
    def snippet_text(self) -> str:
        return "".join(t for t, _ in self.snippet)

    def to_dict(self) -> dict[str, Any]:
        return {"iri": self.iri, "kind": self.kind, "title": self.title, "title_es": self.title_es, "lang": self.lang,
                "snippet": self.snippet_text, "highlights": [t for t, m in self.snippet if m], "date": self.date,
                "meeting": self.meeting, "agreement": self.agreement, "score": round(self.score, 4)}


@dataclass
class FacetValue:
    """One value of a facet with how many documents found have it."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResult:
    """What a search answers."""

    q: str
    filters: dict[str, list[str]]
    total: int
    hits: list[SearchHit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    limit: int = 20
    offset: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"q": self.q, "filters": self.filters, "total": self.total, "offset": self.offset, "limit": self.limit,
                "hits": [h.to_dict() for h in self.hits],
                "facets": {f: [{"value": v.value, "label": v.label, "count": v.count, "selected": v.selected} for v in vs]
                           for f, vs in self.facets.items()}}


def clean_filters(params: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The facet filters among ``params`` (facet name -> values), sorted, without empties."""
    out = {}
    for f in FACETS:
        values = sorted({v.strip() for v in params.get(f, ()) if v and v.strip()})
        if values:
            out[f] = values[:20]
    return out


class SearchIndex:
    """A read-only view of one index (a connection; queries are serialised by a lock)."""

    def __init__(self, conn: sqlite3.Connection, stored: bool = False) -> None:
        self.conn = conn
        self.stored = stored  # the file rcmkg load wrote (not one built in memory)
        self._lock = threading.Lock()

    def children(self, prefix: str, limit: int = 5000) -> list[str]:
        """``prefix`` followed by each first path segment of the labelled IRIs under it (the first
        ``limit``, in IRI order): one index seek a child, however many IRIs each has under it."""
        out: list[str] = []
        seen: set[str] = set()
        low, high = prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)
        with self._lock:
            while len(out) < limit:
                row = self.conn.execute("SELECT iri FROM labels WHERE iri > ? AND iri < ? ORDER BY iri LIMIT 1",
                                        (low, high)).fetchone()
                if row is None:
                    break
                segment = row[0][len(prefix):].split("/", 1)[0]
                if segment in seen:
                    low = prefix + segment + "/\U0010ffff"  # past the rest of this child's IRIs
                else:
                    seen.add(segment)
                    out.append(prefix + segment)
                    low = row[0]  # a sibling named like it may come before its own IRIs ("x-2" < "x/1")
        return out

    def search(self, q: str, filters: Mapping[str, Sequence[str]] | None = None, *, lang: str = "en",
               limit: int = 20, offset: int = 0, facets: bool = True) -> SearchResult:
        """The documents matching every word of ``q`` (any of its stems) and every facet filter
        (any of a facet's values), best first, with facet counts over all of them."""
        if not 0 < limit <= MAX_LIMIT or offset < 0:
            raise UsageError(f"limit must be 1-{MAX_LIMIT} and offset 0 or more")
        chosen = clean_filters(filters or {})
        terms = query_terms(q)
        if not terms:
            return SearchResult(q, chosen, 0, [], {}, limit, offset)
        # The matches once, into a temporary table, then the page, the total and the facet counts
        # from it. CROSS JOIN keeps the matches the outer loop (SQLite has no statistics for the temp table).
        # The words in the titles and texts, and each facet filter as the tags of its values: one
        # FTS5 query, so FTS5 intersects the posting lists and ranks only what passes every filter.
        expr = "{title body} : (" + fts_query(terms) + ")"
        with self._lock:
            for f, values in chosen.items():
                ids = [i for (i,) in self.conn.execute(
                    f"SELECT id FROM fvalues WHERE facet = ? AND value IN ({','.join('?' * len(values))})", [f, *values])]
                expr += " AND tags : (" + (" OR ".join(f'"{tag(i)}"' for i in ids) or '"none"') + ")"
            cur = self.conn.cursor()
            cur.execute("CREATE TEMP TABLE IF NOT EXISTS hits(id INTEGER PRIMARY KEY, score REAL NOT NULL)")
            cur.execute("DELETE FROM temp.hits")
            cur.execute(f"""INSERT INTO temp.hits SELECT rowid, bm25(fts, {_WEIGHTS[0]}, {_WEIGHTS[1]}, 0.0)
                            FROM fts WHERE fts MATCH ?""", (expr,))
            total = cur.execute("SELECT count(*) FROM temp.hits").fetchone()[0]
            rows = cur.execute(
                """SELECT d.iri, d.kind, d.title, d.title_es, d.text, d.lang, d.date, d.meeting, d.agreement, h.score
                   FROM (SELECT id, score FROM temp.hits ORDER BY score, id LIMIT ? OFFSET ?) h
                   CROSS JOIN docs d ON d.id = h.id ORDER BY h.score, h.id""", (limit, offset)).fetchall()
            counts = cur.execute(
                """SELECT v.facet, v.value, c.n FROM (SELECT f.fv AS fv, count(*) AS n FROM temp.hits h
                   CROSS JOIN facets f ON f.doc = h.id GROUP BY f.fv) c JOIN fvalues v ON v.id = c.fv""").fetchall() if facets else []
            cur.execute("DELETE FROM temp.hits")
            labels = self._labels({v for f, v, _ in counts if f not in ("kind", "year")} | {
                v for f, vs in chosen.items() if f not in ("kind", "year") for v in vs}, lang)
        hits = [SearchHit(iri, kind, title, title_es, tlang, highlight(text, tlang, terms), date, meeting, agreement, -score)
                for iri, kind, title, title_es, text, tlang, date, meeting, agreement, score in rows]
        by_facet: dict[str, list[FacetValue]] = {}
        for f, v, n in counts:
            by_facet.setdefault(f, []).append(FacetValue(v, labels.get(v, v), n, v in chosen.get(f, ())))
        for f in by_facet:
            if f == "year":
                by_facet[f].sort(key=lambda x: x.value, reverse=True)
            else:
                by_facet[f].sort(key=lambda x: (-x.count, x.label.casefold()))
        for f, values in chosen.items():  # a chosen value that matches nothing still shows (to remove it)
            have = {x.value for x in by_facet.setdefault(f, [])}
            by_facet[f] += [FacetValue(v, labels.get(v, v), 0, True) for v in values if v not in have]
        ordered = {f: by_facet[f] for f in FACETS if f in by_facet}
        return SearchResult(q, chosen, total, hits, ordered, limit, offset)

    def _labels(self, iris: set[str], lang: str) -> dict[str, str]:
        if not iris:
            return {}
        out: dict[str, str] = {}
        ranked = sorted(iris)
        for k in range(0, len(ranked), 500):
            chunk = ranked[k:k + 500]
            for iri, label_lang, label in self.conn.execute(
                    f"SELECT iri, lang, label FROM labels WHERE iri IN ({','.join('?' * len(chunk))}) ORDER BY graph",
                    chunk).fetchall():
                if iri not in out or label_lang == lang:
                    out[iri] = label
        return out

    def count(self) -> int:
        """How many documents the index holds."""
        with self._lock:
            return int(self.conn.execute("SELECT count(*) FROM docs").fetchone()[0])


def stored_search_index(store: Queryable) -> SearchIndex | None:
    """:func:`search_index` of ``store`` when ``rcmkg load`` wrote its file (of this format); None
    otherwise: building one reads the whole archive, which a request must not set off."""
    if not isinstance(store, LocalStore) or store.path is None:
        return None
    with _OPEN_LOCK:
        got = _OPEN.get(store)
    if got is not None:
        return got if got.stored else None
    file = store.path / INDEX_FILE
    if not file.is_file():
        return None
    conn = connect(file, read_only=True)
    try:
        if _format(conn) != FORMAT:
            return None
    finally:
        conn.close()
    return search_index(store)


def _format(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


_OPEN: WeakKeyDictionary[Any, SearchIndex] = WeakKeyDictionary()
_OPEN_LOCK = threading.Lock()


def search_index(store: Queryable) -> SearchIndex:
    """The index of ``store``: the file ``rcmkg load`` wrote in its generation, else one built in
    memory (once per store object) for a store loaded for one run or by an older rcmkg."""
    with _OPEN_LOCK:
        got = _OPEN.get(store)
        if got is not None:
            return got
        if not isinstance(store, LocalStore):
            raise UsageError("full-text search needs a local store (rcmkg load, or --data)")
        file = store.path / INDEX_FILE if store.path is not None else None
        conn = connect(file, read_only=True) if file is not None and file.is_file() else None
        if conn is not None and _format(conn) != FORMAT:
            conn.close()  # written by another rcmkg version: built again, in memory
            conn = None
        stored = conn is not None
        if conn is None:
            conn = memory_index(store, store.base)
        index = SearchIndex(conn, stored)
        _OPEN[store] = index
        return index
