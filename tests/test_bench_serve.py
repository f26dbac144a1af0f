"""The serve benchmark's wrk driver (bench/bench_serve.py): its output is read right, and a real wrk
run against a real server counts requests, latencies and failed answers."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.bench_serve import _ms, parse_wrk, wrk

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8000/doc/meeting/x
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.10ms    1.95ms  41.27ms   89.50%
    Req/Sec     8.12k     1.02k   10.31k    71.00%
  Latency Distribution
     50%  850.00us
     75%    2.61ms
     90%    4.31ms
     99%    1.02s
  80840 requests in 5.00s, 3.05GB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:  16166.12
Transfer/sec:    624.06MB
"""


def test_wrk_output_is_read_with_its_units():
    r = parse_wrk(WRK_OUTPUT)
    assert r["rps"] == pytest.approx(16166.12) and r["requests"] == 80840
    assert r["p50_ms"] == pytest.approx(0.85) and r["p99_ms"] == pytest.approx(1020.0)
    assert r["errors"] == 2 + 3 + 7
    assert _ms("16.21ms") == pytest.approx(16.21) and _ms("2.00m") == pytest.approx(120000.0)
    with pytest.raises(ValueError, match="rps"):
        parse_wrk("\n".join(line for line in WRK_OUTPUT.splitlines() if not line.startswith("Requests/sec")))


@contextlib.contextmanager
def _static(root: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    srv.daemon_threads = True
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (make system-deps installs it)")
def test_a_real_wrk_run(tmp_path: Path):
    (tmp_path / "a").write_bytes(b"x" * 1000)
    (tmp_path / "b").write_bytes(b"y" * 10)
    with _static(tmp_path) as url:
        ok = wrk(url, ["/a", "/b"], clients=2, duration=1)
        assert ok["tool"] == "wrk" and ok["requests"] > 0 and ok["rps"] > 0 and ok["errors"] == 0
        assert 0 < ok["p50_ms"] <= ok["p99_ms"]
        missing = wrk(url, ["/a", "/nothing"], clients=2, duration=1)  # every other request a 404
        assert missing["errors"] > 0 and missing["errors"] < missing["requests"]
