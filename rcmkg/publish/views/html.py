"""The HTML pieces of a page written in Python: terms, names, quotes, escaped values.

Every page has hundreds of them; as Jinja macros (and through the template's ``{{ }}``) they were a
large part of a publish. What they write is what the template would: each value through
:func:`finalize` (control and bidi characters made visible, rcmkg.safety) and escaped as
autoescaping does, each message as the templates' ``_()`` gives it. The templates call them
through :mod:`rcmkg.publish.views.render`'s environment; :mod:`rcmkg.publish.views.resource_html`
builds a resource page's blocks from them.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import jinja2
import markupsafe

from rcmkg import i18n
from rcmkg.i18n import N_
from rcmkg.safety import UNSAFE_CHARACTERS, safe_href, visible

#: What an unsafe link (``javascript:`` and the like) points to instead: nowhere.
NO_LINK = "#"


def finalize(value: Any) -> Any:
    # Every {{ expression }} passes here before autoescaping: control and bidi characters from a
    # report or a query become visible (rcmkg.safety). Markup (|safe) is our own, already made.
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return visible(value)
    return value


@functools.lru_cache(maxsize=1 << 16)  # pure, and a site's pages repeat their links
def link(url: str) -> str:
    """``url`` as an ``href`` if its scheme is http(s)/mailto or it is relative, else ``#``."""
    return safe_href(url) or NO_LINK


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def note(message: str, args: dict[str, str]) -> str:
    """A note of the page model (a message marked with N_) in the page's language, its dates for people."""
    values = {k: i18n.format_date(v) if _ISO_DATE.fullmatch(v) else v for k, v in args.items()}
    return i18n.gettext(message) % values if values else i18n.gettext(message)


def out(value: Any) -> markupsafe.Markup:
    """What ``{{ value }}`` writes in a template: :func:`finalize`, then autoescaped."""
    return markupsafe.escape(finalize(value))


# What text() changes in a string: what HTML escapes, what rcmkg.safety.visible shows.
_TOUCHED = re.compile(f"[&<>'\"{UNSAFE_CHARACTERS}]")


def text(value: Any) -> str:
    """:func:`out` as a plain string, without making a Markup of every value (a page has hundreds):
    a string made visible, then escaped as markupsafe escapes it."""
    if type(value) is str:
        if _TOUCHED.search(value) is None:  # most names and IRIs: one scan
            return value
        return (visible(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&#39;").replace('"', "&#34;"))
    return str(out(value))


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
# them). They write what ``{{ }}`` would: every value through finalize and escaped, the translated
# message as _() gives it (marked safe). Their output is what the Jinja macros they replaced wrote;
# tests/test_pages.py compares the two.
_FALLBACK = '<span lang="{0}" class="fallback">{1}</span> <span class="fallback-mark" title="{2}">({0})</span>'
_NOT_NAMED = N_("Not named in this language; shown in the other language")


def name_html(scope: Scope, t: Any) -> str:
    """An IRI's name in the page's language; in the other language, marked as a fallback."""
    shown, lang, fallback = t.shown(scope.lang)
    if fallback:
        return _FALLBACK.format(text(lang), text(shown), message_html(_NOT_NAMED))
    if lang:
        return f'<span lang="{text(lang)}">{text(shown)}</span>'
    return text(shown)


def term_html(scope: Scope, t: Any, es: bool = True) -> str:
    """A term of a page: an IRI as a link named in the page's language, a blank node's rows, a
    date for people, a literal with its language."""
    if t is None:
        return '<span class="none">—</span>'
    kind = t.kind
    if kind == "uri":
        return f'<a href="{text(scope.href(t.value))}" title="{text(t.value)}">{name_html(scope, t)}</a>'
    if kind == "list":
        return ", ".join(term_html(scope, v) for v in t.rows[0].values)
    if kind == "bnode":
        if not t.rows:
            return f'<span class="bnode">{message_html(N_("(blank node)"))}</span>'
        row_label = scope.row_label
        return '<dl class="nested">' + "".join(
            f'<dt>{text(row_label(r))}</dt><dd>{", ".join(term_html(scope, v) for v in r.values)}</dd>'
            for r in t.rows) + "</dl>"
    if t.is_date:
        return f'<time datetime="{text(t.value)}">{text(date_text(t.value))}</time>'
    lang = f' lang="{text(t.lang)}"' if t.lang else ""
    return f'<span class="literal"{lang}>{text(t.value)}</span>'


_FROM, _SOURCE_OF, _CHARACTERS = N_("From"), N_("Source of:"), N_("characters %(start)s–%(end)s")


def quote_html(scope: Scope, q: Any, show_report: bool = True) -> str:
    """A quote of a report (:class:`rcmkg.publish.views.pages.Quote`) with where it is and what was
    read from it: a text's page shows a hundred of them. What the Jinja macro it replaced wrote
    (tests/test_pages.py compares the two)."""
    parts = [f'<figure class="quote" id="{text(q.anchor)}">\n  <blockquote cite="{text(q.span)}"><p>']
    if q.prefix:
        parts.append(f'<span class="context">…{text(q.prefix)}</span>')
    parts.append(f"<mark>{text(q.exact)}</mark>")
    if q.suffix:
        parts.append(f'<span class="context">{text(q.suffix)}…</span>')
    parts.append("</p></blockquote>\n  <figcaption>\n")
    if show_report and q.report:
        parts.append(f"{message_html(_FROM)} {term_html(scope, q.report)}, ")
    characters = markupsafe.Markup(i18n.gettext(_CHARACTERS)) % {"start": q.start, "end": q.end}
    parts.append(f'    <a href="{text(scope.href(q.span))}">{characters}</a>\n')
    if q.derived:
        parts.append(f"<br>{message_html(_SOURCE_OF)} " + "; ".join(term_html(scope, d) for d in q.derived))
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


def message_html(message: str) -> markupsafe.Markup:
    """``{{ _(message) }}`` of a template, for term() and name()."""
    return markupsafe.Markup(i18n.gettext(message)) % {}


def date_text(value: Any, form: str = "long") -> str:
    """``{{ d|date }}``: an ISO date for people in the page's language."""
    return i18n.format_date(None if value is None else str(value), form=form)
