"""``rcmkg convert``: reports -> Turtle, one file per meeting."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from rcmkg.cli import get_settings
from rcmkg.pipeline import Conversion, escape_line
from rcmkg.pipeline import convert as run


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("data/rdf"),
              show_default=True, help="Folder for the Turtle files.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes (default: one per core; 1 converts in this process).")
@click.option("--load", "load_store", is_flag=True, help="Also load the converted reports into the local store.")
@click.option("--store", type=click.Path(path_type=Path), default=None, help="Store path for --load.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary; errors only.")
@click.option("--strict", is_flag=True,
              help="Refuse a report that lacks a part (body, delegation list, numbered items, venue, a year) "
                   "instead of converting it with a warning.")
@click.pass_context
def convert(ctx: click.Context, paths: tuple[Path, ...], out: Path, jobs: int | None, load_store: bool,
            store: Path | None, quiet: bool, strict: bool) -> None:
    """Convert meeting reports (.txt, .docx, .pdf; files or folders) into Turtle.

    Each meeting becomes OUT/{body}_{date}.ttl. A file that cannot be converted (no text, no date)
    gets one line on stderr naming it and the problem; the others still convert. A report that lacks
    a part (body, delegation list, numbered items, venue, a year) is converted with one warning per
    part; --strict refuses it instead. Exit status 1 if any file failed.

    \b
    Example:
      rcmkg convert data/reports --out data/rdf
    """

    settings = get_settings(ctx)
    if strict:
        settings = settings.with_(extra={**settings.extra, "strict": True})
    jobs = jobs if jobs is not None else (settings.jobs or 0)
    show = not quiet and sys.stderr.isatty()
    bar = None
    if show:
        bar = click.progressbar(length=1, label="Converting", file=sys.stderr)
        bar.__enter__()

    def progress(done: int, total: int, name: str) -> None:
        if bar is not None:
            bar.length = total
            bar.update(1)

    converted: list[Conversion] = []
    try:
        debug = bool((ctx.find_root().obj or {}).get("debug"))
        summary = run(paths, out, settings, jobs=jobs, progress=progress, results=converted.append,
                      debug=debug)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for r in summary.errors:
        click.echo(escape_line(f"error: {r.path}: {r.message}"), err=True)  # one line, whatever the name
    if load_store and converted:
        from rcmkg.store.load import load_paths  # the store and the index: only for --load

        # A meeting reported in two languages is converted twice (once per version): load its file once.
        files = list(dict.fromkeys(out / Path(c.filename).name for c in converted))
        load_paths(files, settings.with_(store=str(store) if store else None))
    if not quiet:
        for r in summary.results:
            for w in r.warnings:
                click.echo(escape_line(f"warning: {w}"), err=True)
        unchanged = sum(r.status == "unchanged" for r in summary.results)
        duplicates = sum(r.status == "duplicate" for r in summary.results)
        click.echo(
            f"converted {summary.converted} of {len(summary.results)} files into {out}"
            f" ({unchanged} unchanged{f', {duplicates} duplicates' if duplicates else ''}), {summary.warnings} warnings,"
            f" {len(summary.errors)} errors,"
            f" {len(summary.unreconciled)} unreconciled names",
            err=True,
        )
        for u in summary.unreconciled:
            click.echo(escape_line(f"  unreconciled {u}"), err=True)
    ctx.exit(summary.exit_code)
