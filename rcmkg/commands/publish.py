"""``rcmkg serve``, ``rcmkg publish`` and ``rcmkg push``: thin wrappers over :mod:`rcmkg.publish`."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import click

from rcmkg import __version__
from rcmkg.cli import get_settings
from rcmkg.commands.options import store_options
from rcmkg.store.load import open_local


@click.command()
@store_options(publish=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="SPARQL worker processes (default: CPU count, at least 2).")
@click.option("--query-timeout", type=click.FloatRange(0.1), default=None, help="Seconds a SPARQL query may run (setting query_timeout, default 10).")
@click.option("--result-limit", type=click.IntRange(1), default=None, help="Most rows or triples a SPARQL answer holds (setting result_limit, default 10000).")
@click.option("--root-path", default="", help="Path prefix when served behind a proxy under a sub-path, e.g. /rcmkg.")
@click.option("--log-level", default="info", type=click.Choice(["critical", "error", "warning", "info", "debug"]), show_default=True)
@click.option("--access-log", is_flag=True, help="Log a line per request (off by default: it costs more than a cached answer).")
@click.pass_context
def serve(ctx: click.Context, base: str | None, store_path: Path | None, data: tuple[Path, ...], host: str, port: int,
          workers: int | None, query_timeout: float | None, result_limit: int | None, root_path: str, log_level: str,
          access_log: bool) -> None:
    """Serve the graph as linked data, with a read-only SPARQL endpoint.

    Things are named {base}id/...; a request for /id/... answers 303 See Other to /doc/... (HTML,
    Turtle, JSON-LD, N-Triples or RDF/XML by Accept, or by suffix: /doc/....ttl). SPARQL at /sparql.

    \b
    Examples:
      rcmkg serve                                  # the store loaded by `rcmkg load`
      rcmkg serve --data data/rdf --port 8080      # converted Turtle, no store needed
    """
    # The server (starlette, uvicorn) and the site builder are imported by the command that runs:
    # `rcmkg push` and `rcmkg --help` do not pay for them.
    from rcmkg.publish.app import create_app
    from rcmkg.publish.app import serve as run

    settings = get_settings(ctx).with_(base=base, query_timeout=query_timeout, result_limit=result_limit)
    store = open_local(settings, store_path, data)
    app = create_app(settings, store, workers=workers, root_path=root_path)
    click.echo(f"Serving {settings.base}id/ at http://{host}:{port}{root_path}/ (SPARQL at {root_path}/sparql)", err=True)
    run(app, host=host, port=port, log_level=log_level, access_log=access_log)


@click.command()
@store_options(publish=True)
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for the site (replaced).")
@click.option("--site-url", default=None, help="Public URL of the site (default: the base IRI).")
@click.option("--sparql-endpoint", default=None, help="Public SPARQL endpoint to name in VoID/DCAT and on the query page.")
@click.option("--publisher", envvar="RCMKG_PUBLISHER", default="rcmkg", show_default=True, help="Publisher's name (dct:publisher).")
@click.option("--publisher-url", envvar="RCMKG_PUBLISHER_URL", default=None, help="Publisher's IRI or home page.")
@click.option("--license", "license_", envvar="RCMKG_LICENSE", default=None, help="Licence IRI (default CC BY 4.0).")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL validation report.")
@click.option("--no-ontology-docs", is_flag=True, help="Skip the pyLODE ontology documentation.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes writing the resource pages (0: one per core; default: the jobs setting). "
                   "An on-disk store only; with --data the pages are written in this process.")
@click.pass_context
def publish(ctx: click.Context, base: str | None, store_path: Path | None, data: tuple[Path, ...], out: Path,
            site_url: str | None, sparql_endpoint: str | None, publisher: str, publisher_url: str | None,
            license_: str | None, no_validate: bool, no_ontology_docs: bool, jobs: int | None) -> None:
    """Write the pages, documents, dumps and dataset description as a static site.

    The folder can be served by any web server or object store; .htaccess (Apache) and nginx.conf
    in it add the 303s and content negotiation.

    \b
    Example:
      rcmkg publish --data data/rdf --out site --site-url https://example.org/rcmkg/
    """
    from rcmkg.publish.site.build import publish_site, site_summary
    from rcmkg.publish.void import DEFAULT_LICENSE, DatasetInfo

    settings = get_settings(ctx).with_(base=base)
    store = open_local(settings, store_path, data)
    info = DatasetInfo(site_url=site_url or settings.base, sparql_endpoint=sparql_endpoint, publisher=publisher,
                       publisher_url=publisher_url, license=license_ or DEFAULT_LICENSE, version=__version__)
    jobs = jobs if jobs is not None else settings.jobs
    # Stopped (SIGTERM), the publish unwinds as on any error: its workers are stopped and its
    # unfinished folder removed, the previous site left in place.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    result = publish_site(store, settings, out, info, validate=not no_validate, ontology_docs=not no_ontology_docs,
                          jobs=jobs or os.cpu_count() or 1)
    click.echo(site_summary(result), err=True)


@click.command()
@store_options(publish=True)
@click.option("--endpoint", required=True, help="SPARQL query endpoint (a bare Oxigraph URL like http://127.0.0.1:7878 works).")
@click.option("--graph-store", default=None, help="Graph Store Protocol URL (default: /store beside an Oxigraph /query).")
@click.option("--timeout", type=click.FloatRange(1), default=60.0, show_default=True, help="Seconds to wait for each request.")
@click.option("--auth", "auth", type=click.Choice(["basic", "digest"]), default=None,
              help="How RCMKG_ENDPOINT_USER/PASSWORD go: HTTP Basic, or Digest (Virtuoso's /sparql-graph-crud-auth). "
                   "Default: RCMKG_ENDPOINT_AUTH, else basic.")
@click.pass_context
def push(ctx: click.Context, base: str | None, store_path: Path | None, data: tuple[Path, ...], endpoint: str,
         graph_store: str | None, timeout: float, auth: str | None) -> None:
    """Send every graph to a triple store (SPARQL 1.1 Graph Store HTTP Protocol) and verify the counts.

    Each report's named graph, the registry and the ontology are PUT (replacing what the server
    had), so running it again is safe and completes an interrupted push. Credentials come from
    RCMKG_ENDPOINT_TOKEN (bearer) or RCMKG_ENDPOINT_USER / RCMKG_ENDPOINT_PASSWORD (basic, or
    digest with --auth digest).

    \b
    Examples:
      rcmkg push --data data/rdf --endpoint http://127.0.0.1:7878
      RCMKG_ENDPOINT_USER=dba RCMKG_ENDPOINT_PASSWORD=... rcmkg push --data data/rdf --auth digest \\
        --endpoint http://127.0.0.1:8890/sparql --graph-store http://127.0.0.1:8890/sparql-graph-crud-auth
    """
    from rcmkg.publish.push import GraphPush, PushFailed
    from rcmkg.publish.push import push as run

    settings = get_settings(ctx).with_(base=base)
    store = open_local(settings, store_path, data)

    def progress(g: GraphPush) -> None:
        click.echo(f"  {g.status}: {g.graph} ({g.triples} triples)", err=True)

    try:
        result = run(store, endpoint, graph_store, base=settings.base, timeout=timeout, progress=progress, auth=auth)
    except PushFailed as exc:
        click.echo(exc.result.summary(), err=True)
        ctx.exit(1)
    click.echo(result.summary(), err=True)
