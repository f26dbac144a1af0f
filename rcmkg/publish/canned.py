"""The canned queries as the web sees them: name, purpose, parameters and text.

The queries live in ``queries/*.rq``; :mod:`rcmkg.queries` loads them and binds their parameters
(``bind``: a trailing ``VALUES`` with each value written as an escaped SPARQL term, so a value
cannot change the query). This module only adds what a URL needs: a check that every query-string
parameter is declared and that a parameter documented as an IRI got one, with messages for a web
client rather than for the command line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rcmkg.errors import NotFound, UsageError


@dataclass(frozen=True)
class Param:
    """One declared parameter (``# param: NAME (required|optional) - help``)."""

    name: str
    required: bool
    help: str

    @property
    def is_iri(self) -> bool:
        """Whether the declaration says the value is an IRI."""
        return re.search(r"\bIRI\b", self.help) is not None


@dataclass(frozen=True)
class CannedQuery:
    """A canned query: its header fields, the SPARQL text and the project's loaded query."""

    name: str
    purpose: str
    text: str
    params: tuple[Param, ...] = field(default=())
    stored: Any = field(default=None, repr=False, compare=False)

    def bound(self, values: dict[str, str]) -> str:
        """The runnable text with ``values`` bound; :class:`UsageError` for a missing, unknown or
        malformed parameter."""
        from rcmkg.queries import bind

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
        return bind(self.stored if self.stored is not None else self.text, given)


def canned_queries() -> dict[str, CannedQuery]:
    """Every canned query by name, in name order, from :func:`rcmkg.queries.load_queries`."""
    from rcmkg.queries import load_queries

    out = {}
    for name, q in load_queries().items():
        params = tuple(Param(p.name, p.required, p.help) for p in q.params)
        out[name] = CannedQuery(q.name, q.purpose, q.text, params, q)
    return out


def get_query(name: str, queries: dict[str, CannedQuery] | None = None) -> CannedQuery:
    """One canned query; raises :class:`NotFound` naming the ones that exist."""
    queries = canned_queries() if queries is None else queries
    try:
        return queries[name]
    except KeyError:
        raise NotFound(f"no canned query {name!r}; there are: {', '.join(queries)}") from None
