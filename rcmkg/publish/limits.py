"""The server's security headers, its request limits (a pure ASGI middleware) and its HTTP protocol.

Plain ASGI rather than Starlette's ``BaseHTTPMiddleware``: no task or body copy per request, and
they also cover the 303s, 404s, 413s and static files.

:data:`SECURITY_HEADERS`, on every answer (rcmkg.publish.app.PublicHeaders adds them with the CORS
headers, in one layer; an existing header of the same name wins):

* ``Content-Security-Policy``: scripts from nowhere (the pages have none; the JSON-LD data block
  is not script), images and fonts from this site only, no plugins, no ``<base>`` changes (forms may post anywhere: the static site's SPARQL form
  names the public endpoint), and ``frame-ancestors 'none'``. Styles from this site and inline: the timeline
  page carries its stage colours inline (CSS cannot run script; autoescaping keeps report text out
  of style attributes);
* ``X-Frame-Options: DENY`` (the frame policy for browsers without CSP level 2);
* ``X-Content-Type-Options: nosniff``;
* ``Referrer-Policy: strict-origin-when-cross-origin``.

The same headers are in the static site's Apache and nginx configurations
(:data:`SECURITY_HEADERS`, written by ``rcmkg publish``).

:class:`RequestLimits` answers before any handler runs:

* 414 when the path is longer than :data:`MAX_PATH_BYTES` or the whole target longer than the
  body limit plus the path limit (a SPARQL GET carries its query in the query string);
* 413 when ``Content-Length`` says the body is over the limit, and while a chunked body streams
  in, as soon as the bytes read pass it: the body is never buffered past the limit.
"""

from __future__ import annotations

from typing import Any

#: Longest path served (bytes, percent-encoded as sent). The longest IRI path of the data is under 200.
MAX_PATH_BYTES = 2048

#: The headers every answer carries, by name (lower case), in the order written.
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy",
     "default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
     "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'"),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
)
#: The static site's headers (Apache and nginx configurations): the same, but scripts from the site
#: itself, for the search page's two script files (no inline script, no eval; rcmkg.search.static).
STATIC_SECURITY_HEADERS: tuple[tuple[str, str], ...] = tuple(
    (k, v.replace("script-src 'none'", "script-src 'self'")) for k, v in SECURITY_HEADERS)


class BodyTooLarge(Exception):
    """Raised from ``receive`` when a streamed body passes the limit (caught by :class:`RequestLimits`)."""


async def _plain(send: Any, status: int, text: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"), (b"connection", b"close"), *(extra or [])]})
    await send({"type": "http.response.body", "body": body})


class RequestLimits:
    """414 for over-long targets, 413 for bodies over ``max_body`` bytes (counted as they stream)."""

    def __init__(self, app: Any, max_body: int, max_path: int = MAX_PATH_BYTES) -> None:
        self.app = app
        self.max_body = max_body
        self.max_path = max_path

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("raw_path") or scope["path"].encode("utf-8")
        if len(path) > self.max_path or len(scope.get("query_string") or b"") > self.max_body + self.max_path:
            await _plain(send, 414, f"414 URI too long: paths here are at most {self.max_path} bytes, and a query "
                                    "string at most the request limit; POST a long SPARQL query instead\n")
            return
        too_large = (f"413 Request too large: a request body may be at most {self.max_body} bytes "
                     "(request_limit setting)\n")
        for name, value in scope.get("headers") or []:
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _plain(send, 400, "400 Bad request: Content-Length is not a number\n")
                    return
                if declared > self.max_body:
                    await _plain(send, 413, too_large)
                    return
        seen = 0
        started = False

        async def limited_receive() -> dict[str, Any]:
            nonlocal seen
            message: dict[str, Any] = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _plain(send, 413, too_large)


# --- the HTTP protocol -------------------------------------------------------------------------------

#: ``httptools.parse_url`` keeps offsets in 16 bits: uvicorn answers a longer request target with its
#: own 400 before the app sees it. A SPARQL GET may carry a query string up to the request limit.
_PARSE_URL_MAX = 0xFFFF


def http_protocol() -> Any:
    """The uvicorn HTTP protocol class: httptools (llhttp, C) when installed, about 3x the requests
    per second of h11 (issue 10); else ``"h11"``. Two changes to uvicorn's:

    * request targets longer than httptools parses are split here, so the app still answers them
      (a 414 for a long path, a long SPARQL GET served);
    * a GET or HEAD whose answer the app keeps (``app.kept_wire``, rcmkg.publish.app.Server) is
      answered from its bytes in one write, without an ASGI task, when the connection is idle
      otherwise: a keep-alive HTTP/1.1 request, the previous answer complete, nothing pipelined
      behind it, the socket not full. Anything else goes the ordinary way.
    """
    try:
        import httptools
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:
        return "h11"
    # The subclass leans on uvicorn's protocol methods (written against 0.55): a uvicorn without
    # them gets its own httptools protocol (no long targets, no answers written here) rather than errors.
    if not all(hasattr(HttpToolsProtocol, name) for name in
               ("_unset_keepalive_if_required", "on_response_complete", "on_headers_complete")):
        return "httptools"

    class RcmkgHttp(HttpToolsProtocol):
        _defaults: list[tuple[bytes, bytes]] | None = None
        _defaults_wire = b""

        def on_headers_complete(self) -> None:
            url: bytes = self.url
            long = len(url) > _PARSE_URL_MAX and url.startswith(b"/")
            if not long and self._answer_kept(url):
                return
            # A kept answer to a request before this one in the same read armed the keep-alive
            # timer (on_response_complete): it must not run while this one is being answered.
            self._unset_keepalive_if_required()
            if not long:
                super().on_headers_complete()
                return
            path, _, query = url.partition(b"?")
            # A path past the limit stays past it (RequestLimits answers 414) but parses.
            self.url = path[: MAX_PATH_BYTES + 1]
            super().on_headers_complete()
            # the scope is the one handed to the request's task, which has not run yet
            self.scope["query_string"] = query.partition(b"#")[0]

        def _answer_kept(self, url: bytes) -> bool:
            kept_wire = getattr(self.app, "kept_wire", None)
            cycle = self.cycle
            parser = self.parser
            # The previous cycle stays the current one: the parser's callbacks for this message's
            # end find it complete and do nothing (a connection's first request goes the ordinary way).
            if (kept_wire is None or cycle is None or not cycle.response_complete or self.pipeline
                    or self.flow.write_paused or self.limit_concurrency is not None
                    or parser.get_http_version() != "1.1" or not parser.should_keep_alive()
                    or parser.should_upgrade()):
                return False
            method = parser.get_method()
            if method != b"GET" and method != b"HEAD":
                return False
            try:
                parsed = httptools.parse_url(url)
            except httptools.HttpParserInvalidURLError:
                return False
            answer = kept_wire(method == b"HEAD", self.root_path.encode("ascii") + parsed.path, parsed.query or b"",
                               self.scheme, self.headers)
            if answer is None:
                return False
            defaults = self.server_state.default_headers  # Date (and Server), replaced each second
            if defaults is not self._defaults:
                self._defaults_wire = b"".join(k + b": " + v + b"\r\n" for k, v in defaults)
                self._defaults = defaults
            status, headers, body = answer
            # the bytes uvicorn would write: status, its headers, the app's, the body
            self.transport.write(b"".join((status, self._defaults_wire, headers, b"\r\n", body)))
            self.on_response_complete()  # keep-alive timer, flow control, request count
            return True

    return RcmkgHttp
