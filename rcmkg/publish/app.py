"""The linked-data server: ``create_app(settings, source)`` returns a Starlette ASGI app.

URLs (``/id/...`` names a thing, ``/doc/...`` is a document about it; W3C "Cool URIs for the
Semantic Web", 303 recipe):

=============================  ===================================================================
``/``                          meetings by date and the tracked items
``/id/{path}``                 303 See Other to ``/doc/{path}`` (HTML) or ``/doc/{path}.ttl`` etc.,
                               chosen by Accept; 404 with suggestions when nothing has that name
``/doc/{path}[.ext]``          the description of ``{base}id/{path}``: HTML, Turtle, JSON-LD,
                               N-Triples, RDF/XML (by suffix, ``?format=`` or Accept)
``/voc/{path}[.ext]``          the same for the fixed SKOS vocabularies (``https://w3id.org/rcmkg/voc/``)
``/search?q=&country=&year=``  full-text search with facets (``/search.json|csv|xlsx``, or JSON by Accept)
``/cite/{path}.bib``, ``.json``  "cite this" of a meeting or an agreement: BibTeX, CSL-JSON
``/trace/{item}``              a tracked item's timeline (as ``rcmkg trace --html``)
``/commitments?actor=&item=&status=``  who committed to what (``/commitments.csv|xlsx|json`` too)
``/trace/{item}.csv|xlsx|json``  a timeline as a list; ``/query/NAME.xlsx`` a canned query
``/feeds/....atom``            Atom feeds: meetings, ``item/{slug}``, ``actor/{org|country}/{slug}``
``/sparql``                    SPARQL 1.1 Protocol, GET and POST, read-only, with a timeout and a
                               row limit; an HTML form when called without a query
``/query/``, ``/query/NAME``   the canned queries as stable URLs (parameters in the query string); a
                               page of 20 meetings (or rows) in HTML (``?page=&limit=``), the whole
                               answer up to the row limit in the other formats
``/downloads``, ``/dumps/F``   the dumps (made on first request)
``/void.ttl``, ``/.well-known/void``  the whole VoID/DCAT description
=============================  ===================================================================

Every page is in English or Spanish: ``?lang=en|es`` (its links keep it), else ``Accept-Language``,
else English (:mod:`rcmkg.publish.language`; the static site's Spanish pages are under ``es/``).

``--base`` decides the IRIs; the server maps paths onto them, so a graph named under
``https://w3id.org/rcmkg/`` can be browsed at ``http://127.0.0.1:8000/``. Every GET answer carries
an ETag (hash of the body) and Last-Modified (when the store last changed) and honours
If-None-Match / If-Modified-Since, and every answer allows any origin (CORS): the data is public.

Pages and documents are computed from the store in this process (bounded lookups) and cached, since
the store does not change while served. A GET answer asked for again is sent from the bytes
:class:`ResponseCache` kept, per store generation: by the HTTP protocol in one write on a keep-alive
connection (:func:`rcmkg.publish.limits.http_protocol`, :meth:`Server.kept_wire`), else first thing
in the app (:func:`answer_kept`), with its 304 and HEAD forms; the store's pointer is looked at
every :data:`CHECK_EVERY` seconds at most, and a finished load starts an empty cache. Start-up reads what ``rcmkg load`` stored (VoID
statistics, the home page's data: :mod:`rcmkg.index.published`) and scans nothing. SPARQL and
canned queries run in worker processes that are killed at the deadline (:mod:`rcmkg.publish.endpoint`).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import email.utils
import hashlib
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

import msgspec
import uvicorn
from pyoxigraph import NamedNode, Triple
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from rcmkg import i18n
from rcmkg.errors import NotFound, QueryError, QueryTimeout, RcmkgError, StoreError, UsageError
from rcmkg.index.commitments import actor_rows_of
from rcmkg.index.dormant import quiet_of
from rcmkg.index.published import cached_published
from rcmkg.namespaces import FOAF, PREFIXES, VOC, VOID
from rcmkg.publish import conneg
from rcmkg.publish.cite import SUFFIXES, split_cite_path
from rcmkg.publish.conneg import HTML, RDF_FORMATS, RESULT_FORMATS, Format
from rcmkg.publish.dumps import write_dumps
from rcmkg.publish.endpoint import QueryPool, QueryRequest, WorkerOutOfMemory, update_form
from rcmkg.publish.exports import FORMATS as EXPORT_FORMATS
from rcmkg.publish.exports import Table, commitments_table, search_table, sparql_table, timeline_table
from rcmkg.publish.feeds import MEDIA_TYPE as FEED_TYPE
from rcmkg.publish.feeds import build_feed
from rcmkg.publish.language import Language, localise, page_key
from rcmkg.publish.limits import SECURITY_HEADERS, RequestLimits, http_protocol
from rcmkg.publish.source import Source, store_folder
from rcmkg.publish.views.pages import (
    MEETINGS_PAGE,
    GraphView,
    ServerLinker,
    actor_feed_path,
    list_pager,
    pages_of,
)
from rcmkg.publish.views.render import render, render_resource, static_dir
from rcmkg.publish.views.search import search_model
from rcmkg.publish.views.timeline import (
    commitment_actors,
    commitment_filters,
    commitments_model,
    on_page,
    timeline_page,
    track_iri,
)
from rcmkg.publish.vocab import ONTOLOGY_FORMATS, ontology_document, ontology_html, ontology_path
from rcmkg.publish.void import DUMPS, DatasetInfo, describe_dataset
from rcmkg.search.build import FACETS
from rcmkg.search.query import MAX_LIMIT, SearchResult, clean_filters, search_index, stored_search_index
from rcmkg.settings import Settings
from rcmkg.sparql.catalogue import find_query, load_queries, page_query, whole_parts
from rcmkg.sparql.guard import check_query
from rcmkg.sparql.writers import rdf_bytes
from rcmkg.store import generations
from rcmkg.store.local import LocalStore
from rcmkg.trace.lookup import commitments, full_commitments, listed_commitments, trace

MAX_QUERY_BYTES = 256 * 1024
CACHE_ENTRIES = 4096
#: Commitments lists kept (Published.commitment_list): 13,000 rows at 10,000 reports, about 10 MB.
LISTS = 16
CORS_HEADERS = [
    (b"access-control-allow-origin", b"*"),
    (b"access-control-expose-headers",
     b"ETag, Last-Modified, Link, Content-Location, Vary, X-Rcmkg-Rows, X-Rcmkg-Truncated"),
]


#: What every answer carries: CORS, then the security headers (rcmkg.publish.limits), made once.
_PUBLIC = CORS_HEADERS + [(k.encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS]
_SECURITY_NAMES = frozenset(k.encode("latin-1") for k, _ in SECURITY_HEADERS)
_PREFLIGHT = [*CORS_HEADERS, (b"access-control-allow-methods", b"GET, HEAD, POST, OPTIONS"),
              (b"access-control-allow-headers", b"Accept, Content-Type, If-None-Match, If-Modified-Since"),
              (b"access-control-max-age", b"86400"), *_PUBLIC[len(CORS_HEADERS):]]


class PublicHeaders:
    """Adds ``Access-Control-Allow-Origin: *`` and the security headers
    (:data:`rcmkg.publish.limits.SECURITY_HEADERS`; one the handler set wins) to every answer,
    and answers CORS preflight requests. One layer, its headers made once.

    Plain ASGI rather than Starlette's CORSMiddleware: the data is public, so there is no origin
    list to check, no ``Vary: Origin`` to fragment caches, and it must also cover the 303s, 404s,
    413s and 414s.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS" and any(k == b"access-control-request-method" for k, _ in scope["headers"]):
            await send({"type": "http.response.start", "status": 204, "headers": _PREFLIGHT})
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                if any(k.lower() in _SECURITY_NAMES for k, _ in headers):
                    present = {k.lower() for k, _ in headers}
                    headers += [(k, v) for k, v in _PUBLIC if k not in present or k not in _SECURITY_NAMES]
                else:
                    headers += _PUBLIC
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _report_start_failure(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        print(f"rcmkg serve: the SPARQL workers did not start: {task.exception()}", file=sys.stderr, flush=True)


class WaitForView:
    """Requests wait for the view off the event loop (every page and error page links through it);
    static files do not."""

    def __init__(self, app: Any, owner: Starlette) -> None:
        self.app = app
        self.owner = owner

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        pub: Published = self.owner.state.published  # the current generation's (FollowLoads)
        if scope["type"] == "http" and not pub.ready:
            path = scope["path"][len(pub.root):]
            if not path.startswith(("/static/", "/favicon.ico")):
                await pub.warm()
        await self.app(scope, receive, send)


#: Scope key a handler sets when its 200 answer is the same for the same URL and request headers
#: until the store changes (what :class:`ResponseCache` keeps).
KEEP = "rcmkg.keep"
#: Bounds of the answers kept per store generation: entries, bytes in all, bytes of one answer.
KEEP_ENTRIES = 4096
KEEP_BYTES = 256 * 1024 * 1024
KEEP_ONE = 8 * 1024 * 1024
#: The request headers an answer may depend on, all part of the key: content negotiation (Accept),
#: language (Accept-Language), Host (a feed's absolute links are made from it), Cookie (none is read
#: today; in the key so that a future one cannot leak).
_KEY_HEADERS = frozenset((b"accept", b"accept-language", b"cookie", b"host"))
#: Requests with a body go through the whole stack (RequestLimits answers 413/400 for those).
_BODY_HEADERS = frozenset((b"content-length", b"transfer-encoding"))
#: Seconds between two looks at the store's pointer file (a stat): a finished load is followed
#: within this, and a burst of requests costs no system call each.
CHECK_EVERY = 0.1
#: Headers a 304 leaves out (RFC 9110 §15.4.5: no representation metadata but the validators).
_NOT_IN_304 = frozenset((b"content-type", b"content-length", b"content-language"))


#: Scope key FollowLoads sets: the generation's Published that answers the request.
SERVED_BY = "rcmkg.served_by"


class Kept:
    """One answer as it was sent (status 200, every header made once), ready to send again: the
    ASGI messages of the 200, of a HEAD and of a 304 are built when it is kept, not per request."""

    __slots__ = ("body", "empty", "etag", "modified", "not_modified", "size", "start", "wire", "wire_304")

    def __init__(self, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        self.start: dict[str, Any] = {"type": "http.response.start", "status": 200, "headers": headers}
        self.body: dict[str, Any] = {"type": "http.response.body", "body": body}
        self.empty: dict[str, Any] = {"type": "http.response.body", "body": b""}
        self.size = len(body) + sum(len(k) + len(v) for k, v in headers)
        self.not_modified: dict[str, Any] = {"type": "http.response.start", "status": 304,
                             "headers": [(k, v) for k, v in headers if k not in _NOT_IN_304]}
        # The headers as HTTP/1.1 bytes (but the server's: Date), for the protocol to write in one go (rcmkg.publish.limits.http_protocol, Server.kept_wire).
        self.wire = b"".join(k.lower() + b": " + v + b"\r\n" for k, v in headers)
        self.wire_304 = b"".join(k.lower() + b": " + v + b"\r\n" for k, v in self.not_modified["headers"])
        found = dict(headers)
        etag = found.get(b"etag")
        self.etag = etag.decode("latin-1") if etag is not None else None
        # Only answers with a Last-Modified (:func:`_conditional`, static files) answer
        # If-Modified-Since with a 304, against their own date.
        self.modified = _http_date(found.get(b"last-modified"))

    def fresh_for(self, inm: bytes | None, ims: bytes | None) -> bool:
        """Whether a conditional request gets a 304, as :func:`_conditional` decides it."""
        if inm is not None:
            return self.etag is not None and _etag_matches(inm.decode("latin-1"), self.etag)
        if ims is not None and self.modified is not None:
            since = _http_date(ims)
            return since is not None and self.modified <= since
        return False


def _http_date(value: bytes | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value.decode("latin-1"))
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def _shareable(headers: list[tuple[bytes, bytes]]) -> bool:
    """Whether an answer may be sent to another client: nothing per client in it."""
    for k, v in headers:
        if k == b"set-cookie" or (k == b"cache-control" and (b"no-store" in v or b"private" in v)):
            return False
    return True


def _find(pub: Published, raw_path: bytes, query: bytes, scheme: str,
          headers: list[tuple[bytes, bytes]]) -> tuple[Kept, bool] | None:
    """(the kept answer, whether the request gets its 304) for a GET or HEAD, or None when the
    request must go through the app. The key is everything the answer may depend on: the raw path,
    the query string, the scheme and :data:`_KEY_HEADERS` in the order sent."""
    picked: list[tuple[bytes, bytes]] = []
    inm = ims = None
    for name, value in headers:
        if name in _KEY_HEADERS:
            picked.append((name, value))
        elif name == b"if-none-match":
            inm = value
        elif name == b"if-modified-since":
            ims = value
        elif name in _BODY_HEADERS:
            return None
    key = (raw_path, query, scheme, *picked)
    kept = pub.responses.get(key)
    if kept is None or pub.stale():
        return None
    pub.responses.move_to_end(key)  # least recently used goes first
    return kept, (inm is not None or ims is not None) and kept.fresh_for(inm, ims)


def _key(scope: dict[str, Any]) -> tuple[bytes, bytes, str]:
    raw = scope.get("raw_path") or scope["path"].encode("utf-8")
    return raw, scope["query_string"], scope["scheme"]


def answer_kept(pub: Published, scope: dict[str, Any], send: Any) -> Awaitable[None] | None:
    """The sending of the kept answer to a GET or HEAD (a 200, or a 304 to a conditional request
    whose copy is current), or None when the request must go through the app.

    Called first for every request (:class:`Server`): no routing, no middleware, no Request or
    Response object, no thread, no header made.
    """
    method = scope["method"]
    if method != "GET" and method != "HEAD":
        return None
    raw, query, scheme = _key(scope)
    found = _find(pub, raw, query, scheme, scope["headers"])
    if found is None:
        return None
    kept, not_modified = found
    if not_modified:
        return _send_two(send, kept.not_modified, kept.empty)
    return _send_two(send, kept.start, kept.empty if method == "HEAD" else kept.body)


async def _send_two(send: Any, start: dict[str, Any], body: dict[str, Any]) -> None:
    await send(start)
    await send(body)


class ResponseCache:
    """Keeps GET answers as bytes, per store generation, for :func:`answer_kept` to send again.

    The outermost middleware (inside Starlette's error handler): the kept answer is the whole answer
    as it was sent, security, CORS and language headers included. Only answers their handler marked
    (:data:`KEEP`: pages, RDF documents, canned and SPARQL GET answers; not errors, not the
    downloads page), with status 200, sent in one piece of at most :data:`KEEP_ONE` bytes, without
    ``Set-Cookie``, ``no-store`` or ``private``. The cache belongs to the generation's
    :class:`Published` that made the answer, so a finished load starts an empty one.
    """

    def __init__(self, app: Any, owner: Starlette) -> None:
        self.app = app
        self.owner = owner

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        picked: list[tuple[bytes, bytes]] = []
        for name, value in scope["headers"]:
            if name in _KEY_HEADERS:
                picked.append((name, value))
            elif name in _BODY_HEADERS:
                await self.app(scope, receive, send)
                return
        key = (*_key(scope), *picked)
        start: dict[str, Any] | None = None
        parts: list[bytes] | None = []

        async def recording_send(message: dict[str, Any]) -> None:
            nonlocal start, parts
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and parts is not None:
                parts.append(message.get("body", b""))
                if message.get("more_body") or sum(map(len, parts)) > KEEP_ONE:
                    parts = None  # streamed or big: not kept
                else:  # kept before the client has it: its next request finds it
                    self._keep(scope, key, start, parts)
            await send(message)

        await self.app(scope, receive, recording_send)

    def _keep(self, scope: dict[str, Any], key: tuple[Any, ...], start: dict[str, Any] | None, parts: list[bytes]) -> None:
        served = scope.get(SERVED_BY)
        if start is None or start["status"] != 200 or not scope.get(KEEP):
            return
        headers = list(start.get("headers") or [])
        if served is self.owner.state.published and _shareable(headers):  # not of a generation since replaced
            served.keep(key, headers, b"".join(parts))


def _stamp(path: str) -> tuple[int, int] | None:
    if not path:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns


def _last_modified(path: str | None) -> dt.datetime:
    """When the data last changed: the newest file of an on-disk store, else now."""
    if path:
        try:
            newest = max((p.stat().st_mtime for p in Path(path).rglob("*") if p.is_file()), default=None)
        except OSError:
            newest = None
        if newest:
            return dt.datetime.fromtimestamp(int(newest), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Published:
    """Everything the app holds: view, pool, cache, settings. One per app (``app.state.published``)."""

    def __init__(self, settings: Settings, source: Source, *, workers: int, root: str, store_path: str | None,
                 sparql_path: str = "/sparql") -> None:
        self.settings = settings
        self.base = settings.base
        self.source = source  # keeps the store (and so its pyoxigraph store) alive while served
        # An on-disk store opened read-only is one generation of its folder; a finished load
        # changes the folder's token and the server switches to it (FollowLoads).
        self.folder = source.folder if isinstance(source, LocalStore) and source.read_only else None
        # The pointer file's identity (inode, mtime) as of the token read: a load replaces the file
        # by a rename, so one stat per request tells whether to read it again (FollowLoads).
        self.pointer = str(Path(self.folder) / generations.POINTER) if self.folder is not None else ""
        self.pointer_stamp = _stamp(self.pointer)
        self.generation = generations.token(self.folder) if self.folder is not None else ""
        self._args = (workers, root, sparql_path)
        self.store = source.ox
        path = store_folder(source)
        self.store_path = store_path or path
        self.root = root.rstrip("/")
        self.modified = _last_modified(self.store_path)
        self.last_modified = email.utils.format_datetime(self.modified, usegmt=True)
        self.info = DatasetInfo(site_url=self.base, sparql_endpoint=self.base + "sparql")
        # The VoID statistics and the view's label tables take seconds to a minute on a big store:
        # they are computed in a thread once the server listens (:meth:`warm`), never in create_app
        # or on the event loop, so the server answers at once and pages wait only for what they need.
        self._state: tuple[list[Any], GraphView, ServerLinker] | None = None
        self._state_lock = threading.Lock()
        self._void: list[Any] | None = None
        self._void_lock = threading.Lock()
        self._warming: asyncio.Future[None] | None = None
        self.queries = load_queries()
        self.pool = QueryPool.for_store(self.store, path=self.store_path, size=workers, timeout=settings.query_timeout,
                                        memory_mib=settings.worker_memory)
        self.cache: OrderedDict[tuple[str, ...], tuple[bytes, str, str]] = OrderedDict()
        # commitments lists by what they are of and the day (each page of each URL asking for one
        # reads it from here: a list of 10,000 reports takes seconds)
        self.lists: OrderedDict[tuple[str, ...], Any] = OrderedDict()
        self._lists_lock = threading.Lock()
        self.canned_headers: dict[tuple[str, ...], dict[str, str]] = {}
        # whole answers (start message, body message) by request key (ResponseCache)
        self.responses: OrderedDict[tuple[Any, ...], Kept] = OrderedDict()
        self._response_bytes = 0
        self.keep_entries, self.keep_bytes = KEEP_ENTRIES, KEEP_BYTES
        self._fresh_until = 0.0  # monotonic time until which the pointer is not looked at (stale())
        self.dump_dir: Path | None = None
        self.dump_lock = asyncio.Lock()
        self.sparql_path = sparql_path
        # VoID statistics and the home page's data as `rcmkg load` stored them with this generation
        # (rcmkg.index.published): with them the view is ready at once, nothing scans the archive.
        self.entry = cached_published(source)
        if self.entry is not None:
            self._ensure()

    def successor(self, source: Source) -> Published:
        """The same server over ``source`` (the store's new generation after a load)."""
        workers, root, sparql_path = self._args
        return Published(self.settings, source, workers=workers, root=root, store_path=None, sparql_path=sparql_path)

    # the view: from what `rcmkg load` stored, at once; else (a store from --data, or loaded by an
    # older rcmkg) counted off the loop
    def _ensure(self) -> tuple[list[Any], GraphView, ServerLinker]:
        with self._state_lock:
            if self._state is None:
                entry = self.entry
                if entry is not None:
                    # The description (6 triples a graph) is made when first asked for (the VoID
                    # document, the dataset's page), not before the first answer.
                    void: list[Any] = []
                    view = GraphView(self.store, self.base, extra=lambda: self.void, actor_rows=actor_rows_of(self.source),
                                     quiet=quiet_of(self.source))
                    view.seed(entry.labels, entry.pages)
                else:
                    void = describe_dataset(self.store, self.base, self.info)
                    view = GraphView(self.store, self.base, extra=void, actor_rows=actor_rows_of(self.source),
                                     quiet=quiet_of(self.source))
                self._state = (void, view, ServerLinker(self.base, view, root=self.root))
            return self._state

    def _description(self) -> list[Any]:
        with self._void_lock:
            if self._void is None:
                state = self._ensure()
                entry = self.entry
                self._void = state[0] or describe_dataset(self.store, self.base, self.info,
                                                          stats=entry.stats if entry else None)
            return self._void

    def _build(self) -> None:
        self._ensure()

    @property
    def ready(self) -> bool:
        return self._state is not None

    async def warm(self) -> None:
        """Wait (without blocking the loop) until the view is there; the first call starts it."""
        if self._state is not None:
            return
        if self._warming is None:
            self._warming = asyncio.ensure_future(asyncio.to_thread(self._build))
        await asyncio.shield(self._warming)

    @property
    def void(self) -> list[Any]:
        """The VoID/DCAT description's triples (made on first use from the stored statistics)."""
        return self._void if self._void is not None else self._description()

    @property
    def view(self) -> GraphView:
        return self._ensure()[1]

    @property
    def linker(self) -> ServerLinker:
        """The linker of the request being answered (its interface language: rcmkg.publish.language)."""
        return localise(self._ensure()[2])

    # caching
    def cached(self, key: tuple[str, ...], make: Callable[[], tuple[bytes, str]]) -> tuple[bytes, str, str]:
        """(body, content type, etag) for ``key``, computed once per interface language and URL."""
        key = key + page_key()
        hit = self.cache.get(key)
        if hit is not None:
            self.cache.move_to_end(key)
            return hit
        body, ctype = make()
        etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
        self.cache[key] = (body, ctype, etag)
        if len(self.cache) > CACHE_ENTRIES:
            self.cache.popitem(last=False)
        return body, ctype, etag

    def commitment_list(self, key: tuple[str, ...], make: Callable[[], Any]) -> Any:
        """The list ``make`` gives, kept for the next pages and ways of asking for it (LISTS of them)."""
        with self._lists_lock:  # one computation at a time: a list holds a core for seconds
            hit = self.lists.get(key)
            if hit is None:
                hit = self.lists[key] = make()
                if len(self.lists) > LISTS:
                    self.lists.popitem(last=False)
            self.lists.move_to_end(key)
            return hit

    def changed(self) -> bool:
        """Whether the store's pointer may name another generation than this one's (one stat; the
        pointer is read when its file changed)."""
        stamp = _stamp(self.pointer)
        if stamp == self.pointer_stamp:
            return False
        if self.folder is not None and generations.token(self.folder) == self.generation:
            self.pointer_stamp = stamp  # rewritten with the same name
            return False
        return True

    def stale(self) -> bool:
        """Whether a load may have finished since (:meth:`changed`), looked at no more than every
        :data:`CHECK_EVERY` seconds: requests in between trust the last look."""
        if self.folder is None:
            return False
        now = time.monotonic()
        if now < self._fresh_until:
            return False
        if self.changed():
            return True
        self._fresh_until = now + CHECK_EVERY
        return False

    def keep(self, key: tuple[Any, ...], headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        """Keep an answer for :func:`answer_kept`, dropping the least recently used past the bounds
        (:attr:`keep_entries` answers, :attr:`keep_bytes` bytes)."""
        if key in self.responses or len(body) > KEEP_ONE:
            return
        kept = Kept(headers, body)
        self.responses[key] = kept
        self._response_bytes += kept.size
        while self.responses and (len(self.responses) > self.keep_entries or self._response_bytes > self.keep_bytes):
            _, old = self.responses.popitem(last=False)
            self._response_bytes -= old.size

    async def cached_async(self, key: tuple[str, ...], make: Callable[[], tuple[bytes, str]]) -> tuple[bytes, str, str]:
        """:meth:`cached` from the event loop: a hit is answered on the loop, only a miss goes to a thread."""
        full = key + page_key()  # the key :meth:`cached` stores under
        hit = self.cache.get(full)
        if hit is not None:
            self.cache.move_to_end(full)
            return hit
        return await asyncio.to_thread(self.cached, key, make)

    def render(self, template: str, **context: Any) -> bytes:
        return render(template, self.linker, **context).encode("utf-8")


# --- responses ---------------------------------------------------------------------------------------


def _etag_matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    tags = [t.strip() for t in header.split(",")]
    return etag in tags or f"W/{etag}" in tags


def _conditional(request: Any, pub: Published, body: bytes, ctype: str, etag: str, status: int = 200,
                 headers: dict[str, str] | None = None, keep: bool = True) -> Any:
    """A 200 (or ``status``) with validators, or a 304 when the client's copy is current. With
    ``keep``, the 200 is the same for every later request with the same URL and headers
    (:class:`ResponseCache` answers those)."""
    if keep and status == 200:
        request.scope[KEEP] = True
    h = {"ETag": etag, "Last-Modified": pub.last_modified, "Cache-Control": "public, max-age=300"}
    h.update(headers or {})
    inm = request.headers.get("if-none-match")
    if status == 200 and inm is not None:
        if _etag_matches(inm, etag):
            return Response(status_code=304, headers=h)
    elif status == 200 and (ims := request.headers.get("if-modified-since")):
        try:
            since = email.utils.parsedate_to_datetime(ims)
            if since.tzinfo is None:
                since = since.replace(tzinfo=dt.UTC)
            if pub.modified <= since:
                return Response(status_code=304, headers=h)
        except (TypeError, ValueError):
            pass
    return Response(body, status_code=status, media_type=None, headers={**h, "Content-Type": ctype})


def _wants_html(request: Any) -> bool:
    fmt = conneg.negotiate(request.headers.get("accept"), (HTML, conneg.Format("txt", "text/plain", "txt", "text")))
    return fmt is not None and fmt.key == "html"


def _error(request: Any, pub: Published, status: int, title: str, message: str, **context: Any) -> Any:
    """An error answer: an HTML page for browsers, one line of text for everything else."""
    headers = {"Cache-Control": "no-store"}
    if _wants_html(request):
        body = pub.render("error.html", status=status, title=title, message=message,
                          iri=context.pop("iri", None), suggestions=context.pop("suggestions", []),
                          hits=context.pop("hits", []))
        return Response(body, status_code=status, headers={**headers, "Content-Type": HTML.content_type})
    return Response(f"{status} {title}: {message}\n".encode(), status_code=status,
                    headers={**headers, "Content-Type": "text/plain; charset=utf-8"})


def _not_found(request: Any, pub: Published, iri: str) -> Any:
    tail = iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")
    kept = stored_search_index(pub.source)
    if kept is not None:
        # From the index rcmkg load wrote: the view's own (every IRI, every label) would be listed
        # for this request, 21 s at 10,000 reports for the first unknown name.
        suggestions = pub.view.suggest(iri, under=kept.children)
        lang = i18n.current()
        hits: list[Any] = [SimpleNamespace(iri=h.iri, label=(h.title_es if lang == "es" and h.title_es else h.title))
                           for h in kept.search(tail, lang=lang, limit=10, facets=False).hits] if tail else []
    else:
        suggestions = pub.view.suggest(iri)
        hits = pub.view.search(tail, limit=10) if tail else []
    return _error(request, pub, 404, "Not found", f"There is no resource {iri} in this graph.",
                  iri=iri, suggestions=suggestions, hits=hits)


async def _exists(pub: Published, iri: str) -> bool:
    """Whether ``iri`` has a page: known answers on the loop, a first lookup in a thread (it may
    make the dataset's description)."""
    known = pub.view.known(iri)
    return known if known is not None else await asyncio.to_thread(pub.view.exists, iri)


def _pub(request: Any) -> Published:
    pub = request.app.state.published
    assert isinstance(pub, Published)
    return pub


# --- resources ---------------------------------------------------------------------------------------


def _iri_for(pub: Published, space: str, path: str) -> str:
    return (pub.base + "id/" if space == "id" else VOC) + path


def _representation(pub: Published, iri: str, fmt: Format) -> tuple[bytes, str]:
    """The bytes of one representation of ``iri`` (raises NotFound)."""
    desc = pub.view.describe(iri) if pub.view.exists(iri) else None
    if desc is None:
        raise NotFound(iri)
    if fmt.key == "html":
        return render_resource(pub.linker, desc).encode("utf-8"), fmt.content_type
    return rdf_bytes(_with_topic(pub, iri, desc.triples), fmt.key), fmt.content_type


def _with_topic(pub: Published, iri: str, triples: list[Any]) -> list[Any]:
    """Add ``<doc> foaf:primaryTopic <thing>``: a document says what it is about (Cool URIs §4.3)."""
    doc = pub.linker.doc_path(iri)
    if doc is None:
        return triples
    return [*triples, Triple(NamedNode(pub.base + doc), NamedNode(FOAF + "primaryTopic"), NamedNode(iri))]


def _link_header(pub: Published, iri: str) -> str:
    return ", ".join(f'<{h}>; rel="alternate"; type="{f.media_type}"' for f, h in pub.linker.alternates(iri))


async def thing(request: Any) -> Any:
    """``/id/...`` and ``/voc/...`` without a document: 303 to the description the client prefers."""
    pub = _pub(request)
    space = request.scope["route_space"] if "route_space" in request.scope else "id"
    path = request.path_params["path"]
    iri = _iri_for(pub, space, path)
    if not await _exists(pub, iri):
        return await asyncio.to_thread(_not_found, request, pub, iri)  # suggestions: label scans
    fmt = conneg.by_key(request.query_params.get("format"), RDF_FORMATS) or \
        conneg.negotiate(request.headers.get("accept"), RDF_FORMATS)
    if fmt is None:
        return _error(request, pub, 406, "Not acceptable", _formats_message(RDF_FORMATS))
    doc = pub.linker.doc_path(iri) or ""
    # A concept's document is its own URL plus a suffix (.html too), or it would redirect to itself.
    location = pub.linker.page(doc, None if fmt.key == "html" and space != "voc" else fmt)
    return Response(status_code=303, headers={"Location": location, "Vary": "Accept", "Cache-Control": "public, max-age=300",
                                              "Link": _link_header(pub, iri)})


def _formats_message(offered: tuple[Format, ...]) -> str:
    return "this resource is available as " + ", ".join(f"{f.label} ({f.media_type})" for f in offered)


async def document(request: Any) -> Any:
    """``/doc/{path}[.ext]``: one representation, chosen by suffix, ``?format=`` or Accept."""
    pub = _pub(request)
    space = "voc" if request.url.path[len(pub.root):].startswith("/voc/") else "id"
    stem, fmt = conneg.split_extension(request.path_params["path"])
    iri = _iri_for(pub, space, stem)
    headers = {"Link": _link_header(pub, iri)}
    if fmt is None:
        fmt = conneg.by_key(request.query_params.get("format"), RDF_FORMATS) or \
            conneg.negotiate(request.headers.get("accept"), RDF_FORMATS)
        headers["Vary"] = "Accept"
        if fmt is None:
            if not await _exists(pub, iri):
                return await asyncio.to_thread(_not_found, request, pub, iri)  # suggestions: label scans
            return _error(request, pub, 406, "Not acceptable", _formats_message(RDF_FORMATS))
        if fmt.key != "html":
            headers["Content-Location"] = pub.linker.page(pub.linker.doc_path(iri) or "", fmt)
    if not await _exists(pub, iri):
        return await asyncio.to_thread(_not_found, request, pub, iri)  # suggestions: label scans
    body, ctype, etag = await pub.cached_async(("doc", iri, fmt.key), lambda: _representation(pub, iri, fmt))
    return _conditional(request, pub, body, ctype, etag, headers=headers)


async def cite(request: Any) -> Any:
    """``/cite/{path}.bib`` and ``.json``: the citation of a meeting or an agreement as BibTeX or
    CSL-JSON (rcmkg.publish.cite), for reference managers."""
    pub = _pub(request)
    split = split_cite_path(request.path_params["path"])
    if split is None:
        return _error(request, pub, 404, "Not found", "a citation is served as .bib (BibTeX) or .json (CSL-JSON)")
    stem, kind = split
    iri = _iri_for(pub, "id", stem)

    def make() -> tuple[bytes, str]:
        desc = pub.view.describe(iri) if pub.view.exists(iri) else None
        if desc is None or desc.cite is None:
            raise NotFound(f"no meeting or agreement {iri} to cite")
        return desc.cite.download(kind)

    body, ctype, etag = await asyncio.to_thread(pub.cached, ("cite", iri, kind), make)
    name = stem.replace("/", "_") + SUFFIXES[kind]
    return _conditional(request, pub, body, ctype, etag, headers={"Content-Disposition": f'attachment; filename="{name}"'})


async def voc_thing(request: Any) -> Any:
    """A concept or concept scheme (``/voc/...``, the w3id redirect points here) is a thing, not a
    document: 303 by Accept to ``/voc/....html`` or ``.ttl`` etc. (W3C vocabulary recipes, slash
    namespace); with a suffix, that document."""
    if conneg.split_extension(request.path_params["path"])[1] is not None:
        return await document(request)
    request.scope["route_space"] = "voc"
    return await thing(request)


async def ontology(request: Any) -> Any:
    """The ontology IRI (hash namespace, W3C vocabulary recipe 3): ``/ont`` 303s by Accept to
    ``/ont.html`` (pyLODE) or ``/ont.ttl`` etc., which serve it (:mod:`rcmkg.publish.vocab`)."""
    pub = _pub(request)
    ext = request.path_params.get("ext")
    stem = request.url.path[len(pub.root):].rsplit(".", 1)[0] if ext else request.url.path[len(pub.root):]
    if ext is None:
        fmt = conneg.by_key(request.query_params.get("format"), ONTOLOGY_FORMATS) or \
            conneg.negotiate(request.headers.get("accept"), ONTOLOGY_FORMATS)
        if fmt is None:
            return _error(request, pub, 406, "Not acceptable", _formats_message(ONTOLOGY_FORMATS))
        return Response(status_code=303, headers={"Location": f"{pub.root}{stem}.{fmt.extension}", "Vary": "Accept",
                                                  "Cache-Control": "public, max-age=300"})
    fmt = next((f for f in ONTOLOGY_FORMATS if f.extension == ext), None)
    if fmt is None:
        return _error(request, pub, 404, "Not found", f"the ontology is served as {_formats_message(ONTOLOGY_FORMATS)}")

    def make() -> tuple[bytes, str]:
        body = ontology_html().encode("utf-8") if fmt.key == "html" else ontology_document(fmt)
        return body, fmt.content_type

    body, ctype, etag = await pub.cached_async(("ontology", fmt.key), make)
    return _conditional(request, pub, body, ctype, etag)


def _meetings_on(pub: Published, page: int) -> tuple[list[dict[str, Any]], int]:
    """The meetings of page ``page`` of the meetings list (MEETINGS_PAGE, newest first), with their
    years, and how many meetings there are."""
    entry = pub.entry
    cut = slice((page - 1) * MEETINGS_PAGE, page * MEETINGS_PAGE)
    if entry is not None:  # as `rcmkg load` listed them (newest first), labels included
        total = len(entry.meetings)
        meetings = pub.view.meetings([msgspec.structs.asdict(m) for m in entry.meetings[cut]])
    else:
        meetings = pub.view.meetings()
        total = len(meetings)
        meetings = meetings[cut]
    for m in meetings:
        m["year"] = m["date"][:4]
    return meetings, total


async def home(request: Any) -> Any:
    pub = _pub(request)

    def make() -> tuple[bytes, str]:
        entry = pub.entry
        meetings, total = _meetings_on(pub, 1)
        tracks = pub.view.tracked_items([(t.track, t.agreements) for t in entry.tracks] if entry is not None else None)
        return pub.render("home.html", meetings=meetings, meetings_total=total, tracks=tracks,
                          triples=_total(pub),
                          page_feeds=[("", pub.linker.url("feed:meetings"))]), HTML.content_type

    body, ctype, etag = await pub.cached_async(("home",), make)
    return _conditional(request, pub, body, ctype, etag)


async def meetings_page(request: Any) -> Any:
    """``/meetings?page=2``: every meeting, newest first, MEETINGS_PAGE a page (the first is the home page's)."""
    pub = _pub(request)
    try:
        number = _page_number(request.query_params.get("page"))
    except UsageError as exc:
        return _error(request, pub, 400, "Bad request", str(exc))

    def make() -> tuple[bytes, str]:
        meetings, total = _meetings_on(pub, number)
        pages = pages_of(total, MEETINGS_PAGE)
        if number > pages:
            raise NotFound(f"the list of meetings has {pages} page(s)")
        return pub.render("meetings.html", meetings=meetings, meetings_total=total,
                          pager=list_pager(pub.linker, "meetings", number, pages),
                          page_feeds=[("", pub.linker.url("feed:meetings"))]), HTML.content_type

    try:
        body, ctype, etag = await pub.cached_async(("meetings", str(number)), make)
    except NotFound as exc:
        return _error(request, pub, 404, "Not found", str(exc))
    return _conditional(request, pub, body, ctype, etag)


def _total(pub: Published) -> int | None:
    if pub.entry is not None:
        return pub.entry.stats.total
    for t in pub.void:
        if t.predicate.value == VOID + "triples" and t.subject.value == pub.base + "id/dataset":
            return int(t.object.value)
    return None


# --- tracked items and commitments ---------------------------------------------------------------------


async def trace_page(request: Any) -> Any:
    """``/trace/{item}?page=2``: a page of a tracked item's timeline (TIMELINE_ROWS meetings)."""
    pub = _pub(request)
    slug = request.path_params["item"]
    try:
        number = _page_number(request.query_params.get("page"))
    except UsageError as exc:
        return _error(request, pub, 400, "Bad request", str(exc))

    def make() -> tuple[bytes, str]:
        return timeline_page(pub.source, pub.base, slug, pub.linker, number).encode("utf-8"), HTML.content_type

    try:
        body, ctype, etag = await pub.cached_async(("trace", slug, str(number)), make)
    except NotFound as exc:
        return _error(request, pub, 404, "Not found", str(exc),
                      hits=pub.view.search(slug.replace("-", " "), limit=10) if number == 1 else [])
    return _conditional(request, pub, body, ctype, etag)


# --- full-text search, exports and feeds (rcmkg.search, rcmkg.publish.exports, rcmkg.publish.feeds) ----------


def _params(request: Any) -> list[tuple[str, str]]:
    return [(k, v) for k, v in request.query_params.multi_items() if v]


def _page_lang(request: Any) -> str:
    """The interface language (rcmkg.publish.language); a ``?lang=`` that names no interface language is an error."""
    if (request.query_params.get("lang") or "en") not in i18n.LANGS:
        raise UsageError("lang must be " + " or ".join(i18n.LANGS))
    return i18n.current()


def _export(request: Any, pub: Published, key: tuple[str, ...], fmt: str, table: Callable[[], Table]) -> Any:
    """A list as a download (CSV, XLSX or JSON), cached and with validators like a page."""
    if fmt not in EXPORT_FORMATS:
        return _error(request, pub, 404, "Not found", "lists are exported as " + ", ".join(EXPORT_FORMATS))

    def make() -> tuple[bytes, str]:
        t = table()
        return t.render(fmt), EXPORT_FORMATS[fmt]

    body, ctype, etag = pub.cached(("export", fmt, *key), make)
    name = key[0] if key else "export"
    return _conditional(request, pub, body, ctype, etag,
                        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


def _search_result(request: Any, pub: Published, limit: int = 20) -> SearchResult:
    q = (request.query_params.get("q") or "").strip()[:200]
    filters = clean_filters({f: request.query_params.getlist(f) for f in FACETS})
    try:
        offset = max(0, int(request.query_params.get("offset") or 0))
    except ValueError:
        raise UsageError("offset must be a number") from None
    return search_index(pub.source).search(q, filters, lang=_page_lang(request), limit=limit, offset=offset)


async def search(request: Any) -> Any:
    """``/search?q=&country=&year=...``: full-text search with facets; JSON by ``Accept``."""
    pub = _pub(request)
    try:
        _page_lang(request)
    except UsageError as exc:
        return _error(request, pub, 400, "Bad request", str(exc))
    wants_json = conneg.negotiate(request.headers.get("accept"), (HTML, conneg.Format("json", "application/json", "json", "JSON"))
                                  ) is not None and "json" in (request.headers.get("accept") or "") and not _wants_html(request)
    if wants_json:
        return await search_export(request, "json")
    params = _params(request)

    def make() -> tuple[bytes, str]:
        result = _search_result(request, pub)
        return pub.render("search.html", **search_model(result, params, f"{pub.root}/search")), HTML.content_type

    try:
        body, ctype, etag = await asyncio.to_thread(pub.cached, ("search", *map("=".join, params)), make)
    except UsageError as exc:
        return _error(request, pub, 400, "Bad request", str(exc))
    return _conditional(request, pub, body, ctype, etag, headers={"Vary": "Accept"})


async def search_export(request: Any, fmt: str | None = None) -> Any:
    """``/search.json|csv|xlsx?q=...``: the same search as data (JSON: hits, facets and counts)."""
    pub = _pub(request)
    fmt = fmt or request.path_params["fmt"]
    params = _params(request)
    try:
        if fmt == "json":
            body, ctype, etag = await asyncio.to_thread(pub.cached, ("search.json", *map("=".join, params)), lambda: (
                json.dumps(_search_result(request, pub, limit=int(request.query_params.get("limit") or 20)).to_dict(),
                           ensure_ascii=False).encode(), "application/json"))
            return _conditional(request, pub, body, ctype, etag, headers={"Vary": "Accept"})
        return await asyncio.to_thread(_export, request, pub, ("search", *map("=".join, params)), fmt,
                                       lambda: search_table(_search_result(request, pub, limit=MAX_LIMIT)))
    except (UsageError, ValueError) as exc:
        return _error(request, pub, 400, "Bad request", str(exc))


def _commitment_args(request: Any) -> dict[str, str | None]:
    return {k: (request.query_params.get(k) or None) for k in ("status", "actor", "item")}


async def commitments_page(request: Any) -> Any:
    """``/commitments?actor=IOM&item=...&status=open&page=2``: a page of the list (COMMITMENT_ROWS
    rows), its exports (the whole list) and its feed links."""
    pub = _pub(request)
    args = _commitment_args(request)

    def make(number: int, given: dict[str, str], listed: tuple[bool, list[Any]], day: str) -> tuple[bytes, str]:
        light, rows = listed
        total = None
        if light:  # the whole list's stand-ins: the page's own rows read in full
            total, rows = len(rows), full_commitments(pub.source, on_page(rows, number), status=given.get("status"),
                                                      as_of=day)
        model = commitments_model(pub.source, pub.view, given.get("status"), given.get("actor"), given.get("item"),
                                  page=number, raw=rows, total=total)
        if number > model["pages"]:
            raise NotFound(f"the list has {model['pages']} page(s)")
        query = urlencode(list(given.items()))
        exports = [(f.upper(), f"{pub.root}/commitments.{f}" + (f"?{query}" if query else "")) for f in EXPORT_FORMATS]
        actors = commitment_actors(pub.source, pub.view)
        feeds = [(model["actor_label"], pub.linker.url(f"feed:{actor_feed_path(model['actor'].iri, pub.base)}"))
                 ] if model["actor"] else []
        pager = {"page": number, "pages": model["pages"],
                 "prev": pub.linker.url("commitments", **given, page=str(number - 1)) if number > 1 else None,
                 "next": pub.linker.url("commitments", **given, page=str(number + 1)) if number < model["pages"] else None,
                 } if model["pages"] > 1 else None
        return pub.render("commitments.html", **model, exports=exports, actors=actors, form=True, feeds=feeds,
                          pager=pager, action=pub.linker.url("commitments")), HTML.content_type

    def answer() -> tuple[bytes, str, str]:
        number = _page_number(request.query_params.get("page"))
        # Keyed by what the list is of, as resolved (not by the URL's other parameters, or the
        # spelling of a name: each would compute the list again).
        who, what = commitment_filters(pub.source, args["actor"], args["item"])
        given = {k: v for k, v in (("actor", who.slug if who else None), ("item", what.slug if what else None),
                                   ("status", args["status"])) if v}
        of = (args["status"] or "", who.iri if who else "", what.iri if what else "", dt.date.today().isoformat())

        def whole() -> tuple[bool, list[Any]]:
            # the list of every commitment, from the stand-ins the load kept (None without an index)
            light = None if who or what else listed_commitments(pub.source, status=args["status"], as_of=of[3])
            return (True, light) if light is not None else (False, commitments(
                pub.source, actor=of[1] or None, item=of[2] or None, status=args["status"], as_of=of[3]))

        listed = pub.commitment_list(of, whole)
        return pub.cached(("commitments", *of, str(number)), lambda: make(number, given, listed, of[3]))

    try:
        body, ctype, etag = await asyncio.to_thread(answer)
    except (UsageError, NotFound) as exc:
        return _error(request, pub, 404 if isinstance(exc, NotFound) else 400, "Not found" if isinstance(exc, NotFound)
                      else "Bad request", str(exc))
    return _conditional(request, pub, body, ctype, etag)


async def commitments_export(request: Any) -> Any:
    pub = _pub(request)
    args = _commitment_args(request)
    try:
        return await asyncio.to_thread(_export, request, pub, ("commitments", *map("=".join, _params(request))),
                                       request.path_params["fmt"], lambda: commitments_table(commitments_model(
                                           pub.source, pub.view, args["status"], args["actor"], args["item"])["raw"]))
    except (UsageError, NotFound) as exc:
        return _error(request, pub, 404 if isinstance(exc, NotFound) else 400, "Not found" if isinstance(exc, NotFound)
                      else "Bad request", str(exc))


async def trace_export(request: Any) -> Any:
    """``/trace/{item}.csv|xlsx|json``: a tracked item's timeline as a list."""
    pub = _pub(request)
    slug, fmt = request.path_params["item"], request.path_params["fmt"]
    if fmt not in EXPORT_FORMATS:
        return await trace_page(request)  # a slug with a dot
    try:
        return await asyncio.to_thread(_export, request, pub, (f"timeline-{slug}",), fmt, lambda: timeline_table(
            trace(pub.source, track_iri(pub.source, pub.base, slug)), f"timeline-{slug}"))
    except NotFound as exc:
        return _error(request, pub, 404, "Not found", str(exc))


async def canned_xlsx(request: Any) -> Any:
    """``/query/NAME.xlsx?param=value``: a canned query's answer as a spreadsheet (run as SPARQL JSON)."""
    pub = _pub(request)
    name = request.path_params["name"]
    try:
        q = find_query(name, pub.queries)
        values = {k: v for k, v in request.query_params.items() if k not in ("format", "output")}
        text = q.bind_request(values)
    except NotFound as exc:
        return _error(request, pub, 404, "Not found", str(exc))
    except UsageError as exc:
        return _error(request, pub, 400, "Bad request", str(exc))
    key = ("canned", text, "json", "")
    hit = pub.cache.get(key)
    if hit is None:
        unbound = not any(v and v.strip() for v in values.values())
        parts = await asyncio.to_thread(whole_parts, pub.source, q) if unbound else None  # as canned() does
        try:
            answer = await pub.pool.run(QueryRequest(text, format="json", limit=pub.settings.result_limit,
                                                     answer_limit=pub.settings.answer_limit, parts=tuple(parts or ())))
        except (QueryTimeout, WorkerOutOfMemory, QueryError, UsageError) as exc:
            return _error(request, pub, 503, "Query failed", str(exc))
        hit = pub.cached(key, lambda: (answer.body, "application/json"))
    doc = json.loads(hit[0])
    return await asyncio.to_thread(_export, request, pub, (name, text), "xlsx", lambda: sparql_table(doc, name))


def _absolute(request: Any) -> Callable[[str], str]:
    origin = f"{request.url.scheme}://{request.url.netloc}"
    return lambda path: origin + path


async def feed(request: Any) -> Any:
    """``/feeds/meetings.atom``, ``/feeds/item/{slug}.atom``, ``/feeds/actor/{org|country|...}/{slug}.atom``."""
    pub = _pub(request)
    path = request.path_params["path"]
    absolute = _absolute(request)

    def make() -> tuple[bytes, str]:
        linker = pub.linker
        stored = [msgspec.structs.asdict(m) for m in pub.entry.meetings] if pub.entry is not None else None
        return build_feed(pub.source, pub.view, pub.base, path, lambda iri: absolute(linker.href(iri)),
                          lambda route: absolute(linker.url(route)), stored).xml(), FEED_TYPE

    try:
        body, ctype, etag = await asyncio.to_thread(pub.cached, ("feed", path, absolute("/")), make)
    except NotFound as exc:
        return _error(request, pub, 404, "Not found", str(exc))
    return _conditional(request, pub, body, ctype, etag)


# --- SPARQL --------------------------------------------------------------------------------------------


def _result_format_choices() -> list[tuple[str, str]]:
    return [("html", "HTML table"), ("json", "SPARQL JSON"), ("xml", "SPARQL XML"), ("csv", "CSV"), ("tsv", "TSV"),
            ("ttl", "Turtle (CONSTRUCT/DESCRIBE)"), ("jsonld", "JSON-LD (CONSTRUCT/DESCRIBE)"),
            ("nt", "N-Triples (CONSTRUCT/DESCRIBE)"), ("rdf", "RDF/XML (CONSTRUCT/DESCRIBE)")]


def _query_listing(pub: Published) -> list[dict[str, Any]]:
    out = []
    for q in pub.queries.values():
        href = pub.linker.url(f"query:{q.name}")
        links = [(label, pub.linker.url(f"query:{q.name}", format=key)) for key, label in
                 (("json", "JSON"), ("csv", "CSV"), ("tsv", "TSV"), ("xml", "XML"))] if not any(
                     p.required for p in q.params) else []
        out.append({"name": q.name, "purpose": q.purpose, "params": q.params, "text": q.text, "href": href, "links": links})
    return out


def _sparql_page(pub: Published, query: str = "", fmt: str = "html", answer: Any = None, error: str | None = None,
                 downloads: list[tuple[str, str]] | None = None) -> bytes:
    return pub.render(
        "sparql.html", endpoint=pub.base + "sparql", endpoint_action=pub.linker.url("sparql"), method="get",
        query=query or _DEFAULT_QUERY, fmt=fmt, formats=_result_format_choices(), answer=answer, error=error,
        queries=_query_listing(pub), timeout=f"{pub.settings.query_timeout:g}", limit=pub.settings.result_limit,
        downloads=downloads or [],
    )


_DEFAULT_QUERY = """SELECT ?meeting ?date ?label WHERE {
  ?meeting a rcm:Meeting ; schema:startDate ?date ; rdfs:label ?label .
}
ORDER BY ?date"""


async def _read_sparql_request(request: Any) -> tuple[str | None, dict[str, list[str]], Any]:
    """(query, parameters, error response) from a GET or POST as the SPARQL 1.1 Protocol allows."""
    pub = _pub(request)
    params: dict[str, list[str]] = {}
    for k, v in request.query_params.multi_items():
        params.setdefault(k, []).append(v)
    query = None
    if request.method == "POST":
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        length = int(request.headers.get("content-length") or 0)
        if length > pub.settings.request_limit:
            return None, params, _error(request, pub, 413, "Query too large",
                                        f"a request body may be at most {pub.settings.request_limit} bytes")
        if ctype == "application/sparql-update":
            return None, params, _read_only(request, pub)
        if ctype == "application/x-www-form-urlencoded":
            # Parsed here rather than with request.form(), which needs python-multipart for this too.
            body = await request.body()
            try:
                pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                return None, params, _error(request, pub, 400, "Bad request", "the form is not UTF-8")
            for k, v in pairs:
                params.setdefault(k, []).append(v)
        elif ctype == "application/sparql-query":
            body = await request.body()
            try:
                query = body.decode("utf-8")
            except UnicodeDecodeError:
                return None, params, _error(request, pub, 400, "Bad request", "the query is not UTF-8")
        else:
            return None, params, _error(request, pub, 415, "Unsupported media type",
                                        "POST a query as application/sparql-query or as the form field "
                                        "'query' (application/x-www-form-urlencoded)")
    if "update" in params:
        return None, params, _read_only(request, pub)
    if query is None and params.get("query"):
        if len(params["query"]) > 1:
            return None, params, _error(request, pub, 400, "Bad request", "give exactly one query parameter")
        query = params["query"][0]
    return query, params, None


def _read_only(request: Any, pub: Published, form: str = "") -> Any:
    what = f"{form} is an update; " if form else ""
    return _error(request, pub, 403, "Read-only endpoint",
                  f"{what}this SPARQL endpoint is read-only and does not accept SPARQL Update "
                  "(INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD). Download the dumps to work on a copy.")


async def sparql(request: Any) -> Any:
    """SPARQL 1.1 Protocol query operation."""
    pub = _pub(request)
    query, params, problem = await _read_sparql_request(request)
    if problem is not None:
        return problem
    fmt_key = next(iter(params.get("format") or params.get("output") or []), None)
    if not query:
        if fmt_key in (None, "html") and _wants_html(request):
            body, ctype, etag = pub.cached(("sparql-form",), lambda: (_sparql_page(pub), HTML.content_type))
            return _conditional(request, pub, body, ctype, etag)
        # No query: the SPARQL 1.1 Service Description (with the dataset it serves), in an RDF format.
        offered = [f for f in RDF_FORMATS if f.key != "html"]
        sd = conneg.format_for(fmt_key, offered) if fmt_key else conneg.negotiate(request.headers.get("accept"), offered)
        if sd is None:
            return _error(request, pub, 400, "Bad request", "missing the 'query' parameter (SPARQL 1.1 Protocol); "
                          "without one, /sparql gives its service description in RDF: " + _formats_message(tuple(offered)))
        body, ctype, etag = await pub.cached_async(("service-description", sd.key),
                                                   lambda: (rdf_bytes(pub.void, sd.key), sd.content_type))
        return _conditional(request, pub, body, ctype, etag, headers={"Vary": "Accept"})
    if len(query.encode("utf-8")) > MAX_QUERY_BYTES:
        return _error(request, pub, 413, "Query too large", f"a query may be at most {MAX_QUERY_BYTES // 1024} KiB")
    if (form := update_form(query)) is not None:
        return _read_only(request, pub, form)
    try:
        # SERVICE off unless allow-listed (SSRF), nesting bounded (the parser recurses): before any worker.
        shape = check_query(query, pub.settings.federation_allow, PREFIXES)
    except UsageError as exc:
        return _error(request, pub, 400, "Bad request", str(exc))
    req = QueryRequest(query, accept=request.headers.get("accept"), format=fmt_key,
                       default_graphs=tuple(params.get("default-graph-uri", [])),
                       named_graphs=tuple(params.get("named-graph-uri", [])), limit=pub.settings.result_limit,
                       answer_limit=pub.settings.answer_limit, federated=bool(shape.services),
                       base_iri=pub.info.sparql_endpoint)
    return await _answer(request, pub, req, page=lambda answer, error: _sparql_page(
        pub, query, "html", answer, error, downloads=_downloads(pub, query, answer)))


def _downloads(pub: Published, query: str, answer: Any) -> list[tuple[str, str]]:
    if answer is None:
        return []
    keys = ("json", "xml", "csv", "tsv") if answer.form != "graph" else ("ttl", "jsonld", "nt", "rdf")
    return [(k.upper(), pub.linker.url("sparql", query=query, format=k)) for k in keys]


async def _answer(request: Any, pub: Published, req: Any, page: Callable[[Any, str | None], bytes]) -> Any:
    """Run ``req`` in the pool; map errors to 400/503/504 with a message; HTML through ``page``."""
    try:
        answer = await pub.pool.run(req)
    except UsageError as exc:
        if req.format in (None, "html") and _wants_html(request):
            return Response(page(None, str(exc)), status_code=400, headers={"Content-Type": HTML.content_type})
        status = 406 if "cannot be given as" in str(exc) else 400
        return _error(request, pub, status, "Bad request" if status == 400 else "Not acceptable", str(exc))
    except QueryTimeout as exc:
        status = 503 if "busy" in str(exc) else 504
        return _error(request, pub, status, "Query timeout" if status == 504 else "Busy", str(exc))
    except WorkerOutOfMemory as exc:
        return _error(request, pub, 503, "Query stopped", str(exc))
    except QueryError as exc:
        return _error(request, pub, 500, "Query failed", str(exc))
    headers = {"X-Rcmkg-Rows": str(answer.count), "Cache-Control": "no-cache", "Vary": "Accept"}
    if answer.truncated:
        headers["X-Rcmkg-Truncated"] = f"cut at the result limit of {req.limit} rows"
    if request.method == "GET":
        request.scope[KEEP] = True  # the same answer until the store changes (ResponseCache)
    if answer.format == "html":
        return Response(page(answer, None), headers={**headers, "Content-Type": HTML.content_type})
    return Response(answer.body, headers={**headers, "Content-Type": answer.content_type or "application/octet-stream"})


async def query_index(request: Any) -> Any:
    pub = _pub(request)
    body, ctype, etag = pub.cached(("queries",), lambda: (
        pub.render("queries_index.html", queries=_query_listing(pub)), HTML.content_type))
    return _conditional(request, pub, body, ctype, etag)


async def canned(request: Any) -> Any:
    """``/query/NAME?param=value``: a canned query as a stable URL."""
    pub = _pub(request)
    name, fmt = conneg.split_extension(request.path_params["name"], RESULT_FORMATS)
    try:
        q = find_query(name, pub.queries)
    except NotFound as exc:
        return _error(request, pub, 404, "Not found", str(exc))
    values = {k: v for k, v in request.query_params.items() if k not in ("format", "output", "page", "limit")}
    fmt_key = fmt.key if fmt else request.query_params.get("format") or request.query_params.get("output")
    paging = _paging(request.query_params.get("page"), request.query_params.get("limit"))
    if paging is None and fmt_key in (None, "html") and _wants_html(request):
        paging = (1, PAGE_SIZE)  # a reader's page: the whole answer is a download (or ?limit) away

    def page(answer: Any, error: str | None) -> bytes:
        pager = None
        if isinstance(paging, tuple):
            number, size = paging
            pager = {"page": number, "limit": size,
                     "prev": pub.linker.url(f"query:{q.name}", page=str(number - 1), limit=str(size), **values) if number > 1 else None,
                     # a full page may have a successor; the next link of the last page leads to an empty one
                     "next": pub.linker.url(f"query:{q.name}", page=str(number + 1), limit=str(size), **values)}
        return pub.render("query.html", q=q, action=pub.linker.url(f"query:{q.name}"), values=values,
                          answer=answer, error=error, limit=pub.settings.result_limit, pager=pager,
                          downloads=[*((k.upper(), pub.linker.url(f"query:{q.name}", format=k, **values))
                                       for k in ("json", "xml", "csv", "tsv")),
                                     ("XLSX", pub.linker.url(f"query:{q.name}.xlsx", **values))] if answer else [])

    try:
        if isinstance(paging, str):
            raise UsageError(paging)
        given = [k for k, v in values.items() if v and v.strip()]
        # off the loop: the page's keys are read from the index
        text = (await asyncio.to_thread(page_query, pub.source, q, paging[1], paging[0], given) if paging else q
                ).bind_request(values)
    except UsageError as exc:
        if _wants_html(request) and fmt_key in (None, "html"):
            status = 200 if not values else 400  # the bare URL of a query with parameters shows its form
            return Response(page(None, None if not values else str(exc)), status_code=status,
                            headers={"Content-Type": HTML.content_type})
        return _error(request, pub, 400, "Bad request", str(exc))
    # The store does not change while served, so a canned answer is cached like a page (keyed by
    # the bound text and what the client asked for) and gets the same validators.
    key = ("canned", text, fmt_key or "", request.headers.get("accept", ""))
    hit = pub.cache.get(key + page_key())
    if hit is None:
        # The whole answer of an unbound query from the keys the load stored, joined a chunk at a
        # time until the rows given are read (the query itself ordered the archive: 1-10 s and
        # time-outs at 10,000 reports).
        parts = await asyncio.to_thread(whole_parts, pub.source, q) if not paging and not given else None
        req = QueryRequest(text, accept=request.headers.get("accept"), format=fmt_key, limit=pub.settings.result_limit,
                           answer_limit=pub.settings.answer_limit, parts=tuple(parts or ()))
        response = await _answer(request, pub, req, page)
        if response.status_code != 200:
            return response
        extra = {k: v for k, v in response.headers.items() if k.lower().startswith("x-rcmkg") or k.lower() == "vary"}
        hit = pub.cached(key, lambda: (response.body, response.headers["content-type"]))
        pub.canned_headers[key] = extra
    body, ctype, etag = hit
    return _conditional(request, pub, body, ctype, etag, headers=pub.canned_headers.get(key, {}))


def _page_number(page: str | None) -> int:
    """``?page=N`` of a list, from 1 (1 when not given); UsageError when it is no such number."""
    if page is None or page == "":
        return 1
    if not page.isascii() or not page.isdigit() or len(page) > 9 or int(page) < 1:
        raise UsageError("page must be a whole number from 1")
    return int(page)


def _paging(page: str | None, limit: str | None) -> tuple[int, int] | str | None:
    """``?page=N&limit=M`` of a canned query: (page, limit); None when neither is given; the problem
    as text when one is not a positive number. A page alone gets pages of PAGE_SIZE meetings."""
    if page is None and limit is None:
        return None
    try:
        number, size = int(page or 1), int(limit or PAGE_SIZE)
    except ValueError:
        return "page and limit must be whole numbers"
    if number < 1 or not 1 <= size <= 1000:
        return "page must be at least 1 and limit between 1 and 1000"
    return number, size


#: Meetings (or rows) on a page of a canned query when ``?page=`` comes without ``limit``.
PAGE_SIZE = 20


# --- downloads -----------------------------------------------------------------------------------------


async def _ensure_dumps(pub: Published) -> Path:
    async with pub.dump_lock:
        if pub.dump_dir is None:
            folder = Path(tempfile.mkdtemp(prefix="rcmkg-dumps-"))
            await asyncio.to_thread(write_dumps, pub.store, folder, pub.base)
            pub.dump_dir = folder
    return pub.dump_dir


async def downloads(request: Any) -> Any:
    pub = _pub(request)
    folder = pub.dump_dir
    dumps = []
    for d in DUMPS:
        size = (folder / d.filename).stat().st_size if folder and (folder / d.filename).exists() else None
        dumps.append(type(d)(**{**d.__dict__, "byte_size": size}))
    body = pub.render("downloads.html", dumps=dumps, void_href=f"{pub.root}/void.ttl",
                      ontology=False, validation=False)
    etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
    return _conditional(request, pub, body, HTML.content_type, etag, keep=False)  # sizes appear once made


async def dump(request: Any) -> Any:
    pub = _pub(request)
    name = request.path_params["name"]
    d = next((d for d in DUMPS if d.filename == name), None)
    if d is None:
        return _error(request, pub, 404, "Not found", f"no dump {name}; there are: " + ", ".join(x.filename for x in DUMPS))
    folder = await _ensure_dumps(pub)
    ctype = d.media_type + ("" if d.compress else "; charset=utf-8")
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if d.compress:
        ctype = d.compress
    return FileResponse(folder / name, media_type=ctype, headers=headers)


async def void_document(request: Any) -> Any:
    """The whole VoID/DCAT description (dataset, subsets, distributions, service) as Turtle."""
    pub = _pub(request)
    body, ctype, etag = await pub.cached_async(("void",), lambda: (rdf_bytes(pub.void, "ttl"), conneg.TURTLE.content_type))
    return _conditional(request, pub, body, ctype, etag)


async def favicon(request: Any) -> Any:
    return Response(status_code=204)


# --- the app -------------------------------------------------------------------------------------------


class FollowLoads:
    """Serve every request from the store's last complete load, without a restart.

    Per request one small read (the store's ``GENERATION`` pointer, :mod:`rcmkg.store.generations`);
    when a load has finished since, the new generation is opened read-only with its own SPARQL
    workers and caches (off the event loop), requests wait for it, and the old one is closed once
    the requests still using it have had their time.
    """

    def __init__(self, app: Any, owner: Starlette) -> None:
        self.app = app
        self.owner = owner
        self._lock: asyncio.Lock | None = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            pub = self.owner.state.published
            if pub.stale():
                self._lock = self._lock or asyncio.Lock()
                async with self._lock:
                    pub = self.owner.state.published
                    if generations.token(pub.folder) != pub.generation:
                        await self._switch(pub)
            scope[SERVED_BY] = self.owner.state.published
        await self.app(scope, receive, send)

    async def _switch(self, old: Published) -> None:
        token = generations.token(old.folder or "")
        try:
            source = await asyncio.to_thread(LocalStore, old.folder, base=old.base, read_only=True)
            new = await asyncio.to_thread(old.successor, source)
            await asyncio.to_thread(new.pool.start)
        except (RcmkgError, OSError) as exc:
            # Keep serving what we have; try again when the pointer changes next.
            old.generation = token
            print(f"rcmkg serve: cannot switch to the new load of {old.folder}: {exc}", file=sys.stderr)
            return
        self.owner.state.published = new

        async def retire() -> None:
            await asyncio.sleep(old.settings.query_timeout + 5)
            await asyncio.to_thread(old.pool.close)
            if old.dump_dir is not None:
                shutil.rmtree(old.dump_dir, ignore_errors=True)

        self.owner.state.retiring = asyncio.get_running_loop().create_task(retire())


def _kept(app: Any) -> Any:
    """``app`` with its 200 answers kept (:data:`KEEP`): the static files change with the package only."""

    async def keeping(scope: dict[str, Any], receive: Any, send: Any) -> None:
        scope[KEEP] = True
        await app(scope, receive, send)

    return keeping


class Server(Starlette):
    """The app: a request whose answer is kept (:func:`answer_kept`) is answered before anything
    else, Starlette's error handler and middleware included; every other request goes through
    them."""

    def kept_wire(self, head: bool, raw_path: bytes, query: bytes, scheme: str,
                  headers: list[tuple[bytes, bytes]]) -> tuple[bytes, bytes, bytes] | None:
        """(status line, headers, body) of the kept answer to a GET (or HEAD) as HTTP/1.1 bytes, or
        None: for the HTTP protocol (:func:`rcmkg.publish.limits.http_protocol`) to answer without
        starting a task, in one write."""
        found = _find(self.state.published, raw_path, query, scheme, headers)
        if found is None:
            return None
        kept, not_modified = found
        if not_modified:
            return b"HTTP/1.1 304 Not Modified\r\n", kept.wire_304, b""
        return b"HTTP/1.1 200 OK\r\n", kept.wire, b"" if head else kept.body["body"]

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            sending = answer_kept(self.state.published, scope, send)
            if sending is not None:
                await sending
                return
        await super().__call__(scope, receive, send)


def create_app(settings: Settings, source: Source, *, workers: int | None = None, root_path: str = "",
               store_path: str | os.PathLike[str] | None = None) -> Starlette:
    """The ASGI app serving ``source`` (the project's store) under ``settings.base``.

    ``store_path`` is its directory when it is on disk (default: the source's own), so SPARQL
    workers open it read-only instead of loading a copy. ``workers`` SPARQL worker processes
    (default: CPU count, at least 2) start with the app.

    >>> app = create_app(Settings(), open_local(Settings()))                                  # doctest: +SKIP
    >>> uvicorn.run(app, host="127.0.0.1", port=8000)                                                    # doctest: +SKIP
    """
    n_workers = workers or max(2, os.cpu_count() or 2)
    pub = Published(settings, source, workers=n_workers, root=root_path,
                    store_path=str(store_path) if store_path else None)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # Workers open the store (seconds on a big one) and the view is computed, both in threads
        # while the server already listens: a query waits for a free worker within its deadline.
        starting = asyncio.ensure_future(asyncio.to_thread(pub.pool.start))
        starting.add_done_callback(_report_start_failure)
        warming = asyncio.ensure_future(pub.warm())
        try:
            yield
        finally:
            warming.cancel()
            with contextlib.suppress(Exception):
                await starting
            current = app.state.published  # a later generation's after a load (FollowLoads)
            for p in {id(pub): pub, id(current): current}.values():
                await asyncio.to_thread(p.pool.close)
                if p.dump_dir is not None:
                    shutil.rmtree(p.dump_dir, ignore_errors=True)

    def spaced(space: str, endpoint: Callable[[Any], Awaitable[Any]]) -> Callable[[Any], Awaitable[Any]]:
        async def handler(request: Any) -> Any:
            request.scope["route_space"] = space
            return await endpoint(request)

        return handler

    routes = [
        Route("/", home),
        Route("/meetings", meetings_page),
        Route("/id/{path:path}", spaced("id", thing)),
        Route("/doc/{path:path}", document),
        Route("/voc/{path:path}", voc_thing),
        Route("/cite/{path:path}", cite),
        Route("/search", search),
        Route("/search.{fmt}", search_export),
        Route("/trace/{item}.{fmt}", trace_export),
        Route("/trace/{item}", trace_page),
        Route("/commitments", commitments_page),
        Route("/commitments.{fmt}", commitments_export),
        Route("/feeds/{path:path}.atom", feed),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/query/", query_index),
        Route("/query/{name}.xlsx", canned_xlsx),
        Route("/query/{name}", canned),
        Route("/downloads", downloads),
        Route("/dumps/{name}", dump),
        Route("/.well-known/void", void_document),
        Route("/void.ttl", void_document),
        Route("/favicon.ico", favicon),
        Mount("/static", app=_kept(StaticFiles(directory=str(static_dir()))), name="static"),
    ]
    ont = ontology_path(pub.base)
    if ont is not None:  # the fixed ontology namespace is under this server's base: answer for it
        routes[1:1] = [Route("/" + ont, ontology), Route("/" + ont + ".{ext}", ontology)]

    async def http_error(request: Any, exc: Any) -> Any:
        status = getattr(exc, "status_code", 500)
        if status == 404:
            path = request.url.path
            return _error(request, pub, 404, "Not found",
                          f"nothing is served at {path}. Things are under /id/, their descriptions under /doc/.")
        if status == 405:
            # RFC 9110 §15.5.6: a 405 names the methods that are allowed (Starlette's route knows them).
            allow = (getattr(exc, "headers", None) or {}).get("Allow", "GET, HEAD")
            answer = _error(request, pub, 405, "Method not allowed",
                            f"{request.method} is not allowed here (allowed: {allow}); this site is read-only")
            answer.headers["Allow"] = allow
            return answer
        return _error(request, pub, status, "Error", str(getattr(exc, "detail", exc)))

    async def rcmkg_error(request: Any, exc: Exception) -> Any:
        if isinstance(exc, NotFound):
            return _error(request, pub, 404, "Not found", str(exc))
        if isinstance(exc, UsageError):
            return _error(request, pub, 400, "Bad request", str(exc))
        if isinstance(exc, QueryTimeout):
            return _error(request, pub, 504, "Query timeout", str(exc))
        if isinstance(exc, StoreError):
            return _error(request, pub, 503, "Store unavailable", str(exc))
        return _error(request, pub, 500, "Error", str(exc))

    app = Server(routes=routes, lifespan=lifespan,
                 exception_handlers={HTTPException: http_error, RcmkgError: rcmkg_error})
    app.state.published = pub
    app.add_middleware(WaitForView, owner=app)
    # Outside WaitForView: a request after a load waits for the new generation's view, off the loop.
    app.add_middleware(FollowLoads, owner=app)
    # The interface language of the request (?lang=, Accept-Language), for every page and error page.
    app.add_middleware(Language)
    # Limits answer before routing or any handler does work.
    app.add_middleware(RequestLimits, max_body=settings.request_limit)
    # CORS and security headers on every answer (limits' 413/414 too); CORS preflights answered here.
    app.add_middleware(PublicHeaders)
    # Outside everything: an answer kept whole (security and CORS headers included) is sent again
    # without passing through the stack.
    app.add_middleware(ResponseCache, owner=app)
    return app


def serve(app: Any, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info", access_log: bool = False) -> None:
    """Run ``app`` with uvicorn until interrupted: httptools and uvloop when installed
    (:func:`rcmkg.publish.limits.http_protocol`), no access log unless asked (a line per request
    costs more than a kept answer), no ``Server`` header."""
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, http=http_protocol(),
                access_log=access_log, server_header=False)


def quote_path(path: str) -> str:
    """Percent-encode a path for a Location header."""
    return quote(path)
