"""The canned queries as the web sees them: name, purpose, parameters and text.

The queries themselves live in ``queries/*.rq`` and are loaded by :mod:`rcmkg.queries` (the
project's one loader) when it is available; this module only adapts what it returns to what pages
and ``/query/NAME`` URLs need. Parameters are bound by SPARQL substitution in the worker
(:class:`rcmkg.publish.sparql.QueryRequest.bindings`), never pasted into the query text, so a
parameter value cannot change the query.
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
    def kind(self) -> str:
        """``iri`` when the declaration says the value is an IRI, else ``literal``."""
        return "iri" if re.search(r"\bIRI\b", self.help) else "literal"


@dataclass(frozen=True)
class CannedQuery:
    """A canned query: its header fields and the SPARQL text (prefixes are predeclared by the runner)."""

    name: str
    purpose: str
    text: str
    params: tuple[Param, ...] = field(default=())

    def bindings(self, values: dict[str, str]) -> tuple[tuple[str, str, str], ...]:
        """Substitutions for the given parameter values; raises :class:`UsageError` for a missing or
        unknown parameter."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise UsageError(
                f"query {self.name} has no parameter {', '.join(unknown)}; it takes: "
                + (", ".join(known) or "none")
            )
        out = []
        for p in self.params:
            value = (values.get(p.name) or "").strip()
            if not value:
                if p.required:
                    raise UsageError(f"query {self.name} needs the parameter {p.name} ({p.help})")
                continue
            if p.kind == "iri" and not re.match(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", value, re.I):
                raise UsageError(f"parameter {p.name} must be an IRI, got {value!r}")
            out.append((p.name, p.kind, value))
        return tuple(out)


_HEADER = re.compile(r"^#\s*(name|purpose|param):\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s*(?:\((required|optional)\))?\s*(?:-\s*(.*))?$")


def parse_query_file(text: str, default_name: str) -> CannedQuery:
    """Read the ``# name / purpose / param`` header of one ``.rq`` file."""
    name, purpose, params = default_name, "", []
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if not m:
            if line.strip() and not line.lstrip().startswith("#"):
                break
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "name":
            name = value
        elif key == "purpose":
            purpose = value
        elif key == "param" and value and not value.startswith("("):
            pm = _PARAM.match(value)
            if pm:
                params.append(Param(pm.group(1), pm.group(2) == "required", (pm.group(3) or "").strip()))
    return CannedQuery(name, purpose, text, tuple(params))


def _from_project_loader() -> list[Any] | None:
    try:
        from rcmkg.queries import load_queries  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    loaded = load_queries()
    return list(loaded.values()) if isinstance(loaded, dict) else list(loaded)


def _adapt(q: Any) -> CannedQuery:
    """A :class:`CannedQuery` from whatever the project loader returns (reads attributes by name)."""
    text = getattr(q, "text", None) or getattr(q, "sparql", None) or getattr(q, "query", "")
    parsed = parse_query_file(text, getattr(q, "name", "query"))
    params = []
    for p in getattr(q, "params", None) or getattr(q, "parameters", None) or ():
        if isinstance(p, str):
            params.append(next((x for x in parsed.params if x.name == p), Param(p, False, "")))
        else:
            params.append(Param(p.name, bool(getattr(p, "required", False)),
                                getattr(p, "help", None) or getattr(p, "description", "") or ""))
    return CannedQuery(getattr(q, "name", parsed.name), getattr(q, "purpose", None) or parsed.purpose, text,
                       tuple(params) or parsed.params)


def canned_queries() -> dict[str, CannedQuery]:
    """Every canned query by name, in name order."""
    loaded = _from_project_loader()
    if loaded is not None:
        queries = [_adapt(q) for q in loaded]
    else:
        from rcmkg.resources import resource_files

        queries = [parse_query_file(p.read_text(encoding="utf-8"), p.stem) for p in resource_files("queries", "*.rq")]
    return {q.name: q for q in sorted(queries, key=lambda q: q.name)}


def get_query(name: str, queries: dict[str, CannedQuery] | None = None) -> CannedQuery:
    """One canned query; raises :class:`NotFound` naming the ones that exist."""
    queries = canned_queries() if queries is None else queries
    try:
        return queries[name]
    except KeyError:
        raise NotFound(f"no canned query {name!r}; there are: {', '.join(queries)}") from None
