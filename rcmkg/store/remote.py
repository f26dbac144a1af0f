"""A remote SPARQL 1.1 endpoint as a store: queries through SPARQLWrapper, graphs through the Graph
Store HTTP Protocol with httpx (the one HTTP client rcmkg itself uses; ``rcmkg push`` too).

The endpoint's default graph must be the union of its named graphs (Oxigraph:
``serve --union-default-graph``; Fuseki: ``tdb2:unionDefaultGraph true``).
"""

from __future__ import annotations

import base64
import json
import os
import socket
from collections.abc import Mapping
from typing import TYPE_CHECKING

import pyoxigraph as ox

from rcmkg.errors import QueryError, QueryTimeout, StoreError, UsageError
from rcmkg.sparql.bind import has_order_by, strip_comments, with_prologue
from rcmkg.sparql.results import QueryResult
from rcmkg.sparql.terms import Term, canonical, from_ox

if TYPE_CHECKING:
    import httpx


def auth_header(user: str | None, password: str | None, token: str | None) -> dict[str, str]:
    """The Authorization header for a bearer ``token``, else basic ``user``/``password`` (none without).

    >>> auth_header("u", "p", None)
    {'Authorization': 'Basic dTpw'}
    """
    if token:
        return {"Authorization": f"Bearer {token}"}
    if user:
        raw = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
        return {"Authorization": f"Basic {raw}"}
    return {}


#: How a user name and password are sent (``RCMKG_ENDPOINT_AUTH`` or ``push --auth``).
AUTH_SCHEMES = ("basic", "digest")


def auth_scheme(env: Mapping[str, str] | None = None, scheme: str | None = None) -> str:
    """``scheme`` if given, else ``RCMKG_ENDPOINT_AUTH``, else ``basic``; anything else is an error."""
    env = os.environ if env is None else env
    chosen = (scheme or env.get("RCMKG_ENDPOINT_AUTH") or "basic").strip().lower()
    if chosen not in AUTH_SCHEMES:
        raise UsageError(f"unknown authentication scheme {chosen!r} (RCMKG_ENDPOINT_AUTH): use one of {', '.join(AUTH_SCHEMES)}")
    return chosen


def digest_auth(env: Mapping[str, str] | None = None, scheme: str | None = None) -> httpx.DigestAuth | None:
    """An ``httpx.DigestAuth`` when the user and password are to go by HTTP Digest (else None): the
    password never travels, the client answers the server's challenge instead."""
    env = os.environ if env is None else env
    user = env.get("RCMKG_ENDPOINT_USER")
    if env.get("RCMKG_ENDPOINT_TOKEN") or not user or auth_scheme(env, scheme) != "digest":
        return None
    import httpx  # see RemoteStore.put_graph

    return httpx.DigestAuth(user, env.get("RCMKG_ENDPOINT_PASSWORD", ""))


def auth_from_env(env: Mapping[str, str] | None = None, scheme: str | None = None) -> dict[str, str]:
    """The Authorization header from ``RCMKG_ENDPOINT_TOKEN`` or ``..._USER``/``..._PASSWORD`` (or
    none; none either for Digest, which :func:`digest_auth` answers challenges for)."""
    env = os.environ if env is None else env
    if env.get("RCMKG_ENDPOINT_USER") and not env.get("RCMKG_ENDPOINT_TOKEN") and auth_scheme(env, scheme) == "digest":
        return {}
    return auth_header(env.get("RCMKG_ENDPOINT_USER"), env.get("RCMKG_ENDPOINT_PASSWORD", ""),
                       env.get("RCMKG_ENDPOINT_TOKEN"))


class RemoteStore:
    """A SPARQL 1.1 endpoint, queried with SPARQLWrapper (POST, form-encoded).

    The endpoint's default graph must be the union of its named graphs (Oxigraph:
    ``serve --union-default-graph``; Fuseki: ``tdb2:unionDefaultGraph true``). Credentials come from
    the environment: ``RCMKG_ENDPOINT_USER`` and ``RCMKG_ENDPOINT_PASSWORD`` (basic, or digest when
    ``RCMKG_ENDPOINT_AUTH=digest`` or ``auth="digest"``, e.g. Virtuoso's ``/sparql-auth``), or
    ``RCMKG_ENDPOINT_TOKEN`` (bearer). ``graph_store`` is the Graph Store Protocol URL used by
    :meth:`replace_graph` (default: the endpoint URL with ``/query`` or ``/sparql`` replaced by ``/store``).

    >>> store = RemoteStore("http://127.0.0.1:7878/query")                  # doctest: +SKIP
    >>> store.query("ASK { ?m a rcm:Meeting }").boolean                     # doctest: +SKIP
    True
    """

    def __init__(self, endpoint: str, *, timeout: float = 10.0, graph_store: str | None = None,
                 user: str | None = None, password: str | None = None, token: str | None = None,
                 auth: str | None = None) -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise UsageError(f"{endpoint!r} is not an http(s) URL of a SPARQL endpoint")
        self.endpoint = endpoint
        self.timeout = timeout
        self.graph_store = graph_store or graph_store_url(endpoint)
        env = os.environ
        self.user = user if user is not None else env.get("RCMKG_ENDPOINT_USER")
        self.password = password if password is not None else env.get("RCMKG_ENDPOINT_PASSWORD")
        self.token = token if token is not None else env.get("RCMKG_ENDPOINT_TOKEN")
        self.digest = bool(self.user) and not self.token and auth_scheme(env, auth) == "digest"

    def auth_headers(self) -> dict[str, str]:
        """The Authorization header for this endpoint's credentials (none without, none for Digest,
        which answers the server's challenge instead)."""
        return {} if self.digest else auth_header(self.user, self.password, self.token)

    def query(self, sparql: str) -> QueryResult:
        """Run SPARQL on the endpoint; results normalised as the local store's are."""
        # SPARQLWrapper brings urllib.request and http.client (50 ms): imported by the queries that
        # go to an endpoint, not by every command that opens a store.
        import urllib.error

        from SPARQLWrapper import DIGEST, JSON, N3, POST, SPARQLWrapper
        from SPARQLWrapper import SPARQLExceptions as sx

        text = with_prologue(sparql)
        w = SPARQLWrapper(self.endpoint)
        w.setMethod(POST)
        w.setTimeout(max(1, int(round(self.timeout))))
        w.setOnlyConneg(True)  # no format=/output= parameters: content negotiation only
        if self.user and not self.token:
            w.setCredentials(self.user, self.password or "")
            if self.digest:
                w.setHTTPAuth(DIGEST)
        elif self.token:
            w.addCustomHttpHeader("Authorization", f"Bearer {self.token}")
        # Without comments: SPARQLWrapper guesses the query form from the first keyword it sees,
        # and a header saying "how an item moved" makes it a MOVE update.
        w.setQuery(strip_comments(text))
        graph = w.queryType in ("CONSTRUCT", "DESCRIBE")
        w.setReturnFormat(N3 if graph else JSON)
        if graph:
            w.addCustomHttpHeader("Accept", "application/n-triples, text/turtle;q=0.9")
        try:
            response = w.query()
            raw = response.response.read()
            ctype = response.response.headers.get("Content-Type", "") or ""
        except sx.QueryBadFormed as exc:
            raise QueryError(f"the endpoint rejected the query: {_tail(exc)}") from None
        except sx.Unauthorized:
            raise StoreError(f"{self.endpoint}: not authorised (set RCMKG_ENDPOINT_USER/PASSWORD or TOKEN)") from None
        except sx.EndPointNotFound:
            raise StoreError(f"{self.endpoint}: no SPARQL endpoint there (404)") from None
        except sx.SPARQLWrapperException as exc:
            raise QueryError(f"{self.endpoint}: {_tail(exc)}") from None
        except TimeoutError:
            raise QueryTimeout(f"{self.endpoint}: no answer within {self.timeout:g} s") from None
        except urllib.error.HTTPError as exc:
            raise QueryError(f"{self.endpoint}: HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise QueryTimeout(f"{self.endpoint}: no answer within {self.timeout:g} s") from None
            raise StoreError(f"cannot reach {self.endpoint}: {reason}") from None
        if graph:
            return _graph_result(raw, ctype)
        try:
            doc = json.loads(raw)
        except ValueError:
            raise QueryError(f"{self.endpoint}: the answer is not SPARQL JSON results ({ctype})") from None
        if "boolean" in doc:
            return QueryResult.ask(bool(doc["boolean"]))
        names = list(doc.get("head", {}).get("vars", []))
        bindings = doc.get("results", {}).get("bindings", [])
        if w.queryType == "ASK":  # Virtuoso answers ASK as one row of ?__ASK_RETVAL (1 or 0)
            return QueryResult.ask(any(canonical(Term.from_json(v)).value in ("true", "1") for b in bindings for v in b.values()))
        rows = [{k: canonical(Term.from_json(v)) for k, v in b.items()} for b in bindings]
        return QueryResult.select(names, rows, ordered=has_order_by(text))

    def graphs(self) -> list[str]:
        """The endpoint's named graphs."""
        res = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(r["g"].value for r in res.rows)

    def put_graph(self, graph: str, data: bytes | str, media_type: str = "text/turtle", *,
                  client: httpx.Client | None = None) -> httpx.Response:
        """PUT one graph through the Graph Store HTTP Protocol and return the answer, whatever its
        status; :class:`httpx.TransportError` when the server cannot be reached."""
        # httpx costs 30 ms to import, which every `rcmkg query` would pay: only when writing graphs.
        import httpx

        body = data.encode("utf-8") if isinstance(data, str) else data
        headers = {**self.auth_headers(), "Content-Type": media_type}
        if client is not None:  # the client's own auth (push gives it Digest when asked) applies
            return client.put(self.graph_store, params={"graph": graph}, content=body, headers=headers)
        auth = httpx.DigestAuth(self.user or "", self.password or "") if self.digest else None
        return httpx.put(self.graph_store, params={"graph": graph}, content=body, headers=headers,
                         timeout=max(self.timeout, 60), auth=auth)

    def replace_graph(self, graph: str, data: bytes | str, media_type: str = "text/turtle") -> None:
        """PUT one graph through the Graph Store HTTP Protocol; :class:`StoreError` when it fails."""
        import httpx  # see put_graph

        try:
            r = self.put_graph(graph, data, media_type)
        except httpx.TransportError as exc:
            raise StoreError(f"cannot reach {self.graph_store}: {exc or type(exc).__name__}") from None
        if r.status_code >= 300:
            raise StoreError(f"{self.graph_store}: PUT of {graph} failed: HTTP {r.status_code} {r.reason_phrase}")

    def close(self) -> None:
        """Nothing to release (each query is one HTTP request)."""


def graph_store_url(endpoint: str) -> str:
    """The Graph Store Protocol URL beside a query endpoint (``/query`` or ``/sparql`` -> ``/store``).

    >>> graph_store_url("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/store'
    """
    for suffix in ("/query", "/sparql"):
        if endpoint.rstrip("/").endswith(suffix):
            return endpoint.rstrip("/")[: -len(suffix)] + "/store"
    return endpoint


def _tail(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[-300:]


def _graph_result(raw: bytes, ctype: str) -> QueryResult:
    fmt = ox.RdfFormat.from_media_type(ctype.split(";")[0].strip()) or ox.RdfFormat.TURTLE
    try:
        quads = list(ox.parse(raw, format=fmt))
    except SyntaxError as exc:
        raise QueryError(f"cannot read the endpoint's RDF answer ({ctype}): {exc}") from None
    return QueryResult.graph((from_ox(q.subject), from_ox(q.predicate), canonical(from_ox(q.object))) for q in quads)
