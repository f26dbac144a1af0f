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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rcmkg.errors import NotFound, QueryError, UsageError
from rcmkg.resources import resource_files
from rcmkg.sparql.bind import Param, strip_comments, values_clause, where_group, with_prologue
from rcmkg.sparql.results import Queryable, QueryResult


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

    def param(self, name: str) -> Param | None:
        """The declared parameter called ``name``, if any."""
        return next((p for p in self.params if p.name == name), None)

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


_HEADER = re.compile(r"^#\s*(name|purpose|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_]\w*)\s*(?:\((required|optional)\))?\s*(?:[-–—:]\s*(.*))?$")


def parse_query(text: str, path: Path | None = None) -> StoredQuery:
    """Read the header of one query (comment lines before the first SPARQL line)."""
    name = path.stem if path else "query"
    purpose = ""
    params: list[Param] = []
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
        elif key == "param" and value and not value.startswith("("):
            pm = _PARAM.match(value)
            if not pm:
                raise QueryError(f"{path or name}: cannot read the parameter declaration {value!r}")
            params.append(Param(pm.group(1), pm.group(2) == "required", (pm.group(3) or "").strip()))
    return StoredQuery(name, path, purpose, tuple(params), text)


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
              params: Mapping[str, str | Sequence[str]] | None = None) -> QueryResult:
    """Run a canned query (by name), a ``.rq`` file or a :class:`StoredQuery` with ``params``.

    >>> result = run_query(store, "meetings")                              # doctest: +SKIP
    >>> result.vars[:2]                                                     # doctest: +SKIP
    ['meeting', 'date']
    """
    q = name_or_path if isinstance(name_or_path, StoredQuery) else get_query(name_or_path)
    return store.query(bind(q, params))


__all__ = ["Param", "StoredQuery", "bind", "find_query", "get_query", "load_queries", "parse_query", "run_query"]
