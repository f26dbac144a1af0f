"""The ``rcmkg`` command: a thin layer over the library.

Each command lives in ``rcmkg/commands/<name>.py`` and is imported only when it runs (click's lazy
group pattern), so ``rcmkg --help`` stays fast. Library errors (:class:`rcmkg.errors.RcmkgError`) are
turned into a one-line message and the error's exit code here, in one place.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import click

from rcmkg import __version__
from rcmkg.errors import RcmkgError
from rcmkg.settings import Settings

#: command name -> (module, attribute, one-line help shown by ``rcmkg --help``)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "convert": ("rcmkg.commands.convert", "convert", "Convert reports (.txt, .docx, .pdf) to Turtle, one file per meeting."),
    "validate": ("rcmkg.commands.validate", "validate", "Validate Turtle against the SHACL shapes."),
    "query": ("rcmkg.commands.query", "query", "Run a canned or ad-hoc SPARQL query."),
    "load": ("rcmkg.commands.store", "load", "Load converted Turtle into the local store."),
    "trace": ("rcmkg.commands.trace", "trace", "Show how a tracked item moved across meetings."),
    "commitments": ("rcmkg.commands.trace", "commitments", "List commitments and whether they were followed up."),
    "search": ("rcmkg.commands.search", "search", "Full-text search of agreements, commitments and names, with facets."),
    "serve": ("rcmkg.commands.publish", "serve", "Serve the graph as linked data with a SPARQL endpoint."),
    "publish": ("rcmkg.commands.publish", "publish", "Write a static linked-data site with dumps and VoID/DCAT."),
    "push": ("rcmkg.commands.publish", "push", "Send the graphs to a triple store (Graph Store Protocol)."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Help text from the table, so listing commands imports none of them.
        with formatter.section("Commands"):
            formatter.write_dl([(name, help_) for name, (_, _, help_) in COMMANDS.items()])

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RcmkgError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            from rcmkg.pipeline import escape_line  # only on the error path: keeps start-up lean

            click.echo(escape_line(f"Error: {exc}"), err=True)  # one line, even for odd file names
            sys.exit(exc.exit_code)


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="rcmkg")
@click.option("--base", envvar="RCMKG_BASE", help="Base IRI for every thing (default https://w3id.org/rcmkg/).")
@click.option("--config", type=click.Path(dir_okay=False), help="Settings file (default ./rcmkg.toml).")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.pass_context
def cli(ctx: click.Context, base: str | None, config: str | None, debug: bool) -> None:
    """rcmkg: the Regional Conference on Migration's meeting reports as a knowledge graph.

    \b
    Typical session:
      rcmkg convert data/reports --out data/rdf     # reports -> Turtle, one file per meeting
      rcmkg validate data/rdf                       # SHACL
      rcmkg load data/rdf                           # into the local store (.rcmkg/store)
      rcmkg trace work-plan-migrant-smuggling       # where does it stand, how did it get there?
      rcmkg commitments --status overdue
      rcmkg serve                                   # linked data + SPARQL on http://127.0.0.1:8000
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["settings"] = Settings.load(Path(config) if config else None, base=base)


def get_settings(ctx: click.Context) -> Settings:
    """The resolved :class:`Settings` of this invocation (for command modules)."""
    obj = ctx.find_root().obj or {}
    return obj.get("settings") or Settings.load()


def main() -> None:  # pragma: no cover - console entry point alternative
    cli()
