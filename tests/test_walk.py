"""The walk of issue 14's "done when", in a real browser (Debian's Chromium, as tests/test_browser.py):
in Spanish, home -> search "pasaportes" -> a country facet -> the agreement -> the commitments filtered
by actor -> the CSV and XLSX downloads, opened and checked -> the actor's Atom feed, parsed; at desktop
width and again at phone width (390x844), with screenshots in ``test-output/browser/walk-*``.

The store: the sample reports plus a Spanish report of the Liaison Officer Network (the bilingual
test report, with one more agreement about passports, as Spanish reports word it), loaded with
``rcmkg load`` (so with the search index of its generation). JavaScript is off: every step works
without it.
"""

from __future__ import annotations

import csv
import gc
import io
import re
from pathlib import Path

import feedparser
import openpyxl
import pytest
from builders import BASE, BROWSER_OUT, CHROMIUM, chromium, convert_samples, serve_store

from rcmkg.pipeline import convert
from rcmkg.settings import Settings
from rcmkg.store.load import load_paths

ROOT = Path(__file__).resolve().parents[1]
OUT = BROWSER_OUT
PASSPORT_CLAUSE = ("5. Agradecer al Gobierno de Guatemala por la información sobre la emisión de pasaportes a las personas "
                   "migrantes retornadas y solicitar a la OIM que elabore una guía regional sobre la verificación de "
                   "pasaportes a más tardar el 30 de junio de 2020.")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (make system-deps)"),
]


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("walk")
    rdf = convert_samples(tmp / "rdf")
    src = tmp / "es-reports"
    src.mkdir()
    text = (ROOT / "tests" / "bilingual" / "rlo_2019-11-14_es.txt").read_text(encoding="utf-8")
    text = text.replace("14 de noviembre de 2019", "20 de mayo de 2020").rstrip("\n") + "\n\n" + PASSPORT_CLAUSE + "\n"
    (src / "rlo_2020-05-20_es.txt").write_text(text, encoding="utf-8")
    summary = convert([src], rdf, Settings(base=BASE), jobs=1)
    assert not summary.errors, [e.message for e in summary.errors]
    store = tmp / "store"
    load_paths([rdf], Settings(base=BASE, store=str(store)))
    gc.collect()
    with serve_store(store, Settings(base=BASE), workers=1) as u:
        yield u


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.mark.parametrize(("width", "height", "name"), [(1280, 900, "desktop"), (390, 844, "phone")])
def test_walk_in_spanish(browser, url, tmp_path, width, height, name):
    from playwright.sync_api import expect

    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": height}, base_url=url,
                                  accept_downloads=True)
    page = context.new_page()

    def shot(step: str) -> None:
        page.screenshot(path=str(OUT / f"walk-{name}-{step}.png"), full_page=True)

    try:
        # home, in Spanish
        page.goto("/?lang=es")
        expect(page.locator("html")).to_have_attribute("lang", "es")
        expect(page.locator("header.site nav")).to_contain_text("Compromisos")
        shot("1-home")
        # search "pasaportes"
        page.fill("#q", "pasaportes")
        page.locator("form.search button").click()
        expect(page.locator("table.hits")).to_contain_text("pasaportes")
        expect(page.locator("table.hits mark").first).to_have_text(re.compile("pasaportes", re.I))
        assert "lang=es" in page.url
        shot("2-search")
        # the country facet
        page.locator("#facet-country a", has_text="Guatemala").click()
        expect(page).to_have_url(re.compile(r"country=.*country%2FGT"))
        expect(page.locator("p.count")).to_contain_text("Guatemala")
        hits = page.locator("table.hits tbody tr")
        assert hits.count() >= 1
        shot("3-facet")
        # the agreement
        page.locator("table.hits tbody tr", has_text="pasaportes").first.locator("td a").first.click()
        expect(page.locator("main")).to_contain_text("pasaportes a las personas migrantes retornadas")
        assert "/doc/meeting/" in page.url
        shot("4-agreement")
        # commitments filtered by actor
        page.goto("/commitments?lang=es")
        page.select_option("#f-actor", "iom")
        page.locator("form.filters button").click()
        expect(page).to_have_url(re.compile(r"actor=iom"))
        rows = page.locator("table.commitments tbody tr")
        n = rows.count()
        assert n >= 1
        expect(page.locator("h1")).to_contain_text("Organización Internacional para las Migraciones")
        shot("5-commitments")
        # the downloads, opened and checked
        with page.expect_download() as got:
            page.locator("p.exports a", has_text="CSV").click()
        csv_path = tmp_path / f"{name}.csv"
        got.value.save_as(csv_path)
        table = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
        assert len(table) == n
        assert all("International Organization for Migration" in r["actors"] for r in table)
        assert any("pasaportes" in r["action"] for r in table) or any("pasaportes" in r["quote"] for r in table)
        with page.expect_download() as got:
            page.locator("p.exports a", has_text="XLSX").click()
        xlsx_path = tmp_path / f"{name}.xlsx"
        got.value.save_as(xlsx_path)
        ws = openpyxl.load_workbook(xlsx_path).active
        assert ws.max_row - 1 == n and [c.value for c in ws[1]][:7] == [
            "date", "meeting", "agreement", "actors", "action", "due", "status"]
        assert sorted(str(r[-2].value) for r in ws.iter_rows(min_row=2)) == sorted(r["commitment"] for r in table)
        # the actor's Atom feed, linked from the page
        feed_href = page.locator('head link[type="application/atom+xml"]').first.get_attribute("href")
        assert feed_href
        feed = feedparser.parse(page.request.get(url + feed_href if feed_href.startswith("/") else feed_href).body())
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert len(feed.entries) >= n and {t.term for e in feed.entries for t in e.tags} >= {"new"}
        page.goto(feed_href)
        shot("6-feed")
    finally:
        context.close()
