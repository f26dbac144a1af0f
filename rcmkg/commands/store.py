"""``rcmkg load``: converted Turtle into the local store, one named graph per report."""

from __future__ import annotations

from pathlib import Path

import click

from rcmkg.cli import get_settings
from rcmkg.pipeline import escape_line
from rcmkg.store.load import load_paths


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--store", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Store folder (default: the `store` setting, .rcmkg/store).")
@click.option("--prune", is_flag=True, help="Also remove the reports whose file is not among PATHS.")
@click.option("--quiet", "-q", is_flag=True, help="Errors only.")
@click.pass_context
def load(ctx: click.Context, paths: tuple[Path, ...], store: Path | None, prune: bool, quiet: bool) -> None:
    """Load converted Turtle (files, or folders of *.ttl) into the local store.

    Each report goes into its own named graph; the registry and the ontology into theirs; the
    OWL RL/RDFS entailments into {base}id/graph/inferred. Reloading skips files whose content is
    unchanged (sha256) and replaces the graph of a report that changed; with --prune, removes the
    reports whose file is gone. A few changed reports cost time in proportion to them, not to the
    archive. Exit status 1 if a file could not be loaded (the others still are).

    \b
    Example:
      rcmkg load data/rdf
      rcmkg load data/rdf --store /tmp/kg
    """
    settings = get_settings(ctx)
    if store is not None:
        settings = settings.with_(store=str(store))
    summary = load_paths(paths, settings, prune=prune)
    for path, problem in summary.errors:
        click.echo(escape_line(f"error: {path}: {problem}"), err=True)  # one line, whatever the name
    if not quiet:
        click.echo(f"{settings.store}: {summary.describe()}", err=True)
    ctx.exit(1 if summary.errors else 0)
