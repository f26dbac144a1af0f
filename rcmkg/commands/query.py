"""``rcmkg query``: run a canned query or a ``.rq`` file on the store, ``--data`` or an endpoint."""

from __future__ import annotations

from pathlib import Path

import click

from rcmkg.cli import get_settings
from rcmkg.commands.options import emit, open_store_from_options, output_options, store_options
from rcmkg.errors import UsageError
from rcmkg.sparql.catalogue import StoredQuery, get_query, load_queries, run_query

FORMATS = ("table", "csv", "tsv", "json", "turtle", "jsonld")


@click.command()
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind a query parameter (repeatable; an http(s) value is an IRI, YYYY-MM-DD a date).")
@click.option("--list", "list_", is_flag=True, help="List the canned queries with their purpose and parameters.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Page size: meetings per page for the per-meeting queries, rows for the others "
                   "(default: the whole answer).")
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True,
              help="Which page to print with --limit (from 1).")
@store_options
@output_options(FORMATS)
@click.pass_context
def query(ctx: click.Context, name: str | None, params: tuple[str, ...], list_: bool, limit: int | None, page: int,
          store: Path | None,
          data: tuple[Path, ...], endpoint: str | None, fmt: str | None, output: Path | None) -> None:
    """Run the canned query NAME, or the SPARQL in FILE.rq, over the union of all graphs.

    Results are the same from the local store (default), --data DIR (converted Turtle, in memory)
    and --endpoint URL. Formats: table (default), csv, tsv and json (SPARQL 1.1 results formats);
    turtle (default) and jsonld for CONSTRUCT and DESCRIBE.

    \b
    Examples:
      rcmkg query --list
      rcmkg query meetings
      rcmkg query agreements --limit 20 --page 2
      rcmkg query trace --param item=work-plan-migrant-smuggling --format csv
      rcmkg query my.rq --data data/rdf --format json
    """
    if list_:
        emit(describe_queries(load_queries()), output)
        return
    if page != 1 and limit is None:
        raise UsageError("--page needs --limit (the page size)")
    if not name:
        raise UsageError("name a canned query or a .rq file (rcmkg query --list shows them)")
    bound: dict[str, list[str]] = {}
    for p in params:
        key, sep, value = p.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param needs KEY=VALUE, got {p!r}")
        bound.setdefault(key.strip(), []).append(value)
    q = get_query(name)
    settings = get_settings(ctx)
    s = open_store_from_options(settings, store, data, endpoint)
    try:
        result = run_query(s, q, {k: v[0] if len(v) == 1 else v for k, v in bound.items()}, limit=limit, page=page)
    finally:
        s.close()
    emit(result.render(fmt or ("turtle" if result.kind == "graph" else "table"), settings.base), output)


def describe_queries(queries: dict[str, StoredQuery]) -> str:
    """The ``--list`` text: name, purpose, then one line per parameter."""
    lines = []
    for q in queries.values():
        lines.append(f"{q.name}\n    {q.purpose or '(no purpose given)'}")
        for p in q.params:
            lines.append(f"    --param {p.name}=...  ({'required' if p.required else 'optional'}) {p.help}".rstrip())
    return "\n".join(lines)
