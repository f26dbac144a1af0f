"""``rcmkg search``: the full-text search of :mod:`rcmkg.search` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import click

from rcmkg.cli import get_settings
from rcmkg.commands.options import emit, open_store_from_options, output_options, store_options
from rcmkg.errors import UsageError
from rcmkg.safety import visible
from rcmkg.search.build import FACETS


@click.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--filter", "filters", multiple=True, metavar="FACET=VALUE",
              help=f"Keep documents with this facet value (repeatable; facets: {', '.join(FACETS)}).")
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True, help="Documents to show.")
@store_options
@output_options(("table", "json", "csv"), default="table")
@click.pass_context
def search(ctx: click.Context, words: tuple[str, ...], filters: tuple[str, ...], limit: int, store: Path | None,
           data: tuple[Path, ...], endpoint: str | None, fmt: str, output: Path | None) -> None:
    """Find agreements, commitments, meetings and names by their words (English or Spanish; accents,
    case and inflection do not matter), best first, with the facet counts.

    \b
    Examples:
      rcmkg search pasaportes
      rcmkg search work plan --filter year=2018 --filter kind=agreement -f json
    """
    chosen: dict[str, list[str]] = {}
    for f in filters:
        name, sep, value = f.partition("=")
        if not sep or name not in FACETS:
            raise UsageError(f"--filter {f!r}: give FACET=VALUE with FACET one of {', '.join(FACETS)}")
        chosen.setdefault(name, []).append(value)
    from rcmkg.search.query import search_index

    s = open_store_from_options(get_settings(ctx), store, data, endpoint)
    try:
        result = search_index(s).search(" ".join(words), chosen, limit=limit)
    finally:
        s.close()
    if fmt == "json":
        emit(json.dumps(result.to_dict(), ensure_ascii=False, indent=1), output)
    elif fmt == "csv":
        from rcmkg.publish.exports import search_table

        emit(search_table(result).csv().decode("utf-8-sig"), output)
    else:
        lines = [f"{result.total} found for {' '.join(words)!r}"]
        for h in result.hits:
            lines.append(f"{h.date or '':10}  {h.kind:12}  {visible(h.title)}\n    {visible(h.snippet_text)}\n    {h.iri}")
        for name, values in result.facets.items():
            lines.append(f"{name}: " + ", ".join(f"{visible(v.label)} ({v.count})" for v in values[:8]))
        emit("\n".join(lines), output)
