from rcmkg.cli import cli

cli()
