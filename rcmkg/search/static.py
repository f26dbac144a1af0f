"""The static site's search: the store's index as script files, searched in the browser.

``rcmkg publish`` writes the index into ``search/`` and ``static/search.js`` (the search itself)
beside ``search.html``. Script files rather than JSON fetched at run time because they also work
when the site is opened from ``file://`` (where browsers refuse ``fetch``), and they load under the
site's CSP (``script-src 'self'``: no inline script, no eval). Why not Pagefind: its index is
WebAssembly (the CSP would need ``'wasm-unsafe-eval'``) and it indexes rendered HTML, not the
documents, stems and facets the server searches.

The index is cut into files so that a search reads a small part of it (at 10,000 reports the
whole is over 100 MB): ``search/index.js`` holds what every search needs (facet values, stop words,
which other files exist); ``search/facets.js`` each document's facet values (the counts are over
every hit); ``search/t/{key}.js`` the stems starting with ``key`` (:func:`shard_key`, their first two
characters), each with its documents (weight 4 for a title match, 1 for the text);
``search/f/{key}.js`` the word forms seen starting with ``key``, each with its stems, so the browser
stems a query by lookup (a word the site never uses matches the stems it starts with, which share
its file); ``search/d/{n}.js`` documents ``n * DOC_SHARD`` onwards: page, kind, titles, date, the
start of the text, language. Each of those files is one call of ``RCMKG_SEARCH_SHARD(kind, key,
data)``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable

from rcmkg import i18n
from rcmkg.i18n import N_
from rcmkg.publish.views.search import FACET_TITLES, KINDS
from rcmkg.search.build import FACETS
from rcmkg.search.text import STOP_WORDS, fold, stem, words

SNIPPET = 300
COLUMNS = (N_("Found"), N_("Kind"), N_("Date"), N_("Text"))


#: Documents per file of ``search/d/``: a page of results reads the few files its hits are in.
DOC_SHARD = 100

_PLAIN_KEY = re.compile(r"[a-z0-9_]{1,2}")


def shard_key(text: str) -> str:
    """The file (of ``search/t/`` or ``search/f/``) that keeps a stem or word form: its first two
    characters, as code points in hexadecimal unless they are plain ASCII letters, digits or ``_``.
    ``static/search.js`` computes the same."""
    head = text[:2]
    if _PLAIN_KEY.fullmatch(head):
        return head
    return "x" + "-".join(f"{ord(c):x}" for c in head)


def _script(kind: str, key: str, data: object) -> str:
    return f"RCMKG_SEARCH_SHARD({json.dumps(kind)},{json.dumps(key)},{_json(data)});\n"


def _json(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # JSON inside a script: "</" could end a <script> element if ever inlined; escaped anyway
    return text.replace("</", "<\\/")


def static_index(conn: sqlite3.Connection, page: Callable[[str], str | None], lang: str = "en") -> dict[str, str]:
    """The files of the static index for the index on ``conn``, by path under ``search/``; ``page``
    maps an IRI to its page's path from the site root (None: no page, the document is left out).
    Names are in ``lang``; the other language's search page gets its own interface words
    (:func:`ui_words`)."""
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
    facets: list[list[int]] = []
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
        docs.append([href, kind, title, title_es, date, text[:SNIPPET], tlang])
        facets.append(facets_of.get(did, []))
        for s in set(body_stems.split()):  # each stem once a document (a text repeats its words)
            terms.setdefault(s, {})[n] = 1
        for s in title_stems.split():
            terms.setdefault(s, {})[n] = 4
        for source, source_lang in ((text, tlang), (title, "en"), (title_es or "", "es")):
            for w in words(source):
                if (w, source_lang) not in seen:
                    seen.add((w, source_lang))
                    forms.setdefault(fold(w), set()).add(stem(w, source_lang))
    term_files: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for s, d in sorted(terms.items()):
        term_files.setdefault(shard_key(s), {})[s] = sorted(d.items())
    form_files: dict[str, dict[str, list[str]]] = {}
    for w, found in sorted(forms.items()):
        form_files.setdefault(shard_key(w), {})[w] = sorted(found)
    head = {"facetNames": list(FACETS), "stop": sorted(STOP_WORDS), "values": values, "docs": len(docs),
            "docShard": DOC_SHARD, "terms": sorted(term_files), "forms": sorted(form_files)}
    files = {"index.js": f"window.RCMKG_SEARCH = {_json(head)};\n",
             "facets.js": _script("facets", "all", facets)}
    files.update((f"t/{key}.js", _script("t", key, group)) for key, group in term_files.items())
    files.update((f"f/{key}.js", _script("f", key, group)) for key, group in form_files.items())
    files.update((f"d/{k // DOC_SHARD}.js", _script("d", str(k // DOC_SHARD), docs[k : k + DOC_SHARD]))
                 for k in range(0, len(docs), DOC_SHARD))
    return files


def ui_words(lang: str) -> str:
    """The search page's words in ``lang`` (facet titles, kinds, headings), as a ``data-`` attribute value."""
    with i18n.use(lang):
        words_ = {"facets": {k: i18n.gettext(v) for k, v in FACET_TITLES.items()},
                  "kinds": {k: i18n.gettext(v) for k, v in KINDS.items()},
                  "columns": [i18n.gettext(c) for c in COLUMNS],
                  "one": i18n.gettext("1 result for"), "many": i18n.gettext("results for")}
    return json.dumps(words_, ensure_ascii=False, sort_keys=True)
