"""Domain exceptions. The library raises these; the CLI and the server translate them once, at the edge."""

from __future__ import annotations

from pathlib import Path


class RcmkgError(Exception):
    """Base class: every error rcmkg reports to a user. ``exit_code`` is what the CLI exits with."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(RcmkgError):
    """The call itself is wrong (unknown query, bad parameter): exit status 2."""

    exit_code = 2


class InputError(RcmkgError):
    """One input file cannot be converted. Names the file and the problem on one line."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self) -> tuple[type[InputError], tuple[Path, str]]:
        # Worker processes send these back by pickle; the default would call __init__(message).
        return (InputError, (self.path, self.problem))


class ValidationFailed(RcmkgError):
    """SHACL validation found violations."""


class QueryError(RcmkgError):
    """A SPARQL query could not be run (syntax, endpoint, timeout)."""


class QueryTimeout(QueryError):
    """A query ran past its time limit."""


class StoreError(RcmkgError):
    """The local store or a remote store could not be opened or written."""


class PublishError(RcmkgError):
    """Publishing or pushing failed."""


class NotFound(RcmkgError):
    """A resource, item or query name that does not exist."""
