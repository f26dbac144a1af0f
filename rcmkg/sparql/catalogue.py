"""The catalogue of canned queries: ``queries/*.rq``, their declared parameters, binding and running them.

Each query file starts with a header::

    # name: trace
    # purpose: How a tracked item moved across meetings ...
    # param: item (required) - the tracked item's slug, e.g. work-plan-migrant-smuggling

Parameters are never pasted into the query text: :func:`bind` adds a SPARQL ``VALUES`` block
(:mod:`rcmkg.sparql.bind`). The command line (``rcmkg query``) and the server (``/query/NAME``)
read the same catalogue; the server binds with :meth:`StoredQuery.bind_request`.

>>> result = run_query(store, "trace", {"item": "rcm-glossary"})          # doctest: +SKIP
>>> print(result.to_csv())                                                 # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rcmkg.errors import NotFound, QueryError, UsageError
from rcmkg.resources import resource_files
from rcmkg.sparql.bind import Param, has_order_by, strip_comments, values_clause, where_group, with_prologue
from rcmkg.sparql.results import Queryable, QueryResult
from rcmkg.sparql.terms import Term


@dataclass(frozen=True)
class StoredQuery:
    """One ``.rq`` file: its header and text.

    >>> q = parse_query("# name: x\\n# param: item (required) - a slug\\nSELECT * { ?s ?p ?item }")
    >>> q.name, [p.name for p in q.params]
    ('x', ['item'])
    """

    name: str
    path: Path | None
    purpose: str
    params: tuple[Param, ...]
    text: str
    page_key: str | None = None  # ``# page: VAR``: what a page counts (the subquery marked ``# {page}``)
    #: ``# stored: answers``: ``rcmkg load`` stores the answer for each page key (rcmkg.index.pages),
    #: for a query whose one key (e.g. an item) has too many rows to join at query time.
    stored: bool = False

    def param(self, name: str) -> Param | None:
        """The declared parameter called ``name``, if any."""
        return next((p for p in self.params if p.name == name), None)

    def paged(self, limit: int, page: int = 1, given: Sequence[str] = ()) -> StoredQuery:
        """This query cut to one page in its own text (one query, for a SPARQL endpoint or the
        server's workers): the driving subquery marked ``# {page}`` gets ``LIMIT/OFFSET`` (a page of
        ``limit`` keys, e.g. meetings), or the whole query does when there is no mark.
        :func:`run_page` binds the keys as VALUES instead, which also knows whether a page follows.

        >>> q = parse_query("# page: m\nSELECT * { { SELECT ?m { ?m a ?c } ORDER BY ?m # {page}\n } ?m ?p ?o }")
        >>> "LIMIT 10 OFFSET 10" in q.paged(10, 2).text
        True
        """
        if limit < 1 or page < 1:
            raise UsageError(f"limit and page must be at least 1 (got limit {limit}, page {page})")
        cut = f"LIMIT {limit} OFFSET {(page - 1) * limit}"
        where = _driver(self)
        # A parameter (``given``: the names bound) that the driver reads is bound after the query
        # (trailing VALUES), so a LIMIT inside the driver would cut before it: such a query is paged
        # by its rows instead.
        driver = strip_comments(self.text[where[1]:where[2]]) if where else ""
        if where and not any(re.search(rf"[?$]{re.escape(n)}\b", driver) for n in given):
            # Where ``# {keys}`` binds the page's keys inside a branch or a lookup (run_page puts the
            # keys there as VALUES), the page's driver goes as a subquery: else that part would be
            # evaluated over the whole archive.
            keys = "{ " + self.text[where[1]:where[2]].rstrip() + f"\n{cut}\n}}"
            text = _KEYS_MARK.sub(lambda _m: keys, self.text)
            return replace(self, text=_PAGE_MARK.sub(cut, text, count=1))
        if not has_order_by(self.text):
            raise UsageError(f"query {self.name} has no ORDER BY, so its pages would not be stable")
        return replace(self, text=self.text.rstrip() + f"\n{cut}\n")

    def bind_request(self, values: Mapping[str, str]) -> str:
        """The runnable text with the values of a web request bound: every name must be declared,
        blank values are left out, and a parameter documented as an IRI must get one. Messages
        speak to a web client (``/query/NAME?param=...``) rather than to the command line."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise UsageError(f"query {self.name} has no parameter {', '.join(unknown)}; it takes: "
                             + (", ".join(known) or "none"))
        given = {k: v.strip() for k, v in values.items() if v and v.strip()}
        for p in self.params:
            if p.required and p.name not in given:
                raise UsageError(f"query {self.name} needs the parameter {p.name} ({p.help or 'required'}), "
                                 f"e.g. /query/{self.name}?{p.name}=...")
            if p.is_iri and p.name in given and not re.match(r"^https?://", given[p.name]):
                raise UsageError(f"parameter {p.name} must be an IRI (http... or https...), got {given[p.name]!r}")
        return bind(self, given)


_HEADER = re.compile(r"^#\s*(name|purpose|param|page|stored)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_]\w*)\s*(?:\((required|optional)\))?\s*(?:[-–—:]\s*(.*))?$")


def parse_query(text: str, path: Path | None = None) -> StoredQuery:
    """Read the header of one query (comment lines before the first SPARQL line)."""
    name = path.stem if path else "query"
    purpose = ""
    params: list[Param] = []
    page_key: str | None = None
    stored = False
    last = ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        m = _HEADER.match(stripped)
        if not m:
            # "#   more words": an indented comment line continues the purpose above it
            cont = re.match(r"^#\s{2,}(\S.*?)\s*$", stripped)
            if cont and last == "purpose":
                purpose = f"{purpose} {cont.group(1)}"
            else:
                last = ""
            continue
        last = m.group(1)
        key, value = m.groups()
        if key == "name" and value:
            name = value
        elif key == "purpose":
            purpose = value
        elif key == "page" and value:
            page_key = value.lstrip("?$")
        elif key == "stored":
            stored = value.strip().lower() == "answers"
        elif key == "param" and value and not value.startswith("("):
            pm = _PARAM.match(value)
            if not pm:
                raise QueryError(f"{path or name}: cannot read the parameter declaration {value!r}")
            params.append(Param(pm.group(1), pm.group(2) == "required", (pm.group(3) or "").strip()))
    return StoredQuery(name, path, purpose, tuple(params), text, page_key, stored)


def load_queries() -> dict[str, StoredQuery]:
    """Every canned query by name (``queries/*.rq``, or ``$RCMKG_QUERIES``), in name order.

    >>> sorted(load_queries())[:2]                                        # doctest: +SKIP
    ['agreements', 'commitments']
    """
    out: dict[str, StoredQuery] = {}
    for path in resource_files("queries", "*.rq"):
        q = parse_query(path.read_text(encoding="utf-8"), path)
        if q.name in out:
            raise QueryError(f"two canned queries are called {q.name!r}: {out[q.name].path} and {path}")
        out[q.name] = q
    return dict(sorted(out.items()))


def get_query(name_or_path: str | Path) -> StoredQuery:
    """A canned query by name, or any ``.rq`` file by path; :class:`UsageError` names the choices."""
    path = Path(name_or_path)
    if str(name_or_path).endswith((".rq", ".sparql")) or path.is_file():
        try:
            return parse_query(path.read_text(encoding="utf-8"), path)
        except OSError as exc:
            raise UsageError(f"cannot read the query file {path}: {exc.strerror or exc}") from None
    queries = load_queries()
    if str(name_or_path) not in queries:
        raise UsageError(f"no canned query {str(name_or_path)!r}; there are: {', '.join(queries)}")
    return queries[str(name_or_path)]


def find_query(name: str, queries: Mapping[str, StoredQuery] | None = None) -> StoredQuery:
    """One canned query by name, for a URL: :class:`NotFound` names the ones that exist."""
    queries = load_queries() if queries is None else queries
    try:
        return queries[name]
    except KeyError:
        raise NotFound(f"no canned query {name!r}; there are: {', '.join(queries)}") from None


def bind(query: StoredQuery | str, params: Mapping[str, str | Sequence[str]] | None = None) -> str:
    """The runnable text of ``query`` with ``params`` bound by a ``VALUES`` block at the start of
    its WHERE group (inline, not trailing: Virtuoso rejects a trailing VALUES after ORDER BY).

    Raises :class:`UsageError` for an unknown parameter or a missing required one. A query given as
    text (no header) accepts any parameter named like one of its variables. A parameter given a
    list of values binds each of them (``VALUES ?p { a b }``).

    >>> print(bind("SELECT ?m WHERE { ?m a rcm:Meeting ; schema:startDate ?date }", {"date": "2018-07-19"})
    ...       .splitlines()[-1])
    SELECT ?m WHERE { VALUES ?date { "2018-07-19"^^<http://www.w3.org/2001/XMLSchema#date> } ?m a rcm:Meeting ; schema:startDate ?date }
    """
    q = query if isinstance(query, StoredQuery) else parse_query(query)
    params = dict(params or {})
    declared = {p.name for p in q.params}
    variables = set(re.findall(r"[?$]([A-Za-z_]\w*)", strip_comments(q.text)))
    for name in params:
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise UsageError(f"{name!r} is not a parameter name")
        if name not in declared and (q.params or name not in variables):
            known = ", ".join(sorted(declared)) or "none"
            raise UsageError(f"query {q.name} has no parameter {name!r} (it takes: {known})")
    for p in q.params:
        if p.required and not params.get(p.name):
            raise UsageError(f"query {q.name} needs --param {p.name}=... ({p.help or 'required'})")
    text = with_prologue(q.text).rstrip()
    given = {n: [v] if isinstance(v, str) else list(v) for n, v in params.items()}
    given = {n: [v for v in vs if v != ""] for n, vs in given.items()}
    given = {n: vs for n, vs in given.items() if vs}
    if given:
        if re.search(r"(?is)}\s*VALUES\b[^}]*}\s*$", strip_comments(text)):
            raise QueryError(f"query {q.name} ends with its own VALUES clause, so parameters cannot be bound")
        # Inline VALUES at the start of the WHERE group joins its solutions as a trailing one would
        # for a query without aggregates (the canned ones), and every engine accepts it. Several
        # parameters become one block over their combinations.
        at = where_group(text)
        if at is None:
            raise QueryError(f"query {q.name} has no WHERE group to bind parameters in")
        text = text[:at] + " " + values_clause(given) + text[at:]
    return text + "\n"


def run_query(store: Queryable, name_or_path: str | Path | StoredQuery,
              params: Mapping[str, str | Sequence[str]] | None = None, *,
              limit: int | None = None, page: int = 1) -> QueryResult:
    """Run a canned query (by name), a ``.rq`` file or a :class:`StoredQuery` with ``params``.

    Without ``limit`` the answer is complete; with it, only page ``page`` (see :func:`run_page`).

    >>> result = run_query(store, "meetings")                              # doctest: +SKIP
    >>> result.vars[:2]                                                     # doctest: +SKIP
    ['meeting', 'date']
    """
    q = name_or_path if isinstance(name_or_path, StoredQuery) else get_query(name_or_path)
    if limit is None:
        if _driver(q) is not None:
            return _run_whole(store, q, dict(params or {}))
        return _computed(store, q, params or {}) or store.query(bind(q, params))
    return run_page(store, q, params, limit=limit, page=page).result


@dataclass
class PagedResult:
    """One page of a query's answer, and whether there is a page after it."""

    result: QueryResult
    page: int
    limit: int
    has_next: bool


_PAGE_MARK = re.compile(r"#[ \t]*\{page\}")
_KEYS_MARK = re.compile(r"#[ \t]*\{keys\}")
_SELECT = re.compile(r"(?i)\bSELECT\b")


def run_page(store: Queryable, q: StoredQuery, params: Mapping[str, str | Sequence[str]] | None = None, *,
             limit: int, page: int = 1) -> PagedResult:
    """Page ``page`` (from 1) of ``q``, ``limit`` to a page, in a stable order.

    A canned query with a ``# page: VAR`` header marks its driving subquery (``{ SELECT ... ORDER BY
    ... # {page} }``): that subquery alone is run for the page's ``limit`` + 1 keys (the extra one says
    whether a next page exists), then the whole query runs with the subquery replaced by those keys
    as ``VALUES``, so its joins and OPTIONALs touch that page only. A page then holds ``limit`` keys
    (e.g. meetings) with all their rows. Any other query pages its rows with LIMIT/OFFSET and must
    have an ORDER BY.
    """
    if limit < 1 or page < 1:
        raise UsageError(f"--limit and --page must be at least 1 (got limit {limit}, page {page})")
    params = dict(params or {})
    offset = (page - 1) * limit
    if _driver(q) is None:
        if not has_order_by(q.text):
            raise UsageError(f"query {q.name} has no ORDER BY, so its pages would not be stable")
        result = _computed(store, q, params)
        if result is not None:
            result.rows = result.rows[offset:offset + limit + 1]
        else:
            text = q.text.rstrip() + f"\nLIMIT {limit + 1} OFFSET {offset}\n"
            result = store.query(bind(replace(q, text=text), params))
        has_next = len(result.rows) > limit
        result.rows = result.rows[:limit]
        return PagedResult(result, page, limit, has_next)
    keys = _keys(store, q, params, (limit + 1, offset))
    has_next = len(keys.rows) > limit
    keys.rows = keys.rows[:limit]
    return PagedResult(for_keys(store, q, params, keys), page, limit, has_next)


def _computed(store: Queryable, q: StoredQuery, params: Mapping[str, str | Sequence[str]]) -> QueryResult | None:
    """The whole answer of an archive-wide aggregate that a load keeps the makings of (``dormant``:
    rcmkg.index.dormant), for an unbound query on a local store; None otherwise (the engine runs it)."""
    if params:
        return None
    from rcmkg.index.dormant import dormant_answer

    return dormant_answer(store, q)


#: Keys per query when a paged query is answered whole: each chunk's joins stay bounded (the
#: documents of 200 meetings took 1.1 s at 10,000 reports, of 100 0.09 s: a plan of the engine's).
CHUNK = 100


def _run_whole(store: Queryable, q: StoredQuery, params: Mapping[str, str | Sequence[str]]) -> QueryResult:
    """A paged query's complete answer: all its keys, then the details a chunk of keys at a time (the
    concatenation is the whole answer in order, as the outer ORDER BY starts with the key order)."""
    keys = _keys(store, q, params, None)
    out: QueryResult | None = None
    for i in range(0, max(len(keys.rows), 1), CHUNK):
        chunk = replace(keys, rows=keys.rows[i:i + CHUNK])
        part = for_keys(store, q, params, chunk)
        if out is None:
            out = part
        else:
            out.rows.extend(part.rows)
    assert out is not None
    return out


def _driver(q: StoredQuery) -> tuple[int, int, int, int] | None:
    """Where the driving subquery ``{ SELECT ... ORDER BY ... # {page} }`` is: its ``{``, its SELECT,
    the mark and its ``}``; None for a query without one (or without a ``# page:`` header)."""
    mark = _PAGE_MARK.search(q.text)
    if mark is None or q.page_key is None:
        return None
    selects = [m.start() for m in _SELECT.finditer(q.text, 0, mark.start())]
    start = selects[-1] if selects else -1
    open_at = q.text.rfind("{", 0, start) if start >= 0 else -1
    close_at = q.text.find("}", mark.end())
    if start < 0 or open_at < 0 or close_at < 0:
        raise QueryError(f"query {q.name}: the page mark must end a subquery {{ SELECT ... ORDER BY ... # {{page}} }}")
    return open_at, start, mark.start(), close_at


def driver_text(q: StoredQuery) -> str | None:
    """The text of ``q``'s driving subquery (``SELECT ... ORDER BY ...``), None without one."""
    where = _driver(q)
    return q.text[where[1]:where[2]].rstrip() if where else None


def _keys(store: Queryable, q: StoredQuery, params: Mapping[str, str | Sequence[str]],
          cut: tuple[int, int] | None) -> QueryResult:
    """The driving subquery's rows (one page of them with ``cut`` = (limit, offset))."""
    from rcmkg.index.pagekeys import cached_keys

    driver = driver_text(q)
    assert driver is not None
    # The driver gets the parameters it mentions (e.g. a meeting), the rest apply to the whole query.
    dparams = {k: v for k, v in params.items() if re.search(rf"[?$]{re.escape(k)}\b", strip_comments(driver))}
    # Unbound, its rows are those a load stored in order (rcmkg.index.pages): a slice instead of an
    # ORDER BY over the whole archive.
    keys = cached_keys(store, driver, cut) if not dparams else None
    if keys is None:
        modifier = f"LIMIT {cut[0]} OFFSET {cut[1]}" if cut else ""
        keys = store.query(bind(driver + f"\n{modifier}\n", dparams))
    if any(t is not None and t.type == "bnode" for r in keys.rows for t in r.values()):
        raise QueryError(f"query {q.name}: a page key is a blank node, which cannot be bound again")
    return keys


def for_keys(store: Queryable, q: StoredQuery, params: Mapping[str, str | Sequence[str]],
              keys: QueryResult) -> QueryResult:
    """``q`` with its driving subquery replaced by ``keys`` as VALUES, also where ``# {keys}`` stands
    (in UNION branches, which the engine evaluates on their own: bound there, they stay small)."""
    where = _driver(q)
    assert where is not None
    if q.stored and len(keys.rows) == 1:
        # One key (e.g. the item of a trace) whose answer a load stored: read, not joined again;
        # only when every parameter is one the driver took (the others would filter the answer).
        from rcmkg.index.pagekeys import cached_answer

        driver = strip_comments(q.text[where[1]:where[2]])
        if all(re.search(rf"[?$]{re.escape(k)}\b", driver) for k in params):
            stored = cached_answer(store, q, keys.rows[0])
            if stored is not None:
                return stored
    return store.query(bind(replace(q, text=_keyed_text(q, keys)), params))


def _keyed_text(q: StoredQuery, keys: QueryResult) -> str:
    """``q``'s text with its driving subquery (and each ``# {keys}``) replaced by ``keys`` as VALUES."""
    where = _driver(q)
    assert where is not None
    block = " ".join("(" + " ".join(r[v].n3() if r.get(v) is not None else "UNDEF" for v in keys.vars) + ")"
                     for r in keys.rows)
    values = f"VALUES ({' '.join('?' + v for v in keys.vars)}) {{ {block} }}"
    text = q.text[:where[0]] + values + q.text[where[3] + 1:]
    return _KEYS_MARK.sub(lambda _m: values, text)


def page_query(store: Queryable, q: StoredQuery, limit: int, page: int = 1, given: Sequence[str] = ()) -> StoredQuery:
    """:meth:`StoredQuery.paged` (one query text, for the server's workers), from what ``rcmkg load``
    stored where it can: the page's keys, a slice of the driver's stored answer, as VALUES (the
    driver's ORDER BY over the archive took 1-3 s at 10,000 reports), or the page of an answer the
    load keeps the makings of (``dormant``) as VALUES rows (8.5 s). The same rows as the engine's."""
    if limit < 1 or page < 1:
        raise UsageError(f"limit and page must be at least 1 (got limit {limit}, page {page})")
    where = _driver(q)
    if where is not None:
        driver = strip_comments(q.text[where[1]:where[2]])
        if not any(re.search(rf"[?$]{re.escape(n)}\b", driver) for n in given):
            from rcmkg.index.pagekeys import cached_keys

            keys = cached_keys(store, q.text[where[1]:where[2]].rstrip(), (limit, (page - 1) * limit))
            if keys is not None and not any(t.type == "bnode" for r in keys.rows for t in r.values()):
                return replace(q, text=_keyed_text(q, keys))
    elif not given and has_order_by(q.text):
        computed = _computed(store, q, {})
        if computed is not None:
            return replace(q, text=_rows_text(computed.vars, computed.rows[(page - 1) * limit:page * limit]))
    return q.paged(limit, page, given)


def whole_parts(store: Queryable, q: StoredQuery) -> list[str] | None:
    """Texts whose answers, one after the other, are ``q``'s whole answer (no parameter), from what
    a load stored: the queries of :func:`keyed_texts`, or the answer it keeps the makings of as
    rows; None where the engine must run ``q`` itself."""
    texts = keyed_texts(store, q)
    if texts is not None:
        return list(texts)
    if _driver(q) is None and has_order_by(q.text):
        computed = _computed(store, q, {})
        if computed is not None:
            return [_rows_text(computed.vars, computed.rows)]
    return None


def _rows_text(variables: Sequence[str], rows: Sequence[Mapping[str, Term]]) -> str:
    """A query whose answer is ``rows`` (terms by variable), in their order (a VALUES block has none
    of its own: the engine gave them back reversed)."""
    block = " ".join(f"({n} " + " ".join(r[v].n3() if r.get(v) is not None else "UNDEF" for v in variables) + ")"
                     for n, r in enumerate(rows))
    names = " ".join("?" + v for v in variables)
    return f"SELECT {names} WHERE {{ VALUES (?rcmkgRow {names}) {{ {block} }} }} ORDER BY ?rcmkgRow"


def keyed_texts(store: Queryable, q: StoredQuery) -> Iterator[str] | None:
    """Texts that answer ``q`` (no parameter) whole: one per :data:`CHUNK` of the keys a load
    stored for its driver, in their order, so that their rows one after the other are the answer's
    rows in order (as :func:`_run_whole`'s). A static page of the first rows then joins from the
    first keys instead of ordering the whole archive. None without a driver or stored keys."""
    driver = driver_text(q)
    if driver is None:
        return None
    from rcmkg.index.pagekeys import cached_keys

    keys = cached_keys(store, driver)
    if keys is None or not keys.rows or any(t.type == "bnode" for r in keys.rows for t in r.values()):
        return None
    return (_keyed_text(q, replace(keys, rows=keys.rows[i:i + CHUNK])) for i in range(0, len(keys.rows), CHUNK))


__all__ = ["PagedResult", "Param", "StoredQuery", "bind", "driver_text", "find_query", "get_query", "for_keys", "keyed_texts",
           "load_queries", "page_query", "parse_query", "run_page", "run_query", "whole_parts"]
