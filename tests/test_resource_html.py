"""A resource's page written in Python (rcmkg.publish.views.resource_html: the layout and the
blocks) is what the Jinja template it replaced wrote, byte for byte.

``tests/reference/resource.html`` is that template; it extends the package's ``base.html``, which
the other pages still use, so a change to the layout that the Python does not follow fails here.
Both are rendered, the template through the package's environment and ``render()``, for every
resource of the converted samples (with the
registry and the ontology: meetings, agreements, commitments, texts, countries, classes), in both
languages, with the server's and the static site's links, and for made-up descriptions that have
every optional part, hostile strings and nothing at all.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

from rcmkg.publish.cite import Citation
from rcmkg.publish.views import render as render_mod
from rcmkg.publish.views.pages import (
    Description,
    GraphView,
    Quote,
    Row,
    Section,
    ServerLinker,
    StaticLinker,
    Term,
)
from rcmkg.settings import DEFAULT_BASE
from rcmkg.store.load import open_data

REFERENCE = Path(__file__).parent / "reference"
TRICKY = 'a <b> & "c" \'d\' \u202e\x07 %(n)s {x}'


@pytest.fixture(scope="module")
def view(converted) -> GraphView:
    return GraphView(open_data([converted]).ox, DEFAULT_BASE)


@pytest.fixture(scope="module")
def reference_env() -> jinja2.Environment:
    """The package's environment (its globals, filters, finalize and gettext) with the reference
    template found before the package's own."""
    env = render_mod.environment()
    return env.overlay(loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(REFERENCE)), env.loader]))


def both(reference_env: jinja2.Environment, linker, desc: Description) -> tuple[str, str]:
    new = render_mod.render_resource(linker, desc)
    saved = render_mod._ENV
    render_mod._ENV = reference_env
    try:
        old = render_mod.render("resource.html", linker, d=desc)
    finally:
        render_mod._ENV = saved
    return new, old


def linkers(view: GraphView, lang: str, doc: str) -> list:
    server = ServerLinker(DEFAULT_BASE, view)
    return [server.localised(lang, True, ("/doc/x", (("a", "<1>"),))), server.localised(lang, False, None),
            StaticLinker(DEFAULT_BASE, view, "index.html").localised(lang).at(f"{doc}.html")]


def test_the_reference_is_the_template_and_the_package_has_none(reference_env):
    # the comparison below would prove nothing if both sides were written by the same code
    source = reference_env.loader.get_source(reference_env, "resource.html")[0]
    assert "{% for r in d.rows %}" in source and '{% extends "base.html" %}' in source
    with pytest.raises(jinja2.TemplateNotFound):
        render_mod.environment().get_template("resource.html")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_sample_resource_page_is_what_the_template_wrote(view, reference_env, lang):
    compared = 0
    kinds: set[str] = set()
    for iri in view.resource_iris:
        desc = view.describe(iri)
        if desc is None:
            continue
        doc = (StaticLinker(DEFAULT_BASE, view).doc_path(iri) or "doc/x").partition("#")[0]
        for linker in linkers(view, lang, doc):
            new, old = both(reference_env, linker, desc)
            assert new == old, iri
            compared += 1
        kinds.add(desc.kind)
    # every part of a page came up: sections, incoming rows, passages, quotes, citations, names
    assert compared > 600 and len(kinds) >= 5, (compared, kinds)


def _made_up() -> list[Description]:
    date = "http://www.w3.org/2001/XMLSchema#date"
    uri = Term("uri", f"{DEFAULT_BASE}id/x", label=TRICKY, labels={"en": TRICKY, "es": TRICKY + " es"})
    only_es = Term("uri", f"{DEFAULT_BASE}id/y", label="Solo español", labels={"es": "Solo español"})
    only_en = Term("uri", f"{DEFAULT_BASE}id/w", label="Only English", labels={"en": "Only English"})
    bnode = Term("bnode", "b1", rows=[Row("https://example.org/p", TRICKY, [Term("literal", TRICKY, lang="es")])])
    report = Term("uri", f"{DEFAULT_BASE}id/report/x", label="Report", labels={"en": "Report", "es": "Informe"})
    quotes = [Quote(f"{DEFAULT_BASE}id/text/x#char=1,5", TRICKY, TRICKY, TRICKY, 1, 5, report, [uri, only_es]),
              Quote("javascript:alert(1)#<x>", "x")]
    full = Description(
        iri=f"{DEFAULT_BASE}id/meeting/a&b/2020-01-01?x='1'",
        title=TRICKY, title_lang="es",
        labels=[("https://example.org/p", TRICKY, None), ("https://example.org/q", None, TRICKY), ("https://example.org/r", "e", "s")],
        types=[uri, only_es, only_en, Term("uri", "https://example.org/C")],
        rows=[Row("https://example.org/p<", TRICKY, [uri, bnode, Term("literal", "2020-01-02", datatype=date), None], more=3),
              Row("https://example.org/q", "q", [Term("literal", "1")]),
              Row("http://rdfs.org/ns/void#subset", "subset", [uri], more=5, more_route="void")],
        incoming=[Row("https://example.org/r", "éter " + TRICKY, [only_es], more=2), Row("https://example.org/s", "s", [])],
        quotes=quotes, sources=[report, uri], sources_more=4,
        sections=[
            Section("Agreements", ["Item", "Text", TRICKY], [[uri, Term("literal", TRICKY), None], [only_es, bnode, report]],
                    note="Item %(n)s as of %(date)s", note_args={"n": TRICKY, "date": "2020-01-31"},
                    link=("home", "Meetings"), more=7, more_link=("commitments", "Commitments")),
            Section("Delegations", ["Country"], [], more=2),
            Section("", [], [], link=("sparql", "")),
        ],
        triples=[], kind="meeting <x>", spans=quotes[:1],
        lacks=[{"en": TRICKY, "es": "no " + TRICKY}],
        title_term=only_es,
        cite=Citation(iri=f"{DEFAULT_BASE}id/meeting/x/2020-01-01", kind="meeting", title=TRICKY, date="2020-01-01",
                      author="A & B"),
    )
    bare = Description(iri=f"{DEFAULT_BASE}id/z", title="", title_lang=None, labels=[], types=[], rows=[], incoming=[],
                       quotes=[], sources=[], sections=[], triples=[])
    outside = Description(iri="https://elsewhere.example/x", title="x", title_lang="en", labels=[], types=[], rows=[],
                          incoming=[], quotes=quotes[1:], sources=[], sections=[], triples=[], title_term=uri)
    return [full, bare, outside]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_made_up_pages_with_every_part_are_what_the_template_wrote(view, reference_env, lang):
    compared = 0
    for desc in _made_up():
        for linker in linkers(view, lang, "doc/meeting/x"):
            new, old = both(reference_env, linker, desc)
            assert new == old, desc.iri
            compared += 1
    assert compared == 9
    # the made-up page really has its parts, escaped
    new, _ = both(reference_env, linkers(view, lang, "doc/x")[0], _made_up()[0])
    for part in ('class="lacks"', 'class="properties"', 'class="incoming"', 'class="spans"', 'class="quotes"',
                 'id="cite"', 'class="names"', 'class="note"', 'class="more"', 'class="fallback"'):
        assert part in new, part
    assert "&lt;U+202E&gt;" in new and "<b>" not in new
    # the rows left out of the dataset's own are in the VoID description, not the store's SPARQL
    assert re.search(r'<li class="more">[^<]*\(<a href="/void\.ttl[^"]*">', new), new
