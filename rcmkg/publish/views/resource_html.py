"""A resource's page, written in Python: the layout of ``templates/base.html`` and the page's
``head`` and ``main`` blocks.

A publish renders 780,000 of these at 10,000 reports. As a Jinja template the two blocks cost
about 0.45 ms a page: each ``{{ }}`` through the context's call and attribute machinery, each loop
through a loop context. The same bytes written here cost about 0.2 ms (bench/README.md, 2026-12-05);
the layout around them, another 0.05 ms through Jinja, now a few string joins. What is written is
what the templates wrote, byte for byte: ``tests/reference/resource.html`` keeps the page's
template (extending the package's ``base.html``, which the other pages still use), and
``tests/test_resource_html.py`` renders both for every resource of the converted samples and for
descriptions with every part, so a change to ``base.html`` that this module does not follow fails it.

Every value goes through :func:`rcmkg.publish.views.html.text` (what ``{{ value }}`` writes: control
and bidi characters made visible, then escaped); messages as the templates' ``_()`` gives them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import markupsafe

from rcmkg import __version__, i18n
from rcmkg.i18n import N_
from rcmkg.publish.views.html import Scope, link, name_html, note, quote_html, term_html, text
from rcmkg.publish.views.pages import humanise

if TYPE_CHECKING:
    from rcmkg.publish.views.pages import Description, Linker

_Markup = markupsafe.Markup


def _msg(message: str, **variables: Any) -> str:
    """``{{ _(message, **variables) }}`` of a template (newstyle gettext: safe, %-formatted)."""
    if not variables:  # most messages of a page: the same for every page in a language
        key = (message, i18n.current())
        found = _MESSAGES.get(key)
        if found is None:
            rv = _Markup(i18n.gettext(message))
            found = _MESSAGES[key] = rv % {} if "%" in rv else rv
        return found
    return _Markup(i18n.gettext(message)) % variables


#: (message, language) -> what _msg gives without variables (only the constants below: bounded).
_MESSAGES: dict[tuple[str, str], str] = {}


# The messages of the page (extracted by Babel from here: babel.cfg).
_PERMANENT, _ALSO_AS, _LACKS = N_("Permanent address"), N_("Also as"), N_("What the report does not say")
_FACTS, _MORE, _QUERY_THEM = N_("Facts"), N_("and %(n)s more"), N_("query them")
_IN_VOID = N_("all of them in the VoID description")
_NONE_RECORDED, _REFERRED, _PASSAGES = N_("None recorded."), N_("Referred to by"), N_("Passages of this text")
_SOURCES, _COME_FROM, _CITE, _DOWNLOAD = N_("Sources"), N_("These statements come from:"), N_("Cite this"), N_("Download:")
_NAMES, _NOT_GIVEN = N_("Names in English and Spanish"), N_("not given")


class _Page:
    """What the blocks read of the page being written, the page of ``iri``: its scope, its formats and
    its linker's helpers (what :func:`rcmkg.publish.views.render.render` puts in a template's context)."""

    __slots__ = ("scope", "url", "alternates", "cite_href", "prop_label")

    def __init__(self, linker: Linker, iri: str) -> None:
        view = linker.view

        def href(target: str) -> str:
            return link(linker.href(target))

        self.scope = Scope(i18n.current(), href, view.row_label if view is not None else (lambda r: r.label))
        self.url, self.cite_href = linker.url, linker.cite
        self.alternates = linker.alternates(iri)  # the page's formats: in its head and under its title
        self.prop_label = view.predicate_label if view is not None else humanise


def _head(page: _Page, d: Any) -> str:
    """The ``head`` block: the page's other formats, its JSON-LD."""
    parts = [f'<link rel="alternate" type="{text(f.media_type)}" href="{text(h)}" title="{text(f.label)}">\n'
             for f, h in page.alternates if f.key != "html"]
    parts.append(f'<script type="application/ld+json">{d.jsonld}</script>\n')
    return "".join(parts)


def _rows(page: _Page, d: Any, incoming: bool) -> str:
    """The facts (``d.rows``) or what refers to the resource (``d.incoming``), and the blank line after."""
    rows = d.incoming if incoming else d.rows
    if not rows:
        return "\n"
    scope = page.scope
    href, url, row_label = scope.href, page.url, scope.row_label
    out = [f'<section class="incoming">\n  <h2>{_msg(_REFERRED)}</h2>\n' if incoming
           else f'<section class="properties">\n  <h2>{_msg(_FACTS)}</h2>\n', '  <dl class="props">\n']
    for r in rows:
        if incoming:
            out.append(f'    <dt title="{text(r.predicate)}">{text(str(row_label(r)).capitalize())}</dt>\n')
        else:
            out.append(f'    <dt title="{text(r.predicate)}"><a href="{text(href(r.predicate))}">{text(row_label(r))}</a></dt>\n')
        out.append("    <dd><ul>")
        out.extend(f"<li>{term_html(scope, v)}</li>" for v in r.values)
        if r.more and r.more_route == "void":
            out.append(f'<li class="more">{_msg(_MORE, n=r.more)} (<a href="{text(url("void"))}">{_msg(_IN_VOID)}</a>)</li>')
        elif r.more:
            query = (f"SELECT ?s WHERE {{ ?s <{r.predicate}> <{d.iri}> }}" if incoming
                     else f"SELECT ?o WHERE {{ <{d.iri}> <{r.predicate}> ?o }}")
            out.append(f'<li class="more">{_msg(_MORE, n=r.more)} (<a href="{text(url("sparql", query=query))}">'
                       f"{_msg(_QUERY_THEM)}</a>)</li>")
        out.append("</ul></dd>\n")
    out.append("  </dl>\n</section>\n\n")
    return "".join(out)


def _section(page: _Page, s: Any) -> str:
    scope, url = page.scope, page.url
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


def _main(page: _Page, d: Any) -> str:
    """The ``main`` block: the resource's name and formats, then what is known of it, its sources,
    how to cite it and its names in both languages."""
    scope = page.scope
    lang = scope.lang
    alternates = page.alternates
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
    out.append(_rows(page, d, incoming=False))
    out.extend(_section(page, s) for s in d.sections)
    out.append("\n")
    out.append(_rows(page, d, incoming=True))
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
        cite_href = page.cite_href
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
        prop_label = page.prop_label
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
    return "".join(out)


# The layout's messages (templates/base.html).
_SITE_NAME, _SITE, _MEETINGS, _COMMITMENTS = N_("RCM knowledge graph"), N_("Site"), N_("Meetings"), N_("Commitments")
_SEARCH, _DOWNLOADS, _ABOUT, _LANGUAGE = N_("Search"), N_("Downloads"), N_("About the data"), N_("Language:")
_SEARCH_LABELS, _PLACEHOLDER = N_("Search labels"), N_("Search (English / español)")
_FOOTER = N_("Meeting reports of the Regional Conference on Migration as linked data. Things are named "
             "under <code>%(id_base)s</code>. Published by rcmkg %(version)s.")


def resource_page(linker: Linker, d: Description) -> str:
    """The page of the resource ``d`` describes, in the current language (rcmkg.i18n.use), its links
    made by ``linker``: what ``templates/base.html`` with the page's blocks wrote."""
    page = _Page(linker, d.iri)
    lang = page.scope.lang
    other = i18n.OTHER[lang]
    switch = linker.switch(other)
    url = linker.url
    home, search = text(url("home")), text(url("search"))
    out = ['<!DOCTYPE html>\n<html lang="', text(lang), '">\n<head>\n<meta charset="utf-8">\n'
           '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>', text(d.title),
           ' · rcmkg</title>\n<link rel="stylesheet" href="', text(url("static:rcmkg.css")), '">\n']
    if switch:
        out.append(f'<link rel="alternate" hreflang="{text(other)}" href="{text(switch)}">')
    out += [_head(page, d), '</head>\n<body>\n<header class="site">\n',
            f'  <a class="brand" href="{home}">{_msg(_SITE_NAME)}</a>\n',
            f'  <nav aria-label="{_msg(_SITE)}">\n',
            f'    <a href="{home}">{_msg(_MEETINGS)}</a>\n',
            f'    <a href="{text(url("commitments"))}">{_msg(_COMMITMENTS)}</a>\n',
            f'    <a href="{search}">{_msg(_SEARCH)}</a>\n',
            f'    <a href="{text(url("sparql"))}">SPARQL</a>\n',
            f'    <a href="{text(url("downloads"))}">{_msg(_DOWNLOADS)}</a>\n',
            f'    <a href="{text(url("dataset"))}">{_msg(_ABOUT)}</a>\n',
            "  </nav>\n"]
    if switch:
        out.append(f'  <p class="lang-switch"><span class="visually-hidden">{_msg(_LANGUAGE)} </span>'
                   f'<strong lang="{text(lang)}" aria-current="true">{text(i18n.NATIVE[lang])}</strong> · '
                   f'<a href="{text(switch)}" hreflang="{text(other)}" lang="{text(other)}" rel="alternate">'
                   f"{text(i18n.NATIVE[other])}</a></p>\n")
    out += [f'  <form class="search" action="{search}" method="get" role="search">\n',
            f'    <label for="q" class="visually-hidden">{_msg(_SEARCH_LABELS)}</label>\n',
            f'    <input id="q" name="q" type="search" placeholder="{_msg(_PLACEHOLDER)}">\n']
    if getattr(linker, "keep_lang", False):
        out.append(f'<input type="hidden" name="lang" value="{text(lang)}">')  # lstrip_blocks
    out += [f'    <button type="submit">{_msg(_SEARCH)}</button>\n  </form>\n</header>\n<main>\n',
            _main(page, d), "</main>\n<footer class=\"site\">\n  <p>",
            _msg(_FOOTER, id_base=linker.id_base, version=__version__),
            "</p>\n</footer>\n</body>\n</html>"]
    return "".join(out)
