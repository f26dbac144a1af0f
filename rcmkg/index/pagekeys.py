"""The stored page keys and answers of the canned queries, as the query side reads them.

:mod:`rcmkg.index.pages` writes them at load (it runs the catalogue's drivers); this module only
decodes them, so that :mod:`rcmkg.sparql.catalogue` can read them without importing the writer.
"""

from __future__ import annotations

import hashlib
from typing import Any

import msgspec

from rcmkg.index.codec import ENCODER, decode_entry
from rcmkg.sparql.bind import strip_comments
from rcmkg.sparql.results import QueryResult
from rcmkg.sparql.terms import Term
from rcmkg.store.local import ARCHIVE, LocalStore

PAGES = "urn:rcmkg:pages:"  # + a digest of the driver's text: one entry per distinct driver
ANSWER = "urn:rcmkg:answer:"  # + a digest of the query's text: the answer for one key, about that key
FORMAT = "rcmkg-pages-1\n"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"

#: One stored term: type, value, datatype, language (as :class:`~rcmkg.sparql.terms.Term`).
Cell = tuple[str, str, str | None, str | None] | None


class PageKeys(msgspec.Struct, array_like=True):
    """A driver's answer: its variables and every row, in its order."""

    vars: list[str]
    rows: list[list[Cell]]


class KeyAnswer(msgspec.Struct, array_like=True):
    """A query's answer for one key: the key's row (as the driver gives it) and the answer's rows."""

    key: dict[str, Cell]
    answer: PageKeys


_DECODER = msgspec.json.Decoder(PageKeys)
ANSWER_DECODER = msgspec.json.Decoder(KeyAnswer)


def driver_key(driver: str) -> str:
    """The entry key of a driver's text (comments and spacing do not count)."""
    norm = " ".join(strip_comments(driver).split())
    return PAGES + hashlib.sha256(norm.encode()).hexdigest()[:24]


def to_cell(t: Term | None) -> Cell:
    return None if t is None else (t.type, t.value, t.datatype, t.lang)


def to_term(c: Cell) -> Term | None:
    return None if c is None else Term(c[0], c[1], c[2], c[3])


def encode_keys(result: QueryResult) -> str:
    rows = [[to_cell(r.get(v)) for v in result.vars] for r in result.rows]
    return FORMAT + ENCODER.encode(PageKeys(list(result.vars), rows)).decode()


def decode_keys(data: str | None) -> PageKeys | None:
    if data is None or not data.startswith(FORMAT):
        return None
    try:
        return decode_entry(_DECODER, data[len(FORMAT):])
    except msgspec.DecodeError:
        return None  # damaged: the driver is run instead


def cached_keys(store: Any, driver: str, modifier: tuple[int, int] | None = None) -> QueryResult | None:
    """The driver's rows from a local store's entry (``modifier`` = (limit, offset): those rows
    only); None elsewhere, or without a current entry for this driver text."""
    if not isinstance(store, LocalStore):
        return None
    keys = decode_keys(store.index.get(ARCHIVE, driver_key(driver)))
    if keys is None:
        return None
    rows = keys.rows if modifier is None else keys.rows[modifier[1]:modifier[1] + modifier[0]]
    return _result(PageKeys(keys.vars, rows))


def answer_key(text: str) -> str:
    """The entry key of a query's stored answers (comments and spacing do not count)."""
    return ANSWER + driver_key(text)[len(PAGES):]


def _result(keys: PageKeys) -> QueryResult:
    return QueryResult("select", list(keys.vars),
                       [{v: t for v, c in zip(keys.vars, r, strict=True) if (t := to_term(c)) is not None} for r in keys.rows])


class _KeyOnly(msgspec.Struct, array_like=True):
    key: dict[str, Cell]  # a KeyAnswer's first field: the answer's rows are skipped, not decoded


_KEY_DECODER = msgspec.json.Decoder(_KeyOnly)


def _answer_entry(store: Any, q: Any, key: dict[str, Term], decoder: msgspec.json.Decoder[Any]) -> Any:
    """The stored entry of ``q`` for ``key`` as ``decoder`` reads it, if it is current and for that key."""
    subject = key.get(q.page_key or "")
    if not isinstance(store, LocalStore) or subject is None or subject.type != "uri":
        return None
    data = store.index.get(subject.value, answer_key(q.text))
    if data is None or not data.startswith(FORMAT):
        return None
    try:
        entry = decode_entry(decoder, data[len(FORMAT):])  # JSON that does not parse whole fails here
    except msgspec.DecodeError:
        return None  # damaged: joined instead
    if entry.key != {v: to_cell(t) for v, t in key.items()}:
        return None  # another row of the same key (e.g. a second notation): joined instead
    return entry


def has_answer(store: Any, q: Any, key: dict[str, Term]) -> bool:
    """Whether :func:`cached_answer` finds an answer (the key read, the rows not decoded)."""
    return _answer_entry(store, q, key, _KEY_DECODER) is not None


def cached_answer(store: Any, q: Any, key: dict[str, Term]) -> QueryResult | None:
    """The stored answer of the query ``q`` (a :class:`~rcmkg.sparql.catalogue.StoredQuery`) for the
    one driver row ``key``; None elsewhere, or without a current entry for this text and key."""
    entry = _answer_entry(store, q, key, ANSWER_DECODER)
    return _result(entry.answer) if entry is not None else None


__all__ = ["ANSWER", "ANSWER_DECODER", "FORMAT", "PAGES", "Cell", "KeyAnswer", "PageKeys", "answer_key", "cached_answer",
           "cached_keys", "has_answer", "decode_keys", "driver_key", "encode_keys", "to_cell", "to_term"]
