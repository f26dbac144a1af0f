"""``rcmkg validate``: SHACL validation of converted Turtle, with the registry and the vocabularies."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from rcmkg.cli import get_settings
from rcmkg.errors import ValidationFailed
from rcmkg.validate import validate as run


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--inference",
    type=click.Choice(["none", "rdfs", "owlrl"]),
    default="none",
    show_default=True,
    help="Entailment to add before validating each file (rdfs: pyshacl's RDFS; owlrl: OWL 2 RL).",
)
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Parallel workers (0: one per core; default: the jobs setting).")
@click.option(
    "--engine",
    type=click.Choice(["fast", "pyshacl"]),
    default="fast",
    show_default=True,
    help="fast: the shapes compiled to SPARQL queries (pyshacl for --inference rdfs/owlrl); "
    "pyshacl: pyshacl for everything (the reference; same results, slower).",
)
@click.option(
    "--cache",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite file keeping each file's results under its content hash: a later run validates only "
    "the files that changed (the cross-file rules still see every file).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to print the report.",
)
@click.pass_context
def validate(
    ctx: click.Context,
    paths: tuple[Path, ...],
    inference: str,
    jobs: int | None,
    engine: str,
    cache: Path | None,
    fmt: str,
) -> None:
    """Validate Turtle files (or folders of them) against the SHACL shapes.

    Each file is checked with the registry, the vocabularies and the ontology; the cross-node rules
    (dates, uniqueness within a meeting, span bounds) run once over all the files together. Exit status
    1 when there is a violation (warnings alone do not fail), 0 otherwise.

    \b
    Example:
      rcmkg validate data/rdf
      rcmkg validate data/rdf/rcm-lon-smtp_2018-07-19.ttl --inference owlrl --format json
      rcmkg validate data/rdf --engine pyshacl
      rcmkg validate data/rdf --jobs 2 --cache .rcmkg-validate.sqlite
    """
    settings = get_settings(ctx)
    if jobs is not None:
        settings = dataclasses.replace(settings, jobs=jobs)
    report = run(paths, inference=inference, settings=settings, engine=engine, cache=cache)
    if fmt == "json":
        click.echo(report.json())
    elif report.results:
        click.echo(report.text())
    else:
        click.echo(report.summary())
    if not report.conforms:
        n = report.counts()["Violation"]
        raise ValidationFailed(f"{n} SHACL violation{'s' if n != 1 else ''}")
