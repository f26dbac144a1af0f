"""A resource page's ``head`` and ``main`` blocks (``templates/resource.html``), written in Python.

A publish renders 780,000 of these at 10,000 reports. As a Jinja template the two blocks cost
about 0.45 ms a page: each ``{{ }}`` through the context's call and attribute machinery, each loop
through a loop context. The same bytes written here cost about 0.2 ms (bench/README.md, 2026-12-05).
The layout (``base.html``) stays a template. What is written is what the template wrote, byte for
byte: ``tests/reference/resource.html`` keeps that template, and ``tests/test_resource_html.py``
renders both for every resource of the converted samples and for descriptions with every part.

Every value goes through :func:`rcmkg.publish.views.html.text` (what ``{{ value }}`` writes: control
and bidi characters made visible, then escaped); messages as the templates' ``_()`` gives them.
"""

from __future__ import annotations

from typing import Any

import jinja2
import markupsafe

from rcmkg import i18n
from rcmkg.i18n import N_
from rcmkg.publish.views.html import Scope, link, name_html, note, quote_html, term_html, text

_Markup = markupsafe.Markup


def _msg(message: str, **variables: Any) -> str:
    """``{{ _(message, **variables) }}`` of a template (newstyle gettext: safe, %-formatted)."""
    rv = _Markup(i18n.gettext(message))
    return rv % variables if variables or "%" in rv else rv


# The messages of the page (extracted by Babel from here: babel.cfg).
_PERMANENT, _ALSO_AS, _LACKS = N_("Permanent address"), N_("Also as"), N_("What the report does not say")
_FACTS, _MORE, _QUERY_THEM = N_("Facts"), N_("and %(n)s more"), N_("query them")
_NONE_RECORDED, _REFERRED, _PASSAGES = N_("None recorded."), N_("Referred to by"), N_("Passages of this text")
_SOURCES, _COME_FROM, _CITE, _DOWNLOAD = N_("Sources"), N_("These statements come from:"), N_("Cite this"), N_("Download:")
_NAMES, _NOT_GIVEN = N_("Names in English and Spanish"), N_("not given")


def _alternates(context: jinja2.runtime.Context, iri: str) -> list[tuple[Any, str]]:
    return context.resolve("alternates")(iri)  # type: ignore[no-any-return]


@jinja2.pass_context
def resource_head(context: jinja2.runtime.Context, d: Any) -> markupsafe.Markup:
    """The ``head`` block: the page's other formats, its JSON-LD."""
    parts = [f'<link rel="alternate" type="{text(f.media_type)}" href="{text(h)}" title="{text(f.label)}">\n'
             for f, h in _alternates(context, d.iri) if f.key != "html"]
    parts.append(f'<script type="application/ld+json">{d.jsonld}</script>\n')
    return _Markup("".join(parts))


def _rows(context: jinja2.runtime.Context, scope: Scope, d: Any, incoming: bool) -> str:
    """The facts (``d.rows``) or what refers to the resource (``d.incoming``), and the blank line after."""
    rows = d.incoming if incoming else d.rows
    if not rows:
        return "\n"
    href, url, row_label = scope.href, context.resolve("url"), scope.row_label
    out = [f'<section class="incoming">\n  <h2>{_msg(_REFERRED)}</h2>\n' if incoming
           else f'<section class="properties">\n  <h2>{_msg(_FACTS)}</h2>\n', '  <dl class="props">\n']
    for r in rows:
        if incoming:
            out.append(f'    <dt title="{text(r.predicate)}">{text(str(row_label(r)).capitalize())}</dt>\n')
        else:
            out.append(f'    <dt title="{text(r.predicate)}"><a href="{text(href(r.predicate))}">{text(row_label(r))}</a></dt>\n')
        out.append("    <dd><ul>")
        out.extend(f"<li>{term_html(scope, v)}</li>" for v in r.values)
        if r.more:
            query = (f"SELECT ?s WHERE {{ ?s <{r.predicate}> <{d.iri}> }}" if incoming
                     else f"SELECT ?o WHERE {{ <{d.iri}> <{r.predicate}> ?o }}")
            out.append(f'<li class="more">{_msg(_MORE, n=r.more)} (<a href="{text(url("sparql", query=query))}">'
                       f"{_msg(_QUERY_THEM)}</a>)</li>")
        out.append("</ul></dd>\n")
    out.append("  </dl>\n</section>\n\n")
    return "".join(out)


def _section(context: jinja2.runtime.Context, scope: Scope, s: Any) -> str:
    url = context.resolve("url")
    tr = i18n.gettext
    out = ['<section class="section">\n', f"  <h2>{text(tr(s.title) if s.title else '')}</h2>\n"]
    if s.link:
        out.append(f'<p><a href="{text(url(s.link[0]))}">{text(tr(s.link[1]) if s.link[1] else "")}</a></p>')
    if s.rows:
        labels = [text(tr(c) if c else "") for c in s.columns]
        out.append('  <div class="scroll">\n  <table>\n    <thead><tr>')
        out.extend(f'<th scope="col">{c}</th>' for c in labels)
        out.append("</tr></thead>\n    <tbody>\n")
        for row in s.rows:
            out.append("<tr>")
            out.extend(f'<td data-label="{labels[i]}">{term_html(scope, cell)}</td>' for i, cell in enumerate(row))
            out.append("</tr>\n")
        out.append("    </tbody>\n  </table>\n  </div>\n")
    else:
        out.append(f"<p>{_msg(_NONE_RECORDED)}</p>")
    if s.more:
        out.append(f'<p class="more">{_msg(_MORE, n=s.more)}')
        if s.more_link:
            out.append(f' (<a href="{text(url(s.more_link[0]))}">{text(tr(s.more_link[1]) if s.more_link[1] else "")}</a>)')
        out.append("</p>")
    if s.note:
        out.append(f'<p class="note">{text(note(s.note, s.note_args))}</p>')
    out.append("</section>\n")
    return "".join(out)


@jinja2.pass_context
def resource_main(context: jinja2.runtime.Context, d: Any) -> markupsafe.Markup:
    """The ``main`` block: the resource's name and formats, then what is known of it, its sources,
    how to cite it and its names in both languages."""
    scope = Scope.of(context)
    lang = scope.lang
    alternates = _alternates(context, d.iri)
    last = len(alternates) - 1
    out = [f'<article class="resource {text(d.kind)}">\n<header>\n  <p class="types">',
           " · ".join(name_html(scope, t) for t in d.types), "</p>\n"]
    title, tlang, fallback = d.title_term.shown(lang) if d.title_term else (d.title, d.title_lang, False)
    out.append("  <h1")
    if tlang:
        out.append(f' lang="{text(tlang)}"')
    if fallback:
        out.append(' class="fallback"')
    out.append(f">{text(title)}")
    if fallback:
        out.append(f' <span class="fallback-mark">({text(tlang)})</span>')
    out.append("</h1>\n")
    out.append(f'  <p class="iri">{_msg(_PERMANENT)} <a href="{text(link(d.iri))}"><code>{text(d.iri)}</code></a></p>\n')
    out.append(f'  <p class="formats">{_msg(_ALSO_AS)} ')
    for i, (f, h) in enumerate(alternates):
        if f.key != "html":
            out.append(f'<a href="{text(h)}" type="{text(f.media_type)}">{text(f.label)}</a>')
            if i != last:
                out.append(" · ")
    out.append("</p>\n</header>\n\n")
    if d.lacks:
        out.append(f'<section class="lacks">\n  <h2>{_msg(_LACKS)}</h2>\n  <ul>')
        out.extend(f"<li>{text(sentence[lang])}</li>" for sentence in d.lacks)
        out.append("</ul>\n</section>\n")
    out.append("\n")
    out.append(_rows(context, scope, d, incoming=False))
    out.extend(_section(context, scope, s) for s in d.sections)
    out.append("\n")
    out.append(_rows(context, scope, d, incoming=True))
    if d.spans:
        out.append(f'<section class="spans">\n  <h2>{_msg(_PASSAGES)}</h2>\n')
        out.extend(quote_html(scope, q, show_report=False) for q in d.spans)
        out.append("</section>\n")
    out.append("\n")
    if d.quotes or d.sources:
        out.append(f'<section class="provenance">\n  <h2>{_msg(_SOURCES)}</h2>\n')
        if d.sources:
            out.append(f"<p>{_msg(_COME_FROM)} ")
            out.append("; ".join(term_html(scope, s, es=False) for s in d.sources))
            if d.sources_more:
                out.append(f"; {_msg(_MORE, n=d.sources_more)}")
            out.append("</p>")
        if d.quotes:
            n = len(d.quotes)
            says = _Markup(i18n.ngettext("What the report says: %(num)d passage", "What the report says: %(num)d passages",
                                         n)) % {"num": n}
            out.append(f'  <details class="quotes">\n    <summary>{says}</summary>\n')
            out.extend(quote_html(scope, q) for q in d.quotes)
            out.append("  </details>\n")
        out.append("</section>\n")
    out.append("\n")
    if d.cite:
        cite_href = context.resolve("cite_href")
        c = d.cite
        out.append(f'<section class="cite" id="cite">\n  <h2>{_msg(_CITE)}</h2>\n'
                   f'  <p class="citation">{text(c.text)}</p>\n'
                   f"  <details>\n    <summary>BibTeX</summary>\n    <pre><code>{text(c.bibtex)}</code></pre>\n  </details>\n"
                   f"  <details>\n    <summary>CSL-JSON</summary>\n    <pre><code>{text(c.csl_text)}</code></pre>\n  </details>\n"
                   f'  <p>{_msg(_DOWNLOAD)} <a href="{text(cite_href(d.iri, "bibtex"))}" type="application/x-bibtex" download>'
                   f'BibTeX (.bib)</a> · <a href="{text(cite_href(d.iri, "csl"))}" type="application/vnd.citationstyles.csl+json"'
                   " download>CSL-JSON</a></p>\n</section>\n")
    out.append("\n")
    if d.labels:
        prop_label = context.resolve("prop_label")
        none = f'<td class="none">{_msg(_NOT_GIVEN)}</td>'
        out.append(f'<details class="names">\n  <summary>{_msg(_NAMES)}</summary>\n  <div class="scroll">\n'
                   '  <table class="labels">\n    <thead><tr><th scope="col"></th><th scope="col" lang="en">English</th>'
                   '<th scope="col" lang="es">Español</th></tr></thead>\n    <tbody>\n')
        for pred, en, es in d.labels:
            out.append(f'      <tr><th scope="row">{text(prop_label(pred))}</th>'
                       + (f'<td lang="en">{text(en)}</td>' if en else none)
                       + (f'<td lang="es">{text(es)}</td>' if es else none) + "</tr>\n")
        out.append("    </tbody>\n  </table>\n  </div>\n</details>\n")
    out.append("</article>\n")
    return _Markup("".join(out))
