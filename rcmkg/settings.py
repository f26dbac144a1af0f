"""Settings: one table of every setting, read from RCMKG_* environment variables and CLI options.

Precedence: an explicit CLI option, then the environment, then the config file
(``rcmkg.toml`` in the working directory or ``$RCMKG_CONFIG``), then the default.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_BASE = "https://w3id.org/rcmkg/"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("base", DEFAULT_BASE, "Base IRI under which every thing is named ({base}id/...)."),
    Setting("store", ".rcmkg/store", "Folder of the embedded pyoxigraph store that `load` writes and the other commands read."),
    Setting("endpoint", None, "SPARQL endpoint that query, trace and commitments ask when no --store, --data or "
            "--endpoint is given (instead of the local store)."),
    Setting("query_timeout", 10.0, "Seconds a SPARQL query may run: in `serve` before it is cancelled, and when "
            "asking a remote endpoint."),
    Setting("result_limit", 10000, "Most rows or triples one SPARQL answer of `serve` (and `publish`'s canned "
            "query pages) holds."),
    Setting("jobs", 0, "Parallel conversion workers for `convert` (0: one per core)."),
    Setting("federation_allow", (), "SPARQL endpoints `serve` may call through SERVICE (exact IRIs; in the "
            "environment separated by spaces or commas). Empty (the default): federation is off and the server "
            "makes no outbound request."),
    Setting("request_limit", 256 * 1024, "Most bytes of a request body (a POSTed query) `serve` reads; more "
            "is a 413, counted while the body streams in."),
    Setting("answer_limit", 32 * 1024 * 1024, "Most bytes of the values in one SPARQL answer of `serve` "
            "(besides the row limit): a query building huge strings is stopped with a clear error."),
    Setting("worker_memory", 1024, "MiB of address space each SPARQL worker process of `serve` may use "
            "(RLIMIT_AS); a query needing more is stopped (503) and its worker replaced. 0: no limit."),
    Setting("dormant_meetings", 2, "A tracked item is dormant when this many later meetings of the bodies that dealt "
            "with it have not (`trace`, item pages, the `dormant` query)."),
    Setting("dormant_months", 24, "A tracked item is dormant, too, when the archive's last meeting is this many months "
            "after the last one that dealt with it."),
)


@dataclass(frozen=True)
class Settings:
    """Resolved settings. Build with :meth:`Settings.load`; tests build it directly."""

    base: str = DEFAULT_BASE
    store: str = ".rcmkg/store"
    endpoint: str | None = None
    query_timeout: float = 10.0
    result_limit: int = 10000
    jobs: int = 0
    federation_allow: tuple[str, ...] = ()
    request_limit: int = 256 * 1024
    answer_limit: int = 32 * 1024 * 1024
    worker_memory: int = 1024
    dormant_meetings: int = 2
    dormant_months: int = 24
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not self.base.endswith(("/", "#")):
            object.__setattr__(self, "base", self.base + "/")

    @classmethod
    def load(cls, config: Path | None = None, **overrides: Any) -> Settings:
        """Settings from defaults, the config file, ``RCMKG_*`` variables and ``overrides`` (None is ignored)."""
        values: dict[str, Any] = {}
        path = config or (Path(os.environ["RCMKG_CONFIG"]) if os.environ.get("RCMKG_CONFIG") else Path("rcmkg.toml"))
        if path.is_file():
            with path.open("rb") as fh:
                doc = tomllib.load(fh)
            values.update(doc.get("rcmkg", doc))
        for s in SETTINGS:
            env = os.environ.get(f"RCMKG_{s.name.upper()}")
            if env is not None:
                values[s.name] = env
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name: f for f in fields(cls) if f.name != "extra"}
        kwargs: dict[str, Any] = {}
        for name, value in values.items():
            if name not in known:
                continue
            default = getattr(cls, name, None)
            if isinstance(default, tuple):
                value = tuple(value.replace(",", " ").split()) if isinstance(value, str) else tuple(value)
            elif isinstance(default, float) and not isinstance(value, float):
                value = float(value)
            elif isinstance(default, int) and not isinstance(default, bool) and not isinstance(value, int):
                value = int(value)
            kwargs[name] = value
        return cls(**kwargs)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
