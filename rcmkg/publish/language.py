"""The interface language of each server request (pure ASGI middleware, as the others of
:mod:`rcmkg.publish.limits`).

:class:`Language` chooses the language (``?lang=en|es``, else ``Accept-Language``, else English;
:func:`rcmkg.i18n.choose`) and sets it for the request's context (:func:`rcmkg.i18n.use`), with
the request's path and query for the page's language switch. Every HTML answer says
``Content-Language`` and ``Vary: Accept-Language`` (caches keep one copy per language).
Handlers do not look at the language: the app's linker and its page cache read it here
(:func:`page_key`, :func:`localise`).
"""

from __future__ import annotations

import contextvars
from typing import Any
from urllib.parse import parse_qsl

from rcmkg import i18n
from rcmkg.i18n import N_
from rcmkg.publish.views.pages import ServerLinker

#: The titles of the server's error answers (rcmkg.publish.app._error), translated on the error page.
ERROR_TITLES = (N_("Not found"), N_("Bad request"), N_("Not acceptable"), N_("Query timeout"), N_("Busy"),
                N_("Query stopped"), N_("Query failed"), N_("Store unavailable"), N_("Error"), N_("Method not allowed"),
                N_("Read-only endpoint"), N_("Query too large"), N_("Unsupported media type"))

#: (explicit, path, query parameters) of the request being answered.
_PAGE: contextvars.ContextVar[tuple[bool, str, tuple[tuple[str, str], ...]] | None] = contextvars.ContextVar(
    "rcmkg_page", default=None)


def page_key() -> tuple[str, ...]:
    """What a cached page depends on besides its own key: language, whether the URL chose it, and
    the URL (its language switch links to it)."""
    page = _PAGE.get()
    if page is None:
        return (i18n.current(),)
    explicit, path, params = page
    return (i18n.current(), "1" if explicit else "", path, repr(params))


def localise(linker: ServerLinker) -> ServerLinker:
    """``linker`` for the request being answered (its language, its switch)."""
    page = _PAGE.get()
    if page is None:
        return linker.localised(i18n.current(), False, None)
    explicit, path, params = page
    return linker.localised(i18n.current(), explicit, (path, params))


def _header(scope: dict[str, Any], name: bytes) -> str | None:
    for k, v in scope.get("headers") or []:
        if k.lower() == name:
            return str(v.decode("latin-1"))
    return None


class Language:
    """Chooses each request's interface language; marks HTML answers with it."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        params = tuple(parse_qsl(query, keep_blank_values=True))
        lang_param = next((v for k, v in params if k == "lang"), None)
        lang, explicit = i18n.choose(lang_param, _header(scope, b"accept-language"))
        path = scope["path"]  # with the app's mount prefix (rcmkg.publish.app: root)

        async def send_with_language(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                ctype = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if ctype.startswith(b"text/html"):
                    vary = [i for i, (k, _v) in enumerate(headers) if k.lower() == b"vary"]
                    if vary:
                        k, v = headers[vary[0]]
                        if b"accept-language" not in v.lower():
                            headers[vary[0]] = (k, v + b", Accept-Language")
                    else:
                        headers.append((b"vary", b"Accept-Language"))
                    headers.append((b"content-language", lang.encode("ascii")))
                    message = {**message, "headers": headers}
            await send(message)

        token = _PAGE.set((explicit, path, params))
        try:
            with i18n.use(lang):
                await self.app(scope, receive, send_with_language)
        finally:
            _PAGE.reset(token)
