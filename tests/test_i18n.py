"""The interface in English and Spanish: the catalogue is complete and compiled, the language is
chosen as documented (rcmkg.i18n), and pages say which language they are in.

The catalogue tests run Babel's extraction as ``make i18n`` does (babel.cfg over rcmkg/), so a
message added to a template or to the code without a Spanish translation fails here.
"""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from rcmkg import i18n
from rcmkg.publish.views.pages import ServerLinker, StaticLinker
from rcmkg.publish.views.render import render

REPO = Path(__file__).resolve().parent.parent
PO = REPO / "rcmkg" / "locale" / "es" / "LC_MESSAGES" / "messages.po"
MO = PO.with_suffix(".mo")


def _catalogue():
    with PO.open("rb") as f:
        return read_po(f, locale="es")


def _extracted() -> dict[str, tuple[str, str]]:
    """msgid -> (file, line) of every message Babel extracts from rcmkg/ with babel.cfg."""
    with (REPO / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found: dict[str, tuple[str, str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            str(REPO / "rcmkg"), method_map, options_map, keywords={
                "_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "pgettext": ((1, "c"), 2)}):
        msgid = message if isinstance(message, str) else message[0]
        found.setdefault(msgid, (filename, str(lineno)))
    return found


def test_every_message_has_a_spanish_translation():
    extracted = _extracted()
    # the templates and the code really go through gettext (a broken babel.cfg extracts nothing)
    assert "Meetings" in extracted and len(extracted) > 10
    assert any(f.endswith(".html") for f, _ in extracted.values())
    cat = _catalogue()
    problems = []
    for msgid, (filename, line) in sorted(extracted.items()):
        m = cat.get(msgid)
        if m is None:
            problems.append(f"{filename}:{line}: {msgid!r} is not in {PO.name} (make i18n)")
            continue
        strings = m.string if isinstance(m.string, tuple | list) else (m.string,)
        if not all(s.strip() for s in strings):
            problems.append(f"{filename}:{line}: {msgid!r} has no Spanish translation")
        if m.fuzzy:
            problems.append(f"{filename}:{line}: {msgid!r} is fuzzy (check the translation, drop the flag)")
    assert not problems, "\n".join(problems)


def test_no_fuzzy_or_untranslated_entry_in_the_catalogue():
    cat = _catalogue()
    entries = [m for m in cat if m.id]
    assert entries
    assert not [m.id for m in entries if m.fuzzy]
    assert not [m.id for m in entries if not all(
        s.strip() for s in (m.string if isinstance(m.string, tuple | list) else (m.string,)))]


def test_shipped_mo_matches_the_po():
    """The compiled catalogue the package loads says exactly what the .po says (make i18n compiles)."""
    with MO.open("rb") as f:
        mo = gettext.GNUTranslations(f)
    compiled = {k: v for k, v in mo._catalog.items() if k != ""}  # type: ignore[attr-defined]
    expected: dict[object, str] = {}
    for m in _catalogue():
        if not m.id or m.fuzzy:
            continue
        if isinstance(m.id, tuple | list):
            for i, s in enumerate(m.string):
                expected[(m.id[0], i)] = s
        else:
            expected[m.id] = m.string
    assert expected
    assert compiled == expected, "rcmkg/locale/es/LC_MESSAGES/messages.mo is stale: run make i18n"


def test_catalogue_is_what_the_package_loads():
    assert i18n.translations("es").gettext("Meetings") == "Reuniones"
    assert i18n.translations("en").gettext("Meetings") == "Meetings"
    with i18n.use("es"):
        assert i18n.gettext("Meetings") == "Reuniones"
    assert i18n.gettext("Meetings") == "Meetings"
    with pytest.raises(ValueError):
        with i18n.use("fr"):
            pass


@pytest.mark.parametrize(("param", "header", "expected"), [
    ("es", "en", ("es", True)),
    ("en", "es", ("en", True)),
    (None, "es-MX,es;q=0.9,en;q=0.8", ("es", False)),
    (None, "en;q=0.4, es;q=0.8", ("es", False)),
    (None, "fr, es;q=0.5, en;q=0.1", ("es", False)),
    (None, "fr, de", ("en", False)),
    (None, "es;q=0, en", ("en", False)),
    (None, "*", ("en", False)),
    (None, None, ("en", False)),
    ("fr", "es", ("es", False)),       # an unsupported ?lang= is ignored, the header decides
    (None, "es;q=abc, en;q=0.2", ("en", False)),  # a malformed q is not a preference
])
def test_language_choice(param, header, expected):
    assert i18n.choose(param, header) == expected


def test_dates_for_people():
    assert i18n.format_date("2017-07-21", "en") == "21 July 2017"
    assert i18n.format_date("2017-07-21", "es") == "21 de julio de 2017"
    assert i18n.format_date("2017", "es") == "2017"
    with i18n.use("es"):
        assert i18n.format_date("2018-02-01") == "1 de febrero de 2018"


def test_page_in_spanish_has_lang_switch_and_keeps_its_language():
    base = "https://w3id.org/rcmkg/"
    linker = ServerLinker(base, root="").localised("es", True, ("/commitments", (("status", "open"), ("lang", "es"))))
    page = render("downloads.html", linker, dumps=[], void_href="/void.ttl", ontology=False, validation=False)
    assert '<html lang="es">' in page
    assert ">Reuniones</a>" in page and ">Meetings</a>" not in page
    # the switch: the same URL in English, other parameters kept
    assert 'href="/commitments?status=open&amp;lang=en" hreflang="en"' in page
    # links to other pages keep ?lang=es; files (CSS) do not
    assert 'href="/commitments?lang=es"' in page and 'href="/static/rcmkg.css"' in page
    en = render("downloads.html", ServerLinker(base).localised("en", False, ("/downloads", ())),
                dumps=[], void_href="/void.ttl", ontology=False, validation=False)
    assert '<html lang="en">' in en and ">Meetings</a>" in en and 'href="/downloads?lang=es"' in en
    assert 'href="/commitments"' in en  # chosen by Accept-Language: plain links


def test_static_site_pages_in_spanish_live_under_es():
    base = "https://w3id.org/rcmkg/"
    es = StaticLinker(base, current="doc/org/iom.html", lang="es")
    assert es.path == "es/doc/org/iom.html"
    assert es.page("doc/org/ilo") == "ilo.html"
    assert es.switch("en") == "../../../doc/org/iom.html"
    assert es.url("static:rcmkg.css") == "../../../static/rcmkg.css"  # one stylesheet for both languages
    assert es.url("commitments") == "../../commitments.html"
    from rcmkg.publish.conneg import RDF_FORMATS
    ttl = next(f for f in RDF_FORMATS if f.key == "ttl")
    assert es.page("doc/org/ilo", ttl) == "../../../doc/org/ilo.ttl"  # RDF documents: one set at the root
    en = es.localised("en")
    assert en.switch("es") == "../../es/doc/org/iom.html" and en.page("doc/org/ilo") == "ilo.html"


# --- the server ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    from builders import BASE, convert_samples, disk_store, serve_store

    from rcmkg.settings import Settings

    tmp = tmp_path_factory.mktemp("i18n")
    store_dir = disk_store(convert_samples(tmp / "rdf"), tmp / "store")
    with serve_store(store_dir, Settings(base=BASE)) as u:
        yield u


@pytest.mark.slow
def test_server_language_by_url_and_accept_language(url):
    import httpx

    with httpx.Client(base_url=url, timeout=30) as c:
        es = c.get("/", headers={"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"})
        assert es.status_code == 200
        assert es.headers["content-language"] == "es"
        assert "accept-language" in es.headers["vary"].lower()
        assert '<html lang="es">' in es.text and ">Reuniones</a>" in es.text
        assert 'href="/?lang=en"' in es.text  # the switch
        en = c.get("/", headers={"Accept-Language": "en"})
        assert en.headers["content-language"] == "en" and '<html lang="en">' in en.text
        assert en.headers["etag"] != es.headers["etag"]  # one cached copy per language
        # ?lang= wins over the header, and the page's links keep it
        pinned = c.get("/commitments", params={"lang": "es"}, headers={"Accept-Language": "en"})
        assert pinned.headers["content-language"] == "es"
        assert 'href="/downloads?lang=es"' in pinned.text and 'href="/static/rcmkg.css"' in pinned.text
        # an error page is in the reader's language too
        missing = c.get("/doc/nothing-here", headers={"Accept-Language": "es", "Accept": "text/html"})
        assert missing.status_code == 404 and missing.headers["content-language"] == "es"
        # RDF is not per language
        ttl = c.get("/doc/org/iom.ttl", headers={"Accept-Language": "es"})
        assert ttl.status_code == 200 and "content-language" not in ttl.headers


@pytest.mark.slow
def test_server_cite_downloads(url):
    import json

    import bibtexparser
    import httpx
    from builders import MEETING

    with httpx.Client(base_url=url, timeout=30) as c:
        page = c.get(f"/doc/{MEETING}/item/5", params={"lang": "es"}).text
        assert f'href="/cite/{MEETING}/item/5.bib"' in page and f'href="/cite/{MEETING}/item/5.json"' in page
        bib = c.get(f"/cite/{MEETING}/item/5.bib")
        assert bib.status_code == 200 and bib.headers["content-type"].startswith("application/x-bibtex")
        assert "attachment" in bib.headers["content-disposition"]
        lib = bibtexparser.parse_string(bib.text)
        assert len(lib.entries) == 1 and not lib.failed_blocks
        csl = c.get(f"/cite/{MEETING}.json")
        assert csl.headers["content-type"] == "application/vnd.citationstyles.csl+json"
        item = json.loads(csl.text)[0]
        assert item["URL"].endswith(f"/id/{MEETING}") and item["type"] == "event"
        assert c.get(f"/cite/{MEETING}.txt").status_code == 404
        assert c.get("/cite/org/iom.bib").status_code == 404  # only meetings and agreements are cited


@pytest.mark.parametrize("lang", ["en", "es"])
def test_translated_messages_still_escape_what_they_carry(lang):
    """An error page's message and IRI come from the request: translated or not, they are escaped,
    and a % in them is text, not a format."""
    linker = ServerLinker("https://w3id.org/rcmkg/").localised(lang, False, ("/x", ()))
    page = render("error.html", linker, status=404, title="Not found", message='nothing at /a%20b<script>alert(1)</script>',
                  iri='https://w3id.org/rcmkg/id/<script>x</script>%s', suggestions=[], hits=[])
    assert "<script>" not in page
    assert "nothing at /a%20b&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "id/&lt;script&gt;x&lt;/script&gt;%s</code>" in page
    assert ("No encontrado" if lang == "es" else "Not found") in page
