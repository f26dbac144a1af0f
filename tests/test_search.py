"""Full-text search with facets (rcmkg.search): stems and folding, the index rcmkg load keeps in each
store generation (incremental, consistent with the graphs), the server's /search in HTML and JSON,
and the exports and feeds of every list (rcmkg.publish.exports, rcmkg.publish.feeds)."""

from __future__ import annotations

import csv
import gc
import io
import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import feedparser
import httpx
import openpyxl
import pytest
from builders import BASE, convert_samples, serve_store

from rcmkg.publish.exports import Table
from rcmkg.search.build import INDEX_FILE, update_index
from rcmkg.search.query import search_index
from rcmkg.search.static import shard_key
from rcmkg.search.text import fts_query, highlight, query_terms, stem
from rcmkg.settings import Settings
from rcmkg.store import generations
from rcmkg.store.load import load_paths, open_data, open_local

ROOT = Path(__file__).resolve().parents[1]
PASSPORTS = BASE + "id/meeting/rcm-lon-smtp/2017-11-27/item/15"  # "... cancelation of passports issued to ..."
US = BASE + "id/country/US"
MX = BASE + "id/country/MX"


# --- words -------------------------------------------------------------------------------------------


def test_stems_fold_case_accents_and_inflection():
    assert stem("pasaportes", "es") == stem("pasaporte", "es") == stem("pasaporté", "es") == "pasaport"
    assert stem("passports", "en") == stem("passport", "en")
    assert stem("migración", "es") == stem("migracion", "es") == stem("Migración".casefold(), "es")
    assert query_terms("Pasaportes") == query_terms("pasaporte")
    # common words are skipped when there are others, kept when there are none
    assert len(query_terms("plan de trabajo")) == 2 and query_terms("de la") != []


def test_query_text_never_reaches_fts5_as_syntax():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO fts VALUES ('near or and', 'not x')")
    for q in ['" OR *', "NEAR(a b)", "title:x", "a AND (", "x* - ^", "'; DROP TABLE fts; --", "NOT and OR"]:
        terms = query_terms(q)
        if terms:
            conn.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (fts_query(terms),)).fetchone()
    assert conn.execute("SELECT count(*) FROM fts").fetchone()[0] == 1


def test_highlight_marks_what_matched_by_stem():
    pieces = highlight("The cancelation of Passports issued to citizens", "en", query_terms("passport"))
    assert [t for t, hit in pieces if hit] == ["Passports"]
    assert "".join(t for t, _ in pieces) == "The cancelation of Passports issued to citizens"


# --- the index over the samples ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def memory(converted):
    return open_data([converted])


def test_search_finds_text_ranks_snippets_and_counts_facets(memory):
    index = search_index(memory)
    result = index.search("PASSPORT")
    assert result.total >= 1
    hit = next(h for h in result.hits if h.iri == PASSPORTS)
    assert hit.kind == "agreement" and [t for t, m in hit.snippet if m] == ["passports"]
    countries = {v.value: v for v in result.facets["country"]}
    assert countries[US].count >= 1 and countries[US].label == "United States"
    assert {v.value for v in result.facets["year"]} >= {"2017"}
    # a filter narrows, and a value that matches nothing stays listed (to remove it)
    assert PASSPORTS in [h.iri for h in index.search("passports", {"country": [US]}).hits]
    none = index.search("passports", {"country": [MX]})
    assert none.total == 0 and [(v.value, v.count, v.selected) for v in none.facets["country"]] == [(MX, 0, True)]
    assert index.search("passports", {"year": ["2017"], "kind": ["agreement"]}).total == result.total


def test_names_in_both_languages(memory):
    index = search_index(memory)
    es = index.search("plan de trabajo trafico", {"kind": ["document"]})  # no accent typed
    assert any("work-plan-migrant-smuggling" in h.iri for h in es.hits), [h.iri for h in es.hits]
    assert BASE + "id/org/iom" in [h.iri for h in index.search("Organización Internacional").hits]
    assert index.search("zzzzqqq").total == 0


# --- rcmkg load: one index per generation, updated report by report ----------------------------------


def test_load_builds_the_index_per_generation_and_updates_only_what_changed(tmp_path, converted):
    rdf = tmp_path / "rdf"
    shutil.copytree(converted, rdf)
    settings = Settings(base=BASE, store=str(tmp_path / "store"))
    load_paths([rdf], settings)
    first = generations.current(settings.store)
    assert first is not None and (first / INDEX_FILE).is_file()
    reader = open_local(settings)  # a reader of the first load, open during the next one
    assert search_index(reader).search("passports").total >= 1

    target = next(p for p in rdf.glob("*.ttl") if "cancelation of passports" in p.read_text(encoding="utf-8"))
    target.write_text(target.read_text(encoding="utf-8").replace("cancelation of passports", "cancelation of visas"),
                      encoding="utf-8")
    load_paths([rdf], settings)
    second = generations.current(settings.store)
    assert second is not None and second != first
    after = open_local(settings)
    assert search_index(after).search("passports").total == 0
    assert search_index(after).search("visas").total >= 1
    # the reader that opened the first load still answers from the first load's index
    assert search_index(reader).search("passports").total >= 1 and search_index(reader).search("visas").total == 0
    # the index is up to date: an update reads nothing again; the changed report was the only one read
    conn = sqlite3.connect(tmp_path / "copy.sqlite")
    sqlite3.connect(f"file:{second / INDEX_FILE}?mode=ro", uri=True).backup(conn)
    assert update_index(conn, after, BASE) == 0
    docs = conn.execute("SELECT count(*) FROM docs").fetchone()[0]
    assert docs == search_index(after).count() > 100
    reader.close()
    after.close()
    gc.collect()


def test_a_full_build_reads_the_store_once_and_chunks_change_no_document(memory, monkeypatch):
    """Each chunk of graphs scans every quad of the predicates it reads: an archive below the chunk
    size is read in one pass, and smaller chunks give the same documents (only their numbering)."""
    from rcmkg.search import build

    real = build.read_documents

    def documents(chunk: int) -> tuple[int, list[tuple[object, ...]]]:
        calls = []
        monkeypatch.setattr(build, "_CHUNK", chunk)
        monkeypatch.setattr(build, "read_documents", lambda *a, **k: calls.append(1) or real(*a, **k))
        conn = sqlite3.connect(":memory:")
        update_index(conn, memory, BASE)
        rows = conn.execute("SELECT d.iri, d.graph, d.kind, d.title, d.title_es, d.text, d.lang, d.date, f.title, "
                            "f.body, (SELECT group_concat(facet || '=' || value, ' ') FROM (SELECT facet, value FROM "
                            "facets JOIN fvalues ON fv = fvalues.id WHERE doc = d.id ORDER BY facet, value)) "
                            "FROM docs d JOIN fts f ON f.rowid = d.id ORDER BY d.graph, d.kind, d.iri").fetchall()
        return len(calls), rows

    graphs = len(memory.graphs())
    assert build._CHUNK >= 10_000 > graphs  # an archive of 10,000 reports is read in one pass
    passes, whole = documents(build._CHUNK)
    assert passes == 1 and len(whole) > 100
    passes, chunked = documents(2)
    assert passes > 2 and chunked == whole


# --- exports -----------------------------------------------------------------------------------------


def test_exports_defuse_formulas_and_keep_text():
    table = Table("t", ["a", "b"], [["=HYPERLINK(\"http://x\")", "+1"], ["-2", "@SUM(A1)"], ["México", None]])
    rows = list(csv.reader(io.StringIO(table.csv().decode("utf-8-sig"))))
    assert rows == [["a", "b"], ["'=HYPERLINK(\"http://x\")", "'+1"], ["'-2", "'@SUM(A1)"], ["México", ""]]
    ws = openpyxl.load_workbook(io.BytesIO(table.xlsx())).active
    cells = [[c for c in r] for r in ws.iter_rows(min_row=2)]
    assert cells[0][0].value == "=HYPERLINK(\"http://x\")" and cells[0][0].data_type == "s" and cells[0][0].quotePrefix
    assert cells[2][0].value == "México" and not cells[2][0].quotePrefix
    assert table.xlsx() == table.xlsx()  # same list, same bytes
    assert json.loads(table.json())[2] == {"a": "México", "b": None}


# --- the server --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("search-server")
    store = tmp / "store"
    load_paths([convert_samples(tmp / "rdf")], Settings(base=BASE, store=str(store)))
    gc.collect()
    return store


@pytest.fixture(scope="module")
def client(loaded) -> Iterator[httpx.Client]:
    with serve_store(loaded, Settings(base=BASE), workers=1) as url, httpx.Client(base_url=url, timeout=60) as c:
        yield c


def test_search_page_json_and_exports(client):
    page = client.get("/search", params={"q": "passports", "country": US})
    assert page.status_code == 200 and 'href="/doc/meeting/rcm-lon-smtp/2017-11-27/item/15"' in page.text
    assert "<mark>passports</mark>" in page.text and 'data-facet="country"' in page.text
    by_suffix = client.get("/search.json", params={"q": "passports", "country": US}).json()
    by_accept = client.get("/search", params={"q": "passports", "country": US}, headers={"Accept": "application/json"}).json()
    assert by_suffix == by_accept and by_suffix["total"] >= 1 and by_suffix["filters"] == {"country": [US]}
    assert by_suffix["hits"][0]["highlights"] == ["passports"]
    rows = list(csv.DictReader(io.StringIO(client.get("/search.csv", params={"q": "passports"}).content.decode("utf-8-sig"))))
    assert PASSPORTS in [r["iri"] for r in rows]
    hostile = client.get("/search", params={"q": '<script>alert(1)</script> "passports"'}).text
    assert "<script>alert(1)" not in hostile and "&lt;script&gt;" in hostile
    assert client.get("/search", params={"q": "x", "lang": "fr"}).status_code == 400


def test_commitments_filtered_by_actor_page_and_exports(client):
    every = list(csv.DictReader(io.StringIO(client.get("/commitments.csv").content.decode("utf-8-sig"))))
    iom = list(csv.DictReader(io.StringIO(client.get("/commitments.csv", params={"actor": "IOM"}).content.decode("utf-8-sig"))))
    assert iom and len(iom) < len(every)
    assert all("International Organization for Migration" in r["actors"] for r in iom)
    open_iom = client.get("/commitments.json", params={"actor": "IOM", "status": "open"}).json()
    assert open_iom and all(r["status"] in ("unknown", "in-progress", "not-fulfilled", "partly-fulfilled") for r in open_iom)
    assert {r["commitment"] for r in open_iom} <= {r["commitment"] for r in iom}
    ws = openpyxl.load_workbook(io.BytesIO(client.get("/commitments.xlsx", params={"actor": "IOM"}).content)).active
    header = [c.value for c in ws[1]]
    assert header[:7] == ["date", "meeting", "agreement", "actors", "action", "due", "status"]
    assert ws.max_row - 1 == len(iom)
    page = client.get("/commitments", params={"actor": "IOM"}).text
    assert page.count("<tr>") - 1 == len(iom)  # one header row
    assert 'href="/commitments.xlsx?actor=IOM"' in page and 'type="application/atom+xml"' in page
    assert client.get("/commitments", params={"actor": "no-such-actor"}).status_code == 404


def test_timeline_and_canned_query_exports(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/trace/work-plan-migrant-smuggling.csv").content.decode("utf-8-sig"))))
    assert rows and all(r["date"] for r in rows)
    assert rows == client.get("/trace/work-plan-migrant-smuggling.json").json()
    sparql = client.get("/query/meetings.json").json()
    ws = openpyxl.load_workbook(io.BytesIO(client.get("/query/meetings.xlsx").content)).active
    assert [c.value for c in ws[1]] == sparql["head"]["vars"] and ws.max_row - 1 == len(sparql["results"]["bindings"]) > 0


def test_atom_feeds_are_valid_and_deterministic(client):
    home = client.get("/").text
    assert '<link rel="alternate" type="application/atom+xml"' in home and "/feeds/meetings.atom" in home
    body = client.get("/feeds/meetings.atom").content
    feed = feedparser.parse(body)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert len(feed.entries) >= 5 and len({e.id for e in feed.entries}) == len(feed.entries)
    assert feed.feed.updated == max(e.updated for e in feed.entries)  # from the data, not the clock
    assert client.get("/feeds/meetings.atom").content == body
    item = feedparser.parse(client.get("/feeds/item/work-plan-migrant-smuggling.atom").content)
    assert item.bozo == 0 and item.entries and all(e.link.startswith("http://127.0.0.1") for e in item.entries)
    actor = feedparser.parse(client.get("/feeds/actor/org/iom.atom").content)
    assert actor.bozo == 0 and {t.term for e in actor.entries for t in e.tags} >= {"new"}
    assert all(e.id.startswith(BASE + "id/") for e in actor.entries)
    assert client.get("/feeds/actor/org/no-such-org.atom").status_code == 404


# --- the static site ---------------------------------------------------------------------------------


def _static_data(files: dict[str, str]) -> dict:
    """The parts of the static index (rcmkg.search.static.static_index, by path under search/) put
    back together: the head, and every document (with its facet values), stem and word form."""
    def call(text: str) -> tuple[str, str, object]:
        assert text.startswith("RCMKG_SEARCH_SHARD(") and text.endswith(");\n"), text[:80]
        kind, key, data = json.loads("[" + text[len("RCMKG_SEARCH_SHARD("):-3] + "]")
        return kind, key, data

    head = json.loads(files["index.js"].removeprefix("window.RCMKG_SEARCH = ").rstrip().removesuffix(";"))
    out = {**head, "docs": [], "terms": {}, "forms": {}}
    shards: dict[str, dict[str, object]] = {"t": {}, "f": {}, "d": {}}
    assert "facets.js" in files and len(files) > 3
    for rel, text in files.items():
        if rel == "index.js":
            continue
        kind, key, data = call(text)
        if kind == "facets":
            facets = data
            continue
        assert rel == f"{kind}/{key}.js"
        shards[kind][key] = data
    assert sorted(shards["t"]) == head["terms"] and sorted(shards["f"]) == head["forms"]
    for key in sorted(shards["d"], key=int):
        out["docs"] += shards["d"][key]
    for kind, name in (("t", "terms"), ("f", "forms")):
        assert shards[kind]
        for key, group in shards[kind].items():
            assert group and all(shard_key(k) == key for k in group)
            out[name].update(group)
    assert len(out["docs"]) == head["docs"] == len(facets)
    out["docs"] = [[*d, f] for d, f in zip(out["docs"], facets, strict=True)]
    return out



@pytest.mark.slow
def test_static_site_search_exports_and_feeds(tmp_path, loaded):
    from rcmkg.publish.site.build import publish_site
    from rcmkg.publish.void import DatasetInfo

    settings = Settings(base=BASE, store=str(loaded))
    out = tmp_path / "site"
    with open_local(settings) as source:
        publish_site(source, settings, out, DatasetInfo(site_url="https://example.org/rcmkg/"), validate=False,
                     ontology_docs=False)
    gc.collect()
    folder = out / "search"
    data = _static_data({p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
                         for p in folder.rglob("*.js")})
    doc = next(i for i, d in enumerate(data["docs"]) if d[0] == "doc/meeting/rcm-lon-smtp/2017-11-27/item/15.html")
    assert [doc, 1] in data["terms"]["passport"] and data["forms"]["passports"] == ["passport"]
    for lang in ("", "es/"):
        html = (out / f"{lang}search.html").read_text(encoding="utf-8")
        assert "search/index.js" in html and "static/search.js" in html
    assert "script-src 'self'" in (out / ".htaccess").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO((out / "commitments" / "actor" / "org" / "iom.csv").read_text(encoding="utf-8-sig"))))
    assert rows and all("International Organization for Migration" in r["actors"] for r in rows)
    ws = openpyxl.load_workbook(out / "commitments.xlsx").active
    assert ws.max_row > len(rows)
    feed = feedparser.parse((out / "feeds" / "meetings.atom").read_bytes())
    assert feed.bozo == 0 and feed.entries and all(e.link.startswith("https://example.org/rcmkg/") for e in feed.entries)
    assert (out / "query" / "meetings.xlsx").is_file() and (out / "trace" / "work-plan-migrant-smuggling.xlsx").is_file()


def test_search_command(runner, converted):
    from rcmkg.cli import cli

    res = runner.invoke(cli, ["search", "passport", "--data", str(converted), "--filter", f"country={US}", "-f", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["filters"] == {"country": [US]} and PASSPORTS in [h["iri"] for h in doc["hits"]]
    bad = runner.invoke(cli, ["search", "x", "--data", str(converted), "--filter", "colour=red"])
    assert bad.exit_code != 0 and "FACET=VALUE" in bad.output


def test_the_static_index_holds_every_word_form_and_stem(loaded):
    """``search/index.js``: each stem's documents (4 where the title has it, else 1) and each word
    form's stems, as the plain loop over every word of every document gives them."""
    from rcmkg.search.static import static_index
    from rcmkg.search.text import fold, words

    with open_local(Settings(base=BASE, store=str(loaded))) as source:
        index = search_index(source)
        with index._lock:
            files = static_index(index.conn, lambda iri: iri)  # every document has a page
            rows = index.conn.execute("""SELECT d.title, d.title_es, d.text, d.lang, f.title, f.body
                                         FROM docs d JOIN fts f ON f.rowid = d.id ORDER BY d.id""").fetchall()
    data = _static_data(files)
    # in parts, none of them most of the index (at 10,000 reports the whole is over 100 MB)
    assert len(files) > 20 and max(len(t) for t in files.values()) < len("".join(files.values())) / 3
    forms: dict[str, set[str]] = {}
    terms: dict[str, dict[int, int]] = {}
    for n, (title, title_es, text, lang, title_stems, body_stems) in enumerate(rows):
        for s in body_stems.split():
            terms.setdefault(s, {}).setdefault(n, 1)
        for s in title_stems.split():
            terms.setdefault(s, {})[n] = 4
        for part, part_lang in ((text, lang), (title, "en"), (title_es or "", "es")):
            for w in words(part):
                forms.setdefault(fold(w), set()).add(stem(w, part_lang))
    assert len(data["docs"]) == len(rows) > 100 and len(forms) > 500
    assert data["forms"] == {w: sorted(s) for w, s in forms.items()}
    assert data["terms"] == {s: [[n, weight] for n, weight in sorted(d.items())] for s, d in terms.items()}
    assert any(len(s) > 1 for s in forms.values())  # a form with an English and a Spanish stem


def test_a_word_in_texts_of_both_languages_gets_both_stems_in_the_static_index():
    from rcmkg.search.build import SCHEMA_SQL
    from rcmkg.search.static import static_index

    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA_SQL)
    for i, lang in ((1, "en"), (2, "es"), (3, "en")):
        conn.execute("INSERT INTO docs(id, iri, graph, kind, title, text, lang) VALUES (?, ?, 'g', 'agreement', ?, ?, ?)",
                     (i, f"urn:x:{i}", f"Item {i}", "Cooperation protocols, cooperation", lang))
        conn.execute("INSERT INTO fts(rowid, title, body, tags) VALUES (?, ?, ?, '')",
                     (i, f"item {i}", " ".join(stem(w, lang) for w in ("cooperation", "protocols", "cooperation"))))
    data = _static_data(static_index(conn, lambda iri: iri))
    assert data["forms"]["cooperation"] == ["cooper", "cooperation"]
    assert data["forms"]["protocols"] == ["protocol", "protocols"]
    assert data["terms"]["cooper"] == [[0, 1], [2, 1]] and data["terms"]["cooperation"] == [[1, 1]]
    assert data["terms"]["item"] == [[0, 4], [1, 4], [2, 4]]
