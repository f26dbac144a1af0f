"""Rendering pages: the one Jinja2 environment (templates in ``rcmkg/templates``), for the server,
the static site and ``rcmkg trace --html``."""

from __future__ import annotations

import functools
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from rcmkg import __version__, i18n
from rcmkg.i18n import N_
from rcmkg.publish.conneg import RDF_FORMATS
from rcmkg.publish.views.pages import Linker, curie, humanise
from rcmkg.safety import UNSAFE_CHARACTERS, safe_href, visible


def template_dir() -> Path:
    """The package's templates folder."""
    return Path(str(files("rcmkg"))) / "templates"


def static_dir() -> Path:
    """The package's static folder (CSS)."""
    return Path(str(files("rcmkg"))) / "static"


_ENV: jinja2.Environment | None = None

#: What an unsafe link (``javascript:`` and the like) points to instead: nowhere.
NO_LINK = "#"


def _finalize(value: Any) -> Any:
    # Every {{ expression }} passes here before autoescaping: control and bidi characters from a
    # report or a query become visible (rcmkg.safety). Markup (|safe) is our own, already made.
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return visible(value)
    return value


@functools.lru_cache(maxsize=1 << 16)  # pure, and a site's pages repeat their links
def link(url: str) -> str:
    """``url`` as an ``href`` if its scheme is http(s)/mailto or it is relative, else ``#``."""
    return safe_href(url) or NO_LINK


def environment() -> jinja2.Environment:
    """The Jinja2 environment of every page and of ``rcmkg trace --html``: autoescape on for every
    template, undefined names are errors."""
    global _ENV
    if _ENV is None:
        _ENV = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(template_dir())),
            autoescape=True,  # every template is HTML; no file-suffix rule to get wrong
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=_finalize,
            extensions=["jinja2.ext.i18n"],
            # The templates ship with the package: no stat of the file at every page (a publish
            # renders 780,000 pages at 10,000 reports).
            auto_reload=False,
        )
        # One environment for every language: the installed translations answer in the language
        # of the page being rendered (rcmkg.i18n.use). newstyle: _() escapes and formats its %(name)s.
        _ENV.install_gettext_translations(i18n.CurrentTranslations(), newstyle=True)  # type: ignore[attr-defined]
        _ENV.policies["ext.i18n.trimmed"] = True  # {% trans %} text as babel.cfg extracts it (trimmed)
        # The same newstyle gettext in one call instead of three through the context (a page has
        # dozens of messages): _gettext_alias -> gettext -> the translations' gettext.
        _ENV.globals.update(_=_gettext, gettext=_gettext, ngettext=_ngettext)
        _ENV.globals.update(curie=curie, humanise=humanise, RDF_FORMATS=RDF_FORMATS, link=link,
                            NATIVE=i18n.NATIVE, format_date=i18n.format_date, note=note, translate=translate,
                            term=term, name=name, quote_block=quote_block)
        from rcmkg.publish.views.resource_html import resource_head, resource_main  # it imports this module

        _ENV.globals.update(resource_head=resource_head, resource_main=resource_main)
        _ENV.filters["link"] = link
        _ENV.filters["date"] = _date
    return _ENV


def translate(message: str | None) -> str:
    """A message held in a variable (marked with N_ where it is written), in the page's language.

    Unlike ``_()`` it neither %-formats nor marks the result safe: a message may carry text from a
    request or a report (an error page's message), which autoescaping must still escape.
    """
    return i18n.gettext(message) if message else ""


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def note(message: str, args: dict[str, str]) -> str:
    """A note of the page model (a message marked with N_) in the page's language, its dates for people."""
    values = {k: i18n.format_date(v) if _ISO_DATE.fullmatch(v) else v for k, v in args.items()}
    return i18n.gettext(message) % values if values else i18n.gettext(message)


def _out(value: Any) -> markupsafe.Markup:
    """What ``{{ value }}`` writes in a template: :func:`_finalize`, then autoescaped."""
    return markupsafe.escape(_finalize(value))


# What _h changes in a string: what HTML escapes, what rcmkg.safety.visible shows.
_TOUCHED = re.compile(f"[&<>'\"{UNSAFE_CHARACTERS}]")


def _h(value: Any) -> str:
    """:func:`_out` as a plain string, without making a Markup of every value (a page has hundreds):
    a string made visible, then escaped as markupsafe escapes it."""
    if type(value) is str:
        if _TOUCHED.search(value) is None:  # most names and IRIs: one scan
            return value
        return (visible(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&#39;").replace('"', "&#34;"))
    return str(_out(value))


class Scope:
    """What :func:`term`, :func:`name` and :func:`quote_block` read of a page's context (its
    language, ``href`` and ``row_label``), resolved once for a page's many terms."""

    __slots__ = ("lang", "href", "row_label")

    def __init__(self, lang: Any, href: Any, row_label: Any) -> None:
        self.lang, self.href, self.row_label = lang, href, row_label

    @classmethod
    def of(cls, context: jinja2.runtime.Context) -> Scope:
        """The scope of the template being rendered."""
        return cls(context.resolve("ui_lang"), context.resolve("href"), context.resolve("row_label"))


# The names of IRIs and the terms of a page, written in Python rather than as Jinja macros: a page
# has dozens of them and a macro call costs ten times the function (a fifth of a publish went to
# them). They write what ``{{ }}`` would: every value through _finalize and escaped, the translated
# message as _() gives it (marked safe). Their output is what the Jinja macros they replaced wrote;
# tests/test_pages.py compares the two.
_FALLBACK = '<span lang="{0}" class="fallback">{1}</span> <span class="fallback-mark" title="{2}">({0})</span>'
_NOT_NAMED = N_("Not named in this language; shown in the other language")


def name_html(scope: Scope, t: Any) -> str:
    """An IRI's name in the page's language; in the other language, marked as a fallback."""
    text, lang, fallback = t.shown(scope.lang)
    if fallback:
        return _FALLBACK.format(_h(lang), _h(text), _message(_NOT_NAMED))
    if lang:
        return f'<span lang="{_h(lang)}">{_h(text)}</span>'
    return _h(text)


def term_html(scope: Scope, t: Any, es: bool = True) -> str:
    """A term of a page: an IRI as a link named in the page's language, a blank node's rows, a
    date for people, a literal with its language."""
    if t is None:
        return '<span class="none">—</span>'
    kind = t.kind
    if kind == "uri":
        return f'<a href="{_h(scope.href(t.value))}" title="{_h(t.value)}">{name_html(scope, t)}</a>'
    if kind == "list":
        return ", ".join(term_html(scope, v) for v in t.rows[0].values)
    if kind == "bnode":
        if not t.rows:
            return f'<span class="bnode">{_message(N_("(blank node)"))}</span>'
        row_label = scope.row_label
        return '<dl class="nested">' + "".join(
            f'<dt>{_h(row_label(r))}</dt><dd>{", ".join(term_html(scope, v) for v in r.values)}</dd>'
            for r in t.rows) + "</dl>"
    if t.is_date:
        return f'<time datetime="{_h(t.value)}">{_h(_date(t.value))}</time>'
    lang = f' lang="{_h(t.lang)}"' if t.lang else ""
    return f'<span class="literal"{lang}>{_h(t.value)}</span>'


_FROM, _SOURCE_OF, _CHARACTERS = N_("From"), N_("Source of:"), N_("characters %(start)s–%(end)s")


def quote_html(scope: Scope, q: Any, show_report: bool = True) -> str:
    """A quote of a report (:class:`rcmkg.publish.views.pages.Quote`) with where it is and what was
    read from it: a text's page shows a hundred of them. What the Jinja macro it replaced wrote
    (tests/test_pages.py compares the two)."""
    parts = [f'<figure class="quote" id="{_h(q.anchor)}">\n  <blockquote cite="{_h(q.span)}"><p>']
    if q.prefix:
        parts.append(f'<span class="context">…{_h(q.prefix)}</span>')
    parts.append(f"<mark>{_h(q.exact)}</mark>")
    if q.suffix:
        parts.append(f'<span class="context">{_h(q.suffix)}…</span>')
    parts.append("</p></blockquote>\n  <figcaption>\n")
    if show_report and q.report:
        parts.append(f"{_message(_FROM)} {term_html(scope, q.report)}, ")
    characters = markupsafe.Markup(i18n.gettext(_CHARACTERS)) % {"start": q.start, "end": q.end}
    parts.append(f'    <a href="{_h(scope.href(q.span))}">{characters}</a>\n')
    if q.derived:
        parts.append(f"<br>{_message(_SOURCE_OF)} " + "; ".join(term_html(scope, d) for d in q.derived))
    parts.append("  </figcaption>\n</figure>")
    return "".join(parts)


@jinja2.pass_context
def name(context: jinja2.runtime.Context, t: Any) -> markupsafe.Markup:
    """``{{ name(t) }}`` of a template: :func:`name_html`."""
    return markupsafe.Markup(name_html(Scope.of(context), t))


@jinja2.pass_context
def term(context: jinja2.runtime.Context, t: Any, es: bool = True) -> markupsafe.Markup:
    """``{{ term(t) }}`` of a template: :func:`term_html`."""
    return markupsafe.Markup(term_html(Scope.of(context), t, es))


@jinja2.pass_context
def quote_block(context: jinja2.runtime.Context, q: Any, show_report: bool = True) -> markupsafe.Markup:
    """``{{ quote_block(q) }}`` of a template: :func:`quote_html`."""
    return markupsafe.Markup(quote_html(Scope.of(context), q, show_report))


def _formatted(eval_ctx: jinja2.nodes.EvalContext, text: str, variables: dict[str, Any]) -> str:
    # What jinja2.ext's newstyle gettext returns: safe when autoescaping, always %-formatted; a
    # message without "%" is its own result, so it is not formatted (Markup's % escapes each value).
    rv = markupsafe.Markup(text) if eval_ctx.autoescape else text
    return rv % variables if variables or "%" in rv else rv


@jinja2.pass_eval_context
def _gettext(eval_ctx: jinja2.nodes.EvalContext, message: str, **variables: Any) -> str:
    """``_()`` and ``gettext()`` of the templates, in the page's language."""
    return _formatted(eval_ctx, i18n.gettext(message), variables)


@jinja2.pass_eval_context
def _ngettext(eval_ctx: jinja2.nodes.EvalContext, singular: str, plural: str, num: int, **variables: Any) -> str:
    """``ngettext()`` of the templates (``%(num)s`` is ``num`` unless given)."""
    variables.setdefault("num", num)
    return _formatted(eval_ctx, i18n.ngettext(singular, plural, num), variables)


def _message(message: str) -> markupsafe.Markup:
    """``{{ _(message) }}`` of a template, for term() and name()."""
    return markupsafe.Markup(i18n.gettext(message)) % {}


def _date(value: Any, form: str = "long") -> str:
    """``{{ d|date }}``: an ISO date for people in the page's language."""
    return i18n.format_date(None if value is None else str(value), form=form)


def _language_context(linker: Linker | None) -> dict[str, Any]:
    lang = i18n.current()
    other = i18n.OTHER[lang]
    return {"ui_lang": lang, "ui_other": other, "ui_switch": linker.switch(other) if linker is not None else None}


def render(template: str, linker: Linker, **context: Any) -> str:
    """Render one page template with the linker's ``href``/``url`` helpers in scope, in the
    linker's language."""
    env = environment()
    view = linker.view
    with i18n.use(linker.lang):
        return env.get_template(template).render(
            href=lambda iri: link(linker.href(iri)), url=linker.url, alternates=linker.alternates, linker=linker,
            version=__version__, cite_href=linker.cite,
            row_label=view.row_label if view is not None else (lambda r: r.label),
            prop_label=view.predicate_label if view is not None else humanise,
            **_language_context(linker), **context
        )


def render_page(template: str, **context: Any) -> str:
    """Render a self-contained template that links to nothing of the site (``trace.html``), in the
    current language (rcmkg.i18n.use)."""
    return environment().get_template(template).render(version=__version__, **_language_context(None), **context)
