"""The page model shared by the server and the static site: what a page about a resource says.

:class:`GraphView` reads a pyoxigraph store (every report in its own named graph, plus the registry
and ontology graphs) and answers what pages need: labels in English and Spanish, the description
of one resource (both directions), the source quotes behind it, the report it came from, the home
page's meetings and tracked items, label search. Labels, types, agreement positions and which IRIs
have pages are looked up per resource when a page needs them and kept (the store does not change
while it is served or published), so a server starts without scanning the archive; publishing walks
the whole tables, built once when first walked.

Pages are built from IRIs, not URLs. A :class:`Linker` turns an IRI into an ``href``: the server's
linker gives ``/doc/...`` paths, the static site's gives paths relative to the page, so the same
templates serve both and a published site works from any folder of any web server.
"""

from __future__ import annotations

import bisect
import json
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property, lru_cache
from itertools import islice
from typing import Any
from urllib.parse import quote, urlencode

import pyoxigraph

from rcmkg import i18n
from rcmkg.i18n import N_
from rcmkg.index.commitments import DELIVERED, NOT_DELIVERED, OWN, ActorRow, actor_status
from rcmkg.namespaces import DCT, OA, PREFIXES, PROV, RCM, RDF, RDFS, SCHEMA, SKOS, VOC
from rcmkg.publish.cite import Citation
from rcmkg.publish.conneg import RDF_FORMATS, Format
from rcmkg.publish.source import restore_datatypes
from rcmkg.sparql.terms import OxTerm, solutions, term_value
from rcmkg.sparql.writers import OUTPUT_PREFIXES, jsonld_document, script_jsonld, term_kind
from rcmkg.store.local import GraphNames
from rcmkg.text import fold

#: Label predicates, best first. A resource's title is the first of these in English (else Spanish,
#: else any language).
LABEL_PREDICATES = (SKOS + "prefLabel", RDFS + "label", SCHEMA + "name", DCT + "title")
#: Also searched (SKOS: hidden labels exist "for text-based indexing and search"), never displayed.
SEARCH_PREDICATES = LABEL_PREDICATES + (SKOS + "altLabel", SKOS + "hiddenLabel", SKOS + "notation")
LANGS = ("en", "es")
#: Values shown per predicate before "and N more" (an organisation is mentioned by thousands of items).
MAX_VALUES = 200
#: Quads pointing at a resource read in one go. Past that it is a hub (a country, an organisation,
#: a tracked item named by thousands of agreements): its page reads each predicate's first
#: MAX_VALUES subjects and counts the rest, so a page costs the same at 1,000 and 100,000 reports.
HUB_QUADS = 4 * MAX_VALUES
#: Rows of a table about an actor or a tracked item before "and N more" (the full list is the
#: actor's commitments page, the item's timeline).
MAX_ROWS = 200

#: Order of properties on a page: what a reader looks for first.
PREFERRED = [
    RDF + "type", SKOS + "prefLabel", RDFS + "label", SCHEMA + "name", DCT + "title", SKOS + "altLabel",
    SKOS + "notation", SKOS + "definition", RCM + "text", RCM + "action", RCM + "number", RCM + "printedNumber",
    RCM + "act", RCM + "commitmentKind", RCM + "committedBy", RCM + "requestedBy", RCM + "coActor", RCM + "recipient",
    RCM + "dueText", RCM + "dueDate", SCHEMA + "startDate", SCHEMA + "endDate", RCM + "dateText", SCHEMA + "location",
    SCHEMA + "organizer", RCM + "agreedAt", RCM + "atMeeting", RCM + "represents", RCM + "madeIn", DCT + "isPartOf",
    RCM + "ofTrack", RCM + "stage", RCM + "modality", RCM + "eventDate", RCM + "reportedAt", RCM + "reportedIn",
]
_RANK = {p: i for i, p in enumerate(PREFERRED)}
#: Later meetings without the item after which its page calls it dormant (the default of the
#: setting dormant_meetings; `rcmkg trace` reads the setting).
DORMANT_MEETINGS = 2

#: Properties shown in a page's own section instead of the generic table (still in the RDF).
SECTION_PREDICATES = {RCM + "hasAgreement", SCHEMA + "attendee", RCM + "hasCommitment", PROV + "wasDerivedFrom"}

#: Readable names for the terms of other vocabularies (the ontology graph labels rcm: terms), translated
#: where shown (rcmkg.i18n).
KNOWN_LABELS = {
    RDF + "type": N_("type"), RDFS + "label": N_("label"), RDFS + "comment": N_("comment"),
    SKOS + "prefLabel": N_("name"), SKOS + "altLabel": N_("also called"), SKOS + "hiddenLabel": N_("search label"),
    SKOS + "notation": N_("code"), SKOS + "definition": N_("definition"), SKOS + "inScheme": N_("in scheme"),
    SKOS + "topConceptOf": N_("top concept of"), SKOS + "hasTopConcept": N_("top concept"), SKOS + "broader": N_("broader"),
    SKOS + "narrower": N_("narrower"), SKOS + "Concept": N_("concept"), SKOS + "ConceptScheme": N_("concept scheme"),
    SCHEMA + "startDate": N_("start date"), SCHEMA + "endDate": N_("end date"), SCHEMA + "location": N_("place"),
    SCHEMA + "organizer": N_("organised by"), SCHEMA + "attendee": N_("attended by"), SCHEMA + "recordedIn": N_("recorded in"),
    SCHEMA + "name": N_("name"), SCHEMA + "containedInPlace": N_("in"), SCHEMA + "actionStatus": N_("status"),
    SCHEMA + "Place": N_("place"),
    DCT + "title": N_("title"), DCT + "subject": N_("about"), DCT + "isPartOf": N_("part of"), DCT + "identifier": N_("identifier"),
    DCT + "format": N_("format"), DCT + "language": N_("language"), DCT + "creator": N_("creator"),
    PROV + "wasDerivedFrom": N_("derived from"),
    "http://www.w3.org/2002/07/owl#sameAs": N_("same as"),
    "http://www.w3.org/ns/org#hasMembership": N_("membership"), "http://www.w3.org/ns/org#classification": N_("kind"),
    "http://www.w3.org/ns/org#subOrganizationOf": N_("part of"), "http://www.w3.org/ns/org#unitOf": N_("unit of"),
    OA + "hasSource": N_("source"), OA + "hasSelector": N_("selector"), OA + "exact": N_("quote"),
    OA + "prefix": N_("before"), OA + "suffix": N_("after"), OA + "start": N_("from character"), OA + "end": N_("to character"),
}


#: What a page calls the properties of other vocabularies read backwards (the ontology's
#: rcm:inverseLabel does it for rcm: terms): the subjects that point at the page's resource.
KNOWN_INVERSE = {
    SCHEMA + "location": N_("events held here"), SCHEMA + "organizer": N_("meetings it organised"),
    SCHEMA + "attendee": N_("meetings attended"), SCHEMA + "recordedIn": N_("meeting it records"),
    SCHEMA + "containedInPlace": N_("places in it"), SCHEMA + "about": N_("works about it"),
    DCT + "subject": N_("agreements and documents about it"), DCT + "isPartOf": N_("parts"),
    DCT + "references": N_("referred to by"), DCT + "hasFormat": N_("format of"),
    PROV + "wasDerivedFrom": N_("statements read from it"), OA + "hasSource": N_("passages of it"),
    SKOS + "inScheme": N_("concepts in this scheme"), SKOS + "topConceptOf": N_("top concepts"),
    SKOS + "hasTopConcept": N_("scheme it heads"), SKOS + "broader": N_("narrower concepts"),
    SKOS + "narrower": N_("broader concept"), RDF + "type": N_("things of this kind"),
    "http://www.w3.org/ns/org#subOrganizationOf": N_("its units and bodies"),
    "http://www.w3.org/ns/org#unitOf": N_("its units"), "http://www.w3.org/ns/org#classification": N_("organisations of this kind"),
    "http://www.w3.org/ns/org#hasMembership": N_("membership of"), "http://www.w3.org/2002/07/owl#sameAs": N_("same as"),
}
#: Notes for maintainers (the registry's curation notes): in the data, never on a page.
HIDDEN_PREDICATES = {SKOS + "editorialNote"}
#: A literal of these datatypes is a date for people (rcmkg.i18n.format_date).
DATE_TYPES = {"http://www.w3.org/2001/XMLSchema#date"}


def humanise(iri: str) -> str:
    """A readable name for an IRI nobody labelled: ``...#hasAgreement`` -> ``has agreement``."""
    local = re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", local).replace("_", " ").replace("-", " ")
    return words.lower() if not local.isupper() else local


def curie(iri: str) -> str:
    """``rcm:Meeting`` for an IRI in one of our prefixes, else the IRI."""
    for p, ns in sorted(OUTPUT_PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{p}:{iri[len(ns):]}"
    return iri


# --- the displayable model -------------------------------------------------------------------------


@dataclass
class Term:
    """An RDF term ready to display. ``label``/``label_es`` name an IRI; ``rows`` are a blank node's content."""

    kind: str  # uri | bnode | literal
    value: str
    lang: str | None = None
    datatype: str | None = None
    label: str | None = None
    label_es: str | None = None
    rows: list[Row] = field(default_factory=list)
    #: The resource's labels by language ("" untagged), to show the page's language (:meth:`shown`).
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def is_iri(self) -> bool:
        return self.kind == "uri"

    @property
    def is_date(self) -> bool:
        return self.kind == "literal" and self.datatype in DATE_TYPES

    def shown(self, lang: str) -> tuple[str, str | None, bool]:
        """(text, its language, fallback?) of an IRI's name on a page in ``lang``: the label in
        ``lang``, else in the other language (a fallback, marked on the page), else what there is.
        A label set by a page (an item number, a date) is shown as set."""
        text = self.text
        if not self.labels or text not in self.labels.values():
            return text, None, False
        if self.labels.get(lang):
            return self.labels[lang], lang, False
        other = i18n.OTHER.get(lang, "en")
        if self.labels.get(other):
            return self.labels[other], other, True
        return text, None, False

    @property
    def text(self) -> str:
        return self.label or self.value


@dataclass
class Row:
    """One property of a resource with its values (``more``: values left out)."""

    predicate: str
    label: str
    values: list[Term]
    more: int = 0
    inverse: bool = False
    #: Where the values left out are all listed: "" for a SPARQL query of them, "void" for the VoID
    #: description (the dataset's own statements are not in the store).
    more_route: str = ""


@dataclass
class Quote:
    """A span of report text a statement was read from (Web Annotation quote selector)."""

    span: str
    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    report: Term | None = None
    derived: list[Term] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return self.span.partition("#")[2]


@dataclass
class Section:
    """A table particular to one kind of resource (a meeting's agreements, a track's stages)."""

    title: str
    columns: list[str]
    rows: list[list[Term | None]]
    note: str = ""  # a message (rcmkg.i18n.N_) translated where shown, with note_args
    link: tuple[str, str] | None = None  # (href route, text)
    note_args: dict[str, str] = field(default_factory=dict)
    more: int = 0  # rows left out (MAX_ROWS), with where the whole list is: (route, text)
    more_link: tuple[str, str] | None = None


@dataclass
class Description:
    """Everything one resource page shows, and the triples of its RDF representations."""

    iri: str
    title: str
    title_lang: str | None
    labels: list[tuple[str, str | None, str | None]]  # (predicate label, English, Spanish)
    types: list[Term]
    rows: list[Row]
    incoming: list[Row]
    quotes: list[Quote]
    sources: list[Term]
    sections: list[Section]
    triples: list[Any]
    kind: str = "resource"
    spans: list[Quote] = field(default_factory=list)
    #: What the source does not say, one sentence each, by language (the page shows its own).
    lacks: list[dict[str, str]] = field(default_factory=list)
    title_term: Term | None = None  # the resource itself, to name it in the page's language
    cite: Citation | None = None  # "cite this" (meetings and agreements)
    sources_more: int = 0  # sources left out (a thing restated by thousands of reports)

    @cached_property
    def jsonld_dict(self) -> dict[str, Any]:
        """The description as a JSON-LD document (:func:`rcmkg.sparql.writers.jsonld_document`)."""
        return jsonld_document(self.triples)

    @cached_property
    def jsonld(self) -> str:
        """The description as JSON-LD, escaped for a ``<script>`` element."""
        return script_jsonld(self.jsonld_dict)


@dataclass
class Hit:
    """A label search result."""

    iri: str
    label: str
    label_es: str | None
    matched: str
    matched_lang: str | None
    types: list[Term]


Node = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Triple


# --- reading the store -------------------------------------------------------------------------------


def language(term: OxTerm) -> str | None:
    """The language tag of a literal (None for anything else)."""
    return term.language if isinstance(term, pyoxigraph.Literal) else None


def _nn(iri: str) -> pyoxigraph.NamedNode:
    return pyoxigraph.NamedNode(iri)


_DISTINCT = re.compile(r"^\s*SELECT\s+(?!DISTINCT\b|REDUCED\b)", re.IGNORECASE)


class _BySubject:
    """A table keyed by subject IRI, filled one subject at a time on demand (``get``) or whole
    (``items``, what publishing walks). Reads like the dict it replaces."""

    def __init__(self, one: Any, every: Any) -> None:
        self._one = one
        self._every = every
        self._table: dict[str, Any] = {}
        self._whole = False

    def get(self, iri: str, default: Any = None) -> Any:
        if iri in self._table:
            value = self._table[iri]
        elif self._whole:
            return default
        else:
            value = self._table[iri] = self._one(iri)
        return default if value is None else value

    def update(self, known: dict[str, Any]) -> None:
        self._table.update(known)

    def wants(self, iri: str) -> bool:
        """Whether :meth:`get` of ``iri`` would look it up (see :meth:`GraphView.describe`)."""
        return not self._whole and iri not in self._table

    def put(self, iri: str, value: Any) -> None:
        self._table[iri] = value

    def items(self) -> Any:
        if not self._whole:
            self._table = self._every()
            self._whole = True
        return self._table.items()


class GraphView:
    """A read model over the store, for pages. Build once per served/published store.

    ``extra`` holds triples that are not in the store but describe it (the VoID/DCAT description),
    so the dataset has a page like any other resource.

    >>> view = GraphView(store, base="https://w3id.org/rcmkg/")     # doctest: +SKIP
    >>> view.describe("https://w3id.org/rcmkg/id/country/CR").title  # doctest: +SKIP
    'Costa Rica'
    """

    def __init__(self, store: pyoxigraph.Store, base: str,
                 extra: Iterable[pyoxigraph.Triple] | Callable[[], Iterable[pyoxigraph.Triple]] = (),
                 graphs: Sequence[str] | None = None,
                 actor_rows: Callable[[str], list[ActorRow] | None] | None = None,
                 quiet: Callable[[str], tuple[str | None, int] | None] | None = None) -> None:
        self.store = store
        self.base = base
        self.id_base = base + "id/"
        # An actor's commitments as ``rcmkg load`` kept them (rcmkg.index.commitments.cached_actor_rows);
        # None, or a call that gives None: queried from the store.
        self.actor_rows = actor_rows
        # When an item last came up and the meetings since, as the load kept them
        # (rcmkg.index.dormant.quiet_since); None, or a call that gives None: queried.
        self.quiet = quiet
        # ``extra`` may be a function giving the triples: the server's VoID description (6 triples a
        # graph, seconds on a big archive) is then made when a page first needs it (see quads).
        self._extra_source = extra
        # Pages show what the reports, the registry and the ontology assert, not the store's own
        # bookkeeping or entailments: every statement on a page has a source to point to. Without
        # ``graphs``, that is every graph but the derived ones, told apart per quad (listing the
        # graphs of a big store, or querying over a default graph that lists them, costs seconds).
        self.graphs = list(graphs) if graphs is not None else None
        self._graph_set = frozenset(self.graphs or ())
        self._derived = frozenset(GraphNames.for_base(base).derived)
        # Section queries run over the union default graph (pyoxigraph's indexes answer a bound
        # resource at once), DISTINCT since the union repeats a triple stored in several graphs.
        self.dataset: dict[str, Any] = {"use_default_graph_as_union": True}
        # Per-resource tables, filled as pages ask (nothing scans the archive when a server starts);
        # publishing walks them whole (``items()``), which builds each once.
        self.labels = _BySubject(self._labels_of, lambda: self._every(reversed(LABEL_PREDICATES), self._add_label))
        self.types = _BySubject(self._types_of, lambda: self._every([RDF + "type"], self._add_type))
        self.positions = _BySubject(self._position_of, lambda: self._every([RCM + "position"], self._add_position))
        self._exists: dict[str, bool] = {}
        self._text_reports: dict[Any, Any] = {}  # source text -> the report that has it (None: none)
        self._cited: dict[str, tuple[str | None, str | None, str | None]] = {}  # meeting -> _meeting_citation

    # indexes
    def _allowed(self, g: Any) -> bool:
        if isinstance(g, pyoxigraph.DefaultGraph):
            return True
        return g.value in self._graph_set if self.graphs is not None else g.value not in self._derived

    @cached_property
    def extra(self) -> pyoxigraph.Store:
        """The ``extra`` triples in a store of their own (made on first use)."""
        source = self._extra_source
        store = pyoxigraph.Store()
        store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object, pyoxigraph.DefaultGraph())
                     for t in (source() if callable(source) else source))
        return store

    @cached_property
    def _extra_terms(self) -> tuple[frozenset[Any], frozenset[Any]]:
        """The subjects and the objects of ``extra`` (terms compare as the store's lookups do)."""
        quads = list(self.extra.quads_for_pattern(None, None, None, None))
        return frozenset(q.subject for q in quads), frozenset(q.object for q in quads)

    def _in_extra(self, s: Any, o: Any) -> bool:
        """Whether ``extra`` may hold a match: always once it is made; before, only for the things it
        describes that have pages (the dataset and what is named under it, the graphs as subsets)."""
        if "extra" in self.__dict__ or not callable(self._extra_source):
            # Made: a bound subject or object it does not hold matches nothing there (a lookup in
            # it cost as much as one in the store, and most of a page's lookups are such).
            subjects, objects = self._extra_terms
            return (s is None or s in subjects) and (o is None or o in objects)
        bound = [t.value for t in (s, o) if isinstance(t, pyoxigraph.NamedNode)]
        if not bound and s is None and o is None:
            return True  # a scan by predicate (publishing, search): everything
        return any(v.startswith((self.id_base + "dataset", self.id_base + "graph/")) for v in bound)

    def quads(self, s: Node | None = None, p: pyoxigraph.NamedNode | None = None, o: OxTerm | None = None
              ) -> Iterator[pyoxigraph.Quad]:
        """The quads of the published graphs (and of ``extra``) that match."""
        allowed = self._allowed
        for q in self.store.quads_for_pattern(s, p, o, None):
            if allowed(q.graph_name):
                yield q
        if self._in_extra(s, o):
            yield from self.extra.quads_for_pattern(s, p, o, None)

    @staticmethod
    def _add_label(table: dict[str, Any], q: pyoxigraph.Quad) -> None:
        if term_kind(q.object) == "literal" and term_kind(q.subject) != "bnode":
            table.setdefault(term_value(q.subject), {})[language(q.object) or ""] = term_value(q.object)

    @staticmethod
    def _add_type(table: dict[str, Any], q: pyoxigraph.Quad) -> None:
        if term_kind(q.subject) == "uri" and term_kind(q.object) == "uri":
            ts = table.setdefault(term_value(q.subject), [])
            if term_value(q.object) not in ts:
                ts.append(term_value(q.object))

    @staticmethod
    def _add_position(table: dict[str, Any], q: pyoxigraph.Quad) -> None:
        try:
            table[term_value(q.subject)] = int(term_value(q.object))
        except ValueError:
            pass

    def _one(self, iri: str, predicates: Iterable[str], add: Any) -> Any:
        table: dict[str, Any] = {}
        node = _nn(iri)
        for pred in predicates:
            for q in self.quads(s=node, p=_nn(pred)):
                add(table, q)
        return table.get(iri)

    def _every(self, predicates: Iterable[str], add: Any) -> dict[str, Any]:
        table: dict[str, Any] = {}
        for pred in predicates:  # best label predicate last, so it wins
            for q in self.quads(p=_nn(pred)):
                add(table, q)
        return table

    def _own_tables(self, iri: str, node: pyoxigraph.NamedNode, read: Sequence[Any]) -> None:
        """Fill the label, type and position tables for ``iri`` from ``read``, the published quads of
        ``iri`` as subject (:meth:`describe` has them; for a subject past HUB_QUADS, its predicates
        of many values cut, :meth:`_outgoing`): four, one and one lookups fewer a page.
        Taken per predicate in the store's order, as :meth:`_one` reads them, so the tables get the
        same values (``extra``'s own order is not relied on: its subjects are looked up as before)."""
        if self._in_extra(node, None):
            return
        by_pred: dict[str, list[Any]] = {}
        for q in read:
            by_pred.setdefault(q.predicate.value, []).append(q)
        for table, predicates, add in ((self.labels, reversed(LABEL_PREDICATES), self._add_label),
                                       (self.types, (RDF + "type",), self._add_type),
                                       (self.positions, (RCM + "position",), self._add_position)):
            if table.wants(iri):
                found: dict[str, Any] = {}
                for pred in predicates:
                    for q in by_pred.get(pred, ()):
                        add(found, q)
                table.put(iri, found.get(iri))
        if read and self.has_page(iri):
            self._exists.setdefault(iri, True)

    def _labels_of(self, iri: str) -> dict[str, str] | None:
        return self._one(iri, reversed(LABEL_PREDICATES), self._add_label)  # type: ignore[no-any-return]

    def _types_of(self, iri: str) -> list[str] | None:
        return self._one(iri, [RDF + "type"], self._add_type)  # type: ignore[no-any-return]

    def _position_of(self, iri: str) -> int | None:
        return self._one(iri, [RCM + "position"], self._add_position)  # type: ignore[no-any-return]

    @cached_property
    def search_index(self) -> list[tuple[str, str, str | None, str]]:
        """(folded, label, lang, iri) of every label, built on the first search."""
        index: list[tuple[str, str, str | None, str]] = []
        seen: set[tuple[str, str]] = set()
        for pred in SEARCH_PREDICATES:
            for q in self.quads(p=_nn(pred)):
                if term_kind(q.object) != "literal" or term_kind(q.subject) == "bnode":
                    continue
                key = (term_value(q.subject), term_value(q.object))
                if key in seen:
                    continue
                seen.add(key)
                index.append((fold(term_value(q.object)), term_value(q.object), language(q.object), term_value(q.subject)))
        return index

    @cached_property
    def inverse_labels(self) -> dict[str, dict[str, str]]:
        """What a page calls a property read backwards: the ontology's rcm:inverseLabel, else the label
        of its owl:inverseOf (a property and its inverse name each other's direction). Built on first
        use: a scan of two predicates, as many quads as the vocabularies have properties."""
        table: dict[str, dict[str, str]] = {}
        for q in self.quads(p=_nn(RCM + "inverseLabel")):
            if term_kind(q.object) == "literal":
                table.setdefault(term_value(q.subject), {})[language(q.object) or ""] = term_value(q.object)
        for q in self.quads(p=_nn("http://www.w3.org/2002/07/owl#inverseOf")):
            a, b = term_value(q.subject), term_value(q.object)
            for x, y in ((a, b), (b, a)):
                if x not in table and self.labels.get(y):
                    table[x] = dict(self.labels.get(y))
        return table

    @cached_property
    def resource_iris(self) -> list[str]:
        """Every IRI with a page, sorted: any subject under id/ or the vocabularies, except fragments
        (a span is shown on its text's page, at its anchor). Built when first asked (publishing, a 404's
        suggestions)."""
        if self.graphs is not None:
            graphs = " ".join(f"<{g}>" for g in self.graphs)
            keep = f"VALUES ?g {{ {graphs} }}" if graphs else "FILTER(false)"
        else:
            keep = "FILTER(?g NOT IN (" + ", ".join(f"<{g}>" for g in sorted(self._derived)) + "))"
        iris_query = ("SELECT DISTINCT ?s WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } " + keep + " } "
                      "FILTER(isIRI(?s)) }")
        subjects: set[str] = set()
        subjects.update(term_value(sol[0]) for sol in solutions(self.store.query(iris_query)) if sol[0] is not None)
        subjects.update(term_value(sol[0]) for sol in solutions(self.extra.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }"))
                        if sol[0] is not None)
        return sorted(i for i in subjects if self.has_page(i))

    def seed(self, labels: dict[str, dict[str, str]], pages: Iterable[str]) -> None:
        """Labels and pages known beforehand (what ``rcmkg load`` stored for the home page), so a page
        listing thousands of resources does no lookup per resource."""
        self.labels.update(labels)
        self._exists.update((iri, True) for iri in pages)

    def has_page(self, iri: str) -> bool:
        """True for IRIs this site gives a page to: under ``{base}id/`` or the vocabularies, no fragment."""
        return (iri.startswith(self.id_base) or iri.startswith(VOC)) and "#" not in iri

    def known(self, iri: str) -> bool | None:
        """What :meth:`exists` said of ``iri`` before, or None if it was not asked."""
        return self._exists.get(iri)

    def exists(self, iri: str) -> bool:
        """Whether ``iri`` has a page: the graph has statements about it and it is one of ours."""
        known = self._exists.get(iri)
        if known is None:
            known = self.has_page(iri) and next(self.quads(s=_nn(iri)), None) is not None
            self._exists[iri] = known
        return known

    # labels
    def label(self, iri: str, lang: str = "en") -> str | None:
        """The best label of ``iri`` in ``lang`` (falling back to English, then any)."""
        ls: dict[str, str] | None = self.labels.get(iri)
        if not ls:
            return None
        return ls.get(lang) or ls.get("en") or ls.get("") or next(iter(ls.values()))

    def label_es(self, iri: str) -> str | None:
        """The Spanish label when there is one that differs from the English."""
        ls = self.labels.get(iri) or {}
        es = ls.get("es")
        return es if es and es != ls.get("en") else None

    def display(self, iri: str) -> str:
        """A label, else a CURIE for vocabulary terms, else the path after ``id/``."""
        got = self.label(iri) or KNOWN_LABELS.get(iri)
        if got:
            return got
        if iri.startswith(RCM) or iri.startswith(VOC):
            return humanise(iri)
        if iri.startswith(self.id_base):
            return iri[len(self.id_base):]
        c = curie(iri)
        return humanise(iri) if c != iri else iri

    def predicate_label(self, iri: str, lang: str | None = None) -> str:
        """What a property is called on a page (in ``lang``, default the page's: rcmkg.i18n)."""
        lang = lang or i18n.current()
        own = self.label(iri, lang) if iri.startswith(RCM) else None
        if own:
            return own
        known = KNOWN_LABELS.get(iri)
        with i18n.use(lang):
            return i18n.gettext(known) if known else humanise(iri)

    def inverse_label(self, iri: str, lang: str | None = None) -> str:
        """What a page calls property ``iri`` read backwards ("agreements of this meeting" for
        rcm:agreedAt), never "is agreed at of"."""
        lang = lang or i18n.current()
        own = self.inverse_labels.get(iri) or {}
        if own.get(lang) or own.get("en"):
            return own.get(lang) or own["en"]
        with i18n.use(lang):
            known = KNOWN_INVERSE.get(iri)
            if known:
                return i18n.gettext(known)
            return i18n.gettext("has this as its %(property)s") % {"property": self.predicate_label(iri, lang)}

    def row_label(self, row: Row) -> str:
        """A row's property name on the page being rendered, either direction."""
        return self.inverse_label(row.predicate) if row.inverse else self.predicate_label(row.predicate)

    def term(self, t: Any, depth: int = 0) -> Term:
        """A pyoxigraph term as a :class:`Term` (blank nodes expanded two levels deep)."""
        kind = term_kind(t)
        if kind == "uri":
            return Term("uri", t.value, label=self.display(t.value), label_es=self.label_es(t.value),
                        labels={k: v for k, v in (self.labels.get(t.value) or {}).items() if k in ("en", "es")})
        if kind == "literal":
            dt = t.datatype.value
            plain = dt in ("http://www.w3.org/2001/XMLSchema#string", RDF + "langString")
            return Term("literal", t.value, lang=t.language, datatype=None if plain else dt)
        if kind == "bnode":
            rows = self._rows(list(self.quads(s=t)), depth + 1) if depth < 2 else []
            return Term("bnode", t.value, rows=rows)
        return Term("literal", str(t))

    def _sort_key(self, term: Term) -> tuple[Any, ...]:
        if term.kind == "uri":
            pos = self.positions.get(term.value)
            return (0, pos if pos is not None else 1 << 30, term.text.lower(), term.value)
        return (1, 0, term.value.lower(), term.lang or "")

    def _rows(self, quads: Sequence[Any], depth: int = 0, inverse: bool = False,
              counts: dict[str, int] | None = None) -> list[Row]:
        """One row per predicate, its first MAX_VALUES values; ``counts``, the values each predicate
        has where ``quads`` holds only some (a hub's incoming, :meth:`_pointing`; a big subject's own,
        :meth:`_outgoing`)."""
        by_pred: dict[str, dict[str, Any]] = {}
        for q in quads:
            t = q.subject if inverse else q.object
            by_pred.setdefault(q.predicate.value, {})[str(t)] = t
        rows = []
        for pred, values in by_pred.items():
            terms = sorted((self.term(v, depth) for v in values.values()), key=self._sort_key)
            more = max(0, len(terms) - MAX_VALUES, (counts or {}).get(pred, 0) - len(terms))
            rows.append(Row(pred, self.predicate_label(pred), terms[:MAX_VALUES], more, inverse))
        rows.sort(key=lambda r: (_RANK.get(r.predicate, len(_RANK)), r.label))
        return rows

    # one resource
    def description_triples(self, iri: str, outgoing: Sequence[Any] | None = None,
                            incoming: Sequence[Any] | None = None,
                            memo: dict[Any, list[Any]] | None = None) -> list[pyoxigraph.Triple]:
        """The triples of a resource's RDF documents: outgoing (with blank-node content), incoming,
        and the statements about its own fragments (a source text's spans). ``outgoing`` and
        ``incoming``, the quads of the resource already read (:meth:`describe`), spare reading them
        again; ``memo`` keeps what is read of other subjects for the rest of the description
        (:meth:`subject_quads`)."""
        node = _nn(iri)
        seen: set[str] = set()
        out: list[Any] = []

        def add(q: Any) -> None:
            key = str(q.triple)
            if key not in seen:
                seen.add(key)
                out.append(q.triple)

        def closure(subject: Any, depth: int, quads: Sequence[Any] | None = None) -> None:
            for q in self.subject_quads(subject, memo) if quads is None else quads:
                add(q)
                if isinstance(q.object, pyoxigraph.BlankNode) and depth < 4:
                    closure(q.object, depth + 1)

        closure(node, 0, outgoing)
        fragments = set()
        for q in self.quads(o=node) if incoming is None else incoming:
            add(q)
            if term_kind(q.subject) == "uri" and term_value(q.subject).startswith(iri + "#"):
                fragments.add(term_value(q.subject))
        for frag in sorted(fragments):
            closure(_nn(frag), 0)
        return list(restore_datatypes(out))

    def subject_quads(self, node: Any, memo: dict[Any, list[Any]] | None = None) -> list[Any]:
        """The published quads about ``node``, read once per ``memo``: a text's page reads each of its
        passages and their selectors for its RDF documents and again for the passages it shows (the
        quotes' long literals are what a read costs)."""
        if memo is None:
            return list(self.quads(s=node))
        found = memo.get(node)
        if found is None:
            found = memo[node] = list(self.quads(s=node))
        return found

    def _outgoing(self, node: pyoxigraph.NamedNode) -> tuple[list[Any], dict[str, int] | None]:
        """The quads whose subject is ``node``: all of them, or for a subject with more than HUB_QUADS
        (the dataset, one ``void:subset`` a graph), per predicate with more than MAX_VALUES objects
        those of its first MAX_VALUES objects in SPARQL's order, with the number of objects each
        predicate has; the other predicates' whole. As :meth:`_pointing` does for what points at a
        hub: its page and RDF documents stay the size of a page, its full statements are SPARQL's,
        the dumps' and (the dataset's) ``void.ttl``'s. A subject whose predicates all have MAX_VALUES
        objects or fewer is read whole."""
        first = list(islice(self.quads(s=node), HUB_QUADS + 1))
        if len(first) <= HUB_QUADS:
            return first, None
        counts = self._outgoing_counts(node.value)
        if all(n <= MAX_VALUES for n in counts.values()):
            # Many quads, few values (a registry entry restated by every report that names it):
            # nothing to cut; every quad, in the store's order, for the sources it shows.
            return list(self.quads(s=node)), None
        out: list[Any] = []
        for pred in sorted(counts):
            p = _nn(pred)
            if counts[pred] <= MAX_VALUES:
                out += self.quads(s=node, p=p)
                continue
            for o in self._first_objects(node.value, pred):
                out += self.quads(s=node, p=p, o=o)
        return out, counts

    def _published_filter(self) -> str:
        """A FILTER on ``?g`` keeping the published graphs (those a page shows)."""
        if self.graphs is not None:
            return "FILTER(?g IN (" + ", ".join(f"<{g}>" for g in self.graphs) + "))"
        return "FILTER(?g NOT IN (" + ", ".join(f"<{g}>" for g in sorted(self._derived)) + "))" if self._derived else ""

    def _outgoing_counts(self, iri: str) -> dict[str, int]:
        """For each predicate, how many objects ``iri`` has in the published graphs and in ``extra``:
        counted by the store, not read into Python."""
        return self._predicate_counts(f"<{iri}> ?p ?x", self._in_extra(_nn(iri), None))

    def _predicate_counts(self, pattern: str, in_extra: bool) -> dict[str, int]:
        """For each ``?p`` of ``pattern``, its number of distinct ``?x`` in the published graphs (and
        in ``extra`` when ``in_extra``), summed."""
        queries = [(self.store, f"SELECT ?p (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {{ GRAPH ?g {{ {pattern} }} "
                                f"{self._published_filter()} }} UNION {{ {pattern} }} }} GROUP BY ?p")]
        if in_extra:
            queries.append((self.extra, f"SELECT ?p (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }} GROUP BY ?p"))
        counts: dict[str, int] = {}
        for store, text in queries:
            for sol in solutions(store.query(text)):
                p, n = sol["p"], sol["n"]
                if p is not None and n is not None:
                    counts[p.value] = counts.get(p.value, 0) + int(n.value)
        return counts

    def _first_objects(self, iri: str, pred: str) -> list[Any]:
        """The first MAX_VALUES objects of ``<iri> <pred>`` in SPARQL's order (``ORDER BY ?o``, in the
        store and in ``extra``): the same ones whatever order a store keeps them in."""
        where = f"{{ GRAPH ?g {{ <{iri}> <{pred}> ?o }} {self._published_filter()} }} UNION {{ <{iri}> <{pred}> ?o }}"
        queries = [(self.store, f"SELECT DISTINCT ?o WHERE {{ {where} }} ORDER BY ?o LIMIT {MAX_VALUES}")]
        if self._in_extra(_nn(iri), None):
            queries.append((self.extra, f"SELECT DISTINCT ?o WHERE {{ <{iri}> <{pred}> ?o }} ORDER BY ?o LIMIT {MAX_VALUES}"))
        found: dict[str, Any] = {}
        for store, text in queries:
            for sol in solutions(store.query(text)):
                if sol["o"] is not None:
                    found.setdefault(str(sol["o"]), sol["o"])
        if len(queries) == 1:
            return list(found.values())
        # merged from both: SPARQL's order is by kind, then value (blank nodes, IRIs, literals)
        kind = {"bnode": 0, "uri": 1}
        return sorted(found.values(), key=lambda t: (kind.get(term_kind(t), 2), term_value(t)))[:MAX_VALUES]

    def _pointing(self, node: pyoxigraph.NamedNode) -> tuple[list[Any], dict[str, int] | None]:
        """The quads whose object is ``node``: all of them, or for a hub (more than HUB_QUADS), per
        predicate those of its first MAX_VALUES subjects in the store's index order (the same
        store, the same subjects), with the number of subjects each predicate has. A hub's RDF
        documents are so a bounded description too; SPARQL and the dumps have the rest. Subjects
        that are the resource's own fragments (a text's passages) are always read, as before."""
        first = list(islice(self.quads(o=node), HUB_QUADS + 1))
        if len(first) <= HUB_QUADS:
            return first, None
        iri = node.value
        counts = self._incoming_counts(iri)
        fragment = iri + "#"
        out: list[Any] = []
        for pred in sorted(counts):
            taken: set[str] = set()
            own: set[str] = set()
            for q in self.quads(p=_nn(pred), o=node):
                s = q.subject
                if isinstance(s, pyoxigraph.NamedNode) and s.value.startswith(fragment):
                    own.add(s.value)
                elif (key := str(s)) not in taken:
                    if len(taken) == MAX_VALUES:
                        break  # the index is ordered by subject: every quad of the taken ones is read
                    taken.add(key)
                out.append(q)
            # The count is of every subject; the fragments read are not shown in the rows (a
            # fragment after the cut would still be counted: a hub's own passages come first or not at all).
            counts[pred] -= len(own)
        return out, counts

    def _incoming_counts(self, iri: str) -> dict[str, int]:
        """For each predicate, how many subjects point at ``iri`` in the published graphs and in
        ``extra``: counted by the store, not read into Python."""
        # No test of the subjects' strings here (five times the cost): :meth:`_pointing` takes the
        # resource's own fragments off as it reads them.
        return self._predicate_counts(f"?x ?p <{iri}>", self._in_extra(None, _nn(iri)))

    def describe(self, iri: str) -> Description | None:
        """The page model of ``iri``, or None when the graph says nothing about it."""
        node = _nn(iri)
        read, owned = self._outgoing(node)
        if not read:
            return None
        self._own_tables(iri, node, read)
        pointing, counts = self._pointing(node)
        incoming = [q for q in pointing if not term_value(q.subject).startswith(iri + "#")
                    and q.predicate.value not in HIDDEN_PREDICATES]
        types = [self.term(_nn(t)) for t in self.types.get(iri, [])]
        outgoing = list(restore_datatypes(read))
        shown = [q for q in outgoing if q.predicate.value not in SECTION_PREDICATES and q.predicate.value != RDF + "type"
                 and q.predicate.value not in (SKOS + "prefLabel", RDFS + "label") and q.predicate.value not in HIDDEN_PREDICATES]
        labels: list[tuple[str, str | None, str | None]] = []
        for pred in (SKOS + "prefLabel", RDFS + "label"):
            vals = {language(q.object) or "": term_value(q.object) for q in outgoing
                    if q.predicate.value == pred and term_kind(q.object) == "literal"}
            if vals:
                en = vals.get("en") or vals.get("")
                row = (pred, en, vals.get("es"))  # the property named in the page's language by the template
                # The converter states a meeting's name as both skos:prefLabel and rdfs:label.
                if not any(r[1:] == row[1:] for r in labels):
                    labels.append(row)
        title = self.label(iri) or self.display(iri)
        title_lang = "en" if (self.labels.get(iri) or {}).get("en") == title else None
        kind = _kind(self.types.get(iri, []))
        memo: dict[Any, list[Any]] = {}  # subjects read for this description (subject_quads)
        desc = Description(
            iri=iri, title=title, title_lang=title_lang, labels=labels, types=types,
            rows=self._rows(shown, counts=owned), incoming=self._rows(incoming, inverse=True, counts=counts),
            quotes=self.quotes(iri, outgoing), sources=self.sources(outgoing, MAX_VALUES),
            sections=[], triples=self.description_triples(iri, read, pointing, memo), kind=kind,
        )
        desc.sources_more = max(0, len(self._source_values(outgoing)) - MAX_VALUES) if len(desc.sources) == MAX_VALUES else 0
        if iri == self.id_base + "dataset":
            for fact in desc.rows:
                fact.more_route = "void"  # its description is extra's (the VoID), which SPARQL does not query
        desc.sections = self.sections(iri, kind)
        desc.title_term = self.term(node)
        if kind in ("meeting", "agreement"):
            desc.cite = self.citation(iri, kind)
        if kind == "meeting" or RCM + "Report" in self.types.get(iri, []):
            desc.lacks = self.lacks_by_language(iri)
        if kind == "text":
            desc.spans = self.spans_of_text(iri, memo)
        return desc

    def citation(self, iri: str, kind: str) -> Citation | None:
        """The citation of a meeting or an agreement: its name, date, body, its meeting (for an
        agreement) and the report it was read from."""
        # Read by pattern, in every graph as the section queries read (two SPARQL queries here were
        # a third of an agreement's description: each query's parsing and planning costs more than
        # the lookups themselves).
        meeting = iri
        if kind == "agreement":
            agreed = self._first_object(iri, RCM + "agreedAt")
            if agreed is None:
                return None
            meeting = agreed.value
        date, org, report = self._meeting_citation(meeting)
        return Citation(iri=iri, kind=kind, title=self.label(iri) or self.display(iri), date=date, author=org,
                        container=(self.label(meeting) or self.display(meeting)) if kind == "agreement" else None,
                        report=(self.label(report) or report) if report else None, report_iri=report)

    def _meeting_citation(self, meeting: str) -> tuple[str | None, str | None, str | None]:
        """A meeting's date, organiser's label and report for :meth:`citation`, looked up once per
        meeting: each of its agreements cites them."""
        found = self._cited.get(meeting)
        if found is None:
            date = self._first_object(meeting, SCHEMA + "startDate")
            org = self._first_object(meeting, SCHEMA + "organizer")
            report = self._first_object(meeting, SCHEMA + "recordedIn")
            if report is None:
                report = next((q.subject for q in self.store.quads_for_pattern(None, _nn(RCM + "reportOf"), _nn(meeting), None)), None)
            found = self._cited[meeting] = (None if date is None else date.value,
                                            None if org is None else self.label(org.value),
                                            None if report is None else report.value)
        return found

    def _first_object(self, s: str, p: str) -> Any:
        """The first object of ``<s> <p> ?o`` in any graph (the store's order), or None."""
        return next((q.object for q in self.store.quads_for_pattern(_nn(s), _nn(p), None, None)), None)

    def quotes(self, iri: str, outgoing: Sequence[Any]) -> list[Quote]:
        """The quotes behind ``iri`` (its ``prov:wasDerivedFrom`` spans), in text order."""
        spans = [q.object for q in outgoing if q.predicate.value == PROV + "wasDerivedFrom" and term_kind(q.object) == "uri"]
        quotes = [self.quote(s.value) for s in spans]
        return sorted((q for q in quotes if q), key=lambda q: (q.start or 0, q.end or 0))

    def quote(self, span: str, memo: dict[Any, list[Any]] | None = None) -> Quote | None:
        """One span: its quote selector's text, offsets, and the report whose text it is in."""
        node = _nn(span)
        quote = Quote(span=span, exact="")
        text = None
        for q in self.subject_quads(node, memo):
            p = q.predicate.value
            if p == OA + "hasSource":
                text = q.object
            elif p == OA + "hasSelector" and not isinstance(q.object, pyoxigraph.Literal):
                for sq in self.subject_quads(q.object, memo):
                    sp = sq.predicate.value
                    if sp == OA + "exact":
                        quote.exact = term_value(sq.object)
                    elif sp == OA + "prefix":
                        quote.prefix = term_value(sq.object)
                    elif sp == OA + "suffix":
                        quote.suffix = term_value(sq.object)
                    elif sp == OA + "start":
                        quote.start = int(term_value(sq.object))
                    elif sp == OA + "end":
                        quote.end = int(term_value(sq.object))
        if not quote.exact and text is None:
            return None
        if text is not None:
            # the same text for every span of a report: its report looked up once
            if text not in self._text_reports:
                self._text_reports[text] = next((rq.subject for rq in self.quads(p=_nn(RCM + "sourceText"), o=text)), None)
            report = self._text_reports[text]
            if report is not None:
                quote.report = self.term(report)
        return quote

    def sources(self, quads: Sequence[Any], limit: int | None = None) -> list[Term]:
        """The reports (or the registry, or the ontology) the statements about a resource come from,
        in IRI order; the first ``limit`` of them."""
        found = self._source_values(quads)
        return [self.term(_nn(v)) if label is None else Term("uri", v, label=label)  # a VoID subset of that name
                for v, label in sorted(found.items())[:limit]]

    def _source_values(self, quads: Sequence[Any]) -> dict[str, str | None]:
        """The IRI of each source of ``quads``: its report (value None), else its graph with a label."""
        out: dict[str, str | None] = {}
        graphs = self.id_base + "graph/"
        for g in {q.graph_name.value for q in quads if isinstance(q.graph_name, pyoxigraph.NamedNode)}:
            if g.startswith(graphs):
                rest = g[len(graphs):]
                report = self.id_base + "report/" + rest
                if self.exists(report):
                    out[report] = None
                    continue
                out[g] = {"registry": "the curated registry", "ontology": "the ontology"}.get(rest, rest)
        return out

    def sections(self, iri: str, kind: str) -> list[Section]:
        """The tables particular to meetings, agreements, tracked items and source texts."""
        f = getattr(self, f"_sections_{kind}", None)
        return f(iri) if f else []

    def select(self, query: str, **bindings: str) -> list[dict[str, Any]]:
        """Run a small SELECT on the store (union of all graphs, rows DISTINCT); ``bindings`` are IRIs bound by VALUES."""
        res = self.solutions(query, **bindings)
        names = [v.value for v in res.variables]
        return [dict(zip(names, sol, strict=True)) for sol in res]

    def solutions(self, query: str, **bindings: str) -> pyoxigraph.QuerySolutions:
        """:meth:`select`'s rows as the store gives them (``row["name"]``), read as they come."""
        values = "".join(f"VALUES ?{k} {{ <{v}> }}\n" for k, v in bindings.items())
        text = _DISTINCT.sub("SELECT DISTINCT ", query.replace("#VALUES", values), count=1)
        return solutions(self.store.query(text, prefixes=PREFIXES, **self.dataset))

    def _t(self, term: Any) -> Term | None:
        return None if term is None else self.term(term)

    def lacks(self, iri: str, lang: str = "en") -> list[str]:
        """What the report of a meeting (or the report itself) lacks, as the plain sentences of the
        lack: vocabulary ("The report lists no delegations attending the meeting."), so that a page
        says so instead of showing nothing."""
        return [by_lang[lang] for by_lang in self.lacks_by_language(iri)]

    def lacks_by_language(self, iri: str) -> list[dict[str, str]]:
        """:meth:`lacks` in every interface language."""
        rows = self.select("""SELECT DISTINCT ?l ?def WHERE { #VALUES
            { ?m rcm:sourceLacks ?l } UNION { ?r rcm:reportOf ?m ; rcm:sourceLacks ?l }
            OPTIONAL { ?l skos:definition ?def } }""", m=iri)
        found: dict[str, dict[str, str]] = {}
        for r in rows:
            concept = r["l"].value
            sentences = found.setdefault(concept, {})
            if r["def"] is not None and language(r["def"]) in i18n.LANGS:
                sentences[language(r["def"]) or "en"] = r["def"].value
        for concept, sentences in found.items():
            for lang in i18n.LANGS:
                if lang not in sentences:
                    # Without the vocabulary in the store, the concept's name still says what is missing.
                    with i18n.use(lang):
                        sentences[lang] = i18n.gettext("The report does not give its %(what)s.") % {
                            "what": self.label(concept, lang) or humanise(concept)}
        return [found[c] for c in sorted(found)]

    def _sections_meeting(self, iri: str) -> list[Section]:
        """Delegations, then the agreements (number, kind, text, the tracked items they concern),
        then the commitments made: what a reader of a meeting looks for, before any provenance."""
        items = self.select("""SELECT ?a ?number ?act ?text ?pos WHERE { #VALUES
            ?m rcm:hasAgreement ?a . OPTIONAL { ?a rcm:number ?number } OPTIONAL { ?a rcm:act ?act }
            OPTIONAL { ?a rcm:text ?text } OPTIONAL { ?a rcm:position ?pos } } ORDER BY ?pos ?a""", m=iri)
        subjects: dict[str, list[Term]] = {}
        for r in self.select("""SELECT ?a ?t WHERE { #VALUES ?m rcm:hasAgreement ?a . ?a dct:subject ?t }""", m=iri):
            subjects.setdefault(r["a"].value, []).append(self.term(r["t"]))
        rows: list[list[Term | None]] = []
        seen: set[str] = set()
        for r in items:
            if r["a"].value in seen:
                continue  # the text in a second language
            seen.add(r["a"].value)
            item = self.term(r["a"])
            # The link text is the number printed in the report; the IRI ends with the agreement's
            # position in it (item/6 is the sixth agreement, which the report may number 5).
            if r["number"] is not None:
                item.label = r["number"].value
            about = sorted(subjects.get(r["a"].value, []), key=self._sort_key)
            rows.append([item, self._t(r["act"]), self._t(r["text"]),
                         Term("list", "", rows=[Row("", "", about)]) if about else None])
        dels = self.select("""SELECT ?d ?c WHERE { #VALUES ?m schema:attendee ?d . OPTIONAL { ?d rcm:represents ?c } }""", m=iri)
        drows = sorted(([self._t(r["c"]), self.term(r["d"])] for r in dels), key=lambda r: (r[0].text if r[0] else ""))
        out = []
        if drows:
            out.append(Section(N_("Delegations"), [N_("Country"), N_("Delegation")], drows))
        out.append(Section(N_("Agreements"), [N_("No."), N_("Kind"), N_("Text"), N_("Items")], rows))
        com = self.select("""SELECT ?c ?a ?number ?who ?action ?due ?dueText ?status WHERE { #VALUES
            ?m rcm:hasAgreement ?a . ?a rcm:hasCommitment ?c . OPTIONAL { ?a rcm:number ?number }
            OPTIONAL { ?a rcm:position ?pos } OPTIONAL { ?c rcm:committedBy ?who }
            OPTIONAL { ?c rcm:action ?action FILTER(LANGMATCHES(LANG(?action), "en") || LANG(?action) = "") }
            OPTIONAL { ?c rcm:dueDate ?due } OPTIONAL { ?c rcm:dueText ?dueText }
            OPTIONAL { ?c rcm:fulfilment/rcm:fulfilmentStatus ?status } } ORDER BY ?pos ?c""", m=iri)
        crows, cseen = [], set()
        for r in com:
            if r["c"].value in cseen:
                continue
            cseen.add(r["c"].value)
            agreement = self.term(r["a"])
            if r["number"] is not None:
                agreement.label = r["number"].value
            what = self.term(r["c"])
            what.label = " ".join(r["action"].value.split()) if r["action"] is not None else what.value.rsplit("/", 1)[-1]
            crows.append([agreement, self._t(r["who"]), what, self._t(r["due"]) or self._t(r["dueText"]), self._t(r["status"])])
        if crows:
            out.append(Section(N_("Commitments"), [N_("Agreement"), N_("Who"), N_("What"), N_("Due"), N_("Status")], crows))
        return out

    def _sections_agreement(self, iri: str) -> list[Section]:
        if self._first_object(iri, RCM + "hasCommitment") is None:
            return []  # most agreements commit no one: a lookup instead of a query's planning
        com = self.select("""SELECT ?c ?who ?action ?due ?dueText ?kind ?status ?ev WHERE { #VALUES
            ?a rcm:hasCommitment ?c . OPTIONAL { ?c rcm:committedBy ?who } OPTIONAL { ?c rcm:action ?action }
            OPTIONAL { ?c rcm:dueDate ?due } OPTIONAL { ?c rcm:dueText ?dueText } OPTIONAL { ?c rcm:commitmentKind ?kind }
            OPTIONAL { ?c rcm:fulfilment ?f . ?f rcm:fulfilmentStatus ?status OPTIONAL { ?f rcm:evidence ?ev } }
            } ORDER BY ?c""", a=iri)
        rows, seen = [], set()
        for r in com:
            if r["c"].value in seen:
                continue  # the action in a second language
            seen.add(r["c"].value)
            first = self.term(r["c"])
            first.label = "#" + first.value.rsplit("/", 1)[-1]
            rows.append([first, self._t(r["who"]), self._t(r["action"]), self._t(r["due"]) or self._t(r["dueText"]),
                         self._t(r["kind"]), self._t(r["status"]), self._t(r["ev"])])
        return [Section(N_("Commitments"), ["", N_("Who"), N_("What"), N_("Due"), N_("Kind"), N_("Status"), N_("Evidence")],
                        rows)] if rows else []

    # One row per commitment of an actor (or, for a country, of the member countries when the
    # evidence names it or leaves it out), with its fulfilment assessment.
    # The quote is looked up apart (_quotes): oxigraph joins an OPTIONAL path after the union by
    # evaluating it over the whole store, a tenth of a second per actor that grew with the archive.
    _OWED_COLUMNS = """?c rcm:madeIn/rcm:agreedAt/schema:startDate ?date .
        OPTIONAL { ?c rcm:action ?action FILTER(LANGMATCHES(LANG(?action), "en") || LANG(?action) = "") }
        OPTIONAL { ?c rcm:dueDate ?due } OPTIONAL { ?c rcm:dueText ?dueText }
        OPTIONAL { ?c rcm:fulfilment ?f . ?f rcm:fulfilmentStatus ?status . OPTIONAL { ?f rcm:asOf ?asOf }
                   OPTIONAL { ?f rcm:evidence ?ev . ?ev rcm:agreedAt/schema:startDate ?evDate }
                   OPTIONAL { ?f rcm:evidenceQuote ?evQuote } }
        } ORDER BY ?date ?c"""
    _Q_OWED = """SELECT ?c ?how ?date ?action ?due ?dueText ?status ?asOf ?ev ?evDate ?evQuote WHERE { #VALUES
        { ?c rcm:committedBy ?x BIND("own" AS ?how) }
        UNION { ?c rcm:fulfilment/rcm:deliveredBy ?x BIND("delivered" AS ?how) }
        UNION { ?c rcm:fulfilment/rcm:notDeliveredBy ?x BIND("not-delivered" AS ?how) }
        """ + _OWED_COLUMNS
    # The same columns for the commitments an actor's page shows (VALUES ?c), the union left out:
    # with it, oxigraph evaluated the whole union before the VALUES (3 s at 10,000 reports).
    _Q_SHOWN = """SELECT ?c ?date ?action ?due ?dueText ?status ?asOf ?ev ?evDate ?evQuote WHERE { #VALUES
        """ + _OWED_COLUMNS
    _OWED = ("unknown", "in-progress", "not-fulfilled", "partly-fulfilled")
    # a commitment the actor both made and is named in the assessment of is shown as its own
    _HOW = {OWN: 0, DELIVERED: 1, NOT_DELIVERED: 2}

    def _owed_solutions(self, iri: str) -> dict[str, Any]:
        """``_Q_OWED``'s row of each commitment of actor ``iri``, the first by date of the preferred ``how``."""
        chosen: dict[str, Any] = {}
        for r in self.solutions(self._Q_OWED, x=iri):
            c = r["c"].value
            first = chosen.get(c)
            if first is None or self._HOW[r["how"].value] < self._HOW[first["how"].value]:
                chosen[c] = r
        return chosen

    def _shown_solutions(self, commitments: Iterable[str]) -> dict[str, Any]:
        """``_Q_SHOWN``'s first row (by date) of each of ``commitments``."""
        values = " ".join(f"<{c}>" for c in sorted(commitments))
        if not values:
            return {}
        chosen: dict[str, Any] = {}
        for r in self.solutions(self._Q_SHOWN.replace("#VALUES", "#VALUES\nVALUES ?c { " + values + " }")):
            chosen.setdefault(r["c"].value, r)
        return chosen

    def _sections_actor(self, iri: str) -> list[Section]:
        """"Still owes" (open and overdue, oldest due first, with due dates and quotes), then what it
        fulfilled with the evidence, then what was superseded: the first MAX_ROWS of each, the
        rest on the actor's commitments page (an organisation can owe thousands).

        Which rows, in what order, comes from the actor's rows that ``rcmkg load`` keeps, and only
        the rows shown are looked up (every commitment of the Technical Secretariat at 10,000
        reports took 3 s to query); without them, from the query of every row."""
        listed = self.actor_rows(iri) if self.actor_rows is not None else None
        found: dict[str, Any] | None = None
        if listed is None:
            found = self._owed_solutions(iri)
            listed = []
            for c, r in found.items():
                due = r["due"].value if r["due"] is not None else None
                status = r["status"].value.rsplit("/", 1)[-1] if r["status"] is not None else "unknown"
                as_of = r["asOf"].value if r["asOf"] is not None else ""
                listed.append(ActorRow(c, r["how"].value, r["date"].value, due, actor_status(r["how"].value, status, due, as_of)))
            listed.sort(key=lambda a: (a.date, a.commitment))
        if not listed:
            return []
        owes: list[tuple[tuple[str, str], str, ActorRow]] = []
        done: list[tuple[str, ActorRow]] = []
        # The rows are sorted and cut before anything else is looked up: that is the cost of a row.
        for row in listed:
            status = row.status
            if status in self._OWED:
                owes.append(((row.due or "9999", row.date), status, row))
            elif status == "fulfilled" or status == "superseded":
                done.append((status, row))
        owes.sort(key=lambda o: o[0])
        more_owed, more_done = max(0, len(owes) - MAX_ROWS), max(0, len(done) - MAX_ROWS)
        owes, done = owes[:MAX_ROWS], done[:MAX_ROWS]
        shown = {row.commitment for _, _, row in owes} | {row.commitment for _, row in done}
        if found is None:
            found = self._shown_solutions(shown)
        quotes = self._quotes(shown)

        def link(r: Any) -> Term:
            t = self.term(r["c"])
            t.label = " ".join((r["action"].value if r["action"] is not None else r["c"].value).split())
            return t

        owed_rows: list[list[Term | None]] = []
        for _, status, row in owes:
            c = row.commitment
            if (r := found.get(c)) is None:
                continue  # kept by the load, gone from the store: not shown
            quote = Term("literal", " ".join(quotes[c].value.split())) if c in quotes else None
            # a country's part of the member countries' commitment: the evidence is about the others
            overdue = status == "not-fulfilled" if row.how == NOT_DELIVERED else bool(
                r["due"] is not None and r["due"].value and status != "partly-fulfilled" and r["evDate"] is None)
            shown_status = status + (" (overdue)" if overdue and status == "not-fulfilled" else "")
            owed_rows.append([self.term(r["date"]), link(r), self._t(r["due"]) or self._t(r["dueText"]) or Term("literal", "—"),
                              Term("literal", shown_status), quote])
        done_rows: list[list[Term | None]] = []
        for status, row in done:
            if (r := found.get(row.commitment)) is None:
                continue
            ev = self._t(r["ev"])
            if ev is not None and r["evDate"] is not None:
                ev.label = r["evDate"].value
            done_rows.append([self.term(r["date"]), link(r), Term("literal", status), ev,
                              Term("literal", r["evQuote"].value) if r["evQuote"] is not None else None])
        whole = (f"actor-commitments:{iri}", N_("The whole list"))
        return [Section(N_("Still owes"), [N_("Made"), N_("Commitment"), N_("Due"), N_("Status"), N_("Quote")], owed_rows,
                        note=N_("Open and overdue commitments, the oldest due first; a commitment with no due date comes last."),
                        more=more_owed, more_link=whole if more_owed else None),
                Section(N_("Fulfilled"), [N_("Made"), N_("Commitment"), N_("Status"), N_("Evidence"), N_("Evidence quote")], done_rows,
                        note=N_("Each with the later agreement that reports it done (or replaced)."),
                        more=more_done, more_link=whole if more_done else None)]

    def _quotes(self, commitments: Iterable[str]) -> dict[str, Any]:
        """The quote of each of ``commitments`` that has one (its span's exact text; the first found)."""
        values = " ".join(f"<{c}>" for c in sorted(commitments))
        if not values:
            return {}
        found: dict[str, Any] = {}
        for r in self.select("SELECT ?c ?quote WHERE { VALUES ?c { " + values + " } "
                             "?c prov:wasDerivedFrom/oa:hasSelector/oa:exact ?quote }"):
            found.setdefault(r["c"].value, r["quote"])
        return found

    def _sections_commitment(self, iri: str) -> list[Section]:
        rows = self.select("""SELECT ?status ?asOf ?ev ?evDate ?evQuote ?span WHERE { #VALUES
            ?c rcm:fulfilment ?f . ?f rcm:fulfilmentStatus ?status ; rcm:asOf ?asOf .
            OPTIONAL { ?f rcm:evidence ?ev . ?ev rcm:agreedAt/schema:startDate ?evDate }
            OPTIONAL { ?f rcm:evidenceQuote ?evQuote } OPTIONAL { ?f prov:wasDerivedFrom ?span } }""", c=iri)
        if not rows:
            return []
        r = rows[0]
        ev = self._t(r["ev"])
        if ev is not None and r["evDate"] is not None:
            ev.label = r["evDate"].value
        return [Section(N_("Fulfilment"), [N_("Status"), N_("As of"), N_("Evidence"), N_("Evidence quote")],
                        [[self.term(r["status"]), self.term(r["asOf"]), ev, self._t(r["evQuote"])]],
                        note=N_("Mentioning the item again is not evidence: only a later agreement that reports the action "
                                "done, under way or replaced."))]

    def _sections_track(self, iri: str) -> list[Section]:
        # The first MAX_ROWS rows of each table get their names looked up; the timeline has them all.
        ev = list(self.solutions("""SELECT ?e ?m ?date ?stage ?modality ?a WHERE { #VALUES
            ?e rcm:ofTrack ?t ; rcm:reportedAt ?m . ?m schema:startDate ?date .
            OPTIONAL { ?e rcm:stage ?stage } OPTIONAL { ?e rcm:modality ?modality } OPTIONAL { ?e rcm:reportedIn ?a }
            } ORDER BY ?date ?e""", t=iri))
        rows = [[self.term(r["date"]), self.term(r["m"]), self._t(r["stage"]), self._t(r["modality"]), self._t(r["a"])]
                for r in ev[:MAX_ROWS]]
        slug = iri.rstrip("/").rsplit("/", 1)[-1]
        com = list(self.solutions("""SELECT DISTINCT ?c ?date ?who ?status ?ev WHERE { #VALUES
            { ?a dct:subject ?t . ?a rcm:hasCommitment ?c } UNION { ?c rcm:object ?t }
            ?c rcm:madeIn/rcm:agreedAt/schema:startDate ?date . OPTIONAL { ?c rcm:committedBy ?who }
            OPTIONAL { ?c rcm:fulfilment ?f . ?f rcm:fulfilmentStatus ?status OPTIONAL { ?f rcm:evidence ?ev } }
            } ORDER BY ?date ?c""", t=iri))
        crow = [[self.term(r["date"]), self.term(r["c"]), self._t(r["who"]), self._t(r["status"]), self._t(r["ev"])]
                for r in com[:MAX_ROWS]]
        kept = self.quiet(iri) if self.quiet is not None else None
        last, n = kept if kept is not None else self._quiet_since(iri)
        note = ""
        note_args: dict[str, str] = {}
        if last is not None:
            note = N_("Dormant since %(last)s: %(n)s later meetings have not dealt with it.") if n >= DORMANT_MEETINGS \
                else N_("Last dealt with on %(last)s; %(n)s later meeting since.") if n == 1 \
                else N_("Last dealt with on %(last)s.")
            note_args = {"last": last, "n": str(n)}
        timeline = (f"trace:{slug}", N_("Timeline of this item"))
        return [Section(N_("Stages reported"), [N_("Date"), N_("Meeting"), N_("Stage"), N_("Modality"), N_("Agreement")], rows,
                        link=timeline, note=note, note_args=note_args,
                        more=max(0, len(ev) - MAX_ROWS), more_link=timeline if len(ev) > MAX_ROWS else None),
                Section(N_("Commitments about this item"), [N_("Made"), N_("Commitment"), N_("Who"), N_("Status"), N_("Evidence")],
                        crow, more=max(0, len(com) - MAX_ROWS), more_link=timeline if len(com) > MAX_ROWS else None)]

    def _quiet_since(self, iri: str) -> tuple[str | None, int]:
        """When tracked item ``iri`` last came up, and how many meetings its bodies held since,
        queried (two thirds of an item's page at 10,000 reports: the entries say it at once)."""
        dealt = self.select("""SELECT (MAX(?d) AS ?last) WHERE { #VALUES
            { ?a dct:subject ?t ; rcm:agreedAt ?m } UNION { ?e rcm:ofTrack ?t ; rcm:reportedAt ?m }
            UNION { ?m a rcm:Meeting ; dct:subject ?t }
            ?m schema:startDate ?d }""", t=iri)
        last = dealt[0]["last"].value if dealt and dealt[0]["last"] is not None else None
        if last is None:
            return None, 0
        # The bodies first: joined directly, every meeting that dealt with the item met every
        # meeting of its body (the square of a body's meetings, ten times slower at 200 reports).
        later = self.select("""SELECT (COUNT(DISTINCT ?later) AS ?n) WHERE {
            { SELECT DISTINCT ?body WHERE { #VALUES
              { ?a dct:subject ?t ; rcm:agreedAt ?m } UNION { ?e rcm:ofTrack ?t ; rcm:reportedAt ?m }
              UNION { ?m a rcm:Meeting ; dct:subject ?t }
              ?m schema:organizer ?body } }
            ?later schema:organizer ?body ; schema:startDate ?d .
            FILTER(STR(?d) > #LAST) }""".replace("#LAST", json.dumps(last)), t=iri)  # a date: JSON quoting is SPARQL's
        return last, int(later[0]["n"].value) if later and later[0]["n"] is not None else 0

    def spans_of_text(self, iri: str, memo: dict[Any, list[Any]] | None = None) -> list[Quote]:
        """Every span of a source text, in text order, with what was derived from it (for the text's
        page); ``memo`` as :meth:`subject_quads` has it."""
        spans = {term_value(q.subject) for q in self.quads(p=_nn(OA + "hasSource"), o=_nn(iri))}
        out = []
        for s in spans:
            quote = self.quote(s, memo)
            if quote is None:
                continue
            quote.derived = sorted((self.term(q.subject) for q in self.quads(p=_nn(PROV + "wasDerivedFrom"), o=_nn(s))),
                                   key=self._sort_key)
            out.append(quote)
        return sorted(out, key=lambda q: (q.start or 0, q.end or 0))

    # the home page and search
    @cached_property
    def last_meeting_date(self) -> str | None:
        """The start date of the archive's latest meeting, as the first of :meth:`meeting_rows` has
        it: the "as of" of a feed (the data's last day, not today: same store, same feed), without
        listing every meeting."""
        rows = self.select("SELECT (MAX(?date) AS ?last) WHERE { ?m a rcm:Meeting ; schema:startDate ?date }")
        last = rows[0]["last"] if rows else None
        return str(last.value) if last is not None else None

    def meeting_rows(self) -> list[dict[str, str | None]]:
        """Every meeting (IRIs and dates: meeting, date, end, org, place, report), newest first."""
        rows = self.select("""SELECT ?m ?date ?end ?org ?place ?report WHERE {
            ?m a rcm:Meeting ; schema:startDate ?date .
            OPTIONAL { ?m schema:endDate ?end } OPTIONAL { ?m schema:organizer ?org }
            OPTIONAL { ?m schema:location ?place } OPTIONAL { ?m schema:recordedIn ?report } }
            ORDER BY DESC(?date) ?m""")
        seen: set[str] = set()
        out: list[dict[str, str | None]] = []
        for r in rows:
            if r["m"].value in seen:
                continue
            seen.add(r["m"].value)
            out.append({"meeting": r["m"].value, "date": r["date"].value,
                        **{k: r[k].value if r[k] is not None else None for k in ("end", "org", "place", "report")}})
        return out

    def meetings(self, rows: Sequence[dict[str, str | None]] | None = None) -> list[dict[str, Any]]:
        """Every meeting with date, label, organiser and place, newest first (from ``rows`` of
        :meth:`meeting_rows` when given, e.g. as ``rcmkg load`` stored them)."""
        def t(iri: str | None) -> Term | None:
            return self.term(_nn(iri)) if iri else None

        return [{"meeting": self.term(_nn(str(r["meeting"]))), "date": r["date"], "end": r["end"],
                 "org": t(r["org"]), "place": t(r["place"]), "report": t(r["report"])} for r in
                (self.meeting_rows() if rows is None else rows)]

    def tracked_item_rows(self) -> list[tuple[str, int]]:
        """(tracked item, number of agreements that deal with it)."""
        rows = self.select("""SELECT ?t (COUNT(DISTINCT ?a) AS ?n) WHERE { ?t a rcm:TrackedItem .
            OPTIONAL { ?a dct:subject ?t ; a rcm:Agreement } } GROUP BY ?t""")
        return [(r["t"].value, int(r["n"].value)) for r in rows]

    def tracked_items(self, rows: Sequence[tuple[str, int]] | None = None) -> list[dict[str, Any]]:
        """The tracked items with how many agreements deal with each (from ``rows`` of
        :meth:`tracked_item_rows` when given)."""
        out = [{"track": self.term(_nn(t)), "slug": t.rstrip("/").rsplit("/", 1)[-1], "agreements": n}
               for t, n in (self.tracked_item_rows() if rows is None else rows)]
        return sorted(out, key=lambda d: (-d["agreements"], d["track"].text.lower()))

    def search(self, q: str, lang: str | None = None, limit: int = 100) -> list[Hit]:
        """Resources whose labels (English or Spanish; accents and case ignored) contain every word of ``q``."""
        words = [w for w in fold(q).split() if w]
        if not words:
            return []
        best: dict[str, tuple[int, Hit]] = {}
        for folded, label, label_lang, iri in self.search_index:
            if lang and label_lang and label_lang != lang:
                continue
            if not all(w in folded for w in words):
                continue
            if not self.has_page(iri):
                continue
            # Exact match first, then prefix, then anywhere; shorter labels first within a rank.
            joined = " ".join(words)
            rank = 0 if folded == joined else 1 if folded.startswith(joined) else 2
            score = rank * 10000 + len(folded)
            if iri not in best or score < best[iri][0]:
                hit = Hit(iri, self.label(iri, lang or "en") or self.display(iri), self.label_es(iri), label, label_lang,
                          [self.term(_nn(t)) for t in self.types.get(iri, [])])
                best[iri] = (score, hit)
        return [h for _, h in sorted(best.values(), key=lambda sh: (sh[0], sh[1].iri))][:limit]

    def suggest(self, iri: str, limit: int = 12, under: Callable[[str], list[str]] | None = None) -> list[Term]:
        """Resources near a missing IRI: the children of its nearest existing parent path, most
        similar name first (``meeting/rcm-lon-smtp/2018-07-20`` -> that body's meetings).

        ``under(prefix)``: the paths one segment below ``prefix`` (the search index's, a seek each);
        without it, read from :attr:`resource_iris` (every IRI of the store, listed on first use:
        17 s at 10,000 reports)."""
        path = iri.rstrip("/")
        while len(path) > len(self.id_base):
            parent = path.rsplit("/", 1)[0]
            prefix = parent + "/"
            wanted = iri[len(prefix):].split("/", 1)[0]
            children: list[str] = []
            if under is not None:
                children = [c for c in under(prefix) if self.has_page(c) and self.exists(c)]
            else:
                i = bisect.bisect_left(self.resource_iris, prefix)
                # Bounded scan: on a large graph a parent like id/meeting/ has many descendants.
                for candidate in self.resource_iris[i:i + 200000]:
                    if not candidate.startswith(prefix):
                        break
                    if "/" not in candidate[len(prefix):]:
                        children.append(candidate)
            if children:
                children.sort(key=lambda c: (-SequenceMatcher(None, wanted, c[len(prefix):]).ratio(), c))
                return [self.term(_nn(c)) for c in children[:limit]]
            path = parent
        return []


def _kind(types: Sequence[str]) -> str:
    for t, kind in ((RCM + "Meeting", "meeting"), (RCM + "Agreement", "agreement"), (RCM + "TrackedItem", "track"),
                    (RCM + "SourceText", "text"), (RCM + "Commitment", "commitment"), (RCM + "Country", "actor"),
                    (RCM + "Organisation", "actor"), (RCM + "CollectiveActor", "actor")):
        if t in types:
            return kind
    return "resource"


# --- links -------------------------------------------------------------------------------------------


class Linker:
    """IRIs and named routes -> hrefs. Subclasses decide absolute (server) or relative (static) paths."""

    def __init__(self, base: str, view: GraphView | None = None, lang: str = "en") -> None:
        self.base = base
        self.id_base = base + "id/"
        self.view = view
        #: The interface language of the pages linked to (rcmkg.i18n).
        self.lang = lang

    def switch(self, lang: str) -> str | None:
        """The same page in ``lang`` (the language switch), or None when there is none."""
        return None

    def doc_path(self, iri: str) -> str | None:
        """``doc/...`` path (no suffix) of the page about ``iri``, or None when it has none here."""
        iri, _, frag = iri.partition("#")
        if iri.startswith(self.id_base) and len(iri) > len(self.id_base):
            path = "doc/" + iri[len(self.id_base):]
        elif iri.startswith(VOC) and len(iri) > len(VOC):
            path = "voc/" + iri[len(VOC):]
        else:
            return None
        if self.view is not None and not self.view.exists(iri):
            return None
        return path + (f"#{frag}" if frag else "")

    def href(self, iri: str) -> str:
        """Where a link to ``iri`` goes: its page here, else the IRI itself."""
        path = self.doc_path(iri)
        if path is None:
            return iri
        doc, _, frag = path.partition("#")
        return self.page(doc) + (f"#{quote(frag, safe='=,')}" if frag else "")

    def page(self, doc: str, fmt: Format | None = None) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def url(self, route: str, **params: str) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def cite(self, iri: str, kind: str) -> str:
        """Where the ``bibtex`` or ``csl`` citation of ``iri`` downloads from."""
        from rcmkg.publish.cite import SUFFIXES

        path = (self.doc_path(iri) or "").partition("#")[0]
        return self.url("cite:" + path.split("/", 1)[-1] + SUFFIXES[kind])

    def alternates(self, iri: str) -> list[tuple[Format, str]]:
        """Every representation of the page about ``iri``: (format, href)."""
        path = self.doc_path(iri)
        if path is None:
            return []
        return [(f, self.page(path, f)) for f in RDF_FORMATS]


class ServerLinker(Linker):
    """Absolute paths on the server (``root`` is a mount prefix such as ``/rcmkg``)."""

    def __init__(self, base: str, view: GraphView | None = None, root: str = "", lang: str = "en",
                 keep_lang: bool = False, here: tuple[str, tuple[tuple[str, str], ...]] | None = None) -> None:
        super().__init__(base, view, lang)
        self.root = root.rstrip("/")
        # ``?lang=`` chose the language: links to pages keep it (a stable URL in that language).
        self.keep_lang = keep_lang
        self.here = here  # (path, query parameters) of the page being answered: its language switch

    def localised(self, lang: str, keep_lang: bool, here: tuple[str, tuple[tuple[str, str], ...]] | None
                  ) -> ServerLinker:
        """This linker for a page in ``lang`` answered at ``here``."""
        return ServerLinker(self.base, self.view, self.root, lang, keep_lang, here)

    def _lang_query(self) -> str:
        return f"lang={self.lang}" if self.keep_lang else ""

    def switch(self, lang: str) -> str | None:
        if self.here is None:
            return None
        path, params = self.here
        return path + "?" + urlencode([*(kv for kv in params if kv[0] != "lang"), ("lang", lang)])

    def page(self, doc: str, fmt: Format | None = None) -> str:
        lang = self._lang_query() if fmt is None else ""
        return f"{self.root}/{quote(doc)}" + (f".{fmt.extension}" if fmt else "") + (f"?{lang}" if lang else "")

    def url(self, route: str, **params: str) -> str:
        path = {"home": "/", "search": "/search", "sparql": "/sparql", "queries": "/query/", "commitments": "/commitments",
                "meetings": "/meetings",
                "dataset": "/doc/dataset", "void": "/void.ttl", "downloads": "/downloads", "ontology": "/ontology/", "static": "/static/",
                "validation": "/validation"}.get(route)
        if route.startswith("trace:"):
            path = "/trace/" + quote(route[6:])
        elif route.startswith("query:"):
            path = "/query/" + quote(route[6:])
        elif route.startswith("feed:"):
            path = "/feeds/" + quote(route[5:]) + ".atom"
        elif route.startswith("export:"):
            path = "/" + quote(route[7:])
        elif route.startswith("dump:"):
            path = "/dumps/" + route[5:]
        elif route.startswith("static:"):
            path = "/static/" + route[7:]
        elif route.startswith("cite:"):
            path = "/cite/" + quote(route[5:])
        elif route.startswith("actor-commitments:"):  # an actor's commitments: the list filtered by it
            path = "/commitments"
            params = {**params, "actor": route[len("actor-commitments:"):]}
        if path is None:
            raise KeyError(route)
        given = {k: v for k, v in params.items() if v is not None}
        # Pages keep the URL's language; files (CSS, dumps, VoID, a result format) have none.
        if self.keep_lang and route not in ("void", "static", "ontology") and not route.startswith(("static:", "dump:", "cite:")) \
                and "format" not in given and "lang" not in given:
            given["lang"] = self.lang
        query = urlencode(given)
        return f"{self.root}{path}" + (f"?{query}" if query else "")


#: Links a static linker and those made from it remember (a few MB).
_HREFS_KEPT = 1 << 16


class StaticLinker(Linker):
    """Paths relative to the page being written, with ``.html`` on pages: works from any folder."""

    def __init__(self, base: str, view: GraphView | None = None, current: str = "index.html",
                 sparql_endpoint: str | None = None, lang: str = "en",
                 _hrefs: dict[tuple[str, str, str], str] | None = None) -> None:
        super().__init__(base, view, lang)
        self.current = current  # the page's path in its language's tree (``doc/x.html``, never ``es/...``)
        self.sparql_endpoint = sparql_endpoint
        # (IRI, language, folder) -> href, shared by the linkers made from this one: the pages of a
        # folder link to the same meeting, bodies and countries (a publish writes 780,000 pages).
        self._hrefs: dict[tuple[str, str, str], str] = {} if _hrefs is None else _hrefs

    def at(self, current: str) -> StaticLinker:
        """The same linker for another page."""
        return StaticLinker(self.base, self.view, current, self.sparql_endpoint, self.lang, self._hrefs)

    def localised(self, lang: str) -> StaticLinker:
        """The same page in ``lang``: English pages at the site's root, the others under ``{lang}/``."""
        return StaticLinker(self.base, self.view, self.current, self.sparql_endpoint, lang, self._hrefs)

    def href(self, iri: str) -> str:
        key = (iri, self.lang, self._here)
        found = self._hrefs.get(key)
        if found is None:
            if len(self._hrefs) >= _HREFS_KEPT:
                self._hrefs.clear()  # bounded: the next folder's links come in
            found = self._hrefs[key] = super().href(iri)
        return found

    @staticmethod
    def prefix(lang: str) -> str:
        """Where ``lang``'s pages are in the site."""
        return "" if lang == "en" else f"{lang}/"

    @property
    def path(self) -> str:
        """The page's path in the site."""
        return self.prefix(self.lang) + self.current

    @cached_property
    def _here(self) -> str:
        return posixpath.dirname(self.path)

    def rel(self, target: str) -> str:
        """``target`` (a site path) relative to the current page."""
        here = self._here
        return _relpath(target, here) if here else target

    def _href(self, target: str) -> str:
        """``target`` relative to the current page, quoted for an ``href``."""
        return _quoted_relpath(target, self._here)

    def switch(self, lang: str) -> str | None:
        return self._href(self.prefix(lang) + self.current)

    def page(self, doc: str, fmt: Format | None = None) -> str:
        if fmt is None:  # pages are per language; the RDF documents are one set at the root
            return self._href(f"{self.prefix(self.lang)}{doc}.html")
        return self._href(f"{doc}.{fmt.extension}")

    def url(self, route: str, **params: str) -> str:
        targets = {"home": "index.html", "search": "search.html", "labels": "labels.html", "sparql": "sparql.html",
                   "queries": "sparql.html",
                   "commitments": "commitments.html", "dataset": "doc/dataset.html", "void": "void.ttl",
                   "downloads": "downloads.html",
                   "ontology": "ontology/index.html", "validation": "validation/index.html"}
        page = params.get("page")  # a list's later pages: the server's ?page=
        later = f"/page/{page}.html" if page and page != "1" else ".html"
        if route.startswith("trace:"):
            target = f"trace/{route[6:]}{later}"
        elif route == "meetings":
            target = f"meetings{later}"
        elif route.startswith("query:"):
            name, _, ext = route[6:].partition(".")
            target = f"query/{name}.{ext or 'html'}"
        elif route.startswith("dump:"):
            target = f"dumps/{route[5:]}"
        elif route.startswith("feed:"):
            target = f"feeds/{route[5:]}.atom"
        elif route.startswith("export:"):
            target = route[7:]
        elif route.startswith("static:"):
            target = f"static/{route[7:]}"
        elif route.startswith("cite:"):
            target = f"cite/{route[5:]}"
        elif route.startswith("actor-commitments:"):  # a page per actor (rcmkg.publish.site.extras)
            target = f"commitments/{actor_feed_path(route[len('actor-commitments:'):], self.base)}.html"
        else:
            target = targets[route]
        # HTML pages are per language (except pyLODE's ontology page); files are one set at the root.
        if target.endswith(".html") and route != "ontology":
            target = self.prefix(self.lang) + target
        return self._href(target)


#: Meetings on the home page and on each page of the meetings list (``/meetings?page=n``, the site's
#: ``meetings/page/{n}.html``), newest first: the home page of 10,000 meetings was 4.5 MB.
MEETINGS_PAGE = 300


def pages_of(total: int, size: int) -> int:
    """How many pages of ``size`` rows a list of ``total`` takes (at least one)."""
    return max(1, -(-total // size))


def list_pager(linker: Linker, route: str, page: int, pages: int, **extra: int) -> dict[str, Any] | None:
    """The pager of page ``page`` of ``pages`` of the list at ``route`` (its first page has no
    ``page`` parameter: one address a page), with ``extra`` for the template; None for one page."""
    if pages <= 1:
        return None

    def at(n: int) -> str:
        return linker.url(route, page=str(n)) if n > 1 else linker.url(route)

    return {"page": page, "pages": pages, **extra, "prev": at(page - 1) if page > 1 else None,
            "next": at(page + 1) if page < pages else None}


def actor_feed_path(iri: str, base: str) -> str:
    """The feed path of an actor: ``actor/org/iom`` for ``{base}id/org/iom`` (its commitments page
    in the static site is ``commitments/`` and that, with ``.html``)."""
    return "actor/" + iri[len(base + "id/"):] if iri.startswith(base + "id/") else "actor/" + iri.rsplit("/", 1)[-1]


# Pages are written folder by folder (IRIs in order) and link to the same things (their meeting,
# the countries, the navigation): the same link from the same folder is worked out once.
@lru_cache(maxsize=1 << 16)
def _quoted_relpath(target: str, here: str) -> str:
    return quote(_relpath(target, here) if here else target)


#: A part of a path that is empty, ``.`` or ``..``.
_ODD_PART = re.compile(r"(?:^|/)\.{0,2}(?:/|$)")


def _relpath(target: str, here: str) -> str:
    """``posixpath.relpath(target, here)`` for site paths, without its two ``abspath`` calls (a
    page has hundreds of links and publishing writes hundreds of thousands of pages)."""
    if _ODD_PART.search(target) or _ODD_PART.search(here):
        return posixpath.relpath(target, here)  # not a plain path: let posixpath normalise it
    t, h = target.split("/"), here.split("/")
    common = 0
    for a, b in zip(t, h, strict=False):  # the shorter path ends the common part
        if a != b:
            break
        common += 1
    parts = [".."] * (len(h) - common) + t[common:]
    return "/".join(parts) if parts else "."
