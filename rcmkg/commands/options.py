"""Shared click options: where to read the graph from, and how to write the answer.

``@store_options`` adds ``--store PATH``, ``--data DIR`` (repeatable) and ``--endpoint URL``;
:func:`open_store_from_options` turns them (and the settings) into a store. The publishing commands
use ``@store_options(publish=True)``: ``--base``, ``--store`` and ``--data`` (a local store only). ``output_options(...)``
adds ``--format`` with the choices a command supports and ``--output FILE``; :func:`emit` writes.

    @click.command()
    @store_options
    @output_options(("table", "json"), default="table")
    @click.pass_context
    def cmd(ctx, store, data, endpoint, fmt, output): ...
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, overload

import click

from rcmkg.settings import Settings
from rcmkg.store.load import Store, open_store

F = TypeVar("F", bound=Callable[..., Any])


@overload
def store_options(f: F) -> F: ...


@overload
def store_options(*, publish: bool = ...) -> Callable[[F], F]: ...


def store_options(f: F | None = None, *, publish: bool = False) -> F | Callable[[F], F]:
    """``--store``, ``--data`` and ``--endpoint`` (at most one of them); with ``publish``, ``--base``,
    ``--store`` (passed as ``store_path``) and ``--data``: serving, publishing and pushing need a
    local store."""

    def decorate(f: F) -> F:
        if publish:
            f = click.option("--data", "data", multiple=True, type=click.Path(exists=True, path_type=Path),
                             help="Converted Turtle files or folders to publish instead of the store (repeatable).")(f)
            f = click.option("--store", "store_path", type=click.Path(path_type=Path), default=None,
                             help="Store folder (default: the `store` setting, .rcmkg/store).")(f)
            return click.option("--base", "base", default=None,
                                help="Base IRI of the things (overrides the global --base).")(f)
        f = click.option("--endpoint", metavar="URL", default=None,
                         help="Query this SPARQL 1.1 endpoint (auth: RCMKG_ENDPOINT_USER/PASSWORD or RCMKG_ENDPOINT_TOKEN).")(f)
        f = click.option("--data", metavar="DIR", multiple=True, type=click.Path(exists=True, path_type=Path),
                         help="Query converted Turtle under DIR in memory instead of the store (repeatable).")(f)
        return click.option("--store", metavar="PATH", type=click.Path(path_type=Path), default=None,
                            help="Local store to query (default: the `store` setting, .rcmkg/store).")(f)

    return decorate(f) if f is not None else decorate


def output_options(formats: Sequence[str], default: str | None = None) -> Callable[[F], F]:
    """``--format/-f`` (one of ``formats``) and ``--output/-o FILE`` (default: standard output)."""

    def decorate(f: F) -> F:
        f = click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
                         help="Write to FILE instead of standard output.")(f)
        f = click.option("--format", "-f", "fmt", type=click.Choice(list(formats)), default=default,
                         show_default=default is not None, help="Output format.")(f)
        return f

    return decorate


def open_store_from_options(settings: Settings, store: Path | str | None, data: Sequence[Path] | None,
                            endpoint: str | None) -> Store:
    """The store the options name (see :func:`rcmkg.store.load.open_store` for the precedence)."""
    opened = open_store(settings, store=store, data=list(data) if data else None, endpoint=endpoint)
    note = getattr(opened, "note", None)
    if note:  # a load was cut short: the answers are the last complete load's, and people should know
        click.echo(f"warning: {note}", err=True)
    return opened


def emit(text: str, output: Path | None) -> None:
    """Write ``text`` (plus a final newline) to ``output`` or standard output."""
    if not text.endswith("\n"):
        text += "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
