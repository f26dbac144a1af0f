"""The page keys of the canned queries: each driving subquery's rows, in its order, made by ``rcmkg load``.

A paged canned query (``# page: meeting``) first runs its driving subquery (``{ SELECT DISTINCT
?meeting ?date WHERE { ... } ORDER BY ?date ?meeting # {page} }``) for one page of keys. On a
SPARQL engine that is an ORDER BY over every meeting of the archive before the LIMIT applies
(0.1-0.5 s at 10,000 reports, more than the rest of the page). ``rcmkg load`` therefore stores each
driver's whole answer, in order, as one derived entry about :data:`rcmkg.store.local.ARCHIVE`:
:func:`cached_keys` slices a page out of it. The ``.rq`` stays the reference (a remote endpoint, an
in-memory ``--data`` store and a store loaded by an older rcmkg run the driver itself), and an entry
is keyed by the driver's text, so editing a query's driver makes its entry unused until the next load.

After a load that changed a few reports the entries are updated, not recomputed: the rows of the
keys those reports mention are dropped and computed again for those keys alone, then merged in the
driver's order (only for an ORDER BY of plain variables over IRIs and dates, which sort in Python
as SPARQL sorts them; another driver is run whole).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import msgspec
import pyoxigraph as ox

from rcmkg.index.codec import ENCODER, decode_entry
from rcmkg.index.pagekeys import (
    ANSWER,
    ANSWER_DECODER,
    FORMAT,
    PAGES,
    XSD_DATE,
    Cell,
    KeyAnswer,
    PageKeys,
    answer_key,
    cached_answer,
    cached_keys,
    decode_keys,
    driver_key,
    encode_keys,
    has_answer,
    to_cell,
)
from rcmkg.namespaces import RCM, RDF
from rcmkg.sparql.bind import strip_comments
from rcmkg.sparql.results import QueryResult
from rcmkg.sparql.terms import Term
from rcmkg.store.local import ARCHIVE, LocalStore, ReportChange


def _splice(old: PageKeys, meetings: set[str], fresh: QueryResult) -> PageKeys | None:
    """An answer ordered by date then meeting (rows of one meeting together, in the engine's order)
    with the rows of ``meetings`` replaced by ``fresh``; None when it is not ordered so here."""
    if old.vars != fresh.vars or not {"date", "meeting"} <= set(old.vars):
        return None
    d, m = old.vars.index("date"), old.vars.index("meeting")
    # on the stored cells (type, value, datatype, lang): an item's answer has thousands of rows
    kept = [r for r in old.rows if (c := r[m]) is None or c[1] not in meetings]
    rows = kept + [[to_cell(r.get(v)) for v in fresh.vars] for r in fresh.rows]
    if not all(_sortable(r[d]) and _sortable(r[m]) for r in rows):
        return None
    rows.sort(key=lambda r: (r[d][1], r[m][1]))  # type: ignore[index]  # stable: a meeting's rows keep their order
    return PageKeys(old.vars, rows)


def _store_answers(store: LocalStore, rebuild: bool, changes: Sequence[ReportChange] | None = None,
                   stale: dict[tuple[str, str], str] | None = None) -> tuple[int, int]:
    """Store the answer of every ``# stored: answers`` query for each of its keys that has none;
    returns how many were (computed, updated). After a load that changed a few reports, an answer
    ordered by date and meeting gets only the changed meetings' rows computed again, spliced in."""
    from dataclasses import replace

    from rcmkg.sparql.catalogue import driver_text, for_keys, load_queries

    computed = updated = 0
    # The meetings whose rows a changed report can change: its IRIs that are meetings now (asserted
    # or inferred); per answer, those it had rows of are added. Binding every IRI of the report
    # (its agreements, spans, ...) as a meeting made the engine scan: 9 s an answer at 10,000 reports.
    typ, meeting_class = ox.NamedNode(RDF + "type"), ox.NamedNode(RCM + "Meeting")
    candidates = {i for c in changes or () for i in (*c.iris(), c.meeting)}
    now = {i for i in candidates if next(iter(store.ox.quads_for_pattern(ox.NamedNode(i), typ, meeting_class)), None)}
    for q in load_queries().values():
        driver = driver_text(q) if q.stored else None
        if driver is None or not q.page_key:
            continue
        keys = store.query(driver)
        key = answer_key(q.text)
        plain = replace(q, stored=False)
        # After a load that kept the index, the answers it did not take out were checked by the
        # last load: their format is looked at by the store, the megabytes not read into Python.
        kept = store.index.subjects(key, FORMAT) if changes is not None and not rebuild else None
        for row in keys.rows:
            subject = row.get(q.page_key)
            if subject is None or subject.type != "uri":
                continue
            if not rebuild and (subject.value in kept if kept is not None else has_answer(store, q, row)):
                continue
            cells = {v: to_cell(t) for v, t in row.items()}
            # the parameters the driver takes (e.g. the item's slug) as a caller gives them
            params = {p.name: row[p.name].value for p in q.params if p.name in row}
            answer: PageKeys | None = None
            data = (stale or {}).get((subject.value, key)) if changes is not None and not rebuild else None
            if data is not None and data.startswith(FORMAT) and "meeting" not in row:
                try:
                    old = decode_entry(ANSWER_DECODER, data[len(FORMAT):])
                except msgspec.DecodeError:
                    old = None
                if old is not None and old.key == cells and "meeting" in old.answer.vars:
                    at = old.answer.vars.index("meeting")
                    meetings = sorted(now | {c[1] for r in old.answer.rows if (c := r[at]) is not None and c[1] in candidates})
                    # the key bound with each changed meeting: every branch reads those meetings only
                    bound = QueryResult("select", [*keys.vars, "meeting"],
                                        [{**row, "meeting": Term("uri", m)} for m in meetings])
                    fresh = for_keys(store, plain, params, bound) if meetings else QueryResult("select", old.answer.vars)
                    answer = _splice(old.answer, set(meetings), fresh)
                    updated += answer is not None
            if answer is None:
                whole = for_keys(store, plain, params, replace(keys, rows=[row]))
                answer = PageKeys(list(whole.vars), [[to_cell(r.get(v)) for v in whole.vars] for r in whole.rows])
                computed += 1
            store.index.set(subject.value, key, FORMAT + ENCODER.encode(KeyAnswer(cells, answer)).decode())
    return computed, updated


def drivers() -> dict[str, tuple[str, str]]:
    """Every canned query's driving subquery: entry key -> (driver text, page key variable)."""
    from rcmkg.sparql.catalogue import driver_text, load_queries  # the catalogue reads this module

    out: dict[str, tuple[str, str]] = {}
    for q in load_queries().values():
        text = driver_text(q)
        if text is not None and q.page_key:
            out.setdefault(driver_key(text), (text, q.page_key))
    return out


_ORDER = re.compile(r"(?is)\bORDER\s+BY\s+((?:\?\w+\s*)+)$")


def _order_vars(driver: str) -> list[str] | None:
    """The variables of an ORDER BY of plain ascending variables, else None."""
    m = _ORDER.search(strip_comments(driver).strip())
    return re.findall(r"\?(\w+)", m.group(1)) if m else None


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _sortable(c: Cell) -> bool:
    """Whether Python's order of a stored cell's value is SPARQL's (IRIs, and dates without a zone)."""
    if c is None:
        return False
    return c[0] == "uri" or (c[0] == "literal" and c[2] == XSD_DATE and _DAY.fullmatch(c[1]) is not None)


def _merge(driver: str, key: str, old: PageKeys, touched: set[str], fresh: QueryResult) -> PageKeys | None:
    """``old`` without the rows of ``touched`` keys, with ``fresh``'s rows, in the driver's order;
    None when the order cannot be reproduced here (the driver is then run whole)."""
    order = _order_vars(driver)
    if order is None or old.vars != fresh.vars or key not in old.vars or not set(order) <= set(old.vars):
        return None
    at = old.vars.index(key)
    # on the stored cells (type, value, datatype, lang): a driver has a row per meeting
    kept = [r for r in old.rows if (c := r[at]) is None or c[1] not in touched]
    rows = kept + [[to_cell(r.get(v)) for v in fresh.vars] for r in fresh.rows]
    idx = [old.vars.index(v) for v in order]
    if not all(_sortable(r[i]) for r in rows for i in idx):
        return None
    rows.sort(key=lambda r: tuple(r[i][1] for i in idx))  # type: ignore[index]
    if len({tuple(r[i][1] for i in idx) for r in rows}) < len(rows):  # type: ignore[index]
        return None  # ties: the engine's order among them is not known here
    return PageKeys(old.vars, rows)


def refresh_pages(store: LocalStore, *, rebuild: bool = False, changes: Sequence[ReportChange] | None = None,
                  stale: dict[tuple[str, str], str] | None = None, counts: dict[str, int] | None = None) -> int:
    """Write the page-key entry of every canned driver that has no current one (all with
    ``rebuild``); returns how many were written. With ``changes`` and the ``stale`` entries a load
    took out, an entry is updated for the keys the changed reports mention instead of recomputed.

    >>> refresh_pages(LocalStore(".rcmkg/store"))                              # doctest: +SKIP
    3
    """
    from rcmkg.sparql.catalogue import bind

    wanted = drivers()
    for q in list(store.index.ox.quads_for_pattern(ox.NamedNode(ARCHIVE), None, None)):
        if q.predicate.value.startswith(PAGES) and q.predicate.value not in wanted:
            store.index.set(ARCHIVE, q.predicate.value, None)  # a driver no canned query has any more
    written = updated = 0
    touched = sorted({i for c in changes or () for i in (*c.iris(), c.meeting) if re.match(r"^https?://", i)})
    for key, (driver, var) in sorted(wanted.items()):
        if not rebuild and decode_keys(store.index.get(ARCHIVE, key)) is not None:
            continue
        old = decode_keys((stale or {}).get((ARCHIVE, key))) if changes is not None and not rebuild else None
        entry: PageKeys | None = None
        if old is not None:
            if not touched:
                entry = old
            else:
                fresh = store.query(bind(driver, {var: touched}))
                entry = _merge(driver, var, old, set(touched), fresh)
            updated += entry is not None
        if entry is None:
            store.index.set(ARCHIVE, key, encode_keys(store.query(driver)))
        else:
            store.index.set(ARCHIVE, key, FORMAT + ENCODER.encode(entry).decode())
        written += 1
    computed, spliced = _store_answers(store, rebuild, changes, stale)
    if counts is not None:
        counts.update({"page keys updated": updated, "page keys computed": written - updated,
                       "stored answers computed": computed, "stored answers updated": spliced})
    return written + computed + spliced


__all__ = ["ANSWER", "PAGES", "KeyAnswer", "PageKeys", "answer_key", "cached_answer", "cached_keys", "driver_key",
           "drivers", "refresh_pages"]
