"""Rendering pages: the one Jinja2 environment (templates in ``rcmkg/templates``), for the server,
the static site and ``rcmkg trace --html``."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2

from rcmkg import __version__
from rcmkg.publish.conneg import RDF_FORMATS
from rcmkg.publish.views.pages import Linker, curie, humanise


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
        )
        _ENV.globals.update(curie=curie, humanise=humanise, RDF_FORMATS=RDF_FORMATS)
    return _ENV


def render(template: str, linker: Linker, **context: Any) -> str:
    """Render one page template with the linker's ``href``/``url`` helpers in scope."""
    env = environment()
    return env.get_template(template).render(
        href=linker.href, url=linker.url, alternates=linker.alternates, linker=linker, version=__version__, **context
    )


def render_page(template: str, **context: Any) -> str:
    """Render a self-contained template that links to nothing of the site (``trace.html``)."""
    return environment().get_template(template).render(version=__version__, **context)
