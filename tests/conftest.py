"""Shared fixtures. Keep them generic: each test module can add its own.

- ``converted``: the sample reports converted once per session (``rcmkg convert data/reports``).
- ``sample_formats``: the sample reports as .txt, .docx and .pdf (tests/builders.py), built once.
- ``oxigraph_server``: a real Oxigraph SPARQL server (the ``oxigraph`` binary from PyPI) on
  127.0.0.1 and a free port, in a temporary folder; yields its base URL and stops it at the end.
- ``runner``: a click ``CliRunner``.

A test that needs the ``oxigraph serve`` process (``oxigraph_server``) is marked ``slow`` here, like
the wheel, scorer and browser tests and the heavy tests listed in ``HEAVY``: ``-m "not slow"`` leaves
them out.
"""

from __future__ import annotations

import os
import shutil
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

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "data" / "reports"


@pytest.fixture(scope="session", autouse=True)
def _hermetic_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The ontology-closure cache of every test (and of the processes tests start) in the temp dir,
    so that the suite writes nothing under ~/.cache; one folder, so later loads hit the cache."""
    old = os.environ.get("RCMKG_CACHE_DIR")
    os.environ["RCMKG_CACHE_DIR"] = str(tmp_path_factory.mktemp("rcmkg-cache"))
    yield
    if old is None:
        os.environ.pop("RCMKG_CACHE_DIR", None)
    else:
        os.environ["RCMKG_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the sample reports converted to Turtle (one file per meeting)."""
    from rcmkg.pipeline import convert
    from rcmkg.settings import Settings

    out = tmp_path_factory.mktemp("converted")
    summary = convert([REPORTS], out, Settings(), jobs=1)
    assert not summary.errors, [(e.path, e.message) for e in summary.errors]
    assert sorted(out.glob("*.ttl")), "the converter wrote nothing"
    return out


@pytest.fixture(scope="session")
def sample_formats(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Format ("txt", "docx", "pdf") -> a folder with every sample report in that format."""
    from builders import build_formats

    return build_formats(tmp_path_factory.mktemp("formats"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# Fixtures that start an external server process.
SERVER_FIXTURES = frozenset({"oxigraph_server"})

#: Genuinely heavy tests (node id, or its prefix before "[" for every parameter), marked ``slow`` here
#: so that the fast suite stays under 3 minutes; CI (``make test``) still runs them. Each costs tens of
#: CPU-seconds by design: a converter fed 100,000 lines or a 1 MB line, a 200 MB compression bomb,
#: load processes killed midway or starved of disk, a benchmark's timed runs, a generated archive
#: converted, an OWL RL closure.
HEAVY = frozenset({
    "tests/test_adversarial.py::test_adversarial_input_answers[numbered-lines-100k]",
    "tests/test_adversarial.py::test_adversarial_input_answers[no-newline-1mb]",
    "tests/test_adversarial.py::test_flate_bomb_pdf_is_refused_in_bounded_memory",
    "tests/test_crash.py::test_a_load_killed_midway_leaves_the_last_complete_load",
    "tests/test_crash.py::test_a_first_load_killed_midway_is_refused_in_one_line",
    "tests/test_crash.py::test_a_full_disk_is_one_line_and_the_previous_load_stays",
    "tests/test_crash.py::test_a_running_server_answers_from_a_load_finished_after_it_started",
    "tests/test_bench_query.py::test_measure_reports_medians_of_both",
    "tests/test_bench_generate.py::test_stage_mentions_are_worded_for_the_converter",
    "tests/test_bench_convert.py::test_convert_and_floor_write_the_same_triples",
    # OWL RL closures (owlrl): of a converted report with the whole registry, of the valid graph
    "tests/test_ontology.py::test_closure_with_a_converted_report_and_the_registry_is_consistent",
    "tests/test_shapes.py::test_owlrl_reports_inconsistencies",
    "tests/test_shapes.py::test_valid_graph_conforms_without_any_result[owlrl]",
    # a whole published site walked link by link; DCAT-AP 3 (its own site and server, pyshacl over the
    # official shapes); the samples read from .docx and PDF renderings and scored
    "tests/test_site.py::test_every_internal_link_resolves",
    "tests/test_dcat_ap.py",
    "tests/test_formats_score.py::test_every_format_gives_the_same_answers",
})


@pytest.hookimpl(tryfirst=True)  # before -m deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
        elif item.nodeid in HEAVY or item.nodeid.split("[")[0] in HEAVY or item.nodeid.split("::")[0] in HEAVY:
            item.add_marker(pytest.mark.slow)


def free_port() -> int:
    """A TCP port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    query = urllib.parse.urlencode({"query": "ASK { }"})
    req = urllib.request.Request(f"{url}/query?{query}", headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=1) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A running ``oxigraph serve`` (persistent, union default graph) on 127.0.0.1; yields its URL
    (``http://127.0.0.1:PORT``: SPARQL at ``/query``, updates at ``/update``, Graph Store at ``/store``)."""
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the `oxigraph` server binary is not installed (pip install oxigraph)")
    location = tmp_path_factory.mktemp("oxigraph")
    log = (location.parent / f"{location.name}.log").open("wb")
    proc = None
    url = ""
    for _attempt in range(3):  # another process may take the port between probe and bind
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen(
            [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "RUST_LOG": "warn"},
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and proc.poll() is None and not _answers(url):
            time.sleep(0.05)
        if proc.poll() is None and _answers(url):
            break
        proc.terminate()
        proc.wait(timeout=10)
        proc = None
    if proc is None:
        log.close()
        pytest.fail(f"oxigraph serve did not start; see {log.name}")
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
