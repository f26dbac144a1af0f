"""The search page's model: hits, facets with the URL that toggles each value, pages, exports."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from rcmkg import i18n
from rcmkg.i18n import N_
from rcmkg.search.query import SearchResult

FACET_TITLES = {"country": N_("Country"), "organisation": N_("Organisation"), "item": N_("Tracked item"), "kind": N_("Kind"),
                "body": N_("Body"), "year": N_("Year")}
#: How each kind of document found reads (rcmkg.search.build: Doc.kind).
KINDS = {"agreement": N_("agreement"), "commitment": N_("commitment"), "meeting": N_("meeting"), "document": N_("document"),
         "country": N_("country"), "organisation": N_("organisation"), "item": N_("tracked item"), "place": N_("place"),
         "group": N_("group of countries")}


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
            label = i18n.gettext(KINDS[v.value]) if name == "kind" and v.value in KINDS else v.label
            entries.append({"value": v.value, "label": label, "count": v.count, "selected": v.selected,
                            "href": _url(action, toggled)})
        facets.append({"name": name, "title": i18n.gettext(FACET_TITLES.get(name, name)), "values": entries[:30],
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
            "form": True, "kinds": {k: i18n.gettext(v) for k, v in KINDS.items()}}
