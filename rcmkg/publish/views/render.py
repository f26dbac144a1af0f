"""Rendering pages: the one Jinja2 environment (templates in ``rcmkg/templates``), for the server,
the static site and ``rcmkg trace --html``."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from rcmkg import __version__, i18n
from rcmkg.publish.conneg import RDF_FORMATS
from rcmkg.publish.views.html import date_text, finalize, link, name, note, quote_block, term
from rcmkg.publish.views.pages import Description, Linker, curie, humanise
from rcmkg.publish.views.resource_html import resource_page


def template_dir() -> Path:
    """The package's templates folder."""
    return Path(str(files("rcmkg"))) / "templates"


def static_dir() -> Path:
    """The package's static folder (CSS)."""
    return Path(str(files("rcmkg"))) / "static"


_ENV: jinja2.Environment | None = None

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
            finalize=finalize,
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
        _ENV.filters["link"] = link
        _ENV.filters["date"] = date_text
    return _ENV


def translate(message: str | None) -> str:
    """A message held in a variable (marked with N_ where it is written), in the page's language.

    Unlike ``_()`` it neither %-formats nor marks the result safe: a message may carry text from a
    request or a report (an error page's message), which autoescaping must still escape.
    """
    return i18n.gettext(message) if message else ""


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


def render_resource(linker: Linker, d: Description) -> str:
    """The page of a resource (what ``d`` describes), in the linker's language: written in Python
    (rcmkg.publish.views.resource_html), the same bytes as the template it replaced."""
    with i18n.use(linker.lang):
        return resource_page(linker, d)


def render_page(template: str, **context: Any) -> str:
    """Render a self-contained template that links to nothing of the site (``trace.html``), in the
    current language (rcmkg.i18n.use)."""
    return environment().get_template(template).render(version=__version__, **_language_context(None), **context)
