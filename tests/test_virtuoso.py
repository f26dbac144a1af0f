"""Virtuoso 7 as a second real triple store: ``rcmkg push`` over HTTP Digest, then every canned query,
``trace`` and ``commitments`` through ``--endpoint`` give what the local store gives.

The fixture starts Debian's ``virtuoso-t`` (package ``virtuoso-opensource``; ``make system-deps``)
in the foreground with its own ``virtuoso.ini``, database and free ports (SQL and HTTP) on
127.0.0.1 in a temporary folder. The samples go through the authenticated Graph Store endpoint
``/sparql-graph-crud-auth``, which answers only HTTP Digest (user ``dba``, password ``dba``, what a
new Virtuoso database starts with). A missing binary skips the module with the reason.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from rcmkg.cli import cli
from rcmkg.sparql.catalogue import load_queries

pytestmark = pytest.mark.slow

VIRTUOSO = shutil.which("virtuoso-t") or ("/usr/bin/virtuoso-t" if os.access("/usr/bin/virtuoso-t", os.X_OK) else None)
DIGEST = {"RCMKG_ENDPOINT_USER": "dba", "RCMKG_ENDPOINT_PASSWORD": "dba", "RCMKG_ENDPOINT_AUTH": "digest",
          "RCMKG_ENDPOINT_TOKEN": ""}
NO_CREDENTIALS = {"RCMKG_ENDPOINT_USER": "", "RCMKG_ENDPOINT_PASSWORD": "", "RCMKG_ENDPOINT_AUTH": "",
                  "RCMKG_ENDPOINT_TOKEN": "", "RCMKG_ENDPOINT": ""}
AS_OF = "2018-01-01"  # commitments' status depends on the day: fix it


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    req = urllib.request.Request(url + "/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { } LIMIT 1"}),
                                 headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=2) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


SQL_PORT: dict[str, int] = {}  # the running Virtuoso's SQL port, for isql


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh Virtuoso on free ports; yields its HTTP base URL (``/sparql``, ``/sparql-graph-crud-auth``)."""
    if VIRTUOSO is None:
        pytest.skip("Virtuoso is not installed (Debian package virtuoso-opensource; `make system-deps`)")
    home = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    (home / "www").mkdir()
    (home / "virtuoso.ini").write_text(f"""[Database]
DatabaseFile = {home}/virtuoso.db
ErrorLogFile = {home}/virtuoso.log
LockFile = {home}/virtuoso.lck
TransactionFile = {home}/virtuoso.trx
xa_persistent_file = {home}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {home}/virtuoso-temp.db
TransactionFile = {home}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {home}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {home}/www
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 120
""", encoding="utf-8")
    url = f"http://127.0.0.1:{http_port}"
    SQL_PORT[url] = sql_port
    with (home / "out.log").open("wb") as out:
        proc = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(home / "virtuoso.ini")], cwd=home,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 180  # a new database is created and initialised first
        while time.monotonic() < deadline and proc.poll() is None and not _answers(url):
            time.sleep(0.3)
        if not _answers(url):
            log = (home / "virtuoso.log").read_text(errors="replace") if (home / "virtuoso.log").exists() else ""
            pytest.fail(f"Virtuoso did not start: {log[-2000:]}")
        yield url
    finally:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)  # its own process group: Virtuoso and nothing else
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


@pytest.fixture(scope="module")
def local(converted: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples in a local store (``rcmkg load``), the reference the endpoint is compared with."""
    path = tmp_path_factory.mktemp("local") / "store"
    result = CliRunner().invoke(cli, ["load", str(converted), "--store", str(path)], env=NO_CREDENTIALS, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


def _push(virtuoso: str, converted: Path, env: dict[str, str], *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["push", "--data", str(converted), "--endpoint", virtuoso + "/sparql",
                                      "--graph-store", virtuoso + "/sparql-graph-crud-auth", *extra], env=env)
    return result.exit_code, result.output


def _select(url: str, query: str) -> list[dict]:
    req = urllib.request.Request(url + "/sparql", data=urllib.parse.urlencode({"query": query}).encode(),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.load(resp)["results"]["bindings"]


def _graph_fingerprints(url: str, graphs: list[str]) -> dict[str, tuple[int, str]]:
    """Per graph: (triple count on the server, SHA-256 of its sorted triples as the server lists them,
    blank nodes unlabelled)."""
    out = {}
    for g in graphs:
        rows = _select(url, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")
        # Virtuoso names blank nodes anew on each PUT: compare them as "some blank node".
        lines = sorted(json.dumps([{"type": "bnode"} if t["type"] == "bnode" else t for t in (r["s"], r["p"], r["o"])],
                                  sort_keys=True) for r in rows)
        out[g] = (len(rows), hashlib.sha256("\n".join(lines).encode()).hexdigest())
    return out


@pytest.fixture(scope="module")
def pushed(virtuoso: str, converted: Path) -> dict[str, int]:
    """The samples pushed once over Digest; yields the local graphs and their triple counts."""
    from rcmkg.publish.push import local_graphs
    from rcmkg.settings import DEFAULT_BASE
    from rcmkg.store.load import open_data

    code, output = _push(virtuoso, converted, DIGEST)
    assert code == 0, output
    store = open_data([converted])
    try:
        graphs = local_graphs(store, DEFAULT_BASE)
    finally:
        store.close()
    assert len(graphs) >= 7 and f"{len(graphs)} of {len(graphs)} graphs pushed" in output, output
    return graphs


def test_push_over_digest_counts_and_idempotence(virtuoso, converted, pushed):
    first = _graph_fingerprints(virtuoso, sorted(pushed))
    assert {g: n for g, (n, _) in first.items()} == pushed
    assert sum(pushed.values()) > 5000
    code, output = _push(virtuoso, converted, DIGEST)
    assert code == 0, output
    assert _graph_fingerprints(virtuoso, sorted(pushed)) == first  # PUT replaced each graph with itself


def test_push_without_digest_is_refused_clearly(virtuoso, converted, pushed):
    code, output = _push(virtuoso, converted, {**DIGEST, "RCMKG_ENDPOINT_AUTH": ""}, "--auth", "basic")
    assert code == 1 and "401" in output and "credentials were refused" in output and "RCMKG_ENDPOINT_AUTH=digest" in output, output
    code, output = _push(virtuoso, converted, NO_CREDENTIALS)
    assert code == 1 and "no credentials were sent" in output, output
    assert {g: n for g, (n, _) in _graph_fingerprints(virtuoso, sorted(pushed)).items()} == pushed  # nothing half-done


def _run(args: list[str], env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(cli, args, env=env or NO_CREDENTIALS)
    assert result.exit_code == 0, (args, result.output)
    return result.output


def _query_cases(converted: Path) -> list[tuple[str, list[str]]]:
    """Every canned query: without parameters when it takes none required, and with each value its
    parameters can take in the samples (each meeting, each tracked item)."""
    from rcmkg.store.load import open_data

    store = open_data([converted])
    try:
        meetings = [r["m"].value for r in store.query("SELECT DISTINCT ?m WHERE { ?m a rcm:Meeting } ORDER BY ?m").rows]
        items = [r["n"].value for r in store.query(
            "SELECT DISTINCT ?n WHERE { ?t a rcm:TrackedItem ; skos:notation ?n } ORDER BY ?n").rows]
    finally:
        store.close()
    assert len(meetings) >= 5 and len(items) >= 5, (meetings, items)
    cases: list[tuple[str, list[str]]] = []
    for name, q in sorted(load_queries().items()):
        params = {p.name: p for p in q.params}
        if not any(p.required for p in q.params):
            cases.append((name, []))
        if "meeting" in params:
            cases += [(name, ["--param", f"meeting={m}"]) for m in meetings]
        if "item" in params:
            cases += [(name, ["--param", f"item={i}"]) for i in items]
    return cases


def test_every_canned_query_gives_the_same_rows(virtuoso, converted, local, pushed):
    cases = _query_cases(converted)
    names = {name for name, _ in cases}
    assert names == set(load_queries()), f"canned queries never run: {set(load_queries()) - names}"
    rows: dict[str, int] = {}
    for name, params in cases:
        here = _run(["query", name, *params, "--store", str(local), "--format", "json"])
        there = _run(["query", name, *params, "--endpoint", virtuoso + "/sparql", "--format", "json"])
        assert there == here, (name, params)
        n = len(json.loads(here)["results"]["bindings"])
        rows[name] = rows.get(name, 0) + n
        # The table people read is the same too (booleans as true/false, numbers as the local store prints them).
        assert _run(["query", name, *params, "--endpoint", virtuoso + "/sparql"]) == _run(["query", name, *params, "--store", str(local)])
    assert rows and all(n > 0 for n in rows.values()), rows
    print(f"\nVirtuoso rows compared per query: {rows} ({sum(rows.values())} rows, {len(cases)} runs)")


def test_trace_and_commitments_give_the_same_answers(virtuoso, converted, local, pushed):
    items = [args[1].split("=", 1)[1] for name, args in _query_cases(converted) if name == "trace"]
    assert items
    for item in items:
        for fmt in ("json", "markdown"):
            here = _run(["trace", item, "--store", str(local), "--format", fmt])
            assert _run(["trace", item, "--endpoint", virtuoso + "/sparql", "--format", fmt]) == here, (item, fmt)
    for extra in ([], ["--actor", "IOM"], ["--status", "overdue"]):
        for fmt in ("json", "table"):
            args = ["commitments", "--as-of", AS_OF, *extra, "--format", fmt]
            here = _run([*args, "--store", str(local)])
            there = _run([*args, "--endpoint", virtuoso + "/sparql"])
            assert there == here, (extra, fmt)
    commitments = json.loads(_run(["commitments", "--as-of", AS_OF, "--format", "json", "--endpoint", virtuoso + "/sparql"]))
    assert commitments and {c["optional"] for c in commitments} == {True, False}, "booleans must come back as booleans"


def test_digest_protected_query_endpoint_and_normalised_values(virtuoso, local, pushed):
    """Virtuoso's ``/sparql-auth`` wants Digest too; its booleans (0/1), integer types and ASK rows
    come back as the local store gives them."""
    q = ["query", "meetings", "--format", "json"]
    here = _run([*q, "--store", str(local)])
    assert _run([*q, "--endpoint", virtuoso + "/sparql-auth"], env=DIGEST) == here
    refused = CliRunner().invoke(cli, [*q, "--endpoint", virtuoso + "/sparql-auth"], env={**DIGEST, "RCMKG_ENDPOINT_AUTH": "basic"})
    assert refused.exit_code != 0 and "not authorised" in refused.output, refused.output

    from rcmkg.store.local import LocalStore
    from rcmkg.store.remote import RemoteStore

    sparql = ("SELECT ?optional (COUNT(*) AS ?n) (SUM(?one) AS ?sum) (AVG(1.50) AS ?avg) WHERE {"
              " ?c rcm:optional ?optional . BIND(1 AS ?one) } GROUP BY ?optional ORDER BY ?optional")
    remote = RemoteStore(virtuoso + "/sparql", user="", token="")
    with LocalStore(local, read_only=True) as store:
        assert remote.query(sparql).rows == store.query(sparql).rows
        assert {r["optional"].value for r in store.query(sparql).rows} == {"true", "false"}
        for ask in ("ASK { ?c rcm:optional true }", "ASK { ?c rcm:optional 7 }"):
            assert remote.query(ask).boolean is store.query(ask).boolean, ask


def test_a_push_account_of_its_own_as_the_readme_says(virtuoso, converted, pushed):
    """The README's recipe: a user with the SPARQL_UPDATE role (made with isql) pushes over Digest."""
    isql = shutil.which("isql-vt") or shutil.which("isql")
    if isql is None:
        pytest.skip("isql-vt (Debian virtuoso-opensource) is not installed")
    sql = "DB.DBA.USER_CREATE('rcmkg', 'n0t-dba'); GRANT SPARQL_UPDATE TO \"rcmkg\";"
    done = subprocess.run([isql, str(SQL_PORT[virtuoso]), "dba", "dba", f"exec={sql}"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Error" not in done.stdout + done.stderr, done.stdout + done.stderr
    env = {**DIGEST, "RCMKG_ENDPOINT_USER": "rcmkg", "RCMKG_ENDPOINT_PASSWORD": "n0t-dba", "RCMKG_ENDPOINT_AUTH": ""}
    code, output = _push(virtuoso, converted, env, "--auth", "digest")
    assert code == 0 and f"{len(pushed)} of {len(pushed)} graphs pushed" in output, output
    code, output = _push(virtuoso, converted, {**env, "RCMKG_ENDPOINT_PASSWORD": "wrong"}, "--auth", "digest")
    assert code == 1 and "credentials were refused" in output, output
