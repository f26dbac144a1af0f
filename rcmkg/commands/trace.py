"""``rcmkg trace`` and ``rcmkg commitments``: thin adapters over :mod:`rcmkg.trace`."""

from __future__ import annotations

from pathlib import Path

import click

from rcmkg.cli import get_settings
from rcmkg.commands.options import emit, open_store_from_options, output_options, store_options
from rcmkg.trace.commitments import STATUSES, commitments_table
from rcmkg.trace.lookup import commitments as find_commitments
from rcmkg.trace.lookup import trace as find_timeline
from rcmkg.trace.resolve import resolve_item


@click.command()
@click.argument("item", nargs=-1, required=True)
@store_options
@output_options(("table", "markdown", "json"), default="table")
@click.option("--html", "html", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write a self-contained HTML page with an SVG timeline to FILE.")
@click.pass_context
def trace(ctx: click.Context, item: tuple[str, ...], store: Path | None, data: tuple[Path, ...], endpoint: str | None,
          fmt: str, output: Path | None, html: Path | None) -> None:
    """How a tracked item moved across meetings: one row per meeting, in date order.

    ITEM is a slug, an IRI, or words from its name in English or Spanish (any case, accents
    optional, typos tolerated). If the words fit several items, they are listed (exit 2).

    \b
    Examples:
      rcmkg trace work-plan-migrant-smuggling
      rcmkg trace repatriation protocol --format markdown
      rcmkg trace "plan de trabajo" --html work-plan.html
    """
    settings = get_settings(ctx)
    s = open_store_from_options(settings, store, data, endpoint)
    try:
        timeline = find_timeline(s, resolve_item(s, " ".join(item)), dormant_meetings=settings.dormant_meetings,
                                 dormant_months=settings.dormant_months)
    finally:
        s.close()
    if html is not None:
        html.parent.mkdir(parents=True, exist_ok=True)
        # The HTML page is the publisher's template (jinja2): imported only when asked for.
        from rcmkg.publish.views.timeline import standalone_html

        html.write_text(standalone_html(timeline), encoding="utf-8")
        click.echo(f"wrote {html}", err=True)
    emit({"table": timeline.to_table, "markdown": timeline.to_markdown, "json": timeline.to_json}[fmt](), output)


@click.command()
@click.option("--actor", metavar="X", help="Only commitments by X (acronym, ISO code, slug, IRI or name).")
@click.option("--item", metavar="ITEM", help="Only commitments about this tracked item (as for `rcmkg trace`).")
@click.option("--due-before", metavar="DATE", help="Only commitments due before DATE (YYYY-MM-DD).")
@click.option("--status", type=click.Choice(list(STATUSES)), default=None,
              help="Only commitments with this status.")
@click.option("--as-of", metavar="DATE", default=None, help="Judge status on DATE (default: today).")
@store_options
@output_options(("table", "markdown", "json", "csv"), default="table")
@click.pass_context
def commitments(ctx: click.Context, actor: str | None, item: str | None, due_before: str | None, status: str | None,
                as_of: str | None, store: Path | None, data: tuple[Path, ...], endpoint: str | None, fmt: str,
                output: Path | None) -> None:
    """Every commitment: actor, action, recipient, due date, meeting, source quote, and status.

    The status on --as-of comes from later meetings' evidence: fulfilled (an agreement reports it
    done: thanks the actor for it, the event held, the product ready), partly-fulfilled,
    in-progress, superseded; without evidence, not-fulfilled once the due date has passed, else
    unknown. Each row names the evidence (date, agreement, quote). --status open: still owed;
    overdue: still owed past its due date. With --actor, what it still owes comes first (oldest
    due first), then what it fulfilled.

    \b
    Examples:
      rcmkg commitments --status overdue
      rcmkg commitments --actor IOM --as-of 2018-01-01 --format csv
    """
    s = open_store_from_options(get_settings(ctx), store, data, endpoint)
    try:
        rows = find_commitments(s, actor=actor, item=item, due_before=due_before, status=status, as_of=as_of)
    finally:
        s.close()
    emit(commitments_table(rows, fmt, grouped=bool(actor)), output)
