"""The static site's search: the store's index as one script file, searched in the browser.

``rcmkg publish`` writes ``search/index.js`` (the index as ``window.RCMKG_SEARCH = {...}``) and
``static/search.js`` (the search itself) beside ``search.html``. A script file rather than JSON
fetched at run time because it also works when the site is opened from ``file://`` (where browsers
refuse ``fetch``), and both load under the site's CSP (``script-src 'self'``: no inline script,
no eval). Why not Pagefind: its index is WebAssembly (the CSP would need ``'wasm-unsafe-eval'``)
and it indexes rendered HTML, not the documents, stems and facets the server searches.

The index holds, per document, its page (relative to the site root), kind, titles, date, the
start of its text, its language and facet values; per stem, the documents (with weight 4 for a
title match, 1 for the text); and per word form seen, its stems, so the browser stems a query by
lookup (a word the site never uses matches the stems it starts with).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from rcmkg import i18n
from rcmkg.i18n import N_
from rcmkg.publish.views.search import FACET_TITLES, KINDS
from rcmkg.search.build import FACETS
from rcmkg.search.text import STOP_WORDS, fold, stem, words

SNIPPET = 300
COLUMNS = (N_("Found"), N_("Kind"), N_("Date"), N_("Text"))


def static_index(conn: sqlite3.Connection, page: Callable[[str], str | None], lang: str = "en") -> str:
    """The script ``search/index.js`` for the index on ``conn``; ``page`` maps an IRI to its page's
    path from the site root (None: no page, the document is left out). Names and the interface's
    words are in ``lang``; the other language's search page gets its own words (``ui`` in
    :func:`ui_words`)."""
    values: list[list[str]] = []
    value_id: dict[int, int] = {}
    labels: dict[str, str] = {}
    for iri, label_lang, label in conn.execute("SELECT iri, lang, label FROM labels ORDER BY graph, iri, lang"):
        if iri not in labels or label_lang == lang:
            labels[iri] = label
    for fid, facet, value in conn.execute("SELECT id, facet, value FROM fvalues ORDER BY facet, value"):
        value_id[fid] = len(values)
        values.append([facet, value, labels.get(value, value)])
    facets_of: dict[int, list[int]] = {}
    for doc, fv in conn.execute("SELECT doc, fv FROM facets ORDER BY doc, fv"):
        facets_of.setdefault(doc, []).append(value_id[fv])
    docs: list[list[object]] = []
    terms: dict[str, dict[int, int]] = {}
    forms: dict[str, set[str]] = {}
    # (word, language) pairs already in ``forms``: an archive repeats a few thousand words millions
    # of times, and folding each again was half of the index's cost (6 s at 10,000 reports).
    seen: set[tuple[str, str]] = set()
    rows = conn.execute("""SELECT d.id, d.iri, d.kind, d.title, d.title_es, d.date, d.text, d.lang, f.title, f.body
                           FROM docs d JOIN fts f ON f.rowid = d.id ORDER BY d.id""").fetchall()
    for did, iri, kind, title, title_es, date, text, tlang, title_stems, body_stems in rows:
        href = page(iri)
        if href is None:
            continue
        n = len(docs)
        docs.append([href, kind, title, title_es, date, text[:SNIPPET], tlang, facets_of.get(did, [])])
        for s in set(body_stems.split()):  # each stem once a document (a text repeats its words)
            terms.setdefault(s, {})[n] = 1
        for s in title_stems.split():
            terms.setdefault(s, {})[n] = 4
        for source, source_lang in ((text, tlang), (title, "en"), (title_es or "", "es")):
            for w in words(source):
                if (w, source_lang) not in seen:
                    seen.add((w, source_lang))
                    forms.setdefault(fold(w), set()).add(stem(w, source_lang))
    data = {"facetNames": list(FACETS), "stop": sorted(STOP_WORDS), "values": values,
            "docs": docs, "terms": {s: sorted(d.items()) for s, d in sorted(terms.items())},
            "forms": {w: sorted(s) for w, s in sorted(forms.items())}}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # JSON inside a script: "</" could end a <script> element if ever inlined; escaped anyway
    return "window.RCMKG_SEARCH = " + text.replace("</", "<\\/") + ";\n"


def ui_words(lang: str) -> str:
    """The search page's words in ``lang`` (facet titles, kinds, headings), as a ``data-`` attribute value."""
    with i18n.use(lang):
        words_ = {"facets": {k: i18n.gettext(v) for k, v in FACET_TITLES.items()},
                  "kinds": {k: i18n.gettext(v) for k, v in KINDS.items()},
                  "columns": [i18n.gettext(c) for c in COLUMNS],
                  "one": i18n.gettext("1 result for"), "many": i18n.gettext("results for")}
    return json.dumps(words_, ensure_ascii=False, sort_keys=True)
