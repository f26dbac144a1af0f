"""Parameter binding: values become SPARQL terms, never query text.

:func:`sparql_value` turns what a person typed into exactly one RDF term (an IRI for
``http(s)://...``, an ``xsd:date`` for ``YYYY-MM-DD``, otherwise an escaped string literal), and
:func:`values_clause` binds parameters with a trailing ``VALUES`` clause, so whatever characters a
value holds it cannot change the query. :func:`with_prologue` adds the project's prefixes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from rcmkg.errors import UsageError
from rcmkg.namespaces import PREFIXES, XSD, sparql_prologue
from rcmkg.sparql.terms import escape_string

_IRI_OK = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECLARED = re.compile(r"(?im)^\s*PREFIX\s+([A-Za-z][\w.-]*)?:")


@dataclass(frozen=True)
class Param:
    """A declared parameter of a canned query: ``# param: NAME (required|optional) - help``."""

    name: str
    required: bool
    help: str

    @property
    def is_iri(self) -> bool:
        """Whether the declaration says the value is an IRI."""
        return re.search(r"\bIRI\b", self.help) is not None


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
        try:
            date.fromisoformat(value)
        except ValueError:
            raise UsageError(f"{value!r} is not a valid date") from None
        return f'"{value}"^^<{XSD}date>'
    return '"' + escape_string(value) + '"'


def values_clause(given: Mapping[str, Sequence[str]]) -> str:
    """``VALUES ?p { ... }`` for one parameter, ``VALUES (?a ?b) { (...) }`` over the combinations of several."""
    names = list(given)
    if len(names) == 1:
        return f"VALUES ?{names[0]} {{ {' '.join(sparql_value(v) for v in given[names[0]])} }}"
    rows = " ".join("(" + " ".join(sparql_value(v) for v in combo) + ")"
                    for combo in itertools.product(*given.values()))
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ {rows} }}"


_STRING = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
_IRI = re.compile(r"<[^\s<>\"{}|^`\\]*>")
_WORD = re.compile(r"[A-Za-z_][\w-]*:?")


def _scan(text: str) -> Iterator[tuple[int, str]]:
    """(offset, token) for each brace and each bare word of a query (a keyword, a prefixed name, a
    function), outside comments, strings and IRIs: enough to find clauses without a parser."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            i = text.find("\n", i)
            i = n if i < 0 else i
            continue
        if ch in "\"'":
            m = _STRING.match(text, i)
            i = m.end() if m else i + 1
            continue
        if ch == "<" and (m := _IRI.match(text, i)):
            i = m.end()
            continue
        if ch in "{}":
            yield i, ch
        elif ch.isalpha() and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_?$:-.")):
            word = _WORD.match(text, i).group(0)  # type: ignore[union-attr]
            yield i, word
            i += len(word)
            continue
        i += 1


def where_group(text: str) -> int | None:
    """The offset just after the ``{`` that opens the query's WHERE group (outside comments,
    strings and IRIs): the first at depth 0 after the keyword WHERE, or after SELECT/ASK/DESCRIBE
    when WHERE is left out."""
    depth, armed = 0, False
    for i, token in _scan(text):
        if token == "{":
            if depth == 0 and armed:
                return i + 1
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0 and token.upper() in ("WHERE", "SELECT", "ASK", "DESCRIBE"):
            armed = True
    return None


def has_dataset_clause(text: str) -> bool:
    """Whether a query names its dataset with ``FROM``/``FROM NAMED`` (outside comments, strings and
    IRIs): the keyword occurs nowhere else in the SPARQL grammar.

    >>> has_dataset_clause("SELECT * FROM <http://g> { ?s ?p ?o }"), has_dataset_clause('ASK { ?s ?p "FROM" }')
    (True, False)
    """
    return any(token.upper() == "FROM" for _i, token in _scan(text))


def with_prologue(text: str) -> str:
    """``text`` with PREFIX lines for the project's prefixes it does not declare itself."""
    declared = {m.group(1) or "" for m in _DECLARED.finditer(strip_comments(text))}
    missing = {p: ns for p, ns in PREFIXES.items() if p not in declared}
    if not missing:
        return text
    lines = sparql_prologue()
    keep = "".join(line + "\n" for line in lines.splitlines() if line.split()[1][:-1] in missing)
    return keep + text


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
