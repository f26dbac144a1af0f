"""Query results, normalised so that every store gives byte-identical output for the same query.

Results hold :class:`~rcmkg.sparql.terms.Term` values (blank nodes relabelled ``b0, b1, ...`` in
order of appearance, ``xsd:string`` dropped, language tags lower-cased), so that the local store,
an in-memory ``--data`` store and a remote endpoint answer alike. Writing them out in a format is
:mod:`rcmkg.sparql.writers`' job; the ``to_*`` methods here are shortcuts to it.

>>> r = QueryResult.select(["x"], [{"x": Term("uri", "http://example.org/a")}])
>>> r.to_csv()
'x\\r\\nhttp://example.org/a\\r\\n'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from rcmkg.errors import UsageError
from rcmkg.sparql import writers
from rcmkg.sparql.terms import Term, sort_key

Row = dict[str, Term]
Triple = tuple[Term, Term, Term]


@dataclass
class QueryResult:
    """What a query returned: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).

    Build with :meth:`select`, :meth:`ask` or :meth:`graph`, which normalise blank nodes so that two
    stores holding the same data give equal results.
    """

    kind: str  # select | ask | graph
    vars: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Triple] = field(default_factory=list)

    # -- construction

    @classmethod
    def select(cls, vars: Sequence[str], rows: Iterable[Mapping[str, Term]], *, ordered: bool = True) -> QueryResult:
        """Solutions. ``ordered=False`` (no top-level ORDER BY) sorts them, so the order is the same
        whatever the engine's scan order."""
        out = [dict(r) for r in rows]
        if not ordered:
            out.sort(key=lambda r: tuple(sort_key(r.get(v), bnode_blind=True) for v in vars))
        labels: dict[str, str] = {}
        for row in out:
            for v in vars:
                t = row.get(v)
                if t is not None and t.type == "bnode":
                    row[v] = Term("bnode", labels.setdefault(t.value, f"b{len(labels)}"))
        return cls("select", list(vars), out)

    @classmethod
    def ask(cls, value: bool) -> QueryResult:
        """The answer to an ASK query."""
        return cls("ask", boolean=bool(value))

    @classmethod
    def graph(cls, triples: Iterable[Triple]) -> QueryResult:
        """Triples, sorted and with blank nodes relabelled in that order."""
        ordered = sorted(set(triples), key=lambda t: tuple(sort_key(x, bnode_blind=True) for x in t))
        labels: dict[str, str] = {}

        def relabel(t: Term) -> Term:
            return Term("bnode", labels.setdefault(t.value, f"b{len(labels)}")) if t.type == "bnode" else t

        out = [(relabel(s), relabel(p), relabel(o)) for s, p, o in ordered]
        out.sort(key=lambda t: tuple(sort_key(x) for x in t))
        return cls("graph", triples=out)

    # -- reading

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples) if self.kind == "graph" else 1

    def values(self, var: str) -> list[str | None]:
        """The lexical values of one variable, row by row (None where unbound)."""
        return [r[var].value if var in r else None for r in self.rows]

    def dicts(self) -> list[dict[str, str]]:
        """Rows as plain ``{var: value}`` dicts (unbound variables left out)."""
        return [{k: t.value for k, t in r.items()} for r in self.rows]

    # -- formats (see rcmkg.sparql.writers)

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON (for SELECT and ASK), or JSON-LD for graph results."""
        return self.render("json")

    def to_csv(self) -> str:
        """SPARQL 1.1 Query Results CSV: lexical values only, CRLF line ends."""
        self._need("csv", table=True)
        return self.render("csv")

    def to_tsv(self) -> str:
        """SPARQL 1.1 Query Results TSV: terms in SPARQL syntax, ``?var`` header, LF line ends."""
        self._need("tsv", table=True)
        return self.render("tsv")

    def to_table(self, base: str | None = None, max_width: int = 60) -> str:
        """Aligned text for people: IRIs shortened with the usual prefixes (and ``base`` as ``<...>``)."""
        if self.kind == "ask":
            return writers.ask_table(bool(self.boolean))
        if self.kind == "graph":
            return self.to_turtle()
        return writers.select_table(self.vars, self.rows, base, max_width)

    def to_turtle(self) -> str:
        """Turtle for graph results, with the project's prefixes."""
        self._need("turtle", table=False)
        return self.render("turtle")

    def to_jsonld(self) -> str:
        """JSON-LD (expanded) for graph results."""
        self._need("jsonld", table=False)
        return self.render("jsonld")

    def render(self, fmt: str, base: str | None = None) -> str:
        """The result in one of ``table csv tsv json turtle jsonld`` (graph results: turtle/jsonld),
        written by the writer registered under that name in :mod:`rcmkg.sparql.writers`."""
        fmt = {"ttl": "turtle", "json-ld": "jsonld"}.get(fmt, fmt)
        if self.kind == "graph":
            fmt = {"table": "turtle", "json": "jsonld"}.get(fmt, fmt)
            graph_writer = writers.GRAPH_WRITERS.get(fmt)
            if graph_writer is None:
                raise UsageError(f"a CONSTRUCT or DESCRIBE result can be written as turtle or jsonld, not {fmt}")
            return graph_writer(self.triples)
        if fmt == "table":
            return self.to_table(base)
        writer = writers.RESULT_WRITERS.get(fmt)
        if writer is None or fmt == "xml":  # the command line offers the formats people read or script
            raise UsageError(f"a SELECT or ASK result can be written as table, csv, tsv or json, not {fmt}")
        if self.kind == "ask":
            return writer.ask(bool(self.boolean))
        return writer.select(self.vars, [[r.get(v) for v in self.vars] for r in self.rows])

    def _need(self, fmt: str, *, table: bool) -> None:
        if table and self.kind == "graph":
            raise UsageError(f"{fmt} is for SELECT and ASK results; use turtle or jsonld")
        if not table and self.kind != "graph":
            raise UsageError(f"{fmt} is for CONSTRUCT and DESCRIBE results; use table, csv, tsv or json")


__all__ = ["QueryResult", "Queryable", "Row", "Term", "Triple"]


class Queryable(Protocol):
    """Anything that answers SPARQL with a :class:`QueryResult` (every store in :mod:`rcmkg.store`)."""

    def query(self, sparql: str) -> QueryResult: ...
