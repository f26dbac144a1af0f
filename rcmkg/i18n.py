"""The interface languages (English and Spanish): gettext catalogues, the language of a request,
dates for people.

Messages are English in the code and the templates; ``rcmkg/locale/es/LC_MESSAGES/messages.po``
translates them (extracted by Babel with ``babel.cfg``: ``make i18n`` updates and compiles it; the
compiled ``.mo`` ships in the wheel and a test checks it matches the ``.po``).

One Jinja2 environment serves every language (:mod:`rcmkg.publish.views.render`), so the
translations it has installed look up the language of the page being rendered, which
:func:`use` sets for the current context (thread or task): rendering and the Python code that
builds a page (section titles, notes) translate alike.

On the server the language is ``?lang=en|es`` when given (a stable URL; the page's links keep it),
else the best of ``Accept-Language``, else English. The static site has the same pages under
``es/`` (:mod:`rcmkg.publish.site.build`).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import functools
import gettext as _gettext
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

#: The interface languages, the default first.
LANGS = ("en", "es")
DEFAULT = "en"
DOMAIN = "messages"
#: The other language of each (the switch on every page, label fallback).
OTHER = {"en": "es", "es": "en"}
#: Each language's name in itself (the switch shows the language you switch to).
NATIVE = {"en": "English", "es": "Español"}

#: The Babel locale of each language's dates and numbers.
BABEL_LOCALES = {"en": "en_GB", "es": "es"}

_CURRENT: contextvars.ContextVar[str] = contextvars.ContextVar("rcmkg_lang", default=DEFAULT)


def locale_dir() -> Path:
    """The package's ``locale`` folder (``{lang}/LC_MESSAGES/messages.mo``)."""
    return Path(str(files("rcmkg"))) / "locale"


@functools.cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English is the source language: no catalogue)."""
    if lang == DEFAULT:
        return _gettext.NullTranslations()
    # fallback=False: a missing .mo for a supported language is a packaging error, not English.
    return _gettext.translation(DOMAIN, localedir=str(locale_dir()), languages=[lang])


def current() -> str:
    """The language of the page being built."""
    return _CURRENT.get()


@contextlib.contextmanager
def use(lang: str) -> Iterator[str]:
    """Build (and render) in ``lang`` inside the block."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r} (one of {', '.join(LANGS)})")
    token = _CURRENT.set(lang)
    try:
        yield lang
    finally:
        _CURRENT.reset(token)


def gettext(message: str) -> str:
    """``message`` in the current language."""
    return translations(current()).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural of a message, in the current language."""
    return translations(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, told apart by ``context``."""
    return translations(current()).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """:func:`ngettext` told apart by ``context``."""
    return translations(current()).npgettext(context, singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention Babel extracts
    """Marks ``message`` for extraction; it is translated where shown (``_(value)``)."""
    return message


class CurrentTranslations:
    """A gettext translations object for Jinja2's ``install_gettext_translations`` that answers
    in the language of the page being rendered (:func:`use`)."""

    def gettext(self, message: str) -> str:
        return gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return npgettext(context, singular, plural, n)


def parse_accept_language(header: str | None) -> list[tuple[str, float]]:
    """``Accept-Language`` (RFC 9110 §12.5.4) as (range, q), best first, q=0 left out."""
    out: list[tuple[int, str, float]] = []
    for i, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        tag = fields[0].lower()
        if not tag:
            continue
        q = 1.0
        for f in fields[1:]:
            name, _eq, value = f.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if 0 < q <= 1:
            out.append((i, tag, q))
    out.sort(key=lambda t: (-t[2], t[0]))  # stable: equal q keeps the client's order
    return [(tag, q) for _i, tag, q in out]


def negotiate(accept_language: str | None) -> str | None:
    """The supported language ``Accept-Language`` prefers (``es-MX`` is ``es``; ``*`` is the default)."""
    for tag, _q in parse_accept_language(accept_language):
        if tag == "*":
            return DEFAULT
        primary = tag.split("-", 1)[0]
        if primary in LANGS:
            return primary
    return None


def choose(param: str | None, accept_language: str | None) -> tuple[str, bool]:
    """(language, explicit): ``?lang=`` when it names a supported language, else the header's
    choice, else English. ``explicit`` says the URL chose it (the page's links then keep it)."""
    if param in LANGS:
        return param, True
    return negotiate(accept_language) or DEFAULT, False


def format_date(value: str | dt.date | None, lang: str | None = None, form: str = "long") -> str:
    """An ISO date for people: "21 July 2017" / "21 de julio de 2017"; a year or year-month as
    given ("2017"), anything unparsable unchanged."""
    if value is None:
        return ""
    if isinstance(value, str):
        if len(value) < 10:
            return value  # a year or a year and month: as given
        return _format_iso(value, lang or current(), form)
    return _format_day(value, lang or current(), form)


@functools.lru_cache(maxsize=1 << 12)  # a site's pages show the same few thousand dates, in two languages
def _format_iso(value: str, lang: str, form: str) -> str:
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return _format_day(day, lang, form)


def _format_day(day: dt.date, lang: str, form: str) -> str:
    from babel.dates import format_date as babel_format_date  # Babel's locale data: loaded on first use

    # British English writes the day first ("21 July 2017"), as Spanish does.
    return str(babel_format_date(day, format=form, locale=BABEL_LOCALES[lang]))
