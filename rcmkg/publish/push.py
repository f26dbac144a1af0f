"""``rcmkg push``: send every graph to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

Each report's named graph, the registry graph and the ontology graph are sent with ``PUT
{graph-store}?graph=IRI``. PUT replaces the whole graph, so pushing twice leaves the server as
pushing once did, a changed report replaces only its own graph, and a push that stopped halfway is
completed by running it again. After sending, each graph's triples are counted on the server
(``SELECT (COUNT(*) AS ?n) WHERE { GRAPH <g> { ?s ?p ?o } }``) and compared with the local count.

Credentials come from the environment: ``RCMKG_ENDPOINT_TOKEN`` (bearer) or
``RCMKG_ENDPOINT_USER`` and ``RCMKG_ENDPOINT_PASSWORD``, sent with HTTP Basic or, when
``RCMKG_ENDPOINT_AUTH=digest`` (or ``push --auth digest``), HTTP Digest, which Virtuoso's
authenticated Graph Store (``/sparql-graph-crud-auth``) requires.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from rcmkg.errors import PublishError


@dataclass
class GraphPush:
    """One graph's fate: ``pending``, ``sent``, ``verified``, ``failed`` (sent but refused or miscounted)
    or ``not sent`` (the push stopped before it)."""

    graph: str
    triples: int
    status: str = "pending"
    remote: int | None = None
    error: str | None = None


@dataclass
class PushResult:
    """What a push did, graph by graph."""

    endpoint: str
    graph_store: str
    graphs: list[GraphPush] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(g.status == "verified" for g in self.graphs)

    @property
    def verified(self) -> list[GraphPush]:
        return [g for g in self.graphs if g.status == "verified"]

    @property
    def failed(self) -> list[GraphPush]:
        return [g for g in self.graphs if g.status != "verified"]

    def summary(self) -> str:
        """What went and what did not, for people."""
        total = sum(g.triples for g in self.graphs)
        lines = [f"{len(self.verified)} of {len(self.graphs)} graphs pushed to {self.graph_store} and verified "
                 f"({sum(g.triples for g in self.verified)} of {total} triples)"]
        if self.failed:
            if self.verified:
                lines.append("went: " + ", ".join(_short(g.graph) for g in self.verified))
            lines.append("did not go:")
            lines += [f"  {_short(g.graph)}: {g.status}" + (f" ({g.error})" if g.error else "") for g in self.failed]
            lines.append("Run the same command again to complete it: PUT replaces whole graphs, "
                         "so the graphs that went are not duplicated.")
        return "\n".join(lines)


class PushFailed(PublishError):
    """Some graphs did not arrive (or did not arrive whole); ``result`` says which."""

    def __init__(self, message: str, result: PushResult) -> None:
        super().__init__(message)
        self.result = result


def _short(graph: str) -> str:
    marker = "/id/graph/"
    return graph.split(marker, 1)[1] if marker in graph else graph


def endpoints(endpoint: str, graph_store: str | None = None) -> tuple[str, str]:
    """(query URL, graph store URL) from what the user gave.

    A bare server URL (``http://host:7878``) is taken to be an Oxigraph server: ``/query`` and
    ``/store``. An endpoint ending in ``/query`` or ``/sparql`` gets the ``/store`` beside it, as
    :class:`rcmkg.store.RemoteStore` assumes. Anything else needs ``--graph-store`` unless the
    endpoint itself accepts the Graph Store Protocol.
    """
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PublishError(f"not an http(s) URL: {endpoint}")
    path = parts.path.rstrip("/")
    if not path:
        query = urlunsplit((parts.scheme, parts.netloc, "/query", "", ""))
        store = urlunsplit((parts.scheme, parts.netloc, "/store", "", ""))
    else:
        query = endpoint
        suffix = next((x for x in ("/query", "/sparql") if path.endswith(x)), None)
        store = urlunsplit((parts.scheme, parts.netloc, path[: -len(suffix)] + "/store", "", "")) if suffix else endpoint
    return query, graph_store or store


#: How a user name and password are sent (``RCMKG_ENDPOINT_AUTH`` or ``push --auth``).
AUTH_SCHEMES = ("basic", "digest")


def auth_scheme(env: Mapping[str, str] | None = None, scheme: str | None = None) -> str:
    """``scheme`` if given, else ``RCMKG_ENDPOINT_AUTH``, else ``basic``; anything else is an error."""
    env = os.environ if env is None else env
    chosen = (scheme or env.get("RCMKG_ENDPOINT_AUTH") or "basic").strip().lower()
    if chosen not in AUTH_SCHEMES:
        raise PublishError(f"unknown authentication scheme {chosen!r} (RCMKG_ENDPOINT_AUTH): use one of {', '.join(AUTH_SCHEMES)}")
    return chosen


def digest_auth(env: Mapping[str, str] | None = None, scheme: str | None = None) -> Any:
    """An ``httpx.DigestAuth`` when the user and password are to go by HTTP Digest (else None): the
    password never travels, the client answers the server's challenge instead."""
    import httpx

    env = os.environ if env is None else env
    user = env.get("RCMKG_ENDPOINT_USER")
    if env.get("RCMKG_ENDPOINT_TOKEN") or not user or auth_scheme(env, scheme) != "digest":
        return None
    return httpx.DigestAuth(user, env.get("RCMKG_ENDPOINT_PASSWORD", ""))


def auth_from_env(env: Mapping[str, str] | None = None, scheme: str | None = None) -> dict[str, str]:
    """The Authorization header from ``RCMKG_ENDPOINT_TOKEN`` or ``..._USER``/``..._PASSWORD`` (or
    none; none either for Digest, which :func:`digest_auth` answers challenges for)."""
    import base64

    env = os.environ if env is None else env
    token = env.get("RCMKG_ENDPOINT_TOKEN")
    if token:
        return {"Authorization": f"Bearer {token}"}
    user = env.get("RCMKG_ENDPOINT_USER")
    if user and auth_scheme(env, scheme) == "basic":
        password = env.get("RCMKG_ENDPOINT_PASSWORD", "")
        raw = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        return {"Authorization": f"Basic {raw}"}
    return {}


def _refused(status: int, url: str, headers: Mapping[str, str], auth: Any = None) -> str:
    sent = "Authorization" in headers or auth is not None
    which = "the credentials were refused" if sent else "no credentials were sent"
    return (f"{url} answered {status}: {which}. Set RCMKG_ENDPOINT_TOKEN, or RCMKG_ENDPOINT_USER and "
            "RCMKG_ENDPOINT_PASSWORD (and RCMKG_ENDPOINT_AUTH=digest if the server wants HTTP Digest), "
            "to an account allowed to write.")


def local_graphs(store: Any, base: str) -> dict[str, int]:
    """The published graphs and their triple counts: reports first, then registry and ontology (the
    store's bookkeeping and entailment graphs stay home)."""
    from rcmkg.publish.void import graph_counts

    counts = graph_counts(store, base)
    return dict(sorted(counts.items(), key=lambda kv: (kv[0].endswith(("/registry", "/ontology")), kv[0])))


def push(store: Any, endpoint: str, graph_store: str | None = None, *, base: str | None = None,
         headers: Mapping[str, str] | None = None, timeout: float = 60.0,
         progress: Callable[[GraphPush], None] | None = None, client: Any = None,
         auth: str | None = None) -> PushResult:
    """PUT every named graph of ``store`` to the graph store, then verify the counts by query.

    Returns the :class:`PushResult` when every graph arrived whole; raises :class:`PushFailed`
    (with the result) when some did not, and :class:`PublishError` when the server cannot be
    reached or refuses the credentials before anything was sent. ``auth`` (``basic`` or ``digest``;
    default ``RCMKG_ENDPOINT_AUTH``, else basic) says how the user name and password go.

    >>> push(store, "http://127.0.0.1:7878")   # doctest: +SKIP
    """
    import httpx
    from pyoxigraph import NamedNode, RdfFormat, serialize

    from rcmkg.publish import restore_datatypes
    from rcmkg.publish.server import _store_parts
    from rcmkg.settings import DEFAULT_BASE

    base = base or getattr(store, "base", None) or DEFAULT_BASE
    store, _ = _store_parts(store)
    query_url, store_url = endpoints(endpoint, graph_store)
    headers = dict(auth_from_env(scheme=auth) if headers is None else headers)
    # Digest answers a challenge per request (httpx handles the 401 round trip), so it is no header.
    http_auth = digest_auth(scheme=auth) if "Authorization" not in headers else None
    result = PushResult(query_url, store_url, [GraphPush(g, n) for g, n in local_graphs(store, base).items()])
    if not result.graphs:
        raise PublishError("the store has no named graphs to push: load converted reports first (rcmkg load DIR)")
    own = client is None
    client = client or httpx.Client(timeout=timeout, headers={"User-Agent": "rcmkg-push"})
    try:
        _preflight(client, query_url, headers, http_auth)
        stopped: str | None = None
        for g in result.graphs:
            if stopped is not None:
                g.status, g.error = "not sent", stopped
                continue
            body = serialize(restore_datatypes(q.triple for q in store.quads_for_pattern(None, None, None, NamedNode(g.graph))),
                             format=RdfFormat.N_TRIPLES)
            try:
                r = client.put(store_url, params={"graph": g.graph}, content=body,
                               headers={**headers, "Content-Type": "application/n-triples"}, **_auth(http_auth))
            except httpx.TransportError as exc:
                # The server went away: nothing after this graph can go either.
                stopped = f"{type(exc).__name__}: {exc or 'connection lost'}"
                g.status, g.error = "not sent", stopped
                continue
            if r.status_code in (401, 403):
                stopped = _refused(r.status_code, store_url, headers, http_auth)
                g.status, g.error = "not sent", stopped
                continue
            if r.status_code >= 300:
                g.status, g.error = "failed", f"HTTP {r.status_code}: {r.text.strip()[:200]}"
            else:
                g.status = "sent"
            if progress:
                progress(g)
        _verify(client, query_url, headers, result, http_auth)
    finally:
        if own:
            client.close()
    if not result.ok:
        raise PushFailed(result.summary(), result)
    return result


def _auth(http_auth: Any) -> dict[str, Any]:
    # Only when there is one: httpx's default (the client's own auth) must stay otherwise.
    return {"auth": http_auth} if http_auth is not None else {}


def _preflight(client: Any, query_url: str, headers: Mapping[str, str], http_auth: Any = None) -> None:
    """Fail before sending anything when the server is down or refuses us."""
    import httpx

    try:
        r = client.post(query_url, data={"query": "ASK { }"},
                        headers={**headers, "Accept": "application/sparql-results+json"}, **_auth(http_auth))
    except httpx.TransportError as exc:
        raise PublishError(f"cannot reach {query_url}: {exc or type(exc).__name__}; nothing was sent. "
                           "Is the triple store running, and is the URL right?") from None
    if r.status_code in (401, 403):
        raise PublishError(_refused(r.status_code, query_url, headers, http_auth) + " Nothing was sent.")
    if r.status_code >= 400:
        raise PublishError(f"{query_url} does not answer SPARQL queries (HTTP {r.status_code}); nothing was sent. "
                           "Give the query endpoint with --endpoint and the Graph Store with --graph-store.")


def _verify(client: Any, query_url: str, headers: Mapping[str, str], result: PushResult, http_auth: Any = None) -> None:
    """Count each sent graph's triples on the server."""
    import httpx

    for g in result.graphs:
        if g.status != "sent":
            continue
        q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g.graph}> {{ ?s ?p ?o }} }}"
        try:
            r = client.post(query_url, data={"query": q}, headers={**headers, "Accept": "application/sparql-results+json"},
                            **_auth(http_auth))
            r.raise_for_status()
            g.remote = int(r.json()["results"]["bindings"][0]["n"]["value"])
        except (httpx.HTTPError, KeyError, IndexError, ValueError) as exc:
            g.status, g.error = "failed", f"sent, but could not be counted: {exc}"
            continue
        if g.remote == g.triples:
            g.status = "verified"
        else:
            g.status, g.error = "failed", f"sent {g.triples} triples, the server holds {g.remote}"
