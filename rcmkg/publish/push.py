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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import httpx
from pyoxigraph import NamedNode, RdfFormat, serialize

from rcmkg.errors import PublishError
from rcmkg.publish.source import Source, restore_datatypes
from rcmkg.publish.void import graph_counts
from rcmkg.store.remote import RemoteStore, auth_from_env, digest_auth, graph_store_url


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
        store = graph_store_url(urlunsplit((parts.scheme, parts.netloc, path, "", ""))) if suffix else endpoint
    return query, graph_store or store


def _refused(status: int, url: str, client: httpx.Client, headers: Mapping[str, str]) -> str:
    # Credentials went either as a header or as the client's Digest answer to the challenge.
    sent = "Authorization" in headers or isinstance(client.auth, httpx.DigestAuth)
    which = "the credentials were refused" if sent else "no credentials were sent"
    return (f"{url} answered {status}: {which}. Set RCMKG_ENDPOINT_TOKEN, or RCMKG_ENDPOINT_USER and "
            "RCMKG_ENDPOINT_PASSWORD (and RCMKG_ENDPOINT_AUTH=digest if the server wants HTTP Digest), "
            "to an account allowed to write.")


def local_graphs(source: Source, base: str) -> dict[str, int]:
    """The published graphs and their triple counts: reports first, then registry and ontology (the
    store's bookkeeping and entailment graphs stay home)."""
    counts = graph_counts(source.ox, base)
    return dict(sorted(counts.items(), key=lambda kv: (kv[0].endswith(("/registry", "/ontology")), kv[0])))


def push(source: Source, endpoint: str, graph_store: str | None = None, *, base: str | None = None,
         headers: Mapping[str, str] | None = None, timeout: float = 60.0,
         progress: Callable[[GraphPush], None] | None = None, graphs: Sequence[str] | None = None,
         auth: str | None = None) -> PushResult:
    """PUT every published graph of ``source`` (or exactly ``graphs``, derived ones included) to the
    graph store, then verify the counts by query.

    Returns the :class:`PushResult` when every graph arrived whole; raises :class:`PushFailed`
    (with the result) when some did not, and :class:`PublishError` when the server cannot be
    reached or refuses the credentials before anything was sent. ``auth`` (``basic`` or ``digest``;
    default ``RCMKG_ENDPOINT_AUTH``, else basic) says how the user name and password go.

    >>> push(store, "http://127.0.0.1:7878")   # doctest: +SKIP
    """
    base = base or source.base
    store = source.ox
    query_url, store_url = endpoints(endpoint, graph_store)
    headers = dict(auth_from_env(scheme=auth) if headers is None else headers)
    # Digest answers a challenge per request (httpx handles the 401 round trip), so it is no header:
    # the client carries it, and every request below (preflight, PUTs, counts) answers with it.
    http_auth = digest_auth(scheme=auth) if "Authorization" not in headers else None
    if graphs is None:
        todo = local_graphs(source, base)
    else:
        todo = {g: sum(1 for _ in store.quads_for_pattern(None, None, None, NamedNode(g))) for g in graphs}
    result = PushResult(query_url, store_url, [GraphPush(g, n) for g, n in todo.items()])
    if not result.graphs:
        raise PublishError("the store has no named graphs to push: load converted reports first (rcmkg load DIR)")
    remote = RemoteStore(query_url, graph_store=store_url, timeout=timeout, user="", token="")
    with httpx.Client(timeout=timeout, headers={"User-Agent": "rcmkg-push", **headers},
                      auth=http_auth) as client:
        _preflight(client, query_url, headers)
        stopped: str | None = None
        for g in result.graphs:
            if stopped is not None:
                g.status, g.error = "not sent", stopped
                continue
            body = serialize(restore_datatypes(q.triple for q in store.quads_for_pattern(None, None, None, NamedNode(g.graph))),
                             format=RdfFormat.N_TRIPLES)
            try:
                r = remote.put_graph(g.graph, body or b"", "application/n-triples", client=client)
            except httpx.TransportError as exc:
                # The server went away: nothing after this graph can go either.
                stopped = f"{type(exc).__name__}: {exc or 'connection lost'}"
                g.status, g.error = "not sent", stopped
                continue
            if r.status_code in (401, 403):
                stopped = _refused(r.status_code, store_url, client, headers)
                g.status, g.error = "not sent", stopped
                continue
            if r.status_code >= 300:
                g.status, g.error = "failed", f"HTTP {r.status_code}: {r.text.strip()[:200]}"
            else:
                g.status = "sent"
            if progress:
                progress(g)
        _verify(client, query_url, headers, result)
    if not result.ok:
        raise PushFailed(result.summary(), result)
    return result


def _preflight(client: httpx.Client, query_url: str, headers: Mapping[str, str]) -> None:
    """Fail before sending anything when the server is down or refuses us."""
    try:
        r = client.post(query_url, data={"query": "ASK { }"},
                        headers={**headers, "Accept": "application/sparql-results+json"})
    except httpx.TransportError as exc:
        raise PublishError(f"cannot reach {query_url}: {exc or type(exc).__name__}; nothing was sent. "
                           "Is the triple store running, and is the URL right?") from None
    if r.status_code in (401, 403):
        raise PublishError(_refused(r.status_code, query_url, client, headers) + " Nothing was sent.")
    if r.status_code >= 400:
        raise PublishError(f"{query_url} does not answer SPARQL queries (HTTP {r.status_code}); nothing was sent. "
                           "Give the query endpoint with --endpoint and the Graph Store with --graph-store.")


def _verify(client: httpx.Client, query_url: str, headers: Mapping[str, str], result: PushResult) -> None:
    """Count each sent graph's triples on the server."""
    for g in result.graphs:
        if g.status != "sent":
            continue
        q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g.graph}> {{ ?s ?p ?o }} }}"
        try:
            r = client.post(query_url, data={"query": q}, headers={**headers, "Accept": "application/sparql-results+json"})
            r.raise_for_status()
            g.remote = int(r.json()["results"]["bindings"][0]["n"]["value"])
        except (httpx.HTTPError, KeyError, IndexError, ValueError) as exc:
            g.status, g.error = "failed", f"sent, but could not be counted: {exc}"
            continue
        if g.remote == g.triples:
            g.status = "verified"
        else:
            g.status, g.error = "failed", f"sent {g.triples} triples, the server holds {g.remote}"
