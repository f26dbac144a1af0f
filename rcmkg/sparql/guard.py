"""What a public SPARQL endpoint checks in a query before a worker evaluates it.

* **Federation.** pyoxigraph evaluates ``SERVICE <iri>`` by making the HTTP request itself, so
  anyone who can reach the endpoint could make the server fetch whatever it can reach (internal
  admin pages, cloud metadata; OWASP "SSRF"). ``SERVICE`` is refused unless every target is on the
  operator's allow-list (the ``federation_allow`` setting; empty by default), compared exactly
  after prefix expansion. A variable target (``SERVICE ?s``) is always refused.
* **Nesting.** pyoxigraph's parser and evaluator recurse on every ``{`` and ``(``; a query nested a
  few thousand deep overflows the worker's stack and kills it. More than :data:`MAX_DEPTH` levels
  is a 400.

The scan works on the text after SPARQL's codepoint escapes (``SER\\u0056ICE`` is ``SERVICE``;
pyoxigraph unescapes the whole query first, as the grammar says) and is a tokenizer, not a regular expression over the text: ``SERVICE`` inside a string, a
comment or an IRI is not a keyword, and a keyword hidden by a comment between ``SERVICE`` and its
IRI is still found.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from rcmkg.errors import UsageError

#: Brackets a query may nest (the canned queries use fewer than 10).
MAX_DEPTH = 64

_TOKEN = re.compile(
    r"""(?P<ws>\s+)
      | (?P<comment>\#[^\n]*)
      | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
      | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w.\-\u00B7-\uFFFF]*)?:(?:[\w\-\u00B7-\uFFFF:%.]*[\w\-\u00B7-\uFFFF:%])?)
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<open>[{(\[])
      | (?P<close>[})\]])
      | (?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape(m: re.Match[str]) -> str:
    code = int(m.group(1) or m.group(2), 16)
    return chr(code) if code <= 0x10FFFF else m.group(0)


class FederationRefused(UsageError):
    """A query asks for a ``SERVICE`` that is not allowed (federation off, or not on the list)."""


@dataclass(frozen=True)
class QueryShape:
    """What the scan found: the SERVICE targets (IRIs, or ``?var``) and the deepest nesting."""

    services: tuple[str, ...]
    depth: int


def scan(query: str, prefixes: Mapping[str, str] | None = None) -> QueryShape:
    """The SERVICE targets and nesting depth of ``query`` (prefixed names expanded)."""
    query = _ESCAPE.sub(_unescape, query)
    declared = dict(prefixes or {})
    services: list[str] = []
    depth = deepest = 0
    expect: str | None = None  # "service": the next term is a SERVICE target; "prefix"/"prefix-iri"
    pending_prefix = ""
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        text = m.group(0)
        if kind in ("ws", "comment"):
            continue
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth = max(0, depth - 1)
        if expect == "prefix" and kind == "pname":
            pending_prefix, expect = text[:-1] if text.endswith(":") else text.split(":", 1)[0], "prefix-iri"
            continue
        if expect == "prefix-iri":
            if kind == "iri":
                declared[pending_prefix] = text[1:-1]
            expect = None
            continue
        if expect == "service":
            if kind == "word" and text.upper() == "SILENT":
                continue
            if kind == "iri":
                services.append(text[1:-1])
            elif kind == "pname":
                prefix, _, local = text.partition(":")
                services.append(declared[prefix] + local if prefix in declared else text)
            else:
                services.append(text)  # a variable or something unparseable: never allowed
            expect = None
            continue
        if kind in ("word", "pname") and text.upper() == "PREFIX":
            expect = "prefix"
        elif kind == "word" and text.upper() == "SERVICE":
            expect = "service"
    if expect == "service":
        services.append("")
    return QueryShape(tuple(services), deepest)


def check_query(query: str, allowed_services: Collection[str] = (), prefixes: Mapping[str, str] | None = None,
                max_depth: int = MAX_DEPTH) -> QueryShape:
    """Raise :class:`FederationRefused` or :class:`UsageError` if ``query`` may not run here.

    >>> check_query("SELECT * { SERVICE <http://10.0.0.1/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    rcmkg.sparql.guard.FederationRefused: federation is off on this endpoint: SERVICE <http://10.0.0.1/> is refused ...
    """
    shape = scan(query, prefixes)
    if shape.depth > max_depth:
        raise UsageError(f"the query nests brackets {shape.depth} deep; at most {max_depth} levels are accepted")
    refused = [s for s in shape.services if s not in allowed_services]
    if refused:
        target = refused[0] if refused[0].startswith("?") else f"<{refused[0]}>"
        if not allowed_services:
            raise FederationRefused(
                f"federation is off on this endpoint: SERVICE {target} is refused (the server makes no outbound "
                "requests; an operator can allow listed endpoints with the federation_allow setting)")
        raise FederationRefused(
            f"SERVICE {target} is not on this endpoint's federation allow-list; allowed: " + ", ".join(allowed_services))
    return shape
