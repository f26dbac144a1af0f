"""Pages that start with the answer, in English and Spanish, and "cite this" (issue 14, points 3 and 7).

Rendered from the converted sample reports with the registry and the ontology (an in-memory store,
no server): the order of a meeting's and an agreement's sections, property names both ways in both
languages, dates for people, no datatypes and no curation notes on a page, item links that go to
the agreement their number names, and citations that parse as BibTeX and CSL-JSON.
"""

from __future__ import annotations

import html
import json
import re

import bibtexparser
import pyoxigraph
import pytest

from rcmkg.namespaces import RCM, SKOS
from rcmkg.publish.views.pages import GraphView, ServerLinker
from rcmkg.publish.views.render import render_resource
from rcmkg.settings import DEFAULT_BASE
from rcmkg.store.load import open_data

MEETING = f"{DEFAULT_BASE}id/meeting/rcm-lon-smtp/2018-07-19"
AGREEMENT = f"{MEETING}/item/5"


@pytest.fixture(scope="module")
def view(converted) -> GraphView:
    store = open_data([converted])
    return GraphView(store.ox, DEFAULT_BASE)


def page(view: GraphView, iri: str, lang: str = "en") -> str:
    desc = view.describe(iri)
    assert desc is not None, iri
    linker = ServerLinker(DEFAULT_BASE, view).localised(lang, True, ("/doc/x", ()))
    return render_resource(linker, desc)


def visible(text: str) -> str:
    """What a reader sees: no JSON-LD block, no tags."""
    text = re.sub(r"<script.*?</script>", "", text, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def headings(text: str) -> list[str]:
    return [html.unescape(h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", text, flags=re.S)]


@pytest.mark.parametrize(("lang", "names"), [
    ("en", ("Facts", "Delegations", "Agreements", "Commitments", "Sources", "Cite this")),
    ("es", ("Datos", "Delegaciones", "Acuerdos", "Compromisos", "Fuentes", "Citar")),
])
def test_meeting_page_starts_with_the_answer(view, lang, names):
    text = page(view, MEETING, lang)
    heads = headings(text)
    assert [h for h in heads if h in names] == list(names), heads
    # the source snippets are one click away, after the agreements
    assert "<details class=\"quotes\">" in text and "<figure class=\"quote\"" in text
    assert text.index("<details class=\"quotes\">") < text.index("<figure class=\"quote\"")
    assert text.index(">" + names[2] + "<") < text.index("<details class=\"quotes\">")
    # date, place and body come first, the date for people
    facts = text[text.index('class="properties"'):text.index(">" + names[1] + "<")]
    assert ("19 July 2018" if lang == "en" else "19 de julio de 2018") in visible(facts)
    assert "Panama" in visible(facts) or "Panamá" in visible(facts)


def test_agreements_are_numbered_with_kind_and_items(view):
    text = page(view, MEETING)
    agreements = text[text.index("<h2>Agreements</h2>"):text.index("<h2>Commitments</h2>")]
    rows = re.findall(r"<tr>(.*?)</tr>", agreements, flags=re.S)
    assert len(rows) > 10
    assert any("3.b" in r and "request" in r and "Regional Work Plan to Combat Migrant Smuggling" in r for r in rows)


def test_item_links_go_to_the_agreement_their_number_names(view):
    """An agreement's IRI ends with its position in the report (item/9 may be printed "5"): every
    link whose text is an agreement's number goes to the agreement with that number."""
    numbers = {r["a"].value: r["n"].value for r in view.select(
        "SELECT ?a ?n WHERE { ?a a rcm:Agreement ; rcm:number ?n }")}
    meetings = [r["m"].value for r in view.select("SELECT DISTINCT ?m WHERE { ?m a rcm:Meeting }")]
    assert len(meetings) >= 5
    checked = 0
    for m in meetings:
        text = page(view, m)
        section = text[text.index(">Agreements<"):]
        for path, label in re.findall(r'<a href="/doc/([^"?#]+)[^"]*"[^>]*>([^<]+)</a>', section):
            iri = DEFAULT_BASE + "id/" + path
            if iri in numbers and re.fullmatch(r"\d+(\.\w+)*", label.strip()):
                assert numbers[iri] == label.strip(), (m, path, label)
                checked += 1
        # some report numbers differ from positions, so the check can fail
    assert checked > 30
    assert any(iri.rsplit("/", 1)[-1] != n for iri, n in numbers.items())


def test_agreement_page_text_kind_actors_commitments(view):
    text = page(view, AGREEMENT, "es")
    seen = visible(text)
    heads = headings(text)
    assert heads.index("Datos") < heads.index("Compromisos") < heads.index("Fuentes")
    assert "To ask the RCM Technical Secretariat to disseminate" in seen
    assert "solicitud" in seen and "Secretaría Técnica de la CRM" in seen
    assert "9 de agosto de 2018" in seen  # the commitment's due date
    assert "no cumplido" in seen or "desconocido" in seen or "unknown" in seen or "not fulfilled" in seen


@pytest.mark.parametrize("lang", ["en", "es"])
def test_properties_read_both_ways_in_both_languages(view, lang):
    text = page(view, AGREEMENT, lang)
    incoming = [html.unescape(t).strip() for t in re.findall(r"<dt [^>]*>([^<]*)</dt>", text)]
    assert incoming
    assert not [t for t in incoming if re.match(r"(?i)is .* of$", t)], incoming
    expected = "Meeting that agreed it" if lang == "en" else "Reunión que lo acordó"
    assert expected in incoming, incoming
    meeting = page(view, MEETING, lang)
    assert ("Agreements of this meeting" if lang == "en" else "Acuerdos de esta reunión") in visible(meeting)


def test_no_datatypes_and_no_curation_notes_on_pages(view):
    notes = {r["s"].value: r["n"].value for r in view.select(
        "SELECT ?s ?n WHERE { ?s skos:editorialNote ?n }")}
    assert any("QID" in n for n in notes.values())  # the registry keeps its notes, as notes
    assert not view.select("SELECT ?s WHERE { GRAPH ?g { ?s rdfs:comment ?c } FILTER(STRSTARTS(STR(?g), STR(id:graph/registry))) }"
                           .replace("id:graph/registry", f"<{DEFAULT_BASE}id/graph/registry>"))
    for iri, note in sorted(notes.items())[:25]:
        for lang in ("en", "es"):
            seen = visible(page(view, iri, lang))
            assert note[:40] not in seen, iri
            assert "xsd:" not in seen, iri
    assert SKOS + "editorialNote" not in visible(page(view, f"{DEFAULT_BASE}id/org/iom"))


def test_spanish_page_names_in_spanish_with_the_fallback_marked(view):
    text = page(view, AGREEMENT, "es")
    # a name the registry gives in Spanish is shown in Spanish, unmarked
    assert re.search(r'<span lang="es">Secretaría Técnica de la CRM</span>', text)
    # a name only in English is shown in English, marked as such
    assert re.search(r'<span lang="en" class="fallback">Meeting of the Liaison Officer Network[^<]*</span> '
                     r'<span class="fallback-mark"[^>]*>\(en\)</span>', text)
    assert not re.search(r"Español\s*—", visible(text))
    english = page(view, AGREEMENT, "en")
    assert 'class="fallback"' not in english.split("<h1", 1)[1].split("</h1>", 1)[0]


def test_inverse_labels_come_from_the_ontology(view):
    assert view.inverse_label(RCM + "agreedAt", "es") == "acuerdos de esta reunión"
    assert view.inverse_label(RCM + "hasAgreement", "en") == "meeting that agreed it"
    assert view.inverse_label("http://schema.org/organizer", "es") == "reuniones que organizó"


# --- cite this -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("iri", [MEETING, AGREEMENT])
def test_citation_text_bibtex_and_csl(view, iri):
    desc = view.describe(iri)
    assert desc is not None and desc.cite is not None
    cite = desc.cite
    report = f"{DEFAULT_BASE}id/report/rcm-lon-smtp/2018-07-19"
    assert iri in cite.text and report in cite.text
    lib = bibtexparser.parse_string(cite.bibtex)
    assert not lib.failed_blocks
    assert len(lib.entries) == 1
    entry = lib.entries[0]
    assert entry.entry_type == "misc" and entry.key == cite.key
    fields = {f.key: f.value for f in entry.fields}
    assert fields["url"] == iri and fields["year"] == "2018" and fields["date"] == "2018-07-19"
    assert report in fields["note"]
    assert fields["title"].strip("{}") == (view.label(iri) or "")
    csl = json.loads(cite.csl_text)
    assert isinstance(csl, list) and len(csl) == 1
    item = csl[0]
    assert item["URL"] == iri and item["issued"] == {"date-parts": [[2018, 7, 19]]}
    assert item["type"] == ("event" if iri == MEETING else "document") and item["title"]
    assert report in item["note"]
    assert cite.download("bibtex")[1].startswith("application/x-bibtex")
    assert cite.download("csl")[1] == "application/vnd.citationstyles.csl+json"
    # on the page: plain text, BibTeX and CSL-JSON, and the downloads
    text = page(view, iri)
    assert html.escape(cite.text, quote=False) in text or cite.text in html.unescape(text)
    assert "/cite/" in text and ".bib" in text and ".json" in text


def test_bibtex_escapes_tex_specials():
    from rcmkg.publish.cite import Citation

    c = Citation(iri="https://w3id.org/rcmkg/id/meeting/x/2020-01-01", kind="meeting",
                 title="50% of {braces} & #hash_under", date="2020-01-01", author="A & B")
    lib = bibtexparser.parse_string(c.bibtex)
    assert not lib.failed_blocks and len(lib.entries) == 1
    title = next(f.value for f in lib.entries[0].fields if f.key == "title")
    assert r"50\% of \{braces\} \& \#hash\_under" in title


# What _macros.html's term() and name() were before they became Python functions
# (rcmkg.publish.views.render): the functions must write the same bytes.
_MACROS = """{% macro name(t) -%}
{% set text, lang, fallback = t.shown(ui_lang) %}
{%- if fallback %}<span lang="{{ lang }}" class="fallback">{{ text }}</span> <span class="fallback-mark" title="{{ _('Not named in this language; shown in the other language') }}">({{ lang }})</span>
{%- elif lang %}<span lang="{{ lang }}">{{ text }}</span>
{%- else %}{{ text }}{% endif %}
{%- endmacro %}
{% macro term(t, es=True) -%}
{% if t is none %}<span class="none">—</span>
{%- elif t.kind == "uri" %}<a href="{{ href(t.value) }}" title="{{ t.value }}">{{ name(t) }}</a>
{%- elif t.kind == "list" %}{% for v in t.rows[0]['values'] %}{{ term(v) }}{% if not loop.last %}, {% endif %}{% endfor %}
{%- elif t.kind == "bnode" %}{% if t.rows %}<dl class="nested">{% for r in t.rows %}<dt>{{ row_label(r) }}</dt><dd>{% for v in r['values'] %}{{ term(v) }}{% if not loop.last %}, {% endif %}{% endfor %}</dd>{% endfor %}</dl>{% else %}<span class="bnode">{{ _("(blank node)") }}</span>{% endif %}
{%- elif t.is_date %}<time datetime="{{ t.value }}">{{ t.value|date }}</time>
{%- else %}<span class="literal"{% if t.lang %} lang="{{ t.lang }}"{% endif %}>{{ t.value }}</span>
{%- endif %}
{%- endmacro %}
"""


@pytest.mark.parametrize("lang", ["en", "es"])
def test_term_and_name_write_what_the_macros_wrote(view, lang):
    from rcmkg.i18n import use
    from rcmkg.publish.views.pages import Row, Term
    from rcmkg.publish.views.render import environment

    tricky = 'a <b> & "c" \'d\' \u202e\x07'
    terms = [
        None,
        view.term(pyoxigraph.NamedNode(MEETING)),
        Term("uri", "https://example.org/x?a=1&b=<2>", label=tricky),
        Term("uri", "javascript:alert(1)", label="js"),
        Term("uri", f"{DEFAULT_BASE}id/x", label="Only English", labels={"en": "Only English"}),
        Term("uri", f"{DEFAULT_BASE}id/y", label="Solo español", labels={"es": "Solo español"}),
        Term("uri", f"{DEFAULT_BASE}id/z", label=tricky, labels={"en": tricky, "es": tricky + " es"}),
        Term("literal", tricky, lang="es"),
        Term("literal", "2018-07-19", datatype="http://www.w3.org/2001/XMLSchema#date"),
        Term("literal", "2018", datatype="http://www.w3.org/2001/XMLSchema#date"),
        Term("literal", "42", datatype="http://www.w3.org/2001/XMLSchema#integer"),
        Term("bnode", "b0"),
        Term("bnode", "b1", rows=[Row(RCM + "dueText", "due", [Term("literal", tricky), Term("literal", "x", lang="en")]),
                                  Row(SKOS + "prefLabel", "name", [Term("bnode", "b2")], inverse=True)]),
        Term("list", "", rows=[Row("", "", [Term("uri", f"{DEFAULT_BASE}id/x", label="x"), Term("literal", "y")])]),
        Term("list", "", rows=[Row("", "", [])]),
    ]
    env = environment()
    old = env.from_string(_MACROS + "{% for t in terms %}[{{ term(t) }}|{{ name(t) if t and t.kind == 'uri' else '' }}]{% endfor %}")
    new = env.from_string("{% for t in terms %}[{{ term(t) }}|{{ name(t) if t and t.kind == 'uri' else '' }}]{% endfor %}")
    linker = ServerLinker(DEFAULT_BASE, view).localised(lang, True, ("/doc/x", ()))
    context = {"terms": terms, "ui_lang": lang, "href": lambda iri: linker.href(iri) + "&<", "row_label": view.row_label}
    with use(lang):
        written = new.render(**context)
        assert written == old.render(**context)
    assert "fallback" in written and "&lt;U+202E&gt;" in written and "<dl class=\"nested\">" in written


# What _macros.html's quote_block() was before it became a Python function (the same bytes).
_QUOTE_MACRO = """{% macro quote_block(q, show_report=True) -%}
<figure class="quote" id="{{ q.anchor }}">
  <blockquote cite="{{ q.span }}"><p>{% if q.prefix %}<span class="context">…{{ q.prefix }}</span>{% endif %}<mark>{{ q.exact }}</mark>{% if q.suffix %}<span class="context">{{ q.suffix }}…</span>{% endif %}</p></blockquote>
  <figcaption>
    {% if show_report and q.report %}{{ _("From") }} {{ term(q.report, es=False) }}, {% endif %}
    <a href="{{ href(q.span) }}">{{ _("characters %(start)s–%(end)s", start=q.start, end=q.end) }}</a>
    {% if q.derived %}<br>{{ _("Source of:") }} {% for d in q.derived %}{{ term(d, es=False) }}{% if not loop.last %}; {% endif %}{% endfor %}{% endif %}
  </figcaption>
</figure>
{%- endmacro %}
"""


@pytest.mark.parametrize("lang", ["en", "es"])
def test_quote_block_writes_what_the_macro_wrote(lang):
    from rcmkg.i18n import use
    from rcmkg.publish.views.pages import Quote, Term
    from rcmkg.publish.views.render import environment

    tricky = 'a <b> & "c" \'d\' \u202e\x07'
    report = Term("uri", f"{DEFAULT_BASE}id/report/x", label=tricky, labels={"en": "Report", "es": tricky})
    derived = [Term("uri", f"{DEFAULT_BASE}id/a", label="A"), Term("uri", f"{DEFAULT_BASE}id/b?x=<1>", label=tricky)]
    quotes = [
        Quote(f"{DEFAULT_BASE}id/text/x#char=10,20", tricky, tricky, tricky, 10, 20, report, derived),
        Quote(f"{DEFAULT_BASE}id/text/x#char=0,5", "exact"),
        Quote("javascript:alert(1)#<x>", "", "", "after", 0, 0, report, derived[:1]),
        Quote(f"{DEFAULT_BASE}id/text/x#char=3,4", "x", prefix="before", derived=derived),
    ]
    body = "{% for q in quotes %}[{{ quote_block(q) }}|{{ quote_block(q, show_report=False) }}]{% endfor %}"
    env = environment()
    old = env.from_string(_QUOTE_MACRO + body)
    new = env.from_string(body)
    context = {"quotes": quotes, "ui_lang": lang, "href": lambda iri: iri + "&<", "row_label": lambda r: r.label}
    with use(lang):
        written = new.render(**context)
        assert written == old.render(**context)
    assert written.count("<figure") == 8 and "&lt;U+202E&gt;" in written and ("Source of" in written) == (lang == "en")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_gettext_writes_what_jinjas_newstyle_gettext_wrote(lang):
    # render.environment() replaces jinja2.ext's _(), gettext() and ngettext() with one-call
    # versions: the same text, escaping and formatting as the extension's own.
    import jinja2

    from rcmkg import i18n
    from rcmkg.publish.views.render import environment

    source = """{{ _("Search") }}|{{ _("characters %(start)s–%(end)s", start=s, end="<9>") }}|{{ gettext("Facts") }}
{{ ngettext("What the report says: %(num)d passage", "What the report says: %(num)d passages", n) }}
{{ ngettext("What the report says: %(num)d passage", "What the report says: %(num)d passages", 1) }}
{{ _("100%% & <b>") }}|{{ _("%%") }}|{% trans v=s %}Published by rcmkg {{ v }}.{% endtrans %}"""
    reference = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    reference.install_gettext_translations(i18n.CurrentTranslations(), newstyle=True)  # type: ignore[attr-defined]
    reference.policies["ext.i18n.trimmed"] = True
    with i18n.use(lang):
        for s, n in (("<x>", 3), ("&", 1)):
            assert environment().from_string(source).render(s=s, n=n) == reference.from_string(source).render(s=s, n=n)


@pytest.mark.parametrize("lazy", [False, True])
def test_the_extra_description_is_read_with_the_store(converted, lazy):
    """Triples outside the store (the VoID description) answer look-ups by subject and by object
    beside the store's, whether given at once or made on first use; a resource they do not mention
    gets the store's alone."""
    store = open_data([converted])
    dataset = pyoxigraph.NamedNode(f"{DEFAULT_BASE}id/dataset")
    void = "http://rdfs.org/ns/void#"
    extra = [pyoxigraph.Triple(dataset, pyoxigraph.NamedNode(void + "exampleResource"), pyoxigraph.NamedNode(MEETING)),
             pyoxigraph.Triple(dataset, pyoxigraph.NamedNode(void + "triples"), pyoxigraph.Literal("7")),
             pyoxigraph.Triple(pyoxigraph.BlankNode("d1"), pyoxigraph.NamedNode(void + "subset"), dataset)]
    view = GraphView(store.ox, DEFAULT_BASE, extra=(lambda: extra) if lazy else extra)
    meeting = pyoxigraph.NamedNode(MEETING)
    # a look-up of a store resource first (the extra store is made then, when given at once)
    own = list(GraphView(store.ox, DEFAULT_BASE).quads(s=meeting))
    assert len(own) > 5 and list(view.quads(s=meeting)) == own
    assert {q.triple for q in view.quads(s=dataset)} == set(extra[:2])
    assert {q.triple for q in view.quads(o=dataset)} == {extra[2]}
    assert extra[0] in {q.triple for q in view.quads(o=meeting)}
    assert {q.triple for q in view.quads(p=pyoxigraph.NamedNode(void + "triples"))} == {extra[1]}
    assert not list(view.quads(s=meeting, o=dataset))
    desc = view.describe(MEETING)
    assert desc is not None and any(r.predicate == void + "exampleResource" for r in desc.incoming)


def test_every_quote_names_the_report_its_text_is_in(view):
    desc = view.describe(AGREEMENT)
    assert desc is not None and desc.quotes
    reports = {q.report.value for q in desc.quotes if q.report is not None}
    assert len(reports) == 1 and next(iter(reports)).startswith(f"{DEFAULT_BASE}id/report/"), reports
    assert all(q.report is not None for q in desc.quotes)
    # the text's own page: every passage, the same report (looked up once for the text)
    text = next(q for q in view.quads(s=pyoxigraph.NamedNode(next(iter(reports))))
                if q.predicate.value == RCM + "sourceText").object.value
    spans = view.describe(text).spans
    assert len(spans) > 20 and {q.report.value for q in spans if q.report is not None} == reports
    assert all(q.report is not None for q in spans)


def test_static_links_are_remembered_per_folder_and_language(view):
    """A static linker and those made from it share the links they worked out (a publish writes
    780,000 pages): a link is the same as one worked out afresh from any page, in either language."""
    from rcmkg.publish.views.pages import StaticLinker

    root = StaticLinker(DEFAULT_BASE, view, "index.html")
    pages = [root.at("doc/meeting/rcm-lon-smtp/2018-07-19/item/3.html"), root.at("index.html"),
             root.localised("es").at("doc/meeting/rcm-lon-smtp/2018-07-19/item/3.html"), root.at("doc/org/iom.html")]
    checked = 0
    for linker in pages * 2:  # the second round answers from what the first remembered
        for iri in (MEETING, AGREEMENT, f"{DEFAULT_BASE}id/nothing-here", "https://example.org/x"):
            afresh = StaticLinker(DEFAULT_BASE, view, linker.current, None, linker.lang).href(iri)
            assert linker.href(iri) == afresh, (linker.path, iri)
            checked += 1
    assert checked == 32
    assert len({p.href(MEETING) for p in pages}) == 3  # an English and a Spanish page link alike
    assert root._hrefs  # shared, not one table per page


class _Counting:
    """A store that counts its look-ups by (bound subject, bound predicate)."""

    def __init__(self, store: pyoxigraph.Store) -> None:
        self.store = store
        self.calls: dict[tuple[str | None, str | None], int] = {}

    def quads_for_pattern(self, s, p, o, g=None):
        key = (s.value if isinstance(s, pyoxigraph.NamedNode) else None, None if p is None else p.value)
        self.calls[key] = self.calls.get(key, 0) + 1
        return self.store.quads_for_pattern(s, p, o, g)

    def __getattr__(self, name):
        return getattr(self.store, name)


def _own_tables(view: GraphView, iri: str) -> tuple:
    return view.labels.get(iri), view.types.get(iri), view.positions.get(iri), view.exists(iri)


def test_a_description_fills_its_resources_tables_as_the_look_ups_would(converted):
    """Describing a resource reads every quad it is the subject of; its labels, types and position
    are taken from those instead of looked up again, and must be what the look-ups give."""
    from rcmkg.namespaces import RDF

    store = open_data([converted])
    looked_up = GraphView(store.ox, DEFAULT_BASE)
    checked = 0
    for iri in looked_up.resource_iris:
        counting = _Counting(store.ox)
        view = GraphView(counting, DEFAULT_BASE)  # type: ignore[arg-type]
        if view.describe(iri) is None:
            continue
        assert _own_tables(view, iri) == _own_tables(looked_up, iri), iri
        asked = {p for s, p in counting.calls if s == iri}
        assert not asked & {SKOS + "prefLabel", RDF + "type", RCM + "position"}, (iri, asked)
        checked += 1
    assert checked > 300


def test_a_resources_own_labels_are_ranked_as_the_look_ups_rank_them():
    """Labels in several properties and languages, positions in two graphs and a label in a
    derived graph (not published): the description's tables keep what the look-ups keep."""
    from rcmkg.namespaces import RDF, RDFS

    n = pyoxigraph.NamedNode
    item = n(f"{DEFAULT_BASE}id/meeting/rcm-x/2020-01-01/item/1")
    report, other = n(f"{DEFAULT_BASE}id/graph/rcm-x/2020-01-01"), n(f"{DEFAULT_BASE}id/graph/rcm-y/2020-01-01")
    derived = n(f"{DEFAULT_BASE}id/graph/inferred")
    store = pyoxigraph.Store()
    store.extend([pyoxigraph.Quad(item, n(p), o, g) for p, o, g in (
        (RDF + "type", n(RCM + "Agreement"), report),
        (SKOS + "prefLabel", pyoxigraph.Literal("Pref", language="en"), report),
        (RDFS + "label", pyoxigraph.Literal("Label", language="en"), report),
        ("http://schema.org/name", pyoxigraph.Literal("Name", language="en"), other),
        ("http://schema.org/name", pyoxigraph.Literal("Nombre", language="es"), report),
        ("http://purl.org/dc/terms/title", pyoxigraph.Literal("Título", language="es"), report),
        ("http://purl.org/dc/terms/title", pyoxigraph.Literal("Untagged"), report),
        (RDFS + "label", pyoxigraph.Literal("Derived", language="fr"), derived),
        (RCM + "position", pyoxigraph.Literal("3", datatype=n("http://www.w3.org/2001/XMLSchema#integer")), report),
        (RCM + "position", pyoxigraph.Literal("4", datatype=n("http://www.w3.org/2001/XMLSchema#integer")), other),
    )])
    view = GraphView(store, DEFAULT_BASE)
    assert view.describe(item.value) is not None
    looked_up = GraphView(store, DEFAULT_BASE)
    assert _own_tables(view, item.value) == _own_tables(looked_up, item.value)
    assert view.labels.get(item.value) == {"en": "Pref", "es": "Nombre", "": "Untagged"}


def test_a_meetings_citation_parts_are_looked_up_once_for_its_agreements(converted):
    store = open_data([converted])
    counting = _Counting(store.ox)
    view = GraphView(counting, DEFAULT_BASE)  # type: ignore[arg-type]
    agreements = [f"{MEETING}/item/{i}" for i in (1, 2, 5)]
    for iri in agreements:
        desc = view.describe(iri)
        assert desc is not None and desc.cite is not None
        assert desc.cite == GraphView(store.ox, DEFAULT_BASE).describe(iri).cite
    assert counting.calls[(MEETING, "http://schema.org/startDate")] == 1
