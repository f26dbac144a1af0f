"""Namespaces and the terms of the rcmkg ontology.

The ontology (``rcm:``) and the controlled vocabularies (``voc/...``) have fixed IRIs: they are the
project's vocabulary, not its data. Things (meetings, organisations, ...) live under the configurable
base IRI, see :mod:`rcmkg.iris`.
"""

from __future__ import annotations

RCM = "https://w3id.org/rcmkg/ont#"
VOC = "https://w3id.org/rcmkg/voc/"
SHAPES = "https://w3id.org/rcmkg/shapes#"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "http://schema.org/"
OA = "http://www.w3.org/ns/oa#"
TIME = "http://www.w3.org/2006/time#"
ELI = "http://data.europa.eu/eli/ontology#"
DCAT = "http://www.w3.org/ns/dcat#"
VOID = "http://rdfs.org/ns/void#"
SH = "http://www.w3.org/ns/shacl#"
FOAF = "http://xmlns.com/foaf/0.1/"
WD = "http://www.wikidata.org/entity/"

#: Prefixes written in every Turtle file and offered to every SPARQL query, in this order.
PREFIXES: dict[str, str] = {
    "rcm": RCM,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "dct": DCT,
    "prov": PROV,
    "org": ORG,
    "schema": SCHEMA,
    "oa": OA,
    "time": TIME,
    "eli": ELI,
    "act": VOC + "act/",
    "stage": VOC + "stage/",
    "modality": VOC + "modality/",
    "doctype": VOC + "doctype/",
    "orgtype": VOC + "orgtype/",
    "ckind": VOC + "commitment-kind/",
    "action": VOC + "action/",
    "mkind": VOC + "meeting-kind/",
    "rkind": VOC + "report-kind/",
    "lack": VOC + "lack/",
    "role": VOC + "role/",
    "fstatus": VOC + "fulfilment/",
    "wd": WD,
}


def sparql_prologue(extra: dict[str, str] | None = None) -> str:
    """PREFIX lines for every namespace above (and ``extra``), to prepend to a query."""
    items = {**PREFIXES, **(extra or {})}
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in items.items())


def voc(scheme: str, slug: str) -> str:
    """IRI of a concept in one of the fixed SKOS schemes, e.g. ``voc("stage", "drafted")``."""
    return f"{VOC}{scheme}/{slug}"


#: Controlled vocabularies (SKOS concept schemes shipped in ontology/vocabularies.ttl).
ACTS = ("thanks", "take-note", "request", "decision", "proposal", "other")
STAGES = (
    # (slug, rank): the ranked path, then the off-path outcomes (rank 0)
    ("proposed", 1),
    ("in-preparation", 2),
    ("drafted", 3),
    ("circulated-for-review", 4),
    ("submitted", 5),
    ("approved", 6),
    ("distributed", 7),  # handed out to the member countries as its own stage (not implemented yet)
    ("in-implementation", 8),
    ("deferred", 0),
    ("withdrawn", 0),
    ("superseded", 0),
)
STAGE_RANK = dict(STAGES)  # slug -> rank on the path (0 off it)
MODALITIES = ("done", "planned", "requested")
COMMITMENT_KINDS = ("pledge", "request")
MEETING_KINDS = ("ordinary", "extraordinary", "virtual", "workshop")
REPORT_KINDS = ("report", "conclusions", "recommendations", "declaration", "minutes")  # the genre of a report
LACKS = ("body", "delegations", "items", "place", "year")  # what a converted report's source does not say
FULFILMENT = ("fulfilled", "partly-fulfilled", "in-progress", "not-fulfilled", "superseded", "unknown")  # a commitment's status
ROLES = ("member", "observer", "presidency-pro-tempore")  # a country's role in the RCM (memberships, role holdings)
ACTIONS = (
    "send", "circulate", "submit", "translate", "organise", "disseminate", "share", "support",
    "present", "propose", "review", "develop", "request", "update", "carry-out", "other",
)
DOCTYPES = (
    "work-plan", "protocol", "guide-note", "diagnosis", "glossary", "guidelines", "comparative-matrix",
    "indicators", "handbook", "concept-note", "report", "study", "proposal", "action-lines", "toolkit",
    "treaty", "strategy", "other",
)
ORGTYPES = (
    "igo", "un-agency", "ngo", "civil-society-network", "coalition", "intergovernmental-process",
    "secretariat", "network", "government-body", "other",
)
