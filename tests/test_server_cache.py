"""The server's kept answers (rcmkg.publish.app: answer_kept, ResponseCache, Kept): a request whose
answer is kept is answered from bytes before routing and middleware, so these check that nothing
tells the two paths apart, and that nothing is shared that must not be.

* a kept answer (GET and HEAD) has the bytes and headers of the answer the app made;
* a conditional request gets its 304 from the kept answer, as the app gives it;
* different Accept, Accept-Language, Host and query strings never get each other's answer;
* the cache holds at most its bound of answers and bytes;
* errors, POSTs and answers for one client are not kept;
* a load that switches the store's generation is followed: the kept answers of the old one go;
* request targets longer than httptools parses still reach the app (414 for a path, a long
  SPARQL GET answered).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from builders import BASE, MEETING, convert_samples, disk_store, make_app, running

from rcmkg.publish.app import CHECK_EVERY, Published
from rcmkg.settings import Settings

pytestmark = pytest.mark.slow

SELECT = "SELECT ?m ?d WHERE { ?m a rcm:Meeting ; schema:startDate ?d } ORDER BY ?d LIMIT 3"
#: Headers that differ between two sendings of the same answer.
_PER_SENDING = {"date"}


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    return convert_samples(tmp_path_factory.mktemp("cache") / "rdf", extra_reports=False)


@pytest.fixture(scope="module")
def store_dir(ttl, tmp_path_factory) -> Path:
    return disk_store(ttl, tmp_path_factory.mktemp("cachestore") / "store")


@pytest.fixture()
def served(store_dir) -> Iterator[tuple[httpx.Client, Published]]:
    """A fresh app (empty cache) on a socket, and its Published."""
    app = make_app(store_dir, Settings(base=BASE, query_timeout=20))
    with running(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield client, app.state.published


def _headers(r: httpx.Response) -> list[tuple[str, str]]:
    return [(k, v) for k, v in r.headers.multi_items() if k not in _PER_SENDING]


PAGES = [
    (f"/doc/{MEETING}", {}),
    (f"/doc/{MEETING}.ttl", {}),
    (f"/doc/{MEETING}", {"Accept": "application/ld+json"}),
    ("/query/meetings.json?page=1&limit=20", {}),
    (f"/sparql?query={quote(SELECT)}&format=json", {}),
    ("/", {"Accept-Language": "es"}),
    ("/static/rcmkg.css", {}),
]


@pytest.mark.parametrize(("path", "headers"), PAGES)
def test_a_kept_answer_is_the_answer_the_app_made(served, path, headers):
    client, pub = served
    head_first = client.head(path, headers=headers)  # through the app: HEAD is not kept
    assert not pub.responses
    made = client.get(path, headers=headers)
    assert made.status_code == 200 and made.content
    assert len(pub.responses) == 1, "the answer was not kept"
    kept = next(iter(pub.responses.values()))
    again = client.get(path, headers=headers)
    assert again.content == made.content and _headers(again) == _headers(made)
    assert kept.body["body"] == made.content  # the second came from the kept bytes
    head = client.head(path, headers=headers)
    assert head.status_code == 200 and head.content == b""
    assert _headers(head) == _headers(made) == _headers(head_first)
    assert int(head.headers["content-length"]) == len(made.content)
    for name in ("content-security-policy", "x-content-type-options", "access-control-allow-origin"):
        assert name in again.headers, name


def test_a_conditional_request_gets_its_304_from_the_kept_answer(served):
    client, pub = served
    path = f"/doc/{MEETING}.ttl"
    first = client.get(path)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    # the app's own 304 for another URL of the same kind (not kept yet)
    other = f"/doc/{MEETING}.nt"
    made_304 = client.get(other, headers={"If-None-Match": client.get(other).headers["etag"]})
    assert made_304.status_code == 304
    kept_before = len(pub.responses)
    for header in ({"If-None-Match": etag}, {"If-None-Match": f'"nope", W/{etag}'}, {"If-None-Match": "*"},
                   {"If-Modified-Since": modified}):
        r = client.get(path, headers=header)
        assert r.status_code == 304 and r.content == b"", header
        assert r.headers["etag"] == etag and "content-type" not in r.headers
        assert {k for k, _ in _headers(made_304)} - {"vary", "link"} <= set(r.headers), header
    assert len(pub.responses) == kept_before  # answered from the cache, nothing new kept
    # a static file's 304 is by its own date, not the store's
    css = client.get("/static/rcmkg.css")
    assert client.get("/static/rcmkg.css").content == css.content
    r = client.get("/static/rcmkg.css", headers={"If-Modified-Since": css.headers["last-modified"]})
    assert r.status_code == 304 and r.headers["etag"] == css.headers["etag"]
    # stale copies get the whole answer
    for header in ({"If-None-Match": '"something-else"'}, {"If-Modified-Since": "Mon, 01 Jan 1990 00:00:00 GMT"},
                   {"If-Modified-Since": "not a date"}):
        r = client.get(path, headers=header)
        assert r.status_code == 200 and r.content == first.content, header
    # HEAD with a current ETag: a 304 too
    assert client.head(path, headers={"If-None-Match": etag}).status_code == 304


def test_requests_that_differ_never_share_an_answer(served):
    client, pub = served
    doc = f"/doc/{MEETING}"
    for _ in range(2):  # the second round is answered from the cache
        html = client.get(doc, headers={"Accept": "text/html"})
        turtle = client.get(doc, headers={"Accept": "text/turtle"})
        jsonld = client.get(doc, headers={"Accept": "application/ld+json"})
        assert html.headers["content-type"].startswith("text/html") and b"<html" in html.content
        assert turtle.headers["content-type"].startswith("text/turtle") and b"@prefix" in turtle.content
        assert jsonld.headers["content-type"].startswith("application/ld+json") and jsonld.content.lstrip()[:1] in b"[{"
        en = client.get(doc, headers={"Accept-Language": "en"})
        es = client.get(doc, headers={"Accept-Language": "es"})
        es_param = client.get(doc + "?lang=es")
        assert en.headers["content-language"] == "en" and es.headers["content-language"] == "es"
        assert es_param.headers["content-language"] == "es" and en.content != es.content
        page1 = client.get("/query/meetings.json?page=1&limit=1").json()
        page2 = client.get("/query/meetings.json?page=2&limit=1").json()
        assert page1["results"]["bindings"] and page1 != page2
        # Host: a feed's links are made from it; another host's answer must not reach this one
        evil = client.get("/feeds/meetings.atom", headers={"Host": "evil.example"})
        own = client.get("/feeds/meetings.atom")
        assert b"evil.example" in evil.content and b"evil.example" not in own.content
    assert len(pub.responses) >= 9


def test_the_cache_keeps_its_bounds(served):
    client, pub = served
    pub.keep_entries = 3
    paths = [f"/doc/{MEETING}{ext}" for ext in ("", ".ttl", ".nt", ".jsonld", ".rdf")]
    first = {p: client.get(p).content for p in paths}
    assert len(pub.responses) == 3
    # the least recently used went first: the last three are kept
    assert {k[0] for k in pub.responses} == {p.encode() for p in paths[2:]}
    for p in paths:  # and every answer is still the right one
        assert client.get(p).content == first[p]
    assert len(pub.responses) == 3
    pub.keep_entries = 4096
    pub.keep_bytes = max(k.size for k in pub.responses.values()) + 1
    for p in paths:
        client.get(p)
    assert pub.responses and sum(k.size for k in pub.responses.values()) <= pub.keep_bytes
    assert len(pub.responses) < len(paths)


def test_errors_posts_and_bodies_are_not_kept(served):
    client, pub = served
    assert client.get("/doc/meeting/no-such-thing").status_code == 404
    assert client.get("/nothing/here").status_code == 404
    r = client.post("/sparql", data={"query": SELECT, "format": "json"})
    assert r.status_code == 200
    assert client.get("/downloads").status_code == 200  # its sizes change once dumps are made
    assert not pub.responses
    # a GET with a body goes through the app every time
    client.request("GET", f"/doc/{MEETING}.ttl", content=b"x")
    assert not pub.responses


def _raw_get(base: httpx.URL, target: str) -> tuple[int, bytes]:
    """(status, body) of a GET sent on a socket (httpx refuses URLs over 64 KiB)."""
    host = base.host
    with socket.create_connection((host, base.port or 80), timeout=60) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_long_request_targets_reach_the_app(served):
    client, _pub = served
    padded = "ASK { ?s ?p ?o }\n" + "# padding\n" * 8000  # 80 KB: over httptools' 64 KiB
    status, body = _raw_get(client.base_url, "/sparql?format=json&query=" + quote(padded))
    assert status == 200 and json.loads(body)["boolean"] is True
    status, body = _raw_get(client.base_url, "/doc/" + "seg/" * 20000)
    assert status == 414 and b"414" in body


def test_a_load_is_followed_and_the_old_answers_dropped(ttl, tmp_path):
    store = disk_store(ttl, tmp_path / "store")
    ask = "/sparql?" + "query=" + quote("ASK { ?s <urn:rcmkg-test:reloaded> ?o }") + "&format=json"
    app = make_app(store, Settings(base=BASE, query_timeout=20))
    with running(app) as url, httpx.Client(base_url=url, timeout=120) as client:
        first = app.state.published
        assert client.get(ask).json()["boolean"] is False
        page = client.get(f"/doc/{MEETING}.ttl").content
        assert client.get(ask).json()["boolean"] is False  # kept
        assert len(first.responses) == 2
        changed = tmp_path / "changed"
        changed.mkdir()
        files = sorted(ttl.glob("*.ttl"))
        assert files
        for f in files:
            (changed / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
        with (changed / files[0].name).open("a", encoding="utf-8") as out:
            out.write('\n<urn:rcmkg-test:marker> <urn:rcmkg-test:reloaded> "yes" .\n')
        subprocess.run([sys.executable, "-m", "rcmkg", "load", str(changed), "--store", str(store), "-q"],
                       check=True, capture_output=True)
        time.sleep(CHECK_EVERY * 2)
        assert client.get(ask).json()["boolean"] is True
        assert app.state.published is not first
        again = client.get(f"/doc/{MEETING}.ttl")
        assert again.status_code == 200 and again.content.startswith(page[:7])
        assert len(app.state.published.responses) == 2 and first.responses  # kept by the new generation


def _answer(f: Any, head: bool = False) -> tuple[bytes, list[bytes], bytes]:
    """One answer (status line, header lines but Date sorted, body) read off a keep-alive socket's file."""
    status = f.readline().rstrip(b"\r\n")
    assert status, "the connection closed"
    lines = []
    while (line := f.readline().rstrip(b"\r\n")) != b"":
        lines.append(line)
    length = next((int(v) for k, _, v in (ln.partition(b": ") for ln in lines) if k.lower() == b"content-length"), 0)
    body = b"" if head else f.read(length)
    return status, sorted(ln for ln in lines if not ln.lower().startswith(b"date:")), body


def test_kept_answers_on_the_wire_keep_alive_and_pipelined(served):
    client, pub = served
    base = client.base_url
    path = f"/doc/{MEETING}.ttl"
    request = f"GET {path} HTTP/1.1\r\nHost: {base.host}:{base.port}\r\nAccept: */*\r\n\r\n".encode()
    with socket.create_connection((base.host, base.port), timeout=60) as sock, sock.makefile("rb") as f:
        sock.sendall(request)
        made = _answer(f)  # made by the app, then kept
        assert made[0] == b"HTTP/1.1 200 OK" and made[2] and len(pub.responses) == 1
        sock.sendall(request)
        assert _answer(f) == made  # written by the protocol from the kept bytes
        # pipelined: three at once, one conditional and one a HEAD, answered in order
        etag = next(ln.split(b": ", 1)[1] for ln in made[1] if ln.lower().startswith(b"etag:"))
        head = request.replace(b"GET ", b"HEAD ", 1)
        conditional = request.replace(b"\r\n\r\n", b"\r\nIf-None-Match: " + etag + b"\r\n\r\n")
        sock.sendall(request + conditional + head)
        assert _answer(f) == made
        status, lines, body = _answer(f)
        assert status == b"HTTP/1.1 304 Not Modified" and body == b"" and b"etag: " + etag in lines
        assert _answer(f, head=True) == (made[0], made[1], b"")
        # a request asking to close gets its answer, then the connection closes
        sock.sendall(request.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n"))
        status, lines, body = _answer(f)
        assert status == b"HTTP/1.1 200 OK" and body == made[2] and f.read() == b""


CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_a_slow_request_behind_a_kept_answer_is_not_cut_by_the_keep_alive_timer(store_dir):
    """Pipelined: a kept answer written by the protocol arms the keep-alive timer; the query behind
    it in the same read (slower than that timer) still gets its answer."""
    import threading

    import uvicorn
    from builders import free_socket

    from rcmkg.publish.limits import http_protocol

    app = make_app(store_dir, Settings(base=BASE, query_timeout=3))
    sock = free_socket()
    host, port = sock.getsockname()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", http=http_protocol(), proxy_headers=False,
                                           timeout_keep_alive=1))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        kept = f"GET /doc/{MEETING}.ttl HTTP/1.1\r\nHost: x\r\n\r\n".encode()
        slow = f"GET /sparql?format=json&query={quote(CARTESIAN)} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
        with socket.create_connection((host, port), timeout=60) as conn, conn.makefile("rb") as f:
            conn.sendall(kept)
            first = _answer(f)
            assert first[0] == b"HTTP/1.1 200 OK"
            conn.sendall(kept + slow)  # the first from the kept bytes, the second runs into the query timeout
            assert _answer(f) == first
            status, _lines, body = _answer(f)
            assert status.split()[1] in (b"503", b"504"), (status, body)  # an answer, not a closed connection
    finally:
        server.should_exit = True
        thread.join(30)
