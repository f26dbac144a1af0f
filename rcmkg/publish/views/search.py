"""The search page's model: hits, facets with the URL that toggles each value, pages, exports."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from rcmkg.search.query import SearchResult

FACET_TITLES = {"country": "Country", "organisation": "Organisation", "item": "Tracked item", "kind": "Kind",
                "body": "Body", "year": "Year"}


def _url(action: str, pairs: Sequence[tuple[str, str]]) -> str:
    query = urlencode([(k, v) for k, v in pairs if v])
    return action + (f"?{query}" if query else "")


def search_model(result: SearchResult, params: Sequence[tuple[str, str]], action: str,
                 export_base: str | None = None) -> dict[str, Any]:
    """What ``search.html`` shows for ``result``; ``params`` are the request's (kept in every link
    but the offset), ``action`` the page's URL, ``export_base`` the exports' URL without suffix."""
    keep = [(k, v) for k, v in params if k != "offset"]
    facets = []
    for name, values in result.facets.items():
        entries = []
        for v in values:
            pair = (name, v.value)
            toggled = [p for p in keep if p != pair] if v.selected else [*keep, pair]
            entries.append({"value": v.value, "label": v.label, "count": v.count, "selected": v.selected,
                            "href": _url(action, toggled)})
        facets.append({"name": name, "title": FACET_TITLES.get(name, name), "values": entries[:30],
                       "more": max(0, len(entries) - 30)})
    pages = {}
    if result.offset > 0:
        pages["previous"] = _url(action, [*keep, ("offset", str(max(0, result.offset - result.limit)))])
    if result.offset + result.limit < result.total:
        pages["next"] = _url(action, [*keep, ("offset", str(result.offset + result.limit))])
    base = export_base if export_base is not None else action
    exports = [(f.upper(), _url(f"{base}.{f}", keep)) for f in ("csv", "xlsx", "json")] if result.q else []
    return {"q": result.q, "result": result, "hits": result.hits, "facets": facets, "pages": pages,
            "exports": exports, "clear": _url(action, [(k, v) for k, v in keep if k in ("q", "lang")]),
            "form": True}
