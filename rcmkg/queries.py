"""Canned SPARQL queries, safe parameter binding, and query results in every output format.

The canned queries are the ``queries/*.rq`` files shipped with rcmkg. Each starts with a header::

    # name: trace
    # purpose: How a tracked item moved across meetings ...
    # param: item (required) - the tracked item's slug, e.g. work-plan-migrant-smuggling

Parameters are never pasted into the query text: :func:`bind` adds a SPARQL ``VALUES`` block,
so a value can only ever be one RDF term (an IRI for ``http(s)://...``, an ``xsd:date`` for
``YYYY-MM-DD``, otherwise a string literal), whatever characters it contains.

Results are normalised into :class:`Term` values (blank nodes relabelled ``b0, b1, ...`` in order
of appearance, ``xsd:string`` dropped, language tags lower-cased) so that the local store, an
in-memory ``--data`` store and a remote endpoint give byte-identical output for the same query.

>>> from rcmkg.store import open_store                                    # doctest: +SKIP
>>> result = run_query(open_store(data="out/"), "trace", {"item": "rcm-glossary"})  # doctest: +SKIP
>>> print(result.to_csv())                                                 # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from rcmkg.errors import QueryError, UsageError
from rcmkg.namespaces import PREFIXES, RDF, XSD, sparql_prologue

# --- terms and results -----------------------------------------------------------------------------

XSD_STRING = XSD + "string"
RDF_LANGSTRING = RDF + "langString"
_BARE_TSV = {
    XSD + "integer": re.compile(r"^[+-]?\d+$"),
    XSD + "decimal": re.compile(r"^[+-]?\d*\.\d+$"),
    XSD + "double": re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$"),
    XSD + "boolean": re.compile(r"^(true|false)$"),
}


@dataclass(frozen=True, slots=True)
class Term:
    """One RDF term as the SPARQL 1.1 JSON results format describes it.

    ``type`` is ``uri``, ``literal`` or ``bnode``; ``datatype`` is None for plain strings and
    language-tagged literals.

    >>> Term("literal", "2018-07-19", datatype="http://www.w3.org/2001/XMLSchema#date").to_json()
    {'type': 'literal', 'value': '2018-07-19', 'datatype': 'http://www.w3.org/2001/XMLSchema#date'}
    """

    type: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    @classmethod
    def literal(cls, value: str, datatype: str | None = None, lang: str | None = None) -> Term:
        """A literal, normalised: ``xsd:string`` and ``rdf:langString`` are implicit, tags lower-case."""
        if lang:
            return cls("literal", value, None, lang.lower())
        return cls("literal", value, None if datatype in (None, XSD_STRING, RDF_LANGSTRING) else datatype)

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> Term:
        """From one SPARQL JSON binding (``typed-literal`` of SPARQL 1.0 endpoints included)."""
        kind = doc.get("type")
        if kind == "uri":
            return cls("uri", doc["value"])
        if kind == "bnode":
            return cls("bnode", doc["value"])
        if kind in ("literal", "typed-literal"):
            return cls.literal(doc["value"], doc.get("datatype"), doc.get("xml:lang"))
        raise QueryError(f"unsupported term in SPARQL results: {doc!r}")

    def to_json(self) -> dict[str, str]:
        """The SPARQL 1.1 JSON binding of this term."""
        doc = {"type": self.type, "value": self.value}
        if self.datatype:
            doc["datatype"] = self.datatype
        if self.lang:
            doc["xml:lang"] = self.lang
        return doc

    def n3(self) -> str:
        """Turtle/SPARQL syntax, as the TSV results format writes terms."""
        if self.type == "uri":
            return f"<{self.value}>"
        if self.type == "bnode":
            return f"_:{self.value}"
        if self.datatype in _BARE_TSV and _BARE_TSV[self.datatype].match(self.value):
            return self.value
        text = '"' + escape_string(self.value) + '"'
        if self.lang:
            return f"{text}@{self.lang}"
        if self.datatype:
            return f"{text}^^<{self.datatype}>"
        return text

    def __str__(self) -> str:
        return self.value


def escape_string(value: str) -> str:
    r"""Escape a string for a double-quoted SPARQL/Turtle literal.

    >>> escape_string('a "b"\n')
    'a \\"b\\"\\n'
    """
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "".join(out)


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}

Row = dict[str, Term]
Triple = tuple[Term, Term, Term]


@dataclass
class QueryResult:
    """What a query returned: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).

    Build with :meth:`select`, :meth:`ask` or :meth:`graph`, which normalise blank nodes so that two
    stores holding the same data give equal results.

    >>> r = QueryResult.select(["x"], [{"x": Term("uri", "http://example.org/a")}])
    >>> r.to_csv()
    'x\\r\\nhttp://example.org/a\\r\\n'
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
        rows = [dict(r) for r in rows]
        if not ordered:
            rows.sort(key=lambda r: tuple(_sort_key(r.get(v), bnode_blind=True) for v in vars))
        labels: dict[str, str] = {}
        for row in rows:
            for v in vars:
                t = row.get(v)
                if t is not None and t.type == "bnode":
                    row[v] = Term("bnode", labels.setdefault(t.value, f"b{len(labels)}"))
        return cls("select", list(vars), rows)

    @classmethod
    def ask(cls, value: bool) -> QueryResult:
        """The answer to an ASK query."""
        return cls("ask", boolean=bool(value))

    @classmethod
    def graph(cls, triples: Iterable[Triple]) -> QueryResult:
        """Triples, sorted and with blank nodes relabelled in that order."""
        triples = sorted(set(triples), key=lambda t: tuple(_sort_key(x, bnode_blind=True) for x in t))
        labels: dict[str, str] = {}

        def relabel(t: Term) -> Term:
            return Term("bnode", labels.setdefault(t.value, f"b{len(labels)}")) if t.type == "bnode" else t

        out = [(relabel(s), relabel(p), relabel(o)) for s, p, o in triples]
        out.sort(key=lambda t: tuple(_sort_key(x) for x in t))
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

    # -- formats

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON (for SELECT and ASK), or JSON-LD for graph results."""
        if self.kind == "graph":
            return self.to_jsonld()
        if self.kind == "ask":
            return json.dumps({"head": {}, "boolean": self.boolean})
        doc = {
            "head": {"vars": self.vars},
            "results": {"bindings": [{v: r[v].to_json() for v in self.vars if v in r} for r in self.rows]},
        }
        return json.dumps(doc, ensure_ascii=False)

    def to_csv(self) -> str:
        """SPARQL 1.1 Query Results CSV: lexical values only, CRLF line ends."""
        self._need_table("csv")
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        if self.kind == "ask":
            w.writerow(["boolean"])
            w.writerow(["true" if self.boolean else "false"])
            return buf.getvalue()
        w.writerow(self.vars)
        for r in self.rows:
            w.writerow([_csv_value(r.get(v)) for v in self.vars])
        return buf.getvalue()

    def to_tsv(self) -> str:
        """SPARQL 1.1 Query Results TSV: terms in SPARQL syntax, ``?var`` header, LF line ends."""
        self._need_table("tsv")
        if self.kind == "ask":
            return "?boolean\n" + ("true" if self.boolean else "false") + "\n"
        lines = ["\t".join("?" + v for v in self.vars)]
        lines += ["\t".join(r[v].n3() if v in r else "" for v in self.vars) for r in self.rows]
        return "\n".join(lines) + "\n"

    def to_table(self, base: str | None = None, max_width: int = 60) -> str:
        """Aligned text for people: IRIs shortened with the usual prefixes (and ``base`` as ``<...>``)."""
        if self.kind == "ask":
            return "yes" if self.boolean else "no"
        if self.kind == "graph":
            return self.to_turtle()
        head = list(self.vars)
        body = [[_clip(short(r[v], base) if v in r else "", max_width) for v in head] for r in self.rows]
        widths = [max([len(h)] + [len(row[i]) for row in body]) for i, h in enumerate(head)]
        lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)).rstrip()]
        lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in body]
        lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
        return "\n".join(lines)

    def to_turtle(self) -> str:
        """Turtle for graph results, with the project's prefixes."""
        return self._rdf("turtle")

    def to_jsonld(self) -> str:
        """JSON-LD (expanded) for graph results."""
        return self._rdf("jsonld")

    def render(self, fmt: str, base: str | None = None) -> str:
        """The result in one of ``table csv tsv json turtle jsonld`` (graph results: turtle/jsonld)."""
        fmt = {"ttl": "turtle", "json-ld": "jsonld"}.get(fmt, fmt)
        if self.kind == "graph":
            if fmt in ("turtle", "table"):
                return self.to_turtle()
            if fmt in ("jsonld", "json"):
                return self.to_jsonld()
            raise UsageError(f"a CONSTRUCT or DESCRIBE result can be written as turtle or jsonld, not {fmt}")
        renderers = {"table": lambda: self.to_table(base), "csv": self.to_csv, "tsv": self.to_tsv, "json": self.to_json}
        if fmt not in renderers:
            raise UsageError(f"a SELECT or ASK result can be written as table, csv, tsv or json, not {fmt}")
        return renderers[fmt]()

    def _need_table(self, fmt: str) -> None:
        if self.kind == "graph":
            raise UsageError(f"{fmt} is for SELECT and ASK results; use turtle or jsonld")

    def _rdf(self, fmt: str) -> str:
        if self.kind != "graph":
            raise UsageError(f"{fmt} is for CONSTRUCT and DESCRIBE results; use table, csv, tsv or json")
        import pyoxigraph as ox

        triples = [ox.Triple(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in self.triples]
        if fmt == "turtle":
            used = {p: ns for p, ns in PREFIXES.items() if any(ns in t.value for tr in self.triples for t in tr)}
            return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=used).decode("utf-8")
        return ox.serialize(triples, format=ox.RdfFormat.JSON_LD).decode("utf-8")


def _to_ox(t: Term) -> Any:
    import pyoxigraph as ox

    if t.type == "uri":
        return ox.NamedNode(t.value)
    if t.type == "bnode":
        return ox.BlankNode(t.value)
    if t.lang:
        return ox.Literal(t.value, language=t.lang)
    return ox.Literal(t.value, datatype=ox.NamedNode(t.datatype)) if t.datatype else ox.Literal(t.value)


def _sort_key(t: Term | None, bnode_blind: bool = False) -> tuple[int, str, str, str]:
    if t is None:
        return (0, "", "", "")
    rank = {"bnode": 1, "uri": 2, "literal": 3}[t.type]
    value = "" if bnode_blind and t.type == "bnode" else t.value
    return (rank, value, t.datatype or "", t.lang or "")


def _csv_value(t: Term | None) -> str:
    if t is None:
        return ""
    return f"_:{t.value}" if t.type == "bnode" else t.value


def short(t: Term, base: str | None = None) -> str:
    """A compact rendering of a term for tables: ``stage:drafted``, ``<meeting/...>``, ``text``.

    >>> short(Term("uri", "https://w3id.org/rcmkg/voc/stage/drafted"))
    'stage:drafted'
    """
    if t.type == "bnode":
        return "_:" + t.value
    if t.type == "literal":
        return t.value
    if base and t.value.startswith(base + "id/"):
        return "<" + t.value[len(base) + 3:] + ">"
    best = ""
    for prefix, ns in PREFIXES.items():
        if t.value.startswith(ns) and len(ns) > len(best):
            best, name = ns, f"{prefix}:{t.value[len(ns):]}"
    return name if best else f"<{t.value}>"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --- the catalogue of canned queries ---------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """A declared parameter: ``# param: NAME (required|optional) - help``."""

    name: str
    required: bool
    help: str


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
    from rcmkg.resources import resource_files

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


# --- binding ----------------------------------------------------------------------------------------

_IRI_OK = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECLARED = re.compile(r"(?im)^\s*PREFIX\s+([A-Za-z][\w.-]*)?:")


def sparql_value(value: str) -> str:
    """The SPARQL term for a parameter value: an IRI, an ``xsd:date`` or a string literal.

    >>> sparql_value("https://w3id.org/rcmkg/id/org/iom")
    '<https://w3id.org/rcmkg/id/org/iom>'
    >>> sparql_value("2018-07-19")
    '"2018-07-19"^^<http://www.w3.org/2001/XMLSchema#date>'
    >>> sparql_value('x" } DROP ALL #')
    '"x\\\\" } DROP ALL #"'
    """
    if value.startswith(("http://", "https://")):
        if not _IRI_OK.match(value):
            raise UsageError(f"{value!r} looks like an IRI but contains characters an IRI cannot")
        return f"<{value}>"
    if _DATE.match(value):
        from datetime import date

        try:
            date.fromisoformat(value)
        except ValueError:
            raise UsageError(f"{value!r} is not a valid date") from None
        return f'"{value}"^^<{XSD}date>'
    return '"' + escape_string(value) + '"'


def with_prologue(text: str) -> str:
    """``text`` with PREFIX lines for the project's prefixes it does not declare itself."""
    declared = {m.group(1) or "" for m in _DECLARED.finditer(strip_comments(text))}
    missing = {p: ns for p, ns in PREFIXES.items() if p not in declared}
    if not missing:
        return text
    lines = sparql_prologue()
    keep = "".join(line + "\n" for line in lines.splitlines() if line.split()[1][:-1] in missing)
    return keep + text


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
        at = _where_group(text)
        if at is None:
            raise QueryError(f"query {q.name} has no WHERE group to bind parameters in")
        text = text[:at] + " " + _values_clause(given) + text[at:]
    return text + "\n"


def _where_group(text: str) -> int | None:
    """The offset just after the ``{`` that opens the query's WHERE group (outside comments,
    strings and IRIs): the first at depth 0 after the keyword WHERE, or after SELECT/ASK/DESCRIBE
    when WHERE is left out."""
    depth, i, n = 0, 0, len(text)
    armed = False
    while i < n:
        ch = text[i]
        if ch == "#":
            i = text.find("\n", i)
            i = n if i < 0 else i
            continue
        if ch in "\"'":
            m = re.match(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'',
                         text[i:])
            i += len(m.group(0)) if m else 1
            continue
        if ch == "<":
            m = re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:])
            if m:
                i += len(m.group(0))
                continue
        if ch == "{":
            if depth == 0 and armed:
                return i + 1
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and ch.isalpha() and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_?$:")):
            word = re.match(r"[A-Za-z]+", text[i:]).group(0)  # type: ignore[union-attr]
            if word.upper() in ("WHERE", "SELECT", "ASK", "DESCRIBE"):
                armed = True
            i += len(word)
            continue
        i += 1
    return None


def _values_clause(given: Mapping[str, list[str]]) -> str:
    import itertools

    names = list(given)
    if len(names) == 1:
        return f"VALUES ?{names[0]} {{ {' '.join(sparql_value(v) for v in given[names[0]])} }}"
    rows = " ".join("(" + " ".join(sparql_value(v) for v in combo) + ")"
                    for combo in itertools.product(*given.values()))
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ {rows} }}"


def strip_comments(text: str) -> str:
    """The query without ``#`` comments (outside IRIs and strings).

    >>> strip_comments("SELECT * { ?s ?p '#1' } # done")
    "SELECT * { ?s ?p '#1' } "
    """
    out = []
    for line in text.splitlines():
        in_str: str | None = None
        in_iri = False
        cut = len(line)
        for i, ch in enumerate(line):
            if in_str:
                if ch == in_str and line[i - 1] != "\\":
                    in_str = None
            elif in_iri:
                in_iri = ch != ">"
            elif ch in "\"'":
                in_str = ch
            elif ch == "<" and re.match(r"<[^\s<>]*>", line[i:]):
                in_iri = True
            elif ch == "#":
                cut = i
                break
        out.append(line[:cut])
    return "\n".join(out)


def has_order_by(text: str) -> bool:
    """Whether the outermost query orders its solutions (an ORDER BY after its last ``}``)."""
    body = strip_comments(text)
    body = re.sub(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'", '""', body)
    tail = body[body.rfind("}") + 1:]
    return re.search(r"(?i)\bORDER\s+BY\b", tail) is not None


# --- running ----------------------------------------------------------------------------------------


class Queryable(Protocol):
    """Anything that answers SPARQL with a :class:`QueryResult` (see :mod:`rcmkg.store`)."""

    def query(self, sparql: str) -> QueryResult: ...


def run_query(store: Queryable, name_or_path: str | Path | StoredQuery,
              params: Mapping[str, str | Sequence[str]] | None = None) -> QueryResult:
    """Run a canned query (by name), a ``.rq`` file or a :class:`StoredQuery` with ``params``.

    >>> result = run_query(store, "meetings")                              # doctest: +SKIP
    >>> result.vars[:2]                                                     # doctest: +SKIP
    ['meeting', 'date']
    """
    q = name_or_path if isinstance(name_or_path, StoredQuery) else get_query(name_or_path)
    return store.query(bind(q, params))


__all__ = [
    "Param", "QueryResult", "StoredQuery", "Term", "bind", "get_query", "has_order_by", "load_queries",
    "parse_query", "run_query", "sparql_value", "strip_comments", "with_prologue",
]
