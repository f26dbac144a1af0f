"""``rcmkg push`` against a real Oxigraph server started here (``oxigraph serve`` on 127.0.0.1).

Counts match after a push; a second push changes nothing; a changed report replaces only its own
graph; a stopped server gives a clear error and a later rerun completes; a push cut off halfway says
what went and what did not; refused credentials are named as such.
"""

from __future__ import annotations

import contextlib
import http.server
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import rdflib
from builders import BASE, convert_samples
from click.testing import CliRunner

from rcmkg.cli import cli
from rcmkg.errors import PublishError
from rcmkg.publish.push import PushFailed, endpoints, push
from rcmkg.store.remote import auth_from_env

OXIGRAPH = shutil.which("oxigraph")
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server (PyPI package oxigraph) is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Oxigraph:
    """An ``oxigraph serve`` process on disk, so it can be stopped and started again with its data."""

    def __init__(self, location: Path) -> None:
        self.location = location
        self.port = _free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Oxigraph:
        self.proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return self
            time.sleep(0.05)
        raise RuntimeError("oxigraph did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None

    def count(self, graph: str | None = None) -> int:
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        r = httpx.post(f"{self.url}/query", data={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"},
                       headers={"Accept": "application/sparql-results+json"})
        return int(r.json()["results"]["bindings"][0]["n"]["value"])

    def graph(self, graph: str) -> rdflib.Graph:
        r = httpx.get(f"{self.url}/store", params={"graph": graph}, headers={"Accept": "application/n-triples"})
        r.raise_for_status()
        return rdflib.Graph().parse(data=r.content, format="nt")

    def graphs(self) -> set[str]:
        r = httpx.post(f"{self.url}/query", data={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
                       headers={"Accept": "application/sparql-results+json"})
        return {b["g"]["value"] for b in r.json()["results"]["bindings"]}


@contextlib.contextmanager
def oxigraph(tmp_path: Path) -> Iterator[Oxigraph]:
    server = Oxigraph(tmp_path / "oxigraph").start()
    try:
        yield server
    finally:
        server.stop()


def _ground(g: rdflib.Graph) -> tuple[set, int]:
    ground = {t for t in g if not any(isinstance(x, rdflib.BNode) for x in t)}
    return ground, len(g) - len(ground)


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    return convert_samples(tmp_path_factory.mktemp("push") / "rdf", extra_reports=False)


@pytest.fixture()
def store(ttl):
    from rcmkg.store.load import open_data

    return open_data([ttl], BASE)


def test_endpoint_urls():
    assert endpoints("http://127.0.0.1:7878") == ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/store")
    assert endpoints("http://h/ds/query") == ("http://h/ds/query", "http://h/ds/store")
    assert endpoints("http://h/sparql", "http://h/gsp") == ("http://h/sparql", "http://h/gsp")
    with pytest.raises(PublishError):
        endpoints("ftp://h/x")


def test_credentials_from_the_environment():
    assert auth_from_env({"RCMKG_ENDPOINT_TOKEN": "t"}) == {"Authorization": "Bearer t"}
    assert auth_from_env({"RCMKG_ENDPOINT_USER": "u", "RCMKG_ENDPOINT_PASSWORD": "p"}) == {"Authorization": "Basic dTpw"}
    assert auth_from_env({}) == {}


@pytest.mark.slow  # starts an oxigraph server
def test_push_counts_match_and_a_second_push_changes_nothing(store, tmp_path):
    with oxigraph(tmp_path) as ox:
        result = push(store, ox.url)
        assert result.ok and len(result.graphs) == 8  # 5 reports, registry, ontology, fulfilment
        for g in result.graphs:
            assert g.remote == g.triples == ox.count(g.graph), g.graph
        assert ox.graphs() == {g.graph for g in result.graphs}  # no meta/inferred/closure graphs
        before = {g.graph: _ground(ox.graph(g.graph)) for g in result.graphs}
        total = ox.count()
        again = push(store, ox.url)
        assert again.ok
        assert ox.count() == total
        assert {g.graph: _ground(ox.graph(g.graph)) for g in again.graphs} == before


@pytest.mark.slow  # starts an oxigraph server
def test_a_changed_report_replaces_only_its_graph(ttl, tmp_path):
    from rcmkg.store.load import open_data

    changed_dir = tmp_path / "changed"
    shutil.copytree(ttl, changed_dir)
    target = changed_dir / "rcm-lon-smtp_2018-07-19.ttl"
    text = target.read_text(encoding="utf-8")
    assert "To thank Mexico for the input for the Work Plan." in text
    target.write_text(text.replace("To thank Mexico for the input for the Work Plan.",
                                   "To thank Mexico for the revised input for the Work Plan."), encoding="utf-8")
    changed_graph = BASE + "id/graph/rcm-lon-smtp/2018-07-19"
    with oxigraph(tmp_path) as ox:
        push(open_data([ttl], BASE), ox.url)
        before = {g: _ground(ox.graph(g)) for g in ox.graphs()}
        result = push(open_data([changed_dir], BASE), ox.url)
        assert result.ok
        after = {g: _ground(ox.graph(g)) for g in ox.graphs()}
        assert set(after) == set(before)
        for g in before:
            if g == changed_graph:
                assert after[g] != before[g]
                texts = {str(o) for _, _, o in after[g][0]}
                assert "To thank Mexico for the revised input for the Work Plan." in texts
                assert "To thank Mexico for the input for the Work Plan." not in texts
            else:
                assert after[g] == before[g], g


@pytest.mark.slow  # starts an oxigraph server
def test_a_stopped_server_gives_a_clear_error_and_a_rerun_completes(store, ttl, tmp_path):
    server = Oxigraph(tmp_path / "oxigraph")  # not started
    runner = CliRunner()
    result = runner.invoke(cli, ["push", "--data", str(ttl), "--endpoint", server.url])
    assert result.exit_code == 1
    assert f"cannot reach {server.url}/query" in result.output and "nothing was sent" in result.output
    server.start()
    try:
        result = runner.invoke(cli, ["push", "--data", str(ttl), "--endpoint", server.url])
        assert result.exit_code == 0, result.output
        assert "8 of 8 graphs pushed" in result.output
        assert server.count() == sum(g.triples for g in push(store, server.url).graphs)
    finally:
        server.stop()


@pytest.mark.slow  # starts an oxigraph server
def test_a_push_cut_off_halfway_says_what_went_and_a_rerun_completes(store, tmp_path):
    server = Oxigraph(tmp_path / "oxigraph").start()
    sent: list[str] = []

    def kill_after_two(g):
        sent.append(g.graph)
        if len(sent) == 2:
            server.stop()  # the server goes away in the middle of the push

    try:
        with pytest.raises(PushFailed) as info:
            push(store, server.url, progress=kill_after_two)
        result = info.value.result
        statuses = [g.status for g in result.graphs]
        assert statuses[:2] == ["failed", "failed"]  # sent, but could not be counted any more
        assert statuses[2:] == ["not sent"] * 6
        message = str(info.value)
        assert "0 of 8 graphs pushed" in message and "did not go:" in message
        assert "Run the same command again" in message
        server.start()
        done = push(store, server.url)
        assert done.ok and server.count() == sum(g.triples for g in done.graphs)
    finally:
        server.stop()


class _Refusing(http.server.BaseHTTPRequestHandler):
    seen: list[str | None] = []

    def _refuse(self):
        type(self).seen.append(self.headers.get("Authorization"))
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="rcm"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_PUT = _refuse

    def log_message(self, *args):
        pass


@pytest.mark.slow  # starts an oxigraph server
def test_refused_credentials(store, monkeypatch):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Refusing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        monkeypatch.delenv("RCMKG_ENDPOINT_USER", raising=False)
        monkeypatch.setenv("RCMKG_ENDPOINT_TOKEN", "not-a-valid-token")
        with pytest.raises(PublishError) as info:
            push(store, url)
        assert "the credentials were refused" in str(info.value) and "Nothing was sent" in str(info.value)
        assert _Refusing.seen[-1] == "Bearer not-a-valid-token"
        monkeypatch.delenv("RCMKG_ENDPOINT_TOKEN")
        with pytest.raises(PublishError) as info:
            push(store, url)
        assert "no credentials were sent" in str(info.value) and "RCMKG_ENDPOINT_USER" in str(info.value)
    finally:
        server.shutdown()
