"""The static site's search in a browser: Debian's Chromium, JavaScript on, the published site opened
from ``file://`` (no server: what a copy of the site on a laptop or an object store gives).

``static/search.js`` loads the parts of the index (``search/``, rcmkg.search.static) a query needs.
The hits it shows are checked against the index itself: the documents holding the query word's
stems, narrowed by a facet. Skipped only when ``/usr/bin/chromium`` is missing (``make
system-deps`` installs it).
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from builders import BASE, CHROMIUM, chromium, convert_samples

from rcmkg.search.static import shard_key
from rcmkg.settings import Settings
from rcmkg.store.load import load_paths, open_local

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (make system-deps)"),
]

PASSPORTS = "doc/meeting/rcm-lon-smtp/2017-11-27/item/15.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from rcmkg.publish.site.build import publish_site
    from rcmkg.publish.void import DatasetInfo

    tmp = tmp_path_factory.mktemp("static-search")
    settings = Settings(base=BASE, store=str(tmp / "store"))
    load_paths([convert_samples(tmp / "rdf")], settings)
    gc.collect()
    with open_local(settings) as source:
        publish_site(source, settings, tmp / "site", DatasetInfo(site_url="https://example.org/rcmkg/"), validate=False,
                     ontology_docs=False)
    gc.collect()
    return tmp / "site"


def _part(site: Path, rel: str) -> object:
    text = (site / "search" / rel).read_text(encoding="utf-8")
    return json.loads("[" + text.removeprefix("RCMKG_SEARCH_SHARD(").removesuffix(");\n") + "]")[2]


def _expected(site: Path, word: str, facet: tuple[str, str] | None = None) -> set[str]:
    """The pages of the documents holding one of ``word``'s stems (the word seen in the index),
    with ``facet`` (name, value) among their facet values: what the search must show."""
    head = json.loads((site / "search" / "index.js").read_text(encoding="utf-8")
                      .removeprefix("window.RCMKG_SEARCH = ").rstrip().removesuffix(";"))
    forms = _part(site, f"f/{shard_key(word)}.js")
    assert isinstance(forms, dict) and word in forms and forms[word]
    docs: set[int] = set()
    for stem in forms[word]:
        terms = _part(site, f"t/{shard_key(stem)}.js")
        assert isinstance(terms, dict)
        docs |= {d for d, _ in terms[stem]}
    facets = _part(site, "facets.js")
    assert isinstance(facets, list)
    if facet is not None:
        docs = {d for d in docs if any(head["values"][v][:2] == list(facet) for v in facets[d])}
    assert docs
    pages = set()
    for d in docs:
        shard = _part(site, f"d/{d // head['docShard']}.js")
        assert isinstance(shard, list)
        pages.add(shard[d % head["docShard"]][0])
    return pages


@pytest.fixture(scope="module")
def page():
    with chromium() as b:
        context = b.new_context(java_script_enabled=True, viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        yield pg, errors
        context.close()


def _search(pg, site: Path, query: str, lang: str = "") -> list[str]:
    pg.goto((site / f"{lang}search.html").as_uri() + query)
    pg.wait_for_selector("#static-results p.count", timeout=20_000)
    return [a.get_attribute("href") for a in pg.locator("table.hits a").all()]


def test_a_word_finds_its_documents_with_the_parts_it_needs(page, site):
    pg, errors = page
    assert _search(pg, site, "?q=passports") == [PASSPORTS]
    hrefs = _search(pg, site, "?q=workshop")
    want = _expected(site, "workshop")
    assert len(want) >= 5
    assert set(hrefs) == want and len(hrefs) == len(want), (sorted(hrefs), sorted(want))
    assert pg.locator("table.hits mark").count() >= 1  # the word is marked in the snippets
    assert str(len(want)) in pg.locator("#static-results p.count").inner_text()
    # only the parts of the index the query needs were loaded, not all of them
    loaded = pg.evaluate("Array.from(document.querySelectorAll('script[src]')).map(s => s.src)")
    parts = [s.split("/search/", 1)[1] for s in loaded if "/search/" in s]
    every = [p.relative_to(site / "search").as_posix() for p in (site / "search").rglob("*.js")]
    assert "facets.js" in parts and any(p.startswith("t/") for p in parts) and any(p.startswith("d/") for p in parts)
    assert len(parts) < len(every) / 2, (parts, len(every))
    assert not errors, errors


def test_a_facet_narrows_the_hits_and_spanish_finds_the_same(page, site):
    pg, errors = page
    _search(pg, site, "?q=protocol")
    link = pg.locator('#facet-country a[data-facet="country"]').first
    value = link.get_attribute("data-value")
    assert value
    link.click()
    pg.wait_for_selector("#static-results p.count", timeout=20_000)
    narrowed = {a.get_attribute("href") for a in pg.locator("table.hits a").all()}
    assert narrowed == _expected(site, "protocol", ("country", value))
    assert narrowed and narrowed < _expected(site, "protocol")
    assert pg.locator("#facet-country li.selected").count() == 1
    # the Spanish page searches the same index (its links are one folder up): "protocolo" has the
    # same stem as "protocol"
    es = _search(pg, site, "?q=protocolo", "es/")
    assert {h.removeprefix("../") for h in es} == _expected(site, "protocolo") == _expected(site, "protocol")
    assert not errors, errors


def test_a_word_the_site_never_uses_matches_the_stems_it_starts_with(page, site):
    pg, errors = page
    # "passportholders" is in no document: the stems it starts with ("passport") are searched
    assert "passportholders" not in (site / "search" / "f" / "pa.js").read_text(encoding="utf-8")
    hrefs = _search(pg, site, "?q=passportholders")
    assert PASSPORTS in hrefs
    assert not errors, errors


def test_words_beyond_ascii_are_found_in_the_parts_named_for_them(page, tmp_path):
    """A stem that does not start with two plain ASCII characters is kept in a part named by its code
    points (``shard_key``): the browser's name for that part must be the same."""
    import shutil
    import sqlite3

    from rcmkg.search.build import SCHEMA_SQL
    from rcmkg.search.static import static_index, ui_words
    from rcmkg.search.text import stems

    texts = ["Cooperation in the Øresund region", "数字 records of the meeting", "Ñandú crossing, ßtraße notes",
             "Cooperation protocols"]
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA_SQL)
    for i, text in enumerate(texts, 1):
        conn.execute("INSERT INTO docs(id, iri, graph, kind, title, text, lang) VALUES (?, ?, 'g', 'agreement', ?, ?, 'en')",
                     (i, f"doc{i}.html", f"Item {i}", text))
        conn.execute("INSERT INTO fts(rowid, title, body, tags) VALUES (?, ?, ?, '')", (i, f"item {i}", stems(text, "en")))
    files = static_index(conn, lambda iri: iri)
    for rel, text in files.items():
        (tmp_path / "search" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "search" / rel).write_text(text, encoding="utf-8")
    assert {"t/xf8-72.js", "t/x6570-5b57.js"} <= set(files)  # "øresund", "数字"
    (tmp_path / "static").mkdir()
    shutil.copy(Path(__file__).resolve().parents[1] / "rcmkg" / "static" / "search.js", tmp_path / "static")
    (tmp_path / "search.html").write_text(
        f"""<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><input id="sq">
        <div id="static-results" data-ui="{ui_words('en').replace('"', '&quot;')}"></div>
        <script src="search/index.js"></script><script src="static/search.js"></script></body></html>""",
        encoding="utf-8")
    pg, errors = page
    assert _search(pg, tmp_path, "?q=%C3%98resund") == ["doc1.html"]
    assert _search(pg, tmp_path, "?q=%E6%95%B0%E5%AD%97") == ["doc2.html"]
    assert _search(pg, tmp_path, "?q=%C3%B1and%C3%BA") == ["doc3.html"]  # folded: "nandu"
    assert sorted(_search(pg, tmp_path, "?q=cooperation")) == ["doc1.html", "doc4.html"]
    assert not errors, errors
