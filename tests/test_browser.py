"""A partner in a browser: Playwright driving Debian's Chromium against the real server.

With JavaScript switched off (every page must work without it): home -> meeting -> agreement ->
document -> tracked item -> timeline, then a canned query run from the SPARQL page; then the same
walk in Spanish at phone (390x844) and desktop (1280x800) size, measuring that no page scrolls
sideways and that the timeline is a list on the phone. Screenshots go to ``test-output/browser/``
(ignored by git). Skipped only when ``/usr/bin/chromium`` is missing (``make system-deps``
installs it).
"""

from __future__ import annotations

import gc
import re

import pytest
from builders import BASE, BROWSER_OUT, CHROMIUM, MEETING, chromium, convert_samples, serve_store

from rcmkg.settings import Settings
from rcmkg.store.load import load_paths

OUT = BROWSER_OUT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (make system-deps)"),
]


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    store_dir = tmp / "store"
    # as `rcmkg load` does: with the index and the fulfilment graph the "still owes" views read
    load_paths([convert_samples(tmp / "rdf")], Settings(base=BASE, store=str(store_dir)))
    gc.collect()  # RocksDB's lock is released when the pyoxigraph Store is dropped
    with serve_store(store_dir, Settings(base=BASE)) as u:
        yield u


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the module (Playwright's sync API runs one instance per thread)."""
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def page(browser, url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900}, base_url=url)
    pg = context.new_page()
    yield pg
    context.close()


def _shot(page, name: str) -> None:
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)


def test_home_meeting_agreement_document_timeline(page, url):
    from playwright.sync_api import expect

    page.goto("/")
    expect(page.locator("h1")).to_contain_text("RCM meeting reports")
    _shot(page, "01-home")

    page.locator(f'a[href="/doc/{MEETING}"]').first.click()
    expect(page).to_have_url(f"{url}/doc/{MEETING}")
    expect(page.locator("h1")).to_contain_text("Liaison Officer Network")
    # the answer first: the agreements (numbered) come before the sources, which are one click away
    heads = [h.strip() for h in page.locator("article h2").all_text_contents()]
    assert "Agreements" in heads and "Sources" in heads and heads.index("Agreements") < heads.index("Sources"), heads
    expect(page.locator("section.provenance details.quotes")).not_to_have_attribute("open", "")
    _shot(page, "02-meeting")

    page.locator(f'a[href="/doc/{MEETING}/item/5"]').first.click()
    expect(page).to_have_url(f"{url}/doc/{MEETING}/item/5")
    expect(page.locator("figure.quote mark").first).to_contain_text("To ask the RCM Technical Secretariat")
    _shot(page, "03-agreement")

    page.locator('a[href="/doc/doc/work-plan-migrant-smuggling"]').first.click()
    expect(page).to_have_url(f"{url}/doc/doc/work-plan-migrant-smuggling")
    _shot(page, "04-document")

    page.locator('a[href="/doc/track/work-plan-migrant-smuggling"]').first.click()
    expect(page).to_have_url(f"{url}/doc/track/work-plan-migrant-smuggling")
    page.locator('a[href="/trace/work-plan-migrant-smuggling"]').first.click()
    expect(page).to_have_url(f"{url}/trace/work-plan-migrant-smuggling")
    expect(page.locator("body")).to_contain_text("19 July 2018")
    _shot(page, "05-timeline")


def test_canned_query_from_the_sparql_page(page, url):
    from playwright.sync_api import expect

    page.goto("/sparql")
    expect(page.locator("#q-meetings")).to_be_visible()
    _shot(page, "06-sparql")
    page.locator("#q-meetings + dd form.example button").click()
    expect(page.locator("section.results table tbody tr")).to_have_count(6)
    expect(page.locator("section.results")).to_contain_text("2018-07-19")
    _shot(page, "07-sparql-results")


def test_search_in_spanish_without_javascript(page, url):
    from playwright.sync_api import expect

    page.goto("/")
    page.fill("#q", "plan de trabajo")
    page.locator("form.search button").click()
    expect(page.locator("table.hits")).to_contain_text("Plan de Trabajo")
    _shot(page, "08-search-es")


def _rows(page, section: str):
    return page.locator("section.section", has=page.locator("h2", has_text=section)).locator("tbody tr")


def test_what_an_organisation_still_owes(page, url):
    from playwright.sync_api import expect

    page.goto("/doc/org/iom")
    heads = page.locator("section.section h2")
    expect(heads.first).to_have_text("Still owes")  # first, before what it fulfilled
    expect(heads.nth(1)).to_have_text("Fulfilled")
    owes = _rows(page, "Still owes")
    expect(owes.first).to_contain_text("translate it into English")  # the oldest first, with its quote
    expect(owes.first).to_contain_text("assumed its commitment to translate it into English")
    done = _rows(page, "Fulfilled")
    expect(done.filter(has_text="technical accompaniment")).to_contain_text("To thank IOM for the support in the development of the Plan")
    _shot(page, "09-iom-still-owes")


def test_what_a_country_still_owes(page, url):
    from playwright.sync_api import expect

    page.goto("/doc/country/US")
    expect(page.locator("section.section h2").first).to_have_text("Still owes")
    expect(_rows(page, "Still owes").first).to_contain_text("share the information with the Technical Secretariat")
    expect(_rows(page, "Still owes").first).to_contain_text("unknown")
    _shot(page, "10-us-still-owes")


def test_an_item_its_commitments_and_how_quiet_it_is(page, url):
    from playwright.sync_api import expect

    page.goto("/doc/track/legislation-matrices")
    expect(page.locator("section.section").first).to_contain_text("Dormant since 21 June 2017")
    coms = _rows(page, "Commitments about this item")
    expect(coms.filter(has_text="translate it into English")).to_contain_text("unknown")
    expect(coms.filter(has_text="updating the matrixes")).to_contain_text("not fulfilled")
    page.goto("/doc/track/work-plan-migrant-smuggling")
    expect(_rows(page, "Commitments about this item").filter(has_text="technical accompaniment")).to_contain_text("fulfilled")
    page.goto("/trace/repatriation-protocol")
    expect(page.locator("p.now")).to_contain_text("distributed")  # not "in implementation"
    # the server's samples have a 2019 meeting more: two later meetings without the protocol, dormant
    expect(page.locator("p.state")).to_contain_text(re.compile(r"(Last dealt with on|Dormant since) 27 November 2017"))
    _shot(page, "11-item-state")
    page.goto("/commitments?status=open")
    expect(page.locator("table.commitments tbody tr").first).to_be_visible()
    statuses = [t.strip() for t in page.locator("table.commitments tbody tr td:nth-child(6)").all_text_contents()]
    # still owed only (statuses read as words: "not fulfilled", rcmkg.publish.views.timeline.STATUS_LABELS)
    assert statuses and "fulfilled" not in statuses and "not fulfilled (overdue)" in statuses


# --- in Spanish, on a phone and on a desktop -------------------------------------------------------------

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(params=sorted(SIZES))
def sized(request, browser, url):
    """A page at phone or desktop size, in a browser that prefers Spanish. JavaScript on here only
    so that the test can measure the layout (the pages themselves have none)."""
    context = browser.new_context(viewport=SIZES[request.param], base_url=url, locale="es-MX",
                                  extra_http_headers={"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"})
    pg = context.new_page()
    yield request.param, pg
    context.close()


def _fits(page) -> None:
    """Nothing wider than the screen: the page never scrolls sideways (wide tables scroll in their box)."""
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, (page.url, width, inner)


def test_spanish_walk_fits_phone_and_desktop(sized, url):
    from playwright.sync_api import expect

    size, page = sized
    page.goto("/")  # Accept-Language: es -> Spanish
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("h1")).to_contain_text("Los informes de reunión de la CRM")
    expect(page.locator(".lang-switch a")).to_have_text("English")
    _fits(page)
    _shot(page, f"20-{size}-home-es")

    page.goto(f"/doc/{MEETING}?lang=es")
    heads = [h.strip() for h in page.locator("article h2").all_text_contents()]
    assert heads.index("Acuerdos") < heads.index("Fuentes"), heads
    expect(page.locator("section.properties")).to_contain_text("19 de julio de 2018")  # a date for people
    expect(page.locator("article")).not_to_contain_text("xsd:")
    # links keep the language
    assert page.locator(f'a[href="/doc/{MEETING}/item/5?lang=es"]').count() >= 1
    _fits(page)
    _shot(page, f"21-{size}-meeting-es")

    page.goto(f"/doc/{MEETING}/item/5?lang=es")
    expect(page.locator("section.cite h2")).to_have_text("Citar")
    expect(page.locator("section.cite .citation")).to_contain_text(f"{BASE}id/{MEETING}/item/5")
    expect(page.locator("article")).not_to_contain_text("is agreed at of")
    _fits(page)
    _shot(page, f"22-{size}-agreement-es")

    page.goto("/doc/org/iom?lang=es")
    expect(page.locator("article")).not_to_contain_text("QID")  # the registry's curation note stays out
    _fits(page)
    _shot(page, f"23-{size}-iom-es")

    page.goto("/trace/work-plan-migrant-smuggling?lang=es")
    chart, listing = page.locator("figure.chart"), page.locator("ol.timeline-list")
    if size == "phone":  # the chart would be unreadable: a vertical list of the same meetings instead
        expect(listing).to_be_visible()
        expect(chart).to_be_hidden()
        expect(listing.locator("li").first).to_contain_text("de 20")
    else:
        expect(chart).to_be_visible()
        expect(listing).to_be_hidden()
    _fits(page)
    _shot(page, f"24-{size}-timeline-es")

    page.goto("/commitments?lang=es")
    _fits(page)
    _shot(page, f"25-{size}-commitments-es")
