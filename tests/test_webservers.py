"""The static site's web server configurations, served by a real Apache httpd and a real nginx.

``rcmkg publish`` writes ``.htaccess`` (Apache) and ``nginx.conf``; partners put the folder behind
one of them. Each server is started here, unprivileged, on 127.0.0.1 and a free port, with its own
configuration, logs and runtime files in a temporary folder (no system service, nothing written to
/etc), serving a site published from the sample reports under ``/rcm/``. Checked on both: every HTML
page answers 200 text/html, by its ``.html`` name and without it (also where ``doc/x/`` is a
folder too); every ``/id/`` IRI of the dumps 303s, with ``Vary: Accept``, to the representation
asked for in each RDF format, and that representation comes back with its media type; q-values
choose as the live server's negotiation does (within the documented limits of
:func:`rcmkg.publish.site.webconf.accept_rules`); every file of the site comes with its media type; and
``/.well-known/void`` is Turtle.

The servers come from Debian (``apache2``, ``nginx``; ``make system-deps`` installs them); a missing
binary skips its half with the reason.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
import rdflib
from click.testing import CliRunner

from rcmkg.cli import cli
from rcmkg.publish.conneg import RDF_FORMATS, negotiate
from rcmkg.settings import DEFAULT_BASE

pytestmark = pytest.mark.slow

SITE_PATH = "/rcm/"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
#: What each file of the site must be served as (by suffix; ``void`` is .well-known/void).
MEDIA_TYPES = {
    "html": "text/html", "ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
    "rdf": "application/rdf+xml", "trig": "application/trig", "gz": "application/gzip", "css": "text/css",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "txt": "text/plain", "json": "application/json",
    "void": "text/turtle",
    # exports, feeds and the static search (rcmkg.publish.site.extras)
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "atom": "application/atom+xml",
    "js": "text/javascript",
}
#: Canned query results are SPARQL results, not any JSON or XML.
QUERY_MEDIA_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml"}
#: Accept headers whose choice must equal the live server's (rcmkg.publish.conneg.negotiate): single
#: types, browsers, weights that decide, weights that tie, parameters, case, and wildcards beside types.
Q_CASES = [
    "text/turtle;q=0.5, application/ld+json;q=0.9",
    "text/turtle;q=0.5,application/ld+json;q=0.4",
    "application/n-triples;q=0.2, application/rdf+xml;q=0.7, text/turtle;q=0.6",
    "text/html;q=0.3, application/rdf+xml",
    "text/html;q=0.2, text/turtle; q=0.8",
    "application/ld+json, text/turtle;q=1.0",
    "text/turtle;q=1.0, text/html;q=0.9",
    "application/n-triples, text/turtle;q=0.9, */*;q=0.1",
    "text/turtle;charset=utf-8;q=0.7, application/rdf+xml;q=0.6",
    'application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"; q=0.8, application/n-triples;q=0.75',
    "TEXT/TURTLE;Q=0.4, application/n-triples;q=0.05",
    "application/rdf+xml;q=0.01, text/turtle;q=0",
    BROWSER,
    "*/*",
]


# --- the site ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def www(converted: Path) -> Iterator[Path]:
    """A document root holding the published site at ``rcm/``.

    Not under pytest's tmp folder: a server started as root serves as an unprivileged user, who must
    be able to read the files, and pytest's folders are private (0700).
    """
    root = Path(tempfile.mkdtemp(prefix="rcmkg-www-"))
    root.chmod(0o755)
    try:
        result = CliRunner().invoke(cli, ["publish", "--data", str(converted), "--out", str(root / "rcm"),
                                          "--site-url", "http://127.0.0.1" + SITE_PATH], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def site(www: Path) -> Path:
    return www / "rcm"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serving_user() -> tuple[str, str] | None:
    """(user, group) for a server started as root (it refuses to serve as root); None otherwise."""
    if os.geteuid() != 0:
        return None
    import grp

    group = next((g for g in ("nogroup", "nobody") if _exists(grp.getgrnam, g)), "root")
    return pwd.getpwuid(65534).pw_name if _exists(pwd.getpwuid, 65534) else "daemon", group


def _exists(lookup: object, key: object) -> bool:
    try:
        lookup(key)  # type: ignore[operator]
    except KeyError:
        return False
    return True


def _start(cmd: list[str], port: int, log: Path) -> subprocess.Popen[bytes]:
    """Start a server in the foreground of its own process group; wait until the port answers."""
    with log.open("ab") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return proc
        time.sleep(0.05)
    _stop(proc)
    pytest.fail(f"{cmd[0]} did not start: {log.read_text(errors='replace')[-2000:]}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        # The server's own process group: the master and its workers, nothing else.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


# --- Apache -----------------------------------------------------------------------------------------


def _apache() -> tuple[str, Path] | None:
    """(binary, modules folder) of Apache httpd 2.4, Debian's layout first."""
    for binary, modules in (("/usr/sbin/apache2", "/usr/lib/apache2/modules"), ("/usr/sbin/httpd", "/usr/lib64/httpd/modules"),
                            ("/usr/sbin/httpd", "/usr/lib/httpd/modules"), ("/usr/sbin/httpd", "/usr/libexec/apache2")):
        if os.access(binary, os.X_OK) and (Path(modules) / "mod_rewrite.so").exists():
            return binary, Path(modules)
    return None


@pytest.fixture(scope="module")
def apache(www: Path) -> Iterator[str]:
    """Apache httpd with the site's .htaccess honoured (AllowOverride) on a free port; yields the site URL."""
    found = _apache()
    if found is None:
        pytest.skip("Apache httpd is not installed (Debian package apache2; `make system-deps`)")
    binary, modules = found
    conf_dir = Path(tempfile.mkdtemp(prefix="rcmkg-apache-"))
    port = _free_port()
    mods = ["authz_core", "mime", "rewrite", "headers", "dir"]
    if (modules / "mod_mpm_event.so").exists():  # Debian builds the MPM as a module
        mods.insert(0, "mpm_event")
    loads = "\n".join(f"LoadModule {m}_module {modules}/mod_{m}.so" for m in mods)
    user = _serving_user()
    (conf_dir / "httpd.conf").write_text(f"""{loads}
ServerRoot "{conf_dir}"
DefaultRuntimeDir "{conf_dir}"
PidFile "{conf_dir}/httpd.pid"
ErrorLog "{conf_dir}/error.log"
LogLevel warn
Listen 127.0.0.1:{port}
ServerName 127.0.0.1
{f"User {user[0]}{chr(10)}Group {user[1]}" if user else ""}
TypesConfig /dev/null
DocumentRoot "{www}"
AccessFileName .htaccess
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory "{www}">
    # What the .htaccess says it needs, and no more.
    AllowOverride FileInfo Indexes Options=MultiViews
    Options FollowSymLinks
    Require all granted
</Directory>
""", encoding="utf-8")
    proc = _start([binary, "-d", str(conf_dir), "-f", str(conf_dir / "httpd.conf"), "-DFOREGROUND"], port, conf_dir / "out.log")
    try:
        yield f"http://127.0.0.1:{port}{SITE_PATH}"
    finally:
        _stop(proc)
        shutil.rmtree(conf_dir, ignore_errors=True)


# --- nginx ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nginx(www: Path, site: Path) -> Iterator[str]:
    """nginx with the site's nginx.conf (its map in http {}, its locations in server {}); yields the site URL."""
    binary = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if binary is None:
        pytest.skip("nginx is not installed (Debian package nginx; `make system-deps`)")
    snippet = (site / "nginx.conf").read_text(encoding="utf-8")
    marker = "\n# 2. In the server {} block"
    assert marker in snippet, "nginx.conf no longer says which part goes in the server block"
    http_part, server_part = snippet.split(marker, 1)
    prefix = Path(tempfile.mkdtemp(prefix="rcmkg-nginx-"))
    port = _free_port()
    user = _serving_user()
    temps = "\n".join(f"    {k}_temp_path {prefix}/{k};" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (prefix / "nginx.conf").write_text(f"""{f"user {user[0]} {user[1]};" if user else ""}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
{temps}
    default_type application/octet-stream;
{http_part}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {www};
{marker}{server_part}
    }}
}}
""", encoding="utf-8")
    proc = _start([binary, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(prefix / "nginx.conf"),
                   "-g", "daemon off;"], port, prefix / "out.log")
    try:
        yield f"http://127.0.0.1:{port}{SITE_PATH}"
    finally:
        _stop(proc)
        shutil.rmtree(prefix, ignore_errors=True)


@pytest.fixture(scope="module", params=["apache", "nginx"])
def server(request: pytest.FixtureRequest) -> Iterator[tuple[str, httpx.Client]]:
    """(site URL, HTTP client) for each web server in turn."""
    url = request.getfixturevalue(request.param)
    with httpx.Client(timeout=30, follow_redirects=False) as client:
        yield url, client


# --- helpers ----------------------------------------------------------------------------------------


def _ctype(r: httpx.Response) -> str:
    return r.headers.get("content-type", "").split(";")[0].strip().lower()


def _vary(r: httpx.Response) -> set[str]:
    return {v.strip().lower() for h in r.headers.get_list("vary") for v in h.split(",")}


def _things(site: Path) -> list[str]:
    """Paths (after ``id/``) of every IRI under ``{base}id/`` that the dump names, in any position,
    and of every thing with a description under ``doc/`` (the dataset, its graphs and dumps)."""
    data = gzip.decompress((site / "dumps" / "rcmkg.nt.gz").read_bytes())
    g = rdflib.Graph().parse(data=data, format="nt")
    prefix = DEFAULT_BASE + "id/"
    named = {str(t).split("#", 1)[0][len(prefix):] for triple in g for t in triple
             if isinstance(t, rdflib.URIRef) and str(t).startswith(prefix)}
    described = {p.relative_to(site / "doc").as_posix()[: -len(".ttl")] for p in (site / "doc").rglob("*.ttl")}
    assert len(named) > 100, f"only {len(named)} IRIs under {prefix} in the dump"
    return sorted(named | described)


def _expected_type(rel: str) -> str:
    ext = rel.rsplit(".", 1)[-1] if "." in rel.rsplit("/", 1)[-1] else rel.rsplit("/", 1)[-1]
    if rel.startswith("query/") and ext in QUERY_MEDIA_TYPES:
        return QUERY_MEDIA_TYPES[ext]
    if rel.startswith("cite/"):  # "cite this" downloads (rcmkg.publish.cite)
        return {"bib": "application/x-bibtex", "json": "application/vnd.citationstyles.csl+json"}[ext]
    return MEDIA_TYPES[ext]


# --- tests ------------------------------------------------------------------------------------------


def test_every_html_page_is_reachable_with_and_without_its_suffix(server, site):
    url, client = server
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 300, len(pages)
    also_folders = 0
    for rel in pages:
        stem = rel[: -len(".html")]
        also_folders += (site / stem).is_dir()
        # ont and voc/... are things' IRIs (the ontology, concepts), not the pages' short URLs: they
        # 303 (test_the_ontology_iri_303s..., test_every_concept_url...).
        paths = (rel,) if rel == "ont.html" or rel.startswith("voc/") else (rel, stem)
        assert paths
        for path in paths:
            r = client.get(url + path, headers={"Accept": BROWSER})
            assert r.status_code == 200, f"{path}: {r.status_code} {r.headers.get('location', '')}"
            assert _ctype(r) == "text/html", f"{path}: {r.headers.get('content-type')}"
            assert r.content == (site / rel).read_bytes(), path
    assert also_folders >= 40, f"only {also_folders} pages whose path is also a folder: the DirectorySlash case is not exercised"


def test_every_id_iri_303s_with_vary_to_the_representation_asked_for(server, site):
    url, client = server
    things = _things(site)
    for thing in things:
        for fmt in RDF_FORMATS:
            r = client.get(url + "id/" + thing, headers={"Accept": fmt.media_type})
            assert r.status_code == 303, f"id/{thing} ({fmt.key}): {r.status_code}"
            assert "accept" in _vary(r), f"id/{thing} ({fmt.key}): 303 without Vary: Accept ({r.headers})"
            assert r.headers.get("access-control-allow-origin") == "*", f"id/{thing}: 303 without CORS"
            target = urljoin(url + "id/" + thing, r.headers["location"])
            want = url + "doc/" + thing + ("" if fmt.key == "html" else "." + fmt.extension)
            assert urlsplit(target).path == urlsplit(want).path, f"id/{thing} ({fmt.key}) -> {target}"
            doc = client.get(target, headers={"Accept": fmt.media_type})
            assert doc.status_code == 200, f"{target}: {doc.status_code}"
            assert _ctype(doc) == fmt.media_type, f"{target}: {doc.headers.get('content-type')}"
            assert doc.content == (site / "doc" / f"{thing}.{fmt.extension}").read_bytes(), target


def test_every_concept_url_answers_in_the_representation_asked_for(server, site):
    url, client = server
    concepts = sorted(p.relative_to(site).as_posix()[: -len(".ttl")] for p in (site / "voc").rglob("*.ttl"))
    assert len(concepts) > 20, concepts
    for path in concepts:
        for fmt in RDF_FORMATS:
            # a concept is a thing: 303 to its representation (W3C vocabulary recipes, slash namespace)
            r = client.get(url + path, headers={"Accept": fmt.media_type})
            assert r.status_code == 303 and "accept" in _vary(r), (path, fmt.key, r.status_code, r.headers)
            assert r.headers["location"].endswith(f"{path}.{fmt.extension}"), (path, r.headers["location"])
            r = client.get(httpx.URL(url).join(r.headers["location"]))
            assert r.status_code == 200 and _ctype(r) == fmt.media_type, (path, fmt.key, r.status_code, r.headers.get("content-type"))
            assert r.content == (site / f"{path}.{fmt.extension}").read_bytes(), (path, fmt.key)


@pytest.mark.parametrize("accept", Q_CASES)
def test_q_values_choose_as_the_live_server_does(server, site, accept):
    url, client = server
    want = negotiate(accept, RDF_FORMATS)
    assert want is not None
    thing = next(t for t in _things(site) if t.startswith("meeting/") and "/item/" not in t)
    concept = next(p.relative_to(site).as_posix()[: -len(".ttl")] for p in sorted((site / "voc").glob("*/*.ttl")))
    r = client.get(url + "id/" + thing, headers={"Accept": accept})
    assert r.status_code == 303 and "accept" in _vary(r), (accept, r.status_code, r.headers)
    ext = "" if want.key == "html" else "." + want.extension
    assert urlsplit(urljoin(url, r.headers["location"])).path == SITE_PATH + "doc/" + thing + ext, (accept, r.headers["location"])
    # The same choice for a document URL without a suffix, and for a concept of a vocabulary.
    for path in ("doc/" + thing, concept):
        r = client.get(url + path, headers={"Accept": accept})
        assert "accept" in _vary(r), (accept, path, r.headers)
        if path == concept:  # a concept is a thing: 303 to the representation chosen
            assert r.status_code == 303, (accept, path, r.status_code)
            assert r.headers["location"].endswith(f"{concept}.{want.extension}"), (accept, r.headers["location"])
            r = client.get(urljoin(url, r.headers["location"]))
        assert r.status_code == 200 and _ctype(r) == want.media_type, (accept, path, r.status_code, r.headers.get("content-type"))


def test_every_file_comes_with_its_media_type(server, site):
    url, client = server
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
                   and p.name not in (".htaccess", "nginx.conf"))
    assert len(files) > 1000, len(files)
    seen: set[str] = set()
    for rel in files:
        r = client.get(url + rel)
        assert r.status_code == 200, f"{rel}: {r.status_code}"
        assert _ctype(r) == _expected_type(rel), f"{rel}: {r.headers.get('content-type')}, wanted {_expected_type(rel)}"
        assert "content-encoding" not in r.headers, f"{rel}: {r.headers['content-encoding']}"
        if rel.endswith(".gz"):
            assert "charset" not in r.headers["content-type"], f"{rel}: {r.headers['content-type']}"
        assert r.content == (site / rel).read_bytes(), rel
        seen.add(_ctype(r))
    assert {"text/html", "text/turtle", "application/gzip", "application/sparql-results+json", "application/json",
            "application/x-bibtex", "application/vnd.citationstyles.csl+json"} <= seen


def test_well_known_void_is_turtle(server, site):
    url, client = server
    r = client.get(url + ".well-known/void")
    assert r.status_code == 200 and _ctype(r) == "text/turtle", r.headers
    g = rdflib.Graph().parse(data=r.content, format="turtle")
    assert (None, rdflib.RDF.type, rdflib.URIRef("http://rdfs.org/ns/void#Dataset")) in g


def test_folders_missing_pages_and_the_home_page(server, site):
    url, client = server
    assert (site / "ontology").is_dir() and not (site / "ontology.html").exists()
    r = client.get(url + "ontology")
    assert r.status_code == 301 and urlsplit(urljoin(url, r.headers["location"])).path == SITE_PATH + "ontology/", r.headers
    r = client.get(url + "ontology/")
    assert r.status_code == 200 and _ctype(r) == "text/html"
    r = client.get(url)
    assert r.status_code == 200 and r.content == (site / "index.html").read_bytes()
    r = client.get(url + "doc/no/such/thing", headers={"Accept": BROWSER})
    assert r.status_code == 404 and r.content == (site / "404.html").read_bytes(), (r.status_code, r.text[:200])


@pytest.mark.parametrize("accept,suffix", [("text/html", ".html"), ("text/turtle", ".ttl"), ("application/rdf+xml", ".rdf"),
                                           ("application/ld+json", ".jsonld"), ("application/n-triples", ".nt"),
                                           ("text/turtle;q=0.5, application/ld+json", ".jsonld")])
def test_the_ontology_iri_303s_to_its_documentation_or_rdf(server, site, accept, suffix):
    """W3C vocabulary recipe 3 (hash namespace): ``ont`` (and so ``ont#Meeting``) 303s by Accept."""
    url, client = server
    r = client.get(url + "ont", headers={"Accept": accept})
    assert r.status_code == 303 and "accept" in _vary(r), (r.status_code, r.headers)
    assert r.headers["location"].endswith("ont" + suffix), r.headers["location"]
    doc = client.get(httpx.URL(url).join(r.headers["location"]))
    assert doc.status_code == 200 and _ctype(doc) == accept.split(",")[-1].strip(), doc.headers
    if suffix == ".html":
        assert 'id="Meeting"' in doc.text  # the term's fragment lands on its section
    else:
        fmt = {".ttl": "turtle", ".rdf": "xml", ".jsonld": "json-ld", ".nt": "nt"}[suffix]
        g = rdflib.Graph().parse(data=doc.content, format=fmt)
        assert (rdflib.URIRef("https://w3id.org/rcmkg/ont"), rdflib.RDF.type, rdflib.OWL.Ontology) in g
        assert (rdflib.URIRef("https://w3id.org/rcmkg/ont#Meeting"), rdflib.RDF.type, rdflib.OWL.Class) in g
