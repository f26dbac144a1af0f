"""``rcmkg publish``: the served pages and representations as static files.

Layout of a published site (every link in it is relative, so it works from any folder of any web
server, from an object store, and from ``file://``)::

    index.html  labels.html  commitments.html  sparql.html  downloads.html  404.html
    meetings.html  meetings/page/{n}.html     every meeting, newest first (the home page lists the first page)
    es/...                                   every HTML page again in Spanish (the server's ?lang=es),
                                             with a switch between the two on each page
    doc/{path}.html .ttl .jsonld .nt .rdf    one set per thing {base}id/{path} (doc/dataset.* is VoID/DCAT)
    voc/{scheme}/{concept}.*                 the SKOS vocabularies
    trace/{item}.html                        tracked-item timelines (later pages: trace/{item}/page/{n}.html)
    cite/{path}.bib .json                    "cite this" of each meeting and agreement (BibTeX, CSL-JSON)
    query/{name}.html .json .csv .tsv .xml   canned queries run at publish time (those without required parameters)
    dumps/rcmkg.ttl .nt.gz .trig .jsonld     the whole graph
    void.ttl  .well-known/void               the dataset description
    ontology/index.html                      the ontology documented by pyLODE
    validation/index.html report.ttl         the SHACL validation report of this release
    .htaccess  nginx.conf                    content negotiation and 303s for Apache and nginx
    static/rcmkg.css  static/search.js
    search.html  search/index.js t/ f/ d/    full-text search with facets, in the browser (rcmkg.search.static)
    commitments.csv .xlsx .json              every list as CSV, XLSX and JSON; per actor under commitments/actor/
    trace/{item}.csv .xlsx .json             timelines as lists; query/{name}.xlsx canned queries too
    feeds/meetings.atom  feeds/item/{slug}.atom  feeds/actor/{kind}/{slug}.atom   Atom feeds

The site is built in a temporary folder beside ``out`` and moved into place at the end, so a failed
publish leaves the previous site untouched.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

from rcmkg.errors import NotFound, PublishError
from rcmkg.i18n import LANGS, N_
from rcmkg.index.commitments import actor_rows_of, remembered
from rcmkg.index.dormant import quiet_of
from rcmkg.index.published import cached_published
from rcmkg.namespaces import FOAF, RCM, RDF, SKOS, VOID
from rcmkg.publish.cite import SUFFIXES
from rcmkg.publish.conneg import RDF_FORMATS
from rcmkg.publish.dumps import write_dumps
from rcmkg.publish.endpoint import QueryRequest, execute_formats
from rcmkg.publish.exports import sparql_table
from rcmkg.publish.site.extras import write_extras
from rcmkg.publish.site.webconf import htaccess, nginx_conf
from rcmkg.publish.source import Source, published_graphs, restore_datatypes
from rcmkg.publish.views.pages import MEETINGS_PAGE, GraphView, StaticLinker, list_pager, pages_of
from rcmkg.publish.views.render import render, render_resource, static_dir
from rcmkg.publish.views.timeline import timeline_page, timeline_pages, track_iri
from rcmkg.publish.vocab import ONTOLOGY_FORMATS, ontology_document, ontology_html
from rcmkg.publish.void import DUMPS, DatasetInfo, Distribution, dataset_stats, describe_dataset, graph_counts
from rcmkg.resources import resource_dir, resource_files
from rcmkg.settings import Settings
from rcmkg.sparql.catalogue import keyed_texts, load_queries, whole_parts
from rcmkg.sparql.terms import term_value
from rcmkg.sparql.writers import OUTPUT_PREFIXES, indented_json, jsonld_with_node, rdf_bytes, xml_safe
from rcmkg.trace.lookup import trace
from rcmkg.trace.timeline import Timeline


@dataclass
class PublishResult:
    """What a publish wrote."""

    out: Path
    pages: int = 0
    files: int = 0
    triples: int = 0
    graphs: int = 0
    dumps: list[Distribution] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --- pages -------------------------------------------------------------------------------------------


#: How :meth:`_Writer.write` opens a file: as ``Path.write_bytes`` does (``open(path, "wb")``).
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class _Writer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0
        self._root = str(root)
        # The folders made so far: pages are written in IRI order, so a page's folder is mostly its
        # neighbour's, and asking the file system again is a system call per file (a tenth of a
        # publish went to pathlib and mkdir).
        self._made: set[str] = set()

    def write(self, rel: str, data: bytes | str) -> None:
        path = f"{self._root}/{rel}"
        folder = path.rpartition("/")[0]
        if folder not in self._made:
            os.makedirs(folder, exist_ok=True)
            self._made.add(folder)
        left = memoryview(data.encode("utf-8") if isinstance(data, str) else data)
        fd = os.open(path, _CREATE, 0o666)
        try:
            while left:  # os.write may write less than asked
                left = left[os.write(fd, left):]
        finally:
            os.close(fd)
        self.files += 1


def publish_site(source: Source, settings: Settings, out: Path, info: DatasetInfo | None = None, *,
                 validate: bool = True, ontology_docs: bool = True,
                 progress: Callable[[int, int], None] | None = None, jobs: int = 1) -> PublishResult:
    """Write the static site for ``store`` into ``out`` (replaced atomically at the end).

    ``jobs`` worker processes write the resource pages (an on-disk store only: each opens it read-only).

    >>> publish_site(store, Settings(), Path("site"), DatasetInfo("https://example.org/rcmkg/"))  # doctest: +SKIP
    """
    store = source.ox
    base = settings.base
    info = info or DatasetInfo(site_url=base)
    if not info.site_url.endswith("/"):
        info = replace(info, site_url=info.site_url + "/")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise PublishError(f"{out} exists and is not a folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        result = PublishResult(out=out)
        w = _Writer(work)
        # The statistics `rcmkg load` stored with this generation (rcmkg.index.published): counting
        # them again scans the archive (a minute at 10,000 reports).
        entry = cached_published(source)
        stats = entry.stats if entry is not None else None
        counts = stats.counts if stats is not None else graph_counts(store, base)
        result.graphs = len(counts)
        if not counts and not len(store):
            raise PublishError("the store is empty: load converted reports first (rcmkg load DIR)")
        stats = stats or dataset_stats(store, base)
        # The workers write the resource pages while this process writes the rest (dumps, ontology
        # docs, validation report, home, lists, feeds, queries): those are one process's work and
        # would otherwise leave a core idle. The workers' VoID description lacks the dumps' sizes
        # (not written yet): the pages under id/dataset, which show them, are left to this process.
        with _ResourcePages(w, base, result, progress, jobs, _store_dir(source), info.sparql_endpoint) as pages:
            if pages.parallel:
                pages.start(describe_dataset(store, base, info, DUMPS, counts, stats))
            dumps = write_dumps(store, work / "dumps", base)
            w.files += len(dumps)
            result.dumps = dumps
            result.triples = next((d.triples for d in dumps if d.key == "nt.gz"), 0) or 0
            void = describe_dataset(store, base, info, dumps, counts, stats)
            view = GraphView(store, base, extra=void, actor_rows=actor_rows_of(source), quiet=quiet_of(source))
            root = StaticLinker(base, view, "index.html", info.sparql_endpoint)

            ontology_ok = ontology_docs and _ontology_docs(w, result)
            trig = next((work / "dumps" / d.filename for d in dumps if d.key == "trig"), None)
            validation_ok = validate and _validation_report(store, settings, w, root, result, trig)
            with remembered():  # every actor's list, page and feed from one decoding of the commitments
                _site_pages(source, store, settings, view, root, w, dumps, ontology_ok, validation_ok, result,
                            info.site_url)
            pages.finish(view, root, void)

        dataset_ttl = rdf_bytes(void, "ttl")  # the whole description: dataset, subsets, distributions, service
        conforms, text = validate_void(dataset_ttl)
        if not conforms:
            raise PublishError("the dataset description does not conform to shapes/void-dcat.ttl:\n" + text)
        w.write("void.ttl", dataset_ttl)
        w.write(".well-known/void", dataset_ttl)
        for asset in sorted([*static_dir().glob("*.css"), *static_dir().glob("*.js")]):
            w.write(f"static/{asset.name}", asset.read_bytes())
        site_path = urlsplit(info.site_url).path or "/"
        w.write(".htaccess", htaccess(site_path))
        w.write("nginx.conf", nginx_conf(site_path))
        result.files = w.files
        _swap(work, out)
        return result
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def _store_dir(source: Source) -> Path | None:
    """The on-disk generation a worker can open read-only, or None (a memory store, --data)."""
    path = getattr(source, "path", None)
    return Path(path) if path is not None and Path(path).is_dir() and (Path(path) / "CURRENT").is_file() else None


def _swap(work: Path, out: Path) -> None:
    """Put the new site in place: old one aside, new one in, old one removed."""
    work.chmod(0o755)
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
        os.replace(work, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(work, out)


class _ResourcePages:
    """Every resource's page (in each language), its RDF documents and its citations.

    With ``jobs`` > 1 and an on-disk store, :meth:`start` hands IRIs to worker processes, each
    opening the same generation read-only (a page depends only on the store, so who writes it does
    not change its bytes); :meth:`finish` writes the others here and waits for the workers."""

    def __init__(self, w: _Writer, base: str, result: PublishResult, progress: Callable[[int, int], None] | None,
                 jobs: int, store_path: Path | None, sparql_endpoint: str | None) -> None:
        self.w, self.base, self.result, self.progress = w, base, result, progress
        self.jobs, self.store_path, self.sparql_endpoint = jobs, store_path, sparql_endpoint
        self.parallel = jobs > 1 and store_path is not None
        self.given: set[str] = set()
        self.pool: Any = None
        self.answers: Any = None
        self.listing = False  # a worker lists the resources; ``listed`` is set when it has
        self.listed = threading.Event()
        self.error: BaseException | None = None

    def __enter__(self) -> _ResourcePages:
        return self

    def start(self, extra: list[Any]) -> None:
        """Start the workers. One of them lists the resources (in the order of :func:`_by_meeting`) while
        this process goes on (the dumps); the list is handed out to the workers as soon as it is made,
        but for the IRIs under ``id/dataset`` (``extra``, the VoID description made before the dumps,
        lacks their sizes). Listing the subjects of every graph is one core's work (20 s at 10,000
        reports) that would otherwise hold up both."""
        if not self.parallel:
            return
        import multiprocessing

        # spawn, not fork: this process holds the store open (RocksDB's threads and locks do not
        # survive a fork).
        ctx = multiprocessing.get_context("spawn")
        init = (str(self.store_path), self.base, extra, self.sparql_endpoint, str(self.w.root))
        self.pool = ctx.Pool(self.jobs, initializer=_worker_init, initargs=init)
        self.listing = True
        self.pool.apply_async(_worker_list, (), callback=self._hand_out, error_callback=self._failed)

    def _hand_out(self, iris: list[str]) -> None:
        # In the pool's result thread: it only queues the tasks (finish() reads their answers).
        try:
            dataset = self.base + "id/dataset"
            iris = [i for i in iris if not i.startswith(dataset)]
            if len(iris) > _CHUNK:  # else not worth the pool: finish() writes them
                self.answers = self.pool.imap_unordered(_worker_chunk, [iris[i:i + _CHUNK] for i in range(0, len(iris), _CHUNK)])
                self.given = set(iris)
        except BaseException as exc:  # noqa: BLE001 - raised by finish(), in the publishing thread
            self.error = exc
        self.listed.set()

    def _failed(self, exc: BaseException) -> None:
        self.error = exc
        self.listed.set()

    def finish(self, view: GraphView, root: StaticLinker, void: list[Any]) -> None:
        """Write the pages the workers were not given (with ``view``, the final VoID description in
        it), then wait for theirs."""
        if self.listing:
            self.listed.wait()
            if self.error is not None:
                raise self.error
        if self.given:  # only the dataset's own pages are left: no need to list the store's subjects again
            dataset = self.base + "id/dataset"
            rest = sorted({t.subject.value for t in void if isinstance(t.subject, NamedNode)
                           and t.subject.value.startswith(dataset) and view.has_page(t.subject.value)})
        else:
            rest = view.resource_iris
        total, done = len(rest) + len(self.given), 0
        for iri in rest:
            if _resource(view, root, self.w, self.base, iri):
                self.result.pages += 1
            done += 1
            if self.progress:
                self.progress(done, total)
        if self.pool is None:
            return
        for pages, files, n in self.answers or ():
            self.result.pages += pages
            self.w.files += files
            done += n
            if self.progress:
                self.progress(done, total)
        self.pool.close()
        self.pool.join()
        self.pool = None

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:  # failed or cut short: stop the workers, the caller removes the folder
            self.pool.terminate()
            self.pool.join()


#: Sorts after every "{meeting}/..." IRI: "/" and the last code point.
_LAST = "/" + chr(0x10FFFF)


def _by_meeting(store: pyoxigraph.Store, iris: list[str]) -> list[str]:
    """``iris`` in the order the workers describe them best: a report and its source text right
    after the resources of their meeting (whose IRIs all start with the meeting's). A text's page
    names every agreement read from it; described beside them, their labels and positions are
    already in the worker's view (160 look-ups fewer for a text of 32 passages). The order changes
    no byte of the site: a page depends on the store only."""
    report_of = {q.subject.value: q.object.value for q in store.quads_for_pattern(None, NamedNode(RCM + "reportOf"), None, None)
                 if isinstance(q.subject, NamedNode) and isinstance(q.object, NamedNode)}
    text_of = {q.object.value: q.subject.value for q in store.quads_for_pattern(None, NamedNode(RCM + "sourceText"), None, None)
               if isinstance(q.subject, NamedNode) and isinstance(q.object, NamedNode)}

    def key(iri: str) -> tuple[str, int, str]:
        report = iri if iri in report_of else text_of.get(iri)
        meeting = report_of.get(report) if report is not None else None
        if meeting is None:
            return (iri, 0, "")
        return (meeting + _LAST, 1 if report == iri else 2, iri)

    return sorted(iris, key=key)


def _resource(view: GraphView, root: StaticLinker, w: _Writer, base: str, iri: str) -> bool:
    """Write the page of ``iri`` and its documents; False when it has none."""
    doc = root.doc_path(iri)
    if doc is None:
        return False
    desc = view.describe(iri)
    if desc is None:
        return False
    _pages(w, root, f"{doc}.html", functools.partial(_render_resource, desc))
    if desc.cite is not None:  # "cite this": the downloads the page links to (rcmkg.publish.cite)
        for kind, suffix in SUFFIXES.items():
            w.write(f"cite/{doc.split('/', 1)[-1]}{suffix}", desc.cite.download(kind)[0])
    triples = [*desc.triples, Triple(NamedNode(base + doc), NamedNode(FOAF + "primaryTopic"), NamedNode(iri))]
    # The .jsonld is the page's JSON-LD and the triple naming the page: made from the page's.
    jsonld = jsonld_with_node(desc.jsonld_dict, base + doc, FOAF + "primaryTopic", iri)
    documents = _documents(triples, None if jsonld is None else indented_json(jsonld))
    for fmt in RDF_FORMATS:
        if fmt.key != "html":
            w.write(f"{doc}.{fmt.extension}", documents[fmt.key])
    return True


def _documents(triples: list[Triple], jsonld: bytes | None = None) -> dict[str, bytes]:
    """The bytes :func:`rdf_bytes` writes for each format, the prefixes found once for Turtle and
    RDF/XML (``used_prefixes`` tests every term against every namespace: a fifth of a page's cost);
    ``jsonld``, that format's bytes when already made."""
    prefixes = _used_prefixes(triples)
    return {
        "ttl": serialize(triples, format=RdfFormat.TURTLE, prefixes=prefixes) or b"",
        "nt": serialize(sorted(triples, key=str), format=RdfFormat.N_TRIPLES) or b"",
        "rdf": serialize([xml_safe(t) for t in triples], format=RdfFormat.RDF_XML, prefixes=prefixes) or b"",
        "jsonld": rdf_bytes(triples, "jsonld") if jsonld is None else jsonld,
    }


_NAMESPACES = sorted(OUTPUT_PREFIXES.items(), key=lambda kv: -len(kv[1]))


@functools.lru_cache(maxsize=1 << 16)
def _prefix_of(value: str) -> str | None:
    for p, ns in _NAMESPACES:
        if value.startswith(ns) and len(value) > len(ns):
            return p
    return None


def _used_prefixes(triples: list[Triple]) -> dict[str, str]:
    """:func:`rcmkg.sparql.writers.used_prefixes`, each distinct IRI looked up once. RDF/XML's
    safe literals keep their datatypes, so the same prefixes serve it."""
    values: set[str] = set()
    for t in triples:
        for term in (t.subject, t.predicate, t.object):
            if isinstance(term, NamedNode):
                values.add(term.value)
            elif isinstance(term, Literal):
                values.add(term.datatype.value)
    seen = {_prefix_of(v) for v in values}
    return {p: ns for p, ns in OUTPUT_PREFIXES.items() if p in seen}


#: Resources per task of a worker: big enough that a task's overhead (pickling the IRIs, the
#: answer) is nothing beside it, small enough that two workers finish together.
_CHUNK = 200
#: Resources a worker describes before it starts a new view: the view keeps every label and
#: existence it looked up, which would otherwise grow with the archive.
_VIEW_RESOURCES = 20_000


_WORKER: dict[str, Any] = {}


def _worker_init(store_path: str, base: str, extra: list[Any], sparql_endpoint: str | None, work: str) -> None:
    from rcmkg.store.local import LocalStore

    _WORKER.update(store=LocalStore(Path(store_path), base=base, read_only=True), base=base, extra=extra,
                   sparql_endpoint=sparql_endpoint, writer=_Writer(Path(work)), described=0, view=None,
                   parent=os.getppid())


def _worker_list() -> list[str]:
    """Every resource with a page, in the order the workers describe them best (:func:`_by_meeting`)."""
    store = _WORKER["store"].ox
    return _by_meeting(store, GraphView(store, _WORKER["base"], extra=_WORKER["extra"]).resource_iris)


def _worker_chunk(iris: list[str]) -> tuple[int, int, int]:
    st = _WORKER
    if os.getppid() != st["parent"]:  # the publish was killed outright: its folder is gone or abandoned
        os._exit(1)
    if st["view"] is None or st["described"] >= _VIEW_RESOURCES:
        st["view"] = GraphView(st["store"].ox, st["base"], extra=st["extra"], actor_rows=actor_rows_of(st["store"]),
                               quiet=quiet_of(st["store"]))
        st["described"] = 0
    view = st["view"]
    root = StaticLinker(st["base"], view, "index.html", st["sparql_endpoint"])
    w = st["writer"]  # one per worker: the folders it made stay made
    files = w.files
    pages = sum(1 for iri in iris if _resource(view, root, w, st["base"], iri))
    st["described"] += len(iris)
    return pages, w.files - files, len(iris)


def _render_resource(desc: Any, linker: StaticLinker) -> str:
    return render_resource(linker, desc)


def _timeline(source: Source, base: str, slug: str, number: int, timeline: Timeline, linker: StaticLinker) -> str:
    return timeline_page(source, base, slug, linker, number, timeline)


def _pages(w: _Writer, root: StaticLinker, rel: str, make: Callable[[StaticLinker], str]) -> None:
    """Write the page ``rel`` in every interface language: English at ``rel``, the others under
    ``{lang}/`` (rcmkg.i18n; the server's ``?lang=es`` is the site's ``es/``)."""
    for lang in LANGS:
        linker = root.localised(lang).at(rel)
        w.write(linker.path, make(linker))


def _site_pages(source: Source, store: pyoxigraph.Store, settings: Settings, view: GraphView, root: StaticLinker,
                w: _Writer, dumps: list[Distribution],
                ontology_ok: bool, validation_ok: bool, result: PublishResult, info_site_url: str = "") -> None:
    total = next((int(term_value(t.object)) for t in view.extra.quads_for_pattern(None, None, None, None)
                  if t.predicate.value == VOID + "triples" and term_value(t.subject) == view.id_base + "dataset"), None)
    meetings = view.meetings()
    for m in meetings:
        m["year"] = m["date"][:4]
    tracks = view.tracked_items()
    every = len(meetings)
    _pages(w, root, "index.html", lambda linker: render("home.html", linker, meetings=meetings[:MEETINGS_PAGE],
                                                         meetings_total=every, tracks=tracks, triples=total,
                                                         page_feeds=[("", linker.url("feed:meetings"))]))
    result.pages += 1
    # every meeting, a page at a time (the home page has the first)
    pages = pages_of(every, MEETINGS_PAGE)
    for number in range(1, pages + 1):
        def listing(linker: StaticLinker, number: int = number) -> str:
            return render("meetings.html", linker, meetings=meetings[(number - 1) * MEETINGS_PAGE:number * MEETINGS_PAGE],
                          meetings_total=every, pager=list_pager(linker, "meetings", number, pages),
                          page_feeds=[("", linker.url("feed:meetings"))])

        _pages(w, root, "meetings.html" if number == 1 else f"meetings/page/{number}.html", listing)
        result.pages += 1
    for t in tracks:
        slug = t["slug"]
        try:  # made once for the item's pages in both languages
            timeline = trace(source, track_iri(source, settings.base, slug))
        except NotFound:
            continue
        for number in range(1, timeline_pages(timeline) + 1):
            rel = f"trace/{slug}.html" if number == 1 else f"trace/{slug}/page/{number}.html"
            _pages(w, root, rel, functools.partial(_timeline, source, settings.base, slug, number, timeline))
            result.pages += 1
    # search, commitments (all and per actor) with their exports, timelines as lists, feeds
    result.pages += write_extras(source, view, root, w.write, functools.partial(_pages, w, root), settings.base,
                                 info_site_url, tracks)
    groups = _label_groups(view, every)
    _pages(w, root, "labels.html", lambda linker: render("labels.html", linker, groups=groups))
    _pages(w, root, "downloads.html", lambda linker: render("downloads.html", linker, dumps=dumps, void_href=linker.url("void"),
                                                            ontology=ontology_ok, validation=validation_ok))
    # One 404 page for the whole site (web servers name one): at the root, its links relative to it.
    w.write("404.html", render("error.html", root, status=404, title=N_("Not found"),
                               message=N_("Nothing is published at this address."), iri=None, suggestions=[], hits=[]))
    result.pages += 4
    _query_pages(source, settings, root, w, result)


#: Meetings the index of names lists by name; beyond, it counts them and links to the meetings list
#: (the one class that grows with the archive: 10,000 rows were 2.2 MB of the page at 10,000 reports).
LABELS_MEETINGS = MEETINGS_PAGE


def _label_groups(view: GraphView, listed: int | None = None) -> list[dict[str, Any]]:
    """The index of names: each named thing with a page, by class, its English and Spanish names
    side by side. Meetings are named while there are at most :data:`LABELS_MEETINGS`; a bigger
    archive's group names none and gives ``count``, the meetings of the meetings list (``listed``)."""
    kinds = [(N_("Tracked items"), RCM + "TrackedItem"), (N_("Documents"), RCM + "Document"), (N_("Organisations"), RCM + "Organisation"),
             (N_("Countries"), RCM + "Country"), (N_("Groups of countries"), RCM + "CollectiveActor"), (N_("Meetings"), RCM + "Meeting"),
             (N_("Places"), "http://schema.org/Place"), (N_("Concepts"), SKOS + "Concept")]
    alts: dict[str, list[str]] = {}
    for q in view.quads(p=NamedNode(SKOS + "altLabel")):
        alts.setdefault(term_value(q.subject), []).append(term_value(q.object))
    groups: list[dict[str, Any]] = []
    done: set[str] = set()
    for title, cls in kinds:
        entries = []
        # The things of each class, looked up by class (reading every rdf:type of the archive to
        # pick these out was twenty seconds at 10,000 reports); sorted below.
        members = {term_value(q.subject) for q in view.quads(p=NamedNode(RDF + "type"), o=NamedNode(cls))
                   if isinstance(q.subject, NamedNode)} - done
        group_id = cls.rsplit("/", 1)[-1].rsplit("#", 1)[-1].lower()
        if cls == RCM + "Meeting" and len(members) > LABELS_MEETINGS:
            done |= members
            groups.append({"id": group_id, "title": title, "entries": [],
                           "count": len(members) if listed is None else listed})
            continue
        for iri in sorted(members):
            if iri not in done and view.has_page(iri):
                done.add(iri)
                entries.append({"iri": iri, "en": view.label(iri) or view.display(iri), "es": view.label_es(iri),
                                "alt": sorted(set(alts.get(iri, [])))[:12]})
        if entries:
            entries.sort(key=lambda e: str(e["en"]).lower())
            groups.append({"id": group_id, "title": title, "entries": entries})
    return groups


def _query_pages(source: Source, settings: Settings, root: StaticLinker, w: _Writer, result: PublishResult) -> None:
    """Run every canned query that needs no parameter and publish its results in each format."""
    listing = []
    for q in load_queries().values():
        runnable = not any(p.required for p in q.params)
        links = []
        if runnable:
            # A paged query's first rows joined from the first keys the load stored, not the whole
            # archive ordered (6-12 s a query at 10,000 reports): the same rows.
            # An aggregate the load keeps the makings of (dormant): made from those, not by the engine
            # (7.4 s at 10,000 reports).
            parts = keyed_texts(source, q)
            answers = execute_formats(source.ox, QueryRequest(q.text, limit=settings.result_limit),
                                      ("json", "csv", "tsv", "xml", "html"),
                                      parts=parts if parts is not None else whole_parts(source, q))
            for key in ("json", "csv", "tsv", "xml"):
                w.write(f"query/{q.name}.{key}", answers[key].body)
                links.append(key)
                if key == "json":
                    w.write(f"query/{q.name}.xlsx", sparql_table(json.loads(answers[key].body), q.name).xlsx())
            links.append("xlsx")
            answer = answers["html"]
            answer.elapsed = 0.0  # a static page shows no timing: the same store publishes the same bytes

            def page(linker: StaticLinker, q: Any = q, answer: Any = answer) -> str:
                downloads = [(k.upper(), linker.url(f"query:{q.name}.{k}")) for k in ("json", "csv", "tsv", "xml", "xlsx")]
                return render("query.html", linker, q=q, action="", values={}, answer=answer, error=None,
                              limit=settings.result_limit, downloads=downloads, pager=None)

            _pages(w, root, f"query/{q.name}.html", page)
            result.pages += 1
        listing.append({"name": q.name, "purpose": q.purpose, "params": q.params, "text": q.text, "runnable": runnable,
                        "links": links})
    _pages(w, root, "sparql.html", lambda linker: render(
        "sparql.html", linker, endpoint=root.sparql_endpoint, endpoint_action=root.sparql_endpoint or "", method="get",
        query="", fmt="html", formats=[], answer=None, error=None, queries=_localise_listing(listing, linker),
        timeout="", limit=settings.result_limit, downloads=[]))
    result.pages += 1


# --- ontology documentation and validation -----------------------------------------------------------


def _localise_listing(listing: list[dict[str, Any]], linker: StaticLinker) -> list[dict[str, Any]]:
    """The canned queries' links from ``linker``'s page (``sparql.html`` or ``es/sparql.html``)."""
    return [{**q, "href": linker.url(f"query:{q['name']}.html") if q["runnable"] else f"#q-{q['name']}",
             "links": [(k.upper(), linker.url(f"query:{q['name']}.{k}")) for k in q["links"]]} for q in listing]


def _ontology_docs(w: _Writer, result: PublishResult) -> bool:
    """``ontology/index.html`` by pyLODE, plus the ontology files themselves."""
    files = resource_files("ontology")
    if not files:
        result.notes.append("no ontology files found: ontology documentation skipped")
        return False
    for f in files:
        w.write(f"ontology/{f.name}", f.read_bytes())
    # The ontology IRI dereferences to ont.html / ont.ttl / ... (rcmkg.publish.vocab); the configs 303 to them.
    for fmt in ONTOLOGY_FORMATS:
        if fmt.key != "html":
            w.write(f"ont.{fmt.extension}", ontology_document(fmt))
    try:
        html = ontology_html()
    except Exception as exc:  # noqa: BLE001 - documentation is an extra; the release still goes out
        result.notes.append(f"pyLODE could not document the ontology: {type(exc).__name__}: {exc}")
        return False
    w.write("ont.html", html)
    w.write("ontology/index.html", html)
    return True


def _validation_report(store: pyoxigraph.Store, settings: Settings, w: _Writer, root: StaticLinker,
                       result: PublishResult, trig: Path | None = None) -> bool:
    """``validation/``: the SHACL report of this release (:func:`rcmkg.validate.validate` over each
    published report graph, written out as the Turtle file it came from) as HTML, text and JSON.

    ``trig``, the dump of the published graphs (:func:`rcmkg.publish.dumps.write_dumps`, graph by
    graph): the files are cut from it rather than read from the store again (a read of the store is
    microseconds a quad, a minute at 10,000 reports)."""
    from rcmkg.validate import validate  # pyshacl and rdflib: 0.5 s to import, only for this report

    derived = {f"{settings.base}id/graph/registry", f"{settings.base}id/graph/ontology"}
    # Scratch files beside the site being written: the same file system as the output, which the
    # user chose (a default temporary folder may be a slower one, and they are thousands of files).
    with tempfile.TemporaryDirectory(prefix="rcmkg-validate-", dir=w.root.parent) as scratch:
        # absolute: the report names files as found under it, and a relative --out gave a relative
        # folder here that the report wrote without its "./" (and kept in the release)
        tmp = str(Path(scratch).resolve())
        if trig is not None:
            _report_files(pyoxigraph.parse(path=str(trig), format=RdfFormat.TRIG, lenient=True), settings.base, derived,
                          Path(tmp))
        else:
            for g in published_graphs(store, settings.base):
                if g not in derived:
                    _report_files(restore_datatypes(store.quads_for_pattern(None, None, None, NamedNode(g))),
                                  settings.base, derived, Path(tmp))
        try:
            report = validate([Path(tmp)], settings=settings)
        except Exception as exc:  # noqa: BLE001 - say so in the notes and publish without it
            result.notes.append(f"validation could not run: {type(exc).__name__}: {exc}")
            return False
        # The files are named after their graphs; the temporary folder's random name is no part of
        # the release (same store, same bytes).
        text = report.text().replace(tmp + os.sep, "")
        # without the time it took: the same store publishes the same bytes
        as_json = json.dumps({k: v for k, v in report.to_dict().items() if k != "seconds"}, indent=2,
                             ensure_ascii=False).replace(tmp + os.sep, "")
    w.write("validation/report.txt", text)
    w.write("validation/report.json", as_json)
    _pages(w, root, "validation/index.html", lambda linker: render("validation.html", linker, conforms=report.conforms,
                                                                    text=text, summary=report.summary()))
    result.notes.append(f"SHACL: {report.summary()}")
    return True


def _report_files(quads: Iterable[pyoxigraph.Quad], base: str, skip: set[str], folder: Path) -> None:
    """One Turtle file per named graph of ``quads`` but those in ``skip``, named after the graph;
    a graph's quads come together (the dumps and the store give them graph by graph)."""
    prefix = base + "id/graph/"
    current: str | None = None
    triples: list[Triple] = []

    def flush() -> None:
        if current is not None and current not in skip and triples:
            name = current[len(prefix):] if current.startswith(prefix) else current
            serialize(triples, str(folder / (name.replace("/", "_").replace(":", "_") + ".ttl")), RdfFormat.TURTLE)

    for q in quads:
        g = q.graph_name.value if isinstance(q.graph_name, NamedNode) else None
        if g != current:
            flush()
            current, triples = g, []
        triples.append(q.triple)
    flush()


def validate_void(void_ttl: bytes) -> tuple[bool, str]:
    """(conforms, text) of a VoID/DCAT description against ``shapes/void-dcat.ttl``."""
    import pyshacl  # with rdflib, 0.5 s to import: only when publishing
    import rdflib

    data = rdflib.Graph().parse(data=void_ttl, format="turtle")
    shapes = rdflib.Graph().parse(data=(resource_dir("shapes") / "void-dcat.ttl").read_bytes(), format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
    return bool(conforms), str(text)


def checksum(path: Path) -> str:
    """SHA-256 of a file (for release notes)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def site_summary(result: PublishResult) -> str:
    """One paragraph about a publish, for the CLI."""
    dumps = ", ".join(f"{d.filename} ({d.size_text}, {d.triples} triples)" for d in result.dumps)
    return (f"published {result.pages} pages ({result.files} files) for {result.triples} triples in "
            f"{result.graphs} graphs into {result.out}\n  dumps: {dumps}"
            + "".join(f"\n  note: {n}" for n in result.notes))

